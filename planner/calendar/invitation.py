"""The invitation to a joint meeting (l. 379): an iTIP request (RFC 5546) for Outlook and Teams.

    body = invitation(meeting, season, "sv", addresses={"S-01": "aino@example.fi"})
    mail = invitation_mail(body, meeting, season, "sv", sender="sosku@example.fi", ...)

A booked meeting is `METHOD:REQUEST`, a cancelled one `METHOD:CANCEL` with the same UID and
the higher SEQUENCE the store gave it. The event is in Europe/Helsinki with its VTIMEZONE,
at the group's place. The counsellor and the leader are its attendees; someone without a
known e-mail address (the secrets' `[notify.addresses]`) is not written as an attendee,
since a made-up address could be mailed, and is named in the description instead.

Nothing in it identifies the client: no code, no name. The summary names the meeting and the
group ("Aloitustapaaminen: Luontoryhmä"), and the description says that the client is shown
in the app.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from email.message import EmailMessage
from typing import Protocol

from icalendar import Calendar, Event, vCalAddress, vText

from planner.calendar.links import app_url
from planner.calendar.vtimezone import ZONE, helsinki_vtimezone
from planner.i18n import t
from planner.model import Season

PRODID = "-//sosku-planner//Joint meeting//EN"
NO_REPLY = "mailto:noreply@sosku-planner.invalid"
"""The organizer when no sender address is set up: `.invalid` can never be mailed (RFC 2606)."""


class MeetingLike(Protocol):
    """What an invitation reads of a stored meeting (`planner.store.bookings.Meeting`)."""

    group_id: str
    kind: str
    date: dt.date
    start: int
    end: int
    counsellor: str
    leader: str
    venue_id: str | None
    status: str
    uid: str
    sequence: int
    booked_at: dt.datetime
    cancelled_at: dt.datetime | None


def method_of(meeting: MeetingLike) -> str:
    return "CANCEL" if meeting.status == "cancelled" else "REQUEST"


def _local(day: dt.date, minutes: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(minutes // 60, minutes % 60), tzinfo=ZONE)


def _person_name(season: Season, person_id: str) -> str:
    person = season.person.get(person_id)
    return person.name if person is not None else person_id


def summary(meeting: MeetingLike, season: Season, lang: str) -> str:
    group = season.group.get(meeting.group_id)
    name = group.display_name(lang) if group is not None else meeting.group_id
    return t(f"meetings.invite.summary.{meeting.kind}", lang, group=name)


def place(meeting: MeetingLike, season: Season, lang: str) -> str | None:
    venue = season.venue.get(meeting.venue_id) if meeting.venue_id else None
    return f"{venue.display_name(lang)}, {venue.address}" if venue is not None else None


def description_lines(meeting: MeetingLike, season: Season, lang: str) -> list[str]:
    lines = []
    if meeting.status == "cancelled":
        lines.append(t("meetings.invite.cancelled", lang))
    lines += [
        t(f"meetings.invite.intro.{meeting.kind}", lang),
        t(
            "meetings.invite.people",
            lang,
            counsellor=_person_name(season, meeting.counsellor),
            leader=_person_name(season, meeting.leader),
        ),
    ]
    where = place(meeting, season, lang)
    if where:
        lines.append(t("meetings.invite.place", lang, place=where))
    lines.append(t("meetings.invite.client", lang, url=app_url(meeting.group_id)))
    return lines


def recipients(meeting: MeetingLike, addresses: Mapping[str, str]) -> dict[str, str]:
    """The meeting's people with a known address: person id -> address (counsellor first)."""
    return {
        who: addresses[who] for who in (meeting.counsellor, meeting.leader) if addresses.get(who)
    }


def invitation(
    meeting: MeetingLike,
    season: Season,
    lang: str,
    *,
    addresses: Mapping[str, str] | None = None,
    organizer: str | None = None,
    stamp: dt.datetime | None = None,
) -> bytes:
    """The meeting's invitation (or cancellation) as iCalendar bytes. `addresses`: person
    id -> e-mail; `organizer`: the address it is sent from (default: the counsellor's
    address when known, else a no-reply address that is never mailed); `stamp` (DTSTAMP):
    default when the meeting was booked or cancelled."""
    addresses = addresses or {}
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", method_of(meeting))
    cal.add_component(helsinki_vtimezone())

    event = Event()
    event.add("uid", meeting.uid)
    event.add("sequence", meeting.sequence)
    # By default when it was booked or cancelled: the same meeting gives the same bytes.
    stamp = stamp or meeting.cancelled_at or meeting.booked_at
    event.add("dtstamp", stamp.astimezone(dt.UTC))
    event.add("dtstart", _local(meeting.date, meeting.start))
    event.add("dtend", _local(meeting.date, meeting.end))
    title = summary(meeting, season, lang)
    if meeting.status == "cancelled":
        title = t("meetings.invite.cancel_summary", lang, summary=title)
    event.add("summary", title)
    event.add("description", "\n".join(description_lines(meeting, season, lang)))
    where = place(meeting, season, lang)
    if where:
        event.add("location", where)
    event.add("status", "CANCELLED" if meeting.status == "cancelled" else "CONFIRMED")
    event.add("transp", "OPAQUE")
    event.add("class", "PRIVATE")

    sender = organizer or addresses.get(meeting.counsellor)
    boss = vCalAddress(f"mailto:{sender}" if sender else NO_REPLY)
    boss.params["cn"] = vText(
        _person_name(season, meeting.counsellor)
        if sender and sender == addresses.get(meeting.counsellor)
        else t("meetings.invite.organizer", lang)
    )
    event.add("organizer", boss)
    for who, address in recipients(meeting, addresses).items():
        attendee = vCalAddress(f"mailto:{address}")
        attendee.params["cn"] = vText(_person_name(season, who))
        attendee.params["role"] = vText("REQ-PARTICIPANT")
        attendee.params["partstat"] = vText("NEEDS-ACTION")
        attendee.params["rsvp"] = vText("TRUE")
        event.add("attendee", attendee)
    cal.add_component(event)
    return cal.to_ical()


def invitation_mail(
    body: bytes,
    meeting: MeetingLike,
    season: Season,
    lang: str,
    *,
    sender: str,
    addresses: Mapping[str, str],
) -> EmailMessage | None:
    """The invitation as an e-mail to the meeting's people with a known address, the
    .ics attached as `text/calendar; method=REQUEST` (or CANCEL); None when nobody has one.
    Neither the subject nor the body names the client."""
    to = recipients(meeting, addresses)
    if not to:
        return None
    mail = EmailMessage()
    title = summary(meeting, season, lang)
    if meeting.status == "cancelled":
        title = t("meetings.invite.cancel_summary", lang, summary=title)
    mail["Subject"] = title
    mail["From"] = sender
    mail["To"] = ", ".join(to.values())
    mail.set_content("\n".join(description_lines(meeting, season, lang)) + "\n")
    method = method_of(meeting)
    mail.add_attachment(
        body,
        maintype="text",
        subtype="calendar",
        filename="cancel.ics" if method == "CANCEL" else "invite.ics",
        params={"method": method, "charset": "utf-8"},
    )
    return mail
