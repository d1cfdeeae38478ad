"""Dated changes live in the store: checked when entered (each refusal with its reason),
audited, and applied to attendance, on SQLite and PostgreSQL.

The toy (`toys.toy_season("published")`): G1 meets on Wednesdays 10-13 at V1 (S1), eight
weeks from 7 Jan 2026; G2 on Thursdays 9-12 (S1, S2); the pop-up G3 on Tuesdays at V2 (S2),
Epiphany (6 Jan) off.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from toys import SUMMARY, fresh_database, toy_plan, toy_season

from planner.i18n import t
from planner.store import (
    ChangeRefused,
    DatedChanges,
    Enrolments,
    GroupRecords,
    Store,
    StoreError,
)
from planner.store.changes import held_dates, local_time_problem

D = dt.date
T = dt.datetime
AFTER = D(2026, 3, 31)  # every session of G1 and G2 has happened


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """The toy plan published."""
    server = request.getfixturevalue("pg_url") if request.param == "postgres" else None
    with fresh_database(request.param, tmp_path, server) as url, Store.open(url) as opened:
        opened.import_season(toy_season("published"), source="toy")
        opened.save_plan(toy_plan(), SUMMARY)
        Enrolments(opened).publish()
        yield opened


@pytest.fixture
def changes(store: Store) -> DatedChanges:
    return DatedChanges(store)


def test_each_kind_is_kept_listed_and_removed_with_an_audit_event(changes: DatedChanges) -> None:
    added = [
        changes.closure(D(2026, 2, 16), D(2026, 2, 20), note="hiihtoloma", actor="coord"),
        changes.closure(D(2026, 1, 27), D(2026, 1, 27), venue_id="V2", actor="coord"),
        changes.cancel("G1", D(2026, 1, 14), actor="S1"),
        changes.move("G1", D(2026, 1, 21), T(2026, 1, 22, 13, 0), actor="S1"),
        changes.absence("S2", D(2026, 1, 12), D(2026, 1, 16), actor="coord"),
        changes.substitute("G1", "S3", D(2026, 1, 26), D(2026, 1, 30), actor="coord"),
    ]

    listed = changes.current()
    assert [c.kind for c in listed] == ["closure", "closure", "cancel", "move", "absence",
                                        "substitute"]  # fmt: skip
    assert listed == added
    assert listed[0].note == "hiihtoloma" and listed[1].venue_id == "V2"
    assert listed[3].new_start == T(2026, 1, 22, 13, 0)
    assert listed[5].replaces == "S1"  # G1's only leader

    version = changes.version()
    removed = changes.remove(added[2].id, actor="S1")
    assert removed.kind == "cancel"
    assert [c.id for c in changes.current()] == [c.id for c in added if c.id != added[2].id]
    assert len(changes.current(include_removed=True)) == 6
    assert changes.version().key != version.key
    assert changes.version().changed_at >= version.changed_at

    events = changes.store.events(7)
    assert [e["action"] for e in events] == ["change.remove"] + ["change.add"] * 6
    assert events[-1]["detail"]["kind"] == "closure"
    assert events[-1]["detail"]["note_chars"] == len("hiihtoloma")
    assert all("hiihtoloma" not in str(e["detail"]) for e in events)  # the note stays out


def refused(rule: str, action, *args, **kwargs) -> ChangeRefused:
    with pytest.raises(ChangeRefused) as caught:
        action(*args, **kwargs)
    assert caught.value.rule == rule, str(caught.value)
    assert isinstance(caught.value, StoreError)
    return caught.value


@pytest.mark.parametrize(
    ("day", "rule", "why"),
    [
        (D(2026, 1, 15), "not_a_session", "a Thursday: G1 meets on Wednesdays"),
        (D(2025, 12, 31), "not_a_session", "before its term"),
        (D(2026, 3, 4), "not_a_session", "after its eight weeks"),
    ],
)
def test_a_cancel_needs_a_session_of_the_group(changes, day, rule, why) -> None:
    refused(rule, changes.cancel, "G1", day)
    assert changes.current() == [], why


def test_a_session_on_a_holiday_or_a_closed_day_cannot_be_changed(changes) -> None:
    refused("not_a_session", changes.cancel, "G3", D(2026, 1, 6))  # Epiphany
    changes.closure(D(2026, 1, 13), D(2026, 1, 13), venue_id="V2")
    refused("not_a_session", changes.move, "G3", D(2026, 1, 13), T(2026, 1, 14, 12, 0))
    changes.closure(D(2026, 1, 14), D(2026, 1, 14), venue_id="V2")  # not G1's venue
    assert changes.cancel("G1", D(2026, 1, 14))


def test_two_changes_to_one_session_are_refused(changes) -> None:
    first = changes.cancel("G1", D(2026, 1, 14))
    error = refused("twice", changes.move, "G1", D(2026, 1, 14), T(2026, 1, 15, 14, 0))
    assert error.params["id"] == str(first.id)
    refused("twice", changes.cancel, "G1", D(2026, 1, 14))
    changes.remove(first.id)
    assert changes.move("G1", D(2026, 1, 14), T(2026, 1, 15, 14, 0))


@pytest.mark.parametrize(
    ("new_start", "rule"),
    [
        (T(2026, 1, 17, 10, 0), "weekend"),  # a Saturday
        (T(2026, 1, 18, 10, 0), "weekend"),  # a Sunday
        (T(2026, 3, 29, 3, 30), "dst_gap"),  # the clocks go from 03:00 to 04:00
        (T(2026, 10, 25, 3, 30), "dst_fold"),  # 03:00-04:00 happens twice
        (T(2026, 1, 21, 10, 0), "onto_session"),  # G1's next session
        (T(2026, 1, 14, 22, 30), "past_midnight"),  # three hours from 22:30
        (T(2026, 4, 3, 10, 0), "holiday"),  # Good Friday
    ],
)
def test_a_move_is_refused_with_its_reason(changes, new_start: dt.datetime, rule: str) -> None:
    error = refused(rule, changes.move, "G1", D(2026, 1, 14), new_start)
    assert error.message_in("fi") != error.message_in("sv") != str(error)
    assert str(error) == t(error.key, "en", **error.params)
    assert changes.current() == []


def test_a_move_onto_a_moved_session_is_refused_but_onto_a_freed_day_is_not(changes) -> None:
    changes.move("G1", D(2026, 1, 14), T(2026, 1, 15, 10, 0))
    refused("onto_session", changes.move, "G1", D(2026, 1, 21), T(2026, 1, 15, 14, 0))
    changes.cancel("G1", D(2026, 1, 28))
    assert changes.move("G1", D(2026, 1, 21), T(2026, 1, 28, 14, 0))  # its day is free
    assert changes.move("G1", D(2026, 2, 4), T(2026, 2, 4, 14, 0))  # later the same day


def test_the_daylight_saving_checks_agree_with_zoneinfo() -> None:
    assert local_time_problem(T(2026, 3, 29, 3, 0)) == "dst_gap"
    assert local_time_problem(T(2026, 3, 29, 4, 0)) is None
    assert local_time_problem(T(2026, 10, 25, 3, 59)) == "dst_fold"
    assert local_time_problem(T(2026, 10, 25, 4, 0)) is None
    assert local_time_problem(T(2026, 1, 14, 3, 30)) is None


def test_dates_in_the_wrong_order_and_unknown_ids_are_refused(changes) -> None:
    refused("ends_before", changes.closure, D(2026, 2, 20), D(2026, 2, 16))
    refused("ends_before", changes.absence, "S1", D(2026, 2, 20), D(2026, 2, 16))
    refused("ends_before", changes.substitute, "G1", "S3", D(2026, 2, 20), D(2026, 2, 16))
    refused("unknown_venue", changes.closure, D(2026, 2, 16), D(2026, 2, 20), venue_id="V9")
    refused("unknown_person", changes.absence, "X9", D(2026, 2, 16), D(2026, 2, 20))
    refused("unknown_group", changes.cancel, "G9", D(2026, 1, 14))
    refused("unknown_group", changes.move, "G9", D(2026, 1, 14), T(2026, 1, 15, 10, 0))
    refused("unknown_group", changes.substitute, "G9", "S3", D(2026, 2, 1), D(2026, 2, 2))
    refused("unknown_change", changes.remove, 999)
    refused("note_too_long", changes.cancel, "G1", D(2026, 1, 14), note="x" * 201)
    assert changes.current() == []


def test_a_substitute_must_be_a_person_of_the_season_and_not_already_a_leader(changes) -> None:
    refused("not_a_leader", changes.substitute, "G1", "X9", D(2026, 2, 1), D(2026, 2, 6))
    refused("already_leads", changes.substitute, "G1", "S1", D(2026, 2, 1), D(2026, 2, 6))
    refused("which_leader", changes.substitute, "G2", "S3", D(2026, 2, 1), D(2026, 2, 6))
    refused(
        "not_leader_of_group",
        changes.substitute,
        "G2",
        "S3",
        D(2026, 2, 1),
        D(2026, 2, 6),
        replaces="P1",
    )
    assert changes.substitute("G2", "P1", D(2026, 2, 1), D(2026, 2, 6), replaces="S2")
    refused(
        "overlap",
        changes.substitute,
        "G2",
        "S3",
        D(2026, 2, 5),
        D(2026, 2, 12),
        replaces="S2",
    )


def test_session_changes_need_a_published_offering(tmp_path: Path) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'draft.sqlite3'}") as store:
        store.import_season(toy_season("published"), source="toy")
        store.save_plan(toy_plan(), SUMMARY)
        changes = DatedChanges(store)
        refused("not_published_season", changes.cancel, "G1", D(2026, 1, 14))
        assert changes.closure(D(2026, 2, 16), D(2026, 2, 20))  # a closure needs no plan


# --- attendance follows the changes ---


def test_attendance_skips_cancelled_and_closed_sessions_and_takes_the_moved_date(
    store: Store, changes: DatedChanges
) -> None:
    changes.cancel("G2", D(2026, 1, 15))
    changes.move("G2", D(2026, 1, 22), T(2026, 1, 23, 9, 0))
    changes.closure(D(2026, 1, 29), D(2026, 1, 29), venue_id="V1")
    records = GroupRecords(store)

    for day in (D(2026, 1, 15), D(2026, 1, 22), D(2026, 1, 29)):
        with pytest.raises(StoreError, match=f"held no session on {day.isoformat()}"):
            records.record_attendance("G2", day, ["C04"], actor="S1", today=AFTER)
    assert records.record_attendance("G2", D(2026, 1, 23), ["C04"], "S1", today=AFTER)
    assert records.record_attendance("G2", D(2026, 1, 8), ["C04"], "S1", today=AFTER)
    assert set(records.attendance("G2")) == {D(2026, 1, 8), D(2026, 1, 23)}


def test_held_dates_follow_the_changes(changes: DatedChanges) -> None:
    season = toy_season("published")
    changes.cancel("G1", D(2026, 1, 14))
    changes.move("G1", D(2026, 1, 21), T(2026, 1, 20, 13, 0))
    changes.closure(D(2026, 2, 2), D(2026, 2, 6))
    got = held_dates(season.group["G1"], 2, "V1", changes.current())
    assert got == [
        D(2026, 1, 7),
        D(2026, 1, 20),
        D(2026, 1, 28),
        D(2026, 2, 11),
        D(2026, 2, 18),
        D(2026, 2, 25),
    ]
    assert held_dates(season.group["G1"], 2, "V1", changes.current(), until=D(2026, 1, 20)) == [
        D(2026, 1, 7),
        D(2026, 1, 20),
    ]
    # A pop-up: a later session moved before `until` counts.
    changes.move("G3", D(2026, 2, 10), T(2026, 1, 16, 12, 0))
    assert held_dates(season.group["G3"], 1, "V2", changes.current(), until=D(2026, 1, 16)) == [
        D(2026, 1, 13),
        D(2026, 1, 16),
    ]
