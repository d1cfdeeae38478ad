"""County-wide deployment: several app and feed processes on one PostgreSQL see the same data;
no process keeps state the others need."""

from __future__ import annotations

import http.client
import subprocess
import sys
import time
from pathlib import Path

import pytest
from appserver import free_port, running_app
from icalendar import Calendar
from toys import moved_in_time, who_can_join_leaving_clashes

from planner.baseline import greedy_plan
from planner.calendar import create_feed, revoke_feed
from planner.io import read_season
from planner.store import Enrolments, Store
from planner.store.engine import scratch_schema

pytestmark = pytest.mark.postgres

SERVE_START_S = 120
"""How long `planner serve` may take to start: a backstop, the wait ends when it answers."""


def get(port: int, path: str) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def serve(url: str, log: Path) -> tuple[subprocess.Popen, int]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "planner.cli", "serve", "--db", url, "--port", str(port)],
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + SERVE_START_S
    while time.monotonic() < deadline:
        try:
            get(port, "/ics/nothing.ics")
            return process, port
        except OSError:
            assert process.poll() is None, log.read_text()
            time.sleep(0.2)
    raise AssertionError("planner serve did not start")


def start_of(body: bytes, group_id: str) -> int:
    for event in Calendar.from_ical(body).walk("VEVENT"):
        if str(event.get("URL", "")).endswith(f"group={group_id}") and "RECURRENCE-ID" not in event:
            return event["DTSTART"].dt.hour * 60 + event["DTSTART"].dt.minute
    raise AssertionError(f"{group_id} is not in the calendar")


def test_two_feed_services_on_one_database_serve_the_same_changes(pg_url, sample_dir, tmp_path):
    season = read_season(sample_dir).season
    plan = greedy_plan(season)
    with scratch_schema(pg_url, "test_instances") as url, Store.open(url) as store:
        store.import_season(season, source="data")
        store.save_plan(plan, {"status": "FEASIBLE"})
        feed = create_feed(store, "offering")
        first, a = serve(url, tmp_path / "a.log")
        second, b = serve(url, tmp_path / "b.log")
        try:
            status_a, body_a = get(a, f"/ics/{feed.token}.ics")
            status_b, body_b = get(b, f"/ics/{feed.token}.ics")
            assert (status_a, status_b) == (200, 200)
            gid, changed = moved_in_time(season, plan, 60)
            moved = changed.placement[gid]
            assert start_of(body_a, gid) == start_of(body_b, gid) == plan.placement[gid].start

            # A plan saved anywhere (here: by this process) reaches both services.
            store.save_plan(changed, {"status": "FEASIBLE"})
            for port in (a, b):
                assert start_of(get(port, f"/ics/{feed.token}.ics")[1], gid) == moved.start
            # A feed revoked anywhere is gone from both.
            revoke_feed(store, feed.feed.id)
            assert get(a, f"/ics/{feed.token}.ics")[0] == get(b, f"/ics/{feed.token}.ics")[0] == 404
        finally:
            for process in (first, second):
                process.terminate()
                process.wait(timeout=10)


def test_two_app_processes_start_on_one_database_and_share_its_state(pg_url, sample_dir, tmp_path):
    season = read_season(sample_dir).season
    with scratch_schema(pg_url, "test_instances") as url, Store.open(url) as store:
        store.import_season(season, source="data")
        store.save_plan(greedy_plan(season), {"status": "FEASIBLE"})
        live = Enrolments(store)
        live.publish(actor="test")
        with (
            running_app(url, tmp_path / "one.log") as one,
            running_app(url, tmp_path / "two.log") as two,
        ):
            # Both answer, as a reverse proxy's health check sees them.
            for base in (one, two):
                port = int(base.rsplit(":", 1)[1])
                assert get(port, "/_stcore/health")[0] == 200
            # What one process wrote, the other reads: the store is the only state.
            free = [g for g, s in live.seats().items() if s.free]
            plan = store.load_plan()
            group, code = who_can_join_leaving_clashes(url, season, plan, free)
            writer = Store.open(url)
            Enrolments(writer).enrol(group, code, actor="one", allow_flagged=True)
            writer.dispose()
            reader = Store.open(url)
            # The group had a free seat, so the client holds it (not a place in the queue).
            assert code in Enrolments(reader).participants(group)
            reader.dispose()
