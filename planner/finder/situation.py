"""What every filter and score part reads about one find call: `Situation`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from planner import rules
from planner.finder.index import Offer
from planner.finder.profile import Profile
from planner.model import Placement, Theme
from planner.terms import Terms


@dataclass(frozen=True, slots=True)
class Situation:
    """One client's profile, with their trip times and the day of the search."""

    profile: Profile
    interests: frozenset[str]
    minutes: Mapping[str, int]  # venue_id -> minutes from the client's home by their mode
    today: dt.date
    lang: str
    busy: tuple[Placement, ...] = ()  # the sessions of the groups the client is already in
    terms: Terms | None = None  # the season's terms, for whether two sessions clash
    themes: Mapping[str, Theme] = field(default_factory=dict)  # the season's theme names

    def participation(self, offer: Offer) -> str:
        """How the client would take part: "remote" in a remote group, or in a hybrid group
        out of their reach when they have agreed to take part remotely; "on_site" otherwise
        (`rules.participation_mode`, as a plan decides it)."""
        return rules.participation_mode(offer.group, self.profile, self.reaches_in_person(offer))

    def reaches_in_person(self, offer: Offer) -> bool:
        """Whether the client can come to the venue: within their limit, accessible if needed."""
        venue = offer.venue
        if venue is None:
            return False
        if self.profile.needs_accessible and not venue.accessible:
            return False
        return self.minutes[venue.venue_id] <= self.profile.max_travel_min
