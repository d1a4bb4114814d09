"""``loyalty expire`` stores today's RFM, KPIs and churn; ``report`` reads them back until a sale comes in."""

from __future__ import annotations

from tests.e2e.conftest import Loyalty

TRIO = ("rfm", "kpis", "churn")


def test_the_nightly_job_stores_the_reports_and_they_read_back_until_a_sale(
    loyalty: Loyalty,
) -> None:
    assert loyalty("demo", "--members", "150", "--seed", "3")[0] == 0
    code, job = loyalty("expire")
    assert code == 0
    assert job["reports_stored"] == list(TRIO)
    assert job["reports_skipped"] == []

    stored_at = {}
    for name in TRIO:
        code, stored = loyalty("report", name)
        assert code == 0
        stored_at[name] = stored["at"]
        assert stored["computed_at"] is not None  # read back: it says when it was computed
        code, fresh = loyalty("report", name, "--fresh", "--at", stored["at"])
        assert fresh["computed_at"] is None
        assert {**stored, "computed_at": None} == fresh  # the very figures a computation gives

    code, rfm = loyalty("report", "rfm")
    member = rfm["members"][0]["member_no"]
    assert loyalty("sale", "AFTER-JOB", "--member", member, "--total", "12.00")[0] == 0
    for name in TRIO:
        code, again = loyalty("report", name)
        assert code == 0
        assert again["computed_at"] is None  # the sale came in after: not the stored one
        if name == "kpis":
            continue
        # RFM and churn are brought up to date from the job's workings, and say so
        assert (again["updated_from"], again["not_updated"]) == (stored_at[name], None)
        code, fresh = loyalty("report", name, "--fresh", "--at", again["at"])
        assert fresh["updated_from"] is None
        assert {**again, "updated_from": None} == fresh


def test_expire_without_reports_stores_none(loyalty: Loyalty) -> None:
    assert loyalty("demo", "--members", "30", "--seed", "3")[0] == 0
    code, job = loyalty("expire", "--no-reports")
    assert code == 0
    assert "reports_stored" not in job
    code, rfm = loyalty("report", "rfm")
    assert rfm["computed_at"] is None
