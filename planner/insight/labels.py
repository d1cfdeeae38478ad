"""Names of the insight figures, for column headers and sheets, from the catalogue's
`insight.*` texts (`planner.i18n`).

The same words head the dashboard's tables and the report's columns, so a coordinator who
compares them reads the same thing in both.
"""

from __future__ import annotations

from collections.abc import Iterable

from planner import i18n


def _lang(lang: str) -> str:
    return lang if lang in i18n.LANGUAGES else "en"


def has_label(name: str) -> bool:
    return i18n.has(f"insight.label.{name}")


def label(name: str, lang: str = "fi") -> str:
    """The header for a column or figure; the name itself when it has none."""
    return i18n.t(f"insight.label.{name}", _lang(lang)) if has_label(name) else name


def labels(names: Iterable[str], lang: str = "fi") -> dict[str, str]:
    return {n: label(n, lang) for n in names}


def sheet_name(key: str, lang: str = "fi") -> str:
    return i18n.t(f"insight.sheet.{key}", _lang(lang))


def title(key: str, lang: str = "fi") -> str:
    """A title in the season report ("report", "travel", "load", ...)."""
    return i18n.t(f"insight.title.{key}", _lang(lang))
