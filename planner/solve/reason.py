"""`Reason`: why a group is unscheduled or a client unplaced, as a key and its parameters.

Solver-free (no OR-Tools), so `Result`, insight and the UI can hold and show reasons without
loading CP-SAT. The texts and how parameters are phrased live with the explanations
(`planner.solve.explain.TEXTS`); `text()` looks them up when it is called.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Reason:
    """Why a group is unscheduled or a client unplaced: a key, its parameters and the rules."""

    subject: str
    key: str
    params: Mapping[str, Any] = field(default_factory=dict)
    rules: tuple[str, ...] = ()

    def text(self, lang: str = "en") -> str:
        from planner.solve.explain import TEXTS, _render_value

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
