"""Booking the joint meetings (l. 379): a client, their counsellor and the group's leader
meet before the client's first session and when the group ends.

    meetings = Meetings(store)                    # the live season
    slots = meetings.suggest("G-001", "K-0042")   # what `suggest_meetings` offers now
    booked = meetings.book("G-001", "K-0042", "before", slot.date, slot.start, actor="anna")
    meetings.mark_held(booked.id, actor="S-01")   # from the meeting's date on
    meetings.cancel(booked.id, actor="anna")      # the invitation's SEQUENCE goes up

A booking is refused (`MeetingRefused`, a `StoreError` with a catalogue key
`meetings.refused.<rule>` and parameters, so the app says why in the page's language) when
the client has no live place in the group, the counsellor leads the group (no joint meeting
is needed), the client already has a booked or held meeting of that kind in the group, or
the time is not one `suggest_meetings` offers right now (which also keeps either person
from being booked twice at once). Every write is one transaction and one audit event
(`meeting.book`, `meeting.cancel`, `meeting.held`); the client is named by their
pseudonymous code only, in the `client_code` column and the event's `client_code` (which a
purge blanks), never in the invitation's UID.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import asdict, dataclass
from typing import Any

import sqlalchemy as sa

from planner import i18n, terms
from planner.model import Plan, Season, hhmm
from planner.store.changes import DatedChange, active_changes
from planner.store.errors import StoreError
from planner.store.live import add_event, ensure_live, reading, run_write, season_of, utcnow
from planner.store.meetings import (
    KINDS,
    MEETING_MIN,
    Booked,
    MeetingSlot,
    meeting_leader,
    suggest_meetings,
)
from planner.store.schema import EnrolmentRow, MeetingRow, OfferingRow
from planner.store.store import Store

UID_DOMAIN = "sosku-planner"
LIVE_MEETING = ("booked", "held")


class MeetingRefused(StoreError):
    """A booking, cancellation or record the rules refuse: `key`
    (`meetings.refused.<rule>`) and `params` say why in any language (`message_in`);
    `str()` is the English line."""

    def __init__(self, rule: str, **params: Any) -> None:
        self.rule = rule
        self.key = f"meetings.refused.{rule}"
        self.params = {k: str(v) for k, v in params.items()}
        super().__init__(self.message_in("en"))

    def message_in(self, lang: str) -> str:
        params = dict(self.params)
        if params.get("kind") in KINDS:  # "before" reads as "start meeting" in its language
            params["kind"] = i18n.t(f"meetings.kind.{params['kind']}", lang)
        return i18n.t(self.key, lang, **params)


@dataclass(frozen=True, slots=True)
class Meeting:
    """One stored joint meeting; `start` and `end` in minutes after midnight (Helsinki)."""

    id: int
    season_id: int
    group_id: str
    client_code: str
    kind: str
    date: dt.date
    start: int
    end: int
    counsellor: str
    leader: str
    venue_id: str | None
    status: str
    booked_at: dt.datetime
    booked_by: str
    held_at: dt.datetime | None
    held_by: str | None
    cancelled_at: dt.datetime | None
    cancelled_by: str | None
    uid: str
    sequence: int

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out.update(date=self.date.isoformat(), start=hhmm(self.start), end=hhmm(self.end))
        for key in ("booked_at", "held_at", "cancelled_at"):
            out[key] = out[key].isoformat() if out[key] is not None else None
        return out

    def describe(self) -> str:
        """One line for the command line (ids, dates and the client's code)."""
        return (
            f"{self.id}: {self.kind} {self.group_id} {self.client_code} "
            f"{self.date.isoformat()} {hhmm(self.start)}-{hhmm(self.end)} "
            f"counsellor {self.counsellor}, leader {self.leader}, {self.status}"
        )


def _from_row(row: Any) -> Meeting:
    return Meeting(
        id=row.id,
        season_id=row.season_id,
        group_id=row.group_id,
        client_code=row.client_code,
        kind=row.kind,
        date=row.date,
        start=row.start_min,
        end=row.end_min,
        counsellor=row.counsellor,
        leader=row.leader,
        venue_id=row.venue_id,
        status=row.status,
        booked_at=row.booked_at,
        booked_by=row.booked_by,
        held_at=row.held_at,
        held_by=row.held_by,
        cancelled_at=row.cancelled_at,
        cancelled_by=row.cancelled_by,
        uid=row.uid,
        sequence=row.sequence,
    )


def _audit(meeting: Meeting) -> dict[str, Any]:
    return {
        "meeting_id": meeting.id,
        "season_id": meeting.season_id,
        "group_id": meeting.group_id,
        "client_code": meeting.client_code,
        "kind": meeting.kind,
        "date": meeting.date.isoformat(),
        "start": hhmm(meeting.start),
        "counsellor": meeting.counsellor,
        "leader": meeting.leader,
    }


def cancel_meetings_of_place(
    conn: sa.Connection, offering_id: int, client_code: str, actor: str
) -> list[int]:
    """Cancel the booked meetings of a client's place that just ended (they were timed by
    sessions the client will no longer attend), in the caller's transaction; each is one
    "meeting.cancel" event saying so. Returns their ids."""
    rows = conn.execute(
        sa.select(MeetingRow).where(
            MeetingRow.offering_id == offering_id,
            MeetingRow.client_code == client_code,
            MeetingRow.status == "booked",
        )
    ).all()
    for row in rows:
        _cancel(conn, row.id, actor, why="place_ended")
    return [row.id for row in rows]


def _cancel(conn: sa.Connection, meeting_id: int, actor: str, why: str = "") -> Meeting:
    """Cancel a booked meeting in the caller's transaction: its invitation's SEQUENCE goes
    up (METHOD:CANCEL) and a "meeting.cancel" event records it (with `why`, when given)."""
    conn.execute(
        sa.update(MeetingRow)
        .where(MeetingRow.id == meeting_id, MeetingRow.status == "booked")
        .values(
            status="cancelled",
            cancelled_at=utcnow(),
            cancelled_by=actor,
            sequence=MeetingRow.sequence + 1,
        )
    )
    done = _read(conn, meeting_id)
    add_event(conn, actor, "meeting.cancel", {**_audit(done), **({"why": why} if why else {})})
    return done


def _booked_times(conn: sa.Connection, season_id: int) -> list[Booked]:
    """Every booked or held meeting of the season, once per person in it."""
    rows = conn.execute(
        sa.select(
            MeetingRow.counsellor, MeetingRow.leader, MeetingRow.date, MeetingRow.start_min,
            MeetingRow.end_min,
        ).where(MeetingRow.season_id == season_id, MeetingRow.status.in_(LIVE_MEETING))
    ).all()  # fmt: skip
    return [(who, r.date, r.start_min, r.end_min) for r in rows for who in (r.counsellor, r.leader)]


class Meetings:
    """The joint meetings of a season (default: the live one)."""

    def __init__(self, store: Store, season_id: int | None = None) -> None:
        self.store = store
        self.season_id = season_id

    # --- reading ---

    def context(self) -> tuple[int, Season, Plan | None, list[DatedChange], list[Booked]]:
        """The season id, season, live plan (None before publishing), the season's dated
        changes and the booked meetings' times: what `suggest_meetings` needs."""
        from planner.store.enrolment import Enrolments

        with reading(self.store, "read the meetings") as conn:
            season_id = season_of(conn, self.season_id)
            changes = active_changes(conn, season_id)
            booked = _booked_times(conn, season_id)
        season = self.store.load_season(season_id)
        if season is None:
            raise StoreError(f"no season with id {season_id}")
        plan = Enrolments(self.store, season_id).live_plan()
        return season_id, season, plan, changes, booked

    def suggest(
        self, group_id: str, client_code: str, today: dt.date | None = None
    ) -> list[MeetingSlot]:
        """The times `suggest_meetings` offers for the client now, with the live plan, the
        season's dated changes and every meeting already booked."""
        _, season, plan, changes, booked = self.context()
        if plan is None or group_id not in plan.placement:
            raise MeetingRefused("not_published", group=group_id)
        if client_code not in season.client:
            raise MeetingRefused("unknown_client")
        try:
            return suggest_meetings(
                season, plan, group_id, client_code, changes=changes, today=today, booked=booked
            )
        except ValueError as exc:  # e.g. the client's counsellor is not on the staff
            raise StoreError(str(exc)) from exc

    def get(self, meeting_id: int) -> Meeting:
        with reading(self.store, "read the meeting") as conn:
            season_id = season_of(conn, self.season_id)
            row = conn.execute(
                sa.select(MeetingRow).where(
                    MeetingRow.id == meeting_id, MeetingRow.season_id == season_id
                )
            ).one_or_none()
        if row is None:
            raise MeetingRefused("unknown_meeting", id=meeting_id)
        return _from_row(row)

    def list_meetings(
        self,
        *,
        client_code: str | None = None,
        group_id: str | None = None,
        person: str | None = None,
        statuses: tuple[str, ...] | None = None,
    ) -> list[Meeting]:
        """The season's meetings, by date and hour: of one client, one group, or one person
        (as counsellor or leader), and of some statuses (default: every one)."""
        where = []
        if client_code is not None:
            where.append(MeetingRow.client_code == client_code)
        if group_id is not None:
            where.append(MeetingRow.group_id == group_id)
        if person is not None:
            where.append(sa.or_(MeetingRow.counsellor == person, MeetingRow.leader == person))
        if statuses is not None:
            where.append(MeetingRow.status.in_(statuses))
        with reading(self.store, "read the meetings") as conn:
            season_id = season_of(conn, self.season_id)
            rows = conn.execute(
                sa.select(MeetingRow)
                .where(MeetingRow.season_id == season_id, *where)
                .order_by(MeetingRow.date, MeetingRow.start_min, MeetingRow.id)
            ).all()
        return [_from_row(r) for r in rows]

    # --- writing ---

    def book(
        self,
        group_id: str,
        client_code: str,
        kind: str,
        day: dt.date,
        start: int,
        actor: str,
        *,
        today: dt.date | None = None,
        minutes: int = MEETING_MIN,
    ) -> Meeting:
        """Book the client's `kind` meeting ("before" or "after") at `day`, `start`
        (minutes after midnight, Helsinki), `minutes` long; see the module for refusals."""
        if kind not in KINDS:
            raise MeetingRefused("unknown_kind", kind=kind, kinds=", ".join(KINDS))
        season_id, season, plan, changes, booked = self.context()
        if group_id not in season.group:
            raise MeetingRefused("unknown_group", group=group_id)
        if plan is None or group_id not in plan.placement:
            raise MeetingRefused("not_published", group=group_id)
        client = season.client.get(client_code)
        if client is None:
            raise MeetingRefused("unknown_client")
        with reading(self.store, "read the client's place") as conn:
            offering_id = _place(conn, season_id, group_id, client_code)
            _refuse_duplicate(conn, season_id, group_id, client_code, kind)
        if meeting_leader(season, plan.placement[group_id], client.counsellor) is None:
            raise MeetingRefused("counsellor_leads", group=group_id)
        try:
            slots = suggest_meetings(
                season,
                plan,
                group_id,
                client_code,
                changes=changes,
                today=today,
                booked=booked,
                minutes=minutes,
            )
        except ValueError as exc:
            raise StoreError(str(exc)) from exc
        slot = next(
            (s for s in slots if (s.kind, s.date, s.start) == (kind, day, start)),
            None,
        )
        if slot is None:
            raise MeetingRefused("not_offered", kind=kind, date=day.isoformat(), start=hhmm(start))

        def work(conn: sa.Connection) -> Meeting:
            ensure_live(conn, season_id)
            # Checked again inside the transaction: another writer may have acted meanwhile.
            if _place(conn, season_id, group_id, client_code) != offering_id:
                raise MeetingRefused("no_place", group=group_id)
            _refuse_duplicate(conn, season_id, group_id, client_code, kind)
            people = {slot.counsellor, slot.leader}
            for who, d, b_start, b_end in _booked_times(conn, season_id):
                if who in people and d == slot.date and b_start < slot.end and slot.start < b_end:
                    raise MeetingRefused("person_busy", person=who, date=d.isoformat())
            new_id = conn.scalar(
                sa.insert(MeetingRow)
                .values(
                    season_id=season_id,
                    offering_id=offering_id,
                    group_id=group_id,
                    client_code=client_code,
                    kind=kind,
                    date=slot.date,
                    start_min=slot.start,
                    end_min=slot.end,
                    counsellor=slot.counsellor,
                    leader=slot.leader,
                    venue_id=slot.venue_id,
                    status="booked",
                    booked_at=utcnow(),
                    booked_by=actor,
                    uid=f"meeting-{uuid.uuid4().hex}@{UID_DOMAIN}",
                    sequence=0,
                )
                .returning(MeetingRow.id)
            )
            meeting = _read(conn, new_id)
            add_event(conn, actor, "meeting.book", _audit(meeting))
            return meeting

        return run_write(self.store, "book the meeting", work)

    def cancel(self, meeting_id: int, actor: str) -> Meeting:
        """Cancel a booked meeting; its invitation's SEQUENCE goes up (METHOD:CANCEL)."""

        def work(conn: sa.Connection) -> Meeting:
            meeting = self._for_update(conn, meeting_id)
            if meeting.status != "booked":
                raise MeetingRefused(f"already_{meeting.status}", id=meeting_id)
            return _cancel(conn, meeting_id, actor)

        return run_write(self.store, "cancel the meeting", work)

    def mark_held(self, meeting_id: int, actor: str, today: dt.date | None = None) -> Meeting:
        """Record that a booked meeting took place: from its date on (Helsinki's today)."""
        day = today or terms.local_today()

        def work(conn: sa.Connection) -> Meeting:
            meeting = self._for_update(conn, meeting_id)
            if meeting.status != "booked":
                raise MeetingRefused(f"already_{meeting.status}", id=meeting_id)
            if meeting.date > day:
                raise MeetingRefused("not_yet", id=meeting_id, date=meeting.date.isoformat())
            conn.execute(
                sa.update(MeetingRow)
                .where(MeetingRow.id == meeting_id, MeetingRow.status == "booked")
                .values(status="held", held_at=utcnow(), held_by=actor)
            )
            done = _read(conn, meeting_id)
            add_event(conn, actor, "meeting.held", _audit(done))
            return done

        return run_write(self.store, "record the meeting as held", work)

    def _for_update(self, conn: sa.Connection, meeting_id: int) -> Meeting:
        season_id = season_of(conn, self.season_id)
        row = conn.execute(
            sa.select(MeetingRow)
            .where(MeetingRow.id == meeting_id, MeetingRow.season_id == season_id)
            .with_for_update()
        ).one_or_none()
        if row is None:
            raise MeetingRefused("unknown_meeting", id=meeting_id)
        return _from_row(row)


def _read(conn: sa.Connection, meeting_id: int) -> Meeting:
    return _from_row(conn.execute(sa.select(MeetingRow).where(MeetingRow.id == meeting_id)).one())


def _place(conn: sa.Connection, season_id: int, group_id: str, client_code: str) -> int:
    """The offering the client holds an active place in; refused when there is none."""
    found = conn.scalar(
        sa.select(EnrolmentRow.offering_id)
        .join(OfferingRow, OfferingRow.id == EnrolmentRow.offering_id)
        .where(
            EnrolmentRow.season_id == season_id,
            EnrolmentRow.group_id == group_id,
            EnrolmentRow.client_code == client_code,
            EnrolmentRow.status == "active",
            OfferingRow.status == "open",
        )
    )
    if found is None:
        raise MeetingRefused("no_place", group=group_id)
    return int(found)


def _refuse_duplicate(
    conn: sa.Connection, season_id: int, group_id: str, client_code: str, kind: str
) -> None:
    found = conn.scalar(
        sa.select(MeetingRow.id).where(
            MeetingRow.season_id == season_id,
            MeetingRow.group_id == group_id,
            MeetingRow.client_code == client_code,
            MeetingRow.kind == kind,
            MeetingRow.status.in_(LIVE_MEETING),
        )
    )
    if found is not None:
        raise MeetingRefused("duplicate", kind=kind, group=group_id, id=found)
