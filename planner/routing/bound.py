"""A proven lower bound on the kilometres of one day's pick-up runs (clients met at home).

Routing heuristics give no bound, so this solves a relaxation exactly with CP-SAT:

- riders with the same home, venue and hours form a *cluster*; a cluster of n riders needs
  at least ceil(n / largest seat count) pick-up visits, each a *copy*;
- each copy is one pick-up and drop-off pair per leg (to the group, home again) that carries
  one seat; both legs, every copy, are served; a vehicle leaves and returns to its base;
- two copies of a cluster on one vehicle are two trips: the second boards after the first
  is dropped (see `_separate_trips`);
- time windows, the longest ride and seats (one per copy on board) hold as in the real problem.

Every real plan that serves all requests gives a plan of the relaxation that is no longer:
keep, for each copy, the visits of one rider of a distinct trip of its cluster (there are at
least as many trips as copies) and remove every other visit, which shortens the routes
because road distances satisfy the triangle inequality and arriving earlier only means
waiting. So the relaxation's optimum, and CP-SAT's bound on it, is at most the best plan's
kilometres. It ignores hubs (`hub_reach_min` must be 0 in the plan it is compared with).

Removing visits needs the triangle inequality, which the travel model's car minutes do not
keep: a leg runs at the mean speed of its two ends' areas, so Kauniainen -> Siuntio ->
Hanko is quicker than the direct leg (40/60 km/h against 50/60 on the two halves), by up
to 16 minutes on the sample, and a pasted travel-time matrix may break it too. So the
relaxation travels on the shortest paths through the places of the instance
(`shortest_legs`), never longer than the real legs: removing a visit then never makes a
route later, and the argument holds for any travel times.

The bound is about plans that serve every request. When CP-SAT proves the relaxation
INFEASIBLE, no real plan serves every request within the rules (any such plan would give
one of the relaxation); `bound_km` is then None, and a plan that drops riders is not
compared with anything.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from dataclasses import dataclass

from ortools.sat.python import cp_model

from planner.geo import TravelModel
from planner.model import Season
from planner.routing.pickups import PickupParams, Request, Vehicle, leg_matrices


@dataclass(frozen=True)
class RideBound:
    bound_km: float | None
    """Proven: no plan serving every request drives less. None when CP-SAT proved that no
    plan serves every request (INFEASIBLE): then no bound applies, and a plan that drops
    riders must not be compared with a bound on plans that serve them all."""
    relaxed_km: float | None  # the best plan of the relaxation found
    status: str  # OPTIMAL: bound_km is the relaxation's optimum; INFEASIBLE: see bound_km
    copies: int
    wall_s: float
    routes: tuple[tuple[tuple[str, int, int], ...], ...] = ()
    """The relaxation's best plan: per vehicle, (place, minute, +1 pick-up / -1 drop-off)."""


def pickup_lower_bound(
    season: Season,
    requests: list[Request],
    vehicles: list[Vehicle],
    params: PickupParams | None = None,
    travel: TravelModel | None = None,
    seconds: float = 60.0,
    workers: int = 8,
    per_rider: bool = False,
) -> RideBound:
    """`per_rider`: one copy per rider, which is the real problem itself (riders of a cluster
    ordered by pick-up time, as they are interchangeable) on shortest-path travel: its bound
    is the optimum's when the travel times keep the triangle inequality."""
    params = params or PickupParams()
    travel = travel or TravelModel(season)
    clusters = Counter((r.home, r.venue_id, r.start, r.end) for r in requests)
    seats = max(v.seats for v in vehicles)
    places = [v.base_venue for v in vehicles]
    windows = [(params.day_start, params.day_end)] * len(vehicles)
    pairs: list[tuple[int, int]] = []
    early, day_start, day_end = params.early_min, params.day_start, params.day_end
    legs: list[list[tuple[int, int]]] = []  # per cluster and leg: its copies' (pick, drop)
    for (home, venue, start, end), n in sorted(clusters.items()):
        legs += [[], []]
        for _ in range(n if per_rider else math.ceil(n / seats)):
            legs[-2].append((len(places), len(places) + 1))
            legs[-1].append((len(places) + 2, len(places) + 3))
            first = len(places)
            places += [home, venue, venue, home]
            windows += [
                (day_start, start),
                (max(day_start, start - early), start),
                (end, min(day_end, end + early)),
                (end, day_end),
            ]
            pairs += [(first, first + 1), (first + 2, first + 3)]
    distinct = sorted(set(places))
    at = {place: i for i, place in enumerate(distinct)}
    short_min, short_km = shortest_legs(*leg_matrices(season, distinct, travel))
    minutes = [[short_min[at[a]][at[b]] for b in places] for a in places]
    km = [[short_km[at[a]][at[b]] for b in places] for a in places]
    dist = [[math.floor(x * 1000) for x in row] for row in km]  # metres, rounded down
    model, nodes = cp_model.CpModel(), range(len(vehicles), len(places))
    demand = {p: 1 for p, _ in pairs} | {d: -1 for _, d in pairs}
    time = {i: model.NewIntVar(*windows[i], f"t{i}") for i in nodes}
    load = {i: model.NewIntVar(1 if demand[i] > 0 else 0, seats, f"q{i}") for i in nodes}
    cost = []
    visit: dict[tuple[int, int], cp_model.IntVar] = {}
    for k, vehicle in enumerate(vehicles):
        base = k
        leave = model.NewIntVar(day_start, day_end, f"leave{k}")
        back = model.NewIntVar(day_start, day_end, f"back{k}")
        model.Add(leave <= back)
        arcs = [(base, base, model.NewBoolVar(f"idle{k}"))]
        for i in nodes:
            visit[k, i] = model.NewBoolVar(f"v{k}_{i}")
            arcs.append((i, i, visit[k, i].Not()))
            model.Add(load[i] <= vehicle.seats).OnlyEnforceIf(visit[k, i])
        for i in (base, *nodes):
            for j in (base, *nodes):
                too_late = windows[i][0] + minutes[i][j] > windows[j][1]
                if i == j or (i != base and j != base and too_late):
                    continue
                lit = model.NewBoolVar(f"a{k}_{i}_{j}")
                arcs.append((i, j, lit))
                cost.append(dist[i][j] * lit)
                start_time = leave if i == base else time[i]
                end_time = back if j == base else time[j]
                model.Add(end_time >= start_time + minutes[i][j]).OnlyEnforceIf(lit)
                if j != base:
                    before = 0 if i == base else load[i]
                    model.Add(load[j] == before + demand[j]).OnlyEnforceIf(lit)
        model.AddCircuit(arcs)
    for i in nodes:
        model.AddExactlyOne(visit[k, i] for k in range(len(vehicles)))
    for p, d in pairs:
        for k in range(len(vehicles)):
            model.Add(visit[k, p] == visit[k, d])
        model.Add(time[p] <= time[d])
        model.Add(time[d] - time[p] <= params.max_ride_min)
    for copies in legs:  # interchangeable copies: the first picked up first
        for (a, _), (b, _) in itertools.pairwise(copies):
            model.Add(time[a] <= time[b])
    if not per_rider:
        _separate_trips(model, legs, time, visit, len(vehicles))
    model.Minimize(sum(cost))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = seconds
    solver.parameters.num_workers = workers
    solver.parameters.linearization_level = 2
    status = solver.Solve(model)
    name = solver.StatusName(status)
    found = status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    routes = (
        tuple(
            tuple(
                sorted(
                    (
                        (places[i], solver.Value(time[i]), demand[i])
                        for i in nodes
                        if solver.BooleanValue(visit[k, i])
                    ),
                    key=lambda stop: (stop[1], -stop[2]),
                )
            )
            for k in range(len(vehicles))
        )
        if found
        else ()
    )
    # Rounding each leg down to the metre can break the triangle inequality by a metre per
    # visit left out; at most every real visit is, so that much comes off the bound.
    slack_m = 4 * len(requests)
    proven = status in (cp_model.OPTIMAL, cp_model.FEASIBLE, cp_model.UNKNOWN)
    return RideBound(
        bound_km=max(0.0, solver.BestObjectiveBound() - slack_m) / 1000 if proven else None,
        relaxed_km=solver.ObjectiveValue() / 1000 if found else None,
        status=name,
        copies=len(pairs) // 2,
        wall_s=solver.WallTime(),
        routes=routes,
    )


def shortest_legs(minutes, km):
    """Minutes and km of the shortest path between every two places through the others
    (Floyd-Warshall on each), so both keep the triangle inequality and neither is longer
    than the direct leg."""
    out = []
    for matrix in (minutes, km):
        d = [list(row) for row in matrix]
        n = len(d)
        for k in range(n):
            dk = d[k]
            for i in range(n):
                dik = d[i][k]
                di = d[i]
                for j in range(n):
                    if dik + dk[j] < di[j]:
                        di[j] = dik + dk[j]
        out.append(tuple(map(tuple, d)))
    return out[0], out[1]


def _separate_trips(model, legs, time, visit, n_vehicles) -> None:
    """A cluster's copies stand for distinct trips (a vehicle carries at most its seats at
    once). Riders on board are dropped at a vehicle's first arrival at the venue in their
    window, and riders board at its last visit there in theirs, without loss of generality;
    so when one vehicle makes two such trips, the second trip's riders board after the
    first trip's are dropped."""
    for copies in legs:
        for (pa, da), (pb, db) in itertools.combinations(copies, 2):
            first = model.NewBoolVar(f"first{pa}_{pb}")
            for k in range(n_vehicles):
                both = [visit[k, pa], visit[k, pb]]
                model.Add(time[pb] >= time[da]).OnlyEnforceIf([*both, first])
                model.Add(time[pa] >= time[db]).OnlyEnforceIf([*both, first.Not()])
