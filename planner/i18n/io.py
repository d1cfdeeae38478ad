"""What the import says is wrong with a season's files (`planner.io`): file, row and column
come from the problem itself; these texts name the rule, never a person's data."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {}
