"""The routes page: the week's staff routes and work-car runs on a map, a printable run sheet,
temporary office days and the staff kilometre allowance, for the current plan.

The work car's runs take a routing solve per weekday (half a minute at 376 groups), so they
are computed on a button and kept in the store by plan id (`planner.store.route_cache`):
every later view of the plan, in any session, reads them. With many people the map shows
one person's route or one vehicle's run at a time."""

from __future__ import annotations

import logging
import os

import streamlit as st

from planner import access, rules
from planner.i18n import t
from planner.model import Plan, Season, hhmm
from planner.plan_figures import staff_days
from planner.routing.allowance import DEFAULT_RATE, staff_allowance
from planner.routing.offices import suggest_offices
from planner.routing.pickups import PickupParams, PickupPlan, plan_pickups
from planner.routing.reimburse import group_travel
from planner.routing.stored_runs import clients_named, pickups_from, pickups_record
from planner.store import Store, StoreError
from planner.store.route_cache import RouteCache
from planner.ui import auth, common
from planner.ui.print_buttons import run_sheet_download
from planner.ui.route_maps import (
    allowance_table,
    dropped_table,
    hub_table,
    office_table,
    route_map,
    route_table,
    run_sheet,
    staff_name,
    travel_table,
)
from planner.ui.text import plain
from planner.ui.week_grid import weekday_names

MAP_HEIGHT_PX = 520
SECONDS_ENV = "PLANNER_PICKUP_SECONDS"  # solver seconds per weekday for the car's runs
DAY_KEY = "routes_day"
WHO_KEY = "routes_who"
SHEET_VEHICLE_KEY = "routes_sheet_vehicle"
SHEET_DAY_KEY = "routes_sheet_day"
TRAVEL_CLIENT_KEY = "routes_travel_client"
TRAVEL_GROUP_KEY = "routes_travel_group"
COMPUTE_KEY = "routes_compute"
ALL = -1
log = logging.getLogger("planner")
# Up to this many staff members and vehicles the map offers everyone at once; with more it
# shows one at a time (the first by default), so the routes stay readable.
FEW_ON_MAP = 12


def pickup_seconds() -> float:
    return float(os.environ.get(SECONDS_ENV, PickupParams.seconds_per_day))


def stored_pickups(db: Store, plan_id: int, seconds: float) -> PickupPlan | None:
    """The work car's runs of a stored plan as computed before; None when not yet."""
    return pickups_from(RouteCache(db).get(plan_id, seconds))


def compute_pickups(
    db: Store, season: Season, plan: Plan, plan_id: int, seconds: float
) -> PickupPlan:
    """Solve the work car's runs of a stored plan and keep them in the store by its id."""
    pickups = plan_pickups(season, plan, params=PickupParams(seconds_per_day=seconds))
    try:
        RouteCache(db).put(
            plan_id, seconds, pickups_record(pickups), clients_named(pickups), actor=auth.actor()
        )
    except StoreError as exc:  # e.g. another session stored the same plan's runs just now
        log.log(logging.WARNING, "the routes were computed but not stored: %s", exc)
    return pickups


def who_label(season: Season, who: str, vehicles: set[str], lang: str) -> str:
    if who == "":
        return t("routes.everyone", lang)
    if who in vehicles:
        return t("routes.vehicle_named", lang, id=who)
    return staff_name(season, who)


def travel_section(season: Season, plan: Plan, lang: str) -> None:
    """Reimbursement (l. 126, 598-602): a client's cheapest reasonable way to one of their
    groups and its cost estimate; clients by code only."""
    st.subheader(t("routes.travel", lang))
    places = sorted(
        (code, gid)
        for code, gid in plan.participants
        if gid in plan.placement and plan.placement[gid].venue_id is not None
    )
    if not places:
        st.info(t("routes.travel_none", lang))
        return
    left, right = st.columns(2)
    code = left.selectbox(
        t("routes.col.clients", lang), sorted({c for c, _ in places}), key=TRAVEL_CLIENT_KEY
    )
    groups = [g for c, g in places if c == code]
    group = right.selectbox(
        t("routes.col.group", lang),
        groups,
        key=TRAVEL_GROUP_KEY,
        format_func=lambda g: f"{g} · {season.group[g].display_name(lang)}",
    )
    # The work car is for those who need a ride (l. 432-435), not a free option for everyone.
    advice = group_travel(season, plan, code, group, work_car=season.client[code].travel == "ride")
    if advice is None:
        return
    st.dataframe(travel_table(advice, lang), hide_index=True, width="stretch")
    best = advice.recommended
    if best is None:
        st.warning(t("routes.travel_no_reasonable", lang), icon=":material/warning:")
    else:
        st.success(
            t(
                "routes.travel_best",
                lang,
                mode=t(f"routes.mode.{best.mode}", lang),
                minutes=best.minutes,
                eur=f"{best.eur:.2f}",
            ),
            icon=":material/savings:",
        )
    st.caption(
        t(
            "routes.travel_caption",
            lang,
            source=rules.handbook_source(rules.TRAVEL_COSTS_LINES, lang),
        )
    )


def render() -> None:
    auth.require(access.MOBILE)
    lang = common.lang()
    st.title(t("routes.title", lang))
    db = common.store()
    info = common.working_season_info(db, lang)  # the season picker's
    if info is None:
        st.info(t("routes.no_season", lang), icon=":material/inbox:")
        return
    season_id: int = info["id"]
    season = common.load_season(common.db_url(), season_id)
    plan = db.load_plan(season_id=season_id)
    about = db.plan_summary(season_id=season_id) if plan is not None else None
    if plan is None or about is None:
        st.info(t("routes.no_plan", lang), icon=":material/inbox:")
        st.page_link(
            common.PAGE_FILES["plan"],
            label=t("routes.go_plan", lang),
            icon=":material/calendar_month:",
        )
        return

    seconds = pickup_seconds()
    pickups = stored_pickups(db, about["id"], seconds)
    if pickups is None:
        notice = st.empty()  # the note and the button go once the runs are there
        with notice.container():
            st.info(t("routes.not_computed", lang), icon=":material/directions_car:")
            clicked = st.button(
                t("routes.compute", lang), key=COMPUTE_KEY, type="primary", icon=":material/route:"
            )
        if clicked:
            with st.spinner(t("routes.computing", lang)):
                pickups = compute_pickups(db, season, plan, about["id"], seconds)
            notice.empty()
    runs = pickups.runs if pickups is not None else ()
    days = staff_days(season, plan)
    names = weekday_names(lang)
    staff_ids = sorted({d.staff_id for d in days})
    vehicle_ids = sorted({r.vehicle.vehicle_id for r in runs})
    many = len(staff_ids) + len(vehicle_ids) > FEW_ON_MAP

    left, right = st.columns(2)
    day = left.selectbox(
        t("routes.weekday", lang),
        [ALL, *range(len(names))],
        key=DAY_KEY,
        format_func=lambda d: t("routes.all_days", lang) if d == ALL else names[d],
    )
    who = right.selectbox(
        t("routes.who", lang),
        [*([] if many else [""]), *staff_ids, *vehicle_ids],
        key=WHO_KEY,
        format_func=lambda w: who_label(season, w, set(vehicle_ids), lang),
    )
    if many:
        right.caption(t("routes.one_at_a_time", lang, count=len(staff_ids) + len(vehicle_ids)))
    who = who or ""
    shown_days = [d for d in days if day in (ALL, d.weekday) and who in ("", d.staff_id)]
    shown_runs = [r for r in runs if day in (ALL, r.weekday) and who in ("", r.vehicle.vehicle_id)]

    st.pydeck_chart(route_map(season, shown_days, shown_runs, lang), height=MAP_HEIGHT_PX)
    st.caption(t("routes.map_caption", lang))
    st.subheader(t("routes.staff_routes", lang))
    st.dataframe(route_table(season, shown_days, lang), hide_index=True, width="stretch")

    st.subheader(t("routes.runsheet", lang))
    if pickups is None:
        st.caption(t("routes.not_computed", lang))
    elif not pickups.runs:
        st.info(t("routes.no_runs", lang), icon=":material/directions_car:")
    else:
        left, right = st.columns(2)
        vehicle = left.selectbox(t("routes.vehicle", lang), vehicle_ids, key=SHEET_VEHICLE_KEY)
        run_days = sorted({r.weekday for r in pickups.runs if r.vehicle.vehicle_id == vehicle})
        sheet_day = right.selectbox(
            t("routes.day", lang), run_days, key=SHEET_DAY_KEY, format_func=names.__getitem__
        )
        run = next(
            (r for r in runs if r.vehicle.vehicle_id == vehicle and r.weekday == sheet_day),
            None,
        )
        if run is not None:
            st.dataframe(run_sheet(season, run, lang), hide_index=True, width="stretch")
            run_sheet_download(season, run, lang)
            st.caption(t("routes.run_caption", lang, km=run.km, minutes=run.minutes))
            start, end = hhmm(run.depart), hhmm(run.depart + run.minutes)
            if run.driver is not None:
                st.caption(
                    t(
                        "routes.driver",
                        lang,
                        name=plain(staff_name(season, run.driver)),
                        start=start,
                        end=end,
                    )
                )
            else:
                st.warning(
                    t("routes.no_driver", lang, start=start, end=end), icon=":material/no_crash:"
                )
    if pickups is not None and pickups.dropped:
        with st.expander(
            t("routes.dropped", lang, count=len(pickups.dropped)), icon=":material/no_transfer:"
        ):
            st.dataframe(
                dropped_table(season, pickups.dropped, lang), hide_index=True, width="stretch"
            )
    if pickups is not None and pickups.meeting_points:
        st.subheader(t("routes.hubs", lang))
        st.dataframe(
            hub_table(season, pickups.meeting_points, lang), hide_index=True, width="stretch"
        )
        st.caption(
            t(
                "routes.hubs_caption",
                lang,
                minutes=PickupParams().hub_reach_min,
                source=rules.handbook_source(rules.HUB_LINE, lang),
            )
        )

    st.subheader(t("routes.offices", lang))
    offices = suggest_offices(season, plan)
    if offices:
        st.dataframe(office_table(season, offices, lang), hide_index=True, width="stretch")
    else:
        st.info(t("routes.no_offices", lang))
    st.caption(t("routes.offices_caption", lang))

    travel_section(season, plan, lang)

    st.subheader(t("routes.allowance", lang))
    rows = staff_allowance(season, plan)
    if rows:
        st.dataframe(allowance_table(season, rows, lang), hide_index=True, width="stretch")
    else:
        st.info(t("routes.no_allowance", lang))
    st.caption(t("routes.allowance_caption", lang, rate=DEFAULT_RATE.eur_per_km))


if __name__ == "__main__":  # st.navigation runs this file as the page
    render()
