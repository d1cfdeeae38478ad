"""My groups: a leader's groups in the live offering, their participants and waiting list,
attendance per session and a summary per participant (for the counsellor's evaluation).

A leader sees only the groups they lead (matched by the `staff_id` of their sign-in);
a coordinator may open any group. Every write checks this again on the server.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from planner import access, terms
from planner.access import Identity
from planner.i18n import t
from planner.model import Plan, Season, hhmm
from planner.store import Enrolments, GroupRecords, StoreError
from planner.terms import meeting_dates
from planner.ui import auth, common
from planner.ui.offering import date_text, day_name, published_plan_id

GROUP_KEY = "groups_group"
DONE_KEY = "groups_done"  # the last recorded change, shown once after the rerun


def session_dates(season: Season, plan: Plan, group_id: str, today: dt.date) -> list[dt.date]:
    """The sessions the group has held up to today (public holidays left out), for recording
    attendance: never a date still to come."""
    return meeting_dates(season.group[group_id], plan.placement[group_id].weekday, until=today)


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


def group_heading(season: Season, plan: Plan, group_id: str, lang: str) -> str:
    p = plan.placement[group_id]
    venue = season.venue[p.venue_id].display_name(lang) if p.venue_id else t("groups.remote", lang)
    return f"{day_name(p.weekday, lang)} {hhmm(p.start)}–{hhmm(p.end)} · {venue}"


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
    st.subheader(t("groups.attendance", lang))
    today = terms.local_today()
    dates = session_dates(season, plan, group_id, today)
    if not dates:
        st.info(t("groups.no_sessions_yet", lang), icon=":material/event_upcoming:")
    else:
        record_form(group_id, leaders, participants, dates, today, season_id, lang)
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


if __name__ == "__main__":  # st.navigation runs this file as the page
    render()
