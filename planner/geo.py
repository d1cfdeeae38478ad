"""Places and travel times: the one place that decides how long a trip takes.

Estimates, not timetables: geodesic distance (geopy, WGS-84) times a road factor, at a
mode speed, plus a fixed access/wait time per mode. Public transport gets a wait penalty by
municipality, long where buses are rare (handbook l. 409, 422). When the season carries a
travel-time matrix (`travel_times` table), its figures win over the estimate.

Clients are located at their municipality's centre (the contract holds no home address, by
design); venues and staff bases at their coordinates.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from geopy.distance import geodesic

from planner.model import Client, Season, Venue

ROAD_FACTOR = 1.3  # road km per geodesic km, typical for Finnish rural road networks
SPEED_KMH = {"car": 60.0, "ride": 55.0, "transit": 30.0, "walk": 4.8}
ACCESS_MIN = {"car": 5, "ride": 10, "transit": 10, "walk": 0}
"""Fixed minutes per trip: parking, the work car's pick-up detour, walking to the stop."""

TRANSIT_WAIT_MIN: dict[str, int] = {
    "049": 5,  # Espoo: HSL capital-region network
    "235": 5,  # Kauniainen: HSL
    "257": 15,  # Kirkkonummi: HSL zone D, commuter trains
    "444": 20,  # Lohja: town buses, sparse outside the centre
    "927": 20,  # Vihti
    "224": 30,  # Karkkila
    "755": 30,  # Siuntio
    "149": 35,  # Inkoo
    "710": 30,  # Raasepori: long distances, few buses
    "078": 30,  # Hanko
}
DEFAULT_TRANSIT_WAIT_MIN = 30
LOCAL_KM = 3.0
"""A client's trip inside their own municipality is at least this long (they live somewhere)."""


@lru_cache(maxsize=200_000)
def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Geodesic distance in kilometres between two (lat, lon) points."""
    if a == b:
        return 0.0
    return geodesic(a, b).kilometers


def road_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return distance_km(a, b) * ROAD_FACTOR


def trip_minutes(km: float, mode: str, transit_wait: int = DEFAULT_TRANSIT_WAIT_MIN) -> int:
    """Door-to-door minutes for `km` road kilometres by `mode`."""
    if mode not in SPEED_KMH:
        raise ValueError(f"unknown travel mode {mode!r}")
    extra = ACCESS_MIN[mode] + (transit_wait if mode == "transit" else 0)
    return math.ceil(km / SPEED_KMH[mode] * 60 + extra)


@dataclass(frozen=True)
class TravelModel:
    """Travel times for one season. Build once per season; lookups are cached."""

    season: Season
    _matrix: dict[tuple[str, str, str], float] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        matrix: dict[tuple[str, str, str], float] = {}
        for a, b, mode, minutes in self.season.travel_minutes:
            matrix[(a, b, mode)] = minutes
            matrix.setdefault((b, a, mode), minutes)
        object.__setattr__(self, "_matrix", matrix)

    def _from_matrix(self, a: str, b: str, mode: str) -> int | None:
        found = self._matrix.get((a, b, mode))
        return None if found is None else math.ceil(found)

    def between_venues(self, a: str, b: str, mode: str = "car") -> int:
        """Minutes from venue `a` to venue `b` (0 when they are the same place)."""
        if a == b:
            return 0
        known = self._from_matrix(a, b, mode)
        if known is not None:
            return known
        va, vb = self.season.venue[a], self.season.venue[b]
        wait = TRANSIT_WAIT_MIN.get(vb.municipality, DEFAULT_TRANSIT_WAIT_MIN)
        return trip_minutes(road_km(_point(va), _point(vb)), mode, wait)

    def venue_km(self, a: str, b: str) -> float:
        if a == b:
            return 0.0
        return road_km(_point(self.season.venue[a]), _point(self.season.venue[b]))

    def client_to_venue(self, client: Client, venue_id: str, mode: str | None = None) -> int:
        """Minutes for a client from home (their municipality) to a venue by their mode."""
        mode = mode or client.travel
        known = self._from_matrix(client.municipality, venue_id, mode)
        if known is not None:
            return known
        venue = self.season.venue[venue_id]
        home = self.season.municipality[client.municipality]
        km = max(road_km((home.lat, home.lon), _point(venue)), LOCAL_KM)
        wait = max(
            TRANSIT_WAIT_MIN.get(client.municipality, DEFAULT_TRANSIT_WAIT_MIN),
            TRANSIT_WAIT_MIN.get(venue.municipality, DEFAULT_TRANSIT_WAIT_MIN),
        )
        return trip_minutes(km, mode, wait)

    def reachable_venues(self, client: Client, venues: Iterable[Venue]) -> list[str]:
        return [
            v.venue_id
            for v in venues
            if self.client_to_venue(client, v.venue_id) <= client.max_travel_min
        ]


def _point(venue: Venue) -> tuple[float, float]:
    return (venue.lat, venue.lon)
