"""Feedback rounds and their links: one unguessable token per round, stored only as its
SHA-256, the way calendar feeds keep theirs (`planner.calendar.feeds`).

    new = open_round(store, "G-001", actor="anna")   # the group's last session, 14 days
    print(new.url())                                 # the token is known this once
    Feedback(store).close_round(new.round.id, actor="anna")

A token is `secrets.token_urlsafe(24)`: 192 random bits. Anyone holding the link may answer
once per visit, so each round takes at most `rules.FEEDBACK_ANSWERS_PER_SEAT` answers per
seat of the group: a leaked link cannot flood the results.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from dataclasses import dataclass
from urllib.parse import quote

from planner import rules
from planner.calendar.links import feed_base_url
from planner.store import Store
from planner.store.feedback import Feedback, FeedbackRound

TOKEN_BYTES = 24
MAX_TOKEN_CHARS = 64
MIN_TOKEN_CHARS = len(secrets.token_urlsafe(TOKEN_BYTES))  # 32
TOKEN_ALPHABET = re.compile(r"[A-Za-z0-9_-]+")


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def well_formed(token: str) -> bool:
    """Whether `token` could be one we issued: checked before any database work."""
    return (
        MIN_TOKEN_CHARS <= len(token) <= MAX_TOKEN_CHARS
        and TOKEN_ALPHABET.fullmatch(token) is not None
    )


def feedback_path(token: str) -> str:
    return f"/feedback/{quote(token, safe='')}"


def feedback_url(token: str, base: str | None = None, lang: str | None = None) -> str:
    """The form's address on the feed service (`PLANNER_FEED_URL`), in `lang` when given."""
    url = feed_base_url(base) + feedback_path(token)
    return f"{url}?lang={lang}" if lang else url


@dataclass(frozen=True, slots=True)
class NewRound:
    """A round just opened, with its token: the only time the token is known."""

    round: FeedbackRound
    token: str

    def url(self, base: str | None = None, lang: str | None = None) -> str:
        return feedback_url(self.token, base, lang)


def open_round(
    store: Store,
    group_id: str,
    *,
    actor: str,
    session_date: dt.date | None = None,
    days: int = rules.FEEDBACK_ROUND_DAYS,
    season_id: int | None = None,
    today: dt.date | None = None,
) -> NewRound:
    """Open a feedback round for the published group (`Feedback.open_round`) with a new
    token; only the token's hash is stored."""
    token = new_token()
    opened = Feedback(store, season_id).open_round(
        group_id,
        hash_token(token),
        actor=actor,
        session_date=session_date,
        days=days,
        today=today,
    )
    return NewRound(opened, token)
