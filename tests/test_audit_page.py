"""The audit trail page: every recorded change, newest first, filterable; read-only."""

from __future__ import annotations

import shutil
from pathlib import Path

from streamlit.testing.v1 import AppTest

from planner.i18n import t
from planner.store import Enrolments, Store

APP = str(Path(__file__).resolve().parents[1] / "app.py")
PAGE = "planner/ui/audit_page.py"


def open_page(url: str, monkeypatch, lang: str = "en") -> AppTest:
    monkeypatch.setenv("PLANNER_DB_URL", url)
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_the_trail_lists_import_plan_publish_and_a_cancellation_newest_first(
    published_db, tmp_path, monkeypatch
):
    db = tmp_path / "planner.sqlite3"
    shutil.copy(published_db, db)
    url = f"sqlite:///{db}"
    with Store.open(url) as store:
        live = Enrolments(store)
        group = next(g for g, s in live.seats().items() if s.taken)
        live.cancel(group, live.participants(group)[0], actor="anna", reason="studies")
    at = open_page(url, monkeypatch)
    assert at.title[0].value == t("audit.title", "en")
    table = at.dataframe[0].value
    actions = table[t("audit.col.action", "en")].tolist()
    assert actions[0] == t("trail.action.enrolment.cancel", "en")
    assert table[t("audit.col.actor", "en")].tolist()[0] == "anna"
    words = {t(f"trail.action.{a}", "en") for a in ("season.import", "plan.save")}
    assert words | {t("trail.action.enrolment.publish", "en")} <= set(actions)
    plan_saved, imported = (t(f"trail.action.{a}", "en") for a in ("plan.save", "season.import"))
    assert actions.index(plan_saved) < actions.index(imported)  # newest first

    at.multiselect(key="audit_action").set_value(["season.import"]).run()
    assert at.dataframe[0].value[t("audit.col.action", "en")].tolist() == [imported]


def test_the_trail_speaks_the_pages_language_not_keys_or_json(published_db, tmp_path, monkeypatch):
    db = tmp_path / "planner.sqlite3"
    shutil.copy(published_db, db)
    url = f"sqlite:///{db}"
    with Store.open(url) as store:
        live = Enrolments(store)
        group = next(g for g, s in live.seats().items() if s.taken)
        live.cancel(group, live.participants(group)[0], actor="anna", reason="moved_to_work")
    at = open_page(url, monkeypatch, "sv")
    table = at.dataframe[0].value
    newest = table.iloc[0]
    assert newest[t("audit.col.action", "sv")] == "Platsen avslutad"
    detail = newest[t("audit.col.detail", "sv")]
    assert "orsak: fick arbete" in detail and "fortsatt väg: arbete" in detail
    assert f"grupp: {group}" in detail
    for text in (
        table[t("audit.col.action", "sv")].tolist() + table[t("audit.col.detail", "sv")].tolist()
    ):
        assert "{" not in text and "enrolment." not in text and "season." not in text


def test_an_empty_store_says_the_trail_is_empty(tmp_path, monkeypatch) -> None:
    at = open_page(f"sqlite:///{tmp_path / 'empty.sqlite3'}", monkeypatch, "sv")
    assert any(i.value == t("audit.empty", "sv") for i in at.info)
