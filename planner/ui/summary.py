"""A season in figures, per municipality. Plain pandas, no Streamlit, so it is easy to test."""

from __future__ import annotations

from collections import Counter

import pandas as pd

from planner.i18n import t
from planner.model import Season

COLUMNS = (
    ("municipality", "col.municipality"),
    ("groups", "count.groups"),
    ("groups_fi", "col.groups_fi"),
    ("groups_sv", "col.groups_sv"),
    ("venues", "count.venues"),
    ("venues_accessible", "col.venues_accessible"),
    ("staff", "col.staff_based"),
    ("clients", "count.clients"),
)


def municipality_figures(season: Season, lang: str = "fi") -> pd.DataFrame:
    """One row per municipality (sorted by its name in `lang`), columns as in `COLUMNS`.

    Staff count where their base venue is; groups and clients where they are registered.
    """
    groups = Counter(g.municipality for g in season.groups)
    groups_by_language = Counter((g.municipality, g.language) for g in season.groups)
    venues = Counter(v.municipality for v in season.venues)
    accessible = Counter(v.municipality for v in season.venues if v.accessible)
    venue_municipality = {v.venue_id: v.municipality for v in season.venues}
    staff = Counter(venue_municipality.get(s.base_venue) for s in season.staff)
    clients = Counter(c.municipality for c in season.clients)
    rows = [
        {
            "code": m.code,
            "municipality": m.name(lang),
            "groups": groups[m.code],
            "groups_fi": groups_by_language[m.code, "fi"],
            "groups_sv": groups_by_language[m.code, "sv"],
            "venues": venues[m.code],
            "venues_accessible": accessible[m.code],
            "staff": staff[m.code],
            "clients": clients[m.code],
            "lat": m.lat,
            "lon": m.lon,
        }
        for m in season.municipalities
    ]
    return pd.DataFrame(rows).sort_values("municipality", ignore_index=True)


def municipality_table(season: Season, lang: str = "fi") -> pd.DataFrame:
    """`municipality_figures` as shown to users: only the table's columns, headers translated."""
    figures = municipality_figures(season, lang)
    return figures[[name for name, _ in COLUMNS]].rename(
        columns={name: t(key, lang) for name, key in COLUMNS}
    )
