"""``loyalty sync``: the token this store connected with goes only to the server it was checked with."""

from __future__ import annotations

import http.server
import json
import threading
from pathlib import Path

from loyalty_desktop.app import open_database
from loyalty_desktop.services import sync
from loyalty_desktop.services.auth import LOCAL_ADMIN
from tests.e2e.conftest import Loyalty


class _Listening(http.server.BaseHTTPRequestHandler):
    heard: list[str] = []  # noqa: RUF012 - one test at a time

    def do_POST(self) -> None:
        self.heard.append(self.headers.get("Authorization", ""))
        self.send_response(500)
        self.end_headers()

    do_GET = do_POST  # noqa: N815

    def log_message(self, *args: object) -> None:
        """Quiet."""


def test_the_stored_token_is_never_sent_to_another_server(shop_cli: Loyalty, db_path: Path) -> None:
    assert shop_cli("member", "add", "--name", "Ann")[0] == 0  # an event to send
    opened = open_database(db_path)
    try:
        sync.connect(opened.shop, LOCAL_ADMIN, "https://hq.example", "s3cret-token", "store-1")
    finally:
        opened.engine.dispose()
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Listening)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        other = f"http://127.0.0.1:{httpd.server_port}"
        code, out = shop_cli("sync", "--once", "--server", other)
    finally:
        httpd.shutdown()
        httpd.server_close()

    assert code != 0
    assert out["error"] == "token_elsewhere", out
    assert not any("s3cret-token" in h for h in _Listening.heard)
    assert "s3cret-token" not in str(out)


def test_the_sync_loop_stops_when_the_store_is_disconnected(
    shop_cli: Loyalty, db_path: Path
) -> None:
    """An administrator disconnects on the Sync page while ``loyalty sync`` runs: it stops."""
    for name in ("Ann", "Bo"):
        assert shop_cli("member", "add", "--name", name)[0] == 0

    class Disconnecting(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            events = json.loads(self.rfile.read(int(self.headers["Content-Length"])))["events"]
            shop = open_database(db_path)
            try:
                sync.disconnect(shop.shop, LOCAL_ADMIN)
            finally:
                shop.engine.dispose()
            body = json.dumps({"results": [{"key": e["key"], "status": "applied"} for e in events]})
            self.send_response(200)
            self.end_headers()
            self.wfile.write(body.encode())

        def log_message(self, *args: object) -> None:
            """Quiet."""

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Disconnecting)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    opened = open_database(db_path)
    try:
        sync.connect(opened.shop, LOCAL_ADMIN, f"http://127.0.0.1:{httpd.server_port}", "t", "s")
    finally:
        opened.engine.dispose()
    try:
        done: list[tuple[int, dict[str, object]]] = []
        runner = threading.Thread(
            target=lambda: done.append(shop_cli("sync", "--every", "0.05")), daemon=True
        )
        runner.start()
        runner.join(30)
    finally:
        httpd.shutdown()
        httpd.server_close()

    assert done, "loyalty sync went on after the store was disconnected"
    code, out = done[0]
    assert (code, out["error"]) == (1, "not_connected")
