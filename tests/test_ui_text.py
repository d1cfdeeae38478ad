"""Names from the data are shown as text on every page: a group, venue, staff or season name
written as Markdown or HTML (an image, a link, raw <img>, a bare address) never becomes an
image the viewer's browser fetches, nor a link (`planner.ui.text.plain`)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from streamlit.testing.v1 import AppTest

from planner.baseline import greedy_plan
from planner.cli.common import sample_data_dir
from planner.io import read_season
from planner.model import Season
from planner.store import Enrolments, Store
from planner.ui.common import PAGE_FILES
from planner.ui.text import plain

REPO = Path(__file__).resolve().parents[1]
APP = str(REPO / "app.py")
TIMEOUT_S = 90

BEACONS = (
    "![p](http://beacon.example/p.png)",
    "[l](http://beacon.example/l)",
    '<img src="http://beacon.example/i.png">',
    "http://beacon.example/a.png",
)
NOT_TEXT = {"image", "link_open", "html_inline", "html_block"}
"""What Markdown may make of a name that is not text: a fetch, a link, raw HTML."""
BARE_ADDRESS = re.compile(r"(?<!\\)://|(?i:(?<![\w\\])www\.)")
"""GitHub's bare-address autolinks (Streamlit renders GFM): `://` or `www.` unescaped."""
AS_IS = {"text", "code", "json", "arrow_data_frame", "dataframe"}
"""Elements that show their text as it is (no Markdown)."""
INPUTS = {
    "text_input",
    "text_area",
    "number_input",
    "selectbox",
    "multiselect",
    "date_input",
    "time_input",
    "slider",
    "select_slider",
    "checkbox",
    "toggle",
    "radio",
    "button_group",
    "color_picker",
}
"""Widgets whose value is what the user typed or picked, shown in an input (only their
labels and, for some, options are Markdown)."""
TABLES = {"table", "arrow_table"}
MARKDOWN_OPTIONS = {"radio", "button_group"}
"""Widgets whose options render Markdown (a select box's and a multiselect's do not)."""

MARKDOWN = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def beacon(i: int) -> str:
    return f"{BEACONS[i % len(BEACONS)]} {i}"


def beacon_season(season: Season) -> Season:
    """Every name field a beacon (ids, codes and numbers unchanged)."""
    return replace(
        season,
        name=beacon(0),
        municipalities=tuple(
            replace(m, name_fi=beacon(i), name_sv=beacon(i + 1))
            for i, m in enumerate(season.municipalities)
        ),
        venues=tuple(
            replace(v, name=beacon(i), name_sv=beacon(i + 2), address=beacon(i + 1))
            for i, v in enumerate(season.venues)
        ),
        staff=tuple(
            replace(s, name=beacon(i), title=beacon(i + 1)) for i, s in enumerate(season.staff)
        ),
        partners=tuple(
            replace(p, name=beacon(i), organisation=beacon(i + 3))
            for i, p in enumerate(season.partners)
        ),
        groups=tuple(
            replace(g, name=beacon(i), name_sv=beacon(i + 1)) for i, g in enumerate(season.groups)
        ),
    )


@pytest.fixture(scope="module")
def beacon_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample season with beacon names, planned first-fit and published."""
    report = read_season(sample_data_dir())
    assert report.ok, report.errors[:3]
    season = beacon_season(report.season)
    path = tmp_path_factory.mktemp("beacons") / "beacons.sqlite3"
    with Store.open(f"sqlite:///{path}") as store:
        store.import_season(season, source="test")
        store.save_plan(greedy_plan(season), {"status": "FEASIBLE"}, actor="test")
        Enrolments(store).publish(actor="test")
    return path


def walk(node: Any) -> Iterator[Any]:
    yield node
    children = getattr(node, "children", None)
    if isinstance(children, dict):
        for child in children.values():
            yield from walk(child)


def shown_as_markdown(at: AppTest) -> Iterator[tuple[str, str]]:
    """(element type, text) for every text an element renders as Markdown: bodies, labels,
    options, help."""
    for node in walk(at._tree):
        kind = getattr(node, "type", "")
        if kind in AS_IS:
            continue
        proto = getattr(node, "proto", None)
        attrs = ("label", "help") if kind in INPUTS else ("value", "label", "body", "help")
        for attr in attrs:
            try:
                value = getattr(node, attr, None)
            except Exception:  # some elements compute values they do not have
                value = None
            if value is None and proto is not None:
                value = getattr(proto, attr, None)
            if isinstance(value, str):
                yield kind, value
        if kind in TABLES:  # st.table: every cell and heading is Markdown
            frame = node.value
            cells = [*map(str, frame.columns), *map(str, frame.to_numpy().ravel())]
            yield from ((kind, cell) for cell in cells)
            continue
        if kind in MARKDOWN_OPTIONS:
            yield from ((kind, str(v)) for v in getattr(node, "options", None) or ())


def unsafe(source: str) -> bool:
    """Whether Markdown `source` renders something other than text (an image, a link, HTML)."""
    return bool(rendered_tokens(source) & NOT_TEXT) or BARE_ADDRESS.search(source) is not None


def leaks(at: AppTest) -> list[tuple[str, str]]:
    """What renders a name as something other than text. `st.html` is the page's own print
    style, raw HTML on purpose: no name may reach it at all."""
    return [
        (k, v)
        for k, v in shown_as_markdown(at)
        if ("beacon.example" in v if k == "html" else unsafe(v))
    ]


@pytest.mark.parametrize("page", sorted(PAGE_FILES))
def test_no_page_renders_a_name_as_markdown(
    beacon_db: Path, page: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLANNER_DB_URL", f"sqlite:///{beacon_db}")
    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S).run()
    at.switch_page(PAGE_FILES[page]).run()
    assert not at.exception, [e.value for e in at.exception]
    found = leaks(at)
    assert found == [], "\n".join(f"{k}: {v}" for k, v in dict.fromkeys(found))


def first_event(at: AppTest) -> str:
    return next(b.key for b in at.button if (b.key or "").startswith("cal_ev_"))


JOURNEYS: dict[str, tuple[str, list[Any]]] = {
    # page, then steps: (widget, key, value or a function of the first placed group),
    # ("selectbox_first", key, None) or ("click", a function of the page giving a key, None)
    "a group picked on the calendar": ("calendar", [("click", first_event, None)]),
    "the month view": ("calendar", [("segmented_control", "cal_view", "month")]),
    "a leader's calendar": (
        "calendar",
        [("radio", "cal_by", "leader"), ("selectbox", "cal_leader", lambda p: p.leaders[0])],
    ),
    "a venue's calendar": (
        "calendar",
        [("radio", "cal_by", "venue"), ("selectbox", "cal_venue_fi", lambda p: p.venue_id)],
    ),
    "the plan by venue": ("plan", [("segmented_control", "plan_current_view_by", "venue")]),
    "the plan by leader": ("plan", [("segmented_control", "plan_current_view_by", "leader")]),
    "a client's matches": ("find", [("selectbox_first", "find_client", None)]),
    "the routes computed": ("map", [("click", lambda at: "routes_compute", None)]),
}


@pytest.mark.parametrize("journey", sorted(JOURNEYS))
def test_no_name_renders_as_markdown_after_a_click(
    beacon_db: Path, journey: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLANNER_DB_URL", f"sqlite:///{beacon_db}")
    page, steps = JOURNEYS[journey]
    with Store.open(f"sqlite:///{beacon_db}") as store:
        placed = next(p for p in store.load_plan().placements if p.venue_id and p.leaders)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S).run()
    at.switch_page(PAGE_FILES[page]).run()
    for kind, key, value in steps:
        if kind == "click":
            at.button(key=key(at)).click().run()
        elif kind == "selectbox_first":
            at.selectbox(key=key).select_index(0).run()
        else:
            value = value(placed) if callable(value) else value
            getattr(at, kind)(key=key).set_value(value).run()
        assert not at.exception, [e.value for e in at.exception]
    found = leaks(at)
    assert found == [], "\n".join(f"{k}: {v}" for k, v in dict.fromkeys(found))


def rendered_tokens(source: str) -> set[str]:
    out: set[str] = set()
    for token in MARKDOWN.parse(source):
        out.add(token.type)
        out.update(child.type for child in token.children or ())
    return out


def test_the_check_sees_every_beacon_unescaped() -> None:
    assert all(unsafe(b) for b in BEACONS) and unsafe("see www.beacon.example")
    assert not any(unsafe(plain(b)) for b in BEACONS)


@given(st.text(st.characters(exclude_characters="\x00", exclude_categories=["Cs"])))
def test_plain_text_never_renders_as_an_image_a_link_or_html(text: str) -> None:
    source = plain(text)
    assert not unsafe(source)
    assert not rendered_tokens(source) & {"heading_open", "fence", "code_inline", "em_open"}
    shown = MARKDOWN.renderInline(source)
    assert html.unescape(shown) == " ".join(text.split())


@given(st.lists(st.sampled_from([*BEACONS, "**", "_", "`", "\n", "#", " ", "x"]), max_size=12))
def test_plain_beacons_in_any_order_stay_text(parts: list[str]) -> None:
    text = "".join(parts)
    source = plain(text)
    assert not unsafe(source) and "strong_open" not in rendered_tokens(source)
    for wrapped in (f"**{source}**", f"- {source}", f"{source}  \n{source}"):
        assert not unsafe(wrapped)
