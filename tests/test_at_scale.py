"""The pages at scale: a season four times the sample (188 groups, 132 staff), planned
first-fit and published once for the module. The staff-load chart names every person, the
group calendar draws a page of groups with filters to narrow, the routes map one person."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from planner.baseline import greedy_plan
from planner.i18n import t
from planner.insight import season_insight
from planner.io import read_season
from planner.model import Plan, Season
from planner.plan_figures import staff_days
from planner.sample import write_season
from planner.store import Enrolments, Store
from planner.ui.calendar_views import PAGE_GROUPS

REPO = Path(__file__).resolve().parents[1]
APP = str(REPO / "app.py")
CALENDAR_PAGE = "planner/ui/calendar_page.py"
TIMEOUT_S = 120
SCALE = 4


@pytest.fixture(scope="module")
def big_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The scale-4 season in a store, its first-fit plan saved and published."""
    folder = tmp_path_factory.mktemp("scale")
    write_season(folder / "data", scale=SCALE)
    report = read_season(folder / "data")
    assert report.ok, report.errors[:3]
    path = folder / "big.sqlite3"
    with Store.open(f"sqlite:///{path}") as store:
        store.import_season(report.season, source="scale 4", actor="test")
        season = store.load_season()
        assert season is not None
        store.save_plan(greedy_plan(season), {"status": "FEASIBLE"}, actor="test")
        Enrolments(store).publish(actor="test")
    return path


@pytest.fixture(scope="module")
def big(big_db: Path) -> tuple[Season, Plan]:
    with Store.open(f"sqlite:///{big_db}") as store:
        season, plan = store.load_season(), store.load_plan()
    assert season is not None and plan is not None
    assert len(plan.placements) > 2 * PAGE_GROUPS, "the season is bigger than two pages"
    return season, plan


def use(db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "planner.sqlite3"
    shutil.copy(db, path)
    monkeypatch.setenv("PLANNER_DB_URL", f"sqlite:///{path}")


# --- the staff-load chart ---


def test_the_staff_load_chart_names_every_leading_person_with_a_row_each(big) -> None:
    from planner.ui.insight_charts import LOAD_LABEL_PX, LOAD_ROW_PX, load_chart

    season, plan = big
    insight = season_insight(season, plan, "sv")
    leading = insight.load.loc[insight.load["groups"] > 0]
    assert len(leading) > 50
    spec = load_chart(insight).to_dict()
    [rows] = spec["datasets"].values()
    people = {r["person"] for r in rows}
    assert len(people) == len(leading), "two people share a row"
    for name in leading["name"]:
        assert any(p == name or p.startswith(f"{name} (") for p in people), name
    axis = spec["layer"][0]["encoding"]["y"]["axis"]
    assert axis["labelOverlap"] is False and axis["labelLimit"] == 0
    assert spec["height"] == {"step": LOAD_ROW_PX} and LOAD_ROW_PX > LOAD_LABEL_PX


def test_people_who_share_a_name_get_their_staff_id_in_the_chart(big) -> None:
    import dataclasses

    from planner.ui.insight_charts import load_people

    season, plan = big
    insight = season_insight(season, plan, "en")
    first, second = insight.load.loc[insight.load["groups"] > 0, "staff_id"].iloc[:2]
    load = insight.load.copy()
    load.loc[load["staff_id"] == second, "name"] = load.loc[load["staff_id"] == first, "name"].iloc[
        0
    ]
    people = load_people(dataclasses.replace(insight, load=load))
    shared = people.loc[people["staff_id"].isin([first, second]), "person"]
    assert len(set(shared)) == 2 and all(
        f"({sid})" in p for sid, p in zip([first, second], shared, strict=True)
    )


# --- the group calendar ---


def calendar(lang: str = "fi") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S).run()
    if lang != "fi":
        at.segmented_control(key="lang").set_value(lang).run()
    at.switch_page(CALENDAR_PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def drawn_groups(at: AppTest) -> set[str]:
    """The groups with an event on the page (an event's button key is `cal_ev_<date>_<id>`)."""
    return {
        b.key.removeprefix("cal_ev_").split("_", 1)[1]
        for b in at.button
        if b.key and b.key.startswith("cal_ev_")
    }


def test_the_calendar_draws_a_page_of_groups_and_the_filters_narrow_it(
    big_db, big, tmp_path, monkeypatch
) -> None:
    season, plan = big
    use(big_db, tmp_path, monkeypatch)
    at = calendar("en")
    first = drawn_groups(at)
    assert 0 < len(first) <= PAGE_GROUPS
    assert any(c.value.startswith("Groups 1–50 of ") for c in at.caption)

    at.number_input(key="cal_page").set_value(2).run()
    assert not at.exception, [e.value for e in at.exception]
    second = drawn_groups(at)
    assert second and len(second) <= PAGE_GROUPS and not second & first

    at.multiselect(key="cal_weekdays_en").set_value([2]).run()  # Wednesdays
    wednesday = drawn_groups(at)
    assert wednesday and {plan.placement[g].weekday for g in wednesday} == {2}

    at.multiselect(key="cal_weekdays_en").set_value([]).run()
    espoo = "049"
    at.multiselect(key="cal_municipalities_en").set_value([espoo]).run()
    assert not at.exception, [e.value for e in at.exception]
    narrowed = drawn_groups(at)
    assert narrowed and {season.group[g].municipality for g in narrowed} == {espoo}


def test_a_filter_that_leaves_fewer_pages_brings_the_page_back_into_range(
    big_db, big, tmp_path, monkeypatch
) -> None:
    season, plan = big
    use(big_db, tmp_path, monkeypatch)
    at = calendar()
    pages = -(-len(plan.placements) // PAGE_GROUPS)
    at.number_input(key="cal_page").set_value(pages).run()
    smallest = min(
        {g.municipality for g in season.groups if g.group_id in plan.placement},
        key=lambda m: sum(season.group[g].municipality == m for g in plan.placement),
    )
    at.multiselect(key="cal_municipalities_fi").set_value([smallest]).run()
    assert not at.exception, [e.value for e in at.exception]
    assert drawn_groups(at) <= {
        g for g in plan.placement if season.group[g].municipality == smallest
    }


# --- the routes map ---


def test_the_routes_map_names_only_the_venues_on_one_persons_route(big) -> None:
    from planner.ui.route_maps import labelled_venues, route_map

    season, plan = big
    days = staff_days(season, plan)
    person = days[0].staff_id
    theirs = [d for d in days if d.staff_id == person]
    labels = [
        row
        for layer in route_map(season, theirs, [], "sv").layers
        if layer.type == "TextLayer"
        for row in layer.data
    ]
    stops = {s for d in theirs for s in d.stops if s in season.venue}
    assert {row["name"] for row in labels} == {season.venue[v].display_name("sv") for v in stops}
    assert len(labelled_venues(season, days, [])) > len(labels)


# --- the plan page's week grid ---


def grid_sessions(at: AppTest) -> set[str]:
    """The group ids in the week grid's cells (a cell starts with its group id)."""
    grid = at.table[0].value
    return {cell.split(" ", 1)[0] for col in grid.columns[1:] for cell in grid[col] if cell}


def test_the_week_grid_of_a_big_municipality_draws_a_page_and_the_table_lists_all(
    big_db, big, tmp_path, monkeypatch
) -> None:
    from planner.ui.week_grid import GRID_PAGE

    season, plan = big
    espoo = {p.group_id for p in plan.placements if season.group[p.group_id].municipality == "049"}
    assert len(espoo) > GRID_PAGE
    use(big_db, tmp_path, monkeypatch)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S).run()
    at.segmented_control(key="lang").set_value("en").run()
    at.switch_page("planner/ui/plan_page.py").run()
    assert not at.exception, [e.value for e in at.exception]
    at.selectbox(key="plan_current_view_municipality_en").set_value("049").run()

    first = grid_sessions(at)
    assert first and len(first) <= GRID_PAGE and first <= espoo
    assert any(c.value.startswith(f"The week shows sessions 1–{GRID_PAGE} of ") for c in at.caption)
    at.number_input(key="plan_current_grid_page").set_value(2).run()
    assert not at.exception, [e.value for e in at.exception]
    second = grid_sessions(at)
    assert second and not second & first and second <= espoo
    listed = next(d.value for d in at.dataframe if t("plan.col.group", "en") in d.value.columns)
    assert set(listed[t("plan.col.group", "en")]) == espoo


def test_pages_hold_their_size_and_a_page_past_the_end_is_the_last() -> None:
    from planner.ui.week_grid import page_count, page_of

    items = list(range(7))
    assert [page_count(n, 3) for n in (0, 1, 3, 4, 7)] == [1, 1, 1, 2, 3]
    assert page_of(items, 1, 3) == [0, 1, 2] and page_of(items, 3, 3) == [6]
    assert page_of(items, 9, 3) == [6] and page_of(items, 0, 3) == [0, 1, 2]
    assert page_of([], 2, 3) == []
