"""Coverage and load dashboard: does the current plan reach everyone, is the load fair?

Every figure comes from `planner.insight` (the same frames the Excel report writes).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from planner import access, rules
from planner.i18n import t
from planner.insight import Insight, season_insight, write_report
from planner.insight.labels import label, labels
from planner.insight.views import (
    coverage_table,
    percent_columns,
    travel_table,
    unplaced_table,
    unscheduled_table,
)
from planner.ui import auth, common
from planner.ui.insight_charts import (
    LOAD_ROW_PX,
    language_chart,
    load_chart,
    load_people,
    seats_chart,
    travel_chart,
)
from planner.ui.maps import coverage_map
from planner.ui.text import plain

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAP_HEIGHT_PX = 460
LOAD_BOX_PX = 640  # the staff-load chart scrolls in a box this high when taller


@st.cache_data(show_spinner=False, max_entries=16)
def insight_for(url: str | None, season_id: int, plan_id: int, lang: str) -> Insight:
    """The insight of a stored plan; plans never change once saved, so the id is the key."""
    season = common.load_season(url, season_id)
    plan = common.store().load_plan(plan_id=plan_id, season_id=season_id)
    if plan is None:
        raise LookupError(f"plan {plan_id} is not in the store")
    return season_insight(season, plan, lang=lang)


def report_bytes(insight: Insight, title: str) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        return write_report(insight, Path(folder) / "report.xlsx", title=title).read_bytes()


def shown(frame: pd.DataFrame, lang: str) -> None:
    """A table as the report has it: translated headers, shares as percentages."""
    config = {
        label(c, lang): st.column_config.NumberColumn(format="percent")
        for c in percent_columns(frame)
    }
    st.dataframe(
        frame.rename(columns=labels(frame.columns, lang)),
        hide_index=True,
        width="stretch",
        column_config=config,
    )


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def render() -> None:
    auth.require(access.INSIGHT)
    lang = common.lang()
    st.title(t("dash.title", lang))
    db = common.store()
    info = common.working_season_info(db, lang)  # the season picker's
    if info is None:
        common.ask_for_import("overview.empty", lang)
        return
    season_id: int = info["id"]
    about = db.plan_summary(season_id=season_id)
    if about is None:
        st.info(t("dash.no_plan", lang, season=plain(info["name"])), icon=":material/event_note:")
        st.page_link(
            common.PAGE_FILES["plan"],
            label=t("find.go_plan", lang),
            icon=":material/calendar_month:",
        )
        return
    with st.spinner(t("routes.computing", lang)):
        insight = insight_for(common.db_url(), season_id, about["id"], lang)
    season = common.load_season(common.db_url(), season_id)
    st.caption(t("dash.intro", lang, season=plain(info["name"]), plan_id=about["id"]))

    head = insight.headline()
    columns = st.columns(5)
    columns[0].metric(
        label("groups_scheduled", lang),
        f"{head['groups_scheduled']}/{head['groups_requested']}",
        border=True,
    )
    columns[1].metric(
        label("placed_share", lang),
        _percent(head["placed_share"]),
        f"{head['clients_placed']}/{head['clients']}",
        delta_color="off",
        border=True,
    )
    columns[2].metric(label("seats_per_10k", lang), head["seats_per_10k"] or "–", border=True)
    columns[3].metric(
        label("accessible_share", lang), _percent(head["accessible_share"]), border=True
    )
    columns[4].metric(
        label("staff_drive_min", lang),
        f"{head['staff_drive_min']:,}".replace(",", " "),
        border=True,
    )
    st.download_button(
        t("dash.download", lang),
        report_bytes(insight, info["name"]),
        file_name=f"season-report-{season_id}-{about['id']}.xlsx",
        mime=XLSX,
        key="dash_download",
        icon=":material/download:",
    )

    st.subheader(t("dash.coverage", lang))
    left, right = st.columns(2)
    left.markdown(f"**{t('dash.seats', lang)}**")
    left.altair_chart(seats_chart(insight), width="stretch")
    right.markdown(f"**{t('dash.languages', lang)}**")
    right.altair_chart(language_chart(insight), width="stretch")
    shown(coverage_table(insight), lang)

    left, right = st.columns([3, 2])
    left.subheader(t("dash.map", lang))
    left.pydeck_chart(coverage_map(season, insight.coverage, lang), height=MAP_HEIGHT_PX)
    left.caption(t("dash.map_caption", lang))
    right.subheader(t("dash.travel", lang))
    right.altair_chart(travel_chart(insight), width="stretch")
    with right:
        shown(travel_table(insight), lang)

    st.subheader(t("dash.load", lang))
    spread = insight.spread
    st.caption(
        t(
            "dash.load_caption",
            lang,
            allowance=rules.DEFAULT_SESSION_ALLOWANCE_MIN,
            low=_percent(spread["min"]),
            high=_percent(spread["max"]),
            median=_percent(spread["median"]),
        )
    )
    # A large team's chart is taller than the screen: it scrolls in its own box, every name kept.
    rows = len(load_people(insight)) * LOAD_ROW_PX
    box = st.container(height=LOAD_BOX_PX) if rows > LOAD_BOX_PX else st.container()
    box.altair_chart(load_chart(insight), width="stretch")

    st.subheader(t("dash.left_out", lang))
    groups, clients = unscheduled_table(insight), unplaced_table(insight)
    with st.expander(t("dash.unscheduled", lang, n=len(groups)), expanded=len(groups) > 0):
        shown(groups, lang)
    with st.expander(t("dash.unplaced", lang, n=len(clients))):
        shown(clients, lang)


if __name__ == "__main__":  # st.navigation runs this file as the page
    render()
