"""How a client's interests meet a group's theme, kind, mode and time of day.

Interests are free words ("dogs", "metalwork", "piano") next to theme codes ("nature").
A theme matches when its code is among the interests; it is related when an interest is a
word the handbook's cases tie to that theme (Marja's dogs and forest walks -> nature,
Tauno's old cars and metalwork -> men's functional group, Elina's drawing -> art and culture).
Interests can also ask for a way of meeting: "popup" (Kimmo's low-threshold open groups),
"hybrid", "remote", and a time of day ("evenings": Kimmo goes out at night).
"""

from __future__ import annotations

from dataclasses import dataclass

_NATURE = ("outdoors", "forest", "forest_walks", "walking", "hiking", "animals", "dogs", "cats")
_ART = ("art", "culture", "drawing", "painting", "music", "piano", "crafts", "sewing", "kites")
_MAKING = ("sports", "exercise", "metalwork", "cars", "woodwork", "cycling", "crafts")
_LANGUAGE = ("language", "finnish", "swedish", "foreign_language", "language_practice")

RELATED: dict[str, frozenset[str]] = {
    theme: frozenset(words)
    for theme, words in {
        "nature": (*_NATURE, "gardening", "fishing"),
        "animals": ("dogs", "cats", "horses", "pets", "nature", "outdoors"),
        "art_culture": (*_ART, "photography", "theatre", "films", "reading"),
        "music": ("piano", "guitar", "singing", "art", "culture", "art_culture"),
        "photography": ("photos", "art", "art_culture", "drawing", "painting"),
        "digital": ("computers", "gaming", "it", "internet", "phones"),
        "functional": (*_MAKING, "functional_men"),
        "functional_men": (*_MAKING, "functional"),
        "language_practice": _LANGUAGE,
        "foreign_language": _LANGUAGE,
        "cooking": ("baking", "food"),
        "wellbeing": ("relaxation", "health", "mindfulness", "life_skills"),
        "life_skills": ("everyday_skills", "independence", "wellbeing"),
        "peer_women": ("peer_support", "peer"),
        "peer_men": ("peer_support", "peer"),
        "nepsy": ("neuropsychiatric", "adhd", "autism"),
    }.items()
}
"""Theme -> interest words close to it (theme codes of neighbouring themes included)."""

POPUP_WORDS = frozenset({"popup", "pop_up", "low_threshold", "open_groups", "drop_in"})
HYBRID_WORDS = frozenset({"hybrid"})
REMOTE_WORDS = frozenset({"remote", "online", "distance"})
EVENING_WORDS = frozenset({"evenings", "evening", "afternoons", "late"})
MORNING_WORDS = frozenset({"mornings", "morning"})
LATE_FROM = 15 * 60
"""A session starting at 15:00 or later counts as late in the day (groups end by 20:00)."""
MORNING_UNTIL = 12 * 60


@dataclass(frozen=True, slots=True)
class ThemeFit:
    """How a theme meets the interests: `exact`, `related` (with the interest word) or none."""

    level: str  # "exact", "related" or ""
    interest: str = ""


def theme_fit(theme: str, interests: frozenset[str]) -> ThemeFit:
    if theme in interests:
        return ThemeFit("exact", theme)
    close = RELATED.get(theme, frozenset()) & interests
    if close:
        return ThemeFit("related", min(close))
    return ThemeFit("")


def wants_format(kind: str, mode: str, interests: frozenset[str]) -> str:
    """The way of meeting the client asked for that this group offers: "popup", "hybrid",
    "remote" or ""."""
    if kind == "popup" and interests & POPUP_WORDS:
        return "popup"
    if mode == "hybrid" and interests & (HYBRID_WORDS | REMOTE_WORDS):
        return "hybrid"
    if mode == "remote" and interests & REMOTE_WORDS:
        return "remote"
    return ""


def time_of_day_fit(start: int, interests: frozenset[str]) -> str:
    """ "evening" or "morning" when the session's start suits a wished time of day."""
    if start >= LATE_FROM and interests & EVENING_WORDS:
        return "evening"
    if start < MORNING_UNTIL and interests & MORNING_WORDS:
        return "morning"
    return ""
