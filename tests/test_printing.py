"""The printed sheets (`planner.printing`): the work car's run sheet, a leader's week and a
group's participant list as A4 PDFs that parse back with their rows in the page's language,
the header row on every page and no row cut across pages; their download buttons on My
groups and the routes page, and `planner pickups --pdf`."""

from __future__ import annotations

import datetime as dt
import io
import shutil
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from planner.cli.main import main
from planner.i18n import WEEKDAY_CODES, t
from planner.model import Plan, Season
from planner.printing import (
    Sheet,
    leader_week_pdf,
    participant_list_pdf,
    run_sheet_pdf,
    sheet_pdf,
    week_sessions,
)
from planner.printing.pdf import latin1
from planner.printing.sheet import week_monday
from planner.routing.pickups import Run, Stop, Vehicle
from planner.store import DatedChange, Enrolments, Store
from planner.ui import common

REPO = Path(__file__).resolve().parents[1]
APP = str(REPO / "app.py")
TIMEOUT_S = 60
A4_MM = (210, 297)


def pages(pdf: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(pdf))
    return [page.extract_text() for page in reader.pages]


def page_size_mm(pdf: bytes) -> tuple[int, int]:
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    return round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)


@pytest.fixture(scope="module")
def live(published_db: Path) -> tuple[Season, Plan, str, list[str], list[str], int]:
    """The published sample: its season and plan, and a group with participants."""
    with Store.open(f"sqlite:///{published_db}") as store:
        season, plan = store.load_season(), store.load_plan()
        enrolments = Enrolments(store)
        group_id = next(p.group_id for p in plan.placements if enrolments.participants(p.group_id))
        participants = enrolments.participants(group_id)
        remote = enrolments.remote_participants(group_id)
        waiting = len(enrolments.waiting_list(group_id))
    assert season is not None and plan is not None
    return season, plan, group_id, participants, remote, waiting


# --- the participant list ---


@pytest.mark.parametrize(
    ("lang", "header", "on_site"),
    [("fi", "Asiakaskoodi", "paikan päällä"), ("sv", "Klientkod", "på plats")],
)
def test_the_participant_list_carries_every_participant_by_code_in_the_pages_language(
    live, lang, header, on_site
):
    season, plan, group_id, participants, remote, waiting = live
    pdf = participant_list_pdf(season, plan, group_id, participants, remote, waiting, lang)
    assert page_size_mm(pdf) == A4_MM
    [text] = pages(pdf)
    assert latin1(season.group[group_id].display_name(lang)) in text
    assert header in text and t("print.col.present", lang) in text
    for i, code in enumerate(participants, 1):
        if code not in remote:
            assert f"{i} {code} {on_site}" in text
    names = [c.client_code for c in season.clients]
    assert all(code in names for code in participants)
    assert PdfReader(io.BytesIO(pdf)).metadata.title.startswith(group_id)


def test_a_long_list_spans_pages_with_the_header_on_each_and_no_row_cut(live):
    season, plan, group_id, _, _, _ = live
    codes = [f"C-{n:05d}" for n in range(1, 151)]
    pdf = participant_list_pdf(season, plan, group_id, codes, codes[::7], 0, "sv")
    texts = pages(pdf)
    assert len(texts) >= 3
    header = "Nr Klientkod Deltar Närvarande"
    assert all(header in page for page in texts), "the header row repeats on every page"
    for i, code in enumerate(codes, 1):
        mode = "på distans" if code in codes[::7] else "på plats"
        holding = [p for p in texts if f"{i} {code} {mode}" in p.splitlines()]
        assert len(holding) == 1, f"row {i} is whole on exactly one page"
    assert all(f"sida {n}/{len(texts)}" in page for n, page in enumerate(texts, 1))


def test_a_row_of_several_lines_is_never_split_across_pages() -> None:
    middle = "Hangon kaupunginkirjasto, Vuorikatu 3, sisäänkäynti pihan puolelta " * 3
    rows = tuple((str(i), f"start{i} {middle} end{i}", f"C-{i:05d}") for i in range(1, 60))
    sheet = Sheet("Tall rows", (), ("#", "Place", "Clients"), rows, "fi", (0.4, 4.0, 1.0))
    texts = pages(sheet_pdf(sheet))
    assert len(texts) > 1
    for i in range(1, 60):
        [page] = [p for p in texts if f"start{i} " in p]
        assert f" end{i}" in page, f"row {i} begins and ends on the same page"


# --- a leader's week ---


def test_a_leaders_week_lists_their_sessions_with_cancels_and_moves(live):
    season, plan, group_id, _, _, _ = live
    p = plan.placement[group_id]
    leader = p.leaders[0]
    theirs = [q.group_id for q in plan.placements if leader in q.leaders]
    group = season.group[group_id]
    first = group.start_date + dt.timedelta(days=(p.weekday - group.start_date.weekday()) % 7)
    monday = week_monday(first)
    second_week = monday + dt.timedelta(weeks=1)
    moved_to = dt.datetime.combine(second_week + dt.timedelta(days=(p.weekday + 1) % 5), dt.time(8))
    changes = (
        DatedChange(id=1, kind="cancel", group_id=group_id, session_date=first),
        DatedChange(
            id=2,
            kind="move",
            group_id=group_id,
            session_date=first + dt.timedelta(weeks=1),
            new_start=moved_to,
        ),
    )
    assert group_id in {s.group_id for s in week_sessions(season, plan, theirs, monday)}
    assert group_id not in {
        s.group_id for s in week_sessions(season, plan, theirs, monday, changes)
    }
    [moved] = [s for s in week_sessions(season, plan, theirs, second_week, changes)
               if s.group_id == group_id]  # fmt: skip
    assert (moved.day, moved.start) == (moved_to.date(), 8 * 60)
    assert moved.end - moved.start == p.end - p.start

    sessions = week_sessions(season, plan, theirs, second_week, changes)
    counts = {s.group_id: (4, 1) for s in sessions}
    fi = pages(leader_week_pdf(season, plan, leader, second_week, sessions, counts, "fi"))
    sv = pages(leader_week_pdf(season, plan, leader, second_week, sessions, counts, "sv"))
    week = second_week.isocalendar().week
    assert f"Viikko {week}: {season.person[leader].name}" in fi[0]
    assert f"Vecka {week}: {season.person[leader].name}" in sv[0]
    assert "Päivä Aika Ryhmä Paikka Osallistujia (etänä)" in fi[0]
    assert "Dag Tid Grupp Plats Deltagare (på distans)" in sv[0]
    assert "08:00-" in fi[0] and "5 (1)" in fi[0]
    for s in sessions:
        assert s.group_id in fi[0]


def test_a_week_without_sessions_says_so() -> None:
    from toys import toy_plan, toy_season

    season = toy_season()
    plan = toy_plan()
    leader = plan.placements[0].leaders[0]
    monday = dt.date(2030, 6, 3)
    [text] = pages(leader_week_pdf(season, plan, leader, monday, [], {}, "sv"))
    assert t("print.week.none", "sv") in text


def test_the_week_to_print_is_this_week_or_from_saturday_the_next() -> None:
    assert week_monday(dt.date(2027, 1, 13)) == dt.date(2027, 1, 11)
    assert week_monday(dt.date(2027, 1, 16)) == dt.date(2027, 1, 18)


# --- the run sheet ---


def sample_run(season: Season) -> Run:
    venue = season.venues[0].venue_id
    home = season.postal_areas[0].postal_code
    stops = (
        Stop("pickup", home, 9 * 60 + 30, ("C-00011", "C-00012")),
        Stop("dropoff", venue, 10 * 60, ("C-00011", "C-00012")),
    )
    return Run(Vehicle("minibus-1", 8, venue), 2, stops, 12.5, 70, 9 * 60 + 10, None)


@pytest.mark.parametrize(
    ("lang", "title", "pickup", "home"),
    [
        ("fi", "Ajolista: minibus-1, keskiviikko", "Nouto", "Koti"),
        ("sv", "Körlista: minibus-1, onsdag", "Hämtning", "Hem"),
    ],
)
def test_the_run_sheet_lists_each_stop_in_the_pages_language(live, lang, title, pickup, home):
    season = live[0]
    run = sample_run(season)
    [text] = pages(run_sheet_pdf(season, run, lang))
    area = season.postal_areas[0]
    assert title in text
    assert (
        f"1 09:30 {pickup} {home}, {area.postal_code} {latin1(area.name(lang))} C-00011, C-00012"
        in text
    )
    assert latin1(season.venues[0].display_name(lang)) in text
    assert t("print.run_sheet.no_driver", lang) in text


def test_several_runs_print_each_from_a_page_of_its_own(live):
    season = live[0]
    run = sample_run(season)
    other = Run(
        run.vehicle, 4, run.stops, run.km, run.minutes, run.depart, season.staff[0].staff_id
    )
    texts = pages(run_sheet_pdf(season, [run, other], "en"))
    assert len(texts) == 2
    assert "Run sheet: minibus-1, Wednesday" in texts[0] and "Friday" in texts[1]
    assert f"Driver: {season.staff[0].name}" in texts[1]
    assert "Run sheet: minibus-1, Wednesday · page 1 of 2" in texts[0]


def test_planner_pickups_writes_the_run_sheets_as_a_pdf(published_db, tmp_path, capsys):
    path = tmp_path / "runs.pdf"
    url = f"sqlite:///{published_db}"
    code = main(
        ["pickups", "--db", url, "--seconds-per-day", "0.3", "--pdf", str(path), "--lang", "sv"]
    )
    out = capsys.readouterr().out
    assert code == 0 and f"Wrote the run sheets to {path}" in out
    texts = pages(path.read_bytes())
    assert texts and all(text.startswith("Körlista: ") for text in texts)
    assert all("Ordning Tid Händelse Plats" in text for text in texts)


# --- the download buttons ---


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    """What the page's download buttons carry, by file name."""
    caught: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def spy(self: Any, path_or_data: Any, mimetype: str, kind: Any, filename: str | None = None):
        if filename and isinstance(path_or_data, bytes):
            caught[filename] = path_or_data
        return original(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", spy)
    return caught


def test_my_groups_offers_the_participant_list_and_the_week_as_pdf(
    published_db, live, tmp_path, monkeypatch, downloads
):
    season, plan, group_id, participants, _, _ = live
    path = tmp_path / "planner.sqlite3"
    shutil.copy(published_db, path)
    monkeypatch.setenv("PLANNER_DB_URL", f"sqlite:///{path}")
    monkeypatch.setenv("PLANNER_TODAY", "2027-02-03")
    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S).run()
    at.segmented_control(key="lang").set_value("sv").run()
    at.switch_page(common.PAGE_FILES["groups"]).run()
    at.selectbox(key="groups_group").set_value(group_id).run()
    assert not at.exception, [e.value for e in at.exception]

    listing = at.download_button(key="print_list")
    week = at.download_button(key="print_week")
    assert listing.label == t("print.download_list", "sv")
    assert week.label == t("print.download_week", "sv")
    [text] = pages(downloads[f"sosku-participants-{group_id}.pdf"])
    assert all(code in text for code in participants)
    leader = plan.placement[group_id].leaders[0]
    week_text = "\n".join(pages(downloads[f"sosku-week-{leader}-2027-02-01.pdf"]))
    assert f"Vecka 5: {season.person[leader].name}" in week_text
    assert group_id in week_text


def test_the_routes_page_offers_the_run_sheet_shown_as_pdf(
    planned_db, tmp_path, monkeypatch, downloads
):
    from planner.ui.map_page import COMPUTE_KEY, SECONDS_ENV, SHEET_DAY_KEY, SHEET_VEHICLE_KEY

    path = tmp_path / "planner.sqlite3"
    shutil.copy(planned_db, path)
    monkeypatch.setenv("PLANNER_DB_URL", f"sqlite:///{path}")
    monkeypatch.setenv(SECONDS_ENV, "0.3")
    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S).run()
    at.segmented_control(key="lang").set_value("sv").run()
    at.switch_page("planner/ui/map_page.py").run()
    at.button(key=COMPUTE_KEY).click().run()  # the work car's runs are computed on the button
    assert not at.exception, [e.value for e in at.exception]

    button = at.download_button(key="print_run_sheet")
    assert button.label == t("print.download_run_sheet", "sv")
    vehicle = at.selectbox(key=SHEET_VEHICLE_KEY).value
    day = at.selectbox(key=SHEET_DAY_KEY).value
    [(name, pdf)] = [(n, b) for n, b in downloads.items() if n.startswith("sosku-run-")]
    assert vehicle in name
    [text] = pages(pdf)
    assert text.startswith(f"Körlista: {vehicle}, {t(f'weekday.{WEEKDAY_CODES[day]}', 'sv')}")


@pytest.mark.browser
def test_the_browsers_own_print_leaves_out_the_sidebar_and_the_header(
    chromium, published_db, tmp_path
):
    import test_browser
    from appserver import CHROMIUM_ARGS
    from page_ready import settled
    from playwright.sync_api import expect, sync_playwright

    db = tmp_path / "planner.sqlite3"
    shutil.copy(published_db, db)
    served = test_browser.serve(f"sqlite:///{db}", tmp_path)
    url = next(served)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
            try:
                page = browser.new_page(viewport=test_browser.VIEWPORT)
                page.goto(f"{url}/groups?lang=fi", wait_until="domcontentloaded")
                settled(page)
                sidebar = page.get_by_test_id("stSidebar")
                download = page.get_by_role("button", name=t("print.download_list", "fi"))
                expect(sidebar).to_be_visible()
                expect(download).to_be_visible()
                page.emulate_media(media="print")
                expect(sidebar).to_be_hidden()
                expect(page.get_by_test_id("stHeader")).to_be_hidden()
                expect(download).to_be_hidden()
                expect(page.get_by_role("heading", name=t("groups.title", "fi"))).to_be_visible()
            finally:
                browser.close()
    finally:
        served.close()
