"""The database tables, as SQLAlchemy typed declarative models.

Every season table carries `season_id` (deleted with its season), the row's natural id
(unique per season) and `position`, the row's index in the season's tuple, so a loaded
season equals the imported one. Lists are JSON; times are minutes after midnight.
Changing a model needs a new migration in `migrations/versions/`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, MappedColumn, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(sa.TypeDecorator[dt.datetime]):
    """A point in time, always handed back as an aware UTC datetime.

    SQLite keeps no time zone, so values are stored as naive UTC there.
    """

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: sa.Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: the store keeps aware UTC times only")
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: sa.Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


class Base(DeclarativeBase):
    metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {  # noqa: RUF012 (SQLAlchemy reads this class attribute)
        dt.datetime: UtcDateTime(),
        dt.date: sa.Date(),
        float: sa.Float(),
        dict[str, Any]: sa.JSON(),
        list[Any]: sa.JSON(),
    }


def _season_fk(index: bool = False) -> MappedColumn[int]:
    # Tables with a unique (season_id, natural id) already have an index led by season_id.
    return mapped_column(sa.ForeignKey("seasons.id", ondelete="CASCADE"), index=index)


def _plan_fk(index: bool = False) -> MappedColumn[int]:
    return mapped_column(sa.ForeignKey("plans.id", ondelete="CASCADE"), index=index)


def _only_one_current(name: str, *columns: str) -> sa.Index:
    """At most one row flagged current (per `columns`), enforced by a partial unique index."""
    flagged = sa.text("is_current")
    return sa.Index(name, *columns, unique=True, sqlite_where=flagged, postgresql_where=flagged)


SEASON_STATES = ("draft", "published", "archived")
"""A season's state (migration 0007): `published` is the live season workers, calendars and
feeds use (at most one); an import makes a `draft` (the first import of a store is live);
a season replaced by switching is `archived`, kept whole and still loadable."""

LIVE_STATE = "published"


class SeasonRow(Base):
    __tablename__ = "seasons"
    __table_args__ = (
        sa.Index(
            "uq_seasons_published",
            "state",
            unique=True,
            sqlite_where=sa.text("state = 'published'"),
            postgresql_where=sa.text("state = 'published'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    source: Mapped[str]
    imported_at: Mapped[dt.datetime]
    imported_by: Mapped[str]
    state: Mapped[str] = mapped_column(default="draft", server_default="draft")


class MunicipalityRow(Base):
    __tablename__ = "municipalities"
    __table_args__ = (sa.UniqueConstraint("season_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    season_id: Mapped[int] = _season_fk()
    position: Mapped[int]
    code: Mapped[str]
    name_fi: Mapped[str]
    name_sv: Mapped[str]
    lat: Mapped[float]
    lon: Mapped[float]
    population: Mapped[int | None]


class VenueRow(Base):
    __tablename__ = "venues"
    __table_args__ = (sa.UniqueConstraint("season_id", "venue_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    season_id: Mapped[int] = _season_fk()
    position: Mapped[int]
    venue_id: Mapped[str]
    name: Mapped[str]
    name_sv: Mapped[str]
    municipality: Mapped[str]
    address: Mapped[str]
    lat: Mapped[float]
    lon: Mapped[float]
    capacity: Mapped[int]
    accessible: Mapped[bool]
    rooms: Mapped[int]
    open: Mapped[list[Any]]  # [[weekday, start, end], ...]


class StaffRow(Base):
    __tablename__ = "staff"
    __table_args__ = (sa.UniqueConstraint("season_id", "staff_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    season_id: Mapped[int] = _season_fk()
    position: Mapped[int]
    staff_id: Mapped[str]
    name: Mapped[str]
    title: Mapped[str]
    qualified: Mapped[bool]
    base_venue: Mapped[str]
    languages: Mapped[list[Any]]
    skills: Mapped[list[Any]]
    days: Mapped[list[Any]]
    max_group_hours: Mapped[float]
    car: Mapped[bool]


class PartnerRow(Base):
    __tablename__ = "partners"
    __table_args__ = (sa.UniqueConstraint("season_id", "partner_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    season_id: Mapped[int] = _season_fk()
    position: Mapped[int]
    partner_id: Mapped[str]
    name: Mapped[str]
    organisation: Mapped[str]
    kind: Mapped[str]
    qualified: Mapped[bool]
    languages: Mapped[list[Any]]
    skills: Mapped[list[Any]]
    days: Mapped[list[Any]]
    municipalities: Mapped[list[Any]]


class GroupRow(Base):
    __tablename__ = "groups"
    __table_args__ = (sa.UniqueConstraint("season_id", "group_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    season_id: Mapped[int] = _season_fk()
    position: Mapped[int]
    group_id: Mapped[str]
    name: Mapped[str]
    name_sv: Mapped[str]
    kind: Mapped[str]
    theme: Mapped[str]
    audience: Mapped[str]
    language: Mapped[str]
    hours: Mapped[float]
    min_size: Mapped[int]
    max_size: Mapped[int]
    municipality: Mapped[str]
    mode: Mapped[str]
    start_date: Mapped[dt.date]
    weeks: Mapped[int | None]
    priority: Mapped[int]
    # pins, all optional
    weekday: Mapped[int | None]
    start_min: Mapped[int | None]
    venue_id: Mapped[str | None]
    leaders: Mapped[list[Any]]
    # a pop-up group open without enrolment (l. 355, 366); migration 0017
    drop_in: Mapped[bool] = mapped_column(server_default=sa.false())


class ClientRow(Base):
    __tablename__ = "clients"
    __table_args__ = (sa.UniqueConstraint("season_id", "client_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    season_id: Mapped[int] = _season_fk()
    position: Mapped[int]
    client_code: Mapped[str]
    municipality: Mapped[str]
    postal_code: Mapped[str]
    languages: Mapped[list[Any]]
    interests: Mapped[list[Any]]
    audience: Mapped[list[Any]]
    days: Mapped[list[Any]]
    travel: Mapped[str]
    max_travel_min: Mapped[int]
    needs_accessible: Mapped[bool]
    counsellor: Mapped[str]
    wishes: Mapped[list[Any]]  # ranked group_ids
    max_groups: Mapped[int]
    remote: Mapped[bool] = mapped_column(server_default=sa.false())


class TravelTimeRow(Base):
    """The season's optional travel-time matrix (`Season.travel_minutes`)."""

    __tablename__ = "travel_times"

    id: Mapped[int] = mapped_column(primary_key=True)
    season_id: Mapped[int] = _season_fk(index=True)
    position: Mapped[int]
    from_id: Mapped[str]
    to_id: Mapped[str]
    mode: Mapped[str]
    minutes: Mapped[float]


class PostalAreaRow(Base):
    """The season's optional postal areas' centres (`Season.postal_areas`, migration 0012)."""

    __tablename__ = "postal_areas"
    __table_args__ = (sa.UniqueConstraint("season_id", "postal_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    season_id: Mapped[int] = _season_fk()
    position: Mapped[int]
    postal_code: Mapped[str]
    name_fi: Mapped[str]
    name_sv: Mapped[str]
    lat: Mapped[float]
    lon: Mapped[float]
    municipality: Mapped[str | None]


class ThemeRow(Base):
    """The season's optional names of theme codes (`Season.themes`, migration 0020)."""

    __tablename__ = "themes"
    __table_args__ = (sa.UniqueConstraint("season_id", "theme"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    season_id: Mapped[int] = _season_fk()
    position: Mapped[int]
    theme: Mapped[str]
    name_fi: Mapped[str]
    name_sv: Mapped[str]
    name_en: Mapped[str]


class PlanRow(Base):
    __tablename__ = "plans"
    __table_args__ = (_only_one_current("uq_plans_current", "season_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    season_id: Mapped[int] = _season_fk(index=True)
    created_at: Mapped[dt.datetime]
    created_by: Mapped[str]
    status: Mapped[str]
    objective: Mapped[float | None]
    best_bound: Mapped[float | None]
    wall_s: Mapped[float | None]
    params: Mapped[dict[str, Any]]
    note: Mapped[str] = mapped_column(sa.Text)
    is_current: Mapped[bool] = mapped_column(default=False)


class PlanGroupRow(Base):
    __tablename__ = "plan_groups"
    __table_args__ = (sa.UniqueConstraint("plan_id", "group_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = _plan_fk()
    position: Mapped[int]
    group_id: Mapped[str]
    weekday: Mapped[int]
    start_min: Mapped[int]
    end_min: Mapped[int]
    venue_id: Mapped[str | None]
    leaders: Mapped[list[Any]]


class PlanParticipantRow(Base):
    __tablename__ = "plan_participants"
    __table_args__ = (sa.UniqueConstraint("plan_id", "client_code", "group_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = _plan_fk()
    position: Mapped[int]
    client_code: Mapped[str]
    group_id: Mapped[str]
    mode: Mapped[str] = mapped_column(server_default="on_site")  # on_site or remote


class PlanUnscheduledRow(Base):
    __tablename__ = "plan_unscheduled"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = _plan_fk(index=True)
    position: Mapped[int]
    group_id: Mapped[str]
    reason: Mapped[str] = mapped_column(sa.Text)


class EventRow(Base):
    """The audit trail: who did what, when, as a hash chain (`planner.store.audit`).
    Append-only: database triggers refuse updates, deletes and inserts anywhere but at the
    chain's end (migrations 0004, 0014), except a purge's redaction of `client_code`
    (`AuditRedactionRow`). Written only by `planner.store.audit.append`."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    at: Mapped[dt.datetime] = mapped_column(index=True)
    actor: Mapped[str]
    action: Mapped[str] = mapped_column(index=True)
    detail: Mapped[dict[str, Any]]
    client_code: Mapped[str | None]
    """The client the entry is about, apart from `detail` so that a purge blanks only it."""
    code_salt: Mapped[str | None]
    code_digest: Mapped[str | None]
    """SHA-256 of `code_salt` and `client_code`: what the chain hashes of the code."""
    legacy: Mapped[bool] = mapped_column(server_default=sa.false())
    """Written before the chain existed and chained by migration 0014."""
    prev_hash: Mapped[str]
    hash: Mapped[str]


class AuditRedactionRow(Base):
    """Present only inside `planner purge`'s transaction: lets it blank purged codes (and
    nothing else: migration 0014)."""

    __tablename__ = "audit_redaction"

    id: Mapped[int] = mapped_column(primary_key=True)


SEASON_TABLES = (
    MunicipalityRow,
    VenueRow,
    StaffRow,
    PartnerRow,
    GroupRow,
    ClientRow,
    TravelTimeRow,
    PostalAreaRow,
    ThemeRow,
)
"""Tables holding one season's rows, in import order."""


# --- the live offering (migration 0002) ---

LIVE_STATUSES = ("active", "waiting")
"""Enrolment statuses that hold a place in a group or its waiting list."""


class OfferingRow(Base):
    """A scheduled group open for enrolment; `taken` counts its active enrolments.

    The seat rule lives in the database: `taken` only grows by a conditional update and
    the CHECK makes an overbooked row impossible whatever the code does.
    """

    __tablename__ = "offerings"
    __table_args__ = (
        sa.UniqueConstraint("season_id", "group_id"),
        sa.CheckConstraint("taken >= 0 AND taken <= max_size", name="taken_within_max_size"),
        sa.CheckConstraint("leader_count >= 0", name="leader_count_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    season_id: Mapped[int] = _season_fk()
    plan_id: Mapped[int] = _plan_fk(index=True)
    group_id: Mapped[str]
    max_size: Mapped[int]
    taken: Mapped[int] = mapped_column(default=0)
    leaders: Mapped[list[Any]]  # person ids
    leader_count: Mapped[int]
    status: Mapped[str]  # open | cancelled
    published_at: Mapped[dt.datetime]


class EnrolmentRow(Base):
    """One client's place (or wait) in one offering, and how it ended."""

    __tablename__ = "enrolments"
    __table_args__ = (
        # A client holds at most one live place per group (active or waiting).
        sa.Index(
            "uq_enrolments_live",
            "season_id",
            "group_id",
            "client_code",
            unique=True,
            sqlite_where=sa.text("status IN ('active', 'waiting')"),
            postgresql_where=sa.text("status IN ('active', 'waiting')"),
        ),
        sa.Index("ix_enrolments_client", "season_id", "client_code"),
        sa.Index("ix_enrolments_offering_status", "offering_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    season_id: Mapped[int] = _season_fk()
    offering_id: Mapped[int] = mapped_column(sa.ForeignKey("offerings.id", ondelete="CASCADE"))
    group_id: Mapped[str]
    client_code: Mapped[str]
    status: Mapped[str]  # active | waiting | cancelled | group_cancelled | moved | dropped
    flag: Mapped[str] = mapped_column(default="")  # promoted | needs_second_leader | ""
    # Set by the coordinator who kept the place when a publish left the client unable to
    # attend: the rule key that breaks (planner.store.publishing).
    coordinator_flag: Mapped[str | None]
    mode: Mapped[str] = mapped_column(server_default="on_site")  # on_site | remote
    counsellor: Mapped[str]
    created_at: Mapped[dt.datetime]
    created_by: Mapped[str]
    ended_at: Mapped[dt.datetime | None]
    ended_by: Mapped[str | None]
    end_reason: Mapped[str] = mapped_column(default="")
    follow_up: Mapped[str] = mapped_column(default="")
    end_note: Mapped[str] = mapped_column(sa.Text, default="")


class AttendanceRow(Base):
    """Who was present at one session of a group, as the leader recorded it (l. 379)."""

    __tablename__ = "attendance"
    __table_args__ = (sa.UniqueConstraint("offering_id", "session_date", "client_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    offering_id: Mapped[int] = mapped_column(sa.ForeignKey("offerings.id", ondelete="CASCADE"))
    session_date: Mapped[dt.date]
    client_code: Mapped[str]
    present: Mapped[bool]
    recorded_at: Mapped[dt.datetime]
    recorded_by: Mapped[str]


class HeadCountRow(Base):
    """How many came to one session of a drop-in pop-up group (l. 355, 366): a number the
    leader records instead of names, so it holds no client identifier (migration 0017)."""

    __tablename__ = "head_counts"
    __table_args__ = (
        sa.UniqueConstraint("offering_id", "session_date"),
        sa.CheckConstraint("visitors >= 0", name="visitors_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    offering_id: Mapped[int] = mapped_column(sa.ForeignKey("offerings.id", ondelete="CASCADE"))
    session_date: Mapped[dt.date]
    visitors: Mapped[int]
    recorded_at: Mapped[dt.datetime]
    recorded_by: Mapped[str]


class SummaryRow(Base):
    """The leader's summary of a client's group period (l. 379); never leaves in calendars."""

    __tablename__ = "summaries"
    __table_args__ = (sa.UniqueConstraint("offering_id", "client_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    offering_id: Mapped[int] = mapped_column(sa.ForeignKey("offerings.id", ondelete="CASCADE"))
    client_code: Mapped[str]
    text: Mapped[str] = mapped_column(sa.Text)
    written_at: Mapped[dt.datetime]
    written_by: Mapped[str]


# --- calendars (migration 0003) ---


class FeedRow(Base):
    """A calendar subscription: only the SHA-256 of its secret token is kept."""

    __tablename__ = "feeds"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    kind: Mapped[str]  # offering | group | leader | venue
    target: Mapped[str | None]  # group, person or venue id; None for the offering
    lang: Mapped[str]
    filters: Mapped[dict[str, Any]]  # OfferingFilter.as_dict() for the offering
    note: Mapped[str] = mapped_column(sa.Text, default="")
    created_at: Mapped[dt.datetime]
    created_by: Mapped[str]
    revoked_at: Mapped[dt.datetime | None]
    revoked_by: Mapped[str | None]


class CalendarSequenceRow(Base):
    """The SEQUENCE of one calendar series (by UID), raised whenever its schedule changes."""

    __tablename__ = "calendar_sequences"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(unique=True)
    fingerprint: Mapped[str] = mapped_column(sa.String(40))
    sequence: Mapped[int]
    changed_at: Mapped[dt.datetime]


class NoticeCursorRow(Base):
    """Per person (staff or partner id), the last audit entry their notices were e-mailed up
    to (`planner.mailer`): nothing is sent twice."""

    __tablename__ = "notice_cursors"

    person_id: Mapped[str] = mapped_column(primary_key=True)
    last_event_id: Mapped[int]
    updated_at: Mapped[dt.datetime]


# --- dated changes (migration 0009) ---


class DatedChangeRow(Base):
    """A dated change of a season (`planner.store.changes`): a closure, a cancelled or moved
    session, an absence or a substitute. Never deleted, only marked removed, so the feeds
    can tell that something changed; every add and removal is also an audit event."""

    __tablename__ = "dated_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    season_id: Mapped[int] = _season_fk(index=True)
    kind: Mapped[str]  # closure | cancel | move | absence | substitute
    group_id: Mapped[str | None]  # cancel, move, substitute
    venue_id: Mapped[str | None]  # closure of one venue (None: every venue)
    person_id: Mapped[str | None]  # absence: who is away; substitute: who leads instead
    replaces: Mapped[str | None]  # substitute: the leader they stand in for
    first_date: Mapped[dt.date | None]  # closure, absence, substitute (inclusive)
    last_date: Mapped[dt.date | None]
    session_date: Mapped[dt.date | None]  # cancel, move: the session's own date
    new_date: Mapped[dt.date | None]  # move: the new local date and start (minutes)
    new_start_min: Mapped[int | None]
    note: Mapped[str] = mapped_column(sa.String(200), default="")
    created_at: Mapped[dt.datetime]
    created_by: Mapped[str]
    removed_at: Mapped[dt.datetime | None]
    removed_by: Mapped[str | None]


# --- joint meetings (migration 0011) ---

MEETING_STATUSES = ("booked", "held", "cancelled")
"""A joint meeting (l. 379) is booked, then held or cancelled."""


class MeetingRow(Base):
    """A joint meeting of a client, their counsellor and the group's leader (l. 379), before
    the client's first session or after the group's last (`planner.store.bookings`).

    The client is named by `client_code` only (nothing else here identifies them; the
    invitation's `uid` is random). `sequence` is the invitation's SEQUENCE, raised when the
    meeting is cancelled. At most one booked or held meeting of a kind per client and group.
    """

    __tablename__ = "meetings"
    __table_args__ = (
        sa.Index(
            "uq_meetings_live",
            "season_id",
            "group_id",
            "client_code",
            "kind",
            unique=True,
            sqlite_where=sa.text("status IN ('booked', 'held')"),
            postgresql_where=sa.text("status IN ('booked', 'held')"),
        ),
        sa.Index("ix_meetings_client", "season_id", "client_code"),
        sa.Index("ix_meetings_group", "season_id", "group_id"),
        sa.CheckConstraint("status IN ('booked', 'held', 'cancelled')", name="status_known"),
        sa.CheckConstraint("kind IN ('before', 'after')", name="kind_known"),
        sa.CheckConstraint("start_min < end_min", name="starts_before_it_ends"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    season_id: Mapped[int] = _season_fk()
    offering_id: Mapped[int] = mapped_column(sa.ForeignKey("offerings.id", ondelete="CASCADE"))
    group_id: Mapped[str]
    client_code: Mapped[str]
    kind: Mapped[str]  # before | after
    date: Mapped[dt.date]
    start_min: Mapped[int]
    end_min: Mapped[int]
    counsellor: Mapped[str]  # staff ids
    leader: Mapped[str]
    venue_id: Mapped[str | None]
    status: Mapped[str]  # booked | held | cancelled
    booked_at: Mapped[dt.datetime]
    booked_by: Mapped[str]
    held_at: Mapped[dt.datetime | None]
    held_by: Mapped[str | None]
    cancelled_at: Mapped[dt.datetime | None]
    cancelled_by: Mapped[str | None]
    uid: Mapped[str] = mapped_column(unique=True)
    sequence: Mapped[int] = mapped_column(default=0)


# --- solve runs (migration 0013) ---

RUN_STATES = ("running", "stopping", "finished", "stopped", "failed", "interrupted")
"""A solve run (`planner.store.solve_runs`) is `running` until its worker ends it as
`finished`, `stopped` (a Stop asked for, the best plan so far kept) or `failed`; `stopping`
says a Stop was asked for and the worker has not ended the search yet. `interrupted`: its
worker died (no heartbeat), written when the next run of the season starts."""

ACTIVE_RUN_STATES = ("running", "stopping")


class SolveRunRow(Base):
    """One solve of a season, stored so that every session sees it: who started it and with
    which parameters, its progress and heartbeat (written by the worker about once a second),
    and its result (the summary and the plan as a candidate draft, saved only by a person).
    At most one active (running or stopping) run per season."""

    __tablename__ = "solve_runs"
    __table_args__ = (
        sa.Index(
            "uq_solve_runs_active",
            "season_id",
            unique=True,
            sqlite_where=sa.text("state IN ('running', 'stopping')"),
            postgresql_where=sa.text("state IN ('running', 'stopping')"),
        ),
        sa.CheckConstraint(
            "state IN ('running', 'stopping', 'finished', 'stopped', 'failed', 'interrupted')",
            name="state_known",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    season_id: Mapped[int] = _season_fk(index=True)
    started_at: Mapped[dt.datetime]
    started_by: Mapped[str]
    params: Mapped[dict[str, Any]]  # time_limit_s, language, the re-plan's changes
    previous: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON)  # a re-plan's base plan
    state: Mapped[str]
    objective: Mapped[float | None]  # progress: the current stage's best objective and bound
    bound: Mapped[float | None]
    solutions: Mapped[int] = mapped_column(default=0)
    progress_at: Mapped[dt.datetime | None]
    heartbeat_at: Mapped[dt.datetime]
    stop_requested_at: Mapped[dt.datetime | None]
    stop_requested_by: Mapped[str | None]
    finished_at: Mapped[dt.datetime | None]
    summary: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON)
    plan: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON)  # plan rows (convert.plan_rows)
    error: Mapped[str | None] = mapped_column(sa.Text)
    closed_at: Mapped[dt.datetime | None]  # saved or discarded: no longer shown
    closed_by: Mapped[str | None]
    saved_plan_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("plans.id", ondelete="SET NULL")
    )


class RouteCacheRow(Base):
    """The routes page's work-car runs computed for one stored plan (`planner.store.route_cache`):
    a plan never changes, so its id (with the solver's seconds per weekday) is the key, and a
    second view reads the runs here instead of solving again. `clients` lists the codes the
    runs name, so a purge deletes the rows naming a purged client."""

    __tablename__ = "route_cache"

    plan_id: Mapped[int] = mapped_column(
        sa.ForeignKey("plans.id", ondelete="CASCADE"), primary_key=True
    )
    seconds: Mapped[float] = mapped_column(primary_key=True)
    computed_at: Mapped[dt.datetime]
    computed_by: Mapped[str]
    runs: Mapped[dict[str, Any]]  # planner.routing.stored_runs.pickups_record
    clients: Mapped[list[Any]]


# --- service timelines (migration 0016) ---


class ServiceTimelineRow(Base):
    """A client's service timeline (`planner.timeline`, `planner.store.timelines`): when
    social rehabilitation started, the current decision's last day as recorded (none: six
    months from the start, l. 596) and the evaluations held, by months. Keyed by the
    client's pseudonymous code alone, not by season: the service spans seasons. Nothing else
    here identifies the client; a purge deletes the row with the client's other rows."""

    __tablename__ = "service_timelines"
    __table_args__ = (
        sa.CheckConstraint(
            "decision_end IS NULL OR decision_end >= start_date", name="decision_after_start"
        ),
        sa.CheckConstraint("ended_on IS NULL OR ended_on >= start_date", name="ended_after_start"),
    )

    client_code: Mapped[str] = mapped_column(primary_key=True)
    start_date: Mapped[dt.date]
    decision_end: Mapped[dt.date | None]
    held: Mapped[list[Any]]  # months of the evaluations held: 3, 6, 12
    # the service's own end, recorded by the client's own worker (l. 537-543); migration 0018
    ended_on: Mapped[dt.date | None]
    end_reason: Mapped[str | None]
    follow_up: Mapped[str | None]
    updated_at: Mapped[dt.datetime]
    updated_by: Mapped[str]


# --- feedback from groups (migration 0019) ---

FEEDBACK_CHANNELS = ("web", "paper")
"""An answer came through the link (`planner serve`) or on paper, typed in by a leader."""


class FeedbackRoundRow(Base):
    """One feedback round of a group (`planner.store.feedback`): for one session (by default
    the group's last), open until `closes_on` or until a leader closes it, taking at most
    `max_answers`. The link's token is kept only as its SHA-256; `answers` counts the answers
    and only grows by a conditional update, so the cap holds whatever the code does."""

    __tablename__ = "feedback_rounds"
    __table_args__ = (
        sa.Index("ix_feedback_rounds_group", "season_id", "group_id"),
        sa.CheckConstraint(
            "answers >= 0 AND answers <= max_answers", name="answers_within_max_answers"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    season_id: Mapped[int] = _season_fk()
    group_id: Mapped[str]
    session_date: Mapped[dt.date]
    token_hash: Mapped[str] = mapped_column(unique=True)
    closes_on: Mapped[dt.date]  # the last day answers are taken (Helsinki's date)
    max_answers: Mapped[int]
    answers: Mapped[int] = mapped_column(default=0)
    opened_at: Mapped[dt.datetime]
    opened_by: Mapped[str]
    closed_at: Mapped[dt.datetime | None]
    closed_by: Mapped[str | None]


class FeedbackAnswerRow(Base):
    """One anonymous answer (l. 527): the four THL themes on a 1-5 scale and what the person
    would change. Nothing ties it to a client: no code, no address, no time of its own (the
    round says which session it was for), and no audit entry names it."""

    __tablename__ = "feedback_answers"
    __table_args__ = (
        sa.CheckConstraint("channel IN ('web', 'paper')", name="channel_known"),
        *(
            sa.CheckConstraint(f"{name} BETWEEN 1 AND 5", name=f"{name}_on_the_scale")
            for name in ("satisfaction", "commitment", "recommend", "benefit")
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(
        sa.ForeignKey("feedback_rounds.id", ondelete="CASCADE"), index=True
    )
    channel: Mapped[str]
    satisfaction: Mapped[int]
    commitment: Mapped[int]
    recommend: Mapped[int]
    benefit: Mapped[int]
    change: Mapped[str | None] = mapped_column(sa.Text)


class GroupEvaluationRow(Base):
    """A leader's own evaluation of the group at its end (l. 529): what went well, what to
    change next time, notes. One per leader and group, rewritten when written again."""

    __tablename__ = "group_evaluations"
    __table_args__ = (sa.UniqueConstraint("season_id", "group_id", "written_by"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    season_id: Mapped[int] = _season_fk()
    group_id: Mapped[str]
    went_well: Mapped[str] = mapped_column(sa.Text)
    to_change: Mapped[str] = mapped_column(sa.Text)
    notes: Mapped[str] = mapped_column(sa.Text)
    written_on: Mapped[dt.date]
    written_by: Mapped[str]
