"""Season insight figures on a hand-made plan whose figures are known, and the Excel report."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from toys import MUNICIPALITIES, client, group, season_of, staff, venue

from planner.insight import compare_insights, season_insight, write_report
from planner.insight.labels import label
from planner.insight.views import coverage_table
from planner.model import Placement, Plan, Season, Unscheduled
from planner.spreadsheet import safe_value

ESPOO, HANKO = "049", "078"


@pytest.fixture(scope="module")
def season() -> Season:
    """Espoo (10,000 residents): G1 (fi, V1 accessible), G2 (sv, V2 not accessible), G4
    (remote); Hanko (5,000): G3, which does not run. Six Espoo clients (two speak Swedish),
    three Hanko clients who only speak Finnish and travel by transit."""
    municipalities = tuple(
        replace(m, population={ESPOO: 10_000, HANKO: 5_000}.get(m.code)) for m in MUNICIPALITIES
    )
    base = season_of(
        venues=[
            venue("V1", ESPOO),
            venue("V2", ESPOO, accessible=False),
            venue("V3", HANKO),
        ],
        staff_=[staff("S1", max_group_hours=10.0), staff("S2", max_group_hours=20.0)],
        groups=[
            group("G1", max_size=10),
            group("G2", language="sv", hours=3.0, max_size=8),
            group("G3", municipality=HANKO, max_size=6),
            group("G4", mode="remote", max_size=5),
        ],
        clients=[
            *(client(f"E{i}", languages=("fi",)) for i in range(1, 5)),
            client("E5", languages=("sv",)),
            client("E6", languages=("fi", "sv")),
            *(
                client(f"H{i}", municipality=HANKO, languages=("fi",), travel="transit")
                for i in range(1, 4)
            ),
        ],
    )
    return replace(base, municipalities=municipalities)


@pytest.fixture(scope="module")
def plan() -> Plan:
    return Plan(
        placements=(
            Placement("G1", 0, 600, 720, "V1", ("S1", "S2")),
            Placement("G2", 1, 600, 780, "V2", ("S1",)),
            Placement("G4", 2, 600, 720, None, ("S2",)),
        ),
        participants=(
            ("E1", "G1"),
            ("E2", "G1"),
            ("E3", "G1"),
            ("E4", "G1"),
            ("E5", "G2"),
            ("E6", "G4"),
        ),
        unscheduled=(Unscheduled("G3", "no Finnish-speaking leader works in Hanko"),),
    )


def row(frame: pd.DataFrame, code: str) -> pd.Series:
    return frame.set_index("code").loc[code]


def test_coverage_counts_groups_seats_and_residents_per_municipality(season, plan) -> None:
    coverage = season_insight(season, plan, "en").coverage
    espoo, hanko = row(coverage, ESPOO), row(coverage, HANKO)

    assert espoo["groups_requested"] == 3 and espoo["groups_scheduled"] == 3
    assert espoo["seats"] == 10 + 8 + 5
    assert espoo["groups_per_10k"] == 3.0
    assert espoo["seats_per_10k"] == 23.0
    assert hanko["groups_requested"] == 1 and hanko["groups_scheduled"] == 0
    assert hanko["seats"] == 0 and hanko["seats_per_10k"] == 0.0
    # A municipality without a population in the data gets no per-resident figure.
    assert pd.isna(row(coverage, "149")["groups_per_10k"])


def test_coverage_sets_the_swedish_groups_against_the_clients_who_speak_swedish(
    season, plan
) -> None:
    espoo = row(season_insight(season, plan, "en").coverage, ESPOO)
    assert (espoo["groups_fi"], espoo["groups_sv"]) == (2, 1)
    assert espoo["groups_sv_share"] == pytest.approx(1 / 3, abs=1e-3)
    assert espoo["clients_sv_share"] == pytest.approx(2 / 6, abs=1e-3)


def test_coverage_counts_placed_clients_and_accessible_in_person_groups(season, plan) -> None:
    insight = season_insight(season, plan, "en")
    espoo, hanko = row(insight.coverage, ESPOO), row(insight.coverage, HANKO)
    assert (espoo["clients_placed"], espoo["placed_share"]) == (6, 1.0)
    assert (hanko["clients_placed"], hanko["placed_share"]) == (0, 0.0)
    # The remote group needs no venue: two in-person groups, one at a step-free venue.
    assert (espoo["in_person_groups"], espoo["accessible_groups"]) == (2, 1)
    assert espoo["accessible_share"] == 0.5
    assert pd.isna(hanko["accessible_share"])
    assert insight.county["placed_share"] == round(6 / 9, 3)
    assert insight.county["groups_per_10k"] == 2.0  # 3 groups for 15,000 residents


def test_travel_counts_each_in_person_trip_by_the_clients_way_of_travelling(season, plan) -> None:
    insight = season_insight(season, plan, "en")
    # E1-E4 to V1 and E5 to V2 by car; E6 is in the remote group and makes no trip.
    assert sorted(insight.trips["client_code"]) == ["E1", "E2", "E3", "E4", "E5"]
    travel = insight.travel.set_index("mode")
    assert list(travel.index) == ["car"]
    assert travel.loc["car", "trips"] == 5
    assert travel.loc["car", "worst_min"] >= travel.loc["car", "median_min"] > 0
    assert travel.loc["car", "over_limit"] == 0


def test_staff_load_counts_session_hours_with_the_allowance_against_the_cap(season, plan) -> None:
    insight = season_insight(season, plan, "en")
    load = insight.load.set_index("staff_id")
    # S1: G1 2 h + G2 3 h, plus 30 min around each session = 6 h of a 10 h cap.
    assert load.loc["S1", "groups"] == 2
    assert load.loc["S1", "group_hours"] == 6.0
    assert load.loc["S1", "load_share"] == 0.6
    # S2: G1 2 h + G4 2 h (remote) + 2 x 30 min = 5 h of 20 h.
    assert load.loc["S2", "group_hours"] == 5.0
    assert load.loc["S2", "load_share"] == 0.25
    assert insight.spread == {"min": 0.25, "median": pytest.approx(0.425), "max": 0.6}
    # S1 drives to V1 on Monday and V2 on Tuesday; S2 to V1 only (G4 is remote).
    weeks = insight.weeks
    assert sorted(zip(weeks["staff_id"], weeks["weekday"], strict=True)) == [
        ("S1", 0),
        ("S1", 1),
        ("S2", 0),
        ("S2", 2),
    ]
    assert load.loc["S1", "drive_min"] == weeks.loc[weeks["staff_id"] == "S1", "drive_min"].sum()


def test_unserved_lists_the_unscheduled_group_with_its_reason_and_every_unplaced_client(
    season, plan
) -> None:
    insight = season_insight(season, plan, "sv")
    assert insight.unscheduled[["group_id", "reason"]].values.tolist() == [
        ["G3", "no Finnish-speaking leader works in Hanko"]
    ]
    unplaced = insight.unplaced
    assert sorted(unplaced["client_code"]) == ["H1", "H2", "H3"]
    assert unplaced["reason"].str.len().min() > 10
    assert set(unplaced["municipality"]) == {HANKO}


def test_comparing_two_plans_shows_what_changed(season, plan) -> None:
    fewer = Plan(plan.placements[:1], plan.participants[:4], plan.unscheduled)
    diff = compare_insights(season_insight(season, fewer), season_insight(season, plan))
    diff = diff.set_index("figure")
    assert diff.loc["groups_scheduled", "change"] == 2
    assert diff.loc["clients_placed", "change"] == 2
    assert diff.loc["unscheduled", "before"] == 3 and diff.loc["unscheduled", "after"] == 1


def test_labels_are_read_from_the_catalogue() -> None:
    assert label("groups_per_10k", "sv") == "Grupper / 10 000 inv."
    assert label("no_such_figure", "fi") == "no_such_figure"


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+358 40", "'+358 40"),
        ("-1+1", "'-1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("Lohja", "Lohja"),
        (-3, -3),
        (None, None),
        (float("nan"), None),
    ],
)
def test_formula_like_text_is_neutralised_and_numbers_are_kept(text, written) -> None:
    assert safe_value(text) == written


def test_the_report_has_every_sheet_formatted_for_print_and_no_formula(
    season, plan, tmp_path: Path
) -> None:
    evil = replace(
        season,
        groups=tuple(
            replace(g, name='=HYPERLINK("http://evil","x")') if g.group_id == "G1" else g
            for g in season.groups
        ),
    )
    insight = season_insight(evil, plan, "fi")
    path = write_report(insight, tmp_path / "report.xlsx", title="Kevät 2027")

    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [
        "Yhteenveto",
        "Ryhmät",
        "Henkilöstön viikot",
        "Tilojen käyttö",
        "Kattavuus",
        "Ulkopuolelle jääneet",
        "Tiimin luvut",
    ]
    for sheet in book.worksheets:
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        for cells in sheet.iter_rows():
            for cell in cells:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate} is a formula"
    groups = book["Ryhmät"]
    assert groups.print_title_rows == "$1:$1"
    names = [c.value for c in groups["B"]]
    assert '\'=HYPERLINK("http://evil","x")' in names
    assert "Kevät 2027" in book["Yhteenveto"]["A1"].value
    assert book["Tiimin luvut"]["A1"].value.startswith("Suunnitelmaa ei ole julkaistu")


def test_the_report_coverage_sheet_holds_the_coverage_figures(season, plan, tmp_path) -> None:
    insight = season_insight(season, plan, "en")
    path = write_report(insight, tmp_path / "report.xlsx")
    sheet = pd.read_excel(path, sheet_name="Coverage")
    expected = coverage_table(insight)
    assert list(sheet.columns) == [label(c, "en") for c in expected.columns]
    assert sheet[label("municipality", "en")].tolist() == expected["municipality"].tolist()
    pd.testing.assert_series_equal(
        sheet[label("seats_per_10k", "en")],
        expected["seats_per_10k"].astype(float),
        check_names=False,
    )


def test_client_codes_appear_only_on_the_left_out_sheet(season, plan, tmp_path) -> None:
    path = write_report(season_insight(season, plan, "en"), tmp_path / "report.xlsx")
    codes = {c.client_code for c in season.clients}
    found: dict[str, set[str]] = {}
    for sheet in openpyxl.load_workbook(path).worksheets:
        for cells in sheet.iter_rows(values_only=True):
            for value in cells:
                if isinstance(value, str) and value in codes:
                    found.setdefault(sheet.title, set()).add(value)
    assert found == {"Left out": {"H1", "H2", "H3"}}


def test_the_report_adds_the_team_figures_given(season, plan, tmp_path) -> None:
    team = {"Clients": pd.DataFrame({"Municipality": ["Espoo"], "Clients": [6]})}
    path = write_report(season_insight(season, plan, "en"), tmp_path / "r.xlsx", team=team)
    sheet = openpyxl.load_workbook(path)["Team figures"]
    assert [c.value for c in sheet[1]][:1] == ["Clients"]
    assert [c.value for c in sheet[2]][:2] == ["Municipality", "Clients"]
    assert [c.value for c in sheet[3]][:2] == ["Espoo", 6]


def test_coverage_counts_remote_places_and_no_trip_for_them(sample_dir) -> None:
    from planner.baseline import greedy_plan
    from planner.insight.coverage import client_trips, coverage_by_municipality
    from planner.io import read_season

    season = read_season(sample_dir).season
    plan = greedy_plan(season)
    remote = set(plan.remote)
    assert remote, "the sample's plan has clients who agreed to take part remotely"
    assert all(season.client[c].remote for c, _ in remote)
    trips = client_trips(season, plan)
    assert not {(r.client_code, r.group_id) for r in trips.itertuples()} & remote
    coverage = coverage_by_municipality(season, plan, trips)
    assert int(coverage["remote_participants"].sum()) == len(remote)
