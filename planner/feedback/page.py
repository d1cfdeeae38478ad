"""The feedback form as an HTML page for phones (`planner serve`, `GET /feedback/<token>`):
plain HTML that works without JavaScript, one fieldset with a legend per question, every
control labelled, the page's `lang` set, large touch targets. Also the thank-you page, the
form again with what to fix, and the plain page for a closed or unknown round.

Everything shown from data (the group's name) is escaped. The one style sheet is inline and
allowed by its hash in `CSP`: nothing else loads, and the form posts only to the service.
"""

from __future__ import annotations

import base64
import hashlib
from html import escape

from planner import rules
from planner.feedback.answers import CHANGE, MAX_CHANGE_CHARS, SCALE, SCALES
from planner.i18n import LANGUAGES, has, t

STYLE = (
    "body{font-family:system-ui,sans-serif;font-size:1.1rem;line-height:1.5;max-width:40rem;"
    "margin:0 auto;padding:1rem;color:#111;background:#fff}"
    "fieldset{border:1px solid #666;border-radius:.5rem;margin:0 0 1rem;padding:.5rem 1rem}"
    "legend{font-weight:bold;padding:0 .25rem}"
    ".scale{display:flex;flex-wrap:wrap;gap:.5rem}"
    ".scale label{display:inline-flex;align-items:center;gap:.25rem;min-width:3rem;"
    "min-height:2.75rem;padding:0 .5rem;border:1px solid #666;border-radius:.5rem}"
    ".hint{color:#333;margin:.25rem 0}"
    "textarea{width:100%;font:inherit;box-sizing:border-box}"
    "button{font:inherit;padding:.75rem 1.5rem;border-radius:.5rem;border:2px solid #0b3d91;"
    "background:#0b3d91;color:#fff}"
    ".error{border:2px solid #b00020;padding:.5rem 1rem;border-radius:.5rem}"
    "nav a{margin-right:1rem}"
    ":focus-visible{outline:3px solid #0b3d91;outline-offset:2px}"
)
_STYLE_HASH = base64.b64encode(hashlib.sha256(STYLE.encode()).digest()).decode()
CSP = (
    "default-src 'none'; "
    f"style-src 'sha256-{_STYLE_HASH}'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
"""Content-Security-Policy of every feedback page: only the inline style above, and the form
posts to the service itself."""


def _page(lang: str, title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(lang)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head>"
        f"<body><main>{body}</main></body></html>\n"
    )


def _ends(name: str, lang: str) -> tuple[str, str]:
    low = f"feedback.scale.low.{name}"
    if has(low):
        return t(low, lang), t(f"feedback.scale.high.{name}", lang)
    return t("feedback.scale.low", lang), t("feedback.scale.high", lang)


def _scale_question(name: str, lang: str, chosen: str | None) -> str:
    low, high = _ends(name, lang)
    hint_id = f"{name}-hint"
    options = "".join(
        f'<label><input type="radio" name="{name}" value="{n}" required'
        f"{' checked' if chosen == str(n) else ''}> {n}</label>"
        for n in SCALE
    )
    return (
        f'<fieldset aria-describedby="{hint_id}"><legend>{escape(t(f"feedback.q.{name}", lang))}'
        f"</legend>"
        f'<p class="hint" id="{hint_id}">'
        f"{escape(t('feedback.scale.hint', lang, low=low, high=high))}</p>"
        f'<div class="scale">{options}</div></fieldset>'
    )


def form_page(
    group_name: str,
    lang: str,
    action: str,
    *,
    error: str | None = None,
    values: dict[str, str] | None = None,
) -> str:
    """The form for one round: `action` is the path it posts to (the page's own); with
    `error` (a `feedback.error.*` key) the form again, with the answers given kept."""
    values = values or {}
    title = t("feedback.form.title", lang)
    other = " ".join(
        f'<a href="?lang={code}" hreflang="{code}" lang="{code}">{escape(name)}</a>'
        for code, name in LANGUAGES.items()
        if code != lang
    )
    parts = [
        f'<nav aria-label="{escape(t("feedback.form.language", lang))}">{other}</nav>',
        f"<h1>{escape(title)}</h1>",
        f"<p>{escape(t('feedback.form.group', lang, group=group_name))}</p>",
        f"<p>{escape(t('feedback.form.intro', lang))}</p>",
    ]
    if error is not None:
        parts.append(
            f'<div class="error" role="alert"><h2>{escape(t("feedback.error.title", lang))}</h2>'
            f"<p>{escape(t(error, lang, chars=MAX_CHANGE_CHARS))}</p></div>"
        )
    parts.append(f'<form method="post" action="{escape(action)}">')
    parts.append(f'<input type="hidden" name="lang" value="{escape(lang)}">')
    parts.extend(_scale_question(name, lang, values.get(name)) for name in SCALES)
    parts.append(
        f'<p><label for="{CHANGE}"><strong>{escape(t("feedback.q.change", lang))}</strong>'
        f"</label></p>"
        f'<p class="hint" id="{CHANGE}-hint">{escape(t("feedback.q.change_hint", lang))}</p>'
        f'<textarea id="{CHANGE}" name="{CHANGE}" rows="4" maxlength="{MAX_CHANGE_CHARS}" '
        f'aria-describedby="{CHANGE}-hint">{escape(values.get(CHANGE, ""))}</textarea>'
    )
    parts.append(
        f"<p>{escape(t('feedback.form.anonymous', lang, n=rules.FEEDBACK_MIN_ANSWERS))}</p>"
        f'<p><button type="submit">{escape(t("feedback.form.send", lang))}</button></p></form>'
    )
    return _page(lang, title, "".join(parts))


def thanks_page(lang: str) -> str:
    title = t("feedback.thanks.title", lang)
    return _page(
        lang, title, f"<h1>{escape(title)}</h1><p>{escape(t('feedback.thanks.body', lang))}</p>"
    )


def closed_page(lang: str) -> str:
    """The page for a closed, expired, full or unknown round: it says which of them it is not
    (nothing that tells a guessed token from a real one)."""
    title = t("feedback.closed.title", lang)
    return _page(
        lang, title, f"<h1>{escape(title)}</h1><p>{escape(t('feedback.closed.body', lang))}</p>"
    )
