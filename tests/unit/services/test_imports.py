"""Importing members and past sales from CSV files, on the in-memory fakes."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from loyalty_desktop.domain.errors import BadFile, PermissionDenied
from loyalty_desktop.domain.members import Member
from loyalty_desktop.services import import_members as import_members_module
from loyalty_desktop.services import members, programs
from loyalty_desktop.services.auth import LOCAL_ADMIN, Actor, Role
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.imports import ImportReport, import_members, import_sales
from loyalty_desktop.services.long_jobs import Job, JobCancelled, Progress
from tests.conftest import FixedClock
from tests.fakes import Store, fake_shop

PROGRAM = """
currency = "CNY"
timezone = "Asia/Shanghai"
[earn]
points = 1
per = "1.00"
[expiry]
days = 365
[[tiers.levels]]
name = "Bronze"
threshold = "0"
[[tiers.levels]]
name = "Gold"
threshold = "1000"
earn_multiplier = "2"
"""
MEMBERS_HEADER = "member_no,name,phone,email,birthday,consent\n"
SALES_HEADER = "sale_id,member_ref,at,sku,qty,unit_price,category\n"
WECHAT_CODE = "134567890123456789"  # 18 digits starting 13: a WeChat Pay code


class Shopfront:
    """A fake shop with the test programme, and short verbs to import and look."""

    def __init__(self, clock: FixedClock, tmp_path: Path) -> None:
        self.shop: Shop
        self.shop, self.database = fake_shop(clock)
        self.tmp_path = tmp_path
        programs.load_program(self.shop, LOCAL_ADMIN, PROGRAM, "test.toml")

    def file(self, text: str, name: str = "import.csv", encoding: str = "utf-8") -> Path:
        path = self.tmp_path / name
        path.write_bytes(text.encode(encoding))
        return path

    def members_csv(self, *rows: str, encoding: str = "utf-8") -> ImportReport:
        path = self.file(MEMBERS_HEADER + "".join(r + "\n" for r in rows), encoding=encoding)
        return import_members(self.shop, LOCAL_ADMIN, path)

    def sales_csv(
        self, *rows: str, create_members: bool = False, skip_invalid: bool = False
    ) -> ImportReport:
        path = self.file(SALES_HEADER + "".join(r + "\n" for r in rows), name="sales.csv")
        return import_sales(
            self.shop, LOCAL_ADMIN, path, create_members=create_members, skip_invalid=skip_invalid
        )

    def enrol(self, member_no: str, name: str = "张三", phone: str | None = None) -> None:
        members.enrol(
            self.shop, LOCAL_ADMIN, members.NewMember(name=name, phone=phone, member_no=member_no)
        )

    def member(self, member_no: str) -> Member:
        return next(m for m in self.database.store.members.values() if m.member_no == member_no)

    def points(self, member_no: str) -> int:
        return self.member(member_no).balance

    def earned(self, sale_no: str) -> int:
        return self.database.store.sales[sale_no].earned

    @property
    def stored(self) -> Store:
        """What the fake database holds (committed)."""
        return self.database.store


@pytest.fixture
def front(clock: FixedClock, tmp_path: Path) -> Shopfront:
    return Shopfront(clock, tmp_path)


def rejected_rows(report: ImportReport) -> list[int]:
    return [r.row for r in report.rejected]


def errors(report: ImportReport) -> dict[int, str]:
    return {r.row: r.error for r in report.rejected}


# ---------------------------------------------------------------- members


def test_a_members_file_enrols_everyone_with_phone_email_birthday_and_consent(
    front: Shopfront,
) -> None:
    report = front.members_csv(
        "M001,张三,+86 138-0013-8000,zs@example.com,1990-05-31,是",
        "M002,Li Si,,,,",
        "M003,王五,13900139000,,1985/1/2,yes",
    )
    assert (report.imported, report.rejected) == (3, [])
    first = front.member("M001")
    assert (first.name, first.phone, first.email, first.birthday, first.consent) == (
        "张三",
        "13800138000",
        "zs@example.com",
        date(1990, 5, 31),
        True,
    )
    assert front.member("M002").consent is False
    assert front.member("M003").birthday == date(1985, 1, 2)  # as Excel re-saves dates
    kinds = [event.kind for _, _, event in front.stored.outbox]
    assert kinds == ["member.enrolled", "member.profile_changed"] * 3  # each with its profile


@pytest.mark.parametrize(
    ("text", "agreed"),
    [("true", True), ("1", True), ("Y", True), ("是", True), ("FALSE", False), ("否", False)],
)
def test_consent_is_read_in_the_ways_spreadsheets_write_it(
    front: Shopfront, text: str, agreed: bool
) -> None:
    front.members_csv(f"M001,张三,,,,{text}")
    assert front.member("M001").consent is agreed


def test_a_gbk_file_saved_by_excel_in_china_imports_the_chinese_names(front: Shopfront) -> None:
    report = front.members_csv("M001,张三丰,,,,是", "M002,欧阳娜娜,,,,否", encoding="gbk")
    assert report.imported == 2
    assert [front.member("M001").name, front.member("M002").name] == ["张三丰", "欧阳娜娜"]
    assert front.member("M001").consent is True


def test_a_utf8_file_with_a_bom_reads_its_first_column(front: Shopfront) -> None:
    report = front.members_csv("M001,张三,,,,", encoding="utf-8-sig")
    assert report.imported == 1
    assert front.member("M001").name == "张三"


def test_columns_may_come_in_any_order_and_any_case(front: Shopfront) -> None:
    path = front.file("Name,CONSENT,member_no,email,phone,birthday\r\n李四,yes,M9,,,\r\n")
    import_members(front.shop, LOCAL_ADMIN, path)
    assert (front.member("M9").name, front.member("M9").consent) == ("李四", True)


def test_a_file_that_is_neither_utf8_nor_gbk_is_refused_with_a_clear_reason(
    front: Shopfront,
) -> None:
    path = front.file(MEMBERS_HEADER + "M001,张三,,,,\n", encoding="utf-16")
    with pytest.raises(BadFile, match="not UTF-8 or GBK text"):
        import_members(front.shop, LOCAL_ADMIN, path)
    assert front.stored.members == {}


def test_a_missing_file_is_refused(front: Shopfront) -> None:
    with pytest.raises(BadFile, match="does not exist"):
        import_members(front.shop, LOCAL_ADMIN, front.tmp_path / "nowhere.csv")


def test_wrong_columns_are_refused_naming_the_expected_and_the_found(front: Shopfront) -> None:
    path = front.file("member_no,name,mobile,email,birthday\nM001,张三,1,,\n")
    with pytest.raises(BadFile) as refused:
        import_members(front.shop, LOCAL_ADMIN, path)
    message = refused.value.message
    assert "member_no,name,phone,email,birthday,consent" in message
    assert "found member_no,name,mobile,email,birthday" in message
    assert "missing phone, consent" in message
    assert "'mobile'" in message


@pytest.mark.parametrize("text", ["", MEMBERS_HEADER, MEMBERS_HEADER + "\n,,,,,\n"])
def test_an_empty_file_or_a_header_alone_imports_nothing(front: Shopfront, text: str) -> None:
    report = import_members(front.shop, LOCAL_ADMIN, front.file(text))
    assert (report.imported, report.rejected) == (0, [])


def test_any_bad_row_means_no_member_is_enrolled_and_every_bad_row_is_listed_by_excel_row(
    front: Shopfront,
) -> None:
    report = front.members_csv(
        "M001,张三,,,,",  # row 2
        "M002,李四,not a phone,,,",  # row 3
        "",  # row 4: a blank row still counts in Excel
        'M003,"王\n五",,,,',  # row 5: one row although two lines
        "M004,赵六,,,2999-01-01,",  # row 6: born in the future
        "M005,,,,,maybe",  # row 7: no name, consent unreadable
        "M006,钱七,,,",  # row 8: a value missing
    )
    assert report.imported == 0
    assert rejected_rows(report) == [3, 6, 7, 8]
    reasons = errors(report)
    assert reasons[3].startswith("phone:")
    assert "birthday" in reasons[6]
    assert "future" in reasons[6]
    assert "name:" in reasons[7]
    assert "consent:" in reasons[7]
    assert "has 5 values, expected 6" in reasons[8]
    assert front.stored.members == {}
    assert front.stored.outbox == []


def test_skipping_invalid_rows_enrols_the_good_ones(front: Shopfront) -> None:
    path = front.file(MEMBERS_HEADER + "M001,张三,,,,\nM002,李四,123,,,\nM003,王五,,,,\n")
    report = import_members(front.shop, LOCAL_ADMIN, path, skip_invalid=True)
    assert (report.imported, rejected_rows(report)) == (2, [3])
    assert {m.member_no for m in front.stored.members.values()} == {"M001", "M003"}


def test_a_member_number_already_taken_in_the_file_or_the_shop_is_a_duplicate(
    front: Shopfront,
) -> None:
    front.enrol("M001")
    report = front.members_csv("M001,赵六,,,,", "M002,李四,,,,", "M002,李四四,,,,")
    assert rejected_rows(report) == [2, 4]
    assert {r.code for r in report.rejected} == {"duplicate_member"}
    assert "already in row 3" in errors(report)[4]
    assert len(front.stored.members) == 1


def test_a_payment_code_as_member_number_is_rejected_and_never_echoed(front: Shopfront) -> None:
    report = front.members_csv(f"{WECHAT_CODE},张三,,,,")
    assert rejected_rows(report) == [2]
    assert report.rejected[0].code == "payment_code"
    assert WECHAT_CODE not in report.rejected[0].error


def test_a_cashier_may_not_import(front: Shopfront) -> None:
    cashier = Actor(name="Ann", role=Role.CASHIER)
    path = front.file(MEMBERS_HEADER + "M001,张三,,,,\n")
    with pytest.raises(PermissionDenied):
        import_members(front.shop, cashier, path)
    with pytest.raises(PermissionDenied):
        import_sales(front.shop, cashier, path, create_members=False, skip_invalid=False)


def test_an_import_writes_one_audit_entry_with_its_counts(front: Shopfront) -> None:
    before = len(front.stored.audit)
    front.members_csv("M001,张三,,,,", "M002,李四,,,,")
    entries = front.stored.audit[before:]
    assert [e.action for e in entries] == ["import.members"]
    assert entries[0].details["imported"] == 2
    assert entries[0].details["file"] == "import.csv"


def test_a_file_in_a_named_encoding_imports_and_the_audit_names_the_encoding(
    front: Shopfront,
) -> None:
    path = front.file(MEMBERS_HEADER + "M001,Müller,,,,\n", encoding="cp1252")
    with pytest.raises(BadFile, match="--encoding cp1252"):
        import_members(front.shop, LOCAL_ADMIN, path)
    report = import_members(front.shop, LOCAL_ADMIN, path, encoding="cp1252")
    assert (report.imported, front.member("M001").name) == (1, "Müller")
    assert front.stored.audit[-1].details["encoding"] == "cp1252"
    sales = front.file(SALES_HEADER + "S1,M001,2025-03-01 10:00,A,1,5.00,Café\n", "s.csv", "cp1252")
    report = import_sales(
        front.shop, LOCAL_ADMIN, sales, create_members=False, skip_invalid=False, encoding="cp1252"
    )
    assert report.imported == 1
    assert front.stored.audit[-1].details["encoding"] == "cp1252"


# ---------------------------------------------------------------- sales


def test_rows_with_one_sale_no_are_one_sale_even_when_not_adjacent_and_earn_points(
    front: Shopfront,
) -> None:
    front.enrol("M001")
    report = front.sales_csv(
        "S1,M001,2025-03-01 10:00:00,A,2,50,",
        "S2,M001,2025-03-02 10:00:00,B,1,10,",
        "S1,M001,2025-03-01 10:00:00,C,1,20.5,food",
    )
    assert (report.imported, report.rejected, report.skipped) == (3, [], 0)
    sale = front.stored.sales["S1"]
    assert [line.line.sku for line in sale.lines] == ["A", "C"]
    assert (sale.net, sale.earned) == (12050, 120)
    assert front.points("M001") == 130
    assert len(front.stored.outbox) == 2 + 2  # enrolment and profile + one event per sale


def test_times_are_read_in_the_shop_time_zone_also_as_excel_writes_them(
    front: Shopfront,
) -> None:
    front.enrol("M001")
    front.sales_csv(
        "S1,M001,2025-03-01 10:00:00,A,1,1,",
        "S2,M001,2025/3/1 10:00,A,1,1,",
        "S3,M001,2025-03-01T10:00:00+00:00,A,1,1,",
    )
    stored = {sid: s.at for sid, s in front.stored.sales.items()}
    assert stored["S1"] == stored["S2"] == datetime(2025, 3, 1, 2, 0, tzinfo=UTC)
    assert stored["S3"] == datetime(2025, 3, 1, 10, 0, tzinfo=UTC)


def test_a_sale_to_a_non_member_is_recorded_without_points(front: Shopfront) -> None:
    report = front.sales_csv("S1,,2025-03-01,A,1,99,")
    assert report.imported == 1
    assert front.stored.sales["S1"].member_id is None
    assert front.stored.movements == []


def test_a_return_line_lowers_what_the_sale_earns(front: Shopfront) -> None:
    front.enrol("M001")
    front.sales_csv("S1,M001,2025-03-01,A,2,50,", "S1,M001,2025-03-01,B,-1,30,")
    assert (front.earned("S1"), front.points("M001")) == (70, 70)


def test_a_cancellation_invoice_takes_back_the_points_its_goods_earned(front: Shopfront) -> None:
    front.enrol("M001")
    report = front.sales_csv(
        "536379,M001,2025-03-01 09:00,A,4,25,",
        "C536379,M001,2025-03-02 09:00,A,-2,25,",
    )
    assert report.imported == 2
    assert front.points("M001") == 100 - 50
    cancel = front.stored.sales["C536379"]
    assert (cancel.net, cancel.reversed) == (-5000, 50)
    assert front.member("M001").lifetime_spend == 5000


def test_sales_are_posted_oldest_first_so_tiers_evolve_as_they_did(front: Shopfront) -> None:
    front.enrol("M001")
    # The file lists the later sale first; at 2025-03-05 the member is already Gold.
    front.sales_csv("LATE,M001,2025-03-05,A,1,100,", "EARLY,M001,2025-03-01,A,1,1000,")
    assert front.earned("EARLY") == 1000
    assert front.earned("LATE") == 200  # Gold earns double
    assert front.member("M001").tier == "Gold"


def test_an_unknown_member_rejects_the_sale(front: Shopfront) -> None:
    report = front.sales_csv("S1,17850,2025-03-01,A,1,10,", "S1,17850,2025-03-01,B,1,10,")
    assert rejected_rows(report) == [2, 3]
    assert all(r.code == "unknown_member" for r in report.rejected)
    assert "17850" in errors(report)[2]
    assert front.stored.sales == {}


def test_creating_members_enrols_one_member_numbered_as_each_unknown_reference(
    front: Shopfront,
) -> None:
    front.enrol("M001")
    report = front.sales_csv(
        "S1,17850,2025-03-01,A,1,10,",
        "S2,17850,2025-03-02,A,1,20,",
        "S3,M001,2025-03-02,A,1,5,",
        "S4,13047,2025-03-03,A,1,7,",
        create_members=True,
    )
    assert (report.imported, report.created_members, report.rejected) == (4, 2, [])
    created = front.member("17850")
    assert (created.balance, created.lifetime_spend) == (30, 3000)
    assert created.created_at == datetime(2025, 2, 28, 16, 0, tzinfo=UTC)  # its first sale
    assert front.points("M001") == 5
    assert len(front.stored.members) == 3


def test_a_payment_code_given_as_member_ref_is_rejected_and_never_echoed(
    front: Shopfront,
) -> None:
    report = front.sales_csv(f"S1,{WECHAT_CODE},2025-03-01,A,1,10,", create_members=True)
    assert (report.imported, report.created_members) == (0, 0)
    assert report.rejected[0].code == "payment_code"
    assert WECHAT_CODE not in str(report)
    assert front.stored.members == {}


def test_any_bad_row_means_nothing_is_imported_and_each_bad_row_is_listed(
    front: Shopfront,
) -> None:
    front.enrol("M001")
    outbox = len(front.stored.outbox)
    report = front.sales_csv(
        "S1,M001,2025-03-01,A,1,100,",  # row 2: good on its own
        "S2,M001,2025-03-01,A,0,10,",  # row 3: zero quantity
        "S3,M001,2025-03-01,A,1,-5,",  # row 4: negative price
        "S2,M001,2025-03-01,B,1,10,",  # row 5: same sale as the bad row 3
        "S4,M001,2999-01-01,A,1,10,",  # row 6: in the future
        "S5,M001,yesterday,,x,1.23456,",  # row 7: several things wrong
    )
    assert report.imported == 0
    assert rejected_rows(report) == [3, 4, 5, 6, 7]
    reasons = errors(report)
    assert reasons[3].startswith("qty:")
    assert "negative" in reasons[4]
    assert "sale S2 has a bad row (row 3)" in reasons[5]
    assert "future" in reasons[6]
    assert all(column in reasons[7] for column in ("at:", "sku:", "qty:", "unit_price:"))
    assert front.stored.sales == {}
    assert front.points("M001") == 0
    assert len(front.stored.outbox) == outbox


@pytest.mark.parametrize("skip_invalid", [False, True])
def test_a_quantity_or_price_with_a_huge_exponent_is_a_bad_row_not_a_crash(
    front: Shopfront, skip_invalid: bool
) -> None:
    front.enrol("M001")
    report = front.sales_csv(
        "S1,M001,2025-03-01,A,1E+999999999,10,",
        "S2,M001,2025-03-01,A,1,1E+999999999,",
        "S3,M001,2025-03-01,A,1,1E-999999999,",
        "S4,M001,2025-03-01,A,1,10,",
        skip_invalid=skip_invalid,
    )
    assert rejected_rows(report) == [2, 3, 4]
    reasons = errors(report)
    assert reasons[2].startswith("qty:")
    assert all(reasons[row].startswith("unit_price:") for row in (3, 4))
    assert all("exponent" in reasons[row] for row in (2, 3, 4))
    assert set(front.stored.sales) == ({"S4"} if skip_invalid else set())


def test_skipping_invalid_rows_imports_the_sales_whose_rows_are_all_good(
    front: Shopfront,
) -> None:
    front.enrol("M001")
    report = front.sales_csv(
        "S1,M001,2025-03-01,A,1,100,",
        "S2,M001,2025-03-01,A,abc,10,",
        "S2,M001,2025-03-01,B,1,10,",
        "S3,17850,2025-03-01,A,1,10,",
        skip_invalid=True,
    )
    assert (report.imported, rejected_rows(report)) == (1, [3, 4, 5])
    assert set(front.stored.sales) == {"S1"}
    assert front.points("M001") == 100


def test_rows_of_one_sale_that_disagree_on_member_or_time_reject_the_sale(
    front: Shopfront,
) -> None:
    front.enrol("M001")
    front.enrol("M002", name="李四")
    report = front.sales_csv(
        "S1,M001,2025-03-01 10:00,A,1,10,",
        "S1,M002,2025-03-01 10:00,B,1,10,",
        "S2,M001,2025-03-01 10:00,A,1,10,",
        "S2,M001,2025-03-01 10:11,B,1,10,",
        "S2,M001,2025-03-01 10:00,C,1,10,",
        skip_invalid=True,
    )
    assert report.imported == 0
    reasons = errors(report)
    assert "member_ref differs from row 2" in reasons[3]
    assert "at 2025-03-01 10:11:00 is more than 10 minutes after 2025-03-01 10:00:00" in reasons[5]
    assert "sale S1 has a bad row" in reasons[2]
    assert "sale S2 has a bad row (row 5)" in reasons[4]
    assert reasons[6] == reasons[4]


def test_lines_of_one_sale_scanned_a_minute_apart_are_one_sale_at_its_first_line(
    front: Shopfront,
) -> None:
    # The real Online Retail data stamps some invoices' lines at 16:57 and 16:58.
    front.enrol("M001")
    report = front.sales_csv(
        "S1,M001,2025-03-01 16:58,A,1,10,",
        "S1,M001,2025-03-01 16:57,B,1,10,",
    )
    assert (report.imported, report.rejected) == (2, [])
    assert front.stored.sales["S1"].at == datetime(2025, 3, 1, 8, 57, tzinfo=UTC)


def test_importing_the_same_file_again_skips_every_sale_and_changes_nothing(
    front: Shopfront,
) -> None:
    front.enrol("M001")
    rows = (
        "S1,M001,2025-03-01,A,1,100,",
        "S1,M001,2025-03-01,B,1,50,",
        "S2,M001,2025-03-02,A,1,10,",
    )
    front.sales_csv(*rows)
    outbox = len(front.stored.outbox)
    again = front.sales_csv(*rows)
    assert (again.imported, again.skipped, again.rejected) == (0, 3, [])
    assert front.points("M001") == 160
    assert len(front.stored.outbox) == outbox


def test_a_sales_import_writes_one_audit_entry_with_its_counts(front: Shopfront) -> None:
    before = len(front.stored.audit)
    front.sales_csv("S1,17850,2025-03-01,A,1,10,", "S2,,2025-03-01,A,1,10,", create_members=True)
    entries = front.stored.audit[before:]
    assert [e.action for e in entries] == ["import.sales"]
    details = entries[0].details
    assert (details["imported"], details["created_members"], details["rejected"]) == (2, 1, 0)


def test_a_refused_sales_import_writes_no_audit_entry(front: Shopfront) -> None:
    before = len(front.stored.audit)
    report = front.sales_csv("S1,17850,2025-03-01,A,1,10,")
    assert report.rejected
    assert len(front.stored.audit) == before


def test_a_stopped_members_import_keeps_its_chunks_and_a_second_run_finishes_it(
    front: Shopfront, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(import_members_module, "CHUNK", 2)
    path = front.file(MEMBERS_HEADER + "".join(f"M{n:03d},会员{n},,,,1\n" for n in range(5)))

    def stop_after_the_first_chunk(progress: Progress) -> None:
        if progress.phase == "writing" and progress.done >= 2:
            job.cancel()

    job = Job(stop_after_the_first_chunk, every=0)
    with pytest.raises(JobCancelled):
        import_members(front.shop, LOCAL_ADMIN, path, job=job)
    assert sorted(m.member_no for m in front.stored.members.values()) == ["M000", "M001"]
    assert front.stored.audit[-1].details["stopped"] is True

    again = import_members(front.shop, LOCAL_ADMIN, path)
    assert (again.imported, again.skipped, again.rejected) == (3, 2, [])
    numbers = [m.member_no for m in front.stored.members.values()]
    assert sorted(numbers) == [f"M{n:03d}" for n in range(5)]
    cards = [m.card_no for m in front.stored.members.values()]
    assert len(set(cards)) == 5, "every member gets a card number of their own"
    assert len(front.stored.outbox) == 10, "one enrolment and one profile per member, none twice"


def test_a_number_a_till_takes_after_the_check_stops_the_import_at_that_chunk(
    front: Shopfront, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(import_members_module, "CHUNK", 2)
    path = front.file(MEMBERS_HEADER + "".join(f"M{n:03d},会员{n},,,,\n" for n in range(4)))
    planned = import_members_module._plan

    def a_till_enrols_m003_meanwhile(*args: object) -> object:
        found = planned(*args)  # type: ignore[arg-type]
        front.enrol("M003", name="别人")
        return found

    monkeypatch.setattr(import_members_module, "_plan", a_till_enrols_m003_meanwhile)
    report = import_members(front.shop, LOCAL_ADMIN, path)
    assert report.stopped
    assert rejected_rows(report) == [5]
    assert report.imported == 2, "the first chunk stays; nothing of the refused one is written"
    assert front.member("M003").name == "别人"
    assert "M002" not in {m.member_no for m in front.stored.members.values()}


def test_the_same_file_imported_meanwhile_elsewhere_is_skipped_not_refused(
    front: Shopfront, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(import_members_module, "CHUNK", 2)
    path = front.file(MEMBERS_HEADER + "".join(f"M{n:03d},会员{n},,,,\n" for n in range(3)))
    planned = import_members_module._plan

    def another_computer_imports_m001_meanwhile(*args: object) -> object:
        found = planned(*args)  # type: ignore[arg-type]
        front.enrol("M001", name="会员1")
        return found

    monkeypatch.setattr(import_members_module, "_plan", another_computer_imports_m001_meanwhile)
    report = import_members(front.shop, LOCAL_ADMIN, path)
    assert (report.imported, report.skipped, report.rejected, report.stopped) == (2, 1, [], False)
    assert len(front.stored.members) == 3
