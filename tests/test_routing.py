"""The routing core on cases with known optima, Solomon C101, the work car's pick-up runs and
the kilometre allowance."""

from __future__ import annotations

import dataclasses
import itertools
from itertools import pairwise
from pathlib import Path

import pytest
from toys import OPEN, line_instance, pickup_problems

from planner.baseline import greedy_plan
from planner.geo import TravelModel
from planner.io import read_season
from planner.model import Placement, Plan
from planner.plan_figures import staff_days
from planner.routing import pyvrp_core
from planner.routing.allowance import DEFAULT_RATE, staff_allowance
from planner.routing.bound import pickup_lower_bound, shortest_legs
from planner.routing.check import violations
from planner.routing.pickups import (
    PickupParams,
    PickupPlan,
    Request,
    Vehicle,
    default_vehicles,
    leg_matrices,
    plan_day,
    plan_pickups,
    ride_requests,
)
from planner.routing.solomon import read_sol, read_vrp, to_instance
from planner.routing.vrptw import SolveParams, VrpSolution, solve_vrptw

SOLOMON = Path(__file__).resolve().parent / "data" / "solomon"
"""The two public Solomon instances these tests read, with their best-known solutions."""
BEST_KNOWN = {"C101": 827.3, "R101": 1637.7}
"""Best-known distances (tests/data/solomon/README.md)."""
QUICK = SolveParams(seconds=0.5)
PLAIN_ENGINES = pytest.mark.parametrize("engine", ["pyvrp", "ortools"])
"""Plain VRPTW (no pairs) is PyVRP's by default; OR-Tools must solve it the same way."""


@pytest.fixture(scope="module")
def season(sample_dir):
    return read_season(sample_dir).season


@PLAIN_ENGINES
def test_three_clients_on_a_line_are_served_in_one_run_of_twice_the_farthest(engine):
    inst = line_instance([10, 20, 30], [1, 1, 1], capacity=3)
    sol = solve_vrptw(inst, dataclasses.replace(QUICK, engine=engine))
    # Any order that goes out to x=30 and back once is optimal: 0-10-20-30-0, 0-20-30-10-0 ...
    assert sol.distance == 600
    assert sol.vehicles_used == 1
    assert [sorted(r) for r in sol.routes if r] == [[1, 2, 3]]
    assert violations(inst, sol) == []


@PLAIN_ENGINES
def test_capacity_forces_two_runs_and_the_far_pair_shares_one(engine):
    inst = line_instance([10, 20, 30], [2, 2, 2], capacity=4)
    sol = solve_vrptw(inst, dataclasses.replace(QUICK, engine=engine))
    assert sol.vehicles_used == 2
    assert sol.distance == 800  # {1} alone (20) + {2, 3} together (60)
    assert sorted(tuple(sorted(r)) for r in sol.routes if r) == [(1,), (2, 3)]
    assert violations(inst, sol) == []


@PLAIN_ENGINES
def test_the_objective_is_distance_plus_the_fixed_cost_of_each_used_vehicle(engine):
    inst = line_instance([10, 20, 30], [2, 2, 2], capacity=4, vehicle_cost=10_000)
    sol = solve_vrptw(inst, dataclasses.replace(QUICK, engine=engine))
    assert (sol.vehicles_used, sol.distance) == (2, 800)
    assert sol.objective == 800 + 2 * 10_000


@PLAIN_ENGINES
def test_time_windows_reverse_the_natural_order(engine):
    windows = (OPEN, (150, 300), (0, 250))  # x=10 late, x=20 early
    inst = line_instance([10, 20], [1, 1], capacity=5, time_windows=windows)
    sol = solve_vrptw(inst, dataclasses.replace(QUICK, engine=engine))
    route = next(r for r in sol.routes if r)
    assert route == (2, 1)
    assert sol.distance == 400
    assert violations(inst, sol) == []


@PLAIN_ENGINES
def test_an_unreachable_visit_is_dropped_and_the_rest_still_served(engine):
    windows = (OPEN, OPEN, (0, 50))  # x=30 cannot be reached by t=5.0
    inst = line_instance([10, 30], [1, 1], capacity=5, time_windows=windows)
    sol = solve_vrptw(inst, dataclasses.replace(QUICK, engine=engine))
    assert sol.dropped == (2,)
    assert [r for r in sol.routes if r] == [(1,)]
    assert violations(inst, sol) == []


def test_one_seat_serves_two_pickup_pairs_one_after_the_other():
    inst = line_instance(
        [10, 20, 30, 40], [1, 1, -1, -1], capacity=1, vehicles=1, pairs=((1, 3), (2, 4))
    )
    sol = solve_vrptw(inst, QUICK)
    assert sol.routes == ((1, 3, 2, 4),)
    assert sol.distance == 1000  # 10 + 20 + 10 + 20 + 40
    assert violations(inst, sol) == []


def test_a_pair_whose_direct_ride_exceeds_max_ride_is_dropped_whole():
    inst = line_instance(
        [10, 20, 30, 40],
        [1, 1, -1, -1],
        capacity=2,
        vehicles=1,
        pairs=((1, 3), (2, 4)),
        max_ride=150,
    )
    sol = solve_vrptw(inst, QUICK)
    assert sol.dropped == (1, 2, 3, 4)
    assert violations(inst, sol) == []


def test_the_checker_catches_an_overloaded_route():
    inst = line_instance([10, 20], [3, 3], capacity=4)
    bad = VrpSolution(((1, 2), (), ()), ((100, 200), (), ()), 400, 1, (), "FEASIBLE")
    assert any("capacity" in v for v in violations(inst, bad))


def test_solomon_reader_matches_the_c101_header_and_best_known_solution():
    data = read_vrp(SOLOMON / "C101.vrp")
    best = read_sol(SOLOMON / "C101.sol")
    assert (len(data.coords), data.vehicles, data.capacity) == (101, 25, 200)
    assert data.service_times[0] == 0 and data.service_times[1] == 90
    assert best.cost == pytest.approx(827.3)
    inst = to_instance(data)
    times, distance = [], 0
    for route in best.routes:
        t, when, prev = 0, [], 0
        for node in route:
            t = max(
                t + inst.service_times[prev] + inst.duration[prev][node], inst.time_windows[node][0]
            )
            when.append(t)
            distance += inst.dist[prev][node]
            prev = node
        distance += inst.dist[prev][0]
        times.append(tuple(when))
    sol = VrpSolution(best.routes, tuple(times), distance, len(best.routes), (), "BEST_KNOWN")
    assert distance == 8273  # our integer convention reproduces the published cost exactly
    assert violations(inst, sol) == []


def test_the_engines_are_chosen_by_what_the_instance_needs():
    plain = line_instance([10, 20], [1, 1], capacity=2)
    paired = line_instance([10, 20], [1, -1], capacity=1, vehicles=1, pairs=((1, 2),))
    assert pyvrp_core.supports(plain) and not pyvrp_core.supports(paired)
    assert not pyvrp_core.supports(dataclasses.replace(plain, max_ride=100))
    with pytest.raises(ValueError, match="pairs"):
        solve_vrptw(paired, dataclasses.replace(QUICK, engine="pyvrp"))
    with pytest.raises(ValueError, match="engine"):
        SolveParams(engine="gurobi")
    # auto: the paired instance goes to OR-Tools and is served.
    assert solve_vrptw(paired, QUICK).routes == ((1, 2),)


def test_the_vendored_instances_carry_their_best_known_costs():
    for name, best in BEST_KNOWN.items():
        assert read_sol(SOLOMON / f"{name}.sol").cost == pytest.approx(best), name


# How close each engine gets to best-known in a given time is a figure of
# benchmarks/routing.py; here only what holds on any machine, with margins far beyond it.


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(BEST_KNOWN))
def test_pyvrp_serves_every_solomon_customer_validly_and_near_best_known(name: str) -> None:
    inst = to_instance(read_vrp(SOLOMON / f"{name}.vrp"))
    sol = solve_vrptw(inst, SolveParams(seconds=3, engine="pyvrp"))
    assert sol.dropped == ()
    assert violations(inst, sol) == []
    assert BEST_KNOWN[name] <= sol.distance / 10 <= BEST_KNOWN[name] * 1.10


@pytest.mark.slow
def test_ortools_serves_every_c101_customer_validly_and_near_best_known():
    inst = to_instance(read_vrp(SOLOMON / "C101.vrp"))
    sol = solve_vrptw(inst, SolveParams(seconds=5, engine="ortools"))
    assert sol.dropped == ()
    assert violations(inst, sol) == []
    assert BEST_KNOWN["C101"] <= sol.distance / 10 <= BEST_KNOWN["C101"] * 1.25


def _toy_plan(season, group_id: str, venue_id: str, start: int, end: int, codes) -> Plan:
    placement = Placement(group_id, 0, start, end, venue_id, ())
    return Plan((placement,), tuple((c, group_id) for c in codes))


def _riders(season, municipality: str, n: int) -> list[str]:
    return [c.client_code for c in season.clients if c.municipality == municipality][:n]


def _requests(season, municipality, venue_id, start, end, n):
    return [
        Request(c, "G-T", 0, municipality, venue_id, start, end)
        for c in _riders(season, municipality, n)
    ]


def test_a_hanko_client_rides_to_a_hanko_group_and_home_again(season):
    params = PickupParams(seconds_per_day=0.5)
    reqs = _requests(season, "078", "V-HAN-LIB-1", 600, 720, 1)
    runs, dropped, met = plan_day(
        season, reqs, [Vehicle("car", 4, "V-HAN-SP-1")], params, TravelModel(season)
    )
    assert met == []  # no hub is nearer the group than the client's home
    assert dropped == []
    [run] = runs
    kinds = [(s.kind, s.place) for s in run.stops]
    assert kinds == [
        ("pickup", "078"),
        ("dropoff", "V-HAN-LIB-1"),
        ("pickup", "V-HAN-LIB-1"),
        ("dropoff", "078"),
    ]
    assert 570 <= run.stops[1].time <= 600 and run.stops[2].time >= 720
    assert run.km > 0 and run.minutes > 0
    plan = PickupPlan(tuple(runs), tuple(dropped))
    assert pickup_problems(plan, reqs, 60, 30) == []


def test_six_riders_and_a_four_seat_car_never_exceed_four_on_board(season):
    params = PickupParams(seconds_per_day=1.0)
    reqs = _requests(season, "049", "V-ESP-LIB-1", 600, 720, 6)
    assert len(reqs) == 6
    runs, dropped, met = plan_day(
        season, reqs, [Vehicle("car", 4, "V-ESP-SP-1")], params, TravelModel(season)
    )
    plan = PickupPlan(tuple(runs), tuple(dropped), tuple(met))
    assert pickup_problems(plan, reqs, 60, 30) == []
    served = {c for run in runs for s in run.stops for c in s.clients}
    assert len(served) >= 4  # the car can do two trips in the 30-minute arrival window
    assert all(reason for _, _, reason in dropped)


def test_a_ride_longer_than_the_max_is_dropped_with_a_reason_naming_it(season):
    params = PickupParams(max_ride_min=30, seconds_per_day=0.5)
    reqs = _requests(season, "078", "V-ESP-LIB-1", 600, 720, 1)
    runs, dropped, _ = plan_day(
        season, reqs, [Vehicle("car", 4, "V-ESP-SP-1")], params, TravelModel(season)
    )
    assert runs == []
    [(code, group, reason)] = dropped
    assert (code, group) == (reqs[0].client_code, "G-T")
    assert "Hanko" in reason and "30 min max ride" in reason
    assert reason.key == "too_long"
    assert "Hangö" in reason.text("sv") and "maxtiden 30 min" in reason.text("sv")
    assert "Hanko" in reason.text("fi") and "enimmäisajan 30 min" in reason.text("fi")


def test_a_rider_too_far_for_the_max_ride_is_met_at_a_hub_they_reach_by_train(season):
    """Hanko to Espoo by car is over an hour; with a 25-minute train to a hub in Espoo (from
    the season's travel matrix) the car meets the client there, both ways."""
    reqs = _requests(season, "078", "V-ESP-LIB-1", 660, 780, 1)
    vehicles = [Vehicle("car", 4, "V-ESP-SP-2")]
    without = PickupParams(seconds_per_day=0.5, hub_reach_min=0)
    _, dropped, met = plan_day(season, reqs, vehicles, without, TravelModel(season))
    assert len(dropped) == 1 and met == []

    train = (("078", "V-ESP-SP-1", "transit", 25.0),)
    with_train = dataclasses.replace(season, travel_minutes=season.travel_minutes + train)
    params = PickupParams(seconds_per_day=0.5)
    runs, dropped, met = plan_day(with_train, reqs, vehicles, params, TravelModel(with_train))
    assert dropped == []
    code = reqs[0].client_code
    assert [(m.client_code, m.leg, m.hub, m.minutes) for m in met] == [
        (code, "from", "V-ESP-SP-1", 25),
        (code, "to", "V-ESP-SP-1", 25),
    ]
    [run] = runs
    assert [(s.kind, s.place) for s in run.stops] == [
        ("pickup", "V-ESP-SP-1"),
        ("dropoff", "V-ESP-LIB-1"),
        ("pickup", "V-ESP-LIB-1"),
        ("dropoff", "V-ESP-SP-1"),
    ]
    assert run.stops[0].time >= params.day_start + 25  # the client can be there by then
    plan = PickupPlan(tuple(runs), tuple(dropped), tuple(met))
    assert pickup_problems(plan, reqs, params.max_ride_min, params.early_min) == []


def test_a_hub_out_of_the_clients_reach_is_not_used(season):
    train = (("078", "V-ESP-SP-1", "transit", 45.0),)  # longer than the 30-minute reach
    with_train = dataclasses.replace(season, travel_minutes=season.travel_minutes + train)
    reqs = _requests(with_train, "078", "V-ESP-LIB-1", 660, 780, 1)
    _, dropped, met = plan_day(
        with_train,
        reqs,
        [Vehicle("car", 4, "V-ESP-SP-2")],
        PickupParams(seconds_per_day=0.5),
        TravelModel(with_train),
    )
    assert met == [] and len(dropped) == 1


def test_a_group_after_the_cars_day_is_dropped_with_the_hours_named(season):
    params = PickupParams(seconds_per_day=0.5)
    reqs = _requests(season, "049", "V-ESP-LIB-1", 19 * 60, 21 * 60, 1)
    _, dropped, _ = plan_day(
        season, reqs, [Vehicle("car", 4, "V-ESP-SP-1")], params, TravelModel(season)
    )
    assert "outside the work cars' day 07:00-20:00" in dropped[0][2]


def test_the_sample_week_serves_or_explains_every_ride_request(season):
    plan = greedy_plan(season)
    params = PickupParams(seconds_per_day=0.5)
    result = plan_pickups(season, plan, params=params)
    reqs = ride_requests(season, plan)
    assert reqs and all(season.client[r.client_code].travel == "ride" for r in reqs)
    assert pickup_problems(result, reqs, params.max_ride_min, params.early_min) == []
    assert len(default_vehicles(season, plan)) == 2


def test_allowance_is_kilometres_times_the_rate_for_staff_with_a_car(season):
    plan = greedy_plan(season)
    rows = staff_allowance(season, plan)
    drivers = {s.staff_id for s in season.staff if s.car}
    assert rows and {r.staff_id for r in rows} <= drivers
    days = {(d.staff_id, d.weekday, d.first_date): d.km for d in staff_days(season, plan)}
    for r in rows:
        assert r.km == days[(r.staff_id, r.weekday, r.first_date)]
        assert r.eur == pytest.approx(r.km * DEFAULT_RATE.eur_per_km, abs=0.006)
    assert DEFAULT_RATE.eur_per_km == 0.55 and DEFAULT_RATE.year == 2026


def test_consecutive_stops_of_a_run_follow_each_other_in_time(season):
    plan = greedy_plan(season)
    result = plan_pickups(season, plan, params=PickupParams(seconds_per_day=0.3))
    assert result.runs and all(len(run.stops) >= 2 for run in result.runs)
    for run in result.runs:
        assert all(a.time <= b.time for a, b in pairwise(run.stops))


def test_a_client_in_two_groups_back_to_back_at_one_venue_rides_there_once_and_home_once(
    season,
):
    code = _riders(season, "049", 1)[0]
    plan = Plan(
        (
            Placement("G-A", 0, 600, 720, "V-ESP-LIB-1", ()),
            Placement("G-B", 0, 720, 840, "V-ESP-LIB-1", ()),
        ),
        ((code, "G-A"), (code, "G-B")),
    )
    with_ride = dataclasses.replace(
        season,
        clients=tuple(
            dataclasses.replace(c, travel="ride") if c.client_code == code else c
            for c in season.clients
        ),
    )
    [request] = ride_requests(with_ride, plan)
    assert (request.group_ids, request.start, request.end) == (("G-A", "G-B"), 600, 840)
    runs, dropped, met = plan_day(
        with_ride,
        [request],
        [Vehicle("car", 4, "V-ESP-SP-1")],
        PickupParams(seconds_per_day=0.5),
        TravelModel(with_ride),
    )
    assert dropped == []
    stops = [s for run in runs for s in run.stops]
    assert [s.kind for s in stops] == ["pickup", "dropoff", "pickup", "dropoff"]
    assert stops[1].time <= 600 and stops[2].time >= 840
    assert {m.group_id for m in met if m.leg == "from"} <= {"G-B"}


def test_the_lower_bound_is_exact_for_one_rider_and_never_above_a_real_plan(season):
    """planner.routing.bound: for one rider the relaxation is the problem itself, so the
    bound equals the (optimal) route; with riders of three clusters it stays below the plan."""
    travel = TravelModel(season)
    at_home = PickupParams(seconds_per_day=1.0, hub_reach_min=0)
    vehicles = [Vehicle("car", 4, "V-HAN-SP-1")]
    one = _requests(season, "078", "V-HAN-LIB-1", 600, 720, 1)
    bound = pickup_lower_bound(season, one, vehicles, at_home, travel, seconds=20)
    [run], dropped, _ = plan_day(season, one, vehicles, at_home, travel)
    assert dropped == [] and bound.status == "OPTIMAL"
    assert bound.bound_km == pytest.approx(run.km, abs=0.2)

    several = _requests(season, "078", "V-RAA-LIB-1", 660, 780, 3) + [
        dataclasses.replace(r, group_id="G-U")
        for r in _requests(season, "710", "V-RAA-LIB-1", 660, 780, 2)
    ]
    two = [Vehicle("car", 4, "V-HAN-SP-1"), Vehicle("minibus", 8, "V-RAA-SP-1")]
    bound = pickup_lower_bound(season, several, two, at_home, travel, seconds=30)
    runs, dropped, _ = plan_day(season, several, two, at_home, travel)
    assert dropped == []
    assert 0 < bound.bound_km <= sum(r.km for r in runs) + 0.2  # km are rounded to 0.1


def test_the_bound_counts_every_trip_a_full_car_must_make(season):
    """Ten riders and one eight-seat minibus: two trips each way. The bound (one seat per
    copy of a cluster) knows the second trip, so it meets the routed plan: both optimal."""
    travel = TravelModel(season)
    # Routing stops on wall-clock time only (planner.routing has no deterministic limit):
    # give a loaded machine room to find the two-trip plan.
    at_home = PickupParams(seconds_per_day=5.0, hub_reach_min=0)
    riders = _requests(season, "078", "V-HAN-LIB-1", 600, 720, 10)
    assert len(riders) == 10
    minibus = [Vehicle("minibus", 8, "V-HAN-SP-1")]
    runs, dropped, _ = plan_day(season, riders, minibus, at_home, travel)
    assert dropped == []
    pickups = [s for run in runs for s in run.stops if s.kind == "pickup" and s.place == "078"]
    assert len(pickups) == 2  # two trips to the group
    bound = pickup_lower_bound(season, riders, minibus, at_home, travel, seconds=30)
    assert bound.status == "OPTIMAL" and bound.copies == 2
    assert bound.bound_km == pytest.approx(sum(r.km for r in runs), abs=0.2)


def test_no_bound_applies_when_no_plan_serves_every_rider(season):
    """A Hanko rider to a group in Espoo rides far over the 60-minute limit: no plan serves
    every request, so there is no bound to compare a plan that drops the rider with (it
    used to read 0.0 km, as if proven)."""
    travel = TravelModel(season)
    at_home = PickupParams(hub_reach_min=0)
    far = _requests(season, "078", "V-ESP-LIB-1", 600, 720, 1)
    vehicles = [Vehicle("car", 4, "V-HAN-SP-1")]
    bound = pickup_lower_bound(season, far, vehicles, at_home, travel, seconds=10, workers=2)
    assert bound.status == "INFEASIBLE"
    assert bound.bound_km is None and bound.relaxed_km is None


def test_the_bound_travels_on_shortest_paths(season):
    """The travel model's car minutes run at the mean speed of a leg's two areas, so
    Kauniainen -> Siuntio -> Hanko beats the direct leg; the bound's relaxation removes
    visits, which is only valid on times that keep the triangle inequality."""
    places = ["V-KAU-LIB-1", "V-SIU-LIB-1", "V-HAN-LIB-1", "V-ESP-SP-1", "V-LOH-LIB-1"]
    minutes, km = leg_matrices(season, places, TravelModel(season))
    assert minutes[0][2] > minutes[0][1] + minutes[1][2]  # the model breaks it
    short_min, short_km = shortest_legs(minutes, km)
    n = len(places)
    for matrix, short in ((minutes, short_min), (km, short_km)):
        for i, j, k in itertools.product(range(n), repeat=3):
            assert short[i][k] <= short[i][j] + short[j][k] + 1e-9
            assert short[i][j] <= matrix[i][j]
    assert short_min[0][2] == minutes[0][1] + minutes[1][2]
