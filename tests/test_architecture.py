"""The layout keeps its promises (docs/architecture.md): SQL only in planner/store, Streamlit
only in planner/ui and app.py, a solver that never imports the UI, solver-free plan figures
that load no OR-Tools, and the command line as a package with the test harness outside it.

The import checks read every module's syntax tree, so an import inside a function counts too.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PLANNER = REPO / "planner"

SQL = re.compile(
    r"\bSELECT\b.+\bFROM\b|\bINSERT\s+INTO\b|\bUPDATE\s+\w+\s+SET\b|\bDELETE\s+FROM\b"
    r"|\b(CREATE|ALTER|DROP)\s+(TABLE|INDEX|SCHEMA)\b|\bPRAGMA\s+\w+",
    re.DOTALL,
)
"""An SQL statement in a string constant (keywords in capitals, as the store writes them)."""
DATABASE_LIBRARIES = ("sqlalchemy", "alembic", "psycopg", "psycopg2", "sqlite3")
UI_LIBRARIES = ("streamlit", "planner.ui")


def _modules(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.py") if ".venv" not in p.parts)


def _rel(path: Path) -> str:
    return path.relative_to(REPO).as_posix()


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every module `path` imports, anywhere in it, as dotted names (`from a import b`
    gives both `a` and `a.b`, since b may be a module)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = _module_name(path)
    if path.name != "__init__.py":
        package = package.rpartition(".")[0]
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def _uses(names: set[str], libraries: tuple[str, ...]) -> list[str]:
    return sorted(n for n in names if any(n == lib or n.startswith(lib + ".") for lib in libraries))


def _sql_strings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [
        node.value[:60]
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.search(node.value)
    ]


def test_the_scan_sees_the_store_speak_sql():
    """The checks below are not vacuous: they find the store's database code."""
    store = [p for p in _modules(PLANNER / "store") if _uses(_imports(p), DATABASE_LIBRARIES)]
    assert PLANNER / "store" / "calendars.py" in store
    assert _sql_strings(PLANNER / "store" / "engine.py")
    assert _uses(_imports(PLANNER / "ui" / "common.py"), UI_LIBRARIES)
    assert SQL.search("SELECT id FROM feeds") and SQL.search("CREATE TABLE x (id int)")


def test_only_planner_store_speaks_sql():
    outside = [p for p in _modules(PLANNER) if p.relative_to(PLANNER).parts[0] != "store"]
    found = {
        _rel(p): _uses(_imports(p), DATABASE_LIBRARIES) + _sql_strings(p)
        for p in [*outside, REPO / "app.py"]
    }
    assert {path: hits for path, hits in found.items() if hits} == {}


def test_nothing_outside_planner_ui_and_app_imports_streamlit_or_the_ui():
    found = {
        _rel(p): _uses(_imports(p), UI_LIBRARIES)
        for p in _modules(PLANNER)
        if p.relative_to(PLANNER).parts[0] != "ui"
    }
    assert {path: hits for path, hits in found.items() if hits} == {}


def test_the_solver_never_imports_the_ui_or_its_charts():
    found = {
        _rel(p): _uses(_imports(p), (*UI_LIBRARIES, "pydeck", "altair"))
        for p in _modules(PLANNER / "solve")
    }
    assert {path: hits for path, hits in found.items() if hits} == {}


@pytest.mark.parametrize(
    "statement",
    [
        "import planner.insight",
        "import planner.plan_figures",
        "import planner.solve.result",
        "import planner.solve.reason",
        "from planner.solve import Result, Reason, SolveParams, staff_days",
        "from planner.solve.reason import Reason; "
        "Reason('G1', 'venue_closed', {'municipality': {'sv': 'Esbo'}, 'hours': 3, "
        "'days': (0, 4)}, ('two_leaders',)).text('sv')",
    ],
)
def test_plan_figures_and_results_load_no_or_tools(statement):
    check = f"import sys; {statement}; print('ortools' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", check], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"


def test_the_command_line_loads_no_streamlit():
    check = (
        "import sys; from planner.cli.main import build_parser; build_parser(); "
        "print(sorted(m for m in sys.modules if m.startswith(('streamlit', 'planner.ui'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", check], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


def test_the_command_line_is_a_package_and_the_test_harness_is_outside_the_planner():
    assert (PLANNER / "cli" / "__init__.py").is_file()
    assert (PLANNER / "cli" / "__main__.py").is_file()
    assert not (PLANNER / "cli.py").exists()
    assert not list(PLANNER.glob("cli_*.py"))
    assert not (PLANNER / "appserver.py").exists()
    assert (REPO / "tests" / "appserver.py").is_file()
    assert not (PLANNER / "calendar" / "db.py").exists()


TRAVEL_FIGURE = re.compile(r"(_KMH|_FACTOR|_WAIT_MIN|WALK\w*_KM|_ACCESS_MIN)$")
"""The names the travel model's figures go by."""


def _assigned_names(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AnnAssign):
            targets = [node.target]
        names |= {t.id for t in targets if isinstance(t, ast.Name)}
    return names


def test_every_travel_figure_lives_in_travel_figures():
    home = PLANNER / "travel_figures.py"
    assert {n for n in _assigned_names(home) if TRAVEL_FIGURE.search(n)}, "the scan finds none"
    elsewhere = {
        f"{_rel(path)}: {name}"
        for path in _modules(PLANNER)
        if path != home
        for name in _assigned_names(path)
        if TRAVEL_FIGURE.search(name)
    }
    assert not elsewhere, sorted(elsewhere)
