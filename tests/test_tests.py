"""Meta-tests: the tests say what must hold on any machine.

No test asserts that something took less than a number of seconds (those figures belong in
benchmarks/), and no browser test sleeps a fixed time instead of waiting for the page
(`page_ready.settled`).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
TIMERS = {"perf_counter", "time", "monotonic", "perf_counter_ns", "monotonic_ns", "time_ns"}
TIMED_NAME = re.compile(r"(elapsed|took|seconds|duration|latency|wall|_s|_ms)$", re.IGNORECASE)
UPPER = (ast.Lt, ast.LtE)
LOWER = (ast.Gt, ast.GtE)


def _name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
        return str(node.slice.value)
    return None


def _is_timer_call(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in TIMERS
        and _name(node.func.value) == "time"
    )


def _is_time_difference(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.BinOp)
        and isinstance(node.op, ast.Sub)
        and any(_is_timer_call(n) for n in ast.walk(node))
    )


def _is_number(node: ast.AST) -> bool:
    if isinstance(node, ast.UnaryOp):
        node = node.operand
    if isinstance(node, ast.BinOp):  # e.g. 5 * 60
        return _is_number(node.left) and _is_number(node.right)
    return isinstance(node, ast.Constant) and type(node.value) in (int, float)


def wall_clock_asserts(source: str) -> list[int]:
    """Lines of asserts that bound a measured time from above by a number."""
    tree = ast.parse(source)
    timed = {
        target.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and _is_time_difference(node.value)
        for target in node.targets
        if isinstance(target, ast.Name)
    }

    def is_timed(node: ast.AST) -> bool:
        if _is_time_difference(node):
            return True
        name = _name(node)
        return name is not None and (name in timed or bool(TIMED_NAME.search(name)))

    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Assert):
            continue
        for cmp in ast.walk(node.test):
            if not isinstance(cmp, ast.Compare):
                continue
            operands = [cmp.left, *cmp.comparators]
            for op, left, right in zip(cmp.ops, operands[:-1], operands[1:], strict=True):
                if (isinstance(op, UPPER) and is_timed(left) and _is_number(right)) or (
                    isinstance(op, LOWER) and _is_number(left) and is_timed(right)
                ):
                    lines.append(node.lineno)
    return sorted(set(lines))


def fixed_waits(source: str) -> list[int]:
    """Lines that call `page.wait_for_timeout(...)` (or any `.wait_for_timeout`)."""
    return sorted(
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "wait_for_timeout"
    )


def test_files() -> list[Path]:
    return sorted(p for p in TESTS.rglob("*.py") if p.name != Path(__file__).name)


test_files.__test__ = False  # a helper, not a test


@pytest.mark.parametrize(
    "source",
    [
        "t0 = time.perf_counter()\nrun()\nassert time.perf_counter() - t0 < 5",
        "t0 = time.monotonic()\nelapsed = time.monotonic() - t0\nassert (elapsed) < 5.0, elapsed",
        "began = time.time()\ntook = time.time() - began\nassert (took) <= 10",
        "assert result.wall_s < 30",
        "assert 2 * 60 > stats['build_s']",
        "assert (seconds) < 1 and ok",
    ],
)
def test_the_scan_finds_an_assert_on_wall_clock_time(source: str) -> None:
    assert wall_clock_asserts(source) != []


@pytest.mark.parametrize(
    "source",
    [
        "assert 0 < result.first_feasible_s <= result.wall_s",
        "assert result.wall_s >= 0",
        "assert summary['params'] == {'time_limit_s': 10.0}",
        "deadline = time.monotonic() + 30\nassert time.monotonic() < deadline, 'not started'",
        "assert len(rows) < 5",
    ],
)
def test_the_scan_lets_pass_what_holds_on_any_machine(source: str) -> None:
    assert wall_clock_asserts(source) == []


def test_the_scan_finds_fixed_waits() -> None:
    assert fixed_waits("page.goto(url)\npage.wait_for_timeout(1_000)\n") == [2]
    assert fixed_waits("settled(page)\n") == []


def test_no_test_asserts_a_wall_clock_time() -> None:
    files = test_files()
    assert len(files) > 40  # the scan sees the whole suite
    found = {
        str(p.relative_to(TESTS)): lines
        for p in files
        if (lines := wall_clock_asserts(p.read_text(encoding="utf-8")))
    }
    assert found == {}, "measure times in benchmarks/, assert what holds on any machine"


def test_no_browser_test_waits_a_fixed_time() -> None:
    found = {
        str(p.relative_to(TESTS)): lines
        for p in test_files()
        if (lines := fixed_waits(p.read_text(encoding="utf-8")))
    }
    assert found == {}, "wait for the page with page_ready.settled(page)"
