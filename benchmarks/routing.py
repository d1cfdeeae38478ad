"""Benchmark the routing core: six Solomon VRPTW instances against best-known distances, and
the product's own pick-up case.

    python benchmarks/routing.py --seconds 30
    python benchmarks/routing.py --seconds 5 --only-product --reference-seconds 60

Solomon: DIMACS convention (distance truncated to one decimal, objective total distance,
vehicles free), so the solve minimises distance only; `vehicles` is what that solution uses.
Each instance runs with both engines of `planner.routing` (`--engines`): PyVRP, which the
product uses for plain VRPTW, and OR-Tools routing, which it uses for the work car's runs.
Every solution is re-checked by the independent checker (`planner.routing.check`).

Product case: the day as `planner pickups` meets it. The busiest weekday of the sample
season's greedy plan by ride requests (`ride_requests`: the plan's `ride` clients only, homes
at their postal area's centre) with the product's default vehicles (`default_vehicles`: a
minibus (8) at the busiest staff base, a car (4) at the second), rows `day`; and the same
day's requests at venues in one municipality (`--area`, default the car's base's), rows
`area`. The lower bound of `planner.routing.bound` (a CP-SAT relaxation, `--bound-seconds`,
clients met at home) is about plans that serve every request: when CP-SAT proves that no plan
does, the case has no bound and the rows show none; a gap is shown only for a plan that
serves every request. Then every venue municipality of the day alone, to show which the
fleet could serve completely, and the dropped rides of the day by reason. The reference is
the area case solved for `--reference-seconds`.

Until issue 17 the case was 30 riders of the weekday's six busiest groups, topped up with
members who do not ride (17 of the 30), and a vehicle per 4-8 seats at the busiest bases:
six groups in six towns from Kirkkonummi to Hanko, five of them starting 9:00-11:00, with
riders from every direction and 60 minutes' ride each. The search served 23 of the 30, the
bound found no answer in 60 s (UNKNOWN, printed as 0.0 km), and it was not a case the
product meets.
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
from planner.model import WEEKDAYS, Plan, Season
from planner.routing.bound import pickup_lower_bound
from planner.routing.check import violations
from planner.routing.pickups import (
    PickupParams,
    Request,
    Vehicle,
    build_day,
    default_vehicles,
    plan_day,
    ride_requests,
)
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


def product_case(season: Season, plan: Plan) -> tuple[int, list[Request], list[Vehicle]]:
    """The busiest weekday's ride requests and the product's default vehicles, as
    `planner pickups` meets that day (module docstring)."""
    requests = ride_requests(season, plan)
    weekday = Counter(r.weekday for r in requests).most_common(1)[0][0]
    return weekday, [r for r in requests if r.weekday == weekday], default_vehicles(season, plan)


def area_case(season: Season, requests: list[Request], vehicles: list[Vehicle], area: str | None):
    """The day's requests at venues in one municipality: `area`, else the one of the car's
    (the second vehicle's) base, the area that car serves."""
    municipality = area or season.venue[vehicles[-1].base_venue].municipality
    return municipality, [
        r for r in requests if season.venue[r.venue_id].municipality == municipality
    ]


def _solve_row(season, case, requests, vehicles, meet, params, limit, travel, bound):
    model = build_day(season, requests, vehicles, params, travel)
    t0 = time.perf_counter()
    sol = solve_vrptw(model.instance, SolveParams(seconds=limit))
    wall = time.perf_counter() - t0
    km = sum(  # exact, not the solver's per-leg tenths
        model.km[a][b]
        for k, route in enumerate(sol.routes)
        if route
        for a, b in pairwise([k, *route, k])
    )
    legs = Counter(model.node_request[n] for route in sol.routes for n in route)
    served = sum(1 for n in legs.values() if n == 4)
    # The bound holds for plans that serve every request: a plan that drops riders is not
    # compared with it (its km are less because it drives less, not because it is better).
    applies = meet == "home" and bound is not None and bound.bound_km is not None
    complete = served == len(requests)
    return {
        "case": case,
        "meet": meet,
        "limit_s": limit,
        "requests": len(requests),
        "groups": len({g for r in requests for g in r.group_ids}),
        "vehicles": f"{sol.vehicles_used}/{len(vehicles)}",
        "served": served,
        "km": km,
        "lower_bound": bound.bound_km if applies and complete else None,
        "gap_%": f"{max(0.0, 100 * (km - bound.bound_km) / km):.2f}"
        if applies and complete and km
        else None,
        "valid": not violations(model.instance, sol),
        "time_s": wall,
    }


def _bound_line(name: str, bound) -> str:
    if bound.bound_km is None:
        return (
            f"{name}: CP-SAT {bound.status} in {bound.wall_s:.1f} s ({bound.copies} copies): "
            "no plan serves every rider within the rules, so no lower bound applies\n"
        )
    return (
        f"{name}: lower bound (clients met at home) {bound.bound_km:.1f} km, CP-SAT "
        f"{bound.status} in {bound.wall_s:.1f} s ({bound.copies} copies)\n"
    )


def product_rows(
    seconds: float, reference_seconds: float, bound_seconds: float, area: str | None = None
) -> list[dict]:
    season = read_season("data").season
    plan = greedy_plan(season)
    weekday, requests, vehicles = product_case(season, plan)
    municipality, local = area_case(season, requests, vehicles, area)
    travel = TravelModel(season)
    at_home = PickupParams(hub_reach_min=0)
    sys.stdout.write(
        f"weekday {WEEKDAYS[weekday]}: {len(requests)} ride requests; vehicles "
        + ", ".join(f"{v.vehicle_id} ({v.seats}) at {v.base_venue}" for v in vehicles)
        + f"; area {municipality} ({season.municipality[municipality].name_fi}): "
        f"{len(local)} requests\n"
    )
    day_bound = pickup_lower_bound(season, requests, vehicles, at_home, travel, bound_seconds)
    area_bound = pickup_lower_bound(season, local, vehicles, at_home, travel, bound_seconds)
    sys.stdout.write(_bound_line("day", day_bound) + _bound_line("area", area_bound))
    # Which of the day's areas could the fleet serve completely on its own (every area's
    # requests alone, clients met at home)?
    for code in sorted({season.venue[r.venue_id].municipality for r in requests}):
        alone = area_case(season, requests, vehicles, code)[1]
        b = pickup_lower_bound(season, alone, vehicles, at_home, travel, min(bound_seconds, 30))
        verdict = "no plan serves them all" if b.bound_km is None else f"{b.bound_km:.1f} km"
        sys.stdout.write(
            f"  {code} {season.municipality[code].name_fi}: {len(alone)} requests, "
            f"CP-SAT {b.status} in {b.wall_s:.1f} s: {verdict}\n"
        )
    rows = [
        _solve_row(
            season, "day", requests, vehicles, "hubs", PickupParams(), seconds, travel, None
        ),
        _solve_row(season, "day", requests, vehicles, "home", at_home, seconds, travel, day_bound),
    ]
    for meet, params, limit in (
        ("home", at_home, seconds),
        ("home", at_home, reference_seconds),
        ("hubs", PickupParams(), seconds),
    ):
        bound = area_bound if meet == "home" else None
        rows.append(_solve_row(season, "area", local, vehicles, meet, params, limit, travel, bound))
    day = plan_day(season, requests, vehicles, PickupParams(), travel)
    reasons = Counter(reason.key for _, _, reason in day.dropped)
    sys.stdout.write(
        f"day as `planner pickups` plans it (2 s, hubs on): {len(day.dropped)} of "
        f"{sum(len(r.group_ids) for r in requests)} rides dropped: "
        + ", ".join(f"{k} {n}" for k, n in sorted(reasons.items()))
        + "\n"
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
    ap.add_argument(
        "--area",
        help="municipality code of the product case's area (default: the car's base's)",
    )
    ap.add_argument("--only-product", action="store_true")
    ap.add_argument("--only-solomon", action="store_true")
    args = ap.parse_args(argv)
    if not args.only_product:
        rows = solomon_rows(args.folder, args.seconds, args.engines)
        sys.stdout.write(table(rows) + "\n\n")
    if not args.only_solomon:
        rows = product_rows(args.seconds, args.reference_seconds, args.bound_seconds, args.area)
        sys.stdout.write(table(rows) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
