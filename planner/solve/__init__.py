"""The CP-SAT season model: `solve(season, params) -> Result`, and its output files.

    from planner.solve import solve, SolveParams, write_outputs, Changes
    result = solve(season, SolveParams(time_limit_s=60))
    write_outputs(result, season, "out/")

Modules: `params` (settings), `candidates` (options per group), `variables` (decision
variables), `rules_hard` (one function per handbook rule, `HARD_RULES`), `objective`
(tiers and weights), `warm_start` (first-fit hint), `solver` (the two stages), `explain`
(reasons in fi/sv/en), `result`, `output` (the DESIGN.md files), `replan` (changes, diff).
"""

from planner.solve.explain import Reason, blocking_rules, can_run
from planner.solve.output import staff_days, write_outputs
from planner.solve.params import SolveParams
from planner.solve.replan import Changes, plan_diff
from planner.solve.result import Result, StageResult
from planner.solve.rules_hard import HARD_RULES
from planner.solve.solver import solve

__all__ = [
    "HARD_RULES",
    "Changes",
    "Reason",
    "Result",
    "SolveParams",
    "StageResult",
    "blocking_rules",
    "can_run",
    "plan_diff",
    "solve",
    "staff_days",
    "write_outputs",
]
