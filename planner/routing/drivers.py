"""Who drives the work car: a staff member free for the whole run (issue: drivers must be
staff free at that time).

A run takes the car from its base in the morning and back; its driver must work that
weekday, be able to drive (staff with `car`: a driving licence and the habit), and lead no
group session that overlaps the run, from leaving the base to coming back. Staff based
where the car is come first, then the nearest; one person drives one run at a time.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import TYPE_CHECKING

from planner.geo import TravelModel
from planner.model import Plan, Season

if TYPE_CHECKING:
    from planner.routing.pickups import Run


def assign_drivers(
    season: Season, plan: Plan, runs: list[Run], travel: TravelModel | None = None
) -> tuple[Run, ...]:
    """The runs with a driver each where someone is free (earliest runs choose first)."""
    travel = travel or TravelModel(season)
    busy: dict[tuple[str, int], list[tuple[int, int]]] = defaultdict(list)
    for p in plan.placements:
        for pid in p.leaders:
            busy[pid, p.weekday].append((p.start, p.end))
    order = sorted(range(len(runs)), key=lambda i: (runs[i].weekday, runs[i].depart, i))
    out = list(runs)
    for i in order:
        run = runs[i]
        span = (run.depart, run.depart + run.minutes)
        base = run.vehicle.base_venue

        def distance(staff_id: str, base: str = base) -> float:
            home = season.person[staff_id].base_venue
            known = home in season.venue and base in season.venue
            return travel.venue_km(home, base) if known else float("inf")

        free = [
            s.staff_id
            for s in season.staff
            if s.car
            and run.weekday in s.days
            and not any(a < span[1] and span[0] < b for a, b in busy[s.staff_id, run.weekday])
        ]
        if not free:
            continue
        driver = min(free, key=lambda sid: (distance(sid), sid))
        busy[driver, run.weekday].append(span)
        out[i] = replace(run, driver=driver)
    return tuple(out)
