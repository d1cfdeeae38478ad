"""Every text the planner shows, in Finnish, Swedish and English: one catalogue, one lookup.

Finnish and Swedish wording follows the county's handbook of social rehabilitation
(`sosiaalinen kuntoutus` / `social rehabilitering`). Each module here holds one namespace as a
dict of key -> {fi, sv, en}: the app's pages (`ui`, keys as the pages name them), `finder.*`,
`calendar.*`, `solver.*` (why a group or client is left out), `insight.*`, `routing.*`,
`io.*` (import problems; `io.out.*` a path a command cannot write), `notice.*`/`changes.*`
(what counsellors and leaders hear about), `clients.*` (the client form), `meetings.*` (the
joint meetings and their invitations), `places.*` (a client's places), `plan_edit.*`
(one group changed by hand on the Plan page), `print.*` (the printed sheets), `run.*` (a
solve run on the Plan page), `trail.*` (the audit trail in words), `chain.*` (the audit
trail's hash chain checked), `timeline.*` (a client's service timeline), `feedback.*`
(feedback from groups) and `words` (weekdays, themes, audiences).
`CATALOGUE` merges them and refuses a key written twice. Look a text up with
`t(key, lang, **params)`; placeholders are `str.format` fields. Municipality names come
from the data (`Municipality.name(lang)`); rule names and handbook lines from `planner.rules`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Protocol

from planner.i18n import (
    audit_chain,
    audit_trail,
    calendar,
    clients,
    feedback,
    finder,
    insight,
    io,
    meetings,
    notices,
    places,
    plan_edit,
    printing,
    routing,
    solve_runs,
    solver,
    timeline,
    ui,
    words,
)

LANGUAGES = {"fi": "Suomi", "sv": "Svenska", "en": "English"}
DEFAULT_LANGUAGE = "fi"
HOLIDAY_LOCALES = {"fi": "fi", "sv": "sv_FI", "en": "en_US"}
"""The `holidays` package's language codes for the app's languages."""

NAMESPACES = (
    ui,
    finder,
    calendar,
    solver,
    insight,
    routing,
    io,
    words,
    notices,
    places,
    clients,
    plan_edit,
    meetings,
    printing,
    solve_runs,
    audit_trail,
    audit_chain,
    timeline,
    feedback,
)
WEEKDAY_CODES = ("mon", "tue", "wed", "thu", "fri")
"""Monday to Friday (weekday 0-4) as they appear in keys: "weekday.mon"."""


def _merge(modules) -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for module in modules:
        for key, texts in module.TEXTS.items():
            if key in merged:
                raise ValueError(f"text key {key!r} is written twice ({module.__name__})")
            merged[key] = texts
    return merged


CATALOGUE: Mapping[str, Mapping[str, str]] = MappingProxyType(_merge(NAMESPACES))
STRINGS = CATALOGUE
"""The catalogue under its older name."""


def known_language(lang: str, fallback: str = DEFAULT_LANGUAGE, /) -> str:
    """`lang` when the catalogue speaks it, else `fallback`."""
    return lang if lang in LANGUAGES else fallback


def has(key: str) -> bool:
    """Whether the catalogue has a text for `key`."""
    return key in CATALOGUE


def t(key: str, lang: str = DEFAULT_LANGUAGE, /, **params: object) -> str:
    """The text for `key` in `lang` (Finnish when `lang` is unknown), with `params` filled in."""
    texts = CATALOGUE[key]
    text = texts.get(lang, texts[DEFAULT_LANGUAGE])
    return text.format(**params) if params else text


def weekday_name(day: int, lang: str = DEFAULT_LANGUAGE, /, form: str = "") -> str:
    """Weekday 0-4 (Monday-Friday) as a word; `form` is "", "short", "weekly" ("on
    Mondays") or "meets_on" (the finder's "meets on ...")."""
    return t(".".join(filter(None, ("weekday", form, WEEKDAY_CODES[day]))), lang)


def weekday_names(lang: str = DEFAULT_LANGUAGE, /, form: str = "") -> tuple[str, ...]:
    """Monday to Friday as words (see `weekday_name`)."""
    return tuple(weekday_name(day, lang, form=form) for day in range(len(WEEKDAY_CODES)))


_SEPARATORS = re.compile(r"[\s_\-]+")
_CAMEL = re.compile(r"(?<=[a-zäöå])(?=[A-ZÄÖÅ])")


def code_words(code: str) -> str:
    """A code as words when no one has named it: underscores, hyphens and runs of spaces as
    one space, a capital after a small letter starts a new word ("art_culture" and
    "art-culture" -> "art culture", "ArtCulture" -> "Art Culture"); "" when it holds no word."""
    return _SEPARATORS.sub(" ", _CAMEL.sub(" ", code)).strip()


def _label(kind: str, code: str, lang: str) -> str:
    key = f"{kind}.{code}"
    return t(key, lang) if key in CATALOGUE else code_words(code)


class Named(Protocol):
    """A thing with a name in each language (`planner.model.Theme`)."""

    def name(self, lang: str) -> str: ...


def theme_label(
    theme: str, lang: str = DEFAULT_LANGUAGE, /, names: Mapping[str, Named] | None = None
) -> str:
    """A theme code as people read it: the season's own name when its `themes` table lists
    the code (`names`, `Season.theme`), else the catalogue's ("art_culture" -> "art and
    culture"), else the code as words (`code_words`); never empty, never a raw identifier."""
    if names and theme in names:
        return names[theme].name(lang)
    return _label("theme", theme, lang) or t("word.unnamed_theme", lang)


def audience_label(audience: str, lang: str = DEFAULT_LANGUAGE, /) -> str:
    """An audience code as words ("young_adults" -> "young adults"), as `theme_label`."""
    return _label("audience", audience, lang)
