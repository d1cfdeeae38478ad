"""Printable sheets as PDF: the work car's run sheet, a leader's week and a group's
participant list, A4, in the page's language, with the table's header on every page and
no row cut across pages. Clients appear by their pseudonymous code only.

    from planner.printing import run_sheet_pdf
    pdf_bytes = run_sheet_pdf(season, run, "fi")

`sheet` builds each sheet's rows from the library's own types (no Streamlit, no SQL);
`pdf` lays any sheet out with fpdf2.
"""

from planner.printing.pdf import Sheet, sheet_pdf
from planner.printing.sheet import (
    WeekSession,
    leader_week_pdf,
    leader_week_sheet,
    participant_list_pdf,
    participant_list_sheet,
    run_sheet_pdf,
    run_sheet_sheet,
    week_sessions,
)

__all__ = [
    "Sheet",
    "WeekSession",
    "leader_week_pdf",
    "leader_week_sheet",
    "participant_list_pdf",
    "participant_list_sheet",
    "run_sheet_pdf",
    "run_sheet_sheet",
    "sheet_pdf",
    "week_sessions",
]
