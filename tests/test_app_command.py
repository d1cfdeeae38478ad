"""The README's app command on a machine where Streamlit has never run, and the demo it
starts: the sample season planned and published, the app and the calendar feeds together.

`./dev.sh app` must start the app with no question asked, with or without a terminal, and
say in one line where it is. A fresh HOME has no `~/.streamlit/credentials.toml`, which is
when Streamlit would otherwise stop at its e-mail prompt.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import icalendar
import pytest
from appserver import free_port
from toys import steady_params

from planner.calendar import create_feed
from planner.calendar.links import feed_path
from planner.cli.common import SAMPLE_SEASON_NAME
from planner.cli.demo import DemoStore, demo_today, prepare_published_demo
from planner.plan_check import plan_problems
from planner.store import Enrolments, Store

REPO = Path(__file__).resolve().parents[1]

APP_COMMAND = ("./dev.sh", "app", "--time-limit", "5")
APP_START_S = 300
"""How long `./dev.sh app` may take to set up and start: a backstop, the wait ends when it is up
(a first run installs the virtualenv)."""


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


@pytest.mark.slow
def test_the_app_command_starts_without_a_prompt_on_a_fresh_home(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    port = free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DISPLAY", "WAYLAND_DISPLAY", "PLANNER_DB_URL")
    }
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"))
    env.setdefault("PIP_CACHE_DIR", str(Path.home() / ".cache" / "pip"))
    out = tmp_path / "app.log"
    db = f"sqlite:///{tmp_path / 'd.db'}"
    with out.open("wb") as log:
        server = subprocess.Popen(
            [*APP_COMMAND, "--port", str(port), "--feed-port", str(free_port()), "--db", db],
            cwd=REPO,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://localhost:{port}"
    ready = f"sosku planner is running at {url}"
    try:
        # Wait for our own line (Streamlit's "Local URL" names the same address, and may come
        # first), and for the server to answer; the deadline is only a backstop.
        said = ""
        deadline = time.monotonic() + APP_START_S
        while server.poll() is None and time.monotonic() < deadline:
            said = out.read_text(errors="replace")
            if ready in said and _answers(url):
                break
            time.sleep(0.5)
        assert server.poll() is None, f"the app command exited:\n{out.read_text()}"
        assert ready in said, said
        assert _answers(url)
        assert "email" not in said.lower()
        assert not (home / ".streamlit" / "credentials.toml").exists()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


# --- the demo: the sample planned and published, the app and the feed server together ---


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> DemoStore:
    """The demo's store as its first start leaves it (a steady solve instead of the clock's)."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    return prepare_published_demo(f"sqlite:///{path}", params=steady_params(), say=lambda _: None)


def store_copy(demo: DemoStore, tmp_path: Path) -> str:
    path = tmp_path / "again.sqlite3"
    shutil.copy(demo.url.removeprefix("sqlite:///"), path)
    return f"sqlite:///{path}"


def test_the_demo_store_holds_the_sample_planned_and_published(demo_store: DemoStore) -> None:
    assert demo_store.solved and demo_store.groups > 30 and demo_store.clients > 200
    with Store.open(demo_store.url) as store:
        season, plan = store.load_season(), store.load_plan()
        live = Enrolments(store).live_plan()
        [saved] = store.list_plans()
    assert season is not None and plan is not None and live is not None
    assert season.name == SAMPLE_SEASON_NAME
    assert saved["created_by"] == "demo"
    assert plan_problems(season, plan) == []
    assert len(live.placements) == len(plan.placements) == demo_store.groups
    assert live.participants == plan.participants


def test_a_second_start_reuses_the_published_plan_without_solving(
    demo_store: DemoStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_solving(*args, **kwargs):
        raise AssertionError("the second start solved again")

    monkeypatch.setattr("planner.solve.solve", no_solving)
    said: list[str] = []
    again = prepare_published_demo(store_copy(demo_store, tmp_path), say=said.append)
    assert not again.solved and said == []
    assert (again.groups, again.clients) == (demo_store.groups, demo_store.clients)
    with Store.open(again.url) as store:
        assert len(store.list_plans()) == 1


@pytest.mark.parametrize(
    ("today", "taken"),
    [
        (dt.date(2026, 12, 7), dt.date(2027, 1, 18)),  # before the term: its second week
        (dt.date(2027, 2, 10), None),  # in the term: today stays
        (dt.date(2028, 9, 1), dt.date(2027, 1, 18)),  # long after
    ],
)
def test_the_demo_takes_today_in_the_samples_term_only_when_it_is_not(
    demo_store: DemoStore, today: dt.date, taken: dt.date | None
) -> None:
    assert demo_today(demo_store.url, today) == taken


def test_the_demo_serves_the_feeds_and_ctrl_c_stops_the_app_and_the_feeds(
    demo_store: DemoStore, tmp_path: Path
) -> None:
    url = store_copy(demo_store, tmp_path)
    port, feed_port = free_port(), free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLANNER_")}
    env["PYTHONPATH"] = str(REPO)
    out = tmp_path / "demo.log"
    command = [sys.executable, "-m", "planner.cli", "demo", "--db", url, "--headless"]
    command += ["--port", str(port), "--feed-port", str(feed_port)]
    with out.open("wb") as log:
        demo = subprocess.Popen(
            command, cwd=tmp_path, env=env, stdin=subprocess.DEVNULL, stdout=log,
            stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    app, feeds = f"http://localhost:{port}", f"http://127.0.0.1:{feed_port}"
    try:
        said = ""
        deadline = time.monotonic() + APP_START_S
        while demo.poll() is None and time.monotonic() < deadline:
            said = out.read_text(errors="replace")
            if f"calendar feeds at {feeds}" in said and _answers(app):
                break
            time.sleep(0.5)
        assert demo.poll() is None, out.read_text()
        assert "its published plan reused" in said and "Planning" not in said
        with Store.open(url) as store:
            token = create_feed(store, "offering", lang="sv", actor="test").token
        body = _feed(feeds + feed_path(token), demo)
        calendar = icalendar.Calendar.from_ical(body)
        events = [c for c in calendar.walk("VEVENT")]
        assert len(events) == demo_store.groups
        assert all(str(e["URL"]).startswith(app) for e in events)

        demo.send_signal(signal.SIGINT)  # Ctrl+C, to the demo command alone
        demo.wait(timeout=30)
        assert not _answers(app)
        with pytest.raises(OSError):
            urllib.request.urlopen(feeds + feed_path(token), timeout=2)
    finally:
        if demo.poll() is None:
            os.killpg(demo.pid, signal.SIGKILL)
            demo.wait()


def _feed(url: str, demo: subprocess.Popen[bytes]) -> bytes:
    """The feed's body once its server answers (it starts beside the app)."""
    deadline = time.monotonic() + APP_START_S
    while demo.poll() is None and time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read()
        except OSError:
            time.sleep(0.3)
    raise AssertionError("the feed server never answered")
