"""A group's weekly sessions over its term: dates, exceptions and moved sessions.

The term is `group.weeks` weekly sessions from the first `placement.weekday` on or after
`group.start_date`; a pop-up group has no term, so its calendar shows `popup_weeks` weeks
(default `POPUP_WEEKS`). Sessions on Finnish public holidays (`holidays.Finland`, which
includes Midsummer Eve and Christmas Eve) and in the coordinator's closures (every venue or
the group's own) are excluded, not moved: the term does not grow. Absences and substitutes
change who leads a session (`Series.staffing`), not when it meets.

`strict=False` (the store's changes, checked when they were entered) skips and logs a change
that no longer fits the plan instead of refusing the whole calendar.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from planner import rules
from planner.calendar.vtimezone import ZONE
from planner.model import Group, Placement
from planner.terms import first_session, public_holidays

log = logging.getLogger("planner")

POPUP_WEEKS = 12
"""Weeks of sessions a pop-up group (no fixed term, l. 366) shows in a calendar."""


class CalendarError(ValueError):
    """A calendar request that cannot be met, explained in one line."""


@dataclass(frozen=True, slots=True)
class Closure:
    """Days (inclusive) when no group meets, e.g. the summer break: at every venue, or at
    `venue_id` only."""

    first: dt.date
    last: dt.date
    venue_id: str | None = None

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise CalendarError(f"closure ends ({self.last}) before it begins ({self.first})")

    def covers(self, day: dt.date) -> bool:
        return self.first <= day <= self.last

    def closes(self, day: dt.date, venue_id: str | None) -> bool:
        return self.covers(day) and (self.venue_id is None or self.venue_id == venue_id)


@dataclass(frozen=True, slots=True)
class Absence:
    """A staff member or partner away from `first` to `last` (inclusive)."""

    person_id: str
    first: dt.date
    last: dt.date

    def covers(self, day: dt.date) -> bool:
        return self.first <= day <= self.last


@dataclass(frozen=True, slots=True)
class Substitute:
    """`person_id` leads `group_id` instead of `replaces` from `first` to `last`."""

    group_id: str
    person_id: str
    replaces: str
    first: dt.date
    last: dt.date

    def covers(self, day: dt.date) -> bool:
        return self.first <= day <= self.last


@dataclass(frozen=True, slots=True)
class Override:
    """One session moved to `new_start` (Helsinki wall-clock time), or cancelled (None)."""

    group_id: str
    original_date: dt.date
    new_start: dt.datetime | None = None

    @property
    def cancelled(self) -> bool:
        return self.new_start is None


@dataclass(frozen=True, slots=True)
class Series:
    """The recurring sessions of one scheduled group, all times aware (Europe/Helsinki)."""

    group_id: str
    first_start: dt.datetime
    duration: dt.timedelta
    weeks: int
    popup: bool
    excluded: tuple[dt.date, ...]  # holidays and closures that fall on a session
    moved: tuple[tuple[dt.date, dt.datetime], ...]  # (original date, new start)
    cancelled: tuple[dt.date, ...]
    fingerprint: str  # changes whenever anything a calendar client schedules by changes
    # (session date, who leads it, which of the group's leaders are away) where it differs
    # from the plan's leaders
    staffing: tuple[tuple[dt.date, tuple[str, ...], tuple[str, ...]], ...] = ()

    @property
    def last_start(self) -> dt.datetime:
        return self.start_on(self.first_start.date() + dt.timedelta(weeks=self.weeks - 1))

    @property
    def until_utc(self) -> dt.datetime:
        return self.last_start.astimezone(dt.UTC)

    def start_on(self, day: dt.date) -> dt.datetime:
        return dt.datetime.combine(day, self.first_start.timetz().replace(tzinfo=None), ZONE)

    def dates(self) -> list[dt.date]:
        """Every weekly date of the term, excluded ones too."""
        first = self.first_start.date()
        return [first + dt.timedelta(weeks=w) for w in range(self.weeks)]

    def meeting_dates(self) -> list[dt.date]:
        """The dates that keep a session (before moves and cancellations)."""
        skip = set(self.excluded)
        return [d for d in self.dates() if d not in skip]


def local_time(value: dt.datetime) -> dt.datetime:
    """A wall-clock time in Helsinki: naive values are taken as Helsinki time."""
    if value.tzinfo is None:
        return value.replace(tzinfo=ZONE)
    return value.astimezone(ZONE)


def build_series(
    group: Group,
    placement: Placement,
    closures: Iterable[Closure] = (),
    overrides: Iterable[Override] = (),
    popup_weeks: int = POPUP_WEEKS,
    skip_holidays: bool = True,
    absences: Iterable[Absence] = (),
    substitutes: Iterable[Substitute] = (),
    strict: bool = True,
) -> Series:
    """The sessions of `group` as placed; `overrides` and `substitutes` for other groups are
    ignored. With `strict` False a change that fits no session is logged and skipped."""
    popup = group.weeks is None
    weeks = popup_weeks if group.weeks is None else group.weeks
    if weeks < 1:
        raise CalendarError(f"{group.group_id}: a term needs at least one week, got {weeks}")
    first_day = first_session(group, placement.weekday)
    start = dt.datetime.combine(first_day, dt.time(placement.start // 60, placement.start % 60))
    first_start = start.replace(tzinfo=ZONE)
    duration = dt.timedelta(minutes=placement.end - placement.start)
    days = [first_day + dt.timedelta(weeks=w) for w in range(weeks)]

    closed = list(closures)
    free_days = (
        public_holidays(tuple(sorted({d.year for d in days}))) if skip_holidays else frozenset()
    )
    venue = placement.venue_id
    excluded = tuple(d for d in days if d in free_days or any(c.closes(d, venue) for c in closed))

    moved: list[tuple[dt.date, dt.datetime]] = []
    cancelled: list[dt.date] = []
    seen: set[dt.date] = set()
    for o in overrides:
        if o.group_id != group.group_id:
            continue
        problem = None
        if o.original_date not in days or o.original_date in excluded:
            problem = f"{group.group_id} has no session on {o.original_date} to change"
        elif o.original_date in seen:
            problem = f"{group.group_id}: two changes to the session on {o.original_date}"
        if problem is not None:
            if strict:
                raise CalendarError(problem)
            log.warning("calendar: a stored session change is skipped: %s", problem)
            continue
        seen.add(o.original_date)
        if o.new_start is None:
            cancelled.append(o.original_date)
        else:
            moved.append((o.original_date, local_time(o.new_start)))
    moved.sort()
    cancelled.sort()
    staffing = _staffing(
        group.group_id,
        placement.leaders,
        [d for d in days if d not in excluded and d not in cancelled],
        dict(moved),
        tuple(absences),
        tuple(substitutes),
    )

    content: dict[str, object] = {
        "group": group.group_id,
        "start": first_start.isoformat(),
        "minutes": placement.end - placement.start,
        "weeks": weeks,
        "venue": placement.venue_id,
        "leaders": list(placement.leaders),
        "mode": group.mode,
        "excluded": [d.isoformat() for d in excluded],
        "moved": [[d.isoformat(), s.isoformat()] for d, s in moved],
        "cancelled": [d.isoformat() for d in cancelled],
    }
    if staffing:  # only then: a plan without absences keeps its fingerprints
        content["staffing"] = [[d.isoformat(), list(a), list(b)] for d, a, b in staffing]
    if rules.is_drop_in(group):  # only then: other groups keep their fingerprints
        content["drop_in"] = True  # the description says "no enrolment needed"
    fingerprint = _fingerprint(content)
    return Series(
        group_id=group.group_id,
        first_start=first_start,
        duration=duration,
        weeks=weeks,
        popup=popup,
        excluded=excluded,
        moved=tuple(moved),
        cancelled=tuple(cancelled),
        fingerprint=fingerprint,
        staffing=staffing,
    )


def _staffing(
    group_id: str,
    leaders: tuple[str, ...],
    sessions: list[dt.date],
    moved: dict[dt.date, dt.datetime],
    absences: tuple[Absence, ...],
    substitutes: tuple[Substitute, ...],
) -> tuple[tuple[dt.date, tuple[str, ...], tuple[str, ...]], ...]:
    """Who leads each session whose leaders differ from the plan's: a substitute stands in
    for the leader they replace, anyone away (on the day the session now meets) does not
    lead."""
    ours = [s for s in substitutes if s.group_id == group_id]
    out = []
    for day in sessions:
        on = moved[day].date() if day in moved else day
        leading = list(leaders)
        for sub in ours:
            if sub.covers(on) and sub.replaces in leading:
                leading[leading.index(sub.replaces)] = sub.person_id
        away = {a.person_id for a in absences if a.covers(on)}
        leading = [p for p in leading if p not in away]
        if tuple(leading) != leaders:
            off = tuple(p for p in leaders if p not in leading)
            out.append((day, tuple(dict.fromkeys(leading)), off))
    return tuple(out)


def _fingerprint(content: dict[str, object]) -> str:
    return hashlib.sha1(json.dumps(content, sort_keys=True).encode()).hexdigest()
