"""The door of the HTTP API: the store's token is checked, then the body's size, before a byte is read.

FastAPI reads and parses a request's body before its dependencies run, so a body of any
size was held whole (and parsed, about 24 times its size in memory) before the token was
looked at: a 48 MB body with no token took the server from 114 MB to 1.17 GB, then 401.
This ASGI middleware answers 401 from the headers alone, and 413 for a body over
``MAX_BODY`` (from its Content-Length, or while it is read when it has none), so the
application never sees it.

``MAX_BODY`` is 4 MB: a batch of 100 events of real sales is about 200 KB (a sale of 10
lines with its movements and lots is under 2 KB of JSON), and the largest single event, a
programme file (``program.loaded``, at most 1 MB as the till loads it, a few KB in practice),
fits three times over in one batch.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_BODY = 4 * 1024 * 1024
MAX_DRAINED = 64 * 1024 * 1024  # a refused body read and dropped, so the client gets the answer
OPEN_PATHS = frozenset({"/v1/health"})  # everything else under /v1/ needs a store's token
STORE = "store_id"  # the authenticated store, in the request's state


class Guard:
    """Token first, then size: what reaches the application is a known store's, and small."""

    def __init__(self, app: ASGIApp, authenticate: Callable[[str], uuid.UUID | None]) -> None:
        self.app = app
        self.authenticate = authenticate

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer 401 or 413 from the headers, or pass the request on with its body counted."""
        path = scope.get("path", "")
        if scope["type"] != "http" or not path.startswith("/v1/") or path in OPEN_PATHS:
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        given = headers.get(b"authorization", b"").decode("latin-1")
        token = given.removeprefix("Bearer ").strip()
        store = await run_in_threadpool(self.authenticate, token) if token else None
        if store is None:
            await _refuse(receive, send, 401, "unknown or revoked store token")
            return
        try:
            length = int(headers.get(b"content-length", b"0"))
        except ValueError:
            length = 0  # uvicorn refuses a malformed length itself; count what comes
        if length > MAX_BODY:
            await _refuse(receive, send, 413, f"a request body may be at most {MAX_BODY} bytes")
            return
        scope.setdefault("state", {})[STORE] = store
        read = 0

        async def limited() -> Message:
            nonlocal read
            message = await receive()
            read += len(message.get("body", b""))
            if read > MAX_BODY:  # no Content-Length, or more than it said
                raise HTTPException(413, f"a request body may be at most {MAX_BODY} bytes")
            return message

        await self.app(scope, limited, send)


async def _refuse(receive: Receive, send: Send, status: int, detail: str) -> None:
    """An error answer shaped as FastAPI's (``{"detail": …}``); the body is read and dropped.

    Dropped chunk by chunk as it arrives (memory stays one chunk), up to ``MAX_DRAINED``:
    a client still sending when the answer comes sees a reset, not the answer. Past that
    the connection is closed unread.
    """
    drained, more = 0, True
    while more and drained <= MAX_DRAINED:
        message = await receive()
        drained += len(message.get("body", b""))
        more = message.get("more_body", False) and message["type"] == "http.request"
    body = json.dumps({"detail": detail}).encode()
    headers: list[tuple[bytes, bytes]] = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
    ]
    start: dict[str, Any] = {"type": "http.response.start", "status": status, "headers": headers}
    await send(start)
    await send({"type": "http.response.body", "body": body})
