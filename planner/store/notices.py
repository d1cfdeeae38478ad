"""The store's side of notices (`planner.notices`): the audit events they come from, who is
whose in the published offering, and how far each person's e-mails have gone
(`notice_cursors`, migration 0010)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import sqlalchemy as sa

from planner.notices import ACTIONS, Audience, Notice, notices_for
from planner.store.audit import as_shown
from planner.store.live import reading, run_write, season_of, utcnow
from planner.store.schema import (
    ClientRow,
    EnrolmentRow,
    EventRow,
    GroupRow,
    NoticeCursorRow,
    OfferingRow,
)
from planner.store.store import Store

RECENT = 2_000
"""Events a Changes page looks back over."""


class Notices:
    """Notices of one season's published offering (default: the current season)."""

    def __init__(self, store: Store, season_id: int | None = None) -> None:
        self.store = store
        self.season_id = season_id

    def for_person(self, person_id: str, after: int = 0, limit: int = RECENT) -> list[Notice]:
        """The person's notices from events after id `after`, oldest first."""
        with reading(self.store, "read the notices") as conn:
            season_id = season_of(conn, self.season_id)
            events = _events(conn, season_id, after, limit)
            audience = _audience(conn, season_id)
        return notices_for(person_id, events, audience)

    def group_names(self) -> dict[str, str]:
        with reading(self.store, "read the group names") as conn:
            season_id = season_of(conn, self.season_id)
            rows = conn.execute(
                sa.select(GroupRow.group_id, GroupRow.name).where(GroupRow.season_id == season_id)
            ).all()
        return {gid: name for gid, name in rows}

    def people(self) -> list[str]:
        """Everyone who may have notices: counsellors and the offering's leaders."""
        with reading(self.store, "read who has notices") as conn:
            audience = _audience(conn, season_of(conn, self.season_id))
        leaders = {pid for team in audience.leaders.values() for pid in team}
        return sorted(set(audience.counsellor.values()) | leaders)

    def sent_up_to(self, person_id: str) -> int:
        with reading(self.store, "read the notice cursor") as conn:
            found = conn.scalar(
                sa.select(NoticeCursorRow.last_event_id).where(
                    NoticeCursorRow.person_id == person_id
                )
            )
        return int(found or 0)

    def mark_sent(self, person_id: str, last_event_id: int) -> None:
        """Remember that the person's notices up to this event are sent (never goes back)."""

        def work(conn: sa.Connection) -> None:
            row = NoticeCursorRow.__table__
            now = utcnow()
            done = conn.execute(
                sa.update(row)
                .where(row.c.person_id == person_id, row.c.last_event_id < last_event_id)
                .values(last_event_id=last_event_id, updated_at=now)
            ).rowcount
            exists = conn.scalar(sa.select(row.c.person_id).where(row.c.person_id == person_id))
            if not done and exists is None:
                conn.execute(
                    sa.insert(row).values(
                        person_id=person_id, last_event_id=last_event_id, updated_at=now
                    )
                )

        run_write(self.store, "record the notices sent", work)


def _events(conn: sa.Connection, season_id: int, after: int, limit: int) -> list[dict[str, Any]]:
    rows = conn.execute(
        sa.select(EventRow)
        .where(EventRow.id > after, EventRow.action.in_(ACTIONS))
        .order_by(EventRow.id.desc())
        .limit(limit)
    ).all()
    return [
        {"id": e.id, "at": e.at, "action": e.action, "detail": as_shown(e)}
        for e in reversed(rows)
        if (e.detail or {}).get("season_id", season_id) == season_id
    ]


def _audience(conn: sa.Connection, season_id: int) -> Audience:
    counsellor = dict(
        conn.execute(
            sa.select(ClientRow.client_code, ClientRow.counsellor).where(
                ClientRow.season_id == season_id
            )
        ).all()
    )
    offerings = conn.execute(
        sa.select(OfferingRow.id, OfferingRow.group_id, OfferingRow.leaders).where(
            OfferingRow.season_id == season_id
        )
    ).all()
    members: dict[str, list[str]] = defaultdict(list)
    by_id = {o.id: o.group_id for o in offerings}
    for offering_id, code in conn.execute(
        sa.select(EnrolmentRow.offering_id, EnrolmentRow.client_code).where(
            EnrolmentRow.offering_id.in_(list(by_id)), EnrolmentRow.status == "active"
        )
    ).all():
        members[by_id[offering_id]].append(code)
    return Audience(
        counsellor=counsellor,
        leaders={o.group_id: tuple(o.leaders) for o in offerings},
        members={gid: tuple(sorted(codes)) for gid, codes in members.items()},
    )
