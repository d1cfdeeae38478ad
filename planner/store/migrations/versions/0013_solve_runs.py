"""Solve runs: `solve_runs`, one solve of a season as every session sees it (its parameters,
state, progress, heartbeat and result), at most one running or stopping per season
(`planner.store.solve_runs`).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | Sequence[str] | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ACTIVE = sa.text("state IN ('running', 'stopping')")


def upgrade() -> None:
    op.create_table(
        "solve_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("season_id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_by", sa.String(), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("previous", sa.JSON(), nullable=True),
        sa.Column("state", sa.String(), nullable=False),
        sa.Column("objective", sa.Float(), nullable=True),
        sa.Column("bound", sa.Float(), nullable=True),
        sa.Column("solutions", sa.Integer(), nullable=False),
        sa.Column("progress_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("stop_requested_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("stop_requested_by", sa.String(), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("summary", sa.JSON(), nullable=True),
        sa.Column("plan", sa.JSON(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_by", sa.String(), nullable=True),
        sa.Column("saved_plan_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "state IN ('running', 'stopping', 'finished', 'stopped', 'failed', 'interrupted')",
            name=op.f("ck_solve_runs_state_known"),
        ),
        sa.ForeignKeyConstraint(
            ["saved_plan_id"],
            ["plans.id"],
            name=op.f("fk_solve_runs_saved_plan_id_plans"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["season_id"],
            ["seasons.id"],
            name=op.f("fk_solve_runs_season_id_seasons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_solve_runs")),
    )
    op.create_index(op.f("ix_solve_runs_season_id"), "solve_runs", ["season_id"])
    op.create_index(
        "uq_solve_runs_active",
        "solve_runs",
        ["season_id"],
        unique=True,
        sqlite_where=ACTIVE,
        postgresql_where=ACTIVE,
    )


def downgrade() -> None:
    op.drop_index("uq_solve_runs_active", table_name="solve_runs")
    op.drop_index(op.f("ix_solve_runs_season_id"), table_name="solve_runs")
    op.drop_table("solve_runs")
