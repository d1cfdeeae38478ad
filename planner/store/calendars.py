"""The calendar's tables (`feeds`, `calendar_sequences`, migration 0003), in one place.

All of the calendar package's SQL is here, in the store (the only package that speaks SQL),
over the store's engine and its transaction plumbing (`planner.store.live`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from planner.store import Store
from planner.store.live import add_event, reading, run_write, utcnow
from planner.store.schema import (
    CalendarSequenceRow,
    EnrolmentRow,
    FeedRow,
    OfferingRow,
    PlanRow,
)
from planner.store.snapshot import live_season_of

PG_SEQUENCE_LOCK = 0x69637331  # "ics1": one SEQUENCE writer at a time on PostgreSQL


@dataclass(frozen=True, slots=True)
class PlanStamp:
    """Which plan a calendar shows now, and when it was saved."""

    season_id: int
    plan_id: int | None
    saved_at: dt.datetime | None


def current_plan(store: Store) -> PlanStamp | None:
    """The plan calendars show: the live season's published plan (the live offering), else,
    before anything is published, its current plan; None when the store has no live season.
    Saving a new plan changes no calendar until it is published."""
    with reading(store, "read the current plan") as conn:
        season_id = live_season_of(conn)
        if season_id is None:
            return None
        published = conn.scalar(
            sa.select(sa.func.max(OfferingRow.plan_id)).where(
                OfferingRow.season_id == season_id, OfferingRow.status == "open"
            )
        )
        found = conn.execute(
            sa.select(PlanRow.id, PlanRow.created_at)
            .where(
                PlanRow.season_id == season_id,
                PlanRow.id == published if published is not None else PlanRow.is_current,
            )
            .order_by(PlanRow.id.desc())
        ).first()
    if found is None:
        return PlanStamp(season_id, None, None)
    return PlanStamp(season_id, found.id, found.created_at)


# --- live seats ---


@dataclass(frozen=True, slots=True)
class SeatsVersion:
    """How far the season's places have changed: `key` changes with every enrolment,
    cancellation or promotion; `changed_at` is the last of them (None: no place yet)."""

    key: tuple[int, int, int]
    changed_at: dt.datetime | None


def seats_version(store: Store, season_id: int) -> SeatsVersion:
    """One indexed read: the newest place, the live places and the ended ones, and when."""
    live = EnrolmentRow.status.in_(("active", "waiting"))
    with reading(store, "read the seats' version") as conn:
        row = conn.execute(
            sa.select(
                sa.func.max(EnrolmentRow.id),
                sa.func.count(sa.case((EnrolmentRow.status == "active", 1))),
                sa.func.count(sa.case((sa.not_(live), 1))),
                sa.func.max(EnrolmentRow.created_at),
                sa.func.max(EnrolmentRow.ended_at),
            ).where(EnrolmentRow.season_id == season_id)
        ).one()
    newest, active, ended, created, gone = row
    times = [_aware(v) for v in (created, gone) if v is not None]
    return SeatsVersion((int(newest or 0), int(active), int(ended)), max(times, default=None))


def _aware(value: Any) -> dt.datetime:
    # Aggregates bypass the column type: SQLite hands back naive UTC (or text).
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def published_plan_id(store: Store, season_id: int) -> int | None:
    """The plan the season's live offering was published from; None before publishing."""
    with reading(store, "read the published plan") as conn:
        return conn.scalar(
            sa.select(sa.func.max(OfferingRow.plan_id)).where(
                OfferingRow.season_id == season_id, OfferingRow.status == "open"
            )
        )


# --- SEQUENCE per series ---


def sync_sequences(store: Store, fingerprints: Mapping[str, str]) -> dict[str, int]:
    """The SEQUENCE of each UID, raised by one where its fingerprint changed since last seen.

    A UID seen for the first time starts at 0. Numbers only grow, whatever plans, closures
    or session changes come and go, as RFC 5545 (3.8.7.4) asks.
    """
    if not fingerprints:
        return {}
    uids = list(fingerprints)
    with reading(store, "read the calendar sequences") as conn:
        known = _sequences(conn, uids)
    if all(uid in known and known[uid][0] == fingerprints[uid] for uid in uids):
        return {uid: known[uid][1] for uid in uids}

    def work(conn: sa.Connection) -> dict[str, int]:
        if conn.dialect.name == "postgresql":
            conn.execute(sa.select(sa.func.pg_advisory_xact_lock(PG_SEQUENCE_LOCK)))
        now = utcnow()
        current = _sequences(conn, uids)  # again, inside the write transaction
        out: dict[str, int] = {}
        for uid in uids:
            fingerprint = fingerprints[uid]
            if uid not in current:
                conn.execute(
                    sa.insert(CalendarSequenceRow).values(
                        uid=uid, fingerprint=fingerprint, sequence=0, changed_at=now
                    )
                )
                out[uid] = 0
            elif current[uid][0] != fingerprint:
                out[uid] = current[uid][1] + 1
                conn.execute(
                    sa.update(CalendarSequenceRow)
                    .where(CalendarSequenceRow.uid == uid)
                    .values(fingerprint=fingerprint, sequence=out[uid], changed_at=now)
                )
            else:
                out[uid] = current[uid][1]
        return out

    return run_write(store, "raise the calendar sequences", work)


def sequence_times(store: Store, uids: list[str]) -> dict[str, dt.datetime]:
    """When each UID's series last changed (its SEQUENCE was raised, or it was first seen):
    the events' DTSTAMP, so that it changes only with the event's schedule."""
    if not uids:
        return {}
    with reading(store, "read the calendar stamps") as conn:
        rows = conn.execute(
            sa.select(CalendarSequenceRow.uid, CalendarSequenceRow.changed_at).where(
                CalendarSequenceRow.uid.in_(uids)
            )
        ).all()
    return {uid: changed for uid, changed in rows}


def _sequences(conn: sa.Connection, uids: list[str]) -> dict[str, tuple[str, int]]:
    rows = conn.execute(
        sa.select(
            CalendarSequenceRow.uid, CalendarSequenceRow.fingerprint, CalendarSequenceRow.sequence
        ).where(CalendarSequenceRow.uid.in_(uids))
    ).all()
    return {r.uid: (r.fingerprint, r.sequence) for r in rows}


# --- feeds ---


def insert_feed(store: Store, values: Mapping[str, Any], actor: str) -> dict[str, Any]:
    def work(conn: sa.Connection) -> dict[str, Any]:
        feed_id = conn.execute(
            sa.insert(FeedRow).values(**values, created_at=utcnow(), created_by=actor)
        ).inserted_primary_key[0]
        row = _feed(conn, FeedRow.id == feed_id)
        assert row is not None
        # The audit trail names the feed, never its token.
        add_event(
            conn,
            actor,
            "feed.create",
            {"feed_id": feed_id, "kind": row["kind"], "target": row["target"]},
        )
        return row

    return run_write(store, "create the calendar feed", work)


def revoke_feed_row(store: Store, feed_id: int, actor: str) -> dict[str, Any] | None:
    """Revoke a feed (once; revoking again changes nothing); None when there is no such feed."""

    def work(conn: sa.Connection) -> dict[str, Any] | None:
        row = _feed(conn, FeedRow.id == feed_id)
        if row is None or row["revoked_at"] is not None:
            return row
        conn.execute(
            sa.update(FeedRow)
            .where(FeedRow.id == feed_id)
            .values(revoked_at=utcnow(), revoked_by=actor)
        )
        add_event(conn, actor, "feed.revoke", {"feed_id": feed_id})
        return _feed(conn, FeedRow.id == feed_id)

    return run_write(store, "revoke the calendar feed", work)


def feed_rows(store: Store, include_revoked: bool) -> list[dict[str, Any]]:
    query = sa.select(FeedRow.__table__).order_by(FeedRow.id.desc())
    if not include_revoked:
        query = query.where(FeedRow.revoked_at.is_(None))
    with reading(store, "list the calendar feeds") as conn:
        return [dict(r) for r in conn.execute(query).mappings().all()]


def active_feed_row(store: Store, token_hash: str) -> dict[str, Any] | None:
    with reading(store, "look up the calendar feed") as conn:
        return _feed(conn, (FeedRow.token_hash == token_hash) & FeedRow.revoked_at.is_(None))


def _feed(conn: sa.Connection, where: Any) -> dict[str, Any] | None:
    found = conn.execute(sa.select(FeedRow.__table__).where(where)).mappings().first()
    return None if found is None else dict(found)
