"""What enrolment requests come to, and the keys of the reasons users see.

Messages are one line of English for logs and the command line; the UI translates the
`reason` keys.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, NamedTuple

from planner import rules
from planner.rules import (  # noqa: F401  (re-exported: the store speaks of them)
    ENDING_REASONS,
    FOLLOW_UP_OF_REASON,
    FOLLOW_UP_PATHS,
)

MESSAGES = {
    "unknown_group": "{group} is not in the published offering",
    "group_cancelled": "{group} does not run in the current plan",
    "unknown_client": "no client {client} in the current season",
    "already_enrolled": "{client} is already enrolled in {group}",
    "already_waiting": "{client} is already on the waiting list of {group}",
    "already_in_group": "{client} is already in {active} group(s), at most {max_groups}",
    "needs_second_leader": "{group} would have {size} participants with one leader; "
    + rules.rule_phrase("two_leaders"),
    "full": "{group} is full",
    "drop_in": "{group} is a drop-in pop-up group: anyone may come, no enrolment needed (l. 355)",
    "service_ended": "{client}'s social rehabilitation has ended (their service timeline)",
    "cancelled_before": "{client} left {group} earlier; enrol again by hand if wanted",
    "not_enrolled": "{client} is neither enrolled in nor waiting for {group}",
    "same_group": "{client} would move into {group}, the group they are in: pick another",
    "unknown_reason": "unknown reason {reason!r}; use one of " + ", ".join(ENDING_REASONS),
    "unknown_follow_up": "unknown follow-up path {follow_up!r}; use one of "
    + ", ".join(FOLLOW_UP_PATHS),
    "unknown_leader": "no staff member or partner {leader} in the current season",
    "leader_team": "{problem}",
    **{
        key: "{client} cannot take part in {group}: {why}; " + rules.rule_phrase(key)
        for key in (
            "participant_language",
            "participant_audience",
            "remote_consent",
            "participant_days",
            "participant_travel",
            "accessible",
            "client_overlap",
        )
    },
}


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one request. `reason` is a key of `MESSAGES` when refused."""

    status: str  # enrolled | waiting | refused | cancelled | withdrawn | moved | updated
    group_id: str
    client_code: str = ""
    reason: str = ""
    message: str = ""
    promoted: tuple[str, ...] = ()  # clients moved from the waiting list into freed seats

    @property
    def ok(self) -> bool:
        return self.status != "refused"


@dataclass(frozen=True, slots=True)
class EnrolOutcome(Outcome):
    position: int | None = None  # on the waiting list, from 1
    flag: str = ""  # "needs_second_leader" when enrolled with allow_flagged
    other: str = ""  # refused "client_overlap": the group meeting at the same time;
    # moved: the group the client left
    warnings: tuple[str, ...] = ()  # keys of planner.timeline.WARNINGS: the group runs past
    # the client's decision or the 18-month maximum; the place is taken all the same


class Seats(NamedTuple):
    taken: int
    max_size: int
    waiting: int

    @property
    def free(self) -> int:
        return self.max_size - self.taken

    @property
    def at_risk(self) -> bool:
        """Too few participants for the group to run (l. 362)."""
        return self.taken < rules.MIN_GROUP_SIZE

    @property
    def drop_in(self) -> bool:
        return False


class DropInSeats(Seats):
    """The seats of a drop-in pop-up group: nobody enrols, and it runs without the minimum
    of three (l. 355, 366). Still the same `(taken, max_size, waiting)` tuple."""

    __slots__ = ()

    @property
    def at_risk(self) -> bool:
        return False

    @property
    def drop_in(self) -> bool:
        return True


@dataclass(frozen=True, slots=True)
class OfferingStatus:
    """A published group as it stands. For a drop-in pop-up group (`drop_in`) nobody is
    enrolled: it is never at risk for lack of three (l. 355, 366), and its leader need follows
    `expected`, the visitors it expects (`rules.visitors_expected`: the largest of its last
    head counts, or its maximum size with none; l. 363-364)."""

    group_id: str
    plan_id: int
    status: str  # open | cancelled
    taken: int
    max_size: int
    waiting: int
    leaders: tuple[str, ...]
    drop_in: bool = False
    expected: int = 0  # drop-in only: the visitors a session expects

    @property
    def at_risk(self) -> bool:
        if self.drop_in:
            return False
        return self.status == "open" and self.taken < rules.MIN_GROUP_SIZE

    @property
    def needs_second_leader(self) -> bool:
        people = self.expected if self.drop_in else self.taken
        return len(self.leaders) < rules.leaders_needed(people)


@dataclass(frozen=True, slots=True)
class Waiting:
    position: int
    client_code: str
    since: dt.datetime
    counsellor: str


@dataclass(frozen=True)
class PublishReport:
    """What `publish` changed. Nothing moves silently: every dropped place is listed."""

    season_id: int
    plan_id: int
    opened: tuple[str, ...] = ()  # groups published for the first time (or reopened)
    kept: tuple[str, ...] = ()  # groups already published that still run
    cancelled: tuple[str, ...] = ()  # groups no longer scheduled
    added: tuple[tuple[str, str], ...] = ()  # (client_code, group_id) enrolled from the plan
    group_cancelled: tuple[tuple[str, str], ...] = ()  # places ended with their group
    skipped: tuple[tuple[str, str, str], ...] = ()  # (client, group, reason key)
    promoted: tuple[tuple[str, str], ...] = ()  # (client, group) from a waiting list
    short_of_leaders: tuple[str, ...] = ()  # kept groups now too big for their planned leaders
    moved_groups: tuple[str, ...] = ()  # kept groups meeting on another day, hour or venue
    leaders_changed: tuple[str, ...] = ()  # kept groups with other leaders
    moved_clients: tuple[tuple[str, str, str], ...] = ()  # (client, from group, to group)
    kept_flagged: tuple[tuple[str, str, str], ...] = ()  # (client, group, rule) kept, flagged
    ended: tuple[tuple[str, str, str], ...] = ()  # (client, group, reason) ended by resolution
    waiting_dropped: tuple[tuple[str, str, str], ...] = ()  # (client, group, rule) off the list


def refused(key: str, group: str, client: str = "", **fields: Any) -> EnrolOutcome:
    text = MESSAGES[key].format(group=group, client=client, **fields)
    other = str(fields.get("other", ""))
    return EnrolOutcome("refused", group, client, reason=key, message=text, other=other)
