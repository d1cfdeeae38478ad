"""Service timelines: `service_timelines`, a client's service start, the current decision's
last day and the evaluations held (handbook l. 118, 596, 646-659), by the client's
pseudonymous code (`planner.store.timelines`).

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | Sequence[str] | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "service_timelines",
        sa.Column("client_code", sa.String(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("decision_end", sa.Date(), nullable=True),
        sa.Column("held", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(), nullable=False),
        sa.CheckConstraint(
            "decision_end IS NULL OR decision_end >= start_date",
            name=op.f("ck_service_timelines_decision_after_start"),
        ),
        sa.PrimaryKeyConstraint("client_code", name=op.f("pk_service_timelines")),
    )


def downgrade() -> None:
    op.drop_table("service_timelines")
