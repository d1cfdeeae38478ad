"""The coverage and load dashboard, driven headless with AppTest: it shows the same figures as
the Excel report it offers for download."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from planner.i18n import t
from planner.insight import season_insight
from planner.insight.labels import label, sheet_name
from planner.store import Store
from planner.ui.dashboard_page import report_bytes

REPO = Path(__file__).resolve().parents[1]
APP = str(REPO / "app.py")
PAGE = "planner/ui/dashboard_page.py"
TIMEOUT_S = 90


def open_dashboard(db: Path, monkeypatch: pytest.MonkeyPatch, lang: str = "fi") -> AppTest:
    monkeypatch.setenv("PLANNER_DB_URL", f"sqlite:///{db}")
    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S).run()
    if lang != "fi":
        at.segmented_control(key="lang").set_value(lang).run()
    at.switch_page(PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def frame_with_column(at: AppTest, header: str) -> pd.DataFrame:
    return next(d.value for d in at.dataframe if header in d.value.columns)


def test_without_a_plan_the_page_says_so_and_links_to_planning(demo_db, monkeypatch) -> None:
    at = open_dashboard(demo_db, monkeypatch, "en")
    assert at.title[0].value == t("dash.title", "en")
    assert any("has no plan yet" in i.value for i in at.info)
    assert not at.dataframe


def test_the_dashboard_shows_the_reports_figures(planned_db, monkeypatch) -> None:
    at = open_dashboard(planned_db, monkeypatch, "sv")
    with Store.open(f"sqlite:///{planned_db}") as store:
        season, plan = store.load_season(), store.load_plan()
    insight = season_insight(season, plan, "sv")
    head = insight.headline()

    metrics = {m.label: m.value for m in at.metric}
    assert metrics[label("groups_scheduled", "sv")] == (
        f"{head['groups_scheduled']}/{head['groups_requested']}"
    )
    assert metrics[label("placed_share", "sv")] == f"{head['placed_share']:.0%}"

    # The coverage table on the page against the report's coverage sheet, cell by cell.
    shown = frame_with_column(at, label("seats_per_10k", "sv"))
    assert len(at.get("download_button")) == 1
    sheet = pd.read_excel(
        io.BytesIO(report_bytes(insight, season.name)), sheet_name=sheet_name("coverage", "sv")
    )
    assert list(sheet.columns) == list(shown.columns)
    place = label("municipality", "sv")
    assert sheet[place].tolist() == shown[place].tolist()
    assert "Hangö" in shown[place].tolist()
    for column in (
        label("groups_scheduled", "sv"),
        label("seats", "sv"),
        label("clients_placed", "sv"),
    ):
        assert sheet[column].tolist() == shown[column].tolist(), column
    for column in (label("seats_per_10k", "sv"), label("placed_share", "sv")):
        pd.testing.assert_series_equal(
            sheet[column].astype(float), shown[column].astype(float), check_names=False
        )

    # Those left out, with reasons, in Swedish.
    unscheduled = frame_with_column(at, label("priority", "sv"))
    assert len(unscheduled) == len(insight.unscheduled) > 0
    unplaced = frame_with_column(at, label("client_code", "sv"))
    assert len(unplaced) == len(insight.unplaced)
    assert unplaced[label("reason", "sv")].str.contains("grupp").any()


def test_the_dashboard_has_the_charts_and_the_coverage_map(planned_db, monkeypatch) -> None:
    at = open_dashboard(planned_db, monkeypatch, "en")
    charts = at.get("vega_lite_chart")
    assert len(charts) == 4  # seats, languages, travel, staff load
    assert len(at.get("deck_gl_json_chart")) == 1
    assert [s.value for s in at.subheader][:2] == [t("dash.coverage", "en"), t("dash.map", "en")]
