"""Hard filters: a group a client cannot join is never offered as suitable.

Each filter is one function `(offer, situation) -> failure text or None`, listed in
`HARD_FILTERS` by key. They follow the plan's participant rule (`planner.model.Plan`, rule 7):
the group's language, its audience, the client's days, no session at the same time as a
group the client is already in (terms sharing a week), and for groups met in person the
travel limit and an accessible venue (l. 416) wherever the client would be on site. Only a
client who agreed to take part remotely (l. 456, 469, 473-474) may join a remote group, or a
hybrid group out of reach, remotely. A group whose term has ended is not
offered either. A full group is not filtered out: it is offered with its waiting list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from planner import rules, terms
from planner.finder.index import Offer
from planner.finder.situation import Situation
from planner.finder.texts import date_text, has, label, meets_on, text
from planner.model import hhmm


def language_failure(offer: Offer, s: Situation) -> str | None:
    """No interpreter: the client must manage in the group's language (l. 370)."""
    language = offer.group.language
    if rules.speaks(language, s.profile.languages):
        return None
    key = f"failed.language.{language}"
    if has(key):
        return text(key, s.lang)
    return text("failed.language", s.lang, language=language)


def audience_failure(offer: Offer, s: Situation) -> str | None:
    """A targeted group (women, young adults, ...) is only for those it targets."""
    group = offer.group
    if not s.profile.audience_known or rules.audience_fits(group, s.profile.audience):
        return None
    return text("failed.audience", s.lang, audience=label("audience", group.audience, s.lang))


def day_failure(offer: Offer, s: Situation) -> str | None:
    day = offer.placement.weekday
    if day in s.profile.days:
        return None
    return text("failed.day", s.lang, day=meets_on(day, s.lang))


def clash_failure(offer: Offer, s: Situation) -> str | None:
    """A client is in one session at a time: not at the hour of a group they are already in
    (the same weekday, overlapping hours, terms sharing a week; `terms.sessions_clash`)."""
    if s.terms is None:
        return None
    for other in s.busy:
        if other.group_id != offer.group.group_id and terms.sessions_clash(
            s.terms, offer.placement, other
        ):
            return text(
                "failed.clash",
                s.lang,
                group=other.group_id,
                day=meets_on(other.weekday, s.lang),
                start=hhmm(other.start),
                end=hhmm(other.end),
            )
    return None


def remote_failure(offer: Offer, s: Situation) -> str | None:
    """A remote group only for a client who agreed to take part remotely."""
    if rules.remote_allowed(offer.group, s.profile):
        return None
    return text("failed.remote_consent", s.lang)


def travel_failure(offer: Offer, s: Situation) -> str | None:
    """On site: the trip must fit the client's travel limit."""
    if not rules.travel_binds(offer.group, s.profile) or offer.venue is None:
        return None
    minutes = s.minutes[offer.venue.venue_id]
    limit = s.profile.max_travel_min
    if minutes <= limit:
        return None
    mode = text(f"travel.{s.profile.travel}", s.lang)
    return text("failed.travel", s.lang, minutes=minutes, mode=mode, limit=limit)


def accessible_failure(offer: Offer, s: Situation) -> str | None:
    """On site: a client who needs it gets an accessible venue (l. 416)."""
    if not rules.travel_binds(offer.group, s.profile) or offer.venue is None:
        return None
    if offer.venue.accessible or not s.profile.needs_accessible:
        return None
    return text("failed.accessible", s.lang)


def last_session(offer: Offer) -> dt.date | None:
    """The date of the group's last session; None for a pop-up group (no fixed term)."""
    return terms.last_session(offer.group, offer.placement.weekday)


def ended_failure(offer: Offer, s: Situation) -> str | None:
    last = last_session(offer)
    if last is None or s.today <= last:
        return None
    return text("failed.ended", s.lang, date=date_text(last))


HARD_FILTERS: dict[str, Callable[[Offer, Situation], str | None]] = {
    "language": language_failure,
    "audience": audience_failure,
    "day": day_failure,
    "clash": clash_failure,
    "remote": remote_failure,
    "travel": travel_failure,
    "accessible": accessible_failure,
    "ended": ended_failure,
}


RULE_OF_FILTER: dict[str, str] = {
    "language": "participant_language",
    "audience": "participant_audience",
    "day": "participant_days",
    "clash": "client_overlap",
    "remote": "remote_consent",
    "travel": "participant_travel",
    "accessible": "accessible",
    "ended": "term",
}
"""The catalogue rule (`planner.rules.RULES`) each filter applies to a live offering."""


def failures(offer: Offer, s: Situation) -> list[tuple[str, str]]:
    """(filter key, text) for every hard filter the group breaks for this client."""
    found = []
    for key, check in HARD_FILTERS.items():
        reason = check(offer, s)
        if reason is not None:
            found.append((key, reason))
    return found


def passes_all(offer: Offer, s: Situation) -> bool:
    """Whether the client can join the group (stops at the first failed filter)."""
    return all(check(offer, s) is None for check in HARD_FILTERS.values())
