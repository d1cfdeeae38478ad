"""The client form (AppTest, through tests/client_form_app.py): a worker adds a client and
edits one, with the import's problems in the page's language; an edit that would strand a
place offers to end or keep it; leaders and readers get no form."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from planner import access, rules
from planner.i18n import t
from planner.store import Store
from planner.store.schema import EnrolmentRow

SCRIPT = str(Path(__file__).resolve().parent / "client_form_app.py")
TIMEOUT_S = 60
AUTH = {
    "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
    "cookie_secret": "test-secret-not-used-by-apptest",
    "client_id": "sosku",
    "client_secret": "sosku-secret",
    "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
}
NO_RECHECK = {"recheck_hours": 0}
"""These tests are about the roles of a sign-in; asking the provider again is
test_role_recheck.py's."""


@pytest.fixture
def live_url(published_db: Path, tmp_path: Path) -> str:
    db = tmp_path / "planner.sqlite3"
    shutil.copy(published_db, db)
    return f"sqlite:///{db}"


def page(url: str, monkeypatch, role: str | None, lang: str = "en", **query: str) -> AppTest:
    """The test page as a person in `role` (None: single-user mode, a coordinator)."""
    monkeypatch.setenv("PLANNER_DB_URL", url)
    at = AppTest.from_file(SCRIPT, default_timeout=TIMEOUT_S)
    if role is not None:
        monkeypatch.delenv("PLANNER_SINGLE_USER", raising=False)
        at.secrets["auth"] = AUTH
        at.secrets["planner"] = NO_RECHECK
        email = f"{role}@hyvil.fi"
        at.user = {"is_logged_in": True, "email": email, "sub": email, "roles": [role]}
        at.user["staff_id"] = "S-001"
    at.query_params["lang"] = lang
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def submit(at: AppTest, label_key: str, lang: str = "en") -> AppTest:
    [button] = [b for b in at.button if b.label == t(label_key, lang)]
    return button.click().run()


def shown(at: AppTest) -> str:
    return "\n".join(
        str(e.value) for kind in ("error", "warning", "success", "info") for e in getattr(at, kind)
    )


def test_a_worker_adds_a_client_prefilled_from_the_described_profile(live_url, monkeypatch):
    at = page(live_url, monkeypatch, access.WORKER, profile="1")
    assert not at.exception, [e.value for e in at.exception]
    code = at.text_input(key="client_add_client_code_en")
    assert code.label == t("clients.field.client_code", "en")
    assert "C-00042" in code.help and "identity code" in code.help
    code.input("C-90001")
    at = submit(at, "clients.add.submit")
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["test_added"] == "C-90001"
    assert t("clients.add.saved", "en", code="C-90001") in shown(at)
    with Store.open(live_url) as store:
        season = store.load_season()
        added = season.client["C-90001"]
        event = store.events(limit=1)[0]
    first = season.clients[0]
    assert (added.municipality, added.days, added.counsellor) == (
        first.municipality,
        first.days,
        "S-001",
    )
    assert (event["action"], event["actor"]) == ("client.add", "worker@hyvil.fi")


def test_a_refused_client_shows_the_imports_problems_in_the_pages_language(live_url, monkeypatch):
    at = page(live_url, monkeypatch, access.WORKER, lang="sv", profile="1")
    at.text_input(key="client_add_client_code_sv").input("Elina")
    at = submit(at, "clients.add.submit", "sv")
    [error] = at.error
    assert t("clients.problems", "sv") in error.value
    assert "kolumn client_code" in error.value and "förnamn" in error.value
    assert "Elina" not in error.value
    with Store.open(live_url) as store:
        assert store.events(limit=1)[0]["action"] != "client.add"


@pytest.mark.parametrize("role", [access.LEADER, access.READ_ONLY])
def test_leaders_and_readers_get_no_client_form(live_url, monkeypatch, role):
    at = page(live_url, monkeypatch, role, profile="1", client="P-01")
    assert not at.exception
    assert not at.text_input and not at.expander and not at.button


def enrolled(url: str) -> tuple[str, str, int]:
    """An enrolled client of the published sample, their group and its weekday."""
    with Store.open(url) as store:
        plan = store.load_plan()
    code, group = plan.participants[0]
    return code, group, plan.placement[group].weekday


def test_editing_a_client_shows_the_new_profile(live_url, monkeypatch):
    code, _, weekday = enrolled(live_url)
    at = page(live_url, monkeypatch, access.WORKER, client=code)
    assert at.expander[0].label == t("clients.edit.title", "en")
    at.number_input(key=f"client_edit_{code}_max_travel_min_en").set_value(200)
    at = submit(at, "clients.edit.submit")
    assert not at.exception, [e.value for e in at.exception]
    assert t("clients.field.max_travel_min", "en") in shown(at)
    with Store.open(live_url) as store:
        assert store.load_season().client[code].max_travel_min == 200
    assert weekday in at.session_state["test_shown_days"]


def test_an_edit_stranding_a_place_offers_to_keep_it_flagged(live_url, monkeypatch):
    code, group, weekday = enrolled(live_url)
    at = page(live_url, monkeypatch, access.WORKER, client=code)
    at.pills(key=f"client_edit_{code}_days_en").set_value([d for d in range(5) if d != weekday])
    at = submit(at, "clients.edit.submit")
    assert not at.exception, [e.value for e in at.exception]
    assert t("clients.unfit.title", "en", n=1) in shown(at) and group in shown(at)
    with Store.open(live_url) as store:
        assert weekday in store.load_season().client[code].days  # nothing saved yet
    at = submit(at, "clients.unfit.keep")
    assert not at.exception, [e.value for e in at.exception]
    assert "kept, flagged for the coordinator" in shown(at)
    with Store.open(live_url) as store:
        assert weekday not in store.load_season().client[code].days
        with store.engine.connect() as conn:
            flag = conn.scalar(
                EnrolmentRow.__table__.select()
                .with_only_columns(EnrolmentRow.coordinator_flag)
                .where(EnrolmentRow.client_code == code, EnrolmentRow.group_id == group)
            )
    assert flag == "participant_days"
    assert weekday not in at.session_state["test_shown_days"]


def test_an_edit_stranding_a_place_can_end_it_with_a_reason(live_url, monkeypatch):
    code, group, weekday = enrolled(live_url)
    at = page(live_url, monkeypatch, access.COORDINATOR, lang="fi", client=code)
    at.pills(key=f"client_edit_{code}_days_fi").set_value([d for d in range(5) if d != weekday])
    at = submit(at, "clients.edit.submit", "fi")
    at.selectbox(key=f"client_unfit_reason_{code}_fi").set_value("studies").run()
    reason = t("ending.studies", "fi")
    [end] = [b for b in at.button if b.label == t("clients.unfit.end", "fi", reason=reason)]
    at = end.click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert reason in shown(at)
    with Store.open(live_url) as store:
        history = [h for h in store.events(limit=5) if h["action"] == "enrolment.cancel"]
    assert history and history[0]["detail"]["reason"] == "studies"
    assert history[0]["detail"]["group_id"] == group


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_a_worker_records_the_service_timeline_and_sees_it(live_url, monkeypatch, lang):
    import datetime as dt

    from planner.store import Timelines

    code, _, _ = enrolled(live_url)
    at = page(live_url, monkeypatch, access.WORKER, lang=lang, client=code)
    assert t("timeline.form.title", lang) in [e.label for e in at.expander]
    assert t("timeline.none", lang) in [c.value for c in at.caption]
    key = f"client_timeline_{code}"
    at.date_input(key=f"{key}_start").set_value(dt.date(2027, 1, 11))
    at.multiselect(key=f"{key}_held").select(3)
    at = submit(at, "timeline.form.save", lang)
    assert not at.exception, [e.value for e in at.exception]
    assert t("timeline.recorded", lang, client=code) in shown(at)
    with Store.open(live_url) as store:
        recorded = Timelines(store).get(code)
    assert recorded is not None and (recorded.start, recorded.held) == (dt.date(2027, 1, 11), (3,))
    lines = "\n".join(m.value for m in at.markdown)
    assert all(line in lines for line in recorded.lines(lang))
    # a decision past the 18 months is refused and nothing changes
    at.date_input(key=f"{key}_decision_end").set_value(dt.date(2029, 1, 1))
    at = submit(at, "timeline.form.save", lang)
    refusal = t("timeline.refused.decision_past_maximum", lang, months=18, date="10.7.2028",
                source=rules.handbook_source("118", lang))  # fmt: skip
    assert refusal in shown(at)
    with Store.open(live_url) as store:
        assert Timelines(store).get(code) == recorded


def test_a_leader_gets_no_timeline_form(live_url, monkeypatch):
    code, _, _ = enrolled(live_url)
    at = page(live_url, monkeypatch, access.LEADER, client=code)
    assert t("timeline.form.title", "en") not in [e.label for e in at.expander]
