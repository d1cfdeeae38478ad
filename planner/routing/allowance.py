"""The staff kilometre allowance: staff who drive their own car to sessions are reimbursed at
the tax-free rate (travel costs by the cheapest mode, handbook l. 126, 598-602).

Rate: Verohallinto's decision on tax-free travel allowances (Verohallinnon päätös verovapaista
matkakustannusten korvauksista) for 2026: 0.55 EUR/km for one's own car, +0.04 EUR/km per
extra passenger. Sources: taloushallintoliitto.fi "Yrityksen muistilista vuodelle 2026 -
matkakustannusten korvaukset" and pro-ratio.fi "Verovapaat matkakustannusten korvaukset vuonna
2026". The 2027 decision was not yet known here: the 2026 rate stands in until it is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.model import Plan, Season
from planner.plan_figures import staff_days


@dataclass(frozen=True, slots=True)
class AllowanceRate:
    year: int
    eur_per_km: float
    source: str


KM_ALLOWANCE_2026 = AllowanceRate(
    2026,
    0.55,
    "Verohallinnon päätös verovapaista matkakustannusten korvauksista vuonna 2026",
)
DEFAULT_RATE = KM_ALLOWANCE_2026


@dataclass(frozen=True, slots=True)
class AllowanceRow:
    staff_id: str
    weekday: int
    km: float
    eur: float
    first_date: dt.date | None = None
    last_date: dt.date | None = None
    """The period of the season the route is driven in, when its weekday has several."""


def staff_allowance(
    season: Season, plan: Plan, rate: AllowanceRate = DEFAULT_RATE
) -> list[AllowanceRow]:
    """Weekly allowance per staff member with a car and working day, from their routes.

    Staff without a car travel by public transport and are reimbursed for tickets instead,
    so they get no row.
    """
    drives = {s.staff_id for s in season.staff if s.car}
    return [
        AllowanceRow(
            d.staff_id,
            d.weekday,
            d.km,
            round(d.km * rate.eur_per_km, 2),
            d.first_date,
            d.last_date,
        )
        for d in staff_days(season, plan)
        if d.staff_id in drives and d.km > 0
    ]
