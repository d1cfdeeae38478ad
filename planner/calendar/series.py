"""A group's weekly sessions over its term: dates, exceptions and moved sessions.

The term is `group.weeks` weekly sessions from the first `placement.weekday` on or after
`group.start_date`; a pop-up group has no term, so its calendar shows `popup_weeks` weeks
(default `POPUP_WEEKS`). Sessions on Finnish public holidays (`holidays.Finland`, which
includes Midsummer Eve and Christmas Eve) and in the coordinator's closures are excluded,
not moved: the term does not grow.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass

from planner.calendar.vtimezone import ZONE
from planner.model import Group, Placement
from planner.terms import first_session, public_holidays

POPUP_WEEKS = 12
"""Weeks of sessions a pop-up group (no fixed term, l. 366) shows in a calendar."""


class CalendarError(ValueError):
    """A calendar request that cannot be met, explained in one line."""


@dataclass(frozen=True, slots=True)
class Closure:
    """Days (inclusive) when no group meets, e.g. the summer break."""

    first: dt.date
    last: dt.date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise CalendarError(f"closure ends ({self.last}) before it begins ({self.first})")

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
) -> Series:
    """The sessions of `group` as placed; `overrides` for other groups are ignored."""
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
    excluded = tuple(d for d in days if d in free_days or any(c.covers(d) for c in closed))

    moved: list[tuple[dt.date, dt.datetime]] = []
    cancelled: list[dt.date] = []
    seen: set[dt.date] = set()
    for o in overrides:
        if o.group_id != group.group_id:
            continue
        if o.original_date not in days or o.original_date in excluded:
            raise CalendarError(f"{group.group_id} has no session on {o.original_date} to change")
        if o.original_date in seen:
            raise CalendarError(
                f"{group.group_id}: two changes to the session on {o.original_date}"
            )
        seen.add(o.original_date)
        if o.new_start is None:
            cancelled.append(o.original_date)
        else:
            moved.append((o.original_date, local_time(o.new_start)))
    moved.sort()
    cancelled.sort()

    fingerprint = _fingerprint(
        {
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
    )
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
    )


def _fingerprint(content: dict[str, object]) -> str:
    return hashlib.sha1(json.dumps(content, sort_keys=True).encode()).hexdigest()


def parse_closure(text: str) -> Closure:
    """`2027-06-21..2027-08-08` (inclusive) or one day `2027-05-07`, for a CLI option."""
    first, sep, last = text.strip().partition("..")
    try:
        start = dt.date.fromisoformat(first.strip())
        end = dt.date.fromisoformat(last.strip()) if sep else start
    except ValueError as exc:
        raise CalendarError(
            f"closure {text!r} is not like 2027-06-21..2027-08-08 or 2027-05-07"
        ) from exc
    return Closure(start, end)


def parse_override(text: str) -> Override:
    """`G-001@2027-03-03=cancel` or `G-001@2027-03-03=2027-03-04T10:00`, for a CLI option."""
    head, sep, change = text.strip().partition("=")
    group_id, at, day = head.partition("@")
    try:
        if not (sep and at and group_id.strip()):
            raise ValueError(text)
        original = dt.date.fromisoformat(day.strip())
        change = change.strip()
        new_start = None if change.lower() == "cancel" else dt.datetime.fromisoformat(change)
    except ValueError as exc:
        raise CalendarError(
            f"session change {text!r} is not like G-001@2027-03-03=cancel "
            "or G-001@2027-03-03=2027-03-04T10:00"
        ) from exc
    return Override(group_id.strip(), original, new_start)
