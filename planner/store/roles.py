"""PostgreSQL roles: what the application role may do in a store another role owns.

A county set-up runs the planner as an application role that owns nothing: the owner role
runs the migrations (`planner migrate --db OWNER_URL --grant-to APP_ROLE`) and grants the
application role reading and writing rows, except in the audit trail, where it may only read
and append (and blank a purged client's code: `UPDATE (client_code, code_salt)`, which the
triggers of migration 0014 narrow further). Not being the owner, it cannot alter, disable or
drop a table's triggers, nor set `session_replication_role`. README, "PostgreSQL".
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from planner.store.errors import StoreError

ROLE_NAME = re.compile(r"[a-z_][a-z0-9_$]{0,62}")


def app_role_grants(schema: str, role: str) -> list[str]:
    """The statements that give `role` the application's rights in `schema` (quoted)."""
    s, r = _quoted(schema), _quoted(role)
    return [
        f"GRANT USAGE ON SCHEMA {s} TO {r}",
        f"REVOKE CREATE ON SCHEMA {s} FROM {r}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {s} TO {r}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {s} TO {r}",
        f"REVOKE ALL ON {s}.events FROM {r}",
        f"GRANT SELECT, INSERT ON {s}.events TO {r}",
        f"GRANT UPDATE (client_code, code_salt) ON {s}.events TO {r}",
        f"REVOKE ALL ON {s}.alembic_version FROM {r}",
        f"GRANT SELECT ON {s}.alembic_version TO {r}",
    ]


def grant_app_role(engine: Engine, role: str) -> None:
    """Give `role` the application's rights in the store's schema (run as its owner)."""
    if engine.dialect.name != "postgresql":
        raise StoreError("an application role is a PostgreSQL set-up; SQLite has no roles")
    if not ROLE_NAME.fullmatch(role):
        raise StoreError(f"{role!r} is not a plain role name (lower-case letters, digits, _)")
    with engine.begin() as conn:
        schema = conn.scalar(sa.text("SELECT current_schema()"))
        if schema is None:
            raise StoreError("the database has no current schema to grant in")
        for statement in app_role_grants(schema, role):
            conn.execute(sa.text(statement))


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
