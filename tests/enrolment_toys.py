"""A small published season for the enrolment, meeting and figure tests.

`toy_season()` has four groups and forty clients (`C01`..`C40`, counsellor S3, who leads
no group); `toy_plan()` schedules them:

| group | weekday, time | venue (capacity) | leaders | seats | planned participants |
| --- | --- | --- | --- | --- | --- |
| G1 | Wed 10-13 | V1 (20) | S1 | 10 | C01 C02 C03 (one leader: a 5th needs a second) |
| G2 | Thu 9-12 | V1 (20) | S1 S2 | 8 | C04..C08 (three seats free) |
| G3 pop-up | Tue 12-14:30 | V2 (6) | S2 | 4 (room for leaders) | C09 C10 (at risk) |
| G4 | Fri 9-11 | remote | S1 | 10 | C11 C12 C13 (dropped by `replan()`) |

Kept apart from the test modules so that worker processes import little.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from planner.model import (
    Client,
    Group,
    Interval,
    Municipality,
    Partner,
    Placement,
    Plan,
    Season,
    Staff,
    Venue,
)
from planner.store.engine import scratch_schema

START = dt.date(2026, 1, 5)  # a Monday; Epiphany (Tue 6 Jan) falls in the first week
SUMMARY = {"status": "OPTIMAL", "objective": 1.0, "best_bound": 1.0, "wall_s": 0.1}


def toy_season() -> Season:
    open_hours = tuple(Interval(d, 8 * 60, 20 * 60) for d in range(5))
    return Season(
        name="Kevät 2026",
        municipalities=(
            Municipality("049", "Espoo", "Esbo", 60.2055, 24.6559),
            Municipality("710", "Raasepori", "Raseborg", 59.975, 23.4367),
        ),
        venues=(
            Venue("V1", "Entressen kirjasto", "049", "Siltakatu 11", 60.2052, 24.6563, 20, True,
                  open_hours),
            Venue("V2", "Ekenäs bibliotek", "710", "Stationsvägen 2", 59.9739, 23.4371, 6, True,
                  open_hours),
        ),
        staff=(
            Staff("S1", "Aino Ohjaaja", "sosiaaliohjaaja", True, "V1", ("fi", "sv"), (),
                  (0, 1, 2, 3, 4), 16, True),
            Staff("S2", "Bo Handledare", "lähihoitaja", True, "V2", ("sv", "fi"), (), (1, 2, 3),
                  12, False),
            Staff("S3", "Celia Neuvoja", "sosiaaliohjaaja", True, "V1", ("fi",), (), (1, 2, 3),
                  4, False),
        ),
        partners=(
            Partner("P1", "Leena Liikkuja", "Liikunta ry", "sports_instructor", False, ("fi",),
                    (), (2,), ("049",)),
        ),
        groups=(
            Group("G1", "Luontoryhmä", "theme", "nature", "all", "fi", 3, 3, 10, "049",
                  "in_person", START, 8),
            Group("G2", "Taideryhmä", "theme", "art", "all", "fi", 3, 3, 8, "049", "in_person",
                  START, 10),
            Group("G3", "Pop-up kafé", "popup", "community", "all", "sv", 2.5, 3, 10, "710",
                  "in_person", START + dt.timedelta(days=1), None),
            Group("G4", "Digitaidot", "process", "digital", "all", "fi", 2, 3, 10, "049",
                  "remote", START, 6),
        ),
        clients=tuple(
            Client(f"C{i:02d}", "049" if i % 2 else "710", ("fi", "sv"), (), (0, 1, 2, 3, 4),
                   "transit", 60, False, "S3", max_groups=2 if i <= 2 else 1)
            for i in range(1, 41)
        ),
    )  # fmt: skip


def toy_plan() -> Plan:
    return Plan(
        placements=(
            Placement("G1", 2, 10 * 60, 13 * 60, "V1", ("S1",)),
            Placement("G2", 3, 9 * 60, 12 * 60, "V1", ("S1", "S2")),
            Placement("G3", 1, 12 * 60, 14 * 60 + 30, "V2", ("S2",)),
            Placement("G4", 4, 9 * 60, 11 * 60, None, ("S1",)),
        ),
        participants=(
            *(("C0" + str(i), "G1") for i in (1, 2, 3)),
            *((f"C{i:02d}", "G2") for i in range(4, 9)),
            ("C09", "G3"),
            ("C10", "G3"),
            *((f"C{i:02d}", "G4") for i in (11, 12, 13)),
        ),
    )


def replan() -> Plan:
    """The re-plan: G4 no longer runs, C14 joins G2, C03 is moved to G2 by the solver."""
    plan = toy_plan()
    return replace(
        plan,
        placements=plan.placements[:3],
        participants=(
            *(p for p in plan.participants if p[1] != "G4" and p[0] != "C03"),
            ("C14", "G2"),
            ("C03", "G2"),
        ),
    )


@contextmanager
def fresh_database(kind: str, tmp_path: Path, pg_url: str | None) -> Iterator[str]:
    """An empty database URL; on PostgreSQL a schema of its own, dropped afterwards."""
    if kind == "sqlite":
        yield f"sqlite:///{tmp_path / 'planner.sqlite3'}"
        return
    assert pg_url is not None
    with scratch_schema(pg_url, "test_enrol") as url:
        yield url


def enrol_in_process(url: str, group_id: str, client_code: str, barrier: Any, out: Any) -> None:
    """A worker process: its own Store and engine, connected before the barrier opens."""
    from planner.store import Enrolments, Store

    store = Store(url)
    try:
        with store.engine.connect():
            pass
        barrier.wait(timeout=120)
        outcome = Enrolments(store).enrol(group_id, client_code, actor=f"worker-{client_code}")
        out.put((client_code, outcome.status, outcome.reason))
    except BaseException as exc:
        out.put((client_code, "error", f"{type(exc).__name__}: {exc}"))
    finally:
        store.dispose()
