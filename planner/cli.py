"""The `planner` command line. Thin: every command is a few calls into the library.

Every command exits non-zero with a one-line reason on bad input (never a traceback for a
user's mistake) and offers `--json` where it prints results.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

log = logging.getLogger("planner")

REPO_ROOT = Path(__file__).resolve().parents[1]
APP_PATH = REPO_ROOT / "app.py"


class UserError(Exception):
    """A mistake the user can fix; reported as one line, exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see --help)\n")


def sample_data_dir() -> Path:
    """The bundled sample season; regenerated into a temp folder if the checkout lacks it."""
    bundled = REPO_ROOT / "data"
    if (bundled / "groups.csv").exists():
        return bundled
    from planner.sample import write_season

    out = Path(tempfile.mkdtemp(prefix="planner-sample-"))
    write_season(out, scale=1)
    return out


def _emit(args: argparse.Namespace, payload: Any, text: str) -> None:
    if getattr(args, "json", False):
        print(json.dumps(payload, ensure_ascii=False, indent=2, default=str))
    elif text:
        print(text)


def _read_valid_season(args: argparse.Namespace):
    from planner.io import read_season

    path = Path(args.data)
    if not path.exists():
        raise UserError(f"{path}: no such folder or workbook")
    report = read_season(path)
    return report


def _report_payload(report) -> dict[str, Any]:
    return {
        "ok": report.ok,
        "errors": [p.as_dict() for p in report.errors],
        "warnings": [p.as_dict() for p in report.warnings],
        "counts": report.season.counts() if report.season else {},
    }


def _report_text(report) -> str:
    lines = [f"error: {p}" for p in report.errors]
    lines += [f"warning: {p}" for p in report.warnings]
    if report.ok:
        counts = ", ".join(f"{n} {k}" for k, n in report.season.counts().items())
        lines.append(f"OK: {counts}")
    else:
        n = len(report.errors)
        lines.append(f"{n} error(s); nothing was imported. Fix them and check again.")
    return "\n".join(lines)


def cmd_check(args: argparse.Namespace) -> int:
    report = _read_valid_season(args)
    _emit(args, _report_payload(report), _report_text(report))
    return 0 if report.ok else 1


def cmd_import(args: argparse.Namespace) -> int:
    from planner.store import Store

    report = _read_valid_season(args)
    if not report.ok:
        _emit(args, _report_payload(report), _report_text(report))
        return 1
    store = Store.open(args.db)
    try:
        season_id = store.import_season(report.season, source=str(args.data), actor=args.actor)
    finally:
        store.dispose()
    payload = {**_report_payload(report), "season_id": season_id}
    _emit(args, payload, _report_text(report) + f"\nImported as season {season_id}.")
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    from planner.sample import write_season

    if args.scale < 1:
        raise UserError(f"--scale must be at least 1, got {args.scale}")
    write_season(Path(args.out), scale=args.scale, seed=args.seed)
    _emit(args, {"out": args.out, "scale": args.scale}, f"Wrote the sample season to {args.out}")
    return 0


def _ids(value: str | None) -> frozenset[str]:
    return frozenset(x.strip() for x in (value or "").replace(",", ";").split(";") if x.strip())


def _store_season(store, season, source: str, actor: str) -> int:
    """The stored season equal to `season`, importing it when the current one differs."""
    current = store.current_season_id()
    if current is not None and store.load_season(current) == season:
        return current
    return store.import_season(season, source=source, actor=actor)


def cmd_solve(args: argparse.Namespace) -> int:
    from planner.plan_check import plan_problems
    from planner.solve import Changes, SolveParams, solve, write_outputs
    from planner.solve.output import summary as plan_summary
    from planner.store import Store

    report = _read_valid_season(args)
    if not report.ok:
        _emit(args, _report_payload(report), _report_text(report))
        return 1
    season = report.season
    try:
        params = SolveParams(
            time_limit_s=args.time_limit, workers=args.workers, seed=args.seed, language=args.lang
        )
    except ValueError as exc:
        raise UserError(str(exc)) from exc
    changes = Changes(
        absent=_ids(args.absent), closed_venues=_ids(args.closed), cancelled=_ids(args.cancel)
    )
    unknown = sorted(
        (changes.absent - season.person.keys())
        | (changes.closed_venues - season.venue.keys())
        | (changes.cancelled - season.group.keys())
    )
    if unknown:
        raise UserError(f"unknown id(s) in --absent/--closed/--cancel: {', '.join(unknown)}")
    store = Store.open(args.db) if (args.save or args.replan) else None
    try:
        previous = store.load_plan() if (store and args.replan) else None
        if args.replan and previous is None:
            raise UserError("--replan needs a stored plan: run `planner solve DATA --save` first")
        result = solve(season, params, previous=previous, changes=changes)
        problems = [str(p) for p in plan_problems(season, result.plan, params.allowance_min)]
        if problems:  # a model bug, never a user mistake: refuse to publish it
            raise RuntimeError("the plan failed validation: " + "; ".join(problems[:5]))
        if args.out:
            write_outputs(result, season, Path(args.out))
        diff = result.diff(previous) if previous is not None else []
        plan_id = None
        if store and args.save:
            season_id = _store_season(store, season, str(args.data), args.actor)
            plan_id = store.save_plan(
                result.plan,
                plan_summary(result, season),
                season_id=season_id,
                actor=args.actor,
                note="replan" if args.replan else "",
            )
    finally:
        if store:
            store.dispose()
    payload = {**plan_summary(result, season), "plan_id": plan_id, "changes": diff}
    gap = f"{result.gap:.1%}" if result.gap is not None else "n/a"
    lines = [
        f"{result.status}: {result.groups_scheduled}/{len(season.groups)} groups scheduled, "
        f"{result.clients_placed}/{len(season.clients)} clients placed, objective "
        f"{result.objective}, bound {result.best_bound}, gap {gap}, {result.wall_s:.1f} s"
    ]
    lines += [f"  {r.subject}: {r.text(args.lang)}" for r in result.unscheduled]
    if previous is not None:
        lines.append(f"{len(diff)} change(s) against the stored plan:")
        lines += [f"  {d}" for d in diff]
    if args.out:
        lines.append(
            f"Wrote {args.out}/plan_groups.csv, plan_participants.csv, staff_days.csv, summary.json"
        )
    lines.append(f"Saved as plan {plan_id}." if plan_id else "Not saved (use --save).")
    _emit(args, payload, "\n".join(lines))
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from planner.plan_check import plan_problems, read_plan_files

    report = _read_valid_season(args)
    if not report.ok:
        _emit(args, _report_payload(report), _report_text(report))
        return 1
    plan_dir = Path(args.plan)
    if not (plan_dir / "plan_groups.csv").exists():
        raise UserError(f"{plan_dir}: no plan_groups.csv here")
    problems = plan_problems(report.season, read_plan_files(plan_dir), args.allowance)
    text = "\n".join(str(p) for p in problems) or "The plan keeps every rule."
    _emit(args, {"ok": not problems, "problems": [str(p) for p in problems]}, text)
    return 1 if problems else 0


SAMPLE_SEASON_NAME = "Länsi-Uusimaa / Västra Nyland 2027 (sample)"


def _season_and_plan(args: argparse.Namespace):
    """The season and plan to search: DATA + --plan DIR, or the store's current ones."""
    if args.data:
        report = _read_valid_season(args)
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
    season, plan = store.load_season(), store.load_plan()
    if season is None or plan is None:
        store.dispose()
        raise UserError(
            "no season and plan in the store: run `planner import` and "
            "`planner solve --save`, or give DATA --plan DIR"
        )
    return season, plan, store


def _today(value: str | None):
    import datetime as dt

    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise UserError(f"--today {value!r} is not a date like 2027-02-15") from exc


def cmd_find(args: argparse.Namespace) -> int:
    from planner.finder import (
        ProfileError,
        client_profile,
        find_groups,
        matches_text,
        parse_profile_args,
    )

    if not args.client and not args.municipality:
        raise UserError("describe the client: --client CODE, or --municipality and the rest")
    today = _today(args.today)
    season, plan, store = _season_and_plan(args)
    try:
        try:
            profile = (
                client_profile(season, args.client)
                if args.client
                else parse_profile_args(
                    args.municipality,
                    args.language,
                    args.interests,
                    args.days,
                    args.travel,
                    args.max_travel_min,
                    args.needs_accessible,
                    season,
                    audience=args.audience,
                    prefers_small=args.small,
                )
            )
        except ProfileError as exc:
            raise UserError(str(exc)) from exc
        seats = _offering_seats(store) if store else {}
        taken = {g: s[0] for g, s in seats.items()} or None
        waiting = {g: s[2] for g, s in seats.items()} or None
        matches = find_groups(
            season,
            plan,
            profile,
            taken=taken,
            waiting=waiting,
            lang=args.lang,
            include_failed=args.include_failed,
            limit=args.limit,
            today=today,
        )
    finally:
        if store:
            store.dispose()
    _emit(args, [m.as_dict() for m in matches], matches_text(matches, args.lang))
    return 0


def _offering_seats(store) -> dict[str, tuple[int, int, int]]:
    """Seats per group (taken, max, waiting) from the published offering, if any."""
    try:
        from planner.store.enrolment import Enrolments
    except ImportError:
        return {}
    return Enrolments(store).seats()


def prepare_demo_store(db_url: str | None = None) -> str:
    """Load the sample season into a fresh store; return the store's URL."""
    from dataclasses import replace

    from planner.io import read_season
    from planner.store import Store

    if db_url is None:
        db_file = Path.cwd() / "planner-demo.sqlite3"
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


def cmd_demo(args: argparse.Namespace) -> int:
    url = prepare_demo_store(args.db)
    print(f"Sample season loaded into {url}")
    if args.no_app:
        return 0
    env = {**os.environ, "PLANNER_DB_URL": url}
    if not args.sign_in:
        # The bundled sample season holds no real person: a laptop demo needs no sign-in.
        env["PLANNER_SINGLE_USER"] = "1"
    # Always headless: otherwise Streamlit's first run asks for an e-mail address on the
    # terminal (and exits with 255 without one). We open the browser ourselves instead.
    cmd = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(APP_PATH),
        "--server.port",
        str(args.port),
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
    ]
    app_url = f"http://localhost:{args.port}"
    server = subprocess.Popen(cmd, env=env, stdin=subprocess.DEVNULL)
    try:
        if _wait_for_app(app_url, server):
            print(f"sosku planner is running at {app_url} (Ctrl+C stops it)", flush=True)
            if not args.headless and _has_display():
                import webbrowser

                webbrowser.open(app_url)
        return server.wait()
    except KeyboardInterrupt:
        server.terminate()
        return server.wait()


def _wait_for_app(url: str, server: subprocess.Popen[bytes], timeout_s: float = 120) -> bool:
    """True once the app answers its health check; False if it exited or never answered."""
    import time
    import urllib.request

    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and server.poll() is None:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return True
        except OSError:
            time.sleep(0.3)
    return False


def _has_display() -> bool:
    return sys.platform in ("darwin", "win32") or bool(
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="planner",
        description="sosku planner: plan social rehabilitation groups in Western Uusimaa.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def add(name: str, func: Callable[[argparse.Namespace], int], help_: str):
        p = sub.add_parser(name, help=help_, description=help_)
        p.set_defaults(func=func)
        return p

    p = add("check", cmd_check, "Check a season (CSV folder or .xlsx) against the contract.")
    p.add_argument("data", help="folder of CSV files or an .xlsx workbook")
    p.add_argument("--json", action="store_true", help="print the problems as JSON")

    p = add("import", cmd_import, "Check a season and, if valid, store it as the current season.")
    p.add_argument("data", help="folder of CSV files or an .xlsx workbook")
    p.add_argument("--db", help="database URL (default: PLANNER_DB_URL or ./planner.sqlite3)")
    p.add_argument("--actor", default=os.environ.get("USER", "cli"), help="who imports (audit)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")

    p = add("generate", cmd_generate, "Write the sample season (optionally scaled) as CSV files.")
    p.add_argument("--out", required=True, help="output folder")
    p.add_argument("--scale", type=int, default=1, help="multiply groups, clients, staff, venues")
    p.add_argument("--seed", type=int, default=20270111, help="random seed")
    p.add_argument("--json", action="store_true", help="print the result as JSON")

    p = add("solve", cmd_solve, "Plan the season: weekday, time, venue, leaders and participants.")
    p.add_argument("data", help="folder of CSV files or an .xlsx workbook")
    p.add_argument("--time-limit", type=float, default=60.0, help="seconds (default 60)")
    p.add_argument("--workers", type=int, default=2, help="solver threads (default 2)")
    p.add_argument("--seed", type=int, default=0, help="solver random seed")
    p.add_argument(
        "--out",
        help="write plan_groups.csv, plan_participants.csv, staff_days.csv, summary.json here",
    )
    p.add_argument("--save", action="store_true", help="store the plan as the current plan")
    p.add_argument(
        "--replan",
        action="store_true",
        help="change the stored plan as little as possible and list what moved",
    )
    p.add_argument("--absent", help="staff/partner ids no longer available (;-separated)")
    p.add_argument("--closed", help="venue ids closed (;-separated)")
    p.add_argument("--cancel", help="group ids cancelled (;-separated)")
    p.add_argument("--lang", choices=("fi", "sv", "en"), default="en", help="language of reasons")
    p.add_argument("--db", help="database URL (default: PLANNER_DB_URL or ./planner.sqlite3)")
    p.add_argument("--actor", default=os.environ.get("USER", "cli"), help="who plans (audit)")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")

    p = add("validate", cmd_validate, "Re-check a written plan against every hard rule.")
    p.add_argument("data", help="the season: folder of CSV files or an .xlsx workbook")
    p.add_argument("plan", help="folder with plan_groups.csv and plan_participants.csv")
    p.add_argument(
        "--allowance",
        type=int,
        default=30,
        help="minutes around each session for meetings and summaries (default 30)",
    )
    p.add_argument("--json", action="store_true", help="print the problems as JSON")

    p = add("find", cmd_find, "Find suitable groups for a client, best first.")
    p.add_argument("data", nargs="?", help="season folder/workbook (default: the store's)")
    p.add_argument("--plan", help="plan folder (plan_groups.csv ...) to search with DATA")
    p.add_argument("--db", help="database URL (default: PLANNER_DB_URL or ./planner.sqlite3)")
    p.add_argument("--client", help="the client's pseudonymous code")
    p.add_argument("--municipality", help="code or name, e.g. 078 or Hanko")
    p.add_argument("--language", default="fi", help="languages the client manages, e.g. fi;sv")
    p.add_argument("--interests", default="", help="e.g. nature;music")
    p.add_argument("--audience", default="", help="e.g. young_adults;women")
    p.add_argument("--days", default="", help="e.g. Mon;Wed or ma-ke (default: every weekday)")
    p.add_argument("--travel", default="transit", help="car, transit or ride")
    p.add_argument("--max-travel-min", type=int, default=60, help="one-way limit in minutes")
    p.add_argument("--needs-accessible", action="store_true", help="needs an accessible venue")
    p.add_argument("--small", action="store_true", help="prefers small groups")
    p.add_argument("--limit", type=int, default=10, help="how many results (default 10)")
    p.add_argument(
        "--include-failed",
        action="store_true",
        help="also list groups that fail a filter, with the filter",
    )
    p.add_argument("--today", help="date to rank by (default: today)")
    p.add_argument("--lang", choices=("fi", "sv", "en"), default="en", help="language of reasons")
    p.add_argument("--json", action="store_true", help="print the results as JSON")

    from planner.cli_backup import add_backup_commands, add_purge_command
    from planner.cli_calendar import add_calendar_commands
    from planner.cli_mobile import add_mobile_commands
    from planner.cli_offering import add_offering_commands
    from planner.cli_report import add_report_commands

    def add_with_emit(name: str, func, help_: str):
        return add(name, lambda a: func(a, _emit), help_)

    add_offering_commands(add_with_emit)
    add_calendar_commands(add_with_emit)
    add_mobile_commands(add_with_emit, _season_and_plan)
    add_report_commands(add_with_emit, _season_and_plan)
    add_backup_commands(add_with_emit)
    add_purge_command(add_with_emit)

    p = add("demo", cmd_demo, "Load the sample season into a fresh store and start the app.")
    p.add_argument("--db", help="database URL (default: a fresh ./planner-demo.sqlite3)")
    p.add_argument(
        "--sign-in",
        action="store_true",
        help="sign in as configured in .streamlit/secrets.toml instead of single-user mode",
    )
    p.add_argument("--port", type=int, default=8501, help="port for the app")
    p.add_argument("--headless", action="store_true", help="do not open a browser window")
    p.add_argument("--no-app", action="store_true", help="only load the data")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    from planner.calendar import CalendarError
    from planner.cli_mobile import MobileError
    from planner.cli_offering import OfferingError
    from planner.cli_report import ReportError
    from planner.store import StoreError

    try:
        return args.func(args)
    except (UserError, StoreError, OfferingError, CalendarError, MobileError, ReportError) as exc:
        print(f"planner {args.command}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
