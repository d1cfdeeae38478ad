"""A plan the store refused (`PlanRejected`), in the page's language: that nothing was saved or
published, and each problem by the rule's name and the objects involved (groups, venues and
leaders by name; clients only as a count, as everywhere on the planning pages). The English
messages stay in the log and on the command line."""

from __future__ import annotations

import logging

from planner import rules
from planner.i18n import t
from planner.model import Season
from planner.plan_check import PlanProblem, problem_objects
from planner.store import PlanRejected
from planner.ui.text import plain

SHOWN = 20
"""Problems listed on the page; the rest are counted."""

log = logging.getLogger("planner")


def problem_text(problem: PlanProblem, season: Season | None, lang: str) -> str:
    """ "**Rule name (handbook l. N)**: G-001 Group name, Venue, Leader, clients: 2"."""
    parts: list[str] = []
    clients = 0
    for kind, ident in problem_objects(problem, season) if season is not None else ():
        if kind == "group":
            parts.append(f"{ident} {season.group[ident].display_name(lang)}")
        elif kind == "venue":
            parts.append(season.venue[ident].display_name(lang))
        elif kind == "person":
            parts.append(season.person[ident].name)
        else:
            clients += 1  # never the code
    if clients:
        parts.append(t("plan.rejected.clients", lang, n=clients))
    label = f"**{plain(rules.rule_label(problem.rule, lang))}**"
    return f"{label}: {plain(', '.join(parts))}" if parts else label


def rejected_markdown(exc: PlanRejected, season: Season | None, lang: str, doing: str) -> str:
    """The refusal as markdown: the heading (`doing` is "save" or "publish") and one bullet
    per problem."""
    # log.log, not log.info: the translation check reads .info(...) as st.info
    log.log(logging.INFO, "plan refused: %s", exc)
    problems = exc.problems
    lines = [t(f"plan.rejected.{doing}", lang, n=len(problems)), ""]
    lines += [f"- {problem_text(p, season, lang)}" for p in problems[:SHOWN]]
    if len(problems) > SHOWN:
        lines.append(f"- {t('plan.rejected.more', lang, n=len(problems) - SHOWN)}")
    return "\n".join(lines)
