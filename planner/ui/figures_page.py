"""Team figures page: the tracked figures (l. 537-543) of a reporting period chosen here (the
season's term, a month, a quarter, a year or a date range) and their workbook."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from planner import access
from planner.i18n import t
from planner.insight.team import figure_tables
from planner.periods import KINDS, Period, PeriodError, chosen
from planner.store import Enrolments, StoreError
from planner.store.figures import season_term, team_figures
from planner.terms import local_today
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
    try:
        term = season_term(db, season_id)
    except StoreError as exc:
        st.error(t("store.unavailable", lang, reason=exc), icon=":material/error:")
        return
    period = choose_period(term, lang)
    if period is None:
        st.error(t("fig.period.bad", lang), icon=":material/error:")
        return
    tables = figure_tables(team_figures(db, season_id, period), season, lang)
    st.caption(t("fig.intro", lang, season=plain(info["name"]), period=period.label()))
    st.download_button(
        t("fig.download", lang),
        figures_workbook(tables, lang),
        file_name=f"figures-{period.start.isoformat()}-{period.end.isoformat()}.xlsx",
        mime=XLSX,
        key="fig_download",
        icon=":material/download:",
    )
    st.subheader(t("fig.clients", lang))
    st.dataframe(tables["clients"], hide_index=True, width="stretch")
    for column, name in zip(st.columns(2), ("endings", "follow_up"), strict=True):
        column.subheader(t(f"fig.{name}", lang))
        column.dataframe(tables[name], hide_index=True, width="stretch")
    st.caption(t("fig.endings_caption", lang))
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
    drop_in = tables.get("drop_in")
    if drop_in is not None and not drop_in.empty:  # only a season with drop-in groups
        st.subheader(t("fig.drop_in", lang))
        st.caption(t("fig.drop_in_help", lang))
        st.dataframe(drop_in, hide_index=True, width="stretch")


def choose_period(term: Period, lang: str) -> Period | None:
    """The period selector: the season's term by default; None for a range that ends before
    it starts."""
    kind = st.radio(
        t("fig.period", lang),
        KINDS,
        format_func=lambda k: t(f"fig.period.{k}", lang),
        horizontal=True,
        key="fig_period",
    )
    if kind == "term":
        return term
    years = _years(term)
    if kind == "range":
        start, end = st.columns(2)
        first = start.date_input(
            t("fig.period.from", lang), term.start, format="DD.MM.YYYY", key="fig_from"
        )
        last = end.date_input(t("fig.period.to", lang), term.end, format="DD.MM.YYYY", key="fig_to")
        try:
            return chosen(kind, term, term.start.year, start=first, end=last)
        except PeriodError:
            return None
    year_column, part_column = st.columns(2)
    year = year_column.selectbox(t("fig.period.year", lang), years, key="fig_year")
    part = 1
    if kind == "month":
        part = part_column.selectbox(
            t("fig.period.month", lang), range(1, 13), index=term.start.month - 1, key="fig_month"
        )
    elif kind == "quarter":
        part = part_column.selectbox(
            t("fig.period.quarter", lang),
            range(1, 5),
            index=(term.start.month - 1) // 3,
            format_func=lambda q: f"Q{q}",
            key="fig_quarter",
        )
    return chosen(kind, term, int(year), int(part))


def _years(term: Period) -> list[int]:
    """The years offered: the term's, and one either side."""
    if term.start == dt.date.min or term.end == dt.date.max:  # a season without groups
        return [local_today().year]
    return list(range(term.start.year - 1, term.end.year + 2))


if __name__ == "__main__":  # st.navigation runs this file as the page
    render()
