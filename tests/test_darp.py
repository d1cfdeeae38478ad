"""The work car as a dial-a-ride problem (`planner.routing.darp`): reading Cordeau-Laporte
instance files, their integer model, the real-number checker, and solves that keep every rule.

Files: tests/data/darp/a2-16.txt (a copy of the public instance) and tiny.txt (two requests:
1 -> 3 with a drop-off window, 2 -> 4 with a pick-up window; a final copy of the depot).
"""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.routing import check
from planner.routing.darp import (
    SCALE,
    Darp,
    DarpFormatError,
    DarpSolution,
    cost,
    darp_params,
    from_solution,
    read_darp,
    solve_darp,
    to_instance,
    violations,
)
from planner.routing.vrptw import SolveParams, VrpInstance, solve_vrptw_ortools

DATA = Path(__file__).resolve().parent / "data" / "darp"
TINY = DATA / "tiny.txt"
A2_16 = DATA / "a2-16.txt"


def tiny_schedule(darp: Darp) -> DarpSolution:
    """A valid hand-made schedule of tiny.txt: one vehicle 1, 3, 2, 4, the other idle."""
    t1 = darp.travel(0, 1)
    t3 = max(t1 + darp.service[1] + darp.travel(1, 3), darp.windows[3][0])
    t2 = max(t3 + darp.service[3] + darp.travel(3, 2), darp.windows[2][0])
    t4 = t2 + darp.service[2] + darp.travel(2, 4)
    back = t4 + darp.service[4] + darp.travel(4, 0)
    depart = t3 - darp.service[1] - darp.travel(1, 3) - darp.service[0] - t1  # no early wait
    return DarpSolution(
        routes=((1, 3, 2, 4), ()),
        times=((depart + t1, t3, t2, t4), ()),
        departures=(depart, 0.0),
        returns=(back, 0.0),
    )


# --- reading --------------------------------------------------------------------------------


def test_the_tiny_file_reads_as_written_without_its_final_depot_copy() -> None:
    darp = read_darp(TINY)
    assert (darp.name, darp.vehicles, darp.capacity, darp.requests) == ("tiny", 2, 3, 2)
    assert (darp.max_route_duration, darp.max_ride) == (480, 30)
    assert darp.coords == ((0, 0), (1, 0), (0, 2), (3, 0), (0, 4))
    assert darp.loads == (0, 1, 1, -1, -1)
    assert darp.windows[2] == (60, 90) and darp.windows[3] == (20, 50)
    assert darp.dropoff(1) == 3


def test_a2_16_reads_with_its_header_and_33_nodes() -> None:
    darp = read_darp(A2_16)
    assert (darp.vehicles, darp.requests, darp.capacity) == (2, 16, 3)
    assert (darp.max_route_duration, darp.max_ride) == (480, 30)
    assert len(darp.coords) == 33
    assert set(darp.service[1:]) == {3}


GOOD = TINY.read_text(encoding="utf-8").splitlines()


def _with(line: int, text: str | None) -> str:
    lines = list(GOOD)
    if text is None:
        del lines[line - 1]
    else:
        lines[line - 1] = text
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("content", "where", "what"),
    [
        ("", "line 1", "empty"),
        (_with(1, "2 4 480 3"), "line 1", "the header needs 5 numbers"),
        (_with(1, "2 5 480 3 30"), "line 1", "even node count"),
        (_with(1, "2.5 4 480 3 30"), "line 1", "whole number"),
        (_with(3, "  1   1.000   x  1  1   0 1440"), "line 3", "'x' is not a number"),
        (_with(3, "  1   1.000   0.000  1  1   0"), "line 3", "a node line needs 7 numbers"),
        (_with(3, "  7   1.000   0.000  1  1   0 1440"), "line 3", "node id 7, expected 1"),
        (_with(4, "  2   0.000   2.000  1  1  90   60"), "line 4", "opens after it closes"),
        (_with(5, "  3   3.000   0.000  1 -2  20   50"), "line 5", "drop-off load -2"),
        (_with(3, "  1   1.000   0.000 -1  1   0 1440"), "line 3", "negative service time"),
        (_with(3, "  1   1.000   0.000  1  4   0 1440"), "line 3", "pick-up load 4"),
        (
            "\n".join(GOOD[:5]) + "\n",
            "line 6",
            "expected 5 node lines (depot and 4 stops), found 4",
        ),
        ("\n".join(GOOD) + "\n  6 0 0 0 0 0 1440\n", "line 8", "found 7"),
        (_with(7, "  5   9.000   0.000  0  0   0 1440"), "line 7", "copy of the depot"),
    ],
)
def test_a_malformed_file_fails_with_one_line_naming_file_and_line(
    tmp_path: Path, content: str, where: str, what: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DarpFormatError) as caught:
        read_darp(path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: {where}: "), message
    assert what in message, message


def test_a_missing_file_fails_with_one_line(tmp_path: Path) -> None:
    with pytest.raises(DarpFormatError, match="cannot be read"):
        read_darp(tmp_path / "nope.txt")


# --- the integer model ----------------------------------------------------------------------


def test_the_integer_model_rounds_travel_up_and_keeps_the_ride_convention() -> None:
    darp = read_darp(A2_16)
    inst = to_instance(darp)
    for a in range(len(darp.coords)):
        for b in range(len(darp.coords)):
            assert inst.duration[a][b] >= darp.travel(a, b) * SCALE
            assert inst.duration[a][b] - darp.travel(a, b) * SCALE < 1
    assert inst.pairs[0] == (1, 17) and len(inst.pairs) == 16
    # ride = drop-off start minus pick-up END of service: start-to-start limit L + service
    assert inst.max_rides == ((30 + 3) * SCALE,) * 16
    assert inst.max_route_duration == 480 * SCALE
    assert inst.capacities == (3, 3)
    assert inst.time_windows[0] == (0, 1440 * SCALE)


def test_a_pick_ups_own_service_time_sets_its_ride_limit() -> None:
    darp = dataclasses.replace(read_darp(TINY), service=(0, 5, 2, 1, 1))
    assert to_instance(darp).max_rides == (35 * SCALE, 32 * SCALE)


def test_max_rides_must_give_one_limit_per_pair() -> None:
    inst = to_instance(read_darp(TINY))
    with pytest.raises(ValueError, match="one limit per pair"):
        dataclasses.replace(inst, max_rides=(1,))


# --- the real-number checker ----------------------------------------------------------------


def test_the_hand_made_schedule_is_valid_and_costs_its_distance() -> None:
    darp = read_darp(TINY)
    schedule = tiny_schedule(darp)
    assert violations(darp, schedule) == []
    legs = [(0, 1), (1, 3), (3, 2), (2, 4), (4, 0)]
    assert cost(darp, schedule) == pytest.approx(sum(darp.travel(a, b) for a, b in legs))


def _broken(schedule: DarpSolution, **changes) -> DarpSolution:
    return dataclasses.replace(schedule, **changes)


def test_the_checker_catches_each_kind_of_broken_rule() -> None:
    darp = read_darp(TINY)
    good = tiny_schedule(darp)
    (t1, t3, t2, t4), depart, back = good.times[0], good.departures[0], good.returns[0]
    cases = {
        "request 2 is not served": _broken(good, routes=((1, 3), ()), times=((t1, t3), ())),
        "dropped off before it is picked up": _broken(
            good, routes=((3, 1, 2, 4), ()), times=((t1, t3, t2, t4), ())
        ),
        "picked up by vehicle 0, dropped off by vehicle 1": _broken(
            good,
            routes=((1, 2, 4), (3,)),
            times=((t1, t2, t4), (t3,)),
            departures=(depart, t3 - 3),
            returns=(back, t3 + 4),
        ),
        "visited twice": _broken(
            good, routes=((1, 3, 2, 4, 4), ()), times=((t1, t3, t2, t4, t4 + 9), ())
        ),
        "window [60, 90]": _broken(good, times=((t1, t3, 95.0, t4 + 30), ())),
        "request 2: ride time 42.000, over 30": _broken(
            good, times=((t1, t3, t2, t4 + 40), ()), returns=(back + 40, 0.0)
        ),
        "cannot reach stop 3": _broken(good, times=((t1, t1 + 0.5, t2, t4), ())),
        "cannot be back at the depot": _broken(good, returns=(t4, 0.0)),
        "route lasts": _broken(good, departures=(back - 500, 0.0)),
        "before it opens": _broken(good, departures=(-1.0, 0.0)),
        "after it closes": _broken(good, returns=(1441.0, 0.0)),
        "is not a stop of this instance": _broken(
            good, routes=((1, 3, 2, 4, 9), ()), times=((t1, t3, t2, t4, t4), ())
        ),
    }
    for expected, schedule in cases.items():
        found = violations(darp, schedule)
        assert any(expected in v for v in found), (expected, found)


def test_the_checker_counts_seats() -> None:
    darp = dataclasses.replace(read_darp(TINY), capacity=1)
    good = tiny_schedule(darp)
    # Both on board at once: 1, 2, 3, 4 (times kept consistent with travel).
    t1 = darp.travel(0, 1)
    t2 = max(t1 + 1 + darp.travel(1, 2), 60)
    t3 = t2 + 1 + darp.travel(2, 3)
    t4 = t3 + 1 + darp.travel(3, 4)
    both = _broken(
        good,
        routes=((1, 2, 3, 4), ()),
        times=((t1, t2, t3, t4), ()),
        departures=(0.0, 0.0),
        returns=(t4 + 1 + darp.travel(4, 0), 0.0),
    )
    assert any("2 on board after stop 2, 1 seats" in v for v in violations(darp, both))


# --- solving --------------------------------------------------------------------------------


def test_a2_16_is_solved_with_every_request_served_and_every_rule_kept() -> None:
    darp = read_darp(A2_16)
    inst, sol, schedule = solve_darp(darp, darp_params(seconds=2))
    assert sol.dropped == ()
    assert sorted(n for route in schedule.routes for n in route) == list(range(1, 33))
    assert check.violations(inst, sol) == []
    assert violations(darp, schedule) == []
    assert cost(darp, schedule) >= 294.24  # the proven optimum (benchmarks/darp.py)


def _far_pair() -> Darp:
    """Two requests at the same far corner, one early and one late: one vehicle could serve
    both (cheap, long) but not within a short route duration."""
    return Darp(
        name="far",
        vehicles=2,
        capacity=3,
        max_route_duration=1000,
        max_ride=30,
        coords=((0, 0), (10, 0), (10, 0.5), (10, 1), (10, 1.5)),
        service=(0, 1, 1, 1, 1),
        loads=(0, 1, 1, -1, -1),
        windows=((0, 1440), (10, 20), (200, 210), (0, 1440), (0, 1440)),
    )


def test_a_short_maximum_route_duration_splits_the_work_between_vehicles() -> None:
    loose = _far_pair()
    tight = dataclasses.replace(loose, max_route_duration=100)
    params = darp_params(seconds=1)
    _, loose_sol, one = solve_darp(loose, params)
    inst, sol, two = solve_darp(tight, params)
    assert sum(1 for r in one.routes if r) == 1
    assert sum(1 for r in two.routes if r) == 2
    assert check.violations(inst, sol) == [] and violations(tight, two) == []
    for depart, back in sol.route_span:
        assert back - depart <= inst.max_route_duration
    assert cost(tight, two) > cost(loose, one)
    # Both checkers reject the one-vehicle schedule under the short limit.
    assert any("route lasts" in v for v in violations(tight, one))
    assert any("route lasts" in v for v in check.violations(inst, loose_sol))


def test_the_route_duration_limit_holds_without_the_ride_limits_in_search() -> None:
    tight = dataclasses.replace(_far_pair(), max_route_duration=100)
    inst = to_instance(tight)
    sol = solve_vrptw_ortools(inst, SolveParams(seconds=1, engine="ortools"))
    assert sol.dropped == () and check.violations(inst, sol) == []
    assert violations(tight, from_solution(sol)) == []


def test_check_wants_route_times_when_the_route_duration_is_limited() -> None:
    tight = dataclasses.replace(_far_pair(), max_route_duration=100)
    inst, sol, _ = solve_darp(tight, darp_params(seconds=1))
    assert any(
        "no departure and return" in v
        for v in check.violations(inst, dataclasses.replace(sol, route_span=()))
    )
    plain = dataclasses.replace(inst, max_route_duration=None)
    assert isinstance(plain, VrpInstance) and check.violations(plain, sol) == []


@st.composite
def small_darps(draw) -> Darp:
    n = draw(st.integers(1, 4))
    point = st.tuples(st.integers(-10, 10), st.integers(-10, 10)).map(
        lambda p: (float(p[0]), float(p[1]))
    )
    coords = [(0.0, 0.0), *draw(st.lists(point, min_size=2 * n, max_size=2 * n))]
    capacity = draw(st.integers(1, 3))
    loads = [draw(st.integers(1, capacity)) for _ in range(n)]
    service = [0.0, *(float(draw(st.integers(0, 3))) for _ in range(2 * n))]
    windows = [(0.0, 300.0)]
    for _ in range(n):
        start = float(draw(st.integers(0, 240)))
        width = float(draw(st.integers(0, 30)))
        windows.append((start, start + width))
    windows += [(0.0, 300.0)] * n
    if draw(st.booleans()):  # some requests fix the drop-off window instead
        for i in range(1, n + 1):
            if draw(st.booleans()):
                windows[i], windows[i + n] = windows[i + n], windows[i]
    return Darp(
        name="random",
        vehicles=draw(st.integers(1, 2)),
        capacity=capacity,
        max_route_duration=float(draw(st.integers(20, 300))),
        max_ride=float(draw(st.integers(5, 40))),
        coords=tuple(coords),
        service=tuple(service),
        loads=(0, *loads, *(-q for q in loads)),
        windows=tuple(windows),
    )


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_darps())
def test_any_solution_the_engine_returns_keeps_every_darp_rule(darp: Darp) -> None:
    inst, sol, schedule = solve_darp(darp, darp_params(seconds=0.2))
    assert check.violations(inst, sol) == []
    unserved = {p for p in range(1, darp.requests + 1) if p in sol.dropped}
    assert set(sol.dropped) == unserved | {darp.dropoff(p) for p in unserved}
    found = violations(darp, schedule)
    assert [v for v in found if "is not served" not in v] == []
    assert len(found) == len(unserved)
    assert math.isfinite(cost(darp, schedule))
