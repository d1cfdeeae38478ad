"""Domain types: one validated, immutable season, and the plan made for it.

A `Season` is built once at the edge (`planner.io`) or from the store, and everything
downstream trusts it. Types are frozen; change one with `dataclasses.replace`.

Conventions: weekdays are ints 0-4 (Mon-Fri), times are minutes after midnight,
lists are tuples, ids are text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from planner import i18n, rules
from planner.terms import Terms

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri")


DAY_MIN = 24 * 60


def hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@dataclass(frozen=True, slots=True)
class Interval:
    """Opening or working time on one weekday, `[start, end)` in minutes."""

    weekday: int
    start: int
    end: int

    def contains(self, weekday: int, start: int, end: int) -> bool:
        return weekday == self.weekday and self.start <= start and end <= self.end


@dataclass(frozen=True, slots=True)
class Municipality:
    code: str  # Statistics Finland code, text with its leading zero ("049")
    name_fi: str
    name_sv: str
    lat: float
    lon: float
    population: int | None = None

    def name(self, lang: str = "fi") -> str:
        return self.name_sv if lang == "sv" else self.name_fi


@dataclass(frozen=True, slots=True)
class Venue:
    venue_id: str
    name: str
    municipality: str  # municipality code
    address: str
    lat: float
    lon: float
    capacity: int
    accessible: bool
    open: tuple[Interval, ...]
    rooms: int = 1
    name_sv: str = ""

    def display_name(self, lang: str = "fi") -> str:
        return self.name_sv if lang == "sv" and self.name_sv else self.name

    def is_open(self, weekday: int, start: int, end: int) -> bool:
        return any(i.contains(weekday, start, end) for i in self.open)


@dataclass(frozen=True, slots=True)
class Staff:
    staff_id: str
    name: str
    title: str
    qualified: bool  # social-welfare professional (l. 365)
    base_venue: str
    languages: tuple[str, ...]
    skills: tuple[str, ...]
    days: tuple[int, ...]
    max_group_hours: float
    car: bool

    @property
    def person_id(self) -> str:
        return self.staff_id

    is_staff = True


@dataclass(frozen=True, slots=True)
class Partner:
    partner_id: str
    name: str
    organisation: str
    kind: str  # one of rules.PARTNER_KINDS (l. 377)
    qualified: bool
    languages: tuple[str, ...]
    skills: tuple[str, ...]
    days: tuple[int, ...]
    municipalities: tuple[str, ...]  # where the partner works (codes)

    @property
    def person_id(self) -> str:
        return self.partner_id

    is_staff = False


Leader = Staff | Partner


@dataclass(frozen=True, slots=True)
class Group:
    group_id: str
    name: str
    kind: str  # rules.GROUP_KINDS
    theme: str
    audience: str  # "" or "all" = open to everyone; otherwise a tag a client must carry
    language: str  # "fi" or "sv"
    hours: float
    min_size: int
    max_size: int
    municipality: str
    mode: str  # rules.GROUP_MODES
    start_date: dt.date
    weeks: int | None  # None only for pop-up groups
    weekday: int | None = None  # pins
    start: int | None = None
    venue_id: str | None = None
    leaders: tuple[str, ...] = ()
    priority: int = 1
    name_sv: str = ""
    drop_in: bool = False  # a pop-up open without enrolment: a head count (l. 355, 366)

    def display_name(self, lang: str = "fi") -> str:
        return self.name_sv if lang == "sv" and self.name_sv else self.name

    @property
    def minutes(self) -> int:
        return round(self.hours * 60)

    @property
    def needs_venue(self) -> bool:
        return self.mode != "remote"

    @property
    def is_open_to_all(self) -> bool:
        return self.audience in ("", "all")


@dataclass(frozen=True, slots=True)
class Client:
    client_code: str  # a pseudonym, never a name
    municipality: str
    languages: tuple[str, ...]
    interests: tuple[str, ...]
    days: tuple[int, ...]
    travel: str  # rules.TRAVEL_MODES
    max_travel_min: int
    needs_accessible: bool
    counsellor: str  # staff_id
    postal_code: str = ""
    audience: tuple[str, ...] = ()
    wishes: tuple[str, ...] = ()  # ranked group_ids
    max_groups: int = 1
    remote: bool = False
    """The client has agreed to take part remotely (l. 456, 469, 473-474)."""


@dataclass(frozen=True, slots=True)
class PostalArea:
    """The centre of a postal area: where a client with this postal code travels from."""

    postal_code: str  # five digits, text ("02600")
    name_fi: str
    name_sv: str
    lat: float
    lon: float
    municipality: str | None = None  # municipality code, when the table gives one

    def name(self, lang: str = "fi") -> str:
        return self.name_sv if lang == "sv" else self.name_fi


@dataclass(frozen=True, slots=True)
class Theme:
    """How a theme code reads to people, from the season's optional `themes` table."""

    theme: str  # the code the groups' `theme` column uses
    name_fi: str
    name_sv: str
    name_en: str

    def name(self, lang: str = "fi") -> str:
        if lang == "sv":
            return self.name_sv
        return self.name_en if lang == "en" else self.name_fi


@dataclass(frozen=True)
class Season:
    """Everything a coordinator provides for one season, validated."""

    municipalities: tuple[Municipality, ...]
    venues: tuple[Venue, ...]
    staff: tuple[Staff, ...]
    partners: tuple[Partner, ...]
    groups: tuple[Group, ...]
    clients: tuple[Client, ...]
    name: str = "season"
    travel_minutes: tuple[tuple[str, str, str, float], ...] = field(default=())
    """Optional travel-time matrix rows `(from_id, to_id, mode, minutes)`."""
    postal_areas: tuple[PostalArea, ...] = ()
    """Optional postal areas' centres: a client whose postal code is here travels from it."""
    themes: tuple[Theme, ...] = ()
    """Optional names of theme codes; a code not here reads as the catalogue names it."""

    def __post_init__(self) -> None:
        problems = season_problems(self)
        if problems:
            raise SeasonError(problems)

    @cached_property
    def municipality(self) -> dict[str, Municipality]:
        return {m.code: m for m in self.municipalities}

    @cached_property
    def postal_area(self) -> dict[str, PostalArea]:
        return {a.postal_code: a for a in self.postal_areas}

    @cached_property
    def theme(self) -> dict[str, Theme]:
        return {t.theme: t for t in self.themes}

    def theme_label(self, code: str, lang: str = "fi") -> str:
        """The theme as people read it: the season's own name first, then the catalogue's,
        then the code as words (`planner.i18n.theme_label`)."""
        return i18n.theme_label(code, lang, self.theme)

    @cached_property
    def venue(self) -> dict[str, Venue]:
        return {v.venue_id: v for v in self.venues}

    @cached_property
    def person(self) -> dict[str, Leader]:
        people: dict[str, Leader] = {s.staff_id: s for s in self.staff}
        people.update({p.partner_id: p for p in self.partners})
        return people

    @cached_property
    def group(self) -> dict[str, Group]:
        return {g.group_id: g for g in self.groups}

    @cached_property
    def client(self) -> dict[str, Client]:
        return {c.client_code: c for c in self.clients}

    @cached_property
    def terms(self) -> Terms:
        """The weeks each group's term covers (`planner.terms`)."""
        return Terms.of(self.groups)

    def counts(self) -> dict[str, int]:
        return {
            "municipalities": len(self.municipalities),
            "venues": len(self.venues),
            "staff": len(self.staff),
            "partners": len(self.partners),
            "groups": len(self.groups),
            "clients": len(self.clients),
        }


class SeasonError(ValueError):
    """A season built in code breaks its own invariants (unknown references, impossible
    values). The importer reports the same problems with file, row and column before a
    `Season` is ever built, so a user meets this only through a programming mistake."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        super().__init__("invalid season: " + "; ".join(problems[:3]) + more)


def season_problems(season: Season) -> list[str]:
    """What breaks the season's invariants: ids unique per table (staff and partners share
    one namespace), every reference the planner follows known (municipalities, venues,
    pinned leaders), weekdays 0-4, times within a day, sizes and counts that make sense.

    Two references may point outside a season on purpose: a client's counsellor (away
    during a re-plan) and their wishes (a season cut down to some groups); code that reads
    them looks them up. Handbook rules (2-4 hours, 3-10 persons) are not invariants either:
    a season may ask for a group the rules leave out, and the solver says why."""
    problems: list[str] = []
    add = problems.append

    def unique(table: str, ids: list[str]) -> set[str]:
        seen: set[str] = set()
        for ident in ids:
            if ident in seen:
                add(f"{table} {ident}: the id is used twice")
            seen.add(ident)
        return seen

    def days_ok(where: str, days: tuple[int, ...]) -> None:
        bad = [d for d in days if not 0 <= d < len(WEEKDAYS)]
        if bad:
            add(f"{where}: weekday {bad[0]} is not 0-4 (Mon-Fri)")

    places = unique("municipalities", [m.code for m in season.municipalities])
    venues = unique("venues", [v.venue_id for v in season.venues])
    people = unique(
        "staff/partners",
        [s.staff_id for s in season.staff] + [p.partner_id for p in season.partners],
    )
    unique("groups", [g.group_id for g in season.groups])
    unique("clients", [c.client_code for c in season.clients])

    unique("postal_areas", [a.postal_code for a in season.postal_areas])
    unique("themes", [t.theme for t in season.themes])
    for a in season.postal_areas:
        if a.municipality is not None and a.municipality not in places:
            add(
                f"postal_areas {a.postal_code}: municipality {a.municipality!r}"
                " is not in municipalities"
            )
    for v in season.venues:
        where = f"venues {v.venue_id}"
        if v.municipality not in places:
            add(f"{where}: municipality {v.municipality!r} is not in municipalities")
        if v.capacity < 0 or v.rooms < 1:
            add(f"{where}: capacity {v.capacity} and rooms {v.rooms} must be >= 0 and >= 1")
        for i in v.open:
            days_ok(where, (i.weekday,))
            if not 0 <= i.start < i.end <= DAY_MIN:
                add(f"{where}: opening {hhmm(i.start)}-{hhmm(i.end)} is not within a day")
    for s in season.staff:
        where = f"staff {s.staff_id}"
        if s.base_venue not in venues:
            add(f"{where}: base_venue {s.base_venue!r} is not in venues")
        days_ok(where, s.days)
        if s.max_group_hours < 0:
            add(f"{where}: max_group_hours {s.max_group_hours} is negative")
    for p in season.partners:
        where = f"partners {p.partner_id}"
        days_ok(where, p.days)
        for code in p.municipalities:
            if code not in places:
                add(f"{where}: municipality {code!r} is not in municipalities")
    for g in season.groups:
        where = f"groups {g.group_id}"
        if g.municipality not in places:
            add(f"{where}: municipality {g.municipality!r} is not in municipalities")
        if g.kind not in rules.GROUP_KINDS:
            add(f"{where}: kind {g.kind!r} is not one of {', '.join(rules.GROUP_KINDS)}")
        if g.mode not in rules.GROUP_MODES:
            add(f"{where}: mode {g.mode!r} is not one of {', '.join(rules.GROUP_MODES)}")
        if not 0 < g.hours * 60 <= DAY_MIN:
            add(f"{where}: hours {g.hours} is not within a day")
        if not 0 <= g.min_size <= g.max_size:
            add(f"{where}: sizes {g.min_size}-{g.max_size} are not 0 <= min <= max")
        if g.weeks is not None and g.weeks < 1:
            add(f"{where}: weeks {g.weeks} is under 1")
        if g.drop_in and g.kind not in rules.DROP_IN_KINDS:
            add(f"{where}: only a pop-up group can be drop-in, not a {g.kind} group")
        if g.weekday is not None:
            days_ok(where, (g.weekday,))
        if g.start is not None and not 0 <= g.start < DAY_MIN:
            add(f"{where}: start {g.start} is not a time of day")
        if g.venue_id is not None and g.venue_id not in venues:
            add(f"{where}: venue_id {g.venue_id!r} is not in venues")
        for pid in g.leaders:
            if pid not in people:
                add(f"{where}: leader {pid!r} is not in staff or partners")
    for c in season.clients:
        where = f"clients {c.client_code}"
        if c.municipality not in places:
            add(f"{where}: municipality {c.municipality!r} is not in municipalities")
        if c.travel not in rules.TRAVEL_MODES:
            add(f"{where}: travel {c.travel!r} is not one of {', '.join(rules.TRAVEL_MODES)}")
        days_ok(where, c.days)
        if c.max_travel_min < 0 or c.max_groups < 0:
            add(f"{where}: max_travel_min and max_groups must not be negative")
    return problems


# --- The plan ---


@dataclass(frozen=True, slots=True)
class Placement:
    """Where and when a group meets each week, and who leads it."""

    group_id: str
    weekday: int
    start: int
    end: int
    venue_id: str | None  # None for a remote group
    leaders: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Unscheduled:
    group_id: str
    reason: str


@dataclass(frozen=True)
class Plan:
    """A season's plan. What makes a plan valid (SEMANTICS_PLACEHOLDER in task texts means this):

    A plan (planner.model.Plan) has Placements (group_id, weekday 0-4, start/end minutes,
    venue_id or None, leaders tuple) and participants (client_code, group_id). Travel times come
    ONLY from planner.geo.TravelModel(season) (between_venues(a, b, mode),
    client_to_venue(client, venue_id)); rules from planner.rules. ALLOWANCE = session allowance
    minutes (default rules.DEFAULT_SESSION_ALLOWANCE_MIN = 30, a parameter).
    1. Session: start on a 30-minute grid; end - start == group.minutes; one placement per
       scheduled group; pins respected (group.weekday, group.start, group.venue_id equal; every
       pinned leader in group.leaders is among the placement's leaders).
    2. Venue: mode in_person/hybrid needs a venue, remote has venue_id None. The venue's
       municipality equals the group's municipality unless the venue is pinned. The venue is
       open over [start, end) on that weekday (Venue.is_open). At any moment at most venue.rooms
       groups meet at a venue (overlapping time on the same weekday, terms sharing a week).
    3. Capacity: participants + leaders <= venue.capacity. Accessibility: if any participant
       needs_accessible and the group is in_person, venue.accessible must be true.
    4. Size: min_size <= participants <= max_size (always within rules 3-10).
    5. Leaders: 1 or 2 distinct people from staff/partners; len(leaders) >=
       rules.leaders_needed(participants) (two from 5 participants, l. 363-364); at least one
       leader is a qualified staff member (rules.leader_team_problem returns None); every leader
       speaks group.language; every leader works on the weekday (in .days); a partner leads only
       groups in one of partner.municipalities.
    6. People: a person never leads two overlapping sessions; between two sessions of the same
       person on the same weekday there is at least the travel time between the two venues (by
       car if the staff member has car, else transit; partners by car); a remote session has no
       place and needs no travel gap (but no overlap). Weekly load: for every staff member, sum
       over led sessions of (group.minutes + ALLOWANCE) <= max_group_hours*60 in the busiest
       week. Partners have no weekly cap. Clashes (overlap, travel gap, rooms, a client in two
       groups at once) count only between groups whose terms share a week (`planner.terms`).
    7. Participants: a client in a group speaks group.language, the group's audience is "" or
       "all" or in client.audience, the weekday is in client.days; for in_person groups
       client_to_venue(client, venue) <= client.max_travel_min for every participant on site
       (and the venue accessible when they need it); a participant is remote (Plan.remote) only
       in a hybrid or remote group and only with client.remote (consent, l. 456, 469,
       473-474), and every participant of a remote group is remote; a client is in at
       most client.max_groups groups, never twice in one; only scheduled groups have
       participants.
    Unscheduled groups have no placement and no participants.
    """

    placements: tuple[Placement, ...]
    participants: tuple[tuple[str, str], ...]  # (client_code, group_id)
    unscheduled: tuple[Unscheduled, ...] = ()
    remote: tuple[tuple[str, str], ...] = ()
    """The participants (client_code, group_id) who take part remotely; all others on site."""

    def mode_of(self, client_code: str, group_id: str) -> str:
        """ "remote" or "on_site" (`rules.PARTICIPATION_MODES`)."""
        return "remote" if (client_code, group_id) in self._remote else "on_site"

    @cached_property
    def _remote(self) -> frozenset[tuple[str, str]]:
        return frozenset(self.remote)

    @cached_property
    def placement(self) -> dict[str, Placement]:
        return {p.group_id: p for p in self.placements}

    @cached_property
    def members(self) -> dict[str, tuple[str, ...]]:
        out: dict[str, list[str]] = {p.group_id: [] for p in self.placements}
        for code, gid in self.participants:
            out.setdefault(gid, []).append(code)
        return {g: tuple(sorted(c)) for g, c in out.items()}
