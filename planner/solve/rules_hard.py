"""The handbook's hard rules as CP-SAT constraints: one small function per rule.

Every rule is listed in `HARD_RULES` by its key in the rules catalogue (`planner.rules.RULES`,
which gives its name in fi/sv/en and its handbook line); the independent validator
(`planner.plan_check`) checks the same keys. Each
`add_<rule>(model, season, v)` adds its constraints over the variables in `v`
(`planner.solve.variables.SeasonVars`).

The candidate lists (`planner.solve.candidates`) already leave out most options a rule
forbids, using the predicates defined here, so that the model stays small. The functions
below still enforce every rule on whatever the candidates kept, so a rule holds whether or
not its filter ran. That is what lets the explanations switch a rule off: they build the
candidates without its filter and guard its constraints with an enforcement literal
(`v.guard(key)`; `v.plan_guard(key)` for the part that comes from the rest of a fixed plan).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ortools.sat.python import cp_model

from planner import rules
from planner.model import Season

if TYPE_CHECKING:
    from planner.solve.variables import FixedSession, SeasonVars

# The predicates the rules share live in the catalogue (`planner.rules`); the candidate
# filters use the same ones, so a rule and its filter cannot drift apart.


# --- The rules ---


def _forbid(model: cp_model.CpModel, var: cp_model.IntVar, guard: list) -> None:
    model.add(var == 0).only_enforce_if(guard)


def add_session_length(model: cp_model.CpModel, season: Season, v: SeasonVars) -> None:
    for gid in v.gids:
        if not rules.session_length_ok(season.group[gid]):
            _forbid(model, v.sched[gid], v.guard("session_length"))


def add_term(model: cp_model.CpModel, season: Season, v: SeasonVars) -> None:
    for gid in v.gids:
        if not rules.term_ok(season.group[gid]):
            _forbid(model, v.sched[gid], v.guard("term"))


def add_pins(model: cp_model.CpModel, season: Season, v: SeasonVars) -> None:
    guard = v.guard("pins")
    for gid in v.gids:
        g = season.group[gid]
        for d in v.cands[gid].days:
            if not rules.pins_allow_day(g, d):
                _forbid(model, v.day[gid, d], guard)
        if g.start is not None:
            model.add(v.start[gid] == g.start).only_enforce_if([v.sched[gid], *guard])
        for vid in v.cands[gid].venues:
            if not rules.pins_allow_venue(g, vid):
                _forbid(model, v.use[gid, vid], guard)
        for pid in g.leaders:
            lead = v.lead.get((gid, pid))
            if lead is None:  # the pinned person is not in the season (any more)
                _forbid(model, v.sched[gid], guard)
            else:
                model.add(lead == v.sched[gid]).only_enforce_if(guard)


def add_venue_mode(model: cp_model.CpModel, season: Season, v: SeasonVars) -> None:
    guard = v.guard("venue_mode")
    for gid in v.gids:
        uses = [v.use[gid, vid] for vid in v.cands[gid].venues]
        if season.group[gid].needs_venue:
            model.add(sum(uses) >= v.sched[gid]).only_enforce_if(guard)
        else:
            for use in uses:
                _forbid(model, use, guard)


def add_venue_municipality(model: cp_model.CpModel, season: Season, v: SeasonVars) -> None:
    guard = v.guard("venue_municipality")
    for gid in v.gids:
        g = season.group[gid]
        for vid in v.cands[gid].venues:
            if not rules.venue_in_municipality(g, season.venue[vid]):
                _forbid(model, v.use[gid, vid], guard)


def add_venue_open(model: cp_model.CpModel, season: Season, v: SeasonVars) -> None:
    guard = v.guard("venue_open")
    for gid in v.gids:
        c = v.cands[gid]
        domain = set(c.starts)
        for vid in c.venues:
            for d in c.days:
                allowed = c.open_starts.get((vid, d), frozenset()) & domain
                both = [v.use[gid, vid], v.day[gid, d]]
                if not allowed:
                    model.add_bool_or([lit.Not() for lit in both]).only_enforce_if(guard)
                elif allowed != domain:
                    model.add_linear_expression_in_domain(
                        v.start[gid], cp_model.Domain.from_values(sorted(allowed))
                    ).only_enforce_if([*both, *guard])


def _fixed(v: SeasonVars, sessions: tuple[FixedSession, ...], rule: str) -> dict:
    return dict(zip(sessions, v.fixed_intervals(sessions, rule), strict=True))


def add_venue_rooms(model: cp_model.CpModel, season: Season, v: SeasonVars) -> None:
    """No more groups at once than rooms, among the groups whose terms share a week."""
    for vid, gids in v.groups_at_venue.items():
        rooms = season.venue[vid].rooms
        fixed = v.context.at_venue.get(vid, ())
        if len(gids) + len(fixed) <= rooms:
            continue
        intervals = {
            gid: v.interval(gid, v.use[gid, vid], season.group[gid].minutes, "venue_rooms")
            for gid in gids
        }
        for week in v.week_sets(intervals, _fixed(v, fixed, "venue_rooms")):
            if len(week) <= rooms:
                continue
            if rooms == 1:
                model.add_no_overlap(week)
            else:
                model.add_cumulative(week, [1] * len(week), rooms)


def add_capacity(model: cp_model.CpModel, season: Season, v: SeasonVars) -> None:
    guard = v.guard("capacity")
    for gid in v.gids:
        venues = v.cands[gid].venues
        if not venues:
            continue
        # A drop-in group has nobody placed in it: its room is for the visitors it expects.
        visitors = (
            0 if rules.enrols(season.group[gid]) else rules.expected_visitors(season.group[gid])
        )
        bound = v.people_bound(gid) + visitors
        uses = [v.use[gid, vid] for vid in venues]
        room = sum(min(season.venue[vid].capacity, bound) * v.use[gid, vid] for vid in venues)
        # Without a venue (an unscheduled group) the bound is slack.
        people = v.size[gid] + v.nlead(gid) + visitors * v.sched[gid]
        model.add(people <= room + bound * (1 - sum(uses))).only_enforce_if(guard)


def add_accessible(model: cp_model.CpModel, season: Season, v: SeasonVars) -> None:
    guard = v.guard("accessible")
    for (code, gid), x in v.x.items():
        g = season.group[gid]
        client = season.client[code]
        if not (client.needs_accessible and rules.travel_binds(g, client)):
            continue
        ok = [v.use[gid, vid] for vid in v.cands[gid].venues if season.venue[vid].accessible]
        model.add(x <= sum(ok)).only_enforce_if(guard)


def add_size(model: cp_model.CpModel, season: Season, v: SeasonVars) -> None:
    guard = v.guard("size")
    for gid in v.gids:
        low, high = rules.size_limits(season.group[gid])
        model.add(v.size[gid] >= low * v.sched[gid]).only_enforce_if(guard)
        model.add(v.size[gid] <= high * v.sched[gid]).only_enforce_if(guard)


def add_two_leaders(model: cp_model.CpModel, season: Season, v: SeasonVars) -> None:
    guard = v.guard("two_leaders")
    small = rules.SMALL_GROUP_BELOW - 1
    for gid in v.gids:
        n, sched = v.nlead(gid), v.sched[gid]
        # A drop-in group has nobody placed in it: its leaders follow the visitors it expects.
        need = rules.group_leaders_needed(season.group[gid], 0)
        model.add(n >= need * sched).only_enforce_if(guard)
        model.add(n <= rules.LEADERS_IN_GROUP * sched).only_enforce_if(guard)
        # One leader: at most 4 participants; a second leader lifts the limit.
        big = max(len(v.cands[gid].clients), 1)
        model.add(v.size[gid] - small * sched <= big * (n - sched)).only_enforce_if(guard)


def add_qualified_leader(model: cp_model.CpModel, season: Season, v: SeasonVars) -> None:
    guard = v.guard("qualified_leader")
    for gid in v.gids:
        qualified = [
            v.lead[gid, pid]
            for pid in v.cands[gid].leaders
            if rules.is_qualified_staff(season.person[pid])
        ]
        model.add(sum(qualified) >= v.sched[gid]).only_enforce_if(guard)


def add_leader_language(model: cp_model.CpModel, season: Season, v: SeasonVars) -> None:
    for (gid, pid), lead in v.lead.items():
        if not rules.leader_speaks(season.group[gid], season.person[pid]):
            _forbid(model, lead, v.guard("leader_language"))


def add_leader_days(model: cp_model.CpModel, season: Season, v: SeasonVars) -> None:
    guard = v.guard("leader_days")
    for (gid, pid), lead in v.lead.items():
        days = season.person[pid].days
        for d in v.cands[gid].days:
            if d not in days:
                model.add_bool_or([lead.Not(), v.day[gid, d].Not()]).only_enforce_if(guard)


def add_partner_municipality(model: cp_model.CpModel, season: Season, v: SeasonVars) -> None:
    for (gid, pid), lead in v.lead.items():
        if not rules.partner_may_lead(season.group[gid], season.person[pid]):
            _forbid(model, lead, v.guard("partner_municipality"))


def _one_at_a_time(
    model: cp_model.CpModel,
    season: Season,
    v: SeasonVars,
    present: dict[str, cp_model.IntVar],
    fixed: tuple[FixedSession, ...],
    rule: str,
) -> None:
    """The sessions of the groups in `present` (present when their literal is true) and the
    fixed ones never meet at once in a week their terms share."""
    if len(present) + len(fixed) < 2:
        return
    intervals = {
        gid: v.interval(gid, lit, season.group[gid].minutes, rule) for gid, lit in present.items()
    }
    for week in v.week_sets(intervals, _fixed(v, fixed, rule)):
        if len(week) > 1:
            model.add_no_overlap(week)


def add_person_overlap(model: cp_model.CpModel, season: Season, v: SeasonVars) -> None:
    """Nobody leads two sessions at once in a week both groups' terms share."""
    for pid, gids in v.groups_of_person.items():
        present = {gid: v.lead[gid, pid] for gid in gids}
        fixed = v.context.of_person.get(pid, ())
        _one_at_a_time(model, season, v, present, fixed, "person_overlap")


def add_client_overlap(model: cp_model.CpModel, season: Season, v: SeasonVars) -> None:
    """A client who may join more than one group is never in two sessions at once (in a week
    both terms share); with one group at most there is nothing to clash."""
    for code, gids in v.groups_of_client.items():
        if season.client[code].max_groups < 2:
            continue
        present = {gid: v.x[code, gid] for gid in gids}
        fixed = v.context.of_client.get(code, ())
        _one_at_a_time(model, season, v, present, fixed, "client_overlap")


def add_travel_gap(model: cp_model.CpModel, season: Season, v: SeasonVars) -> None:
    """Same-day sessions of one person leave time to travel between the two venues.

    Times are minutes from Monday 00:00, so sessions on different days are far apart and
    only same-day pairs ever bind. The venue of an unplaced group is not known yet, so the
    gap is the longest trip between two different candidate venues of the two groups, or
    none when both meet at the same venue (exact when each group has one candidate venue;
    otherwise cautious by the spread of the municipality's venues).
    """
    guard = v.guard("travel_gap")
    for pid, gids in v.groups_of_person.items():
        person = season.person[pid]
        mode = rules.travel_mode(person)
        for i, g1 in enumerate(gids):
            for g2 in gids[i + 1 :]:
                if not season.terms.share_week(g1, g2):
                    continue
                ahead = v.cands.gap(g1, g2, mode)
                behind = v.cands.gap(g2, g1, mode)
                if not (ahead or behind) or not v.may_share_day(g1, g2, person.days):
                    continue
                first = v.order_literal(g1, g2)
                both = [v.lead[g1, pid], v.lead[g2, pid]]
                m1, m2 = season.group[g1].minutes, season.group[g2].minutes
                same = v.same_venue_literal(g1, g2)
                # At the same venue there is nothing to travel.
                at_same = 0 if same is None else same
                model.add(v.at[g2] >= v.at[g1] + m1 + ahead - ahead * at_same).only_enforce_if(
                    [*both, first, *guard]
                )
                model.add(v.at[g1] >= v.at[g2] + m2 + behind - behind * at_same).only_enforce_if(
                    [*both, first.Not(), *guard]
                )
        plan_guard = v.plan_guard("travel_gap")
        for fixed in v.context.of_person.get(pid, ()):
            if fixed.venue_id is None:
                continue
            for gid in gids:
                if fixed.weekday not in v.cands[gid].days:
                    continue
                if not season.terms.share_week(fixed.group_id, gid):
                    continue
                # One group against fixed sessions: exact per venue, it costs little. Two
                # sessions at once are rule person_overlap's, not a journey: this rule then
                # asks nothing, so an explanation names the clash.
                after = model.new_bool_var(f"after_{fixed.group_id}_{gid}_{pid}")
                before = model.new_bool_var(f"before_{fixed.group_id}_{gid}_{pid}")
                lead = v.lead[gid, pid]
                m = season.group[gid].minutes
                model.add(v.at[gid] < fixed.end_at).only_enforce_if([after.Not(), before.Not()])
                model.add(v.at[gid] + m > fixed.at).only_enforce_if([after.Not(), before.Not()])
                for vid in v.cands[gid].venues:
                    use = v.use[gid, vid]
                    ahead = v.cands.venue_minutes(fixed.venue_id, vid, mode)
                    behind = v.cands.venue_minutes(vid, fixed.venue_id, mode)
                    model.add(v.at[gid] >= fixed.end_at + ahead).only_enforce_if(
                        [lead, use, after, *guard, *plan_guard]
                    )
                    model.add(v.at[gid] + m + behind <= fixed.at).only_enforce_if(
                        [lead, use, before, *guard, *plan_guard]
                    )


def add_weekly_hours(model: cp_model.CpModel, season: Season, v: SeasonVars) -> None:
    """A staff member's group work within their weekly share in every week: the groups whose
    terms share a week count together (`planner.terms`)."""
    guard = v.guard("weekly_hours")
    plan_guard = v.plan_guard("weekly_hours")
    allowance = v.params.allowance_min
    terms = season.terms
    for pid, gids in v.groups_of_person.items():
        cap = rules.weekly_cap_min(season.person[pid])
        if cap is None:
            continue
        minutes = {gid: season.group[gid].minutes + allowance for gid in gids}
        fixed = {("fixed", gid): (gid, m) for gid, m in v.context.load_of_person.get(pid, ())}
        items: dict[object, str] = {gid: gid for gid in gids}
        for week in terms.week_sets(items):
            if sum(minutes[g] for g in week) > cap:
                model.add(sum(v.lead[g, pid] * minutes[g] for g in week) <= cap).only_enforce_if(
                    guard
                )
        if not fixed:
            continue
        items.update({key: gid for key, (gid, _) in fixed.items()})
        for week in terms.week_sets(items):
            used = sum(fixed[i][1] for i in week if i in fixed)
            mine = [g for g in week if not isinstance(g, tuple)]
            if used and sum(minutes[g] for g in mine) > cap - used:
                model.add(
                    sum(v.lead[g, pid] * minutes[g] for g in mine) <= cap - used
                ).only_enforce_if([*guard, *plan_guard])


def add_participant_language(model: cp_model.CpModel, season: Season, v: SeasonVars) -> None:
    for (code, gid), x in v.x.items():
        if not rules.client_speaks(season.group[gid], season.client[code]):
            _forbid(model, x, v.guard("participant_language"))


def add_participant_audience(model: cp_model.CpModel, season: Season, v: SeasonVars) -> None:
    for (code, gid), x in v.x.items():
        if not rules.client_in_audience(season.group[gid], season.client[code]):
            _forbid(model, x, v.guard("participant_audience"))


def add_remote_consent(model: cp_model.CpModel, season: Season, v: SeasonVars) -> None:
    for (code, gid), x in v.x.items():
        if not rules.remote_allowed(season.group[gid], season.client[code]):
            _forbid(model, x, v.guard("remote_consent"))


def add_participant_days(model: cp_model.CpModel, season: Season, v: SeasonVars) -> None:
    guard = v.guard("participant_days")
    for (code, gid), x in v.x.items():
        days = season.client[code].days
        group_days = v.cands[gid].days
        if all(d in days for d in group_days):
            continue
        model.add(x <= sum(v.day[gid, d] for d in group_days if d in days)).only_enforce_if(guard)


def add_participant_travel(model: cp_model.CpModel, season: Season, v: SeasonVars) -> None:
    guard = v.guard("participant_travel")
    for (code, gid), x in v.x.items():
        client = season.client[code]
        group = season.group[gid]
        # A remote group meets nowhere: whether one may join it is rule remote_consent.
        if not group.needs_venue or not rules.travel_binds(group, client):
            continue
        venues = v.cands[gid].venues
        near = [
            v.use[gid, vid]
            for vid in venues
            if v.cands.client_minutes(code, vid) <= client.max_travel_min
        ]
        if len(near) < len(venues) or not venues:
            model.add(x <= sum(near)).only_enforce_if(guard)


def add_max_groups(model: cp_model.CpModel, season: Season, v: SeasonVars) -> None:
    guard = v.guard("max_groups")
    plan_guard = v.plan_guard("max_groups")
    for code, gids in v.groups_of_client.items():
        joined = sum(v.x[code, gid] for gid in gids)
        limit = season.client[code].max_groups
        if len(gids) > limit:
            model.add(joined <= limit).only_enforce_if(guard)
        used = v.context.groups_of_client.get(code, 0)
        if used:
            model.add(joined <= limit - used).only_enforce_if([*guard, *plan_guard])


AddRule = Callable[[cp_model.CpModel, Season, "SeasonVars"], None]


@dataclass(frozen=True, slots=True)
class HardRule:
    """The model's constraints for one rule of the catalogue (`planner.rules.RULES`)."""

    key: str
    add: AddRule
    about_plan: bool = False
    """True when the rule also ties a group to the rest of the plan (shared people, rooms)."""

    @property
    def rule(self) -> rules.Rule:
        return rules.RULES[self.key]

    @property
    def name(self) -> str:
        return self.rule.name()

    @property
    def source(self) -> str:
        return self.rule.source()

    def label(self, lang: str = "en") -> str:
        return self.rule.label(lang)


HARD_RULES: dict[str, HardRule] = {
    r.key: r
    for r in (
        HardRule("session_length", add_session_length),
        HardRule("term", add_term),
        HardRule("pins", add_pins),
        HardRule("venue_mode", add_venue_mode),
        HardRule("venue_municipality", add_venue_municipality),
        HardRule("venue_open", add_venue_open),
        HardRule("venue_rooms", add_venue_rooms, about_plan=True),
        HardRule("capacity", add_capacity),
        HardRule("accessible", add_accessible),
        HardRule("size", add_size),
        HardRule("two_leaders", add_two_leaders),
        HardRule("qualified_leader", add_qualified_leader),
        HardRule("leader_language", add_leader_language),
        HardRule("leader_days", add_leader_days),
        HardRule("partner_municipality", add_partner_municipality),
        HardRule("person_overlap", add_person_overlap, about_plan=True),
        HardRule("travel_gap", add_travel_gap, about_plan=True),
        HardRule("weekly_hours", add_weekly_hours, about_plan=True),
        HardRule("participant_language", add_participant_language),
        HardRule("participant_audience", add_participant_audience),
        HardRule("participant_days", add_participant_days),
        HardRule("participant_travel", add_participant_travel),
        HardRule("remote_consent", add_remote_consent),
        HardRule("max_groups", add_max_groups, about_plan=True),
        HardRule("client_overlap", add_client_overlap, about_plan=True),
    )
}
"""One entry per rule of the catalogue that the model states (`rules.MODEL_RULES`)."""


def add_hard_rules(model: cp_model.CpModel, season: Season, v: SeasonVars) -> None:
    for rule in HARD_RULES.values():
        rule.add(model, season, v)
