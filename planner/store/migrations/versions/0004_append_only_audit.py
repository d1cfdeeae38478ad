"""The audit trail is append-only in the database: triggers refuse to change or delete events.

The one exception is `planner purge`, which must blank a purged client's code in the details
(data protection, l. 118): it holds a row in `audit_redaction` for the length of its own
transaction, and only then may an event's details change. Nothing may delete an event.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MESSAGE = "the audit trail is append-only"

SQLITE = [
    f"""CREATE TRIGGER events_no_update BEFORE UPDATE ON events
        WHEN NOT EXISTS (SELECT 1 FROM audit_redaction)
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
    f"""CREATE TRIGGER events_no_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
]
POSTGRES = [
    f"""CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'UPDATE' AND EXISTS (SELECT 1 FROM audit_redaction) THEN
                RETURN NEW;
            END IF;
            RAISE EXCEPTION '{MESSAGE}';
        END $$""",
    """CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
        FOR EACH ROW EXECUTE FUNCTION events_append_only()""",
    """CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
        FOR EACH STATEMENT EXECUTE FUNCTION events_append_only()""",
]


def upgrade() -> None:
    op.create_table(
        "audit_redaction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_redaction")),
    )
    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": SQLITE, "postgresql": POSTGRES}.get(dialect, []):
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS events_no_update")
        op.execute("DROP TRIGGER IF EXISTS events_no_delete")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS events_no_truncate ON events")
        op.execute("DROP TRIGGER IF EXISTS events_append_only ON events")
        op.execute("DROP FUNCTION IF EXISTS events_append_only()")
    op.drop_table("audit_redaction")
