"""Roles on the real pages (AppTest): each role sees its pages only, every page refuses others
on the server, actions inside pages follow the role, and leaders record their own groups."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from test_find_page import enrollable  # pytest puts tests/ on the path

from planner import access, terms
from planner.i18n import t
from planner.store import Enrolments, GroupRecords, Store
from planner.ui import common

APP = str(Path(__file__).resolve().parents[1] / "app.py")
REPO = Path(APP).parent
TIMEOUT_S = 60
AUTH = {
    "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
    "cookie_secret": "test-secret-not-used-by-apptest",
    "client_id": "sosku",
    "client_secret": "sosku-secret",
    "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
}
NO_RECHECK = {"recheck_hours": 0}
"""These tests are about the roles of a sign-in; asking the provider again is
test_role_recheck.py's."""


@pytest.fixture
def signed_in(monkeypatch):
    """Sign-in configured instead of single-user mode."""
    monkeypatch.delenv("PLANNER_SINGLE_USER", raising=False)


@pytest.fixture
def live_url(published_db: Path, tmp_path: Path) -> str:
    db = tmp_path / "planner.sqlite3"
    shutil.copy(published_db, db)
    return f"sqlite:///{db}"


def app_as(url: str, monkeypatch, user: dict | None, script: str = APP) -> AppTest:
    monkeypatch.setenv("PLANNER_DB_URL", url)
    at = AppTest.from_file(script, default_timeout=TIMEOUT_S)
    at.secrets["auth"] = AUTH
    at.secrets["planner"] = NO_RECHECK
    if user is not None:
        at.user = {"is_logged_in": True, **user}
    else:
        at.user = {"is_logged_in": False}
    at.query_params["lang"] = "en"
    return at.run()


def person(email: str, *roles: str, staff_id: str | None = None) -> dict:
    claims = {"email": email, "sub": email, "roles": list(roles)}
    if staff_id:
        claims["staff_id"] = staff_id
    return claims


def texts(at: AppTest) -> str:
    parts = [
        e.value
        for kind in ("error", "warning", "info", "markdown", "caption", "title")
        for e in getattr(at, kind)
    ]
    return "\n".join(str(p) for p in parts)


def test_signed_out_shows_only_the_sign_in_button(signed_in, live_url, monkeypatch) -> None:
    at = app_as(live_url, monkeypatch, None)
    assert not at.exception
    assert at.button(key="auth_sign_in").label == t("auth.sign_in", "en")
    assert not at.dataframe and not at.metric, "nothing of the season before sign-in"


def test_without_sign_in_or_single_user_mode_the_app_says_how_to_configure(
    signed_in, live_url, monkeypatch
) -> None:
    monkeypatch.setenv("PLANNER_DB_URL", live_url)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S)
    at.query_params["lang"] = "en"
    at.run()
    assert not at.exception
    assert "PLANNER_SINGLE_USER=1" in at.error[0].value
    assert not at.metric


def test_a_person_without_a_role_is_told_to_ask_for_one_and_the_sign_in_is_audited(
    signed_in, live_url, monkeypatch
) -> None:
    at = app_as(live_url, monkeypatch, person("nobody@hyvil.fi"))
    assert "nobody@hyvil.fi" in at.warning[0].value
    assert not at.metric
    with Store.open(live_url) as store:
        newest = store.events(limit=1)[0]
    assert newest["action"] == "auth.sign_in" and newest["actor"] == "nobody@hyvil.fi"


@pytest.mark.parametrize(
    ("role", "allowed", "refused"),
    [
        (access.COORDINATOR, ["import", "plan", "audit", "find", "groups"], []),
        (access.WORKER, ["find", "figures", "map", "calendar"], ["import", "plan", "audit"]),
        (access.LEADER, ["groups", "calendar"], ["find", "import", "audit", "map"]),
        (access.READ_ONLY, ["calendar", "overview"], ["find", "groups", "figures", "plan"]),
    ],
)
def test_each_role_reaches_its_pages_and_every_other_page_refuses_on_the_server(
    signed_in, live_url, monkeypatch, role, allowed, refused
) -> None:
    user = person(f"{role}@hyvil.fi", role, staff_id="S-ANY")
    at = app_as(live_url, monkeypatch, user)
    assert not at.exception, [e.value for e in at.exception]
    assert t(f"role.{role}", "en") in texts(at)
    for page in allowed:
        at.switch_page(common.PAGE_FILES[page]).run()
        assert not at.exception, (page, [e.value for e in at.exception])
        assert t("auth.not_allowed", "en") not in texts(at), page
    for page in refused:
        # Not in the navigation: the app cannot switch there ...
        with pytest.raises(Exception):  # noqa: B017 - Streamlit raises a plain error
            at.switch_page(common.PAGE_FILES[page]).run()
        # ... and the page script itself refuses when run directly.
        direct = app_as(live_url, monkeypatch, user, str(REPO / common.PAGE_FILES[page]))
        assert not direct.exception, (page, [e.value for e in direct.exception])
        # (run alone, the page has not read ?lang= yet: it speaks the default, Finnish)
        assert direct.error[0].value == t("auth.not_allowed", "fi"), page
        assert not direct.dataframe, page


def test_a_worker_finds_and_enrols_but_cannot_publish(
    signed_in, planned_db, tmp_path, monkeypatch
) -> None:
    db = tmp_path / "planner.sqlite3"
    shutil.copy(planned_db, db)  # a plan, not yet published
    at = app_as(f"sqlite:///{db}", monkeypatch, person("worker@hyvil.fi", access.WORKER))
    at.switch_page(common.PAGE_FILES["find"]).run()
    assert not at.exception
    assert not [b for b in at.button if b.key == "find_publish"]
    assert t("find.ask_coordinator_to_publish", "en") in texts(at)


def test_a_read_only_person_gets_no_feed_links_and_no_enrol_button(
    signed_in, live_url, monkeypatch
) -> None:
    at = app_as(live_url, monkeypatch, person("reader@hyvil.fi", access.READ_ONLY))
    at.switch_page(common.PAGE_FILES["calendar"]).run()
    assert not at.exception
    assert not [b for b in at.button if b.key in {"cal_subscribe", "cal_enrol"}]


def test_an_enrolment_names_the_signed_in_worker_in_the_audit_trail(
    signed_in, live_url, monkeypatch
) -> None:
    with Store.open(live_url) as store:
        season = store.load_season()
    code, match = enrollable(live_url, season, full=False)
    at = app_as(live_url, monkeypatch, person("worker@hyvil.fi", access.WORKER))
    at.switch_page(common.PAGE_FILES["find"]).run()
    at.selectbox(key="find_client").set_value(code).run()
    at.button(key=f"find_enrol_{match.group_id}").click().run()
    assert not at.exception, [e.value for e in at.exception]
    with Store.open(live_url) as store:
        assert code in Enrolments(store).participants(match.group_id)
        newest = store.events(limit=1)[0]
    assert newest["actor"] == "worker@hyvil.fi" and newest["action"].startswith("enrolment.")


def leader_of_a_group_with_participants(url: str) -> tuple[str, str, list[str]]:
    with Store.open(url) as store:
        live = Enrolments(store)
        offering = next(
            o
            for o in live.offerings()
            if o.status == "open" and o.taken and o.leaders[0].startswith("S")
        )
        return offering.leaders[0], offering.group_id, live.participants(offering.group_id)


TERM_TODAY = dt.date(2027, 3, 31)
"""A day in the sample's spring term (the sample starts on 11 Jan 2027)."""


def test_a_leader_sees_only_their_groups_and_records_attendance(
    signed_in, live_url, monkeypatch
) -> None:
    monkeypatch.setattr(terms, "local_today", lambda: TERM_TODAY)
    staff_id, group_id, participants = leader_of_a_group_with_participants(live_url)
    with Store.open(live_url) as store:
        theirs = {
            o.group_id
            for o in Enrolments(store).offerings()
            if o.status == "open" and staff_id in o.leaders
        }
    at = app_as(live_url, monkeypatch, person("leader@hyvil.fi", access.LEADER, staff_id=staff_id))
    at.switch_page(common.PAGE_FILES["groups"]).run()
    assert not at.exception, [e.value for e in at.exception]
    chooser = at.selectbox(key="groups_group")
    assert {option.split(" · ")[0] for option in chooser.options} == theirs
    chooser.set_value(group_id).run()
    shown = at.dataframe[0].value[t("groups.col.client", "en")].tolist()
    assert shown == participants

    # Nobody is marked present by default: the leader ticks who came.
    boxes = {code: at.checkbox(key=f"groups_present_{group_id}_{code}") for code in participants}
    assert not any(box.value for box in boxes.values())
    absent = participants[0]
    for code in participants[1:]:
        boxes[code].check()
    day = at.selectbox(key=f"groups_day_{group_id}").value
    assert day <= TERM_TODAY
    submit = next(b for b in at.button if b.label == t("groups.record", "en"))
    submit.click().run()
    assert not at.exception, [e.value for e in at.exception]
    with Store.open(live_url) as store:
        recorded = GroupRecords(store).attendance(group_id)[day]
        assert recorded[absent] is False
        assert all(recorded[c] for c in participants[1:])
        newest = store.events(limit=1)[0]
    assert newest["actor"] == "leader@hyvil.fi" and newest["action"] == "attendance.record"
    assert isinstance(day, dt.date)


def test_before_the_first_session_there_is_nothing_to_record(
    signed_in, live_url, monkeypatch
) -> None:
    monkeypatch.setattr(terms, "local_today", lambda: dt.date(2026, 12, 1))
    staff_id, group_id, _ = leader_of_a_group_with_participants(live_url)
    at = app_as(live_url, monkeypatch, person("leader@hyvil.fi", access.LEADER, staff_id=staff_id))
    at.switch_page(common.PAGE_FILES["groups"]).run()
    at.selectbox(key="groups_group").set_value(group_id).run()
    assert not at.exception, [e.value for e in at.exception]
    assert t("groups.no_sessions_yet", "en") in texts(at)
    assert not [b for b in at.button if b.label == t("groups.record", "en")]


def test_a_leader_without_a_staff_id_is_told_so(signed_in, live_url, monkeypatch) -> None:
    at = app_as(live_url, monkeypatch, person("leader@hyvil.fi", access.LEADER))
    at.switch_page(common.PAGE_FILES["groups"]).run()
    assert t("groups.no_staff_id", "en") in texts(at)
    assert not at.dataframe


def test_a_leader_of_no_published_group_sees_none(signed_in, live_url, monkeypatch) -> None:
    at = app_as(live_url, monkeypatch, person("new@hyvil.fi", access.LEADER, staff_id="S-NEW"))
    at.switch_page(common.PAGE_FILES["groups"]).run()
    assert t("groups.none", "en") in texts(at)
    assert not at.dataframe and not at.checkbox


def test_a_counsellor_sees_their_client_s_changes_and_a_leader_none_of_the_codes(
    signed_in, live_url, monkeypatch
) -> None:
    staff_id, group_id, participants = leader_of_a_group_with_participants(live_url)
    with Store.open(live_url) as store:
        code = participants[0]
        counsellor = store.load_season().client[code].counsellor
        assert Enrolments(store).cancel(group_id, code, actor="anna", reason="other").ok
    at = app_as(live_url, monkeypatch, person("w@hyvil.fi", access.WORKER, staff_id=counsellor))
    at.switch_page(common.PAGE_FILES["changes"]).run()
    assert not at.exception, [e.value for e in at.exception]
    shown = " ".join(at.dataframe[0].value[t("changes.col.change", "en")].tolist())
    assert code in shown and "ended" in shown
    if staff_id != counsellor:
        at = app_as(live_url, monkeypatch, person("l@hyvil.fi", access.LEADER, staff_id=staff_id))
        at.switch_page(common.PAGE_FILES["changes"]).run()
        assert not at.exception
        assert code not in texts(at)
        assert all(code not in str(frame.value) for frame in at.dataframe)
