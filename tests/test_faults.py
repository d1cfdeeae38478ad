"""Faults: a solver killed mid-run leaves the stored plan as it was; PostgreSQL restarted
during enrolments loses no committed enrolment, and the same store recovers by itself."""

from __future__ import annotations

import glob
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlalchemy as sa
from appserver import free_port

from planner.baseline import greedy_plan
from planner.cli.season import prepare_demo_store
from planner.store import Enrolments, Store, StoreError
from planner.store.schema import EnrolmentRow, OfferingRow

REPO = Path(__file__).resolve().parents[1]

RECOVERY_WAIT_S = 120
"""How long the enrolling workers may take to get 20 seats through after the restart: a
backstop, the wait ends as soon as they have."""


@pytest.mark.slow
def test_a_solver_killed_mid_run_leaves_the_stored_plan_as_it_was(planned_db, tmp_path):
    db = tmp_path / "planner.sqlite3"
    shutil.copy(planned_db, db)
    url = f"sqlite:///{db}"
    with Store.open(url) as store:
        before = store.load_plan()
        plans = store.list_plans()
    solver = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "planner.cli",
            "solve",
            str(REPO / "data"),
            "--time-limit",
            "60",
            "--save",
            "--db",
            url,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=tmp_path,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        time.sleep(8)  # well inside the search
        assert solver.poll() is None, "the solver finished before it could be killed"
        solver.send_signal(signal.SIGKILL)
        solver.wait(timeout=10)
    finally:
        if solver.poll() is None:
            solver.kill()
    with Store.open(url) as store:
        assert store.list_plans() == plans
        assert store.load_plan() == before
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    engine.dispose()


# --- PostgreSQL restarted under load ---


def postgres_bindir() -> Path | None:
    """Debian's server binaries (initdb, pg_ctl), newest version first."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), reverse=True)
    if found:
        return Path(found[0]).parent
    which = shutil.which("pg_ctl")
    return Path(which).parent if which else None


@dataclass
class PrivateServer:
    """A PostgreSQL cluster of this test's own, so restarting it disturbs no other test."""

    bindir: Path
    data: Path
    port: int
    run_as: list[str]

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def pg_ctl(self, *args: str) -> None:
        subprocess.run(
            [*self.run_as, str(self.bindir / "pg_ctl"), "-D", str(self.data), "-w", *args],
            check=True,
            capture_output=True,
            timeout=60,
        )

    def start(self) -> None:
        options = f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1"
        self.pg_ctl("-o", options, "-l", str(self.data / "server.log"), "start")

    def crash_and_restart(self) -> None:
        """`immediate` stops without a checkpoint, as a crash would; start recovers from WAL."""
        self.pg_ctl("-m", "immediate", "stop")
        self.start()


@pytest.fixture
def private_postgres() -> Iterator[PrivateServer]:
    bindir = postgres_bindir()
    if bindir is None or not (bindir / "initdb").exists():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("PostgreSQL's server binaries (initdb, pg_ctl) are required under CI")
        pytest.skip("PostgreSQL's server binaries are not installed")
    # The server refuses to run as root: as root, run it as the postgres user.
    run_as = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    home = Path(tempfile.mkdtemp(prefix="planner-pg-"))
    if run_as:
        shutil.chown(home, "postgres")
    data = home / "data"
    subprocess.run(
        [
            *run_as,
            str(bindir / "initdb"),
            "-D",
            str(data),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale",
            "C",
            "--no-sync",
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    server = PrivateServer(bindir, data, free_port(), run_as)
    server.start()
    try:
        yield server
    finally:
        try:
            server.pg_ctl("-m", "immediate", "stop")
        finally:
            shutil.rmtree(home, ignore_errors=True)


@pytest.mark.slow
@pytest.mark.postgres
def test_postgres_restarted_during_enrolments_loses_no_committed_enrolment(
    private_postgres: PrivateServer,
) -> None:
    url = private_postgres.url
    prepare_demo_store(url)
    store = Store.open(url)  # one pool for every worker, as the app's cached store is
    try:
        season = store.load_season()
        assert season is not None
        store.save_plan(greedy_plan(season), {"status": "FEASIBLE"}, actor="test")
        live = Enrolments(store)
        live.publish(actor="test")
        groups = sorted(live.seats())
        codes = [c.client_code for c in season.clients]

        confirmed: list[tuple[str, str, str]] = []  # (group, client, status) the worker was told
        failures: list[str] = []
        after_restart = threading.Event()
        successes_after = [0]
        stop = threading.Event()
        lock = threading.Lock()

        def worker(seed: int) -> None:
            pick = random.Random(seed)
            while not stop.is_set():
                group, code = pick.choice(groups), pick.choice(codes)
                try:
                    outcome = live.enrol(group, code, actor=f"worker-{seed}")
                except StoreError as exc:
                    with lock:
                        failures.append(str(exc))
                    time.sleep(0.05)
                    continue
                with lock:
                    if outcome.status in ("enrolled", "waiting"):
                        confirmed.append((group, code, outcome.status))
                    if after_restart.is_set():
                        successes_after[0] += 1

        workers = [threading.Thread(target=worker, args=(i,)) for i in range(8)]
        for w in workers:
            w.start()
        try:
            time.sleep(1.5)
            private_postgres.crash_and_restart()
            after_restart.set()
            deadline = time.monotonic() + RECOVERY_WAIT_S
            while successes_after[0] < 20 and time.monotonic() < deadline:
                time.sleep(0.1)
        finally:
            stop.set()
            for w in workers:
                w.join(timeout=30)

        assert failures, "the restart was not felt: the test tested nothing"
        assert all(f.startswith("could not ") for f in failures), failures[:3]
        assert successes_after[0] >= 20, "the store did not recover by itself"
        with store.engine.connect() as conn:
            stored = {
                (r.group_id, r.client_code): r.status
                for r in conn.execute(
                    sa.select(
                        EnrolmentRow.group_id, EnrolmentRow.client_code, EnrolmentRow.status
                    ).where(EnrolmentRow.status.in_(("active", "waiting")))
                )
            }
            offerings = conn.execute(sa.select(OfferingRow)).all()
            active = dict(
                conn.execute(
                    sa.select(EnrolmentRow.offering_id, sa.func.count())
                    .where(EnrolmentRow.status == "active")
                    .group_by(EnrolmentRow.offering_id)
                ).all()
            )
        lost = [
            (g, c)
            for g, c, status in confirmed
            if stored.get((g, c)) != {"enrolled": "active", "waiting": "waiting"}[status]
        ]
        assert not lost, f"committed enrolments lost in the restart: {lost[:5]}"
        for o in offerings:
            assert o.taken == active.get(o.id, 0) <= o.max_size, o.group_id
    finally:
        store.dispose()


@pytest.mark.slow
@pytest.mark.postgres
def test_the_app_keeps_working_after_postgres_restarts(
    private_postgres: PrivateServer, monkeypatch
) -> None:
    from streamlit.testing.v1 import AppTest

    url = private_postgres.url
    prepare_demo_store(url)
    monkeypatch.setenv("PLANNER_DB_URL", url)
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    assert not at.exception and at.metric
    private_postgres.crash_and_restart()
    at.run()  # the same session and the same cached store, no restart of the app
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert at.metric
