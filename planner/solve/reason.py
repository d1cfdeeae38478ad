"""`Reason`: why a group is unscheduled or a client unplaced, as a key and its parameters.

Solver-free (no OR-Tools), so `Result`, insight and the UI can hold and show reasons without
loading CP-SAT. The templates are the catalogue's `solver.*` texts; a parameter is phrased
in the reason's language when it is shown (weekdays, languages, pins, rules).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from planner import i18n, rules

PLAN_SUFFIX = "@plan"
"""Marks a rule key that is about the previous plan (kept pins, kept places)."""

TEXTS: Mapping[str, Mapping[str, str]] = {
    key.removeprefix("solver."): texts
    for key, texts in i18n.CATALOGUE.items()
    if key.startswith("solver.")
}
"""The reasons' templates by reason key: the catalogue's `solver.*` texts."""


def _render_value(name: str, value: Any, lang: str) -> str:
    """A reason's parameter as words in `lang`: weekdays, languages and ways of travelling
    from the catalogue, rules by their catalogue names."""
    lang = lang if lang in i18n.LANGUAGES else "en"
    if name == "days":
        words = [i18n.weekday_name(d, lang) for d in value]
        if len(words) <= 1:
            return "".join(words)
        return f"{', '.join(words[:-1])} {i18n.t('word.or', lang)} {words[-1]}"
    if name == "when":
        return f"{i18n.weekday_name(value['day'], lang, form='short')} {value['at']}"
    if name in ("language", "mode") and i18n.has(f"solver.{name}.{value}"):
        return i18n.t(f"solver.{name}.{value}", lang)
    if name in ("language", "mode"):
        return str(value)
    if name == "pins":
        return ", ".join(_pin_text(str(pin), lang) for pin in value)
    if isinstance(value, Mapping):
        return str(value.get(lang) or value.get("fi") or next(iter(value.values()), ""))
    if name == "rules":
        return "; ".join(
            rules.rule_phrase(k.removesuffix(PLAN_SUFFIX), lang, with_plan=k.endswith(PLAN_SUFFIX))
            for k in value
        )
    if isinstance(value, list | tuple):
        return ", ".join(str(x) for x in value)
    return str(value)


def _pin_text(pin: str, lang: str) -> str:
    """A pinned field ("weekday", "start", "venue", "leader S-012") as words in `lang`."""
    if pin.startswith("leader "):
        return i18n.t("solver.pin.leader", lang, id=pin.removeprefix("leader "))
    return i18n.t(f"solver.pin.{pin}", lang) if i18n.has(f"solver.pin.{pin}") else pin


@dataclass(frozen=True)
class Reason:
    """Why a group is unscheduled or a client unplaced: a key, its parameters and the rules."""

    subject: str
    key: str
    params: Mapping[str, Any] = field(default_factory=dict)
    rules: tuple[str, ...] = ()

    def text(self, lang: str = "en") -> str:
        template = TEXTS[self.key].get(lang) or TEXTS[self.key]["en"]
        values = {k: _render_value(k, v, lang) for k, v in self.params.items()}
        return template.format(**values)

    def as_dict(self, lang: str = "en") -> dict[str, Any]:
        return {
            "key": self.key,
            "params": dict(self.params),
            "rules": list(self.rules),
            "text": self.text(lang),
        }
