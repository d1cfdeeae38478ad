"""The team's tracked figures (handbook l. 537-543) count what happened in the store,
and the workbook holds one sheet per table."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from toys import SUMMARY, fresh_database, toy_plan, toy_season

from planner.store import Enrolments, Store
from planner.store.figures import team_figures, write_figures_xlsx


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """The toy season and plan, saved but not published."""
    server = request.getfixturevalue("pg_url") if request.param == "postgres" else None
    with fresh_database(request.param, tmp_path, server) as url, Store.open(url) as opened:
        opened.import_season(toy_season("published"), source="toy")
        opened.save_plan(toy_plan(), SUMMARY)
        yield opened


@pytest.fixture
def live(store: Store) -> Enrolments:
    """Published (14 clients in groups), then C04 leaves for work, C05 for studies and C09
    drops out (G3 is left with two)."""
    enrolments = Enrolments(store)
    enrolments.publish()
    enrolments.cancel("G2", "C04", actor="anna", reason="moved_to_work")
    enrolments.cancel("G2", "C05", actor="anna", reason="studies", follow_up="work_trial")
    enrolments.cancel("G3", "C09", actor="bo", reason="dropped_out")
    return enrolments


def test_clients_in_group_work_and_in_individual_work_only_per_municipality(
    live: Enrolments,
) -> None:
    clients = team_figures(live.store)["clients"].set_index("municipality")

    # odd client numbers live in Espoo (049), even in Raasepori (710); 40 clients in all
    in_groups = {"C01", "C02", "C03", "C06", "C07", "C08", "C10", "C11", "C12", "C13", "C40"}
    espoo = sum(int(c[1:]) % 2 for c in in_groups)
    assert clients.loc["049", "name_fi"] == "Espoo"
    assert clients.loc["049", "group_work"] == espoo
    assert clients.loc["710", "group_work"] == len(in_groups) - espoo
    assert (clients["clients"] == clients["group_work"] + clients["individual_only"]).all()
    assert clients["clients"].sum() == 40


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
    assert book.sheetnames == ["clients", "endings", "follow_up", "seats"]
    rows = list(book["endings"].iter_rows(values_only=True))
    assert rows[0] == ("reason", "clients")
    assert ("moved_to_work", 1) in rows
    header, *groups = book["seats"].iter_rows(values_only=True)
    assert header[:3] == ("group_id", "name", "municipality")
    assert len(groups) == len(figures["seats"])
    municipalities = [r[0] for r in book["clients"].iter_rows(min_row=2, values_only=True)]
    assert municipalities == ["049", "710"]  # codes stay text with the leading zero
