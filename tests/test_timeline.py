"""A client's service timeline (handbook l. 118, 596, 622, 646-659): the dates, the finder's
and enrolment's warnings, `planner timeline` in fi and sv, and the store's table.

The published toy's groups (`toys.toy_season("published")`) start on Mon 5 Jan 2026: G1 meets
on Wednesdays for 8 weeks (last session 25 Feb 2026), G2 on Thursdays for 10 (12 Mar 2026),
G3 is a pop-up without a term. A service started on 1 Sep 2025 has its first decision up to
28 Feb 2026: G1 fits, G2 runs past it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from toys import SUMMARY, fresh_database, toy_plan, toy_season

from planner import rules
from planner.cli.main import main
from planner.finder import client_profile, find_groups
from planner.i18n import t
from planner.store import Enrolments, Store, TimelineRefused, Timelines
from planner.timeline import Timeline, add_months

START = dt.date(2025, 9, 1)
TODAY = dt.date(2026, 1, 12)


# --- the dates (no database) ---


def test_the_rule_constants_are_the_handbook_s() -> None:
    assert (rules.DECISION_MONTHS, rules.MAX_SERVICE_MONTHS) == (6, 18)  # l. 596, l. 118
    assert (rules.FIRST_EVALUATION_MONTHS, rules.JOINT_EVALUATION_MONTHS) == (3, 6)  # l. 646, 650
    assert rules.RETENTION_MONTHS == rules.MAX_SERVICE_MONTHS


def test_a_timeline_runs_six_months_a_decision_and_eighteen_at_most() -> None:
    tl = Timeline("C20", START)
    assert tl.decision_until == dt.date(2026, 2, 28)
    assert tl.maximum_end == dt.date(2027, 2, 28)
    assert [(e.months, e.kind, e.due) for e in tl.evaluations()] == [
        (3, "first", dt.date(2025, 12, 1)),
        (6, "joint", dt.date(2026, 3, 1)),
        (12, "joint", dt.date(2026, 9, 1)),
    ]


def test_a_recorded_decision_end_replaces_the_six_months() -> None:
    assert Timeline("C20", START, dt.date(2026, 8, 31)).decision_until == dt.date(2026, 8, 31)


@pytest.mark.parametrize(
    ("decision_end", "held", "message"),
    [
        (dt.date(2025, 8, 31), (), "before the service starts"),
        (dt.date(2027, 3, 1), (), "past the 18-month maximum"),
        (None, (4,), "no evaluation at 4 months"),
    ],
)
def test_a_decision_out_of_bounds_or_an_unknown_evaluation_is_refused(
    decision_end, held, message
) -> None:
    with pytest.raises(ValueError, match=message):
        Timeline("C20", START, decision_end, held)


def test_groups_past_the_decision_or_the_maximum_are_warned_of_and_termless_ones_not() -> None:
    tl = Timeline("C20", START)
    assert tl.warnings_for(dt.date(2026, 2, 28)) == ()
    assert tl.warnings_for(dt.date(2026, 3, 1)) == ("past_decision",)
    assert tl.warnings_for(dt.date(2027, 3, 1)) == ("past_decision", "past_maximum")
    assert tl.warnings_for(None) == ()


def test_evaluations_due_are_those_within_fourteen_days_and_the_overdue_not_held() -> None:
    tl = Timeline("C20", START)
    assert [e.months for e in tl.due(dt.date(2025, 11, 16))] == []
    assert [e.months for e in tl.due(dt.date(2025, 11, 17))] == [3]
    late = tl.due(dt.date(2026, 2, 20))
    assert [(e.months, e.overdue(dt.date(2026, 2, 20))) for e in late] == [(3, True), (6, False)]
    held = Timeline("C20", START, held=(3,))
    assert [e.months for e in held.due(dt.date(2026, 2, 20))] == [6]


@given(
    start=st.dates(dt.date(2020, 1, 1), dt.date(2035, 12, 31)),
    end=st.dates(dt.date(2020, 1, 1), dt.date(2038, 12, 31)),
)
def test_the_timeline_keeps_its_order_and_a_maximum_warning_implies_a_decision_one(
    start: dt.date, end: dt.date
) -> None:
    tl = Timeline("C20", start)
    dates = [tl.start, *(e.due for e in tl.evaluations())]
    assert dates == sorted(dates) and len(set(dates)) == len(dates)
    assert tl.start < tl.decision_until < tl.maximum_end
    assert add_months(tl.start, 18) == tl.maximum_end + dt.timedelta(days=1)
    warned = tl.warnings_for(end)
    assert ("past_maximum" in warned) == (end > tl.maximum_end)
    assert "past_maximum" not in warned or "past_decision" in warned


@given(day=st.dates(dt.date(2000, 1, 1), dt.date(2090, 12, 31)), months=st.integers(-60, 60))
def test_adding_months_keeps_the_day_or_ends_the_month(day: dt.date, months: int) -> None:
    moved = add_months(day, months)
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == months
    assert moved.day == day.day or (moved.day < day.day and (moved + dt.timedelta(1)).day == 1)


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("fi", ["Huom: ryhmä jatkuu asiakkaan päätöksen päättymisen (28.2.2026)", "r. 596"]),
        ("sv", ["Obs: gruppen fortsätter efter att klientens beslut upphör (28.2.2026)", "r. 596"]),
    ],
)
def test_the_warning_reads_in_finnish_and_swedish(lang: str, words: list[str]) -> None:
    said = Timeline("C20", START).warning_text("past_decision", lang)
    assert all(w in said for w in words), said


# --- the finder ---


@pytest.mark.parametrize(
    ("lang", "word"), [("fi", "päätöksen"), ("sv", "beslut"), ("en", "decision")]
)
def test_a_match_past_the_decision_carries_the_warning_first_among_its_reasons(
    lang: str, word: str
) -> None:
    season, plan = toy_season("published"), toy_plan()
    profile = client_profile(season, "C20")
    tl = Timeline("C20", START)
    ranked = find_groups(season, plan, profile, lang=lang, timeline=tl, today=TODAY)
    found = {m.group_id: m for m in ranked}
    assert found["G2"].warnings == ["past_decision"]
    assert word in found["G2"].reasons[0]
    assert found["G1"].warnings == [] and found["G3"].warnings == []  # G3: a pop-up, no term
    assert found["G2"].suitable  # a warning, not a filter
    plain = {m.group_id: m for m in find_groups(season, plan, profile, lang=lang, today=TODAY)}
    assert all(m.warnings == [] for m in plain.values())
    assert found["G2"].reasons[1:] == plain["G2"].reasons


# --- the store, enrolment and the command line ---


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    server = request.getfixturevalue("pg_url") if request.param == "postgres" else None
    with fresh_database(request.param, tmp_path, server) as url, Store.open(url) as opened:
        opened.import_season(toy_season("published"), source="toy")
        opened.save_plan(toy_plan(), SUMMARY, actor="coordinator")
        Enrolments(opened).publish(actor="coordinator")
        yield opened


def test_a_timeline_is_recorded_changed_and_audited_without_its_dates(store: Store) -> None:
    timelines = Timelines(store)
    assert timelines.get("C20") is None
    made = timelines.record("C20", start=START, actor="anna")
    assert timelines.get("C20") == made == Timeline("C20", START)
    changed = timelines.record("C20", held=[3], actor="anna")
    assert changed.held == (3,) and changed.start == START
    assert timelines.record("C20", decision_end=dt.date(2026, 8, 31), actor="anna").held == (3,)
    events = [e for e in store.events(limit=10) if e["action"] == "client.timeline"]
    assert [e["detail"]["changed"] for e in events] == [
        ["decision_end"],
        ["held"],
        ["start", "decision_end", "held"],
    ]
    assert "2025" not in json.dumps([e["detail"] for e in events])
    assert store.verify_audit().ok


def test_an_unknown_code_or_a_timeline_without_a_start_is_refused(store: Store) -> None:
    with pytest.raises(TimelineRefused, match="no client with that code"):
        Timelines(store).record("Matti Meikäläinen", start=START, actor="anna")
    with pytest.raises(TimelineRefused, match="needs the service's start"):
        Timelines(store).record("C20", held=[3], actor="anna")
    with pytest.raises(TimelineRefused, match="18-month maximum"):
        Timelines(store).record("C20", start=START, decision_end=dt.date(2028, 1, 1), actor="a")
    assert Timelines(store).get("C20") is None


def test_enrolment_past_the_decision_is_made_and_carries_the_warning(store: Store) -> None:
    Timelines(store).record("C20", start=START, actor="anna")
    live = Enrolments(store)
    outcome = live.enrol("G2", "C20", actor="anna")
    assert outcome.status == "enrolled" and outcome.warnings == ("past_decision",)
    assert store.events(limit=1)[0]["detail"]["warnings"] == ["past_decision"]
    assert live.enrol("G2", "C21", actor="anna").warnings == ()  # no timeline, no warning
    Timelines(store).record("C22", start=START, actor="anna")
    assert live.enrol("G1", "C22", actor="anna").warnings == ()  # G1 ends in time


def test_a_move_into_a_group_past_the_decision_carries_the_warning(store: Store) -> None:
    Timelines(store).record("C01", start=START, actor="anna")  # C01 is in G1, which ends in time
    outcome = Enrolments(store).move("C01", "G1", "G2", actor="anna")
    assert outcome.status == "moved" and outcome.warnings == ("past_decision",)


def test_the_cli_enrol_says_the_warning(store: Store, capsys) -> None:
    url = store.engine.url.render_as_string(hide_password=False)
    Timelines(store).record("C20", start=dt.date(2024, 9, 1), actor="anna")
    assert main(["enrol", "G2", "C20", "--db", url]) == 0
    out = capsys.readouterr().out
    assert "runs past the client's decision" in out and "18-month maximum" in out


@pytest.mark.parametrize(
    ("lang", "lines"),
    [
        (
            "fi",
            [
                "Sosiaalinen kuntoutus alkoi 1.9.2025",
                "Nykyinen päätös päättyy 28.2.2026 (päätökset kuudeksi kuukaudeksi, "
                "käsikirja r. 596)",
                "Väliarviointi (3 kk): 1.12.2025 (myöhässä)",
                "Yhteinen väliarviointi (6 kk): 1.3.2026",
                "Yhteinen väliarviointi (12 kk): 1.9.2026",
                "18 kuukauden maksimiaika täyttyy 28.2.2027 (käsikirja r. 118)",
            ],
        ),
        (
            "sv",
            [
                "Den sociala rehabiliteringen inleddes 1.9.2025",
                "Det nuvarande beslutet upphör 28.2.2026 (beslut för sex månader åt gången, "
                "handboken r. 596)",
                "Mellanutvärdering (3 mån): 1.12.2025 (försenad)",
                "Gemensam mellanutvärdering (6 mån): 1.3.2026",
                "Gemensam mellanutvärdering (12 mån): 1.9.2026",
                "Den maximala tiden på 18 månader uppnås 28.2.2027 (handboken r. 118)",
            ],
        ),
    ],
)
def test_planner_timeline_records_and_shows_it_in_finnish_and_swedish(
    store: Store, capsys, lang: str, lines: list[str]
) -> None:
    url = store.engine.url.render_as_string(hide_password=False)
    argv = ["timeline", "C20", "--db", url, "--lang", lang, "--today", TODAY.isoformat()]
    assert main([*argv, "--start", START.isoformat()]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == t("timeline.recorded", lang, client="C20")
    assert out[1:] == lines
    assert main(argv) == 0
    assert capsys.readouterr().out.splitlines() == lines


def test_planner_timeline_json_and_a_client_without_one(store: Store, capsys) -> None:
    url = store.engine.url.render_as_string(hide_password=False)
    assert main(["timeline", "C21", "--db", url]) == 1
    assert "no timeline" in capsys.readouterr().err
    argv = ["timeline", "C21", "--db", url, "--start", "2025-09-01", "--held", "3"]
    assert main([*argv, "--decision-end", "2026-08-31", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["decision_end"] == "2026-08-31" and shown["maximum_end"] == "2027-02-28"
    assert shown["evaluations"][0] == {"months": 3, "kind": "first", "due": "2025-12-01",
                                       "held": True}  # fmt: skip
    assert main(["timeline", "C21", "--db", url, "--decision-end", "none", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["decision_end"] == "2026-02-28"


def test_planner_timeline_refuses_in_one_line_without_repeating_the_code(
    store: Store, capsys
) -> None:
    url = store.engine.url.render_as_string(hide_password=False)
    assert main(["timeline", "Matti Meikäläinen", "--db", url, "--start", "2025-09-01"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Matti" not in err
    argv = ["timeline", "C20", "--db", url, "--start", "2025-09-01", "--decision-end"]
    assert main([*argv, "2027-06-01", "--lang", "sv"]) == 2
    assert "beslutet kan inte gälla efter den maximala tiden på 18 månader (28.2.2027)" in (
        capsys.readouterr().err
    )
    assert main([*argv, "2025-08-01", "--lang", "fi"]) == 2
    assert "päätös ei voi päättyä ennen palvelun alkua" in capsys.readouterr().err
    with pytest.raises(SystemExit) as stopped:
        main(["timeline", "C20", "--db", url, "--start", "1.9.2025"])
    assert stopped.value.code == 2
    assert "not a date like" in capsys.readouterr().err
