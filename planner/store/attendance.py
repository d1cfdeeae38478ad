"""Whether a client can attend a live group's sessions: the catalogue's participant rules
applied at the moment of enrolment, so that no enrolment puts a client in a session they
cannot come to (a language they do not manage, a day they are not free, a trip over their
limit or a venue they cannot enter when they are on site, a remote place they did not agree
to). The live offering's group meets where and when its published plan placed it.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import sqlalchemy as sa

from planner import rules, terms
from planner.geo import TravelModel
from planner.model import WEEKDAYS, Client, Group, Placement, Season, hhmm
from planner.store.schema import EnrolmentRow, EventRow, OfferingRow, PlanGroupRow, SeasonRow
from planner.store.snapshot import season_at


class Slot(NamedTuple):
    """A group as a plan places it, for `attendance` and `clashing_group` before publishing."""

    plan_id: int
    group_id: str


def attendance(
    conn: sa.Connection, season_id: int, offering: Any, client_code: str
) -> tuple[tuple[str, str] | None, str]:
    """(problem, mode): the first participant rule the client would break by joining the
    offering's group as (rule key, why in English), or None; and how they would take part,
    "on_site" or "remote" (`rules.participation_mode`, as `planner.participation` decides it
    for a plan). `offering` needs only `plan_id` and `group_id`: a `Slot` asks about a group
    as a plan not yet published places it."""
    season, travel = _season(conn, season_id)
    group = season.group.get(offering.group_id)
    client = season.client.get(client_code)
    placed = conn.execute(
        sa.select(PlanGroupRow.weekday, PlanGroupRow.venue_id).where(
            PlanGroupRow.plan_id == offering.plan_id, PlanGroupRow.group_id == offering.group_id
        )
    ).first()
    if group is None or client is None or placed is None:
        return None, "on_site"  # unknown ids are refused by the caller with their own reasons
    problem = _problem(season, travel, group, client, placed.weekday, placed.venue_id)
    reachable = placed.venue_id is not None and _on_site_ok(season, travel, client, placed.venue_id)
    return problem, rules.participation_mode(group, client, reachable)


def clashing_group(
    conn: sa.Connection,
    season_id: int,
    offering: Any,
    client_code: str,
    plan_id: int | None = None,
    leaving: str | None = None,
) -> tuple[str, str] | None:
    """(group id, when) of a group the client is already active in whose sessions meet at the
    same time as the offering's (the same weekday, overlapping hours, terms sharing a week:
    `terms.sessions_clash`), or None. A client is in one session at a time (rule
    client_overlap), whatever their `max_groups`.

    `plan_id` places the client's other groups by that plan instead of their published one
    (a plan about to be published: groups it does not schedule clash with nothing);
    `leaving` is a group the client is about to leave, which clashes with nothing."""
    others = conn.execute(
        sa.select(OfferingRow.group_id, OfferingRow.plan_id)
        .join(EnrolmentRow, EnrolmentRow.offering_id == OfferingRow.id)
        .where(
            EnrolmentRow.season_id == season_id,
            EnrolmentRow.client_code == client_code,
            EnrolmentRow.status == "active",
            OfferingRow.status == "open",
            OfferingRow.group_id != offering.group_id,
            OfferingRow.group_id != (leaving or ""),
        )
        .order_by(OfferingRow.group_id)
    ).all()
    if not others:
        return None
    here = _placement(conn, offering.plan_id, offering.group_id)
    if here is None:
        return None
    season, _ = _season(conn, season_id)
    for other in others:
        there = _placement(conn, plan_id or other.plan_id, other.group_id)
        if there is not None and terms.sessions_clash(season.terms, here, there):
            when = f"{WEEKDAYS[there.weekday]} {hhmm(there.start)}-{hhmm(there.end)}"
            return there.group_id, when
    return None


def _placement(conn: sa.Connection, plan_id: int, group_id: str) -> Placement | None:
    row = conn.execute(
        sa.select(
            PlanGroupRow.weekday,
            PlanGroupRow.start_min,
            PlanGroupRow.end_min,
            PlanGroupRow.venue_id,
        ).where(PlanGroupRow.plan_id == plan_id, PlanGroupRow.group_id == group_id)
    ).first()
    if row is None:
        return None
    return Placement(group_id, row.weekday, row.start_min, row.end_min, row.venue_id, ())


def _on_site_ok(season: Season, travel: TravelModel, client: Client, venue_id: str) -> bool:
    if client.needs_accessible and not season.venue[venue_id].accessible:
        return False
    return travel.client_to_venue(client, venue_id) <= client.max_travel_min


def _problem(
    season: Season,
    travel: TravelModel,
    group: Group,
    client: Client,
    weekday: int,
    venue_id: str | None,
) -> tuple[str, str] | None:
    if not rules.client_speaks(group, client):
        return "participant_language", f"the group meets in {group.language}"
    if not rules.client_in_audience(group, client):
        return "participant_audience", f"the group is for audience {group.audience!r}"
    if not rules.remote_allowed(group, client):
        return "remote_consent", "a remote group, and taking part remotely is not agreed"
    if weekday not in client.days:
        return "participant_days", "the group meets on a day the client cannot come"
    if venue_id is None or not rules.travel_binds(group, client):
        return None
    minutes = travel.client_to_venue(client, venue_id)
    if minutes > client.max_travel_min:
        return "participant_travel", (
            f"{minutes} min by {client.travel} to {venue_id}, at most {client.max_travel_min}"
        )
    if client.needs_accessible and not season.venue[venue_id].accessible:
        return "accessible", f"{venue_id} is not accessible"
    return None


CLIENT_ADDED, CLIENT_EDITED = "client.add", "client.edit"
"""The audit actions that change a stored season's clients (`planner.store.clients`)."""

_SEASONS: dict[tuple[str, int, str, int | None], tuple[Season, TravelModel]] = {}
_KEPT = 8


def _season(conn: sa.Connection, season_id: int) -> tuple[Season, TravelModel]:
    """The stored season and its travel model, read once per database, import and client
    change (keyed by URL, id, import time and the newest client event: only clients change
    once a season is stored), a few kept at a time."""
    imported = conn.scalar(sa.select(SeasonRow.imported_at).where(SeasonRow.id == season_id))
    changed = conn.scalar(
        sa.select(sa.func.max(EventRow.id)).where(
            EventRow.action.in_((CLIENT_ADDED, CLIENT_EDITED))
        )
    )
    key = (str(conn.engine.url), season_id, str(imported), changed)
    found = _SEASONS.get(key)
    if found is None:
        season = season_at(conn, season_id)
        if season is None:
            raise LookupError(f"no season with id {season_id}")
        found = (season, TravelModel(season))
        while len(_SEASONS) >= _KEPT:
            _SEASONS.pop(next(iter(_SEASONS)))
        _SEASONS[key] = found
    return found


def forget_seasons(engine: sa.Engine) -> None:
    """Drop this database's seasons from the cache: a client write that was rolled back may
    have read its own uncommitted rows under a key a later event reuses (SQLite ids)."""
    url = str(engine.url)
    for key in [k for k in _SEASONS if k[0] == url]:
        _SEASONS.pop(key, None)
