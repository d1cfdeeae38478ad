"""What the group finder says, in Finnish, Swedish and English.

`TEXTS` maps a key to `{fi, sv, en}`; placeholders are `str.format` fields. Reasons explain
why a group suits a client (capitalised sentences); failures name the hard filter a group
breaks (lower-case, so a list of them reads as one line: "Swedish-speaking group, venue not
accessible"). Wording follows the handbook (`sosiaalinen kuntoutus` / `social rehabilitering`).
"""

from __future__ import annotations

import datetime as dt

LANGS = ("fi", "sv", "en")
DEFAULT_LANG = "en"

TEXTS: dict[str, dict[str, str]] = {
    # --- reasons: why a group suits ---
    "reason.theme": {
        "fi": "Teema vastaa kiinnostuksen kohteita: {theme}",
        "sv": "Temat motsvarar intressena: {theme}",
        "en": "Theme matches interests: {theme}",
    },
    "reason.theme_related": {
        "fi": "Teema liittyy kiinnostuksen kohteisiin: {theme} ({interest})",
        "sv": "Temat anknyter till intressena: {theme} ({interest})",
        "en": "Theme is close to interests: {theme} ({interest})",
    },
    "reason.popup": {
        "fi": "Matalan kynnyksen pop up -ryhmä: mukaan voi tulla milloin vain",
        "sv": "Pop up-grupp med låg tröskel: man kan komma med när som helst",
        "en": "Low-threshold pop-up group: join any time",
    },
    "reason.audience": {
        "fi": "Kohderyhmä: {audience}",
        "sv": "Målgrupp: {audience}",
        "en": "Made for {audience}",
    },
    "reason.wish": {
        "fi": "Asiakkaan toive nro {rank}",
        "sv": "Klientens önskemål nr {rank}",
        "en": "Client's wish no. {rank}",
    },
    "reason.travel": {
        "fi": "{minutes} min {mode}",
        "sv": "{minutes} min {mode}",
        "en": "{minutes} min {mode}",
    },
    "reason.remote": {
        "fi": "Etäryhmä: voi osallistua etänä kotoa",
        "sv": "Distansgrupp: man kan delta på distans hemifrån",
        "en": "Remote group: can join remotely from home",
    },
    "reason.hybrid": {
        "fi": "Hybridiryhmä: voi osallistua myös etänä",
        "sv": "Hybridgrupp: man kan också delta på distans",
        "en": "Hybrid group: can also join remotely",
    },
    "reason.hybrid_far": {
        "fi": "Hybridiryhmä: voi osallistua etänä ({minutes} min {mode}, raja {limit})",
        "sv": "Hybridgrupp: man kan delta på distans ({minutes} min {mode}, gräns {limit})",
        "en": "Hybrid group: can join remotely ({minutes} min {mode}, limit {limit})",
    },
    "reason.hybrid_not_accessible": {
        "fi": "Hybridiryhmä: toimipaikka ei ole esteetön, mutta etänä voi osallistua",
        "sv": "Hybridgrupp: lokalen är inte tillgänglig, men man kan delta på distans",
        "en": "Hybrid group: venue not accessible, but can join remotely",
    },
    "reason.small": {
        "fi": "Pieni ryhmä (enintään {size})",
        "sv": "Liten grupp (högst {size})",
        "en": "Small group (max {size})",
    },
    "reason.few": {
        "fi": "Vähän osallistujia toistaiseksi ({taken})",
        "sv": "Få deltagare hittills ({taken})",
        "en": "Few participants so far ({taken})",
    },
    "reason.evening": {
        "fi": "Kokoontuu iltapäivällä tai illalla (klo {start})",
        "sv": "Träffas på eftermiddagen eller kvällen (kl. {start})",
        "en": "Meets late in the day ({start})",
    },
    "reason.morning": {
        "fi": "Kokoontuu aamupäivällä (klo {start})",
        "sv": "Träffas på förmiddagen (kl. {start})",
        "en": "Meets in the morning ({start})",
    },
    "reason.starts": {
        "fi": "Alkaa {date}",
        "sv": "Börjar {date}",
        "en": "Starts {date}",
    },
    "reason.started": {
        "fi": "Alkoi {date}, menossa viikko {week}/{weeks}",
        "sv": "Började {date}, nu vecka {week} av {weeks}",
        "en": "Started {date}, now in week {week} of {weeks}",
    },
    "reason.seats": {
        "fi": "{n} vapaata paikkaa",
        "sv": "{n} lediga platser",
        "en": "{n} free seats",
    },
    "reason.seat": {
        "fi": "1 vapaa paikka",
        "sv": "1 ledig plats",
        "en": "1 free seat",
    },
    "reason.second_leader": {
        "fi": "Ryhmä tarvitsee toisen ohjaajan, kun osallistujia on viisi",
        "sv": "Gruppen behöver en andra ledare när deltagarna blir fem",
        "en": "Group needs a second leader once it has five participants",
    },
    "reason.full": {
        "fi": "Täynnä: jonossa {n}",
        "sv": "Fullsatt: {n} i kö",
        "en": "Full: waiting list {n}",
    },
    "reason.full_empty": {
        "fi": "Täynnä: jonossa ei vielä ketään",
        "sv": "Fullsatt: ingen i kö ännu",
        "en": "Full: waiting list empty so far",
    },
    "reason.member": {
        "fi": "Asiakas on jo tässä ryhmässä",
        "sv": "Klienten är redan med i gruppen",
        "en": "Client is already in this group",
    },
    # --- failures: the hard filter a group breaks ---
    "failed.language.fi": {
        "fi": "suomenkielinen ryhmä",
        "sv": "finskspråkig grupp",
        "en": "Finnish-speaking group",
    },
    "failed.language.sv": {
        "fi": "ruotsinkielinen ryhmä",
        "sv": "svenskspråkig grupp",
        "en": "Swedish-speaking group",
    },
    "failed.language": {
        "fi": "ryhmän kieli on {language}",
        "sv": "gruppens språk är {language}",
        "en": "group language is {language}",
    },
    "failed.audience": {
        "fi": "ryhmä on tarkoitettu vain kohderyhmälle: {audience}",
        "sv": "gruppen är endast för {audience}",
        "en": "group only for {audience}",
    },
    "failed.day": {
        "fi": "kokoontuu {day}, asiakas ei pääse",
        "sv": "träffas på {day}, klienten kan inte",
        "en": "meets on {day}, client not available",
    },
    "failed.travel": {
        "fi": "{minutes} min {mode}, raja {limit}",
        "sv": "{minutes} min {mode}, gräns {limit}",
        "en": "{minutes} min {mode}, limit {limit}",
    },
    "failed.accessible": {
        "fi": "toimipaikka ei ole esteetön",
        "sv": "lokalen är inte tillgänglig",
        "en": "venue not accessible",
    },
    "failed.ended": {
        "fi": "ryhmä päättyi {date}",
        "sv": "gruppen slutade {date}",
        "en": "group ended {date}",
    },
    # --- a list of matches as text ---
    "list.none": {
        "fi": "Sopivia ryhmiä ei löytynyt.",
        "sv": "Inga passande grupper hittades.",
        "en": "No suitable group found.",
    },
    "list.not_suitable": {"fi": "ei sovi", "sv": "passar inte", "en": "not suitable"},
    # --- how a client travels (after a number of minutes) ---
    "travel.car": {"fi": "autolla", "sv": "med bil", "en": "by car"},
    "travel.transit": {
        "fi": "julkisilla",
        "sv": "med kollektivtrafik",
        "en": "by public transport",
    },
    "travel.ride": {
        "fi": "työauton kyydillä",
        "sv": "med arbetsbilens skjuts",
        "en": "by the work car",
    },
    # --- themes ---
    "theme.nature": {"fi": "luonto", "sv": "natur", "en": "nature"},
    "theme.functional": {
        "fi": "toiminnallisuus",
        "sv": "aktiviteter",
        "en": "functional activities",
    },
    "theme.life_skills": {"fi": "elämäntaidot", "sv": "livskunskap", "en": "life skills"},
    "theme.wellbeing": {"fi": "hyvinvointi", "sv": "välmående", "en": "wellbeing"},
    "theme.photography": {"fi": "valokuvaus", "sv": "fotografering", "en": "photography"},
    "theme.art_culture": {
        "fi": "taide ja kulttuuri",
        "sv": "konst och kultur",
        "en": "art and culture",
    },
    "theme.peer_women": {
        "fi": "naisten vertaistuki",
        "sv": "kamratstöd för kvinnor",
        "en": "women's peer support",
    },
    "theme.peer_men": {
        "fi": "miesten vertaistuki",
        "sv": "kamratstöd för män",
        "en": "men's peer support",
    },
    "theme.functional_men": {
        "fi": "miesten toiminnallinen ryhmä",
        "sv": "aktiviteter för män",
        "en": "men's functional group",
    },
    "theme.digital": {"fi": "digitaidot", "sv": "digitala färdigheter", "en": "digital skills"},
    "theme.nepsy": {
        "fi": "nepsy",
        "sv": "neuropsykiatriskt stöd",
        "en": "neuropsychiatric support (nepsy)",
    },
    "theme.language_practice": {
        "fi": "kielen harjoittelu",
        "sv": "språkträning",
        "en": "language practice",
    },
    "theme.foreign_language": {
        "fi": "vieraskieliset",
        "sv": "personer med annat modersmål",
        "en": "foreign-language speakers",
    },
    "theme.music": {"fi": "musiikki", "sv": "musik", "en": "music"},
    "theme.animals": {"fi": "eläinavusteisuus", "sv": "djurassisterat", "en": "animal-assisted"},
    "theme.cooking": {"fi": "ruoanlaitto", "sv": "matlagning", "en": "cooking"},
    # --- audiences (who a targeted group is for) ---
    "audience.young_adults": {"fi": "nuoret aikuiset", "sv": "unga vuxna", "en": "young adults"},
    "audience.women": {"fi": "naiset", "sv": "kvinnor", "en": "women"},
    "audience.men": {"fi": "miehet", "sv": "män", "en": "men"},
    "audience.foreign_language": {
        "fi": "vieraskieliset",
        "sv": "personer med annat modersmål",
        "en": "foreign-language speakers",
    },
    "audience.nepsy": {
        "fi": "nepsy-asiakkaat",
        "sv": "personer med neuropsykiatriska svårigheter",
        "en": "people with neuropsychiatric needs",
    },
}

MEETS_ON: dict[str, tuple[str, ...]] = {
    "fi": ("maanantaisin", "tiistaisin", "keskiviikkoisin", "torstaisin", "perjantaisin"),
    "sv": ("måndagar", "tisdagar", "onsdagar", "torsdagar", "fredagar"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday"),
}
"""A weekday as it reads in "meets on ...", Mon-Fri."""


def text(key: str, lang: str = DEFAULT_LANG, **params: object) -> str:
    """The text for `key` in `lang` (English when `lang` is unknown), placeholders filled."""
    texts = TEXTS[key]
    return texts.get(lang, texts[DEFAULT_LANG]).format(**params)


def label(kind: str, code: str, lang: str = DEFAULT_LANG) -> str:
    """A theme or audience code as words ("theme", "art_culture" -> "art and culture");
    codes without a translation are shown as written, underscores as spaces."""
    key = f"{kind}.{code}"
    return text(key, lang) if key in TEXTS else code.replace("_", " ")


def date_text(day: dt.date) -> str:
    """The Finnish way, used in all three languages here: 11.1.2027."""
    return f"{day.day}.{day.month}.{day.year}"
