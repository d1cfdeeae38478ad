"""Schema upgrades with the Alembic migrations shipped in `migrations/`."""

from __future__ import annotations

import logging
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine

from planner.store.engine import WRITE
from planner.store.errors import StoreError

log = logging.getLogger("planner")

MIGRATIONS = Path(__file__).with_name("migrations")
PG_LOCK_KEY = 0x706C616E  # "plan": one migrator at a time on a shared server
INSUFFICIENT_PRIVILEGE = "42501"


def alembic_config() -> Config:
    return Config(str(MIGRATIONS / "alembic.ini"))


def known_revisions() -> set[str]:
    return {r.revision for r in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the package ships at least one migration"
    return head


def current_revisions(engine: Engine) -> tuple[str, ...]:
    with engine.connect() as conn:
        return tuple(MigrationContext.configure(conn).get_current_heads())


def upgrade(engine: Engine) -> None:
    """Bring the database to the newest schema; refuse one made by a newer planner.

    A database already at the newest schema is left alone, without a write transaction or
    DDL: the application role of a PostgreSQL set-up owns no table and may not alter one, so
    its migrations run as the owner role (`planner migrate --db OWNER_URL`, README)."""
    known = known_revisions()
    try:
        if current_revisions(engine) == (head_revision(),):
            return
    except sa.exc.SQLAlchemyError:
        pass  # no version table readable: the upgrade below says what is wrong
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            # SQLite migrations rebuild tables (drop + create); with foreign keys on, dropping
            # a parent would cascade-delete its children. The pragma is ignored inside a
            # transaction, so it goes straight to the driver before BEGIN.
            _driver_sql(conn, "PRAGMA foreign_keys=OFF")
        try:
            with conn.execution_options(**{WRITE: True}).begin():
                if conn.dialect.name == "postgresql":
                    conn.execute(sa.select(sa.func.pg_advisory_xact_lock(PG_LOCK_KEY)))
                heads = MigrationContext.configure(conn).get_current_heads()
                newer = [h for h in heads if h not in known]
                if newer:
                    raise StoreError(
                        f"the database has schema version {', '.join(newer)}, newer than this "
                        f"planner knows (up to {head_revision()}); upgrade the planner"
                    )
                cfg = alembic_config()
                cfg.attributes["connection"] = conn
                try:
                    command.upgrade(cfg, "head")
                except sa.exc.DBAPIError as exc:
                    if getattr(exc.orig, "sqlstate", None) == INSUFFICIENT_PRIVILEGE:
                        raise StoreError(
                            f"the schema needs upgrading to {head_revision()} and this "
                            "database role may not: run `planner migrate --db OWNER_URL` as "
                            "the role that owns the tables"
                        ) from exc
                    raise
                if sqlite and conn.exec_driver_sql("PRAGMA foreign_key_check").first():
                    raise StoreError("the schema upgrade would break references between rows")
        finally:
            if sqlite:
                _driver_sql(conn, "PRAGMA foreign_keys=ON")
    log.debug("database schema at %s", head_revision())


def _driver_sql(conn: sa.Connection, sql: str) -> None:
    dbapi_connection = conn.connection.driver_connection
    assert dbapi_connection is not None
    dbapi_connection.execute(sql)
