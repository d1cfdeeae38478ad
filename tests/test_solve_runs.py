"""Solve runs kept in the store (`planner.store.solve_runs`) and carried out by a worker
(`planner.solve_runs`): the round trip on SQLite and PostgreSQL, one run per season, a dead
worker's run shown as interrupted, a worker finishing, a Stop ending the search with a plan."""

from __future__ import annotations

import datetime as dt
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from toys import BACKSTOP_S, STEADY_DETERMINISTIC_S, fresh_database, toy_plan, toy_season

from planner import solve_runs
from planner.i18n import t
from planner.solve.replan import Changes
from planner.store import PlanRejected, RunRefused, SolveRuns, Store
from planner.store.schema import SolveRunRow
from planner.store.solve_runs import STALE_AFTER_S

WAIT_S = 300.0
"""Only a backstop: every wait below ends when the run's state changes."""
STEADY = {"workers": 1, "seed": 0, "deterministic_time_s": STEADY_DETERMINISTIC_S}
SUMMARY = {"status": "FEASIBLE", "objective": -5.0, "best_bound": -6.0, "wall_s": 0.5}


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """The published toy season (four groups), without a plan."""
    server = request.getfixturevalue("pg_url") if request.param == "postgres" else None
    with fresh_database(request.param, tmp_path, server) as url, Store.open(url) as opened:
        opened.import_season(toy_season("published"), source="toy")
        yield opened


def season_id(store: Store) -> int:
    found = store.live_season_id()
    assert found is not None
    return found


def wait_for(store: Store, run_id: int, done, what: str) -> None:
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        run = SolveRuns(store).get(run_id)
        if run is not None and done(run):
            return
        time.sleep(0.05)
    pytest.fail(f"the run did not {what}")


def wait_until_ended(store: Store, run_id: int) -> None:
    wait_for(store, run_id, lambda run: not run.active, "end")


# --- the store ---


def test_a_run_goes_from_start_to_a_saved_plan_through_the_store(store: Store) -> None:
    runs = SolveRuns(store)
    sid = season_id(store)
    previous = toy_plan()
    run_id = runs.start(sid, "anna", {"time_limit_s": 60, "language": "sv"}, previous)

    started = runs.get(run_id)
    assert started is not None and started.state == "running" and started.active
    assert started.started_by == "anna" and started.params["time_limit_s"] == 60
    assert started.previous == previous and started.plan is None
    assert started.started_at.tzinfo is not None and started.solutions == 0

    assert runs.beat(run_id, objective=-4.0, bound=-9.0, solutions=2) == "running"
    assert runs.beat(run_id) == "running"  # a beat without news keeps the progress
    progressed = runs.get(run_id)
    assert (progressed.objective, progressed.bound, progressed.solutions) == (-4.0, -9.0, 2)
    assert progressed.progress_at is not None

    stopping = runs.request_stop(run_id, "bo")
    assert stopping.state == "stopping" and stopping.stop_requested_by == "bo"
    assert runs.beat(run_id, -5.0, -6.0, 3) == "stopping"  # the worker hears of it

    runs.finish(run_id, "stopped", SUMMARY, toy_plan())
    ended = runs.get(run_id)
    assert ended.state == "stopped" and not ended.active and ended.finished_at is not None
    assert ended.plan == toy_plan() and ended.summary == SUMMARY
    assert runs.request_stop(run_id, "cecilia").stop_requested_by == "bo"  # ended stays ended
    assert runs.latest(sid).id == run_id

    plan_id = runs.save(run_id, "anna")
    assert store.load_plan(season_id=sid) == toy_plan()
    saved = store.plan_summary(season_id=sid)
    assert saved["id"] == plan_id and saved["status"] == "FEASIBLE"
    assert saved["params"]["time_limit_s"] == 60
    closed = runs.get(run_id)
    assert closed.saved_plan_id == plan_id and closed.closed_by == "anna"
    assert runs.latest(sid) is None  # no open run left
    assert runs.latest(sid, open_only=False).id == run_id
    with pytest.raises(RunRefused) as again:
        runs.save(run_id, "anna")
    assert again.value.rule == "closed"


def test_a_second_run_of_a_season_is_refused_in_the_pages_language(store: Store) -> None:
    runs = SolveRuns(store)
    sid = season_id(store)
    first = runs.start(sid, "anna", {"time_limit_s": 60})

    with pytest.raises(RunRefused) as refused:
        runs.start(sid, "bo", {"time_limit_s": 60})
    for lang in ("fi", "sv", "en"):
        assert refused.value.message_in(lang) == t("run.refused.busy", lang, who="anna")
    assert "anna" in t("run.refused.busy", "fi", who="anna")

    runs.request_stop(first, "anna")
    with pytest.raises(RunRefused):  # stopping is still under way
        runs.start(sid, "bo", {"time_limit_s": 60})
    runs.finish(first, "stopped", SUMMARY, toy_plan())
    assert runs.start(sid, "bo", {"time_limit_s": 60}) != first


def test_the_database_itself_allows_one_active_run_per_season(store: Store) -> None:
    runs = SolveRuns(store)
    sid = season_id(store)
    run_id = runs.start(sid, "anna", {"time_limit_s": 60})
    copy = {"season_id": sid, "started_by": "bo", "params": {}, "solutions": 0}
    now = dt.datetime.now(dt.UTC)

    with pytest.raises(sa.exc.IntegrityError), store.engine.begin() as conn:
        conn.execute(
            sa.insert(SolveRunRow).values(
                **copy, started_at=now, heartbeat_at=now, state="stopping"
            )
        )
    assert runs.get(run_id).state == "running"


def test_a_run_whose_worker_died_is_interrupted_and_does_not_block_the_season(
    store: Store,
) -> None:
    runs = SolveRuns(store)
    sid = season_id(store)
    long_ago = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=STALE_AFTER_S + 5)
    dead = runs.start(sid, "anna", {"time_limit_s": 60}, now=long_ago)

    run = runs.get(dead)
    assert run.state == "running" and run.stale() and run.shown_state() == "interrupted"
    assert run.shown_state(now=long_ago) == "running"  # fresh then

    fresh = runs.start(sid, "bo", {"time_limit_s": 60})
    assert runs.get(dead).state == "interrupted" and runs.get(fresh).state == "running"
    # Its worker was only stalled: it hears the state on its next beat, and its late result
    # does not bring the run back.
    assert runs.beat(dead, -1.0, -2.0, 1) == "interrupted"
    runs.finish(dead, "finished", SUMMARY, toy_plan())
    assert runs.get(dead).state == "interrupted" and runs.get(dead).plan is None


def test_an_interrupted_run_can_be_put_aside_but_a_live_one_cannot(store: Store) -> None:
    runs = SolveRuns(store)
    sid = season_id(store)
    long_ago = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=STALE_AFTER_S + 5)
    dead = runs.start(sid, "anna", {"time_limit_s": 60}, now=long_ago)
    runs.close(dead, "bo")
    assert runs.get(dead).state == "interrupted" and runs.latest(sid) is None

    live = runs.start(sid, "bo", {"time_limit_s": 60})
    with pytest.raises(RunRefused) as refused:
        runs.close(live, "bo")
    assert refused.value.rule == "active"


def test_a_plan_the_validator_rejects_is_not_saved_and_the_run_stays_open(store: Store) -> None:
    from dataclasses import replace

    runs = SolveRuns(store)
    sid = season_id(store)
    run_id = runs.start(sid, "anna", {"time_limit_s": 60})
    plan = toy_plan()
    leaderless = replace(plan, placements=(replace(plan.placements[0], leaders=()),))
    runs.finish(run_id, "finished", SUMMARY, leaderless)

    with pytest.raises(PlanRejected):
        runs.save(run_id, "anna")
    assert store.load_plan(season_id=sid) is None
    assert runs.latest(sid).id == run_id


def test_a_run_that_ended_model_invalid_is_not_saved_though_it_has_a_plan(store: Store) -> None:
    runs = SolveRuns(store)
    sid = season_id(store)
    run_id = runs.start(sid, "anna", {"time_limit_s": 60})
    runs.finish(run_id, "finished", {**SUMMARY, "status": "MODEL_INVALID"}, toy_plan())

    with pytest.raises(RunRefused) as refused:
        runs.save(run_id, "anna")
    assert refused.value.rule == "no_plan"
    assert store.load_plan(season_id=sid) is None


# --- the worker ---


def test_the_worker_solves_a_toy_season_and_stores_the_result(tmp_path: Path) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'planner.sqlite3'}") as store:
        sid = store.import_season(toy_season(), source="toy")
        params = solve_runs.run_params(BACKSTOP_S, "fi", **STEADY)
        run_id = SolveRuns(store).start(sid, "anna", params)

        assert solve_runs.run_worker(store, run_id) == "finished"

        run = SolveRuns(store).get(run_id)
        assert run.state == "finished" and run.error is None
        assert len(run.plan.placements) == 3 and run.plan.participants
        assert run.summary["plan_status"] in ("OPTIMAL", "FEASIBLE")
        assert run.summary["groups_requested"] == 3 and run.summary["stopped"] is False
        assert run.solutions >= 1  # the heartbeat carried the progress
        plan_id = SolveRuns(store).save(run_id, "anna")  # the plan gate accepts it
        assert store.plan_summary(season_id=sid)["id"] == plan_id


def test_a_replan_run_keeps_its_changes_and_base_plan(tmp_path: Path) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'planner.sqlite3'}") as store:
        sid = store.import_season(toy_season("published"), source="toy")
        changes = Changes(cancelled=frozenset({"G2"}))
        params = solve_runs.run_params(BACKSTOP_S, "en", changes, **STEADY)
        run_id = SolveRuns(store).start(sid, "anna", params, toy_plan())

        assert solve_runs.run_worker(store, run_id) == "finished"

        run = SolveRuns(store).get(run_id)
        assert "G2" not in run.plan.placement
        assert {r["subject"]: r["key"] for r in run.summary["reasons"]}["G2"] == "cancelled"
        assert run.previous == toy_plan()


def test_a_failing_solve_ends_the_run_as_failed_with_the_reason(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args, **kwargs):
        raise ValueError("no staff")

    monkeypatch.setattr("planner.solve.solve", broken)
    run_id = SolveRuns(store).start(season_id(store), "anna", {"time_limit_s": 60})

    assert solve_runs.run_worker(store, run_id) == "failed"
    run = SolveRuns(store).get(run_id)
    assert run.state == "failed" and run.error == "ValueError: no staff" and run.plan is None


@pytest.fixture
def sample_store(demo_db: Path, tmp_path: Path) -> Iterator[Store]:
    path = tmp_path / "planner.sqlite3"
    shutil.copy(demo_db, path)
    with Store.open(f"sqlite:///{path}") as opened:
        yield opened


def test_a_stop_ends_a_long_search_early_with_the_best_plan_so_far(sample_store: Store) -> None:
    store = sample_store
    sid = season_id(store)
    # A wall-clock limit no test waits out, and no deterministic limit: only the Stop ends it.
    params = solve_runs.run_params(BACKSTOP_S, "fi", workers=1)
    run_id = SolveRuns(store).start(sid, "anna", params)
    worker = threading.Thread(target=solve_runs.run_worker, args=(store, run_id), daemon=True)
    worker.start()
    wait_for(store, run_id, lambda run: run.solutions >= 1, "report a solution")

    SolveRuns(store).request_stop(run_id, "bo")
    wait_until_ended(store, run_id)
    worker.join(WAIT_S)

    run = SolveRuns(store).get(run_id)
    assert run.state == "stopped" and run.stop_requested_by == "bo"
    assert run.plan is not None and run.plan.placements
    assert run.summary["stopped"] is True
    assert SolveRuns(store).save(run_id, "anna")  # the best plan so far passes the gate


def test_a_stop_asked_for_before_the_search_returns_the_first_fit_plan() -> None:
    from toys import steady_params

    from planner.solve import StopSignal, solve

    stop = StopSignal()
    stop.request()
    result = solve(toy_season(), steady_params(), stop=stop)

    assert result.stats["stopped"] is True and result.plan_source == "warm_start"
    assert result.plan.placements
    assert all(budget == 0 for budget in result.stats["budget_s"].values())


def test_the_worker_process_carries_out_a_run_started_from_the_store(tmp_path: Path) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'planner.sqlite3'}") as store:
        sid = store.import_season(toy_season(), source="toy")
        params = solve_runs.run_params(BACKSTOP_S, "sv", **STEADY)
        run_id = solve_runs.start_run(store, sid, "anna", params)  # launches the process
        wait_until_ended(store, run_id)

        run = SolveRuns(store).get(run_id)
        assert run.state == "finished", run.error
        assert len(run.plan.placements) == 3


def test_a_worker_process_that_dies_before_ending_its_run_fails_the_run(store: Store) -> None:
    import subprocess
    import sys

    run_id = SolveRuns(store).start(season_id(store), "anna", {"time_limit_s": 60})
    dying = subprocess.Popen([sys.executable, "-c", "raise SystemExit(3)"])

    solve_runs._reap(store, run_id, dying)

    run = SolveRuns(store).get(run_id)
    assert run.state == "failed" and run.error == "the worker exited with code 3"
