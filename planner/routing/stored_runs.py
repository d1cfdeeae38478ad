"""The work car's runs (`PickupPlan`) as a JSON record and back, for the store's route cache
(`planner.store.route_cache`): the routes page solves a plan's runs once and reads them after.

    record = pickups_record(pickups)          # plain dicts, lists, strings and numbers
    assert pickups_from(record) == pickups
    codes = clients_named(pickups)            # the client codes the record holds
"""

from __future__ import annotations

from typing import Any

from planner.routing.drop_reasons import DropReason
from planner.routing.pickups import MeetingPoint, PickupPlan, Run, Stop, Vehicle

VERSION = 1
"""The record's layout; a record of another layout is read as not computed."""


def pickups_record(pickups: PickupPlan) -> dict[str, Any]:
    return {
        "version": VERSION,
        "runs": [
            {
                "vehicle": {
                    "vehicle_id": r.vehicle.vehicle_id,
                    "seats": r.vehicle.seats,
                    "base_venue": r.vehicle.base_venue,
                },
                "weekday": r.weekday,
                "stops": [
                    {"kind": s.kind, "place": s.place, "time": s.time, "clients": list(s.clients)}
                    for s in r.stops
                ],
                "km": r.km,
                "minutes": r.minutes,
                "depart": r.depart,
                "driver": r.driver,
            }
            for r in pickups.runs
        ],
        "dropped": [
            {"client": code, "group": group, "key": why.key, "texts": [list(p) for p in why.texts]}
            for code, group, why in pickups.dropped
        ],
        "meeting_points": [
            {
                "client_code": m.client_code,
                "group_id": m.group_id,
                "leg": m.leg,
                "hub": m.hub,
                "minutes": m.minutes,
            }
            for m in pickups.meeting_points
        ],
    }


def pickups_from(record: dict[str, Any] | None) -> PickupPlan | None:
    """The runs of a record; None for no record or one of another layout."""
    if not record or record.get("version") != VERSION:
        return None
    runs = tuple(
        Run(
            vehicle=Vehicle(**r["vehicle"]),
            weekday=int(r["weekday"]),
            stops=tuple(
                Stop(s["kind"], s["place"], int(s["time"]), tuple(s["clients"])) for s in r["stops"]
            ),
            km=r["km"],
            minutes=int(r["minutes"]),
            depart=int(r["depart"]),
            driver=r["driver"],
        )
        for r in record["runs"]
    )
    dropped = tuple(
        (d["client"], d["group"], DropReason(d["key"], tuple((a, b) for a, b in d["texts"])))
        for d in record["dropped"]
    )
    points = tuple(MeetingPoint(**m) for m in record["meeting_points"])
    return PickupPlan(runs, dropped, points)


def clients_named(pickups: PickupPlan) -> set[str]:
    """Every client code the runs, the dropped rides and the hubs name."""
    return (
        {code for r in pickups.runs for s in r.stops for code in s.clients}
        | {code for code, _, _ in pickups.dropped}
        | {m.client_code for m in pickups.meeting_points}
    )
