"""The "Team figures" page, driven headless with AppTest, and its translated tables."""

from __future__ import annotations

import datetime as dt
import io
import shutil
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from planner.cli.common import SAMPLE_SEASON_NAME
from planner.i18n import t
from planner.insight.team import figure_tables
from planner.store import Enrolments, Store, Timelines
from planner.store.figures import season_term, team_figures
from planner.ui.offering import figures_workbook

REPO = Path(__file__).resolve().parents[1]
APP = str(REPO / "app.py")
FIGURES_PAGE = "planner/ui/figures_page.py"
TIMEOUT_S = 60


@pytest.fixture(scope="module")
def published_db(planned_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The plan published on the term's first day, and on its second one client's service
    ended as they moved to work, ending their place (the store's clock set to those days)."""
    path = tmp_path_factory.mktemp("figures_published") / "published.sqlite3"
    shutil.copy(planned_db, path)
    with Store.open(f"sqlite:///{path}") as store, pytest.MonkeyPatch.context() as patch:
        first = season_term(store).start
        now = [dt.datetime(first.year, first.month, first.day, 8, tzinfo=dt.UTC)]
        for module in ("seats", "publishing"):
            patch.setattr(f"planner.store.{module}.utcnow", lambda: now[0])
        live = Enrolments(store)
        live.publish(actor="test")
        now[0] += dt.timedelta(days=1)
        group = min(g for g in live.seats() if live.participants(g))
        code = live.participants(group)[0]
        timelines = Timelines(store)
        timelines.record(code, start=first - dt.timedelta(days=90), actor="test")
        ended = timelines.end(
            code, now[0].date(), "moved_to_work", actor="test", today=now[0].date()
        )
        assert [g for _, g in ended.places_ended] == [group]
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
        first = season_term(store).start
    sheets = pd.read_excel(io.BytesIO(figures_workbook(tables, "en")), sheet_name=None)

    assert list(sheets) == ["Period", "Clients", "Endings", "Follow-up", "Seats", "Drop-in"]
    period = sheets["Period"].set_index("What")["Value"]
    assert period["Season"] == SAMPLE_SEASON_NAME
    assert period["From"] == f"{first.day}.{first.month}.{first.year}"
    assert list(sheets["Clients"].columns) == [
        "Municipality",
        "Clients",
        "In group work",
        "Individual work only",
        "Waiting for a group",
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


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_workbooks_sheets_and_columns_are_in_the_pages_language(published_db, lang):
    with Store.open(f"sqlite:///{published_db}") as store:
        tables = figure_tables(team_figures(store), store.load_season(), lang)
    sheets = pd.read_excel(io.BytesIO(figures_workbook(tables, lang)), sheet_name=None)

    assert list(sheets) == [t(f"fig.sheet.{n}", lang) for n in tables]
    clients = sheets[t("fig.sheet.clients", lang)]
    assert list(clients.columns) == [
        t(key, lang)
        for key in (
            "col.municipality",
            "fig.col.clients",
            "fig.col.group_work",
            "fig.col.individual_only",
            "fig.col.waiting_clients",
        )
    ]
    parts = [t(k, lang) for k in ("fig.col.group_work", "fig.col.individual_only")]
    waiting = clients[t("fig.col.waiting_clients", lang)]
    assert (clients[t("fig.col.clients", lang)] == clients[parts].sum(axis=1) + waiting).all()


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_period_selector_counts_the_chosen_period(published_db, monkeypatch, lang):
    use(published_db, monkeypatch)
    with Store.open(f"sqlite:///{published_db}") as store:
        term = season_term(store)
    at = open_figures_page(lang)

    radio = at.radio(key="fig_period")
    assert radio.label == t("fig.period", lang)
    assert radio.value == "term"
    assert term.label() in at.caption[0].value
    in_groups = t("fig.col.group_work", lang)
    assert at.dataframe[0].value[in_groups].sum() > 0

    radio.set_value("range").run()  # the month before the term: nobody in a group yet
    before = term.start - dt.timedelta(days=1)
    at.date_input(key="fig_from").set_value(before - dt.timedelta(days=30)).run()
    at.date_input(key="fig_to").set_value(before).run()
    assert not at.exception, [e.value for e in at.exception]
    clients = at.dataframe[0].value
    assert clients[in_groups].sum() == 0
    reasons = at.dataframe[1].value[t("fig.col.clients", lang)]
    assert reasons.sum() == 0  # the client left on the term's second day

    at.date_input(key="fig_from").set_value(term.start + dt.timedelta(days=5)).run()
    assert at.error[0].value == t("fig.period.bad", lang)

    radio.set_value("month").run()
    at.selectbox(key="fig_year").set_value(term.start.year).run()
    at.selectbox(key="fig_month").set_value(term.start.month).run()
    assert not at.exception, [e.value for e in at.exception]
    reasons = at.dataframe[1].value[t("fig.col.clients", lang)]
    assert reasons.sum() == 1
