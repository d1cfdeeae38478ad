"""Benchmark the routing core: six Solomon VRPTW instances against best-known distances, and
the product's own pick-up case.

    python benchmarks/routing.py --seconds 30
    python benchmarks/routing.py --seconds 5 --only-product --reference-seconds 60

Solomon: DIMACS convention (distance truncated to one decimal, objective total distance,
vehicles free), so the solve minimises distance only; `vehicles` is what that solution uses.
Each instance runs with both engines of `planner.routing` (`--engines`): PyVRP, which the
product uses for plain VRPTW, and OR-Tools routing, which it uses for the work car's runs.
Every solution is re-checked by the independent checker (`planner.routing.check`).

Product case: one weekday of the sample season's greedy plan, the 6 groups with the most ride
clients and 30 riders (topped up with other members of those groups when the sample has fewer),
each at most three quarters of the ride limit from their venue by car (a rider further away
cannot share the ride within the limit, and the bound needs every rider served), minibuses (8)
and cars (4) in turn at the busiest staff bases until every rider has a seat. Clients are met
at home (hubs off) so that the proven lower bound of `planner.routing.bound` (a CP-SAT relaxation,
`--bound-seconds`) applies; a last row gives the same case with hubs on. The reference is the
same instance solved for `--reference-seconds`.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from itertools import pairwise
from pathlib import Path

from planner.baseline import greedy_plan
from planner.geo import TravelModel
from planner.io import read_season
from planner.model import Plan, Season
from planner.routing.bound import pickup_lower_bound
from planner.routing.check import violations
from planner.routing.pickups import PickupParams, Request, Vehicle, _home, build_day
from planner.routing.solomon import SCALE, read_sol, read_vrp, to_instance
from planner.routing.vrptw import SolveParams, solve_vrptw

SOLOMON = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "solomon"
"""The public Solomon instances in ../shared beside this checkout."""
INSTANCES = ("C101", "C201", "R101", "R201", "RC101", "RC201")


def solomon_rows(folder: Path, seconds: float, engines: list[str]) -> list[dict]:
    rows = []
    for name, engine in ((n, e) for n in INSTANCES for e in engines):
        data = read_vrp(folder / f"{name}.vrp")
        best = read_sol(folder / f"{name}.sol")
        inst = to_instance(data)
        t0 = time.perf_counter()
        sol = solve_vrptw(inst, SolveParams(seconds=seconds, engine=engine))
        wall = time.perf_counter() - t0
        distance = sol.distance / SCALE
        rows.append(
            {
                "instance": name,
                "engine": engine,
                "vehicles": sol.vehicles_used,
                "distance": distance,
                "dropped": len(sol.dropped),
                "bk_vehicles": len(best.routes),
                "bk_distance": best.cost,
                "gap_%": 100 * (distance - best.cost) / best.cost,
                "valid": not violations(inst, sol),
                "time_s": wall,
            }
        )
    return rows


def product_case(season: Season, plan: Plan, riders: int = 30, groups: int = 6):
    """Requests and vehicles of the busiest weekday, as described in the module docstring."""
    travel = TravelModel(season)
    share_min = PickupParams().max_ride_min * 3 // 4

    def shareable(code: str, venue_id: str) -> bool:
        return travel.client_to_venue(season.client[code], venue_id, "car") <= share_min

    ride = {c.client_code for c in season.clients if c.travel == "ride"}
    with_venue = [p for p in plan.placements if p.venue_id is not None]
    day = Counter(p.weekday for p in with_venue for c in plan.members.get(p.group_id, ()))
    weekday = day.most_common(1)[0][0]
    members = {
        p.group_id: [c for c in plan.members.get(p.group_id, ()) if shareable(c, p.venue_id)]
        for p in with_venue
        if p.weekday == weekday
    }
    chosen = sorted(
        (p for p in with_venue if p.weekday == weekday),
        key=lambda p: (-sum(c in ride for c in members[p.group_id]), p.group_id),
    )[:groups]
    pairs = [(c, p) for p in chosen for c in members[p.group_id] if c in ride]
    pairs += [(c, p) for p in chosen for c in members[p.group_id] if c not in ride]
    requests = [
        Request(c, p.group_id, weekday, _home(season, season.client[c]), p.venue_id, p.start, p.end)
        for c, p in pairs[:riders]
    ]
    base = {s.staff_id: s.base_venue for s in season.staff}
    busy = Counter(base[x] for p in plan.placements for x in p.leaders if x in base)
    bases = [b for b, _ in busy.most_common()]
    # Minibuses (8) and cars (4) in turn at the busiest bases until every rider has a seat:
    # the groups start within the same hour or two, so a vehicle makes about one trip there.
    vehicles: list[Vehicle] = []
    while sum(v.seats for v in vehicles) < len(requests):
        n = len(vehicles)
        kind, seats = ("minibus", 8) if n % 2 == 0 else ("car", 4)
        vehicles.append(Vehicle(f"{kind}-{n // 2 + 1}", seats, bases[n % len(bases)]))
    return requests, vehicles


def product_rows(seconds: float, reference_seconds: float, bound_seconds: float) -> list[dict]:
    season = read_season("data").season
    plan = greedy_plan(season)
    requests, vehicles = product_case(season, plan)
    travel = TravelModel(season)
    at_home = PickupParams(hub_reach_min=0)
    bound = pickup_lower_bound(season, requests, vehicles, at_home, travel, bound_seconds)
    sys.stdout.write(
        f"lower bound (clients met at home): {bound.bound_km:.1f} km, CP-SAT {bound.status} "
        f"in {bound.wall_s:.1f} s ({bound.copies} copies)\n"
    )
    rows = []
    cases = [
        ("home", at_home, seconds),
        ("home", at_home, reference_seconds),
        ("hubs", PickupParams(), seconds),
    ]
    for meet, params, limit in cases:
        model = build_day(season, requests, vehicles, params, travel)
        t0 = time.perf_counter()
        sol = solve_vrptw(model.instance, SolveParams(seconds=limit))
        km = sum(  # exact, not the solver's per-leg tenths
            model.km[a][b]
            for k, route in enumerate(sol.routes)
            if route
            for a, b in pairwise([k, *route, k])
        )
        served = Counter(model.node_request[n] for route in sol.routes for n in route)
        rows.append(
            {
                "meet": meet,
                "limit_s": limit,
                "requests": len(requests),
                "groups": len({r.group_id for r in requests}),
                "vehicles": f"{sol.vehicles_used}/{len(vehicles)}",
                "served": sum(1 for legs in served.values() if legs == 4),
                "km": km,
                "lower_bound": bound.bound_km if meet == "home" else None,
                "gap_%": f"{max(0.0, 100 * (km - bound.bound_km) / km):.2f}"
                if meet == "home" and km
                else None,
                "valid": not violations(model.instance, sol),
                "time_s": time.perf_counter() - t0,
            }
        )
    return rows


def table(rows: list[dict]) -> str:
    if not rows:
        return ""
    cols = list(rows[0])

    def cell(v) -> str:
        if v is None:
            return "-"
        return f"{v:.1f}" if isinstance(v, float) else str(v)

    widths = [max(len(c), *(len(cell(r[c])) for r in rows)) for c in cols]
    lines = [" | ".join(c.rjust(w) for c, w in zip(cols, widths, strict=True))]
    lines.append("-|-".join("-" * w for w in widths))
    lines += [
        " | ".join(cell(r[c]).rjust(w) for c, w in zip(cols, widths, strict=True)) for r in rows
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--reference-seconds", type=float, default=120.0)
    ap.add_argument(
        "--bound-seconds",
        type=float,
        default=120.0,
        help="time for the product case's lower bound (CP-SAT)",
    )
    ap.add_argument("--folder", type=Path, default=SOLOMON)
    ap.add_argument(
        "--engines",
        nargs="+",
        default=["pyvrp", "ortools"],
        choices=["pyvrp", "ortools"],
        help="engines to run the Solomon instances with (the product case needs OR-Tools)",
    )
    ap.add_argument("--only-product", action="store_true")
    ap.add_argument("--only-solomon", action="store_true")
    args = ap.parse_args(argv)
    if not args.only_product:
        rows = solomon_rows(args.folder, args.seconds, args.engines)
        sys.stdout.write(table(rows) + "\n\n")
    if not args.only_solomon:
        rows = product_rows(args.seconds, args.reference_seconds, args.bound_seconds)
        sys.stdout.write(table(rows) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
