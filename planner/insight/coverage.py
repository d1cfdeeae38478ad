"""Does the offering reach everyone (handbook l. 409-416)? Coverage of a plan, per
municipality and per way of travelling. Plain pandas from a `Season` and a `Plan`.

Definitions (the dashboard, the Excel report and the notebook all use these):
- `seats`: the `max_size` of every scheduled group; per 10,000 residents with the
  municipality's population (empty when the data has none).
- language mix: `clients_sv_share` is the share of the municipality's clients who manage
  Swedish, `groups_sv_share` the share of its scheduled groups that are in Swedish.
- `placed_share`: clients registered in the municipality who are in at least one group.
- `accessible_share`: scheduled groups meeting in person at a step-free venue, of those meeting
  in person; remote groups need no venue and are left out.
- travel: minutes from a placed client's home to the venue of each group they attend on site
  (in-person groups, and hybrid groups unless they take part remotely), by the client's own
  way of travelling, from `planner.geo` (estimates, not timetables).
- `remote_participants`: places taken remotely (by consent, l. 456, 469, 473-474).
"""

from __future__ import annotations

import pandas as pd

from planner.geo import TravelModel
from planner.model import Plan, Season

PER_RESIDENTS = 10_000
MUNICIPALITY_COLUMNS = (
    "code",
    "name_fi",
    "name_sv",
    "population",
    "groups_requested",
    "groups_scheduled",
    "seats",
    "groups_per_10k",
    "seats_per_10k",
    "groups_fi",
    "groups_sv",
    "groups_sv_share",
    "clients",
    "clients_sv_share",
    "clients_placed",
    "placed_share",
    "remote_participants",
    "in_person_groups",
    "accessible_groups",
    "accessible_share",
    "travel_median_min",
    "travel_worst_min",
)
TRAVEL_COLUMNS = ("mode", "trips", "median_min", "worst_min", "over_limit")


def client_trips(season: Season, plan: Plan, travel: TravelModel | None = None) -> pd.DataFrame:
    """One row per placed client and group they attend on site: where they live, mode,
    minutes, limit."""
    travel = travel or TravelModel(season)
    placement = plan.placement
    rows = []
    for code, gid in plan.participants:
        where = placement.get(gid)
        client = season.client.get(code)
        group = season.group.get(gid)
        if where is None or client is None or group is None or where.venue_id is None:
            continue
        if plan.mode_of(code, gid) == "remote":
            continue
        rows.append(
            {
                "client_code": code,
                "group_id": gid,
                "municipality": client.municipality,
                "mode": client.travel,
                "minutes": travel.client_to_venue(client, where.venue_id),
                "max_travel_min": client.max_travel_min,
            }
        )
    return pd.DataFrame(
        rows,
        columns=["client_code", "group_id", "municipality", "mode", "minutes", "max_travel_min"],
    )


def coverage_by_municipality(
    season: Season, plan: Plan, trips: pd.DataFrame | None = None
) -> pd.DataFrame:
    """One row per municipality of the season, in the data's order, columns as
    `MUNICIPALITY_COLUMNS`."""
    trips = client_trips(season, plan) if trips is None else trips
    scheduled = [season.group[p.group_id] for p in plan.placements if p.group_id in season.group]
    placed = {code for code, _ in plan.participants}
    remote_of = [code for code, _ in dict.fromkeys(plan.remote)]
    venue_of = {p.group_id: p.venue_id for p in plan.placements}
    rows = []
    for m in season.municipalities:
        mine = [g for g in scheduled if g.municipality == m.code]
        clients = [c for c in season.clients if c.municipality == m.code]
        in_person = [g for g in mine if g.mode == "in_person" and venue_of.get(g.group_id)]
        accessible = [g for g in in_person if season.venue[venue_of[g.group_id]].accessible]
        seats = sum(g.max_size for g in mine)
        minutes = trips.loc[trips["municipality"] == m.code, "minutes"]
        rows.append(
            {
                "code": m.code,
                "name_fi": m.name_fi,
                "name_sv": m.name_sv,
                "population": m.population,
                "groups_requested": sum(g.municipality == m.code for g in season.groups),
                "groups_scheduled": len(mine),
                "seats": seats,
                "groups_per_10k": _per_residents(len(mine), m.population),
                "seats_per_10k": _per_residents(seats, m.population),
                "groups_fi": sum(g.language == "fi" for g in mine),
                "groups_sv": sum(g.language == "sv" for g in mine),
                "groups_sv_share": _share(sum(g.language == "sv" for g in mine), len(mine)),
                "clients": len(clients),
                "clients_sv_share": _share(sum("sv" in c.languages for c in clients), len(clients)),
                "clients_placed": sum(c.client_code in placed for c in clients),
                "placed_share": _share(sum(c.client_code in placed for c in clients), len(clients)),
                "remote_participants": sum(
                    season.client[code].municipality == m.code
                    for code in remote_of
                    if code in season.client
                ),
                "in_person_groups": len(in_person),
                "accessible_groups": len(accessible),
                "accessible_share": _share(len(accessible), len(in_person)),
                "travel_median_min": float(minutes.median()) if len(minutes) else None,
                "travel_worst_min": int(minutes.max()) if len(minutes) else None,
            }
        )
    return pd.DataFrame(rows, columns=list(MUNICIPALITY_COLUMNS))


def travel_by_mode(trips: pd.DataFrame) -> pd.DataFrame:
    """Median and worst trip per way of travelling, and trips over the client's own limit."""
    rows = []
    for mode, part in trips.groupby("mode", sort=True):
        rows.append(
            {
                "mode": mode,
                "trips": len(part),
                "median_min": float(part["minutes"].median()),
                "worst_min": int(part["minutes"].max()),
                "over_limit": int((part["minutes"] > part["max_travel_min"]).sum()),
            }
        )
    return pd.DataFrame(rows, columns=list(TRAVEL_COLUMNS))


def county_totals(coverage: pd.DataFrame) -> dict[str, float | int | None]:
    """The county as one row: sums of counts and shares recomputed from them."""
    population = coverage["population"].dropna()
    total_population = int(population.sum()) if len(population) else None
    groups = int(coverage["groups_scheduled"].sum())
    seats = int(coverage["seats"].sum())
    clients = int(coverage["clients"].sum())
    placed = int(coverage["clients_placed"].sum())
    in_person = int(coverage["in_person_groups"].sum())
    return {
        "groups_requested": int(coverage["groups_requested"].sum()),
        "groups_scheduled": groups,
        "seats": seats,
        "groups_per_10k": _per_residents(groups, total_population),
        "seats_per_10k": _per_residents(seats, total_population),
        "clients": clients,
        "clients_placed": placed,
        "placed_share": _share(placed, clients),
        "accessible_share": _share(int(coverage["accessible_groups"].sum()), in_person),
    }


def _per_residents(count: int, population: int | None) -> float | None:
    if not population:
        return None
    return round(count * PER_RESIDENTS / population, 2)


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None
