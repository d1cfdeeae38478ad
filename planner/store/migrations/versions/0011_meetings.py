"""Joint meetings (l. 379): `meetings`, a client's meeting with their counsellor and the
group's leader before the client's first session or after the group's last, booked, held or
cancelled (`planner.store.bookings`). The client is named by `client_code` only.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LIVE = sa.text("status IN ('booked', 'held')")


def upgrade() -> None:
    op.create_table(
        "meetings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("season_id", sa.Integer(), nullable=False),
        sa.Column("offering_id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.String(), nullable=False),
        sa.Column("client_code", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("start_min", sa.Integer(), nullable=False),
        sa.Column("end_min", sa.Integer(), nullable=False),
        sa.Column("counsellor", sa.String(), nullable=False),
        sa.Column("leader", sa.String(), nullable=False),
        sa.Column("venue_id", sa.String(), nullable=True),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("booked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("booked_by", sa.String(), nullable=False),
        sa.Column("held_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("held_by", sa.String(), nullable=True),
        sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("cancelled_by", sa.String(), nullable=True),
        sa.Column("uid", sa.String(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "status IN ('booked', 'held', 'cancelled')", name=op.f("ck_meetings_status_known")
        ),
        sa.CheckConstraint("kind IN ('before', 'after')", name=op.f("ck_meetings_kind_known")),
        sa.CheckConstraint("start_min < end_min", name=op.f("ck_meetings_starts_before_it_ends")),
        sa.ForeignKeyConstraint(
            ["offering_id"],
            ["offerings.id"],
            name=op.f("fk_meetings_offering_id_offerings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["season_id"],
            ["seasons.id"],
            name=op.f("fk_meetings_season_id_seasons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meetings")),
        sa.UniqueConstraint("uid", name=op.f("uq_meetings_uid")),
    )
    op.create_index(
        "uq_meetings_live",
        "meetings",
        ["season_id", "group_id", "client_code", "kind"],
        unique=True,
        sqlite_where=LIVE,
        postgresql_where=LIVE,
    )
    op.create_index("ix_meetings_client", "meetings", ["season_id", "client_code"])
    op.create_index("ix_meetings_group", "meetings", ["season_id", "group_id"])


def downgrade() -> None:
    op.drop_index("ix_meetings_group", table_name="meetings")
    op.drop_index("ix_meetings_client", table_name="meetings")
    op.drop_index("uq_meetings_live", table_name="meetings")
    op.drop_table("meetings")
