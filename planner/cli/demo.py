"""`planner demo`: the sample season planned and published, the app and the feed server.

The first start loads the sample into a store, plans it with a short time limit, saves the
plan through the store's gate and publishes it; a later start on the same store finds the
published offering and starts at once. The app and the calendar feed server run side by side
on this computer and stop together.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from planner.cli.common import APP_PATH, Add, UserError
from planner.cli.season import DEMO_FILE as DEFAULT_DEMO_FILE
from planner.cli.season import prepare_demo_store

if TYPE_CHECKING:  # the command line loads the solver only when it plans
    from planner.model import Plan
    from planner.solve import SolveParams

DEMO_TIME_LIMIT_S = 20.0
"""The first start's solve: long enough for a good plan of the sample, short enough to wait."""


@dataclass(frozen=True)
class DemoStore:
    """A store holding a published season; `solved` says whether this start planned it."""

    url: str
    solved: bool
    groups: int
    clients: int


def default_demo_url(fresh: bool = False) -> str:
    path = Path.cwd() / DEFAULT_DEMO_FILE
    if fresh:
        path.unlink(missing_ok=True)
    return f"sqlite:///{path}"


def prepare_published_demo(
    db_url: str,
    time_limit_s: float = DEMO_TIME_LIMIT_S,
    say: Callable[[str], None] = print,
    params: SolveParams | None = None,
) -> DemoStore:
    """The store at `db_url` with a published live season: reused when it has one, else the
    sample loaded (into an empty store), planned by the solver within `time_limit_s` (or
    `params`), saved through the plan gate and published."""
    from planner.solve import SolveParams, solve
    from planner.solve.output import summary as plan_summary
    from planner.store import Enrolments, Store

    with Store.open(db_url) as store:
        if store.live_season_id() is not None:
            live = Enrolments(store).live_plan()
            if live is not None:
                return DemoStore(db_url, False, len(live.placements), _clients_placed(live))
    with Store.open(db_url) as store:
        empty = store.live_season_id() is None
    if empty:
        prepare_demo_store(db_url)
    with Store.open(db_url) as store:
        season = store.load_season()
        assert season is not None
        params = params or SolveParams(time_limit_s=time_limit_s)
        say(
            f"Planning the sample season ({len(season.groups)} groups, "
            f"{len(season.clients)} clients; at most {params.time_limit_s:.0f} s, once)...",
        )
        result = solve(season, params)
        summary = plan_summary(result, season)
        plan, groups, clients = result.plan, result.groups_scheduled, result.clients_placed
        if not groups:  # the time ran out before a first plan: the first-fit one instead
            from planner.baseline import greedy_plan

            plan = greedy_plan(season)
            groups, clients = len(plan.placements), _clients_placed(plan)
            summary = {"status": "FEASIBLE"}
        store.save_plan(plan, summary, actor="demo", note="demo")
        Enrolments(store).publish(actor="demo")
    return DemoStore(db_url, True, groups, clients)


def _clients_placed(plan: Plan) -> int:
    return len({code for code, _ in plan.participants})


def demo_today(db_url: str, today: dt.date | None = None) -> dt.date | None:
    """The date the demo takes as today when the sample's term is not running on `today`
    (default: Helsinki's date): the season's second week, so the first groups have met and
    the others open soon. None when the term is running (today stays today)."""
    from planner import terms
    from planner.store import Store

    with Store.open(db_url) as store:
        season = store.load_season()
    if season is None or not season.groups:
        return None
    today = today or terms.local_today()
    first = min(g.start_date for g in season.groups)
    ends = [terms.term_end(g) for g in season.groups]
    last = max((e for e in ends if e is not None), default=first)
    if first <= today <= last:
        return None
    return first + dt.timedelta(days=7)


def cmd_demo(args: argparse.Namespace) -> int:
    from planner import terms
    from planner.calendar import links
    from planner.solve.params import SolveParams

    try:  # the solver's own rule: a positive, finite number of seconds
        SolveParams(time_limit_s=args.time_limit)
    except ValueError as exc:
        raise UserError(f"--time-limit: {exc}") from exc
    if args.fresh and args.db:
        raise UserError("--fresh starts the default demo store anew; remove your --db yourself")
    if not args.no_app:  # before planning: a busy port should not cost the wait
        for flag, port in (("--port", args.port), ("--feed-port", args.feed_port)):
            if not _port_free(port):
                raise UserError(f"port {port} is in use: choose another with {flag}")
    url = args.db or default_demo_url(fresh=args.fresh)
    demo = prepare_published_demo(url, time_limit_s=args.time_limit)
    how = "planned and published" if demo.solved else "its published plan reused"
    print(
        f"Sample season in {url}: {demo.groups} groups, {demo.clients} clients placed ({how})",
        flush=True,
    )
    if args.no_app:
        return 0
    env = {**os.environ, "PLANNER_DB_URL": url}
    if not os.environ.get(terms.TODAY_ENV, "").strip():
        fixed = demo_today(url)
        if fixed is not None:
            env[terms.TODAY_ENV] = fixed.isoformat()
            print(
                f"Today is taken as {fixed}, in the sample's term (set {terms.TODAY_ENV} to choose)"
            )
    if not args.sign_in:
        # The bundled sample season holds no real person: a laptop demo needs no sign-in.
        env["PLANNER_SINGLE_USER"] = "1"
    app_url = f"http://localhost:{args.port}"
    feed_url = f"http://127.0.0.1:{args.feed_port}"
    env.setdefault(links.APP_URL_VAR, app_url)
    env.setdefault(links.FEED_URL_VAR, feed_url)
    return _run_together(app_command(args.port), feed_command(url, args.feed_port), env, args)


def app_command(port: int) -> list[str]:
    # Always headless: otherwise Streamlit's first run asks for an e-mail address on the
    # terminal (and exits with 255 without one). We open the browser ourselves instead.
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(APP_PATH),
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
    ]


def feed_command(db_url: str, port: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "planner.cli",
        "serve",
        "--db",
        db_url,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]


def _run_together(
    app_cmd: list[str], feed_cmd: list[str], env: dict[str, str], args: argparse.Namespace
) -> int:
    """Start the app and the feed server; when either stops, or on Ctrl+C, stop both."""
    app_url = f"http://localhost:{args.port}"
    # Ctrl+C and a `kill` stop both; SIGINT is set too, since a shell starts a background
    # job with it ignored.
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, _interrupt)
    feeds = subprocess.Popen(feed_cmd, env=env, stdin=subprocess.DEVNULL)
    server = subprocess.Popen(app_cmd, env=env, stdin=subprocess.DEVNULL)
    try:
        if _wait_for_app(app_url, server):
            print(
                f"sosku planner is running at {app_url}, calendar feeds at "
                f"{env['PLANNER_FEED_URL']} (Ctrl+C stops both)",
                flush=True,
            )
            if not args.headless and _has_display():
                import webbrowser

                webbrowser.open(app_url)
        while server.poll() is None and feeds.poll() is None:
            time.sleep(0.5)
        stopped = "the feed server" if feeds.poll() is not None else "the app"
        print(f"planner demo: {stopped} stopped, so the other stops too", file=sys.stderr)
    except KeyboardInterrupt:
        pass
    finally:
        for process in (server, feeds):
            _stop(process)
    return server.returncode or 0


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _port_free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _wait_for_app(url: str, server: subprocess.Popen[bytes], timeout_s: float = 120) -> bool:
    """True once the app answers its health check; False if it exited or never answered."""
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


def add_demo_command(add: Add) -> None:
    p = add(
        "demo",
        cmd_demo,
        "Start the app and the calendar feeds on the sample season, planned and published "
        "(planned on the first start; a later start reuses the published plan).",
    )
    p.add_argument("--db", help=f"database URL (default: ./{DEFAULT_DEMO_FILE})")
    p.add_argument(
        "--fresh", action="store_true", help=f"start ./{DEFAULT_DEMO_FILE} anew (plans again)"
    )
    p.add_argument(
        "--time-limit",
        type=float,
        default=DEMO_TIME_LIMIT_S,
        help="seconds for planning the sample on the first start",
    )
    p.add_argument(
        "--sign-in",
        action="store_true",
        help="sign in as configured in .streamlit/secrets.toml instead of single-user mode",
    )
    p.add_argument("--port", type=int, default=8501, help="port for the app")
    p.add_argument(
        "--feed-port", type=int, default=8502, help="port for the calendar feeds (127.0.0.1)"
    )
    p.add_argument("--headless", action="store_true", help="do not open a browser window")
    p.add_argument("--no-app", action="store_true", help="only prepare the store")
