"""`planner` commands for the live offering: find, publish, enrol, cancel, seats, history
and team figures (the joint meetings are `planner.cli.meetings`). Registered by
`planner.cli.main.build_parser`."""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import asdict

from planner import rules
from planner.cli.common import (
    Add,
    Emit,
    UserError,
    season_and_plan,
    today_arg,
    writable_file,
    write_failed,
)
from planner.store.outcomes import ENDING_REASONS, FOLLOW_UP_PATHS


class OfferingError(Exception):
    """A refusal or a missing prerequisite; reported as one line."""


def _enrolments(args: argparse.Namespace):
    from planner.store import Enrolments, Store

    store = Store.open(args.db)
    live = store.live_season_id()  # workers enrol in the live (published) season only
    if live is None:
        store.dispose()
        raise OfferingError("no season in the store: run `planner import DATA` first")
    return store, Enrolments(store, live)


def cmd_publish(args: argparse.Namespace, emit: Emit) -> int:
    """Publish the plan; `--dry-run` prints the diff only. Refused, exit 1, one line per
    stranded client, while an enrolled client could not attend their group's new session
    and no `--resolve` says what to do with them."""
    from planner.store import ResolutionRefused, StrandedClients
    from planner.store.publish_diff import parse_resolution

    try:
        resolutions = dict(parse_resolution(text) for text in args.resolve or ())
    except ValueError as exc:
        raise UserError(str(exc)) from exc
    store, enrolments = _enrolments(args)
    try:
        if args.plan_id is None and store.load_plan(season_id=enrolments.season_id) is None:
            raise OfferingError("no plan to publish: run `planner solve DATA --save` first")
        preview = enrolments.preview(args.plan_id)
        if args.dry_run:
            emit(args, preview.to_dict(), _preview_text(preview, resolutions))
            return 1 if _unresolved(preview, resolutions) else 0
        try:
            report = enrolments.publish(args.plan_id, actor=args.actor, resolutions=resolutions)
        except (StrandedClients, ResolutionRefused) as exc:
            head = (
                f"{len(exc.cases)} enrolled client(s) could not attend their new session"
                if isinstance(exc, StrandedClients)
                else str(exc)
            )
            lines = [f"planner publish: refused, nothing was changed: {head}"]
            lines += [
                f"{c.client_code}:{c.group_id} cannot stay: {c.rule} ({c.why})"
                + (f"; move to {c.target} refused" if c.target else "")
                for c in exc.cases
            ]
            lines.append("resolve each with --resolve CLIENT:GROUP=move:NEWGROUP|keep|end")
            print("\n".join(lines), file=sys.stderr)
            return 1
    finally:
        store.dispose()
    lines = [
        f"Published plan {report.plan_id}: {len(report.opened)} groups opened, "
        f"{len(report.kept)} kept, {len(report.cancelled)} cancelled; "
        f"{len(report.added)} places from the plan."
    ]
    lines += [
        f"warning: {c} lost the place in {g} (group no longer runs)"
        for c, g in report.group_cancelled
    ]
    lines += [f"warning: {c} not moved to {g} ({why})" for c, g, why in report.skipped]
    lines += [f"warning: {g} now needs a second leader" for g in report.short_of_leaders]
    lines += [f"{c} moved from {g} to {to}" for c, g, to in report.moved_clients]
    lines += [f"{c} keeps the place in {g}, flagged: {rule}" for c, g, rule in report.kept_flagged]
    lines += [f"{c}'s place in {g} ended ({why})" for c, g, why in report.ended]
    lines += [
        f"{c} taken off the waiting list of {g} ({rule})" for c, g, rule in report.waiting_dropped
    ]
    emit(args, asdict(report), "\n".join(lines))
    return 0


def _unresolved(preview, resolutions) -> list:
    return [a for a in preview.stranded if a.case not in resolutions]


def _preview_text(preview, resolutions) -> str:
    """The diff in a few lines of English: groups, then every client affected."""
    live = preview.live_plan_id
    lines = [
        f"Plan {preview.plan_id} against the live offering "
        + (f"(plan {live})" if live is not None else "(nothing published yet)")
        + f": {len(preview.opened)} groups opened, {len(preview.cancelled)} cancelled, "
        f"{len(preview.moved)} moved, {len(preview.leaders_changed)} with other leaders; "
        f"{len(preview.affected)} places affected, {len(preview.stranded)} clients stranded."
    ]
    lines += [f"opened {g}" for g in preview.opened]
    lines += [f"cancelled {g}" for g in preview.cancelled]
    lines += [f"moved {c.group_id}: {c.before.text()} -> {c.after.text()}" for c in preview.moved]
    lines += [
        f"leaders {c.group_id}: {', '.join(c.leaders_before) or '-'} -> "
        f"{', '.join(c.leaders_after) or '-'}"
        for c in preview.leaders_changed
    ]
    for a in preview.affected:
        state = "can attend" if a.can_attend else f"cannot attend: {a.rule} ({a.why})"
        how = resolutions.get(a.case)
        todo = f"; resolved: {how.action} {how.target}".rstrip() if how else ""
        if a.stranded and not how:
            todo = "; UNRESOLVED"
        lines.append(f"{a.status} {a.client_code}:{a.group_id} ({a.change}): {state}{todo}")
    return "\n".join(lines)


def _outcome_text(outcome) -> str:
    if outcome.status == "refused":
        return f"refused: {outcome.message}"
    if outcome.status == "waiting":
        return (
            f"{outcome.client_code} is number {outcome.position} on the waiting list of "
            f"{outcome.group_id}"
        )
    if outcome.status == "moved":
        text = f"{outcome.client_code}: moved from {outcome.other} to {outcome.group_id}"
    else:
        text = f"{outcome.client_code}: {outcome.status} ({outcome.group_id})"
    if getattr(outcome, "flag", ""):
        text += f"; flagged: {outcome.flag}"
    if outcome.promoted:
        text += f"; seat given to {', '.join(outcome.promoted)} from the waiting list"
    for warning in getattr(outcome, "warnings", ()):
        text += f"; {WARNING_WORDS[warning]}"
    return text


WARNING_WORDS = {
    "past_decision": f"note: the group runs past the client's decision (l. {rules.DECISION_LINE})",
    "past_maximum": f"note: the group runs past the {rules.MAX_SERVICE_MONTHS}-month maximum "
    f"(l. {rules.MAX_SERVICE_LINE})",
}
"""The enrolment's timeline warnings on the command line (`planner timeline CLIENT` has the
dates)."""


def cmd_enrol(args: argparse.Namespace, emit: Emit) -> int:
    store, enrolments = _enrolments(args)
    try:
        outcome = enrolments.enrol(
            args.group,
            args.client,
            actor=args.actor,
            counsellor=args.counsellor,
            allow_flagged=args.allow_flagged,
        )
    finally:
        store.dispose()
    emit(args, asdict(outcome), _outcome_text(outcome))
    return 0 if outcome.ok else 1


def cmd_cancel(args: argparse.Namespace, emit: Emit) -> int:
    store, enrolments = _enrolments(args)
    try:
        outcome = enrolments.cancel(
            args.group,
            args.client,
            actor=args.actor,
            reason=args.reason,
            follow_up=args.follow_up,
            note=args.note,
        )
    finally:
        store.dispose()
    emit(args, asdict(outcome), _outcome_text(outcome))
    return 0 if outcome.ok else 1


def cmd_move(args: argparse.Namespace, emit: Emit) -> int:
    store, enrolments = _enrolments(args)
    try:
        outcome = enrolments.move(
            args.client,
            args.from_group,
            args.to_group,
            actor=args.actor,
            note=args.note,
            allow_flagged=args.allow_flagged,
        )
    finally:
        store.dispose()
    emit(args, asdict(outcome), _outcome_text(outcome))
    return 0 if outcome.ok else 1


def cmd_seats(args: argparse.Namespace, emit: Emit) -> int:
    store, enrolments = _enrolments(args)
    try:
        offerings = enrolments.offerings()
    finally:
        store.dispose()
    if not offerings:
        raise OfferingError("nothing published yet: run `planner publish`")
    rows = [
        {
            **asdict(o),
            "free": o.max_size - o.taken,
            "at_risk": o.at_risk,
            "needs_second_leader": o.needs_second_leader,
        }
        for o in offerings
    ]
    lines = [
        f"{o.group_id:8} {o.taken:2}/{o.max_size:<2} waiting {o.waiting:<2} {o.status}"
        + ("  at risk (under 3)" if o.at_risk else "")
        + ("  needs a second leader" if o.needs_second_leader else "")
        for o in offerings
    ]
    emit(args, rows, "\n".join(lines))
    return 0


def cmd_history(args: argparse.Namespace, emit: Emit) -> int:
    store, enrolments = _enrolments(args)
    try:
        history = enrolments.client_history(args.client)
    finally:
        store.dispose()
    lines = [
        ", ".join(f"{k}: {v}" for k, v in row.items() if v not in (None, "", ())) for row in history
    ] or [f"no groups for {args.client}"]
    emit(args, history, "\n".join(lines))
    return 0


def figures_period(args: argparse.Namespace):
    """The reporting period asked for: --from/--to (both days included), --month YYYY-MM,
    --quarter YYYYQn or --year YYYY; None (the season's term) when none is given."""
    import datetime as dt

    from planner.periods import Period, PeriodError

    def day(value: str, option: str) -> dt.date:
        try:
            return dt.date.fromisoformat(value)
        except ValueError as exc:
            raise UserError(f"{option} {value!r} is not a date like 2027-02-03") from exc

    start, end = getattr(args, "from_date", None), getattr(args, "to_date", None)
    if (start or end) and (args.month or args.quarter or args.year):
        raise UserError("give either --from/--to or one of --month, --quarter, --year")
    try:
        if args.month:
            return Period.month(args.month)
        if args.quarter:
            return Period.quarter(args.quarter)
        if args.year:
            return Period.year(args.year)
        if start is None and end is None:
            return None
        if start is None or end is None:
            raise UserError("give both --from and --to (or --month, --quarter or --year)")
        return Period(day(start, "--from"), day(end, "--to"))
    except PeriodError as exc:
        raise UserError(str(exc)) from None


def cmd_figures(args: argparse.Namespace, emit: Emit) -> int:
    from planner.store.figures import season_term, team_figures, write_figures_xlsx

    out = writable_file(args.out)
    period = figures_period(args)
    store, _ = _enrolments(args)
    try:
        period = period or season_term(store)
        figures = team_figures(store, period=period)
    finally:
        store.dispose()
    try:
        path = write_figures_xlsx(figures, out)
    except OSError as exc:
        raise write_failed(out, exc) from None
    emit(
        args,
        {
            **{
                name: frame.to_dict(orient="records")
                for name, frame in figures.items()
                if name != "period"
            },
            "period": {"from": period.start.isoformat(), "to": period.end.isoformat()},
        },
        f"Wrote {path} ({', '.join(figures)}) for {period.label()}",
    )
    return 0


def cmd_find(args: argparse.Namespace, emit: Emit) -> int:
    from planner.finder import (
        ProfileError,
        client_profile,
        find_groups,
        matches_text,
        parse_profile_args,
    )

    if not args.client and not args.municipality:
        raise UserError("describe the client: --client CODE, or --municipality and the rest")
    today = today_arg(args.today)
    season, plan, store = season_and_plan(args)
    try:
        try:
            profile = (
                client_profile(season, args.client)
                if args.client
                else parse_profile_args(
                    args.municipality,
                    args.language,
                    args.interests,
                    args.days,
                    args.travel,
                    args.max_travel_min,
                    args.needs_accessible,
                    season,
                    audience=args.audience,
                    prefers_small=args.small,
                    remote=args.remote,
                    postal_code=args.postal_code,
                )
            )
        except ProfileError as exc:
            raise UserError(str(exc)) from exc
        seats = _offering_seats(store) if store else {}
        if seats:  # the live offering meets as its published plan says, not the newest saved
            plan = _published_plan(store) or plan
        taken = {g: s[0] for g, s in seats.items()} or None
        waiting = {g: s[2] for g, s in seats.items()} or None
        timeline = _timeline_of(store, args.client) if store and args.client else None
        matches = find_groups(
            season,
            plan,
            profile,
            taken=taken,
            waiting=waiting,
            lang=args.lang,
            include_failed=args.include_failed,
            limit=args.limit,
            today=today,
            timeline=timeline,
        )
    finally:
        if store:
            store.dispose()
    emit(args, [m.as_dict() for m in matches], matches_text(matches, args.lang))
    return 0


def _timeline_of(store, client_code: str):
    """The client's service timeline, None when no start is recorded."""
    from planner.store import Timelines

    return Timelines(store).get(client_code)


def _published_plan(store):
    """The plan the live offering was published from, None before publishing."""
    from planner.store import Enrolments

    live = [o.plan_id for o in Enrolments(store).offerings() if o.status == "open"]
    return store.load_plan(plan_id=max(live)) if live else None


def _offering_seats(store) -> dict[str, tuple[int, int, int]]:
    """Seats per group (taken, max, waiting) from the published offering, if any."""
    try:
        from planner.store.enrolment import Enrolments
    except ImportError:
        return {}
    return Enrolments(store).seats()


def add_offering_commands(add: Add) -> None:
    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--db", help="database URL (default: PLANNER_DB_URL or ./planner.sqlite3)")
        p.add_argument("--actor", default=os.environ.get("USER", "cli"), help="who acts (audit)")
        p.add_argument("--json", action="store_true", help="print the result as JSON")

    p = add("publish", cmd_publish, "Make the stored plan the live offering workers enrol into.")
    p.add_argument(
        "--plan", "--plan-id", dest="plan_id", type=int, help="plan to publish (default: current)"
    )
    p.add_argument(
        "--dry-run",
        action="store_true",
        help="print what would change (groups, clients affected) and change nothing; "
        "exit 1 while a stranded client has no --resolve",
    )
    p.add_argument(
        "--resolve",
        action="append",
        metavar="CLIENT:GROUP=ACTION",
        help="what to do with an enrolled client who could not attend their group's new "
        "session: move:NEWGROUP, keep (flagged) or end[:REASON]; repeat per client",
    )
    common(p)
    p = add("enrol", cmd_enrol, "Enrol a client in a group (or put them on its waiting list).")
    p.add_argument("group")
    p.add_argument("client", help="the client's pseudonymous code")
    p.add_argument("--counsellor", help="the client's social counsellor (staff id)")
    p.add_argument(
        "--allow-flagged",
        action="store_true",
        help="enrol a 5th participant while the group has one leader, flagged",
    )
    common(p)
    p = add("cancel", cmd_cancel, "End a client's place in a group; the waiting list moves up.")
    p.add_argument("group")
    p.add_argument("client")
    p.add_argument(
        "--reason",
        default="other",
        help=f"why the place ends (handbook l. {rules.ENDING_REASON_LINE}): "
        + ", ".join(ENDING_REASONS),
    )
    p.add_argument(
        "--follow-up",
        default="",
        help=f"where the client goes next (l. {rules.FOLLOW_UP_LINE}; default: from the reason "
        "where it says): " + ", ".join(FOLLOW_UP_PATHS),
    )
    p.add_argument("--note", default="", help="a short note (no personal details)")
    common(p)
    p = add(
        "move",
        cmd_move,
        "Move a client to another group in one step: the new seat is taken before the old "
        "place ends (the old group's waiting list moves up).",
    )
    p.add_argument("client", help="the client's pseudonymous code")
    p.add_argument("from_group", metavar="FROM_GROUP")
    p.add_argument("to_group", metavar="TO_GROUP")
    p.add_argument("--note", default="", help="a short note (no personal details)")
    p.add_argument(
        "--allow-flagged",
        action="store_true",
        help="move in as the 5th participant while the group has one leader, flagged",
    )
    common(p)
    p = add("seats", cmd_seats, "Seats taken, free and waiting per published group.")
    common(p)
    p = add("history", cmd_history, "A client's groups: enrolments, endings, attendance.")
    p.add_argument("client")
    common(p)
    p = add(
        "figures",
        cmd_figures,
        "Write the team figures (l. 537-543) of a reporting period as an Excel workbook: "
        "each client once, in group work, individual work or waiting; ending reasons and "
        "follow-up paths. Default period: the season's term.",
    )
    p.add_argument("--out", required=True, help="the .xlsx file to write")
    p.add_argument("--from", dest="from_date", metavar="DATE", help="first day, 2027-01-01")
    p.add_argument("--to", dest="to_date", metavar="DATE", help="last day (included)")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--month", metavar="YYYY-MM", help="a calendar month, 2027-02")
    which.add_argument("--quarter", metavar="YYYYQn", help="a quarter, 2027Q1")
    which.add_argument("--year", metavar="YYYY", help="a calendar year, 2027")
    common(p)


def add_find_command(add: Add) -> None:
    p = add("find", cmd_find, "Find suitable groups for a client, best first.")
    p.add_argument("data", nargs="?", help="season folder/workbook (default: the store's)")
    p.add_argument("--plan", help="plan folder (plan_groups.csv ...) to search with DATA")
    p.add_argument("--db", help="database URL (default: PLANNER_DB_URL or ./planner.sqlite3)")
    p.add_argument("--client", help="the client's pseudonymous code")
    p.add_argument("--municipality", help="code or name, e.g. 078 or Hanko")
    p.add_argument(
        "--postal-code",
        default="",
        help="5 digits, e.g. 10900: trips start from its area's centre (else the municipality's)",
    )
    p.add_argument("--language", default="fi", help="languages the client manages, e.g. fi;sv")
    p.add_argument("--interests", default="", help="e.g. nature;music")
    p.add_argument("--audience", default="", help="e.g. young_adults;women")
    p.add_argument("--days", default="", help="e.g. Mon;Wed or ma-ke (default: every weekday)")
    p.add_argument("--travel", default="transit", help="car, transit or ride")
    p.add_argument("--max-travel-min", type=int, default=60, help="one-way limit in minutes")
    p.add_argument("--needs-accessible", action="store_true", help="needs an accessible venue")
    p.add_argument("--small", action="store_true", help="prefers small groups")
    p.add_argument(
        "--remote",
        action="store_true",
        help="has agreed to take part remotely (remote groups, hybrid groups out of reach)",
    )
    p.add_argument("--limit", type=int, default=10, help="how many results (default 10)")
    p.add_argument(
        "--include-failed",
        action="store_true",
        help="also list groups that fail a filter, with the filter",
    )
    p.add_argument("--today", help="date to rank by (default: today)")
    p.add_argument("--lang", choices=("fi", "sv", "en"), default="en", help="language of reasons")
    p.add_argument("--json", action="store_true", help="print the results as JSON")
