"""The grammar of ``loyalty survey record|settings`` and ``loyalty import surveys``."""

from __future__ import annotations

import argparse
from typing import Any


def add_survey_commands(sub: argparse._SubParsersAction[Any], parser_class: type) -> None:
    """The ``survey`` command's grammar."""
    survey = sub.add_parser("survey", help="satisfaction answers").add_subparsers(
        dest="action", required=True, parser_class=parser_class
    )
    p = survey.add_parser("record", help="a member's answer, about one of their sales if given")
    p.add_argument("ref", help="the member")
    p.add_argument("score", help="1-5 stars or 0-10 NPS, as the shop asks")
    p.add_argument("--sale", help="the sale the answer is about (one answer per sale)")
    p.add_argument("--at", help="ISO 8601 time; default now")
    p = survey.add_parser("settings", help="show or change the scale and the till's question")
    p.add_argument("--scale", help="stars (1-5, CSAT) or nps (0-10)")
    p.add_argument(
        "--ask-at-till", choices=["on", "off"], help="ask the question after each member's sale"
    )


def add_survey_import(imports: argparse._SubParsersAction[Any]) -> argparse.ArgumentParser:
    """``import surveys FILE``; the caller adds the options every import takes."""
    p: argparse.ArgumentParser = imports.add_parser("surveys", help="member_ref,score,at,sale_id")
    p.add_argument("file")
    return p
