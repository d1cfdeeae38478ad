"""`planner change`: the season's dated changes in the store, which every calendar, feed and
attendance record follows. Registered by `planner.cli.main.build_parser`.

    planner change closure --from 2027-06-21 --to 2027-08-08 [--venue V-01] [--note TEXT]
    planner change cancel G-001 2027-02-03
    planner change move G-001 2027-02-03 2027-02-04T13:00
    planner change absence S-01 --from 2027-03-01 --to 2027-03-05
    planner change substitute G-001 S-02 --from 2027-03-01 --to 2027-03-05 [--for S-01]
    planner change list [--json]
    planner change remove 7

A refused change is one line naming the rule (`planner change: ...`), exit code 2.
"""

from __future__ import annotations

import argparse
import datetime as dt

from planner.cli.common import Add, Emit, UserError


def _date(value: str, field: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise UserError(f"{field} {value!r} is not a date like 2027-02-03") from exc


def _start(value: str) -> dt.datetime:
    try:
        start = dt.datetime.fromisoformat(value)
    except ValueError as exc:
        raise UserError(f"NEW_START {value!r} is not a local time like 2027-02-03T13:00") from exc
    if start.tzinfo is not None:
        raise UserError(f"NEW_START {value!r}: give Helsinki wall-clock time, without an offset")
    return start


def cmd_change(args: argparse.Namespace, emit: Emit) -> int:
    from planner.store import ChangeRefused

    try:
        return _change(args, emit)
    except ChangeRefused as exc:
        raise UserError(f"{args.action} refused ({exc.rule}): {exc}") from exc


def _change(args: argparse.Namespace, emit: Emit) -> int:
    from planner.store import DatedChanges, Store

    with Store.open(args.db) as store:
        changes = DatedChanges(store)
        action = args.action
        if action == "list":
            found = changes.current()
            emit(
                args,
                [c.as_dict() for c in found],
                "\n".join(c.describe() for c in found) or "no dated changes",
            )
            return 0
        if action == "remove":
            gone = changes.remove(args.id, actor=args.actor)
            emit(args, gone.as_dict(), f"Removed {gone.describe()}")
            return 0
        note, actor = args.note, args.actor
        if action == "closure":
            made = changes.closure(
                _date(args.first, "--from"),
                _date(args.last, "--to"),
                venue_id=args.venue,
                note=note,
                actor=actor,
            )
        elif action == "cancel":
            made = changes.cancel(args.group, _date(args.date, "DATE"), note=note, actor=actor)
        elif action == "move":
            made = changes.move(
                args.group,
                _date(args.date, "DATE"),
                _start(args.new_start),
                note=note,
                actor=actor,
            )
        elif action == "absence":
            made = changes.absence(
                args.person,
                _date(args.first, "--from"),
                _date(args.last, "--to"),
                note=note,
                actor=actor,
            )
        else:
            made = changes.substitute(
                args.group,
                args.person,
                _date(args.first, "--from"),
                _date(args.last, "--to"),
                replaces=args.replaces,
                note=note,
                actor=actor,
            )
        emit(args, made.as_dict(), f"Recorded {made.describe()}")
    return 0


def add_change_commands(add: Add) -> None:
    p = add(
        "change",
        cmd_change,
        "Record, list or remove the season's dated changes (closures, cancelled or moved "
        "sessions, absences, substitutes); calendars, feeds and attendance follow them.",
    )
    sub = p.add_subparsers(dest="action", required=True, parser_class=type(p))

    def common(q: argparse.ArgumentParser, note: bool = True) -> None:
        if note:
            q.add_argument(
                "--note",
                default="",
                help="a short note, at most 200 characters; never client data",
            )
        q.add_argument("--actor", default="cli", help="who acts (audit)")
        q.add_argument("--db", help="database URL (default: PLANNER_DB_URL or ./planner.sqlite3)")
        q.add_argument("--json", action="store_true", help="print the result as JSON")

    def dates(q: argparse.ArgumentParser) -> None:
        q.add_argument("--from", dest="first", required=True, help="first day, 2027-06-21")
        q.add_argument("--to", dest="last", required=True, help="last day (inclusive)")

    q = sub.add_parser("closure", help="no group meets on these days (all venues or one)")
    dates(q)
    q.add_argument("--venue", help="only this venue (default: every venue)")
    common(q)

    q = sub.add_parser("cancel", help="cancel one session of a group")
    q.add_argument("group", help="group id")
    q.add_argument("date", help="the session's date, 2027-02-03")
    common(q)

    q = sub.add_parser("move", help="move one session of a group (same duration)")
    q.add_argument("group", help="group id")
    q.add_argument("date", help="the session's date, 2027-02-03")
    q.add_argument("new_start", metavar="NEW_START", help="local start, 2027-02-04T13:00")
    common(q)

    q = sub.add_parser("absence", help="a staff member or partner is away on these days")
    q.add_argument("person", help="staff or partner id")
    dates(q)
    common(q)

    q = sub.add_parser("substitute", help="someone leads a group instead of a leader")
    q.add_argument("group", help="group id")
    q.add_argument("person", help="staff or partner id of the substitute")
    dates(q)
    q.add_argument(
        "--for", dest="replaces", help="the leader replaced (needed when the group has several)"
    )
    common(q)

    q = sub.add_parser("list", help="the season's dated changes")
    common(q, note=False)

    q = sub.add_parser("remove", help="remove a dated change by id (see list)")
    q.add_argument("id", type=int, help="the change's id")
    common(q, note=False)
