"""The PDF download buttons of the printed sheets (`planner.printing`): the run sheet on the
routes page, a leader's week and a group's participant list on My groups."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

import streamlit as st

from planner.i18n import WEEKDAY_CODES, t
from planner.model import Plan, Season
from planner.printing import (
    WeekSession,
    leader_week_pdf,
    participant_list_pdf,
    run_sheet_pdf,
)
from planner.routing.pickups import Run

PDF = "application/pdf"


def pdf_button(label_key: str, body: bytes, file_name: str, key: str, lang: str) -> None:
    st.download_button(
        t(label_key, lang),
        body,
        file_name=file_name,
        mime=PDF,
        key=key,
        icon=":material/print:",
        help=t("print.download_help", lang),
        on_click="ignore",
    )


def run_sheet_download(season: Season, run: Run, lang: str) -> None:
    name = f"sosku-run-{run.vehicle.vehicle_id}-{WEEKDAY_CODES[run.weekday]}.pdf"
    body = run_sheet_pdf(season, run, lang)
    pdf_button("print.download_run_sheet", body, name, "print_run_sheet", lang)


def leader_week_download(
    season: Season,
    plan: Plan,
    person_id: str,
    monday: dt.date,
    sessions: Sequence[WeekSession],
    participants: Mapping[str, tuple[int, int]],
    lang: str,
) -> None:
    body = leader_week_pdf(season, plan, person_id, monday, sessions, participants, lang)
    name = f"sosku-week-{person_id}-{monday.isoformat()}.pdf"
    pdf_button("print.download_week", body, name, "print_week", lang)


def participant_list_download(
    season: Season,
    plan: Plan,
    group_id: str,
    participants: Sequence[str],
    remote: Iterable[str],
    waiting: int,
    lang: str,
) -> None:
    body = participant_list_pdf(season, plan, group_id, participants, remote, waiting, lang)
    pdf_button(
        "print.download_list", body, f"sosku-participants-{group_id}.pdf", "print_list", lang
    )
