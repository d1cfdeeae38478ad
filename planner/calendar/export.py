"""iCalendar exports of a season's plan: the offering, one group, a leader, a venue, a client.

    body = export_group(season, plan, "G-001", CalendarOptions(lang="sv"))

Every export is a complete VCALENDAR (METHOD:PUBLISH, the Europe/Helsinki VTIMEZONE, one
weekly series per scheduled group plus its changed sessions) as UTF-8 bytes with CRLF line
ends and lines folded at 75 octets. Unknown ids raise `CalendarError`; a known group that is
not scheduled simply has no events, so a subscribed calendar empties when a plan drops it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from icalendar import Calendar, vText

from planner.calendar import texts
from planner.calendar.events import EventSettings, group_events
from planner.calendar.links import app_base_url
from planner.calendar.series import (
    POPUP_WEEKS,
    Absence,
    CalendarError,
    Closure,
    Override,
    Series,
    Substitute,
)
from planner.calendar.series import build_series as _build_series
from planner.calendar.vtimezone import TZID, helsinki_vtimezone
from planner.finder.index import seat_limit
from planner.model import Group, Plan, Season

PRODID = "-//sosku-planner//Group calendar//EN"
REFRESH = dt.timedelta(hours=1)
KINDS = ("offering", "group", "leader", "venue", "client")


@dataclass(frozen=True, slots=True)
class OfferingFilter:
    """Which groups of the offering to show; an empty field lets every group through.

    Municipalities are codes ("078") or Finnish/Swedish names; an open-to-all group's
    audience is "all"; kinds and themes are the codes of the input tables.
    """

    municipalities: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()

    def matches(self, group: Group) -> bool:
        return (
            (not self.municipalities or group.municipality in self.municipalities)
            and (not self.languages or group.language in self.languages)
            and (not self.themes or group.theme in self.themes)
            and (not self.audiences or (group.audience or "all") in self.audiences)
            and (not self.kinds or group.kind in self.kinds)
        )

    def is_empty(self) -> bool:
        return not any(self.as_dict().values())

    def as_dict(self) -> dict[str, list[str]]:
        return {
            "municipalities": list(self.municipalities),
            "languages": list(self.languages),
            "themes": list(self.themes),
            "audiences": list(self.audiences),
            "kinds": list(self.kinds),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Iterable[str]] | None) -> OfferingFilter:
        data = data or {}
        unknown = set(data) - set(cls.__dataclass_fields__)
        if unknown:
            raise CalendarError(f"unknown offering filter(s): {', '.join(sorted(unknown))}")
        return cls(**{key: tuple(values) for key, values in data.items()})

    def resolved(self, season: Season) -> OfferingFilter:
        """The same filter with municipality names turned into codes."""
        codes = []
        for text in self.municipalities:
            found = [
                m.code
                for m in season.municipalities
                if text.casefold() in (m.code, m.name_fi.casefold(), m.name_sv.casefold())
            ]
            if not found:
                raise CalendarError(f"no municipality {text!r} in the season")
            codes.append(found[0])
        return OfferingFilter(tuple(codes), self.languages, self.themes, self.audiences, self.kinds)

    def describe(self, season: Season, lang: str) -> str:
        parts = [season.municipality[c].name(lang) for c in self.municipalities]
        parts += [texts.value("language", code, lang) for code in self.languages]
        parts += [texts.value("theme", code, lang, season.theme) for code in self.themes]
        parts += [texts.value("audience", code, lang) for code in self.audiences]
        parts += [texts.value("kind", code, lang) for code in self.kinds]
        return " · ".join(parts)


@dataclass(frozen=True, slots=True)
class Selection:
    """Whose calendar: `kind` is one of `KINDS`; `target` a group, person or venue id;
    `group_ids` the client's own groups (kind "client"); `filters` narrow the offering."""

    kind: str
    target: str | None = None
    group_ids: tuple[str, ...] = ()
    filters: OfferingFilter | None = None


@dataclass(frozen=True)
class CalendarOptions:
    """How to write a calendar.

    `closures`, `overrides`, `absences` and `substitutes` are the season's dated changes
    (`planner.calendar.stored` reads them from the store, with `strict` False: a stored
    change that no longer fits the plan is logged and skipped); `sequences` maps a group id to its
    SEQUENCE (`planner.calendar.sequences` keeps them in the store); `stamp` fixes DTSTAMP
    (default: now); `free_seats` replaces the plan's count of free places per group id, and
    `participants` the plan's (on site, remote) counts per group id, which only a leader's
    calendar shows (pass the live offering's for both, or neither).
    """

    lang: str = "fi"
    closures: tuple[Closure, ...] = ()
    overrides: tuple[Override, ...] = ()
    app_url: str | None = None
    stamp: dt.datetime | None = None
    sequences: Mapping[str, int] = field(default_factory=dict)
    stamps: Mapping[str, dt.datetime] = field(default_factory=dict)
    """DTSTAMP per group id (the store's: when the group's series last changed); `stamp` for
    the others."""
    popup_weeks: int = POPUP_WEEKS
    skip_holidays: bool = True
    free_seats: Mapping[str, int] | None = None
    participants: Mapping[str, tuple[int, int]] | None = None
    absences: tuple[Absence, ...] = ()
    substitutes: tuple[Substitute, ...] = ()
    strict: bool = True

    def __post_init__(self) -> None:
        if self.lang not in texts.LANGS:
            raise CalendarError(f"language must be one of {', '.join(texts.LANGS)}: {self.lang!r}")
        if self.popup_weeks < 1:
            raise CalendarError(f"popup_weeks must be at least 1, got {self.popup_weeks}")
        if self.stamp is not None and self.stamp.tzinfo is None:
            raise CalendarError("stamp must be an aware datetime")
        # Plain tuples are accepted for closures and overrides, as the CLI builds them.
        object.__setattr__(self, "closures", tuple(_closure(c) for c in self.closures))
        object.__setattr__(self, "overrides", tuple(_override(o) for o in self.overrides))


def _closure(value: Closure | Sequence[dt.date]) -> Closure:
    return value if isinstance(value, Closure) else Closure(*value)


def _override(value: Override | Sequence[Any]) -> Override:
    return value if isinstance(value, Override) else Override(*value)


# --- choosing groups ---


def select_groups(season: Season, plan: Plan, selection: Selection) -> list[str]:
    """The scheduled groups a selection shows, in group id order."""
    kind, target = selection.kind, selection.target
    scheduled = plan.placement
    if kind == "offering":
        wanted = (selection.filters or OfferingFilter()).resolved(season)
        ids = [g.group_id for g in season.groups if wanted.matches(g)]
    elif kind == "group":
        _known(season.group, target, "group")
        ids = [str(target)]
    elif kind == "leader":
        _known(season.person, target, "staff member or partner")
        ids = [gid for gid, p in scheduled.items() if target in p.leaders]
    elif kind == "venue":
        _known(season.venue, target, "venue")
        ids = [gid for gid, p in scheduled.items() if p.venue_id == target]
    elif kind == "client":
        for gid in selection.group_ids:
            _known(season.group, gid, "group")
        ids = list(dict.fromkeys(selection.group_ids))
    else:
        raise CalendarError(f"calendar kind must be one of {', '.join(KINDS)}: {kind!r}")
    return sorted(gid for gid in ids if gid in scheduled)


def _known(table: Mapping[str, object], key: str | None, what: str) -> None:
    if key is None or key not in table:
        raise CalendarError(f"no {what} {key!r} in the season")


def plan_series(
    season: Season, plan: Plan, group_ids: Iterable[str], options: CalendarOptions
) -> dict[str, Series]:
    """The recurring sessions of each scheduled group, overrides and exceptions applied."""
    for o in options.overrides:
        if o.group_id not in season.group and options.strict:
            raise CalendarError(f"a session change names no group of the season: {o.group_id!r}")
    return {
        gid: _build_series(
            season.group[gid],
            plan.placement[gid],
            options.closures,
            options.overrides,
            options.popup_weeks,
            options.skip_holidays,
            options.absences,
            options.substitutes,
            options.strict,
        )
        for gid in group_ids
    }


# --- writing ---


def calendar_name(season: Season, selection: Selection, lang: str) -> str:
    kind, target = selection.kind, selection.target or ""
    if kind == "group":
        return texts.text("cal.group", lang, name=season.group[target].display_name(lang))
    if kind == "leader":
        return texts.text("cal.leader", lang, name=season.person[target].name)
    if kind == "venue":
        return texts.text("cal.venue", lang, name=season.venue[target].display_name(lang))
    if kind == "client":
        return texts.text("cal.client", lang)
    wanted = (selection.filters or OfferingFilter()).resolved(season)
    if wanted.is_empty():
        return texts.text("cal.offering", lang)
    return texts.text("cal.offering_filtered", lang, filters=wanted.describe(season, lang))


def render_calendar(
    season: Season, plan: Plan, selection: Selection, options: CalendarOptions | None = None
) -> bytes:
    """The selection's calendar as iCalendar bytes."""
    options = options or CalendarOptions()
    lang = options.lang
    group_ids = select_groups(season, plan, selection)
    series = plan_series(season, plan, group_ids, options)

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    # icalendar writes unknown properties unescaped; these are TEXT (RFC 7986 and in practice).
    name = vText(" ".join(calendar_name(season, selection, lang).split()))
    cal.add("name", name)
    cal.add("x-wr-calname", name)
    cal.add("x-wr-caldesc", vText(texts.text("cal.description", lang)))
    cal.add("x-wr-timezone", TZID)
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "PT1H")
    cal.add_component(helsinki_vtimezone())

    settings = EventSettings(
        season=season,
        lang=lang,
        app_base=app_base_url(options.app_url),
        stamp=(options.stamp or dt.datetime.now(dt.UTC)).astimezone(dt.UTC),
        # A client's own calendar says nothing that depends on other clients.
        show_seats=selection.kind != "client",
        # Its leaders learn how many take part on site and remotely (counts, never who).
        show_participants=selection.kind == "leader",
        viewer=selection.target if selection.kind == "leader" else None,
    )
    members = plan.members
    for gid in group_ids:
        group = season.group[gid]
        # What the group takes at its venue (a room holds its leaders too): the store's count.
        limit = seat_limit(group, season.venue.get(plan.placement[gid].venue_id or ""))
        if options.free_seats is not None and gid in options.free_seats:
            free = options.free_seats[gid]
        else:
            free = max(0, limit - len(members.get(gid, ())))
        if options.participants is not None and gid in options.participants:
            counts = options.participants[gid]
        else:
            counts = participation_counts(plan, gid)
        for event in group_events(
            settings,
            group,
            plan.placement[gid],
            series[gid],
            sequence=options.sequences.get(gid, 0),
            free_seats=free,
            participants=counts,
            seat_limit=limit,
            stamp=options.stamps.get(gid),
        ):
            cal.add_component(event)
    return cal.to_ical()


def participation_counts(plan: Plan, group_id: str) -> tuple[int, int]:
    """(on site, remote): how many of the plan's participants of the group take part each way
    (`Plan.mode_of`)."""
    members = plan.members.get(group_id, ())
    remote = sum(plan.mode_of(code, group_id) == "remote" for code in members)
    return len(members) - remote, remote


def export_offering(
    season: Season,
    plan: Plan,
    options: CalendarOptions | None = None,
    filters: OfferingFilter | None = None,
) -> bytes:
    """Every scheduled group, or those `filters` lets through."""
    return render_calendar(season, plan, Selection("offering", filters=filters), options)


def export_group(
    season: Season, plan: Plan, group_id: str, options: CalendarOptions | None = None
) -> bytes:
    return render_calendar(season, plan, Selection("group", group_id), options)


def export_leader(
    season: Season, plan: Plan, person_id: str, options: CalendarOptions | None = None
) -> bytes:
    """The groups a staff member or partner leads: their week, over the season."""
    return render_calendar(season, plan, Selection("leader", person_id), options)


def export_venue(
    season: Season, plan: Plan, venue_id: str, options: CalendarOptions | None = None
) -> bytes:
    return render_calendar(season, plan, Selection("venue", venue_id), options)


def export_client(
    season: Season, plan: Plan, group_ids: Iterable[str], options: CalendarOptions | None = None
) -> bytes:
    """A client's own groups, given only their ids: nothing in it names or counts clients."""
    return render_calendar(season, plan, Selection("client", group_ids=tuple(group_ids)), options)
