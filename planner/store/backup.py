"""Backup and restore of a whole store, on SQLite and PostgreSQL alike (`planner backup`,
`planner restore`).

A backup holds every client profile and the whole audit trail, so it is encrypted and signed
with the county's backup key (a Fernet key: AES-128-CBC with HMAC-SHA256, from the maintained
`cryptography` package; `PLANNER_BACKUP_KEY` or `[backup] key` in the secrets file; `planner
backup-key` makes one). The file is a header line and one Fernet token, written mode 0600.
Inside the token is a zip: `manifest.json` (format, schema revision, time, the audit trail's
last hash, and per table its row count and SHA-256), `manifest.sig` (HMAC-SHA256 of the
manifest with the key) and one JSON Lines file per table. It is logical, not a file copy, so
a SQLite backup restores into PostgreSQL and back. Reading happens in one transaction (on
PostgreSQL a repeatable-read snapshot), so the copy is consistent while people work.

Restoring checks the whole file first (the token's authenticity with the key, the manifest's
signature, format, revision, every checksum and row count, and that the audit trail's hash
chain verifies: `planner.store.audit`), then writes every table in one transaction into an
empty store; anything wrong and nothing is written. A store that already holds data is never
overwritten: restore into a new database. A plain zip (a backup from an older planner, or one
edited and re-hashed) is refused: it cannot be told from a forgery.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import io
import json
import os
import tomllib
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from cryptography.fernet import Fernet, InvalidToken

from planner.store.audit import verify_entries
from planner.store.engine import WRITE
from planner.store.errors import StoreError
from planner.store.migrate import current_revisions, head_revision
from planner.store.schema import Base, EventRow, SeasonRow
from planner.store.store import Store

FORMAT = "sosku-planner-backup"
FORMAT_VERSION = 2
HEADER = b"sosku-planner-backup/2 fernet\n"
MAX_MEMBER_BYTES = 2 * 1024**3
"""A member larger than this is refused before it is read (a zip bomb, or not our file)."""
MAX_FILE_BYTES = 3 * 1024**3
"""A backup file larger than this is refused before it is read."""
KEY_ENV = "PLANNER_BACKUP_KEY"
SECRETS = Path(".streamlit/secrets.toml")
NO_KEY = (
    f"no backup key: set {KEY_ENV} or `key` in the [backup] section of the secrets file "
    "(make one with `planner backup-key`; keep it apart from the backups)"
)


def new_backup_key() -> str:
    """A fresh random backup key, as text to keep in the environment or the secrets file."""
    return Fernet.generate_key().decode("ascii")


def backup_key(secrets: str | Path = SECRETS) -> bytes:
    """The backup key: `PLANNER_BACKUP_KEY`, else `[backup] key` of the secrets file."""
    text = os.environ.get(KEY_ENV, "").strip()
    if not text:
        path = Path(secrets)
        if path.is_file():
            try:
                text = str(tomllib.loads(path.read_text("utf-8")).get("backup", {}).get("key", ""))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, AttributeError) as exc:
                raise StoreError(f"{path}: cannot read the secrets file ({exc})") from None
    if not text.strip():
        raise StoreError(NO_KEY)
    return _checked_key(text.strip().encode("ascii", "replace"))


def _checked_key(key: bytes | str) -> bytes:
    key = key.encode("ascii", "replace") if isinstance(key, str) else key
    try:
        Fernet(key)
    except ValueError:
        raise StoreError(
            "the backup key is not a key made by `planner backup-key` (32 bytes, url-safe base64)"
        ) from None
    return key


def _signature(key: bytes, manifest: bytes) -> str:
    """HMAC-SHA256 of the manifest, with a key derived from the backup key for this use only."""
    signing_key = hmac.new(base64.urlsafe_b64decode(key), b"manifest.sig", hashlib.sha256)
    return hmac.new(signing_key.digest(), manifest, hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class BackupReport:
    path: Path
    revision: str
    rows: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def backup(
    store: Store, path: str | Path, key: bytes | str | None = None, actor: str = "cli"
) -> BackupReport:
    """Write the whole store to `path` (a new file, encrypted and signed with `key`, by default
    `backup_key()`) and return what it holds; the audit trail records who took it (after the
    copy, so the backup holds the trail before it)."""
    path = Path(path)
    key = backup_key() if key is None else _checked_key(key)
    if path.exists():
        raise StoreError(f"{path} exists already: a backup never overwrites a file")
    if not path.parent.is_dir():
        raise StoreError(f"{path.parent}: no such folder for the backup")
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
                audit_head = conn.scalar(
                    sa.select(EventRow.hash).order_by(EventRow.id.desc()).limit(1)
                )
    except sa.exc.SQLAlchemyError as exc:
        raise StoreError(f"could not read the store ({store.safe_url}): {exc}") from exc
    manifest = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "revision": revision,
        "created_at": dt.datetime.now(dt.UTC).isoformat(),
        "audit_head": audit_head,
        "tables": [
            {"name": name, "rows": counts[name], "sha256": hashlib.sha256(data).hexdigest()}
            for name, data in members.items()
        ],
    }
    manifest_bytes = json.dumps(manifest, indent=2).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", manifest_bytes)
        zf.writestr("manifest.sig", _signature(key, manifest_bytes))
        for name, data in members.items():
            zf.writestr(f"tables/{name}.jsonl", data)
    _write_private(path, HEADER + Fernet(key).encrypt(buffer.getvalue()))
    store.record_event("store.backup", {"file": path.name, "rows": sum(counts.values())}, actor)
    return BackupReport(path, revision, counts)


def restore(
    store: Store, path: str | Path, key: bytes | str | None = None, actor: str = "cli"
) -> BackupReport:
    """Load a backup into `store`, which must be empty; all or nothing."""
    path = Path(path)
    key = backup_key() if key is None else _checked_key(key)
    manifest, members = _read_checked(path, key)
    revision = _revision(store)
    if manifest["revision"] != revision:
        raise StoreError(
            f"{path}: the backup has schema revision {manifest['revision']}, this planner "
            f"{revision}; restore it with the planner version that made it"
        )
    tables = {t.name: t for t in Base.metadata.sorted_tables}
    counts = {entry["name"]: entry["rows"] for entry in manifest["tables"]}
    events = tables[EventRow.__tablename__]
    chain = verify_entries(_decode(events, r) for r in _records(members[events.name]))
    if not chain.ok:
        raise StoreError(f"{path}: the backup's audit trail does not verify: {chain.message()}")
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


def _write_private(path: Path, data: bytes) -> None:
    """Write `data` to a new file readable by its owner only; a crash mid-write leaves no half
    backup under the real name."""
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        partial.replace(path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise StoreError(f"{path}: cannot write the backup ({exc.strerror or exc})") from None


def _decrypted(path: Path, key: bytes) -> bytes:
    if not path.is_file():
        raise StoreError(f"{path}: no such backup file")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise StoreError(f"{path}: larger than {MAX_FILE_BYTES} bytes, not a backup of ours")
    with path.open("rb") as f:
        header = f.read(len(HEADER))
        if header != HEADER:
            if header.startswith(b"PK"):
                raise StoreError(
                    f"{path}: an unencrypted, unsigned backup (a plain zip): not a readable "
                    "backup, since it cannot be told from a forged one"
                )
            raise StoreError(f"{path}: not a readable backup (no sosku planner header)")
        token = f.read()
    try:
        return Fernet(key).decrypt(token)
    except InvalidToken:
        raise StoreError(
            f"{path}: not a readable backup with this key (another key, or the file was changed)"
        ) from None


def _read_checked(path: Path, key: bytes) -> tuple[dict[str, Any], dict[str, bytes]]:
    data = _decrypted(path, key)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            manifest_bytes = _member(zf, "manifest.json")
            signature = _member(zf, "manifest.sig").decode("ascii", "replace")
            if not hmac.compare_digest(signature, _signature(key, manifest_bytes)):
                raise StoreError(f"{path}: the backup's manifest is not signed with this key")
            manifest = json.loads(manifest_bytes)
            if manifest.get("format") != FORMAT or manifest.get("version") != FORMAT_VERSION:
                raise StoreError(
                    f"{path}: not a sosku planner backup (format {FORMAT} {FORMAT_VERSION})"
                )
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
