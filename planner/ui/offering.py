"""Pure helpers for the offering pages (find a group, team figures): translated texts and tables.

Nothing here calls Streamlit. The team figure tables, which the command line builds too, are
in `planner.insight.team`. Client codes appear only where a worker has picked the client.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from planner import rules
from planner.finder import Match, Profile
from planner.finder.texts import label
from planner.finder.texts import text as finder_text
from planner.i18n import has, t
from planner.insight.team import translated
from planner.model import Season, Theme
from planner.store.figures import write_figures_xlsx
from planner.store.outcomes import OfferingStatus
from planner.ui.text import plain
from planner.ui.week_grid import weekday_names

WEEKDAY_CODES = ("Mon", "Tue", "Wed", "Thu", "Fri")
MISSING = "–"


def language_name(code: str, lang: str) -> str:
    return translated("language", code, lang)


def audience_label(code: str, lang: str) -> str:
    return label("audience", code, lang)


def published_plan_id(offerings: Sequence[OfferingStatus]) -> int | None:
    """The plan the live offering was published from (the newest), None when never published."""
    return max((o.plan_id for o in offerings), default=None)


def date_text(day: dt.date | dt.datetime | None) -> str:
    return MISSING if day is None else f"{day.day}.{day.month}.{day.year}"


def day_name(weekday: str | int, lang: str) -> str:
    index = WEEKDAY_CODES.index(weekday) if isinstance(weekday, str) else weekday
    return weekday_names(lang)[index]


def profile_line(season: Season, profile: Profile, counsellor: str, lang: str) -> str:
    """One line about the client's needs (no code, no name): what the finder goes by; for a
    caption, so the names show as text."""
    days = weekday_names(lang)
    return t(
        "find.profile",
        lang,
        municipality=plain(season.municipality[profile.municipality].name(lang)),
        languages=", ".join(language_name(code, lang) for code in profile.languages),
        days=", ".join(days[d][:2] for d in profile.days),
        limit=profile.max_travel_min,
        travel=finder_text(f"travel.{profile.travel}", lang),
        accessible=t("yes" if profile.needs_accessible else "no", lang),
        counsellor=plain(counsellor) if counsellor else MISSING,
    )


def card_lines(
    match: Match, travel_mode: str, lang: str, themes: Mapping[str, Theme] | None = None
) -> dict[str, str]:
    """The texts of one result card: title, when and where, what kind, access and seats;
    the theme by the season's own name when `themes` (`Season.theme`) lists it."""
    where = ", ".join(part for part in (match.venue_name, match.municipality_name) if part)
    kind = [
        f"{t('find.card.language', lang)}: {language_name(match.language, lang)}",
        f"{t('find.card.theme', lang)}: {label('theme', match.theme, lang, themes)}",
    ]
    if match.audience and match.audience != "all":
        kind.append(f"{t('find.card.audience', lang)}: {audience_label(match.audience, lang)}")
    kind.append(t(f"find.mode.{match.mode}", lang))
    if match.accessible is None:
        access = t("find.card.remote", lang)
    else:
        access = t("find.card.accessible" if match.accessible else "find.card.not_accessible", lang)
    if match.participation == "remote":
        access += " · " + finder_text("joins_remotely", lang)
    else:
        mode = finder_text(f"travel.{match.travel_mode or travel_mode}", lang)
        access += " · " + t("find.card.travel", lang, minutes=match.travel_min, mode=mode)
    if match.member:
        seats = t("find.card.member", lang)
    elif match.drop_in:
        seats = t("find.card.drop_in", lang)
    elif match.full:
        seats = t("find.card.full", lang, n=match.waiting)
    else:
        seats = t("find.card.free", lang, n=match.free_seats)
    return {
        "title": f"{match.group_id} · {match.name}",
        "when": f"{day_name(match.weekday, lang)} {match.start}–{match.end} · {where}",
        "kind": " · ".join(kind),
        "access": access,
        "seats": seats,
    }


def failed_table(matches: Iterable[Match], lang: str) -> pd.DataFrame:
    """Groups the client cannot join, each with what fails."""
    rows = [
        {
            t("plan.col.group", lang): m.group_id,
            t("find.col.fails", lang): "; ".join(m.failed),
            t("plan.col.name", lang): m.name,
            t("plan.col.day", lang): f"{day_name(m.weekday, lang)} {m.start}",
            t("col.municipality", lang): m.municipality_name,
        }
        for m in matches
    ]
    columns = [
        "plan.col.group",
        "find.col.fails",
        "plan.col.name",
        "plan.col.day",
        "col.municipality",
    ]
    return pd.DataFrame(rows, columns=[t(c, lang) for c in columns])


def outcome_message(outcome: Mapping[str, Any], group_name: str, lang: str) -> tuple[str, str]:
    """(kind, text) of an enrolment outcome: kind is success, info or error."""
    group = f"{outcome['group_id']} {group_name}".strip()
    client = outcome["client_code"]
    if outcome["status"] == "enrolled":
        key = (
            "find.enrolled_flagged"
            if outcome.get("flag") == "needs_second_leader"
            else ("find.enrolled")
        )
        return "success", t(key, lang, client=client, group=group)
    if outcome["status"] == "waiting":
        return "info", t(
            "find.waiting", lang, client=client, group=group, position=outcome.get("position")
        )
    reason_key = f"refusal.{outcome.get('reason', '')}"
    rule = rules.RULES.get(str(outcome.get("reason", "")))
    if rule is not None and outcome.get("other"):  # a group of theirs meets at the same time
        reason = t("refusal.client_overlap", lang, other=outcome["other"], rule=rule.label(lang))
    elif rule is not None:  # the client cannot attend: the rule they would break, in words
        reason = t("refusal.cannot_attend", lang, rule=rule.label(lang))
    elif has(reason_key):
        reason = t(reason_key, lang)
    else:
        reason = str(outcome.get("message", ""))
    return "error", t("find.refused", lang, group=group, reason=reason)


def history_table(
    season: Season, history: Iterable[Mapping[str, Any]], season_id: int, lang: str
) -> pd.DataFrame:
    """The client's places in this season's groups, oldest first: status, dates, attendance."""
    rows = []
    for h in history:
        if h["season_id"] != season_id:
            continue
        group = season.group.get(h["group_id"])
        rows.append(
            {
                t("plan.col.group", lang): h["group_id"],
                t("find.col.status", lang): translated("status", h["status"], lang),
                t("find.col.since", lang): date_text(h["enrolled_at"]),
                t("find.col.ended", lang): date_text(h["ended_at"]),
                t("find.col.present", lang): (
                    f"{h['sessions_present']} / {h['sessions_recorded']}"
                    if h["sessions_recorded"]
                    else MISSING
                ),
                t("plan.col.name", lang): group.display_name(lang) if group else "",
            }
        )
    return pd.DataFrame(rows)


# --- team figures (the tables themselves: planner.insight.team) ---


def figures_workbook(tables: Mapping[str, pd.DataFrame], lang: str) -> bytes:
    """The translated tables as an Excel workbook, one sheet per table, as bytes."""
    sheets = {t(f"fig.sheet.{name}", lang): frame for name, frame in tables.items()}
    with tempfile.TemporaryDirectory() as folder:
        return write_figures_xlsx(sheets, Path(folder) / "figures.xlsx").read_bytes()
