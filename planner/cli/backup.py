"""Keeping the store safe: `planner backup FILE` and `planner restore FILE` (the whole store
as one encrypted, signed file), `planner backup-key` (a new key for them) and `planner purge`
(clients whose service ended long ago).
Registered by `planner.cli.main.build_parser`."""

from __future__ import annotations

import argparse
import os

from planner.cli.common import Add, Emit, writable_file


def cmd_backup(args: argparse.Namespace, emit: Emit) -> int:
    from planner.store import Store
    from planner.store.backup import backup, backup_key

    writable_file(args.file)
    key = backup_key(args.secrets)
    store = Store.open(args.db)
    try:
        report = backup(store, args.file, key=key, actor=args.actor)
    finally:
        store.dispose()
    emit(
        args,
        {"path": str(report.path), "revision": report.revision, "rows": report.rows},
        f"Wrote {report.path}: {report.total} rows in {len(report.rows)} tables "
        f"(schema {report.revision})",
    )
    return 0


def cmd_restore(args: argparse.Namespace, emit: Emit) -> int:
    from planner.store import Store
    from planner.store.backup import backup_key, restore

    key = backup_key(args.secrets)
    store = Store.open(args.db)
    try:
        report = restore(store, args.file, key=key, actor=args.actor)
    finally:
        store.dispose()
    emit(
        args,
        {"path": str(report.path), "revision": report.revision, "rows": report.rows},
        f"Restored {report.path}: {report.total} rows in {len(report.rows)} tables",
    )
    return 0


def cmd_backup_key(args: argparse.Namespace, emit: Emit) -> int:
    from planner.store.backup import KEY_ENV, new_backup_key

    key = new_backup_key()
    emit(
        args,
        {"key": key},
        f"{key}\n# keep it in {KEY_ENV} or as `key` under [backup] in the secrets file, and "
        "apart from the backups: without it no backup can be restored",
    )
    return 0


SECRETS_HELP = "secrets file with the [backup] key (default .streamlit/secrets.toml)"


def add_backup_commands(add: Add) -> None:
    p = add(
        "backup",
        cmd_backup,
        "Write the whole store to one file, encrypted and signed with the backup key.",
    )
    p.add_argument("file", help="the backup file to write (never overwritten; mode 0600)")
    p.add_argument("--secrets", default=".streamlit/secrets.toml", help=SECRETS_HELP)
    p.add_argument("--db", help="database URL (default: PLANNER_DB_URL or ./planner.sqlite3)")
    p.add_argument("--actor", default=os.environ.get("USER", "cli"), help="who acts (audit)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p = add("restore", cmd_restore, "Load a backup into an empty store; all or nothing.")
    p.add_argument("file", help="a file written by `planner backup`")
    p.add_argument("--secrets", default=".streamlit/secrets.toml", help=SECRETS_HELP)
    p.add_argument("--db", help="database URL of an empty store")
    p.add_argument("--actor", default=os.environ.get("USER", "cli"), help="who acts (audit)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p = add("backup-key", cmd_backup_key, "Print a new random key for `planner backup`.")
    p.add_argument("--json", action="store_true", help="print the result as JSON")


def cmd_purge(args: argparse.Namespace, emit: Emit) -> int:
    from planner.store import Store
    from planner.store.purge import purge_ended_clients

    store = Store.open(args.db)
    try:
        report = purge_ended_clients(store, args.months, actor=args.actor, dry_run=args.dry_run)
    finally:
        store.dispose()
    verb = "Would remove" if report.dry_run else "Removed"
    emit(
        args,
        {
            "cutoff": report.cutoff.isoformat(),
            "clients": report.clients,
            "rows": report.rows,
            "dry_run": report.dry_run,
        },
        f"{verb} {report.clients} clients whose service ended before "
        f"{report.cutoff.date().isoformat()} ({sum(report.rows.values())} rows)",
    )
    return 0


def _months(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of months, 1 or more")
    return int(text)


def add_purge_command(add: Add) -> None:
    from planner import rules

    p = add(
        "purge",
        cmd_purge,
        "Remove clients whose last group place ended more than --months ago: the county "
        f"keeps planning data as long as the service may last, {rules.RETENTION_MONTHS} "
        f"months (l. {rules.MAX_SERVICE_LINE}).",
    )
    p.add_argument(
        "--months",
        type=_months,
        default=rules.RETENTION_MONTHS,
        help=f"months after the service ended (default {rules.RETENTION_MONTHS})",
    )
    p.add_argument("--dry-run", action="store_true", help="count, change nothing")
    p.add_argument("--db", help="database URL (default: PLANNER_DB_URL or ./planner.sqlite3)")
    p.add_argument("--actor", default=os.environ.get("USER", "cli"), help="who acts (audit)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
