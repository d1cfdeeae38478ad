"""The insight tables as people read them: names instead of codes, in the chosen language.

Columns keep their figure names (`planner.insight.labels` gives the headers); shares stay
fractions (0.25), formatted as percentages where they are shown. The dashboard page and the
Excel report both draw these very frames, which is what keeps them in agreement.
"""

from __future__ import annotations

import pandas as pd

from planner.i18n import known_language, t, weekday_names
from planner.insight.bundle import Insight

HEADLINE = (
    "groups_requested",
    "groups_scheduled",
    "unscheduled",
    "seats",
    "groups_per_10k",
    "seats_per_10k",
    "clients",
    "clients_placed",
    "unplaced",
    "placed_share",
    "accessible_share",
    "staff_drive_min",
    "load_max",
)
PERCENT_NAMES = ("placed_share", "accessible_share", "load_max")


def percent_columns(frame: pd.DataFrame) -> tuple[str, ...]:
    return tuple(c for c in frame.columns if c.endswith("_share") or c in PERCENT_NAMES)


def headline_table(insight: Insight) -> pd.DataFrame:
    """The headline figures as two columns: the figure's name and its value."""
    values = insight.headline()
    return pd.DataFrame({"figure": list(HEADLINE), "value": [values[k] for k in HEADLINE]})


def coverage_table(insight: Insight) -> pd.DataFrame:
    """Per municipality, the municipality by its name in the insight's language."""
    frame = insight.coverage
    names = frame["name_sv"] if insight.lang == "sv" else frame["name_fi"]
    return frame.drop(columns=["code", "name_fi", "name_sv"]).assign(municipality=names)[
        ["municipality", *[c for c in frame.columns if c not in ("code", "name_fi", "name_sv")]]
    ]


def travel_table(insight: Insight) -> pd.DataFrame:
    """Trips by way of travelling, the way named in the insight's language."""
    return insight.travel.assign(
        mode=[t(f"find.travel.{m}", insight.lang) for m in insight.travel["mode"]]
    )


def load_table(insight: Insight) -> pd.DataFrame:
    return insight.load.assign(
        municipality=_municipality_names(insight, insight.load["municipality"])
    )


def weeks_table(insight: Insight) -> pd.DataFrame:
    days = weekday_names(known_language(insight.lang, "en"))
    return insight.weeks.assign(weekday=[days[d] for d in insight.weeks["weekday"]])


def unscheduled_table(insight: Insight) -> pd.DataFrame:
    frame = insight.unscheduled
    return frame.assign(municipality=_municipality_names(insight, frame["municipality"]))


def unplaced_table(insight: Insight) -> pd.DataFrame:
    frame = insight.unplaced.drop(columns=["reason_key"])
    return frame.assign(municipality=_municipality_names(insight, frame["municipality"]))


def _municipality_names(insight: Insight, codes: pd.Series) -> list[str]:
    column = "name_sv" if insight.lang == "sv" else "name_fi"
    names = dict(zip(insight.coverage["code"], insight.coverage[column], strict=True))
    return [names.get(code, code) for code in codes]
