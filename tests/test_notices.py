"""People hear about changes: a counsellor about their clients' places, a leader about their
groups, on the Changes page and by e-mail through a real SMTP server the test starts.

The toy's clients have counsellor S3, who leads no group; G2 is led by S1 and S2 (see
`toys.toy_season("published")`).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import socket
from collections.abc import Iterator
from email import message_from_bytes
from email.message import Message
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from toys import SUMMARY, fresh_database, toy_plan, toy_season

from planner import notices
from planner.cli.main import main as cli
from planner.mailer import MailSettings, MailSettingsError, send_notices
from planner.notices import Audience, notice_text, notices_for
from planner.store import Enrolments, Store
from planner.store.notices import Notices

AT = dt.datetime(2026, 1, 12, 9, 0, tzinfo=dt.UTC)
WHO = Audience(
    counsellor={"C1": "S9", "C2": "S8"},
    leaders={"G1": ("S1", "S2"), "G2": ("S3",)},
    members={"G1": ("C1", "C2"), "G2": ()},
)


def _event(ident: int, action: str, **detail) -> dict:
    return {"id": ident, "at": AT, "action": action, "detail": {"season_id": 1, **detail}}


# --- who hears what (no database) ---


def test_a_counsellor_hears_of_their_own_client_and_a_leader_of_their_group() -> None:
    events = [_event(1, "enrolment.promote", group_id="G1", client_code="C1")]
    (mine,) = notices_for("S9", events, WHO)
    assert (mine.kind, mine.client_code) == ("promoted", "C1")
    assert notices_for("S8", events, WHO) == []  # not their client
    (leader,) = notices_for("S1", events, WHO)
    assert (leader.kind, leader.client_code) == ("joined", None)


def test_session_changes_and_a_moved_group_reach_counsellors_and_leaders() -> None:
    events = [
        _event(2, "change.add", kind="cancel", group_id="G1", session_date="2026-02-04"),
        _event(3, "enrolment.publish", moved_groups=["G1"], group_cancelled=[["C2", "G9"]]),
    ]
    kinds = [(n.kind, n.client_code) for n in notices_for("S9", events, WHO)]
    assert kinds == [("session_cancelled", "C1"), ("group_moved", "C1")]
    assert [(n.kind, n.client_code) for n in notices_for("S8", events, WHO)] == [
        ("session_cancelled", "C2"),
        ("group_cancelled", "C2"),
        ("group_moved", "C2"),
    ]
    assert [n.kind for n in notices_for("S2", events, WHO)] == [
        "session_cancelled",
        "group_moved",
    ]
    assert notices_for("S3", events, WHO) == []  # G2 did not change


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_a_leader_s_notice_names_no_client(lang: str) -> None:
    events = [_event(2, "change.add", kind="move", group_id="G1", session_date="2026-02-04",
                     new_start="2026-02-05T13:00")]  # fmt: skip
    (leader,) = notices_for("S1", events, WHO)
    text = notice_text(leader, "Luontoryhmä", lang)
    assert "Luontoryhmä" in text and "2026-02-04" in text and "2026-02-05 13:00" in text
    assert "C1" not in text and "C2" not in text
    (counsellor,) = notices_for("S9", events, WHO)
    assert "C1" in notice_text(counsellor, "Luontoryhmä", lang)
    assert "C1" not in notices.subject([counsellor], lang)


# --- the store and the mail ---


class _Inbox:
    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(message_from_bytes(envelope.content))
        return "250 OK"


@pytest.fixture
def smtp() -> Iterator[tuple[int, _Inbox]]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = _Inbox()
    server = Controller(inbox, hostname="127.0.0.1", port=port)
    server.start()
    try:
        yield port, inbox
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    server = request.getfixturevalue("pg_url") if request.param == "postgres" else None
    with fresh_database(request.param, tmp_path, server) as url, Store.open(url) as opened:
        opened.import_season(toy_season("published"), source="toy")
        opened.save_plan(toy_plan(), SUMMARY, actor="coordinator")
        Enrolments(opened).publish(actor="coordinator")
        yield opened


def _promote_c23(store: Store) -> None:
    """Fill G2 (8 seats), put C23 on its waiting list, and free a seat: C23 moves up."""
    live = Enrolments(store)
    for code in ("C20", "C21", "C22", "C23"):
        live.enrol("G2", code, actor="anna")
    assert live.cancel("G2", "C04", actor="anna", reason="moved_to_work").promoted == ("C23",)


def test_a_publish_tells_whose_places_moved_ended_or_left_the_queue() -> None:
    events = [
        _event(
            4,
            "enrolment.publish",
            moved_clients=[["C1", "G1", "G2"]],
            ended=[["C2", "G1", "other"]],
            waiting_dropped=[["C1", "G2"]],
            promoted=[["C2", "G2"]],
            leaders_changed=["G2"],
        )
    ]
    assert [(n.kind, n.params.get("to")) for n in notices_for("S9", events, WHO)] == [
        ("place_moved", "G2"),
        ("waiting_dropped", None),
    ]
    assert [n.kind for n in notices_for("S8", events, WHO)] == ["promoted", "place_ended"]
    assert [n.kind for n in notices_for("S3", events, WHO)] == ["joined", "group_moved"]
    for lang in ("fi", "sv", "en"):
        for n in notices_for("S9", events, WHO):
            assert "C1" in notice_text(n, "G", lang)


def test_the_store_gives_each_person_their_notices(store: Store) -> None:
    _promote_c23(store)
    found = Notices(store).for_person("S3")
    assert sorted((n.kind, n.client_code) for n in found) == [
        ("place_ended", "C04"),
        ("promoted", "C23"),
    ]
    assert [n.kind for n in Notices(store).for_person("S1")] == ["joined"]
    assert {"S1", "S2", "S3"} <= set(Notices(store).people())


def test_a_cancelled_session_reaches_the_counsellors_and_the_leaders(store: Store) -> None:
    from planner.store import DatedChanges

    DatedChanges(store).cancel("G2", dt.date(2026, 1, 15), actor="S1")  # G2 meets Thursdays
    counsellor = Notices(store).for_person("S3")
    assert {(n.kind, n.client_code) for n in counsellor} == {
        ("session_cancelled", code) for code in ("C04", "C05", "C06", "C07", "C08")
    }
    (leader,) = Notices(store).for_person("S2")
    assert leader.kind == "session_cancelled" and leader.client_code is None
    assert "2026-01-15" in notice_text(leader, "Taideryhmä", "fi")


def _settings(port: int, **kw) -> MailSettings:
    raw = {
        "host": "127.0.0.1",
        "port": port,
        "sender": "sosku@example.fi",
        "language": "sv",
        "addresses": {"S1": "s1@example.fi", "S3": "s3@example.fi"},
        **kw,
    }
    return MailSettings.from_mapping(raw)


def test_notices_are_mailed_once_and_no_subject_carries_a_client_code(store: Store, smtp) -> None:
    port, inbox = smtp
    _promote_c23(store)
    assert send_notices(store, _settings(port), dry_run=True) == {"S1": 1, "S3": 2}
    assert inbox.messages == []

    assert send_notices(store, _settings(port)) == {"S1": 1, "S3": 2}
    by_to = {m["To"]: m for m in inbox.messages}
    assert set(by_to) == {"s1@example.fi", "s3@example.fi"}
    counsellor = by_to["s3@example.fi"].get_payload(decode=True).decode()
    assert "C23" in counsellor and "C04" in counsellor
    assert "Klienten" in counsellor  # the [notify] language: Swedish
    leader = by_to["s1@example.fi"].get_payload(decode=True).decode()
    assert "C23" not in leader and "C04" not in leader
    for m in inbox.messages:
        assert not any(code in m["Subject"] for code in ("C04", "C23"))

    assert send_notices(store, _settings(port)) == {}  # nothing new: nothing sent again
    Enrolments(store).enrol("G1", "C30", actor="anna")
    Enrolments(store).cancel("G1", "C30", actor="anna", reason="other")
    assert send_notices(store, _settings(port)) == {"S3": 1}
    assert len(inbox.messages) == 3


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (None, "no [notify] section"),
        ({"host": "x"}, "needs sender"),
        ({"host": "x", "sender": "y", "port": "abc"}, "port must be a number"),
        ({"host": "x", "sender": "y", "addresses": {"S1": "nobody"}}, "not an e-mail address"),
    ],
)
def test_bad_mail_settings_are_named(raw, message: str) -> None:
    with pytest.raises(MailSettingsError, match=re.escape(message)):
        MailSettings.from_mapping(raw)


def test_planner_notify_sends_and_says_so(store: Store, smtp, tmp_path: Path, capsys) -> None:
    port, inbox = smtp
    _promote_c23(store)
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(
        f'[notify]\nhost = "127.0.0.1"\nport = {port}\nsender = "sosku@example.fi"\n'
        '[notify.addresses]\nS3 = "s3@example.fi"\n',
        encoding="utf-8",
    )
    url = store.engine.url.render_as_string(hide_password=False)
    assert cli(["notify", "--secrets", str(secrets), "--db", url, "--dry-run", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["sent"] == {"S3": 2}
    assert cli(["notify", "--secrets", str(secrets), "--db", url]) == 0
    assert "Sent 2 notices to 1 people" in capsys.readouterr().out
    assert len(inbox.messages) == 1

    missing = tmp_path / "nope.toml"
    assert cli(["notify", "--secrets", str(missing), "--db", url]) == 2
    err = capsys.readouterr().err
    assert "no such secrets file" in err and "Traceback" not in err
