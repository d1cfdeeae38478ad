"""`planner solve` and `planner validate` end to end on the sample season."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from toys import steady_params

import planner.solve
from planner.cli.main import main
from planner.io import read_season
from planner.plan_check import plan_problems, read_plan_files
from planner.store import Store

pytestmark = pytest.mark.slow


@pytest.fixture
def steady(monkeypatch) -> list[dict]:
    """`planner solve` with a steady search: `cmd_solve` builds its SolveParams from
    --time-limit, which on a loaded machine can end before the first plan (status UNKNOWN);
    here it gets one worker and a deterministic limit instead. Returns the settings the CLI
    asked for, so a test can check the CLI really went through this."""
    asked: list[dict] = []

    def steady_solve_params(**settings):
        asked.append(dict(settings))
        settings.pop("time_limit_s", None)
        settings.pop("workers", None)
        if settings.get("deterministic_time_s") is None:
            settings.pop("deterministic_time_s", None)
        return steady_params(**settings)

    monkeypatch.setattr(planner.solve, "SolveParams", steady_solve_params)
    return asked


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def sample_season(sample_dir):
    return read_season(sample_dir).season


def test_solve_writes_the_four_files_and_the_plan_keeps_every_rule(
    capsys, sample_dir, sample_season, tmp_path, steady
):
    out = tmp_path / "plan"
    code, text, _ = run(capsys, "solve", str(sample_dir), "--time-limit", "20", "--out", str(out))
    assert code == 0, text
    assert [a["time_limit_s"] for a in steady] == [20.0]
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["status"] in ("OPTIMAL", "FEASIBLE")
    assert {"objective", "best_bound", "wall_s", "unscheduled"} <= summary.keys()
    with (out / "plan_groups.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == ["group_id", "weekday", "start", "end", "venue_id", "leaders"]
    scheduled = {r["group_id"] for r in rows}
    unscheduled = {u["group_id"] for u in summary["unscheduled"]}
    assert scheduled | unscheduled == {g.group_id for g in sample_season.groups}
    assert not scheduled & unscheduled
    assert len(scheduled) >= 40  # the sample is built so that nearly every group can run
    assert plan_problems(sample_season, read_plan_files(out)) == []
    code, text, _ = run(capsys, "validate", str(sample_dir), str(out))
    assert code == 0 and "keeps every rule" in text


def test_replan_without_a_leader_moves_only_what_it_must(capsys, sample_dir, sqlite_url, steady):
    code, _, _ = run(
        capsys, "solve", str(sample_dir), "--time-limit", "20", "--save", "--db", sqlite_url
    )
    assert code == 0
    with Store.open(sqlite_url) as store:
        before = store.load_plan()
    absent = before.placements[0].leaders[0]
    code, text, _ = run(
        capsys,
        "solve",
        str(sample_dir),
        "--time-limit",
        "20",
        "--replan",
        "--absent",
        absent,
        "--db",
        sqlite_url,
        "--json",
        "--save",
    )
    assert code == 0
    assert len(steady) == 2
    payload = json.loads(text)
    assert payload["changes"], "dropping a leader must change something"
    assert any(absent in line for line in payload["changes"])
    with Store.open(sqlite_url) as store:
        after = store.load_plan()
        assert len(store.list_plans()) == 2
    assert all(absent not in p.leaders for p in after.placements)
    # minimal perturbation: most groups keep their weekday, time and venue
    kept = sum(
        1
        for p in after.placements
        if (q := before.placement.get(p.group_id))
        and (q.weekday, q.start, q.venue_id) == (p.weekday, p.start, p.venue_id)
    )
    assert kept >= 0.8 * len(before.placements)


def test_replan_without_a_stored_plan_is_a_one_line_error(capsys, sample_dir, sqlite_url):
    code, _, err = run(capsys, "solve", str(sample_dir), "--replan", "--db", sqlite_url)
    assert code == 2 and "needs a stored plan" in err


def test_unknown_ids_in_changes_are_refused(capsys, sample_dir):
    code, _, err = run(capsys, "solve", str(sample_dir), "--absent", "S-NOBODY")
    assert code == 2 and "S-NOBODY" in err


def test_validate_reports_a_broken_plan(capsys, sample_dir, tmp_path):
    out = tmp_path / "plan"
    out.mkdir()
    (out / "plan_groups.csv").write_text(
        "group_id,weekday,start,end,venue_id,leaders\nG-001,Mon,10:00,11:00,V-HAN-LIB-1,S-019\n",
        encoding="utf-8",
    )
    (out / "plan_participants.csv").write_text("client_code,group_id\n", encoding="utf-8")
    code, text, _ = run(capsys, "validate", str(sample_dir), str(Path(out)))
    assert code == 1
    assert "G-001" in text


def test_a_deterministic_solve_gives_the_same_plan_twice(capsys, sample_dir, tmp_path):
    """`--workers 1 --deterministic-time S` stops on work done, not on seconds: the same plan
    on any machine, however busy (the wall limit is a backstop a healthy run never meets)."""
    plans = []
    for name in ("first", "second"):
        out = tmp_path / name
        flags = ("--workers", "1", "--deterministic-time", "0.5", "--time-limit", "600")
        code, text, _ = run(capsys, "solve", str(sample_dir), *flags, "--out", str(out))
        assert code == 0, text
        plans.append(
            [
                (out / f).read_text(encoding="utf-8")
                for f in ("plan_groups.csv", "plan_participants.csv")
            ]
        )
    assert plans[0] == plans[1]
    assert plans[0][0].count("\n") > 40


def test_a_deterministic_time_that_is_not_positive_is_a_one_line_error(capsys, sample_dir):
    code, _, err = run(capsys, "solve", str(sample_dir), "--deterministic-time", "0")
    assert code != 0
    assert "deterministic_time_s must be positive" in err and "Traceback" not in err


@pytest.mark.parametrize("limit", ["inf", "nan", "0", "-5"])
def test_a_time_limit_that_is_not_a_positive_finite_number_is_a_one_line_error(
    capsys, sample_dir, limit
):
    code, out, err = run(capsys, "solve", str(sample_dir), "--time-limit", limit)
    assert code == 2 and out == ""
    assert "time_limit_s must be positive and finite" in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_a_model_invalid_result_is_neither_written_nor_saved_and_exits_non_zero(
    capsys, sample_dir, sample_season, sqlite_url, tmp_path, monkeypatch
):
    """CP-SAT's MODEL_INVALID comes with the first-fit plan; it is still not made current."""
    from planner.baseline import greedy_plan
    from planner.solve.result import Result

    def invalid_solve(season, params, **_):
        plan = greedy_plan(season)
        assert plan.placements  # the case the issue met: a plan, but no model behind it
        return Result(
            "MODEL_INVALID", None, None, 0.1, None, plan, stats={"plan_source": "warm_start"}
        )

    monkeypatch.setattr(planner.solve, "solve", invalid_solve)
    out = tmp_path / "plan"
    flags = ("--save", "--db", sqlite_url, "--out", str(out))
    code, text, _ = run(capsys, "solve", str(sample_dir), *flags)
    assert code == 1
    assert "status MODEL_INVALID" in text and "Saved as plan" not in text
    assert not out.exists()
    with Store.open(sqlite_url) as store:
        assert store.load_plan() is None


def test_an_unknown_id_with_escape_codes_is_shown_escaped_on_one_line(capsys, sample_dir):
    code, _, err = run(capsys, "solve", str(sample_dir), "--absent", "S-X\x1b[2K\rOK: all fine")
    assert code == 2
    assert r"S-X\x1b[2K\rOK: all fine" in err
    assert "\x1b" not in err and "\r" not in err and err.count("\n") == 1
