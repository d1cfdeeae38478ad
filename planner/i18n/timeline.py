"""A client's service timeline (`planner.timeline`): its dates, the warnings of the finder and
of enrolment, the evaluations due on the Changes page and the client form's timeline fields.
Wording after the handbook: päätös / beslut (l. 596), väliarviointi / mellanutvärdering
(l. 644-650), maksimiaika / maximal tid (l. 118)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "timeline.start": {
        "fi": "Sosiaalinen kuntoutus alkoi {date}",
        "sv": "Den sociala rehabiliteringen inleddes {date}",
        "en": "Social rehabilitation started on {date}",
    },
    "timeline.decision_end": {
        "fi": "Nykyinen päätös päättyy {date} (päätökset kuudeksi kuukaudeksi, {source})",
        "sv": "Det nuvarande beslutet upphör {date} (beslut för sex månader åt gången, {source})",
        "en": "The current decision ends on {date} (six months at a time, {source})",
    },
    "timeline.maximum_end": {
        "fi": "{months} kuukauden maksimiaika täyttyy {date} ({source})",
        "sv": "Den maximala tiden på {months} månader uppnås {date} ({source})",
        "en": "The {months}-month maximum is reached on {date} ({source})",
    },
    "timeline.evaluation.first": {
        "fi": "Väliarviointi ({months} kk)",
        "sv": "Mellanutvärdering ({months} mån)",
        "en": "Interim evaluation ({months} months)",
    },
    "timeline.evaluation.joint": {
        "fi": "Yhteinen väliarviointi ({months} kk)",
        "sv": "Gemensam mellanutvärdering ({months} mån)",
        "en": "Joint evaluation ({months} months)",
    },
    "timeline.evaluation.due": {
        "fi": "{what}: {date}",
        "sv": "{what}: {date}",
        "en": "{what}: {date}",
    },
    "timeline.evaluation.held": {
        "fi": "{what}: {date}, pidetty",
        "sv": "{what}: {date}, hållen",
        "en": "{what}: {date}, held",
    },
    "timeline.overdue": {
        "fi": "(myöhässä)",
        "sv": "(försenad)",
        "en": "(overdue)",
    },
    "timeline.none": {
        "fi": "Asiakkaalle ei ole kirjattu palvelun alkua: ei aikajanaa.",
        "sv": "Ingen start av tjänsten har registrerats för klienten: ingen tidslinje.",
        "en": "No service start is recorded for the client: no timeline.",
    },
    "timeline.recorded": {
        "fi": "Aikajana tallennettu asiakkaalle {client}.",
        "sv": "Tidslinjen sparades för klienten {client}.",
        "en": "Timeline recorded for client {client}.",
    },
    "timeline.warning.past_decision": {
        "fi": "Huom: ryhmä jatkuu asiakkaan päätöksen päättymisen ({date}) jälkeen ({source})",
        "sv": "Obs: gruppen fortsätter efter att klientens beslut upphör ({date}) ({source})",
        "en": "Note: the group runs past the end of the client's decision ({date}) ({source})",
    },
    "timeline.warning.past_maximum": {
        "fi": "Huom: ryhmä jatkuu sosiaalisen kuntoutuksen {months} kuukauden maksimiajan "
        "({date}) yli ({source})",
        "sv": "Obs: gruppen fortsätter efter den sociala rehabiliteringens maximala tid på "
        "{months} månader ({date}) ({source})",
        "en": "Note: the group runs past the {months}-month maximum of social rehabilitation "
        "({date}) ({source})",
    },
    "timeline.warning.service_ended": {
        "fi": "Asiakkaan sosiaalinen kuntoutus päättyi {date}: uutta ryhmäpaikkaa ei voi varata",
        "sv": "Klientens sociala rehabilitering upphörde {date}: ingen ny gruppplats kan bokas",
        "en": "The client's social rehabilitation ended on {date}: no new group place can be taken",
    },
    "timeline.ended": {
        "fi": "Palvelu päättyi {date}: {reason} · jatkopolku: {path}",
        "sv": "Tjänsten upphörde {date}: {reason} · fortsatt väg: {path}",
        "en": "The service ended on {date}: {reason} · next: {path}",
    },
    "timeline.end_recorded": {
        "fi": "Palvelun päättyminen kirjattu asiakkaalle {client}; päättyneet ryhmäpaikat: "
        "{places}.",
        "sv": "Tjänstens slut antecknat för klienten {client}; avslutade gruppplatser: {places}.",
        "en": "The end of the service was recorded for client {client}; places ended: {places}.",
    },
    "timeline.reopened": {
        "fi": "Palvelun päättyminen poistettu asiakkaalta {client}: palvelu jatkuu. Päättyneet "
        "ryhmäpaikat eivät palaa itsestään.",
        "sv": "Tjänstens slut togs bort för klienten {client}: tjänsten fortsätter. Avslutade "
        "gruppplatser återkommer inte av sig själva.",
        "en": "The end of the service was removed for client {client}: the service goes on. "
        "Places that ended do not come back by themselves.",
    },
    # refusals (`planner.timeline.TimelineError`, `planner.store.TimelineRefused`)
    "timeline.refused.end_before_start": {
        "fi": "palvelu ei voi päättyä ennen alkuaan",
        "sv": "tjänsten kan inte upphöra före sin start",
        "en": "the service cannot end before it starts",
    },
    "timeline.refused.end_past_maximum": {
        "fi": "palvelu päättyy viimeistään {months} kuukauden maksimiajan täyttyessä ({date}, "
        "{source})",
        "sv": "tjänsten upphör senast när den maximala tiden på {months} månader uppnås ({date}, "
        "{source})",
        "en": "the service ends at the latest when the {months}-month maximum is reached "
        "({date}, {source})",
    },
    "timeline.refused.end_in_future": {
        "fi": "palvelun päättyminen kirjataan päättymispäivänä tai sen jälkeen, ei etukäteen",
        "sv": "tjänstens slut antecknas på slutdagen eller senare, inte i förväg",
        "en": "the end of the service is recorded on its last day or later, not in advance",
    },
    "timeline.refused.end_needs_reason": {
        "fi": "kirjaa palvelun päättymisen syy",
        "sv": "ange orsaken till att tjänsten upphör",
        "en": "give the reason the service ends",
    },
    "timeline.refused.reason_without_end": {
        "fi": "päättymisen syy tai jatkopolku tarvitsee päättymispäivän",
        "sv": "en orsak eller fortsatt väg behöver ett slutdatum",
        "en": "a reason or follow-up path needs the day the service ended",
    },
    "timeline.refused.unknown_follow_up": {
        "fi": "tuntematon jatkopolku",
        "sv": "okänd fortsatt väg",
        "en": "unknown follow-up path",
    },
    "timeline.refused.decision_before_start": {
        "fi": "päätös ei voi päättyä ennen palvelun alkua",
        "sv": "beslutet kan inte upphöra före tjänstens start",
        "en": "the decision cannot end before the service starts",
    },
    "timeline.refused.decision_past_maximum": {
        "fi": "päätös ei voi jatkua {months} kuukauden maksimiajan ({date}) yli ({source})",
        "sv": "beslutet kan inte gälla efter den maximala tiden på {months} månader ({date}) "
        "({source})",
        "en": "the decision cannot run past the {months}-month maximum ({date}) ({source})",
    },
    "timeline.refused.unknown_evaluation": {
        "fi": "väliarviointia ei ole {held} kuukauden kohdalla: arvioinnit ovat {known} kk",
        "sv": "ingen mellanutvärdering efter {held} månader: utvärderingarna är efter {known} mån",
        "en": "no evaluation at {held} months: evaluations are at {known} months",
    },
    "timeline.refused.unknown_client": {
        "fi": "millään kaudella ei ole asiakasta tällä koodilla",
        "sv": "ingen klient med den koden under någon säsong",
        "en": "no client with that code in any season",
    },
    "timeline.refused.needs_start": {
        "fi": "uusi aikajana tarvitsee palvelun alkupäivän",
        "sv": "en ny tidslinje behöver tjänstens startdatum",
        "en": "a new timeline needs the service's start date",
    },
    # the Changes page: the counsellor's evaluations due
    "timeline.due.title": {
        "fi": "Väliarvioinnit lähiaikoina",
        "sv": "Mellanutvärderingar inom kort",
        "en": "Evaluations due soon",
    },
    "timeline.due.caption": {
        "fi": "Asiakkaidesi väliarvioinnit seuraavan {days} päivän aikana ja myöhässä olevat.",
        "sv": "Dina klienters mellanutvärderingar inom {days} dagar och de som är försenade.",
        "en": "Your clients' evaluations in the next {days} days, and the overdue ones.",
    },
    "timeline.due.none": {
        "fi": "Ei väliarviointeja seuraavan {days} päivän aikana.",
        "sv": "Inga mellanutvärderingar inom {days} dagar.",
        "en": "No evaluations in the next {days} days.",
    },
    "timeline.held.choose": {
        "fi": "Pidetty väliarviointi",
        "sv": "Hållen mellanutvärdering",
        "en": "Evaluation held",
    },
    "timeline.held.mark": {
        "fi": "Merkitse pidetyksi",
        "sv": "Markera som hållen",
        "en": "Mark as held",
    },
    "timeline.held.done": {
        "fi": "Merkitty pidetyksi: {what}",
        "sv": "Markerad som hållen: {what}",
        "en": "Marked as held: {what}",
    },
    "timeline.due.col.client": {"fi": "Asiakas", "sv": "Klient", "en": "Client"},
    "timeline.due.col.evaluation": {
        "fi": "Arviointi",
        "sv": "Utvärdering",
        "en": "Evaluation",
    },
    "timeline.due.col.date": {"fi": "Päivä", "sv": "Datum", "en": "Date"},
    "timeline.due.col.state": {"fi": "Tila", "sv": "Läge", "en": "State"},
    "timeline.due.overdue": {"fi": "Myöhässä", "sv": "Försenad", "en": "Overdue"},
    "timeline.due.soon": {"fi": "Tulossa", "sv": "Kommande", "en": "Coming"},
    # the client form
    "timeline.form.title": {
        "fi": "Palvelun aikajana",
        "sv": "Tjänstens tidslinje",
        "en": "Service timeline",
    },
    "timeline.form.start": {
        "fi": "Sosiaalisen kuntoutuksen alku",
        "sv": "Den sociala rehabiliteringens start",
        "en": "Start of social rehabilitation",
    },
    "timeline.form.decision_end": {
        "fi": "Nykyisen päätöksen viimeinen päivä (tyhjä: kuusi kuukautta alusta)",
        "sv": "Det nuvarande beslutets sista dag (tom: sex månader från starten)",
        "en": "Last day of the current decision (empty: six months from the start)",
    },
    "timeline.form.held": {
        "fi": "Pidetyt väliarvioinnit",
        "sv": "Hållna mellanutvärderingar",
        "en": "Evaluations held",
    },
    "timeline.form.end": {
        "fi": "Palvelun viimeinen päivä (kirjaa, kun palvelu päättyy)",
        "sv": "Tjänstens sista dag (antecknas när tjänsten upphör)",
        "en": "Last day of the service (record it when the service ends)",
    },
    "timeline.form.end_reason": {
        "fi": "Päättymisen syy",
        "sv": "Orsak till att tjänsten upphör",
        "en": "Why the service ends",
    },
    "timeline.form.follow_up": {
        "fi": "Jatkopolku",
        "sv": "Fortsatt väg",
        "en": "Follow-up path",
    },
    "timeline.form.no_choice": {"fi": "—", "sv": "—", "en": "—"},
    "timeline.form.end_caption": {
        "fi": "Palvelun päättymisen kirjaa asiakkaan oma työntekijä. Se päättää asiakkaan "
        "ryhmäpaikat ja jonopaikat samalla syyllä.",
        "sv": "Tjänstens slut antecknas av klientens egen kontaktperson. Det avslutar klientens "
        "gruppplatser och köplatser med samma orsak.",
        "en": "The client's own worker records the end of the service. It ends the client's "
        "group places and waiting-list places with the same reason.",
    },
    "timeline.form.record_end": {
        "fi": "Kirjaa palvelun päättyminen",
        "sv": "Anteckna att tjänsten upphört",
        "en": "Record the end of the service",
    },
    "timeline.form.end_needs_day": {
        "fi": "Valitse palvelun viimeinen päivä.",
        "sv": "Välj tjänstens sista dag.",
        "en": "Choose the service's last day.",
    },
    "timeline.form.reopen": {
        "fi": "Poista päättyminen (kirjattu vahingossa)",
        "sv": "Ta bort slutet (antecknat av misstag)",
        "en": "Remove the end (recorded by mistake)",
    },
    "timeline.form.save": {
        "fi": "Tallenna aikajana",
        "sv": "Spara tidslinjen",
        "en": "Save the timeline",
    },
}
