"""`planner meetings`: the joint meetings of a client, their counsellor and the group's leader
(l. 379), in the live season. Registered by `planner.cli.main.build_parser`.

    planner meetings G-001 K-0042 [--json]          # the times offered (short for `suggest`)
    planner meetings book G-001 K-0042 --kind before --date 2027-01-05 --start 09:00 \\
        [--out invite.ics] [--send] [--lang fi|sv|en]
    planner meetings list [--client K-0042] [--group G-001] [--person S-01] [--json]
    planner meetings held 7
    planner meetings cancel 7 [--out cancel.ics] [--send]

The invitation (`planner.calendar.invitation`) carries no client code. `--send` mails it with
the `[notify]` SMTP settings and addresses of the secrets file; `--out` writes the .ics.
A refusal is one line (`planner meetings: ...`), exit code 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import smtplib
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from planner.cli.common import Add, Emit, UserError, writable_file
from planner.cli.notify import SECRETS, load_mail_settings

ACTIONS = ("suggest", "book", "list", "held", "cancel")
DEFAULT_ACTION = "suggest"


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise UserError(f"--date {value!r} is not a date like 2027-01-05") from exc


def _time(value: str) -> int:
    from planner.io.fields import FieldError, parse_time

    try:
        return parse_time(value)
    except FieldError:
        raise UserError(f"--start {value!r} is not a time like 09:00") from None


def _writable(args: argparse.Namespace) -> Path | None:
    """The --out file, checked before anything is stored (`common.writable_file`)."""
    return writable_file(args.out, getattr(args, "lang", None)) if args.out else None


def _rows(slots) -> list[dict[str, Any]]:
    return [s.as_dict() for s in slots]


def cmd_meetings(args: argparse.Namespace, emit: Emit) -> int:
    from planner.store import MeetingRefused

    try:
        return _ACTIONS[args.action](args, emit)
    except MeetingRefused as exc:
        raise UserError(f"{args.action} refused ({exc.rule}): {exc}") from exc


def _open(args: argparse.Namespace):
    from planner.store import Meetings, Store

    store = Store.open(args.db)
    if store.live_season_id() is None:
        store.dispose()
        raise UserError("no season in the store: run `planner import DATA` first")
    return store, Meetings(store)


def _suggest(args: argparse.Namespace, emit: Emit) -> int:
    store, meetings = _open(args)
    try:
        slots = meetings.suggest(args.group, args.client)
    finally:
        store.dispose()
    rows = _rows(slots)
    lines = [
        f"{r['kind']:6} {r['date']} {r['start']}-{r['end']} counsellor {r['counsellor']}, "
        f"leader {r['leader']}"
        for r in rows
    ] or ["no common free time found (or no joint meeting needed: the counsellor leads)"]
    emit(args, rows, "\n".join(lines))
    return 0


def _invitation_out(args: argparse.Namespace, store, meeting, out: Path | None, settings) -> str:
    """Write and/or send the meeting's invitation; what was done, as one line."""
    from planner.calendar.invitation import invitation, invitation_mail
    from planner.mailer import send_mail

    season = store.load_season(meeting.season_id)
    addresses = dict(settings.addresses) if settings is not None else {}
    sender = settings.sender if settings is not None and args.send else None
    body = invitation(meeting, season, args.lang, addresses=addresses, organizer=sender)
    done = []
    if out is not None:
        try:
            out.write_bytes(body)
        except OSError as exc:
            raise UserError(
                f"meeting {meeting.id} is {meeting.status}, but {out} cannot be written: "
                f"{exc.strerror or exc}"
            ) from None
        done.append(f"invitation written to {out}")
    if args.send:
        mail = invitation_mail(
            body, meeting, season, args.lang, sender=settings.sender, addresses=addresses
        )
        if mail is None:
            raise UserError(
                f"meeting {meeting.id} is {meeting.status}, but nobody in it has an address in "
                f"[notify.addresses] of {args.secrets}: write it with --out and send it yourself"
            )
        try:
            send_mail(settings, mail)
        except (OSError, smtplib.SMTPException) as exc:
            raise UserError(
                f"meeting {meeting.id} is {meeting.status}, but the invitation could not be "
                f"sent through {settings.host}:{settings.port}: {exc}"
            ) from None
        done.append(f"invitation sent to {mail['To']}")
    return "; ".join(done)


def _settings(args: argparse.Namespace):
    """The mail settings: required with --send; otherwise read when the secrets file is
    there, for the attendees' addresses, and left out when it is not."""
    if args.send:
        return load_mail_settings(args.secrets)
    if Path(args.secrets).is_file():
        try:
            return load_mail_settings(args.secrets)
        except UserError:
            return None
    return None


def _book(args: argparse.Namespace, emit: Emit) -> int:
    day, start = _date(args.date), _time(args.start)
    out = _writable(args)
    settings = _settings(args)
    store, meetings = _open(args)
    try:
        meeting = meetings.book(args.group, args.client, args.kind, day, start, actor=args.actor)
        done = _invitation_out(args, store, meeting, out, settings)
    finally:
        store.dispose()
    emit(args, meeting.as_dict(), f"Booked {meeting.describe()}" + (f"; {done}" if done else ""))
    return 0


def _list(args: argparse.Namespace, emit: Emit) -> int:
    store, meetings = _open(args)
    try:
        found = meetings.list_meetings(
            client_code=args.client, group_id=args.group, person=args.person
        )
    finally:
        store.dispose()
    emit(args, [m.as_dict() for m in found], "\n".join(m.describe() for m in found) or "none")
    return 0


def _held(args: argparse.Namespace, emit: Emit) -> int:
    store, meetings = _open(args)
    try:
        meeting = meetings.mark_held(args.id, actor=args.actor)
    finally:
        store.dispose()
    emit(args, meeting.as_dict(), f"Held {meeting.describe()}")
    return 0


def _cancel(args: argparse.Namespace, emit: Emit) -> int:
    out = _writable(args)
    settings = _settings(args)
    store, meetings = _open(args)
    try:
        meeting = meetings.cancel(args.id, actor=args.actor)
        done = _invitation_out(args, store, meeting, out, settings)
    finally:
        store.dispose()
    emit(args, meeting.as_dict(), f"Cancelled {meeting.describe()}" + (f"; {done}" if done else ""))
    return 0


_ACTIONS: dict[str, Callable[[argparse.Namespace, Emit], int]] = {
    "suggest": _suggest,
    "book": _book,
    "list": _list,
    "held": _held,
    "cancel": _cancel,
}


def _with_default_action(parse: Callable[..., Any]) -> Callable[..., Any]:
    """`planner meetings GROUP CLIENT` is short for `planner meetings suggest GROUP CLIENT`:
    a first word that is no action (nor an option) gets `suggest` put before it."""

    def parse_known_args(args: Sequence[str] | None = None, namespace: Any = None) -> Any:
        words = list(sys.argv[1:] if args is None else args)
        if words and not words[0].startswith("-") and words[0] not in ACTIONS:
            words.insert(0, DEFAULT_ACTION)
        return parse(words, namespace)

    return parse_known_args


def add_meetings_command(add: Add) -> None:
    p = add(
        "meetings",
        cmd_meetings,
        "Joint meetings of a client, their counsellor and the group's leader before the "
        "client's first session and after the group's last (l. 379): suggest times, book, "
        "list, mark held, cancel.",
    )
    p.epilog = "`planner meetings GROUP CLIENT` is short for `planner meetings suggest ...`."
    sub = p.add_subparsers(dest="action", required=True, parser_class=type(p), metavar="ACTION")
    p.parse_known_args = _with_default_action(p.parse_known_args)  # type: ignore[method-assign]
    # After add_subparsers, which names the actions' own usage from the parser's.
    p.usage = (
        "planner meetings [suggest] GROUP CLIENT [--json]\n"
        "       planner meetings {book,list,held,cancel} ..."
    )

    def common(q: argparse.ArgumentParser, actor: bool = True) -> None:
        if actor:
            q.add_argument(
                "--actor", default=os.environ.get("USER", "cli"), help="who acts (audit)"
            )
        q.add_argument("--db", help="database URL (default: PLANNER_DB_URL or ./planner.sqlite3)")
        q.add_argument("--json", action="store_true", help="print the result as JSON")

    def invite(q: argparse.ArgumentParser) -> None:
        q.add_argument("--out", metavar="FILE.ics", help="write the invitation to this file")
        q.add_argument(
            "--send",
            action="store_true",
            help="e-mail the invitation to the counsellor and the leader (SMTP settings and "
            "addresses from the secrets file's [notify] section)",
        )
        q.add_argument("--secrets", default=str(SECRETS), help="secrets file with [notify]")
        q.add_argument(
            "--lang", choices=("fi", "sv", "en"), default="fi", help="the invitation's language"
        )

    q = sub.add_parser(
        "suggest",
        help="the times both can meet the client (the default action)",
        description="Times, 'before' ones first: in the two weeks before the client's first "
        "session and the two weeks after the group's last one.",
    )
    q.add_argument("group", help="group id")
    q.add_argument("client", help="the client's pseudonymous code")
    common(q, actor=False)

    q = sub.add_parser("book", help="book one of the suggested times")
    q.add_argument("group", help="group id")
    q.add_argument("client", help="the client's pseudonymous code")
    q.add_argument("--kind", required=True, choices=("before", "after"), help="which meeting")
    q.add_argument("--date", required=True, help="the day, 2027-01-05")
    q.add_argument("--start", required=True, help="the start, 09:00")
    invite(q)
    common(q)

    q = sub.add_parser("list", help="the season's meetings (of a client, group or person)")
    q.add_argument("--client", help="only this client's meetings")
    q.add_argument("--group", help="only this group's meetings")
    q.add_argument("--person", help="only meetings of this counsellor or leader (staff id)")
    common(q, actor=False)

    q = sub.add_parser("held", help="record that a booked meeting took place (see list)")
    q.add_argument("id", type=int, help="the meeting's id")
    common(q)

    q = sub.add_parser("cancel", help="cancel a booked meeting; the invitation is withdrawn")
    q.add_argument("id", type=int, help="the meeting's id")
    invite(q)
    common(q)
