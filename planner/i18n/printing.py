"""The printed sheets (`planner.printing`) and their download buttons."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "print.page": {
        "fi": "sivu {page}/{pages}",
        "sv": "sida {page}/{pages}",
        "en": "page {page} of {pages}",
    },
    "print.run_sheet.title": {
        "fi": "Ajolista: {vehicle}, {day}",
        "sv": "Körlista: {vehicle}, {day}",
        "en": "Run sheet: {vehicle}, {day}",
    },
    "print.run_sheet.times": {
        "fi": "Lähtö {start}, paluu {end}; {km} km, {minutes} min.",
        "sv": "Avfärd {start}, tillbaka {end}; {km} km, {minutes} min.",
        "en": "Leaves {start}, back {end}; {km} km, {minutes} min.",
    },
    "print.run_sheet.driver": {
        "fi": "Kuljettaja: {name}",
        "sv": "Förare: {name}",
        "en": "Driver: {name}",
    },
    "print.run_sheet.no_driver": {
        "fi": "Kuljettaja: ei vielä sovittu",
        "sv": "Förare: inte ordnad ännu",
        "en": "Driver: not arranged yet",
    },
    "print.run_sheet.clients_note": {
        "fi": "Asiakkaat asiakaskoodein.",
        "sv": "Klienterna med klientkod.",
        "en": "Clients by client code.",
    },
    "print.week.title": {
        "fi": "Viikko {week}: {name}",
        "sv": "Vecka {week}: {name}",
        "en": "Week {week}: {name}",
    },
    "print.week.dates": {
        "fi": "{first} – {last}",
        "sv": "{first} – {last}",
        "en": "{first} – {last}",
    },
    "print.week.none": {
        "fi": "Ei ryhmätapaamisia tällä viikolla.",
        "sv": "Inga gruppträffar den här veckan.",
        "en": "No group sessions this week.",
    },
    "print.col.day": {"fi": "Päivä", "sv": "Dag", "en": "Day"},
    "print.col.time": {"fi": "Aika", "sv": "Tid", "en": "Time"},
    "print.col.group": {"fi": "Ryhmä", "sv": "Grupp", "en": "Group"},
    "print.col.venue": {"fi": "Paikka", "sv": "Plats", "en": "Venue"},
    "print.col.participants": {
        "fi": "Osallistujia (etänä)",
        "sv": "Deltagare (på distans)",
        "en": "Participants (remote)",
    },
    "print.col.number": {"fi": "Nro", "sv": "Nr", "en": "No."},
    "print.col.present": {"fi": "Läsnä", "sv": "Närvarande", "en": "Present"},
    "print.list.leaders": {
        "fi": "Ohjaajat: {names}",
        "sv": "Handledare: {names}",
        "en": "Leaders: {names}",
    },
    "print.list.term": {
        "fi": "Jakso {first} – {last}",
        "sv": "Period {first} – {last}",
        "en": "Term {first} – {last}",
    },
    "print.list.waiting": {
        "fi": "Jonossa: {n}",
        "sv": "I kö: {n}",
        "en": "On the waiting list: {n}",
    },
    "print.list.none": {
        "fi": "Ryhmässä ei ole vielä osallistujia.",
        "sv": "Gruppen har inga deltagare ännu.",
        "en": "The group has no participants yet.",
    },
    "print.download_run_sheet": {
        "fi": "Lataa ajolista (PDF)",
        "sv": "Ladda ner körlistan (PDF)",
        "en": "Download the run sheet (PDF)",
    },
    "print.download_week": {
        "fi": "Lataa ohjaajan viikko (PDF)",
        "sv": "Ladda ner handledarens vecka (PDF)",
        "en": "Download the leader's week (PDF)",
    },
    "print.download_list": {
        "fi": "Lataa osallistujalista (PDF)",
        "sv": "Ladda ner deltagarlistan (PDF)",
        "en": "Download the participant list (PDF)",
    },
    "print.download_help": {
        "fi": "A4-tulosteeksi: otsikkorivi joka sivulla, asiakkaat koodein.",
        "sv": "För utskrift på A4: rubrikraden på varje sida, klienterna med kod.",
        "en": "For printing on A4: the header row on every page, clients by code.",
    },
}
