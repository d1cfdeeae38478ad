"""Words many texts share: weekdays, group themes and audiences."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # --- weekdays, Monday to Friday, as a name ---
    "weekday.mon": {"fi": "maanantai", "sv": "måndag", "en": "Monday"},
    "weekday.tue": {"fi": "tiistai", "sv": "tisdag", "en": "Tuesday"},
    "weekday.wed": {"fi": "keskiviikko", "sv": "onsdag", "en": "Wednesday"},
    "weekday.thu": {"fi": "torstai", "sv": "torsdag", "en": "Thursday"},
    "weekday.fri": {"fi": "perjantai", "sv": "fredag", "en": "Friday"},
    # --- weekdays, abbreviated ---
    "weekday.short.mon": {"fi": "ma", "sv": "mån", "en": "Mon"},
    "weekday.short.tue": {"fi": "ti", "sv": "tis", "en": "Tue"},
    "weekday.short.wed": {"fi": "ke", "sv": "ons", "en": "Wed"},
    "weekday.short.thu": {"fi": "to", "sv": "tors", "en": "Thu"},
    "weekday.short.fri": {"fi": "pe", "sv": "fre", "en": "Fri"},
    # --- weekdays as in "weekly on ..." (calendars) ---
    "weekday.weekly.mon": {"fi": "maanantaisin", "sv": "måndagar", "en": "Mondays"},
    "weekday.weekly.tue": {"fi": "tiistaisin", "sv": "tisdagar", "en": "Tuesdays"},
    "weekday.weekly.wed": {"fi": "keskiviikkoisin", "sv": "onsdagar", "en": "Wednesdays"},
    "weekday.weekly.thu": {"fi": "torstaisin", "sv": "torsdagar", "en": "Thursdays"},
    "weekday.weekly.fri": {"fi": "perjantaisin", "sv": "fredagar", "en": "Fridays"},
    # --- weekdays as in "meets on ..." (the finder) ---
    "weekday.meets_on.mon": {"fi": "maanantaisin", "sv": "måndagar", "en": "Monday"},
    "weekday.meets_on.tue": {"fi": "tiistaisin", "sv": "tisdagar", "en": "Tuesday"},
    "weekday.meets_on.wed": {"fi": "keskiviikkoisin", "sv": "onsdagar", "en": "Wednesday"},
    "weekday.meets_on.thu": {"fi": "torstaisin", "sv": "torsdagar", "en": "Thursday"},
    "weekday.meets_on.fri": {"fi": "perjantaisin", "sv": "fredagar", "en": "Friday"},
    # --- small words ---
    "word.or": {"fi": "tai", "sv": "eller", "en": "or"},
    # a theme code with no word in it ("_"): still words, never blank
    "word.unnamed_theme": {"fi": "nimetön teema", "sv": "namnlöst tema", "en": "unnamed theme"},
    # --- group themes ---
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
    # --- audiences: who a targeted group is for ---
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
