"""The bundled Western Uusimaa sample season, and the generator that makes it at any scale.

Hand-written tables in `data/sources/` (see data/README.md):

* real facts: the county's ten municipalities, their postal areas and its public venues;
* the six persona clients of the handbook's cases (Finnish handbook l. 722-912), the groups
  that suit them (some with pins), and the partners' (fictional) organisations.

Generated from a seed: staff, partners, the other groups, and the clients `C-00001...`.

    tables = generate(scale=1, seed=DEFAULT_SEED)   # text DataFrames, like the CSV files
    write_season("data", scale=1)                   # the bundled data/ folder, byte for byte

Command line: `python -m planner.sample --scale K --out DIR [--seed N]`.

Travel times come from `planner.geo`, so clients' wishes are groups the planner also
considers within their reach. Each generated client has a postal code of their municipality
from the postal areas table, so they travel from its centre.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

import pandas as pd

from planner.geo import TravelModel, home_key
from planner.io.fields import parse_days, parse_open, parse_time, parse_weekday, split_list
from planner.model import (
    WEEKDAYS,
    Client,
    Group,
    Municipality,
    Partner,
    PostalArea,
    Season,
    Staff,
    Venue,
    hhmm,
)
from planner.rules import DEFAULT_SESSION_ALLOWANCE_MIN, GROUP_KINDS, PARTNER_KINDS, leaders_needed


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


DEFAULT_SEED = 20270111
SOURCES_DIR = Path(__file__).resolve().parents[1] / "data" / "sources"

COLUMNS: dict[str, tuple[str, ...]] = {
    "municipalities": _words("code name_fi name_sv lat lon population"),
    "venues": _words(
        "venue_id name name_sv municipality address lat lon capacity accessible rooms open"
    ),
    "staff": _words(
        "staff_id name title qualified base_venue languages skills days max_group_hours car"
    ),
    "partners": _words(
        "partner_id name organisation kind qualified languages skills days municipalities"
    ),
    "groups": _words(
        "group_id name name_sv kind theme audience language hours min_size max_size municipality"
        " mode start_date weeks priority weekday start venue_id leaders"
    ),
    "clients": _words(
        "client_code municipality postal_code languages interests audience days travel"
        " max_travel_min needs_accessible counsellor wishes max_groups remote"
    ),
    "postal_areas": _words("postal_code name_fi name_sv lat lon municipality"),
}
TABLES = tuple(COLUMNS)

SWEDISH_SPEAKING = ("710", "078", "149", "257", "755", "235")
"""Raasepori, Hanko, Inkoo, Kirkkonummi, Siuntio, Kauniainen: where Swedish groups run."""

SEASON_MONDAYS = tuple(dt.date(2027, 1, 11) + dt.timedelta(weeks=w) for w in range(4))
WISH_SLACK = 0.9
"""Wishes stay within 90 % of a client's travel limit, so a small change in the travel
estimate does not push them out of reach."""


# --- The generator's assumptions about each municipality (not facts) ---


@dataclass(frozen=True, slots=True)
class _Area:
    code: str
    clients: int  # generated clients at scale 1: proportional-ish to population, with a floor
    groups: int  # groups at scale 1, persona groups included
    swedish_groups: int
    staff_bases: tuple[tuple[str, int], ...]  # (venue_id, staff based there) at scale 1
    swedish_share: float  # clients who speak Swedish
    foreign_share: float  # clients with another mother tongue (who manage in Finnish)
    kind: str  # "urban", "town" or "rural": travel habits


AREA_TABLE = """
code  clients  groups  swedish_groups  swedish_share  foreign_share  kind
049   124      12      0               0.08           0.12           urban
444   38       6       0               0.04           0.06           town
710   40       8       6               0.65           0.03           rural
257   34       5       2               0.20           0.06           town
927   26       4       0               0.02           0.05           town
078   16       3       1               0.45           0.04           rural
224   14       3       0               0.01           0.03           rural
235   14       2       1               0.35           0.05           urban
755   12       2       1               0.30           0.04           rural
149   12       2       1               0.55           0.03           rural
"""
"""Clients are proportional-ish to population with a floor for small municipalities; about
a quarter of the groups run in Swedish where Swedish is strong; `kind` sets travel habits."""
STAFF_BASES = {  # venue_id:count of staff based there at scale 1
    "049": "V-ESP-SP-1:4 V-ESP-SP-2:4 V-ESP-SP-3:3 V-ESP-RES-1:1",
    "444": "V-LOH-SP-1:3 V-LOH-RES-1:1",
    "710": "V-RAA-SP-1:3 V-RAA-SP-2:2",
    "257": "V-KIR-SP-1:3",
    "927": "V-VIH-SP-1:2",
    "078": "V-HAN-SP-1:2",
    "224": "V-KAR-SP-1:2",
    "235": "V-KAU-SP-1:1",
    "755": "V-SIU-SP-1:1",
    "149": "V-INK-SP-1:1",
}


def _areas(table: str) -> tuple[_Area, ...]:
    header, *rows = (line.split() for line in table.strip().splitlines())
    areas = []
    for row in rows:
        cell = dict(zip(header, row, strict=True))
        bases = (base.split(":") for base in STAFF_BASES[cell["code"]].split())
        areas.append(
            _Area(
                code=cell["code"],
                clients=int(cell["clients"]),
                groups=int(cell["groups"]),
                swedish_groups=int(cell["swedish_groups"]),
                staff_bases=tuple((venue, int(count)) for venue, count in bases),
                swedish_share=float(cell["swedish_share"]),
                foreign_share=float(cell["foreign_share"]),
                kind=cell["kind"],
            )
        )
    return tuple(areas)


AREAS = _areas(AREA_TABLE)

TRAVEL_MIX = {  # (car, transit, ride) weights: the work car picks up more people in the country
    "urban": (25, 70, 5),
    "town": (40, 45, 15),
    "rural": (45, 25, 30),
}
TRAVEL_LIMITS = {  # minutes a client accepts; a bus trip outside the city starts with a long wait
    ("car", "urban"): (20, 25, 30, 35, 45),
    ("car", "town"): (25, 30, 35, 45, 60),
    ("car", "rural"): (30, 35, 45, 60, 75),
    ("transit", "urban"): (35, 40, 45, 60),
    ("transit", "town"): (45, 50, 60),
    ("transit", "rural"): (55, 60, 75),
}
STAFF_CAR_SHARE = {"urban": 0.35, "town": 0.7, "rural": 0.85}

# --- Themes (handbook l. 349-355 and the client cases) ---

THEME_NAMES: dict[str, tuple[str, str]] = {
    "nature": ("Luontoryhmä", "Naturgrupp"),
    "functional": ("Toiminnallinen ryhmä", "Aktivitetsgrupp"),
    "life_skills": ("Elämäntaitoryhmä", "Livskunskapsgrupp"),
    "wellbeing": ("Hyvinvointiryhmä", "Välmåendegrupp"),
    "photography": ("Elämäni kuvat", "Bilder ur mitt liv"),
    "art_culture": ("Taide- ja kulttuuriryhmä", "Konst- och kulturgrupp"),
    "peer_women": ("Naisten vertaisryhmä", "Kamratstödsgrupp för kvinnor"),
    "peer_men": ("Miesten vertaisryhmä", "Kamratstödsgrupp för män"),
    "functional_men": ("Miesten toiminnallinen ryhmä", "Aktivitetsgrupp för män"),
    "digital": ("Digikurssi", "Digikurs"),
    "nepsy": ("Nepsy-ryhmä", "Neuropsykiatrisk grupp"),
    "language_practice": ("Kielitreeni", "Språkträning"),
    "foreign_language": ("Vieraskielisten ryhmä", "Grupp för personer med annat modersmål"),
    "music": ("Musiikkiryhmä", "Musikgrupp"),
    "animals": ("Eläinavusteinen ryhmä", "Djurassisterad grupp"),
    "cooking": ("Kokkausryhmä", "Matlagningsgrupp"),
}
THEMES = tuple(THEME_NAMES)
FINNISH_THEME_WEIGHTS = {
    **dict.fromkeys(THEMES, 1),
    **dict.fromkeys(("nature", "functional", "wellbeing"), 3),
    **dict.fromkeys(("life_skills", "art_culture", "peer_women", "peer_men", "digital"), 2),
}
SWEDISH_THEME_WEIGHTS = {
    **dict.fromkeys(("peer_women", "peer_men", "digital", "animals", "cooking"), 1),
    **dict.fromkeys(("functional", "life_skills", "art_culture", "music"), 2),
    **dict.fromkeys(("nature", "wellbeing"), 3),
}
FOREIGN_LANGUAGE_THEMES = ("language_practice", "foreign_language")
POPUP_THEMES = ("wellbeing", "functional", "cooking", "digital", "art_culture")
OUTDOOR_THEMES = ("nature", "functional", "functional_men", "animals", "cooking")
KIND_OF_THEME = {
    **dict.fromkeys(("peer_women", "peer_men"), "peer"),
    **dict.fromkeys(("foreign_language", "nepsy"), "targeted"),
    **dict.fromkeys(("life_skills", "wellbeing"), "process"),
}
AUDIENCE_OF_THEME = {
    "peer_women": "women",
    "peer_men": "men",
    "functional_men": "men",
    "foreign_language": "foreign_language",
    "nepsy": "nepsy",
}
HOBBIES = _words(
    "dogs cats gardening gaming crafts fishing cars drawing reading walking cycling baking"
    " board_games films sewing woodwork"
)
FOREIGN_LANGUAGES = _words("ar so ru et fa ku en uk")

# --- Staff ---

STAFF_SKILLS = _words(
    "nature functional life_skills wellbeing photography art_culture music digital nepsy"
    " peer_support language_practice foreign_language animals cooking outdoor_safety"
    " first_aid mental_health substance_use"
)
QUALIFIED_TITLES = ("sosiaaliohjaaja",) * 3 + ("lähihoitaja",) * 2
OTHER_TITLES = ("ohjaaja", "kuntoutusohjaaja")
DAY_PATTERNS: tuple[tuple[tuple[int, ...], int], ...] = (
    ((0, 1, 2, 3, 4), 50),
    ((0, 1, 2, 3), 15),
    ((1, 2, 3, 4), 10),
    ((0, 2, 4), 10),
    ((0, 1, 3), 5),
    ((1, 2, 3), 5),
    ((1, 3), 5),
)
GROUP_HOURS_BY_DAYS = {5: (12, 14, 16, 16), 4: (10, 12, 14), 3: (8, 10), 2: (4, 6)}

FIRST_NAMES_FI = _words(
    "Aino Anna Eeva Hanna Heidi Johanna Katja Laura Liisa Minna Noora Outi Päivi Riikka Sanna"
    " Satu Tiina Ulla Veera Kaisa Antti Janne Jari Juha Jukka Kari Markus Matti Mikko Petri"
    " Sami Timo Tuomas Ville Eero Lauri Olli Pasi Teemu Joonas"
)
LAST_NAMES_FI = _words(
    "Aaltonen Heikkinen Hämäläinen Jokinen Kallio Koskinen Laine Lehtonen Leinonen Mäkinen"
    " Nieminen Ojala Peltonen Rantanen Salminen Tuominen Turunen Valtonen Vainio Kivelä Harju"
    " Saarinen Lahtinen Honkanen Kettunen Mattila Niemi Rautio Seppälä Väisänen"
)
FIRST_NAMES_SV = _words(
    "Anders Björn Fredrik Henrik Johan Mikael Patrik Tom Niklas Annika Camilla Ebba Frida"
    " Linnea Maria Sofia Jessica Malin"
)
LAST_NAMES_SV = _words(
    "Andersson Blomqvist Ekström Forsman Grönroos Holmberg Lindqvist Nyström Sjöberg"
    " Wikström Åberg Lindroos Söderholm Westerlund"
)


# --- Public API ---


def generate(
    scale: int = 1, seed: int = DEFAULT_SEED, sources: Path | None = None
) -> dict[str, pd.DataFrame]:
    """The tables of a sample season as text DataFrames (keys = table names).

    At scale k, venues, staff, partners, groups and clients are about k times as many;
    the six personas appear once. The same scale and seed always give the same tables.
    """
    if scale < 1:
        raise ValueError(f"scale must be 1 or more, not {scale}")
    src = _Sources(sources or SOURCES_DIR)
    venue_rows = _scaled_venue_rows(src.venues, scale, _rng(seed, "venues"))
    municipalities = [_municipality(r) for r in _records(src.municipalities)]
    postal_areas = [_postal_area(r) for r in _records(src.postal_areas)]
    venues = [_venue(r) for r in _records(venue_rows)]
    place = {v.venue_id: v.municipality for v in venues}
    staff = _make_staff(scale, _rng(seed, "staff"), place)
    partners = _make_partners(src, scale, _rng(seed, "partners"))
    names = {m.code: (m.name_fi, m.name_sv) for m in municipalities}
    planned = _planned_groups(src, scale, _rng(seed, "groups"))
    groups = _make_groups(planned, _rng(seed, "group details"), names, staff, partners, place)
    season = Season(
        tuple(municipalities),
        tuple(venues),
        tuple(staff),
        tuple(partners),
        tuple(groups),
        (),
        postal_areas=tuple(postal_areas),
    )
    clients = _make_clients(src, scale, _rng(seed, "clients"), season)
    return {
        "municipalities": src.municipalities,
        "venues": venue_rows,
        "staff": _frame("staff", [_staff_row(s) for s in staff]),
        "partners": _frame("partners", [_partner_row(p) for p in partners]),
        "groups": _frame("groups", [_group_row(g) for g in groups]),
        "clients": _frame("clients", [_client_row(c) for c in clients]),
        "postal_areas": src.postal_areas,
    }


def write_season(out_dir: str | Path, scale: int = 1, seed: int = DEFAULT_SEED) -> dict[str, Path]:
    """Write the CSV files of a generated season into `out_dir`; returns their paths."""
    return save_tables(generate(scale, seed), out_dir)


def save_tables(tables: dict[str, pd.DataFrame], out_dir: str | Path) -> dict[str, Path]:
    """Write text tables as the contract's CSV files: UTF-8 without BOM, "\\n" line ends."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, frame in tables.items():
        paths[name] = out / f"{name}.csv"
        frame.to_csv(paths[name], index=False, lineterminator="\n", encoding="utf-8")
    return paths


def eligible_counts(season: Season) -> dict[str, int]:
    """For each group, the most clients who could join it on any one weekday.

    Eligible (the input contract): speaks the group's language, carries its audience tag
    unless it is for everyone, is free that day, and can reach a venue open long enough
    that day within their travel limit (an accessible one if they need it). Remote groups
    need no venue. Clients competing for seats are not taken into account.
    """
    reach = _Reach(season)
    return {
        g.group_id: max(sum(reach.can_join(c, g, day) for c in season.clients) for day in range(5))
        for g in season.groups
    }


def suitable_groups(season: Season, client_code: str) -> list[str]:
    """Ids of the groups a client could join on at least one of their days."""
    reach = _Reach(season)
    client = season.client[client_code]
    return [g.group_id for g in season.groups if reach.can_join_some_day(client, g)]


def leader_hours_needed(season: Season) -> float:
    """Weekly leader hours if every group fills up: session plus allowance, times the
    leaders its full size needs (l. 363-364)."""
    allowance = DEFAULT_SESSION_ALLOWANCE_MIN / 60
    return sum((g.hours + allowance) * leaders_needed(g.max_size) for g in season.groups)


# --- Eligibility ---


class _Reach:
    """Who can join which group on which day, with travel times from `planner.geo`."""

    def __init__(self, season: Season) -> None:
        self.season = season
        self.travel = TravelModel(season)
        self._minutes: dict[tuple[str, str, str, str], int] = {}
        self._venues: dict[tuple[str, int], tuple[Venue, ...]] = {}
        self._in_municipality: dict[str, list[Venue]] = {}
        for v in season.venues:
            self._in_municipality.setdefault(v.municipality, []).append(v)

    def minutes(self, client: Client, venue: Venue) -> int:
        key = (*home_key(self.season, client), client.travel, venue.venue_id)
        if key not in self._minutes:
            self._minutes[key] = self.travel.client_to_venue(client, venue.venue_id)
        return self._minutes[key]

    def venues_for(self, group: Group, day: int) -> tuple[Venue, ...]:
        """Where the group could meet on `day`: its venue pin, or any venue in its
        municipality, open for the whole session."""
        key = (group.group_id, day)
        if key not in self._venues:
            if group.venue_id:
                candidates = [self.season.venue[group.venue_id]]
            else:
                candidates = self._in_municipality.get(group.municipality, [])
            self._venues[key] = tuple(v for v in candidates if _fits(v, group, day))
        return self._venues[key]

    def can_join(self, client: Client, group: Group, day: int, slack: float = 1.0) -> bool:
        if day not in client.days or (group.weekday is not None and day != group.weekday):
            return False
        if group.language not in client.languages:
            return False
        if not group.is_open_to_all and group.audience not in client.audience:
            return False
        if not group.needs_venue:
            return True
        limit = client.max_travel_min * slack
        return any(
            (v.accessible or not client.needs_accessible) and self.minutes(client, v) <= limit
            for v in self.venues_for(group, day)
        )

    def can_join_some_day(self, client: Client, group: Group, slack: float = 1.0) -> bool:
        return any(self.can_join(client, group, day, slack) for day in client.days)


def _fits(venue: Venue, group: Group, day: int) -> bool:
    if group.start is not None:
        return venue.is_open(day, group.start, group.start + group.minutes)
    return any(i.weekday == day and i.end - i.start >= group.minutes for i in venue.open)


# --- The hand-written sources ---


class _Sources:
    """The tables in `data/sources/`, as text. Extra note columns stay here."""

    def __init__(self, folder: Path) -> None:
        def read(name: str) -> pd.DataFrame:
            return pd.read_csv(folder / f"{name}.csv", dtype=str, keep_default_na=False)

        self.municipalities = read("municipalities")[list(COLUMNS["municipalities"])]
        self.venues = read("venues")[list(COLUMNS["venues"])]
        self.postal_areas = read("postal_areas")[list(COLUMNS["postal_areas"])]
        self.personas = read("personas")
        self.persona_groups = read("persona_groups")
        self.partner_organisations = read("partner_organisations")


def _records(frame: pd.DataFrame) -> list[dict[str, str]]:
    return frame.to_dict("records")


def _municipality(row: dict[str, str]) -> Municipality:
    return Municipality(
        row["code"],
        row["name_fi"],
        row["name_sv"],
        float(row["lat"]),
        float(row["lon"]),
        int(row["population"]),
    )


def _postal_area(row: dict[str, str]) -> PostalArea:
    return PostalArea(
        row["postal_code"],
        row["name_fi"],
        row["name_sv"],
        float(row["lat"]),
        float(row["lon"]),
        row["municipality"] or None,
    )


def _venue(row: dict[str, str]) -> Venue:
    return Venue(
        venue_id=row["venue_id"],
        name=row["name"],
        municipality=row["municipality"],
        address=row["address"],
        lat=float(row["lat"]),
        lon=float(row["lon"]),
        capacity=int(row["capacity"]),
        accessible=row["accessible"] == "true",
        open=parse_open(row["open"]),
        rooms=int(row["rooms"]),
        name_sv=row["name_sv"],
    )


def _persona(row: dict[str, str]) -> Client:
    return Client(
        client_code=row["client_code"],
        municipality=row["municipality"],
        postal_code=row["postal_code"],
        languages=split_list(row["languages"]),
        interests=split_list(row["interests"]),
        audience=split_list(row["audience"]),
        days=parse_days(row["days"]),
        travel=row["travel"],
        max_travel_min=int(row["max_travel_min"]),
        needs_accessible=row["needs_accessible"] == "true",
        counsellor="",
        remote=row.get("remote") == "true",
    )


# --- Venues ---


def _scaled_venue_rows(curated: pd.DataFrame, scale: int, rng: random.Random) -> pd.DataFrame:
    """The curated venues and, at scale k, their copies 2..k some hundred metres away."""
    rows = _records(curated)
    for copy in range(2, scale + 1):
        for row in _records(curated):
            rows.append(
                {
                    **row,
                    "venue_id": f"{row['venue_id']}-k{copy}",
                    "name": f"{row['name']} (lisätila {copy})",
                    "name_sv": f"{row['name_sv']} (extra lokal {copy})" if row["name_sv"] else "",
                    "lat": _coordinate(float(row["lat"]) + rng.uniform(-0.006, 0.006)),
                    "lon": _coordinate(float(row["lon"]) + rng.uniform(-0.012, 0.012)),
                }
            )
    return _frame("venues", rows)


# --- Staff ---


def _make_staff(scale: int, rng: random.Random, place: dict[str, str]) -> list[Staff]:
    """Staff based at service points across the county. The first at each base works
    (nearly) full time, is qualified, and speaks Swedish where Swedish groups run."""
    names = _Names(rng)
    staff: list[Staff] = []
    for copy in range(1, scale + 1):
        for area in AREAS:
            for base, count in area.staff_bases:
                base_id = base if copy == 1 else f"{base}-k{copy}"
                if place[base_id] != area.code:
                    raise ValueError(f"staff base {base_id} is not in municipality {area.code}")
                for i in range(count):
                    staff.append(_staff(len(staff) + 1, base_id, area, i == 0, rng, names))
    return staff


def _staff(n: int, base: str, area: _Area, lead: bool, rng: random.Random, names: _Names) -> Staff:
    in_swedish_area = area.code in SWEDISH_SPEAKING
    swedish_share = area.swedish_share + (0.3 if in_swedish_area else 0.07)
    swedish = (lead and in_swedish_area) or rng.random() < swedish_share
    qualified = lead or rng.random() < 0.55
    days = rng.choice(((0, 1, 2, 3, 4), (0, 1, 2, 3))) if lead else _weighted(rng, DAY_PATTERNS)
    hours = rng.choice(GROUP_HOURS_BY_DAYS[len(days)])
    return Staff(
        staff_id=f"S-{n:03d}",
        name=names.person(swedish),
        title=rng.choice(QUALIFIED_TITLES if qualified else OTHER_TITLES),
        qualified=qualified,
        base_venue=base,
        languages=_staff_languages(swedish, area, rng),
        skills=tuple(rng.sample(STAFF_SKILLS, rng.randint(2, 4))),
        days=days,
        max_group_hours=float(max(hours, 12) if lead else hours),
        car=rng.random() < STAFF_CAR_SHARE[area.kind],
    )


def _staff_languages(swedish: bool, area: _Area, rng: random.Random) -> tuple[str, ...]:
    """Mother tongue first; Swedish speakers in the county also work in Finnish."""
    langs = ["sv", "fi"] if swedish and area.swedish_share > 0.4 else ["fi"]
    if swedish and "sv" not in langs:
        langs.append("sv")
    if rng.random() < 0.6:
        langs.append("en")
    if area.foreign_share >= 0.1 and rng.random() < 0.25:
        langs.append(rng.choice(FOREIGN_LANGUAGES[:5]))
    return tuple(langs)


# --- Partners ---


def _make_partners(src: _Sources, scale: int, rng: random.Random) -> list[Partner]:
    """One person from each partner organisation per copy (l. 377); copies after the first
    work on other days."""
    names = _Names(rng)
    partners: list[Partner] = []
    for copy in range(1, scale + 1):
        for org in _records(src.partner_organisations):
            languages = split_list(org["languages"])
            days = parse_days(org["days"]) if copy == 1 else _weighted(rng, DAY_PATTERNS[1:])
            partners.append(
                Partner(
                    partner_id=f"K-{len(partners) + 1:03d}",
                    name=names.person(languages[0] == "sv"),
                    organisation=org["organisation"],
                    kind=org["kind"],
                    qualified=org["kind"] == "health_professional",
                    languages=languages,
                    skills=split_list(org["skills"]),
                    days=days,
                    municipalities=split_list(org["municipalities"]),
                )
            )
    if {p.kind for p in partners} != set(PARTNER_KINDS):
        raise ValueError("partner_organisations.csv must have every kind of partner (l. 377)")
    return partners


# --- Groups ---


@dataclass(frozen=True, slots=True)
class _PlannedGroup:
    """A group before ids, names, dates and leaders are settled."""

    municipality: str
    kind: str
    theme: str
    audience: str
    language: str
    mode: str = "in_person"
    hours: float = 3.0
    min_size: int = 4
    max_size: int = 8
    priority: int = 1
    weekday: int | None = None
    start: int | None = None
    venue_id: str = ""
    leader_roles: tuple[str, ...] = ()
    """Leaders to pin, chosen once staff exist: "staff" or a partner kind."""


def _planned_groups(src: _Sources, scale: int, rng: random.Random) -> list[_PlannedGroup]:
    """Per copy: the persona groups (pins only in the first copy), then random groups that
    fill each municipality's quota, Swedish ones first."""
    persona_groups = [_persona_group(r) for r in _records(src.persona_groups)]
    planned: list[_PlannedGroup] = []
    for copy in range(1, scale + 1):
        planned.extend(p if copy == 1 else _unpinned(p, copy) for p in persona_groups)
        for area in AREAS:
            theirs = [p for p in persona_groups if p.municipality == area.code]
            swedish = area.swedish_groups - sum(p.language == "sv" for p in theirs)
            for i in range(area.groups - len(theirs)):
                planned.append(_random_group(area, "sv" if i < swedish else "fi", rng))
    return planned


def _persona_group(row: dict[str, str]) -> _PlannedGroup:
    return _PlannedGroup(
        municipality=row["municipality"],
        kind=row["kind"],
        theme=row["theme"],
        audience=row["audience"],
        language=row["language"],
        mode=row["mode"],
        hours=float(row["hours"]),
        min_size=int(row["min_size"]),
        max_size=int(row["max_size"]),
        priority=int(row["priority"] or 1),
        weekday=parse_weekday(row["weekday"]) if row["weekday"] else None,
        start=parse_time(row["start"]) if row["start"] else None,
        venue_id=row["venue_id"],
        leader_roles=split_list(row["pin_leaders"]),
    )


def _unpinned(p: _PlannedGroup, copy: int) -> _PlannedGroup:
    """A later copy of a persona group: no day, time or leader pins (they would collide),
    and its venue pin moved to the venue's copy."""
    venue = f"{p.venue_id}-k{copy}" if p.venue_id else ""
    return replace(p, weekday=None, start=None, venue_id=venue, leader_roles=())


def _random_group(area: _Area, language: str, rng: random.Random) -> _PlannedGroup:
    weights = dict(SWEDISH_THEME_WEIGHTS if language == "sv" else FINNISH_THEME_WEIGHTS)
    if area.foreign_share < 0.05:
        for theme in FOREIGN_LANGUAGE_THEMES:
            weights.pop(theme, None)
    if rng.random() < 0.12:
        kind, theme, audience = "popup", rng.choice(POPUP_THEMES), "all"
    else:
        theme = _weighted(rng, tuple(weights.items()))
        kind = KIND_OF_THEME.get(theme, "theme")
        audience = AUDIENCE_OF_THEME.get(theme, "all")
        if audience == "all" and rng.random() < 0.15:
            kind, audience = "targeted", "young_adults"
    min_size = rng.choice((3, 3, 4, 4, 5))
    return _PlannedGroup(
        municipality=area.code,
        kind=kind,
        theme=theme,
        audience=audience,
        language=language,
        mode=_mode(kind, theme, rng),
        hours=_hours(kind, theme, rng),
        min_size=min_size,
        max_size=min(10, max(min_size + 2, rng.choice((6, 7, 8, 8, 10)))),
        priority=_priority(audience, rng),
    )


def _mode(kind: str, theme: str, rng: random.Random) -> str:
    if kind == "popup" or theme in OUTDOOR_THEMES:
        return "in_person"
    return _weighted(rng, (("in_person", 80), ("hybrid", 13), ("remote", 7)))


def _hours(kind: str, theme: str, rng: random.Random) -> float:
    if kind == "popup":
        return rng.choice((2.0, 2.5))
    if theme in OUTDOOR_THEMES:
        return rng.choice((3.0, 3.5, 4.0))
    return rng.choice((2.0, 2.5, 3.0, 3.0))


def _priority(audience: str, rng: random.Random) -> int:
    if audience in ("foreign_language", "nepsy") and rng.random() < 0.5:
        return 3
    return 2 if rng.random() < 0.15 else 1


def _make_groups(
    planned: Sequence[_PlannedGroup],
    rng: random.Random,
    places: dict[str, tuple[str, str]],
    staff: Sequence[Staff],
    partners: Sequence[Partner],
    place: dict[str, str],
) -> list[Group]:
    naming = _GroupNames(places)
    groups = []
    for n, p in enumerate(planned, start=1):
        name, name_sv = naming.names(p)
        groups.append(
            Group(
                group_id=f"G-{n:03d}",
                name=name,
                name_sv=name_sv,
                kind=p.kind,
                theme=p.theme,
                audience=p.audience,
                language=p.language,
                hours=p.hours,
                min_size=p.min_size,
                max_size=p.max_size,
                municipality=p.municipality,
                mode=p.mode,
                start_date=rng.choice(SEASON_MONDAYS),
                weeks=None if p.kind == "popup" else rng.randint(8, 16),
                weekday=p.weekday,
                start=p.start,
                venue_id=p.venue_id or None,
                leaders=_pinned_leaders(p, staff, partners, place),
                priority=p.priority,
            )
        )
    if {g.kind for g in groups} != set(GROUP_KINDS):
        raise ValueError("the sample should have every kind of group (l. 349-355)")
    return groups


def _pinned_leaders(
    p: _PlannedGroup, staff: Sequence[Staff], partners: Sequence[Partner], place: dict[str, str]
) -> tuple[str, ...]:
    """The first person for each pinned role who works in the group's municipality on its
    weekday and speaks its language; staff must be qualified and work 3 days or more."""

    def fits(person: Staff | Partner) -> bool:
        return p.language in person.languages and (p.weekday is None or p.weekday in person.days)

    leaders = []
    for role in p.leader_roles:
        if role == "staff":
            pool: list[Staff | Partner] = [
                s
                for s in staff
                if s.qualified and len(s.days) >= 3 and place[s.base_venue] == p.municipality
            ]
        else:
            pool = [q for q in partners if q.kind == role and p.municipality in q.municipalities]
        person = next((x for x in pool if fits(x)), None)
        if person is None:
            raise ValueError(f"no {role} can lead the pinned {p.theme} group in {p.municipality}")
        leaders.append(person.person_id)
    return tuple(leaders)


class _GroupNames:
    """Readable, unique Finnish and Swedish names: "Luontoryhmä – Hanko 2"."""

    def __init__(self, places: dict[str, tuple[str, str]]) -> None:
        self.places = places
        self.seen: Counter[str] = Counter()

    def names(self, p: _PlannedGroup) -> tuple[str, str]:
        fi, sv = THEME_NAMES[p.theme]
        if p.kind == "popup":
            fi, sv = f"Pop-up: {fi.lower()}", f"Pop up: {sv.lower()}"
        if p.audience == "young_adults":
            fi, sv = f"{fi} nuorille aikuisille", f"{sv} för unga vuxna"
        if p.mode == "remote":
            fi, sv = f"{fi} (etä)", f"{sv} (distans)"
        elif p.mode == "hybrid":
            fi, sv = f"{fi} (hybridi)", f"{sv} (hybrid)"
        place_fi, place_sv = self.places[p.municipality]
        fi, sv = f"{fi} – {place_fi}", f"{sv} – {place_sv}"
        self.seen[fi] += 1
        if self.seen[fi] > 1:
            fi, sv = f"{fi} {self.seen[fi]}", f"{sv} {self.seen[fi]}"
        return fi, sv


# --- Clients ---


def _make_clients(src: _Sources, scale: int, rng: random.Random, season: Season) -> list[Client]:
    """The personas once, then the generated clients; then everyone's ranked wishes."""
    counsellors = _Counsellors(season, rng)
    postal_codes: dict[str, list[str]] = {}
    for a in season.postal_areas:
        if a.municipality is not None:
            postal_codes.setdefault(a.municipality, []).append(a.postal_code)
    personas = [_persona(r) for r in _records(src.personas)]
    clients = [replace(p, counsellor=counsellors.pick(p, first=True)) for p in personas]
    for _copy in range(scale):
        for area in AREAS:
            for _ in range(area.clients):
                code = f"C-{len(clients) - len(personas) + 1:05d}"
                client = _client(code, area, postal_codes.get(area.code, [""]), rng)
                clients.append(replace(client, counsellor=counsellors.pick(client)))
    # the persona groups come first among the groups, in the order of persona_groups.csv
    made_for: dict[str, set[str]] = {}
    for row, group in zip(_records(src.persona_groups), season.groups, strict=False):
        made_for.setdefault(row["for"], set()).add(group.group_id)
    reach = _Reach(season)
    return [
        replace(c, wishes=_wishes(c, season.groups, reach, rng, made_for.get(c.client_code, set())))
        for c in clients
    ]


def _client(code: str, area: _Area, postal_codes: Sequence[str], rng: random.Random) -> Client:
    languages, foreign = _client_languages(area, rng)
    audience = _client_audience(foreign, rng)
    travel = _weighted(
        rng, tuple(zip(("car", "transit", "ride"), TRAVEL_MIX[area.kind], strict=True))
    )
    limits = TRAVEL_LIMITS[("transit" if travel == "transit" else "car", area.kind)]
    return Client(
        client_code=code,
        municipality=area.code,
        postal_code=_postal_code(code, postal_codes),
        languages=languages,
        interests=_interests(audience, rng),
        audience=audience,
        days=tuple(sorted(rng.sample(range(5), rng.choice((2, 3, 3, 4, 4, 5))))),
        travel=travel,
        max_travel_min=rng.choice(limits),
        needs_accessible=rng.random() < 0.08,
        counsellor="",
        max_groups=2 if rng.random() < 0.12 else 1,
        remote=_agrees_to_remote(code),
    )


REMOTE_CONSENT_SHARE = 0.2
"""Clients whose plan says they may take part remotely (l. 456, 469, 473-474)."""


def _postal_code(code: str, postal_codes: Sequence[str]) -> str:
    """One of the municipality's postal codes, alike for all; its own stream per client, like
    `_agrees_to_remote`, so the table's size moves nothing else in the season."""
    return random.Random(f"postal/{code}").choice(postal_codes)


def _agrees_to_remote(code: str) -> bool:
    # Its own stream per client: the rest of the generated season does not move with it.
    return random.Random(f"remote/{code}").random() < REMOTE_CONSENT_SHARE


def _client_languages(area: _Area, rng: random.Random) -> tuple[tuple[str, ...], bool]:
    """Languages, and whether the mother tongue is neither Finnish nor Swedish."""
    r = rng.random()
    if r < area.swedish_share:
        return (("sv", "fi") if rng.random() < 0.6 else ("sv",)), False
    if r < area.swedish_share + area.foreign_share:
        return ("fi", rng.choice(FOREIGN_LANGUAGES)), True
    return (("fi", "en") if rng.random() < 0.12 else ("fi",)), False


def _client_audience(foreign: bool, rng: random.Random) -> tuple[str, ...]:
    young = rng.random() < 0.3
    gender = _weighted(rng, (("women", 48), ("men", 48), ("", 4)))
    nepsy = rng.random() < (0.25 if young else 0.06)
    tags = (
        "young_adults" if young else "",
        gender,
        "foreign_language" if foreign else "",
        "nepsy" if nepsy else "",
    )
    return tuple(t for t in tags if t)


def _interests(audience: Sequence[str], rng: random.Random) -> tuple[str, ...]:
    """2-4 themes (those of the client's audience tags likelier, others' never) and up to
    two hobbies."""
    weights = dict.fromkeys(THEMES, 2)
    for tag, themes in (
        ("women", ("peer_women",)),
        ("men", ("peer_men", "functional_men")),
        ("foreign_language", FOREIGN_LANGUAGE_THEMES),
        ("nepsy", ("nepsy",)),
    ):
        weights.update(dict.fromkeys(themes, 6 if tag in audience else 0))
    themes = _distinct(rng, tuple(weights.items()), rng.randint(2, 4))
    return themes + tuple(rng.sample(HOBBIES, rng.randint(0, 2)))


def _wishes(
    client: Client,
    groups: Iterable[Group],
    reach: _Reach,
    rng: random.Random,
    made_for_them: set[str],
) -> tuple[str, ...]:
    """0-3 ranked groups the client can join (a persona: 3, from the groups made for them),
    those on their interests first."""
    count = 3 if made_for_them else _weighted(rng, ((0, 25), (1, 30), (2, 25), (3, 20)))
    if count == 0:
        return ()
    wanted = set(client.interests)
    ranked = sorted(
        (
            g.group_id not in made_for_them,
            -len(wanted & {g.theme, g.kind, g.mode}),
            rng.random(),
            g.group_id,
        )
        for g in groups
        if reach.can_join_some_day(client, g, WISH_SLACK)
    )
    return tuple(group_id for *_, group_id in ranked[:count])


class _Counsellors:
    """A qualified staff member who shares a language with the client, from the client's
    municipality or else the nearest one with such staff."""

    def __init__(self, season: Season, rng: random.Random) -> None:
        self.rng = rng
        self.centre = {m.code: (m.lat, m.lon) for m in season.municipalities}
        self.in_municipality: dict[str, list[Staff]] = {}
        for s in season.staff:
            if s.qualified:
                code = season.venue[s.base_venue].municipality
                self.in_municipality.setdefault(code, []).append(s)

    def pick(self, client: Client, first: bool = False) -> str:
        for code in self._nearest_first(client.municipality):
            fitting = [
                s
                for s in self.in_municipality.get(code, [])
                if set(s.languages) & set(client.languages)
            ]
            if fitting:
                return (fitting[0] if first else self.rng.choice(fitting)).staff_id
        raise ValueError(f"no qualified staff can be counsellor for {client.client_code}")

    def _nearest_first(self, code: str) -> list[str]:
        lat, lon = self.centre[code]

        def distance(other: str) -> float:  # flat-earth is enough to order neighbours
            o_lat, o_lon = self.centre[other]
            return (o_lat - lat) ** 2 + ((o_lon - lon) * 0.5) ** 2

        return sorted(self.centre, key=distance)


# --- Text formats of the input contract ---


def _frame(table: str, rows: list[dict[str, str]]) -> pd.DataFrame:
    columns = list(COLUMNS[table])
    return pd.DataFrame([[r[c] for c in columns] for r in rows], columns=columns, dtype=str)


def _staff_row(s: Staff) -> dict[str, str]:
    return {
        "staff_id": s.staff_id,
        "name": s.name,
        "title": s.title,
        "qualified": _flag(s.qualified),
        "base_venue": s.base_venue,
        "languages": _list(s.languages),
        "skills": _list(s.skills),
        "days": _days(s.days),
        "max_group_hours": _number(s.max_group_hours),
        "car": _flag(s.car),
    }


def _partner_row(p: Partner) -> dict[str, str]:
    return {
        "partner_id": p.partner_id,
        "name": p.name,
        "organisation": p.organisation,
        "kind": p.kind,
        "qualified": _flag(p.qualified),
        "languages": _list(p.languages),
        "skills": _list(p.skills),
        "days": _days(p.days),
        "municipalities": _list(p.municipalities),
    }


def _group_row(g: Group) -> dict[str, str]:
    return {
        "group_id": g.group_id,
        "name": g.name,
        "name_sv": g.name_sv,
        "kind": g.kind,
        "theme": g.theme,
        "audience": g.audience,
        "language": g.language,
        "hours": _number(g.hours),
        "min_size": str(g.min_size),
        "max_size": str(g.max_size),
        "municipality": g.municipality,
        "mode": g.mode,
        "start_date": g.start_date.isoformat(),
        "weeks": "" if g.weeks is None else str(g.weeks),
        "priority": "" if g.priority == 1 else str(g.priority),
        "weekday": "" if g.weekday is None else WEEKDAYS[g.weekday],
        "start": "" if g.start is None else hhmm(g.start),
        "venue_id": g.venue_id or "",
        "leaders": _list(g.leaders),
    }


def _client_row(c: Client) -> dict[str, str]:
    return {
        "client_code": c.client_code,
        "municipality": c.municipality,
        "postal_code": c.postal_code,
        "languages": _list(c.languages),
        "interests": _list(c.interests),
        "audience": _list(c.audience),
        "days": _days(c.days),
        "travel": c.travel,
        "max_travel_min": str(c.max_travel_min),
        "needs_accessible": _flag(c.needs_accessible),
        "counsellor": c.counsellor,
        "wishes": _list(c.wishes),
        "max_groups": "" if c.max_groups == 1 else str(c.max_groups),
        "remote": _flag(c.remote),
    }


def _flag(value: bool) -> str:
    return "true" if value else "false"


def _number(x: float) -> str:
    return f"{x:g}"


def _coordinate(x: float) -> str:
    return f"{x:.4f}"


def _list(items: Iterable[str]) -> str:
    return ";".join(items)


def _days(days: Sequence[int]) -> str:
    """Days as text: "Mon-Thu" for three or more days in a row, else "Mon;Wed;Fri"."""
    days = sorted(days)
    if len(days) >= 3 and days[-1] - days[0] == len(days) - 1:
        return f"{WEEKDAYS[days[0]]}-{WEEKDAYS[days[-1]]}"
    return ";".join(WEEKDAYS[d] for d in days)


# --- Randomness ---

T = TypeVar("T")


def _rng(seed: int, part: str) -> random.Random:
    """One generator per part, so changing how one table is made leaves the others alone."""
    return random.Random(f"{seed}:{part}")


def _weighted(rng: random.Random, options: Sequence[tuple[T, int]]) -> T:
    values = [v for v, _ in options]
    return rng.choices(values, weights=[w for _, w in options])[0]


def _distinct(rng: random.Random, options: Sequence[tuple[T, int]], k: int) -> tuple[T, ...]:
    """k different values drawn by weight (a value of weight 0 is never drawn)."""
    pool = [o for o in options if o[1] > 0]
    chosen: list[T] = []
    while pool and len(chosen) < k:
        value = _weighted(rng, pool)
        chosen.append(value)
        pool = [o for o in pool if o[0] != value]
    return tuple(chosen)


class _Names:
    """Fictional names: random first and last names, never the same twice."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def person(self, swedish: bool) -> str:
        firsts, lasts = (
            (FIRST_NAMES_SV, LAST_NAMES_SV) if swedish else (FIRST_NAMES_FI, LAST_NAMES_FI)
        )
        for attempt in range(200):
            first, last = self.rng.choice(firsts), self.rng.choice(lasts)
            # at a large scale the plain combinations run out: add a middle initial
            middle = f" {self.rng.choice('ABEHIJKLMPRST')}." if attempt >= 20 else ""
            name = f"{first}{middle} {last}"
            if name not in self.used:
                self.used.add(name)
                return name
        raise ValueError("ran out of fictional names; add names to the lists")


# --- Command line ---


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m planner.sample",
        description="Write the Western Uusimaa sample season (six CSV files) into a folder.",
    )
    parser.add_argument("--scale", type=int, default=1, help="about K times the data (K >= 1)")
    parser.add_argument("--out", required=True, help="folder for the CSV files")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
    args = parser.parse_args(argv)
    if args.scale < 1:
        parser.error("--scale must be 1 or more")
    tables = generate(args.scale, args.seed)
    save_tables(tables, args.out)
    print(f"wrote {args.out}: " + ", ".join(f"{len(t)} {name}" for name, t in tables.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
