"""`loyalty-server` refuses a typo with one line of JSON, never a chain-wide write-off.

Attack finding 6: `expire --at` a year too far wrote off every lot with no undo.
"""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from tests.server.conftest import Server
from tests.server.events import enrolled
from tests.server.test_server_expiry import _earning, _push


def _run(db: str, *args: str) -> tuple[int, Any, str]:
    done = subprocess.run(
        [sys.executable, "-m", "loyalty_desktop.server.cli", "--db", db, *args],
        capture_output=True,
        text=True,
        check=False,
    )
    return done.returncode, json.loads(done.stdout) if done.stdout else None, done.stderr


def test_expire_at_a_year_ahead_is_refused_without_future(server: Server) -> None:
    member = str(uuid.uuid4())
    now = datetime.now(UTC)
    assert _push(server, enrolled(member, 1), _earning(member, 2, 100, now)[0]) == ["applied"] * 2
    typo = (now + timedelta(days=3650)).isoformat()  # 2037 for 2027

    code, answer, _ = _run(server.db, "expire", "--at", typo, "--json")
    assert (code, answer["error"]) == (2, "at_in_future"), answer
    assert server.sql("select count(*) from ledger where kind = 'expire'") == [(0,)]

    soon = (now + timedelta(hours=12)).isoformat()  # within the day's grace: runs
    assert _run(server.db, "expire", "--at", soon, "--json")[0] == 0
    code, answer, _ = _run(server.db, "expire", "--at", typo, "--future", "--json")
    assert (code, answer["lots"]) == (0, 1), answer
