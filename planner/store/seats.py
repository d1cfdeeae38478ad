"""The seat rule, kept by the database, and the waiting list that follows from it.

A seat is taken only by `take_seat`: one `UPDATE offerings SET taken = taken + 1 WHERE id
= :id AND taken < max_size [AND the leader rule]` whose rowcount says whether it did, in
the transaction that inserts the enrolment. The offering row is locked first, then the
client's row (`lock_offering`, `admit`, `promote` keep that order), so concurrent requests
for one group or one client queue up; the conditional update and the CHECK on the table are
what make an overbooked group impossible even so.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from planner import rules
from planner.store.attendance import attendance, clashing_group
from planner.store.bookings import cancel_meetings_of_place
from planner.store.live import add_event, utcnow
from planner.store.outcomes import EnrolOutcome, Outcome, refused
from planner.store.schema import (
    LIVE_STATUSES,
    ClientRow,
    EnrolmentRow,
    OfferingRow,
    ServiceTimelineRow,
)

LIVE = EnrolmentRow.status.in_(LIVE_STATUSES)


def seat_limit(max_size: int, capacity: int | None) -> int:
    """Participants that fit: the group's size, and in a room also its leaders (l. 363-364)."""
    if capacity is None:
        return max_size
    n = max_size
    while n > 0 and n + rules.leaders_needed(n) > capacity:
        n -= 1
    return n


def lock_offering(conn: sa.Connection, season_id: int, group_id: str) -> Any:
    """The group's offering row, locked for this transaction; None when not published."""
    return conn.execute(
        sa.select(OfferingRow)
        .where(OfferingRow.season_id == season_id, OfferingRow.group_id == group_id)
        .with_for_update()
    ).first()


def service_ended(conn: sa.Connection, client_code: str) -> bool:
    """The client's service has a recorded end (`planner.store.Timelines.end`): no new place
    or wait may be taken, by enrolment, a move or a publish."""
    ended = conn.scalar(
        sa.select(ServiceTimelineRow.ended_on).where(ServiceTimelineRow.client_code == client_code)
    )
    return ended is not None


def admit(
    conn: sa.Connection,
    season_id: int,
    group_id: str,
    client_code: str,
    actor: str,
    counsellor: str | None = None,
    allow_flagged: bool = False,
    wait_if_full: bool = True,
    leaving: str | None = None,
) -> EnrolOutcome:
    """Enrol a client in the caller's transaction, by the rules `Enrolments.enrol` states;
    a full group puts the client on its waiting list unless `wait_if_full` is false.
    `leaving` is a group of theirs the caller ends right after (a move): it counts neither
    towards `max_groups` nor as a clash."""
    offering = lock_offering(conn, season_id, group_id)
    if offering is None:
        return refused("unknown_group", group_id, client_code)
    if offering.status != "open":
        return refused("group_cancelled", group_id, client_code)
    client = conn.execute(
        sa.select(ClientRow.max_groups, ClientRow.counsellor)
        .where(ClientRow.season_id == season_id, ClientRow.client_code == client_code)
        .with_for_update()
    ).first()
    if client is None:
        return refused("unknown_client", group_id, client_code)
    if service_ended(conn, client_code):
        return refused("service_ended", group_id, client_code)
    places = {
        group: (place_id, status)
        for place_id, group, status in conn.execute(
            sa.select(EnrolmentRow.id, EnrolmentRow.group_id, EnrolmentRow.status).where(
                EnrolmentRow.season_id == season_id,
                EnrolmentRow.client_code == client_code,
                LIVE,
            )
        ).all()
    }
    place_id, status = places.get(group_id, (None, None))
    if status == "active":
        return refused("already_enrolled", group_id, client_code)
    active = sum(s == "active" for g, (_, s) in places.items() if g != leaving)
    if active >= client.max_groups:
        return refused(
            "already_in_group",
            group_id,
            client_code,
            active=active,
            max_groups=client.max_groups,
        )
    clash = clashing_group(conn, season_id, offering, client_code, leaving=leaving)
    if clash is not None:
        other, when = clash
        return refused(
            "client_overlap",
            group_id,
            client_code,
            why=f"it meets at the same time as {other} ({when}), where the client is enrolled",
            other=other,
        )
    problem, mode = attendance(conn, season_id, offering, client_code)
    if problem is not None:
        rule, why = problem
        return refused(rule, group_id, client_code, why=why)
    leaders_ok = rules.leaders_needed(offering.taken + 1) <= offering.leader_count
    flag = "" if leaders_ok else "needs_second_leader"
    if status == "waiting":
        # Waiting, and now free to join (a seat is free, or the client left another
        # group since): take the seat rather than keep waiting.
        if take_seat(conn, offering.id, allow_flagged):
            conn.execute(
                sa.update(EnrolmentRow)
                .where(EnrolmentRow.id == place_id)
                .values(status="active", flag=flag or "promoted")
            )
            return EnrolOutcome("enrolled", group_id, client_code, flag=flag or "promoted")
        return refused("already_waiting", group_id, client_code)
    row = {
        "season_id": season_id,
        "offering_id": offering.id,
        "group_id": group_id,
        "client_code": client_code,
        "counsellor": counsellor or client.counsellor,
        "created_at": utcnow(),
        "created_by": actor,
        "mode": mode,
    }
    if take_seat(conn, offering.id, allow_flagged):
        conn.execute(sa.insert(EnrolmentRow).values(status="active", flag=flag, **row))
        return EnrolOutcome("enrolled", group_id, client_code, flag=flag)
    if offering.taken < offering.max_size:
        return refused("needs_second_leader", group_id, client_code, size=offering.taken + 1)
    if not wait_if_full:
        return refused("full", group_id, client_code)
    inserted = conn.execute(sa.insert(EnrolmentRow).values(status="waiting", **row))
    position = conn.scalar(
        sa.select(sa.func.count()).where(
            EnrolmentRow.offering_id == offering.id,
            EnrolmentRow.status == "waiting",
            EnrolmentRow.id <= inserted.inserted_primary_key[0],
        )
    )
    return EnrolOutcome("waiting", group_id, client_code, position=position)


def take_seat(conn: sa.Connection, offering_id: int, allow_flagged: bool = False) -> bool:
    """The seat rule itself: one atomic conditional update, true when a seat was taken."""
    where = [
        OfferingRow.id == offering_id,
        OfferingRow.status == "open",
        OfferingRow.taken < OfferingRow.max_size,
    ]
    if not allow_flagged:
        where.append(
            sa.or_(
                OfferingRow.leader_count >= rules.LEADERS_IN_GROUP,
                OfferingRow.taken + 1 < rules.SMALL_GROUP_BELOW,
            )
        )
    taken = conn.execute(
        sa.update(OfferingRow).where(*where).values(taken=OfferingRow.taken + 1)
    ).rowcount
    return taken == 1


def end_place(
    conn: sa.Connection,
    place: Any,
    status: str,
    actor: str,
    reason: str = "",
    follow_up: str = "",
    note: str = "",
) -> None:
    """End a live place (`place` has the row's `id`, `offering_id` and `status`): an active
    one frees its seat, a waiting one leaves the list, and the place's booked joint meetings
    are cancelled. The caller moves the waiting list up (`promote`) once it has ended every
    place it ends."""
    conn.execute(
        sa.update(EnrolmentRow)
        .where(EnrolmentRow.id == place.id)
        .values(
            status=status,
            ended_at=utcnow(),
            ended_by=actor,
            end_reason=reason,
            follow_up=follow_up,
            end_note=note,
        )
    )
    if place.status == "active":
        conn.execute(
            sa.update(OfferingRow)
            .where(OfferingRow.id == place.offering_id)
            .values(taken=OfferingRow.taken - 1)
        )
        code = conn.scalar(sa.select(EnrolmentRow.client_code).where(EnrolmentRow.id == place.id))
        cancel_meetings_of_place(conn, place.offering_id, code, actor)


def promote(conn: sa.Connection, offering_id: int, actor: str) -> list[str]:
    """Fill free seats from the waiting list, in order, skipping clients now in too many
    groups or in a group meeting at the same time; stops at the first seat the seat or leader
    rule will not give."""
    promoted: list[str] = []
    offering = conn.execute(sa.select(OfferingRow).where(OfferingRow.id == offering_id)).first()
    waiting = conn.execute(
        sa.select(
            EnrolmentRow.id, EnrolmentRow.season_id, EnrolmentRow.client_code, EnrolmentRow.group_id
        )
        .where(EnrolmentRow.offering_id == offering_id, EnrolmentRow.status == "waiting")
        .order_by(EnrolmentRow.id)
    ).all()
    for w in waiting:
        max_groups = conn.scalar(
            sa.select(ClientRow.max_groups)
            .where(ClientRow.season_id == w.season_id, ClientRow.client_code == w.client_code)
            .with_for_update()
        )
        active = conn.scalar(
            sa.select(sa.func.count()).where(
                EnrolmentRow.season_id == w.season_id,
                EnrolmentRow.client_code == w.client_code,
                EnrolmentRow.status == "active",
            )
        )
        if max_groups is not None and active >= max_groups:
            continue
        if offering is not None and clashing_group(conn, w.season_id, offering, w.client_code):
            continue
        if not take_seat(conn, offering_id):
            break
        conn.execute(
            sa.update(EnrolmentRow)
            .where(EnrolmentRow.id == w.id)
            .values(status="active", flag="promoted")
        )
        add_event(
            conn,
            actor,
            "enrolment.promote",
            {"season_id": w.season_id, "group_id": w.group_id, "client_code": w.client_code},
        )
        promoted.append(w.client_code)
    return promoted


def cancel_place(
    conn: sa.Connection,
    season_id: int,
    group_id: str,
    client_code: str,
    actor: str,
    reason: str = "",
    follow_up: str = "",
    note: str = "",
) -> Outcome:
    """End a client's place (or wait) in a group in the caller's transaction, by the rules
    `Enrolments.cancel` states (its arguments checked there): an active place is
    "cancelled" and its seat goes to the waiting list (`promote`), a waiting one
    "withdrawn"; an "enrolment.cancel" event records it."""
    offering = lock_offering(conn, season_id, group_id)
    if offering is None:
        return refused("unknown_group", group_id, client_code)
    place = conn.execute(
        sa.select(EnrolmentRow.id, EnrolmentRow.offering_id, EnrolmentRow.status).where(
            EnrolmentRow.offering_id == offering.id,
            EnrolmentRow.client_code == client_code,
            LIVE,
        )
    ).first()
    if place is None:
        return refused("not_enrolled", group_id, client_code)
    status = "cancelled" if place.status == "active" else "withdrawn"
    end_place(conn, place, status, actor, reason, follow_up, note)
    promoted = promote(conn, offering.id, actor) if place.status == "active" else []
    add_event(
        conn,
        actor,
        "enrolment.cancel",
        {
            "season_id": season_id,
            "group_id": group_id,
            "client_code": client_code,
            "status": status,
            "reason": reason,
            "follow_up": follow_up,
            "promoted": promoted,
        },
    )
    return Outcome(status, group_id, client_code, promoted=tuple(promoted))
