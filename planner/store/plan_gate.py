"""The one gate every plan passes on its way into the store or the live offering.

A plan is saved or published only when the independent validator (`planner.plan_check`)
finds no broken rule against the plan's own season, whoever asks (the app, the command
line, a script using `Store`). The refusal names each rule and the objects involved.
A plan whose solver status says the search has nothing to stand behind (`UNSOLVED_STATUSES`)
is never saved either, however it came about (`PlanUnsolved`).
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


UNSOLVED_STATUSES = frozenset({"MODEL_INVALID", "INFEASIBLE"})
"""CP-SAT statuses without a feasible plan of the model: MODEL_INVALID is a fault of the
planner (a time limit CP-SAT refused, a broken constraint), INFEASIBLE a model with no plan at
all. Whatever plan came with such a result (a first fit) is not one to make current."""


class PlanUnsolved(StoreError):
    """The plan's solver status is one of `UNSOLVED_STATUSES`; nothing was written."""

    def __init__(self, doing: str, status: str) -> None:
        self.status = status
        super().__init__(
            f"cannot {doing}: the solver ended with status {status}, which has no valid plan"
        )


def unsolved(summary: Mapping[str, Any] | None) -> str | None:
    """The status in `summary` when it is one of `UNSOLVED_STATUSES`, else None."""
    status = str((summary or {}).get("status") or "")
    return status if status in UNSOLVED_STATUSES else None


def ensure_solved(summary: Mapping[str, Any] | None, doing: str) -> None:
    """Raise `PlanUnsolved` when the summary's solver status has no valid plan."""
    status = unsolved(summary)
    if status is not None:
        raise PlanUnsolved(doing, status)


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
