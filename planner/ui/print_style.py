"""The browser's own print (Ctrl+P) of any page: the page's content without Streamlit's
sidebar, header, toolbar and buttons, full width, and no element cut across pages where the browser
can help it. The sheets meant for paper are PDF downloads (`planner.printing`)."""

from __future__ import annotations

import streamlit as st

PRINT_CSS = """
<style>
@media print {
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
  [data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
  [data-testid="stStatusWidget"], [data-testid="stBottom"],
  [data-testid="stDownloadButton"], [data-testid="stButton"] { display: none !important; }
  [data-testid="stMain"], [data-testid="stAppViewContainer"] { margin-left: 0 !important; }
  [data-testid="stMainBlockContainer"] { padding-top: 0 !important; max-width: 100% !important; }
  [data-testid="stElementContainer"], tr { break-inside: avoid; }
  h1, h2, h3 { break-after: avoid; }
}
</style>
"""


def apply() -> None:
    """Add the print stylesheet to the page (it takes no room on screen)."""
    st.html(PRINT_CSS)
