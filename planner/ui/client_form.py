"""The client form, for the Find a group page: add a client, edit a client's details.

    code = add_client_form(db, season, season_id, lang, profile)   # the new code, once saved
    edit_client_form(db, season, season_id, client, lang)          # an expander under the client

Both check the fields as the import checks a row of the clients table
(`planner.io.client_entry.check_client`) and show its problems in the page's language, each
with its column; the store checks again when it writes (`planner.store.Clients`). Every write
needs the right to add and edit clients (`access.CLIENTS`), checked on the server at the
moment of writing. After a write the cached season is cleared and the page reruns, so it
shows the client as saved.

An edit that would leave the client in a group they could no longer attend is refused by the
store; the form then lists those groups and offers to end the places (with an ending reason)
or keep them, flagged for the coordinator.

    timeline_form(db, client, lang)   # an expander: the client's service timeline

The service timeline (`planner.timeline`, stored by `planner.store.Timelines`): the start of
social rehabilitation, the current decision's last day and the evaluations held; once a start
is saved, the finder and enrolment warn of groups running past the decision or the 18 months.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping
from typing import Any

import streamlit as st

from planner import access, terms
from planner.finder import Profile
from planner.i18n import t, weekday_names
from planner.io.client_entry import check_client
from planner.io.problems import Problem
from planner.model import WEEKDAYS, Client, Season
from planner.rules import TRAVEL_MODES
from planner.store import (
    ClientRefused,
    Clients,
    PlacesNoLongerFit,
    Resolution,
    Store,
    StoreError,
    TimelineRefused,
    Timelines,
)
from planner.store.outcomes import ENDING_REASONS, FOLLOW_UP_PATHS
from planner.timeline import EVALUATIONS, Timeline
from planner.ui import auth, common
from planner.ui.offering import audience_label, language_name
from planner.ui.publish_panel import group_name, rule_text
from planner.ui.text import plain

log = logging.getLogger("planner")

ADDED_KEY = "client_form_added"  # the code just added, shown once after the rerun
DONE_KEY = "client_form_done"  # (code, lines) what the last edit did, shown once
PENDING_KEY = "client_form_pending"  # an edit refused for its places: code, cells, cases
MAX_GROUPS_AT_ONCE = 5
MAX_TRAVEL_MIN = 240


# --- the fields ---


def _start_of_client(client: Client) -> dict[str, Any]:
    return {
        "client_code": client.client_code,
        "municipality": client.municipality,
        "postal_code": client.postal_code,
        "languages": client.languages,
        "interests": client.interests,
        "audience": client.audience,
        "days": client.days,
        "travel": client.travel,
        "max_travel_min": client.max_travel_min,
        "needs_accessible": client.needs_accessible,
        "counsellor": client.counsellor,
        "wishes": client.wishes,
        "max_groups": client.max_groups,
        "remote": client.remote,
    }


def _start_of_profile(season: Season, profile: Profile | None) -> dict[str, Any]:
    """A new client's fields from the "Describe the client" answers (or from nothing)."""
    who = auth.identity()
    counsellor = who.staff_id if who.staff_id in {s.staff_id for s in season.staff} else None
    if profile is None:
        return {"client_code": "", "counsellor": counsellor}
    return {
        "client_code": "",
        "municipality": profile.municipality,
        "postal_code": profile.postal_code,
        "languages": profile.languages,
        "interests": profile.interests,
        "audience": profile.audience,
        "days": profile.days,
        "travel": profile.travel,
        "max_travel_min": profile.max_travel_min,
        "needs_accessible": profile.needs_accessible,
        "counsellor": counsellor,
        "wishes": profile.wishes,
        "remote": profile.remote,
    }


def _help(column: str, lang: str) -> str:
    return t("clients.help.column", lang, column=column)


def _options(known: set[str], chosen: tuple[str, ...]) -> list[str]:
    return sorted(known | set(chosen))


def client_fields(
    season: Season,
    start: Mapping[str, Any],
    prefix: str,
    lang: str,
    *,
    new: bool,
    generation: int = 0,
) -> dict[str, str]:
    """The form's widgets, started from `start`; the cells of the clients row they say.
    Call inside an `st.form`. Widget keys carry `prefix` and the language (a widget's option
    labels follow the language); the fields other than the code and the counsellor also
    carry `generation`, so a new one draws them afresh from `start` (the browser keeps a
    widget's value while its key stays)."""

    def key(column: str) -> str:
        if generation and column not in ("client_code", "counsellor"):
            return f"{prefix}_{generation}_{column}_{lang}"
        return f"{prefix}_{column}_{lang}"

    def label(column: str) -> str:
        return t(f"clients.field.{column}", lang)

    cells: dict[str, str] = {}
    if new:
        code_help = t("clients.help.client_code", lang) + " " + _help("client_code", lang)
        cells["client_code"] = st.text_input(
            label("client_code"),
            value=start.get("client_code", ""),
            placeholder=t("clients.placeholder.client_code", lang),
            help=code_help,
            key=key("client_code"),
        )
    places = [m.code for m in season.municipalities]
    home = start.get("municipality")
    cells["municipality"] = (
        st.selectbox(
            label("municipality"),
            places,
            index=places.index(home) if home in places else None,
            format_func=lambda c: season.municipality[c].name(lang),
            placeholder=t("find.choose", lang),
            help=_help("municipality", lang),
            key=key("municipality"),
        )
        or ""
    )
    cells["postal_code"] = st.text_input(
        label("postal_code"),
        value=start.get("postal_code", ""),
        placeholder="02100",
        help=_help("postal_code", lang),
        key=key("postal_code"),
    )
    spoken = {"fi", "sv"} | {g.language for g in season.groups}
    spoken |= {code for c in season.clients for code in c.languages}
    chosen = tuple(start.get("languages", ()))
    languages = sorted(
        set(spoken) | set(chosen), key=lambda c: (c not in ("fi", "sv"), language_name(c, lang))
    )
    cells["languages"] = ";".join(
        st.multiselect(
            label("languages"),
            languages,
            default=list(chosen),
            format_func=lambda c: language_name(c, lang),
            placeholder=t("find.choose", lang),
            help=_help("languages", lang),
            key=key("languages"),
        )
    )
    chosen = tuple(start.get("interests", ()))
    themes = {g.theme for g in season.groups} | {i for c in season.clients for i in c.interests}
    cells["interests"] = ";".join(
        st.multiselect(
            label("interests"),
            _options(themes, chosen),
            default=list(chosen),
            format_func=lambda c: season.theme_label(c, lang),
            accept_new_options=True,
            placeholder=t("find.choose", lang),
            help=_help("interests", lang),
            key=key("interests"),
        )
    )
    chosen = tuple(start.get("audience", ()))
    tags = {g.audience for g in season.groups if not g.is_open_to_all}
    tags |= {a for c in season.clients for a in c.audience}
    cells["audience"] = ";".join(
        st.multiselect(
            label("audience"),
            _options(tags, chosen),
            default=list(chosen),
            format_func=lambda c: audience_label(c, lang),
            accept_new_options=True,
            placeholder=t("find.choose", lang),
            help=_help("audience", lang),
            key=key("audience"),
        )
    )
    names = weekday_names(lang)
    days = st.pills(
        label("days"),
        list(range(len(WEEKDAYS))),
        selection_mode="multi",
        default=list(start.get("days", ())),
        format_func=lambda d: names[d],
        help=_help("days", lang),
        key=key("days"),
    )
    cells["days"] = ";".join(WEEKDAYS[d] for d in sorted(days or ()))
    travel = start.get("travel", "transit")
    cells["travel"] = st.selectbox(
        label("travel"),
        TRAVEL_MODES,
        index=TRAVEL_MODES.index(travel) if travel in TRAVEL_MODES else 0,
        format_func=lambda m: t(f"find.travel.{m}", lang),
        help=_help("travel", lang),
        key=key("travel"),
    )
    cells["max_travel_min"] = str(
        st.number_input(
            label("max_travel_min"),
            min_value=1,
            max_value=MAX_TRAVEL_MIN,
            value=int(start.get("max_travel_min", 60)),
            step=5,
            help=_help("max_travel_min", lang),
            key=key("max_travel_min"),
        )
    )
    cells["needs_accessible"] = _yes_no(
        st.checkbox(
            label("needs_accessible"),
            value=bool(start.get("needs_accessible", False)),
            help=_help("needs_accessible", lang),
            key=key("needs_accessible"),
        )
    )
    cells["remote"] = _yes_no(
        st.checkbox(
            label("remote"),
            value=bool(start.get("remote", False)),
            help=_help("remote", lang),
            key=key("remote"),
        )
    )
    staff = {s.staff_id: s.name for s in season.staff}
    counsellor = start.get("counsellor")
    ids = sorted(staff | ({counsellor: counsellor} if counsellor else {}))
    cells["counsellor"] = (
        st.selectbox(
            label("counsellor"),
            ids,
            index=ids.index(counsellor) if counsellor in ids else None,
            format_func=lambda sid: f"{sid} {staff.get(sid, '')}".strip(),
            placeholder=t("find.choose", lang),
            help=_help("counsellor", lang),
            key=key("counsellor"),
        )
        or ""
    )
    chosen = tuple(start.get("wishes", ()))
    groups = [g.group_id for g in season.groups]
    groups += [g for g in chosen if g not in season.group]
    cells["wishes"] = ";".join(
        st.multiselect(
            label("wishes"),
            groups,
            default=list(chosen),
            format_func=lambda gid: group_name(season, gid, lang),
            placeholder=t("find.choose", lang),
            help=_help("wishes", lang),
            key=key("wishes"),
        )
    )
    cells["max_groups"] = str(
        st.number_input(
            label("max_groups"),
            min_value=1,
            max_value=max(MAX_GROUPS_AT_ONCE, int(start.get("max_groups", 1))),
            value=int(start.get("max_groups", 1)),
            help=_help("max_groups", lang),
            key=key("max_groups"),
        )
    )
    return cells


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


def show_problems(problems: tuple[Problem, ...] | list[Problem], lang: str) -> None:
    """The check's problems in the page's language, each naming its column."""
    lines = [t("clients.problems", lang), ""]
    lines += [f"- {p.line(lang)}" for p in problems]
    st.error("\n".join(lines), icon=":material/person_off:")


def _saved() -> None:
    """A client was written: loaded seasons carry the old clients, so load them again."""
    common.load_season.clear()


# --- adding ---

DESCRIBED_KEY = "client_add_described"  # the description the add form was last filled from


def _description_generation(start: Mapping[str, Any]) -> int:
    """How many times the worker's description has changed: the form's fields it fills are
    drawn afresh each time (the typed code and counsellor stay)."""
    described = repr(sorted((k, v) for k, v in start.items() if k != "counsellor"))
    last, generation = st.session_state.get(DESCRIBED_KEY, (None, 0))
    if last != described:
        generation += 1
        st.session_state[DESCRIBED_KEY] = (described, generation)
    return generation


def add_client_form(
    db: Store, season: Season, season_id: int, lang: str, profile: Profile | None = None
) -> str | None:
    """A form to add a client, prefilled from the "Describe the client" profile when given.
    Returns the new client's code in the run after it was saved (the page has rerun by
    then, and the season it loads holds the client); None otherwise. Shows nothing to
    someone who may not add clients."""
    if not auth.allowed(access.CLIENTS):
        return None
    added = st.session_state.pop(ADDED_KEY, None)
    if added is not None:
        st.success(t("clients.add.saved", lang, code=added), icon=":material/person_add:")
    st.subheader(t("clients.add.title", lang))
    start = _start_of_profile(season, profile)
    generation = _description_generation(start) if profile is not None else 0
    with st.form("client_add_form", clear_on_submit=False, border=True):
        cells = client_fields(season, start, "client_add", lang, new=True, generation=generation)
        submitted = st.form_submit_button(
            t("clients.add.submit", lang), type="primary", icon=":material/person_add:"
        )
    if not submitted:
        return added
    auth.require(access.CLIENTS)
    check = check_client(season, cells)
    if not check.ok or check.client is None:
        show_problems(check.problems, lang)
        return None
    try:
        client = Clients(db, season_id).add(check.client, actor=auth.actor())
    except ClientRefused as exc:
        show_problems(exc.problems, lang)
        return None
    except StoreError as exc:
        st.error(t("clients.failed", lang, reason=exc), icon=":material/error:")
        return None
    _saved()
    st.session_state[ADDED_KEY] = client.client_code
    st.rerun()
    return None  # st.rerun() does not return


# --- editing ---


def edit_client_form(db: Store, season: Season, season_id: int, client: Client, lang: str) -> None:
    """An expander "Edit the client's details" with the same fields as adding, started from
    the client's details. Shows nothing to someone who may not edit clients."""
    if not auth.allowed(access.CLIENTS):
        return
    code = client.client_code
    done = st.session_state.get(DONE_KEY)
    if done is not None and done[0] == code:
        st.session_state.pop(DONE_KEY)
        st.success("\n\n".join(done[1]), icon=":material/how_to_reg:")
    pending = st.session_state.get(PENDING_KEY)
    with st.expander(t("clients.edit.title", lang), expanded=bool(pending), icon=":material/edit:"):
        with st.form(f"client_edit_form_{code}", border=False):
            cells = client_fields(
                season, _start_of_client(client), f"client_edit_{code}", lang, new=False
            )
            submitted = st.form_submit_button(
                t("clients.edit.submit", lang), type="primary", icon=":material/save:"
            )
        if submitted:
            st.session_state.pop(PENDING_KEY, None)
            _edit(db, season, season_id, code, cells, None, lang)
        pending = st.session_state.get(PENDING_KEY)
        if pending is not None and pending["code"] == code:
            _resolve(db, season, season_id, pending, lang)


def _edit(
    db: Store,
    season: Season,
    season_id: int,
    code: str,
    cells: Mapping[str, str],
    resolution: Resolution | None,
    lang: str,
) -> None:
    """Check and save an edit; a refusal for places they could no longer attend waits for
    the worker's choice (`PENDING_KEY`)."""
    auth.require(access.CLIENTS)
    check = check_client(season, cells, editing=code)
    if not check.ok or check.client is None:
        show_problems(check.problems, lang)
        return
    try:
        done = Clients(db, season_id).edit(check.client, auth.actor(), resolutions=resolution)
    except PlacesNoLongerFit as exc:
        cases = [(c.group_id, c.rule) for c in exc.cases]
        st.session_state[PENDING_KEY] = {"code": code, "cells": dict(cells), "cases": cases}
        st.rerun()
    except ClientRefused as exc:
        show_problems(exc.problems, lang)
        return
    except StoreError as exc:
        st.error(t("clients.failed", lang, reason=exc), icon=":material/error:")
        return
    st.session_state.pop(PENDING_KEY, None)
    _saved()
    st.session_state[DONE_KEY] = (code, _done_lines(season, done, lang))
    st.rerun()


def _done_lines(season: Season, done: Any, lang: str) -> list[str]:
    if not done.changed:
        return [t("clients.edit.nothing", lang)]
    fields = ", ".join(t(f"clients.field.{column}", lang) for column in done.changed)
    lines = [t("clients.edit.saved", lang, code=done.client_code, fields=fields)]
    lines += [
        t(
            "clients.edit.ended",
            lang,
            group=group_name(season, gid, lang),
            reason=t(f"ending.{reason}", lang),
        )
        for gid, reason in done.ended
    ]
    lines += [
        t("clients.edit.kept", lang, group=group_name(season, gid, lang), rule=rule_text(r, lang))
        for gid, r in done.kept
    ]
    lines += [
        t(
            "clients.edit.withdrawn",
            lang,
            group=group_name(season, gid, lang),
            rule=rule_text(r, lang),
        )
        for gid, r in done.withdrawn
    ]
    lines += [
        t("clients.edit.promoted", lang, group=group_name(season, gid, lang), client=other)
        for other, gid in done.promoted
    ]
    return lines


def _resolve(
    db: Store, season: Season, season_id: int, pending: Mapping[str, Any], lang: str
) -> None:
    """The groups the edit would strand the client in, in words, and the two ways on."""
    code = pending["code"]
    lines = [t("clients.unfit.title", lang, n=len(pending["cases"])), ""]
    lines += [
        "- "
        + t(
            "clients.unfit.case",
            lang,
            group=plain(group_name(season, gid, lang)),
            rule=rule_text(rule, lang),
        )
        for gid, rule in pending["cases"]
    ]
    st.warning("\n".join(lines), icon=":material/event_busy:")
    reason = st.selectbox(
        t("clients.unfit.reason", lang),
        ENDING_REASONS,
        index=ENDING_REASONS.index("other"),
        format_func=lambda r: t(f"ending.{r}", lang),
        key=f"client_unfit_reason_{code}_{lang}",
    )
    end, keep, back = st.columns(3)
    if end.button(
        t("clients.unfit.end", lang, reason=t(f"ending.{reason}", lang)),
        key=f"client_unfit_end_{code}",
        icon=":material/event_busy:",
    ):
        _edit(db, season, season_id, code, pending["cells"], Resolution("end", reason=reason), lang)
    elif keep.button(
        t("clients.unfit.keep", lang), key=f"client_unfit_keep_{code}", icon=":material/flag:"
    ):
        _edit(db, season, season_id, code, pending["cells"], Resolution("keep"), lang)
    elif back.button(t("clients.unfit.back", lang), key=f"client_unfit_back_{code}"):
        st.session_state.pop(PENDING_KEY, None)
        st.rerun()


# --- the service timeline ---

TIMELINE_DONE_KEY = "client_timeline_done"  # the code whose timeline was just saved


def timeline_form(db: Store, client: Client, lang: str) -> None:
    """An expander "Service timeline": the timeline as it stands, and a form to record the
    start, the decision's last day and the evaluations held. Shows nothing to someone who may
    not edit clients."""
    if not auth.allowed(access.CLIENTS):
        return
    code = client.client_code
    current = Timelines(db).get(code)
    with st.expander(t("timeline.form.title", lang), icon=":material/timeline:"):
        if st.session_state.get(TIMELINE_DONE_KEY) == code:
            st.session_state.pop(TIMELINE_DONE_KEY)
            st.success(t("timeline.recorded", lang, client=code), icon=":material/save:")
        if current is None:
            st.caption(t("timeline.none", lang))
        else:
            st.markdown("\n".join(f"- {line}" for line in current.lines(lang)))
        key = f"client_timeline_{code}"
        kinds = dict(EVALUATIONS)
        with st.form(f"{key}_form", border=False):
            start = st.date_input(
                t("timeline.form.start", lang),
                value=current.start if current else None,
                format="DD.MM.YYYY",
                key=f"{key}_start",
            )
            decision_end = st.date_input(
                t("timeline.form.decision_end", lang),
                value=current.decision_end if current else None,
                format="DD.MM.YYYY",
                key=f"{key}_decision_end",
            )
            held = st.multiselect(
                t("timeline.form.held", lang),
                list(kinds),
                default=list(current.held) if current else [],
                format_func=lambda m: t(f"timeline.evaluation.{kinds[m]}", lang, months=m),
                key=f"{key}_held",
            )
            submitted = st.form_submit_button(
                t("timeline.form.save", lang), type="primary", icon=":material/save:"
            )
        if submitted:
            _record_timeline(db, code, start, decision_end, held, lang)
        if current is not None:
            end_form(db, client, current, lang)


END_DONE_KEY = "client_end_done"  # (code, text): what recording the end did, shown once


def end_form(db: Store, client: Client, current: Timeline, lang: str) -> None:
    """The service's end (l. 542-543), for the client's own worker or a coordinator: its last
    day, the reason and the follow-up path; once recorded, the end and a button removing it
    (recorded by mistake)."""
    if not access.may_end_service(auth.identity(), client.counsellor):
        return
    code = client.client_code
    key = f"client_end_{code}"
    done = st.session_state.get(END_DONE_KEY)
    if done and done[0] == code:
        st.session_state.pop(END_DONE_KEY)
        st.success(done[1], icon=":material/event_available:")
    if current.ended:
        if st.button(t("timeline.form.reopen", lang), key=f"{key}_reopen", icon=":material/undo:"):
            _reopen(db, code, lang)
        return
    st.caption(t("timeline.form.end_caption", lang))
    today = terms.local_today()
    paths = [None, *FOLLOW_UP_PATHS]
    with st.form(f"{key}_form", border=False):
        ended_on = st.date_input(
            t("timeline.form.end", lang),
            value=None,
            min_value=current.start,
            max_value=min(today, current.maximum_end),
            format="DD.MM.YYYY",
            key=f"{key}_on",
        )
        reason = st.selectbox(
            t("timeline.form.end_reason", lang),
            ENDING_REASONS,
            index=None,
            format_func=lambda r: t(f"ending.{r}", lang),
            key=f"{key}_reason",
        )
        follow_up = st.selectbox(
            t("timeline.form.follow_up", lang),
            paths,
            format_func=lambda p: (
                t("timeline.form.no_choice", lang) if p is None else t(f"path.{p}", lang)
            ),
            key=f"{key}_follow_up",
        )
        submitted = st.form_submit_button(
            t("timeline.form.record_end", lang), icon=":material/event_busy:"
        )
    if submitted:
        _record_end(db, client, ended_on, reason, follow_up, lang)


def _record_end(
    db: Store,
    client: Client,
    ended_on: dt.date | None,
    reason: str | None,
    follow_up: str | None,
    lang: str,
) -> None:
    if not access.may_end_service(auth.identity(), client.counsellor):
        st.error(t("auth.not_allowed", lang), icon=":material/block:")
        return
    code = client.client_code
    if ended_on is None:
        st.error(t("timeline.form.end_needs_day", lang), icon=":material/error:")
        return
    try:
        result = Timelines(db).end(code, ended_on, reason or "", follow_up, actor=auth.actor())
    except TimelineRefused as exc:
        st.error(t("clients.failed", lang, reason=exc.text(lang)), icon=":material/error:")
        return
    places = ", ".join(g for _, g in result.places_ended) or "–"
    text = t("timeline.end_recorded", lang, client=code, places=places)
    st.session_state[END_DONE_KEY] = (code, text)
    st.rerun()


def _reopen(db: Store, code: str, lang: str) -> None:
    auth.require(access.CLIENTS)
    try:
        Timelines(db).reopen(code, actor=auth.actor())
    except TimelineRefused as exc:
        st.error(t("clients.failed", lang, reason=exc.text(lang)), icon=":material/error:")
        return
    st.session_state[END_DONE_KEY] = (code, t("timeline.reopened", lang, client=code))
    st.rerun()


def _record_timeline(
    db: Store,
    code: str,
    start: dt.date | None,
    decision_end: dt.date | None,
    held: list[int],
    lang: str,
) -> None:
    auth.require(access.CLIENTS)
    if start is None:
        st.error(t("timeline.none", lang), icon=":material/error:")
        return
    try:
        Timelines(db).record(
            code, start=start, decision_end=decision_end, held=held, actor=auth.actor()
        )
    except TimelineRefused as exc:
        st.error(t("clients.failed", lang, reason=exc.text(lang)), icon=":material/error:")
        return
    st.session_state[TIMELINE_DONE_KEY] = code
    st.rerun()
