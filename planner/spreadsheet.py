"""Excel workbooks the project writes: safe cells and tables laid out for printing.

A text cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return) would be read
by Excel as a formula (CSV/formula injection, OWASP); such text is written with a leading
apostrophe, so it shows as the text it is and is never evaluated.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import pandas as pd
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
TITLE_FONT = Font(bold=True, size=13)
MAX_WIDTH = 60


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


def write_title(sheet: Worksheet, row: int, text: str) -> int:
    """A bold title line at `row`; returns the next free row."""
    cell = sheet.cell(row=row, column=1, value=safe_value(text))
    cell.font = TITLE_FONT
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
    headers = headers or {}
    for col, name in enumerate(frame.columns, start=1):
        cell = sheet.cell(row=row, column=col, value=safe_value(headers.get(name, name)))
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
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
