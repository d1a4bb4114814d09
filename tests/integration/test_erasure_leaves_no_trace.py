"""After ``member erase`` nothing that identifies the person is left anywhere in the SQLite file or its log."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from loyalty_desktop.app import open_database
from loyalty_desktop.services import (
    checkout,
    member_view,
    members,
    merge,
    offers,
    privacy,
    programs,
)
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.member_profile import ProfileEdit, edit_profile
from tests.conftest import FixedClock

PROGRAM = """
currency = "CNY"
timezone = "Asia/Shanghai"
[earn]
points = 1
per = "1.00"
"""

# Strings only this person's record holds; any of them in the files means a leak.
NAME = "Zebulon Quixote-Erasewell"
PHONE = "13912398765"
EMAIL = "zebulon.erasewell@example.org"
OTHER_NAME = "Zebulon Duplicate-Erasewell"
OTHER_EMAIL = "zq.dup@example.org"


def _files(db: Path) -> bytes:
    parts = [db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")]
    return b"".join(p.read_bytes() for p in parts if p.exists())


def _traces(blob: bytes) -> list[str]:
    needles = [NAME, PHONE, EMAIL, OTHER_NAME, OTHER_EMAIL, "Erasewell", "1990-07-14"]
    needles.append("birthday_month=7")  # why a July birthday offer chose them
    return [n for n in needles if n.encode("utf-8") in blob]


def test_an_erased_member_leaves_nothing_in_the_file_the_log_or_free_pages(
    tmp_path: Path, clock: FixedClock
) -> None:
    db = tmp_path / "shop.db"
    opened = open_database(db, clock=clock)
    shop = opened.shop
    try:
        programs.load_program(shop, LOCAL_ADMIN, PROGRAM, "p.toml")
        person = members.enrol(
            shop,
            LOCAL_ADMIN,
            members.NewMember(NAME, PHONE, EMAIL, date(1990, 7, 14), consent=True),
        )
        duplicate = members.enrol(
            shop, LOCAL_ADMIN, members.NewMember(OTHER_NAME, email=OTHER_EMAIL)
        )
        # Other people's activity around it, so pages are shared and rewritten.
        for i in range(40):
            members.enrol(shop, LOCAL_ADMIN, members.NewMember(f"邻居 {i}", f"1380000{i:04d}"))
        checkout.checkout(
            shop, LOCAL_ADMIN, checkout.SaleRequest("S1", person.member_no, total="88.00")
        )
        merge.merge_members(shop, LOCAL_ADMIN, person.member_no, duplicate.member_no)
        today = clock.now().date()
        july = offers.create_offer(
            shop, LOCAL_ADMIN,
            f'name = "July birthdays"\nkind = "bonus_points"\npoints = 5\nstart = "{today}"\n'
            f'end = "{today}"\ncontrol_share = "0"\n[audience]\nbirthday_months = [7]\n',
        )  # fmt: skip
        assert offers.issue_offer(shop, LOCAL_ADMIN, july.id).given == 1
        assert _traces(_files(db)), "the test must see the data before it is erased"

        assert privacy.erase_member(shop, LOCAL_ADMIN, person.member_no).id == person.id

        assert _traces(_files(db)) == []
        shown = member_view.show_member(shop, LOCAL_ADMIN, person.member_no)
        assert (shown.name, shown.phone, shown.email) == ("(erased)", None, None)
        assert shown.points == 88, "anonymous ledger totals stay"
    finally:
        opened.engine.dispose()
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert _traces(_files(db)) == []


def test_a_profile_edited_before_the_erasure_leaves_nothing_either_not_even_in_the_outbox(
    tmp_path: Path, clock: FixedClock
) -> None:
    """The edit's event carries the profile to the server; the erasure takes it out here too."""
    db = tmp_path / "shop.db"
    opened = open_database(db, clock=clock)
    shop = opened.shop
    try:
        person = members.enrol(shop, LOCAL_ADMIN, members.NewMember("Someone"))
        for i in range(40):
            members.enrol(shop, LOCAL_ADMIN, members.NewMember(f"邻居 {i}", f"1380000{i:04d}"))
        edit_profile(
            shop,
            LOCAL_ADMIN,
            person.member_no,
            ProfileEdit(name=NAME, phone=PHONE, email=EMAIL, birthday="1990-07-14"),
        )
        assert _traces(_files(db)), "the test must see the data before it is erased"

        privacy.erase_member(shop, LOCAL_ADMIN, person.member_no)

        assert _traces(_files(db)) == []
    finally:
        opened.engine.dispose()
    assert _traces(_files(db)) == []
