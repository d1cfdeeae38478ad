"""`planner notify`: e-mail counsellors and leaders what changed (`planner.mailer`)."""

from __future__ import annotations

import argparse
import smtplib
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from planner.cli.common import UserError

Emit = Callable[[argparse.Namespace, Any, str], None]
Add = Callable[..., argparse.ArgumentParser]
SECRETS = Path(".streamlit/secrets.toml")


def load_mail_settings(path: str):
    """The `[notify]` settings of the secrets file at `path` (`planner.mailer.MailSettings`);
    a missing, unreadable or incomplete file is one line."""
    from planner.mailer import MailSettings, MailSettingsError

    try:
        raw = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserError(f"{path}: no such secrets file") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UserError(f"{path}: cannot read the secrets file: {exc}") from None
    try:
        return MailSettings.from_mapping(raw.get("notify"))
    except MailSettingsError as exc:
        raise UserError(f"{path}: {exc}") from None


def cmd_notify(args: argparse.Namespace, emit: Emit) -> int:
    from planner.mailer import send_notices
    from planner.store import Store

    settings = load_mail_settings(args.secrets)
    store = Store.open(args.db)
    try:
        sent = send_notices(store, settings, dry_run=args.dry_run)
    except (OSError, smtplib.SMTPException) as exc:
        raise UserError(f"cannot send through {settings.host}:{settings.port}: {exc}") from None
    finally:
        store.dispose()
    verb = "Would send" if args.dry_run else "Sent"
    emit(
        args,
        {"dry_run": args.dry_run, "sent": sent},
        f"{verb} {sum(sent.values())} notices to {len(sent)} people",
    )
    return 0


def add_notify_command(add: Add) -> None:
    p = add(
        "notify",
        cmd_notify,
        "E-mail counsellors and leaders what changed for their clients and groups since the "
        "last e-mail (SMTP settings in the secrets file's [notify] section).",
    )
    p.add_argument("--secrets", default=str(SECRETS), help="secrets file with [notify]")
    p.add_argument("--dry-run", action="store_true", help="count, send nothing")
    p.add_argument("--db", help="database URL (default: PLANNER_DB_URL or ./planner.sqlite3)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
