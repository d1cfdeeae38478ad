"""Rank a plan's groups for one client: `find_groups`.

Suitable groups (every hard filter passed) come first: those with free seats by score, then
the full ones by score (each with its waiting list). With `include_failed=True` the groups
the client cannot join follow, fewest failed filters first, each naming what fails.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Collection, Mapping

from planner import rules, terms
from planner.finder.filters import failures, passes_all
from planner.finder.index import FinderIndex, Offer, index_for
from planner.finder.match import Match
from planner.finder.profile import Profile, ProfileError
from planner.finder.score import Seats, score_parts
from planner.finder.situation import Situation
from planner.geo import TravelModel
from planner.model import WEEKDAYS, Plan, Season, hhmm
from planner.timeline import Timeline

log = logging.getLogger("planner")


def find_groups(
    season: Season,
    plan: Plan,
    profile: Profile,
    *,
    taken: Mapping[str, int] | None = None,
    waiting: Mapping[str, int] | None = None,
    member_of: Collection[str] | None = None,
    today: dt.date | None = None,
    lang: str = "en",
    include_failed: bool = False,
    travel: TravelModel | None = None,
    limit: int | None = None,
    index: FinderIndex | None = None,
    timeline: Timeline | None = None,
) -> list[Match]:
    """The plan's scheduled groups ranked for the client described by `profile`, best first.

    `taken`: seats in use per group (default: the plan's participants); `waiting`: waiting-list
    length per group (default none); `member_of`: groups the client is already in (default:
    theirs in the plan, by `profile.client_code`) - their own seat counts as free for them,
    and a group meeting at the same time as one of them (`terms.sessions_clash`) fails.
    `index`: a prepared `FinderIndex` for this season and plan (else one is kept per plan).
    `timeline`: the client's service timeline (`planner.timeline`), when one is recorded: a
    group whose last session falls after the decision's end or the 18-month maximum
    carries a warning (`Match.warnings`, and first among its reasons); it is not a filter.
    """
    if profile.municipality not in season.municipality:
        raise ProfileError(f"unknown municipality {profile.municipality!r}")
    if index is None:
        index = index_for(season, plan, travel)
    elif index.season is not season or index.plan is not plan:
        raise ValueError("the FinderIndex was made for another season or plan")
    if member_of is None:
        member_of = index.member_of.get(profile.client_code or "", frozenset())
    mine = frozenset(member_of)
    s = Situation(
        profile=profile,
        interests=frozenset(profile.interests),
        minutes=index.minutes_from(profile.municipality, profile.travel, profile.postal_code),
        today=today or terms.local_today(),
        lang=lang,
        busy=tuple(plan.placement[gid] for gid in sorted(mine) if gid in plan.placement),
        terms=season.terms,
        themes=season.theme,
    )
    matches = []
    for offer in index.offers:
        if include_failed:
            failed = failures(offer, s)
        elif passes_all(offer, s):
            failed = []
        else:
            continue
        seats = _seats(offer, taken, waiting, offer.group.group_id in mine)
        matches.append(_match(season, offer, s, seats, failed, timeline))
    matches.sort(key=_rank)
    log.debug("finder: %d of %d groups for one client", len(matches), len(index.offers))
    return matches if limit is None else matches[:limit]


def _seats(
    offer: Offer,
    taken: Mapping[str, int] | None,
    waiting: Mapping[str, int] | None,
    member: bool,
) -> Seats:
    gid = offer.group.group_id
    in_use = len(offer.members) if taken is None else taken.get(gid, 0)
    others = max(in_use - int(member), 0)
    queue = 0 if waiting is None else waiting.get(gid, 0)
    return Seats(taken=others, free=max(offer.seat_limit - others, 0), waiting=queue, member=member)


def _match(
    season: Season,
    offer: Offer,
    s: Situation,
    seats: Seats,
    failed: list[tuple[str, str]],
    timeline: Timeline | None = None,
) -> Match:
    group, placement, venue = offer.group, offer.placement, offer.venue
    # where it meets: a pinned venue may lie outside the group's municipality
    place = season.municipality[venue.municipality if venue else group.municipality]
    parts = score_parts(offer, s, seats)
    remote = venue is None or s.participation(offer) == "remote"
    reasons = [r for part in parts for r in part.reasons]
    if seats.free <= 0 and not seats.member:
        # the waiting list is the first thing a worker needs to know
        full = next(p for p in parts if p.name == "seats").reasons
        reasons = [*full, *(r for r in reasons if r not in full)]
    warnings: tuple[str, ...] = ()
    if timeline is not None:
        warnings = timeline.warnings_for(terms.last_session(group, placement.weekday))
        reasons = [*(timeline.warning_text(w, s.lang) for w in warnings), *reasons]
    return Match(
        group_id=group.group_id,
        name=group.display_name(s.lang),
        weekday=WEEKDAYS[placement.weekday],
        start=hhmm(placement.start),
        end=hhmm(placement.end),
        venue_id=venue.venue_id if venue else None,
        venue_name=venue.display_name(s.lang) if venue else "",
        address=venue.address if venue else "",
        municipality=place.code,
        municipality_name=place.name(s.lang),
        language=group.language,
        theme=group.theme,
        audience=group.audience,
        kind=group.kind,
        mode=group.mode,
        free_seats=seats.free,
        waiting=seats.waiting,
        accessible=venue.accessible if venue else None,
        travel_min=0 if remote else s.minutes[venue.venue_id],
        score=round(sum(p.points for p in parts), 2),
        parts={p.name: p.points for p in parts},
        reasons=reasons,
        failed=[why for _, why in failed],
        failed_rules=[rule for rule, _ in failed],
        member=seats.member,
        participation="remote" if remote else "on_site",
        travel_mode="remote" if remote else s.profile.travel,
        warnings=list(warnings),
        drop_in=rules.is_drop_in(group),
    )


def _rank(m: Match) -> tuple[bool, int, bool, float, int, str]:
    return (bool(m.failed), len(m.failed), m.full, -m.score, m.travel_min or 0, m.group_id)
