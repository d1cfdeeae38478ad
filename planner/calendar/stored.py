"""Calendars of the store's current season and plan, with SEQUENCE numbers kept there.

    cal = calendar_from_store(store, Selection("group", "G-001"), CalendarOptions(lang="sv"))
    Path("G-001.ics").write_bytes(cal.body)

The season's dated changes (`planner.store.changes`: closures, cancelled and moved sessions,
absences, substitutes) are read from the store and applied to every calendar; they were
checked when entered, so one that no longer fits a re-published plan is logged and skipped,
never fatal. DTSTAMP defaults to the later of the plan's save time and the last change, so
the same plan and changes give the same bytes (and the feed the same ETag) on every server.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from planner.calendar.events import group_uid
from planner.calendar.export import CalendarOptions, Selection, plan_series, render_calendar
from planner.calendar.export import select_groups as _select_groups
from planner.calendar.series import Absence, CalendarError, Closure, Override, Substitute
from planner.model import Plan, Season
from planner.store import DatedChange, Enrolments, Store
from planner.store.calendars import (
    PlanStamp,
    SeatsVersion,
    current_plan,
    published_plan_id,
    seats_version,
    sequence_times,
    sync_sequences,
)
from planner.store.changes import ChangesVersion, season_changes

log = logging.getLogger("planner")

EMPTY_PLAN = Plan(placements=(), participants=())


@dataclass(frozen=True, slots=True)
class StoredCalendar:
    body: bytes
    season_id: int
    plan_id: int | None  # None: the season has no plan yet, so the calendar has no events
    saved_at: dt.datetime | None
    changes: ChangesVersion | None = None  # the dated changes it shows
    modified_at: dt.datetime | None = None  # the latest of saved_at, a change and a place
    seats: SeatsVersion | None = None  # the live seats it shows (None: not published yet)


def load_current(store: Store, stamp: PlanStamp) -> tuple[Season, Plan]:
    season = store.load_season(stamp.season_id)
    if season is None:
        raise CalendarError("the season was removed while the calendar was made")
    plan = store.load_plan(stamp.plan_id) if stamp.plan_id is not None else None
    return season, plan or EMPTY_PLAN


def with_changes(options: CalendarOptions, changes: Iterable[DatedChange]) -> CalendarOptions:
    """`options` with the stored dated changes added, applied leniently (`strict` False)."""
    closures, overrides = list(options.closures), list(options.overrides)
    absences, substitutes = list(options.absences), list(options.substitutes)
    for c in changes:
        try:
            if c.kind == "closure":
                closures.append(Closure(c.first_date, c.last_date, c.venue_id))
            elif c.kind == "cancel":
                overrides.append(Override(c.group_id, c.session_date, None))
            elif c.kind == "move":
                if c.new_start is None:
                    raise CalendarError("a move without its new start")
                overrides.append(Override(c.group_id, c.session_date, c.new_start))
            elif c.kind == "absence":
                absences.append(Absence(c.person_id, c.first_date, c.last_date))
            elif c.kind == "substitute":
                substitutes.append(
                    Substitute(c.group_id, c.person_id, c.replaces, c.first_date, c.last_date)
                )
            else:
                raise CalendarError(f"unknown kind {c.kind!r}")
        except (CalendarError, TypeError, ValueError) as exc:
            log.warning("calendar: stored change %s is skipped: %s", c.id, exc)
    return dataclasses.replace(
        options,
        closures=tuple(closures),
        overrides=tuple(overrides),
        absences=tuple(absences),
        substitutes=tuple(substitutes),
        strict=False,
    )


def with_sequences(
    store: Store, season: Season, plan: Plan, selection: Selection, options: CalendarOptions
) -> CalendarOptions:
    """`options` with the stored SEQUENCE of every group the selection shows (raised first
    where a group's schedule changed since the store last saw it)."""
    group_ids = _select_groups(season, plan, selection)
    series = plan_series(season, plan, group_ids, options)
    uids = {gid: group_uid(season.name, gid) for gid in group_ids}
    sequences = sync_sequences(store, {uids[gid]: s.fingerprint for gid, s in series.items()})
    changed = sequence_times(store, [uids[gid] for gid in group_ids])
    return dataclasses.replace(
        options,
        sequences={gid: sequences[uids[gid]] for gid in group_ids},
        stamps={gid: changed[uids[gid]] for gid in group_ids if uids[gid] in changed},
    )


def calendar_from_store(
    store: Store,
    selection: Selection,
    options: CalendarOptions | None = None,
    stamp: PlanStamp | None = None,
    loaded: tuple[Season, Plan] | None = None,
) -> StoredCalendar:
    """The selection's calendar over the current season and plan, with the season's dated
    changes.

    `stamp` and `loaded` let a caller that already read them (the feed server) skip the reads.
    """
    options = options or CalendarOptions()
    stamp = stamp or current_plan(store)
    if stamp is None:
        raise CalendarError("the store holds no season: import one first")
    season, plan = loaded or load_current(store, stamp)
    changes, version = season_changes(store, stamp.season_id)
    options = with_changes(options, changes)
    seats = None
    if options.free_seats is None and stamp.plan_id is not None:
        options, seats = with_live_seats(store, stamp, options)
    options = with_sequences(store, season, plan, selection, options)
    places = seats.changed_at if seats is not None else None
    times = [t for t in (stamp.saved_at, version.changed_at, places) if t is not None]
    modified = max(times, default=None)
    if options.stamp is None and modified is not None:
        options = dataclasses.replace(options, stamp=modified)
    body = render_calendar(season, plan, selection, options)
    return StoredCalendar(
        body, stamp.season_id, stamp.plan_id, stamp.saved_at, version, modified, seats
    )


def with_live_seats(
    store: Store, stamp: PlanStamp, options: CalendarOptions
) -> tuple[CalendarOptions, SeatsVersion | None]:
    """`options` with the live offering's free places and participant counts, when the plan
    shown is the published one: files, feeds and the app then give the same figures."""
    if published_plan_id(store, stamp.season_id) != stamp.plan_id:
        return options, None
    live = Enrolments(store, stamp.season_id)
    version = seats_version(store, stamp.season_id)
    free = {gid: s.free for gid, s in live.seats().items()}
    counts = live.participation()
    return dataclasses.replace(options, free_seats=free, participants=counts), version
