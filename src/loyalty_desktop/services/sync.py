"""Sending this store's outbox to the central server: only what the server acknowledged is marked sent.

The pump reads the oldest unsent events in short transactions of its own and never
holds the till's lock while it talks to the network, so a sale is never kept waiting
on the server. An event the server answered ``applied``, ``duplicate`` or ``rejected``
has been recorded there (the server keeps the first answer) and leaves the queue; a
``conflict`` (409) is quarantined here for a manager to look at. Anything else (a
timeout, a refused connection, a 5xx, a cut connection after the server committed)
leaves the events queued, and the next attempt's duplicates make the replay harmless.
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlsplit

from loyalty_desktop.domain.errors import InvalidRequest, LoyaltyError
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.events import EventKind
from loyalty_desktop.services.journal import write_audit
from loyalty_desktop.services.member_numbers import STORE_NO, block_text, start_block, store_no
from loyalty_desktop.services.programs import SYNC_SERVER, publish_programs
from loyalty_desktop.services.restored_till import restored_unsynced, synced
from loyalty_desktop.services.sync_wire import (
    BatchTooLarge,
    QuarantinedEvent,
    QueuedEvent,
    ServerAnswerUnreadable,
    ServerStore,
    ServerUnavailable,
    SyncQueue,
    SyncReport,
    SyncServer,
    SyncStatus,
    TokenRefused,
)

# The wire's types live in sync_wire.py; callers import them from here.
__all__ = [
    "BatchTooLarge",
    "QuarantinedEvent",
    "QueuedEvent",
    "ServerAnswerUnreadable",
    "ServerStore",
    "ServerUnavailable",
    "SyncQueue",
    "SyncReport",
    "SyncServer",
    "SyncStatus",
    "TokenRefused",
]

BATCH = 100
IN_FLIGHT = 2  # batches on the wire at once: the server applies one while the next travels
WINDOW = 10  # batches read from the queue per round; each is marked sent once answered
MAX_ADDRESS = 2000
SERVER, TOKEN, STORE = SYNC_SERVER, "sync.token", "sync.store_id"
LAST_SYNC, QUARANTINED = "sync.last_sync", "sync.quarantined"
# Kept by the pull (services/pull.py): the change log's cursor, when it last applied, clashes.
PULL_CURSOR, LAST_PULL, PULL_CLASHES = "sync.pull_cursor", "sync.last_pull", "sync.pull_clashes"
PULL_SKIPPED = "sync.pull_skipped"  # changes of the log this till could not read or apply
# Why the last pass stopped: "server_unavailable" (not reached), "server_answer" (reached,
# but its answer could not be used), "token_refused", or "refused" (this till refused
# something of the pass: a full disk, a damaged file).
PROBLEM = "sync.problem"
ACKNOWLEDGED = frozenset({"applied", "duplicate", "rejected"})


def _queue(shop: Shop) -> SyncQueue:
    if shop.sync_queue is None:
        raise InvalidRequest("this database cannot sync", reason="sync_unavailable")
    return shop.sync_queue


def connect(
    shop: Shop,
    actor: Actor,
    server: str,
    token: str,
    store_id: str,
    number: int | None = None,
) -> None:
    """Remember the server, this store's token, id and number (admin); audited without the token.

    ``number``: the store number the server gave; new members are numbered in its block
    from now on (None, from a server before store numbers: by card number, as before).
    """
    require(actor, Permission.SYNC)
    shop.secrets.put(TOKEN, token)  # beside the card keys, never in the database file
    with shop.uow() as uow:
        was = uow.settings.get(SERVER)
        was_no = store_no(uow)
        uow.settings.set(SERVER, server)
        uow.settings.set(TOKEN, "")
        uow.settings.set(STORE, store_id)
        uow.settings.set(STORE_NO, "" if number is None else str(number))
        start_block(uow)
        uow.settings.set(PROBLEM, "")
        publish_programs(uow, shop)  # the server checks sales' points against them
        if was != server:  # another server's log: its positions mean nothing there
            uow.settings.set(PULL_CURSOR, "")
        write_audit(
            uow,
            shop,
            actor,
            "sync.connect",
            f"setting:{SERVER}",
            None,
            {
                "server": server,
                "store_id": store_id,
                "store_no": number,
                "was_server": was,
                "was_store_no": was_no,
            },
            shop.clock.now(),
        )
        uow.commit()


def _client(shop: Shop, url: str, token: str) -> SyncServer:
    if shop.sync_server is None:
        raise InvalidRequest("this installation cannot reach a server", reason="sync_unavailable")
    return shop.sync_server(url, token)


def _plain_address(url: str) -> str | None:
    """An http(s) server address that carries no secret (it is shown, printed and audited).

    Returned with its host in ASCII (IDNA: ``总部.example`` is ``xn--...example``), which
    is what HTTP sends; None when it is no such address.
    """
    if len(url) > MAX_ADDRESS or not url.startswith(("http://", "https://")):
        return None
    try:
        parts = urlsplit(url)
        port = parts.port
        host = (parts.hostname or "").encode("idna").decode("ascii")
    except (ValueError, UnicodeError):  # a port out of range, a host IDNA cannot spell
        return None
    if not host or "@" in parts.netloc or parts.query or not url.isprintable() or " " in url:
        return None
    if ":" in host:  # an IPv6 address keeps its brackets
        host = f"[{host}]"
    netloc = host if port is None else f"{host}:{port}"
    return parts._replace(netloc=netloc, fragment="").geturl()


def connect_to(shop: Shop, actor: Actor, url: str, token: str) -> str:
    """Check the token with the server, then remember both (admin); the store's id.

    Raises ServerUnavailable or TokenRefused, having remembered nothing.
    """
    require(actor, Permission.SYNC)  # before the token goes anywhere
    address, token = _plain_address(url.strip()), token.strip()
    if address is None or not token:
        raise InvalidRequest(
            "give the server's address (http:// or https://, with no password or query in it) "
            "and this store's token",
            reason="sync_address",
        )
    found = _client(shop, address, token).store()
    connect(shop, actor, address, token, found.store_id, found.store_no)
    return found.store_id


def run_pass(shop: Shop) -> SyncStatus:
    """One pass of the till's background pump, if connected; the status after it.

    Never raises for the network: a server away or a refused token is in the status.
    """
    url, token = connection(shop)
    if url and token and shop.sync_server is not None:
        with contextlib.suppress(ServerUnavailable, TokenRefused):
            sync_pass(shop, shop.sync_server(url, token), while_connected=(url, token))
    return status(shop)


def disconnect(shop: Shop, actor: Actor) -> None:
    """Forget the server and the token (admin): the outbox keeps growing, nothing is lost.

    The store number stays: new members are still numbered in the store's block, so a
    store that connects again (to the same chain) has given out no number twice.
    """
    require(actor, Permission.SYNC)
    shop.secrets.put(TOKEN, None)
    with shop.uow() as uow:
        was = uow.settings.get(SERVER)
        for key in (SERVER, TOKEN, STORE, PROBLEM):
            uow.settings.set(key, "")
        write_audit(
            uow,
            shop,
            actor,
            "sync.disconnect",
            f"setting:{SERVER}",
            None,
            {"was_server": was},
            shop.clock.now(),
        )
        uow.commit()


def connection(shop: Shop) -> tuple[str | None, str | None]:
    """The server URL and token this store syncs with, if connected.

    A token an older version kept in the database moves out to the secrets file here.
    """
    with shop.uow(write=False) as uow:
        server, stored = uow.settings.get(SERVER) or None, uow.settings.get(TOKEN) or None
    if stored:
        shop.secrets.put(TOKEN, stored)
        with shop.uow() as uow:
            uow.settings.set(TOKEN, "")
            uow.commit()
    return server, shop.secrets.get(TOKEN) if server else None


def _quarantined(shop: Shop) -> list[dict[str, Any]]:
    with shop.uow(write=False) as uow:
        return list(json.loads(uow.settings.get(QUARANTINED) or "[]"))


def push_pending(
    shop: Shop, server: SyncServer, while_connected: tuple[str, str] | None = None
) -> SyncReport:
    """Send every queued event in batches of 100 until the queue is empty or the server fails.

    WINDOW batches are read at a time and sent IN_FLIGHT at once (the server applies one
    while the next is on the wire); each batch's answers are checked and marked on their
    own, so a batch that failed leaves only its own events (and the batches not yet
    started) queued. Raises ServerUnavailable or TokenRefused
    (after marking what was acknowledged) so the caller can back off and try again.
    ``while_connected`` (the till's pass): the server and token it started with; once the
    store is disconnected or connected elsewhere, no further batch goes to this server.
    """
    queue = _queue(shop)
    report = SyncReport()

    def still_on() -> bool:
        return while_connected is None or connection(shop) == while_connected

    while still_on() and (waiting := queue.pending(BATCH * WINDOW)):
        for batches in _rounds(waiting):
            failure: ServerUnavailable | TokenRefused | None = None
            for batch, answer in zip(batches, _send(server, batches, still_on), strict=True):
                if answer is None:  # not sent: an earlier batch failed; it stays queued
                    continue
                try:
                    results = _checked(batch, answer)
                except (ServerUnavailable, TokenRefused) as exc:
                    failure = failure or exc
                    continue
                report = _add(report, _mark(shop, queue, batch, results))
            if failure is not None:
                raise failure
    return report


def _rounds(waiting: Sequence[QueuedEvent]) -> list[list[Sequence[QueuedEvent]]]:
    """The batches to send, in rounds: the queue's programme files first, answered alone.

    The server recomputes a sale's points from the programme it names; a sale in a batch
    applied beside the programme's (two in flight) could not see it yet and went unchecked
    (32 of 1,012 members' sales of a demo year pushed at once). The queue puts unsent
    programmes first (``SyncQueue.pending``), so they go in a round of their own.
    """
    lead = 0
    while lead < len(waiting) and waiting[lead].kind == EventKind.PROGRAM_LOADED.value:
        lead += 1
    parts = [waiting[:lead], waiting[lead:]]
    return [[part[i : i + BATCH] for i in range(0, len(part), BATCH)] for part in parts if part]


def _send(
    server: SyncServer, batches: Sequence[Sequence[QueuedEvent]], still_on: Callable[[], bool]
) -> Iterator[list[Mapping[str, Any]] | Exception | None]:
    """Each batch's answers, the error that took their place, or None for a batch not sent.

    Yielded in the batches' order as soon as each is answered, so the caller marks a
    batch before the next is waited for (a store killed mid-round sends again only
    what it had not heard back). IN_FLIGHT batches travel at once; after the first
    failure no further batch is started (a server that is away should cost one timeout
    per batch on the wire, not one per batch), nor once ``still_on`` says the store no
    longer sends to this server, nor once the caller stopped reading.
    """
    failed = threading.Event()

    def one(batch: Sequence[QueuedEvent]) -> list[Mapping[str, Any]] | None:
        if failed.is_set() or not still_on():
            return None
        try:
            return _push_halving(server, batch)
        except (ServerUnavailable, TokenRefused):
            failed.set()  # before this thread can take another batch
            raise

    with ThreadPoolExecutor(min(IN_FLIGHT, len(batches)), thread_name_prefix="sync") as pool:
        futures = [pool.submit(one, batch) for batch in batches]
        try:
            for future in futures:
                if future.cancelled():
                    yield None
                    continue
                try:
                    answer: list[Mapping[str, Any]] | Exception | None = future.result()
                except (ServerUnavailable, TokenRefused) as exc:
                    answer = exc
                    for later in futures:
                        later.cancel()  # only those not started yet
                yield answer
        finally:
            failed.set()  # the caller stopped early (an error marking): start nothing more
            for later in futures:
                later.cancel()


def _push_halving(server: SyncServer, batch: Sequence[QueuedEvent]) -> list[Mapping[str, Any]]:
    """Push a batch; one the server finds too large (413) goes again as two halves, in order.

    A batch of 100 long imported sales, or of programme files, can pass the server's size
    limit; without this it would be refused on every retry and the queue would never move.
    A single event too large for the server stays refused (BatchTooLarge), queued.
    """
    try:
        return server.push([e.wire() for e in batch])
    except BatchTooLarge:
        if len(batch) == 1:
            raise
    half = len(batch) // 2
    return _push_halving(server, batch[:half]) + _push_halving(server, batch[half:])


def _checked(
    batch: Sequence[QueuedEvent], answer: list[Mapping[str, Any]] | Exception
) -> list[Mapping[str, Any]]:
    """The batch's answers, if they answer it; else the error that leaves it queued."""
    if isinstance(answer, Exception):
        raise answer
    if len(answer) != len(batch):
        raise ServerAnswerUnreadable(f"the server answered {len(answer)} of {len(batch)} events")
    if any(r.get("key", e.key) != e.key for e, r in zip(batch, answer, strict=True)):
        raise ServerAnswerUnreadable("the server's answers do not name the events sent")
    return answer


def _mark(
    shop: Shop, queue: SyncQueue, batch: Sequence[QueuedEvent], results: Sequence[Mapping[str, Any]]
) -> SyncReport:
    """Take the acknowledged events off the queue and quarantine the conflicting ones."""
    pushed = duplicates = rejected = 0
    done: list[str] = []
    held: list[dict[str, Any]] = []
    for event, result in zip(batch, results, strict=True):
        status = result.get("status")
        if status in ACKNOWLEDGED:
            done.append(event.id)
            pushed += status == "applied"
            duplicates += status == "duplicate"
            rejected += status == "rejected"
        elif status == "conflict":
            held.append({"id": event.id, "key": event.key, "reason": result.get("reason")})
    if held:
        _hold(shop, held)
    queue.mark_sent(done + [h["id"] for h in held], shop.clock.now())
    with shop.uow() as uow:
        uow.settings.set(LAST_SYNC, shop.clock.now().isoformat())
        uow.commit()
    return SyncReport(pushed, duplicates, rejected, len(held))


def _hold(shop: Shop, held: Sequence[Mapping[str, Any]]) -> None:
    with shop.uow() as uow:
        known = json.loads(uow.settings.get(QUARANTINED) or "[]")
        ids = {k["id"] for k in known}
        known += [h for h in held if h["id"] not in ids]
        uow.settings.set(QUARANTINED, json.dumps(known))
        uow.commit()


def sync_with_retry(
    shop: Shop,
    server: SyncServer,
    *,
    attempts: int = 5,
    first_wait: float = 1.0,
    sleep: Callable[[float], None],
    while_connected: tuple[str, str] | None = None,
) -> SyncReport:
    """Push until the queue is empty, backing off (1, 2, 4 … s) while the server is away.

    ``while_connected``: as for ``push_pending``.
    """
    total = SyncReport()
    for attempt in range(1, attempts + 1):
        try:
            return _add(total, sync_pass(shop, server, while_connected))
        except ServerUnavailable:
            if attempt == attempts:
                raise
            sleep(min(60.0, first_wait * 2 ** (attempt - 1)))
    return total


def _add(a: SyncReport, b: SyncReport) -> SyncReport:
    return SyncReport(
        a.pushed + b.pushed,
        a.duplicates + b.duplicates,
        a.rejected + b.rejected,
        a.quarantined + b.quarantined,
        a.pulled + b.pulled,
    )


def status(shop: Shop) -> SyncStatus:
    """Queue length, last sync, quarantined events and why the last pass stopped (no personal data)."""
    server, _ = connection(shop)
    with shop.uow(write=False) as uow:  # a read: it must not take the tills' write lock
        last = uow.settings.get(LAST_SYNC)
        store_id = uow.settings.get(STORE) or None
        problem = uow.settings.get(PROBLEM) or None
        last_pull = uow.settings.get(LAST_PULL) or None
        clashes = len(json.loads(uow.settings.get(PULL_CLASHES) or "[]"))
        skipped = len(json.loads(uow.settings.get(PULL_SKIPPED) or "[]"))
        number = store_no(uow)
    return SyncStatus(
        server,
        _queue(shop).queued(),
        last,
        len(_quarantined(shop)),
        store_id,
        problem,
        number,
        block_text(number),
        last_pull,
        clashes,
        skipped,
    )


@dataclass(frozen=True)
class PassedOver:
    """A change of the server's log this till could not read or apply, and passed over."""

    pos: int  # its position in the server's log
    store_id: str | None
    member_no: str | None
    reason: str  # a refusal's reason (domain/reasons), with its details
    details: Mapping[str, Any]
    message: str  # in English


def passed_over(shop: Shop, actor: Actor) -> list[PassedOver]:
    """The changes of the log the pull passed over (managers look at them), oldest first."""
    require(actor, Permission.AUDIT)
    with shop.uow(write=False) as uow:
        kept = json.loads(uow.settings.get(PULL_SKIPPED) or "[]")
    return [
        PassedOver(
            k["pos"], k.get("store_id"), k.get("member_no"), k["reason"], k["details"], k["message"]
        )
        for k in kept
    ]


def quarantined(shop: Shop, actor: Actor) -> list[QuarantinedEvent]:
    """The events the server refused as a reused key with another payload (managers look at them)."""
    require(actor, Permission.AUDIT)
    return [
        QuarantinedEvent(q["id"], q["key"], q["key"].split(":", 1)[0], q.get("reason"))
        for q in _quarantined(shop)
    ]


def sync_pass(
    shop: Shop, server: SyncServer, while_connected: tuple[str, str] | None = None
) -> SyncReport:
    """One pass of the pump as the till runs it: push, then pull; remember why it stopped if it did.

    The pull applies what other stores did (services/pull.py) after this store's own
    events are on the server. A server away is normal for a shop (the events stay queued
    and the next pass sends them); a refused token stops nothing at the till either, but
    the status says so until an administrator connects again.
    """
    try:
        report = push_pending(shop, server, while_connected)
        if while_connected is None or connection(shop) == while_connected:
            report = replace(report, pulled=_pull(shop, server))
    except ServerAnswerUnreadable:
        _note_problem(shop, "server_answer")
        raise
    except ServerUnavailable:
        _note_problem(shop, "server_unavailable")
        raise
    except TokenRefused:
        _note_problem(shop, "token_refused")
        raise
    except LoyaltyError:
        _note_problem(shop, "refused")
        raise
    _note_problem(shop, "")
    return report


def _pull(shop: Shop, server: SyncServer) -> int:
    """Apply the other stores' changes; how many were applied."""
    # pull.py reads the errors and settings above: imported here, not at the top, so the
    # two modules do not import each other while they load
    from loyalty_desktop.services.pull import pull

    with shop.uow(write=False) as uow:
        own = uow.settings.get(STORE) or None
    changes = pull(shop, server, own or server.store().store_id).changes
    with shop.uow(write=False) as uow:
        restored = restored_unsynced(uow)
    if restored:  # pushed and pulled: the till knows again what it did after its backup
        with shop.uow() as uow:
            synced(uow)
            uow.commit()
    return changes


def _note_problem(shop: Shop, problem: str) -> None:
    with shop.uow() as uow:
        uow.settings.set(PROBLEM, problem)
        uow.commit()
