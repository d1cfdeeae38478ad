"""What every page shares: session state, the language, the store and which season a page uses.

Workers' and subscribers' pages (Overview, Find a group, My groups, Calendar) use the live
(published) season: `live_season_info`. Coordinators' pages (Import, Plan, Insight, Map,
Figures) work on the season chosen in the sidebar's season picker: `working_season_info`
(default: the newest draft, else the live season); without the right to plan, the live one.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import streamlit as st

from planner import access
from planner.i18n import DEFAULT_LANGUAGE, LANGUAGES, t
from planner.model import Season
from planner.store import Store, StoreError
from planner.ui.text import plain
from planner.ui.week_grid import page_count, page_of

T = TypeVar("T")
LANG_KEY = "lang"
SEASON_KEY = "season_choice"
_ASKED_KEY = "lang_from_link"
STATE_DEFAULTS: dict[str, Any] = {
    LANG_KEY: DEFAULT_LANGUAGE,
    "import_checked": None,  # (upload signature, ImportReport) of the last checked upload
    "import_done": None,  # (upload signature, season id) of the last import
    SEASON_KEY: None,  # the season id chosen in the sidebar's season picker
    "season_switch": None,  # the season id whose switch preview awaits confirmation
}
KEPT_WIDGETS = (
    "find_mode",
    "find_client",
    "find_postal",
    "find_travel",
    "find_max_travel",
    "find_needs_accessible",
    "find_prefers_small",
    "find_show_failed",
)
"""Widget choices a person expects to find again after visiting another page (the client
being helped above all). Streamlit forgets a widget's value when its page is not shown, so
`init_state` hands each one back to the session before the page runs."""
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
    "feedback": "planner/ui/feedback_page.py",
    "changes": "planner/ui/changes_page.py",
}
"""Page scripts, relative to app.py; `app.py` registers them, pages link to them."""

COUNT_KEYS = ("municipalities", "groups", "venues", "staff", "partners", "clients")
LOCAL_TZ = ZoneInfo("Europe/Helsinki")


def init_state() -> None:
    """Give every session-state key its default once, on a session's first run."""
    for key, value in STATE_DEFAULTS.items():
        st.session_state.setdefault(key, value)
    for key in KEPT_WIDGETS:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]
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


def live_season_info(db: Store) -> dict[str, Any] | None:
    """The store's row for the live (published) season (id, name, state, ...), or None:
    what workers, leaders and subscribers see."""
    live = db.live_season_id()
    return db.season_info(live) if live is not None else None


def season_option(info: dict[str, Any], language: str, markdown: bool = False) -> str:
    """`Kevät 2028 (no. 3, draft)` in the page's language; `markdown` for Markdown (captions,
    headers, alerts): the name then shows as text (`planner.ui.text.plain`)."""
    state = t(f"season.state.{info['state']}", language)
    name = plain(info["name"]) if markdown else info["name"]
    return t("season.option", language, name=name, id=info["id"], state=state)


def working_season_info(db: Store, language: str) -> dict[str, Any] | None:
    """The season a coordinator's page works on, chosen in the sidebar's season picker
    (default: the newest draft, else the live season). Someone who may not plan gets the
    live season and no picker. None when the store has no season."""
    from planner.ui import auth  # auth imports this module

    if not access.may(auth.identity(), access.PLAN):
        return live_season_info(db)
    seasons = {row["id"]: row for row in db.list_seasons()}
    if not seasons:
        return None
    chosen = st.session_state.get(SEASON_KEY)
    default = db.working_season_id(chosen if chosen in seasons else None)
    assert default is not None
    with st.sidebar:
        picked = st.selectbox(
            t("season.picker", language),
            list(seasons),
            index=list(seasons).index(default),
            format_func=lambda season_id: season_option(seasons[season_id], language),
            help=t("season.picker_help", language),
            key="season_picker",
        )
    st.session_state[SEASON_KEY] = picked
    info = seasons[picked]
    if not info["live"]:
        live = next((row for row in seasons.values() if row["live"]), None)
        st.caption(
            t(
                "season.not_live",
                language,
                season=season_option(info, language, markdown=True),
                live=season_option(live, language, markdown=True) if live else "-",
            )
        )
    return info


def forget_season_names() -> None:
    """A season was renamed: loaded seasons carry their name, so load them again."""
    load_season.clear()


@st.cache_data(show_spinner=False, max_entries=8)
def load_season(url: str | None, season_id: int) -> Season:
    """A stored season; its data never changes once imported but for its name and its pins,
    so the id is a safe cache key (renaming clears the cache: `forget_season_names`; setting a
    group by hand too: `planner.ui.group_edit_panel`)."""
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


def one_page(
    where: Any, items: Sequence[T], size: int, key: str, caption_key: str, language: str
) -> list[T]:
    """`items` whole when they fit one page of `size`; else a page picker in `where` (its
    value under `key`, brought back into range when a filter leaves fewer pages) and a
    caption (`caption_key` with `first`, `last` and `total`): what the page draws, so a
    large season draws a bounded number of cells."""
    count = page_count(len(items), size)
    if count == 1:
        return list(items)
    if st.session_state.get(key, 1) > count:
        st.session_state[key] = count
    page = int(where.number_input(t("page.number", language), 1, count, step=1, key=key) or 1)
    shown = page_of(items, page, size)
    first = (min(page, count) - 1) * size + 1
    st.caption(t(caption_key, language, first=first, last=first + len(shown) - 1, total=len(items)))
    return shown
