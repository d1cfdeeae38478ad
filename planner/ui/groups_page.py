"""My groups: a leader's groups in the live offering, their participants and waiting list,
attendance per session, a summary per participant (for the counsellor's evaluation), and
the group's dated changes: a leader cancels or moves a session; a coordinator also records
closures and absences and removes changes (`planner.store.DatedChanges`, which checks each);
and the joint meetings booked with the group's clients (l. 379), which its leader marks held.

A leader sees only the groups they lead (matched by the `staff_id` of their sign-in);
a coordinator may open any group. Every write checks this again on the server.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from planner import access, rules, terms
from planner.access import Identity
from planner.i18n import t
from planner.model import Plan, Season, hhmm
from planner.printing.sheet import week_monday, week_sessions
from planner.store import (
    ChangeRefused,
    DatedChange,
    DatedChanges,
    Enrolments,
    GroupRecords,
    StoreError,
)
from planner.store.changes import NOTE_MAX, held_dates, planned_dates
from planner.store.meetings import MAX_VISITORS
from planner.ui import auth, common
from planner.ui.meetings_panel import group_meetings_section
from planner.ui.offering import date_text, day_name, published_plan_id
from planner.ui.print_buttons import leader_week_download, participant_list_download
from planner.ui.text import plain

GROUP_KEY = "groups_group"
DONE_KEY = "groups_done"  # the last recorded change, shown once after the rerun
SESSION_CHANGES = ("cancel", "move")  # what a leader may do to a session
SEASON_CHANGES = ("closure", "absence")  # what a coordinator records for dates


def session_dates(
    season: Season,
    plan: Plan,
    group_id: str,
    today: dt.date,
    changes: list[DatedChange] | tuple[DatedChange, ...] = (),
) -> list[dt.date]:
    """The sessions the group has held up to today, for recording attendance: public
    holidays, closures and cancelled sessions left out, a moved session on its new date;
    never a date still to come."""
    p = plan.placement[group_id]
    return held_dates(season.group[group_id], p.weekday, p.venue_id, changes, until=today)


def changeable_sessions(
    season: Season, plan: Plan, group_id: str, today: dt.date, changes: list[DatedChange]
) -> list[dt.date]:
    """The group's sessions from today on that have no change yet (a pop-up: 12 weeks)."""
    p = plan.placement[group_id]
    taken = {c.session_date for c in changes if c.group_id == group_id}
    days = planned_dates(
        season.group[group_id],
        p.weekday,
        p.venue_id,
        changes,
        until=today + dt.timedelta(weeks=12) if season.group[group_id].weeks is None else None,
    )
    return [d for d in days if d >= today and d not in taken]


def change_text(change: DatedChange, season: Season, lang: str) -> str:
    """One change in words: its kind and dates."""
    if change.kind in ("cancel", "move"):
        what = t(f"groups.change_kind.{change.kind}", lang)
        text = f"{what} {date_text(change.session_date)}"
        if change.new_start is not None:
            text += f" → {date_text(change.new_start)} {change.new_start:%H:%M}"
        return text
    span = f"{date_text(change.first_date)}–{date_text(change.last_date)}"
    if change.kind == "closure":
        where = (
            season.venue[change.venue_id].display_name(lang)
            if change.venue_id in season.venue
            else t("groups.change_all_venues", lang)
        )
        return f"{t('groups.season_change_kind.closure', lang)} {span} · {where}"
    person = season.person.get(change.person_id or "")
    name = person.name if person else change.person_id
    if change.kind == "absence":
        return f"{t('groups.season_change_kind.absence', lang)} {span} · {name}"
    return f"{name} → {change.group_id} ({change.replaces}) {span}"


def changes_table(changes: list[DatedChange], season: Season, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "#": [c.id for c in changes],
            t("groups.col.change", lang): [change_text(c, season, lang) for c in changes],
            t("groups.col.note", lang): [c.note for c in changes],
            t("groups.col.by", lang): [c.created_by for c in changes],
        }
    )


def default_session(dates: list[dt.date], today: dt.date) -> int:
    """Index of the latest session on or before today."""
    past = [i for i, day in enumerate(dates) if day <= today]
    return past[-1] if past else 0


def my_groups(who: Identity, offerings: list) -> list[str]:
    return [o.group_id for o in offerings if o.status == "open" and access.may_lead(who, o.leaders)]


def attendance_mark(marks: dict[str, bool], code: str) -> str:
    """✓ present, – absent, blank when the client was not in the group that day."""
    if code not in marks:
        return ""
    return "✓" if marks[code] else "–"


def attendance_table(sessions: dict[dt.date, dict[str, bool]], lang: str) -> pd.DataFrame:
    """One row per participant, one column per recorded session."""
    codes = sorted({code for marks in sessions.values() for code in marks})
    columns = {
        date_text(day): [attendance_mark(marks, c) for c in codes]
        for day, marks in sessions.items()
    }
    return pd.DataFrame({t("groups.col.client", lang): codes, **columns})


def record_form(
    group_id: str,
    leaders: tuple[str, ...],
    participants: list[str],
    dates: list[dt.date],
    today: dt.date,
    season_id: int,
    lang: str,
) -> None:
    """One held session's attendance: nobody is marked present until the leader ticks them."""
    with st.form(f"attendance_{group_id}"):
        day = st.selectbox(
            t("groups.session", lang),
            dates,
            index=default_session(dates, today),
            format_func=date_text,
            key=f"groups_day_{group_id}",
        )
        present = [
            code
            for code in participants
            if st.checkbox(code, value=False, key=f"groups_present_{group_id}_{code}")
        ]
        if st.form_submit_button(t("groups.record", lang), icon=":material/how_to_reg:"):
            record(group_id, leaders, day, present, season_id, today)
            st.rerun()


def record(
    group_id: str,
    leaders: tuple[str, ...],
    day: dt.date,
    present: list[str],
    season_id: int,
    today: dt.date,
) -> None:
    who = auth.identity()
    if not access.may_lead(who, leaders):
        st.session_state[DONE_KEY] = ("error", t("auth.not_allowed", common.lang()))
        return
    try:
        result = GroupRecords(common.store(), season_id).record_attendance(
            group_id, day, present, actor=who.user, today=today
        )
    except StoreError as exc:
        st.session_state[DONE_KEY] = ("error", str(exc))
        return
    st.session_state[DONE_KEY] = (
        "success",
        t(
            "groups.recorded",
            common.lang(),
            day=date_text(day),
            present=len(result["present"]),
            absent=len(result["absent"]),
        ),
    )


def head_count_form(
    group_id: str,
    leaders: tuple[str, ...],
    dates: list[dt.date],
    today: dt.date,
    season_id: int,
    lang: str,
) -> None:
    """A drop-in group's held session: how many came, a number instead of names (l. 355)."""
    with st.form(f"head_count_{group_id}"):
        day = st.selectbox(
            t("groups.session", lang),
            dates,
            index=default_session(dates, today),
            format_func=date_text,
            key=f"groups_count_day_{group_id}",
        )
        # No bounds on the widget: Streamlit would turn a value outside them into the default
        # and a slip would be stored as 0; `record_count` refuses it in the page's language.
        visitors = st.number_input(
            t("groups.visitors", lang),
            value=0,
            step=1,
            key=f"groups_visitors_{group_id}",
            help=t("groups.visitors_help", lang, max=MAX_VISITORS),
        )
        if st.form_submit_button(t("groups.record_count", lang), icon=":material/groups:"):
            record_count(group_id, leaders, day, int(visitors), season_id, today)
            st.rerun()


def record_count(
    group_id: str,
    leaders: tuple[str, ...],
    day: dt.date,
    visitors: int,
    season_id: int,
    today: dt.date,
) -> None:
    who = auth.identity()
    if not access.may_lead(who, leaders):
        st.session_state[DONE_KEY] = ("error", t("auth.not_allowed", common.lang()))
        return
    if not 0 <= visitors <= MAX_VISITORS:  # a typing slip: said here, in the page's language
        st.session_state[DONE_KEY] = (
            "error",
            t("groups.count_refused", common.lang(), n=visitors, max=MAX_VISITORS),
        )
        return
    try:
        n = GroupRecords(common.store(), season_id).record_head_count(
            group_id, day, visitors, actor=who.user, today=today
        )
    except StoreError as exc:
        st.session_state[DONE_KEY] = ("error", str(exc))
        return
    st.session_state[DONE_KEY] = (
        "success",
        t("groups.count_recorded", common.lang(), day=date_text(day), n=n),
    )


def head_count_table(counts: dict[dt.date, int], lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("groups.session", lang): [date_text(d) for d in counts],
            t("groups.visitors", lang): list(counts.values()),
        }
    )


def save_summary(
    group_id: str, leaders: tuple[str, ...], code: str, text: str, season_id: int
) -> None:
    who = auth.identity()
    if not access.may_lead(who, leaders):
        st.session_state[DONE_KEY] = ("error", t("auth.not_allowed", common.lang()))
        return
    try:
        GroupRecords(common.store(), season_id).write_summary(group_id, code, text, actor=who.user)
    except StoreError as exc:
        st.session_state[DONE_KEY] = ("error", str(exc))
        return
    st.session_state[DONE_KEY] = ("success", t("groups.summary_saved", common.lang(), code=code))


def session_change_form(
    group_id: str,
    leaders: tuple[str, ...],
    dates: list[dt.date],
    season_id: int,
    lang: str,
) -> None:
    """A leader cancels or moves one coming session of their group."""
    with st.form(f"change_{group_id}"):
        day = st.selectbox(
            t("groups.change_session", lang), dates, format_func=date_text, key="groups_chg_day"
        )
        kind = st.radio(
            t("groups.change_kind", lang),
            SESSION_CHANGES,
            format_func=lambda k: t(f"groups.change_kind.{k}", lang),
            horizontal=True,
            key="groups_chg_kind",
        )
        new_day = st.date_input(t("groups.new_date", lang), value=day, key="groups_chg_date")
        new_time = st.time_input(
            t("groups.new_time", lang), value=dt.time(10, 0), step=1800, key="groups_chg_time"
        )
        note = st.text_input(
            t("groups.change_note", lang),
            max_chars=NOTE_MAX,
            help=t("groups.change_note_help", lang),
            key="groups_chg_note",
        )
        if st.form_submit_button(t("groups.change_save", lang), icon=":material/event_busy:"):
            start = dt.datetime.combine(new_day, new_time) if kind == "move" else None
            change_session(group_id, leaders, day, start, note, season_id)
            st.rerun()


def change_session(
    group_id: str,
    leaders: tuple[str, ...],
    day: dt.date,
    new_start: dt.datetime | None,
    note: str,
    season_id: int,
) -> None:
    who = auth.identity()
    lang = common.lang()
    if not access.may_lead(who, leaders):
        st.session_state[DONE_KEY] = ("error", t("auth.not_allowed", lang))
        return
    changes = DatedChanges(common.store(), season_id)
    try:
        if new_start is None:
            made = changes.cancel(group_id, day, note=note, actor=who.user)
        else:
            made = changes.move(group_id, day, new_start, note=note, actor=who.user)
    except ChangeRefused as exc:
        st.session_state[DONE_KEY] = ("error", exc.message_in(lang))
        return
    except StoreError as exc:
        st.session_state[DONE_KEY] = ("error", str(exc))
        return
    season = common.load_season(common.db_url(), season_id)
    what = plain(change_text(made, season, lang))
    st.session_state[DONE_KEY] = ("success", t("groups.change_saved", lang, what=what))


def season_changes_section(season: Season, season_id: int, lang: str) -> None:
    """The coordinator's closures and absences, and removing any change of the season."""
    st.subheader(t("groups.season_changes", lang))
    changes = DatedChanges(common.store(), season_id).current()
    if changes:
        st.dataframe(changes_table(changes, season, lang), hide_index=True, width="stretch")
    with st.form("season_change"):
        kind = st.radio(
            t("groups.change_kind", lang),
            SEASON_CHANGES,
            format_func=lambda k: t(f"groups.season_change_kind.{k}", lang),
            horizontal=True,
            key="groups_season_kind",
        )
        first = st.date_input(t("groups.change_from", lang), key="groups_season_from")
        last = st.date_input(t("groups.change_to", lang), key="groups_season_to")
        venues = [None, *(v.venue_id for v in season.venues)]
        venue = st.selectbox(
            t("groups.change_venue", lang),
            venues,
            format_func=lambda v: (
                t("groups.change_all_venues", lang)
                if v is None
                else season.venue[v].display_name(lang)
            ),
            key="groups_season_venue",
        )
        person = st.selectbox(
            t("groups.change_person", lang),
            list(season.person),
            format_func=lambda p: f"{p} · {season.person[p].name}",
            key="groups_season_person",
        )
        note = st.text_input(
            t("groups.change_note", lang),
            max_chars=NOTE_MAX,
            help=t("groups.change_note_help", lang),
            key="groups_season_note",
        )
        if st.form_submit_button(t("groups.change_save", lang), icon=":material/event_busy:"):
            season_change(kind, first, last, venue, person, note, season_id)
            st.rerun()
    if changes:
        chosen = st.selectbox(
            t("groups.change_remove", lang),
            [c.id for c in changes],
            format_func=lambda i: next(
                f"{c.id}: {change_text(c, season, lang)}" for c in changes if c.id == i
            ),
            key="groups_season_remove_id",
        )
        if st.button(t("groups.change_remove", lang), key="groups_season_remove"):
            remove_change(chosen, season_id)
            st.rerun()


def season_change(kind, first, last, venue, person, note, season_id: int) -> None:
    who = auth.identity()
    lang = common.lang()
    if not access.may(who, access.PLAN):
        st.session_state[DONE_KEY] = ("error", t("auth.not_allowed", lang))
        return
    changes = DatedChanges(common.store(), season_id)
    try:
        if kind == "closure":
            made = changes.closure(first, last, venue_id=venue, note=note, actor=who.user)
        else:
            made = changes.absence(person, first, last, note=note, actor=who.user)
    except ChangeRefused as exc:
        st.session_state[DONE_KEY] = ("error", exc.message_in(lang))
        return
    season = common.load_season(common.db_url(), season_id)
    st.session_state[DONE_KEY] = (
        "success",
        t("groups.change_saved", lang, what=plain(change_text(made, season, lang))),
    )


def remove_change(change_id: int, season_id: int) -> None:
    who = auth.identity()
    lang = common.lang()
    if not access.may(who, access.PLAN):
        st.session_state[DONE_KEY] = ("error", t("auth.not_allowed", lang))
        return
    try:
        gone = DatedChanges(common.store(), season_id).remove(change_id, actor=who.user)
    except ChangeRefused as exc:
        st.session_state[DONE_KEY] = ("error", exc.message_in(lang))
        return
    season = common.load_season(common.db_url(), season_id)
    st.session_state[DONE_KEY] = (
        "success",
        t("groups.change_removed", lang, what=plain(change_text(gone, season, lang))),
    )


def group_heading(season: Season, plan: Plan, group_id: str, lang: str) -> str:
    """For a caption (Markdown): the venue's name as text."""
    p = plan.placement[group_id]
    venue = (
        plain(season.venue[p.venue_id].display_name(lang))
        if p.venue_id
        else t("groups.remote", lang)
    )
    return f"{day_name(p.weekday, lang)} {hhmm(p.start)}–{hhmm(p.end)} · {venue}"


def week_person(who: Identity, offerings: list, leaders: tuple[str, ...]) -> str:
    """Whose week to print: the signed-in leader's own; for anyone who leads no group (a
    coordinator), the chosen group's first leader's."""
    if who.staff_id is not None and any(who.staff_id in o.leaders for o in offerings):
        return who.staff_id
    return leaders[0]


def print_section(
    season: Season,
    plan: Plan,
    live: Enrolments,
    who: Identity,
    offerings: list,
    group_id: str,
    leaders: tuple[str, ...],
    today: dt.date,
    changes: list[DatedChange],
    lang: str,
) -> None:
    """The PDF downloads: the group's participant list and its leader's week."""
    person = week_person(who, offerings, leaders)
    groups = [o.group_id for o in offerings if person in o.leaders and o.group_id in plan.placement]
    monday = week_monday(today)
    sessions = week_sessions(season, plan, groups, monday, changes)
    counts = {}
    for g in {s.group_id for s in sessions}:
        remote = set(live.remote_participants(g))
        counts[g] = (len([c for c in live.participants(g) if c not in remote]), len(remote))
    participants = live.participants(group_id)
    left, right = st.columns(2)
    with left:
        participant_list_download(
            season,
            plan,
            group_id,
            participants,
            live.remote_participants(group_id),
            len(live.waiting_list(group_id)),
            lang,
        )
    with right:
        leader_week_download(season, plan, person, monday, sessions, counts, lang)


def render() -> None:
    who = auth.require(access.OWN_GROUPS)
    st.session_state.setdefault(GROUP_KEY, None)
    st.session_state.setdefault(DONE_KEY, None)
    lang = common.lang()
    st.title(t("groups.title", lang))
    db = common.store()
    info = common.live_season_info(db)  # workers see the live season
    if info is None:
        common.ask_for_import("find.no_season", lang)
        return
    season_id: int = info["id"]
    season = common.load_season(common.db_url(), season_id)
    live = Enrolments(db, season_id)
    offerings = live.offerings()
    published = published_plan_id(offerings)
    plan = db.load_plan(plan_id=published) if published is not None else None
    if plan is None:
        st.info(t("groups.not_published", lang), icon=":material/unpublished:")
        return
    if not access.may(who, access.ALL_GROUPS) and who.staff_id is None:
        st.warning(t("groups.no_staff_id", lang), icon=":material/badge:")
        return
    mine = [g for g in my_groups(who, offerings) if g in plan.placement]
    if not mine:
        st.info(t("groups.none", lang), icon=":material/groups:")
        return
    if st.session_state[GROUP_KEY] not in mine:
        st.session_state[GROUP_KEY] = mine[0]
    group_id = st.selectbox(
        t("groups.group", lang),
        mine,
        key=GROUP_KEY,
        format_func=lambda g: f"{g} · {season.group[g].display_name(lang)}",
    )
    leaders = next(o.leaders for o in offerings if o.group_id == group_id)
    seats = live.seats().get(group_id)
    st.caption(group_heading(season, plan, group_id, lang))
    done = st.session_state[DONE_KEY]
    if done is not None:
        kind, message = done
        (st.success if kind == "success" else st.error)(message)
        st.session_state[DONE_KEY] = None

    people, waiting = st.columns(2)
    participants = live.participants(group_id)
    with people:
        st.subheader(
            t(
                "groups.participants",
                lang,
                n=len(participants),
                max=seats.max_size if seats else "–",
            )
        )
        remote = set(live.remote_participants(group_id))
        st.dataframe(
            pd.DataFrame(
                {
                    t("groups.col.client", lang): participants,
                    t("groups.col.mode", lang): [
                        t(f"groups.mode.{'remote' if c in remote else 'on_site'}", lang)
                        for c in participants
                    ],
                }
            ),
            hide_index=True,
            width="stretch",
        )
    with waiting:
        queue = live.waiting_list(group_id)
        st.subheader(t("groups.waiting", lang, n=len(queue)))
        st.dataframe(
            pd.DataFrame(
                {
                    "#": [w.position for w in queue],
                    t("groups.col.client", lang): [w.client_code for w in queue],
                    t("groups.col.since", lang): [date_text(w.since) for w in queue],
                }
            ),
            hide_index=True,
            width="stretch",
        )

    records = GroupRecords(db, season_id)
    today = terms.local_today()
    placement = plan.placement[group_id]
    season_changes = DatedChanges(db, season_id).current()
    print_section(
        season, plan, live, who, offerings, group_id, leaders, today, season_changes, lang
    )
    ours = DatedChanges(db, season_id).for_group(group_id, leaders, placement.venue_id)
    st.subheader(t("groups.changes", lang))
    if ours:
        st.dataframe(changes_table(ours, season, lang), hide_index=True, width="stretch")
    else:
        st.caption(t("groups.changes_none", lang))
    coming = changeable_sessions(season, plan, group_id, today, season_changes)
    if coming:
        session_change_form(group_id, leaders, coming, season_id, lang)

    st.subheader(t("groups.attendance", lang))
    dates = session_dates(season, plan, group_id, today, season_changes)
    drop_in = rules.is_drop_in(season.group[group_id])
    if drop_in:
        st.caption(t("groups.drop_in_help", lang))
    if not dates:
        st.info(t("groups.no_sessions_yet", lang), icon=":material/event_upcoming:")
    elif drop_in:
        head_count_form(group_id, leaders, dates, today, season_id, lang)
    else:
        record_form(group_id, leaders, participants, dates, today, season_id, lang)
    counts = records.head_counts(group_id) if drop_in else {}
    if counts:
        st.dataframe(head_count_table(counts, lang), hide_index=True, width="stretch")
    sessions = records.attendance(group_id)
    if sessions:
        st.dataframe(attendance_table(sessions, lang), hide_index=True, width="stretch")

    st.subheader(t("groups.summary", lang))
    st.caption(t("groups.summary_help", lang))
    if participants:
        code = st.selectbox(t("groups.col.client", lang), participants, key="groups_summary_code")
        text = st.text_area(
            t("groups.summary", lang),
            value=records.summary(group_id, code) or "",
            key=f"groups_summary_{group_id}_{code}",
            max_chars=4000,
        )
        if st.button(t("groups.save_summary", lang), key="groups_save_summary"):
            save_summary(group_id, leaders, code, text, season_id)
            st.rerun()

    group_meetings_section(db, season, season_id, group_id, leaders, lang)

    if access.may(who, access.PLAN):
        season_changes_section(season, season_id, lang)


if __name__ == "__main__":  # st.navigation runs this file as the page
    render()
