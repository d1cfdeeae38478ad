"""What each group could get, worked out once before the model is built.

For every group: the weekdays, venues and start times it may use (with the starts at which
each venue is open for the whole session), the people who may lead it and the clients who
may join it. The lists leave out what a hard rule forbids (the predicates live in
`rules_hard`), unless that rule is named in `relaxed`: the explanations build candidates
without a rule's filter and let its guarded constraint decide instead.

Three cuts are heuristics, not rules, and only apply when `prune` is on: each group considers
the `max_venue_candidates` venues that the most of its clients reach, the
`max_leader_candidates` nearest staff (plus the nearest qualified ones, the two nearest whose
skills match the theme, all pinned people and a few of the partners working there), and each
client the `max_groups_per_client` best groups (wishes first, then fit, then the shortest
trip).

The cuts never take away what a pin, a wish or the previous plan needs: pinned venues and
leaders stay, a group stays at its previous venue with its previous leaders and
participants, every client keeps each group they wished for, and a venue cut keeps a venue
that each wishing client reaches. `Candidates.pruning` records per kind (venues, leaders,
clients) the options before the cuts, those kept and the groups that lost any; the solver
puts it into `Result.stats["pruning"]`. A group the search leaves out gets its options back
after the search (`for_group(gid, relaxed=...)`, see `repair.complete_plan`).
"""

from __future__ import annotations

import copy
import logging
import math
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace

from planner import rules
from planner.geo import TravelModel, home_key
from planner.model import Client, Group, Plan, Season, Staff, Venue
from planner.solve.params import GRID_MIN, SolveParams

log = logging.getLogger("planner")

DAYS = (0, 1, 2, 3, 4)

WISH_FIT = (5, 4, 3)
"""Fit of a placement in a client's first, second and third wish."""
LATER_WISH_FIT = 2
MATCH_FIT = 1
"""Fit when the group's theme is among the client's interests, or it targets their audience."""
MAX_FIT = WISH_FIT[0]
SKILLED = 2
"""Staff whose skills match a group's theme kept as its candidates beyond the nearest ones."""


@dataclass(frozen=True, slots=True)
class GroupCandidates:
    group_id: str
    days: tuple[int, ...]
    venues: tuple[str, ...]
    starts: tuple[int, ...]
    """The domain of the start time (minutes after midnight, on the half-hour grid)."""
    open_starts: Mapping[tuple[str, int], frozenset[int]]
    """Per (venue, weekday): the starts at which the venue is open for the whole session."""
    leaders: tuple[str, ...]
    clients: tuple[str, ...]


def _keep(items: Iterable, ok: Callable[..., bool], relaxed: bool) -> tuple:
    """Filter by a rule unless relaxed; never filter to nothing (the rule's constraint then
    forbids the group, which the explanations can name)."""
    items = tuple(items)
    if relaxed:
        return items
    kept = tuple(i for i in items if ok(i))
    return kept or items


def client_fit(group: Group, client: Client) -> int:
    """How well a group suits a client: ranked wishes first, then theme or audience match."""
    if group.group_id in client.wishes:
        rank = client.wishes.index(group.group_id)
        return WISH_FIT[rank] if rank < len(WISH_FIT) else LATER_WISH_FIT
    if group.theme and group.theme in client.interests:
        return MATCH_FIT
    if not group.is_open_to_all and group.audience in client.audience:
        return MATCH_FIT
    return 0


class Candidates:
    """Per-group options for one season, with the travel lookups the model needs (cached)."""

    def __init__(
        self,
        season: Season,
        params: SolveParams,
        *,
        relaxed: frozenset[str] = frozenset(),
        group_ids: Iterable[str] | None = None,
        prune: bool = True,
        travel: TravelModel | None = None,
        keep: Plan | None = None,
    ) -> None:
        self.season = season
        self.params = params
        self.relaxed = relaxed
        self.travel = travel or TravelModel(season)
        self._venue_min: dict[tuple[str, str, str], int] = {}
        self._client_min: dict[tuple[str, str, str, str], int] = {}
        self._open: dict[tuple[str, int, int], frozenset[int]] = {}
        self._gap: dict[tuple[str, str, str], int] = {}
        self._reach: dict[tuple[str, str, int], frozenset[str]] = {}
        self.keep = keep
        """A previous plan: its leaders and participants stay candidates, and a group stays at
        its previous venue while that is still possible."""
        self._before: dict[str, dict[str, int]] = {"venues": {}, "leaders": {}, "clients": {}}
        """Options per kind and group before the cuts (only when pruning)."""
        ids = list(group_ids) if group_ids is not None else [g.group_id for g in season.groups]
        groups = {gid: self._group(season.group[gid], prune) for gid in ids}
        if prune:
            groups = self._prune_leaders(self._prune_clients(groups))
        self.groups: dict[str, GroupCandidates] = groups
        self.pruning: dict[str, dict[str, int]] = self._pruning() if prune else {}
        """Per kind: options before the cuts, options kept, groups that lost any."""

    def _pruning(self) -> dict[str, dict[str, int]]:
        out = {}
        for kind, before in self._before.items():
            kept = {gid: len(getattr(self.groups[gid], kind)) for gid in before}
            out[kind] = {
                "before": sum(before.values()),
                "kept": sum(kept.values()),
                "groups_affected": sum(1 for gid, n in before.items() if kept[gid] < n),
            }
        return out

    def for_group(self, gid: str, *, relaxed: frozenset[str] | None = None) -> Candidates:
        """Candidates for one group that share this object's travel caches: this object's
        own options for it, or (with `relaxed`) unpruned options with those filters off."""
        other = copy.copy(self)
        other._gap = {}
        if relaxed is None:
            other.groups = {gid: self.groups[gid]}
        else:
            other.relaxed = relaxed
            other.keep = None
            other.groups = {gid: other._group(self.season.group[gid], False)}
        return other

    def __getitem__(self, gid: str) -> GroupCandidates:
        return self.groups[gid]

    # --- travel ---

    def venue_minutes(self, a: str, b: str, mode: str) -> int:
        key = (a, b, mode)
        if key not in self._venue_min:
            self._venue_min[key] = self.travel.between_venues(a, b, mode)
        return self._venue_min[key]

    def client_minutes(self, code: str, vid: str) -> int:
        client = self.season.client[code]
        key = (*home_key(self.season, client), vid, client.travel)
        if key not in self._client_min:
            self._client_min[key] = self.travel.client_to_venue(client, vid)
        return self._client_min[key]

    def round_trip(self, pid: str, vid: str) -> int:
        """Minutes from a staff member's base to a venue and back."""
        person = self.season.person[pid]
        if not isinstance(person, Staff) or person.base_venue not in self.season.venue:
            return 0
        mode = rules.travel_mode(person)
        base = person.base_venue
        return self.venue_minutes(base, vid, mode) + self.venue_minutes(vid, base, mode)

    def gap(self, g1: str, g2: str, mode: str) -> int:
        """Travel minutes one person needs from a session of g1 to a session of g2, at most."""
        key = (g1, g2, mode)
        if key not in self._gap:
            v1, v2 = self.groups[g1].venues, self.groups[g2].venues
            self._gap[key] = max(
                (self.venue_minutes(a, b, mode) for a in v1 for b in v2 if a != b), default=0
            )
        return self._gap[key]

    # --- building ---

    def _open_starts(self, vid: str, day: int, minutes: int, base: tuple[int, ...]) -> frozenset:
        key = (vid, day, minutes)
        if key not in self._open:
            venue = self.season.venue[vid]
            self._open[key] = frozenset(s for s in base if venue.is_open(day, s, s + minutes))
        return self._open[key]

    def _base_starts(self, group: Group) -> tuple[int, ...]:
        m = max(group.minutes, 1)
        if group.needs_venue:
            return tuple(range(0, max(24 * 60 - m, 0) + 1, GRID_MIN))
        lo, hi = self.params.remote_hours
        first = -(-lo // GRID_MIN) * GRID_MIN
        starts = tuple(range(first, hi - m + 1, GRID_MIN))
        return starts or (first,)

    def _group(self, g: Group, prune: bool) -> GroupCandidates:
        off = self.relaxed.__contains__
        season = self.season
        days = _keep(DAYS, lambda d: rules.pins_allow_day(g, d), off("pins"))
        venues: tuple[str, ...] = ()
        if g.needs_venue:
            venues = _keep(
                (v.venue_id for v in season.venues),
                lambda vid: rules.venue_in_municipality(g, season.venue[vid]),
                off("venue_municipality"),
            )
            venues = _keep(venues, lambda vid: rules.pins_allow_venue(g, vid), off("pins"))
        base = self._base_starts(g)
        open_starts = {
            (vid, d): self._open_starts(vid, d, g.minutes, base) for vid in venues for d in days
        }
        starts = base
        if venues and not off("venue_open"):
            venues = _keep(venues, lambda vid: any(open_starts[vid, d] for d in days), False)
            days = _keep(days, lambda d: any(open_starts[vid, d] for vid in venues), False)
            opened = set().union(*(open_starts[vid, d] for vid in venues for d in days))
            starts = _keep(base, opened.__contains__, False)
        starts = _keep(starts, lambda s: rules.pins_allow_start(g, s), off("pins"))
        open_starts = {k: s for k, s in open_starts.items() if k[0] in venues and k[1] in days}
        kept = self._kept_venue(g.group_id)
        if kept in venues and not off("venue_open"):
            # Re-planning: a group stays at its venue (travel gaps are then exact for it).
            venues = (kept,)
            open_starts = {k: s for k, s in open_starts.items() if k[0] == kept}
            starts = _keep(starts, lambda s: any(s in x for x in open_starts.values()), False)
        clients = self._clients(g, days, venues)
        if prune:
            self._before["venues"][g.group_id] = len(venues)
            self._before["clients"][g.group_id] = len(clients) if rules.enrols(g) else 0
        if prune and len(venues) > self.params.max_venue_candidates:
            venues = self._best_venues(g, venues, clients, self._kept_venue(g.group_id))
            open_starts = {k: s for k, s in open_starts.items() if k[0] in venues}
            starts = _keep(starts, lambda s: any(s in x for x in open_starts.values()), False)
            clients = self._clients(g, days, venues)
        leaders = self._leaders(g, days)
        if not rules.enrols(g):
            # Rule drop_in (by construction): nobody is placed in a drop-in group; the clients
            # who could come only chose its venue above (l. 355).
            clients = ()
        return GroupCandidates(g.group_id, days, venues, starts, open_starts, leaders, clients)

    def _leaders(self, g: Group, days: tuple[int, ...]) -> tuple[str, ...]:
        """Everyone who may lead the group (pinned people always)."""
        off = self.relaxed.__contains__
        need = g.minutes + self.params.allowance_min
        people = []
        for person in (*self.season.staff, *self.season.partners):
            pid = person.person_id
            if pid in g.leaders:
                people.append(pid)
                continue
            if not off("leader_language") and not rules.leader_speaks(g, person):
                continue
            if not off("partner_municipality") and not rules.partner_may_lead(g, person):
                continue
            if not off("leader_days") and not set(days) & set(person.days):
                continue
            cap = rules.weekly_cap_min(person)
            if not off("weekly_hours") and cap is not None and cap < need:
                continue
            people.append(pid)
        return tuple(people)

    def _prune_leaders(self, groups: dict[str, GroupCandidates]) -> dict[str, GroupCandidates]:
        """Nearby staff per group, spread so that nobody is a candidate for far more groups
        than their weekly hours could take (which would only add travel-gap pairs).

        Rounds: in each, every group takes its nearest eligible staff member who still has
        candidate slots (a share of all slots by weekly hours); after `max_leader_candidates`
        rounds, the nearest qualified staff are added when a group has too few, then a few
        partners (spread by a stable hash: partners have no base) and the pinned people.
        """
        k = self.params.max_leader_candidates
        season = self.season
        staff_ids = [s.staff_id for s in season.staff]
        hours = {pid: max(rules.weekly_cap_min(season.person[pid]) or 0, 1) for pid in staff_ids}
        total = sum(hours.values()) or 1
        want = 1.5 * k * len(groups)
        slots = {pid: max(3, math.ceil(want * hours[pid] / total)) for pid in staff_ids}
        ranked: dict[str, list[str]] = {}
        for gid, c in groups.items():
            staff = [pid for pid in c.leaders if isinstance(season.person[pid], Staff)]
            ranked[gid] = sorted(staff, key=lambda pid, c=c: self._staff_order(c, pid))
        chosen: dict[str, list[str]] = {gid: [] for gid in groups}
        position = dict.fromkeys(groups, 0)
        for _ in range(k):
            for gid in groups:
                order = ranked[gid]
                while position[gid] < len(order):
                    pid = order[position[gid]]
                    position[gid] += 1
                    if slots[pid] > 0:
                        slots[pid] -= 1
                        chosen[gid].append(pid)
                        break
        out = {}
        for gid, c in groups.items():
            self._before["leaders"][gid] = len(c.leaders)
            g = season.group[gid]
            keep = set(chosen[gid]) | set(g.leaders) | set(self._kept_leaders(gid))
            qualified = [p for p in ranked[gid] if rules.is_qualified_staff(season.person[p])]
            have = sum(1 for p in keep if p in qualified)
            keep |= set(qualified[: max(0, (k + 1) // 2 - have)])
            # The objective prefers leaders whose skills match the theme (l. 375): keep the
            # two nearest such staff among the nearer half of the eligible ones.
            near = ranked[gid][: 2 * k]
            keep |= set([p for p in near if rules.skills_match(g, season.person[p])][:SKILLED])
            partners = [p for p in c.leaders if not isinstance(season.person[p], Staff)]
            partners.sort(key=lambda p, gid=gid: zlib.crc32(f"{gid}/{p}".encode()))
            keep |= set(partners[: max(k // 3, 2)])
            out[gid] = replace(c, leaders=tuple(p for p in c.leaders if p in keep))
        return out

    def _kept_leaders(self, gid: str) -> tuple[str, ...]:
        before = self.keep.placement.get(gid) if self.keep is not None else None
        return before.leaders if before is not None else ()

    def _staff_order(self, c: GroupCandidates, pid: str) -> tuple[float, int]:
        """Nearest first, by straight-line distance from the base (only an order, so a flat
        approximation does; the model uses `round_trip`)."""
        spread = zlib.crc32(f"{c.group_id}/{pid}".encode())
        base = self.season.venue.get(self.season.person[pid].base_venue)
        if not c.venues or base is None:  # remote: everyone is as near
            return (0.0, spread)
        return (min(_flat_km(base, self.season.venue[vid]) for vid in c.venues), spread)

    def _kept_venue(self, gid: str) -> str | None:
        before = self.keep.placement.get(gid) if self.keep is not None else None
        return before.venue_id if before is not None else None

    def _best_venues(
        self, g: Group, venues: tuple[str, ...], clients: tuple[str, ...], kept: str | None
    ) -> tuple[str, ...]:
        """The venues most of the group's clients reach (pinned first); among venues about as
        good, a stable hash spreads the groups of a municipality over different venues."""
        season = self.season
        kinds: dict[tuple[frozenset[str], bool], int] = defaultdict(int)
        for code in clients:
            c = season.client[code]
            kinds[self.reach_set(c), c.needs_accessible] += 1
        reach = {
            vid: sum(
                n
                for (near, needs), n in kinds.items()
                if vid in near and (season.venue[vid].accessible or not needs)
            )
            for vid in venues
        }
        good = 0.8 * max(reach.values(), default=0)

        def score(vid: str) -> tuple[bool, bool, int, int]:
            spread = zlib.crc32(f"{g.group_id}/{vid}".encode())
            return (
                vid not in (g.venue_id, kept),
                reach[vid] < good,
                -reach[vid] if reach[vid] < good else 0,
                spread,
            )

        chosen = sorted(venues, key=score)[: self.params.max_venue_candidates]
        # A client who wished for the group keeps a venue they can reach: the cut is a
        # heuristic and may not undo a wish.
        for code in clients:
            c = season.client[code]
            if g.group_id not in c.wishes or not rules.travel_binds(g, c):
                continue

            def serves(vid: str, c: Client = c) -> bool:
                return vid in self.reach_set(c) and (
                    season.venue[vid].accessible or not c.needs_accessible
                )

            if not any(serves(vid) for vid in chosen):
                extra = [vid for vid in sorted(venues, key=score) if serves(vid)]
                chosen += extra[:1]
        return tuple(chosen)

    def _clients(self, g: Group, days: tuple[int, ...], venues: tuple[str, ...]) -> tuple[str, ...]:
        off = self.relaxed.__contains__
        venue_set = frozenset(venues)
        accessible = frozenset(vid for vid in venues if self.season.venue[vid].accessible)
        day_set = frozenset(days)
        out = []
        for c in self.season.clients:
            if not off("participant_language") and g.language not in c.languages:
                continue
            if not off("participant_audience") and not rules.client_in_audience(g, c):
                continue
            if not off("participant_days") and day_set.isdisjoint(c.days):
                continue
            if not off("remote_consent") and not rules.remote_allowed(g, c):
                continue
            if venues and rules.travel_binds(g, c):
                near = venue_set
                if not off("participant_travel"):
                    near = near & self.reach_set(c)
                if c.needs_accessible and not off("accessible"):
                    near = near & accessible
                if not near:
                    continue
            out.append(c.client_code)
        return tuple(out)

    def reach_set(self, c: Client) -> frozenset[str]:
        """Every venue of the season the client reaches within their travel time."""
        key = (c.municipality, c.travel, c.max_travel_min)
        found = self._reach.get(key)
        if found is None:
            found = frozenset(
                v.venue_id
                for v in self.season.venues
                if self.client_minutes(c.client_code, v.venue_id) <= c.max_travel_min
            )
            self._reach[key] = found
        return found

    def _reaches(self, client: Client, vid: str) -> bool:
        return self.client_minutes(client.client_code, vid) <= client.max_travel_min

    def _prune_clients(self, groups: dict[str, GroupCandidates]) -> dict[str, GroupCandidates]:
        """Keep a client-group pair when the group is among the client's best
        `max_groups_per_client`, or the client among the group's best (three times its
        maximum size), so that popular clients do not leave some groups with nobody."""
        k = self.params.max_groups_per_client
        season = self.season
        options: dict[str, list[str]] = defaultdict(list)
        for gid, c in groups.items():
            for code in c.clients:
                options[code].append(gid)
        trip: dict[tuple[str, str], int] = {}
        for gid, c in groups.items():
            for code in c.clients:
                trip[code, gid] = min((self.client_minutes(code, v) for v in c.venues), default=0)

        def fit(code: str, gid: str) -> int:
            return client_fit(season.group[gid], season.client[code])

        keep: set[tuple[str, str]] = set()
        if self.keep is not None:
            keep |= set(self.keep.participants)
        for code, gids in options.items():
            best = sorted(gids, key=lambda gid, code=code: (-fit(code, gid), trip[code, gid], gid))
            keep |= {(code, gid) for gid in best[:k]}
            wishes = season.client[code].wishes
            keep |= {(code, gid) for gid in gids if gid in wishes}  # every wish, however many
        for gid, c in groups.items():
            m = 3 * rules.size_limits(season.group[gid])[1]
            best = sorted(
                c.clients,
                key=lambda code, gid=gid: (-fit(code, gid), len(options[code]), trip[code, gid]),
            )
            keep |= {(code, gid) for code in best[:m]}
        out = {}
        for gid, c in groups.items():
            clients = tuple(code for code in c.clients if (code, gid) in keep)
            out[gid] = c if len(clients) == len(c.clients) else replace(c, clients=clients)
        log.debug("client options kept: %d of %d", len(keep), len(trip))
        return out


def _flat_km(a: Venue, b: Venue) -> float:
    """Equirectangular distance; plenty for ranking places within one county."""
    dy = (a.lat - b.lat) * 111.2
    dx = (a.lon - b.lon) * 111.2 * math.cos(math.radians((a.lat + b.lat) / 2))
    return math.hypot(dx, dy)
