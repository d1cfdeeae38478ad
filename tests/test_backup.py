"""Backup and restore of the whole store, on SQLite and PostgreSQL, and across them."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import shutil
import stat
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from planner.calendar import create_feed, find_feed
from planner.cli.main import main
from planner.feedback.answers import Answer
from planner.feedback.rounds import hash_token, open_round
from planner.store import Enrolments, Meetings, Store, StoreError, Timelines
from planner.store.backup import (
    HEADER,
    KEY_ENV,
    _signature,
    backup,
    new_backup_key,
    restore,
)
from planner.store.engine import scratch_schema
from planner.store.feedback import Feedback, add_web_answer
from planner.store.route_cache import RouteCache
from planner.store.schema import Base

KINDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
KEY = new_backup_key()
FEEDBACK_TABLES = ("feedback_rounds", "feedback_answers", "group_evaluations")


@pytest.fixture(autouse=True)
def _the_backup_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """The county's backup key, as the command line finds it."""
    monkeypatch.setenv(KEY_ENV, KEY)


def rewritten(path: Path, out: Path, change, key: str = KEY) -> Path:
    """The backup at `path` opened with the key, its members changed by `change(members)`,
    and sealed again with `key`: what someone holding a key could forge."""
    from cryptography.fernet import Fernet

    plain = Fernet(KEY).decrypt(path.read_bytes().removeprefix(HEADER))
    with zipfile.ZipFile(io.BytesIO(plain)) as zf:
        members = {name: zf.read(name) for name in zf.namelist()}
    change(members)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    out.write_bytes(HEADER + Fernet(key).encrypt(buffer.getvalue()))
    return out


@pytest.fixture
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    with scratch_schema(request.getfixturevalue("pg_url"), "test_backup") as url:
        yield url


@pytest.fixture(scope="module")
def busy_db(published_db: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The published sample with a cancellation (and a promoted waiting client), a feed, a
    joint meeting, a client's service timeline, the work car's runs cached for the plan and a
    feedback round with an answer and a leader's evaluation."""
    path = tmp_path_factory.mktemp("backup") / "busy.sqlite3"
    shutil.copy(published_db, path)
    with Store.open(f"sqlite:///{path}") as store:
        live = Enrolments(store)
        group = next(g for g, s in live.seats().items() if s.taken)
        live.cancel(group, live.participants(group)[0], actor="anna", reason="moved_to_work")
        token = create_feed(store, "offering").token
        book_a_meeting(store)
        plan_id = store.plan_summary()["id"]
        RouteCache(store).put(plan_id, 2.0, {"version": 1, "runs": []}, ["C-1"], actor="anna")
        code = next(c for o in live.offerings() for c in live.participants(o.group_id))
        Timelines(store).record(code, start=dt.date(2027, 1, 4), held=[3], actor="anna")
        feedback_round = open_round(store, group, actor="anna")
        assert add_web_answer(store, hash_token(feedback_round.token), Answer(5, 4, 4, 3, "x"))
        Feedback(store).write_evaluation(group, went_well="a", to_change="b", actor="anna")
    return path, token


def book_a_meeting(store: Store) -> None:
    """A joint meeting booked for the first participant who needs one (l. 379)."""
    meetings, day = Meetings(store), dt.date(2027, 1, 4)
    for o in Enrolments(store).offerings():
        for code in Enrolments(store).participants(o.group_id):
            slots = meetings.suggest(o.group_id, code, today=day)
            if slots:
                s = slots[0]
                meetings.book(o.group_id, code, s.kind, s.date, s.start, "anna", today=day)
                return
    raise AssertionError("nobody to meet in the sample")


def table_rows(url: str) -> dict[str, list[tuple]]:
    """Every row of every table, ids included, in a comparable form."""
    engine = sa.create_engine(url)
    out = {}
    with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            rows = conn.execute(sa.select(table).order_by(*table.primary_key)).all()
            out[table.name] = [tuple(_plain(v) for v in row) for row in rows]
    engine.dispose()
    return out


def _plain(value):
    if hasattr(value, "isoformat"):
        text = value.isoformat()
        return text.removesuffix("+00:00")
    return json.dumps(value, sort_keys=True) if isinstance(value, dict | list) else value


@pytest.mark.parametrize("empty_url", KINDS, indirect=True)
def test_a_restored_store_holds_exactly_what_was_backed_up(busy_db, empty_url, tmp_path):
    db, token = busy_db
    source = f"sqlite:///{db}"
    with Store.open(source) as store:
        report = backup(store, tmp_path / "store.zip")
    assert report.rows["enrolments"] > 0 and report.rows["events"] > 0
    assert report.rows["route_cache"] == 1
    with Store.open(empty_url) as store:
        restore(store, tmp_path / "store.zip")
        # The restored store works: the same season, plan, offering, and the feed token.
        assert store.load_season() is not None and store.load_plan() is not None
        assert find_feed(store, token) is not None
        seats = Enrolments(store).seats()
    with Store.open(source) as store:
        assert Enrolments(store).seats() == seats
    restored, original = table_rows(empty_url), table_rows(source)
    # Each side's audit trail ends with its own entry: the backup taken, the restore made.
    *kept, made = restored.pop("events")
    *held, taken = original.pop("events")
    assert restored == original
    assert len(original["meetings"]) == 1  # the joint meetings travel too
    assert len(original["service_timelines"]) == 1  # and the service timelines
    assert [len(original[t]) for t in FEEDBACK_TABLES] == [1, 1, 1]  # and the feedback
    assert kept == held
    assert (made[3], taken[3]) == ("store.restore", "store.backup")


@pytest.mark.postgres
def test_after_a_restore_on_postgres_new_rows_get_new_ids(busy_db, pg_url, tmp_path):
    db, _ = busy_db
    with Store.open(f"sqlite:///{db}") as store:
        backup(store, tmp_path / "store.zip")
        events = len(store.events(limit=10_000))
    with scratch_schema(pg_url, "test_backup") as url, Store.open(url) as store:
        restore(store, tmp_path / "store.zip")
        store.record_event("test.after_restore", {}, actor="anna")
        assert len(store.events(limit=10_000)) == events + 1


def test_a_store_that_holds_data_is_never_overwritten(busy_db, tmp_path):
    db, _ = busy_db
    with Store.open(f"sqlite:///{db}") as store:
        backup(store, tmp_path / "store.zip")
    before = table_rows(f"sqlite:///{db}")
    with Store.open(f"sqlite:///{db}") as store, pytest.raises(StoreError, match="empty"):
        restore(store, tmp_path / "store.zip")
    assert table_rows(f"sqlite:///{db}") == before


def test_a_damaged_backup_is_refused_and_nothing_is_written(busy_db, tmp_path):
    db, _ = busy_db
    with Store.open(f"sqlite:///{db}") as store:
        backup(store, tmp_path / "store.zip")

    def change_a_place(members):
        name = "tables/enrolments.jsonl"
        members[name] = members[name].replace(b'"active"', b'"waiting"', 1)

    damaged = rewritten(tmp_path / "store.zip", tmp_path / "damaged.zip", change_a_place)
    target = f"sqlite:///{tmp_path / 'target.sqlite3'}"
    with Store.open(target) as store, pytest.raises(StoreError, match="enrolments is damaged"):
        restore(store, damaged)
    assert all(not rows for name, rows in table_rows(target).items())


@pytest.mark.parametrize("empty_url", KINDS, indirect=True)
def test_a_backup_whose_audit_chain_is_broken_is_refused(busy_db, empty_url, tmp_path):
    """Someone holding the key takes an entry out of the audit trail, fixes the manifest's
    count and checksum and signs it again: the hash chain names the missing entry."""
    db, _ = busy_db
    with Store.open(f"sqlite:///{db}") as store:
        backup(store, tmp_path / "store.bak")

    def drop_an_entry(members):
        name = "tables/events.jsonl"
        lines = members[name].splitlines(keepends=True)
        members[name] = b"".join(lines[:2] + lines[3:])
        manifest = json.loads(members["manifest.json"])
        for entry in manifest["tables"]:
            if entry["name"] == "events":
                entry["sha256"] = hashlib.sha256(members[name]).hexdigest()
                entry["rows"] -= 1
        members["manifest.json"] = json.dumps(manifest, indent=2).encode()
        members["manifest.sig"] = _signature(KEY.encode(), members["manifest.json"]).encode()

    forged = rewritten(tmp_path / "store.bak", tmp_path / "forged.bak", drop_an_entry)
    with Store.open(empty_url) as store:
        with pytest.raises(StoreError, match=r"audit trail does not verify.* entry 3"):
            restore(store, forged)
        assert store.events() == []
    assert all(not rows for rows in table_rows(empty_url).values())


def test_a_backup_is_encrypted_and_readable_by_its_owner_only(busy_db, tmp_path):
    db, _ = busy_db
    with Store.open(f"sqlite:///{db}") as store:
        backup(store, tmp_path / "store.bak")
        codes = [c.client_code for c in store.load_season().clients]
    data = (tmp_path / "store.bak").read_bytes()
    assert data.startswith(HEADER)
    assert not any(code.encode() in data for code in codes)
    assert b"client_code" not in data and not data[len(HEADER) :].startswith(b"PK")
    assert stat.S_IMODE((tmp_path / "store.bak").stat().st_mode) == 0o600


def test_an_edited_and_rehashed_backup_is_refused(busy_db, tmp_path):
    """Someone changes a place and writes the new checksum into the manifest: the manifest's
    signature no longer holds."""
    db, _ = busy_db
    with Store.open(f"sqlite:///{db}") as store:
        backup(store, tmp_path / "store.bak")

    def change_and_rehash(members):
        name = "tables/enrolments.jsonl"
        members[name] = members[name].replace(b'"active"', b'"waiting"', 1)
        manifest = json.loads(members["manifest.json"])
        for entry in manifest["tables"]:
            if entry["name"] == "enrolments":
                entry["sha256"] = hashlib.sha256(members[name]).hexdigest()
        members["manifest.json"] = json.dumps(manifest, indent=2).encode()

    forged = rewritten(tmp_path / "store.bak", tmp_path / "forged.bak", change_and_rehash)
    target = f"sqlite:///{tmp_path / 'target.sqlite3'}"
    with Store.open(target) as store, pytest.raises(StoreError, match="not signed"):
        restore(store, forged)
    assert all(not rows for rows in table_rows(target).values())


def test_a_backup_sealed_with_another_key_or_changed_by_a_byte_is_refused(busy_db, tmp_path):
    db, _ = busy_db
    with Store.open(f"sqlite:///{db}") as store:
        backup(store, tmp_path / "store.bak")
    other = rewritten(
        tmp_path / "store.bak", tmp_path / "other.bak", lambda m: None, new_backup_key()
    )
    flipped = tmp_path / "flipped.bak"
    data = bytearray((tmp_path / "store.bak").read_bytes())
    data[len(HEADER) + 200] ^= 0x01
    flipped.write_bytes(bytes(data))
    target = f"sqlite:///{tmp_path / 'target.sqlite3'}"
    for bad in (other, flipped):
        with Store.open(target) as store, pytest.raises(StoreError, match="with this key"):
            restore(store, bad)
    with Store.open(target) as store, pytest.raises(StoreError, match="with this key"):
        restore(store, tmp_path / "store.bak", key=new_backup_key())


def test_a_plain_zip_backup_is_refused_as_unsigned(busy_db, tmp_path, capsys):
    """What an older planner wrote, or anyone can forge: a plain zip with a manifest."""
    db, _ = busy_db
    with Store.open(f"sqlite:///{db}") as store:
        backup(store, tmp_path / "store.bak")
    from cryptography.fernet import Fernet

    plain = tmp_path / "plain.zip"
    plain.write_bytes(Fernet(KEY).decrypt((tmp_path / "store.bak").read_bytes()[len(HEADER) :]))
    target = f"sqlite:///{tmp_path / 'target.sqlite3'}"
    assert main(["restore", str(plain), "--db", target]) == 2
    err = capsys.readouterr().err
    assert "unencrypted, unsigned" in err and len(err.strip().splitlines()) == 1


def test_without_a_key_backup_and_restore_say_how_to_make_one(
    busy_db, tmp_path, capsys, monkeypatch
):
    db, _ = busy_db
    monkeypatch.delenv(KEY_ENV)
    monkeypatch.chdir(tmp_path)  # no .streamlit/secrets.toml here
    assert main(["backup", str(tmp_path / "b.bak"), "--db", f"sqlite:///{db}"]) == 2
    err = capsys.readouterr().err
    assert "no backup key" in err and "planner backup-key" in err
    assert not (tmp_path / "b.bak").exists()
    assert main(["backup-key", "--json"]) == 0
    key = json.loads(capsys.readouterr().out)["key"]
    secrets = tmp_path / ".streamlit" / "secrets.toml"
    secrets.parent.mkdir()
    secrets.write_text(f'[backup]\nkey = "{key}"\n')
    assert main(["backup", str(tmp_path / "b.bak"), "--db", f"sqlite:///{db}"]) == 0
    monkeypatch.setenv(KEY_ENV, "not-a-key")
    assert (
        main(["restore", str(tmp_path / "b.bak"), "--db", f"sqlite:///{tmp_path / 'n.sqlite3'}"])
        == 2
    )
    assert "not a key made by" in capsys.readouterr().err


def test_a_new_sqlite_store_file_is_readable_by_its_owner_only(tmp_path):
    path = tmp_path / "new.sqlite3"
    with Store.open(f"sqlite:///{path}"):
        pass
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    path.chmod(0o644)
    with Store.open(f"sqlite:///{path}"):
        pass
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.parametrize(
    "content",
    [b"not a zip at all", b"PK\x03\x04 broken"],
)
def test_a_file_that_is_no_backup_gets_one_line(tmp_path, content, capsys):
    bad = tmp_path / "bad.zip"
    bad.write_bytes(content)
    code = main(["restore", str(bad), "--db", f"sqlite:///{tmp_path / 't.sqlite3'}"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("planner restore: ") and "not a readable backup" in err
    assert len(err.strip().splitlines()) == 1


def test_the_cli_backs_up_restores_and_never_overwrites_a_file(busy_db, tmp_path, capsys):
    db, _ = busy_db
    out = tmp_path / "b.zip"
    assert main(["backup", str(out), "--db", f"sqlite:///{db}"]) == 0
    tables = len(Base.metadata.sorted_tables)
    assert f"rows in {tables} tables" in capsys.readouterr().out
    assert main(["backup", str(out), "--db", f"sqlite:///{db}"]) == 2
    assert "never overwrites" in capsys.readouterr().err
    target = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    assert main(["restore", str(out), "--db", target, "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["rows"]["clients"] == 336
