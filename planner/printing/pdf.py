"""One sheet laid out as an A4 PDF with fpdf2: a title, a few lines under it, one table.

fpdf2's table moves a row that does not fit to the next page whole and repeats the header
row there; the footer numbers the pages. The core Helvetica font needs no font file on any
machine; it holds Latin-1, which covers Finnish and Swedish (å, ä, ö), and the few other
characters the sheets use are written as their nearest Latin-1 form.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from fpdf import FPDF
from fpdf.fonts import FontFace

from planner.i18n import t

FONT = "Helvetica"
MARGIN_MM = 15
HEADER_FILL = (225, 230, 238)

_LATIN1 = str.maketrans(
    {
        "–": "-",
        "—": "-",
        "→": "->",
        "’": "'",
        "‘": "'",
        "“": '"',
        "”": '"',
        "…": "...",
        "\u00a0": " ",
    }
)


@dataclass(frozen=True)
class Sheet:
    """What one printed sheet says: `headers` head the table on every page; each row has one
    cell per header; `widths` are relative column widths (None: equal)."""

    title: str
    lines: tuple[str, ...]
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    lang: str
    widths: tuple[float, ...] | None = None
    empty: str = ""  # said instead of the table when there are no rows

    def __post_init__(self) -> None:
        if any(len(row) != len(self.headers) for row in self.rows):
            raise ValueError("every row needs one cell per header")
        if self.widths is not None and len(self.widths) != len(self.headers):
            raise ValueError("one width per header")


def latin1(text: str) -> str:
    """`text` in the core font's characters (anything else as "?")."""
    return text.translate(_LATIN1).encode("latin-1", "replace").decode("latin-1")


class _Document(FPDF):
    def __init__(self, lang: str, title: str) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.sheet_lang = lang
        self.sheet_title = latin1(title)
        self.set_margins(MARGIN_MM, MARGIN_MM, MARGIN_MM)
        self.set_auto_page_break(auto=True, margin=MARGIN_MM + 5)
        self.set_title(self.sheet_title)
        self.set_lang(lang)
        self.set_creator("sosku planner")

    def footer(self) -> None:
        self.set_y(-MARGIN_MM)
        self.set_font(FONT, size=8)
        page = t("print.page", self.sheet_lang, page=self.page_no(), pages="{nb}")
        self.cell(0, 5, latin1(f"{self.sheet_title} · {page}"), align="C")


def sheet_pdf(*sheets: Sheet) -> bytes:
    """The sheets as the bytes of one A4 PDF, each sheet from a new page."""
    if not sheets:
        raise ValueError("nothing to print")
    pdf = _Document(sheets[0].lang, sheets[0].title)
    for sheet in sheets:
        pdf.add_page()  # draws the previous page's footer, with that sheet's title
        pdf.sheet_title = latin1(sheet.title)
        _sheet(pdf, sheet)
    return bytes(pdf.output())


def _sheet(pdf: FPDF, sheet: Sheet) -> None:
    pdf.set_font(FONT, style="B", size=14)
    pdf.multi_cell(0, 7, latin1(sheet.title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, size=10)
    for line in sheet.lines:
        pdf.multi_cell(0, 5, latin1(line), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    if not sheet.rows:
        pdf.multi_cell(0, 5, latin1(sheet.empty), new_x="LMARGIN", new_y="NEXT")
    else:
        _table(pdf, sheet)


def _table(pdf: FPDF, sheet: Sheet) -> None:
    pdf.set_font(FONT, size=9)
    with pdf.table(
        col_widths=_widths(sheet.widths, len(sheet.headers)),
        headings_style=FontFace(emphasis="BOLD", fill_color=HEADER_FILL),
        text_align="LEFT",
        line_height=5,
        repeat_headings=1,
        width=pdf.epw,
    ) as table:
        for cells in (sheet.headers, *sheet.rows):
            row = table.row()
            for text in cells:
                row.cell(latin1(text))


def _widths(widths: Sequence[float] | None, n: int) -> tuple[float, ...]:
    return tuple(widths) if widths is not None else (1.0,) * n
