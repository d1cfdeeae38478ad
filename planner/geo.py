"""Places and travel times: the one place that decides how long a trip takes.

Estimates, not timetables: geodesic distance (geopy, WGS-84) times a road factor, at a
mode speed, plus a fixed access/wait time per mode. Public transport gets a wait penalty by
municipality, long where buses are rare (handbook l. 409, 422). When the season carries a
travel-time matrix (`travel_times` table), its figures win over the estimate.

A client starts from their postal area's centre when their postal code is in the season's
`postal_areas` table, from their municipality's centre otherwise (the contract holds no home
address, by design): `client_home` is the one place that decides it. Venues and staff bases
are at their coordinates. A matrix row for the client's municipality still wins over both.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from geopy.distance import geodesic

from planner.model import Client, PostalArea, Season, Venue

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
"""A trip from a municipality's centre is at least this long: the client lives somewhere in
the municipality, not at its centre. A trip from a postal area's centre has no such floor:
the centre is a real estimate of the home, and a venue next to it is a short trip."""


def postal_area_of(season: Season, client: Client) -> PostalArea | None:
    """The client's postal area when their postal code is in the season's table."""
    return season.postal_area.get(client.postal_code) if client.postal_code else None


def client_home(season: Season, client: Client) -> tuple[float, float]:
    """Where a client's trips start: their postal area's centre, else their municipality's."""
    area = postal_area_of(season, client)
    if area is not None:
        return (area.lat, area.lon)
    m = season.municipality[client.municipality]
    return (m.lat, m.lon)


def home_key(season: Season, client: Client) -> tuple[str, str]:
    """What a client's trip times depend on besides the venue and mode: their municipality
    (transit waits, the matrix) and their postal area ("" when they start from the
    municipality's centre). Clients with the same key have the same trips."""
    area = postal_area_of(season, client)
    return (client.municipality, area.postal_code if area else "")


def client_km(season: Season, client: Client, venue: Venue) -> float:
    """Road km from the client's home to a venue (at least `LOCAL_KM` from a municipality's
    centre)."""
    km = road_km(client_home(season, client), _point(venue))
    return km if postal_area_of(season, client) else max(km, LOCAL_KM)


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

    def client_home(self, client: Client) -> tuple[float, float]:
        return client_home(self.season, client)

    def client_to_venue(self, client: Client, venue_id: str, mode: str | None = None) -> int:
        """Minutes for a client from home (`client_home`) to a venue by their mode; a matrix
        row from their municipality wins."""
        mode = mode or client.travel
        known = self._from_matrix(client.municipality, venue_id, mode)
        if known is not None:
            return known
        venue = self.season.venue[venue_id]
        km = client_km(self.season, client, venue)
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
