"""Postal areas: `postal_areas`, the season's optional table of postal areas' centres
(`Season.postal_areas`); a client whose postal code is listed travels from its centre.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "postal_areas",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("season_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("postal_code", sa.String(), nullable=False),
        sa.Column("name_fi", sa.String(), nullable=False),
        sa.Column("name_sv", sa.String(), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("municipality", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(
            ["season_id"],
            ["seasons.id"],
            name=op.f("fk_postal_areas_season_id_seasons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_postal_areas")),
        sa.UniqueConstraint(
            "season_id", "postal_code", name=op.f("uq_postal_areas_season_id_postal_code")
        ),
    )


def downgrade() -> None:
    op.drop_table("postal_areas")
