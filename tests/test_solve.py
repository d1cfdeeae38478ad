"""The season solver: valid plans, honest figures, and the output files of DESIGN.md."""

from __future__ import annotations

import csv
import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest
from toys import client, random_season, steady_params, toy_season, with_group

from planner.baseline import greedy_plan
from planner.model import WEEKDAYS
from planner.plan_check import plan_problems
from planner.solve import SolveParams, solve, staff_days, write_outputs
from planner.solve.candidates import Candidates
from planner.solve.warm_start import warm_start_plan

FAST = steady_params()


def test_toy_season_schedules_every_group_with_a_valid_plan() -> None:
    season = toy_season()
    result = solve(season, FAST)
    assert {p.group_id for p in result.plan.placements} == {"G1", "G2", "G3"}
    assert plan_problems(season, result.plan) == []
    assert result.clients_placed == 24
    assert result.unscheduled == () and result.unplaced == ()


def test_result_reports_status_objective_bound_and_gap() -> None:
    result = solve(toy_season(), FAST)
    assert result.status == "OPTIMAL"
    assert result.objective == result.best_bound
    assert result.gap == 0
    assert 0 < result.first_feasible_s <= result.wall_s
    assert [s.name for s in result.stages] == ["coverage", "cost"]
    assert all(s.gap is not None for s in result.stages)
    assert result.stats["variables"] > 0


def test_progress_is_reported_with_objective_bound_and_time() -> None:
    seen: list[tuple[float, float, float]] = []
    solve(toy_season(), FAST, on_progress=lambda o, b, t: seen.append((o, b, t)))
    assert seen
    assert all(isinstance(o, float) and t >= 0 for o, _, t in seen)


@pytest.mark.parametrize(
    "bad",
    [
        dict(time_limit_s=0),
        dict(time_limit_s=-1),
        dict(time_limit_s=float("inf")),
        dict(time_limit_s=float("nan")),
        dict(deterministic_time_s=float("inf")),
        dict(deterministic_time_s=float("nan")),
        dict(workers=0),
        dict(gap_limit=1.5),
        dict(allowance_min=-5),
        dict(language="de"),
        dict(remote_hours=(600, 500)),
    ],
)
def test_solve_params_reject_values_that_make_no_sense(bad: dict) -> None:
    with pytest.raises(ValueError):
        SolveParams(**bad)


def test_a_group_that_cannot_run_is_left_out_and_the_rest_is_planned() -> None:
    season = with_group(toy_season(), "G2", hours=6.0)
    result = solve(season, FAST)
    assert "G2" not in result.plan.placement
    assert [u.group_id for u in result.plan.unscheduled] == ["G2"]
    assert plan_problems(season, result.plan) == []


def test_priority_decides_which_group_runs_when_only_one_can() -> None:
    s = toy_season()
    s = replace(s, clients=tuple(client(f"C{i}", languages=("fi",)) for i in range(3)))
    s = with_group(with_group(s, "G2", priority=3), "G3", language="fi")
    result = solve(s, FAST)
    assert set(result.plan.placement) == {"G2"}


def test_clients_go_to_their_first_wish_when_both_groups_have_room() -> None:
    s = toy_season()
    clients = [client(f"C{i:02d}", wishes=("G2", "G1")) for i in range(1, 4)]
    clients += [client(f"C{i:02d}", wishes=("G1",)) for i in range(4, 25)]
    result = solve(replace(s, clients=tuple(clients)), FAST)
    joined = dict(result.plan.participants)
    assert all(joined[f"C{i:02d}"] == "G2" for i in range(1, 4))


def test_outputs_follow_the_design_contract(tmp_path: Path) -> None:
    season = with_group(toy_season(), "G2", hours=6.0)
    result = solve(season, FAST)
    paths = write_outputs(result, season, tmp_path)
    assert [p.name for p in paths] == [
        "plan_groups.csv",
        "plan_participants.csv",
        "staff_days.csv",
        "summary.json",
    ]
    with (tmp_path / "plan_groups.csv").open() as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == ["group_id", "weekday", "start", "end", "venue_id", "leaders"]
    assert {r["group_id"] for r in rows} == {"G1", "G3"}
    for r in rows:
        assert r["weekday"] in WEEKDAYS
        assert len(r["start"]) == 5 and r["start"][2] == ":"
        assert all(pid in season.person for pid in r["leaders"].split(";"))
    with (tmp_path / "plan_participants.csv").open() as f:
        participants = list(csv.DictReader(f))
    assert list(participants[0]) == ["client_code", "group_id", "mode"]
    assert {r["mode"] for r in participants} <= {"on_site", "remote"}
    assert [
        (r["client_code"], r["group_id"]) for r in participants if r["mode"] == "remote"
    ] == sorted(set(result.plan.remote))
    with (tmp_path / "staff_days.csv").open() as f:
        days = list(csv.DictReader(f))
    assert list(days[0]) == [
        "staff_id",
        "weekday",
        "stops",
        "km",
        "drive_min",
        "first_date",
        "last_date",
    ]
    # A period's dates are both there or both empty, and fall on the row's weekday.
    for r in days:
        assert bool(r["first_date"]) == bool(r["last_date"])
        if r["first_date"]:
            first, last = (dt.date.fromisoformat(r[k]) for k in ("first_date", "last_date"))
            assert first <= last and WEEKDAYS[first.weekday()] == r["weekday"]
    summary = json.loads((tmp_path / "summary.json").read_text())
    for key in (
        "status",
        "objective",
        "best_bound",
        "wall_s",
        "unscheduled",
        "gap",
        "first_feasible_s",
        "counts",
        "unplaced_clients",
    ):
        assert key in summary
    assert summary["unscheduled"][0]["group_id"] == "G2"
    assert "2-4 hours" in summary["unscheduled"][0]["reason"]


def _without_repeats(stops) -> list[str]:
    return [v for i, v in enumerate(stops) if i == 0 or v != stops[i - 1]]


def test_staff_days_start_and_end_at_the_base_in_time_order() -> None:
    season = random_season(3, groups=10, clients=80, staff_n=6, venues=12, partners=2)
    result = solve(season, steady_params(explain=False))
    days = staff_days(season, result.plan)
    leading = {(pid, p.weekday) for p in result.plan.placements for pid in p.leaders}
    assert {(d.staff_id, d.weekday) for d in days} == {
        (pid, w) for pid, w in leading if pid in {s.staff_id for s in season.staff}
    }
    in_person = 0
    for day in days:
        base = season.person[day.staff_id].base_venue
        assert day.stops[0] == base and day.stops[-1] == base and len(day.stops) >= 2
        venues = [
            p.venue_id
            for p in sorted(result.plan.placements, key=lambda p: p.start)
            if day.staff_id in p.leaders and p.weekday == day.weekday and p.venue_id
        ]
        in_person += bool(venues)
        # From the base, to each venue in time order (once while staying), back to the base.
        assert _without_repeats(day.stops) == _without_repeats([base, *venues, base])
        assert day.km >= 0 and day.drive_min >= 0
    assert in_person > 0  # the check above met real routes, not only remote days


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_warm_start_plans_are_valid(seed: int) -> None:
    season = random_season(seed, groups=15, clients=110, staff_n=8, venues=12, partners=3)
    params = SolveParams()
    plan = warm_start_plan(season, Candidates(season, params))
    assert plan.placements
    assert plan_problems(season, plan) == []


@pytest.mark.parametrize("seed", [5, 6])
def test_solver_does_at_least_as_well_as_the_greedy_baseline(seed: int) -> None:
    season = random_season(seed, groups=15, clients=110, staff_n=8, venues=12, partners=3)
    result = solve(season, steady_params(explain=False))
    greedy = greedy_plan(season)
    assert plan_problems(season, result.plan) == []
    assert result.groups_scheduled >= len(greedy.placements)
    if result.groups_scheduled == len(greedy.placements):
        assert result.clients_placed >= len({c for c, _ in greedy.participants})


@pytest.mark.slow
def test_scale_one_sized_season_is_planned_validly_and_better_than_greedy() -> None:
    season = random_season(1)
    result = solve(season, steady_params())
    greedy = greedy_plan(season)
    assert plan_problems(season, result.plan) == []
    assert result.gap is not None  # the 1 % target is measured in benchmarks/solve.py
    assert result.groups_scheduled >= len(greedy.placements)
    assert all(u.reason for u in result.plan.unscheduled)


@pytest.mark.slow
def test_the_bundled_sample_season_is_planned_validly_and_better_than_greedy(sample_dir) -> None:
    from planner.io import read_season

    report = read_season(sample_dir)
    assert report.ok, report.errors[:3]
    season = report.season
    result = solve(season, steady_params())
    greedy = greedy_plan(season)
    assert plan_problems(season, result.plan) == []
    weighted = sum(season.group[p.group_id].priority for p in result.plan.placements)
    assert weighted >= sum(season.group[p.group_id].priority for p in greedy.placements)
    # Any plan found keeps every rule and schedules at least the greedy plan's groups; how close
    # it gets to the bound in a given time (the 1 % target) is a figure of benchmarks/solve.py.
    assert result.gap is not None
    assert result.groups_scheduled >= len(greedy.placements)
