"""One group by hand (`planner.store.pins`): a checked edit is stored as the group's pins and a
new draft plan with one audit event; an edit that breaks a rule is refused with the rule named
and nothing changes; participants who can no longer attend leave the draft and are listed;
the live offering is not touched; the next re-plan keeps the pins.

The toy is the published toy (`toys.toy_season("published")`, see tests/toys.py) with C04
free on Thursdays only and V3 (Karis, another municipality) closed on Mondays.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from toys import SUMMARY, fresh_database, steady_params, toy_plan, toy_season

from planner.model import Interval, Placement, Plan, Season
from planner.plan_check import plan_problems
from planner.store import Enrolments, PinRefused, Pins, PlanRejected, Store, StoreError
from planner.store.pins import EDIT_STATUS, edit_group

H = 60
G2_WED = (2, 14 * H, "V1", ("S1", "S2"))
"""G2 (Thu 9-12 at V1, C04..C08, S1 and S2) moved to Wednesday 14-17: C04 cannot come."""


def pin_toy() -> Season:
    base = toy_season("published")
    clients = tuple(replace(c, days=(3,)) if c.client_code == "C04" else c for c in base.clients)
    venues = tuple(
        replace(v, open=tuple(Interval(d, 8 * H, 20 * H) for d in (1, 2, 3, 4)))
        if v.venue_id == "V3"
        else v
        for v in base.venues
    )
    return replace(base, clients=clients, venues=venues)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    server = request.getfixturevalue("pg_url") if request.param == "postgres" else None
    with fresh_database(request.param, tmp_path, server) as url:
        yield url


@pytest.fixture
def store(db_url: str) -> Iterator[tuple[Store, int]]:
    """The pin toy imported (the live season) with the toy plan saved and published."""
    with Store.open(db_url) as opened:
        season_id = opened.import_season(pin_toy(), source="toy")
        opened.save_plan(toy_plan(), SUMMARY, season_id=season_id, actor="coordinator")
        Enrolments(opened).publish(actor="coordinator")
        yield opened, season_id


def state(store: Store, season_id: int) -> tuple:
    """Everything a pin may change: plans, the groups' pins, the audit trail, the offering."""
    season = store.load_season(season_id)
    assert season is not None
    pins = {g.group_id: (g.weekday, g.start, g.venue_id, g.leaders) for g in season.groups}
    offering = [
        (o.group_id, o.status, o.taken, tuple(o.leaders)) for o in Enrolments(store).offerings()
    ]
    return (
        len(store.list_plans(season_id)),
        store.load_plan(season_id=season_id),
        pins,
        len(store.events(limit=1000)),
        offering,
    )


# --- a valid pin ---


def test_a_valid_pin_is_saved_as_a_new_draft_plan_with_the_pins_and_one_audit_event(store):
    db, season_id = store
    plans_before = len(db.list_plans(season_id))
    events_before = len(db.events(limit=1000))

    edit = db.pin_group(season_id, "G2", *G2_WED, actor="anna")

    assert edit.ok and edit.plan_id is not None
    assert len(db.list_plans(season_id)) == plans_before + 1
    summary = db.plan_summary(season_id=season_id)
    assert summary["id"] == edit.plan_id and summary["status"] == EDIT_STATUS
    plan = db.load_plan(season_id=season_id)
    assert plan.placement["G2"] == Placement("G2", 2, 14 * H, 17 * H, "V1", ("S1", "S2"))
    assert plan.placement["G1"] == toy_plan().placement["G1"]
    group = db.load_season(season_id).group["G2"]
    assert (group.weekday, group.start, group.venue_id, group.leaders) == G2_WED
    events = db.events(limit=1000)
    assert len(events) == events_before + 2  # the plan's save and the pin
    pin = next(e for e in events if e["action"] == "group.pin")
    assert pin["actor"] == "anna"
    assert pin["detail"]["group_id"] == "G2"
    assert pin["detail"]["old"]["weekday"] == "Thu" and pin["detail"]["new"]["weekday"] == "Wed"
    assert pin["detail"]["new"]["start"] == "14:00" and pin["detail"]["plan_id"] == edit.plan_id
    assert pin["detail"]["left_group"] == 1
    assert "C04" not in str(pin["detail"])  # the trail keeps counts, never client codes
    assert plan_problems(db.load_season(season_id), plan) == []


def test_participants_who_cannot_come_on_the_new_day_leave_the_draft_and_are_listed(store):
    db, season_id = store
    edit = db.pin_group(season_id, "G2", *G2_WED, actor="anna")

    assert edit.dropped == (("C04", "participant_days"),)
    plan = db.load_plan(season_id=season_id)
    assert plan.members["G2"] == ("C05", "C06", "C07", "C08")
    assert ("C04", "G2") not in plan.participants


def test_the_live_offering_is_not_touched_and_the_publish_diff_shows_the_move(store):
    db, season_id = store
    live = Enrolments(db)
    before = [(o.group_id, o.status, o.taken, tuple(o.leaders)) for o in live.offerings()]
    live_plan = live.live_plan()

    db.pin_group(season_id, "G2", *G2_WED, actor="anna")

    after = [(o.group_id, o.status, o.taken, tuple(o.leaders)) for o in live.offerings()]
    assert after == before
    assert live.live_plan() == live_plan
    preview = live.preview()
    assert [c.group_id for c in preview.changed] == ["G2"]
    stranded = {(a.client_code, a.group_id) for a in preview.affected if a.rule}
    assert stranded == {("C04", "G2")}


def test_a_leader_change_alone_keeps_the_time_and_everyone(store):
    db, season_id = store
    now = toy_plan().placement["G2"]
    edit = db.pin_group(season_id, "G2", now.weekday, now.start, now.venue_id, ("S1", "S3"))
    assert edit.ok and edit.dropped == ()
    assert db.load_plan(season_id=season_id).placement["G2"].leaders == ("S1", "S3")


def test_a_pinned_venue_may_be_in_another_municipality(store):
    db, season_id = store
    edit = db.pin_group(season_id, "G2", 3, 9 * H, "V3", ("S1", "S2"), actor="anna")
    assert edit.ok, [str(p) for p in edit.problems]
    assert db.load_plan(season_id=season_id).placement["G2"].venue_id == "V3"


# --- refusals ---


REFUSALS = {
    "venue closed that day": ("G2", (0, 9 * H, "V3", ("S1", "S2")), "venue_open"),
    "leader without the group's language": ("G3", (1, 12 * H, "V2", ("S3",)), "leader_language"),
    "leader busy at that hour": ("G2", (2, 10 * H, "V3", ("S1", "S2")), "person_overlap"),
    "two leaders needed": ("G2", (3, 9 * H, "V1", ("S1",)), "two_leaders"),
    "no qualified staff": ("G1", (2, 10 * H, "V1", ("P1",)), "qualified_leader"),
    "off the half-hour grid": ("G1", (2, 10 * H + 15, "V1", ("S1",)), "session_grid"),
    "unknown venue": ("G1", (2, 10 * H, "V9", ("S1",)), "known_ids"),
}


@pytest.mark.parametrize("case", list(REFUSALS), ids=list(REFUSALS))
def test_a_pin_that_breaks_a_rule_is_refused_by_name_and_nothing_changes(store, case):
    db, season_id = store
    group_id, asked, rule = REFUSALS[case]
    before = state(db, season_id)

    with pytest.raises(PinRefused) as refused:
        db.pin_group(season_id, group_id, *asked, actor="anna")

    assert rule in {p.rule for p in refused.value.problems}
    assert f"[{rule}]" in str(refused.value)
    assert isinstance(refused.value, PlanRejected)
    assert state(db, season_id) == before


def test_too_few_who_can_attend_refuses_the_move_and_lists_who_would_leave():
    season = replace(
        pin_toy(),
        clients=tuple(
            replace(c, days=(2,)) if c.client_code in ("C01", "C02") else c
            for c in pin_toy().clients
        ),
    )
    _, edit = edit_group(season, toy_plan(), "G1", 1, 10 * H, "V1", ("S1",), 30)
    assert {code for code, _ in edit.dropped} == {"C01", "C02"}
    assert [p.rule for p in edit.problems] == ["size"]
    assert not edit.ok


def test_the_preview_changes_nothing_and_says_the_same_as_the_pin(store):
    db, season_id = store
    before = state(db, season_id)
    edit = db.pin_preview(season_id, "G2", *G2_WED)
    assert state(db, season_id) == before
    assert edit.ok and edit.dropped == (("C04", "participant_days"),) and edit.plan_id is None


def test_an_unknown_group_or_season_is_a_store_error(store):
    db, season_id = store
    with pytest.raises(PinRefused, match="known_ids"):
        db.pin_group(season_id, "G99", 0, 10 * H, "V1", ("S1",))
    with pytest.raises(StoreError, match="no season"):
        db.pin_group(season_id + 9, "G1", 0, 10 * H, "V1", ("S1",))


# --- unscheduled groups, unpinning ---


def test_an_unscheduled_group_gets_its_pins_and_the_plan_stays(store):
    db, season_id = store
    plan = toy_plan()
    without_g1 = replace(
        plan,
        placements=plan.placements[1:],
        participants=tuple(p for p in plan.participants if p[1] != "G1"),
    )
    db.save_plan(without_g1, SUMMARY, season_id=season_id)
    plans = len(db.list_plans(season_id))

    edit = db.pin_group(season_id, "G1", 0, 10 * H, "V1", ("S1",), actor="anna")

    assert edit.ok and edit.plan_id is None and edit.before is None
    assert len(db.list_plans(season_id)) == plans
    assert db.load_season(season_id).group["G1"].weekday == 0
    with pytest.raises(PinRefused, match="venue_open"):
        db.pin_group(season_id, "G1", 0, 19 * H, "V1", ("S1",))


def test_unpinning_removes_the_pins_and_keeps_the_plan(store):
    db, season_id = store
    db.pin_group(season_id, "G2", *G2_WED, actor="anna")
    plan = db.load_plan(season_id=season_id)
    plans = len(db.list_plans(season_id))

    before = db.unpin_group(season_id, "G2", actor="anna")

    assert before == Pins(*G2_WED)
    group = db.load_season(season_id).group["G2"]
    assert (group.weekday, group.start, group.venue_id, group.leaders) == (None, None, None, ())
    assert db.load_plan(season_id=season_id) == plan
    assert len(db.list_plans(season_id)) == plans
    assert db.events(limit=1)[0]["action"] == "group.unpin"
    assert not db.unpin_group(season_id, "G2").any  # again: nothing to remove, no event
    assert db.events(limit=1)[0]["action"] == "group.unpin"


# --- kept by the next re-plan ---


def test_the_next_replan_keeps_the_pinned_group(store):
    from planner.solve import solve

    db, season_id = store
    db.pin_group(season_id, "G2", *G2_WED, actor="anna")
    season = db.load_season(season_id)
    previous = Enrolments(db).live_plan()

    result = solve(season, steady_params(), previous=previous)

    placed = result.plan.placement["G2"]
    assert (placed.weekday, placed.start, placed.venue_id) == G2_WED[:3]
    assert set(placed.leaders) == set(G2_WED[3])
    assert ("C04", "G2") not in result.plan.participants
    db.save_plan(result.plan, {"status": result.status}, season_id=season_id)  # the gate agrees


def test_a_plan_that_moves_a_pinned_group_is_refused_by_the_gate(store):
    db, season_id = store
    db.pin_group(season_id, "G2", *G2_WED, actor="anna")
    with pytest.raises(PlanRejected, match="pins"):
        db.save_plan(toy_plan(), SUMMARY, season_id=season_id)


# --- property: refused and unchanged, or saved and valid ---

KEEP = "keep"
"""An edit's venue or leaders as the current plan has them (most random edits break a rule)."""
EDITS = st.tuples(
    st.sampled_from(["G1", "G2", "G3", "G4"]),
    st.integers(0, 4),
    st.sampled_from([8 * H, 9 * H, 10 * H, 12 * H + 30, 14 * H, 17 * H, 18 * H + 30]),
    st.one_of(st.just(KEEP), st.sampled_from(["V1", "V2", "V3", None])),
    st.one_of(
        st.just(KEEP),
        st.lists(st.sampled_from(["S1", "S2", "S3", "P1"]), min_size=0, max_size=2, unique=True),
    ),
)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(edits=st.lists(EDITS, min_size=1, max_size=3))
def test_random_edits_are_refused_and_change_nothing_or_saved_and_valid(tmp_path_factory, edits):
    url = f"sqlite:///{tmp_path_factory.mktemp('pins') / 'planner.sqlite3'}"
    with Store.open(url) as db:
        season_id = db.import_season(pin_toy(), source="toy")
        db.save_plan(toy_plan(), SUMMARY, season_id=season_id)
        for group_id, weekday, start, venue_id, leaders in edits:
            before = state(db, season_id)
            now = before[1].placement[group_id]
            venue_id = now.venue_id if venue_id == KEEP else venue_id
            leaders = now.leaders if leaders == KEEP else leaders
            try:
                edit = db.pin_group(season_id, group_id, weekday, start, venue_id, leaders)
            except PinRefused as refused:
                event("refused")
                assert refused.problems
                assert state(db, season_id) == before
                continue
            event("saved")
            season, plan = db.load_season(season_id), db.load_plan(season_id=season_id)
            assert plan_problems(season, plan) == []
            assert plan.placement[group_id] == edit.after
            group = season.group[group_id]
            assert (group.weekday, group.start, group.venue_id) == (weekday, start, venue_id)
            kept = {c for c, g in before[1].participants if g == group_id}
            assert kept - set(plan.members[group_id]) == {c for c, _ in edit.dropped}


def test_edit_group_is_pure_and_leaves_other_groups_alone():
    season, plan = pin_toy(), toy_plan()
    new_season, edit = edit_group(season, plan, "G2", *G2_WED, 30)
    assert season.group["G2"].weekday is None  # the input season is not changed
    assert new_season.group["G2"].weekday == 2
    assert isinstance(edit.plan, Plan)
    others = [p for p in edit.plan.placements if p.group_id != "G2"]
    assert others == [p for p in plan.placements if p.group_id != "G2"]
    assert edit.plan.remote == plan.remote
