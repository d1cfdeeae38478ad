"""A counsellor's day in the app, end to end in headless Chromium on the published sample:
describe a new client and add them, find a group, enrol, move to another group, end that
place with a reason, enrol again and book the joint start meeting (l. 379). Every step is
checked in the store the app writes to.

The app takes 4 January 2027 as today (`PLANNER_TODAY`), a week before the sample's groups
start, so the test means the same on any day it runs.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import test_browser
from appserver import CHROMIUM_ARGS
from page_ready import settled

from planner.i18n import t
from planner.store import Enrolments, Meetings, Store

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
TODAY = "2027-01-04"
CODE = "C-90001"
STEP_MS = 30_000


@pytest.fixture
def day_app(published_db: Path, tmp_path: Path) -> Iterator[tuple[str, str]]:
    db = tmp_path / "planner.sqlite3"
    shutil.copy(published_db, db)
    url = f"sqlite:///{db}"
    try:
        with test_browser.running_app(
            url, tmp_path / "streamlit.log", env={"PLANNER_TODAY": TODAY}
        ) as app:
            yield app, url
    except test_browser.AppDidNotStart as exc:
        pytest.fail(str(exc))


def en(key: str, **params: object) -> str:
    return t(key, "en", **params)


def test_a_counsellors_day_add_find_enrol_move_end_and_book(chromium, day_app, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    app, url = day_app
    with Store.open(url) as store:
        counsellor = store.load_season().staff[0]
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport=test_browser.VIEWPORT)
            page.goto(f"{app}/find?lang=en", wait_until="domcontentloaded")
            expect(page.get_by_role("heading", name=en("find.title"))).to_be_visible(
                timeout=STEP_MS
            )
            settled(page)

            # Describe the client: Espoo (the first municipality), travelling by car.
            page.get_by_text(en("find.by.describe"), exact=True).click()
            page.get_by_text(en("find.travel.car"), exact=True).click()
            settled(page)
            page.get_by_text(en("find.add_client"), exact=True).click()
            page.get_by_role("textbox", name=en("clients.field.client_code")).fill(CODE)
            page.get_by_role("combobox", name=en("clients.field.counsellor")).click()
            page.keyboard.type(counsellor.name)
            page.get_by_role("option", name=counsellor.name).first.click()
            click_until_shown(
                page,
                page.get_by_role("button", name=en("clients.add.submit")),
                page.get_by_text(en("find.client_added", code=CODE)),
            )

            # Find and enrol in the first group that suits.
            click_until_shown(
                page,
                page.get_by_role("button", name=en("find.enrol"), exact=False).first,
                page.get_by_text(" is enrolled in ").first,
            )
            first = _active_groups(url)
            assert len(first) == 1

            # Move to another group that suits and has a seat.
            page.get_by_text(en("places.move"), exact=True).click()
            settled(page)
            page.get_by_role("button", name=en("places.confirm_move"), exact=True).click()
            expect(page.get_by_text(f"{CODE} moved from {first[0]}")).to_be_visible(timeout=STEP_MS)
            settled(page)
            second = _active_groups(url)
            assert len(second) == 1 and second != first

            # End that place with a reason (the first in the list: moved to work).
            page.get_by_text(en("places.end"), exact=True).click()
            click_until_shown(
                page,
                page.get_by_role("button", name=en("places.confirm_end", group=second[0])),
                page.get_by_text(f"{CODE}'s place in {second[0]}"),
            )
            assert _active_groups(url) == []

            # Enrol again and book the joint start meeting before the first session.
            click_until_shown(
                page,
                page.get_by_role("button", name=en("find.enrol"), exact=False).first,
                page.get_by_text(" is enrolled in ").first,
            )
            third = _active_groups(url)
            click_until_shown(
                page,
                page.get_by_role("button", name=en("meetings.book")).first,
                page.get_by_text(" booked: ").first,
            )
            height = page.get_by_test_id("stMain").evaluate("main => main.scrollHeight")
            page.set_viewport_size(
                {"width": test_browser.VIEWPORT["width"], "height": max(height, 600)}
            )
            settled(page)
            shot = tmp_path / "day_in_the_app.png"
            page.screenshot(path=str(shot), full_page=True)
        except Exception:
            page.screenshot(path=str(tmp_path / "failed.png"), full_page=True)
            shutil.copy(tmp_path / "failed.png", "/tmp/failed.png")
            raise
        finally:
            browser.close()

    with Store.open(url) as store:
        history = Enrolments(store).client_history(CODE)
        booked = Meetings(store).list_meetings(client_code=CODE)
        actions = [e["action"] for e in store.events(limit=50)]
    assert [(h["group_id"], h["status"], h["reason"]) for h in history] == [
        (first[0], "moved", ""),
        (second[0], "cancelled", "moved_to_work"),
        (third[0], "active", ""),
    ]
    assert [(m.group_id, m.kind, m.status) for m in booked] == [(third[0], "before", "booked")]
    assert str(booked[0].date) < "2027-01-18" and str(booked[0].date) >= TODAY
    for action in ("client.add", "enrolment.enrol", "enrolment.move", "enrolment.cancel"):
        assert action in actions
    assert actions[0] == "meeting.book"
    for_humans = REPO / "test-output" / "day_in_the_app.png"
    for_humans.parent.mkdir(exist_ok=True)
    shutil.copy(shot, for_humans)


def click_until_shown(page, button, shown, attempts: int = 3) -> None:
    """Click `button` until `shown` appears: a click that lands while Streamlit redraws the
    page is lost, and a button is only drawn again once the run has ended."""
    from playwright.sync_api import expect

    for attempt in range(attempts):
        settled(page)
        if shown.count():
            return
        button.click()
        try:
            expect(shown).to_be_visible(timeout=STEP_MS // attempts)
            return
        except AssertionError:
            if attempt == attempts - 1:
                raise


def _active_groups(url: str) -> list[str]:
    with Store.open(url) as store:
        return sorted(
            h["group_id"] for h in Enrolments(store).client_history(CODE) if h["status"] == "active"
        )
