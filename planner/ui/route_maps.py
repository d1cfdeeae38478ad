"""The week's routes as tables and a pydeck map: staff routes (`staff_days`), the work car's
runs (`plan_pickups`), temporary office days and the staff allowance. Pages draw them; the
library never imports this module. Clients appear by code only, never by name.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import pydeck as pdk

from planner.i18n import t
from planner.model import Season, hhmm
from planner.plan_figures import StaffDay
from planner.routing.allowance import AllowanceRow
from planner.routing.drop_reasons import DropReason
from planner.routing.offices import OfficeDay
from planner.routing.pickups import MeetingPoint, Run
from planner.routing.reimburse import TravelAdvice
from planner.ui.maps import FONT, TEXT_RGBA, fit_view
from planner.ui.week_grid import weekday_names

VENUE_RGBA = [120, 120, 130, 180]
BASE_RGBA = [30, 100, 200, 230]
CAR_RGBA = [230, 120, 20, 220]
PALETTE = [
    [31, 119, 180],
    [44, 160, 44],
    [214, 39, 40],
    [148, 103, 189],
    [140, 86, 75],
    [227, 119, 194],
    [23, 190, 207],
    [188, 189, 34],
    [127, 127, 127],
    [255, 187, 120],
]


def place_point(season: Season, place: str) -> list[float] | None:
    """[lon, lat] of a venue id, or of a client's home: a postal code or a municipality code
    (`planner.routing.pickups.Request.home`)."""
    if place in season.venue:
        v = season.venue[place]
        return [v.lon, v.lat]
    if place in season.postal_area:
        a = season.postal_area[place]
        return [a.lon, a.lat]
    if place in season.municipality:
        m = season.municipality[place]
        return [m.lon, m.lat]
    return None


def place_name(season: Season, place: str, lang: str) -> str:
    if place in season.venue:
        return season.venue[place].display_name(lang)
    if place in season.postal_area:
        name = f"{place} {season.postal_area[place].name(lang)}"
        return t("routes.home_in", lang, name=name)
    if place in season.municipality:
        return t("routes.home_in", lang, name=season.municipality[place].name(lang))
    return place


def staff_name(season: Season, staff_id: str) -> str:
    person = next((s for s in season.staff if s.staff_id == staff_id), None)
    return f"{person.name} ({staff_id})" if person else staff_id


def route_table(season: Season, days: list[StaffDay], lang: str) -> pd.DataFrame:
    names = weekday_names(lang)
    return pd.DataFrame(
        {
            t("routes.col.staff", lang): [staff_name(season, d.staff_id) for d in days],
            t("routes.col.weekday", lang): [names[d.weekday] for d in days],
            t("routes.col.stops", lang): [
                " → ".join(place_name(season, s, lang) for s in d.stops) for d in days
            ],
            t("routes.col.km", lang): [d.km for d in days],
            t("routes.col.minutes", lang): [d.drive_min for d in days],
        }
    )


def run_sheet(season: Season, run: Run, lang: str) -> pd.DataFrame:
    """A printable run sheet: order, time, pick-up or drop-off, place, client codes."""
    return pd.DataFrame(
        {
            t("routes.col.order", lang): list(range(1, len(run.stops) + 1)),
            t("routes.col.time", lang): [hhmm(s.time) for s in run.stops],
            t("routes.col.action", lang): [t(f"routes.{s.kind}", lang) for s in run.stops],
            t("routes.col.place", lang): [place_name(season, s.place, lang) for s in run.stops],
            t("routes.col.clients", lang): [", ".join(s.clients) for s in run.stops],
        }
    )


def hub_table(season: Season, points: Sequence[MeetingPoint], lang: str) -> pd.DataFrame:
    """Who is met at a hub instead of at home, for which leg, and their own trip there."""
    return pd.DataFrame(
        {
            t("routes.col.clients", lang): [m.client_code for m in points],
            t("routes.col.group", lang): [m.group_id for m in points],
            t("routes.col.leg", lang): [t(f"routes.leg.{m.leg}", lang) for m in points],
            t("routes.col.hub", lang): [place_name(season, m.hub, lang) for m in points],
            t("routes.col.own_minutes", lang): [m.minutes for m in points],
        }
    )


def dropped_table(
    season: Season, dropped: Sequence[tuple[str, str, DropReason]], lang: str
) -> pd.DataFrame:
    """The rides the work cars cannot give (clients by code), with the reason: the
    coordinator's list to arrange otherwise (another group, taxi, a second car)."""
    return pd.DataFrame(
        {
            t("routes.col.clients", lang): [c for c, _, _ in dropped],
            t("routes.col.group", lang): [
                f"{g} · {season.group[g].display_name(lang)}" if g in season.group else g
                for _, g, _ in dropped
            ],
            t("routes.col.reason", lang): [reason.text(lang) for _, _, reason in dropped],
        }
    )


def travel_table(advice: TravelAdvice, lang: str) -> pd.DataFrame:
    """A client's ways to a group, cheapest first: minutes, km, reimbursed euros a session."""
    return pd.DataFrame(
        {
            t("routes.col.mode", lang): [t(f"routes.mode.{o.mode}", lang) for o in advice.options],
            t("routes.col.one_way_min", lang): [o.minutes for o in advice.options],
            t("routes.col.km", lang): [o.km for o in advice.options],
            t("routes.col.eur_session", lang): [o.eur for o in advice.options],
            t("routes.col.reasonable", lang): [
                t("routes.yes" if o.reasonable else "routes.no", lang) for o in advice.options
            ],
        }
    )


def office_table(season: Season, days: list[OfficeDay], lang: str) -> pd.DataFrame:
    names = weekday_names(lang)
    return pd.DataFrame(
        {
            t("routes.col.staff", lang): [staff_name(season, d.staff_id) for d in days],
            t("routes.col.weekday", lang): [names[d.weekday] for d in days],
            t("routes.col.base", lang): [place_name(season, d.base_venue, lang) for d in days],
            t("routes.col.office", lang): [place_name(season, d.office_venue, lang) for d in days],
            t("routes.col.km_base", lang): [d.km_from_base for d in days],
            t("routes.col.km_office", lang): [d.km_from_office for d in days],
            t("routes.col.saved", lang): [d.saved_km for d in days],
        }
    )


def allowance_table(season: Season, rows: list[AllowanceRow], lang: str) -> pd.DataFrame:
    names = weekday_names(lang)
    return pd.DataFrame(
        {
            t("routes.col.staff", lang): [staff_name(season, r.staff_id) for r in rows],
            t("routes.col.weekday", lang): [names[r.weekday] for r in rows],
            t("routes.col.km", lang): [r.km for r in rows],
            t("routes.col.eur", lang): [r.eur for r in rows],
        }
    )


def labelled_venues(season: Season, days: Sequence[StaffDay], runs: Sequence[Run]) -> list[str]:
    """The venues the map names: those on the routes and runs shown (their bases included),
    or every staff base when none is shown; so a season of 400 groups names a few, not all."""
    on_routes = {s for d in days for s in d.stops} | {
        place for r in runs for place in (r.vehicle.base_venue, *(s.place for s in r.stops))
    }
    named = on_routes or {s.base_venue for s in season.staff}
    return sorted(v for v in named if v in season.venue)


def route_map(season: Season, days: list[StaffDay], runs: list[Run], lang: str = "fi") -> pdk.Deck:
    """Venues, staff bases, staff routes (coloured per person) and the work car's runs; the
    venues on the shown routes are named in the page's language."""
    bases = {s.base_venue for s in season.staff}
    venues = [
        {
            "position": [v.lon, v.lat],
            "color": BASE_RGBA if v.venue_id in bases else VENUE_RGBA,
            "radius": 6 if v.venue_id in bases else 4,
            "tip": v.display_name(lang),
        }
        for v in season.venues
    ]
    colour = {s.staff_id: PALETTE[i % len(PALETTE)] for i, s in enumerate(season.staff)}
    names = weekday_names(lang)
    paths = []
    for d in days:
        points = [p for p in (place_point(season, s) for s in d.stops) if p is not None]
        if len(points) > 1:
            paths.append(
                {
                    "path": points,
                    "color": colour.get(d.staff_id, VENUE_RGBA),
                    "tip": t(
                        "routes.route_tip",
                        lang,
                        who=staff_name(season, d.staff_id),
                        day=names[d.weekday],
                        km=d.km,
                    ),
                }
            )
    for run in runs:
        points = [p for p in (place_point(season, s.place) for s in run.stops) if p is not None]
        base = place_point(season, run.vehicle.base_venue)
        if base is not None:
            points = [base, *points, base]
        if len(points) > 1:
            paths.append(
                {
                    "path": points,
                    "color": CAR_RGBA,
                    "tip": t(
                        "routes.run_tip",
                        lang,
                        who=run.vehicle.vehicle_id,
                        day=names[run.weekday],
                        km=run.km,
                    ),
                }
            )
    base_labels = [
        {
            "position": [season.venue[v].lon, season.venue[v].lat],
            "name": season.venue[v].display_name(lang),
        }
        for v in labelled_venues(season, days, runs)
    ]
    layers = [
        pdk.Layer(
            "PathLayer",
            data=paths,
            get_path="path",
            get_color="color",
            width_min_pixels=3,
            pickable=True,
        ),
        pdk.Layer(
            "ScatterplotLayer",
            data=venues,
            get_position="position",
            get_radius="radius",
            radius_units='"pixels"',
            get_fill_color="color",
            get_line_color=[255, 255, 255],
            line_width_min_pixels=1,
            stroked=True,
            pickable=True,
        ),
        pdk.Layer(
            "TextLayer",
            data=base_labels,
            get_position="position",
            get_text="name",
            get_size=11,
            get_color=TEXT_RGBA,
            get_pixel_offset=[0, -12],
            font_family=FONT,
            character_set='"auto"',
        ),
    ]
    points = [v["position"] for v in venues] or [[24.0, 60.2]]
    return pdk.Deck(
        layers=layers,
        initial_view_state=fit_view(points),
        map_style=None,
        tooltip={"text": "{tip}"},
    )
