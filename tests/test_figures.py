"""The team's tracked figures (handbook l. 537-543) count what happened in the store, each
client once per reporting period, and the workbook holds one sheet per table. The store's
clock is set by the `clock` fixture: every date is explicit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from toys import SUMMARY, fresh_database, toy_plan, toy_season

from planner.periods import Period
from planner.store import Enrolments, Store, Timelines
from planner.store.figures import season_term, team_figures, write_figures_xlsx

PUBLISHED = dt.datetime(2026, 1, 5, 8, tzinfo=dt.UTC)  # the toy term starts on Mon 5.1.2026
FEBRUARY = Period.month("2026-02")
CODES_21_26 = ("C21", "C22", "C23", "C24", "C25", "C26")


class Clock:
    """The store's `utcnow` for the places written, set by the test."""

    def __init__(self) -> None:
        self.now = PUBLISHED

    def at(self, day: dt.date) -> None:
        self.now = dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    clock = Clock()
    for module in ("seats", "publishing"):
        monkeypatch.setattr(f"planner.store.{module}.utcnow", clock)
    return clock


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """The toy season and plan, saved but not published."""
    server = request.getfixturevalue("pg_url") if request.param == "postgres" else None
    with fresh_database(request.param, tmp_path, server) as url, Store.open(url) as opened:
        opened.import_season(toy_season("published"), source="toy")
        opened.save_plan(toy_plan(), SUMMARY)
        yield opened


SERVICE_START = dt.date(2025, 11, 3)
ENDED = dt.date(2026, 2, 2)


def end_service(
    store: Store, code: str, reason: str, follow_up: str | None = None, on: dt.date = ENDED
) -> None:
    """The client's own worker records the end of the service on `on` (their places end)."""
    timelines = Timelines(store)
    if timelines.get(code) is None:
        timelines.record(code, start=SERVICE_START, actor="anna")
    timelines.end(code, on, reason, follow_up, actor="anna", today=on)


@pytest.fixture
def live(store: Store, clock: Clock) -> Enrolments:
    """Published on 5.1.2026 (14 clients in groups), then on 2.2.2026 the services of C04
    (to work), C05 (to studies, then a work trial) and C09 (dropped out) end, and with them
    their places (G3 is left with two)."""
    enrolments = Enrolments(store)
    enrolments.publish()
    clock.at(ENDED)
    end_service(store, "C04", "moved_to_work")
    end_service(store, "C05", "studies", "work_trial")
    end_service(store, "C09", "dropped_out")
    return enrolments


def test_clients_in_group_work_and_in_individual_work_only_per_municipality(
    live: Enrolments,
) -> None:
    clients = team_figures(live.store)["clients"].set_index("municipality")

    # odd client numbers live in Espoo (049), even in Raasepori (710); 40 clients in all.
    # Over the whole term, C04, C05 and C09 held their places until they left in February.
    in_groups = {"C01", "C02", "C03", "C06", "C07", "C08", "C10", "C11", "C12", "C13", "C40"}
    in_groups |= {"C04", "C05", "C09"}
    espoo = sum(int(c[1:]) % 2 for c in in_groups)
    assert clients.loc["049", "name_fi"] == "Espoo"
    assert clients.loc["049", "group_work"] == espoo
    assert clients.loc["710", "group_work"] == len(in_groups) - espoo
    assert (clients["clients"] == clients["group_work"] + clients["individual_only"]).all()
    assert clients["clients"].sum() == 40 and clients["waiting"].sum() == 0


def test_reasons_for_ending_and_follow_up_paths_count_clients(live: Enrolments) -> None:
    figures = team_figures(live.store)
    endings = figures["endings"].set_index("reason")["clients"]
    follow_up = figures["follow_up"].set_index("follow_up")["clients"]

    assert endings.to_dict() == {
        "moved_to_work": 1,
        "studies": 1,
        "other_service": 0,
        "dropped_out": 1,
        "other": 0,
        "not_recorded": 0,
    }
    assert follow_up["work"] == 1  # derived from moved_to_work
    assert follow_up["work_trial"] == 1  # given explicitly
    assert follow_up["not_recorded"] == 1  # dropped out, no path known
    assert follow_up.sum() == 3


def test_a_place_that_ends_while_the_service_goes_on_is_no_ending(
    live: Enrolments, clock: Clock
) -> None:
    clock.at(dt.date(2026, 2, 9))
    live.cancel("G1", "C01", actor="anna", reason="other_service")  # on to individual work

    figures = team_figures(live.store, period=FEBRUARY)

    assert figures["endings"].set_index("reason").at["other_service", "clients"] == 0
    assert figures["endings"]["clients"].sum() == 3


def test_the_service_ended_in_the_period_ends_its_places_and_counts_once(live: Enrolments) -> None:
    places = {h["group_id"]: h["status"] for h in live.client_history("C04")}
    assert places == {"G2": "cancelled"}  # ended with the service
    assert live.enrol("G1", "C04", actor="anna").reason == "service_ended"

    end_service(live.store, "C04", "studies", "studies", on=dt.date(2026, 2, 6))  # corrected
    endings = team_figures(live.store, period=FEBRUARY)["endings"].set_index("reason")["clients"]

    assert endings["studies"] == 2 and endings["moved_to_work"] == 0
    assert endings.sum() == 3


def test_seats_show_use_waiting_lists_and_groups_at_risk(live: Enrolments) -> None:
    for code in ("C21", "C22", "C23", "C24", "C25", "C26"):
        live.enrol("G2", code, actor="anna")

    seats = team_figures(live.store)["seats"].set_index("group_id")

    assert seats.loc["G2", ["taken", "max_size", "waiting"]].tolist() == [8, 8, 1]
    assert seats.loc["G2", "used"] == 1.0
    assert seats.loc["G3", "taken"] == 2 and seats.loc["G3", "at_risk"]
    assert not seats.loc["G2", "at_risk"]
    assert seats.loc["G1", "name"] == "Luontoryhmä"


def test_figures_before_publishing_show_everyone_in_individual_work(store: Store) -> None:
    figures = team_figures(store)
    assert figures["clients"]["group_work"].sum() == 0
    assert figures["clients"]["individual_only"].sum() == 40
    assert figures["seats"].empty and figures["endings"]["clients"].sum() == 0


def test_the_workbook_has_one_sheet_per_table_that_reads_back(
    live: Enrolments, tmp_path: Path
) -> None:
    figures = team_figures(live.store)
    path = write_figures_xlsx(figures, tmp_path / "luvut.xlsx")

    book = openpyxl.load_workbook(path, read_only=True)
    assert book.sheetnames == ["period", "clients", "endings", "follow_up", "seats", "drop_in"]
    assert book["period"]["A2"].value == "Kevät 2026"
    rows = list(book["endings"].iter_rows(values_only=True))
    assert rows[0] == ("reason", "clients")
    assert ("moved_to_work", 1) in rows
    header, *groups = book["seats"].iter_rows(values_only=True)
    assert header[:3] == ("group_id", "name", "municipality")
    assert len(groups) == len(figures["seats"])
    municipalities = [r[0] for r in book["clients"].iter_rows(min_row=2, values_only=True)]
    assert municipalities == ["049", "710"]  # codes stay text with the leading zero


def per_municipality_sum(figures: dict, column: str) -> int:
    return int(figures["clients"][column].sum())


def test_the_default_period_is_the_seasons_term(live: Enrolments) -> None:
    term = season_term(live.store)
    assert term.start == dt.date(2026, 1, 5)
    assert term.end > term.start
    assert team_figures(live.store)["clients"].equals(
        team_figures(live.store, period=term)["clients"]
    )


def test_a_client_with_two_places_in_the_period_counts_once(live: Enrolments, clock: Clock) -> None:
    clock.at(dt.date(2026, 2, 9))
    live.cancel("G1", "C01", actor="anna")
    clock.at(dt.date(2026, 2, 16))
    assert live.enrol("G1", "C01", actor="anna").status == "enrolled"  # back in the group

    figures = team_figures(live.store, period=FEBRUARY)

    # in February: the eleven who stayed (C01 twice, counted once), C04, C05 and C09 (left 2.2)
    assert per_municipality_sum(figures, "group_work") == 14
    assert per_municipality_sum(figures, "clients") == 40


def test_a_place_that_ended_before_the_period_does_not_count(live: Enrolments) -> None:
    march = team_figures(live.store, period=Period.month("2026-03"))
    january = team_figures(live.store, period=Period.month("2026-01"))

    assert per_municipality_sum(march, "group_work") == 11  # C04, C05 and C09 left in Feb
    assert per_municipality_sum(march, "clients") == 37  # their services ended in February
    assert per_municipality_sum(march, "individual_only") == 26
    assert march["endings"]["clients"].sum() == 0  # they left in February, not in March
    assert per_municipality_sum(january, "group_work") == 14
    assert january["endings"]["clients"].sum() == 0


def test_waiting_clients_are_counted_apart(live: Enrolments, clock: Clock) -> None:
    clock.at(dt.date(2026, 2, 9))
    outcomes = [live.enrol("G2", code, actor="anna") for code in CODES_21_26]
    waiting = {o.client_code for o in outcomes if o.status == "waiting"}
    assert waiting  # G2 fills up

    february = team_figures(live.store, period=FEBRUARY)["clients"]
    january = team_figures(live.store, period=Period.month("2026-01"))["clients"]

    assert february["waiting"].sum() == len(waiting)
    assert (
        february["clients"]
        == february["group_work"] + february["individual_only"] + february["waiting"]
    ).all()
    assert january["waiting"].sum() == 0  # they asked for a place in February


def test_a_service_that_starts_after_the_period_is_not_counted(live: Enrolments) -> None:
    Timelines(live.store).record("C30", start=dt.date(2026, 3, 2), actor="anna")

    assert per_municipality_sum(team_figures(live.store, period=FEBRUARY), "clients") == 39
    march = team_figures(live.store, period=Period.month("2026-03"))
    assert per_municipality_sum(march, "clients") == 37  # C30 in; C04, C05, C09 ended in Feb


def test_a_reopened_service_is_not_counted_as_ended(live: Enrolments) -> None:
    Timelines(live.store).reopen("C09", actor="anna")  # recorded by mistake

    figures = team_figures(live.store, period=FEBRUARY)

    assert figures["endings"].set_index("reason").at["dropped_out", "clients"] == 0
    assert figures["endings"]["clients"].sum() == 2
    assert live.enrol("G3", "C09", actor="bo").status == "enrolled"  # taken back by hand


def test_a_day_is_a_day_in_helsinki(live: Enrolments, clock: Clock) -> None:
    clock.now = dt.datetime(2026, 1, 31, 22, 30, tzinfo=dt.UTC)  # 0.30 on 1.2. in Helsinki
    assert live.enrol("G2", "C21", actor="anna").status == "enrolled"

    january = team_figures(live.store, period=Period.month("2026-01"))["clients"]
    february = team_figures(live.store, period=FEBRUARY)["clients"]

    assert january["group_work"].sum() == 14  # C21 was not in a group in January
    assert february["group_work"].sum() == 15
