"""iCalendar exports: recurrence, time zone, holidays, changes, text form, privacy, SEQUENCE.

Calendars are parsed back with icalendar and expanded with recurring-ical-events, as a
calendar client would. Toy seasons are the sample season with a few groups re-dated.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import string
from collections.abc import Iterable
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import recurring_ical_events
from dateutil.rrule import rrulestr
from icalendar import Calendar
from toys import moved_in_time

from planner.baseline import greedy_plan
from planner.calendar import (
    CalendarError,
    CalendarOptions,
    Closure,
    OfferingFilter,
    Override,
    Selection,
    calendar_from_store,
    export_client,
    export_group,
    export_leader,
    export_offering,
    export_venue,
    render_calendar,
    texts,
)
from planner.calendar.events import group_uid
from planner.calendar.vtimezone import helsinki_vtimezone
from planner.io import read_season
from planner.model import (
    Group,
    Interval,
    Municipality,
    Partner,
    Placement,
    Plan,
    Season,
    Staff,
    Venue,
)
from planner.store import Store

HELSINKI = ZoneInfo("Europe/Helsinki")
GOLDEN = Path(__file__).parent / "data" / "golden" / "group_G-001.ics"
STAMP = dt.datetime(2027, 1, 4, 8, 30, tzinfo=dt.UTC)


# --- fixtures and helpers ---


@pytest.fixture(scope="module")
def sample(sample_dir: Path) -> tuple[Season, Plan]:
    """The bundled season and the baseline's (valid) plan for it."""
    season = read_season(sample_dir).season
    return season, greedy_plan(season)


def weekly(season: Season, start: dt.date, weeks: int | None) -> tuple[Season, Plan]:
    """Five sample groups re-dated to start on `start`, meeting Mon..Fri 10:00-13:00."""
    groups = [dataclasses.replace(g, start_date=start, weeks=weeks) for g in season.groups[:5]]
    placements = tuple(
        Placement(g.group_id, day, 600, 780, "V-HAN-LIB-1", ("S-001",))
        for day, g in enumerate(groups)
    )
    return dataclasses.replace(season, groups=tuple(groups)), Plan(placements, ())


def occurrences(body: bytes, start: dt.date, end: dt.date) -> list:
    calendar = Calendar.from_ical(body)
    return recurring_ical_events.of(calendar).between(start, end)


def by_uid(events: Iterable) -> dict[str, list]:
    out: dict[str, list] = {}
    for e in events:
        out.setdefault(str(e["UID"]), []).append(e)
    return out


def starts(events: Iterable) -> list[dt.datetime]:
    return sorted(e["DTSTART"].dt for e in events)


def lines(body: bytes) -> list[bytes]:
    assert body.endswith(b"\r\n")
    return body[:-2].split(b"\r\n")


def unfolded(body: bytes) -> str:
    return body.decode().replace("\r\n ", "").replace("\r\n", "\n")


def every_export(season: Season, plan: Plan, lang: str = "fi") -> Iterable[tuple[str, bytes]]:
    """Each kind of calendar for every group, leader and venue, and each client's own."""
    options = CalendarOptions(lang=lang, stamp=STAMP)
    yield "offering", export_offering(season, plan, options)
    yield "filtered", export_offering(season, plan, options, OfferingFilter(languages=("sv",)))
    for gid in plan.placement:
        yield f"group {gid}", export_group(season, plan, gid, options)
    for person in {p for pl in plan.placements for p in pl.leaders}:
        yield f"leader {person}", export_leader(season, plan, person, options)
    for venue in {pl.venue_id for pl in plan.placements if pl.venue_id}:
        yield f"venue {venue}", export_venue(season, plan, venue, options)
    for code, groups in _groups_of_clients(plan).items():
        yield f"client {code}", export_client(season, plan, groups, options)


def _groups_of_clients(plan: Plan) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for code, gid in plan.participants:
        out.setdefault(code, []).append(gid)
    return out


# --- recurrence over the season, in Helsinki time ---


def test_every_session_keeps_its_wall_clock_time_across_the_spring_change(sample) -> None:
    season, plan = weekly(sample[0], dt.date(2027, 1, 11), 24)
    body = export_offering(season, plan, CalendarOptions(skip_holidays=False))
    found = occurrences(body, dt.date(2027, 1, 1), dt.date(2027, 7, 1))
    assert len(found) == 5 * 24
    for start in starts(found):
        local = start.astimezone(HELSINKI)
        assert (local.hour, local.minute) == (10, 0)
        summer = local.date() > dt.date(2027, 3, 28)
        assert local.utcoffset() == dt.timedelta(hours=3 if summer else 2)
        assert start.astimezone(dt.UTC).hour == (7 if summer else 8)


def test_every_session_keeps_its_wall_clock_time_across_the_autumn_change(sample) -> None:
    season, plan = weekly(sample[0], dt.date(2027, 8, 16), 20)
    body = export_offering(season, plan, CalendarOptions(skip_holidays=False))
    found = occurrences(body, dt.date(2027, 8, 1), dt.date(2028, 1, 15))
    assert len(found) == 5 * 20
    for start in starts(found):
        local = start.astimezone(HELSINKI)
        assert (local.hour, local.minute) == (10, 0)
        winter = local.date() > dt.date(2027, 10, 31)
        assert local.utcoffset() == dt.timedelta(hours=2 if winter else 3)


def test_public_holidays_on_a_session_are_left_out_and_not_made_up(sample) -> None:
    season, plan = weekly(sample[0], dt.date(2027, 1, 11), 24)
    body = export_offering(season, plan, CalendarOptions())
    found = by_uid(occurrences(body, dt.date(2027, 1, 1), dt.date(2027, 7, 1)))
    holidays = {  # in the term 2027-01-11..2027-06-25, by weekday
        0: [dt.date(2027, 3, 29)],  # Easter Monday
        1: [],
        2: [],
        3: [dt.date(2027, 5, 6)],  # Ascension Day
        4: [dt.date(2027, 3, 26), dt.date(2027, 6, 25)],  # Good Friday, Midsummer Eve
    }
    assert plan.placements
    for placement in plan.placements:
        days = [s.date() for s in starts(found[group_uid(season.name, placement.group_id)])]
        assert len(days) == 24 - len(holidays[placement.weekday])
        assert not set(days) & set(holidays[placement.weekday])
        assert all(d.weekday() == placement.weekday for d in days)


def test_a_closure_removes_the_sessions_it_covers(sample) -> None:
    season, plan = weekly(sample[0], dt.date(2027, 1, 11), 24)
    summer = Closure(dt.date(2027, 6, 1), dt.date(2027, 6, 30))
    body = export_group(
        season, plan, season.groups[1].group_id, CalendarOptions(closures=(summer,))
    )
    days = [s.date() for s in starts(occurrences(body, dt.date(2027, 1, 1), dt.date(2027, 7, 1)))]
    assert days[-1] == dt.date(2027, 5, 25)  # the Tuesday group's last session before June
    assert len(days) == 24 - 4


def test_the_rule_ends_at_the_last_session_written_in_utc(sample) -> None:
    season, plan = weekly(sample[0], dt.date(2027, 1, 11), 8)
    body = export_group(season, plan, season.groups[0].group_id, CalendarOptions())
    rules = [line for line in unfolded(body).splitlines() if line.startswith("RRULE:FREQ=W")]
    assert rules == ["RRULE:FREQ=WEEKLY;UNTIL=20270301T080000Z"]  # 10:00 EET on 1.3.2027


def test_a_pop_up_group_shows_twelve_weeks_unless_told_otherwise(sample) -> None:
    season, plan = weekly(sample[0], dt.date(2027, 1, 11), None)
    gid = season.groups[2].group_id  # Wednesdays: no holiday in the first weeks
    for options, weeks in ((CalendarOptions(), 12), (CalendarOptions(popup_weeks=4), 4)):
        body = export_group(season, plan, gid, options)
        assert len(occurrences(body, dt.date(2027, 1, 1), dt.date(2028, 1, 1))) == weeks


# --- moved and cancelled sessions ---


def test_a_moved_session_happens_at_its_new_time_only(sample) -> None:
    season, plan = weekly(sample[0], dt.date(2027, 1, 11), 8)
    gid = season.groups[2].group_id  # Wednesdays
    move = Override(gid, dt.date(2027, 2, 3), dt.datetime(2027, 2, 4, 14, 30))
    body = export_group(season, plan, gid, CalendarOptions(overrides=(move,)))
    found = occurrences(body, dt.date(2027, 1, 1), dt.date(2027, 4, 1))
    days = starts(found)
    assert len(days) == 8
    assert dt.datetime(2027, 2, 4, 14, 30, tzinfo=HELSINKI) in days
    assert all(d.date() != dt.date(2027, 2, 3) for d in days)
    moved = next(e for e in found if e["DTSTART"].dt.date() == dt.date(2027, 2, 4))
    assert moved["DTEND"].dt - moved["DTSTART"].dt == dt.timedelta(hours=3)
    assert moved["RECURRENCE-ID"].dt == dt.datetime(2027, 2, 3, 10, 0, tzinfo=HELSINKI)


def test_a_cancelled_session_is_an_override_with_status_cancelled(sample) -> None:
    season, plan = weekly(sample[0], dt.date(2027, 1, 11), 8)
    gid = season.groups[2].group_id
    cancel = Override(gid, dt.date(2027, 2, 10), None)
    body = export_group(season, plan, gid, CalendarOptions(overrides=(cancel,), lang="sv"))
    found = occurrences(body, dt.date(2027, 1, 1), dt.date(2027, 4, 1))
    status = {e["DTSTART"].dt.date(): str(e["STATUS"]) for e in found}
    assert status.pop(dt.date(2027, 2, 10)) == "CANCELLED"
    assert set(status.values()) == {"CONFIRMED"}
    cancelled = [e for e in Calendar.from_ical(body).walk("VEVENT") if "RECURRENCE-ID" in e]
    assert str(cancelled[0]["SUMMARY"]).startswith("Inställt: ")


def test_a_change_to_a_day_without_a_session_is_refused(sample) -> None:
    season, plan = weekly(sample[0], dt.date(2027, 1, 11), 24)
    gid = season.groups[0].group_id  # Mondays
    for day in (dt.date(2027, 1, 12), dt.date(2027, 3, 29), dt.date(2027, 8, 2)):
        with pytest.raises(CalendarError, match="no session"):
            export_group(season, plan, gid, CalendarOptions(overrides=((gid, day, None),)))
    with pytest.raises(CalendarError, match="no group"):
        export_group(season, plan, gid, CalendarOptions(overrides=(("G-999", day, None),)))


# --- the text form (RFC 5545 3.1) ---


def long_named(season: Season, plan: Plan) -> tuple[Season, Plan]:
    """The first scheduled group renamed with long Finnish and Swedish text and specials."""
    gid = plan.placements[0].group_id
    name = "Äänekäs ämpärikävely, öinen sää; jää ja yö – " * 3 + "Hyvinkää"
    name_sv = "Örtagårdsvård på ön, älgspår; åsar och ängar – " * 3 + "Åbo"
    groups = tuple(
        dataclasses.replace(g, name=name, name_sv=name_sv) if g.group_id == gid else g
        for g in season.groups
    )
    return dataclasses.replace(season, groups=groups), plan


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_lines_end_crlf_and_fold_within_75_octets_without_splitting_a_character(
    sample, lang: str
) -> None:
    season, plan = long_named(*sample)
    body = export_offering(season, plan, CalendarOptions(lang=lang))
    assert b"\n" not in body.replace(b"\r\n", b"")
    assert b"\r" not in body.replace(b"\r\n", b"")
    physical = lines(body)
    assert max(len(line) for line in physical) <= 75
    assert sum(line.startswith(b" ") for line in physical) > 50  # folding did happen
    for line in physical:
        line.decode("utf-8")  # a split multi-byte character would not decode
    gid = plan.placements[0].group_id
    event = next(e for e in Calendar.from_ical(body).walk("VEVENT") if gid in str(e["URL"]))
    assert str(event["SUMMARY"]) == season.group[gid].display_name(lang)


def test_commas_semicolons_and_newlines_are_escaped_and_read_back(sample) -> None:
    season, plan = sample
    gid = plan.placements[0].group_id
    name = "Kävely, kahvi; ja\nkeskustelu \\ yhdessä"
    groups = tuple(
        dataclasses.replace(g, name=name) if g.group_id == gid else g for g in season.groups
    )
    body = export_group(dataclasses.replace(season, groups=groups), plan, gid)
    assert "SUMMARY:Kävely\\, kahvi\\; ja\\nkeskustelu \\\\ yhdessä" in unfolded(body)
    event = next(iter(Calendar.from_ical(body).walk("VEVENT")))
    assert str(event["SUMMARY"]) == name
    assert str(event["LOCATION"]).count(",") >= 1  # "venue, street, postcode town"
    assert "\\," in re.search(r"^LOCATION:.*$", unfolded(body), re.M).group(0)


def test_the_time_zone_has_rules_for_summer_and_winter_and_no_rdate(sample) -> None:
    season, plan = sample
    body = export_offering(season, plan)
    text = unfolded(body)
    zone = text[text.index("BEGIN:VTIMEZONE") : text.index("END:VTIMEZONE")]
    for part in ("DAYLIGHT", "STANDARD"):
        block = zone[zone.index(f"BEGIN:{part}") : zone.index(f"END:{part}")]
        assert re.search(r"^RRULE:FREQ=YEARLY;.*BYDAY=-1SU", block, re.M)
    assert "RDATE" not in text
    assert text.count("BEGIN:VTIMEZONE") == 1
    assert "TZID:Europe/Helsinki" in zone


def test_every_until_is_in_utc(sample) -> None:
    season, plan = sample
    text = unfolded(export_offering(season, plan))
    untils = re.findall(r"UNTIL=([0-9TZ]+)", text)
    assert len(untils) >= len(plan.placements) - 1
    assert all(re.fullmatch(r"\d{8}T\d{6}Z", u) for u in untils)


def test_the_time_zone_agrees_with_zoneinfo_on_every_change_from_1996_to_2060() -> None:
    zone = helsinki_vtimezone()
    for observance in zone.subcomponents:
        start = observance["DTSTART"].dt
        offset_from = observance["TZOFFSETFROM"].td
        offset_to = observance["TZOFFSETTO"].td
        rule = rrulestr(observance["RRULE"].to_ical().decode(), dtstart=start)
        onsets = list(rule.between(start, dt.datetime(2060, 12, 31), inc=True))
        assert len(onsets) == 65
        for onset in onsets:
            instant = (onset - offset_from).replace(tzinfo=dt.UTC)
            before = (instant - dt.timedelta(seconds=1)).astimezone(HELSINKI)
            assert before.utcoffset() == offset_from
            assert instant.astimezone(HELSINKI).utcoffset() == offset_to


def test_the_calendar_has_the_publishing_headers(sample) -> None:
    season, plan = sample
    text = unfolded(export_offering(season, plan, CalendarOptions(lang="en")))
    for line in (
        "METHOD:PUBLISH",
        "VERSION:2.0",
        "X-WR-CALNAME:Sosku groups – Western Uusimaa",
        "X-WR-TIMEZONE:Europe/Helsinki",
        "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
        "X-PUBLISHED-TTL:PT1H",
    ):
        assert line in text.splitlines()
    stamps = re.findall(r"^DTSTAMP:(.*)$", text, re.M)
    assert stamps and all(re.fullmatch(r"\d{8}T\d{6}Z", s) for s in stamps)


# --- what an event says ---


def test_an_event_names_theme_leaders_place_free_places_and_links_back(
    sample, monkeypatch: pytest.MonkeyPatch
) -> None:
    season, plan = sample
    monkeypatch.setenv("PLANNER_APP_URL", "https://sosku.example.fi/app/")
    placement = next(p for p in plan.placements if p.venue_id and len(p.leaders) == 2)
    group = season.group[placement.group_id]
    venue = season.venue[placement.venue_id]
    event = next(
        iter(
            Calendar.from_ical(
                export_group(season, plan, group.group_id, CalendarOptions(lang="sv"))
            ).walk("VEVENT")
        )
    )
    description = str(event["DESCRIPTION"])
    assert str(event["SUMMARY"]) == group.display_name("sv")
    assert str(event["LOCATION"]) == f"{venue.display_name('sv')}, {venue.address}"
    assert event["GEO"].latitude == pytest.approx(venue.lat)
    assert event["GEO"].longitude == pytest.approx(venue.lon)
    url = f"https://sosku.example.fi/app/?group={group.group_id}"
    assert str(event["URL"]) == url
    assert url in description
    assert placement.leaders
    for person in placement.leaders:
        assert season.person[person].name in description
    free = group.max_size - len(plan.members.get(group.group_id, ()))
    assert f"Lediga platser: {free} / {group.max_size}" in description
    assert texts.value("theme", group.theme, "sv") in description


def test_a_remote_group_has_no_place(sample) -> None:
    season, plan = sample
    remote = [p for p in plan.placements if p.venue_id is None]
    assert remote, "the sample plan has a remote group"
    event = next(
        iter(Calendar.from_ical(export_group(season, plan, remote[0].group_id)).walk("VEVENT"))
    )
    assert "LOCATION" not in event and "GEO" not in event
    assert texts.text("event.remote", "fi") in str(event["DESCRIPTION"])


# How the group is joined, in the calendar's language; counts only in leaders' calendars.
JOIN = {
    "hybrid": {
        "fi": "Ryhmään voi osallistua paikan päällä tai etänä (etäosallistumisesta sovitaan"
        " asiakkaan kanssa)",
        "sv": "Man kan delta i gruppen på plats eller på distans (deltagande på distans avtalas"
        " med klienten)",
        "en": "Participants may join on site or remotely (remote participation is agreed with"
        " the client)",
    },
    "in_person": {
        "fi": "Ryhmään osallistutaan paikan päällä",
        "sv": "Man deltar i gruppen på plats",
        "en": "Participants join on site",
    },
    "remote": {
        "fi": "Ryhmään osallistutaan etänä",
        "sv": "Man deltar i gruppen på distans",
        "en": "Participants join remotely",
    },
}
COUNTS = {
    "fi": "Osallistujia: {on_site} paikan päällä, {remote} etänä",
    "sv": "Deltagare: {on_site} på plats, {remote} på distans",
    "en": "Participants: {on_site} on site, {remote} remotely",
}
ON_SITE_ONLY = {
    "fi": "Osallistujia: {on_site} paikan päällä",
    "sv": "Deltagare: {on_site} på plats",
    "en": "Participants: {on_site} on site",
}
REMOTE_ONLY = {
    "fi": "Osallistujia: {remote} etänä",
    "sv": "Deltagare: {remote} på distans",
    "en": "Participants: {remote} remotely",
}
REMOTE_WORDS = {"fi": "etä", "sv": "distans", "en": "remote"}


def descriptions(body: bytes) -> dict[str, list[str]]:
    """Per group id, the lines of its series event's description (parsed with icalendar)."""
    out = {}
    for event in Calendar.from_ical(body).walk("VEVENT"):
        if "RECURRENCE-ID" not in event:
            out[str(event["URL"]).rsplit("=", 1)[1]] = str(event["DESCRIPTION"]).split("\n")
    return out


def counts_of(plan: Plan, gid: str) -> tuple[int, int]:
    members = plan.members.get(gid, ())
    remote = sum(plan.mode_of(code, gid) == "remote" for code in members)
    return len(members) - remote, remote


def hybrid_with_remote(season: Season, plan: Plan) -> tuple[str, str]:
    """A hybrid group of the sample plan with participants both on site and remote, and one
    of its leaders who also leads an in-person group."""
    for gid, placement in sorted(plan.placement.items()):
        on_site, remote = counts_of(plan, gid)
        if season.group[gid].mode == "hybrid" and on_site and remote:
            for person in placement.leaders:
                if any(
                    person in p.leaders and season.group[p.group_id].mode == "in_person"
                    for p in plan.placements
                ):
                    return gid, person
    raise AssertionError("the sample plan has no hybrid group with remote participants")


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_a_leaders_calendar_says_how_a_group_is_joined_and_counts_on_site_and_remote(
    sample, lang: str
) -> None:
    season, plan = sample
    hybrid, leader = hybrid_with_remote(season, plan)
    found = descriptions(export_leader(season, plan, leader, CalendarOptions(lang=lang)))
    on_site, remote = counts_of(plan, hybrid)
    assert JOIN["hybrid"][lang] in found[hybrid]
    assert COUNTS[lang].format(on_site=on_site, remote=remote) in found[hybrid]
    in_person = [gid for gid in found if season.group[gid].mode == "in_person"]
    assert in_person
    for gid in in_person:
        assert JOIN["in_person"][lang] in found[gid]
        n = len(plan.members.get(gid, ()))
        assert ON_SITE_ONLY[lang].format(on_site=n) in found[gid]
        assert not any(REMOTE_WORDS[lang] in line for line in found[gid]), found[gid]


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_a_remote_group_says_it_is_joined_remotely_without_a_place(sample, lang: str) -> None:
    season, plan = sample
    gid, placement = next((g, p) for g, p in plan.placement.items() if p.venue_id is None)
    body = export_leader(season, plan, placement.leaders[0], CalendarOptions(lang=lang))
    event = next(
        e
        for e in Calendar.from_ical(body).walk("VEVENT")
        if str(e["URL"]).endswith(f"={gid}") and "RECURRENCE-ID" not in e
    )
    assert "LOCATION" not in event and "GEO" not in event
    lines = str(event["DESCRIPTION"]).split("\n")
    assert texts.text("event.remote", lang) in lines
    assert JOIN["remote"][lang] in lines
    assert REMOTE_ONLY[lang].format(remote=len(plan.members[gid])) in lines


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_other_calendars_say_how_a_group_is_joined_but_count_nobody(sample, lang: str) -> None:
    season, plan = sample
    hybrid, _ = hybrid_with_remote(season, plan)
    venue = plan.placement[hybrid].venue_id
    options = CalendarOptions(lang=lang)
    client = next(code for code, gid in plan.participants if gid == hybrid)
    for body in (
        export_group(season, plan, hybrid, options),
        export_offering(season, plan, options),
        export_venue(season, plan, str(venue), options),
        export_client(season, plan, [hybrid], options),
    ):
        lines = descriptions(body)[hybrid]
        assert JOIN["hybrid"][lang] in lines
        head = COUNTS[lang].split(":")[0] + ":"
        assert not any(line.startswith(head) for line in lines), lines
        assert client not in unfolded(body)


def test_a_leaders_calendar_takes_the_live_counts_it_is_given(sample) -> None:
    season, plan = sample
    hybrid, leader = hybrid_with_remote(season, plan)
    options = CalendarOptions(lang="en", participants={hybrid: (2, 5)}, free_seats={hybrid: 1})
    lines = descriptions(export_leader(season, plan, leader, options))[hybrid]
    assert "Participants: 2 on site, 5 remotely" in lines
    assert f"Free places: 1 / {season.group[hybrid].max_size}" in lines


def test_the_filtered_offering_holds_only_matching_groups(sample) -> None:
    season, plan = sample
    wanted = OfferingFilter(municipalities=("Raseborg",), languages=("sv",))
    body = export_offering(season, plan, CalendarOptions(lang="sv"), wanted)
    calendar = Calendar.from_ical(body)
    ids = {str(e["URL"]).rsplit("=", 1)[1] for e in calendar.walk("VEVENT")}
    expected = {
        p.group_id
        for p in plan.placements
        if season.group[p.group_id].municipality == "710"
        and season.group[p.group_id].language == "sv"
    }
    assert ids == expected and ids
    assert str(calendar["X-WR-CALNAME"]) == "Sosku-grupper – Raseborg · svenska"


def test_leader_and_venue_calendars_hold_exactly_their_groups(sample) -> None:
    season, plan = sample
    person = plan.placements[0].leaders[0]
    venue = next(p.venue_id for p in plan.placements if p.venue_id)
    for body, mine in (
        (
            export_leader(season, plan, person),
            {p.group_id for p in plan.placements if person in p.leaders},
        ),
        (
            export_venue(season, plan, venue),
            {p.group_id for p in plan.placements if p.venue_id == venue},
        ),
    ):
        events = Calendar.from_ical(body).walk("VEVENT")
        assert {str(e["URL"]).rsplit("=", 1)[1] for e in events} == mine


def test_unknown_ids_and_kinds_are_refused_in_one_line(sample) -> None:
    season, plan = sample
    for call in (
        lambda: export_group(season, plan, "G-999"),
        lambda: export_leader(season, plan, "S-999"),
        lambda: export_venue(season, plan, "V-NOPE"),
        lambda: export_client(season, plan, ["G-999"]),
        lambda: export_offering(season, plan, filters=OfferingFilter(municipalities=("Turku",))),
        lambda: render_calendar(season, plan, Selection("everyone")),
        lambda: CalendarOptions(lang="de"),
        lambda: Closure(dt.date(2027, 2, 1), dt.date(2027, 1, 1)),
    ):
        with pytest.raises(CalendarError) as error:
            call()
        assert "\n" not in str(error.value)


def test_an_unscheduled_group_has_an_empty_calendar(sample) -> None:
    season, plan = sample
    unscheduled = next(g.group_id for g in season.groups if g.group_id not in plan.placement)
    calendar = Calendar.from_ical(export_group(season, plan, unscheduled))
    assert calendar.walk("VEVENT") == []
    assert calendar.walk("VTIMEZONE")


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_every_kind_of_export_parses_and_expands(sample, lang: str) -> None:
    season, plan = sample
    for what, body in every_export(season, plan, lang):
        calendar = Calendar.from_ical(body)
        found = recurring_ical_events.of(calendar).between(dt.date(2027, 1, 1), dt.date(2028, 1, 1))
        assert len(found) >= len(calendar.walk("VEVENT")), what


# --- privacy ---


def test_no_calendar_of_any_kind_carries_a_client_code(sample, tmp_path: Path) -> None:
    """Exports of every kind, also the leaders' with their counts on site and remote, and the
    store's calendars (the command line's and the feeds'), in every language."""
    season, plan = sample
    assert plan.remote, "the sample plan has remote participants to count"
    codes = [c.client_code for c in season.clients]
    pattern = re.compile("|".join(re.escape(code) for code in codes))
    checked = counted = 0
    with Store.open(f"sqlite:///{tmp_path / 'privacy.sqlite3'}") as store:
        store.import_season(season, source="data")
        store.save_plan(plan, {"status": "FEASIBLE"})
        for lang in ("fi", "sv", "en"):
            stored = [
                (f"stored {s.kind} {s.target}", calendar_from_store(store, s).body)
                for s in (
                    Selection("offering"),
                    *(Selection("leader", p) for p in sorted(plan.placement["G-003"].leaders)),
                    *(Selection("group", gid) for gid in sorted(plan.placement)),
                )
            ]
            for what, body in [*every_export(season, plan, lang), *stored]:
                text = unfolded(body)
                found = pattern.search(text)
                assert found is None, f"{what} ({lang}) carries client code {found.group(0)}"
                checked += 1
                counted += what.startswith(("leader", "stored leader")) and (
                    COUNTS[lang].split(":")[0] + ":" in text
                )
    assert checked > 3 * (len(plan.placements) + len(_groups_of_clients(plan)))
    assert counted > 3


def test_a_clients_calendar_holds_their_groups_and_no_count_of_others(sample) -> None:
    season, plan = sample
    groups = next(iter(_groups_of_clients(plan).values()))
    body = export_client(season, plan, groups, CalendarOptions(lang="en"))
    calendar = Calendar.from_ical(body)
    assert str(calendar["X-WR-CALNAME"]) == "My groups"
    events = calendar.walk("VEVENT")
    assert {str(e["URL"]).rsplit("=", 1)[1] for e in events} == set(groups)
    assert "Free places" not in unfolded(body)


# --- identity and SEQUENCE ---


def test_uids_are_stable_and_differ_by_season_and_group() -> None:
    uid = group_uid("Kevät 2027", "G-001")
    assert re.fullmatch(r"group-G-001-[0-9a-f]{12}@sosku-planner", uid)
    assert uid == group_uid("Kevät 2027", "G-001")
    assert uid != group_uid("Syksy 2027", "G-001") != group_uid("Kevät 2027", "G-002")


def test_a_plan_change_raises_sequence_and_keeps_uids(sample, tmp_path: Path) -> None:
    season, plan = sample
    moved_id, changed = moved_in_time(season, plan, 30)
    with Store.open(f"sqlite:///{tmp_path / 'cal.sqlite3'}") as store:
        store.import_season(season, source="data")
        store.save_plan(plan, {"status": "FEASIBLE"})

        def sequences() -> dict[str, int]:
            body = calendar_from_store(store, Selection("offering")).body
            return {
                str(e["UID"]): int(e["SEQUENCE"]) for e in Calendar.from_ical(body).walk("VEVENT")
            }

        first = sequences()
        assert set(first.values()) == {0}
        assert sequences() == first  # no change, no new number

        store.save_plan(changed, {"status": "FEASIBLE"})
        second = sequences()
        assert second.keys() == first.keys()
        uid = group_uid(season.name, moved_id)
        assert second[uid] == 1
        assert {k: v for k, v in second.items() if k != uid} == {k: 0 for k in first if k != uid}

        store.save_plan(plan, {"status": "FEASIBLE"})  # back to the first plan
        assert sequences()[uid] == 2  # never back down

        # A session change alone raises it too.
        first = season.group[moved_id].start_date
        day = first + dt.timedelta(days=(plan.placement[moved_id].weekday - first.weekday()) % 7)
        cancel = CalendarOptions(overrides=((moved_id, day, None),))
        body = calendar_from_store(store, Selection("group", moved_id), cancel).body
        assert {int(e["SEQUENCE"]) for e in Calendar.from_ical(body).walk("VEVENT")} == {3}


# --- the golden file ---


def golden_season() -> tuple[Season, Plan]:
    """One Friday group in Hanko over Good Friday and the spring change, with a closure."""
    hanko = Municipality("078", "Hanko", "Hangö", 59.8236, 22.9683)
    venue = Venue(
        "V-HAN-LIB-1",
        "Hangon kaupunginkirjasto",
        "078",
        "Vuorikatu 3, 10900 Hanko",
        59.8245,
        22.969,
        20,
        True,
        (Interval(4, 9 * 60, 18 * 60),),
        name_sv="Hangö stadsbibliotek",
    )
    staff = Staff(
        "S-001", "Säde Mäkelä", "sosiaaliohjaaja", True, "V-HAN-LIB-1",
        ("fi", "sv"), ("nature",), (4,), 12.0, True,
    )  # fmt: skip
    partner = Partner(
        "PT-001", "Åsa Öhman", "Föreningen Mötesplatsen rf", "ngo_worker", False,
        ("fi", "sv"), ("nature",), (4,), ("078",),
    )  # fmt: skip
    group = Group(
        "G-001", "Luontoryhmä – Hanko", "theme", "nature", "all", "fi", 3.0, 3, 8, "078",
        "in_person", dt.date(2027, 3, 1), 10, name_sv="Naturgrupp – Hangö",
    )  # fmt: skip
    season = Season((hanko,), (venue,), (staff,), (partner,), (group,), (), name="Kevät 2027")
    placement = Placement("G-001", 4, 13 * 60, 16 * 60, "V-HAN-LIB-1", ("S-001", "PT-001"))
    return season, Plan((placement,), ())


def golden_options() -> CalendarOptions:
    return CalendarOptions(
        lang="fi",
        stamp=STAMP,
        app_url="https://sosku.example.fi",
        sequences={"G-001": 2},
        closures=(Closure(dt.date(2027, 4, 16), dt.date(2027, 4, 16)),),
        overrides=(
            Override("G-001", dt.date(2027, 4, 2), dt.datetime(2027, 4, 1, 13, 0)),
            Override("G-001", dt.date(2027, 4, 23), None),
        ),
    )


def test_one_groups_calendar_matches_the_golden_file() -> None:
    season, plan = golden_season()
    body = export_group(season, plan, "G-001", golden_options())
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_bytes(body)
    assert body == GOLDEN.read_bytes(), "rerun with UPDATE_GOLDEN=1 after a deliberate change"


def test_the_golden_group_meets_on_the_expected_fridays() -> None:
    season, plan = golden_season()
    body = export_group(season, plan, "G-001", golden_options())
    found = occurrences(body, dt.date(2027, 3, 1), dt.date(2027, 6, 1))
    meets = {e["DTSTART"].dt.date(): str(e["STATUS"]) for e in found}
    fridays = [dt.date(2027, 3, 5) + dt.timedelta(weeks=w) for w in range(10)]
    expected = {d: "CONFIRMED" for d in fridays}
    del expected[dt.date(2027, 3, 26)]  # Good Friday
    del expected[dt.date(2027, 4, 16)]  # closure
    del expected[dt.date(2027, 4, 2)]  # moved to Thursday
    expected[dt.date(2027, 4, 1)] = "CONFIRMED"
    expected[dt.date(2027, 4, 23)] = "CANCELLED"
    assert meets == expected
    assert all(e["DTSTART"].dt.astimezone(HELSINKI).hour == 13 for e in found)


# --- inputs and texts ---


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}


def _vevents(body: bytes) -> list:
    return [c for c in Calendar.from_ical(body).walk("VEVENT")]


def test_a_series_starts_at_its_first_held_session_never_on_an_excluded_date(sample) -> None:
    # Thursdays from 6 May 2027, Ascension Day: the first session held is 13 May.
    season, plan = weekly(sample[0], dt.date(2027, 5, 3), 3)
    thursday = next(p.group_id for p in plan.placements if p.weekday == 3)
    (event,) = _vevents(export_group(season, plan, thursday, CalendarOptions()))
    assert event.decoded("DTSTART").date() == dt.date(2027, 5, 13)
    assert event.get("EXDATE") is None
    body = export_group(season, plan, thursday)
    days = [s.date() for s in starts(occurrences(body, dt.date(2027, 5, 1), dt.date(2027, 6, 1)))]
    assert days == [dt.date(2027, 5, 13), dt.date(2027, 5, 20)]


def test_a_group_whose_only_session_falls_on_a_holiday_has_no_event(sample) -> None:
    season, plan = weekly(sample[0], dt.date(2027, 5, 3), 1)  # one week: Thursday 6 May
    thursday = next(p.group_id for p in plan.placements if p.weekday == 3)
    assert _vevents(export_group(season, plan, thursday, CalendarOptions())) == []
    # The offering still shows the other four groups, each once.
    offering = _vevents(export_offering(season, plan, CalendarOptions()))
    assert len(offering) == 4 and all(e.get("RRULE") is None for e in offering)
