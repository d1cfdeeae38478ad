"""What counsellors and leaders hear about (`planner.notices`): the Changes page and e-mails."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "notice.promoted.client": {
        "fi": "Asiakas {client} nousi jonosta ryhmään {group}: hänellä on nyt paikka.",
        "sv": "Klienten {client} flyttade upp från kön till gruppen {group}: hen har nu en plats.",
        "en": "Client {client} moved up from the waiting list into {group} and has a place now.",
    },
    "notice.joined": {
        "fi": "Ryhmääsi {group} tuli uusi osallistuja jonosta.",
        "sv": "Din grupp {group} fick en ny deltagare från kön.",
        "en": "Your group {group} has a new participant from the waiting list.",
    },
    "notice.place_moved.client": {
        "fi": "Asiakas {client} siirrettiin ryhmästä {group} ryhmään {to} uuden suunnitelman "
        "myötä.",
        "sv": "Klienten {client} flyttades från gruppen {group} till gruppen {to} med den nya "
        "planen.",
        "en": "Client {client} was moved from {group} to {to} with the new plan.",
    },
    "notice.waiting_dropped.client": {
        "fi": "Asiakas {client} poistettiin ryhmän {group} jonosta: uusi aika tai paikka ei "
        "sovi hänelle.",
        "sv": "Klienten {client} togs bort från kön till gruppen {group}: den nya tiden eller "
        "platsen passar inte hen.",
        "en": "Client {client} was taken off the waiting list of {group}: its new time or "
        "place does not suit them.",
    },
    "notice.place_ended.client": {
        "fi": "Asiakkaan {client} paikka ryhmässä {group} päättyi.",
        "sv": "Klienten {client}s plats i gruppen {group} upphörde.",
        "en": "Client {client}'s place in {group} ended.",
    },
    "notice.group_cancelled.client": {
        "fi": "Ryhmä {group}, jossa asiakkaalla {client} oli paikka, peruttiin uudessa "
        "suunnitelmassa.",
        "sv": "Gruppen {group}, där klienten {client} hade en plats, ställdes in i den nya planen.",
        "en": "{group}, where client {client} had a place, was cancelled in the new plan.",
    },
    "notice.group_moved.client": {
        "fi": "Asiakkaan {client} ryhmän {group} aika tai paikka muuttui uudessa suunnitelmassa.",
        "sv": "Tid eller plats för klienten {client}s grupp {group} ändrades i den nya planen.",
        "en": "The time or place of client {client}'s group {group} changed in the new plan.",
    },
    "notice.group_moved": {
        "fi": "Ryhmäsi {group} aika, paikka tai ohjaajat muuttuivat uudessa suunnitelmassa.",
        "sv": "Tid, plats eller handledare för din grupp {group} ändrades i den nya planen.",
        "en": "The time, place or leaders of your group {group} changed in the new plan.",
    },
    "notice.session_cancelled.client": {
        "fi": "Asiakkaan {client} ryhmän {group} kokoontuminen {date} on peruttu.",
        "sv": "Träffen {date} i klienten {client}s grupp {group} är inställd.",
        "en": "The session of client {client}'s group {group} on {date} is cancelled.",
    },
    "notice.session_cancelled": {
        "fi": "Ryhmäsi {group} kokoontuminen {date} on peruttu.",
        "sv": "Träffen {date} i din grupp {group} är inställd.",
        "en": "The session of your group {group} on {date} is cancelled.",
    },
    "notice.session_moved.client": {
        "fi": "Asiakkaan {client} ryhmän {group} kokoontuminen {date} siirtyi: {new_start}.",
        "sv": "Träffen {date} i klienten {client}s grupp {group} flyttades: {new_start}.",
        "en": "The session of client {client}'s group {group} on {date} moved to {new_start}.",
    },
    "notice.session_moved": {
        "fi": "Ryhmäsi {group} kokoontuminen {date} siirtyi: {new_start}.",
        "sv": "Träffen {date} i din grupp {group} flyttades: {new_start}.",
        "en": "The session of your group {group} on {date} moved to {new_start}.",
    },
    "notice.subject": {
        "fi": "Sosiaalinen kuntoutus: {n} muutosta asiakkaidesi tai ryhmiesi tiedoissa",
        "sv": "Social rehabilitering: {n} ändringar för dina klienter eller grupper",
        "en": "Social rehabilitation: {n} changes to your clients or groups",
    },
    "notice.body_intro": {
        "fi": "Hei, sosiaalisen kuntoutuksen ryhmissä on muutoksia:",
        "sv": "Hej, det finns ändringar i grupperna för social rehabilitering:",
        "en": "Hello, there are changes in the social rehabilitation groups:",
    },
    "notice.body_outro": {
        "fi": "Näet muutokset myös sovelluksen Muutokset-sivulla.",
        "sv": "Du ser ändringarna också på sidan Ändringar i appen.",
        "en": "You also see the changes on the app's Changes page.",
    },
    "changes.title": {"fi": "Muutokset", "sv": "Ändringar", "en": "Changes"},
    "nav.changes": {"fi": "Muutokset", "sv": "Ändringar", "en": "Changes"},
    "changes.intro": {
        "fi": "Muutokset asiakkaidesi paikoissa ja ohjaamissasi ryhmissä, uusin ensin.",
        "sv": "Ändringar i dina klienters platser och i grupperna du leder, nyaste först.",
        "en": "Changes to your clients' places and to the groups you lead, newest first.",
    },
    "changes.none": {
        "fi": "Ei muutoksia.",
        "sv": "Inga ändringar.",
        "en": "No changes.",
    },
    "changes.no_staff_id": {
        "fi": "Tunnuksellesi ei ole liitetty työntekijätunnusta, joten muutoksia ei voi näyttää.",
        "sv": "Ditt konto har inget personal-id, så ändringarna kan inte visas.",
        "en": "Your account has no staff id, so there are no changes to show.",
    },
    "changes.person": {
        "fi": "Kenen muutokset",
        "sv": "Vems ändringar",
        "en": "Whose changes",
    },
    "changes.col.at": {"fi": "Aika", "sv": "Tid", "en": "When"},
    "changes.col.change": {"fi": "Muutos", "sv": "Ändring", "en": "Change"},
}
