"""The rules catalogue (`planner.rules`) and the places that state its rules agree.

Every rule of the catalogue has a CP-SAT rule (unless it holds by the model's construction),
a validator check, and a test that proves each binds; no rule name or handbook line is typed
anywhere else.
"""

from __future__ import annotations

import ast
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest
import test_plan_check
import test_rules_hard

from planner import rules
from planner.plan_check import PLAN_RULES
from planner.solve.rules_hard import HARD_RULES

PLANNER = Path(__file__).resolve().parents[1] / "planner"


def test_the_model_states_exactly_the_catalogue_rules_it_does_not_hold_by_construction():
    assert list(HARD_RULES) == list(rules.MODEL_RULES)


def test_the_validator_checks_every_catalogue_rule_in_catalogue_order():
    assert list(PLAN_RULES) == list(rules.RULES)


def test_the_model_and_the_validator_cover_the_same_model_rules():
    assert set(HARD_RULES) == {k for k in PLAN_RULES if rules.RULES[k].model}


def test_every_model_rule_has_a_scenario_that_proves_the_constraint_binds():
    assert set(test_rules_hard.SCENARIOS) == set(rules.MODEL_RULES)


def test_every_catalogue_rule_has_a_validator_test_that_proves_the_check_binds():
    assert set(test_plan_check.RULE_TESTS.values()) == set(rules.RULES)


@pytest.mark.parametrize("key", list(rules.RULES))
@pytest.mark.parametrize("lang", rules.LANGS)
def test_every_rule_has_a_name_and_a_source_in_every_language(key: str, lang: str):
    rule = rules.RULES[key]
    assert rule.name(lang).strip() and rule.source(lang).strip()
    assert (rule.lines is None) != (rule.basis is None), "a handbook line or another basis"
    assert rule.label(lang) == f"{rule.name(lang)} ({rule.source(lang)})"


def test_handbook_lines_read_in_each_language():
    two = rules.RULES["two_leaders"]
    assert two.source("en") == "handbook l. 363-364"
    assert two.source("fi") == "käsikirja r. 363-364"
    assert two.source("sv") == "handboken r. 363-364"


def test_names_differ_between_languages_where_the_words_differ():
    for rule in rules.RULES.values():
        assert len({rule.name("fi"), rule.name("sv"), rule.name("en")}) == 3, rule.key


def test_a_rule_inside_a_sentence_starts_in_lower_case_and_can_say_it_binds_with_the_plan():
    assert rules.rule_phrase("size", "sv") == (
        "gruppstorlek 3–10 personer, inom gruppens egna gränser (handboken r. 362)"
    )
    assert rules.rule_phrase("person_overlap", "fi", with_plan=True).endswith(
        "(muun suunnitelman kanssa)"
    )
    assert rules.rule_phrase("no_such_rule") == "no_such_rule"


def test_the_catalogue_loads_no_solver():
    code = (
        "import sys, planner.rules, planner.plan_check;"
        "sys.exit(any(m.startswith('ortools') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


# --- The predicates ---


def test_leader_team_problems_name_the_rule_by_its_catalogue_source():
    assert rules.leader_team_problem(5, [(True, True)]) == (
        f"5 participants need two leaders ({rules.RULES['two_leaders'].source()})"
    )
    assert rules.leader_team_problem(3, [(False, True)]) == (
        f"no qualified staff leader ({rules.RULES['qualified_leader'].source()})"
    )
    assert rules.leader_team_problem(4, [(True, True)]) is None
    assert rules.leader_team_problem(6, [(True, True), (False, False)]) is None
    assert rules.leader_team_problem(3, []) == "no leader"
    assert rules.leader_team_problem(3, [(True, True)] * 3) == "3 leaders, at most 2"


@pytest.mark.parametrize(("n", "need"), [(3, 1), (4, 1), (5, 2), (10, 2)])
def test_two_leaders_from_five_participants(n: int, need: int):
    assert rules.leaders_needed(n) == need


def test_speaking_and_audience_are_plain_membership():
    assert rules.speaks("sv", ("fi", "sv")) and not rules.speaks("sv", ("fi",))


# --- No rule typed twice ---

_RULE_NAMES_EN = {r.name("en") for r in rules.RULES.values()}
_LINE_MENTION = re.compile(r"(?:handbook|käsikirja|handboken),? [lr]\. ?\d")


def _string_constants(path: Path) -> list[tuple[int, str]]:
    """String literals outside docstrings, with their line numbers."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
        ):
            found.append((node.lineno, node.value))
    return found


def _modules() -> list[Path]:
    return [p for p in sorted(PLANNER.rglob("*.py")) if p.name != "rules.py"]


def test_no_rule_name_is_typed_outside_the_catalogue():
    typed = [
        f"{path.relative_to(PLANNER)}:{line}: {text!r}"
        for path in _modules()
        for line, text in _string_constants(path)
        if text in _RULE_NAMES_EN
    ]
    assert typed == []


def test_no_handbook_line_is_typed_into_a_text_outside_the_catalogue():
    """Texts that cite a rule's line format it from the catalogue (`Rule.source`)."""
    typed = [
        f"{path.relative_to(PLANNER)}:{line}: {text!r}"
        for path in _modules()
        for line, text in _string_constants(path)
        if _LINE_MENTION.search(text)
    ]
    assert typed == []


def test_rule_keys_in_the_validator_and_model_are_catalogue_keys():
    """Every `PlanProblem("key", ...)` and `v.guard("key")` names a catalogue rule."""
    pattern = re.compile(r'(?:PlanProblem\(\s*|guard\()"(\w+)"')
    for name in ("plan_check.py", "solve/rules_hard.py"):
        keys = set(pattern.findall((PLANNER / name).read_text(encoding="utf-8")))
        assert keys and keys <= set(rules.RULES), (name, keys - set(rules.RULES))


def test_rule_placeholders_are_not_left_in_names():
    for rule in rules.RULES.values():
        for lang in rules.LANGS:
            fields = [f for _, f, _, _ in string.Formatter().parse(rule.name(lang)) if f]
            assert fields == [], (rule.key, lang)


def test_every_finder_filter_applies_a_catalogue_rule():
    from planner.finder.filters import HARD_FILTERS, RULE_OF_FILTER

    assert set(RULE_OF_FILTER) == set(HARD_FILTERS)
    assert set(RULE_OF_FILTER.values()) <= set(rules.RULES)


def test_a_solver_reason_names_its_rules_in_the_reason_language():
    from planner.solve.reason import Reason

    reason = Reason("G1", "blocked", {"rules": ["size", "person_overlap@plan"]}, ("size",))
    fi = reason.text("fi")
    assert rules.rule_phrase("size", "fi") in fi
    assert rules.rule_phrase("person_overlap", "fi", with_plan=True) in fi
    assert rules.rule_phrase("size", "sv") in reason.text("sv")
    assert "Group size" not in fi and "Group size" not in reason.text("sv")


def test_only_pop_up_groups_are_drop_in_and_they_have_no_minimum() -> None:
    from toys import group

    popup = group("G1", kind="popup", min_size=4, max_size=8, drop_in=True)
    enrolled_popup, theme = group("G2", kind="popup", min_size=4), group("G3", min_size=4)
    assert rules.is_drop_in(popup)
    assert not rules.is_drop_in(enrolled_popup) and not rules.is_drop_in(theme)
    assert rules.size_limits(popup) == (0, 8)
    assert rules.size_limits(enrolled_popup) == rules.size_limits(theme) == (4, 10)
