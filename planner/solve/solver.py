"""`solve(season, params) -> Result`: the season model, solved in two lexicographic stages.

1. Build: candidates per group (`candidates`, cut to keep the model small; the cuts are in
   `stats["pruning"]`), variables (`variables`), every hard rule (`rules_hard`), and a
   first-fit plan as a complete hint (`warm_start`), so that CP-SAT holds a feasible plan
   as soon as presolve ends.
2. Stage "coverage": maximise scheduled groups, then placed clients (tiers 1-2; when
   re-planning, fewest changes between them). When it ends UNKNOWN (no plan within its
   share, e.g. a large model still in presolve), "coverage_retry" runs it again with all
   the time that is left (the model keeps the first-fit hint); only when that finds nothing
   either is the first-fit plan returned (`plan_source` "warm_start").
3. Polish (unless stage 1 is optimal): the same objective with every group's day, time and
   venue held fixed, so CP-SAT re-chooses leaders and participants in a much smaller model
   (`polish_share` of stage 1's time). Then add whatever fits beside the plan
   (`repair.improve_plan`).
4. Stage "cost": keep each stage-1 term, hint the plan, minimise staff travel, staff load
   and client travel (tiers 3-5; changes on top when re-planning). See `objective` for the
   weights and why there are two stages.
5. Add any group that still fits, with the options the candidate cuts took from it open
   again, and explain the ones left out (`repair.complete_plan`, `explain`); fill open
   seats beyond the model's candidate lists, with second leaders where that lets a group
   grow (`fill`); explain the clients left unplaced.

What is reported: `Result.status`, `objective` and `best_bound` are stage 1's as CP-SAT
reported them (the retry's after a retry), over the model's candidates. Steps 3 and 5
change the plan after that search: `Result.changed_after_search` records what each pass
did and what the plan uses outside the candidates, and `Result.plan_objective` is the final
plan re-evaluated over stage 1's objective, so it can be below the model's bound
(`Result.beyond_bound`, a negative `signed_gap`) only when step 5 looked past the cuts.

Time: `time_limit_s` covers all of it, handed out by one clock (`_Clock`): no step is given
more than what is left, and none starts once the limit has passed; `stats["budget_s"]` and
`stats["budget_ends_s"]` record each step's share and when it runs out. Stage 1 gets
`coverage_share` of what is left after building and a reserve for step 5 (`explain_share`,
dropped when every group runs), step 3 at most `improve_share`, stage 2 the rest, step 5
what is then left. Outside the clock: building the model, and the plain-Python work of
step 5 (filling seats, the clients' reasons; `stats["after_search_s"]`); whatever they add
past the limit is `stats["overrun_s"]`, measured by `benchmarks/solve.py`.

Decomposition: none by design for groups vs participants. One model holds groups, times,
venues, leaders and participants, because the participants decide whether a group can run
at all (3-10) and how many leaders it needs; splitting them off would make stage 1 guess.
The model stays small because the candidates are cut first (nearest staff spread by hours,
the venues most clients reach, each client's best groups), and the lexicographic split
into stages keeps the objective within what CP-SAT represents exactly.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from ortools.sat.python import cp_model

from planner.model import Placement, Plan, Season, Unscheduled
from planner.participation import with_modes
from planner.solve.candidates import Candidates, client_fit
from planner.solve.explain import explain_clients
from planner.solve.fill import fill_open_seats
from planner.solve.objective import (
    Objective,
    cost_objective,
    coverage_objective,
    placement_base,
    plan_objective,
)
from planner.solve.params import SolveParams
from planner.solve.reason import Reason
from planner.solve.repair import complete_plan, improve_plan
from planner.solve.replan import Changes, apply_changes
from planner.solve.result import Result, StageResult
from planner.solve.rules_hard import add_hard_rules
from planner.solve.stop import StopSignal
from planner.solve.variables import SeasonVars, build_variables
from planner.solve.warm_start import add_plan_hint, hint_values, plan_values, warm_start_plan

log = logging.getLogger("planner")

Progress = Callable[[float, float, float], None]
SOLVED = (cp_model.OPTIMAL, cp_model.FEASIBLE)
MIN_STAGE_S = 0.5


class _Progress(cp_model.CpSolverSolutionCallback):
    """Counts solutions, notes the first one's time and reports progress; nothing more."""

    def __init__(
        self, started: float, on_progress: Progress | None, stop: StopSignal | None = None
    ) -> None:
        super().__init__()
        self.started = started
        self.on_progress = on_progress
        self.stop = stop
        self.first_s: float | None = None
        self.solutions = 0

    def on_solution_callback(self) -> None:
        now = time.perf_counter() - self.started
        self.solutions += 1
        if self.first_s is None:
            self.first_s = now
        if self.on_progress is not None:
            self.on_progress(self.objective_value, self.best_objective_bound, now)
        if self.stop is not None and self.stop.requested:
            self.stop_search()


def _solver(params: SolveParams, seconds: float) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    p = solver.parameters
    p.num_workers = params.workers
    p.random_seed = params.seed
    p.max_time_in_seconds = seconds
    if params.deterministic_time_s is not None:
        p.max_deterministic_time = params.deterministic_time_s
    p.relative_gap_limit = params.gap_limit
    p.max_presolve_iterations = params.presolve_iterations
    if params.presolve_iterations == 0:
        # Without presolve the complete hint is a solution at once; with it, a large model
        # can spend a whole short stage in presolve and return nothing.
        p.cp_model_presolve = False
    if params.log_search:
        p.log_search_progress = True
        p.log_to_stdout = False
        solver.log_callback = lambda line: log.info("cp-sat: %s", line)
    return solver


def _run_stage(
    name: str,
    model: cp_model.CpModel,
    params: SolveParams,
    seconds: float,
    objective: Objective,
    started: float,
    on_progress: Progress | None,
    stop: StopSignal | None = None,
) -> tuple[StageResult, cp_model.CpSolver, int]:
    solver = _solver(params, seconds)
    progress = _Progress(started, on_progress, stop)
    t = time.perf_counter()
    if stop is None:
        status = solver.solve(model, progress)
    else:
        with stop.searching(solver):
            status = solver.solve(model, progress)
    wall = time.perf_counter() - t
    solved = status in SOLVED
    stage = StageResult(
        name=name,
        status=solver.status_name(status),
        objective=solver.objective_value if solved else None,
        best_bound=solver.best_objective_bound if solved else None,
        wall_s=wall,
        first_solution_s=progress.first_s,
        solutions=progress.solutions,
        terms=objective.values(solver) if solved else {},
    )
    log.info(
        "stage %s: %s objective=%s bound=%s in %.1f s",
        name,
        stage.status,
        stage.objective,
        stage.best_bound,
        wall,
    )
    return stage, solver, status


MIN_RUN_S = 0.01
"""A search step handed less than this is not started (CP-SAT could not even presolve)."""


class _Clock:
    """`time_limit_s` as one budget: each step is handed at most the time that is left.

    `budget_s[step]` is what a step was handed and `ends_s[step]` when, counted from the
    start of `solve`, that budget runs out; no step's budget ends after the limit. (A step
    that finishes early leaves its rest to the next, so the budgets may add up to more.)
    """

    def __init__(
        self,
        limit_s: float,
        now: Callable[[], float] = time.perf_counter,
        stop: StopSignal | None = None,
    ) -> None:
        self.limit_s = limit_s
        self.now = now
        self.stop = stop
        self.started = now()
        self.budget_s: dict[str, float] = {}
        self.ends_s: dict[str, float] = {}

    def elapsed(self) -> float:
        return self.now() - self.started

    def stopped(self) -> bool:
        return self.stop is not None and self.stop.requested

    def left(self) -> float:
        """Seconds until the limit; none once a stop was asked for."""
        return 0.0 if self.stopped() else self.limit_s - self.elapsed()

    def grant(self, step: str, want: float) -> float:
        """Seconds for `step`: `want`, but never past the limit (0 once it has passed or a
        stop was asked for)."""
        at = self.elapsed()
        seconds = 0.0 if self.stopped() else max(0.0, min(want, self.limit_s - at))
        self.budget_s[step] = seconds
        self.ends_s[step] = at + seconds
        return seconds


def _run_budgeted(
    name: str,
    model: cp_model.CpModel,
    params: SolveParams,
    clock: _Clock,
    want: float,
    objective: Objective,
    on_progress: Progress | None,
) -> tuple[StageResult, cp_model.CpSolver | None, int]:
    """`_run_stage` within the clock's budget; not started (UNKNOWN) when no time is left."""
    seconds = clock.grant(name, want)
    if seconds < MIN_RUN_S:
        log.info("stage %s: not started, the time limit is spent", name)
        stage = StageResult(name, "UNKNOWN", None, None, 0.0, None, 0)
        return stage, None, cp_model.UNKNOWN
    return _run_stage(
        name, model, params, seconds, objective, clock.started, on_progress, clock.stop
    )


def _previous_in(season: Season, previous: Plan | None) -> Plan | None:
    """The previous plan, as far as it refers to groups, people and venues still there."""
    if previous is None:
        return None
    placements = tuple(
        Placement(
            p.group_id,
            p.weekday,
            p.start,
            p.end,
            p.venue_id,
            tuple(pid for pid in p.leaders if pid in season.person),
        )
        for p in previous.placements
        if p.group_id in season.group
    )
    kept = {p.group_id for p in placements}
    participants = tuple(
        (code, gid) for code, gid in previous.participants if gid in kept and code in season.client
    )
    return Plan(placements, participants)


@dataclass
class _Built:
    """The season model as built, before any search."""

    season: Season
    cands: Candidates
    model: cp_model.CpModel
    v: SeasonVars
    warm: Plan
    coverage: Objective
    build_s: float
    variables: int = 0
    constraints: int = 0
    improved: tuple[list[str], int] = ([], 0)
    """Groups added and clients placed between the stages."""


def _build(season: Season, params: SolveParams, before: Plan | None, started: float) -> _Built:
    cands = Candidates(season, params, keep=before)
    model = cp_model.CpModel()
    v = build_variables(model, season, params, cands)
    add_hard_rules(model, season, v)
    warm = warm_start_plan(season, cands, prefer=before)
    add_plan_hint(model, v, warm)
    coverage = coverage_objective(model, season, v, before)
    model.minimize(coverage.expr)
    built = _Built(
        season,
        cands,
        model,
        v,
        warm,
        coverage,
        time.perf_counter() - started,
        len(model.proto.variables),
        len(model.proto.constraints),
    )
    log.info(
        "season model: %d groups, %d variables, %d constraints, built in %.1f s",
        len(v.gids),
        built.variables,
        built.constraints,
        built.build_s,
    )
    return built


def _search(
    built: _Built,
    params: SolveParams,
    clock: _Clock,
    on_progress: Progress | None,
    changed: dict[str, Any],
) -> tuple[Plan, list[StageResult], str, StageResult]:
    """Stage 1 (again, with the rest of the time, when it found nothing), polish, the groups
    and clients that fit, then stage 2 from the best plan. Returns that plan, every search
    run, the plan's source and the stage-1 run whose status and bound are the model's."""
    model, v, coverage = built.model, built.v, built.coverage
    reserve = params.explain_share * params.time_limit_s if params.explain or params.repair else 0
    seconds = max((clock.left() - reserve) * params.coverage_share, MIN_STAGE_S)
    polish_s = seconds * params.polish_share
    stage1, solver, status = _run_budgeted(
        "coverage", model, params, clock, seconds - polish_s, coverage, on_progress
    )
    stages = [stage1]
    if status == cp_model.UNKNOWN and clock.budget_s["coverage"] >= MIN_RUN_S:
        # No plan in stage 1's share (a large model still in presolve, say): go on with all
        # the time that is left rather than return the first-fit plan early. The model still
        # holds the first-fit hint.
        # CP-SAT's presolve alone can outlast a stage on the largest seasons: the retry and
        # the stages after it search without it, from the complete first-fit hint.
        params = replace(params, presolve_iterations=0)
        stage1, solver, status = _run_budgeted(
            "coverage_retry", model, params, clock, clock.left() - reserve, coverage, on_progress
        )
        stages.append(stage1)
    if status not in SOLVED:
        return built.warm, stages, "warm_start", stage1
    plan = v.plan(solver)
    polish_s = min(polish_s, clock.left() - reserve)
    if polish_s >= MIN_STAGE_S and status != cp_model.OPTIMAL:
        plan, polish = _polish(built, params, plan, clock, polish_s, on_progress)
        stages.append(polish)
        better = polish.objective is not None and polish.objective < (stage1.objective or 0)
        changed["polish"] = {
            "objective_before": stage1.objective,
            "objective_after": polish.objective if better else stage1.objective,
        }
    if len(plan.placements) == len(v.gids):
        reserve = min(reserve, MIN_STAGE_S)  # nothing left to explain: search longer
    if params.repair:
        want = min(params.improve_share * params.time_limit_s, max(clock.left() - reserve, 0) / 3)
        seconds = clock.grant("improve", want)
        plan, added, filled = improve_plan(built.season, params, plan, built.cands, seconds=seconds)
        built.improved = (added, filled)
        changed["improve_plan"] = {"groups_added": added, "clients_placed": filled}
    if clock.left() - reserve <= MIN_STAGE_S:
        return plan, stages, "coverage", stage1
    # Each tier keeps its value (one combined bound would let stage 2 trade clients for a
    # group, since tier 1 outweighs all of tier 2).
    _, reached = plan_objective(coverage, plan_values(v, plan))
    for term in coverage.terms:
        # Rewards may not fall, penalties (changes, when re-planning) may not grow.
        if term.reward:
            model.add(term.expr >= reached[term.name])
        else:
            model.add(term.expr <= reached[term.name])
    changes = next((t for t in coverage.terms if t.name == "changes"), None)
    cost = cost_objective(model, built.season, v, changes)
    model.minimize(cost.expr)
    hint = plan_values(v, plan)
    hint.update(cost.aux_values(lambda var: hint[var.index]))
    hint_values(model, hint)
    stage2, solver2, status2 = _run_budgeted(
        "cost", model, params, clock, clock.left() - reserve, cost, on_progress
    )
    stages.append(stage2)
    if status2 in SOLVED:
        return v.plan(solver2), stages, "cost", stage1
    return plan, stages, "coverage", stage1


def _polish(
    built: _Built,
    params: SolveParams,
    plan: Plan,
    clock: _Clock,
    seconds: float,
    on_progress: Progress | None,
) -> tuple[Plan, StageResult]:
    """Stage 1 again on a copy of the model in which every group keeps its day, time and venue
    (and whether it runs): only leaders and participants move. Much smaller, so CP-SAT closes
    in on the most clients for those groups, e.g. a second leader that lets a group grow past
    four (l. 363-364). Returns the better of the two plans, and the polishing stage."""
    v = built.v
    values = plan_values(v, plan)
    fixed = [v.sched[g] for g in v.gids]
    fixed += [*v.day.values(), *v.start.values(), *v.at.values(), *v.use.values()]
    model = built.model.clone()
    for var in fixed:
        value = values[var.index]
        domain = model.proto.variables[var.index].domain
        domain.clear()
        domain.extend([value, value])
    hint_values(model, values)
    stage, solver, status = _run_budgeted(
        "polish", model, params, clock, seconds, built.coverage, on_progress
    )
    if status not in SOLVED or stage.objective is None or solver is None:
        return plan, stage
    before, _ = plan_objective(built.coverage, values)
    if stage.objective >= before:
        return plan, stage
    return v.plan(solver), stage


def solve(
    season: Season,
    params: SolveParams | None = None,
    previous: Plan | None = None,
    changes: Changes | None = None,
    on_progress: Progress | None = None,
    stop: StopSignal | None = None,
) -> Result:
    """Plan the season: who meets when and where, led by whom, with which clients.

    With `previous` (and optionally `changes`), re-plan: keep what still works, drop absent
    people, closed venues and cancelled groups, and change as little else as possible.
    `on_progress(objective, bound, wall_s)` is called on each improving solution of either
    stage (stage 1: coverage, stage 2: cost); keep it cheap. `stop.request()` (from another
    thread) ends the search under way and starts no other: the plan returned is the best so
    far, as at the time limit, and `stats["stopped"]` says so.
    """
    params = params or SolveParams()
    clock = _Clock(params.time_limit_s)
    clock.stop = stop
    started = clock.started
    work = apply_changes(season, changes) if changes is not None else season
    before = _previous_in(work, previous)
    built = _build(work, params, before, started)
    changed: dict[str, Any] = {}
    plan, stages, source, model_stage = _search(built, params, clock, on_progress, changed)
    missing = [g.group_id for g in work.groups if g.group_id not in plan.placement]
    # complete_plan opens each missing group's pruned options (`Candidates.for_group` with
    # the rules behind literals) and adds it where it fits, before any reason is given.
    plan, added, reasons = complete_plan(
        work,
        params,
        plan,
        missing,
        cands=built.cands,
        seconds=clock.grant("complete", clock.left()) if missing else 0.0,
        insert=params.repair,
        explain=params.explain,
    )
    if missing:
        changed["complete_plan"] = {"groups_added": added}
    after_search = time.perf_counter()
    filled = seconded = 0
    if params.repair:
        plan, filled, seconded = fill_open_seats(work, plan, params.allowance_min)
        changed["fill_open_seats"] = {"clients_placed": filled, "second_leaders": seconded}
    value, terms = _plan_value(built, plan)
    changed["beyond_candidates"] = _beyond_candidates(built, plan)
    cancelled = changes.cancelled if changes is not None else frozenset()
    unscheduled = tuple(
        Reason(g.group_id, "cancelled") if g.group_id in cancelled else reasons[g.group_id]
        for g in season.groups
        if g.group_id in cancelled or g.group_id in reasons
    )
    placed = {code for code, _ in plan.participants}
    unplaced = explain_clients(
        work,
        built.cands,
        plan,
        [c.client_code for c in work.clients if c.client_code not in placed],
    )
    plan = with_modes(
        work,
        Plan(
            plan.placements,
            plan.participants,
            tuple(Unscheduled(r.subject, r.text(params.language)) for r in unscheduled),
        ),
    )
    wall = clock.elapsed()
    return Result(
        status=model_stage.status,
        objective=model_stage.objective,
        best_bound=model_stage.best_bound,
        wall_s=wall,
        first_feasible_s=next(
            (s.first_solution_s for s in stages if s.first_solution_s is not None), None
        ),
        plan=plan,
        unscheduled=unscheduled,
        unplaced=tuple(unplaced.values()),
        stages=tuple(stages),
        stats={
            **_stats(built, params, source, added),
            "clients_placed_after_search": filled,
            "second_leaders_after_search": seconded,
            "plan_terms": terms,
            "budget_s": {k: round(b, 3) for k, b in clock.budget_s.items()},
            "budget_ends_s": dict(clock.ends_s),
            "after_search_s": round(time.perf_counter() - after_search, 3),
            "overrun_s": round(max(0.0, wall - params.time_limit_s), 3),
            "stopped": clock.stopped(),
        },
        plan_objective=value,
        changed_after_search=changed,
    )


def _plan_value(built: _Built, plan: Plan) -> tuple[float, dict[str, int]]:
    """The plan's value over stage 1's objective, and its terms. Participants outside the
    model's candidates (added after the search) count as the model would count them; so do
    groups the model did not hold."""
    v, season, coverage = built.v, built.season, built.coverage
    value, terms = plan_objective(coverage, plan_values(v, plan))
    base = placement_base(season, v)
    extra_clients = sum(
        base + client_fit(season.group[gid], season.client[code])
        for code, gid in set(plan.participants)
        if (code, gid) not in v.x and gid in season.group and code in season.client
    )
    extra_groups = sum(
        max(season.group[p.group_id].priority, 1)
        for p in plan.placements
        if p.group_id not in v.sched and p.group_id in season.group
    )
    terms["placed_clients"] = terms.get("placed_clients", 0) + extra_clients
    terms["scheduled_groups"] = terms.get("scheduled_groups", 0) + extra_groups
    value -= coverage.weights[2] * extra_clients + coverage.weights[1] * extra_groups
    return value, terms


def _beyond_candidates(built: _Built, plan: Plan) -> dict[str, int]:
    """What the plan uses that the model's candidates did not offer, by kind."""
    cands, v = built.cands, built.v
    out = {"groups": 0, "venues": 0, "leaders": 0, "clients": 0}
    for p in plan.placements:
        c = cands.groups.get(p.group_id)
        if c is None:
            out["groups"] += 1
            continue
        out["venues"] += int(p.venue_id is not None and p.venue_id not in c.venues)
        out["leaders"] += sum(1 for pid in p.leaders if pid not in c.leaders)
    out["clients"] = sum(
        1 for code, gid in set(plan.participants) if gid in cands.groups and (code, gid) not in v.x
    )
    return out


def _stats(built: _Built, params: SolveParams, source: str, added: list[str]) -> dict:
    return {
        "variables": built.variables,
        "constraints": built.constraints,
        "build_s": round(built.build_s, 3),
        "warm_start_s": round(built.build_s, 3),
        "plan_source": source,
        "groups_added_between_stages": built.improved[0],
        "clients_placed_between_stages": built.improved[1],
        "groups_added_after_search": added,
        "warm_start_groups": len(built.warm.placements),
        "warm_start_clients": len({c for c, _ in built.warm.participants}),
        "pruning": built.cands.pruning,
        "candidate_leaders": len(built.v.lead),
        "candidate_placements": len(built.v.x),
        "objective_terms": built.coverage.describe(),
        "language": params.language,
    }
