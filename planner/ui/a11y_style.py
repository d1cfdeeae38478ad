"""Colours that meet WCAG 2.1 AA's contrast (4.5:1 for text) where Streamlit's defaults do not:
its captions (grey text at 60 % opacity, 3.2:1 on the sidebar); the selected segmented-control
option, drawn in the primary colour on its own light tint, is mended by the theme's darker
primary colour (.streamlit/config.toml). Checked by axe-core in tests/test_accessibility.py."""

from __future__ import annotations

import streamlit as st

CONTRAST_CSS = """
<style>
[data-testid="stCaptionContainer"] { opacity: 1 !important; }
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] * {
  color: #55565e !important;
}
</style>
"""


def apply() -> None:
    """Add the contrast stylesheet to the page (it takes no room)."""
    st.html(CONTRAST_CSS)
