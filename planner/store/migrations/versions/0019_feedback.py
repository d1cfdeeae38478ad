"""Feedback from groups (handbook l. 527, 529): `feedback_rounds` (a round per group and
session, its link's token kept as a hash), `feedback_answers` (anonymous: no client code, no
time of its own) and `group_evaluations` (the leaders' own evaluation at the group's end).

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-07

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | Sequence[str] | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCALES = ("satisfaction", "commitment", "recommend", "benefit")


def upgrade() -> None:
    op.create_table(
        "feedback_rounds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("season_id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.String(), nullable=False),
        sa.Column("session_date", sa.Date(), nullable=False),
        sa.Column("token_hash", sa.String(), nullable=False),
        sa.Column("closes_on", sa.Date(), nullable=False),
        sa.Column("max_answers", sa.Integer(), nullable=False),
        sa.Column("answers", sa.Integer(), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("opened_by", sa.String(), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_by", sa.String(), nullable=True),
        sa.CheckConstraint(
            "answers >= 0 AND answers <= max_answers",
            name=op.f("ck_feedback_rounds_answers_within_max_answers"),
        ),
        sa.ForeignKeyConstraint(
            ["season_id"],
            ["seasons.id"],
            name=op.f("fk_feedback_rounds_season_id_seasons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback_rounds")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_feedback_rounds_token_hash")),
    )
    op.create_index("ix_feedback_rounds_group", "feedback_rounds", ["season_id", "group_id"])
    op.create_table(
        "feedback_answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(), nullable=False),
        *(sa.Column(name, sa.Integer(), nullable=False) for name in SCALES),
        sa.Column("change", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "channel IN ('web', 'paper')", name=op.f("ck_feedback_answers_channel_known")
        ),
        *(
            sa.CheckConstraint(
                f"{name} BETWEEN 1 AND 5", name=op.f(f"ck_feedback_answers_{name}_on_the_scale")
            )
            for name in SCALES
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["feedback_rounds.id"],
            name=op.f("fk_feedback_answers_round_id_feedback_rounds"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback_answers")),
    )
    op.create_index(
        op.f("ix_feedback_answers_round_id"), "feedback_answers", ["round_id"], unique=False
    )
    op.create_table(
        "group_evaluations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("season_id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.String(), nullable=False),
        sa.Column("went_well", sa.Text(), nullable=False),
        sa.Column("to_change", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("written_on", sa.Date(), nullable=False),
        sa.Column("written_by", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["season_id"],
            ["seasons.id"],
            name=op.f("fk_group_evaluations_season_id_seasons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_group_evaluations")),
        sa.UniqueConstraint(
            "season_id",
            "group_id",
            "written_by",
            name=op.f("uq_group_evaluations_season_id_group_id_written_by"),
        ),
    )


def downgrade() -> None:
    op.drop_table("group_evaluations")
    op.drop_index(op.f("ix_feedback_answers_round_id"), table_name="feedback_answers")
    op.drop_table("feedback_answers")
    op.drop_index("ix_feedback_rounds_group", table_name="feedback_rounds")
    op.drop_table("feedback_rounds")
