"""Survey answers: on the shop's scale, about the member's own sale, once per sale; exported and erased with them."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from loyalty_desktop.domain.errors import (
    InvalidRequest,
    MemberClosed,
    PermissionDenied,
    UnknownSale,
)
from loyalty_desktop.domain.surveys import SurveyScale, parse_score
from loyalty_desktop.services import privacy, survey_import, surveys
from loyalty_desktop.services.auth import LOCAL_ADMIN, Actor, Role
from tests.unit.services.conftest import ShopDriver

CASHIER = Actor(name="Ann", role=Role.CASHIER, staff_id="s-ann")


def test_a_star_answer_about_the_members_sale_is_stored_with_the_cashier_and_the_till(
    driver: ShopDriver,
) -> None:
    m = driver.enrol()
    driver.sell("S1", m.member_no, "50.00")
    done = surveys.record_answer(driver.shop, CASHIER, m.member_no, 5, sale_ref="S1")
    assert not done.replayed
    answer = done.answer
    assert (answer.score, answer.scale, answer.sale_no) == (5, SurveyScale.STARS, "S1")
    assert (answer.staff, answer.store) == ("Ann", driver.shop.device_id)
    assert driver.database.store.surveys == [answer]


@pytest.mark.parametrize("score", [0, 6, -1])
def test_a_score_off_the_star_scale_is_refused_with_the_range(
    driver: ShopDriver, score: int
) -> None:
    m = driver.enrol()
    with pytest.raises(InvalidRequest, match="1 to 5") as refused:
        surveys.record_answer(driver.shop, CASHIER, m.member_no, score)
    assert refused.value.reason == "survey_score_range"
    assert refused.value.details["maximum"] == 5
    assert driver.database.store.surveys == []


def test_on_the_nps_scale_zero_and_ten_are_scores_and_eleven_is_not(driver: ShopDriver) -> None:
    surveys.set_survey_settings(driver.shop, LOCAL_ADMIN, scale=SurveyScale.NPS)
    m = driver.enrol()
    for score in (0, 10):
        assert surveys.record_answer(driver.shop, CASHIER, m.member_no, score).answer.score == score
    with pytest.raises(InvalidRequest, match="0 to 10, not 11"):
        surveys.record_answer(driver.shop, CASHIER, m.member_no, 11)


def test_an_unknown_sale_is_refused(driver: ShopDriver) -> None:
    m = driver.enrol()
    with pytest.raises(UnknownSale):
        surveys.record_answer(driver.shop, CASHIER, m.member_no, 4, sale_ref="NOPE")


def test_a_sale_made_to_another_member_is_refused(driver: ShopDriver) -> None:
    buyer, other = driver.enrol("甲"), driver.enrol("乙")
    driver.sell("S1", buyer.member_no, "50.00")
    with pytest.raises(InvalidRequest, match="not made to member") as refused:
        surveys.record_answer(driver.shop, CASHIER, other.member_no, 4, sale_ref="S1")
    assert refused.value.reason == "survey_sale_other_member"


def test_the_same_answer_again_replays_and_a_different_one_is_refused_the_first_stands(
    driver: ShopDriver,
) -> None:
    m = driver.enrol()
    driver.sell("S1", m.member_no, "50.00")
    first = surveys.record_answer(driver.shop, CASHIER, m.member_no, 2, sale_ref="S1")
    again = surveys.record_answer(driver.shop, CASHIER, m.member_no, 2, sale_ref="S1")
    assert again.replayed
    assert again.answer.id == first.answer.id
    with pytest.raises(InvalidRequest, match="first answer stands") as refused:
        surveys.record_answer(driver.shop, CASHIER, m.member_no, 5, sale_ref="S1")
    assert refused.value.reason == "survey_sale_answered"
    assert [a.score for a in driver.database.store.surveys] == [2]


def test_backdating_an_answer_is_a_managers_right(driver: ShopDriver) -> None:
    m = driver.enrol()
    week_ago = driver.clock.now() - timedelta(days=7)
    with pytest.raises(PermissionDenied):
        surveys.record_answer(driver.shop, CASHIER, m.member_no, 4, at=week_ago)
    done = surveys.record_answer(driver.shop, LOCAL_ADMIN, m.member_no, 4, at=week_ago)
    assert done.answer.at == week_ago


def test_only_a_manager_changes_the_setting_and_the_change_is_audited(driver: ShopDriver) -> None:
    with pytest.raises(PermissionDenied):
        surveys.set_survey_settings(driver.shop, CASHIER, ask_at_till=True)
    assert surveys.survey_settings(driver.shop, CASHIER).ask_at_till is False
    surveys.set_survey_settings(driver.shop, LOCAL_ADMIN, ask_at_till=True)
    now = surveys.survey_settings(driver.shop, CASHIER)
    assert (now.scale, now.ask_at_till) == (SurveyScale.STARS, True)
    [entry] = [e for e in driver.database.store.audit if e.action == "survey.settings"]
    assert entry.details == {"scale": "stars", "ask_at_till": True}


def test_answers_are_in_the_members_export_and_go_when_they_are_erased(
    driver: ShopDriver,
) -> None:
    m, other = driver.enrol("甲"), driver.enrol("乙")
    driver.sell("S1", m.member_no, "50.00")
    surveys.record_answer(driver.shop, CASHIER, m.member_no, 4, sale_ref="S1")
    surveys.record_answer(driver.shop, CASHIER, other.member_no, 3)
    data = privacy.export_member(driver.shop, LOCAL_ADMIN, m.member_no, deliver=lambda d: d)
    [given] = data["survey_answers"]  # type: ignore[misc]
    assert (given["score"], given["sale_id"], given["scale"]) == (4, "S1", "stars")  # type: ignore[index]
    privacy.erase_member(driver.shop, LOCAL_ADMIN, m.member_no)
    assert [a.member_no for a in driver.database.store.surveys] == [other.member_no]


def _csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "answers.csv"
    path.write_text("member_ref,score,at,sale_id\n" + text, encoding="utf-8")
    return path


def test_a_file_with_one_bad_row_imports_nothing_and_names_the_row(
    driver: ShopDriver, tmp_path: Path
) -> None:
    m = driver.enrol()
    driver.sell("S1", m.member_no, "50.00")
    path = _csv(
        tmp_path, f"{m.member_no},5,,S1\n{m.member_no},9,2025-01-02,\nNOBODY,4,2025-01-02,\n"
    )
    report = survey_import.import_surveys(driver.shop, LOCAL_ADMIN, path)
    assert [(p.row, p.code) for p in report.rejected] == [
        (3, "invalid_score"),
        (4, "unknown_member"),
    ]
    assert report.imported == 0
    assert driver.database.store.surveys == []
    kept = survey_import.import_surveys(driver.shop, LOCAL_ADMIN, path, skip_invalid=True)
    assert (kept.imported, len(kept.rejected)) == (1, 2)
    [answer] = driver.database.store.surveys
    assert (answer.sale_no, answer.staff) == ("S1", None)


def test_importing_the_same_file_twice_skips_what_is_stored_and_a_sale_twice_is_refused(
    driver: ShopDriver, tmp_path: Path
) -> None:
    m = driver.enrol()
    driver.sell("S1", m.member_no, "50.00")
    path = _csv(tmp_path, f"{m.member_no},5,,S1\n{m.member_no},2,2025-01-02,\n")
    assert survey_import.import_surveys(driver.shop, LOCAL_ADMIN, path).imported == 2
    again = survey_import.import_surveys(
        driver.shop, LOCAL_ADMIN, _csv(tmp_path, f"{m.member_no},5,,S1\n")
    )
    assert (again.imported, again.skipped) == (0, 1)
    twice = _csv(tmp_path, f"{m.member_no},5,,S1\n{m.member_no},5,,S1\n")
    refused = survey_import.import_surveys(driver.shop, LOCAL_ADMIN, twice)
    assert [p.row for p in refused.rejected] == [3]
    assert "row 2" in refused.rejected[0].error


def test_a_cashier_may_not_import_answers(driver: ShopDriver, tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied):
        survey_import.import_surveys(driver.shop, CASHIER, _csv(tmp_path, ""))


@pytest.mark.parametrize("text", ["--5", "²", "①", "4.5", "NaN", "five", "", "1e1"])
def test_a_score_that_is_not_a_plain_whole_number_is_refused_in_a_file_never_a_crash(
    driver: ShopDriver, tmp_path: Path, text: str
) -> None:
    """str.isdigit() says yes to "²" and "--5" passed lstrip("-"); int() then raised ValueError."""
    m = driver.enrol()
    report = survey_import.import_surveys(
        driver.shop, LOCAL_ADMIN, _csv(tmp_path, f"{m.member_no},{text},2025-01-02,\n")
    )
    assert [(p.row, p.code) for p in report.rejected] == [(2, "invalid_score")]
    assert driver.database.store.surveys == []


def test_full_width_digits_from_an_input_method_are_a_score() -> None:
    assert parse_score("５") == 5
    assert parse_score(" 10 ") == 10


def test_an_answer_dated_before_its_sale_is_refused_at_the_till_and_in_a_file(
    driver: ShopDriver, tmp_path: Path
) -> None:
    """An answer before the sale it is about would count that very sale as a repurchase."""
    m = driver.enrol()
    driver.sell("S1", m.member_no, "50.00")
    before = driver.clock.now() - timedelta(days=3)
    with pytest.raises(InvalidRequest) as refused:
        surveys.record_answer(driver.shop, LOCAL_ADMIN, m.member_no, 5, sale_ref="S1", at=before)
    assert refused.value.reason == "survey_before_sale"
    day = before.date().isoformat()
    report = survey_import.import_surveys(
        driver.shop, LOCAL_ADMIN, _csv(tmp_path, f"{m.member_no},5,{day},S1\n")
    )
    assert [(p.row, p.code) for p in report.rejected] == [(2, "before_sale")]
    assert driver.database.store.surveys == []


def test_a_file_giving_only_the_day_of_the_sale_takes_the_sales_time(
    driver: ShopDriver, tmp_path: Path
) -> None:
    m = driver.enrol()
    sold = driver.sell("S1", m.member_no, "50.00")
    day = sold.at.astimezone(ZoneInfo("Asia/Shanghai")).date().isoformat()  # the shop's day
    report = survey_import.import_surveys(
        driver.shop, LOCAL_ADMIN, _csv(tmp_path, f"{m.member_no},5,{day},S1\n")
    )
    assert (report.imported, list(report.rejected)) == (1, [])
    [answer] = driver.database.store.surveys
    assert answer.at == sold.at


def test_an_erased_member_gives_no_more_answers_at_the_till_or_in_a_file(
    driver: ShopDriver, tmp_path: Path
) -> None:
    """Erasure removed their answers; a new one after it would be their opinion kept again."""
    m = driver.enrol()
    privacy.erase_member(driver.shop, LOCAL_ADMIN, m.member_no)
    with pytest.raises(MemberClosed):
        surveys.record_answer(driver.shop, CASHIER, m.member_no, 5)
    report = survey_import.import_surveys(
        driver.shop, LOCAL_ADMIN, _csv(tmp_path, f"{m.member_no},5,2025-01-02,\n")
    )
    assert [(p.row, p.code) for p in report.rejected] == [(2, "member_closed")]
    assert driver.database.store.surveys == []
