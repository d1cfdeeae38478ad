"""A test page for the client form (tests/test_client_form.py): the two functions the Find a
group page calls, on the live season. `?profile=1` prefills the new client from the first
client's profile; `?client=CODE` shows the edit form and the service timeline of that
client."""

from __future__ import annotations

import streamlit as st

from planner.finder import profile_from_client
from planner.ui import client_form, common

common.init_state()
lang = common.lang()
db = common.store()
info = common.live_season_info(db)
assert info is not None
season = common.load_season(common.db_url(), info["id"])
profile = profile_from_client(season.clients[0]) if st.query_params.get("profile") else None
added = client_form.add_client_form(db, season, info["id"], lang, profile)
if added:
    st.session_state["test_added"] = added
code = st.query_params.get("client")
if code in season.client:
    st.session_state["test_shown_days"] = season.client[code].days
    client_form.edit_client_form(db, season, info["id"], season.client[code], lang)
    client_form.timeline_form(db, season.client[code], lang)
