"""The real app in headless Chromium: it starts, shows the overview, and switches language."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from planner.cli import prepare_demo_store
from planner.i18n import t

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
START_TIMEOUT_S = 30
VIEWPORT = {"width": 1440, "height": 1100}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_healthy(url: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"the app exited with code {server.returncode} before answering")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"the app did not answer at {url} within {START_TIMEOUT_S} s")


@pytest.fixture
def chromium() -> Path:
    """Debian's chromium. Under CI=true a missing browser fails the test, never skips."""
    if not CHROMIUM.exists():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{CHROMIUM} is required under CI=true (apt-get install chromium)")
        pytest.skip(f"{CHROMIUM} is not installed")
    return CHROMIUM


@pytest.fixture
def app_url(tmp_path: Path) -> Iterator[str]:
    """The app serving a fresh demo store; the server is stopped whatever happens."""
    db_url = prepare_demo_store(f"sqlite:///{tmp_path / 'demo.sqlite3'}")
    port = _free_port()
    log = (tmp_path / "streamlit.log").open("wb")
    server = subprocess.Popen(
        [
            sys.executable, "-m", "streamlit", "run", str(REPO / "app.py"),
            "--server.headless", "true", "--server.port", str(port),
            "--server.address", "127.0.0.1", "--server.fileWatcherType", "none",
            "--browser.gatherUsageStats", "false",
        ],
        cwd=tmp_path,
        env={**os.environ, "PLANNER_DB_URL": db_url},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_until_healthy(url, server)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def test_the_overview_opens_in_finnish_and_switches_to_swedish(chromium, app_url, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport=VIEWPORT)
            page.goto(app_url, wait_until="domcontentloaded")
            heading = page.get_by_role("heading", name=t("overview.title", "fi"))
            expect(heading).to_be_visible(timeout=30_000)
            expect(page.get_by_test_id("stMetric").first).to_be_visible()

            page.get_by_text("Svenska", exact=True).click()
            swedish = page.get_by_role("heading", name=t("overview.title", "sv"))
            expect(swedish).to_be_visible(timeout=15_000)
            expect(page.get_by_text(t("count.clients", "sv"), exact=True)).to_be_visible()
            expect(page.get_by_test_id("stDataFrame")).to_be_visible()
            expect(page.locator("canvas").first).to_be_visible()
            # Streamlit scrolls inside its main element, so grow the window to show it all.
            height = page.get_by_test_id("stMain").evaluate("main => main.scrollHeight")
            page.set_viewport_size({"width": VIEWPORT["width"], "height": max(height, 600)})
            page.wait_for_timeout(1_500)  # let the data grid and the map finish drawing

            shot = tmp_path / "overview_sv.png"
            page.screenshot(path=str(shot), full_page=True)
        finally:
            browser.close()

    assert shot.stat().st_size > 10_000
    for_humans = REPO / "test-output" / "overview_sv.png"
    for_humans.parent.mkdir(exist_ok=True)
    shutil.copy(shot, for_humans)
