"""The coordinator's flag on an enrolment: `enrolments.coordinator_flag`, the rule a client
can no longer keep after a publish moved their group, set when the coordinator chose to keep
the place anyway (`planner.store.publishing`). Null for every other place.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-10

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("enrolments", sa.Column("coordinator_flag", sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("enrolments") as batch:
        batch.drop_column("coordinator_flag")
