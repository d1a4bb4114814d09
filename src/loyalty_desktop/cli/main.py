"""Entry point of the ``loyalty`` command: parse, open the database, run one service, print, exit."""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable
from typing import Any

from sqlalchemy.exc import OperationalError

from loyalty_desktop.cli import commands
from loyalty_desktop.cli.context import AlreadyPrinted, Context, NotOk, Refused
from loyalty_desktop.cli.output import emit, emit_error
from loyalty_desktop.cli.parser import UsageError, build_parser
from loyalty_desktop.domain.errors import LoyaltyError

EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_FAILED = 0, 1, 2, 3


def _hoist_globals(argv: list[str]) -> list[str]:
    """Accept ``--json`` and ``--db PATH`` anywhere on the line, as people type them."""
    front: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--json":
            front.append(arg)
        elif arg in ("--db", "--staff") and i + 1 < len(argv):
            front += [arg, argv[i + 1]]
            i += 1
        elif arg.startswith(("--db=", "--staff=")):
            front.append(arg)
        else:
            rest.append(arg)
        i += 1
    return front + rest


def run(argv: list[str]) -> int:
    """Run one command line; returns the exit code."""
    argv = _hoist_globals(argv)
    as_json = "--json" in argv
    try:
        args = build_parser().parse_args(argv)
    except UsageError as exc:
        emit_error("usage", str(exc), as_json=as_json)
        if not as_json:
            sys.stderr.write("Try 'loyalty --help'.\n")
        return EXIT_USAGE
    handler: Callable[[Context, Any], dict[str, Any]] = commands.handler_for(args)
    # check reports a missing or foreign key file; card-key replace repairs it
    lenient = args.command == "check" or (args.command, getattr(args, "action", None)) == (
        "card-key",
        "replace",
    )
    context = Context(args.db, as_json, args.staff, strict_keys=not lenient)
    try:
        return _run_handler(handler, context, args, as_json)
    finally:
        context.close()


def _run_handler(
    handler: Callable[[Context, Any], dict[str, Any]],
    context: Context,
    args: Any,
    as_json: bool,
) -> int:
    try:
        result = handler(context, args)
    except AlreadyPrinted:
        return EXIT_OK
    except NotOk as verdict:
        emit(
            {**verdict.result, "error": "check_failed", "message": "problems were found"},
            as_json=as_json,
        )
        return EXIT_REFUSED
    except Refused as exc:
        emit_error(exc.code, exc.message, as_json=as_json, extra=exc.extra)
        return EXIT_REFUSED
    except LoyaltyError as exc:
        emit_error(exc.code, exc.message, as_json=as_json, extra=_public(exc.details))
        return EXIT_REFUSED
    except UsageError as exc:
        emit_error("usage", str(exc), as_json=as_json)
        return EXIT_USAGE
    except OperationalError as exc:
        if "locked" in str(exc.orig) or "busy" in str(exc.orig):
            emit_error(
                "busy", "the database is busy (another till is writing); try again", as_json=as_json
            )
            return EXIT_REFUSED
        return _crash(exc, as_json)
    except Exception as exc:
        return _crash(exc, as_json)
    emit(result, as_json=as_json)
    return EXIT_OK


def _public(details: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in details.items() if isinstance(v, str | int | list | bool | type(None))}


def _crash(exc: BaseException, as_json: bool) -> int:
    if os.environ.get("LOYALTY_DEBUG"):
        traceback.print_exc()
    emit_error(
        "internal_error", f"something went wrong: {type(exc).__name__}: {exc}", as_json=as_json
    )
    return EXIT_FAILED


def main() -> None:
    """Console script ``loyalty``."""
    sys.exit(run(sys.argv[1:]))


def desktop_main() -> None:
    """Console script ``loyalty-desktop``: the same as ``loyalty gui``."""
    sys.exit(run(["gui", *sys.argv[1:]]))
