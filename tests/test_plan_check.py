"""The independent plan validator: a valid toy plan passes, and each rule catches its own breach.

Every rule test breaks exactly one rule of an otherwise valid plan and asserts that this rule,
and only this one, is reported. `@breaks("rule")` registers the test for the meta-test and
checks that the test really asserted that rule (not a copy-pasted other one).
"""

from __future__ import annotations

import datetime as dt
import functools
import sys
import types
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
import toys
from conftest import SAMPLE_DIR
from hypothesis import given
from hypothesis import strategies as st

from planner import rules
from planner.io.limits import MAX_FILE_BYTES
from planner.io.problems import ImportReport
from planner.model import (
    Client,
    Group,
    Interval,
    Municipality,
    Partner,
    Placement,
    Plan,
    Season,
    Staff,
    Unscheduled,
    Venue,
)
from planner.plan_check import (
    PLAN_RULES,
    PlanFileError,
    PlanProblem,
    assert_plan_valid,
    main,
    plan_problems,
    read_plan_files,
)

MON, TUE, WED, THU, FRI = range(5)
ALL_DAYS = (MON, TUE, WED, THU, FRI)
ESPOO, HANKO, KAUNIAINEN = "049", "078", "235"


def h(hours: float) -> int:
    return round(hours * 60)


# The validator's toy, built with the shared builders of tests/toys.py; these wrappers only
# fix what this file's season has in common (ids as names, 12-seat one-room venues open
# 8-18, staff based at V-ESP with 20 h, counsellor S-BO, 12-week groups).


def office_hours(until: float = 18) -> tuple[Interval, ...]:
    return toys.office_hours(ALL_DAYS, h(8), h(until))


def venue(vid: str, municipality: str, lat: float, lon: float, **kw: object) -> Venue:
    fixed: dict = dict(name=vid, address="", lat=lat, lon=lon, capacity=12, rooms=1)
    return toys.venue(vid, municipality, **{**fixed, "open": office_hours(), **kw})


def staff(sid: str, qualified: bool, languages: tuple[str, ...], **kw: object) -> Staff:
    fixed: dict = dict(name=sid, qualified=qualified, languages=languages, max_group_hours=20.0)
    return toys.staff(sid, "V-ESP", **{**fixed, **kw})


def partner(pid: str, languages: tuple[str, ...], municipalities: tuple[str, ...]) -> Partner:
    return toys.partner(
        pid,
        name=pid,
        organisation="Yhdistys ry",
        languages=languages,
        municipalities=municipalities,
    )


def group(gid: str, municipality: str, language: str, hours: float, **kw: object) -> Group:
    fixed: dict = dict(name=gid, municipality=municipality, language=language, hours=hours)
    return toys.group(gid, **{**fixed, "weeks": 12, **kw})


def client(code: str, municipality: str, languages: tuple[str, ...], **kw: object) -> Client:
    fixed: dict = dict(
        municipality=municipality, languages=languages, interests=(), counsellor="S-BO"
    )
    return toys.client(code, **{**fixed, **kw})


ESPOO_FI = tuple(f"C-0{i}" for i in range(1, 7))
HANKO_SV = ("H-1", "H-2", "H-3")
YOUNG = ("Y-1", "Y-2", "Y-3")


@pytest.fixture
def season() -> Season:
    """Three groups: G-1 in Espoo (fi, 3 h), G-2 in Hanko (sv, 2 h), G-3 hybrid for the young
    in Espoo (fi, 2 h); G-4 is left unscheduled. Hanko is 140 min by car from Espoo."""
    return Season(
        municipalities=(
            Municipality(ESPOO, "Espoo", "Esbo", 60.2055, 24.6559),
            Municipality(HANKO, "Hanko", "Hangö", 59.8236, 22.9508),
            Municipality(KAUNIAINEN, "Kauniainen", "Grankulla", 60.2108, 24.7290),
        ),
        venues=(
            venue("V-ESP", ESPOO, 60.2055, 24.6659),
            venue("V-ESP2", ESPOO, 60.2100, 24.6600, accessible=False),
            venue("V-HAN", HANKO, 59.8236, 22.9700),
            venue("V-KAU", KAUNIAINEN, 60.2108, 24.7290),
        ),
        staff=(
            staff("S-ANNA", True, ("fi", "sv")),
            staff("S-BO", True, ("fi",)),
        ),
        partners=(
            partner("P-PIA", ("fi",), (ESPOO,)),
            partner("P-PEKKA", ("fi", "sv"), (ESPOO, HANKO)),
        ),
        groups=(
            group("G-1", ESPOO, "fi", 3),
            group("G-2", HANKO, "sv", 2),
            group("G-3", ESPOO, "fi", 2, audience="young", mode="hybrid", max_size=8),
            group("G-4", ESPOO, "fi", 2),
        ),
        clients=(
            *(client(c, ESPOO, ("fi",)) for c in ESPOO_FI),
            *(client(c, HANKO, ("sv",)) for c in HANKO_SV),
            *(client(c, ESPOO, ("fi",), audience=("young",)) for c in YOUNG),
            client("C-SPARE", ESPOO, ("fi",)),
            client("C-SV", ESPOO, ("sv",)),
            client("C-NOT-MON", ESPOO, ("fi",), days=(TUE, WED, THU, FRI)),
            client("H-FI", HANKO, ("fi",), audience=("young",)),
            client("C-WHEEL", ESPOO, ("fi",), audience=("young",), needs_accessible=True),
        ),
    )


@pytest.fixture
def plan() -> Plan:
    """Valid: G-1 Mon 9-12 at V-ESP with S-BO and partner P-PIA for six; G-2 Tue 10-12 in Hanko
    with S-ANNA alone for three; G-3 Wed 13-15 at V-ESP2 with S-BO for three."""
    return Plan(
        placements=(
            Placement("G-1", MON, h(9), h(12), "V-ESP", ("S-BO", "P-PIA")),
            Placement("G-2", TUE, h(10), h(12), "V-HAN", ("S-ANNA",)),
            Placement("G-3", WED, h(13), h(15), "V-ESP2", ("S-BO",)),
        ),
        participants=(
            *((c, "G-1") for c in ESPOO_FI),
            *((c, "G-2") for c in HANKO_SV),
            *((c, "G-3") for c in YOUNG),
        ),
        unscheduled=(Unscheduled("G-4", "no leader free"),),
    )


# --- Helpers that change one thing ---


def moved(plan: Plan, gid: str, **changes: object) -> Plan:
    placements = tuple(replace(p, **changes) if p.group_id == gid else p for p in plan.placements)
    return replace(plan, placements=placements)


def consenting(season: Season, *codes: str) -> Season:
    """The season with these clients agreed to take part remotely."""
    for code in codes:
        season = changed(season, code, remote=True)
    return season


def remote_in(plan: Plan, gid: str, *codes: str) -> Plan:
    """The plan with these participants of `gid` taking part remotely."""
    return replace(plan, remote=(*plan.remote, *((c, gid) for c in codes)))


def with_members(plan: Plan, gid: str, codes: tuple[str, ...]) -> Plan:
    kept = tuple((c, g) for c, g in plan.participants if g != gid)
    return replace(plan, participants=kept + tuple((c, gid) for c in codes))


def changed(season: Season, ident: str, **changes: object) -> Season:
    """The season with one venue, person, group or client changed."""
    tables = ("venues", "staff", "partners", "groups", "clients")
    ids = ("venue_id", "person_id", "person_id", "group_id", "client_code")
    new = {}
    for table, id_attr in zip(tables, ids, strict=True):
        rows = getattr(season, table)
        new[table] = tuple(
            replace(r, **changes) if getattr(r, id_attr) == ident else r for r in rows
        )
    return replace(season, **new)


def broken_rules(season: Season, plan: Plan, allowance_min: int = 30) -> set[str]:
    return {p.rule for p in plan_problems(season, plan, allowance_min)}


RULE_TESTS: dict[str, str] = {}
"""Test name -> the rule it breaks (for the meta-test)."""
_asserted: list[str] = []


def breaks(rule: str) -> Callable:
    """Register a test as the test of `rule`, and fail it if it asserted another rule."""
    assert rule in PLAN_RULES, rule

    def register(test: Callable) -> Callable:
        RULE_TESTS[test.__name__] = rule

        @functools.wraps(test)
        def run(*args: object, **kwargs: object) -> None:
            _asserted.clear()
            test(*args, **kwargs)
            assert _asserted and set(_asserted) == {rule}, (
                f"{test.__name__} is registered for {rule!r} but asserted {_asserted}"
            )

        return run

    return register


def assert_only(rule: str, season: Season, plan: Plan, allowance_min: int = 30) -> None:
    _asserted.append(rule)
    problems = plan_problems(season, plan, allowance_min)
    assert {p.rule for p in problems} == {rule}, [str(p) for p in problems]


# --- The valid plan ---


def test_valid_toy_plan_has_no_problems(season: Season, plan: Plan) -> None:
    assert plan_problems(season, plan) == []
    assert_plan_valid(season, plan)


def test_empty_plan_is_valid(season: Season) -> None:
    assert plan_problems(season, Plan((), ())) == []


def test_problem_reads_as_one_line_with_the_handbook_source(season: Season, plan: Plan) -> None:
    problems = plan_problems(season, moved(plan, "G-1", leaders=("S-BO",)))
    assert [str(p) for p in problems] == [
        "G-1: 6 participants but only 1 leader; two leaders from 5 participants "
        "(handbook l. 363-364)"
    ]


def test_assert_plan_valid_lists_every_problem(season: Season, plan: Plan) -> None:
    bad = moved(moved(plan, "G-1", leaders=("S-BO",)), "G-2", start=h(10.25), end=h(12.25))
    with pytest.raises(AssertionError) as raised:
        assert_plan_valid(season, bad)
    text = str(raised.value)
    assert "2 rule(s)" in text
    assert "[two_leaders] G-1" in text
    assert "[session_grid] G-2" in text


def test_every_rule_has_a_name_and_a_source() -> None:
    for key, rule in PLAN_RULES.items():
        assert rule.key == key
        assert rule.name and rule.source


# --- Ids ---


@breaks("known_ids")
@pytest.mark.parametrize(
    "change",
    [
        lambda p: moved(p, "G-1", leaders=("S-BO", "X-404")),
        lambda p: moved(p, "G-3", venue_id="V-404"),
        lambda p: with_members(p, "G-2", ("H-1", "H-2", "C-404")),
        lambda p: replace(
            p, placements=(*p.placements, Placement("G-404", FRI, h(9), h(11), None, ("S-ANNA",)))
        ),
        lambda p: replace(p, participants=(*p.participants, ("C-SPARE", "G-404"))),
        lambda p: replace(p, unscheduled=(Unscheduled("G-404", "?"),)),
    ],
    ids=["person", "venue", "client", "placed group", "participant group", "unscheduled group"],
)
def test_unknown_ids_are_problems_not_exceptions(
    season: Season, plan: Plan, change: Callable[[Plan], Plan]
) -> None:
    assert_only("known_ids", season, change(plan))


# --- 1. Session ---


@breaks("session_grid")
def test_session_starting_off_the_half_hour_is_rejected(season: Season, plan: Plan) -> None:
    assert_only("session_grid", season, moved(plan, "G-1", start=h(9.25), end=h(12.25)))


@breaks("session_length")
def test_session_shorter_than_the_group_meets_is_rejected(season: Season, plan: Plan) -> None:
    assert_only("session_length", season, moved(plan, "G-1", end=h(11)))


@breaks("session_length")
def test_session_under_two_hours_is_rejected_even_if_the_group_says_so(
    season: Season, plan: Plan
) -> None:
    short = changed(season, "G-2", hours=1.5)
    assert_only("session_length", short, moved(plan, "G-2", end=h(11.5)))


@breaks("one_placement")
def test_group_placed_twice_a_week_is_rejected(season: Season, plan: Plan) -> None:
    again = Placement("G-3", THU, h(13), h(15), "V-ESP2", ("S-BO",))
    assert_only("one_placement", season, replace(plan, placements=(*plan.placements, again)))


@breaks("one_placement")
def test_group_both_placed_and_unscheduled_is_rejected(season: Season, plan: Plan) -> None:
    listed = replace(plan, unscheduled=(*plan.unscheduled, Unscheduled("G-1", "?")))
    assert_only("one_placement", season, listed)


@breaks("term")
def test_theme_group_placed_without_a_term_is_rejected(season: Season, plan: Plan) -> None:
    assert_only("term", changed(season, "G-1", kind="theme", weeks=None), plan)


def test_pop_up_group_placed_without_a_term_is_fine(season: Season, plan: Plan) -> None:
    assert broken_rules(changed(season, "G-1", kind="popup", weeks=None), plan) == set()


@breaks("pins")
@pytest.mark.parametrize(
    "pin",
    [dict(weekday=TUE), dict(start=h(10)), dict(venue_id="V-ESP2"), dict(leaders=("S-ANNA",))],
    ids=["weekday", "start", "venue", "leader"],
)
def test_placement_that_ignores_a_pin_is_rejected(
    season: Season, plan: Plan, pin: dict[str, object]
) -> None:
    assert_only("pins", changed(season, "G-1", **pin), plan)


def test_placement_that_keeps_its_pins_is_fine(season: Season, plan: Plan) -> None:
    pinned = changed(season, "G-1", weekday=MON, start=h(9), venue_id="V-ESP", leaders=("P-PIA",))
    assert plan_problems(pinned, plan) == []


# --- 2. Venue ---


@breaks("venue_mode")
def test_hybrid_group_without_a_venue_is_rejected(season: Season, plan: Plan) -> None:
    assert_only("venue_mode", season, moved(plan, "G-3", venue_id=None))


@breaks("venue_mode")
def test_remote_group_at_a_venue_is_rejected(season: Season, plan: Plan) -> None:
    remote = consenting(changed(season, "G-3", mode="remote"), *YOUNG)
    online = remote_in(plan, "G-3", *YOUNG)
    assert_only("venue_mode", remote, online)
    assert plan_problems(remote, moved(online, "G-3", venue_id=None)) == []


@breaks("venue_municipality")
def test_venue_in_another_municipality_is_rejected(season: Season, plan: Plan) -> None:
    assert_only("venue_municipality", season, moved(plan, "G-1", venue_id="V-KAU"))


def test_pinned_venue_in_another_municipality_is_fine(season: Season, plan: Plan) -> None:
    pinned = changed(season, "G-1", venue_id="V-KAU")
    assert plan_problems(pinned, moved(plan, "G-1", venue_id="V-KAU")) == []


@breaks("venue_open")
def test_session_when_the_venue_is_closed_is_rejected(season: Season, plan: Plan) -> None:
    assert_only("venue_open", season, moved(plan, "G-1", start=h(16), end=h(19)))


@breaks("venue_rooms")
def test_two_groups_in_a_one_room_venue_at_once_are_rejected(season: Season, plan: Plan) -> None:
    together = moved(
        plan, "G-3", weekday=MON, start=h(10), end=h(12), venue_id="V-ESP", leaders=("S-ANNA",)
    )
    assert_only("venue_rooms", season, together)
    assert plan_problems(changed(season, "V-ESP", rooms=2), together) == []


def test_back_to_back_groups_in_a_one_room_venue_are_fine(season: Season, plan: Plan) -> None:
    after = moved(
        plan, "G-3", weekday=MON, start=h(12), end=h(14), venue_id="V-ESP", leaders=("S-ANNA",)
    )
    assert plan_problems(season, after) == []


# --- 3. Capacity and accessibility ---


@breaks("capacity")
def test_more_people_than_the_venue_holds_is_rejected(season: Season, plan: Plan) -> None:
    assert_only("capacity", changed(season, "V-ESP", capacity=7), plan)
    assert plan_problems(changed(season, "V-ESP", capacity=8), plan) == []


@breaks("accessible")
def test_client_needing_access_at_an_inaccessible_venue_is_rejected(
    season: Season, plan: Plan
) -> None:
    wheel = changed(season, "C-01", needs_accessible=True)
    assert_only("accessible", wheel, moved(plan, "G-1", venue_id="V-ESP2"))


@breaks("accessible")
def test_client_needing_access_on_site_in_a_hybrid_group_at_an_inaccessible_venue_is_rejected(
    season: Season, plan: Plan
) -> None:
    assert_only("accessible", season, with_members(plan, "G-3", (*YOUNG, "C-WHEEL")))


def test_client_needing_access_who_agreed_may_join_a_hybrid_group_remotely(
    season: Season, plan: Plan
) -> None:
    joined = remote_in(with_members(plan, "G-3", (*YOUNG, "C-WHEEL")), "G-3", "C-WHEEL")
    assert plan_problems(consenting(season, "C-WHEEL"), joined) == []


# --- 4. Size ---


@breaks("size")
def test_group_below_its_minimum_is_rejected(season: Season, plan: Plan) -> None:
    assert_only("size", season, with_members(plan, "G-2", ("H-1", "H-2")))


def test_drop_in_pop_up_group_without_participants_passes(season: Season, plan: Plan) -> None:
    """A drop-in pop-up has no enrolment minimum (l. 355, 366): nobody placed is valid."""
    popup = changed(season, "G-2", kind="popup", drop_in=True, max_size=4)
    assert plan_problems(popup, with_members(plan, "G-2", ())) == []


@breaks("drop_in")
def test_drop_in_pop_up_group_with_participants_is_rejected(season: Season, plan: Plan) -> None:
    """Nobody is placed in a drop-in group, however few (l. 355)."""
    popup = changed(season, "G-2", kind="popup", drop_in=True, max_size=4)
    with_two = with_members(plan, "G-2", ("H-1", "H-2"))
    assert_only("drop_in", popup, with_two)
    (problem,) = plan_problems(popup, with_two)
    assert problem.subject == "G-2" and "H-1, H-2" in problem.message
    assert "drop-in" in str(problem)
    assert "pop up -ryhmään" in rules.rule_label("drop_in", "fi")
    assert "pop up-grupp" in rules.rule_label("drop_in", "sv")


def test_a_drop_in_group_open_to_five_or_more_needs_two_leaders(season: Season, plan: Plan) -> None:
    """Leaders follow the persons present (l. 363-364): a plan expects the maximum size."""
    popup = changed(season, "G-2", kind="popup", drop_in=True, max_size=5)
    problems = plan_problems(popup, with_members(plan, "G-2", ()))
    assert [(p.rule, p.message) for p in problems] == [
        ("two_leaders", "open to 5 visitors but only 1 leader")
    ]


def test_a_drop_in_group_needs_room_for_the_visitors_it_is_open_to(
    season: Season, plan: Plan
) -> None:
    popup = changed(season, "G-2", kind="popup", drop_in=True, max_size=4)
    small = changed(popup, "V-HAN", capacity=4)  # four visitors and a leader do not fit
    problems = plan_problems(small, with_members(plan, "G-2", ()))
    assert [(p.rule, p.message) for p in problems] == [
        ("capacity", "open to 4 visitors with 1 leader at V-HAN, which holds 4")
    ]
    assert plan_problems(changed(popup, "V-HAN", capacity=5), with_members(plan, "G-2", ())) == []


def test_a_pop_up_group_with_enrolment_still_needs_three(season: Season, plan: Plan) -> None:
    popup = changed(season, "G-2", kind="popup")
    assert_only("size", popup, with_members(plan, "G-2", ("H-1", "H-2")))


@breaks("size")
def test_group_above_its_maximum_is_rejected(season: Season, plan: Plan) -> None:
    assert_only("size", changed(season, "G-1", max_size=5), plan)


# --- 5. Leaders ---


@breaks("two_leaders")
def test_group_of_six_with_one_leader_is_rejected(season: Season, plan: Plan) -> None:
    assert_only("two_leaders", season, moved(plan, "G-1", leaders=("S-BO",)))


def test_group_of_four_with_one_leader_is_fine(season: Season, plan: Plan) -> None:
    four = with_members(moved(plan, "G-1", leaders=("S-BO",)), "G-1", ESPOO_FI[:4])
    assert plan_problems(season, four) == []


@breaks("two_leaders")
def test_group_with_three_leaders_is_rejected(season: Season, plan: Plan) -> None:
    assert_only("two_leaders", season, moved(plan, "G-1", leaders=("S-BO", "P-PIA", "S-ANNA")))


@breaks("qualified_leader")
def test_two_partners_leading_together_is_rejected(season: Season, plan: Plan) -> None:
    assert_only("qualified_leader", season, moved(plan, "G-1", leaders=("P-PIA", "P-PEKKA")))


@breaks("qualified_leader")
def test_unqualified_staff_leading_alone_is_rejected(season: Season, plan: Plan) -> None:
    assert_only("qualified_leader", changed(season, "S-ANNA", qualified=False), plan)


@breaks("leader_language")
def test_leader_without_swedish_in_a_swedish_group_is_rejected(season: Season, plan: Plan) -> None:
    assert_only("leader_language", season, moved(plan, "G-2", leaders=("S-BO",)))


@breaks("leader_days")
def test_leader_on_a_day_off_is_rejected(season: Season, plan: Plan) -> None:
    assert_only("leader_days", changed(season, "S-ANNA", days=(MON, WED, THU, FRI)), plan)


@breaks("partner_municipality")
def test_partner_leading_outside_their_municipalities_is_rejected(
    season: Season, plan: Plan
) -> None:
    assert_only("partner_municipality", changed(season, "P-PIA", municipalities=(HANKO,)), plan)


# --- 6. People ---


@breaks("person_overlap")
def test_one_person_leading_two_sessions_at_once_is_rejected(season: Season, plan: Plan) -> None:
    assert_only("person_overlap", season, moved(plan, "G-3", weekday=MON, start=h(11), end=h(13)))


@breaks("travel_gap")
def test_too_little_time_to_drive_from_hanko_to_espoo_is_rejected(
    season: Season, plan: Plan
) -> None:
    # Hanko to Espoo takes 140 min by car; an hour is not enough.
    same_day = moved(plan, "G-3", weekday=TUE, start=h(13), end=h(15), leaders=("S-ANNA",))
    assert_only("travel_gap", season, same_day)
    later = moved(same_day, "G-3", start=h(15), end=h(17))
    assert plan_problems(season, later) == []


@breaks("travel_gap")
def test_staff_without_a_car_need_the_transit_time(season: Season, plan: Plan) -> None:
    # By transit the same trip takes 285 min: three hours is enough by car only.
    later = moved(plan, "G-3", weekday=TUE, start=h(15), end=h(17), leaders=("S-ANNA",))
    assert_only("travel_gap", changed(season, "S-ANNA", car=False), later)


def test_remote_session_needs_no_travel_gap(season: Season, plan: Plan) -> None:
    remote = consenting(changed(season, "G-3", mode="remote"), *YOUNG)
    same_day = moved(
        remote_in(plan, "G-3", *YOUNG),
        "G-3",
        weekday=TUE,
        start=h(12),
        end=h(14),
        venue_id=None,
        leaders=("S-ANNA",),
    )
    assert plan_problems(remote, same_day) == []


@breaks("weekly_hours")
def test_weekly_hours_count_the_allowance_around_each_session(season: Season, plan: Plan) -> None:
    # S-BO leads 3 h + 2 h; with 30 min around each session that is 6 h, over 5.5 h.
    capped = changed(season, "S-BO", max_group_hours=5.5)
    assert_only("weekly_hours", capped, plan)
    assert plan_problems(capped, plan, allowance_min=0) == []


# --- 7. Participants ---


@breaks("participant_language")
def test_client_without_the_group_language_is_rejected(season: Season, plan: Plan) -> None:
    assert_only("participant_language", season, with_members(plan, "G-1", (*ESPOO_FI[:5], "C-SV")))


@breaks("participant_audience")
def test_client_outside_the_target_audience_is_rejected(season: Season, plan: Plan) -> None:
    assert_only(
        "participant_audience", season, with_members(plan, "G-3", ("Y-1", "Y-2", "C-SPARE"))
    )


@breaks("participant_days")
def test_client_in_a_group_on_a_day_they_cannot_come_is_rejected(
    season: Season, plan: Plan
) -> None:
    assert_only("participant_days", season, with_members(plan, "G-1", (*ESPOO_FI[:5], "C-NOT-MON")))


@breaks("participant_travel")
def test_client_too_far_from_an_in_person_group_is_rejected(season: Season, plan: Plan) -> None:
    assert_only("participant_travel", season, with_members(plan, "G-1", (*ESPOO_FI[:5], "H-FI")))


@breaks("participant_travel")
def test_client_far_from_a_hybrid_group_on_site_is_rejected(season: Season, plan: Plan) -> None:
    assert_only("participant_travel", season, with_members(plan, "G-3", ("Y-1", "Y-2", "H-FI")))


def test_client_far_from_a_hybrid_group_who_agreed_joins_it_remotely(
    season: Season, plan: Plan
) -> None:
    joined = remote_in(with_members(plan, "G-3", ("Y-1", "Y-2", "H-FI")), "G-3", "H-FI")
    assert plan_problems(consenting(season, "H-FI"), joined) == []


@breaks("remote_consent")
def test_remote_participation_nobody_agreed_to_is_rejected(season: Season, plan: Plan) -> None:
    joined = remote_in(with_members(plan, "G-3", ("Y-1", "Y-2", "H-FI")), "G-3", "H-FI")
    assert_only("remote_consent", season, joined)


@breaks("remote_consent")
def test_remote_group_only_for_clients_who_agreed(season: Season, plan: Plan) -> None:
    remote = changed(season, "G-3", mode="remote")
    online = moved(remote_in(plan, "G-3", *YOUNG), "G-3", venue_id=None)
    assert plan_problems(consenting(remote, *YOUNG), online) == []
    assert_only("remote_consent", consenting(remote, "Y-1", "Y-2"), online)


@breaks("remote_consent")
def test_remote_participant_of_an_in_person_group_is_rejected(season: Season, plan: Plan) -> None:
    assert_only("remote_consent", consenting(season, "C-01"), remote_in(plan, "G-1", "C-01"))


@breaks("remote_consent")
def test_on_site_participant_of_a_remote_group_is_rejected(season: Season, plan: Plan) -> None:
    remote = consenting(changed(season, "G-3", mode="remote"), *YOUNG)
    online = moved(remote_in(plan, "G-3", "Y-1", "Y-2"), "G-3", venue_id=None)
    assert_only("remote_consent", remote, online)


@breaks("max_groups")
def test_client_in_two_groups_with_max_groups_one_is_rejected(season: Season, plan: Plan) -> None:
    both = with_members(plan, "G-1", (*ESPOO_FI, "Y-1"))
    assert_only("max_groups", season, both)
    assert plan_problems(changed(season, "Y-1", max_groups=2), both) == []


@breaks("max_groups")
def test_client_listed_twice_in_one_group_is_rejected(season: Season, plan: Plan) -> None:
    twice = replace(plan, participants=(*plan.participants, ("Y-1", "G-3")))
    assert_only("max_groups", changed(season, "Y-1", max_groups=2), twice)


@breaks("client_overlap")
def test_client_in_two_sessions_at_once_is_rejected(season: Season, plan: Plan) -> None:
    two = changed(season, "Y-1", max_groups=2)
    both = with_members(plan, "G-1", (*ESPOO_FI, "Y-1"))
    at_once = moved(both, "G-3", weekday=MON, start=h(11), end=h(13), leaders=("S-ANNA",))
    assert_only("client_overlap", two, at_once)
    later = moved(at_once, "G-3", start=h(13), end=h(15))
    assert plan_problems(two, later) == []


# --- Terms: clashes only between groups whose terms share a week ---


def _after_g1(season: Season, gap_days: int = 0) -> Season:
    """G-3's term starts `gap_days` after G-1's last possible day (12 weeks from its start)."""
    g1 = season.group["G-1"]
    last = g1.start_date + dt.timedelta(days=7 * (g1.weeks or 0) - 1)
    return changed(season, "G-3", start_date=last + dt.timedelta(days=gap_days))


def test_groups_whose_terms_share_no_week_may_share_a_leader_and_a_slot(
    season: Season, plan: Plan
) -> None:
    at_once = moved(plan, "G-3", weekday=MON, start=h(9), end=h(11), venue_id="V-ESP")
    assert broken_rules(season, at_once) == {"person_overlap", "venue_rooms"}
    # G-1 meets Mondays for 12 weeks from Monday 11 January; G-3 starts the Monday after.
    assert plan_problems(_after_g1(season, 1), at_once) == []
    # Starting on the Sunday of G-1's last week, the terms still share that week.
    assert broken_rules(_after_g1(season, 0), at_once) == {"person_overlap", "venue_rooms"}


def test_travel_gap_binds_only_between_terms_that_share_a_week(season: Season, plan: Plan) -> None:
    same_day = moved(plan, "G-3", weekday=TUE, start=h(13), end=h(15), leaders=("S-ANNA",))
    assert broken_rules(season, same_day) == {"travel_gap"}
    g2 = season.group["G-2"]
    later = changed(season, "G-3", start_date=g2.start_date + dt.timedelta(weeks=12))
    assert plan_problems(later, same_day) == []


def test_weekly_hours_bind_the_busiest_week(season: Season, plan: Plan) -> None:
    capped = changed(season, "S-BO", max_group_hours=5.5)
    assert broken_rules(capped, plan) == {"weekly_hours"}
    # G-3 (S-BO's second group) after G-1's term: 3.5 h in G-1's weeks, 2.5 h in G-3's.
    assert plan_problems(_after_g1(capped, 1), plan) == []
    problem = plan_problems(_after_g1(capped, -7), plan)
    assert [p.rule for p in problem] == ["weekly_hours"]
    assert "in the week of" in problem[0].message


def test_a_client_may_be_in_two_groups_at_the_same_hour_in_different_terms(
    season: Season, plan: Plan
) -> None:
    two = changed(season, "Y-1", max_groups=2)
    both = with_members(plan, "G-1", (*ESPOO_FI, "Y-1"))
    at_once = moved(both, "G-3", weekday=MON, start=h(11), end=h(13), leaders=("S-ANNA",))
    assert plan_problems(_after_g1(two, 1), at_once) == []


def test_a_popup_without_weeks_runs_all_season(season: Season, plan: Plan) -> None:
    at_once = moved(plan, "G-3", weekday=MON, start=h(9), end=h(11), venue_id="V-ESP")
    popup = changed(_after_g1(season, 1), "G-3", kind="popup", weeks=None)
    assert broken_rules(popup, at_once) == {"person_overlap", "venue_rooms"}


@breaks("scheduled_only")
def test_participant_in_an_unscheduled_group_is_rejected(season: Season, plan: Plan) -> None:
    assert_only(
        "scheduled_only",
        season,
        replace(plan, participants=(*plan.participants, ("C-SPARE", "G-4"))),
    )


def test_every_rule_in_the_registry_has_a_test() -> None:
    assert set(RULE_TESTS.values()) == set(PLAN_RULES)


# --- Plan files ---

GROUPS_CSV = """group_id,weekday,start,end,venue_id,leaders
G-1,Mon,09:00,12:00,V-ESP,S-BO;P-PIA
G-2,Tue,10:00,12:00,V-HAN,S-ANNA
G-3,Wed,13:00,15:00,V-ESP2,S-BO
"""


def write_plan_folder(folder: Path, plan: Plan) -> None:
    folder.mkdir(exist_ok=True)
    (folder / "plan_groups.csv").write_text(GROUPS_CSV, encoding="utf-8")
    rows = "".join(f"{c},{g}\n" for c, g in plan.participants)
    (folder / "plan_participants.csv").write_text("client_code,group_id\n" + rows)


def test_read_plan_files_reads_a_handwritten_plan_folder(tmp_path: Path, plan: Plan) -> None:
    write_plan_folder(tmp_path, plan)
    read = read_plan_files(tmp_path)
    assert read.placements == plan.placements
    assert read.participants == plan.participants
    assert read.unscheduled == ()


def test_read_plan_files_reads_remote_groups_and_unscheduled(tmp_path: Path) -> None:
    (tmp_path / "plan_groups.csv").write_text(
        "group_id,weekday,start,end,venue_id,leaders\nG-9,Fri,13:30,15:30,,S-ANNA\n"
    )
    (tmp_path / "plan_participants.csv").write_text("client_code,group_id\n")
    (tmp_path / "plan_unscheduled.csv").write_text("group_id,reason\nG-4,no leader free\n")
    read = read_plan_files(tmp_path)
    assert read.placements == (Placement("G-9", FRI, h(13.5), h(15.5), None, ("S-ANNA",)),)
    assert read.unscheduled == (Unscheduled("G-4", "no leader free"),)


def test_read_plan_files_reads_each_participants_mode(tmp_path: Path) -> None:
    (tmp_path / "plan_groups.csv").write_text(GROUPS_CSV)
    (tmp_path / "plan_participants.csv").write_text(
        "client_code,group_id,mode\nY-1,G-3,on_site\nH-FI,G-3,remote\nC-01,G-1,\n"
    )
    read = read_plan_files(tmp_path)
    assert read.remote == (("H-FI", "G-3"),)
    assert [read.mode_of(c, g) for c, g in read.participants] == ["on_site", "remote", "on_site"]


def test_read_plan_files_names_the_line_of_an_unknown_mode(tmp_path: Path) -> None:
    (tmp_path / "plan_groups.csv").write_text(GROUPS_CSV)
    (tmp_path / "plan_participants.csv").write_text("client_code,group_id,mode\nY-1,G-3,online\n")
    with pytest.raises(
        PlanFileError, match=r"plan_participants\.csv line 2, column mode: 'online'"
    ):
        read_plan_files(tmp_path)


BAD_GROUP_ROWS = [
    ("G-1,Funday,09:00,12:00", "line 2, column weekday: 'Funday' is not a weekday"),
    ("G-1,7,09:00,12:00", "line 2, column weekday: '7' is not a weekday"),
    ("G-1,Mon,25:99,12:00", "line 2, column start: '25:99' is not a time of day"),
    ("G-1,Mon,9,12:00", "line 2, column start: '9' is not a time like 09:30"),
    ("G-1,Mon,09:00,noon", "line 2, column end: 'noon' is not a time like 09:30"),
    ("G-1,Mon,09:00,12:00,V,S,extra", "line 2: more cells than columns"),
]


@pytest.mark.parametrize(("row", "said"), BAD_GROUP_ROWS)
def test_a_bad_plan_row_names_the_file_line_and_column(tmp_path: Path, row: str, said: str) -> None:
    (tmp_path / "plan_groups.csv").write_text(
        f"group_id,weekday,start,end,venue_id,leaders\n{row}\n"
    )
    (tmp_path / "plan_participants.csv").write_text("client_code,group_id\n")
    with pytest.raises(PlanFileError) as refused:
        read_plan_files(tmp_path)
    assert str(refused.value) == f"plan_groups.csv {said}" or said in str(refused.value)
    assert str(refused.value).startswith("plan_groups.csv")


def test_a_plan_file_that_is_not_text_too_big_or_missing_is_refused_in_one_line(
    tmp_path: Path,
) -> None:
    (tmp_path / "plan_groups.csv").write_bytes(b"group_id,weekday\n\xca\xfe\xff,Mon\n")
    (tmp_path / "plan_participants.csv").write_text("client_code,group_id\n")
    with pytest.raises(PlanFileError, match=r"plan_groups\.csv: not UTF-8 text"):
        read_plan_files(tmp_path)
    with (tmp_path / "plan_groups.csv").open("wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)  # sparse: no 25 MB written
    with pytest.raises(PlanFileError, match="more than a plan file may be"):
        read_plan_files(tmp_path)
    (tmp_path / "plan_groups.csv").write_text(GROUPS_CSV)
    (tmp_path / "plan_participants.csv").unlink()
    with pytest.raises(PlanFileError, match=r"plan_participants\.csv: cannot be read"):
        read_plan_files(tmp_path)
    (tmp_path / "plan_participants.csv").write_text("client,group\nC-1,G-1\n")
    with pytest.raises(PlanFileError, match="line 2: no column 'client_code'"):
        read_plan_files(tmp_path)


@given(text=st.text(max_size=300))
def test_any_plan_groups_text_is_read_or_refused_with_a_plan_file_error(text: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder)
        (path / "plan_groups.csv").write_text(text, encoding="utf-8", errors="surrogatepass")
        (path / "plan_participants.csv").write_text("client_code,group_id\n")
        try:
            read_plan_files(path)
        except PlanFileError as exc:
            assert "\n" not in str(exc)


def test_planner_validate_says_a_bad_plan_file_in_one_line(tmp_path: Path, capsys) -> None:
    from planner.cli.main import main as planner

    (tmp_path / "plan_groups.csv").write_text("group_id,weekday,start,end\nG-1,Funday,9:00,12:00\n")
    (tmp_path / "plan_participants.csv").write_text("client_code,group_id\n")
    assert planner(["validate", str(SAMPLE_DIR), str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "plan_groups.csv line 2, column weekday" in err[0]


def test_read_plan_files_reads_a_group_row_without_a_time_as_unscheduled(tmp_path: Path) -> None:
    (tmp_path / "plan_groups.csv").write_text(
        "group_id,weekday,start,end,venue_id,leaders,reason\nG-4,,,,,,no leader free\n"
    )
    (tmp_path / "plan_participants.csv").write_text("client_code,group_id\n")
    read = read_plan_files(tmp_path)
    assert read.placements == ()
    assert read.unscheduled == (Unscheduled("G-4", "no leader free"),)


def test_read_plan_files_names_the_file_and_line_of_a_bad_row(tmp_path: Path) -> None:
    (tmp_path / "plan_groups.csv").write_text(
        "group_id,weekday,start,end,venue_id,leaders\nG-1,Mon,09:00,12:00,V-ESP,S-BO\n"
        "G-2,Sat,10:00,12:00,V-HAN,S-ANNA\n"
    )
    (tmp_path / "plan_participants.csv").write_text("client_code,group_id\n")
    with pytest.raises(ValueError, match=r"plan_groups\.csv line 3"):
        read_plan_files(tmp_path)


def _fake_io(monkeypatch: pytest.MonkeyPatch, season: Season) -> None:
    report = ImportReport(season=season)
    fake = types.ModuleType("planner.io")
    fake.read_season = lambda path: report  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "planner.io", fake)


def test_check_plan_command_exits_1_and_prints_the_problems(
    tmp_path: Path,
    season: Season,
    plan: Plan,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _fake_io(monkeypatch, season)
    write_plan_folder(tmp_path, with_members(plan, "G-2", ("H-1", "H-2")))
    assert main(["season", str(tmp_path)]) == 1
    assert "G-2: 2 participants, needs 3-10" in capsys.readouterr().out


def test_check_plan_command_exits_0_for_a_valid_plan(
    tmp_path: Path, season: Season, plan: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_io(monkeypatch, season)
    write_plan_folder(tmp_path, plan)
    assert main(["season", str(tmp_path)]) == 0


def test_problem_is_a_plain_value() -> None:
    problem = PlanProblem("size", "G-1", "2 participants, needs 3-10")
    assert str(problem) == (
        "G-1: 2 participants, needs 3-10; group size 3-10 persons, within the group's own "
        "limits (handbook l. 362)"
    )


def test_a_problems_objects_are_the_seasons_ids_it_names_in_order(sample_dir) -> None:
    """What lets a refusal be shown in any language: the rule and the objects, kind by kind."""
    from planner.io import read_season
    from planner.plan_check import PlanProblem, problem_objects

    season = read_season(sample_dir).season
    client = season.clients[0].client_code
    problem = PlanProblem(
        "person_overlap", "S-001", f"leads G-001 Mon and G-002 Mon at once at V-NOPE; {client}"
    )
    assert problem_objects(problem, season) == [
        ("person", "S-001"),
        ("group", "G-001"),
        ("group", "G-002"),
        ("client", client),
    ]
