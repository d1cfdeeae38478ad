"""Whatever a coordinator does to the files, reading them never raises: it returns a Season
or a list of problems, each naming where it is."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.io import ImportReport, read_season_from_files

TOY = Path(__file__).parent / "data" / "toy"
TABLES = ("municipalities", "venues", "staff", "partners", "groups", "clients", "travel_times")


def toy_tables() -> dict[str, list[list[str]]]:
    tables = {}
    for table in TABLES:
        with open(TOY / f"{table}.csv", encoding="utf-8", newline="") as f:
            tables[table] = list(csv.reader(f))
    return tables


TOY_TABLES = toy_tables()

TRICKY = ["Sat", "25:00", "12", "-1", "0", "049", "49", "Espoo", "G-01", "S-01", "P-01",
          "V-ESP-1", "010190-123A", "Elina", "popup", "2,5", "Mon-Sun", ";", ",", '"', "\n",
          "ä" * 500, "x" * 200_000]  # fmt: skip
MUTATIONS = ["set", "set", "set", "drop_column", "duplicate_row", "swap_columns", "add_column",
             "drop_row", "drop_table", "truncate"]  # fmt: skip

printable = st.characters(blacklist_categories=("Cs",))  # any character UTF-8 can carry
cell_values = st.one_of(
    st.just(""),
    st.text(printable, max_size=20),
    st.integers(-(10**30), 10**30).map(str),
    st.floats().map(str),
    st.sampled_from(TRICKY),
)
index = st.integers(0, 10_000)  # taken modulo the current size of the table


@st.composite
def mutations(draw: st.DrawFn) -> tuple:
    kind = draw(st.sampled_from(MUTATIONS))
    return (kind, draw(st.sampled_from(TABLES)), draw(index), draw(index), draw(cell_values))


def mutate(tables: dict[str, list[list[str]]], mutation: tuple) -> None:
    kind, table, i, j, value = mutation
    rows = tables.get(table)
    if rows is None:
        return
    width = len(rows[0]) or 1
    row, col, other = 1 + i % max(len(rows) - 1, 1), j % width, i % width
    if kind == "set" and row < len(rows):
        rows[row][col] = value
    elif kind == "drop_column":
        for r in rows:
            del r[col : col + 1]
    elif kind == "duplicate_row" and row < len(rows):
        rows.insert(row, list(rows[row]))
    elif kind == "swap_columns":  # the data moves, the header stays
        for r in rows[1:]:
            if col < len(r) and other < len(r):
                r[col], r[other] = r[other], r[col]
    elif kind == "add_column":
        rows[0].append(value or "junk")
        for r in rows[1:]:
            r.append(value)
    elif kind == "drop_row" and len(rows) > 1:
        del rows[row]
    elif kind == "drop_table":
        del tables[table]


def as_files(
    tables: dict[str, list[list[str]]], delimiter: str, truncations: list[tuple]
) -> dict[str, bytes]:
    files = {}
    for table, rows in tables.items():
        out = io.StringIO()
        csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
        data = out.getvalue().encode("utf-8")
        for _, t, i, _, _ in truncations:
            if t == table:
                data = data[: i % (len(data) + 1)]
        files[f"{table}.csv"] = data
    return files


def assert_well_formed(report: ImportReport) -> None:
    assert report.ok == (report.season is not None)
    if not report.ok:
        assert report.errors
    for problem in report.problems:
        assert problem.source and isinstance(problem.source, str)
        assert problem.row is None or problem.row >= 1
        assert problem.message
        line = str(problem)
        assert line.startswith(problem.source)
        assert problem.as_dict()["file"] == problem.source
        if problem.column == "client_code":
            assert problem.value in (None, "", "(value hidden)") or "twice" in problem.message
    assert all(p.severity == "error" for p in report.errors)
    assert all(p.severity == "warning" for p in report.warnings)


def test_the_unchanged_toy_season_reads_cleanly() -> None:
    report = read_season_from_files(as_files(toy_tables(), ",", []))
    assert report.ok and not report.warnings


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(mutations(), min_size=1, max_size=4), st.sampled_from([",", ";"]))
def test_reading_mutated_tables_never_raises_and_every_problem_names_its_source(
    changes: list[tuple], delimiter: str
) -> None:
    tables = toy_tables()
    for change in changes:
        if change[0] != "truncate":
            mutate(tables, change)
    truncations = [c for c in changes if c[0] == "truncate"]
    report = read_season_from_files(as_files(tables, delimiter, truncations))
    assert_well_formed(report)
