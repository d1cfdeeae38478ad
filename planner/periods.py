"""Reporting periods for the team figures (l. 537-543): a month, a quarter, a year or a
date range, both ends included.

    Period.month("2027-02")      # 1.2.-28.2.2027
    Period.quarter("2027Q1")     # 1.1.-31.3.2027
    Period.year("2027")
    Period(dt.date(2027, 1, 11), dt.date(2027, 5, 30))
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

KINDS = ("term", "month", "quarter", "year", "range")
"""The period choices of the figures page: the season's term, a month, a quarter, a year or a
date range."""


class PeriodError(ValueError):
    """A period that cannot be read, or one that ends before it starts."""


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise PeriodError(f"the period ends ({self.end}) before it starts ({self.start})")

    @classmethod
    def month(cls, text: str) -> Period:
        found = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", text)
        if not found or not 1 <= int(found[2]) <= 12:
            raise PeriodError(f"not a month (YYYY-MM): {text!r}")
        year, month = int(found[1]), int(found[2])
        return cls(dt.date(year, month, 1), _month_end(year, month))

    @classmethod
    def quarter(cls, text: str) -> Period:
        found = re.fullmatch(r"\s*(\d{4})\s*-?\s*[Qq]([1-4])\s*", text)
        if not found:
            raise PeriodError(f"not a quarter (YYYYQn): {text!r}")
        year, q = int(found[1]), int(found[2])
        return cls(dt.date(year, 3 * q - 2, 1), _month_end(year, 3 * q))

    @classmethod
    def year(cls, text: str | int) -> Period:
        found = re.fullmatch(r"\s*(\d{4})\s*", str(text))
        if not found:
            raise PeriodError(f"not a year (YYYY): {text!r}")
        year = int(found[1])
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31))

    def label(self) -> str:
        """`d.m.yyyy–d.m.yyyy`, as the team writes dates."""
        return f"{_fi(self.start)}–{_fi(self.end)}"


def chosen(
    kind: str,
    term: Period,
    year: int,
    part: int = 1,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> Period:
    """The period of a choice in `KINDS`: `part` is the month (1-12) or the quarter (1-4) of
    `year`; a range is `start`..`end` (missing ends: the term's)."""
    if kind == "month":
        return Period.month(f"{year}-{part:02d}")
    if kind == "quarter":
        return Period.quarter(f"{year}Q{part}")
    if kind == "year":
        return Period.year(year)
    if kind == "range":
        return Period(start or term.start, end or term.end)
    return term


def _month_end(year: int, month: int) -> dt.date:
    first_next = dt.date(year + month // 12, month % 12 + 1, 1)
    return first_next - dt.timedelta(days=1)


def _fi(day: dt.date) -> str:
    return f"{day.day}.{day.month}.{day.year}"
