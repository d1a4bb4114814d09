"""``loyalty sync limits``: a manager shows and sets the offline redemption limits; a cashier may not."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.e2e.conftest import Loyalty
from tests.e2e.test_cli_identity import staffed  # noqa: F401 (a fixture)

DEFAULTS = {"member_allowance": 500, "store_cap": 5000, "max_snapshot_age_hours": 24}


def test_a_manager_sets_the_limits_a_cashier_is_refused_and_the_change_is_audited(
    staffed: Loyalty,  # noqa: F811
    db_path: Path,
) -> None:
    assert staffed("--staff", "Mia", "sync", "limits", "--json", stdin="5555\n") == (0, DEFAULTS)
    code, changed = staffed(
        "--staff", "Mia", "sync", "limits", "--store-cap", "800", "--member-allowance", "300",
        "--json", stdin="5555\n",
    )  # fmt: skip
    assert (code, changed) == (0, DEFAULTS | {"store_cap": 800, "member_allowance": 300})
    code, kept = staffed("--staff", "Mia", "sync", "limits", "--json", stdin="5555\n")
    assert kept == changed

    code, refused = staffed(
        "--staff", "Cai", "sync", "limits", "--store-cap", "99999", stdin="1234\n"
    )
    assert (code, refused["error"]) == (1, "permission_denied")
    code, refused = staffed("--staff", "Cai", "sync", "limits", stdin="1234\n")
    assert (code, refused["error"]) == (1, "permission_denied")
    code, wrong = staffed("--staff", "Mia", "sync", "limits", "--store-cap", "-1", stdin="5555\n")
    assert (code, wrong.get("reason")) == (1, "sync_limit_range"), wrong

    with sqlite3.connect(db_path) as db:
        audited = db.execute("select actor from audit where action = 'sync.limits'").fetchall()
    assert audited == [("Mia",)]
