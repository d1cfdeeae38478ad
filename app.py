"""The Streamlit entry point (`streamlit run app.py`). It only routes: pages live in planner/ui/."""

from __future__ import annotations

import streamlit as st

from planner import access
from planner.i18n import LANGUAGES, t
from planner.ui import a11y_style, auth, common, print_style

# Navigation sections and their pages: (page key in common.PAGE_FILES, title key, icon).
NAVIGATION: dict[str, list[tuple[str, str, str]]] = {
    "nav.season": [
        ("overview", "nav.overview", ":material/map:"),
        ("import", "nav.import", ":material/upload_file:"),
        ("plan", "nav.plan", ":material/calendar_month:"),
        ("dashboard", "nav.dashboard", ":material/insights:"),
        ("audit", "nav.audit", ":material/history:"),
    ],
    "nav.offering": [
        ("find", "nav.find", ":material/person_search:"),
        ("groups", "nav.groups", ":material/groups:"),
        ("feedback", "nav.feedback", ":material/reviews:"),
        ("changes", "nav.changes", ":material/notifications:"),
        ("figures", "nav.figures", ":material/bar_chart:"),
        ("calendar", "nav.calendar", ":material/calendar_view_week:"),
        ("map", "nav.map", ":material/route:"),
    ],
}

common.init_state()
auth.adopt_account_language()
lang = common.lang()
st.set_page_config(page_title=t("app.name", lang), page_icon=":material/groups:", layout="wide")
print_style.apply()
a11y_style.apply(lang)

# The pages' links come first in the sidebar, drawn once the person's pages are known.
navigation_box = st.sidebar.container()
with st.sidebar:
    st.segmented_control(
        t("app.language", lang),
        list(LANGUAGES),
        format_func=LANGUAGES.__getitem__,
        required=True,
        key=common.LANG_KEY,
    )
    st.caption(f"**{t('app.name', lang)}**  \n{t('app.tagline', lang)}")

# Signed out, the sign-in screen stops the script here; the person sees only their pages.
who = auth.identity()
with st.sidebar:
    auth.sidebar_identity(who, lang)

default_page = next(iter(NAVIGATION.values()))[0][0]
pages = {
    t(section, lang): [
        st.Page(
            common.PAGE_FILES[page],
            title=t(title, lang),
            icon=icon,
            url_path=page,
            default=page == default_page,
        )
        for page, title, icon in entries
        if access.may_see_page(who, page)
    ]
    for section, entries in NAVIGATION.items()
}
# Streamlit's own sidebar menu puts its section headings inside the list (<ul><div><header>),
# which screen readers cannot follow as a list (axe: list, listitem); links under headings are
# the same menu in valid markup.
current = st.navigation(
    {section: entries for section, entries in pages.items() if entries}, position="hidden"
)
with navigation_box:
    for section, entries in pages.items():
        if entries:
            st.markdown(f"**{section}**")
            for page in entries:
                st.page_link(page)
current.run()
