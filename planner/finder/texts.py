"""What the group finder says, from the catalogue's `finder.*` texts (`planner.i18n`).

Reasons explain why a group suits a client (capitalised sentences); failures name the hard
filter a group breaks (lower-case, so a list of them reads as one line: "Swedish-speaking
group, venue not accessible"). Unknown languages read English here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from planner import i18n
from planner.model import Theme

LANGS = tuple(i18n.LANGUAGES)
DEFAULT_LANG = "en"


def _lang(lang: str) -> str:
    return lang if lang in i18n.LANGUAGES else DEFAULT_LANG


def has(key: str) -> bool:
    """Whether the finder has a text for `key` ("reason.theme")."""
    return i18n.has(f"finder.{key}")


def text(key: str, lang: str = DEFAULT_LANG, **params: object) -> str:
    """The finder's text for `key` ("reason.theme") in `lang`, placeholders filled."""
    return i18n.t(f"finder.{key}", _lang(lang)).format(**params)


def label(
    kind: str, code: str, lang: str = DEFAULT_LANG, themes: Mapping[str, Theme] | None = None
) -> str:
    """A theme or audience code as words ("theme", "art_culture" -> "art and culture"); a
    theme by the season's own name when `themes` (`Season.theme`) lists it."""
    if kind == "theme":
        return i18n.theme_label(code, _lang(lang), themes)
    return i18n.audience_label(code, _lang(lang))


def meets_on(day: int, lang: str = DEFAULT_LANG) -> str:
    """A weekday as it reads in "meets on ..."."""
    return i18n.weekday_name(day, _lang(lang), form="meets_on")


def date_text(day: dt.date) -> str:
    """The Finnish way, used in all three languages here: 11.1.2027."""
    return f"{day.day}.{day.month}.{day.year}"
