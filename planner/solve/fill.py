"""After the search: open seats filled with every option the rules allow.

The model keeps itself small by giving each client a short list of candidate groups and each
group a short list of candidate leaders (`candidates`). On large seasons a client's list can
fill up while a group just outside it keeps free seats, and a one-leader group stops at four
because its second leader was not on its list. This pass looks past the lists, with the plan's
days, times and venues held fixed:

1. one-leader groups that more waiting clients could join get a second leader who is free,
   speaks the language, works that day, has the hours and the travel time from and to their
   other sessions that day (a partner only beside a qualified staff member, l. 363-365);
2. clients below their number of groups go, fewest options first, to the group that suits
   them best among those with a seat, every participant rule checked.

Rules are checked exactly as `planner.model.Plan` defines a valid plan (travel times from
`planner.geo`), so the independent validator accepts the result.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace

from planner import rules
from planner.geo import TravelModel
from planner.model import Client, Group, Placement, Plan, Season, Staff
from planner.solve.candidates import client_fit
from planner.terms import WeeklyMinutes, sessions_clash


@dataclass
class _Week:
    """Who is busy when, and how many minutes of group work each staff member has."""

    season: Season
    travel: TravelModel
    allowance: int
    busy: dict[str, list[Placement]] = field(default_factory=lambda: defaultdict(list))
    load: dict[str, WeeklyMinutes] = field(init=False)

    def __post_init__(self) -> None:
        self.load = defaultdict(lambda: WeeklyMinutes(self.season.terms))

    def add(self, pid: str, p: Placement) -> None:
        self.busy[pid].append(p)
        self.load[pid].add(p.group_id, p.end - p.start + self.allowance)

    def free(self, pid: str, p: Placement) -> bool:
        person = self.season.person[pid]
        if p.weekday not in person.days:
            return False
        cap = rules.weekly_cap_min(person)
        minutes = p.end - p.start + self.allowance
        if cap is not None and self.load[pid].busiest_with(p.group_id, minutes) > cap:
            return False
        mode = rules.travel_mode(person)
        terms = self.season.terms
        for other in self.busy[pid]:
            if other.weekday != p.weekday or not terms.share_week(other.group_id, p.group_id):
                continue
            first, second = (other, p) if other.start <= p.start else (p, other)
            gap = 0
            if first.venue_id is not None and second.venue_id is not None:
                gap = self.travel.between_venues(first.venue_id, second.venue_id, mode)
            if second.start < first.end + gap:
                return False
        return True


def fill_open_seats(
    season: Season,
    plan: Plan,
    allowance_min: int = rules.DEFAULT_SESSION_ALLOWANCE_MIN,
    travel: TravelModel | None = None,
) -> tuple[Plan, int, int]:
    """The plan with second leaders and clients added; and how many of each were added."""
    travel = travel or TravelModel(season)
    week = _Week(season, travel, allowance_min)
    for p in plan.placements:
        for pid in p.leaders:
            week.add(pid, p)
    members = {p.group_id: list(plan.members.get(p.group_id, ())) for p in plan.placements}
    joined: dict[str, int] = defaultdict(int)
    mine: dict[str, list[str]] = defaultdict(list)
    for code, gid in plan.participants:
        joined[code] += 1
        mine[code].append(gid)
    placements = {p.group_id: p for p in plan.placements}

    # Clients who may take one more group, by the weekdays and languages they can come in:
    # each group then looks only at those who could come on its day in its language.
    free: dict[tuple[int, str], list[Client]] = defaultdict(list)
    for c in season.clients:
        if joined[c.client_code] < c.max_groups:
            for day in c.days:
                for language in c.languages:
                    free[day, language].append(c)
    waiting = {
        gid: [
            c.client_code
            for c in free[p.weekday, season.group[gid].language]
            if c.client_code not in members[gid] and _may_join(season, travel, p, c)
        ]
        for gid, p in placements.items()
    }
    seconded = 0
    for gid, p in sorted(placements.items()):
        group = season.group[gid]
        if len(p.leaders) != 1 or rules.size_limits(group)[1] < rules.SMALL_GROUP_BELOW:
            continue
        if len(members[gid]) + len(waiting[gid]) < rules.SMALL_GROUP_BELOW:
            continue
        second = _second_leader(season, week, group, p)
        if second is not None:
            placements[gid] = replace(p, leaders=(*p.leaders, second))
            week.add(second, placements[gid])
            seconded += 1

    options: dict[str, list[str]] = defaultdict(list)
    for gid, codes in waiting.items():
        for code in codes:
            options[code].append(gid)
    added: list[tuple[str, str]] = []
    for code in sorted(options, key=lambda c: (len(options[c]), c)):
        client = season.client[code]
        fits = [
            gid
            for gid in options[code]
            if joined[code] < client.max_groups
            and _has_seat(season, placements[gid], members)
            and not any(
                sessions_clash(season.terms, placements[gid], placements[o])
                for o in mine[code]
                if o in placements
            )
        ]
        if not fits:
            continue
        gid = max(fits, key=lambda g: (client_fit(season.group[g], client), g))
        members[gid].append(code)
        joined[code] += 1
        mine[code].append(gid)
        added.append((code, gid))
    if not added and not seconded:
        return plan, 0, 0
    ordered = tuple(placements[p.group_id] for p in plan.placements)
    participants = tuple(sorted(plan.participants + tuple(added)))
    return Plan(ordered, participants, plan.unscheduled), len(added), seconded


def _may_join(season: Season, travel: TravelModel, p: Placement, client: Client) -> bool:
    group = season.group[p.group_id]
    if p.weekday not in client.days:
        return False
    if not rules.may_join(group, client):
        return False
    if p.venue_id is not None and rules.travel_binds(group, client):
        if client.needs_accessible and not season.venue[p.venue_id].accessible:
            return False
        if travel.client_to_venue(client, p.venue_id) > client.max_travel_min:
            return False
    return True


def _has_seat(season: Season, p: Placement, members: dict[str, list[str]]) -> bool:
    group = season.group[p.group_id]
    n = len(members[p.group_id]) + 1
    if n > rules.size_limits(group)[1] or rules.leaders_needed(n) > len(p.leaders):
        return False
    return p.venue_id is None or n + len(p.leaders) <= season.venue[p.venue_id].capacity


def _second_leader(season: Season, week: _Week, group: Group, p: Placement) -> str | None:
    """A partner first (staff hours are the scarcer), else the staff member with most hours
    to spare; None when nobody fits."""
    first = season.person[p.leaders[0]]
    if (
        p.venue_id is not None
        and len(p.leaders) + rules.SMALL_GROUP_BELOW > season.venue[p.venue_id].capacity
    ):
        return None

    def fits(pid: str) -> bool:
        person = season.person[pid]
        team = [(x.is_staff, bool(x.qualified)) for x in (first, person)]
        return (
            pid not in p.leaders
            and rules.leader_speaks(group, person)
            and rules.partner_may_lead(group, person)
            and rules.leader_team_problem(rules.SMALL_GROUP_BELOW, team) is None
            and week.free(pid, p)
        )

    def spare(pid: str) -> tuple[bool, int, str]:
        person = season.person[pid]
        cap = rules.weekly_cap_min(person)
        return (isinstance(person, Staff), -((cap or 0) - week.load[pid].busiest), pid)

    found = sorted((pid for pid in season.person if fits(pid)), key=spare)
    return found[0] if found else None
