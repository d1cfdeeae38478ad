"""The work car as a dial-a-ride problem: Cordeau-Laporte DARP instances, their translation to
the routing core's `VrpInstance`, and a checker in real numbers that shares no code with the
solver or with `planner.routing.check`.

File format (Cordeau 2006; the copies in ../shared/benchmarks/darp): a header line
`vehicles nodes max_route_duration capacity max_ride_time` (nodes = 2n), then one line per
node `id x y service_time load tw_start tw_end`: node 0 the depot, 1..n the pick-ups,
n+1..2n their drop-offs (load negative), optionally a last copy of the depot (2n+1).
Euclidean distances, not rounded; travel time equals distance; cost is total distance.

DARP conventions honoured exactly:
- the ride time of request i is the start of service at its drop-off minus the END of
  service at its pick-up, at most L; the core bounds start-to-start, so each pair's limit is
  L + the service time at its pick-up, rounded down as a whole (`VrpInstance.max_rides`;
  the "b" set's service times differ by request);
- a route lasts from leaving the depot to coming back, waiting included, at most T
  (`VrpInstance.max_route_duration`).

Integers (`SCALE` = 1000): travel times are rounded UP, window openings and service times
up, window closings, ride and route limits down, so a schedule feasible in integers is
feasible in real numbers (the real checker confirms it). The arc cost is the distance
rounded to the nearest unit; the reported cost is recomputed from the real distances.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from planner.routing.vrptw import SolveParams, VrpInstance, VrpSolution, solve_vrptw_ortools

SCALE = 1000
EPS = 1e-6
"""Tolerance of the real checker (times are integers / SCALE, sums of floats)."""


class DarpFormatError(ValueError):
    """A malformed instance file; the message is one line: file, line, what is wrong."""


@dataclass(frozen=True)
class Darp:
    """One DARP instance in real numbers; node i < 2n+1 as in the file (no final depot copy)."""

    name: str
    vehicles: int
    capacity: int
    max_route_duration: float
    max_ride: float
    coords: tuple[tuple[float, float], ...]
    service: tuple[float, ...]
    loads: tuple[int, ...]
    windows: tuple[tuple[float, float], ...]

    @property
    def requests(self) -> int:
        return (len(self.coords) - 1) // 2

    def dropoff(self, pickup: int) -> int:
        return pickup + self.requests

    def travel(self, a: int, b: int) -> float:
        return math.dist(self.coords[a], self.coords[b])


@dataclass(frozen=True)
class DarpSolution:
    """`routes[k]` visits (node ids, depot excluded), `times[k]` the start of service at each,
    `departures[k]` / `returns[k]` when vehicle k leaves and reaches the depot."""

    routes: tuple[tuple[int, ...], ...]
    times: tuple[tuple[float, ...], ...]
    departures: tuple[float, ...]
    returns: tuple[float, ...]


def _fail(path: Path, line: int, what: str) -> DarpFormatError:
    return DarpFormatError(f"{path}: line {line}: {what}")


def _numbers(path: Path, line: int, text: str, count: int, what: str) -> list[float]:
    fields = text.split()
    if len(fields) != count:
        raise _fail(path, line, f"{what} needs {count} numbers, found {len(fields)}")
    out = []
    for field in fields:
        try:
            value = float(field)
        except ValueError:
            raise _fail(path, line, f"{field!r} is not a number") from None
        if not math.isfinite(value):
            raise _fail(path, line, f"{field!r} is not a finite number")
        out.append(value)
    return out


def _whole(path: Path, line: int, value: float, what: str) -> int:
    if value != int(value):
        raise _fail(path, line, f"{what} must be a whole number, found {value:g}")
    return int(value)


def read_darp(path: str | Path) -> Darp:
    """Read one instance file; a malformed file raises `DarpFormatError` naming the line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DarpFormatError(f"{path}: cannot be read ({exc.__class__.__name__})") from None
    lines = [(i, raw) for i, raw in enumerate(text.splitlines(), start=1) if raw.strip()]
    if not lines:
        raise DarpFormatError(f"{path}: line 1: the file is empty")
    head_line, head = lines[0]
    k, nodes, t_max, q, l_max = _numbers(path, head_line, head, 5, "the header")
    vehicles = _whole(path, head_line, k, "the number of vehicles")
    nodes2 = _whole(path, head_line, nodes, "the number of nodes")
    capacity = _whole(path, head_line, q, "the capacity")
    if vehicles < 1 or nodes2 < 2 or nodes2 % 2 or capacity < 1 or t_max < 0 or l_max < 0:
        raise _fail(
            path,
            head_line,
            "the header needs vehicles >= 1, an even node count >= 2, "
            "capacity >= 1 and non-negative route and ride limits",
        )
    n = nodes2 // 2
    body = lines[1:]
    if len(body) not in (nodes2 + 1, nodes2 + 2):
        # Too many: the first line too many; too few: the line after the last.
        where = body[nodes2 + 2][0] if len(body) > nodes2 + 2 else lines[-1][0] + 1
        raise _fail(
            path,
            where,
            f"expected {nodes2 + 1} node lines (depot and {nodes2} stops), found {len(body)}",
        )
    coords, service, loads, windows = [], [], [], []
    for expected, (line, raw) in enumerate(body):
        node, x, y, s, load, a, b = _numbers(path, line, raw, 7, "a node line")
        if node != expected:
            raise _fail(path, line, f"node id {node:g}, expected {expected}")
        load_i = _whole(path, line, load, "the load")
        if s < 0:
            raise _fail(path, line, f"negative service time {s:g}")
        if a > b:
            raise _fail(path, line, f"time window [{a:g}, {b:g}] opens after it closes")
        if expected == nodes2 + 1:  # the final copy of the depot
            if (x, y) != coords[0] or load_i != 0:
                raise _fail(path, line, "the last node must be a copy of the depot")
            continue
        if expected == 0 and load_i != 0:
            raise _fail(path, line, f"the depot has load {load_i}, expected 0")
        if 1 <= expected <= n and not 1 <= load_i <= capacity:
            raise _fail(path, line, f"pick-up load {load_i}, expected 1..{capacity}")
        if expected > n and load_i != -loads[expected - n]:
            raise _fail(
                path,
                line,
                f"drop-off load {load_i}, expected {-loads[expected - n]} "
                f"(minus the load of pick-up {expected - n})",
            )
        coords.append((x, y))
        service.append(s)
        loads.append(load_i)
        windows.append((a, b))
    return Darp(
        name=path.stem,
        vehicles=vehicles,
        capacity=capacity,
        max_route_duration=t_max,
        max_ride=l_max,
        coords=tuple(coords),
        service=tuple(service),
        loads=tuple(loads),
        windows=tuple(windows),
    )


def _up(value: float) -> int:
    """value * SCALE as an integer, rounded up (exact when it is one already)."""
    scaled = value * SCALE
    return round(scaled) if abs(scaled - round(scaled)) < EPS else math.ceil(scaled)


def _down(value: float) -> int:
    scaled = value * SCALE
    return round(scaled) if abs(scaled - round(scaled)) < EPS else math.floor(scaled)


def to_instance(darp: Darp) -> VrpInstance:
    """The routing core's integer instance (see the module docstring for the rounding)."""
    nodes = range(len(darp.coords))
    duration = tuple(tuple(math.ceil(darp.travel(a, b) * SCALE) for b in nodes) for a in nodes)
    distance = tuple(tuple(round(darp.travel(a, b) * SCALE) for b in nodes) for a in nodes)
    pickups = range(1, darp.requests + 1)
    service = tuple(_up(s) for s in darp.service)
    rides = tuple(_down(darp.max_ride + darp.service[p]) for p in pickups)
    return VrpInstance(
        duration=duration,
        distance=distance,
        demands=darp.loads,
        capacities=(darp.capacity,) * darp.vehicles,
        time_windows=tuple((_up(a), _down(b)) for a, b in darp.windows),
        service_times=service,
        depot=0,
        pairs=tuple((p, darp.dropoff(p)) for p in pickups),
        max_rides=rides,
        max_route_duration=_down(darp.max_route_duration),
    )


def darp_params(seconds: float) -> SolveParams:
    """The search the benchmark uses: guided local search (penalty weight 1.0, OR-Tools'
    default 0.1) from the cheapest-cost insertion, with each ride limit where local search
    sees it (see benchmarks/darp.py for the measurements behind the choice)."""
    return SolveParams(
        seconds=seconds,
        first_solution="LOCAL_CHEAPEST_COST_INSERTION",
        local_search="GUIDED_LOCAL_SEARCH",
        engine="ortools",
        ride_limits_in_search=True,
        gls_lambda=1.0,
    )


def solve_darp(darp: Darp, params: SolveParams) -> tuple[VrpInstance, VrpSolution, DarpSolution]:
    """Solve with the product's OR-Tools core; returns the integer instance and solution (for
    `planner.routing.check`) and the schedule in real numbers (for `violations`)."""
    inst = to_instance(darp)
    sol = solve_vrptw_ortools(inst, params)
    return inst, sol, from_solution(sol)


def from_solution(sol: VrpSolution) -> DarpSolution:
    """The core's integer schedule in real time units (node ids are the same)."""
    spans = sol.route_span or tuple((0, 0) for _ in sol.routes)
    return DarpSolution(
        routes=sol.routes,
        times=tuple(tuple(t / SCALE for t in times) for times in sol.times),
        departures=tuple(a / SCALE for a, _ in spans),
        returns=tuple(b / SCALE for _, b in spans),
    )


def cost(darp: Darp, sol: DarpSolution) -> float:
    """Total distance in real numbers (vehicles left at the depot cost nothing)."""
    total = 0.0
    for route in sol.routes:
        if route:
            stops = (0, *route, 0)
            total += sum(darp.travel(a, b) for a, b in pairwise(stops))
    return total


def violations(darp: Darp, sol: DarpSolution) -> list[str]:
    """Every broken DARP rule as a sentence, checked in real numbers; empty when valid."""
    out: list[str] = []
    n = darp.requests
    if len(sol.routes) > darp.vehicles:
        out.append(f"{len(sol.routes)} routes for {darp.vehicles} vehicles")
    if not len(sol.routes) == len(sol.times) == len(sol.departures) == len(sol.returns):
        return [*out, "routes, times, departures and returns differ in number"]
    where: dict[int, tuple[int, int]] = {}
    for k, (route, times) in enumerate(zip(sol.routes, sol.times, strict=True)):
        if len(route) != len(times):
            out.append(f"vehicle {k}: {len(route)} stops but {len(times)} times")
            continue
        for i, node in enumerate(route):
            if not 1 <= node <= 2 * n:
                out.append(f"vehicle {k}: {node} is not a stop of this instance")
            elif node in where:
                out.append(f"stop {node} is visited twice")
            else:
                where[node] = (k, i)
        out += _route(darp, k, route, times, sol.departures[k], sol.returns[k])
    for p in range(1, n + 1):
        d = darp.dropoff(p)
        if p not in where or d not in where:
            out.append(f"request {p} is not served (pick-up {p}, drop-off {d})")
            continue
        (kp, ip), (kd, id_) = where[p], where[d]
        if kp != kd:
            out.append(f"request {p}: picked up by vehicle {kp}, dropped off by vehicle {kd}")
        elif ip > id_:
            out.append(f"request {p}: dropped off before it is picked up")
        else:
            ride = sol.times[kd][id_] - (sol.times[kp][ip] + darp.service[p])
            if ride > darp.max_ride + EPS:
                out.append(f"request {p}: ride time {ride:.3f}, over {darp.max_ride:g}")
    return out


def _route(darp: Darp, k, route, times, depart: float, back: float) -> list[str]:
    if not route:
        return []
    out: list[str] = []
    (a0, b0) = darp.windows[0]
    if depart < a0 - EPS:
        out.append(f"vehicle {k}: leaves the depot at {depart:.3f}, before it opens")
    if back > b0 + EPS:
        out.append(f"vehicle {k}: back at the depot at {back:.3f}, after it closes")
    if back - depart > darp.max_route_duration + EPS:
        out.append(
            f"vehicle {k}: route lasts {back - depart:.3f}, over {darp.max_route_duration:g}"
        )
    load = 0
    previous, ready = 0, depart + darp.service[0]
    for node, t in zip(route, times, strict=True):
        if not 0 < node < len(darp.coords):
            return out
        if t < ready + darp.travel(previous, node) - EPS:
            out.append(f"vehicle {k}: cannot reach stop {node} from {previous} by {t:.3f}")
        a, b = darp.windows[node]
        if not a - EPS <= t <= b + EPS:
            out.append(f"vehicle {k}: stop {node} served at {t:.3f}, window [{a:g}, {b:g}]")
        load += darp.loads[node]
        if not 0 <= load <= darp.capacity:
            out.append(f"vehicle {k}: {load} on board after stop {node}, {darp.capacity} seats")
        previous, ready = node, t + darp.service[node]
    if back < ready + darp.travel(previous, 0) - EPS:
        out.append(f"vehicle {k}: cannot be back at the depot by {back:.3f}")
    return out
