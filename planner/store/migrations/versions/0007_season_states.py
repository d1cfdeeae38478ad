"""Seasons side by side: `seasons.state` (draft, published or archived) replaces
`seasons.is_current`. At most one season is `published`: the live one that workers,
calendars and feeds use; an import makes a draft, and switching archives the old live one.

Seasons stored before keep what every page showed them as: the current season becomes the
published (live) season, whether or not its plan was published yet, so Find a group, the
calendars, `planner publish` and `planner ics` see the same season after the upgrade as
before it. Every other season had been replaced by an import and becomes archived (still
listed and loadable, and it can be made live again by switching to it).

Downgrading makes the published season current again (or, with none, the newest season).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-10

"""

import sqlite3
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PUBLISHED = sa.text("state = 'published'")
CURRENT = sa.text("is_current")


def upgrade() -> None:
    op.add_column(
        "seasons", sa.Column("state", sa.String(), nullable=False, server_default="draft")
    )
    op.execute(
        "UPDATE seasons SET state = CASE WHEN is_current THEN 'published' ELSE 'archived' END"
    )
    op.drop_index("uq_seasons_current", table_name="seasons")
    _drop_column("is_current")
    op.create_index(
        "uq_seasons_published",
        "seasons",
        ["state"],
        unique=True,
        sqlite_where=PUBLISHED,
        postgresql_where=PUBLISHED,
    )


def downgrade() -> None:
    op.drop_index("uq_seasons_published", table_name="seasons")
    op.add_column(
        "seasons",
        sa.Column("is_current", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.execute(
        "UPDATE seasons SET is_current = (id = (SELECT COALESCE("
        "(SELECT MAX(id) FROM seasons WHERE state = 'published'), "
        "(SELECT MAX(id) FROM seasons))))"
    )
    _drop_column("state")
    op.create_index(
        "uq_seasons_current",
        "seasons",
        ["is_current"],
        unique=True,
        sqlite_where=CURRENT,
        postgresql_where=CURRENT,
    )


def _drop_column(name: str) -> None:
    """Drop a column of `seasons` in place. SQLite 3.35+ drops it natively; rebuilding the
    table instead (a batch) would cascade-delete every season's rows whenever foreign keys
    are on, as they are for a downgrade run by hand."""
    if op.get_context().dialect.name == "sqlite" and sqlite3.sqlite_version_info >= (3, 35):
        op.execute(f"ALTER TABLE seasons DROP COLUMN {name}")
        return
    with op.batch_alter_table("seasons") as batch:
        batch.drop_column(name)
