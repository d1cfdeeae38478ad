"""A client's places in the live offering, on the Find a group page: where they are in, their
place on each waiting list, and the counsellor's actions on a place: end it (or take the
client off a waiting list) with the handbook's reasons (l. 542-543), or move the client to
another group in one step. Every action is checked for the worker's rights on the server
and goes through `planner.store.Enrolments` (one transaction, one audit entry)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import streamlit as st

from planner import access, rules
from planner.finder import Match, find_groups, profile_from_client
from planner.i18n import has, t
from planner.model import Client, Plan, Season
from planner.store import Enrolments, Store, StoreError, Timelines
from planner.store.outcomes import ENDING_REASONS, FOLLOW_UP_PATHS, Outcome, Seats
from planner.ui import auth
from planner.ui.meetings_panel import meetings_section
from planner.ui.offering import date_text, outcome_message
from planner.ui.text import plain

RESULT_KEY = "places_result"  # what the last action on a place did, for this session
NO_FOLLOW_UP = ""


def live_places(history: Sequence[dict[str, Any]], season_id: int) -> list[dict[str, Any]]:
    """The client's active and waiting places in the season, in the order they were made."""
    return [
        h for h in history if h["season_id"] == season_id and h["status"] in ("active", "waiting")
    ]


def movable_targets(
    season: Season,
    plan: Plan,
    seats: Mapping[str, Seats],
    client: Client,
    mine: set[str],
    leaving: str,
    lang: str,
) -> list[Match]:
    """The groups a client could move into from `leaving`: suitable, with a free seat, and
    not one they are in already. Found as if they had left it already (`Enrolments.move`
    does not count the old group as a clash or towards `max_groups`)."""
    matches = find_groups(
        season,
        plan,
        profile_from_client(client),
        lang=lang,
        taken={g: s.taken for g, s in seats.items()},
        waiting={g: s.waiting for g, s in seats.items()},
        member_of=mine - {leaving},
    )
    return [
        m for m in matches if m.suitable and not m.full and not m.member and m.group_id != leaving
    ]


STALE_KEY = "places_stale"  # a key of the page's own message an action on a place outdates


def _remember(kind: str, outcome: Outcome, **more: Any) -> None:
    stale = st.session_state.get(STALE_KEY)
    if stale and outcome.ok:
        st.session_state[stale] = None  # e.g. "enrolled in G1" after the client left G1
    st.session_state[RESULT_KEY] = {
        "kind": kind,
        "status": outcome.status,
        "group_id": outcome.group_id,
        "client_code": outcome.client_code,
        "reason": outcome.reason,
        "message": outcome.message,
        "promoted": list(outcome.promoted),
        "other": getattr(outcome, "other", ""),
        **more,
    }


def end_place(db: Store, season_id: int, client_code: str, group_id: str, waiting: bool) -> None:
    """The End / Take off the list button's callback: reads its form's widgets by key."""
    if not auth.allowed(access.ENROL):
        st.session_state[RESULT_KEY] = {"kind": "denied", "client_code": client_code}
        return
    reason = st.session_state.get(f"places_reason_{group_id}") or "other"
    follow_up = st.session_state.get(f"places_follow_{group_id}") or NO_FOLLOW_UP
    note = (st.session_state.get(f"places_note_{group_id}") or "").strip()
    try:
        outcome = Enrolments(db, season_id).cancel(
            group_id, client_code, actor=auth.actor(), reason=reason, follow_up=follow_up, note=note
        )
    except StoreError as exc:
        st.session_state[RESULT_KEY] = {
            "kind": "failed",
            "client_code": client_code,
            "message": str(exc),
        }
        return
    _remember("end", outcome, ending=reason, waiting=waiting)


def move_place(db: Store, season_id: int, client_code: str, group_id: str) -> None:
    """The Move button's callback."""
    if not auth.allowed(access.ENROL):
        st.session_state[RESULT_KEY] = {"kind": "denied", "client_code": client_code}
        return
    target = st.session_state.get(f"places_target_{group_id}")
    if not target:
        return
    try:
        outcome = Enrolments(db, season_id).move(client_code, group_id, target, actor=auth.actor())
    except StoreError as exc:
        st.session_state[RESULT_KEY] = {
            "kind": "failed",
            "client_code": client_code,
            "message": str(exc),
        }
        return
    warnings = list(getattr(outcome, "warnings", ()))
    timeline = Timelines(db).get(client_code) if warnings else None
    _remember("move", outcome, warnings=warnings, timeline=timeline)


def _reason_words(key: str, lang: str) -> str:
    return t(f"ending.{key}", lang) if has(f"ending.{key}") else key


def show_result(season: Season, client: Client, lang: str) -> None:
    """The last action's result, when it was about this client."""
    done = st.session_state.get(RESULT_KEY)
    if not done or done["client_code"] != client.client_code:
        return
    if done["kind"] == "denied":
        st.error(t("places.ask_for_rights", lang), icon=":material/lock:")
        return
    if done["kind"] == "failed":
        st.error(t("places.refused", lang, reason=done["message"]), icon=":material/error:")
        return
    group = season.group.get(done["group_id"])
    name = plain(f"{done['group_id']} {group.display_name(lang) if group else ''}".strip())
    if done["status"] == "refused":
        _, message = outcome_message(done, plain(group.display_name(lang)) if group else "", lang)
        st.error(message, icon=":material/block:")
        return
    code = client.client_code
    if done["kind"] == "move":
        st.success(
            t("places.moved", lang, client=code, old=done["other"], group=name),
            icon=":material/swap_horiz:",
        )
        timeline = done.get("timeline")  # the group runs past the decision or the 18 months
        for warning in done.get("warnings", ()) if timeline is not None else ():
            st.warning(timeline.warning_text(warning, lang), icon=":material/event_busy:")
    else:
        key = "places.withdrawn" if done["status"] == "withdrawn" else "places.ended"
        reason = _reason_words(done["ending"], lang)
        st.success(t(key, lang, client=code, group=name, reason=reason), icon=":material/logout:")
    if done["promoted"]:
        st.info(t("places.promoted", lang, clients=", ".join(done["promoted"])))


def _end_form(
    db: Store, season_id: int, client: Client, group_id: str, waiting: bool, lang: str
) -> None:
    label = "places.leave_list" if waiting else "places.end"
    with st.expander(t(label, lang), icon=":material/logout:"):
        st.selectbox(
            t("places.reason", lang),
            ENDING_REASONS,
            format_func=lambda r: _reason_words(r, lang),
            key=f"places_reason_{group_id}",
            help=t("places.reason_help", lang, line=rules.ENDING_REASON_LINE),
        )
        st.selectbox(
            t("places.follow_up", lang),
            (NO_FOLLOW_UP, *FOLLOW_UP_PATHS),
            format_func=lambda p: (
                t(f"path.{p}", lang) if p else t("places.follow_up_from_reason", lang)
            ),
            key=f"places_follow_{group_id}",
            help=t("places.follow_up_help", lang, line=rules.FOLLOW_UP_LINE),
        )
        st.text_input(t("places.note", lang), max_chars=200, key=f"places_note_{group_id}")
        st.button(
            t("places.confirm_leave" if waiting else "places.confirm_end", lang, group=group_id),
            key=f"places_end_{group_id}",
            icon=":material/logout:",
            on_click=end_place,
            args=(db, season_id, client.client_code, group_id, waiting),
        )


def _move_form(
    db: Store, season_id: int, client: Client, group_id: str, targets: list[Match], lang: str
) -> None:
    with st.expander(t("places.move", lang), icon=":material/swap_horiz:"):
        if not targets:
            st.caption(t("places.move_none", lang))
            return
        by_id = {m.group_id: m for m in targets}
        st.selectbox(
            t("places.move_to", lang),
            list(by_id),
            format_func=lambda g: plain(f"{g} · {by_id[g].name} · {by_id[g].start}"),
            key=f"places_target_{group_id}",
            help=t("places.move_help", lang),
        )
        st.button(
            t("places.confirm_move", lang),
            key=f"places_move_{group_id}",
            type="primary",
            icon=":material/swap_horiz:",
            on_click=move_place,
            args=(db, season_id, client.client_code, group_id),
        )


def places_section(
    db: Store,
    season: Season,
    plan: Plan,
    season_id: int,
    client: Client,
    history: Sequence[dict[str, Any]],
    lang: str,
    opened: str | None = None,
    outdates: str | None = None,
) -> None:
    """The client's live places, each with its joint meetings and actions (for those who
    may enrol); the meetings of `opened` (a group just joined) are shown open. An action on
    a place clears the session-state key `outdates` (the page's last enrolment message)."""
    st.session_state[STALE_KEY] = outdates
    st.subheader(t("places.title", lang))
    show_result(season, client, lang)
    places = live_places(history, season_id)
    if not places:
        st.caption(t("places.none", lang))
        return
    live = Enrolments(db, season_id)
    may_act = auth.allowed(access.ENROL)
    seats = live.seats()
    mine = {p["group_id"] for p in places if p["status"] == "active"}
    for place in places:
        gid = place["group_id"]
        group = season.group.get(gid)
        waiting = place["status"] == "waiting"
        with st.container(border=True):
            name = group.display_name(lang) if group else ""
            st.markdown(f"**{plain(name)}** · {plain(gid)}")
            since = date_text(place["enrolled_at"])
            if waiting:
                queue = live.waiting_list(gid)
                position = next(
                    (w.position for w in queue if w.client_code == client.client_code), None
                )
                st.caption(
                    t("places.waiting", lang, position=position, length=len(queue), since=since)
                )
            else:
                st.caption(t("places.active", lang, since=since))
            if place.get("coordinator_flag"):
                rule = rules.RULES.get(place["coordinator_flag"])
                words = rule.label(lang) if rule else place["coordinator_flag"]
                st.caption(t("places.flagged", lang, rule=words))
            if not waiting:
                with st.expander(
                    t("places.meetings", lang), icon=":material/event:", expanded=gid == opened
                ):
                    meetings_section(db, season, plan, season_id, client, gid, lang)
            if not may_act:
                continue
            if not waiting:
                targets = movable_targets(season, plan, seats, client, mine, gid, lang)
                _move_form(db, season_id, client, gid, targets, lang)
            _end_form(db, season_id, client, gid, waiting, lang)
