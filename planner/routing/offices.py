"""Temporary office days: work from another county office closer to the day's groups
(handbook l. 428-429: workers may temporarily work from another office near the clients).

For each staff member and working day, the route is the one `staff_days` drives (base ->
sessions in time order -> base). The same visiting order is tried from every candidate
office; the office with the shortest round trip wins when it saves at least
`min_saving_km` road kilometres. Kilometres come from `planner.geo.TravelModel` only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from planner.geo import TravelModel
from planner.model import Plan, Season
from planner.plan_figures import staff_days

SERVICE_POINT_MARK = "-SP-"
"""Venue ids of the county's own offices and service points look like V-ESP-SP-1."""


@dataclass(frozen=True, slots=True)
class OfficeDay:
    staff_id: str
    weekday: int
    base_venue: str
    office_venue: str
    km_from_base: float
    km_from_office: float
    saved_km: float


def default_offices(season: Season) -> list[str]:
    """Workplaces: the county's service points and every staff member's base venue."""
    ids = {v.venue_id for v in season.venues if SERVICE_POINT_MARK in v.venue_id}
    ids |= {s.base_venue for s in season.staff if s.base_venue in season.venue}
    return sorted(ids)


def round_trip_km(travel: TravelModel, start: str, visits: Iterable[str]) -> float:
    """Road km from `start` through `visits` in order and back to `start`."""
    stops = [start]
    for v in visits:
        if v != stops[-1]:
            stops.append(v)
    stops.append(start)
    return sum(travel.venue_km(a, b) for a, b in pairwise(stops))


def day_visits(plan: Plan, staff_id: str, weekday: int) -> list[str]:
    """The venues of a staff member's sessions that day in time order (as `staff_days`),
    including sessions at their own base, which a day at another office must visit too."""
    sessions = sorted(
        (p for p in plan.placements if staff_id in p.leaders and p.weekday == weekday),
        key=lambda p: p.start,
    )
    return [p.venue_id for p in sessions if p.venue_id is not None]


def suggest_offices(
    season: Season,
    plan: Plan,
    min_saving_km: float = 20,
    candidates: Iterable[str] | None = None,
    travel: TravelModel | None = None,
) -> list[OfficeDay]:
    """The day's best temporary office per staff member and weekday, when it saves enough km.

    `candidates` are venue ids usable as a workplace (default: `default_offices`).
    """
    travel = travel or TravelModel(season)
    offices = [c for c in (candidates or default_offices(season)) if c in season.venue]
    bases = {s.staff_id: s.base_venue for s in season.staff}
    found: list[OfficeDay] = []
    for day in staff_days(season, plan, travel):
        base = bases[day.staff_id]
        visits = day_visits(plan, day.staff_id, day.weekday)
        if base not in season.venue or not visits:
            continue
        from_base = round_trip_km(travel, base, visits)
        best = min(
            ((round_trip_km(travel, o, visits), o) for o in offices if o != base),
            default=None,
        )
        if best is None:
            continue
        km, office = best
        if from_base - km >= min_saving_km:
            found.append(
                OfficeDay(
                    day.staff_id,
                    day.weekday,
                    base,
                    office,
                    round(from_base, 1),
                    round(km, 1),
                    round(from_base - km, 1),
                )
            )
    return found
