"""What a solve returns: the plan, how good it is, and why some things are missing."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from planner.model import Plan
from planner.solve.reason import Reason
from planner.solve.replan import plan_diff


def relative_gap(objective: float | None, bound: float | None) -> float | None:
    """|objective - bound| / max(1, |objective|), as CP-SAT reports it."""
    if objective is None or bound is None:
        return None
    return abs(objective - bound) / max(1.0, abs(objective))


@dataclass(frozen=True)
class StageResult:
    """One search stage: 'coverage' (tiers 1-2) or 'cost' (tiers 3-6)."""

    name: str
    status: str
    objective: float | None
    best_bound: float | None
    wall_s: float
    first_solution_s: float | None
    solutions: int
    terms: dict[str, int] = field(default_factory=dict)

    @property
    def gap(self) -> float | None:
        return relative_gap(self.objective, self.best_bound)

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "status": self.status,
            "objective": self.objective,
            "best_bound": self.best_bound,
            "gap": self.gap,
            "wall_s": round(self.wall_s, 3),
            "first_solution_s": None
            if self.first_solution_s is None
            else round(self.first_solution_s, 3),
            "solutions": self.solutions,
            "terms": self.terms,
        }


@dataclass(frozen=True)
class Result:
    """The outcome of `solve`.

    `status`, `objective`, `best_bound` and `gap` are those of stage 1 (scheduled groups and
    placed clients, the tiers that decide what runs); `stages` holds both stages, with the
    cost stage's own objective and bound. The objective is minimised, rewards negative.
    `first_feasible_s` counts from the start of `solve`, model building included.
    """

    status: str
    objective: float | None
    best_bound: float | None
    wall_s: float
    first_feasible_s: float | None
    plan: Plan
    unscheduled: tuple[Reason, ...] = ()
    unplaced: tuple[Reason, ...] = ()
    stages: tuple[StageResult, ...] = ()
    stats: dict[str, Any] = field(default_factory=dict)

    @property
    def gap(self) -> float | None:
        return relative_gap(self.objective, self.best_bound)

    @property
    def groups_scheduled(self) -> int:
        return len(self.plan.placements)

    @property
    def clients_placed(self) -> int:
        return len({code for code, _ in self.plan.participants})

    def reason_for(self, subject: str) -> Reason | None:
        for r in (*self.unscheduled, *self.unplaced):
            if r.subject == subject:
                return r
        return None

    def diff(self, previous: Plan) -> list[str]:
        """Human-readable changes from `previous` to this plan."""
        return plan_diff(previous, self.plan)
