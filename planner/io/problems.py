"""What the import found wrong: one `Problem` per mistake, all of them in one `ImportReport`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from planner.model import Season

Severity = Literal["error", "warning"]

HIDDEN = "(value hidden)"


@dataclass(frozen=True, slots=True)
class Problem:
    """One mistake or remark, placed where the coordinator sees it in Excel.

    `row` is the spreadsheet row (header = 1, first data row = 2); `row` and `column` are
    None for problems with a whole file or table.
    """

    source: str  # "groups.csv" or "season.xlsx, sheet groups"
    row: int | None
    column: str | None
    value: str | None
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        where = self.source
        if self.row is not None:
            # "season.xlsx, sheet groups, row 3" reads better than "... sheet groups row 3"
            where += f"{', ' if ',' in self.source else ' '}row {self.row}"
        if self.column:
            where += f", column {self.column}"
        return f"{where}: {self.message}"

    def as_dict(self) -> dict[str, str | int | None]:
        return {
            "file": self.source,
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "message": self.message,
            "severity": self.severity,
        }


@dataclass(frozen=True)
class ImportReport:
    """The outcome of reading a season: the Season when nothing was wrong, and every problem."""

    season: Season | None
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and self.season is not None

    @property
    def problems(self) -> list[Problem]:
        """Errors first, then warnings."""
        return [*self.errors, *self.warnings]

    def lines(self) -> list[str]:
        """Every problem as one readable line, prefixed with its severity."""
        return [f"{p.severity}: {p}" for p in self.problems]


class ProblemLog:
    """Collects problems while reading; the import never stops at the first one."""

    def __init__(self) -> None:
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []

    def error(
        self,
        source: str,
        row: int | None,
        column: str | None,
        value: str | None,
        message: str,
    ) -> None:
        self.errors.append(Problem(source, row, column, value, message, "error"))

    def warning(
        self,
        source: str,
        row: int | None,
        column: str | None,
        value: str | None,
        message: str,
    ) -> None:
        self.warnings.append(Problem(source, row, column, value, message, "warning"))

    def extend(self, problems: list[Problem]) -> None:
        for p in problems:
            (self.errors if p.severity == "error" else self.warnings).append(p)
