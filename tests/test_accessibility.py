"""WCAG 2.1 AA in the real app: axe-core (the npm package, installed by ./dev.sh test) on every
page in Finnish, Swedish and English finds no serious or critical violation, and Find a group
with its enrolment works with the keyboard alone. Public-sector services in Finland must meet
WCAG 2.1 AA (the Act on the Provision of Digital Services, 306/2019).

`pytest -m accessibility` runs these alone.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from appserver import CHROMIUM_ARGS, AppDidNotStart, running_app
from page_ready import SETTLE_MS, drawn, settled
from test_find_page import enrollable  # pytest puts tests/ on the path

from planner.i18n import LANGUAGES, t
from planner.store import Enrolments, Store
from planner.ui import common

pytestmark = [pytest.mark.browser, pytest.mark.accessibility]

REPO = Path(__file__).resolve().parents[1]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = ("serious", "critical")

RUN_AXE = """async (tags) => {
    const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
    return result.violations.map(v => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')),
    }));
}"""


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        message = f"{AXE} is missing: ./dev.sh test installs it (npm ci)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def live_db(published_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("a11y") / "planner.sqlite3"
    shutil.copy(published_db, path)
    return path


@pytest.fixture(scope="module")
def browser_page(live_db: Path, tmp_path_factory) -> Iterator[tuple[object, str]]:
    from appserver import CHROMIUM
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{CHROMIUM} is required under CI=true (apt-get install chromium)")
        pytest.skip(f"{CHROMIUM} is not installed")
    chromium = CHROMIUM
    log = tmp_path_factory.mktemp("a11y_log") / "streamlit.log"
    try:
        running = running_app(f"sqlite:///{live_db}", log, cwd=REPO)  # the repo's theme
        with running as url, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
            try:
                yield browser.new_page(viewport={"width": 1280, "height": 900}), url
            finally:
                browser.close()
    except AppDidNotStart as exc:
        pytest.fail(str(exc))


def violations(page, axe_source: str) -> list[dict]:
    page.add_script_tag(content=axe_source)
    found = page.evaluate(RUN_AXE, WCAG_21_AA)
    return [v for v in found if v["impact"] in BLOCKING]


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_every_page_has_no_serious_or_critical_wcag_violation(
    browser_page, axe_source, lang
) -> None:
    page, url = browser_page
    found = {}
    for name in common.PAGE_FILES:
        page.goto(f"{url}/{'' if name == 'overview' else name}?lang={lang}")
        drawn(page)
        page.wait_for_function(f"() => document.documentElement.lang === {lang!r}")
        problems = violations(page, axe_source)
        if problems:
            found[name] = problems
    assert not found, found


def focus_by_tab(page, matches: str, limit: int = 120) -> None:
    """Press Tab until the focused element satisfies the JavaScript predicate `matches`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(
            f"() => {{ const e = document.activeElement; return !!e && ({matches}); }}"
        ):
            return
    raise AssertionError(f"Tab never reached an element where {matches}")


def test_find_a_group_and_enrol_with_the_keyboard_alone(browser_page, live_db) -> None:
    page, url = browser_page
    db_url = f"sqlite:///{live_db}"
    with Store.open(db_url) as store:
        season = store.load_season()
    code, match = enrollable(db_url, season, full=False)

    page.goto(f"{url}/find?lang=en")
    settled(page)
    label = t("find.client", "en")
    focus_by_tab(
        page,
        f"e.getAttribute('aria-label') === {label!r} || "
        f"(e.labels && [...e.labels].some(l => l.textContent.includes({label!r})))",
    )
    # The focus stays on the field (a help tooltip's button beside it took it back as its
    # tooltip closed, and the typing went nowhere).
    assert page.evaluate("() => document.activeElement.tagName") == "INPUT"
    page.keyboard.type(code)
    page.get_by_role("option", name=code, exact=True).wait_for(state="attached", timeout=SETTLE_MS)
    page.keyboard.press("Enter")
    settled(page)
    enrol = t("find.enrol", "en")
    card = match.group_id
    focus_by_tab(
        page,
        f"e.tagName === 'BUTTON' && e.textContent.trim().endsWith({enrol!r}) && "
        f"!!e.closest('[class*=\"st-key-find_enrol_{card}\"]')",
    )
    page.keyboard.press("Enter")
    settled(page)
    with Store.open(db_url) as store:
        assert code in Enrolments(store).participants(card)
