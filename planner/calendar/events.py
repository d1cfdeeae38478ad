"""The VEVENTs of one group: the weekly series and one override per changed session.

Events carry what a worker or leader needs to find the session (group, theme, leaders,
place, how the group is joined, free places, a link to the app) and never anything about a
client: no code, no name, only counts (a leader's calendar also says how many take part on
site and how many remotely).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from dataclasses import dataclass

from icalendar import Event

from planner import rules
from planner.calendar import texts
from planner.calendar.links import app_url
from planner.calendar.series import Series
from planner.model import Group, Partner, Placement, Season, hhmm

UID_DOMAIN = "sosku-planner"


def group_uid(season_name: str, group_id: str) -> str:
    """Stable across plans and exports of one season: `group-G-001-<hash>@sosku-planner`."""
    digest = hashlib.sha1(f"{season_name}\x00{group_id}".encode()).hexdigest()[:12]
    return f"group-{group_id}-{digest}@{UID_DOMAIN}"


@dataclass(frozen=True, slots=True)
class EventSettings:
    """What all events of one export share."""

    season: Season
    lang: str
    app_base: str
    stamp: dt.datetime  # DTSTAMP, aware UTC
    show_seats: bool = True
    show_participants: bool = False  # counts on site / remote, for the leaders' calendars
    viewer: str | None = None  # a leader's own calendar: marks the sessions they are away


@dataclass(frozen=True, slots=True)
class _Common:
    """The properties the series and its overrides share."""

    uid: str
    summary: str
    description: list[str]
    location: str | None
    geo: tuple[float, float] | None
    url: str
    sequence: int
    stamp: dt.datetime | None = None  # DTSTAMP when it is the series' own (else the calendar's)


def group_events(
    settings: EventSettings,
    group: Group,
    placement: Placement,
    series: Series,
    sequence: int = 0,
    free_seats: int | None = None,
    participants: tuple[int, int] | None = None,
    seat_limit: int | None = None,
    stamp: dt.datetime | None = None,
) -> list[Event]:
    """The group's series VEVENT, then its moved and cancelled sessions by date, and the
    sessions someone else leads (a substitute, or a leader away), each naming who leads.

    `participants` is (on site, remote): how many take part each way, shown only when
    `settings.show_participants`."""
    kept = series.meeting_dates()
    if not kept:
        # Every session falls on a holiday or a closure: nothing to show. (An event whose
        # EXDATE equals its DTSTART still shows in ical.js and KCalendarCore.)
        return []
    common = _common(
        settings, group, placement, series, sequence, free_seats, participants, seat_limit
    )
    if stamp is not None:  # when the store last saw this series change
        common = dataclasses.replace(common, stamp=stamp.astimezone(dt.UTC))
    # The series starts at its first session that is held, for the same reason.
    main = _event(settings, common, series.start_on(kept[0]), series.duration)
    main.add("description", "\n".join(common.description))
    if kept[0] < series.last_start.date():
        main.add("rrule", {"FREQ": "WEEKLY", "UNTIL": series.until_utc})
    for day in series.excluded:
        if day > kept[0]:
            main.add("exdate", series.start_on(day))
    main.add("status", "CONFIRMED")
    events = [main]

    lang = settings.lang
    staffing = {day: (leading, away) for day, leading, away in series.staffing}
    moved = dict(series.moved)
    days = sorted({*moved, *series.cancelled, *staffing})
    for day in days:
        original = series.start_on(day)
        staff_lines = _staffing_lines(settings, staffing.get(day))
        if day in series.cancelled:
            event = _event(settings, common, original, series.duration)
            event["summary"] = f"{texts.text('event.cancelled', lang)}: {common.summary}"
            event.add("description", "\n".join(common.description))
            event.add("status", "CANCELLED")
            event["transp"] = "TRANSPARENT"  # keeps nobody's time busy
        elif day in moved:
            event = _event(settings, common, moved[day], series.duration)
            line = texts.text("event.moved", lang, date=texts.date_text(day))
            event.add("description", "\n".join([line, *staff_lines, *common.description]))
            event.add("status", "CONFIRMED")
        else:
            event = _event(settings, common, original, series.duration)
            event.add("description", "\n".join([*staff_lines, *common.description]))
            event.add("status", "CONFIRMED")
        if day in staffing and settings.viewer in staffing[day][1]:
            # The leader's own calendar: they are away from this session.
            event["summary"] = f"{texts.text('event.away', lang)}: {common.summary}"
            event["transp"] = "TRANSPARENT"
        event.add("recurrence-id", original)
        events.append(event)
    return events


def _event(
    settings: EventSettings, common: _Common, start: dt.datetime, duration: dt.timedelta
) -> Event:
    event = Event()
    event.add("uid", common.uid)
    event.add("dtstamp", common.stamp or settings.stamp)
    event.add("sequence", common.sequence)
    event.add("dtstart", start)
    event.add("dtend", start + duration)
    event.add("summary", common.summary)
    if common.location:
        event.add("location", common.location)
    if common.geo:
        event.add("geo", common.geo)
    event.add("url", common.url)
    event.add("transp", "OPAQUE")
    return event


def _common(
    settings: EventSettings,
    group: Group,
    placement: Placement,
    series: Series,
    sequence: int,
    free_seats: int | None,
    participants: tuple[int, int] | None = None,
    seat_limit: int | None = None,
) -> _Common:
    season, lang = settings.season, settings.lang
    venue = season.venue.get(placement.venue_id) if placement.venue_id else None
    url = app_url(group.group_id, settings.app_base)
    name = group.display_name(lang)

    lines = [
        name,
        texts.text(
            "event.theme", lang, value=texts.value("theme", group.theme, lang, season.theme)
        ),
        texts.text(
            "event.audience", lang, value=texts.value("audience", group.audience or "all", lang)
        ),
        texts.text("event.kind", lang, value=texts.value("kind", group.kind, lang)),
        texts.text("event.language", lang, value=texts.value("language", group.language, lang)),
        texts.text("event.mode", lang, value=texts.value("mode", group.mode, lang)),
        texts.text(f"event.join.{group.mode}", lang),
    ]
    drop_in = rules.is_drop_in(group)
    if drop_in:  # a pop-up open without enrolment (l. 355, 366)
        lines.append(texts.text("event.drop_in", lang))
    leaders = [_leader_name(season, person_id) for person_id in placement.leaders]
    if leaders:
        lines.append(texts.text("event.leaders", lang, value=", ".join(leaders)))
    location = None
    geo = None
    if venue is not None:
        location = f"{venue.display_name(lang)}, {venue.address}"
        geo = (venue.lat, venue.lon)
        lines.append(texts.text("event.place", lang, value=location))
        if venue.accessible:
            lines.append(texts.text("event.accessible", lang))
    else:
        lines.append(texts.text("event.remote", lang))
    if settings.show_seats and free_seats is not None and not drop_in:
        size = group.max_size if seat_limit is None else seat_limit
        lines.append(texts.text("event.free_seats", lang, free=free_seats, size=size))
    if settings.show_participants and participants is not None:
        lines.append(_participants_line(group.mode, participants, lang))
    first, last = series.first_start.date(), series.last_start.date()
    if series.popup:
        lines.append(texts.text("event.popup_term", lang, weeks=series.weeks))
    lines.append(
        texts.text(
            "event.term",
            lang,
            first=texts.date_text(first),
            last=texts.date_text(last),
            weekday=texts.weekly_on(placement.weekday, lang),
            start=hhmm(placement.start),
            end=hhmm(placement.end),
        )
    )
    lines.append(texts.text("event.link", lang, url=url))
    return _Common(
        uid=group_uid(season.name, group.group_id),
        summary=name,
        description=lines,
        location=location,
        geo=geo,
        url=url,
        sequence=sequence,
    )


def _staffing_lines(
    settings: EventSettings, staffing: tuple[tuple[str, ...], tuple[str, ...]] | None
) -> list[str]:
    """Who leads this one session, and who of the group's leaders is away."""
    if staffing is None:
        return []
    leading, away = staffing
    lang, season = settings.lang, settings.season
    lines = []
    if leading:
        names = ", ".join(_leader_name(season, p) for p in leading)
        lines.append(texts.text("event.leads_this_session", lang, value=names))
    else:
        lines.append(texts.text("event.no_leader", lang))
    if away:
        names = ", ".join(_leader_name(season, p) for p in away)
        lines.append(texts.text("event.leaders_away", lang, value=names))
    return lines


def _participants_line(mode: str, participants: tuple[int, int], lang: str) -> str:
    """How many take part on site and remotely: both counts in a hybrid group (or wherever
    someone is remote), one where the group's form allows only one."""
    on_site, remote = participants
    if mode == "remote" and not on_site:
        return texts.text("event.participants_remote", lang, remote=remote)
    if mode == "in_person" and not remote:
        return texts.text("event.participants_on_site", lang, on_site=on_site)
    return texts.text("event.participants", lang, on_site=on_site, remote=remote)


def _leader_name(season: Season, person_id: str) -> str:
    person = season.person.get(person_id)
    if person is None:
        return person_id
    if isinstance(person, Partner) and person.organisation:
        return f"{person.name} ({person.organisation})"
    return person.name
