"""Property tests: on small random instances every route the solver returns respects capacity,
time windows and max ride, and every visit or request is served exactly once or dropped."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from toys import pickup_problems

from planner.geo import TravelModel
from planner.io import read_season
from planner.routing.check import violations
from planner.routing.pickups import PickupParams, PickupPlan, Request, Vehicle, plan_day
from planner.routing.vrptw import SolveParams, VrpInstance, euclidean_matrix, solve_vrptw

FAST = settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@st.composite
def instances(draw) -> VrpInstance:
    n_pairs = draw(st.integers(0, 2))
    n_single = draw(st.integers(1, 5))
    n = 1 + n_single + 2 * n_pairs
    coords = [(draw(st.integers(0, 50)), draw(st.integers(0, 50))) for _ in range(n)]
    windows = [(0, 2000)]
    for _ in range(n - 1):
        a = draw(st.integers(0, 1500))
        windows.append((a, a + draw(st.integers(0, 500))))
    demands = [0] + [draw(st.integers(1, 4)) for _ in range(n_single)]
    pairs = []
    for k in range(n_pairs):
        p = 1 + n_single + 2 * k
        pairs.append((p, p + 1))
        demands += [1, -1]
    vehicles = draw(st.integers(1, 3))
    return VrpInstance(
        duration=euclidean_matrix(coords),
        demands=tuple(demands),
        capacities=tuple(draw(st.integers(1, 6)) for _ in range(vehicles)),
        time_windows=tuple(windows),
        service_times=(0, *(draw(st.integers(0, 50)) for _ in range(n - 1))),
        pairs=tuple(pairs),
        max_ride=draw(st.none() | st.integers(100, 600)),
    )


@FAST
@given(instances())
def test_every_route_respects_capacity_windows_and_max_ride(inst):
    sol = solve_vrptw(inst, SolveParams(seconds=0.2))
    assert violations(inst, sol) == []
    served = [v for r in sol.routes for v in r]
    assert sorted(served + list(sol.dropped)) == inst.visits()


@pytest.fixture(scope="module")
def season(sample_dir):
    return read_season(sample_dir).season


VENUES = ("V-ESP-LIB-1", "V-LOH-LIB-1", "V-RAA-LIB-1", "V-HAN-LIB-1", "V-KIR-LIB-1")
HOMES = ("049", "444", "710", "078", "257", "224")


@FAST
@given(
    st.lists(
        st.tuples(
            st.sampled_from(HOMES),
            st.sampled_from(VENUES),
            st.integers(8, 16).map(lambda h: h * 60),
        ),
        min_size=1,
        max_size=6,
    ),
    st.integers(30, 90),
    st.sampled_from([0, 60, 120]),
)
def test_every_pickup_request_is_served_both_ways_or_dropped_with_a_reason(
    season, trips, max_ride, hub_reach
):
    """Also with hubs (a generous reach makes the solver choose between home and hubs)."""
    requests: list[Request] = []
    for i, (home, venue, start) in enumerate(trips):
        taken = {r.client_code for r in requests}
        client = next(
            c for c in season.clients if c.municipality == home and c.client_code not in taken
        )
        requests.append(
            Request(client.client_code, f"G-{i:03d}", 0, home, venue, start, start + 120)
        )
    vehicles = [Vehicle("car", 4, "V-LOH-SP-1"), Vehicle("minibus", 8, "V-ESP-SP-1")]
    params = PickupParams(max_ride_min=max_ride, seconds_per_day=0.2, hub_reach_min=hub_reach)
    runs, dropped, met = plan_day(season, requests, vehicles, params, TravelModel(season))
    plan = PickupPlan(tuple(runs), tuple(dropped), tuple(met))
    assert pickup_problems(plan, requests, max_ride, params.early_min) == []
    for m in met:
        assert m.minutes <= hub_reach and m.hub in season.venue
