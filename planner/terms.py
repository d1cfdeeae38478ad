"""A group's term: the dates it meets on and the weeks its term covers.

A group's term is its `start_date` and `weeks` weeks on (`../shared/DESIGN.md`, "Meaning of a
plan"): the sessions fall on the group's weekday, the first on or after the start date, the
last `weeks - 1` weeks later. A pop-up group without weeks runs all season (l. 366).

Two groups clash (the same leader, room or client at overlapping hours, or no time to travel
between them) only when their terms share a week, and a staff member's weekly hours
(`max_group_hours`) bind the busiest week. Before the weekday is decided the weeks a term
covers are taken from its start date to the last day it could meet (`weeks * 7 - 1` days on),
so a clash is never missed whichever weekday the group gets.

Weeks are counted as whole calendar weeks, Monday to Sunday (`week_of`). A session that falls
on a Finnish public holiday (`holidays.Finland`, Midsummer and Christmas Eve included) is not
held and not moved: `meeting_dates` are the dates that keep a session.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import os
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar
from zoneinfo import ZoneInfo

import holidays

if TYPE_CHECKING:
    from planner.model import Group, Placement

K = TypeVar("K", bound=Hashable)

LOCAL_ZONE = ZoneInfo("Europe/Helsinki")
"""The county's time zone: session dates and times are local."""


log = logging.getLogger("planner")
TODAY_ENV = "PLANNER_TODAY"
"""An ISO date the app takes as today (training on a sample season, browser tests)."""


def local_today() -> dt.date:
    """Today's date in Helsinki (the only clock the terms read; tests pass dates instead),
    or the date `PLANNER_TODAY` names."""
    fixed = os.environ.get(TODAY_ENV, "").strip()
    if fixed:
        try:
            return dt.date.fromisoformat(fixed)
        except ValueError:
            log.warning(
                "%s=%r is not a date (YYYY-MM-DD): the clock's date is used", TODAY_ENV, fixed
            )
    return dt.datetime.now(LOCAL_ZONE).date()


def week_of(day: dt.date) -> int:
    """The calendar week (Monday to Sunday) a date lies in, as a number that grows by one a
    week."""
    return (day.toordinal() - 1) // 7


def monday_of(week: int) -> dt.date:
    return dt.date.fromordinal(week * 7 + 1)


def first_session(group: Group, weekday: int) -> dt.date:
    """The group's first session when it meets on `weekday` (0 = Monday)."""
    return group.start_date + dt.timedelta(days=(weekday - group.start_date.weekday()) % 7)


def last_session(group: Group, weekday: int) -> dt.date | None:
    """The group's last session; None for a pop-up group, which has no fixed term (l. 366)."""
    return last_session_of(group.start_date, group.weeks, weekday)


def last_session_of(start_date: dt.date, weeks: int | None, weekday: int) -> dt.date | None:
    """`last_session` of a term starting on `start_date`, `weeks` weeks long (None: no term)."""
    if weeks is None:
        return None
    first = start_date + dt.timedelta(days=(weekday - start_date.weekday()) % 7)
    return first + dt.timedelta(weeks=weeks - 1)


@functools.lru_cache(maxsize=32)
def public_holidays(years: tuple[int, ...]) -> frozenset[dt.date]:
    """Finnish public holidays of these years."""
    return frozenset(holidays.Finland(years=years))


def meeting_dates(
    group: Group, weekday: int, *, until: dt.date | None = None, weeks: int | None = None
) -> list[dt.date]:
    """The dates the group holds a session on `weekday`, public holidays left out: its term,
    or for a pop-up group without weeks `weeks` weeks (at least up to `until` when given);
    never past `until`."""
    first = first_session(group, weekday)
    count = group.weeks if group.weeks is not None else weeks
    if count is None:
        if until is None:
            raise ValueError(f"{group.group_id} has no term: give weeks or until")
        count = max((until - first).days // 7 + 1, 0)
    days = [first + dt.timedelta(weeks=w) for w in range(count)]
    if until is not None:
        days = [d for d in days if d <= until]
    off = public_holidays(tuple(sorted({d.year for d in days})))
    return [d for d in days if d not in off]


def session_weeks(group: Group, weekday: int, terms: Terms) -> frozenset[int]:
    """The weeks the group meets in on `weekday`: its sessions' weeks, or for a pop-up
    without weeks every week of the season."""
    last = last_session(group, weekday)
    if last is None:
        return terms.of_group(group.group_id)
    first = week_of(first_session(group, weekday))
    return frozenset(range(first, week_of(last) + 1))


def term_end(group: Group) -> dt.date | None:
    """The last day the group could meet on any weekday (None without a fixed term)."""
    if group.weeks is None:
        return None
    return group.start_date + dt.timedelta(days=7 * group.weeks - 1)


@dataclass(frozen=True)
class Terms:
    """The weeks each group of a season meets in, and the questions the rules ask of them."""

    weeks: Mapping[str, frozenset[int]]
    """Per group id, the calendar weeks (`week_of`) its term covers."""

    @classmethod
    def of(cls, groups: Iterable[Group]) -> Terms:
        groups = tuple(groups)
        ends = [e for g in groups if (e := term_end(g)) is not None]
        starts = [g.start_date for g in groups]
        first = week_of(min(starts)) if starts else 0
        last = week_of(max(ends)) if ends else first
        season = range(first, max(last, first) + 1)
        weeks = {}
        for g in groups:
            end = term_end(g)
            if end is None:
                # A pop-up without weeks runs all season, from the first week to the last.
                weeks[g.group_id] = frozenset(season)
            else:
                weeks[g.group_id] = frozenset(range(week_of(g.start_date), week_of(end) + 1))
        return cls(weeks)

    def of_group(self, group_id: str) -> frozenset[int]:
        return self.weeks.get(group_id, frozenset())

    def share_week(self, a: str, b: str) -> bool:
        """Whether the two groups' terms share a week (only then can they clash)."""
        return not self.of_group(a).isdisjoint(self.of_group(b))

    def common_weeks(self, a: str, b: str) -> frozenset[int]:
        return self.of_group(a) & self.of_group(b)

    def week_sets(self, items: Mapping[K, str]) -> list[tuple[K, ...]]:
        """The distinct largest sets of items that meet in one same week.

        `items` maps each item (a group id, or a session of a fixed plan) to its group id.
        Every pair of items whose terms share a week is together in at least one of the sets,
        and no set holds two items whose terms do not, so a rule over all items at once (no
        overlap, a room count, a weekly cap) becomes one rule per set, exactly.
        """
        by_week: dict[int, set[K]] = {}
        for item, gid in items.items():
            for week in self.of_group(gid):
                by_week.setdefault(week, set()).add(item)
        distinct = {frozenset(s) for s in by_week.values()}
        largest = [s for s in distinct if not any(s < other for other in distinct)]
        order = {item: i for i, item in enumerate(items)}
        return sorted(
            (tuple(sorted(s, key=order.__getitem__)) for s in largest),
            key=lambda t: [order[i] for i in t],
        )

    def busiest_week(self, load: Iterable[tuple[str, int]]) -> tuple[int, int | None]:
        """The most that `(group_id, amount)` pairs add up to in one week, and that week
        (None when there is nothing)."""
        per_week: dict[int, int] = {}
        for gid, amount in load:
            for week in self.of_group(gid):
                per_week[week] = per_week.get(week, 0) + amount
        if not per_week:
            return 0, None
        week = max(per_week, key=lambda w: (per_week[w], -w))
        return per_week[week], week


@dataclass
class WeeklyMinutes:
    """One person's minutes of group work per week, added group by group: what a weekly
    limit (`max_group_hours`) is checked against, in the busiest week."""

    terms: Terms
    per_week: dict[int, int] = field(default_factory=dict)

    def add(self, group_id: str, minutes: int) -> None:
        for week in self.terms.of_group(group_id):
            self.per_week[week] = self.per_week.get(week, 0) + minutes

    @property
    def busiest(self) -> int:
        return max(self.per_week.values(), default=0)

    def busiest_with(self, group_id: str, minutes: int) -> int:
        """The busiest week if the group were added."""
        weeks = self.terms.of_group(group_id)
        with_it = max((self.per_week.get(w, 0) + minutes for w in weeks), default=0)
        return max(with_it, self.busiest)


def sessions_clash(terms: Terms, a: Placement, b: Placement) -> bool:
    """Whether two weekly sessions meet at once: the same weekday, overlapping hours, in a
    week both groups' terms share."""
    return (
        a.weekday == b.weekday
        and a.start < b.end
        and b.start < a.end
        and terms.share_week(a.group_id, b.group_id)
    )
