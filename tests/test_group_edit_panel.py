"""The Plan page's "change one group by hand" (AppTest): a coordinator checks and pins a
group, a refusal reads by rule name in the page's language and changes nothing, pins can be
removed, and people who may not plan never reach it."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_auth_pages import app_as, person
from test_plan_page import open_plan_page, use_copy

from planner import access, rules
from planner.i18n import t
from planner.model import Placement, Plan, Season
from planner.store import Store
from planner.store.pins import EDIT_STATUS, edit_group
from planner.ui import common


@pytest.fixture
def planned_url(planned_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    return use_copy(planned_db, tmp_path, monkeypatch)


@pytest.fixture
def signed_in(monkeypatch):
    """Sign-in configured instead of single-user mode (as in tests/test_auth_pages.py)."""
    monkeypatch.delenv("PLANNER_SINGLE_USER", raising=False)


def stored(url: str) -> tuple[Season, Plan, int, int]:
    with Store.open(url) as store:
        season_id = store.working_season_id()
        season, plan = store.load_season(season_id), store.load_plan(season_id=season_id)
        plans, events = len(store.list_plans(season_id)), len(store.events(limit=10_000))
    assert season is not None and plan is not None and season_id is not None
    return season, plan, plans, events


def a_valid_move(season: Season, plan: Plan) -> tuple[Placement, int]:
    """A scheduled group and a start half an hour later (or earlier) that keeps every rule."""
    for p in plan.placements:
        for delta in (30, -30):
            _, edit = edit_group(
                season,
                plan,
                p.group_id,
                p.weekday,
                p.start + delta,
                p.venue_id,
                p.leaders,
                rules.DEFAULT_SESSION_ALLOWANCE_MIN,
            )
            if edit.ok and not edit.dropped:
                return p, p.start + delta
    raise AssertionError("the sample plan has no group that can move by half an hour")


def choose(at, gid: str, lang: str = "en", **values):
    at.selectbox(key=f"plan_edit_group_{lang}").set_value(gid).run()
    for what, value in values.items():
        at.selectbox(key=f"plan_edit_{what}_{gid}_{lang}").set_value(value).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_a_coordinator_checks_and_pins_a_group_and_the_pins_can_be_removed(planned_url):
    season, plan, plans, _ = stored(planned_url)
    placement, start = a_valid_move(season, plan)
    gid = placement.group_id
    at = choose(open_plan_page("en"), gid, start=start)

    at.button(key="plan_edit_check").click().run()
    assert t("plan_edit.check.ok", "en") in [s.value for s in at.success]
    assert stored(planned_url)[2] == plans  # checking writes nothing

    at.button(key="plan_edit_save").click().run()
    assert not at.exception, [e.value for e in at.exception]
    with Store.open(planned_url) as store:
        summary = store.plan_summary(season_id=store.working_season_id())
        saved = store.load_plan(season_id=store.working_season_id())
        group = store.load_season(store.working_season_id()).group[gid]
        pin = store.events(limit=5)
    assert summary["status"] == EDIT_STATUS and len(store.list_plans()) >= 1
    assert saved.placement[gid].start == start
    assert (group.weekday, group.start, group.venue_id) == (
        placement.weekday,
        start,
        placement.venue_id,
    )
    assert pin[0]["action"] == "group.pin" and pin[0]["actor"] == access.SINGLE_USER
    done = t(
        "plan_edit.saved", "en", group=f"{gid} {season.group[gid].name}", plan_id=summary["id"], n=0
    )
    assert done in [s.value for s in at.success]
    # The page shows the new plan, says it was changed by hand, and marks the group pinned.
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[t("plan.metric.status", "en")] == t("plan.status.EDITED", "en")
    label = at.selectbox(key="plan_edit_group_en").format_func(gid)
    assert label.endswith(t("plan_edit.pinned_mark", "en"))

    at.button(key="plan_edit_unpin").click().run()
    assert not at.exception, [e.value for e in at.exception]
    with Store.open(planned_url) as store:
        group = store.load_season(store.working_season_id()).group[gid]
        assert store.load_plan(season_id=store.working_season_id()) == saved
    assert (group.weekday, group.start, group.venue_id, group.leaders) == (None, None, None, ())
    assert at.button(key="plan_edit_unpin").disabled


def test_a_refused_pin_names_the_rule_in_the_pages_language_and_changes_nothing(planned_url):
    _, plan, plans, events = stored(planned_url)
    placement = plan.placements[0]
    late = 20 * 60  # every sample venue is closed by the session's end
    at = choose(open_plan_page("sv"), placement.group_id, "sv", start=late)

    at.button(key="plan_edit_save").click().run()

    assert not at.exception, [e.value for e in at.exception]
    errors = "\n".join(e.value for e in at.error)
    assert errors.startswith(t("plan.rejected.pin", "sv", n=1)[:40])
    assert rules.rule_label("venue_open", "sv") in errors
    assert stored(planned_url)[2:] == (plans, events)


def test_the_check_lists_who_would_leave_the_group(planned_url):
    season, plan, _, _ = stored(planned_url)
    for p in plan.placements:
        members = plan.members[p.group_id]
        for day in range(5):
            if day == p.weekday:
                continue
            _, edit = edit_group(
                season,
                plan,
                p.group_id,
                day,
                p.start,
                p.venue_id,
                p.leaders,
                rules.DEFAULT_SESSION_ALLOWANCE_MIN,
            )
            if edit.dropped and len(edit.dropped) < len(members):
                break
        else:
            continue
        break
    else:
        pytest.skip("no group of the sample plan loses a participant by a day's move")
    at = choose(open_plan_page("en"), p.group_id, weekday=day)
    at.button(key="plan_edit_check").click().run()
    warned = "\n".join(w.value for w in at.warning)
    assert t("plan_edit.leaving", "en", n=len(edit.dropped)) in warned
    assert all(code in warned for code, _ in edit.dropped)


@pytest.mark.parametrize("role", [access.WORKER, access.READ_ONLY])
def test_people_who_may_not_plan_never_reach_the_change(
    signed_in, planned_db, tmp_path, monkeypatch, role
):
    url = use_copy(planned_db, tmp_path, monkeypatch)
    user = person(f"{role}@hyvil.fi", role)
    at = app_as(url, monkeypatch, user)
    with pytest.raises(Exception):  # noqa: B017 - not in the navigation
        at.switch_page(common.PAGE_FILES["plan"]).run()
    page = str(Path(__file__).resolve().parents[1] / common.PAGE_FILES["plan"])
    direct = app_as(url, monkeypatch, user, page)
    assert direct.error[0].value == t("auth.not_allowed", "fi")
    assert not [b for b in direct.button if b.key and b.key.startswith("plan_edit")]
    assert not direct.expander


def test_a_signed_in_coordinator_is_named_in_the_audit_trail(
    signed_in, planned_db, tmp_path, monkeypatch
):
    url = use_copy(planned_db, tmp_path, monkeypatch)
    season, plan, _, _ = stored(url)
    placement, start = a_valid_move(season, plan)
    at = app_as(url, monkeypatch, person("coordinator@hyvil.fi", access.COORDINATOR))
    at.switch_page(common.PAGE_FILES["plan"]).run()
    choose(at, placement.group_id, start=start)
    at.button(key="plan_edit_save").click().run()
    with Store.open(url) as store:
        newest = store.events(limit=1)[0]
    assert newest["action"] == "group.pin" and newest["actor"] == "coordinator@hyvil.fi"
