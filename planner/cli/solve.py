"""`planner solve` (and `--replan`) and `planner validate`."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from planner.cli.common import (
    Add,
    UserError,
    emit,
    ids,
    read_valid_season,
    report_payload,
    report_text,
    writable_folder,
    write_failed,
)


def _unpinned(season):
    from dataclasses import replace

    return replace(
        season,
        groups=tuple(
            replace(g, weekday=None, start=None, venue_id=None, leaders=()) for g in season.groups
        ),
    )


def _stored_season(store, season) -> int | None:
    """The id of the newest draft or else the live season when it holds the same data as
    `season` (whatever either is called), but for the pins a coordinator may have set by
    hand since (`planner pin`); None when neither does."""
    from dataclasses import replace

    wanted = _unpinned(season)
    for season_id in dict.fromkeys((store.working_season_id(), store.live_season_id())):
        loaded = store.load_season(season_id) if season_id is not None else None
        if loaded is not None and _unpinned(replace(loaded, name=season.name)) == wanted:
            return season_id
    return None


def _with_stored_pins(store, season):
    """`season` with the pins of its stored season, which are newer than the data's; and how
    many groups' pins differ from the data's."""
    from dataclasses import replace

    found = _stored_season(store, season)
    if found is None:
        return season, 0
    stored = replace(store.load_season(found), name=season.name)
    changed = sum(a != b for a, b in zip(season.groups, stored.groups, strict=True))
    return stored, changed


def _store_season(store, season, source: str, actor: str) -> int:
    """The stored season equal to `season`, else a new import (a draft when a season is live)."""
    found = _stored_season(store, season)
    if found is not None:
        return found
    return store.import_season(season, source=source, actor=actor)


def cmd_solve(args: argparse.Namespace) -> int:
    from planner.plan_check import plan_problems
    from planner.solve import Changes, SolveParams, solve, write_outputs
    from planner.solve.output import summary as plan_summary
    from planner.store import Enrolments, Store
    from planner.store.plan_gate import unsolved

    out = writable_folder(args.out, args.lang) if args.out else None  # before any solving
    report = read_valid_season(args)
    if not report.ok:
        emit(args, report_payload(report), report_text(report))
        return 1
    season = report.season
    try:
        params = SolveParams(
            time_limit_s=args.time_limit,
            workers=args.workers,
            seed=args.seed,
            language=args.lang,
            deterministic_time_s=args.deterministic_time,
        )
    except ValueError as exc:
        raise UserError(str(exc)) from exc
    changes = Changes(
        absent=ids(args.absent), closed_venues=ids(args.closed), cancelled=ids(args.cancel)
    )
    unknown = sorted(
        (changes.absent - season.person.keys())
        | (changes.closed_venues - season.venue.keys())
        | (changes.cancelled - season.group.keys())
    )
    if unknown:
        raise UserError(f"unknown id(s) in --absent/--closed/--cancel: {', '.join(unknown)}")
    store = Store.open(args.db) if (args.save or args.replan) else None
    try:
        pinned = 0
        if store:  # groups set by hand in the store stay where they were set
            season, pinned = _with_stored_pins(store, season)
        previous = None
        if store and args.replan:  # the plan of the stored season with this data
            stored = _stored_season(store, season)
            # Against the live offering when the season is published: its clients enrolled
            # now stay where they are as far as they can; else the stored plan.
            live = Enrolments(store, stored).live_plan() if stored is not None else None
            previous = live or (store.load_plan(season_id=stored) if stored is not None else None)
        if args.replan and previous is None:
            raise UserError("--replan needs a stored plan: run `planner solve DATA --save` first")
        result = solve(season, params, previous=previous, changes=changes)
        problems = [str(p) for p in plan_problems(season, result.plan, params.allowance_min)]
        if problems:  # a model bug, never a user mistake: refuse to publish it
            raise RuntimeError("the plan failed validation: " + "; ".join(problems[:5]))
        # a status without a valid plan (MODEL_INVALID, INFEASIBLE) is never written or
        # saved, and an empty plan never replaces the current one
        refused = unsolved(result.summary())
        if out is not None and refused is None:
            try:
                write_outputs(result, season, out)
            except OSError as exc:  # the folder went, or the disk filled, while solving
                raise write_failed(out, exc, args.lang) from None
        diff = result.diff(previous) if previous is not None else []
        plan_id = None
        if store and args.save and refused is None and result.plan.placements:
            season_id = _store_season(store, season, str(args.data), args.actor)
            plan_id = store.save_plan(
                result.plan,
                plan_summary(result, season),
                season_id=season_id,
                actor=args.actor,
                note="replan" if args.replan else "",
            )
    finally:
        if store:
            store.dispose()
    payload = {**plan_summary(result, season), "plan_id": plan_id, "changes": diff}
    gap = f"{result.gap:.1%}" if result.gap is not None else "n/a"
    lines = [
        f"{result.plan_status} plan (model {result.status}): "
        f"{result.groups_scheduled}/{len(season.groups)} groups scheduled, "
        f"{result.clients_placed}/{len(season.clients)} clients placed, objective "
        f"{result.objective}, bound {result.best_bound}, gap {gap}, {result.wall_s:.1f} s"
    ]
    lines += [f"  {r.subject}: {r.text(args.lang)}" for r in result.unscheduled]
    if pinned:
        lines.append(f"Kept the pins of {pinned} group(s) set by hand in the store.")
    if previous is not None:
        lines.append(f"{len(diff)} change(s) against the stored plan:")
        lines += [f"  {d}" for d in diff]
    if refused is not None:
        lines.append(
            f"Nothing written or saved: the solver ended with status {refused}, "
            "which has no valid plan."
        )
        emit(args, payload, "\n".join(lines))
        return 1
    if args.out:
        lines.append(
            f"Wrote {args.out}/plan_groups.csv, plan_participants.csv, staff_days.csv, summary.json"
        )
    if args.save and not plan_id:
        lines.append("Not saved: the plan schedules no group; the current plan stays.")
        emit(args, payload, "\n".join(lines))
        return 1
    lines.append(f"Saved as plan {plan_id}." if plan_id else "Not saved (use --save).")
    emit(args, payload, "\n".join(lines))
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from planner.plan_check import PlanFileError, plan_problems, read_plan_files

    report = read_valid_season(args)
    if not report.ok:
        emit(args, report_payload(report), report_text(report))
        return 1
    plan_dir = Path(args.plan)
    if not (plan_dir / "plan_groups.csv").exists():
        raise UserError(f"{plan_dir}: no plan_groups.csv here")
    try:
        plan = read_plan_files(plan_dir)
    except PlanFileError as exc:
        raise UserError(f"cannot read the plan in {plan_dir}: {exc}") from None
    problems = plan_problems(report.season, plan, args.allowance)
    text = "\n".join(str(p) for p in problems) or "The plan keeps every rule."
    emit(args, {"ok": not problems, "problems": [str(p) for p in problems]}, text)
    return 1 if problems else 0


def add_solve_commands(add: Add) -> None:
    p = add("solve", cmd_solve, "Plan the season: weekday, time, venue, leaders and participants.")
    p.add_argument("data", help="folder of CSV files or an .xlsx workbook")
    p.add_argument("--time-limit", type=float, default=60.0, help="seconds (default 60)")
    p.add_argument("--workers", type=int, default=2, help="solver threads (default 2)")
    p.add_argument("--seed", type=int, default=0, help="solver random seed")
    p.add_argument(
        "--deterministic-time",
        type=float,
        metavar="S",
        help="also stop each search stage after S deterministic seconds: with --workers 1 "
        "the same plan on any machine, however busy",
    )
    p.add_argument(
        "--out",
        help="write plan_groups.csv, plan_participants.csv, staff_days.csv, summary.json here",
    )
    p.add_argument(
        "--save",
        action="store_true",
        help="store the plan as the current plan of the stored season with this data "
        "(imported first, as a draft beside the live season, when none matches)",
    )
    p.add_argument(
        "--replan",
        action="store_true",
        help="change the stored plan as little as possible and list what moved",
    )
    p.add_argument("--absent", help="staff/partner ids no longer available (;-separated)")
    p.add_argument("--closed", help="venue ids closed (;-separated)")
    p.add_argument("--cancel", help="group ids cancelled (;-separated)")
    p.add_argument("--lang", choices=("fi", "sv", "en"), default="en", help="language of reasons")
    p.add_argument("--db", help="database URL (default: PLANNER_DB_URL or ./planner.sqlite3)")
    p.add_argument("--actor", default=os.environ.get("USER", "cli"), help="who plans (audit)")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")

    p = add("validate", cmd_validate, "Re-check a written plan against every hard rule.")
    p.add_argument("data", help="the season: folder of CSV files or an .xlsx workbook")
    p.add_argument("plan", help="folder with plan_groups.csv and plan_participants.csv")
    p.add_argument(
        "--allowance",
        type=int,
        default=30,
        help="minutes around each session for meetings and summaries (default 30)",
    )
    p.add_argument("--json", action="store_true", help="print the problems as JSON")
