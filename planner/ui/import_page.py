"""Import page: check uploaded season tables and, only when they are valid, store them."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import pandas as pd
import streamlit as st

from planner import access
from planner.i18n import t
from planner.io import ImportReport, Problem, read_season_from_files
from planner.store import StoreError
from planner.ui import auth, common

# Page scripts show bare string expressions (Streamlit "magic"), so no attribute docstrings here.
PROBLEM_COLUMNS = (
    ("file", "col.file"),
    ("row", "col.row"),
    ("column", "col.column"),
    ("value", "col.value"),
    ("message", "col.problem"),
)


def problem_table(problems: Sequence[Problem], lang: str) -> pd.DataFrame:
    """File, row, column, value and problem, one row per problem, in the page's language."""
    names = [name for name, _ in PROBLEM_COLUMNS]
    rows = [{**p.as_dict(), "message": p.message_in(lang)} for p in problems]
    table = pd.DataFrame(rows, columns=[*names, "severity"])[names]
    table["row"] = table["row"].astype("Int64")
    return table.rename(columns={name: t(key, lang) for name, key in PROBLEM_COLUMNS})


def upload_signature(files: dict[str, bytes]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((name, hashlib.sha256(data).hexdigest()) for name, data in files.items()))


def checked_report(files: dict[str, bytes]) -> ImportReport:
    """The import report for these files, read once per upload and kept in this session."""
    signature = upload_signature(files)
    checked = st.session_state["import_checked"]
    if checked is None or checked[0] != signature:
        checked = (signature, read_season_from_files(files))
        st.session_state["import_checked"] = checked
    return checked[1]


def render() -> None:
    auth.require(access.IMPORT)
    lang = common.lang()
    st.title(t("import.title", lang))
    st.markdown(t("import.intro", lang))
    uploads = st.file_uploader(
        t("import.uploader", lang),
        type=["csv", "xlsx"],
        accept_multiple_files=True,
        key="import_files",
    )
    if not uploads:
        return
    files = {upload.name: upload.getvalue() for upload in uploads}
    if len(files) > 1 and any(name.lower().endswith(".xlsx") for name in files):
        st.error(t("import.mixed", lang), icon=":material/error:")
        return

    report = checked_report(files)
    season = report.season if report.ok else None
    signature = upload_signature(files)
    done = st.session_state["import_done"]
    if season is not None and done is not None and done[0] == signature:
        summary = common.counts_summary(season.counts(), lang)
        st.success(
            t("import.done", lang, season_id=done[1], summary=summary),
            icon=":material/check_circle:",
        )
        return

    if season is None:
        st.error(t("import.invalid", lang, n=len(report.errors)), icon=":material/error:")
    else:
        st.success(t("import.valid", lang), icon=":material/task_alt:")
        common.metrics_row(season.counts(), lang)
    clicked = st.button(
        t("import.button", lang),
        type="primary",
        disabled=season is None,
        key="import_button",
        icon=":material/database_upload:",
    )
    if report.errors:
        st.subheader(t("import.errors", lang, n=len(report.errors)))
        st.dataframe(problem_table(report.errors, lang), hide_index=True, width="stretch")
    if report.warnings:
        st.subheader(t("import.warnings", lang, n=len(report.warnings)))
        st.dataframe(problem_table(report.warnings, lang), hide_index=True, width="stretch")
    if clicked and season is not None:
        try:
            season_id = common.store().import_season(
                season, source=", ".join(sorted(files)), actor=auth.actor()
            )
        except StoreError as exc:
            st.error(t("import.failed", lang, reason=exc), icon=":material/error:")
            return
        st.session_state["import_done"] = (signature, season_id)
        st.rerun()


if __name__ == "__main__":  # st.navigation runs this file as the page
    render()
