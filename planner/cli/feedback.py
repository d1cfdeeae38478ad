"""`planner feedback`: anonymous feedback from groups (handbook l. 527, 529).

    planner feedback open GROUP [--session DATE] [--days 14]      # prints the link once
    planner feedback close ROUND
    planner feedback rounds [GROUP] [--json]
    planner feedback form GROUP --lang fi|sv --out FILE.pdf [--open]
    planner feedback results [--season NAME] [--json] [--lang fi|sv|en]

A round's link is shown only when it is opened (only its token's hash is kept), so `form
--open` opens a round and prints its link and QR code on the paper form; without `--open`
the form has no link. Results are per group and for the season, each withheld below
`rules.FEEDBACK_MIN_ANSWERS` answers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os

from planner.cli.common import Add, Emit, UserError, writable_file, write_failed


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2027-05-26") from exc


def _season_id(store, wanted: str | None) -> int | None:
    from planner.store.feedback import season_id_named

    if wanted is None:
        if store.live_season_id() is None:
            raise UserError("no live season: import a season first")
        return None
    if wanted.isdigit() and store.season_info(int(wanted)) is not None:
        return int(wanted)
    found = season_id_named(store, wanted)
    if found is None:
        raise UserError(f"no season named {wanted!r} (see `planner season list`)")
    return found


def _group_name(store, season_id: int | None, group_id: str, lang: str) -> str:
    from planner.store.feedback import group_names

    names = group_names(store, season_id)
    if group_id not in names:
        raise UserError(f"no group {group_id!r} in the season")
    fi, sv = names[group_id]
    return sv if lang == "sv" else fi


def _open(store, args: argparse.Namespace):
    from planner.feedback.rounds import open_round

    return open_round(
        store,
        args.group,
        actor=args.actor,
        session_date=args.session,
        days=args.days,
        season_id=_season_id(store, args.season),
    )


def cmd_open(args: argparse.Namespace, emit: Emit) -> int:
    from planner.store import Store

    with Store.open(args.db) as store:
        new = _open(store, args)
    url = new.url(lang=args.lang)
    emit(
        args,
        {**new.round.as_dict(), "url": url},
        f"Feedback round {new.round.id} for {new.round.group_id} (session "
        f"{new.round.session_date.isoformat()}) is open until {new.round.closes_on.isoformat()}, "
        f"for at most {new.round.max_answers} answers.\n{url}\n"
        "The link is shown only now: share or print it (planner feedback form ... --open).",
    )
    return 0


def cmd_close(args: argparse.Namespace, emit: Emit) -> int:
    from planner.store import Store
    from planner.store.feedback import Feedback

    with Store.open(args.db) as store:
        closed = Feedback(store, _season_id(store, args.season)).close_round(args.id, args.actor)
    emit(
        args, closed.as_dict(), f"Feedback round {closed.id} is closed ({closed.answers} answers)."
    )
    return 0


def cmd_rounds(args: argparse.Namespace, emit: Emit) -> int:
    from planner import terms
    from planner.store import Store
    from planner.store.feedback import Feedback

    today = terms.local_today()
    with Store.open(args.db) as store:
        rounds = Feedback(store, _season_id(store, args.season)).rounds(args.group)
    lines = [
        f"{r.id:>4}  {r.group_id:<10} {r.session_date.isoformat()}  until "
        f"{r.closes_on.isoformat()}  {r.answers}/{r.max_answers}  {r.state(today)}"
        for r in rounds
    ]
    emit(args, [r.as_dict(today) for r in rounds], "\n".join(lines) or "No feedback rounds.")
    return 0


def cmd_form(args: argparse.Namespace, emit: Emit) -> int:
    from planner.feedback.paper import feedback_form_pdf
    from planner.store import Store

    out = writable_file(args.out, args.lang)
    with Store.open(args.db) as store:
        season_id = _season_id(store, args.season)
        name = _group_name(store, season_id, args.group, args.lang)
        new = _open(store, args) if args.open else None
    url = new.url(lang=args.lang) if new is not None else None
    try:
        out.write_bytes(feedback_form_pdf(name, args.lang, url))
    except OSError as exc:
        raise write_failed(out, exc, args.lang) from None
    said = f"Wrote the feedback form of {args.group} ({args.lang}) to {out}"
    if url is not None:
        said += f", with the link of round {new.round.id}:\n{url}"
    emit(args, {"file": str(out), "group_id": args.group, "url": url}, said)
    return 0


def cmd_results(args: argparse.Namespace, emit: Emit) -> int:
    from planner import rules
    from planner.feedback.results import season_results
    from planner.i18n import t
    from planner.store import Store

    with Store.open(args.db) as store:
        results = season_results(store, _season_id(store, args.season))
    headers, rows = results.table(args.lang)
    widths = [max(len(str(row[i])) for row in (headers, *rows)) for i in range(len(headers))]
    lines = [
        "  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True))
        for row in (headers, *rows)
    ]
    lines.append(
        t(
            "feedback.results.rule",
            args.lang,
            n=rules.FEEDBACK_MIN_ANSWERS,
            source=rules.handbook_source(rules.FEEDBACK_LINES, args.lang),
        )
    )
    emit(args, results.as_dict(), "\n".join(lines))
    return 0


def add_feedback_commands(add: Add) -> None:
    from planner import rules

    p = add(
        "feedback",
        lambda a, emit: a.feedback_func(a, emit),
        "Anonymous feedback from groups (l. 527, 529): open and close rounds, print the "
        "paper form, see the results.",
    )
    sub = p.add_subparsers(dest="action", required=True, parser_class=type(p))

    def common(q: argparse.ArgumentParser, actor: bool = False, season: bool = True) -> None:
        if actor:
            q.add_argument(
                "--actor", default=os.environ.get("USER", "cli"), help="who acts (audit)"
            )
        if season:
            q.add_argument("--season", help="season name or id (default: the live season)")
        q.add_argument("--db", help="database URL (default: PLANNER_DB_URL or ./planner.sqlite3)")
        q.add_argument("--json", action="store_true", help="print the result as JSON")

    def opening(q: argparse.ArgumentParser) -> None:
        q.add_argument(
            "--session", type=_date, help="the session's date (default: the group's last)"
        )
        q.add_argument(
            "--days",
            type=int,
            default=rules.FEEDBACK_ROUND_DAYS,
            help=f"open this many days after the session (default {rules.FEEDBACK_ROUND_DAYS})",
        )

    q = sub.add_parser("open", help="open a feedback round for a group and print its link")
    q.add_argument("group", help="group id")
    opening(q)
    q.add_argument("--lang", choices=("fi", "sv", "en"), help="the link's language")
    common(q, actor=True)
    q.set_defaults(feedback_func=cmd_open)

    q = sub.add_parser("close", help="close a feedback round (see rounds)")
    q.add_argument("id", type=int, help="the round's id")
    common(q, actor=True)
    q.set_defaults(feedback_func=cmd_close)

    q = sub.add_parser("rounds", help="the season's feedback rounds (of one group)")
    q.add_argument("group", nargs="?", help="only this group's rounds")
    common(q)
    q.set_defaults(feedback_func=cmd_rounds)

    q = sub.add_parser("form", help="write the printable A4 feedback form of a group (PDF)")
    q.add_argument("group", help="group id")
    q.add_argument("--lang", choices=("fi", "sv", "en"), required=True, help="the form's language")
    q.add_argument("--out", required=True, metavar="FILE.pdf", help="the PDF file to write")
    q.add_argument(
        "--open", action="store_true", help="open a round and print its link and QR code on it"
    )
    opening(q)
    common(q, actor=True)
    q.set_defaults(feedback_func=cmd_form)

    q = sub.add_parser("results", help="the results per group and for the season")
    q.add_argument("--lang", choices=("fi", "sv", "en"), default="en", help="language")
    common(q)
    q.set_defaults(feedback_func=cmd_results)
