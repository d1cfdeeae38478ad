"""Drop-in pop-up groups (handbook l. 355, 366): `groups.drop_in`, a pop-up group open
without enrolment, and `head_counts`, the number of visitors a leader records per held
session of such a group instead of names (no client identifiers).

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | Sequence[str] | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "groups", sa.Column("drop_in", sa.Boolean(), nullable=False, server_default=sa.false())
    )
    op.create_table(
        "head_counts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("offering_id", sa.Integer(), nullable=False),
        sa.Column("session_date", sa.Date(), nullable=False),
        sa.Column("visitors", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_by", sa.String(), nullable=False),
        sa.CheckConstraint("visitors >= 0", name=op.f("ck_head_counts_visitors_not_negative")),
        sa.ForeignKeyConstraint(
            ["offering_id"],
            ["offerings.id"],
            name=op.f("fk_head_counts_offering_id_offerings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_head_counts")),
        sa.UniqueConstraint(
            "offering_id",
            "session_date",
            name=op.f("uq_head_counts_offering_id_session_date"),
        ),
    )


def downgrade() -> None:
    op.drop_table("head_counts")
    with op.batch_alter_table("groups") as batch:
        batch.drop_column("drop_in")
