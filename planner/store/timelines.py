"""Clients' service timelines in the store (`service_timelines`, migration 0016).

    timelines = Timelines(store)
    timelines.record("C-00042", start=dt.date(2027, 1, 11), actor="anna")
    timelines.get("C-00042")            # a `planner.timeline.Timeline`, or None
    timelines.of(["C-00042", "C-00043"])  # code -> Timeline, for those with one

A timeline lives with the client's pseudonymous code, across seasons; it may be recorded
only for a code some season's clients table holds. The audit event (`client.timeline`)
names the code and what changed, never the dates. Purging a client deletes their timeline
(`planner.store.purge`); backups and restores carry the table with every other one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import sqlalchemy as sa

from planner.store.errors import StoreError
from planner.store.live import add_event, reading, run_write, utcnow
from planner.store.schema import (
    ClientRow,
    GroupRow,
    OfferingRow,
    PlanGroupRow,
    ServiceTimelineRow,
)
from planner.store.store import Store
from planner.terms import last_session_of
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
        row.client_code, row.start_date, row.decision_end, tuple(int(m) for m in row.held)
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
    found = conn.execute(
        sa.select(GroupRow.start_date, GroupRow.weeks, PlanGroupRow.weekday)
        .join(
            OfferingRow,
            sa.and_(
                OfferingRow.season_id == GroupRow.season_id,
                OfferingRow.group_id == GroupRow.group_id,
            ),
        )
        .join(
            PlanGroupRow,
            sa.and_(
                PlanGroupRow.plan_id == OfferingRow.plan_id,
                PlanGroupRow.group_id == GroupRow.group_id,
            ),
        )
        .where(GroupRow.season_id == season_id, GroupRow.group_id == group_id)
    ).first()
    if found is None:
        return ()
    return timeline.warnings_for(last_session_of(found.start_date, found.weeks, found.weekday))


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
                )
            except TimelineError as exc:
                raise TimelineRefused(exc) from exc
            changed = _changed(old, new)
            values = {
                "start_date": new.start,
                "decision_end": new.decision_end,
                "held": list(new.held),
                "updated_at": utcnow(),
                "updated_by": actor,
            }
            if old is None:
                row = {"client_code": client_code, **values}
                conn.execute(sa.insert(ServiceTimelineRow).values(**row))
            elif changed:
                conn.execute(
                    sa.update(ServiceTimelineRow)
                    .where(ServiceTimelineRow.client_code == client_code)
                    .values(**values)
                )
            if changed:
                add_event(
                    conn, actor, TIMELINE_RECORDED, {"client_code": client_code, "changed": changed}
                )
            return new

        return run_write(self.store, "record the service timeline", work)


def _changed(old: Timeline | None, new: Timeline) -> list[str]:
    """The fields that changed, by name (never their values: the audit trail keeps these)."""
    if old is None:
        return ["start", "decision_end", "held"]
    return [
        name
        for name, a, b in (
            ("start", old.start, new.start),
            ("decision_end", old.decision_end, new.decision_end),
            ("held", old.held, new.held),
        )
        if a != b
    ]
