"""The three printed sheets, built from the library's own types: the work car's run sheet
(a `planner.routing.pickups.Run`), a leader's week (the sessions of the groups they lead,
with the season's dated changes) and a group's participant list (clients by code)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from planner import terms
from planner.i18n import t, weekday_name
from planner.model import Plan, Season, hhmm
from planner.printing.pdf import Sheet, sheet_pdf
from planner.routing.pickups import Run
from planner.store.changes import DatedChange, held_dates


def date_text(day: dt.date) -> str:
    """11.1.2027: the date as the county writes it, in every language."""
    return f"{day.day}.{day.month}.{day.year}"


def person_name(season: Season, person_id: str) -> str:
    person = season.person.get(person_id)
    return f"{person.name} ({person_id})" if person is not None else person_id


def place_label(season: Season, place: str, lang: str) -> str:
    """A stop of a run: a venue's name, or a client's home by postal area or municipality."""
    if place in season.venue:
        return season.venue[place].display_name(lang)
    if place in season.postal_area:
        name = f"{place} {season.postal_area[place].name(lang)}"
        return t("routes.home_in", lang, name=name)
    if place in season.municipality:
        return t("routes.home_in", lang, name=season.municipality[place].name(lang))
    return place


def group_label(season: Season, group_id: str, lang: str) -> str:
    return f"{group_id} · {season.group[group_id].display_name(lang)}"


def venue_label(season: Season, venue_id: str | None, lang: str) -> str:
    return season.venue[venue_id].display_name(lang) if venue_id else t("groups.remote", lang)


# --- the work car's run sheet ---


def run_sheet_sheet(season: Season, run: Run, lang: str) -> Sheet:
    """One run of a work car on one weekday, stop by stop."""
    driver = (
        t("print.run_sheet.driver", lang, name=person_name(season, run.driver))
        if run.driver is not None
        else t("print.run_sheet.no_driver", lang)
    )
    times = t(
        "print.run_sheet.times",
        lang,
        start=hhmm(run.depart),
        end=hhmm(run.depart + run.minutes),
        km=run.km,
        minutes=run.minutes,
    )
    return Sheet(
        title=t(
            "print.run_sheet.title",
            lang,
            vehicle=run.vehicle.vehicle_id,
            day=weekday_name(run.weekday, lang),
        ),
        lines=(times, driver, t("print.run_sheet.clients_note", lang)),
        headers=tuple(
            t(f"routes.col.{c}", lang) for c in ("order", "time", "action", "place", "clients")
        ),
        rows=tuple(
            (
                str(i),
                hhmm(stop.time),
                t(f"routes.{stop.kind}", lang),
                place_label(season, stop.place, lang),
                ", ".join(stop.clients),
            )
            for i, stop in enumerate(run.stops, 1)
        ),
        lang=lang,
        widths=(1.0, 0.7, 1.0, 2.5, 2.4),
    )


def run_sheet_pdf(season: Season, run: Run | Sequence[Run], lang: str) -> bytes:
    """The run sheet of one run, or of several (each on pages of its own)."""
    runs = [run] if isinstance(run, Run) else list(run)
    return sheet_pdf(*(run_sheet_sheet(season, r, lang) for r in runs))


# --- a leader's week ---


@dataclass(frozen=True, slots=True)
class WeekSession:
    day: dt.date
    start: int  # minutes from midnight, a moved session at its new time
    end: int
    group_id: str


def week_monday(day: dt.date) -> dt.date:
    """The Monday of the week to print: this week, or the next one from Saturday on."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday + dt.timedelta(weeks=1) if day.weekday() >= 5 else monday


def week_sessions(
    season: Season,
    plan: Plan,
    group_ids: Iterable[str],
    monday: dt.date,
    changes: Sequence[DatedChange] = (),
) -> list[WeekSession]:
    """The sessions the groups hold in the week from `monday`: holidays, closures and
    cancelled sessions left out, a moved session on its new day and time."""
    sunday = monday + dt.timedelta(days=6)
    found = []
    for group_id in group_ids:
        p = plan.placement.get(group_id)
        if p is None:
            continue
        group = season.group[group_id]
        moved = {
            c.new_start.date(): c.new_start
            for c in changes
            if c.kind == "move" and c.group_id == group_id and c.new_start is not None
        }
        for day in held_dates(group, p.weekday, p.venue_id, changes, until=sunday):
            if monday <= day <= sunday:
                start = moved[day].hour * 60 + moved[day].minute if day in moved else p.start
                found.append(WeekSession(day, start, start + (p.end - p.start), group_id))
    return sorted(found, key=lambda s: (s.day, s.start, s.group_id))


def leader_week_sheet(
    season: Season,
    plan: Plan,
    person_id: str,
    monday: dt.date,
    sessions: Sequence[WeekSession],
    participants: Mapping[str, tuple[int, int]],
    lang: str,
) -> Sheet:
    """A leader's sessions of one week; `participants`: per group (on site, remote)."""
    week = monday.isocalendar().week
    last = monday + dt.timedelta(days=4)

    def taking_part(group_id: str) -> str:
        on_site, remote = participants.get(group_id, (0, 0))
        return f"{on_site + remote} ({remote})" if remote else str(on_site)

    return Sheet(
        title=t("print.week.title", lang, week=week, name=person_name(season, person_id)),
        lines=(t("print.week.dates", lang, first=date_text(monday), last=date_text(last)),),
        headers=tuple(
            t(f"print.col.{c}", lang) for c in ("day", "time", "group", "venue", "participants")
        ),
        rows=tuple(
            (
                f"{weekday_name(s.day.weekday(), lang, form='short')} {date_text(s.day)}",
                f"{hhmm(s.start)}-{hhmm(s.end)}",
                group_label(season, s.group_id, lang),
                venue_label(season, plan.placement[s.group_id].venue_id, lang),
                taking_part(s.group_id),
            )
            for s in sessions
        ),
        lang=lang,
        widths=(1.5, 1.1, 2.6, 2.4, 1.2),
        empty=t("print.week.none", lang),
    )


def leader_week_pdf(
    season: Season,
    plan: Plan,
    person_id: str,
    monday: dt.date,
    sessions: Sequence[WeekSession],
    participants: Mapping[str, tuple[int, int]],
    lang: str,
) -> bytes:
    return sheet_pdf(
        leader_week_sheet(season, plan, person_id, monday, sessions, participants, lang)
    )


# --- a group's participant list ---


def participant_list_sheet(
    season: Season,
    plan: Plan,
    group_id: str,
    participants: Sequence[str],
    remote: Iterable[str],
    waiting: int,
    lang: str,
) -> Sheet:
    """The group's participants by client code, how each takes part, and a box to tick."""
    p = plan.placement[group_id]
    group = season.group[group_id]
    remote = set(remote)
    when = (
        f"{weekday_name(p.weekday, lang)} {hhmm(p.start)}-{hhmm(p.end)} · "
        f"{venue_label(season, p.venue_id, lang)}"
    )
    lines = [when, t("print.list.leaders", lang, names=", ".join(
        person_name(season, leader) for leader in p.leaders
    ))]  # fmt: skip
    last = terms.last_session(group, p.weekday)
    if last is not None:
        first = terms.first_session(group, p.weekday)
        lines.append(t("print.list.term", lang, first=date_text(first), last=date_text(last)))
    lines.append(t("print.list.waiting", lang, n=waiting))
    mode = {False: t("groups.mode.on_site", lang), True: t("groups.mode.remote", lang)}
    return Sheet(
        title=group_label(season, group_id, lang),
        lines=tuple(lines),
        headers=(
            t("print.col.number", lang),
            t("groups.col.client", lang),
            t("groups.col.mode", lang),
            t("print.col.present", lang),
        ),
        rows=tuple(
            (str(i), code, mode[code in remote], "") for i, code in enumerate(participants, 1)
        ),
        lang=lang,
        widths=(0.6, 2.0, 1.6, 1.4),
        empty=t("print.list.none", lang),
    )


def participant_list_pdf(
    season: Season,
    plan: Plan,
    group_id: str,
    participants: Sequence[str],
    remote: Iterable[str],
    waiting: int,
    lang: str,
) -> bytes:
    return sheet_pdf(
        participant_list_sheet(season, plan, group_id, participants, remote, waiting, lang)
    )
