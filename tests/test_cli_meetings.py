"""`planner meetings` from the command line: the times offered, booking with an invitation,
listing, marking held and cancelling; every mistake is one line and exit code 2."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from icalendar import Calendar
from toys import SUMMARY, toy_plan, toy_season

from planner import mailer, terms
from planner.cli.main import main
from planner.store import Enrolments, Meetings, Store

TODAY = dt.date(2025, 12, 20)
BOOK = ("--kind", "before", "--date", "2025-12-30", "--start", "08:00")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """The toy plan published, Helsinki's today before its groups start."""
    monkeypatch.setattr(terms, "local_today", lambda: TODAY)
    with Store.open(sqlite_url) as store:
        store.import_season(toy_season("published"), source="toy")
        store.save_plan(toy_plan(), SUMMARY)
        Enrolments(store).publish()
    return sqlite_url


def stored(db: str):
    with Store.open(db) as store:
        return Meetings(store).list_meetings()


def test_group_and_client_list_the_offered_times_as_before_the_short_form(capsys, db) -> None:
    code, out, _ = run(capsys, "meetings", "G1", "C01", "--db", db, "--json")
    rows = json.loads(out)

    assert code == 0 and rows
    assert {r["kind"] for r in rows} == {"before", "after"}
    assert set(rows[0]) == {"kind", "date", "start", "end", "counsellor", "leader", "venue_id"}
    assert rows[0] == {
        "kind": "before",
        "date": "2025-12-30",
        "start": "08:00",
        "end": "09:00",
        "counsellor": "S3",
        "leader": "S1",
        "venue_id": "V1",
    }
    assert run(capsys, "meetings", "suggest", "G1", "C01", "--db", db, "--json")[1] == out
    code, text, _ = run(capsys, "meetings", "G1", "C01", "--db", db)
    assert text.splitlines()[0] == "before 2025-12-30 08:00-09:00 counsellor S3, leader S1"


def test_help_names_every_action(capsys) -> None:
    with pytest.raises(SystemExit) as done:
        main(["meetings", "--help"])
    out = capsys.readouterr().out
    assert done.value.code == 0
    assert "planner meetings [suggest] GROUP CLIENT" in out
    assert all(action in out for action in ("book", "list", "held", "cancel"))


def test_book_writes_the_invitation_list_shows_it_held_and_cancel_follow(
    capsys, db, tmp_path: Path
) -> None:
    out_file = tmp_path / "invite.ics"
    code, out, err = run(
        capsys, "meetings", "book", "G1", "C01", *BOOK, "--out", str(out_file), "--db", db,
        "--actor", "anna", "--lang", "sv",
    )  # fmt: skip
    assert code == 0, err
    assert out.startswith("Booked 1: before G1 C01 2025-12-30 08:00-09:00")
    assert f"invitation written to {out_file}" in out
    body = out_file.read_bytes()
    assert b"C01" not in body
    cal = Calendar.from_ical(body)
    assert str(cal["method"]) == "REQUEST"
    (event,) = cal.walk("VEVENT")
    assert str(event["summary"]) == "Startmöte: Luontoryhmä"

    code, out, _ = run(capsys, "meetings", "list", "--client", "C01", "--db", db, "--json")
    (listed,) = json.loads(out)
    assert (listed["id"], listed["status"], listed["booked_by"]) == (1, "booked", "anna")
    assert run(capsys, "meetings", "list", "--group", "G2", "--db", db)[1].strip() == "none"

    code, _, err = run(capsys, "meetings", "held", "1", "--db", db)
    assert code == 2 and "not_yet" in err and err[-1] == "\n" and err.count("\n") == 1

    cancel_file = tmp_path / "cancel.ics"
    code, out, _ = run(capsys, "meetings", "cancel", "1", "--out", str(cancel_file), "--db", db)
    assert code == 0 and out.startswith("Cancelled 1:")
    cancelled = Calendar.from_ical(cancel_file.read_bytes())
    (gone,) = cancelled.walk("VEVENT")
    assert str(cancelled["method"]) == "CANCEL"
    assert (str(gone["uid"]), int(gone["sequence"])) == (str(event["uid"]), 1)


def test_held_once_the_day_has_come(capsys, db, monkeypatch) -> None:
    assert run(capsys, "meetings", "book", "G1", "C01", *BOOK, "--db", db)[0] == 0
    monkeypatch.setattr(terms, "local_today", lambda: dt.date(2025, 12, 30))
    code, out, _ = run(capsys, "meetings", "held", "1", "--db", db, "--actor", "S1")
    assert code == 0 and out.startswith("Held 1:") and stored(db)[0].held_by == "S1"


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (("book", "G1", "C01", "--kind", "before", "--date", "30.12.2025", "--start", "08:00"),
         "--date '30.12.2025' is not a date like"),
        (("book", "G1", "C01", "--kind", "before", "--date", "2025-12-30", "--start", "8h"),
         "--start '8h' is not a time like 09:00"),
        (("book", "G9", "C01", *BOOK), "unknown_group"),
        (("book", "G1", "C20", *BOOK), "no_place"),
        (("book", "G1", "C01", "--kind", "before", "--date", "2025-12-25", "--start", "08:00"),
         "not_offered"),
        (("book", "G1", "C01", *BOOK, "--out", "/no/such/folder/x.ics"),
         "kansiota /no/such/folder ei ole"),
        (("book", "G1", "C01", *BOOK, "--send", "--secrets", "/no/such/secrets.toml"),
         "no such secrets file"),
        (("G9", "C01"), "not_published"),
        (("G1", "nobody"), "no client with that code"),
        (("cancel", "5"), "no meeting 5"),
    ],
)  # fmt: skip
def test_a_mistake_is_one_line_and_nothing_is_booked(capsys, db, argv, says) -> None:
    code, _, err = run(capsys, "meetings", *argv, "--db", db)
    assert code == 2 and says in err
    assert err.startswith("planner meetings: ") and err.count("\n") == 1
    assert "Traceback" not in err
    assert stored(db) == []


def test_a_folder_as_out_is_refused_before_anything_is_stored(capsys, db, tmp_path) -> None:
    code, _, err = run(
        capsys, "meetings", "book", "G1", "C01", *BOOK, "--out", str(tmp_path), "--db", db
    )
    assert code == 2 and "on kansio" in err  # in the invitation's language
    assert stored(db) == []


def test_send_mails_the_invitation_to_the_known_addresses(capsys, db, tmp_path, monkeypatch):
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(
        '[notify]\nhost = "smtp.test"\nsender = "sosku@example.fi"\n'
        '[notify.addresses]\nS1 = "aino@example.fi"\nS3 = "celia@example.fi"\n',
        encoding="utf-8",
    )
    sent = []

    class FakeSMTP:
        def __init__(self, *args, **kwargs) -> None:
            pass

        def __enter__(self):
            return self

        def __exit__(self, *exc) -> None:
            return None

        def send_message(self, mail) -> None:
            sent.append(mail)

    monkeypatch.setattr(mailer.smtplib, "SMTP", FakeSMTP)
    code, out, err = run(
        capsys, "meetings", "book", "G1", "C01", *BOOK, "--send", "--secrets", str(secrets),
        "--db", db,
    )  # fmt: skip
    assert code == 0, err
    assert "invitation sent to celia@example.fi, aino@example.fi" in out
    (mail,) = sent
    assert "C01" not in mail.as_string()
    (attached,) = list(mail.iter_attachments())
    assert attached.get_param("method") == "REQUEST"
