"""Places and travel times: the one place that decides how long a trip takes.

Estimates, not timetables: geodesic distance (geopy, WGS-84) walked, driven or ridden as
`planner.travel_figures` says (short trips on foot, a bus or train's wait only when one is
taken, by area; handbook l. 409, 422), with every figure and its source there. When the
season carries a travel-time matrix (`travel_times` table), its figures win over the estimate.

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
from planner.travel_figures import (
    CAR_ACCESS_MIN,
    DEFAULT_AREA,
    LOCAL_KM,
    RIDE_ACCESS_MIN,
    RIDE_SLOWER_KMH,
    ROAD_FACTOR,
    TRANSIT_EGRESS_MIN,
    WALK_ALWAYS_KM,
    WALK_FACTOR,
    WALK_KMH,
    WALKABLE_KM,
    Area,
    area_of,
)

MODES = ("car", "ride", "transit", "walk")


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


def client_line_km(season: Season, client: Client, venue: Venue) -> float:
    """Straight-line km from the client's home to a venue; from a municipality's centre at least
    the straight line of `LOCAL_KM` road km."""
    km = distance_km(client_home(season, client), _point(venue))
    return km if postal_area_of(season, client) else max(km, LOCAL_KM / ROAD_FACTOR)


def client_km(season: Season, client: Client, venue: Venue) -> float:
    """Road km from the client's home to a venue (at least `LOCAL_KM` from a municipality's
    centre)."""
    return client_line_km(season, client, venue) * ROAD_FACTOR


@lru_cache(maxsize=200_000)
def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Geodesic distance in kilometres between two (lat, lon) points."""
    if a == b:
        return 0.0
    return geodesic(a, b).kilometers


def road_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return distance_km(a, b) * ROAD_FACTOR


def walk_minutes(line_km: float) -> float:
    return line_km * WALK_FACTOR / WALK_KMH * 60


def trip_minutes(
    line_km: float, mode: str, origin: Area = DEFAULT_AREA, destination: Area | None = None
) -> int:
    """Door-to-door minutes for a trip of `line_km` straight-line km by `mode`, from an area
    to an area (`planner.travel_figures` says how and with which figures)."""
    if mode not in MODES:
        raise ValueError(f"unknown travel mode {mode!r}")
    destination = destination or origin
    road = line_km * ROAD_FACTOR
    if mode == "car":
        minutes = road / _mean(origin.car_kmh, destination.car_kmh) * 60 + CAR_ACCESS_MIN
    elif mode == "ride":
        kmh = _mean(origin.car_kmh, destination.car_kmh) - RIDE_SLOWER_KMH
        minutes = road / kmh * 60 + RIDE_ACCESS_MIN
    else:
        minutes = _on_foot_or_transit(line_km, mode, origin, destination)
    return math.ceil(minutes - 1e-9)


def _on_foot_or_transit(line_km: float, mode: str, origin: Area, destination: Area) -> float:
    walk = walk_minutes(line_km)
    foot_km = line_km * WALK_FACTOR
    if mode == "walk" or foot_km < WALK_ALWAYS_KM:
        return walk
    riding = line_km * ROAD_FACTOR / _mean(origin.transit_kmh, destination.transit_kmh) * 60
    transit = origin.walk_to_stop_min + origin.transit_wait_min + riding + TRANSIT_EGRESS_MIN
    return min(walk, transit) if foot_km <= WALKABLE_KM else transit


def _mean(a: float, b: float) -> float:
    return (a + b) / 2


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
        line = distance_km(_point(va), _point(vb))
        return trip_minutes(line, mode, area_of(va.municipality), area_of(vb.municipality))

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
        line = client_line_km(self.season, client, venue)
        origin = area_of(client.municipality)
        return trip_minutes(line, mode, origin, area_of(venue.municipality))

    def reachable_venues(self, client: Client, venues: Iterable[Venue]) -> list[str]:
        return [
            v.venue_id
            for v in venues
            if self.client_to_venue(client, v.venue_id) <= client.max_travel_min
        ]


def _point(venue: Venue) -> tuple[float, float]:
    return (venue.lat, venue.lon)
