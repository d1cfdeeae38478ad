"""One place for the tests' toy seasons and the solver settings they are solved with.

`steady_params()` makes a solve independent of the machine's speed and load: one worker, a
fixed seed, and a deterministic-time limit per CP-SAT stage, with the wall-clock limit only a
generous backstop (`BACKSTOP_S`) that a healthy run never reaches.
"""

from __future__ import annotations

from planner.solve import SolveParams

BACKSTOP_S = 600.0
"""Wall-clock limit of a steady solve: only there so that a hung run ends."""

STEADY_DETERMINISTIC_S = 1.0
"""CP-SAT deterministic time per stage: enough for the toys to close, and on the sample
season enough for a first plan after the complete hint."""


def steady_params(**overrides) -> SolveParams:
    """Solver settings whose result is the same on a fast, slow or loaded machine."""
    settings = dict(
        time_limit_s=BACKSTOP_S,
        workers=1,
        seed=0,
        deterministic_time_s=STEADY_DETERMINISTIC_S,
    )
    settings.update(overrides)
    return SolveParams(**settings)
