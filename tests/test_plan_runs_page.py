"""The Plan page reads its solve runs from the store: a run started elsewhere (another tab,
another coordinator, a reload) is shown running and can be stopped; an ended one is shown
with its result, who stopped it, or as interrupted when its worker died. Plain words for
every CP-SAT status in fi, sv and en."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from planner import access
from planner.baseline import greedy_plan
from planner.i18n import t
from planner.model import Plan
from planner.solve.reason import Reason
from planner.solve.result import Result
from planner.solve_runs import run_summary
from planner.store import SolveRun, SolveRuns, Store
from planner.store.solve_runs import STALE_AFTER_S
from planner.ui.common import local_time
from planner.ui.summary import no_plan_words, progress_words, status_help, status_words

REPO = Path(__file__).resolve().parents[1]
APP = str(REPO / "app.py")
PLAN_PAGE = "planner/ui/plan_page.py"
TIMEOUT_S = 60
ME = access.SINGLE_USER  # who the page acts as in single-user mode
CP_SAT_STATUSES = ("OPTIMAL", "FEASIBLE", "INFEASIBLE", "UNKNOWN", "MODEL_INVALID")
MAX_METRIC_CHARS = 15
"""What a third of the page's width shows of a metric's value without cutting it off."""


@pytest.fixture
def url(demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A copy of the sample season (no plan) that the page opens."""
    path = tmp_path / "planner.sqlite3"
    shutil.copy(demo_db, path)
    found = f"sqlite:///{path}"
    monkeypatch.setenv("PLANNER_DB_URL", found)
    return found


def open_plan_page(lang: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S).run()
    if lang != "fi":
        at.segmented_control(key="lang").set_value(lang).run()
    at.switch_page(PLAN_PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def started_elsewhere(url: str, who: str = "bo", **when) -> tuple[int, int]:
    """A run claimed in the store as another session would, with no worker here: (season
    id, run id)."""
    with Store.open(url) as store:
        season_id = store.working_season_id()
        assert season_id is not None
        run_id = SolveRuns(store).start(season_id, who, {"time_limit_s": 90}, **when)
    return season_id, run_id


def ended_elsewhere(url: str, state: str, stopped_by: str | None = None) -> SolveRun:
    """A run that a worker elsewhere ended with a first-fit plan of the sample season."""
    _, run_id = started_elsewhere(url)
    with Store.open(url) as store:
        season = store.load_season()
        plan = greedy_plan(season)
        result = Result("FEASIBLE", -100.0, -120.0, 12.0, 1.0, plan)
        runs = SolveRuns(store)
        runs.beat(run_id, -100.0, -120.0, 4)
        if stopped_by:
            runs.request_stop(run_id, stopped_by)
        runs.finish(run_id, state, run_summary(result), plan)
        return runs.get(run_id)


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_a_run_started_elsewhere_is_seen_running_and_can_be_stopped_here(url, lang):
    _, run_id = started_elsewhere(url)
    with Store.open(url) as store:
        SolveRuns(store).beat(run_id, objective=-90.0, bound=-100.0, solutions=3)
        run = SolveRuns(store).get(run_id)

    at = open_plan_page(lang)

    captions = [c.value for c in at.caption]
    assert t("run.started", lang, who="bo", at=local_time(run.started_at), limit=90) in captions
    assert progress_words(run, lang) in [m.value for m in at.markdown]
    shown = at.slider(key=f"plan_time_limit_run_{run_id}")  # the run's own limit
    assert shown.disabled and shown.value == 90
    stop = at.button(key="plan_stop")
    assert stop.label == t("run.stop", lang) and stop.help == t("run.stop.help", lang)

    stop.click().run()
    assert not at.exception, [e.value for e in at.exception]
    with Store.open(url) as store:
        stopping = SolveRuns(store).get(run_id)
    assert stopping.state == "stopping" and stopping.stop_requested_by == ME
    assert at.info[0].value == t("run.stopping", lang, who=ME)
    assert not [b for b in at.button if b.key == "plan_stop"]


def test_starting_while_another_run_is_under_way_is_refused_in_the_pages_language(url):
    at = open_plan_page("sv")
    started_elsewhere(url, who="cecilia")  # after this page was drawn, its button enabled

    at.button(key="plan_solve").click().run()
    assert not at.exception, [e.value for e in at.exception]

    assert t("run.refused.busy", "sv", who="cecilia") in [e.value for e in at.error]
    with Store.open(url) as store:
        runs = SolveRuns(store)
        assert runs.latest(store.working_season_id()).started_by == "cecilia"


def test_a_finished_run_from_the_store_is_shown_and_saved_by_the_coordinator(url):
    run = ended_elsewhere(url, "finished")
    at = open_plan_page("en")

    assert t("plan.result.title", "en") in [s.value for s in at.subheader]
    at_text = local_time(run.finished_at)
    assert t("run.finished", "en", who="bo", at=at_text) in [s.value for s in at.success]
    status = next(m for m in at.metric if m.label == t("plan.metric.status", "en"))
    assert status.value == t("plan.status.FEASIBLE", "en")
    assert status.help == t("plan.status_help.FEASIBLE", "en")
    assert not at.button(key="plan_save").disabled

    at.button(key="plan_save").click().run()
    assert not at.exception, [e.value for e in at.exception]
    with Store.open(url) as store:
        saved = store.plan_summary()
        closed = SolveRuns(store).get(run.id)
    assert saved is not None and saved["created_by"] == ME
    assert closed.saved_plan_id == saved["id"] and closed.closed_by == ME
    assert at.success[0].value == t("plan.result.saved", "en", plan_id=saved["id"])
    assert t("plan.result.title", "en") not in [s.value for s in at.subheader]


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_a_stopped_run_says_who_stopped_it_and_offers_its_plan(url, lang):
    run = ended_elsewhere(url, "stopped", stopped_by="dan")
    at = open_plan_page(lang)

    expected = t("run.stopped_by", lang, who="dan", at=local_time(run.finished_at))
    assert expected in [i.value for i in at.info]
    assert not at.button(key="plan_save").disabled


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_a_run_whose_worker_died_is_shown_as_interrupted_and_can_be_put_aside(url, lang):
    long_ago = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=STALE_AFTER_S + 5)
    season_id, run_id = started_elsewhere(url, now=long_ago)
    at = open_plan_page(lang)

    said = t("run.interrupted", lang, who="bo", at=local_time(long_ago))
    assert said in [w.value for w in at.warning]
    assert not at.button(key="plan_solve").disabled  # it does not block the season
    assert not [b for b in at.button if b.key == "plan_stop"]

    at.button(key="plan_discard").click().run()
    with Store.open(url) as store:
        run = SolveRuns(store).get(run_id)
        assert run.state == "interrupted" and run.closed_by == ME
        assert SolveRuns(store).latest(season_id) is None
    assert said not in [w.value for w in at.warning]


def test_a_failed_run_says_why_and_can_be_discarded(url):
    _, run_id = started_elsewhere(url)
    with Store.open(url) as store:
        SolveRuns(store).finish(run_id, "failed", error="ValueError: no staff")
    at = open_plan_page("en")

    assert at.error[0].value == t("plan.solve.failed", "en", reason="ValueError: no staff")
    at.button(key="plan_discard").click().run()
    assert not at.error


# --- plain words ---


def a_run(state: str, **fields) -> SolveRun:
    now = dt.datetime.now(dt.UTC)
    return SolveRun(1, 1, now, "anna", {"time_limit_s": 60}, state, now, **fields)


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
@pytest.mark.parametrize("status", CP_SAT_STATUSES)
def test_every_cp_sat_status_reads_in_words_not_as_its_code(status, lang):
    words = status_words(status, lang)
    assert words == t(f"plan.status.{status}", lang)
    assert status not in words and status.lower().replace("_", " ") not in words
    assert len(words) <= MAX_METRIC_CHARS  # a metric's value shows whole
    assert status_help(status, lang) == t(f"plan.status_help.{status}", lang)


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
@pytest.mark.parametrize("status", ["FIRST_FIT", "NO_PLAN", "EDITED"])
def test_a_plans_own_status_fits_its_metric(status, lang):
    assert len(status_words(status, lang)) <= MAX_METRIC_CHARS


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_a_run_without_a_plan_says_why_by_how_it_ended(lang):
    finished = a_run("finished")
    said = {
        status: no_plan_words(finished, {"status": status}, lang)
        for status in ("UNKNOWN", "INFEASIBLE", "MODEL_INVALID")
    }
    assert said["UNKNOWN"] == t("run.no_plan.UNKNOWN", lang)  # more time may help
    assert said["INFEASIBLE"] == t("run.no_plan.INFEASIBLE", lang)  # more time will not
    assert said["MODEL_INVALID"] == t("run.no_plan.MODEL_INVALID", lang)  # not the data
    assert len(set(said.values())) == 3
    stopped = a_run("stopped", stop_requested_by="bo")
    assert no_plan_words(stopped, {"status": "UNKNOWN"}, lang) == t("run.no_plan.stopped", lang)


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_progress_of_a_run_reads_in_words(lang):
    assert progress_words(a_run("running"), lang) == t("run.progress.none", lang)
    closing = a_run("running", objective=-998.0, bound=-1000.0, solutions=5)
    assert progress_words(closing, lang) == t(
        "run.progress.found", lang, n=5, gap="0,3\u00a0%" if lang != "en" else "0.3\u00a0%"
    )
    proven = a_run("running", objective=-1000.0, bound=-1000.0, solutions=7)
    assert progress_words(proven, lang) == t("run.progress.best", lang, n=7)


def test_an_infeasible_run_on_the_page_says_more_time_will_not_help(url):
    _, run_id = started_elsewhere(url)
    empty = Result("INFEASIBLE", None, None, 3.0, None, Plan((), ()))
    with Store.open(url) as store:
        season = store.load_season()
        reasons = (Reason(season.groups[0].group_id, "not_analysed"),)
        SolveRuns(store).finish(
            run_id, "finished", run_summary(replace(empty, unscheduled=reasons)), empty.plan
        )
    at = open_plan_page("fi")

    assert t("run.no_plan.INFEASIBLE", "fi") in [w.value for w in at.warning]
    assert at.button(key="plan_save").disabled
