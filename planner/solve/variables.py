"""The decision variables of the season model, and the structure that ties them together.

Per group: `sched` (it runs), one `day` literal per candidate weekday, `start` (minutes after
midnight) and `at` (minutes from Monday 00:00, so one interval per group covers the whole
week), one `use` literal per candidate venue, one `lead` literal per candidate leader and
`size` (participants). Per client and candidate group: `x` (the client joins).

Only structure lives here (a group runs on one day, at most at one venue, and has leaders,
venue and participants only when it runs); every handbook rule is in `rules_hard`.

A `Context` is the rest of a fixed plan. The explanations model one group against it: its
sessions keep people and rooms busy, its hours count towards weekly limits and its
participants stay where they are.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from planner.model import Placement, Plan, Season, Staff
from planner.solve.candidates import Candidates, GroupCandidates
from planner.solve.params import SolveParams
from planner.solve.reason import PLAN_SUFFIX

DAY_MIN = 24 * 60


@dataclass(frozen=True, slots=True)
class FixedSession:
    group_id: str
    weekday: int
    at: int
    end_at: int
    venue_id: str | None


@dataclass(frozen=True)
class Context:
    """The part of a plan that stays fixed while some groups are modelled."""

    of_person: dict[str, tuple[FixedSession, ...]] = field(default_factory=dict)
    at_venue: dict[str, tuple[FixedSession, ...]] = field(default_factory=dict)
    of_client: dict[str, tuple[FixedSession, ...]] = field(default_factory=dict)
    load_of_person: dict[str, tuple[tuple[str, int], ...]] = field(default_factory=dict)
    """Per person, `(group_id, minutes)` of group work a week, with the allowance around
    each session; the busiest week binds (`planner.terms`)."""
    groups_of_client: dict[str, int] = field(default_factory=dict)

    @classmethod
    def from_plan(
        cls, season: Season, plan: Plan, params: SolveParams, exclude: Iterable[str] = ()
    ) -> Context:
        skip = set(exclude)
        of_person: dict[str, list[FixedSession]] = defaultdict(list)
        at_venue: dict[str, list[FixedSession]] = defaultdict(list)
        of_client: dict[str, list[FixedSession]] = defaultdict(list)
        load: dict[str, list[tuple[str, int]]] = defaultdict(list)
        sessions: dict[str, FixedSession] = {}
        for p in plan.placements:
            if p.group_id in skip:
                continue
            at = p.weekday * DAY_MIN + p.start
            s = FixedSession(p.group_id, p.weekday, at, at + (p.end - p.start), p.venue_id)
            sessions[p.group_id] = s
            for pid in p.leaders:
                of_person[pid].append(s)
                load[pid].append((p.group_id, (p.end - p.start) + params.allowance_min))
            if p.venue_id is not None:
                at_venue[p.venue_id].append(s)
        clients: dict[str, int] = defaultdict(int)
        for code, gid in dict.fromkeys(plan.participants):
            if gid not in skip:
                clients[code] += 1
                if gid in sessions:
                    of_client[code].append(sessions[gid])
        return cls(
            {k: tuple(v) for k, v in of_person.items()},
            {k: tuple(v) for k, v in at_venue.items()},
            {k: tuple(v) for k, v in of_client.items()},
            {k: tuple(v) for k, v in load.items()},
            dict(clients),
        )


NO_CONTEXT = Context()


def _qualified_staff(season: Season, pid: str) -> bool:
    person = season.person[pid]
    return isinstance(person, Staff) and person.qualified


@dataclass
class SeasonVars:
    model: cp_model.CpModel
    season: Season
    params: SolveParams
    cands: Candidates
    context: Context
    guards: dict[str, cp_model.IntVar]
    sched: dict[str, cp_model.IntVar] = field(default_factory=dict)
    day: dict[tuple[str, int], cp_model.IntVar] = field(default_factory=dict)
    start: dict[str, cp_model.IntVar] = field(default_factory=dict)
    at: dict[str, cp_model.IntVar] = field(default_factory=dict)
    use: dict[tuple[str, str], cp_model.IntVar] = field(default_factory=dict)
    lead: dict[tuple[str, str], cp_model.IntVar] = field(default_factory=dict)
    x: dict[tuple[str, str], cp_model.IntVar] = field(default_factory=dict)
    size: dict[str, cp_model.IntVar] = field(default_factory=dict)
    order: dict[tuple[str, str], cp_model.IntVar] = field(default_factory=dict)
    """Per pair of groups sharing a possible leader: true when the first meets first."""
    same_venue: dict[tuple[str, str], cp_model.IntVar] = field(default_factory=dict)
    """Per such pair with a venue in common: true only when both meet at the same venue."""
    venue_index: dict[str, cp_model.IntVar] = field(default_factory=dict)
    groups_of_person: dict[str, list[str]] = field(default_factory=dict)
    groups_of_client: dict[str, list[str]] = field(default_factory=dict)
    groups_at_venue: dict[str, list[str]] = field(default_factory=dict)

    @property
    def gids(self) -> list[str]:
        return list(self.cands.groups)

    def guard(self, key: str) -> list[cp_model.IntVar]:
        """The enforcement literal of a rule, when the rule is switched on and off (explain)."""
        lit = self.guards.get(key)
        return [] if lit is None else [lit]

    def plan_guard(self, key: str) -> list[cp_model.IntVar]:
        """The literal for the part of a rule that comes from the rest of the plan."""
        return self.guard(key + PLAN_SUFFIX)

    def nlead(self, gid: str) -> cp_model.LinearExprT:
        return sum(self.lead[gid, pid] for pid in self.cands[gid].leaders)

    def plan(self, solver: cp_model.CpSolver) -> Plan:
        """The plan in the solver's current solution (call only when it has one)."""
        placements, participants = [], []
        for gid in self.gids:
            if not solver.boolean_value(self.sched[gid]):
                continue
            c, g = self.cands[gid], self.season.group[gid]
            day = next(d for d in c.days if solver.boolean_value(self.day[gid, d]))
            start = int(solver.value(self.start[gid]))
            venue = next(
                (vid for vid in c.venues if solver.boolean_value(self.use[gid, vid])), None
            )
            leaders = sorted(
                (pid for pid in c.leaders if solver.boolean_value(self.lead[gid, pid])),
                key=lambda pid: (not _qualified_staff(self.season, pid), pid),
            )
            placements.append(Placement(gid, day, start, start + g.minutes, venue, tuple(leaders)))
            participants += [
                (code, gid) for code in c.clients if solver.boolean_value(self.x[code, gid])
            ]
        return Plan(tuple(placements), tuple(sorted(participants)))

    def people_bound(self, gid: str) -> int:
        c = self.cands[gid]
        return len(c.clients) + len(c.leaders)

    def may_share_day(self, g1: str, g2: str, person_days: Iterable[int]) -> bool:
        return bool(set(self.cands[g1].days) & set(self.cands[g2].days) & set(person_days))

    def week_sets(
        self, intervals: dict[str, cp_model.IntervalVar], fixed: dict[FixedSession, object]
    ) -> list[list]:
        """The intervals of the modelled groups (`intervals`, by group id) and of fixed
        sessions (`fixed`) that meet in one same week, as the distinct largest sets
        (`planner.terms.Terms.week_sets`): a clash counts only between terms sharing a week."""
        items: dict[object, str] = {gid: gid for gid in intervals}
        items.update({s: s.group_id for s in fixed})
        return [
            [intervals[i] if isinstance(i, str) else fixed[i] for i in week]
            for week in self.season.terms.week_sets(items)
        ]

    def order_literal(self, g1: str, g2: str) -> cp_model.IntVar:
        key = (g1, g2)
        if key not in self.order:
            self.order[key] = self.model.new_bool_var(f"first_{g1}_{g2}")
        return self.order[key]

    def same_venue_literal(self, g1: str, g2: str) -> cp_model.IntVar | None:
        """A literal that may be true only when both groups meet at the same venue (None when
        they have no venue in common)."""
        key = (g1, g2)
        if key not in self.same_venue:
            common = set(self.cands[g1].venues) & set(self.cands[g2].venues)
            if not common:
                return None
            lit = self.model.new_bool_var(f"same_venue_{g1}_{g2}")
            self.model.add(self._venue_index(g1) == self._venue_index(g2)).only_enforce_if(lit)
            self.same_venue[key] = lit
        return self.same_venue[key]

    def _venue_index(self, gid: str) -> cp_model.IntVar:
        """1 + the season index of the group's venue, 0 without one."""
        if gid not in self.venue_index:
            index = {v.venue_id: i + 1 for i, v in enumerate(self.season.venues)}
            venues = self.cands[gid].venues
            var = self.model.new_int_var_from_domain(
                cp_model.Domain.from_values([0, *sorted(index[x] for x in venues)]),
                f"venue_index_{gid}",
            )
            self.model.add(var == sum(index[x] * self.use[gid, x] for x in venues))
            self.venue_index[gid] = var
        return self.venue_index[gid]

    def interval(
        self, gid: str, present: cp_model.IntVar, minutes: int, rule: str
    ) -> cp_model.IntervalVar:
        """The group's weekly session as an interval, present when `present` (and the rule
        is on)."""
        guard = self.guard(rule)
        if guard:
            both = self.model.new_bool_var(f"{rule}_{gid}_{present.name}")
            self.model.add_bool_and([present, guard[0]]).only_enforce_if(both)
            self.model.add_bool_or([present.Not(), guard[0].Not()]).only_enforce_if(both.Not())
            present = both
        return self.model.new_optional_fixed_size_interval_var(
            self.at[gid], minutes, present, f"{rule}_{gid}_{present.name}"
        )

    def fixed_intervals(
        self, sessions: Iterable[FixedSession], rule: str
    ) -> list[cp_model.IntervalVar]:
        """Sessions of the fixed rest of the plan, present while the rule's plan part is on."""
        guards = self.guard(rule) + self.plan_guard(rule)
        out = []
        for s in sessions:
            if guards:
                present = self.model.new_bool_var(f"{rule}_fixed_{s.group_id}")
                self.model.add_bool_and(guards).only_enforce_if(present)
                self.model.add_bool_or([g.Not() for g in guards]).only_enforce_if(present.Not())
                out.append(
                    self.model.new_optional_fixed_size_interval_var(
                        s.at, s.end_at - s.at, present, f"fixed_{s.group_id}"
                    )
                )
            else:
                out.append(
                    self.model.new_fixed_size_interval_var(
                        s.at, s.end_at - s.at, f"fixed_{s.group_id}"
                    )
                )
        return out


def build_variables(
    model: cp_model.CpModel,
    season: Season,
    params: SolveParams,
    cands: Candidates,
    *,
    context: Context = NO_CONTEXT,
    guarded: Iterable[str] = (),
    must_schedule: Iterable[str] = (),
) -> SeasonVars:
    guards = {key: model.new_bool_var(f"rule_{key}") for key in guarded}
    v = SeasonVars(model, season, params, cands, context, guards)
    must = set(must_schedule)
    persons: dict[str, list[str]] = defaultdict(list)
    clients: dict[str, list[str]] = defaultdict(list)
    venues: dict[str, list[str]] = defaultdict(list)
    for gid, c in cands.groups.items():
        _group_variables(v, gid, c, must_run=gid in must)
        for pid in c.leaders:
            persons[pid].append(gid)
        for code in c.clients:
            clients[code].append(gid)
        for vid in c.venues:
            venues[vid].append(gid)
    v.groups_of_person = dict(persons)
    v.groups_of_client = dict(clients)
    v.groups_at_venue = dict(venues)
    return v


def _group_variables(v: SeasonVars, gid: str, c: GroupCandidates, must_run: bool) -> None:
    model = v.model
    sched = model.new_bool_var(f"sched_{gid}")
    v.sched[gid] = sched
    if must_run:
        model.add(sched == 1)
    days = {d: model.new_bool_var(f"day_{gid}_{d}") for d in c.days}
    for d, lit in days.items():
        v.day[gid, d] = lit
    model.add(sum(days.values()) == sched)
    start = model.new_int_var_from_domain(cp_model.Domain.from_values(c.starts), f"start_{gid}")
    v.start[gid] = start
    # An unscheduled group has no day: `at` then equals `start`, which the domain allows.
    at_values = sorted({d * DAY_MIN + s for d in (0, *c.days) for s in c.starts})
    at = model.new_int_var_from_domain(cp_model.Domain.from_values(at_values), f"at_{gid}")
    v.at[gid] = at
    model.add(at == start + sum(d * DAY_MIN * lit for d, lit in days.items()))
    uses = [model.new_bool_var(f"use_{gid}_{vid}") for vid in c.venues]
    for vid, lit in zip(c.venues, uses, strict=True):
        v.use[gid, vid] = lit
    if uses:
        model.add(sum(uses) <= sched)
    for pid in c.leaders:
        lit = model.new_bool_var(f"lead_{gid}_{pid}")
        v.lead[gid, pid] = lit
        model.add_implication(lit, sched)
    xs = []
    for code in c.clients:
        lit = model.new_bool_var(f"x_{code}_{gid}")
        v.x[code, gid] = lit
        model.add_implication(lit, sched)
        xs.append(lit)
    size = model.new_int_var(0, len(xs), f"size_{gid}")
    v.size[gid] = size
    model.add(size == sum(xs))
