"""`planner check`, `import`, `generate` (the sample season) and `demo`."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from planner.cli.common import (
    APP_PATH,
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
        season_id = store.import_season(report.season, source=str(args.data), actor=args.actor)
    finally:
        store.dispose()
    payload = {**report_payload(report), "season_id": season_id}
    emit(args, payload, report_text(report) + f"\nImported as season {season_id}.")
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    from planner.sample import write_season

    if args.scale < 1:
        raise UserError(f"--scale must be at least 1, got {args.scale}")
    write_season(Path(args.out), scale=args.scale, seed=args.seed)
    emit(args, {"out": args.out, "scale": args.scale}, f"Wrote the sample season to {args.out}")
    return 0


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


def add_season_commands(add: Add) -> None:
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


def add_demo_command(add: Add) -> None:
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
