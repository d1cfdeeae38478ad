"""The soft rules beyond clients and travel: groups spread over the week (per municipality and
per staff member) and leaders whose skills match the theme (l. 375).

Each solver case is a small season solved for real and checked by the independent validator;
the catalogue test keeps the objective's terms and `rules.SOFT_RULES` in step.
"""

from __future__ import annotations

import pytest
from toys import client, group, season_of, staff, steady_params, venue

from planner import rules
from planner.model import Placement, Plan
from planner.plan_check import plan_problems
from planner.plan_figures import WeekShape, week_shape
from planner.solve import solve
from planner.solve.candidates import Candidates
from planner.solve.objective import COST_TIERS, SPREAD_MIN, TIER_NAMES, cost_objective
from planner.solve.warm_start import warm_start_plan

PARAMS = steady_params()


def _days(plan: Plan) -> list[int]:
    return sorted(p.weekday for p in plan.placements)


def _five_local_groups(**group_kw):
    """Five groups in Espoo that could all meet any weekday at V1 (five rooms), five staff."""
    return season_of(
        venues=[venue("V1", rooms=5)],
        staff_=[staff(f"S{i}") for i in range(1, 6)],
        groups=[group(f"G{i}", **group_kw) for i in range(1, 6)],
        clients=[client(f"C{i:02d}") for i in range(1, 26)],
    )


def test_a_municipality_s_groups_spread_over_the_week() -> None:
    season = _five_local_groups()
    plan = solve(season, PARAMS).plan
    assert plan_problems(season, plan) == []
    assert len(plan.placements) == 5
    # Five groups, five weekdays: nothing forces two onto one day, so none share one.
    assert _days(plan) == [0, 1, 2, 3, 4]
    assert week_shape(season, plan).spread == 1.0


def test_the_first_fit_plan_spreads_too() -> None:
    season = _five_local_groups()
    plan = warm_start_plan(season, Candidates(season, PARAMS))
    assert plan_problems(season, plan) == []
    assert _days(plan) == [0, 1, 2, 3, 4]


def test_spread_never_costs_a_client() -> None:
    # Every client can come only on Monday: the groups pile up there rather than lose anyone.
    season = _five_local_groups()
    season = season_of(
        venues=season.venues,
        staff_=season.staff,
        groups=season.groups,
        clients=[client(f"C{i:02d}", days=(0,)) for i in range(1, 26)],
    )
    plan = solve(season, PARAMS).plan
    assert plan_problems(season, plan) == []
    assert _days(plan) == [0] * 5
    assert len(plan.participants) == 25


def test_a_staff_member_s_groups_spread_over_their_days() -> None:
    # One leader, two small groups in two municipalities (each its own share), and clients who
    # come Monday or Tuesday: leading both on one day is allowed but spread is better.
    season = season_of(
        venues=[venue("V1"), venue("V2", muni="235")],
        staff_=[staff("S1", days=(0, 1))],
        groups=[group("G1", max_size=4), group("G2", municipality="235", max_size=4)],
        clients=[client(f"C{i}", days=(0, 1)) for i in range(1, 9)],
    )
    plan = solve(season, PARAMS).plan
    assert plan_problems(season, plan) == []
    assert _days(plan) == [0, 1]


@pytest.mark.parametrize(("base_muni", "skilled_leads"), [("235", True), ("078", False)])
def test_a_leader_whose_skills_match_the_theme_is_preferred(base_muni, skilled_leads) -> None:
    # S1's base is the venue itself (no travel); S2 knows nature work and drives from
    # Kauniainen (a short drive: skills win) or from Hanko (hours: skills weigh SKILLS_MIN
    # minutes, not a day on the road).
    season = season_of(
        venues=[venue("V1"), venue("V9", muni=base_muni)],
        staff_=[staff("S1", base="V1"), staff("S2", base="V9", skills=("nature",))],
        groups=[group("G1", max_size=4)],
        clients=[client(f"C{i}") for i in range(1, 5)],
    )
    plan = solve(season, PARAMS).plan
    assert plan_problems(season, plan) == []
    assert ("S2" in plan.placement["G1"].leaders) == skilled_leads
    shape = week_shape(season, plan)
    assert (shape.skilled, shape.skill_possible) == (int(skilled_leads), 1)


def test_a_skilled_leader_is_kept_among_the_candidates() -> None:
    # Six nearer staff without the skill and only four candidates: the seventh, with it, stays.
    near = [staff(f"S{i:02d}", base="V1") for i in range(1, 7)]
    skilled = staff("S99", base="V9", skills=("Nature",))
    season = season_of(
        venues=[venue("V1"), venue("V9", muni="235")],
        staff_=[*near, skilled],
        groups=[group("G1")],
        clients=[client(f"C{i}") for i in range(1, 5)],
    )
    cands = Candidates(season, steady_params(max_leader_candidates=4))
    assert "S99" in cands["G1"].leaders
    assert len(cands["G1"].leaders) < len(season.staff)


def test_skills_match_compares_words_not_case() -> None:
    g = group("G1", theme="nature")
    assert rules.skills_match(g, staff("S1", skills=("Nature",)))
    assert not rules.skills_match(g, staff("S1", skills=("naturefoto",)))
    assert not rules.skills_match(group("G2", theme=""), staff("S1", skills=("",)))


def test_spread_weighs_above_a_short_drive() -> None:
    from ortools.sat.python import cp_model

    from planner.solve.variables import build_variables

    season = _five_local_groups()
    cands = Candidates(season, PARAMS)
    model = cp_model.CpModel()
    v = build_variables(model, season, PARAMS, cands)
    terms = {t.name: t for t in cost_objective(model, season, v).terms}
    travel = terms["staff_travel"]
    spread = terms["weekday_spread"]
    # Priced in the staff-travel tier's units: one group too many on a day weighs SPREAD_MIN.
    assert {c for c, _ in spread.parts} >= {-(-SPREAD_MIN // travel.unit)}
    assert spread.tier == travel.tier == 3


def test_every_objective_term_is_a_soft_rule_of_the_catalogue() -> None:
    from ortools.sat.python import cp_model

    from planner.solve.objective import coverage_objective
    from planner.solve.variables import build_variables

    season = _five_local_groups()
    model = cp_model.CpModel()
    v = build_variables(model, season, PARAMS, Candidates(season, PARAMS))
    names = {t.name for t in coverage_objective(model, season, v).terms}
    names |= {t.name for t in cost_objective(model, season, v).terms}
    assert names <= set(rules.SOFT_RULES)
    for rule in rules.SOFT_RULES.values():
        assert all(rule.name(lang) for lang in rules.LANGS)
        assert rule.source("fi") and rule.source("sv")
    assert rules.SOFT_RULES["leader_skills"].lines == "375"
    assert set(COST_TIERS) <= set(TIER_NAMES)


@pytest.mark.parametrize(
    ("days", "spread"), [((0, 1, 2, 3, 4), 1.0), ((0, 0, 1, 2, 3), float("inf"))]
)
def test_week_shape_counts_groups_per_weekday(days, spread) -> None:
    season = _five_local_groups()
    plan = Plan(
        tuple(Placement(f"G{i + 1}", d, 600, 720, "V1", ("S1",)) for i, d in enumerate(days)),
        (("C01", "G1"), ("C02", "G1")),
        remote=(("C02", "G1"),),
    )
    shape = week_shape(season, plan)
    assert sum(shape.per_weekday) == len(days)
    assert shape.spread == spread
    assert (shape.remote, shape.participants, shape.remote_share) == (1, 2, 0.5)
    assert week_shape(season, Plan((), ())).spread is None
    assert WeekShape((2, 1, 1, 1, 1), 0, 0, 0, 0).spread == 2.0


def test_the_objective_prices_a_crowded_day_and_a_leader_s_second_group() -> None:
    from ortools.sat.python import cp_model

    from planner.solve.objective import plan_objective
    from planner.solve.variables import build_variables
    from planner.solve.warm_start import plan_values

    season = _five_local_groups()
    model = cp_model.CpModel()
    v = build_variables(model, season, PARAMS, Candidates(season, PARAMS))
    cost = cost_objective(model, season, v)

    def spread_of(days: list[int], leaders: list[str]) -> int:
        plan = Plan(
            tuple(
                Placement(f"G{i}", d, 600 if i % 2 else 780, 720 if i % 2 else 900, "V1", (p,))
                for i, (d, p) in enumerate(zip(days, leaders, strict=True), start=1)
            ),
            (),
        )
        return plan_objective(cost, plan_values(v, plan))[1]["weekday_spread"]

    apart = spread_of([0, 1, 2, 3, 4], ["S1", "S2", "S3", "S4", "S5"])
    crowded = spread_of([0, 0, 1, 2, 3], ["S1", "S2", "S3", "S4", "S5"])
    one_leader = spread_of([0, 0, 1, 2, 3], ["S1", "S1", "S3", "S4", "S5"])
    assert apart == 0 < crowded < one_leader


@pytest.mark.parametrize(
    ("lang", "days", "skills"),
    [
        ("fi", "ma 1 · ti 1 · ke 1 · to 1 · pe 1", "1/5 ryhmällä"),
        ("sv", "mån 1 · tis 1 · ons 1 · tors 1 · fre 1", "1 av 5 grupper"),
        ("en", "Mon 1 · Tue 1 · Wed 1 · Thu 1 · Fri 1", "1 of 5 groups"),
    ],
)
def test_the_plan_page_words_the_week_and_the_aims(lang, days, skills) -> None:
    from planner.ui.summary import soft_rule_lines, week_words

    season = _five_local_groups()
    skilled = staff("S1", skills=("nature",))
    season = season_of(
        venues=season.venues,
        staff_=[skilled, *season.staff[1:]],
        groups=season.groups,
        clients=season.clients,
    )
    plan = Plan(
        tuple(Placement(f"G{d + 1}", d, 600, 720, "V1", (f"S{d + 1}",)) for d in range(5)),
        (("C01", "G1"), ("C02", "G1")),
        remote=(("C02", "G1"),),
    )
    lines = week_words(season, plan, lang)
    assert days in lines[0]
    assert skills in lines[1]
    assert "1" in lines[2] and "2" in lines[2]
    aims = soft_rule_lines(lang)
    assert len(aims) == len(rules.SOFT_RULES)
    assert "375" in aims[list(rules.SOFT_RULES).index("leader_skills")]
    assert "C01" not in " ".join(lines + aims)
