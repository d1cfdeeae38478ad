"""Feedback from groups (handbook l. 527, 529): the anonymous answer, its results withheld
below three answers, the rounds in the store (SQLite and PostgreSQL) with their tokens kept
only as hashes, closed, expired and full rounds refusing answers, the leaders' evaluation,
and the retention purge.

The published toy (`toys.toy_season("published")`): G1 "Luontoryhmä" (fi, at most 10, last
session Wed 25 Feb 2026), G2 "Taideryhmä" (fi, at most 8), G3 "Pop-up kafé" (sv, no term).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from toys import SUMMARY, fresh_database, toy_plan, toy_season

from planner import rules
from planner.feedback.answers import Answer, FeedbackError, answer_from_form, summarise
from planner.feedback.results import season_results
from planner.feedback.rounds import MIN_TOKEN_CHARS, hash_token, open_round, well_formed
from planner.store import Enrolments, Store, StoreError
from planner.store.feedback import Feedback, add_web_answer, round_for_token
from planner.store.purge import purge_ended_clients
from planner.store.schema import Base, FeedbackAnswerRow, FeedbackRoundRow

LAST_G1 = dt.date(2026, 2, 25)
GOOD = Answer(5, 4, 5, 4, "Enemmän retkiä")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    server = request.getfixturevalue("pg_url") if request.param == "postgres" else None
    with fresh_database(request.param, tmp_path, server) as url, Store.open(url) as opened:
        opened.import_season(toy_season("published"), source="toy")
        opened.save_plan(toy_plan(), SUMMARY, actor="coordinator")
        Enrolments(opened).publish(actor="coordinator")
        yield opened


def count_answers(store: Store) -> int:
    with store.engine.connect() as conn:
        return conn.scalar(sa.select(sa.func.count()).select_from(FeedbackAnswerRow))


# --- the answer and its results (no database) ---


def test_the_rule_constants_cite_the_handbook() -> None:
    assert rules.FEEDBACK_MIN_ANSWERS == 3
    assert rules.FEEDBACK_LINES == "527, 529"
    assert rules.FEEDBACK_ROUND_DAYS == 14 and rules.FEEDBACK_ANSWERS_PER_SEAT == 3


def test_a_form_with_every_question_on_the_scale_is_an_answer() -> None:
    fields = {
        "satisfaction": ["5"],
        "commitment": ["4"],
        "recommend": ["3"],
        "benefit": [" 2 "],
        "change": ["  Enemmän\r\nretkiä \x07 "],
        "lang": ["fi"],
    }
    assert answer_from_form(fields) == Answer(5, 4, 3, 2, "Enemmän\nretkiä")
    fields["change"] = ["   "]
    assert answer_from_form(fields).change is None


@pytest.mark.parametrize(
    "change",
    [
        {"satisfaction": []},
        {"satisfaction": ["0"]},
        {"commitment": ["6"]},
        {"recommend": ["3.0"]},
        {"benefit": ["1", "2"]},
        {"change": ["a", "b"]},
        {"change": ["x" * 1001]},
    ],
)
def test_a_missing_repeated_or_off_scale_value_is_refused(change: dict) -> None:
    fields = {"satisfaction": ["5"], "commitment": ["4"], "recommend": ["3"], "benefit": ["2"]}
    with pytest.raises(FeedbackError):
        answer_from_form({**fields, **change})


def test_results_are_withheld_below_three_answers_and_shown_from_three() -> None:
    two = summarise([Answer(5, 5, 5, 5), Answer(1, 1, 1, 1, "nimi")])
    assert two.answers == 2 and not two.shown
    assert two.means is None and two.recommend_share is None and two.changes == ()
    three = summarise([Answer(5, 4, 5, 3, "b"), Answer(3, 4, 4, 3), Answer(1, 1, 1, 3, "a")])
    assert three.shown and three.means == {
        "satisfaction": 3.0,
        "commitment": 3.0,
        "recommend": 3.33,
        "benefit": 3.0,
    }
    assert three.recommend_share == pytest.approx(0.667) and three.changes == ("a", "b")


# --- rounds and their tokens ---


def test_a_round_opens_for_the_last_session_with_an_unguessable_token_kept_as_a_hash(
    store: Store,
) -> None:
    new = open_round(store, "G1", actor="anna", today=dt.date(2026, 2, 1))
    assert new.round.session_date == LAST_G1
    assert new.round.closes_on == LAST_G1 + dt.timedelta(days=14)
    assert new.round.max_answers == 3 * 10
    assert len(new.token) >= MIN_TOKEN_CHARS == 32 and well_formed(new.token)
    assert new.url().endswith(f"/feedback/{new.token}")
    assert open_round(store, "G1", actor="anna").token != new.token
    with store.engine.connect() as conn:
        stored = conn.execute(sa.select(FeedbackRoundRow.token_hash)).scalars().all()
    assert hash_token(new.token) == hashlib.sha256(new.token.encode()).hexdigest() in stored
    # The token is nowhere in the store: not in any table, not in the audit trail.
    with store.engine.connect() as conn:
        rows = [[list(r) for r in conn.execute(sa.select(t))] for t in Base.metadata.sorted_tables]
    everything = json.dumps(rows, default=str)
    assert new.token not in everything
    opened = [e for e in store.events(limit=5) if e["action"] == "feedback.open"]
    assert opened[-1]["detail"]["group_id"] == "G1" and "token" not in json.dumps(
        opened, default=str
    )


def test_a_chosen_session_and_days_and_a_pop_up_without_a_last_session(store: Store) -> None:
    chosen = open_round(
        store, "G1", actor="anna", session_date=dt.date(2026, 1, 14), days=3,
        today=dt.date(2026, 1, 20),
    )  # fmt: skip
    assert chosen.round.closes_on == dt.date(2026, 1, 23)  # from the later: today
    popup = open_round(store, "G3", actor="bo", today=dt.date(2026, 3, 2))
    assert popup.round.session_date == dt.date(2026, 3, 2)
    with pytest.raises(StoreError, match="outside G1's term"):
        open_round(store, "G1", actor="anna", session_date=dt.date(2026, 6, 1))
    with pytest.raises(StoreError, match="not in the published offering"):
        open_round(store, "G9", actor="anna")
    with pytest.raises(StoreError, match="1-365 days"):
        open_round(store, "G1", actor="anna", days=0)


def test_answers_through_the_link_are_stored_without_anything_that_names_a_client(
    store: Store,
) -> None:
    new = open_round(store, "G1", actor="anna", today=dt.date(2026, 2, 20))
    digest = hash_token(new.token)
    target = round_for_token(store, digest, dt.date(2026, 2, 26))
    assert target is not None and target.name == "Luontoryhmä" and target.language == "fi"
    before = len(store.events(limit=1000))
    for answer in (GOOD, Answer(3, 3, 2, 4), Answer(4, 5, 4, 5)):
        assert add_web_answer(store, digest, answer, dt.date(2026, 2, 26))
    assert len(store.events(limit=1000)) == before  # no audit entry dates an answer
    assert sorted(Feedback(store).answers_by_group()["G1"], key=lambda a: a.benefit) == [
        Answer(3, 3, 2, 4),
        GOOD,
        Answer(4, 5, 4, 5),
    ]
    columns = {c.name for c in FeedbackAnswerRow.__table__.columns}
    assert columns == {
        "id", "round_id", "channel", "satisfaction", "commitment", "recommend", "benefit",
        "change",
    }  # fmt: skip
    assert Feedback(store).rounds("G1")[0].answers == 3


def test_closed_expired_full_and_unknown_rounds_refuse_answers(store: Store) -> None:
    day = dt.date(2026, 2, 26)
    closed = open_round(store, "G1", actor="anna", today=day)
    Feedback(store).close_round(closed.round.id, actor="anna")
    assert Feedback(store).close_round(closed.round.id, actor="anna").closed_by == "anna"
    assert round_for_token(store, hash_token(closed.token), day) is None
    assert not add_web_answer(store, hash_token(closed.token), GOOD, day)

    expired = open_round(store, "G1", actor="anna", days=1, today=day)
    later = expired.round.closes_on + dt.timedelta(days=1)
    assert add_web_answer(store, hash_token(expired.token), GOOD, expired.round.closes_on)
    assert not add_web_answer(store, hash_token(expired.token), GOOD, later)
    assert Feedback(store).rounds()[0].state(later) == "expired"

    full = open_round(store, "G2", actor="anna", today=day)  # at most 8: 24 answers
    digest = hash_token(full.token)
    assert all(add_web_answer(store, digest, GOOD, day) for _ in range(24))
    assert not add_web_answer(store, digest, GOOD, day)
    assert round_for_token(store, digest, day) is None
    with pytest.raises(StoreError, match="at most 24 answers"):
        Feedback(store).add_paper_answers(full.round.id, [GOOD], actor="anna")

    assert not add_web_answer(store, hash_token("x" * 43), GOOD, day)
    assert count_answers(store) == 1 + 24


def test_paper_answers_are_typed_in_later_and_audited_by_count_only(store: Store) -> None:
    new = open_round(store, "G1", actor="anna", today=dt.date(2026, 2, 1))
    Feedback(store).close_round(new.round.id, actor="anna")
    answers = [Answer(4, 4, 4, 4, "Hanna sanoi..."), Answer(2, 3, 4, 5), Answer(5, 5, 5, 5)]
    assert Feedback(store).add_paper_answers(new.round.id, answers, actor="anna") == 3
    event = store.events(limit=1)[0]
    assert event["action"] == "feedback.paper" and event["detail"]["answers"] == 3
    assert "Hanna" not in json.dumps(event, default=str)
    with pytest.raises(StoreError, match="no feedback round"):
        Feedback(store).add_paper_answers(999, answers, actor="anna")


def test_the_season_s_results_leave_out_a_withheld_group(store: Store) -> None:
    g1 = open_round(store, "G1", actor="anna")
    g2 = open_round(store, "G2", actor="anna")
    for answer in (Answer(5, 5, 5, 5), Answer(4, 4, 4, 4), Answer(3, 3, 3, 3)):
        add_web_answer(store, hash_token(g1.token), answer)
    add_web_answer(store, hash_token(g2.token), Answer(1, 1, 1, 1, "Matti"))
    assert season_results(store).groups == {}  # nothing shows while the rounds are open
    for opened in (g1, g2):
        Feedback(store).close_round(opened.round.id, actor="anna")
    results = season_results(store)
    assert results.groups["G1"].means == {
        s: 4.0 for s in ("satisfaction", "commitment", "recommend", "benefit")
    }
    assert results.groups["G2"].answers == 1 and not results.groups["G2"].shown
    # The season counts only shown groups: else it would give G2's one answer away.
    assert results.season.answers == 3 and results.season.means == results.groups["G1"].means
    headers, rows = results.table("sv")
    assert headers[0] == "Grupp" and rows[1][2] == "under 3 svar"
    assert "Matti" not in json.dumps(results.as_dict())


def test_a_leader_s_evaluation_is_kept_per_leader_and_audited_without_its_text(
    store: Store,
) -> None:
    feedback = Feedback(store)
    feedback.write_evaluation(
        "G1", went_well="Retket", to_change="Aikaisempi alku", actor="anna",
        today=dt.date(2026, 2, 26),
    )  # fmt: skip
    feedback.write_evaluation("G1", went_well="Retket!", to_change="", actor="anna")
    feedback.write_evaluation("G1", went_well="", to_change="Kahvi", notes="-", actor="S1")
    written = feedback.evaluations("G1")
    assert {(e.written_by, e.went_well) for e in written} == {("anna", "Retket!"), ("S1", "")}
    event = store.events(limit=1)[0]
    assert event["action"] == "feedback.evaluation" and event["detail"] == {
        "group_id": "G1",
        "chars": len("Kahvi-"),
    }
    with pytest.raises(StoreError, match="empty"):
        feedback.write_evaluation("G1", went_well=" ", to_change="", actor="anna")
    with pytest.raises(StoreError, match="no group"):
        feedback.write_evaluation("G9", went_well="x", to_change="", actor="anna")


def test_the_retention_purge_removes_old_rounds_answers_and_evaluations(store: Store) -> None:
    old = open_round(store, "G1", actor="anna", today=dt.date(2026, 2, 1))
    add_web_answer(store, hash_token(old.token), GOOD, dt.date(2026, 2, 26))
    Feedback(store).write_evaluation(
        "G1", went_well="x", to_change="y", actor="anna", today=dt.date(2026, 3, 1)
    )
    far = dt.datetime(2027, 12, 1, tzinfo=dt.UTC)  # 18 months after: only the first round
    recent = open_round(store, "G2", actor="anna", today=dt.date(2027, 11, 1))
    dry = purge_ended_clients(store, now=far, dry_run=True)
    assert dry.rows == {"feedback_answers": 1, "feedback_rounds": 1, "group_evaluations": 1}
    assert count_answers(store) == 1
    report = purge_ended_clients(store, now=far)
    assert report.rows == dry.rows
    assert [r.id for r in Feedback(store).rounds()] == [recent.round.id]
    assert count_answers(store) == 0 and Feedback(store).evaluations("G1") == []
    assert store.verify_audit().ok


def test_migration_0019_downgrades_and_upgrades_again(store: Store) -> None:
    from alembic import command
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from planner.store.migrate import alembic_config

    open_round(store, "G1", actor="anna")
    with store.engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0018")
    tables = set(sa.inspect(store.engine).get_table_names())
    assert not tables & {"feedback_rounds", "feedback_answers", "group_evaluations"}
    store.migrate()
    with store.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    assert Feedback(store).rounds() == []
