"""The one gate every plan passes on its way into the store or the live offering.

A plan is saved or published only when the independent validator (`planner.plan_check`)
finds no broken rule against the plan's own season, whoever asks (the app, the command
line, a script using `Store`). The refusal names each rule and the objects involved.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from planner import rules
from planner.model import Plan, Season
from planner.plan_check import PlanProblem, plan_problems
from planner.store.errors import StoreError

SHOWN = 5
"""Problems named in the one-line message; `PlanRejected.problems` holds all of them."""


class PlanRejected(StoreError):
    """The validator rejected a plan; nothing was written."""

    def __init__(self, doing: str, problems: Sequence[PlanProblem]) -> None:
        self.problems = tuple(problems)
        shown = "; ".join(f"[{p.rule}] {p}" for p in self.problems[:SHOWN])
        more = len(self.problems) - SHOWN
        tail = f"; and {more} more" if more > 0 else ""
        super().__init__(
            f"cannot {doing}: the plan breaks {len(self.problems)} rule(s) of the season: "
            f"{shown}{tail}"
        )


def allowance_of(params: Mapping[str, Any] | None) -> int:
    """The session allowance the plan was made with (its solver parameters), else the default."""
    value = (params or {}).get("allowance_min")
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 240:
        return value
    return rules.DEFAULT_SESSION_ALLOWANCE_MIN


def ensure_valid(
    season: Season, plan: Plan, doing: str, params: Mapping[str, Any] | None = None
) -> None:
    """Raise `PlanRejected` unless `plan` keeps every hard rule of `season`."""
    problems = plan_problems(season, plan, allowance_of(params))
    if problems:
        raise PlanRejected(doing, problems)
