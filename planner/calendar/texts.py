"""What the calendars say, in Finnish, Swedish and English.

`TEXTS` maps a key to `{fi, sv, en}`; placeholders are `str.format` fields. Theme and
audience names come from the group finder's texts (`planner.finder.texts.label`), so a theme
reads the same in the offering and in the calendar.
"""

from __future__ import annotations

import datetime as dt

from planner.finder.texts import label as finder_label

LANGS = ("fi", "sv", "en")

TEXTS: dict[str, dict[str, str]] = {
    # --- calendar names (X-WR-CALNAME) ---
    "cal.offering": {
        "fi": "Sosku-ryhmät – Länsi-Uusimaa",
        "sv": "Sosku-grupper – Västra Nyland",
        "en": "Sosku groups – Western Uusimaa",
    },
    "cal.offering_filtered": {
        "fi": "Sosku-ryhmät – {filters}",
        "sv": "Sosku-grupper – {filters}",
        "en": "Sosku groups – {filters}",
    },
    "cal.group": {"fi": "{name}", "sv": "{name}", "en": "{name}"},
    "cal.leader": {
        "fi": "Ohjattavat ryhmät – {name}",
        "sv": "Grupper att leda – {name}",
        "en": "Groups led by {name}",
    },
    "cal.venue": {
        "fi": "Ryhmät – {name}",
        "sv": "Grupper – {name}",
        "en": "Groups at {name}",
    },
    "cal.client": {"fi": "Omat ryhmäni", "sv": "Mina grupper", "en": "My groups"},
    "cal.description": {
        "fi": "Sosiaalisen kuntoutuksen ryhmätoiminta, Länsi-Uudenmaan hyvinvointialue",
        "sv": "Gruppverksamhet inom social rehabilitering, Västra Nylands välfärdsområde",
        "en": "Social rehabilitation group work, Western Uusimaa wellbeing services county",
    },
    # --- event description lines ---
    "event.theme": {"fi": "Teema: {value}", "sv": "Tema: {value}", "en": "Theme: {value}"},
    "event.audience": {
        "fi": "Kenelle: {value}",
        "sv": "För vem: {value}",
        "en": "For whom: {value}",
    },
    "event.kind": {
        "fi": "Ryhmän tyyppi: {value}",
        "sv": "Typ av grupp: {value}",
        "en": "Kind of group: {value}",
    },
    "event.language": {
        "fi": "Ryhmän kieli: {value}",
        "sv": "Gruppens språk: {value}",
        "en": "Language of the group: {value}",
    },
    "event.mode": {"fi": "Toteutus: {value}", "sv": "Form: {value}", "en": "Format: {value}"},
    "event.leaders": {
        "fi": "Ohjaajat: {value}",
        "sv": "Handledare: {value}",
        "en": "Leaders: {value}",
    },
    "event.place": {"fi": "Paikka: {value}", "sv": "Plats: {value}", "en": "Place: {value}"},
    "event.remote": {
        "fi": "Paikka: etäyhteys",
        "sv": "Plats: på distans",
        "en": "Place: online",
    },
    "event.accessible": {
        "fi": "Esteetön tila",
        "sv": "Tillgänglig lokal",
        "en": "Accessible venue",
    },
    "event.free_seats": {
        "fi": "Vapaita paikkoja: {free} / {size}",
        "sv": "Lediga platser: {free} / {size}",
        "en": "Free places: {free} / {size}",
    },
    "event.term": {
        "fi": "Kausi: {first} – {last}, {weekday} klo {start}–{end}",
        "sv": "Period: {first} – {last}, {weekday} kl. {start}–{end}",
        "en": "Term: {first} – {last}, {weekday} {start}–{end}",
    },
    "event.popup_term": {
        "fi": "Avoin pop-up-ryhmä: kalenterissa näkyvät sen {weeks} ensimmäistä viikkoa",
        "sv": "Öppen pop up-grupp: kalendern visar dess {weeks} första veckor",
        "en": "Open pop-up group: the calendar shows its first {weeks} weeks",
    },
    "event.moved": {
        "fi": "Siirretty kerta (alun perin {date})",
        "sv": "Flyttat tillfälle (ursprungligen {date})",
        "en": "Moved session (originally {date})",
    },
    "event.cancelled": {"fi": "Peruttu", "sv": "Inställt", "en": "Cancelled"},
    "event.link": {
        "fi": "Lisätiedot: {url}",
        "sv": "Mer information: {url}",
        "en": "More information: {url}",
    },
    # --- values ---
    "language.fi": {"fi": "suomi", "sv": "finska", "en": "Finnish"},
    "language.sv": {"fi": "ruotsi", "sv": "svenska", "en": "Swedish"},
    "kind.process": {"fi": "prosessiryhmä", "sv": "processgrupp", "en": "process group"},
    "kind.targeted": {"fi": "kohdennettu ryhmä", "sv": "riktad grupp", "en": "targeted group"},
    "kind.theme": {"fi": "teemaryhmä", "sv": "temagrupp", "en": "theme group"},
    "kind.peer": {"fi": "vertaisryhmä", "sv": "kamratgrupp", "en": "peer support group"},
    "kind.popup": {
        "fi": "matalan kynnyksen pop-up-ryhmä",
        "sv": "lågtröskel pop up-grupp",
        "en": "low-threshold pop-up group",
    },
    "mode.in_person": {"fi": "lähiryhmä", "sv": "på plats", "en": "in person"},
    "mode.hybrid": {
        "fi": "hybridi (paikan päällä tai etänä)",
        "sv": "hybrid (på plats eller på distans)",
        "en": "hybrid (in person or online)",
    },
    "mode.remote": {"fi": "etäryhmä", "sv": "på distans", "en": "online"},
    "audience.all": {"fi": "kaikille", "sv": "för alla", "en": "everyone"},
}

WEEKLY_ON: dict[str, tuple[str, ...]] = {
    "fi": ("maanantaisin", "tiistaisin", "keskiviikkoisin", "torstaisin", "perjantaisin"),
    "sv": ("måndagar", "tisdagar", "onsdagar", "torsdagar", "fredagar"),
    "en": ("Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays"),
}


def text(key: str, lang: str, **params: object) -> str:
    return TEXTS[key][lang].format(**params)


def value(kind: str, code: str, lang: str) -> str:
    """A kind, mode, language or audience code as words; themes via the finder's labels."""
    key = f"{kind}.{code}"
    if key in TEXTS:
        return TEXTS[key][lang]
    return finder_label(kind, code, lang)


def date_text(day: dt.date) -> str:
    """11.1.2027, the Finnish way, also used in Swedish and English here as in the finder."""
    return f"{day.day}.{day.month}.{day.year}"
