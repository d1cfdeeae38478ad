"""Maps of a season, as pydeck decks. Pages draw them; nothing else imports this module."""

from __future__ import annotations

import math

import pandas as pd
import pydeck as pdk

from planner.geo import distance_km
from planner.i18n import t
from planner.model import Season
from planner.ui.summary import municipality_figures

MUNICIPALITY_RGBA = [30, 100, 200, 110]
ACCESSIBLE_RGBA = [20, 150, 80, 230]
NOT_ACCESSIBLE_RGBA = [230, 120, 20, 230]
TEXT_RGBA = [20, 30, 50, 255]
CENTRE_RADIUS_PX = 6
RADIUS_PX_PER_SQRT_CLIENT = 2.5
"""Circle area grows with the number of clients, so the radius grows with its square root."""
LABEL_OFFSET_PX = 14
NEIGHBOUR_KM = 12
"""A centre this close to a bigger one (Kauniainen inside Espoo) gets its label below."""
FONT = '"Source Sans Pro, Helvetica, Arial, sans-serif"'
# pydeck reads a bare string argument as an accessor expression ("position" -> d.position);
# a string in double quotes, like '"pixels"', is passed on as the literal text.


def _lat_lon(centre: dict) -> tuple[float, float]:
    lon, lat = centre["position"]
    return lat, lon


def fit_view(
    points: list[list[float]], width_px: int = 1000, height_px: int = 480, margin: float = 0.15
) -> pdk.ViewState:
    """A view centred on `points` ([lon, lat]) that shows them all on a map of about this size."""
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    lon_span = max(max(lons) - min(lons), 0.01) * (1 + 2 * margin)
    # Web Mercator stretches latitude by 1/cos(lat); deck.gl draws the world 512 px wide at zoom 0.
    mid_lat = (max(lats) + min(lats)) / 2
    lat_span = max(max(lats) - min(lats), 0.01) * (1 + 2 * margin) / math.cos(math.radians(mid_lat))
    zoom = min(
        math.log2(width_px * 360 / (512 * lon_span)),
        math.log2(height_px * 360 / (512 * lat_span)),
    )
    return pdk.ViewState(
        longitude=(max(lons) + min(lons)) / 2, latitude=mid_lat, zoom=round(zoom, 2), pitch=0
    )


def _labels_apart(centres: list[dict]) -> None:
    """A centre close to a bigger one (Kauniainen inside Espoo) gets its label below it."""
    for small in centres:
        small.setdefault("offset", [0, -LABEL_OFFSET_PX])
        if any(
            big["radius"] > small["radius"]
            and distance_km(_lat_lon(big), _lat_lon(small)) < NEIGHBOUR_KM
            for big in centres
        ):
            small["offset"] = [0, LABEL_OFFSET_PX]


def _dots(data: list[dict], radius: str | int, color: str | list[int], outline: bool) -> pdk.Layer:
    """Pickable circles sized in pixels, optionally with a white outline."""
    extra = {"get_line_color": [255, 255, 255], "line_width_min_pixels": 1, "stroked": True}
    return pdk.Layer(
        "ScatterplotLayer",
        data=data,
        get_position="position",
        get_radius=radius,
        radius_units='"pixels"',
        get_fill_color=color,
        pickable=True,
        **(extra if outline else {}),
    )


def _names(data: list[dict], offset: str | list[int]) -> pdk.Layer:
    """Names on a light background, offset from their point in pixels."""
    return pdk.Layer(
        "TextLayer",
        data=data,
        get_position="position",
        get_text="name",
        get_size=13,
        get_color=TEXT_RGBA,
        get_text_anchor='"middle"',
        get_alignment_baseline='"center"',
        get_pixel_offset=offset,
        font_family=FONT,
        background=True,
        get_background_color=[255, 255, 255, 190],
        background_padding=[3, 1],
        character_set='"auto"',  # deck.gl's default is ASCII; names have ä, ö and å
        font_weight=600,
    )


def county_map(season: Season, lang: str = "fi") -> pdk.Deck:
    """Municipality centres sized by clients, and venues coloured by accessibility."""
    yes, no = t("yes", lang), t("no", lang)
    centres = [
        {
            "position": [row.lon, row.lat],
            "name": row.municipality,
            "offset": [0, -LABEL_OFFSET_PX],
            "radius": CENTRE_RADIUS_PX + RADIUS_PX_PER_SQRT_CLIENT * math.sqrt(row.clients),
            "tip": t(
                "map.municipality_tip",
                lang,
                name=row.municipality,
                clients=row.clients,
                groups=row.groups,
            ),
        }
        for row in municipality_figures(season, lang).itertuples()
    ]
    _labels_apart(centres)
    venues = [
        {
            "position": [v.lon, v.lat],
            "color": ACCESSIBLE_RGBA if v.accessible else NOT_ACCESSIBLE_RGBA,
            "tip": t(
                "map.venue_tip",
                lang,
                name=v.display_name(lang),
                address=v.address,
                accessible=yes if v.accessible else no,
            ),
        }
        for v in season.venues
    ]
    layers = [
        _dots(centres, "radius", MUNICIPALITY_RGBA, outline=False),
        _dots(venues, 4, "color", outline=True),
        _names(centres, "offset"),
    ]
    points = [c["position"] for c in centres] + [v["position"] for v in venues]
    return pdk.Deck(
        layers=layers,
        initial_view_state=fit_view(points),
        map_style=None,  # Streamlit picks a light or dark base map to match its theme
        tooltip={"text": "{tip}"},
    )


def coverage_rgba(share: float | None) -> list[int]:
    """Red (nobody placed) through amber to green (everyone placed); grey without clients."""
    if share is None or share != share:  # None or NaN
        return [150, 150, 150, 160]
    share = min(max(float(share), 0.0), 1.0)
    if share < 0.5:
        return [220, int(60 + 2 * share * 140), 40, 200]
    return [int(220 - 2 * (share - 0.5) * 190), 200, 60, 200]


def coverage_map(season: Season, coverage: pd.DataFrame, lang: str = "fi") -> pdk.Deck:
    """Municipality centres coloured by the share of their clients placed, sized by clients.

    `coverage` is `planner.insight.coverage.coverage_by_municipality` for the season.
    """
    name = "name_sv" if lang == "sv" else "name_fi"
    centre = season.municipality
    centres = [
        {
            "position": [centre[row.code].lon, centre[row.code].lat],
            "name": getattr(row, name),
            "color": coverage_rgba(row.placed_share),
            "radius": CENTRE_RADIUS_PX + 2 * RADIUS_PX_PER_SQRT_CLIENT * math.sqrt(row.clients),
            "tip": t(
                "dash.map_tip",
                lang,
                name=getattr(row, name),
                placed=row.clients_placed,
                clients=row.clients,
                groups=row.groups_scheduled,
                seats=row.seats,
            ),
        }
        for row in coverage.itertuples()
    ]
    _labels_apart(centres)
    layers = [
        _dots(centres, "radius", "color", outline=True),
        _names(centres, "offset"),
    ]
    return pdk.Deck(
        layers=layers,
        initial_view_state=fit_view([c["position"] for c in centres]),
        map_style=None,
        tooltip={"text": "{tip}"},
    )
