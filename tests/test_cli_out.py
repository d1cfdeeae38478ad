"""Where a command is told to write (`planner.cli.common.writable_file`, `writable_folder`):
a missing folder, a folder given for a file, a file given for a folder, a path inside a file or
a read-only folder is one translated line and exit code 2, before any work; never a
traceback. `solve --out` is checked before solving, and a write that fails after solving is
one line too."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import planner.solve
from planner.cli import common
from planner.cli.main import main

TOY = Path(__file__).parent / "data" / "toy"


@pytest.fixture
def places(tmp_path: Path) -> dict[str, Path]:
    """A folder, a file and a missing folder to write into."""
    folder = tmp_path / "folder"
    folder.mkdir()
    file = tmp_path / "file.txt"
    file.write_text("x", encoding="utf-8")
    return {"folder": folder, "file": file, "missing": tmp_path / "missing"}


def one_line(capsys, argv: list[str]) -> str:
    code = main(argv)
    out, err = capsys.readouterr()
    assert code == 2, (out, err)
    assert "Traceback" not in out + err and not out
    [line] = err.strip().splitlines()
    return line


FILE_COMMANDS = {  # command -> argv before the path, after it (the path is a file to write)
    "ics": (["ics", "--out"], ["--lang", "en"]),
    "figures": (["figures", "--out"], []),
    "report": (["report", "--out"], ["--lang", "en"]),
    "backup": (["backup"], []),
    "pickups --pdf": (["pickups", "--pdf"], ["--lang", "en"]),
    "allowance": (["allowance", "--out"], []),
}


def file_argv(command: str, path: Path, db: Path) -> list[str]:
    before, after = FILE_COMMANDS[command]
    return [*before, str(path), *after, "--db", f"sqlite:///{db}"]


def name(command: str) -> str:
    return command.split()[0]


@pytest.mark.parametrize("command", FILE_COMMANDS)
def test_a_file_into_a_missing_folder_is_one_line(capsys, command, places, published_db):
    path = places["missing"] / "out.xlsx"
    line = one_line(capsys, file_argv(command, path, published_db))
    assert line == f"planner {name(command)}: {path}: the folder {path.parent} does not exist"
    assert not path.parent.exists()


@pytest.mark.parametrize("command", FILE_COMMANDS)
def test_a_file_onto_a_folder_is_one_line(capsys, command, places, published_db):
    path = places["folder"]
    if command == "report":
        path = path.with_suffix(".xlsx")
        path.mkdir()
    line = one_line(capsys, file_argv(command, path, published_db))
    assert line == f"planner {name(command)}: {path} is a folder: give a file name"


@pytest.mark.parametrize("command", FILE_COMMANDS)
def test_a_file_inside_a_file_is_one_line(capsys, command, places, published_db):
    path = places["file"] / "out.xlsx"
    line = one_line(capsys, file_argv(command, path, published_db))
    assert line == f"planner {name(command)}: {path}: {places['file']} is a file, not a folder"


def read_only(monkeypatch, folder: Path) -> None:
    """`folder` as the system would answer for a read-only folder (tests may run as root,
    who may write anywhere)."""
    real = os.access
    monkeypatch.setattr(common.os, "access", lambda p, mode: Path(p) != folder and real(p, mode))


@pytest.mark.parametrize("command", FILE_COMMANDS)
def test_a_file_in_a_read_only_folder_is_one_line(
    capsys, command, places, published_db, monkeypatch
):
    read_only(monkeypatch, places["folder"])
    path = places["folder"] / "out.xlsx"
    line = one_line(capsys, file_argv(command, path, published_db))
    assert line == (
        f"planner {name(command)}: {path}: the folder {places['folder']} cannot be written to"
    )
    assert not path.exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder")
def test_a_really_read_only_folder_is_one_line(capsys, places, published_db):
    places["folder"].chmod(0o555)
    try:
        path = places["folder"] / "out.ics"
        line = one_line(capsys, file_argv("ics", path, published_db))
        assert line.endswith(f"the folder {places['folder']} cannot be written to")
    finally:
        places["folder"].chmod(0o755)


def test_the_line_is_in_the_commands_language(capsys, places, published_db):
    path = places["missing"] / "out.ics"
    db = f"sqlite:///{published_db}"
    assert one_line(capsys, ["ics", "--out", str(path), "--db", db]) == (
        f"planner ics: {path}: kansiota {path.parent} ei ole"
    )
    argv = ["pickups", "--out", str(places["file"]), "--lang", "sv", "--db", db]
    assert one_line(capsys, argv) == f"planner pickups: {places['file']} är en fil: ange en mapp"


# --- folders to write files into: pickups --out, solve --out ---


def folder_argv(command: str, path: Path, db: Path) -> list[str]:
    if command == "solve":
        return ["solve", str(TOY), "--out", str(path), "--time-limit", "5"]
    return ["pickups", "--out", str(path), "--lang", "en", "--db", f"sqlite:///{db}"]


@pytest.fixture
def no_solving(monkeypatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("solved before checking --out")

    monkeypatch.setattr(planner.solve, "solve", refuse)


@pytest.mark.parametrize("command", ["pickups", "solve"])
def test_a_folder_onto_a_file_is_one_line(capsys, command, places, published_db, no_solving):
    path = places["file"]
    line = one_line(capsys, folder_argv(command, path, published_db))
    assert line == f"planner {command}: {path} is a file: give a folder"


@pytest.mark.parametrize("command", ["pickups", "solve"])
def test_a_folder_inside_a_file_is_one_line(capsys, command, places, published_db, no_solving):
    path = places["file"] / "plan" / "week"
    line = one_line(capsys, folder_argv(command, path, published_db))
    assert line == f"planner {command}: {path}: {places['file']} is a file, not a folder"


@pytest.mark.parametrize("command", ["pickups", "solve"])
def test_a_folder_under_a_read_only_one_is_one_line(
    capsys, command, places, published_db, no_solving, monkeypatch
):
    read_only(monkeypatch, places["folder"])
    path = places["folder"] / "plan"
    line = one_line(capsys, folder_argv(command, path, published_db))
    assert line == f"planner {command}: {path}: the folder {places['folder']} cannot be written to"


def test_a_missing_output_folder_is_made(capsys, places, published_db):
    path = places["missing"] / "runs"
    assert main(folder_argv("pickups", path, published_db)) == 0
    assert (path / "pickup_runs.csv").exists()


def test_solve_that_cannot_write_after_solving_says_so_in_one_line(capsys, places, monkeypatch):
    solved: list[bool] = []
    real_solve = planner.solve.solve

    def solve(*args: object, **kwargs: object):
        solved.append(True)
        return real_solve(*args, **kwargs)

    def disk_full(result: object, season: object, out: Path) -> list[Path]:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(planner.solve, "solve", solve)
    monkeypatch.setattr(planner.solve, "write_outputs", disk_full)
    path = places["folder"] / "plan"
    line = one_line(capsys, folder_argv("solve", path, Path("unused")))
    assert solved
    assert line == f"planner solve: {path}: could not be written: No space left on device"
