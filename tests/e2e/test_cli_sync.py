"""``loyalty sync``: the token this store connected with goes only to the server it was checked with."""

from __future__ import annotations

import http.server
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
