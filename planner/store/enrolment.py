"""The live offering: publish a plan, enrol clients, keep waiting lists.

    from planner.store import Enrolments, Store
    live = Enrolments(Store.open())
    live.publish(actor="coordinator")           # the current plan becomes enrollable
    live.enrol("G-001", "P-01", actor="anna")  # enrolled | waiting | refused
    live.cancel("G-001", "P-01", actor="anna", reason="moved_to_work")

Seats are never overbooked, however many workers or processes enrol at once: the database
enforces it (see `planner.store.seats`): a conditional `UPDATE ... SET taken = taken + 1
WHERE taken < max_size` in the transaction that inserts the enrolment, a CHECK on `taken`,
and a partial unique index for one live place (active or waiting) per client and group.
A PostgreSQL deadlock or serialization failure is retried (`planner.store.live`).

Waiting list: when a seat frees up, the first waiting client who may join is enrolled
automatically and flagged "promoted" (an event records it); the counsellor tells the client,
who can cancel as usual. Time-limited offers were left out on purpose: groups meet weekly,
nobody watches offer expiry in between, and an unanswered offer keeps a seat empty.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import sqlalchemy as sa

from planner import rules
from planner.model import Plan
from planner.store.live import add_event, ensure_live, reading, run_write, season_of
from planner.store.outcomes import (
    ENDING_REASONS,
    FOLLOW_UP_OF_REASON,
    FOLLOW_UP_PATHS,
    DropInSeats,
    EnrolOutcome,
    OfferingStatus,
    Outcome,
    PublishReport,
    Seats,
    Waiting,
    refused,
)
from planner.store.publish_diff import PublishPreview, Resolutions
from planner.store.publishing import preview_plan, publish_plan
from planner.store.schema import (
    AttendanceRow,
    EnrolmentRow,
    GroupRow,
    HeadCountRow,
    OfferingRow,
    PartnerRow,
    StaffRow,
    SummaryRow,
)
from planner.store.seats import LIVE, admit, cancel_place, end_place, lock_offering, promote
from planner.store.store import Store
from planner.store.timelines import enrolment_warnings

log = logging.getLogger("planner")


class Enrolments:
    """Enrolment in the published offering of a season (default: the live season)."""

    def __init__(self, store: Store, season_id: int | None = None) -> None:
        self.store = store
        self.season_id = season_id

    # --- publishing ---

    def preview(self, plan_id: int | None = None) -> PublishPreview:
        """What publishing the plan (default: the current plan) would change: groups opened,
        cancelled, moved and with other leaders, and every client affected, with whether
        they can still attend (`planner.store.publish_diff`). Changes nothing."""
        with reading(self.store, "compare the plan with the offering") as conn:
            return preview_plan(conn, self.season_id, plan_id)

    def publish(
        self,
        plan_id: int | None = None,
        actor: str = "cli",
        resolutions: Resolutions | None = None,
    ) -> PublishReport:
        """Make a plan (default: the live season's current plan) the live offering; a
        plan of a season that is not live is refused (switch seasons: `Store.publish_season`).

        Groups that still run keep their enrolments and waiting lists; groups no longer
        scheduled are cancelled with their places (listed in the report); the plan's
        participants who have no place yet are enrolled, unless they left the group before.
        Refused (`StrandedClients`, nothing written) while an enrolled client could not
        attend their group's new session, unless `resolutions` says for each (client, group)
        whether to move, keep (flagged) or end the place; a resolution that cannot be carried
        out (`ResolutionRefused`) undoes the whole publish.
        """

        def work(conn: sa.Connection) -> PublishReport:
            report = publish_plan(conn, self.season_id, plan_id, actor, resolutions)
            ensure_live(conn, report.season_id)  # a draft goes live by switching seasons
            return report

        report = run_write(self.store, "publish the plan", work)
        for client, group in report.group_cancelled:
            log.warning("%s lost the place in %s: the group no longer runs", client, group)
        for group in report.short_of_leaders:
            log.warning("%s has 5 or more participants but one planned leader", group)
        log.info(
            "published plan %d: %d groups open, %d cancelled, %d clients added",
            report.plan_id,
            len(report.opened) + len(report.kept),
            len(report.cancelled),
            len(report.added),
        )
        return report

    # --- enrolling and cancelling ---

    def enrol(
        self,
        group_id: str,
        client_code: str,
        actor: str,
        counsellor: str | None = None,
        allow_flagged: bool = False,
    ) -> EnrolOutcome:
        """Take a seat in the group, or a place on its waiting list when it is full.

        Refused for a drop-in pop-up group (nobody enrols: leaders keep a head count, l. 355),
        for a client whose service has ended (`planner.store.Timelines.end`),
        when the client is already there or in `max_groups` groups, or when the
        group would reach 5 participants with one leader (unless `allow_flagged`: then the
        enrolment is made and flagged "needs_second_leader"). A group running past the
        client's decision or the 18-month maximum (`planner.timeline`) is not refused: the
        outcome's `warnings` say so (the counsellor renews the decision, l. 596, 659).
        """

        def work(conn: sa.Connection) -> EnrolOutcome:
            season_id = season_of(conn, self.season_id)
            if _drop_in(conn, season_id, group_id):
                return refused("drop_in", group_id, client_code)
            outcome = admit(
                conn, season_id, group_id, client_code, actor, counsellor, allow_flagged
            )
            if outcome.ok:
                warnings = enrolment_warnings(conn, season_id, group_id, client_code)
                outcome = replace(outcome, warnings=warnings)
                add_event(
                    conn,
                    actor,
                    "enrolment.enrol",
                    {
                        "season_id": season_id,
                        "group_id": group_id,
                        "client_code": client_code,
                        "status": outcome.status,
                        "position": outcome.position,
                        "flag": outcome.flag,
                        **({"warnings": list(warnings)} if warnings else {}),
                    },
                )
            return outcome

        outcome = run_write(self.store, "enrol the client", work)
        log.info("enrol %s in %s: %s %s", client_code, group_id, outcome.status, outcome.reason)
        return outcome

    def cancel(
        self,
        group_id: str,
        client_code: str,
        actor: str,
        reason: str = "",
        follow_up: str = "",
        note: str = "",
    ) -> Outcome:
        """End a client's place (or wait) in a group; a freed seat goes to the waiting list.

        `reason` is one of ENDING_REASONS (or empty), `follow_up` one of FOLLOW_UP_PATHS
        (empty: derived from the reason where it says, e.g. moved_to_work -> work).
        """
        if reason and reason not in ENDING_REASONS:
            return refused("unknown_reason", group_id, client_code, reason=reason)
        if follow_up and follow_up not in FOLLOW_UP_PATHS:
            return refused("unknown_follow_up", group_id, client_code, follow_up=follow_up)
        follow_up = follow_up or FOLLOW_UP_OF_REASON.get(reason, "")

        def work(conn: sa.Connection) -> Outcome:
            season_id = season_of(conn, self.season_id)
            return cancel_place(
                conn, season_id, group_id, client_code, actor, reason, follow_up, note
            )

        outcome = run_write(self.store, "cancel the enrolment", work)
        log.info("cancel %s in %s: %s", client_code, group_id, outcome.status)
        return outcome

    def move(
        self,
        client_code: str,
        from_group: str,
        to_group: str,
        actor: str,
        note: str = "",
        allow_flagged: bool = False,
    ) -> EnrolOutcome:
        """Move a client from one group to another in one step: the new seat is taken
        first (by every rule of `enrol`, the old group counting neither towards `max_groups`
        nor as a clash), then the old place ends as "moved" and its seat goes to the old
        group's waiting list. Refused, and nothing changes, when the new group has no free
        seat (a full group offers its waiting list through `enrol`) or the client has no
        place in the old one. A waiting place can be moved as well (it leaves that list).
        """
        if from_group == to_group:
            return refused("same_group", to_group, client_code)

        def work(conn: sa.Connection) -> EnrolOutcome:
            season_id = season_of(conn, self.season_id)
            if _drop_in(conn, season_id, to_group):
                return refused("drop_in", to_group, client_code)
            # Both groups locked in id order, so two moves in opposite directions queue up.
            for gid in sorted((from_group, to_group)):
                if lock_offering(conn, season_id, gid) is None:
                    return refused("unknown_group", gid, client_code)
            place = conn.execute(
                sa.select(
                    EnrolmentRow.id,
                    EnrolmentRow.offering_id,
                    EnrolmentRow.status,
                    EnrolmentRow.counsellor,
                ).where(
                    EnrolmentRow.season_id == season_id,
                    EnrolmentRow.group_id == from_group,
                    EnrolmentRow.client_code == client_code,
                    LIVE,
                )
            ).first()
            if place is None:
                return refused("not_enrolled", from_group, client_code)
            leaving = from_group if place.status == "active" else None
            outcome = admit(
                conn,
                season_id,
                to_group,
                client_code,
                actor,
                counsellor=place.counsellor,
                allow_flagged=allow_flagged,
                wait_if_full=False,
                leaving=leaving,
            )
            if outcome.status != "enrolled":
                return outcome
            warnings = enrolment_warnings(conn, season_id, to_group, client_code)
            status = "moved" if place.status == "active" else "withdrawn"
            end_place(conn, place, status, actor, note=note or f"moved to {to_group}")
            promoted = promote(conn, place.offering_id, actor) if leaving else []
            add_event(
                conn,
                actor,
                "enrolment.move",
                {
                    "season_id": season_id,
                    "group_id": from_group,
                    "to": to_group,
                    "client_code": client_code,
                    "was": place.status,
                    "flag": outcome.flag,
                    "promoted": promoted,
                    **({"warnings": list(warnings)} if warnings else {}),
                },
            )
            return EnrolOutcome(
                "moved",
                to_group,
                client_code,
                flag=outcome.flag,
                promoted=tuple(promoted),
                other=from_group,
                warnings=warnings,
            )

        outcome = run_write(self.store, "move the client", work)
        log.info("move %s from %s to %s: %s", client_code, from_group, to_group, outcome.status)
        return outcome

    def set_leaders(
        self, group_id: str, leaders: Sequence[str], actor: str, allow_flagged: bool = False
    ) -> Outcome:
        """Change who leads a published group; a second leader lets a waiting list move."""
        team = tuple(dict.fromkeys(leaders))

        def work(conn: sa.Connection) -> Outcome:
            season_id = season_of(conn, self.season_id)
            offering = lock_offering(conn, season_id, group_id)
            if offering is None:
                return refused("unknown_group", group_id)
            people = _people(conn, season_id)
            unknown = [p for p in team if p not in people]
            if unknown:
                return refused("unknown_leader", group_id, leader=", ".join(unknown))
            if len(team) < rules.leaders_needed(offering.taken) and not allow_flagged:
                return refused("needs_second_leader", group_id, size=offering.taken)
            # The size part of the rule was settled above (allow_flagged may waive it).
            problem = rules.leader_team_problem(1, (people[p] for p in team))
            if problem:
                return refused("leader_team", group_id, problem=problem)
            conn.execute(
                sa.update(OfferingRow)
                .where(OfferingRow.id == offering.id)
                .values(leaders=list(team), leader_count=len(team))
            )
            promoted = promote(conn, offering.id, actor)
            add_event(
                conn,
                actor,
                "enrolment.leaders",
                {
                    "season_id": season_id,
                    "group_id": group_id,
                    "leaders": team,
                    "promoted": promoted,
                },
            )
            return Outcome("updated", group_id, promoted=tuple(promoted))

        return run_write(self.store, "change the leaders", work)

    # --- reading ---

    def remote_participants(self, group_id: str) -> list[str]:
        """The codes of the group's active participants who take part remotely, sorted."""
        return self._active(group_id, EnrolmentRow.mode == "remote")

    def participation(self) -> dict[str, tuple[int, int]]:
        """(on site, remote) counts of active participants per open group: how the live
        offering's groups are joined, as counts only (for the leaders' calendars)."""
        with reading(self.store, "count the participants") as conn:
            season_id = season_of(conn, self.season_id)
            rows = conn.execute(
                sa.select(EnrolmentRow.group_id, EnrolmentRow.mode, sa.func.count())
                .join(OfferingRow, OfferingRow.id == EnrolmentRow.offering_id)
                .where(
                    EnrolmentRow.season_id == season_id,
                    EnrolmentRow.status == "active",
                    OfferingRow.status == "open",
                )
                .group_by(EnrolmentRow.group_id, EnrolmentRow.mode)
            ).all()
        counts: dict[str, list[int]] = {}
        for group_id, mode, n in rows:
            counts.setdefault(group_id, [0, 0])[mode == "remote"] += n
        return {gid: (on_site, remote) for gid, (on_site, remote) in counts.items()}

    def participants(self, group_id: str) -> list[str]:
        """The codes of the group's active participants, sorted (for its leaders)."""
        return self._active(group_id)

    def live_plan(self) -> Plan | None:
        """The published plan with the clients enrolled now (on site or remote), not the
        participants of the day it was saved: what a re-plan keeps. None when nothing of the
        season is published."""
        offerings = [o for o in self.offerings() if o.status == "open"]
        plan_ids = {o.plan_id for o in offerings}
        if not plan_ids:
            return None
        published = self.store.load_plan(plan_id=max(plan_ids))
        if published is None:
            return None
        participants, remote = [], []
        for o in offerings:
            if o.group_id not in published.placement:
                continue
            away = set(self.remote_participants(o.group_id))
            for code in self.participants(o.group_id):
                participants.append((code, o.group_id))
                if code in away:
                    remote.append((code, o.group_id))
        return Plan(published.placements, tuple(sorted(participants)), remote=tuple(sorted(remote)))

    def _active(self, group_id: str, *where: Any) -> list[str]:
        with reading(self.store, "list the participants") as conn:
            season_id = season_of(conn, self.season_id)
            return list(
                conn.scalars(
                    sa.select(EnrolmentRow.client_code)
                    .where(
                        EnrolmentRow.season_id == season_id,
                        EnrolmentRow.group_id == group_id,
                        EnrolmentRow.status == "active",
                        *where,
                    )
                    .order_by(EnrolmentRow.client_code)
                )
            )

    def waiting_list(self, group_id: str) -> list[Waiting]:
        """The group's waiting list, first in line first."""
        with reading(self.store, "read the waiting list") as conn:
            season_id = season_of(conn, self.season_id)
            rows = conn.execute(
                sa.select(
                    EnrolmentRow.client_code, EnrolmentRow.created_at, EnrolmentRow.counsellor
                )
                .where(
                    EnrolmentRow.season_id == season_id,
                    EnrolmentRow.group_id == group_id,
                    EnrolmentRow.status == "waiting",
                )
                .order_by(EnrolmentRow.id)
            ).all()
        return [
            Waiting(i, r.client_code, r.created_at, r.counsellor) for i, r in enumerate(rows, 1)
        ]

    def offerings(self) -> list[OfferingStatus]:
        """Every published group of the season (open and cancelled), by group id."""
        with reading(self.store, "read the offering") as conn:
            season_id = season_of(conn, self.season_id)
            waiting = dict(
                conn.execute(
                    sa.select(EnrolmentRow.group_id, sa.func.count())
                    .where(EnrolmentRow.season_id == season_id, EnrolmentRow.status == "waiting")
                    .group_by(EnrolmentRow.group_id)
                ).all()
            )
            rows = conn.execute(
                sa.select(OfferingRow)
                .where(OfferingRow.season_id == season_id)
                .order_by(OfferingRow.group_id)
            ).all()
            drop_in = _drop_in_groups(conn, season_id)
            counts = _head_counts(conn, [o.id for o in rows if o.group_id in drop_in])
            return [
                OfferingStatus(
                    o.group_id,
                    o.plan_id,
                    o.status,
                    o.taken,
                    o.max_size,
                    waiting.get(o.group_id, 0),
                    tuple(o.leaders),
                    drop_in=o.group_id in drop_in,
                    expected=(
                        rules.visitors_expected(drop_in[o.group_id], counts.get(o.id, ()))
                        if o.group_id in drop_in
                        else 0
                    ),
                )
                for o in rows
            ]

    def seats(self) -> dict[str, Seats]:
        """`(taken, max_size, waiting)` per open group; `.free`, `.at_risk` and `.drop_in` too
        (a drop-in group's are `DropInSeats`, never at risk)."""
        return {
            o.group_id: (DropInSeats if o.drop_in else Seats)(o.taken, o.max_size, o.waiting)
            for o in self.offerings()
            if o.status == "open"
        }

    def client_history(self, client_code: str) -> list[dict[str, Any]]:
        """Every place the client has had, oldest first, in all seasons: group, status,
        times, who acted, reason and follow-up of an ending, attendance and the summary."""
        with reading(self.store, "read the client's history") as conn:
            rows = conn.execute(
                sa.select(EnrolmentRow.__table__, SummaryRow.text, SummaryRow.written_by)
                .outerjoin(
                    SummaryRow,
                    (SummaryRow.offering_id == EnrolmentRow.offering_id)
                    & (SummaryRow.client_code == EnrolmentRow.client_code),
                )
                .where(EnrolmentRow.client_code == client_code)
                .order_by(EnrolmentRow.created_at, EnrolmentRow.id)
            ).all()
            attended = {
                (offering_id, present): n
                for offering_id, present, n in conn.execute(
                    sa.select(AttendanceRow.offering_id, AttendanceRow.present, sa.func.count())
                    .where(AttendanceRow.client_code == client_code)
                    .group_by(AttendanceRow.offering_id, AttendanceRow.present)
                ).all()
            }
        history = []
        for e in rows:
            present = attended.get((e.offering_id, True), 0)
            history.append(
                {
                    "season_id": e.season_id,
                    "group_id": e.group_id,
                    "status": e.status,
                    "flag": e.flag,
                    "coordinator_flag": e.coordinator_flag,
                    "counsellor": e.counsellor,
                    "enrolled_at": e.created_at,
                    "enrolled_by": e.created_by,
                    "ended_at": e.ended_at,
                    "ended_by": e.ended_by,
                    "reason": e.end_reason,
                    "follow_up": e.follow_up,
                    "note": e.end_note,
                    "sessions_present": present,
                    "sessions_recorded": present + attended.get((e.offering_id, False), 0),
                    "summary": e.text,
                    "summary_by": e.written_by,
                }
            )
        return history


def _drop_in_groups(conn: sa.Connection, season_id: int) -> dict[str, int]:
    """The season's drop-in pop-up groups (l. 355, 366) with their maximum size."""
    rows = conn.execute(
        sa.select(GroupRow.group_id, GroupRow.max_size).where(
            GroupRow.season_id == season_id,
            GroupRow.drop_in,
            GroupRow.kind.in_(rules.DROP_IN_KINDS),
        )
    ).all()
    return {gid: int(size) for gid, size in rows}


def _head_counts(conn: sa.Connection, offering_ids: list[int]) -> dict[int, list[int]]:
    """Each offering's head counts, oldest session first (drop-in groups only)."""
    if not offering_ids:
        return {}
    out: dict[int, list[int]] = {}
    for offering_id, visitors in conn.execute(
        sa.select(HeadCountRow.offering_id, HeadCountRow.visitors)
        .where(HeadCountRow.offering_id.in_(offering_ids))
        .order_by(HeadCountRow.offering_id, HeadCountRow.session_date)
    ).all():
        out.setdefault(offering_id, []).append(int(visitors))
    return out


def _drop_in(conn: sa.Connection, season_id: int, group_id: str) -> bool:
    """Whether the season's group is a drop-in pop-up: nobody enrols in it (l. 355, 366)."""
    row = conn.execute(
        sa.select(GroupRow.kind, GroupRow.drop_in).where(
            GroupRow.season_id == season_id, GroupRow.group_id == group_id
        )
    ).first()
    return row is not None and bool(row.drop_in) and row.kind in rules.DROP_IN_KINDS


def _people(conn: sa.Connection, season_id: int) -> dict[str, tuple[bool, bool]]:
    """`(is_staff, qualified)` per person id, as rules.leader_team_problem wants them."""
    staff = conn.execute(
        sa.select(StaffRow.staff_id, StaffRow.qualified).where(StaffRow.season_id == season_id)
    ).all()
    partners = conn.execute(
        sa.select(PartnerRow.partner_id, PartnerRow.qualified).where(
            PartnerRow.season_id == season_id
        )
    ).all()
    people = {pid: (False, bool(q)) for pid, q in partners}
    people.update({sid: (True, bool(q)) for sid, q in staff})
    return people
