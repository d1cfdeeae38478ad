"""Import page: check uploaded season tables and, only when they are valid, store them as a
new draft season; below, the seasons side by side: rename, archive, and switch the live
season after a preview of what changes."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import pandas as pd
import streamlit as st

from planner import access
from planner.i18n import t
from planner.io import ImportReport, Problem, read_season_from_files
from planner.store import StoreError
from planner.store.seasons import SeasonSwitch
from planner.ui import auth, common
from planner.ui.text import plain

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
    chosen = common.working_season_info(common.store(), lang)
    upload_section(lang)
    if chosen is not None:
        st.divider()
        seasons_section(chosen, lang)


def _css_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def uploader_words(lang: str) -> str:
    """Streamlit's own words under the file uploader (the size limit) in the page's language:
    Streamlit has no setting for them, so a stylesheet replaces the text it draws. Its button
    keeps Streamlit's word ("Upload"): text drawn by a stylesheet would not be the button's
    accessible name, and a name that differs from the visible label fails WCAG 2.5.3."""
    limit_mb = int(st.get_option("server.maxUploadSize"))
    hint = '[data-testid="stFileUploaderDropzoneInstructions"]'
    return (
        "<style>"
        f"{hint} span {{ display: none; }}"
        f"{hint} > div::after {{ font-size: 0.875rem; content: "
        f"{_css_text(t('import.upload_limit', lang, mb=limit_mb))}; }}"
        "</style>"
    )


def upload_section(lang: str) -> None:
    st.html(uploader_words(lang))
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
        info = common.store().season_info(done[1])
        key = "import.done_live" if info is not None and info["live"] else "import.done"
        st.success(t(key, lang, season_id=done[1], summary=summary), icon=":material/check_circle:")
        return

    if season is None:
        st.error(t("import.invalid", lang, n=len(report.errors)), icon=":material/error:")
        name = ""
    else:
        st.success(t("import.valid", lang), icon=":material/task_alt:")
        common.metrics_row(season.counts(), lang)
        name = st.text_input(t("import.name", lang), value=season.name, key="import_name")
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
                season,
                source=", ".join(sorted(files)),
                actor=auth.actor(),
                name=name or season.name,
            )
        except StoreError as exc:
            st.error(t("import.failed", lang, reason=exc), icon=":material/error:")
            return
        st.session_state["import_done"] = (signature, season_id)
        st.session_state[common.SEASON_KEY] = season_id  # the picker shows the new draft
        st.session_state.pop("season_picker", None)
        st.rerun()


def season_table(seasons: Sequence[dict], lang: str) -> pd.DataFrame:
    """Every season with its state in the page's language, newest first."""
    rows = [
        {
            t("seasons.col.id", lang): s["id"],
            t("seasons.col.name", lang): s["name"],
            t("seasons.col.state", lang): t(f"season.state.{s['state']}", lang),
            t("seasons.col.imported", lang): common.local_time(s["imported_at"]),
            t("count.groups", lang): s["counts"]["groups"],
            t("count.clients", lang): s["counts"]["clients"],
            t("seasons.col.plans", lang): s["plans"],
            t("seasons.col.open_groups", lang): s["open_groups"],
            t("seasons.col.enrolled", lang): s["active_enrolments"],
        }
        for s in seasons
    ]
    return pd.DataFrame(rows)


def seasons_section(chosen: dict, lang: str) -> None:
    db = common.store()
    st.header(t("seasons.title", lang))
    st.caption(t("seasons.intro", lang))
    st.dataframe(season_table(db.list_seasons(), lang), hide_index=True, width="stretch")
    label = common.season_option(chosen, lang, markdown=True)
    st.subheader(t("seasons.chosen", lang, season=label))
    season_id = chosen["id"]

    with st.form(f"rename_{season_id}", border=False):
        name = st.text_input(t("seasons.col.name", lang), value=chosen["name"])
        if st.form_submit_button(t("seasons.rename_button", lang), icon=":material/edit:"):
            try:
                db.rename_season(season_id, name, actor=auth.actor())
            except StoreError as exc:
                st.error(t("seasons.failed", lang, reason=exc), icon=":material/error:")
            else:
                common.forget_season_names()
                st.session_state["season_notice"] = t("seasons.renamed", lang, name=plain(name))
                st.rerun()

    notice = st.session_state.pop("season_notice", None)
    if notice:
        st.success(notice, icon=":material/check_circle:")
    left, right = st.columns(2)
    live = chosen["live"]
    if left.button(
        t("seasons.archive_button", lang),
        disabled=live or chosen["state"] == "archived",
        help=t("seasons.archive_live", lang) if live else None,
        key=f"archive_{season_id}",
        icon=":material/archive:",
    ):
        try:
            db.archive_season(season_id, actor=auth.actor())
        except StoreError as exc:
            st.error(t("seasons.failed", lang, reason=exc), icon=":material/error:")
        else:
            st.session_state["season_notice"] = t(
                "seasons.archived", lang, name=plain(chosen["name"])
            )
            st.session_state[common.SEASON_KEY] = None  # back to the default season
            st.session_state.pop("season_picker", None)
            st.rerun()
    may_publish = access.may(auth.identity(), access.PUBLISH)
    if right.button(
        t("seasons.switch_button", lang),
        disabled=live or not may_publish,
        key=f"switch_{season_id}",
        icon=":material/published_with_changes:",
    ):
        st.session_state["season_switch"] = season_id
    if st.session_state["season_switch"] == season_id and not live and may_publish:
        switch_confirmation(db.season_switch_preview(season_id), lang)


def switch_confirmation(preview: SeasonSwitch, lang: str) -> None:
    """What the switch changes, and the buttons to confirm or cancel it."""
    db = common.store()
    infos = {s["id"]: s for s in db.list_seasons()}
    season = common.season_option(infos[preview.season_id], lang, markdown=True)
    with st.container(border=True):
        st.subheader(t("seasons.preview.title", lang))
        if not preview.ok:
            st.warning(t(f"seasons.problem.{preview.problem}", lang, season=season))
            return
        if preview.live_id is None:
            st.markdown(t("seasons.preview.first", lang, season=season))
        else:
            live = common.season_option(infos[preview.live_id], lang, markdown=True)
            st.markdown(t("seasons.preview.replaces", lang, season=season, live=live))
            st.markdown(
                t(
                    "seasons.preview.stopping",
                    lang,
                    n=len(preview.stopping),
                    active=preview.active_enrolments,
                    waiting=preview.waiting,
                )
            )
            if preview.stopping:
                st.dataframe(
                    pd.DataFrame(
                        [
                            {
                                t("seasons.col.group", lang): g.group_id,
                                t("seasons.col.name", lang): g.name_sv
                                if lang == "sv" and g.name_sv
                                else g.name,
                                t("seasons.col.enrolled", lang): g.active,
                                t("seasons.col.waiting", lang): g.waiting,
                            }
                            for g in preview.stopping
                        ]
                    ),
                    hide_index=True,
                    width="stretch",
                )
        st.markdown(
            t("seasons.preview.opening", lang, n=len(preview.opening), plan_id=preview.plan_id)
        )
        confirm, cancel = st.columns(2)
        if confirm.button(
            t("seasons.confirm", lang),
            type="primary",
            key="switch_confirm",
            icon=":material/check:",
        ):
            try:
                db.publish_season(preview.season_id, actor=auth.actor())
            except StoreError as exc:
                st.error(t("seasons.failed", lang, reason=exc), icon=":material/error:")
                return
            st.session_state["season_switch"] = None
            st.session_state["season_notice"] = t(
                "seasons.switched", lang, season=plain(preview.name)
            )
            st.rerun()
        if cancel.button(t("seasons.cancel", lang), key="switch_cancel"):
            st.session_state["season_switch"] = None
            st.rerun()


if __name__ == "__main__":  # st.navigation runs this file as the page
    render()
