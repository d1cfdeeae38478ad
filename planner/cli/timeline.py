"""`planner timeline CLIENT`: a client's service timeline (handbook l. 118, 596, 646-659).

    planner timeline C-00042 [--json] [--lang fi|sv|en] [--today DATE]
    planner timeline C-00042 --start 2027-01-11 [--decision-end 2027-07-10] [--held 3]
    planner timeline C-00042 --end 2027-05-03 --reason moved_to_work [--follow-up work]
    planner timeline C-00042 --reopen

Without `--start`, `--decision-end` or `--held` it shows the timeline: the service's start,
the current decision's end, the evaluations (3 months, then every 6) and the 18-month
maximum; with `--today`, the overdue evaluations are marked. With them it records the
timeline first (a new one needs `--start`; `--decision-end none` goes back to six months
from the start; a refusal is one line, exit 2). `--end` records the service's end (its last
day, not in the future, with a reason and, where the reason does not imply one, the
follow-up path, l. 542-543): it ends the client's live places and waits; `--reopen` removes a
recorded end. A client without a recorded start has no timeline: one line, exit 1.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys

from planner.cli.common import Add, Emit, UserError, today_arg


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2027-01-11") from exc


def _decision_end(text: str) -> dt.date | None:
    return None if text.strip().lower() == "none" else _date(text)


def _months(text: str) -> list[int]:
    try:
        return [int(m) for m in text.replace(",", ";").split(";") if m.strip()]
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not months like 3;6") from exc


def cmd_timeline(args: argparse.Namespace, emit: Emit) -> int:
    from planner.i18n import t
    from planner.store import Store, TimelineRefused, Timelines
    from planner.store.timelines import KEEP

    code = args.client.strip()
    store = Store.open(args.db)
    try:
        timelines = Timelines(store)
        recording = args.start is not None or args.decision_end is not KEEP or args.held
        ending = args.end is not None or args.reopen
        if args.end is not None and args.reopen:
            raise UserError("give either --end or --reopen")
        if (args.reason or args.follow_up) and args.end is None:
            raise UserError(t("timeline.refused.reason_without_end", args.lang))
        if recording:
            try:
                timeline = timelines.record(
                    code,
                    start=args.start,
                    decision_end=args.decision_end,
                    held=KEEP if args.held is None else args.held,
                    actor=args.actor,
                )
            except TimelineRefused as exc:
                raise UserError(exc.text(args.lang)) from exc
        elif not ending:
            timeline = timelines.get(code)
        if ending:
            try:
                if args.reopen:
                    timeline = timelines.reopen(code, actor=args.actor)
                    done = t("timeline.reopened", args.lang, client=code)
                else:
                    result = timelines.end(
                        code,
                        args.end,
                        args.reason or "",
                        args.follow_up,
                        actor=args.actor,
                        today=today_arg(args.today),
                    )
                    timeline = result.timeline
                    places = ", ".join(g for _, g in result.places_ended) or "-"
                    done = t("timeline.end_recorded", args.lang, client=code, places=places)
            except TimelineRefused as exc:
                raise UserError(exc.text(args.lang)) from exc
    finally:
        store.dispose()
    if timeline is None:
        if args.json:
            emit(args, None, "")
        print(f"planner timeline: {t('timeline.none', args.lang)}", file=sys.stderr)
        return 1
    lines = timeline.lines(args.lang, today_arg(args.today))
    if ending:
        lines.insert(0, done)
    elif recording:
        lines.insert(0, t("timeline.recorded", args.lang, client=timeline.client_code))
    emit(args, timeline.as_dict(), "\n".join(lines))
    return 0


def add_timeline_command(add: Add) -> None:
    from planner import rules
    from planner.store.timelines import KEEP

    p = add(
        "timeline",
        cmd_timeline,
        "A client's service timeline: start, the current decision's end (six months at a "
        f"time, l. {rules.DECISION_LINE}), the evaluations (l. {rules.FIRST_EVALUATION_LINES}, "
        f"{rules.JOINT_EVALUATION_LINES}) and the {rules.MAX_SERVICE_MONTHS}-month maximum "
        f"(l. {rules.MAX_SERVICE_LINE}); records it with --start.",
    )
    p.add_argument("client", help="the client's pseudonymous code")
    p.add_argument("--start", type=_date, help="record: the service's start, e.g. 2027-01-11")
    p.add_argument(
        "--decision-end",
        type=_decision_end,
        default=KEEP,
        help="record: the current decision's last day (none: six months from the start)",
    )
    p.add_argument("--held", type=_months, help="record: the evaluations held, by months: 3;6")
    p.add_argument(
        "--end",
        type=_date,
        help="record the service's end: its last day (not in the future); ends its places",
    )
    p.add_argument("--reason", choices=rules.ENDING_REASONS, help="with --end: why it ended")
    p.add_argument(
        "--follow-up",
        choices=rules.FOLLOW_UP_PATHS,
        help="with --end: where the client goes next (default: what the reason implies)",
    )
    p.add_argument("--reopen", action="store_true", help="remove a recorded end")
    p.add_argument("--today", help="mark evaluations overdue on this date, e.g. 2027-05-01")
    p.add_argument("--lang", choices=("fi", "sv", "en"), default="en", help="language")
    p.add_argument("--db", help="database URL (default: PLANNER_DB_URL or ./planner.sqlite3)")
    p.add_argument("--actor", default=os.environ.get("USER", "cli"), help="who acts (audit)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
