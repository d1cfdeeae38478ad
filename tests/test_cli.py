"""The `planner` command line, driven as a coordinator would."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from planner.cli.main import main
from planner.store import Enrolments, Store


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def broken_season(tmp_path: Path, sample_dir: Path) -> Path:
    """The sample season with one group too large (row 3 of groups.csv)."""
    folder = tmp_path / "broken"
    shutil.copytree(sample_dir, folder, ignore=shutil.ignore_patterns("*.md", "sources"))
    lines = (folder / "groups.csv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    col = header.index("max_size")
    cells = lines[2].split(",")
    cells[col] = "12"
    lines[2] = ",".join(cells)
    (folder / "groups.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_help_lists_the_commands(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    for command in ("check", "import", "generate", "demo"):
        assert command in out


def test_check_accepts_the_sample_season(capsys, sample_dir):
    code, out, _ = run(capsys, "check", str(sample_dir))
    assert code == 0
    assert out.strip().splitlines()[-1].startswith("OK: 10 municipalities")


def test_check_reports_the_file_row_column_and_rule(capsys, broken_season):
    code, out, _ = run(capsys, "check", str(broken_season))
    assert code == 1
    errors = [line for line in out.splitlines() if line.startswith("error:")]
    assert len(errors) == 1
    assert errors[0].startswith("error: groups.csv row 3, column max_size: 12")
    assert "10" in errors[0] and "l. 362" in errors[0]
    assert "nothing was imported" in out


def test_check_json_lists_problems_as_objects(capsys, broken_season):
    code, out, _ = run(capsys, "check", str(broken_season), "--json")
    payload = json.loads(out)
    assert code == 1 and payload["ok"] is False
    assert payload["errors"][0]["file"] == "groups.csv"
    assert payload["errors"][0]["row"] == 3
    assert payload["errors"][0]["column"] == "max_size"


def test_check_of_a_missing_folder_is_one_line_and_exit_2(capsys, tmp_path):
    code, out, err = run(capsys, "check", str(tmp_path / "nope"))
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "no such folder" in err


def test_import_stores_a_valid_season(capsys, sample_dir, sqlite_url):
    code, out, _ = run(capsys, "import", str(sample_dir), "--db", sqlite_url, "--json")
    assert code == 0
    assert json.loads(out)["season_id"] >= 1
    store = Store.open(sqlite_url)
    try:
        season = store.load_season()
        assert season is not None and len(season.municipalities) == 10
    finally:
        store.dispose()


def test_import_of_a_broken_season_stores_nothing(capsys, sample_dir, broken_season, sqlite_url):
    assert run(capsys, "import", str(sample_dir), "--db", sqlite_url)[0] == 0
    code, _, _ = run(capsys, "import", str(broken_season), "--db", sqlite_url)
    assert code == 1
    store = Store.open(sqlite_url)
    try:
        assert len(store.list_seasons()) == 1
    finally:
        store.dispose()


def test_demo_without_the_app_loads_plans_and_publishes_the_sample_season(capsys, sqlite_url):
    code, out, _ = run(capsys, "demo", "--no-app", "--time-limit", "5", "--db", sqlite_url)
    assert code == 0 and "(planned and published)" in out
    store = Store.open(sqlite_url)
    try:
        assert store.load_season().client["P-01"].municipality == "078"
        assert Enrolments(store).live_plan() is not None
    finally:
        store.dispose()


@pytest.mark.parametrize("limit", ["inf", "nan", "0"])
def test_a_demo_time_limit_that_is_not_positive_and_finite_is_one_line(capsys, sqlite_url, limit):
    code, out, err = run(capsys, "demo", "--no-app", "--time-limit", limit, "--db", sqlite_url)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "--time-limit: time_limit_s must be positive and finite" in err


def test_an_unknown_option_gives_one_line_not_a_traceback():
    proc = subprocess.run(
        [sys.executable, "-m", "planner.cli", "check", "--frobnicate", "data"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_a_bad_database_url_is_one_line(capsys, sample_dir):
    code, _, err = run(capsys, "import", str(sample_dir), "--db", "nosuchdb://x")
    assert code == 2
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


@pytest.fixture(scope="module")
def greedy_plan_dir(tmp_path_factory, sample_dir) -> Path:
    """The sample season's greedy first-fit plan, written like `planner solve --out`."""
    from planner.baseline import greedy_plan
    from planner.io import read_season
    from planner.model import WEEKDAYS, hhmm

    plan = greedy_plan(read_season(sample_dir).season)
    out = tmp_path_factory.mktemp("greedy")
    rows = ["group_id,weekday,start,end,venue_id,leaders"] + [
        f"{p.group_id},{WEEKDAYS[p.weekday]},{hhmm(p.start)},{hhmm(p.end)},"
        f"{p.venue_id or ''},{';'.join(p.leaders)}"
        for p in plan.placements
    ]
    (out / "plan_groups.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    parts = ["client_code,group_id,mode"] + [
        f"{c},{g},{plan.mode_of(c, g)}" for c, g in plan.participants
    ]
    (out / "plan_participants.csv").write_text("\n".join(parts) + "\n", encoding="utf-8")
    return out


def test_find_for_a_described_client_prints_the_contract_fields(
    capsys, sample_dir, greedy_plan_dir
):
    code, out, _ = run(
        capsys,
        "find",
        str(sample_dir),
        "--plan",
        str(greedy_plan_dir),
        "--municipality",
        "Lohja",
        "--language",
        "fi",
        "--interests",
        "art_culture",
        "--travel",
        "car",
        "--json",
    )
    assert code == 0
    results = json.loads(out)
    assert results, "a Finnish speaker with a car in Lohja has groups to choose from"
    required = {
        "group_id",
        "name",
        "weekday",
        "start",
        "end",
        "venue_id",
        "municipality",
        "language",
        "free_seats",
        "travel_min",
        "score",
        "reasons",
    }
    assert all(required <= r.keys() for r in results)
    assert all(r["language"] == "fi" for r in results)
    assert [r["score"] for r in results if r["free_seats"] > 0] == sorted(
        (r["score"] for r in results if r["free_seats"] > 0), reverse=True
    )


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (("--client", "C-99999"), "no client with that code"),
        (("--municipality", "Atlantis"), "unknown municipality"),
        (("--municipality", "Hanko", "--days", "sat"), "not a working day"),
    ],
)
def test_find_with_bad_input_is_one_line(capsys, sample_dir, greedy_plan_dir, argv, expected):
    code, out, err = run(capsys, "find", str(sample_dir), "--plan", str(greedy_plan_dir), *argv)
    assert code == 2 and out == ""
    assert expected in err and len(err.strip().splitlines()) == 1


def test_find_offers_remote_groups_only_to_a_client_who_agreed(capsys, sample_dir, greedy_plan_dir):
    described = (
        "find", str(sample_dir), "--plan", str(greedy_plan_dir), "--municipality", "Espoo",
        "--language", "fi", "--audience", "young_adults", "--interests", "digital", "--json",
    )  # fmt: skip
    code, out, _ = run(capsys, *described)
    assert code == 0
    assert "G-016" not in [r["group_id"] for r in json.loads(out)]
    code, out, _ = run(capsys, *described, "--remote")
    assert code == 0
    assert "G-016" in [r["group_id"] for r in json.loads(out)]
