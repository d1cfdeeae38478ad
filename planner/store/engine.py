"""Database URLs and engines: SQLite by default, PostgreSQL (psycopg 3) by URL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import URL, Engine

from planner.store.errors import StoreError

ENV_VAR = "PLANNER_DB_URL"
SQLITE_BUSY_TIMEOUT_MS = 30_000
WRITE = "planner_write"
"""Execution option marking a connection that will write (SQLite then takes the lock up front)."""


def default_url() -> str:
    """`PLANNER_DB_URL` when set, else a SQLite file in the working directory."""
    return os.environ.get(ENV_VAR) or f"sqlite:///{Path.cwd() / 'planner.sqlite3'}"


def database_url(url: str | None = None) -> URL:
    """The parsed URL; plain `postgresql://` (or `postgres://`) means psycopg 3."""
    text = default_url() if url is None else url
    try:
        parsed = sa.make_url(text)
    except sa.exc.ArgumentError as exc:
        # The text may hold a password, so it is not repeated.
        raise StoreError(
            "not a database URL (expected e.g. sqlite:///planner.sqlite3 "
            "or postgresql://user@host/dbname)"
        ) from exc
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def safe_url(url: URL) -> str:
    return url.render_as_string(hide_password=True)


def make_engine(url: URL) -> Engine:
    """An engine for `url`; SQLite gets foreign keys, a busy timeout, WAL and real BEGINs."""
    try:
        if url.get_backend_name() == "sqlite":
            _private_sqlite_file(url)
            engine = sa.create_engine(url)
            sa.event.listen(engine, "connect", _sqlite_connect)
            sa.event.listen(engine, "begin", _sqlite_begin)
        else:
            engine = sa.create_engine(url, pool_pre_ping=True)
    except sa.exc.NoSuchModuleError as exc:
        raise StoreError(
            f"unsupported database {url.drivername!r}: use sqlite:/// or postgresql://"
        ) from exc
    except ImportError as exc:
        raise StoreError(f"the database driver for {url.drivername!r} is not installed") from exc
    except sa.exc.ArgumentError as exc:
        raise StoreError(f"bad database URL {safe_url(url)}: {exc}".splitlines()[0]) from exc
    return engine


def _private_sqlite_file(url: URL) -> None:
    """The store file (client profiles, the audit trail) is readable by its owner only;
    SQLite gives its -wal and -shm files the same mode."""
    name = url.database
    if not name or name == ":memory:" or name.startswith("file:"):
        return
    path = Path(name)
    try:
        if not path.exists() and path.parent.is_dir():
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        elif path.is_file() and path.stat().st_mode & 0o077:
            path.chmod(0o600)
    except OSError:
        pass  # SQLite itself says what is wrong with the path when it opens it


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Take transaction control away from the sqlite3 module, which would not BEGIN before
    # DDL or SELECT; `_sqlite_begin` emits BEGIN instead (SQLAlchemy's documented recipe).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_begin(conn: sa.Connection) -> None:
    # A writer locks at BEGIN so it waits (busy timeout) instead of failing when it
    # later upgrades a read lock; readers keep WAL's non-blocking snapshots.
    write = conn.get_execution_options().get(WRITE, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


@contextmanager
def scratch_schema(server_url: str, prefix: str = "scratch") -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a new, empty schema, dropped on exit: tests and
    benchmarks share one server without clashing."""
    schema = f"{prefix}_{uuid.uuid4().hex[:16]}"
    admin = sa.create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    try:
        url = sa.make_url(server_url).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()
