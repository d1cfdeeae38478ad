"""The head-count form of a drop-in pop-up group on the My groups page (AppTest), in Finnish
and Swedish: a count is stored, a negative or absurd one is refused in the page's language and
nothing is stored (handbook l. 355, 366)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from test_drop_in import HELD, TODAY, drop_in_plan, drop_in_toy  # pytest puts tests/ on the path
from toys import SUMMARY

from planner import terms
from planner.i18n import t
from planner.store import Enrolments, GroupRecords, Store
from planner.store.meetings import MAX_VISITORS
from planner.ui import common

APP = str(Path(__file__).resolve().parents[1] / "app.py")
TIMEOUT_S = 60


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The published toy with its pop-up G3 drop-in, the app pointed at it, today 22.1.2026."""
    url = f"sqlite:///{tmp_path / 'planner.sqlite3'}"
    with Store.open(url) as store:
        store.import_season(drop_in_toy(), "toy")
        store.save_plan(drop_in_plan(), SUMMARY)
        Enrolments(store).publish(actor="test")
    monkeypatch.setenv("PLANNER_DB_URL", url)
    monkeypatch.setattr(terms, "local_today", lambda: TODAY)
    yield url


def g3_page(lang: str) -> AppTest:
    """My groups on G3, in `lang` (single-user mode: the coordinator sees every group)."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S)
    at.secrets["planner"] = {"recheck_hours": 0}
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(common.PAGE_FILES["groups"]).run()
    at.selectbox(key="groups_group").set_value("G3").run()
    assert not at.exception, [e.value for e in at.exception]
    assert t("groups.drop_in_help", lang) in [c.value for c in at.caption]
    return at


def record(at: AppTest, lang: str, visitors: int) -> None:
    at.selectbox(key="groups_count_day_G3").set_value(HELD)
    at.number_input(key="groups_visitors_G3").set_value(visitors)
    button = next(b for b in at.button if b.label == t("groups.record_count", lang))
    button.click().run()
    assert not at.exception, [e.value for e in at.exception]


def stored(url: str) -> dict[dt.date, int]:
    with Store.open(url) as store:
        return GroupRecords(store).head_counts("G3")


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_a_head_count_recorded_on_the_page_is_stored(url: str, lang: str) -> None:
    at = g3_page(lang)
    record(at, lang, 7)
    assert stored(url) == {HELD: 7}
    day = f"{HELD.day}.{HELD.month}.{HELD.year}"
    assert t("groups.count_recorded", lang, day=day, n=7) in [s.value for s in at.success]
    table = at.dataframe[-1].value
    assert list(table[t("groups.visitors", lang)]) == [7]
    with Store.open(url) as store:
        assert store.events(1)[0]["action"] == "attendance.head_count"


@pytest.mark.parametrize(
    ("lang", "words"), [("fi", "Mitään ei tallennettu"), ("sv", "Inget sparades")]
)
@pytest.mark.parametrize("visitors", [-3, MAX_VISITORS + 1, 5000])
def test_a_negative_or_absurd_head_count_is_refused_in_the_pages_language(
    url: str, lang: str, words: str, visitors: int
) -> None:
    at = g3_page(lang)
    record(at, lang, visitors)
    errors = [e.value for e in at.error]
    assert t("groups.count_refused", lang, n=visitors, max=MAX_VISITORS) in errors
    assert any(words in e for e in errors)
    assert stored(url) == {}
