"""Clients' service timelines in the store (`service_timelines`, migration 0016).

    timelines = Timelines(store)
    timelines.record("C-00042", start=dt.date(2027, 1, 11), actor="anna")
    timelines.get("C-00042")            # a `planner.timeline.Timeline`, or None
    timelines.of(["C-00042", "C-00043"])  # code -> Timeline, for those with one
    timelines.end("C-00042", dt.date(2027, 5, 3), "moved_to_work", actor="anna")
    timelines.reopen("C-00042", actor="anna")  # the end was recorded by mistake

The service's end (l. 542-543) is recorded by the client's own worker, on its last day or
later: it ends every live place and wait of the client in every season with the same reason
and follow-up path (their seats go to the waiting lists), and from then on enrolment refuses
the client (`planner.store.seats.service_ended`).

A timeline lives with the client's pseudonymous code, across seasons; it may be recorded
only for a code some season's clients table holds. The audit event (`client.timeline`)
names the code and what changed, never the dates. Purging a client deletes their timeline
(`planner.store.purge`); backups and restores carry the table with every other one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace

import sqlalchemy as sa

from planner import terms
from planner.store.errors import StoreError
from planner.store.live import add_event, published_term, reading, run_write, utcnow
from planner.store.schema import (
    ClientRow,
    EnrolmentRow,
    ServiceTimelineRow,
)
from planner.store.seats import LIVE, cancel_place
from planner.store.store import Store
from planner.timeline import Timeline, TimelineError

TIMELINE_RECORDED = "client.timeline"
KEEP = object()
"""`Timelines.record`'s default for what is not given: it stays as stored."""


class TimelineRefused(StoreError):
    """The timeline cannot be recorded (an unknown client, a decision out of its bounds);
    `key` names its `timeline.refused.*` text, `text(lang)` says it."""

    def __init__(self, error: TimelineError) -> None:
        self.error = error
        self.key = error.key
        super().__init__(str(error))

    def text(self, lang: str) -> str:
        return self.error.text(lang)


def _timeline(row: sa.Row) -> Timeline:
    return Timeline(
        row.client_code,
        row.start_date,
        row.decision_end,
        tuple(int(m) for m in row.held),
        row.ended_on,
        row.end_reason or None,
        row.follow_up or None,
    )


def timelines_in(conn: sa.Connection, codes: Iterable[str]) -> dict[str, Timeline]:
    """The timelines of `codes` that have one, in the caller's connection."""
    wanted = sorted(set(codes))
    if not wanted:
        return {}
    rows = conn.execute(
        sa.select(ServiceTimelineRow).where(ServiceTimelineRow.client_code.in_(wanted))
    ).all()
    return {row.client_code: _timeline(row) for row in rows}


def enrolment_warnings(
    conn: sa.Connection, season_id: int, group_id: str, client_code: str
) -> tuple[str, ...]:
    """Keys of `planner.timeline.WARNINGS` for the client taking a place in the published
    group: its last session falls after their decision's end or the 18-month maximum.
    None without a recorded timeline or for a group without a fixed term."""
    timeline = timelines_in(conn, [client_code]).get(client_code)
    if timeline is None:
        return ()
    found = published_term(conn, season_id, group_id)
    if found is None:
        return ()
    return timeline.warnings_for(found.last_session)


class Timelines:
    """Reading and recording clients' service timelines."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, client_code: str) -> Timeline | None:
        return self.of([client_code]).get(client_code)

    def of(self, codes: Iterable[str]) -> dict[str, Timeline]:
        with reading(self.store, "read the service timelines") as conn:
            return timelines_in(conn, codes)

    def record(
        self,
        client_code: str,
        *,
        start: dt.date | None = None,
        decision_end: dt.date | object | None = KEEP,
        held: Iterable[int] | object = KEEP,
        actor: str,
    ) -> Timeline:
        """Record or change a client's timeline; what is not given stays as stored (a new
        timeline needs `start`). `decision_end=None` goes back to six months from the start."""

        def work(conn: sa.Connection) -> Timeline:
            known = conn.scalar(
                sa.select(sa.func.count())
                .select_from(ClientRow)
                .where(ClientRow.client_code == client_code)
            )
            if not known:
                # The typed code is not repeated: it may be a name typed by mistake.
                raise TimelineRefused(TimelineError("unknown_client"))
            old = timelines_in(conn, [client_code]).get(client_code)
            if old is None and start is None:
                raise TimelineRefused(TimelineError("needs_start"))
            base = old or Timeline(client_code, start)  # type: ignore[arg-type]
            try:
                new = Timeline(
                    client_code,
                    start or base.start,
                    base.decision_end if decision_end is KEEP else decision_end,  # type: ignore[arg-type]
                    base.held if held is KEEP else tuple(held),  # type: ignore[arg-type]
                    base.ended_on,
                    base.end_reason,
                    base.follow_up,
                )
            except TimelineError as exc:
                raise TimelineRefused(exc) from exc
            changed = _changed(old, new)
            _store(conn, old, new, changed, actor)
            return new

        return run_write(self.store, "record the service timeline", work)

    def end(
        self,
        client_code: str,
        ended_on: dt.date,
        reason: str,
        follow_up: str | None = None,
        *,
        actor: str,
        today: dt.date | None = None,
    ) -> ServiceEnd:
        """Record the service's end: its last day (not after `today`, default Helsinki's
        today), the reason (`rules.ENDING_REASONS`) and the follow-up path (none: the one the
        reason implies). Every live place and wait of the client ends with them. Refused
        (`TimelineRefused`) for a client without a timeline; recording it again changes the
        recorded end, and ends nothing more."""
        today = today or terms.local_today()

        def work(conn: sa.Connection) -> ServiceEnd:
            old = timelines_in(conn, [client_code]).get(client_code)
            if old is None:
                raise TimelineRefused(TimelineError("needs_start"))
            if ended_on > today:
                raise TimelineRefused(TimelineError("end_in_future"))
            try:
                new = replace(old, ended_on=ended_on, end_reason=reason, follow_up=follow_up)
            except TimelineError as exc:
                raise TimelineRefused(exc) from exc
            changed = _changed(old, new)
            _store(conn, old, new, changed, actor)
            ended = _end_places(conn, client_code, new, actor)
            return ServiceEnd(new, tuple(ended))

        return run_write(self.store, "record the end of the service", work)

    def reopen(self, client_code: str, *, actor: str) -> Timeline:
        """Remove a recorded end (recorded by mistake): the service goes on. The places it
        ended stay ended (the worker enrols the client again where wanted)."""

        def work(conn: sa.Connection) -> Timeline:
            old = timelines_in(conn, [client_code]).get(client_code)
            if old is None:
                raise TimelineRefused(TimelineError("needs_start"))
            new = replace(old, ended_on=None, end_reason=None, follow_up=None)
            _store(conn, old, new, _changed(old, new), actor)
            return new

        return run_write(self.store, "reopen the service", work)


@dataclass(frozen=True)
class ServiceEnd:
    """What recording a service's end came to: the timeline, and the (season id, group id)
    of each place or wait it ended."""

    timeline: Timeline
    places_ended: tuple[tuple[int, str], ...]


def _store(
    conn: sa.Connection, old: Timeline | None, new: Timeline, changed: list[str], actor: str
) -> None:
    values = {
        "start_date": new.start,
        "decision_end": new.decision_end,
        "held": list(new.held),
        "ended_on": new.ended_on,
        "end_reason": new.end_reason,
        "follow_up": new.follow_up,
        "updated_at": utcnow(),
        "updated_by": actor,
    }
    if old is None:
        conn.execute(sa.insert(ServiceTimelineRow).values(client_code=new.client_code, **values))
    elif changed:
        conn.execute(
            sa.update(ServiceTimelineRow)
            .where(ServiceTimelineRow.client_code == new.client_code)
            .values(**values)
        )
    if changed:
        add_event(
            conn, actor, TIMELINE_RECORDED, {"client_code": new.client_code, "changed": changed}
        )


def _end_places(
    conn: sa.Connection, client_code: str, timeline: Timeline, actor: str
) -> list[tuple[int, str]]:
    """End the client's live places and waits in every season, the service's reason and
    follow-up path on each (`cancel_place`: freed seats go to the waiting lists)."""
    live = conn.execute(
        sa.select(EnrolmentRow.season_id, EnrolmentRow.group_id)
        .where(EnrolmentRow.client_code == client_code, LIVE)
        .order_by(EnrolmentRow.season_id, EnrolmentRow.group_id)
    ).all()
    ended = []
    for place in live:
        outcome = cancel_place(
            conn,
            place.season_id,
            place.group_id,
            client_code,
            actor,
            timeline.end_reason or "",
            timeline.follow_up or "",
            note="service ended",
        )
        if outcome.status in ("cancelled", "withdrawn"):
            ended.append((place.season_id, place.group_id))
    return ended


def _changed(old: Timeline | None, new: Timeline) -> list[str]:
    """The fields that changed, by name (never their values: the audit trail keeps these)."""
    fields = ("start", "decision_end", "held", "ended_on", "end_reason", "follow_up")
    if old is None:
        return [
            name
            for name in fields
            if name in ("start", "decision_end", "held") or getattr(new, name) is not None
        ]
    return [name for name in fields if getattr(old, name) != getattr(new, name)]
