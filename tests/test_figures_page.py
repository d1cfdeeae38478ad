"""The "Team figures" page, driven headless with AppTest, and its translated tables."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from planner.cli.common import SAMPLE_SEASON_NAME
from planner.i18n import t
from planner.insight.team import figure_tables
from planner.store import Enrolments, Store
from planner.store.figures import team_figures
from planner.ui.offering import figures_workbook

REPO = Path(__file__).resolve().parents[1]
APP = str(REPO / "app.py")
FIGURES_PAGE = "planner/ui/figures_page.py"
TIMEOUT_S = 60


@pytest.fixture(scope="module")
def published_db(planned_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The plan published, and one client who left a group for work."""
    path = tmp_path_factory.mktemp("figures_published") / "published.sqlite3"
    shutil.copy(planned_db, path)
    with Store.open(f"sqlite:///{path}") as store:
        live = Enrolments(store)
        live.publish(actor="test")
        group = min(g for g in live.seats() if live.participants(g))
        code = live.participants(group)[0]
        outcome = live.cancel(group, code, actor="test", reason="moved_to_work")
        assert outcome.status == "cancelled", outcome
    return path


def use(db: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The module's database as it is: these tests only read."""
    url = f"sqlite:///{db}"
    monkeypatch.setenv("PLANNER_DB_URL", url)
    return url


def open_figures_page(lang: str = "fi") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S).run()
    if lang != "fi":
        at.segmented_control(key="lang").set_value(lang).run()
    at.switch_page(FIGURES_PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_the_page_shows_the_four_figure_tables_and_the_download_button(published_db, monkeypatch):
    use(published_db, monkeypatch)
    at = open_figures_page("sv")

    assert at.title[0].value == t("fig.title", "sv")
    assert [s.value for s in at.subheader] == [
        t(f"fig.{name}", "sv") for name in ("clients", "endings", "follow_up", "seats")
    ]
    clients, endings, follow_up, seats = (d.value for d in at.dataframe)
    assert "Hangö" in set(clients[t("col.municipality", "sv")])
    assert clients[t("fig.col.group_work", "sv")].sum() > 0
    reasons = endings.set_index(t("fig.col.reason", "sv"))[t("fig.col.clients", "sv")]
    assert reasons["fick arbete"] == 1
    paths = follow_up.set_index(t("fig.col.follow_up", "sv"))[t("fig.col.clients", "sv")]
    assert paths["arbete"] == 1
    with Store.open(use(published_db, monkeypatch)) as store:
        open_groups = set(Enrolments(store).seats())
    assert set(seats[t("plan.col.group", "sv")]) <= open_groups
    assert len(seats) > 0
    assert set(seats[t("fig.col.at_risk", "sv")]) <= {"ja", "nej"}
    download = at.get("download_button")
    assert download and download[0].proto.label == t("fig.download", "sv")


def test_the_workbook_has_a_translated_sheet_per_table(published_db):
    with Store.open(f"sqlite:///{published_db}") as store:
        season = store.load_season()
        tables = figure_tables(team_figures(store), season, "en")
    sheets = pd.read_excel(io.BytesIO(figures_workbook(tables, "en")), sheet_name=None)

    assert list(sheets) == ["Clients", "Endings", "Follow-up", "Seats"]
    assert list(sheets["Clients"].columns) == [
        "Municipality",
        "Clients",
        "In group work",
        "Individual work only",
    ]
    assert len(sheets["Seats"]) == len(tables["seats"])


def test_an_unpublished_plan_says_there_are_no_figures_yet(planned_db, monkeypatch):
    use(planned_db, monkeypatch)
    at = open_figures_page("en")

    assert at.info[0].value == t("fig.not_published", "en")
    assert not at.dataframe and not at.get("download_button")


def test_a_season_without_a_plan_points_to_planning(demo_db, monkeypatch):
    use(demo_db, monkeypatch)
    at = open_figures_page()

    assert at.info[0].value == t("find.no_plan", "fi", season=SAMPLE_SEASON_NAME)
    assert not at.dataframe
