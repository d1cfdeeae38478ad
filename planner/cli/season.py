"""`planner check`, `import`, `season` (list, publish, rename, archive), `generate` (the sample
season) and the demo's store (`prepare_demo_store`; the command is `planner.cli.demo`)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from planner.cli.common import (
    SAMPLE_SEASON_NAME,
    Add,
    UserError,
    emit,
    read_valid_season,
    report_payload,
    report_text,
    sample_data_dir,
)


def cmd_check(args: argparse.Namespace) -> int:
    report = read_valid_season(args)
    emit(args, report_payload(report), report_text(report))
    return 0 if report.ok else 1


def cmd_import(args: argparse.Namespace) -> int:
    from planner.store import Store

    report = read_valid_season(args)
    if not report.ok:
        emit(args, report_payload(report), report_text(report))
        return 1
    store = Store.open(args.db)
    try:
        season_id = store.import_season(
            report.season, source=str(args.data), actor=args.actor, name=args.name
        )
        info = store.season_info(season_id)
        live = store.live_season_id()
    finally:
        store.dispose()
    assert info is not None
    if info["live"]:
        said = f"Imported as season {season_id} ({info['name']}), the live season."
    else:
        said = (
            f"Imported as season {season_id} ({info['name']}), a draft; season {live} stays "
            f"live until you switch: `planner season publish {season_id}` (after planning it)."
        )
    payload = {
        **report_payload(report),
        "season_id": season_id,
        "name": info["name"],
        "state": info["state"],
    }
    emit(args, payload, report_text(report) + "\n" + said)
    return 0


def _season_rows(seasons: list[dict]) -> list[dict]:
    return [
        {
            "id": s["id"],
            "name": s["name"],
            "state": s["state"],
            "imported_at": s["imported_at"].isoformat(),
            "imported_by": s["imported_by"],
            "source": s["source"],
            "counts": s["counts"],
            "plans": s["plans"],
            "open_groups": s["open_groups"],
            "active_enrolments": s["active_enrolments"],
        }
        for s in seasons
    ]


def cmd_season_list(args: argparse.Namespace) -> int:
    from planner.store import Store

    with Store.open(args.db) as store:
        rows = _season_rows(store.list_seasons())
    lines = [
        f"{r['id']:>4}  {r['state']:<9}  {r['imported_at'][:16].replace('T', ' ')}  {r['name']}"
        f"  ({r['counts']['groups']} groups, {r['counts']['clients']} clients, "
        f"{r['plans']} plans, {r['open_groups']} open groups, "
        f"{r['active_enrolments']} enrolled)"
        for r in rows
    ]
    emit(args, rows, "\n".join(lines) or "no seasons: run `planner import DATA`")
    return 0


def _confirmed(question: str) -> bool:
    try:
        answer = input(f"{question} [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes", "k", "kyllä", "j", "ja")


def cmd_season_publish(args: argparse.Namespace) -> int:
    from planner.store import Store

    with Store.open(args.db) as store:
        preview = store.season_switch_preview(args.id)
        if not preview.ok:
            raise UserError(f"cannot switch the live season: {preview.problem_text()}")
        if not args.yes:
            if args.json or not sys.stdin.isatty():
                emit(args, {**preview.as_dict(), "switched": False}, "\n".join(preview.lines()))
                print(
                    f"planner season: not switched; confirm with `planner season publish "
                    f"{args.id} --yes`",
                    file=sys.stderr,
                )
                return 1
            print("\n".join(preview.lines()))
            if not _confirmed(f"Make season {args.id} the live season?"):
                print("Nothing changed.")
                return 1
        switch = store.publish_season(args.id, actor=args.actor)
    text = "\n".join(switch.lines()) if args.yes else ""
    emit(
        args,
        {**switch.as_dict(), "switched": True},
        (text + "\n" if text else "") + f"Season {args.id} ({switch.name}) is live.",
    )
    return 0


def cmd_season_rename(args: argparse.Namespace) -> int:
    from planner.store import Store

    with Store.open(args.db) as store:
        store.rename_season(args.id, args.name, actor=args.actor)
        info = store.season_info(args.id)
    assert info is not None
    text = f"Season {args.id} is now called {info['name']}."
    if info["live"]:
        text += (
            "\nnote: the live season's calendar events take new UIDs from the name; "
            "subscribed calendars replace them on their next refresh."
        )
    emit(args, {"id": args.id, "name": info["name"], "state": info["state"]}, text)
    return 0


def cmd_season_archive(args: argparse.Namespace) -> int:
    from planner.store import Store

    with Store.open(args.db) as store:
        store.archive_season(args.id, actor=args.actor)
        info = store.season_info(args.id)
    assert info is not None
    emit(
        args,
        {"id": args.id, "name": info["name"], "state": info["state"]},
        f"Season {args.id} ({info['name']}) is archived.",
    )
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    from planner.sample import write_season

    if args.scale < 1:
        raise UserError(f"--scale must be at least 1, got {args.scale}")
    write_season(Path(args.out), scale=args.scale, seed=args.seed)
    emit(args, {"out": args.out, "scale": args.scale}, f"Wrote the sample season to {args.out}")
    return 0


DEMO_FILE = "planner-demo.sqlite3"
"""The demo's store in the working folder, unless a database URL is given."""


def prepare_demo_store(db_url: str | None = None) -> str:
    """Load the sample season into a fresh store (its first season, so the live one);
    return the store's URL."""
    from dataclasses import replace

    from planner.io import read_season
    from planner.store import Store

    if db_url is None:
        db_file = Path.cwd() / DEMO_FILE
        db_file.unlink(missing_ok=True)
        db_url = f"sqlite:///{db_file}"
    report = read_season(sample_data_dir())
    if not report.ok:  # the bundled data is tested; this only guards a hand-edited copy
        raise UserError(f"the sample season does not validate: {report.errors[0]}")
    store = Store.open(db_url)
    try:
        season = replace(report.season, name=SAMPLE_SEASON_NAME)
        store.import_season(season, source="sample season (data/)", actor="demo")
    finally:
        store.dispose()
    return db_url


def add_season_commands(add: Add) -> None:
    p = add("check", cmd_check, "Check a season (CSV folder or .xlsx) against the contract.")
    p.add_argument("data", help="folder of CSV files or an .xlsx workbook")
    p.add_argument("--json", action="store_true", help="print the problems as JSON")

    p = add(
        "import",
        cmd_import,
        "Check a season and, if valid, store it as a new draft season (the live season stays "
        "live; a store's first season is live at once).",
    )
    p.add_argument("data", help="folder of CSV files or an .xlsx workbook")
    p.add_argument("--name", help="the season's name (default: the data's season name)")
    p.add_argument("--db", help="database URL (default: PLANNER_DB_URL or ./planner.sqlite3)")
    p.add_argument("--actor", default=os.environ.get("USER", "cli"), help="who imports (audit)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")

    p = add("season", _season_usage, "List the seasons, switch the live season, rename, archive.")
    seasons = p.add_subparsers(dest="season_command", required=True, parser_class=type(p))

    def season_command(name: str, func, help_: str) -> argparse.ArgumentParser:
        q = seasons.add_parser(name, help=help_, description=help_)
        q.set_defaults(func=func)
        q.add_argument("--db", help="database URL (default: PLANNER_DB_URL or ./planner.sqlite3)")
        q.add_argument("--json", action="store_true", help="print the result as JSON")
        return q

    q = season_command("list", cmd_season_list, "Every season: id, name, state and counts.")
    q = season_command(
        "publish",
        cmd_season_publish,
        "Make a season the live one: publish its saved plan and archive the live season "
        "(shows what changes first).",
    )
    q.add_argument("id", type=int, help="the season's id (see `planner season list`)")
    q.add_argument("--yes", action="store_true", help="switch without asking")
    q.add_argument("--actor", default=os.environ.get("USER", "cli"), help="who acts (audit)")
    q = season_command("rename", cmd_season_rename, "Give a season a new name.")
    q.add_argument("id", type=int, help="the season's id")
    q.add_argument("name", help="the new name")
    q.add_argument("--actor", default=os.environ.get("USER", "cli"), help="who acts (audit)")
    q = season_command(
        "archive", cmd_season_archive, "Set a draft season aside (not the live one)."
    )
    q.add_argument("id", type=int, help="the season's id")
    q.add_argument("--actor", default=os.environ.get("USER", "cli"), help="who acts (audit)")

    p = add("generate", cmd_generate, "Write the sample season (optionally scaled) as CSV files.")
    p.add_argument("--out", required=True, help="output folder")
    p.add_argument("--scale", type=int, default=1, help="multiply groups, clients, staff, venues")
    p.add_argument("--seed", type=int, default=20270111, help="random seed")
    p.add_argument("--json", action="store_true", help="print the result as JSON")


def _season_usage(args: argparse.Namespace) -> int:  # argparse requires a subcommand
    raise UserError("say what to do: list, publish, rename or archive")
