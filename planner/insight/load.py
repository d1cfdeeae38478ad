"""Is the staff load fair and sustainable? Group hours and driving per staff member and week.

`group_hours` counts each led session's length plus the allowance before and after it for the
counsellor meeting and the written summary (l. 379; the solver's own default), so it is the
number the weekly cap `max_group_hours` is checked against. Driving is the staff member's
week of routes from base to the venues and back (`planner.plan_figures.staff_days`), by car,
or by public transport for staff without a car.
"""

from __future__ import annotations

from collections import defaultdict

import pandas as pd

from planner import rules
from planner.model import Plan, Season
from planner.plan_figures import StaffDay, staff_days

STAFF_COLUMNS = (
    "staff_id",
    "name",
    "municipality",
    "qualified",
    "groups",
    "group_hours",
    "max_group_hours",
    "load_share",
    "drive_min",
    "km",
)
WEEK_COLUMNS = ("staff_id", "name", "weekday", "groups", "group_hours", "stops", "km", "drive_min")


def staff_load(
    season: Season,
    plan: Plan,
    days: list[StaffDay] | None = None,
    allowance_min: int = rules.DEFAULT_SESSION_ALLOWANCE_MIN,
) -> pd.DataFrame:
    """One row per staff member (leading or not), in the data's order."""
    days = staff_days(season, plan) if days is None else days
    minutes: dict[str, int] = defaultdict(int)
    groups: dict[str, int] = defaultdict(int)
    for p in plan.placements:
        for pid in p.leaders:
            minutes[pid] += p.end - p.start + allowance_min
            groups[pid] += 1
    # A week's driving: per weekday the busiest period's route (terms that follow one
    # another give a weekday several routes, never driven in the same week).
    day_drive: dict[tuple[str, int], int] = defaultdict(int)
    day_km: dict[tuple[str, int], float] = defaultdict(float)
    for d in days:
        day_drive[d.staff_id, d.weekday] = max(day_drive[d.staff_id, d.weekday], d.drive_min)
        day_km[d.staff_id, d.weekday] = max(day_km[d.staff_id, d.weekday], d.km)
    drive: dict[str, int] = defaultdict(int)
    km: dict[str, float] = defaultdict(float)
    for (sid, _), driven in day_drive.items():
        drive[sid] += driven
    for (sid, _), value in day_km.items():
        km[sid] += value
    rows = []
    for s in season.staff:
        hours = round(minutes[s.staff_id] / 60, 2)
        base = season.venue.get(s.base_venue)
        rows.append(
            {
                "staff_id": s.staff_id,
                "name": s.name,
                "municipality": base.municipality if base else "",
                "qualified": s.qualified,
                "groups": groups[s.staff_id],
                "group_hours": hours,
                "max_group_hours": s.max_group_hours,
                "load_share": round(hours / s.max_group_hours, 3) if s.max_group_hours else None,
                "drive_min": drive[s.staff_id],
                "km": round(km[s.staff_id], 1),
            }
        )
    return pd.DataFrame(rows, columns=list(STAFF_COLUMNS))


def staff_weeks(
    season: Season,
    plan: Plan,
    days: list[StaffDay] | None = None,
    allowance_min: int = rules.DEFAULT_SESSION_ALLOWANCE_MIN,
) -> pd.DataFrame:
    """One row per staff member and weekday with sessions: groups, hours, route, km, minutes."""
    days = staff_days(season, plan) if days is None else days
    per_day: dict[tuple[str, int], list[int]] = defaultdict(list)
    for p in plan.placements:
        for pid in p.leaders:
            per_day[pid, p.weekday].append(p.end - p.start + allowance_min)
    rows = [
        {
            "staff_id": d.staff_id,
            "name": season.person[d.staff_id].name if d.staff_id in season.person else "",
            "weekday": d.weekday,
            "groups": len(per_day[d.staff_id, d.weekday]),
            "group_hours": round(sum(per_day[d.staff_id, d.weekday]) / 60, 2),
            "stops": " > ".join(d.stops),
            "km": d.km,
            "drive_min": d.drive_min,
        }
        for d in sorted(days, key=lambda d: (d.staff_id, d.weekday))
    ]
    return pd.DataFrame(rows, columns=list(WEEK_COLUMNS))


def load_spread(load: pd.DataFrame) -> dict[str, float | None]:
    """How even the load is among staff who lead: lowest, median and highest share of cap."""
    leading = load.loc[load["groups"] > 0, "load_share"].dropna()
    if leading.empty:
        return {"min": None, "median": None, "max": None}
    return {
        "min": float(leading.min()),
        "median": float(leading.median()),
        "max": float(leading.max()),
    }
