"""Theme names: `themes`, the season's optional table of how theme codes read to people
(`Season.themes`); a code not listed reads as the catalogue names it.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-07

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020"
down_revision: str | Sequence[str] | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "themes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("season_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("theme", sa.String(), nullable=False),
        sa.Column("name_fi", sa.String(), nullable=False),
        sa.Column("name_sv", sa.String(), nullable=False),
        sa.Column("name_en", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["season_id"],
            ["seasons.id"],
            name=op.f("fk_themes_season_id_seasons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_themes")),
        sa.UniqueConstraint("season_id", "theme", name=op.f("uq_themes_season_id_theme")),
    )


def downgrade() -> None:
    op.drop_table("themes")
