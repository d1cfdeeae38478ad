"""What the finder reads from a season and its plan, gathered once: `FinderIndex`.

Per scheduled group: its placement, venue, seat limit and members. Travel minutes from a
municipality to a venue by a mode are asked of `planner.geo.TravelModel` once and kept, so a
find call is dictionary lookups (the county has 10 municipalities and 3 travel modes).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from types import MappingProxyType

from planner.geo import TravelModel, home_key
from planner.model import Client, Group, Placement, Plan, Season, Venue
from planner.rules import MAX_GROUP_SIZE, TRAVEL_MODES, leaders_needed

_CACHE_SIZE = 4


@dataclass(frozen=True, slots=True)
class Offer:
    """A scheduled group as the finder offers it."""

    group: Group
    placement: Placement
    venue: Venue | None  # None for a remote group
    seat_limit: int
    members: frozenset[str]  # client codes in the plan


def seat_limit(group: Group, venue: Venue | None) -> int:
    """How many participants the group takes: its maximum size and, in a room, what fits
    beside the leaders a group of that size needs (two from five participants, l. 363-364).
    The same count as the store's enrolment (`planner.store.enrolment.seat_limit`)."""
    limit = min(group.max_size, MAX_GROUP_SIZE)
    if venue is None:
        return limit
    while limit > 0 and limit + leaders_needed(limit) > venue.capacity:
        limit -= 1
    return limit


def _probe(municipality: str, mode: str, postal_code: str = "") -> Client:
    """A stand-in client at home (`planner.geo.client_home`): all geo needs to time a trip."""
    return Client(
        client_code="finder",
        municipality=municipality,
        postal_code=postal_code,
        languages=(),
        interests=(),
        days=(),
        travel=mode,
        max_travel_min=0,
        needs_accessible=False,
        counsellor="",
    )


class FinderIndex:
    """A season and plan made ready for many find calls. Build once per plan."""

    def __init__(self, season: Season, plan: Plan, travel: TravelModel | None = None) -> None:
        self.season = season
        self.plan = plan
        self.travel = travel or TravelModel(season)
        members: dict[str, set[str]] = {}
        by_client: dict[str, set[str]] = {}
        for code, gid in plan.participants:
            members.setdefault(gid, set()).add(code)
            by_client.setdefault(code, set()).add(gid)
        self.member_of: dict[str, frozenset[str]] = {
            code: frozenset(gids) for code, gids in by_client.items()
        }
        offers = []
        for p in plan.placements:
            group = season.group.get(p.group_id)
            if group is None:
                continue
            venue = season.venue.get(p.venue_id) if p.venue_id else None
            taken_by = frozenset(members.get(p.group_id, ()))
            offers.append(Offer(group, p, venue, seat_limit(group, venue), taken_by))
        self.offers: tuple[Offer, ...] = tuple(offers)
        self._venue_ids = tuple(sorted({o.venue.venue_id for o in offers if o.venue}))
        self._minutes: dict[tuple[str, str, str], MappingProxyType[str, int]] = {}

    def minutes_from(
        self, municipality: str, mode: str, postal_code: str = ""
    ) -> MappingProxyType[str, int]:
        """Minutes from home to every venue in use, by `mode`: from the postal area's centre
        when the season knows `postal_code`, else from the municipality's centre."""
        probe = _probe(municipality, mode, postal_code)
        key = (*home_key(self.season, probe), mode)
        found = self._minutes.get(key)
        if found is None:
            found = MappingProxyType(
                {v: self.travel.client_to_venue(probe, v, mode) for v in self._venue_ids}
            )
            self._minutes[key] = found
        return found

    def warm(self) -> None:
        """Time every trip now rather than on first use (0.1-0.2 s at county scale)."""
        for m in self.season.municipalities:
            for mode in TRAVEL_MODES:
                self.minutes_from(m.code, mode)


_recent: OrderedDict[tuple[int, int, int], FinderIndex] = OrderedDict()
_recent_lock = threading.Lock()


def index_for(season: Season, plan: Plan, travel: TravelModel | None = None) -> FinderIndex:
    """A `FinderIndex` for this season and plan, reused across calls with the same objects."""
    # The cached index holds the season, plan and travel model, so their ids stay unique.
    key = (id(season), id(plan), id(travel))
    with _recent_lock:
        index = _recent.get(key)
        if index is not None:
            _recent.move_to_end(key)
            return index
    index = FinderIndex(season, plan, travel)
    with _recent_lock:
        _recent[key] = index
        while len(_recent) > _CACHE_SIZE:
            _recent.popitem(last=False)
    return index
