"""The work car's pick-up runs for clients who ride (handbook l. 432-435, minibus: seeds/003).

Per weekday, every (client, group) pair of a `ride` client at a group with a venue is one
request with two legs: home -> venue, arriving at most `early_min` before the start, and
venue -> home, leaving at most `early_min` after the end. Both legs are served by the work
cars or both are dropped, with a reason. A client's home is their postal area's centre, or
their municipality's when the season lacks the area (`planner.geo.client_home`; the contract
holds no address), so clients of one postal area (or municipality) share a pick-up point.

Hubs (handbook l. 434, "solmukohdat"): a client may instead be met at a hub, a venue they
reach by public transport or on foot within `hub_reach_min` (and their own travel limit),
when the car's ride from there to the group is shorter than from their home. The solver
chooses home or hub per leg (OR-Tools pick-up and delivery sets); a long ride that breaks
the max ride time from home can so still be served. Which hubs are used, and the client's
own minutes to get there, are in `PickupPlan.meeting_points`.

Times are whole minutes from midnight, from `planner.geo.TravelModel` by car; the cost is
road distance in tenths of a kilometre (so the solver saves kilometres, not minutes).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Literal, NamedTuple, cast

from planner.geo import TravelModel, client_km, distance_km, postal_area_of, trip_minutes
from planner.model import Client, Plan, Season
from planner.routing.drivers import assign_drivers
from planner.routing.drop_reasons import DropReason, drop_reason
from planner.routing.vrptw import SolveParams, VrpInstance, VrpSolution, solve_vrptw
from planner.travel_figures import LOCAL_KM, ROAD_FACTOR, Area, area_of

DAY_START = 7 * 60
DAY_END = 20 * 60
MAX_RIDE_MIN = 60
EARLY_MIN = 30
HUB_REACH_MIN = 30


@dataclass(frozen=True, slots=True)
class Vehicle:
    vehicle_id: str
    seats: int
    base_venue: str


@dataclass(frozen=True, slots=True)
class Request:
    client_code: str
    group_id: str
    weekday: int
    home: str  # the client's postal code when the season has its area, else municipality code
    venue_id: str
    start: int
    end: int
    also: tuple[str, ...] = ()
    """Later groups at the same venue the client stays on for (back to back): the ride home
    follows the last of them."""

    @property
    def group_ids(self) -> tuple[str, ...]:
        return (self.group_id, *self.also)


StopKind = Literal["pickup", "dropoff"]


@dataclass(frozen=True, slots=True)
class Stop:
    kind: StopKind
    place: str  # venue id, or a client's home (`Request.home`)
    time: int
    clients: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Run:
    vehicle: Vehicle
    weekday: int
    stops: tuple[Stop, ...]
    km: float
    minutes: int
    depart: int = 0
    """Minutes from midnight when the car leaves its base; it is back `minutes` later."""
    driver: str | None = None
    """A staff member free for the whole run (`planner.routing.drivers`); None: nobody is."""


@dataclass(frozen=True, slots=True)
class MeetingPoint:
    """A client met at a hub instead of at home, for one leg."""

    client_code: str
    group_id: str
    leg: Literal["to", "from"]  # to the group, or home from it
    hub: str  # venue id
    minutes: int  # the client's own trip between home and the hub (transit or on foot)


@dataclass(frozen=True)
class PickupPlan:
    runs: tuple[Run, ...]
    dropped: tuple[tuple[str, str, DropReason], ...]  # (client_code, group_id, reason)
    meeting_points: tuple[MeetingPoint, ...] = ()


@dataclass(frozen=True)
class PickupParams:
    max_ride_min: int = MAX_RIDE_MIN
    early_min: int = EARLY_MIN
    day_start: int = DAY_START
    day_end: int = DAY_END
    seconds_per_day: float = 2.0
    hub_reach_min: int = HUB_REACH_MIN
    """Longest own trip (transit or on foot) to a hub; 0 meets every client at home."""
    hubs: tuple[str, ...] | None = None
    """Venue ids that may serve as hubs; None: every venue of the season."""
    hubs_per_leg: int = 2

    def __post_init__(self) -> None:
        if self.max_ride_min <= 0 or self.early_min < 0 or self.day_start >= self.day_end:
            raise ValueError("pick-up parameters out of range")
        if self.hub_reach_min < 0 or self.hubs_per_leg < 0:
            raise ValueError("hub parameters out of range")


STAY_MIN = 60
"""A client whose next group at the same venue starts within this after the last one ends
stays there in between: one ride there and one ride home."""


def ride_requests(season: Season, plan: Plan) -> list[Request]:
    """One request per ride client and stay at a venue (a group, or groups back to back),
    in a stable order."""
    out: list[Request] = []
    for code, gid in sorted(plan.participants):
        client = season.client.get(code)
        place = plan.placement.get(gid)
        if client is None or place is None or place.venue_id is None or client.travel != "ride":
            continue
        out.append(
            Request(
                code,
                gid,
                place.weekday,
                _home(season, client),
                place.venue_id,
                place.start,
                place.end,
            )
        )
    return _back_to_back(out)


def _back_to_back(requests: list[Request]) -> list[Request]:
    out: list[Request] = []
    for r in sorted(requests, key=lambda r: (r.client_code, r.weekday, r.start, r.group_id)):
        last = out[-1] if out else None
        if (
            last is not None
            and (last.client_code, last.weekday, last.venue_id)
            == (r.client_code, r.weekday, r.venue_id)
            and 0 <= r.start - last.end <= STAY_MIN
        ):
            out[-1] = replace(last, end=max(last.end, r.end), also=(*last.also, r.group_id))
        else:
            out.append(r)
    return out


def default_vehicles(season: Season, plan: Plan) -> list[Vehicle]:
    """A minibus (8) at the busiest staff base and a car (4) at the second busiest, by
    sessions led in the plan."""
    base = {s.staff_id: s.base_venue for s in season.staff if s.base_venue in season.venue}
    busy = Counter(base[lead] for p in plan.placements for lead in p.leaders if lead in base)
    ranked = [v for v, _ in busy.most_common()] or sorted({*base.values()})
    if not ranked:
        return []
    second = ranked[1] if len(ranked) > 1 else ranked[0]
    return [Vehicle("minibus-1", 8, ranked[0]), Vehicle("car-1", 4, second)]


def plan_pickups(
    season: Season,
    plan: Plan,
    vehicles: list[Vehicle] | None = None,
    params: PickupParams | None = None,
    travel: TravelModel | None = None,
) -> PickupPlan:
    """The week's pick-up runs, one routing problem per weekday."""
    params = params or PickupParams()
    travel = travel or TravelModel(season)
    vehicles = default_vehicles(season, plan) if vehicles is None else vehicles
    requests = ride_requests(season, plan)
    runs: list[Run] = []
    dropped: list[tuple[str, str, DropReason]] = []
    meeting: list[MeetingPoint] = []
    for weekday in sorted({r.weekday for r in requests}):
        day = [r for r in requests if r.weekday == weekday]
        day_plan = plan_day(season, day, vehicles, params, travel)
        runs += day_plan.runs
        dropped += day_plan.dropped
        meeting += day_plan.meeting_points
    return PickupPlan(assign_drivers(season, plan, runs, travel), tuple(dropped), tuple(meeting))


@dataclass(frozen=True)
class DayModel:
    """The routing instance of one day and what its nodes mean."""

    instance: VrpInstance
    places: tuple[str, ...]  # per node
    node_request: tuple[int | None, ...]  # per node: index into requests, None for a base
    node_kind: tuple[str, ...]  # "base", "pickup", "dropoff"
    km: tuple[tuple[float, ...], ...]
    node_hub: tuple[tuple[str, int] | None, ...] = ()
    """Per node: (hub venue id, the client's own minutes to it) for a hub alternative."""


def hub_options(
    season: Season, r: Request, params: PickupParams, travel: TravelModel
) -> list[tuple[str, int]]:
    """(hub, the client's own minutes to it), best first: hubs the client reaches by transit or
    on foot in time, from which the car's ride to the group is shorter than from home."""
    client = season.client.get(r.client_code)
    if client is None or params.hub_reach_min <= 0 or params.hubs_per_leg <= 0:
        return []
    limit = min(params.hub_reach_min, client.max_travel_min)
    direct = _leg(season, r.home, r.venue_id, travel)[0]
    options = []
    for hub in params.hubs if params.hubs is not None else tuple(season.venue):
        if hub == r.venue_id or hub not in season.venue:
            continue
        reach = min(travel.client_to_venue(client, hub, mode) for mode in ("transit", "walk"))
        car = travel.between_venues(hub, r.venue_id, "car")
        if reach <= limit and car < direct:
            options.append((car, reach, hub))
    return [(hub, reach) for _, reach, hub in sorted(options)[: params.hubs_per_leg]]


def build_day(
    season: Season,
    requests: list[Request],
    vehicles: list[Vehicle],
    params: PickupParams,
    travel: TravelModel,
) -> DayModel:
    places: list[str] = [v.base_venue for v in vehicles]
    node_request: list[int | None] = [None] * len(vehicles)
    node_hub: list[tuple[str, int] | None] = [None] * len(vehicles)
    kinds = ["base"] * len(vehicles)
    windows = [(params.day_start, params.day_end)] * len(vehicles)
    demands = [0] * len(vehicles)
    pairs: list[tuple[int, int]] = []
    pair_sets: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    early, day_start, day_end = params.early_min, params.day_start, params.day_end

    def node(i: int, place: str, kind: str, window, hub: tuple[str, int] | None = None) -> int:
        places.append(place)
        node_request.append(i)
        node_hub.append(hub)
        kinds.append(kind)
        windows.append(window)
        demands.append(1 if kind == "pickup" else -1)
        return len(places) - 1

    for i, r in enumerate(requests):
        hubs = [
            (h, m)
            for h, m in hub_options(season, r, params, travel)
            if day_start + m <= r.start and r.end <= day_end - m
        ]
        home_to = node(i, r.home, "pickup", (day_start, r.start))
        hubs_to = [node(i, h, "pickup", (day_start + m, r.start), (h, m)) for h, m in hubs]
        drop = node(i, r.venue_id, "dropoff", (max(day_start, r.start - early), r.start))
        pick = node(i, r.venue_id, "pickup", (r.end, min(day_end, r.end + early)))
        home_from = node(i, r.home, "dropoff", (r.end, day_end))
        hubs_from = [node(i, h, "dropoff", (r.end, day_end - m), (h, m)) for h, m in hubs]
        if hubs:
            pair_sets += [((home_to, *hubs_to), (drop,)), ((pick,), (home_from, *hubs_from))]
        else:
            pairs += [(home_to, drop), (pick, home_from)]
    minutes, km = leg_matrices(season, places, travel)
    instance = VrpInstance(
        duration=minutes,
        distance=tuple(tuple(round(x * 10) for x in row) for row in km),
        demands=tuple(demands),
        capacities=tuple(v.seats for v in vehicles),
        time_windows=tuple(windows),
        service_times=(0,) * len(places),
        depot=0,
        starts=tuple(range(len(vehicles))),
        ends=tuple(range(len(vehicles))),
        pairs=tuple(pairs),
        pair_sets=tuple(pair_sets),
        max_ride=params.max_ride_min,
    )
    return DayModel(instance, tuple(places), tuple(node_request), tuple(kinds), km, tuple(node_hub))


class DayPlan(NamedTuple):
    runs: list[Run]
    dropped: list[tuple[str, str, DropReason]]
    meeting_points: list[MeetingPoint]


def plan_day(
    season: Season,
    requests: list[Request],
    vehicles: list[Vehicle],
    params: PickupParams,
    travel: TravelModel,
) -> DayPlan:
    if not vehicles:
        return DayPlan(
            [],
            [(r.client_code, g, drop_reason("no_car")) for r in requests for g in r.group_ids],
            [],
        )
    outside = [r for r in requests if r.start < params.day_start or r.end > params.day_end]
    late = [
        (
            r.client_code,
            gid,
            drop_reason(
                "outside_day",
                start=r.start,
                end=r.end,
                day_start=params.day_start,
                day_end=params.day_end,
            ),
        )
        for r in outside
        for gid in r.group_ids
    ]
    requests = [r for r in requests if r not in outside]
    if not requests:
        return DayPlan([], late, [])
    weekday = requests[0].weekday
    model, sol, live, lost = _solve_both_ways(season, requests, vehicles, params, travel)
    runs = [_run(model, live, sol, k, v, weekday) for k, v in enumerate(vehicles) if sol.routes[k]]
    dropped = [
        (r.client_code, gid, _reason(season, r, vehicles, params, travel))
        for r in lost
        for gid in r.group_ids
    ]
    meeting = [
        _meeting_point(live[model.node_request[n]], model.node_kind[n], *model.node_hub[n])
        for route in sol.routes
        for n in route
        if model.node_hub[n] is not None
    ]
    return DayPlan(runs, late + dropped, sorted(meeting, key=lambda m: (m.client_code, m.leg)))


def _meeting_point(r: Request, kind: str, hub: str, minutes: int) -> MeetingPoint:
    if kind == "pickup":
        return MeetingPoint(r.client_code, r.group_id, "to", hub, minutes)
    return MeetingPoint(r.client_code, r.group_ids[-1], "from", hub, minutes)


def _solve_both_ways(season, requests, vehicles, params, travel, rounds: int = 3):
    """Solve, then drop the requests served one way only and solve again.

    Tying both legs with a hard constraint stops the insertion heuristics from inserting
    either leg alone, so they found nothing; a few rounds of this repair do the job.
    """
    lost: list[Request] = []
    live = list(requests)
    for round_ in range(rounds):
        model = build_day(season, live, vehicles, params, travel)
        sol = solve_vrptw(model.instance, SolveParams(seconds=params.seconds_per_day))
        served = Counter(model.node_request[n] for route in sol.routes for n in route)
        partial = {i for i, legs in served.items() if legs != 4}
        missing = [r for i, r in enumerate(live) if served.get(i, 0) == 0]
        if not partial or round_ == rounds - 1:
            break
        lost += [live[i] for i in sorted(partial)]
        live = [r for i, r in enumerate(live) if i not in partial]
    if partial:
        sol = _without(sol, {n for n, i in enumerate(model.node_request) if i in partial})
        lost += [live[i] for i in sorted(partial)]
        live = [r for i, r in enumerate(live) if i not in partial]
        sol = _renumber(sol, model, partial)
        model = build_day(season, live, vehicles, params, travel)
    return model, sol, live, lost + missing


def _without(sol: VrpSolution, nodes: set[int]) -> VrpSolution:
    routes, times = [], []
    for route, when in zip(sol.routes, sol.times, strict=True):
        kept = [(n, t) for n, t in zip(route, when, strict=True) if n not in nodes]
        routes.append(tuple(n for n, _ in kept))
        times.append(tuple(t for _, t in kept))
    return replace(sol, routes=tuple(routes), times=tuple(times))


def _renumber(sol: VrpSolution, model: DayModel, removed: set[int]) -> VrpSolution:
    """Node numbers once the requests in `removed` leave the model: the others keep their
    nodes, in order (build_day lays each request's nodes out the same way every time)."""
    kept = [n for n, i in enumerate(model.node_request) if i is None or i not in removed]
    new = {old: position for position, old in enumerate(kept)}
    return replace(sol, routes=tuple(tuple(new[n] for n in r) for r in sol.routes))


def _run(model: DayModel, requests, sol: VrpSolution, k: int, vehicle: Vehicle, weekday) -> Run:
    stops: list[Stop] = []
    for node, t in zip(sol.routes[k], sol.times[k], strict=True):
        kind, place = model.node_kind[node], model.places[node]
        code = requests[model.node_request[node]].client_code
        last = stops[-1] if stops else None
        if last and (last.kind, last.place, last.time) == (kind, place, t):
            stops[-1] = Stop(kind, place, t, (*last.clients, code))
        else:
            stops.append(Stop(cast(StopKind, kind), place, t, (code,)))
    path = [k, *sol.routes[k], k]
    km = sum(model.km[a][b] for a, b in pairwise(path))
    depart, back = sol.route_span[k]
    return Run(vehicle, weekday, tuple(stops), round(km, 1), back - depart, depart)


def leg_matrices(
    season: Season, places: list[str], travel: TravelModel
) -> tuple[tuple[tuple[int, ...], ...], tuple[tuple[float, ...], ...]]:
    """Car minutes and road km between every two places (venue ids or municipality codes)."""
    n = len(places)
    minutes = [[0] * n for _ in range(n)]
    km = [[0.0] * n for _ in range(n)]
    cache: dict[tuple[str, str], tuple[int, float]] = {}
    for i, a in enumerate(places):
        for j, b in enumerate(places):
            if a == b:
                continue
            if (a, b) not in cache:
                cache[(a, b)] = _leg(season, a, b, travel)
            minutes[i][j], km[i][j] = cache[(a, b)]
    return tuple(map(tuple, minutes)), tuple(map(tuple, km))


def _leg(season: Season, a: str, b: str, travel: TravelModel) -> tuple[int, float]:
    """Car minutes and road km between two places (venue ids or municipality codes)."""
    if a in season.venue and b in season.venue:
        return travel.between_venues(a, b, "car"), travel.venue_km(a, b)
    if a in season.venue or b in season.venue:
        home, venue_id = (b, a) if a in season.venue else (a, b)
        # TravelModel prices a client's trip; any client with this home stands for it.
        client = next((c for c in season.clients if _home(season, c) == home), None)
        v = season.venue[venue_id]
        if client is None:
            line = max(distance_km(_centre(season, home), (v.lat, v.lon)), LOCAL_KM / ROAD_FACTOR)
            area = area_of(v.municipality)
            return trip_minutes(line, "car", area, area), line * ROAD_FACTOR
        return travel.client_to_venue(client, venue_id, "car"), client_km(season, client, v)
    line = distance_km(_centre(season, a), _centre(season, b))
    return trip_minutes(line, "car", _area(season, a), _area(season, b)), line * ROAD_FACTOR


def _home(season: Season, client: Client) -> str:
    """The place a client's rides start from: their postal code when the season has its
    area (`planner.geo.client_home`), else their municipality's code."""
    area = postal_area_of(season, client)
    return area.postal_code if area else client.municipality


def _area(season: Season, home: str) -> Area:
    area = season.postal_area.get(home)
    return area_of(area.municipality if area is not None and area.municipality else home)


def _centre(season: Season, home: str) -> tuple[float, float]:
    area = season.postal_area.get(home)
    if area is not None:
        return (area.lat, area.lon)
    m = season.municipality[home]
    return (m.lat, m.lon)


def _reason(season, r: Request, vehicles, params: PickupParams, travel) -> DropReason:
    direct, _ = _leg(season, r.home, r.venue_id, travel)
    ride = params.max_ride_min
    if direct > ride:
        return drop_reason("too_long", season, r.home, r.venue_id, minutes=direct, limit=ride)
    reach = [
        v
        for v in vehicles
        if params.day_start + _leg_or_zero(season, v.base_venue, r.home, travel) + direct <= r.start
        and r.end + direct + _leg_or_zero(season, r.home, v.base_venue, travel) <= params.day_end
    ]
    if not reach:
        return drop_reason(
            "unreachable",
            season,
            r.home,
            r.venue_id,
            start=r.start,
            day_end=params.day_end,
            limit=ride,
        )
    return drop_reason("no_seat", start=r.start, end=r.end)


def _leg_or_zero(season: Season, a: str, b: str, travel: TravelModel) -> int:
    return 0 if a == b else _leg(season, a, b, travel)[0]
