"""The same `VrpInstance` solved by PyVRP (hybrid genetic search), for instances without
pick-up/delivery pairs or a ride-time limit.

Measured on the six Solomon instances (benchmarks/routing.py, 30 s, 2 cores), PyVRP comes
within about 1 % of the best-known distances where OR-Tools' guided local search stays 1-6 %
above them; PyVRP has no limit on a passenger's ride time, which the work car's runs need, so
those stay on OR-Tools (`planner.routing.vrptw`). Every visit may be dropped at the
instance's `drop_penalty` (a prize), as in the OR-Tools core.
"""

from __future__ import annotations

from collections import defaultdict

from pyvrp import Model
from pyvrp.stop import MaxRuntime

from planner.routing.vrptw import VrpInstance, VrpSolution, default_penalty


def supports(inst: VrpInstance) -> bool:
    """PyVRP here serves plain VRPTW: no paired visits, no ride-time or route-duration limit."""
    return (
        not inst.pairs
        and not inst.pair_sets
        and inst.max_ride is None
        and inst.max_route_duration is None
    )


def solve_vrptw_pyvrp(inst: VrpInstance, seconds: float, seed: int = 0) -> VrpSolution:
    if not supports(inst):
        raise ValueError("PyVRP serves instances without pick-up/delivery pairs or ride limits")
    model = Model()
    locations = [model.add_location(float(i), 0.0) for i in range(inst.n_nodes)]
    depots = {}
    for node in sorted(inst.terminals()):
        a, b = inst.time_windows[node]
        depots[node] = model.add_depot(locations[node], tw_early=a, tw_late=b)

    # Vehicles with the same capacity and terminals form one vehicle type.
    kinds: dict[tuple[int, int, int], list[int]] = defaultdict(list)
    for k in range(inst.n_vehicles):
        kinds[(inst.capacities[k], inst.vehicle_start(k), inst.vehicle_end(k))].append(k)
    type_vehicles = []
    for (capacity, start, end), vehicles in kinds.items():
        model.add_vehicle_type(
            len(vehicles),
            capacity=[capacity],
            start_depot=depots[start],
            end_depot=depots[end],
            tw_early=inst.time_windows[start][0],
            tw_late=inst.time_windows[end][1],
            fixed_cost=inst.vehicle_cost,
        )
        type_vehicles.append(list(vehicles))

    prize = inst.drop_penalty or default_penalty(inst)
    visits = inst.visits()
    for node in visits:
        a, b = inst.time_windows[node]
        model.add_client(
            locations[node],
            delivery=[max(inst.demands[node], 0)],
            service_duration=inst.service_times[node],
            tw_early=a,
            tw_late=b,
            prize=prize,
            required=False,
        )
    dist, dur = inst.dist, inst.duration
    for i, a in enumerate(locations):
        for j, b in enumerate(locations):
            # PyVRP adds the service time at the visit; the matrices hold travel only.
            model.add_edge(a, b, distance=dist[i][j], duration=dur[i][j])

    result = model.solve(stop=MaxRuntime(seconds), seed=seed, display=False)
    if not result.is_feasible():
        empty = ((),) * inst.n_vehicles
        return VrpSolution(empty, empty, 0, 0, tuple(visits), "NO_SOLUTION")
    routes: list[tuple[int, ...]] = [()] * inst.n_vehicles
    times: list[tuple[int, ...]] = [()] * inst.n_vehicles
    spans: list[tuple[int, int]] = [(0, 0)] * inst.n_vehicles
    free = [list(v) for v in type_vehicles]
    for route in result.best.routes():
        k = free[route.vehicle_type()].pop(0)
        stops = [(visits[a.idx], a.start_time) for a in route.schedule() if a.is_client()]
        routes[k] = tuple(node for node, _ in stops)
        times[k] = tuple(at for _, at in stops)
        spans[k] = (route.start_time(), route.end_time())
    distance = sum(
        dist[a][b]
        for k, route in enumerate(routes)
        if route
        for a, b in zip((inst.vehicle_start(k), *route), (*route, inst.vehicle_end(k)), strict=True)
    )
    served = {v for r in routes for v in r}
    return VrpSolution(
        routes=tuple(routes),
        times=tuple(times),
        distance=distance,
        vehicles_used=sum(1 for r in routes if r),
        dropped=tuple(v for v in visits if v not in served),
        status="FEASIBLE",
        objective=round(result.cost()),
        route_span=tuple(spans),
    )
