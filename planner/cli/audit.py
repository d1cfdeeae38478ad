"""The audit trail and the schema: `planner audit verify` (the hash chain holds, or its first
broken entry) and `planner migrate` (upgrade the schema as the owner role, and grant an
application role its rights). Registered by `planner.cli.main.build_parser`."""

from __future__ import annotations

import argparse
import os
import sys

from planner.cli.common import Add, Emit

MIGRATE_ENV = "PLANNER_MIGRATE_DB_URL"


def cmd_audit(args: argparse.Namespace, emit: Emit) -> int:
    from planner.store import Store

    store = Store.open(args.db)
    try:
        report = store.verify_audit(args.kept)
    finally:
        store.dispose()
    broken = report.broken
    payload = {
        "ok": report.ok,
        "entries": report.entries,
        "head": report.head,
        "broken": None if broken is None else {"id": broken.entry_id, "kind": broken.kind},
        "message": report.message(args.lang),
    }
    if report.ok:
        emit(args, payload, report.message(args.lang))
        return 0
    if args.json:
        emit(args, payload, "")
    else:
        print(f"planner audit verify: {report.message(args.lang)}", file=sys.stderr)
    return 1


def cmd_migrate(args: argparse.Namespace, emit: Emit) -> int:
    from planner.store import Store
    from planner.store.migrate import head_revision
    from planner.store.roles import grant_app_role

    store = Store.open(args.db or os.environ.get(MIGRATE_ENV) or None)
    try:
        if args.grant_to:
            grant_app_role(store.engine, args.grant_to)
    finally:
        store.dispose()
    granted = f"; {args.grant_to} may read and write rows, append to the audit trail" * bool(
        args.grant_to
    )
    emit(
        args,
        {"revision": head_revision(), "granted_to": args.grant_to},
        f"Schema at {head_revision()}{granted}",
    )
    return 0


def add_audit_commands(add: Add) -> None:
    p = add("audit", cmd_audit, "Check the audit trail's hash chain.")
    sub = p.add_subparsers(dest="action", required=True, parser_class=type(p))
    q = sub.add_parser(
        "verify",
        help="check every entry's link and hash; name the first broken entry",
        description="Check every entry of the audit trail: its link to the entry before, its "
        "hash, its client code and its time. Prints OK with the count and the last hash (keep "
        "it elsewhere), or the first broken entry, exit code 1.",
    )
    q.add_argument("--db", help="database URL (default: PLANNER_DB_URL or ./planner.sqlite3)")
    q.add_argument(
        "--kept",
        action="append",
        default=[],
        metavar="HASH",
        help="a last hash an earlier verify printed and you kept elsewhere: it must still be "
        "an entry's (repeatable)",
    )
    q.add_argument("--lang", choices=("fi", "sv", "en"), default="en", help="language")
    q.add_argument("--json", action="store_true", help="print the result as JSON")
    p = add(
        "migrate",
        cmd_migrate,
        "Upgrade the schema as the role that owns the tables; optionally grant an application "
        "role its rights (PostgreSQL).",
    )
    p.add_argument(
        "--db", help=f"the owner's database URL (default: {MIGRATE_ENV}, then the store's)"
    )
    p.add_argument("--grant-to", metavar="ROLE", help="the application role to grant rights to")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
