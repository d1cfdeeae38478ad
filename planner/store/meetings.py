"""The process around a group (l. 379): joint meetings, attendance and the leader's summary.

When the group leader is not the client's own counsellor, the two meet the client together
before the group starts and when it ends. `suggest_meetings` proposes times for those
meetings from the season, the live plan and the season's dated changes (no SQL):
"before" meetings in the two weeks before the client's first session, "after" meetings in
the two weeks after the group's last one. `planner.store.bookings.Meetings` books them.
`GroupRecords(store)` keeps what the leader records: attendance per session and a summary
per client (text that stays in the store and is never exported in calendars; events record
only that it was written).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import sqlalchemy as sa

from planner import rules, terms
from planner.model import Placement, Plan, Season, Staff, hhmm
from planner.store.changes import DatedChange, active_changes, held_dates, held_sessions
from planner.store.convert import group_from
from planner.store.errors import StoreError
from planner.store.live import add_event, reading, run_write, season_of, utcnow
from planner.store.schema import (
    AttendanceRow,
    EnrolmentRow,
    GroupRow,
    HeadCountRow,
    OfferingRow,
    PlanGroupRow,
    SummaryRow,
)
from planner.store.store import Store
from planner.terms import first_session, public_holidays

MEETING_MIN = 60
DAY_START = 8 * 60  # office hours for client meetings
DAY_END = 16 * 60
WINDOW_DAYS = 14  # two weeks before the client's first session, two after the last one
STEP_MIN = 30  # the plan's time grid
MAX_VISITORS = 200  # a head count above this is a typing slip, not a drop-in session
POPUP_HORIZON_WEEKS = 26  # how far ahead a pop-up group's next session is looked for

BEFORE, AFTER = "before", "after"
KINDS = (BEFORE, AFTER)
"""The two joint meetings (l. 379): before the group starts, and when it ends."""

Busy = tuple[dt.date, int, int]
"""A busy time: date, start and end in minutes after midnight."""

Booked = tuple[str, dt.date, int, int]
"""A meeting already booked for a person: person id, date, start and end."""


@dataclass(frozen=True, slots=True)
class MeetingSlot:
    kind: str  # "before" (before the client's first session, l. 379) or "after"
    date: dt.date
    start: int
    end: int
    counsellor: str
    leader: str
    venue_id: str | None  # where the group meets (a remote group: the counsellor's office)

    def __str__(self) -> str:
        return f"{self.kind} {self.date.isoformat()} {hhmm(self.start)}-{hhmm(self.end)}"

    def as_dict(self) -> dict[str, str | None]:
        return {
            "kind": self.kind,
            "date": self.date.isoformat(),
            "start": hhmm(self.start),
            "end": hhmm(self.end),
            "counsellor": self.counsellor,
            "leader": self.leader,
            "venue_id": self.venue_id,
        }


def meeting_leader(season: Season, placement: Placement, counsellor: str) -> Staff | None:
    """The group's qualified staff leader to meet with; None when the counsellor leads the
    group, since then no joint meeting is needed (l. 379)."""
    if counsellor in placement.leaders:
        return None
    staff = [s for s in season.staff if s.staff_id in placement.leaders]
    staff.sort(key=lambda s: (not s.qualified, placement.leaders.index(s.staff_id)))
    return staff[0] if staff else None


def _leaders_on(placement: Placement, day: dt.date, changes: Sequence[DatedChange]) -> set[str]:
    """Who leads the group's session of `day`: its leaders, a substitute for one instead."""
    leaders = set(placement.leaders)
    for c in changes:
        if (
            c.kind == "substitute"
            and c.group_id == placement.group_id
            and c.covers(day)
            and c.replaces in leaders
            and c.person_id
        ):
            leaders = (leaders - {c.replaces}) | {c.person_id}
    return leaders


def _session_window(
    season: Season,
    placement: Placement,
    changes: Sequence[DatedChange],
    held: Sequence[dt.date] | None,
    today: dt.date,
) -> list[tuple[dt.date, int, int]]:
    """The group's held sessions with their hours: every one of a fixed term, a pop-up's
    up to `POPUP_HORIZON_WEEKS` weeks after today (or its first session)."""
    group = season.group[placement.group_id]
    until = None
    if group.weeks is None:
        start = max(today, first_session(group, placement.weekday))
        until = start + dt.timedelta(weeks=POPUP_HORIZON_WEEKS)
    return held_sessions(group, placement, changes, until=until, dates=held)


def suggest_meetings(
    season: Season,
    plan: Plan,
    group_id: str,
    client_code: str,
    *,
    held: Sequence[dt.date] | None = None,
    changes: Sequence[DatedChange] = (),
    today: dt.date | None = None,
    booked: Iterable[Booked] = (),
    counsellor_busy: Iterable[Busy] = (),
    minutes: int = MEETING_MIN,
) -> list[MeetingSlot]:
    """Times, "before" ones first, then by date and hour, when the client's counsellor and
    the group's leader can meet the client together (l. 379).

    "before": in the two weeks before the client's first session, the first held session
    of the group on or after `today` (a client joining mid-term meets before their own
    first session), ending by its start. "after": in the two weeks after the group's last
    held session, from its end on (pop-up groups have no last session, so none). Never
    before `today` (Helsinki's date when not given).

    `held` are the group's held session dates when the caller has them; by default they
    are worked out from the plan and `changes`, the season's dated changes (closures,
    cancelled and moved sessions, `planner.store.changes`), which also say when either
    person is away or substitutes in another group. Both must work that weekday, be
    present, lead no group then and have no meeting `booked` then; the day is no Finnish
    public holiday nor a closure of the meeting's place; 08:00-16:00 on the plan's
    30-minute grid.

    An empty list when the counsellor leads the group. Raises ValueError for an unknown
    group, client or counsellor, or a group the plan does not schedule.
    """
    group = season.group.get(group_id)
    placement = plan.placement.get(group_id)
    client = season.client.get(client_code)
    if group is None or client is None:
        raise ValueError(f"unknown group {group_id!r} or client")
    if placement is None:
        raise ValueError(f"{group_id} is not scheduled in the plan")
    counsellor = next((s for s in season.staff if s.staff_id == client.counsellor), None)
    if counsellor is None:
        raise ValueError(f"the client's counsellor {client.counsellor!r} is not on the staff")
    leader = meeting_leader(season, placement, counsellor.staff_id)
    if leader is None:
        return []
    changes = tuple(changes)
    day0 = today or terms.local_today()
    venue_id = placement.venue_id or counsellor.base_venue
    sessions = _session_window(season, placement, changes, held, day0)

    # Each window: its kind, its days, and the (date, minute) a slot must end by or start from.
    windows: list[tuple[str, list[dt.date], tuple[dt.date, int] | None, tuple[dt.date, int]]] = []
    coming = [s for s in sessions if s[0] >= day0]
    if coming:
        first, first_start, _ = coming[0]
        days = [first - dt.timedelta(days=k) for k in range(WINDOW_DAYS, -1, -1)]
        windows.append((BEFORE, days, None, (first, first_start)))
    if group.weeks is not None and sessions:
        last, _, last_end = sessions[-1]
        days = [last + dt.timedelta(days=k) for k in range(WINDOW_DAYS + 1)]
        windows.append((AFTER, days, (last, last_end), (dt.date.max, 0)))
    if not windows:
        return []

    people = (counsellor.staff_id, leader.staff_id)
    all_days = [d for _, days, _, _ in windows for d in days]
    horizon = max(all_days)
    busy: dict[dt.date, list[tuple[int, int]]] = {}
    for day, start, end in counsellor_busy:
        busy.setdefault(day, []).append((start, end))
    for person, day, start, end in booked:
        if person in people:
            busy.setdefault(day, []).append((start, end))
    for p in plan.placements:
        if p.group_id not in season.group:
            continue
        leads = set(p.leaders) | {
            c.person_id for c in changes if c.kind == "substitute" and c.group_id == p.group_id
        }
        if not leads & set(people):
            continue
        held_p = _session_window(season, p, changes, None, min(all_days))
        for day, start, end in held_p:
            if day <= horizon and _leaders_on(p, day, changes) & set(people):
                busy.setdefault(day, []).append((start, end))
    days_off = public_holidays(tuple(sorted({d.year for d in all_days})))

    def free_day(day: dt.date) -> bool:
        weekday = day.weekday()
        return not (
            day < day0
            or day in days_off
            or weekday not in counsellor.days
            or weekday not in leader.days
            or any(
                (c.kind == "absence" and c.person_id in people and c.covers(day))
                or c.closes(day, venue_id)
                for c in changes
            )
        )

    slots = []
    for kind, days, after, before in windows:
        for day in days:
            if not free_day(day):
                continue
            taken = busy.get(day, [])
            for start in range(DAY_START, DAY_END - minutes + 1, STEP_MIN):
                end = start + minutes
                if after is not None and (day, start) < after:
                    continue
                if (day, end) > before:
                    continue
                if all(end <= b_start or b_end <= start for b_start, b_end in taken):
                    slots.append(
                        MeetingSlot(
                            kind, day, start, end, counsellor.staff_id, leader.staff_id, venue_id
                        )
                    )
    return slots


class GroupRecords:
    """What a group's leader records: attendance per session and a summary per client."""

    def __init__(self, store: Store, season_id: int | None = None) -> None:
        self.store = store
        self.season_id = season_id

    def record_attendance(
        self,
        group_id: str,
        session_date: dt.date,
        present: Iterable[str],
        actor: str,
        today: dt.date | None = None,
    ) -> dict[str, list[str]]:
        """Record one session: `present` are there, the other active participants absent.

        Only a session that happened can be recorded: a date of the group's published
        weekday within its term, not a public holiday, closed or cancelled (a moved session
        on its new date), not after `today` (Helsinki's date when not given). Recording a
        session again replaces it. Returns the sorted
        `present` and `absent`.
        """
        there = set(present)
        day = today or terms.local_today()

        def work(conn: sa.Connection) -> dict[str, list[str]]:
            season_id = season_of(conn, self.season_id)
            offering_id = self._offering(conn, season_id, group_id)
            if session_date not in self._held(conn, season_id, offering_id, group_id, day):
                raise StoreError(
                    f"{group_id} held no session on {session_date.isoformat()} "
                    "(not its weekday or term, a public holiday, closed, cancelled or moved, "
                    "or still to come)"
                )
            places = dict(
                conn.execute(
                    sa.select(EnrolmentRow.client_code, EnrolmentRow.status).where(
                        EnrolmentRow.offering_id == offering_id,
                        EnrolmentRow.status.in_(("active", "cancelled", "group_cancelled")),
                    )
                ).all()
            )
            strangers = sorted(there - set(places))
            if strangers:
                raise StoreError(f"not participants of {group_id}: {', '.join(strangers)}")
            absent = sorted(c for c, s in places.items() if s == "active" and c not in there)
            conn.execute(
                sa.delete(AttendanceRow).where(
                    AttendanceRow.offering_id == offering_id,
                    AttendanceRow.session_date == session_date,
                )
            )
            now = utcnow()
            rows = [(c, True) for c in sorted(there)] + [(c, False) for c in absent]
            if rows:
                conn.execute(
                    sa.insert(AttendanceRow),
                    [
                        {
                            "offering_id": offering_id,
                            "session_date": session_date,
                            "client_code": code,
                            "present": was_there,
                            "recorded_at": now,
                            "recorded_by": actor,
                        }
                        for code, was_there in rows
                    ],
                )
            add_event(
                conn,
                actor,
                "attendance.record",
                {
                    "group_id": group_id,
                    "session_date": session_date.isoformat(),
                    "present": len(there),
                    "absent": len(absent),
                },
            )
            return {"present": sorted(there), "absent": absent}

        return run_write(self.store, "record the attendance", work)

    def record_head_count(
        self,
        group_id: str,
        session_date: dt.date,
        visitors: int,
        actor: str,
        today: dt.date | None = None,
    ) -> int:
        """Record how many came to one held session of a drop-in pop-up group (l. 355, 366):
        a number instead of names. The session must have been held, as for
        `record_attendance`; recording it again replaces the number. Returns it."""
        if visitors < 0 or visitors > MAX_VISITORS:
            raise StoreError(f"a head count is 0-{MAX_VISITORS}, not {visitors}")
        day = today or terms.local_today()

        def work(conn: sa.Connection) -> int:
            season_id = season_of(conn, self.season_id)
            offering_id = self._offering(conn, season_id, group_id)
            where = (GroupRow.season_id == season_id, GroupRow.group_id == group_id)
            group = group_from(conn.execute(sa.select(GroupRow).where(*where)).one()._mapping)
            if not rules.is_drop_in(group):
                raise StoreError(f"{group_id} is not a drop-in group: record names instead")
            if session_date not in self._held(conn, season_id, offering_id, group_id, day):
                raise StoreError(
                    f"{group_id} held no session on {session_date.isoformat()} "
                    "(not its weekday or term, a public holiday, closed, cancelled or moved, "
                    "or still to come)"
                )
            conn.execute(
                sa.delete(HeadCountRow).where(
                    HeadCountRow.offering_id == offering_id,
                    HeadCountRow.session_date == session_date,
                )
            )
            conn.execute(
                sa.insert(HeadCountRow).values(
                    offering_id=offering_id,
                    session_date=session_date,
                    visitors=visitors,
                    recorded_at=utcnow(),
                    recorded_by=actor,
                )
            )
            add_event(
                conn,
                actor,
                "attendance.head_count",
                {
                    "group_id": group_id,
                    "session_date": session_date.isoformat(),
                    "visitors": visitors,
                },
            )
            return visitors

        return run_write(self.store, "record the head count", work)

    def head_counts(self, group_id: str) -> dict[dt.date, int]:
        """Recorded head counts of a drop-in group: session date -> visitors."""
        with reading(self.store, "read the head counts") as conn:
            season_id = season_of(conn, self.season_id)
            rows = conn.execute(
                sa.select(HeadCountRow.session_date, HeadCountRow.visitors)
                .join(OfferingRow, OfferingRow.id == HeadCountRow.offering_id)
                .where(OfferingRow.season_id == season_id, OfferingRow.group_id == group_id)
                .order_by(HeadCountRow.session_date)
            ).all()
        return {day: int(n) for day, n in rows}

    def attendance(self, group_id: str) -> dict[dt.date, dict[str, bool]]:
        """Recorded sessions of the group: date -> client_code -> present."""
        with reading(self.store, "read the attendance") as conn:
            season_id = season_of(conn, self.season_id)
            rows = conn.execute(
                sa.select(
                    AttendanceRow.session_date, AttendanceRow.client_code, AttendanceRow.present
                )
                .join(OfferingRow, OfferingRow.id == AttendanceRow.offering_id)
                .where(OfferingRow.season_id == season_id, OfferingRow.group_id == group_id)
                .order_by(AttendanceRow.session_date, AttendanceRow.client_code)
            ).all()
        sessions: dict[dt.date, dict[str, bool]] = {}
        for day, code, present in rows:
            sessions.setdefault(day, {})[code] = present
        return sessions

    def write_summary(self, group_id: str, client_code: str, text: str, actor: str) -> None:
        """Keep the leader's summary of the client's group period (replacing an earlier one).

        The text is for the counsellor's final evaluation (l. 379, l. 694): it is never
        written to the audit trail or to calendars.
        """
        if not text.strip():
            raise StoreError("the summary is empty")

        def work(conn: sa.Connection) -> None:
            season_id = season_of(conn, self.season_id)
            offering_id = self._offering(conn, season_id, group_id)
            took_part = conn.scalar(
                sa.select(sa.func.count()).where(
                    EnrolmentRow.offering_id == offering_id,
                    EnrolmentRow.client_code == client_code,
                    EnrolmentRow.status.in_(("active", "cancelled", "group_cancelled")),
                )
            )
            if not took_part:
                raise StoreError(f"{client_code} has not taken part in {group_id}")
            conn.execute(
                sa.delete(SummaryRow).where(
                    SummaryRow.offering_id == offering_id, SummaryRow.client_code == client_code
                )
            )
            conn.execute(
                sa.insert(SummaryRow).values(
                    offering_id=offering_id,
                    client_code=client_code,
                    text=text,
                    written_at=utcnow(),
                    written_by=actor,
                )
            )
            add_event(
                conn,
                actor,
                "summary.write",
                {"group_id": group_id, "client_code": client_code, "chars": len(text)},
            )

        run_write(self.store, "write the summary", work)

    def summary(self, group_id: str, client_code: str) -> str | None:
        with reading(self.store, "read the summary") as conn:
            season_id = season_of(conn, self.season_id)
            return conn.scalar(
                sa.select(SummaryRow.text)
                .join(OfferingRow, OfferingRow.id == SummaryRow.offering_id)
                .where(
                    OfferingRow.season_id == season_id,
                    OfferingRow.group_id == group_id,
                    SummaryRow.client_code == client_code,
                )
            )

    @staticmethod
    def _held(
        conn: sa.Connection, season_id: int, offering_id: int, group_id: str, today: dt.date
    ) -> list[dt.date]:
        """The dates the published group has met on, up to today: closures and cancelled
        sessions left out, a moved session on its new date (`planner.store.changes`)."""
        placed = conn.execute(
            sa.select(PlanGroupRow.weekday, PlanGroupRow.venue_id)
            .join(OfferingRow, OfferingRow.plan_id == PlanGroupRow.plan_id)
            .where(OfferingRow.id == offering_id, PlanGroupRow.group_id == group_id)
        ).first()
        where = (GroupRow.season_id == season_id, GroupRow.group_id == group_id)
        row = conn.execute(sa.select(GroupRow).where(*where)).one()
        if placed is None:
            return []
        return held_dates(
            group_from(row._mapping),
            placed.weekday,
            placed.venue_id,
            active_changes(conn, season_id),
            until=today,
        )

    @staticmethod
    def _offering(conn: sa.Connection, season_id: int, group_id: str) -> int:
        found = conn.scalar(
            sa.select(OfferingRow.id).where(
                OfferingRow.season_id == season_id, OfferingRow.group_id == group_id
            )
        )
        if found is None:
            raise StoreError(f"{group_id} is not in the published offering")
        return int(found)
