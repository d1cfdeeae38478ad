"""Every figure of the travel model, in one place, with where it comes from.

`planner.geo` turns these into minutes; nothing else holds a speed, a wait or a factor. A
season's `travel_times` table (a travel-time matrix) wins over all of them.

The model, as a person would plan the trip:
- a trip shorter than `WALK_ALWAYS_KM` on foot is walked, by any mode;
- by public transport, a trip up to `WALKABLE_KM` on foot is walked when walking is quicker
  (as a journey planner would suggest); otherwise the client walks to the stop, waits for the
  bus or train (half its usual interval, so an allowance for arriving early by the timetable),
  rides, and walks from the stop. The walk to the stop and the wait are the area's where the
  trip starts, the riding speed the mean of both ends' areas;
- by car and by the work car: road km (geodesic km x `ROAD_FACTOR`) at the mean of both ends'
  car speeds, plus a fixed time for parking or the pick-up.

Areas: the capital-region HSL core (Espoo, Kauniainen) with frequent trains and trunk buses,
Kirkkonummi at the edge of HSL, the towns of Lohja and Vihti, and the rural west.

Sources
- Walking 4.5 km/h (1.25 m/s): between OpenTripPlanner's default walking speed of 1.33 m/s
  (the engine of Digitransit, the HSL and Matkahuolto journey planners) and the slower pace of
  many clients of social rehabilitation; footpaths are taken as `WALK_FACTOR` 1.2 x the
  straight line (a shorter detour than roads).
- Road factor 1.3: circuity factors of about 1.2-1.4 are reported for European road networks
  (Ballou, Rahardja & Sakai 2002, "Selected country circuity factors for road travel distance
  estimation", Transportation Research Part A 36(9)); 1.3 for the mixed town and rural roads.
- Public-transport speeds and intervals: Helsinki commuter trains average 54 km/h (Wikipedia,
  "Helsinki commuter rail"); Kauniainen-Espoo is 6 minutes by train (jlf.fi forum); the H train
  runs Karjaa 11.51 - Hanko 12.31, 40 minutes for about 49 km of track (VR, 24 June 2025). In
  Espoo trains and trunk buses run every 10 minutes or more often (wait 5), at Kirkkonummi's
  stations every 20-30 minutes (wait 10), in Lohja and Vihti town buses about every 30 minutes
  (wait 15), in the rural west buses and the H train about hourly or less (wait 20).
- Car speeds are door-to-door averages on road km: 40 km/h in Espoo's streets, 50 km/h at
  Kirkkonummi, 60 km/h in the towns and the rural west; the work car 5 km/h slower (it stops).

tests/test_travel_model.py checks five trips against these published figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True)
class Area:
    """How trips start and run in one kind of area."""

    name: str
    walk_to_stop_min: int
    """Minutes on foot from home to the bus stop or station."""
    transit_wait_min: int
    """Half the usual interval of its buses and trains: the allowance for a fixed start time."""
    transit_kmh: float
    """Riding speed on road km, stops included."""
    car_kmh: float
    """Driving speed on road km, door to door."""


CAPITAL = Area("capital", walk_to_stop_min=5, transit_wait_min=5, transit_kmh=40.0, car_kmh=40.0)
HSL_EDGE = Area("hsl_edge", walk_to_stop_min=7, transit_wait_min=10, transit_kmh=45.0, car_kmh=50.0)
TOWN = Area("town", walk_to_stop_min=8, transit_wait_min=15, transit_kmh=50.0, car_kmh=60.0)
RURAL = Area("rural", walk_to_stop_min=10, transit_wait_min=20, transit_kmh=55.0, car_kmh=60.0)

AREA_OF_MUNICIPALITY: MappingProxyType[str, Area] = MappingProxyType(
    {
        "049": CAPITAL,  # Espoo: HSL trains, metro and trunk buses
        "235": CAPITAL,  # Kauniainen: HSL
        "257": HSL_EDGE,  # Kirkkonummi: HSL zone D, commuter trains
        "444": TOWN,  # Lohja: town buses
        "927": TOWN,  # Vihti: Nummela's buses to Espoo and Helsinki
        "224": RURAL,  # Karkkila
        "755": RURAL,  # Siuntio
        "149": RURAL,  # Inkoo
        "710": RURAL,  # Raasepori: Karis, Ekenäs, Pohja; the H train
        "078": RURAL,  # Hanko: the H train
    }
)
DEFAULT_AREA = RURAL
"""A municipality not listed (another county's data) is taken as the rural west."""

ROAD_FACTOR = 1.3
WALK_FACTOR = 1.2
WALK_KMH = 4.5
WALK_ALWAYS_KM = 1.5
"""On foot, trips shorter than this are walked whatever the client's mode."""
WALKABLE_KM = 3.0
"""On foot, a public-transport trip up to this far is walked when walking is quicker."""
TRANSIT_EGRESS_MIN = 3
"""From the stop to the door: venues are in town centres, by their stops."""
CAR_ACCESS_MIN = 5
"""Parking and walking in."""
RIDE_ACCESS_MIN = 10
"""The work car's pick-up and the detours for the others on board."""
RIDE_SLOWER_KMH = 5.0
LOCAL_KM = 3.0
"""A trip from a municipality's centre is at least this long on the road: the client lives
somewhere in the municipality, not at its centre. A postal area's centre has no such floor."""


def area_of(municipality: str) -> Area:
    return AREA_OF_MUNICIPALITY.get(municipality, DEFAULT_AREA)
