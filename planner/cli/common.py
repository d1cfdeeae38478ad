"""What the command families share: errors, the parser class, output, reading a season.

Every command exits non-zero with a one-line reason on bad input (never a traceback for a
user's mistake) and offers `--json` where it prints results.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

REPO_ROOT = Path(__file__).resolve().parents[2]
APP_PATH = REPO_ROOT / "app.py"
SAMPLE_SEASON_NAME = "Länsi-Uusimaa / Västra Nyland 2027 (sample)"

Emit = Callable[[argparse.Namespace, Any, str], None]
Add = Callable[..., argparse.ArgumentParser]
Loader = Callable[[argparse.Namespace], tuple[Any, Any, Any]]


class UserError(Exception):
    """A mistake the user can fix; reported as one line, exit code 2."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see --help)\n")


# --- where a command writes ---


def _said(key: str, lang: str | None, **params: Any) -> UserError:
    from planner.i18n import known_language, t

    return UserError(t(f"io.out.{key}", known_language(lang or "en", "en"), **params))


def _nearest_existing(path: Path) -> Path:
    """The path itself or its nearest ancestor that exists (the current folder at worst)."""
    for candidate in (path, *path.parents):
        if candidate.exists():
            return candidate
    return Path(".")


def _writable_folder(folder: Path) -> bool:
    return os.access(folder, os.W_OK | os.X_OK)


def writable_file(path: str | Path, lang: str | None = None) -> Path:
    """`path` as a file a command may write (new, or replaced), checked before any work: its
    folder exists, is a folder and can be written, and the path is no folder. Otherwise a
    `UserError` of one line in `lang` (exit code 2)."""
    path = Path(path)
    folder = path.parent
    if path.is_dir():
        raise _said("is_folder", lang, path=path)
    if not folder.exists():
        existing = _nearest_existing(folder)
        if not existing.is_dir():
            raise _said("not_folder", lang, path=path, folder=existing)
        raise _said("no_folder", lang, path=path, folder=folder)
    if not folder.is_dir():
        raise _said("not_folder", lang, path=path, folder=folder)
    if not _writable_folder(folder):
        raise _said("read_only", lang, path=path, folder=folder)
    if path.exists() and not os.access(path, os.W_OK):
        raise _said("file_read_only", lang, path=path)
    return path


def writable_folder(path: str | Path, lang: str | None = None) -> Path:
    """`path` as a folder a command writes its files into (made, with missing parents, when it
    writes), checked before any work: it is no file, and it, or the nearest folder above it
    that exists, can be written. Otherwise a `UserError` of one line in `lang`."""
    path = Path(path)
    existing = _nearest_existing(path)
    if not existing.is_dir():
        if existing == path:
            raise _said("is_file", lang, path=path)
        raise _said("not_folder", lang, path=path, folder=existing)
    if not _writable_folder(existing):
        raise _said("read_only", lang, path=path, folder=existing)
    return path


def write_failed(path: str | Path, exc: OSError, lang: str | None = None) -> UserError:
    """The one line for a write that failed after the checks (a full disk, a file that went)."""
    return _said("failed", lang, path=path, reason=exc.strerror or exc)


def sample_data_dir() -> Path:
    """The bundled sample season; regenerated into a temp folder if the checkout lacks it."""
    bundled = REPO_ROOT / "data"
    if (bundled / "groups.csv").exists():
        return bundled
    from planner.sample import write_season

    out = Path(tempfile.mkdtemp(prefix="planner-sample-"))
    write_season(out, scale=1)
    return out


def emit(args: argparse.Namespace, payload: Any, text: str) -> None:
    if getattr(args, "json", False):
        print(json.dumps(payload, ensure_ascii=False, indent=2, default=str))
    elif text:
        print(text)


def read_valid_season(args: argparse.Namespace):
    from planner.io import read_season

    path = Path(args.data)
    if not path.exists():
        raise UserError(f"{path}: no such folder or workbook")
    report = read_season(path)
    return report


def report_payload(report) -> dict[str, Any]:
    return {
        "ok": report.ok,
        "errors": [p.as_dict() for p in report.errors],
        "warnings": [p.as_dict() for p in report.warnings],
        "counts": report.season.counts() if report.season else {},
    }


def report_text(report) -> str:
    lines = [f"error: {p}" for p in report.errors]
    lines += [f"warning: {p}" for p in report.warnings]
    if report.ok:
        counts = ", ".join(f"{n} {k}" for k, n in report.season.counts().items())
        lines.append(f"OK: {counts}")
    else:
        n = len(report.errors)
        lines.append(f"{n} error(s); nothing was imported. Fix them and check again.")
    return "\n".join(lines)


def ids(value: str | None) -> frozenset[str]:
    return frozenset(x.strip() for x in (value or "").replace(",", ";").split(";") if x.strip())


def season_and_plan(args: argparse.Namespace):
    """The season and plan: DATA + --plan DIR, or from the store the season of `--season ID`
    where the command has it (a coordinator's draft), else the live (published) season."""
    if args.data:
        report = read_valid_season(args)
        if not report.ok:
            raise UserError(f"the season does not validate: {report.errors[0]}")
        if not args.plan:
            raise UserError("with DATA, give the plan folder too: --plan DIR")
        from planner.plan_check import read_plan_files

        try:
            return report.season, read_plan_files(Path(args.plan)), None
        except (OSError, ValueError) as exc:
            raise UserError(f"cannot read the plan in {args.plan}: {exc}") from exc
    from planner.store import Store

    store = Store.open(args.db)
    season_id = getattr(args, "season", None) or store.live_season_id()
    season = store.load_season(season_id) if season_id is not None else None
    plan = store.load_plan(season_id=season_id) if season is not None else None
    if getattr(args, "season", None) is not None and season is None:
        store.dispose()
        raise UserError(f"no season with id {args.season} (see `planner season list`)")
    if season is None or plan is None:
        store.dispose()
        raise UserError(
            "no season and plan in the store: run `planner import` and "
            "`planner solve --save`, or give DATA --plan DIR"
        )
    return season, plan, store


def today_arg(value: str | None):
    import datetime as dt

    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise UserError(f"--today {value!r} is not a date like 2027-02-15") from exc
