"""Publishing: a saved plan becomes the live offering, in one transaction.

Re-publishing after a re-plan moves nothing silently: groups that still run keep their
enrolments and waiting lists (those waiting move first into any room the re-plan made),
groups no longer scheduled are cancelled with their places, and the plan's participants
without a place are enrolled unless they left that group before. `PublishReport` lists it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from planner import rules
from planner.store.errors import StoreError
from planner.store.live import add_event, season_of, utcnow
from planner.store.outcomes import PublishReport
from planner.store.plan_gate import ensure_valid
from planner.store.schema import (
    LIVE_STATUSES,
    EnrolmentRow,
    GroupRow,
    OfferingRow,
    PlanGroupRow,
    PlanParticipantRow,
    PlanRow,
    VenueRow,
)
from planner.store.seats import LIVE, admit, promote, seat_limit
from planner.store.snapshot import plan_at, season_at

PUBLISH_LOCK = 0x70756233  # PostgreSQL advisory lock key: one publisher at a time


def publish_plan(
    conn: sa.Connection, season_id: int | None, plan_id: int | None, actor: str
) -> PublishReport:
    """Publish the plan (see the module); the caller owns the transaction."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.select(sa.func.pg_advisory_xact_lock(PUBLISH_LOCK)))
    season_id, plan_id = _plan_to_publish(conn, season_id, plan_id)
    _ensure_publishable(conn, season_id, plan_id)
    capacity = _capacities(conn, season_id)
    max_sizes = dict(
        conn.execute(
            sa.select(GroupRow.group_id, GroupRow.max_size).where(GroupRow.season_id == season_id)
        ).all()
    )
    placements = conn.execute(
        sa.select(PlanGroupRow)
        .where(PlanGroupRow.plan_id == plan_id)
        .order_by(PlanGroupRow.position)
    ).all()
    existing = {
        o.group_id: o
        for o in conn.execute(
            sa.select(OfferingRow)
            .where(OfferingRow.season_id == season_id)
            .order_by(OfferingRow.id)
            .with_for_update()
        ).all()
    }
    now = utcnow()
    opened: list[str] = []
    kept: list[str] = []
    short: list[str] = []
    for p in placements:
        limit = seat_limit(max_sizes[p.group_id], capacity.get(p.venue_id))
        values = {
            "plan_id": plan_id,
            "leaders": list(p.leaders),
            "leader_count": len(p.leaders),
            "status": "open",
            "published_at": now,
        }
        old = existing.get(p.group_id)
        if old is None:
            conn.execute(
                sa.insert(OfferingRow).values(
                    season_id=season_id, group_id=p.group_id, max_size=limit, taken=0, **values
                )
            )
            opened.append(p.group_id)
        else:
            conn.execute(
                sa.update(OfferingRow)
                .where(OfferingRow.id == old.id)
                .values(max_size=max(limit, old.taken), **values)
            )
            if len(p.leaders) < rules.leaders_needed(old.taken):
                short.append(p.group_id)
            (kept if old.status == "open" else opened).append(p.group_id)
    running = {p.group_id for p in placements}
    cancelled, lost = _cancel_offerings(
        conn, [o for g, o in existing.items() if g not in running and o.status == "open"], actor
    )
    # Those already waiting go first: a re-plan may have given their group room.
    promoted = [
        (code, o.group_id)
        for o in existing.values()
        if o.group_id in running
        for code in promote(conn, o.id, actor)
    ]
    added, skipped = _add_plan_participants(conn, season_id, plan_id, actor)
    report = PublishReport(
        season_id=season_id,
        plan_id=plan_id,
        opened=tuple(opened),
        kept=tuple(kept),
        cancelled=tuple(cancelled),
        added=tuple(added),
        group_cancelled=tuple(lost),
        skipped=tuple(skipped),
        promoted=tuple(promoted),
        short_of_leaders=tuple(short),
    )
    add_event(
        conn,
        actor,
        "enrolment.publish",
        {
            "season_id": season_id,
            "plan_id": plan_id,
            "opened": report.opened,
            "kept": report.kept,
            "cancelled": report.cancelled,
            "added": len(added),
            "group_cancelled": [list(x) for x in lost],
            "skipped": [list(x) for x in skipped],
            "promoted": [list(x) for x in promoted],
            "short_of_leaders": short,
        },
    )
    return report


def _ensure_publishable(conn: sa.Connection, season_id: int, plan_id: int) -> None:
    """The validator's word on the plan against its season, checked again at the moment it
    goes live: a plan stored before the gate existed, or by hand, never reaches the offering."""
    season = season_at(conn, season_id)
    if season is None:
        raise StoreError(f"no season with id {season_id}")
    params = conn.scalar(sa.select(PlanRow.params).where(PlanRow.id == plan_id))
    ensure_valid(season, plan_at(conn, plan_id), "publish the plan", params)


def _plan_to_publish(
    conn: sa.Connection, season_id: int | None, plan_id: int | None
) -> tuple[int, int]:
    """The season and plan to publish: by default the season's (or current season's)
    current plan; a plan id given must belong to the season when one is given."""
    if plan_id is None:
        season_id = season_of(conn, season_id)
        plan_id = conn.scalar(
            sa.select(PlanRow.id).where(PlanRow.season_id == season_id, PlanRow.is_current)
        )
        if plan_id is None:
            raise StoreError("no plan to publish: solve and save a plan first")
        return season_id, plan_id
    owner = conn.scalar(sa.select(PlanRow.season_id).where(PlanRow.id == plan_id))
    if owner is None:
        raise StoreError(f"no plan with id {plan_id}")
    if season_id is not None and owner != season_id:
        raise StoreError(f"plan {plan_id} belongs to season {owner}, not {season_id}")
    return owner, plan_id


def _capacities(conn: sa.Connection, season_id: int) -> dict[str | None, int]:
    rows = conn.execute(
        sa.select(VenueRow.venue_id, VenueRow.capacity).where(VenueRow.season_id == season_id)
    ).all()
    return {venue_id: capacity for venue_id, capacity in rows}


def _cancel_offerings(
    conn: sa.Connection, offerings: Sequence[Any], actor: str
) -> tuple[list[str], list[tuple[str, str]]]:
    groups: list[str] = []
    lost: list[tuple[str, str]] = []
    for o in offerings:
        codes = conn.scalars(
            sa.select(EnrolmentRow.client_code)
            .where(EnrolmentRow.offering_id == o.id, LIVE)
            .order_by(EnrolmentRow.id)
        ).all()
        conn.execute(
            sa.update(EnrolmentRow)
            .where(EnrolmentRow.offering_id == o.id, LIVE)
            .values(status="group_cancelled", ended_at=utcnow(), ended_by=actor)
        )
        conn.execute(
            sa.update(OfferingRow).where(OfferingRow.id == o.id).values(status="cancelled", taken=0)
        )
        groups.append(o.group_id)
        lost.extend((code, o.group_id) for code in codes)
    return groups, lost


def _add_plan_participants(
    conn: sa.Connection, season_id: int, plan_id: int, actor: str
) -> tuple[list[tuple[str, str]], list[tuple[str, str, str]]]:
    known = {
        (code, group): status
        for code, group, status in conn.execute(
            sa.select(EnrolmentRow.client_code, EnrolmentRow.group_id, EnrolmentRow.status)
            .where(EnrolmentRow.season_id == season_id)
            .order_by(EnrolmentRow.id)
        ).all()
        if status != "group_cancelled"
    }
    wanted = conn.execute(
        sa.select(PlanParticipantRow.client_code, PlanParticipantRow.group_id)
        .where(PlanParticipantRow.plan_id == plan_id)
        .order_by(PlanParticipantRow.position)
    ).all()
    added: list[tuple[str, str]] = []
    skipped: list[tuple[str, str, str]] = []
    for code, group in wanted:
        status = known.get((code, group))
        if status in LIVE_STATUSES:
            continue
        if status is not None:  # the client cancelled or withdrew: respect that
            skipped.append((code, group, "cancelled_before"))
            continue
        outcome = admit(conn, season_id, group, code, actor, wait_if_full=False)
        if outcome.status == "enrolled":
            added.append((code, group))
        else:
            skipped.append((code, group, outcome.reason))
    return added, skipped
