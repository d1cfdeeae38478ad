"""The "Find a group" page, driven headless with AppTest on the sample season and a greedy plan."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import test_browser
from appserver import CHROMIUM_ARGS
from page_ready import settled
from streamlit.testing.v1 import AppTest
from toys import leave_groups_at_the_same_hour

from planner import terms
from planner.cli.common import SAMPLE_SEASON_NAME
from planner.cli.season import prepare_demo_store
from planner.finder import Match, find_groups, profile_from_client
from planner.i18n import t
from planner.model import Season
from planner.rules import leaders_needed
from planner.store import Enrolments, Meetings, Store
from planner.ui.offering import outcome_message, published_plan_id

REPO = Path(__file__).resolve().parents[1]
APP = str(REPO / "app.py")
FIND_PAGE = "planner/ui/find_page.py"
TIMEOUT_S = 60
BEFORE_TERM = dt.date(2027, 1, 4)  # a Monday; the sample's term begins on 11 January 2027


def use_copy(db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    path = tmp_path / "planner.sqlite3"
    shutil.copy(db, path)
    url = f"sqlite:///{path}"
    monkeypatch.setenv("PLANNER_DB_URL", url)
    return url


@pytest.fixture
def published_url(published_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    return use_copy(published_db, tmp_path, monkeypatch)


@pytest.fixture
def planned_url(planned_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    return use_copy(planned_db, tmp_path, monkeypatch)


@pytest.fixture(scope="module")
def plan_venues(planned_db: Path) -> dict[str, str | None]:
    """Where each group of the greedy plan meets (None: remote)."""
    with Store.open(f"sqlite:///{planned_db}") as store:
        plan = store.load_plan()
    assert plan is not None
    return {p.group_id: p.venue_id for p in plan.placements}


@pytest.fixture(scope="module")
def season(planned_db: Path) -> Season:
    with Store.open(f"sqlite:///{planned_db}") as store:
        found = store.load_season()
    assert found is not None
    return found


def open_find_page(lang: str = "fi") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S).run()
    if lang != "fi":
        at.segmented_control(key="lang").set_value(lang).run()
    at.switch_page(FIND_PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def rerun(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def shown_groups(at: AppTest) -> list[str]:
    """Group ids of the result cards, in order (a card's title reads `**G-xxx · name**`)."""
    return [m.value[2:].split(" ")[0] for m in at.main.markdown if m.value.startswith("**G-")]


def captions(at: AppTest) -> list[str]:
    return [c.value for c in at.main.caption]


def enrollable(url: str, season: Season, full: bool) -> tuple[str, Match]:
    """A client who may take one more group, and a suitable group for them that is full or
    has a seat a one-leader group can still give (four participants at most)."""
    with Store.open(url) as store:
        live = Enrolments(store)
        seats = live.seats()
        leaders = {o.group_id: len(o.leaders) for o in live.offerings()}
        plan = store.load_plan()
        assert plan is not None
        # The live places, as the page sees them (other tests may have changed them since
        # the plan was published).
        active: dict[str, set[str]] = {}
        for o in live.offerings():
            for code in live.participants(o.group_id):
                active.setdefault(code, set()).add(o.group_id)
        for client in season.clients:
            mine = active.get(client.client_code, set())
            if len(mine) >= client.max_groups:
                continue
            matches = find_groups(
                season,
                plan,
                profile_from_client(client),
                member_of=mine,
                taken={g: s.taken for g, s in seats.items()},
                waiting={g: s.waiting for g, s in seats.items()},
            )
            for m in matches:
                room = leaders_needed(seats[m.group_id].taken + 1) <= leaders[m.group_id]
                if not m.member and m.full == full and (full or room):
                    return client.client_code, m
        # Every client with a group to spare is in one at the hour of each such group: one
        # leaves it first (a client is in one session at a time).
        for client in season.clients:
            mine = active.get(client.client_code, set())
            if len(mine) >= client.max_groups:
                continue
            matches = find_groups(
                season,
                plan,
                profile_from_client(client),
                member_of=mine,
                taken={g: s.taken for g, s in seats.items()},
                waiting={g: s.waiting for g, s in seats.items()},
                include_failed=True,
            )
            for m in matches:
                room = leaders_needed(seats[m.group_id].taken + 1) <= leaders[m.group_id]
                if m.failed_rules == ["clash"] and m.full == full and (full or room):
                    leave_groups_at_the_same_hour(url, m.group_id, client.client_code)
                    return client.client_code, m
    pytest.fail("the sample season has no such client")


def test_searching_by_code_for_a_client_who_needs_access_shows_only_accessible_groups(
    published_url, season, plan_venues
):
    at = open_find_page()
    at.selectbox(key="find_client").set_value("P-06")
    rerun(at)

    groups = shown_groups(at)
    assert groups, "no result cards"
    assert t("find.results", "fi", n=len(groups)) in {s.value for s in at.subheader}
    for group_id in groups:
        venue = season.venue.get(plan_venues[group_id] or "")
        assert venue is None or venue.accessible, group_id
    notes = captions(at)
    assert not [c for c in notes if t("find.card.not_accessible", "fi") in c]
    accessible = [c for c in notes if c.startswith(t("find.card.accessible", "fi"))]
    remote = [c for c in notes if c.startswith(t("find.card.remote", "fi"))]
    assert len(accessible) + len(remote) == len(groups)
    assert "G-017" in groups  # her own group: she is in it already, so no enrol button
    assert t("find.card.member", "fi") in {m.value.strip("*") for m in at.main.markdown}
    assert not [b for b in at.button if b.key == "find_enrol_G-017"]


def test_switching_to_swedish_shows_swedish_labels_on_the_cards(published_url):
    at = open_find_page()
    at.selectbox(key="find_client").set_value("P-06")
    rerun(at)
    at.segmented_control(key="lang").set_value("sv").run()
    assert not at.exception, [e.value for e in at.exception]

    assert at.title[0].value == t("find.title", "sv")
    assert at.selectbox(key="find_client").value == "P-06"
    notes = " ".join(captions(at))
    assert "Tema: språkträning" in notes
    assert t("find.card.accessible", "sv") in notes
    assert "med kollektivtrafik" in notes
    assert any(m.value.startswith("Tisdag") for m in at.main.markdown)
    assert t("find.history", "sv") in {s.value for s in at.subheader}


def test_describing_a_swedish_speaker_in_hanko_shows_only_swedish_groups(published_url, season):
    at = open_find_page()
    at.segmented_control(key="find_mode").set_value("describe").run()
    at.selectbox(key="find_municipality_fi").set_value("078")
    at.multiselect(key="find_languages_fi").set_value(["sv"])
    at.segmented_control(key="find_travel").set_value("car")
    rerun(at)

    groups = shown_groups(at)
    assert groups, "no Swedish group within an hour's drive of Hanko"
    assert {season.group[g].language for g in groups} == {"sv"}
    assert not {"G-001", "G-002"} & set(groups)  # in Hanko itself, but Finnish
    assert all(
        t("find.card.language", "fi") + ": ruotsi" in c
        for c in captions(at)
        if c.startswith(t("find.card.language", "fi"))
    )
    assert not [b for b in at.button if (b.key or "").startswith("find_enrol_")]
    assert t("find.enrol_needs_code", "fi") in captions(at)


def test_showing_groups_that_dont_fit_lists_what_fails(published_url):
    at = open_find_page("en")
    at.selectbox(key="find_client").set_value("P-06")
    at.toggle(key="find_show_failed").set_value(True)
    rerun(at)

    failed = at.main.dataframe[-1].value
    assert len(failed) > 0
    assert failed["Why not"].str.len().min() > 0
    assert "Swedish-speaking group" in " ".join(failed["Why not"])


def test_enrolling_in_a_group_with_free_seats_takes_a_seat_and_suggests_meetings(
    published_url, season, monkeypatch
):
    monkeypatch.setattr(terms, "local_today", lambda: BEFORE_TERM)
    code, match = enrollable(published_url, season, full=False)
    at = open_find_page("en")
    at.selectbox(key="find_client").set_value(code)
    rerun(at)
    at.button(key=f"find_enrol_{match.group_id}").click()
    rerun(at)

    with Store.open(published_url) as store:
        assert code in Enrolments(store).participants(match.group_id)
        before = [s for s in Meetings(store).suggest(match.group_id, code) if s.kind == "before"]
        plan = store.load_plan()
    assert plan is not None
    assert at.success[0].value.startswith(f"{code} is enrolled in {match.group_id} ")
    assert t("meetings.title", "en") in {m.value.strip("*") for m in at.main.markdown}
    history = at.main.dataframe[0].value
    assert match.group_id in set(history["Group"])
    leads = season.client[code].counsellor in plan.placement[match.group_id].leaders
    if leads:
        assert t("meetings.none_needed", "en") in captions(at)
    elif before:
        picker = at.selectbox(key=f"meetings_pick_before_{match.group_id}_{code}")
        assert len(picker.options) == min(len(before), 12)
    else:
        assert t("meetings.no_slot.before", "en") in captions(at)


def test_enrolling_in_a_full_group_puts_the_client_on_its_waiting_list(published_url, season):
    code, match = enrollable(published_url, season, full=True)
    at = open_find_page("en")
    at.selectbox(key="find_client").set_value(code)
    rerun(at)
    button = at.button(key=f"find_enrol_{match.group_id}")
    assert button.label == t("find.enrol_waiting", "en")
    button.click()
    rerun(at)

    with Store.open(published_url) as store:
        waiting = Enrolments(store).waiting_list(match.group_id)
        assert code not in Enrolments(store).participants(match.group_id)
    assert [w.client_code for w in waiting] == [code]
    assert at.info[0].value.endswith(f"{code} is on the waiting list, position 1.")
    assert t("find.card.waiting", "en", position=1) in captions(at)


def test_an_unpublished_plan_shows_its_groups_without_enrol_buttons_and_offers_to_publish(
    planned_url, season
):
    at = open_find_page("en")
    assert at.warning[0].value == t("find.not_published", "en")
    at.selectbox(key="find_client").set_value("P-06")
    rerun(at)
    assert shown_groups(at)
    assert not [b for b in at.button if (b.key or "").startswith("find_enrol_")]

    at.button(key="find_publish").click()
    rerun(at)
    with Store.open(planned_url) as store:
        assert Enrolments(store).seats()
    assert at.success[0].value.startswith("Plan no. ")
    assert [w.value for w in at.warning] == [
        t("find.at_max_groups", "en", client="P-06", n=1)  # the plan put her in G-017
    ]
    code, match = enrollable(planned_url, season, full=False)
    at.selectbox(key="find_client").set_value(code)
    rerun(at)
    assert at.button(key=f"find_enrol_{match.group_id}").label == t("find.enrol", "en")


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_a_plan_the_validator_rejects_is_not_published_and_says_why_in_the_pages_language(
    planned_url, season, monkeypatch, lang
):
    from planner import rules
    from planner.plan_check import PlanProblem
    from planner.store import PlanRejected

    problems = [
        PlanProblem("participant_days", "P-06", "in G-017 Mon 10:00-13:00, cannot come"),
        PlanProblem("two_leaders", "G-001", "no leader"),
    ]

    def refuse(self, plan_id=None, actor="cli"):
        raise PlanRejected("publish the plan", problems)

    monkeypatch.setattr(Enrolments, "publish", refuse)
    at = open_find_page(lang)
    at.button(key="find_publish").click()
    rerun(at)

    message = at.error[0].value
    assert message.startswith(t("plan.rejected.publish", lang, n=2))
    assert rules.rule_label("participant_days", lang) in message
    group = season.group["G-001"].display_name(lang)
    assert f"**{rules.rule_label('two_leaders', lang)}**: G-001 {group}" in message
    assert t("plan.rejected.clients", lang, n=1) in message
    assert "P-06" not in message and "cannot publish" not in message
    with Store.open(planned_url) as store:
        assert Enrolments(store).seats() == {}  # nothing was published


def test_a_season_without_a_plan_points_to_planning(tmp_path, monkeypatch):
    url = prepare_demo_store(f"sqlite:///{tmp_path / 'demo.sqlite3'}")
    monkeypatch.setenv("PLANNER_DB_URL", url)
    at = open_find_page()

    assert at.info[0].value == t("find.no_plan", "fi", season=SAMPLE_SEASON_NAME)
    assert not at.selectbox


def test_a_newer_saved_plan_is_named_and_can_be_published(published_url, season):
    with Store.open(published_url) as store:
        plan = store.load_plan()
        assert plan is not None
        published = published_plan_id(Enrolments(store).offerings())
        newer = store.save_plan(plan, {"status": "FEASIBLE"}, actor="test")
    at = open_find_page("en")

    assert at.info[0].value == t("find.newer_plan", "en", published=published, current=newer)
    at.button(key="find_publish").click()
    rerun(at)
    assert at.success[0].value.startswith(f"Plan no. {newer} was published")
    newer_note = t("find.newer_plan", "en", published=published, current=newer)
    assert newer_note not in [i.value for i in at.info]


@pytest.mark.parametrize(
    ("reason", "expected"),
    [
        ("needs_second_leader", "from five participants a group needs two leaders"),
        ("already_in_group", "already in as many groups as agreed"),
    ],
)
def test_a_refusal_names_its_reason_in_the_chosen_language(reason, expected):
    outcome = {"status": "refused", "group_id": "G-015", "client_code": "C-1", "reason": reason}
    kind, text = outcome_message(outcome, "Nepsy", "en")

    assert kind == "error"
    assert text.startswith("Not enrolled in G-015 Nepsy: ") and expected in text
    assert outcome_message(outcome, "Nepsy", "sv")[1].startswith("Inte inskriven i gruppen")


def test_a_client_who_cannot_attend_is_told_the_rule_in_the_chosen_language():
    outcome = {"status": "refused", "group_id": "G-016", "client_code": "C-1"}
    outcome["reason"] = "remote_consent"
    en = outcome_message(outcome, "Digi", "en")[1]
    fi = outcome_message(outcome, "Digi", "fi")[1]
    assert en == (
        "Not enrolled in G-016 Digi: the client cannot take part in the group's sessions: "
        "Remote participation only as agreed with the client, in hybrid and remote groups "
        "(handbook l. 456, 469, 473-474)"
    )
    assert "asiakas ei voi osallistua ryhmän tapaamisiin: Etäosallistuminen vain" in fi


@pytest.fixture
def app_with_offering(published_db: Path, tmp_path: Path) -> Iterator[str]:
    """The real app serving a copy of the published store; stopped whatever happens."""
    db = tmp_path / "planner.sqlite3"
    shutil.copy(published_db, db)
    yield from test_browser.serve(f"sqlite:///{db}", tmp_path)


@pytest.mark.browser
def test_in_a_browser_a_picked_client_gets_cards_with_an_enrol_button(
    chromium, app_with_offering, published_db, season, tmp_path
):
    from playwright.sync_api import expect, sync_playwright

    viewport = test_browser.VIEWPORT

    # The app serves its own copy of the store (`app_with_offering`): pick the client there,
    # where a clashing place may be left first.
    code, match = enrollable(f"sqlite:///{tmp_path / 'planner.sqlite3'}", season, full=False)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport=viewport)
            page.goto(f"{app_with_offering}/find", wait_until="domcontentloaded")
            heading = page.get_by_role("heading", name=t("find.title", "fi"))
            expect(heading).to_be_visible(timeout=30_000)
            page.get_by_test_id("stSelectbox").first.click()
            page.keyboard.type(code)
            page.keyboard.press("Enter")
            results = t("find.results", "fi", n=0).split("(")[0]
            expect(page.get_by_role("heading", name=results)).to_be_visible(timeout=15_000)
            expect(page.get_by_text(f"{match.group_id} · ").first).to_be_visible()
            enrol = page.get_by_role("button", name=t("find.enrol", "fi"))
            expect(enrol.first).to_be_visible()
            height = page.get_by_test_id("stMain").evaluate("main => main.scrollHeight")
            page.set_viewport_size({"width": viewport["width"], "height": max(height, 600)})
            settled(page)
            shot = tmp_path / "find_page.png"
            page.screenshot(path=str(shot), full_page=True)
        finally:
            browser.close()

    assert shot.stat().st_size > 10_000
    for_humans = REPO / "test-output" / "find_page.png"
    for_humans.parent.mkdir(exist_ok=True)
    shutil.copy(shot, for_humans)


def test_a_group_chosen_in_the_calendar_is_shown_first(published_url):
    at = open_find_page()
    at.selectbox(key="find_client").set_value("P-06")
    rerun(at)
    last = shown_groups(at)[-1]
    at.session_state["find_group"] = last
    rerun(at)
    assert shown_groups(at)[0] == last
    assert t("find.wanted_first", "fi", group=last) in {i.value for i in at.info}


def test_a_group_chosen_in_the_calendar_that_does_not_suit_says_why(published_url, season):
    swedish = next(g.group_id for g in season.groups if g.language == "sv")
    at = open_find_page()
    at.selectbox(key="find_client").set_value("P-06")
    rerun(at)
    at.session_state["find_group"] = swedish
    rerun(at)
    assert swedish not in shown_groups(at)
    assert [w for w in at.warning if w.value.startswith(f"Ryhmä {swedish} ei sovi")]


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_a_refusal_for_a_group_at_the_same_hour_names_the_other_group_in_the_language(lang):
    from planner import rules

    outcome = {
        "status": "refused",
        "group_id": "G-002",
        "client_code": "P-01",
        "reason": "client_overlap",
        "other": "G-001",
        "message": "P-01 cannot take part in G-002: it meets at the same time as G-001",
    }
    kind, message = outcome_message(outcome, "Taideryhmä", lang)
    rule = rules.RULES["client_overlap"].label(lang)
    assert kind == "error"
    assert t("refusal.client_overlap", lang, other="G-001", rule=rule) in message
    assert "cannot take part" not in message
