"""The team's tracked figures (handbook l. 537-543) as translated tables, for any front end.

    from planner.insight.team import figure_tables
    tables = figure_tables(team_figures(store), season, "sv")   # planner.store.figures

Streamlit-free: the app's figures page, `planner report` and `planner figures` share it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from planner.i18n import has, t
from planner.model import Season
from planner.timeline import date_text


def translated(prefix: str, code: str, lang: str) -> str:
    """`t(prefix.code)` when the key exists, else the code as written."""
    key = f"{prefix}.{code}"
    return t(key, lang) if has(key) else code.replace("_", " ")


def figure_tables(
    figures: Mapping[str, pd.DataFrame], season: Season | None, lang: str
) -> dict[str, pd.DataFrame]:
    """`team_figures` with translated headings, municipality names in `lang` and labels."""
    out: dict[str, pd.DataFrame] = {}
    if "period" in figures:
        out["period"] = _period_table(figures["period"], lang)
    clients = figures["clients"]
    names = clients["name_sv"] if lang == "sv" else clients["name_fi"]
    out["clients"] = pd.DataFrame(
        {
            t("col.municipality", lang): names,
            t("fig.col.clients", lang): clients["clients"],
            t("fig.col.group_work", lang): clients["group_work"],
            t("fig.col.individual_only", lang): clients["individual_only"],
            t("fig.col.waiting_clients", lang): clients["waiting"],
        }
    )
    endings = figures["endings"]
    out["endings"] = pd.DataFrame(
        {
            t("fig.col.reason", lang): [translated("ending", r, lang) for r in endings["reason"]],
            t("fig.col.clients", lang): endings["clients"],
        }
    )
    follow = figures["follow_up"]
    out["follow_up"] = pd.DataFrame(
        {
            t("fig.col.follow_up", lang): [
                translated("path", p, lang) for p in follow["follow_up"]
            ],
            t("fig.col.clients", lang): follow["clients"],
        }
    )
    out["seats"] = _seats_table(figures["seats"], season, lang)
    if "drop_in" in figures:
        out["drop_in"] = _drop_in_table(figures["drop_in"], season, lang)
    return out


def _period_table(period: pd.DataFrame, lang: str) -> pd.DataFrame:
    """What was counted, as a person reads it: the season, the period's first and last day."""
    row = period.iloc[0]
    return pd.DataFrame(
        {
            t("fig.col.what", lang): [
                t("fig.col.season", lang),
                t("fig.period.from", lang),
                t("fig.period.to", lang),
            ],
            t("fig.col.value", lang): [
                str(row["season"] or ""),
                date_text(row["from"]),
                date_text(row["to"]),
            ],
        }
    )


def _drop_in_table(drop_in: pd.DataFrame, season: Season | None, lang: str) -> pd.DataFrame:
    """Per drop-in pop-up group (l. 355, 366): sessions with a head count, visits, mean."""
    rows = []
    for row in drop_in.itertuples(index=False):
        group = season.group.get(row.group_id) if season else None
        place = season.municipality.get(row.municipality) if season else None
        rows.append(
            {
                t("plan.col.group", lang): row.group_id,
                t("plan.col.name", lang): group.display_name(lang) if group else str(row.name),
                t("col.municipality", lang): place.name(lang) if place else row.municipality,
                t("fig.col.sessions", lang): int(row.sessions),
                t("fig.col.visits", lang): int(row.visits),
                t("fig.col.mean_visits", lang): float(row.mean_visits),
            }
        )
    columns = [
        "plan.col.group",
        "plan.col.name",
        "col.municipality",
        "fig.col.sessions",
        "fig.col.visits",
        "fig.col.mean_visits",
    ]
    return pd.DataFrame(rows, columns=[t(c, lang) for c in columns])


def _seats_table(seats: pd.DataFrame, season: Season | None, lang: str) -> pd.DataFrame:
    def group_name(row: Any) -> str:
        group = season.group.get(row.group_id) if season else None
        return group.display_name(lang) if group else str(row.name)

    def municipality(code: str) -> str:
        place = season.municipality.get(code) if season else None
        return place.name(lang) if place else code

    yes, no = t("yes", lang), t("no", lang)
    rows = [
        {
            t("plan.col.group", lang): row.group_id,
            t("plan.col.name", lang): group_name(row),
            t("col.municipality", lang): municipality(row.municipality),
            t("fig.col.status", lang): translated("status", row.status, lang),
            t("fig.col.taken", lang): int(row.taken),
            t("fig.col.max_size", lang): int(row.max_size),
            t("fig.col.used", lang): float(row.used),
            t("fig.col.at_risk", lang): yes if row.at_risk else no,
            t("fig.col.waiting", lang): int(row.waiting),
            t("fig.col.leaders", lang): int(row.leaders),
            t("fig.col.needs_second_leader", lang): yes if row.needs_second_leader else no,
        }
        for row in seats.itertuples(index=False)
    ]
    columns = [
        "plan.col.group",
        "plan.col.name",
        "col.municipality",
        "fig.col.status",
        "fig.col.taken",
        "fig.col.max_size",
        "fig.col.used",
        "fig.col.at_risk",
        "fig.col.waiting",
        "fig.col.leaders",
        "fig.col.needs_second_leader",
    ]
    return pd.DataFrame(rows, columns=[t(c, lang) for c in columns])
