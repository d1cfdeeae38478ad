"""Why a ride request was not served, in Finnish, Swedish and English (the catalogue's
`routing.drop.*` texts).

A `DropReason` carries its sentence in every language, made once from the season's names,
so the run sheet speaks the page's language and the command line prints English (`str`).
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.i18n import LANGUAGES, t
from planner.model import Season, hhmm


@dataclass(frozen=True)
class DropReason:
    key: str
    texts: tuple[tuple[str, str], ...]  # (language, sentence)

    def text(self, lang: str = "en") -> str:
        found = dict(self.texts)
        return found.get(lang, found["en"])

    def __str__(self) -> str:
        return self.text("en")

    def __contains__(self, part: str) -> bool:
        return part in str(self)


def drop_reason(
    key: str,
    season: Season | None = None,
    home: str | None = None,
    venue: str | None = None,
    **values: int | str,
) -> DropReason:
    """The reason `key` with its values; times (minutes from midnight) under start, end,
    day_start and day_end are written as hh:mm, places by name in each language."""
    texts = []
    for lang in LANGUAGES:
        template = t(f"routing.drop.{key}", lang)
        fields = {
            k: hhmm(v)
            if k in {"start", "end", "day_start", "day_end"} and isinstance(v, int)
            else v
            for k, v in values.items()
        }
        if home is not None:
            places = (season.postal_area, season.municipality) if season else ()
            found = next((p[home] for p in places if home in p), None)
            fields["home"] = found.name(lang) if found else home
        if venue is not None:
            place = season.venue.get(venue) if season else None
            fields["venue"] = place.display_name(lang) if place else venue
        texts.append((lang, template.format(**fields)))
    return DropReason(key, tuple(texts))
