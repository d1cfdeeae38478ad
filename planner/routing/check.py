"""An independent check of a `VrpSolution` against its `VrpInstance` (no OR-Tools code)."""

from __future__ import annotations

from itertools import pairwise

from planner.routing.vrptw import VrpInstance, VrpSolution, unused


def violations(inst: VrpInstance, sol: VrpSolution) -> list[str]:
    """Every broken rule as a sentence; empty when the solution is valid."""
    out: list[str] = []
    seen: dict[int, int] = {}
    for k, (route, times) in enumerate(zip(sol.routes, sol.times, strict=True)):
        if len(route) != len(times):
            out.append(f"vehicle {k}: {len(route)} visits but {len(times)} times")
            continue
        for node in route:
            if node in seen:
                out.append(f"node {node} is served twice")
            seen[node] = k
        span = sol.route_span[k] if k < len(sol.route_span) else None
        out += _route_violations(inst, k, route, times, span)
    skipped = unused(inst, set(seen))
    for node in inst.visits():
        if node in skipped:
            continue
        if (node in seen) == (node in sol.dropped):
            out.append(f"node {node} is neither served once nor dropped")
    for pickups, deliveries in inst.pair_sets:
        taken = [n for n in (*pickups, *deliveries) if n in seen]
        p_taken = [n for n in pickups if n in seen]
        if len(p_taken) > 1 or len(taken) - len(p_taken) > 1:
            out.append(f"more than one alternative of the set {pickups}/{deliveries} is served")
        elif len(taken) == 1:
            out.append(f"only one side of the set {pickups}/{deliveries} is served")
    return out


def _route_violations(inst: VrpInstance, k: int, route, times, span=None) -> list[str]:
    out: list[str] = []
    load = 0
    out += _span_violations(inst, k, route, times, span)
    for node, t in zip(route, times, strict=True):
        load += inst.demands[node]
        if load > inst.capacities[k] or load < 0:
            out.append(f"vehicle {k}: load {load} at node {node}, capacity {inst.capacities[k]}")
        a, b = inst.time_windows[node]
        if not a <= t <= b:
            out.append(f"vehicle {k}: node {node} served at {t}, window [{a}, {b}]")
    start = inst.vehicle_start(k)
    if route:
        first_ok = inst.time_windows[start][0] + inst.service_times[start]
        if times[0] < first_ok + inst.duration[start][route[0]]:
            out.append(f"vehicle {k}: reaches node {route[0]} too early to be possible")
    for (a, ta), (b, tb) in pairwise(zip(route, times, strict=True)):
        if tb < ta + inst.service_times[a] + inst.duration[a][b]:
            out.append(f"vehicle {k}: cannot travel from node {a} to {b} in time")
    if route:
        last, end = route[-1], inst.vehicle_end(k)
        back = times[-1] + inst.service_times[last] + inst.duration[last][end]
        if back > inst.time_windows[end][1]:
            out.append(f"vehicle {k}: returns at {back}, after its end {inst.time_windows[end][1]}")
    position = {node: i for i, node in enumerate(route)}
    chosen = [
        (_taken(ps, position), _taken(ds, position))
        for ps, ds in inst.pair_sets
        if any(n in position for n in (*ps, *ds))
    ]
    limits = [inst.ride_limit(i) for i in range(len(inst.pairs))] + [inst.max_ride] * len(chosen)
    for (p, d), limit in zip((*inst.pairs, *chosen), limits, strict=True):
        if (p in position) != (d in position):
            out.append(f"vehicle {k}: pair ({p}, {d}) split across vehicles")
        elif p in position:
            if position[p] > position[d]:
                out.append(f"vehicle {k}: delivery {d} before its pickup {p}")
            ride = times[position[d]] - times[position[p]]
            if limit is not None and ride > limit:
                out.append(f"vehicle {k}: ride {p}->{d} is {ride}, over {limit}")
    return out


def _span_violations(inst: VrpInstance, k: int, route, times, span) -> list[str]:
    """The maximum route duration: departure and return times that fit the route and lie
    no further apart than the limit (only checked when the instance has a limit)."""
    if inst.max_route_duration is None or not route:
        return []
    if span is None:
        return [f"vehicle {k}: no departure and return time to check the route duration"]
    out: list[str] = []
    depart, back = span
    start, end = inst.vehicle_start(k), inst.vehicle_end(k)
    if depart < inst.time_windows[start][0]:
        out.append(f"vehicle {k}: departs at {depart}, before its start opens")
    if times[0] < depart + inst.service_times[start] + inst.duration[start][route[0]]:
        out.append(f"vehicle {k}: departs at {depart}, too late to reach node {route[0]}")
    if back < times[-1] + inst.service_times[route[-1]] + inst.duration[route[-1]][end]:
        out.append(f"vehicle {k}: returns at {back}, before it can be back from {route[-1]}")
    if back - depart > inst.max_route_duration:
        out.append(f"vehicle {k}: route lasts {back - depart}, over {inst.max_route_duration}")
    return out


def _taken(side: tuple[int, ...], position: dict[int, int]) -> int:
    """The alternative this route visits (the first one when it visits none: then the pair
    is split, which the caller reports)."""
    return next((n for n in side if n in position), side[0])
