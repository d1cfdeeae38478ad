"""Pure pandas helpers for the plan page: the week grid, the group list and the unscheduled list.

A plan is viewed through one municipality, one venue or one leader at a time (`VIEW_BY`).
Nothing here shows client codes: participants appear only as counts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

import pandas as pd

from planner import i18n
from planner.i18n import t
from planner.model import Placement, Plan, Season, hhmm
from planner.ui.text import plain

VIEW_BY = ("municipality", "venue", "leader")
T = TypeVar("T")
REMOTE = ""
"""The venue key of remote groups (they meet nowhere)."""


GRID_PAGE = 30
"""Sessions in one page of the week grid: Espoo at 376 groups has 94, a grid of 82 rows."""


def page_count(items: int, size: int) -> int:
    """How many pages of `size` hold `items` (at least one)."""
    return max(1, -(-items // size))


def page_of(items: Sequence[T], page: int, size: int) -> list[T]:
    """The `page`-th (from 1, kept within the pages there are) `size` items."""
    page = min(max(page, 1), page_count(len(items), size))
    return list(items[(page - 1) * size : page * size])


def weekday_names(lang: str) -> tuple[str, ...]:
    names = i18n.weekday_names(i18n.known_language(lang, "en"))
    return tuple(name.capitalize() for name in names)


def _keys(season: Season, placement: Placement, by: str) -> tuple[str, ...]:
    """The municipality, venue or leaders a placement belongs to, for the chosen view."""
    if by == "municipality":
        return (season.group[placement.group_id].municipality,)
    if by == "venue":
        return (placement.venue_id or REMOTE,)
    if by == "leader":
        return placement.leaders
    raise ValueError(f"unknown view {by!r}; expected one of {VIEW_BY}")


def _label(season: Season, by: str, key: str, lang: str) -> str:
    if by == "municipality":
        found = season.municipality.get(key)
        return found.name(lang) if found else key
    if by == "venue":
        venue = season.venue.get(key)
        if venue is None:
            return t("plan.remote", lang) if key == REMOTE else key
        return venue.display_name(lang)
    person = season.person.get(key)
    return person.name if person else key


def view_options(season: Season, plan: Plan, by: str, lang: str) -> dict[str, str]:
    """Key -> name of every municipality, venue or leader with a session in the plan, by name."""
    keys = {key for p in plan.placements for key in _keys(season, p, by)}
    labels = {key: _label(season, by, key, lang) for key in keys}
    return dict(sorted(labels.items(), key=lambda item: (item[1].casefold(), item[0])))


def placements_for(season: Season, plan: Plan, by: str, key: str) -> list[Placement]:
    """The plan's sessions in the view, by weekday and start time."""
    chosen = [p for p in plan.placements if key in _keys(season, p, by)]
    return sorted(chosen, key=lambda p: (p.weekday, p.start, p.group_id))


def venue_name(season: Season, placement: Placement, lang: str) -> str:
    return _label(season, "venue", placement.venue_id or REMOTE, lang)


def session_label(season: Season, placement: Placement, lang: str, markdown: bool = False) -> str:
    """`G-001 Luontoryhmä 10:00-13:00 @ Kirjasto` for a cell of the week grid; `markdown`
    for `st.table`, whose cells are Markdown: the names then show as text."""
    group = season.group[placement.group_id]
    name, venue = group.display_name(lang), venue_name(season, placement, lang)
    if markdown:
        name, venue = plain(name), plain(venue)
    return f"{group.group_id} {name} {hhmm(placement.start)}-{hhmm(placement.end)} @ {venue}"


def week_grid(
    season: Season, placements: list[Placement], lang: str, markdown: bool = False
) -> pd.DataFrame:
    """Rows by start time, one column per weekday (Mon-Fri), one session per cell: a start
    time with several sessions on one day gets as many rows (`markdown`: for `st.table`)."""
    days = weekday_names(lang)
    time_col = t("plan.col.start", lang)
    cells: dict[tuple[int, int], list[str]] = {}
    for p in sorted(placements, key=lambda p: (p.start, p.weekday, p.group_id)):
        label = session_label(season, p, lang, markdown)
        cells.setdefault((p.start, p.weekday), []).append(label)
    rows = []
    for start in sorted({p.start for p in placements}):
        depth = max(len(cells.get((start, wd), ())) for wd in range(len(days)))
        for line in range(depth):
            row = {time_col: hhmm(start)}
            for wd, day in enumerate(days):
                here = cells.get((start, wd), [])
                row[day] = here[line] if line < len(here) else ""
            rows.append(row)
    return pd.DataFrame(rows, columns=[time_col, *days])


def group_table(season: Season, plan: Plan, placements: list[Placement], lang: str) -> pd.DataFrame:
    """Each session's group, day, time, place, leaders and number of participants."""
    members = plan.members
    days = weekday_names(lang)
    rows = []
    for p in placements:
        group = season.group[p.group_id]
        municipality = season.municipality.get(group.municipality)
        rows.append(
            {
                "group": group.group_id,
                "name": group.display_name(lang),
                "municipality": municipality.name(lang) if municipality else group.municipality,
                "day": days[p.weekday],
                "time": f"{hhmm(p.start)}-{hhmm(p.end)}",
                "venue": venue_name(season, p, lang),
                "leaders": ", ".join(_label(season, "leader", pid, lang) for pid in p.leaders),
                "participants": len(members.get(p.group_id, ())),
            }
        )
    return _translated(rows, GROUP_COLUMNS, lang)


GROUP_COLUMNS = {
    "group": "plan.col.group",
    "name": "plan.col.name",
    "municipality": "col.municipality",
    "day": "plan.col.day",
    "time": "plan.col.time",
    "venue": "plan.col.venue",
    "leaders": "plan.col.leaders",
    "participants": "plan.col.participants",
}
UNSCHEDULED_COLUMNS = {
    "group": "plan.col.group",
    "name": "plan.col.name",
    "municipality": "col.municipality",
    "reason": "plan.col.reason",
}


def unscheduled_table(
    season: Season, plan: Plan, lang: str, reasons: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """The groups the plan leaves out and why; `reasons` (group id -> text) overrides the
    plan's stored reason, e.g. with the solver's explanation in the chosen language."""
    reasons = reasons or {}
    rows = []
    for u in sorted(plan.unscheduled, key=lambda u: u.group_id):
        group = season.group.get(u.group_id)
        municipality = season.municipality.get(group.municipality) if group else None
        rows.append(
            {
                "group": u.group_id,
                "name": group.display_name(lang) if group else "",
                "municipality": municipality.name(lang) if municipality else "",
                "reason": reasons.get(u.group_id, u.reason),
            }
        )
    return _translated(rows, UNSCHEDULED_COLUMNS, lang)


def _translated(rows: list[dict[str, Any]], columns: Mapping[str, str], lang: str) -> pd.DataFrame:
    table = pd.DataFrame(rows, columns=list(columns))
    return table.rename(columns={name: t(key, lang) for name, key in columns.items()})


def plan_counts(season: Season, plan: Plan) -> dict[str, int]:
    """Groups scheduled and requested, clients placed and in the season."""
    return {
        "groups_scheduled": len(plan.placements),
        "groups": len(season.groups),
        "clients_placed": len({code for code, _ in plan.participants}),
        "clients": len(season.clients),
    }


def relative_gap(objective: float | None, bound: float | None) -> float | None:
    """|objective - bound| / max(1, |objective|), as CP-SAT reports it."""
    if objective is None or bound is None:
        return None
    return abs(objective - bound) / max(1.0, abs(objective))


CHANGE_COLUMNS = {
    "group": "plan.col.group",
    "name": "plan.col.name",
    "before": "plan.col.before",
    "after": "plan.col.after",
    "leaders": "plan.col.leaders",
    "participants": "plan.col.participants",
}


def _when(season: Season, placement: Placement | None, lang: str) -> str:
    if placement is None:
        return "–"
    day = weekday_names(lang)[placement.weekday]
    return (
        f"{day} {hhmm(placement.start)}-{hhmm(placement.end)} "
        f"@ {venue_name(season, placement, lang)}"
    )


def changes_table(season: Season, previous: Plan, plan: Plan, lang: str) -> pd.DataFrame:
    """Groups whose session, leaders or number of participants differ between two plans
    (participants as counts only, never client codes)."""
    old_members, new_members = previous.members, plan.members
    rows = []
    for gid in sorted(previous.placement.keys() | plan.placement.keys()):
        old, new = previous.placement.get(gid), plan.placement.get(gid)
        before, after = len(old_members.get(gid, ())), len(new_members.get(gid, ()))
        same_session = (
            old is not None
            and new is not None
            and (old.weekday, old.start, old.end, old.venue_id, set(old.leaders))
            == (new.weekday, new.start, new.end, new.venue_id, set(new.leaders))
        )
        if same_session and before == after:
            continue
        group = season.group.get(gid)
        rows.append(
            {
                "group": gid,
                "name": group.display_name(lang) if group else "",
                "before": _when(season, old, lang),
                "after": _when(season, new, lang),
                "leaders": ", ".join(
                    _label(season, "leader", pid, lang) for pid in (new.leaders if new else ())
                ),
                "participants": f"{before} → {after}",
            }
        )
    return _translated(rows, CHANGE_COLUMNS, lang)
