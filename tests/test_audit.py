"""The audit trail is a hash chain the database guards: no entry can be overwritten, changed
or removed without `planner audit verify` naming it; a purge's redaction is the one change
allowed, and the chain still verifies after it. On SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from hypothesis import given, settings
from hypothesis import strategies as st
from toys import toy_season

from planner.cli.audit import MIGRATE_ENV
from planner.cli.main import main
from planner.store import Store, StoreError
from planner.store.audit import GENESIS, PURGED, entry_hash, sealed, verify_entries
from planner.store.engine import scratch_schema
from planner.store.live import add_event, run_write
from planner.store.migrate import alembic_config
from planner.store.purge import redact_codes
from planner.store.roles import grant_app_role
from planner.store.schema import ClientRow, EventRow, UtcDateTime

KINDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
APPEND_ONLY = "append-only"


@pytest.fixture(params=KINDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'planner.sqlite3'}"
        return
    with scratch_schema(request.getfixturevalue("pg_url"), "test_audit") as url:
        yield url


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    """A store holding a toy season and five entries: 2 and 4 name the client `GONE`, who
    is not in the store (as after a purge), 3 names a client who is."""
    with Store.open(db_url) as opened:
        season = toy_season()
        opened.import_season(season, source="toy", actor="anna")  # entry 1
        opened.here = season.clients[0].client_code  # type: ignore[attr-defined]
        opened.record_event("enrolment.enrol", {"client_code": GONE, "group_id": "G1"}, "bo")
        opened.record_event("enrolment.enrol", {"client_code": opened.here}, "bo")  # type: ignore[attr-defined]
        opened.record_event("enrolment.cancel", {"client_code": GONE, "why": "moved"}, "bo")
        opened.record_event("feed.create", {"feed_id": 7}, "anna")
        yield opened


GONE = "C-GONE"


def run(store: Store, sql: str, **params: object) -> None:
    with store.engine.begin() as conn:
        conn.execute(sa.text(sql), params)


def row(store: Store, entry_id: int) -> dict:
    with store.engine.connect() as conn:
        found = conn.execute(sa.select(EventRow.__table__).where(EventRow.id == entry_id)).one()
    return dict(found._mapping)


@contextmanager
def triggers_off(store: Store) -> Iterator[sa.Connection]:
    """What someone who owns the database can do: write past the triggers (SQLite: drop
    them; PostgreSQL, as the superuser: disable them, ENABLE ALWAYS or not)."""
    with store.engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            for name in ("events_no_update", "events_no_delete", "events_chain_insert"):
                conn.exec_driver_sql(f"DROP TRIGGER {name}")
        else:
            conn.exec_driver_sql("ALTER TABLE events DISABLE TRIGGER USER")
        yield conn


def broken(store: Store) -> tuple[int, str]:
    report = store.verify_audit()
    assert report.broken is not None, "the chain should be broken"
    return report.broken.entry_id, report.broken.kind


# --- writing ---


def test_every_entry_names_the_hash_of_the_one_before(store: Store) -> None:
    hashes = [row(store, i) for i in range(1, 6)]
    assert hashes[0]["prev_hash"] == GENESIS
    assert all(b["prev_hash"] == a["hash"] for a, b in itertools.pairwise(hashes))
    report = store.verify_audit()
    assert report.ok and report.entries == 5 and report.head == hashes[-1]["hash"]


def test_a_client_code_is_kept_apart_from_the_details_and_shown_with_them(store: Store) -> None:
    entry = row(store, 2)
    assert entry["client_code"] == GONE and "client_code" not in entry["detail"]
    assert entry["code_salt"] and entry["code_digest"]
    assert store.events()[3]["detail"] == {"client_code": GONE, "group_id": "G1"}


@pytest.mark.postgres
def test_concurrent_writers_never_chain_onto_the_same_entry(pg_url: str) -> None:
    with scratch_schema(pg_url, "test_audit") as url, Store.open(url) as store:
        barrier = threading.Barrier(4)

        def write(n: int) -> None:
            barrier.wait()
            for i in range(15):
                # The live offering's write path: no store-wide lock, only the chain's.
                detail = {"i": i}
                run_write(store, "write", lambda c, d=detail: add_event(c, f"w{n}", "t", d))

        threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        report = store.verify_audit()
        assert report.ok and report.entries == 60


# --- what the database refuses ---


def _copy_of_entry_one(store: Store) -> dict:
    entry = row(store, 1)
    entry["actor"] = "mallory"
    entry["detail"] = '{"forged": true}'
    return entry


COLUMNS = "id, at, actor, action, detail, legacy, prev_hash, hash"
VALUES = ":id, :at, :actor, :action, :detail, :legacy, :prev_hash, :hash"


def test_replace_into_and_upserts_cannot_overwrite_an_entry(store: Store) -> None:
    before = store.events()
    forged = _copy_of_entry_one(store)
    attempts = [
        f"INSERT INTO events ({COLUMNS}) VALUES ({VALUES}) "
        "ON CONFLICT (id) DO UPDATE SET actor = excluded.actor, detail = excluded.detail",
        f"INSERT INTO events ({COLUMNS}) VALUES ({VALUES}) ON CONFLICT DO NOTHING",
    ]
    if store.engine.dialect.name == "sqlite":
        attempts += [
            f"REPLACE INTO events ({COLUMNS}) VALUES ({VALUES})",
            f"INSERT OR REPLACE INTO events ({COLUMNS}) VALUES ({VALUES})",
        ]
    for sql in attempts:
        with pytest.raises(sa.exc.DBAPIError, match=APPEND_ONLY):
            run(store, sql, **forged)
    assert store.events() == before
    assert store.verify_audit().ok


def test_an_insert_must_go_at_the_end_naming_the_last_hash(store: Store) -> None:
    last = row(store, 5)
    entry = sealed(6, last["at"], "mallory", "x", {}, prev_hash=GENESIS)
    with pytest.raises(sa.exc.DBAPIError, match=APPEND_ONLY):
        run(store, f"INSERT INTO events ({COLUMNS}) VALUES ({VALUES})", **_sql(entry))
    entry = sealed(3, last["at"], "mallory", "x", {}, prev_hash=last["hash"])
    with pytest.raises(sa.exc.DBAPIError, match=APPEND_ONLY):
        run(store, f"INSERT INTO events ({COLUMNS}) VALUES ({VALUES})", **_sql(entry))
    assert store.verify_audit().entries == 5


def _sql(entry: dict) -> dict:
    return {**entry, "detail": json.dumps(entry["detail"])}


def test_with_a_redaction_row_only_a_purged_codes_field_may_change(store: Store) -> None:
    """A row in audit_redaction once unlocked any UPDATE; now only blanking the code (and
    its salt) of a client no longer stored passes."""
    here = store.here  # type: ignore[attr-defined]
    refused = [
        "UPDATE events SET actor = 'mallory' WHERE id = 2",
        "UPDATE events SET detail = '{}' WHERE id = 5",
        "UPDATE events SET at = :old WHERE id = 2",
        "UPDATE events SET hash = prev_hash WHERE id = 2",
        "UPDATE events SET client_code = 'C-OTHER', code_salt = NULL WHERE id = 2",
        "UPDATE events SET code_salt = NULL WHERE id = 2",
        f"UPDATE events SET client_code = '{PURGED}', code_salt = NULL, actor = 'x' WHERE id = 2",
        # a client still in the store is not purged: their code stays
        f"UPDATE events SET client_code = '{PURGED}', code_salt = NULL WHERE id = 3",
        "DELETE FROM events WHERE id = 2",
    ]
    for sql in refused:
        with pytest.raises(sa.exc.DBAPIError, match=APPEND_ONLY), store.engine.begin() as conn:
            conn.execute(sa.text("INSERT INTO audit_redaction (id) VALUES (1)"))
            conn.execute(sa.text(sql), {"old": dt.datetime(2020, 1, 1, tzinfo=dt.UTC)})
    assert store.events()[2]["detail"]["client_code"] == here
    with store.engine.begin() as conn:
        assert redact_codes(conn, {GONE}, dry_run=False) == 2
    codes = [e["detail"].get("client_code") for e in reversed(store.events())]
    assert codes == [None, PURGED, here, PURGED, None]
    assert row(store, 2)["code_salt"] is None and row(store, 2)["code_digest"]
    assert store.verify_audit().ok  # the purge leaves a chain that verifies
    # Without the redaction row, not even that.
    with store.engine.begin() as conn:
        conn.execute(sa.delete(ClientRow).where(ClientRow.client_code == here))
    with pytest.raises(sa.exc.DBAPIError, match=APPEND_ONLY):
        run(store, f"UPDATE events SET client_code = '{PURGED}', code_salt = NULL WHERE id = 3")


@pytest.mark.postgres
def test_replica_mode_does_not_switch_the_triggers_off(pg_url: str) -> None:
    with scratch_schema(pg_url, "test_audit") as url, Store.open(url) as store:
        store.record_event("a", {})
        with pytest.raises(sa.exc.DBAPIError, match=APPEND_ONLY), store.engine.begin() as conn:
            conn.exec_driver_sql("SET LOCAL session_replication_role = replica")
            conn.exec_driver_sql("UPDATE events SET actor = 'mallory'")
        assert store.verify_audit().ok


# --- what verify finds ---


def test_a_deleted_entry_is_named(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    with triggers_off(store) as conn:
        conn.execute(sa.delete(EventRow).where(EventRow.id == 3))
    assert broken(store) == (3, "missing")
    assert main(["audit", "verify", "--db", _url(store)]) == 1
    assert "entry 3" in capsys.readouterr().err
    assert main(["audit", "verify", "--db", _url(store), "--lang", "fi"]) == 1
    assert "merkinnän 3 kohdalla" in capsys.readouterr().err


def _url(store: Store) -> str:
    return store.url.render_as_string(hide_password=False)


def test_deleting_the_first_entries_is_named(store: Store) -> None:
    with triggers_off(store) as conn:
        conn.execute(sa.delete(EventRow).where(EventRow.id <= 2))
    assert broken(store) == (1, "missing_start")


def test_a_changed_payload_is_named(store: Store) -> None:
    with triggers_off(store) as conn:
        conn.execute(sa.update(EventRow).where(EventRow.id == 4).values(detail={"why": "x"}))
    assert broken(store) == (4, "content")


def test_a_changed_client_code_is_named(store: Store) -> None:
    with triggers_off(store) as conn:
        conn.execute(sa.update(EventRow).where(EventRow.id == 2).values(client_code="C-OTHER"))
    assert broken(store) == (2, "code")


def test_an_entry_put_in_with_raw_sql_is_named(store: Store) -> None:
    """Entry 3 deleted and a forged one written in its place, chained to entry 2 with a
    correct hash: entry 4 no longer links to it."""
    with triggers_off(store) as conn:
        conn.execute(sa.delete(EventRow).where(EventRow.id == 3))
        two = row_in(conn, 2)
        conn.execute(sa.insert(EventRow).values(**sealed(3, two["at"], "x", "y", {}, two["hash"])))
    assert broken(store) == (4, "link")


def row_in(conn: sa.Connection, entry_id: int) -> dict:
    return dict(
        conn.execute(sa.select(EventRow.__table__).where(EventRow.id == entry_id)).one()._mapping
    )


def test_a_back_dated_entry_is_named_even_with_a_correct_hash(store: Store) -> None:
    last = row(store, 5)
    old = dt.datetime(2024, 1, 2, 9, 0, tzinfo=dt.UTC)
    with triggers_off(store) as conn:
        conn.execute(
            sa.insert(EventRow).values(
                **sealed(6, old, "anna", "enrolment.enrol", {}, last["hash"])
            )
        )
    assert broken(store) == (6, "time")


def test_entries_cut_off_the_end_show_only_against_a_kept_hash(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    """The chain alone cannot tell a trail cut short from one that ended there (README); a
    head kept from an earlier verify can."""
    kept = store.verify_audit().head
    store.record_event("feed.revoke", {"feed_id": 7}, "anna")
    assert store.verify_audit([kept]).ok  # the trail grew past the kept head
    with triggers_off(store) as conn:
        conn.execute(sa.delete(EventRow).where(EventRow.id >= 5))
    assert store.verify_audit().ok
    assert broken_kept(store, kept) == (4, "kept")
    assert main(["audit", "verify", "--db", _url(store), "--kept", kept]) == 1
    assert kept in capsys.readouterr().err


def broken_kept(store: Store, kept: str) -> tuple[int, str]:
    report = store.verify_audit([kept])
    assert report.broken is not None
    return report.broken.entry_id, report.broken.kind


def test_cli_says_ok_with_the_count(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", "verify", "--db", _url(store), "--lang", "sv"]) == 0
    assert "Loggkedjan är hel: 5 poster" in capsys.readouterr().out
    assert main(["audit", "verify", "--db", _url(store), "--json"]) == 0
    said = json.loads(capsys.readouterr().out)
    assert said["ok"] and said["entries"] == 5 and said["head"] == row(store, 5)["hash"]


def test_cli_json_names_the_broken_entry(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    with triggers_off(store) as conn:
        conn.execute(sa.update(EventRow).where(EventRow.id == 2).values(actor="mallory"))
    assert main(["audit", "verify", "--db", _url(store), "--json"]) == 1
    said = json.loads(capsys.readouterr().out)
    assert not said["ok"] and said["broken"] == {"id": 2, "kind": "content"}


# --- migration 0014 ---


def test_an_existing_trail_is_chained_when_the_store_upgrades(db_url: str) -> None:
    with Store.open(db_url) as store:
        cfg = alembic_config()
        with store.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0013")
        old_events = sa.table(
            "events",
            sa.column("at", UtcDateTime()),
            sa.column("actor", sa.String()),
            sa.column("action", sa.String()),
            sa.column("detail", sa.JSON()),
        )
        with store.engine.begin() as conn:
            for minute, action, detail in [
                (2, "season.import", {"rows": 3}),
                (1, "enrolment.enrol", {"client_code": "C-1", "group_id": "G1"}),
                (3, "enrolment.enrol", {"client_code": PURGED, "group_id": "G2"}),
            ]:
                at = dt.datetime(2026, 1, 1, 9, minute, tzinfo=dt.UTC)  # not in time order
                conn.execute(
                    sa.insert(old_events).values(at=at, actor="a", action=action, detail=detail)
                )
        store.migrate()
        report = store.verify_audit()
        assert report.ok and report.entries == 3
        details = [e["detail"] for e in reversed(store.events())]
        assert details[1] == {"client_code": "C-1", "group_id": "G1"}
        assert details[2]["client_code"] == PURGED
        assert row(store, 2)["legacy"] and "client_code" not in row(store, 2)["detail"]
        store.record_event("after", {"client_code": "C-1"})
        assert store.verify_audit().ok and store.verify_audit().entries == 4


# --- the chain itself, without a database ---

DETAILS = st.dictionaries(
    st.text(min_size=1, max_size=8).filter(lambda k: k != "client_code"),
    st.one_of(st.integers(), st.text(max_size=10), st.floats(allow_nan=False), st.booleans()),
    max_size=4,
)


def _chain(details: list[dict], codes: list[str | None]) -> list[dict]:
    at, prev, out = dt.datetime(2027, 1, 4, tzinfo=dt.UTC), GENESIS, []
    for i, (detail, code) in enumerate(zip(details, codes, strict=True), start=1):
        entry = sealed(
            i,
            at + dt.timedelta(seconds=i),
            "anna",
            "a",
            {**detail, **({"client_code": code} if code else {})},
            prev,
        )
        out.append(entry)
        prev = entry["hash"]
    return out


@settings(max_examples=60, deadline=None)
@given(
    data=st.lists(
        st.tuples(DETAILS, st.one_of(st.none(), st.text(min_size=1, max_size=6))),
        min_size=1,
        max_size=6,
    ),
    pick=st.integers(min_value=0),
    field=st.sampled_from(["actor", "action", "detail", "at", "client_code", "prev_hash"]),
)
def test_any_change_to_any_entry_breaks_the_chain_there(data, pick, field) -> None:
    entries = _chain([d for d, _ in data], [c for _, c in data])
    assert verify_entries(entries).ok
    i = pick % len(entries)
    changed = dict(entries[i])
    if field == "client_code" and changed["client_code"] is None:
        field = "actor"
    changed[field] = {
        "actor": "mallory",
        "action": "other",
        "detail": {**changed["detail"], "extra": 1},
        "at": changed["at"] + dt.timedelta(microseconds=1),
        "client_code": str(changed["client_code"]) + "x",
        "prev_hash": "f" * 64,
    }[field]
    report = verify_entries([*entries[:i], changed, *entries[i + 1 :]])
    assert report.broken is not None and report.broken.entry_id == entries[i]["id"]
    # A purge's change, and only the code's field, keeps it whole.
    if entries[i]["client_code"] is not None:
        purged = {**entries[i], "client_code": PURGED, "code_salt": None}
        assert verify_entries([*entries[:i], purged, *entries[i + 1 :]]).ok
    assert entry_hash(entries[i]) == entries[i]["hash"]


# --- PostgreSQL roles: migrations as the owner, the app as a role that owns nothing ---


@pytest.fixture
def roles(pg_url: str) -> Iterator[tuple[str, str, str]]:
    """An owner role, an application role (unique names) and an empty schema the owner owns,
    as README's PostgreSQL set-up makes them; all dropped afterwards. Yields the owner's URL,
    the app's URL and the app role's name."""
    suffix = uuid.uuid4().hex[:10]
    owner, app, schema = f"planner_owner_{suffix}", f"planner_app_{suffix}", f"audit_{suffix}"
    admin = sa.create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE ROLE {owner} LOGIN")
        conn.exec_driver_sql(f"CREATE ROLE {app} LOGIN")
        conn.exec_driver_sql(f"CREATE SCHEMA {schema} AUTHORIZATION {owner}")
    base = sa.make_url(pg_url).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield (
            base.set(username=owner).render_as_string(hide_password=False),
            base.set(username=app).render_as_string(hide_password=False),
            app,
        )
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
            for role in (app, owner):
                conn.exec_driver_sql(f"DROP OWNED BY {role}")
                conn.exec_driver_sql(f"DROP ROLE {role}")
        admin.dispose()


@pytest.mark.postgres
def test_the_app_role_appends_but_cannot_touch_the_triggers_or_entries(
    roles: tuple[str, str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    owner_url, app_url, app = roles
    assert main(["migrate", "--db", owner_url, "--grant-to", app]) == 0
    assert "Schema at 0020" in capsys.readouterr().out
    with Store.open(app_url) as store:  # the schema is current: no DDL is tried
        store.record_event("enrolment.enrol", {"client_code": "C-1"}, actor="bo")
        store.record_event("feed.create", {"feed_id": 1}, actor="bo")
        assert store.verify_audit().ok
        attempts = [
            "ALTER TABLE events DISABLE TRIGGER events_append_only",
            "ALTER TABLE events DISABLE TRIGGER USER",
            "DROP TRIGGER events_append_only ON events",
            "DROP TRIGGER events_chain_insert ON events",
            "DROP FUNCTION events_append_only() CASCADE",
            "UPDATE events SET actor = 'mallory'",
            "UPDATE events SET detail = '{}'",
            "DELETE FROM events",
            "TRUNCATE events",
            "SET session_replication_role = replica",
            "CREATE TABLE shadow (id integer)",
        ]
        for sql in attempts:
            with (
                pytest.raises(sa.exc.DBAPIError, match=r"owner|permission denied"),
                store.engine.begin() as conn,
            ):
                conn.exec_driver_sql(sql)
        # The one update the role holds a column grant for is still narrowed by the trigger.
        with pytest.raises(sa.exc.DBAPIError, match=APPEND_ONLY), store.engine.begin() as c:
            c.exec_driver_sql("UPDATE events SET client_code = 'C-2'")
        assert store.verify_audit().ok and store.verify_audit().entries == 2


@pytest.mark.postgres
def test_the_app_role_on_an_older_schema_is_told_to_migrate_as_the_owner(
    roles: tuple[str, str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    owner_url, app_url, app = roles
    with Store.open(owner_url) as owner:
        grant_app_role(owner.engine, app)
        cfg = alembic_config()
        with owner.engine.begin() as conn:  # as a store made by the planner before
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0013")
    with pytest.raises(StoreError, match="planner migrate --db OWNER_URL"):
        Store.open(app_url)
    monkeypatch.setenv(MIGRATE_ENV, owner_url)
    assert main(["migrate", "--grant-to", app]) == 0  # PLANNER_MIGRATE_DB_URL
    with Store.open(app_url) as store:
        store.record_event("after", {})
        assert store.verify_audit().ok
