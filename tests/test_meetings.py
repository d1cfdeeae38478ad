"""Joint meetings are offered when counsellor and leader both can, and the leader's
attendance and summaries are kept (handbook l. 379)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from toys import SUMMARY, fresh_database, toy_plan, toy_season

from planner.store import Enrolments, GroupRecords, Store, StoreError, suggest_meetings

EPIPHANY = dt.date(2026, 1, 6)  # a Tuesday, in G1's first week


def overlaps(slot_start: int, slot_end: int, start: int, end: int) -> bool:
    return slot_start < end and start < slot_end


# --- suggest_meetings (no database) ---


def test_start_meetings_fall_in_the_first_two_weeks_on_days_both_work() -> None:
    slots = suggest_meetings(toy_season("published"), toy_plan(), "G1", "C20")

    assert slots and {s.kind for s in slots} == {"start", "end"}
    start = [s for s in slots if s.kind == "start"]
    assert all(dt.date(2026, 1, 5) <= s.date <= dt.date(2026, 1, 18) for s in start)
    # counsellor S3 works Tue-Thu, leader S1 Mon-Fri
    assert {s.date.weekday() for s in slots} == {1, 2, 3}
    assert all(s.start >= 8 * 60 and s.end <= 16 * 60 and s.end - s.start == 60 for s in slots)
    assert all((s.counsellor, s.leader, s.venue_id) == ("S3", "S1", "V1") for s in slots)
    assert slots == sorted(slots, key=lambda s: (s.kind != "start", s.date, s.start))


def test_no_meeting_is_offered_on_a_finnish_public_holiday() -> None:
    slots = suggest_meetings(toy_season("published"), toy_plan(), "G1", "C20")
    assert EPIPHANY not in {s.date for s in slots}
    assert dt.date(2026, 1, 13) in {s.date for s in slots}  # the Tuesday after is fine


def test_meetings_avoid_the_hours_the_leader_leads_groups() -> None:
    slots = suggest_meetings(toy_season("published"), toy_plan(), "G1", "C20")

    wednesdays = [s for s in slots if s.date.weekday() == 2]  # S1 leads G1 10-13
    thursdays = [s for s in slots if s.date.weekday() == 3]  # S1 leads G2 9-12
    assert wednesdays and thursdays
    assert not any(overlaps(s.start, s.end, 600, 780) for s in wednesdays)
    assert not any(overlaps(s.start, s.end, 540, 720) for s in thursdays)
    assert any(s.start == 13 * 60 for s in wednesdays)  # right after the session


def test_end_meetings_fall_in_the_group_s_last_two_weeks() -> None:
    end = [
        s
        for s in suggest_meetings(toy_season("published"), toy_plan(), "G1", "C20")
        if s.kind == "end"
    ]

    last_session = dt.date(2026, 1, 7) + dt.timedelta(weeks=7)  # G1: 8 Wednesdays
    assert end and all(last_session - dt.timedelta(days=13) <= s.date <= last_session for s in end)


def test_a_pop_up_group_gets_start_meetings_only() -> None:
    slots = suggest_meetings(toy_season("published"), toy_plan(), "G3", "C20")
    assert slots and {s.kind for s in slots} == {"start"}
    assert all(s.leader == "S2" for s in slots)


def test_the_counsellor_s_own_appointments_are_avoided() -> None:
    busy = [(dt.date(2026, 1, 7), 8 * 60, 16 * 60), (dt.date(2026, 1, 8), 12 * 60, 14 * 60)]

    slots = suggest_meetings(toy_season("published"), toy_plan(), "G1", "C20", counsellor_busy=busy)

    assert dt.date(2026, 1, 7) not in {s.date for s in slots}
    thursday = [s for s in slots if s.date == dt.date(2026, 1, 8)]
    assert thursday and not any(overlaps(s.start, s.end, 720, 840) for s in thursday)


def test_no_joint_meeting_is_needed_when_the_counsellor_leads_the_group() -> None:
    season = toy_season("published")
    own = dataclasses.replace(season.client["C20"], counsellor="S1")
    season = dataclasses.replace(
        season, clients=tuple(own if c.client_code == "C20" else c for c in season.clients)
    )
    assert suggest_meetings(season, toy_plan(), "G1", "C20") == []


def test_asking_for_an_unscheduled_group_or_unknown_client_is_an_error() -> None:
    plan = dataclasses.replace(toy_plan(), placements=toy_plan().placements[1:])
    with pytest.raises(ValueError, match="not scheduled"):
        suggest_meetings(toy_season("published"), plan, "G1", "C20")
    with pytest.raises(ValueError, match="unknown"):
        suggest_meetings(toy_season("published"), toy_plan(), "G1", "nobody")


# --- attendance and summaries (the database) ---

TODAY = dt.date(2026, 3, 31)
"""After the toy's terms: every session has happened."""


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def records(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[GroupRecords]:
    """The toy plan published; G2 has C04..C08."""
    server = request.getfixturevalue("pg_url") if request.param == "postgres" else None
    with fresh_database(request.param, tmp_path, server) as url, Store.open(url) as store:
        store.import_season(toy_season("published"), source="toy")
        store.save_plan(toy_plan(), SUMMARY)
        Enrolments(store).publish()
        yield GroupRecords(store)


def test_attendance_marks_the_others_absent_and_a_second_record_replaces_the_first(
    records: GroupRecords,
) -> None:
    day = dt.date(2026, 1, 8)
    first = records.record_attendance("G2", day, ["C04", "C05"], actor="S1", today=TODAY)
    assert first == {"present": ["C04", "C05"], "absent": ["C06", "C07", "C08"]}

    records.record_attendance("G2", day, ["C04", "C05", "C06"], actor="S1", today=TODAY)

    assert records.attendance("G2") == {
        day: {"C04": True, "C05": True, "C06": True, "C07": False, "C08": False}
    }
    history = Enrolments(records.store).client_history("C07")
    assert (history[0]["sessions_present"], history[0]["sessions_recorded"]) == (0, 1)
    assert records.store.events(1)[0]["action"] == "attendance.record"


def test_attendance_of_strangers_or_outside_the_term_is_refused(records: GroupRecords) -> None:
    with pytest.raises(StoreError, match="not participants of G2: C30"):
        records.record_attendance("G2", dt.date(2026, 1, 8), ["C04", "C30"], "S1", today=TODAY)
    with pytest.raises(StoreError, match="held no session on 2025-12-31"):
        records.record_attendance("G2", dt.date(2025, 12, 31), ["C04"], actor="S1", today=TODAY)
    assert records.attendance("G2") == {}


@pytest.mark.parametrize(
    ("group_id", "day", "why"),
    [
        ("G2", dt.date(2026, 1, 9), "a Friday: G2 meets on Thursdays"),
        ("G2", dt.date(2026, 1, 29), "still to come"),
        ("G2", dt.date(2026, 3, 19), "past the ten weeks of the term"),
        ("G3", dt.date(2026, 1, 6), "Epiphany: no session on a public holiday"),
    ],
)
def test_attendance_only_for_a_session_that_happened(
    records: GroupRecords, group_id: str, day: dt.date, why: str
) -> None:
    with pytest.raises(StoreError, match=f"held no session on {day.isoformat()}"):
        records.record_attendance(group_id, day, [], actor="S1", today=dt.date(2026, 1, 22))
    assert records.attendance(group_id) == {}, why


def test_attendance_on_the_day_and_after_a_holiday(records: GroupRecords) -> None:
    today = dt.date(2026, 1, 22)  # a Thursday: G2 has met three times, today included
    assert records.record_attendance("G2", today, ["C04"], actor="S1", today=today)["present"]
    # The pop-up G3 meets on Tuesdays; Epiphany (6 Jan) is skipped, 13 Jan was held.
    assert records.record_attendance("G3", dt.date(2026, 1, 13), [], "S1", today=today)


def test_a_summary_is_kept_for_the_counsellor_but_never_put_in_the_audit_trail(
    records: GroupRecords,
) -> None:
    records.write_summary("G2", "C05", "Osallistui aktiivisesti.", actor="S1")
    records.write_summary("G2", "C05", "Osallistui aktiivisesti; tavoitteet saavutettu.", "S1")

    assert records.summary("G2", "C05") == "Osallistui aktiivisesti; tavoitteet saavutettu."
    history = Enrolments(records.store).client_history("C05")
    assert history[0]["summary"] == "Osallistui aktiivisesti; tavoitteet saavutettu."
    assert history[0]["summary_by"] == "S1"
    assert all("aktiivisesti" not in str(e["detail"]) for e in records.store.events())


def test_a_summary_needs_a_participant_and_some_text(records: GroupRecords) -> None:
    with pytest.raises(StoreError, match="has not taken part"):
        records.write_summary("G2", "C30", "Text", actor="S1")
    with pytest.raises(StoreError, match="empty"):
        records.write_summary("G2", "C05", "  ", actor="S1")
    with pytest.raises(StoreError, match="not in the published offering"):
        records.write_summary("G9", "C05", "Text", actor="S1")
