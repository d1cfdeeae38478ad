"""Overview page: the current season at a glance, read-only."""

from __future__ import annotations

import streamlit as st

from planner import access
from planner.i18n import t
from planner.ui import auth, common
from planner.ui.maps import county_map
from planner.ui.summary import municipality_table
from planner.ui.text import plain

MAP_HEIGHT_PX = 480


def render() -> None:
    auth.require(access.VIEW_OFFERING)
    lang = common.lang()
    st.title(t("overview.title", lang))
    db = common.store()
    info = common.live_season_info(db)  # workers see the live season
    if info is None:
        common.ask_for_import("overview.empty", lang)
        return

    season = common.load_season(common.db_url(), info["id"])
    st.caption(
        t(
            "overview.season",
            lang,
            name=plain(info["name"]),
            imported_at=common.local_time(info["imported_at"]),
            imported_by=plain(info["imported_by"]),
            source=plain(info["source"]),
        )
    )
    common.metrics_row(season.counts(), lang)

    st.subheader(t("overview.by_municipality", lang))
    st.dataframe(municipality_table(season, lang), hide_index=True, width="stretch")
    st.subheader(t("overview.map", lang))
    st.pydeck_chart(county_map(season, lang), height=MAP_HEIGHT_PX)
    st.caption(t("overview.map_caption", lang))


if __name__ == "__main__":  # st.navigation runs this file as the page
    render()
