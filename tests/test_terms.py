"""Terms (`planner.terms`): the weeks a group meets in, checked against plain date arithmetic."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import given, settings
from hypothesis import strategies as st
from toys import group

from planner.model import Placement
from planner.terms import (
    Terms,
    WeeklyMinutes,
    first_session,
    last_session,
    monday_of,
    sessions_clash,
    week_of,
)

DAY0 = dt.date(2027, 1, 4)  # a Monday
starts = st.integers(0, 120).map(lambda d: DAY0 + dt.timedelta(days=d))
weeks = st.integers(1, 16)


def _days(start: dt.date, n_weeks: int) -> list[dt.date]:
    return [start + dt.timedelta(days=i) for i in range(7 * n_weeks)]


def test_weeks_run_monday_to_sunday() -> None:
    monday = dt.date(2027, 1, 11)
    assert {week_of(monday + dt.timedelta(days=i)) for i in range(7)} == {week_of(monday)}
    assert week_of(monday - dt.timedelta(days=1)) == week_of(monday) - 1
    assert monday_of(week_of(dt.date(2027, 1, 14))) == monday


def test_the_issue_example_terms_share_no_week() -> None:
    # 11 Jan - 1 Mar and 15 Mar - 3 May 2027: eight weekly sessions each.
    a = group("A", start_date=dt.date(2027, 1, 11), weeks=8)
    b = group("B", start_date=dt.date(2027, 3, 15), weeks=8)
    assert last_session(a, 0) == dt.date(2027, 3, 1)
    assert last_session(b, 0) == dt.date(2027, 5, 3)
    assert not Terms.of([a, b]).share_week("A", "B")


@settings(max_examples=200, deadline=None)
@given(starts, weeks, starts, weeks)
def test_terms_share_a_week_exactly_when_their_days_do(s1, w1, s2, w2) -> None:
    terms = Terms.of([group("A", start_date=s1, weeks=w1), group("B", start_date=s2, weeks=w2)])
    brute = any(week_of(d1) == week_of(d2) for d1 in _days(s1, w1) for d2 in _days(s2, w2))
    assert terms.share_week("A", "B") == brute


@settings(max_examples=200, deadline=None)
@given(starts, weeks, st.integers(0, 4))
def test_every_session_lies_in_the_term(start, n, weekday) -> None:
    g = group("A", start_date=start, weeks=n)
    terms = Terms.of([g])
    first, last = first_session(g, weekday), last_session(g, weekday)
    assert first >= start and first.weekday() == weekday
    assert last is not None and (last - first).days == 7 * (n - 1)
    sessions = [first + dt.timedelta(weeks=i) for i in range(n)]
    assert {week_of(d) for d in sessions} <= terms.of_group("A")


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(starts, weeks), min_size=1, max_size=7))
def test_week_sets_hold_every_sharing_pair_and_no_other(spec) -> None:
    groups = [group(f"G{i}", start_date=s, weeks=w) for i, (s, w) in enumerate(spec)]
    terms = Terms.of(groups)
    sets = terms.week_sets({g.group_id: g.group_id for g in groups})
    for a, b in itertools.combinations([g.group_id for g in groups], 2):
        together = any(a in s and b in s for s in sets)
        assert together == terms.share_week(a, b)
    assert all(not (set(s) < set(t)) for s in sets for t in sets)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(starts, weeks, st.integers(30, 300)), min_size=1, max_size=6))
def test_weekly_minutes_are_the_busiest_week(spec) -> None:
    groups = [group(f"G{i}", start_date=s, weeks=w) for i, (s, w, _) in enumerate(spec)]
    terms = Terms.of(groups)
    load = WeeklyMinutes(terms)
    for g, (_, _, minutes) in zip(groups, spec, strict=True):
        load.add(g.group_id, minutes)
    every_day = {d for s, w, _ in spec for d in _days(s, w)}
    brute = max(
        sum(m for s, w, m in spec if any(week_of(x) == week_of(d) for x in _days(s, w)))
        for d in every_day
    )
    assert load.busiest == brute
    assert (
        terms.busiest_week((g.group_id, m) for g, (_, _, m) in zip(groups, spec, strict=True))[0]
        == brute
    )


def test_a_popup_without_weeks_runs_all_season() -> None:
    a = group("A", start_date=DAY0, weeks=4)
    b = group("B", start_date=DAY0 + dt.timedelta(weeks=10), weeks=4)
    pop = group("P", kind="popup", start_date=DAY0 + dt.timedelta(weeks=20), weeks=None)
    terms = Terms.of([a, b, pop])
    assert terms.share_week("P", "A") and terms.share_week("P", "B")
    assert not terms.share_week("A", "B")


def test_sessions_clash_only_at_once_and_in_a_shared_week() -> None:
    a = group("A", start_date=DAY0, weeks=4)
    b = group("B", start_date=DAY0 + dt.timedelta(weeks=4), weeks=4)
    c = group("C", start_date=DAY0 + dt.timedelta(weeks=3), weeks=4)
    terms = Terms.of([a, b, c])
    pa = Placement("A", 0, 600, 720, "V1", ("S1",))
    pb = Placement("B", 0, 600, 720, "V1", ("S1",))
    pc = Placement("C", 0, 700, 820, "V1", ("S1",))
    assert not sessions_clash(terms, pa, pb)
    assert sessions_clash(terms, pa, pc)
    assert not sessions_clash(terms, pa, Placement("C", 0, 720, 840, "V1", ("S1",)))
    assert not sessions_clash(terms, pa, Placement("C", 1, 600, 720, "V1", ("S1",)))


def test_meeting_dates_leave_out_public_holidays_and_never_run_past_until() -> None:
    from planner.terms import meeting_dates

    # Tuesdays from 30 Dec 2025 for four weeks: Epiphany (6 Jan 2026) holds no session.
    g = group("G", start_date=dt.date(2025, 12, 29), weeks=4)
    tuesdays = [dt.date(2025, 12, 30), dt.date(2026, 1, 13), dt.date(2026, 1, 20)]
    assert meeting_dates(g, 1) == tuesdays
    assert meeting_dates(g, 1, until=dt.date(2026, 1, 12)) == [dt.date(2025, 12, 30)]
    assert meeting_dates(g, 1, until=dt.date(2025, 12, 29)) == []
    popup = group("P", kind="popup", start_date=dt.date(2025, 12, 29), weeks=None)
    assert meeting_dates(popup, 1, until=dt.date(2026, 1, 14)) == [
        dt.date(2025, 12, 30),
        dt.date(2026, 1, 13),
    ]
    assert len(meeting_dates(popup, 0, weeks=12)) == 12  # Mondays: no holiday until Easter
