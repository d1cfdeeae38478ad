"""One plan's figures, computed once: the `Insight` bundle and its comparison."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from planner import rules
from planner.geo import TravelModel
from planner.insight.coverage import client_trips, county_totals, coverage_by_municipality
from planner.insight.coverage import travel_by_mode as _travel_by_mode
from planner.insight.load import load_spread, staff_load, staff_weeks
from planner.insight.offering import group_table, venue_use
from planner.insight.unserved import unplaced_clients, unscheduled_groups
from planner.model import Plan, Season
from planner.plan_figures import staff_days


@dataclass(frozen=True)
class Insight:
    """Every figure of one plan, as DataFrames and a few totals."""

    lang: str
    coverage: pd.DataFrame
    county: dict
    travel: pd.DataFrame
    trips: pd.DataFrame
    load: pd.DataFrame
    spread: dict
    weeks: pd.DataFrame
    groups: pd.DataFrame
    venues: pd.DataFrame
    unscheduled: pd.DataFrame
    unplaced: pd.DataFrame

    def headline(self) -> dict[str, float | int | None]:
        """The few numbers a coordinator reports first."""
        return {
            **self.county,
            "unscheduled": len(self.unscheduled),
            "unplaced": len(self.unplaced),
            "staff_drive_min": int(self.load["drive_min"].sum()),
            "load_max": self.spread["max"],
        }


def season_insight(
    season: Season,
    plan: Plan,
    lang: str = "fi",
    allowance_min: int = rules.DEFAULT_SESSION_ALLOWANCE_MIN,
) -> Insight:
    travel = TravelModel(season)
    trips = client_trips(season, plan, travel)
    coverage = coverage_by_municipality(season, plan, trips)
    days = staff_days(season, plan, travel)
    load = staff_load(season, plan, days, allowance_min)
    return Insight(
        lang=lang,
        coverage=coverage,
        county=county_totals(coverage),
        travel=_travel_by_mode(trips),
        trips=trips,
        load=load,
        spread=load_spread(load),
        weeks=staff_weeks(season, plan, days, allowance_min),
        groups=group_table(season, plan, lang),
        venues=venue_use(season, plan, lang),
        unscheduled=unscheduled_groups(season, plan, lang),
        unplaced=unplaced_clients(season, plan, lang),
    )


def compare_insights(before: Insight, after: Insight) -> pd.DataFrame:
    """The headline figures of two plans side by side, with the change."""
    a, b = before.headline(), after.headline()
    rows = [
        {"figure": key, "before": a[key], "after": b[key], "change": _change(a[key], b[key])}
        for key in a
    ]
    return pd.DataFrame(rows, columns=["figure", "before", "after", "change"])


def _change(a: float | int | None, b: float | int | None) -> float | int | None:
    if a is None or b is None:
        return None
    return round(b - a, 3)
