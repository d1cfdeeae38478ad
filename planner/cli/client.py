"""`planner client`: add, edit and show a season's clients in the store (default: the live
season). Registered by `planner.cli.main.build_parser`.

    planner client add --client-code C-00042 --municipality 049 --languages fi \\
        --days "Mon;Wed" --travel transit --max-travel-min 45 --counsellor S-001
    planner client edit --client-code C-00042 --days Tue [--end-places REASON | --keep-places]
    planner client show C-00042 [--json]

The flags are the clients table's columns and their cells are read as the import reads them
(`planner.io.client_entry`); a problem is one line naming the flag and the column, exit 2.
On edit only the flags given change. An edit that would leave the client in a group they
could no longer attend is refused (exit 1, one line per group) unless `--end-places REASON`
ends those places or `--keep-places` keeps them, flagged for the coordinator.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from planner.cli.common import Add, Emit, UserError
from planner.io.client_entry import COLUMNS

FLAGS = {column: "--" + column.replace("_", "-") for column in COLUMNS}
"""The flag of each column of the clients table: client_code -> --client-code."""
HELP = {
    "client_code": "the client's pseudonymous code, e.g. C-00042 (never a name or identity code)",
    "municipality": "where the client lives: a code (049) or a name (Espoo, Esbo)",
    "postal_code": "five digits, e.g. 02100 (the client travels from its centre)",
    "languages": "languages the client manages, e.g. fi;sv",
    "interests": "e.g. nature;music",
    "audience": "tags such as young_adults;women",
    "days": "weekdays the client can come: Mon;Wed, Mon-Thu, ma-ke",
    "travel": "car, transit or ride",
    "max_travel_min": "one-way travel limit in minutes (1-240)",
    "needs_accessible": "yes or no: needs an accessible venue (add: default no)",
    "counsellor": "the client's own social counsellor, a staff_id",
    "wishes": "ranked group ids, e.g. G-002;G-005",
    "max_groups": "how many groups at once (default 1)",
    "remote": "yes or no: has agreed to take part remotely (add: default no)",
}
ADD_DEFAULTS = {"needs_accessible": "no"}


def _open(args: argparse.Namespace) -> tuple[Any, Any, Any]:
    """The store, the season and its `Clients` (the live season unless --season)."""
    from planner.store import Clients, Store

    store = Store.open(args.db)
    season_id = args.season if args.season is not None else store.live_season_id()
    season = store.load_season(season_id) if season_id is not None else None
    if season is None:
        store.dispose()
        if args.season is not None:
            raise UserError(f"no season with id {args.season} (see `planner season list`)")
        raise UserError("no season in the store: run `planner import DATA` first")
    return store, season, Clients(store, season_id)


def _cells(args: argparse.Namespace) -> dict[str, str]:
    return {column: value for column in COLUMNS if (value := getattr(args, column)) is not None}


def _problem_line(problem: Any) -> str:
    flag = FLAGS.get(problem.column or "", "")
    where = f"{flag} (column {problem.column})" if flag else "the season"
    return f"{problem.severity}: {where}: {problem.message}"


def _refuse(args: argparse.Namespace, problems: Any, warnings: Any = ()) -> int:
    """Every problem as one line on stderr (JSON on stdout with --json); exit 2."""
    for problem in (*problems, *warnings):
        print(f"planner client {args.action}: {_problem_line(problem)}", file=sys.stderr)
    if args.json:
        found = [p.as_dict() for p in (*problems, *warnings)]
        print(_json({"ok": False, "problems": found}))
    return 2


def _json(payload: Any) -> str:
    import json

    return json.dumps(payload, ensure_ascii=False, indent=2, default=str)


def cmd_client(args: argparse.Namespace, emit: Emit) -> int:
    from planner.store import ClientRefused, PlacesNoLongerFit

    try:
        if args.action == "show":
            return _show(args, emit)
        if args.action == "add":
            return _add(args, emit)
        return _edit(args, emit)
    except ClientRefused as exc:  # checked again in the store's transaction
        return _refuse(args, exc.problems)
    except PlacesNoLongerFit as exc:
        from planner.store.outcomes import ENDING_REASONS

        lines = [
            f"planner client edit: refused, nothing was changed: the client could no longer "
            f"attend {len(exc.cases)} group(s) they are in"
        ]
        lines += [f"{c.group_id}: {c.rule} ({c.why})" for c in exc.cases]
        lines.append(
            "end those places with --end-places REASON (one of "
            f"{', '.join(ENDING_REASONS)}) or keep them, flagged for the coordinator, "
            "with --keep-places"
        )
        print("\n".join(lines), file=sys.stderr)
        return 1


def _show(args: argparse.Namespace, emit: Emit) -> int:
    from planner.io.client_entry import client_cells

    store, season, _ = _open(args)
    store.dispose()
    client = season.client.get(args.code.strip())
    if client is None:
        # The typed code is not repeated: it may be a name typed by mistake.
        raise UserError("no client with that code in the season")
    cells = client_cells(client)
    emit(args, cells, "\n".join(f"{column}: {cells[column]}" for column in COLUMNS))
    return 0


def _add(args: argparse.Namespace, emit: Emit) -> int:
    from dataclasses import asdict

    from planner.io.client_entry import check_client

    store, season, clients = _open(args)
    try:
        check = check_client(season, {**ADD_DEFAULTS, **_cells(args)})
        if not check.ok or check.client is None:
            return _refuse(args, check.problems, check.warnings)
        for warning in check.warnings:
            print(f"planner client add: {_problem_line(warning)}", file=sys.stderr)
        added = clients.add(check.client, actor=args.actor)
    finally:
        store.dispose()
    emit(args, asdict(added), f"added client {added.client_code}")
    return 0


def _edit(args: argparse.Namespace, emit: Emit) -> int:
    from dataclasses import asdict

    from planner.io.client_entry import check_client
    from planner.store import Resolution

    if not args.client_code:
        raise UserError("name the client to edit: --client-code CODE")
    try:
        resolution = (
            Resolution("end", reason=args.end_places)
            if args.end_places
            else Resolution("keep")
            if args.keep_places
            else None
        )
    except ValueError as exc:
        raise UserError(f"--end-places: {exc}") from exc
    store, season, clients = _open(args)
    try:
        code = args.client_code.strip()
        check = check_client(season, _cells(args), editing=code)
        if not check.ok or check.client is None:
            return _refuse(args, check.problems, check.warnings)
        for warning in check.warnings:
            print(f"planner client edit: {_problem_line(warning)}", file=sys.stderr)
        done = clients.edit(check.client, actor=args.actor, resolutions=resolution)
    finally:
        store.dispose()
    lines = [f"edited client {done.client_code}: " + (", ".join(done.changed) or "nothing changed")]
    lines += [f"place in {g} ended ({reason})" for g, reason in done.ended]
    lines += [f"place in {g} kept, flagged for the coordinator: {rule}" for g, rule in done.kept]
    lines += [f"taken off the waiting list of {g} ({rule})" for g, rule in done.withdrawn]
    lines += [f"{c} got the seat in {g} from the waiting list" for c, g in done.promoted]
    lines += [f"now takes part in {g}: {mode}" for g, mode in done.modes]
    emit(args, asdict(done), "\n".join(lines))
    return 0


def add_client_commands(add: Add) -> None:
    p = add(
        "client",
        cmd_client,
        "Add, edit or show a client of the season (a pseudonymous code, never a name); the "
        "same checks and messages as the import.",
    )
    sub = p.add_subparsers(dest="action", required=True, parser_class=type(p))

    def common(q: argparse.ArgumentParser) -> None:
        q.add_argument("--season", type=int, help="season id (default: the live season)")
        q.add_argument("--actor", default=os.environ.get("USER", "cli"), help="who acts (audit)")
        q.add_argument("--db", help="database URL (default: PLANNER_DB_URL or ./planner.sqlite3)")
        q.add_argument("--json", action="store_true", help="print the result as JSON")

    def columns(q: argparse.ArgumentParser) -> None:
        for column in COLUMNS:
            q.add_argument(FLAGS[column], dest=column, metavar="TEXT", help=HELP[column])

    q = sub.add_parser("add", help="add a new client (every required column of clients)")
    columns(q)
    common(q)
    q = sub.add_parser("edit", help="change a client's details: only the flags given change")
    columns(q)
    what = q.add_mutually_exclusive_group()
    what.add_argument(
        "--end-places",
        metavar="REASON",
        help="end the places the client could no longer attend, with the handbook's ending "
        "reason, e.g. other, moved_to_work, dropped_out",
    )
    what.add_argument(
        "--keep-places",
        action="store_true",
        help="keep the places the client could no longer attend, flagged for the coordinator",
    )
    common(q)
    q = sub.add_parser("show", help="a client's details, as the clients table has them")
    q.add_argument("code", help="the client's pseudonymous code")
    common(q)
