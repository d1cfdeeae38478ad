"""The living season as a property: after any sequence of enrolments, cancellations,
publishing a new plan, re-planning with the solver from the live offering and dated changes,
every enrolled client can attend their group's session or carries the coordinator's flag, the
seat counters equal the places, and the calendars' free places equal the live seats.

The season is the small stranding toy of `tests/test_publish_diff.py` (four groups, forty
clients, late clients in no group); SQLite, few examples (each step is a real transaction and a
re-plan is a real solver run).
"""

from __future__ import annotations

import contextlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_publish_diff import LATE, ledger, nobody_stranded, season, tuesday_plan
from toys import SUMMARY, steady_params, toy_plan

from planner.calendar import CalendarOptions, Selection, calendar_from_store
from planner.store import ChangeRefused, DatedChanges, Enrolments, Store, StoreError
from planner.store.publish_diff import Resolution
from planner.terms import meeting_dates

GROUPS = ["G1", "G2", "G3", "G4"]
CODES = [f"C{i:02d}" for i in range(1, 31)]

HOW = st.sampled_from(["keep", "end"])
STEP = st.one_of(
    st.tuples(st.just("enrol"), st.sampled_from(LATE), st.sampled_from(GROUPS)),
    st.tuples(st.just("cancel"), st.sampled_from(CODES), st.sampled_from(GROUPS)),
    st.tuples(st.just("publish"), st.sampled_from(["tuesday", "same"]), HOW),
    st.tuples(st.just("replan"), st.sampled_from(["S1", "S2", ""]), HOW),
    st.tuples(st.just("change"), st.sampled_from(GROUPS), st.integers(0, 4)),
)


def _publish(live: Enrolments, store: Store, plan, how: str) -> None:
    """Save `plan` and publish it, deciding `how` for every client it would strand."""
    try:
        store.save_plan(plan, SUMMARY)
    except StoreError:  # a plan the validator refuses is never stored: nothing changes
        return
    stranded = live.preview().stranded
    live.publish(resolutions={a.case: Resolution(how) for a in stranded})


def _replan(live: Enrolments, store: Store, away: str, how: str) -> None:
    from planner.solve import Changes, solve

    previous = live.live_plan()
    changes = Changes(absent=frozenset({away} - {""}))
    params = steady_params(deterministic_time_s=0.3, explain=False)  # the toy closes at once
    result = solve(store.load_season(), params, previous=previous, changes=changes)
    _publish(live, store, result.plan, how)


def _change(store: Store, live: Enrolments, group_id: str, k: int) -> None:
    plan = live.live_plan()
    if plan is None or group_id not in plan.placement:
        return
    group = store.load_season().group[group_id]
    held = meeting_dates(group, plan.placement[group_id].weekday, weeks=12)
    if k < len(held):
        # Twice the same session is refused, and then nothing changes.
        with contextlib.suppress(ChangeRefused):
            DatedChanges(store).cancel(group_id, held[k], actor="S1")


def _calendars_show_the_live_seats(store: Store, live: Enrolments) -> None:
    import icalendar

    for gid, seats in live.seats().items():
        body = calendar_from_store(store, Selection("group", gid), CalendarOptions(lang="en")).body
        events = icalendar.Calendar.from_ical(body).walk("VEVENT")
        for event in events:
            text = str(event.get("DESCRIPTION", ""))
            if "Free places" in text:
                assert f"Free places: {seats.free} / {seats.max_size}" in text, gid


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(STEP, min_size=1, max_size=5))
def test_the_offering_the_places_and_the_calendars_agree_after_every_step(
    tmp_path_factory, steps
) -> None:
    url = f"sqlite:///{tmp_path_factory.mktemp('living') / 'planner.sqlite3'}"
    plans = {"tuesday": tuesday_plan(), "same": toy_plan()}
    with Store.open(url) as store:
        store.import_season(season(), source="toy")
        store.save_plan(toy_plan(), SUMMARY)
        live = Enrolments(store)
        live.publish()
        for step in steps:
            kind = step[0]
            if kind == "enrol":
                live.enrol(step[2], step[1], actor="anna")
            elif kind == "cancel":
                live.cancel(step[2], step[1], actor="anna", reason="other")
            elif kind == "publish":
                _publish(live, store, plans[step[1]], step[2])
            elif kind == "replan":
                _replan(live, store, step[1], step[2])
            else:
                _change(store, live, step[1], step[2])
            assert nobody_stranded(store) == [], step
            assert all(taken == n for taken, n in ledger(store).values()), step
            _calendars_show_the_live_seats(store, live)
