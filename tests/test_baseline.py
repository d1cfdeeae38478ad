"""The greedy first-fit baseline: its plans are always valid, and it places what obviously fits."""

from __future__ import annotations

from dataclasses import replace

import toys
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.baseline import UNSCHEDULED_REASON, greedy_plan
from planner.model import (
    Client,
    Group,
    Interval,
    Municipality,
    Partner,
    Plan,
    Season,
    Staff,
    Venue,
)
from planner.plan_check import plan_problems

ALL_DAYS = (0, 1, 2, 3, 4)
ESPOO, LOHJA = "049", "444"
MUNICIPALITIES = (
    Municipality(ESPOO, "Espoo", "Esbo", 60.2055, 24.6559),
    Municipality(LOHJA, "Lohja", "Lojo", 60.2486, 24.0653),
)
CENTRE = {m.code: (m.lat, m.lon) for m in MUNICIPALITIES}


def office_hours() -> tuple[Interval, ...]:
    return tuple(Interval(d, 8 * 60, 18 * 60) for d in ALL_DAYS)


# Built with the shared builders of tests/toys.py; these wrappers only fix what this file's
# seasons have in common (ids as names, 12-week groups, staff based at V-ESP with 20 h,
# counsellor S-BO, no interests).


def make_group(gid: str, language: str = "fi", **kw: object) -> Group:
    fields: dict = dict(name=gid, language=language, municipality=ESPOO, weeks=12)
    return toys.group(gid, **{**fields, **kw})


def make_client(code: str, languages: tuple[str, ...] = ("fi",), **kw: object) -> Client:
    fields: dict = dict(municipality=ESPOO, languages=languages, interests=(), counsellor="S-BO")
    return toys.client(code, **{**fields, **kw})


def make_staff(sid: str, languages: tuple[str, ...] = ("fi",), **kw: object) -> Staff:
    fields: dict = dict(name=sid, languages=languages, max_group_hours=20.0)
    return toys.staff(sid, kw.pop("base_venue", "V-ESP"), **{**fields, **kw})


def make_venue(vid: str, name: str, municipality: str, lat: float, lon: float, **kw) -> Venue:
    fields: dict = dict(name=name, address="", lat=lat, lon=lon, capacity=12, rooms=1)
    return toys.venue(vid, municipality, **{**fields, "open": office_hours(), **kw})


def make_partner(pid: str, name: str, organisation: str, **kw) -> Partner:
    return toys.partner(pid, name=name, organisation=organisation, **kw)


def toy_season() -> Season:
    """Finnish-speaking staff only: two Finnish groups in Espoo and a Swedish one nobody can
    lead. Six Finnish speakers, three young ones, four Swedish speakers."""
    return Season(
        municipalities=MUNICIPALITIES,
        venues=(
            make_venue("V-ESP", "Sello", ESPOO, 60.2176, 24.6571),
            make_venue("V-LOH", "Lohja", LOHJA, 60.2486, 24.0653),
        ),
        staff=(make_staff("S-BO"), make_staff("S-EVA", qualified=False)),
        partners=(
            make_partner("P-PIA", "Pia", "Yhdistys ry", languages=("fi",), municipalities=(ESPOO,)),
        ),
        groups=(
            make_group("G-1", hours=3.0, max_size=6, priority=2),
            make_group("G-2", audience="young", mode="hybrid", max_size=8),
            make_group("G-SV", language="sv"),
        ),
        clients=(
            *(make_client(f"C-{i}") for i in range(1, 7)),
            *(make_client(f"Y-{i}", audience=("young",)) for i in range(1, 4)),
            *(make_client(f"S-{i}", ("sv",)) for i in range(1, 5)),
        ),
    )


def members(plan: Plan, gid: str) -> set[str]:
    return {code for code, g in plan.participants if g == gid}


def test_greedy_plan_on_the_toy_season_is_valid() -> None:
    season = toy_season()
    assert plan_problems(season, greedy_plan(season)) == []


def test_greedy_schedules_the_groups_that_obviously_fit() -> None:
    plan = greedy_plan(toy_season())
    assert set(plan.placement) == {"G-1", "G-2"}
    assert members(plan, "G-1") == {f"C-{i}" for i in range(1, 7)}
    assert members(plan, "G-2") == {"Y-1", "Y-2", "Y-3"}


def test_group_with_no_swedish_speaking_staff_is_left_unscheduled() -> None:
    plan = greedy_plan(toy_season())
    assert [(u.group_id, u.reason) for u in plan.unscheduled] == [("G-SV", UNSCHEDULED_REASON)]
    assert members(plan, "G-SV") == set()


def test_swedish_group_is_scheduled_once_someone_speaks_swedish() -> None:
    season = toy_season()
    season = replace(season, staff=(*season.staff, make_staff("S-ANNA", ("fi", "sv"))))
    plan = greedy_plan(season)
    assert "G-SV" in plan.placement
    assert plan_problems(season, plan) == []


def test_higher_priority_group_gets_the_only_leader_hours() -> None:
    season = toy_season()
    season = replace(season, staff=(make_staff("S-BO", max_group_hours=3.5),))
    plan = greedy_plan(season)
    # G-1 (priority 2) takes all of S-BO's 3.5 h: 3 h plus 30 min around the session.
    assert set(plan.placement) == {"G-1"}
    assert plan_problems(season, plan) == []


def test_pinned_group_meets_where_and_when_it_is_pinned() -> None:
    season = toy_season()
    pinned = replace(season.group["G-2"], weekday=3, start=13 * 60, venue_id="V-LOH")
    season = replace(season, groups=(season.group["G-1"], pinned))
    plan = greedy_plan(season)
    placed = plan.placement["G-2"]
    assert (placed.weekday, placed.start, placed.venue_id) == (3, 13 * 60, "V-LOH")
    assert plan_problems(season, plan) == []


def test_greedy_never_fills_a_group_beyond_its_maximum() -> None:
    season = toy_season()
    season = replace(season, groups=(replace(season.group["G-1"], max_size=4),))
    plan = greedy_plan(season)
    assert len(members(plan, "G-1")) == 4


def test_greedy_is_deterministic() -> None:
    assert greedy_plan(toy_season()) == greedy_plan(toy_season())


# --- Property: greedy plans always pass the validator ---

# Skewed towards seasons where something fits, so that the property says something.
LANGUAGES = st.sampled_from([("fi",), ("fi",), ("fi", "sv"), ("sv",)])
SOME_DAYS = st.lists(st.integers(0, 4), min_size=1, max_size=5, unique=True).map(
    lambda d: tuple(sorted(d))
)
DAYS = st.just(ALL_DAYS) | SOME_DAYS


@st.composite
def pins(draw: st.DrawFn, venue_ids: list[str], people: list[str]) -> dict[str, object]:
    """At most one pin, on one group in three."""
    kind = draw(st.sampled_from(["", "", "", "", "", "", "weekday", "start", "venue", "leader"]))
    if kind == "weekday":
        return {"weekday": draw(st.integers(0, 4))}
    if kind == "start":
        return {"start": draw(st.sampled_from([9 * 60, 13 * 60, 10 * 60 + 15]))}
    if kind == "venue":
        return {"venue_id": draw(st.sampled_from(venue_ids))}
    if kind == "leader":
        return {"leaders": (draw(st.sampled_from(people)),)}
    return {}


@st.composite
def venues(draw: st.DrawFn) -> tuple[Venue, ...]:
    out = []
    for code in (ESPOO, LOHJA):
        for k in range(draw(st.integers(1, 2))):
            lat, lon = CENTRE[code]
            days = draw(DAYS)
            opens = draw(st.sampled_from([8, 8, 9, 12])) * 60
            closes = draw(st.sampled_from([14, 18, 18, 20])) * 60
            out.append(
                make_venue(
                    f"V-{code}-{k}",
                    "v",
                    code,
                    lat + 0.01 * k,
                    lon,
                    capacity=draw(st.integers(4, 12)),
                    accessible=draw(st.booleans()),
                    open=tuple(Interval(d, opens, closes) for d in days),
                    rooms=draw(st.integers(1, 2)),
                )
            )
    return tuple(out)


@st.composite
def seasons(draw: st.DrawFn) -> Season:
    places = draw(venues())
    venue_ids = [v.venue_id for v in places]
    staff = tuple(
        make_staff(
            f"S-{i}",
            draw(LANGUAGES),
            qualified=draw(st.sampled_from([True, True, False])),
            days=draw(DAYS),
            max_group_hours=draw(st.sampled_from([2.5, 8.0, 20.0, 20.0])),
            car=draw(st.booleans()),
            base_venue=draw(st.sampled_from(venue_ids)),
        )
        for i in range(draw(st.integers(2, 4)))
    )
    partners = tuple(
        make_partner(
            f"P-{i}",
            "p",
            "ry",
            languages=draw(LANGUAGES),
            days=draw(DAYS),
            municipalities=draw(st.sampled_from([(ESPOO,), (LOHJA,), (ESPOO, LOHJA)])),
        )
        for i in range(draw(st.integers(0, 2)))
    )
    people = [s.staff_id for s in staff] + [p.partner_id for p in partners]
    groups = []
    for i in range(draw(st.integers(2, 5))):
        min_size = draw(st.sampled_from([3, 3, 3, 4, 5]))
        groups.append(
            make_group(
                f"G-{i}",
                draw(st.sampled_from(["fi", "fi", "sv"])),
                hours=draw(st.sampled_from([2.0, 2.5, 3.0, 4.0])),
                min_size=min_size,
                max_size=draw(st.integers(min_size, 10)),
                municipality=draw(st.sampled_from([ESPOO, LOHJA])),
                mode=draw(st.sampled_from(["in_person", "in_person", "hybrid", "remote"])),
                audience=draw(st.sampled_from(["", "", "", "young"])),
                priority=draw(st.integers(1, 3)),
                **draw(pins(venue_ids, people)),
            )
        )
    group_ids = [g.group_id for g in groups]
    clients = tuple(
        make_client(
            f"C-{i}",
            draw(LANGUAGES),
            municipality=draw(st.sampled_from([ESPOO, LOHJA])),
            days=draw(DAYS),
            travel=draw(st.sampled_from(["car", "transit", "ride"])),
            max_travel_min=draw(st.sampled_from([15, 60, 120, 120])),
            needs_accessible=draw(st.sampled_from([False, False, True])),
            audience=draw(st.sampled_from([(), ("young",), ("young",)])),
            wishes=tuple(draw(st.lists(st.sampled_from(group_ids), unique=True))),
            max_groups=draw(st.integers(1, 2)),
        )
        for i in range(draw(st.integers(4, 15)))
    )
    return Season(MUNICIPALITIES, places, staff, partners, tuple(groups), clients)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seasons())
def test_greedy_plans_always_pass_the_validator(season: Season) -> None:
    plan = greedy_plan(season)
    assert plan_problems(season, plan) == []
    placed = [p.group_id for p in plan.placements]
    left = [u.group_id for u in plan.unscheduled]
    assert sorted(placed + left) == sorted(g.group_id for g in season.groups)
