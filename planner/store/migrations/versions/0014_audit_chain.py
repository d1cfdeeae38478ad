"""The audit trail becomes a hash chain (`planner.store.audit`), and the database enforces it.

Each event gets `prev_hash` and `hash`; its client code moves out of `detail` into
`client_code`, with a salt and the digest the chain hashes (`code_salt`, `code_digest`), so a
purge can blank the code and nothing else. Existing events are chained here in id order and
flagged `legacy` (their times were not written under the chain's lock).

The triggers of 0004 are replaced. On both engines they refuse:
- every DELETE (and TRUNCATE on PostgreSQL);
- every UPDATE but a purge's redaction: while `audit_redaction` holds a row, `client_code`
  may become 'purged' and `code_salt` NULL, every other column unchanged, and only for a code
  no client row holds any more (the purge deletes those first);
- every INSERT that does not go after the last entry (a higher id) naming its hash in
  `prev_hash`: so `REPLACE INTO events` and `INSERT ... ON CONFLICT` (which would overwrite
  an entry) are refused before they touch a row.
On PostgreSQL the triggers are ENABLE ALWAYS: they fire under `session_replication_role =
replica` too. The owner of the table (or a superuser) can still drop them; that is what the
chain, and an application role that owns nothing (README, "PostgreSQL"), are for.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from planner.store.audit import GENESIS, PURGED, entry_hash, sealed

revision: str = "0014"
down_revision: str | Sequence[str] | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MESSAGE = "the audit trail is append-only"
INSERT_MESSAGE = f"{MESSAGE}: an entry goes after the last one and names its hash"

SQLITE_SAME = " AND ".join(
    f"NEW.{c} IS OLD.{c}"
    for c in ("id", "at", "actor", "action", "detail", "code_digest", "legacy", "prev_hash", "hash")
)
SQLITE = [
    f"""CREATE TRIGGER events_no_update BEFORE UPDATE ON events
        WHEN NOT (
            EXISTS (SELECT 1 FROM audit_redaction)
            AND {SQLITE_SAME}
            AND OLD.client_code IS NOT NULL AND OLD.client_code IS NOT '{PURGED}'
            AND NEW.client_code IS '{PURGED}' AND NEW.code_salt IS NULL
            AND NOT EXISTS (SELECT 1 FROM clients WHERE client_code = OLD.client_code)
        )
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
    f"""CREATE TRIGGER events_no_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
    f"""CREATE TRIGGER events_chain_insert BEFORE INSERT ON events
        WHEN NEW.id IS NULL
            OR NEW.id <= COALESCE((SELECT MAX(id) FROM events), 0)
            OR NEW.prev_hash IS NOT COALESCE(
                (SELECT hash FROM events ORDER BY id DESC LIMIT 1), '{GENESIS}')
        BEGIN SELECT RAISE(ABORT, '{INSERT_MESSAGE}'); END""",
]
POSTGRES = [
    f"""CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'UPDATE'
                AND EXISTS (SELECT 1 FROM audit_redaction)
                AND OLD.client_code IS NOT NULL AND OLD.client_code <> '{PURGED}'
                AND NEW.client_code IS NOT DISTINCT FROM '{PURGED}' AND NEW.code_salt IS NULL
                AND (to_jsonb(NEW) - 'client_code' - 'code_salt')
                    = (to_jsonb(OLD) - 'client_code' - 'code_salt')
                AND NOT EXISTS (SELECT 1 FROM clients WHERE client_code = OLD.client_code)
            THEN
                RETURN NEW;
            END IF;
            RAISE EXCEPTION '{MESSAGE}';
        END $$""",
    f"""CREATE FUNCTION events_chain_insert() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            last_id integer;
            last_hash text;
        BEGIN
            SELECT id, hash INTO last_id, last_hash FROM events ORDER BY id DESC LIMIT 1;
            IF NEW.id IS NULL OR NEW.id <= COALESCE(last_id, 0)
                OR NEW.prev_hash IS DISTINCT FROM COALESCE(last_hash, '{GENESIS}') THEN
                RAISE EXCEPTION '{INSERT_MESSAGE}';
            END IF;
            RETURN NEW;
        END $$""",
    """CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
        FOR EACH ROW EXECUTE FUNCTION events_append_only()""",
    """CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
        FOR EACH STATEMENT EXECUTE FUNCTION events_append_only()""",
    """CREATE TRIGGER events_chain_insert BEFORE INSERT ON events
        FOR EACH ROW EXECUTE FUNCTION events_chain_insert()""",
    "ALTER TABLE events ENABLE ALWAYS TRIGGER events_append_only",
    "ALTER TABLE events ENABLE ALWAYS TRIGGER events_no_truncate",
    "ALTER TABLE events ENABLE ALWAYS TRIGGER events_chain_insert",
]

# The 0004 triggers, for the downgrade.
SQLITE_0004 = [
    f"""CREATE TRIGGER events_no_update BEFORE UPDATE ON events
        WHEN NOT EXISTS (SELECT 1 FROM audit_redaction)
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
    f"""CREATE TRIGGER events_no_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
]
POSTGRES_0004 = [
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

EVENTS = sa.table(
    "events",
    sa.column("id", sa.Integer()),
    sa.column("at", sa.DateTime(timezone=True)),
    sa.column("actor", sa.String()),
    sa.column("action", sa.String()),
    sa.column("detail", sa.JSON()),
    sa.column("client_code", sa.String()),
    sa.column("code_salt", sa.String()),
    sa.column("code_digest", sa.String()),
    sa.column("legacy", sa.Boolean()),
    sa.column("prev_hash", sa.String()),
    sa.column("hash", sa.String()),
)


def _drop_triggers(dialect: str) -> None:
    if dialect == "sqlite":
        for name in ("events_no_update", "events_no_delete", "events_chain_insert"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    elif dialect == "postgresql":
        for name in ("events_no_truncate", "events_append_only", "events_chain_insert"):
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON events")
        op.execute("DROP FUNCTION IF EXISTS events_append_only()")
        op.execute("DROP FUNCTION IF EXISTS events_chain_insert()")


def upgrade() -> None:
    conn = op.get_bind()
    dialect = conn.dialect.name
    _drop_triggers(dialect)
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("client_code", sa.String(), nullable=True))
        batch.add_column(sa.Column("code_salt", sa.String(), nullable=True))
        batch.add_column(sa.Column("code_digest", sa.String(), nullable=True))
        batch.add_column(
            sa.Column("legacy", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch.add_column(sa.Column("prev_hash", sa.String(), nullable=True))
        batch.add_column(sa.Column("hash", sa.String(), nullable=True))
    prev = GENESIS
    rows = conn.execute(
        sa.select(
            EVENTS.c.id, EVENTS.c.at, EVENTS.c.actor, EVENTS.c.action, EVENTS.c.detail
        ).order_by(EVENTS.c.id)
    ).all()
    for row in rows:
        entry = sealed(row.id, row.at, row.actor, row.action, row.detail or {}, prev, legacy=True)
        if entry["client_code"] == PURGED:  # purged before the chain: nothing to commit to
            entry.update(code_salt=None, code_digest=None)
            entry["hash"] = entry_hash(entry)
        conn.execute(
            sa.update(EVENTS)
            .where(EVENTS.c.id == row.id)
            .values({k: v for k, v in entry.items() if k not in ("id", "at", "actor", "action")})
        )
        prev = entry["hash"]
    with op.batch_alter_table("events") as batch:
        batch.alter_column("prev_hash", existing_type=sa.String(), nullable=False)
        batch.alter_column("hash", existing_type=sa.String(), nullable=False)
    for statement in {"sqlite": SQLITE, "postgresql": POSTGRES}.get(dialect, []):
        op.execute(statement)


def downgrade() -> None:
    conn = op.get_bind()
    dialect = conn.dialect.name
    _drop_triggers(dialect)
    for row in conn.execute(
        sa.select(EVENTS.c.id, EVENTS.c.detail, EVENTS.c.client_code).where(
            EVENTS.c.client_code.is_not(None)
        )
    ).all():
        conn.execute(
            sa.update(EVENTS)
            .where(EVENTS.c.id == row.id)
            .values(detail={**(row.detail or {}), "client_code": row.client_code})
        )
    with op.batch_alter_table("events") as batch:
        for name in ("hash", "prev_hash", "legacy", "code_digest", "code_salt", "client_code"):
            batch.drop_column(name)
    for statement in {"sqlite": SQLITE_0004, "postgresql": POSTGRES_0004}.get(dialect, []):
        op.execute(statement)
