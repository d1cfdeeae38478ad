"""What `solve` reports: the model's own status and bound kept apart from the plan's value,
the passes after the search recorded, the time budget handed out, and the candidate cuts."""

from __future__ import annotations

import pytest
from toys import client, group, season_of, staff, steady_params, toy_season, venue

from planner.model import Plan, Season
from planner.plan_check import plan_problems
from planner.solve import solve
from planner.solve import solver as solver_module
from planner.solve.candidates import Candidates
from planner.solve.output import summary
from planner.solve.repair import complete_plan
from planner.solve.result import Result, StageResult, plan_state, signed_gap

STEPS = {"coverage", "coverage_retry", "polish", "improve", "cost", "complete"}


def pruned_leader_season() -> Season:
    """G0 (priority 3) is pinned to S1 and S2, whose weekly hours it fills; G can then be led
    only by S3, based far away in Hanko. With `max_leader_candidates=2` the cut keeps the
    two nearest staff for G (S1, S2), so the model cannot run G; only a search past the cut
    can."""
    return season_of(
        venues=[venue("V1"), venue("V9", "078")],
        staff_=[
            staff("S1", max_group_hours=2.5),
            staff("S2", max_group_hours=2.5),
            staff("S3", base="V9"),
        ],
        groups=[group("G0", leaders=("S1", "S2"), priority=3), group("G")],
        clients=[client(f"C{i:02d}") for i in range(1, 21)],
    )


CUT = steady_params(max_leader_candidates=2)


@pytest.fixture(scope="module")
def past_the_cut() -> tuple[Season, Result]:
    season = pruned_leader_season()
    return season, solve(season, CUT)


def test_the_only_workable_leader_is_cut_from_the_model(past_the_cut):
    season, result = past_the_cut
    cands = Candidates(season, CUT)
    assert "S3" not in cands["G"].leaders
    cut = result.stats["pruning"]["leaders"]
    assert cut["kept"] < cut["before"] and cut["groups_affected"] >= 1


def test_a_group_left_out_by_the_model_is_placed_with_its_pruned_options(past_the_cut):
    season, result = past_the_cut
    assert result.plan.placement["G"].leaders == ("S3",)
    assert result.changed_after_search["complete_plan"]["groups_added"] == ["G"]
    assert result.changed_after_search["beyond_candidates"]["leaders"] == 1
    assert result.unscheduled == ()
    assert plan_problems(season, result.plan) == []


def test_the_models_status_and_bound_stay_as_reported_beside_the_plans_value(past_the_cut):
    _, result = past_the_cut
    coverage = result.stages[0]
    assert coverage.name == "coverage"
    assert (result.status, result.objective, result.best_bound) == (
        coverage.status,
        coverage.objective,
        coverage.best_bound,
    )
    assert result.status == "OPTIMAL" and result.objective == result.best_bound
    assert result.gap == 0
    # The group added past the cut makes the plan better than the model's bound ...
    assert result.plan_objective < result.best_bound
    assert result.signed_gap < 0 and result.beyond_bound
    # ... so the plan is not called optimal, and it says that every group runs.
    assert result.plan_status == "FEASIBLE"
    assert result.state == "every_group"
    assert result.bound_covers == "candidates"


def test_summary_json_keeps_objective_and_bound_of_one_stage_and_flags_the_plan(past_the_cut):
    season, result = past_the_cut
    out = summary(result, season)
    assert {"status", "objective", "best_bound", "wall_s", "unscheduled"} <= set(out)
    assert out["objective"] >= out["best_bound"]  # both the model's, from stage 1
    assert out["plan_objective"] < out["best_bound"] and out["beyond_bound"] is True
    assert out["signed_gap"] < 0 <= out["gap"]
    assert out["plan_status"] == "FEASIBLE" and out["state"] == "every_group"
    assert out["bound_covers"] == "candidates"
    assert out["changed_after_search"]["complete_plan"] == {"groups_added": ["G"]}
    assert out["pruning"]["leaders"]["groups_affected"] >= 1


def test_without_repair_the_reason_comes_from_a_probe_with_the_pruned_options_open():
    result = solve(pruned_leader_season(), steady_params(max_leader_candidates=2, repair=False))
    assert [r.subject for r in result.unscheduled] == ["G"]
    # The probe past the cut finds that G could run: the search (over the cut) left it out.
    assert result.reason_for("G").key == "search_stopped"
    assert result.state == "some_groups_left_out"
    assert result.signed_gap >= 0 and not result.beyond_bound


def test_a_plan_inside_the_models_candidates_is_never_better_than_its_bound():
    result = solve(toy_season(), steady_params())
    assert result.plan_objective is not None
    assert result.plan_objective >= result.best_bound
    assert result.signed_gap == pytest.approx(result.gap)
    assert result.plan_status == "OPTIMAL" and result.state == "every_group"
    assert set(result.changed_after_search["beyond_candidates"].values()) == {0}


# --- stage 1 finding nothing ---


presolve: dict[str, int] = {}
"""The presolve rounds each stage of the last `_unknown_for` run was given."""


def _unknown_for(names: set[str], monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make the stages in `names` end as CP-SAT's UNKNOWN; returns the stages run."""
    real = solver_module._run_stage
    ran: list[str] = []

    def run_stage(name, model, params, seconds, objective, started, on_progress, stop=None):
        ran.append(name)
        presolve[name] = params.presolve_iterations
        if name in names:
            stage = StageResult(name, "UNKNOWN", None, None, 0.0, None, 0)
            return stage, None, solver_module.cp_model.UNKNOWN
        return real(name, model, params, seconds, objective, started, on_progress, stop)

    monkeypatch.setattr(solver_module, "_run_stage", run_stage)
    return ran


def test_stage_one_finding_nothing_searches_again_with_the_rest_of_the_time(monkeypatch):
    ran = _unknown_for({"coverage"}, monkeypatch)
    result = solve(toy_season(), steady_params())
    assert ran[:2] == ["coverage", "coverage_retry"]
    assert result.stats["plan_source"] != "warm_start"
    assert result.status == "OPTIMAL"  # the retry's: the model's status and bound
    assert result.stages[1].name == "coverage_retry"
    assert result.best_bound == result.stages[1].best_bound
    assert "coverage_retry" in result.stats["budget_s"]
    # The retry and everything after it search without CP-SAT's presolve, which alone can
    # outlast a stage on the largest seasons; the first try keeps it.
    assert presolve["coverage"] == steady_params().presolve_iterations > 0
    assert {presolve[name] for name in ran[1:]} == {0}


def test_a_first_fit_plan_says_so_beside_the_models_unknown(monkeypatch):
    _unknown_for({"coverage", "coverage_retry"}, monkeypatch)
    season = toy_season()
    result = solve(season, steady_params())
    assert result.stats["plan_source"] == "warm_start"
    assert result.status == "UNKNOWN" and result.objective is None
    assert result.plan.placements
    assert result.plan_status == "FIRST_FIT"  # not "no solution" beside a plan
    assert result.state == plan_state(result.groups_scheduled, result.groups_left_out)
    out = summary(result, season)
    assert out["status"] == "UNKNOWN" and out["plan_status"] == "FIRST_FIT"
    assert out["plan_objective"] is not None and out["signed_gap"] is None


def test_no_placement_is_no_plan() -> None:
    empty = Result("UNKNOWN", None, None, 0.1, None, Plan((), ()))
    assert empty.plan_status == "NO_PLAN" and empty.state == "no_plan"


# --- time ---


def test_every_step_is_handed_only_time_that_is_left():
    params = steady_params(time_limit_s=0.5)
    result = solve(toy_season(), params)
    budgets, ends = result.stats["budget_s"], result.stats["budget_ends_s"]
    assert "coverage" in budgets and set(budgets) <= STEPS
    assert all(b >= 0 for b in budgets.values())
    assert all(end <= params.time_limit_s for end in ends.values())
    assert result.stages[0].name == "coverage"


def test_the_clock_never_grants_past_the_limit():
    now = iter([0.0, 0.0, 0.8, 1.5]).__next__
    clock = solver_module._Clock(1.0, now=now)
    assert clock.grant("coverage", 10.0) == 1.0
    assert clock.grant("cost", 5.0) == pytest.approx(0.2)
    assert clock.grant("complete", 5.0) == 0.0
    assert clock.ends_s == {"coverage": 1.0, "cost": 1.0, "complete": 1.5}
    assert clock.budget_s["complete"] == 0.0


def test_stages_not_started_once_the_time_is_spent(monkeypatch):
    real = solver_module._Clock

    def spent_clock(limit_s: float) -> solver_module._Clock:
        """A clock whose limit has passed as soon as the model is built."""
        ticks = iter([0.0])
        return real(limit_s, now=lambda: next(ticks, limit_s + 1.0))

    monkeypatch.setattr(solver_module, "_Clock", spent_clock)
    result = solve(toy_season(), steady_params())
    assert [s.name for s in result.stages] == ["coverage"]  # no retry with no time
    assert result.stages[0].solutions == 0 and result.status == "UNKNOWN"
    assert result.stats["plan_source"] == "warm_start" and result.plan_status == "FIRST_FIT"
    assert set(result.stats["budget_s"].values()) == {0.0}


def test_complete_plan_with_no_time_left_searches_nothing():
    season = pruned_leader_season()
    plan = Plan((), ())
    _, added, reasons = complete_plan(season, CUT, plan, ["G"], seconds=0.0)
    assert added == [] and reasons["G"].key == "not_analysed"


def test_signed_gap_is_negative_only_below_the_bound():
    assert signed_gap(-90.0, -100.0) == pytest.approx(0.1111, abs=1e-4)
    assert signed_gap(-110.0, -100.0) < 0
    assert signed_gap(None, -1.0) is None


# --- the cuts keep what pins, wishes and the previous plan need ---


def test_a_pinned_far_leader_and_the_previous_plans_leader_stay_candidates():
    season = pruned_leader_season()
    pinned = season_of(
        venues=season.venues,
        staff_=season.staff,
        groups=[group("G0", leaders=("S1", "S2")), group("G", leaders=("S3",))],
        clients=season.clients,
    )
    assert "S3" in Candidates(pinned, CUT)["G"].leaders
    placement = solve(season, CUT).plan.placement["G"]
    before = Plan((placement,), ())
    assert "S3" in Candidates(season, CUT, keep=before)["G"].leaders


def test_every_wish_survives_the_cut_of_groups_per_client():
    clients = [client(f"C{i:02d}", wishes=("G1", "G2", "G3")) for i in range(1, 41)]
    season = season_of(
        venues=[venue("V1")],
        staff_=[staff("S1"), staff("S2")],
        groups=[group("G1"), group("G2"), group("G3")],
        clients=clients,
    )
    cands = Candidates(season, steady_params(max_groups_per_client=1))
    for gid in ("G1", "G2", "G3"):
        assert set(cands[gid].clients) == {c.client_code for c in clients}


def test_a_venue_cut_keeps_a_venue_the_wishing_client_reaches():
    near = [client(f"C{i:02d}", max_travel_min=15) for i in range(1, 11)]
    wisher = client("W1", wishes=("G",), needs_accessible=True, max_travel_min=60)
    season = season_of(
        venues=[
            venue("V1", lat=60.2055, lon=24.6559, accessible=False),
            venue("V2", lat=60.2155, lon=24.6559, accessible=False),
            venue("V3", lat=60.2055, lon=24.25, accessible=True),
        ],
        staff_=[staff("S1"), staff("S2")],
        groups=[group("G")],
        clients=[*near, wisher],
    )
    cands = Candidates(season, steady_params(max_venue_candidates=1))
    assert "V3" in cands["G"].venues
    assert "W1" in cands["G"].clients
    assert cands.pruning["venues"]["before"] == 3
