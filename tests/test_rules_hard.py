"""Each hard rule on a toy season: a case that runs, the same case forced to break the rule,
and a control group that stays untouched.

Every scenario changes the documented `toy_season()` (three Espoo groups G1, G2, G3) so
that the target group G1 breaks exactly the rule under test. Three checks per rule:

- ok: in the near-miss variant (just within the rule) the target is scheduled;
- broken: the target is not scheduled, cannot be forced to run, and *can* run once only the
  rule under test is switched off (so the test checks the rule it names, not another one);
- control: in the broken season the control group is still scheduled.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import pytest
from toys import (
    TOY_CLIENTS,
    client,
    group,
    office_hours,
    partner,
    season_of,
    staff,
    steady_params,
    toy_season,
    venue,
    with_group,
)

from planner.model import Season
from planner.plan_check import plan_problems
from planner.solve import HARD_RULES, can_run, solve

PARAMS = steady_params(explain=False)


@dataclass(frozen=True)
class Scenario:
    ok: Callable[[], Season]
    broken: Callable[[], Season]
    target: str = "G1"
    control: str = "G2"


def _toy(**changes) -> Callable[[], Season]:
    return lambda: with_group(toy_season(), "G1", **changes)


def _with(**parts) -> Callable[[Season], Season]:
    return lambda s: replace(s, **parts)


def _consenting(season: Season) -> Season:
    """Every client has agreed to take part remotely (remote and far hybrid groups)."""
    return replace(season, clients=tuple(replace(c, remote=True) for c in season.clients))


def _pinned_pair(first: dict, second: dict, **season_parts) -> Season:
    """G1 and G2 pinned against each other; G2 has priority, so G1 is the one left out.
    The control G3 meets on Wednesday, out of their way."""
    s = with_group(toy_season(), "G3", weekday=2)
    s = with_group(s, "G1", **first)
    s = with_group(s, "G2", priority=3, **second)
    return replace(s, **season_parts) if season_parts else s


def _leaders_only(*people) -> Callable[[], Season]:
    def make(**g1) -> Season:
        s = replace(
            toy_season(),
            staff=tuple(p for p in people if hasattr(p, "staff_id")),
            partners=tuple(p for p in people if hasattr(p, "partner_id")),
        )
        return with_group(s, "G1", **g1)

    return make


MORE_CLIENTS = tuple(client(f"C{i:02d}") for i in range(1, 31))
"""Enough clients that a five-person group finds free ones beside two full groups."""
KARKKILA = venue("V3", "224")
KARKKILA_CLIENTS = [client(f"K{i}", municipality="224") for i in range(1, 4)]


def _karkkila() -> Season:
    s = with_group(toy_season(), "G3", weekday=2)
    s = replace(s, venues=(*s.venues, KARKKILA), clients=(*s.clients, *KARKKILA_CLIENTS))
    return s


def _three_in_two(first: dict, second: dict) -> Season:
    """The only three Finnish speakers may join two groups each: G1 and G2 (priority) need
    them all. G3 (Swedish) has its own three."""
    s = replace(
        toy_season(),
        clients=(
            *[client(f"C{i:02d}", languages=("fi",), max_groups=2) for i in range(1, 4)],
            *[client(f"C{i:02d}", languages=("sv",)) for i in range(4, 7)],
        ),
    )
    s = with_group(s, "G1", **first)
    return with_group(s, "G2", priority=3, **second)


SCENARIOS: dict[str, Scenario] = {
    "session_length": Scenario(ok=_toy(hours=4.0), broken=_toy(hours=5.0)),
    "term": Scenario(ok=_toy(kind="popup", weeks=None), broken=_toy(kind="theme", weeks=None)),
    "pins": Scenario(ok=_toy(start=14 * 60), broken=_toy(start=17 * 60)),
    "venue_mode": Scenario(ok=_toy(mode="hybrid"), broken=_toy(mode="hybrid", municipality="078")),
    "venue_municipality": Scenario(
        ok=lambda: with_group(
            _consenting(replace(toy_season(), venues=(*toy_season().venues, venue("VH", "078")))),
            "G1",
            municipality="078",
            mode="hybrid",
        ),
        broken=_toy(municipality="078"),
    ),
    "venue_open": Scenario(
        ok=lambda: with_group(
            replace(toy_season(), venues=(venue("V1", open=office_hours(end=12 * 60)),)),
            "G1",
            hours=4.0,
        ),
        broken=lambda: with_group(
            replace(toy_season(), venues=(venue("V1", open=office_hours(end=11 * 60)),)),
            "G1",
            hours=4.0,
        ),
    ),
    "venue_rooms": Scenario(
        ok=lambda: _pinned_pair(
            dict(venue_id="V1", weekday=0, start=600), dict(venue_id="V1", weekday=0, start=720)
        ),
        broken=lambda: _pinned_pair(
            dict(venue_id="V1", weekday=0, start=600), dict(venue_id="V1", weekday=0, start=660)
        ),
        control="G3",
    ),
    "capacity": Scenario(
        ok=lambda: with_group(
            replace(toy_season(), venues=(venue("V1", capacity=5), venue("V2", capacity=5))),
            "G1",
            min_size=4,
        ),
        broken=lambda: with_group(
            replace(toy_season(), venues=(venue("V1", capacity=4), venue("V2", capacity=4))),
            "G1",
            min_size=4,
        ),
    ),
    "accessible": Scenario(
        ok=lambda: with_group(
            replace(
                toy_season(),
                venues=(venue("V1"), venue("V2", accessible=False)),
                clients=tuple(
                    client(f"C{i:02d}", needs_accessible=True) for i in range(1, TOY_CLIENTS + 1)
                ),
            ),
            "G1",
            venue_id="V1",
        ),
        broken=lambda: with_group(
            replace(
                toy_season(),
                venues=(venue("V1"), venue("V2", accessible=False)),
                clients=tuple(
                    client(f"C{i:02d}", needs_accessible=True) for i in range(1, TOY_CLIENTS + 1)
                ),
            ),
            "G1",
            venue_id="V2",
        ),
    ),
    "size": Scenario(ok=_toy(min_size=6, max_size=6), broken=_toy(min_size=11, max_size=12)),
    "two_leaders": Scenario(
        ok=lambda: _leaders_only(staff("S1"), staff("S2", languages=("fi",)))(
            language="sv", min_size=4
        ),
        broken=lambda: _leaders_only(staff("S1"), staff("S2", languages=("fi",)))(
            language="sv", min_size=5
        ),
    ),
    "qualified_leader": Scenario(
        ok=lambda: _leaders_only(staff("S1", languages=("sv",)), staff("S3", languages=("fi",)))(
            language="sv"
        ),
        broken=lambda: _leaders_only(
            staff("S1", languages=("sv",), qualified=False),
            staff("S3", languages=("fi",)),
            partner("P1", languages=("sv",)),
        )(language="sv"),
    ),
    "leader_language": Scenario(
        ok=lambda: _leaders_only(
            staff("S1", languages=("fi",)), staff("S2", languages=("fi", "sv"))
        )(language="sv"),
        broken=lambda: _leaders_only(
            staff("S1", languages=("fi",)), staff("S2", languages=("fi",))
        )(language="sv"),
    ),
    "leader_days": Scenario(
        ok=lambda: _leaders_only(staff("S1", days=(0, 1, 2, 3)))(weekday=3),
        broken=lambda: _leaders_only(staff("S1", days=(0, 1, 2, 3)))(weekday=4),
    ),
    "partner_municipality": Scenario(
        ok=lambda: with_group(
            replace(
                toy_season(),
                staff=(staff("S1"),),
                partners=(partner("P1", municipalities=("049", "235")),),
                venues=(*toy_season().venues, venue("V3", "235")),
                clients=MORE_CLIENTS,
            ),
            "G1",
            municipality="235",
            min_size=5,
        ),
        broken=lambda: with_group(
            replace(
                toy_season(),
                staff=(staff("S1"),),
                partners=(partner("P1"),),
                venues=(*toy_season().venues, venue("V3", "235")),
                clients=MORE_CLIENTS,
            ),
            "G1",
            municipality="235",
            min_size=5,
        ),
    ),
    "person_overlap": Scenario(
        ok=lambda: _consenting(
            _pinned_pair(
                dict(mode="remote", weekday=0, start=600, leaders=("S1",)),
                dict(mode="remote", weekday=0, start=720, leaders=("S1",)),
            )
        ),
        broken=lambda: _consenting(
            _pinned_pair(
                dict(mode="remote", weekday=0, start=600, leaders=("S1",)),
                dict(mode="remote", weekday=0, start=660, leaders=("S1",)),
            )
        ),
        control="G3",
    ),
    "travel_gap": Scenario(
        ok=lambda: with_group(
            with_group(_karkkila(), "G1", venue_id="V1", weekday=0, start=600, leaders=("S1",)),
            "G2",
            municipality="224",
            venue_id="V3",
            weekday=0,
            start=840,
            leaders=("S1",),
            priority=3,
        ),
        broken=lambda: with_group(
            with_group(_karkkila(), "G1", venue_id="V1", weekday=0, start=600, leaders=("S1",)),
            "G2",
            municipality="224",
            venue_id="V3",
            weekday=0,
            start=720,
            leaders=("S1",),
            priority=3,
        ),
        control="G3",
    ),
    "weekly_hours": Scenario(
        ok=lambda: _leaders_only(
            staff("S1", languages=("sv",), max_group_hours=2.5), staff("S3", languages=("fi",))
        )(language="sv", hours=2.0, priority=2),
        broken=lambda: _leaders_only(
            staff("S1", languages=("sv",), max_group_hours=2.5), staff("S3", languages=("fi",))
        )(language="sv", hours=2.5, priority=2),
    ),
    "participant_language": Scenario(
        ok=lambda: with_group(
            replace(
                toy_season(),
                clients=tuple(
                    client(f"C{i:02d}", languages=("fi",) if i > 3 else ("sv",))
                    for i in range(1, TOY_CLIENTS + 1)
                ),
            ),
            "G1",
            language="sv",
            priority=2,
        ),
        broken=lambda: with_group(
            replace(
                toy_season(),
                clients=tuple(
                    client(f"C{i:02d}", languages=("fi",) if i > 2 else ("sv",))
                    for i in range(1, TOY_CLIENTS + 1)
                ),
            ),
            "G1",
            language="sv",
            priority=2,
        ),
    ),
    "participant_audience": Scenario(
        ok=lambda: with_group(
            replace(
                toy_season(),
                clients=tuple(
                    client(f"C{i:02d}", audience=("young",) if i <= 3 else ())
                    for i in range(1, TOY_CLIENTS + 1)
                ),
            ),
            "G1",
            kind="targeted",
            audience="young",
        ),
        broken=lambda: with_group(
            replace(
                toy_season(),
                clients=tuple(
                    client(f"C{i:02d}", audience=("young",) if i <= 2 else ())
                    for i in range(1, TOY_CLIENTS + 1)
                ),
            ),
            "G1",
            kind="targeted",
            audience="young",
        ),
    ),
    "participant_days": Scenario(
        ok=lambda: with_group(
            replace(
                toy_season(),
                clients=tuple(
                    client(f"C{i:02d}", days=(0, 1, 2, 3)) for i in range(1, TOY_CLIENTS + 1)
                ),
            ),
            "G1",
            weekday=3,
        ),
        broken=lambda: with_group(
            replace(
                toy_season(),
                clients=tuple(
                    client(f"C{i:02d}", days=(0, 1, 2, 3)) for i in range(1, TOY_CLIENTS + 1)
                ),
            ),
            "G1",
            weekday=4,
        ),
    ),
    "remote_consent": Scenario(
        ok=lambda: with_group(
            replace(
                toy_season(),
                clients=tuple(
                    client(f"C{i:02d}", remote=i <= 3) for i in range(1, TOY_CLIENTS + 1)
                ),
            ),
            "G1",
            mode="remote",
        ),
        broken=lambda: with_group(
            replace(
                toy_season(),
                clients=tuple(
                    client(f"C{i:02d}", remote=i <= 2) for i in range(1, TOY_CLIENTS + 1)
                ),
            ),
            "G1",
            mode="remote",
        ),
    ),
    "participant_travel": Scenario(
        ok=lambda: with_group(
            replace(
                toy_season(),
                venues=(*toy_season().venues, KARKKILA),
                clients=tuple(
                    client(f"C{i:02d}", max_travel_min=120) for i in range(1, TOY_CLIENTS + 1)
                ),
            ),
            "G1",
            municipality="224",
        ),
        broken=lambda: with_group(
            replace(
                toy_season(),
                venues=(*toy_season().venues, KARKKILA),
                clients=tuple(
                    client(f"C{i:02d}", max_travel_min=30) for i in range(1, TOY_CLIENTS + 1)
                ),
            ),
            "G1",
            municipality="224",
        ),
    ),
    "max_groups": Scenario(
        ok=lambda: with_group(
            replace(
                toy_season(),
                clients=(
                    *[client(f"C{i:02d}", languages=("fi",), max_groups=2) for i in range(1, 4)],
                    *[client(f"C{i:02d}", languages=("sv",)) for i in range(4, 7)],
                ),
            ),
            "G2",
            priority=3,
        ),
        broken=lambda: with_group(
            replace(
                toy_season(),
                clients=(
                    *[client(f"C{i:02d}", languages=("fi",)) for i in range(1, 4)],
                    *[client(f"C{i:02d}", languages=("sv",)) for i in range(4, 7)],
                ),
            ),
            "G2",
            priority=3,
        ),
        control="G2",
    ),
    "client_overlap": Scenario(
        ok=lambda: _three_in_two(dict(weekday=0, start=600), dict(weekday=0, start=720)),
        broken=lambda: _three_in_two(dict(weekday=0, start=600), dict(weekday=0, start=660)),
        control="G2",
    ),
}


def test_every_registered_rule_has_a_scenario() -> None:
    assert set(SCENARIOS) == set(HARD_RULES)


def test_every_rule_names_its_source() -> None:
    for rule in HARD_RULES.values():
        assert rule.name and rule.source, rule.key


def _scheduled(season: Season) -> set[str]:
    result = solve(season, PARAMS)
    assert plan_problems(season, result.plan) == []
    return {p.group_id for p in result.plan.placements}


@pytest.mark.parametrize("rule", sorted(SCENARIOS))
def test_target_group_runs_when_just_within_the_rule(rule: str) -> None:
    s = SCENARIOS[rule]
    assert s.target in _scheduled(s.ok())


@pytest.mark.parametrize("rule", sorted(SCENARIOS))
def test_target_group_breaking_the_rule_is_left_out(rule: str) -> None:
    s = SCENARIOS[rule]
    season = s.broken()
    result = solve(season, PARAMS)
    assert s.target not in {p.group_id for p in result.plan.placements}
    assert not can_run(season, s.target, PARAMS, result.plan)


@pytest.mark.parametrize("rule", sorted(SCENARIOS))
def test_target_group_runs_once_only_this_rule_is_switched_off(rule: str) -> None:
    s = SCENARIOS[rule]
    season = s.broken()
    result = solve(season, PARAMS)
    assert can_run(season, s.target, PARAMS, result.plan, relax=[rule])


@pytest.mark.parametrize("rule", sorted(SCENARIOS))
def test_control_group_is_untouched_by_the_broken_rule(rule: str) -> None:
    s = SCENARIOS[rule]
    assert s.control in _scheduled(s.broken())


# --- remote participation by consent ---


def _far_hybrid(consent: int) -> Season:
    """G1 is a hybrid group in Karkkila, out of every Espoo client's 30-minute reach; the
    first `consent` clients have agreed to take part remotely."""
    clients = tuple(
        client(f"C{i:02d}", max_travel_min=30, remote=i <= consent)
        for i in range(1, TOY_CLIENTS + 1)
    )
    season = replace(toy_season(), venues=(*toy_season().venues, KARKKILA), clients=clients)
    return with_group(season, "G1", municipality="224", mode="hybrid")


def test_a_hybrid_group_out_of_reach_is_not_joined_remotely_without_consent() -> None:
    season = _far_hybrid(consent=0)
    assert "G1" not in _scheduled(season)


def test_clients_who_agreed_join_a_hybrid_group_out_of_reach_remotely() -> None:
    season = _far_hybrid(consent=4)
    result = solve(season, PARAMS)
    assert plan_problems(season, result.plan) == []
    members = result.plan.members["G1"]
    assert 3 <= len(members) <= 4
    assert set(members) <= {"C01", "C02", "C03", "C04"}
    assert all(result.plan.mode_of(code, "G1") == "remote" for code in members)
    others = [(c, g) for c, g in result.plan.participants if g != "G1"]
    assert others and all(result.plan.mode_of(c, g) == "on_site" for c, g in others)


# --- drop-in pop-up groups (l. 355, 366) ---


def _two_clients(kind: str, drop_in: bool = False) -> Season:
    """One Espoo group with only two clients in reach: below the minimum of three."""
    base = toy_season()
    return season_of(
        venues=base.venues,
        staff_=base.staff,
        partners=base.partners,
        groups=[group("G1", kind=kind, drop_in=drop_in, weeks=None if kind == "popup" else 10)],
        clients=[client("C01"), client("C02")],
    )


@pytest.mark.parametrize("kind", ["theme", "popup"])
def test_a_group_with_enrolment_and_two_clients_does_not_run(kind: str) -> None:
    assert "G1" not in _scheduled(_two_clients(kind))


def test_a_drop_in_pop_up_group_runs_below_the_minimum_of_three() -> None:
    season = _two_clients("popup", drop_in=True)
    result = solve(season, PARAMS)
    assert plan_problems(season, result.plan) == []
    assert "G1" in {p.group_id for p in result.plan.placements}
    assert not result.plan.members.get("G1")  # nobody is placed in a drop-in group (l. 355)
