"""Small routing fixtures shared by the routing tests: line instances and a pick-up checker
that works from the returned stops alone."""

from __future__ import annotations

from planner.routing.pickups import PickupPlan, Request
from planner.routing.vrptw import VrpInstance, euclidean_matrix

OPEN = (0, 10_000)


def line_instance(
    xs: list[float], demands: list[int], capacity: int, vehicles: int = 3, **kw
) -> VrpInstance:
    """Depot at x=0, one client per x in `xs`; distances in tenths."""
    coords = [(0.0, 0.0), *((x, 0.0) for x in xs)]
    n = len(coords)
    return VrpInstance(
        duration=euclidean_matrix(coords),
        demands=(0, *demands),
        capacities=(capacity,) * vehicles,
        time_windows=kw.pop("time_windows", (OPEN,) * n),
        service_times=(0,) * n,
        **kw,
    )


def pickup_problems(plan: PickupPlan, requests: list[Request], max_ride: int, early: int):
    """Re-check a pick-up plan from its stops: seats, max ride, arrival windows, and every
    request served both ways exactly once or dropped with a reason. A leg's far end is the
    client's home, or the hub the plan's meeting points name for that leg."""
    problems: list[str] = []
    legs: dict[tuple[str, str], int] = {}
    met = {(m.client_code, m.group_id, m.leg): m.hub for m in plan.meeting_points}

    def far_end(r: Request, leg: str) -> str:
        group = r.group_id if leg == "to" else r.group_ids[-1]  # home after the last group
        return met.get((r.client_code, group, leg), r.home)

    for run in plan.runs:
        on_board: dict[str, tuple[int, str]] = {}
        for stop in run.stops:
            for code in stop.clients:
                if stop.kind == "pickup":
                    on_board[code] = (stop.time, stop.place)
                    continue
                start, origin = on_board.pop(code)
                if stop.time - start > max_ride:
                    problems.append(f"{code} rides {stop.time - start} min")
                mine = [r for r in requests if r.client_code == code]
                out = [
                    r
                    for r in mine
                    if (origin, stop.place) == (far_end(r, "to"), r.venue_id)
                    and r.start - early <= stop.time <= r.start
                ]
                back = [
                    r
                    for r in mine
                    if (origin, stop.place) == (r.venue_id, far_end(r, "from")) and start >= r.end
                ]
                # A client in two groups at one venue: the return belongs to the later one.
                for r in out[:1] + sorted(back, key=lambda r: -r.end)[:1]:
                    legs[(code, r.group_id)] = legs.get((code, r.group_id), 0) + 1
            if len(on_board) > run.vehicle.seats:
                problems.append(f"{run.vehicle.vehicle_id} carries {len(on_board)}")
        if on_board:
            problems.append(f"{run.vehicle.vehicle_id} ends with {sorted(on_board)} on board")
    dropped = {(c, g): reason for c, g, reason in plan.dropped}
    for r in requests:
        key = (r.client_code, r.group_id)
        served = legs.get(key, 0)
        if key in dropped:
            if served or not dropped[key]:
                problems.append(f"{key} dropped but served {served} legs or without reason")
            if any((r.client_code, g) not in dropped for g in r.also):
                problems.append(f"{key} dropped but not the groups it stays on for")
        elif served != 2:
            problems.append(f"{key} served {served} legs instead of 2")
    return problems
