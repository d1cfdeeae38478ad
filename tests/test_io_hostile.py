"""Hostile and broken uploads: huge files, too many rows, formulas and markup in names, path-like
file names. Each is refused or kept as harmless text, with a clear message."""

from __future__ import annotations

import html
import re
from pathlib import Path

import icalendar
import openpyxl
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from planner.calendar import CalendarOptions, export_offering
from planner.io import limits as io_limits
from planner.io import read_season, read_season_from_files
from planner.model import Placement, Plan
from planner.ui.text import plain


def sample_files(sample_dir: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sample_dir.glob("*.csv")}


def messages(report) -> list[str]:
    return [str(p) for p in report.errors]


def test_a_huge_csv_is_refused_unread_with_its_size(sample_dir, monkeypatch) -> None:
    monkeypatch.setattr(io_limits, "MAX_FILE_BYTES", 100_000)
    files = sample_files(sample_dir)
    files["clients.csv"] = files["clients.csv"] + b"\n" * 200_000
    report = read_season_from_files(files)
    assert not report.ok
    assert any(m.startswith("clients.csv") and "MB, more than" in m for m in messages(report))


def test_a_huge_workbook_is_refused_unread(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(io_limits, "MAX_FILE_BYTES", 10)
    book = openpyxl.Workbook()
    path = tmp_path / "season.xlsx"
    book.save(path)
    report = read_season(path)
    assert any("MB, more than" in m for m in messages(report))


def test_too_many_rows_are_refused(sample_dir, monkeypatch) -> None:
    monkeypatch.setattr(io_limits, "MAX_ROWS", 50)
    report = read_season_from_files(sample_files(sample_dir))
    assert any(m.startswith("clients.csv") and "rows" in m for m in messages(report))


def test_path_like_upload_names_are_only_names(sample_dir) -> None:
    files = {f"../../etc/{name}": data for name, data in sample_files(sample_dir).items()}
    report = read_season_from_files(files)
    assert report.ok  # read by their base names; nothing is opened on disk


@pytest.mark.parametrize(
    "name",
    ['=HYPERLINK("http://evil","click")', "<script>alert(1)</script>", "Ryhmä; DROP TABLE x"],
)
def test_odd_group_names_stay_text_in_the_season_and_its_calendar(sample_dir, name) -> None:
    files = sample_files(sample_dir)
    text = files["groups.csv"].decode("utf-8-sig")
    header, first, *rest = text.splitlines()
    cells = first.split(",")
    column = header.split(",").index("name")
    quoted = '"' + name.replace('"', '""') + '"'
    cells[column] = quoted
    files["groups.csv"] = "\n".join([header, ",".join(cells), *rest]).encode()
    report = read_season_from_files(files)
    assert report.ok, messages(report)[:3]
    group = report.season.groups[0]
    assert group.name == name
    placement = Placement(group.group_id, 0, 600, 600 + group.minutes, None, ())
    body = export_offering(report.season, Plan((placement,), ()), CalendarOptions(lang="fi"))
    events = list(icalendar.Calendar.from_ical(body).walk("VEVENT"))
    assert any(name in str(e["SUMMARY"]) for e in events)  # kept as text, escaped on the wire


def rendered_text(markdown: str) -> tuple[str, str]:
    """CommonMark's HTML for `markdown`, and its text with the tags taken out."""
    rendered = MarkdownIt("commonmark").render(markdown)
    return rendered, html.unescape(re.sub(r"<[^>]+>", "", rendered)).strip()


@settings(deadline=None)
@given(st.text(st.characters(exclude_characters="\x00", exclude_categories=["Cs"]), max_size=60))
def test_names_shown_through_markdown_render_as_the_same_text(name: str) -> None:
    """A group or venue named like Markdown (a link, bold, a heading, HTML) shows as text."""
    assume(name.strip())  # the import refuses empty names
    for markdown, wrapper in (
        (plain(name), ""),
        (f"- {plain(name)}", "<ul>"),
        (f"**{plain(name)}**", "<strong>"),
    ):
        rendered, text = rendered_text(markdown)
        assert text == " ".join(name.split())  # as the card shows it: one line, same characters
        for tag in ("<a ", "<strong>", "<em>", "<code>", "<h1", "<h2", "<ul>", "<ol", "<img"):
            assert rendered.count(tag) == (tag == wrapper), (markdown, rendered)


def test_a_markdown_link_as_a_group_name_is_not_a_link() -> None:
    rendered, text = rendered_text(plain("[Ilmoittaudu](https://evil.example) **ILMAINEN**"))
    assert text == "[Ilmoittaudu](https://evil.example) **ILMAINEN**"
    assert "<a " not in rendered and "<strong>" not in rendered
