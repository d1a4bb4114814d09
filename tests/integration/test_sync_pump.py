"""The till's sync pump against a server that answers, goes away or refuses the token.

The server here is a stand-in for the wire (the real one is tried in tests/server); what is
under test is the store's side: what leaves the queue, what the status says, who may connect.
"""

from __future__ import annotations

import http.server
import json
import threading
import urllib.error
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar

import pytest

from loyalty_desktop.app import Opened, open_database
from loyalty_desktop.domain.errors import InvalidRequest, PermissionDenied
from loyalty_desktop.services import browsing, checkout, members, programs, sync
from loyalty_desktop.services.auth import LOCAL_ADMIN, Actor, Role
from loyalty_desktop.services.baskets import SaleRequest
from loyalty_desktop.sync.http import HttpSyncServer
from tests.conftest import FixedClock
from tests.integration.conftest import PROGRAM
from tests.sync_wire import Wire, wired

CASHIER = Actor("Cai", Role.CASHIER)
MANAGER = Actor("Mia", Role.MANAGER)


@pytest.fixture
def store(tmp_path: Path, clock: FixedClock) -> Iterator[Opened]:
    opened = open_database(tmp_path / "shop.db", clock=clock, keys_dir=tmp_path / "keys")
    programs.load_program(opened.shop, LOCAL_ADMIN, PROGRAM, "test")
    for i in range(3):
        members.enrol(opened.shop, LOCAL_ADMIN, members.NewMember(name=f"M{i}"))
    yield opened
    opened.engine.dispose()


def test_only_an_admin_connects_and_the_audit_names_the_server_never_the_token(
    store: Opened,
) -> None:
    for actor in (CASHIER, MANAGER):
        with pytest.raises(PermissionDenied):
            sync.connect(store.shop, actor, "https://hq.example", "s3cret-token", "store-1")
    assert sync.status(store.shop).server is None

    sync.connect(store.shop, LOCAL_ADMIN, "https://hq.example", "s3cret-token", "store-1")

    status = sync.status(store.shop)
    assert (status.server, status.store_id, status.problem) == (
        "https://hq.example",
        "store-1",
        None,
    )
    entries = browsing.audit_log(store.shop, LOCAL_ADMIN).rows
    connected = [e for e in entries if e.action == "sync.connect"]
    assert len(connected) == 1
    logged = json.dumps([str(e) for e in entries], ensure_ascii=False)
    assert "https://hq.example" in logged
    assert "s3cret-token" not in logged


def test_a_server_away_keeps_the_queue_and_says_so_until_a_pass_gets_through(
    store: Opened,
) -> None:
    wire = Wire()
    queued = sync.status(store.shop).queue
    assert queued >= 3
    wire.failure = sync.ServerUnavailable("refused")
    with pytest.raises(sync.ServerUnavailable):
        sync.sync_pass(store.shop, wire)
    status = sync.status(store.shop)
    assert (status.queue, status.problem) == (queued, "server_unavailable")

    wire.failure = None
    report = sync.sync_pass(store.shop, wire)

    status = sync.status(store.shop)
    assert (report.pushed, status.queue, status.problem) == (queued, 0, None)
    assert len(wire.keys) == len(set(wire.keys)) == queued


def test_a_refused_token_is_not_retried_and_stays_in_the_status_until_connected_again(
    store: Opened,
) -> None:
    wire = Wire()
    wire.failure = sync.TokenRefused("401")
    with pytest.raises(sync.TokenRefused):
        sync.sync_with_retry(store.shop, wire, sleep=lambda _: None)
    assert wire.calls == 1  # five tries would only hammer the server with a dead token
    with pytest.raises(sync.TokenRefused):
        sync.sync_pass(store.shop, wire)
    assert sync.status(store.shop).problem == "token_refused"

    sync.connect(store.shop, LOCAL_ADMIN, "https://hq.example", "new-token", "store-1")
    assert sync.status(store.shop).problem is None


def test_disconnecting_forgets_the_server_but_keeps_every_queued_event(store: Opened) -> None:
    sync.connect(store.shop, LOCAL_ADMIN, "https://hq.example", "tok", "store-1")
    queued = sync.status(store.shop).queue

    sync.disconnect(store.shop, LOCAL_ADMIN)

    assert sync.connection(store.shop) == (None, None)
    assert sync.status(store.shop).queue == queued
    with pytest.raises(PermissionDenied):
        sync.disconnect(store.shop, MANAGER)


def test_quarantined_events_are_listed_for_managers_with_their_kind(store: Opened) -> None:
    conflicting = Wire()
    conflicting.answer = "conflict"  # with the reason "key_reused"
    queued = sync.status(store.shop).queue
    sync.sync_pass(store.shop, conflicting)

    held = sync.quarantined(store.shop, MANAGER)
    assert len(held) == queued == sync.status(store.shop).quarantined
    assert {q.kind for q in held} == {"member", "profile"}  # each enrolment and its profile
    assert {q.reason for q in held} == {"key_reused"}
    with pytest.raises(PermissionDenied):
        sync.quarantined(store.shop, CASHIER)


class _Refusing(http.server.BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        self.send_response(401)
        self.end_headers()

    do_GET = do_POST  # noqa: N815

    def log_message(self, *args: object) -> None:
        """Quiet."""


def test_the_http_client_tells_a_refused_token_from_a_server_away() -> None:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Refusing)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        client = HttpSyncServer(f"http://127.0.0.1:{httpd.server_port}", "old", timeout=5)
        with pytest.raises(sync.TokenRefused):
            client.push([{"key": "k"}])
    finally:
        httpd.shutdown()
        httpd.server_close()
    away = HttpSyncServer(f"http://127.0.0.1:{httpd.server_port}", "old", timeout=5)
    with pytest.raises(sync.ServerUnavailable):
        away.push([{"key": "k"}])


def test_connecting_checks_the_address_and_the_token_first_and_remembers_nothing_on_failure(
    store: Opened,
) -> None:
    wire = Wire()
    shop = wired(store.shop, wire)
    with pytest.raises(InvalidRequest):
        sync.connect_to(shop, LOCAL_ADMIN, "hq.example", "tok")  # no scheme
    with pytest.raises(PermissionDenied):
        sync.connect_to(shop, MANAGER, "https://hq.example", "tok")
    assert wire.tokens == []  # a refused person's token never went to the network
    wire.failure = sync.TokenRefused("401")
    with pytest.raises(sync.TokenRefused):
        sync.connect_to(shop, LOCAL_ADMIN, "https://hq.example", "wrong")
    assert sync.connection(shop) == (None, None)

    wire.failure = None
    assert sync.connect_to(shop, LOCAL_ADMIN, " https://hq.example ", " tok ") == "store-9"
    assert sync.connection(shop) == ("https://hq.example", "tok")


def test_the_tills_background_pass_never_raises_and_does_nothing_until_connected(
    store: Opened,
) -> None:
    wire = Wire()
    shop = wired(store.shop, wire)
    queued = sync.status(shop).queue
    assert sync.run_pass(shop).server is None
    assert wire.calls == 0

    sync.connect(shop, LOCAL_ADMIN, "https://hq.example", "tok", "store-9")
    wire.failure = sync.ServerUnavailable("cable out")
    away = sync.run_pass(shop)
    # connecting queued the programme in force for the server (its sales are checked by it)
    assert (away.problem, away.queue) == ("server_unavailable", queued + 1)
    wire.failure = sync.TokenRefused("revoked")
    assert sync.run_pass(shop).problem == "token_refused"
    wire.failure = None
    back = sync.run_pass(shop)
    assert (back.problem, back.queue, back.last_sync is not None) == (None, 0, True)


def test_the_token_lives_beside_the_card_keys_never_in_the_database_file(
    tmp_path: Path, clock: FixedClock
) -> None:
    opened = open_database(tmp_path / "shop.db", clock=clock, keys_dir=tmp_path / "keys")
    try:
        sync.connect(opened.shop, LOCAL_ADMIN, "https://hq.example", "tok-5f2a9c7e", "store-1")
        assert sync.connection(opened.shop) == ("https://hq.example", "tok-5f2a9c7e")
        secrets_file = tmp_path / "keys" / "secrets.json"
        assert secrets_file.stat().st_mode & 0o777 == 0o600
        assert secrets_file in opened.protected_files()  # no --out may overwrite it
    finally:
        opened.engine.dispose()
    on_disk = b"".join(p.read_bytes() for p in tmp_path.glob("shop.db*"))
    assert b"tok-5f2a9c7e" not in on_disk
    assert b"tok-5f2a9c7e" in secrets_file.read_bytes()
    again = open_database(tmp_path / "shop.db", clock=clock, keys_dir=tmp_path / "keys")
    try:
        assert sync.connection(again.shop) == ("https://hq.example", "tok-5f2a9c7e")
        sync.disconnect(again.shop, LOCAL_ADMIN)
    finally:
        again.engine.dispose()
    assert b"tok-5f2a9c7e" not in secrets_file.read_bytes()


def test_a_token_an_older_version_kept_in_the_database_moves_out_on_first_use(
    store: Opened,
) -> None:
    with store.shop.uow() as uow:  # what the first sync release wrote
        uow.settings.set(sync.SERVER, "https://hq.example")
        uow.settings.set(sync.TOKEN, "old-plain-token")
        uow.commit()

    assert sync.connection(store.shop) == ("https://hq.example", "old-plain-token")

    with store.shop.uow(write=False) as uow:
        assert not uow.settings.get(sync.TOKEN)
    assert store.shop.secrets.get(sync.TOKEN) == "old-plain-token"


class _Failing(http.server.BaseHTTPRequestHandler):
    """Answers 500 with a body on a kept-alive connection, as uvicorn does for a crashed push."""

    protocol_version = "HTTP/1.1"

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers["Content-Length"]))
        body = b"Internal Server Error"
        self.send_response(500)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        """Quiet."""


def test_a_server_error_is_a_server_away_and_its_answer_is_closed_at_once() -> None:
    # Left to the garbage collector, the answer's socket was reported unclosed (a soak run
    # failed on the ResourceWarning), and a till kept the connection until a collection.
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Failing)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        client = HttpSyncServer(f"http://127.0.0.1:{httpd.server_port}", "t", timeout=5)
        with pytest.raises(sync.ServerUnavailable) as caught:
            client.push([{"key": "k"}])
    finally:
        httpd.shutdown()
        httpd.server_close()
    answer = caught.value.__cause__
    assert isinstance(answer, urllib.error.HTTPError)
    assert answer.code == 500
    assert answer.fp is None or answer.fp.closed


class _Garbage(http.server.BaseHTTPRequestHandler):
    bodies: ClassVar[list[bytes]] = []

    def do_POST(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(self.bodies.pop(0))

    do_GET = do_POST  # noqa: N815

    def log_message(self, *args: object) -> None:
        """Quiet."""


@pytest.mark.parametrize(
    "body",
    [b'{"error": "maintenance"}', b"[1, 2]", b'{"results": 5}', b'{"results": ["applied"]}', b"7"],
)
def test_a_server_answering_nonsense_is_a_server_away_never_a_crash(body: bytes) -> None:
    """A proxy's or another program's 200 answer must leave the events queued, not kill the pump."""
    _Garbage.bodies = [body, body]
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Garbage)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        client = HttpSyncServer(f"http://127.0.0.1:{httpd.server_port}", "tok", timeout=5)
        with pytest.raises(sync.ServerUnavailable):
            client.push([{"key": "k"}])
        with pytest.raises(sync.ServerUnavailable):
            client.store()
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_disconnect_during_a_pass_stops_it_before_the_next_batch(
    store: Opened, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Disconnected (the wrong server, say) while a pass runs: the rest of the queue stays here."""

    class Disconnected(Wire):
        lock = threading.Lock()

        def push(self, events: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
            with self.lock:
                if sync.connection(store.shop)[0] is not None:
                    sync.disconnect(store.shop, LOCAL_ADMIN)  # the admin, on the Sync page
                return super().push(events)

    monkeypatch.setattr(sync, "BATCH", 1)
    wire = Disconnected()
    shop = wired(store.shop, wire)
    sync.connect(shop, LOCAL_ADMIN, "https://wrong.example", "tok", "store-9")
    queued = sync.status(shop).queue
    assert queued >= 3

    after = sync.run_pass(shop)

    # the batches already started (at most IN_FLIGHT: a second thread may look before or
    # after the first one's disconnect) are answered; no other is sent
    assert 1 <= wire.calls <= sync.IN_FLIGHT < queued
    assert (after.server, after.queue) == (None, queued - wire.calls)


@pytest.mark.parametrize(
    "url",
    [
        "https://store:s3cret@hq.example",  # a password in the address
        "https://hq.example/?token=s3cret",  # the token pasted into the address
        "https://hq.example/" + "a" * 5000,
        "file:///etc/passwd",
        "http://hq example.com",  # a space in the host
        "http://hq.example:99999",  # no such port
        "http://hq\u0000.example",
        "http://" + "a" * 70 + ".example",  # a label IDNA cannot spell
    ],
)
def test_an_address_carrying_a_secret_or_no_server_is_refused_before_it_is_kept(
    store: Opened, url: str
) -> None:
    """The address is shown in the status bar, printed and audited: it must carry no secret."""
    wire = Wire()
    shop = wired(store.shop, wire)
    with pytest.raises(InvalidRequest) as refused:
        sync.connect_to(shop, LOCAL_ADMIN, url, "tok")
    assert refused.value.reason == "sync_address"
    assert wire.tokens == []
    assert sync.connection(shop) == (None, None)
    logged = json.dumps([str(e) for e in browsing.audit_log(shop, LOCAL_ADMIN).rows])
    assert "s3cret" not in logged


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("http://总部.example:8700/", "http://xn--h9tn79h.example:8700/"),
        ("https://HQ.Example.com", "https://hq.example.com"),
        ("http://[::1]:8700", "http://[::1]:8700"),
    ],
)
def test_a_server_named_in_chinese_is_kept_as_http_sends_it(
    store: Opened, typed: str, kept: str
) -> None:
    """Before, a non-Latin host went as typed and failed with "'latin-1' codec can't encode"."""
    shop = wired(store.shop, Wire())

    sync.connect_to(shop, LOCAL_ADMIN, typed, "tok")

    assert sync.connection(shop) == (kept, "tok")
    assert kept.encode("ascii")


def test_answers_that_do_not_name_the_events_sent_mark_nothing_sent(store: Opened) -> None:
    """A server (or a proxy) that answers another batch, or in another order: nothing leaves."""

    class Shuffled(Wire):
        def push(self, events: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
            self.calls += 1
            keys = [e["key"] for e in events][::-1]
            return [{"key": k, "status": "applied"} for k in keys]

    queued = sync.status(store.shop).queue
    assert queued >= 2
    with pytest.raises(sync.ServerUnavailable):
        sync.sync_pass(store.shop, Shuffled())
    assert sync.status(store.shop).queue == queued


def _queue_to(store: Opened, total: int) -> int:
    """Enrol members until at least ``total`` events are queued (an enrolment queues two)."""
    i = 0
    while sync.status(store.shop).queue < total:
        members.enrol(store.shop, LOCAL_ADMIN, members.NewMember(name=f"Extra {i}"))
        i += 1
    return sync.status(store.shop).queue


def test_two_batches_travel_at_once_so_the_server_applies_one_while_the_next_arrives(
    store: Opened,
) -> None:
    class BothOnTheWire(Wire):
        # Each push waits until the other batch is in flight too: one at a time never meets.
        meet = threading.Barrier(2, timeout=10)
        lock = threading.Lock()

        def push(self, events: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
            self.meet.wait()
            with self.lock:
                return super().push(events)

    queued = _queue_to(store, sync.BATCH + 10)
    wire = BothOnTheWire()

    report = sync.push_pending(store.shop, wire)

    assert (report.pushed, wire.calls, sync.status(store.shop).queue) == (queued, 2, 0)
    assert sorted(wire.keys) == sorted(set(wire.keys))


def test_a_batch_that_failed_beside_one_that_got_through_leaves_only_its_own_events_queued(
    store: Opened,
) -> None:
    queued = _queue_to(store, sync.BATCH + 10)

    class FirstLost(Wire):
        lock = threading.Lock()
        meet = threading.Barrier(2, timeout=10)  # both batches are on the wire before one fails

        def push(self, events: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
            self.meet.wait()
            with self.lock:
                self.calls += 1
                if len(events) == sync.BATCH:  # the older, full batch: its answer is lost
                    raise sync.ServerUnavailable("connection reset")
                self.keys += [e["key"] for e in events]
                return [{"status": "applied"} for _ in events]

    wire = FirstLost()
    with pytest.raises(sync.ServerUnavailable):
        sync.push_pending(store.shop, wire)

    assert sync.status(store.shop).queue == sync.BATCH  # the 10 or so acknowledged left, 100 wait
    assert len(wire.keys) == queued - sync.BATCH
    wire = Wire()
    assert sync.push_pending(store.shop, wire).pushed == sync.BATCH
    assert sync.status(store.shop).queue == 0


def test_the_queue_sends_every_programme_version_ahead_of_the_sales_made_before_connecting(
    store: Opened, clock: FixedClock
) -> None:
    member_no = members.enrol(store.shop, LOCAL_ADMIN, members.NewMember(name="Buyer")).member_no
    checkout.checkout(store.shop, LOCAL_ADMIN, SaleRequest("S1", member_no, total="30.00"))
    programs.load_program(store.shop, LOCAL_ADMIN, PROGRAM + "\n# v2\n", "v2")
    clock.advance(minutes=1)
    checkout.checkout(store.shop, LOCAL_ADMIN, SaleRequest("S2", member_no, total="40.00"))
    sync.connect(store.shop, LOCAL_ADMIN, "https://hq.example", "s3cret-token", "store-1")
    queue = store.shop.sync_queue
    assert queue is not None

    first = queue.pending(100)
    two = queue.pending(2)
    three = queue.pending(3)

    kinds = [e.kind for e in first]
    assert kinds[:2] == ["program.loaded", "program.loaded"]
    assert [e.payload["program_version"] for e in first[:2]] == [1, 2]
    assert "program.loaded" not in kinds[2:]  # each event once
    rest = [e.seq for e in first[2:]]
    assert rest == sorted(rest)
    assert len(first) == queue.queued()
    assert [e.id for e in two] == [e.id for e in first[:2]]
    assert [e.id for e in three] == [e.id for e in first[:3]]
    queue.mark_sent([e.id for e in two], clock.now())
    assert [e.id for e in queue.pending(100)] == [e.id for e in first[2:]]
