"""Charts of the season insight (Altair). Pure: frames in, charts out; the dashboard draws them.

Fields keep plain internal names; the translated words go into titles only (Vega-Lite reads
dots and brackets in a field name as a path, and the labels have both).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from planner.i18n import t
from planner.insight import Insight
from planner.insight.labels import label
from planner.insight.views import coverage_table

FI_COLOUR = "#1f5fa8"
SV_COLOUR = "#e0a800"
CAP_COLOUR = "#c0392b"


def seats_chart(insight: Insight) -> alt.Chart:
    """Seats per 10,000 residents per municipality, groups in the tooltip."""
    lang = insight.lang
    frame = coverage_table(insight)[["municipality", "seats_per_10k", "groups_scheduled", "seats"]]
    return (
        alt.Chart(frame)
        .mark_bar(color=FI_COLOUR)
        .encode(
            x=alt.X("seats_per_10k:Q", title=label("seats_per_10k", lang)),
            y=alt.Y("municipality:N", sort="-x", title=None),
            tooltip=[
                alt.Tooltip("municipality:N", title=label("municipality", lang)),
                alt.Tooltip("seats_per_10k:Q", title=label("seats_per_10k", lang)),
                alt.Tooltip("groups_scheduled:Q", title=label("groups_scheduled", lang)),
                alt.Tooltip("seats:Q", title=label("seats", lang)),
            ],
        )
        .properties(height=alt.Step(22))
    )


def language_chart(insight: Insight) -> alt.Chart:
    """Per municipality: the share of clients who speak Swedish beside the share of groups in
    Swedish, so a gap shows at a glance."""
    lang = insight.lang
    frame = coverage_table(insight)
    data = pd.concat(
        [
            pd.DataFrame(
                {
                    "municipality": frame["municipality"],
                    "series": label(col, lang),
                    "share": frame[col],
                }
            )
            for col in ("clients_sv_share", "groups_sv_share")
        ],
        ignore_index=True,
    )
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X(
                "share:Q",
                axis=alt.Axis(format="%"),
                scale=alt.Scale(domain=[0, 1]),
                title=t("dash.share", lang),
            ),
            y=alt.Y("municipality:N", title=None),
            yOffset=alt.YOffset("series:N"),
            color=alt.Color(
                "series:N",
                scale=alt.Scale(range=[SV_COLOUR, FI_COLOUR]),
                legend=alt.Legend(
                    orient="bottom", title=None, labelLimit=400, direction="vertical"
                ),
            ),
            tooltip=[
                alt.Tooltip("municipality:N", title=label("municipality", lang)),
                alt.Tooltip("series:N", title=t("dash.series", lang)),
                alt.Tooltip("share:Q", format=".0%", title=t("dash.share", lang)),
            ],
        )
        .properties(height=alt.Step(12))
    )


def travel_chart(insight: Insight) -> alt.Chart:
    """Clients' trips in minutes by way of travelling, as box plots."""
    lang = insight.lang
    data = pd.DataFrame(
        {
            "mode": [t(f"find.travel.{m}", lang) for m in insight.trips["mode"]],
            "minutes": insight.trips["minutes"],
        }
    )
    return (
        alt.Chart(data)
        .mark_boxplot(extent="min-max", color=FI_COLOUR)
        .encode(
            x=alt.X("minutes:Q", title=t("dash.minutes", lang)),
            y=alt.Y("mode:N", title=None),
        )
        .properties(height=alt.Step(40))
    )


LOAD_ROW_PX = 18
"""The staff-load chart's height per person: room for every name, at any number of people."""
LOAD_LABEL_PX = 11


def load_people(insight: Insight) -> pd.DataFrame:
    """The leading staff members' rows of the load table, each with a `person` label that is
    unique: the name, with the staff id after a name two people share."""
    leading = insight.load.loc[
        insight.load["groups"] > 0,
        ["staff_id", "name", "group_hours", "max_group_hours", "load_share", "drive_min"],
    ].copy()
    shared = leading["name"].duplicated(keep=False)
    leading["person"] = leading["name"].where(
        ~shared, leading["name"] + " (" + leading["staff_id"] + ")"
    )
    return leading


def load_chart(insight: Insight) -> alt.LayerChart:
    """Each leading staff member's group hours (bar) against their weekly cap (tick), with the
    week's driving in the tooltip. Every person is named: one row of `LOAD_ROW_PX` each (the
    chart grows with the team; the page scrolls it) and no label dropped or cut short."""
    lang = insight.lang
    leading = load_people(insight)
    axis = alt.Axis(labelOverlap=False, labelLimit=0, labelFontSize=LOAD_LABEL_PX)
    base = alt.Chart(leading).encode(y=alt.Y("person:N", sort="-x", title=None, axis=axis))
    bars = base.mark_bar(color=FI_COLOUR).encode(
        x=alt.X("group_hours:Q", title=t("dash.hours_axis", lang)),
        tooltip=[
            alt.Tooltip("person:N", title=label("name", lang)),
            alt.Tooltip("group_hours:Q", title=label("group_hours", lang)),
            alt.Tooltip("max_group_hours:Q", title=label("max_group_hours", lang)),
            alt.Tooltip("load_share:Q", format=".0%", title=label("load_share", lang)),
            alt.Tooltip("drive_min:Q", title=label("drive_min", lang)),
        ],
    )
    ticks = base.mark_tick(color=CAP_COLOUR, thickness=3).encode(x="max_group_hours:Q")
    return (bars + ticks).properties(height=alt.Step(LOAD_ROW_PX))
