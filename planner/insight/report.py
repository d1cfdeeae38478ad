"""The season report as an Excel workbook, formatted for printing (`planner report`).

Sheets: summary (headline figures, travel by way of travelling), groups, staff weeks (load
per person, then each person's days), venue use, coverage per municipality, those left out
(unscheduled groups, unplaced clients by code), and the team figures (l. 537-543) when the
caller has a published offering to count them from. Clients appear by pseudonymous code only.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from planner.insight.bundle import Insight
from planner.insight.labels import label, labels, sheet_name
from planner.insight.labels import title as _title
from planner.insight.views import (
    PERCENT_NAMES,
    coverage_table,
    headline_table,
    load_table,
    percent_columns,
    travel_table,
    unplaced_table,
    unscheduled_table,
    weeks_table,
)
from planner.spreadsheet import set_print_layout, write_table, write_title


def write_report(
    insight: Insight,
    path: str | Path,
    team: Mapping[str, pd.DataFrame] | None = None,
    title: str = "",
) -> Path:
    """Write the report to `path` (.xlsx) and return it.

    `team` maps a table title to a ready table (translated by the caller), written one under
    another on the team sheet.
    """
    lang = insight.lang
    book = Workbook()
    summary = book.active
    summary.title = sheet_name("summary", lang)
    row = write_title(summary, 1, f"{_title('report', lang)} {title}".strip())
    headline = headline_table(insight)
    keys = list(headline["figure"])
    start = row + 1
    row = _table(summary, headline.assign(figure=[label(k, lang) for k in keys]), start, lang)
    for at, key in enumerate(keys, start=start + 1):
        if key in PERCENT_NAMES:
            summary.cell(row=at, column=2).number_format = "0.0%"
    row = write_title(summary, row, _title("travel", lang))
    _table(summary, travel_table(insight), row, lang)
    set_print_layout(summary, header_row=None)

    _sheet(book, "groups", insight.groups, lang)
    staff = book.create_sheet(sheet_name("staff", lang))
    row = write_title(staff, 1, _title("load", lang))
    row = _table(staff, load_table(insight), row, lang)
    row = write_title(staff, row, _title("days", lang))
    _table(staff, weeks_table(insight), row, lang)
    set_print_layout(staff, header_row=2)
    _sheet(book, "venues", insight.venues, lang)
    _sheet(book, "coverage", coverage_table(insight), lang)

    left_out = book.create_sheet(sheet_name("unserved", lang))
    row = write_title(left_out, 1, _title("unscheduled", lang))
    row = _table(left_out, unscheduled_table(insight), row, lang)
    row = write_title(left_out, row, _title("unplaced", lang))
    _table(left_out, unplaced_table(insight), row, lang)
    set_print_layout(left_out, header_row=2)

    team_sheet = book.create_sheet(sheet_name("team", lang))
    if not team:
        write_title(team_sheet, 1, _title("no_team", lang))
    row = 1
    for name, frame in (team or {}).items():
        row = write_title(team_sheet, row, name)
        row = write_table(team_sheet, frame, row)
    set_print_layout(team_sheet, header_row=None)

    path = Path(path)
    book.save(path)
    return path


def _table(sheet: Worksheet, frame: pd.DataFrame, row: int, lang: str) -> int:
    return write_table(
        sheet, frame, row, headers=labels(frame.columns, lang), percent=percent_columns(frame)
    )


def _sheet(book: Workbook, key: str, frame: pd.DataFrame, lang: str) -> None:
    sheet = book.create_sheet(sheet_name(key, lang))
    _table(sheet, frame, 1, lang)
    set_print_layout(sheet)
