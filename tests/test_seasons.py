"""Seasons side by side (issue 15, item 1): an import makes a draft and the live season stays
live; switching publishes the new season's plan and archives the old one; nothing is lost.
On SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from toys import fresh_database, replan, toy_plan, toy_season

from planner.cli.main import main
from planner.store import Enrolments, Store, StoreError
from planner.store import seasons as seasons_module
from planner.store.migrate import alembic_config
from planner.store.schema import Base, OfferingRow

SUMMARY = {"status": "OPTIMAL", "objective": 1.0}


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    server = request.getfixturevalue("pg_url") if request.param == "postgres" else None
    with fresh_database(request.param, tmp_path, server) as url:
        yield url


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    """The toy season "Syksy" live and published (40 clients, G1-G4 open)."""
    with Store.open(db_url) as opened:
        opened.import_season(toy_season("published"), source="toy", name="Syksy")
        opened.save_plan(toy_plan(), SUMMARY, actor="coordinator")
        Enrolments(opened).publish(actor="coordinator")
        yield opened


def spring(store: Store) -> int:
    """A second season imported beside the live one, with a saved plan (G4 no longer runs)."""
    season_id = store.import_season(toy_season("published"), source="kevat", name="Kevät")
    store.save_plan(replan(), SUMMARY, season_id=season_id, actor="coordinator")
    return season_id


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def what_workers_see(
    store: Store, url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> dict:
    live = Enrolments(store)
    ics = tmp_path / "offering.ics"
    ics.unlink(missing_ok=True)
    assert cli(capsys, "ics", "--db", url, "--out", str(ics))[0] == 0
    code, found, _ = cli(capsys, "find", "--db", url, "--client", "C14", "--json", "--today",
                         "2027-01-20")  # fmt: skip
    assert code == 0
    return {
        "season": store.load_season(),
        "plan": store.load_plan(),
        "offerings": live.offerings(),
        "seats": live.seats(),
        "history": live.client_history("C04"),
        "find": json.loads(found),
        "ics": ics.read_bytes(),
    }


# --- importing ---


def test_the_first_import_of_a_store_is_live(db_url: str) -> None:
    with Store.open(db_url) as store:
        assert store.live_season_id() is None and store.working_season_id() is None
        first = store.import_season(toy_season("published"), source="toy")
        assert store.live_season_id() == first == store.working_season_id()
        assert store.season_info(first)["state"] == "published"  # type: ignore[index]


def test_importing_a_second_season_changes_nothing_workers_see(
    store: Store, db_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    autumn = store.live_season_id()
    before = what_workers_see(store, db_url, capsys, tmp_path)
    assert before["offerings"] and before["history"] and before["find"]

    draft = spring(store)

    assert store.live_season_id() == autumn
    assert store.working_season_id() == draft
    assert what_workers_see(store, db_url, capsys, tmp_path) == before
    states = {s["id"]: s["state"] for s in store.list_seasons()}
    assert states == {autumn: "published", draft: "draft"}
    event = store.events(1)[0]
    assert event["action"] == "plan.save"
    assert [e["detail"]["state"] for e in store.events() if e["action"] == "season.import"] == [
        "draft",
        "published",
    ]


def test_a_draft_season_cannot_be_published_around_the_switch(store: Store) -> None:
    draft = spring(store)
    with pytest.raises(StoreError, match=f"season {draft} is draft, not the live season"):
        Enrolments(store, draft).publish(actor="coordinator")
    assert Enrolments(store, draft).offerings() == []


# --- switching ---


def test_the_preview_says_what_the_switch_changes(store: Store) -> None:
    autumn = store.live_season_id()
    draft = spring(store)
    active = {o.group_id: o.taken for o in Enrolments(store).offerings() if o.status == "open"}

    preview = store.season_switch_preview(draft)

    assert preview.ok and (preview.live_id, preview.live_name) == (autumn, "Syksy")
    assert {g.group_id: g.active for g in preview.stopping} == active
    assert preview.active_enrolments == sum(active.values())
    assert [g.group_id for g in preview.opening] == ["G1", "G2", "G3"]
    assert preview.plan_id == store.plan_summary(season_id=draft)["id"]  # type: ignore[index]
    assert any("No longer offered: 4 open groups" in line for line in preview.lines())
    assert store.season_switch_preview(autumn).problem == "live"


def test_switching_moves_the_offering_and_keeps_the_old_season_whole(
    store: Store, db_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    autumn = store.live_season_id()
    assert autumn is not None
    old = what_workers_see(store, db_url, capsys, tmp_path)
    old_offerings = Enrolments(store, autumn).offerings()
    draft = spring(store)

    switch = store.publish_season(draft, actor="coordinator")

    assert store.live_season_id() == draft
    states = {s["id"]: s["state"] for s in store.list_seasons()}
    assert states == {autumn: "archived", draft: "published"}
    now = what_workers_see(store, db_url, capsys, tmp_path)
    assert now["plan"] == replan()
    assert sorted(o.group_id for o in now["offerings"] if o.status == "open") == [
        "G1",
        "G2",
        "G3",
    ]
    assert now["ics"] != old["ics"]
    # The archived season is listed, loadable and its offering kept as it was.
    assert store.load_season(autumn) == old["season"]
    assert store.load_plan(season_id=autumn) == old["plan"]
    assert Enrolments(store, autumn).offerings() == old_offerings
    event = next(e for e in store.events() if e["action"] == "season.publish")
    assert event["actor"] == "coordinator"
    assert event["detail"]["season_id"] == draft and event["detail"]["previous"] == autumn
    assert event["detail"]["stopped_active_enrolments"] == switch.active_enrolments > 0
    # And back again: the archived season goes live with its places.
    store.publish_season(autumn, actor="coordinator")
    assert store.live_season_id() == autumn
    history = Enrolments(store).client_history("C04")  # every season's places
    assert [h for h in history if h["season_id"] == autumn] == old["history"]
    assert Enrolments(store).offerings() == old_offerings


def test_a_season_without_a_plan_is_not_switched_to(store: Store) -> None:
    autumn = store.live_season_id()
    draft = store.import_season(toy_season("published"), source="x", name="Tyhjä")
    with pytest.raises(StoreError, match="has no saved plan"):
        store.publish_season(draft)
    with pytest.raises(StoreError, match="is the live season already"):
        store.publish_season(autumn)  # type: ignore[arg-type]
    with pytest.raises(StoreError, match="no season with id 999"):
        store.publish_season(999)
    assert store.live_season_id() == autumn


def test_a_switch_that_fails_midway_changes_nothing(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    autumn = store.live_season_id()
    draft = spring(store)
    events = len(store.events())

    def broken(*args: object, **kwargs: object) -> None:
        raise StoreError("disk on fire")

    monkeypatch.setattr(seasons_module, "publish_plan", broken)
    with pytest.raises(StoreError, match="disk on fire"):
        store.publish_season(draft)

    assert store.live_season_id() == autumn
    assert {s["id"]: s["state"] for s in store.list_seasons()}[draft] == "draft"
    assert len(store.events()) == events
    with store.engine.connect() as conn:
        assert not conn.scalar(sa.select(sa.func.count()).where(OfferingRow.season_id == draft))


def test_rename_and_archive(store: Store) -> None:
    autumn = store.live_season_id()
    draft = spring(store)
    store.rename_season(draft, "  Kevät   2028 ", actor="anna")
    assert store.season_info(draft)["name"] == "Kevät 2028"  # type: ignore[index]
    assert store.load_season(draft).name == "Kevät 2028"  # type: ignore[union-attr]
    with pytest.raises(StoreError, match="needs a name"):
        store.rename_season(draft, "  ")
    with pytest.raises(StoreError, match="is the live season"):
        store.archive_season(autumn)  # type: ignore[arg-type]

    store.archive_season(draft, actor="anna")

    assert store.season_info(draft)["state"] == "archived"  # type: ignore[index]
    assert store.working_season_id() == autumn  # no draft left: the live one
    assert store.working_season_id(draft) == draft  # a chosen season, whatever its state
    actions = [e["action"] for e in store.events(2)]
    assert actions == ["season.archive", "season.rename"]


# --- the command line ---


def test_season_list_json(store: Store, db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    autumn = store.live_season_id()
    draft = spring(store)

    code, out, _ = cli(capsys, "season", "list", "--db", db_url, "--json")

    assert code == 0
    rows = json.loads(out)
    assert [(r["id"], r["name"], r["state"]) for r in rows] == [
        (draft, "Kevät", "draft"),
        (autumn, "Syksy", "published"),
    ]
    assert set(rows[0]) >= {"id", "name", "state", "imported_at", "counts", "plans"}
    assert rows[0]["counts"]["clients"] == 40 and rows[0]["plans"] == 1
    assert rows[1]["open_groups"] == 4 and rows[1]["active_enrolments"] > 0
    assert rows[0]["imported_at"].endswith("+00:00")


def test_season_publish_needs_yes_without_a_terminal(
    store: Store, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    autumn = store.live_season_id()
    draft = spring(store)

    code, out, err = cli(capsys, "season", "publish", str(draft), "--db", db_url)
    assert code == 1 and "No longer offered: 4 open groups" in out
    assert "--yes" in err and store.live_season_id() == autumn

    code, out, err = cli(capsys, "season", "publish", str(draft), "--db", db_url, "--yes")
    assert code == 0 and f"Season {draft} (Kevät) is live." in out
    assert store.live_season_id() == draft


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("season", "publish", "999"), "no season with id 999"),
        (("season", "archive", "LIVE"), "is the live season"),
        (("season", "rename", "999", "X"), "no season with id 999"),
        (("season", "publish", "LIVE", "--yes"), "is the live season already"),
    ],
)
def test_season_command_errors_are_one_line(
    store: Store, db_url: str, capsys: pytest.CaptureFixture[str], argv, message
) -> None:
    live = str(store.live_season_id())
    code, _, err = cli(capsys, *(live if a == "LIVE" else a for a in argv), "--db", db_url)
    assert code == 2 and message in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_import_names_the_draft_and_rename_archive_by_command(
    store: Store, db_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from planner.sample import write_season

    write_season(tmp_path / "data", scale=1)
    code, out, _ = cli(capsys, "import", str(tmp_path / "data"), "--db", db_url,
                       "--name", "Kevät 2028", "--json")  # fmt: skip
    assert code == 0
    made = json.loads(out)
    assert (made["name"], made["state"]) == ("Kevät 2028", "draft")
    draft = str(made["season_id"])
    assert cli(capsys, "season", "rename", draft, "Kevät B", "--db", db_url)[0] == 0
    assert cli(capsys, "season", "archive", draft, "--db", db_url)[0] == 0
    info = store.season_info(int(draft))
    assert info is not None and (info["name"], info["state"]) == ("Kevät B", "archived")


# --- the migration ---


def downgrade_to_0006(store: Store) -> None:
    with store.engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0006")


@pytest.mark.parametrize("current", ["published", "newer"])
def test_the_migration_from_0006_keeps_the_current_season_live(store: Store, current: str) -> None:
    autumn = store.live_season_id()
    draft = spring(store)
    offerings = Enrolments(store, autumn).offerings()
    downgrade_to_0006(store)
    with store.engine.begin() as conn:
        columns = {c["name"] for c in sa.inspect(conn).get_columns("seasons")}
        assert "is_current" in columns and "state" not in columns
        assert conn.exec_driver_sql("SELECT id FROM seasons WHERE is_current").all() == [(autumn,)]
        if current == "newer":  # an import before 0007 made the newer season current
            conn.exec_driver_sql(f"UPDATE seasons SET is_current = (id = {int(draft)})")

    store.migrate()

    with store.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    live, other = (autumn, draft) if current == "published" else (draft, autumn)
    assert store.live_season_id() == live
    assert {s["id"]: s["state"] for s in store.list_seasons()} == {
        live: "published",
        other: "archived",
    }
    assert Enrolments(store, autumn).offerings() == offerings  # nothing lost
    assert store.load_season(draft) is not None and store.load_plan(season_id=draft) == replan()


def test_the_models_still_match_after_a_round_trip(db_url: str) -> None:
    with Store.open(db_url) as store:
        downgrade_to_0006(store)
        store.migrate()
        with store.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
        assert store.list_seasons() == []
