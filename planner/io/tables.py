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
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planner.io import limits
from planner.io.problems import Message, Problem, msg

log = logging.getLogger("planner")

TABLES = ("municipalities", "venues", "staff", "partners", "groups", "clients")
OPTIONAL_TABLES = ("travel_times", "postal_areas", "themes")
ALL_TABLES = TABLES + OPTIONAL_TABLES

NOT_UTF8 = msg("not_utf8")


def too_many_rows() -> Message:
    return msg("too_many_rows", max=f"{limits.MAX_ROWS:,}")


@dataclass
class CellBudget:
    """How many more filled cells a season's tables may hold (`limits.MAX_CELLS` together)."""

    left: int = field(default_factory=lambda: limits.MAX_CELLS)


@dataclass
class RawTable:
    """One table as text. `rows` holds (Excel row number, {column: filled text}); empty rows
    and empty cells are absent."""

    name: str
    source: str
    header: list[str]
    rows: list[tuple[int, dict[str, str]]]
    decimal_comma: bool  # "2,5" means 2.5 (semicolon-separated CSV or a workbook)
    read: list[tuple[int, str]] = field(default_factory=list, repr=False)
    """(position, name) of the columns read: the first of a name written twice."""


@dataclass
class TableSet:
    """What was read: the tables found, where each table comes from, and the read problems."""

    name: str
    tables: dict[str, RawTable] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)  # table -> source, also when missing
    problems: list[Problem] = field(default_factory=list)
    budget: CellBudget = field(default_factory=CellBudget)

    def error(self, source: str, message: str | Message, row: int | None = None) -> None:
        self.problems.append(Problem(source, row, None, None, message, "error"))

    def warning(self, source: str, message: str | Message) -> None:
        self.problems.append(Problem(source, None, None, None, message, "warning"))


def normalise_column(name: str) -> str:
    """Column names are case-insensitive; spaces count as underscores ("Max size")."""
    return re.sub(r"\s+", "_", name.replace("\ufeff", "").strip().lower())


def column_label(header: list[str], index: int) -> str:
    """The column's name in the header, else its letter as Excel shows it (A, ..., AA)."""
    if index < len(header) and header[index]:
        return header[index]
    label, n = "", index + 1
    while n:
        n, rest = divmod(n - 1, 26)
        label = chr(ord("A") + rest) + label
    return label


def _take_row(
    table: RawTable, row: int, cells: list[str], problems: list[Problem], budget: CellBudget
) -> Problem | None:
    """Row 1 becomes the header, a later row goes into `table.rows` keeping only its
    non-empty cells (a row wider than the header is reported, its cells still read so that
    the row's id stays known to the rows that refer to it). Returns the problem that refuses
    the whole table: a cell longer than a cell may be, far too many cells in the row, or more
    filled cells than the season's budget has left."""
    end = len(cells)
    while end and not cells[end - 1]:
        end -= 1
    del cells[end:]
    for index, text in enumerate(cells):
        if len(text) > limits.MAX_CELL_CHARS:
            column = column_label(table.header, index)
            return Problem(table.source, row, column, None, cell_too_long(len(text)), "error")
    if len(cells) > limits.MAX_COLUMNS:
        message = msg("too_many_columns", cells=f"{len(cells):,}", max=f"{limits.MAX_COLUMNS:,}")
        return Problem(table.source, row, None, None, message, "error")
    if row == 1:
        _set_header(table, cells, problems)
        return None
    if not cells:
        return None
    width = len(table.header)
    if len(cells) > width:
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
    values = {name: cells[i] for i, name in table.read if i < len(cells) and cells[i]}
    budget.left -= len(values)
    if budget.left < 0:
        message = msg("too_many_cells", max=f"{limits.MAX_CELLS:,}")
        return Problem(table.source, row, None, None, message, "error")
    table.rows.append((row, values))
    return None


def cell_too_long(length: int) -> Message:
    return msg("cell_too_long", n=f"{length:,}", max=f"{limits.MAX_CELL_CHARS:,}")


def _set_header(table: RawTable, cells: list[str], problems: list[Problem]) -> None:
    table.header = [normalise_column(c) for c in cells]
    table.read = []
    seen: set[str] = set()
    for position, name in enumerate(table.header):
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
        elif name:
            table.read.append((position, name))
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


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
"""One line with its ending, split as `open(newline="")` splits for the csv reader."""


class _Lines:
    """A text's lines as the csv reader takes them, remembering where each record starts
    (the reader takes exactly the lines of one record before it yields it). Lines are cut
    from the text one at a time: an io.StringIO of it would hold four bytes a character."""

    def __init__(self, text: str) -> None:
        self._lines = _LINE.finditer(text)
        self._offset = 0
        self.start = 0  # where the record being read starts

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line = next(self._lines).group()
        self._offset += len(line)
        return line

    def next_record(self) -> int:
        """The start of the record just read; the next one starts where it ended."""
        start, self.start = self.start, self._offset
        return start


_QUOTED_REST = re.compile(r'[^"]*+(?:""[^"]*+)*+"')
"""The rest of a quoted cell up to its closing quote ("" is a quote inside it)."""


def _bad_cell(text: str, pos: int, delimiter: str) -> tuple[int, Message] | None:
    """The first cell of the record starting at `pos` that is longer than a cell may be, or
    whose opening quote is never closed (all the rest of the file would be that one cell),
    as (column index, why); None when neither. Reads as the csv reader does."""
    unquoted = re.compile(f"[^{re.escape(delimiter)}\r\n]*+")
    index = 0
    while True:
        begin = pos
        if text.startswith('"', pos):
            rest = _QUOTED_REST.match(text, pos + 1)
            if rest is None:
                return index, msg("unclosed_quote")
            pos = rest.end()
        pos = unquoted.match(text, pos).end()
        if pos - begin > limits.MAX_CELL_CHARS:
            return index, cell_too_long(pos - begin)
        if pos >= len(text) or text[pos] != delimiter:
            return None
        pos += 1
        index += 1


def read_csv(
    name: str, source: str, data: bytes, budget: CellBudget | None = None
) -> tuple[RawTable | None, list[Problem]]:
    """One CSV file as text; None when it cannot be read, with the reason as a problem.
    `budget` is shared by the season's other tables."""
    problems: list[Problem] = []
    budget = budget if budget is not None else CellBudget()

    def fail(
        message: str | Message, row: int | None = None, column: str | None = None
    ) -> tuple[None, list[Problem]]:
        problems.append(Problem(source, row, column, None, message, "error"))
        return None, problems

    if (big := limits.too_big(len(data))) is not None:
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
    lines = _Lines(text)
    row = 0
    start = 0
    try:
        for row, cells in enumerate(csv.reader(lines, delimiter=delimiter), start=1):
            start = lines.next_record()
            if row > limits.MAX_ROWS + 1:
                return fail(too_many_rows())
            refused = _take_row(table, row, [c.strip() for c in cells], problems, budget)
            if refused is not None:
                problems.append(refused)
                return None, problems
    except csv.Error as exc:
        row += 1  # the record the reader could not finish
        bad = _bad_cell(text, lines.start, delimiter)
        if bad is not None:
            return fail(bad[1], row, column_label(table.header, bad[0]))
        return fail(msg("not_csv", reason=str(exc)), row)
    if (bad := _bad_cell(text, start, delimiter)) is not None and bad[1].key == "unclosed_quote":
        return fail(bad[1], row, column_label(table.header, bad[0]))
    if not any(table.header):
        return fail(msg("first_row_empty"))
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
    refusal = limits.too_big(len(data)) or limits.workbook_bomb(data)
    if refusal is not None:
        tables.error(filename, refusal)
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
        sheet = workbook[sheets[name]]
        if hasattr(sheet, "reset_dimensions"):
            # rows and columns as the cells have them: the size a sheet declares may be the
            # whole grid (A1:XFD1048576), and openpyxl would fill every row up to it
            sheet.reset_dimensions()
        refused: Problem | None = None
        for row, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            if row > limits.MAX_ROWS + 1:
                refused = Problem(source, None, None, None, too_many_rows(), "error")
                break
            cells = [cell_text(v) for v in values]
            refused = _take_row(table, row, cells, tables.problems, tables.budget)
            if refused is not None:
                break
        if refused is not None:
            tables.problems.append(refused)
            continue
        if not any(table.header):
            tables.error(source, msg("sheet_empty"))
            continue
        tables.tables[name] = table


# --- A season's files ---


def _add_csv(tables: TableSet, name: str, filename: str, data: bytes) -> None:
    tables.sources[name] = filename
    table, problems = read_csv(name, filename, data, tables.budget)
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
            data = limits.read_bounded(found)
        except OSError as exc:
            tables.error(found.name, msg("unreadable", reason=str(exc.strerror or exc)))
            continue
        if isinstance(data, Message):
            tables.error(found.name, data)
            continue
        _add_csv(tables, name, found.name, data)
    return tables


def read_files(files: Mapping[str, bytes], name: str = "season") -> TableSet:
    """Uploaded files: the six CSV files (and any optional ones), or one .xlsx workbook."""
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
            data = limits.read_bounded(path)
        except OSError as exc:
            tables.error(path.name, msg("unreadable", reason=str(exc.strerror or exc)))
            return tables
        if isinstance(data, Message):
            tables.error(path.name, data)
            return tables
        read_workbook(path.name, data, tables)
    return tables
