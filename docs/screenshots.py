"""Take the README tour's screenshots: the real app on the sample season in headless Chromium.

    .venv/bin/python docs/screenshots.py                   # all pages, English, into docs/
    .venv/bin/python docs/screenshots.py --pages dashboard --lang sv

Plans the bundled sample season with the solver (`--seconds`), saves and publishes the plan in
a throw-away SQLite store, starts the app on a loopback port and photographs each page with
Debian's chromium through Playwright. Re-run it after a change to the pages.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # the app harness

from appserver import CHROMIUM, CHROMIUM_ARGS, running_app

from planner.cli.demo import prepare_published_demo
from planner.i18n import LANGUAGES, t

DOCS = Path(__file__).resolve().parent
WIDTH = 1440
PAGES = (
    "overview",
    "import",
    "plan",
    "dashboard",
    "find",
    "calendar",
    "map",
    "figures",
    "groups",
    "audit",
)
"""url paths of the app's pages (see app.py); the overview is the app's home."""
FIND_CLIENT = "P-01"


def planned_store(folder: Path, seconds: float) -> str:
    """The store `planner demo` opens: the sample planned, saved and published."""
    return prepare_published_demo(f"sqlite:///{folder / 'tour.sqlite3'}", time_limit_s=seconds).url


def settle(page) -> None:
    """Until the page shows its title and Streamlit has stopped running the script."""
    page.locator("h1").first.wait_for(timeout=60_000)
    page.wait_for_timeout(1_000)
    running = page.get_by_test_id("stStatusWidget")
    for _ in range(120):
        if running.count() == 0 or not running.first.is_visible():
            break
        page.wait_for_timeout(500)
    page.wait_for_timeout(4_000)  # charts, maps and data grids finish drawing


def photograph(url: str, pages: Sequence[str], lang: str, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    taken = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": WIDTH, "height": 1000})
            for name in pages:
                path = "" if name == "overview" else name
                page.goto(f"{url}/{path}?lang={lang}", wait_until="domcontentloaded")
                settle(page)
                if name == "find":  # a worker picks a client: the handbook's Elina in Hanko
                    page.get_by_test_id("stSelectbox").first.click()
                    page.keyboard.type(FIND_CLIENT)
                    page.keyboard.press("Enter")
                    settle(page)
                compute = page.get_by_role("button", name=t("routes.compute", lang))
                if name == "map" and compute.count():  # the work car's runs, once per plan
                    compute.click()
                    settle(page)
                height = page.get_by_test_id("stMain").evaluate("main => main.scrollHeight")
                page.set_viewport_size({"width": WIDTH, "height": min(max(height, 800), 4000)})
                page.wait_for_timeout(1_500)
                path = out / f"{name}-{lang}.png"
                page.screenshot(path=str(path), full_page=True)
                page.set_viewport_size({"width": WIDTH, "height": 1000})
                taken.append(path)
                print(f"{path.relative_to(out.parent) if out.parent in path.parents else path}")
        finally:
            browser.close()
    return taken


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", nargs="+", default=list(PAGES), choices=PAGES)
    parser.add_argument("--lang", default="en", choices=list(LANGUAGES))
    parser.add_argument("--seconds", type=float, default=30.0, help="solver time for the plan")
    parser.add_argument("--out", type=Path, default=DOCS / "screenshots")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        db_url = planned_store(Path(folder), args.seconds)
        with running_app(  # started in the repository: its .streamlit/config.toml (the theme)
            db_url,
            Path(folder) / "streamlit.log",
            cwd=DOCS.parent,
            env={"PLANNER_SINGLE_USER": "1"},
        ) as url:
            photograph(url, args.pages, args.lang, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
