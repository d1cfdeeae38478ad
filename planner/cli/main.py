"""The `planner` command line: the parser and `main()`. Thin: every command is a few calls
into the library, one module per command family (`season`, `solve`, `offering`, `meetings`,
`calendar`, `change`, `client`, `timeline`, `pin`, `mobile`, `report`, `backup`, `audit`,
`feedback`, `demo`); `common` holds what they share.

Every command exits non-zero with a one-line reason on bad input (never a traceback for a
user's mistake) and offers `--json` where it prints results.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence

from planner.cli.common import Parser, UserError, emit, season_and_plan


def build_parser() -> argparse.ArgumentParser:
    from planner.cli.audit import add_audit_commands
    from planner.cli.backup import add_backup_commands, add_purge_command
    from planner.cli.calendar import add_calendar_commands
    from planner.cli.change import add_change_commands
    from planner.cli.client import add_client_commands
    from planner.cli.demo import add_demo_command
    from planner.cli.feedback import add_feedback_commands
    from planner.cli.meetings import add_meetings_command
    from planner.cli.mobile import add_mobile_commands
    from planner.cli.notify import add_notify_command
    from planner.cli.offering import add_find_command, add_offering_commands
    from planner.cli.pin import add_pin_commands
    from planner.cli.report import add_report_commands
    from planner.cli.season import add_season_commands
    from planner.cli.solve import add_solve_commands
    from planner.cli.timeline import add_timeline_command

    parser = Parser(
        prog="planner",
        description="sosku planner: plan social rehabilitation groups in Western Uusimaa.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)

    def add(name: str, func: Callable[[argparse.Namespace], int], help_: str):
        p = sub.add_parser(name, help=help_, description=help_)
        p.set_defaults(func=func)
        return p

    def add_with_emit(name: str, func, help_: str):
        return add(name, lambda a: func(a, emit), help_)

    add_season_commands(add)
    add_solve_commands(add)
    add_pin_commands(add_with_emit)
    add_find_command(add_with_emit)
    add_offering_commands(add_with_emit)
    add_client_commands(add_with_emit)
    add_timeline_command(add_with_emit)
    add_meetings_command(add_with_emit)
    add_calendar_commands(add_with_emit)
    add_change_commands(add_with_emit)
    add_mobile_commands(add_with_emit, season_and_plan)
    add_report_commands(add_with_emit, season_and_plan)
    add_backup_commands(add_with_emit)
    add_purge_command(add_with_emit)
    add_audit_commands(add_with_emit)
    add_feedback_commands(add_with_emit)
    add_notify_command(add_with_emit)
    add_demo_command(add)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    from planner.calendar import CalendarError
    from planner.cli.mobile import MobileError
    from planner.cli.offering import OfferingError
    from planner.cli.report import ReportError
    from planner.io.problems import escaped
    from planner.store import StoreError

    try:
        return args.func(args)
    except (UserError, StoreError, OfferingError, CalendarError, MobileError, ReportError) as exc:
        # one line, whatever the values in it hold (escape codes, line breaks)
        print(f"planner {args.command}: {escaped(str(exc))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0
