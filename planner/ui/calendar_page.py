"""Group calendar page: the plan's sessions by week or month, filtered, with each group's
details, .ics downloads and subscription links. No client is shown: only counts of seats."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

import streamlit as st

from planner import access, terms
from planner.calendar import (
    CalendarError,
    CalendarOptions,
    OfferingFilter,
    Selection,
    calendar_from_store,
    create_feed,
)
from planner.calendar.links import feed_base_url
from planner.calendar.series import Series
from planner.i18n import t
from planner.model import Plan, Season
from planner.store import Enrolments, StoreError
from planner.store.calendars import current_plan
from planner.ui import auth, common
from planner.ui.calendar_views import (
    BY,
    PAGE_GROUPS,
    VIEWS,
    WORKDAYS,
    Session,
    between,
    by_day,
    day_heading,
    default_day,
    event_label,
    free_seats,
    group_details,
    group_series,
    holiday_badge,
    holiday_names,
    ics_file_name,
    kind_label,
    leader_name,
    leader_options,
    month_grid,
    month_heading,
    on_weekdays,
    season_start,
    seats_badge,
    seats_text,
    sessions_of,
    shift,
    shown_groups,
    the_selection,
    venue_options,
    venue_text,
    view_range,
    week_days,
    week_heading,
    weekday_short,
)
from planner.ui.offering import (
    audience_label,
    language_name,
    published_plan_id,
)
from planner.ui.text import plain
from planner.ui.week_grid import weekday_names

# Page scripts show bare string expressions (Streamlit "magic"), so no attribute docstrings here.
DAY_KEY = "cal_day"  # the date the view shows (its week or month)
WEEKDAYS_KEY = "cal_weekdays"  # the weekdays the views show (none chosen: all)
PAGE_KEY = "cal_page"  # which page of groups the views draw (from 1)
GROUP_KEY = "cal_group"  # the group whose details are open, or None
FEED_KEY = "cal_feed"  # the subscription this session created last (its links), or None
FIND_GROUP_KEY = "find_group"  # the group the Find a group page should open with
SWITCH_KEY = "cal_to_find"  # set by the enrol button: switch to the Find a group page
STATE_DEFAULTS: dict[str, Any] = {
    "cal_view": VIEWS[0],
    "cal_by": BY[0],
    GROUP_KEY: None,
    FEED_KEY: None,
}
log = logging.getLogger("planner")


def init_state() -> None:
    for key, value in STATE_DEFAULTS.items():
        st.session_state.setdefault(key, value)


def kept_choice(name: str, lang: str, default: Any) -> tuple[str, Any]:
    """(widget key, value to start from) for a widget whose labels follow the language: the
    widget's key names the language, the choice itself is kept under `name`."""
    return f"{name}_{lang}", st.session_state.get(name, default)


def today() -> dt.date:
    return terms.local_today()


# --- callbacks (run before the page reruns) ---


def step(view: str, by: int) -> None:
    st.session_state[DAY_KEY] = shift(view, st.session_state[DAY_KEY], by)


def go_to(day: dt.date) -> None:
    st.session_state[DAY_KEY] = day


def pick(group_id: str | None) -> None:
    st.session_state[GROUP_KEY] = group_id


def enrol(group_id: str) -> None:
    """Hand the group to the Find a group page; the page switch follows in the script."""
    st.session_state[FIND_GROUP_KEY] = group_id
    st.session_state[SWITCH_KEY] = group_id
    # A page switch drops widget values not set through Session State: keep the language.
    st.session_state[common.LANG_KEY] = common.lang()


def mark(group_id: str) -> str | None:
    """The icon of the picked group's events, so they stand out in the calendar."""
    return ":material/radio_button_checked:" if st.session_state[GROUP_KEY] == group_id else None


# --- filters ---


def multi_filter(
    where: Any, name: str, label: str, codes: list[str], lang: str, fmt: Any
) -> list[str]:
    key, chosen = kept_choice(name, lang, [])
    picked = where.multiselect(
        label,
        codes,
        default=[c for c in chosen if c in codes],
        format_func=fmt,
        key=key,
        placeholder=t("calpage.all", lang),
    )
    st.session_state[name] = picked
    return list(picked)


def offering_filters(season: Season, plan: Plan, lang: str) -> OfferingFilter:
    """Five filters side by side: municipality, language, theme, audience and kind."""
    place, language, theme, audience, kind = st.columns(5)
    groups = [season.group[gid] for gid in plan.placement if gid in season.group]
    places = {g.municipality for g in groups}
    municipalities = [m.code for m in season.municipalities if m.code in places]
    municipalities.sort(key=lambda c: season.municipality[c].name(lang))
    languages = sorted({g.language for g in groups}, key=lambda c: (c not in ("fi", "sv"), c))
    themes = sorted({g.theme for g in groups}, key=lambda c: season.theme_label(c, lang))
    audiences = sorted({g.audience or "all" for g in groups}, key=lambda c: (c != "all", c))
    kinds = sorted({g.kind for g in groups}, key=lambda c: kind_label(c, lang))
    return OfferingFilter(
        municipalities=tuple(
            multi_filter(
                place,
                "cal_municipalities",
                t("calpage.municipalities", lang),
                municipalities,
                lang,
                lambda c: season.municipality[c].name(lang),
            )
        ),
        languages=tuple(
            multi_filter(
                language,
                "cal_languages",
                t("calpage.languages", lang),
                languages,
                lang,
                lambda c: language_name(c, lang),
            )
        ),
        themes=tuple(
            multi_filter(
                theme,
                "cal_themes",
                t("calpage.themes", lang),
                themes,
                lang,
                lambda c: season.theme_label(c, lang),
            )
        ),
        audiences=tuple(
            multi_filter(
                audience,
                "cal_audiences",
                t("calpage.audiences", lang),
                audiences,
                lang,
                lambda c: kind_audience(c, lang),
            )
        ),
        kinds=tuple(
            multi_filter(
                kind,
                "cal_kinds",
                t("calpage.kinds", lang),
                kinds,
                lang,
                lambda c: kind_label(c, lang),
            )
        ),
    )


def kind_audience(code: str, lang: str) -> str:
    return t("calpage.all", lang) if code == "all" else audience_label(code, lang)


def selection_input(season: Season, plan: Plan, lang: str) -> Selection:
    """The offering with its filters, or one leader's or one venue's groups."""
    by_column, rest = st.columns([1, 6])
    by = by_column.radio(
        t("calpage.by", lang),
        BY,
        format_func=lambda b: t(f"calpage.by.{b}", lang),
        key="cal_by",
    )
    with rest:
        return chosen_selection(season, plan, str(by), lang)


def chosen_selection(season: Season, plan: Plan, by: str, lang: str) -> Selection:
    if by == "leader":
        leaders = leader_options(season, plan)
        target = st.selectbox(
            t("calpage.by.leader", lang),
            list(leaders),
            index=None,
            format_func=leaders.get,
            key="cal_leader",
            placeholder=t("calpage.pick", lang),
        )
        return the_selection("leader", target)
    if by == "venue":
        venues = venue_options(season, plan, lang)
        key, chosen = kept_choice("cal_venue", lang, None)
        target = st.selectbox(
            t("calpage.by.venue", lang),
            list(venues),
            index=list(venues).index(chosen) if chosen in venues else None,
            format_func=venues.get,
            key=key,
            placeholder=t("calpage.pick", lang),
        )
        st.session_state["cal_venue"] = target
        return the_selection("venue", target)
    return the_selection("offering", filters=offering_filters(season, plan, lang))


def describe(season: Season, selection: Selection, lang: str) -> str:
    if selection.kind == "leader" and selection.target:
        return leader_name(season, selection.target)
    if selection.kind == "venue" and selection.target in season.venue:
        return season.venue[str(selection.target)].display_name(lang)
    wanted = (selection.filters or OfferingFilter()).resolved(season)
    return t("calpage.whole_offering", lang) if wanted.is_empty() else wanted.describe(season, lang)


# --- downloads and subscriptions ---


def calendar_options(
    lang: str,
    free: dict[str, int],
    saved_at: dt.datetime | None,
    participants: dict[str, tuple[int, int]] | None = None,
) -> CalendarOptions:
    """The page's export options: its language, live free seats and (for a leader's
    calendar) live counts on site / remote, DTSTAMP = the plan's save time (so the same plan
    downloads as the same bytes)."""
    if saved_at is not None and saved_at.tzinfo is None:
        saved_at = saved_at.replace(tzinfo=dt.UTC)
    return CalendarOptions(lang=lang, free_seats=free, stamp=saved_at, participants=participants)


def stored_ics(selection: Selection, lang: str) -> bytes:
    """The selection's calendar exactly as `planner ics` and the feeds write it: the live
    offering with its seats, the season's dated changes and the store's SEQUENCE numbers."""
    return calendar_from_store(common.store(), selection, CalendarOptions(lang=lang)).body


def download_panel(
    season: Season, plan: Plan, selection: Selection, options: CalendarOptions, lang: str
) -> None:
    ready = selection.kind == "offering" or bool(selection.target)
    try:
        body = stored_ics(selection, lang) if ready else b""
    except CalendarError as exc:
        log.log(logging.WARNING, "no calendar download: %s", exc)
        ready, body = False, b""
    st.download_button(
        t("calpage.download", lang),
        body,
        file_name=ics_file_name(selection),
        mime="text/calendar",
        key="cal_download",
        icon=":material/download:",
        help=t("calpage.download_help", lang),
        on_click="ignore",
        disabled=not ready,
        width="stretch",
    )


def link_texts(feed_url: str) -> tuple[str, str]:
    """The keys of the label above a feed's address and of the note under the links: only an
    https address is one Outlook on the web and Teams subscribe to."""
    if feed_url.lower().startswith("https://"):
        return "calpage.https_link", "calpage.outlook_note"
    return "calpage.http_link", "calpage.http_note"


def subscribe_panel(season: Season, selection: Selection, lang: str) -> None:
    """Create a feed of this view (a write to the store, so only on the button) and show its
    links once."""
    ready = selection.kind == "offering" or bool(selection.target)
    what = describe(season, selection, lang) if ready else ""
    with st.expander(t("calpage.subscribe", lang), icon=":material/rss_feed:"):
        st.caption(t("calpage.subscribe_intro", lang, what=plain(what)))
        if st.button(
            t("calpage.subscribe_button", lang),
            key="cal_subscribe",
            icon=":material/add_link:",
            disabled=not ready,
        ):
            try:
                auth.require(access.FEEDS)
                new = create_feed(
                    common.store(),
                    selection.kind,
                    selection.target,
                    lang=lang,
                    filters=selection.filters if selection.kind == "offering" else None,
                    note=what,
                    actor=auth.actor(),
                )
                st.session_state[FEED_KEY] = {
                    "id": new.feed.id,
                    "url": new.url(),
                    "webcal": new.webcal(),
                }
            except (CalendarError, StoreError) as exc:
                st.error(t("calpage.subscribe_failed", lang, reason=exc), icon=":material/error:")
        feed = st.session_state[FEED_KEY]
        label, note = link_texts(feed["url"] if feed is not None else feed_base_url())
        if feed is not None:
            st.success(t("calpage.subscribe_done", lang, id=feed["id"]), icon=":material/link:")
            st.markdown(t(label, lang))
            st.code(feed["url"], language=None, wrap_lines=True)
            st.markdown(t("calpage.webcal_link", lang))
            st.code(feed["webcal"], language=None, wrap_lines=True)
        st.caption(t(note, lang))


# --- the calendar ---


def paged_groups(plan: Plan, group_ids: list[str], lang: str) -> list[str]:
    """A weekday filter and, when the groups are more than a page, a page picker: the views
    draw at most `PAGE_GROUPS` groups, so a season of 376 stays quick to read and to draw."""
    days, pages = st.columns([3, 1], vertical_alignment="bottom")
    names = weekday_names(lang)
    key, chosen = kept_choice(WEEKDAYS_KEY, lang, [])
    weekdays = days.multiselect(
        t("calpage.weekdays", lang),
        list(WORKDAYS),
        default=[d for d in chosen if d in WORKDAYS],
        format_func=names.__getitem__,
        key=key,
        placeholder=t("calpage.all", lang),
    )
    st.session_state[WEEKDAYS_KEY] = weekdays
    group_ids = on_weekdays(plan, group_ids, weekdays)
    return common.one_page(pages, group_ids, PAGE_GROUPS, PAGE_KEY, "calpage.page_of", lang)


def toolbar(lang: str, first: dt.date | None) -> str:
    """Week or month, previous, a date, next, back to the season's start; returns the view."""
    kind, prev, day, nxt, start = st.columns([1.6, 1.2, 1.6, 1.2, 1.6], vertical_alignment="bottom")
    chosen = kind.segmented_control(
        t("calpage.view", lang),
        VIEWS,
        format_func=lambda v: t(f"calpage.view.{v}", lang),
        required=True,
        key="cal_view",
    )
    view = str(chosen or VIEWS[0])
    prev.button(
        t("calpage.previous", lang),
        key="cal_prev",
        icon=":material/chevron_left:",
        on_click=step,
        args=(view, -1),
        width="stretch",
    )
    day.date_input(t("calpage.day", lang), key=DAY_KEY, format="DD.MM.YYYY")
    nxt.button(
        t("calpage.next", lang),
        key="cal_next",
        icon=":material/chevron_right:",
        icon_position="right",
        on_click=step,
        args=(view, 1),
        width="stretch",
    )
    if first is not None:
        start.button(
            t("calpage.season_start", lang),
            key="cal_start",
            icon=":material/first_page:",
            on_click=go_to,
            args=(first,),
            width="stretch",
        )
    return view


def week_view(
    season: Season,
    plan: Plan,
    sessions: list[Session],
    free: dict[str, int],
    anchor: dt.date,
    lang: str,
) -> None:
    days = week_days(anchor)
    shown = between(sessions, days[0], days[-1])
    holidays = holiday_names(days[0], days[-1], lang)
    per_day = by_day(shown)
    st.subheader(week_heading(anchor, lang))
    st.caption(t("calpage.sessions", lang, n=len(shown)))
    for column, day in zip(st.columns(len(days)), days, strict=True):
        with column:
            st.markdown(f"**{day_heading(day, lang)}**")
            if day in holidays:
                st.markdown(holiday_badge(holidays[day]))
            for session in per_day.get(day, []):
                gid = session.group_id
                with st.container(border=True):
                    st.button(
                        plain(season.group[gid].display_name(lang)),
                        key=f"cal_ev_{day}_{gid}",
                        type="tertiary",
                        on_click=pick,
                        args=(gid,),
                        icon=mark(gid),
                    )
                    venue = plain(venue_text(season, plan, gid, lang))
                    st.caption(f"{session.time_text} · {venue}")
                    st.markdown(seats_badge(season, gid, free, lang))
    if not shown:
        st.info(t("calpage.none", lang), icon=":material/event_busy:")


def event_help(
    season: Season, plan: Plan, session: Session, free: dict[str, int], lang: str
) -> str:
    """A month event's tooltip: time, venue and seats (the cell shows start and name only)."""
    gid = session.group_id
    venue = plain(venue_text(season, plan, gid, lang))
    return f"{session.time_text} · {venue} · {seats_text(season, gid, free, lang)}"


def month_view(
    season: Season,
    plan: Plan,
    sessions: list[Session],
    free: dict[str, int],
    anchor: dt.date,
    lang: str,
) -> None:
    rows = month_grid(anchor)
    first, last = view_range("month", anchor)
    shown = between(sessions, first, last)
    holidays = holiday_names(first, last, lang)
    per_day = by_day(shown)
    st.subheader(month_heading(anchor, lang))
    st.caption(t("calpage.sessions", lang, n=len(shown)))
    for column, weekday in zip(st.columns(len(WORKDAYS)), WORKDAYS, strict=True):
        column.markdown(f"**{weekday_short(weekday, lang)}**")
    for row in rows:
        for column, day in zip(st.columns(len(row)), row, strict=True):
            with column.container(border=True, height="stretch"):
                if day is None:
                    continue
                st.markdown(f"**{day.day}.{day.month}.**")
                if day in holidays:
                    st.markdown(holiday_badge(holidays[day]))
                for session in per_day.get(day, []):
                    gid = session.group_id
                    st.button(
                        event_label(session, plain(season.group[gid].display_name(lang))),
                        key=f"cal_ev_{day}_{gid}",
                        type="tertiary",
                        on_click=pick,
                        args=(gid,),
                        icon=mark(gid),
                        help=event_help(season, plan, session, free, lang),
                    )
    if not shown:
        st.info(t("calpage.none", lang), icon=":material/event_busy:")


def details_panel(
    season: Season,
    plan: Plan,
    series: Series,
    free: dict[str, int],
    options: CalendarOptions,
    lang: str,
) -> None:
    """The picked group: when, where, what, who leads, seats; enrol on the Find a group page."""
    gid = series.group_id
    with st.container(border=True):
        head, close = st.columns([5, 1], vertical_alignment="center")
        head.subheader(f"{gid} · {plain(season.group[gid].display_name(lang))}")
        close.button(
            t("calpage.close", lang),
            key="cal_close",
            icon=":material/close:",
            on_click=pick,
            args=(None,),
            type="tertiary",
        )
        details = group_details(season, plan, series, free, lang)
        st.markdown("\n".join(f"- {plain(line)}" for line in details))
        enrol_column, download = st.columns(2)
        if auth.allowed(access.ENROL):
            enrol_column.button(
                t("calpage.enrol", lang),
                key="cal_enrol",
                type="primary",
                icon=":material/person_add:",
                help=t("calpage.enrol_help", lang),
                on_click=enrol,
                args=(gid,),
            )
        download.download_button(
            t("calpage.download_group", lang),
            stored_ics(Selection("group", gid), lang),
            file_name=f"sosku-{gid}.ics",
            mime="text/calendar",
            key="cal_download_group",
            icon=":material/event:",
            on_click="ignore",
        )


def render() -> None:
    auth.require(access.VIEW_OFFERING)
    init_state()
    switch_to = st.session_state.pop(SWITCH_KEY, None)
    if switch_to is not None:
        st.switch_page(common.PAGE_FILES["find"], query_params={"group": switch_to})
    lang = common.lang()
    st.title(t("calpage.title", lang))
    db = common.store()
    info = common.live_season_info(db)  # workers see the live season
    if info is None:
        common.ask_for_import("calpage.no_season", lang)
        return
    season_id: int = info["id"]
    season = common.load_season(common.db_url(), season_id)
    live = Enrolments(db, season_id)
    try:
        stamp = current_plan(db)
        plan = db.load_plan(plan_id=stamp.plan_id) if stamp and stamp.plan_id else None
        published = published_plan_id(live.offerings())
        seats = live.seats() if published is not None else None
        # Counts on site / remote come from where the seats come from: the live offering.
        joined = live.participation() if seats is not None else {}
        participants = (
            {gid: joined.get(gid, (0, 0)) for gid in seats} if seats is not None else None
        )
    except StoreError as exc:
        st.error(t("store.unavailable", lang, reason=exc), icon=":material/error:")
        return
    if plan is None or stamp is None:
        st.info(t("find.no_plan", lang, season=plain(info["name"])), icon=":material/event_note:")
        st.page_link(
            common.PAGE_FILES["plan"],
            label=t("find.go_plan", lang),
            icon=":material/calendar_month:",
        )
        return
    st.caption(t("calpage.intro", lang))
    free = free_seats(season, plan, seats)
    options = calendar_options(lang, free, stamp.saved_at, participants)
    every = group_series(season, plan, sorted(plan.placement))
    first = season_start(every)
    st.session_state.setdefault(DAY_KEY, default_day(today(), first))
    asked = st.query_params.get("group")  # links in the calendars open a group's details
    if asked:
        if asked in every:
            st.session_state[GROUP_KEY] = asked
        del st.query_params["group"]

    with st.container(border=True):
        selection = selection_input(season, plan, lang)
    note, download, subscribe = st.columns([2, 1.2, 2], vertical_alignment="top")
    note.caption(t("calpage.seats_live" if seats is not None else "calpage.seats_plan", lang))
    with download:
        download_panel(season, plan, selection, options, lang)
    with subscribe:
        if auth.allowed(access.FEEDS):
            subscribe_panel(season, selection, lang)
    group_ids = shown_groups(season, plan, selection)
    picked = st.session_state[GROUP_KEY]
    if picked in every:
        details_panel(season, plan, every[picked], free, options, lang)
    view = toolbar(lang, first)
    group_ids = paged_groups(plan, group_ids, lang)
    sessions = sessions_of({gid: every[gid] for gid in group_ids})
    anchor: dt.date = st.session_state[DAY_KEY]
    if view == "week":
        week_view(season, plan, sessions, free, anchor, lang)
    else:
        month_view(season, plan, sessions, free, anchor, lang)


if __name__ == "__main__":  # st.navigation runs this file as the page
    render()
