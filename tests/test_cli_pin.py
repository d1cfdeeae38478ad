"""`planner pin` and `planner unpin` on the pin toy (tests/test_pins.py): a pin is stored with a
new draft plan, a refusal is one line naming the rule with exit code 2 and nothing written,
`--dry-run` only checks, a user's mistake is never a traceback."""

from __future__ import annotations

import json

import pytest
from test_cli_solve import steady  # noqa: F401  (a fixture)
from test_group_edit_panel import a_valid_move
from test_pins import pin_toy
from toys import SUMMARY, toy_plan

from planner.cli.main import main
from planner.io import read_season
from planner.store import Store


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(sqlite_url: str) -> str:
    with Store.open(sqlite_url) as store:
        season_id = store.import_season(pin_toy(), source="toy")
        store.save_plan(toy_plan(), SUMMARY, season_id=season_id)
    return sqlite_url


def counts(url: str) -> tuple[int, int]:
    with Store.open(url) as store:
        return len(store.list_plans()), len(store.events(limit=10_000))


def test_pin_moves_the_group_saves_a_draft_and_lists_who_leaves(capsys, db):
    code, out, err = run(
        capsys, "pin", "G2", "--weekday", "ke", "--start", "14:00", "--db", db, "--actor", "anna"
    )
    assert code == 0, err
    assert "G2: Wed 14:00-17:00 at V1, leaders S1, S2" in out
    assert "C04 leaves the group (participant_days)" in out
    assert "saved as draft plan" in out
    with Store.open(db) as store:
        plan, season = store.load_plan(), store.load_season()
        assert store.events(limit=1)[0]["actor"] == "anna"
    assert plan.placement["G2"].weekday == 2 and ("C04", "G2") not in plan.participants
    assert (season.group["G2"].weekday, season.group["G2"].leaders) == (2, ("S1", "S2"))


def test_pin_json_names_the_plan_and_the_dropped(capsys, db):
    code, out, _ = run(
        capsys, "pin", "G2", "--weekday", "Wed", "--start", "14:00", "--db", db, "--json"
    )
    payload = json.loads(out)
    assert code == 0 and payload["ok"] and payload["plan_id"] is not None
    assert payload["dropped"] == [{"client_code": "C04", "rule": "participant_days"}]
    assert payload["pins_after"] == {
        "weekday": "Wed",
        "start": "14:00",
        "venue_id": "V1",
        "leaders": ["S1", "S2"],
    }


@pytest.mark.parametrize(
    ("argv", "rule"),
    [
        (["G2", "--weekday", "Mon", "--venue", "V3"], "venue_open"),
        (["G3", "--leaders", "S3"], "leader_language"),
        (["G2", "--weekday", "Wed", "--start", "10:00", "--venue", "V3"], "person_overlap"),
        (["G2", "--leaders", "S1"], "two_leaders"),
    ],
)
def test_a_refused_pin_is_one_line_naming_the_rule_and_writes_nothing(capsys, db, argv, rule):
    before = counts(db)
    code, out, err = run(capsys, "pin", *argv, "--db", db)
    assert code == 2 and out == ""
    assert err.startswith("planner pin: cannot pin ") and f"[{rule}]" in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert counts(db) == before


def test_dry_run_checks_and_stores_nothing(capsys, db):
    before = counts(db)
    code, out, _ = run(
        capsys, "pin", "G2", "--weekday", "Wed", "--start", "14:00", "--dry-run", "--db", db
    )
    assert code == 0 and "nothing stored" in out and "C04 leaves the group" in out
    code, out, _ = run(capsys, "pin", "G2", "--start", "19:00", "--dry-run", "--db", db)
    assert code == 1 and "[venue_open]" in out
    assert counts(db) == before


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["G9"], "no group G9"),
        (["G2", "--weekday", "Sat"], "--weekday"),
        (["G2", "--weekday", "Mon-Wed"], "--weekday"),
        (["G2", "--start", "ten"], "--start"),
        (["G2", "--season", "99"], "no season with id 99"),
        (["G2", "--leaders", "S1,S2"], "--leaders"),
    ],
)
def test_a_mistake_is_one_line_and_exit_2(capsys, db, argv, says):
    before = counts(db)
    code, out, err = run(capsys, "pin", *argv, "--db", db)
    assert code == 2 and out == "" and says in err and err.count("\n") == 1
    assert counts(db) == before


def test_unpin_removes_the_pins_and_keeps_the_plan(capsys, db):
    run(capsys, "pin", "G2", "--weekday", "Wed", "--start", "14:00", "--db", db)
    with Store.open(db) as store:
        plan = store.load_plan()
    code, out, _ = run(capsys, "unpin", "G2", "--db", db)
    assert code == 0 and "Removed the pins of G2" in out
    with Store.open(db) as store:
        assert store.load_plan() == plan
        assert store.load_season().group["G2"].weekday is None
    code, out, _ = run(capsys, "unpin", "G2", "--db", db, "--json")
    assert code == 0 and json.loads(out)["pins_before"]["weekday"] is None


def test_pin_without_a_saved_plan_says_what_to_do(capsys, sqlite_url):
    with Store.open(sqlite_url) as store:
        store.import_season(pin_toy(), source="toy")
    code, _, err = run(capsys, "pin", "G2", "--db", sqlite_url)
    assert code == 2 and "no saved plan" in err


@pytest.mark.slow
@pytest.mark.usefixtures("steady")
def test_planner_solve_replan_keeps_a_group_pinned_in_the_store(capsys, sample_dir, sqlite_url):
    from planner.baseline import greedy_plan

    with Store.open(sqlite_url) as store:
        season_id = store.import_season(read_season(sample_dir).season, source="data")
        season = store.load_season(season_id)
        store.save_plan(greedy_plan(season), {"status": "FEASIBLE"}, season_id=season_id)
        placement, start = a_valid_move(season, store.load_plan())
        store.pin_group(
            season_id,
            placement.group_id,
            placement.weekday,
            start,
            placement.venue_id,
            placement.leaders,
        )

    code, out, err = run(capsys, "solve", str(sample_dir), "--replan", "--save", "--db", sqlite_url)
    assert code == 0, err
    assert "Kept the pins of 1 group(s) set by hand in the store." in out
    with Store.open(sqlite_url) as store:
        assert len(store.list_seasons()) == 1  # the pinned season, not a new import
        kept = store.load_plan().placement[placement.group_id]
    assert (kept.weekday, kept.start, kept.venue_id) == (
        placement.weekday,
        start,
        placement.venue_id,
    )
    assert set(placement.leaders) <= set(kept.leaders)
