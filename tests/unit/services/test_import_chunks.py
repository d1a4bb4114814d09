"""Sales imports written in short transactions: progress, cancel, resume, and refusals found while writing."""

from __future__ import annotations

from pathlib import Path

import pytest

from loyalty_desktop.services import privacy
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.checkout import SaleRequest, checkout
from loyalty_desktop.services.import_report import ImportReport
from loyalty_desktop.services.import_sales import Chunking, import_sales
from loyalty_desktop.services.long_jobs import Job, JobCancelled, Progress
from tests.conftest import FixedClock
from tests.unit.services.test_imports import SALES_HEADER, Shopfront

TINY = Chunking(seconds=60.0, max_sales=2)  # two sales per transaction, whatever the speed
# Ten sales, two members, one a day: M001 on even days, M002 on odd days.
ROWS = [
    f"S{day:02},M00{1 + day % 2},2025-03-{day:02} 10:00,A,{1 + day % 3},12.50,\n"
    for day in range(1, 11)
]


def run(
    front: Shopfront,
    job: Job | None = None,
    *,
    skip_invalid: bool = False,
    chunking: Chunking = TINY,
) -> ImportReport:
    path = front.file(SALES_HEADER + "".join(ROWS), name="sales.csv")
    return import_sales(
        front.shop,
        LOCAL_ADMIN,
        path,
        create_members=False,
        skip_invalid=skip_invalid,
        job=job,
        chunking=chunking,
    )


@pytest.fixture
def shopfront(clock: FixedClock, tmp_path: Path) -> Shopfront:
    front = Shopfront(clock, tmp_path)
    front.enrol("M001")
    front.enrol("M002", name="李四")
    return front


def sale_nos(front: Shopfront) -> list[str]:
    return sorted(front.stored.sales)


def test_progress_goes_through_every_phase_and_ends_with_every_row(shopfront: Shopfront) -> None:
    seen: list[Progress] = []
    report = run(shopfront, Job(seen.append, every=0.0))
    assert report.imported == 10
    phases = [p.phase for p in seen]
    assert phases[0] == "reading"
    assert phases[-1] == "done"
    assert phases.index("checking") < phases.index("writing")
    writing = [p.done for p in seen if p.phase == "writing"]
    assert writing == sorted(writing)
    assert writing[-1] == 10
    assert {p.total for p in seen if p.phase == "writing"} == {10}
    assert seen[-1].fraction == 1.0


def test_cancelling_keeps_the_chunks_written_and_a_rerun_ends_as_one_run_would(
    shopfront: Shopfront, clock: FixedClock, tmp_path: Path
) -> None:
    def stop_after_four(progress: Progress) -> None:
        if progress.phase == "writing" and progress.done >= 4:
            job.cancel()

    job = Job(stop_after_four, every=0.0)
    with pytest.raises(JobCancelled) as stopped:
        run(shopfront, job)
    assert stopped.value.reason == "job_cancelled"
    assert sale_nos(shopfront) == ["S01", "S02", "S03", "S04"]  # two whole chunks
    again = run(shopfront)
    assert (again.imported, again.skipped) == (6, 4)

    once = Shopfront(clock, tmp_path / "once")
    (tmp_path / "once").mkdir()
    once.enrol("M001")
    once.enrol("M002", name="李四")
    run(once)
    for no in ("M001", "M002"):
        assert shopfront.points(no) == once.points(no) > 0
        assert shopfront.member(no).lifetime_spend == once.member(no).lifetime_spend


def _erase_m002_once_writing(front: Shopfront) -> Job:
    def erase(progress: Progress) -> None:
        if progress.phase == "writing" and progress.done >= 2 and front.member("M002").active:
            privacy.erase_member(front.shop, LOCAL_ADMIN, "M002")

    return Job(erase, every=0.0)


def test_a_member_erased_during_the_import_stops_it_after_what_was_written(
    shopfront: Shopfront,
) -> None:
    report = run(shopfront, _erase_m002_once_writing(shopfront))
    # S01 (M002) and S02 went in the first chunk; S03 is M002's next sale: refused there.
    assert report.stopped
    assert (report.imported, sale_nos(shopfront)) == (2, ["S01", "S02"])
    assert [(p.row, p.code) for p in report.rejected] == [(4, "member_closed")]
    assert "S03" in report.rejected[0].error
    assert shopfront.stored.audit[-1].details["stopped"] is True


def test_with_skip_invalid_a_sale_refused_while_writing_is_left_out_and_the_rest_goes_in(
    shopfront: Shopfront,
) -> None:
    report = run(shopfront, _erase_m002_once_writing(shopfront), skip_invalid=True)
    assert not report.stopped
    assert [p.row for p in report.rejected] == [4, 6, 8, 10]  # M002's later sales
    assert sale_nos(shopfront) == ["S01", "S02", "S04", "S06", "S08", "S10"]
    assert report.imported == 6


def test_a_bad_row_still_means_nothing_is_written_whatever_the_chunks(
    shopfront: Shopfront,
) -> None:
    bad_rows = [*ROWS[:9], "S10,M001,2025-03-10 10:00,A,1,-1,\n"]
    path = shopfront.file(SALES_HEADER + "".join(bad_rows), name="bad.csv")
    report = import_sales(
        shopfront.shop, LOCAL_ADMIN, path, create_members=False, skip_invalid=False, chunking=TINY
    )
    assert [p.row for p in report.rejected] == [11]
    assert sale_nos(shopfront) == []


def test_a_sale_number_the_till_already_used_for_another_sale_is_a_conflict_not_a_skip(
    shopfront: Shopfront,
) -> None:
    checkout(
        shopfront.shop, LOCAL_ADMIN, SaleRequest(sale_no="S03", member_ref="M001", total="1.00")
    )
    report = run(shopfront)
    assert [(p.row, p.code) for p in report.rejected] == [(4, "id_conflict")]
    assert sale_nos(shopfront) == ["S03"]  # nothing else written
    report = run(shopfront, skip_invalid=True)
    assert (report.imported, report.skipped) == (9, 0)
    assert shopfront.stored.sales["S03"].net == 100  # the till's sale, untouched


def test_a_rerun_skips_the_sales_it_posted_itself(shopfront: Shopfront) -> None:
    run(shopfront)
    again = run(shopfront)
    assert (again.imported, again.skipped, again.rejected) == (0, 10, [])


def test_sales_another_run_wrote_meanwhile_are_counted_once_when_a_chunk_is_written_again(
    shopfront: Shopfront,
) -> None:
    first = shopfront.file(SALES_HEADER + "".join(ROWS[:3]), name="first.csv")

    def meanwhile(progress: Progress) -> None:
        if progress.phase != "writing":
            return
        if progress.done == 0:  # another import writes S01-S03 after this one's check
            import_sales(
                shopfront.shop, LOCAL_ADMIN, first, create_members=False, skip_invalid=False
            )
        elif shopfront.member("M001").active:  # then M001 (S02, S04…) is erased
            privacy.erase_member(shopfront.shop, LOCAL_ADMIN, "M001")

    report = run(shopfront, Job(meanwhile, every=0.0), skip_invalid=True)
    # The chunk [S03 skipped, S04 refused] is rolled back and written again as [S03, S05].
    assert report.skipped == 3
    assert [p.row for p in report.rejected] == [5, 7, 9, 11]
    assert report.imported == 3  # S05, S07, S09
