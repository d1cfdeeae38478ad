"""Who the plan leaves out, and why: unscheduled groups and unplaced clients.

Group reasons are the ones the solver stored with the plan (in the language it was solved
in). Client reasons are found again from the plan by the solver's own explanation
(`planner.solve.explain.explain_clients`): the first rule, in the handbook's order, that
keeps the client out of every group (language, audience, days, reach, seats). That needs
the solver's model, so it is imported only when there are unplaced clients to explain.
"""

from __future__ import annotations

import pandas as pd

from planner.i18n import LANGUAGES, t
from planner.model import Plan, Season
from planner.solve.candidates import Candidates
from planner.solve.params import SolveParams


def unscheduled_groups(season: Season, plan: Plan, lang: str = "fi") -> pd.DataFrame:
    """Requested groups without a placement: id, name, municipality, language, reason."""
    reasons = {u.group_id: u.reason for u in plan.unscheduled}
    placed = plan.placement
    rows = [
        {
            "group_id": g.group_id,
            "name": g.display_name(lang),
            "municipality": g.municipality,
            "language": g.language,
            "priority": g.priority,
            "reason": reasons.get(g.group_id)
            or t("insight.no_reason", lang if lang in LANGUAGES else "en"),
        }
        for g in season.groups
        if g.group_id not in placed
    ]
    return pd.DataFrame(
        rows, columns=["group_id", "name", "municipality", "language", "priority", "reason"]
    )


def unplaced_clients(season: Season, plan: Plan, lang: str = "fi") -> pd.DataFrame:
    """Clients in no group: code, municipality, way of travelling, reason (codes only)."""
    placed = {code for code, _ in plan.participants}
    codes = [c.client_code for c in season.clients if c.client_code not in placed]
    columns = ["client_code", "municipality", "travel", "reason_key", "reason"]
    if not codes:
        return pd.DataFrame([], columns=columns)
    from planner.solve.explain import explain_clients

    reasons = explain_clients(season, Candidates(season, SolveParams()), plan, codes)
    rows = [
        {
            "client_code": code,
            "municipality": season.client[code].municipality,
            "travel": season.client[code].travel,
            "reason_key": reasons[code].key,
            "reason": reasons[code].text(lang),
        }
        for code in codes
    ]
    return pd.DataFrame(rows, columns=columns)
