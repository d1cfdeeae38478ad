"""Why a ride request was not served (`planner.routing.drop_reasons`)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "routing.drop.no_car": {
        "fi": "työautoa ei ole käytettävissä",
        "sv": "ingen tjänstebil finns tillgänglig",
        "en": "no work car is available",
    },
    "routing.drop.outside_day": {
        "fi": "ryhmä kokoontuu {start}-{end}, työautojen päivän {day_start}-{day_end} ulkopuolella",
        "sv": "gruppen träffas {start}-{end}, utanför tjänstebilarnas dag {day_start}-{day_end}",
        "en": "the group meets {start}-{end}, outside the work cars' day {day_start}-{day_end}",
    },
    "routing.drop.too_long": {
        "fi": "kyyti {home} - {venue} kestää {minutes} min, yli enimmäisajan {limit} min",
        "sv": "skjutsen {home} - {venue} tar {minutes} min, över maxtiden {limit} min",
        "en": "the ride from {home} to {venue} takes {minutes} min, over the {limit} min max ride",
    },
    "routing.drop.unreachable": {
        "fi": "yksikään auto ei ehdi hakemaan ({home}) ja viemään ({venue}) ennen klo {start} ja "
        "palaamaan asemalleen klo {day_end} mennessä, kun kyyti saa kestää {limit} min",
        "sv": "ingen bil hinner hämta ({home}) och köra till ({venue}) före {start} och vara "
        "tillbaka vid sin bas senast {day_end} med högst {limit} min skjuts",
        "en": "no vehicle can reach {home} and {venue} before {start} and be back at its base by "
        "{day_end} with {limit} min max ride",
    },
    "routing.drop.no_seat": {
        "fi": "ei vapaata paikkaa: työautot ovat täynnä tai muilla ajoilla noin klo {start}-{end}",
        "sv": "ingen ledig plats: tjänstebilarna är fulla eller på andra körningar kring "
        "{start}-{end}",
        "en": "no seat left: the work cars are full or on other runs around {start}-{end}",
    },
}
