"""Every workbook and CSV file the project writes: safe cells, tables laid out for printing.

A text cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return) would be read
by Excel as a formula (CSV/formula injection, OWASP); such text is written with a leading
apostrophe, so it shows as the text it is and is never evaluated. Every export writes through
here: `write_workbook` (one table per sheet), `write_table`/`write_title` (sheets laid out
by hand, the season report) and `write_csv`; `restore_value` undoes the apostrophe where the
project reads its own files back (`planner.plan_check.read_plan_files`).
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # openpyxl loads with the first workbook: reading CSV needs none of it
    import pandas as pd
    from openpyxl.worksheet.worksheet import Worksheet

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
HEADER_FILL = "DDE6F0"
TITLE_SIZE = 13
MAX_WIDTH = 60
SHEET_NAME_CHARS = 31  # Excel's limit


def safe_value(value: Any) -> Any:
    """The value as it may go into a cell: formula-like text neutralised, NaN/None empty."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars
        value = value.item()
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def restore_value(text: str) -> str:
    """The text `safe_value` was given, from what it wrote (for reading our own files)."""
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def write_csv(path: str | Path, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Path:
    """A UTF-8 CSV file with `header` and `rows`, every cell through `safe_value`."""
    path = Path(path)
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow([_csv_cell(v) for v in header])
        writer.writerows([_csv_cell(v) for v in row] for row in rows)
    return path


def _csv_cell(value: Any) -> Any:
    value = safe_value(value)
    return "" if value is None else value


def write_workbook(sheets: Mapping[str, pd.DataFrame], path: str | Path) -> Path:
    """One table per sheet, named like its key (cut to Excel's 31 characters), with a bold
    header, readable widths and a frozen, filtered header row; every cell safe."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    path = Path(path)
    book = Workbook()
    book.remove(book.active)
    for name, frame in sheets.items():
        sheet = book.create_sheet(name[:SHEET_NAME_CHARS])  # our own table names
        write_table(sheet, frame)
        sheet.freeze_panes = "A2"
        if len(frame.columns):
            sheet.auto_filter.ref = f"A1:{get_column_letter(len(frame.columns))}{len(frame) + 1}"
    book.save(path)
    return path


def write_title(sheet: Worksheet, row: int, text: str) -> int:
    """A bold title line at `row`; returns the next free row."""
    from openpyxl.styles import Font

    cell = sheet.cell(row=row, column=1, value=safe_value(text))
    cell.font = Font(bold=True, size=TITLE_SIZE)
    return row + 1


def write_table(
    sheet: Worksheet,
    frame: pd.DataFrame,
    row: int = 1,
    headers: Mapping[str, str] | None = None,
    percent: tuple[str, ...] = (),
) -> int:
    """`frame` at `row` with a bold header; columns in `percent` as percentages.

    Widens columns to fit (up to `MAX_WIDTH`). Returns the next free row.
    """
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    headers = headers or {}
    for col, name in enumerate(frame.columns, start=1):
        cell = sheet.cell(row=row, column=col, value=safe_value(headers.get(name, name)))
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for r, values in enumerate(frame.itertuples(index=False), start=row + 1):
        for col, (name, value) in enumerate(zip(frame.columns, values, strict=True), start=1):
            cell = sheet.cell(row=r, column=col, value=safe_value(value))
            if name in percent:
                cell.number_format = "0.0%"
    for col, name in enumerate(frame.columns, start=1):
        letter = get_column_letter(col)
        longest = max(
            [len(str(headers.get(name, name))) // 2, *(len(str(v)) for v in frame[name])],
            default=8,
        )
        width = min(max(longest + 2, 8), MAX_WIDTH)
        current = sheet.column_dimensions[letter].width or 0
        sheet.column_dimensions[letter].width = max(width, current)
    return row + len(frame) + 2


def set_print_layout(sheet: Worksheet, header_row: int | None = 1) -> None:
    """Landscape, fit to one page wide, header row repeated on each page, frozen and filtered."""
    from openpyxl.utils import get_column_letter

    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.gridLines = True
    if header_row is not None and sheet.max_row > header_row:
        sheet.print_title_rows = f"{header_row}:{header_row}"
        sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
        last = get_column_letter(sheet.max_column)
        sheet.auto_filter.ref = f"A{header_row}:{last}{sheet.max_row}"
