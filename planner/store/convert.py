"""Domain objects to table rows (plain dicts) and back.

Rows are dicts ready for a bulk `insert()`; the caller adds `season_id` or `plan_id`.
Tuples become JSON lists on the way in and tuples again on the way out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from planner.model import (
    Client,
    Group,
    Interval,
    Municipality,
    Partner,
    Placement,
    Plan,
    PostalArea,
    Season,
    Staff,
    Theme,
    Unscheduled,
    Venue,
)

Row = dict[str, Any]


# --- season -> rows ---


def municipality_row(m: Municipality) -> Row:
    return {
        "code": m.code,
        "name_fi": m.name_fi,
        "name_sv": m.name_sv,
        "lat": m.lat,
        "lon": m.lon,
        "population": m.population,
    }


def venue_row(v: Venue) -> Row:
    return {
        "venue_id": v.venue_id,
        "name": v.name,
        "name_sv": v.name_sv,
        "municipality": v.municipality,
        "address": v.address,
        "lat": v.lat,
        "lon": v.lon,
        "capacity": v.capacity,
        "accessible": v.accessible,
        "rooms": v.rooms,
        "open": [[i.weekday, i.start, i.end] for i in v.open],
    }


def staff_row(s: Staff) -> Row:
    return {
        "staff_id": s.staff_id,
        "name": s.name,
        "title": s.title,
        "qualified": s.qualified,
        "base_venue": s.base_venue,
        "languages": list(s.languages),
        "skills": list(s.skills),
        "days": list(s.days),
        "max_group_hours": s.max_group_hours,
        "car": s.car,
    }


def partner_row(p: Partner) -> Row:
    return {
        "partner_id": p.partner_id,
        "name": p.name,
        "organisation": p.organisation,
        "kind": p.kind,
        "qualified": p.qualified,
        "languages": list(p.languages),
        "skills": list(p.skills),
        "days": list(p.days),
        "municipalities": list(p.municipalities),
    }


def group_row(g: Group) -> Row:
    return {
        "group_id": g.group_id,
        "name": g.name,
        "name_sv": g.name_sv,
        "kind": g.kind,
        "theme": g.theme,
        "audience": g.audience,
        "language": g.language,
        "hours": g.hours,
        "min_size": g.min_size,
        "max_size": g.max_size,
        "municipality": g.municipality,
        "mode": g.mode,
        "start_date": g.start_date,
        "weeks": g.weeks,
        "priority": g.priority,
        "weekday": g.weekday,
        "start_min": g.start,
        "venue_id": g.venue_id,
        "leaders": list(g.leaders),
        "drop_in": g.drop_in,
    }


def client_row(c: Client) -> Row:
    return {
        "client_code": c.client_code,
        "municipality": c.municipality,
        "postal_code": c.postal_code,
        "languages": list(c.languages),
        "interests": list(c.interests),
        "audience": list(c.audience),
        "days": list(c.days),
        "travel": c.travel,
        "max_travel_min": c.max_travel_min,
        "needs_accessible": c.needs_accessible,
        "counsellor": c.counsellor,
        "wishes": list(c.wishes),
        "max_groups": c.max_groups,
        "remote": c.remote,
    }


def travel_time_row(t: tuple[str, str, str, float]) -> Row:
    from_id, to_id, mode, minutes = t
    return {"from_id": from_id, "to_id": to_id, "mode": mode, "minutes": minutes}


def postal_area_row(a: PostalArea) -> Row:
    return {
        "postal_code": a.postal_code,
        "name_fi": a.name_fi,
        "name_sv": a.name_sv,
        "lat": a.lat,
        "lon": a.lon,
        "municipality": a.municipality,
    }


def theme_row(t: Theme) -> Row:
    return {"theme": t.theme, "name_fi": t.name_fi, "name_sv": t.name_sv, "name_en": t.name_en}


def season_rows(season: Season) -> dict[str, list[Row]]:
    """Rows per table name, each with its `position` in the season's tuple."""
    parts: dict[str, tuple[Sequence[Any], Any]] = {
        "municipalities": (season.municipalities, municipality_row),
        "venues": (season.venues, venue_row),
        "staff": (season.staff, staff_row),
        "partners": (season.partners, partner_row),
        "groups": (season.groups, group_row),
        "clients": (season.clients, client_row),
        "travel_times": (season.travel_minutes, travel_time_row),
        "postal_areas": (season.postal_areas, postal_area_row),
        "themes": (season.themes, theme_row),
    }
    return {
        table: [{**to_row(item), "position": i} for i, item in enumerate(items)]
        for table, (items, to_row) in parts.items()
    }


# --- rows -> season ---


def municipality_from(r: Mapping[str, Any]) -> Municipality:
    return Municipality(
        code=r["code"],
        name_fi=r["name_fi"],
        name_sv=r["name_sv"],
        lat=r["lat"],
        lon=r["lon"],
        population=r["population"],
    )


def venue_from(r: Mapping[str, Any]) -> Venue:
    return Venue(
        venue_id=r["venue_id"],
        name=r["name"],
        municipality=r["municipality"],
        address=r["address"],
        lat=r["lat"],
        lon=r["lon"],
        capacity=r["capacity"],
        accessible=r["accessible"],
        open=tuple(Interval(int(d), int(s), int(e)) for d, s, e in r["open"]),
        rooms=r["rooms"],
        name_sv=r["name_sv"],
    )


def staff_from(r: Mapping[str, Any]) -> Staff:
    return Staff(
        staff_id=r["staff_id"],
        name=r["name"],
        title=r["title"],
        qualified=r["qualified"],
        base_venue=r["base_venue"],
        languages=tuple(r["languages"]),
        skills=tuple(r["skills"]),
        days=tuple(r["days"]),
        max_group_hours=r["max_group_hours"],
        car=r["car"],
    )


def partner_from(r: Mapping[str, Any]) -> Partner:
    return Partner(
        partner_id=r["partner_id"],
        name=r["name"],
        organisation=r["organisation"],
        kind=r["kind"],
        qualified=r["qualified"],
        languages=tuple(r["languages"]),
        skills=tuple(r["skills"]),
        days=tuple(r["days"]),
        municipalities=tuple(r["municipalities"]),
    )


def group_from(r: Mapping[str, Any]) -> Group:
    return Group(
        group_id=r["group_id"],
        name=r["name"],
        kind=r["kind"],
        theme=r["theme"],
        audience=r["audience"],
        language=r["language"],
        hours=r["hours"],
        min_size=r["min_size"],
        max_size=r["max_size"],
        municipality=r["municipality"],
        mode=r["mode"],
        start_date=r["start_date"],
        weeks=r["weeks"],
        weekday=r["weekday"],
        start=r["start_min"],
        venue_id=r["venue_id"],
        leaders=tuple(r["leaders"]),
        priority=r["priority"],
        name_sv=r["name_sv"],
        drop_in=bool(r.get("drop_in", False)),
    )


def client_from(r: Mapping[str, Any]) -> Client:
    return Client(
        client_code=r["client_code"],
        municipality=r["municipality"],
        languages=tuple(r["languages"]),
        interests=tuple(r["interests"]),
        days=tuple(r["days"]),
        travel=r["travel"],
        max_travel_min=r["max_travel_min"],
        needs_accessible=r["needs_accessible"],
        counsellor=r["counsellor"],
        postal_code=r["postal_code"],
        audience=tuple(r["audience"]),
        wishes=tuple(r["wishes"]),
        max_groups=r["max_groups"],
        remote=bool(r["remote"]),
    )


def travel_time_from(r: Mapping[str, Any]) -> tuple[str, str, str, float]:
    return (r["from_id"], r["to_id"], r["mode"], r["minutes"])


def postal_area_from(r: Mapping[str, Any]) -> PostalArea:
    return PostalArea(
        postal_code=r["postal_code"],
        name_fi=r["name_fi"],
        name_sv=r["name_sv"],
        lat=r["lat"],
        lon=r["lon"],
        municipality=r["municipality"],
    )


def theme_from(r: Mapping[str, Any]) -> Theme:
    return Theme(theme=r["theme"], name_fi=r["name_fi"], name_sv=r["name_sv"], name_en=r["name_en"])


def season_from(name: str, rows: Mapping[str, Sequence[Mapping[str, Any]]]) -> Season:
    """A season from rows per table name, each list already in `position` order."""
    return Season(
        municipalities=tuple(municipality_from(r) for r in rows["municipalities"]),
        venues=tuple(venue_from(r) for r in rows["venues"]),
        staff=tuple(staff_from(r) for r in rows["staff"]),
        partners=tuple(partner_from(r) for r in rows["partners"]),
        groups=tuple(group_from(r) for r in rows["groups"]),
        clients=tuple(client_from(r) for r in rows["clients"]),
        name=name,
        travel_minutes=tuple(travel_time_from(r) for r in rows["travel_times"]),
        postal_areas=tuple(postal_area_from(r) for r in rows.get("postal_areas", ())),
        themes=tuple(theme_from(r) for r in rows.get("themes", ())),
    )


# --- plan <-> rows ---


def plan_rows(plan: Plan) -> dict[str, list[Row]]:
    return {
        "plan_groups": [
            {
                "position": i,
                "group_id": p.group_id,
                "weekday": p.weekday,
                "start_min": p.start,
                "end_min": p.end,
                "venue_id": p.venue_id,
                "leaders": list(p.leaders),
            }
            for i, p in enumerate(plan.placements)
        ],
        "plan_participants": [
            {"position": i, "client_code": code, "group_id": gid, "mode": plan.mode_of(code, gid)}
            for i, (code, gid) in enumerate(plan.participants)
        ],
        "plan_unscheduled": [
            {"position": i, "group_id": u.group_id, "reason": u.reason}
            for i, u in enumerate(plan.unscheduled)
        ],
    }


def plan_from(rows: Mapping[str, Sequence[Mapping[str, Any]]]) -> Plan:
    return Plan(
        placements=tuple(
            Placement(
                group_id=r["group_id"],
                weekday=r["weekday"],
                start=r["start_min"],
                end=r["end_min"],
                venue_id=r["venue_id"],
                leaders=tuple(r["leaders"]),
            )
            for r in rows["plan_groups"]
        ),
        participants=tuple((r["client_code"], r["group_id"]) for r in rows["plan_participants"]),
        remote=tuple(
            (r["client_code"], r["group_id"])
            for r in rows["plan_participants"]
            if r["mode"] == "remote"
        ),
        unscheduled=tuple(
            Unscheduled(group_id=r["group_id"], reason=r["reason"])
            for r in rows["plan_unscheduled"]
        ),
    )
