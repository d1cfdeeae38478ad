"""Why a group is not scheduled, and why a client is not placed, in plain words (fi/sv/en).

Groups: the group is modelled alone against the rest of the plan, held fixed, with every
hard rule behind its own enforcement literal (and the part of a rule that comes from the
rest of the plan, such as other sessions keeping a leader busy, behind a second one). The
group is forced to run. If that is infeasible, CP-SAT's sufficient assumptions give a set of
rules that cannot all hold; deleting rules from it one at a time (the ones that explain
least go first) leaves a minimal set. That set is mapped to a reason key, and the objects
involved are named by looking at the data (the language, the days the group could meet, the
municipality) and, for "too few clients", by maximising the participants with the size rule
off. If the group could run without changing anything else, the search simply stopped early.

Clients: filters in the order a worker would look (language, audience, days, travel time,
accessibility, scheduled, free seats); the first filter that leaves nothing is the reason.

Reasons are a key and parameters; `Reason.text(lang)` renders them from the catalogue's
`solver.*` texts (`planner.i18n`), weekdays and other values in the same language.
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ortools.sat.python import cp_model

from planner import i18n, rules
from planner.model import Plan, Season
from planner.solve.candidates import Candidates, GroupCandidates
from planner.solve.params import SolveParams
from planner.solve.reason import Reason
from planner.solve.variables import PLAN_SUFFIX, Context, SeasonVars, build_variables

log = logging.getLogger("planner")

OTHER_VENUES = 6
INSIDE_VENUES = 24
"""Venues outside the group's municipality considered when asking whether the municipality
is the obstacle (the nearest ones)."""
SOLVE_LIMIT_S = 2.0

# --- Groups ---


class Deadline:
    def __init__(self, seconds: float) -> None:
        self.end = time.perf_counter() + seconds

    def left(self) -> float:
        return self.end - time.perf_counter()


@dataclass
class GroupProbe:
    """The one-group model with every rule behind a literal."""

    model: cp_model.CpModel
    v: SeasonVars
    keys: list[str]
    workers: int
    seed: int

    def run(self, on: Iterable[str], limit: float) -> tuple[int, cp_model.CpSolver]:
        self.model.clear_assumptions()
        self.model.add_assumptions([self.v.guards[k] for k in on])
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = 1
        solver.parameters.random_seed = self.seed
        solver.parameters.max_time_in_seconds = max(limit, 0.05)
        # Many small solves of one model: light presolve pays off.
        solver.parameters.max_presolve_iterations = 1
        solver.parameters.cp_model_probing_level = 0
        solver.parameters.symmetry_level = 0
        status = solver.solve(self.model)
        return status, solver

    def core(self, solver: cp_model.CpSolver) -> list[str]:
        by_index = {lit.index: k for k, lit in self.v.guards.items()}
        return [
            by_index[i] for i in solver.sufficient_assumptions_for_infeasibility() if i in by_index
        ]


def _removal_order(key: str) -> tuple[int, str]:
    """Rules tried for removal first explain least, so the ones that remain say most."""
    plan_part = key.endswith(PLAN_SUFFIX)
    base = key.removesuffix(PLAN_SUFFIX)
    first = ("venue_mode", "capacity", "two_leaders", "qualified_leader", "person_overlap")
    last = ("session_length", "term", "size", "pins")
    rank = 0 if plan_part else 1 if base in first else 3 if base in last else 2
    return (rank, key)


def group_probe(
    season: Season,
    params: SolveParams,
    gid: str,
    plan: Plan | None = None,
    *,
    cands: Candidates | None = None,
    universe: bool = True,
) -> GroupProbe:
    """The group alone (against `plan` held fixed, if given) with every rule guarded.

    With `universe` (explanations), the group may use any venue, leader and client the
    rules switched off would allow; without it, only its options in `cands` (the model's).
    """
    from planner.solve.rules_hard import HARD_RULES, add_hard_rules

    keys = list(HARD_RULES)
    context = Context.from_plan(season, plan, params, exclude=[gid]) if plan else Context()
    if not universe and cands is not None:
        one = cands.for_group(gid)
    else:
        base = cands or Candidates(season, params, group_ids=[])
        one = base.for_group(gid, relaxed=frozenset(keys))
        one.groups[gid] = _narrow(season, one, one[gid], context)
    plan_keys = [k + PLAN_SUFFIX for k, r in HARD_RULES.items() if r.about_plan] if plan else []
    model = cp_model.CpModel()
    v = build_variables(
        model,
        season,
        params,
        one,
        context=context,
        guarded=keys + plan_keys,
        must_schedule=[gid],
    )
    add_hard_rules(model, season, v)
    return GroupProbe(model, v, keys + plan_keys, params.workers, params.seed)


def _narrow(season: Season, cands: Candidates, c: GroupCandidates, context: Context):
    """Fewer venues and clients, keeping what is possible: the venues of the group's
    municipality (the `INSIDE_VENUES` that most clients reach, in a large one), plus the
    nearest others, and at most 10 clients per kind of client (clients who agree on every
    rule for this group are interchangeable)."""
    g = season.group[c.group_id]
    home = season.municipality.get(g.municipality)
    venues = list(c.venues)
    if venues:
        inside = [vid for vid in venues if rules.venue_in_municipality(g, season.venue[vid])]
        if len(inside) > INSIDE_VENUES:
            reach = defaultdict(int)
            for code in c.clients:
                for vid in cands.reach_set(season.client[code]):
                    reach[vid] += 1
            keep = sorted(inside, key=lambda vid: (vid != g.venue_id, -reach[vid], vid))
            inside = keep[:INSIDE_VENUES]
        outside = [vid for vid in venues if not rules.venue_in_municipality(g, season.venue[vid])]
        if home is not None:
            outside.sort(
                key=lambda vid: (
                    (season.venue[vid].lat - home.lat) ** 2
                    + (season.venue[vid].lon - home.lon) ** 2
                )
            )
        venues = inside + outside[:OTHER_VENUES]
    kinds: dict[tuple, list[str]] = defaultdict(list)
    for code in c.clients:
        client = season.client[code]
        reach = frozenset(
            vid for vid in venues if cands.client_minutes(code, vid) <= client.max_travel_min
        )
        kind = (
            rules.client_speaks(g, client),
            rules.client_in_audience(g, client),
            tuple(sorted(client.days)),
            rules.remote_allowed(g, client),
            reach if rules.travel_binds(g, client) else None,
            client.needs_accessible and rules.travel_binds(g, client),
            client.max_groups >= 1,
            client.max_groups - context.groups_of_client.get(code, 0) >= 1,
        )
        if len(kinds[kind]) < rules.MAX_GROUP_SIZE:
            kinds[kind].append(code)
    clients = tuple(code for codes in kinds.values() for code in codes)
    open_starts = {k: s for k, s in c.open_starts.items() if k[0] in venues}
    return GroupCandidates(
        c.group_id, c.days, tuple(venues), c.starts, open_starts, c.leaders, clients
    )


def blocking_rules(
    season: Season,
    gid: str,
    params: SolveParams | None = None,
    plan: Plan | None = None,
    *,
    limit_s: float = 10.0,
) -> tuple[str, ...] | None:
    """A minimal set of rule keys that keep the group from running (None: it can run).

    With `plan`, the rest of that plan stays fixed and keys ending in "@plan" name the part
    of a rule that comes from it. Raises TimeoutError when the search cannot decide.
    """
    params = params or SolveParams()
    probe = group_probe(season, params, gid, plan)
    core, _ = _minimal_core(probe, Deadline(limit_s))
    return core


def can_run(
    season: Season,
    gid: str,
    params: SolveParams | None = None,
    plan: Plan | None = None,
    *,
    relax: Iterable[str] = (),
    limit_s: float = 10.0,
) -> bool:
    """Whether the group can run at all: on its own, or beside `plan` held fixed, with the
    rules in `relax` switched off. Raises TimeoutError when the search cannot decide."""
    params = params or SolveParams()
    probe = group_probe(season, params, gid, plan)
    off = set(relax)
    on = [k for k in probe.keys if k.removesuffix(PLAN_SUFFIX) not in off]
    status, _ = probe.run(on, limit_s)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE, cp_model.INFEASIBLE):
        raise TimeoutError("could not decide whether the group can run")
    return status != cp_model.INFEASIBLE


def _minimal_core(probe: GroupProbe, deadline: Deadline):
    status, solver = probe.run(probe.keys, min(SOLVE_LIMIT_S, deadline.left()))
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None, solver
    if status != cp_model.INFEASIBLE:
        raise TimeoutError("could not decide whether the group can run")
    core = probe.core(solver) or list(probe.keys)
    for key in sorted(core, key=_removal_order):
        if key not in core:
            continue
        trial = [k for k in core if k != key]
        if deadline.left() <= 0:
            break
        status, solver = probe.run(trial, min(SOLVE_LIMIT_S, deadline.left()))
        if status == cp_model.INFEASIBLE:
            smaller = set(probe.core(solver))
            core = [k for k in trial if k in smaller] or trial
    return tuple(sorted(core, key=_removal_order)), None


def explain_groups(
    season: Season,
    params: SolveParams,
    plan: Plan,
    gids: Iterable[str],
    *,
    cands: Candidates | None = None,
    seconds: float = 30.0,
) -> dict[str, Reason]:
    """A reason for each unscheduled group in `gids`, against `plan` held fixed."""
    deadline = Deadline(seconds)
    out: dict[str, Reason] = {}
    for gid in gids:
        quick = quick_reason(season, gid)
        if quick is not None:
            out[gid] = quick
            continue
        if deadline.left() <= 0.1:
            out[gid] = Reason(gid, "not_analysed")
            continue
        try:
            out[gid] = _explain_group(season, params, plan, gid, cands, deadline)
        except TimeoutError:
            out[gid] = Reason(gid, "not_analysed")
    return out


def quick_reason(season: Season, gid: str) -> Reason | None:
    g = season.group[gid]
    if not rules.session_length_ok(g):
        return Reason(gid, "invalid_hours", {"hours": g.hours}, ("session_length",))
    if not rules.term_ok(g):
        return Reason(gid, "no_term", {}, ("term",))
    low, high = rules.size_limits(g)
    if low > high:
        return Reason(gid, "size_limits", {"min": g.min_size, "max": g.max_size}, ("size",))
    return None


def _explain_group(
    season: Season,
    params: SolveParams,
    plan: Plan,
    gid: str,
    cands: Candidates | None,
    deadline: Deadline,
) -> Reason:
    probe = group_probe(season, params, gid, plan, cands=cands)
    return explain_with_probe(season, params, probe, gid, deadline)


def explain_with_probe(
    season: Season, params: SolveParams, probe: GroupProbe, gid: str, deadline: Deadline
) -> Reason:
    """The reason the probe's group cannot run (raises TimeoutError when undecided)."""
    core, solver = _minimal_core(probe, deadline)
    if core is None:
        return Reason(gid, "search_stopped", {"when": _when(season, probe.v, solver, gid)})
    return _reason_from_core(season, params, probe, gid, core, deadline)


def _when(season: Season, v: SeasonVars, solver: cp_model.CpSolver, gid: str) -> dict[str, Any]:
    """When and where the group could meet: the weekday (rendered per language) and the
    start time and venue ("09:00 V-1")."""
    day = next(d for d in v.cands[gid].days if solver.boolean_value(v.day[gid, d]))
    start = solver.value(v.start[gid])
    venue = next(
        (vid for vid in v.cands[gid].venues if solver.boolean_value(v.use[gid, vid])), None
    )
    at = f"{start // 60:02d}:{start % 60:02d}"
    return {"day": day, "at": f"{at} {venue}" if venue else at}


LEADER_RULES = {
    "two_leaders",
    "qualified_leader",
    "leader_language",
    "leader_days",
    "partner_municipality",
    "person_overlap",
    "travel_gap",
    "weekly_hours",
}
CLIENT_RULES = {
    "participant_language",
    "participant_audience",
    "participant_days",
    "participant_travel",
    "remote_consent",
    "accessible",
    "max_groups",
    "client_overlap",
}
VENUE_RULES = {"venue_mode", "venue_municipality", "venue_open", "venue_rooms", "capacity"}


def _reason_from_core(
    season: Season,
    params: SolveParams,
    probe: GroupProbe,
    gid: str,
    core: tuple[str, ...],
    deadline: Deadline,
) -> Reason:
    g = season.group[gid]
    keys = set(core)
    base = {k.removesuffix(PLAN_SUFFIX) for k in keys}
    normal = Candidates(season, params, group_ids=[gid], prune=False, travel=probe.v.cands.travel)
    place = season.municipality.get(g.municipality)
    common = {
        "language": g.language,
        "days": list(normal[gid].days),
        "municipality": {lang: place.name(lang) for lang in i18n.LANGUAGES}
        if place
        else g.municipality,
    }
    low, _ = rules.size_limits(g)
    if "pins" in base:
        pins = [
            name
            for name, value in (("weekday", g.weekday), ("start", g.start), ("venue", g.venue_id))
            if value is not None
        ]
        pins += [f"leader {pid}" for pid in g.leaders]
        others = [k for k in core if k != "pins"]
        return Reason(gid, "pins_conflict", {"pins": pins, "rules": others}, core)
    if "size" in base and base & CLIENT_RULES:
        n = _max_participants(probe, core, deadline)
        taken = "max_groups" + PLAN_SUFFIX in keys
        key = "clients_taken" if taken else "too_few_clients"
        if n == 0:
            key = "clients_all_taken" if taken else "no_clients_in_reach"
        return Reason(gid, key, {**common, "n": n, "min": low}, core)
    # Venue rules in a leader core only say which days and times are possible at all.
    if base & LEADER_RULES and not base & CLIENT_RULES:
        if "two_leaders" in base and "size" in base and "qualified_leader" not in base:
            return Reason(
                gid, "no_second_leader", {**common, "need": rules.SMALL_GROUP_BELOW}, core
            )
        if "weekly_hours" + PLAN_SUFFIX in keys:
            return Reason(gid, "leaders_at_hour_limit", common, core)
        if keys & {"person_overlap" + PLAN_SUFFIX, "travel_gap" + PLAN_SUFFIX}:
            return Reason(gid, "leaders_busy", common, core)
        if "leader_days" in base:
            return Reason(gid, "no_leader_on_days", common, core)
        if "leader_language" in base:
            return Reason(gid, "no_leader_language", common, core)
        return Reason(gid, "no_leader_in_reach", common, core)
    if base & VENUE_RULES and not base & (CLIENT_RULES | LEADER_RULES):
        if "venue_rooms" + PLAN_SUFFIX in keys:
            return Reason(gid, "venues_booked", common, core)
        if "venue_open" in base:
            return Reason(gid, "venue_closed", {**common, "hours": g.hours}, core)
        if "capacity" in base:
            need = low + rules.leaders_needed(low)
            return Reason(gid, "venue_too_small", {**common, "need": need}, core)
        return Reason(gid, "no_venue", common, core)
    return Reason(gid, "blocked", {"rules": list(core)}, core)


def _max_participants(probe: GroupProbe, core: tuple[str, ...], deadline: Deadline) -> int:
    """The most participants the group could have with every rule but the size rule."""
    model, v = probe.model, probe.v
    gid = next(iter(v.gids))
    on = [k for k in probe.keys if k != "size"]
    model.maximize(v.size[gid])
    try:
        status, solver = probe.run(on, min(SOLVE_LIMIT_S, max(deadline.left(), 0.2)))
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return int(solver.value(v.size[gid]))
        return 0
    finally:
        model.clear_objective()


# --- Clients ---


def explain_clients(
    season: Season, cands: Candidates, plan: Plan, codes: Iterable[str]
) -> dict[str, Reason]:
    """A reason for each unplaced client in `codes` (see the module docstring)."""
    placed = plan.placement
    members = plan.members
    out = {}
    for code in codes:
        out[code] = _explain_client(season, cands, plan, placed, members, code)
    return out


def _explain_client(season, cands, plan, placed, members, code) -> Reason:
    client = season.client[code]
    groups = [season.group[gid] for gid in cands.groups]
    step = [g for g in groups if rules.client_speaks(g, client)]
    if not step:
        return Reason(code, "client_no_language", {}, ("participant_language",))
    step = [g for g in step if rules.client_in_audience(g, client)]
    if not step:
        return Reason(code, "client_no_audience", {}, ("participant_audience",))
    step = [g for g in step if rules.remote_allowed(g, client)]
    if not step:
        return Reason(code, "client_no_remote_consent", {}, ("remote_consent",))

    def days_of(gid: str) -> set[int]:
        p = placed.get(gid)
        return {p.weekday} if p is not None else set(cands[gid].days)

    step = [g for g in step if days_of(g.group_id) & set(client.days)]
    if not step:
        return Reason(code, "client_no_days", {"days": sorted(client.days)}, ("participant_days",))

    def venues_of(gid: str) -> list[str]:
        p = placed.get(gid)
        return [p.venue_id] if p is not None and p.venue_id else list(cands[gid].venues)

    def reachable(g) -> list[str]:
        if not rules.travel_binds(g, client):
            return ["-"]
        return [
            vid
            for vid in venues_of(g.group_id)
            if cands.client_minutes(code, vid) <= client.max_travel_min
        ]

    step = [g for g in step if reachable(g)]
    if not step:
        return Reason(
            code,
            "client_too_far",
            {"minutes": client.max_travel_min, "mode": client.travel},
            ("participant_travel",),
        )
    if client.needs_accessible:
        step = [
            g
            for g in step
            if not rules.travel_binds(g, client)
            or any(season.venue[vid].accessible for vid in reachable(g))
        ]
        if not step:
            return Reason(code, "client_no_access", {}, ("accessible",))
    ids = [g.group_id for g in step]
    running = [gid for gid in ids if gid in placed]
    if not running:
        return Reason(code, "client_groups_unscheduled", {"groups": ids[:5]})
    full, second = [], []
    for gid in running:
        g = season.group[gid]
        n = len(members.get(gid, ()))
        p = placed[gid]
        cap = season.venue[p.venue_id].capacity if p.venue_id else 10**6
        _, high = rules.size_limits(g)
        if n >= high or n + len(p.leaders) >= cap:
            full.append(gid)
        elif n + 1 >= rules.SMALL_GROUP_BELOW and len(p.leaders) < rules.LEADERS_IN_GROUP:
            second.append(gid)
    if len(full) == len(running):
        return Reason(code, "client_groups_full", {"groups": full[:5]}, ("size", "capacity"))
    if second and len(full) + len(second) == len(running):
        return Reason(code, "client_needs_second_leader", {"groups": second[:5]}, ("two_leaders",))
    free = [gid for gid in running if gid not in full and gid not in second]
    return Reason(code, "client_not_placed", {"groups": free[:5]})
