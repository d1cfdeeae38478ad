"""What makes one valid plan better than another: named terms in strict priority tiers.

Tiers, most important first:

1. scheduled groups, weighted by `group.priority`             (reward, stage 1)
2. placed clients: each placement is worth `B + fit`, where fit is 5/4/3 for the client's
   first/second/third wish, 2 for a later wish, 1 when the group's theme is among the
   client's interests or the group targets the client's audience, else 0; and
   B = 1 + 5 * (total possible placements). So one more placed client always beats any
   improvement in fit, and fit then decides between equally many placements. (reward, stage 1)
3. staff travel and the shape of the week (stage 2), one tier priced in minutes of driving:
   - staff travel: minutes from each leading staff member's base to the venue and back, per
     session (by car, or by transit for staff without a car);
   - leader skills (l. 375): a group led by nobody whose skills include its theme, when a
     candidate leader's do, weighs `SKILLS_MIN` minutes;
   - weekday spread: each group beyond a municipality's fair share of a weekday (its
     groups over the weekdays they could meet, rounded up) weighs `SPREAD_MIN` minutes, and
     each group beyond a staff member's first on one weekday `LEADER_SPREAD_MIN`; so groups
     spread over the week, above what a short drive saves and never at a client's or a
     group's cost (those are stage 1's, held in stage 2).
   Priced rather than a tier of their own: two more strict tiers would take the stage-2
   weights past the 53 bits the relaxation keeps exact (see below).
4. staff load: each staff member's weekly load in percent of their share, penalised convexly
   above 50, 75 and 90 % (see `LOAD_STEPS`), so heavy loads are evened out       (stage 2)
5. client travel: minutes from home to the venue, per in-person placement         (stage 2)
6. stability against a previous plan: one unit per changed weekday, start, venue, dropped
   leader and moved participant. Without a previous plan the tier is empty; when
   re-planning it ranks right after tier 1, above tier 2 (stage 1: groups, then changes,
   then clients), so that a coordinator's re-plan keeps every group it can and otherwise
   moves nothing, not even to place a few more clients; stage 2 keeps that many changes
   at most.

Dominance: each tier's terms have a known upper bound U_k in their own units (a sum over
the largest value each item can take). The lowest tier of a stage weighs 1 and each tier
above weighs W_k = 1 + sum over the lower tiers j of W_j * U_j, so a one-unit gain in a tier
is worth more than the largest possible change in all lower tiers together. The objective is
one `minimize`: rewards enter negatively, so lower is better.

Why two stages (lexicographic solve): the full product of bounds over six tiers does not fit
the 53 bits CP-SAT's linear relaxation can represent exactly (about 10^20 on the scale-8
season), so stage 1 maximises tiers 1-2 (weights up to ~10^10; with tier 6 between them when
re-planning), and stage 2 keeps each of those terms at its stage-1 value (a constraint per
term) and minimises tiers 3-5 (with the changes term on top when re-planning). Stage 2
tiers 3-5 are counted in units (`Term.unit`: minutes, or percent for the load) of 1 unless a
term's bound would exceed `UNIT_TARGET` units, then rounded up per item, so that stage 2
stays below ~10^15 even with stability on top (each of tiers 3-5 then spans at most 5,000
units and stability at most a few thousand). Stage 1 with stability between tiers 1 and 2
stays below ~10^15 on the scale-8 season too.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ortools.sat.python import cp_model

from planner import rules
from planner.model import Plan, Season, Staff
from planner.solve.candidates import MAX_FIT, client_fit
from planner.solve.variables import SeasonVars

UNIT_TARGET = 5_000

SKILLS_MIN = rules.SKILLS_MIN
SPREAD_MIN = rules.SPREAD_MIN
LEADER_SPREAD_MIN = rules.LEADER_SPREAD_MIN

TIER_NAMES = {
    1: "scheduled groups",
    2: "placed clients",
    3: "staff travel minutes, leader skills and weekday spread",
    4: "staff load above 50/75/90 %",
    5: "client travel minutes",
    6: "changes from the previous plan",
}
COVERAGE_TIERS = (1, 2)
REPLAN_COVERAGE_TIERS = (1, 6, 2)
COST_TIERS = (3, 4, 5)
REPLAN_COST_TIERS = (6, 3, 4, 5)


Value = Callable[[cp_model.IntVar], int]
Aux = tuple[cp_model.IntVar, Callable[[Value], int]]
"""An auxiliary variable of a term, and how to compute its value from a plan's decisions
(used to hint stage 2 completely with the stage-1 solution)."""


Parts = list[tuple[int, cp_model.IntVar]]


@dataclass(frozen=True)
class Term:
    """A named objective term: `constant + sum(coefficient * variable)`, in its units."""

    name: str
    tier: int
    parts: tuple[tuple[int, cp_model.IntVar], ...]
    upper: int
    """The most the term can amount to, in its units (it is never below 0)."""
    reward: bool = False
    unit: int = 1
    """Minutes (or load percent) per unit, for the cost terms."""
    aux: tuple[Aux, ...] = ()
    constant: int = 0

    @property
    def expr(self) -> cp_model.LinearExprT:
        return self.constant + sum(c * var for c, var in self.parts)

    def value(self, value: Value) -> int:
        """The term's value given every variable's value."""
        return self.constant + sum(c * value(var) for c, var in self.parts)


@dataclass(frozen=True)
class Objective:
    terms: tuple[Term, ...]
    order: tuple[int, ...]
    weights: dict[int, int]
    expr: cp_model.LinearExprT

    def values(self, solver: cp_model.CpSolver) -> dict[str, int]:
        """Each term's value in its units (call only when the solver has a solution)."""
        return {t.name: int(solver.value(t.expr)) for t in self.terms}

    def term_values(self, value: Value) -> dict[str, int]:
        """Each term's value given every variable's value (e.g. a plan's)."""
        return {t.name: t.value(value) for t in self.terms}

    def aux_values(self, value: Value) -> dict[int, int]:
        """Values of every auxiliary variable, by variable index, given the decisions."""
        return {var.index: compute(value) for t in self.terms for var, compute in t.aux}

    def describe(self) -> dict[str, dict[str, int]]:
        return {
            t.name: {
                "tier": t.tier,
                "weight": self.weights[t.tier],
                "upper": t.upper,
                "unit": t.unit,
            }
            for t in self.terms
        }


def tier_weights(terms: Iterable[Term], order: Sequence[int]) -> dict[int, int]:
    """W for each tier in `order` (most important first) so that every tier strictly
    dominates all tiers below it together."""
    upper = {k: 0 for k in order}
    for t in terms:
        upper[t.tier] += t.upper
    weights: dict[int, int] = {}
    below = 0
    for tier in reversed(order):
        weights[tier] = 1 + below
        below += weights[tier] * upper[tier]
    return weights


def weigh(terms: Sequence[Term], order: Sequence[int]) -> Objective:
    terms = tuple(t for t in terms if t.tier in order)
    weights = tier_weights(terms, order)
    expr = sum((-1 if t.reward else 1) * weights[t.tier] * t.expr for t in terms)
    return Objective(terms, tuple(order), weights, expr)


# --- Tier 1-2 (stage 1) ---


def reward_scheduled_groups(model: cp_model.CpModel, season: Season, v: SeasonVars) -> Term:
    prio = {gid: max(season.group[gid].priority, 1) for gid in v.gids}
    parts = [(prio[gid], v.sched[gid]) for gid in v.gids]
    return Term("scheduled_groups", 1, tuple(parts), sum(prio.values()), reward=True)


def placement_base(season: Season, v: SeasonVars) -> int:
    """B: more than all fit bonuses together, so placements count first."""
    return 1 + MAX_FIT * _max_placements(season, v)


def _max_placements(season: Season, v: SeasonVars) -> int:
    return sum(
        min(season.client[code].max_groups, len(gids)) for code, gids in v.groups_of_client.items()
    )


def reward_placed_clients(model: cp_model.CpModel, season: Season, v: SeasonVars) -> Term:
    base = placement_base(season, v)
    parts = [
        (base + client_fit(season.group[gid], season.client[code]), x)
        for (code, gid), x in v.x.items()
    ]
    upper = (base + MAX_FIT) * _max_placements(season, v)
    return Term("placed_clients", 2, tuple(parts), upper, reward=True)


def plan_objective(objective: Objective, values: dict[int, int]) -> tuple[float, dict[str, int]]:
    """An objective's value and terms for a complete assignment (variable index -> value),
    e.g. a plan changed outside the search."""
    full = dict(values)
    full.update(objective.aux_values(lambda var: full[var.index]))
    terms = objective.term_values(lambda var: full[var.index])
    value = sum(
        (-1 if t.reward else 1) * objective.weights[t.tier] * terms[t.name] for t in objective.terms
    )
    return float(value), terms


def coverage_objective(
    model: cp_model.CpModel, season: Season, v: SeasonVars, previous: Plan | None = None
) -> Objective:
    terms = [reward_scheduled_groups(model, season, v), reward_placed_clients(model, season, v)]
    if previous is not None:
        terms.append(penalty_changes(model, season, v, previous))
        return weigh(terms, REPLAN_COVERAGE_TIERS)
    return weigh(terms, COVERAGE_TIERS)


# --- Tier 3-6 (stage 2) ---


def _unit(upper: int) -> int:
    return max(1, math.ceil(upper / UNIT_TARGET))


def _venue_cost(
    model: cp_model.CpModel,
    v: SeasonVars,
    gid: str,
    active: cp_model.IntVar,
    cost: dict[str, int],
    name: str,
    aux: list[Aux],
) -> Parts:
    """cost[venue of the group] when `active`, else 0.

    Split as the cheapest venue's cost times `active` plus the extra of the venue chosen, so
    that only the (small) differences between a municipality's venues sit behind a big-M and
    the linear relaxation stays tight.
    """
    low = min(cost.values(), default=0)
    extra = max(cost.values(), default=0) - low
    if extra == 0:
        return [(low, active)]
    var = model.new_int_var(0, extra, name)
    uses = [(c - low, v.use[gid, vid]) for vid, c in cost.items()]
    model.add(var >= sum(c * use for c, use in uses) - extra * (1 - active))
    aux.append(
        (
            var,
            lambda value: max(0, sum(c * value(u) for c, u in uses) - extra * (1 - value(active))),
        )
    )
    return [(low, active), (1, var)]


def penalty_staff_travel(model: cp_model.CpModel, season: Season, v: SeasonVars) -> Term:
    items = []
    for (gid, pid), lead in v.lead.items():
        venues = v.cands[gid].venues
        if not venues or not isinstance(season.person[pid], Staff):
            continue
        items.append((gid, pid, lead, {vid: v.cands.round_trip(pid, vid) for vid in venues}))
    upper = _group_bound(items, per_group=2)
    unit = _unit(upper)
    aux: list[Aux] = []
    parts: Parts = []
    for gid, pid, lead, cost in items:
        scaled = {k: math.ceil(c / unit) for k, c in cost.items()}
        parts += _venue_cost(model, v, gid, lead, scaled, f"drive_{gid}_{pid}", aux)
    return Term("staff_travel", 3, tuple(parts), math.ceil(upper / unit), unit=unit, aux=tuple(aux))


def _group_bound(items, per_group: int) -> int:
    """Upper bound of a per-(group, person) cost: the `per_group` costliest per group."""
    by_group: dict[str, list[int]] = {}
    for gid, _, _, cost in items:
        by_group.setdefault(gid, []).append(max(cost.values(), default=0))
    return sum(sum(sorted(c, reverse=True)[:per_group]) for c in by_group.values())


def _priced(minutes: int, unit: int) -> int:
    return max(1, math.ceil(minutes / unit))


def penalty_leader_skills(
    model: cp_model.CpModel, season: Season, v: SeasonVars, unit: int
) -> Term:
    """Groups that run without a leader whose skills match the theme, where a candidate's do."""
    price = _priced(SKILLS_MIN, unit)
    parts: Parts = []
    aux: list[Aux] = []
    for gid in v.gids:
        g = season.group[gid]
        skilled = tuple(
            v.lead[gid, pid]
            for pid in v.cands[gid].leaders
            if rules.skills_match(g, season.person[pid])
        )
        if not skilled:
            continue
        sched = v.sched[gid]
        miss = model.new_bool_var(f"no_skills_{gid}")
        model.add(miss >= sched - sum(skilled))
        parts.append((price, miss))
        aux.append(
            (miss, lambda value, s=sched, k=skilled: int(value(s) and not any(map(value, k))))
        )
    upper = sum(c for c, _ in parts)
    return Term("leader_skills", 3, tuple(parts), upper, unit=unit, aux=tuple(aux))


def _over(
    model: cp_model.CpModel,
    lits: Sequence[cp_model.IntVar],
    allowed: int,
    name: str,
    count: Callable[[Value], int],
    aux: list[Aux],
) -> cp_model.IntVar:
    """max(0, sum(lits) - allowed), held at its value by the minimisation; `count` is
    sum(lits) from a plan's decisions (for the hint)."""
    over = model.new_int_var(0, len(lits) - allowed, name)
    model.add(over >= sum(lits) - allowed)
    aux.append((over, lambda value: max(0, count(value) - allowed)))
    return over


def penalty_weekday_spread(
    model: cp_model.CpModel, season: Season, v: SeasonVars, unit: int
) -> Term:
    """Groups beyond a municipality's fair share of a weekday, and a staff member's groups
    beyond the first on one weekday."""
    parts: Parts = []
    aux: list[Aux] = []
    upper = 0
    local: dict[str, list[str]] = defaultdict(list)
    for gid in v.gids:
        g = season.group[gid]
        if g.needs_venue:  # remote groups meet in no municipality in particular
            local[g.municipality].append(gid)
    price = _priced(SPREAD_MIN, unit)
    for muni, gids in sorted(local.items()):
        days = sorted({d for gid in gids for d in v.cands[gid].days})
        if len(days) < 2:
            continue
        share = math.ceil(len(gids) / len(days))
        for d in days:
            lits = tuple(v.day[gid, d] for gid in gids if (gid, d) in v.day)
            if len(lits) <= share:
                continue
            count = lambda value, ls=lits: sum(map(value, ls))  # noqa: E731
            over = _over(model, lits, share, f"spread_{muni}_{d}", count, aux)
            parts.append((price, over))
        # The excess over all weekdays is at most every group but a share on one day.
        upper += price * max(0, len(gids) - share)
    price = _priced(LEADER_SPREAD_MIN, unit)
    allowance = v.params.allowance_min
    for pid, gids in sorted(v.groups_of_person.items()):
        person = season.person[pid]
        cap = rules.weekly_cap_min(person)
        if cap is None:  # partners: their days are their own
            continue
        shortest = sorted(season.group[gid].minutes + allowance for gid in gids)
        most = sum(1 for i in range(len(shortest)) if sum(shortest[: i + 1]) <= cap)
        if most < 2:
            continue
        for d in season.person[pid].days:
            pairs = tuple((v.lead[gid, pid], v.day[gid, d]) for gid in gids if (gid, d) in v.day)
            if len(pairs) < 2:
                continue
            both = []
            for lead, day in pairs:
                y = model.new_bool_var(f"leads_{pid}_{lead.index}_{d}")
                model.add(y >= lead + day - 1)
                aux.append((y, lambda value, a=lead, b=day: int(value(a) and value(b))))
                both.append(y)
            count = lambda value, ps=pairs: sum(value(a) and value(b) for a, b in ps)  # noqa: E731
            parts.append((price, _over(model, both, 1, f"spread_{pid}_{d}", count, aux)))
        upper += price * (most - 1)
    return Term("weekday_spread", 3, tuple(parts), upper, unit=unit, aux=tuple(aux))


LOAD_STEPS = ((50, 1), (75, 2), (90, 4))
"""Load above 50 % of a staff member's share costs 1 per percent, above 75 % 2 more and above
90 % 4 more: a convex penalty, so evening out two loads always pays."""


def penalty_staff_load(model: cp_model.CpModel, season: Season, v: SeasonVars) -> Term:
    allowance = v.params.allowance_min
    loaded = [
        (pid, gids, cap)
        for pid, gids in v.groups_of_person.items()
        if (cap := rules.weekly_cap_min(season.person[pid]))
    ]
    per_person = sum((100 - start) * w for start, w in LOAD_STEPS)
    unit = _unit(per_person * len(loaded))
    parts: Parts = []
    aux: list[Aux] = []
    for pid, gids, cap in loaded:
        items = [(v.lead[gid, pid], season.group[gid].minutes + allowance) for gid in gids]
        load = sum(lead * minutes for lead, minutes in items)
        # pct: the load in steps of `unit` percent, rounded up.
        pct = model.new_int_var(0, math.ceil(100 / unit), f"load_{pid}")
        model.add(100 * load <= cap * unit * pct)

        def pct_value(value: Value, items=items, cap=cap) -> int:
            minutes = sum(value(lead) * m for lead, m in items)
            return min(math.ceil(100 * minutes / (cap * unit)), math.ceil(100 / unit))

        aux.append((pct, pct_value))
        for start, weight in LOAD_STEPS:
            above = model.new_int_var(0, math.ceil((100 - start) / unit), f"load_{pid}_{start}")
            model.add(above >= pct - start // unit)
            parts.append((weight, above))
            aux.append((above, lambda value, f=pct_value, s=start: max(0, f(value) - s // unit)))
    upper = sum(weight * math.ceil((100 - start) / unit) for start, weight in LOAD_STEPS) * len(
        loaded
    )
    return Term("staff_load", 4, tuple(parts), upper, unit=unit, aux=tuple(aux))


def penalty_client_travel(model: cp_model.CpModel, season: Season, v: SeasonVars) -> Term:
    items = []
    for (code, gid), x in v.x.items():
        venues = v.cands[gid].venues
        if not venues or not rules.travel_binds(season.group[gid], season.client[code]):
            continue
        items.append((gid, code, x, {vid: v.cands.client_minutes(code, vid) for vid in venues}))
    per_client: dict[str, int] = {}
    for _, code, _, cost in items:
        per_client[code] = max(per_client.get(code, 0), max(cost.values()))
    upper = sum(per_client[code] * season.client[code].max_groups for code in per_client)
    unit = _unit(upper)
    aux: list[Aux] = []
    parts: Parts = []
    for gid, code, x, cost in items:
        scaled = {k: math.ceil(c / unit) for k, c in cost.items()}
        parts += _venue_cost(model, v, gid, x, scaled, f"trip_{code}_{gid}", aux)
    return Term(
        "client_travel", 5, tuple(parts), math.ceil(upper / unit), unit=unit, aux=tuple(aux)
    )


def penalty_changes(model: cp_model.CpModel, season: Season, v: SeasonVars, previous: Plan) -> Term:
    """Units of change from the previous plan, over what could still stay the same."""
    kept = []
    aux: list[Aux] = []
    members = previous.members
    for gid in v.gids:
        p = previous.placement.get(gid)
        if p is None:
            continue
        if (gid, p.weekday) in v.day:
            kept.append(v.day[gid, p.weekday])
        if p.start in v.cands[gid].starts:
            same = model.new_bool_var(f"same_start_{gid}")
            model.add(v.start[gid] == p.start).only_enforce_if(same)
            model.add(v.start[gid] != p.start).only_enforce_if(same.Not())
            model.add_implication(same, v.sched[gid])
            kept.append(same)
            start, sched, at = v.start[gid], v.sched[gid], p.start
            aux.append(
                (same, lambda value, s=start, b=sched, t=at: int(value(b) and value(s) == t))
            )
        if p.venue_id is not None and (gid, p.venue_id) in v.use:
            kept.append(v.use[gid, p.venue_id])
        kept += [v.lead[gid, pid] for pid in p.leaders if (gid, pid) in v.lead]
        kept += [v.x[code, gid] for code in members.get(gid, ()) if (code, gid) in v.x]
    parts = tuple((-1, k) for k in kept)
    return Term("changes", 6, parts, len(kept), aux=tuple(aux), constant=len(kept))


def cost_objective(
    model: cp_model.CpModel, season: Season, v: SeasonVars, changes: Term | None = None
) -> Objective:
    """Tiers 3-5; when re-planning, stage 1's `changes` term stays on top (tier 6)."""
    travel = penalty_staff_travel(model, season, v)
    terms = [
        travel,
        penalty_leader_skills(model, season, v, travel.unit),
        penalty_weekday_spread(model, season, v, travel.unit),
        penalty_staff_load(model, season, v),
        penalty_client_travel(model, season, v),
    ]
    if changes is not None:
        terms.append(changes)
        return weigh(terms, REPLAN_COST_TIERS)
    return weigh(terms, COST_TIERS)
