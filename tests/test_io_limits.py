"""The import's limits (`planner/io/limits.py`): memory bombs are refused before they are read
whole, unpacked or parsed, each with one line naming the file (and the row and column where
there is one), and `planner check` stays under 500 MB on every one of them.

The hostile files are built in tmp_path and stay small on disk: a sparse file uses no disk,
and a zip part of repeated bytes packs a thousand times."""

from __future__ import annotations

import csv
import io
import itertools
import os
import random
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterable
from pathlib import Path

import openpyxl
import pytest

from planner.io import limits, read_season, read_season_from_files
from planner.io.tables import read_csv

REPO = Path(__file__).resolve().parents[1]
TOY = Path(__file__).parent / "data" / "toy"
MIB = 2**20


# --- helpers ---


def toy_folder(tmp_path: Path) -> Path:
    return Path(shutil.copytree(TOY, tmp_path / "toy"))


def toy_workbook() -> bytes:
    """The toy season as one workbook, every cell as text."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for path in sorted(TOY.glob("*.csv")):
        sheet = book.create_sheet(path.stem)
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.reader(f):
                sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def with_part(book: bytes, name: str, chunks: Iterable[bytes]) -> bytes:
    """The workbook with part `name` added or replaced, written in chunks (never whole)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(book)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as dst,
    ):
        for item in src.infolist():
            if item.filename != name:
                dst.writestr(item, src.read(item.filename))
        with dst.open(name, "w", force_zip64=True) as part:
            for chunk in chunks:
                part.write(chunk)
    return out.getvalue()


def repeated(size: int, byte: bytes = b"a") -> Iterable[bytes]:
    for _ in range(size // MIB):
        yield byte * MIB


def sheet_xml(book: bytes, table: str) -> tuple[str, str]:
    """The part name and XML of the toy workbook's sheet `table`."""
    loaded = openpyxl.load_workbook(io.BytesIO(book))
    number = loaded.sheetnames.index(table) + 1
    name = f"xl/worksheets/sheet{number}.xml"
    with zipfile.ZipFile(io.BytesIO(book)) as archive:
        return name, archive.read(name).decode()


def errors(report) -> list[str]:
    return [str(p) for p in report.errors]


def write_clients_cell(folder: Path, row: int, column: str, raw: str) -> None:
    """Put `raw` (written as is, quotes and all) into clients.csv at Excel row `row`."""
    path = folder / "clients.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    cells = lines[row - 1].split(",")
    cells[header.index(column)] = raw
    lines[row - 1] = ",".join(cells)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture
def no_openpyxl(monkeypatch: pytest.MonkeyPatch) -> None:
    """openpyxl must not open the workbook: the refusal comes before any unpacking."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("openpyxl opened a workbook that should be refused unread")

    monkeypatch.setattr(openpyxl, "load_workbook", refuse)


# --- workbooks ---


def test_a_workbook_part_that_unpacks_past_the_limit_is_refused_before_parsing(
    tmp_path: Path, no_openpyxl: None
) -> None:
    book = with_part(toy_workbook(), "xl/sharedStrings.xml", repeated(64 * MIB))
    assert len(book) < MIB
    path = tmp_path / "season.xlsx"
    path.write_bytes(book)
    assert errors(read_season(path)) == [
        'season.xlsx: the workbook\'s part "xl/sharedStrings.xml" unpacks to 64 MB, more than '
        "the 50 MB allowed: this is not a season workbook"
    ]


def test_a_workbook_part_packed_like_a_zip_bomb_is_refused_below_the_size_limit(
    no_openpyxl: None,
) -> None:
    book = with_part(toy_workbook(), "xl/worksheets/sheet1.xml", repeated(20 * MIB))
    report = read_season_from_files({"season.xlsx": book})
    [line] = errors(report)
    assert re.fullmatch(
        r'season\.xlsx: the workbook\'s part "xl/worksheets/sheet1\.xml" is packed \d+ times '
        r"smaller than it unpacks \(at most 100 allowed\): this is not a season workbook",
        line,
    )


def test_a_small_part_that_packs_well_is_read() -> None:
    book = with_part(toy_workbook(), "docProps/padding.xml", [b" " * (MIB // 2)])
    report = read_season_from_files({"season.xlsx": book})
    assert report.ok, errors(report)


def test_the_parts_together_may_not_unpack_past_the_limit(monkeypatch) -> None:
    monkeypatch.setattr(limits, "MAX_UNPACKED_BYTES", 30_000)  # each part is less
    report = read_season_from_files({"season.xlsx": toy_workbook()})
    [line] = errors(report)
    assert line.startswith("season.xlsx: the workbook unpacks to 0 MB, more than the 0 MB")


@pytest.mark.parametrize("parts", [200, 70_000], ids=["zip", "zip64"])
def test_a_workbook_of_too_many_parts_is_refused(monkeypatch, parts: int) -> None:
    monkeypatch.setattr(limits, "MAX_PARTS", 100)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as book:
        for i in range(parts):
            book.writestr(f"p{i}", b"")
    report = read_season_from_files({"season.xlsx": out.getvalue()})
    assert errors(report) == [
        f"season.xlsx: the workbook has {parts:,} parts, more than 100: this is not a season "
        "workbook"
    ]


def test_too_many_parts_are_refused_before_zipfile_reads_their_entries(monkeypatch) -> None:
    monkeypatch.setattr(limits, "MAX_PARTS", 100)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as book:
        for i in range(200):
            book.writestr(f"p{i}", b"")
    monkeypatch.setattr(zipfile, "ZipFile", None)  # calling it would fail the test
    assert limits.workbook_bomb(out.getvalue()) == limits.msg("workbook_parts", n="200", max="100")


def test_a_megabyte_cell_in_a_workbook_is_refused_as_the_csv_reader_refuses_it(
    tmp_path: Path,
) -> None:
    cell = random.Random(1).randbytes(MIB // 2).hex()  # 1 MB that packs only twice
    book = toy_workbook()
    name, xml = sheet_xml(book, "clients")
    assert xml.count("<t>G-03;G-04</t>") == 1
    xml = xml.replace("<t>G-03;G-04</t>", f"<t>{cell}</t>")
    report = read_season_from_files({"season.xlsx": with_part(book, name, [xml.encode()])})
    assert errors(report) == [
        "season.xlsx, sheet clients, row 2, column wishes: the cell has 1,048,576 characters, "
        "more than the 131,072 a cell may have: check that this is the right file"
    ]
    folder = toy_folder(tmp_path)
    write_clients_cell(folder, 2, "wishes", cell)
    assert errors(read_season(folder)) == [
        "clients.csv row 2, column wishes: the cell has 1,048,576 characters, more than the "
        "131,072 a cell may have: check that this is the right file"
    ]


def test_a_sheet_that_declares_the_whole_grid_is_read_by_its_cells(monkeypatch) -> None:
    monkeypatch.setattr(limits, "MAX_ROWS", 1_000)  # the declared rows would be over it
    book = toy_workbook()
    name, xml = sheet_xml(book, "clients")
    xml, n = re.subn(r'<dimension ref="[^"]*"', '<dimension ref="A1:XFD1048576"', xml)
    assert n == 1
    report = read_season_from_files({"season.xlsx": with_part(book, name, [xml.encode()])})
    assert report.ok, errors(report)


def test_a_row_of_too_many_cells_refuses_its_sheet(monkeypatch) -> None:
    monkeypatch.setattr(limits, "MAX_COLUMNS", 20)
    book = toy_workbook()
    name, xml = sheet_xml(book, "groups")
    xml = xml.replace("</row>", '<c r="AZ1" t="inlineStr"><is><t>x</t></is></c></row>', 1)
    report = read_season_from_files({"season.xlsx": with_part(book, name, [xml.encode()])})
    assert errors(report) == [
        "season.xlsx, sheet groups, row 1: the row has 52 cells, more than the 20 a season "
        "table may have: check that this is the right file"
    ]


# --- files on disk and CSV ---


def test_a_3_gb_csv_is_refused_by_its_size_on_disk(tmp_path: Path, monkeypatch) -> None:
    folder = toy_folder(tmp_path)
    with (folder / "clients.csv").open("r+b") as f:
        f.truncate(3 * 2**30)  # sparse: no disk used

    def refuse(self: Path) -> bytes:
        raise AssertionError("read whole")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert errors(read_season(folder)) == [
        "clients.csv: the file is 3072 MB, more than the 25 MB a season table may be: check "
        "that this is the right file"
    ]


def test_a_3_gb_workbook_is_refused_by_its_size_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "season.xlsx"
    with path.open("wb") as f:
        f.truncate(3 * 2**30)
    assert errors(read_season(path)) == [
        "season.xlsx: the file is 3072 MB, more than the 25 MB a season table may be: check "
        "that this is the right file"
    ]


def test_a_file_that_grows_past_its_stated_size_is_read_only_to_the_limit(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 1_000)
    path = tmp_path / "clients.csv"
    path.write_bytes(b"x" * 5_000)
    monkeypatch.setattr(Path, "stat", lambda self, **kw: os.stat_result((0,) * 10))  # "size 0"
    assert limits.read_bounded(path) == limits.too_big(1_001)


def test_an_overlong_csv_field_names_its_row_and_column(tmp_path: Path) -> None:
    folder = toy_folder(tmp_path)
    write_clients_cell(folder, 3, "wishes", "x" * 200_000)
    assert errors(read_season(folder)) == [
        "clients.csv row 3, column wishes: the cell has 200,000 characters, more than the "
        "131,072 a cell may have: check that this is the right file"
    ]


def test_an_overlong_quoted_csv_field_that_is_closed_is_too_long_not_unclosed(
    tmp_path: Path,
) -> None:
    folder = toy_folder(tmp_path)
    write_clients_cell(folder, 4, "interests", '"' + "a;b\n" * 40_000 + '"')
    [line] = errors(read_season(folder))
    assert line.startswith("clients.csv row 4, column interests: the cell has 160,002 characters")


@pytest.mark.parametrize("rest", [0, 50_000], ids=["short file", "long file"])
def test_an_unclosed_quote_is_named_as_such(tmp_path: Path, rest: int) -> None:
    folder = toy_folder(tmp_path)
    write_clients_cell(folder, 3, "interests", '"nature;art')
    with (folder / "clients.csv").open("a", encoding="utf-8") as f:
        f.writelines(
            f"C-9{i:05d},049,02100,fi,,,Mon,transit,45,false,S-01,,1\n" for i in range(rest)
        )
    assert errors(read_season(folder)) == [
        'clients.csv row 3, column interests: the cell opens a quote (") that is never closed: '
        "everything after it to the end of the file would be one cell; close the quote or "
        "remove it"
    ]


def test_a_quoted_cell_over_several_lines_is_still_read(tmp_path: Path) -> None:
    folder = toy_folder(tmp_path)
    write_clients_cell(folder, 3, "interests", '"nature;\nart"')
    report = read_season(folder)
    assert "unclosed" not in " ".join(errors(report))
    assert report.season is not None and report.season.clients[1].interests


# --- how much is kept ---


def test_a_row_keeps_its_filled_cells_and_of_a_name_written_twice_the_first() -> None:
    table, problems = read_csv("groups", "groups.csv", b"group_id,name,,name,x\nG-1,,a,Other,\n")
    assert table is not None and table.rows == [(2, {"group_id": "G-1"})]
    assert [p.column for p in problems] == ["name"]  # the header names it twice


def test_problems_past_the_listed_number_are_counted_not_kept(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(limits, "MAX_LISTED", 10)
    folder = toy_folder(tmp_path)
    with (folder / "clients.csv").open("a", encoding="utf-8") as f:
        f.writelines(f"C-9{i:05d},049,02100,fi,,,Mon,walk,45,false,S-01,,x\n" for i in range(30))
    report = read_season(folder)
    lines = errors(report)
    assert len([line for line in lines if line.startswith("clients.csv row")]) == 10
    assert lines[-1].startswith("clients.csv: and ")
    assert lines[-1].endswith(
        " more errors in this file, not listed: fix those listed and check again"
    )


def test_a_season_of_more_cells_than_the_budget_is_refused_at_the_row(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(limits, "MAX_CELLS", 40)
    report = read_season(toy_folder(tmp_path))
    assert any(
        re.match(r"\w+\.csv row \d+: the season's tables hold more than 40 filled cells", line)
        for line in errors(report)
    )


# --- memory of the whole command ---


def peak_of_check(path: Path) -> tuple[int, str]:
    """Peak resident memory (bytes) of `planner check PATH` in its own process, and its output."""
    probe = (
        "import resource, subprocess, sys\n"
        "r = subprocess.run([sys.executable, '-m', 'planner.cli', 'check', sys.argv[1]],"
        " capture_output=True, text=True)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)\n"
        "print(r.stdout + r.stderr)\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLANNER_")}
    env["PYTHONPATH"] = str(REPO)
    done = subprocess.run(
        [sys.executable, "-c", probe, str(path)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    first, output = done.stdout.split("\n", 1)
    kilobytes, code = first.split()
    assert code == "1", output
    return int(kilobytes) * 1024, output


def test_planner_check_stays_under_500_mb_on_every_bomb(tmp_path: Path) -> None:
    folder = toy_folder(tmp_path)
    with (folder / "clients.csv").open("r+b") as f:
        f.truncate(3 * 2**30)
    cell = tmp_path / "cell.xlsx"  # one cell that expands to 100 MB
    head = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    head += '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
    tail = "</t></is></c></row></sheetData></worksheet>"
    chunks = itertools.chain([head.encode()], repeated(100 * MIB), [tail.encode()])
    cell.write_bytes(with_part(toy_workbook(), "xl/worksheets/sheet1.xml", chunks))
    strings = tmp_path / "strings.xlsx"  # shared strings no cell uses
    strings.write_bytes(with_part(toy_workbook(), "xl/sharedStrings.xml", repeated(64 * MIB)))
    for path, said in (
        (folder, "clients.csv: the file is 3072 MB"),
        (cell, 'cell.xlsx: the workbook\'s part "xl/worksheets/sheet1.xml" unpacks to 100 MB'),
        (strings, 'strings.xlsx: the workbook\'s part "xl/sharedStrings.xml" unpacks to 64 MB'),
    ):
        peak, output = peak_of_check(path)
        assert said in output and "Traceback" not in output
        assert peak < 500 * MIB, (path.name, peak // MIB)
