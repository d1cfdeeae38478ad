"""Notices by e-mail: each counsellor and leader gets one message with what changed since the
last one (`planner notify`).

Settings come from the `[notify]` section of the secrets file (`.streamlit/secrets.toml`):

    [notify]
    host = "smtp.example.fi"      # required
    port = 587                    # default 25
    starttls = true               # default false
    username = "..."              # optional, with password
    password = "..."
    sender = "sosku@example.fi"   # required
    language = "fi"               # fi, sv or en (default fi)
    [notify.addresses]            # staff or partner id -> e-mail address
    S-001 = "aino.ohjaaja@example.fi"

The data has no e-mail addresses (and holds no client contact details at all): the county
keeps the staff addresses here. A person without an address is skipped. The subject never
carries a client code; the body names a client by their pseudonymous code only to their own
counsellor. Nothing is sent twice: the store remembers, per person, the last audit entry sent.
The same settings send the joint meetings' invitations (`send_mail`).
"""

from __future__ import annotations

import logging
import smtplib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Any

from planner.i18n import known_language, t
from planner.notices import Notice, notice_text, subject
from planner.store.notices import Notices
from planner.store.store import Store

log = logging.getLogger("planner")


class MailSettingsError(ValueError):
    """The `[notify]` settings cannot be used, said in one line."""


@dataclass(frozen=True)
class MailSettings:
    host: str
    sender: str
    port: int = 25
    starttls: bool = False
    username: str | None = None
    password: str | None = None
    language: str = "fi"
    addresses: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any] | None) -> MailSettings:
        if not raw:
            raise MailSettingsError("no [notify] section in the secrets file")
        missing = [k for k in ("host", "sender") if not raw.get(k)]
        if missing:
            raise MailSettingsError(f"[notify] needs {' and '.join(missing)}")
        try:
            port = int(raw.get("port", 25))
        except (TypeError, ValueError):
            got = raw["port"]
            raise MailSettingsError(f"[notify] port must be a number, got {got!r}") from None
        addresses = {str(k): str(v) for k, v in dict(raw.get("addresses", {})).items()}
        bad = sorted(k for k, v in addresses.items() if "@" not in v)
        if bad:
            raise MailSettingsError(f"[notify.addresses] not an e-mail address for {bad[0]}")
        return cls(
            host=str(raw["host"]),
            sender=str(raw["sender"]),
            port=port,
            starttls=bool(raw.get("starttls", False)),
            username=raw.get("username"),
            password=raw.get("password"),
            language=known_language(str(raw.get("language", "fi"))),
            addresses=addresses,
        )


def message(
    notices: list[Notice], names: Mapping[str, str], lang: str, sender: str, to: str
) -> EmailMessage:
    """One person's notices as an e-mail in `lang`."""
    mail = EmailMessage()
    mail["Subject"] = subject(notices, lang)
    mail["From"] = sender
    mail["To"] = to
    lines = [
        f"- {n.at:%Y-%m-%d %H:%M}: {notice_text(n, names.get(n.group_id, n.group_id), lang)}"
        for n in notices
    ]
    body = [t("notice.body_intro", lang), "", *lines, "", t("notice.body_outro", lang)]
    mail.set_content("\n".join(body) + "\n")
    return mail


@contextmanager
def smtp_session(settings: MailSettings) -> Iterator[smtplib.SMTP]:
    """A connection to the `[notify]` SMTP server, signed in when a username is set."""
    with smtplib.SMTP(settings.host, settings.port, timeout=30) as smtp:
        if settings.starttls:
            smtp.starttls()
        if settings.username:
            smtp.login(settings.username, settings.password or "")
        yield smtp


def send_mail(settings: MailSettings, mail: EmailMessage) -> None:
    """Send one message (a joint meeting's invitation, `planner.calendar.invitation`)."""
    with smtp_session(settings) as smtp:
        smtp.send_message(mail)


def send_notices(
    store: Store, settings: MailSettings, season_id: int | None = None, *, dry_run: bool = False
) -> dict[str, int]:
    """E-mail every person with an address their new notices; returns person -> notices sent
    (or that would be sent, with `dry_run`). The cursor moves only after a message is sent."""
    notices = Notices(store, season_id)
    names = notices.group_names()
    sent: dict[str, int] = {}
    outbox: list[tuple[str, EmailMessage, int]] = []
    for person in notices.people():
        address = settings.addresses.get(person)
        if address is None:
            continue
        new = notices.for_person(person, after=notices.sent_up_to(person))
        if not new:
            continue
        mail = message(new, names, settings.language, settings.sender, address)
        outbox.append((person, mail, max(n.event_id for n in new)))
        sent[person] = len(new)
    if dry_run or not outbox:
        return sent
    with smtp_session(settings) as smtp:
        for person, mail, last in outbox:
            smtp.send_message(mail)
            notices.mark_sent(person, last)
            log.info("notices: sent %d to %s", sent[person], person)
    return sent
