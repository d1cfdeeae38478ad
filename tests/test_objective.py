"""The objective (planner/solve/objective.py): each term on a toy where its value is known by
hand, the dominance between tiers, and the 53-bit guard on the largest season.

Terms are evaluated on hand-made plans through the built model (`plan_values`), without a
search, so the expected values are exact; the dominance toys are solved with
`steady_params()`.
"""

from __future__ import annotations

import math
from dataclasses import replace

import pytest
from ortools.sat.python import cp_model
from toys import client, group, season_of, staff, steady_params, toy_season, venue, with_group

from planner.model import Placement, Plan, Season
from planner.solve import solve
from planner.solve.candidates import MAX_FIT, Candidates
from planner.solve.objective import (
    COST_TIERS,
    COVERAGE_TIERS,
    REPLAN_COST_TIERS,
    REPLAN_COVERAGE_TIERS,
    Objective,
    Term,
    cost_objective,
    coverage_objective,
    placement_base,
    plan_objective,
    tier_weights,
)
from planner.solve.variables import build_variables
from planner.solve.warm_start import plan_values

PARAMS = steady_params()
MAX_EXACT = 2**53
"""CP-SAT's objective and linear relaxation are exact below this (a double's mantissa)."""
LARGEST_SCALE = 8
"""The largest season the product supports: 8x the sample (376 groups, 2,646 clients; the
README's benchmark table)."""


class Built:
    """A season's model with both objectives, for evaluating plans term by term."""

    def __init__(self, season: Season, previous: Plan | None = None) -> None:
        self.season = season
        self.cands = Candidates(season, PARAMS, keep=previous)
        self.model = cp_model.CpModel()
        self.v = build_variables(self.model, season, PARAMS, self.cands)
        self.coverage = coverage_objective(self.model, season, self.v, previous)
        changes = next((t for t in self.coverage.terms if t.name == "changes"), None)
        self.cost = cost_objective(self.model, season, self.v, changes)

    def terms(self, plan: Plan) -> dict[str, int]:
        values = plan_values(self.v, plan)
        _, coverage = plan_objective(self.coverage, values)
        _, cost = plan_objective(self.cost, values)
        return {**coverage, **cost}

    def value(self, objective: Objective, plan: Plan) -> float:
        return plan_objective(objective, plan_values(self.v, plan))[0]

    def unit(self, name: str) -> int:
        return next(t.unit for t in (*self.coverage.terms, *self.cost.terms) if t.name == name)


def one_group_plan(gid="G1", leaders=("S1",), venue_id="V1", codes=(), weekday=0, start=600):
    placement = Placement(gid, weekday, start, start + 120, venue_id, tuple(leaders))
    return Plan((placement,), tuple((c, gid) for c in codes))


def empty_plan() -> Plan:
    return Plan((), ())


# --- one toy per term ---


def test_scheduled_groups_count_each_group_by_its_priority() -> None:
    season = with_group(toy_season(), "G1", priority=3)
    built = Built(season)
    both = Plan(
        (
            Placement("G2", 0, 600, 720, "V1", ("S1",)),
            Placement("G3", 1, 600, 720, "V1", ("S1",)),
        ),
        (),
    )
    assert built.terms(empty_plan())["scheduled_groups"] == 0
    assert built.terms(one_group_plan("G1"))["scheduled_groups"] == 3
    assert built.terms(both)["scheduled_groups"] == 2


def test_placed_clients_are_worth_the_base_plus_their_fit() -> None:
    clients = [client("C01", wishes=("G1",)), client("C02"), client("C03", interests=())]
    season = replace(toy_season(), clients=tuple(clients))
    built = Built(season)
    base = placement_base(season, built.v)
    assert base == 1 + MAX_FIT * 3  # three clients, one group each at most
    terms = {
        codes: built.terms(one_group_plan(codes=codes))["placed_clients"]
        for codes in [(), ("C01",), ("C02",), ("C03",), ("C01", "C02", "C03")]
    }
    assert terms[()] == 0
    assert terms[("C01",)] == base + 5  # first wish
    assert terms[("C02",)] == base + 1  # the group's theme is among the interests
    assert terms[("C03",)] == base + 0
    assert terms[("C01", "C02", "C03")] == 3 * base + 6


def test_staff_travel_is_the_round_trip_from_the_base_per_leader() -> None:
    built = Built(toy_season())
    to_v2 = built.cands.round_trip("S1", "V2")
    assert to_v2 > 0 and built.cands.round_trip("S1", "V1") == 0  # S1's base is V1
    assert built.unit("staff_travel") == 1
    assert built.terms(one_group_plan(venue_id="V1"))["staff_travel"] == 0
    assert built.terms(one_group_plan(venue_id="V2"))["staff_travel"] == to_v2
    two = one_group_plan(venue_id="V2", leaders=("S1", "S2"))
    assert built.terms(two)["staff_travel"] == 2 * to_v2  # S2's base is V1 too


@pytest.mark.parametrize(
    ("hours", "penalty"),
    [
        (5.0, 0),  # 150 of 300 min: 50 %, nothing above 50
        (3.0, 52),  # 150 of 180 min: 84 % (rounded up): 34 above 50, 9 above 75 twice
        (2.5, 140),  # 150 of 150 min: 100 %: 50 + 2 * 25 + 4 * 10
    ],
)
def test_staff_load_is_penalised_convexly_above_50_75_and_90_percent(hours, penalty) -> None:
    season = toy_season()
    season = replace(
        season,
        staff=tuple(
            replace(s, max_group_hours=hours) if s.staff_id == "S1" else s for s in season.staff
        ),
    )
    built = Built(season)
    assert built.unit("staff_load") == 1
    assert PARAMS.allowance_min == 30  # a 2-hour group counts 150 minutes
    assert built.terms(one_group_plan())["staff_load"] == penalty


def test_client_travel_is_each_in_person_participants_trip_and_remote_groups_cost_none() -> None:
    season = toy_season()
    built = Built(season)
    codes = ("C01", "C02", "C03")
    trip = sum(built.cands.client_minutes(code, "V1") for code in codes)
    assert trip > 0
    assert built.unit("client_travel") == 1
    assert built.terms(one_group_plan(codes=codes))["client_travel"] == trip
    remote = with_group(season, "G1", mode="remote")
    built = Built(remote)
    plan = Plan((Placement("G1", 0, 600, 720, None, ("S1",)),), tuple((c, "G1") for c in codes))
    assert built.terms(plan)["client_travel"] == 0


def test_changes_count_one_unit_per_changed_weekday_start_venue_leader_and_participant() -> None:
    season = toy_season()
    before = one_group_plan(codes=("C01", "C02", "C03"))
    built = Built(season, previous=before)
    assert built.terms(before)["changes"] == 0
    moved = one_group_plan(codes=("C01", "C02", "C03"), weekday=1)
    assert built.terms(moved)["changes"] == 1
    later = one_group_plan(codes=("C01", "C02", "C03"), start=660)
    assert built.terms(later)["changes"] == 1
    elsewhere = one_group_plan(codes=("C01", "C02", "C03"), venue_id="V2")
    assert built.terms(elsewhere)["changes"] == 1
    other_leader = one_group_plan(codes=("C01", "C02", "C03"), leaders=("S2",))
    assert built.terms(other_leader)["changes"] == 1
    one_left = one_group_plan(codes=("C01", "C02"))
    assert built.terms(one_left)["changes"] == 1
    # Dropping the group changes everything it had: weekday, start, venue, leader, 3 clients.
    assert built.terms(empty_plan())["changes"] == 7


# --- dominance ---


def test_each_tier_outweighs_everything_below_it_together() -> None:
    terms = [
        Term("a", 1, (), 7),
        Term("b", 2, (), 1_000),
        Term("c", 3, (), 50),
        Term("d", 3, (), 20),
    ]
    weights = tier_weights(terms, (1, 2, 3))
    assert weights == {3: 1, 2: 1 + 70, 1: 1 + 71 * 1_000 + 70}
    for order in (COVERAGE_TIERS, REPLAN_COVERAGE_TIERS, COST_TIERS, REPLAN_COST_TIERS):
        weights = tier_weights([Term(str(k), k, (), 10 * k) for k in order], order)
        for i, tier in enumerate(order):
            below = sum(weights[k] * 10 * k for k in order[i + 1 :])
            assert weights[tier] > below, (order, tier)


def test_one_more_group_beats_any_number_of_clients() -> None:
    built = Built(toy_season())
    every_client = tuple(c.client_code for c in built.season.clients)
    two_full = Plan(
        (
            Placement("G1", 0, 600, 720, "V1", ("S1", "S2")),
            Placement("G2", 1, 600, 720, "V1", ("S1", "S2")),
        ),
        tuple(
            (code, gid)
            for gid, codes in (("G1", every_client[:10]), ("G2", every_client[10:20]))
            for code in codes
        ),
    )
    three_empty = Plan(
        (
            Placement("G1", 0, 600, 720, "V1", ("S1",)),
            Placement("G2", 1, 600, 720, "V1", ("S1",)),
            Placement("G3", 2, 600, 720, "V1", ("S1",)),
        ),
        (),
    )
    assert built.terms(two_full)["placed_clients"] > 0 == built.terms(three_empty)["placed_clients"]
    assert built.value(built.coverage, three_empty) < built.value(built.coverage, two_full)
    placed = next(t for t in built.coverage.terms if t.name == "placed_clients")
    assert built.coverage.weights[1] > built.coverage.weights[2] * placed.upper


def test_one_more_client_beats_any_travel_saving() -> None:
    """G1 fits ten; the tenth client needs an accessible room, and only V2, away from every
    leader's base, has one: the plan takes the tenth client and the travel with it."""
    season = season_of(
        venues=[venue("V1", accessible=False), venue("V2", lat=60.30, lon=24.80)],
        staff_=[staff("S1"), staff("S2")],
        groups=[group("G1")],
        clients=[client(f"C{i:02d}") for i in range(1, 10)]
        + [client("C10", needs_accessible=True)],
    )
    built = Built(season)
    assert built.cands.round_trip("S1", "V2") > 0
    result = solve(season, PARAMS)
    assert result.plan.placement["G1"].venue_id == "V2"
    assert result.clients_placed == 10
    cost = result.stages[-1]
    assert cost.name == "cost" and cost.terms["staff_travel"] > 0
    assert "placed_clients" not in cost.terms  # stage 2 keeps it as a constraint, never trades it


# --- the 53-bit guard ---


def largest_magnitude(objective: Objective) -> int:
    return sum(objective.weights[t.tier] * (t.upper + abs(t.constant)) for t in objective.terms)


@pytest.mark.slow
def test_the_largest_objective_of_the_largest_season_stays_under_two_to_the_53(tmp_path) -> None:
    from planner.io import read_season
    from planner.sample import write_season
    from planner.solve.warm_start import warm_start_plan

    write_season(tmp_path, scale=LARGEST_SCALE)
    report = read_season(tmp_path)
    assert report.ok, report.errors[:3]
    season = report.season
    assert len(season.groups) >= 376 and len(season.clients) >= 2_600
    fresh = Built(season)
    previous = warm_start_plan(season, fresh.cands)
    replan = Built(season, previous=previous)
    for built in (fresh, replan):
        for objective in (built.coverage, built.cost):
            magnitude = largest_magnitude(objective)
            assert 0 < magnitude < MAX_EXACT, (objective.order, math.log2(magnitude))
