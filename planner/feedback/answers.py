"""One anonymous answer to the feedback form (handbook l. 527) and the results of many.

The questionnaire follows the four themes of THL's national client-feedback measure:
satisfaction, commitment to the service, likelihood to recommend and benefit received, each on
a scale of 1-5, and one optional question of what the person would change. `answer_from_form`
reads a posted form (every scale question answered exactly once, with 1-5; the free text at
most `MAX_CHANGE_CHARS`); `summarise` makes a group's or a season's results, shown only from
`rules.FEEDBACK_MIN_ANSWERS` answers on so that a small group's answers cannot be singled out.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from planner import rules

SCALES = ("satisfaction", "commitment", "recommend", "benefit")
"""The four THL themes (l. 527), in the order the form asks them."""
SCALE = (1, 2, 3, 4, 5)
CHANGE = "change"
"""The free-text question: what would you like to change?"""
MAX_CHANGE_CHARS = 1000
RECOMMENDS_FROM = 4
"""An answer of 4 or 5 to the recommend question counts as recommending the group."""


class FeedbackError(ValueError):
    """A form that cannot be stored as an answer; `key` names its `feedback.error.*` text."""

    def __init__(self, key: str, detail: str = "") -> None:
        self.key = key
        super().__init__(f"{key}: {detail}" if detail else key)


@dataclass(frozen=True, slots=True)
class Answer:
    satisfaction: int
    commitment: int
    recommend: int
    benefit: int
    change: str | None = None

    def __post_init__(self) -> None:
        for name in SCALES:
            value = getattr(self, name)
            if type(value) is not int or value not in SCALE:
                raise FeedbackError("scale", f"{name} must be 1-5, not {value!r}")
        if self.change is not None and (
            not self.change.strip() or len(self.change) > MAX_CHANGE_CHARS
        ):
            raise FeedbackError("change", f"at most {MAX_CHANGE_CHARS} characters, not empty")

    def scores(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in SCALES}


def clean_text(text: str) -> str | None:
    """The free text as stored: control characters (but line breaks) dropped, line breaks as
    \\n, white space trimmed; None when nothing is left."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    kept = "".join(ch for ch in text if ch == "\n" or unicodedata.category(ch)[0] != "C")
    return kept.strip() or None


def answer_from_form(fields: Mapping[str, Sequence[str]]) -> Answer:
    """The answer a posted form holds (field name -> its values, as `parse_qs` gives them).

    Each scale question must be answered once with 1-5; the free text is optional, once at
    most, and `MAX_CHANGE_CHARS` long at most. Other fields are ignored. Raises FeedbackError.
    """
    scores: dict[str, int] = {}
    for name in SCALES:
        values = fields.get(name, ())
        if len(values) != 1:
            raise FeedbackError("missing" if not values else "scale", name)
        value = values[0].strip()
        if value not in {str(n) for n in SCALE}:
            raise FeedbackError("scale", f"{name}={value!r}")
        scores[name] = int(value)
    texts = fields.get(CHANGE, ())
    if len(texts) > 1:
        raise FeedbackError("change", "given twice")
    change = clean_text(texts[0]) if texts else None
    if change is not None and len(change) > MAX_CHANGE_CHARS:
        raise FeedbackError("change", f"longer than {MAX_CHANGE_CHARS} characters")
    return Answer(**scores, change=change)


@dataclass(frozen=True, slots=True)
class Results:
    """The results of some answers: `shown` only from `rules.FEEDBACK_MIN_ANSWERS` on; below
    it the means, the share and the texts are withheld (None, empty)."""

    answers: int
    means: dict[str, float] | None = None
    recommend_share: float | None = None  # the share answering 4 or 5 to "recommend"
    changes: tuple[str, ...] = field(default=())

    @property
    def shown(self) -> bool:
        return self.means is not None

    def as_dict(self) -> dict[str, object]:
        return {
            "answers": self.answers,
            "shown": self.shown,
            "means": self.means,
            "recommend_share": self.recommend_share,
            "changes": list(self.changes),
        }


def summarise(answers: Iterable[Answer], minimum: int = rules.FEEDBACK_MIN_ANSWERS) -> Results:
    """The results of `answers`; withheld below `minimum` answers (l. 527: anonymous). The
    free texts come sorted, so their order says nothing of who wrote which."""
    given = list(answers)
    if len(given) < minimum:
        return Results(len(given))
    n = len(given)
    means = {name: round(sum(getattr(a, name) for a in given) / n, 2) for name in SCALES}
    share = sum(a.recommend >= RECOMMENDS_FROM for a in given) / n
    changes = tuple(sorted(a.change for a in given if a.change))
    return Results(n, means, round(share, 3), changes)
