"""Figures of a plan that need no solver: each staff member's route per working day.

    from planner.plan_figures import staff_days
    for day in staff_days(season, plan):
        day.staff_id, day.weekday, day.stops, day.km, day.drive_min

Staff routes are exact, worked out from the plan: a staff member's sessions on one day in
time order, from the base and back (remote sessions need no trip). Minutes are by car, or by
public transport for staff without a car (`drive_min` is then their travel time).

The solver's output files (`planner.solve.output`), insight (loads, driving), routing
(offices, allowance) and the UI's maps all read these routes; nothing here imports OR-Tools.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from planner.geo import TravelModel
from planner.model import Plan, Season, Staff
from planner.rules import travel_mode


@dataclass(frozen=True, slots=True)
class StaffDay:
    staff_id: str
    weekday: int
    stops: tuple[str, ...]
    km: float
    drive_min: int


def staff_days(season: Season, plan: Plan, travel: TravelModel | None = None) -> list[StaffDay]:
    """Each staff member's route per working day with sessions, in visiting order."""
    travel = travel or TravelModel(season)
    days: list[StaffDay] = []
    for person in season.staff:
        sessions = [p for p in plan.placements if person.staff_id in p.leaders]
        for weekday in sorted({p.weekday for p in sessions}):
            days.append(
                _route(
                    season,
                    travel,
                    person,
                    sorted((p for p in sessions if p.weekday == weekday), key=lambda p: p.start),
                    weekday,
                )
            )
    return days


def _route(season: Season, travel: TravelModel, person: Staff, sessions, weekday) -> StaffDay:
    base = person.base_venue
    stops = [base]
    for p in sessions:
        if p.venue_id is not None and p.venue_id != stops[-1]:
            stops.append(p.venue_id)
    if stops[-1] != base or len(stops) == 1:
        stops.append(base)
    mode = travel_mode(person)
    known = base in season.venue
    km = sum(travel.venue_km(a, b) for a, b in pairwise(stops)) if known else 0
    minutes = sum(travel.between_venues(a, b, mode) for a, b in pairwise(stops)) if known else 0
    return StaffDay(person.staff_id, weekday, tuple(stops), round(km, 1), int(minutes))
