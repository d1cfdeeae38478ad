"""A greedy first-fit plan: the yardstick the benchmarks compare the solver against.

Groups go in order of priority (highest first), then id. Each takes the first weekday, venue,
half-hour start and leader team where every hard rule holds and at least the group's minimum
of eligible clients can join; clients are taken first-fit (their wishes first, then by code).
Nothing is ever moved once placed, so the result is valid but usually far from the best.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from planner import rules
from planner.geo import TravelModel, home_key
from planner.model import (
    Client,
    Group,
    Leader,
    Placement,
    Plan,
    Season,
    Staff,
    Unscheduled,
    Venue,
)
from planner.participation import with_modes
from planner.terms import Terms, WeeklyMinutes

GRID_MIN = 30
REMOTE_DAY = (8 * 60, 18 * 60)
"""Remote groups have no opening hours; they meet within office hours."""
UNSCHEDULED_REASON = "greedy: no feasible slot"


@dataclass(frozen=True, slots=True)
class _Session:
    group_id: str
    weekday: int
    start: int
    end: int
    venue_id: str | None

    def overlaps(self, other: _Session, terms: Terms) -> bool:
        """At once: the same weekday, overlapping hours, in a week both terms share."""
        return (
            self.weekday == other.weekday
            and self.start < other.end
            and other.start < self.end
            and terms.share_week(self.group_id, other.group_id)
        )


@dataclass
class _State:
    """What is already taken: leaders' sessions and hours, rooms, clients' groups."""

    season: Season
    allowance_min: int
    travel: TravelModel = field(init=False)
    leader_sessions: dict[str, list[_Session]] = field(default_factory=lambda: defaultdict(list))
    staff_load: dict[str, WeeklyMinutes] = field(init=False)
    venue_sessions: dict[str, list[_Session]] = field(default_factory=lambda: defaultdict(list))
    client_sessions: dict[str, list[_Session]] = field(default_factory=lambda: defaultdict(list))
    _trip: dict[tuple[str, str, str], int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.travel = TravelModel(self.season)
        self.staff_load = defaultdict(lambda: WeeklyMinutes(self.season.terms))

    def between_venues(self, a: str, b: str, mode: str) -> int:
        key = (a, b, mode)
        if key not in self._trip:
            self._trip[key] = self.travel.between_venues(a, b, mode)
        return self._trip[key]

    def commit(
        self, group: Group, session: _Session, team: tuple[str, ...], codes: list[str]
    ) -> None:
        for pid in team:
            self.leader_sessions[pid].append(session)
            if isinstance(self.season.person[pid], Staff):
                self.staff_load[pid].add(group.group_id, group.minutes + self.allowance_min)
        if session.venue_id is not None:
            self.venue_sessions[session.venue_id].append(session)
        for code in codes:
            self.client_sessions[code].append(session)


def _leader_free(state: _State, person: Leader, session: _Session) -> bool:
    """No clash and time to travel; weekly hours are checked when the pool is drawn."""
    mode = rules.travel_mode(person)
    terms = state.season.terms
    for other in state.leader_sessions[person.person_id]:
        if other.weekday != session.weekday or not terms.share_week(
            other.group_id, session.group_id
        ):
            continue
        if other.overlaps(session, terms):
            return False
        if other.venue_id is None or session.venue_id is None:
            continue
        if other.end <= session.start:
            trip = state.between_venues(other.venue_id, session.venue_id, mode)
            if session.start - other.end < trip:
                return False
        elif session.end <= other.start:
            trip = state.between_venues(session.venue_id, other.venue_id, mode)
            if other.start - session.end < trip:
                return False
    return True


def _room_free(state: _State, venue: Venue, session: _Session) -> bool:
    terms = state.season.terms
    clashing = [s for s in state.venue_sessions[venue.venue_id] if s.overlaps(session, terms)]
    # The most groups meet at once at the new session's start or at a later clashing start,
    # counted in each week of the new group's term.
    moments = [session.start] + [s.start for s in clashing if s.start > session.start]
    for week in terms.of_group(session.group_id):
        that_week = [s for s in clashing if week in terms.of_group(s.group_id)]
        if any(
            1 + sum(1 for s in that_week if s.start <= t < s.end) > venue.rooms for t in moments
        ):
            return False
    return True


def _below_max_groups(state: _State, client: Client) -> bool:
    return len(state.client_sessions[client.client_code]) < client.max_groups


def _client_free(state: _State, client: Client, session: _Session) -> bool:
    # Clients are never booked into two sessions at once, although the rules would allow it.
    taken = state.client_sessions[client.client_code]
    return not any(s.overlaps(session, state.season.terms) for s in taken)


def _leader_candidates(season: Season, group: Group) -> list[Leader]:
    """Who may lead this group on language and place; staff first, then partners, by id."""
    people: list[Leader] = sorted(season.staff, key=lambda s: s.staff_id)
    people += sorted(
        (p for p in season.partners if rules.partner_may_lead(group, p)),
        key=lambda p: p.partner_id,
    )
    return [p for p in people if rules.leader_speaks(group, p)]


@dataclass(frozen=True, slots=True)
class _Pool:
    """Who may lead a group on one weekday: language, day, place and hours left all fit."""

    ids: frozenset[str]
    leads: list[Staff]
    """Qualified staff, by id."""
    seconds: list[Leader]
    """Partners first (a partner as second leader spares staff hours), then staff."""

    @classmethod
    def of(cls, people: list[Leader]) -> _Pool:
        leads = [p for p in people if rules.is_qualified_staff(p)]
        partners = [p for p in people if not isinstance(p, Staff)]
        staff = [p for p in people if isinstance(p, Staff)]
        return cls(frozenset(p.person_id for p in people), leads, partners + staff)


def _team(state: _State, group: Group, pool: _Pool, session: _Session) -> tuple[str, ...] | None:
    """The pinned leaders, a qualified staff member, and a second leader when one is free."""
    pinned = list(dict.fromkeys(group.leaders))
    if len(pinned) > rules.LEADERS_IN_GROUP or any(pid not in pool.ids for pid in pinned):
        return None
    team = [state.season.person[pid] for pid in pinned]
    if not all(_leader_free(state, p, session) for p in team):
        return None
    taken = set(pinned)
    if not any(rules.is_qualified_staff(p) for p in team):
        lead = next(
            (p for p in pool.leads if p.staff_id not in taken and _leader_free(state, p, session)),
            None,
        )
        if lead is None or len(team) == rules.LEADERS_IN_GROUP:
            return None
        team.append(lead)
        taken.add(lead.staff_id)
    if len(team) < rules.LEADERS_IN_GROUP:
        second = next(
            (
                p
                for p in pool.seconds
                if p.person_id not in taken and _leader_free(state, p, session)
            ),
            None,
        )
        if second is not None:
            team.append(second)
    return tuple(p.person_id for p in team)


def _weekdays(group: Group) -> list[int]:
    if group.weekday is not None:
        return [group.weekday] if 0 <= group.weekday < 5 else []
    return list(range(5))


def _venues(season: Season, group: Group) -> list[Venue | None]:
    if group.venue_id is not None:
        venue = season.venue.get(group.venue_id)
        return [venue] if venue is not None and group.needs_venue else []
    if not group.needs_venue:
        return [None]
    return [
        v
        for v in sorted(season.venues, key=lambda v: v.venue_id)
        if v.municipality == group.municipality
    ]


def _starts(group: Group, venue: Venue | None, weekday: int) -> Iterator[int]:
    windows = (
        [REMOTE_DAY]
        if venue is None
        else [(i.start, i.end) for i in venue.open if i.weekday == weekday]
    )
    for lo, hi in windows:
        start = -(-lo // GRID_MIN) * GRID_MIN
        while start + group.minutes <= hi:
            if group.start is None or group.start == start:
                yield start
            start += GRID_MIN


@dataclass
class _Clients:
    """Who could join what, worked out once per season."""

    by_day: dict[int, set[str]]
    reach: dict[str, set[str]]
    """Venue id -> clients who can travel there in time and get in (for in-person groups)."""

    @classmethod
    def of(cls, state: _State) -> _Clients:
        clients = state.season.clients
        by_day = {d: {c.client_code for c in clients if d in c.days} for d in range(5)}
        reach = {v.venue_id: _reaching(state, v) for v in state.season.venues}
        return cls(by_day, reach)


def _reaching(state: _State, venue: Venue) -> set[str]:
    minutes: dict[tuple[str, str, str], int] = {}
    codes: set[str] = set()
    for c in state.season.clients:
        if c.needs_accessible and not venue.accessible:
            continue
        key = (*home_key(state.season, c), c.travel)
        if key not in minutes:
            minutes[key] = state.travel.client_to_venue(c, venue.venue_id)
        if minutes[key] <= c.max_travel_min:
            codes.add(c.client_code)
    return codes


def _join_order(group: Group, client: Client) -> tuple[int, int, str]:
    """Clients who wish for the group first, by how high they rank it, then by code."""
    if group.group_id in client.wishes:
        return (0, client.wishes.index(group.group_id), client.client_code)
    return (1, 0, client.client_code)


def _capacity(group: Group, venue: Venue | None, team: tuple[str, ...]) -> int:
    """How many participants this placement can take."""
    cap = min(group.max_size, rules.MAX_GROUP_SIZE)
    if venue is not None:
        cap = min(cap, venue.capacity - len(team))
    if len(team) < rules.LEADERS_IN_GROUP:
        cap = min(cap, rules.SMALL_GROUP_BELOW - 1)
    return cap


@dataclass(frozen=True, slots=True)
class _Fit:
    session: _Session
    team: tuple[str, ...]
    codes: list[str]


def _has_hours(state: _State, person: Leader, group: Group) -> bool:
    cap = rules.weekly_cap_min(person)
    if cap is None:
        return True
    load = state.staff_load[person.staff_id]
    return load.busiest_with(group.group_id, group.minutes + state.allowance_min) <= cap


def _first_fit(state: _State, known: _Clients, group: Group) -> _Fit | None:
    need = rules.size_limits(group)[0]  # a drop-in group needs nobody placed (l. 355, 366)
    if not (rules.session_length_ok(group) and rules.term_ok(group)):
        return None
    joiners = sorted(
        (
            c
            for c in state.season.clients
            if rules.may_join(group, c) and _below_max_groups(state, c)
        ),
        key=lambda c: _join_order(group, c),
    )
    candidates = [p for p in _leader_candidates(state.season, group) if _has_hours(state, p, group)]
    for weekday in _weekdays(group):
        pool = _Pool.of([p for p in candidates if weekday in p.days])
        if not pool.leads:
            continue
        for venue in _venues(state.season, group):
            codes = known.by_day[weekday]
            reach = known.reach[venue.venue_id] if venue is not None else None
            clients = [
                c
                for c in joiners
                if c.client_code in codes
                and (reach is None or c.client_code in reach or not rules.travel_binds(group, c))
            ]
            if len(clients) < need:
                continue
            venue_id = None if venue is None else venue.venue_id
            for start in _starts(group, venue, weekday):
                session = _Session(group.group_id, weekday, start, start + group.minutes, venue_id)
                fit = _fit_session(state, group, venue, session, pool, clients, need)
                if fit is not None:
                    return fit
    return None


def _fit_session(
    state: _State,
    group: Group,
    venue: Venue | None,
    session: _Session,
    pool: _Pool,
    clients: list[Client],
    need: int,
) -> _Fit | None:
    if venue is not None and not _room_free(state, venue, session):
        return None
    team = _team(state, group, pool, session)
    if team is None or len(team) < rules.group_leaders_needed(group, need):
        return None  # a drop-in group's leaders follow the visitors it expects (l. 363-364)
    cap = _capacity(group, venue, team)
    if cap < need:
        return None
    crowd = 0 if rules.enrols(group) else rules.expected_visitors(group) + len(team)
    if venue is not None and crowd > venue.capacity:
        return None  # no room for the visitors a drop-in group expects
    codes: list[str] = []
    for client in clients:
        if len(codes) == cap:
            break
        if _client_free(state, client, session):
            codes.append(client.client_code)
    if len(codes) < need:
        return None
    return _Fit(session, team, codes)


def greedy_plan(season: Season, allowance_min: int = rules.DEFAULT_SESSION_ALLOWANCE_MIN) -> Plan:
    """Place groups one by one, first fit, and leave the rest unscheduled."""
    state = _State(season, allowance_min)
    known = _Clients.of(state)
    placements: list[Placement] = []
    participants: list[tuple[str, str]] = []
    unscheduled: list[Unscheduled] = []
    for group in sorted(season.groups, key=lambda g: (-g.priority, g.group_id)):
        fit = _first_fit(state, known, group)
        if fit is None:
            unscheduled.append(Unscheduled(group.group_id, UNSCHEDULED_REASON))
            continue
        state.commit(group, fit.session, fit.team, fit.codes)
        s = fit.session
        placements.append(
            Placement(group.group_id, s.weekday, s.start, s.end, s.venue_id, fit.team)
        )
        participants.extend((code, group.group_id) for code in fit.codes)
    return with_modes(season, Plan(tuple(placements), tuple(participants), tuple(unscheduled)))
