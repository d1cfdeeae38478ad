"""Solomon VRPTW instances in VRPLIB format (.vrp) and their best-known solutions (.sol).

Convention of the shared copies (DIMACS 2021): Euclidean distances truncated to one decimal,
travel time equals distance, objective total distance. `to_instance` scales by 10, so the
integer model is exact and a distance of 8273 means 827.3.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from planner.routing.vrptw import VrpInstance, euclidean_matrix

SCALE = 10


@dataclass(frozen=True)
class Solomon:
    name: str
    vehicles: int
    capacity: int
    coords: tuple[tuple[float, float], ...]
    demands: tuple[int, ...]
    windows: tuple[tuple[int, int], ...]
    service_times: tuple[int, ...]
    depot: int


@dataclass(frozen=True)
class BestKnown:
    routes: tuple[tuple[int, ...], ...]
    cost: float


def read_vrp(path: str | Path) -> Solomon:
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    head: dict[str, str] = {}
    sections: dict[str, list[list[str]]] = {}
    current = None
    for raw in lines:
        line = raw.strip()
        if not line or line == "EOF":
            continue
        if line.endswith("_SECTION"):
            current = line
            sections[current] = []
        elif current is None and ":" in line:
            key, value = line.split(":", 1)
            head[key.strip()] = value.strip()
        elif current is not None:
            sections[current].append(line.split())
    coords = tuple((float(r[1]), float(r[2])) for r in sections["NODE_COORD_SECTION"])
    n = len(coords)
    service = int(head.get("SERVICE_TIME", "0"))
    depots = [int(r[0]) - 1 for r in sections.get("DEPOT_SECTION", [["1"]]) if int(r[0]) > 0]
    depot = depots[0] if depots else 0
    if "SERVICE_TIME_SECTION" in sections:
        service_times = tuple(int(r[1]) for r in sections["SERVICE_TIME_SECTION"])
    else:
        service_times = tuple(0 if i == depot else service for i in range(n))
    return Solomon(
        name=head.get("NAME", Path(path).stem),
        vehicles=int(head.get("VEHICLES", n)),
        capacity=int(head["CAPACITY"]),
        coords=coords,
        demands=tuple(int(r[1]) for r in sections["DEMAND_SECTION"]),
        windows=tuple((int(r[1]), int(r[2])) for r in sections["TIME_WINDOW_SECTION"]),
        service_times=service_times,
        depot=depot,
    )


def read_sol(path: str | Path) -> BestKnown:
    routes: list[tuple[int, ...]] = []
    cost = float("nan")
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if m := re.match(r"Route\s*#\d+:\s*(.*)", line):
            routes.append(tuple(int(x) for x in m.group(1).split()))
        elif line.startswith("Cost"):
            cost = float(line.split()[1])
    return BestKnown(tuple(routes), cost)


def to_instance(s: Solomon, vehicle_cost: int = 0) -> VrpInstance:
    """The integer instance (tenths). `vehicle_cost` > 0 puts fewer vehicles first."""
    matrix = euclidean_matrix(s.coords, SCALE)
    return VrpInstance(
        duration=matrix,
        demands=s.demands,
        capacities=(s.capacity,) * s.vehicles,
        time_windows=tuple((a * SCALE, b * SCALE) for a, b in s.windows),
        service_times=tuple(t * SCALE for t in s.service_times),
        depot=s.depot,
        vehicle_cost=vehicle_cost,
    )
