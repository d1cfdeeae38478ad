"""Clients added and edited after the import: the app's client form and `planner client`.

    clients = Clients(store)                    # the live season, as `Enrolments` does
    clients.add(client, actor="anna")           # a client that passed `check_client`
    clients.edit(changed, actor="anna")         # refused while a place would no longer fit
    clients.edit(changed, actor="anna", resolutions=Resolution("end", reason="other"))

Each write is one transaction. The client is checked again inside it against the stored
season, with the import's checks (`planner.io.client_entry.check_client`): whatever path the
client came by, a name or identity code, an unknown counsellor or a broken season never gets
in (`ClientRefused`, with each problem and its column). The audit event (`client.add`,
`client.edit`) names the code and the changed columns, never their values: they are the
client's profile.

After an edit every live place of the client is asked again whether they can attend it
(`planner.store.attendance`, the rule enrolment and publishing keep). An enrolled client who
no longer could refuses the edit (`PlacesNoLongerFit`, each group with the rule and why; nothing
written) unless a resolution per group says `end` (the place ends with a handbook ending
reason and the waiting list moves up, as `Enrolments.cancel` does) or `keep` (kept and
flagged for the coordinator, as publishing's keep does: `coordinator_flag`). A waiting-list
place they no longer fit is withdrawn. A place they can still attend follows how they now take
part (on site or remote).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from planner.io.client_entry import COLUMNS, changed_fields, check_client, client_cells
from planner.io.problems import Problem, msg
from planner.model import Client
from planner.store.attendance import CLIENT_ADDED, CLIENT_EDITED, attendance, forget_seasons
from planner.store.convert import client_row
from planner.store.errors import StoreError
from planner.store.live import add_event, reading, run_write, season_of
from planner.store.outcomes import FOLLOW_UP_OF_REASON
from planner.store.publish_diff import Resolution
from planner.store.schema import ClientRow, EnrolmentRow, OfferingRow
from planner.store.seats import LIVE, cancel_place
from planner.store.snapshot import season_at
from planner.store.store import Store

log = logging.getLogger("planner")

RESOLUTIONS = ("end", "keep")
"""What may become of a place the client could no longer attend after an edit."""
Resolutions = Resolution | Mapping[str, Resolution]
"""One resolution for every such place, or one per group id."""


class ClientRefused(StoreError):
    """The client's details do not pass the import's checks; nothing was written.
    `problems` are `planner.io.problems.Problem`s, each naming its column."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(
            "cannot save the client: " + "; ".join(p.line("en") for p in self.problems)
        )


@dataclass(frozen=True, slots=True)
class Unfit:
    """A group the client is enrolled in and could no longer attend after the edit: the
    participant rule that breaks (a `planner.rules` key) and why, in English."""

    group_id: str
    rule: str
    why: str


class PlacesNoLongerFit(StoreError):
    """The edit would leave the client in groups they could no longer attend, and no
    resolution says what to do with those places; nothing was written. `cases` lists each
    group with its rule and why."""

    def __init__(self, client_code: str, cases: Iterable[Unfit]) -> None:
        self.client_code = client_code
        self.cases = tuple(cases)
        lines = "; ".join(f"{c.group_id}: {c.rule} ({c.why})" for c in self.cases)
        super().__init__(
            f"cannot save the client: {client_code} could no longer attend "
            f"{len(self.cases)} group(s) they are in; end or keep each place: {lines}"
        )


@dataclass(frozen=True)
class ClientEdit:
    """What an edit did: the columns changed (names only) and what became of the places."""

    client_code: str
    changed: tuple[str, ...] = ()
    ended: tuple[tuple[str, str], ...] = ()  # (group, ending reason)
    kept: tuple[tuple[str, str], ...] = ()  # (group, rule) kept, flagged for the coordinator
    withdrawn: tuple[tuple[str, str], ...] = ()  # (group, rule) waiting-list places withdrawn
    promoted: tuple[tuple[str, str], ...] = ()  # (client, group) from a waiting list
    modes: tuple[tuple[str, str], ...] = ()  # (group, mode) places now joined otherwise


class Clients:
    """Add and edit the clients of a season (default: the live season)."""

    def __init__(self, store: Store, season_id: int | None = None) -> None:
        self.store = store
        self.season_id = season_id

    def get(self, client_code: str) -> Client | None:
        """The stored client with this code, None when the season has none."""
        with reading(self.store, "read the client") as conn:
            season = season_at(conn, season_of(conn, self.season_id))
        return None if season is None else season.client.get(client_code)

    def add(self, client: Client, actor: str) -> Client:
        """Add a new client (the next in the season's order). Refused (`ClientRefused`)
        when the import would refuse the row or the code is taken."""

        def work(conn: sa.Connection) -> Client:
            season_id = season_of(conn, self.season_id)
            season = _stored(conn, season_id)
            check = check_client(season, client_cells(client))
            if not check.ok or check.client is None:
                raise ClientRefused(check.problems)
            added = check.client
            position = conn.scalar(
                sa.select(sa.func.coalesce(sa.func.max(ClientRow.position) + 1, 0)).where(
                    ClientRow.season_id == season_id
                )
            )
            conn.execute(
                sa.insert(ClientRow).values(
                    season_id=season_id, position=position, **client_row(added)
                )
            )
            cells = client_cells(added)
            add_event(
                conn,
                actor,
                CLIENT_ADDED,
                {
                    "season_id": season_id,
                    "client_code": added.client_code,
                    "fields": [column for column in COLUMNS if cells[column]],
                },
            )
            return added

        added = self._write("add the client", work)
        log.info("added client %s", added.client_code)
        return added

    def edit(
        self, client: Client, actor: str, resolutions: Resolutions | None = None
    ) -> ClientEdit:
        """Change a client's details (the code stays) and re-check their live places (see
        the module). `resolutions`: one `Resolution` ("end" with a reason, or "keep") for
        every place they could no longer attend, or one per group id. An edit that
        changes nothing writes nothing."""
        for how in _resolutions(resolutions):
            if how.action not in RESOLUTIONS:
                raise ValueError(f"a place is ended or kept after an edit, not {how.action!r}")
        code = client.client_code

        def work(conn: sa.Connection) -> ClientEdit:
            season_id = season_of(conn, self.season_id)
            season = _stored(conn, season_id)
            before = season.client.get(code)
            check = check_client(season, client_cells(client), editing=code)
            if before is None or not check.ok or check.client is None:
                raise ClientRefused(check.problems)
            after = check.client
            changed = changed_fields(before, after)
            if not changed:
                return ClientEdit(code)
            mine = (ClientRow.season_id == season_id, ClientRow.client_code == code)
            conn.execute(sa.select(ClientRow.id).where(*mine).with_for_update()).first()
            places = _live_places(conn, season_id, code)
            active = sum(p.status == "active" for p in places)
            if active > after.max_groups:
                raise ClientRefused(
                    [
                        Problem(
                            "clients",
                            None,
                            "max_groups",
                            str(after.max_groups),
                            msg("max_groups_below_places", n=active, max=after.max_groups),
                        )
                    ]
                )
            row = client_row(after)
            del row["client_code"]
            conn.execute(sa.update(ClientRow).where(*mine).values(**row))
            # The event comes first: the attendance check keys its season on it.
            add_event(
                conn,
                actor,
                CLIENT_EDITED,
                {"season_id": season_id, "client_code": code, "fields": list(changed)},
            )
            return _recheck(conn, season_id, code, changed, places, resolutions, actor)

        done = self._write("edit the client", work)
        log.info("edited client %s: %s", code, ", ".join(done.changed) or "no change")
        return done

    def _write(self, doing: str, work: Any) -> Any:
        try:
            return run_write(self.store, doing, work)
        except BaseException:
            forget_seasons(self.store.engine)  # it may have read what was rolled back
            raise


def _resolutions(resolutions: Resolutions | None) -> list[Resolution]:
    if resolutions is None:
        return []
    if isinstance(resolutions, Resolution):
        return [resolutions]
    return list(resolutions.values())


def _resolution_for(resolutions: Resolutions | None, group_id: str) -> Resolution | None:
    if resolutions is None or isinstance(resolutions, Resolution):
        return resolutions
    return resolutions.get(group_id)


def _stored(conn: sa.Connection, season_id: int) -> Any:
    season = season_at(conn, season_id)
    if season is None:
        raise StoreError(f"no season with id {season_id}")
    return season


def _live_places(conn: sa.Connection, season_id: int, code: str) -> list[Any]:
    """The client's active and waiting places in open groups, by group."""
    return list(
        conn.execute(
            sa.select(
                EnrolmentRow.id,
                EnrolmentRow.group_id,
                EnrolmentRow.status,
                EnrolmentRow.mode,
                OfferingRow.plan_id,
            )
            .join(OfferingRow, OfferingRow.id == EnrolmentRow.offering_id)
            .where(
                EnrolmentRow.season_id == season_id,
                EnrolmentRow.client_code == code,
                LIVE,
                OfferingRow.status == "open",
            )
            .order_by(EnrolmentRow.group_id)
        ).all()
    )


def _recheck(
    conn: sa.Connection,
    season_id: int,
    code: str,
    changed: tuple[str, ...],
    places: list[Any],
    resolutions: Resolutions | None,
    actor: str,
) -> ClientEdit:
    """Ask every live place again, then carry out what the resolutions say (see the
    module); raises `PlacesNoLongerFit` while an enrolled place has none."""
    unfit: list[tuple[Any, Unfit]] = []
    modes: list[tuple[Any, str]] = []
    for place in places:
        problem, mode = attendance(conn, season_id, place, code)
        if problem is not None:
            unfit.append((place, Unfit(place.group_id, *problem)))
        elif mode != place.mode:
            modes.append((place, mode))
    cases = [case for place, case in unfit if place.status == "active"]
    if any(_resolution_for(resolutions, case.group_id) is None for case in cases):
        raise PlacesNoLongerFit(code, cases)
    ended, kept, withdrawn, promoted = [], [], [], []
    for place, case in unfit:
        how = _resolution_for(resolutions, case.group_id)
        if place.status == "waiting":
            cancel_place(conn, season_id, case.group_id, code, actor, note=case.rule)
            withdrawn.append((case.group_id, case.rule))
        elif how is not None and how.action == "keep":
            conn.execute(
                sa.update(EnrolmentRow)
                .where(EnrolmentRow.id == place.id)
                .values(coordinator_flag=case.rule)
            )
            add_event(
                conn,
                actor,
                "enrolment.keep",
                {
                    "season_id": season_id,
                    "group_id": case.group_id,
                    "client_code": code,
                    "rule": case.rule,
                    "at_client_edit": True,
                },
            )
            kept.append((case.group_id, case.rule))
        elif how is not None:
            outcome = cancel_place(
                conn,
                season_id,
                case.group_id,
                code,
                actor,
                reason=how.reason,
                follow_up=FOLLOW_UP_OF_REASON.get(how.reason, ""),
                note=how.note or case.rule,
            )
            ended.append((case.group_id, how.reason))
            promoted += [(other, case.group_id) for other in outcome.promoted]
    for place, mode in modes:
        conn.execute(sa.update(EnrolmentRow).where(EnrolmentRow.id == place.id).values(mode=mode))
    return ClientEdit(
        code,
        changed,
        ended=tuple(ended),
        kept=tuple(kept),
        withdrawn=tuple(withdrawn),
        promoted=tuple(promoted),
        modes=tuple((place.group_id, mode) for place, mode in modes),
    )
