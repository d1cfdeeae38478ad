"""Property tests on tiny random seasons (2-4 groups, 3-8 clients, 2-3 staff).

1. Every plan the solver returns passes the independent validator.
2. When the model says a group cannot run at all (infeasible when forced, on its own), a
   brute-force enumeration agrees, and when the model says it can, the enumeration finds a
   plan the validator accepts.
"""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from toys import (
    START,
    client,
    group,
    office_hours,
    partner,
    season_of,
    staff,
    steady_params,
    venue,
)

from planner import rules
from planner.geo import TravelModel
from planner.model import Placement, Plan, Season, Staff
from planner.plan_check import plan_problems
from planner.solve import can_run, solve

PARAMS = steady_params(explain=False)
MUNIS = ("049", "235", "257")  # Espoo, Kauniainen, Kirkkonummi: near each other
LANGS = (("fi",), ("sv",), ("fi", "sv"), ("fi", "sv"))
DAYS = st.one_of(
    st.just((0, 1, 2, 3, 4)),
    st.lists(st.integers(0, 4), min_size=1, max_size=5, unique=True).map(
        lambda d: tuple(sorted(d))
    ),
)
"""Half the time every weekday, so that a fair share of groups can run."""


@st.composite
def tiny_seasons(draw) -> Season:
    venues = [
        venue(
            f"V{i}",
            draw(st.sampled_from(MUNIS)),
            capacity=draw(st.integers(4, 12)),
            accessible=draw(st.booleans()),
            open=office_hours(draw(DAYS), 8 * 60, draw(st.sampled_from([11, 12, 16])) * 60),
            rooms=draw(st.integers(1, 2)),
        )
        for i in range(draw(st.integers(1, 3)))
    ]
    people = [
        staff(
            f"S{i}",
            draw(st.sampled_from(venues)).venue_id,
            qualified=draw(st.sampled_from([True, True, False])),
            languages=draw(st.sampled_from(LANGS)),
            days=draw(DAYS),
            max_group_hours=draw(st.sampled_from([2.5, 4.0, 8.0])),
            car=draw(st.booleans()),
        )
        for i in range(draw(st.integers(2, 3)))
    ]
    partners = [
        partner(
            f"P{i}",
            languages=draw(st.sampled_from(LANGS)),
            days=draw(DAYS),
            municipalities=(draw(st.sampled_from(MUNIS)),),
        )
        for i in range(draw(st.integers(0, 1)))
    ]
    groups = []
    for i in range(draw(st.integers(2, 4))):
        low = draw(st.sampled_from([3, 3, 4, 5]))
        groups.append(
            group(
                f"G{i}",
                municipality=draw(st.sampled_from(MUNIS)),
                language=draw(st.sampled_from(["fi", "sv"])),
                hours=draw(st.sampled_from([2.0, 2.5, 3.0, 4.0])),
                mode=draw(st.sampled_from(["in_person", "in_person", "hybrid", "remote"])),
                min_size=low,
                max_size=draw(st.integers(low, 8)),
                audience=draw(st.sampled_from(["", "", "", "young"])),
                weekday=draw(st.sampled_from([None, None, None, 1])),
                priority=draw(st.integers(1, 3)),
                # Terms that share weeks, follow one another, or touch in one week.
                start_date=START + dt.timedelta(weeks=draw(st.sampled_from([0, 0, 4, 10]))),
                weeks=draw(st.sampled_from([4, 10])),
            )
        )
    clients = [
        client(
            f"C{i}",
            municipality=draw(st.sampled_from(MUNIS)),
            languages=draw(st.sampled_from(LANGS)),
            days=draw(DAYS),
            travel=draw(st.sampled_from(["car", "transit"])),
            max_travel_min=draw(st.sampled_from([20, 45, 90, 90])),
            needs_accessible=draw(st.sampled_from([False, False, True])),
            audience=draw(st.sampled_from([(), ("young",)])),
            remote=draw(st.sampled_from([False, False, True])),
            max_groups=draw(st.sampled_from([1, 1, 2])),
        )
        for i in range(draw(st.integers(3, 8)))
    ]
    return season_of(venues, people, partners, groups, clients, name="tiny")


def _may_join(season: Season, travel: TravelModel, code: str, gid: str, p: Placement) -> bool:
    c, g = season.client[code], season.group[gid]
    if g.language not in c.languages or p.weekday not in c.days:
        return False
    if g.audience not in ("", "all") and g.audience not in c.audience:
        return False
    if g.mode == "remote":
        return c.remote
    if p.venue_id is not None and not _joins_remotely(season, travel, code, gid, p):
        if travel.client_to_venue(c, p.venue_id) > c.max_travel_min:
            return False
        if c.needs_accessible and not season.venue[p.venue_id].accessible:
            return False
    return True


def _joins_remotely(season: Season, travel: TravelModel, code: str, gid: str, p: Placement) -> bool:
    """Remote only with the client's consent, in a remote group or a hybrid one out of reach."""
    c, g = season.client[code], season.group[gid]
    if not c.remote or g.mode == "in_person":
        return False
    if g.mode == "remote" or p.venue_id is None:
        return True
    far = travel.client_to_venue(c, p.venue_id) > c.max_travel_min
    return far or (c.needs_accessible and not season.venue[p.venue_id].accessible)


def brute_force_plan(season: Season, gid: str) -> Plan | None:
    """A valid plan with only this group, by trying every day, start, venue, team and size."""
    g = season.group[gid]
    travel = TravelModel(season)
    low, high = max(g.min_size, 3), min(g.max_size, 10)
    people = [p.person_id for p in (*season.staff, *season.partners)]
    teams = [t for n in (1, 2) for t in itertools.combinations(people, n)]
    venues = [v.venue_id for v in season.venues] if g.needs_venue else [None]
    lo, hi = PARAMS.remote_hours if not g.needs_venue else (0, 24 * 60)
    for day, start, vid, team in itertools.product(
        range(5), range(lo, hi - g.minutes + 1, 30), venues, teams
    ):
        if g.weekday is not None and day != g.weekday:
            continue
        if vid is not None:
            v = season.venue[vid]
            if not v.is_open(day, start, start + g.minutes):
                continue
            if v.municipality != g.municipality and vid != g.venue_id:
                continue
        leaders = [season.person[x] for x in team]
        if any(g.language not in x.languages or day not in x.days for x in leaders):
            continue
        if not any(isinstance(x, Staff) and x.qualified for x in leaders):
            continue
        if any(
            isinstance(x, Staff) and x.max_group_hours * 60 < g.minutes + PARAMS.allowance_min
            for x in leaders
        ):
            continue
        p = Placement(gid, day, start, start + g.minutes, vid, team)
        codes = [
            c.client_code
            for c in season.clients
            if _may_join(season, travel, c.client_code, gid, p)
        ]
        for n in range(min(high, len(codes)), low - 1, -1):
            if len(team) < rules.leaders_needed(n):
                continue
            if vid is not None and n + len(team) > season.venue[vid].capacity:
                continue
            joined = tuple((c, gid) for c in codes[:n])
            remote = tuple(x for x in joined if _joins_remotely(season, travel, x[0], gid, p))
            plan = Plan((p,), joined, remote=remote)
            if not plan_problems(season, plan, PARAMS.allowance_min):
                return plan
    return None


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tiny_seasons())
def test_every_plan_the_solver_returns_passes_the_validator(season: Season) -> None:
    result = solve(season, PARAMS)
    event(f"{len(result.plan.placements)} of {len(season.groups)} groups scheduled")
    assert plan_problems(season, result.plan, PARAMS.allowance_min) == []
    assert {u.group_id for u in result.plan.unscheduled} == (
        set(season.group) - set(result.plan.placement)
    )


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tiny_seasons())
def test_the_model_and_a_brute_force_agree_on_which_groups_can_run_at_all(season: Season) -> None:
    for gid in season.group:
        model_says = can_run(season, gid, PARAMS)
        found = brute_force_plan(season, gid)
        event("group can run" if model_says else "group cannot run")
        assert model_says == (found is not None), (gid, found)
