"""Team figures page: the tracked figures of the season (l. 537-543) and their workbook."""

from __future__ import annotations

import streamlit as st

from planner import access
from planner.i18n import t
from planner.insight.team import figure_tables
from planner.store import Enrolments, StoreError
from planner.store.figures import team_figures
from planner.ui import auth, common
from planner.ui.offering import figures_workbook, published_plan_id
from planner.ui.text import plain

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def render() -> None:
    auth.require(access.FIGURES)
    lang = common.lang()
    st.title(t("fig.title", lang))
    db = common.store()
    info = common.working_season_info(db, lang)  # the season picker's
    if info is None:
        common.ask_for_import("find.no_season", lang)
        return
    season_id: int = info["id"]
    try:
        published = published_plan_id(Enrolments(db, season_id).offerings())
        planned = db.plan_summary(season_id=season_id) is not None
    except StoreError as exc:
        st.error(t("store.unavailable", lang, reason=exc), icon=":material/error:")
        return
    if published is None:
        if not planned:
            st.info(
                t("find.no_plan", lang, season=plain(info["name"])), icon=":material/event_note:"
            )
            st.page_link(
                common.PAGE_FILES["plan"],
                label=t("find.go_plan", lang),
                icon=":material/calendar_month:",
            )
        else:
            st.info(t("fig.not_published", lang), icon=":material/unpublished:")
            st.page_link(
                common.PAGE_FILES["find"],
                label=t("nav.find", lang),
                icon=":material/person_search:",
            )
        return

    season = common.load_season(common.db_url(), season_id)
    tables = figure_tables(team_figures(db, season_id), season, lang)
    st.caption(t("fig.intro", lang, season=plain(info["name"])))
    st.download_button(
        t("fig.download", lang),
        figures_workbook(tables, lang),
        file_name=f"figures-{season_id}.xlsx",
        mime=XLSX,
        key="fig_download",
        icon=":material/download:",
    )
    st.subheader(t("fig.clients", lang))
    st.dataframe(tables["clients"], hide_index=True, width="stretch")
    for column, name in zip(st.columns(2), ("endings", "follow_up"), strict=True):
        column.subheader(t(f"fig.{name}", lang))
        column.dataframe(tables[name], hide_index=True, width="stretch")
    st.subheader(t("fig.seats", lang))
    seats = tables["seats"]
    at_risk = int((seats[t("fig.col.at_risk", lang)] == t("yes", lang)).sum())
    if at_risk:
        st.warning(t("fig.at_risk_note", lang, n=at_risk), icon=":material/warning:")
    st.dataframe(
        seats,
        hide_index=True,
        width="stretch",
        column_config={
            t("fig.col.used", lang): st.column_config.ProgressColumn(
                format="percent",
                min_value=0.0,
                max_value=1.0,
            ),
        },
    )


if __name__ == "__main__":  # st.navigation runs this file as the page
    render()
