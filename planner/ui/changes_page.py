"""Changes page: what a counsellor or leader needs to know about their clients' places and the
groups they lead, newest first (`planner.notices`), and a counsellor's clients' evaluations
due in the next 14 days or overdue (`planner.timeline`, l. 646-650), each of which they can
mark held once the evaluation meeting has been. A coordinator may look at anyone's."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from planner import access, rules, terms
from planner.i18n import t
from planner.notices import Notice, notice_text
from planner.store import TimelineRefused, Timelines
from planner.store.notices import Notices
from planner.timeline import Evaluation, Timeline, date_text
from planner.ui import auth, common

PERSON_KEY = "changes_person"


def changes_table(notices: list[Notice], names: dict[str, str], lang: str) -> pd.DataFrame:
    """Newest first: when (Helsinki time) and the change in words."""
    newest = sorted(notices, key=lambda n: n.event_id, reverse=True)
    return pd.DataFrame(
        {
            t("changes.col.at", lang): [common.local_time(n.at) for n in newest],
            t("changes.col.change", lang): [
                notice_text(n, names.get(n.group_id, n.group_id), lang) for n in newest
            ],
        }
    )


def evaluations_table(
    timelines: dict[str, Timeline], today: dt.date, lang: str, within_days: int
) -> pd.DataFrame:
    """The evaluations due within `within_days` of today and the overdue ones, earliest
    first: the client's code, which evaluation, its date, overdue or coming."""
    due = sorted(
        ((e.due, code, e) for code, tl in timelines.items() for e in tl.due(today, within_days)),
        key=lambda item: (item[0], item[1]),
    )
    return pd.DataFrame(
        {
            t("timeline.due.col.client", lang): [code for _, code, _ in due],
            t("timeline.due.col.evaluation", lang): [e.name(lang) for _, _, e in due],
            t("timeline.due.col.date", lang): [date_text(day) for day, _, _ in due],
            t("timeline.due.col.state", lang): [
                t("timeline.due.overdue" if e.overdue(today) else "timeline.due.soon", lang)
                for _, _, e in due
            ],
        }
    )


def show_evaluations(db, season_id: int, person: str, lang: str) -> None:
    """The person's clients' evaluations due soon or overdue (none: a line that says so);
    nothing for someone who is no client's counsellor."""
    season = common.load_season(common.db_url(), season_id)
    mine = [c.client_code for c in season.clients if c.counsellor == person]
    if not mine:
        return
    days = rules.EVALUATION_NOTICE_DAYS
    today = terms.local_today()
    timelines = Timelines(db).of(mine)
    table = evaluations_table(timelines, today, lang, days)
    st.subheader(t("timeline.due.title", lang))
    if table.empty:
        st.caption(t("timeline.due.none", lang, days=days))
        return
    st.caption(t("timeline.due.caption", lang, days=days))
    st.dataframe(table, hide_index=True)
    if auth.allowed(access.CLIENTS):
        mark_held_form(db, due_evaluations(timelines, today, days), lang)


HELD_KEY = "changes_held_done"  # the text of the evaluation just marked held, shown once


def due_evaluations(
    timelines: dict[str, Timeline], today: dt.date, within_days: int
) -> list[tuple[str, Evaluation]]:
    """The (client code, evaluation) pairs of `evaluations_table`, in its order."""
    return sorted(
        ((code, e) for code, tl in timelines.items() for e in tl.due(today, within_days)),
        key=lambda item: (item[1].due, item[0]),
    )


def mark_held_form(db, due: list[tuple[str, Evaluation]], lang: str) -> None:
    """Mark one of the due evaluations held, as the counsellor records it after the meeting."""
    done = st.session_state.pop(HELD_KEY, None)
    if done:
        st.success(done, icon=":material/task_alt:")
    labels = {
        f"{code}:{e.months}": f"{code} · {e.name(lang)} · {date_text(e.due)}" for code, e in due
    }
    with st.form("changes_held_form", border=False):
        chosen = st.selectbox(
            t("timeline.held.choose", lang),
            list(labels),
            format_func=labels.get,
            key="changes_held_choice",
        )
        submitted = st.form_submit_button(t("timeline.held.mark", lang), icon=":material/task_alt:")
    if submitted and chosen:
        code, months = chosen.rsplit(":", 1)
        _mark_held(db, code, int(months), labels[chosen], lang)


def _mark_held(db, code: str, months: int, label: str, lang: str) -> None:
    auth.require(access.CLIENTS)
    timelines = Timelines(db)
    current = timelines.get(code)
    if current is None:
        st.error(t("timeline.none", lang), icon=":material/error:")
        return
    try:
        timelines.record(code, held=[*current.held, months], actor=auth.actor())
    except TimelineRefused as exc:
        st.error(t("clients.failed", lang, reason=exc.text(lang)), icon=":material/error:")
        return
    st.session_state[HELD_KEY] = t("timeline.held.done", lang, what=label)
    st.rerun()


def render() -> None:
    who = auth.require(access.NOTICES)
    lang = common.lang()
    st.title(t("changes.title", lang))
    st.caption(t("changes.intro", lang))
    db = common.store()
    info = common.live_season_info(db)
    if info is None:
        common.ask_for_import("find.no_season", lang)
        return
    notices = Notices(db, info["id"])
    person = who.staff_id
    if access.may(who, access.ALL_GROUPS):
        people = notices.people()
        if people:
            known = common.load_season(common.db_url(), info["id"]).person
            start = people.index(person) if person in people else 0
            person = st.selectbox(
                t("changes.person", lang),
                people,
                index=start,
                key=PERSON_KEY,
                format_func=lambda pid: f"{pid} {known[pid].name}" if pid in known else pid,
            )
    if person is None:
        st.warning(t("changes.no_staff_id", lang), icon=":material/badge:")
        return
    found = notices.for_person(person)
    if not found:
        st.info(t("changes.none", lang), icon=":material/notifications:")
    else:
        st.dataframe(changes_table(found, notices.group_names(), lang), hide_index=True)
    show_evaluations(db, info["id"], person, lang)


if __name__ == "__main__":  # st.navigation runs this file as the page
    render()
