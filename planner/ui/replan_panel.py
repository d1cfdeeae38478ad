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

from collections.abc import Mapping
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
    names = {s.staff_id: s.name for s in season.staff} | {
        p.partner_id: p.name for p in season.partners
    }

    def pick(column, what: str, options: Mapping[str, str]) -> frozenset[str]:
        """A multiselect of ids shown with their names ("none" when nothing is picked)."""
        return frozenset(
            column.multiselect(
                t(f"plan.replan.{what}", lang),
                list(options),
                format_func=lambda key: f"{key} {options[key]}".rstrip(),
                key=f"plan_replan_{what}",
                disabled=disabled,
                placeholder=t("plan.replan.none", lang),
            )
        )

    left, right = st.columns(2)
    absent = pick(left, "absent", dict(sorted(names.items())))
    closed = pick(right, "closed", {v.venue_id: v.name for v in season.venues})
    cancelled = pick(left, "cancelled", {g.group_id: g.name for g in season.groups})
    freed = pick(right, "freed", dict.fromkeys(sorted({c for c, _ in base.participants}), ""))
    previous = Plan(
        base.placements,
        tuple(p for p in base.participants if p[0] not in freed),
        remote=tuple(p for p in base.remote if p[0] not in freed),
    )
    st.caption(t("plan.replan.kept", lang, n=len(previous.participants)))
    return Replan(previous, Changes(absent, closed, cancelled))
