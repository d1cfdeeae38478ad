"""Re-planning: what changed since the last plan, and what moved because of it.

`Changes` lists people who are away (leaders, or clients who drop out), venues that are
closed and groups that are cancelled; groups added since just appear in the season. The
season the model sees is the old one with those applied: absent people are left out (and
their leader pins dropped, so that a substitute can be found), closed venues lose their
opening hours (so staff bases there still have a place on the map, and a group pinned there
may move to another venue of its municipality) and cancelled groups are left out.
Stability against the previous plan is tier 6 of the objective (see `objective`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from planner.model import WEEKDAYS, Placement, Plan, Season, hhmm


@dataclass(frozen=True, slots=True)
class Changes:
    absent: frozenset[str] = frozenset()
    """Staff, partner or client ids who are away for the season."""
    closed_venues: frozenset[str] = frozenset()
    cancelled: frozenset[str] = frozenset()
    """Group ids."""

    def __post_init__(self) -> None:
        for name in ("absent", "closed_venues", "cancelled"):
            value = getattr(self, name)
            if isinstance(value, str):
                raise TypeError(f"Changes.{name} must be a set of ids, not a string")
            object.__setattr__(self, name, frozenset(value))


def apply_changes(season: Season, changes: Changes) -> Season:
    """The season as the model sees it after the changes (see the module docstring)."""
    groups = []
    for g in season.groups:
        if g.group_id in changes.cancelled:
            continue
        if any(pid in changes.absent for pid in g.leaders):
            g = replace(g, leaders=tuple(p for p in g.leaders if p not in changes.absent))
        if g.venue_id in changes.closed_venues:
            g = replace(g, venue_id=None)
        groups.append(g)
    venues = tuple(
        replace(v, open=()) if v.venue_id in changes.closed_venues else v for v in season.venues
    )
    return replace(
        season,
        venues=venues,
        groups=tuple(groups),
        staff=tuple(s for s in season.staff if s.staff_id not in changes.absent),
        partners=tuple(p for p in season.partners if p.partner_id not in changes.absent),
        clients=tuple(c for c in season.clients if c.client_code not in changes.absent),
    )


def _when(p: Placement) -> str:
    where = f" ({p.venue_id})" if p.venue_id else " (remote)"
    return f"{WEEKDAYS[p.weekday]} {hhmm(p.start)}{where}"


def plan_diff(previous: Plan, plan: Plan) -> list[str]:
    """What moved between two plans, one line per change, groups first, then clients."""
    lines: list[str] = []
    before, after = previous.placement, plan.placement
    for gid in sorted(before.keys() | after.keys()):
        old, new = before.get(gid), after.get(gid)
        if new is None:
            lines.append(f"{gid} no longer scheduled (was {_when(old)})")
            continue
        if old is None:
            leaders = ", ".join(new.leaders)
            lines.append(f"{gid} newly scheduled {_when(new)} led by {leaders}")
            continue
        if (old.weekday, old.start) == (new.weekday, new.start) and old.venue_id != new.venue_id:
            lines.append(
                f"{gid} moved from {old.venue_id or 'remote'} to {new.venue_id or 'remote'} "
                f"({WEEKDAYS[new.weekday]} {hhmm(new.start)})"
            )
        elif (old.weekday, old.start, old.venue_id) != (new.weekday, new.start, new.venue_id):
            lines.append(
                f"{gid} moved {WEEKDAYS[old.weekday]} {hhmm(old.start)} -> "
                f"{WEEKDAYS[new.weekday]} {hhmm(new.start)}"
                + (
                    f" ({old.venue_id} -> {new.venue_id})"
                    if old.venue_id != new.venue_id
                    else f" ({new.venue_id})"
                    if new.venue_id
                    else ""
                )
            )
        gone = [p for p in old.leaders if p not in new.leaders]
        came = [p for p in new.leaders if p not in old.leaders]
        for a, b in zip(gone, came, strict=False):
            lines.append(f"leader {a} replaced by {b} in {gid}")
        for a in gone[len(came) :]:
            lines.append(f"leader {a} no longer leads {gid}")
        for b in came[len(gone) :]:
            lines.append(f"leader {b} now also leads {gid}")
    old_in = _groups_by_client(previous)
    new_in = _groups_by_client(plan)
    for code in sorted(old_in.keys() | new_in.keys()):
        was, now = old_in.get(code, set()), new_in.get(code, set())
        left, joined = sorted(was - now), sorted(now - was)
        for a, b in zip(left, joined, strict=False):
            lines.append(f"{code} moved from {a} to {b}")
        for a in left[len(joined) :]:
            lines.append(f"{code} no longer in {a}")
        for b in joined[len(left) :]:
            lines.append(f"{code} newly placed in {b}")
    return lines


def _groups_by_client(plan: Plan) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for code, gid in plan.participants:
        out.setdefault(code, set()).add(gid)
    return out
