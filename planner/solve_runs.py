"""A solve as a stored run: started from the Plan page, carried out by a worker process, seen
by every session through the store (`planner.store.solve_runs`).

    run_id = start_run(store, season_id, actor="anna", time_limit_s=60, language="fi")
    SolveRuns(store).request_stop(run_id, actor="bo")     # the worker stops the search

`start_run` claims the run in the store (one active run per season) and launches
`python -m planner.solve_runs RUN_ID` (`launch`). The worker (`run_worker`) loads the season,
solves it with `planner.solve`, and beats once a second (`HEARTBEAT_S`): the heartbeat
carries the progress (best objective and bound of the stage under way, solutions so far)
and brings back the run's state, so a Stop asked for on any page reaches the search within
about a second (`planner.solve.StopSignal`). The result (`run_summary` and the plan) goes
to the store as a candidate; a coordinator saves it through the plan gate.

No SQL here (the store's) and no Streamlit (the page's).
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from planner.model import Plan
from planner.store import SolveRuns, Store, StoreError

log = logging.getLogger("planner")

HEARTBEAT_S = 1.0
"""How often the worker writes its heartbeat and progress, and reads the run's state."""
WORKERS = 2
"""CP-SAT search workers of a run from the app (the server has few cores)."""


def run_params(
    time_limit_s: float, language: str, changes: Any = None, **solver: Any
) -> dict[str, Any]:
    """What a run keeps as its parameters: the time limit, the language of its reasons, a
    re-plan's changes (`planner.solve.Changes`) as id lists, and any other `SolveParams`
    field (`workers`, `deterministic_time_s`, ...)."""
    params: dict[str, Any] = {"time_limit_s": time_limit_s, "language": language, **solver}
    if changes is not None:
        params["changes"] = {
            "absent": sorted(changes.absent),
            "closed_venues": sorted(changes.closed_venues),
            "cancelled": sorted(changes.cancelled),
        }
    return params


def start_run(
    store: Store,
    season_id: int,
    actor: str,
    params: Mapping[str, Any],
    previous: Plan | None = None,
) -> int:
    """Claim a run of the season in the store and launch its worker; returns the run's id.
    `RunRefused` ("busy") while another run of the season is under way."""
    runs = SolveRuns(store)
    run_id = runs.start(season_id, actor, params, previous)
    try:
        launch(store, run_id)
    except (OSError, RuntimeError) as exc:
        runs.finish(run_id, "failed", error=f"{type(exc).__name__}: {exc}")
        raise
    log.info("solve run %d of season %d started by %s", run_id, season_id, actor)
    return run_id


def launch_process(store: Store, run_id: int) -> None:
    """Run the worker as a process of its own.

    A process, not a thread of the app server: the model building, the explanations and the
    seat filling are plain Python that would hold the server's GIL for seconds on a large
    season (every page of every user waits); a crash or memory blow-up in CP-SAT ends only
    the worker; and the run survives a restart of the app server (it is its own session),
    bounded by its time limit. The database URL goes in the environment, not on the command
    line, where `ps` would show a password."""
    env = dict(os.environ)
    env["PLANNER_DB_URL"] = store.url.render_as_string(hide_password=False)
    # The worker imports the same planner as this server, wherever it was loaded from.
    root = str(Path(__file__).resolve().parents[1])
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (root, env.get("PYTHONPATH"))))
    process = subprocess.Popen(
        [sys.executable, "-m", "planner.solve_runs", str(run_id)],
        env=env,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    threading.Thread(
        target=_reap, args=(store, run_id, process), name=f"planner-run-{run_id}", daemon=True
    ).start()


def _reap(store: Store, run_id: int, process: subprocess.Popen[bytes]) -> None:
    # Collects the exit status (no zombie) and fails a run whose worker died before ending
    # it, so nobody waits for the heartbeat to go stale.
    code = process.wait()
    try:
        run = SolveRuns(store).get(run_id)
        if code != 0 and run is not None and run.active:
            SolveRuns(store).finish(run_id, "failed", error=f"the worker exited with code {code}")
    except StoreError:
        log.log(logging.ERROR, "could not check solve run %d after its worker", run_id)


def launch_thread(store: Store, run_id: int) -> None:
    """Run the worker in a thread of this process (tests, which swap the solver in-process)."""
    threading.Thread(
        target=run_worker, args=(store, run_id), name=f"planner-run-{run_id}", daemon=True
    ).start()


launch: Callable[[Store, int], None] = launch_process
"""How `start_run` starts a worker (looked up when it is called)."""


class _Beat:
    """The worker's heartbeat thread: writes the latest progress once a second and passes a
    Stop asked for in the store to the search."""

    def __init__(self, runs: SolveRuns, run_id: int, stop: Any) -> None:
        self.runs, self.run_id, self.stop = runs, run_id, stop
        self.lock = threading.Lock()
        self.objective: float | None = None
        self.bound: float | None = None
        self.solutions = 0
        self.ended = threading.Event()
        self.thread = threading.Thread(target=self._loop, name="planner-beat", daemon=True)

    def progress(self, objective: float, bound: float, _wall_s: float) -> None:
        """The solver's `on_progress`: numbers only, the beat writes them."""
        with self.lock:
            self.objective, self.bound = objective, bound
            self.solutions += 1

    def beat(self) -> None:
        with self.lock:
            objective, bound, solutions = self.objective, self.bound, self.solutions
        state = self.runs.beat(self.run_id, objective, bound, solutions)
        if state != "running":
            # Stopping, or given up for dead (interrupted) while this worker was stalled.
            self.stop.request()  # again on each beat: a search starting just then hears it too

    def _loop(self) -> None:
        while not self.ended.wait(HEARTBEAT_S):
            try:
                self.beat()
            except StoreError as exc:  # a busy database: the next beat tries again
                log.warning("solve run %d: heartbeat not written: %s", self.run_id, exc)

    def __enter__(self) -> _Beat:
        self.beat()
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.ended.set()
        self.thread.join()
        try:
            self.beat()  # the last progress, however short the run
        except StoreError as error:
            log.warning("solve run %d: last progress not written: %s", self.run_id, error)


def run_summary(result: Any) -> dict[str, Any]:
    """What the store keeps about a run's result: `Result.summary()`, the requested groups
    (cancelled ones not), whether it was stopped, and the reasons for the groups left out
    (key and parameters, to be said in any language)."""
    found = dict(result.summary())
    found["groups_requested"] = len(result.plan.placements) + found["groups_left_out"]
    found["stopped"] = bool(result.stats.get("stopped", False))
    found["reasons"] = [
        {"subject": r.subject, "key": r.key, "params": dict(r.params), "rules": list(r.rules)}
        for r in result.unscheduled
    ]
    return found


def run_worker(store: Store, run_id: int) -> str:
    """Carry out a stored run: solve its season with its parameters, beating once a second,
    and store the result; returns the state it ended in (finished, stopped or failed)."""
    from planner import solve as solver

    runs = SolveRuns(store)
    run = runs.get(run_id)
    if run is None:
        raise StoreError(f"no solve run with id {run_id}")
    stop = solver.StopSignal()
    with _Beat(runs, run_id, stop) as beat:
        try:
            season = store.load_season(run.season_id)
            if season is None:
                raise StoreError(f"season {run.season_id} is not in the store")
            settings = dict(run.params)
            changes = settings.pop("changes", None)
            settings.setdefault("workers", WORKERS)
            result = solver.solve(
                season,
                solver.SolveParams(**settings),
                previous=run.previous,
                changes=solver.Changes(**changes) if changes else None,
                on_progress=beat.progress,
                stop=stop,
            )
        except Exception as exc:  # said on the page; the store keeps the reason
            log.log(logging.ERROR, "solve run %d failed", run_id, exc_info=True)
            outcome: tuple[str, dict[str, Any] | None, Plan | None, str | None] = (
                "failed",
                None,
                None,
                f"{type(exc).__name__}: {exc}",
            )
        else:
            state = "stopped" if stop.requested else "finished"
            outcome = (state, run_summary(result), result.plan, None)
    state, summary, plan, error = outcome
    runs.finish(run_id, state, summary, plan, error)
    log.info("solve run %d %s", run_id, state)
    return state


def main(argv: list[str] | None = None) -> int:
    """`python -m planner.solve_runs RUN_ID`: the worker process (store: `PLANNER_DB_URL`)."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or not args[0].isdigit():
        print("usage: python -m planner.solve_runs RUN_ID", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    with Store(os.environ.get("PLANNER_DB_URL") or None) as store:
        state = run_worker(store, int(args[0]))
    return 0 if state != "failed" else 1


if __name__ == "__main__":
    sys.exit(main())
