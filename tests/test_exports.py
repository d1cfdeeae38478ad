"""Every workbook and CSV file the product writes, on a season whose names are hostile: no
cell or field starts with a formula character, so a spreadsheet never evaluates one
(CSV/formula injection). All exports write through `planner.spreadsheet`."""

from __future__ import annotations

import csv
import json
import re
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from toys import SUMMARY, toy_plan, toy_season

from planner.cli.main import main
from planner.insight.team import figure_tables
from planner.model import Season
from planner.plan_check import read_plan_files
from planner.solve.output import write_outputs
from planner.solve.result import Result
from planner.spreadsheet import FORMULA_STARTS, restore_value, safe_value
from planner.store import Enrolments, Store
from planner.store.figures import team_figures
from planner.ui.offering import figures_workbook

REPO = Path(__file__).resolve().parents[1]
WRITERS = re.compile(r"\.to_excel\(|\.to_csv\(|csv\.writer\(|csv\.DictWriter\(|ExcelWriter\(")
INPUT_TABLES = {"planner/sample.py"}
"""Writes the generated season's input tables, which the import reads back as they are."""

HOSTILE = ('=HYPERLINK("http://x")', "+cmd|' /C calc'!A0", "@SUM(1)", "-2+3")


def hostile_season() -> Season:
    """The published toy with every group, venue, staff and municipality name hostile (ids
    stay plain: they may be restricted to a safe set)."""
    season = toy_season("published")

    def name(i: int) -> str:
        return HOSTILE[i % len(HOSTILE)] + f" {i}"

    return replace(
        season,
        groups=tuple(replace(g, name=name(i)) for i, g in enumerate(season.groups)),
        venues=tuple(replace(v, name=name(i)) for i, v in enumerate(season.venues)),
        staff=tuple(replace(s, name=name(i)) for i, s in enumerate(season.staff)),
        municipalities=tuple(
            replace(m, name_fi=name(i), name_sv=name(i + 1))
            for i, m in enumerate(season.municipalities)
        ),
    )


@pytest.fixture
def db(tmp_path: Path) -> str:
    """The hostile season, planned, published, and one client who left (so every figure
    table has rows)."""
    url = f"sqlite:///{tmp_path / 'hostile.sqlite3'}"
    with Store.open(url) as store:
        store.import_season(hostile_season(), source="toy")
        store.save_plan(toy_plan(), SUMMARY)
        live = Enrolments(store)
        live.publish(actor="test")
        outcome = live.cancel("G2", "C04", actor="test", reason="moved_to_work")
        assert outcome.status == "cancelled", outcome
    return url


def workbook_cells(path: Path) -> list[object]:
    book = openpyxl.load_workbook(path)
    cells = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate} is a formula"
                cells.append(cell.value)
    return cells


def csv_fields(path: Path) -> list[str]:
    with path.open(newline="", encoding="utf-8") as f:
        return [field for row in csv.reader(f) for field in row]


def live_formulas(values: list[object]) -> list[str]:
    return [v for v in values if isinstance(v, str) and v.startswith(FORMULA_STARTS)]


def test_no_export_writes_a_live_formula(db: str, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    out.mkdir()
    season = hostile_season()
    written: dict[str, list[object]] = {}

    # `planner figures --out` and the Team figures page's download
    assert main(["figures", "--out", str(out / "figures.xlsx"), "--db", db]) == 0
    written["figures.xlsx"] = workbook_cells(out / "figures.xlsx")
    with Store.open(db) as store:
        tables = figure_tables(team_figures(store), store.load_season(), "en")
    (out / "download.xlsx").write_bytes(figures_workbook(tables, "en"))
    written["download.xlsx"] = workbook_cells(out / "download.xlsx")
    # `planner report --out` (the dashboard's download writes the same report)
    assert main(["report", "--out", str(out / "report.xlsx"), "--db", db, "--lang", "en"]) == 0
    written["report.xlsx"] = workbook_cells(out / "report.xlsx")
    # `planner pickups --out` and `planner allowance --out`
    pickups = out / "pickups"
    argv = ["pickups", "--db", db, "--out", str(pickups), "--seconds-per-day", "0.2"]
    assert main(argv) == 0
    assert main(["allowance", "--db", db, "--out", str(out / "allowance.csv")]) == 0
    # `planner solve --out`: the plan files
    result = Result("FEASIBLE", None, None, 0.0, None, toy_plan())
    plan_dir = out / "plan"
    write_outputs(result, season, plan_dir)
    capsys.readouterr()
    for path in [*pickups.glob("*.csv"), out / "allowance.csv", *plan_dir.glob("*.csv")]:
        written[str(path.relative_to(out))] = csv_fields(path)

    assert {k: live_formulas(v) for k, v in written.items() if live_formulas(v)} == {}
    # The hostile names did reach the files, neutralised: the test is not vacuous.
    text = json.dumps({k: [str(v) for v in vs] for k, vs in written.items()})
    for hostile in HOSTILE:
        assert json.dumps("'" + hostile)[1:-1] in text
    # The plan files read back as they were.
    back = read_plan_files(plan_dir)
    assert back.placement == toy_plan().placement
    assert sorted(back.participants) == sorted(toy_plan().participants)


@given(st.text())
def test_a_neutralised_text_never_starts_a_formula_and_reads_back(text: str) -> None:
    safe = safe_value(text)
    assert not safe.startswith(FORMULA_STARTS)
    assert restore_value(safe) == text or (text.startswith("'") and safe == text)


def test_files_are_written_only_through_the_spreadsheet_module() -> None:
    writers = {
        str(path.relative_to(REPO))
        for path in (REPO / "planner").rglob("*.py")
        if WRITERS.search(path.read_text(encoding="utf-8"))
    }
    assert writers - INPUT_TABLES == {"planner/spreadsheet.py"}
