"""A `Season` checks its own invariants, so one built in code cannot crash the planner.

The importer reports the same mistakes with file, row and column (tests/test_io.py); these
tests build seasons in code, the way a script, a test or a later stage would.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from toys import client, group, partner, staff, toy_season, venue

from planner.io import read_season
from planner.model import Interval, SeasonError, season_problems


def test_the_toy_and_the_sample_seasons_keep_every_invariant(sample_dir):
    report = read_season(sample_dir)
    assert report.ok
    assert season_problems(toy_season()) == []
    assert season_problems(report.season) == []


BROKEN = {
    "a venue in an unknown municipality": (
        lambda s: replace(s, venues=(*s.venues, replace(venue("VX"), municipality="999"))),
        "venues VX: municipality '999' is not in municipalities",
    ),
    "a staff member based at an unknown venue": (
        lambda s: replace(s, staff=(*s.staff, staff("SX", base="NOPE"))),
        "staff SX: base_venue 'NOPE' is not in venues",
    ),
    "a partner working in an unknown municipality": (
        lambda s: replace(s, partners=(*s.partners, partner("PX", municipalities=("999",)))),
        "partners PX: municipality '999' is not in municipalities",
    ),
    "a group pinned to an unknown venue": (
        lambda s: replace(s, groups=(*s.groups, group("GX", venue_id="NOPE"))),
        "groups GX: venue_id 'NOPE' is not in venues",
    ),
    "a group pinned to an unknown leader": (
        lambda s: replace(s, groups=(*s.groups, group("GX", leaders=("NOBODY",)))),
        "groups GX: leader 'NOBODY' is not in staff or partners",
    ),
    "a group pinned to Saturday": (
        lambda s: replace(s, groups=(*s.groups, group("GX", weekday=5))),
        "groups GX: weekday 5 is not 0-4 (Mon-Fri)",
    ),
    "a group of an unknown kind": (
        lambda s: replace(s, groups=(*s.groups, group("GX", kind="therapy"))),
        "groups GX: kind 'therapy' is not one of process, targeted, theme, peer, popup",
    ),
    "a group whose minimum is above its maximum": (
        lambda s: replace(s, groups=(*s.groups, group("GX", min_size=6, max_size=5))),
        "groups GX: sizes 6-5 are not 0 <= min <= max",
    ),
    "a group of no hours": (
        lambda s: replace(s, groups=(*s.groups, group("GX", hours=0.0))),
        "groups GX: hours 0.0 is not within a day",
    ),
    "a group of zero weeks": (
        lambda s: replace(s, groups=(*s.groups, group("GX", weeks=0))),
        "groups GX: weeks 0 is under 1",
    ),
    "a client travelling by bicycle": (
        lambda s: replace(s, clients=(*s.clients, client("CX", travel="bike"))),
        "clients CX: travel 'bike' is not one of car, transit, ride",
    ),
    "a client in an unknown municipality": (
        lambda s: replace(s, clients=(*s.clients, client("CX", municipality="999"))),
        "clients CX: municipality '999' is not in municipalities",
    ),
    "a client listed twice": (
        lambda s: replace(s, clients=(*s.clients, s.clients[0])),
        f"clients {toy_season().clients[0].client_code}: the id is used twice",
    ),
    "a staff member and a partner with one id": (
        lambda s: replace(s, partners=(*s.partners, partner(s.staff[0].staff_id))),
        f"staff/partners {toy_season().staff[0].staff_id}: the id is used twice",
    ),
    "a venue open past midnight": (
        lambda s: replace(
            s, venues=(*s.venues, venue("VX", open=(Interval(0, 20 * 60, 25 * 60),)))
        ),
        "venues VX: opening 20:00-25:00 is not within a day",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_season_built_in_code_refuses_a_broken_invariant_by_name(case: str):
    change, problem = BROKEN[case]
    with pytest.raises(SeasonError) as raised:
        change(toy_season())
    assert raised.value.problems == [problem]
    assert problem in str(raised.value)


def test_handbook_rules_are_not_invariants_the_solver_explains_them():
    """A 5-hour group or one of 11 is a season the solver answers with a reason."""
    s = toy_season()
    s2 = replace(s, groups=(*s.groups, group("G9", hours=5.0, min_size=11, max_size=12)))
    assert season_problems(s2) == []


def test_a_counsellor_away_and_wishes_outside_the_season_are_allowed():
    s = toy_season()
    away = replace(s, clients=(client("CX", counsellor="GONE", wishes=("G-OLD",)),))
    assert season_problems(away) == []


def test_many_problems_are_listed_and_the_message_stays_one_line():
    s = toy_season()
    clients = tuple(client(f"CX{i}", travel="bike") for i in range(5))
    with pytest.raises(SeasonError) as raised:
        replace(s, clients=clients)
    assert len(raised.value.problems) == 5
    assert "(and 2 more)" in str(raised.value) and "\n" not in str(raised.value)
