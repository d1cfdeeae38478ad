"""Find a group with a client: the plan's groups ranked by how well they suit one client.

    from planner.finder import Profile, find_groups, profile_from_client
    profile = profile_from_client(season.client["P-01"])      # or Profile(...) by hand
    for match in find_groups(season, plan, profile, lang="fi", limit=5):
        print(match.name, match.weekday, match.start, match.score, match.reasons)

A pure library over a `Season` and its `Plan` (no database): seats in use and waiting lists
come in as mappings. Hard filters (`filters`) decide what a client can join; score parts
(`score`, weights in its docstring) rank what they can; every reason is in fi, sv and en
(`texts`). `FinderIndex` keeps per-plan lookups and travel times for fast repeated calls.
"""

from planner.finder.filters import HARD_FILTERS
from planner.finder.find import find_groups
from planner.finder.index import FinderIndex, seat_limit
from planner.finder.match import Match, matches_text
from planner.finder.profile import (
    Profile,
    ProfileError,
    client_profile,
    parse_profile_args,
    profile_from_client,
)
from planner.finder.score import SCORE_PARTS

__all__ = [
    "HARD_FILTERS",
    "SCORE_PARTS",
    "FinderIndex",
    "Match",
    "Profile",
    "ProfileError",
    "client_profile",
    "find_groups",
    "matches_text",
    "parse_profile_args",
    "profile_from_client",
    "seat_limit",
]
