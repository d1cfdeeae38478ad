"""Shared fixtures. Module-specific fixtures live beside their tests."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from planner.baseline import greedy_plan
from planner.cli.season import prepare_demo_store
from planner.store import Enrolments, Store

REPO = Path(__file__).resolve().parents[1]
SAMPLE_DIR = REPO / "data"
PG_URL = os.environ.get("PLANNER_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@pytest.fixture(scope="session", autouse=True)
def single_user_app():
    """The app's page and browser tests run in single-user mode, as `planner demo` does;
    tests/test_auth*.py sign in with roles instead (they remove the variable)."""
    before = os.environ.get("PLANNER_SINGLE_USER")
    os.environ["PLANNER_SINGLE_USER"] = "1"
    yield
    if before is None:
        os.environ.pop("PLANNER_SINGLE_USER", None)
    else:
        os.environ["PLANNER_SINGLE_USER"] = before


@pytest.fixture
def chromium() -> Path:
    """Debian's chromium. Under CI=true a missing browser fails the test, never skips."""
    from appserver import CHROMIUM

    if not CHROMIUM.exists():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{CHROMIUM} is required under CI=true (apt-get install chromium)")
        pytest.skip(f"{CHROMIUM} is not installed")
    return CHROMIUM


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    """The bundled Western Uusimaa sample season (a folder of CSV files)."""
    return SAMPLE_DIR


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A fresh, empty SQLite database file for one test."""
    return f"sqlite:///{tmp_path / 'planner.sqlite3'}"


def postgres_available(url: str = PG_URL) -> str | None:
    """None when the server answers, else the reason it does not."""
    try:
        import sqlalchemy as sa

        engine = sa.create_engine(url)
        with engine.connect() as conn:
            conn.execute(sa.text("select 1"))
        engine.dispose()
    except Exception as exc:  # any failure to connect means "not available"
        return f"{type(exc).__name__}: {exc}".splitlines()[0]
    return None


@pytest.fixture(scope="session")
def pg_url() -> str:
    """The PostgreSQL test server. Under CI=true a missing server fails the test, never skips."""
    reason = postgres_available()
    if reason:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"PostgreSQL is required under CI=true: {reason}")
        pytest.skip(f"PostgreSQL not available: {reason}")
    return PG_URL


# --- stores for the app's pages: made once per test process, never changed by a test ---


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file holding the sample season, without a plan (copy it to change it)."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    prepare_demo_store(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def planned_db(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample season with a first-fit plan saved as its current plan, not published."""
    path = tmp_path_factory.mktemp("planned") / "planned.sqlite3"
    shutil.copy(demo_db, path)
    with Store.open(f"sqlite:///{path}") as store:
        season = store.load_season()
        assert season is not None
        store.save_plan(greedy_plan(season), {"status": "FEASIBLE"}, actor="test")
    return path


@pytest.fixture(scope="session")
def published_db(planned_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same plan published: the live offering clients enrol in."""
    path = tmp_path_factory.mktemp("published") / "published.sqlite3"
    shutil.copy(planned_db, path)
    with Store.open(f"sqlite:///{path}") as store:
        Enrolments(store).publish(actor="test")
    return path
