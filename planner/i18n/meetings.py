"""The joint meetings (l. 379): the app's meetings section, the invitations and the reasons a
booking is refused (`planner.store.bookings.MeetingRefused`)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # --- the kinds ---
    "meetings.kind.before": {
        "fi": "aloitustapaaminen",
        "sv": "startmöte",
        "en": "start meeting",
    },
    "meetings.kind.after": {
        "fi": "päätöstapaaminen",
        "sv": "avslutningsmöte",
        "en": "closing meeting",
    },
    "meetings.status.booked": {"fi": "varattu", "sv": "bokat", "en": "booked"},
    "meetings.status.held": {"fi": "pidetty", "sv": "hållet", "en": "held"},
    "meetings.status.cancelled": {"fi": "peruttu", "sv": "inställt", "en": "cancelled"},
    # --- the invitation (never a client code: the client is shown in the app) ---
    "meetings.invite.summary.before": {
        "fi": "Aloitustapaaminen: {group}",
        "sv": "Startmöte: {group}",
        "en": "Start meeting: {group}",
    },
    "meetings.invite.summary.after": {
        "fi": "Päätöstapaaminen: {group}",
        "sv": "Avslutningsmöte: {group}",
        "en": "Closing meeting: {group}",
    },
    "meetings.invite.intro.before": {
        "fi": "Omatyöntekijä ja ryhmänohjaaja tapaavat asiakkaan yhdessä ennen ryhmän alkua "
        "(sosiaalisen kuntoutuksen käsikirja).",
        "sv": "Kontaktpersonen och gruppledaren träffar klienten tillsammans innan gruppen "
        "börjar (handboken för social rehabilitering).",
        "en": "The counsellor and the group leader meet the client together before the group "
        "starts (the social rehabilitation handbook).",
    },
    "meetings.invite.intro.after": {
        "fi": "Omatyöntekijä ja ryhmänohjaaja tapaavat asiakkaan yhdessä ryhmän päätteeksi; "
        "ohjaajan yhteenveto käsitellään tapaamisessa (sosiaalisen kuntoutuksen käsikirja).",
        "sv": "Kontaktpersonen och gruppledaren träffar klienten tillsammans när gruppen "
        "avslutas; ledarens sammanfattning gås igenom (handboken för social rehabilitering).",
        "en": "The counsellor and the group leader meet the client together when the group "
        "ends; the leader's summary is gone through (the social rehabilitation handbook).",
    },
    "meetings.invite.people": {
        "fi": "Omatyöntekijä: {counsellor}. Ryhmänohjaaja: {leader}.",
        "sv": "Kontaktperson: {counsellor}. Gruppledare: {leader}.",
        "en": "Counsellor: {counsellor}. Group leader: {leader}.",
    },
    "meetings.invite.place": {
        "fi": "Paikka: {place}",
        "sv": "Plats: {place}",
        "en": "Place: {place}",
    },
    "meetings.invite.client": {
        "fi": "Asiakas näkyy sovelluksessa: {url}",
        "sv": "Klienten syns i appen: {url}",
        "en": "The client is shown in the app: {url}",
    },
    "meetings.invite.cancelled": {
        "fi": "Tapaaminen on peruttu.",
        "sv": "Mötet är inställt.",
        "en": "The meeting is cancelled.",
    },
    "meetings.invite.organizer": {
        "fi": "Sosku-ryhmäsuunnittelija",
        "sv": "Sosku-gruppplaneraren",
        "en": "Sosku group planner",
    },
    "meetings.invite.cancel_summary": {
        "fi": "Peruttu: {summary}",
        "sv": "Inställt: {summary}",
        "en": "Cancelled: {summary}",
    },
    # --- the app ---
    "meetings.title": {
        "fi": "Yhteiset tapaamiset (omatyöntekijä, ryhmänohjaaja ja asiakas)",
        "sv": "Gemensamma möten (kontaktperson, gruppledare och klient)",
        "en": "Joint meetings (counsellor, group leader and client)",
    },
    "meetings.help": {
        "fi": "Kun ryhmää ohjaa joku muu kuin asiakkaan omatyöntekijä, he tapaavat asiakkaan "
        "yhdessä ennen asiakkaan ensimmäistä ryhmäkertaa ja ryhmän päätteeksi.",
        "sv": "När gruppen leds av någon annan än klientens kontaktperson träffar de klienten "
        "tillsammans före klientens första gruppträff och när gruppen avslutas.",
        "en": "When the group is led by someone other than the client's counsellor, they meet "
        "the client together before the client's first session and when the group ends.",
    },
    "meetings.none_needed": {
        "fi": "Yhteistä tapaamista ei tarvita: omatyöntekijä ohjaa ryhmää.",
        "sv": "Inget gemensamt möte behövs: kontaktpersonen leder gruppen.",
        "en": "No joint meeting is needed: the counsellor leads the group.",
    },
    "meetings.slots.before": {
        "fi": "Aloitustapaamisen ajat (kahden viikon aikana ennen asiakkaan ensimmäistä kertaa)",
        "sv": "Tider för startmötet (under två veckor före klientens första träff)",
        "en": "Times for the start meeting (in the two weeks before the client's first session)",
    },
    "meetings.slots.after": {
        "fi": "Päätöstapaamisen ajat (kahden viikon aikana ryhmän viimeisen kerran jälkeen)",
        "sv": "Tider för avslutningsmötet (under två veckor efter gruppens sista träff)",
        "en": "Times for the closing meeting (in the two weeks after the group's last session)",
    },
    "meetings.no_slot.before": {
        "fi": "Ennen asiakkaan ensimmäistä ryhmäkertaa ei löytynyt yhteistä aikaa.",
        "sv": "Ingen gemensam tid hittades före klientens första gruppträff.",
        "en": "No common time was found before the client's first session.",
    },
    "meetings.no_slot.after": {
        "fi": "Ryhmän päätyttyä ei löytynyt yhteistä aikaa (tai ryhmällä ei ole päättymispäivää).",
        "sv": "Ingen gemensam tid hittades efter gruppen (eller gruppen har inget slutdatum).",
        "en": "No common time was found after the group (or the group has no end date).",
    },
    "meetings.pick": {"fi": "Aika", "sv": "Tid", "en": "Time"},
    "meetings.book": {"fi": "Varaa tapaaminen", "sv": "Boka mötet", "en": "Book the meeting"},
    "meetings.booked_ok": {
        "fi": "{kind} varattu: {when}.",
        "sv": "{kind} bokat: {when}.",
        "en": "{kind} booked: {when}.",
    },
    "meetings.cancelled_ok": {
        "fi": "{kind} {when} peruttu.",
        "sv": "{kind} {when} är inställt.",
        "en": "{kind} {when} cancelled.",
    },
    "meetings.held_ok": {
        "fi": "{kind} {when} merkitty pidetyksi.",
        "sv": "{kind} {when} är markerat som hållet.",
        "en": "{kind} {when} marked as held.",
    },
    "meetings.booked": {
        "fi": "Varatut tapaamiset",
        "sv": "Bokade möten",
        "en": "Booked meetings",
    },
    "meetings.none_booked": {
        "fi": "Ei varattuja tapaamisia.",
        "sv": "Inga bokade möten.",
        "en": "No meetings booked.",
    },
    "meetings.download": {
        "fi": "Lataa kutsu (.ics)",
        "sv": "Ladda ner inbjudan (.ics)",
        "en": "Download the invitation (.ics)",
    },
    "meetings.download_cancel": {
        "fi": "Lataa peruutus (.ics)",
        "sv": "Ladda ner avbokningen (.ics)",
        "en": "Download the cancellation (.ics)",
    },
    "meetings.cancel": {
        "fi": "Peru tapaaminen",
        "sv": "Ställ in mötet",
        "en": "Cancel the meeting",
    },
    "meetings.mark_held": {
        "fi": "Merkitse pidetyksi",
        "sv": "Markera som hållet",
        "en": "Mark held",
    },
    "meetings.sent": {
        "fi": "Kutsu lähetettiin sähköpostilla: {to}.",
        "sv": "Inbjudan skickades per e-post: {to}.",
        "en": "The invitation was sent by e-mail: {to}.",
    },
    "meetings.not_sent": {
        "fi": "Sähköpostia ei ole määritetty tai osoitteita ei tunneta: lataa kutsu ja lähetä "
        "se kalenteristasi.",
        "sv": "E-post är inte inställd eller adresserna är okända: ladda ner inbjudan och "
        "skicka den från din kalender.",
        "en": "E-mail is not set up or the addresses are unknown: download the invitation and "
        "send it from your calendar.",
    },
    "meetings.send_failed": {
        "fi": "Kutsua ei voitu lähettää ({reason}): lataa kutsu ja lähetä se itse.",
        "sv": "Inbjudan kunde inte skickas ({reason}): ladda ner den och skicka den själv.",
        "en": "The invitation could not be sent ({reason}): download it and send it yourself.",
    },
    "meetings.group_title": {
        "fi": "Yhteiset tapaamiset",
        "sv": "Gemensamma möten",
        "en": "Joint meetings",
    },
    "meetings.group_none": {
        "fi": "Ryhmän asiakkailla ei ole varattuja yhteisiä tapaamisia.",
        "sv": "Gruppens klienter har inga bokade gemensamma möten.",
        "en": "No joint meetings are booked for the group's clients.",
    },
    "meetings.col.kind": {"fi": "Tapaaminen", "sv": "Möte", "en": "Meeting"},
    "meetings.col.client": {"fi": "Asiakas", "sv": "Klient", "en": "Client"},
    "meetings.col.date": {"fi": "Päivä", "sv": "Datum", "en": "Date"},
    "meetings.col.time": {"fi": "Aika", "sv": "Tid", "en": "Time"},
    "meetings.col.counsellor": {"fi": "Omatyöntekijä", "sv": "Kontaktperson", "en": "Counsellor"},
    "meetings.col.leader": {"fi": "Ohjaaja", "sv": "Ledare", "en": "Leader"},
    "meetings.col.place": {"fi": "Paikka", "sv": "Plats", "en": "Place"},
    "meetings.col.status": {"fi": "Tila", "sv": "Status", "en": "Status"},
    "meetings.remote": {"fi": "etänä", "sv": "på distans", "en": "remote"},
    # --- refusals (MeetingRefused) ---
    "meetings.refused.unknown_kind": {
        "fi": "tuntematon tapaamisen laji {kind} (käytä: {kinds})",
        "sv": "okänd mötestyp {kind} (använd: {kinds})",
        "en": "unknown meeting kind {kind} (use: {kinds})",
    },
    "meetings.refused.unknown_group": {
        "fi": "kaudella ei ole ryhmää {group}",
        "sv": "säsongen har ingen grupp {group}",
        "en": "the season has no group {group}",
    },
    "meetings.refused.not_published": {
        "fi": "ryhmä {group} ei ole julkaistussa tarjonnassa",
        "sv": "gruppen {group} finns inte i det publicerade utbudet",
        "en": "{group} is not in the published offering",
    },
    "meetings.refused.unknown_client": {
        "fi": "kaudella ei ole asiakasta tällä koodilla",
        "sv": "säsongen har ingen klient med den koden",
        "en": "no client with that code in the season",
    },
    "meetings.refused.no_place": {
        "fi": "asiakkaalla ei ole paikkaa ryhmässä {group}",
        "sv": "klienten har ingen plats i gruppen {group}",
        "en": "the client has no place in {group}",
    },
    "meetings.refused.counsellor_leads": {
        "fi": "omatyöntekijä ohjaa ryhmää {group}: yhteistä tapaamista ei tarvita",
        "sv": "kontaktpersonen leder gruppen {group}: inget gemensamt möte behövs",
        "en": "the counsellor leads {group}: no joint meeting is needed",
    },
    "meetings.refused.duplicate": {
        "fi": "asiakkaalla on jo {kind} ryhmässä {group} (tapaaminen {id})",
        "sv": "klienten har redan ett {kind} i gruppen {group} (möte {id})",
        "en": "the client already has a {kind} in {group} (meeting {id})",
    },
    "meetings.refused.not_offered": {
        "fi": "{date} klo {start} ei ole tarjolla ({kind}): valitse ehdotetuista ajoista",
        "sv": "{date} kl. {start} erbjuds inte ({kind}): välj bland de föreslagna tiderna",
        "en": "{date} {start} is not an offered time ({kind}): pick one of the suggested times",
    },
    "meetings.refused.person_busy": {
        "fi": "henkilöllä {person} on jo tapaaminen tuohon aikaan {date}",
        "sv": "{person} har redan ett möte vid den tiden {date}",
        "en": "{person} already has a meeting at that time on {date}",
    },
    "meetings.refused.unknown_meeting": {
        "fi": "tapaamista {id} ei ole",
        "sv": "möte {id} finns inte",
        "en": "no meeting {id}",
    },
    "meetings.refused.already_held": {
        "fi": "tapaaminen {id} on jo pidetty",
        "sv": "möte {id} är redan hållet",
        "en": "meeting {id} was held already",
    },
    "meetings.refused.already_cancelled": {
        "fi": "tapaaminen {id} on peruttu",
        "sv": "möte {id} är inställt",
        "en": "meeting {id} is cancelled",
    },
    "meetings.refused.not_yet": {
        "fi": "tapaaminen {id} on vasta {date}: sen voi merkitä pidetyksi sinä päivänä tai "
        "myöhemmin",
        "sv": "möte {id} är först {date}: det kan markeras som hållet den dagen eller senare",
        "en": "meeting {id} is on {date}: it can be marked held from that day on",
    },
}
