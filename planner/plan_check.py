"""An independent check of a plan against every hard rule (the `Plan` docstring is the spec).

Deliberately written without the solver's code: plain loops over the plan, one function per
rule, all listed in `PLAN_RULES` by their key in the rules catalogue (`planner.rules.RULES`,
which names each rule in fi/sv/en with its handbook line). It works on any plan (from the
solver, the store or CSV files) and never raises on unknown ids: those are problems like any
other.

    python -m planner.plan_check SEASON_DIR PLAN_DIR
"""

from __future__ import annotations

import csv
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from planner import rules, terms
from planner.geo import TravelModel
from planner.model import (
    WEEKDAYS,
    Client,
    Group,
    Placement,
    Plan,
    Season,
    Staff,
    Unscheduled,
    Venue,
    hhmm,
)
from planner.spreadsheet import restore_value

GRID_MIN = 30


@dataclass(frozen=True, slots=True)
class PlanProblem:
    """One broken rule: which rule, about what (a group, person, client or venue id), and why."""

    rule: str
    subject: str
    message: str

    def __str__(self) -> str:
        if self.rule not in rules.RULES:
            return f"{self.subject}: {self.message}"
        return f"{self.subject}: {self.message}; {rules.rule_phrase(self.rule)}"


OBJECT_KINDS = ("group", "venue", "person", "client")
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")


def problem_objects(problem: PlanProblem, season: Season) -> list[tuple[str, str]]:
    """The season's objects a problem is about, as (kind, id) in the order its subject and
    message name them (kinds: `OBJECT_KINDS`), so that it can be shown in any language by
    the rule's name and these objects, without the English message. Unknown ids are left
    out."""
    tables = (
        ("group", season.group),
        ("venue", season.venue),
        ("person", season.person),
        ("client", season.client),
    )
    found: dict[tuple[str, str], None] = {}
    for token in _TOKEN.findall(f"{problem.subject} {problem.message}"):
        for kind, table in tables:
            if token in table:
                found[(kind, token)] = None
                break
    return list(found)


@dataclass
class PlanView:
    """The plan as the checks read it: the season, the plan and a few lookups built once."""

    season: Season
    plan: Plan
    allowance_min: int
    travel: TravelModel = field(init=False)
    members: dict[str, list[str]] = field(init=False)
    """Distinct participants per group id, in plan order."""

    def __post_init__(self) -> None:
        self.travel = TravelModel(self.season)
        self.members = defaultdict(list)
        for code, gid in self.plan.participants:
            if code not in self.members[gid]:
                self.members[gid].append(code)

    def share_week(self, a: Placement, b: Placement) -> bool:
        """Whether the two groups' terms share a week: only then can they clash."""
        return self.season.terms.share_week(a.group_id, b.group_id)

    def placed_groups(self) -> Iterator[tuple[Placement, Group]]:
        """Every placement whose group is known, with that group."""
        for placement in self.plan.placements:
            group = self.season.group.get(placement.group_id)
            if group is not None:
                yield placement, group

    def venue_of(self, placement: Placement) -> Venue | None:
        if placement.venue_id is None:
            return None
        return self.season.venue.get(placement.venue_id)

    def enrolments(self) -> Iterator[tuple[Client, Group, Placement]]:
        """Every distinct (client, group, placement) where all three are known."""
        for code, gid in dict.fromkeys(self.plan.participants):
            client = self.season.client.get(code)
            group = self.season.group.get(gid)
            placement = self.plan.placement.get(gid)
            if client is not None and group is not None and placement is not None:
                yield client, group, placement


Check = Callable[[PlanView], Iterator[PlanProblem]]


@dataclass(frozen=True, slots=True)
class PlanRule:
    """The validator's check of one rule of the catalogue (`planner.rules.RULES`)."""

    key: str
    check: Check

    @property
    def name(self) -> str:
        return rules.RULES[self.key].name()

    @property
    def source(self) -> str:
        return rules.RULES[self.key].source()


def _day(weekday: int) -> str:
    return WEEKDAYS[weekday] if 0 <= weekday < len(WEEKDAYS) else f"day {weekday}"


def _when(p: Placement) -> str:
    return f"{_day(p.weekday)} {hhmm(p.start)}-{hhmm(p.end)}"


def _overlap(a: Placement, b: Placement) -> bool:
    return a.weekday == b.weekday and a.start < b.end and b.start < a.end


def _week(view: PlanView, a: Placement, b: Placement) -> str:
    """ " (week of 11.1.2027)": the first week both terms share, to name the clash."""
    weeks = view.season.terms.common_weeks(a.group_id, b.group_id)
    return f" (week of {terms.monday_of(min(weeks)).isoformat()})" if weeks else ""


# --- Ids ---


def check_known_ids(view: PlanView) -> Iterator[PlanProblem]:
    season, plan = view.season, view.plan
    seen: set[tuple[str, str]] = set()

    def unknown(kind: str, ident: str, where: str) -> Iterator[PlanProblem]:
        if (kind, ident) not in seen:
            seen.add((kind, ident))
            yield PlanProblem("known_ids", ident, f"unknown {kind} id in {where}")

    for p in plan.placements:
        if p.group_id not in season.group:
            yield from unknown("group", p.group_id, "a placement")
        if p.venue_id is not None and p.venue_id not in season.venue:
            yield from unknown("venue", p.venue_id, f"the placement of {p.group_id}")
        for pid in p.leaders:
            if pid not in season.person:
                yield from unknown("person", pid, f"the leaders of {p.group_id}")
    for code, gid in plan.participants:
        if code not in season.client:
            yield from unknown("client", code, f"the participants of {gid}")
        if gid not in season.group:
            yield from unknown("group", gid, "the participants")
    for u in plan.unscheduled:
        if u.group_id not in season.group:
            yield from unknown("group", u.group_id, "the unscheduled list")


# --- 1. Session ---


def check_session_grid(view: PlanView) -> Iterator[PlanProblem]:
    for p in view.plan.placements:
        if not 0 <= p.weekday < len(WEEKDAYS):
            yield PlanProblem("session_grid", p.group_id, f"weekday {p.weekday} is not Mon-Fri")
        if p.start % GRID_MIN:
            yield PlanProblem(
                "session_grid", p.group_id, f"starts at {hhmm(p.start)}, not on the half hour"
            )


def check_session_length(view: PlanView) -> Iterator[PlanProblem]:
    for p, group in view.placed_groups():
        length = p.end - p.start
        if length != group.minutes:
            yield PlanProblem(
                "session_length",
                p.group_id,
                f"session {_when(p)} lasts {length} min, the group meets for {group.minutes} min",
            )
        elif not rules.session_hours_ok(length / 60):
            yield PlanProblem(
                "session_length", p.group_id, f"session of {length} min is not 2-4 hours"
            )


def check_one_placement(view: PlanView) -> Iterator[PlanProblem]:
    count: dict[str, int] = defaultdict(int)
    for p in view.plan.placements:
        count[p.group_id] += 1
    for gid, n in count.items():
        if n > 1:
            yield PlanProblem("one_placement", gid, f"placed {n} times, meets once a week")
    for u in view.plan.unscheduled:
        if u.group_id in count:
            yield PlanProblem("one_placement", u.group_id, "both placed and unscheduled")


def check_term(view: PlanView) -> Iterator[PlanProblem]:
    for _placement, g in view.placed_groups():
        if g.weeks is None and g.kind not in rules.TERMLESS_KINDS:
            yield PlanProblem("term", g.group_id, f"a {g.kind} group placed without a fixed term")
        elif g.weeks is not None and g.weeks < 1:
            yield PlanProblem("term", g.group_id, f"a term of {g.weeks} weeks")


def check_pins(view: PlanView) -> Iterator[PlanProblem]:
    for p, g in view.placed_groups():
        if g.weekday is not None and p.weekday != g.weekday:
            yield PlanProblem("pins", g.group_id, f"pinned to {_day(g.weekday)}, placed {_when(p)}")
        if g.start is not None and p.start != g.start:
            yield PlanProblem(
                "pins", g.group_id, f"pinned to start {hhmm(g.start)}, placed {_when(p)}"
            )
        if g.venue_id is not None and p.venue_id != g.venue_id:
            yield PlanProblem(
                "pins", g.group_id, f"pinned to venue {g.venue_id}, placed at {p.venue_id}"
            )
        for pid in g.leaders:
            if pid not in p.leaders:
                yield PlanProblem("pins", g.group_id, f"pinned leader {pid} does not lead it")


# --- 2. Venue ---


def check_venue_mode(view: PlanView) -> Iterator[PlanProblem]:
    for p, g in view.placed_groups():
        if g.needs_venue and p.venue_id is None:
            yield PlanProblem("venue_mode", g.group_id, f"a {g.mode} group without a venue")
        if not g.needs_venue and p.venue_id is not None:
            yield PlanProblem("venue_mode", g.group_id, f"a remote group placed at {p.venue_id}")


def check_venue_municipality(view: PlanView) -> Iterator[PlanProblem]:
    for p, g in view.placed_groups():
        venue = view.venue_of(p)
        if venue is None or venue.venue_id == g.venue_id:
            continue
        if venue.municipality != g.municipality:
            yield PlanProblem(
                "venue_municipality",
                g.group_id,
                f"venue {venue.venue_id} is in municipality {venue.municipality}, "
                f"the group runs in {g.municipality}",
            )


def check_venue_open(view: PlanView) -> Iterator[PlanProblem]:
    for p in view.plan.placements:
        venue = view.venue_of(p)
        if venue is not None and not venue.is_open(p.weekday, p.start, p.end):
            yield PlanProblem(
                "venue_open", p.group_id, f"venue {venue.venue_id} is not open {_when(p)}"
            )


def check_venue_rooms(view: PlanView) -> Iterator[PlanProblem]:
    at_venue: dict[str, list[Placement]] = defaultdict(list)
    for p in view.plan.placements:
        venue = view.venue_of(p)
        if venue is not None:
            at_venue[venue.venue_id].append(p)
    for vid, sessions in at_venue.items():
        rooms = view.season.venue[vid].rooms
        reported: set[tuple[int, int]] = set()
        # The most groups meet at once at some session's start.
        for p in sessions:
            meeting = [
                q
                for q in sessions
                if q.weekday == p.weekday and q.start <= p.start < q.end and view.share_week(p, q)
            ]
            # Of those, the ones that meet in one same week as each other.
            meeting = max(
                (
                    [q for q in meeting if week in view.season.terms.of_group(q.group_id)]
                    for week in view.season.terms.of_group(p.group_id)
                ),
                key=len,
                default=[p],
            )
            if len(meeting) > rooms and (p.weekday, p.start) not in reported:
                reported.add((p.weekday, p.start))
                names = ", ".join(sorted(q.group_id for q in meeting))
                yield PlanProblem(
                    "venue_rooms",
                    vid,
                    f"{len(meeting)} groups ({names}) meet at once from {_day(p.weekday)} "
                    f"{hhmm(p.start)}, the venue has {rooms} room(s)",
                )


# --- 3. Capacity and accessibility ---


def check_capacity(view: PlanView) -> Iterator[PlanProblem]:
    for p in view.plan.placements:
        venue = view.venue_of(p)
        if venue is None:
            continue
        people = len(view.members.get(p.group_id, ())) + len(set(p.leaders))
        group = view.season.group.get(p.group_id)
        if _is_drop_in(group) and group is not None:
            # Room for the visitors it is open to (its maximum size) and its leaders.
            visitors = max(
                len(view.members.get(p.group_id, ())), min(group.max_size, rules.MAX_GROUP_SIZE)
            )
            leaders = len(set(p.leaders))
            if visitors + leaders > venue.capacity:
                yield PlanProblem(
                    "capacity",
                    p.group_id,
                    f"open to {visitors} visitors with {leaders} leader"
                    f"{'' if leaders == 1 else 's'} at {venue.venue_id}, "
                    f"which holds {venue.capacity}",
                )
        elif people > venue.capacity:
            yield PlanProblem(
                "capacity",
                p.group_id,
                f"{people} people (participants and leaders) at {venue.venue_id}, "
                f"which holds {venue.capacity}",
            )


def check_accessible(view: PlanView) -> Iterator[PlanProblem]:
    for p, g in view.placed_groups():
        venue = view.venue_of(p)
        if venue is None or venue.accessible:
            continue
        for code in view.members.get(g.group_id, ()):
            client = view.season.client.get(code)
            on_site = view.plan.mode_of(code, g.group_id) == "on_site"
            if client is not None and client.needs_accessible and on_site:
                yield PlanProblem(
                    "accessible",
                    g.group_id,
                    f"client {code} needs an accessible venue, {venue.venue_id} is not",
                )


# --- 4. Size ---


def check_size(view: PlanView) -> Iterator[PlanProblem]:
    for p, g in view.placed_groups():
        n = len(view.members.get(p.group_id, ()))
        # A drop-in pop-up group has no enrolment minimum (l. 355, 366); the maximum holds.
        low = 0 if _is_drop_in(g) else max(g.min_size, rules.MIN_GROUP_SIZE)
        high = min(g.max_size, rules.MAX_GROUP_SIZE)
        if not low <= n <= high:
            yield PlanProblem("size", g.group_id, f"{n} participants, needs {low}-{high}")


def _is_drop_in(group: Group | None) -> bool:
    return group is not None and group.drop_in and group.kind in rules.DROP_IN_KINDS


def check_drop_in(view: PlanView) -> Iterator[PlanProblem]:
    """Nobody is placed in a drop-in pop-up group: visitors just come (l. 355)."""
    for gid, codes in view.members.items():
        if codes and _is_drop_in(view.season.group.get(gid)):
            yield PlanProblem(
                "drop_in",
                gid,
                f"is a drop-in group but has {len(codes)} participants ({', '.join(codes[:5])})",
            )


# --- 5. Leaders ---


def check_two_leaders(view: PlanView) -> Iterator[PlanProblem]:
    for p in view.plan.placements:
        n = len(view.members.get(p.group_id, ()))
        group = view.season.group.get(p.group_id)
        if _is_drop_in(group) and group is not None:
            # Persons present, not enrolled (l. 363-364): a plan expects the maximum size.
            n = max(n, min(group.max_size, rules.MAX_GROUP_SIZE))
        distinct = len(set(p.leaders))
        if distinct != len(p.leaders):
            yield PlanProblem("two_leaders", p.group_id, "a person listed twice as leader")
        if distinct == 0:
            yield PlanProblem("two_leaders", p.group_id, "no leader")
        elif distinct > rules.LEADERS_IN_GROUP:
            yield PlanProblem("two_leaders", p.group_id, f"{distinct} leaders, at most two")
        elif distinct < rules.leaders_needed(n):
            yield PlanProblem(
                "two_leaders",
                p.group_id,
                f"open to {n} visitors but only {distinct} leader"
                if _is_drop_in(group)
                else f"{n} participants but only {distinct} leader",
            )


def check_qualified_leader(view: PlanView) -> Iterator[PlanProblem]:
    for p in view.plan.placements:
        people = [view.season.person.get(pid) for pid in p.leaders]
        if not people:
            continue  # reported as two_leaders
        if not any(isinstance(x, Staff) and x.qualified for x in people):
            yield PlanProblem(
                "qualified_leader", p.group_id, "no qualified staff member among the leaders"
            )


def check_leader_language(view: PlanView) -> Iterator[PlanProblem]:
    for p, g in view.placed_groups():
        for pid in p.leaders:
            person = view.season.person.get(pid)
            if person is not None and g.language not in person.languages:
                yield PlanProblem(
                    "leader_language", g.group_id, f"leader {pid} does not speak {g.language}"
                )


def check_leader_days(view: PlanView) -> Iterator[PlanProblem]:
    for p in view.plan.placements:
        for pid in p.leaders:
            person = view.season.person.get(pid)
            if person is not None and p.weekday not in person.days:
                yield PlanProblem(
                    "leader_days", p.group_id, f"leader {pid} does not work {_when(p)}"
                )


def check_partner_municipality(view: PlanView) -> Iterator[PlanProblem]:
    for p, g in view.placed_groups():
        for pid in p.leaders:
            person = view.season.person.get(pid)
            if isinstance(person, Staff) or person is None:
                continue
            if g.municipality not in person.municipalities:
                yield PlanProblem(
                    "partner_municipality",
                    g.group_id,
                    f"partner {pid} does not work in municipality {g.municipality}",
                )


# --- 6. People ---


def _sessions_by_person(view: PlanView) -> dict[str, list[Placement]]:
    sessions: dict[str, list[Placement]] = defaultdict(list)
    for p in view.plan.placements:
        for pid in dict.fromkeys(p.leaders):
            sessions[pid].append(p)
    return sessions


def _same_day_pairs(
    view: PlanView, sessions: list[Placement]
) -> Iterator[tuple[Placement, Placement]]:
    """Each pair of sessions on the same weekday in a week both terms share, earlier first."""
    ordered = sorted(sessions, key=lambda s: (s.weekday, s.start, s.group_id))
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if a.weekday == b.weekday and view.share_week(a, b):
                yield a, b


def check_person_overlap(view: PlanView) -> Iterator[PlanProblem]:
    for pid, sessions in _sessions_by_person(view).items():
        for a, b in _same_day_pairs(view, sessions):
            if _overlap(a, b):
                yield PlanProblem(
                    "person_overlap",
                    pid,
                    f"leads {a.group_id} {_when(a)} and {b.group_id} {_when(b)} at once"
                    + _week(view, a, b),
                )


def _travel_mode(view: PlanView, pid: str) -> str:
    person = view.season.person.get(pid)
    if isinstance(person, Staff) and not person.car:
        return "transit"
    return "car"


def check_travel_gap(view: PlanView) -> Iterator[PlanProblem]:
    for pid, sessions in _sessions_by_person(view).items():
        mode = _travel_mode(view, pid)
        for a, b in _same_day_pairs(view, sessions):
            va, vb = view.venue_of(a), view.venue_of(b)
            if va is None or vb is None or _overlap(a, b):
                continue  # remote, unknown venue, or reported as person_overlap
            need = view.travel.between_venues(va.venue_id, vb.venue_id, mode)
            gap = b.start - a.end
            if gap < need:
                yield PlanProblem(
                    "travel_gap",
                    pid,
                    f"{gap} min from {a.group_id} at {va.venue_id} to {b.group_id} at "
                    f"{vb.venue_id}, the trip takes {need} min by {mode}" + _week(view, a, b),
                )


def check_weekly_hours(view: PlanView) -> Iterator[PlanProblem]:
    for pid, sessions in _sessions_by_person(view).items():
        person = view.season.person.get(pid)
        if not isinstance(person, Staff):
            continue  # partners have no weekly cap
        # The busiest week binds: only groups whose terms share a week count together.
        per_week: dict[int, int] = defaultdict(int)
        for p in sessions:
            group = view.season.group.get(p.group_id)
            if group is not None:
                for week in view.season.terms.of_group(p.group_id):
                    per_week[week] += group.minutes + view.allowance_min
        cap = round(person.max_group_hours * 60)
        load = max(per_week.values(), default=0)
        if load > cap:
            week = min(w for w, m in per_week.items() if m == load)
            yield PlanProblem(
                "weekly_hours",
                pid,
                f"{load} min of group work in the week of {terms.monday_of(week).isoformat()} "
                f"(with {view.allowance_min} min around each session), at most {cap} min",
            )


# --- 7. Participants ---


def check_participant_language(view: PlanView) -> Iterator[PlanProblem]:
    for client, g, _ in view.enrolments():
        if g.language not in client.languages:
            yield PlanProblem(
                "participant_language",
                client.client_code,
                f"in {g.group_id}, which runs in {g.language}; "
                f"speaks {', '.join(client.languages) or 'neither'}",
            )


def check_participant_audience(view: PlanView) -> Iterator[PlanProblem]:
    for client, g, _ in view.enrolments():
        if not g.is_open_to_all and g.audience not in client.audience:
            yield PlanProblem(
                "participant_audience",
                client.client_code,
                f"in {g.group_id}, which is for audience {g.audience!r}",
            )


def check_participant_days(view: PlanView) -> Iterator[PlanProblem]:
    for client, g, p in view.enrolments():
        if p.weekday not in client.days:
            yield PlanProblem(
                "participant_days",
                client.client_code,
                f"in {g.group_id} {_when(p)}, cannot come that day",
            )


def check_participant_travel(view: PlanView) -> Iterator[PlanProblem]:
    for client, g, p in view.enrolments():
        venue = view.venue_of(p)
        if venue is None or view.plan.mode_of(client.client_code, g.group_id) == "remote":
            continue
        minutes = view.travel.client_to_venue(client, venue.venue_id)
        if minutes > client.max_travel_min:
            yield PlanProblem(
                "participant_travel",
                client.client_code,
                f"{minutes} min by {client.travel} to {g.group_id} at {venue.venue_id}, "
                f"at most {client.max_travel_min} min",
            )


def check_remote_consent(view: PlanView) -> Iterator[PlanProblem]:
    """Remote only by the client's consent, in hybrid and remote groups; a remote group meets
    nowhere, so everyone in it is remote."""
    for client, g, _ in view.enrolments():
        code = client.client_code
        remote = view.plan.mode_of(code, g.group_id) == "remote"
        if g.mode == "remote" and not remote:
            yield PlanProblem("remote_consent", code, f"on site in {g.group_id}, a remote group")
        if (remote or g.mode == "remote") and not client.remote:
            yield PlanProblem(
                "remote_consent",
                code,
                f"remote in {g.group_id} without having agreed to take part remotely",
            )
        if remote and g.mode == "in_person":
            yield PlanProblem("remote_consent", code, f"remote in {g.group_id}, an in-person group")
    joined = set(view.plan.participants)
    for code, gid in dict.fromkeys(view.plan.remote):
        if (code, gid) not in joined:
            yield PlanProblem("remote_consent", code, f"marked remote in {gid} but not in it")


def check_max_groups(view: PlanView) -> Iterator[PlanProblem]:
    pairs: dict[tuple[str, str], int] = defaultdict(int)
    groups: dict[str, set[str]] = defaultdict(set)
    for code, gid in view.plan.participants:
        pairs[(code, gid)] += 1
        groups[code].add(gid)
    for (code, gid), n in pairs.items():
        if n > 1:
            yield PlanProblem("max_groups", code, f"listed {n} times in {gid}")
    for code, gids in groups.items():
        client = view.season.client.get(code)
        if client is not None and len(gids) > client.max_groups:
            yield PlanProblem(
                "max_groups",
                code,
                f"in {len(gids)} groups ({', '.join(sorted(gids))}), at most {client.max_groups}",
            )


def check_client_overlap(view: PlanView) -> Iterator[PlanProblem]:
    sessions: dict[str, list[Placement]] = defaultdict(list)
    for code, gid in dict.fromkeys(view.plan.participants):
        placement = view.plan.placement.get(gid)
        if placement is not None:
            sessions[code].append(placement)
    for code, placed in sessions.items():
        for a, b in _same_day_pairs(view, placed):
            if _overlap(a, b):
                yield PlanProblem(
                    "client_overlap",
                    code,
                    f"in {a.group_id} {_when(a)} and {b.group_id} {_when(b)} at once"
                    + _week(view, a, b),
                )


def check_scheduled_only(view: PlanView) -> Iterator[PlanProblem]:
    reported: set[str] = set()
    for _, gid in view.plan.participants:
        if gid in view.season.group and gid not in view.plan.placement and gid not in reported:
            reported.add(gid)
            yield PlanProblem("scheduled_only", gid, "has participants but is not scheduled")


PLAN_CHECKS: dict[str, Check] = {
    "known_ids": check_known_ids,
    "session_grid": check_session_grid,
    "session_length": check_session_length,
    "one_placement": check_one_placement,
    "term": check_term,
    "pins": check_pins,
    "venue_mode": check_venue_mode,
    "venue_municipality": check_venue_municipality,
    "venue_open": check_venue_open,
    "venue_rooms": check_venue_rooms,
    "capacity": check_capacity,
    "accessible": check_accessible,
    "size": check_size,
    "drop_in": check_drop_in,
    "two_leaders": check_two_leaders,
    "qualified_leader": check_qualified_leader,
    "leader_language": check_leader_language,
    "leader_days": check_leader_days,
    "partner_municipality": check_partner_municipality,
    "person_overlap": check_person_overlap,
    "travel_gap": check_travel_gap,
    "weekly_hours": check_weekly_hours,
    "participant_language": check_participant_language,
    "participant_audience": check_participant_audience,
    "participant_days": check_participant_days,
    "participant_travel": check_participant_travel,
    "remote_consent": check_remote_consent,
    "max_groups": check_max_groups,
    "client_overlap": check_client_overlap,
    "scheduled_only": check_scheduled_only,
}
"""One check per rule of the catalogue (`planner.rules.RULES`), in the catalogue's order."""

PLAN_RULES: dict[str, PlanRule] = {
    key: PlanRule(key, PLAN_CHECKS[key]) for key in rules.RULES if key in PLAN_CHECKS
}


def plan_problems(
    season: Season, plan: Plan, allowance_min: int = rules.DEFAULT_SESSION_ALLOWANCE_MIN
) -> list[PlanProblem]:
    """Every hard rule the plan breaks, in registry order; empty when the plan is valid."""
    view = PlanView(season, plan, allowance_min)
    problems: list[PlanProblem] = []
    for rule in PLAN_RULES.values():
        problems.extend(rule.check(view))
    return problems


def assert_plan_valid(
    season: Season, plan: Plan, allowance_min: int = rules.DEFAULT_SESSION_ALLOWANCE_MIN
) -> None:
    """Raise AssertionError listing every problem, if there is any."""
    problems = plan_problems(season, plan, allowance_min)
    if problems:
        lines = "\n".join(f"  [{p.rule}] {p}" for p in problems)
        raise AssertionError(f"plan breaks {len(problems)} rule(s):\n{lines}")


# --- Plan files ---


class PlanFileError(ValueError):
    """A plan file that cannot be read: the file, the line and the column where it is known,
    and what is wrong, in one line."""


def _minutes(text: str) -> int:
    hours, sep, mins = text.strip().partition(":")
    if not sep or not hours.isdigit() or not mins.isdigit() or len(mins) != 2:
        raise ValueError(f"{text!r} is not a time like 09:30")
    value = int(hours) * 60 + int(mins)
    if int(mins) >= 60 or value > rules.DAY_MIN:
        raise ValueError(f"{text!r} is not a time of day")
    return value


def _weekday(text: str) -> int:
    text = text.strip()
    if text in WEEKDAYS:
        return WEEKDAYS.index(text)
    if text.isdigit() and int(text) < len(WEEKDAYS):
        return int(text)
    raise ValueError(
        f"{text!r} is not a weekday ({WEEKDAYS[0]}-{WEEKDAYS[-1]} or 0-{len(WEEKDAYS) - 1})"
    )


def _rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """A plan CSV's rows by line number, refused whole when it is larger than a season file
    may be (`planner.io.limits`), not UTF-8 text or not CSV."""
    from planner.io import limits

    try:
        size = path.stat().st_size
    except OSError as exc:
        raise PlanFileError(f"{path.name}: cannot be read ({exc.strerror or exc})") from None
    if limits.too_big(size) is not None:
        raise PlanFileError(
            f"{path.name}: {size / 2**20:.0f} MB, more than a plan file may be "
            f"({limits.MAX_FILE_BYTES // 2**20} MB)"
        )
    line = 1
    try:
        with path.open(newline="", encoding="utf-8-sig") as f:
            for line, row in enumerate(csv.DictReader(f), start=2):
                if None in row:
                    raise PlanFileError(f"{path.name} line {line}: more cells than columns")
                yield (
                    line,
                    {k.strip(): restore_value((v or "").strip()) for k, v in row.items() if k},
                )
    except UnicodeDecodeError:
        raise PlanFileError(f"{path.name}: not UTF-8 text (save it as CSV UTF-8)") from None
    except csv.Error as exc:
        raise PlanFileError(f"{path.name} line {line + 1}: not CSV ({exc})") from None
    except OSError as exc:
        raise PlanFileError(f"{path.name}: cannot be read ({exc.strerror or exc})") from None


def _cell(name: str, line: int, row: dict[str, str], column: str, read=str):
    """A row's cell read by `read`; a missing column or a bad value names file, line, column."""
    if column not in row:
        raise PlanFileError(f"{name} line {line}: no column {column!r}")
    try:
        return read(row[column])
    except ValueError as exc:
        raise PlanFileError(f"{name} line {line}, column {column}: {exc}") from None


def _placement(name: str, line: int, row: dict[str, str]) -> Placement:
    leaders = tuple(x.strip() for x in row.get("leaders", "").split(";") if x.strip())
    return Placement(
        group_id=_cell(name, line, row, "group_id"),
        weekday=_cell(name, line, row, "weekday", _weekday),
        start=_cell(name, line, row, "start", _minutes),
        end=_cell(name, line, row, "end", _minutes),
        venue_id=row.get("venue_id") or None,
        leaders=leaders,
    )


def read_plan_files(out_dir: str | Path) -> Plan:
    """Read plan_groups.csv and plan_participants.csv (and plan_unscheduled.csv if present).

    A plan_groups.csv row without weekday and start is an unscheduled group (its `reason`
    column, if any, says why). A file that cannot be read or a malformed row raises
    `PlanFileError` naming the file, line and column; rule breaches are left to
    `plan_problems`.
    """
    out = Path(out_dir)
    placements: list[Placement] = []
    unscheduled: list[Unscheduled] = []
    groups_file = out / "plan_groups.csv"
    for line, row in _rows(groups_file):
        if not row.get("weekday") and not row.get("start"):
            unscheduled.append(Unscheduled(row.get("group_id", ""), row.get("reason", "")))
            continue
        placements.append(_placement(groups_file.name, line, row))
    participants: list[tuple[str, str]] = []
    remote: list[tuple[str, str]] = []
    participants_file = out / "plan_participants.csv"
    name = participants_file.name
    for line, row in _rows(participants_file):
        pair = (_cell(name, line, row, "client_code"), _cell(name, line, row, "group_id"))
        mode = row.get("mode") or "on_site"
        if mode not in rules.PARTICIPATION_MODES:
            raise PlanFileError(
                f"{name} line {line}, column mode: {mode!r} is not "
                f"{' or '.join(rules.PARTICIPATION_MODES)}"
            )
        participants.append(pair)
        if mode == "remote":
            remote.append(pair)
    unscheduled_file = out / "plan_unscheduled.csv"
    if unscheduled_file.exists():
        unscheduled += [
            Unscheduled(_cell(unscheduled_file.name, line, row, "group_id"), row.get("reason", ""))
            for line, row in _rows(unscheduled_file)
        ]
    return Plan(tuple(placements), tuple(participants), tuple(unscheduled), tuple(remote))


def main(argv: Sequence[str] | None = None) -> int:
    """Check a plan folder against a season folder; exit 1 when the plan breaks a rule."""
    import argparse

    from planner.io import read_season

    parser = argparse.ArgumentParser(prog="planner-check-plan", description=main.__doc__)
    parser.add_argument("season_dir")
    parser.add_argument("plan_dir")
    parser.add_argument(
        "--allowance",
        type=int,
        default=rules.DEFAULT_SESSION_ALLOWANCE_MIN,
        help="minutes of leader time around each session",
    )
    args = parser.parse_args(argv)
    report = read_season(args.season_dir)
    if not report.ok:
        for error in report.errors:
            sys.stderr.write(f"{error}\n")
        return 2
    try:
        plan = read_plan_files(args.plan_dir)
    except PlanFileError as exc:
        sys.stderr.write(f"{exc}\n")
        return 2
    problems = plan_problems(report.season, plan, args.allowance)
    for problem in problems:
        sys.stdout.write(f"{problem}\n")
    if problems:
        sys.stdout.write(f"{len(problems)} problem(s)\n")
        return 1
    sys.stdout.write(f"plan is valid: {len(plan.placements)} groups scheduled\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
