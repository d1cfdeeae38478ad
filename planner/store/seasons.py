"""Switching the live season: what it changes (`switch_preview`) and the switch itself.

Seasons live side by side: an import makes a draft and the published season stays live.
Switching publishes the new season's current saved plan (`publishing.publish_plan`, so its
groups open for enrolment exactly as `planner publish` opens them) and archives the old live
season in the same transaction. The old season's offering, enrolments, attendance and
summaries are kept as they were, only no longer offered; switching back to it (it is
archived, not gone) makes it live again with its places.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from planner.store.errors import StoreError
from planner.store.live import add_event
from planner.store.publishing import publish_plan
from planner.store.schema import (
    LIVE_STATE,
    EnrolmentRow,
    GroupRow,
    OfferingRow,
    PlanGroupRow,
    PlanRow,
    SeasonRow,
)
from planner.store.snapshot import live_season_of


@dataclass(frozen=True, slots=True)
class StoppingGroup:
    """An open group of the live season that is no longer offered after the switch."""

    group_id: str
    name: str
    name_sv: str
    active: int
    waiting: int


@dataclass(frozen=True, slots=True)
class OpeningGroup:
    """A group of the new season's plan that opens for enrolment with the switch."""

    group_id: str
    name: str
    name_sv: str
    weekday: int
    start: int  # minutes after midnight
    venue_id: str | None


@dataclass(frozen=True, slots=True)
class SeasonSwitch:
    """What making a season live changes. `problem` says why it cannot be done:
    "live" (it is the live season already) or "no_plan" (no saved plan to publish)."""

    season_id: int
    name: str
    state: str
    plan_id: int | None
    live_id: int | None
    live_name: str | None
    stopping: tuple[StoppingGroup, ...]
    opening: tuple[OpeningGroup, ...]
    problem: str | None

    @property
    def ok(self) -> bool:
        return self.problem is None

    @property
    def active_enrolments(self) -> int:
        return sum(g.active for g in self.stopping)

    @property
    def waiting(self) -> int:
        return sum(g.waiting for g in self.stopping)

    def problem_text(self) -> str:
        if self.problem == "live":
            return f"season {self.season_id} ({self.name}) is the live season already"
        if self.problem == "no_plan":
            return (
                f"season {self.season_id} ({self.name}) has no saved plan to publish: "
                "plan it first (Plan page, or `planner solve DATA --save`)"
            )
        return ""

    def lines(self) -> list[str]:
        """The preview in plain English, for the command line."""
        if self.live_id is None:
            head = f"Season {self.season_id} ({self.name}) becomes the live season."
        else:
            head = (
                f"Season {self.season_id} ({self.name}) becomes the live season; season "
                f"{self.live_id} ({self.live_name}) is archived."
            )
        out = [head]
        if self.live_id is not None:
            out.append(
                f"No longer offered: {len(self.stopping)} open groups of season "
                f"{self.live_id} with {self.active_enrolments} active enrolments and "
                f"{self.waiting} on waiting lists (kept in the archived season)."
            )
            out += [
                f"  - {g.group_id} {g.name}: {g.active} enrolled, {g.waiting} waiting"
                for g in self.stopping
            ]
        out.append(
            f"Opens for enrolment: {len(self.opening)} groups of plan {self.plan_id}."
            if self.plan_id is not None
            else "Opens for enrolment: nothing (no saved plan)."
        )
        return out

    def as_dict(self) -> dict[str, object]:
        return {
            "season_id": self.season_id,
            "name": self.name,
            "state": self.state,
            "plan_id": self.plan_id,
            "live_id": self.live_id,
            "live_name": self.live_name,
            "stopping": [
                {"group_id": g.group_id, "name": g.name, "active": g.active, "waiting": g.waiting}
                for g in self.stopping
            ],
            "opening": [g.group_id for g in self.opening],
            "active_enrolments": self.active_enrolments,
            "waiting": self.waiting,
            "problem": self.problem,
        }


def switch_preview(conn: sa.Connection, season_id: int) -> SeasonSwitch:
    """What `switch_live_season` would change now (the caller knows the season exists)."""
    season = conn.execute(
        sa.select(SeasonRow.name, SeasonRow.state).where(SeasonRow.id == season_id)
    ).one()
    live_id = live_season_of(conn)
    live_name = (
        conn.scalar(sa.select(SeasonRow.name).where(SeasonRow.id == live_id))
        if live_id is not None
        else None
    )
    plan_id = conn.scalar(
        sa.select(PlanRow.id).where(PlanRow.season_id == season_id, PlanRow.is_current)
    )
    problem = "live" if live_id == season_id else ("no_plan" if plan_id is None else None)
    stopping = _stopping(conn, live_id) if live_id is not None and live_id != season_id else ()
    return SeasonSwitch(
        season_id=season_id,
        name=season.name,
        state=season.state,
        plan_id=plan_id,
        live_id=live_id,
        live_name=live_name,
        stopping=stopping,
        opening=_opening(conn, season_id, plan_id) if plan_id is not None else (),
        problem=problem,
    )


def switch_live_season(conn: sa.Connection, season_id: int, actor: str) -> SeasonSwitch:
    """Make the season live (see the module); the caller owns the transaction."""
    switch = switch_preview(conn, season_id)
    if not switch.ok:
        raise StoreError(f"cannot switch the live season: {switch.problem_text()}")
    if switch.live_id is not None:
        conn.execute(
            sa.update(SeasonRow).where(SeasonRow.id == switch.live_id).values(state="archived")
        )
    conn.execute(sa.update(SeasonRow).where(SeasonRow.id == season_id).values(state=LIVE_STATE))
    report = publish_plan(conn, season_id, switch.plan_id, actor)
    add_event(
        conn,
        actor,
        "season.publish",
        {
            "season_id": season_id,
            "name": switch.name,
            "plan_id": report.plan_id,
            "previous": switch.live_id,
            "stopped": [g.group_id for g in switch.stopping],
            "stopped_active_enrolments": switch.active_enrolments,
            "stopped_waiting": switch.waiting,
            "opened": list(report.opened) + list(report.kept),
        },
    )
    return switch


def _stopping(conn: sa.Connection, live_id: int) -> tuple[StoppingGroup, ...]:
    offerings = conn.execute(
        sa.select(OfferingRow.id, OfferingRow.group_id, GroupRow.name, GroupRow.name_sv)
        .join(
            GroupRow,
            (GroupRow.season_id == OfferingRow.season_id)
            & (GroupRow.group_id == OfferingRow.group_id),
        )
        .where(OfferingRow.season_id == live_id, OfferingRow.status == "open")
        .order_by(OfferingRow.group_id)
    ).all()
    counts: dict[tuple[int, str], int] = {
        (offering_id, status): n
        for offering_id, status, n in conn.execute(
            sa.select(EnrolmentRow.offering_id, EnrolmentRow.status, sa.func.count())
            .where(EnrolmentRow.season_id == live_id)
            .group_by(EnrolmentRow.offering_id, EnrolmentRow.status)
        ).all()
    }
    return tuple(
        StoppingGroup(
            o.group_id,
            o.name,
            o.name_sv,
            counts.get((o.id, "active"), 0),
            counts.get((o.id, "waiting"), 0),
        )
        for o in offerings
    )


def _opening(conn: sa.Connection, season_id: int, plan_id: int) -> tuple[OpeningGroup, ...]:
    rows = conn.execute(
        sa.select(
            PlanGroupRow.group_id,
            GroupRow.name,
            GroupRow.name_sv,
            PlanGroupRow.weekday,
            PlanGroupRow.start_min,
            PlanGroupRow.venue_id,
        )
        .join(
            GroupRow,
            (GroupRow.season_id == season_id) & (GroupRow.group_id == PlanGroupRow.group_id),
        )
        .where(PlanGroupRow.plan_id == plan_id)
        .order_by(PlanGroupRow.position)
    ).all()
    return tuple(OpeningGroup(*row) for row in rows)
