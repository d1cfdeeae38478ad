"""The routes page, driven headless with AppTest over a demo store with a first-fit plan."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from page_ready import settled
from streamlit.testing.v1 import AppTest

from planner.baseline import greedy_plan
from planner.i18n import CATALOGUE, t
from planner.model import Plan, Season
from planner.plan_figures import staff_days
from planner.routing.pickups import PickupParams, Run, plan_pickups
from planner.routing.reimburse import group_travel
from planner.store import Store
from planner.ui.map_page import (
    COMPUTE_KEY,
    DAY_KEY,
    SECONDS_ENV,
    SHEET_DAY_KEY,
    SHEET_VEHICLE_KEY,
    TRAVEL_CLIENT_KEY,
    TRAVEL_GROUP_KEY,
    WHO_KEY,
)
from planner.ui.route_maps import run_sheet, staff_name

REPO = Path(__file__).resolve().parents[1]
APP = str(REPO / "app.py")
MAP_PAGE = "planner/ui/map_page.py"
TIMEOUT_S = 60
SECONDS = 0.3
SUMMARY = {"status": "FEASIBLE", "objective": -1.0, "best_bound": -2.0, "wall_s": 0.4}


@pytest.fixture(scope="module")
def planned_db(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("routes_planned") / "planned.sqlite3"
    shutil.copy(demo_db, path)
    with Store.open(f"sqlite:///{path}") as store:
        season = store.load_season()
        assert season is not None
        store.save_plan(greedy_plan(season), SUMMARY, actor="test")
    return path


@pytest.fixture(scope="module")
def stored(planned_db: Path) -> tuple[Season, Plan]:
    with Store.open(f"sqlite:///{planned_db}") as store:
        season, plan = store.load_season(), store.load_plan()
    assert season is not None and plan is not None
    return season, plan


@pytest.fixture(scope="module")
def runs(stored: tuple[Season, Plan]) -> list[Run]:
    season, plan = stored
    return list(plan_pickups(season, plan, params=PickupParams(seconds_per_day=SECONDS)).runs)


def use(db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "planner.sqlite3"
    shutil.copy(db, path)
    monkeypatch.setenv("PLANNER_DB_URL", f"sqlite:///{path}")
    monkeypatch.setenv(SECONDS_ENV, str(SECONDS))


def open_page(lang: str = "fi", compute: bool = True) -> AppTest:
    """The routes page; `compute`: press "Compute the routes" when the runs are not stored."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S).run()
    if lang != "fi":
        at.segmented_control(key="lang").set_value(lang).run()
    at.switch_page(MAP_PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    if compute and any(b.key == COMPUTE_KEY for b in at.button):
        at.button(key=COMPUTE_KEY).click().run()
        assert not at.exception, [e.value for e in at.exception]
    return at


def test_with_a_plan_the_page_draws_the_map_and_filtering_a_weekday_narrows_the_routes(
    planned_db, tmp_path, monkeypatch, stored
):
    season, plan = stored
    days = staff_days(season, plan)
    busiest = max(  # the map shows one person at a time: one who drives Mondays and more
        {d.staff_id for d in days if d.weekday == 0},
        key=lambda s: (sum(d.staff_id == s for d in days), s),
    )
    use(planned_db, tmp_path, monkeypatch)
    at = open_page()
    assert at.title[0].value == t("routes.title", "fi")
    assert at.get("deck_gl_json_chart"), "no pydeck chart on the page"
    at.selectbox(key=WHO_KEY).set_value(busiest).run()
    everyone = len(at.dataframe[0].value)
    assert everyone > 1

    at.selectbox(key=DAY_KEY).set_value(0).run()
    assert not at.exception
    monday = at.dataframe[0].value
    assert 0 < len(monday) < everyone
    assert set(monday[t("routes.col.weekday", "fi")]) == {"Maanantai"}

    subheaders = [s.value for s in at.subheader]
    assert t("routes.offices", "fi") in subheaders
    assert t("routes.allowance", "fi") in subheaders


def test_choosing_a_person_shows_only_their_routes(planned_db, tmp_path, monkeypatch, stored):
    season, plan = stored
    person = staff_days(season, plan)[0].staff_id
    use(planned_db, tmp_path, monkeypatch)
    at = open_page("en")
    at.selectbox(key=WHO_KEY).set_value(person).run()
    assert not at.exception
    staff = set(at.dataframe[0].value[t("routes.col.staff", "en")])
    assert staff == {staff_name(season, person)}


def test_the_run_sheet_shows_client_codes_and_never_names(
    planned_db, tmp_path, monkeypatch, stored, runs
):
    season, _ = stored
    use(planned_db, tmp_path, monkeypatch)
    at = open_page()
    assert runs, "the sample's first-fit plan has riders: the work car has runs"
    vehicle = at.selectbox(key=SHEET_VEHICLE_KEY).value
    day = at.selectbox(key=SHEET_DAY_KEY).value
    shown = next(d.value for d in at.dataframe if t("routes.col.clients", "fi") in d.value.columns)
    codes = {c.client_code for c in season.clients}
    listed = {c for cell in shown[t("routes.col.clients", "fi")] for c in cell.split(", ") if c}
    assert listed and listed <= codes
    text = shown.to_string()
    for person in season.staff:
        assert person.name not in text
    assert vehicle and day is not None


def test_run_sheet_lists_stops_in_order_with_codes_only(stored, runs):
    season, _ = stored
    assert runs, "the sample's first-fit plan has riders: the work car has runs"
    sheet = run_sheet(season, runs[0], "en")
    assert list(sheet[t("routes.col.order", "en")]) == list(range(1, len(runs[0].stops) + 1))
    assert set(sheet[t("routes.col.action", "en")]) <= {"Pick-up", "Drop-off"}


def test_clients_met_at_a_hub_are_listed_by_code_with_their_own_trip(
    planned_db, tmp_path, monkeypatch, stored
):
    season, _ = stored
    use(planned_db, tmp_path, monkeypatch)
    at = open_page("en")
    # The runs the page computed and stored (a time-limited search: another run may differ).
    from planner.routing.stored_runs import pickups_from
    from planner.store.route_cache import RouteCache

    with Store.open(os.environ["PLANNER_DB_URL"]) as store:
        shown = pickups_from(RouteCache(store).get(store.plan_summary()["id"], SECONDS))
    assert shown is not None, "the page stored the runs it computed"
    met = shown.meeting_points
    tables = [d.value for d in at.dataframe if t("routes.col.hub", "en") in d.value.columns]
    if not met:
        assert not tables
        return
    [table] = tables
    codes = {c.client_code for c in season.clients}
    assert set(table[t("routes.col.clients", "en")]) <= codes
    assert all(0 < m <= 30 for m in table[t("routes.col.own_minutes", "en")])
    assert set(table[t("routes.col.leg", "en")]) <= {
        t("routes.leg.to", "en"),
        t("routes.leg.from", "en"),
    }


def test_rides_the_cars_cannot_give_are_listed_with_reasons_in_the_pages_language(
    planned_db, tmp_path, monkeypatch, stored
):
    season, plan = stored
    dropped = plan_pickups(season, plan, params=PickupParams(seconds_per_day=SECONDS)).dropped
    assert dropped, "the sample's two default cars cannot give every ride"
    use(planned_db, tmp_path, monkeypatch)
    at = open_page("sv")
    [table] = [d.value for d in at.dataframe if t("routes.col.reason", "sv") in d.value.columns]
    assert set(table[t("routes.col.clients", "sv")]) <= {c.client_code for c in season.clients}
    swedish = tuple(
        texts["sv"].split("{")[0]
        for key, texts in CATALOGUE.items()
        if key.startswith("routing.drop.")
    )
    assert all(reason.startswith(swedish) for reason in table[t("routes.col.reason", "sv")])


def test_a_clients_cheapest_reasonable_way_to_a_group_is_shown_with_its_cost(
    planned_db, tmp_path, monkeypatch, stored
):
    season, plan = stored
    code, group = next(
        (c, g)
        for c, g in sorted(plan.participants)
        if season.client[c].travel == "transit" and plan.placement[g].venue_id
    )
    use(planned_db, tmp_path, monkeypatch)
    at = open_page("en")
    at.selectbox(key=TRAVEL_CLIENT_KEY).set_value(code).run()
    at.selectbox(key=TRAVEL_GROUP_KEY).set_value(group).run()
    assert not at.exception, [e.value for e in at.exception]
    [table] = [d.value for d in at.dataframe if t("routes.col.eur_session", "en") in d.value]
    advice = group_travel(season, plan, code, group, work_car=False)
    assert advice is not None
    assert t("routes.mode.ride", "en") not in set(table[t("routes.col.mode", "en")])
    assert list(table[t("routes.col.eur_session", "en")]) == [o.eur for o in advice.options]
    assert table[t("routes.col.mode", "en")].iloc[0] == t(
        f"routes.mode.{advice.options[0].mode}", "en"
    )
    if advice.recommended is not None:
        assert f"{advice.recommended.eur:.2f} €" in at.success[0].value
    text = table.to_string()
    assert all(c.client_code not in text for c in season.clients)  # the code is only picked


@pytest.mark.browser
def test_the_routes_page_renders_in_a_browser_with_map_and_run_sheet(
    chromium, planned_db, tmp_path, monkeypatch
):
    import test_browser
    from appserver import CHROMIUM_ARGS
    from playwright.sync_api import expect, sync_playwright

    db = tmp_path / "planner.sqlite3"
    shutil.copy(planned_db, db)
    monkeypatch.setenv(SECONDS_ENV, str(SECONDS))
    served = test_browser.serve(f"sqlite:///{db}", tmp_path)
    url = next(served)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
            try:
                page = browser.new_page(viewport=test_browser.VIEWPORT)
                page.goto(f"{url}/map?lang=sv", wait_until="domcontentloaded")
                heading = page.get_by_role("heading", name=t("routes.title", "sv"))
                expect(heading).to_be_visible(timeout=60_000)
                expect(page.get_by_role("heading", name=t("routes.runsheet", "sv"))).to_be_visible(
                    timeout=60_000
                )
                compute = page.get_by_role("button", name=t("routes.compute", "sv"))
                compute.click()  # the work car's runs, solved once and stored
                expect(compute).to_have_count(0, timeout=60_000)
                expect(
                    page.get_by_role("button", name=t("print.download_run_sheet", "sv"))
                ).to_be_visible(timeout=60_000)
                expect(page.locator("canvas").first).to_be_visible(timeout=30_000)
                expect(page.get_by_test_id("stDataFrame").first).to_be_visible()
                settled(page)
                page.screenshot(path=str(tmp_path / "map_sv.png"), full_page=True)
            finally:
                browser.close()
    finally:
        served.close()
    assert (tmp_path / "map_sv.png").stat().st_size > 10_000


def test_swedish_switches_the_labels(planned_db, tmp_path, monkeypatch):
    use(planned_db, tmp_path, monkeypatch)
    at = open_page("sv")
    assert at.title[0].value == t("routes.title", "sv")
    assert at.selectbox(key=DAY_KEY).label == t("routes.weekday", "sv")
    assert t("routes.col.staff", "sv") in at.dataframe[0].value.columns


def test_without_a_plan_the_page_says_so(demo_db, tmp_path, monkeypatch):
    use(demo_db, tmp_path, monkeypatch)
    at = open_page("en")
    assert [i.value for i in at.info] == [t("routes.no_plan", "en")]
    assert not at.get("deck_gl_json_chart")


def test_the_route_maps_labels_and_tips_use_the_venues_swedish_names(stored, runs) -> None:
    from planner.ui.route_maps import route_map

    season, plan = stored
    days = staff_days(season, plan)
    texts = {
        str(row.get(field, ""))
        for layer in route_map(season, days, runs, "sv").layers
        for row in layer.data
        for field in ("name", "tip")
    }
    bases = {s.base_venue for s in season.staff}
    swedish = [season.venue[b] for b in bases if season.venue[b].name_sv not in ("", None)]
    swedish = [v for v in swedish if v.name_sv != v.name]
    assert swedish, "the sample has bases with a Swedish name"
    for venue in swedish:
        assert venue.name_sv in texts and venue.name not in texts


# --- the work car's runs: computed on a button, kept in the store by plan id ---


def count_routing(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the calls of the work car's routing solve (the page's `plan_pickups`)."""
    import planner.routing.pickups as pickups_module

    calls: list[int] = []
    real = pickups_module.plan_pickups

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(pickups_module, "plan_pickups", counted)
    return calls


def test_the_runs_wait_for_the_button_and_a_second_view_reads_them_from_the_store(
    planned_db, tmp_path, monkeypatch
):
    calls = count_routing(monkeypatch)
    use(planned_db, tmp_path, monkeypatch)
    first = open_page("en", compute=False)
    assert calls == [], "the page solved the runs before the button"
    assert t("routes.not_computed", "en") in [i.value for i in first.info]
    assert first.get("deck_gl_json_chart"), "the staff routes are drawn without the runs"
    first.button(key=COMPUTE_KEY).click().run()
    assert not first.exception, [e.value for e in first.exception]
    assert calls == [1]
    assert not any(b.key == COMPUTE_KEY for b in first.button), "the button stays after"
    assert t("routes.not_computed", "en") not in [i.value for i in first.info]
    assert first.selectbox(key=SHEET_VEHICLE_KEY).value

    second = open_page("en", compute=False)  # a new session: nothing in its memory
    assert calls == [1], "the second view solved the runs again"
    assert not any(b.key == COMPUTE_KEY for b in second.button)
    assert (
        second.selectbox(key=SHEET_VEHICLE_KEY).value
        == first.selectbox(key=SHEET_VEHICLE_KEY).value
    )


def test_stored_runs_read_back_equal_to_the_computed_ones(stored, runs):
    from planner.routing.stored_runs import pickups_from, pickups_record

    season, plan = stored
    pickups = plan_pickups(season, plan, params=PickupParams(seconds_per_day=SECONDS))
    assert pickups.runs and pickups.dropped
    import json

    record = json.loads(json.dumps(pickups_record(pickups)))  # as the store's JSON column
    assert pickups_from(record) == pickups
    assert pickups_from({**record, "version": 0}) is None


def test_many_people_the_map_shows_one_at_a_time(planned_db, tmp_path, monkeypatch, stored):
    from planner.ui.map_page import FEW_ON_MAP

    season, plan = stored
    people = {d.staff_id for d in staff_days(season, plan)}
    assert len(people) > FEW_ON_MAP, "the sample has more people than the map shows at once"
    use(planned_db, tmp_path, monkeypatch)
    at = open_page("sv")
    who = at.selectbox(key=WHO_KEY)
    assert t("routes.everyone", "sv") not in who.options and who.value
    assert len(set(at.dataframe[0].value[t("routes.col.staff", "sv")])) == 1
    vehicles = [o for o in who.options if o.startswith(t("routes.vehicle_named", "sv", id=""))]
    assert vehicles, "the cars are named in the page's language"


def test_runs_that_cannot_be_stored_are_still_shown(planned_db, tmp_path, monkeypatch):
    from planner.store import StoreError
    from planner.store.route_cache import RouteCache

    def refused(*args, **kwargs):
        raise StoreError("database is locked")

    monkeypatch.setattr(RouteCache, "put", refused)
    use(planned_db, tmp_path, monkeypatch)
    at = open_page("en")
    assert at.selectbox(key=SHEET_VEHICLE_KEY).value
