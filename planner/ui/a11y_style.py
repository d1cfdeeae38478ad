"""Colours that meet WCAG 2.1 AA's contrast (4.5:1 for text) where Streamlit's defaults do not:
its captions (grey text at 60 % opacity, 3.2:1 on the sidebar); the selected segmented-control
option, drawn in the primary colour on its own light tint, is mended by the theme's darker
primary colour (.streamlit/config.toml). Checked by axe-core in tests/test_accessibility.py."""

from __future__ import annotations

import json

import streamlit as st

CONTRAST_CSS = """
<style>
[data-testid="stCaptionContainer"] { opacity: 1 !important; }
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] * {
  color: #55565e !important;
}
</style>
"""


def apply(lang: str) -> None:
    """Add the contrast stylesheet to the page (it takes no room), and name the page's language
    on its <html> element (WCAG 3.1.1): Streamlit's page says lang="en" whatever it shows."""
    st.html(CONTRAST_CSS)
    st.html(
        f"<script>document.documentElement.lang = {json.dumps(lang)};</script>",
        unsafe_allow_javascript=True,
    )
