"""Data protection: clients whose service ended long ago are removed, nobody else."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa

from planner import rules
from planner.cli.main import main
from planner.store import Enrolments, SolveRuns, Store, Timelines
from planner.store.purge import SERVICE_MONTHS, months_before, purge_ended_clients
from planner.store.schema import (
    ClientRow,
    EnrolmentRow,
    EventRow,
    PlanParticipantRow,
    ServiceTimelineRow,
)

NOW = dt.datetime(2029, 3, 31, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def store(published_db: Path, tmp_path: Path):
    """The published sample; OLD left a group 20 months before NOW, RECENT 3 months before."""
    db = tmp_path / "planner.sqlite3"
    shutil.copy(published_db, db)
    with Store.open(f"sqlite:///{db}") as store:
        live = Enrolments(store)
        taken = [g for g, s in live.seats().items() if s.taken >= 2]
        old, recent = live.participants(taken[0])[0], live.participants(taken[1])[0]
        for code in (old, recent):
            # Out of every group they are in (some clients may take two).
            for group in live.seats():
                if code in live.participants(group):
                    live.cancel(group, code, actor="anna", reason="moved_to_work")
        with store.engine.begin() as conn:
            for code, ended in ((old, months_before(NOW, 20)), (recent, months_before(NOW, 3))):
                conn.execute(
                    sa.update(EnrolmentRow)
                    .where(EnrolmentRow.client_code == code)
                    .values(ended_at=ended)
                )
        for code in (old, recent):  # both had a service timeline
            Timelines(store).record(code, start=dt.date(2026, 1, 11), actor="anna")
        store.old, store.recent = old, recent  # type: ignore[attr-defined]
        yield store


def count(store: Store, table, code: str) -> int:
    with store.engine.connect() as conn:
        return conn.scalar(
            sa.select(sa.func.count()).select_from(table).where(table.client_code == code)
        )


def test_a_client_whose_service_ended_20_months_ago_is_removed_everywhere(store) -> None:
    old, recent = store.old, store.recent
    assert count(store, PlanParticipantRow, old) >= 1
    report = purge_ended_clients(store, 18, actor="coordinator", now=NOW)

    assert report.clients == 1
    for table in (ClientRow, EnrolmentRow, PlanParticipantRow, ServiceTimelineRow):
        assert count(store, table, old) == 0, table.__tablename__
    assert report.rows["service_timelines"] == 1
    # Their code is gone from the audit trail's details; the entries themselves stay.
    events = store.events(limit=10_000)
    assert not any(e["detail"].get("client_code") == old for e in events)
    assert any(e["detail"].get("client_code") == "purged" for e in events)
    assert events[0]["action"] == "client.purge"
    assert events[0]["detail"]["clients"] == 1 and old not in str(events[0]["detail"])
    # Blanking the codes is the one change the hash chain allows: it still verifies.
    report = store.verify_audit()
    assert report.ok and report.entries == len(events)
    # The recent leaver and everyone still in a group stay.
    assert count(store, ClientRow, recent) >= 1 and count(store, EnrolmentRow, recent) >= 1
    assert Timelines(store).get(recent) is not None and Timelines(store).get(old) is None
    season = store.load_season()
    assert season is not None and old not in season.client and recent in season.client


def test_a_dry_run_counts_and_changes_nothing(store) -> None:
    events = len(store.events(limit=10_000))
    report = purge_ended_clients(store, 18, now=NOW, dry_run=True)
    assert report.clients == 1 and report.rows["clients"] >= 1
    assert count(store, ClientRow, store.old) >= 1
    assert len(store.events(limit=10_000)) == events


def test_with_two_months_both_leavers_go(store) -> None:
    assert purge_ended_clients(store, 2, now=NOW).clients == 2


def test_nobody_in_a_group_or_waiting_is_purged(store) -> None:
    live = Enrolments(store)
    active = {c for g in live.seats() for c in live.participants(g)}
    purge_ended_clients(store, 1, now=NOW + dt.timedelta(days=3650))
    season = store.load_season()
    assert season is not None and active <= set(season.client)


def test_the_default_keeps_data_as_long_as_the_service_may_last_and_cites_line_118(
    capsys,
) -> None:
    """The county's retention rule is the service's 18-month maximum (l. 118); l. 596, which
    the purge once cited, is the six-month decision."""
    assert SERVICE_MONTHS == rules.RETENTION_MONTHS == rules.MAX_SERVICE_MONTHS == 18
    assert rules.MAX_SERVICE_LINE == "118" and rules.DECISION_LINE == "596"
    with pytest.raises(SystemExit):
        main(["purge", "--help"])
    shown = " ".join(capsys.readouterr().out.split())
    assert "(l. 118)" in shown and "596" not in shown and "default 18" in shown


@pytest.mark.parametrize(
    ("when", "months", "expected"),
    [
        (dt.datetime(2029, 3, 31, tzinfo=dt.UTC), 1, dt.datetime(2029, 2, 28, tzinfo=dt.UTC)),
        (dt.datetime(2029, 3, 31, tzinfo=dt.UTC), 18, dt.datetime(2027, 9, 30, tzinfo=dt.UTC)),
        (dt.datetime(2028, 1, 15, tzinfo=dt.UTC), 13, dt.datetime(2026, 12, 15, tzinfo=dt.UTC)),
    ],
)
def test_months_are_calendar_months(when, months, expected) -> None:
    assert months_before(when, months) == expected


def test_the_cli_purges_and_says_how_many(store, capsys) -> None:
    url = store.engine.url.render_as_string(hide_password=False)
    assert main(["purge", "--months", "18", "--dry-run", "--db", url]) == 0
    assert capsys.readouterr().out.startswith("Would remove ")
    with pytest.raises(SystemExit) as stopped:  # argparse ends the process with code 2
        main(["purge", "--months", "x", "--db", url])
    assert stopped.value.code == 2
    assert "not a whole number of months" in capsys.readouterr().err
    with store.engine.connect() as conn:
        assert conn.scalar(sa.select(sa.func.count()).select_from(EventRow)) > 0


def test_an_ended_solve_run_naming_a_purged_client_goes_with_them(store) -> None:
    runs = SolveRuns(store)
    season_id = store.live_season_id()
    plan = store.load_plan()
    assert any(code == store.old for code, _ in plan.participants)
    ended = runs.start(season_id, "anna", {"time_limit_s": 60})
    runs.finish(ended, "finished", {"status": "FEASIBLE"}, plan)
    runs.close(ended, "anna")

    report = purge_ended_clients(store, 18, actor="coordinator", now=NOW)

    assert report.rows["solve_runs"] == 1 and runs.get(ended) is None


def test_cached_work_car_runs_naming_a_purged_client_go_with_them(store) -> None:
    from planner.store.route_cache import RouteCache

    plan_id = store.plan_summary()["id"]
    cache = RouteCache(store)
    cache.put(plan_id, 1.0, {"version": 1, "runs": []}, [store.old, "X-1"], actor="anna")
    cache.put(plan_id, 2.0, {"version": 1, "runs": []}, [store.recent], actor="anna")

    report = purge_ended_clients(store, 18, actor="coordinator", now=NOW)

    assert report.rows["route_cache"] == 1
    assert cache.get(plan_id, 1.0) is None
    assert cache.get(plan_id, 2.0) == {"version": 1, "runs": []}


def _client_without_places(store: Store) -> str:
    with store.engine.connect() as conn:
        placed = set(conn.scalars(sa.select(EnrolmentRow.client_code)))
    season = store.load_season()
    return next(c.client_code for c in season.clients if c.client_code not in placed)


def test_a_service_that_ended_long_ago_is_purged_without_any_place(store) -> None:
    """Individual work only: the recorded end of the service starts the 18 months."""
    code = _client_without_places(store)
    timelines = Timelines(store)
    timelines.record(code, start=dt.date(2026, 1, 11), actor="anna")
    timelines.end(code, dt.date(2027, 6, 30), "studies", actor="anna", today=dt.date(2027, 7, 1))

    assert purge_ended_clients(store, 18, now=NOW).clients == 2  # OLD and this one
    assert count(store, ClientRow, code) == 0 and Timelines(store).get(code) is None


def test_a_recent_end_of_the_service_keeps_a_client_whose_places_ended_long_ago(store) -> None:
    timelines = Timelines(store)
    timelines.record(store.old, start=dt.date(2027, 6, 1), actor="anna")  # a second service
    timelines.end(store.old, dt.date(2028, 11, 1), "other", actor="anna", today=NOW.date())

    assert purge_ended_clients(store, 18, now=NOW).clients == 0
    assert count(store, ClientRow, store.old) >= 1


def test_a_client_without_places_or_a_recorded_end_is_kept(store) -> None:
    code = _client_without_places(store)
    Timelines(store).record(code, start=dt.date(2026, 1, 11), actor="anna")
    purge_ended_clients(store, 1, now=NOW)
    assert count(store, ClientRow, code) >= 1
