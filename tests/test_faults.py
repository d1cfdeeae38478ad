"""Faults: a solver killed mid-run leaves the stored plan as it was."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from planner.store import Store

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_a_solver_killed_mid_run_leaves_the_stored_plan_as_it_was(planned_db, tmp_path):
    db = tmp_path / "planner.sqlite3"
    shutil.copy(planned_db, db)
    url = f"sqlite:///{db}"
    with Store.open(url) as store:
        before = store.load_plan()
        plans = store.list_plans()
    solver = subprocess.Popen(
        [sys.executable, "-m", "planner.cli", "solve", str(REPO / "data"), "--time-limit", "60",
         "--save", "--db", url],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tmp_path,
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
