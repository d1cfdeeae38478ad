"""A quick first plan to hand CP-SAT as a hint, so that a feasible plan exists from the start.

Three passes. (1) Groups go one by one (a previous plan's groups first, in their old slot
when it still works; then by priority, hardest to fill first); each takes the weekday,
venue, start and leader team that admit the most eligible free clients, but only its
minimum of clients (by fit, then by how few other groups they could join), so that as many
groups as possible can run: scheduled groups outweigh placed clients. (2) One-leader groups
that more clients could join get a second leader where one is free. (3) The clients left go
into free seats (`fill_seats`). Every check mirrors a constraint of the model (including the
cautious travel gap of `rules_hard.add_travel_gap`), so the hint is feasible as it stands.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from ortools.sat.python import cp_model

from planner import rules
from planner.model import Group, Placement, Plan, Season, Staff
from planner.solve.candidates import Candidates, client_fit
from planner.solve.variables import DAY_MIN, SeasonVars
from planner.terms import WeeklyMinutes, sessions_clash

PREFERRED_START = 10 * 60
"""Among equally good starts, the ones nearest mid-morning come first."""


@dataclass(frozen=True, slots=True)
class _Session:
    group_id: str
    at: int
    end_at: int
    venue_id: str | None


@dataclass
class _State:
    season: Season
    cands: Candidates
    allowance: int
    person: dict[str, list[_Session]] = field(default_factory=lambda: defaultdict(list))
    load: dict[str, WeeklyMinutes] = field(init=False)
    venue: dict[str, list[_Session]] = field(default_factory=lambda: defaultdict(list))
    joined: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    client_days: dict[str, list[tuple[int, str]]] = field(default_factory=lambda: defaultdict(list))
    """Per client, the (weekday, group) of the groups they joined (rule client_overlap)."""
    placements: list[Placement] = field(default_factory=list)
    participants: list[tuple[str, str]] = field(default_factory=list)
    on_day: dict[tuple[str, int], int] = field(default_factory=lambda: defaultdict(int))
    """Groups placed per (municipality, weekday) and (staff member, weekday): the objective's
    weekday spread, so that the first plan does not pile up on Monday."""

    def crowd(self, g: Group, day: int, team: Iterable[str]) -> int:
        """The weekday spread this placement adds to (groups already there)."""
        local = self.on_day[g.municipality, day] if g.needs_venue else 0
        return local + sum(self.on_day[pid, day] for pid in team)

    def __post_init__(self) -> None:
        self.load = defaultdict(lambda: WeeklyMinutes(self.season.terms))

    def person_free(self, pid: str, gid: str, day: int, at: int, vid: str | None) -> bool:
        person = self.season.person[pid]
        g = self.season.group[gid]
        if day not in person.days:
            return False
        cap = rules.weekly_cap_min(person)
        if cap is not None and self.load[pid].busiest_with(gid, g.minutes + self.allowance) > cap:
            return False
        mode = rules.travel_mode(person)
        end = at + g.minutes
        terms = self.season.terms
        for s in self.person[pid]:
            if not terms.share_week(s.group_id, gid):
                continue
            ahead = self.cands.gap(s.group_id, gid, mode)
            behind = self.cands.gap(gid, s.group_id, mode)
            shared = set(self.cands[s.group_id].days) & set(self.cands[gid].days)
            if not (set(person.days) & shared) or (vid is not None and vid == s.venue_id):
                ahead = behind = 0
            if not (at >= s.end_at + ahead or s.at >= end + behind):
                return False
        return True

    def room_free(self, vid: str, gid: str, at: int, end: int) -> bool:
        """A room free over [at, end) in every week of the group's term."""
        terms = self.season.terms
        clashing = [
            s
            for s in self.venue[vid]
            if s.at < end and at < s.end_at and terms.share_week(s.group_id, gid)
        ]
        rooms = self.season.venue[vid].rooms
        if len(clashing) < rooms:
            return True
        # Rooms are taken week by week: the busiest week of the term decides.
        return all(
            sum(1 for s in clashing if week in terms.of_group(s.group_id)) < rooms
            for week in terms.of_group(gid)
        )

    def commit(self, g: Group, day: int, start: int, vid: str | None, team, codes) -> None:
        at = day * DAY_MIN + start
        s = _Session(g.group_id, at, at + g.minutes, vid)
        for pid in team:
            self.person[pid].append(s)
            self.load[pid].add(g.group_id, g.minutes + self.allowance)
        if vid is not None:
            self.venue[vid].append(s)
        if g.needs_venue:
            self.on_day[g.municipality, day] += 1
        for pid in team:
            self.on_day[pid, day] += 1
        for code in codes:
            self.joined[code] += 1
            self.client_days[code].append((day, g.group_id))
            self.participants.append((code, g.group_id))
        self.placements.append(
            Placement(g.group_id, day, start, start + g.minutes, vid, tuple(team))
        )


@dataclass(frozen=True, slots=True)
class _Option:
    day: int
    start: int
    venue_id: str | None
    team: tuple[str, ...]
    clients: tuple[str, ...]
    drive: int
    crowd: int = 0


def warm_start_plan(season: Season, cands: Candidates, prefer: Plan | None = None) -> Plan:
    """A valid plan built first-fit over the candidates (see the module docstring)."""
    state = _State(season, cands, cands.params.allowance_min)
    options = defaultdict(int)
    for c in cands.groups.values():
        for code in c.clients:
            options[code] += 1
    before = prefer.placement if prefer is not None else {}
    members = prefer.members if prefer is not None else {}
    order = sorted(
        cands.groups,
        key=lambda gid: (
            gid not in before,
            -season.group[gid].priority,
            len(cands[gid].clients),
            gid,
        ),
    )
    for gid in order:
        g = season.group[gid]
        if not (rules.session_length_ok(g) and rules.term_ok(g)):
            continue
        found = None
        if gid in before:
            found = _keep_previous(state, g, before[gid], members.get(gid, ()), options)
        found = found or _best_option(state, g, options)
        if found is not None:
            state.commit(g, found.day, found.start, found.venue_id, found.team, found.clients)
    _add_second_leaders(state)
    return fill_seats(season, cands, Plan(tuple(state.placements), tuple(state.participants)))


def add_second_leaders(season: Season, cands: Candidates, plan: Plan) -> Plan:
    """`plan` with a second leader, where one is free, for each one-leader group that more
    clients could join; `fill_seats` then places them. Leaders, rooms and clients of the plan
    stay as they are."""
    state = _State(season, cands, cands.params.allowance_min)
    members = plan.members
    for p in plan.placements:
        state.commit(
            season.group[p.group_id],
            p.weekday,
            p.start,
            p.venue_id,
            p.leaders,
            members.get(p.group_id, ()),
        )
    _add_second_leaders(state)
    return Plan(tuple(state.placements), tuple(state.participants), plan.unscheduled)


def _add_second_leaders(state: _State) -> None:
    """A second leader (a partner first, else the staff member with most hours to spare) for
    one-leader groups that more clients could join, so that they can grow past four."""
    season, cands = state.season, state.cands
    joined = defaultdict(int)
    for code, _ in state.participants:
        joined[code] += 1
    members = defaultdict(int)
    for _, gid in state.participants:
        members[gid] += 1
    for i, p in enumerate(state.placements):
        g = season.group[p.group_id]
        if len(p.leaders) != 1 or rules.size_limits(g)[1] < rules.SMALL_GROUP_BELOW:
            continue
        waiting = sum(
            1
            for code in cands[g.group_id].clients
            if joined[code] < season.client[code].max_groups
            and _eligible(state, g, code, p.weekday, p.venue_id)
        )
        if members[g.group_id] + waiting < rules.SMALL_GROUP_BELOW:
            continue
        at = p.weekday * DAY_MIN + p.start

        def spare(pid: str) -> tuple[bool, int, str]:
            cap = rules.weekly_cap_min(season.person[pid])
            return (cap is not None, -((cap or 0) - state.load[pid].busiest), pid)

        free = sorted(
            (
                pid
                for pid in cands[g.group_id].leaders
                if pid not in p.leaders
                and rules.leader_speaks(g, season.person[pid])
                and rules.partner_may_lead(g, season.person[pid])
                and state.person_free(pid, g.group_id, p.weekday, at, p.venue_id)
            ),
            key=spare,
        )
        if free:
            session = _Session(g.group_id, at, at + g.minutes, p.venue_id)
            state.person[free[0]].append(session)
            state.load[free[0]].add(g.group_id, g.minutes + state.allowance)
            state.placements[i] = replace(p, leaders=(*p.leaders, free[0]))


def fill_seats(season: Season, cands: Candidates, plan: Plan) -> Plan:
    """Unplaced clients into scheduled groups that still have room for them, every rule
    checked: the client's language, audience, day, travel time and access; the group's size,
    the venue's capacity and a second leader from five participants. Clients with the fewest
    options go first, each to the group that suits them best."""
    members = {gid: list(codes) for gid, codes in plan.members.items()}
    joined: dict[str, int] = defaultdict(int)
    mine: dict[str, list[str]] = defaultdict(list)
    for code, gid in plan.participants:
        joined[code] += 1
        mine[code].append(gid)
    options: dict[str, list[str]] = defaultdict(list)
    for gid, c in cands.groups.items():
        if gid in plan.placement:
            for code in c.clients:
                options[code].append(gid)
    extra: list[tuple[str, str]] = []
    for code in sorted(options, key=lambda x: (len(options[x]), x)):
        client = season.client[code]
        if joined[code] >= client.max_groups:
            continue
        fits = [
            gid
            for gid in options[code]
            if code not in members[gid]
            and _has_seat(season, cands, plan, gid, members, code)
            and not any(
                sessions_clash(season.terms, plan.placement[gid], plan.placement[o])
                for o in mine[code]
            )
        ]
        if not fits:
            continue
        gid = max(fits, key=lambda g: (client_fit(season.group[g], client), g))
        members[gid].append(code)
        joined[code] += 1
        mine[code].append(gid)
        extra.append((code, gid))
    if not extra:
        return plan
    return Plan(plan.placements, tuple(sorted(plan.participants + tuple(extra))))


def _has_seat(season, cands, plan, gid, members, code) -> bool:
    p = plan.placement[gid]
    g, client = season.group[gid], season.client[code]
    n = len(members[gid]) + 1
    if n > rules.size_limits(g)[1] or rules.leaders_needed(n) > len(p.leaders):
        return False
    if p.venue_id is not None and n + len(p.leaders) > season.venue[p.venue_id].capacity:
        return False
    if p.weekday not in client.days:
        return False
    if not rules.may_join(g, client):
        return False
    if p.venue_id is not None and rules.travel_binds(g, client):
        if cands.client_minutes(code, p.venue_id) > client.max_travel_min:
            return False
        if client.needs_accessible and not season.venue[p.venue_id].accessible:
            return False
    return True


def _eligible(state: _State, g: Group, code: str, day: int, vid: str | None) -> bool:
    client = state.season.client[code]
    if state.joined[code] >= client.max_groups or day not in client.days:
        return False
    # Cautious for rule client_overlap: no second group on a day the client already has one.
    terms = state.season.terms
    if any(d == day and terms.share_week(o, g.group_id) for d, o in state.client_days[code]):
        return False
    if not rules.may_join(g, client):
        return False
    if vid is not None and rules.travel_binds(g, client):
        if state.cands.client_minutes(code, vid) > client.max_travel_min:
            return False
        if client.needs_accessible and not state.season.venue[vid].accessible:
            return False
    return True


def _slots(state: _State, g: Group) -> Iterator[tuple[int, str | None, list[int]]]:
    """(day, venue, starts) the group may use, every rule on place and time checked."""
    c = state.cands[g.group_id]
    season = state.season
    for day in c.days:
        if not rules.pins_allow_day(g, day):
            continue
        if not g.needs_venue:
            starts = [s for s in c.starts if rules.pins_allow_start(g, s)]
            yield day, None, starts
            continue
        for vid in c.venues:
            venue = season.venue[vid]
            if not (rules.venue_in_municipality(g, venue) and rules.pins_allow_venue(g, vid)):
                continue
            opened = c.open_starts.get((vid, day), frozenset())
            starts = [s for s in c.starts if s in opened and rules.pins_allow_start(g, s)]
            yield day, vid, starts


def _team(
    state: _State, g: Group, day: int, at: int, vid: str | None, n: int
) -> tuple[tuple[str, ...], int] | None:
    """The leader team for `n` participants (fewer leaders may cap `n`): (team, n)."""
    c = state.cands[g.group_id]
    season = state.season
    free = [
        pid
        for pid in c.leaders
        if rules.leader_speaks(g, season.person[pid])
        and rules.partner_may_lead(g, season.person[pid])
        and state.person_free(pid, g.group_id, day, at, vid)
    ]
    pinned = list(g.leaders)
    if any(pid not in free for pid in pinned):
        return None

    def cost(pid: str) -> tuple[int, int, str]:
        trip = state.cands.round_trip(pid, vid) if vid is not None else 0
        return (trip, state.load[pid].busiest, pid)

    team = list(pinned)
    if not any(rules.is_qualified_staff(season.person[p]) for p in team):
        qualified = sorted(
            (p for p in free if rules.is_qualified_staff(season.person[p])), key=cost
        )
        if not qualified:
            return None
        team.append(qualified[0])
    if len(team) > rules.LEADERS_IN_GROUP:
        return None
    if n >= rules.SMALL_GROUP_BELOW and len(team) < rules.LEADERS_IN_GROUP:
        others = sorted((p for p in free if p not in team), key=cost)
        if others:
            team.append(others[0])
        else:
            n = rules.SMALL_GROUP_BELOW - 1
    return tuple(team), n


def _pick_clients(state: _State, g: Group, pool: list[str], n: int, options) -> tuple[str, ...]:
    def rank(code: str) -> tuple[int, int, str]:
        return (-client_fit(g, state.season.client[code]), options[code], code)

    return tuple(sorted(pool, key=rank)[:n])


def _fill(state: _State, g: Group, day: int, start: int, vid: str | None, pool, options):
    """The best option at one slot, or None."""
    low, high = rules.size_limits(g)
    at = day * DAY_MIN + start
    if vid is not None and not state.room_free(vid, g.group_id, at, at + g.minutes):
        return None
    cap = state.season.venue[vid].capacity if vid is not None else 10**6
    n = min(high, len(pool), cap - 1)
    if n < low:
        return None
    # A drop-in group's leaders follow the visitors it expects, not its (no) participants.
    found = _team(state, g, day, at, vid, low if rules.enrols(g) else rules.expected_visitors(g))
    if found is None:
        return None
    team, n = found
    if len(team) < rules.group_leaders_needed(g, low):
        return None
    if not rules.enrols(g) and rules.expected_visitors(g) + len(team) > cap:
        return None  # no room for the visitors a drop-in group expects
    n = min(n, cap - len(team))
    if n < low:
        return None
    drive = sum(
        state.cands.round_trip(pid, vid)
        for pid in team
        if vid is not None and isinstance(state.season.person[pid], Staff)
    )
    # Only the minimum for now: clients go first to groups that could not run without them;
    # the seats left are filled once every group has had its turn (`fill_seats`).
    clients = _pick_clients(state, g, pool, min(n, low), options)
    return _Option(day, start, vid, team, clients, drive, state.crowd(g, day, team))


def _best_option(state: _State, g: Group, options) -> _Option | None:
    low, high = rules.size_limits(g)
    if low > high:
        return None
    slots = []
    for day, vid, starts in _slots(state, g):
        pool = [c for c in state.cands[g.group_id].clients if _eligible(state, g, c, day, vid)]
        if len(pool) >= low and starts:
            slots.append((min(len(pool), high), day, vid, starts, pool))
    slots.sort(key=lambda s: -s[0])
    best: _Option | None = None
    for bound, day, vid, starts, pool in slots:
        if best is not None and bound < len(best.clients):
            break
        for start in sorted(starts, key=lambda s: (abs(s - PREFERRED_START), s)):
            option = _fill(state, g, day, start, vid, pool, options)
            if option is None:
                continue
            if best is None or (len(option.clients), -option.crowd, -option.drive) > (
                len(best.clients),
                -best.crowd,
                -best.drive,
            ):
                best = option
            break  # later starts at this slot are no better
    return best


def _keep_previous(state: _State, g: Group, before: Placement, members, options):
    """The group's previous session, leaders and participants, as far as they still hold."""
    c = state.cands[g.group_id]
    if before.weekday not in c.days or before.start not in c.starts:
        return None
    if g.needs_venue != (before.venue_id is not None):
        return None
    if before.venue_id is not None and before.venue_id not in c.venues:
        return None
    for day, vid, starts in _slots(state, g):
        if day != before.weekday or vid != before.venue_id or before.start not in starts:
            continue
        pool = [x for x in c.clients if _eligible(state, g, x, day, vid)]
        kept = [x for x in members if x in pool]
        ordered = kept + [x for x in pool if x not in kept]
        option = _fill(state, g, day, before.start, vid, ordered, options)
        if option is None:
            return None
        # Keep the previous members and leaders where possible.
        n = len(option.clients)
        clients = (
            tuple(ordered[:n])
            if len(kept) >= n
            else tuple(
                kept
                + list(
                    _pick_clients(
                        state, g, [x for x in pool if x not in kept], n - len(kept), options
                    )
                )
            )
        )
        team = _previous_team(state, g, before, option, vid)
        return _Option(day, before.start, vid, team, clients, option.drive)
    return None


def _previous_team(state: _State, g: Group, before: Placement, option: _Option, vid) -> tuple:
    at = before.weekday * DAY_MIN + before.start
    season = state.season
    keep = [
        pid
        for pid in before.leaders
        if pid in state.cands[g.group_id].leaders
        and rules.leader_speaks(g, season.person[pid])
        and rules.partner_may_lead(g, season.person[pid])
        and state.person_free(pid, g.group_id, before.weekday, at, vid)
    ]
    team = list(dict.fromkeys([*g.leaders, *keep]))[: len(option.team)]
    for pid in option.team:
        if len(team) >= len(option.team):
            break
        if pid not in team:
            team.append(pid)
    if len(team) == len(option.team) and any(
        rules.is_qualified_staff(season.person[p]) for p in team
    ):
        return tuple(team)
    return option.team


# --- hints ---


def plan_values(v: SeasonVars, plan: Plan) -> dict[int, int]:
    """The value of every decision variable in the plan, by variable index (groups not in
    it: not scheduled). The plan must use only the model's candidates."""
    values: dict[int, int] = {}

    def put(var: cp_model.IntVar, value: int | bool) -> None:
        values[var.index] = int(value)

    placed = plan.placement
    members = {(code, gid) for code, gid in plan.participants}
    at_of: dict[str, int] = {}
    for gid in v.gids:
        p = placed.get(gid)
        c = v.cands[gid]
        put(v.sched[gid], p is not None)
        for d in c.days:
            put(v.day[gid, d], p is not None and p.weekday == d)
        start = p.start if p is not None else c.starts[0]
        at_of[gid] = p.weekday * DAY_MIN + p.start if p is not None else start
        put(v.start[gid], start)
        put(v.at[gid], at_of[gid])
        for vid in c.venues:
            put(v.use[gid, vid], p is not None and p.venue_id == vid)
        for pid in c.leaders:
            put(v.lead[gid, pid], p is not None and pid in p.leaders)
        joined = [(code, gid) in members for code in c.clients]
        for code, inside in zip(c.clients, joined, strict=True):
            put(v.x[code, gid], inside)
        put(v.size[gid], sum(joined))
    for (g1, g2), lit in v.order.items():
        put(lit, at_of[g1] <= at_of[g2])
    venue_of = {p.group_id: p.venue_id for p in plan.placements}
    index = {x.venue_id: i + 1 for i, x in enumerate(v.season.venues)}
    for gid, var in v.venue_index.items():
        put(var, index.get(venue_of.get(gid), 0))
    for (g1, g2), lit in v.same_venue.items():
        put(lit, venue_of.get(g1) is not None and venue_of.get(g1) == venue_of.get(g2))
    return values


def add_plan_hint(model: cp_model.CpModel, v: SeasonVars, plan: Plan) -> None:
    """Hint every decision variable with the plan (see `plan_values`)."""
    hint_values(model, plan_values(v, plan))


def hint_values(model: cp_model.CpModel, values: dict[int, int]) -> None:
    """Hint variables by index (a complete solution makes the hint usable at once)."""
    model.clear_hints()
    hint = model.proto.solution_hint
    hint.vars.extend(list(values))
    hint.values.extend(list(values.values()))
