"""Migrations on real databases: new, repeated, older, newer, foreign and concurrent openings.

A new database gets every table, a second run changes nothing, an older
database is brought forward (a SQLite file after a backup copy), a newer or
foreign one is refused unchanged.
"""

from __future__ import annotations

import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from loyalty_desktop.app import Opened, open_database
from loyalty_desktop.db import migrate
from loyalty_desktop.db.engine import make_engine, sqlite_url
from loyalty_desktop.db.tables import metadata
from loyalty_desktop.domain.errors import BadDatabase
from loyalty_desktop.services import checkout, integrity, members, programs
from loyalty_desktop.services.auth import LOCAL_ADMIN
from tests.databases import Database, postgres_database

TABLES = {
    "alembic_version",
    "allocations",
    "audit",
    "devices",
    "coupons",
    "event_signups",
    "lots",
    "member_events",
    "members",
    "movements",
    "offer_opt_outs",
    "offer_targets",
    "offers",
    "outbox",
    "products",
    "programs",
    "report_snapshots",
    "refunds",
    "sale_lines",
    "sales",
    "settings",
    "staff",
    "survey_answers",
    "tier_changes",
}

# A later schema change that makes SQLite copy the members table (batch mode),
# the kind of migration that must keep every reference to members intact.
NEXT_REVISION = '''\
"""Test revision: a wider name column and a nickname on members.

Revision ID: 9001
Revises: {head}
"""

import sqlalchemy as sa
from alembic import op

revision = "9001"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # On SQLite a type change makes batch mode copy the table; PostgreSQL alters it in place.
    with op.batch_alter_table("members") as batch_op:
        batch_op.alter_column("name", type_=sa.String(200), existing_nullable=False)
        batch_op.add_column(sa.Column("nickname", sa.String(40)))


def downgrade() -> None:
    with op.batch_alter_table("members") as batch_op:
        batch_op.drop_column("nickname")
        batch_op.alter_column("name", type_=sa.String(100), existing_nullable=False)
'''


def _later_migrations(tmp_path: Path) -> Path:
    """A copy of the program's migrations with one more revision, as the next release would ship."""
    copy = tmp_path / "migrations-next"
    shutil.copytree(migrate.MIGRATIONS, copy, ignore=shutil.ignore_patterns("__pycache__"))
    text_ = NEXT_REVISION.replace("{head}", migrate.head_revision())
    (copy / "versions" / "9001_test_nickname.py").write_text(text_, encoding="utf-8")
    return copy


def test_a_new_database_gets_every_table_at_the_newest_revision(database: Database) -> None:
    opened = database.open()

    assert set(inspect(opened.engine).get_table_names()) == TABLES
    assert opened.revision == migrate.head_revision()
    assert migrate.current_revision(opened.engine) == migrate.head_revision()
    with opened.engine.connect() as conn:
        assert conn.execute(text("select version_num from alembic_version")).scalars().all() == [
            migrate.head_revision()
        ]


@pytest.mark.postgres
def test_postgres_schema_holds_every_table_including_alembic_version(pg_url: str) -> None:
    with postgres_database(pg_url) as database:
        opened = database.open()
        with opened.engine.connect() as conn:
            schema = conn.execute(text("select current_schema()")).scalar()
            found = set(
                conn.execute(
                    text(
                        "select table_name from information_schema.tables where table_schema = :s"
                    ),
                    {"s": schema},
                ).scalars()
            )
            elsewhere = conn.execute(
                text(
                    "select count(*) from information_schema.tables"
                    " where table_name = 'alembic_version' and table_schema = 'public'"
                )
            ).scalar()
    assert schema is not None
    assert schema.startswith("t_")
    assert found == TABLES
    assert elsewhere == 0, "alembic_version must live in the test's schema, not in public"


def test_a_second_migration_run_changes_nothing(database: Database) -> None:
    first = database.open()
    shop = first.shop
    enrolled = members.enrol(shop, LOCAL_ADMIN, members.NewMember(name="王芳"))
    tables_before = set(inspect(first.engine).get_table_names())

    revision, backup = migrate.upgrade(first.engine, database.path)
    again = database.open()

    assert (revision, backup) == (migrate.head_revision(), None)
    assert again.backup is None
    assert again.revision == migrate.head_revision()
    assert set(inspect(again.engine).get_table_names()) == tables_before
    assert again.shop.device_id == shop.device_id, "the device id is created once, then kept"
    with again.shop.uow(write=False) as uow:
        member = uow.members.get(enrolled.id)
    assert member is not None
    assert member.name == "王芳"
    if database.path is not None:
        assert list(database.path.parent.glob("*.backup-*")) == []


def test_an_older_database_is_brought_forward_with_its_data(
    database: Database, program_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old_head = migrate.head_revision()
    old = database.open()
    programs.load_program(old.shop, LOCAL_ADMIN, program_file.read_text(), str(program_file))
    enrolled = members.enrol(old.shop, LOCAL_ADMIN, members.NewMember(name="李雷"))
    checkout.checkout(
        old.shop,
        LOCAL_ADMIN,
        checkout.SaleRequest("OLD-1", enrolled.member_no, total="88.00"),
    )
    database.close()

    monkeypatch.setattr(migrate, "MIGRATIONS", _later_migrations(tmp_path))
    new = database.open()

    assert new.revision == "9001"
    assert migrate.current_revision(new.engine) == "9001"
    columns = {c["name"]: c for c in inspect(new.engine).get_columns("members")}
    assert "nickname" in columns
    with new.shop.uow(write=False) as uow:
        member = uow.members.get(enrolled.id)
        sale = uow.sales.get("OLD-1")
    assert member is not None
    assert (member.name, member.balance) == ("李雷", 88)
    assert sale is not None
    assert sale.member_id == enrolled.id
    report = integrity.check(new.shop, LOCAL_ADMIN, new.integrity)
    assert (report.ok, report.problems) == (True, ())
    if database.path is None:
        assert new.backup is None, "only SQLite files are backed up by the program"
        return
    assert new.backup is not None
    assert new.backup.exists()
    assert new.backup.name.startswith(f"shop.backup-{old_head}-")
    copy = sqlite3.connect(new.backup)
    try:
        assert copy.execute("select version_num from alembic_version").fetchall() == [(old_head,)]
        assert copy.execute("select name from members").fetchall() == [("李雷",)]
        assert copy.execute("pragma integrity_check").fetchall() == [("ok",)]
    finally:
        copy.close()


def test_a_database_from_a_newer_program_is_refused_unchanged(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as later:
        later.setattr(migrate, "MIGRATIONS", _later_migrations(tmp_path))
        database.open()
        database.close()

    engine = make_engine(database.url)
    try:
        with pytest.raises(BadDatabase, match="newer than this program knows"):
            migrate.upgrade(engine, database.path)
        assert migrate.current_revision(engine) == "9001"
    finally:
        engine.dispose()
    if database.path is not None:
        assert list(database.path.parent.glob("*.backup-*")) == []


def test_a_database_with_foreign_tables_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    plain = sqlite3.connect(path)
    try:
        plain.execute("create table invoices (id integer primary key)")
        plain.commit()
    finally:
        plain.close()

    engine = make_engine(sqlite_url(path))
    try:
        with pytest.raises(BadDatabase, match="not a loyalty database"):
            migrate.upgrade(engine, path)
        assert inspect(engine).get_table_names() == ["invoices"]
    finally:
        engine.dispose()


def test_backup_copies_a_live_wal_database_with_committed_rows_only(tmp_path: Path) -> None:
    path = tmp_path / "shop.db"
    opened = open_database(path)
    reader = sqlite3.connect(path, isolation_level=None)
    pending = sqlite3.connect(path, isolation_level=None)
    try:
        members.enrol(opened.shop, LOCAL_ADMIN, members.NewMember(name="陈静"))
        # An open reader keeps the committed member in the WAL, out of the main file.
        reader.execute("BEGIN")
        reader.execute("select count(*) from members").fetchone()
        wal = path.with_name(path.name + "-wal")
        assert wal.stat().st_size > 0
        pending.execute("BEGIN IMMEDIATE")
        pending.execute("update members set name = 'uncommitted'")

        copy_path = migrate.backup_sqlite(path, "test")

        pending.execute("ROLLBACK")
        reader.execute("ROLLBACK")
    finally:
        pending.close()
        reader.close()
        opened.engine.dispose()

    assert copy_path.parent == path.parent
    assert copy_path.name.startswith("shop.backup-test-")
    assert copy_path.suffix == ".db"
    copy = sqlite3.connect(copy_path)
    try:
        assert copy.execute("pragma integrity_check").fetchall() == [("ok",)]
        assert copy.execute("select name from members").fetchall() == [("陈静",)]
        assert copy.execute("select version_num from alembic_version").fetchall() == [
            (migrate.head_revision(),)
        ]
    finally:
        copy.close()


def test_a_backup_copy_opens_as_a_working_shop(tmp_path: Path) -> None:
    path = tmp_path / "shop.db"
    opened = open_database(path)
    try:
        enrolled = members.enrol(opened.shop, LOCAL_ADMIN, members.NewMember(name="周杰"))
        copy_path = migrate.backup_sqlite(path, "manual")
    finally:
        opened.engine.dispose()

    restored = open_database(copy_path)
    try:
        with restored.shop.uow(write=False) as uow:
            member = uow.members.get(enrolled.id)
        report = integrity.check(restored.shop, LOCAL_ADMIN, restored.integrity)
    finally:
        restored.engine.dispose()
    assert member is not None
    assert member.name == "周杰"
    assert (report.ok, report.problems) == (True, ())
    assert restored.backup is None


def test_tills_opening_a_new_database_at_once_all_get_one_schema_and_device(
    database: Database,
) -> None:
    tills = 4
    barrier = threading.Barrier(tills, timeout=30)
    results: list[Opened | BaseException] = []

    def open_till() -> None:
        barrier.wait()
        try:
            results.append(database.open())
        except BaseException as exc:
            results.append(exc)

    threads = [threading.Thread(target=open_till, daemon=True) for _ in range(tills)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    failures = [r for r in results if isinstance(r, BaseException)]
    assert failures == []
    opened = [r for r in results if not isinstance(r, BaseException)]
    assert len(opened) == tills
    assert {o.revision for o in opened} == {migrate.head_revision()}
    assert len({o.shop.device_id for o in opened}) == 1, "one installation, one device id"
    assert set(inspect(opened[0].engine).get_table_names()) == TABLES


def test_the_migrations_build_exactly_the_schema_the_code_describes(database: Database) -> None:
    opened = database.open()
    with opened.engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), metadata)
    assert differences == []


def test_a_file_from_the_first_release_is_upgraded_to_the_newest_schema(tmp_path: Path) -> None:
    path = tmp_path / "shop.db"
    engine = make_engine(sqlite_url(path))
    try:
        config = migrate._config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "0001")
    finally:
        engine.dispose()
    opened = open_database(path)
    try:
        assert opened.revision == migrate.head_revision() != "0001"
        assert opened.backup is not None
        assert opened.backup.name.startswith("shop.backup-0001-")
        indexes = {ix["name"] for ix in inspect(opened.engine).get_indexes("members")}
        assert "ix_members_phone_tail_member_no" in indexes
        assert "ix_members_phone_tail" not in indexes
    finally:
        opened.engine.dispose()


def test_an_upgrade_keeps_the_newest_upgrade_copies_and_nothing_else_is_touched(
    tmp_path: Path,
) -> None:
    path = tmp_path / "shop.db"
    engine = make_engine(sqlite_url(path))
    try:
        config = migrate._config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "0001")
    finally:
        engine.dispose()
    older = [f"shop.backup-000{n}-2025010{n}T120000.db" for n in (1, 2, 3, 4)]
    for name in older:
        (tmp_path / name).write_bytes(b"an earlier upgrade's copy")
    (tmp_path / (older[0] + "-wal")).write_bytes(b"its log")
    mine = ["shop.backup-20240101", "shop.backup-mine.db", "other.backup-0001-20240101T000000.db"]
    for name in mine:
        (tmp_path / name).write_bytes(b"the shop's own file")

    opened = open_database(path)
    opened.engine.dispose()

    assert opened.backup is not None
    left = sorted(p.name for p in tmp_path.iterdir() if ".backup-" in p.name)
    # the copy just made and the two newest before it; the shop's own files stay
    assert left == sorted([opened.backup.name, older[3], older[2], *mine])
    assert migrate.KEEP_UPGRADE_COPIES == 3


def test_pruning_upgrade_copies_orders_by_their_moment_not_their_revision(tmp_path: Path) -> None:
    path = tmp_path / "[shop].db"  # a glob pattern in the name is only a name
    names = [
        "[shop].backup-0009-20250101T000000.db",
        "[shop].backup-0002-20260101T000000.db",
        "[shop].backup-0005-20250601T000000.db",
    ]
    for name in names:
        (tmp_path / name).write_bytes(b"copy")

    removed = migrate.prune_upgrade_copies(path, keep=2)

    assert [p.name for p in removed] == [names[0]]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names[1:])


def test_revision_0003_moves_personal_data_out_of_events_and_sales(tmp_path: Path) -> None:
    path = tmp_path / "shop.db"
    engine = make_engine(sqlite_url(path))
    try:
        config = migrate._config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "0002")
            conn.execute(
                text(
                    "INSERT INTO members (id, member_no, card_no, name, created_at) "
                    "VALUES ('m1', '10000001', 10000001, 'Old Name', '2026-01-01 00:00:00')"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO outbox (id, device_id, seq, kind, key, at, payload) VALUES "
                    "('e1', 'd', 1, 'member.enrolled', 'member:m1', '2026-01-01 00:00:00', "
                    """'{"id": "m1", "name": "Old Name", "phone": "13800000001", """
                    """"email": "o@example.com", "birthday": "1990-07-14", "member_no": "10000001"}')"""
                )
            )
            conn.execute(
                text(
                    "INSERT INTO sales (id, sale_id, member_id, at, recorded_at, currency, subtotal,"
                    " order_discount, tier_discount, net, points_redeemed, points_value, paid,"
                    " earned, program_id, local_date, birthday, device_id) VALUES ('s1', 'S1',"
                    " 'm1', '2026-01-02 00:00:00', '2026-01-02 00:00:00', 'CNY', 100, 0, 0, 100,"
                    " 0, 0, 100, 1, 0, '2026-01-02', '1990-07-14', 'd')"
                )
            )
    finally:
        engine.dispose()
    opened = open_database(path)
    try:
        with opened.engine.connect() as conn:
            payload = conn.execute(text("SELECT payload FROM outbox")).scalar_one()
            month = conn.execute(text("SELECT birthday_month FROM sales")).scalar_one()
        for personal in ("Old Name", "13800000001", "1990", "o@example.com"):
            assert personal not in payload
        assert '"member_no": "10000001"' in payload
        assert month == 7
    finally:
        opened.engine.dispose()
    assert b"o@example.com" not in path.read_bytes(), "the upgrade compacts away the old pages"


def test_revision_0007_gives_sales_from_before_rewards_none(tmp_path: Path) -> None:
    path = tmp_path / "shop.db"
    engine = make_engine(sqlite_url(path))
    try:
        config = migrate._config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "0006")
            conn.execute(
                text(
                    "INSERT INTO sales (id, sale_id, member_id, at, recorded_at, currency, subtotal,"
                    " order_discount, tier_discount, net, points_redeemed, points_value, paid,"
                    " earned, program_id, local_date, device_id) VALUES ('s1', 'S1', NULL,"
                    " '2026-01-02 00:00:00', '2026-01-02 00:00:00', 'CNY', 100, 0, 0, 100,"
                    " 0, 0, 100, 0, 0, '2026-01-02', 'd')"
                )
            )
    finally:
        engine.dispose()
    opened = open_database(path)
    try:
        assert opened.revision == migrate.head_revision()
        with opened.shop.uow(write=False) as uow:
            sale = uow.sales.get("S1")
        assert sale is not None
        assert sale.rewards == ()
    finally:
        opened.engine.dispose()


def test_revision_0011_copies_the_tier_changes_sales_made(tmp_path: Path) -> None:
    path = tmp_path / "shop.db"
    engine = make_engine(sqlite_url(path))
    columns = (
        "INSERT INTO sales (id, sale_id, member_id, at, recorded_at, currency, subtotal,"
        " order_discount, tier_discount, net, points_redeemed, points_value, paid, earned,"
        " program_id, local_date, device_id, tier_before, tier_after) VALUES "
    )
    try:
        config = migrate._config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "0010")
            conn.execute(
                text(
                    "INSERT INTO members (id, member_no, card_no, name, created_at, tier)"
                    " VALUES ('m1', '10000001', 10000001, 'A', '2026-01-01 00:00:00', 'Gold')"
                )
            )
            for sale_id, day, before, after in (
                ("S1", "02", "Bronze", "Bronze"),
                ("S2", "03", "Bronze", "Gold"),
                ("S3", "04", "Gold", "Gold"),
            ):
                conn.execute(
                    text(
                        columns + f"('s{sale_id}', '{sale_id}', 'm1', '2026-01-{day} 00:00:00',"
                        f" '2026-01-{day} 00:00:00', 'CNY', 100, 0, 0, 100, 0, 0, 100, 0, 0,"
                        f" '2026-01-{day}', 'd', '{before}', '{after}')"
                    )
                )
    finally:
        engine.dispose()
    opened = open_database(path)
    try:
        with opened.shop.uow(write=False) as uow:
            changes = uow.members.tier_changes("m1")
        assert [(c.ref, c.before, c.after, c.cause.value) for c in changes] == [
            ("S2", "Bronze", "Gold", "sale")
        ]
    finally:
        opened.engine.dispose()
