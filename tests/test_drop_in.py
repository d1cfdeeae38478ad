"""Drop-in pop-up groups (handbook l. 355, 366): open without enrolment, a head count per
held session instead of names, kept in the store and its backups with no client ids."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from toys import (
    PUBLISHED_START,
    SUMMARY,
    client,
    fresh_database,
    steady_params,
    toy_plan,
    toy_season,
    with_group,
)

from planner import rules
from planner.calendar import CalendarOptions, export_group
from planner.finder import Profile, find_groups
from planner.i18n import t
from planner.insight.team import figure_tables
from planner.io import read_season
from planner.model import Client, Plan, Season, SeasonError
from planner.periods import Period
from planner.plan_check import plan_problems
from planner.solve import Result, solve
from planner.store import Enrolments, GroupRecords, Store, StoreError
from planner.store.backup import KEY_ENV, backup, new_backup_key, restore
from planner.store.figures import drop_in_figures, team_figures
from planner.store.outcomes import OfferingStatus
from planner.store.plan_gate import PlanRejected
from planner.store.schema import HeadCountRow
from planner.ui.offering import card_lines

TOY_DATA = Path(__file__).parent / "data" / "toy"
TODAY = dt.date(2026, 1, 22)
HELD = dt.date(2026, 1, 13)  # a Tuesday the pop-up G3 met (6 Jan, Epiphany, it did not)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """The published toy with its pop-up G3 made drop-in (open to four: one leader)."""
    server = request.getfixturevalue("pg_url") if request.param == "postgres" else None
    with fresh_database(request.param, tmp_path, server) as url, Store.open(url) as opened:
        opened.import_season(drop_in_toy(), "toy")
        opened.save_plan(drop_in_plan(), SUMMARY)
        Enrolments(opened).publish()
        yield opened


def test_the_drop_in_flag_is_kept_in_the_store(store: Store) -> None:
    season = store.load_season()
    assert season is not None
    assert season.group["G3"].drop_in and not season.group["G2"].drop_in


def test_only_a_pop_up_group_may_be_drop_in() -> None:
    with pytest.raises(SeasonError, match="only a pop-up group can be drop-in"):
        with_group(toy_season("published"), "G2", drop_in=True).validate()


@pytest.mark.parametrize(
    ("lang", "words"),
    [("fi", "ilmoittautumista ei tarvita"), ("sv", "ingen anmälan behövs")],
)
def test_enrolling_in_a_drop_in_group_is_refused_with_the_reason(
    store: Store, lang: str, words: str
) -> None:
    live = Enrolments(store)
    before = live.seats()["G3"]
    outcome = live.enrol("G3", "C30", actor="anna")
    assert (outcome.status, outcome.reason) == ("refused", "drop_in")
    assert "no enrolment needed" in outcome.message
    assert words in t(f"refusal.{outcome.reason}", lang)
    assert live.seats()["G3"] == before


def test_moving_into_a_drop_in_group_is_refused(store: Store) -> None:
    live = Enrolments(store)
    member = live.participants("G2")[0]
    assert live.move(member, "G2", "G3", actor="anna").reason == "drop_in"
    assert member in live.participants("G2")


def test_a_head_count_is_recorded_per_held_session_and_replaced(store: Store) -> None:
    records = GroupRecords(store)
    assert records.record_head_count("G3", HELD, 7, actor="S2", today=TODAY) == 7
    records.record_head_count("G3", HELD, 9, actor="S2", today=TODAY)
    assert records.head_counts("G3") == {HELD: 9}
    event = store.events(1)[0]
    assert event["action"] == "attendance.head_count"
    assert event["detail"] == {"group_id": "G3", "session_date": "2026-01-13", "visitors": 9}


def test_a_head_count_only_for_a_held_session_of_a_drop_in_group(store: Store) -> None:
    records = GroupRecords(store)
    with pytest.raises(StoreError, match="held no session on 2026-01-06"):
        records.record_head_count("G3", dt.date(2026, 1, 6), 4, actor="S2", today=TODAY)
    with pytest.raises(StoreError, match="not a drop-in group"):
        records.record_head_count("G2", dt.date(2026, 1, 8), 4, actor="S1", today=TODAY)
    with pytest.raises(StoreError, match="a head count is 0-"):
        records.record_head_count("G3", HELD, -1, actor="S2", today=TODAY)
    assert records.head_counts("G3") == {}


def test_head_counts_hold_no_client_identifier() -> None:
    assert "client_code" not in HeadCountRow.__table__.columns


def test_head_counts_travel_in_a_backup(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(KEY_ENV, new_backup_key())
    GroupRecords(store).record_head_count("G3", HELD, 6, actor="S2", today=TODAY)
    report = backup(store, tmp_path / "store.zip")
    assert report.rows["head_counts"] == 1
    with Store.open(f"sqlite:///{tmp_path / 'restored.sqlite3'}") as restored:
        restore(restored, tmp_path / "store.zip")
        assert GroupRecords(restored).head_counts("G3") == {HELD: 6}
        with restored.engine.connect() as conn:
            assert conn.scalar(sa.select(sa.func.count()).select_from(HeadCountRow)) == 1


# --- the finder, the Find a group card and calendars (no store) ---


def drop_in_toy() -> Season:
    """The published toy (Swedish pop-up G3 in Raseborg) with G3 drop-in, open to four (so
    one leader, l. 363-364)."""
    return with_group(toy_season("published"), "G3", drop_in=True, max_size=4)


def drop_in_plan() -> Plan:
    """`toy_plan()` without G3's participants: nobody is placed in a drop-in group."""
    plan = toy_plan()
    return replace(plan, participants=tuple(p for p in plan.participants if p[1] != "G3"))


NEAR_G3 = Profile(municipality="710", languages=("sv",), travel="car", max_travel_min=60)


@pytest.mark.parametrize(
    ("lang", "words"),
    [("fi", "ilmoittautumista ei tarvita"), ("sv", "ingen anmälan behövs")],
)
def test_the_finder_says_a_drop_in_group_needs_no_enrolment(lang: str, words: str) -> None:
    found = {
        m.group_id: m
        for m in find_groups(
            drop_in_toy(), drop_in_plan(), NEAR_G3, today=PUBLISHED_START, lang=lang
        )
    }
    g3 = found["G3"]
    assert g3.drop_in and not g3.full
    assert any(words in reason for reason in g3.reasons)
    assert words in card_lines(g3, "car", lang)["seats"]
    assert g3.as_dict()["drop_in"] is True


def test_a_pop_up_group_with_enrolment_keeps_its_seats_in_the_finder() -> None:
    season = toy_season("published")
    found = {m.group_id: m for m in find_groups(season, toy_plan(), NEAR_G3, lang="fi")}
    g3 = found["G3"]
    assert not g3.drop_in
    assert "ilmoittautumista" not in " ".join(g3.reasons)
    assert "ilmoittautumista" not in card_lines(g3, "car", "fi")["seats"]


def descriptions(body: bytes) -> dict[str, str]:
    cal = Calendar.from_ical(body)
    return {str(e["UID"]): str(e.get("DESCRIPTION", "")) for e in cal.walk("VEVENT") if "UID" in e}


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("fi", "ilmoittautumista ei tarvita"),
        ("sv", "ingen anmälan behövs"),
        ("en", "no enrolment needed"),
    ],
)
def test_a_drop_in_groups_calendar_event_says_no_enrolment(lang: str, words: str) -> None:
    options = CalendarOptions(lang=lang)
    body = export_group(drop_in_toy(), drop_in_plan(), "G3", options)
    texts = descriptions(body).values()
    assert texts and all(words in text for text in texts)
    enrolled = export_group(toy_season("published"), toy_plan(), "G3", options)
    assert not any(words in text for text in descriptions(enrolled).values())


def toy_folder_with_drop_in(tmp_path: Path, which) -> Path:
    """The toy season's CSV folder with a `drop_in` column: "yes" where `which(kind)`."""
    folder = tmp_path / "season"
    shutil.copytree(TOY_DATA, folder, dirs_exist_ok=True)
    source = (TOY_DATA / "groups.csv").read_text(encoding="utf-8").splitlines()
    kind = source[0].split(",").index("kind")
    rows = [f"{row},{'yes' if which(row.split(',')[kind]) else ''}" for row in source[1:]]
    text = "\n".join([source[0] + ",drop_in", *rows]) + "\n"
    (folder / "groups.csv").write_text(text, encoding="utf-8")
    return folder


def test_the_import_reads_drop_in_for_pop_up_groups(tmp_path: Path) -> None:
    report = read_season(toy_folder_with_drop_in(tmp_path, lambda kind: kind == "popup"))
    assert report.ok and report.season is not None
    assert {g.group_id for g in report.season.groups if g.drop_in} == {"G-04"}


def test_the_import_refuses_drop_in_for_a_group_that_is_not_a_pop_up(tmp_path: Path) -> None:
    report = read_season(toy_folder_with_drop_in(tmp_path, lambda kind: kind == "theme"))
    wrong = [p for p in report.errors if p.column == "drop_in"]
    assert not report.ok and wrong
    assert "pop up -ryhmä" in wrong[0].line("fi") and "pop up-grupp" in wrong[0].line("sv")


@pytest.mark.parametrize(("lang", "column"), [("fi", "Kävijöitä"), ("sv", "Besökare")])
def test_my_groups_shows_head_counts_by_session(lang: str, column: str) -> None:
    from planner.ui.groups_page import head_count_table

    table = head_count_table({HELD: 7}, lang)
    assert list(table[column]) == [7]
    assert t("groups.drop_in_help", lang) != t("groups.drop_in_help", "en")


# --- the solver and publishing: nobody is placed in a drop-in group (rule drop_in) ---


def solve_toy_with_drop_in(*extra: Client) -> Season:
    """The solver's toy (G1, G2 Finnish, G3 Swedish; 24 clients for 30 seats) with G3 a
    drop-in pop-up, and `extra` clients."""
    season = with_group(toy_season(), "G3", kind="popup", drop_in=True, weeks=None)
    return replace(season, clients=(*season.clients, *extra))


SWEDISH_ONLY = client("C25", languages=("sv",))
"""Only G3 speaks her language: with G3 drop-in, no group can take her by name."""


@pytest.fixture(scope="module")
def solved() -> tuple[Season, Result]:
    season = solve_toy_with_drop_in(SWEDISH_ONLY)
    return season, solve(season, steady_params())


def test_the_solver_schedules_a_drop_in_group_with_leaders_and_places_nobody_in_it(
    solved: tuple[Season, Result],
) -> None:
    season, result = solved
    g3 = result.plan.placement["G3"]
    assert g3.venue_id and g3.leaders
    # Open to ten (its maximum, l. 363-364): two leaders, one of them qualified staff.
    assert len(g3.leaders) == 2
    assert not result.plan.members.get("G3")
    assert plan_problems(season, result.plan) == []


def test_clients_who_would_have_come_to_the_drop_in_group_are_placed_elsewhere_or_reported(
    solved: tuple[Season, Result],
) -> None:
    season, result = solved
    placed = {code for code, _ in result.plan.participants}
    assert result.clients_placed == len(placed) == 20  # G1 and G2 hold ten each
    unplaced = {r.subject: r for r in result.unplaced}
    assert set(unplaced) == {c.client_code for c in season.clients} - placed
    assert all(
        "G3" not in r.params.get("groups", ()) for r in unplaced.values() if r.subject != "C25"
    )
    only = unplaced["C25"]
    assert (only.key, only.rules, list(only.params["groups"])) == (
        "client_only_drop_in",
        ("drop_in",),
        ["G3"],
    )
    assert "ilman ilmoittautumista" in only.text("fi")
    assert "utan anmälan" in only.text("sv")


def test_publishing_a_solved_plan_enrols_nobody_in_the_drop_in_group(
    solved: tuple[Season, Result], tmp_path: Path
) -> None:
    season, result = solved
    with Store.open(f"sqlite:///{tmp_path / 'solved.sqlite3'}") as store:
        store.import_season(season, "toy")
        store.save_plan(result.plan, result.summary())
        report = Enrolments(store).publish()
        live = Enrolments(store)
        assert "G3" in report.opened
        assert not [pair for pair in report.added if pair[1] == "G3"]
        assert live.participants("G3") == []
        g3 = next(o for o in live.offerings() if o.group_id == "G3")
        assert (g3.taken, g3.drop_in, g3.at_risk) == (0, True, False)
        assert len(live.participants("G1")) + len(live.participants("G2")) == 20


def test_a_stored_plan_with_participants_in_a_drop_in_group_is_refused(tmp_path: Path) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'refused.sqlite3'}") as store:
        store.import_season(drop_in_toy(), "toy")
        with pytest.raises(PlanRejected, match=r"\[drop_in\] G3: is a drop-in group"):
            store.save_plan(toy_plan(), SUMMARY)
        assert store.load_plan() is None


@settings(max_examples=40, deadline=None)
@given(
    codes=st.lists(
        st.sampled_from([f"C{i:02d}" for i in range(14, 41)]), min_size=1, max_size=12, unique=True
    )
)
def test_any_plan_with_people_in_a_drop_in_group_is_refused_by_the_plan_check(
    codes: list[str],
) -> None:
    plan = drop_in_plan()
    plan = replace(plan, participants=(*plan.participants, *((c, "G3") for c in codes)))
    problems = plan_problems(drop_in_toy(), plan)
    drop = [p for p in problems if p.rule == "drop_in"]
    assert len(drop) == 1 and drop[0].subject == "G3"
    assert f"{len(codes)} participants" in drop[0].message


def test_the_same_plan_without_them_passes() -> None:
    assert plan_problems(drop_in_toy(), drop_in_plan()) == []


# --- the offering status: never at risk for three, leaders by the head counts ---


def test_a_drop_in_group_is_not_at_risk_and_its_leader_need_follows_its_head_counts(
    store: Store,
) -> None:
    """G3 is open to four with one leader; when seven came lately, it needs a second one."""
    live = Enrolments(store)

    def g3() -> OfferingStatus:
        return next(o for o in live.offerings() if o.group_id == "G3")

    assert (g3().drop_in, g3().taken, g3().expected) == (True, 0, 4)
    assert not g3().at_risk and not g3().needs_second_leader
    assert not live.seats()["G3"].at_risk
    records = GroupRecords(store)
    later = TODAY + dt.timedelta(days=7)
    for day, n in ((HELD, 7), (HELD + dt.timedelta(days=7), 2)):
        records.record_head_count("G3", day, n, actor="S2", today=later)
    assert g3().expected == 7  # the largest of the last three
    assert g3().needs_second_leader and not g3().at_risk
    assert rules.visitors_expected(6, [9, 2, 3, 4]) == 4
    assert rules.visitors_expected(12, []) == rules.MAX_GROUP_SIZE


# --- the team figures: visits to drop-in groups per period ---


def test_the_team_figures_count_drop_in_sessions_and_visits_in_the_period(store: Store) -> None:
    records = GroupRecords(store)
    later = HELD + dt.timedelta(days=7)
    records.record_head_count("G3", HELD, 7, actor="S2", today=TODAY + dt.timedelta(days=7))
    records.record_head_count("G3", later, 4, actor="S2", today=TODAY + dt.timedelta(days=7))
    january = team_figures(store, period=Period.month("2026-01"))["drop_in"]
    assert january.to_dict(orient="records") == [
        {
            "group_id": "G3",
            "name": "Pop-up kafé",
            "municipality": "710",
            "sessions": 2,
            "visits": 11,
            "mean_visits": 5.5,
        }
    ]
    only_first = Period(HELD, HELD + dt.timedelta(days=1))
    assert drop_in_figures(store, period=only_first)[["sessions", "visits"]].values.tolist() == [
        [1, 7]
    ]
    empty = drop_in_figures(store, period=Period.month("2026-03"))
    assert empty[["sessions", "visits", "mean_visits"]].values.tolist() == [[0, 0, 0.0]]


@pytest.mark.parametrize(
    ("lang", "visits", "sheet"),
    [("fi", "Käyntejä", "Avoimet ryhmät"), ("sv", "Besök", "Öppna grupper")],
)
def test_the_drop_in_figures_read_in_the_language(
    store: Store, lang: str, visits: str, sheet: str
) -> None:
    GroupRecords(store).record_head_count("G3", HELD, 7, actor="S2", today=TODAY)
    tables = figure_tables(team_figures(store), store.load_season(), lang)
    table = tables["drop_in"]
    assert list(table[visits]) == [7]
    assert t("fig.sheet.drop_in", lang) == sheet
    place = "Raseborg" if lang == "sv" else "Raasepori"
    assert list(table[t("col.municipality", lang)]) == [place]


def test_the_greedy_baseline_also_places_nobody_in_a_drop_in_group() -> None:
    from planner.baseline import greedy_plan

    season = solve_toy_with_drop_in()
    plan = greedy_plan(season)
    assert "G3" in plan.placement and not plan.members.get("G3")
    assert len(plan.placement["G3"].leaders) == 2  # open to ten (l. 363-364)
    assert plan_problems(season, plan) == []


def test_the_solver_gives_a_drop_in_group_room_for_the_visitors_it_expects() -> None:
    """Open to ten with two leaders: a venue for twelve, not one for eight."""
    season = solve_toy_with_drop_in()
    small, large = replace(season.venues[0], capacity=8), replace(season.venues[1], capacity=12)
    season = replace(season, venues=(small, large))
    result = solve(season, steady_params())
    assert result.plan.placement["G3"].venue_id == large.venue_id
    assert plan_problems(season, result.plan) == []
