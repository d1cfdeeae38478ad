"""Dated changes of a season, kept in the store and checked when they are entered.

    changes = DatedChanges(store)
    changes.cancel("G-001", dt.date(2027, 2, 3), actor="S1")
    changes.move("G-001", dt.date(2027, 2, 10), dt.datetime(2027, 2, 11, 13, 0), actor="S1")
    changes.closure(dt.date(2027, 6, 21), dt.date(2027, 8, 8), actor="coordinator")

Five kinds (`KINDS`): a `closure` (every venue, or one, from `first_date` to `last_date`), a
`cancel` or a `move` of one session of a group (the session's own date; a move to a new local
start, Europe/Helsinki, with the same duration), an `absence` of a staff member or partner and
a `substitute` who leads a group instead of one of its leaders, both for dates. Each add and
removal is one audit event (`change.add`, `change.remove`); the optional note is at most
`NOTE_MAX` characters and never goes to the audit trail or a calendar.

A change the rules refuse raises `ChangeRefused`, a `StoreError` with a catalogue key
(`change.refused.<rule>`) and parameters, so the app says why in the page's language.
Rows are never deleted, only marked removed: `version` then tells a feed that something
changed, and when.

`held_dates` is the one home of the sessions a group holds once the changes are applied
(attendance and the My groups page use it); the calendars apply the same changes in
`planner.calendar`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from planner import i18n
from planner.model import Group, Placement, Plan, Season
from planner.store.errors import StoreError
from planner.store.live import add_event, reading, run_write, season_of, utcnow
from planner.store.schema import DatedChangeRow, OfferingRow
from planner.store.store import Store
from planner.terms import LOCAL_ZONE, first_session, last_session, meeting_dates, public_holidays

KINDS = ("closure", "cancel", "move", "absence", "substitute")
NOTE_MAX = 200
SESSION_KINDS = ("cancel", "move")


class ChangeRefused(StoreError):
    """A dated change the rules refuse: `key` (`change.refused.<rule>`) and `params` say why
    in any language (`message_in`); `str()` is the English line."""

    def __init__(self, rule: str, **params: Any) -> None:
        self.rule = rule
        self.key = f"change.refused.{rule}"
        self.params = {k: str(v) for k, v in params.items()}
        super().__init__(self.message_in("en"))

    def message_in(self, lang: str) -> str:
        return i18n.t(self.key, lang, **self.params)


@dataclass(frozen=True, slots=True)
class DatedChange:
    """One stored change; `new_start` is a naive Helsinki wall-clock time (moves only)."""

    id: int
    kind: str
    group_id: str | None = None
    venue_id: str | None = None
    person_id: str | None = None
    replaces: str | None = None
    first_date: dt.date | None = None
    last_date: dt.date | None = None
    session_date: dt.date | None = None
    new_start: dt.datetime | None = None
    note: str = ""
    created_at: dt.datetime | None = None
    created_by: str = ""

    def covers(self, day: dt.date) -> bool:
        """Whether a closure, absence or substitute covers `day`."""
        return (
            self.first_date is not None
            and self.last_date is not None
            and self.first_date <= day <= self.last_date
        )

    def closes(self, day: dt.date, venue_id: str | None) -> bool:
        """Whether this is a closure of `day` for a group meeting at `venue_id`."""
        return (
            self.kind == "closure"
            and self.covers(day)
            and (self.venue_id is None or self.venue_id == venue_id)
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "group_id": self.group_id,
            "venue_id": self.venue_id,
            "person_id": self.person_id,
            "replaces": self.replaces,
            "first_date": _iso(self.first_date),
            "last_date": _iso(self.last_date),
            "session_date": _iso(self.session_date),
            "new_start": self.new_start.isoformat(timespec="minutes") if self.new_start else None,
            "note": self.note,
            "created_at": _iso(self.created_at),
            "created_by": self.created_by,
        }

    def describe(self) -> str:
        """One line for the command line (ids and dates only)."""
        if self.kind == "closure":
            where = self.venue_id or "all venues"
            text = f"closure {where} {self.first_date}..{self.last_date}"
        elif self.kind == "cancel":
            text = f"cancel {self.group_id} {self.session_date}"
        elif self.kind == "move":
            new = self.new_start.isoformat(timespec="minutes") if self.new_start else "?"
            text = f"move {self.group_id} {self.session_date} -> {new}"
        elif self.kind == "absence":
            text = f"absence {self.person_id} {self.first_date}..{self.last_date}"
        else:
            text = (
                f"substitute {self.group_id} {self.person_id} for {self.replaces} "
                f"{self.first_date}..{self.last_date}"
            )
        return f"{self.id}: {text}" + (f" ({self.note})" if self.note else "")


@dataclass(frozen=True, slots=True)
class ChangesVersion:
    """Moves on with every add and removal of the season's changes: `key` for caches,
    `changed_at` (None without changes) for DTSTAMP and Last-Modified."""

    key: tuple[int, int]
    changed_at: dt.datetime | None


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


# --- the sessions a group holds (no SQL) ---


def planned_dates(
    group: Group,
    weekday: int,
    venue_id: str | None,
    changes: Iterable[DatedChange],
    *,
    until: dt.date | None = None,
    weeks: int | None = None,
) -> list[dt.date]:
    """The group's session dates on `weekday` without holidays and closures, before
    cancellations and moves (a pop-up group: up to `until` or `weeks` weeks)."""
    closures = [c for c in changes if c.kind == "closure"]
    return [
        d
        for d in meeting_dates(group, weekday, until=until, weeks=weeks)
        if not any(c.closes(d, venue_id) for c in closures)
    ]


def held_dates(
    group: Group,
    weekday: int,
    venue_id: str | None,
    changes: Iterable[DatedChange],
    *,
    until: dt.date | None = None,
    weeks: int | None = None,
) -> list[dt.date]:
    """The dates the group holds a session: its planned dates without cancelled sessions,
    each moved session on its new date; never past `until`."""
    changes = tuple(changes)
    ours = [c for c in changes if c.kind in SESSION_KINDS and c.group_id == group.group_id]
    horizon = None
    if group.weeks is None and until is not None:
        # A pop-up has no term end: reach the sessions moved to before `until` too.
        horizon = max([until, *(c.session_date for c in ours if c.session_date)])
    planned = planned_dates(group, weekday, venue_id, changes, until=horizon, weeks=weeks)
    gone = {c.session_date for c in ours}
    days = {d for d in planned if d not in gone}
    days |= {
        c.new_start.date()
        for c in ours
        if c.kind == "move" and c.new_start is not None and c.session_date in planned
    }
    return sorted(d for d in days if until is None or d <= until)


def held_sessions(
    group: Group,
    placement: Placement,
    changes: Iterable[DatedChange],
    *,
    until: dt.date | None = None,
    weeks: int | None = None,
    dates: Iterable[dt.date] | None = None,
) -> list[tuple[dt.date, int, int]]:
    """`held_dates` with each session's hours, (date, start, end) in minutes: the
    placement's hours, a moved session at its new start with the same length. `dates`, when
    given, are the held dates already worked out (they are not read again)."""
    changes = tuple(changes)
    if dates is None:
        dates = held_dates(
            group, placement.weekday, placement.venue_id, changes, until=until, weeks=weeks
        )
    moved = {
        c.new_start.date(): c.new_start.hour * 60 + c.new_start.minute
        for c in changes
        if c.kind == "move" and c.group_id == group.group_id and c.new_start is not None
    }
    length = placement.end - placement.start
    return [
        (d, moved.get(d, placement.start), moved.get(d, placement.start) + length) for d in dates
    ]


def is_planned_session(
    group: Group, weekday: int, venue_id: str | None, changes: Iterable[DatedChange], day: dt.date
) -> bool:
    """Whether `day` is one of the group's planned session dates (see `planned_dates`)."""
    if day.weekday() != weekday or day < first_session(group, weekday):
        return False
    last = last_session(group, weekday)
    if last is not None and day > last:
        return False
    return day in planned_dates(group, weekday, venue_id, changes, until=day)


def local_time_problem(naive: dt.datetime) -> str | None:
    """ "dst_gap" when the Helsinki wall-clock time does not exist (spring forward),
    "dst_fold" when it occurs twice (autumn back), else None."""
    early = naive.replace(tzinfo=LOCAL_ZONE, fold=0)
    late = naive.replace(tzinfo=LOCAL_ZONE, fold=1)
    if early.utcoffset() == late.utcoffset():
        return None
    back = early.astimezone(dt.UTC).astimezone(LOCAL_ZONE).replace(tzinfo=None)
    return "dst_gap" if back != naive else "dst_fold"


# --- the store ---


def _from_row(row: Any) -> DatedChange:
    new_start = None
    if row.new_date is not None and row.new_start_min is not None:
        new_start = dt.datetime.combine(
            row.new_date, dt.time(row.new_start_min // 60, row.new_start_min % 60)
        )
    return DatedChange(
        id=row.id,
        kind=row.kind,
        group_id=row.group_id,
        venue_id=row.venue_id,
        person_id=row.person_id,
        replaces=row.replaces,
        first_date=row.first_date,
        last_date=row.last_date,
        session_date=row.session_date,
        new_start=new_start,
        note=row.note or "",
        created_at=row.created_at,
        created_by=row.created_by,
    )


def active_changes(conn: sa.Connection, season_id: int) -> list[DatedChange]:
    """The season's changes not removed, oldest first (for the store's own modules)."""
    rows = conn.execute(
        sa.select(DatedChangeRow)
        .where(DatedChangeRow.season_id == season_id, DatedChangeRow.removed_at.is_(None))
        .order_by(DatedChangeRow.id)
    ).all()
    return [_from_row(r) for r in rows]


def published_plan_id(conn: sa.Connection, season_id: int) -> int | None:
    found = conn.scalar(
        sa.select(sa.func.max(OfferingRow.plan_id)).where(OfferingRow.season_id == season_id)
    )
    return int(found) if found is not None else None


class DatedChanges:
    """The dated changes of a season (default: the current one)."""

    def __init__(self, store: Store, season_id: int | None = None) -> None:
        self.store = store
        self.season_id = season_id

    # --- reading ---

    def current(self, include_removed: bool = False) -> list[DatedChange]:
        with reading(self.store, "read the dated changes") as conn:
            season_id = season_of(conn, self.season_id)
            if include_removed:
                rows = conn.execute(
                    sa.select(DatedChangeRow)
                    .where(DatedChangeRow.season_id == season_id)
                    .order_by(DatedChangeRow.id)
                ).all()
                return [_from_row(r) for r in rows]
            return active_changes(conn, season_id)

    def for_group(self, group_id: str, leaders: Sequence[str] = (), venue_id: str | None = None):
        """The changes that touch one group: its own, its venue's and every venue's
        closures, and its leaders' absences."""
        return [
            c
            for c in self.current()
            if c.group_id == group_id
            or (c.kind == "closure" and (c.venue_id is None or c.venue_id == venue_id))
            or (c.kind == "absence" and c.person_id in leaders)
        ]

    def version(self) -> ChangesVersion:
        with reading(self.store, "read the dated changes") as conn:
            season_id = season_of(conn, self.season_id)
            return version_of(conn, season_id)

    # --- adding ---

    def closure(
        self,
        first: dt.date,
        last: dt.date,
        venue_id: str | None = None,
        note: str = "",
        actor: str = "",
    ) -> DatedChange:
        """No group meets from `first` to `last` (inclusive): at `venue_id`, or anywhere."""
        season, _ = self._context(need_plan=False)
        if venue_id is not None and venue_id not in season.venue:
            raise ChangeRefused("unknown_venue", venue=venue_id)
        _dates_in_order(first, last)
        return self._insert(
            dict(kind="closure", venue_id=venue_id, first_date=first, last_date=last),
            note,
            actor,
        )

    def cancel(self, group_id: str, day: dt.date, note: str = "", actor: str = "") -> DatedChange:
        season, plan = self._context()
        placement = self._published(season, plan, group_id)
        existing = self.current()
        self._session_check(season, placement, existing, group_id, day)
        return self._insert(
            dict(kind="cancel", group_id=group_id, session_date=day), note, actor, existing
        )

    def move(
        self,
        group_id: str,
        day: dt.date,
        new_start: dt.datetime,
        note: str = "",
        actor: str = "",
    ) -> DatedChange:
        """Move the session of `day` to `new_start` (Helsinki wall-clock time, naive or
        aware), keeping its duration."""
        if new_start.tzinfo is not None:
            new_start = new_start.astimezone(LOCAL_ZONE).replace(tzinfo=None)
        new_start = new_start.replace(second=0, microsecond=0)
        season, plan = self._context()
        placement = self._published(season, plan, group_id)
        existing = self.current()
        group = season.group[group_id]
        self._session_check(season, placement, existing, group_id, day)
        at = new_start.isoformat(timespec="minutes")
        problem = local_time_problem(new_start)
        if problem is not None:
            raise ChangeRefused(problem, start=at)
        new_day = new_start.date()
        if new_day.weekday() >= 5:
            raise ChangeRefused("weekend", start=at)
        end = new_start + dt.timedelta(minutes=placement.end - placement.start)
        if end.date() != new_day:
            raise ChangeRefused("past_midnight", start=at)
        if new_day in public_holidays((new_day.year,)):
            raise ChangeRefused("holiday", date=new_day.isoformat())
        ours = [c for c in existing if c.kind in SESSION_KINDS and c.group_id == group_id]
        gone = {c.session_date for c in ours}
        occupied = {
            d
            for d in planned_dates(
                group,
                placement.weekday,
                placement.venue_id,
                existing,
                until=max(new_day, day) + dt.timedelta(weeks=1),
            )
            if d != day and d not in gone
        } | {c.new_start.date() for c in ours if c.kind == "move" and c.new_start}
        if new_day in occupied:
            raise ChangeRefused("onto_session", group=group_id, date=new_day.isoformat())
        return self._insert(
            dict(
                kind="move",
                group_id=group_id,
                session_date=day,
                new_date=new_day,
                new_start_min=new_start.hour * 60 + new_start.minute,
            ),
            note,
            actor,
            existing,
        )

    def absence(
        self, person_id: str, first: dt.date, last: dt.date, note: str = "", actor: str = ""
    ) -> DatedChange:
        """A staff member or partner is away from `first` to `last` (inclusive)."""
        season, _ = self._context(need_plan=False)
        if person_id not in season.person:
            raise ChangeRefused("unknown_person", person=person_id)
        _dates_in_order(first, last)
        return self._insert(
            dict(kind="absence", person_id=person_id, first_date=first, last_date=last),
            note,
            actor,
        )

    def substitute(
        self,
        group_id: str,
        person_id: str,
        first: dt.date,
        last: dt.date,
        replaces: str | None = None,
        note: str = "",
        actor: str = "",
    ) -> DatedChange:
        """`person_id` leads `group_id` instead of `replaces` (default: the group's only
        leader) from `first` to `last`."""
        season, plan = self._context()
        placement = self._published(season, plan, group_id)
        if person_id not in season.person:
            raise ChangeRefused("not_a_leader", person=person_id)
        if person_id in placement.leaders:
            raise ChangeRefused("already_leads", person=person_id, group=group_id)
        if replaces is None:
            if len(placement.leaders) != 1:
                raise ChangeRefused(
                    "which_leader", group=group_id, leaders=", ".join(placement.leaders)
                )
            replaces = placement.leaders[0]
        if replaces not in placement.leaders:
            raise ChangeRefused("not_leader_of_group", person=replaces, group=group_id)
        _dates_in_order(first, last)
        existing = self.current()
        for c in existing:
            if (
                c.kind == "substitute"
                and c.group_id == group_id
                and c.replaces == replaces
                and c.first_date is not None
                and c.last_date is not None
                and c.first_date <= last
                and first <= c.last_date
            ):
                raise ChangeRefused("overlap", group=group_id, person=replaces, id=c.id)
        return self._insert(
            dict(
                kind="substitute",
                group_id=group_id,
                person_id=person_id,
                replaces=replaces,
                first_date=first,
                last_date=last,
            ),
            note,
            actor,
            existing,
        )

    def remove(self, change_id: int, actor: str = "") -> DatedChange:
        def work(conn: sa.Connection) -> DatedChange:
            season_id = season_of(conn, self.season_id)
            row = conn.execute(
                sa.select(DatedChangeRow).where(
                    DatedChangeRow.id == change_id,
                    DatedChangeRow.season_id == season_id,
                    DatedChangeRow.removed_at.is_(None),
                )
            ).one_or_none()
            if row is None:
                raise ChangeRefused("unknown_change", id=change_id)
            change = _from_row(row)
            conn.execute(
                sa.update(DatedChangeRow)
                .where(DatedChangeRow.id == change_id)
                .values(removed_at=utcnow(), removed_by=actor)
            )
            add_event(conn, actor, "change.remove", _audit(season_id, change))
            return change

        return run_write(self.store, "remove the dated change", work)

    # --- helpers ---

    def _context(self, need_plan: bool = True) -> tuple[Season, Plan | None]:
        with reading(self.store, "read the season") as conn:
            season_id = season_of(conn, self.season_id)
            plan_id = published_plan_id(conn, season_id)
        season = self.store.load_season(season_id)
        if season is None:
            raise StoreError("no season: import a season first")
        plan = self.store.load_plan(plan_id=plan_id) if plan_id is not None else None
        if need_plan and plan is None:
            raise ChangeRefused("not_published_season")
        return season, plan

    @staticmethod
    def _published(season: Season, plan: Plan | None, group_id: str):
        if group_id not in season.group:
            raise ChangeRefused("unknown_group", group=group_id)
        placement = plan.placement.get(group_id) if plan is not None else None
        if placement is None:
            raise ChangeRefused("not_published", group=group_id)
        return placement

    @staticmethod
    def _session_check(
        season: Season, placement, existing: list[DatedChange], group_id: str, day: dt.date
    ) -> None:
        group = season.group[group_id]
        if not is_planned_session(group, placement.weekday, placement.venue_id, existing, day):
            raise ChangeRefused("not_a_session", group=group_id, date=day.isoformat())
        for c in existing:
            if c.kind in SESSION_KINDS and c.group_id == group_id and c.session_date == day:
                raise ChangeRefused("twice", group=group_id, date=day.isoformat(), id=c.id)

    def _insert(
        self,
        values: dict[str, Any],
        note: str,
        actor: str,
        checked: list[DatedChange] | None = None,
    ) -> DatedChange:
        note = " ".join((note or "").split())
        if len(note) > NOTE_MAX:
            raise ChangeRefused("note_too_long", max=NOTE_MAX)

        def work(conn: sa.Connection) -> DatedChange:
            season_id = season_of(conn, self.season_id)
            if checked is not None and values["kind"] in SESSION_KINDS:
                # Checked outside the transaction: refuse a second change to the session
                # that another writer added meanwhile.
                for c in active_changes(conn, season_id):
                    same = c.group_id == values["group_id"]
                    if (
                        c.kind in SESSION_KINDS
                        and same
                        and c.session_date == values["session_date"]
                    ):
                        raise ChangeRefused(
                            "twice",
                            group=c.group_id,
                            date=values["session_date"].isoformat(),
                            id=c.id,
                        )
            now = utcnow()
            new_id = conn.scalar(
                sa.insert(DatedChangeRow)
                .values(season_id=season_id, note=note, created_at=now, created_by=actor, **values)
                .returning(DatedChangeRow.id)
            )
            row = conn.execute(sa.select(DatedChangeRow).where(DatedChangeRow.id == new_id)).one()
            change = _from_row(row)
            add_event(conn, actor, "change.add", _audit(season_id, change))
            return change

        return run_write(self.store, "record the dated change", work)


def version_of(conn: sa.Connection, season_id: int) -> ChangesVersion:
    row = conn.execute(
        sa.select(
            sa.func.max(DatedChangeRow.id),
            sa.func.count(DatedChangeRow.removed_at),
            sa.func.max(DatedChangeRow.created_at),
            sa.func.max(DatedChangeRow.removed_at),
        ).where(DatedChangeRow.season_id == season_id)
    ).one()
    last_id, removed, created, gone = row
    # Aggregates bypass the column type: SQLite hands back naive UTC (or text).
    times = [_utc(v) for v in (created, gone) if v is not None]
    return ChangesVersion((int(last_id or 0), int(removed or 0)), max(times, default=None))


def season_changes(store: Store, season_id: int) -> tuple[list[DatedChange], ChangesVersion]:
    """The season's active changes and their version, in one read (for the calendars)."""
    with reading(store, "read the dated changes") as conn:
        return active_changes(conn, season_id), version_of(conn, season_id)


def changes_version(store: Store, season_id: int) -> ChangesVersion:
    with reading(store, "read the dated changes") as conn:
        return version_of(conn, season_id)


def _utc(value: Any) -> dt.datetime:
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def _dates_in_order(first: dt.date, last: dt.date) -> None:
    if last < first:
        raise ChangeRefused("ends_before", first=first.isoformat(), last=last.isoformat())


def _audit(season_id: int, change: DatedChange) -> dict[str, Any]:
    """The event's detail: ids and dates, and only the note's length (never its text)."""
    detail = {k: v for k, v in change.as_dict().items() if v is not None}
    detail.pop("note", None)
    detail.pop("created_at", None)
    detail.pop("created_by", None)
    return {"season_id": season_id, **detail, "note_chars": len(change.note)}
