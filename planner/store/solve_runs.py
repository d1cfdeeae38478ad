"""Solve runs: one solve of a season as every session sees it, kept in the store.

    runs = SolveRuns(store)
    run_id = runs.start(season_id, actor="anna", params={"time_limit_s": 60})
    runs.beat(run_id, objective=-120.0, bound=-130.0, solutions=3)   # the worker, each second
    runs.request_stop(run_id, actor="bo")                             # the Stop button
    runs.finish(run_id, "stopped", summary, plan)                    # the worker, at the end
    plan_id = runs.save(run_id, actor="anna")                         # through the plan gate

The worker (`planner.solve_runs`) writes the progress and a heartbeat; pages only read.
At most one run per season is active (`running` or `stopping`), enforced by a partial unique
index, so two coordinators pressing the button at once get one run and one refusal
(`RunRefused`). A run whose heartbeat is older than `STALE_AFTER_S` lost its worker (a
server restart, a killed process): `SolveRun.shown_state` calls it `interrupted`, and the
next start on the season writes that state, so it never blocks the season.

The result is the run's own until a person saves it: `save` hands the plan to
`Store.save_plan` (the plan gate) and closes the run; `close` discards it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from planner import i18n
from planner.model import Plan
from planner.store.convert import plan_from, plan_rows
from planner.store.errors import StoreError
from planner.store.live import reading, run_write, utcnow
from planner.store.plan_gate import unsolved
from planner.store.schema import ACTIVE_RUN_STATES, RUN_STATES, SolveRunRow
from planner.store.store import Store

STALE_AFTER_S = 60.0
"""A run without a heartbeat for this long lost its worker (the worker beats every second;
the margin covers a write that waits for another writer's lock)."""

ENDED_STATES = ("finished", "stopped", "failed")
"""The states a worker ends its run with."""


class RunRefused(StoreError):
    """A run that cannot start or change: `key` (`run.refused.<rule>`) and `params` say why
    in any language (`message_in`); `str()` is the English line."""

    def __init__(self, rule: str, **params: Any) -> None:
        self.rule = rule
        self.key = f"run.refused.{rule}"
        self.params = {k: str(v) for k, v in params.items()}
        super().__init__(self.message_in("en"))

    def message_in(self, lang: str) -> str:
        return i18n.t(self.key, lang, **self.params)


@dataclass(frozen=True)
class SolveRun:
    """One stored run (see the module docstring); `state` is as stored."""

    id: int
    season_id: int
    started_at: dt.datetime
    started_by: str
    params: dict[str, Any]
    state: str
    heartbeat_at: dt.datetime
    objective: float | None = None
    bound: float | None = None
    solutions: int = 0
    progress_at: dt.datetime | None = None
    stop_requested_at: dt.datetime | None = None
    stop_requested_by: str | None = None
    finished_at: dt.datetime | None = None
    summary: dict[str, Any] | None = None
    plan: Plan | None = None
    previous: Plan | None = None
    error: str | None = None
    closed_at: dt.datetime | None = None
    closed_by: str | None = None
    saved_plan_id: int | None = None

    @property
    def active(self) -> bool:
        """Running or stopping as stored (its worker may still have died: `shown_state`)."""
        return self.state in ACTIVE_RUN_STATES

    def stale(self, now: dt.datetime | None = None) -> bool:
        """Active, but without a heartbeat for `STALE_AFTER_S`: its worker is gone."""
        age = ((now or utcnow()) - self.heartbeat_at).total_seconds()
        return self.active and age > STALE_AFTER_S

    def shown_state(self, now: dt.datetime | None = None) -> str:
        """The state as people should see it: `interrupted` for a stale active run."""
        return "interrupted" if self.stale(now) else self.state


class SolveRuns:
    """The solve runs of a store's seasons."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def start(
        self,
        season_id: int,
        actor: str,
        params: Mapping[str, Any],
        previous: Plan | None = None,
        now: dt.datetime | None = None,
    ) -> int:
        """A new `running` run of the season; returns its id. Refused (`RunRefused`
        "busy") while another run of the season is active and alive; a stale one is marked
        `interrupted` first."""
        when = now or utcnow()

        def work(conn: sa.Connection) -> int:
            for row in conn.execute(_active(season_id)).all():
                run = _run(row)
                if not run.stale(when):
                    raise RunRefused("busy", who=run.started_by)
                conn.execute(
                    sa.update(SolveRunRow)
                    .where(SolveRunRow.id == run.id)
                    .values(state="interrupted", finished_at=when)
                )
            return int(
                conn.execute(
                    sa.insert(SolveRunRow).values(
                        season_id=season_id,
                        started_at=when,
                        started_by=actor,
                        params=dict(params),
                        previous=plan_rows(previous) if previous is not None else None,
                        state="running",
                        solutions=0,
                        heartbeat_at=when,
                    )
                ).inserted_primary_key[0]
            )

        try:
            return run_write(self.store, "start the solve run", work)
        except StoreError as exc:
            if isinstance(exc, RunRefused) or not _unique_violation(exc):
                raise
            # Two starts at once: the partial unique index let one in.
            raise RunRefused("busy", who="?") from exc

    def get(self, run_id: int) -> SolveRun | None:
        with reading(self.store, "read the solve run") as conn:
            row = conn.execute(sa.select(SolveRunRow).where(SolveRunRow.id == run_id)).first()
        return _run(row) if row is not None else None

    def latest(self, season_id: int, open_only: bool = True) -> SolveRun | None:
        """The season's newest run (with `open_only`, the newest not yet saved or
        discarded), or None."""
        query = sa.select(SolveRunRow).where(SolveRunRow.season_id == season_id)
        if open_only:
            query = query.where(SolveRunRow.closed_at.is_(None))
        with reading(self.store, "read the solve runs") as conn:
            row = conn.execute(query.order_by(SolveRunRow.id.desc()).limit(1)).first()
        return _run(row) if row is not None else None

    def beat(
        self,
        run_id: int,
        objective: float | None = None,
        bound: float | None = None,
        solutions: int | None = None,
        now: dt.datetime | None = None,
    ) -> str:
        """The worker's heartbeat, with its progress when it has any; returns the run's
        stored state, so the worker learns of a Stop in the same round trip."""
        when = now or utcnow()
        values: dict[str, Any] = {"heartbeat_at": when}
        if solutions is not None:
            values.update(objective=objective, bound=bound, solutions=solutions, progress_at=when)

        def work(conn: sa.Connection) -> str:
            conn.execute(
                sa.update(SolveRunRow)
                .where(SolveRunRow.id == run_id, SolveRunRow.state.in_(ACTIVE_RUN_STATES))
                .values(**values)
            )
            state = conn.scalar(sa.select(SolveRunRow.state).where(SolveRunRow.id == run_id))
            if state is None:
                raise StoreError(f"no solve run with id {run_id}")
            return str(state)

        return run_write(self.store, "record the solve's progress", work)

    def request_stop(self, run_id: int, actor: str, now: dt.datetime | None = None) -> SolveRun:
        """Ask a running run to stop (`stopping`); the worker ends the search and keeps the
        best plan so far. A run that has already ended is left as it is."""
        when = now or utcnow()

        def work(conn: sa.Connection) -> None:
            conn.execute(
                sa.update(SolveRunRow)
                .where(SolveRunRow.id == run_id, SolveRunRow.state == "running")
                .values(state="stopping", stop_requested_at=when, stop_requested_by=actor)
            )

        run_write(self.store, "stop the solve run", work)
        run = self.get(run_id)
        if run is None:
            raise StoreError(f"no solve run with id {run_id}")
        return run

    def finish(
        self,
        run_id: int,
        state: str,
        summary: Mapping[str, Any] | None = None,
        plan: Plan | None = None,
        error: str | None = None,
        now: dt.datetime | None = None,
    ) -> None:
        """The worker's end of the run: `finished`, `stopped` or `failed`, with its result.
        A run already ended (an `interrupted` one, given up for dead) keeps its state."""
        if state not in ENDED_STATES:
            raise ValueError(f"a run ends as one of {', '.join(ENDED_STATES)}, not {state!r}")
        when = now or utcnow()

        def work(conn: sa.Connection) -> None:
            conn.execute(
                sa.update(SolveRunRow)
                .where(SolveRunRow.id == run_id, SolveRunRow.state.in_(ACTIVE_RUN_STATES))
                .values(
                    state=state,
                    finished_at=when,
                    heartbeat_at=when,
                    summary=dict(summary) if summary is not None else None,
                    plan=plan_rows(plan) if plan is not None else None,
                    error=error,
                )
            )

        run_write(self.store, "store the solve's result", work)

    def close(
        self,
        run_id: int,
        actor: str,
        saved_plan_id: int | None = None,
        now: dt.datetime | None = None,
    ) -> None:
        """Put an ended (or interrupted) run's result aside: saved as `saved_plan_id`, or
        discarded. Refused (`RunRefused` "active") while the run is alive."""
        when = now or utcnow()

        def work(conn: sa.Connection) -> None:
            row = conn.execute(sa.select(SolveRunRow).where(SolveRunRow.id == run_id)).first()
            if row is None:
                raise StoreError(f"no solve run with id {run_id}")
            run = _run(row)
            if run.active and not run.stale(when):
                raise RunRefused("active")
            values: dict[str, Any] = {
                "closed_at": when,
                "closed_by": actor,
                "saved_plan_id": saved_plan_id,
            }
            if run.active:
                values.update(state="interrupted", finished_at=when)
            conn.execute(sa.update(SolveRunRow).where(SolveRunRow.id == run_id).values(**values))

        run_write(self.store, "close the solve run", work)

    def save(self, run_id: int, actor: str, note: str = "app") -> int:
        """Save an ended run's plan as its season's current plan, through the store's save
        path (`Store.save_plan`: the validator's gate, `PlanRejected` when it refuses; then
        the run stays open), and close the run. Returns the plan's id."""
        run = self.get(run_id)
        if run is None:
            raise StoreError(f"no solve run with id {run_id}")
        if run.closed_at is not None:
            raise RunRefused("closed")
        if run.plan is None or not run.plan.placements or unsolved(run.summary):
            raise RunRefused("no_plan")
        summary = {**(run.summary or {}), "params": run.params}
        plan_id = self.store.save_plan(
            run.plan, summary, season_id=run.season_id, actor=actor, note=note
        )
        self.close(run_id, actor, saved_plan_id=plan_id)
        return plan_id


def _active(season_id: int) -> sa.Select:
    return sa.select(SolveRunRow).where(
        SolveRunRow.season_id == season_id, SolveRunRow.state.in_(ACTIVE_RUN_STATES)
    )


def _unique_violation(exc: StoreError) -> bool:
    cause = exc.__cause__
    return isinstance(cause, sa.exc.IntegrityError)


def _run(row: Any) -> SolveRun:
    assert row.state in RUN_STATES, row.state
    return SolveRun(
        id=row.id,
        season_id=row.season_id,
        started_at=row.started_at,
        started_by=row.started_by,
        params=dict(row.params or {}),
        state=row.state,
        heartbeat_at=row.heartbeat_at,
        objective=row.objective,
        bound=row.bound,
        solutions=row.solutions,
        progress_at=row.progress_at,
        stop_requested_at=row.stop_requested_at,
        stop_requested_by=row.stop_requested_by,
        finished_at=row.finished_at,
        summary=dict(row.summary) if row.summary is not None else None,
        plan=plan_from(row.plan) if row.plan is not None else None,
        previous=plan_from(row.previous) if row.previous is not None else None,
        error=row.error,
        closed_at=row.closed_at,
        closed_by=row.closed_by,
        saved_plan_id=row.saved_plan_id,
    )
