"""Joint meetings are offered when counsellor and leader both can, before the client's first
session and after the group's last; they are booked, cancelled and marked held in the store;
and the leader's attendance and summaries are kept (handbook l. 379)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from toys import SUMMARY, fresh_database, toy_plan, toy_season

from planner import terms
from planner.store import (
    DatedChange,
    Enrolments,
    GroupRecords,
    MeetingRefused,
    Meetings,
    Store,
    StoreError,
    suggest_meetings,
)
from planner.store.changes import held_dates
from planner.store.purge import purge_ended_clients

EPIPHANY = dt.date(2026, 1, 6)  # a Tuesday, in G1's first week
EARLY = dt.date(2025, 12, 1)  # well before the toy's groups start
G1_FIRST = dt.date(2026, 1, 7)  # G1 meets on Wednesdays 10:00-13:00, eight weeks
G1_LAST = dt.date(2026, 2, 25)


def overlaps(slot_start: int, slot_end: int, start: int, end: int) -> bool:
    return slot_start < end and start < slot_end


def suggest(group_id: str = "G1", client: str = "C20", today: dt.date = EARLY, **kw):
    return suggest_meetings(
        toy_season("published"), toy_plan(), group_id, client, today=today, **kw
    )


def kind(slots, which: str):
    return [s for s in slots if s.kind == which]


# --- suggest_meetings (no database) ---


def test_before_meetings_fall_in_the_two_weeks_before_the_first_session_on_days_both_work():
    slots = suggest()

    assert slots and {s.kind for s in slots} == {"before", "after"}
    before = kind(slots, "before")
    assert all(G1_FIRST - dt.timedelta(days=14) <= s.date <= G1_FIRST for s in before)
    assert all((s.date, s.end) <= (G1_FIRST, 10 * 60) for s in before)  # ends by its start
    assert max(s.end for s in before if s.date == G1_FIRST) == 10 * 60
    # counsellor S3 works Tue-Thu, leader S1 Mon-Fri
    assert {s.date.weekday() for s in slots} == {1, 2, 3}
    assert all(s.start >= 8 * 60 and s.end <= 16 * 60 and s.end - s.start == 60 for s in slots)
    assert all((s.counsellor, s.leader, s.venue_id) == ("S3", "S1", "V1") for s in slots)
    assert slots == sorted(slots, key=lambda s: (s.kind != "before", s.date, s.start))


def test_no_meeting_is_offered_on_a_finnish_public_holiday() -> None:
    days = {s.date for s in suggest()}
    christmas = {dt.date(2025, 12, d) for d in (24, 25, 26)}
    assert not days & {EPIPHANY, dt.date(2026, 1, 1), *christmas}
    assert dt.date(2025, 12, 30) in days  # the Tuesday after Christmas is fine


def test_no_meeting_is_offered_in_the_past() -> None:
    today = dt.date(2026, 1, 5)  # Monday of G1's first week: S3 is off, Tuesday is Epiphany
    before = kind(suggest(today=today), "before")
    assert before and {s.date for s in before} == {G1_FIRST}
    assert all(s.date >= today for s in suggest(today=dt.date(2026, 3, 3)))


def test_a_client_joining_mid_term_meets_before_their_own_first_session() -> None:
    today = dt.date(2026, 1, 29)  # a Thursday; G1 meets next on Wednesday 4 February
    before = kind(suggest(today=today), "before")
    assert before and all(today <= s.date <= dt.date(2026, 2, 4) for s in before)
    assert all((s.date, s.end) <= (dt.date(2026, 2, 4), 10 * 60) for s in before)
    assert {s.date for s in before} == {today, dt.date(2026, 2, 3), dt.date(2026, 2, 4)}


def test_after_meetings_follow_the_group_s_last_session_within_two_weeks() -> None:
    after = kind(suggest(), "after")

    assert after and all((s.date, s.start) >= (G1_LAST, 13 * 60) for s in after)
    assert all(s.date <= G1_LAST + dt.timedelta(days=14) for s in after)
    assert min(after, key=lambda s: (s.date, s.start)).date == G1_LAST  # after it, same day
    # S1 leads G2 on Thursdays 9-12 until 12 March: those hours stay free of meetings.
    thursdays = [s for s in after if s.date.weekday() == 3]
    assert thursdays and not any(overlaps(s.start, s.end, 540, 720) for s in thursdays)


def test_once_the_group_is_over_no_meeting_is_offered() -> None:
    assert suggest(today=G1_LAST + dt.timedelta(days=15)) == []


def test_a_cancelled_first_session_moves_the_before_window() -> None:
    cancel = DatedChange(id=1, kind="cancel", group_id="G1", session_date=G1_FIRST)

    before = kind(suggest(changes=[cancel]), "before")

    second = G1_FIRST + dt.timedelta(weeks=1)
    assert max(s.date for s in before) == second
    assert all((s.date, s.end) <= (second, 10 * 60) for s in before)
    # S1 leads nothing on 7 January now: the cancelled session's hours are free.
    assert any(s.date == G1_FIRST and s.start == 10 * 60 for s in before)
    assert min(s.date for s in before) >= second - dt.timedelta(days=14)


def test_a_moved_first_session_ends_the_window_at_its_new_start() -> None:
    move = DatedChange(
        id=1,
        kind="move",
        group_id="G1",
        session_date=G1_FIRST,
        new_start=dt.datetime(2026, 1, 8, 13, 0),
    )

    before = kind(suggest(changes=[move]), "before")

    assert max((s.date, s.end) for s in before) == (dt.date(2026, 1, 8), 13 * 60)
    assert any(s.date == G1_FIRST and s.start == 10 * 60 for s in before)


def test_a_leader_s_absence_or_a_closure_leaves_the_day_out() -> None:
    away = DatedChange(
        id=1, kind="absence", person_id="S1", first_date=dt.date(2025, 12, 29),
        last_date=dt.date(2025, 12, 31),
    )  # fmt: skip
    closed = DatedChange(
        id=2, kind="closure", venue_id="V1", first_date=G1_FIRST, last_date=G1_FIRST
    )
    days = {s.date for s in kind(suggest(changes=[away, closed]), "before")}
    assert days and not days & {dt.date(2025, 12, 30), dt.date(2025, 12, 31), G1_FIRST}


def test_a_pop_up_group_gets_before_meetings_only() -> None:
    slots = suggest("G3")
    assert slots and {s.kind for s in slots} == {"before"}
    assert all(s.leader == "S2" for s in slots)
    # G3 starts on Epiphany: the client's first session is the Tuesday after.
    assert max(s.date for s in slots) == dt.date(2026, 1, 13)


def test_the_counsellor_s_appointments_and_booked_meetings_are_avoided() -> None:
    busy = [(dt.date(2025, 12, 30), 8 * 60, 16 * 60)]
    booked = [("S1", dt.date(2025, 12, 31), 12 * 60, 14 * 60), ("S2", G1_FIRST, 8 * 60, 10 * 60)]

    slots = suggest(counsellor_busy=busy, booked=booked)

    assert dt.date(2025, 12, 30) not in {s.date for s in slots}
    wednesday = [s for s in slots if s.date == dt.date(2025, 12, 31)]
    assert wednesday and not any(overlaps(s.start, s.end, 720, 840) for s in wednesday)
    assert any(s.date == G1_FIRST for s in slots), "S2's meeting is not S1's or S3's"


def test_no_joint_meeting_is_needed_when_the_counsellor_leads_the_group() -> None:
    season = toy_season("published")
    own = dataclasses.replace(season.client["C20"], counsellor="S1")
    season = dataclasses.replace(
        season, clients=tuple(own if c.client_code == "C20" else c for c in season.clients)
    )
    assert suggest_meetings(season, toy_plan(), "G1", "C20", today=EARLY) == []


def test_asking_for_an_unscheduled_group_or_unknown_client_is_an_error() -> None:
    plan = dataclasses.replace(toy_plan(), placements=toy_plan().placements[1:])
    with pytest.raises(ValueError, match="not scheduled"):
        suggest_meetings(toy_season("published"), plan, "G1", "C20")
    with pytest.raises(ValueError, match="unknown") as raised:
        suggest("G1", "nobody")
    assert "nobody" not in str(raised.value)  # a client code is never echoed


def test_today_defaults_to_helsinki_s_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(terms, "local_today", lambda: dt.date(2026, 1, 29))
    assert suggest_meetings(toy_season("published"), toy_plan(), "G1", "C20") == suggest(
        today=dt.date(2026, 1, 29)
    )


@settings(max_examples=40, deadline=None)
@given(
    today=st.dates(dt.date(2025, 12, 1), dt.date(2026, 3, 20)),
    cancelled=st.sets(st.integers(0, 7), max_size=4),
    group_id=st.sampled_from(["G1", "G2", "G3"]),
)
def test_every_slot_lies_on_the_right_side_of_the_sessions(today, cancelled, group_id) -> None:
    """Whatever the day and the cancelled sessions: a before slot ends by the client's first
    coming session and starts no earlier than today; an after slot starts after the last."""
    season, plan = toy_season("published"), toy_plan()
    group, placement = season.group[group_id], plan.placement[group_id]
    planned = held_dates(
        group, placement.weekday, placement.venue_id, (), until=dt.date(2026, 9, 1)
    )
    changes = [
        DatedChange(id=i, kind="cancel", group_id=group_id, session_date=planned[i])
        for i in sorted(cancelled)
        if i < len(planned)
    ]
    held = held_dates(
        group, placement.weekday, placement.venue_id, changes, until=dt.date(2026, 9, 1)
    )
    coming = [d for d in held if d >= today]

    slots = suggest(group_id, today=today, changes=changes)

    assert all(s.date >= today for s in slots)
    for s in kind(slots, "before"):
        assert (s.date, s.end) <= (coming[0], placement.start)
        assert s.date >= coming[0] - dt.timedelta(days=14)
    for s in kind(slots, "after"):
        assert group.weeks is not None
        assert (s.date, s.start) >= (held[-1], placement.end)


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


# --- booking, cancelling and marking held (the database) ---

BOOKING_DAY = dt.date(2025, 12, 20)  # a Saturday before the toy's groups start
TUESDAY = dt.date(2025, 12, 30)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def meetings(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Meetings]:
    """The toy plan published (G1 has C01..C03, C02's counsellor S1 leads G1)."""
    season = toy_season("published")
    own = dataclasses.replace(season.client["C02"], counsellor="S1")
    season = dataclasses.replace(
        season, clients=tuple(own if c.client_code == "C02" else c for c in season.clients)
    )
    server = request.getfixturevalue("pg_url") if request.param == "postgres" else None
    with fresh_database(request.param, tmp_path, server) as url, Store.open(url) as store:
        store.import_season(season, source="toy")
        store.save_plan(toy_plan(), SUMMARY)
        Enrolments(store).publish()
        yield Meetings(store)


def book(meetings: Meetings, client: str = "C01", which: str = "before", day=TUESDAY, at=8 * 60):
    return meetings.book("G1", client, which, day, at, actor="anna", today=BOOKING_DAY)


def test_a_suggested_time_is_booked_stored_and_audited(meetings: Meetings) -> None:
    offered = meetings.suggest("G1", "C01", today=BOOKING_DAY)
    first = kind(offered, "before")[0]

    made = meetings.book("G1", "C01", "before", first.date, first.start, "anna", today=BOOKING_DAY)

    assert (made.kind, made.date, made.start, made.end) == ("before", first.date, 480, 540)
    assert (made.counsellor, made.leader, made.venue_id) == ("S3", "S1", "V1")
    assert (made.status, made.booked_by, made.sequence) == ("booked", "anna", 0)
    assert "C01" not in made.uid and made.uid.endswith("@sosku-planner")
    assert meetings.list_meetings(client_code="C01") == [made]
    assert meetings.list_meetings(group_id="G1") == [made]
    assert meetings.list_meetings(person="S1") == [made] == meetings.list_meetings(person="S3")
    assert meetings.list_meetings(person="S2") == []
    event = meetings.store.events(1)[0]
    assert (event["action"], event["actor"]) == ("meeting.book", "anna")
    assert event["detail"]["meeting_id"] == made.id and event["detail"]["client_code"] == "C01"
    # The booked hour is no longer offered to anyone meeting S1 or S3.
    again = meetings.suggest("G1", "C03", today=BOOKING_DAY)
    assert (first.date, first.start) not in {(s.date, s.start) for s in again}


@pytest.mark.parametrize(
    ("client", "which", "day", "at", "rule"),
    [
        ("C20", "before", TUESDAY, 480, "no_place"),  # not in G1
        ("C02", "before", TUESDAY, 480, "counsellor_leads"),  # S1 leads G1
        ("C01", "before", dt.date(2025, 12, 25), 480, "not_offered"),  # Christmas Day
        ("C01", "before", G1_FIRST, 10 * 60, "not_offered"),  # during the first session
        ("C01", "before", TUESDAY, 8 * 60 + 15, "not_offered"),  # off the 30-minute grid
        ("C01", "after", TUESDAY, 480, "not_offered"),  # an after meeting before the group
        ("C01", "during", TUESDAY, 480, "unknown_kind"),
    ],
)
def test_a_booking_the_rules_refuse_writes_nothing(
    meetings: Meetings, client: str, which: str, day: dt.date, at: int, rule: str
) -> None:
    events = len(meetings.store.events())
    with pytest.raises(MeetingRefused) as refused:
        book(meetings, client, which, day, at)
    assert refused.value.rule == rule
    assert refused.value.message_in("fi") != str(refused.value)  # it speaks Finnish too
    assert meetings.list_meetings() == []
    assert len(meetings.store.events()) == events


def test_a_second_meeting_of_a_kind_is_refused_until_the_first_is_cancelled(
    meetings: Meetings,
) -> None:
    first = book(meetings)
    with pytest.raises(MeetingRefused, match="already has a start meeting") as refused:
        book(meetings, at=9 * 60)
    assert refused.value.rule == "duplicate"
    assert "asiakkaalla on jo aloitustapaaminen ryhmässä G1" in refused.value.message_in("fi")
    book(meetings, which="after", day=dt.date(2026, 3, 3))  # the other kind is fine

    gone = meetings.cancel(first.id, actor="anna")

    assert (gone.status, gone.sequence, gone.cancelled_by) == ("cancelled", 1, "anna")
    assert gone.uid == first.uid
    assert meetings.store.events(1)[0]["action"] == "meeting.cancel"
    with pytest.raises(MeetingRefused, match="is cancelled"):
        meetings.cancel(first.id, actor="anna")
    again = book(meetings, at=9 * 60)
    assert again.uid != first.uid
    assert [m.status for m in meetings.list_meetings(client_code="C01")] == [
        "cancelled",
        "booked",
        "booked",
    ]


def test_a_person_is_never_booked_twice_at_once(meetings: Meetings) -> None:
    book(meetings, "C01")
    with pytest.raises(MeetingRefused) as refused:
        book(meetings, "C03")  # the same hour with S3 and S1
    assert refused.value.rule == "not_offered"
    assert book(meetings, "C03", at=9 * 60).start == 9 * 60


def test_a_meeting_is_marked_held_from_its_day_on_and_only_once(meetings: Meetings) -> None:
    made = book(meetings)
    with pytest.raises(MeetingRefused) as refused:
        meetings.mark_held(made.id, actor="S1", today=TUESDAY - dt.timedelta(days=1))
    assert refused.value.rule == "not_yet"

    held = meetings.mark_held(made.id, actor="S1", today=TUESDAY)

    assert (held.status, held.held_by) == ("held", "S1")
    assert meetings.store.events(1)[0]["action"] == "meeting.held"
    with pytest.raises(MeetingRefused, match="was held already"):
        meetings.mark_held(made.id, actor="S1", today=TUESDAY)
    with pytest.raises(MeetingRefused, match="was held already"):
        meetings.cancel(made.id, actor="anna")
    with pytest.raises(MeetingRefused, match="no meeting 999"):
        meetings.mark_held(999, actor="S1")


def test_a_client_whose_place_ended_cannot_book(meetings: Meetings) -> None:
    Enrolments(meetings.store).cancel("G1", "C01", actor="anna", reason="moved_to_work")
    with pytest.raises(MeetingRefused) as refused:
        book(meetings)
    assert refused.value.rule == "no_place"


@pytest.mark.parametrize("how", ["cancel", "move", "group_cancelled"])
def test_a_meeting_is_cancelled_with_the_place_it_was_timed_for(
    meetings: Meetings, how: str
) -> None:
    made = book(meetings)
    live = Enrolments(meetings.store)
    if how == "cancel":
        live.cancel("G1", "C01", actor="anna", reason="studies")
    elif how == "move":
        assert live.move("C01", "G1", "G2", actor="anna").status == "moved"
    else:  # G1 no longer runs in the published plan
        plan = toy_plan()
        replan = dataclasses.replace(
            plan,
            placements=tuple(p for p in plan.placements if p.group_id != "G1"),
            participants=tuple(x for x in plan.participants if x[1] != "G1"),
        )
        meetings.store.save_plan(replan, SUMMARY)
        live.publish()
    after = meetings.get(made.id)
    assert (after.status, after.sequence) == ("cancelled", made.sequence + 1)
    cancelled = [e for e in meetings.store.events() if e["action"] == "meeting.cancel"]
    assert cancelled and cancelled[0]["detail"]["why"] == "place_ended"


def test_a_purge_removes_the_client_s_meetings(meetings: Meetings) -> None:
    book(meetings)
    Enrolments(meetings.store).cancel("G1", "C01", actor="anna", reason="moved_to_work")

    report = purge_ended_clients(
        meetings.store, 1, now=dt.datetime.now(dt.UTC) + dt.timedelta(days=400)
    )

    assert report.rows["meetings"] == 1
    assert meetings.list_meetings() == []
    detail = next(e["detail"] for e in meetings.store.events() if e["action"] == "meeting.book")
    assert detail["client_code"] == "purged"
