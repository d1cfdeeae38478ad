"""Reasons for unscheduled groups and unplaced clients, on scenarios whose cause is known."""

from __future__ import annotations

from dataclasses import replace

from toys import client, office_hours, staff, steady_params, toy_season, venue, with_group

from planner.model import Plan
from planner.plan_check import plan_problems
from planner.solve import Reason, blocking_rules, solve
from planner.solve.explain import explain_groups
from planner.solve.repair import complete_plan

PARAMS = steady_params()


def _raasepori(staff_list, clients=None, venue_open=None):
    """G1 is a Swedish group in Raasepori (venue VR), with Swedish-speaking clients there."""
    s = toy_season()
    vr = venue("VR", "710", open=venue_open or office_hours())
    local = clients or [client(f"R{i}", municipality="710", languages=("sv",)) for i in range(6)]
    s = replace(s, venues=(*s.venues, vr), staff=tuple(staff_list), clients=(*s.clients, *local))
    return with_group(s, "G1", municipality="710", language="sv")


def _reason(season, gid="G1") -> Reason:
    result = solve(season, PARAMS)
    assert gid not in result.plan.placement
    assert plan_problems(season, result.plan) == []
    reason = result.reason_for(gid)
    assert reason is not None
    return reason


def test_no_swedish_speaking_qualified_staff_is_named() -> None:
    season = _raasepori([staff("S1", languages=("fi",)), staff("S3", languages=("fi",))])
    reason = _reason(season)
    assert reason.key == "no_leader_language"
    assert reason.text("en") == (
        "no qualified staff member speaks Swedish"
        " (languages of the qualified staff: S1 Staff S1, S3 Staff S3: Finnish)"
    )
    assert reason.text("fi") == (
        "yksikään pätevä työntekijä ei puhu ruotsia"
        " (pätevien työntekijöiden kielet: S1 Staff S1, S3 Staff S3: suomea)"
    )
    assert reason.text("sv") == (
        "ingen behörig anställd talar svenska"
        " (de behöriga anställdas språk: S1 Staff S1, S3 Staff S3: finska)"
    )


def test_no_swedish_leader_on_the_days_the_venue_is_open_is_named() -> None:
    season = _raasepori(
        [staff("S1", languages=("sv",), days=(0, 2)), staff("S3", languages=("fi",))],
        venue_open=office_hours(days=(1, 3)),
    )
    reason = _reason(season)
    assert reason.key == "no_leader_on_days"
    assert reason.text("en") == (
        "no qualified leader who speaks Swedish works on Tuesday or Thursday"
        " (working days: S1 Staff S1: Mon, Wed)"
    )


def test_too_few_clients_within_reach_is_counted() -> None:
    few = [client(f"R{i}", municipality="710", languages=("sv",)) for i in range(2)]
    far = [client(f"E{i}", languages=("sv",), max_travel_min=20) for i in range(5)]
    season = _raasepori([staff("S1"), staff("S2")], clients=few + far)
    reason = _reason(season)
    assert reason.key == "too_few_clients"
    assert reason.params["n"] == 2 and reason.params["min"] == 3
    assert reason.text("en").startswith("only 2 eligible clients can reach a venue in Raasepori")
    assert "Raseborg" in reason.text("sv")


def test_swedish_leaders_at_their_weekly_limit_are_named() -> None:
    s = _raasepori(
        [staff("S1", languages=("sv",), max_group_hours=2.5), staff("S3", languages=("fi",))]
    )
    s = with_group(s, "G3", priority=3)  # the other Swedish group takes S1's hours
    reason = _reason(s)
    assert reason.key == "leaders_at_hour_limit"
    assert "weekly hour limit" in reason.text("en")


def test_a_venue_closed_for_the_session_length_is_named() -> None:
    season = _raasepori([staff("S1"), staff("S2")], venue_open=office_hours(end=10 * 60))
    season = with_group(season, "G1", hours=3.0)
    reason = _reason(season)
    assert reason.key == "venue_closed"
    assert "Raasepori" in reason.text("en") and "3 hours" in reason.text("en")


def test_a_group_with_impossible_hours_is_explained_without_a_search() -> None:
    reason = _reason(with_group(toy_season(), "G1", hours=1.0))
    assert reason.key == "invalid_hours"
    assert reason.rules == ("session_length",)


def test_reasons_name_the_rules_behind_them() -> None:
    season = _raasepori([staff("S1", languages=("fi",)), staff("S3", languages=("fi",))])
    reason = _reason(season)
    assert "leader_language" in reason.rules


def test_clients_who_speak_no_group_language_are_told_so() -> None:
    s = toy_season()
    s = replace(s, clients=(*s.clients, client("X1", languages=("en",))))
    result = solve(s, PARAMS)
    assert result.reason_for("X1").key == "client_no_language"


def test_clients_beyond_their_travel_time_are_told_the_limit() -> None:
    s = toy_season()
    s = replace(
        s,
        clients=(*s.clients, client("X1", municipality="078", travel="transit", max_travel_min=30)),
    )
    result = solve(s, PARAMS)
    reason = result.reason_for("X1")
    assert reason.key == "client_too_far"
    assert reason.text("en") == (
        "no group in a language the client speaks is within 30 min by public transport"
    )


def test_clients_beyond_the_seats_are_told_the_groups_are_full() -> None:
    s = toy_season()
    s = replace(s, clients=tuple(client(f"C{i:02d}") for i in range(1, 36)))
    result = solve(s, PARAMS)
    assert result.clients_placed == 30
    assert {r.key for r in result.unplaced} == {"client_groups_full"}


def test_a_cancelled_group_is_reported_as_cancelled() -> None:
    from planner.solve import Changes

    result = solve(toy_season(), PARAMS, changes=Changes(cancelled=frozenset({"G2"})))
    assert result.reason_for("G2").key == "cancelled"
    assert "G2" not in result.plan.placement


def test_a_group_that_fits_beside_the_plan_is_added_after_the_search() -> None:
    season = toy_season()
    full = solve(season, PARAMS).plan
    without = Plan(
        tuple(p for p in full.placements if p.group_id != "G2"),
        tuple((c, g) for c, g in full.participants if g != "G2"),
    )
    plan, added, reasons = complete_plan(season, PARAMS, without, ["G2"])
    assert added == ["G2"] and reasons == {}
    assert plan_problems(season, plan) == []
    assert len(plan.members["G2"]) >= 3


def test_blocking_rules_name_a_minimal_set_of_rules() -> None:
    season = _raasepori([staff("S1", languages=("fi",)), staff("S3", languages=("fi",))])
    core = blocking_rules(season, "G1")
    assert core is not None and "leader_language" in core
    assert blocking_rules(toy_season(), "G1") is None


def test_any_plan_can_be_asked_why_a_group_is_missing() -> None:
    season = _raasepori([staff("S1", languages=("fi",)), staff("S3", languages=("fi",))])
    plan = solve(season, PARAMS).plan
    reasons = explain_groups(season, PARAMS, plan, ["G1"])
    assert reasons["G1"].key == "no_leader_language"
