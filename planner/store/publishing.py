"""Publishing: a saved plan becomes the live offering, in one transaction.

Publishing is the one moment the offering changes; saving a plan changes nothing anyone
enrolling or subscribing sees. Re-publishing after a re-plan moves nothing silently: groups
that still run keep their enrolments and waiting lists (those waiting move first into any
room the re-plan made), groups no longer scheduled are cancelled with their places, and the
plan's participants without a place are enrolled unless they left that group before.
`PublishReport` lists it; `publish_preview` (planner.store.publish_diff) shows it before.

No enrolled client is left in a session they cannot attend: when the plan moves a group so
that one of its clients could no longer come (their days, language, travel, accessibility,
remote consent, another group of theirs at the same hour), publishing is refused
(`StrandedClients`) unless the caller resolves each such case: `move` to another group of
the new plan (the new seat is taken before the old one is freed), `keep` the place with the
coordinator's flag on the enrolment (`coordinator_flag`, the rule that breaks), or `end` it
with a reason (the waiting list then moves up as usual). A waiting-list entry whose client
could no longer attend is dropped from the list (status "dropped", an audit event). A
resolution that cannot be carried out (`ResolutionRefused`: a move into a full group) undoes
the whole publish.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from planner import rules
from planner.store.attendance import attendance, clashing_group
from planner.store.bookings import cancel_meetings_of_place
from planner.store.errors import StoreError
from planner.store.live import add_event, season_of, utcnow
from planner.store.outcomes import FOLLOW_UP_OF_REASON, PublishReport
from planner.store.plan_gate import ensure_solved, ensure_valid
from planner.store.publish_diff import (
    Affected,
    Case,
    PublishPreview,
    ResolutionRefused,
    Resolutions,
    StrandedClients,
    publish_preview,
)
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
from planner.store.seats import LIVE, admit, end_place, promote, seat_limit
from planner.store.snapshot import plan_at, season_at

PUBLISH_LOCK = 0x70756233  # PostgreSQL advisory lock key: one publisher at a time


def preview_plan(conn: sa.Connection, season_id: int | None, plan_id: int | None) -> PublishPreview:
    """The diff publishing the plan (default: as `publish_plan` picks it) would make."""
    season_id, plan_id = _plan_to_publish(conn, season_id, plan_id)
    return publish_preview(conn, season_id, plan_id)


def publish_plan(
    conn: sa.Connection,
    season_id: int | None,
    plan_id: int | None,
    actor: str,
    resolutions: Resolutions | None = None,
) -> PublishReport:
    """Publish the plan (see the module); the caller owns the transaction and rolls it back
    on an error (`StrandedClients`, `ResolutionRefused`, `PlanRejected`)."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.select(sa.func.pg_advisory_xact_lock(PUBLISH_LOCK)))
    season_id, plan_id = _plan_to_publish(conn, season_id, plan_id)
    _ensure_publishable(conn, season_id, plan_id)
    resolutions = dict(resolutions or {})
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
    preview = publish_preview(conn, season_id, plan_id)
    _check_resolutions(preview, resolutions)
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
    dropped = _drop_waiting(conn, preview, actor)
    _update_modes(conn, preview)
    moved, flagged, ended = _resolve(conn, season_id, preview, resolutions, actor)
    # Those already waiting go first: a re-plan may have given their group room.
    promoted = [
        (code, o.group_id)
        for o in existing.values()
        if o.group_id in running
        for code in promote(conn, o.id, actor)
    ]
    added, skipped = _add_plan_participants(conn, season_id, plan_id, actor)
    _ensure_nobody_stranded(conn, season_id, preview, resolutions)
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
        moved_groups=tuple(c.group_id for c in preview.moved),
        leaders_changed=tuple(c.group_id for c in preview.leaders_changed),
        moved_clients=tuple(moved),
        kept_flagged=tuple(flagged),
        ended=tuple(ended),
        waiting_dropped=tuple(dropped),
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
            "moved_groups": report.moved_groups,
            "leaders_changed": report.leaders_changed,
            "moved_clients": [list(x) for x in moved],
            "kept_flagged": [list(x) for x in flagged],
            "ended": [list(x) for x in ended],
            "waiting_dropped": [list(x) for x in dropped],
        },
    )
    return report


# --- the clients a publish affects ---


def _check_resolutions(preview: PublishPreview, resolutions: Resolutions) -> None:
    """Every resolution names an enrolled client of a group the plan changes."""
    open_cases = {a.case: a for a in preview.affected if a.status == "active"}
    for (code, gid), how in sorted(resolutions.items()):
        place = open_cases.get((code, gid))
        if place is None or place.change == "cancelled":
            raise ResolutionRefused(
                Case(code, gid, "not_affected", "no place the plan changes", how.target),
                f"{code} has no place in {gid} that the plan moves or changes "
                f"(a resolution was given: {how.action})",
            )


def _drop_waiting(conn: sa.Connection, preview: PublishPreview, actor: str) -> list[tuple]:
    """Take off the waiting lists those who could not attend their group's new session."""
    dropped = []
    for a in preview.waiting_dropped:
        conn.execute(
            sa.update(EnrolmentRow)
            .where(_place(preview.season_id, a.client_code, a.group_id, "waiting"))
            .values(status="dropped", ended_at=utcnow(), ended_by=actor, end_note=a.rule)
        )
        add_event(
            conn,
            actor,
            "enrolment.drop_waiting",
            {
                "season_id": preview.season_id,
                "group_id": a.group_id,
                "client_code": a.client_code,
                "rule": a.rule,
                "plan_id": preview.plan_id,
            },
        )
        dropped.append((a.client_code, a.group_id, a.rule))
    return dropped


def _update_modes(conn: sa.Connection, preview: PublishPreview) -> None:
    """A moved group may be joined otherwise (a hybrid group's new venue out of reach)."""
    for a in preview.affected:
        if a.status == "active" and a.can_attend and a.mode:
            conn.execute(
                sa.update(EnrolmentRow)
                .where(_place(preview.season_id, a.client_code, a.group_id, "active"))
                .values(mode=a.mode)
            )


def _resolve(
    conn: sa.Connection,
    season_id: int,
    preview: PublishPreview,
    resolutions: Resolutions,
    actor: str,
) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """Carry out the coordinator's resolutions, in client and group order."""
    cases = {a.case: a for a in preview.affected if a.status == "active"}
    moved: list[tuple[str, str, str]] = []
    flagged: list[tuple[str, str, str]] = []
    ended: list[tuple[str, str, str]] = []
    for (code, gid), how in sorted(resolutions.items()):
        place = cases[code, gid]
        row = conn.execute(
            sa.select(EnrolmentRow).where(_place(season_id, code, gid, "active"))
        ).first()
        if row is None:  # an earlier move of this publish took the place (never: one per case)
            continue
        if how.action == "keep":
            if place.stranded:
                conn.execute(
                    sa.update(EnrolmentRow)
                    .where(EnrolmentRow.id == row.id)
                    .values(coordinator_flag=place.rule)
                )
                flagged.append((code, gid, place.rule))
            _event(conn, actor, "enrolment.keep", season_id, place, plan=preview.plan_id)
        elif how.action == "move":
            outcome = admit(
                conn,
                season_id,
                how.target,
                code,
                actor,
                counsellor=row.counsellor,
                wait_if_full=False,
                leaving=gid,
            )
            if outcome.status != "enrolled":
                raise ResolutionRefused(
                    Case(code, gid, outcome.reason, outcome.message, how.target),
                    f"cannot move {code} from {gid} to {how.target}: {outcome.message}",
                )
            end_place(conn, row, "moved", actor, note=f"moved to {how.target}")
            _event(conn, actor, "enrolment.move", season_id, place, to=how.target)
            moved.append((code, gid, how.target))
        else:
            end_place(
                conn,
                row,
                "cancelled",
                actor,
                reason=how.reason,
                follow_up=FOLLOW_UP_OF_REASON.get(how.reason, ""),
                note=how.note or place.rule,
            )
            _event(conn, actor, "enrolment.cancel", season_id, place, reason=how.reason)
            ended.append((code, gid, how.reason))
    return moved, flagged, ended


def _event(
    conn: sa.Connection, actor: str, action: str, season_id: int, place: Affected, **more: Any
) -> None:
    add_event(
        conn,
        actor,
        action,
        {
            "season_id": season_id,
            "group_id": place.group_id,
            "client_code": place.client_code,
            "rule": place.rule,
            "at_publish": True,
            **more,
        },
    )


def _ensure_nobody_stranded(
    conn: sa.Connection, season_id: int, preview: PublishPreview, resolutions: Resolutions
) -> None:
    """After the resolutions, every enrolled client of a changed group can attend it or
    carries the coordinator's flag; else `StrandedClients` undoes the publish. Asked of the
    live offering as it now stands (a clash ended by another resolution is no clash)."""
    cases: list[Case] = []
    for a in preview.affected:
        if a.status != "active" or a.change == "cancelled" or a.case in resolutions:
            continue
        offering = conn.execute(
            sa.select(OfferingRow).where(
                OfferingRow.season_id == season_id, OfferingRow.group_id == a.group_id
            )
        ).first()
        flag = conn.scalar(
            sa.select(EnrolmentRow.coordinator_flag).where(
                _place(season_id, a.client_code, a.group_id, "active")
            )
        )
        if offering is None or flag:
            continue
        problem, _ = attendance(conn, season_id, offering, a.client_code)
        if problem is None:
            clash = clashing_group(conn, season_id, offering, a.client_code)
            if clash is not None:
                why = f"it meets at the same time as {clash[0]} ({clash[1]})"
                problem = ("client_overlap", why)
        if problem is not None:
            cases.append(Case(a.client_code, a.group_id, problem[0], problem[1]))
    if cases:
        raise StrandedClients(cases)


def _place(season_id: int, code: str, gid: str, status: str) -> Any:
    return sa.and_(
        EnrolmentRow.season_id == season_id,
        EnrolmentRow.client_code == code,
        EnrolmentRow.group_id == gid,
        EnrolmentRow.status == status,
    )


def _ensure_publishable(conn: sa.Connection, season_id: int, plan_id: int) -> None:
    """The validator's word on the plan against its season, checked again at the moment it
    goes live: a plan stored before the gate existed, or by hand, never reaches the offering."""
    season = season_at(conn, season_id)
    if season is None:
        raise StoreError(f"no season with id {season_id}")
    params, status = conn.execute(
        sa.select(PlanRow.params, PlanRow.status).where(PlanRow.id == plan_id)
    ).one()
    ensure_solved({"status": status}, "publish the plan")
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
        for code in codes:
            cancel_meetings_of_place(conn, o.id, code, actor)
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
    drop_in = set(
        conn.scalars(
            sa.select(GroupRow.group_id).where(
                GroupRow.season_id == season_id,
                GroupRow.drop_in,
                GroupRow.kind.in_(rules.DROP_IN_KINDS),
            )
        ).all()
    )
    added: list[tuple[str, str]] = []
    skipped: list[tuple[str, str, str]] = []
    for code, group in wanted:
        if group in drop_in:  # nobody enrols in a drop-in group (l. 355); the gate refuses such
            skipped.append((code, group, "drop_in"))  # a plan, so this only guards the store
            continue
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
