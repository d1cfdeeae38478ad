"""Pure helpers for the group calendar page: a plan's sessions by date, weeks and months.

Session dates come from `planner.calendar` (each group's term, Finnish public holidays
excluded), so the page shows what the .ics exports and feeds carry. Nothing here calls
Streamlit, and nothing names a client: groups carry only counts of free seats.
"""

from __future__ import annotations

import calendar as pycalendar
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import holidays

from planner import rules
from planner.calendar import CalendarOptions, OfferingFilter, Selection
from planner.calendar import texts as cal_texts
from planner.calendar.export import plan_series, select_groups
from planner.calendar.series import Series
from planner.i18n import HOLIDAY_LOCALES, t
from planner.model import Partner, Plan, Season, hhmm
from planner.store.outcomes import Seats
from planner.ui.offering import (
    audience_label,
    date_text,
    day_name,
    language_name,
)
from planner.ui.week_grid import weekday_names

VIEWS = ("week", "month")
BY = ("offering", "leader", "venue")
WORKDAYS = (0, 1, 2, 3, 4)


@dataclass(frozen=True, slots=True)
class Session:
    """One meeting of a group, start and end aware (Europe/Helsinki)."""

    group_id: str
    start: dt.datetime
    end: dt.datetime
    moved_from: dt.date | None = None

    @property
    def day(self) -> dt.date:
        return self.start.date()

    @property
    def time_text(self) -> str:
        return f"{self.start:%H:%M}–{self.end:%H:%M}"


def the_selection(
    by: str, target: str | None = None, filters: OfferingFilter | None = None
) -> Selection:
    """What the page shows: the (filtered) offering, one leader's or one venue's groups."""
    if by not in BY:
        raise ValueError(f"unknown calendar view {by!r}; expected one of {BY}")
    if by == "offering":
        return Selection("offering", filters=filters or OfferingFilter())
    return Selection(by, target)


def shown_groups(season: Season, plan: Plan, selection: Selection) -> list[str]:
    """The scheduled groups the selection shows, in group id order (via the calendar library)."""
    if selection.kind != "offering" and not selection.target:
        return []
    return select_groups(season, plan, selection)


PAGE_GROUPS = 50
"""Groups drawn at once in the week and month views (the sample season's 47 fit on one): at
376 groups the page draws a page of them, with the filters to narrow, not 376 at once."""


def on_weekdays(plan: Plan, group_ids: Sequence[str], weekdays: Sequence[int]) -> list[str]:
    """The groups that meet on one of `weekdays` (all of them when none is chosen)."""
    if not weekdays:
        return list(group_ids)
    return [g for g in group_ids if g in plan.placement and plan.placement[g].weekday in weekdays]


def group_series(
    season: Season, plan: Plan, group_ids: Iterable[str], options: CalendarOptions | None = None
) -> dict[str, Series]:
    return plan_series(season, plan, list(group_ids), options or CalendarOptions())


def sessions_of(series: Mapping[str, Series]) -> list[Session]:
    """Every session that takes place (holidays, closures and cancellations left out; moved
    sessions at their new time), by start time and group id."""
    found: list[Session] = []
    for group_id, s in series.items():
        moved = dict(s.moved)
        cancelled = set(s.cancelled)
        for day in s.meeting_dates():
            if day in cancelled:
                continue
            start = moved.get(day, s.start_on(day))
            was = day if day in moved else None
            found.append(Session(group_id, start, start + s.duration, was))
    return sorted(found, key=lambda x: (x.start, x.group_id))


def between(sessions: Iterable[Session], first: dt.date, last: dt.date) -> list[Session]:
    """The sessions from `first` to `last`, both inclusive."""
    return [s for s in sessions if first <= s.day <= last]


def by_day(sessions: Iterable[Session]) -> dict[dt.date, list[Session]]:
    days: dict[dt.date, list[Session]] = {}
    for s in sessions:
        days.setdefault(s.day, []).append(s)
    return days


def monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def week_range(anchor: dt.date) -> tuple[dt.date, dt.date]:
    """Monday and Sunday of the anchor's week."""
    first = monday(anchor)
    return first, first + dt.timedelta(days=6)


def month_range(anchor: dt.date) -> tuple[dt.date, dt.date]:
    last_day = pycalendar.monthrange(anchor.year, anchor.month)[1]
    return anchor.replace(day=1), anchor.replace(day=last_day)


def view_range(view: str, anchor: dt.date) -> tuple[dt.date, dt.date]:
    return week_range(anchor) if view == "week" else month_range(anchor)


def week_days(anchor: dt.date, weekdays: Sequence[int] = WORKDAYS) -> list[dt.date]:
    first = monday(anchor)
    return [first + dt.timedelta(days=d) for d in weekdays]


def month_grid(anchor: dt.date, weekdays: Sequence[int] = WORKDAYS) -> list[list[dt.date | None]]:
    """The month's weeks as rows of the shown weekdays; None where a day is in another month.
    Rows with no day of the month on a shown weekday are left out."""
    first, last = month_range(anchor)
    rows = []
    start = monday(first)
    while start <= last:
        row = [start + dt.timedelta(days=d) for d in weekdays]
        cells = [day if day.month == anchor.month else None for day in row]
        if any(cells):
            rows.append(cells)
        start += dt.timedelta(weeks=1)
    return rows


def shift(view: str, anchor: dt.date, step: int) -> dt.date:
    """The anchor a week or a month (`step` of them) later; a month lands on its first day."""
    if view == "week":
        return anchor + dt.timedelta(weeks=step)
    months = anchor.year * 12 + anchor.month - 1 + step
    return dt.date(months // 12, months % 12 + 1, 1)


def season_start(series: Mapping[str, Series]) -> dt.date | None:
    """The first session date of the plan (the season's first week starts on its Monday)."""
    dates = [d for s in series.values() for d in s.meeting_dates()]
    return min(dates, default=None)


def default_day(today: dt.date, first: dt.date | None) -> dt.date:
    """Today, or the season's first session day when the season has not begun yet."""
    return first if first is not None and today < first else today


def holiday_names(first: dt.date, last: dt.date, lang: str) -> dict[dt.date, str]:
    """Finnish public holidays from `first` to `last`, named in `lang`."""
    years = list(range(first.year, last.year + 1))
    found = holidays.Finland(years=years, language=HOLIDAY_LOCALES.get(lang, "en_US"))
    return {day: name for day, name in sorted(found.items()) if first <= day <= last}


def free_seats(season: Season, plan: Plan, seats: Mapping[str, Seats] | None) -> dict[str, int]:
    """Free seats per scheduled group: the published offering's (live) when given, else the
    plan's own count. Never below zero."""
    members = plan.members
    free = {
        gid: max(0, season.group[gid].max_size - len(members.get(gid, ())))
        for gid in plan.placement
        if gid in season.group
    }
    if seats is not None:
        free.update({gid: max(0, s.free) for gid, s in seats.items() if gid in free})
    return free


def venue_text(season: Season, plan: Plan, group_id: str, lang: str) -> str:
    placement = plan.placement[group_id]
    venue = season.venue.get(placement.venue_id or "")
    if venue is None:
        return t("calpage.remote", lang)
    return venue.display_name(lang)


def seats_text(season: Season, group_id: str, free: Mapping[str, int], lang: str) -> str:
    size = season.group[group_id].max_size
    n = free.get(group_id, size)
    if n <= 0:
        return t("calpage.full", lang, size=size)
    return t("calpage.free", lang, free=n, size=size)


def leader_name(season: Season, person_id: str) -> str:
    person = season.person.get(person_id)
    if person is None:
        return person_id
    if isinstance(person, Partner) and person.organisation:
        return f"{person.name} ({person.organisation})"
    return person.name


def leader_options(season: Season, plan: Plan) -> dict[str, str]:
    """Person id -> name of everyone who leads a scheduled group, by name."""
    ids = {pid for p in plan.placements for pid in p.leaders}
    names = {pid: leader_name(season, pid) for pid in ids}
    return dict(sorted(names.items(), key=lambda item: (item[1].casefold(), item[0])))


def venue_options(season: Season, plan: Plan, lang: str) -> dict[str, str]:
    """Venue id -> name of every venue a scheduled group meets at, by name."""
    ids = {p.venue_id for p in plan.placements if p.venue_id in season.venue}
    names = {vid: season.venue[vid].display_name(lang) for vid in ids if vid}
    return dict(sorted(names.items(), key=lambda item: (item[1].casefold(), item[0])))


def kind_label(code: str, lang: str) -> str:
    return cal_texts.value("kind", code, lang)


def group_details(
    season: Season, plan: Plan, series: Series, free: Mapping[str, int], lang: str
) -> list[str]:
    """The lines of a group's detail panel: when, term, skipped dates, place, kind, leaders,
    seats. Leaders are staff or partners; no client is named."""
    group_id = series.group_id
    group = season.group[group_id]
    placement = plan.placement[group_id]
    meeting = [d for d in series.meeting_dates() if d not in set(series.cancelled)]
    lines = [
        t(
            "calpage.when",
            lang,
            weekday=day_name(placement.weekday, lang),
            start=hhmm(placement.start),
            end=hhmm(placement.end),
        ),
        t(
            "calpage.term",
            lang,
            first=date_text(series.first_start.date()),
            last=date_text(series.last_start.date()),
            n=len(meeting),
        ),
    ]
    if series.popup:
        lines.append(t("calpage.popup", lang, weeks=series.weeks))
    if rules.is_drop_in(group):
        lines.append(t("calendar.event.drop_in", lang))
    skipped = sorted({*series.excluded, *series.cancelled})
    if skipped:
        lines.append(t("calpage.skipped", lang, dates=", ".join(date_text(d) for d in skipped)))
    venue = season.venue.get(placement.venue_id or "")
    municipality = season.municipality.get(group.municipality)
    where = venue_text(season, plan, group_id, lang)
    if venue is not None:
        where = f"{where}, {venue.address}"
    if municipality is not None:
        where = f"{where} ({municipality.name(lang)})"
    lines.append(t("calpage.place", lang, place=where))
    kind_name = kind_label(group.kind, lang)
    kind = [
        kind_name[:1].upper() + kind_name[1:],
        f"{t('find.card.language', lang)}: {language_name(group.language, lang)}",
        f"{t('find.card.theme', lang)}: {season.theme_label(group.theme, lang)}",
    ]
    if not group.is_open_to_all:
        kind.append(f"{t('find.card.audience', lang)}: {audience_label(group.audience, lang)}")
    kind.append(t(f"find.mode.{group.mode}", lang))
    lines.append(" · ".join(kind))
    if placement.leaders:
        names = ", ".join(leader_name(season, pid) for pid in placement.leaders)
        lines.append(t("calpage.leaders", lang, names=names))
    lines.append(seats_text(season, group_id, free, lang))
    return lines


def week_heading(anchor: dt.date, lang: str) -> str:
    first = monday(anchor)
    return t(
        "calpage.week_heading",
        lang,
        week=first.isocalendar().week,
        first=date_text(first),
        last=date_text(first + dt.timedelta(days=4)),
    )


def month_heading(anchor: dt.date, lang: str) -> str:
    return t(
        "calpage.month_heading",
        lang,
        month=t(f"calpage.month.{anchor.month}", lang),
        year=anchor.year,
    )


def day_heading(day: dt.date, lang: str) -> str:
    """`Ma 11.1.` (Finnish), `Må 11.1.`, `Mon 11.1.`; Monday to Friday only."""
    return f"{weekday_short(day.weekday(), lang)} {day.day}.{day.month}."


def weekday_short(weekday: int, lang: str) -> str:
    """`Ma`, `Må`, `Mon`: Monday to Friday."""
    return weekday_names(lang)[weekday][: 3 if lang == "en" else 2]


def event_label(session: Session, name: str) -> str:
    """A month cell's line for one session: `10:00 Luontoryhmä – Hanko`."""
    return f"{session.start:%H:%M} {name}"


def holiday_badge(name: str) -> str:
    """A public holiday's name as a Streamlit markdown badge."""
    return f":orange-badge[:material/event_busy: {name}]"


def ics_file_name(selection: Selection) -> str:
    """`sosku-offering.ics`, `sosku-leader-S-001.ics`, `sosku-venue-V-ESP-LIB-1.ics`."""
    parts = ["sosku", selection.kind]
    if selection.target:
        parts.append(selection.target)
    return "-".join(parts) + ".ics"


def seats_badge(season: Season, group_id: str, free: Mapping[str, int], lang: str) -> str:
    """The seats text as a badge: green while seats are free, grey when the group is full."""
    colour = "green" if free.get(group_id, 0) > 0 else "gray"
    return f":{colour}-badge[{seats_text(season, group_id, free, lang)}]"
