"""Reading and validating a season's input tables (the coordinator's data contract).

    report = read_season("data/")            # a folder of CSV files, or an .xlsx workbook
    report = read_season_from_files({"groups.csv": b"...", ...})   # or {"season.xlsx": b"..."}
    if report.ok:
        season = report.season
    else:
        for problem in report.errors:
            print(problem)   # "groups.csv row 14, column max_size: 12 is over ..."

Nothing is imported when anything is an error; every problem is reported, not just the first.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from planner.io.build import build_season
from planner.io.problems import ImportReport, Problem
from planner.io.tables import read_files, read_path

__all__ = ["ImportReport", "Problem", "read_season", "read_season_from_files"]


def read_season(path: str | os.PathLike[str]) -> ImportReport:
    """Read and validate a season: a folder of CSV files or one .xlsx workbook."""
    return build_season(read_path(Path(path)))


def read_season_from_files(files: Mapping[str, bytes], name: str = "season") -> ImportReport:
    """Read uploaded files: the table CSVs by file name, or one workbook ("x.xlsx": bytes)."""
    return build_season(read_files(files, name))
