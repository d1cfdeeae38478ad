"""The service timeline on the pages (AppTest): the counsellor's Changes page reminds of their
clients' evaluations due in the next 14 days and the overdue ones (l. 646-650), in fi and sv,
and nobody else's; Find a group warns when a group runs past the client's decision."""

from __future__ import annotations

import datetime as dt

import pytest
from test_auth_pages import (
    app_as,
    live_url,  # noqa: F401 (a fixture)
    person,
    signed_in,  # noqa: F401 (a fixture)
    texts,
)
from test_find_page import (  # pytest puts tests/ on the path
    BEFORE_TERM,
    enrollable,
    open_find_page,
    published_url,  # noqa: F401 (a fixture)
    rerun,
    season,  # noqa: F401 (a fixture)
)

from planner import access, terms
from planner.i18n import t
from planner.store import Enrolments, Store, Timelines
from planner.timeline import Timeline
from planner.ui import common

TODAY = dt.date(2027, 3, 25)


def _counsellor_and_clients(url: str) -> tuple[str, list[str], str]:
    """A counsellor with two clients, and a client of another counsellor."""
    with Store.open(url) as store:
        season = store.load_season()
    assert season is not None
    by: dict[str, list[str]] = {}
    for c in season.clients:
        by.setdefault(c.counsellor, []).append(c.client_code)
    counsellor = next(s for s, codes in by.items() if len(codes) >= 2)
    other = next(codes[0] for s, codes in by.items() if s != counsellor)
    return counsellor, by[counsellor][:2], other


@pytest.mark.parametrize(
    ("lang", "overdue", "coming", "first"),
    [
        ("fi", "Myöhässä", "Tulossa", "Väliarviointi (3 kk)"),
        ("sv", "Försenad", "Kommande", "Mellanutvärdering (3 mån)"),
    ],
)
def test_the_counsellor_sees_their_clients_evaluations_due_and_overdue(
    signed_in,  # noqa: F811
    live_url,  # noqa: F811
    monkeypatch,
    lang: str,
    overdue: str,
    coming: str,
    first: str,
) -> None:
    monkeypatch.setattr(terms, "local_today", lambda: TODAY)
    counsellor, (late, soon), other = _counsellor_and_clients(live_url)
    with Store.open(live_url) as store:
        timelines = Timelines(store)
        # late: the 3-month evaluation was due on 1 Feb 2027; soon: due on 1 Apr 2027
        timelines.record(late, start=dt.date(2026, 11, 1), actor="anna")
        timelines.record(soon, start=dt.date(2027, 1, 1), actor="anna")
        timelines.record(other, start=dt.date(2027, 1, 1), actor="anna")
    at = app_as(live_url, monkeypatch, person("w@hyvil.fi", access.WORKER, staff_id=counsellor))
    at.query_params["lang"] = lang
    at.switch_page(common.PAGE_FILES["changes"]).run()
    assert not at.exception, [e.value for e in at.exception]
    assert t("timeline.due.title", lang) in [h.value for h in at.subheader]
    frame = at.dataframe[-1].value
    rows = list(
        zip(
            frame[t("timeline.due.col.client", lang)],
            frame[t("timeline.due.col.evaluation", lang)],
            frame[t("timeline.due.col.date", lang)],
            frame[t("timeline.due.col.state", lang)],
            strict=True,
        )
    )
    assert rows == [(late, first, "1.2.2027", overdue), (soon, first, "1.4.2027", coming)]
    assert other not in str(frame)


def test_a_counsellor_whose_clients_have_no_evaluations_soon_is_told_so(
    signed_in,  # noqa: F811
    live_url,  # noqa: F811
    monkeypatch,
) -> None:
    monkeypatch.setattr(terms, "local_today", lambda: TODAY)
    counsellor, (client, _), _ = _counsellor_and_clients(live_url)
    with Store.open(live_url) as store:  # the 3-month evaluation is held, the 6-month far off
        Timelines(store).record(client, start=dt.date(2026, 12, 1), held=[3], actor="anna")
    at = app_as(live_url, monkeypatch, person("w@hyvil.fi", access.WORKER, staff_id=counsellor))
    at.query_params["lang"] = "sv"
    at.switch_page(common.PAGE_FILES["changes"]).run()
    assert not at.exception, [e.value for e in at.exception]
    assert t("timeline.due.none", "sv", days=14) in texts(at)


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_find_a_group_warns_on_the_card_and_after_enrolling_past_the_decision(
    published_url,  # noqa: F811
    season,  # noqa: F811
    monkeypatch,
    lang: str,
) -> None:
    """A service started in June 2026 has its decision up to 30 Nov 2026, before the
    sample's term (from 11 Jan 2027): a group with a term runs past it, a pop-up does not."""
    monkeypatch.setattr(terms, "local_today", lambda: BEFORE_TERM)
    code, match = enrollable(published_url, season, full=False)
    timeline = Timeline(code, dt.date(2026, 6, 1))
    with Store.open(published_url) as store:
        Timelines(store).record(code, start=timeline.start, actor="anna")
    warned = season.group[match.group_id].weeks is not None
    said = timeline.warning_text("past_decision", lang)
    at = open_find_page(lang)
    at.selectbox(key="find_client").set_value(code)
    rerun(at)
    cards = " ".join(m.value for m in at.main.markdown)
    assert (said in cards) == warned
    at.button(key=f"find_enrol_{match.group_id}").click()
    rerun(at)
    with Store.open(published_url) as store:
        assert code in Enrolments(store).participants(match.group_id)  # warned, not refused
    assert (said in [w.value for w in at.warning]) == warned


def test_a_move_on_the_find_page_warns_past_the_decision_in_swedish(
    signed_in,  # noqa: F811
    live_url,  # noqa: F811
    monkeypatch,
) -> None:
    from test_places import client_with_a_move, open_client

    code, old, new = client_with_a_move(live_url)
    with Store.open(live_url) as store:
        Timelines(store).record(code, start=dt.date(2026, 6, 1), actor="anna")
        warned = store.load_season().group[new].weeks is not None
    at = app_as(live_url, monkeypatch, person("worker@hyvil.fi", access.WORKER))
    at.query_params["lang"] = "sv"
    open_client(at, code)
    at.selectbox(key=f"places_target_{old}").set_value(new).run()
    at.button(key=f"places_move_{old}").click().run()
    assert not at.exception, [e.value for e in at.exception]
    said = Timeline(code, dt.date(2026, 6, 1)).warning_text("past_decision", "sv")
    assert (said in [w.value for w in at.warning]) == warned
    with Store.open(live_url) as store:
        assert code in Enrolments(store).participants(new)


@pytest.mark.parametrize(
    ("lang", "done"), [("fi", "Merkitty pidetyksi"), ("sv", "Markerad som hållen")]
)
def test_the_counsellor_marks_an_evaluation_held_on_the_changes_page(
    signed_in,  # noqa: F811
    live_url,  # noqa: F811
    monkeypatch,
    lang: str,
    done: str,
) -> None:
    monkeypatch.setattr(terms, "local_today", lambda: TODAY)
    counsellor, (late, soon), _ = _counsellor_and_clients(live_url)
    with Store.open(live_url) as store:
        Timelines(store).record(late, start=dt.date(2026, 11, 1), actor="anna")
        Timelines(store).record(soon, start=dt.date(2027, 1, 1), actor="anna")
    at = app_as(live_url, monkeypatch, person("w@hyvil.fi", access.WORKER, staff_id=counsellor))
    at.query_params["lang"] = lang
    at.switch_page(common.PAGE_FILES["changes"]).run()
    choice = at.selectbox(key="changes_held_choice")
    assert choice.value == f"{late}:3"  # the earliest first
    next(b for b in at.button if b.label == t("timeline.held.mark", lang)).click().run()
    assert not at.exception, [e.value for e in at.exception]

    assert any(done in s.value for s in at.success)
    with Store.open(live_url) as store:
        assert Timelines(store).get(late).held == (3,)
        assert Timelines(store).get(soon).held == ()
    clients = list(at.dataframe[-1].value[t("timeline.due.col.client", lang)])
    assert clients == [soon]


def test_a_leader_sees_no_button_to_mark_evaluations(
    signed_in,  # noqa: F811
    live_url,  # noqa: F811
    monkeypatch,
) -> None:
    monkeypatch.setattr(terms, "local_today", lambda: TODAY)
    counsellor, (late, _), _ = _counsellor_and_clients(live_url)
    with Store.open(live_url) as store:
        Timelines(store).record(late, start=dt.date(2026, 11, 1), actor="anna")
    at = app_as(live_url, monkeypatch, person("l@hyvil.fi", access.LEADER, staff_id=counsellor))
    at.switch_page(common.PAGE_FILES["changes"]).run()
    assert not at.exception, [e.value for e in at.exception]
    assert not [b for b in at.button if b.label == t("timeline.held.mark", "en")]


def _client_in_a_group(url: str) -> tuple[str, str, str]:
    """A client holding a place, with a service started on 1 Nov 2026; their counsellor and
    the group."""
    with Store.open(url) as store:
        live = Enrolments(store)
        season = store.load_season()
        group = next(g for g in sorted(live.seats()) if live.participants(g))
        code = live.participants(group)[0]
        Timelines(store).record(code, start=dt.date(2026, 11, 1), actor="anna")
    return code, season.client[code].counsellor, group


def _client_page(url: str, monkeypatch, staff_id: str, code: str, lang: str = "en"):
    """Find a group with the client chosen, as the worker with `staff_id`."""
    from test_places import open_client

    at = app_as(url, monkeypatch, person("w@hyvil.fi", access.WORKER, staff_id=staff_id))
    at.query_params["lang"] = lang
    return open_client(at, code)


@pytest.mark.parametrize(
    ("lang", "said"), [("fi", "Palvelun päättyminen kirjattu"), ("sv", "Tjänstens slut antecknat")]
)
def test_the_clients_own_worker_records_the_end_of_the_service(
    signed_in,  # noqa: F811
    live_url,  # noqa: F811
    monkeypatch,
    lang: str,
    said: str,
) -> None:
    monkeypatch.setattr(terms, "local_today", lambda: TODAY)
    code, counsellor, group = _client_in_a_group(live_url)
    at = _client_page(live_url, monkeypatch, counsellor, code, lang)
    key = f"client_end_{code}"
    at.date_input(key=f"{key}_on").set_value(TODAY)
    at.selectbox(key=f"{key}_reason").set_value("moved_to_work")
    next(b for b in at.button if b.label == t("timeline.form.record_end", lang)).click().run()
    assert not at.exception, [e.value for e in at.exception]

    assert any(said in s.value and group in s.value for s in at.success)
    with Store.open(live_url) as store:
        ended = Timelines(store).get(code)
        assert (ended.ended_on, ended.end_reason, ended.follow_up) == (
            TODAY,
            "moved_to_work",
            "work",
        )
        assert code not in Enrolments(store).participants(group)


def test_the_end_without_a_day_is_refused_in_swedish_and_nothing_changes(
    signed_in,  # noqa: F811
    live_url,  # noqa: F811
    monkeypatch,
) -> None:
    monkeypatch.setattr(terms, "local_today", lambda: TODAY)
    code, counsellor, group = _client_in_a_group(live_url)
    at = _client_page(live_url, monkeypatch, counsellor, code, "sv")
    at.selectbox(key=f"client_end_{code}_reason").set_value("other")
    next(b for b in at.button if b.label == t("timeline.form.record_end", "sv")).click().run()
    assert t("timeline.form.end_needs_day", "sv") in [e.value for e in at.error]
    with Store.open(live_url) as store:
        assert not Timelines(store).get(code).ended
        assert code in Enrolments(store).participants(group)


def test_another_workers_client_shows_no_end_form(
    signed_in,  # noqa: F811
    live_url,  # noqa: F811
    monkeypatch,
) -> None:
    code, counsellor, _ = _client_in_a_group(live_url)
    with Store.open(live_url) as store:
        other = next(p.staff_id for p in store.load_season().staff if p.staff_id != counsellor)
    at = _client_page(live_url, monkeypatch, other, code)
    assert not [b for b in at.button if b.label == t("timeline.form.record_end", "en")]
    assert access.may_end_service(access.single_user(), counsellor)


def test_find_a_group_offers_no_enrolment_once_the_service_has_ended(
    signed_in,  # noqa: F811
    live_url,  # noqa: F811
    monkeypatch,
) -> None:
    monkeypatch.setattr(terms, "local_today", lambda: TODAY)
    code, counsellor, _ = _client_in_a_group(live_url)
    with Store.open(live_url) as store:
        ended = Timelines(store).end(code, TODAY, "studies", actor="anna", today=TODAY).timeline
    at = _client_page(live_url, monkeypatch, counsellor, code, "sv")
    said = ended.warning_text("service_ended", "sv")
    assert said in [w.value for w in at.warning]
    assert not [b for b in at.button if (b.key or "").startswith("find_enrol_")]
    assert t("timeline.form.reopen", "sv") in [b.label for b in at.button]
