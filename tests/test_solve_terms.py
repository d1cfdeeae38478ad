"""Terms in the solver, the greedy baseline and the plan's checks: groups whose terms share no
week may share a leader, a room, a slot and a client, and weekly hours bind the busiest week.

Each case is one small season solved for real; every plan is checked with the independent
validator (`planner.plan_check`), which reads the same meaning of a plan (DESIGN.md).
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import replace

import pytest
from toys import START, client, group, season_of, staff, steady_params, venue

from planner.baseline import greedy_plan
from planner.model import Season
from planner.plan_check import plan_problems
from planner.plan_figures import staff_days
from planner.solve import can_run, solve
from planner.solve.output import write_outputs

PARAMS = steady_params()
EIGHT_WEEKS = dt.timedelta(weeks=8)


def _two_terms(second_start: dt.date, *, hours_cap: float = 12.0, popup: bool = False) -> Season:
    """G1 and G2, both pinned to Monday 10:00 at V1 (one room) and led by S1, the only
    leader; G1 runs eight weeks from START, G2 from `second_start`. Clients for both."""
    g2 = dict(kind="popup", weeks=None) if popup else dict(weeks=8)
    return season_of(
        venues=[venue("V1")],
        staff_=[staff("S1", max_group_hours=hours_cap)],
        groups=[
            group("G1", weekday=0, start=600, weeks=8),
            group("G2", weekday=0, start=600, start_date=second_start, **g2),
        ],
        clients=[client(f"C{i}") for i in range(1, 25)],
    )


def _scheduled(season: Season, plan) -> set[str]:
    assert plan_problems(season, plan) == []
    return {p.group_id for p in plan.placements}


def test_groups_in_consecutive_terms_share_leader_room_and_slot() -> None:
    season = _two_terms(START + EIGHT_WEEKS)
    result = solve(season, PARAMS)
    assert _scheduled(season, result.plan) == {"G1", "G2"}
    p1, p2 = (result.plan.placement[g] for g in ("G1", "G2"))
    assert (p1.weekday, p1.start, p1.venue_id, p1.leaders) == (
        p2.weekday,
        p2.start,
        p2.venue_id,
        p2.leaders,
    )


@pytest.mark.parametrize("overlap_weeks", [1, 8])
def test_groups_whose_terms_share_a_week_cannot(overlap_weeks: int) -> None:
    season = _two_terms(START + EIGHT_WEEKS - dt.timedelta(weeks=overlap_weeks))
    result = solve(season, PARAMS)
    assert len(_scheduled(season, result.plan)) == 1
    (left_out,) = result.unscheduled
    # The reason names the clash with the other group, not a journey.
    assert {"person_overlap@plan", "venue_rooms@plan"} & set(left_out.rules)
    assert "travel_gap@plan" not in left_out.rules


def test_a_popup_without_weeks_clashes_all_season() -> None:
    season = _two_terms(START + 2 * EIGHT_WEEKS, popup=True)
    assert len(_scheduled(season, solve(season, PARAMS).plan)) == 1


def test_weekly_hours_bind_the_busiest_week() -> None:
    # 2 h sessions with 30 min around each: one group a week fits 2.5 h, two do not.
    apart = _two_terms(START + EIGHT_WEEKS, hours_cap=2.5)
    apart = replace(apart, groups=tuple(replace(g, weekday=None, start=None) for g in apart.groups))
    assert _scheduled(apart, solve(apart, PARAMS).plan) == {"G1", "G2"}
    together = replace(apart, groups=tuple(replace(g, start_date=START) for g in apart.groups))
    result = solve(together, PARAMS)
    assert len(_scheduled(together, result.plan)) == 1
    (left_out,) = result.unscheduled
    assert not can_run(together, left_out.subject, PARAMS, result.plan)
    assert can_run(together, left_out.subject, PARAMS, result.plan, relax=["weekly_hours"])


def test_a_client_may_join_two_groups_at_one_hour_in_consecutive_terms() -> None:
    season = _two_terms(START + EIGHT_WEEKS)
    season = replace(season, clients=tuple(client(f"C{i}", max_groups=2) for i in range(1, 4)))
    result = solve(season, PARAMS)
    assert _scheduled(season, result.plan) == {"G1", "G2"}
    assert {c for c, g in result.plan.participants if g == "G2"} == {"C1", "C2", "C3"}
    assert {c for c, g in result.plan.participants if g == "G1"} == {"C1", "C2", "C3"}


def test_greedy_baseline_shares_leader_and_room_across_terms() -> None:
    season = _two_terms(START + EIGHT_WEEKS)
    assert _scheduled(season, greedy_plan(season)) == {"G1", "G2"}
    overlapping = _two_terms(START + dt.timedelta(weeks=4))
    assert len(_scheduled(overlapping, greedy_plan(overlapping))) == 1


def test_staff_days_give_one_route_per_period_when_a_weekday_changes(tmp_path) -> None:
    season = _two_terms(START + EIGHT_WEEKS)
    season = replace(
        season,
        venues=(*season.venues, venue("V2")),
        groups=tuple(replace(g, venue_id="V2") if g.group_id == "G2" else g for g in season.groups),
    )
    result = solve(season, PARAMS)
    assert _scheduled(season, result.plan) == {"G1", "G2"}
    days = staff_days(season, result.plan)
    assert [(d.weekday, d.stops, d.first_date, d.last_date) for d in days] == [
        (0, ("V1", "V1"), START, START + dt.timedelta(weeks=7)),
        (0, ("V1", "V2", "V1"), START + EIGHT_WEEKS, START + dt.timedelta(weeks=15)),
    ]
    write_outputs(result, season, tmp_path)
    with (tmp_path / "staff_days.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [(r["stops"], r["first_date"], r["last_date"]) for r in rows] == [
        ("V1;V1", START.isoformat(), (START + dt.timedelta(weeks=7)).isoformat()),
        (
            "V1;V2;V1",
            (START + EIGHT_WEEKS).isoformat(),
            (START + dt.timedelta(weeks=15)).isoformat(),
        ),
    ]


def test_a_weekday_with_one_period_has_no_dates() -> None:
    season = _two_terms(START)
    season = replace(season, groups=tuple(replace(g, start=None) for g in season.groups))
    result = solve(season, PARAMS)
    days = staff_days(season, result.plan)
    assert days and all(d.first_date is None and d.last_date is None for d in days)
