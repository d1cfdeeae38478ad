"""`planner pin` and `planner unpin`: one group set by hand in a stored season (the season a
coordinator works on: `--season ID`, default the newest draft, else the live season).
Registered by `planner.cli.main.build_parser`.

    planner pin G-001 --weekday Tue --start 10:00 --venue V-02 --leaders "S-001;P-002"
    planner pin G-001 --weekday ke --dry-run --json
    planner unpin G-001

What is not given stays as the current plan has it (else as the group is pinned). The change
is checked with the independent validator and, unless refused, stored as the group's pins and
a new draft plan (`Store.pin_group`); participants who could no longer attend leave the draft
and are listed. A refusal is one line naming each rule, exit code 2; nothing is written.
`--dry-run` only checks (exit code 1 when the change breaks a rule).
"""

from __future__ import annotations

import argparse
import os

from planner.cli.common import Add, Emit, UserError, ids


def _weekday(value: str) -> int:
    from planner.io.fields import FieldError, parse_weekday

    try:
        return parse_weekday(value)
    except FieldError as exc:
        raise UserError(f"--weekday {value!r} is not one weekday like Mon or ma") from exc


def _start(value: str) -> int:
    from planner.io.fields import FieldError, parse_time

    try:
        return parse_time(value)
    except FieldError as exc:
        raise UserError(f"--start {value!r} is not a time like 10:00") from exc


def _season_id(store, chosen: int | None) -> int:
    season_id = store.working_season_id(chosen)
    if season_id is None:
        raise UserError("no season in the store: run `planner import DATA` first")
    if chosen is not None and season_id != chosen:
        raise UserError(f"no season with id {chosen} (see `planner season list`)")
    return season_id


def _asked(args: argparse.Namespace, season, plan) -> tuple[int, int, str | None, tuple[str, ...]]:
    """The weekday, start, venue and leaders asked for, the rest from the plan or the pins."""
    if args.group not in season.group:
        raise UserError(f"no group {args.group} in the season (see `planner season list`)")
    group = season.group[args.group]
    now = plan.placement.get(args.group)
    weekday = _weekday(args.weekday) if args.weekday else (now.weekday if now else group.weekday)
    start = _start(args.start) if args.start else (now.start if now else group.start)
    if args.venue is not None:
        venue = args.venue.strip() or None
    else:
        venue = now.venue_id if now else group.venue_id
    if args.leaders is not None:
        leaders = tuple(dict.fromkeys(x.strip() for x in args.leaders.split(";") if x.strip()))
        if len(leaders) != len(ids(args.leaders)):
            raise UserError("--leaders: separate the ids with ';'")
    else:
        leaders = now.leaders if now else group.leaders
    missing = [
        name
        for name, value in (("--weekday", weekday), ("--start", start), ("--leaders", leaders))
        if value is None or value == ()
    ]
    if group.needs_venue and venue is None:
        missing.append("--venue")
    if missing:
        raise UserError(f"{args.group} is not in the plan: give {', '.join(missing)}")
    assert weekday is not None and start is not None
    return weekday, start, venue, leaders


def _lines(edit) -> list[str]:
    after = edit.after
    where = f"{after.venue_id}" if after.venue_id else "remote"
    from planner.model import WEEKDAYS, hhmm

    lines = [
        f"{edit.group_id}: {WEEKDAYS[after.weekday]} {hhmm(after.start)}-{hhmm(after.end)} "
        f"at {where}, leaders {', '.join(after.leaders)}"
    ]
    if edit.before is None:
        lines.append("  not in the current plan: only the pins are stored")
    for code, rule in edit.dropped:
        lines.append(f"  {code} leaves the group ({rule})")
    return lines


def cmd_pin(args: argparse.Namespace, emit: Emit) -> int:
    from planner.store import PinRefused, Store

    with Store.open(args.db) as store:
        season_id = _season_id(store, args.season)
        season = store.load_season(season_id)
        plan = store.load_plan(season_id=season_id)
        if season is None or plan is None:
            raise UserError(
                f"season {season_id} has no saved plan: run `planner solve DATA --save` first"
            )
        asked = _asked(args, season, plan)
        if args.dry_run:
            edit = store.pin_preview(season_id, args.group, *asked)
            lines = _lines(edit)
            lines += [f"  [{p.rule}] {p}" for p in edit.problems]
            lines.append(
                "Check: the change keeps every rule (nothing stored: --dry-run)."
                if edit.ok
                else f"Check: the change breaks {len(edit.problems)} rule(s); nothing stored."
            )
            emit(args, edit.as_dict(), "\n".join(lines))
            return 0 if edit.ok else 1
        try:
            edit = store.pin_group(season_id, args.group, *asked, actor=args.actor)
        except PinRefused as exc:
            if args.json:
                emit(args, exc.edit.as_dict(), "")
            raise
    lines = _lines(edit)
    if edit.plan_id is not None:
        lines.append(
            f"Pinned {edit.group_id}; saved as draft plan {edit.plan_id} of season {season_id}. "
            "Publish it to change the live offering."
        )
    else:
        lines.append(f"Pinned {edit.group_id} in season {season_id}; the plan is unchanged.")
    emit(args, edit.as_dict(), "\n".join(lines))
    return 0


def cmd_unpin(args: argparse.Namespace, emit: Emit) -> int:
    from planner.store import Store

    with Store.open(args.db) as store:
        season_id = _season_id(store, args.season)
        before = store.unpin_group(season_id, args.group, actor=args.actor)
    text = (
        f"Removed the pins of {args.group} in season {season_id}; the plan is unchanged."
        if before.any
        else f"{args.group} had no pins in season {season_id}."
    )
    payload = {"season_id": season_id, "group_id": args.group, "pins_before": before.as_dict()}
    emit(args, payload, text)
    return 0


def add_pin_commands(add: Add) -> None:
    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("group", metavar="GROUP", help="group id")
        p.add_argument(
            "--season",
            type=int,
            help="season id (default: the newest draft, else the live season)",
        )
        p.add_argument("--db", help="database URL (default: PLANNER_DB_URL or ./planner.sqlite3)")
        p.add_argument("--actor", default=os.environ.get("USER", "cli"), help="who acts (audit)")
        p.add_argument("--json", action="store_true", help="print the result as JSON")

    p = add(
        "pin",
        cmd_pin,
        "Set one group by hand (weekday, start, venue, leaders): checked against every rule, "
        "stored as the group's pins and a new draft plan, kept by the next re-plan.",
    )
    common(p)
    p.add_argument("--weekday", help="Mon..Fri (or ma..pe)")
    p.add_argument("--start", help="start time, HH:MM on the half hour")
    p.add_argument("--venue", help="venue id (empty for a remote group)")
    p.add_argument("--leaders", help="one or two staff/partner ids, ;-separated")
    p.add_argument("--dry-run", action="store_true", help="only check; store nothing")

    p = add("unpin", cmd_unpin, "Remove a group's pins (the plan stays as it is).")
    common(p)
