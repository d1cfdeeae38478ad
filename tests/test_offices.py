"""Temporary office days: which office to work from on a day with groups far from base."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.geo import TravelModel
from planner.io import read_season
from planner.model import Placement, Plan, Season
from planner.routing.offices import default_offices, round_trip_km, suggest_offices

HANKO_STAFF = "S-027"  # based at V-HAN-SP-1
ESPOO_STAFF = "S-001"  # based at V-ESP-SP-1


@pytest.fixture(scope="module")
def season(sample_dir: Path) -> Season:
    found = read_season(sample_dir).season
    assert found is not None
    return found


def one_session(staff_id: str, venue_id: str, weekday: int = 0) -> Plan:
    return Plan(
        placements=(Placement("G-001", weekday, 600, 780, venue_id, (staff_id,)),),
        participants=(),
    )


def test_service_points_and_staff_bases_are_the_default_offices(season):
    offices = default_offices(season)
    assert "V-ESP-SP-1" in offices and "V-HAN-SP-1" in offices
    assert "V-ESP-LIB-3" not in offices


def test_a_hanko_based_leader_in_espoo_saves_km_working_from_an_espoo_office(season):
    plan = one_session(HANKO_STAFF, "V-ESP-LIB-3")
    [day] = suggest_offices(season, plan)
    assert (day.staff_id, day.weekday, day.base_venue) == (HANKO_STAFF, 0, "V-HAN-SP-1")
    # Iso Omena's service point is in the same building as the library.
    assert day.office_venue == "V-ESP-SP-1"
    travel = TravelModel(season)
    assert day.km_from_base == pytest.approx(
        round_trip_km(travel, "V-HAN-SP-1", ["V-ESP-LIB-3"]), abs=0.1
    )
    assert day.km_from_office < 1
    assert day.saved_km == pytest.approx(day.km_from_base - day.km_from_office, abs=0.1)
    assert day.saved_km > 150


def test_a_leader_working_near_their_own_base_gets_no_suggestion(season):
    assert suggest_offices(season, one_session(ESPOO_STAFF, "V-ESP-LIB-3")) == []


def test_remote_sessions_need_no_office(season):
    assert suggest_offices(season, one_session(HANKO_STAFF, None)) == []  # type: ignore[arg-type]


def test_the_candidate_offices_can_be_restricted(season):
    plan = one_session(HANKO_STAFF, "V-ESP-LIB-3")
    [day] = suggest_offices(season, plan, candidates=["V-LOH-SP-1"])
    assert day.office_venue == "V-LOH-SP-1"
    assert suggest_offices(season, plan, candidates=["V-HAN-LIB-1"]) == []
