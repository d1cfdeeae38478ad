"""Reporting periods of the team figures: a month, a quarter, a year, a range, both ends
included, and the rule that counts a place in a period (l. 537-543)."""

from __future__ import annotations

import datetime as dt

import pytest

from planner import rules
from planner.periods import Period, PeriodError, chosen

D = dt.date
TERM = Period(D(2027, 1, 11), D(2027, 5, 30))


@pytest.mark.parametrize(
    ("period", "start", "end"),
    [
        (Period.month("2027-02"), D(2027, 2, 1), D(2027, 2, 28)),
        (Period.month("2028-02"), D(2028, 2, 1), D(2028, 2, 29)),
        (Period.month("2027-12"), D(2027, 12, 1), D(2027, 12, 31)),
        (Period.quarter("2027Q1"), D(2027, 1, 1), D(2027, 3, 31)),
        (Period.quarter("2027-q4"), D(2027, 10, 1), D(2027, 12, 31)),
        (Period.year("2027"), D(2027, 1, 1), D(2027, 12, 31)),
        (chosen("month", TERM, 2027, 3), D(2027, 3, 1), D(2027, 3, 31)),
        (chosen("quarter", TERM, 2027, 2), D(2027, 4, 1), D(2027, 6, 30)),
        (chosen("year", TERM, 2026), D(2026, 1, 1), D(2026, 12, 31)),
        (chosen("range", TERM, 2027, start=D(2027, 2, 1)), D(2027, 2, 1), TERM.end),
        (chosen("term", TERM, 2027), TERM.start, TERM.end),
    ],
)
def test_periods_cover_whole_days_from_start_to_end(period, start, end) -> None:
    assert (period.start, period.end) == (start, end)


@pytest.mark.parametrize(
    "make",
    [
        lambda: Period.month("2027-13"),
        lambda: Period.month("Feb 2027"),
        lambda: Period.quarter("2027Q5"),
        lambda: Period.year("27"),
        lambda: Period(D(2027, 2, 1), D(2027, 1, 31)),
    ],
)
def test_a_period_that_cannot_be_read_is_refused(make) -> None:
    with pytest.raises(PeriodError):
        make()


def test_the_label_is_written_the_finnish_way() -> None:
    assert Period.month("2027-02").label() == "1.2.2027–28.2.2027"


@pytest.mark.parametrize(
    ("since", "ended", "counted"),
    [
        (D(2027, 1, 11), None, True),  # still on
        (D(2027, 1, 11), D(2027, 2, 1), True),  # ended on the first day
        (D(2027, 1, 11), D(2027, 1, 31), False),  # ended the day before
        (D(2027, 2, 28), None, True),  # began on the last day
        (D(2027, 3, 1), None, False),  # began after
    ],
)
def test_a_place_counts_if_held_at_any_time_in_the_period(since, ended, counted) -> None:
    february = Period.month("2027-02")
    assert rules.overlaps_period(since, ended, february.start, february.end) is counted
