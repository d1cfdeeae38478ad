"""The plan as a coordinator prints it: one row per scheduled group, and how venues are used."""

from __future__ import annotations

from collections import Counter, defaultdict

import pandas as pd

from planner import i18n
from planner.model import Plan, Season, hhmm

GROUP_COLUMNS = (
    "group_id",
    "name",
    "municipality",
    "language",
    "kind",
    "theme",
    "weekday",
    "start",
    "end",
    "venue",
    "leaders",
    "participants",
    "max_size",
    "free_seats",
)
VENUE_COLUMNS = (
    "venue_id",
    "venue",
    "municipality",
    "accessible",
    "rooms",
    "groups",
    "group_hours",
    "open_hours",
    "use_share",
)


def group_table(season: Season, plan: Plan, lang: str = "fi") -> pd.DataFrame:
    """Scheduled groups by weekday and start; leaders by name, participants only counted."""
    days = i18n.weekday_names(i18n.known_language(lang, "en"))
    members = Counter(gid for _, gid in plan.participants)
    rows = []
    for p in sorted(plan.placements, key=lambda p: (p.weekday, p.start, p.group_id)):
        group = season.group[p.group_id]
        venue = season.venue.get(p.venue_id) if p.venue_id else None
        rows.append(
            {
                "group_id": p.group_id,
                "name": group.display_name(lang),
                "municipality": season.municipality[group.municipality].name(lang),
                "language": group.language,
                "kind": group.kind,
                "theme": season.theme_label(group.theme, lang),
                "weekday": days[p.weekday],
                "start": hhmm(p.start),
                "end": hhmm(p.end),
                "venue": venue.display_name(lang) if venue else "",
                "leaders": ", ".join(
                    season.person[pid].name for pid in p.leaders if pid in season.person
                ),
                "participants": members[p.group_id],
                "max_size": group.max_size,
                "free_seats": max(group.max_size - members[p.group_id], 0),
            }
        )
    return pd.DataFrame(rows, columns=list(GROUP_COLUMNS))


def venue_use(season: Season, plan: Plan, lang: str = "fi") -> pd.DataFrame:
    """Per venue: groups a week, their hours, the weekly opening hours times rooms, the share."""
    minutes: dict[str, int] = defaultdict(int)
    groups: Counter = Counter()
    for p in plan.placements:
        if p.venue_id:
            minutes[p.venue_id] += p.end - p.start
            groups[p.venue_id] += 1
    rows = []
    for v in season.venues:
        open_min = sum(i.end - i.start for i in v.open) * v.rooms
        rows.append(
            {
                "venue_id": v.venue_id,
                "venue": v.display_name(lang),
                "municipality": season.municipality[v.municipality].name(lang)
                if v.municipality in season.municipality
                else v.municipality,
                "accessible": v.accessible,
                "rooms": v.rooms,
                "groups": groups[v.venue_id],
                "group_hours": round(minutes[v.venue_id] / 60, 2),
                "open_hours": round(open_min / 60, 2),
                "use_share": round(minutes[v.venue_id] / open_min, 3) if open_min else None,
            }
        )
    return pd.DataFrame(rows, columns=list(VENUE_COLUMNS))
