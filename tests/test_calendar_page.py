"""The group calendar page, driven headless with AppTest on the sample season and a greedy plan."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import holidays
import icalendar
import pytest
import test_browser
from appserver import CHROMIUM_ARGS
from page_ready import settled
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from planner.calendar import list_feeds
from planner.cli.season import prepare_demo_store
from planner.i18n import t
from planner.model import Plan, Season
from planner.store import Enrolments, Store
from planner.ui.calendar_views import (
    between,
    default_day,
    month_grid,
    sessions_of,
    shift,
)
from planner.ui.calendar_views import (
    group_series as series_of,
)

REPO = Path(__file__).resolve().parents[1]
APP = str(REPO / "app.py")
CALENDAR_PAGE = "planner/ui/calendar_page.py"
TIMEOUT_S = 60
SEASON_MONDAY = dt.date(2027, 1, 11)  # the sample season's first groups meet on 11.1.2027
ASCENSION = dt.date(2027, 5, 6)


# --- stores ---


@pytest.fixture(scope="module")
def spring_db(planned_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A later copy of the season in which the Thursday pop-up G-014 starts on 1.4.2027, so
    its twelve weeks run over Ascension Day (Thursday 6.5.2027); the same plan saved for it."""
    path = tmp_path_factory.mktemp("calendar_spring") / "spring.sqlite3"
    shutil.copy(planned_db, path)
    with Store.open(f"sqlite:///{path}") as store:
        season = store.load_season()
        plan = store.load_plan()
        assert season is not None and plan is not None
        assert plan.placement["G-014"].weekday == 3  # a Thursday in the greedy plan
        groups = tuple(
            dataclasses.replace(g, start_date=dt.date(2027, 4, 1)) if g.group_id == "G-014" else g
            for g in season.groups
        )
        spring = dataclasses.replace(season, groups=groups, name=f"{season.name} (spring)")
        season_id = store.import_season(spring, source="test", actor="test")
        store.save_plan(plan, {"status": "FEASIBLE"}, season_id=season_id, actor="test")
        store.publish_season(season_id, actor="test")  # an import is a draft until switched
    return path


def use_copy(db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    path = tmp_path / "planner.sqlite3"
    shutil.copy(db, path)
    url = f"sqlite:///{path}"
    monkeypatch.setenv("PLANNER_DB_URL", url)
    return url


@pytest.fixture
def planned_url(planned_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    return use_copy(planned_db, tmp_path, monkeypatch)


@pytest.fixture
def published_url(published_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    return use_copy(published_db, tmp_path, monkeypatch)


@pytest.fixture
def spring_url(spring_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    return use_copy(spring_db, tmp_path, monkeypatch)


@pytest.fixture(scope="module")
def season_and_plan(planned_db: Path) -> tuple[Season, Plan]:
    with Store.open(f"sqlite:///{planned_db}") as store:
        season, plan = store.load_season(), store.load_plan()
    assert season is not None and plan is not None
    return season, plan


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    """What the page's download buttons carry, by file name (AppTest drops its media files
    after each run, so they are caught on the way in)."""
    caught: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def spy(self: Any, path_or_data: Any, mimetype: str, kind: Any, filename: str | None = None):
        if filename and isinstance(path_or_data, bytes):
            caught[filename] = path_or_data
        return original(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", spy)
    return caught


# --- driving the page ---


def open_calendar(lang: str = "fi") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S).run()
    if lang != "fi":
        at.segmented_control(key="lang").set_value(lang).run()
    at.switch_page(CALENDAR_PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def rerun(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def events(at: AppTest) -> list[tuple[dt.date, str]]:
    """(date, group id) of every event shown (an event's button key is `cal_ev_<date>_<id>`)."""
    found = []
    for button in at.button:
        key = button.key or ""
        if key.startswith("cal_ev_"):
            day, group_id = key.removeprefix("cal_ev_").split("_", 1)
            found.append((dt.date.fromisoformat(day), group_id))
    return found


def page_texts(at: AppTest) -> str:
    """Every text the page shows: headings, markdown, captions, notes, labels and code."""
    parts: list[str] = []
    for kind in (
        "title",
        "subheader",
        "markdown",
        "caption",
        "info",
        "success",
        "warning",
        "error",
        "code",
    ):
        parts += [str(e.value) for e in getattr(at, kind)]
    for kind in (
        "button",
        "download_button",
        "selectbox",
        "multiselect",
        "date_input",
        "segmented_control",
        "radio",
    ):
        parts += [str(e.label) for e in getattr(at, kind)]
    parts += [str(o) for box in at.multiselect for o in box.options]
    return "\n".join(parts)


def expected_sessions(season: Season, plan: Plan, first: dt.date, last: dt.date) -> int:
    """Sessions from `first` to `last` counted straight from the groups' terms, without the
    calendar package: weekly from the first placed weekday on or after the start date."""
    free_days = holidays.Finland(years=range(first.year, last.year + 1))
    count = 0
    for p in plan.placements:
        group = season.group[p.group_id]
        start = group.start_date + dt.timedelta(days=(p.weekday - group.start_date.weekday()) % 7)
        for week in range(group.weeks or 12):
            day = start + dt.timedelta(weeks=week)
            count += first <= day <= last and day not in free_days
    return count


# --- the pure helpers ---


def test_a_month_grid_has_one_row_per_week_with_other_months_days_left_blank():
    rows = month_grid(dt.date(2027, 5, 17))

    assert rows[0] == [dt.date(2027, 5, d) for d in range(3, 8)]  # 1.5.2027 is a Saturday
    days = [d for row in rows for d in row if d is not None]
    assert days[0] == dt.date(2027, 5, 3) and days[-1] == dt.date(2027, 5, 31)
    assert all(len(row) == 5 and any(row) for row in rows)


def test_stepping_a_month_lands_on_the_first_of_the_month_across_a_new_year():
    assert shift("month", dt.date(2026, 12, 24), 1) == dt.date(2027, 1, 1)
    assert shift("month", dt.date(2027, 1, 31), -1) == dt.date(2026, 12, 1)
    assert shift("week", dt.date(2027, 1, 11), 1) == dt.date(2027, 1, 18)


def test_the_calendar_opens_on_the_season_start_until_the_season_has_begun():
    assert default_day(dt.date(2026, 11, 24), SEASON_MONDAY) == SEASON_MONDAY
    assert default_day(dt.date(2027, 2, 3), SEASON_MONDAY) == dt.date(2027, 2, 3)
    assert default_day(dt.date(2026, 11, 24), None) == dt.date(2026, 11, 24)


def test_sessions_follow_the_terms_and_skip_easter_monday(season_and_plan):
    season, plan = season_and_plan
    sessions = sessions_of(series_of(season, plan, sorted(plan.placement)))

    assert len(sessions) == expected_sessions(
        season, plan, dt.date(2027, 1, 1), dt.date(2027, 12, 31)
    )
    assert not between(sessions, dt.date(2027, 3, 29), dt.date(2027, 3, 29))  # Easter Monday


# --- the page ---


def test_the_first_week_of_the_season_lists_every_session_that_meets_in_it(
    planned_url, season_and_plan
):
    season, plan = season_and_plan
    at = open_calendar()

    friday = SEASON_MONDAY + dt.timedelta(days=4)
    expected = expected_sessions(season, plan, SEASON_MONDAY, friday)
    assert at.date_input(key="cal_day").value == SEASON_MONDAY  # today is before the season
    assert at.subheader[0].value == "Viikko 2: 11.1.2027 – 15.1.2027"
    shown = events(at)
    assert len(shown) == expected == 10
    assert all(SEASON_MONDAY <= day <= friday for day, _ in shown)
    assert t("calpage.sessions", "fi", n=expected) in [c.value for c in at.caption]

    at.button(key="cal_next").click()
    rerun(at)
    week_two = expected_sessions(
        season, plan, SEASON_MONDAY + dt.timedelta(weeks=1), friday + dt.timedelta(weeks=1)
    )
    assert len(events(at)) == week_two > len(shown)


def test_a_thursday_group_skips_ascension_day_in_the_month_view_of_may_2027(spring_url):
    at = open_calendar()
    at.segmented_control(key="cal_view").set_value("month")
    at.date_input(key="cal_day").set_value(dt.date(2027, 5, 1))
    rerun(at)

    assert at.subheader[0].value == "Toukokuu 2027"
    thursdays = sorted(day for day, group_id in events(at) if group_id == "G-014")
    assert thursdays == [dt.date(2027, 5, 13), dt.date(2027, 5, 20), dt.date(2027, 5, 27)]
    assert ASCENSION not in {day for day, _ in events(at)}
    tip = next(b.help for b in at.button if b.key == "cal_ev_2027-05-13_G-014")
    with Store.open(spring_url) as store:
        season, plan = store.load_season(), store.load_plan()
    g014 = season.group["G-014"]
    assert len(plan.members["G-014"]) == g014.max_size == 10  # the sample fills it
    venue = season.venue[plan.placement["G-014"].venue_id].name
    assert tip == f"16:30–19:00 · {venue} · {t('calpage.full', 'fi', size=10)}"
    assert any("Helatorstai" in m.value for m in at.markdown)
    heads = [m.value for m in at.markdown if m.value.strip("*") in {"Ma", "Ti", "Ke", "To", "Pe"}]
    assert heads == ["**Ma**", "**Ti**", "**Ke**", "**To**", "**Pe**"]


def test_filters_reduce_the_events_to_the_groups_that_match(planned_url, season_and_plan):
    season, plan = season_and_plan
    at = open_calendar()
    everything = events(at)

    at.multiselect(key="cal_municipalities_fi").set_value(["078"])  # Hanko
    rerun(at)
    in_hanko = events(at)
    assert 0 < len(in_hanko) < len(everything)
    assert {season.group[g].municipality for _, g in in_hanko} == {"078"}

    at.multiselect(key="cal_municipalities_fi").set_value([])
    at.multiselect(key="cal_kinds_fi").set_value(["process"])
    rerun(at)
    assert {season.group[g].kind for _, g in events(at)} == {"process"}

    at.multiselect(key="cal_kinds_fi").set_value([])
    at.radio(key="cal_by").set_value("leader")
    rerun(at)
    assert events(at) == []  # no leader picked yet
    at.selectbox(key="cal_leader").set_value("S-001")
    rerun(at)
    led = events(at)
    assert led and all("S-001" in plan.placement[g].leaders for _, g in led)


def test_swedish_shows_swedish_headings_days_and_group_names(planned_url, season_and_plan):
    season, _ = season_and_plan
    at = open_calendar("sv")

    assert at.title[0].value == "Gruppkalender"
    assert at.subheader[0].value == "Vecka 2: 11.1.2027 – 15.1.2027"
    assert "**Må 11.1.**" in [m.value for m in at.markdown]
    labels = {b.key: b.label for b in at.button}
    assert labels["cal_ev_2027-01-11_G-001"] == season.group["G-001"].display_name("sv")
    assert labels["cal_ev_2027-01-11_G-001"] == "Naturgrupp – Hangö"
    assert at.multiselect(key="cal_municipalities_sv").label == "Kommun"
    assert t("calpage.seats_plan", "sv") in [c.value for c in at.caption]


def test_switching_language_keeps_the_filters_and_the_week(planned_url):
    at = open_calendar()
    at.multiselect(key="cal_municipalities_fi").set_value(["078"])
    at.button(key="cal_next").click()
    rerun(at)
    in_hanko = events(at)
    at.segmented_control(key="lang").set_value("sv")
    rerun(at)

    assert at.multiselect(key="cal_municipalities_sv").value == ["078"]
    assert {"Hangö", "Raseborg", "Esbo"} <= set(at.multiselect(key="cal_municipalities_sv").options)
    assert at.subheader[0].value.startswith("Vecka 3:")
    assert events(at) == in_hanko
    assert at.radio(key="cal_by").options == ["Utbudet", "Handledare", "Lokal"]


def test_an_empty_store_says_there_is_no_season(sqlite_url, monkeypatch):
    monkeypatch.setenv("PLANNER_DB_URL", sqlite_url)
    at = open_calendar("en")

    assert at.info[0].value == t("calpage.no_season", "en")
    assert not events(at)


def test_the_ics_download_holds_the_filtered_view_in_the_chosen_language(
    planned_url, downloads, season_and_plan
):
    season, plan = season_and_plan
    at = open_calendar("sv")
    at.multiselect(key="cal_municipalities_sv").set_value(["078"])
    rerun(at)

    button = at.download_button(key="cal_download")
    assert button.label == t("calpage.download", "sv")
    cal = icalendar.Calendar.from_ical(downloads["sosku-offering.ics"])
    summaries = {str(e["summary"]) for e in cal.walk("VEVENT")}
    assert "Naturgrupp – Hangö" in summaries
    assert str(cal["x-wr-calname"]) == "Sosku-grupper – Hangö"
    in_hanko = {g for g in plan.placement if season.group[g].municipality == "078"}
    uids = {"-".join(str(e["uid"]).split("-")[1:3]) for e in cal.walk("VEVENT")}
    assert uids == in_hanko
    assert {g for _, g in events(at)} <= in_hanko


def test_picking_an_event_shows_the_group_and_leads_to_the_find_page(published_url, downloads):
    at = open_calendar("en")
    at.button(key="cal_ev_2027-01-11_G-001").click()
    rerun(at)

    assert at.subheader[0].value == "G-001 · Luontoryhmä – Hanko"
    details = at.markdown[0].value
    assert "Monday 11:00–14:00" in details and "Term 11.1.2027 – 1.3.2027, 8 sessions" in details
    assert t("calpage.seats_live", "en") in [c.value for c in at.caption]
    assert "sosku-G-001.ics" in downloads

    at.button(key="cal_enrol").click()
    rerun(at)
    assert at.title[0].value == t("find.title", "en")
    assert at.session_state["find_group"] == "G-001"
    assert at.query_params["group"] == "G-001"


def test_subscribing_creates_a_feed_and_shows_its_https_and_webcal_links(planned_url):
    with Store.open(planned_url) as store:
        before = len(list_feeds(store))
    at = open_calendar("en")
    at.multiselect(key="cal_languages_en").set_value(["sv"])
    rerun(at)
    at.button(key="cal_subscribe").click()
    rerun(at)

    with Store.open(planned_url) as store:
        feeds = list_feeds(store)
    assert len(feeds) == before + 1
    assert (feeds[0].kind, feeds[0].lang, feeds[0].filters.languages) == ("offering", "en", ("sv",))
    links = [c.value for c in at.code]
    assert links[0].startswith("http") and links[0].endswith(".ics")
    assert links[1].startswith("webcal://") and links[1].endswith(".ics")
    assert at.success[0].value == t("calpage.subscribe_done", "en", id=feeds[0].id)


@pytest.mark.parametrize(
    ("base", "label", "note"),
    [
        ("http://127.0.0.1:8502", "calpage.http_link", "calpage.http_note"),
        ("https://kalenteri.example.fi", "calpage.https_link", "calpage.outlook_note"),
    ],
)
def test_the_links_label_says_https_only_above_an_https_address(
    planned_url, monkeypatch, base, label, note
):
    monkeypatch.setenv("PLANNER_FEED_URL", base)
    at = open_calendar("sv")
    at.button(key="cal_subscribe").click()
    rerun(at)

    assert at.code[0].value.startswith(base + "/ics/")
    said = [m.value for m in at.markdown]
    assert t(label, "sv") in said
    assert t(note, "sv") in [c.value for c in at.caption]
    if base.startswith("http:"):
        assert not any("https" in text for text in said)


def test_no_client_code_appears_on_the_page_or_in_its_calendars(
    published_url, season_and_plan, downloads
):
    season, _ = season_and_plan
    at = open_calendar("en")
    at.button(key="cal_ev_2027-01-12_G-017").click()  # P-06's group
    rerun(at)
    at.segmented_control(key="cal_view").set_value("month")
    rerun(at)

    shown = page_texts(at) + "\n".join(body.decode() for body in downloads.values())
    # The page shows what it should (the picked group, by name), and no client code with it.
    assert season.group["G-017"].display_name("en") in shown
    assert [c.client_code for c in season.clients if c.client_code in shown] == []


def test_a_leaders_download_counts_the_live_participants_on_site_and_remote(
    published_url, season_and_plan, downloads
):
    """Counts come from where the page's seats come from: the live offering. One of the
    hybrid group's remote participants leaves before the page opens, and the count follows."""
    season, plan = season_and_plan
    hybrid = "G-038"
    leader = plan.placement[hybrid].leaders[0]
    assert season.group[hybrid].mode == "hybrid"
    with Store.open(published_url) as store:
        live = Enrolments(store)
        remote = live.remote_participants(hybrid)
        on_site = len(live.participants(hybrid)) - len(remote)
        assert remote, "the sample's hybrid group has remote participants"
        assert live.cancel(hybrid, remote[0], actor="test").ok
        assert live.participation()[hybrid] == (on_site, len(remote) - 1)
    at = open_calendar("sv")
    at.radio(key="cal_by").set_value("leader")
    rerun(at)
    at.selectbox(key="cal_leader").set_value(leader)
    rerun(at)

    body = downloads[f"sosku-leader-{leader}.ics"]
    event = next(
        e
        for e in icalendar.Calendar.from_ical(body).walk("VEVENT")
        if str(e["URL"]).endswith(f"={hybrid}") and "RECURRENCE-ID" not in e
    )
    lines = str(event["DESCRIPTION"]).split("\n")
    assert f"Deltagare: {on_site} på plats, {len(remote) - 1} på distans" in lines
    assert any(
        line.startswith("Man kan delta i gruppen på plats eller på distans") for line in lines
    )
    assert [c.client_code for c in season.clients if c.client_code in body.decode()] == []


def test_a_season_without_a_plan_points_to_planning(tmp_path, monkeypatch):
    url = prepare_demo_store(f"sqlite:///{tmp_path / 'demo.sqlite3'}")
    monkeypatch.setenv("PLANNER_DB_URL", url)
    at = open_calendar()

    assert at.info[0].value.startswith(t("find.no_plan", "fi", season="x").split("x")[0])
    assert not events(at)


# --- in a real browser ---


@pytest.fixture
def app_with_plan(published_db: Path, tmp_path: Path) -> Iterator[str]:
    """The real app serving a copy of the published store; stopped whatever happens."""
    db = tmp_path / "planner.sqlite3"
    shutil.copy(published_db, db)
    yield from test_browser.serve(f"sqlite:///{db}", tmp_path)


@pytest.mark.browser
def test_in_a_browser_the_calendar_shows_the_first_week_and_a_picked_groups_details(
    chromium, app_with_plan, tmp_path
):
    from playwright.sync_api import expect, sync_playwright

    viewport = test_browser.VIEWPORT
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport=viewport)
            page.goto(f"{app_with_plan}/calendar", wait_until="domcontentloaded")
            heading = page.get_by_role("heading", name=t("calpage.title", "fi"))
            expect(heading).to_be_visible(timeout=30_000)
            expect(page.get_by_role("heading", name="Viikko 2: 11.1.2027")).to_be_visible(
                timeout=15_000
            )
            event = page.get_by_role("button", name="Luontoryhmä – Hanko")
            expect(event.first).to_be_visible()
            event.first.click()
            expect(page.get_by_role("heading", name="G-001 · Luontoryhmä – Hanko")).to_be_visible(
                timeout=15_000
            )
            expect(page.get_by_role("button", name=t("calpage.enrol", "fi"))).to_be_visible()
            height = page.get_by_test_id("stMain").evaluate("main => main.scrollHeight")
            page.set_viewport_size({"width": viewport["width"], "height": max(height, 600)})
            settled(page)
            shot = tmp_path / "calendar_page.png"
            page.screenshot(path=str(shot), full_page=True)
            page.get_by_text(t("calpage.view.month", "fi"), exact=True).click()
            expect(page.get_by_role("heading", name="Tammikuu 2027")).to_be_visible(timeout=15_000)
            settled(page)
            month = tmp_path / "calendar_page_month.png"
            page.screenshot(path=str(month), full_page=True)
        finally:
            browser.close()

    assert shot.stat().st_size > 10_000
    for_humans = REPO / "test-output" / "calendar_page.png"
    for_humans.parent.mkdir(exist_ok=True)
    shutil.copy(shot, for_humans)
    shutil.copy(month, for_humans.with_name("calendar_page_month.png"))


def test_the_page_s_download_is_byte_for_byte_the_command_line_s(published_url, downloads):
    from planner.calendar import CalendarOptions, Selection, calendar_from_store

    open_calendar("sv")
    with Store.open(published_url) as store:
        cli = calendar_from_store(store, Selection("offering"), CalendarOptions(lang="sv"))
    assert downloads["sosku-offering.ics"] == cli.body
