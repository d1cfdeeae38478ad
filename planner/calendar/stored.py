"""Calendars of the store's current season and plan, with SEQUENCE numbers kept there.

    cal = calendar_from_store(store, Selection("group", "G-001"), CalendarOptions(lang="sv"))
    Path("G-001.ics").write_bytes(cal.body)

DTSTAMP defaults to the plan's save time, so the same plan gives the same bytes (and the
feed the same ETag) until something in it changes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from planner.calendar.events import group_uid
from planner.calendar.export import CalendarOptions, Selection, plan_series, render_calendar
from planner.calendar.export import select_groups as _select_groups
from planner.calendar.series import CalendarError
from planner.model import Plan, Season
from planner.store import Store
from planner.store.calendars import PlanStamp, current_plan, sync_sequences

EMPTY_PLAN = Plan(placements=(), participants=())


@dataclass(frozen=True, slots=True)
class StoredCalendar:
    body: bytes
    season_id: int
    plan_id: int | None  # None: the season has no plan yet, so the calendar has no events
    saved_at: dt.datetime | None


def load_current(store: Store, stamp: PlanStamp) -> tuple[Season, Plan]:
    season = store.load_season(stamp.season_id)
    if season is None:
        raise CalendarError("the season was removed while the calendar was made")
    plan = store.load_plan(stamp.plan_id) if stamp.plan_id is not None else None
    return season, plan or EMPTY_PLAN


def with_sequences(
    store: Store, season: Season, plan: Plan, selection: Selection, options: CalendarOptions
) -> CalendarOptions:
    """`options` with the stored SEQUENCE of every group the selection shows (raised first
    where a group's schedule changed since the store last saw it)."""
    group_ids = _select_groups(season, plan, selection)
    series = plan_series(season, plan, group_ids, options)
    uids = {gid: group_uid(season.name, gid) for gid in group_ids}
    sequences = sync_sequences(store, {uids[gid]: s.fingerprint for gid, s in series.items()})
    return dataclasses.replace(options, sequences={gid: sequences[uids[gid]] for gid in group_ids})


def calendar_from_store(
    store: Store,
    selection: Selection,
    options: CalendarOptions | None = None,
    stamp: PlanStamp | None = None,
    loaded: tuple[Season, Plan] | None = None,
) -> StoredCalendar:
    """The selection's calendar over the current season and plan.

    `stamp` and `loaded` let a caller that already read them (the feed server) skip the reads.
    """
    options = options or CalendarOptions()
    stamp = stamp or current_plan(store)
    if stamp is None:
        raise CalendarError("the store holds no season: import one first")
    season, plan = loaded or load_current(store, stamp)
    options = with_sequences(store, season, plan, selection, options)
    if options.stamp is None and stamp.saved_at is not None:
        options = dataclasses.replace(options, stamp=stamp.saved_at)
    body = render_calendar(season, plan, selection, options)
    return StoredCalendar(body, stamp.season_id, stamp.plan_id, stamp.saved_at)
