"""What the group finder says: reasons a group suits a client, and the filters it breaks."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # --- reasons: why a group suits a client (capitalised sentences) ---
    "finder.reason.theme": {
        "fi": "Teema vastaa kiinnostuksen kohteita: {theme}",
        "sv": "Temat motsvarar intressena: {theme}",
        "en": "Theme matches interests: {theme}",
    },
    "finder.reason.theme_related": {
        "fi": "Teema liittyy kiinnostuksen kohteisiin: {theme} ({interest})",
        "sv": "Temat anknyter till intressena: {theme} ({interest})",
        "en": "Theme is close to interests: {theme} ({interest})",
    },
    "finder.reason.popup": {
        "fi": "Matalan kynnyksen pop up -ryhmä: mukaan voi tulla milloin vain",
        "sv": "Pop up-grupp med låg tröskel: man kan komma med när som helst",
        "en": "Low-threshold pop-up group: join any time",
    },
    "finder.reason.drop_in": {
        "fi": "Avoin pop up -ryhmä: tule paikalle, ilmoittautumista ei tarvita",
        "sv": "Öppen pop up-grupp: kom på plats, ingen anmälan behövs",
        "en": "Drop-in pop-up group: just come along, no enrolment needed",
    },
    "finder.reason.audience": {
        "fi": "Kohderyhmä: {audience}",
        "sv": "Målgrupp: {audience}",
        "en": "Made for {audience}",
    },
    "finder.reason.audience_unknown": {
        "fi": "Ryhmä on tarkoitettu: {audience}. Tarkista, sopiiko se asiakkaalle.",
        "sv": "Gruppen är avsedd för: {audience}. Kontrollera att den passar klienten.",
        "en": "The group is meant for: {audience}. Check that it suits the client.",
    },
    "finder.reason.wish": {
        "fi": "Asiakkaan toive nro {rank}",
        "sv": "Klientens önskemål nr {rank}",
        "en": "Client's wish no. {rank}",
    },
    "finder.reason.travel": {
        "fi": "{minutes} min {mode}",
        "sv": "{minutes} min {mode}",
        "en": "{minutes} min {mode}",
    },
    "finder.joins_remotely": {
        "fi": "osallistuu etänä (ei matkaa)",
        "sv": "deltar på distans (ingen resa)",
        "en": "joins remotely (no trip)",
    },
    "finder.on_site": {
        "fi": "paikan päällä, {minutes} min {mode}",
        "sv": "på plats, {minutes} min {mode}",
        "en": "on site, {minutes} min {mode}",
    },
    "finder.travel.remote": {
        "fi": "etänä",
        "sv": "på distans",
        "en": "remotely",
    },
    "finder.reason.remote": {
        "fi": "Etäryhmä: voi osallistua etänä kotoa",
        "sv": "Distansgrupp: man kan delta på distans hemifrån",
        "en": "Remote group: can join remotely from home",
    },
    "finder.reason.hybrid": {
        "fi": "Hybridiryhmä: voi osallistua myös etänä",
        "sv": "Hybridgrupp: man kan också delta på distans",
        "en": "Hybrid group: can also join remotely",
    },
    "finder.reason.hybrid_far": {
        "fi": "Hybridiryhmä: voi osallistua etänä ({minutes} min {mode}, raja {limit})",
        "sv": "Hybridgrupp: man kan delta på distans ({minutes} min {mode}, gräns {limit})",
        "en": "Hybrid group: can join remotely ({minutes} min {mode}, limit {limit})",
    },
    "finder.reason.hybrid_not_accessible": {
        "fi": "Hybridiryhmä: toimipaikka ei ole esteetön, mutta etänä voi osallistua",
        "sv": "Hybridgrupp: lokalen är inte tillgänglig, men man kan delta på distans",
        "en": "Hybrid group: venue not accessible, but can join remotely",
    },
    "finder.reason.small": {
        "fi": "Pieni ryhmä (enintään {size})",
        "sv": "Liten grupp (högst {size})",
        "en": "Small group (max {size})",
    },
    "finder.reason.few": {
        "fi": "Vähän osallistujia toistaiseksi ({taken})",
        "sv": "Få deltagare hittills ({taken})",
        "en": "Few participants so far ({taken})",
    },
    "finder.reason.evening": {
        "fi": "Kokoontuu iltapäivällä tai illalla (klo {start})",
        "sv": "Träffas på eftermiddagen eller kvällen (kl. {start})",
        "en": "Meets late in the day ({start})",
    },
    "finder.reason.morning": {
        "fi": "Kokoontuu aamupäivällä (klo {start})",
        "sv": "Träffas på förmiddagen (kl. {start})",
        "en": "Meets in the morning ({start})",
    },
    "finder.reason.starts": {"fi": "Alkaa {date}", "sv": "Börjar {date}", "en": "Starts {date}"},
    "finder.reason.started": {
        "fi": "Alkoi {date}, menossa viikko {week}/{weeks}",
        "sv": "Började {date}, nu vecka {week} av {weeks}",
        "en": "Started {date}, now in week {week} of {weeks}",
    },
    "finder.reason.seats": {
        "fi": "{n} vapaata paikkaa",
        "sv": "{n} lediga platser",
        "en": "{n} free seats",
    },
    "finder.reason.seat": {"fi": "1 vapaa paikka", "sv": "1 ledig plats", "en": "1 free seat"},
    "finder.reason.second_leader": {
        "fi": "Ryhmä tarvitsee toisen ohjaajan, kun osallistujia on viisi",
        "sv": "Gruppen behöver en andra ledare när deltagarna blir fem",
        "en": "Group needs a second leader once it has five participants",
    },
    "finder.reason.full": {
        "fi": "Täynnä: jonossa {n}",
        "sv": "Fullsatt: {n} i kö",
        "en": "Full: waiting list {n}",
    },
    "finder.reason.full_empty": {
        "fi": "Täynnä: jonossa ei vielä ketään",
        "sv": "Fullsatt: ingen i kö ännu",
        "en": "Full: waiting list empty so far",
    },
    "finder.reason.member": {
        "fi": "Asiakas on jo tässä ryhmässä",
        "sv": "Klienten är redan med i gruppen",
        "en": "Client is already in this group",
    },
    # --- failures: the hard filter a group breaks (lower-case, listed on one line) ---
    "finder.failed.language.fi": {
        "fi": "suomenkielinen ryhmä",
        "sv": "finskspråkig grupp",
        "en": "Finnish-speaking group",
    },
    "finder.failed.language.sv": {
        "fi": "ruotsinkielinen ryhmä",
        "sv": "svenskspråkig grupp",
        "en": "Swedish-speaking group",
    },
    "finder.failed.language": {
        "fi": "ryhmän kieli on {language}",
        "sv": "gruppens språk är {language}",
        "en": "group language is {language}",
    },
    "finder.failed.audience": {
        "fi": "ryhmä on tarkoitettu vain kohderyhmälle: {audience}",
        "sv": "gruppen är endast för {audience}",
        "en": "group only for {audience}",
    },
    "finder.failed.day": {
        "fi": "kokoontuu {day}, asiakas ei pääse",
        "sv": "träffas på {day}, klienten kan inte",
        "en": "meets on {day}, client not available",
    },
    "finder.failed.clash": {
        "fi": "kokoontuu samaan aikaan kuin asiakkaan ryhmä {group} ({day} klo {start}–{end})",
        "sv": "träffas samtidigt som klientens grupp {group} ({day} kl. {start}–{end})",
        "en": "meets at the same time as the client's group {group} ({day} {start}–{end})",
    },
    "finder.failed.travel": {
        "fi": "{minutes} min {mode}, raja {limit}",
        "sv": "{minutes} min {mode}, gräns {limit}",
        "en": "{minutes} min {mode}, limit {limit}",
    },
    "finder.failed.remote_consent": {
        "fi": "etäryhmä: asiakkaan kanssa ei ole sovittu etäosallistumisesta",
        "sv": "distansgrupp: deltagande på distans har inte avtalats med klienten",
        "en": "remote group: taking part remotely has not been agreed with the client",
    },
    "finder.failed.accessible": {
        "fi": "toimipaikka ei ole esteetön",
        "sv": "lokalen är inte tillgänglig",
        "en": "venue not accessible",
    },
    "finder.failed.ended": {
        "fi": "ryhmä päättyi {date}",
        "sv": "gruppen slutade {date}",
        "en": "group ended {date}",
    },
    # --- a list of matches as text ---
    "finder.list.none": {
        "fi": "Sopivia ryhmiä ei löytynyt.",
        "sv": "Inga passande grupper hittades.",
        "en": "No suitable group found.",
    },
    "finder.list.not_suitable": {"fi": "ei sovi", "sv": "passar inte", "en": "not suitable"},
    # --- how a client travels (after a number of minutes) ---
    "finder.travel.car": {"fi": "autolla", "sv": "med bil", "en": "by car"},
    "finder.travel.transit": {
        "fi": "julkisilla",
        "sv": "med kollektivtrafik",
        "en": "by public transport",
    },
    "finder.travel.ride": {
        "fi": "työauton kyydillä",
        "sv": "med arbetsbilens skjuts",
        "en": "by the work car",
    },
}
