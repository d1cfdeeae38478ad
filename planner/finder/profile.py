"""Who the group is for: a client's `Profile`, from a stored client or from typed-in answers.

A worker sitting with a client either picks the client's record (`profile_from_client`) or
describes them on the spot (`parse_profile_args`, what `planner find --municipality ...` takes).
Bad answers raise `ProfileError` with a one-line message that never echoes a client code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from planner.io.fields import (
    FieldError,
    parse_choice,
    parse_days,
    parse_languages,
    parse_postal_code,
    split_list,
)
from planner.model import Client, Season
from planner.rules import TRAVEL_MODES

ALL_WEEKDAYS = (0, 1, 2, 3, 4)
MAX_TRAVEL_LIMIT_MIN = 240
SMALL_GROUP_WORDS = frozenset({"small_groups", "small_group", "avoids_crowds", "no_crowds"})
"""Interests that say the client wants a small group (Tauno "avoids crowds", l. 818-847)."""

TRAVEL_ALIASES = {
    "bus": "transit",
    "train": "transit",
    "public": "transit",
    "publictransport": "transit",
    "julkinen": "transit",
    "julkiset": "transit",
    "joukkoliikenne": "transit",
    "kollektivtrafik": "transit",
    "auto": "car",
    "omaauto": "car",
    "bil": "car",
    "kyyti": "ride",
    "työauto": "ride",
    "skjuts": "ride",
    "workcar": "ride",
}


class ProfileError(ValueError):
    """A client description the finder cannot use; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class Profile:
    """What the finder needs to know about a client. Weekdays are 0-4 (Mon-Fri)."""

    municipality: str
    languages: tuple[str, ...]
    interests: tuple[str, ...] = ()
    audience: tuple[str, ...] = ()
    days: tuple[int, ...] = ALL_WEEKDAYS
    travel: str = "transit"
    max_travel_min: int = 60
    needs_accessible: bool = False
    prefers_small: bool = False
    client_code: str | None = None
    wishes: tuple[str, ...] = ()  # ranked group ids, the client's own
    remote: bool = False  # agreed to take part remotely (l. 456, 469, 473-474)
    audience_known: bool = True
    """False when the worker did not say whom the client is (a description with no audience
    tag): targeted groups are then offered with whom they are meant for, not filtered out."""
    postal_code: str = ""
    """The client's postal code: trips start from its area's centre when the season has it."""

    def __post_init__(self) -> None:
        if self.travel not in TRAVEL_MODES:
            raise ProfileError(
                f"unknown travel mode {self.travel!r} (one of {', '.join(TRAVEL_MODES)})"
            )
        if not self.days or any(d not in ALL_WEEKDAYS for d in self.days):
            raise ProfileError("days must be weekdays Mon-Fri (0-4), at least one")
        if not 0 < self.max_travel_min <= MAX_TRAVEL_LIMIT_MIN:
            raise ProfileError(
                f"travel limit must be 1-{MAX_TRAVEL_LIMIT_MIN} minutes, not {self.max_travel_min}"
            )
        if not self.languages:
            raise ProfileError("name at least one language the client manages (e.g. fi)")


def normalise_interest(word: str) -> str:
    """ "Pop-up", "forest walks" -> "pop_up", "forest_walks": the form interests are kept in."""
    return re.sub(r"[\s-]+", "_", word.strip().lower())


def profile_from_client(client: Client) -> Profile:
    """The profile of a client in the season's `clients` table."""
    interests = tuple(normalise_interest(i) for i in client.interests)
    return Profile(
        municipality=client.municipality,
        languages=client.languages,
        interests=interests,
        audience=client.audience,
        days=client.days,
        travel=client.travel,
        max_travel_min=client.max_travel_min,
        needs_accessible=client.needs_accessible,
        prefers_small=bool(SMALL_GROUP_WORDS.intersection(interests)),
        client_code=client.client_code,
        wishes=client.wishes,
        remote=client.remote,
        postal_code=client.postal_code,
    )


def client_profile(season: Season, client_code: str) -> Profile:
    """The profile of the client with this code (`planner find --client CODE`)."""
    client = season.client.get(client_code.strip())
    if client is None:
        # The typed code is not repeated: it may be a name typed by mistake.
        raise ProfileError("no client with that code in the season")
    return profile_from_client(client)


def parse_municipality(text: str, season: Season) -> str:
    """A municipality code ("049", or "49" that lost its zero) or its Finnish or Swedish name."""
    t = text.strip()
    if t.isdigit() and t.zfill(3) in season.municipality:
        return t.zfill(3)
    for m in season.municipalities:
        if t.casefold() in (m.name_fi.casefold(), m.name_sv.casefold()):
            return m.code
    known = ", ".join(m.name_fi for m in season.municipalities)
    raise ProfileError(f"unknown municipality {t!r} (one of {known}, or its code)")


def parse_travel(text: str) -> str:
    """`car`, `transit` or `ride`; a few everyday words in fi/sv/en are accepted too."""
    key = re.sub(r"[\s_-]", "", text.strip().lower())
    key = TRAVEL_ALIASES.get(key, key)
    try:
        return parse_choice(key, TRAVEL_MODES, "travel mode")
    except FieldError as exc:
        raise ProfileError(
            f"unknown travel mode {text.strip()!r} (one of {', '.join(TRAVEL_MODES)})"
        ) from exc


def parse_profile_args(
    municipality: str,
    language: str,
    interests: str,
    days: str,
    travel: str,
    max_travel_min: int,
    needs_accessible: bool,
    season: Season,
    *,
    audience: str = "",
    prefers_small: bool = False,
    remote: bool = False,
    postal_code: str = "",
) -> Profile:
    """A profile from the answers a worker types in (the `planner find` options).

    `language`, `interests`, `audience` are ';'-separated lists; `days` takes "Mon;Wed",
    "Mon-Thu", "ma-ke" or "" (every weekday); `postal_code` ("" for none) places the client's
    home at its area's centre when the season has it. Raises `ProfileError` on anything
    unusable.
    """
    try:
        languages = parse_languages(language)
        weekdays = parse_days(days) if days.strip() else ALL_WEEKDAYS
        postal = parse_postal_code(postal_code.strip()) if postal_code.strip() else ""
    except FieldError as exc:
        raise ProfileError(exc.message) from exc
    words = tuple(dict.fromkeys(normalise_interest(w) for w in split_list(interests)))
    return Profile(
        municipality=parse_municipality(municipality, season),
        languages=languages,
        interests=words,
        audience=tuple(normalise_interest(a) for a in split_list(audience)),
        audience_known=bool(split_list(audience)),
        days=weekdays,
        travel=parse_travel(travel),
        max_travel_min=int(max_travel_min),
        needs_accessible=bool(needs_accessible),
        prefers_small=prefers_small or bool(SMALL_GROUP_WORDS.intersection(words)),
        remote=bool(remote),
        postal_code=postal,
    )
