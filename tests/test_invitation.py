"""The joint meeting's invitation: an iTIP request Outlook reads, in Helsinki time, that says
nothing about the client; a cancellation withdraws it under the same UID."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import ClassVar

import pytest
from icalendar import Calendar
from toys import toy_season

from planner import mailer
from planner.calendar.invitation import invitation, invitation_mail
from planner.mailer import MailSettings, send_mail
from planner.store import Meeting

BOOKED = dt.datetime(2025, 12, 20, 9, 30, tzinfo=dt.UTC)
ADDRESSES = {"S3": "celia.neuvoja@example.fi", "S1": "aino.ohjaaja@example.fi"}
MEETING = Meeting(
    id=7,
    season_id=1,
    group_id="G1",
    client_code="C01",
    kind="before",
    date=dt.date(2025, 12, 30),
    start=8 * 60,
    end=9 * 60,
    counsellor="S3",
    leader="S1",
    venue_id="V1",
    status="booked",
    booked_at=BOOKED,
    booked_by="anna",
    held_at=None,
    held_by=None,
    cancelled_at=None,
    cancelled_by=None,
    uid="meeting-0123456789abcdef@sosku-planner",
    sequence=0,
)


def parsed(body: bytes) -> tuple[Calendar, object]:
    cal = Calendar.from_ical(body)
    (event,) = cal.walk("VEVENT")
    return cal, event


def test_the_invitation_is_a_request_in_helsinki_time_with_both_people_invited() -> None:
    body = invitation(MEETING, toy_season("published"), "fi", addresses=ADDRESSES)
    cal, event = parsed(body)

    assert str(cal["method"]) == "REQUEST"
    assert [str(z["tzid"]) for z in cal.walk("VTIMEZONE")] == ["Europe/Helsinki"]
    assert str(event["uid"]) == MEETING.uid and int(event["sequence"]) == 0
    start, end = event.decoded("dtstart"), event.decoded("dtend")
    assert str(start.tzinfo) == "Europe/Helsinki" and event["dtstart"].params["TZID"]
    assert (start.replace(tzinfo=None), end - start) == (
        dt.datetime(2025, 12, 30, 8, 0),
        dt.timedelta(hours=1),
    )
    assert start.utcoffset() == dt.timedelta(hours=2)  # EET in December
    assert str(event["summary"]) == "Aloitustapaaminen: Luontoryhmä"
    assert str(event["location"]) == "Entressen kirjasto, Siltakatu 11"
    attendees = {str(a): str(a.params["CN"]) for a in event["attendee"]}
    assert attendees == {
        "mailto:celia.neuvoja@example.fi": "Celia Neuvoja",
        "mailto:aino.ohjaaja@example.fi": "Aino Ohjaaja",
    }
    assert str(event["organizer"]) == "mailto:celia.neuvoja@example.fi"
    assert event.decoded("dtstamp") == BOOKED  # the same meeting gives the same bytes
    assert invitation(MEETING, toy_season("published"), "fi", addresses=ADDRESSES) == body


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_invitation_carries_no_client_code_in_any_language(lang: str) -> None:
    body = invitation(MEETING, toy_season("published"), lang, addresses=ADDRESSES)
    assert b"C01" not in body
    _, event = parsed(body)
    assert "C01" not in str(event["description"]) + str(event["summary"])
    assert "/?group=G1" in str(event["description"])  # the client is shown in the app


def test_the_summary_and_place_follow_the_language() -> None:
    _, event = parsed(invitation(MEETING, toy_season("published"), "sv"))
    assert str(event["summary"]) == "Startmöte: Luontoryhmä"
    after = dataclasses.replace(MEETING, kind="after")
    _, event = parsed(invitation(after, toy_season("published"), "en"))
    assert str(event["summary"]) == "Closing meeting: Luontoryhmä"


def test_without_addresses_nobody_is_invited_but_both_are_named() -> None:
    _, event = parsed(invitation(MEETING, toy_season("published"), "en"))
    assert "attendee" not in event
    assert str(event["organizer"]) == "mailto:noreply@sosku-planner.invalid"
    assert "Counsellor: Celia Neuvoja. Group leader: Aino Ohjaaja." in str(event["description"])


def test_a_cancelled_meeting_withdraws_the_invitation_under_the_same_uid() -> None:
    gone = dataclasses.replace(
        MEETING, status="cancelled", sequence=1, cancelled_at=BOOKED + dt.timedelta(days=2)
    )
    cal, event = parsed(invitation(gone, toy_season("published"), "fi", addresses=ADDRESSES))
    assert str(cal["method"]) == "CANCEL"
    assert (str(event["uid"]), int(event["sequence"])) == (MEETING.uid, 1)
    assert str(event["status"]) == "CANCELLED"
    assert str(event["summary"]).startswith("Peruttu: ")


class FakeSMTP:
    sent: ClassVar[list] = []

    def __init__(self, host: str, port: int, timeout: float) -> None:
        self.host = host

    def __enter__(self) -> FakeSMTP:
        return self

    def __exit__(self, *exc) -> None:
        return None

    def starttls(self) -> None:
        pass

    def login(self, user: str, password: str) -> None:
        pass

    def send_message(self, mail) -> None:
        FakeSMTP.sent.append(mail)


def test_the_mail_attaches_the_request_and_names_no_client(monkeypatch) -> None:
    monkeypatch.setattr(mailer.smtplib, "SMTP", FakeSMTP)
    FakeSMTP.sent = []
    season = toy_season("published")
    settings = MailSettings(host="smtp.test", sender="sosku@example.fi", addresses=ADDRESSES)
    body = invitation(MEETING, season, "fi", addresses=ADDRESSES, organizer=settings.sender)

    mail = invitation_mail(body, MEETING, season, "fi", sender=settings.sender, addresses=ADDRESSES)
    assert mail is not None
    send_mail(settings, mail)

    (sent,) = FakeSMTP.sent
    assert sent["To"] == "celia.neuvoja@example.fi, aino.ohjaaja@example.fi"
    assert sent["Subject"] == "Aloitustapaaminen: Luontoryhmä"
    (attached,) = list(sent.iter_attachments())
    assert attached.get_content_type() == "text/calendar"
    assert attached.get_param("method") == "REQUEST"
    assert "C01" not in sent.as_string()
    _, event = parsed(attached.get_content().encode())
    assert str(event["organizer"]) == "mailto:sosku@example.fi"
    assert invitation_mail(body, MEETING, season, "fi", sender="x@y.fi", addresses={}) is None
