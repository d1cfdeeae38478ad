"""Clients added and edited in the store: one transaction each, audited by column names only,
and an edit re-checks the client's live places (refused, ended or kept; waiting places
withdrawn; a freed seat promotes the waiting list), the same on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from toys import SUMMARY, fresh_database, toy_plan, toy_season

from planner.store import (
    ClientRefused,
    Clients,
    Enrolments,
    PlacesNoLongerFit,
    Resolution,
    Store,
)
from planner.store.schema import EnrolmentRow

# The published toy (tests/toys.py): G1 Wed (C01-C03, one leader), G2 Thu (C04-C08),
# G3 pop-up Tue at V2, 4 seats (C09 C10 C40), G4 Fri remote (C11-C13); C14-C40 have no group.
TUESDAY_FREE = (0, 2, 3, 4)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """The toy season with its plan published."""
    server = request.getfixturevalue("pg_url") if request.param == "postgres" else None
    with fresh_database(request.param, tmp_path, server) as url, Store.open(url) as opened:
        opened.import_season(toy_season("published"), source="toy")
        opened.save_plan(toy_plan(), SUMMARY, actor="coordinator")
        Enrolments(opened).publish(actor="coordinator")
        yield opened


def changed(store: Store, code: str, **fields) -> object:
    client = Clients(store).get(code)
    assert client is not None
    return dataclasses.replace(client, **fields)


def places(store: Store, code: str) -> dict[str, tuple[str, str | None, str]]:
    """(status, coordinator flag, end reason) per group of the client's places."""
    with store.engine.connect() as conn:
        rows = conn.execute(
            sa.select(
                EnrolmentRow.group_id,
                EnrolmentRow.status,
                EnrolmentRow.coordinator_flag,
                EnrolmentRow.end_reason,
            ).where(EnrolmentRow.client_code == code)
        ).all()
    return {r.group_id: (r.status, r.coordinator_flag, r.end_reason) for r in rows}


def actions(store: Store, n: int) -> list[str]:
    return [e["action"] for e in reversed(store.events(limit=n))]


def test_an_added_client_comes_last_and_the_audit_names_columns_only(store):
    new = changed(store, "C14", client_code="C-90001", postal_code="02100")
    added = Clients(store).add(new, actor="worker")
    season = store.load_season()
    assert season.clients[-1] == added == new
    [event] = store.events(limit=1)
    assert (event["action"], event["actor"]) == ("client.add", "worker")
    assert event["detail"]["client_code"] == "C-90001"
    assert "postal_code" in event["detail"]["fields"]
    assert "02100" not in str(event["detail"]) and "049" not in str(event["detail"])


@pytest.mark.parametrize("code", ["C05", "Elina", "131052-308T"])
def test_a_taken_or_personal_code_is_refused_and_nothing_is_written(store, code):
    before = store.events(limit=1)[0]["id"]
    with pytest.raises(ClientRefused) as refused:
        Clients(store).add(changed(store, "C14", client_code=code), actor="worker")
    [problem] = refused.value.problems
    assert problem.column == "client_code" and code not in str(refused.value)
    assert store.events(limit=1)[0]["id"] == before
    assert len(store.load_season().clients) == 40


def test_an_unknown_counsellor_is_refused_by_the_store_with_the_imports_message(store):
    with pytest.raises(ClientRefused) as refused:
        Clients(store).add(changed(store, "C14", client_code="C-9", counsellor="P1"), "w")
    assert refused.value.problems[0].text.key == "counsellor_partner"


def test_an_edit_changes_the_client_and_audits_the_changed_columns_only(store):
    done = Clients(store).edit(
        changed(store, "C05", postal_code="02100", interests=("art",)), actor="worker"
    )
    assert done.changed == ("postal_code", "interests") and not done.ended
    client = store.load_season().client["C05"]
    assert (client.postal_code, client.interests) == ("02100", ("art",))
    [event] = store.events(limit=1)
    assert event["action"] == "client.edit"
    assert event["detail"] == {
        "season_id": event["detail"]["season_id"],
        "client_code": "C05",
        "fields": ["postal_code", "interests"],
    }


def test_an_edit_that_changes_nothing_writes_nothing(store):
    before = store.events(limit=1)[0]["id"]
    assert Clients(store).edit(changed(store, "C05"), actor="worker").changed == ()
    assert store.events(limit=1)[0]["id"] == before


def test_an_edit_leaving_a_place_the_client_cannot_attend_is_refused_whole(store):
    with pytest.raises(PlacesNoLongerFit) as refused:
        Clients(store).edit(changed(store, "C01", days=(0, 1)), actor="worker")
    [case] = refused.value.cases
    assert (case.group_id, case.rule) == ("G1", "participant_days")
    assert store.load_season().client["C01"].days == (0, 1, 2, 3, 4)
    assert places(store, "C01") == {"G1": ("active", None, "")}
    assert actions(store, 1) == ["enrolment.publish"]


def test_a_refused_edit_leaves_no_trace_in_the_next_edits_check(store):
    """The refused edit's season was read inside its rolled-back transaction; the next
    client event may get the same id on SQLite, and must not find it cached."""
    with pytest.raises(PlacesNoLongerFit):
        Clients(store).edit(changed(store, "C01", days=(0, 1)), actor="worker")
    done = Clients(store).edit(changed(store, "C01", postal_code="02100"), actor="worker")
    assert done.changed == ("postal_code",) and not done.kept


def test_ending_the_place_frees_the_seat_for_the_waiting_list(store):
    live = Enrolments(store)
    assert live.enrol("G3", "C20", actor="worker").status == "enrolled"  # 4 of 4 seats
    assert live.enrol("G3", "C21", actor="worker").status == "waiting"
    done = Clients(store).edit(
        changed(store, "C09", days=TUESDAY_FREE),
        actor="worker",
        resolutions={"G3": Resolution("end", reason="moved_to_work")},
    )
    assert done.ended == (("G3", "moved_to_work"),) and done.promoted == (("C21", "G3"),)
    assert places(store, "C09") == {"G3": ("cancelled", None, "moved_to_work")}
    assert places(store, "C21")["G3"][0] == "active"
    assert "C21" in live.participants("G3") and live.seats()["G3"].taken == 4
    assert actions(store, 3) == ["client.edit", "enrolment.promote", "enrolment.cancel"]


def test_keeping_the_place_flags_it_for_the_coordinator(store):
    done = Clients(store).edit(
        changed(store, "C01", days=(0, 1)), actor="worker", resolutions=Resolution("keep")
    )
    assert done.kept == (("G1", "participant_days"),) and not done.ended
    assert places(store, "C01") == {"G1": ("active", "participant_days", "")}
    assert actions(store, 2) == ["client.edit", "enrolment.keep"]
    assert store.load_season().client["C01"].days == (0, 1)


def test_a_waiting_place_the_client_no_longer_fits_is_withdrawn(store):
    live = Enrolments(store)
    live.enrol("G3", "C20", actor="worker")
    assert live.enrol("G3", "C21", actor="worker").status == "waiting"
    done = Clients(store).edit(changed(store, "C21", days=TUESDAY_FREE), actor="worker")
    assert done.withdrawn == (("G3", "participant_days"),)
    assert places(store, "C21") == {"G3": ("withdrawn", None, "")}
    assert live.waiting_list("G3") == []


def test_withdrawing_consent_to_remote_strands_the_remote_place(store):
    with pytest.raises(PlacesNoLongerFit) as refused:
        Clients(store).edit(changed(store, "C11", remote=False), actor="worker")
    assert [(c.group_id, c.rule) for c in refused.value.cases] == [("G4", "remote_consent")]


def test_max_groups_cannot_go_below_the_places_held(store):
    assert Enrolments(store).enrol("G2", "C01", actor="worker").status == "enrolled"
    with pytest.raises(ClientRefused) as refused:
        Clients(store).edit(changed(store, "C01", max_groups=1), actor="worker")
    [problem] = refused.value.problems
    assert (problem.column, problem.text.key) == ("max_groups", "max_groups_below_places")
    assert store.load_season().client["C01"].max_groups == 2


def test_a_move_is_no_resolution_of_an_edit(store):
    with pytest.raises(ValueError, match="ended or kept"):
        Clients(store).edit(
            changed(store, "C01", days=(0,)), "w", resolutions=Resolution("move", target="G2")
        )
