"""``loyalty survey record|settings`` and ``loyalty import surveys``: what they do and print."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from loyalty_desktop.cli import presenters
from loyalty_desktop.cli.context import Context, Refused
from loyalty_desktop.cli.imports import column_map
from loyalty_desktop.cli.progress import progress_job
from loyalty_desktop.domain.surveys import SurveyAnswer, SurveySettings, parse_scale, parse_score
from loyalty_desktop.services import survey_import, surveys


def answer_json(answer: SurveyAnswer) -> dict[str, Any]:
    """An answer as the command prints it."""
    return {
        "id": answer.id,
        "member_no": answer.member_no,
        "score": answer.score,
        "scale": answer.scale.value,
        "sale_id": answer.sale_no,
        "store": answer.store,
        "staff": answer.staff,
        "at": answer.at.isoformat(),
    }


def _settings(found: SurveySettings) -> dict[str, Any]:
    return {"scale": found.scale.value, "ask_at_till": found.ask_at_till}


def cmd_survey_record(ctx: Context, args: Any) -> dict[str, Any]:
    """``{"id", "member_no", "score", "scale", "sale_id", "store", "staff", "at", "replayed"}``."""
    done = surveys.record_answer(
        ctx.shop,
        ctx.actor,
        args.ref,
        parse_score(args.score),
        sale_ref=args.sale,
        at=ctx.moment(args.at),
    )
    return {**answer_json(done.answer), "replayed": done.replayed}


def cmd_survey_settings(ctx: Context, args: Any) -> dict[str, Any]:
    """``{"scale", "ask_at_till"}``, changed first if asked."""
    if args.scale is None and args.ask_at_till is None:
        return _settings(surveys.survey_settings(ctx.shop, ctx.actor))
    changed = surveys.set_survey_settings(
        ctx.shop,
        ctx.actor,
        scale=None if args.scale is None else parse_scale(args.scale),
        ask_at_till=None if args.ask_at_till is None else args.ask_at_till == "on",
    )
    return _settings(changed)


def cmd_import_surveys(ctx: Context, args: Any) -> dict[str, Any]:
    """``{"imported", "rejected", "skipped"}``; any rejected row: nothing imported, exit 1."""
    report = survey_import.import_surveys(
        ctx.shop,
        ctx.actor,
        Path(args.file),
        skip_invalid=args.skip_invalid,
        encoding=args.encoding,
        mapping=column_map(args.map),
        job=progress_job(),
    )
    result = presenters.import_report(report)
    if report.rejected and not args.skip_invalid:
        raise Refused(
            "invalid_rows",
            f"{len(report.rejected)} row(s) cannot be imported; nothing was imported",
            **result,
        )
    return result


SURVEY_HANDLERS: dict[tuple[str, str | None], Callable[[Context, Any], dict[str, Any]]] = {
    ("survey", "record"): cmd_survey_record,
    ("survey", "settings"): cmd_survey_settings,
    ("import", "surveys"): cmd_import_surveys,
}
