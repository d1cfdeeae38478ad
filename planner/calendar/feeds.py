"""Calendar subscriptions: one secret token per feed, stored only as its SHA-256.

    new = create_feed(store, "group", "G-001", lang="sv")
    print(new.url(), new.webcal())      # the token is shown this once
    revoke_feed(store, new.feed.id)

A token is `secrets.token_urlsafe(24)`: 192 random bits. Anyone holding the link can read
the calendar, which names groups, places and leaders but never a client; revoking the feed
makes the link answer 404 at once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from planner.calendar import texts
from planner.calendar.export import OfferingFilter, Selection, select_groups
from planner.calendar.links import feed_url, webcal_url
from planner.calendar.series import CalendarError
from planner.calendar.stored import EMPTY_PLAN
from planner.store import Store
from planner.store import calendars as db

FEED_KINDS = ("offering", "group", "leader", "venue")
TOKEN_BYTES = 24
MAX_TOKEN_CHARS = 64  # longer paths are not ours: answered 404 without a lookup
MIN_TOKEN_CHARS = len(secrets.token_urlsafe(TOKEN_BYTES))  # 32
TOKEN_ALPHABET = re.compile(r"[A-Za-z0-9_-]+")  # what token_urlsafe writes (base64url, no padding)


@dataclass(frozen=True, slots=True)
class Feed:
    id: int
    kind: str
    target: str | None
    lang: str
    filters: OfferingFilter
    note: str
    created_at: dt.datetime
    created_by: str
    revoked_at: dt.datetime | None
    revoked_by: str | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    @property
    def selection(self) -> Selection:
        return Selection(self.kind, self.target, filters=self.filters)

    def as_dict(self) -> dict[str, Any]:
        """For `planner feed list --json`."""
        return {
            "id": self.id,
            "kind": self.kind,
            "target": self.target,
            "lang": self.lang,
            "filters": {k: v for k, v in self.filters.as_dict().items() if v},
            "note": self.note,
            "created_at": self.created_at.isoformat(),
            "created_by": self.created_by,
            "revoked_at": self.revoked_at.isoformat() if self.revoked_at else None,
            "revoked_by": self.revoked_by,
            "active": self.active,
        }


@dataclass(frozen=True, slots=True)
class NewFeed:
    """A feed just created, with its token: the only time the token is known."""

    feed: Feed
    token: str

    def url(self, base: str | None = None) -> str:
        return feed_url(self.token, base)

    def webcal(self, base: str | None = None) -> str:
        return webcal_url(self.token, base)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_feed(
    store: Store,
    kind: str,
    target: str | None = None,
    lang: str = "fi",
    filters: OfferingFilter | Mapping[str, Iterable[str]] | None = None,
    note: str = "",
    actor: str = "cli",
) -> NewFeed:
    """A new feed of the current season's `kind` calendar (`target`: a group, staff or
    partner, or venue id; `filters` only for the offering). Ids are checked against the
    current season when there is one."""
    if kind not in FEED_KINDS:
        raise CalendarError(f"feed kind must be one of {', '.join(FEED_KINDS)}: {kind!r}")
    if lang not in texts.LANGS:
        raise CalendarError(f"language must be one of {', '.join(texts.LANGS)}: {lang!r}")
    if kind == "offering":
        if target is not None:
            raise CalendarError("an offering feed takes filters, not an id")
    elif not target:
        raise CalendarError(f"a {kind} feed needs the id of its {kind}")
    elif filters:
        raise CalendarError("only an offering feed takes filters")
    wanted = filters if isinstance(filters, OfferingFilter) else OfferingFilter.from_dict(filters)
    stamp = db.current_plan(store)
    if stamp is not None:
        season = store.load_season(stamp.season_id)
        if season is not None:
            wanted = wanted.resolved(season)
            select_groups(season, EMPTY_PLAN, Selection(kind, target, filters=wanted))
            plan = store.load_plan(stamp.plan_id) if stamp.plan_id is not None else None
            shown = Selection(kind, target, filters=wanted)
            if plan is not None and not select_groups(season, plan, shown):
                # The same check as a file export: a feed that shows nothing is a mistake.
                raise CalendarError(
                    f"the {kind} feed asked for has no session in the live offering "
                    "(check the ids and filters)"
                )
    token = secrets.token_urlsafe(TOKEN_BYTES)
    row = db.insert_feed(
        store,
        {
            "token_hash": hash_token(token),
            "kind": kind,
            "target": target,
            "lang": lang,
            "filters": wanted.as_dict(),
            "note": note,
        },
        actor,
    )
    return NewFeed(_feed(row), token)


def list_feeds(store: Store, include_revoked: bool = True) -> list[Feed]:
    """Every feed, newest first (tokens are not kept, so none is shown)."""
    return [_feed(row) for row in db.feed_rows(store, include_revoked)]


def revoke_feed(store: Store, feed_id: int, actor: str = "cli") -> Feed:
    """Revoke a feed; its link answers 404 from now on. Revoking twice is harmless."""
    row = db.revoke_feed_row(store, feed_id, actor)
    if row is None:
        raise CalendarError(f"no calendar feed with id {feed_id}")
    return _feed(row)


def well_formed(token: str) -> bool:
    """Whether `token` could be one this module issued: checked before any database work,
    so a stray or hostile path is answered without touching the store."""
    return (
        MIN_TOKEN_CHARS <= len(token) <= MAX_TOKEN_CHARS
        and TOKEN_ALPHABET.fullmatch(token) is not None
    )


def find_feed(store: Store, token: str) -> Feed | None:
    """The active feed this token opens; None for unknown or revoked tokens."""
    if not well_formed(token):
        return None
    row = db.active_feed_row(store, hash_token(token))
    return None if row is None else _feed(row)


def _feed(row: Mapping[str, Any]) -> Feed:
    return Feed(
        id=row["id"],
        kind=row["kind"],
        target=row["target"],
        lang=row["lang"],
        filters=OfferingFilter.from_dict(row["filters"]),
        note=row["note"],
        created_at=row["created_at"],
        created_by=row["created_by"],
        revoked_at=row["revoked_at"],
        revoked_by=row["revoked_by"],
    )
