"""The real app in headless Chromium: a solve started on the Plan page runs in its own worker
process, survives a reload of the page (the run lives in the store), and Stop ends it with
the best plan so far, said as stopped by whom."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from appserver import CHROMIUM_ARGS, AppDidNotStart, running_app
from page_ready import settled

from planner import access
from planner.i18n import t
from planner.store import SolveRuns, Store

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
VIEWPORT = {"width": 1440, "height": 1100}
WAIT_MS = 120_000
"""Only a backstop: each wait ends as soon as the page shows what it waits for."""


@pytest.fixture
def served(demo_db: Path, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """The app on a copy of the sample season: (its address, the store's URL)."""
    path = tmp_path / "planner.sqlite3"
    shutil.copy(demo_db, path)
    db_url = f"sqlite:///{path}"
    try:
        with running_app(
            db_url, tmp_path / "streamlit.log", env={"PLANNER_TODAY": "2027-01-04"}
        ) as url:
            yield url, db_url
    except AppDidNotStart as exc:
        pytest.fail(str(exc))


def test_a_solve_survives_a_reload_and_stop_ends_it_with_a_plan(chromium, served, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    url, db_url = served
    lang = "en"
    stop_name = t("run.stop", lang)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport=VIEWPORT)
            page.goto(f"{url}/plan?lang={lang}", wait_until="domcontentloaded")
            start = page.get_by_role("button", name=t("plan.solve.button", lang))
            expect(start).to_be_visible(timeout=WAIT_MS)
            settled(page)
            # The longest time limit, so that only the Stop ends the run.
            page.get_by_role("slider").first.focus()
            page.keyboard.press("End")
            settled(page)
            start.click()
            # The page's own Stop, not Streamlit's header button of the same name that stops a
            # script run while one is going on.
            main = page.get_by_test_id("stMainBlockContainer")
            expect(main.get_by_role("button", name=stop_name)).to_be_visible(timeout=WAIT_MS)

            page.reload(wait_until="domcontentloaded")
            stop = page.get_by_test_id("stMainBlockContainer").get_by_role("button", name=stop_name)
            expect(stop).to_be_visible(timeout=WAIT_MS)  # the run is still there
            started = t("run.started", lang, who=access.SINGLE_USER, at="", limit=120)
            expect(page.get_by_text(started.split(" at ")[0])).to_be_visible()

            stop.click()
            stopped = t("run.stopped_by", lang, who=access.SINGLE_USER, at="").split(" at ")[0]
            expect(page.get_by_text(stopped)).to_be_visible(timeout=WAIT_MS)
            save = page.get_by_role("button", name=t("plan.result.save", lang))
            expect(save).to_be_enabled()
            settled(page)
            shot = tmp_path / "plan_run_stopped_en.png"
            page.screenshot(path=str(shot), full_page=True)
        finally:
            browser.close()

    with Store.open(db_url) as store:
        run = SolveRuns(store).latest(store.working_season_id())
    assert run is not None and run.state == "stopped"
    assert run.stop_requested_by == access.SINGLE_USER and run.params["time_limit_s"] == 120
    assert run.plan is not None and run.plan.placements
    for_humans = REPO / "test-output" / "plan_run_stopped_en.png"
    for_humans.parent.mkdir(exist_ok=True)
    shutil.copy(shot, for_humans)
