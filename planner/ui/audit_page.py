"""Audit trail page: who imported, planned, published, enrolled, cancelled or changed a feed,
and when. Read-only; entries are appended by the store and never changed."""

from __future__ import annotations

import json

import pandas as pd
import streamlit as st

from planner import access
from planner.i18n import t
from planner.ui import auth, common

LIMIT = 2_000
ACTION_KEY = "audit_action"
ACTOR_KEY = "audit_actor"


def audit_table(events: list[dict], lang: str) -> pd.DataFrame:
    """Newest first: time (Helsinki), who, what, and the details as compact text."""
    return pd.DataFrame(
        {
            t("audit.col.at", lang): [common.local_time(e["at"]) for e in events],
            t("audit.col.actor", lang): [e["actor"] for e in events],
            t("audit.col.action", lang): [e["action"] for e in events],
            t("audit.col.detail", lang): [
                json.dumps(e["detail"], ensure_ascii=False, sort_keys=True) for e in events
            ],
        }
    )


def render() -> None:
    auth.require(access.AUDIT)
    lang = common.lang()
    st.title(t("audit.title", lang))
    st.caption(t("audit.intro", lang, limit=LIMIT))
    events = common.store().events(limit=LIMIT)
    if not events:
        st.info(t("audit.empty", lang), icon=":material/history:")
        return
    left, right = st.columns(2)
    actions = sorted({e["action"] for e in events})
    actors = sorted({e["actor"] for e in events})
    everything = t("audit.all", lang)
    chosen = left.multiselect(
        t("audit.col.action", lang), actions, key=ACTION_KEY, placeholder=everything
    )
    who = right.multiselect(
        t("audit.col.actor", lang), actors, key=ACTOR_KEY, placeholder=everything
    )
    shown = [
        e
        for e in events
        if (not chosen or e["action"] in chosen) and (not who or e["actor"] in who)
    ]
    st.dataframe(audit_table(shown, lang), hide_index=True, width="stretch")


if __name__ == "__main__":  # st.navigation runs this file as the page
    render()
