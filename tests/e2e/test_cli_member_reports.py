"""``loyalty report rfm|clv|churn`` on a demo shop: the contract's shapes, and nothing after --at counts."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.conftest import Loyalty
from tests.e2e.member_reports_shop import reports_around_a_late_sale


@pytest.fixture(scope="module")
def demo_reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One demo shop for the module (building it is the slow part): reports before and after a late sale."""
    return reports_around_a_late_sale(tmp_path_factory.mktemp("demo") / "shop.db")


def test_rfm_scores_every_buyer_into_one_of_ten_segments(demo_reports: dict[str, Any]) -> None:
    rfm = demo_reports["before"]["rfm"]
    assert len(rfm["segments"]) == 10
    assert sum(s["members"] for s in rfm["segments"]) == len(rfm["members"]) > 50
    keys = {s["key"] for s in rfm["segments"]}
    for member in rfm["members"]:
        assert {member["r"], member["f"], member["m"]} <= {1, 2, 3, 4, 5}
        assert member["segment"] in keys


def test_clv_gives_the_fitted_models_and_each_members_forecast(
    demo_reports: dict[str, Any],
) -> None:
    clv = demo_reports["before"]["clv"]
    assert clv["time_unit"] in ("days", "weeks")
    assert set(clv["bgnbd"]) >= {"r", "alpha", "a", "b", "loglik"}
    assert all(value > 0 for key, value in clv["bgnbd"].items() if key != "loglik")
    assert set(clv["gamma_gamma"]) == {"p", "q", "gamma"}
    member = clv["members"][0]
    assert set(member) >= {
        "member_no", "frequency", "recency", "T", "expected_purchases", "p_alive",
        "expected_value", "clv",
    }  # fmt: skip
    assert all(0 <= m["p_alive"] <= 1 for m in clv["members"])


def test_churn_ranks_members_and_reports_its_backtest_beside_both_baselines(
    demo_reports: dict[str, Any],
) -> None:
    churn = demo_reports["before"]["churn"]
    risks = [m["risk"] for m in churn["members"]]
    assert risks == sorted(risks, reverse=True)
    assert all(0 <= r <= 1 for r in risks)
    backtest = churn["backtest"]
    for key in ("auc", "auc_recency", "auc_bgnbd"):
        assert 0 <= backtest[key] <= 1
    assert backtest["auc"] > 0.5  # better than a coin on the demo shop's habits


@pytest.mark.parametrize("name", ["rfm", "clv", "churn", "lifecycle"])
def test_a_sale_after_at_changes_nothing_in_a_report_as_of_at(
    demo_reports: dict[str, Any], name: str
) -> None:
    assert demo_reports["after"][name] == demo_reports["before"][name]
    assert demo_reports["late_member"] in {
        m["member_no"] for m in demo_reports["now"]["rfm"]["members"]
    }


def test_churn_on_a_shop_with_too_little_history_says_so(shop_cli: Loyalty) -> None:
    code, refused = shop_cli("report", "churn")
    assert code == 1
    assert refused["reason"] == "churn_too_few_members", refused
