"""`planner client add|edit|show`: the import's checks and messages, one line per problem
naming the flag and the column, non-zero exits, never a traceback or a client code shown."""

from __future__ import annotations

import json

import pytest

from planner.cli.main import main
from planner.cli.season import prepare_demo_store
from planner.store import Store

NEW = [
    "--client-code",
    "C-90001",
    "--municipality",
    "049",
    "--languages",
    "fi",
    "--days",
    "Mon;Wed",
    "--travel",
    "transit",
    "--max-travel-min",
    "45",
    "--counsellor",
    "S-001",
]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(sqlite_url: str) -> str:
    """The sample season, live, no plan."""
    prepare_demo_store(sqlite_url)
    return sqlite_url


def test_add_then_show_gives_the_client_as_the_clients_table_has_it(capsys, db):
    code, out, _ = run(capsys, "client", "add", *NEW, "--db", db, "--json")
    assert code == 0 and json.loads(out)["client_code"] == "C-90001"
    code, out, _ = run(capsys, "client", "show", "C-90001", "--db", db, "--json")
    shown = json.loads(out)
    assert code == 0
    assert (shown["days"], shown["needs_accessible"], shown["remote"]) == ("Mon;Wed", "no", "no")
    with Store.open(db) as store:
        assert store.load_season().clients[-1].client_code == "C-90001"
        assert store.events(limit=1)[0]["action"] == "client.add"


def test_each_problem_is_one_line_naming_the_flag_and_the_column(capsys, db):
    argv = [*NEW, "--client-code", "Elina", "--days", "Sat", "--municipality", "Nowhere"]
    code, out, err = run(capsys, "client", "add", *argv, "--db", db)
    lines = err.strip().splitlines()
    assert code == 2 and not out
    assert len(lines) == 3 and all(
        line.startswith("planner client add: error: --") for line in lines
    )
    assert any("--days (column days): Saturday" in line for line in lines)
    assert any('--municipality (column municipality): "Nowhere"' in line for line in lines)
    assert any(
        "--client-code (column client_code): holds a common first name" in line for line in lines
    )
    assert "Elina" not in err and "Traceback" not in err


def test_a_taken_code_is_refused_without_being_shown(capsys, db):
    argv = [*NEW, "--client-code", "P-01"]
    code, out, err = run(capsys, "client", "add", *argv, "--db", db, "--json")
    assert code == 2 and "P-01" not in err
    [problem] = json.loads(out)["problems"]
    assert (problem["column"], problem["value"]) == ("client_code", "(value hidden)")


def test_edit_changes_only_the_flags_given(capsys, db):
    run(capsys, "client", "add", *NEW, "--db", db)
    code, out, _ = run(
        capsys, "client", "edit", "--client-code", "C-90001", "--days", "Fri", "--db", db
    )
    assert code == 0 and out.strip() == "edited client C-90001: days"
    _, out, _ = run(capsys, "client", "show", "C-90001", "--db", db, "--json")
    shown = json.loads(out)
    assert (shown["days"], shown["max_travel_min"], shown["counsellor"]) == ("Fri", "45", "S-001")


def test_edit_and_show_of_an_unknown_code_never_repeat_it(capsys, db):
    code, _, err = run(
        capsys, "client", "edit", "--client-code", "Matti", "--days", "Fri", "--db", db
    )
    assert code == 2 and "Matti" not in err and "no client with this code" in err
    code, _, err = run(capsys, "client", "show", "Matti", "--db", db)
    assert code == 2 and "Matti" not in err


def test_an_unknown_ending_reason_is_one_line(capsys, db):
    argv = ["--client-code", "P-01", "--end-places", "bored", "--db", db]
    code, _, err = run(capsys, "client", "edit", *argv)
    assert code == 2 and len(err.strip().splitlines()) == 1 and "moved_to_work" in err


def test_an_edit_stranding_a_place_is_refused_until_kept_or_ended(capsys, db):
    from planner.baseline import greedy_plan

    with Store.open(db) as store:
        store.save_plan(greedy_plan(store.load_season()), {"status": "FEASIBLE"})
        plan = store.load_plan()
    assert run(capsys, "publish", "--db", db)[0] == 0
    client, group = plan.participants[0]
    weekday = plan.placement[group].weekday
    other = "Mon" if weekday else "Tue"
    argv = ["--client-code", client, "--days", other, "--db", db]
    code, out, err = run(capsys, "client", "edit", *argv)
    assert code == 1 and not out
    assert f"{group}: participant_days" in err and "--keep-places" in err
    code, out, _ = run(capsys, "client", "edit", *argv, "--keep-places", "--json")
    assert code == 0 and json.loads(out)["kept"] == [[group, "participant_days"]]
