"""Between and after the searches: add what fits beside the plan as it stands, and explain
what does not.

`improve_plan` (between the stages) adds unscheduled groups using only the model's own
candidates, gives one-leader groups that more clients could join a free second leader, and
puts unplaced clients into scheduled groups with a free seat, so that stage 2 can start from
the better plan. `complete_plan` (at the end) tries once more with every
option the rules allow, the ones the candidate cuts took away included (the probe is built
from `Candidates.for_group(gid, relaxed=...)`, unpruned), and only then explains each group
still left out. Both stay within the seconds they are given: a group reached after the
deadline is "not analysed", never a late search.

A time-limited search can stop with a group left out that would fit without moving anything
else (free leaders, a free room, clients not yet placed). Each unscheduled group is modelled
alone against the plan held fixed (the one-group model of `explain`, every rule on): if it
can run, it is added with as many participants as it can take, best-fitting first; if not,
the same model yields the reason. Higher priority groups go first, and each addition becomes
part of the plan for the next.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from ortools.sat.python import cp_model

from planner.model import Plan, Season
from planner.solve.candidates import MAX_FIT, Candidates, client_fit
from planner.solve.explain import (
    Deadline,
    GroupProbe,
    explain_with_probe,
    group_probe,
    quick_reason,
)
from planner.solve.params import SolveParams
from planner.solve.reason import Reason
from planner.solve.warm_start import add_second_leaders, fill_seats

log = logging.getLogger("planner")

INSERT_LIMIT_S = 0.5
"""Any plan for the group will do; the most participants within this time."""


def improve_plan(
    season: Season,
    params: SolveParams,
    plan: Plan,
    cands: Candidates,
    *,
    seconds: float = 10.0,
) -> tuple[Plan, list[str], int]:
    """The plan with the groups that fit added (model candidates only) and then unplaced
    clients put into free seats; the ids added and the number of clients placed."""
    deadline = Deadline(seconds)
    added: list[str] = []
    missing = [gid for gid in cands.groups if gid not in plan.placement]
    for gid in sorted(missing, key=lambda g: (-season.group[g].priority, g)):
        if deadline.left() <= 0.05:
            break
        if quick_reason(season, gid) is not None:
            continue
        probe = group_probe(season, params, gid, plan, cands=cands, universe=False)
        one = best_insertion(season, probe, deadline)
        if one is not None:
            plan = _with(plan, one)
            added.append(gid)
    before = len(plan.participants)
    plan = fill_seats(season, cands, add_second_leaders(season, cands, plan))
    return plan, added, len(plan.participants) - before


def _with(plan: Plan, one: Plan) -> Plan:
    return Plan(
        plan.placements + one.placements, tuple(sorted(plan.participants + one.participants))
    )


def complete_plan(
    season: Season,
    params: SolveParams,
    plan: Plan,
    gids: Iterable[str],
    *,
    cands: Candidates | None = None,
    seconds: float = 10.0,
    insert: bool = True,
    explain: bool = True,
) -> tuple[Plan, list[str], dict[str, Reason]]:
    """The plan with every group of `gids` that fits added, the ids added, and a reason for
    each group still left out."""
    deadline = Deadline(seconds)
    added: list[str] = []
    reasons: dict[str, Reason] = {}
    for gid in sorted(gids, key=lambda g: (-season.group[g].priority, g)):
        quick = quick_reason(season, gid)
        if quick is not None:
            reasons[gid] = quick
            continue
        if deadline.left() <= 0.05 or not (insert or explain):
            reasons[gid] = Reason(gid, "not_analysed")
            continue
        probe = group_probe(season, params, gid, plan, cands=cands)
        one = best_insertion(season, probe, deadline) if insert else None
        if one is not None:
            plan = _with(plan, one)
            added.append(gid)
            continue
        if deadline.left() <= 0.05:
            reasons[gid] = Reason(gid, "not_analysed")
            continue
        try:
            reasons[gid] = (
                explain_with_probe(season, params, probe, gid, deadline)
                if explain
                else Reason(gid, "not_analysed")
            )
        except TimeoutError:
            reasons[gid] = Reason(gid, "not_analysed")
    if added:
        log.info("added %d groups that fit beside the plan: %s", len(added), ", ".join(added))
    return plan, added, reasons


def best_insertion(season: Season, probe: GroupProbe, deadline: Deadline) -> Plan | None:
    """The probe's group placed with the most (best-fitting) participants, or None."""
    v = probe.v
    base = 1 + MAX_FIT * len(v.x)
    v.model.maximize(
        sum((base + client_fit(season.group[g], season.client[c])) * x for (c, g), x in v.x.items())
    )
    try:
        status, solver = probe.run(probe.keys, min(INSERT_LIMIT_S, max(deadline.left(), 0.05)))
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return v.plan(solver)
        return None
    finally:
        v.model.clear_objective()
