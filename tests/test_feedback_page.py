"""The Feedback page (fi "Palaute", sv "Respons"), driven headless with AppTest on the
published sample: opening a round shows its link and QR code once, three answers show the
group's results (fewer are withheld, saying why), paper answers and the leaders' evaluation
are saved, in Finnish and Swedish."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from planner.feedback.answers import Answer
from planner.feedback.rounds import hash_token
from planner.i18n import t
from planner.store import Store
from planner.store.feedback import Feedback, add_web_answer

REPO = Path(__file__).resolve().parents[1]
APP = str(REPO / "app.py")
FEEDBACK_PAGE = "planner/ui/feedback_page.py"
TIMEOUT_S = 60


@pytest.fixture
def db(published_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    path = tmp_path / "feedback.sqlite3"
    shutil.copy(published_db, path)
    url = f"sqlite:///{path}"
    monkeypatch.setenv("PLANNER_DB_URL", url)
    return url


def open_page(lang: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S).run()
    if lang != "fi":
        at.segmented_control(key="lang").set_value(lang).run()
    assert t("nav.feedback", lang) in [link.label for link in at.sidebar.get("page_link")]
    at.switch_page(FEEDBACK_PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def button(at: AppTest, key: str, lang: str):
    [found] = [b for b in at.button if b.label == t(key, lang)]
    return found


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_a_round_opened_on_the_page_shows_its_link_and_then_the_results(db, lang) -> None:
    at = open_page(lang)
    assert at.title[0].value == t("nav.feedback", lang)
    group_id = at.selectbox(key="feedback_group").value
    assert t("feedback.round.none", lang) in [c.value for c in at.caption]

    button(at, "feedback.round.open", lang).click().run()
    assert not at.exception, [e.value for e in at.exception]
    [link] = [c.value for c in at.code]
    assert "/feedback/" in link and "?lang=" in link
    [qr] = at.get("image")
    assert qr.captions == [t("feedback.round.qr", lang)]
    with Store.open(db) as store:
        [opened] = Feedback(store).rounds(group_id)
        token = link.split("/feedback/")[1].split("?")[0]
        assert len(token) >= 32
        for answer in (Answer(5, 4, 5, 4), Answer(4, 4, 4, 4)):
            assert add_web_answer(store, hash_token(token), answer)
    at.run()
    rule = t("feedback.results.rule", lang, n=3, source="")[:30]
    assert any(rule in i.value for i in at.info), [i.value for i in at.info]
    with Store.open(db) as store:
        assert add_web_answer(store, hash_token(token), Answer(3, 4, 3, 4, "Kahvia"))
    at.run()
    assert any(rule in i.value for i in at.info)  # three answers, but the round is open
    button(at, "feedback.round.close", lang).click().run()
    assert not at.exception, [e.value for e in at.exception]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[t("feedback.col.answers", lang)] == "3"
    assert metrics[t("feedback.col.commitment", lang)] == "4.0"
    assert metrics[t("feedback.col.recommend_share", lang)] == "67 %"
    assert "Kahvia" in [x.value for x in at.text]
    season_table = at.dataframe[-1].value
    assert season_table.iloc[-1, 0] == t("feedback.results.season", lang)
    assert opened.answers == 0  # read before the answers


def test_paper_answers_and_the_leaders_evaluation_are_saved(db) -> None:
    lang = "sv"
    at = open_page(lang)
    group_id = at.selectbox(key="feedback_group").value
    button(at, "feedback.round.open", lang).click().run()
    for name in ("satisfaction", "commitment", "recommend", "benefit"):
        at.radio(key=f"feedback_paper_{name}_{group_id}").set_value(4)
    at.text_area(key=f"feedback_paper_change_{group_id}").input("Längre pauser")
    button(at, "feedback.paper.add", lang).click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert t("feedback.paper.added", lang) in [s.value for s in at.success]

    at.text_area(key=f"feedback_eval_went_well_{group_id}").input("Utflykterna")
    at.text_area(key=f"feedback_eval_to_change_{group_id}").input("Börja tidigare")
    button(at, "feedback.eval.save", lang).click().run()
    assert t("feedback.eval.saved", lang) in [s.value for s in at.success]
    assert "Utflykterna" in [x.value for x in at.text]
    with Store.open(db) as store:
        feedback = Feedback(store)
        assert feedback.answers_by_group()[group_id] == [Answer(4, 4, 4, 4, "Längre pauser")]
        [evaluation] = feedback.evaluations(group_id)
        assert evaluation.to_change == "Börja tidigare"
        actions = [e["action"] for e in store.events(limit=3)]
        assert actions[:2] == ["feedback.evaluation", "feedback.paper"]
        assert "Utflykterna" not in str(store.events(limit=3))


def test_a_paper_answer_with_a_question_left_out_is_refused(db) -> None:
    at = open_page("fi")
    group_id = at.selectbox(key="feedback_group").value
    button(at, "feedback.round.open", "fi").click().run()
    at.radio(key=f"feedback_paper_satisfaction_{group_id}").set_value(5)
    button(at, "feedback.paper.add", "fi").click().run()
    assert t("feedback.error.scale", "fi") in [e.value for e in at.error]
    with Store.open(db) as store:
        assert Feedback(store).answers_by_group() == {}
