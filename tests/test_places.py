"""A client's places in a counsellor's day: end a place or a wait with the handbook's reasons,
move to another group in one step (the new seat first), waiting-list positions; the same on
SQLite and PostgreSQL, from the command line and on the Find a group page per role."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest
from test_auth_pages import app_as, person
from toys import PUBLISHED_START, SUMMARY, fresh_database, toy_plan, toy_season

from planner import access
from planner.cli.main import main
from planner.finder import Profile, find_groups, profile_from_client
from planner.i18n import t
from planner.model import Season
from planner.store import Enrolments, Store
from planner.store.schema import EnrolmentRow, OfferingRow
from planner.ui import common

APP = str(Path(__file__).resolve().parents[1] / "app.py")
TIMEOUT_S = 60


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def live(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Enrolments]:
    """The toy plan published: G1 3/10 (one leader, Wed), G2 5/8 (Thu), G3 3/4 (Tue, V2 holds
    four participants and a leader), G4 3/10 (remote, Fri)."""
    server = request.getfixturevalue("pg_url") if request.param == "postgres" else None
    with fresh_database(request.param, tmp_path, server) as url, Store.open(url) as store:
        store.import_season(toy_season("published"), source="toy")
        store.save_plan(toy_plan(), SUMMARY, actor="coordinator")
        enrolments = Enrolments(store)
        enrolments.publish(actor="coordinator")
        yield enrolments


def place(live: Enrolments, client: str, group: str) -> dict:
    with live.store.engine.connect() as conn:
        row = conn.execute(
            sa.select(EnrolmentRow)
            .where(EnrolmentRow.client_code == client, EnrolmentRow.group_id == group)
            .order_by(EnrolmentRow.id.desc())
        ).first()
    assert row is not None
    return dict(row._mapping)


def taken(live: Enrolments) -> dict[str, int]:
    with live.store.engine.connect() as conn:
        return dict(conn.execute(sa.select(OfferingRow.group_id, OfferingRow.taken)).all())


def test_a_move_takes_the_new_seat_then_ends_the_old_place(live: Enrolments) -> None:
    before = taken(live)
    outcome = live.move("C03", "G1", "G2", actor="anna")
    assert (outcome.status, outcome.group_id, outcome.other) == ("moved", "G2", "G1")
    assert "C03" in live.participants("G2") and "C03" not in live.participants("G1")
    after = taken(live)
    assert after["G1"] == before["G1"] - 1 and after["G2"] == before["G2"] + 1
    old = place(live, "C03", "G1")
    assert (old["status"], old["ended_by"], old["end_note"]) == ("moved", "anna", "moved to G2")
    event = live.store.events(limit=1)[0]
    assert event["actor"] == "anna" and event["action"] == "enrolment.move"
    assert event["detail"]["to"] == "G2" and event["detail"]["group_id"] == "G1"


def test_a_move_frees_the_old_seat_for_the_waiting_list(live: Enrolments) -> None:
    assert live.enrol("G3", "C14", actor="anna").status == "enrolled"  # G3 now 4/4
    assert live.enrol("G3", "C16", actor="anna").status == "waiting"
    outcome = live.move("C09", "G3", "G2", actor="anna")
    assert outcome.status == "moved" and outcome.promoted == ("C16",)
    assert "C16" in live.participants("G3") and live.waiting_list("G3") == []


def test_a_move_into_a_full_group_is_refused_and_changes_nothing(live: Enrolments) -> None:
    assert live.enrol("G3", "C14", actor="anna").status == "enrolled"  # G3 full
    before, events = taken(live), len(live.store.events(limit=1000))
    outcome = live.move("C01", "G1", "G3", actor="anna")
    assert (outcome.status, outcome.reason) == ("refused", "full")
    assert "C01" in live.participants("G1") and taken(live) == before
    assert len(live.store.events(limit=1000)) == events
    assert live.waiting_list("G3") == [], "a move never puts the client on a waiting list"


@pytest.mark.parametrize(
    ("client", "old", "new", "reason"),
    [
        ("C03", "G1", "G1", "same_group"),
        ("C30", "G1", "G2", "not_enrolled"),
        ("C03", "G1", "G9", "unknown_group"),
        ("C03", "G9", "G2", "unknown_group"),
    ],
)
def test_a_move_that_cannot_be_made_is_refused(
    live: Enrolments, client: str, old: str, new: str, reason: str
) -> None:
    before = taken(live)
    outcome = live.move(client, old, new, actor="anna")
    assert (outcome.status, outcome.reason) == ("refused", reason)
    assert taken(live) == before


def test_a_move_keeps_every_rule_of_enrolment(live: Enrolments) -> None:
    # G4 is remote: C03 has not agreed to take part remotely.
    outcome = live.move("C03", "G1", "G4", actor="anna")
    assert (outcome.status, outcome.reason) == ("refused", "remote_consent")
    assert "C03" in live.participants("G1")


def test_a_waiting_place_can_be_moved_into_a_seat(live: Enrolments) -> None:
    live.enrol("G3", "C14", actor="anna")
    assert live.enrol("G3", "C16", actor="anna").status == "waiting"
    outcome = live.move("C16", "G3", "G2", actor="anna")
    assert outcome.status == "moved"
    assert place(live, "C16", "G3")["status"] == "withdrawn"
    assert "C16" in live.participants("G2")


def test_ending_a_place_and_a_wait_records_the_reason_and_follow_up(live: Enrolments) -> None:
    ended = live.cancel("G1", "C03", actor="anna", reason="moved_to_work", note="full-time job")
    assert ended.status == "cancelled"
    row = place(live, "C03", "G1")
    assert (row["end_reason"], row["follow_up"], row["end_note"]) == (
        "moved_to_work",
        "work",
        "full-time job",
    )
    live.enrol("G3", "C14", actor="anna")
    live.enrol("G3", "C16", actor="anna")
    live.enrol("G3", "C18", actor="anna")
    assert [w.client_code for w in live.waiting_list("G3")] == ["C16", "C18"]
    left = live.cancel("G3", "C16", actor="anna", reason="other_service", follow_up="workshop")
    assert left.status == "withdrawn"
    row = place(live, "C16", "G3")
    assert (row["end_reason"], row["follow_up"]) == ("other_service", "workshop")
    assert [(w.position, w.client_code) for w in live.waiting_list("G3")] == [(1, "C18")]


def test_an_unknown_ending_reason_is_refused(live: Enrolments) -> None:
    outcome = live.cancel("G1", "C03", actor="anna", reason="got_bored")
    assert (outcome.status, outcome.reason) == ("refused", "unknown_reason")
    assert "C03" in live.participants("G1")


# --- the command line ---


@pytest.fixture
def toy_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'planner.sqlite3'}"
    with Store.open(url) as store:
        store.import_season(toy_season("published"), source="toy")
        store.save_plan(toy_plan(), SUMMARY, actor="coordinator")
        Enrolments(store).publish(actor="coordinator")
    return url


def test_planner_move_moves_and_says_so(toy_url: str, capsys: pytest.CaptureFixture) -> None:
    assert main(["move", "C03", "G1", "G2", "--db", toy_url, "--actor", "anna"]) == 0
    assert capsys.readouterr().out.strip() == "C03: moved from G1 to G2"
    assert main(["move", "C03", "G2", "G4", "--db", toy_url, "--json"]) == 1
    refused = json.loads(capsys.readouterr().out)
    assert refused["status"] == "refused" and refused["reason"] == "remote_consent"
    with Store.open(toy_url) as store:
        assert "C03" in Enrolments(store).participants("G2")


def test_planner_cancel_takes_a_handbook_reason(toy_url: str, capsys) -> None:
    assert main(["cancel", "G1", "C03", "--db", toy_url, "--reason", "studies"]) == 0
    assert main(["cancel", "G1", "C01", "--db", toy_url, "--reason", "nope"]) == 1
    assert "unknown reason" in capsys.readouterr().out
    with Store.open(toy_url) as store:
        history = Enrolments(store).client_history("C03")
    assert (history[-1]["reason"], history[-1]["follow_up"]) == ("studies", "studies")


# --- the finder's edges ---


def test_a_description_without_audience_offers_targeted_groups_with_whom_they_are_for() -> None:
    season = toy_season("published")
    men = Season(
        municipalities=season.municipalities,
        venues=season.venues,
        staff=season.staff,
        partners=season.partners,
        groups=tuple(
            g if g.group_id != "G2" else type(g)(**{**_fields(g), "audience": "men"})
            for g in season.groups
        ),
        clients=season.clients,
    )
    plan = toy_plan()
    unknown = Profile(municipality="049", languages=("fi",), audience_known=False)
    found = {
        m.group_id: m for m in find_groups(men, plan, unknown, lang="en", today=PUBLISHED_START)
    }
    assert found["G2"].suitable
    assert any("meant for" in r for r in found["G2"].reasons)
    said_none = Profile(municipality="049", languages=("fi",))
    assert not {
        m.group_id: m
        for m in find_groups(men, plan, said_none, today=PUBLISHED_START, include_failed=True)
    }["G2"].suitable
    men_profile = Profile(municipality="049", languages=("fi",), audience=("men",))
    assert {m.group_id: m for m in find_groups(men, plan, men_profile, today=PUBLISHED_START)}[
        "G2"
    ].suitable


def _fields(group) -> dict:
    return {name: getattr(group, name) for name in group.__slots__}


def test_the_cli_description_without_audience_is_unknown() -> None:
    from planner.finder import parse_profile_args

    season = toy_season("published")
    p = parse_profile_args("049", "fi", "", "", "transit", 60, False, season)
    assert not p.audience_known
    q = parse_profile_args("049", "fi", "", "", "transit", 60, False, season, audience="men")
    assert q.audience_known and q.audience == ("men",)


# --- on the Find a group page ---


@pytest.fixture
def live_url(published_db: Path, tmp_path: Path) -> str:
    db = tmp_path / "planner.sqlite3"
    shutil.copy(published_db, db)
    return f"sqlite:///{db}"


def client_with_a_move(url: str) -> tuple[str, str, str]:
    """(client, their group, a group they could move into) in the published sample."""
    with Store.open(url) as store:
        season = store.load_season()
        live = Enrolments(store)
        plan = store.load_plan(plan_id=max(o.plan_id for o in live.offerings()))
        seats = live.seats()
        groups = {}
        for o in live.offerings():
            for code in live.participants(o.group_id):
                groups.setdefault(code, set()).add(o.group_id)
    for code, mine in sorted(groups.items()):
        if len(mine) != 1:
            continue
        matches = find_groups(
            season,
            plan,
            profile_from_client(season.client[code]),
            member_of=mine,
            taken={g: s.taken for g, s in seats.items()},
            waiting={g: s.waiting for g, s in seats.items()},
        )
        for m in matches:
            if m.suitable and not m.full and not m.member and seats[m.group_id].taken < 4:
                return code, next(iter(mine)), m.group_id
    raise AssertionError("no client in the sample can move")


def open_client(at: AppTest, code: str) -> AppTest:
    at.switch_page(common.PAGE_FILES["find"]).run()
    at.selectbox(key="find_client").set_value(code).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_a_worker_moves_a_client_on_the_find_page(signed_in, live_url, monkeypatch) -> None:
    code, old, new = client_with_a_move(live_url)
    at = app_as(live_url, monkeypatch, person("worker@hyvil.fi", access.WORKER))
    open_client(at, code)
    assert t("places.title", "en") in [s.value for s in at.subheader]
    at.selectbox(key=f"places_target_{old}").set_value(new).run()
    at.button(key=f"places_move_{old}").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(f"moved from {old}" in s.value for s in at.success)
    with Store.open(live_url) as store:
        live = Enrolments(store)
        assert code in live.participants(new) and code not in live.participants(old)
        event = store.events(limit=1)[0]
    assert (event["actor"], event["action"]) == ("worker@hyvil.fi", "enrolment.move")


def test_a_worker_ends_a_place_with_a_reason(signed_in, live_url, monkeypatch) -> None:
    code, old, _ = client_with_a_move(live_url)
    at = app_as(live_url, monkeypatch, person("worker@hyvil.fi", access.WORKER))
    open_client(at, code)
    at.selectbox(key=f"places_reason_{old}").set_value("studies").run()
    at.text_input(key=f"places_note_{old}").input("starts in August").run()
    at.button(key=f"places_end_{old}").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("ended" in s.value and "studies" in s.value for s in at.success)
    with Store.open(live_url) as store:
        history = Enrolments(store).client_history(code)
    ended = next(h for h in history if h["group_id"] == old)
    assert (ended["status"], ended["reason"], ended["follow_up"]) == (
        "cancelled",
        "studies",
        "studies",
    )
    assert ended["note"] == "starts in August" and ended["ended_by"] == "worker@hyvil.fi"


@pytest.mark.parametrize("role", [access.READ_ONLY, access.LEADER])
def test_other_roles_get_no_place_actions(signed_in, live_url, monkeypatch, role) -> None:
    at = app_as(live_url, monkeypatch, person("x@hyvil.fi", role, staff_id="S-001"))
    assert not at.exception
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(common.PAGE_FILES["find"])  # not among their pages
    assert not [b for b in at.button if str(b.key).startswith("places_")]


def test_a_move_is_refused_at_the_action_when_the_role_is_gone(live_url, monkeypatch) -> None:
    """The server checks the role again when the button's callback runs, not only when the
    page was drawn."""
    from planner.ui import places_panel

    code, old, new = client_with_a_move(live_url)
    state = {f"places_target_{old}": new}
    monkeypatch.setattr(places_panel.st, "session_state", state)
    monkeypatch.setattr(places_panel.auth, "allowed", lambda action: False)
    with Store.open(live_url) as store:
        places_panel.move_place(store, store.live_season_id(), code, old)
        assert code in Enrolments(store).participants(old)
    assert state[places_panel.RESULT_KEY]["kind"] == "denied"


def test_the_chosen_client_stays_chosen_across_pages(live_url, monkeypatch) -> None:
    monkeypatch.setenv("PLANNER_DB_URL", live_url)
    code, _, _ = client_with_a_move(live_url)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S).run()
    open_client(at, code)
    at.toggle(key="find_show_failed").set_value(True).run()
    at.switch_page(common.PAGE_FILES["calendar"]).run()
    at.switch_page(common.PAGE_FILES["groups"]).run()
    at.switch_page(common.PAGE_FILES["find"]).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.selectbox(key="find_client").value == code
    assert at.toggle(key="find_show_failed").value is True
    assert t("places.title", "fi") in [s.value for s in at.subheader]


@pytest.fixture
def signed_in(monkeypatch):
    monkeypatch.delenv("PLANNER_SINGLE_USER", raising=False)


def test_the_counsellor_reads_the_leaders_summary_others_do_not(
    signed_in, live_url, monkeypatch
) -> None:
    from planner.store import GroupRecords

    code, group, _ = client_with_a_move(live_url)
    with Store.open(live_url) as store:
        counsellor = store.load_season().client[code].counsellor
        GroupRecords(store).write_summary(group, code, "Joined every week; *keen*.", "leader@x")
    own = app_as(live_url, monkeypatch, person("w@x", access.WORKER, staff_id=counsellor))
    open_client(own, code)
    summaries = [e for e in own.expander if group in e.label]
    assert summaries and "Joined every week; *keen*." in [x.value for x in own.text]
    other = app_as(live_url, monkeypatch, person("v@x", access.WORKER, staff_id="S-NOBODY"))
    open_client(other, code)
    assert "Joined every week; *keen*." not in [x.value for x in other.text]


def test_a_described_man_interested_in_mens_groups_sees_mens_groups(live_url, monkeypatch) -> None:
    """No audience said is unknown, not "none": the men's peer group of his town is offered,
    saying whom it is for."""
    monkeypatch.setenv("PLANNER_DB_URL", live_url)
    with Store.open(live_url) as store:
        season = store.load_season()
    group = next(g for g in season.groups if g.audience == "men" and g.language == "fi")
    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S).run()
    at.segmented_control(key="lang").set_value("en").run()
    at.switch_page(common.PAGE_FILES["find"]).run()
    at.segmented_control(key="find_mode").set_value("describe").run()
    at.selectbox(key="find_municipality_en").set_value(group.municipality)
    at.multiselect(key="find_interests_en").set_value([group.theme])
    at.segmented_control(key="find_travel").set_value("car").run()
    assert not at.exception, [e.value for e in at.exception]
    cards = [m.value for m in at.main.markdown if m.value.startswith(f"**{group.group_id} ")]
    assert cards, f"{group.group_id} not offered"
    assert any("meant for" in m.value for m in at.main.markdown)


def test_a_described_client_is_added_and_picked_ready_to_enrol(live_url, monkeypatch) -> None:
    monkeypatch.setenv("PLANNER_DB_URL", live_url)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S).run()
    at.segmented_control(key="lang").set_value("en").run()
    at.switch_page(common.PAGE_FILES["find"]).run()
    at.segmented_control(key="find_mode").set_value("describe").run()
    at.selectbox(key="find_municipality_en").set_value("078")
    at.multiselect(key="find_languages_en").set_value(["sv"])
    at.segmented_control(key="find_travel").set_value("car").run()
    at.text_input(key="client_add_client_code_en").input("C-77001")
    with Store.open(live_url) as store:
        counsellor = store.load_season().staff[0].staff_id
    at.selectbox(key="client_add_counsellor_en").set_value(counsellor)
    at.button(key="FormSubmitter:client_add_form-" + t("clients.add.submit", "en")).click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.segmented_control(key="find_mode").value == "client"
    assert at.selectbox(key="find_client").value == "C-77001"
    assert any("C-77001 was added" in s.value for s in at.success)
    with Store.open(live_url) as store:
        added = store.load_season().client["C-77001"]
    assert (added.municipality, added.languages, added.travel) == ("078", ("sv",), "car")
    assert [b for b in at.button if str(b.key).startswith("find_enrol_")], "ready to enrol"


def test_a_described_client_can_start_from_a_postal_area(live_url, monkeypatch) -> None:
    """A postal code in the description places the trips at its area's centre (and goes into
    the new client's row); one that is not five digits is said, in the page's language."""
    monkeypatch.setenv("PLANNER_DB_URL", live_url)
    with Store.open(live_url) as store:
        season = store.load_season()
    area = next(a for a in season.postal_areas if a.postal_code == "10600")  # Ekenäs
    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S).run()
    at.segmented_control(key="lang").set_value("sv").run()
    at.switch_page(common.PAGE_FILES["find"]).run()
    at.segmented_control(key="find_mode").set_value("describe").run()
    at.selectbox(key="find_municipality_sv").set_value("710")
    at.multiselect(key="find_languages_sv").set_value(["sv"]).run()
    at.text_input(key="find_postal").input(area.postal_code).run()
    assert not at.exception, [e.value for e in at.exception]
    form = [x for x in at.text_input if str(x.key).startswith("client_add_")]
    assert [x.value for x in form if str(x.key).endswith("_postal_code_sv")] == ["10600"]
    at.text_input(key="find_postal").input("1060").run()
    assert t("find.postal_code_bad", "sv") in [w.value for w in at.warning]
