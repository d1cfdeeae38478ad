"""Plumbing shared by the live offering's modules: transactions, events, the season.

Write transactions take SQLite's lock up front (BEGIN IMMEDIATE) and, unlike
`Store._writing`, no PostgreSQL-wide advisory lock: enrolments in different groups run in
parallel there, kept correct by row locks and the seat rule in `planner.store.seats`.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, NamedTuple, TypeVar

import sqlalchemy as sa

from planner.store import audit
from planner.store.engine import WRITE
from planner.store.errors import StoreError, reason
from planner.store.schema import LIVE_STATE, GroupRow, OfferingRow, PlanGroupRow, SeasonRow
from planner.store.snapshot import live_season_of
from planner.store.store import Store
from planner.terms import last_session_of

log = logging.getLogger("planner")

T = TypeVar("T")

RETRY_SQLSTATES = {"40001", "40P01"}  # serialization failure, deadlock detected
ATTEMPTS = 6


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@contextmanager
def reading(store: Store, doing: str) -> Iterator[sa.Connection]:
    try:
        with store.engine.connect() as conn:
            yield conn
    except sa.exc.SQLAlchemyError as exc:
        raise StoreError(f"could not {doing} ({store.safe_url}): {reason(exc)}") from exc


def run_write(store: Store, doing: str, work: Callable[[sa.Connection], T]) -> T:
    """`work(conn)` in one write transaction, retried on a PostgreSQL deadlock."""
    for attempt in range(1, ATTEMPTS + 1):
        try:
            with store.engine.connect() as conn:
                conn.execution_options(**{WRITE: True})
                with conn.begin():
                    return work(conn)
        except sa.exc.DBAPIError as exc:
            if attempt < ATTEMPTS and getattr(exc.orig, "sqlstate", None) in RETRY_SQLSTATES:
                log.debug("retrying to %s after %s", doing, reason(exc))
                time.sleep(random.uniform(0, 0.02 * 2**attempt))
                continue
            raise StoreError(f"could not {doing} ({store.safe_url}): {reason(exc)}") from exc
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"could not {doing} ({store.safe_url}): {reason(exc)}") from exc
    raise AssertionError("unreachable")


def add_event(conn: sa.Connection, actor: str, action: str, detail: Mapping[str, Any]) -> None:
    """An entry at the audit chain's end, in the caller's transaction (`planner.store.audit`)."""
    audit.append(conn, actor, action, detail)


def season_of(conn: sa.Connection, season_id: int | None) -> int:
    """`season_id`, or by default the live (published) season."""
    if season_id is not None:
        return season_id
    found = live_season_of(conn)
    if found is None:
        raise StoreError("no live season: import a season first")
    return int(found)


def ensure_live(conn: sa.Connection, season_id: int) -> None:
    """Refuse to change the offering of a season that is not live (a draft goes live by
    switching to it: `Store.publish_season`, `planner season publish ID`)."""
    state = conn.scalar(sa.select(SeasonRow.state).where(SeasonRow.id == season_id))
    if state is None:
        raise StoreError(f"no season with id {season_id}")
    if state != LIVE_STATE:
        raise StoreError(
            f"season {season_id} is {state}, not the live season: make it live with "
            f"`planner season publish {season_id}` (or on the Import page)"
        )


class PublishedTerm(NamedTuple):
    """A published group's term and seats, as its offering stands."""

    start_date: dt.date
    weeks: int | None
    weekday: int
    max_size: int

    @property
    def last_session(self) -> dt.date | None:
        """The day of its last session (None for a group without a fixed term)."""
        return last_session_of(self.start_date, self.weeks, self.weekday)


def published_term(conn: sa.Connection, season_id: int, group_id: str) -> PublishedTerm | None:
    """The published group's start, weeks, planned weekday and seats; None when the group is
    not in the published offering."""
    found = conn.execute(
        sa.select(GroupRow.start_date, GroupRow.weeks, PlanGroupRow.weekday, OfferingRow.max_size)
        .join(
            OfferingRow,
            sa.and_(
                OfferingRow.season_id == GroupRow.season_id,
                OfferingRow.group_id == GroupRow.group_id,
            ),
        )
        .join(
            PlanGroupRow,
            sa.and_(
                PlanGroupRow.plan_id == OfferingRow.plan_id,
                PlanGroupRow.group_id == GroupRow.group_id,
            ),
        )
        .where(GroupRow.season_id == season_id, GroupRow.group_id == group_id)
    ).first()
    return None if found is None else PublishedTerm(*found)
