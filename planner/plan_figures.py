"""Figures of a plan that need no solver: each staff member's route per working day, and the
shape of the plan's week (`week_shape`: groups per weekday, skills, remote participants).

    from planner.plan_figures import staff_days
    for day in staff_days(season, plan):
        day.staff_id, day.weekday, day.stops, day.km, day.drive_min

Staff routes are exact, worked out from the plan: a staff member's sessions on one day in
time order, from the base and back (remote sessions need no trip). When the groups of a
weekday have terms that do not cover the same weeks, the weekday has one route per period
(`first_date`, `last_date`: the first and last session dates of the period); otherwise one
route with no dates. Minutes are by car, or by
public transport for staff without a car (`drive_min` is then their travel time).

The solver's output files (`planner.solve.output`), insight (loads, driving), routing
(offices, allowance) and the UI's maps all read these routes; nothing here imports OR-Tools.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import groupby, pairwise

from planner import rules
from planner.geo import TravelModel
from planner.model import Plan, Season, Staff
from planner.rules import travel_mode
from planner.terms import monday_of, session_weeks


@dataclass(frozen=True, slots=True)
class StaffDay:
    staff_id: str
    weekday: int
    stops: tuple[str, ...]
    km: float
    drive_min: int
    first_date: dt.date | None = None
    last_date: dt.date | None = None
    """The period of the season this route is driven in, when a weekday has several."""


def staff_days(season: Season, plan: Plan, travel: TravelModel | None = None) -> list[StaffDay]:
    """Each staff member's route per working day with sessions (and per period of the
    season where that day's sessions differ), in visiting order."""
    travel = travel or TravelModel(season)
    days: list[StaffDay] = []
    for person in season.staff:
        sessions = [p for p in plan.placements if person.staff_id in p.leaders]
        for weekday in sorted({p.weekday for p in sessions}):
            that_day = sorted((p for p in sessions if p.weekday == weekday), key=lambda p: p.start)
            periods = _periods(season, that_day)
            for first, last, meeting in periods:
                day = _route(season, travel, person, meeting, weekday)
                if len(periods) > 1:
                    day = StaffDay(
                        day.staff_id,
                        day.weekday,
                        day.stops,
                        day.km,
                        day.drive_min,
                        monday_of(first) + dt.timedelta(days=weekday),
                        monday_of(last) + dt.timedelta(days=weekday),
                    )
                days.append(day)
    return days


def _periods(season: Season, sessions: list) -> list[tuple[int, int, list]]:
    """Runs of consecutive weeks in which the same sessions meet: (first week, last week,
    sessions). Weeks in which none meets split the runs too."""
    weeks = {
        p.group_id: session_weeks(season.group[p.group_id], p.weekday, season.terms)
        if p.group_id in season.group
        else frozenset()
        for p in sessions
    }
    every = sorted(set().union(*weeks.values()))
    if not every:
        return [(0, 0, sessions)]
    meeting = {w: tuple(p for p in sessions if w in weeks[p.group_id]) for w in every}
    runs: list[tuple[int, int, list]] = []
    # A run: consecutive weeks (no gap) with the same sessions.
    keyed = [(w - i, meeting[w], w) for i, w in enumerate(every)]
    for (_, same), items in groupby(keyed, key=lambda k: (k[0], k[1])):
        ws = [w for _, _, w in items]
        runs.append((ws[0], ws[-1], list(same)))
    return runs


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


WEEKDAYS = 5
"""Groups meet Monday to Friday (the planning grid)."""


@dataclass(frozen=True, slots=True)
class WeekShape:
    """How a plan spreads over the week, and how often its leaders' skills fit the theme."""

    per_weekday: tuple[int, ...]
    """Groups meeting on each weekday, Monday first."""
    skilled: int
    """Groups led by someone whose skills include the group's theme (l. 375)."""
    skill_possible: int
    """Groups of the plan with a theme that some leader of the season who speaks the
    group's language has among their skills."""
    remote: int
    """Participants who join remotely."""
    participants: int

    @property
    def spread(self) -> float | None:
        """Largest day over smallest day (None on an empty plan; inf when a day is empty)."""
        largest, smallest = max(self.per_weekday), min(self.per_weekday)
        if largest == 0:
            return None
        return largest / smallest if smallest else float("inf")

    @property
    def remote_share(self) -> float:
        return self.remote / self.participants if self.participants else 0.0


def week_shape(season: Season, plan: Plan) -> WeekShape:
    per_day = [0] * WEEKDAYS
    skilled = possible = 0
    for p in plan.placements:
        if 0 <= p.weekday < WEEKDAYS:
            per_day[p.weekday] += 1
        g = season.group.get(p.group_id)
        if g is None:
            continue
        if any(rules.skills_match(g, season.person[pid]) for pid in p.leaders):
            skilled += 1
        if any(
            rules.skills_match(g, person) and rules.leader_speaks(g, person)
            for person in season.person.values()
        ):
            possible += 1
    participants = set(plan.participants)
    remote = len(participants & set(plan.remote))
    return WeekShape(tuple(per_day), skilled, possible, remote, len(participants))
