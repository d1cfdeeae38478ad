"""The service's own end (handbook l. 537-543): `service_timelines.ended_on`, `end_reason` and
`follow_up`, recorded by the client's own worker when social rehabilitation ends, apart from
the group places the client held.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | Sequence[str] | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("service_timelines") as batch:
        batch.add_column(sa.Column("ended_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("end_reason", sa.String(), nullable=True))
        batch.add_column(sa.Column("follow_up", sa.String(), nullable=True))
        batch.create_check_constraint(
            op.f("ck_service_timelines_ended_after_start"),
            "ended_on IS NULL OR ended_on >= start_date",
        )


def downgrade() -> None:
    with op.batch_alter_table("service_timelines") as batch:
        batch.drop_constraint(op.f("ck_service_timelines_ended_after_start"), type_="check")
        batch.drop_column("follow_up")
        batch.drop_column("end_reason")
        batch.drop_column("ended_on")
