"""Audit trail page: who imported, planned, published, enrolled, cancelled or changed a feed,
and when. Read-only; entries are appended by the store and never changed."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from planner import access
from planner.i18n import has, t
from planner.ui import auth, common

LIMIT = 2_000
ACTION_KEY = "audit_action"
ACTOR_KEY = "audit_actor"


def action_words(action: str, lang: str) -> str:
    """A recorded action in the page's language (the key itself for one not worded yet)."""
    key = f"trail.action.{action}"
    return t(key, lang) if has(key) else action


# Fields whose values are codes worded elsewhere in the catalogue.
_VALUE_WORDS = {
    "reason": ("ending.",),
    "follow_up": ("path.",),
    "status": ("trail.status.",),
    "state": ("trail.status.",),
}


def _field_words(field: str, lang: str) -> str:
    return t(f"trail.field.{field}", lang) if has(f"trail.field.{field}") else field


def _value_words(field: str, value: Any, lang: str) -> str:
    if isinstance(value, bool):
        return t("trail.yes" if value else "trail.no", lang)
    if isinstance(value, list | tuple):
        return ", ".join(_value_words(field, v, lang) for v in value)
    if isinstance(value, dict):
        return ", ".join(
            f"{_field_words(k, lang)} {_value_words(k, v, lang)}" for k, v in sorted(value.items())
        )
    text = "" if value is None else str(value)
    for prefix in {
        "reason": ("ending.",),
        "follow_up": ("path.",),
        "status": ("trail.status.",),
    }.get(field, ()):
        if has(prefix + text):
            return t(prefix + text, lang)
    return text


def detail_words(detail: dict[str, Any], lang: str) -> str:
    """The entry's details as "field: value" in the page's language, empty fields left out."""
    parts = []
    for field, value in sorted(detail.items()):
        if value in (None, "", [], {}):
            continue
        parts.append(f"{_field_words(field, lang)}: {_value_words(field, value, lang)}")
    return " · ".join(parts)


def audit_table(events: list[dict], lang: str) -> pd.DataFrame:
    """Newest first: time (Helsinki), who, what, and the details, in the page's language."""
    return pd.DataFrame(
        {
            t("audit.col.at", lang): [common.local_time(e["at"]) for e in events],
            t("audit.col.actor", lang): [e["actor"] for e in events],
            t("audit.col.action", lang): [action_words(e["action"], lang) for e in events],
            t("audit.col.detail", lang): [detail_words(e["detail"] or {}, lang) for e in events],
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
        t("audit.col.action", lang),
        actions,
        key=ACTION_KEY,
        placeholder=everything,
        format_func=lambda a: action_words(a, lang),
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
