"""Small seasons for the solver tests, built directly from planner.model types.

`toy_season()` is a documented baseline of three groups that all can run; tests derive the
"forced to break a rule" variants from it with `dataclasses.replace`. `random_season()` makes
a realistic-looking season of any size for property tests and the fallback benchmark.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

from planner.model import (
    Client,
    Group,
    Interval,
    Municipality,
    Partner,
    Season,
    Staff,
    Venue,
)

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


def toy_season() -> Season:
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
