"""The work car's runs computed for a stored plan, kept so the routes page solves once per plan.

    cache = RouteCache(store)
    record = cache.get(plan_id, seconds=2.0)           # None: not computed yet
    cache.put(plan_id, 2.0, record, clients, actor="anna")

A plan never changes once stored, so its id and the solver's seconds per weekday are the key;
the record is the runs as JSON (`planner.routing.stored_runs`), which this module stores and
returns without reading. `clients` names the client codes in the record: a purge deletes the
rows naming a purged client (`planner.store.purge`), and deleting a plan deletes its rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa

from planner.store.live import reading, run_write, utcnow
from planner.store.schema import RouteCacheRow
from planner.store.store import Store


class RouteCache:
    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, plan_id: int, seconds: float) -> dict[str, Any] | None:
        """The stored runs of this plan at this many seconds per weekday; None when none."""
        with reading(self.store, "read the cached routes") as conn:
            return conn.scalar(
                sa.select(RouteCacheRow.runs).where(
                    RouteCacheRow.plan_id == plan_id, RouteCacheRow.seconds == float(seconds)
                )
            )

    def put(
        self,
        plan_id: int,
        seconds: float,
        runs: dict[str, Any],
        clients: Iterable[str],
        actor: str = "cli",
    ) -> None:
        """Store (or replace) the runs of this plan at this many seconds per weekday."""

        def work(conn: sa.Connection) -> None:
            key = (RouteCacheRow.plan_id == plan_id, RouteCacheRow.seconds == float(seconds))
            conn.execute(sa.delete(RouteCacheRow).where(*key))
            conn.execute(
                sa.insert(RouteCacheRow).values(
                    plan_id=plan_id,
                    seconds=float(seconds),
                    computed_at=utcnow(),
                    computed_by=actor,
                    runs=runs,
                    clients=sorted(set(clients)),
                )
            )

        run_write(self.store, "store the computed routes", work)


def drop_routes_naming(conn: sa.Connection, codes: set[str], dry_run: bool) -> int:
    """Delete the cached runs that name one of `codes` (in the caller's transaction)."""
    found = [
        (plan_id, seconds)
        for plan_id, seconds, clients in conn.execute(
            sa.select(RouteCacheRow.plan_id, RouteCacheRow.seconds, RouteCacheRow.clients)
        ).all()
        if codes.intersection(clients or ())
    ]
    if not dry_run:
        for plan_id, seconds in found:
            conn.execute(
                sa.delete(RouteCacheRow).where(
                    RouteCacheRow.plan_id == plan_id, RouteCacheRow.seconds == seconds
                )
            )
    return len(found)
