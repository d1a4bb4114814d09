"""Entry point of the ``loyalty`` command: parse, open the database, run one service, print, exit."""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable
from typing import Any

from loyalty_desktop.cli import commands
from loyalty_desktop.cli.context import AlreadyPrinted, Context, GuiLauncher, NotOk, Refused
from loyalty_desktop.cli.output import emit, emit_error
from loyalty_desktop.cli.parser import UsageError, build_parser
from loyalty_desktop.domain.errors import LoyaltyError

EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_FAILED = 0, 1, 2, 3
EXIT_INTERRUPTED = 130  # as shells report a program stopped by Ctrl-C


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


def _not_text(argv: list[str]) -> int | None:
    """The position of an argument that is not valid text (bytes that are not UTF-8), if any."""
    for position, arg in enumerate(argv, start=1):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            return position
    return None


def run(argv: list[str], gui: GuiLauncher | None = None) -> int:
    """Run one command line; returns the exit code. ``gui`` starts the desktop application (``entry``)."""
    argv = _hoist_globals(argv)
    as_json = "--json" in argv
    broken = _not_text(argv)
    if broken is not None:
        emit_error(
            "usage",
            f"argument {broken} is not valid text (its bytes are not UTF-8); "
            "type it again or save the script as UTF-8",
            as_json=as_json,
        )
        return EXIT_USAGE
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
    context = Context(args.db, as_json, args.staff, strict_keys=not lenient, gui=gui)
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
            {
                **verdict.result,
                "error": "check_failed",
                "message": "problems were found",
                "reason": "check_failed",
            },
            as_json=as_json,
        )
        return EXIT_REFUSED
    except Refused as exc:
        emit_error(exc.code, exc.message, as_json=as_json, extra=exc.extra, reason=exc.reason)
        return EXIT_REFUSED
    except LoyaltyError as exc:
        emit_error(
            exc.code, exc.message, as_json=as_json, extra=_public(exc.details), reason=exc.reason
        )
        return EXIT_REFUSED
    except UsageError as exc:
        emit_error("usage", str(exc), as_json=as_json)
        return EXIT_USAGE
    except KeyboardInterrupt:
        emit_error("interrupted", _interrupted(args.command), as_json=as_json)
        return EXIT_INTERRUPTED
    except Exception as exc:
        return _crash(exc, as_json)
    emit(result, as_json=as_json)
    return EXIT_OK


def _interrupted(command: str) -> str:
    """What a Ctrl-C left behind, for the command it stopped."""
    if command == "import":
        return (
            "stopped by Ctrl-C; the sales written before it are kept and the rest was rolled "
            "back: run the same import again to finish it (what is already in is skipped)"
        )
    if command == "demo":
        return (
            "stopped by Ctrl-C; the demo is only partly built: delete the database file and "
            "run demo again"
        )
    return (
        "stopped by Ctrl-C; whatever was not finished was rolled back (run the same "
        "command again to finish: ids make it safe)"
    )


def _public(details: dict[str, Any]) -> dict[str, Any]:
    """The details a script may read: JSON values only (sites keep personal data out of them)."""
    return {k: v for k, v in details.items() if isinstance(v, str | int | list | bool | type(None))}


def _crash(exc: BaseException, as_json: bool) -> int:
    # The exception's text may hold a statement and its values (a member's name, a
    # phone): only its kind is shown; LOYALTY_DEBUG=1 prints the whole traceback.
    if os.environ.get("LOYALTY_DEBUG"):
        traceback.print_exc()
    emit_error(
        "internal_error",
        f"something went wrong inside the program ({type(exc).__name__}); nothing was changed "
        "unless it said so. Run again with LOYALTY_DEBUG=1 to see the details",
        as_json=as_json,
    )
    return EXIT_FAILED


def main() -> None:
    """Console script ``loyalty`` without the desktop application (see ``loyalty_desktop.entry``)."""
    sys.exit(run(sys.argv[1:]))
