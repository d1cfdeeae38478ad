"""The CP-SAT season model: `solve(season, params) -> Result`, and its output files.

    from planner.solve import solve, SolveParams, write_outputs, Changes
    result = solve(season, SolveParams(time_limit_s=60))
    write_outputs(result, season, "out/")

Modules: `params` (settings), `candidates` (options per group), `variables` (decision
variables), `rules_hard` (one function per handbook rule, `HARD_RULES`), `objective`
(tiers and weights), `warm_start` (first-fit hint), `solver` (the two stages), `explain`
(reasons in fi/sv/en), `reason` (the solver-free `Reason`), `result`, `output` (the DESIGN.md
files), `replan` (changes, diff), `stop` (a stop asked for from another thread). Staff
routes are `planner.plan_figures`.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

# Exports are loaded on first use, so `from planner.solve import Result` (or `Reason`,
# `SolveParams`, `staff_days`) does not load CP-SAT; only the names that need it do.
_EXPORTS = {
    "HARD_RULES": "planner.solve.rules_hard",
    "Changes": "planner.solve.replan",
    "Reason": "planner.solve.reason",
    "Result": "planner.solve.result",
    "SolveParams": "planner.solve.params",
    "StageResult": "planner.solve.result",
    "StopSignal": "planner.solve.stop",
    "blocking_rules": "planner.solve.explain",
    "can_run": "planner.solve.explain",
    "plan_diff": "planner.solve.replan",
    "solve": "planner.solve.solver",
    "staff_days": "planner.plan_figures",
    "write_outputs": "planner.solve.output",
}

__all__ = [
    "HARD_RULES",
    "Changes",
    "Reason",
    "Result",
    "SolveParams",
    "StageResult",
    "StopSignal",
    "blocking_rules",
    "can_run",
    "plan_diff",
    "solve",
    "staff_days",
    "write_outputs",
]

if TYPE_CHECKING:
    from planner.plan_figures import staff_days
    from planner.solve.explain import blocking_rules, can_run
    from planner.solve.output import write_outputs
    from planner.solve.params import SolveParams
    from planner.solve.reason import Reason
    from planner.solve.replan import Changes, plan_diff
    from planner.solve.result import Result, StageResult
    from planner.solve.rules_hard import HARD_RULES
    from planner.solve.solver import solve
    from planner.solve.stop import StopSignal


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'planner.solve' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})
