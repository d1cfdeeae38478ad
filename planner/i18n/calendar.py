"""What the calendars (.ics exports and feeds) say."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # --- calendar names (X-WR-CALNAME) ---
    "calendar.cal.offering": {
        "fi": "Sosku-ryhmät – Länsi-Uusimaa",
        "sv": "Sosku-grupper – Västra Nyland",
        "en": "Sosku groups – Western Uusimaa",
    },
    "calendar.cal.offering_filtered": {
        "fi": "Sosku-ryhmät – {filters}",
        "sv": "Sosku-grupper – {filters}",
        "en": "Sosku groups – {filters}",
    },
    "calendar.cal.group": {"fi": "{name}", "sv": "{name}", "en": "{name}"},
    "calendar.cal.leader": {
        "fi": "Ohjattavat ryhmät – {name}",
        "sv": "Grupper att leda – {name}",
        "en": "Groups led by {name}",
    },
    "calendar.cal.venue": {
        "fi": "Ryhmät – {name}",
        "sv": "Grupper – {name}",
        "en": "Groups at {name}",
    },
    "calendar.cal.client": {"fi": "Omat ryhmäni", "sv": "Mina grupper", "en": "My groups"},
    "calendar.cal.description": {
        "fi": "Sosiaalisen kuntoutuksen ryhmätoiminta, Länsi-Uudenmaan hyvinvointialue",
        "sv": "Gruppverksamhet inom social rehabilitering, Västra Nylands välfärdsområde",
        "en": "Social rehabilitation group work, Western Uusimaa wellbeing services county",
    },
    # --- event description lines ---
    "calendar.event.theme": {"fi": "Teema: {value}", "sv": "Tema: {value}", "en": "Theme: {value}"},
    "calendar.event.audience": {
        "fi": "Kenelle: {value}",
        "sv": "För vem: {value}",
        "en": "For whom: {value}",
    },
    "calendar.event.kind": {
        "fi": "Ryhmän tyyppi: {value}",
        "sv": "Typ av grupp: {value}",
        "en": "Kind of group: {value}",
    },
    "calendar.event.language": {
        "fi": "Ryhmän kieli: {value}",
        "sv": "Gruppens språk: {value}",
        "en": "Language of the group: {value}",
    },
    "calendar.event.mode": {
        "fi": "Toteutus: {value}",
        "sv": "Form: {value}",
        "en": "Format: {value}",
    },
    # How the group is joined (every calendar), and for its leaders how many take part how:
    # counts only, never who.
    "calendar.event.join.in_person": {
        "fi": "Ryhmään osallistutaan paikan päällä",
        "sv": "Man deltar i gruppen på plats",
        "en": "Participants join on site",
    },
    "calendar.event.join.hybrid": {
        "fi": "Ryhmään voi osallistua paikan päällä tai etänä (etäosallistumisesta sovitaan"
        " asiakkaan kanssa)",
        "sv": "Man kan delta i gruppen på plats eller på distans (deltagande på distans avtalas"
        " med klienten)",
        "en": "Participants may join on site or remotely (remote participation is agreed with"
        " the client)",
    },
    "calendar.event.join.remote": {
        "fi": "Ryhmään osallistutaan etänä",
        "sv": "Man deltar i gruppen på distans",
        "en": "Participants join remotely",
    },
    "calendar.event.participants": {
        "fi": "Osallistujia: {on_site} paikan päällä, {remote} etänä",
        "sv": "Deltagare: {on_site} på plats, {remote} på distans",
        "en": "Participants: {on_site} on site, {remote} remotely",
    },
    "calendar.event.participants_on_site": {
        "fi": "Osallistujia: {on_site} paikan päällä",
        "sv": "Deltagare: {on_site} på plats",
        "en": "Participants: {on_site} on site",
    },
    "calendar.event.participants_remote": {
        "fi": "Osallistujia: {remote} etänä",
        "sv": "Deltagare: {remote} på distans",
        "en": "Participants: {remote} remotely",
    },
    "calendar.event.leaders": {
        "fi": "Ohjaajat: {value}",
        "sv": "Handledare: {value}",
        "en": "Leaders: {value}",
    },
    "calendar.event.place": {
        "fi": "Paikka: {value}",
        "sv": "Plats: {value}",
        "en": "Place: {value}",
    },
    "calendar.event.remote": {
        "fi": "Paikka: etäyhteys",
        "sv": "Plats: på distans",
        "en": "Place: online",
    },
    "calendar.event.accessible": {
        "fi": "Esteetön tila",
        "sv": "Tillgänglig lokal",
        "en": "Accessible venue",
    },
    "calendar.event.free_seats": {
        "fi": "Vapaita paikkoja: {free} / {size}",
        "sv": "Lediga platser: {free} / {size}",
        "en": "Free places: {free} / {size}",
    },
    "calendar.event.term": {
        "fi": "Kausi: {first} – {last}, {weekday} klo {start}–{end}",
        "sv": "Period: {first} – {last}, {weekday} kl. {start}–{end}",
        "en": "Term: {first} – {last}, {weekday} {start}–{end}",
    },
    "calendar.event.drop_in": {
        "fi": "Avoin ryhmä: tule paikalle, ilmoittautumista ei tarvita",
        "sv": "Öppen grupp: kom på plats, ingen anmälan behövs",
        "en": "Drop in: just come along, no enrolment needed",
    },
    "calendar.event.popup_term": {
        "fi": "Avoin pop-up-ryhmä: kalenterissa näkyvät sen {weeks} ensimmäistä viikkoa",
        "sv": "Öppen pop up-grupp: kalendern visar dess {weeks} första veckor",
        "en": "Open pop-up group: the calendar shows its first {weeks} weeks",
    },
    "calendar.event.moved": {
        "fi": "Siirretty kerta (alun perin {date})",
        "sv": "Flyttat tillfälle (ursprungligen {date})",
        "en": "Moved session (originally {date})",
    },
    "calendar.event.cancelled": {"fi": "Peruttu", "sv": "Inställt", "en": "Cancelled"},
    "calendar.event.away": {"fi": "Poissa", "sv": "Frånvarande", "en": "Away"},
    "calendar.event.leads_this_session": {
        "fi": "Tällä kerralla ohjaa: {value}",
        "sv": "Den här gången leds av: {value}",
        "en": "This session is led by: {value}",
    },
    "calendar.event.no_leader": {
        "fi": "Tällä kerralla ryhmällä ei ole ohjaajaa",
        "sv": "Den här gången har gruppen ingen ledare",
        "en": "No leader for this session",
    },
    "calendar.event.leaders_away": {
        "fi": "Poissa tällä kerralla: {value}",
        "sv": "Frånvarande den här gången: {value}",
        "en": "Away this session: {value}",
    },
    "calendar.event.link": {
        "fi": "Lisätiedot: {url}",
        "sv": "Mer information: {url}",
        "en": "More information: {url}",
    },
    # --- values ---
    "calendar.language.fi": {"fi": "suomi", "sv": "finska", "en": "Finnish"},
    "calendar.language.sv": {"fi": "ruotsi", "sv": "svenska", "en": "Swedish"},
    "calendar.kind.process": {"fi": "prosessiryhmä", "sv": "processgrupp", "en": "process group"},
    "calendar.kind.targeted": {
        "fi": "kohdennettu ryhmä",
        "sv": "riktad grupp",
        "en": "targeted group",
    },
    "calendar.kind.theme": {"fi": "teemaryhmä", "sv": "temagrupp", "en": "theme group"},
    "calendar.kind.peer": {"fi": "vertaisryhmä", "sv": "kamratgrupp", "en": "peer support group"},
    "calendar.kind.popup": {
        "fi": "matalan kynnyksen pop-up-ryhmä",
        "sv": "lågtröskel pop up-grupp",
        "en": "low-threshold pop-up group",
    },
    "calendar.mode.in_person": {"fi": "lähiryhmä", "sv": "på plats", "en": "in person"},
    "calendar.mode.hybrid": {
        "fi": "hybridi (paikan päällä tai etänä)",
        "sv": "hybrid (på plats eller på distans)",
        "en": "hybrid (in person or online)",
    },
    "calendar.mode.remote": {"fi": "etäryhmä", "sv": "på distans", "en": "online"},
    "calendar.audience.all": {"fi": "kaikille", "sv": "för alla", "en": "everyone"},
}
