"""What every page shares: session state, the language, the store and the current season."""

from __future__ import annotations

import datetime as dt
import os
from typing import Any
from zoneinfo import ZoneInfo

import streamlit as st

from planner.i18n import DEFAULT_LANGUAGE, LANGUAGES, t
from planner.model import Season
from planner.store import Store, StoreError

LANG_KEY = "lang"
_ASKED_KEY = "lang_from_link"
STATE_DEFAULTS: dict[str, Any] = {
    LANG_KEY: DEFAULT_LANGUAGE,
    "import_checked": None,  # (upload signature, ImportReport) of the last checked upload
    "import_done": None,  # (upload signature, season id) of the last import
}
PAGE_FILES = {
    "overview": "planner/ui/overview.py",
    "import": "planner/ui/import_page.py",
    "plan": "planner/ui/plan_page.py",
    "find": "planner/ui/find_page.py",
    "figures": "planner/ui/figures_page.py",
    "calendar": "planner/ui/calendar_page.py",
    "map": "planner/ui/map_page.py",
    "dashboard": "planner/ui/dashboard_page.py",
    "audit": "planner/ui/audit_page.py",
    "groups": "planner/ui/groups_page.py",
    "changes": "planner/ui/changes_page.py",
}
"""Page scripts, relative to app.py; `app.py` registers them, pages link to them."""

COUNT_KEYS = ("municipalities", "groups", "venues", "staff", "partners", "clients")
LOCAL_TZ = ZoneInfo("Europe/Helsinki")


def init_state() -> None:
    """Give every session-state key its default once, on a session's first run."""
    for key, value in STATE_DEFAULTS.items():
        st.session_state.setdefault(key, value)
    # A link may name the language (?lang=sv), e.g. in a Swedish-speaking team's bookmarks.
    asked = st.query_params.get("lang")
    if asked in LANGUAGES and st.session_state.get(_ASKED_KEY) != asked:
        st.session_state[LANG_KEY] = asked
        st.session_state[_ASKED_KEY] = asked


def lang() -> str:
    return st.session_state.get(LANG_KEY, DEFAULT_LANGUAGE)


def db_url() -> str | None:
    """`PLANNER_DB_URL`, or None for the store's default SQLite file."""
    return os.environ.get("PLANNER_DB_URL") or None


@st.cache_resource(show_spinner=False)
def _open_store(url: str | None) -> Store:
    # A connection pool shared by all sessions; it holds no user's data.
    return Store.open(url)


def store() -> Store:
    """The store at `PLANNER_DB_URL`; stops the page with a message when it cannot open."""
    try:
        return _open_store(db_url())
    except StoreError as exc:
        st.error(t("store.unavailable", lang(), reason=exc))
        st.stop()
        raise  # st.stop() raises; this line keeps type checkers content


def current_season_info(db: Store) -> dict[str, Any] | None:
    """The store's row for the current season (id, name, source, ...), or None."""
    return next((row for row in db.list_seasons() if row["is_current"]), None)


@st.cache_data(show_spinner=False, max_entries=8)
def load_season(url: str | None, season_id: int) -> Season:
    """A stored season; seasons never change once imported, so the id is a safe cache key."""
    season = _open_store(url).load_season(season_id)
    if season is None:
        raise LookupError(f"season {season_id} is not in the store")
    return season


def local_time(when: dt.datetime) -> str:
    return when.astimezone(LOCAL_TZ).strftime("%d.%m.%Y %H:%M")


def counts_summary(counts: dict[str, int], language: str) -> str:
    """`Municipalities: 10, Groups: 24, ...` in the chosen language."""
    return ", ".join(f"{t(f'count.{key}', language)}: {counts[key]}" for key in COUNT_KEYS)


def metrics_row(counts: dict[str, int], language: str) -> None:
    for column, key in zip(st.columns(len(COUNT_KEYS)), COUNT_KEYS, strict=True):
        column.metric(t(f"count.{key}", language), counts[key], border=True)


def ask_for_import(message_key: str, language: str) -> None:
    """The page has no season to show: say so, and link to the import page."""
    st.info(t(message_key, language), icon=":material/inbox:")
    st.page_link(
        PAGE_FILES["import"],
        label=t("overview.go_import", language),
        icon=":material/upload_file:",
    )
