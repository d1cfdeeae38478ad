"""Soft fit: how well a group that a client can join suits them, as named score parts.

Each part is one function `(offer, situation, seats) -> Part | None`, listed in `SCORE_PARTS`;
the score is the sum of the parts' points, higher is better. Weights (points):

| part      | points | when |
| --------- | ------ | ---- |
| interest  | +30    | the theme is one of the client's interests |
|           | +20    | the theme is close to an interest (dogs -> nature, metalwork -> functional) |
| format    | +10    | the client asked for this way of meeting: pop-up, hybrid or remote |
| audience  | +10    | a targeted group made for a group the client belongs to |
| wish      | +12/+8/+4 (+2 after) | the client's own ranked wish no. 1/2/3 |
| travel    | 0 to -15 | met in person: in proportion to the client's own travel limit, so a |
|           |        | trip at the limit costs 15 (20 min of a 60-min limit costs 5) |
|           | -15    | joined remotely (remote group, or hybrid out of reach): as a trip at the |
|           |        | limit, since getting out of home is part of the rehabilitation |
| size      | +20    | the client prefers small groups and the group takes at most 6 |
|           | +5     | ... or it is running with at most 4 participants so far |
| time      | +8     | starts at a wished time of day (evenings from 15:00, mornings before 12:00) |
| start     | +5     | the term has not started yet: the client starts with everyone |
|           | +3     | a pop-up group: open, join any time |
|           | -8     | more than half of the term has gone |
| seats     | +1 per free seat, at most +3 | room in the group |

The theme outweighs travel; travel and size order groups that fit equally well. Travel is
measured against the client's own limit because a rural client accepts trips an urban
client would not (the limit is theirs, l. 409, 422). Full groups are ranked after all groups
with seats whatever their score (`planner.finder.find`), so seats only order groups that have
them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from planner.finder.index import Offer
from planner.finder.interests import theme_fit, time_of_day_fit, wants_format
from planner.finder.situation import Situation
from planner.finder.texts import date_text, label, text
from planner.model import hhmm
from planner.rules import is_drop_in, leaders_needed

THEME_MATCH = 30.0
THEME_RELATED = 20.0
FORMAT_WISHED = 10.0
AUDIENCE_MATCH = 10.0
WISH_RANK = (12.0, 8.0, 4.0)
WISH_LATER = 2.0
TRAVEL_AT_LIMIT = -15.0
REMOTE_ONLY = -15.0
SMALL_MAX_SIZE = 6
SMALL_GROUP = 20.0
FEW_SO_FAR = 4
FEW_PARTICIPANTS = 5.0
TIME_OF_DAY = 8.0
NOT_STARTED = 5.0
POPUP_OPEN = 3.0
LATE_JOIN = -8.0
SEAT = 1.0
SEATS_COUNTED = 3


@dataclass(frozen=True, slots=True)
class Seats:
    """Seats as the client sees them: taken by others, free, and whether one is theirs."""

    taken: int
    free: int
    waiting: int
    member: bool


@dataclass(frozen=True, slots=True)
class Part:
    """One named piece of the score and the sentences that explain it to the client."""

    name: str
    points: float
    reasons: tuple[str, ...] = ()


def interest_part(offer: Offer, s: Situation, seats: Seats) -> Part | None:
    theme = offer.group.theme
    fit = theme_fit(theme, s.interests)
    words = label("theme", theme, s.lang, s.themes)
    if fit.level == "exact":
        return Part("interest", THEME_MATCH, (text("reason.theme", s.lang, theme=words),))
    if fit.level == "related":
        interest = label("theme", fit.interest, s.lang, s.themes)
        reason = text("reason.theme_related", s.lang, theme=words, interest=interest)
        return Part("interest", THEME_RELATED, (reason,))
    return None


def format_part(offer: Offer, s: Situation, seats: Seats) -> Part | None:
    # Said in words by the travel part (hybrid, remote) and the start part (pop-up).
    if wants_format(offer.group.kind, offer.group.mode, s.interests):
        return Part("format", FORMAT_WISHED)
    return None


def audience_part(offer: Offer, s: Situation, seats: Seats) -> Part | None:
    group = offer.group
    if group.is_open_to_all:
        return None
    if not s.profile.audience_known:  # the worker did not say: whom the group is for
        words = label("audience", group.audience, s.lang)
        return Part("audience", 0.0, (text("reason.audience_unknown", s.lang, audience=words),))
    if group.audience not in s.profile.audience:
        return None
    reason = text("reason.audience", s.lang, audience=label("audience", group.audience, s.lang))
    return Part("audience", AUDIENCE_MATCH, (reason,))


def wish_part(offer: Offer, s: Situation, seats: Seats) -> Part | None:
    wishes = s.profile.wishes
    if offer.group.group_id not in wishes:
        return None
    rank = wishes.index(offer.group.group_id)
    points = WISH_RANK[rank] if rank < len(WISH_RANK) else WISH_LATER
    return Part("wish", points, (text("reason.wish", s.lang, rank=rank + 1),))


def travel_part(offer: Offer, s: Situation, seats: Seats) -> Part:
    mode = offer.group.mode
    if mode == "remote" or offer.venue is None:
        return Part("travel", REMOTE_ONLY, (text("reason.remote", s.lang),))
    minutes = s.minutes[offer.venue.venue_id]
    how = text(f"travel.{s.profile.travel}", s.lang)
    trip = text("reason.travel", s.lang, minutes=minutes, mode=how)
    if mode == "in_person" or s.reaches_in_person(offer):
        extra = () if mode == "in_person" else (text("reason.hybrid", s.lang),)
        share = minutes / s.profile.max_travel_min
        return Part("travel", round(TRAVEL_AT_LIMIT * share, 2), (trip, *extra))
    if minutes > s.profile.max_travel_min:
        limit = s.profile.max_travel_min
        reason = text("reason.hybrid_far", s.lang, minutes=minutes, mode=how, limit=limit)
    else:
        reason = text("reason.hybrid_not_accessible", s.lang)
    return Part("travel", REMOTE_ONLY, (reason,))


def size_part(offer: Offer, s: Situation, seats: Seats) -> Part | None:
    if not s.profile.prefers_small:
        return None
    size = offer.group.max_size
    if size <= SMALL_MAX_SIZE:
        return Part("size", SMALL_GROUP, (text("reason.small", s.lang, size=size),))
    # Before the term starts every group is empty; only a running group's size says much.
    running = offer.group.weeks is None or s.today >= offer.group.start_date
    if running and seats.taken <= FEW_SO_FAR:
        return Part("size", FEW_PARTICIPANTS, (text("reason.few", s.lang, taken=seats.taken),))
    return None


def time_part(offer: Offer, s: Situation, seats: Seats) -> Part | None:
    fit = time_of_day_fit(offer.placement.start, s.interests)
    if not fit:
        return None
    start = hhmm(offer.placement.start)
    return Part("time", TIME_OF_DAY, (text(f"reason.{fit}", s.lang, start=start),))


def start_part(offer: Offer, s: Situation, seats: Seats) -> Part | None:
    group = offer.group
    if is_drop_in(group):
        return Part("start", POPUP_OPEN, (text("reason.drop_in", s.lang),))
    if group.weeks is None:
        return Part("start", POPUP_OPEN, (text("reason.popup", s.lang),))
    if s.today < group.start_date:
        return Part(
            "start", NOT_STARTED, (text("reason.starts", s.lang, date=date_text(group.start_date)),)
        )
    week = min((s.today - group.start_date).days // 7 + 1, group.weeks)
    reason = text(
        "reason.started", s.lang, date=date_text(group.start_date), week=week, weeks=group.weeks
    )
    return Part("start", LATE_JOIN if week > group.weeks / 2 else 0.0, (reason,))


def seats_part(offer: Offer, s: Situation, seats: Seats) -> Part | None:
    if seats.member:
        return Part("seats", 0.0, (text("reason.member", s.lang),))
    if seats.free <= 0:
        if seats.waiting == 0:
            return Part("seats", 0.0, (text("reason.full_empty", s.lang),))
        return Part("seats", 0.0, (text("reason.full", s.lang, n=seats.waiting),))
    reason = (
        text("reason.seat", s.lang)
        if seats.free == 1
        else text("reason.seats", s.lang, n=seats.free)
    )
    extra = ()
    if len(offer.placement.leaders) < leaders_needed(seats.taken + 1):
        extra = (text("reason.second_leader", s.lang),)
    return Part("seats", SEAT * min(seats.free, SEATS_COUNTED), (reason, *extra))


SCORE_PARTS: dict[str, Callable[[Offer, Situation, Seats], Part | None]] = {
    "interest": interest_part,
    "format": format_part,
    "audience": audience_part,
    "wish": wish_part,
    "travel": travel_part,
    "size": size_part,
    "time": time_part,
    "start": start_part,
    "seats": seats_part,
}
"""In the order their reasons are shown (a full group's waiting list is shown first)."""


def score_parts(offer: Offer, s: Situation, seats: Seats) -> list[Part]:
    return [part for f in SCORE_PARTS.values() if (part := f(offer, s, seats)) is not None]
