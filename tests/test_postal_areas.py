"""Homes by postal area: the optional `postal_areas` table read (CSV and workbook) and
checked, `planner check`'s warnings about clients' postal codes, trips from a postal area's
centre (or the municipality's), and the table kept in the store and its backups."""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.cli.main import main
from planner.geo import LOCAL_KM, TravelModel, client_home, client_km, road_km
from planner.io import read_season, read_season_from_files
from planner.model import PostalArea, Season
from planner.store import Store
from planner.store.backup import backup, restore
from planner.store.engine import scratch_schema

TOY = Path(__file__).parent / "data" / "toy"
SAMPLE = Path(__file__).parent.parent / "data"
HEADER = ["postal_code", "name_fi", "name_sv", "lat", "lon", "municipality"]
AREAS = [
    ["02100", "Tapiola", "Hagalund", "60.1766", "24.8046", "049"],  # at V-ESP-1
    ["02230", "Matinkylä", "Mattby", "60.1525", "24.7465", "Espoo"],
    ["10900", "Hanko", "Hangö", "59.8430", "23.0317", "078"],
    ["10600", "Tammisaari", "Ekenäs", "59.9443", "23.4635", "710"],
]


def season_folder(tmp_path: Path, rows: list[list[str]], header: list[str] = HEADER) -> Path:
    folder = Path(shutil.copytree(TOY, tmp_path / "toy"))
    with open(folder / "postal_areas.csv", "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows([header, *rows])
    return folder


def with_client_cell(folder: Path, row: int, column: str, value: str) -> Path:
    path = folder / "clients.csv"
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    rows[row - 1][rows[0].index(column)] = value
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    return folder


def only_error(folder: Path) -> str:
    report = read_season(folder)
    assert report.season is None, "nothing may be imported"
    assert len(report.errors) == 1, [str(p) for p in report.errors]
    return str(report.errors[0])


@pytest.fixture
def season(tmp_path: Path) -> Season:
    report = read_season(season_folder(tmp_path, AREAS))
    assert report.ok, report.lines()
    return report.season


# --- import ---


def test_the_table_is_read_with_codes_names_centres_and_municipalities(season: Season) -> None:
    assert [a.postal_code for a in season.postal_areas] == ["02100", "02230", "10900", "10600"]
    area = season.postal_area["02230"]
    assert area == PostalArea("02230", "Matinkylä", "Mattby", 60.1525, 24.7465, "049")
    assert area.name("sv") == "Mattby"


def test_a_season_without_the_table_has_no_postal_areas() -> None:
    report = read_season(TOY)
    assert report.ok and report.season.postal_areas == () and report.season.postal_area == {}


def test_the_municipality_column_is_optional(tmp_path: Path) -> None:
    rows = [r[:5] for r in AREAS]
    report = read_season(season_folder(tmp_path, rows, HEADER[:5]))
    assert report.ok, report.lines()
    assert {a.municipality for a in report.season.postal_areas} == {None}


def test_a_workbook_sheet_named_postal_areas_is_read(tmp_path: Path) -> None:
    folder = season_folder(tmp_path, AREAS)
    book = openpyxl.Workbook()
    book.remove(book.active)
    for file in sorted(folder.glob("*.csv")):
        sheet = book.create_sheet(file.stem)
        with open(file, encoding="utf-8", newline="") as f:
            for cells in csv.reader(f):
                sheet.append(cells)
    out = io.BytesIO()
    book.save(out)
    report = read_season_from_files({"season.xlsx": out.getvalue()})
    assert report.ok, report.lines()
    assert report.season.postal_area["10900"].name_sv == "Hangö"


def test_a_postal_code_twice_is_an_error_on_its_second_row(tmp_path: Path) -> None:
    rows = [*AREAS, ["02100", "Tapiola", "Hagalund", "60.17", "24.80", "049"]]
    assert only_error(season_folder(tmp_path, rows)) == (
        'postal_areas.csv row 6, column postal_code: "02100" is used twice: '
        "postal_code must be unique (first on row 2)"
    )


def test_a_centre_outside_finland_is_an_error(tmp_path: Path) -> None:
    rows = [*AREAS[:3], ["10600", "Tammisaari", "Ekenäs", "52.52", "13.40", "710"]]
    assert only_error(season_folder(tmp_path, rows)) == (
        "postal_areas.csv row 5, column lat: the postal area's centre "
        "lat 52.52, lon 13.40 is outside Finland (lat 59.5-70.1, lon 19.0-31.6)"
    )


def test_a_centre_with_lat_and_lon_swapped_is_an_error(tmp_path: Path) -> None:
    rows = [*AREAS[:3], ["10600", "Tammisaari", "Ekenäs", "23.4635", "59.9443", "710"]]
    assert "looks like lat and lon are swapped (Finland is" in only_error(
        season_folder(tmp_path, rows)
    )


def test_a_centre_in_finland_but_outside_the_county_is_only_a_warning(tmp_path: Path) -> None:
    rows = [*AREAS, ["00100", "Helsinki", "Helsingfors", "60.1714", "25.0316", ""]]
    report = read_season(season_folder(tmp_path, rows))
    assert report.ok
    assert [str(w) for w in report.warnings] == [
        "postal_areas.csv row 6, column lon: the postal area's centre "
        "lat 60.1714, lon 25.0316 is outside Western Uusimaa (lat 59.6-60.8, lon 22.5-25.0): "
        "check the coordinates"
    ]


def test_a_missing_name_column_is_an_error(tmp_path: Path) -> None:
    header = ["postal_code", "name_fi", "lat", "lon"]
    rows = [[r[0], r[1], r[3], r[4]] for r in AREAS]
    assert only_error(season_folder(tmp_path, rows, header)) == (
        "postal_areas.csv, column name_sv: the required column is missing"
    )


def test_a_four_digit_code_is_an_error_that_suggests_the_lost_zero(tmp_path: Path) -> None:
    rows = [["2100", *AREAS[0][1:]], *AREAS[1:]]
    assert only_error(season_folder(tmp_path, rows)) == (
        'postal_areas.csv row 2, column postal_code: "2100" has 4 digits, '
        "a postal code has 5: did Excel drop the leading zero of 02100? Format the column "
        "as text and type the code again"
    )


def test_an_unknown_municipality_is_an_error(tmp_path: Path) -> None:
    rows = [[*AREAS[0][:5], "091"], *AREAS[1:]]
    assert only_error(season_folder(tmp_path, rows)) == (
        'postal_areas.csv row 2, column municipality: "091" is not a municipality code or '
        "name in municipalities.csv"
    )


# --- planner check's warnings ---


def test_a_client_postal_code_not_in_the_table_is_warned_about(tmp_path: Path) -> None:
    folder = with_client_cell(season_folder(tmp_path, AREAS), 3, "postal_code", "02320")
    report = read_season(folder)
    assert report.ok
    assert [str(w) for w in report.warnings] == [
        'clients.csv row 3, column postal_code: postal code "02320" is not in '
        "postal_areas.csv: the client travels from their municipality's centre"
    ]


def test_an_area_in_another_municipality_by_the_table_is_warned_about(tmp_path: Path) -> None:
    folder = with_client_cell(season_folder(tmp_path, AREAS), 2, "postal_code", "10600")
    report = read_season(folder)
    assert report.ok
    assert [str(w) for w in report.warnings] == [
        'clients.csv row 2, column postal_code: postal area "10600" '
        "(Tammisaari) lies in Raasepori, the client's municipality is Hanko: check the postal "
        "code or the municipality"
    ]


def test_without_the_column_a_far_area_nearer_another_centre_is_warned_about(
    tmp_path: Path,
) -> None:
    rows = [r[:5] for r in AREAS]
    folder = with_client_cell(season_folder(tmp_path, rows, HEADER[:5]), 3, "postal_code", "10900")
    warned = [str(w) for w in read_season(folder).warnings]
    assert warned == [
        'clients.csv row 3, column postal_code: postal area "10900" (Hanko) '
        "lies in Hanko, the client's municipality is Espoo: check the postal code or the "
        "municipality"
    ]


def test_without_the_column_an_area_near_its_own_centre_is_not_warned_about(
    tmp_path: Path,
) -> None:
    rows = [r[:5] for r in AREAS]
    assert read_season(season_folder(tmp_path, rows, HEADER[:5])).warnings == []


def test_planner_check_prints_the_warning_and_succeeds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = with_client_cell(season_folder(tmp_path, AREAS), 3, "postal_code", "02320")
    assert main(["check", str(folder)]) == 0
    out = capsys.readouterr()
    assert "warning: clients.csv row 3, column postal_code: postal code" in out.out


def test_the_sample_has_every_postal_area_of_the_county_and_no_warnings() -> None:
    report = read_season(SAMPLE)
    assert report.ok and report.warnings == []
    season = report.season
    assert len(season.postal_areas) == 129
    assert {a.municipality for a in season.postal_areas} == {m.code for m in season.municipalities}
    assert all(c.postal_code in season.postal_area for c in season.clients)
    assert all(
        season.postal_area[c.postal_code].municipality == c.municipality for c in season.clients
    )


# --- travel ---


def test_a_client_with_a_known_postal_code_travels_from_the_area_centre(season: Season) -> None:
    client = season.client["C-00002"]  # Espoo, 02100: the area's centre is at V-ESP-1
    assert client_home(season, client) == (60.1766, 24.8046)
    assert client_km(season, client, season.venue["V-ESP-1"]) == 0.0  # no LOCAL_KM floor
    travel = TravelModel(season)
    assert travel.client_home(client) == (60.1766, 24.8046)
    # transit: 0 km is a walk next door, no bus and no wait (planner.travel_figures)
    assert travel.client_to_venue(client, "V-ESP-1") == 0


def test_a_client_without_a_known_postal_code_travels_from_the_municipality(
    season: Season,
) -> None:
    client = season.client["C-00005"]  # Espoo, no postal code
    espoo = season.municipality["049"]
    assert client_home(season, client) == (espoo.lat, espoo.lon)
    unknown = replace(client, postal_code="02320")  # not in the table
    assert client_home(season, unknown) == (espoo.lat, espoo.lon)
    venue = season.venue["V-ESP-1"]
    km = road_km((espoo.lat, espoo.lon), (venue.lat, venue.lon))
    assert client_km(season, unknown, venue) == max(km, LOCAL_KM)


def test_a_trip_from_the_municipality_centre_keeps_the_local_minimum(season: Season) -> None:
    hanko = season.municipality["078"]
    client = replace(season.client["C-00001"], postal_code="")
    assert (hanko.lat, hanko.lon) == (59.8236, 22.9683)  # V-HAN-1 is at the centre
    assert client_km(season, client, season.venue["V-HAN-1"]) == LOCAL_KM


def test_the_travel_time_matrix_still_wins_over_the_postal_centre(season: Season) -> None:
    client = season.client["C-00001"]  # Hanko, 10900
    assert client.postal_code in season.postal_area
    assert ("078", "V-RAS-1", "transit", 48.0) in season.travel_minutes
    assert TravelModel(season).client_to_venue(client, "V-RAS-1", "transit") == 48


def test_the_finder_times_trips_from_the_client_postal_centre(season: Season) -> None:
    from planner.finder import FinderIndex
    from planner.model import Placement, Plan

    plan = Plan(placements=(Placement("G-02", 0, 600, 720, "V-ESP-1", ("S-01",)),), participants=())
    index = FinderIndex(season, plan)
    near = index.minutes_from("049", "transit", "02100")["V-ESP-1"]
    centre = index.minutes_from("049", "transit")["V-ESP-1"]
    assert near == 0 and centre > near


# --- a property: every client starts at the area's centre or the municipality's ---


CODES = st.text("0123456789", min_size=4, max_size=6)
LAT = st.floats(55.0, 72.0, allow_nan=False).map(lambda x: f"{x:.4f}")
LON = st.floats(15.0, 33.0, allow_nan=False).map(lambda x: f"{x:.4f}")
ROW = st.tuples(CODES, st.sampled_from(["Espoo", "", "Hanko"]), LAT, LON)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.lists(ROW, max_size=6))
def test_random_tables_give_problems_or_homes_at_a_centre(tmp_path_factory, rows) -> None:
    tmp = tmp_path_factory.mktemp("prop")
    table = [[code, name or "", name, lat, lon] for code, name, lat, lon in rows]
    report = read_season(season_folder(tmp, table, HEADER[:5]))
    if report.season is None:
        assert report.errors and all(p.source and p.row for p in report.errors if p.row)
        return
    season = report.season
    for client in season.clients:
        area = season.postal_area.get(client.postal_code)
        m = season.municipality[client.municipality]
        expected = (area.lat, area.lon) if area else (m.lat, m.lon)
        assert client_home(season, client) == expected


# --- the store ---


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'planner.sqlite3'}"
        return
    with scratch_schema(request.getfixturevalue("pg_url"), "test_postal") as url:
        yield url


def test_the_store_keeps_the_postal_areas_with_the_season(db_url: str, season: Season) -> None:
    with Store.open(db_url) as store:
        season_id = store.import_season(season, "toy")
        loaded = store.load_season(season_id)
    assert loaded.postal_areas == season.postal_areas
    assert loaded.postal_area["02230"].municipality == "049"


def test_a_backup_restores_the_postal_areas(db_url: str, season: Season, tmp_path: Path) -> None:
    source = f"sqlite:///{tmp_path / 'source.sqlite3'}"
    with Store.open(source) as store:
        store.import_season(season, "toy")
        backup(store, tmp_path / "backup.zip")
    with Store.open(db_url) as store:
        restore(store, tmp_path / "backup.zip")
        assert store.load_season().postal_areas == season.postal_areas


def test_a_worker_described_client_can_give_a_postal_code(season: Season) -> None:
    from planner.finder import ProfileError, parse_profile_args

    def profile(postal_code: str):
        return parse_profile_args(
            "Espoo", "fi", "", "", "transit", 45, False, season, postal_code=postal_code
        )

    assert profile(" 02100 ").postal_code == "02100"
    assert profile("").postal_code == ""
    with pytest.raises(ProfileError, match="did Excel drop the leading zero of 02100"):
        profile("2100")


def test_planner_find_takes_a_postal_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    folder = season_folder(tmp_path, AREAS)
    plan = tmp_path / "plan"
    plan.mkdir()
    (plan / "plan_groups.csv").write_text(
        "group_id,weekday,start,end,venue_id,leaders\nG-02,Wed,13:00,15:30,V-ESP-1,S-01\n",
        encoding="utf-8",
    )
    (plan / "plan_participants.csv").write_text("client_code,group_id,mode\n", encoding="utf-8")
    common = ["find", str(folder), "--plan", str(plan), "--municipality", "049", "--json"]
    common += ["--language", "fi", "--audience", "women", "--today", "2025-01-01"]
    assert main([*common, "--postal-code", "02100"]) == 0
    near = {m["group_id"]: m["travel_min"] for m in json.loads(capsys.readouterr().out)}
    assert main(common) == 0
    centre = {m["group_id"]: m["travel_min"] for m in json.loads(capsys.readouterr().out)}
    assert near["G-02"] == 0 and centre["G-02"] > 0  # next door: walked
