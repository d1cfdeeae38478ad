"""Texts of changing one group by hand on the Plan page (`planner.ui.group_edit_panel`).

Wording: a pin is "kiinnitys" in Finnish and "fastlåsning" in Swedish, as in the solver's
reasons and the rules catalogue.
"""

TEXTS: dict[str, dict[str, str]] = {
    "plan_edit.title": {
        "fi": "Muuta yhtä ryhmää käsin",
        "sv": "Ändra en grupp för hand",
        "en": "Change one group by hand",
    },
    "plan_edit.intro": {
        "fi": "Valitse ryhmä ja sen viikonpäivä, alkamisaika, toimitila ja ohjaajat. Muutos"
        " tarkistetaan kauden säännöillä heti, tallennetaan kiinnityksenä ja uutena"
        " suunnitelmaluonnoksena, ja seuraava uudelleensuunnittelu pitää sen. Julkaistu"
        " tarjonta muuttuu vasta julkaistaessa.",
        "sv": "Välj en grupp och dess veckodag, starttid, lokal och ledare. Ändringen"
        " kontrolleras genast mot säsongens regler, sparas som fastlåsning och som ett nytt"
        " planutkast, och nästa omplanering behåller den. Det publicerade utbudet ändras"
        " först när planen publiceras.",
        "en": "Pick a group and its weekday, start time, venue and leaders. The change is"
        " checked against the season's rules at once, saved as a pin and as a new draft"
        " plan, and the next re-plan keeps it. The live offering changes only when the plan"
        " is published.",
    },
    "plan_edit.group": {"fi": "Ryhmä", "sv": "Grupp", "en": "Group"},
    "plan_edit.group_option": {
        "fi": "{group_id} {name}{mark}",
        "sv": "{group_id} {name}{mark}",
        "en": "{group_id} {name}{mark}",
    },
    "plan_edit.pinned_mark": {
        "fi": " (kiinnitetty)",
        "sv": " (fastlåst)",
        "en": " (pinned)",
    },
    "plan_edit.unscheduled_mark": {
        "fi": " (ei suunnitelmassa)",
        "sv": " (inte i planen)",
        "en": " (not in the plan)",
    },
    "plan_edit.weekday": {"fi": "Viikonpäivä", "sv": "Veckodag", "en": "Weekday"},
    "plan_edit.start": {"fi": "Alkaa", "sv": "Börjar", "en": "Starts"},
    "plan_edit.venue": {"fi": "Toimitila", "sv": "Lokal", "en": "Venue"},
    "plan_edit.venue_option": {
        "fi": "{name} ({municipality})",
        "sv": "{name} ({municipality})",
        "en": "{name} ({municipality})",
    },
    "plan_edit.remote": {
        "fi": "Etäryhmä: ei toimitilaa.",
        "sv": "Distansgrupp: ingen lokal.",
        "en": "A remote group: no venue.",
    },
    "plan_edit.leaders": {
        "fi": "Ohjaajat (enintään kaksi)",
        "sv": "Ledare (högst två)",
        "en": "Leaders (at most two)",
    },
    "plan_edit.leaders_none": {
        "fi": "valitse ohjaajat",
        "sv": "välj ledare",
        "en": "choose leaders",
    },
    "plan_edit.person_option": {
        "fi": "{person_id} {name}",
        "sv": "{person_id} {name}",
        "en": "{person_id} {name}",
    },
    "plan_edit.now": {
        "fi": "Nyt: {where}; ohjaajat: {leaders}.",
        "sv": "Nu: {where}; ledare: {leaders}.",
        "en": "Now: {where}; leaders: {leaders}.",
    },
    "plan_edit.now_unscheduled": {
        "fi": "Ryhmä ei ole nykyisessä suunnitelmassa.",
        "sv": "Gruppen finns inte i den aktuella planen.",
        "en": "The group is not in the current plan.",
    },
    "plan_edit.pins_now": {
        "fi": "Kiinnitetty nyt: {pins}.",
        "sv": "Fastlåst nu: {pins}.",
        "en": "Pinned now: {pins}.",
    },
    "plan_edit.check": {"fi": "Tarkista", "sv": "Kontrollera", "en": "Check"},
    "plan_edit.save": {
        "fi": "Tallenna kiinnityksenä",
        "sv": "Spara som fastlåsning",
        "en": "Save as pin",
    },
    "plan_edit.unpin": {
        "fi": "Poista kiinnitykset",
        "sv": "Ta bort fastlåsningarna",
        "en": "Remove pins",
    },
    "plan_edit.check.ok": {
        "fi": "Muutos täyttää kauden säännöt.",
        "sv": "Ändringen följer säsongens regler.",
        "en": "The change keeps every rule of the season.",
    },
    "plan_edit.check.unscheduled": {
        "fi": "Ryhmä ei ole suunnitelmassa: vain kiinnitykset tallennetaan, ja seuraava"
        " uudelleensuunnittelu sijoittaa ryhmän niiden mukaan, jos se on mahdollista.",
        "sv": "Gruppen finns inte i planen: bara fastlåsningarna sparas, och nästa omplanering"
        " placerar gruppen enligt dem om det går.",
        "en": "The group is not in the plan: only the pins are saved, and the next re-plan"
        " places the group by them when it can.",
    },
    "plan_edit.check.refused": {
        "fi": "Muutos ei täytä kauden sääntöjä ({n} ongelmaa):",
        "sv": "Ändringen följer inte säsongens regler ({n} problem):",
        "en": "The change breaks the season's rules ({n} problems):",
    },
    "plan_edit.leaving": {
        "fi": "Ryhmästä jäisi pois {n} osallistujaa, jotka eivät voisi enää osallistua:",
        "sv": "{n} deltagare som inte längre kunde delta skulle lämna gruppen:",
        "en": "{n} participant(s) who could no longer attend would leave the group:",
    },
    "plan_edit.nobody_leaves": {
        "fi": "Kaikki ryhmän osallistujat voivat jatkaa.",
        "sv": "Alla gruppens deltagare kan fortsätta.",
        "en": "Every participant of the group can stay.",
    },
    "plan_edit.leaving_client": {
        "fi": "{client}: {rule}",
        "sv": "{client}: {rule}",
        "en": "{client}: {rule}",
    },
    "plan_edit.change": {
        "fi": "{before} → {after}",
        "sv": "{before} → {after}",
        "en": "{before} → {after}",
    },
    "plan_edit.where": {
        "fi": "{day} {start}-{end}, {venue}",
        "sv": "{day} {start}-{end}, {venue}",
        "en": "{day} {start}-{end}, {venue}",
    },
    "plan_edit.saved": {
        "fi": "Ryhmä {group} kiinnitettiin ja tallennettiin uutena suunnitelmaluonnoksena"
        " (nro {plan_id}); ryhmästä jäi pois {n} osallistujaa. Julkaise suunnitelma, kun"
        " haluat muutoksen tarjontaan.",
        "sv": "Gruppen {group} låstes fast och sparades som ett nytt planutkast (nr {plan_id});"
        " {n} deltagare lämnade gruppen. Publicera planen när ändringen ska gälla utbudet.",
        "en": "{group} was pinned and saved as a new draft plan (no. {plan_id}); {n}"
        " participant(s) left the group. Publish the plan to change the live offering.",
    },
    "plan_edit.saved_pins_only": {
        "fi": "Ryhmän {group} kiinnitykset tallennettiin; suunnitelma pysyi ennallaan.",
        "sv": "Gruppens {group} fastlåsningar sparades; planen är oförändrad.",
        "en": "The pins of {group} were saved; the plan stays as it was.",
    },
    "plan_edit.unpinned": {
        "fi": "Ryhmän {group} kiinnitykset poistettiin; suunnitelma pysyi ennallaan.",
        "sv": "Gruppens {group} fastlåsningar togs bort; planen är oförändrad.",
        "en": "The pins of {group} were removed; the plan stays as it was.",
    },
    "plan_edit.failed": {
        "fi": "Muutosta ei voitu tallentaa: {reason}",
        "sv": "Ändringen kunde inte sparas: {reason}",
        "en": "The change could not be saved: {reason}",
    },
    "plan.rejected.pin": {
        "fi": "Muutosta ei tallennettu, koska se ei täytä kauden sääntöjä ({n} ongelmaa)."
        " Kiinnitykset ja nykyinen suunnitelma pysyivät ennallaan.",
        "sv": "Ändringen sparades inte, eftersom den inte följer säsongens regler ({n} problem)."
        " Fastlåsningarna och den aktuella planen är oförändrade.",
        "en": "The change was not saved: it breaks the season's rules ({n} problems)."
        " The pins and the current plan are unchanged.",
    },
    "plan.status.EDITED": {
        "fi": "muutettu käsin",
        "sv": "ändrad för hand",
        "en": "changed by hand",
    },
    "plan.quality.edited": {
        "fi": "muutettu käsin ratkaisijan jälkeen, joten laatulukuja ei ole",
        "sv": "ändrad för hand efter lösaren, så kvalitetstal saknas",
        "en": "changed by hand after the solver, so there are no quality figures",
    },
}
