"""Take the README tour's screenshots: the real app on the sample season in headless Chromium.

    .venv/bin/python docs/screenshots.py                   # every shot, English, into docs/
    .venv/bin/python docs/screenshots.py dashboard --lang sv
    .venv/bin/python docs/screenshots.py import-excel print-sheet   # only these shots

Plans the bundled sample season with the solver (`--seconds`), saves and publishes the plan in
a throw-away SQLite store, starts the app on a loopback port and photographs each page with
Debian's chromium through Playwright. Re-run it after a change to the pages (every shot takes
about six minutes; name the shots to retake only those, so the others' PNGs do not churn).

Besides a shot of each page (`PAGES`), the shots of the issue's other points (`EXTRAS`): the
sample saved from Excel as the import checks it, the pages at 400 groups (the sample at scale 8,
planned first-fit as tests/test_at_scale.py plans it, in a store and an app of their own), the
driver's run sheet as printed (the app's PDF download, its first page drawn by poppler's
`pdftoppm`) and Find a group used with the keyboard alone.
"""

from __future__ import annotations

import argparse
import csv
import shutil
import subprocess
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
WIDE = 1800
"""The import warnings' shot: wider, for more of the problem column's sentences."""
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
EXTRAS = ("import-excel", "scale-load", "scale-calendar", "print-sheet", "keyboard")
"""The shots beyond one a page, in the README tour's order (issue 18's points 4 to 7)."""
AT_SCALE = ("scale-load", "scale-calendar")
"""The extras taken on the season at scale."""
SHOTS = (*PAGES, *EXTRAS)
FIND_CLIENT = "P-01"
SAMPLE = DOCS.parent / "data"
SCALE = 8
"""The sample eight times over: 376 groups, 264 staff, 2646 clients."""
CODE_COLUMNS = {"postal_code", "code", "municipality"}
"""The columns of digits Excel makes numbers of when a person opens the CSV files and saves."""
PDF_DPI = 100
"""The printed sheet's first page at 100 dpi: an A4 page 827 pixels wide."""
SHOT_HEIGHT_PX = 1000
CALENDAR_WEEKS_ON = 3
"""The calendar at scale is photographed this many weeks after the season's first."""


def planned_store(folder: Path, seconds: float) -> str:
    """The store `planner demo` opens: the sample planned, saved and published."""
    return prepare_published_demo(f"sqlite:///{folder / 'tour.sqlite3'}", time_limit_s=seconds).url


def scaled_store(folder: Path) -> str:
    """The sample at `SCALE` in a store, its first-fit plan saved and published (half a minute;
    the solver would take minutes at this size)."""
    from planner.baseline import greedy_plan
    from planner.io import read_season
    from planner.sample import write_season
    from planner.store import Enrolments, Store

    write_season(folder / "scaled", scale=SCALE)
    report = read_season(folder / "scaled")
    if not report.ok:
        raise SystemExit(f"the season at scale {SCALE} does not read: {report.lines()[:3]}")
    url = f"sqlite:///{folder / 'scaled.sqlite3'}"
    with Store.open(url) as store:
        store.import_season(report.season, source=f"sample at scale {SCALE}", actor="tour")
        season = store.load_season()
        assert season is not None
        store.save_plan(greedy_plan(season), {"status": "FEASIBLE"}, actor="tour")
        Enrolments(store).publish(actor="tour")
    return url


def excel_workbook(path: Path) -> Path:
    """The bundled sample as one workbook saved from Excel: every code of digits a number, so
    02100 is 2100 and 049 is 49, as Excel keeps a column it was not told is text."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for file in sorted(SAMPLE.glob("*.csv")):
        sheet = book.create_sheet(file.stem)
        with open(file, encoding="utf-8", newline="") as f:
            header, *rows = csv.reader(f)
        sheet.append(header)
        for cells in rows:
            sheet.append(
                [
                    int(text) if column in CODE_COLUMNS and text.isdigit() else text
                    for column, text in zip(header, cells, strict=True)
                ]
            )
    book.save(path)
    return path


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


def open_page(page, url: str, name: str, lang: str) -> None:
    path = "" if name == "overview" else name
    page.goto(f"{url}/{path}?lang={lang}", wait_until="domcontentloaded")
    settle(page)


def whole_page(page, path: Path) -> Path:
    """The page from top to bottom (at most 4000 pixels drawn in one viewport)."""
    height = page.get_by_test_id("stMain").evaluate("main => main.scrollHeight")
    page.set_viewport_size({"width": WIDTH, "height": min(max(height, 800), 4000)})
    page.wait_for_timeout(1_500)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size({"width": WIDTH, "height": SHOT_HEIGHT_PX})
    return path


def pick_client(page) -> None:
    """A worker picks a client on Find a group: the handbook's Elina in Hanko."""
    page.get_by_test_id("stSelectbox").first.click()
    page.keyboard.type(FIND_CLIENT)
    page.keyboard.press("Enter")
    settle(page)


def compute_routes(page, lang: str) -> None:
    """The work car's runs, once per plan (kept in the store)."""
    compute = page.get_by_role("button", name=t("routes.compute", lang))
    if compute.count():
        compute.click()
        settle(page)


def page_shot(page, url: str, name: str, lang: str, out: Path) -> Path:
    open_page(page, url, name, lang)
    if name == "find":
        pick_client(page)
    if name == "map":
        compute_routes(page, lang)
    return whole_page(page, out / f"{name}-{lang}.png")


def import_excel_shot(page, url: str, lang: str, out: Path, folder: Path) -> Path:
    """The import page as it checks the sample saved from Excel: valid, with a warning for
    each column whose codes lost their leading zero. Nothing is imported."""
    book = excel_workbook(folder / "sample.xlsx")
    page.set_viewport_size({"width": WIDE, "height": SHOT_HEIGHT_PX})
    open_page(page, url, "import", lang)
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(book))
    page.get_by_text(t("import.valid", lang)).wait_for(timeout=120_000)
    settle(page)
    # the page down to the warnings table: the seasons below it are the import page's shot
    table = page.get_by_test_id("stDataFrame").first.bounding_box()
    height = page.get_by_test_id("stMain").evaluate("main => main.scrollHeight")
    page.set_viewport_size({"width": WIDE, "height": min(max(height, 800), 4000)})
    page.wait_for_timeout(1_500)
    path = out / f"import-excel-{lang}.png"
    clip = {"x": 0, "y": 0, "width": WIDE, "height": table["y"] + table["height"] + 48}
    page.screenshot(path=str(path), clip=clip)
    page.set_viewport_size({"width": WIDTH, "height": SHOT_HEIGHT_PX})
    return path


def longest_run(db_url: str) -> tuple[str, int]:
    """The vehicle and weekday of the work car's run with the most stops, as the routes page
    computed and stored them."""
    from planner.routing.stored_runs import pickups_from
    from planner.store import Store
    from planner.store.route_cache import RouteCache
    from planner.ui.map_page import pickup_seconds

    with Store.open(db_url) as store:
        about = store.plan_summary()
        assert about is not None
        pickups = pickups_from(RouteCache(store).get(about["id"], pickup_seconds()))
    if pickups is None or not pickups.runs:
        raise SystemExit("print-sheet: the routes page computed no run of the work car")
    run = max(pickups.runs, key=lambda r: len(r.stops))
    return run.vehicle.vehicle_id, run.weekday


def choose(page, key: str, option: str) -> None:
    """Pick an option of the select box with this widget key, as a person does."""
    box = page.locator(f".st-key-{key}").get_by_test_id("stSelectbox")
    box.wait_for(timeout=60_000)
    if box.get_by_text(option, exact=True).count():
        return  # chosen already
    box.get_by_role("combobox").click()
    page.keyboard.type(option)
    page.get_by_role("option", name=option, exact=True).wait_for(state="attached")
    page.keyboard.press("Enter")
    settle(page)


def print_sheet_shot(page, url: str, db_url: str, lang: str, out: Path, folder: Path) -> Path:
    """The driver's run sheet as it prints: the PDF the routes page offers, its first page.
    The run with the most stops, to show a sheet of some length."""
    from planner.ui.map_page import SHEET_DAY_KEY, SHEET_VEHICLE_KEY
    from planner.ui.week_grid import weekday_names

    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        raise SystemExit("print-sheet needs pdftoppm: apt-get install poppler-utils")
    open_page(page, url, "map", lang)
    compute_routes(page, lang)
    vehicle, weekday = longest_run(db_url)
    print(f"the run sheet of {vehicle}, {weekday_names('en')[weekday]}")
    choose(page, SHEET_VEHICLE_KEY, vehicle)
    choose(page, SHEET_DAY_KEY, weekday_names(lang)[weekday])
    button = page.get_by_role("button", name=t("print.download_run_sheet", lang))
    button.scroll_into_view_if_needed()
    with page.expect_download() as download:
        button.click()
    pdf = folder / "run-sheet.pdf"
    download.value.save_as(str(pdf))
    stem = out / f"print-sheet-{lang}"
    subprocess.run(
        [pdftoppm, "-png", "-r", str(PDF_DPI), "-f", "1", "-l", "1", "-singlefile", pdf, stem],
        check=True,
    )
    return stem.with_suffix(".png")


def enrollable_client(db_url: str) -> str:
    """A client of the published offering who may take one more group, with a suitable group
    that has a seat its leaders can still give: their Find a group shows an enrol button."""
    from planner.finder import find_groups, profile_from_client
    from planner.rules import leaders_needed
    from planner.store import Enrolments, Store

    with Store.open(db_url) as store:
        season, plan = store.load_season(), store.load_plan()
        assert season is not None and plan is not None
        live = Enrolments(store)
        seats = live.seats()
        offerings = live.offerings()
        leaders = {o.group_id: len(o.leaders) for o in offerings}
        places: dict[str, set[str]] = {}
        for o in offerings:
            for code in live.participants(o.group_id):
                places.setdefault(code, set()).add(o.group_id)
    best: dict[str, int] = {}  # 0 a seat with room for the leaders, 1 a seat, 2 a waiting list
    for client in season.clients:
        mine = places.get(client.client_code, set())
        if len(mine) >= client.max_groups:
            continue
        matches = find_groups(
            season,
            plan,
            profile_from_client(client),
            member_of=mine,
            taken={g: s.taken for g, s in seats.items()},
            waiting={g: s.waiting for g, s in seats.items()},
        )
        for m in matches:
            room = leaders_needed(seats[m.group_id].taken + 1) <= leaders[m.group_id]
            if not m.member:
                rank = 2 if m.full else 0 if room else 1
                best[client.client_code] = min(best.get(client.client_code, rank), rank)
    if not best:
        raise SystemExit("no client of the published offering may take one more group")
    return min(best, key=best.__getitem__)


def keyboard_shot(page, url: str, db_url: str, lang: str, out: Path) -> Path:
    """Find a group with the keyboard alone: Tab to the client field, type a client's code,
    Enter, then Tab to a suitable group's enrol button, its focus ring drawn."""
    code = enrollable_client(db_url)
    open_page(page, url, "find", lang)
    label = t("find.client", lang)
    focus_by_tab(
        page,
        f"e.getAttribute('aria-label') === {label!r} || "
        f"(e.labels && [...e.labels].some(l => l.textContent.includes({label!r})))",
    )
    page.keyboard.type(code)
    page.get_by_role("option", name=code, exact=True).wait_for(state="attached")
    page.keyboard.press("Enter")
    settle(page)
    focus_by_tab(
        page,
        "e.tagName === 'BUTTON' && !!e.closest('[class*=\"st-key-find_enrol_\"]')",
        limit=200,
    )
    page.evaluate("() => document.activeElement.scrollIntoView({block: 'center'})")
    page.wait_for_timeout(800)
    path = out / f"keyboard-{lang}.png"
    page.screenshot(path=str(path))
    return path


def focus_by_tab(page, matches: str, limit: int = 120) -> None:
    """Press Tab until the focused element satisfies the JavaScript predicate `matches`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(
            f"() => {{ const e = document.activeElement; return !!e && ({matches}); }}"
        ):
            return
    raise SystemExit(f"Tab never reached an element where {matches}")


def scale_shot(page, url: str, name: str, lang: str, out: Path) -> Path:
    """A page on the season at scale: the staff-load chart, a row for each of 264 people and
    scrolling in its box, or the calendar's filters and paging above its week grid."""
    path = out / f"{name}-{lang}.png"
    if name == "scale-calendar":
        open_page(page, url, "calendar", lang)
        for _ in range(CALENDAR_WEEKS_ON):  # a week when every group of the page has begun
            page.get_by_role("button", name=t("calpage.next", lang)).click()
            settle(page)
        page.set_viewport_size({"width": WIDTH, "height": 1100})
        page.wait_for_timeout(1_500)
        page.screenshot(path=str(path))
        page.set_viewport_size({"width": WIDTH, "height": SHOT_HEIGHT_PX})
        return path
    open_page(page, url, "dashboard", lang)
    height = page.get_by_test_id("stMain").evaluate("main => main.scrollHeight")
    page.set_viewport_size({"width": WIDTH, "height": min(max(height, 800), 4000)})
    page.wait_for_timeout(1_500)
    load = page.get_by_role("heading", name=t("dash.load", lang)).bounding_box()
    left_out = page.get_by_role("heading", name=t("dash.left_out", lang)).bounding_box()
    main = page.get_by_test_id("stMainBlockContainer").bounding_box()
    top = load["y"] - 8
    clip = {"x": main["x"], "y": top, "width": main["width"], "height": left_out["y"] - top}
    page.screenshot(path=str(path), clip=clip, full_page=True)
    page.set_viewport_size({"width": WIDTH, "height": SHOT_HEIGHT_PX})
    return path


def photograph(
    url: str, db_url: str, shots: Sequence[str], lang: str, out: Path, folder: Path
) -> list[Path]:
    from playwright.sync_api import sync_playwright

    taken = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(
                viewport={"width": WIDTH, "height": SHOT_HEIGHT_PX}, accept_downloads=True
            )
            for name in shots:
                if name in PAGES:
                    path = page_shot(page, url, name, lang, out)
                elif name == "import-excel":
                    path = import_excel_shot(page, url, lang, out, folder)
                elif name == "print-sheet":
                    path = print_sheet_shot(page, url, db_url, lang, out, folder)
                elif name == "keyboard":
                    path = keyboard_shot(page, url, db_url, lang, out)
                else:
                    path = scale_shot(page, url, name, lang, out)
                taken.append(path)
                print(f"{path.relative_to(out.parent) if out.parent in path.parents else path}")
        finally:
            browser.close()
    return taken


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shots", nargs="*", metavar="SHOT", help=f"of {', '.join(SHOTS)}; all")
    parser.add_argument("--pages", nargs="+", default=[], choices=PAGES, help="as SHOT")
    parser.add_argument("--lang", default="en", choices=list(LANGUAGES))
    parser.add_argument("--seconds", type=float, default=30.0, help="solver time for the plan")
    parser.add_argument("--out", type=Path, default=DOCS / "screenshots")
    args = parser.parse_args(argv)
    unknown = sorted(set(args.shots) - set(SHOTS))
    if unknown:
        parser.error(f"no shot {', '.join(unknown)}: choose of {', '.join(SHOTS)}")
    chosen = set(args.shots) | set(args.pages) or set(SHOTS)
    demo = [name for name in SHOTS if name in chosen and name not in AT_SCALE]
    scaled = [name for name in AT_SCALE if name in chosen]
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        if demo:
            photograph_app(planned_store(folder, args.seconds), demo, args, folder)
        if scaled:
            photograph_app(scaled_store(folder), scaled, args, folder)
    return 0


def photograph_app(db_url: str, shots: Sequence[str], args, folder: Path) -> None:
    with running_app(  # started in the repository: its .streamlit/config.toml (the theme)
        db_url,
        folder / f"streamlit-{shots[0]}.log",
        cwd=DOCS.parent,
        env={"PLANNER_SINGLE_USER": "1"},
    ) as url:
        photograph(url, db_url, shots, args.lang, args.out, folder)


if __name__ == "__main__":
    raise SystemExit(main())
