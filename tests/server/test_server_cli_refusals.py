"""`loyalty-server` refuses a typo with one line of JSON, never a traceback or a chain-wide write-off.

Attack findings 6 and 16: `expire --at` a year too far wrote off every lot with no undo;
`check --parked-days 99999999999` and `--db` naming a missing database printed tracebacks;
`store add ''` registered a store with no name.
"""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy

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


def test_check_refuses_a_parked_days_no_date_can_hold(server: Server) -> None:
    code, answer, err = _run(server.db, "check", "--json", "--parked-days", "99999999999")
    assert (code, answer["error"]) == (2, "usage"), err
    assert "Traceback" not in err
    assert _run(server.db, "check", "--json", "--parked-days", "-1")[0] == 2


def test_a_missing_database_is_one_line_of_json(server: Server) -> None:
    missing = sqlalchemy.engine.make_url(server.db).set(database=f"no_such_{uuid.uuid4().hex}")
    code, answer, err = _run(missing.render_as_string(hide_password=False), "check", "--json")
    assert (code, answer["error"]) == (1, "database_unavailable"), err
    assert "does not exist" in answer["message"]
    assert "Traceback" not in err
    code, answer, err = _run("not a url", "holds")
    assert (code, answer["error"]) == (1, "database_unavailable"), err


def test_a_store_needs_a_name(server: Server) -> None:
    for name in ("", "   ", "x" * 121):
        code, answer, _ = _run(server.db, "store", "add", name)
        assert (code, answer["error"]) == (2, "usage"), name
    assert server.sql("select count(*) from stores") == [(1,)]  # the fixture's own
    code, answer, _ = _run(server.db, "store", "add", "  Shop B ")
    assert code == 0
    assert server.sql(f"select name from stores where id = '{answer['store_id']}'") == [("Shop B",)]
