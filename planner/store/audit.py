"""The audit trail as a hash chain: every entry is written here and checked here.

Each entry (`events` row) carries `prev_hash`, the hash of the entry before it (`GENESIS` for
the first), and `hash`, SHA-256 over a canonical serialisation of its own id, time, actor,
action, details (canonical JSON), client-code commitment, legacy flag and `prev_hash`. An
entry deleted, put in between, or changed in any hashed field breaks the chain at that entry,
and `verify_chain` names the first one broken (`planner audit verify`).

**Client codes and purging.** A purge must blank a client's code in the trail (data
protection, l. 118) without breaking the chain, and nothing else may change. So the code is
not in `detail` but in its own column, `client_code`, with a random salt (`code_salt`); the
chain hashes only `code_digest` = SHA-256(salt + code), a commitment that says nothing about
the code once the salt is gone. A purge sets `client_code` to `PURGED` and `code_salt` to
NULL; the digest and the hash stay, so the chain still verifies. While the code is there,
verify checks it against the digest, so a changed code is caught too. The database's triggers
(migration 0014) allow exactly that update and only for a client no longer in the store; they
refuse every other UPDATE, every DELETE, TRUNCATE, and any INSERT that does not go after the
last entry naming its hash (so REPLACE INTO and INSERT ... ON CONFLICT cannot overwrite).

**Order.** Writers take the chain's last entry under a lock held to the end of their
transaction (PostgreSQL: an advisory transaction lock; SQLite serialises writers already), so
two writers never chain onto the same entry. Times never go backwards along the chain, so an
entry back-dated at the end is caught as well. Entries written before the chain existed were
chained by the migration in id order (`legacy`); their times are not checked for order.

**What it cannot do.** The hash is unkeyed: someone who bypasses the triggers (the database
owner, a superuser, whoever holds the SQLite file) and rewrites every entry from the changed
one to the end, or cuts entries off the end, leaves a chain that verifies. Against that, keep
the head hash that `planner audit verify` prints somewhere else (it is also in each backup):
a recorded head that is no longer in the chain shows the rewrite (`planner audit verify
--kept HASH`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from planner.store.schema import EventRow

FORMAT = "sosku-audit-1"
GENESIS = "0" * 64
"""The `prev_hash` of the first entry."""
PURGED = "purged"
"""What a purge leaves of a client code in the trail."""
PG_AUDIT_LOCK = 0x61756474  # "audt": one writer at a time at the chain's end


def at_text(at: dt.datetime) -> str:
    """A time as the chain hashes it: UTC to the microsecond (naive means UTC, as SQLite)."""
    aware = at if at.tzinfo is not None else at.replace(tzinfo=dt.UTC)
    return aware.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def code_digest(salt: str, code: str) -> str:
    """The commitment to a client code: SHA-256 over the salt's bytes and the code."""
    return hashlib.sha256(bytes.fromhex(salt) + code.encode("utf-8")).hexdigest()


def entry_hash(entry: Mapping[str, Any]) -> str:
    """The hash of one entry (a mapping with the `events` columns)."""
    body = [
        FORMAT,
        int(entry["id"]),
        at_text(entry["at"]),
        entry["actor"],
        entry["action"],
        entry["detail"],
        entry["code_digest"],
        bool(entry["legacy"]),
        entry["prev_hash"],
    ]
    return hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()


def split_code(detail: Mapping[str, Any]) -> tuple[dict[str, Any], str | None]:
    """`detail` as the database hands it back, and the client code taken out of it."""
    plain = json.loads(json.dumps(dict(detail)))
    code = plain.get("client_code")
    if isinstance(code, str):
        del plain["client_code"]
        return plain, code
    return plain, None


def sealed(
    entry_id: int,
    at: dt.datetime,
    actor: str,
    action: str,
    detail: Mapping[str, Any],
    prev_hash: str,
    legacy: bool = False,
) -> dict[str, Any]:
    """The row of a new entry: its code apart, salted and committed to, and its hash."""
    plain, code = split_code(detail)
    salt = secrets.token_hex(16) if code is not None else None
    row: dict[str, Any] = {
        "id": entry_id,
        "at": at,
        "actor": actor,
        "action": action,
        "detail": plain,
        "client_code": code,
        "code_salt": salt,
        "code_digest": code_digest(salt, code) if salt is not None and code is not None else None,
        "legacy": legacy,
        "prev_hash": prev_hash,
    }
    row["hash"] = entry_hash(row)
    return row


def append(conn: sa.Connection, actor: str, action: str, detail: Mapping[str, Any]) -> int:
    """Add an entry at the chain's end inside the caller's write transaction; its id."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.select(sa.func.pg_advisory_xact_lock(PG_AUDIT_LOCK)))
    last = conn.execute(
        sa.select(EventRow.id, EventRow.at, EventRow.hash).order_by(EventRow.id.desc()).limit(1)
    ).first()
    now = dt.datetime.now(dt.UTC)
    at = now if last is None or last.at <= now else last.at
    entry_id = 1 if last is None else last.id + 1
    row = sealed(entry_id, at, actor, action, detail, GENESIS if last is None else last.hash)
    conn.execute(sa.insert(EventRow).values(**row))
    return entry_id


def as_shown(row: Any) -> dict[str, Any]:
    """An entry's details as people read them: the client code (or `PURGED`) back in."""
    detail = dict(row.detail or {})
    if row.client_code is not None:
        detail["client_code"] = row.client_code
    return detail


@dataclass(frozen=True)
class Break:
    """The first broken entry: its id, what is wrong (`KINDS`) and the entry before it."""

    entry_id: int
    kind: str
    before: int | None = None
    last: int | None = None
    kept: str | None = None


KINDS = ("missing", "missing_start", "link", "content", "code", "time", "legacy", "first", "kept")


@dataclass(frozen=True)
class ChainReport:
    entries: int
    head: str
    broken: Break | None

    @property
    def ok(self) -> bool:
        return self.broken is None

    def message(self, lang: str = "en") -> str:
        from planner.i18n import t

        if self.broken is None:
            return t("chain.ok", lang, entries=self.entries, head=self.head)
        b = self.broken
        return t(
            f"chain.broken.{b.kind}",
            lang,
            id=b.entry_id,
            before=b.before if b.before is not None else "",
            last=b.last if b.last is not None else "",
            kept=b.kept or "",
        )


def verify_entries(entries: Iterable[Mapping[str, Any]], kept: Iterable[str] = ()) -> ChainReport:
    """Check entries given in id order: links, hashes, client codes, times; and that each
    `kept` hash (a head printed by an earlier verify and kept elsewhere) is still an entry's:
    a chain rewritten or cut after it was kept no longer holds it."""
    missing = {h.strip().lower() for h in kept if h.strip()}
    prev: Mapping[str, Any] | None = None
    count = 0
    for entry in entries:
        count += 1
        broken = _check(entry, prev)
        if broken is not None:
            return ChainReport(count - 1, prev["hash"] if prev else GENESIS, broken)
        missing.discard(entry["hash"])
        prev = entry
    head = prev["hash"] if prev else GENESIS
    if missing:
        last = int(prev["id"]) if prev else 0
        return ChainReport(count, head, Break(last, "kept", kept=min(missing)))
    return ChainReport(count, head, None)


def _check(entry: Mapping[str, Any], prev: Mapping[str, Any] | None) -> Break | None:
    entry_id = int(entry["id"])
    before = None if prev is None else int(prev["id"])
    expected = GENESIS if prev is None else prev["hash"]
    if entry["prev_hash"] != expected:
        first_missing = 1 if before is None else before + 1
        if entry_id > first_missing:
            kind = "missing" if before is not None else "missing_start"
            return Break(first_missing, kind, before, entry_id - 1)
        return Break(entry_id, "link" if before is not None else "first", before)
    if entry_hash(entry) != entry["hash"]:
        return Break(entry_id, "content", before)
    code, salt, digest = entry["client_code"], entry["code_salt"], entry["code_digest"]
    if (
        code is not None
        and code != PURGED
        and (salt is None or digest is None or code_digest(salt, code) != digest)
    ):
        return Break(entry_id, "code", before)
    if prev is not None and not prev["legacy"]:
        if entry["legacy"]:
            return Break(entry_id, "legacy", before)
        if _aware(entry["at"]) < _aware(prev["at"]):
            return Break(entry_id, "time", before)
    return None


def _aware(at: dt.datetime) -> dt.datetime:
    return at if at.tzinfo is not None else at.replace(tzinfo=dt.UTC)


def verify_chain(conn: sa.Connection, kept: Iterable[str] = ()) -> ChainReport:
    """Check the whole audit trail in the database, entry by entry in id order."""
    rows = conn.execute(sa.select(EventRow.__table__).order_by(EventRow.id))
    return verify_entries((row._mapping for row in rows), kept)
