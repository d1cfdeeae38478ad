"""A season in figures, per municipality, and a solver run in plain words. Plain pandas, no
Streamlit, so it is easy to test."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from typing import Any

import pandas as pd

from planner import rules
from planner.i18n import has, t, weekday_name
from planner.model import Plan, Season
from planner.plan_figures import week_shape
from planner.solve.result import plan_state, relative_gap, signed_gap
from planner.store.pins import EDIT_STATUS as EDITED
from planner.store.solve_runs import SolveRun

COLUMNS = (
    ("municipality", "col.municipality"),
    ("groups", "count.groups"),
    ("groups_fi", "col.groups_fi"),
    ("groups_sv", "col.groups_sv"),
    ("venues", "count.venues"),
    ("venues_accessible", "col.venues_accessible"),
    ("staff", "col.staff_based"),
    ("clients", "count.clients"),
)


def municipality_figures(season: Season, lang: str = "fi") -> pd.DataFrame:
    """One row per municipality (sorted by its name in `lang`), columns as in `COLUMNS`.

    Staff count where their base venue is; groups and clients where they are registered.
    """
    groups = Counter(g.municipality for g in season.groups)
    groups_by_language = Counter((g.municipality, g.language) for g in season.groups)
    venues = Counter(v.municipality for v in season.venues)
    accessible = Counter(v.municipality for v in season.venues if v.accessible)
    venue_municipality = {v.venue_id: v.municipality for v in season.venues}
    staff = Counter(venue_municipality.get(s.base_venue) for s in season.staff)
    clients = Counter(c.municipality for c in season.clients)
    rows = [
        {
            "code": m.code,
            "municipality": m.name(lang),
            "groups": groups[m.code],
            "groups_fi": groups_by_language[m.code, "fi"],
            "groups_sv": groups_by_language[m.code, "sv"],
            "venues": venues[m.code],
            "venues_accessible": accessible[m.code],
            "staff": staff[m.code],
            "clients": clients[m.code],
            "lat": m.lat,
            "lon": m.lon,
        }
        for m in season.municipalities
    ]
    return pd.DataFrame(rows).sort_values("municipality", ignore_index=True)


def municipality_table(season: Season, lang: str = "fi") -> pd.DataFrame:
    """`municipality_figures` as shown to users: only the table's columns, headers translated."""
    figures = municipality_figures(season, lang)
    return figures[[name for name, _ in COLUMNS]].rename(
        columns={name: t(key, lang) for name, key in COLUMNS}
    )


# --- a solver run in plain words ---


def plan_status(summary: Mapping[str, Any], groups_placed: int) -> str:
    """The status of the plan itself (`Result.plan_status`): the summary's when it has one,
    else worked out from the model's status and figures, as for plans stored before."""
    if summary.get("plan_status"):
        return str(summary["plan_status"])
    if groups_placed == 0:
        return "NO_PLAN"
    status = summary.get("status")
    if status == EDITED:
        return EDITED
    if status == "OPTIMAL" and not _beyond(summary):
        return "OPTIMAL"
    if status in ("OPTIMAL", "FEASIBLE"):
        return "FEASIBLE"
    return "FIRST_FIT"  # a plan beside "no solution": the first-fit plan


def plan_signed_gap(summary: Mapping[str, Any]) -> float | None:
    """The plan against the model's bound, signed (see `Result.signed_gap`)."""
    if "signed_gap" in summary:
        return summary["signed_gap"]
    return signed_gap(summary.get("objective"), summary.get("best_bound"))


def _beyond(summary: Mapping[str, Any]) -> bool:
    gap = plan_signed_gap(summary)
    return gap is not None and gap < 0


def percent(share: float, lang: str) -> str:
    """A share as "0.2 %" ("0,2 %" in Finnish and Swedish), rounded up to 0.1: an "at most"
    figure may not shrink in print."""
    text = f"{math.ceil(round(share * 1000, 6)) / 10:.1f}\u00a0%"
    return text.replace(".", ",") if lang in ("fi", "sv") else text


def plan_words(summary: Mapping[str, Any], groups: int, groups_placed: int, lang: str) -> str:
    """The run in one sentence: whether every group is placed, how close the plan is to the
    best plan among the options the model considered, and how long it took; e.g. "Every
    group is placed; at most 0.2 % from the best plan among the options considered; 60 s."
    `groups` counts the groups requested (cancelled ones not)."""
    left_out = summary.get("groups_left_out", groups - groups_placed)
    state = summary.get("state") or plan_state(groups_placed, left_out)
    if state == "some_groups_left_out" and left_out == 1:
        parts = [t("plan.state.one_group_left_out", lang)]
    else:
        parts = [t(f"plan.state.{state}", lang, n=left_out)]
    status = plan_status(summary, groups_placed)
    gap = plan_signed_gap(summary)
    if state == "no_plan":
        pass
    elif status == "FIRST_FIT":
        parts.append(t("plan.quality.first_fit", lang))
    elif status == EDITED:
        parts.append(t("plan.quality.edited", lang))
    elif gap is not None and gap < 0:
        parts.append(t("plan.quality.beyond", lang))
    elif gap is not None and gap == 0 and status == "OPTIMAL":
        parts.append(t("plan.quality.best", lang))
    elif gap is not None:
        model = relative_gap(summary.get("objective"), summary.get("best_bound"))
        share = gap if model is None else min(gap, model)
        parts.append(t("plan.quality.within", lang, gap=percent(share, lang)))
    wall = summary.get("wall_s")
    if wall is not None:
        seconds = f"{wall:.0f}" if wall >= 10 else f"{wall:.1f}"
        parts.append(f"{seconds.replace('.', ',') if lang in ('fi', 'sv') else seconds}\u00a0s")
    return "; ".join(parts) + "."


def week_words(season: Season, plan: Plan, lang: str) -> list[str]:
    """The plan's week in sentences: groups per weekday, leaders' skills, remote participants."""
    shape = week_shape(season, plan)
    days = " · ".join(
        f"{weekday_name(d, lang, form='short')} {n}" for d, n in enumerate(shape.per_weekday)
    )
    lines = [t("plan.shape.days", lang, days=days)]
    if shape.skill_possible:
        lines.append(t("plan.shape.skills", lang, n=shape.skilled, of=shape.skill_possible))
    if shape.remote:
        lines.append(t("plan.shape.remote", lang, n=shape.remote, of=shape.participants))
    return lines


def soft_rule_lines(lang: str) -> list[str]:
    """The aims of a plan beyond its hard rules, most important first, with their sources."""
    return [rule.label(lang) for rule in rules.SOFT_RULES.values()]


# --- a stored solve run in plain words ---


def progress_words(run: SolveRun, lang: str) -> str:
    """The search so far in one sentence: no plan yet, or how many plans and how close the
    best one is to the bound of the stage under way."""
    gap = relative_gap(run.objective, run.bound)
    if not run.solutions or gap is None:
        return t("run.progress.none", lang)
    if gap == 0:
        return t("run.progress.best", lang, n=run.solutions)
    return t("run.progress.found", lang, n=run.solutions, gap=percent(gap, lang))


def status_words(status: str | None, lang: str) -> str:
    """A CP-SAT status or a plan's status in words ("–" for none, the code if unknown)."""
    if not status:
        return "–"
    key = f"plan.status.{status}"
    return t(key, lang) if has(key) else status


def status_help(status: str | None, lang: str) -> str | None:
    """A status in one sentence (a metric's tooltip), or None where there is none."""
    key = f"plan.status_help.{status}"
    return t(key, lang) if status and has(key) else None


def no_plan_words(run: SolveRun, summary: Mapping[str, Any], lang: str) -> str:
    """Why a run ended without a plan, and what to do about it, by how it ended: stopped
    first, no plan in the time, rules that rule everything out, a fault of the planner."""
    status = str(summary.get("status") or "")
    if run.state == "stopped" and status in ("UNKNOWN", ""):
        return t("run.no_plan.stopped", lang)
    if has(f"run.no_plan.{status}"):
        return t(f"run.no_plan.{status}", lang)
    return t("plan.result.no_plan", lang, status=status_words(status, lang))
