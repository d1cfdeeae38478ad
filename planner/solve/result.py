"""What a solve returns: the plan, how good it is, and why some things are missing.

Two figures of merit are kept apart, because they are about different things:

- the model's: `status`, `objective` and `best_bound` are stage 1's ("coverage") exactly as
  CP-SAT reported them, over the candidate options the model kept (`bound_covers`
  "candidates": venues, leaders and clients per group are cut before the model is built,
  see `candidates`). For a minimisation, `objective >= best_bound` always holds here.
- the plan's: `plan_objective` is the returned plan's value over the same objective,
  re-evaluated after the passes that follow the search (polish, `improve_plan`,
  `complete_plan`, `fill_open_seats`), which `changed_after_search` lists. Those passes may
  look past the candidates, so the plan can be better than the model's bound:
  `signed_gap` is then negative and `beyond_bound` says so.

`state` is what a person needs first: `every_group`, `some_groups_left_out` or `no_plan`;
`plan_status` names the plan returned (`OPTIMAL` only when the model proved it and nothing
after the search went past the bound; `FIRST_FIT` when the search found no plan of its own).
"""

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


def signed_gap(objective: float | None, bound: float | None) -> float | None:
    """(objective - bound) / max(1, |objective|): negative when a minimisation's objective is
    below its bound, which only a plan changed beyond the bounded model can be."""
    if objective is None or bound is None:
        return None
    return (objective - bound) / max(1.0, abs(objective))


STATES = ("every_group", "some_groups_left_out", "no_plan")
"""What a plan amounts to, for people: every requested group runs, some do not, or none."""

PLAN_STATUSES = ("OPTIMAL", "FEASIBLE", "FIRST_FIT", "NO_PLAN")
"""The status of the plan returned (not the model's): see `Result.plan_status`."""

BOUND_COVERS = "candidates"
"""The model's bound holds over the candidate options it kept, not over every plan."""


def plan_state(groups_placed: int, groups_left_out: int) -> str:
    """`every_group`, `some_groups_left_out` or `no_plan` (cancelled groups not counted)."""
    if groups_placed == 0:
        return "no_plan"
    return "some_groups_left_out" if groups_left_out else "every_group"


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
    """The outcome of `solve` (see the module docstring for the two figures of merit).

    `status`, `objective`, `best_bound` and `gap` are those of stage 1 as CP-SAT reported
    them (scheduled groups and placed clients, the tiers that decide what runs; after a retry
    of stage 1, the retry's); `stages` holds every search run, with the cost stage's own
    objective and bound. The objective is minimised, rewards negative. `plan_objective` is
    the returned plan's value over stage 1's objective, `changed_after_search` what the
    passes after the search did. `first_feasible_s` counts from the start of `solve`, model
    building included. `stats` holds the figures of the run, among them `plan_source`,
    `budget_s` (seconds handed to each step) and `pruning` (candidate options cut).
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
    plan_objective: float | None = None
    """The returned plan over stage 1's objective (None: not evaluated; then `objective`)."""
    changed_after_search: dict[str, Any] = field(default_factory=dict)
    """Per pass after the search (polish, improve_plan, complete_plan, fill_open_seats): what
    it changed; `beyond_candidates` counts what the plan uses outside the model's options."""
    bound_covers: str = BOUND_COVERS

    @property
    def gap(self) -> float | None:
        """The model's relative gap (stage 1), as CP-SAT reports it: never negative."""
        return relative_gap(self.objective, self.best_bound)

    @property
    def final_objective(self) -> float | None:
        """The returned plan's objective: `plan_objective`, else the model's."""
        return self.plan_objective if self.plan_objective is not None else self.objective

    @property
    def signed_gap(self) -> float | None:
        """The returned plan against the model's bound, signed: negative only when passes
        after the search went beyond the model's candidates (`beyond_bound`)."""
        return signed_gap(self.final_objective, self.best_bound)

    @property
    def beyond_bound(self) -> bool:
        """The plan is better than the model's bound: it uses options the model left out."""
        gap = self.signed_gap
        return gap is not None and gap < 0

    @property
    def groups_left_out(self) -> int:
        """Requested groups not in the plan (cancelled ones not counted)."""
        return sum(1 for r in self.unscheduled if r.key != "cancelled")

    @property
    def state(self) -> str:
        return plan_state(self.groups_scheduled, self.groups_left_out)

    @property
    def plan_source(self) -> str:
        """Which step's plan was returned: "cost", "coverage" or "warm_start" (first fit)."""
        return str(self.stats.get("plan_source", "coverage"))

    @property
    def plan_status(self) -> str:
        """The status of the plan returned: NO_PLAN without placements, FIRST_FIT when the
        search found none of its own, OPTIMAL when the model proved its plan optimal (over
        its candidates) and nothing after the search went past the bound, else FEASIBLE."""
        if not self.plan.placements:
            return "NO_PLAN"
        if self.plan_source == "warm_start":
            return "FIRST_FIT"
        if self.status == "OPTIMAL" and not self.beyond_bound:
            return "OPTIMAL"
        return "FEASIBLE"

    def summary(self) -> dict[str, Any]:
        """The run in figures (what the store and summary.json keep): the model's `status`,
        `objective`, `best_bound` and `gap` from the same stage, `wall_s`, and beside them
        the plan's own figures."""
        return {
            "status": self.status,
            "objective": self.objective,
            "best_bound": self.best_bound,
            "gap": self.gap,
            "wall_s": round(self.wall_s, 3),
            "plan_status": self.plan_status,
            "state": self.state,
            "plan_source": self.plan_source,
            "plan_objective": self.final_objective,
            "signed_gap": self.signed_gap,
            "beyond_bound": self.beyond_bound,
            "bound_covers": self.bound_covers,
            "groups_left_out": self.groups_left_out,
            "changed_after_search": self.changed_after_search,
            "budget_s": self.stats.get("budget_s", {}),
        }

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
