"""Find a group page: a worker and a client look for a group together, and enrol in one."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

import streamlit as st

from planner import access
from planner.finder import Match, Profile, ProfileError, find_groups, profile_from_client
from planner.finder.profile import ALL_WEEKDAYS, MAX_TRAVEL_LIMIT_MIN
from planner.i18n import t
from planner.io.fields import FieldError, parse_postal_code
from planner.model import Client, Plan, Season, Theme
from planner.rules import TRAVEL_MODES
from planner.store import (
    Enrolments,
    PlanRejected,
    ResolutionRefused,
    Store,
    StoreError,
    StrandedClients,
    Timelines,
)
from planner.store.outcomes import Seats
from planner.ui import auth, common
from planner.ui.client_form import add_client_form, edit_client_form, timeline_form
from planner.ui.offering import (
    audience_label,
    card_lines,
    failed_table,
    history_table,
    language_name,
    outcome_message,
    profile_line,
    published_plan_id,
)
from planner.ui.places_panel import RESULT_KEY as PLACES_RESULT_KEY
from planner.ui.places_panel import places_section
from planner.ui.plan_rejected import rejected_markdown
from planner.ui.publish_panel import refusal_markdown
from planner.ui.text import plain
from planner.ui.week_grid import weekday_names

# Page scripts show bare string expressions (Streamlit "magic"), so no attribute docstrings here.
PENDING_CLIENT_KEY = "find_pending_client"  # a client just added, to pick on the next run
ADDED_CLIENT_KEY = "find_added_client"  # the client added last, for the confirmation
OUTCOME_KEY = "find_outcome"  # the last enrolment request of this session (a dict), or None
PUBLISHED_KEY = "find_published"  # what this session's last publish did, for the confirmation
MODES = ("client", "describe")
STATE_DEFAULTS: dict[str, Any] = {
    OUTCOME_KEY: None,
    PUBLISHED_KEY: None,
    "find_mode": MODES[0],
    "find_client": None,
    "find_travel": "transit",
    "find_max_travel": 60,
    "find_needs_accessible": False,
    "find_prefers_small": False,
    "find_show_failed": False,
}
TRAVEL_STEP_MIN = 5
log = logging.getLogger("planner")


def init_state() -> None:
    for key, value in STATE_DEFAULTS.items():
        st.session_state.setdefault(key, value)


def kept_choice(name: str, lang: str, default: Any) -> tuple[str, Any]:
    """(widget key, value to start from) for a widget whose option labels follow the language.

    The widget's key names the language (a kept widget would go on showing the old language's
    labels); the choice itself is kept under `name` and outlives a language switch.
    """
    return f"{name}_{lang}", st.session_state.get(name, default)


# --- who the client is ---


def client_profile_input(season: Season, lang: str) -> tuple[Client | None, Profile | None]:
    """The client picked by code (codes only, never names) and their profile."""
    codes = sorted(c.client_code for c in season.clients)
    if st.session_state.get("find_client") not in (None, *codes):  # kept from another season
        st.session_state["find_client"] = None
    # The help goes under the field, not in a tooltip: the tooltip's button took the keyboard's
    # focus back from the field as it closed (tests/test_accessibility.py).
    code = st.selectbox(
        t("find.client", lang),
        codes,
        index=None,
        key="find_client",
        placeholder=t("find.client_placeholder", lang),
    )
    st.caption(t("find.client_help", lang))
    if code is None:
        return None, None
    client = season.client[code]
    profile = profile_from_client(client)
    counsellor = next((s.name for s in season.staff if s.staff_id == client.counsellor), "")
    st.caption(profile_line(season, profile, counsellor, lang))
    return client, profile


def described_profile(season: Season, lang: str) -> Profile | None:
    """A profile from the worker's answers; None (with a note) while one is missing."""
    codes = [m.code for m in season.municipalities]
    key, chosen = kept_choice("find_municipality", lang, codes[0])
    municipality = st.selectbox(
        t("find.municipality", lang),
        codes,
        index=codes.index(chosen) if chosen in codes else 0,
        format_func=lambda c: season.municipality[c].name(lang),
        key=key,
    )
    st.session_state["find_municipality"] = municipality
    postal_text = st.text_input(
        t("find.postal_code", lang),
        key="find_postal",
        max_chars=5,
        placeholder="02600",
        help=t("find.postal_code_help", lang),
    ).strip()
    postal = ""
    if postal_text:
        try:
            postal = parse_postal_code(postal_text)
        except FieldError:  # the value is the worker's typing, not a spreadsheet's cell
            st.warning(t("find.postal_code_bad", lang), icon=":material/markunread_mailbox:")

    spoken = {g.language for g in season.groups}
    spoken |= {code for c in season.clients for code in c.languages}
    languages = sorted(spoken, key=lambda c: (c not in ("fi", "sv"), language_name(c, lang)))
    key, chosen = kept_choice("find_languages", lang, ["fi"])
    picked_languages = st.multiselect(
        t("find.languages", lang),
        languages,
        default=[c for c in chosen if c in languages],
        format_func=lambda c: language_name(c, lang),
        key=key,
        placeholder=t("find.choose", lang),
    )
    st.session_state["find_languages"] = picked_languages

    themes = sorted({g.theme for g in season.groups}, key=lambda c: season.theme_label(c, lang))
    key, chosen = kept_choice("find_interests", lang, [])
    interests = st.multiselect(
        t("find.interests", lang),
        themes,
        default=[c for c in chosen if c in themes],
        format_func=lambda c: season.theme_label(c, lang),
        key=key,
        placeholder=t("find.choose", lang),
    )
    st.session_state["find_interests"] = interests

    tags = sorted({g.audience for g in season.groups if not g.is_open_to_all})
    key, chosen = kept_choice("find_audience", lang, [])
    audience = st.multiselect(
        t("find.audience", lang),
        tags,
        default=[c for c in chosen if c in tags],
        format_func=lambda c: audience_label(c, lang),
        key=key,
        placeholder=t("find.choose", lang),
        help=t("find.audience_help", lang),
    )
    st.session_state["find_audience"] = audience

    names = [name[: 3 if lang == "en" else 2] for name in weekday_names(lang)]
    key, chosen = kept_choice("find_days", lang, list(ALL_WEEKDAYS))
    days = st.pills(
        t("find.days", lang),
        list(ALL_WEEKDAYS),
        selection_mode="multi",
        default=chosen,
        format_func=lambda d: names[d],
        key=key,
    )
    st.session_state["find_days"] = list(days)

    travel = st.segmented_control(
        t("find.travel", lang),
        TRAVEL_MODES,
        format_func=lambda m: t(f"find.travel.{m}", lang),
        required=True,
        key="find_travel",
        help=t("find.travel_help", lang),
    )
    limit = st.slider(
        t("find.max_travel", lang),
        TRAVEL_STEP_MIN,
        MAX_TRAVEL_LIMIT_MIN,
        step=TRAVEL_STEP_MIN,
        key="find_max_travel",
    )
    accessible = st.checkbox(t("find.needs_accessible", lang), key="find_needs_accessible")
    small = st.checkbox(t("find.prefers_small", lang), key="find_prefers_small")

    if not picked_languages:
        st.warning(t("find.need_language", lang), icon=":material/translate:")
        return None
    if not days:
        st.warning(t("find.need_day", lang), icon=":material/event_busy:")
        return None
    try:
        return Profile(
            municipality=municipality,
            languages=tuple(picked_languages),
            interests=tuple(interests),
            audience=tuple(audience),
            audience_known=bool(audience),
            postal_code=postal,
            days=tuple(sorted(days)),
            travel=str(travel or "transit"),
            max_travel_min=int(limit),
            needs_accessible=bool(accessible),
            prefers_small=bool(small),
        )
    except ProfileError as exc:  # the widgets allow nothing the profile refuses; kept as a guard
        log.log(logging.WARNING, "finder profile refused: %s", exc)
        return None


# --- publishing ---


def publish_panel(live: Enrolments, published: int | None, current: int | None, lang: str) -> None:
    """Say when the offering is missing or behind the current plan; offer to publish it."""
    done = st.session_state[PUBLISHED_KEY]
    if done is not None:
        st.success(t("find.published", lang, **done), icon=":material/publish:")
    if current is None or published == current:
        return
    if not auth.allowed(access.PUBLISH):
        st.info(t("find.ask_coordinator_to_publish", lang), icon=":material/unpublished:")
        return
    if published is None:
        st.warning(t("find.not_published", lang), icon=":material/unpublished:")
    else:
        st.info(
            t("find.newer_plan", lang, published=published, current=current),
            icon=":material/update:",
        )
    if st.button(
        t("find.publish", lang),
        key="find_publish",
        icon=":material/publish:",
        help=t("find.publish_help", lang),
    ):
        try:
            auth.require(access.PUBLISH)
            report = live.publish(actor=auth.actor())
        except PlanRejected as exc:
            season = common.load_season(common.db_url(), live.season_id) if live.season_id else None
            st.error(rejected_markdown(exc, season, lang, "publish"), icon=":material/block:")
            return
        except (StrandedClients, ResolutionRefused) as exc:  # decided on the Plan page
            season = common.load_season(common.db_url(), live.season_id) if live.season_id else None
            st.error(refusal_markdown(exc, season, lang), icon=":material/block:")
            st.page_link(common.PAGE_FILES["plan"], label=t("find.go_plan", lang))
            return
        except StoreError as exc:
            st.error(t("find.publish_failed", lang, reason=exc), icon=":material/error:")
            return
        st.session_state[PUBLISHED_KEY] = {
            "plan_id": report.plan_id,
            "groups": len(report.opened) + len(report.kept),
            "added": len(report.added),
        }
        st.session_state[OUTCOME_KEY] = None
        st.rerun()


# --- enrolling ---


def enrol(db: Store, season_id: int, client: Client, group_id: str, allow_flagged: bool) -> None:
    """The Enrol button's callback: runs before the page reruns, so seats shown are fresh."""
    if not auth.allowed(access.ENROL):
        st.session_state[OUTCOME_KEY] = {
            "status": "failed",
            "group_id": group_id,
            "client_code": client.client_code,
            "message": t("auth.not_allowed", common.lang()),
        }
        return
    try:
        outcome = Enrolments(db, season_id).enrol(
            group_id,
            client.client_code,
            actor=auth.actor(),
            counsellor=client.counsellor,
            allow_flagged=allow_flagged,
        )
        result = {
            "status": outcome.status,
            "group_id": group_id,
            "client_code": client.client_code,
            "reason": outcome.reason,
            "message": outcome.message,
            "position": outcome.position,
            "flag": outcome.flag,
            "other": outcome.other,
            "warnings": list(outcome.warnings),
        }
    except StoreError as exc:
        result = {
            "status": "failed",
            "group_id": group_id,
            "client_code": client.client_code,
            "message": str(exc),
        }
    st.session_state[OUTCOME_KEY] = result
    st.session_state.pop(PLACES_RESULT_KEY, None)  # what was done to a place before is past


def show_outcome(
    db: Store, season: Season, plan: Plan, season_id: int, client: Client, lang: str
) -> None:
    """The last enrolment's result for this client (its joint meetings are booked under the
    client's places)."""
    outcome = st.session_state[OUTCOME_KEY]
    if outcome is None or outcome["client_code"] != client.client_code:
        return
    group = season.group.get(outcome["group_id"])
    name = plain(group.display_name(lang)) if group else ""  # the message is Markdown
    if outcome["status"] == "failed":
        st.error(t("find.enrol_failed", lang, reason=outcome["message"]), icon=":material/error:")
        return
    kind, message = outcome_message(outcome, name, lang)
    if kind == "success":
        st.success(message, icon=":material/how_to_reg:")
    elif kind == "info":
        st.info(message, icon=":material/hourglass_top:")
    else:
        st.error(message, icon=":material/block:")
    warnings = outcome.get("warnings") or ()
    timeline = Timelines(db).get(client.client_code) if warnings else None
    for warning in warnings if timeline is not None else ():
        st.warning(timeline.warning_text(warning, lang), icon=":material/event_busy:")
    if outcome.get("reason") == "needs_second_leader":
        st.button(
            t("find.enrol_flagged", lang),
            key="find_enrol_flagged",
            on_click=enrol,
            args=(db, season_id, client, outcome["group_id"], True),
        )
    if outcome["status"] == "enrolled":
        st.caption(t("places.book_meeting_hint", lang))


def show_card(
    match: Match,
    profile: Profile,
    lang: str,
    enrol_args: tuple[Any, ...] | None,
    waiting: dict[str, int],
    themes: Mapping[str, Theme],
) -> None:
    """One group as a card. `enrol_args` (store, season id, client) when the client may enrol;
    `waiting`: the client's place on the waiting lists they are on; `themes` the season's
    theme names (`Season.theme`)."""
    lines = card_lines(match, profile.travel, lang, themes)
    with st.container(border=True):
        info, side = st.columns([5, 2], vertical_alignment="top")
        info.markdown(f"**{plain(lines['title'])}**")
        info.markdown(plain(lines["when"]))
        info.caption(plain(lines["kind"]))  # theme names may come from the season's table
        info.caption(lines["access"])
        info.markdown("\n".join(f"- {plain(reason)}" for reason in match.reasons))
        side.markdown(f"**{lines['seats']}**")
        if match.group_id in waiting:
            side.caption(t("find.card.waiting", lang, position=waiting[match.group_id]))
        elif match.drop_in:
            pass  # nobody enrols in a drop-in group: the seats line says so (l. 355)
        elif enrol_args is not None and not match.member:
            side.button(
                t("find.enrol_waiting" if match.full else "find.enrol", lang),
                key=f"find_enrol_{match.group_id}",
                type="secondary" if match.full else "primary",
                icon=":material/hourglass_top:" if match.full else ":material/person_add:",
                on_click=enrol,
                args=(*enrol_args, match.group_id, False),
            )


def client_places(
    live: Enrolments, history: list[dict[str, Any]], season_id: int, client_code: str
) -> tuple[set[str], dict[str, int]]:
    """The groups the client is in this season, and their positions on waiting lists."""
    this_season = [h for h in history if h["season_id"] == season_id]
    active = {h["group_id"] for h in this_season if h["status"] == "active"}
    waiting = {}
    for h in this_season:
        if h["status"] == "waiting":
            queue = live.waiting_list(h["group_id"])
            found = next((w.position for w in queue if w.client_code == client_code), None)
            if found is not None:
                waiting[h["group_id"]] = found
    return active, waiting


def may_read_summaries(client: Client) -> bool:
    """The leader's summary of a client is for the client's own counsellor (l. 379, l. 694)
    and for coordinators, who see every group's records."""
    if auth.allowed(access.ALL_GROUPS):
        return True
    return auth.allowed(access.FIND) and auth.identity().staff_id == client.counsellor


def show_history(
    season: Season, client: Client, history: list[dict[str, Any]], season_id: int, lang: str
) -> None:
    st.subheader(t("find.history", lang))
    table = history_table(season, history, season_id, lang)
    if table.empty:
        st.caption(t("find.history_none", lang))
    else:
        st.dataframe(table, hide_index=True, width="stretch")
    written = [h for h in history if h.get("summary")]
    if not written or not may_read_summaries(client):
        return
    people = {s.staff_id: s.name for s in season.staff}
    for h in written:
        group = season.group.get(h["group_id"])
        title = t(
            "places.summary",
            lang,
            group=f"{h['group_id']} {group.display_name(lang) if group else ''}".strip(),
            leader=people.get(h["summary_by"], h["summary_by"] or ""),
        )
        with st.expander(title, icon=":material/description:"):
            st.text(h["summary"])  # the leader's words, shown as text, never as markdown


def render() -> None:
    auth.require(access.FIND)
    init_state()
    lang = common.lang()
    st.title(t("find.title", lang))
    pending = st.session_state.pop(PENDING_CLIENT_KEY, None)
    if pending is not None:  # before the widgets are drawn, so they can take the new client
        st.session_state["find_mode"] = "client"
        st.session_state["find_client"] = pending
        st.session_state[ADDED_CLIENT_KEY] = pending
    db = common.store()
    info = common.live_season_info(db)  # workers see the live season
    if info is None:
        common.ask_for_import("find.no_season", lang)
        return
    season_id: int = info["id"]
    season = common.load_season(common.db_url(), season_id)
    live = Enrolments(db, season_id)
    try:
        published = published_plan_id(live.offerings())
        current = db.plan_summary(season_id=season_id)
        current_id = None if current is None else current["id"]
        # Enrolments follow the published plan; before publishing, the current plan is shown.
        plan = db.load_plan(plan_id=published if published is not None else current_id)
    except StoreError as exc:
        st.error(t("store.unavailable", lang, reason=exc), icon=":material/error:")
        return
    if plan is None:
        st.info(t("find.no_plan", lang, season=plain(info["name"])), icon=":material/event_note:")
        st.page_link(
            common.PAGE_FILES["plan"],
            label=t("find.go_plan", lang),
            icon=":material/calendar_month:",
        )
        return
    publish_panel(live, published, current_id, lang)

    ask, results = st.columns([1, 2], gap="large")
    with ask:
        st.subheader(t("find.who", lang))
        mode = st.segmented_control(
            t("find.who", lang),
            MODES,
            format_func=lambda m: t(f"find.by.{m}", lang),
            required=True,
            key="find_mode",
            label_visibility="collapsed",
        )
        client: Client | None = None
        if mode == "client":
            added = st.session_state.pop(ADDED_CLIENT_KEY, None)
            client, profile = client_profile_input(season, lang)
            if client is not None and client.client_code == added:
                st.success(t("find.client_added", lang, code=added), icon=":material/person_add:")
            if client is not None:
                edit_client_form(db, season, season_id, client, lang)
                timeline_form(db, client, lang)
        else:
            profile = described_profile(season, lang)
            with st.expander(t("find.add_client", lang), icon=":material/person_add:"):
                code = add_client_form(db, season, season_id, lang, profile)
            if code is not None:  # saved: pick the new client, ready to enrol
                st.session_state[PENDING_CLIENT_KEY] = code
                st.rerun()
        show_failed = st.toggle(t("find.show_failed", lang), key="find_show_failed")
        history = live.client_history(client.client_code) if client is not None else []
        if client is not None:
            show_history(season, client, history, season_id, lang)

    with results:
        if profile is None:
            st.info(t("find.pick_client", lang), icon=":material/person_search:")
            return
        places_box = show_results(
            db,
            live,
            season,
            plan,
            season_id,
            profile,
            client,
            history,
            published is not None,
            bool(show_failed),
            lang,
        )
    if places_box is not None and client is not None:
        with places_box:
            just = st.session_state[OUTCOME_KEY] or {}
            opened = just.get("group_id") if just.get("status") == "enrolled" else None
            places_section(db, season, plan, season_id, client, history, lang, opened, OUTCOME_KEY)


WANTED_GROUP_KEY = "find_group"  # set by the calendar page's "Enrol a client" button


def wanted_first(matches: list[Match], wanted: str, show_failed: bool, lang: str) -> list[Match]:
    """Put the group the worker came for first, or say why it does not suit the client."""
    chosen = next((m for m in matches if m.group_id == wanted), None)
    if chosen is None:
        st.info(t("find.wanted_missing", lang, group=wanted), icon=":material/event_busy:")
    elif not chosen.suitable:
        st.warning(
            t("find.wanted_unsuitable", lang, group=wanted, why="; ".join(chosen.failed)),
            icon=":material/block:",
        )
    else:
        st.info(t("find.wanted_first", lang, group=wanted), icon=":material/event_available:")
        matches = [chosen, *(m for m in matches if m is not chosen)]
    return matches if show_failed else [m for m in matches if m.suitable]


def show_results(
    db: Store,
    live: Enrolments,
    season: Season,
    plan: Plan,
    season_id: int,
    profile: Profile,
    client: Client | None,
    history: list[dict[str, Any]],
    published: bool,
    show_failed: bool,
    lang: str,
) -> Any:
    """The outcome of the last enrolment, the cards of the groups that suit, and the rest.
    Returns an empty container between the outcome and the cards for the client's places
    (None without a client or an offering)."""
    seats: dict[str, Seats] | None = live.seats() if published else None
    mine: set[str] | None = None
    waiting: dict[str, int] = {}
    if client is not None and published:
        mine, waiting = client_places(live, history, season_id, client.client_code)
    wanted = st.session_state.get(WANTED_GROUP_KEY) or st.query_params.get("group")
    timeline = Timelines(db).get(client.client_code) if client is not None else None
    matches = find_groups(
        season,
        plan,
        profile,
        lang=lang,
        include_failed=show_failed or bool(wanted),
        taken=None if seats is None else {g: s.taken for g, s in seats.items()},
        waiting=None if seats is None else {g: s.waiting for g, s in seats.items()},
        member_of=mine,
        timeline=timeline,
    )
    enrol_args: tuple[Any, ...] | None = None
    if client is not None:
        show_outcome(db, season, plan, season_id, client, lang)
        if timeline is not None and timeline.ended:  # enrolment would refuse: no buttons
            st.warning(timeline.warning_text("service_ended", lang), icon=":material/event_busy:")
        elif mine is not None and len(mine) >= client.max_groups:
            st.warning(
                t("find.at_max_groups", lang, client=client.client_code, n=len(mine)),
                icon=":material/group_off:",
            )
        elif published:
            enrol_args = (db, season_id, client)
    elif published:
        st.caption(t("find.enrol_needs_code", lang))
    places_box = st.container() if client is not None and published else None
    if wanted:
        matches = wanted_first(matches, wanted, show_failed, lang)
    suitable = [m for m in matches if m.suitable]
    st.subheader(t("find.results", lang, n=len(suitable)))
    if not suitable:
        st.info(t("find.none", lang), icon=":material/search_off:")
    for match in suitable:
        show_card(match, profile, lang, enrol_args, waiting, season.theme)
    if show_failed:
        failed = [m for m in matches if not m.suitable]
        st.subheader(t("find.failed_title", lang, n=len(failed)))
        st.dataframe(failed_table(failed, lang), hide_index=True, width="stretch")
    return places_box


if __name__ == "__main__":  # st.navigation runs this file as the page
    render()
