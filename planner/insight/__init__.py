"""Season insight: does the plan reach everyone, and is the staff load fair (l. 409-416)?

    from planner.insight import season_insight, write_report
    insight = season_insight(season, plan, lang="sv")
    insight.coverage          # per municipality (see planner.insight.coverage)
    write_report(insight, "season.xlsx", team=tables)

One computation feeds the dashboard page, the Excel report and the notebook, so they show
the same figures. No Streamlit and no SQL here: a `Season` and a `Plan` in, DataFrames out.
"""

from __future__ import annotations

from planner.insight.bundle import Insight, compare_insights, season_insight
from planner.insight.report import write_report

__all__ = ["Insight", "compare_insights", "season_insight", "write_report"]
