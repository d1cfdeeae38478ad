"""Re-planning in the app, as `planner solve --replan` does, against the published offering.

The previous plan is the live one: the published placements with the clients enrolled in them
now (not the plan's participants of the day it was saved), so enrolled clients stay where
they are unless the coordinator frees them or the group cannot run. Absent people, closed
venues and cancelled groups are inputs (`planner.solve.replan.Changes`); the solver's
stability tier then changes as little as it can, and the result is shown as a diff against
the live offering before it is saved. Publishing it goes through the publish diff, which
refuses to strand an enrolled client.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from planner.i18n import t
from planner.model import Plan, Season
from planner.solve.replan import Changes
from planner.store import Enrolments, Store

TOGGLE_KEY = "plan_replan"


@dataclass(frozen=True)
class Replan:
    previous: Plan
    changes: Changes


def replan_inputs(
    db: Store, season: Season, season_id: int, lang: str, disabled: bool
) -> Replan | None:
    """The re-plan's inputs, or None when the season has no live offering or the coordinator
    plans afresh."""
    base = Enrolments(db, season_id).live_plan()
    if base is None:
        return None
    if not st.toggle(t("plan.replan.toggle", lang), value=True, key=TOGGLE_KEY, disabled=disabled):
        return None
    st.caption(t("plan.replan.help", lang))
    people = {s.staff_id: s.name for s in season.staff} | {
        p.partner_id: p.name for p in season.partners
    }
    left, right = st.columns(2)
    absent = left.multiselect(
        t("plan.replan.absent", lang),
        sorted(people),
        format_func=lambda pid: f"{pid} {people[pid]}",
        key="plan_replan_absent",
        disabled=disabled,
        placeholder=t("plan.replan.none", lang),
    )
    closed = right.multiselect(
        t("plan.replan.closed", lang),
        [v.venue_id for v in season.venues],
        format_func=lambda vid: f"{vid} {season.venue[vid].name}",
        key="plan_replan_closed",
        disabled=disabled,
        placeholder=t("plan.replan.none", lang),
    )
    cancelled = left.multiselect(
        t("plan.replan.cancelled", lang),
        [g.group_id for g in season.groups],
        format_func=lambda gid: f"{gid} {season.group[gid].name}",
        key="plan_replan_cancelled",
        disabled=disabled,
        placeholder=t("plan.replan.none", lang),
    )
    codes = sorted({code for code, _ in base.participants})
    freed = set(
        right.multiselect(
            t("plan.replan.freed", lang),
            codes,
            key="plan_replan_freed",
            disabled=disabled,
            placeholder=t("plan.replan.none", lang),
        )
    )
    previous = Plan(
        base.placements,
        tuple(p for p in base.participants if p[0] not in freed),
        remote=tuple(p for p in base.remote if p[0] not in freed),
    )
    st.caption(t("plan.replan.kept", lang, n=len(previous.participants)))
    return Replan(previous, Changes(frozenset(absent), frozenset(closed), frozenset(cancelled)))
