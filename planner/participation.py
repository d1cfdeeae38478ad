"""How each participant of a plan takes part: on site or remote.

Decided once, after the search, from the season and the plan's placements (the search only
needs to know who *may* join remotely: `rules.travel_binds`). A participant of a remote group
is remote; a participant of a hybrid group who agreed to take part remotely (`Client.remote`)
is remote when the venue is out of their reach or not accessible enough for them, on site
otherwise; everyone else is on site, where their travel limit and accessibility need bind.
"""

from __future__ import annotations

from dataclasses import replace

from planner import rules
from planner.geo import TravelModel
from planner.model import Plan, Season


def on_site_ok(season: Season, travel: TravelModel, code: str, venue_id: str | None) -> bool:
    """The venue is within the client's travel limit and accessible when they need it."""
    if venue_id is None:
        return False
    client = season.client[code]
    venue = season.venue[venue_id]
    if client.needs_accessible and not venue.accessible:
        return False
    return travel.client_to_venue(client, venue_id) <= client.max_travel_min


def with_modes(season: Season, plan: Plan, travel: TravelModel | None = None) -> Plan:
    """`plan` with `Plan.remote` set by `rules.participation_mode` for every participant."""
    travel = travel or TravelModel(season)
    remote = []
    for code, gid in dict.fromkeys(plan.participants):
        placement = plan.placement.get(gid)
        group = season.group.get(gid)
        client = season.client.get(code)
        if placement is None or group is None or client is None:
            continue
        reachable = group.mode == "hybrid" and on_site_ok(season, travel, code, placement.venue_id)
        if rules.participation_mode(group, client, reachable) == "remote":
            remote.append((code, gid))
    return replace(plan, remote=tuple(remote))
