"""What the calendars say, from the catalogue's `calendar.*` texts (`planner.i18n`).

Theme and audience names are the catalogue's shared words, so a theme reads the same in the
offering and in the calendar.
"""

from __future__ import annotations

import datetime as dt

from planner import i18n

LANGS = tuple(i18n.LANGUAGES)


def text(key: str, lang: str, **params: object) -> str:
    """The calendar text for `key` ("event.theme") in `lang`, placeholders filled."""
    return i18n.t(f"calendar.{key}", lang).format(**params)


def value(kind: str, code: str, lang: str) -> str:
    """A kind, mode, language or audience code as words; themes (and audiences the calendar
    does not name itself) as the catalogue's labels."""
    key = f"calendar.{kind}.{code}"
    if i18n.has(key):
        return i18n.t(key, lang)
    named = i18n.theme_label if kind == "theme" else i18n.audience_label
    return named(code, lang)


def weekly_on(day: int, lang: str) -> str:
    """A weekday as in "weekly on Mondays"."""
    return i18n.weekday_name(day, lang, form="weekly")


def date_text(day: dt.date) -> str:
    """11.1.2027, the Finnish way, also used in Swedish and English here as in the finder."""
    return f"{day.day}.{day.month}.{day.year}"
