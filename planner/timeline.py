"""A client's service timeline (handbook l. 118, 596, 622, 646-659): `Timeline`.

Social rehabilitation starts on a recorded date; the counsellor's decision covers six months
at a time (l. 596); the first evaluation is held three months after the start (l. 646, booked
at the first meeting, l. 622), the joint evaluations every six months (l. 650), where the
counsellor decides on continuing (l. 659); the service lasts at most 18 months (l. 118). The
rule numbers are in `planner.rules`; this module does the date arithmetic and says it in
fi/sv/en (`timeline.*` texts). No SQL (the store keeps timelines in `service_timelines`,
`planner.store.timelines`), no Streamlit.

A client without a recorded start has no timeline, and nothing here warns about them.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import TypeVar

from planner import rules
from planner.i18n import t

D = TypeVar("D", dt.date, dt.datetime)

WARNINGS = ("past_decision", "past_maximum", "service_ended")
"""The keys of a timeline warning: a group runs past the client's decision, or past the
service's 18-month maximum, or the client's service has ended (enrolment refuses then)."""
EVALUATION_KINDS = ("first", "joint")
EVALUATIONS: tuple[tuple[int, str], ...] = (
    (rules.FIRST_EVALUATION_MONTHS, "first"),
    *(
        (months, "joint")
        for months in range(
            rules.JOINT_EVALUATION_MONTHS, rules.MAX_SERVICE_MONTHS, rules.JOINT_EVALUATION_MONTHS
        )
    ),
)
"""Every evaluation by months after the start and kind: the first at 3 months (l. 646), the
joint ones every 6 months before the 18-month maximum (l. 650): (3, first), (6, joint),
(12, joint)."""


class TimelineError(ValueError):
    """A timeline the rules do not allow; `key` names a `timeline.refused.*` text, the message
    is its English."""

    def __init__(self, key: str, **params: object) -> None:
        self.key, self.params = key, params
        super().__init__(self.text("en"))

    def text(self, lang: str) -> str:
        return t(
            f"timeline.refused.{self.key}",
            lang,
            months=rules.MAX_SERVICE_MONTHS,
            source=rules.handbook_source(rules.MAX_SERVICE_LINE, lang),
            **self.params,
        )


def add_months(day: D, months: int) -> D:
    """The same day `months` calendar months later (earlier when negative); the month's last
    day when that month is shorter (31 Aug + 6 months = 28 or 29 Feb)."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    month += 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def date_text(day: dt.date) -> str:
    """The Finnish way, used in all three languages: 5.7.2027."""
    return f"{day.day}.{day.month}.{day.year}"


@dataclass(frozen=True, slots=True)
class Evaluation:
    """One evaluation of the service: the first (3 months) or a joint one (every 6)."""

    months: int  # after the start
    kind: str  # first | joint
    due: dt.date
    held: bool = False

    def overdue(self, today: dt.date) -> bool:
        return not self.held and self.due < today

    def text(self, lang: str) -> str:
        """ "The joint evaluation (6 months) is due on 5.7.2027" in `lang`."""
        key = "timeline.evaluation.held" if self.held else "timeline.evaluation.due"
        return t(key, lang, what=self.name(lang), date=date_text(self.due))

    def name(self, lang: str) -> str:
        return t(f"timeline.evaluation.{self.kind}", lang, months=self.months)


@dataclass(frozen=True, slots=True)
class Timeline:
    """The service timeline of one client, by their pseudonymous code.

    `decision_end` is the last day of the current decision as recorded (none: six months
    from the start, l. 596); `held` the evaluations held, by their months (3, 6, 12).
    `ended_on` is the service's own last day as the client's own worker recorded it, with
    its reason (`rules.ENDING_REASONS`) and follow-up path (`rules.FOLLOW_UP_PATHS`; none
    given: the one the reason implies), tracked figures of l. 542-543.
    """

    client_code: str
    start: dt.date
    decision_end: dt.date | None = None
    held: tuple[int, ...] = ()
    ended_on: dt.date | None = None
    end_reason: str | None = None
    follow_up: str | None = None

    def __post_init__(self) -> None:
        self._check_end()
        if self.decision_end is not None:
            if self.decision_end < self.start:
                raise TimelineError("decision_before_start")
            if self.decision_end > self.maximum_end:
                raise TimelineError("decision_past_maximum", date=date_text(self.maximum_end))
        months = {m for m, _ in EVALUATIONS}
        unknown = sorted(set(self.held) - months)
        if unknown:
            raise TimelineError(
                "unknown_evaluation",
                held=unknown[0],
                known=", ".join(str(m) for m in sorted(months)),
            )
        object.__setattr__(self, "held", tuple(sorted(set(self.held))))

    def _check_end(self) -> None:
        if self.ended_on is None:
            if self.end_reason or self.follow_up:
                raise TimelineError("reason_without_end")
            object.__setattr__(self, "end_reason", None)
            object.__setattr__(self, "follow_up", None)
            return
        if self.ended_on < self.start:
            raise TimelineError("end_before_start")
        if self.ended_on > self.maximum_end:
            raise TimelineError("end_past_maximum", date=date_text(self.maximum_end))
        if self.end_reason not in rules.ENDING_REASONS:
            raise TimelineError("end_needs_reason")
        follow_up = self.follow_up or rules.FOLLOW_UP_OF_REASON.get(self.end_reason)
        if follow_up is not None and follow_up not in rules.FOLLOW_UP_PATHS:
            raise TimelineError("unknown_follow_up")
        object.__setattr__(self, "follow_up", follow_up)

    @property
    def ended(self) -> bool:
        return self.ended_on is not None

    def in_service_on(self, day: dt.date) -> bool:
        """The service has started and not ended by `day`."""
        return self.start <= day and (self.ended_on is None or day <= self.ended_on)

    @property
    def decision_until(self) -> dt.date:
        """The last day of the current decision."""
        if self.decision_end is not None:
            return self.decision_end
        return add_months(self.start, rules.DECISION_MONTHS) - dt.timedelta(days=1)

    @property
    def maximum_end(self) -> dt.date:
        """The last day of the service's 18 months (l. 118)."""
        return add_months(self.start, rules.MAX_SERVICE_MONTHS) - dt.timedelta(days=1)

    def evaluations(self) -> tuple[Evaluation, ...]:
        """The first evaluation at 3 months and the joint ones every 6 months before the
        18-month maximum (6 and 12), earliest first."""
        return tuple(
            Evaluation(months, kind, add_months(self.start, months), months in self.held)
            for months, kind in EVALUATIONS
        )

    def due(
        self, today: dt.date, within_days: int = rules.EVALUATION_NOTICE_DAYS
    ) -> tuple[Evaluation, ...]:
        """The evaluations not held that are overdue or due within `within_days` of today;
        none once the service has ended."""
        if self.ended:
            return ()
        until = today + dt.timedelta(days=within_days)
        return tuple(e for e in self.evaluations() if not e.held and e.due <= until)

    def warnings_for(self, term_end: dt.date | None) -> tuple[str, ...]:
        """Keys of `WARNINGS` for a group whose term ends on `term_end` (none for a group
        without a fixed term, which can end whenever the client does); only "service_ended"
        once the service has ended."""
        if self.ended:
            return ("service_ended",)
        if term_end is None:
            return ()
        found = []
        if term_end > self.decision_until:
            found.append("past_decision")
        if term_end > self.maximum_end:
            found.append("past_maximum")
        return tuple(found)

    def warning_text(self, key: str, lang: str) -> str:
        """A warning of `warnings_for` in words, with the date it runs past."""
        if key == "service_ended":
            return t("timeline.warning.service_ended", lang, date=date_text(self.ended_on))
        day = self.decision_until if key == "past_decision" else self.maximum_end
        line = rules.DECISION_LINE if key == "past_decision" else rules.MAX_SERVICE_LINE
        return t(
            f"timeline.warning.{key}",
            lang,
            date=date_text(day),
            months=rules.MAX_SERVICE_MONTHS,
            source=rules.handbook_source(line, lang),
        )

    def as_dict(self) -> dict[str, object]:
        """Plain JSON-ready data (`planner timeline CLIENT --json`)."""
        return {
            "client_code": self.client_code,
            "start": self.start.isoformat(),
            "decision_end": self.decision_until.isoformat(),
            "decision_end_recorded": self.decision_end is not None,
            "maximum_end": self.maximum_end.isoformat(),
            "evaluations": [
                {"months": e.months, "kind": e.kind, "due": e.due.isoformat(), "held": e.held}
                for e in self.evaluations()
            ],
            "ended_on": self.ended_on.isoformat() if self.ended_on else None,
            "end_reason": self.end_reason,
            "follow_up": self.follow_up,
        }

    def lines(self, lang: str, today: dt.date | None = None) -> list[str]:
        """The timeline as a person reads it, a line a date; with `today`, what is overdue."""
        rows = [
            t("timeline.start", lang, date=date_text(self.start)),
            t(
                "timeline.decision_end",
                lang,
                date=date_text(self.decision_until),
                source=rules.handbook_source(rules.DECISION_LINE, lang),
            ),
        ]
        for e in self.evaluations():
            line = e.text(lang)
            if today is not None and e.overdue(today):
                line += " " + t("timeline.overdue", lang)
            rows.append(line)
        rows.append(
            t(
                "timeline.maximum_end",
                lang,
                date=date_text(self.maximum_end),
                months=rules.MAX_SERVICE_MONTHS,
                source=rules.handbook_source(rules.MAX_SERVICE_LINE, lang),
            )
        )
        if self.ended_on is not None:
            rows.append(self.end_text(lang))
        return rows

    def end_text(self, lang: str) -> str:
        """ "The service ended on 3.5.2027: moved to work · next: work" in `lang`."""
        return t(
            "timeline.ended",
            lang,
            date=date_text(self.ended_on),
            reason=t(f"ending.{self.end_reason}", lang),
            path=t(f"path.{self.follow_up or 'none'}", lang),
        )
