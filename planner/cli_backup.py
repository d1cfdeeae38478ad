"""`planner backup FILE` and `planner restore FILE`: the whole store as one checked zip file.
Registered by `planner.cli.build_parser`."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from typing import Any

Emit = Callable[[argparse.Namespace, Any, str], None]
Add = Callable[..., argparse.ArgumentParser]


def cmd_backup(args: argparse.Namespace, emit: Emit) -> int:
    from planner.store import Store
    from planner.store.backup import backup

    store = Store.open(args.db)
    try:
        report = backup(store, args.file, actor=args.actor)
    finally:
        store.dispose()
    emit(args, {"path": str(report.path), "revision": report.revision, "rows": report.rows},
         f"Wrote {report.path}: {report.total} rows in {len(report.rows)} tables "
         f"(schema {report.revision})")
    return 0


def cmd_restore(args: argparse.Namespace, emit: Emit) -> int:
    from planner.store import Store
    from planner.store.backup import restore

    store = Store.open(args.db)
    try:
        report = restore(store, args.file, actor=args.actor)
    finally:
        store.dispose()
    emit(args, {"path": str(report.path), "revision": report.revision, "rows": report.rows},
         f"Restored {report.path}: {report.total} rows in {len(report.rows)} tables")
    return 0


def add_backup_commands(add: Add) -> None:
    p = add("backup", cmd_backup, "Write the whole store to one zip file (SQLite or PostgreSQL).")
    p.add_argument("file", help="the backup file to write (.zip; never overwritten)")
    p.add_argument("--db", help="database URL (default: PLANNER_DB_URL or ./planner.sqlite3)")
    p.add_argument("--actor", default=os.environ.get("USER", "cli"), help="who acts (audit)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p = add("restore", cmd_restore, "Load a backup into an empty store; all or nothing.")
    p.add_argument("file", help="a file written by `planner backup`")
    p.add_argument("--db", help="database URL of an empty store")
    p.add_argument("--actor", default=os.environ.get("USER", "cli"), help="who acts (audit)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
