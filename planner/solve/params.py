"""Solver parameters, in one place, validated on creation."""

from __future__ import annotations

import math
from dataclasses import dataclass

from planner import rules

GRID_MIN = 30
"""Sessions start on the half hour."""


@dataclass(frozen=True, slots=True)
class SolveParams:
    """How long and how hard to search, and the few planning settings the handbook leaves open.

    `time_limit_s` covers the whole `solve` call: building, both search stages and the
    explanations. `gap_limit` stops a stage early once its relative gap is at most this.
    """

    time_limit_s: float = 60.0
    deterministic_time_s: float | None = None
    """CP-SAT's deterministic-time limit for each search stage (its `max_deterministic_time`),
    on top of `time_limit_s`. Unlike seconds it does not depend on the machine's speed or
    load: with one worker and a fixed seed, a stage stopped by it finds the same plan on any
    machine (None: no such limit)."""
    workers: int = 2
    seed: int = 0
    gap_limit: float = 0.0
    allowance_min: int = rules.DEFAULT_SESSION_ALLOWANCE_MIN
    log_search: bool = False
    remote_hours: tuple[int, int] = (8 * 60, 18 * 60)
    """Remote groups have no opening hours; they meet within these office hours."""
    max_leader_candidates: int = 12
    """Staff considered per group: the nearest ones (pinned and partners always)."""
    max_venue_candidates: int = 6
    """Venues considered per group: those the most of its clients reach (pinned always)."""
    max_groups_per_client: int = 12
    """Groups considered per client: wishes first, then best fit and shortest trip."""
    coverage_share: float = 0.7
    """Share of the time for stage 1 (groups and clients); stage 2 (costs) gets the rest."""
    polish_share: float = 0.35
    """Share of stage 1's time for polishing its plan: each group's day, time and venue held
    fixed, leaders and participants chosen again for the most clients (0: no polishing)."""
    repair: bool = True
    """Between and after the searches, add groups and clients that fit beside the plan."""
    improve_share: float = 0.05
    """At most this share of the time limit for adding what fits between the stages."""
    presolve_iterations: int = 1
    """CP-SAT presolve rounds per stage (its default is 3; one round is several times
    faster on the large seasons, and the hint is complete anyway). 0: no presolve at all, as
    the stage-1 retry and the stages after it use when stage 1 found nothing."""
    explain: bool = True
    explain_share: float = 0.15
    """At most this share of the time limit goes to explaining unscheduled groups."""
    language: str = "en"
    """Language of the reasons written into the plan and summary.json (fi, sv or en)."""

    def __post_init__(self) -> None:
        problems = []
        if not _finite_positive(self.time_limit_s):
            problems.append(f"time_limit_s must be positive and finite, got {self.time_limit_s}")
        if self.deterministic_time_s is not None and not _finite_positive(
            self.deterministic_time_s
        ):
            problems.append(
                "deterministic_time_s must be positive and finite or None, "
                f"got {self.deterministic_time_s}"
            )
        if not 1 <= self.workers <= 64:
            problems.append(f"workers must be 1-64, got {self.workers}")
        if self.seed < 0:
            problems.append(f"seed must be >= 0, got {self.seed}")
        if not 0 <= self.gap_limit < 1:
            problems.append(f"gap_limit must be in [0, 1), got {self.gap_limit}")
        if not 0 <= self.allowance_min <= 240:
            problems.append(f"allowance_min must be 0-240, got {self.allowance_min}")
        start, end = self.remote_hours
        if not 0 <= start < end <= 24 * 60:
            problems.append(
                f"remote_hours must be a window within the day, got {self.remote_hours}"
            )
        if self.max_leader_candidates < 2:
            problems.append("max_leader_candidates must be at least 2")
        if self.max_venue_candidates < 1:
            problems.append("max_venue_candidates must be at least 1")
        if self.max_groups_per_client < 1:
            problems.append("max_groups_per_client must be at least 1")
        if not 0 < self.coverage_share <= 1:
            problems.append(f"coverage_share must be in (0, 1], got {self.coverage_share}")
        if self.presolve_iterations < 0:
            problems.append("presolve_iterations must be >= 0")
        if not 0 <= self.polish_share < 1:
            problems.append(f"polish_share must be in [0, 1), got {self.polish_share}")
        if not 0 <= self.improve_share < 1:
            problems.append(f"improve_share must be in [0, 1), got {self.improve_share}")
        if not 0 <= self.explain_share < 1:
            problems.append(f"explain_share must be in [0, 1), got {self.explain_share}")
        if self.language not in ("fi", "sv", "en"):
            problems.append(f"language must be fi, sv or en, got {self.language!r}")
        if problems:
            raise ValueError("; ".join(problems))


def _finite_positive(x: object) -> bool:
    """A real number of seconds above zero: not inf (CP-SAT refuses the model), not nan."""
    return isinstance(x, int | float) and not isinstance(x, bool) and math.isfinite(x) and x > 0
