"""How each enrolled client takes part: `enrolments.mode` (on_site or remote), decided when
the place is taken by the same rule as a plan's modes (remote only by consent).

Places taken before keep their meaning as far as it was recorded: on site.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "enrolments", sa.Column("mode", sa.String(), nullable=False, server_default="on_site")
    )


def downgrade() -> None:
    with op.batch_alter_table("enrolments") as batch:
        batch.drop_column("mode")
