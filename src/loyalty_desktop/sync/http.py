"""The central server over HTTP(S), with the standard library only (a till installs no HTTP stack).

Whatever comes back is checked here, where it is read: an answer that is not what a
loyalty server says (an error status, a proxy's page, another program's JSON) is
ServerAnswerUnreadable, a ServerUnavailable that says the server was reached, so
the events stay queued and the pump carries on, never an exception it does not expect.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Mapping, Sequence
from typing import Any

from loyalty_desktop.domain.member_numbers import valid_store_no
from loyalty_desktop.services.sync import (
    BatchTooLarge,
    ServerAnswerUnreadable,
    ServerStore,
    ServerUnavailable,
    TokenRefused,
)

HOLD_TIMEOUT = 2.0  # seconds a sale may wait on the server for a redemption hold


class HttpSyncServer:
    """Push batches to ``{url}/v1/events`` and pull ``{url}/v1/changes`` with the store's bearer token."""

    def __init__(self, url: str, token: str, *, timeout: float = 30.0) -> None:
        self.url, self.token, self.timeout = url.rstrip("/"), token, timeout

    def push(self, events: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
        """Send one batch; any failure to get a whole answer is ServerUnavailable."""
        body = self._call("POST", "/v1/events", {"events": list(events)})
        results = body.get("results") if isinstance(body, dict) else None
        if not isinstance(results, list) or not all(isinstance(r, dict) for r in results):
            raise ServerAnswerUnreadable("the server's answer has no list of results")
        return results

    def changes(self, after: int, limit: int) -> tuple[list[Mapping[str, Any]], int]:
        """The change log after ``after`` and the cursor to ask with next (GET /v1/changes)."""
        body = self._call("GET", f"/v1/changes?after={int(after)}&limit={int(limit)}", None)
        rows = body.get("changes") if isinstance(body, dict) else None
        cursor = body.get("cursor") if isinstance(body, dict) else None
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise ServerAnswerUnreadable("the server's answer has no list of changes")
        if not isinstance(cursor, int) or isinstance(cursor, bool):
            raise ServerAnswerUnreadable("the server's answer has no cursor")
        return rows, cursor

    def store(self) -> ServerStore:
        """The store the token belongs to and its number (checks the URL and the token)."""
        body = self._call("GET", "/v1/store", None)
        found = body.get("store_id") if isinstance(body, dict) else None
        if not isinstance(found, str) or not found:
            raise ServerAnswerUnreadable("the server's answer names no store")
        number = body.get("store_no")
        # A server before store numbers says none: the till numbers members as before.
        if number is not None and not valid_store_no(number):
            raise ServerAnswerUnreadable("the server's answer has no usable store number")
        return ServerStore(found, number)

    def hold(self, hold_id: str, member_id: str, points: int) -> Mapping[str, Any]:
        """Ask for a redemption hold (POST /v1/holds); at most HOLD_TIMEOUT seconds."""
        body = self._call(
            "POST",
            "/v1/holds",
            {"hold_id": hold_id, "member_id": member_id, "points": points},
            timeout=HOLD_TIMEOUT,
        )
        status = body.get("status") if isinstance(body, dict) else None
        available = body.get("available") if isinstance(body, dict) else None
        if status not in ("held", "refused") or not isinstance(available, int):
            raise ServerAnswerUnreadable("the server's answer is not a hold")
        return dict(body)

    def release(self, hold_id: str) -> None:
        """Give a hold back (POST /v1/holds/{id}/release); at most HOLD_TIMEOUT seconds."""
        self._call("POST", f"/v1/holds/{hold_id}/release", {}, timeout=HOLD_TIMEOUT)

    def _call(self, method: str, path: str, body: Any, *, timeout: float | None = None) -> Any:
        request = urllib.request.Request(
            self.url + path,
            method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {self.token}"},
        )
        try:
            wait = self.timeout if timeout is None else min(timeout, self.timeout)
            with urllib.request.urlopen(request, timeout=wait) as response:
                answer = response.read()
        except urllib.error.HTTPError as exc:
            exc.close()  # its answer holds the connection; the garbage collector would warn
            if exc.code in (401, 403):
                raise TokenRefused(f"the server refused this store's token ({exc.code})") from exc
            if exc.code == 413:
                raise BatchTooLarge(f"the server refused the request's size ({exc.code})") from exc
            raise ServerAnswerUnreadable(f"the server answered {exc.code}: {exc.reason}") from exc
        except (OSError, ValueError) as exc:  # refused, reset, timed out, cut mid-answer
            raise ServerUnavailable(f"the server could not be reached: {exc}") from exc
        try:
            return json.loads(answer)
        except ValueError as exc:  # reached, but the answer is not JSON (a proxy's page)
            raise ServerAnswerUnreadable(f"the server's answer is not JSON: {exc}") from exc
