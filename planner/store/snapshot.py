"""A stored season or plan read back whole, inside a caller's connection or transaction."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from planner.model import Plan, Season
from planner.store.convert import plan_from, season_from
from planner.store.schema import (
    LIVE_STATE,
    SEASON_TABLES,
    Base,
    PlanGroupRow,
    PlanParticipantRow,
    PlanUnscheduledRow,
    SeasonRow,
)

PLAN_TABLES: tuple[type[Base], ...] = (PlanGroupRow, PlanParticipantRow, PlanUnscheduledRow)


def select_rows(
    conn: sa.Connection, table: type[Base], parent: Any, parent_id: int
) -> Sequence[sa.RowMapping]:
    """The rows of `table` that belong to one season or plan, in their stored order."""
    query = sa.select(table.__table__).where(parent == parent_id)
    return conn.execute(query.order_by(table.__table__.c.position)).mappings().all()


def live_season_of(conn: sa.Connection) -> int | None:
    """The id of the live (published) season; None when no season is live."""
    return conn.scalar(sa.select(SeasonRow.id).where(SeasonRow.state == LIVE_STATE))


def season_at(conn: sa.Connection, season_id: int | None) -> Season | None:
    """The season with this id; None when there is none."""
    name = conn.scalar(sa.select(SeasonRow.name).where(SeasonRow.id == season_id))
    if name is None:
        return None
    rows = {
        table.__tablename__: select_rows(conn, table, table.season_id, season_id)
        for table in SEASON_TABLES
    }
    return season_from(name, rows)


def plan_at(conn: sa.Connection, plan_id: int) -> Plan:
    """The plan with this id (the caller knows it exists)."""
    rows = {
        table.__tablename__: select_rows(conn, table, table.plan_id, plan_id)
        for table in PLAN_TABLES
    }
    return plan_from(rows)
