"""One group by hand: a coordinator sets a group's weekday, start, venue and leaders, and the
store keeps them as the group's pins and the edited plan as a new draft.

    store = Store.open()
    edit = store.pin_preview(season_id, "G-001", weekday=0, start=600, venue_id="V-02",
                             leaders=("S-001", "P-002"))       # checks, changes nothing
    edit = store.pin_group(season_id, "G-001", 0, 600, "V-02", ("S-001", "P-002"), actor="anna")
    store.unpin_group(season_id, "G-001", actor="anna")      # the plan stays as it is

The rules are the independent validator's (`planner.plan_check`), never written again here:
the edited plan (that group's placement changed, its end from the group's hours) is checked
whole against the season with the new pins. Participants of the group who could no longer
attend (the day, the travel limit, accessibility, a clash with their other group: the
validator's participant rules about this group) leave the draft and are listed; a hybrid
group's participants take part as `planner.participation` says. Anything else the validator
finds refuses the edit (`PinRefused`, a `PlanRejected` naming each rule) and nothing is
written. A saved edit stores the pins on the group's row, saves the edited plan as the
season's current plan through the plan gate (`planner.store.plan_gate`) and writes one audit
event (`group.pin`) with the old and new values and how many left the group (a count: the
trail keeps no client codes here), in one transaction.

A group the plan leaves unscheduled keeps the plan as it is: its pins are checked as a
placement without participants (everything but the group's size) and stored, and the next
re-plan places it there when it can. The published offering never changes here: publishing
is the one moment of change, and its diff then shows the moved group and who cannot follow.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import sqlalchemy as sa

from planner.geo import TravelModel
from planner.model import DAY_MIN, WEEKDAYS, Placement, Plan, Season, hhmm
from planner.participation import with_modes
from planner.plan_check import PlanProblem, plan_problems, problem_objects
from planner.store.errors import StoreError
from planner.store.live import add_event
from planner.store.plan_gate import PlanRejected, allowance_of
from planner.store.schema import GroupRow, PlanRow
from planner.store.snapshot import plan_at, season_at

LEAVING_RULES = (
    "participant_days",
    "participant_travel",
    "accessible",
    "client_overlap",
    "remote_consent",
    "participant_language",
    "participant_audience",
)
"""The validator's participant rules: a participant of the edited group who breaks one of them
there leaves the draft instead of refusing the edit."""

EDIT_STATUS = "EDITED"
"""The status of a plan saved by hand (no solver run, so no objective or bound)."""


@dataclass(frozen=True, slots=True)
class Pins:
    """A group's pins: each None (or no leaders) when not pinned."""

    weekday: int | None = None
    start: int | None = None
    venue_id: str | None = None
    leaders: tuple[str, ...] = ()

    @property
    def any(self) -> bool:
        return any(x is not None for x in (self.weekday, self.start, self.venue_id)) or bool(
            self.leaders
        )

    def as_dict(self) -> dict[str, Any]:
        day = self.weekday
        return {
            "weekday": WEEKDAYS[day] if day is not None and 0 <= day < len(WEEKDAYS) else day,
            "start": hhmm(self.start) if self.start is not None else None,
            "venue_id": self.venue_id,
            "leaders": list(self.leaders),
        }


def placement_dict(p: Placement | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {
        "weekday": WEEKDAYS[p.weekday] if 0 <= p.weekday < len(WEEKDAYS) else p.weekday,
        "start": hhmm(p.start),
        "end": hhmm(p.end),
        "venue_id": p.venue_id,
        "leaders": list(p.leaders),
    }


@dataclass(frozen=True)
class PinEdit:
    """One group set by hand, checked: what it was, what it becomes, who leaves, what breaks.

    `plan` is the edited plan to save (None when the group is not in the plan, which then
    stays as it is); `dropped` the participants who leave the group, as (client code, the
    rule they could no longer keep there); `problems` what the validator refuses (empty when
    the edit may be saved); `plan_id` the saved draft (None before saving, or without one).
    """

    group_id: str
    before: Placement | None
    after: Placement
    pins_before: Pins
    pins_after: Pins
    dropped: tuple[tuple[str, str], ...] = ()
    problems: tuple[PlanProblem, ...] = ()
    plan: Plan | None = None
    season_id: int | None = None
    plan_id: int | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict[str, Any]:
        return {
            "season_id": self.season_id,
            "group_id": self.group_id,
            "ok": self.ok,
            "before": placement_dict(self.before),
            "after": placement_dict(self.after),
            "pins_before": self.pins_before.as_dict(),
            "pins_after": self.pins_after.as_dict(),
            "dropped": [{"client_code": c, "rule": r} for c, r in self.dropped],
            "problems": [{"rule": p.rule, "text": str(p)} for p in self.problems],
            "plan_id": self.plan_id,
        }


class PinRefused(PlanRejected):
    """The edit breaks a rule of the season; nothing was written. `edit` says what was asked."""

    def __init__(self, edit: PinEdit) -> None:
        self.edit = edit
        super().__init__(f"pin {edit.group_id}", edit.problems)


def pins_of(season: Season, group_id: str) -> Pins:
    group = season.group[group_id]
    return Pins(group.weekday, group.start, group.venue_id, group.leaders)


def _input_problems(
    season: Season, group_id: str, weekday: int, start: int, venue_id: str | None, leaders
) -> list[PlanProblem]:
    """What would not even make a season: unknown ids, a day or time that is none."""
    problems: list[PlanProblem] = []
    if not 0 <= weekday < len(WEEKDAYS):
        problems.append(PlanProblem("session_grid", group_id, f"weekday {weekday} is not Mon-Fri"))
    if not 0 <= start < DAY_MIN:
        problems.append(PlanProblem("session_grid", group_id, f"start {start} is no time of day"))
    if venue_id is not None and venue_id not in season.venue:
        problems.append(PlanProblem("known_ids", venue_id, f"unknown venue id for {group_id}"))
    for pid in leaders:
        if pid not in season.person:
            problems.append(PlanProblem("known_ids", pid, f"unknown person id for {group_id}"))
    return problems


def _modes_for(season: Season, plan: Plan, group_id: str, travel: TravelModel) -> Plan:
    """`plan` with the edited group's participants on site or remote as
    `planner.participation` decides; everyone else as before."""
    joined = set(plan.participants)
    decided = with_modes(season, plan, travel).remote
    remote = (
        *(r for r in plan.remote if r[1] != group_id and r in joined),
        *(r for r in decided if r[1] == group_id),
    )
    return replace(plan, remote=tuple(remote))


def edit_group(
    season: Season,
    plan: Plan,
    group_id: str,
    weekday: int,
    start: int,
    venue_id: str | None,
    leaders: Sequence[str],
    allowance_min: int,
) -> tuple[Season, PinEdit]:
    """The season with the group's new pins and the checked edit of `plan` (pure, no SQL).
    With input that names no group, day, time, venue or person, the season is unchanged."""
    leaders = tuple(leaders)
    if group_id not in season.group:
        after = Placement(group_id, weekday, start, start, venue_id, leaders)
        problem = PlanProblem("known_ids", group_id, "unknown group id")
        return season, PinEdit(group_id, None, after, Pins(), Pins(), problems=(problem,))
    group = season.group[group_id]
    before = plan.placement.get(group_id)
    pins_after = Pins(weekday, start, venue_id, leaders)
    after = Placement(group_id, weekday, start, start + group.minutes, venue_id, leaders)
    edit = PinEdit(group_id, before, after, pins_of(season, group_id), pins_after)
    wrong = _input_problems(season, group_id, weekday, start, venue_id, leaders)
    if wrong:
        return season, replace(edit, problems=tuple(wrong))
    pinned = replace(group, weekday=weekday, start=start, venue_id=venue_id, leaders=leaders)
    season = replace(
        season, groups=tuple(pinned if g.group_id == group_id else g for g in season.groups)
    )
    if before is None:
        # Not in the plan: the placement alone is checked; the next re-plan fills it.
        trial = replace(
            plan,
            placements=(*plan.placements, after),
            unscheduled=tuple(u for u in plan.unscheduled if u.group_id != group_id),
        )
        problems = [
            p
            for p in plan_problems(season, trial, allowance_min)
            if not (p.rule == "size" and p.subject == group_id)
        ]
        return season, replace(edit, problems=tuple(problems))

    travel = TravelModel(season)
    placements = tuple(after if p.group_id == group_id else p for p in plan.placements)
    participants = list(plan.participants)
    dropped: dict[str, str] = {}
    while True:
        trial = _modes_for(
            season, replace(plan, placements=placements, participants=tuple(participants)),
            group_id, travel,
        )  # fmt: skip
        problems = plan_problems(season, trial, allowance_min)
        members = {code for code, gid in participants if gid == group_id}
        leaving: dict[str, str] = {}
        for problem in problems:
            if problem.rule not in LEAVING_RULES:
                continue
            objects = problem_objects(problem, season)
            if ("group", group_id) not in objects:
                continue
            for kind, ident in objects:
                if kind == "client" and ident in members:
                    leaving.setdefault(ident, problem.rule)
        if not leaving:
            break
        dropped.update(leaving)
        participants = [x for x in participants if not (x[1] == group_id and x[0] in leaving)]
    return season, replace(
        edit,
        dropped=tuple(sorted(dropped.items())),
        problems=tuple(problems),
        plan=trial,
    )


# --- in the store (called by `Store.pin_preview`, `pin_group` and `unpin_group`) ---


def _current(conn: sa.Connection, season_id: int) -> tuple[Season, int, Plan, dict[str, Any]]:
    season = season_at(conn, season_id)
    if season is None:
        raise StoreError(f"no season with id {season_id}")
    row = conn.execute(
        sa.select(PlanRow.id, PlanRow.params).where(
            PlanRow.season_id == season_id, PlanRow.is_current
        )
    ).first()
    if row is None:
        raise StoreError(f"season {season_id} has no saved plan: plan the season first")
    return season, row.id, plan_at(conn, row.id), dict(row.params or {})


def preview(
    conn: sa.Connection,
    season_id: int,
    group_id: str,
    weekday: int,
    start: int,
    venue_id: str | None,
    leaders: Sequence[str],
) -> PinEdit:
    """The checked edit of the season's current plan; writes nothing."""
    season, _, plan, params = _current(conn, season_id)
    _, edit = edit_group(
        season, plan, group_id, weekday, start, venue_id, leaders, allowance_of(params)
    )
    return replace(edit, season_id=season_id)


def pin(
    conn: sa.Connection,
    season_id: int,
    group_id: str,
    weekday: int,
    start: int,
    venue_id: str | None,
    leaders: Sequence[str],
    actor: str,
) -> PinEdit:
    """Check the edit and, unless refused (`PinRefused`), store the pins, the edited plan
    (through the plan gate) and the audit event inside the caller's write transaction."""
    from planner.store.store import insert_plan

    season, plan_id, plan, params = _current(conn, season_id)
    _, edit = edit_group(
        season, plan, group_id, weekday, start, venue_id, leaders, allowance_of(params)
    )
    edit = replace(edit, season_id=season_id)
    if not edit.ok:
        raise PinRefused(edit)
    _store_pins(conn, season_id, group_id, edit.pins_after)
    saved = None
    if edit.plan is not None:
        summary = {"status": EDIT_STATUS, "params": params}
        saved = insert_plan(conn, season_id, edit.plan, summary, actor, f"pin {group_id}")
    add_event(
        conn,
        actor,
        "group.pin",
        {
            "season_id": season_id,
            "group_id": group_id,
            "old": placement_dict(edit.before),
            "new": placement_dict(edit.after),
            "pins_before": edit.pins_before.as_dict(),
            "pins": edit.pins_after.as_dict(),
            # A count, never the codes: `planner purge` blanks only an event's client_code.
            "left_group": len(edit.dropped),
            "from_plan": plan_id,
            "plan_id": saved,
        },
    )
    return replace(edit, plan_id=saved)


def unpin(conn: sa.Connection, season_id: int, group_id: str, actor: str) -> Pins:
    """Take the group's pins away (the plan stays as it is); the pins it had."""
    season = season_at(conn, season_id)
    if season is None:
        raise StoreError(f"no season with id {season_id}")
    if group_id not in season.group:
        raise StoreError(f"no group {group_id} in season {season_id}")
    before = pins_of(season, group_id)
    if before.any:
        _store_pins(conn, season_id, group_id, Pins())
        add_event(
            conn,
            actor,
            "group.unpin",
            {"season_id": season_id, "group_id": group_id, "pins_before": before.as_dict()},
        )
    return before


def _store_pins(conn: sa.Connection, season_id: int, group_id: str, pins: Pins) -> None:
    conn.execute(
        sa.update(GroupRow)
        .where(GroupRow.season_id == season_id, GroupRow.group_id == group_id)
        .values(
            weekday=pins.weekday,
            start_min=pins.start,
            venue_id=pins.venue_id,
            leaders=list(pins.leaders),
        )
    )
