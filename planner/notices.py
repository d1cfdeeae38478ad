"""What a counsellor or a leader hears about: the changes to their clients' places and to the
groups they lead, read from the audit trail.

A notice is one audit event seen from one person's side. A counsellor (a client's
`counsellor`, a staff id) hears when their client moves up from a waiting list, when their
client's group is cancelled or moved by a new plan, when one of its sessions is cancelled or
moved, and when their client's place ends. A leader hears the same about the groups they lead,
without client codes. Nothing here reads the database or sends mail: the store hands in the
events (`planner.store.notices`), the page and `planner.mailer` show or send the notices.

An e-mail never carries a client code in its subject; its body names the client by the
pseudonymous code only to the client's own counsellor.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from planner.i18n import t

KINDS = (
    "promoted",
    "place_moved",
    "waiting_dropped",
    "place_ended",
    "group_cancelled",
    "group_moved",
    "session_cancelled",
    "session_moved",
    "joined",
)
"""Notice kinds; each has a text `notice.<kind>` (fi/sv/en) in the catalogue."""

PUBLISH_PLACES = (
    ("group_cancelled", "group_cancelled"),
    ("promoted", "promoted"),
    ("place_moved", "moved_clients"),
    ("place_ended", "ended"),
    ("waiting_dropped", "waiting_dropped"),
)
"""(notice kind, key of the publish event's list of [client, group, ...])."""

ACTIONS = ("enrolment.promote", "enrolment.cancel", "enrolment.publish", "change.add")
"""The audit actions notices are made from."""


@dataclass(frozen=True, slots=True)
class Notice:
    event_id: int
    at: dt.datetime
    kind: str
    group_id: str
    client_code: str | None = None
    """Only in a counsellor's notice about their own client."""
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Audience:
    """Who is whose: each client's counsellor, each group's leaders and active participants
    (in the published offering)."""

    counsellor: Mapping[str, str]
    leaders: Mapping[str, tuple[str, ...]]
    members: Mapping[str, tuple[str, ...]]


def notices_for(
    person_id: str, events: Iterable[Mapping[str, Any]], audience: Audience
) -> list[Notice]:
    """The notices of one person (a staff or partner id) from audit events, oldest first."""
    out: list[Notice] = []
    for event in sorted(events, key=lambda e: e["id"]):
        out += _from_event(person_id, event, audience)
    return out


def _from_event(person: str, event: Mapping[str, Any], who: Audience) -> list[Notice]:
    action, detail = event["action"], event.get("detail") or {}
    ident, at = int(event["id"]), event["at"]

    def mine(code: str) -> bool:
        return who.counsellor.get(code) == person

    def leads(gid: str) -> bool:
        return person in who.leaders.get(gid, ())

    def for_clients(kind: str, gid: str, codes: Iterable[str], **params: Any) -> list[Notice]:
        found = [Notice(ident, at, kind, gid, code, params) for code in codes if mine(code)]
        if leads(gid) and kind != "promoted":
            found.append(Notice(ident, at, kind, gid, None, params))
        return found

    if action == "enrolment.promote":
        gid, code = detail.get("group_id", ""), detail.get("client_code", "")
        found = for_clients("promoted", gid, [code])
        if leads(gid):
            found.append(Notice(ident, at, "joined", gid))
        return found
    if action == "enrolment.cancel" and detail.get("status") in ("cancelled", "ended"):
        gid, code = detail.get("group_id", ""), detail.get("client_code", "")
        return [Notice(ident, at, "place_ended", gid, code)] if mine(code) else []
    if action == "enrolment.publish":
        found = []
        for kind, key in PUBLISH_PLACES:
            for code, gid, *rest in detail.get(key, ()):
                if mine(code):
                    params = {"to": rest[0]} if kind == "place_moved" and rest else {}
                    found.append(Notice(ident, at, kind, gid, code, params))
                if kind == "promoted" and leads(gid):
                    found.append(Notice(ident, at, "joined", gid))
        changed = dict.fromkeys(
            [*detail.get("moved_groups", ()), *detail.get("leaders_changed", ())]
        )
        for gid in changed:
            found += for_clients("group_moved", gid, who.members.get(gid, ()))
        return found
    if action == "change.add" and detail.get("kind") in ("cancel", "move"):
        gid = detail.get("group_id", "")
        kind = "session_cancelled" if detail["kind"] == "cancel" else "session_moved"
        params = {"date": detail.get("session_date", ""), "new_start": detail.get("new_start")}
        return for_clients(kind, gid, who.members.get(gid, ()), **params)
    return []


def notice_text(notice: Notice, group_name: str, lang: str) -> str:
    """One notice as a sentence in `lang`; the client code only when the notice has one."""
    params = dict(notice.params)
    key = f"notice.{notice.kind}"
    if notice.client_code is not None:
        key += ".client"
    return t(
        key,
        lang,
        group=group_name,
        client=notice.client_code or "",
        date=params.get("date") or "",
        new_start=(params.get("new_start") or "")[:16].replace("T", " "),
        to=params.get("to") or "",
    )


def subject(notices: list[Notice], lang: str) -> str:
    """An e-mail subject: how many changes, never a client code."""
    return t("notice.subject", lang, n=len(notices))
