"""The store keeps seasons, plans and the audit trail, the same on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from planner.model import (
    Client,
    Group,
    Interval,
    Municipality,
    Partner,
    Placement,
    Plan,
    Season,
    Staff,
    Unscheduled,
    Venue,
)
from planner.store import PlanRejected, PlanUnsolved, Store, StoreError, default_url
from planner.store.engine import scratch_schema
from planner.store.migrate import head_revision
from planner.store.purge import redact_codes
from planner.store.schema import Base, ClientRow

# --- fixtures ---


@pytest.fixture
def season() -> Season:
    """Two municipalities, venues and staff, a partner, a pinned group, a remote group, a pop-up
    and 5 clients.

    Rows are deliberately not in id order, and floats carry many digits, so a round trip
    that sorted or rounded anything would show.
    """
    weekdays = tuple(Interval(d, 8 * 60, 16 * 60) for d in range(5))
    return Season(
        name="Syksy 2025",
        municipalities=(
            Municipality("710", "Raasepori", "Raseborg", 59.9736134, 23.4370021, 27_528),
            Municipality("049", "Espoo", "Esbo", 60.2054911, 24.6559001),
        ),
        venues=(
            Venue(
                "V2",
                "Tammisaaren kirjasto",
                "710",
                "Raatihuoneentori 1",
                59.9739,
                23.4371,
                capacity=12,
                accessible=False,
                open=(Interval(3, 12 * 60, 20 * 60), Interval(0, 9 * 60, 15 * 60)),
                rooms=2,
                name_sv="Ekenäs bibliotek",
            ),
            Venue(
                "V1",
                "Espoon keskus",
                "049",
                "Kirkkojärventie 6",
                60.2053,
                24.6561,
                capacity=10,
                accessible=True,
                open=weekdays,
            ),
        ),
        staff=(
            Staff(
                "S1", "Aino Ohjaaja", "sosionomi", True, "V1", ("fi", "sv"),
                ("mental_health", "art"), (0, 2, 3), 12.5, True,
            ),
            Staff(
                "S2", "Bo Handledare", "ohjaaja", False, "V2", ("sv",), (), (1, 4), 8.0, False,
            ),
        ),
        partners=(
            Partner(
                "P1", "Leena Liikkuja", "Länsi-Uudenmaan Liikunta ry", "sports_instructor",
                False, ("fi",), ("exercise",), (2,), ("049", "710"),
            ),
        ),
        groups=(
            Group(
                "G2", "Pop-up kahvila", "popup", "community", "all", "sv", 2.5, 3, 10, "710",
                "in_person", dt.date(2025, 9, 15), None, name_sv="Pop-up kafé",
            ),
            Group(
                "G1", "Mielen hyvinvointi", "process", "mental_health", "youth", "fi", 3.0,
                3, 8, "049", "hybrid", dt.date(2025, 9, 1), 12, weekday=2, start=10 * 60,
                venue_id="V1", leaders=("S1", "P1"), priority=2,
            ),
            Group(
                "G3", "Etäkuvataide", "theme", "art", "all", "fi", 2.0, 3, 10, "049",
                "remote", dt.date(2025, 9, 1), 10,
            ),
        ),
        clients=(
            Client(
                "C3", "049", ("fi",), ("mental_health",), (2, 3), "transit", 45, False, "S1",
                postal_code="02770", audience=("youth",), wishes=("G1", "G2"),
            ),
            Client("C1", "710", ("sv", "fi"), ("community",), (0, 1, 2, 3, 4), "ride", 60,
                   True, "S2", wishes=("G2",), remote=True),
            Client("C4", "049", ("fi",), (), (0, 2), "car", 30, False, "S1", wishes=("G1",),
                   audience=("youth",), max_groups=2, remote=True),
            Client("C5", "049", ("fi",), ("art",), (0, 2), "transit", 40, False, "S1",
                   audience=("youth",), max_groups=2, remote=True),
            Client("C2", "710", ("sv",), ("art", "community"), (3,), "transit", 90, True,
                   "S2", postal_code="10600", wishes=("G2", "G1")),
        ),
        travel_minutes=(("V1", "V2", "car", 61.25), ("V2", "V1", "transit", 95.0)),
    )  # fmt: skip


@pytest.fixture
def plan() -> Plan:
    return Plan(
        placements=(
            Placement("G1", 2, 10 * 60, 13 * 60, "V1", ("S1", "P1")),
            Placement("G3", 0, 9 * 60, 11 * 60, None, ("S1",)),
        ),
        participants=(
            ("C4", "G1"),
            ("C3", "G1"),
            ("C5", "G1"),
            ("C1", "G3"),
            ("C4", "G3"),
            ("C5", "G3"),
        ),
        unscheduled=(Unscheduled("G2", "no qualified staff leader on Thursdays"),),
        remote=(("C1", "G3"), ("C4", "G3"), ("C5", "G3")),
    )


SUMMARY = {
    "status": "OPTIMAL",
    "objective": 1234.5,
    "best_bound": 1200.25,
    "wall_s": 3.75,
    "params": {"time_limit_s": 30.0, "workers": 2, "seed": 7},
}


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database of each kind. On PostgreSQL every test gets its own schema
    (search_path in the URL), so runs repeat and parallelise without clashing."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'planner.sqlite3'}"
        return
    with scratch_schema(request.getfixturevalue("pg_url"), "test_store") as url:
        yield url


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store.open(db_url) as opened:
        yield opened


def schema_differences(store: Store) -> list[object]:
    with store.engine.connect() as conn:
        return compare_metadata(MigrationContext.configure(conn), Base.metadata)


def schema_revision(store: Store) -> str | None:
    with store.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


# --- schema ---


def test_the_models_match_the_migrations(store: Store) -> None:
    assert schema_differences(store) == []


def test_opening_a_migrated_database_again_changes_nothing(store: Store, db_url: str) -> None:
    store.migrate()
    with Store.open(db_url) as again:
        again.migrate()
        assert schema_revision(again) == head_revision()
        assert schema_differences(again) == []


def test_a_database_from_a_newer_planner_is_refused(store: Store, db_url: str) -> None:
    with store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_future'")

    with pytest.raises(StoreError, match="newer than this planner") as raised:
        Store.open(db_url)
    assert "\n" not in str(raised.value)


# --- seasons ---


def test_an_empty_store_has_no_season_and_no_plan(store: Store) -> None:
    assert store.live_season_id() is None
    assert store.load_season() is None
    assert store.list_seasons() == []
    assert store.load_plan() is None
    assert store.plan_summary() is None
    assert store.list_plans() == []


def test_an_imported_season_loads_back_equal(store: Store, season: Season) -> None:
    season_id = store.import_season(season, source="data/syksy", actor="coordinator")

    assert store.live_season_id() == season_id
    loaded = store.load_season()
    assert loaded == season
    assert store.load_season(season_id) == season
    assert loaded is not None
    assert isinstance(loaded.venues[0].open[0], Interval)
    assert loaded.groups[0].weeks is None
    assert loaded.groups[1].start_date == dt.date(2025, 9, 1)


def test_an_unknown_season_id_loads_as_none(store: Store, season: Season) -> None:
    season_id = store.import_season(season, source="x")
    assert store.load_season(season_id + 100) is None


def test_a_second_import_is_a_draft_and_the_first_stays_live(store: Store, season: Season) -> None:
    first = store.import_season(season, source="data/syksy")
    spring = dataclasses.replace(season, name="Kevät 2026", clients=season.clients[:2])
    second = store.import_season(spring, source="kevat.xlsx", actor="anna")

    assert store.live_season_id() == first
    assert store.working_season_id() == second
    assert store.load_season() == season
    assert store.load_season(second) == spring
    listed = {s["id"]: s for s in store.list_seasons()}
    assert [s["id"] for s in store.list_seasons()] == [second, first]
    assert (listed[first]["state"], listed[second]["state"]) == ("published", "draft")
    assert listed[first]["live"] and not listed[second]["live"]
    assert listed[second]["source"] == "kevat.xlsx"
    assert listed[second]["imported_by"] == "anna"
    assert listed[second]["counts"] == spring.counts()
    assert listed[first]["counts"] == season.counts()


def test_import_times_are_utc(store: Store, season: Season) -> None:
    before = dt.datetime.now(dt.UTC)
    store.import_season(season, source="x")
    imported_at = store.list_seasons()[0]["imported_at"]

    assert imported_at.tzinfo is not None
    assert imported_at.utcoffset() == dt.timedelta(0)
    assert before - dt.timedelta(seconds=1) <= imported_at <= dt.datetime.now(dt.UTC)


def test_an_import_that_fails_midway_leaves_the_previous_season_current_and_intact(
    store: Store, season: Season, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = store.import_season(season, source="data/syksy")
    insert_rows = Store._insert_rows
    inserted: list[str] = []

    def fail_at_clients(conn: sa.Connection, table: type[Base], rows: list, **parent: int):
        if table is ClientRow:
            raise RuntimeError("disk on fire")
        inserted.append(table.__tablename__)
        insert_rows(conn, table, rows, **parent)

    monkeypatch.setattr(Store, "_insert_rows", staticmethod(fail_at_clients))
    with pytest.raises(RuntimeError, match="disk on fire"):
        store.import_season(dataclasses.replace(season, name="broken"), source="broken.xlsx")
    monkeypatch.undo()

    assert "groups" in inserted  # the failure really came midway
    assert store.live_season_id() == first
    assert [s["id"] for s in store.list_seasons()] == [first]
    assert store.load_season() == season
    assert [e["action"] for e in store.events()] == ["season.import"]


def test_an_import_the_database_rejects_writes_nothing(
    store: Store, season: Season, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = store.import_season(season, source="data/syksy")
    # A Season refuses a duplicate client itself, so the duplicate is slipped in between
    # the season and the database: the last client row is written twice.
    import planner.store.store as store_module

    rows_of = store_module.season_rows

    def with_a_duplicate_client(s: Season) -> dict:
        rows = rows_of(s)
        rows["clients"] = [*rows["clients"], rows["clients"][-1]]
        return rows

    monkeypatch.setattr(store_module, "season_rows", with_a_duplicate_client)

    with pytest.raises(StoreError, match="could not import the season") as raised:
        store.import_season(season, source="twice.csv")

    assert "\n" not in str(raised.value)
    assert isinstance(raised.value.__cause__, sa.exc.IntegrityError)
    assert store.live_season_id() == first
    assert len(store.list_seasons()) == 1
    assert store.load_season() == season


# --- plans ---


def test_a_saved_plan_loads_back_equal_with_its_unscheduled_groups(
    store: Store, season: Season, plan: Plan
) -> None:
    store.import_season(season, source="x")
    plan_id = store.save_plan(plan, SUMMARY, actor="coordinator", note="first try")

    assert store.load_plan() == plan
    assert store.load_plan(plan_id) == plan
    summary = store.plan_summary(plan_id)
    assert summary is not None
    assert {k: summary[k] for k in SUMMARY} == SUMMARY
    assert summary["note"] == "first try"
    assert summary["created_by"] == "coordinator"
    assert summary["is_current"]
    assert summary["counts"] == {"groups": 2, "participants": 6, "unscheduled": 1}


def test_an_empty_plan_round_trips(store: Store, season: Season) -> None:
    store.import_season(season, source="x")
    empty = Plan(placements=(), participants=())
    store.save_plan(empty, {"status": "UNKNOWN"})

    assert store.load_plan() == empty
    summary = store.plan_summary()
    assert summary is not None
    assert summary["objective"] is None and summary["params"] == {}


def test_solver_params_may_be_a_dataclass(store: Store, season: Season, plan: Plan) -> None:
    @dataclasses.dataclass(frozen=True)
    class Params:
        time_limit_s: float = 10.0
        workers: int = 2

    store.import_season(season, source="x")
    plan_id = store.save_plan(plan, {**SUMMARY, "params": Params()})

    summary = store.plan_summary(plan_id)
    assert summary is not None
    assert summary["params"] == {"time_limit_s": 10.0, "workers": 2}


def test_the_newest_saved_plan_becomes_current_and_older_ones_stay_listed(
    store: Store, season: Season, plan: Plan
) -> None:
    store.import_season(season, source="x")
    first = store.save_plan(plan, SUMMARY)
    better = dataclasses.replace(plan, unscheduled=())
    second = store.save_plan(better, {**SUMMARY, "objective": 1000.0})

    assert store.load_plan() == better
    assert store.load_plan(first) == plan
    assert [p["id"] for p in store.list_plans()] == [second, first]
    assert [p["is_current"] for p in store.list_plans()] == [True, False]
    current = store.plan_summary()
    assert current is not None and current["id"] == second


def test_each_season_keeps_its_own_current_plan(store: Store, season: Season, plan: Plan) -> None:
    autumn = store.import_season(season, source="x")
    autumn_plan = store.save_plan(plan, SUMMARY)
    spring = store.import_season(dataclasses.replace(season, name="Kevät"), source="y")

    assert store.load_plan(season_id=spring) is None  # the new draft has no plan yet
    assert store.live_season_id() == autumn
    assert store.load_plan() == plan  # the live season's
    assert store.load_plan(autumn_plan, season_id=spring) is None
    spring_plan = store.save_plan(Plan((), ()), SUMMARY, season_id=spring)
    assert store.plan_summary()["id"] == autumn_plan  # type: ignore[index]
    assert [p["id"] for p in store.list_plans(spring)] == [spring_plan]
    assert [p["id"] for p in store.list_plans()] == [autumn_plan]


def test_saving_a_plan_for_a_draft_season_leaves_the_live_season_alone(
    store: Store, season: Season, plan: Plan
) -> None:
    autumn = store.import_season(season, source="x")
    spring = store.import_season(dataclasses.replace(season, name="Kevät"), source="y")
    store.save_plan(plan, SUMMARY, season_id=spring)

    assert store.live_season_id() == autumn
    assert store.load_plan() is None
    assert store.load_plan(season_id=spring) == plan


def test_a_plan_the_validator_rejects_is_not_saved(
    store: Store, season: Season, plan: Plan
) -> None:
    store.import_season(season, source="x")
    store.save_plan(plan, SUMMARY)
    one_leader = dataclasses.replace(plan.placements[0], start=11 * 60, end=14 * 60)
    broken = dataclasses.replace(plan, placements=(one_leader, *plan.placements[1:]))

    with pytest.raises(PlanRejected) as refused:
        store.save_plan(broken, SUMMARY)

    assert [(p.rule, p.subject) for p in refused.value.problems] == [("pins", "G1")]
    assert "cannot save the plan" in str(refused.value) and "[pins] G1" in str(refused.value)
    assert isinstance(refused.value, StoreError)  # every caller that shows StoreError shows it
    assert len(store.list_plans()) == 1 and store.load_plan() == plan
    assert [e["action"] for e in store.events()].count("plan.save") == 1


@pytest.mark.parametrize("status", ["MODEL_INVALID", "INFEASIBLE"])
def test_a_plan_whose_solver_status_has_no_valid_plan_is_never_made_current(
    store: Store, season: Season, plan: Plan, status: str
) -> None:
    store.import_season(season, source="x")
    current = store.save_plan(plan, SUMMARY)

    with pytest.raises(PlanUnsolved, match=f"status {status}") as refused:
        store.save_plan(plan, {**SUMMARY, "status": status})

    assert isinstance(refused.value, StoreError)  # the command line's one line, exit 2
    assert [p["id"] for p in store.list_plans()] == [current]
    assert store.plan_summary()["id"] == current


def test_the_gate_checks_with_the_allowance_the_plan_was_made_with(
    store: Store, season: Season, plan: Plan
) -> None:
    store.import_season(season, source="x")
    with pytest.raises(PlanRejected, match="weekly_hours"):
        store.save_plan(plan, {**SUMMARY, "params": {"allowance_min": 240}})
    assert store.save_plan(plan, {**SUMMARY, "params": {"allowance_min": 0}})


def test_saving_a_plan_needs_a_season(store: Store, plan: Plan) -> None:
    with pytest.raises(StoreError, match="import a season first"):
        store.save_plan(plan, SUMMARY)
    with pytest.raises(StoreError, match="no season with id 42"):
        store.save_plan(plan, SUMMARY, season_id=42)


# --- audit trail ---


def test_the_audit_trail_refuses_changes_and_deletes_in_the_database(
    store: Store, season: Season
) -> None:
    """Append-only below the store too: a direct UPDATE, DELETE (or TRUNCATE on PostgreSQL)
    fails and leaves the entry; a purge's redaction (of a client no longer stored) is the one
    allowed change (tests/test_audit.py tries the rest)."""
    store.import_season(season, source="data", actor="anna")
    store.record_event("enrolment.enrol", {"client_code": "C-gone"}, actor="worker")
    before = store.events()
    attempts = [
        sa.text("UPDATE events SET actor = 'someone else'"),
        sa.text("DELETE FROM events"),
    ]
    if store.engine.dialect.name == "postgresql":
        attempts.append(sa.text("TRUNCATE events"))
    for statement in attempts:
        with pytest.raises(sa.exc.DBAPIError, match="append-only"), store.engine.begin() as conn:
            conn.execute(statement)
    assert store.events() == before

    with store.engine.begin() as conn:
        assert redact_codes(conn, {"C-gone"}, dry_run=False) == 1
    assert store.events()[0]["detail"]["client_code"] == "purged"
    # The redaction row went with the purge's transaction: changes are refused again.
    with pytest.raises(sa.exc.DBAPIError, match="append-only"), store.engine.begin() as conn:
        conn.execute(sa.text("UPDATE events SET actor = 'x'"))


def test_imports_and_plan_saves_are_recorded_as_events(
    store: Store, season: Season, plan: Plan
) -> None:
    season_id = store.import_season(season, source="data/syksy", actor="anna")
    plan_id = store.save_plan(plan, SUMMARY, actor="bo")
    store.record_event("enrol", {"client_code": "C1", "group_id": "G2"}, actor="worker")

    events = store.events()
    assert [(e["action"], e["actor"]) for e in events] == [
        ("enrol", "worker"),
        ("plan.save", "bo"),
        ("season.import", "anna"),
    ]
    imported, saved = events[2]["detail"], events[1]["detail"]
    assert imported["season_id"] == season_id and imported["source"] == "data/syksy"
    assert imported["counts"] == season.counts()
    assert saved["plan_id"] == plan_id and saved["status"] == "OPTIMAL"
    assert all(e["at"].utcoffset() == dt.timedelta(0) for e in events)
    assert [e["action"] for e in store.events(limit=1)] == ["enrol"]


# --- connections and URLs ---


@pytest.mark.parametrize(
    "url",
    [
        "not a database url",
        "nosuchdb://somewhere/planner",
        "postgresql://postgres@127.0.0.1:1/test",  # nothing listens on port 1
        "sqlite:////no/such/folder/planner.sqlite3",
    ],
)
def test_a_bad_url_raises_a_one_line_store_error(url: str) -> None:
    with pytest.raises(StoreError) as raised:
        Store.open(url)

    message = str(raised.value)
    assert message and "\n" not in message
    assert "sqlalche.me" not in message and "Traceback" not in message
    assert raised.value.__cause__ is not None


def test_a_password_in_the_url_is_not_shown_in_errors() -> None:
    with pytest.raises(StoreError) as raised:
        Store.open("postgresql://planner:s3cret@127.0.0.1:1/test")
    assert "s3cret" not in str(raised.value)


def test_default_url_honours_planner_db_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANNER_DB_URL", "postgresql://planner@db.example/sosku")
    assert default_url() == "postgresql://planner@db.example/sosku"


def test_default_url_is_a_sqlite_file_in_the_working_directory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("PLANNER_DB_URL", raising=False)
    monkeypatch.chdir(tmp_path)
    assert default_url() == f"sqlite:///{tmp_path / 'planner.sqlite3'}"
    with Store.open() as opened:
        assert opened.live_season_id() is None
    assert (tmp_path / "planner.sqlite3").exists()


def test_plain_postgresql_urls_are_driven_by_psycopg() -> None:
    store = Store("postgresql://planner@db.example/sosku")
    assert store.url.drivername == "postgresql+psycopg"
    store.dispose()


def test_sqlite_connections_enforce_foreign_keys_and_use_wal(sqlite_url: str) -> None:
    with Store.open(sqlite_url) as opened, opened.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() > 0


def test_ten_thousand_clients_are_stored_and_loaded_whole_on_sqlite(
    sqlite_url: str, season: Season
) -> None:
    """Size only; the import's time is a figure of benchmarks/io_store.py."""
    clients = tuple(
        dataclasses.replace(season.clients[i % 4], client_code=f"K{i:05d}") for i in range(10_000)
    )
    big = dataclasses.replace(season, clients=clients)
    with Store.open(sqlite_url) as opened:
        opened.import_season(big, source="generated")
        loaded = opened.load_season()
    assert len(loaded.clients) == 10_000
    assert loaded == big
