"""`planner report`: the season report workbook (coverage, staff weeks, venue use, team figures).
Registered by `planner.cli.main.build_parser`; the season and plan come from DATA + --plan DIR or
from the store, whose published offering also gives the team figures."""

from __future__ import annotations

import argparse
from pathlib import Path

from planner.cli.common import Add, Emit, Loader, writable_file, write_failed


class ReportError(Exception):
    """A bad option; reported as one line."""


def team_tables(store, season_id: int | None, season, lang: str) -> dict | None:
    """The team figures of the season's published offering, translated; None before
    publishing."""
    from planner.i18n import t
    from planner.insight.team import figure_tables
    from planner.store import Enrolments
    from planner.store.figures import team_figures

    if season_id is None or not Enrolments(store, season_id).offerings():
        return None
    tables = figure_tables(team_figures(store, season_id), season, lang)
    return {t(f"fig.sheet.{name}", lang): frame for name, frame in tables.items()}


def cmd_report(args: argparse.Namespace, emit: Emit, load: Loader) -> int:
    from planner.insight import season_insight, write_report

    out = Path(args.out)
    if out.suffix.lower() != ".xlsx":
        raise ReportError(f"--out {out}: give a file name ending in .xlsx")
    writable_file(out, args.lang)
    season, plan, store = load(args)
    try:
        season_id = (args.season or store.live_season_id()) if store else None
        team = team_tables(store, season_id, season, args.lang) if store else None
    finally:
        if store:
            store.dispose()
    insight = season_insight(season, plan, lang=args.lang)
    try:
        path = write_report(insight, out, team=team, title=season.name)
    except OSError as exc:
        raise write_failed(out, exc, args.lang) from None
    headline = insight.headline()
    emit(
        args,
        {"path": str(path), "headline": headline, "team_figures": team is not None},
        f"Wrote {path}: {headline['groups_scheduled']}/{headline['groups_requested']} groups, "
        f"{headline['clients_placed']}/{headline['clients']} clients placed"
        + ("" if team else " (no team figures: the plan is not published)"),
    )
    return 0


def add_report_commands(add: Add, load: Loader) -> None:
    p = add(
        "report",
        lambda a, emit: cmd_report(a, emit, load),
        "Write the season report (.xlsx): groups, staff weeks, venue use, coverage, team figures.",
    )
    p.add_argument("data", nargs="?", help="season folder/workbook (default: the store's)")
    p.add_argument("--plan", help="plan folder (plan_groups.csv ...) to use with DATA")
    p.add_argument("--db", help="database URL (default: PLANNER_DB_URL or ./planner.sqlite3)")
    p.add_argument("--season", type=int, help="the stored season's id (default: the live season)")
    p.add_argument("--out", required=True, help="the .xlsx file to write")
    p.add_argument("--lang", choices=("fi", "sv", "en"), default="fi", help="report language")
    p.add_argument("--json", action="store_true", help="print the headline figures as JSON")
