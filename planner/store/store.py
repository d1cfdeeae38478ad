"""The `Store`: seasons, plans and the audit trail in one database."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import logging
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

import sqlalchemy as sa

from planner.io import limits
from planner.model import Plan, Season
from planner.store import audit, migrate
from planner.store.convert import Row, plan_rows, season_rows
from planner.store.engine import WRITE, database_url, make_engine, safe_url
from planner.store.errors import StoreError, reason
from planner.store.plan_gate import ensure_solved, ensure_valid
from planner.store.schema import (
    LIVE_STATE,
    SEASON_TABLES,
    Base,
    ClientRow,
    EnrolmentRow,
    EventRow,
    GroupRow,
    MunicipalityRow,
    OfferingRow,
    PartnerRow,
    PlanGroupRow,
    PlanParticipantRow,
    PlanRow,
    PlanUnscheduledRow,
    SeasonRow,
    StaffRow,
    VenueRow,
)
from planner.store.snapshot import PLAN_TABLES, live_season_of, plan_at, season_at

if TYPE_CHECKING:
    from planner.store.pins import PinEdit, Pins
    from planner.store.seasons import SeasonSwitch

log = logging.getLogger("planner")

PG_WRITE_LOCK = 0x706C6177  # advisory lock key for the store's write transactions

MAX_NAME = limits.MAX_NAME_CHARS
P = ParamSpec("P")
T = TypeVar("T")

COUNTED = {  # list_seasons counts, keyed like Season.counts()
    "municipalities": MunicipalityRow,
    "venues": VenueRow,
    "staff": StaffRow,
    "partners": PartnerRow,
    "groups": GroupRow,
    "clients": ClientRow,
}
PLAN_COUNTED = {
    "groups": PlanGroupRow,
    "participants": PlanParticipantRow,
    "unscheduled": PlanUnscheduledRow,
}


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _database_errors(doing: str) -> Callable[[Callable[P, T]], Callable[P, T]]:
    """Turn database failures inside a Store method into a one-line StoreError."""

    def decorate(method: Callable[P, T]) -> Callable[P, T]:
        @functools.wraps(method)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
            try:
                return method(*args, **kwargs)
            except sa.exc.SQLAlchemyError as exc:
                store = args[0]
                assert isinstance(store, Store)
                raise StoreError(f"could not {doing} ({store.safe_url}): {reason(exc)}") from exc

        return wrapper

    return decorate


class Store:
    """Seasons, plans and events in SQLite (default) or PostgreSQL.

    `Store(url)` only connects lazily; `Store.open(url)` also brings the schema up to date.
    Times are aware UTC datetimes. Listings are newest first.
    """

    def __init__(self, url: str | None = None) -> None:
        self.url = database_url(url)
        self.safe_url = safe_url(self.url)
        self.engine = make_engine(self.url)

    @classmethod
    def open(cls, url: str | None = None) -> Store:
        store = cls(url)
        try:
            store.migrate()
        except BaseException:
            store.dispose()
            raise
        return store

    def dispose(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.dispose()

    def __repr__(self) -> str:
        return f"Store({self.safe_url!r})"

    @_database_errors("open the database")
    def migrate(self) -> None:
        """Upgrade the schema to the newest migration (a no-op when already there)."""
        migrate.upgrade(self.engine)

    # --- seasons ---

    @_database_errors("import the season")
    def import_season(
        self, season: Season, source: str, actor: str = "cli", name: str | None = None
    ) -> int:
        """Store `season`, all or nothing, as a new season named `name` (default: the data's
        season name); returns its id.

        The import is a draft: the live season stays live until a coordinator switches
        (`publish_season`). Only a store with no live season yet (its first import) makes
        the import the live season at once, so a fresh store works as it always did.
        """
        began = time.perf_counter()
        name = _season_name(season.name if name is None else name)
        if name != season.name:
            season = dataclasses.replace(season, name=name)
        rows = season_rows(season)
        with self._writing() as conn:
            state = "draft" if self._live_season_id(conn) is not None else LIVE_STATE
            season_id: int = conn.execute(
                sa.insert(SeasonRow).values(
                    name=name,
                    source=source,
                    imported_at=_utcnow(),
                    imported_by=actor,
                    state=state,
                )
            ).inserted_primary_key[0]
            for table in SEASON_TABLES:
                self._insert_rows(conn, table, rows[table.__tablename__], season_id=season_id)
            counts = season.counts()
            self._record(
                conn,
                actor,
                "season.import",
                {
                    "season_id": season_id,
                    "name": name,
                    "state": state,
                    "source": source,
                    "counts": counts,
                },
            )
        log.info(
            "imported season %r as %d, %s (%s) in %.2f s",
            name,
            season_id,
            state,
            ", ".join(f"{n} {k}" for k, n in counts.items()),
            time.perf_counter() - began,
        )
        return season_id

    @_database_errors("read the live season")
    def live_season_id(self) -> int | None:
        """The published season: the one workers, calendars and feeds use; None without one."""
        with self.engine.connect() as conn:
            return self._live_season_id(conn)

    @_database_errors("read the seasons")
    def working_season_id(self, chosen: int | None = None) -> int | None:
        """The season a coordinator works on: `chosen` when it is stored, else the newest
        draft, else the live season; None when the store has no season."""
        with self.engine.connect() as conn:
            if chosen is not None and conn.scalar(
                sa.select(SeasonRow.id).where(SeasonRow.id == chosen)
            ):
                return chosen
            draft = conn.scalar(
                sa.select(SeasonRow.id)
                .where(SeasonRow.state == "draft")
                .order_by(SeasonRow.id.desc())
            )
            return draft if draft is not None else self._live_season_id(conn)

    @_database_errors("load the season")
    def load_season(self, season_id: int | None = None) -> Season | None:
        """The season with this id, or the live one; None when there is none."""
        with self.engine.connect() as conn:
            if season_id is None:
                season_id = self._live_season_id(conn)
            return season_at(conn, season_id)

    @_database_errors("list the seasons")
    def list_seasons(self) -> list[dict[str, Any]]:
        """Every season, newest first: id, name, state (draft, published or archived), live
        (state is published), source, imported_at, imported_by, counts (rows per table,
        keyed like `Season.counts()`), plans, open_groups and active_enrolments."""
        return self._season_infos(None)

    @_database_errors("read the season")
    def season_info(self, season_id: int) -> dict[str, Any] | None:
        """What `list_seasons` says about one season; None when there is no such season."""
        found = self._season_infos(season_id)
        return found[0] if found else None

    @_database_errors("rename the season")
    def rename_season(self, season_id: int, name: str, actor: str = "cli") -> None:
        """Give a season a new name (audited); its data and state stay as they are."""
        name = _season_name(name)
        with self._writing() as conn:
            old = self._season_row(conn, season_id)
            if old.name == name:
                return
            conn.execute(sa.update(SeasonRow).where(SeasonRow.id == season_id).values(name=name))
            self._record(
                conn,
                actor,
                "season.rename",
                {"season_id": season_id, "name": name, "previous": old.name},
            )

    @_database_errors("archive the season")
    def archive_season(self, season_id: int, actor: str = "cli") -> None:
        """Set a draft season aside as archived (still listed and loadable). The live season
        is archived only by switching to another one (`publish_season`)."""
        with self._writing() as conn:
            row = self._season_row(conn, season_id)
            if row.state == LIVE_STATE:
                raise StoreError(
                    f"season {season_id} is the live season: switch to another season first"
                )
            if row.state == "archived":
                return
            conn.execute(
                sa.update(SeasonRow).where(SeasonRow.id == season_id).values(state="archived")
            )
            self._record(conn, actor, "season.archive", {"season_id": season_id, "name": row.name})

    @_database_errors("preview the season switch")
    def season_switch_preview(self, season_id: int) -> SeasonSwitch:
        """What making `season_id` the live season would change (see `publish_season`)."""
        from planner.store.seasons import switch_preview

        with self.engine.connect() as conn:
            self._season_row(conn, season_id)
            return switch_preview(conn, season_id)

    @_database_errors("switch the live season")
    def publish_season(self, season_id: int, actor: str = "cli") -> SeasonSwitch:
        """Make `season_id` the live season, in one transaction: its current saved plan is
        published (its groups open for enrolment, as `Enrolments.publish` does) and the old
        live season is archived, its offering and enrolments kept as they were. Refused with
        a `StoreError` when the season has no saved plan or is live already. Returns the
        preview of what changed, as `season_switch_preview` said before."""
        from planner.store.seasons import switch_live_season

        with self._writing() as conn:
            self._season_row(conn, season_id)
            switch = switch_live_season(conn, season_id, actor)
        log.info(
            "season %d is live (was %s): %d groups open, %d stop",
            season_id,
            switch.live_id,
            len(switch.opening),
            len(switch.stopping),
        )
        return switch

    # --- plans ---

    @_database_errors("save the plan")
    def save_plan(
        self,
        plan: Plan,
        summary: Mapping[str, Any],
        season_id: int | None = None,
        actor: str = "cli",
        note: str = "",
    ) -> int:
        """Store `plan` for a season (default: the live one) as its current plan.

        `summary` holds the solver's `status`, `objective`, `best_bound`, `wall_s` and
        `params` (a dict or a dataclass); other keys are ignored. A plan the independent
        validator rejects against that season raises `PlanRejected` and nothing is written.
        """
        with self._writing() as conn:
            if season_id is None:
                season_id = self._live_season_id(conn)
                if season_id is None:
                    raise StoreError("no season to plan for: import a season first")
            plan_id = insert_plan(conn, season_id, plan, summary, actor, note)
        log.info("saved plan %d for season %d", plan_id, season_id)
        return plan_id

    @_database_errors("load the plan")
    def load_plan(self, plan_id: int | None = None, season_id: int | None = None) -> Plan | None:
        """The plan with this id, or the current plan of the season (default: the live season).

        None when there is no such plan (or `plan_id` belongs to another `season_id`).
        """
        with self.engine.connect() as conn:
            plan_id = self._plan_id(conn, plan_id, season_id)
            if plan_id is None:
                return None
            return plan_at(conn, plan_id)

    @_database_errors("read the plan summary")
    def plan_summary(
        self, plan_id: int | None = None, season_id: int | None = None
    ) -> dict[str, Any] | None:
        """What `list_plans` says about one plan (default: the live season's current)."""
        with self.engine.connect() as conn:
            plan_id = self._plan_id(conn, plan_id, season_id)
            if plan_id is None:
                return None
            found = self._plan_summaries(conn, PlanRow.id == plan_id)
        return found[0] if found else None

    @_database_errors("list the plans")
    def list_plans(self, season_id: int | None = None) -> list[dict[str, Any]]:
        """The plans of a season (default: the live one), newest first: id, season_id,
        created_at, created_by, status, objective, best_bound, wall_s, params, note,
        is_current and counts (groups, participants, unscheduled)."""
        with self.engine.connect() as conn:
            if season_id is None:
                season_id = self._live_season_id(conn)
            return self._plan_summaries(conn, PlanRow.season_id == season_id)

    # --- one group by hand (planner.store.pins) ---

    @_database_errors("check the change of the group")
    def pin_preview(
        self,
        season_id: int,
        group_id: str,
        weekday: int,
        start: int,
        venue_id: str | None,
        leaders: Sequence[str],
    ) -> PinEdit:
        """What pinning the group there would do to the season's current plan: the edit,
        who would leave the group and what the validator refuses. Changes nothing."""
        from planner.store.pins import preview

        with self.engine.connect() as conn:
            return preview(conn, season_id, group_id, weekday, start, venue_id, leaders)

    @_database_errors("pin the group")
    def pin_group(
        self,
        season_id: int,
        group_id: str,
        weekday: int,
        start: int,
        venue_id: str | None,
        leaders: Sequence[str],
        actor: str = "cli",
    ) -> PinEdit:
        """Set one group by hand (`planner.store.pins`), in one transaction: the pins on the
        group, the edited plan as the season's new current (draft) plan, one audit event.
        Refused with `PinRefused` (a `PlanRejected`) when the edit breaks a rule; then
        nothing is written. The published offering is not touched."""
        from planner.store.pins import pin

        with self._writing() as conn:
            edit = pin(conn, season_id, group_id, weekday, start, venue_id, leaders, actor)
        log.info(
            "pinned %s in season %d (plan %s, %d participant(s) left the group)",
            group_id,
            season_id,
            edit.plan_id,
            len(edit.dropped),
        )
        return edit

    @_database_errors("unpin the group")
    def unpin_group(self, season_id: int, group_id: str, actor: str = "cli") -> Pins:
        """Take a group's pins away (audited when it had any); the plan stays as it is.
        Returns the pins it had."""
        from planner.store.pins import unpin

        with self._writing() as conn:
            return unpin(conn, season_id, group_id, actor)

    # --- audit trail ---

    @_database_errors("record the event")
    def record_event(
        self, action: str, detail: Mapping[str, Any] | None = None, actor: str = "cli"
    ) -> int:
        """Add an entry to the audit trail (for features that change data); returns its id."""
        with self._writing() as conn:
            return self._record(conn, actor, action, dict(detail or {}))

    @_database_errors("record the event")
    def record_event_once(
        self, action: str, detail: Mapping[str, Any], actor: str, key: str
    ) -> int | None:
        """`record_event`, unless the actor's recent entries of this action already carry
        `detail[key]` (one sign-in recorded once however many pages it loads); the entry's id,
        or None when it was there."""
        with self._writing() as conn:
            recent = conn.execute(
                sa.select(EventRow.detail, EventRow.client_code)
                .where(EventRow.action == action, EventRow.actor == actor)
                .order_by(EventRow.id.desc())
                .limit(50)
            ).all()
            if any(audit.as_shown(d).get(key) == detail[key] for d in recent):
                return None
            return self._record(conn, actor, action, dict(detail))

    @_database_errors("read the events")
    def events(self, limit: int = 100) -> list[dict[str, Any]]:
        """The newest `limit` audit entries, newest first: id, at, actor, action, detail."""
        with self.engine.connect() as conn:
            found = conn.execute(
                sa.select(EventRow).order_by(EventRow.id.desc()).limit(limit)
            ).all()
        return [
            {
                "id": e.id,
                "at": e.at,
                "actor": e.actor,
                "action": e.action,
                "detail": audit.as_shown(e),
            }
            for e in found
        ]

    @_database_errors("check the audit trail")
    def verify_audit(self, kept: Sequence[str] = ()) -> audit.ChainReport:
        """Check the audit trail's hash chain (`planner audit verify`), and that every `kept`
        hash (a head printed before and kept elsewhere) is still an entry's."""
        with self.engine.connect() as conn:
            return audit.verify_chain(conn, kept)

    # --- helpers ---

    @contextmanager
    def _writing(self) -> Iterator[sa.Connection]:
        """One write transaction, committed when the block ends without an exception."""
        with self.engine.connect() as conn:
            conn.execution_options(**{WRITE: True})
            with conn.begin():
                if conn.dialect.name == "postgresql":
                    # One writer at a time, as SQLite's BEGIN IMMEDIATE gives: two imports
                    # into an empty store would otherwise both try to become the live season.
                    conn.execute(sa.select(sa.func.pg_advisory_xact_lock(PG_WRITE_LOCK)))
                yield conn

    @staticmethod
    def _insert_rows(
        conn: sa.Connection, table: type[Base], rows: Sequence[Row], **parent: int
    ) -> None:
        if rows:
            conn.execute(sa.insert(table), [{**row, **parent} for row in rows])

    @staticmethod
    def _counts(conn: sa.Connection, parent: Any, where: Any = None) -> dict[int, int]:
        """Rows per parent id."""
        query = sa.select(parent, sa.func.count()).group_by(parent)
        if where is not None:
            query = query.where(where)
        return {parent_id: n for parent_id, n in conn.execute(query).all()}

    @staticmethod
    def _live_season_id(conn: sa.Connection) -> int | None:
        return live_season_of(conn)

    @staticmethod
    def _season_row(conn: sa.Connection, season_id: int) -> Any:
        row = conn.execute(sa.select(SeasonRow).where(SeasonRow.id == season_id)).first()
        if row is None:
            raise StoreError(f"no season with id {season_id}")
        return row

    def _season_infos(self, season_id: int | None) -> list[dict[str, Any]]:
        query = sa.select(SeasonRow).order_by(SeasonRow.id.desc())
        if season_id is not None:
            query = query.where(SeasonRow.id == season_id)
        with self.engine.connect() as conn:
            seasons = conn.execute(query).all()
            counts = {key: self._counts(conn, table.season_id) for key, table in COUNTED.items()}
            plans = self._counts(conn, PlanRow.season_id)
            open_groups = self._counts(conn, OfferingRow.season_id, OfferingRow.status == "open")
            active = self._counts(conn, EnrolmentRow.season_id, EnrolmentRow.status == "active")
        return [
            {
                "id": s.id,
                "name": s.name,
                "state": s.state,
                "live": s.state == LIVE_STATE,
                "source": s.source,
                "imported_at": s.imported_at,
                "imported_by": s.imported_by,
                "counts": {key: counts[key].get(s.id, 0) for key in COUNTED},
                "plans": plans.get(s.id, 0),
                "open_groups": open_groups.get(s.id, 0),
                "active_enrolments": active.get(s.id, 0),
            }
            for s in seasons
        ]

    def _plan_id(
        self, conn: sa.Connection, plan_id: int | None, season_id: int | None
    ) -> int | None:
        query = sa.select(PlanRow.id)
        if plan_id is not None:
            query = query.where(PlanRow.id == plan_id)
            if season_id is not None:
                query = query.where(PlanRow.season_id == season_id)
        else:
            if season_id is None:
                season_id = self._live_season_id(conn)
            query = query.where(PlanRow.season_id == season_id, PlanRow.is_current)
        return conn.scalar(query.order_by(PlanRow.id.desc()))

    def _plan_summaries(self, conn: sa.Connection, where: Any) -> list[dict[str, Any]]:
        plans = conn.execute(sa.select(PlanRow).where(where).order_by(PlanRow.id.desc())).all()
        ids = [p.id for p in plans]
        counts = {
            key: self._counts(conn, table.plan_id, table.plan_id.in_(ids))
            for key, table in PLAN_COUNTED.items()
        }
        return [
            {
                "id": p.id,
                "season_id": p.season_id,
                "created_at": p.created_at,
                "created_by": p.created_by,
                "status": p.status,
                "objective": p.objective,
                "best_bound": p.best_bound,
                "wall_s": p.wall_s,
                "params": p.params,
                "note": p.note,
                "is_current": p.is_current,
                "counts": {key: counts[key].get(p.id, 0) for key in PLAN_COUNTED},
            }
            for p in plans
        ]

    @staticmethod
    def _record(conn: sa.Connection, actor: str, action: str, detail: dict[str, Any]) -> int:
        return audit.append(conn, actor, action, detail)


def insert_plan(
    conn: sa.Connection,
    season_id: int,
    plan: Plan,
    summary: Mapping[str, Any],
    actor: str,
    note: str = "",
) -> int:
    """Store `plan` as the current plan of `season_id` inside the caller's write transaction
    (`Store.save_plan`, `planner.store.pins`), through the plan gate: a plan the validator
    rejects against the season as it stands in this transaction raises `PlanRejected`."""
    season = season_at(conn, season_id)
    if season is None:
        raise StoreError(f"no season with id {season_id}")
    params = _params(summary.get("params"))
    ensure_solved(summary, "save the plan")
    ensure_valid(season, plan, "save the plan", params)
    conn.execute(
        sa.update(PlanRow)
        .where(PlanRow.season_id == season_id, PlanRow.is_current)
        .values(is_current=False)
    )
    plan_id: int = conn.execute(
        sa.insert(PlanRow).values(
            season_id=season_id,
            created_at=_utcnow(),
            created_by=actor,
            status=str(summary.get("status", "")),
            objective=_number(summary.get("objective")),
            best_bound=_number(summary.get("best_bound")),
            wall_s=_number(summary.get("wall_s")),
            params=params,
            note=note,
            is_current=True,
        )
    ).inserted_primary_key[0]
    rows = plan_rows(plan)
    for table in PLAN_TABLES:
        Store._insert_rows(conn, table, rows[table.__tablename__], plan_id=plan_id)
    Store._record(
        conn,
        actor,
        "plan.save",
        {
            "plan_id": plan_id,
            "season_id": season_id,
            "status": str(summary.get("status", "")),
            "groups": len(plan.placements),
            "participants": len(plan.participants),
            "unscheduled": len(plan.unscheduled),
        },
    )
    return plan_id


def _season_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise StoreError("a season needs a name")
    if len(name) > MAX_NAME:
        raise StoreError(f"a season's name has at most {MAX_NAME} characters")
    return name


def _number(value: Any) -> float | None:
    return None if value is None else float(value)


def _params(value: Any) -> dict[str, Any]:
    if value is None:
        return {}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    return dict(value)
