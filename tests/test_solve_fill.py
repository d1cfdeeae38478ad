"""The last pass of the solver: open seats filled beyond the model's candidate lists."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st
from toys import client, group, partner, random_season, season_of, staff, steady_params, venue

from planner.baseline import greedy_plan
from planner.model import Placement, Plan
from planner.plan_check import plan_problems
from planner.solve import solve
from planner.solve.fill import fill_open_seats

MON = 0


def four_in_one_leader_group(**season_kw) -> tuple:
    """G1 on Monday 10-12 at V1 led by S1 alone with four clients; four more could come."""
    season = season_of(
        venues=[venue("V1"), venue("V2", "078")],
        staff_=season_kw.pop("staff_", [staff("S1"), staff("S2")]),
        partners=season_kw.pop("partners", []),
        groups=[group("G1"), group("G2", municipality="078")],
        clients=[client(f"C{i}") for i in range(1, 9)]
        + [client("SV1", languages=("sv",)), client("TUE", days=(1,))],
    )
    plan = Plan(
        (Placement("G1", MON, 600, 720, "V1", ("S1",)),),
        tuple((f"C{i}", "G1") for i in range(1, 5)),
    )
    return season, plan


def test_a_free_second_leader_lets_a_group_grow_past_four() -> None:
    season, plan = four_in_one_leader_group()
    filled, added, seconded = fill_open_seats(season, plan)
    assert seconded == 1
    assert filled.placement["G1"].leaders == ("S1", "S2")
    # C5-C8 join; SV1 speaks no Finnish and TUE cannot come on Mondays.
    assert sorted(c for c, _ in filled.participants) == [f"C{i}" for i in range(1, 9)]
    assert added == 4
    assert plan_problems(season, filled) == []


def test_no_second_leader_who_cannot_travel_between_venues_in_time() -> None:
    season, plan = four_in_one_leader_group()
    # S2 leads G2 in Hanko until 10:00 on Monday; Espoo is over an hour away.
    plan = Plan(
        (*plan.placements, Placement("G2", MON, 480, 600, "V2", ("S2",))),
        plan.participants,
    )
    filled, added, seconded = fill_open_seats(season, plan)
    assert seconded == 0 and added == 0
    assert filled == plan


def test_a_partner_seconds_only_beside_a_qualified_staff_member() -> None:
    unqualified = staff("S1", qualified=False)
    season, plan = four_in_one_leader_group(staff_=[unqualified], partners=[partner("P1")])
    # S1 is not qualified: a team of S1 and a partner has no qualified staff leader.
    assert fill_open_seats(season, plan)[2] == 0
    season, plan = four_in_one_leader_group(staff_=[staff("S1")], partners=[partner("P1")])
    filled, _, seconded = fill_open_seats(season, plan)
    assert seconded == 1 and filled.placement["G1"].leaders == ("S1", "P1")
    assert plan_problems(season, filled) == []


def test_a_full_weekly_cap_keeps_a_staff_member_from_seconding() -> None:
    season, plan = four_in_one_leader_group(staff_=[staff("S1"), staff("S2", max_group_hours=2)])
    # G1 is 2 h plus 30 min around it: more than S2's 2 h.
    assert fill_open_seats(season, plan)[2] == 0


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000))
def test_filling_a_valid_plan_keeps_it_valid_and_never_removes_anyone(seed: int) -> None:
    season = random_season(seed, groups=8, clients=60, staff_n=5, venues=6, partners=2)
    plan = greedy_plan(season)
    filled, added, _ = fill_open_seats(season, plan)
    assert plan_problems(season, filled) == []
    assert set(plan.participants) <= set(filled.participants)
    assert len(filled.participants) == len(plan.participants) + added
    assert {p.group_id for p in filled.placements} == {p.group_id for p in plan.placements}


def test_the_solver_reports_what_the_last_pass_added() -> None:
    season, _ = four_in_one_leader_group()
    season = replace(season, groups=season.groups[:1])
    result = solve(season, steady_params())
    assert plan_problems(season, result.plan) == []
    # Every client but the Swedish speaker: on Tuesday, so that TUE can come too.
    assert len(result.plan.participants) == 9
    assert result.plan.placement["G1"].weekday == 1
    # The model found it all; nothing was left for the last pass.
    assert result.stats["clients_placed_after_search"] == 0
    assert result.stats["second_leaders_after_search"] == 0
