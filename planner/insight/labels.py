"""Names of the insight figures in Finnish, Swedish and English, for column headers and sheets.

The same words head the dashboard's tables and the report's columns, so a coordinator who
compares them reads the same thing in both.
"""

from __future__ import annotations

from collections.abc import Iterable

LABELS: dict[str, dict[str, str]] = {
    # identifiers and names
    "code": {"fi": "Kuntakoodi", "sv": "Kommunkod", "en": "Municipality code"},
    "name_fi": {"fi": "Kunta", "sv": "Kommun (fi)", "en": "Municipality (fi)"},
    "name_sv": {"fi": "Kunta (ruotsiksi)", "sv": "Kommun", "en": "Municipality (sv)"},
    "municipality": {"fi": "Kunta", "sv": "Kommun", "en": "Municipality"},
    "population": {"fi": "Asukkaita", "sv": "Invånare", "en": "Residents"},
    "group_id": {"fi": "Ryhmä", "sv": "Grupp", "en": "Group"},
    "name": {"fi": "Nimi", "sv": "Namn", "en": "Name"},
    "staff_id": {"fi": "Työntekijä", "sv": "Anställd", "en": "Staff member"},
    "venue_id": {"fi": "Tila-id", "sv": "Lokal-id", "en": "Venue id"},
    "venue": {"fi": "Tila", "sv": "Lokal", "en": "Venue"},
    "client_code": {"fi": "Asiakaskoodi", "sv": "Klientkod", "en": "Client code"},
    "language": {"fi": "Kieli", "sv": "Språk", "en": "Language"},
    "kind": {"fi": "Ryhmän tyyppi", "sv": "Grupptyp", "en": "Kind"},
    "theme": {"fi": "Teema", "sv": "Tema", "en": "Theme"},
    "weekday": {"fi": "Viikonpäivä", "sv": "Veckodag", "en": "Weekday"},
    "start": {"fi": "Alkaa", "sv": "Börjar", "en": "Starts"},
    "end": {"fi": "Päättyy", "sv": "Slutar", "en": "Ends"},
    "leaders": {"fi": "Ohjaajat", "sv": "Ledare", "en": "Leaders"},
    "participants": {"fi": "Osallistujia", "sv": "Deltagare", "en": "Participants"},
    "max_size": {"fi": "Enintään", "sv": "Högst", "en": "Max size"},
    "free_seats": {"fi": "Vapaita paikkoja", "sv": "Lediga platser", "en": "Free seats"},
    "priority": {"fi": "Prioriteetti", "sv": "Prioritet", "en": "Priority"},
    "reason": {"fi": "Syy", "sv": "Orsak", "en": "Reason"},
    "reason_key": {"fi": "Syyn tunnus", "sv": "Orsakskod", "en": "Reason key"},
    "travel": {"fi": "Kulkutapa", "sv": "Färdsätt", "en": "Travel"},
    "mode": {"fi": "Kulkutapa", "sv": "Färdsätt", "en": "Travel mode"},
    # coverage
    "groups_requested": {
        "fi": "Ryhmiä pyydetty",
        "sv": "Begärda grupper",
        "en": "Groups requested",
    },
    "groups_scheduled": {"fi": "Ryhmiä", "sv": "Grupper", "en": "Groups scheduled"},
    "seats": {"fi": "Paikkoja", "sv": "Platser", "en": "Seats"},
    "groups_per_10k": {
        "fi": "Ryhmiä / 10 000 as.",
        "sv": "Grupper / 10 000 inv.",
        "en": "Groups per 10,000 residents",
    },
    "seats_per_10k": {
        "fi": "Paikkoja / 10 000 as.",
        "sv": "Platser / 10 000 inv.",
        "en": "Seats per 10,000 residents",
    },
    "groups_fi": {"fi": "Suomenkielisiä", "sv": "Finskspråkiga", "en": "Finnish groups"},
    "groups_sv": {"fi": "Ruotsinkielisiä", "sv": "Svenskspråkiga", "en": "Swedish groups"},
    "groups_sv_share": {
        "fi": "Ruotsinkielisten ryhmien osuus",
        "sv": "Andel svenskspråkiga grupper",
        "en": "Share of groups in Swedish",
    },
    "clients": {"fi": "Asiakkaita", "sv": "Klienter", "en": "Clients"},
    "clients_sv_share": {
        "fi": "Ruotsia puhuvien asiakkaiden osuus",
        "sv": "Andel klienter som talar svenska",
        "en": "Share of clients who speak Swedish",
    },
    "clients_placed": {"fi": "Ryhmässä", "sv": "I grupp", "en": "Clients placed"},
    "placed_share": {"fi": "Ryhmässä, osuus", "sv": "Andel i grupp", "en": "Share placed"},
    "in_person_groups": {
        "fi": "Lähiryhmiä",
        "sv": "Grupper på plats",
        "en": "In-person groups",
    },
    "accessible_groups": {
        "fi": "Esteettömässä tilassa",
        "sv": "I tillgänglig lokal",
        "en": "At accessible venues",
    },
    "accessible_share": {
        "fi": "Esteettömien tilojen osuus",
        "sv": "Andel tillgängliga lokaler",
        "en": "Accessible-venue share",
    },
    "travel_median_min": {
        "fi": "Matka, mediaani (min)",
        "sv": "Resa, median (min)",
        "en": "Travel median (min)",
    },
    "travel_worst_min": {
        "fi": "Matka, pisin (min)",
        "sv": "Resa, längsta (min)",
        "en": "Travel worst (min)",
    },
    "trips": {"fi": "Matkoja", "sv": "Resor", "en": "Trips"},
    "median_min": {"fi": "Mediaani (min)", "sv": "Median (min)", "en": "Median (min)"},
    "worst_min": {"fi": "Pisin (min)", "sv": "Längsta (min)", "en": "Worst (min)"},
    "over_limit": {
        "fi": "Yli asiakkaan rajan",
        "sv": "Över klientens gräns",
        "en": "Over the client's limit",
    },
    # staff
    "qualified": {"fi": "Sosiaalialan pätevyys", "sv": "Behörig", "en": "Qualified"},
    "groups": {"fi": "Ryhmiä", "sv": "Grupper", "en": "Groups"},
    "group_hours": {"fi": "Ryhmätunnit", "sv": "Grupptimmar", "en": "Group hours"},
    "max_group_hours": {
        "fi": "Ryhmätunteja enintään",
        "sv": "Högst grupptimmar",
        "en": "Max group hours",
    },
    "load_share": {"fi": "Kuormitus", "sv": "Belastning", "en": "Load"},
    "drive_min": {"fi": "Ajoa (min)", "sv": "Körning (min)", "en": "Driving (min)"},
    "km": {"fi": "km", "sv": "km", "en": "km"},
    "stops": {"fi": "Reitti", "sv": "Rutt", "en": "Route"},
    # venues
    "accessible": {"fi": "Esteetön", "sv": "Tillgänglig", "en": "Accessible"},
    "rooms": {"fi": "Huoneita", "sv": "Rum", "en": "Rooms"},
    "open_hours": {"fi": "Aukiolotunnit", "sv": "Öppettimmar", "en": "Open hours"},
    "use_share": {"fi": "Käyttöaste", "sv": "Användningsgrad", "en": "Use"},
    # headline
    "unscheduled": {"fi": "Ryhmiä ilman aikaa", "sv": "Grupper utan tid", "en": "Unscheduled"},
    "unplaced": {"fi": "Ilman ryhmää", "sv": "Utan grupp", "en": "Unplaced clients"},
    "staff_drive_min": {
        "fi": "Henkilöstön ajo (min/vko)",
        "sv": "Personalens körning (min/v)",
        "en": "Staff driving (min/week)",
    },
    "load_max": {"fi": "Suurin kuormitus", "sv": "Största belastning", "en": "Highest load"},
    "figure": {"fi": "Tunnusluku", "sv": "Nyckeltal", "en": "Figure"},
    "value": {"fi": "Arvo", "sv": "Värde", "en": "Value"},
    "before": {"fi": "Ennen", "sv": "Före", "en": "Before"},
    "after": {"fi": "Jälkeen", "sv": "Efter", "en": "After"},
    "change": {"fi": "Muutos", "sv": "Förändring", "en": "Change"},
}

SHEETS: dict[str, dict[str, str]] = {
    "summary": {"fi": "Yhteenveto", "sv": "Sammanfattning", "en": "Summary"},
    "groups": {"fi": "Ryhmät", "sv": "Grupper", "en": "Groups"},
    "staff": {"fi": "Henkilöstön viikot", "sv": "Personalens veckor", "en": "Staff weeks"},
    "venues": {"fi": "Tilojen käyttö", "sv": "Lokalanvändning", "en": "Venue use"},
    "coverage": {"fi": "Kattavuus", "sv": "Täckning", "en": "Coverage"},
    "unserved": {"fi": "Ulkopuolelle jääneet", "sv": "Utanför", "en": "Left out"},
    "team": {"fi": "Tiimin luvut", "sv": "Teamets siffror", "en": "Team figures"},
}


def label(name: str, lang: str = "fi") -> str:
    """The header for a column or figure; the name itself when it has none."""
    found = LABELS.get(name)
    return (found.get(lang) or found["en"]) if found else name


def labels(names: Iterable[str], lang: str = "fi") -> dict[str, str]:
    return {n: label(n, lang) for n in names}


def sheet_name(key: str, lang: str = "fi") -> str:
    return SHEETS[key].get(lang) or SHEETS[key]["en"]
