"""Changes page: what a counsellor or leader needs to know about their clients' places and the
groups they lead, newest first (`planner.notices`). A coordinator may look at anyone's."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from planner import access
from planner.i18n import t
from planner.notices import Notice, notice_text
from planner.store.notices import Notices
from planner.ui import auth, common

PERSON_KEY = "changes_person"


def changes_table(notices: list[Notice], names: dict[str, str], lang: str) -> pd.DataFrame:
    """Newest first: when (Helsinki time) and the change in words."""
    newest = sorted(notices, key=lambda n: n.event_id, reverse=True)
    return pd.DataFrame(
        {
            t("changes.col.at", lang): [common.local_time(n.at) for n in newest],
            t("changes.col.change", lang): [
                notice_text(n, names.get(n.group_id, n.group_id), lang) for n in newest
            ],
        }
    )


def render() -> None:
    who = auth.require(access.NOTICES)
    lang = common.lang()
    st.title(t("changes.title", lang))
    st.caption(t("changes.intro", lang))
    db = common.store()
    info = common.live_season_info(db)
    if info is None:
        common.ask_for_import("find.no_season", lang)
        return
    notices = Notices(db, info["id"])
    person = who.staff_id
    if access.may(who, access.ALL_GROUPS):
        people = notices.people()
        if people:
            known = common.load_season(common.db_url(), info["id"]).person
            start = people.index(person) if person in people else 0
            person = st.selectbox(
                t("changes.person", lang),
                people,
                index=start,
                key=PERSON_KEY,
                format_func=lambda pid: f"{pid} {known[pid].name}" if pid in known else pid,
            )
    if person is None:
        st.warning(t("changes.no_staff_id", lang), icon=":material/badge:")
        return
    found = notices.for_person(person)
    if not found:
        st.info(t("changes.none", lang), icon=":material/notifications:")
        return
    st.dataframe(changes_table(found, notices.group_names(), lang), hide_index=True)


if __name__ == "__main__":  # st.navigation runs this file as the page
    render()
