"""The handbook's rules of group work, stated once.

Line numbers refer to the Finnish handbook (`shared/seeds/001_8086551e1e4f6083.txt`,
"Sosiaalinen kuntoutus TEP:issä", LUVN 2024). Everything that checks or plans a group asks
here rather than repeating a number.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

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

# --- The process around a group (l. 379) ---
# Counsellor + leader meet the client before and after; the leader writes a summary.
# Planned as an allowance of leader time around each weekly session (a setting).
DEFAULT_SESSION_ALLOWANCE_MIN = 30

# --- Clients ---
TRAVEL_MODES = ("car", "transit", "ride")  # own car, public transport, the team's work car


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule as users see it: a key, a readable name and where the handbook says it."""

    key: str
    name: str
    source: str


RULES: dict[str, Rule] = {
    r.key: r
    for r in (
        Rule("weekly", "One session a week, 2-4 hours", "handbook l. 361"),
        Rule("size", "Group size 3-10 persons", "handbook l. 362"),
        Rule("two_leaders", "Two leaders; one only under 5 participants", "handbook l. 363-364"),
        Rule("qualified_leader", "A qualified staff leader in every group", "handbook l. 365"),
        Rule("language", "Groups run in Finnish or Swedish, no interpreter", "handbook l. 370"),
        Rule("term", "A plan and a fixed term unless pop-up", "handbook l. 366"),
        Rule("accessible", "Accessible venue for those who need it", "handbook l. 416"),
    )
}


def session_hours_ok(hours: float) -> bool:
    return MIN_SESSION_HOURS <= hours <= MAX_SESSION_HOURS


def size_ok(n: int) -> bool:
    return MIN_GROUP_SIZE <= n <= MAX_GROUP_SIZE


def leaders_needed(participants: int) -> int:
    """How many leaders must be present for a group of this size (l. 363-364)."""
    return 1 if participants < SMALL_GROUP_BELOW else LEADERS_IN_GROUP


def leader_team_problem(participants: int, leaders: Iterable[tuple[bool, bool]]) -> str | None:
    """Why a leader team breaks the handbook, or None when it is fine.

    `leaders` holds one `(is_staff, qualified)` pair per leader. The rules: one or two
    leaders; a single leader only below 5 participants; at least one qualified staff member
    (so a partner always works beside a qualified social-welfare professional, l. 365).
    """
    team = list(leaders)
    if not team:
        return "no leader"
    if len(team) > LEADERS_IN_GROUP:
        return f"{len(team)} leaders, at most {LEADERS_IN_GROUP}"
    if len(team) < leaders_needed(participants):
        return f"{participants} participants need two leaders (l. 363-364)"
    if not any(is_staff and qualified for is_staff, qualified in team):
        return "no qualified staff leader (l. 365)"
    return None
