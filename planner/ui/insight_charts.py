"""Charts of the season insight (Altair). Pure: frames in, charts out; the dashboard draws them."""

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
    frame = coverage_table(insight)
    x = label("seats_per_10k", insight.lang)
    y = label("municipality", insight.lang)
    data = pd.DataFrame(
        {
            y: frame["municipality"],
            x: frame["seats_per_10k"],
            label("groups_scheduled", insight.lang): frame["groups_scheduled"],
            label("seats", insight.lang): frame["seats"],
        }
    )
    return (
        alt.Chart(data)
        .mark_bar(color=FI_COLOUR)
        .encode(
            x=alt.X(f"{x}:Q"),
            y=alt.Y(f"{y}:N", sort="-x"),
            tooltip=list(data.columns),
        )
        .properties(height=alt.Step(22))
    )


def language_chart(insight: Insight) -> alt.Chart:
    """Per municipality: the share of Swedish-speaking clients beside the share of groups in
    Swedish, so a gap shows at a glance."""
    lang = insight.lang
    frame = coverage_table(insight)
    who = t("dash.series", lang)
    share = t("dash.share", lang)
    place = label("municipality", lang)
    data = pd.concat(
        [
            pd.DataFrame(
                {place: frame["municipality"], who: label(col, lang), share: frame[col]}
            )
            for col in ("clients_sv_share", "groups_sv_share")
        ],
        ignore_index=True,
    )
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X(f"{share}:Q", axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1])),
            y=alt.Y(f"{place}:N"),
            yOffset=alt.YOffset(f"{who}:N"),
            color=alt.Color(
                f"{who}:N",
                scale=alt.Scale(range=[SV_COLOUR, FI_COLOUR]),
                legend=alt.Legend(orient="bottom", title=None),
            ),
            tooltip=[place, who, alt.Tooltip(f"{share}:Q", format=".0%")],
        )
        .properties(height=alt.Step(12))
    )


def travel_chart(insight: Insight) -> alt.Chart:
    """Clients' trips in minutes by way of travelling, as box plots."""
    lang = insight.lang
    mode = label("mode", lang)
    minutes = t("dash.minutes", lang)
    data = pd.DataFrame(
        {
            mode: [t(f"find.travel.{m}", lang) for m in insight.trips["mode"]],
            minutes: insight.trips["minutes"],
        }
    )
    return (
        alt.Chart(data)
        .mark_boxplot(extent="min-max", color=FI_COLOUR)
        .encode(x=alt.X(f"{minutes}:Q"), y=alt.Y(f"{mode}:N"))
        .properties(height=alt.Step(40))
    )


def load_chart(insight: Insight) -> alt.LayerChart:
    """Each leading staff member's group hours (bar) against their weekly cap (tick), with the
    week's driving in the tooltip."""
    lang = insight.lang
    leading = insight.load[insight.load["groups"] > 0]
    who = label("name", lang)
    hours = label("group_hours", lang)
    cap = label("max_group_hours", lang)
    data = pd.DataFrame(
        {
            who: leading["name"],
            hours: leading["group_hours"],
            cap: leading["max_group_hours"],
            label("load_share", lang): leading["load_share"],
            label("drive_min", lang): leading["drive_min"],
        }
    )
    base = alt.Chart(data).encode(y=alt.Y(f"{who}:N", sort="-x", title=None))
    bars = base.mark_bar(color=FI_COLOUR).encode(
        x=alt.X(f"{hours}:Q", title=t("dash.hours_axis", lang)),
        tooltip=[
            who,
            hours,
            cap,
            alt.Tooltip(f"{label('load_share', lang)}:Q", format=".0%"),
            label("drive_min", lang),
        ],
    )
    ticks = base.mark_tick(color=CAP_COLOUR, thickness=3).encode(x=f"{cap}:Q")
    return (bars + ticks).properties(height=alt.Step(14))
