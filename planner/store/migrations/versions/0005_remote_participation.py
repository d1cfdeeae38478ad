"""Remote participation by consent: `clients.remote` (the client agreed to take part remotely,
l. 456, 469, 473-474) and `plan_participants.mode` (on_site or remote).

Seasons and plans stored before keep their meaning as far as it was recorded: no client had
agreed, every planned participant was on site.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "clients", sa.Column("remote", sa.Boolean(), nullable=False, server_default=sa.false())
    )
    op.add_column(
        "plan_participants",
        sa.Column("mode", sa.String(), nullable=False, server_default="on_site"),
    )


def downgrade() -> None:
    with op.batch_alter_table("plan_participants") as batch:
        batch.drop_column("mode")
    with op.batch_alter_table("clients") as batch:
        batch.drop_column("remote")
