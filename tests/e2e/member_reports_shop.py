"""The demo shop behind test_cli_member_reports: reports as of a past moment, before and after a late sale."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from loyalty_desktop.cli.main import run
from tests.e2e.conftest import SHOP_ZONE

REPORTS = ("rfm", "clv", "churn", "lifecycle")


def _json(db: Path, *args: str) -> dict[str, Any]:
    out = io.StringIO()
    with redirect_stdout(out):
        code = run(["--db", str(db), "--json", *args])
    found: dict[str, Any] = json.loads(out.getvalue())
    assert code == 0, found
    return found


def reports_around_a_late_sale(db: Path) -> dict[str, Any]:
    """Reports as of 60 days ago, then a sale today by a member who bought before, then again."""
    _json(db, "demo", "--members", "300", "--seed", "5")
    at = (datetime.now(SHOP_ZONE) - timedelta(days=60)).strftime("%Y-%m-%dT%H:%M")
    before = {name: _json(db, "report", name, "--at", at) for name in REPORTS}
    member = before["rfm"]["members"][0]["member_no"]
    _json(db, "sale", "LATE-1", "--member", member, "--total", "5000.00")
    after = {name: _json(db, "report", name, "--at", at) for name in REPORTS}
    now = {"rfm": _json(db, "report", "rfm")}
    return {"before": before, "after": after, "now": now, "late_member": member}
