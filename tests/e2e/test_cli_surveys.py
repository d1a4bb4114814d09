"""``loyalty survey`` and ``loyalty import surveys``: one answer per sale, clear refusals, files all or nothing."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.conftest import Loyalty, days_ago


def test_an_answer_per_sale_with_refusals_a_script_can_match(shop_cli: Loyalty) -> None:
    loyalty = shop_cli
    _, buyer = loyalty("member", "add", "--name", "甲", "--at", days_ago(10))
    _, other = loyalty("member", "add", "--name", "乙", "--at", days_ago(10))
    assert loyalty("sale", "S1", "--member", buyer["member_no"], "--total", "80.00")[0] == 0

    code, answer = loyalty("survey", "record", buyer["member_no"], "4", "--sale", "S1")
    assert (code, answer["score"], answer["scale"], answer["sale_id"]) == (0, 4, "stars", "S1")
    code, again = loyalty("survey", "record", buyer["member_no"], "4", "--sale", "S1")
    assert (code, again["replayed"], again["id"]) == (0, True, answer["id"])
    for args, reason in (
        ((buyer["member_no"], "2", "--sale", "S1"), "survey_sale_answered"),
        ((other["member_no"], "3", "--sale", "S1"), "survey_sale_other_member"),
        ((buyer["member_no"], "3", "--sale", "S404"), "unknown_sale"),
        ((buyer["member_no"], "6"), "survey_score_range"),
        ((buyer["member_no"], "five"), "survey_score_not_number"),
    ):
        code, refused = loyalty("survey", "record", *args)
        assert (code, refused["reason"]) == (1, reason), refused

    code, setting = loyalty("survey", "settings", "--scale", "nps", "--ask-at-till", "on")
    assert (code, setting) == (0, {"scale": "nps", "ask_at_till": True})
    code, nps = loyalty("survey", "record", other["member_no"], "10")
    assert (code, nps["scale"]) == (0, "nps")


def test_a_survey_file_with_a_bad_row_imports_nothing_unless_told_to_skip_it(
    shop_cli: Loyalty, tmp_path: Path
) -> None:
    loyalty = shop_cli
    _, m = loyalty("member", "add", "--name", "甲", "--at", days_ago(10))
    path = tmp_path / "answers.csv"
    path.write_text(
        f"member_ref,score,at,sale_id\n{m['member_no']},5,{days_ago(2)},\n404404,4,{days_ago(2)},\n",
        encoding="utf-8",
    )
    code, refused = loyalty("import", "surveys", str(path))
    assert (code, refused["imported"], refused["rejected"][0]["row"]) == (1, 0, 3)
    code, done = loyalty("import", "surveys", str(path), "--skip-invalid")
    assert (code, done["imported"]) == (0, 1)


def test_the_satisfaction_report_counts_answers_by_staff_and_prints_a_csv_table(
    shop_cli: Loyalty,
) -> None:
    loyalty = shop_cli
    _, m = loyalty("member", "add", "--name", "甲", "--at", days_ago(40))
    for n, stars in enumerate(("5", "4", "2"), start=1):
        at = days_ago(30 - n)
        assert (
            loyalty("sale", f"S{n}", "--member", m["member_no"], "--total", "20.00", "--at", at)[0]
            == 0
        )
        assert (
            loyalty("survey", "record", m["member_no"], stars, "--sale", f"S{n}", "--at", at)[0]
            == 0
        )
    code, found = loyalty("report", "satisfaction", "--from", days_ago(60), "--to", days_ago(0))
    assert code == 0, found
    assert (found["measure"], found["answers"], found["score"]) == ("csat", 3, "66.7")
    [everyone] = [g for g in found["groups"] if g["by"] == "all"]
    assert everyone["too_small"] is True
    code, table = loyalty("report", "satisfaction", "--format", "csv")
    assert code == 0
    assert table["csv"].splitlines()[0].startswith("by,key,answers")
