"""The joint meetings in the app (AppTest), per role: a worker books one after an enrolment on
the Find a group page and cancels it; a read-only user sees no Book button and a forged
booking is refused on the server; a leader marks a meeting of their group held."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from icalendar import Calendar
from test_auth_pages import (  # pytest puts tests/ on the path
    app_as,
    live_url,  # noqa: F401 (a fixture)
    person,
    signed_in,  # noqa: F401 (a fixture)
    texts,
)
from toys import leave_groups_at_the_same_hour

from planner import access, terms
from planner.finder import find_groups, profile_from_client
from planner.i18n import t
from planner.model import Season, hhmm
from planner.rules import leaders_needed
from planner.store import Enrolments, Meetings, Store
from planner.store.meetings import meeting_leader
from planner.ui import common
from planner.ui.meetings_panel import when_text

BEFORE_TERM = dt.date(2027, 1, 4)  # a Monday; the sample's term begins on 11 January 2027


def _season(url: str) -> Season:
    with Store.open(url) as store:
        season = store.load_season()
    assert season is not None
    return season


def joinable_with_a_meeting(url: str) -> tuple[str, str]:
    """A client and a group with a free seat they may join, led by someone other than the
    client's counsellor, with a time for the meeting before their first session. (The
    sample's clients with a group to spare all have one at the same hour: the client leaves
    it first, in the live offering at `url`.)"""
    season = _season(url)
    with Store.open(url) as store:
        live = Enrolments(store)
        plan = store.load_plan()
        assert plan is not None
        seats = live.seats()
        leaders = {o.group_id: len(o.leaders) for o in live.offerings()}
        joined: dict[str, int] = {}
        for code, _ in dict.fromkeys(plan.participants):
            joined[code] = joined.get(code, 0) + 1
        meetings = Meetings(store)
        first_day = min(g.start_date for g in season.groups)
        for client in season.clients:
            if joined.get(client.client_code, 0) >= client.max_groups:
                continue
            found = find_groups(
                season,
                plan,
                profile_from_client(client),
                taken={},
                today=first_day,
                include_failed=True,
            )
            for m in found:
                if (
                    m.member
                    or m.failed_rules not in ([], ["clash"])
                    or not seats[m.group_id].free
                    or leaders_needed(seats[m.group_id].taken + 1) > leaders[m.group_id]
                    or meeting_leader(season, plan.placement[m.group_id], client.counsellor) is None
                ):
                    continue
                slots = meetings.suggest(m.group_id, client.client_code, today=BEFORE_TERM)
                if any(s.kind == "before" for s in slots):
                    leave_groups_at_the_same_hour(url, m.group_id, client.client_code)
                    return client.client_code, m.group_id
    raise AssertionError("no client for a joint meeting in the sample")


def test_a_worker_books_the_start_meeting_after_enrolling_and_cancels_it(
    signed_in,  # noqa: F811
    live_url,  # noqa: F811
    monkeypatch,
) -> None:
    monkeypatch.setattr(terms, "local_today", lambda: BEFORE_TERM)
    code, group_id = joinable_with_a_meeting(live_url)
    at = app_as(live_url, monkeypatch, person("worker@hyvil.fi", access.WORKER))
    at.switch_page(common.PAGE_FILES["find"]).run()
    at.selectbox(key="find_client").set_value(code).run()
    at.button(key=f"find_enrol_{group_id}").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert t("meetings.title", "en") in texts(at)
    picked = at.selectbox(key=f"meetings_pick_before_{group_id}_{code}").value

    at.button(key=f"meetings_book_before_{group_id}_{code}").click().run()

    assert not at.exception, [e.value for e in at.exception]
    with Store.open(live_url) as store:
        (made,) = Meetings(store).list_meetings(client_code=code)
        newest = store.events(limit=1)[0]
    assert made.status == "booked"
    assert picked == f"before {made.date.isoformat()} {hhmm(made.start)}-{hhmm(made.end)}"
    assert (newest["action"], newest["actor"]) == ("meeting.book", "worker@hyvil.fi")
    when = when_text(made.date, made.start, made.end, "en")
    said = t("meetings.booked_ok", "en", kind="Start meeting", when=when)
    assert said in [s.value for s in at.success]
    assert t("meetings.not_sent", "en") in [i.value for i in at.info]
    # Booked: no second picker for the start meeting; the invitation is offered.
    assert not [s for s in at.selectbox if s.key == f"meetings_pick_before_{group_id}_{code}"]
    download = at.get("download_button")
    assert download, "the invitation is offered as a download"

    at.button(key=f"meetings_cancel_{made.id}").click().run()

    assert not at.exception, [e.value for e in at.exception]
    with Store.open(live_url) as store:
        (gone,) = Meetings(store).list_meetings(client_code=code)
    assert (gone.status, gone.cancelled_by, gone.sequence) == ("cancelled", "worker@hyvil.fi", 1)
    assert at.selectbox(key=f"meetings_pick_before_{group_id}_{code}")  # offered again


PANEL_SCRIPT = """
import datetime as dt
import streamlit as st
from planner.store import Enrolments, Meetings
from planner.ui import common
from planner.ui.meetings_panel import when_text
from planner.ui.meetings_panel import book, meetings_section

common.init_state()
db = common.store()
season_id = db.live_season_id()
season = common.load_season(common.db_url(), season_id)
plan = Enrolments(db, season_id).live_plan()
client = season.client[{code!r}]
meetings_section(db, season, plan, season_id, client, {group!r}, "en")
slot = Meetings(db, season_id).suggest({group!r}, {code!r})[0]
forged = (db, season, season_id, slot, {code!r}, {group!r})
st.button("forge", key="forge", on_click=book, args=forged)
"""


def test_a_read_only_user_cannot_book_even_by_a_forged_request(
    signed_in,  # noqa: F811
    live_url,  # noqa: F811
    monkeypatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setattr(terms, "local_today", lambda: BEFORE_TERM)
    code, group_id = joinable_with_a_meeting(live_url)
    with Store.open(live_url) as store:
        Enrolments(store).enrol(group_id, code, actor="worker@hyvil.fi")
    script = tmp_path / "panel.py"
    script.write_text(PANEL_SCRIPT.format(code=code, group=group_id), encoding="utf-8")
    user = person("viewer@hyvil.fi", access.READ_ONLY)

    at = app_as(live_url, monkeypatch, user, str(script))

    assert not at.exception, [e.value for e in at.exception]
    assert at.selectbox(key=f"meetings_pick_before_{group_id}_{code}")  # the times are shown
    assert not [b for b in at.button if b.key.startswith("meetings_book_")]
    at.button(key="forge").click().run()
    assert t("auth.not_allowed", "en") in [e.value for e in at.error]
    with Store.open(live_url) as store:
        assert Meetings(store).list_meetings() == []


def test_a_leader_marks_a_meeting_of_their_group_held(
    signed_in,  # noqa: F811
    live_url,  # noqa: F811
    monkeypatch,
) -> None:
    code, group_id = joinable_with_a_meeting(live_url)
    with Store.open(live_url) as store:
        Enrolments(store).enrol(group_id, code, actor="worker@hyvil.fi")
        meetings = Meetings(store)
        slot = next(s for s in meetings.suggest(group_id, code, today=BEFORE_TERM))
        made = meetings.book(
            group_id, code, slot.kind, slot.date, slot.start, "worker@hyvil.fi", today=BEFORE_TERM
        )
    monkeypatch.setattr(terms, "local_today", lambda: made.date)
    leader = person("leader@hyvil.fi", access.LEADER, staff_id=made.leader)
    at = app_as(live_url, monkeypatch, leader)
    at.switch_page(common.PAGE_FILES["groups"]).run()
    at.selectbox(key="groups_group").set_value(group_id).run()
    assert not at.exception, [e.value for e in at.exception]
    assert t("meetings.group_title", "en") in [s.value for s in at.subheader]

    at.button(key=f"meetings_held_{made.id}").click().run()

    assert not at.exception, [e.value for e in at.exception]
    with Store.open(live_url) as store:
        held = Meetings(store).list_meetings(group_id=group_id)[0]
        newest = store.events(limit=1)[0]
    assert (held.status, held.held_by) == ("held", "leader@hyvil.fi")
    assert (newest["action"], newest["actor"]) == ("meeting.held", "leader@hyvil.fi")
    assert not [b for b in at.button if b.key == f"meetings_held_{made.id}"]


def test_the_downloaded_invitation_names_no_client(live_url) -> None:  # noqa: F811
    code, group_id = joinable_with_a_meeting(live_url)
    from planner.ui.meetings_panel import invitation_bytes

    with Store.open(live_url) as store:
        Enrolments(store).enrol(group_id, code, actor="worker@hyvil.fi")
        meetings = Meetings(store)
        slot = meetings.suggest(group_id, code, today=BEFORE_TERM)[0]
        made = meetings.book(
            group_id, code, slot.kind, slot.date, slot.start, "worker@hyvil.fi", today=BEFORE_TERM
        )
    body = invitation_bytes(made, _season(live_url), "fi")
    assert code.encode() not in body
    assert str(Calendar.from_ical(body)["method"]) == "REQUEST"
