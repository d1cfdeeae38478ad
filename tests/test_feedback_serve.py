"""The feedback form on a phone: `planner serve` answers `GET /feedback/<token>` with an
accessible HTML form in fi, sv or en and stores one anonymous answer per `POST`, driven
through Starlette's TestClient. A wrong value gets the form back and stores nothing; a
closed or unknown round is a plain 404 page; no cookie, a CSP that posts only to self.
A property test: any posted form stores exactly one valid answer, or nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from html.parser import HTMLParser
from urllib.parse import urlencode

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient
from toys import SUMMARY, toy_plan, toy_season

from planner.calendar.serve import HEADERS, MAX_FORM_BYTES, create_app
from planner.feedback.answers import SCALES, Answer
from planner.feedback.page import CSP
from planner.feedback.rounds import open_round
from planner.i18n import t
from planner.store import Enrolments, Store
from planner.store.feedback import Feedback
from planner.store.schema import FeedbackAnswerRow

VALID = {"satisfaction": "5", "commitment": "4", "recommend": "4", "benefit": "3"}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("feedback_serve") / "planner.sqlite3"
    with Store.open(f"sqlite:///{path}") as opened:
        opened.import_season(toy_season("published"), source="toy")
        opened.save_plan(toy_plan(), SUMMARY, actor="coordinator")
        Enrolments(opened).publish(actor="coordinator")
        yield opened


@pytest.fixture(scope="module")
def client(store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(store)) as made:
        yield made


def answers(store: Store) -> list[tuple]:
    with store.engine.connect() as conn:
        return [
            tuple(r)
            for r in conn.execute(
                sa.select(
                    FeedbackAnswerRow.round_id,
                    *(getattr(FeedbackAnswerRow, s) for s in SCALES),
                    FeedbackAnswerRow.change,
                ).order_by(FeedbackAnswerRow.id)
            )
        ]


class Form(HTMLParser):
    """What an assistive technology sees of the page: its language, the fieldsets with
    their legends, every input's label, and the form's action."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.lang = None
        self.legends: list[str] = []
        self.fieldsets = 0
        self.radios_in_labels = 0
        self.radios = 0
        self.labels_for: set[str] = set()
        self.ids: set[str] = set()
        self.action = None
        self.scripts = 0
        self._in = {"legend": False, "label": False}
        self.text = ""
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "fieldset":
            self.fieldsets += 1
        if tag in self._in:
            self._in[tag] = True
            if tag == "legend":
                self.legends.append("")
            if tag == "label" and "for" in a:
                self.labels_for.add(a["for"])
        if tag == "input" and a.get("type") == "radio":
            self.radios += 1
            self.radios_in_labels += self._in["label"]
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "form":
            self.action = a.get("action")
        if tag == "script":
            self.scripts += 1

    def handle_endtag(self, tag):
        if tag in self._in:
            self._in[tag] = False

    def handle_data(self, data):
        self.text += data
        if self._in["legend"]:
            self.legends[-1] += data


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_form_is_served_accessible_in_the_asked_language(store, client, lang) -> None:
    new = open_round(store, "G1", actor="anna")
    response = client.get(f"/feedback/{new.token}?lang={lang}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["content-security-policy"] == CSP
    assert "form-action 'self'" in CSP and "script-src" not in CSP
    assert all(response.headers[k] == v for k, v in HEADERS.items())
    assert "set-cookie" not in response.headers
    form = Form(response.text)
    assert form.lang == lang and form.scripts == 0
    assert form.fieldsets == len(SCALES) == len(form.legends)
    assert form.legends == [t(f"feedback.q.{s}", lang) for s in SCALES]
    assert form.radios == 5 * len(SCALES) == form.radios_in_labels
    assert "change" in form.labels_for and "change" in form.ids
    assert form.action == f"/feedback/{new.token}"
    assert t("feedback.q.change_hint", lang) in form.text
    assert "Luontoryhmä" in form.text


def test_the_group_s_language_is_the_default(store, client) -> None:
    new = open_round(store, "G3", actor="bo")  # a Swedish-speaking pop-up
    form = Form(client.get(f"/feedback/{new.token}").text)
    assert form.lang == "sv" and form.legends[0] == t("feedback.q.satisfaction", "sv")
    assert Form(client.get(f"/feedback/{new.token}?lang=xx").text).lang == "sv"


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_a_posted_answer_is_stored_once_and_thanked_for(store, client, lang) -> None:
    new = open_round(store, "G1", actor="anna")
    before = len(answers(store))
    response = client.post(
        f"/feedback/{new.token}", data={**VALID, "change": "Mer kaffe", "lang": lang}
    )
    assert response.status_code == 200 and "set-cookie" not in response.headers
    assert t("feedback.thanks.title", lang) in response.text
    assert Form(response.text).lang == lang
    assert answers(store)[before:] == [(new.round.id, 5, 4, 4, 3, "Mer kaffe")]


@pytest.mark.parametrize("lang", ["fi", "sv"])
@pytest.mark.parametrize(
    "wrong",
    [{"benefit": "6"}, {"satisfaction": ""}, {"recommend": "x"}, {"change": "y" * 1001}],
)
def test_an_invalid_answer_gets_the_form_back_and_stores_nothing(
    store, client, lang, wrong
) -> None:
    new = open_round(store, "G1", actor="anna")
    before = answers(store)
    response = client.post(f"/feedback/{new.token}", data={**VALID, **wrong, "lang": lang})
    assert response.status_code == 400
    form = Form(response.text)
    assert form.lang == lang and t("feedback.error.title", lang) in form.text
    assert 'name="commitment" value="4" required checked' in response.text  # kept
    assert answers(store) == before


def test_a_missing_question_is_refused(store, client) -> None:
    new = open_round(store, "G1", actor="anna")
    before = answers(store)
    response = client.post(f"/feedback/{new.token}", data={"satisfaction": "5"})
    assert response.status_code == 400 and answers(store) == before


def test_too_large_or_not_form_encoded_bodies_are_refused_unread(store, client) -> None:
    new = open_round(store, "G1", actor="anna")
    before = answers(store)
    big = urlencode({**VALID, "change": "x" * (MAX_FORM_BYTES + 1)})
    path = f"/feedback/{new.token}"
    form_type = {"content-type": "application/x-www-form-urlencoded"}
    assert client.post(path, content=big, headers=form_type).status_code == 413
    assert client.post(path, json=VALID).status_code == 415
    assert client.post(path, content=b"benefit=\xff", headers=form_type).status_code == 400
    assert answers(store) == before


def test_a_closed_or_unknown_round_is_a_plain_404_page(store, client) -> None:
    new = open_round(store, "G1", actor="anna")
    Feedback(store).close_round(new.round.id, actor="anna")
    before = answers(store)
    for path in (f"/feedback/{new.token}", "/feedback/" + "A" * 43, "/feedback/short"):
        got = client.get(path + "?lang=sv")
        assert got.status_code == 404 and t("feedback.closed.title", "sv") in got.text
        assert got.headers["content-security-policy"] == CSP
        assert client.post(path, data=VALID).status_code == 404
    assert answers(store) == before


def test_an_expired_round_is_closed_to_the_link(store, client, monkeypatch) -> None:
    new = open_round(store, "G1", actor="anna", days=1)
    monkeypatch.setenv("PLANNER_TODAY", (new.round.closes_on + dt.timedelta(1)).isoformat())
    assert client.get(f"/feedback/{new.token}").status_code == 404
    assert client.post(f"/feedback/{new.token}", data=VALID).status_code == 404


def test_the_calendar_feeds_still_answer_404_for_an_unknown_token(client) -> None:
    assert client.get("/ics/" + "A" * 32 + ".ics").status_code == 404


# --- any posted form: one valid answer, or nothing ---

scale_value = st.one_of(
    st.sampled_from(["1", "2", "3", "4", "5"]),
    st.sampled_from(["", "0", "6", "-1", "3.5", " 4", "five", "1e0", "٣"]),
    st.text(max_size=4),
)
fields = st.dictionaries(
    st.sampled_from([*SCALES, "change", "lang", "other"]),
    st.lists(st.one_of(scale_value, st.text(max_size=40)), min_size=0, max_size=2),
    max_size=7,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(posted=fields)
def test_any_posted_form_stores_one_valid_answer_or_nothing(store, client, posted) -> None:
    new = open_round(store, "G4", actor="anna")
    body = urlencode([(k, v) for k, values in posted.items() for v in values])
    response = client.post(
        f"/feedback/{new.token}",
        content=body.encode(),
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    stored = [a for a in answers(store) if a[0] == new.round.id]
    assert response.status_code in (200, 400)
    if response.status_code == 200:
        [(_, *scores, change)] = stored
        answer = Answer(*scores, change=change)  # valid, or it raises
        for name, value in zip(SCALES, scores, strict=True):
            assert posted[name] == [str(value)] or [v.strip() for v in posted[name]] == [str(value)]
        assert change is None or change in "".join(posted.get("change", []))
        assert answer.change == change
    else:
        assert stored == []


# --- WCAG 2.1 AA of the phone form (axe-core in headless Chromium) ---


@pytest.mark.browser
@pytest.mark.accessibility
@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_phone_form_has_no_serious_or_critical_wcag_violation(lang) -> None:
    import os

    from appserver import CHROMIUM, CHROMIUM_ARGS
    from test_accessibility import AXE, BLOCKING, RUN_AXE, WCAG_21_AA

    from planner.feedback.page import form_page

    if not CHROMIUM.exists() or not AXE.exists():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("Chromium and axe-core are required under CI=true")
        pytest.skip("Chromium or axe-core is not installed")
    from playwright.sync_api import sync_playwright

    pages = {
        "form": form_page("Luontoryhmä", lang, "/feedback/x"),
        "error": form_page("Luontoryhmä", lang, "/feedback/x", error="feedback.error.scale"),
    }
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 390, "height": 844})  # a phone
            found = {}
            for name, html in pages.items():
                page.set_content(html)
                page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
                problems = [
                    v for v in page.evaluate(RUN_AXE, WCAG_21_AA) if v["impact"] in BLOCKING
                ]
                if problems:
                    found[name] = problems
        finally:
            browser.close()
    assert not found, found
