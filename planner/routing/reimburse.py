"""A client's cheapest reasonable way to a group, and what it costs to reimburse
(travel costs are reimbursed by the cheapest travel mode, handbook l. 126, 598-602).

Options: public transport (a ticket per trip, from `TICKET_EUR`), the client's own car
(road km times the staff kilometre allowance rate, `allowance.DEFAULT_RATE`), and a ride in the
work car (free to the client, l. 432-435). An option is reasonable when its minutes, from
`planner.geo.TravelModel` by that mode, are within the client's `max_travel_min`.
Costs are per session, there and back (two trips).

Ticket prices are ESTIMATES, not a fare service: single-ticket levels by road distance. The
two shortest levels are HSL's adult single tickets from 1 January 2024: AB EUR 2.95 and ABC
EUR 4.10 (HSL news "Prices of two-zone tickets to fall ... from the beginning of 2024",
hsl.fi, 12/2023; STT release of the same). The longer levels are rough guesses for regional
Waltti and long-distance bus tickets across the county, not checked against a price list.
Replace the table when the county's own ticket prices are known.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.geo import TravelModel
from planner.geo import client_km as geo_client_km
from planner.model import Client, Plan, Season
from planner.routing.allowance import DEFAULT_RATE, AllowanceRate

TICKET_EUR: tuple[tuple[float, float], ...] = (
    (10.0, 2.95),  # inside one town: HSL AB single ticket (2024)
    (25.0, 4.10),  # neighbouring town: HSL ABC single ticket (2024)
    (50.0, 6.00),  # regional Waltti / bus (guess)
    (100.0, 10.00),  # regional bus, e.g. Raasepori - Lohja (guess)
    (float("inf"), 16.00),  # long-distance bus across the county (guess)
)
"""(up to road km, single-ticket EUR): estimate levels, see the module text."""

TRIPS_PER_SESSION = 2
MODES = ("transit", "car", "ride")


@dataclass(frozen=True, slots=True)
class TravelOption:
    mode: str  # "transit", "car" (own car) or "ride" (the work car)
    minutes: int  # one way
    km: float  # one way, road km
    eur: float  # per session, there and back
    reasonable: bool  # minutes within the client's max_travel_min


@dataclass(frozen=True, slots=True)
class TravelAdvice:
    client_code: str
    venue_id: str
    options: tuple[TravelOption, ...]  # cheapest first
    recommended: TravelOption | None  # the cheapest reasonable option, None when none is


def ticket_eur(km: float) -> float:
    """The estimated single-ticket price for a trip of `km` road kilometres."""
    return next(eur for limit, eur in TICKET_EUR if km <= limit)


def client_km(season: Season, client: Client, venue_id: str) -> float:
    """Road km from the client's home (`planner.geo.client_home`) to the venue."""
    return geo_client_km(season, client, season.venue[venue_id])


def travel_options(
    season: Season,
    client: Client,
    venue_id: str,
    own_car: bool | None = None,
    work_car: bool = True,
    rate: AllowanceRate = DEFAULT_RATE,
    travel: TravelModel | None = None,
) -> TravelAdvice:
    """The ways from home to `venue_id`, cheapest first, and the one to recommend.

    `own_car` defaults to whether the client travels by car; `work_car` whether the work car
    can be offered at all.
    """
    travel = travel or TravelModel(season)
    km = client_km(season, client, venue_id)
    has_car = client.travel == "car" if own_car is None else own_car
    costs = {
        "transit": TRIPS_PER_SESSION * ticket_eur(km),
        "car": TRIPS_PER_SESSION * km * rate.eur_per_km,
        "ride": 0.0,
    }
    usable = {"transit": True, "car": has_car, "ride": work_car}
    options = []
    for mode in MODES:
        if not usable[mode]:
            continue
        minutes = travel.client_to_venue(client, venue_id, mode)
        options.append(
            TravelOption(
                mode,
                minutes,
                round(km, 1),
                round(costs[mode], 2),
                minutes <= client.max_travel_min,
            )
        )
    options.sort(key=lambda o: (o.eur, o.minutes))
    recommended = next((o for o in options if o.reasonable), None)
    return TravelAdvice(client.client_code, venue_id, tuple(options), recommended)


def group_travel(
    season: Season,
    plan: Plan,
    client_code: str,
    group_id: str,
    own_car: bool | None = None,
    work_car: bool = True,
) -> TravelAdvice | None:
    """`travel_options` for a client and a planned group; None for a remote or unplanned one."""
    placement = next((p for p in plan.placements if p.group_id == group_id), None)
    if placement is None or placement.venue_id is None:
        return None
    client = next(c for c in season.clients if c.client_code == client_code)
    return travel_options(season, client, placement.venue_id, own_car, work_car)
