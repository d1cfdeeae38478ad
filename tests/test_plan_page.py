"""The "Plan the season" page, driven headless with AppTest, and its week-grid helpers."""

from __future__ import annotations

import os
import shutil
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from planner import solve_runs
from planner.baseline import greedy_plan
from planner.cli.common import SAMPLE_SEASON_NAME
from planner.i18n import t
from planner.model import Plan, Season
from planner.solve.reason import Reason
from planner.solve.result import Result
from planner.store import SolveRun, SolveRuns, Store
from planner.ui.summary import percent, plan_status, plan_words
from planner.ui.week_grid import (
    changes_table,
    group_table,
    placements_for,
    view_options,
    week_grid,
    weekday_names,
)

REPO = Path(__file__).resolve().parents[1]
APP = str(REPO / "app.py")
PLAN_PAGE = "planner/ui/plan_page.py"
TIMEOUT_S = 60
GREEDY_SUMMARY = {"status": "FEASIBLE", "objective": -1234.0, "best_bound": -1300.0, "wall_s": 0.4}


@pytest.fixture(scope="module")
def planned_db(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample season with a first-fit plan stored as its current plan."""
    path = tmp_path_factory.mktemp("planned") / "planned.sqlite3"
    shutil.copy(demo_db, path)
    with Store.open(f"sqlite:///{path}") as store:
        season = store.load_season()
        assert season is not None
        store.save_plan(greedy_plan(season), GREEDY_SUMMARY, actor="test")
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
def unplanned_url(demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    return use_copy(demo_db, tmp_path, monkeypatch)


@pytest.fixture(scope="module")
def stored(planned_db: Path) -> tuple[Season, Plan]:
    with Store.open(f"sqlite:///{planned_db}") as store:
        season, plan = store.load_season(), store.load_plan()
    assert season is not None and plan is not None
    return season, plan


def open_plan_page(lang: str = "fi") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S).run()
    if lang != "fi":
        at.segmented_control(key="lang").set_value(lang).run()
    at.switch_page(PLAN_PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


SOLVE_WAIT_S = 300
"""How long to wait for the page's background run: only a backstop, the wait ends with it."""


@pytest.fixture(autouse=True)
def worker_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Runs start their worker in a thread here, so a test can swap `planner.solve.solve`."""
    monkeypatch.setattr(solve_runs, "launch", solve_runs.launch_thread)


def newest_run(url: str | None = None) -> SolveRun | None:
    with Store.open(url or os.environ["PLANNER_DB_URL"]) as store:
        season_id = store.working_season_id()
        assert season_id is not None
        return SolveRuns(store).latest(season_id, open_only=False)


def wait_for_the_solve(at: AppTest, timeout_s: float = SOLVE_WAIT_S) -> None:
    """Wait for the stored run to end, then rerun the page as its fragment would."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        run = newest_run()
        if run is not None and not run.active:
            break
        time.sleep(0.05)
    run = newest_run()
    assert run is not None and not run.active, "the background run did not finish"
    at.run()


def frames(at: AppTest) -> list:
    return [d.value for d in at.dataframe]


def test_the_page_shows_the_stored_plans_metrics_grid_groups_and_unscheduled_list(
    planned_url, stored
):
    season, plan = stored
    at = open_plan_page()

    assert at.title[0].value == t("plan.title", "fi")
    metrics = {m.label: m.value for m in at.metric}
    groups = f"{len(plan.placements)} / {len(season.groups)}"
    assert metrics[t("plan.metric.groups", "fi")] == groups
    clients = len({code for code, _ in plan.participants})
    assert metrics[t("plan.metric.clients", "fi")] == f"{clients} / {len(season.clients)}"
    assert metrics[t("plan.metric.status", "fi")] == t("plan.status.FEASIBLE", "fi")
    assert metrics[t("plan.metric.gap", "fi")] == "5.3%"

    grid = at.table[0].value
    listed, unscheduled = frames(at)
    assert list(grid.columns) == [t("plan.col.start", "fi"), *weekday_names("fi")]
    assert "Maanantai" in grid.columns
    assert " @ " in "".join(grid.iloc[:, 1:].to_numpy().ravel())
    assert listed[t("plan.col.participants", "fi")].sum() > 0
    assert set(unscheduled[t("plan.col.group", "fi")]) == {u.group_id for u in plan.unscheduled}
    assert unscheduled[t("plan.col.reason", "fi")].str.len().min() > 0
    assert any(
        s.value == t("plan.unscheduled", "fi", n=len(plan.unscheduled)) for s in at.subheader
    )


def test_the_page_shows_no_client_codes_only_counts(planned_url, stored):
    season, _ = stored
    at = open_plan_page()

    tables = [*frames(at), *(table.value for table in at.table)]
    shown = " ".join(str(v) for frame in tables for v in frame.to_numpy().ravel())
    assert not [c.client_code for c in season.clients if c.client_code in shown]


def test_switching_to_swedish_shows_swedish_headings_days_and_names(planned_url, stored):
    season, _ = stored
    at = open_plan_page("sv")

    assert at.title[0].value == "Säsongens plan"
    assert at.header[0].value == "Aktuell plan"
    assert {s.value for s in at.subheader} >= {"Veckoschema", t("plan.groups", "sv")}
    grid = at.table[0].value
    listed, _ = frames(at)
    assert "Måndag" in grid.columns
    swedish_names = {m.name_sv for m in season.municipalities}
    assert set(listed[t("col.municipality", "sv")]) <= swedish_names
    assert at.selectbox(key="plan_current_view_municipality_sv").label == "Per kommun"


def test_the_chosen_municipality_stays_chosen_and_is_renamed_after_a_language_switch(
    planned_url, stored
):
    season, _ = stored
    hanko = next(m for m in season.municipalities if m.name_fi == "Hanko")
    at = open_plan_page()
    at.selectbox(key="plan_current_view_municipality_fi").set_value(hanko.code).run()
    at.segmented_control(key="lang").set_value("sv").run()

    chosen = at.selectbox(key="plan_current_view_municipality_sv")
    assert chosen.value == hanko.code
    assert chosen.format_func(chosen.value) == "Hangö"


def test_the_per_leader_view_lists_only_that_leaders_groups(planned_url, stored):
    season, plan = stored
    at = open_plan_page()
    at.segmented_control(key="plan_current_view_by").set_value("leader").run()
    leader = max(season.staff, key=lambda s: sum(s.staff_id in p.leaders for p in plan.placements))
    at.selectbox(key="plan_current_view_leader_fi").set_value(leader.staff_id).run()
    assert not at.exception, [e.value for e in at.exception]

    grid = at.table[0].value
    listed, _ = frames(at)
    led = {p.group_id for p in plan.placements if leader.staff_id in p.leaders}
    assert len(led) >= 2
    assert set(listed[t("plan.col.group", "fi")]) == led
    assert all(leader.name in names for names in listed[t("plan.col.leaders", "fi")])
    cells = [cell for cell in grid.iloc[:, 1:].to_numpy().ravel() if cell]
    assert sorted(cell.split()[0] for cell in cells) == sorted(led)


def test_a_season_without_a_plan_says_so_and_offers_the_button(unplanned_url):
    at = open_plan_page("en")

    assert at.info[0].value == t("plan.no_plan", "en", season=SAMPLE_SEASON_NAME)
    assert at.button(key="plan_solve").label == "Plan the season"
    assert not at.dataframe and not at.metric


def test_an_empty_store_points_to_the_import(sqlite_url, monkeypatch):
    monkeypatch.setenv("PLANNER_DB_URL", sqlite_url)
    at = open_plan_page()

    assert at.info[0].value == t("plan.no_season", "fi")
    assert not at.button


def test_a_finished_solve_is_shown_and_stored_only_when_saved(unplanned_url, stored, monkeypatch):
    _, plan = stored
    calls: list[float] = []

    def fake_solve(season_arg, params, previous=None, changes=None, on_progress=None, stop=None):
        calls.append(params.time_limit_s)
        on_progress(-10.0, -20.0, 0.1)
        return Result(
            status="OPTIMAL",
            objective=-20.0,
            best_bound=-20.0,
            wall_s=0.2,
            first_feasible_s=0.1,
            plan=plan,
        )

    monkeypatch.setattr("planner.solve.solve", fake_solve)
    at = open_plan_page()
    at.slider(key="plan_time_limit").set_value(10).run()
    at.button(key="plan_solve").click().run()
    wait_for_the_solve(at)
    assert not at.exception, [e.value for e in at.exception]

    assert calls == [10]
    assert at.subheader[1].value == t("plan.result.title", "fi")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[t("plan.metric.status", "fi")] == t("plan.status.OPTIMAL", "fi")
    with Store.open(unplanned_url) as store:
        assert store.load_plan() is None  # nothing is stored before the coordinator saves

    at.button(key="plan_save").click().run()
    assert not at.exception, [e.value for e in at.exception]
    with Store.open(unplanned_url) as store:
        saved = store.plan_summary()
        assert saved is not None and saved["status"] == "OPTIMAL"
        assert saved["counts"]["groups"] == len(plan.placements)
    assert at.success[0].value == t("plan.result.saved", "fi", plan_id=saved["id"])
    assert at.header[0].value == t("plan.current_title", "fi")


def test_a_solver_failure_is_reported_and_nothing_is_stored(unplanned_url, monkeypatch):
    def broken_solve(*args, **kwargs):
        raise ValueError("no staff")

    monkeypatch.setattr("planner.solve.solve", broken_solve)
    at = open_plan_page("en")
    at.button(key="plan_solve").click().run()
    wait_for_the_solve(at)

    assert at.error[0].value == t("plan.solve.failed", "en", reason="ValueError: no staff")
    with Store.open(unplanned_url) as store:
        assert store.load_plan() is None


def rule_breaking(season: Season, plan: Plan) -> tuple[Plan, str, str]:
    """`plan` with one group's leaders taken away and one client put in a group whose
    language they do not speak: (the plan, that group, that client)."""
    leaderless = plan.placements[0]
    placements = (replace(leaderless, leaders=()), *plan.placements[1:])
    code, gid = next(
        (c.client_code, p.group_id)
        for p in plan.placements[1:]
        for c in season.clients
        if season.group[p.group_id].language not in c.languages
        and (c.client_code, p.group_id) not in plan.participants
    )
    bad = replace(plan, placements=placements, participants=(*plan.participants, (code, gid)))
    return bad, leaderless.group_id, code


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_a_plan_the_validator_rejects_is_not_saved_and_says_why_in_the_pages_language(
    unplanned_url, stored, monkeypatch, lang
):
    from planner import rules
    from planner.plan_check import plan_problems

    season, plan = stored
    bad, leaderless, code = rule_breaking(season, plan)
    problems = plan_problems(season, bad)
    assert {"two_leaders", "participant_language"} <= {p.rule for p in problems}
    result = Result("FEASIBLE", -1.0, -2.0, 0.2, 0.1, bad)
    monkeypatch.setattr("planner.solve.solve", lambda *args, **kwargs: result)
    at = open_plan_page(lang)
    at.button(key="plan_solve").click().run()
    wait_for_the_solve(at)
    at.button(key="plan_save").click().run()
    assert not at.exception, [e.value for e in at.exception]

    with Store.open(unplanned_url) as store:
        assert store.load_plan() is None  # nothing was saved
    message = at.error[0].value
    assert message.startswith(t("plan.rejected.save", lang, n=len(problems)))
    leaders_rule = f"**{rules.rule_label('two_leaders', lang)}**"
    assert f"- {leaders_rule}: {leaderless} {season.group[leaderless].display_name(lang)}" in (
        message
    )
    assert rules.rule_label("participant_language", lang) in message
    assert t("plan.rejected.clients", lang, n=1) in message
    # The page's language only: no English refusal, no traceback, and no client code.
    for english in ("cannot save", "breaks", "Traceback", "no leader", rules.rule_label("size")):
        assert english not in message
    assert code not in message
    assert [c.client_code for c in season.clients if c.client_code in message] == []
    saved = t("plan.result.saved", lang, plan_id=1).split("(")[0]
    assert not [m.value for m in at.success if m.value.startswith(saved)]  # no "saved" with it


def test_the_venue_view_offers_only_venues_in_use_with_names_in_the_language(stored):
    season, plan = stored
    options = view_options(season, plan, "venue", "sv")

    used = {p.venue_id for p in plan.placements if p.venue_id}
    assert used <= set(options)
    assert all(options[v] == season.venue[v].display_name("sv") for v in used)


def test_the_week_grid_puts_each_session_under_its_weekday_and_start(stored):
    season, plan = stored
    placement = plan.placements[0]
    group = season.group[placement.group_id]
    sessions = placements_for(season, plan, "municipality", group.municipality)
    grid = week_grid(season, sessions, "en")

    start = f"{placement.start // 60:02d}:{placement.start % 60:02d}"
    day = weekday_names("en")[placement.weekday]
    cells = list(grid.loc[grid["Starts"] == start, day])
    assert f"{group.group_id} {group.display_name('en')} {start}-" in " ".join(cells)
    assert sum(bool(cell) for cell in grid.iloc[:, 1:].to_numpy().ravel()) == len(sessions)
    assert len(group_table(season, plan, sessions, "en")) == len(sessions)


def test_two_sessions_at_the_same_time_and_day_get_a_row_each(stored):
    season, plan = stored
    first, second = plan.placements[:2]
    twin = replace(second, weekday=first.weekday, start=first.start, end=first.end)
    grid = week_grid(season, [first, twin], "fi")

    assert len(grid) == 2
    day = weekday_names("fi")[first.weekday]
    assert [cell.split()[0] for cell in grid[day]] == sorted([first.group_id, twin.group_id])


def moved_first_group(plan: Plan) -> Plan:
    first = plan.placements[0]
    moved = replace(first, weekday=(first.weekday + 1) % 5)
    return replace(plan, placements=(moved, *plan.placements[1:]))


def test_the_changes_list_names_moved_groups_by_day_and_counts_only(stored):
    season, plan = stored
    first = plan.placements[0]
    changes = changes_table(season, plan, moved_first_group(plan), "sv")

    assert list(changes[t("plan.col.group", "sv")]) == [first.group_id]
    row = changes.iloc[0]
    days = weekday_names("sv")
    assert row[t("plan.col.before", "sv")].startswith(days[first.weekday])
    assert row[t("plan.col.after", "sv")].startswith(days[(first.weekday + 1) % 5])
    members = len(plan.members[first.group_id])
    assert row[t("plan.col.participants", "sv")] == f"{members} → {members}"
    assert changes_table(season, plan, plan, "sv").empty


def test_a_new_plan_lists_the_groups_that_change_from_the_current_one(
    planned_url, stored, monkeypatch
):
    _, plan = stored

    def fake_solve(season_arg, params, previous=None, changes=None, on_progress=None, stop=None):
        return Result(
            status="FEASIBLE",
            objective=-5.0,
            best_bound=-9.0,
            wall_s=0.1,
            first_feasible_s=0.05,
            plan=moved_first_group(plan),
        )

    monkeypatch.setattr("planner.solve.solve", fake_solve)
    at = open_plan_page("en")
    at.button(key="plan_solve").click().run()
    wait_for_the_solve(at)
    assert not at.exception, [e.value for e in at.exception]

    label = t("plan.result.changes", "en", n=1)
    expander = next(e for e in at.expander if e.label == label)
    changed = expander.dataframe[0].value
    assert list(changed["Group"]) == [plan.placements[0].group_id]


def test_without_the_solver_the_button_explains_that_planning_is_unavailable(
    unplanned_url, monkeypatch
):
    at = open_plan_page("en")
    monkeypatch.setitem(sys.modules, "planner.solve", None)  # `import planner.solve` now fails
    at.button(key="plan_solve").click().run()

    assert at.error[0].value.startswith("The planner is not available:")
    assert newest_run(unplanned_url) is None
    with Store.open(unplanned_url) as store:
        assert store.load_plan() is None


def first_fit_result(plan: Plan, left_out: str) -> Result:
    """What `solve` returns when stage 1 found nothing: CP-SAT's UNKNOWN beside the first-fit
    plan (the 376-group season's case: "no solution" beside a plan of 375 groups)."""
    placements = tuple(p for p in plan.placements if p.group_id != left_out)
    return Result(
        status="UNKNOWN",
        objective=None,
        best_bound=None,
        wall_s=60.0,
        first_feasible_s=None,
        plan=replace(plan, placements=placements),
        unscheduled=(Reason(left_out, "not_analysed"),),
        stats={"plan_source": "warm_start"},
        plan_objective=-100.0,
    )


def test_a_first_fit_plan_is_called_one_and_can_be_saved(unplanned_url, stored, monkeypatch):
    _, plan = stored
    left_out = plan.placements[0].group_id
    monkeypatch.setattr(
        "planner.solve.solve", lambda *args, **kwargs: first_fit_result(plan, left_out)
    )
    at = open_plan_page("en")
    at.button(key="plan_solve").click().run()
    wait_for_the_solve(at)
    assert not at.exception, [e.value for e in at.exception]

    metrics = {m.label: m.value for m in at.metric}
    assert metrics[t("plan.metric.status", "en")] == t("plan.status.FIRST_FIT", "en")
    assert metrics[t("plan.metric.model_status", "en")] == t("plan.status.UNKNOWN", "en")
    words = at.info[0].value
    assert words.startswith(t("plan.state.one_group_left_out", "en"))
    assert t("plan.quality.first_fit", "en") in words
    assert not at.button(key="plan_save").disabled
    assert not at.warning  # no "no plan was found" beside a plan


def test_an_empty_plan_cannot_be_saved_and_says_there_is_none(unplanned_url, monkeypatch):
    empty = Result("UNKNOWN", None, None, 5.0, None, Plan((), ()))
    monkeypatch.setattr("planner.solve.solve", lambda *args, **kwargs: empty)
    at = open_plan_page("fi")
    at.button(key="plan_solve").click().run()
    wait_for_the_solve(at)

    assert at.button(key="plan_save").disabled
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[t("plan.metric.status", "fi")] == t("plan.status.NO_PLAN", "fi")
    assert any(w.value.startswith(t("plan.state.no_plan", "fi")) for w in at.warning)


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_run_reads_in_plain_words(lang):
    every = {"status": "OPTIMAL", "objective": -9.0, "best_bound": -9.0, "wall_s": 60.0}
    assert plan_words(every, 10, 10, lang) == (
        f"{t('plan.state.every_group', lang)}; {t('plan.quality.best', lang)}; 60\u00a0s."
    )
    close = {"status": "FEASIBLE", "objective": -998.0, "best_bound": -1000.0, "wall_s": 60.0}
    within = t("plan.quality.within", lang, gap=percent(0.002004, lang))
    assert within in plan_words(close, 10, 7, lang)
    assert plan_words(close, 10, 7, lang).startswith(
        t("plan.state.some_groups_left_out", lang, n=3)
    )
    # Stored before the plan's own figures were kept: objective below the bound means the
    # steps after the search went past the model's options.
    beyond = {"status": "OPTIMAL", "objective": -1100.0, "best_bound": -1000.0, "wall_s": 5}
    assert t("plan.quality.beyond", lang) in plan_words(beyond, 10, 10, lang)
    assert plan_status(beyond, 10) == "FEASIBLE"


def test_percentages_round_up_and_use_the_languages_decimal_sign():
    assert percent(0.002004, "en") == "0.3\u00a0%"
    assert percent(0.002, "fi") == "0,2\u00a0%"
    assert percent(0.0, "sv") == "0,0\u00a0%"


@pytest.fixture
def published_url(planned_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The planned sample season with its plan published (the live offering)."""
    from planner.store import Enrolments

    url = use_copy(planned_db, tmp_path, monkeypatch)
    with Store.open(url) as store:
        Enrolments(store).publish(actor="test")
    return url


def test_a_replan_starts_from_the_live_offering_and_keeps_its_enrolled_clients(
    published_url, monkeypatch
):
    from planner.store import Enrolments

    calls: list = []

    def fake_solve(season_arg, params, previous=None, changes=None, on_progress=None, stop=None):
        calls.append((previous, changes))
        return Result("OPTIMAL", -1.0, -1.0, 0.1, 0.1, plan=previous)

    monkeypatch.setattr("planner.solve.solve", fake_solve)
    with Store.open(published_url) as store:
        live = Enrolments(store)
        gid = next(o.group_id for o in live.offerings() if live.participants(o.group_id))
        leaving = live.participants(gid)[0]
        assert live.cancel(gid, leaving, actor="anna", reason="other").ok
        base = live.live_plan()
    assert base is not None and (leaving, gid) not in base.participants
    leader = base.placements[0].leaders[0]
    freed = base.participants[0][0]

    at = open_plan_page("en")
    assert at.toggle(key="plan_replan").value is True
    at.multiselect(key="plan_replan_absent").set_value([leader]).run()
    at.multiselect(key="plan_replan_freed").set_value([freed]).run()
    at.button(key="plan_solve").click().run()
    wait_for_the_solve(at)
    assert not at.exception, [e.value for e in at.exception]

    ((previous, changes),) = calls
    assert changes.absent == {leader} and not changes.cancelled
    assert previous.placements == base.placements
    assert set(previous.participants) == {p for p in base.participants if p[0] != freed}
    # The stored plan still has the client who left; the re-plan starts from who is there now.
    with Store.open(published_url) as store:
        assert (leaving, gid) in store.load_plan().participants
