"""Re-planning: keep what still works, replace what does not, and say what moved."""

from __future__ import annotations

from dataclasses import replace

import pytest
from toys import group, steady_params, toy_season

from planner.model import Placement, Plan
from planner.plan_check import plan_problems
from planner.solve import Changes, plan_diff, solve

PARAMS = steady_params()


@pytest.fixture(scope="module")
def first():
    season = toy_season()
    return season, solve(season, PARAMS).plan


def _session(p: Placement) -> tuple:
    return (p.weekday, p.start, p.venue_id)


def test_an_absent_leader_is_replaced_and_nothing_else_moves(first) -> None:
    season, before = first
    gone = before.placement["G1"].leaders[0]
    result = solve(season, PARAMS, previous=before, changes=Changes(absent=frozenset({gone})))
    after = result.plan
    assert plan_problems(season, after) == []
    assert all(gone not in p.leaders for p in after.placements)
    assert set(after.placement) == set(before.placement)
    for gid, p in before.placement.items():
        assert _session(after.placement[gid]) == _session(p)
    assert sorted(after.participants) == sorted(before.participants)
    changes = result.diff(before)
    assert any(line.startswith(f"leader {gone} replaced by ") for line in changes)
    assert all("moved" not in line for line in changes)


def test_a_closed_venue_moves_its_groups_to_another_venue_at_the_same_time(first) -> None:
    season, before = first
    closed = before.placement["G1"].venue_id
    result = solve(
        season, PARAMS, previous=before, changes=Changes(closed_venues=frozenset({closed}))
    )
    after = result.plan
    assert plan_problems(season, after) == []
    assert all(p.venue_id != closed for p in after.placements)
    moved = after.placement["G1"]
    assert (moved.weekday, moved.start) == (
        before.placement["G1"].weekday,
        before.placement["G1"].start,
    )
    assert any(
        line.startswith("G1 moved") and f"from {closed} to " in line for line in result.diff(before)
    )


def test_a_cancelled_group_frees_its_clients_for_the_others(first) -> None:
    season, before = first
    result = solve(season, PARAMS, previous=before, changes=Changes(cancelled=frozenset({"G2"})))
    after = result.plan
    assert "G2" not in after.placement
    assert plan_problems(season, after) == []
    changes = result.diff(before)
    assert any(line.startswith("G2 no longer scheduled") for line in changes)
    for gid in ("G1", "G3"):
        assert _session(after.placement[gid]) == _session(before.placement[gid])
    assert any(" moved from G2 to " in line for line in changes)


def test_an_added_group_is_planned_around_the_existing_ones(first) -> None:
    season, before = first
    bigger = replace(season, groups=(*season.groups, group("G4", theme="art")))
    result = solve(bigger, PARAMS, previous=before)
    after = result.plan
    assert "G4" in after.placement
    assert plan_problems(bigger, after) == []
    for gid, p in before.placement.items():
        assert _session(after.placement[gid]) == _session(p)


def test_the_diff_names_what_moved_and_for_whom() -> None:
    before = Plan(
        (Placement("G-012", 1, 600, 720, "V-1", ("S-3", "P-1")),),
        (("C-00123", "G-012"),),
    )
    after = Plan(
        (
            Placement("G-012", 2, 780, 900, "V-2", ("S-9", "P-1")),
            Placement("G-4", 0, 600, 720, "V-1", ("S-3",)),
        ),
        (("C-00123", "G-4"),),
    )
    assert plan_diff(before, after) == [
        "G-012 moved Tue 10:00 -> Wed 13:00 (V-1 -> V-2)",
        "leader S-3 replaced by S-9 in G-012",
        "G-4 newly scheduled Mon 10:00 (V-1) led by S-3",
        "C-00123 moved from G-012 to G-4",
    ]


def test_changes_refuse_a_single_string_for_a_set_of_ids() -> None:
    with pytest.raises(TypeError):
        Changes(absent="S1")  # type: ignore[arg-type]
