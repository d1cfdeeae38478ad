"""One group offered to a client: `Match`, what a worker reads and `planner find --json` prints."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from planner.finder.texts import text
from planner.i18n import weekday_name
from planner.model import WEEKDAYS


@dataclass(frozen=True, slots=True)
class Match:
    """A scheduled group ranked for one client. Texts are in the language asked for.

    `failed` names the hard filters the group breaks (empty when it suits);
    `failed_rules` gives the same as keys: language, audience, day, travel, accessible, ended.
    `participation` is how the client would take part: "on_site" or "remote" (a remote group,
    or a hybrid group out of their reach when they agreed to take part remotely); a remote
    participant travels 0 minutes (`travel_min` 0, `travel_mode` "remote"), an on-site one
    `travel_min` by `travel_mode` (car, transit or ride). `warnings` are keys of
    `planner.timeline.WARNINGS` (the group runs past the client's decision or the 18-month
    maximum), said in words first among the `reasons`; they do not make a group unsuitable.
    """

    group_id: str
    name: str
    weekday: str  # "Mon".."Fri"
    start: str  # "HH:MM"
    end: str
    venue_id: str | None
    venue_name: str
    address: str
    municipality: str  # code
    municipality_name: str
    language: str
    theme: str
    audience: str
    kind: str
    mode: str
    free_seats: int
    waiting: int
    accessible: bool | None  # None for a remote group
    travel_min: int
    score: float
    parts: dict[str, float] = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    failed_rules: list[str] = field(default_factory=list)
    member: bool = False  # the client is already in this group
    participation: str = "on_site"
    travel_mode: str = ""
    warnings: list[str] = field(default_factory=list)
    drop_in: bool = False  # a pop-up open without enrolment: just come (l. 355, 366)

    @property
    def suitable(self) -> bool:
        return not self.failed

    @property
    def full(self) -> bool:
        """No free seat to enrol in; a drop-in group has no enrolment, so it is never full."""
        return not self.drop_in and self.free_seats <= 0

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data; the keys of DESIGN.md's `planner find --json` and the rest."""
        return asdict(self)


def matches_text(matches: Sequence[Match], lang: str = "en") -> str:
    """Matches as a person reads them on a terminal: a line per group, then its reasons."""
    if not matches:
        return text("list.none", lang)
    lines = []
    for m in matches:
        where = f", {m.venue_name}" if m.venue_name else ""
        day = weekday_name(WEEKDAYS.index(m.weekday), lang, form="short")
        when = f"{day} {m.start}-{m.end}"
        if m.participation == "remote":
            how = text("joins_remotely", lang)
        else:
            way = text(f"travel.{m.travel_mode}", lang)
            how = text("on_site", lang, minutes=m.travel_min, mode=way)
        lines.append(f"{m.group_id}  {when}  {m.name}{where}  {how}  ({m.score:g})")
        if m.failed:
            lines.append(f"    {text('list.not_suitable', lang)}: {'; '.join(m.failed)}")
        lines.append(f"    {'; '.join(m.reasons)}")
    return "\n".join(lines)
