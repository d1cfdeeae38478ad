"""A small, general VRPTW core on OR-Tools routing.

Integers only: OR-Tools arcs and cumuls are int64, so callers scale real-valued distances and
times to integers before building a `VrpInstance` (Solomon: tenths, exact for distances
truncated to one decimal; the product: whole minutes). Travel time and distance are separate
matrices; time windows and service times are in the duration unit.

Two engines behind one call (`solve_vrptw`): OR-Tools routing (here), which handles the work
car's paired pick-ups and ride-time limits, and PyVRP (`pyvrp_core`) for plain VRPTW, where
it finds shorter routes in the same time (see benchmarks/routing.py).

Objective: `vehicle_cost` per used vehicle plus total distance; with a vehicle cost above any
possible route length the objective is hierarchical (vehicles first, then distance). Every
visit is droppable at `drop_penalty` (default: far above any route), so a too-tight instance
returns a partial solution with the dropped nodes listed instead of failing.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from ortools.constraint_solver import pywrapcp, routing_enums_pb2

Matrix = tuple[tuple[int, ...], ...]


@dataclass(frozen=True)
class VrpInstance:
    """Nodes 0..n-1; vehicle k starts at `starts[k]` and ends at `ends[k]` (default: depot).

    `pairs` are (pickup, delivery) nodes served by one vehicle, pickup first; `max_ride` bounds
    delivery time minus pickup time for every pair, and `max_rides` (one per pair of `pairs`,
    optional) replaces it pair by pair. Demands are signed (+ at a pickup, - at
    its delivery). `pair_sets` are pairs with alternatives: (pickup nodes, delivery nodes), of
    which at most one pickup and one delivery are visited, both or neither (e.g. a client met
    at home or at a hub). `max_route_duration` bounds each vehicle's return time minus its
    departure time (waiting included).
    """

    duration: Matrix
    demands: tuple[int, ...]
    capacities: tuple[int, ...]
    time_windows: tuple[tuple[int, int], ...]
    service_times: tuple[int, ...]
    distance: Matrix | None = None
    depot: int = 0
    starts: tuple[int, ...] | None = None
    ends: tuple[int, ...] | None = None
    pairs: tuple[tuple[int, int], ...] = ()
    pair_sets: tuple[tuple[tuple[int, ...], tuple[int, ...]], ...] = ()
    max_ride: int | None = None
    vehicle_cost: int = 0
    drop_penalty: int | None = None
    max_rides: tuple[int, ...] | None = None
    max_route_duration: int | None = None

    def __post_init__(self) -> None:
        n = len(self.duration)
        for name in ("demands", "time_windows", "service_times"):
            if len(getattr(self, name)) != n:
                raise ValueError(f"{name} has {len(getattr(self, name))} entries, expected {n}")
        if any(len(row) != n for row in self.duration):
            raise ValueError("duration must be a square matrix")
        if self.distance is not None and (
            len(self.distance) != n or any(len(r) != n for r in self.distance)
        ):
            raise ValueError("distance must be a square matrix like duration")
        for k in (self.starts, self.ends):
            if k is not None and len(k) != len(self.capacities):
                raise ValueError("starts/ends need one node per vehicle")
        if any(a > b for a, b in self.time_windows):
            raise ValueError("a time window opens after it closes")
        in_sets = [n for pickups, deliveries in self.pair_sets for n in (*pickups, *deliveries)]
        if len(in_sets) != len(set(in_sets)) or set(in_sets) & {n for p in self.pairs for n in p}:
            raise ValueError("a node belongs to more than one pair or pair set")
        if any(not pickups or not deliveries for pickups, deliveries in self.pair_sets):
            raise ValueError("a pair set needs at least one pickup and one delivery")
        if self.max_rides is not None and len(self.max_rides) != len(self.pairs):
            raise ValueError("max_rides needs one limit per pair")
        if self.max_route_duration is not None and self.max_route_duration < 0:
            raise ValueError("max_route_duration must not be negative")

    @property
    def n_nodes(self) -> int:
        return len(self.duration)

    @property
    def n_vehicles(self) -> int:
        return len(self.capacities)

    @property
    def dist(self) -> Matrix:
        return self.distance if self.distance is not None else self.duration

    def ride_limit(self, pair: int) -> int | None:
        """The ride limit of `pairs[pair]`: its own in `max_rides`, else `max_ride`."""
        return self.max_rides[pair] if self.max_rides is not None else self.max_ride

    def vehicle_start(self, k: int) -> int:
        return self.starts[k] if self.starts is not None else self.depot

    def vehicle_end(self, k: int) -> int:
        return self.ends[k] if self.ends is not None else self.depot

    def terminals(self) -> set[int]:
        return (
            {self.depot}
            | {self.vehicle_start(k) for k in range(self.n_vehicles)}
            | {self.vehicle_end(k) for k in range(self.n_vehicles)}
        )

    def visits(self) -> list[int]:
        ends = self.terminals()
        return [i for i in range(self.n_nodes) if i not in ends]


def euclidean_matrix(coords: Sequence[tuple[float, float]], scale: int = 10) -> Matrix:
    """Euclidean distances truncated to one decimal (DIMACS/Solomon), times `scale` (10: exact)."""
    return tuple(
        tuple(math.floor(math.dist(a, b) * 10) * scale // 10 for b in coords) for a in coords
    )


@dataclass(frozen=True)
class VrpSolution:
    """`routes[k]` lists the visits of vehicle k (terminals excluded), `times[k]` the service
    start at each of them. `distance` is in the instance's distance unit."""

    routes: tuple[tuple[int, ...], ...]
    times: tuple[tuple[int, ...], ...]
    distance: int
    vehicles_used: int
    dropped: tuple[int, ...]
    status: str
    objective: int | None = None
    route_span: tuple[tuple[int, int], ...] = field(default=())
    """(departure, return) time of each vehicle."""


ENGINES = ("auto", "ortools", "pyvrp")


@dataclass(frozen=True)
class SolveParams:
    seconds: float = 5.0
    first_solution: str = "PARALLEL_CHEAPEST_INSERTION"
    local_search: str = "GUIDED_LOCAL_SEARCH"
    engine: str = "auto"
    """auto: PyVRP for plain VRPTW (no pairs, no ride limit), OR-Tools otherwise."""
    seed: int = 0
    gls_lambda: float | None = None
    """Guided local search's penalty weight (None: OR-Tools' default, 0.1)."""
    ride_limits_in_search: bool = False
    """Also hand each pair's ride limit to the time dimension's pickup-to-delivery limit, which
    local search checks while it moves visits (the dial-a-ride benchmark's setting)."""

    def __post_init__(self) -> None:
        if self.seconds <= 0:
            raise ValueError("seconds must be positive")
        if self.gls_lambda is not None and self.gls_lambda <= 0:
            raise ValueError("gls_lambda must be positive")
        if self.engine not in ENGINES:
            raise ValueError(f"engine must be one of {', '.join(ENGINES)}")


_STATUS = {
    "ROUTING_SUCCESS": "FEASIBLE",  # stopped by the time limit with a solution
    "ROUTING_PARTIAL_SUCCESS_LOCAL_OPTIMUM_NOT_REACHED": "FEASIBLE",
    "ROUTING_OPTIMAL": "OPTIMAL",
    "ROUTING_FAIL_TIMEOUT": "NO_SOLUTION",
    "ROUTING_FAIL": "NO_SOLUTION",
    "ROUTING_INFEASIBLE": "INFEASIBLE",
    "ROUTING_INVALID": "INVALID",
    "ROUTING_NOT_SOLVED": "NOT_SOLVED",
}


def _status(code: int) -> str:
    name = routing_enums_pb2.RoutingSearchStatus.Value.Name(code)
    return _STATUS.get(name, name)


def solve_vrptw(inst: VrpInstance, params: SolveParams | None = None) -> VrpSolution:
    params = params or SolveParams()
    from planner.routing import pyvrp_core

    if params.engine == "pyvrp" or (params.engine == "auto" and pyvrp_core.supports(inst)):
        return pyvrp_core.solve_vrptw_pyvrp(inst, params.seconds, params.seed)
    return solve_vrptw_ortools(inst, params)


def solve_vrptw_ortools(inst: VrpInstance, params: SolveParams) -> VrpSolution:
    n, m = inst.n_nodes, inst.n_vehicles
    starts = [inst.vehicle_start(k) for k in range(m)]
    ends = [inst.vehicle_end(k) for k in range(m)]
    manager = pywrapcp.RoutingIndexManager(n, m, starts, ends)
    routing = pywrapcp.RoutingModel(manager)
    dur, dist = inst.duration, inst.dist

    # Node-indexed matrices, evaluated inside OR-Tools (no Python call per arc): the arc
    # cost, and the travel time from a node including its service time.
    routing.SetArcCostEvaluatorOfAllVehicles(routing.RegisterTransitMatrix([list(r) for r in dist]))
    travel = [[inst.service_times[a] + dur[a][b] for b in range(n)] for a in range(n)]
    time_cb = routing.RegisterTransitMatrix(travel)
    demand_cb = routing.RegisterUnaryTransitVector(list(inst.demands))
    if inst.vehicle_cost:
        routing.SetFixedCostOfAllVehicles(inst.vehicle_cost)

    horizon = max(b for _, b in inst.time_windows) + max(inst.service_times, default=0)
    routing.AddDimension(time_cb, horizon, horizon, False, "T")
    time = routing.GetDimensionOrDie("T")
    for node, (a, b) in enumerate(inst.time_windows):
        if node in inst.terminals():
            continue
        time.CumulVar(manager.NodeToIndex(node)).SetRange(a, b)
    for k in range(m):
        a0, b0 = inst.time_windows[starts[k]]
        a1, b1 = inst.time_windows[ends[k]]
        time.CumulVar(routing.Start(k)).SetRange(a0, b0)
        time.CumulVar(routing.End(k)).SetRange(a1, b1)
        routing.AddVariableMinimizedByFinalizer(time.CumulVar(routing.End(k)))
        routing.AddVariableMaximizedByFinalizer(time.CumulVar(routing.Start(k)))
        if inst.max_route_duration is not None:
            time.SetSpanUpperBoundForVehicle(inst.max_route_duration, k)

    # Signed demands (pick-ups and drop-offs): the load may not start above zero.
    routing.AddDimensionWithVehicleCapacity(demand_cb, 0, list(inst.capacities), True, "Q")

    solver = routing.solver()
    for pair, (p, d) in enumerate(inst.pairs):
        pi, di = manager.NodeToIndex(p), manager.NodeToIndex(d)
        routing.AddPickupAndDelivery(pi, di)
        solver.Add(routing.VehicleVar(pi) == routing.VehicleVar(di))
        solver.Add(time.CumulVar(pi) <= time.CumulVar(di))
        limit = inst.ride_limit(pair)
        if limit is not None:
            solver.Add(time.CumulVar(di) - time.CumulVar(pi) <= limit)
            if params.ride_limits_in_search:
                # The same limit where local search sees it (the dimension's path filter), so
                # moves that break a ride are rejected before the solver is asked.
                time.SetPickupToDeliveryLimitFunctionForPair(
                    lambda _p, _d, limit=limit: limit, pair
                )

    penalty = inst.drop_penalty or default_penalty(inst)
    alternatives = set()
    big = horizon + (inst.max_ride or 0)
    for pickups, deliveries in inst.pair_sets:
        alternatives |= {*pickups, *deliveries}
        p_set = routing.AddDisjunction([manager.NodeToIndex(p) for p in pickups], penalty, 1)
        d_set = routing.AddDisjunction([manager.NodeToIndex(d) for d in deliveries], penalty, 1)
        routing.AddPickupAndDeliverySets(p_set, d_set)
        for p in pickups:
            for d in deliveries:
                pi, di = manager.NodeToIndex(p), manager.NodeToIndex(d)
                # Only the visited alternatives are bound (an inactive node's time is free).
                slack = big * (2 - routing.ActiveVar(pi) - routing.ActiveVar(di))
                solver.Add(time.CumulVar(pi) <= time.CumulVar(di) + slack)
                if inst.max_ride is not None:
                    solver.Add(time.CumulVar(di) - time.CumulVar(pi) <= inst.max_ride + slack)
    for node in inst.visits():
        if node not in alternatives:
            routing.AddDisjunction([manager.NodeToIndex(node)], penalty)

    search = pywrapcp.DefaultRoutingSearchParameters()
    search.first_solution_strategy = getattr(
        routing_enums_pb2.FirstSolutionStrategy, params.first_solution
    )
    search.local_search_metaheuristic = getattr(
        routing_enums_pb2.LocalSearchMetaheuristic, params.local_search
    )
    if params.gls_lambda is not None:
        search.guided_local_search_lambda_coefficient = params.gls_lambda
    search.time_limit.FromMilliseconds(int(params.seconds * 1000))
    assignment = routing.SolveWithParameters(search)
    status = _status(routing.status())
    if assignment is None:
        empty = ((),) * m
        return VrpSolution(empty, empty, 0, 0, tuple(inst.visits()), status)
    return _extract(inst, manager, routing, assignment, time, status)


def default_penalty(inst: VrpInstance) -> int:
    big = max((max(row) for row in inst.dist), default=1) * inst.n_nodes
    return 10 * (big + inst.vehicle_cost + 1)


def unused(inst: VrpInstance, served: set[int]) -> set[int]:
    """Alternatives not taken because another node of their set was: not dropped."""
    out: set[int] = set()
    for side in (s for pair_set in inst.pair_sets for s in pair_set):
        if served & set(side):
            out |= set(side) - served
    return out


def _extract(inst, manager, routing, assignment, time, status: str) -> VrpSolution:
    routes, times, spans = [], [], []
    distance = 0
    dist = inst.dist
    for k in range(inst.n_vehicles):
        index = routing.Start(k)
        route, when = [], []
        spans_start = assignment.Min(time.CumulVar(index))
        prev = manager.IndexToNode(index)
        index = assignment.Value(routing.NextVar(index))
        while not routing.IsEnd(index):
            node = manager.IndexToNode(index)
            route.append(node)
            when.append(assignment.Min(time.CumulVar(index)))
            distance += dist[prev][node]
            prev = node
            index = assignment.Value(routing.NextVar(index))
        end = manager.IndexToNode(index)
        if route:
            distance += dist[prev][end]
        routes.append(tuple(route))
        times.append(tuple(when))
        spans.append((spans_start, assignment.Min(time.CumulVar(index))))
    served = {v for r in routes for v in r}
    dropped = tuple(v for v in inst.visits() if v not in served and v not in unused(inst, served))
    return VrpSolution(
        routes=tuple(routes),
        times=tuple(times),
        distance=distance,
        vehicles_used=sum(1 for r in routes if r),
        dropped=dropped,
        status=status,
        objective=assignment.ObjectiveValue(),
        route_span=tuple(spans),
    )
