"""The tests' toy seasons, plans, stores and routing instances, and the solver settings they
are solved with: one module, so that every test builds its season the same way.

Seasons: `toy_season()` (kind "solve", the default) is a documented baseline of three groups
that all can run; tests derive the "forced to break a rule" variants from it with
`with_group` or `dataclasses.replace`. `toy_season("published")` is a small published season
for the enrolment, meeting and figure tests, with `toy_plan()` and `replan()`:

| group | weekday, time | venue (capacity) | leaders | seats | planned participants |
| --- | --- | --- | --- | --- | --- |
| G1 | Wed 10-13 | V1 (20) | S1 | 10 | C01 C02 C03 (one leader: a 5th needs a second) |
| G2 | Thu 9-12 | V1 (20) | S1 S2 | 8 | C04..C08 (three seats free) |
| G3 pop-up | Tue 12-14:30 | V2 (6) | S2 | 4 (room for leaders) | C09 C10 C40 (one seat free) |
| G4 | Fri 9-11 | remote | S1 | 10 | C11 C12 C13, agreed to be remote (dropped by `replan()`) |

(forty clients `C01`..`C40`, counsellor S3, who leads no group). `random_season()` makes a
realistic-looking season of any size for property tests. The builders `venue`, `staff`,
`partner`, `group`, `client` and `season_of` take any field as a keyword.

Solving: `steady_params()` makes a solve independent of the machine's speed and load: one
worker, a fixed seed, and a deterministic-time limit per CP-SAT stage, with the wall-clock
limit only a generous backstop (`BACKSTOP_S`) that a healthy run never reaches.

Worker processes (`enrol_in_process`) import this module: the solver and routing modules are
imported only where they are used, so that workers import little.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from planner.routing.pickups import PickupPlan, Request
    from planner.routing.vrptw import VrpInstance
    from planner.solve import SolveParams

# --- solver settings ---

BACKSTOP_S = 600.0
"""Wall-clock limit of a steady solve: only there so that a hung run ends."""

STEADY_DETERMINISTIC_S = 1.0
"""CP-SAT deterministic time per stage: enough for the toys to close, and on the sample
season enough for a first plan after the complete hint."""


def steady_params(**overrides) -> SolveParams:
    """Solver settings whose result is the same on a fast, slow or loaded machine."""
    # From its own module: tests may patch `planner.solve.SolveParams` with this function.
    from planner.solve.params import SolveParams

    settings: dict[str, Any] = dict(
        time_limit_s=BACKSTOP_S,
        workers=1,
        seed=0,
        deterministic_time_s=STEADY_DETERMINISTIC_S,
    )
    settings.update(overrides)
    return SolveParams(**settings)


# --- building blocks and the solver's toy ---

START = dt.date(2025, 1, 13)
WEEK = (0, 1, 2, 3, 4)
TOY_CLIENTS = 24

MUNICIPALITIES = (
    Municipality("049", "Espoo", "Esbo", 60.2055, 24.6559),
    Municipality("078", "Hanko", "Hangö", 59.8236, 22.9683),
    Municipality("149", "Inkoo", "Ingå", 60.0458, 24.0058),
    Municipality("224", "Karkkila", "Högfors", 60.5347, 24.2097),
    Municipality("235", "Kauniainen", "Grankulla", 60.2103, 24.7286),
    Municipality("257", "Kirkkonummi", "Kyrkslätt", 60.1239, 24.4385),
    Municipality("444", "Lohja", "Lojo", 60.2486, 24.0653),
    Municipality("710", "Raasepori", "Raseborg", 59.9750, 23.4367),
    Municipality("755", "Siuntio", "Sjundeå", 60.1383, 24.2269),
    Municipality("927", "Vihti", "Vichtis", 60.4167, 24.3200),
)
SWEDISH = {"078", "149", "710", "755", "235", "257"}


def office_hours(days=WEEK, start=8 * 60, end=16 * 60) -> tuple[Interval, ...]:
    return tuple(Interval(d, start, end) for d in days)


def venue(vid: str, muni: str = "049", **kw) -> Venue:
    m = next(x for x in MUNICIPALITIES if x.code == muni)
    n = sum(map(ord, vid)) % 7
    base = dict(
        venue_id=vid,
        name=f"Venue {vid}",
        municipality=muni,
        address=f"Street {vid}",
        lat=m.lat + 0.002 * n,
        lon=m.lon + 0.003 * n,
        capacity=14,
        accessible=True,
        open=office_hours(),
    )
    return Venue(**{**base, **kw})


def staff(sid: str, base: str = "V1", **kw) -> Staff:
    defaults = dict(
        staff_id=sid,
        name=f"Staff {sid}",
        title="sosiaaliohjaaja",
        qualified=True,
        base_venue=base,
        languages=("fi", "sv"),
        skills=(),
        days=WEEK,
        max_group_hours=12.0,
        car=True,
    )
    return Staff(**{**defaults, **kw})


def partner(pid: str, **kw) -> Partner:
    defaults = dict(
        partner_id=pid,
        name=f"Partner {pid}",
        organisation="NGO",
        kind="ngo_worker",
        qualified=False,
        languages=("fi", "sv"),
        skills=(),
        days=WEEK,
        municipalities=("049",),
    )
    return Partner(**{**defaults, **kw})


def group(gid: str, **kw) -> Group:
    defaults = dict(
        group_id=gid,
        name=f"Group {gid}",
        kind="theme",
        theme="nature",
        audience="",
        language="fi",
        hours=2.0,
        min_size=3,
        max_size=10,
        municipality="049",
        mode="in_person",
        start_date=START,
        weeks=10,
    )
    return Group(**{**defaults, **kw})


def client(code: str, **kw) -> Client:
    defaults = dict(
        client_code=code,
        municipality="049",
        languages=("fi", "sv"),
        interests=("nature",),
        days=WEEK,
        travel="car",
        max_travel_min=60,
        needs_accessible=False,
        counsellor="S1",
    )
    return Client(**{**defaults, **kw})


def season_of(venues=(), staff_=(), partners=(), groups=(), clients=(), name="toy") -> Season:
    return Season(
        municipalities=MUNICIPALITIES,
        venues=tuple(venues),
        staff=tuple(staff_),
        partners=tuple(partners),
        groups=tuple(groups),
        clients=tuple(clients),
        name=name,
    )


def _solver_toy() -> Season:
    """Three Espoo groups (G1, G2 in Finnish, G3 in Swedish), each with room for everyone.

    Venues V1 and V2 in Espoo (open Mon-Fri 8-16), staff S1 (fi+sv) and S2 (fi+sv), S3 (fi
    only), all qualified, by car; partner P1 in Espoo. 24 clients in Espoo speak Finnish
    and Swedish and come every weekday: more than the three groups' 30 seats minus one group,
    so a group left out always finds free clients. Every group can run on its own and all
    three together.
    """
    return season_of(
        venues=[venue("V1"), venue("V2")],
        staff_=[staff("S1"), staff("S2"), staff("S3", languages=("fi",))],
        partners=[partner("P1")],
        groups=[group("G1"), group("G2"), group("G3", language="sv")],
        clients=[client(f"C{i:02d}") for i in range(1, TOY_CLIENTS + 1)],
    )


def with_group(season: Season, gid: str, **kw) -> Season:
    return replace(
        season, groups=tuple(replace(g, **kw) if g.group_id == gid else g for g in season.groups)
    )


THEMES = (
    "nature",
    "functional",
    "life_skills",
    "wellbeing",
    "photography",
    "art",
    "digital",
    "peer",
    "language",
)


def random_season(
    seed: int,
    groups: int = 45,
    clients: int = 330,
    staff_n: int = 25,
    venues: int = 35,
    partners: int = 8,
) -> Season:
    """A random season with the shape of the county's: most people in Espoo, Swedish in the
    south-west, venues open office hours (some evenings), groups of 2-4 hours."""
    rng = random.Random(seed)
    weights = [40, 4, 2, 4, 2, 9, 10, 6, 2, 6]
    munis = [m.code for m in MUNICIPALITIES]

    def pick_muni() -> str:
        return rng.choices(munis, weights)[0]

    vs = []
    for i in range(venues):
        muni = munis[i] if i < len(munis) else pick_muni()
        days = WEEK if rng.random() < 0.8 else tuple(sorted(rng.sample(WEEK, 3)))
        hours = office_hours(days, 8 * 60, rng.choice([16 * 60, 16 * 60, 18 * 60, 20 * 60]))
        vs.append(
            venue(
                f"V{i:03d}",
                muni,
                capacity=rng.choice([8, 12, 14, 20]),
                accessible=rng.random() < 0.7,
                open=hours,
                rooms=rng.choice([1, 1, 2]),
            )
        )

    def langs(muni: str) -> tuple[str, ...]:
        if muni in SWEDISH:
            return rng.choice([("sv",), ("fi", "sv"), ("fi", "sv"), ("fi",)])
        return rng.choice([("fi",), ("fi",), ("fi",), ("fi", "sv")])

    st = []
    for i in range(staff_n):
        v = rng.choice(vs)
        st.append(
            staff(
                f"S{i:03d}",
                v.venue_id,
                qualified=rng.random() < 0.85,
                languages=langs(v.municipality),
                days=tuple(sorted(rng.sample(WEEK, rng.choice([3, 4, 5, 5])))),
                max_group_hours=rng.choice([6.0, 8.0, 10.0, 12.0]),
                car=rng.random() < 0.8,
            )
        )
    ps = [
        partner(
            f"P{i:03d}",
            languages=langs(m),
            municipalities=(m,),
            kind="ngo_worker",
            days=tuple(sorted(rng.sample(WEEK, 3))),
        )
        for i, m in enumerate(pick_muni() for _ in range(partners))
    ]
    gs = []
    for i in range(groups):
        muni = pick_muni()
        lang = "sv" if muni in SWEDISH and rng.random() < 0.5 else "fi"
        kind = rng.choice(["process", "theme", "peer", "targeted", "popup"])
        gs.append(
            group(
                f"G{i:03d}",
                municipality=muni,
                language=lang,
                kind=kind,
                theme=rng.choice(THEMES),
                audience="young" if kind == "targeted" else "",
                hours=rng.choice([2.0, 2.0, 2.5, 3.0, 4.0]),
                weeks=None if kind == "popup" else 12,
                mode=rng.choices(["in_person", "hybrid", "remote"], [8, 1, 1])[0],
                min_size=rng.choice([3, 3, 4, 5]),
                max_size=rng.choice([8, 10, 10]),
                priority=rng.choice([1, 1, 2, 3]),
            )
        )
    cs = []
    for i in range(clients):
        muni = pick_muni()
        near = [g.group_id for g in gs if g.municipality == muni]
        wishes = tuple(rng.sample(near, min(len(near), rng.choice([0, 1, 2, 3]))))
        cs.append(
            client(
                f"C{i:05d}",
                municipality=muni,
                languages=langs(muni),
                interests=tuple(rng.sample(THEMES, 2)),
                audience=("young",) if rng.random() < 0.2 else (),
                days=tuple(sorted(rng.sample(WEEK, rng.choice([2, 3, 5])))),
                travel=rng.choice(["car", "transit", "transit", "ride"]),
                max_travel_min=rng.choice([30, 45, 60, 90]),
                needs_accessible=rng.random() < 0.1,
                counsellor=st[0].staff_id,
                wishes=wishes,
            )
        )
    return season_of(vs, st, ps, gs, cs, name=f"random-{seed}")


# --- the toy seasons ---

TOY_KINDS = ("solve", "published")


def toy_season(kind: str = "solve") -> Season:
    """The toy season of `kind`: "solve" (three groups that all can run, 24 clients) or
    "published" (four groups, forty clients, for `toy_plan()`); see the module docstring."""
    if kind == "solve":
        return _solver_toy()
    if kind == "published":
        return _published_toy()
    raise ValueError(f"toy season kind must be one of {', '.join(TOY_KINDS)}, got {kind!r}")


# --- the published toy, its plans and stores ---

PUBLISHED_START = dt.date(2026, 1, 5)  # a Monday; Epiphany (Tue 6 Jan) falls in the first week
SUMMARY = {"status": "OPTIMAL", "objective": 1.0, "best_bound": 1.0, "wall_s": 0.1}


def _published_toy() -> Season:
    """Four groups and forty clients, for `toy_plan()` (see the table at the top)."""
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
            Venue("V3", "Karis bibliotek", "710", "Köpmansgatan 1", 60.0714, 23.6622, 20, True,
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
                  "in_person", PUBLISHED_START, 8),
            Group("G2", "Taideryhmä", "theme", "art", "all", "fi", 3, 3, 8, "049", "in_person",
                  PUBLISHED_START, 10),
            Group("G3", "Pop-up kafé", "popup", "community", "all", "sv", 2.5, 3, 10, "710",
                  "in_person", PUBLISHED_START + dt.timedelta(days=1), None),
            Group("G4", "Digitaidot", "process", "digital", "all", "fi", 2, 3, 10, "049",
                  "remote", PUBLISHED_START, 6),
        ),
        clients=tuple(
            Client(f"C{i:02d}", "049" if i % 2 else "710", ("fi", "sv"), (), (0, 1, 2, 3, 4),
                   "transit", 240, False, "S3", max_groups=2 if i <= 2 else 1,
                   remote=11 <= i <= 13)
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
            *((code, "G3") for code in ("C09", "C10", "C40")),
            *((f"C{i:02d}", "G4") for i in (11, 12, 13)),
        ),
        remote=tuple((f"C{i:02d}", "G4") for i in (11, 12, 13)),
    )


def replan() -> Plan:
    """The re-plan: G4 no longer runs, C14 joins G2, C03 is moved to G2 by the solver and
    C16 takes C03's place in G1."""
    plan = toy_plan()
    return replace(
        plan,
        placements=plan.placements[:3],
        participants=(
            *(p for p in plan.participants if p[1] != "G4" and p[0] != "C03"),
            ("C14", "G2"),
            ("C03", "G2"),
            ("C16", "G1"),
        ),
        remote=(),
    )


def clashing_toy(g2_start: dt.date | None = None) -> tuple[Season, Plan]:
    """The published toy with G2 moved to Wednesday 11:00-14:00 beside G1 (Wednesday
    10:00-13:00, V1 now has two rooms) and led by S3 and P1: a client with max_groups 2 in
    G1 (C01, C02) could be placed in both. `g2_start` re-dates G2's term."""
    season = toy_season("published")
    venues = tuple(replace(v, rooms=2) if v.venue_id == "V1" else v for v in season.venues)
    groups = tuple(
        replace(g, start_date=g2_start) if g.group_id == "G2" and g2_start else g
        for g in season.groups
    )
    plan = toy_plan()
    placements = tuple(
        Placement("G2", 2, 11 * 60, 14 * 60, "V1", ("S3", "P1")) if p.group_id == "G2" else p
        for p in plan.placements
    )
    season = replace(season, venues=venues, groups=groups)
    return season, replace(plan, placements=placements)


STRANDED_CLIENTS = {"C01": {"days": (2, 3, 4)}, "C31": {"days": (2,)}}
"""`stranding_toy`: C01 (in G1, Wednesdays) cannot come on Tuesdays; C31 only on Wednesdays."""


def stranding_toy() -> tuple[Season, Plan]:
    """The published toy with C01 and C31 less free (`STRANDED_CLIENTS`), and a re-plan of
    `toy_plan()` moving G1 from Wednesday to Tuesday 10-13 with S3 beside S1: C01, enrolled
    in G1, could no longer attend; the re-plan places C20 in G1 instead of C01 (the
    validator would refuse C01 there)."""
    base = toy_season("published")
    clients = tuple(replace(c, **STRANDED_CLIENTS.get(c.client_code, {})) for c in base.clients)
    plan = toy_plan()
    g1 = Placement("G1", 1, 10 * 60, 13 * 60, "V1", ("S1", "S3"))
    moved = replace(
        plan,
        placements=(g1, *plan.placements[1:]),
        participants=(*(p for p in plan.participants if p != ("C01", "G1")), ("C20", "G1")),
    )
    return replace(base, clients=clients), moved


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


# --- routing ---

OPEN = (0, 10_000)


def line_instance(
    xs: list[float], demands: list[int], capacity: int, vehicles: int = 3, **kw
) -> VrpInstance:
    """Depot at x=0, one client per x in `xs`; distances in tenths."""
    from planner.routing.vrptw import VrpInstance, euclidean_matrix

    coords = [(0.0, 0.0), *((x, 0.0) for x in xs)]
    n = len(coords)
    return VrpInstance(
        duration=euclidean_matrix(coords),
        demands=(0, *demands),
        capacities=(capacity,) * vehicles,
        time_windows=kw.pop("time_windows", (OPEN,) * n),
        service_times=(0,) * n,
        **kw,
    )


def pickup_problems(plan: PickupPlan, requests: list[Request], max_ride: int, early: int):
    """Re-check a pick-up plan from its stops: seats, max ride, arrival windows, and every
    request served both ways exactly once or dropped with a reason. A leg's far end is the
    client's home, or the hub the plan's meeting points name for that leg."""
    problems: list[str] = []
    legs: dict[tuple[str, str], int] = {}
    met = {(m.client_code, m.group_id, m.leg): m.hub for m in plan.meeting_points}

    def far_end(r: Request, leg: str) -> str:
        group = r.group_id if leg == "to" else r.group_ids[-1]  # home after the last group
        return met.get((r.client_code, group, leg), r.home)

    for run in plan.runs:
        on_board: dict[str, tuple[int, str]] = {}
        for stop in run.stops:
            for code in stop.clients:
                if stop.kind == "pickup":
                    on_board[code] = (stop.time, stop.place)
                    continue
                start, origin = on_board.pop(code)
                if stop.time - start > max_ride:
                    problems.append(f"{code} rides {stop.time - start} min")
                mine = [r for r in requests if r.client_code == code]
                out = [
                    r
                    for r in mine
                    if (origin, stop.place) == (far_end(r, "to"), r.venue_id)
                    and r.start - early <= stop.time <= r.start
                ]
                back = [
                    r
                    for r in mine
                    if (origin, stop.place) == (r.venue_id, far_end(r, "from")) and start >= r.end
                ]
                # A client in two groups at one venue: the return belongs to the later one.
                for r in out[:1] + sorted(back, key=lambda r: -r.end)[:1]:
                    legs[(code, r.group_id)] = legs.get((code, r.group_id), 0) + 1
            if len(on_board) > run.vehicle.seats:
                problems.append(f"{run.vehicle.vehicle_id} carries {len(on_board)}")
        if on_board:
            problems.append(f"{run.vehicle.vehicle_id} ends with {sorted(on_board)} on board")
    dropped = {(c, g): reason for c, g, reason in plan.dropped}
    for r in requests:
        key = (r.client_code, r.group_id)
        served = legs.get(key, 0)
        if key in dropped:
            if served or not dropped[key]:
                problems.append(f"{key} dropped but served {served} legs or without reason")
            if any((r.client_code, g) not in dropped for g in r.also):
                problems.append(f"{key} dropped but not the groups it stays on for")
        elif served != 2:
            problems.append(f"{key} served {served} legs instead of 2")
    return problems


def moved_in_time(season: Season, plan: Plan, minutes: int) -> tuple[str, Plan]:
    """The first group of `plan` that can start `minutes` later without breaking a rule (no
    pin, open venue, free leaders), and the plan with it moved: a valid plan change."""
    from planner.plan_check import plan_problems

    for old in plan.placements:
        later = replace(old, start=old.start + minutes, end=old.end + minutes)
        changed = replace(plan, placements=tuple(later if p is old else p for p in plan.placements))
        if not plan_problems(season, changed):
            return old.group_id, changed
    raise AssertionError(f"no group of the plan can start {minutes} min later")


def who_can_join(
    season: Season, plan: Plan, groups: Iterable[str], among: Iterable[str] | None = None
) -> tuple[str, str]:
    """The first (group, client) of `groups` and `among` (default: everyone) where the client
    is in fewer groups of `plan` than they may be, not in this one, and the finder offers it to
    them: someone who can attend it."""
    from planner.finder import find_groups, profile_from_client

    first_day = min(g.start_date for g in season.groups)
    wanted = list(groups)
    codes = list(among) if among is not None else [c.client_code for c in season.clients]
    joined: dict[str, int] = {}
    for code, _ in dict.fromkeys(plan.participants):
        joined[code] = joined.get(code, 0) + 1
    for code in codes:
        if joined.get(code, 0) >= season.client[code].max_groups:
            continue
        profile = profile_from_client(season.client[code])
        found = find_groups(season, plan, profile, taken={}, today=first_day)  # their groups
        offered = {m.group_id for m in found}
        for group_id in wanted:
            if group_id in offered and code not in plan.members.get(group_id, ()):
                return group_id, code
    raise AssertionError(f"nobody can join any of {wanted}")


def leave_groups_at_the_same_hour(url: str, group_id: str, client_code: str) -> list[str]:
    """Cancel the client's live places in groups meeting at the same hour as `group_id`, so
    that they can join it (a client is in one session at a time): the groups left."""
    from planner.store import Enrolments, Store
    from planner.terms import sessions_clash

    with Store.open(url) as store:
        season, plan = store.load_season(), store.load_plan()
        assert season is not None and plan is not None
        live = Enrolments(store)
        left = []
        here = plan.placement[group_id]
        for code, other in dict.fromkeys(plan.participants):
            clash = (
                code == client_code
                and other != group_id
                and other in plan.placement
                and sessions_clash(season.terms, here, plan.placement[other])
            )
            if clash and live.cancel(other, code, actor="test").ok:
                left.append(other)
        return left


def who_can_join_leaving_clashes(
    url: str, season: Season, plan: Plan, groups: Iterable[str]
) -> tuple[str, str]:
    """`who_can_join`, where the client may first leave a group at the same hour (the sample's
    clients with a second group to spare all have one): left in the live offering here."""
    from planner.finder import find_groups, profile_from_client

    try:
        return who_can_join(season, plan, groups)
    except AssertionError:
        pass
    first_day = min(g.start_date for g in season.groups)
    wanted = list(groups)
    joined: dict[str, int] = {}
    for code, _ in dict.fromkeys(plan.participants):
        joined[code] = joined.get(code, 0) + 1
    for client in season.clients:
        code = client.client_code
        if joined.get(code, 0) >= client.max_groups:
            continue
        found = find_groups(
            season,
            plan,
            profile_from_client(client),
            taken={},
            today=first_day,
            include_failed=True,
        )
        for m in found:
            if m.group_id in wanted and m.failed_rules in ([], ["clash"]) and not m.member:
                leave_groups_at_the_same_hour(url, m.group_id, code)
                return m.group_id, code
    raise AssertionError(f"nobody can join any of {wanted}")


def groups_with_a_seat(live: Any, plan: Plan, spare: int = 1) -> list[str]:
    """Open groups with at least `spare` free seats whose leaders may take one more participant
    (a group of one leader takes a fifth only with a second leader, l. 363-364)."""
    from planner import rules

    leaders = {p.group_id: len(p.leaders) for p in plan.placements}
    return [
        g
        for g, seats in sorted(live.seats().items())
        if seats.free >= spare and rules.leaders_needed(seats.taken + 1) <= leaders.get(g, 0)
    ]
