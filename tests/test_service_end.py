"""The service's own end (handbook l. 537-543): recorded on the client's timeline by their own
worker, with a reason and a follow-up path; it ends the client's places and waits, and from
then on no place can be taken. `planner timeline --end/--reopen` in fi and sv.

The published toy (`toys.toy_season("published")`): C01 is in G1; G2 fills up to 8 seats.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from toys import SUMMARY, fresh_database, toy_plan, toy_season

from planner import rules
from planner.cli.main import main
from planner.i18n import t
from planner.store import Enrolments, Store, TimelineRefused, Timelines
from planner.timeline import Timeline, TimelineError

START = dt.date(2025, 9, 1)
ENDED = dt.date(2026, 1, 20)
TODAY = dt.date(2026, 1, 21)


# --- the timeline's end (no database) ---


def test_an_end_needs_a_reason_and_takes_the_path_the_reason_implies() -> None:
    ended = Timeline("C1", START, ended_on=ENDED, end_reason="moved_to_work")
    assert ended.follow_up == "work" and ended.ended
    assert ended.due(TODAY) == ()  # no evaluation is due after the end
    assert ended.warnings_for(None) == ("service_ended",)
    assert ended.in_service_on(ENDED) and not ended.in_service_on(ENDED + dt.timedelta(days=1))
    own = Timeline("C1", START, ended_on=ENDED, end_reason="studies", follow_up="work_trial")
    assert own.follow_up == "work_trial"
    assert Timeline("C1", START, ended_on=ENDED, end_reason="dropped_out").follow_up is None


@pytest.mark.parametrize(
    ("fields", "key"),
    [
        ({"ended_on": ENDED}, "end_needs_reason"),
        ({"ended_on": ENDED, "end_reason": "bored"}, "end_needs_reason"),
        ({"ended_on": dt.date(2025, 8, 31), "end_reason": "other"}, "end_before_start"),
        ({"ended_on": dt.date(2027, 3, 1), "end_reason": "other"}, "end_past_maximum"),
        ({"end_reason": "other"}, "reason_without_end"),
        ({"ended_on": ENDED, "end_reason": "other", "follow_up": "moon"}, "unknown_follow_up"),
    ],
)
def test_an_end_out_of_its_rules_is_refused(fields: dict, key: str) -> None:
    with pytest.raises(TimelineError) as refused:
        Timeline("C1", START, **fields)
    assert refused.value.key == key
    assert refused.value.text("sv") != refused.value.text("fi")


@given(
    ended=st.dates(dt.date(2024, 1, 1), dt.date(2028, 12, 31)),
    reason=st.sampled_from((*rules.ENDING_REASONS, "", "bored")),
    follow_up=st.sampled_from((*rules.FOLLOW_UP_PATHS, None, "moon")),
)
def test_a_recorded_end_is_within_the_service_with_a_known_reason_and_path(
    ended: dt.date, reason: str, follow_up: str | None
) -> None:
    try:
        timeline = Timeline("C1", START, None, (), ended, reason, follow_up)
    except TimelineError:
        return
    assert timeline.start <= timeline.ended_on <= timeline.maximum_end
    assert timeline.end_reason in rules.ENDING_REASONS
    assert timeline.follow_up is None or timeline.follow_up in rules.FOLLOW_UP_PATHS


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("fi", "Palvelu päättyi 20.1.2026: siirtyi töihin · jatkopolku: työ"),
        ("sv", "Tjänsten upphörde 20.1.2026: fick arbete · fortsatt väg: arbete"),
    ],
)
def test_the_end_reads_in_finnish_and_swedish(lang: str, line: str) -> None:
    ended = Timeline("C1", START, ended_on=ENDED, end_reason="moved_to_work")
    assert ended.lines(lang)[-1] == line


# --- in the store ---


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    server = request.getfixturevalue("pg_url") if request.param == "postgres" else None
    with fresh_database(request.param, tmp_path, server) as url, Store.open(url) as opened:
        opened.import_season(toy_season("published"), source="toy")
        opened.save_plan(toy_plan(), SUMMARY, actor="coordinator")
        Enrolments(opened).publish(actor="coordinator")
        yield opened


def fill_g2(live: Enrolments) -> list[str]:
    """Enrol clients in G2 until one waits; the codes of those waiting."""
    waiting = []
    for n in range(20, 40):
        outcome = live.enrol("G2", f"C{n}", actor="anna")
        if outcome.status == "waiting":
            waiting.append(f"C{n}")
        if len(waiting) == 2:
            return waiting
    raise AssertionError("G2 never filled up")


def test_the_end_ends_every_place_and_wait_and_a_seat_goes_to_the_list(store: Store) -> None:
    live = Enrolments(store)
    first, second = fill_g2(live)
    seated = next(p for p in live.participants("G2") if p not in (first, second))
    timelines = Timelines(store)
    timelines.record(seated, start=START, actor="anna")
    timelines.record(second, start=START, actor="anna")

    ended = timelines.end(seated, ENDED, "moved_to_work", actor="anna", today=TODAY)
    waited = timelines.end(second, ENDED, "other_service", actor="anna", today=TODAY)

    assert [g for _, g in ended.places_ended] == ["G2"]
    assert [g for _, g in waited.places_ended] == ["G2"]
    history = {h["group_id"]: h for h in live.client_history(seated)}
    assert {g: h["status"] for g, h in history.items()} == {"G2": "cancelled"}
    assert history["G2"]["reason"] == "moved_to_work"
    assert history["G2"]["follow_up"] == "work"
    assert first in live.participants("G2")  # the freed seat went to the first waiting
    assert live.client_history(second)[0]["status"] == "withdrawn"
    assert store.verify_audit().ok


def test_no_place_can_be_taken_once_the_service_has_ended(store: Store) -> None:
    timelines = Timelines(store)
    timelines.record("C20", start=START, actor="anna")
    timelines.end("C20", ENDED, "studies", actor="anna", today=TODAY)
    live = Enrolments(store)

    assert live.enrol("G1", "C20", actor="anna").reason == "service_ended"
    assert live.move("C01", "G1", "G2", actor="anna").status == "moved"  # others still move
    timelines.record("C01", start=START, actor="anna")
    timelines.end("C01", ENDED, "other", actor="anna", today=TODAY)
    assert live.participants("G2").count("C01") == 0

    timelines.reopen("C20", actor="anna")
    assert live.enrol("G1", "C20", actor="anna").status == "enrolled"


def test_an_end_in_the_future_or_without_a_timeline_is_refused_and_changes_nothing(
    store: Store,
) -> None:
    timelines = Timelines(store)
    with pytest.raises(TimelineRefused) as refused:
        timelines.end("C01", ENDED, "other", actor="anna", today=TODAY)
    assert refused.value.key == "needs_start"
    timelines.record("C01", start=START, actor="anna")
    with pytest.raises(TimelineRefused) as refused:
        timelines.end("C01", TODAY + dt.timedelta(days=1), "other", actor="anna", today=TODAY)
    assert refused.value.key == "end_in_future"
    with pytest.raises(TimelineRefused) as refused:
        timelines.end("C01", ENDED, "bored", actor="anna", today=TODAY)
    assert refused.value.key == "end_needs_reason"
    assert not timelines.get("C01").ended
    assert "C01" in Enrolments(store).participants("G1")


def test_the_audit_names_what_changed_never_the_reason_or_dates(store: Store) -> None:
    timelines = Timelines(store)
    timelines.record("C01", start=START, actor="anna")
    timelines.end("C01", ENDED, "dropped_out", actor="anna", today=TODAY)
    event = next(e for e in store.events(limit=10) if e["action"] == "client.timeline")
    assert event["detail"]["changed"] == ["ended_on", "end_reason"]
    assert "2026" not in json.dumps(event["detail"])


def test_publishing_again_does_not_enrol_a_client_whose_service_ended(store: Store) -> None:
    timelines = Timelines(store)
    timelines.record("C01", start=START, actor="anna")
    timelines.end("C01", ENDED, "moved_to_work", actor="anna", today=TODAY)
    store.save_plan(toy_plan(), SUMMARY, actor="coordinator")  # C01 planned in G1 again

    report = Enrolments(store).publish(actor="coordinator")

    assert ("C01", "G1") not in report.added
    assert "C01" not in Enrolments(store).participants("G1")


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ended=st.dates(dt.date(2025, 8, 1), dt.date(2027, 6, 1)))
def test_any_end_is_either_recorded_with_its_places_ended_or_changes_nothing(
    store: Store, ended: dt.date
) -> None:
    timelines = Timelines(store)
    if timelines.get("C02") is None:
        timelines.record("C02", start=START, actor="anna")
    timelines.reopen("C02", actor="anna")
    live = Enrolments(store)
    if "C02" not in live.participants("G1"):
        assert live.enrol("G1", "C02", actor="anna").status == "enrolled"
    try:
        timelines.end("C02", ended, "other", actor="anna", today=TODAY)
    except TimelineRefused:
        assert not timelines.get("C02").ended
        assert "C02" in live.participants("G1")
        return
    assert timelines.get("C02").ended_on == ended
    assert "C02" not in live.participants("G1")


# --- planner timeline --end / --reopen ---


@pytest.mark.parametrize(
    ("lang", "words"),
    [("fi", ["Palvelu päättyi 20.1.2026", "G1"]), ("sv", ["Tjänsten upphörde 20.1.2026", "G1"])],
)
def test_planner_timeline_end_and_reopen(store: Store, capsys, lang: str, words: list) -> None:
    url = store.engine.url.render_as_string(hide_password=False)
    base = ["timeline", "C01", "--db", url, "--lang", lang, "--today", TODAY.isoformat()]
    assert main([*base, "--start", START.isoformat()]) == 0
    capsys.readouterr()
    assert main([*base, "--end", ENDED.isoformat(), "--reason", "moved_to_work"]) == 0
    out = capsys.readouterr().out
    assert all(w in out for w in words)
    assert main([*base, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["ended_on"] == "2026-01-20" and shown["follow_up"] == "work"
    assert main([*base, "--reopen"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == t("timeline.reopened", lang, client="C01")


def test_planner_timeline_end_refuses_in_one_line(store: Store, capsys) -> None:
    url = store.engine.url.render_as_string(hide_password=False)
    base = ["timeline", "C01", "--db", url, "--lang", "sv", "--today", TODAY.isoformat()]
    assert main([*base, "--start", START.isoformat()]) == 0
    capsys.readouterr()
    assert main([*base, "--end", "2026-02-01", "--reason", "other"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "inte i förväg" in err[0]
    assert main([*base, "--end", ENDED.isoformat()]) == 2
    assert "ange orsaken" in capsys.readouterr().err
    assert main([*base, "--reason", "other"]) == 2
    assert "slutdatum" in capsys.readouterr().err
