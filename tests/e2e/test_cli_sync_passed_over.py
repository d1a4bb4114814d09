"""``loyalty sync passed-over`` and ``sync read-again``: who may, and what they answer.

What they do with a real server and two tills: tests/server/test_pull_read_again.py.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.e2e.conftest import Loyalty
from tests.e2e.test_cli_identity import staffed  # noqa: F401 (a fixture)


def test_a_manager_lists_an_admin_reads_again_a_cashier_does_neither(
    staffed: Loyalty,  # noqa: F811
    db_path: Path,
) -> None:
    listed = staffed("--staff", "Mia", "sync", "passed-over", "--json", stdin="5555\n")
    assert listed == (0, {"passed_over": [], "clashes": []})
    code, refused = staffed("--staff", "Cai", "sync", "passed-over", stdin="1234\n")
    assert (code, refused["error"]) == (1, "permission_denied")

    code, refused = staffed("--staff", "Mia", "sync", "read-again", stdin="5555\n")
    assert (code, refused["error"]) == (1, "permission_denied")
    code, done = staffed("--staff", "Boss", "sync", "read-again", "--json", stdin="9999\n")
    assert (code, done) == (0, {"cursor_was": 0, "cursor": 0, "passed_over": 0, "clashes": 0})

    with sqlite3.connect(db_path) as db:  # a clash noted by a pull, from change 7 of the log
        db.execute(
            "insert or replace into settings (key, value) values ('sync.pull_clashes', ?)",
            ('[{"member_id": "m1", "member_no": "M1", "store_id": "s", '
             '"reason": "number_taken", "pos": 7}]',),
        )  # fmt: skip
        db.execute("insert or replace into settings (key, value) values ('sync.pull_cursor', '40')")
    code, listed = staffed("--staff", "Mia", "sync", "passed-over", "--json", stdin="5555\n")
    assert [c["member_no"] for c in listed["clashes"]] == ["M1"]
    code, done = staffed("--staff", "Boss", "sync", "read-again", "--json", stdin="9999\n")
    assert (code, done) == (0, {"cursor_was": 40, "cursor": 6, "passed_over": 0, "clashes": 1})
    with sqlite3.connect(db_path) as db:
        audited = db.execute("select actor from audit where action = 'sync.read_again'").fetchall()
    assert audited == [("Boss",)]
