"""The feedback's results for the team: per group over all its rounds, and for the season,
each withheld below `rules.FEEDBACK_MIN_ANSWERS` answers (`planner.feedback.answers`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner import rules
from planner.feedback.answers import SCALES, Results, summarise
from planner.i18n import t
from planner.store import Store
from planner.store.feedback import Feedback, group_names


@dataclass(frozen=True, slots=True)
class SeasonResults:
    """Each group's results that has answers, by group id in the season's order, and the
    season's over the groups whose results are shown (a withheld group's answers would
    otherwise show as the difference)."""

    groups: dict[str, Results]
    names: dict[str, tuple[str, str]]  # group_id -> (Finnish name, Swedish name)
    season: Results

    def name(self, group_id: str, lang: str) -> str:
        fi, sv = self.names.get(group_id, (group_id, group_id))
        return sv if lang == "sv" else fi

    def as_dict(self) -> dict[str, object]:
        return {
            "minimum_answers": rules.FEEDBACK_MIN_ANSWERS,
            "groups": [
                {"group_id": g, "name": self.names.get(g, (g, g))[0], **r.as_dict()}
                for g, r in self.groups.items()
            ],
            "season": self.season.as_dict(),
        }

    def table(self, lang: str) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
        """Headers and rows: group, answers, the mean of each question and the share who
        would recommend; a withheld row says so instead. The season's row comes last."""
        headers = (
            t("feedback.col.group", lang),
            t("feedback.col.answers", lang),
            *(t(f"feedback.col.{name}", lang) for name in SCALES),
            t("feedback.col.recommend_share", lang),
        )
        rows = [_row(f"{g} {self.name(g, lang)}", r, lang) for g, r in self.groups.items()]
        rows.append(_row(t("feedback.results.season", lang), self.season, lang))
        return headers, rows


def _row(label: str, results: Results, lang: str) -> tuple[str, ...]:
    if results.means is None or results.recommend_share is None:
        withheld = t("feedback.results.withheld", lang, n=rules.FEEDBACK_MIN_ANSWERS)
        return (label, str(results.answers), *(withheld for _ in SCALES), withheld)
    return (
        label,
        str(results.answers),
        *(f"{results.means[name]:.1f}" for name in SCALES),
        f"{round(100 * results.recommend_share)} %",
    )


def season_results(
    store: Store, season_id: int | None = None, today: dt.date | None = None
) -> SeasonResults:
    """The results of the season's feedback (by default the live season's), from the rounds
    that are no longer open: a round's answers show once it has closed, expired or filled up
    (a result that moved with each answer would give that answer away)."""
    by_group = Feedback(store, season_id).answers_by_group(settled_only=True, today=today)
    names = group_names(store, season_id)
    order = [g for g in names if g in by_group] + sorted(set(by_group) - set(names))
    groups = {g: summarise(by_group[g]) for g in order}
    # Only the groups shown count for the season: the season's figures less the shown
    # groups' would otherwise give away a withheld group's few answers.
    season = summarise(a for g in order if groups[g].shown for a in by_group[g])
    return SeasonResults(groups, names, season)
