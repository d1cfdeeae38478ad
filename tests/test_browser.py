"""The real app in headless Chromium: it starts, shows the overview, and switches language."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from appserver import CHROMIUM_ARGS, AppDidNotStart, running_app
from page_ready import settled

from planner.cli.season import prepare_demo_store
from planner.i18n import t

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
VIEWPORT = {"width": 1440, "height": 1100}


@pytest.fixture
def app_url(tmp_path: Path) -> Iterator[str]:
    """The app serving a fresh demo store; the server is stopped whatever happens."""
    db_url = prepare_demo_store(f"sqlite:///{tmp_path / 'demo.sqlite3'}")
    yield from serve(db_url, tmp_path)


def serve(db_url: str, tmp_path: Path) -> Iterator[str]:
    """A running app for a fixture to yield: a failure to start fails the test."""
    try:
        with running_app(db_url, tmp_path / "streamlit.log") as url:
            yield url
    except AppDidNotStart as exc:
        pytest.fail(str(exc))


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
            settled(page)  # the data grid and the map have drawn

            shot = tmp_path / "overview_sv.png"
            page.screenshot(path=str(shot), full_page=True)
        finally:
            browser.close()

    assert shot.stat().st_size > 10_000
    for_humans = REPO / "test-output" / "overview_sv.png"
    for_humans.parent.mkdir(exist_ok=True)
    shutil.copy(shot, for_humans)
