"""Backup and restore of a whole store, on SQLite and PostgreSQL alike (`planner backup`,
`planner restore`).

A backup is one zip file: `manifest.json` (format, schema revision, time, and per table its
row count and SHA-256) and one JSON Lines file per table. It is logical, not a file copy, so
a SQLite backup restores into PostgreSQL and back. Reading happens in one transaction (on
PostgreSQL a repeatable-read snapshot), so the copy is consistent while people work.

Restoring checks the whole file first (format, revision, every checksum and row count), then
writes every table in one transaction into an empty store; anything wrong and nothing is
written. A store that already holds data is never overwritten: restore into a new database.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from planner.store.engine import WRITE
from planner.store.errors import StoreError
from planner.store.migrate import current_revisions, head_revision
from planner.store.schema import Base, SeasonRow
from planner.store.store import Store

FORMAT = "sosku-planner-backup"
FORMAT_VERSION = 1
MAX_MEMBER_BYTES = 2 * 1024**3
"""A member larger than this is refused before it is read (a zip bomb, or not our file)."""


@dataclass(frozen=True)
class BackupReport:
    path: Path
    revision: str
    rows: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def backup(store: Store, path: str | Path, actor: str = "cli") -> BackupReport:
    """Write the whole store to `path` (a new .zip file) and return what it holds; the audit
    trail records who took it (after the copy, so the backup holds the trail before it)."""
    path = Path(path)
    if path.exists():
        raise StoreError(f"{path} exists already: a backup never overwrites a file")
    revision = _revision(store)
    tables = list(Base.metadata.sorted_tables)
    members: dict[str, bytes] = {}
    counts: dict[str, int] = {}
    try:
        with store.engine.connect() as conn:
            if conn.dialect.name == "postgresql":
                conn = conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                for table in tables:
                    lines = [
                        json.dumps(_encode(dict(row._mapping)), ensure_ascii=False, default=str)
                        for row in conn.execute(sa.select(table).order_by(*table.primary_key))
                    ]
                    members[table.name] = ("\n".join(lines) + "\n" if lines else "").encode()
                    counts[table.name] = len(lines)
    except sa.exc.SQLAlchemyError as exc:
        raise StoreError(f"could not read the store ({store.safe_url}): {exc}") from exc
    manifest = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "revision": revision,
        "created_at": dt.datetime.now(dt.UTC).isoformat(),
        "tables": [
            {"name": name, "rows": counts[name], "sha256": hashlib.sha256(data).hexdigest()}
            for name, data in members.items()
        ],
    }
    partial = path.with_name(path.name + ".partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", json.dumps(manifest, indent=2))
        for name, data in members.items():
            zf.writestr(f"tables/{name}.jsonl", data)
    partial.replace(path)  # a crash mid-write leaves no half backup under the real name
    store.record_event("store.backup", {"file": path.name, "rows": sum(counts.values())}, actor)
    return BackupReport(path, revision, counts)


def restore(store: Store, path: str | Path, actor: str = "cli") -> BackupReport:
    """Load a backup into `store`, which must be empty; all or nothing."""
    path = Path(path)
    manifest, members = _read_checked(path)
    revision = _revision(store)
    if manifest["revision"] != revision:
        raise StoreError(
            f"{path}: the backup has schema revision {manifest['revision']}, this planner "
            f"{revision}; restore it with the planner version that made it"
        )
    tables = {t.name: t for t in Base.metadata.sorted_tables}
    counts = {entry["name"]: entry["rows"] for entry in manifest["tables"]}
    try:
        with store.engine.connect() as conn:
            conn.execution_options(**{WRITE: True})
            with conn.begin():
                if conn.scalar(sa.select(sa.func.count()).select_from(SeasonRow)):
                    raise StoreError(
                        f"{store.safe_url} already holds seasons: restore into an empty "
                        "database, so that nothing stored is overwritten"
                    )
                for table in Base.metadata.sorted_tables:
                    rows = [_decode(table, record) for record in _records(members[table.name])]
                    if rows:
                        conn.execute(sa.insert(table), rows)
                if conn.dialect.name == "postgresql":
                    _reset_sequences(conn, tables.values())
    except sa.exc.SQLAlchemyError as exc:
        raise StoreError(f"could not restore {path} ({store.safe_url}): {exc}") from exc
    store.record_event("store.restore", {"file": path.name, "rows": sum(counts.values())}, actor)
    return BackupReport(path, revision, counts)


def _revision(store: Store) -> str:
    revisions = current_revisions(store.engine)
    head = head_revision()
    if revisions != (head,):
        raise StoreError(f"{store.safe_url} is not at schema {head}: run any planner command once")
    return head


def _read_checked(path: Path) -> tuple[dict[str, Any], dict[str, bytes]]:
    if not path.is_file():
        raise StoreError(f"{path}: no such backup file")
    try:
        with zipfile.ZipFile(path) as zf:
            manifest = json.loads(_member(zf, "manifest.json"))
            if manifest.get("format") != FORMAT or manifest.get("version") != FORMAT_VERSION:
                raise StoreError(f"{path}: not a sosku planner backup (format {FORMAT} 1)")
            listed = {entry["name"]: entry for entry in manifest["tables"]}
            expected = {t.name for t in Base.metadata.sorted_tables}
            if set(listed) != expected:
                missing = sorted(expected - set(listed)) or sorted(set(listed) - expected)
                raise StoreError(f"{path}: the backup's tables do not match: {missing}")
            members = {name: _member(zf, f"tables/{name}.jsonl") for name in listed}
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError) as exc:
        raise StoreError(f"{path}: not a readable backup ({exc})") from exc
    for name, entry in listed.items():
        data = members[name]
        if hashlib.sha256(data).hexdigest() != entry["sha256"]:
            raise StoreError(f"{path}: table {name} is damaged (checksum differs)")
        if sum(1 for _ in _records(data)) != entry["rows"]:
            raise StoreError(f"{path}: table {name} has the wrong number of rows")
    return manifest, members


def _member(zf: zipfile.ZipFile, name: str) -> bytes:
    info = zf.getinfo(name)
    if info.file_size > MAX_MEMBER_BYTES:
        raise StoreError(f"{name} in the backup is larger than {MAX_MEMBER_BYTES} bytes")
    return zf.read(name)


def _records(data: bytes) -> Iterator[dict[str, Any]]:
    for line in io.StringIO(data.decode("utf-8")):
        if line.strip():
            yield json.loads(line)


def _encode(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, dt.date | dt.datetime) else v for k, v in row.items()}


def _decode(table: sa.Table, record: dict[str, Any]) -> dict[str, Any]:
    """A JSON record back into the column types (dates and times come as ISO text)."""
    out = {}
    for column in table.columns:
        value = record.get(column.name)
        kind = column.type.impl if isinstance(column.type, sa.TypeDecorator) else column.type
        if isinstance(value, str) and isinstance(kind, sa.DateTime):
            value = dt.datetime.fromisoformat(value)
            if value.tzinfo is None:  # SQLite keeps UTC without its zone
                value = value.replace(tzinfo=dt.UTC)
        elif isinstance(value, str) and isinstance(kind, sa.Date):
            value = dt.date.fromisoformat(value)
        out[column.name] = value
    return out


def _reset_sequences(conn: sa.Connection, tables) -> None:
    """Identity columns continue after the restored ids (PostgreSQL keeps its own counter)."""
    for table in tables:
        for column in table.primary_key.columns:
            if not (column.autoincrement and isinstance(column.type, sa.Integer)):
                continue
            sequence = conn.scalar(
                sa.select(sa.func.pg_get_serial_sequence(table.name, column.name))
            )
            if sequence:
                conn.execute(
                    sa.text(
                        f'SELECT setval(:seq, COALESCE((SELECT MAX("{column.name}") '
                        f'FROM "{table.name}"), 0) + 1, false)'
                    ),
                    {"seq": sequence},
                )
