"""Why the solver left a group unscheduled or a client unplaced (`planner.solve.explain`)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # --- groups ---
    "solver.cancelled": {
        "fi": "koordinaattori perui ryhmän",
        "sv": "inställd av koordinatorn",
        "en": "cancelled by the coordinator",
    },
    "solver.invalid_hours": {
        "fi": "kokoontuu {hours} h viikossa; kokoontumisen on kestettävä 2–4 tuntia",
        "sv": "träffas {hours} h i veckan; en träff ska vara 2–4 timmar",
        "en": "meets {hours} h a week; a session must last 2-4 hours",
    },
    "solver.no_term": {
        "fi": "ryhmällä ei ole määräaikaa eikä se ole pop up -ryhmä",
        "sv": "gruppen har ingen fast tid och är ingen pop up-grupp",
        "en": "has no fixed term and is not a pop-up group",
    },
    "solver.size_limits": {
        "fi": "kokorajat {min}–{max} eivät sovi käsikirjan 3–10 henkilöön",
        "sv": "storleksgränserna {min}–{max} passar inte handbokens 3–10 personer",
        "en": "its size limits {min}-{max} do not fit the handbook's 3-10 persons",
    },
    "solver.no_venue": {
        "fi": "kunnassa {municipality} ei ole toimitilaa",
        "sv": "det finns ingen lokal i {municipality}",
        "en": "there is no venue in {municipality}",
    },
    "solver.venue_closed": {
        "fi": "mikään toimitila kunnassa {municipality} ei ole auki {hours} tuntia ({days})",
        "sv": "ingen lokal i {municipality} är öppen {hours} timmar ({days})",
        "en": "no venue in {municipality} is open for {hours} hours on {days}",
    },
    "solver.venues_booked": {
        "fi": "kaikki sopivat toimitilat kunnassa {municipality} ovat muiden ryhmien käytössä "
        "mahdollisina aikoina ({days})",
        "sv": "alla lämpliga lokaler i {municipality} är bokade av andra grupper de tider "
        "gruppen kunde träffas ({days})",
        "en": "every suitable venue in {municipality} is booked by other groups at the times it "
        "could meet on {days}",
    },
    "solver.venue_too_small": {
        "fi": "mihinkään vapaaseen toimitilaan kunnassa {municipality} ei mahdu {need} henkilöä",
        "sv": "ingen ledig lokal i {municipality} rymmer {need} personer",
        "en": "no free venue in {municipality} holds {need} people",
    },
    "solver.no_leader_language": {
        "fi": "yksikään pätevä työntekijä ei puhu {language}",
        "sv": "ingen behörig anställd talar {language}",
        "en": "no qualified staff member speaks {language}",
    },
    "solver.no_leader_on_days": {
        "fi": "yksikään {language} puhuva pätevä ohjaaja ei ole töissä ({days})",
        "sv": "ingen behörig ledare som talar {language} arbetar {days}",
        "en": "no qualified leader who speaks {language} works on {days}",
    },
    "solver.no_leader_in_reach": {
        "fi": "yksikään {language} puhuva pätevä ohjaaja ei ole vapaana ({days}) kunnassa "
        "{municipality}",
        "sv": "ingen behörig ledare som talar {language} är ledig {days} i {municipality}",
        "en": "no qualified leader who speaks {language} is free on {days} in {municipality}",
    },
    "solver.leaders_at_hour_limit": {
        "fi": "kaikki {language} puhuvat pätevät ohjaajat, jotka ovat töissä ({days}), ovat "
        "viikkotuntirajallaan",
        "sv": "alla behöriga ledare som talar {language} och arbetar {days} har nått sin "
        "veckotimgräns",
        "en": "all qualified leaders who speak {language} and work on {days} are at their weekly "
        "hour limit",
    },
    "solver.leaders_busy": {
        "fi": "kaikki {language} puhuvat pätevät ohjaajat ovat muissa ryhmissä mahdollisina "
        "aikoina ({days}, {municipality})",
        "sv": "alla behöriga ledare som talar {language} leder andra grupper de tider gruppen "
        "kunde träffas ({days}, {municipality})",
        "en": "all qualified leaders who speak {language} are busy with other groups at the "
        "times it could meet on {days} in {municipality}",
    },
    "solver.no_second_leader": {
        "fi": "vähintään {need} osallistujan ryhmä tarvitsee kaksi ohjaajaa, eikä toista "
        "{language} puhuvaa ohjaajaa ole vapaana ({days})",
        "sv": "från {need} deltagare behövs två ledare, och ingen andra ledare som talar "
        "{language} är ledig {days}",
        "en": "from {need} participants it needs two leaders, and no second leader who speaks "
        "{language} is free on {days}",
    },
    "solver.too_few_clients": {
        "fi": "vain {n} sopivaa asiakasta pääsee toimitilaan kunnassa {municipality} ohjaajien "
        "työpäivinä; tarvitaan vähintään {min}",
        "sv": "bara {n} lämpliga klienter når en lokal i {municipality} de dagar ledarna "
        "arbetar; minst {min} behövs",
        "en": "only {n} eligible clients can reach a venue in {municipality} on the days the "
        "leaders work; at least {min} needed",
    },
    "solver.no_clients_in_reach": {
        "fi": "yksikään sopiva asiakas ei pääse toimitilaan kunnassa {municipality} ohjaajien "
        "työpäivinä; tarvitaan vähintään {min}",
        "sv": "ingen lämplig klient når en lokal i {municipality} de dagar ledarna arbetar; "
        "minst {min} behövs",
        "en": "no eligible client can reach a venue in {municipality} on the days the leaders "
        "work; at least {min} needed",
    },
    "solver.clients_all_taken": {
        "fi": "kaikki sopivat asiakkaat ovat jo muissa ryhmissä; tarvitaan vähintään {min}",
        "sv": "alla lämpliga klienter är redan i andra grupper; minst {min} behövs",
        "en": "every eligible client is already in another group; at least {min} needed",
    },
    "solver.clients_taken": {
        "fi": "vain {n} sopivaa asiakasta on vielä vapaana (muut ovat muissa ryhmissä); "
        "tarvitaan vähintään {min}",
        "sv": "bara {n} lämpliga klienter är fortfarande lediga (de andra är i andra grupper); "
        "minst {min} behövs",
        "en": "only {n} eligible clients are still free (the others are in other groups); at "
        "least {min} needed",
    },
    "solver.pins_conflict": {
        "fi": "kiinnitettyä tietoa ({pins}) ei voi pitää, koska: {rules}",
        "sv": "den fastlåsta uppgiften ({pins}) kan inte hållas, eftersom: {rules}",
        "en": "its pinned {pins} cannot be kept together with: {rules}",
    },
    "solver.pinned": {
        "fi": "kiinnitetty: {pins}; {detail}",
        "sv": "fastlåst: {pins}; {detail}",
        "en": "pinned: {pins}; {detail}",
    },
    "solver.pins_only": {
        "fi": "kiinnitetyt tiedot eivät sovi yhteen",
        "sv": "de fastlåsta uppgifterna går inte ihop",
        "en": "the pinned values do not fit together",
    },
    "solver.pinned_leaders": {
        "fi": "kiinnitetyt ohjaajat eivät voi ohjata ryhmää",
        "sv": "de fastlåsta ledarna kan inte leda gruppen",
        "en": "the pinned leaders cannot lead it",
    },
    "solver.no_qualified_leader": {
        "fi": "yksikään {language} puhuva ohjaaja, joka voisi ohjata ryhmää, ei ole pätevä "
        "työntekijä",
        "sv": "ingen ledare som talar {language} och kunde leda gruppen är en behörig anställd",
        "en": "no leader who speaks {language} and could lead it is a qualified staff member",
    },
    "solver.leaders_no_travel_time": {
        "fi": "{language} puhuvat pätevät ohjaajat eivät ehdi muiden ryhmiensä ja kunnan "
        "{municipality} toimitilan väliä ({days})",
        "sv": "de behöriga ledarna som talar {language} hinner inte resa mellan sina andra "
        "grupper och en lokal i {municipality} ({days})",
        "en": "the qualified leaders who speak {language} have no time to travel between their "
        "other groups and a venue in {municipality} on {days}",
    },
    "solver.blocked": {
        "fi": "näitä sääntöjä ei voi täyttää yhtä aikaa: {rules}",
        "sv": "de här reglerna kan inte uppfyllas samtidigt: {rules}",
        "en": "these rules cannot all be met: {rules}",
    },
    "solver.search_stopped": {
        "fi": "ryhmä voisi toteutua ({when}), mutta haku pysähtyi ennen sitä; anna lisää aikaa",
        "sv": "gruppen kunde ordnas ({when}), men sökningen avbröts innan; ge mer tid",
        "en": "it could run ({when}), but the search stopped before adding it; allow more time",
    },
    "solver.not_analysed": {
        "fi": "ei aikataulutettu; syyn selvittämiseen ei jäänyt aikaa",
        "sv": "inte schemalagd; det fanns ingen tid kvar att reda ut varför",
        "en": "not scheduled; no time was left to work out why",
    },
    # --- clients ---
    "solver.client_no_language": {
        "fi": "yksikään ryhmä ei toimi asiakkaan puhumalla kielellä",
        "sv": "ingen grupp hålls på ett språk som klienten talar",
        "en": "no group runs in a language the client speaks",
    },
    "solver.client_no_remote_consent": {
        "fi": "asiakkaalle sopivat ryhmät ovat etäryhmiä, eikä etäosallistumisesta ole sovittu "
        "asiakkaan kanssa",
        "sv": "grupperna som passar klienten är distansgrupper, och deltagande på distans har "
        "inte avtalats med klienten",
        "en": "the groups that suit the client are remote, and taking part remotely has not "
        "been agreed with the client",
    },
    "solver.client_no_audience": {
        "fi": "asiakkaan kieliset ryhmät on suunnattu muille kohderyhmille",
        "sv": "grupperna på klientens språk riktar sig till andra målgrupper",
        "en": "the groups in the client's language are for other audiences",
    },
    "solver.client_no_days": {
        "fi": "yksikään asiakkaan kielinen ryhmä ei kokoonnu ({days})",
        "sv": "ingen grupp på klientens språk träffas {days}",
        "en": "no group in the client's language meets on {days}",
    },
    "solver.client_too_far": {
        "fi": "yksikään asiakkaan kielinen ryhmä ei ole {minutes} min matkan päässä ({mode})",
        "sv": "ingen grupp på klientens språk ligger inom {minutes} min ({mode})",
        "en": "no group in a language the client speaks is within {minutes} min by {mode}",
    },
    "solver.client_no_access": {
        "fi": "yksikään ulottuvilla oleva ryhmä ei kokoonnu esteettömässä tilassa",
        "sv": "ingen grupp inom räckhåll träffas i en tillgänglig lokal",
        "en": "no group within reach meets at an accessible venue",
    },
    "solver.client_groups_unscheduled": {
        "fi": "sopivia ryhmiä ({groups}) ei voitu aikatauluttaa",
        "sv": "de grupper som skulle passa ({groups}) kunde inte schemaläggas",
        "en": "the groups that would suit ({groups}) could not be scheduled",
    },
    "solver.client_groups_full": {
        "fi": "sopivat ryhmät ovat täynnä ({groups})",
        "sv": "lämpliga grupper är fulla ({groups})",
        "en": "suitable groups are full ({groups})",
    },
    "solver.client_needs_second_leader": {
        "fi": "sopiva ryhmä ({groups}) tarvitsisi toisen ohjaajan 5 osallistujasta alkaen",
        "sv": "en lämplig grupp ({groups}) skulle behöva en andra ledare från 5 deltagare",
        "en": "a suitable group ({groups}) would need a second leader from 5 participants",
    },
    "solver.client_only_drop_in": {
        "fi": "vain avoimet pop up -ryhmät sopivat ({groups}): niihin tullaan ilman "
        "ilmoittautumista, joten niihin ei sijoiteta",
        "sv": "bara öppna pop up-grupper passar ({groups}): dit kommer man utan anmälan, så "
        "ingen placeras där",
        "en": "only drop-in groups suit ({groups}): anyone may come without enrolment, so "
        "nobody is placed in them",
    },
    "solver.client_not_placed": {
        "fi": "sopivia ryhmiä on ({groups}), mutta haku ei sijoittanut asiakasta",
        "sv": "lämpliga grupper finns ({groups}) men sökningen placerade inte klienten",
        "en": "suitable groups exist ({groups}) but the search did not place the client",
    },
    # --- values in reasons (a language spoken, a way of travelling) ---
    "solver.language.fi": {"fi": "suomea", "sv": "finska", "en": "Finnish"},
    "solver.language.sv": {"fi": "ruotsia", "sv": "svenska", "en": "Swedish"},
    "solver.mode.car": {"fi": "autolla", "sv": "bil", "en": "car"},
    "solver.mode.transit": {
        "fi": "joukkoliikenteellä",
        "sv": "kollektivtrafik",
        "en": "public transport",
    },
    "solver.mode.ride": {"fi": "työautolla", "sv": "arbetsbilen", "en": "the work car"},
    "solver.pin.weekday": {"fi": "viikonpäivä", "sv": "veckodag", "en": "weekday"},
    "solver.pin.start": {"fi": "alkamisaika", "sv": "starttid", "en": "start"},
    "solver.pin.venue": {"fi": "toimitila", "sv": "lokal", "en": "venue"},
    "solver.pin.leader": {"fi": "ohjaaja {id}", "sv": "ledare {id}", "en": "leader {id}"},
    "solver.pinned.weekday": {
        "fi": "viikonpäivä {day}",
        "sv": "veckodag {day}",
        "en": "weekday {day}",
    },
    "solver.pinned.start": {"fi": "alkamisaika {at}", "sv": "starttid {at}", "en": "start {at}"},
    "solver.pinned.venue": {
        "fi": "toimitila {venue}",
        "sv": "lokal {venue}",
        "en": "venue {venue}",
    },
    "solver.pinned.leader": {"fi": "ohjaaja {who}", "sv": "ledare {who}", "en": "leader {who}"},
    # --- facts behind a reason, shown after it in brackets (`planner.solve.reason`) ---
    "solver.fact.workdays": {
        "fi": "työpäivät: {list}",
        "sv": "arbetsdagar: {list}",
        "en": "working days: {list}",
    },
    "solver.fact.languages": {
        "fi": "pätevien työntekijöiden kielet: {list}",
        "sv": "de behöriga anställdas språk: {list}",
        "en": "languages of the qualified staff: {list}",
    },
    "solver.fact.not_qualified": {
        "fi": "{language} puhuvat eivät ole päteviä työntekijöitä: {list}",
        "sv": "talar {language} men är inte behöriga anställda: {list}",
        "en": "speak {language} but are not qualified staff: {list}",
    },
    "solver.fact.partners_elsewhere": {
        "fi": "yhteistyökumppanit, jotka toimivat muualla: {list}",
        "sv": "samarbetspartner som verkar på annat håll: {list}",
        "en": "partners who work elsewhere: {list}",
    },
    "solver.fact.busy": {
        "fi": "ohjaa muita ryhmiä: {list}",
        "sv": "leder andra grupper: {list}",
        "en": "leading other groups: {list}",
    },
    "solver.fact.hours": {
        "fi": "ryhmä vaatii {need} h viikossa; ryhmätunnit käytössä: {list}",
        "sv": "gruppen kräver {need} h i veckan; grupptimmar i bruk: {list}",
        "en": "the group needs {need} h a week; group hours in use: {list}",
    },
    "solver.fact.opening": {
        "fi": "aukioloajat: {list}",
        "sv": "öppettider: {list}",
        "en": "opening hours: {list}",
    },
    "solver.fact.rooms": {
        "fi": "varattu muille ryhmille: {list}",
        "sv": "bokade av andra grupper: {list}",
        "en": "held by other groups: {list}",
    },
    "solver.fact.capacity": {
        "fi": "henkilömäärä enintään: {list}",
        "sv": "rymmer högst: {list}",
        "en": "holds at most: {list}",
    },
    "solver.fact.venues_elsewhere": {
        "fi": "lähimmät toimitilat muualla: {list}",
        "sv": "närmaste lokaler på annat håll: {list}",
        "en": "nearest venues elsewhere: {list}",
    },
    "solver.fact.leaders": {
        "fi": "mahdolliset ohjaajat: {list}",
        "sv": "möjliga ledare: {list}",
        "en": "possible leaders: {list}",
    },
    "solver.fact.pins": {
        "fi": "kiinnitetty: {pins}",
        "sv": "fastlåst: {pins}",
        "en": "pinned: {pins}",
    },
    "solver.fact.clients": {
        "fi": "{of} asiakkaasta {removed} karsiutuu säännön vuoksi",
        "sv": "av {of} klienter faller {removed} bort på grund av en regel",
        "en": "{removed} of {of} clients are ruled out by a rule",
    },
    "solver.fact.clients.participant_language": {
        "fi": "{of} asiakkaasta {removed} ei puhu {language}",
        "sv": "av {of} klienter talar {removed} inte {language}",
        "en": "{removed} of {of} clients do not speak {language}",
    },
    "solver.fact.clients.participant_audience": {
        "fi": "{of} asiakkaasta {removed} ei kuulu ryhmän kohderyhmään",
        "sv": "av {of} klienter hör {removed} inte till gruppens målgrupp",
        "en": "{removed} of {of} clients are not in the group's audience",
    },
    "solver.fact.clients.remote_consent": {
        "fi": "{of} asiakkaasta {removed} ei ole sopinut etäosallistumisesta",
        "sv": "av {of} klienter har {removed} inte kommit överens om deltagande på distans",
        "en": "{removed} of {of} clients have not agreed to take part remotely",
    },
    "solver.fact.clients.participant_days": {
        "fi": "{of} asiakkaasta {removed} ei pääse ({days})",
        "sv": "av {of} klienter kan {removed} inte komma {days}",
        "en": "{removed} of {of} clients cannot come on {days}",
    },
    "solver.fact.clients.participant_travel": {
        "fi": "{of} asiakkaasta {removed} ei pääse mihinkään toimitilaan matka-aikansa puitteissa",
        "sv": "av {of} klienter når {removed} ingen lokal inom sin restid",
        "en": "{removed} of {of} clients reach no venue within their travel time",
    },
    "solver.fact.clients.accessible": {
        "fi": "{of} asiakkaasta {removed} tarvitsee esteettömän toimitilan, jota ei ole "
        "ulottuvilla",
        "sv": "av {of} klienter behöver {removed} en tillgänglig lokal som inte finns inom "
        "räckhåll",
        "en": "{removed} of {of} clients need an accessible venue and none is within reach",
    },
    "solver.fact.clients.max_groups": {
        "fi": "{of} asiakkaasta {removed} on jo niin monessa ryhmässä kuin voi olla",
        "sv": "av {of} klienter är {removed} redan i så många grupper som de får",
        "en": "{removed} of {of} clients are already in as many groups as they may be",
    },
    # --- values inside facts ---
    "solver.value.time": {"fi": "{h}.{m}", "sv": "{h}.{m}", "en": "{h}:{m}"},
    "solver.value.decimal": {"fi": ",", "sv": ",", "en": "."},
    "solver.value.no_days": {"fi": "ei työpäiviä", "sv": "inga arbetsdagar", "en": "no weekdays"},
    "solver.value.more": {"fi": "ja {n} muuta", "sv": "och {n} till", "en": "and {n} more"},
    "solver.value.no_language": {
        "fi": "ei ryhmäkieltä",
        "sv": "inget gruppspråk",
        "en": "no group language",
    },
    "solver.value.nothing": {"fi": "ei mitään", "sv": "inget", "en": "nothing"},
    "solver.value.closed": {"fi": "suljettu", "sv": "stängd", "en": "closed"},
    "solver.value.rooms": {"fi": "huoneita: {n}", "sv": "rum: {n}", "en": "rooms: {n}"},
    "solver.value.session_at": {
        "fi": "{session} ({venue})",
        "sv": "{session} ({venue})",
        "en": "{session} at {venue}",
    },
    "solver.value.hours_used": {
        "fi": "{used}/{cap} h viikossa",
        "sv": "{used}/{cap} h i veckan",
        "en": "{used} of {cap} h a week",
    },
    "solver.value.speaks": {
        "fi": "puhuu: {languages}",
        "sv": "talar {languages}",
        "en": "speaks {languages}",
    },
    "solver.value.qualified": {
        "fi": "pätevä työntekijä",
        "sv": "behörig anställd",
        "en": "qualified staff",
    },
    "solver.value.not_qualified": {
        "fi": "ei pätevä työntekijä",
        "sv": "inte behörig anställd",
        "en": "not qualified staff",
    },
    "solver.value.works": {"fi": "töissä {days}", "sv": "arbetar {days}", "en": "works {days}"},
    "solver.value.leads": {
        "fi": "ohjaa {sessions}",
        "sv": "leder {sessions}",
        "en": "leads {sessions}",
    },
    "solver.value.works_elsewhere": {
        "fi": "toimii muissa kunnissa",
        "sv": "verkar i andra kommuner",
        "en": "works in other municipalities",
    },
}
