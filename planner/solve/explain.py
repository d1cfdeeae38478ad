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

Each reason carries the facts behind it (`Facts`, rendered by `planner.solve.reason`): the
pinned values; the possible leaders (those who pass the core's rules about a person) with
their languages, working days, weekly group hours in use and the other groups they lead at
those hours; the group's venues with their opening hours, capacity and the groups holding
their rooms; and for clients, per client rule of the core, how many of the clients left by
the rules before it that rule rules out. A core no reason phrases ("blocked") lists the
leaders who miss at most one of its person rules and the venue and client facts of its rules.
Staff and partners are named by id and name; clients are only counted.

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
from planner.model import Leader, Plan, Season
from planner.solve.candidates import Candidates, GroupCandidates
from planner.solve.params import SolveParams
from planner.solve.reason import MAX_LISTED, Reason
from planner.solve.variables import (
    DAY_MIN,
    PLAN_SUFFIX,
    Context,
    SeasonVars,
    build_variables,
)

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
LEADER_COUNT = {"two_leaders", "qualified_leader"}
"""The leader rules that only say how many leaders a group has (they count in capacity)."""
VENUE_RULES = {"venue_mode", "venue_municipality", "venue_open", "venue_rooms", "capacity"}
PERSON_FILTERS = (
    "leader_language",
    "qualified_leader",
    "partner_municipality",
    "leader_days",
    "weekly_hours",
)
"""The leader rules about a person alone: who passes them is a possible leader."""
CLIENT_FILTERS = (
    "participant_language",
    "participant_audience",
    "remote_consent",
    "participant_days",
    "participant_travel",
    "accessible",
    "max_groups",
)
"""The client rules in the order a worker would look, counted in "too few clients"."""
NEAREST_ELSEWHERE = 3


class Facts:
    """What the data says about the rules of a core, as JSON-ready facts for a `Reason`.

    The possible leaders are the people who pass the person rules of the core (the pinned
    leaders, when a pin is in it and names them); the group's venues are those of its
    municipality (its pinned venue, when pinned); the days are those it could meet on.
    Staff and partners are named by id and name, groups and venues by id; clients are only
    counted.
    """

    def __init__(
        self,
        season: Season,
        params: SolveParams,
        gid: str,
        core: Iterable[str],
        days: Iterable[int],
        context: Context,
        cands: Candidates,
    ) -> None:
        self.season = season
        self.g = g = season.group[gid]
        self.keys = set(core)
        self.base = {k.removesuffix(PLAN_SUFFIX) for k in self.keys}
        self.days = sorted(days)
        self.context = context
        self.cands = cands
        self.need = g.minutes + params.allowance_min
        pinned = "pins" in self.base
        self.venues = [
            v.venue_id
            for v in season.venues
            if g.needs_venue
            and rules.venue_in_municipality(g, v)
            and (not pinned or rules.pins_allow_venue(g, v.venue_id))
        ]

    # --- people ---

    def person_ok(self, key: str, p: Leader) -> bool:
        g = self.g
        if key == "leader_language":
            return rules.leader_speaks(g, p)
        if key == "qualified_leader":
            return rules.is_qualified_staff(p)
        if key == "partner_municipality":
            return rules.partner_may_lead(g, p)
        if key == "leader_days":
            return any(rules.works_on(p, d) for d in self.days)
        if key == "weekly_hours":
            cap = rules.weekly_cap_min(p)
            return cap is None or cap >= self.need
        return True

    def pool(self, *without: str, people: Iterable[Leader] | None = None) -> list[Leader]:
        """The people who pass the core's person rules, except those in `without`."""
        everyone = people if people is not None else (*self.season.staff, *self.season.partners)
        on = [k for k in PERSON_FILTERS if k in self.keys and k not in without]
        return [p for p in everyone if all(self.person_ok(k, p) for k in on)]

    def near_misses(self) -> list[Leader]:
        """The people who fail at most one of the core's person rules, fewest first."""
        on = [k for k in PERSON_FILTERS if k in self.keys]
        fails = {
            p.person_id: sum(not self.person_ok(k, p) for k in on)
            for p in (*self.season.staff, *self.season.partners)
        }
        people = [p for p in (*self.season.staff, *self.season.partners) if fails[p.person_id] <= 1]
        return sorted(people, key=lambda p: fails[p.person_id])

    def pinned_people(self) -> list[Leader]:
        return [self.season.person[pid] for pid in self.g.leaders if pid in self.season.person]

    def sessions(self, pid: str, days: Iterable[int] | None = None) -> list[dict[str, Any]]:
        """The person's sessions in the rest of the plan on the group's days, in weeks its
        term shares."""
        on = set(self.days if days is None else days)
        terms = self.season.terms
        out = []
        for s in self.context.of_person.get(pid, ()):
            if s.weekday not in on or not terms.share_week(self.g.group_id, s.group_id):
                continue
            out.append(_session(s))
        return sorted(out, key=lambda s: (s["day"], s["start"], s["group"]))

    def used(self, pid: str) -> tuple[int, list[str]]:
        """Weekly group minutes (with the allowance) the person has in the rest of the plan,
        in groups whose terms share a week with this one's, and those groups."""
        terms = self.season.terms
        items = [
            (gid, m)
            for gid, m in self.context.load_of_person.get(pid, ())
            if terms.share_week(self.g.group_id, gid)
        ]
        return sum(m for _, m in items), sorted({gid for gid, _ in items})

    @staticmethod
    def who(p: Leader) -> dict[str, Any]:
        return {"id": p.person_id, "name": p.name}

    def _people(self, kind: str, people: list[Leader], extra, **more: Any) -> dict[str, Any]:
        shown = people[:MAX_LISTED]
        fact: dict[str, Any] = {"fact": kind, **more}
        fact["people"] = [{**self.who(p), **extra(p)} for p in shown]
        if len(people) > len(shown):
            fact["more"] = len(people) - len(shown)
        return fact

    def workdays(self, people: list[Leader]) -> dict[str, Any]:
        return self._people("workdays", people, lambda p: {"days": sorted(p.days)})

    def languages(self, people: list[Leader]) -> dict[str, Any]:
        return self._people("languages", people, lambda p: {"languages": list(p.languages)})

    def not_qualified(self, people: list[Leader]) -> dict[str, Any]:
        return self._people("not_qualified", people, lambda p: {}, language=self.g.language)

    def partners_elsewhere(self, people: list[Leader]) -> dict[str, Any]:
        return self._people("partners_elsewhere", people, lambda p: {})

    def busy(self, people: list[Leader]) -> dict[str, Any]:
        # The busiest first: they are the ones the reason is about.
        people = sorted(people, key=lambda p: -len(self.sessions(p.person_id)))
        return self._people("busy", people, lambda p: {"sessions": self.sessions(p.person_id)})

    def hours(self, people: list[Leader]) -> dict[str, Any]:
        staff = [p for p in people if rules.weekly_cap_min(p) is not None]

        def load(p: Leader) -> dict[str, Any]:
            used, groups = self.used(p.person_id)
            return {"used": used, "cap": rules.weekly_cap_min(p), "groups": groups}

        return self._people("hours", staff, load, need=self.need)

    def profile(self, people: list[Leader]) -> dict[str, Any]:
        """What the core's rules look at, per possible leader."""
        base = self.base

        def facts(p: Leader) -> dict[str, Any]:
            out: dict[str, Any] = {}
            if "leader_language" in base:
                out["languages"] = list(p.languages)
            if "qualified_leader" in base:
                out["qualified"] = rules.is_qualified_staff(p)
            if "leader_days" in base or not base & {"person_overlap", "travel_gap"}:
                out["days"] = sorted(p.days)
            if base & {"person_overlap", "travel_gap"}:
                out["sessions"] = self.sessions(p.person_id)
            cap = rules.weekly_cap_min(p)
            if "weekly_hours" in base and cap is not None:
                out["used"], _ = self.used(p.person_id)
                out["cap"] = cap
            if "partner_municipality" in base and not rules.partner_may_lead(self.g, p):
                out["elsewhere"] = True
            return out

        return self._people("leaders", people, facts)

    # --- venues ---

    def _venues(self, kind: str, vids: list[str], extra) -> dict[str, Any]:
        shown = vids[:MAX_LISTED]
        fact: dict[str, Any] = {"fact": kind, "venues": []}
        for vid in shown:
            v = self.season.venue[vid]
            fact["venues"].append({"id": vid, "name": v.name, **extra(v)})
        if len(vids) > len(shown):
            fact["more"] = len(vids) - len(shown)
        return fact

    def opening(self) -> dict[str, Any]:
        return self._venues(
            "opening",
            self.venues,
            lambda v: {"open": [[iv.weekday, iv.start, iv.end] for iv in v.open]},
        )

    def venue_sessions(self, vid: str) -> list[dict[str, Any]]:
        terms = self.season.terms
        return sorted(
            (
                _session(s, venue=False)
                for s in self.context.at_venue.get(vid, ())
                if s.weekday in self.days and terms.share_week(self.g.group_id, s.group_id)
            ),
            key=lambda s: (s["day"], s["start"], s["group"]),
        )

    def rooms(self) -> dict[str, Any]:
        held = [vid for vid in self.venues if self.venue_sessions(vid)]
        return self._venues(
            "rooms",
            held,
            lambda v: {"rooms": v.rooms, "sessions": self.venue_sessions(v.venue_id)},
        )

    def capacity(self) -> dict[str, Any]:
        vids = sorted(self.venues, key=lambda vid: (-self.season.venue[vid].capacity, vid))
        return self._venues("capacity", vids, lambda v: {"capacity": v.capacity})

    def elsewhere(self) -> dict[str, Any] | None:
        home = self.season.municipality.get(self.g.municipality)
        if home is None:
            return None
        others = sorted(
            (v for v in self.season.venues if v.municipality != self.g.municipality),
            key=lambda v: ((v.lat - home.lat) ** 2 + (v.lon - home.lon) ** 2, v.venue_id),
        )[:NEAREST_ELSEWHERE]
        if not others:
            return None
        return self._venues(
            "venues_elsewhere",
            [v.venue_id for v in others],
            lambda v: {"municipality": _municipality(self.season, v.municipality)},
        )

    # --- clients ---

    def client_filters(self) -> list[dict[str, Any]]:
        """The client rules that rule clients out, in the order a worker would look, each
        with how many of the clients left by the rules before it it rules out: the core's
        rules (or, when none of them rules anyone out, the one that rules out most).
        Counts only, never a client's code."""
        g, cands = self.g, self.cands
        venues = set(self.venues)
        accessible = {vid for vid in venues if self.season.venue[vid].accessible}
        days = set(self.days)
        taken = self.context.groups_of_client

        def reach(c) -> set[str]:
            return venues & cands.reach_set(c)

        checks = {
            "participant_language": lambda c: rules.client_speaks(g, c),
            "participant_audience": lambda c: rules.client_in_audience(g, c),
            "remote_consent": lambda c: rules.remote_allowed(g, c),
            "participant_days": lambda c: bool(days & set(c.days)),
            "participant_travel": lambda c: (
                not venues or not rules.travel_binds(g, c) or bool(reach(c))
            ),
            "accessible": lambda c: (
                not venues
                or not c.needs_accessible
                or not rules.travel_binds(g, c)
                or bool(reach(c) & accessible)
            ),
            "max_groups": lambda c: c.max_groups - taken.get(c.client_code, 0) >= 1,
        }
        left = list(self.season.clients)
        drops = []
        for key in CLIENT_FILTERS:
            kept = [c for c in left if checks[key](c)]
            if len(kept) < len(left):
                drops.append((key, len(left), len(left) - len(kept)))
            left = kept
        if not drops:
            return []
        in_core = [d for d in drops if d[0] in self.base]
        chosen = in_core or [max(drops, key=lambda d: d[2])]
        return [
            {
                "fact": "clients",
                "filter": key,
                "of": of,
                "removed": removed,
                "language": g.language,
                "days": self.days,
            }
            for key, of, removed in chosen
        ]

    # --- pins ---

    def pins(self) -> list[dict[str, Any]]:
        g, season = self.g, self.season
        out: list[dict[str, Any]] = []
        if g.weekday is not None:
            out.append({"pin": "weekday", "day": g.weekday})
        if g.start is not None:
            out.append({"pin": "start", "at": g.start})
        if g.venue_id is not None:
            v = season.venue.get(g.venue_id)
            out.append({"pin": "venue", "id": g.venue_id, "name": v.name if v else ""})
        for pid in g.leaders:
            p = season.person.get(pid)
            out.append({"pin": "leader", "id": pid, "name": p.name if p else ""})
        return out


def _session(s, venue: bool = True) -> dict[str, Any]:
    """A session of the rest of the plan, JSON-ready (times within its day)."""
    day_start = s.weekday * DAY_MIN
    out: dict[str, Any] = {
        "group": s.group_id,
        "day": s.weekday,
        "start": s.at - day_start,
        "end": s.end_at - day_start,
    }
    if venue and s.venue_id:
        out["venue"] = s.venue_id
    return out


def _municipality(season: Season, code: str) -> dict[str, str] | str:
    place = season.municipality.get(code)
    return {lang: place.name(lang) for lang in i18n.LANGUAGES} if place else code


def _reason_from_core(
    season: Season,
    params: SolveParams,
    probe: GroupProbe,
    gid: str,
    core: tuple[str, ...],
    deadline: Deadline,
) -> Reason:
    g = season.group[gid]
    base = {k.removesuffix(PLAN_SUFFIX) for k in core}
    # The days it could meet on: with its pinned weekday only when the pin is in the core.
    relaxed = frozenset() if "pins" in base else frozenset({"pins"})
    normal = Candidates(
        season,
        params,
        group_ids=[gid],
        prune=False,
        travel=probe.v.cands.travel,
        relaxed=relaxed,
    )
    facts = Facts(season, params, gid, core, normal[gid].days, probe.v.context, normal)
    common = {
        "language": g.language,
        "days": list(normal[gid].days),
        "municipality": _municipality(season, g.municipality),
    }
    n = None
    if "size" in base and base & CLIENT_RULES:
        n = _max_participants(probe, core, deadline)
    if "pins" not in base:
        key, values = _core_reason(facts, core, common, n)
        return Reason(gid, key, values, core)
    rest = tuple(k for k in core if k != "pins")
    if not rest:
        key, values = "pins_only", {}
    elif g.leaders and base & LEADER_RULES and not base & (CLIENT_RULES | {"two_leaders"}):
        key, values = "pinned_leaders", {"facts": [facts.profile(facts.pinned_people())]}
    else:
        key, values = _core_reason(facts, rest, common, n)
    detail = {"key": key, "params": values}
    return Reason(
        gid, "pinned", {"pins": facts.pins(), "detail": detail, "rules": list(rest)}, core
    )


def _core_reason(
    f: Facts, core: tuple[str, ...], common: dict[str, Any], n: int | None
) -> tuple[str, dict[str, Any]]:
    """The reason key and parameters for a core (without the pins), with its facts."""
    g = f.g
    keys = set(core)
    base = {k.removesuffix(PLAN_SUFFIX) for k in keys}
    low, _ = rules.size_limits(g)

    def with_facts(*found: dict[str, Any] | None, **more: Any) -> dict[str, Any]:
        return {**common, **more, "facts": [x for x in found if x and _listed(x)]}

    if "size" in base and base & CLIENT_RULES and n is not None:
        taken = "max_groups" + PLAN_SUFFIX in keys
        key = "clients_taken" if taken else "too_few_clients"
        if n == 0:
            key = "clients_all_taken" if taken else "no_clients_in_reach"
        return key, with_facts(*f.client_filters(), n=n, min=low)
    # A venue too small for the smallest group and its leader.
    if "capacity" in base and not base & (CLIENT_RULES | LEADER_RULES - LEADER_COUNT):
        need = low + rules.leaders_needed(low)
        return "venue_too_small", with_facts(f.capacity(), need=need)
    # Venue rules in a leader core only say which days and times are possible at all.
    if base & LEADER_RULES and not base & CLIENT_RULES:
        if "two_leaders" in base and "size" in base and "qualified_leader" not in base:
            need = rules.SMALL_GROUP_BELOW
            return "no_second_leader", with_facts(f.profile(f.pool()), need=need)
        if "weekly_hours" + PLAN_SUFFIX in keys or "weekly_hours" in keys:
            return "leaders_at_hour_limit", with_facts(f.hours(f.pool("weekly_hours")))
        if "person_overlap" + PLAN_SUFFIX in keys:
            return "leaders_busy", with_facts(f.busy(f.pool()))
        if "travel_gap" + PLAN_SUFFIX in keys:
            return "leaders_no_travel_time", with_facts(f.busy(f.pool()))
        if "leader_days" in base:
            return "no_leader_on_days", with_facts(f.workdays(f.pool("leader_days")))
        if "leader_language" in base:
            staff = [p for p in f.pool("leader_language") if rules.is_qualified_staff(p)]
            speakers = [p for p in f.pool("qualified_leader") if not rules.is_qualified_staff(p)]
            unqualified = f.not_qualified(speakers) if "qualified_leader" in base else None
            return "no_leader_language", with_facts(f.languages(staff), unqualified)
        if "qualified_leader" in base:
            return "no_qualified_leader", with_facts(f.profile(f.pool("qualified_leader")))
        away = [p for p in f.pool("partner_municipality") if not rules.partner_may_lead(g, p)]
        return "no_leader_in_reach", with_facts(f.profile(f.pool()), f.partners_elsewhere(away))
    if base & VENUE_RULES and not base & (CLIENT_RULES | LEADER_RULES):
        if "venue_rooms" + PLAN_SUFFIX in keys:
            return "venues_booked", with_facts(f.rooms())
        if "venue_open" in base:
            return "venue_closed", with_facts(f.opening(), hours=g.hours)
        if "capacity" in base:
            need = low + rules.leaders_needed(low)
            return "venue_too_small", with_facts(f.capacity(), need=need)
        return "no_venue", with_facts(f.elsewhere())
    return "blocked", {"rules": list(core), "facts": _fallback_facts(f, keys, base)}


def _listed(fact: dict[str, Any]) -> bool:
    """Whether a fact names anything (a list of nobody says nothing)."""
    return bool(fact.get("people") or fact.get("venues") or fact.get("fact") == "clients")


def _fallback_facts(f: Facts, keys: set[str], base: set[str]) -> list[dict[str, Any]]:
    """For a core no reason phrases: the values behind each of its rules."""
    found: list[dict[str, Any] | None] = []
    if base & LEADER_RULES:
        found.append(f.profile(f.near_misses()))
    if "venue_open" in base:
        found.append(f.opening())
    if "venue_rooms" + PLAN_SUFFIX in keys:
        found.append(f.rooms())
    if "capacity" in base:
        found.append(f.capacity())
    if base & CLIENT_RULES:
        found += f.client_filters()
    return [x for x in found if x and _listed(x)]


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
    drop_in = [g.group_id for g in step if not rules.enrols(g)]
    step = [g for g in step if rules.enrols(g)]
    if not step:  # nobody is placed in a drop-in group: they just come (l. 355)
        return Reason(code, "client_only_drop_in", {"groups": drop_in[:5]}, ("drop_in",))
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
