"""What the calendars say, from the catalogue's `calendar.*` texts (`planner.i18n`).

Theme and audience names are the catalogue's shared words, so a theme reads the same in the
offering and in the calendar.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from planner import i18n
from planner.model import Theme

LANGS = tuple(i18n.LANGUAGES)


def text(key: str, lang: str, **params: object) -> str:
    """The calendar text for `key` ("event.theme") in `lang`, placeholders filled."""
    return i18n.t(f"calendar.{key}", lang).format(**params)


def value(kind: str, code: str, lang: str, themes: Mapping[str, Theme] | None = None) -> str:
    """A kind, mode, language or audience code as words; a theme by the season's own name
    when `themes` (`Season.theme`) lists it, else (and audiences the calendar does not name
    itself) as the catalogue's labels."""
    if kind == "theme":
        return i18n.theme_label(code, lang, themes)
    key = f"calendar.{kind}.{code}"
    if i18n.has(key):
        return i18n.t(key, lang)
    return i18n.audience_label(code, lang)


def weekly_on(day: int, lang: str) -> str:
    """A weekday as in "weekly on Mondays"."""
    return i18n.weekday_name(day, lang, form="weekly")


def date_text(day: dt.date) -> str:
    """11.1.2027, the Finnish way, also used in Swedish and English here as in the finder."""
    return f"{day.day}.{day.month}.{day.year}"
