"""Reading the season's tables as text: CSV files (as Excel writes them) or one .xlsx workbook.

Everything comes out as stripped text with normalised column names and the row number the
coordinator sees in Excel; nothing is typed here. Files that cannot be read at all become
problems, never exceptions.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planner.io.problems import Message, Problem, msg

log = logging.getLogger("planner")

TABLES = ("municipalities", "venues", "staff", "partners", "groups", "clients")
OPTIONAL_TABLES = ("travel_times", "postal_areas")
ALL_TABLES = TABLES + OPTIONAL_TABLES

NOT_UTF8 = msg("not_utf8")
MAX_FILE_BYTES = 25 * 1024 * 1024
"""A season table (or workbook) larger than this is refused unread: the county's largest
table, clients, is a few hundred kilobytes even at ten times the sample."""
MAX_ROWS = 100_000
"""Rows per table; more is a mistake (or an attack), not a season."""
TOO_MANY_ROWS = msg("too_many_rows", max=f"{MAX_ROWS:,}")


def too_big(data: bytes) -> Message | None:
    if len(data) <= MAX_FILE_BYTES:
        return None
    return msg("too_big", mb=f"{len(data) / 2**20:.0f}", max=MAX_FILE_BYTES // 2**20)


@dataclass
class RawTable:
    """One table as text. `rows` holds (Excel row number, {column: text}); empty rows are absent."""

    name: str
    source: str
    header: list[str]
    rows: list[tuple[int, dict[str, str]]]
    decimal_comma: bool  # "2,5" means 2.5 (semicolon-separated CSV or a workbook)


@dataclass
class TableSet:
    """What was read: the tables found, where each table comes from, and the read problems."""

    name: str
    tables: dict[str, RawTable] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)  # table -> source, also when missing
    problems: list[Problem] = field(default_factory=list)

    def error(self, source: str, message: str | Message, row: int | None = None) -> None:
        self.problems.append(Problem(source, row, None, None, message, "error"))

    def warning(self, source: str, message: str | Message) -> None:
        self.problems.append(Problem(source, None, None, None, message, "warning"))


def normalise_column(name: str) -> str:
    """Column names are case-insensitive; spaces count as underscores ("Max size")."""
    return re.sub(r"\s+", "_", name.replace("\ufeff", "").strip().lower())


def _rows_as_dicts(
    table: RawTable,
    records: Iterable[tuple[int, list[str]]],
    problems: list[Problem],
) -> None:
    """Fill `table.rows`, reporting rows wider than the header (their cells are still read,
    so that the row's id stays known to the rows that refer to it)."""
    header = table.header
    width = len(header)
    for row, cells in records:
        if not any(cells):
            continue
        if len(cells) > width:
            extra = [c for c in cells[width:] if c]
            if extra:
                problems.append(
                    Problem(
                        table.source,
                        row,
                        None,
                        None,
                        msg("row_too_wide", cells=len(cells), columns=width),
                        "error",
                    )
                )
        values: dict[str, str] = {}
        for name, text in zip(header, cells, strict=False):
            if name and name not in values:
                values[name] = text
        table.rows.append((row, values))


def _set_header(table: RawTable, cells: list[str], problems: list[Problem]) -> None:
    table.header = [normalise_column(c) for c in cells]
    seen: set[str] = set()
    for name in table.header:
        if name and name in seen:
            problems.append(
                Problem(
                    table.source,
                    1,
                    name,
                    None,
                    msg("header_twice", column=name),
                    "error",
                )
            )
        seen.add(name)


# --- CSV ---


def _decode(data: bytes) -> str | None:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text" (UTF-16)
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _sniff_delimiter(text: str) -> str:
    """Finnish Excel writes ';', others ','; Excel's "Unicode text" writes tabs."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > counts[","] else ","


def read_csv(name: str, source: str, data: bytes) -> tuple[RawTable | None, list[Problem]]:
    """One CSV file as text; None when it cannot be read, with the reason as a problem."""
    problems: list[Problem] = []

    def fail(message: str | Message) -> tuple[None, list[Problem]]:
        problems.append(Problem(source, None, None, None, message, "error"))
        return None, problems

    if (big := too_big(data)) is not None:
        return fail(big)
    if data.startswith(b"PK\x03\x04"):
        return fail(msg("csv_is_workbook"))
    text = _decode(data)
    if text is None:
        return fail(NOT_UTF8)
    if "\x00" in text:
        return fail(msg("not_text"))
    if not text.strip():
        return fail(msg("file_empty"))
    delimiter = _sniff_delimiter(text)
    table = RawTable(name, source, [], [], decimal_comma=delimiter != ",")
    records: list[tuple[int, list[str]]] = []
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        for row, cells in enumerate(reader, start=1):
            if row > MAX_ROWS + 1:
                return fail(TOO_MANY_ROWS)
            cells = [c.strip() for c in cells]
            if row == 1:
                _set_header(table, cells, problems)
            else:
                records.append((row, cells))
    except csv.Error as exc:
        return fail(msg("not_csv", reason=str(exc)))
    if not any(table.header):
        return fail(msg("first_row_empty"))
    _rows_as_dicts(table, records, problems)
    return table, problems


# --- Excel ---


def cell_text(value: object) -> str:
    """An Excel cell as the text a coordinator typed: 3 not 3.0, dates as YYYY-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M") if not value.second else value.isoformat()
    if isinstance(value, dt.timedelta):  # a time typed into an [h]:mm cell
        minutes = round(value.total_seconds() / 60)
        return f"{minutes // 60:02d}:{minutes % 60:02d}"
    return str(value).strip()


def read_workbook(filename: str, data: bytes, tables: TableSet) -> None:
    """All season sheets of one workbook into `tables`; sheet names are case-insensitive."""
    import openpyxl  # imported here: reading CSV should not pay for it

    for name in ALL_TABLES:
        tables.sources[name] = f"{filename}, sheet {name}"
    if (big := too_big(data)) is not None:
        tables.error(filename, big)
        return
    found = TableSet(tables.name, sources=dict(tables.sources))
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            _read_sheets(workbook, found)
        finally:
            workbook.close()
    except Exception as exc:  # a damaged file fails anywhere in zipfile, zlib, XML or openpyxl
        log.debug("cannot read workbook %s: %r", filename, exc)
        tables.error(filename, msg("not_workbook"))
        return
    tables.tables.update(found.tables)
    tables.problems.extend(found.problems)


def _read_sheets(workbook: Any, tables: TableSet) -> None:
    sheets = {normalise_column(s): s for s in workbook.sheetnames}
    for name in ALL_TABLES:
        source = tables.sources[name]
        if name not in sheets:
            if name in TABLES:
                tables.error(source, msg("sheet_missing"))
            continue
        table = RawTable(name, source, [], [], decimal_comma=True)
        records: list[tuple[int, list[str]]] = []
        overflow = False
        for row, values in enumerate(workbook[sheets[name]].iter_rows(values_only=True), start=1):
            if row > MAX_ROWS + 1:
                overflow = True
                break
            cells = [cell_text(v) for v in values]
            if row == 1:
                _set_header(table, cells, tables.problems)
            else:
                records.append((row, cells))
        if overflow:
            tables.error(source, TOO_MANY_ROWS)
            continue
        if not any(table.header):
            tables.error(source, msg("sheet_empty"))
            continue
        _rows_as_dicts(table, records, tables.problems)
        tables.tables[name] = table


# --- A season's files ---


def _add_csv(tables: TableSet, name: str, filename: str, data: bytes) -> None:
    tables.sources[name] = filename
    table, problems = read_csv(name, filename, data)
    tables.problems.extend(problems)
    if table is not None:
        tables.tables[name] = table


def read_folder(path: Path) -> TableSet:
    """A season folder of CSV files; file names are case-insensitive (Groups.CSV is groups)."""
    tables = TableSet(path.name or "season")
    files = {p.name.lower(): p for p in sorted(path.iterdir()) if p.is_file()}
    for name in ALL_TABLES:
        filename = f"{name}.csv"
        tables.sources[name] = filename
        found = files.get(filename)
        if found is None:
            if name in TABLES:
                tables.error(filename, msg("file_missing_folder"))
            continue
        try:
            data = found.read_bytes()
        except OSError as exc:
            tables.error(found.name, msg("unreadable", reason=str(exc.strerror or exc)))
            continue
        _add_csv(tables, name, found.name, data)
    return tables


def read_files(files: Mapping[str, bytes], name: str = "season") -> TableSet:
    """Uploaded files: the six (or seven) CSV files, or one .xlsx workbook."""
    by_name = {Path(k).name: v for k, v in files.items()}
    workbooks = [k for k in by_name if k.lower().endswith(".xlsx")]
    tables = TableSet(name)
    if workbooks:
        if len(by_name) > 1:
            tables.error(
                ", ".join(sorted(by_name)),
                msg("mixed_upload"),
            )
            tables.sources.update({t: f"{t}.csv" for t in ALL_TABLES})
            return tables
        tables.name = Path(workbooks[0]).stem
        read_workbook(workbooks[0], by_name[workbooks[0]], tables)
        return tables
    lowered = {k.lower(): k for k in by_name}
    for table in ALL_TABLES:
        filename = f"{table}.csv"
        tables.sources[table] = filename
        if filename not in lowered:
            if table in TABLES:
                tables.error(filename, msg("file_missing_upload"))
            continue
        actual = lowered[filename]
        _add_csv(tables, table, actual, by_name[actual])
    known = {f"{t}.csv" for t in ALL_TABLES}
    for k in sorted(by_name):
        if k.lower() not in known:
            tables.warning(k, msg("not_season_table"))
    return tables


def read_path(path: Path) -> TableSet:
    """A folder of CSV files or an .xlsx workbook on disk."""
    if path.is_dir():
        return read_folder(path)
    tables = TableSet(path.stem or "season")
    tables.sources.update({t: f"{t}.csv" for t in ALL_TABLES})
    if not path.exists():
        tables.error(str(path), msg("no_such_path"))
    elif path.suffix.lower() != ".xlsx":
        old_excel = path.suffix.lower() == ".xls"
        tables.error(path.name, msg("old_excel" if old_excel else "not_season_path"))
    else:
        try:
            data = path.read_bytes()
        except OSError as exc:
            tables.error(path.name, msg("unreadable", reason=str(exc.strerror or exc)))
            return tables
        read_workbook(path.name, data, tables)
    return tables
