"""Data protection: remove clients whose service ended long ago (`planner purge`).

The county's retention rule (`planner.rules.RETENTION_MONTHS`): planning data is kept as long
as social rehabilitation itself may last, 18 months (handbook l. 118; l. 596, cited here
before, is the six-month decision, not a retention period), after the client's last place
ended, or their service ended (`Timelines.end`), whichever is later. A client is purged when
they hold no place or waiting-list place in any group and both their last place and their
service's recorded end lie more than `months` ago (a client who never had a place is purged
on their service's end alone). Purging deletes their client rows (every
season), places, attendance, summaries, joint meetings, plan participations, service
timeline, the ended solve runs whose candidate plan names them and the cached work-car
runs that name them (`planner.store.route_cache`), and blanks their
code in the audit trail's details (the entries themselves stay, so the trail still says what
happened and when). Clients who never had a place and whose service has no recorded end are
planning data for the current season and are kept. Feedback from groups names no client, but
its free texts may name someone despite the form's note: the feedback rounds that closed and
the leaders' evaluations written more than `months` ago go in the same purge
(`planner.store.feedback`). One transaction; the purge itself is recorded with counts only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa

from planner import rules
from planner.store.audit import PURGED
from planner.store.feedback import purge_feedback
from planner.store.live import add_event, run_write, utcnow
from planner.store.route_cache import drop_routes_naming
from planner.store.schema import (
    ACTIVE_RUN_STATES,
    LIVE_STATUSES,
    AttendanceRow,
    AuditRedactionRow,
    ClientRow,
    EnrolmentRow,
    EventRow,
    MeetingRow,
    PlanParticipantRow,
    ServiceTimelineRow,
    SolveRunRow,
    SummaryRow,
)
from planner.store.store import Store
from planner.timeline import add_months

SERVICE_MONTHS = rules.RETENTION_MONTHS


@dataclass(frozen=True)
class PurgeReport:
    cutoff: dt.datetime
    clients: int
    rows: dict[str, int]
    dry_run: bool


def months_before(when: dt.datetime, months: int) -> dt.datetime:
    """The same day `months` calendar months earlier (the month's last day when shorter)."""
    return add_months(when, -months)


def purge_ended_clients(
    store: Store,
    months: int = SERVICE_MONTHS,
    actor: str = "cli",
    now: dt.datetime | None = None,
    dry_run: bool = False,
) -> PurgeReport:
    if months < 1:
        raise ValueError("months must be 1 or more")
    cutoff = months_before(now or utcnow(), months)

    def work(conn: sa.Connection) -> PurgeReport:
        places = conn.execute(
            sa.select(
                EnrolmentRow.client_code,
                sa.func.max(EnrolmentRow.ended_at).label("last_end"),
                sa.func.sum(sa.case((EnrolmentRow.status.in_(LIVE_STATUSES), 1), else_=0)).label(
                    "live"
                ),
                sa.func.sum(sa.case((EnrolmentRow.ended_at.is_(None), 1), else_=0)).label("open"),
            ).group_by(EnrolmentRow.client_code)
        ).all()
        last: dict[str, dt.datetime | None] = {
            p.client_code: None if p.live or p.open or p.last_end is None else _aware(p.last_end)
            for p in places
        }
        ends = conn.execute(
            sa.select(ServiceTimelineRow.client_code, ServiceTimelineRow.ended_on).where(
                ServiceTimelineRow.ended_on.is_not(None)
            )
        ).all()
        for code, ended_on in ends:
            day_after = dt.datetime.combine(ended_on + dt.timedelta(days=1), dt.time(), dt.UTC)
            if code not in last:
                last[code] = day_after
            elif last[code] is not None:
                last[code] = max(last[code], day_after)
        codes = sorted(code for code, when in last.items() if when is not None and when < cutoff)
        rows: dict[str, int] = {}
        if codes:
            for table in (
                AttendanceRow,
                SummaryRow,
                MeetingRow,
                EnrolmentRow,
                PlanParticipantRow,
                ServiceTimelineRow,
                ClientRow,
            ):
                where = table.client_code.in_(codes)
                rows[table.__tablename__] = conn.scalar(
                    sa.select(sa.func.count()).select_from(table).where(where)
                )
                if not dry_run:
                    conn.execute(sa.delete(table).where(where))
            rows["solve_runs"] = drop_runs_naming(conn, set(codes), dry_run)
            rows["route_cache"] = drop_routes_naming(conn, set(codes), dry_run)
            rows["events"] = redact_codes(conn, set(codes), dry_run)
        rows.update({k: n for k, n in purge_feedback(conn, cutoff.date(), dry_run).items() if n})
        if not dry_run:
            add_event(
                conn,
                actor,
                "client.purge",
                {
                    "months": months,
                    "cutoff": cutoff.isoformat(),
                    "clients": len(codes),
                    "rows": rows,
                },
            )
        return PurgeReport(cutoff, len(codes), rows, dry_run)

    return run_write(store, "purge ended clients", work)


def drop_runs_naming(conn: sa.Connection, codes: set[str], dry_run: bool) -> int:
    """Delete the ended solve runs whose plan or re-plan base names one of `codes` (a run's
    plan is a candidate; a saved one lives on as a plan, purged above)."""
    found = [
        run_id
        for run_id, plan, previous in conn.execute(
            sa.select(SolveRunRow.id, SolveRunRow.plan, SolveRunRow.previous).where(
                SolveRunRow.state.not_in(ACTIVE_RUN_STATES)
            )
        ).all()
        if any(_names(rows, codes) for rows in (plan, previous))
    ]
    if found and not dry_run:
        conn.execute(sa.delete(SolveRunRow).where(SolveRunRow.id.in_(found)))
    return len(found)


def _names(rows: dict | None, codes: set[str]) -> bool:
    return bool(rows) and any(
        r.get("client_code") in codes for r in rows.get("plan_participants", ())
    )


def redact_codes(conn: sa.Connection, codes: set[str], dry_run: bool) -> int:
    """Blank the codes in the audit trail: the one change the append-only trail allows, while
    this transaction holds the redaction row, and only of `client_code` and its salt for a
    client no longer stored (migration 0014). The chain hashes the code's salted digest,
    which stays, so the trail still verifies (`planner.store.audit`)."""
    where = EventRow.client_code.in_(sorted(codes))
    found = conn.scalar(sa.select(sa.func.count()).select_from(EventRow).where(where)) or 0
    if dry_run or not found:
        return found
    conn.execute(sa.insert(AuditRedactionRow).values(id=1))
    conn.execute(sa.update(EventRow).where(where).values(client_code=PURGED, code_salt=None))
    conn.execute(sa.delete(AuditRedactionRow))
    return found


def _aware(when: dt.datetime) -> dt.datetime:
    return when if when.tzinfo is not None else when.replace(tzinfo=dt.UTC)
