"""`planner` commands for calendars: `ics` exports, subscription `feed`s and `serve`.
Registered by `planner.cli.main.build_parser`. Closures and session changes are the store's
dated changes (`planner change`), which every export and feed reads."""

from __future__ import annotations

import argparse

from planner.cli.common import Add, Emit, writable_file, write_failed


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(x.strip() for x in (value or "").replace(",", ";").split(";") if x.strip())


def _options(args: argparse.Namespace):
    """How to write the calendar; the season's dated changes come from the store
    (`planner change`)."""
    from planner.calendar import CalendarOptions

    return CalendarOptions(lang=args.lang)


def _selection(args: argparse.Namespace):
    from planner.calendar import OfferingFilter, Selection

    filters = OfferingFilter(
        municipalities=_split(args.municipality),
        languages=_split(args.language),
        themes=_split(args.theme),
        audiences=_split(args.audience),
        kinds=_split(args.kind),
    )
    target = args.group or args.leader or args.venue
    kind = (
        "group"
        if args.group
        else "leader"
        if args.leader
        else "venue"
        if args.venue
        else "client"
        if args.groups
        else "offering"
    )
    return Selection(
        kind=kind,
        target=target,
        group_ids=_split(args.groups),
        filters=None if filters.is_empty() else filters,
    )


def cmd_ics(args: argparse.Namespace, emit: Emit) -> int:
    from planner.calendar import CalendarError, calendar_from_store
    from planner.store import Store

    lang = getattr(args, "lang", None)
    out = writable_file(args.out, lang)
    selection, options = _selection(args), _options(args)
    with Store.open(args.db) as store:
        calendar = calendar_from_store(store, selection, options)
    if b"BEGIN:VEVENT" not in calendar.body:
        raise CalendarError(
            f"the {selection.kind} calendar asked for has no session in the live offering "
            "(check the ids and filters); nothing written"
        )
    try:
        out.write_bytes(calendar.body)
    except OSError as exc:
        raise write_failed(out, exc, lang) from None
    emit(
        args,
        {
            "out": str(out),
            "kind": selection.kind,
            "plan_id": calendar.plan_id,
            "bytes": len(calendar.body),
        },
        f"Wrote {out} ({selection.kind}, plan {calendar.plan_id})",
    )
    return 0


def cmd_feed(args: argparse.Namespace, emit: Emit) -> int:
    from planner.calendar import CalendarError, create_feed, list_feeds, revoke_feed
    from planner.store import Store

    with Store.open(args.db) as store:
        if args.action == "create":
            selection = _selection(args)
            new = create_feed(
                store,
                selection.kind,
                selection.target,
                lang=args.lang,
                filters=selection.filters,
                note=args.note,
                actor=args.actor,
            )
            emit(
                args,
                {"id": new.feed.id, "url": new.url(), "webcal": new.webcal()},
                f"Feed created. Subscribe (shown only now):\n  {new.url()}\n  {new.webcal()}",
            )
        elif args.action == "list":
            feeds = list_feeds(store)
            emit(
                args,
                [f.as_dict() for f in feeds],
                "\n".join(str(f.as_dict()) for f in feeds) or "no feeds",
            )
        else:
            if args.id is None:
                raise CalendarError("revoke needs --id (see `planner feed list`)")
            feed = revoke_feed(store, args.id, actor=args.actor)
            emit(args, feed.as_dict(), f"Feed {args.id} revoked; its address now answers 404.")
    return 0


def cmd_serve(args: argparse.Namespace, emit: Emit) -> int:
    from planner.calendar.serve import run
    from planner.store import Store

    store = Store.open(args.db)
    try:
        run(store, host=args.host, port=args.port)
    finally:
        store.dispose()
    return 0


def add_calendar_commands(add: Add) -> None:
    def which(p: argparse.ArgumentParser, client: bool = True) -> None:
        p.add_argument("--group", help="one group's calendar")
        p.add_argument("--leader", help="a staff member's or partner's groups")
        p.add_argument("--venue", help="a venue's groups")
        if client:  # a file for the client to take home; a feed is never tied to a client
            p.add_argument(
                "--groups", help="a client's own groups (;-separated ids); no client data"
            )
        else:
            p.set_defaults(groups=None)
        p.add_argument("--municipality", help="offering filter: codes or names (;-separated)")
        p.add_argument("--language", help="offering filter: fi;sv")
        p.add_argument("--theme", help="offering filter: themes")
        p.add_argument("--audience", help="offering filter: audiences")
        p.add_argument("--kind", help="offering filter: process;targeted;theme;peer;popup")
        p.add_argument(
            "--lang", choices=("fi", "sv", "en"), default="fi", help="language of the calendar"
        )
        p.add_argument("--db", help="database URL (default: PLANNER_DB_URL or ./planner.sqlite3)")
        p.add_argument("--json", action="store_true", help="print the result as JSON")

    p = add("ics", cmd_ics, "Write an iCalendar file (whole offering by default) for Outlook.")
    which(p)
    p.add_argument("--out", required=True, help="the .ics file to write")

    p = add("feed", cmd_feed, "Create, list or revoke calendar subscription feeds.")
    p.add_argument("action", choices=("create", "list", "revoke"))
    which(p, client=False)
    p.add_argument("--id", type=int, help="feed id (for revoke)")
    p.add_argument("--note", default="", help="what the feed is for")
    p.add_argument("--actor", default="cli", help="who acts (audit)")

    p = add(
        "serve",
        cmd_serve,
        "Serve the subscription feeds at /ics/<token>.ics and the feedback forms at "
        "/feedback/<token>.",
    )
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8502)
    p.add_argument("--db", help="database URL (default: PLANNER_DB_URL or ./planner.sqlite3)")
