"""The printable feedback form: one A4 page in the group's language laid out with fpdf2 as
`planner.printing` lays out its sheets (the core Helvetica font, Latin-1). The four questions
with five boxes to tick, lines for what the person would change, how to hand it in (a sealed
envelope, l. 527) and, when a round's link is given, the link as text and as a QR code."""

from __future__ import annotations

import io

from fpdf import FPDF

from planner import rules
from planner.feedback.answers import SCALE, SCALES
from planner.feedback.qr import qr_png
from planner.i18n import has, t
from planner.printing.pdf import FONT, MARGIN_MM, latin1

BOX_MM = 7
CHANGE_LINES = 6
QR_MM = 35


def _ends(name: str, lang: str) -> tuple[str, str]:
    if has(f"feedback.scale.low.{name}"):
        return t(f"feedback.scale.low.{name}", lang), t(f"feedback.scale.high.{name}", lang)
    return t("feedback.scale.low", lang), t("feedback.scale.high", lang)


def feedback_form_pdf(group_name: str, lang: str, url: str | None = None) -> bytes:
    """The paper form for a group as PDF bytes; with `url`, the round's link and QR code."""
    title = t("feedback.form.title", lang)
    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    pdf.set_margins(MARGIN_MM, MARGIN_MM, MARGIN_MM)
    pdf.set_auto_page_break(auto=True, margin=MARGIN_MM)
    pdf.set_title(latin1(f"{title}: {group_name}"))
    pdf.set_lang(lang)
    pdf.set_creator("sosku planner")
    pdf.add_page()
    pdf.set_font(FONT, style="B", size=16)
    pdf.multi_cell(0, 8, latin1(title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, size=12)
    pdf.multi_cell(
        0,
        6,
        latin1(t("feedback.form.group", lang, group=group_name)),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_font(FONT, size=10)
    for key in ("feedback.form.intro", "feedback.paper.tick"):
        pdf.multi_cell(0, 5, latin1(t(key, lang)), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    for number, name in enumerate(SCALES, start=1):
        _question(pdf, number, name, lang)
    pdf.set_font(FONT, style="B", size=11)
    pdf.multi_cell(
        0,
        6,
        latin1(f"{len(SCALES) + 1}. {t('feedback.q.change', lang)}"),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_font(FONT, size=9)
    pdf.multi_cell(0, 5, latin1(t("feedback.q.change_hint", lang)), new_x="LMARGIN", new_y="NEXT")
    for _ in range(CHANGE_LINES):
        pdf.ln(7)
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    pdf.ln(4)
    pdf.set_font(FONT, size=9)
    pdf.multi_cell(
        0,
        5,
        latin1(t("feedback.form.anonymous", lang, n=rules.FEEDBACK_MIN_ANSWERS)),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.multi_cell(0, 5, latin1(t("feedback.paper.return", lang)), new_x="LMARGIN", new_y="NEXT")
    if url is not None:
        pdf.ln(2)
        if pdf.get_y() + QR_MM > pdf.h - pdf.b_margin:
            pdf.add_page()
        top = pdf.get_y()
        pdf.image(io.BytesIO(qr_png(url)), x=pdf.l_margin, y=top, w=QR_MM, h=QR_MM)
        pdf.set_xy(pdf.l_margin + QR_MM + 4, top + 4)
        pdf.multi_cell(
            pdf.epw - QR_MM - 4,
            5,
            latin1(t("feedback.paper.link", lang, url=url)),
            align="L",
            new_x="LMARGIN",
            new_y="NEXT",
        )
    return bytes(pdf.output())


def _question(pdf: FPDF, number: int, name: str, lang: str) -> None:
    low, high = _ends(name, lang)
    if pdf.get_y() + 24 > pdf.h - pdf.b_margin:
        pdf.add_page()
    pdf.set_font(FONT, style="B", size=11)
    pdf.multi_cell(
        0, 6, latin1(f"{number}. {t(f'feedback.q.{name}', lang)}"), new_x="LMARGIN", new_y="NEXT"
    )
    pdf.set_font(FONT, size=10)
    y = pdf.get_y() + 1
    x = pdf.l_margin
    pdf.set_xy(x, y)
    pdf.cell(32, BOX_MM, latin1(low), align="R")
    x += 34
    for value in SCALE:
        pdf.rect(x, y, BOX_MM, BOX_MM)
        pdf.set_xy(x + BOX_MM, y)
        pdf.cell(6, BOX_MM, str(value))
        x += BOX_MM + 10
    pdf.set_xy(x, y)
    pdf.cell(40, BOX_MM, latin1(high))
    pdf.set_xy(pdf.l_margin, y + BOX_MM + 4)
