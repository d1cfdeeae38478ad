"""Why a ride request was not served, in Finnish, Swedish and English.

A `DropReason` carries its sentence in every language, made once from the season's names,
so the run sheet speaks the page's language and the command line prints English (`str`).
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.model import Season, hhmm

TEMPLATES: dict[str, dict[str, str]] = {
    "no_car": {
        "fi": "työautoa ei ole käytettävissä",
        "sv": "ingen tjänstebil finns tillgänglig",
        "en": "no work car is available",
    },
    "outside_day": {
        "fi": "ryhmä kokoontuu {start}-{end}, työautojen päivän {day_start}-{day_end} ulkopuolella",
        "sv": "gruppen träffas {start}-{end}, utanför tjänstebilarnas dag {day_start}-{day_end}",
        "en": "the group meets {start}-{end}, outside the work cars' day {day_start}-{day_end}",
    },
    "too_long": {
        "fi": "kyyti {home} - {venue} kestää {minutes} min, yli enimmäisajan {limit} min",
        "sv": "skjutsen {home} - {venue} tar {minutes} min, över maxtiden {limit} min",
        "en": "the ride from {home} to {venue} takes {minutes} min, over the {limit} min max ride",
    },
    "unreachable": {
        "fi": "yksikään auto ei ehdi hakemaan ({home}) ja viemään ({venue}) ennen klo {start} "
        "ja palaamaan asemalleen klo {day_end} mennessä, kun kyyti saa kestää {limit} min",
        "sv": "ingen bil hinner hämta ({home}) och köra till ({venue}) före {start} och vara "
        "tillbaka vid sin bas senast {day_end} med högst {limit} min skjuts",
        "en": "no vehicle can reach {home} and {venue} before {start} and be back at its "
        "base by {day_end} with {limit} min max ride",
    },
    "no_seat": {
        "fi": "ei vapaata paikkaa: työautot ovat täynnä tai muilla ajoilla noin klo {start}-{end}",
        "sv": "ingen ledig plats: tjänstebilarna är fulla eller på andra körningar kring "
        "{start}-{end}",
        "en": "no seat left: the work cars are full or on other runs around {start}-{end}",
    },
}


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
    for lang, template in TEMPLATES[key].items():
        fields = {
            k: hhmm(v)
            if k in {"start", "end", "day_start", "day_end"} and isinstance(v, int)
            else v
            for k, v in values.items()
        }
        if home is not None:
            found = season.municipality.get(home) if season else None
            fields["home"] = found.name(lang) if found else home
        if venue is not None:
            place = season.venue.get(venue) if season else None
            fields["venue"] = place.display_name(lang) if place else venue
        texts.append((lang, template.format(**fields)))
    return DropReason(key, tuple(texts))
