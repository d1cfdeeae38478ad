"""Properties of `find_groups` over random clients on the sample season.

For any profile: every group offered as suitable passes every hard filter, re-checked here
from the season, the plan and `planner.geo` without the finder's code; no group the client
could join is missing; results are sorted by score with full groups last. The plan is the
greedy baseline's (instant, and valid), with random seat counts on top.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.baseline import greedy_plan
from planner.finder import FinderIndex, Match, Profile, find_groups
from planner.geo import TravelModel
from planner.io import read_season
from planner.model import WEEKDAYS, Client, Plan, Season
from planner.rules import TRAVEL_MODES

TODAY = dt.date(2026, 12, 1)  # before the sample term starts, so no group has ended

INTERESTS = (
    "nature", "functional", "life_skills", "wellbeing", "photography", "art_culture",
    "peer_women", "peer_men", "functional_men", "digital", "nepsy", "language_practice",
    "foreign_language", "music", "animals", "cooking", "dogs", "drawing", "metalwork",
    "computers", "popup", "hybrid", "remote", "evenings", "small_groups", "gardening",
)  # fmt: skip
AUDIENCES = ("young_adults", "women", "men", "foreign_language", "nepsy")
LANGUAGES = ("fi", "sv", "en", "ar")
MUNICIPALITIES = ("049", "078", "149", "224", "235", "257", "444", "710", "755", "927")


@pytest.fixture(scope="module")
def world(sample_dir) -> tuple[Season, Plan, TravelModel, FinderIndex]:
    season = read_season(sample_dir).season
    plan = greedy_plan(season)
    return season, plan, TravelModel(season), FinderIndex(season, plan)


def subset(options: tuple[str, ...], min_size: int = 0) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(st.sampled_from(options), min_size=min_size, max_size=5, unique=True).map(tuple)


profiles = st.builds(
    Profile,
    municipality=st.sampled_from(MUNICIPALITIES),
    languages=subset(LANGUAGES, 1),
    interests=subset(INTERESTS),
    audience=subset(AUDIENCES),
    days=st.lists(st.integers(0, 4), min_size=1, max_size=5, unique=True).map(
        lambda d: tuple(sorted(d))
    ),
    travel=st.sampled_from(TRAVEL_MODES),
    max_travel_min=st.integers(5, 120),
    needs_accessible=st.booleans(),
    prefers_small=st.booleans(),
    remote=st.booleans(),
)


def as_client(profile: Profile) -> Client:
    return Client(
        client_code="X-1",
        municipality=profile.municipality,
        languages=profile.languages,
        interests=profile.interests,
        days=profile.days,
        travel=profile.travel,
        max_travel_min=profile.max_travel_min,
        needs_accessible=profile.needs_accessible,
        counsellor="",
        postal_code=profile.postal_code,
        audience=profile.audience,
        remote=profile.remote,
    )


def hard_filters_broken(
    season: Season, plan: Plan, travel: TravelModel, profile: Profile, group_id: str
) -> list[str]:
    """The hard filters a group breaks for the client, from the season and plan directly."""
    group, placement = season.group[group_id], plan.placement[group_id]
    broken = []
    if group.language not in profile.languages:
        broken.append("language")
    if group.audience not in ("", "all") and group.audience not in profile.audience:
        broken.append("audience")
    if placement.weekday not in profile.days:
        broken.append("day")
    if group.mode == "remote" and not profile.remote:
        broken.append("remote")
    if placement.venue_id is not None and not (profile.remote and group.mode == "hybrid"):
        trip = travel.client_to_venue(as_client(profile), placement.venue_id, profile.travel)
        if trip > profile.max_travel_min:
            broken.append("travel")
        if profile.needs_accessible and not season.venue[placement.venue_id].accessible:
            broken.append("accessible")
    return broken


def random_taken(plan: Plan, seed: int) -> dict[str, int]:
    rng = random.Random(seed)
    return {p.group_id: rng.randint(0, 10) for p in plan.placements}


def assert_ranked(matches: list[Match]) -> None:
    fullness = [m.full for m in matches]
    assert fullness == sorted(fullness), "a full group ranks above a group with seats"
    for full in (False, True):
        scores = [m.score for m in matches if m.full == full]
        assert scores == sorted(scores, reverse=True), "not sorted by score"


@settings(max_examples=150, deadline=None)
@given(profile=profiles, seed=st.integers(0, 1_000))
def test_no_offered_group_breaks_a_hard_filter_and_none_the_client_could_join_is_missing(
    world, profile, seed
):
    season, plan, travel, index = world
    taken = random_taken(plan, seed)
    found = find_groups(season, plan, profile, taken=taken, today=TODAY, index=index)
    for m in found:
        assert not m.failed
        assert hard_filters_broken(season, plan, travel, profile, m.group_id) == [], m.group_id
        assert WEEKDAYS.index(m.weekday) in profile.days
        assert 0 <= m.free_seats <= season.group[m.group_id].max_size
        if m.mode == "in_person":
            assert m.accessible or not profile.needs_accessible
    joinable = {
        p.group_id
        for p in plan.placements
        if not hard_filters_broken(season, plan, travel, profile, p.group_id)
    }
    assert {m.group_id for m in found} == joinable
    assert_ranked(found)


@settings(max_examples=100, deadline=None)
@given(profile=profiles, seed=st.integers(0, 1_000), lang=st.sampled_from(("fi", "sv", "en")))
def test_with_failed_groups_each_names_exactly_the_filters_it_breaks(world, profile, seed, lang):
    season, plan, travel, index = world
    taken = random_taken(plan, seed)
    found = find_groups(
        season, plan, profile, taken=taken, today=TODAY, index=index, include_failed=True, lang=lang
    )
    assert {m.group_id for m in found} == set(plan.placement)
    for m in found:
        assert m.failed_rules == hard_filters_broken(season, plan, travel, profile, m.group_id)
        assert len(m.failed) == len(m.failed_rules)
        assert m.reasons, "a group without any reason"
        if m.full:
            assert m.reasons[0].startswith({"fi": "Täynnä", "sv": "Fullsatt", "en": "Full"}[lang])
    suitable = [m for m in found if not m.failed]
    assert found[: len(suitable)] == suitable, "a failed group ranks above a suitable one"
    assert_ranked(suitable)
