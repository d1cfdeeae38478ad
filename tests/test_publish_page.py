"""The Plan page's publishing part, driven headless: the diff over a live offering, a choice
for each client who could not attend, the button disabled until each is decided, and a
refusal in the page's language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from toys import SUMMARY, stranding_toy, toy_plan

from planner import rules
from planner.i18n import t
from planner.store import Enrolments, Store

REPO = Path(__file__).resolve().parents[1]
APP = str(REPO / "app.py")
PLAN_PAGE = "planner/ui/plan_page.py"
CHOICE = "publish_choice_2_C01_G1"


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The toy plan published, C27 waiting for a full G1, the Tuesday re-plan saved."""
    url = f"sqlite:///{tmp_path / 'planner.sqlite3'}"
    season, moved = stranding_toy()
    with Store.open(url) as store:
        store.import_season(season, source="toy")
        store.save_plan(toy_plan(), SUMMARY)
        live = Enrolments(store)
        live.publish(actor="coordinator")
        store.save_plan(moved, SUMMARY)
    monkeypatch.setenv("PLANNER_DB_URL", url)
    yield url


def open_page(lang: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60).run()
    if lang != "fi":
        at.segmented_control(key="lang").set_value(lang).run()
    at.switch_page(PLAN_PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_diff_is_shown_and_publish_waits_for_a_decision(url: str, lang: str) -> None:
    at = open_page(lang)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[t("publish.metric.moved", lang)] == "1"
    assert metrics[t("publish.metric.leaders", lang)] == "1"
    assert metrics[t("publish.metric.stranded", lang)] == "1"
    frames = [d.value for d in at.dataframe]
    clients = next(f for f in frames if t("publish.col.client", lang) in f.columns)
    assert sorted(clients[t("publish.col.client", lang)]) == ["C01", "C02", "C03"]
    assert at.button(key="plan_publish").disabled
    box = at.selectbox(key=CHOICE)
    assert box.options == [
        t("publish.choice.none", lang),
        t("publish.choice.keep", lang),
        t("publish.choice.end", lang),
        t("publish.choice.move", lang, group="G2", name="Taideryhmä"),
    ]
    assert rules.rule_label("participant_days", lang) in box.label

    box.set_value("move:G2").run()
    assert not at.button(key="plan_publish").disabled
    at.button(key="plan_publish").click().run()
    assert not at.exception, [e.value for e in at.exception]

    with Store.open(url) as store:
        assert "C01" in Enrolments(store).participants("G2")
    done = t("publish.done", lang, plan_id=2, groups=4, moved=1, kept=0, ended=0, dropped=0)
    assert done in [m.value for m in at.success]


def test_a_refused_publish_reads_in_the_pages_language(url: str) -> None:
    """A publish refused by the store (here: the move's group filled up meanwhile, or no
    decision given) is rendered in the page's language, without the English message."""
    from planner.store import Resolution, ResolutionRefused, StrandedClients
    from planner.ui.publish_panel import refusal_markdown

    with Store.open(url) as store:
        season = store.load_season()
        live = Enrolments(store)
        with pytest.raises(StrandedClients) as stranded:
            live.publish()
        for code in ("C28", "C29", "C30"):
            assert live.enrol("G2", code, actor="anna").ok
        with pytest.raises(ResolutionRefused) as refused:
            live.publish(resolutions={("C01", "G1"): Resolution("move", target="G2")})
    for lang in ("fi", "sv", "en"):
        text = refusal_markdown(stranded.value, season, lang)
        assert text.startswith(t("publish.refused", lang, n=1))
        assert "C01" in text and rules.rule_label("participant_days", lang) in text
        text = refusal_markdown(refused.value, season, lang)
        assert t("publish.reason.full", lang) in text and "G2 Taideryhmä" in text
    for text in (
        refusal_markdown(stranded.value, season, "sv"),
        refusal_markdown(refused.value, season, "sv"),
    ):
        assert "cannot" not in text and "Traceback" not in text
