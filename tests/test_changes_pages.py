"""Dated changes on the My groups page (AppTest): a leader cancels or moves a coming session
of their own group, a refused move says why in the page's language, and only a coordinator
records closures and absences or removes a change."""

from __future__ import annotations

import datetime as dt

from test_auth_pages import (  # pytest puts tests/ on the path
    app_as,
    leader_of_a_group_with_participants,
    live_url,  # noqa: F401 (a fixture)
    person,
    signed_in,  # noqa: F401 (a fixture)
    texts,
)

from planner import access, terms
from planner.i18n import t
from planner.store import DatedChanges, Store
from planner.ui import common

TODAY = dt.date(2027, 1, 20)  # the sample's term began on 11 Jan 2027


def _leader_page(live_url: str, monkeypatch):  # noqa: F811
    monkeypatch.setattr(terms, "local_today", lambda: TODAY)
    staff_id, group_id, _ = leader_of_a_group_with_participants(live_url)
    at = app_as(live_url, monkeypatch, person("leader@hyvil.fi", access.LEADER, staff_id=staff_id))
    at.switch_page(common.PAGE_FILES["groups"]).run()
    at.selectbox(key="groups_group").set_value(group_id).run()
    assert not at.exception, [e.value for e in at.exception]
    return at, group_id


def _save(at) -> None:
    next(b for b in at.button if b.label == t("groups.change_save", "en")).click().run()
    assert not at.exception, [e.value for e in at.exception]


def test_a_leader_cancels_a_coming_session_of_their_group(
    signed_in,  # noqa: F811
    live_url,  # noqa: F811
    monkeypatch,
) -> None:
    at, group_id = _leader_page(live_url, monkeypatch)
    assert t("groups.changes_none", "en") in texts(at)
    day = at.selectbox(key="groups_chg_day").value
    assert day >= TODAY
    at.radio(key="groups_chg_kind").set_value("cancel")
    at.text_input(key="groups_chg_note").input("tila varattu")
    _save(at)
    with Store.open(live_url) as store:
        (made,) = DatedChanges(store).current()
        newest = store.events(limit=1)[0]
    assert (made.kind, made.group_id, made.session_date, made.note) == (
        "cancel",
        group_id,
        day,
        "tila varattu",
    )
    assert newest["actor"] == "leader@hyvil.fi" and newest["action"] == "change.add"
    assert any("Change saved" in s.value for s in at.success)
    assert day not in at.selectbox(key="groups_chg_day").options  # changed once only
    # The coordinator's section is not the leader's.
    assert t("groups.season_changes", "en") not in [s.value for s in at.subheader]


def test_a_move_to_a_saturday_is_refused_with_the_reason(
    signed_in,  # noqa: F811
    live_url,  # noqa: F811
    monkeypatch,
) -> None:
    at, _ = _leader_page(live_url, monkeypatch)
    day = at.selectbox(key="groups_chg_day").value
    saturday = day + dt.timedelta(days=(5 - day.weekday()) % 7)
    at.radio(key="groups_chg_kind").set_value("move")
    at.date_input(key="groups_chg_date").set_value(saturday)
    at.time_input(key="groups_chg_time").set_value(dt.time(13, 0))
    _save(at)
    expected = t("change.refused.weekend", "en", start=f"{saturday.isoformat()}T13:00")
    assert expected in [e.value for e in at.error]
    with Store.open(live_url) as store:
        assert DatedChanges(store).current() == []


def test_a_coordinator_records_a_closure_and_removes_it(
    signed_in,  # noqa: F811
    live_url,  # noqa: F811
    monkeypatch,
) -> None:
    monkeypatch.setattr(terms, "local_today", lambda: TODAY)
    at = app_as(live_url, monkeypatch, person("coord@hyvil.fi", access.COORDINATOR))
    at.switch_page(common.PAGE_FILES["groups"]).run()
    assert not at.exception, [e.value for e in at.exception]
    assert t("groups.season_changes", "en") in [s.value for s in at.subheader]
    at.radio(key="groups_season_kind").set_value("closure")
    at.date_input(key="groups_season_from").set_value(dt.date(2027, 2, 22))
    at.date_input(key="groups_season_to").set_value(dt.date(2027, 2, 26))
    at.text_input(key="groups_season_note").input("hiihtoloma")
    next(
        b
        for b in at.button
        if b.label == t("groups.change_save", "en") and "season" in str(b.form_id)
    ).click().run()
    assert not at.exception, [e.value for e in at.exception]
    with Store.open(live_url) as store:
        (made,) = DatedChanges(store).current()
    assert (made.kind, made.first_date, made.last_date, made.venue_id) == (
        "closure",
        dt.date(2027, 2, 22),
        dt.date(2027, 2, 26),
        None,
    )
    at.button(key="groups_season_remove").click().run()
    assert not at.exception, [e.value for e in at.exception]
    with Store.open(live_url) as store:
        assert DatedChanges(store).current() == []
        assert store.events(limit=1)[0]["action"] == "change.remove"
