"""A client's cheapest reasonable way to a group and its reimbursement estimate."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from planner.io import read_season
from planner.model import Placement, Plan, Season
from planner.routing.allowance import DEFAULT_RATE
from planner.routing.reimburse import (
    TICKET_EUR,
    client_km,
    group_travel,
    ticket_eur,
    travel_options,
)


@pytest.fixture(scope="module")
def season(sample_dir: Path) -> Season:
    found = read_season(sample_dir).season
    assert found is not None
    return found


def client(season: Season, code: str):
    return next(c for c in season.clients if c.client_code == code)


def test_ticket_prices_rise_with_distance_and_cover_every_distance():
    prices = [eur for _, eur in TICKET_EUR]
    assert prices == sorted(prices)
    assert ticket_eur(0) == TICKET_EUR[0][1]
    assert ticket_eur(10_000) == TICKET_EUR[-1][1]


def test_options_are_sorted_by_cost_and_the_work_car_is_free(season):
    marja = replace(client(season, "P-02"), travel="car", max_travel_min=180)
    advice = travel_options(season, marja, "V-ESP-LIB-1")
    costs = [o.eur for o in advice.options]
    assert costs == sorted(costs)
    assert {o.mode for o in advice.options} == {"transit", "car", "ride"}
    assert advice.recommended is not None and advice.recommended.mode == "ride"
    assert advice.recommended.eur == 0


def test_own_car_costs_km_times_the_allowance_rate_there_and_back(season):
    marja = replace(client(season, "P-02"), travel="car")
    advice = travel_options(season, marja, "V-LOH-LIB-1", work_car=False)
    car = next(o for o in advice.options if o.mode == "car")
    km = client_km(season, marja, "V-LOH-LIB-1")
    assert car.eur == pytest.approx(2 * km * DEFAULT_RATE.eur_per_km, abs=0.01)
    transit = next(o for o in advice.options if o.mode == "transit")
    assert transit.eur == 2 * ticket_eur(km)


def test_without_a_car_or_work_car_only_transit_is_offered(season):
    elina = client(season, "P-01")  # no driving licence
    advice = travel_options(season, elina, "V-HAN-LIB-1", work_car=False)
    assert [o.mode for o in advice.options] == ["transit"]


def test_an_option_beyond_the_clients_max_travel_time_is_not_recommended(season):
    elina = replace(client(season, "P-01"), max_travel_min=20)
    advice = travel_options(season, elina, "V-ESP-LIB-3")
    assert all(not o.reasonable for o in advice.options)
    assert advice.recommended is None


def test_group_travel_uses_the_planned_venue_and_skips_remote_groups(season):
    plan = Plan(
        placements=(
            Placement("G-001", 0, 600, 720, "V-HAN-LIB-1", ("S-027",)),
            Placement("G-002", 1, 600, 720, None, ("S-027",)),
        ),
        participants=(),
    )
    advice = group_travel(season, plan, "P-01", "G-001")
    assert advice is not None and advice.venue_id == "V-HAN-LIB-1"
    assert group_travel(season, plan, "P-01", "G-002") is None
