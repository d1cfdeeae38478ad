"""What publishing a plan would change in the live offering, before it does: the diff.

`publish_preview(conn, season_id, plan_id)` compares the plan with the live offering: groups
opened, cancelled, moved (weekday, hours or venue) and with other leaders, and every client
affected: each active place and waiting-list entry in a group that moves, changes leaders or
no longer runs, with whether the client can still attend it and, if not, the rule that breaks
(their days, language, audience, travel limit, accessibility, remote consent, or a clash with
another group of theirs). Clients are named by their pseudonymous code only.

Whether a client can attend is `planner.store.attendance`, the rule enrolment keeps, asked
about the group as the new plan places it (`Slot`); nothing here repeats a rule.

An enrolled client who could no longer attend is *stranded*: `publish_plan` refuses until
the coordinator gives a `Resolution` for each (move, keep with a flag, end). A waiting-list
entry that could no longer attend is dropped from the list when the plan is published (an
audit event records it); it needs no resolution.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

import sqlalchemy as sa

from planner import rules
from planner.model import WEEKDAYS, hhmm
from planner.store.attendance import Slot, attendance, clashing_group
from planner.store.errors import StoreError
from planner.store.outcomes import ENDING_REASONS
from planner.store.schema import (
    LIVE_STATUSES,
    EnrolmentRow,
    GroupRow,
    OfferingRow,
    PlanGroupRow,
    PlanParticipantRow,
    VenueRow,
)
from planner.store.seats import seat_limit

ACTIONS = ("move", "keep", "end")
CANCELLED = "group_cancelled"  # the `rule` of a place whose group no longer runs


@dataclass(frozen=True, slots=True)
class Where:
    """When and where a group meets: weekday 0-4, minutes from midnight, venue (None: remote)."""

    weekday: int
    start: int
    end: int
    venue_id: str | None

    def text(self) -> str:
        hours = f"{hhmm(self.start)}-{hhmm(self.end)}"
        return f"{WEEKDAYS[self.weekday]} {hours} {self.venue_id or '-'}"


@dataclass(frozen=True, slots=True)
class GroupChange:
    """A live group the plan keeps but changes: where/when it meets or who leads it."""

    group_id: str
    before: Where
    after: Where
    leaders_before: tuple[str, ...]
    leaders_after: tuple[str, ...]

    @property
    def moved(self) -> bool:
        return self.before != self.after

    @property
    def leaders_changed(self) -> bool:
        return self.leaders_before != self.leaders_after


@dataclass(frozen=True, slots=True)
class Affected:
    """A live place (active) or waiting-list entry (waiting) in a group the plan changes.

    `change` is "moved", "leaders" or "cancelled"; `rule` is the participant rule the client
    would break in the new session (a `planner.rules` key, "client_overlap" for a clash with
    another of their groups, "group_cancelled" when the group no longer runs), "" when they
    can still attend; `why` says it in English; `mode` is how they would take part."""

    client_code: str
    group_id: str
    status: str
    change: str
    rule: str = ""
    why: str = ""
    mode: str = ""
    other_group: str = ""  # the clashing group, for client_overlap

    @property
    def can_attend(self) -> bool:
        return not self.rule

    @property
    def stranded(self) -> bool:
        """An enrolled client left in a session they cannot attend: needs a resolution."""
        return self.status == "active" and self.change != "cancelled" and bool(self.rule)

    @property
    def case(self) -> tuple[str, str]:
        return self.client_code, self.group_id

    def line(self) -> str:
        """One line of English for the log and the command line."""
        return f"{self.client_code} in {self.group_id}: {self.rule} ({self.why})"


@dataclass(frozen=True, slots=True)
class PublishPreview:
    """The diff of a plan against the season's live offering (see the module)."""

    season_id: int
    plan_id: int
    live_plan_id: int | None  # the plan the live offering was published from; None: nothing live
    opened: tuple[str, ...] = ()
    cancelled: tuple[str, ...] = ()
    changed: tuple[GroupChange, ...] = ()
    affected: tuple[Affected, ...] = ()
    targets: tuple[tuple[str, str, tuple[str, ...]], ...] = ()
    """(client, group, groups) per stranded client: the groups of the new plan they could
    move to (they can attend it, at no clash, and it would have a free seat)."""

    def targets_of(self, case: tuple[str, str]) -> tuple[str, ...]:
        return next((groups for c, g, groups in self.targets if (c, g) == case), ())

    @property
    def moved(self) -> tuple[GroupChange, ...]:
        return tuple(c for c in self.changed if c.moved)

    @property
    def leaders_changed(self) -> tuple[GroupChange, ...]:
        return tuple(c for c in self.changed if c.leaders_changed)

    @property
    def stranded(self) -> tuple[Affected, ...]:
        return tuple(a for a in self.affected if a.stranded)

    @property
    def waiting_dropped(self) -> tuple[Affected, ...]:
        """Waiting-list entries in a group that still runs, whose client could not attend."""
        return tuple(
            a for a in self.affected if a.status == "waiting" and a.change != "cancelled" and a.rule
        )

    @property
    def changes_anything(self) -> bool:
        return bool(self.opened or self.cancelled or self.changed)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for `--json`: every field, and the moved / stranded views."""
        data = asdict(self)
        data["moved"] = [c.group_id for c in self.moved]
        data["leaders_changed"] = [c.group_id for c in self.leaders_changed]
        data["stranded"] = [asdict(a) for a in self.stranded]
        data["waiting_dropped"] = [asdict(a) for a in self.waiting_dropped]
        return data


@dataclass(frozen=True, slots=True)
class Resolution:
    """What the coordinator decided for one stranded client (client code, group id):
    `move` to `target` (a group of the new plan they can attend with a free seat), `keep`
    the place (flagged on the enrolment), or `end` it with `reason` (one of ENDING_REASONS)."""

    action: str
    target: str = ""
    reason: str = "other"
    note: str = ""

    def __post_init__(self) -> None:
        if self.action not in ACTIONS:
            raise ValueError(f"a resolution is one of {', '.join(ACTIONS)}, not {self.action!r}")
        if self.action == "move" and not self.target:
            raise ValueError("a move needs the group to move to")
        if self.action == "end" and self.reason not in ENDING_REASONS:
            raise ValueError(
                f"unknown reason {self.reason!r}; use one of " + ", ".join(ENDING_REASONS)
            )


Resolutions = Mapping[tuple[str, str], Resolution]


def parse_resolution(text: str) -> tuple[tuple[str, str], Resolution]:
    """`CLIENT:GROUP=move:NEWGROUP`, `CLIENT:GROUP=keep` or `CLIENT:GROUP=end[:REASON]`."""
    case, sep, what = text.partition("=")
    client, colon, group = case.partition(":")
    action, _, arg = what.partition(":")
    if not (sep and colon and client and group and action):
        raise ValueError(
            f"{text!r}: write CLIENT:GROUP=move:NEWGROUP, CLIENT:GROUP=keep or "
            "CLIENT:GROUP=end[:REASON]"
        )
    if action == "move":
        return (client, group), Resolution("move", target=arg)
    if action == "end":
        return (client, group), Resolution("end", reason=arg or "other")
    if arg:
        raise ValueError(f"{text!r}: keep takes no argument")
    return (client, group), Resolution(action)


@dataclass(frozen=True, slots=True)
class Case:
    """One refused case of a publish, for the page (translated) and the log (English)."""

    client_code: str
    group_id: str
    rule: str
    why: str
    target: str = ""  # a refused move: the group the client was to move to


class StrandedClients(StoreError):
    """Publishing would leave enrolled clients in sessions they cannot attend; nothing was
    written. `cases` names each (client, group, rule)."""

    def __init__(self, cases: Iterable[Case]) -> None:
        self.cases = tuple(cases)
        lines = "; ".join(
            f"{c.client_code} in {c.group_id}: {c.rule} ({c.why})" for c in self.cases
        )
        super().__init__(
            f"cannot publish the plan: {len(self.cases)} enrolled client(s) could not attend "
            f"their new session; resolve each (move, keep or end): {lines}"
        )


class ResolutionRefused(StoreError):
    """A resolution could not be carried out (a move into a full group, a group the client
    cannot attend, a case that is not stranded); nothing was written."""

    def __init__(self, case: Case, message: str) -> None:
        self.cases = (case,)
        super().__init__(f"cannot publish the plan: {message}")


def publish_preview(conn: sa.Connection, season_id: int, plan_id: int) -> PublishPreview:
    """The diff of `plan_id` against the live offering of `season_id` (see the module)."""
    offerings = conn.execute(
        sa.select(OfferingRow).where(OfferingRow.season_id == season_id).order_by(OfferingRow.id)
    ).all()
    live = {o.group_id: o for o in offerings if o.status == "open"}
    new = {p.group_id: p for p in _placements(conn, plan_id)}
    opened = tuple(g for g in new if g not in live)
    cancelled = tuple(sorted(g for g in live if g not in new))
    old_plans = {o.plan_id for o in live.values()}
    old = {(p.plan_id, p.group_id): p for plan in old_plans for p in _placements(conn, plan)}
    changed: list[GroupChange] = []
    for gid in sorted(set(live) & set(new)):
        o, p = live[gid], new[gid]
        before = old.get((o.plan_id, gid))
        change = GroupChange(
            gid,
            _where(before) if before is not None else _where(p),
            _where(p),
            tuple(o.leaders),
            tuple(p.leaders),
        )
        if change.moved or change.leaders_changed:
            changed.append(change)
    kind = {c.group_id: ("moved" if c.moved else "leaders") for c in changed}
    kind.update({g: "cancelled" for g in cancelled})
    places = conn.execute(
        sa.select(EnrolmentRow.client_code, EnrolmentRow.group_id, EnrolmentRow.status)
        .where(
            EnrolmentRow.season_id == season_id,
            EnrolmentRow.status.in_(LIVE_STATUSES),
            EnrolmentRow.group_id.in_(list(kind)),
        )
        .order_by(EnrolmentRow.group_id, EnrolmentRow.status, EnrolmentRow.id)
    ).all()
    affected = [
        _affected(conn, season_id, plan_id, code, gid, status, kind[gid])
        for code, gid, status in places
        if gid in live
    ]
    free = _free_seats(conn, season_id, plan_id, live, new)
    targets = tuple(
        (a.client_code, a.group_id, _targets(conn, season_id, plan_id, a, free))
        for a in affected
        if a.stranded
    )
    return PublishPreview(
        season_id=season_id,
        plan_id=plan_id,
        live_plan_id=max(old_plans) if old_plans else None,
        opened=opened,
        cancelled=cancelled,
        changed=tuple(changed),
        affected=tuple(affected),
        targets=targets,
    )


def _free_seats(
    conn: sa.Connection, season_id: int, plan_id: int, live: Mapping[str, Any], new: Any
) -> dict[str, int]:
    """Seats a group of the new plan would have free right after publishing, as far as the
    seat and leader rules of `planner.store.seats` say (before the waiting lists move)."""
    sizes = dict(
        conn.execute(
            sa.select(GroupRow.group_id, GroupRow.max_size).where(GroupRow.season_id == season_id)
        ).all()
    )
    capacity = dict(
        conn.execute(
            sa.select(VenueRow.venue_id, VenueRow.capacity).where(VenueRow.season_id == season_id)
        ).all()
    )
    planned: dict[str, int] = {}
    for gid in conn.scalars(
        sa.select(PlanParticipantRow.group_id).where(PlanParticipantRow.plan_id == plan_id)
    ):
        planned[gid] = planned.get(gid, 0) + 1
    free: dict[str, int] = {}
    for gid, p in new.items():
        limit = seat_limit(sizes.get(gid, 0), capacity.get(p.venue_id))
        o = live.get(gid)
        taken = o.taken if o is not None else planned.get(gid, 0)
        seats = max(limit, taken) - taken
        if len(p.leaders) < rules.LEADERS_IN_GROUP:
            seats = min(seats, rules.SMALL_GROUP_BELOW - 1 - taken)
        free[gid] = max(seats, 0)
    return free


def _targets(
    conn: sa.Connection, season_id: int, plan_id: int, place: Affected, free: Mapping[str, int]
) -> tuple[str, ...]:
    """The groups of the new plan a stranded client could move to (see `targets`)."""
    mine = set(
        conn.scalars(
            sa.select(EnrolmentRow.group_id).where(
                EnrolmentRow.season_id == season_id,
                EnrolmentRow.client_code == place.client_code,
                EnrolmentRow.status == "active",
            )
        )
    )
    found = []
    for gid, seats in free.items():
        if seats <= 0 or gid == place.group_id or gid in mine:
            continue
        slot = Slot(plan_id, gid)
        problem, _ = attendance(conn, season_id, slot, place.client_code)
        if problem is not None:
            continue
        clash = clashing_group(
            conn, season_id, slot, place.client_code, plan_id=plan_id, leaving=place.group_id
        )
        if clash is None:
            found.append(gid)
    return tuple(sorted(found))


def _affected(
    conn: sa.Connection,
    season_id: int,
    plan_id: int,
    code: str,
    gid: str,
    status: str,
    change: str,
) -> Affected:
    if change == "cancelled":
        return Affected(code, gid, status, change, CANCELLED, "the group no longer runs")
    slot = Slot(plan_id, gid)
    problem, mode = attendance(conn, season_id, slot, code)
    if problem is not None:
        return Affected(code, gid, status, change, problem[0], problem[1], mode)
    if status == "active":  # a waiting client who clashes is passed over, not dropped
        clash = clashing_group(conn, season_id, slot, code, plan_id=plan_id)
        if clash is not None:
            other, when = clash
            why = f"it would meet at the same time as {other} ({when}), where they are enrolled"
            return Affected(code, gid, status, change, "client_overlap", why, mode, other)
    return Affected(code, gid, status, change, mode=mode)


def _placements(conn: sa.Connection, plan_id: int) -> list[Any]:
    return list(
        conn.execute(
            sa.select(PlanGroupRow)
            .where(PlanGroupRow.plan_id == plan_id)
            .order_by(PlanGroupRow.position)
        ).all()
    )


def _where(p: Any) -> Where:
    return Where(p.weekday, p.start_min, p.end_min, p.venue_id)
