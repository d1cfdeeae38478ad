"""The client form (`planner.ui.client_form`): adding a client and editing their details.

Field labels name what the worker asks the client; each field's help names its column of the
clients table, the column an import problem names. The checks' own texts are the import's
(`io.*`).
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "clients.add.title": {
        "fi": "Lisää asiakas",
        "sv": "Lägg till en klient",
        "en": "Add a client",
    },
    "clients.add.submit": {
        "fi": "Tallenna uusi asiakas",
        "sv": "Spara den nya klienten",
        "en": "Save the new client",
    },
    "clients.add.saved": {
        "fi": "Asiakas {code} lisättiin kaudelle.",
        "sv": "Klienten {code} lades till i säsongen.",
        "en": "Client {code} was added to the season.",
    },
    "clients.edit.title": {
        "fi": "Muokkaa asiakkaan tietoja",
        "sv": "Redigera klientens uppgifter",
        "en": "Edit the client's details",
    },
    "clients.edit.submit": {
        "fi": "Tallenna muutokset",
        "sv": "Spara ändringarna",
        "en": "Save the changes",
    },
    "clients.edit.saved": {
        "fi": "Asiakkaan {code} tiedot tallennettiin: {fields}.",
        "sv": "Klientens {code} uppgifter sparades: {fields}.",
        "en": "Client {code}'s details were saved: {fields}.",
    },
    "clients.edit.nothing": {
        "fi": "Mikään ei muuttunut.",
        "sv": "Inget ändrades.",
        "en": "Nothing changed.",
    },
    "clients.edit.ended": {
        "fi": "Paikka ryhmässä {group} päättyi ({reason}).",
        "sv": "Platsen i {group} avslutades ({reason}).",
        "en": "The place in {group} ended ({reason}).",
    },
    "clients.edit.kept": {
        "fi": "Paikka ryhmässä {group} säilyi, merkittynä koordinaattorille ({rule}).",
        "sv": "Platsen i {group} behölls, flaggad för koordinatorn ({rule}).",
        "en": "The place in {group} was kept, flagged for the coordinator ({rule}).",
    },
    "clients.edit.withdrawn": {
        "fi": "Asiakas poistettiin ryhmän {group} jonosta ({rule}).",
        "sv": "Klienten togs bort från kön till {group} ({rule}).",
        "en": "The client was taken off the waiting list of {group} ({rule}).",
    },
    "clients.edit.promoted": {
        "fi": "Vapautunut paikka ryhmässä {group} annettiin jonosta asiakkaalle {client}.",
        "sv": "Den lediga platsen i {group} gick från kön till klienten {client}.",
        "en": "The freed seat in {group} went to {client} from the waiting list.",
    },
    "clients.problems": {
        "fi": "Asiakasta ei tallennettu. Korjaa nämä ja tallenna uudelleen:",
        "sv": "Klienten sparades inte. Rätta dessa och spara igen:",
        "en": "The client was not saved. Fix these and save again:",
    },
    "clients.failed": {
        "fi": "Asiakasta ei voitu tallentaa: {reason}",
        "sv": "Klienten kunde inte sparas: {reason}",
        "en": "The client could not be saved: {reason}",
    },
    "clients.unfit.title": {
        "fi": "Näillä tiedoilla asiakas ei enää voisi osallistua {n} ryhmään, joissa hänellä "
        "on paikka. Mitään ei tallennettu:",
        "sv": "Med dessa uppgifter kunde klienten inte längre delta i {n} grupp(er) där hen "
        "har en plats. Inget sparades:",
        "en": "With these details the client could no longer attend {n} group(s) they have a "
        "place in. Nothing was saved:",
    },
    "clients.unfit.case": {
        "fi": "{group}: {rule}",
        "sv": "{group}: {rule}",
        "en": "{group}: {rule}",
    },
    "clients.unfit.reason": {
        "fi": "Päättymisen syy",
        "sv": "Orsak till avslutet",
        "en": "Reason for ending",
    },
    "clients.unfit.end": {
        "fi": "Päätä nämä paikat (syy: {reason})",
        "sv": "Avsluta dessa platser (orsak: {reason})",
        "en": "End those places (reason: {reason})",
    },
    "clients.unfit.keep": {
        "fi": "Säilytä paikat, merkittynä koordinaattorille",
        "sv": "Behåll platserna, flaggade för koordinatorn",
        "en": "Keep them, flagged for the coordinator",
    },
    "clients.unfit.back": {
        "fi": "Älä tallenna",
        "sv": "Spara inte",
        "en": "Do not save",
    },
    "clients.help.column": {
        "fi": "Asiakastaulukon sarake {column}.",
        "sv": "Kolumnen {column} i klienttabellen.",
        "en": "Column {column} of the clients table.",
    },
    "clients.help.client_code": {
        "fi": "Pseudonyymi, esimerkiksi C-00042: 1-40 merkkiä A-Z, numeroita, '-', '_' ja '.'. "
        "Nimeä, henkilötunnusta, puhelinnumeroa tai sähköpostiosoitetta ei hyväksytä. Koodia "
        "ei voi myöhemmin muuttaa.",
        "sv": "En pseudonym, till exempel C-00042: 1-40 tecken A-Z, siffror, '-', '_' och '.'. "
        "Ett namn, en personbeteckning, ett telefonnummer eller en e-postadress godtas inte. "
        "Koden kan inte ändras senare.",
        "en": "A pseudonym such as C-00042: 1-40 letters A-Z, digits, '-', '_' and '.'. A name, "
        "a personal identity code, a phone number or an e-mail address is refused. The code "
        "cannot be changed later.",
    },
    "clients.placeholder.client_code": {"fi": "C-00042", "sv": "C-00042", "en": "C-00042"},
    "clients.field.client_code": {
        "fi": "Asiakaskoodi",
        "sv": "Klientkod",
        "en": "Client code",
    },
    "clients.field.municipality": {
        "fi": "Kotikunta",
        "sv": "Hemkommun",
        "en": "Home municipality",
    },
    "clients.field.postal_code": {
        "fi": "Postinumero (vapaaehtoinen)",
        "sv": "Postnummer (frivilligt)",
        "en": "Postal code (optional)",
    },
    "clients.field.languages": {
        "fi": "Kielet, joilla asiakas pärjää",
        "sv": "Språk som klienten klarar sig på",
        "en": "Languages the client manages",
    },
    "clients.field.interests": {
        "fi": "Kiinnostuksen kohteet",
        "sv": "Intressen",
        "en": "Interests",
    },
    "clients.field.audience": {
        "fi": "Kohderyhmä (vapaaehtoinen)",
        "sv": "Målgrupp (frivilligt)",
        "en": "Audience (optional)",
    },
    "clients.field.days": {
        "fi": "Päivät, joina asiakas pääsee",
        "sv": "Dagar då klienten kan komma",
        "en": "Days the client can come",
    },
    "clients.field.travel": {
        "fi": "Kulkutapa",
        "sv": "Färdsätt",
        "en": "Travel",
    },
    "clients.field.max_travel_min": {
        "fi": "Matka-aika enintään (min, yhteen suuntaan)",
        "sv": "Restid högst (min, enkel väg)",
        "en": "Travel time at most (min, one way)",
    },
    "clients.field.needs_accessible": {
        "fi": "Tarvitsee esteettömän tilan",
        "sv": "Behöver en tillgänglig lokal",
        "en": "Needs an accessible venue",
    },
    "clients.field.counsellor": {
        "fi": "Oma sosiaaliohjaaja",
        "sv": "Egen socialhandledare",
        "en": "Own social counsellor",
    },
    "clients.field.wishes": {
        "fi": "Toiveryhmät järjestyksessä (vapaaehtoinen)",
        "sv": "Önskade grupper i ordning (frivilligt)",
        "en": "Wished groups, in order (optional)",
    },
    "clients.field.max_groups": {
        "fi": "Ryhmiä enintään yhtä aikaa",
        "sv": "Högst antal grupper samtidigt",
        "en": "Groups at most at once",
    },
    "clients.field.remote": {
        "fi": "On sopinut osallistuvansa etänä",
        "sv": "Har kommit överens om att delta på distans",
        "en": "Has agreed to take part remotely",
    },
}
