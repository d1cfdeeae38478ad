"""The catalogue of the handbook's rules of group work: each rule stated once.

Line numbers refer to the Finnish handbook (`shared/seeds/001_8086551e1e4f6083.txt`,
"Sosiaalinen kuntoutus TEP:issä", LUVN 2024). Everything that checks or plans a group asks
here rather than repeating a number, a name or a handbook line:

- the constants of the rules (group size, hours, leaders);
- `RULES`: every hard rule of a plan by key, with its readable name in fi/sv/en and where it
  comes from. The CP-SAT model (`planner.solve.rules_hard.HARD_RULES`) has one constraint
  function per key, the independent validator (`planner.plan_check.PLAN_RULES`) one check per
  key; a few rules about the plan's shape (`model=False`) hold by the model's construction
  and only the validator checks them. Meta-tests keep the three in step.
- the pure predicates the rules share (who speaks a group's language, whom an audience fits,
  where travel binds, whether a leader team is valid). The model's candidate filters, the
  finder, the greedy baseline, `fill`, `warm_start`, enrolment and insight ask them; the
  validator keeps its own arithmetic on purpose, so that it can catch the model's mistakes.

No OR-Tools here: the catalogue is read by code that must not load the solver.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from planner.model import Client, Group, Leader, Venue

# --- Groups (ryhmätoiminnan raamit, l. 359-371) ---
SESSIONS_PER_WEEK = 1  # "kerran viikossa" (l. 361)
MIN_SESSION_HOURS = 2.0  # "2–4 tuntia riippuen ryhmän sisällöstä" (l. 361, also l. 120)
MAX_SESSION_HOURS = 4.0
MIN_GROUP_SIZE = 3  # "Ryhmäkoko 3–10 henkilöä" (l. 362)
MAX_GROUP_SIZE = 10
LEADERS_IN_GROUP = 2  # "aina paikalla kaksi ohjaajaa" (l. 363)
SMALL_GROUP_BELOW = 5  # "Pienissä ryhmissä (alle 5 henkilöä) voi olla vain yksi" (l. 364)
GROUP_LANGUAGES = ("fi", "sv")  # no interpreter: Finnish or Swedish (l. 370)

# --- Partners (l. 365, l. 377) ---
PARTNER_KINDS = (
    "sports_instructor",  # liikunnanohjaaja
    "health_professional",  # terveydenhuollon ammattihenkilö
    "ngo_worker",  # järjestötoimija
    "expert_by_experience",  # kokemusasiantuntija
)

# --- Group kinds and modes (l. 345, l. 349-355) ---
GROUP_KINDS = ("process", "targeted", "theme", "peer", "popup")
GROUP_MODES = ("in_person", "hybrid", "remote")
TERMLESS_KINDS = ("popup",)  # only pop-up groups may run without a fixed term (l. 366)
# "Matalan kynnyksen avoimia pop-up ryhmiä" (l. 355): a pop-up group may be drop-in (the
# groups table's optional `drop_in` column). Nobody enrols; leaders record a head count per
# held session instead of names, and the minimum of three (l. 362) does not apply (the
# maximum of ten still does).
DROP_IN_KINDS = ("popup",)  # the kinds that may be drop-in
DROP_IN_LINES = "355, 366"
# A drop-in group has no participants in a plan (rule `drop_in`): the solver places nobody in
# it, publishing enrols nobody, and a placed client is never "served" by it. Its leaders
# follow how many come: "TEP:in ryhmissä on aina paikalla kaksi ohjaajaa. Pienissä ryhmissä
# (alle 5 henkilöä) voi olla vain yksi ryhmänohjaaja" (l. 363-364) counts the persons
# present, so a drop-in group expects the largest of its last `RECENT_HEAD_COUNTS` head
# counts, or its maximum size while it has none (a plan is made before any session); a plan
# also gives it a venue with room for that many and its leaders (rule capacity).
RECENT_HEAD_COUNTS = 3

# --- The process around a group (l. 379) ---
# Counsellor + leader meet the client before and after; the leader writes a summary.
# Planned as an allowance of leader time around each weekly session (a setting).
DEFAULT_SESSION_ALLOWANCE_MIN = 30

# --- Clients ---
TRAVEL_MODES = ("car", "transit", "ride")  # own car, public transport, the team's work car

# --- A client's service timeline (l. 118, 596, 622, 646-659; `planner.timeline`) ---
MAX_SERVICE_MONTHS = 18  # "Maksimiaika sosiaaliselle kuntoutukselle on 18 kk" (l. 118)
DECISION_MONTHS = 6  # "Päätökset tehdään kuudeksi kuukaudeksi kerrallaan" (l. 596)
FIRST_EVALUATION_MONTHS = 3  # "kolmen kuukauden päästä ... aloituksesta" (l. 646)
JOINT_EVALUATION_MONTHS = 6  # "kuuden kuukauden välein yhteiseen väliarviointi..." (l. 650)
EVALUATION_NOTICE_DAYS = 14  # the counsellor is reminded this far ahead (a setting)
RETENTION_MONTHS = MAX_SERVICE_MONTHS
"""The county's retention rule for planning data (`planner purge`): a client's rows are kept
as long as the service itself may last, 18 months (l. 118), after their last place ended.
The handbook sets no retention period of its own; l. 596 is the six-month decision, not it."""

# --- Feedback from groups (l. 527, 529; `planner.feedback`) ---
FEEDBACK_LINES = "527, 529"
"""Client feedback is anonymous, on a questionnaire after THL's national client-feedback
measure (l. 527); group leaders collect it and evaluate the group at its end (l. 529)."""
FEEDBACK_MIN_ANSWERS = 3
"""A group's feedback is shown only from this many answers on, so that no answer of a small
group can be singled out: the questionnaire is anonymous (l. 527)."""
FEEDBACK_ROUND_DAYS = 14  # a round closes this many days after it opens (a setting)
FEEDBACK_ANSWERS_PER_SEAT = 3  # a round takes at most this many answers per seat of the group


# --- The team's tracked figures (l. 537-543; `planner.store.figures`) ---
# "seurataan ... asiakasmäärää yksilötyössä ja ryhmätoiminnassa, päättymissyitä, jatkopolkuja"
# (l. 539-541): clients are counted per reporting period, each client once.
FIGURE_PLACE_HELD = ("active", "cancelled", "group_cancelled", "moved", "dropped")
"""Statuses of an enrolment row that held a seat (a waiting one that left is `withdrawn`)."""
FIGURE_WAITING = ("waiting", "withdrawn")
"""Statuses of an enrolment row that only waited for a seat."""
ENDING_REASONS = ("moved_to_work", "studies", "other_service", "dropped_out", "other")
"""Why a client's place, or their service, ends (tracked figures, l. 542)."""
FOLLOW_UP_PATHS = (
    "work",
    "work_trial",
    "studies",
    "workshop",
    "rehabilitation",
    "other_service",
    "expert_by_experience_training",
    "individual_work",
    "none",
)
"""Where a client goes next (tracked figures, l. 543; paths named in l. 114, 188, 811)."""
FOLLOW_UP_OF_REASON = {
    "moved_to_work": "work",
    "studies": "studies",
    "other_service": "other_service",
}
"""The follow-up path a reason implies, when none is given."""


def overlaps_period(since: dt.date, ended: dt.date | None, start: dt.date, end: dt.date) -> bool:
    """A place (or a wait) from `since` to `ended` (None: still on) touches the reporting
    period `start`..`end`, both days included: the client is counted in the period if they
    held it at any time in it (l. 539)."""
    return since <= end and (ended is None or ended >= start)


LANGS = ("fi", "sv", "en")
DAY_MIN = 24 * 60

_HANDBOOK = {
    "fi": "käsikirja r. {lines}",
    "sv": "handboken r. {lines}",
    "en": "handbook l. {lines}",
}

# Handbook lines that texts cite where the line is not (all of) a rule's own: format them with
# `handbook_source`, never type the number into a text.
SESSION_HOURS_LINE = "361"  # 2-4 hours a session (the session_length rule also cites l. 120)
LEADERS_IN_GROUP_LINE = "363"  # at most two leaders (the two_leaders rule is l. 363-364)
ENDING_REASON_LINE = "542"  # why a client's place ends, a tracked figure (l. 537-543)
FOLLOW_UP_LINE = "543"  # where the client goes next, a tracked figure
HUB_LINE = "434"  # clients may be met at a hub (solmukohta) instead of at home
TRAVEL_COSTS_LINES = "126, 598-602"  # travel costs by the cheapest reasonable way
MAX_SERVICE_LINE = "118"  # the service lasts at most 18 months (also the retention rule)
DECISION_LINE = "596"  # the counsellor's decision covers six months at a time
FIRST_EVALUATION_LINES = "622, 646"  # booked at the first meeting, held after three months
JOINT_EVALUATION_LINES = "650, 659"  # every six months; the counsellor decides on continuing


def handbook_source(lines: str, lang: str = "en") -> str:
    """A citation of handbook lines in `lang`: "handbook l. 434", "käsikirja r. 434"."""
    return _HANDBOOK.get(lang, _HANDBOOK["en"]).format(lines=lines)


# Where a rule comes from when it is not a line of the handbook.
_BASES: dict[str, Mapping[str, str]] = {
    "pins": {
        "fi": "koordinaattorin kiinnitykset",
        "sv": "koordinatorns fastlåsningar",
        "en": "coordinator's pins",
    },
    "opening_hours": {
        "fi": "toimitilan aukioloajat",
        "sv": "lokalens öppettider",
        "en": "venue opening hours",
    },
    "rooms": {"fi": "toimitilan huoneet", "sv": "lokalens rum", "en": "venue rooms"},
    "capacity": {"fi": "toimitilan koko", "sv": "lokalens kapacitet", "en": "venue capacity"},
    "working_days": {
        "fi": "työntekijän työpäivät",
        "sv": "de anställdas arbetsdagar",
        "en": "staff working days",
    },
    "one_place": {
        "fi": "yksi ihminen, yksi paikka",
        "sv": "en person, en plats",
        "en": "one person, one place",
    },
    "client_days": {"fi": "asiakkaan päivät", "sv": "klientens dagar", "en": "client's days"},
    "client_limit": {
        "fi": "asiakkaan enimmäismäärä",
        "sv": "klientens gräns",
        "en": "client's limit",
    },
    "season_data": {"fi": "kauden tiedot", "sv": "säsongens data", "en": "season data"},
    "grid": {"fi": "suunnitteluruudukko", "sv": "planeringsrutnät", "en": "planning grid"},
    "even_week": {
        "fi": "tasainen viikko",
        "sv": "en jämn vecka",
        "en": "an even week",
    },
    "planning_aims": {
        "fi": "suunnittelun tavoitteet",
        "sv": "planeringens mål",
        "en": "planning aims",
    },
    "consistency": {
        "fi": "suunnitelman eheys",
        "sv": "planens konsekvens",
        "en": "plan consistency",
    },
}


@dataclass(frozen=True, slots=True)
class Rule:
    """A hard rule as users see it: a key, a readable name, and where it comes from.

    `lines` are the handbook's lines ("363-364"); a rule that is not the handbook's (a pin,
    a venue's opening hours) names its `basis` instead. `model=False` marks a rule about the
    plan's shape that the model holds by construction (one placement per group, the grid).
    """

    key: str
    names: Mapping[str, str]
    lines: str | None = None
    basis: str | None = None
    model: bool = True

    def name(self, lang: str = "en") -> str:
        return self.names.get(lang) or self.names["en"]

    def source(self, lang: str = "en") -> str:
        if self.lines is not None:
            return handbook_source(self.lines, lang)
        basis = _BASES[self.basis or ""]
        return basis.get(lang) or basis["en"]

    def label(self, lang: str = "en") -> str:
        """ "Two leaders from 5 participants (handbook l. 363-364)"."""
        return f"{self.name(lang)} ({self.source(lang)})"


def _rule(key: str, en: str, fi: str, sv: str, **where: object) -> Rule:
    return Rule(key, {"fi": fi, "sv": sv, "en": en}, **where)  # type: ignore[arg-type]


RULES: dict[str, Rule] = {
    r.key: r
    for r in (
        _rule(
            "known_ids",
            "Ids known in the season",
            "Tunnisteet löytyvät kauden tiedoista",
            "Id:n finns i säsongens data",
            basis="season_data",
            model=False,
        ),
        _rule(
            "session_grid",
            "Sessions start on the half hour, Mon-Fri",
            "Kokoontumiset alkavat tasalta tai puolelta, ma–pe",
            "Träffarna börjar på hel eller halv timme, mån–fre",
            basis="grid",
            model=False,
        ),
        _rule(
            "session_length",
            "Sessions last the group's hours, 2-4 hours",
            "Kokoontuminen kestää ryhmän tunnit, 2–4 tuntia",
            "Träffen varar gruppens timmar, 2–4 timmar",
            lines="361, 120",
        ),
        _rule(
            "one_placement",
            "Once a week: one placement per group",
            "Kerran viikossa: ryhmällä yksi paikka viikossa",
            "En gång i veckan: en placering per grupp",
            lines="361",
            model=False,
        ),
        _rule(
            "term",
            "A plan and a fixed term unless pop-up",
            "Suunnitelma ja määräaika, ellei ryhmä ole pop up -ryhmä",
            "En plan och en fast period, om gruppen inte är en pop up-grupp",
            lines="366",
        ),
        _rule(
            "pins",
            "Pinned day, time, venue and leaders kept",
            "Kiinnitetty päivä, aika, toimitila ja ohjaajat pidetään",
            "Fastlåst dag, tid, lokal och ledare hålls",
            basis="pins",
        ),
        _rule(
            "venue_mode",
            "In-person and hybrid groups at a venue, remote ones without",
            "Lähi- ja hybridiryhmät toimitilassa, etäryhmät ilman",
            "När- och hybridgrupper i en lokal, distansgrupper utan",
            lines="345",
        ),
        _rule(
            "venue_municipality",
            "Venue in the group's municipality",
            "Toimitila ryhmän kunnassa",
            "Lokalen i gruppens kommun",
            lines="409, 422",
        ),
        _rule(
            "venue_open",
            "Venue open during the session",
            "Toimitila on auki kokoontumisen ajan",
            "Lokalen är öppen under träffen",
            basis="opening_hours",
        ),
        _rule(
            "venue_rooms",
            "No more groups at a venue at once than it has rooms",
            "Toimitilassa ei ole yhtä aikaa enempää ryhmiä kuin siinä on huoneita",
            "Inte fler grupper samtidigt i en lokal än den har rum",
            basis="rooms",
        ),
        _rule(
            "capacity",
            "Participants and leaders fit in the venue",
            "Osallistujat ja ohjaajat mahtuvat toimitilaan",
            "Deltagare och ledare ryms i lokalen",
            basis="capacity",
        ),
        _rule(
            "accessible",
            "Accessible venue for those who need it",
            "Esteetön toimitila sitä tarvitseville",
            "Tillgänglig lokal för dem som behöver det",
            lines="416",
        ),
        _rule(
            "size",
            "Group size 3-10 persons, within the group's own limits",
            "Ryhmäkoko 3–10 henkilöä ryhmän omissa rajoissa",
            "Gruppstorlek 3–10 personer, inom gruppens egna gränser",
            lines="362",
        ),
        _rule(
            "drop_in",
            "Nobody is placed in a drop-in pop-up group: visitors just come",
            "Avoimeen pop up -ryhmään ei sijoiteta ketään: kävijät tulevat ilman ilmoittautumista",
            "Ingen placeras i en öppen pop up-grupp: besökarna kommer utan anmälan",
            lines="355",
            model=False,
        ),
        _rule(
            "two_leaders",
            "Two leaders from 5 participants",
            "Kaksi ohjaajaa 5 osallistujasta alkaen",
            "Två ledare från 5 deltagare",
            lines="363-364",
        ),
        _rule(
            "qualified_leader",
            "A qualified staff leader in every group",
            "Jokaisessa ryhmässä pätevä työntekijä ohjaajana",
            "En behörig anställd som ledare i varje grupp",
            lines="365",
        ),
        _rule(
            "leader_language",
            "Leaders speak the group's language",
            "Ohjaajat puhuvat ryhmän kieltä",
            "Ledarna talar gruppens språk",
            lines="370",
        ),
        _rule(
            "leader_days",
            "Leaders lead only on their working days",
            "Ohjaajat ohjaavat vain työpäivinään",
            "Ledarna leder bara på sina arbetsdagar",
            basis="working_days",
        ),
        _rule(
            "partner_municipality",
            "Partners lead only where they work",
            "Yhteistyökumppanit ohjaavat vain toiminta-alueellaan",
            "Samarbetspartner leder bara där de verkar",
            lines="377",
        ),
        _rule(
            "person_overlap",
            "Nobody leads two sessions at once",
            "Kukaan ei ohjaa kahta kokoontumista yhtä aikaa",
            "Ingen leder två träffar samtidigt",
            basis="one_place",
        ),
        _rule(
            "travel_gap",
            "Time to travel between sessions on the same day",
            "Saman päivän kokoontumisten välissä on aikaa matkustaa",
            "Tid att resa mellan träffar samma dag",
            lines="428-429",
        ),
        _rule(
            "weekly_hours",
            "Weekly group hours within the staff member's share",
            "Viikon ryhmätunnit työntekijän osuuden rajoissa",
            "Veckans grupptimmar inom den anställdas andel",
            lines="120, 304, 379",
        ),
        _rule(
            "participant_language",
            "Participants manage in the group's language",
            "Osallistujat pärjäävät ryhmän kielellä",
            "Deltagarna klarar sig på gruppens språk",
            lines="370",
        ),
        _rule(
            "participant_audience",
            "Targeted groups only for their audience",
            "Kohdennetut ryhmät vain kohderyhmälleen",
            "Riktade grupper bara för sin målgrupp",
            lines="352",
        ),
        _rule(
            "participant_days",
            "Participants can come on the group's day",
            "Osallistujat pääsevät ryhmän päivänä",
            "Deltagarna kan komma på gruppens dag",
            basis="client_days",
        ),
        _rule(
            "participant_travel",
            "On site within the client's travel time",
            "Paikan päällä asiakkaan matka-ajan rajoissa",
            "På plats inom klientens restid",
            lines="409, 422",
        ),
        _rule(
            "remote_consent",
            "Remote participation only as agreed with the client, in hybrid and remote groups",
            "Etäosallistuminen vain asiakkaan kanssa sovitusti, hybridi- ja etäryhmissä",
            "Deltagande på distans bara enligt överenskommelse med klienten, i hybrid- och "
            "distansgrupper",
            lines="456, 469, 473-474",
        ),
        _rule(
            "max_groups",
            "A client in at most max_groups groups, once each",
            "Asiakas enintään sallitussa määrässä ryhmiä, kussakin kerran",
            "En klient i högst tillåtet antal grupper, en gång i varje",
            basis="client_limit",
        ),
        _rule(
            "client_overlap",
            "A client in one session at a time",
            "Asiakas yhdessä kokoontumisessa kerrallaan",
            "En klient på en träff åt gången",
            basis="one_place",
        ),
        _rule(
            "scheduled_only",
            "Only scheduled groups have participants",
            "Osallistujia vain aikataulutetuissa ryhmissä",
            "Deltagare bara i schemalagda grupper",
            basis="consistency",
            model=False,
        ),
    )
}
"""Every hard rule of a plan, in the order the validator reports them."""

MODEL_RULES = tuple(k for k, r in RULES.items() if r.model)
"""The rules the CP-SAT model states as constraints (the rest hold by its construction)."""


SKILLS_MIN = 90
"""What a group led by nobody whose skills match its theme weighs, in minutes of staff
travel (when a candidate leader's skills do match)."""
SPREAD_MIN = 120
"""What one group beyond a municipality's fair share of a weekday weighs, in minutes."""
LEADER_SPREAD_MIN = 30
"""What a staff member's second (third, ...) group on one weekday weighs, in minutes."""

SOFT_RULES: dict[str, Rule] = {
    r.key: r
    for r in (
        _rule(
            "scheduled_groups",
            "As many groups as can run",
            "Mahdollisimman moni ryhmä toteutuu",
            "Så många grupper som kan genomföras",
            basis="planning_aims",
        ),
        _rule(
            "changes",
            "When re-planning, as few changes as possible",
            "Uudelleensuunnittelussa mahdollisimman vähän muutoksia",
            "Vid omplanering så få ändringar som möjligt",
            basis="planning_aims",
        ),
        _rule(
            "placed_clients",
            "As many clients placed as possible, in the groups they wish for",
            "Mahdollisimman moni asiakas ryhmään, jota hän toivoo",
            "Så många klienter som möjligt i de grupper de önskar",
            basis="planning_aims",
        ),
        _rule(
            "leader_skills",
            "Leaders whose skills match the group's theme",
            "Ohjaajan osaaminen vastaa ryhmän teemaa",
            "Handledarens kunnande motsvarar gruppens tema",
            lines="375",
        ),
        _rule(
            "weekday_spread",
            "Groups spread over the week, per municipality and per leader",
            "Ryhmät jakautuvat viikon päiville kunnittain ja ohjaajittain",
            "Grupperna fördelas över veckan per kommun och per handledare",
            basis="even_week",
        ),
        _rule(
            "staff_travel",
            "Short journeys for the staff",
            "Työntekijöiden matkat lyhyinä",
            "Korta resor för personalen",
            lines=TRAVEL_COSTS_LINES,
        ),
        _rule(
            "staff_load",
            "Staff workloads even",
            "Työntekijöiden kuormitus tasainen",
            "Jämn arbetsbelastning för personalen",
            basis="planning_aims",
        ),
        _rule(
            "client_travel",
            "Short journeys for the clients",
            "Asiakkaiden matkat lyhyinä",
            "Korta resor för klienterna",
            lines=TRAVEL_COSTS_LINES,
        ),
    )
}
"""What makes one valid plan better than another, most important first: the solver's
objective (`planner.solve.objective`) has one term per rule, in this order of priority."""


_WITH_PLAN = {
    "fi": "muun suunnitelman kanssa",
    "sv": "tillsammans med resten av planen",
    "en": "with the rest of the plan",
}


def rule_label(key: str, lang: str = "en") -> str:
    """A rule's name and source in `lang`; an unknown key reads as itself."""
    rule = RULES.get(key)
    return rule.label(lang) if rule is not None else key


def rule_phrase(key: str, lang: str = "en", *, with_plan: bool = False) -> str:
    """A rule as part of a sentence: "two leaders from 5 participants (handbook l. 363-364)",
    optionally "... (with the rest of the plan)" when it binds against the other groups."""
    label = rule_label(key, lang)
    text = label[:1].lower() + label[1:]
    return f"{text} ({_WITH_PLAN.get(lang, _WITH_PLAN['en'])})" if with_plan else text


# --- Predicates (pure; shared by the model's filters, the finder, the baseline, enrolment) ---


def session_hours_ok(hours: float) -> bool:
    """Rule session_length: 2-4 hours (l. 361)."""
    return MIN_SESSION_HOURS <= hours <= MAX_SESSION_HOURS


def session_length_ok(group: Group) -> bool:
    """Rule session_length for a group: its hours within 2-4 and within a day."""
    return session_hours_ok(group.hours) and 0 < group.minutes <= DAY_MIN


def term_ok(group: Group) -> bool:
    """Rule term: a fixed term (weeks) unless the group is a pop-up (l. 366)."""
    return group.weeks is not None or group.kind in TERMLESS_KINDS


def size_ok(n: int) -> bool:
    return MIN_GROUP_SIZE <= n <= MAX_GROUP_SIZE


def is_drop_in(group: Group) -> bool:
    """A low-threshold open pop-up group: no enrolment, a head count per session (l. 355, 366)."""
    return group.drop_in and group.kind in DROP_IN_KINDS


def enrols(group: Group) -> bool:
    """Whether a group takes participants by name: every group but a drop-in pop-up (l. 355)."""
    return not is_drop_in(group)


def expected_visitors(group: Group, head_counts: Iterable[int] = ()) -> int:
    """How many a drop-in group expects at a session: the largest of its last
    `RECENT_HEAD_COUNTS` head counts (oldest first), or its maximum size with none (l. 363-364)."""
    return visitors_expected(group.max_size, head_counts)


def visitors_expected(max_size: int, head_counts: Iterable[int] = ()) -> int:
    """`expected_visitors` from a group's maximum size and its head counts, oldest first."""
    recent = list(head_counts)[-RECENT_HEAD_COUNTS:]
    if recent:
        return max(recent)
    return min(max_size, MAX_GROUP_SIZE)


def group_leaders_needed(group: Group, participants: int, head_counts: Iterable[int] = ()) -> int:
    """Rule two_leaders for a group: by its participants, or for a drop-in group by the
    visitors it expects (`expected_visitors`; l. 363-364)."""
    if is_drop_in(group):
        return leaders_needed(expected_visitors(group, head_counts))
    return leaders_needed(participants)


def size_limits(group: Group) -> tuple[int, int]:
    """Rule size: the participant range a group may have, its own limits within 3-10.

    A drop-in pop-up group runs without the minimum: it may have from 0 enrolled (l. 355, 366).
    """
    high = min(group.max_size, MAX_GROUP_SIZE)
    if is_drop_in(group):
        return 0, high
    return max(group.min_size, MIN_GROUP_SIZE), high


def venue_in_municipality(group: Group, venue: Venue) -> bool:
    """Rule venue_municipality (a pinned venue may lie elsewhere)."""
    return venue.municipality == group.municipality or venue.venue_id == group.venue_id


def pins_allow_venue(group: Group, venue_id: str) -> bool:
    return group.venue_id is None or venue_id == group.venue_id


def pins_allow_day(group: Group, weekday: int) -> bool:
    return group.weekday is None or weekday == group.weekday


def pins_allow_start(group: Group, start: int) -> bool:
    return group.start is None or start == group.start


def speaks(language: str, languages: Iterable[str]) -> bool:
    """Rules leader_language and participant_language: no interpreter (l. 370)."""
    return language in languages


def leader_speaks(group: Group, person: Leader) -> bool:
    return speaks(group.language, person.languages)


def client_speaks(group: Group, client: Client) -> bool:
    return speaks(group.language, client.languages)


def audience_fits(group: Group, audience: Iterable[str]) -> bool:
    """Rule participant_audience: a targeted group only for those it targets (l. 352)."""
    return group.is_open_to_all or group.audience in audience


def client_in_audience(group: Group, client: Client) -> bool:
    return audience_fits(group, client.audience)


def may_join_remotely(group: Group, client: Client) -> bool:
    """A client who has agreed to take part remotely (l. 456, 469, 473-474), in a group that
    can be joined remotely: hybrid or remote."""
    return client.remote and group.mode in ("hybrid", "remote")


def remote_allowed(group: Group, client: Client) -> bool:
    """Rule remote_consent: a remote group only for clients who agreed to take part remotely."""
    return group.mode != "remote" or client.remote


def may_join(group: Group, client: Client) -> bool:
    """A client the group's language, audience and way of meeting allow (days and travel
    come on top); nobody joins a drop-in group by name (rule drop_in, l. 355)."""
    return (
        enrols(group)
        and client_speaks(group, client)
        and client_in_audience(group, client)
        and remote_allowed(group, client)
    )


def travel_binds(group: Group, client: Client) -> bool:
    """Rules participant_travel and accessible bind on site: always, unless the client has
    agreed to join this (hybrid or remote) group remotely. A remote participation nobody
    agreed to is never a way round a travel limit."""
    return not may_join_remotely(group, client)


PARTICIPATION_MODES = ("on_site", "remote")


def participation_mode(group: Group, client: Client, on_site_ok: bool) -> str:
    """How a participant takes part: remote in a remote group; in a hybrid group on site
    when the venue is within reach and accessible enough (`on_site_ok`), else remotely when
    the client agreed to it; on site otherwise."""
    if group.mode == "remote":
        return "remote"
    if group.mode == "hybrid" and client.remote and not on_site_ok:
        return "remote"
    return "on_site"


def works_on(person: Leader, weekday: int) -> bool:
    """Rule leader_days: a leader leads only on their working days."""
    return weekday in person.days


def skills_match(group: Group, person: Leader) -> bool:
    """Soft rule leader_skills: the group's theme is among the leader's skills (l. 375:
    "the staff's special skills and strengths are taken into account")."""
    theme = group.theme.casefold()
    return bool(theme) and any(skill.casefold() == theme for skill in person.skills)


def partner_may_lead(group: Group, person: Leader) -> bool:
    """Rule partner_municipality: a partner leads only where they work (l. 377)."""
    return person.is_staff or group.municipality in person.municipalities


def is_qualified_staff(person: Leader) -> bool:
    """Rule qualified_leader: a qualified social-welfare professional of the team (l. 365)."""
    return person.is_staff and person.qualified


def weekly_cap_min(person: Leader) -> int | None:
    """Rule weekly_hours: a staff member's weekly minutes for group work; partners have none."""
    return round(person.max_group_hours * 60) if person.is_staff else None


def travel_mode(person: Leader) -> str:
    """How a leader moves between venues (rule travel_gap): staff without a car by transit."""
    return "transit" if person.is_staff and not person.car else "car"


def leaders_needed(participants: int) -> int:
    """Rule two_leaders: how many leaders a group of this size needs (l. 363-364)."""
    return 1 if participants < SMALL_GROUP_BELOW else LEADERS_IN_GROUP


def leader_team_problem(participants: int, leaders: Iterable[tuple[bool, bool]]) -> str | None:
    """Why a leader team breaks the handbook, or None when it is fine.

    `leaders` holds one `(is_staff, qualified)` pair per leader. The rules: one or two
    leaders; a single leader only below 5 participants (two_leaders); at least one qualified
    staff member, so a partner always works beside a qualified social-welfare professional
    (qualified_leader).
    """
    team = list(leaders)
    if not team:
        return "no leader"
    if len(team) > LEADERS_IN_GROUP:
        return f"{len(team)} leaders, at most {LEADERS_IN_GROUP}"
    if len(team) < leaders_needed(participants):
        return f"{participants} participants need two leaders ({RULES['two_leaders'].source()})"
    if not any(is_staff and qualified for is_staff, qualified in team):
        return f"no qualified staff leader ({RULES['qualified_leader'].source()})"
    return None
