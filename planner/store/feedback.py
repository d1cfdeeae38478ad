"""Feedback from groups in the store (`feedback_rounds`, `feedback_answers`,
`group_evaluations`; migration 0019; handbook l. 527, 529).

    feedback = Feedback(store)
    round_ = feedback.open_round("G-001", token_hash, actor="anna")   # its last session
    add_web_answer(store, token_hash, answer)       # the form posted through the link
    feedback.add_paper_answers(round_.id, [answer], actor="anna")
    feedback.answers_by_group()                      # group_id -> [Answer], for the results

A round is for one session of a published group (the group's last by default), takes answers
until `closes_on` (`rules.FEEDBACK_ROUND_DAYS` after the later of the session and the
opening) or until a leader closes it, and at most `rules.FEEDBACK_ANSWERS_PER_SEAT` answers
per seat of the group. The link's token is never stored, only its hash (`planner.feedback`
makes it). An answer holds no client code, no address and no time of its own, and no audit
entry is written for it (the trail's times would date it); opening, closing, typing in paper
answers and the leaders' evaluations are audited, with counts only, never their text.
Backups carry the tables like every other; `planner purge` removes the rounds and
evaluations older than the retention period (`purge_feedback`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy as sa

from planner import rules, terms
from planner.feedback.answers import SCALES, Answer
from planner.store.errors import StoreError
from planner.store.live import (
    add_event,
    published_term,
    reading,
    run_write,
    season_of,
    utcnow,
)
from planner.store.schema import (
    FeedbackAnswerRow,
    FeedbackRoundRow,
    GroupEvaluationRow,
    GroupRow,
    SeasonRow,
)
from planner.store.store import Store

OPEN, CLOSED, EXPIRED, FULL = "open", "closed", "expired", "full"
MAX_EVALUATION_CHARS = 4000


@dataclass(frozen=True, slots=True)
class FeedbackRound:
    id: int
    season_id: int
    group_id: str
    session_date: dt.date
    closes_on: dt.date
    max_answers: int
    answers: int
    opened_at: dt.datetime
    opened_by: str
    closed_at: dt.datetime | None
    closed_by: str | None

    def state(self, today: dt.date) -> str:
        """open, closed (by a leader), expired (past `closes_on`) or full (the cap reached)."""
        if self.closed_at is not None:
            return CLOSED
        if today > self.closes_on:
            return EXPIRED
        if self.answers >= self.max_answers:
            return FULL
        return OPEN

    def as_dict(self, today: dt.date | None = None) -> dict[str, object]:
        return {
            "id": self.id,
            "group_id": self.group_id,
            "session_date": self.session_date.isoformat(),
            "closes_on": self.closes_on.isoformat(),
            "max_answers": self.max_answers,
            "answers": self.answers,
            "state": self.state(today or terms.local_today()),
            "opened_by": self.opened_by,
            "closed_by": self.closed_by,
        }


@dataclass(frozen=True, slots=True)
class FeedbackTarget:
    """What the form through a link needs to know: the round and its group's names."""

    round: FeedbackRound
    name: str
    name_sv: str
    language: str  # the group's language, the form's default


@dataclass(frozen=True, slots=True)
class GroupEvaluation:
    group_id: str
    went_well: str
    to_change: str
    notes: str
    written_on: dt.date
    written_by: str


def _round(row: sa.Row) -> FeedbackRound:
    return FeedbackRound(
        row.id,
        row.season_id,
        row.group_id,
        row.session_date,
        row.closes_on,
        row.max_answers,
        row.answers,
        row.opened_at,
        row.opened_by,
        row.closed_at,
        row.closed_by,
    )


def _answer(row: sa.Row) -> Answer:
    return Answer(*(int(getattr(row, name)) for name in SCALES), change=row.change)


def _values(answer: Answer, round_id: int, channel: str) -> dict[str, object]:
    return {"round_id": round_id, "channel": channel, **answer.scores(), "change": answer.change}


def _open_now(today: dt.date) -> sa.ColumnElement[bool]:
    return sa.and_(
        FeedbackRoundRow.closed_at.is_(None),
        FeedbackRoundRow.closes_on >= today,
        FeedbackRoundRow.answers < FeedbackRoundRow.max_answers,
    )


class Feedback:
    """A season's feedback rounds, their answers and the leaders' evaluations (by default the
    live season's)."""

    def __init__(self, store: Store, season_id: int | None = None) -> None:
        self.store = store
        self.season_id = season_id

    def open_round(
        self,
        group_id: str,
        token_hash: str,
        *,
        actor: str,
        session_date: dt.date | None = None,
        days: int = rules.FEEDBACK_ROUND_DAYS,
        today: dt.date | None = None,
    ) -> FeedbackRound:
        """Open a round for one session of the published group: `session_date`, by default
        its last session (a pop-up group, which has none: today). It takes answers until
        `days` after the later of the session and today."""
        if not 1 <= days <= 365:
            raise StoreError(f"a feedback round stays open 1-365 days, not {days}")
        day = today or terms.local_today()

        def work(conn: sa.Connection) -> FeedbackRound:
            season_id = season_of(conn, self.season_id)
            found = published_term(conn, season_id, group_id)
            if found is None:
                raise StoreError(f"{group_id} is not in the published offering")
            last = found.last_session
            session = session_date or last or day
            if session < found.start_date or (last is not None and session > last):
                raise StoreError(
                    f"{session.isoformat()} is outside {group_id}'s term "
                    f"({found.start_date.isoformat()} - {last.isoformat() if last else '...'})"
                )
            closes_on = max(session, day) + dt.timedelta(days=days)
            round_id = conn.execute(
                sa.insert(FeedbackRoundRow).values(
                    season_id=season_id,
                    group_id=group_id,
                    session_date=session,
                    token_hash=token_hash,
                    closes_on=closes_on,
                    max_answers=rules.FEEDBACK_ANSWERS_PER_SEAT * found.max_size,
                    answers=0,
                    opened_at=utcnow(),
                    opened_by=actor,
                )
            ).inserted_primary_key[0]
            # The trail names the round, never its token.
            add_event(
                conn,
                actor,
                "feedback.open",
                {
                    "round_id": round_id,
                    "group_id": group_id,
                    "session_date": session.isoformat(),
                    "closes_on": closes_on.isoformat(),
                },
            )
            return _round(
                conn.execute(
                    sa.select(FeedbackRoundRow).where(FeedbackRoundRow.id == round_id)
                ).one()
            )

        return run_write(self.store, "open the feedback round", work)

    def close_round(self, round_id: int, actor: str) -> FeedbackRound:
        """Close a round of the season now (closing again changes nothing)."""

        def work(conn: sa.Connection) -> FeedbackRound:
            row = self._round_row(conn, round_id)
            if row.closed_at is None:
                conn.execute(
                    sa.update(FeedbackRoundRow)
                    .where(FeedbackRoundRow.id == round_id)
                    .values(closed_at=utcnow(), closed_by=actor)
                )
                add_event(
                    conn,
                    actor,
                    "feedback.close",
                    {"round_id": round_id, "group_id": row.group_id, "answers": row.answers},
                )
                row = self._round_row(conn, round_id)
            return _round(row)

        return run_write(self.store, "close the feedback round", work)

    def rounds(self, group_id: str | None = None) -> list[FeedbackRound]:
        """The season's rounds (of one group), newest first."""
        with reading(self.store, "read the feedback rounds") as conn:
            season_id = season_of(conn, self.season_id)
            query = sa.select(FeedbackRoundRow).where(FeedbackRoundRow.season_id == season_id)
            if group_id is not None:
                query = query.where(FeedbackRoundRow.group_id == group_id)
            rows = conn.execute(query.order_by(FeedbackRoundRow.id.desc())).all()
        return [_round(r) for r in rows]

    def add_paper_answers(self, round_id: int, answers: Sequence[Answer], actor: str) -> int:
        """Type in answers given on paper for a round (open or not: paper comes back later),
        within the round's cap. Returns how many were stored (all or none)."""
        given = list(answers)
        if not given:
            return 0

        def work(conn: sa.Connection) -> int:
            row = self._round_row(conn, round_id)
            room = conn.execute(
                sa.update(FeedbackRoundRow)
                .where(
                    FeedbackRoundRow.id == round_id,
                    FeedbackRoundRow.answers + len(given) <= FeedbackRoundRow.max_answers,
                )
                .values(answers=FeedbackRoundRow.answers + len(given))
            ).rowcount
            if room != 1:
                raise StoreError(
                    f"the round takes at most {row.max_answers} answers; "
                    f"{row.answers} are in already"
                )
            conn.execute(
                sa.insert(FeedbackAnswerRow), [_values(a, round_id, "paper") for a in given]
            )
            add_event(
                conn,
                actor,
                "feedback.paper",
                {"round_id": round_id, "group_id": row.group_id, "answers": len(given)},
            )
            return len(given)

        return run_write(self.store, "store the paper answers", work)

    def answers_by_group(
        self, settled_only: bool = False, today: dt.date | None = None
    ) -> dict[str, list[Answer]]:
        """Every answer of the season, by group (in no order that says who gave which);
        `settled_only`: only those of rounds no longer open (closed, expired or full), so that
        results that change with each answer never show: looking before and after one answer
        would tell that answer."""
        with reading(self.store, "read the feedback") as conn:
            season_id = season_of(conn, self.season_id)
            where = [FeedbackRoundRow.season_id == season_id]
            if settled_only:
                where.append(sa.not_(_open_now(today or terms.local_today())))
            rows = conn.execute(
                sa.select(FeedbackRoundRow.group_id, FeedbackAnswerRow)
                .join(FeedbackRoundRow, FeedbackRoundRow.id == FeedbackAnswerRow.round_id)
                .where(*where)
                .order_by(
                    FeedbackRoundRow.group_id, *(getattr(FeedbackAnswerRow, s) for s in SCALES)
                )
            ).all()
        out: dict[str, list[Answer]] = {}
        for row in rows:
            out.setdefault(row.group_id, []).append(_answer(row))
        return out

    def write_evaluation(
        self,
        group_id: str,
        *,
        went_well: str,
        to_change: str,
        notes: str = "",
        actor: str,
        today: dt.date | None = None,
    ) -> GroupEvaluation:
        """Keep a leader's own evaluation of the group (l. 529), replacing their earlier one.
        The audit entry says that it was written and how long it is, never what it says."""
        texts = {
            "went_well": went_well.strip(),
            "to_change": to_change.strip(),
            "notes": notes.strip(),
        }
        if not any(texts.values()):
            raise StoreError("the evaluation is empty")
        if any(len(text) > MAX_EVALUATION_CHARS for text in texts.values()):
            raise StoreError(f"each answer is at most {MAX_EVALUATION_CHARS} characters")
        day = today or terms.local_today()

        def work(conn: sa.Connection) -> GroupEvaluation:
            season_id = season_of(conn, self.season_id)
            known = conn.scalar(
                sa.select(sa.func.count()).where(
                    GroupRow.season_id == season_id, GroupRow.group_id == group_id
                )
            )
            if not known:
                raise StoreError(f"no group {group_id} in the season")
            conn.execute(
                sa.delete(GroupEvaluationRow).where(
                    GroupEvaluationRow.season_id == season_id,
                    GroupEvaluationRow.group_id == group_id,
                    GroupEvaluationRow.written_by == actor,
                )
            )
            conn.execute(
                sa.insert(GroupEvaluationRow).values(
                    season_id=season_id,
                    group_id=group_id,
                    written_on=day,
                    written_by=actor,
                    **texts,
                )
            )
            add_event(
                conn,
                actor,
                "feedback.evaluation",
                {"group_id": group_id, "chars": sum(len(text) for text in texts.values())},
            )
            return GroupEvaluation(group_id, written_on=day, written_by=actor, **texts)

        return run_write(self.store, "write the group's evaluation", work)

    def evaluations(self, group_id: str) -> list[GroupEvaluation]:
        """The leaders' evaluations of the group, newest first."""
        with reading(self.store, "read the group's evaluations") as conn:
            season_id = season_of(conn, self.season_id)
            rows = conn.execute(
                sa.select(GroupEvaluationRow)
                .where(
                    GroupEvaluationRow.season_id == season_id,
                    GroupEvaluationRow.group_id == group_id,
                )
                .order_by(GroupEvaluationRow.written_on.desc(), GroupEvaluationRow.written_by)
            ).all()
        return [
            GroupEvaluation(
                r.group_id, r.went_well, r.to_change, r.notes, r.written_on, r.written_by
            )
            for r in rows
        ]

    def _round_row(self, conn: sa.Connection, round_id: int) -> sa.Row:
        season_id = season_of(conn, self.season_id)
        row = conn.execute(
            sa.select(FeedbackRoundRow).where(
                FeedbackRoundRow.id == round_id, FeedbackRoundRow.season_id == season_id
            )
        ).first()
        if row is None:
            raise StoreError(f"no feedback round {round_id} in the season")
        return row


def season_id_named(store: Store, name: str) -> int | None:
    """The id of the season named `name` (the newest of that name), or None."""
    with reading(store, "find the season") as conn:
        return conn.scalar(
            sa.select(SeasonRow.id).where(SeasonRow.name == name).order_by(SeasonRow.id.desc())
        )


def round_for_token(
    store: Store, token_hash: str, today: dt.date | None = None
) -> FeedbackTarget | None:
    """The open round a link's token opens, with its group; None when the token is unknown
    or the round closed, expired or full."""
    day = today or terms.local_today()
    with reading(store, "look up the feedback round") as conn:
        row = conn.execute(
            sa.select(FeedbackRoundRow, GroupRow.name, GroupRow.name_sv, GroupRow.language)
            .join(
                GroupRow,
                sa.and_(
                    GroupRow.season_id == FeedbackRoundRow.season_id,
                    GroupRow.group_id == FeedbackRoundRow.group_id,
                ),
            )
            .where(FeedbackRoundRow.token_hash == token_hash, _open_now(day))
        ).first()
    if row is None:
        return None
    return FeedbackTarget(_round(row), row.name, row.name_sv or row.name, row.language)


def add_web_answer(
    store: Store, token_hash: str, answer: Answer, today: dt.date | None = None
) -> bool:
    """Store one answer posted through a round's link; False (nothing stored) when the token
    is unknown or the round closed, expired or full. The cap holds under concurrent posts:
    the count only grows by one conditional update, in the answer's own transaction."""
    day = today or terms.local_today()

    def work(conn: sa.Connection) -> bool:
        round_id = conn.scalar(
            sa.update(FeedbackRoundRow)
            .where(FeedbackRoundRow.token_hash == token_hash, _open_now(day))
            .values(answers=FeedbackRoundRow.answers + 1)
            .returning(FeedbackRoundRow.id)
        )
        if round_id is None:
            return False
        conn.execute(sa.insert(FeedbackAnswerRow).values(**_values(answer, round_id, "web")))
        return True

    return run_write(store, "store the answer", work)


def purge_feedback(conn: sa.Connection, before: dt.date, dry_run: bool) -> dict[str, int]:
    """Delete, in the caller's transaction, the feedback rounds that closed before `before`
    (their answers with them) and the evaluations written before it: the free texts may name
    someone, so they are kept no longer than the retention rule (`planner.store.purge`)."""
    closed = sa.or_(
        FeedbackRoundRow.closes_on < before,
        sa.and_(
            FeedbackRoundRow.closed_at.is_not(None), FeedbackRoundRow.closed_at < _start(before)
        ),
    )
    old_rounds = sa.select(FeedbackRoundRow.id).where(closed).scalar_subquery()
    answers = sa.delete(FeedbackAnswerRow).where(FeedbackAnswerRow.round_id.in_(old_rounds))
    counts = {
        "feedback_answers": conn.scalar(
            sa.select(sa.func.count())
            .select_from(FeedbackAnswerRow)
            .where(FeedbackAnswerRow.round_id.in_(old_rounds))
        ),
        "feedback_rounds": conn.scalar(
            sa.select(sa.func.count()).select_from(FeedbackRoundRow).where(closed)
        ),
        "group_evaluations": conn.scalar(
            sa.select(sa.func.count())
            .select_from(GroupEvaluationRow)
            .where(GroupEvaluationRow.written_on < before)
        ),
    }
    if not dry_run:
        conn.execute(answers)
        conn.execute(sa.delete(FeedbackRoundRow).where(closed))
        conn.execute(sa.delete(GroupEvaluationRow).where(GroupEvaluationRow.written_on < before))
    return {table: int(n or 0) for table, n in counts.items()}


def _start(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def group_names(store: Store, season_id: int | None = None) -> dict[str, tuple[str, str]]:
    """group_id -> (Finnish name, Swedish name) of the season's groups."""
    with reading(store, "read the group names") as conn:
        sid = season_of(conn, season_id)
        rows = conn.execute(
            sa.select(GroupRow.group_id, GroupRow.name, GroupRow.name_sv)
            .where(GroupRow.season_id == sid)
            .order_by(GroupRow.position)
        ).all()
    return {r.group_id: (r.name, r.name_sv or r.name) for r in rows}
