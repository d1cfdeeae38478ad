"""Publishing is the one moment the offering changes: the diff before it, and no enrolled
client left in a session they cannot attend unless the coordinator resolves it (move, keep
with a flag, end), all or nothing; on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from toys import SUMMARY, clashing_toy, fresh_database, stranding_toy, toy_plan

from planner.cli.main import main
from planner.model import Plan
from planner.store import (
    Enrolments,
    Resolution,
    ResolutionRefused,
    Store,
    StrandedClients,
)
from planner.store.publish_diff import parse_resolution
from planner.store.schema import EnrolmentRow, OfferingRow

FILL_G1 = ("C20", "C21", "C22", "C23", "C24", "C25", "C26")  # G1 3/10 -> 10/10


def season():
    return stranding_toy()[0]


def tuesday_plan() -> Plan:
    return stranding_toy()[1]


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    server = request.getfixturevalue("pg_url") if request.param == "postgres" else None
    with fresh_database(request.param, tmp_path, server) as url:
        yield url


@pytest.fixture
def live(db_url: str) -> Iterator[Enrolments]:
    """The toy plan published; G1 filled to 10/10 (flagged: one leader), C31 then C27
    waiting for it; the Tuesday re-plan saved, not published."""
    with Store.open(db_url) as store:
        store.import_season(season(), source="toy")
        store.save_plan(toy_plan(), SUMMARY)
        enrolments = Enrolments(store)
        enrolments.publish(actor="coordinator")
        for code in FILL_G1:
            assert enrolments.enrol("G1", code, actor="anna", allow_flagged=True).ok
        assert enrolments.enrol("G1", "C31", actor="anna").status == "waiting"
        assert enrolments.enrol("G1", "C27", actor="anna").status == "waiting"
        store.save_plan(tuesday_plan(), SUMMARY)
        yield enrolments


def ledger(store: Store) -> dict[str, tuple[int, int]]:
    """(taken, active places) per group, from the tables."""
    active = sa.select(sa.func.count()).where(
        EnrolmentRow.offering_id == OfferingRow.id, EnrolmentRow.status == "active"
    )
    with store.engine.connect() as conn:
        rows = conn.execute(
            sa.select(OfferingRow.group_id, OfferingRow.taken, active.scalar_subquery())
        ).all()
    return {g: (taken, n) for g, taken, n in rows}


def state(live: Enrolments) -> tuple:
    """Everything a publish may change: offerings, places and their flags."""
    with live.store.engine.connect() as conn:
        offerings = conn.execute(
            sa.select(OfferingRow.group_id, OfferingRow.plan_id, OfferingRow.taken).order_by(
                OfferingRow.group_id
            )
        ).all()
        places = conn.execute(
            sa.select(
                EnrolmentRow.client_code,
                EnrolmentRow.group_id,
                EnrolmentRow.status,
                EnrolmentRow.coordinator_flag,
            ).order_by(EnrolmentRow.id)
        ).all()
    return tuple(offerings), tuple(places)


def place(live: Enrolments, code: str, group: str) -> tuple[str, str | None] | None:
    with live.store.engine.connect() as conn:
        row = conn.execute(
            sa.select(EnrolmentRow.status, EnrolmentRow.coordinator_flag)
            .where(EnrolmentRow.client_code == code, EnrolmentRow.group_id == group)
            .order_by(EnrolmentRow.id.desc())
        ).first()
    return None if row is None else (row.status, row.coordinator_flag)


# --- the diff ---


def test_the_preview_shows_groups_moved_leaders_changed_and_clients_affected(
    live: Enrolments,
) -> None:
    before = state(live)
    preview = live.preview()

    assert state(live) == before  # a preview changes nothing
    assert preview.live_plan_id == 1 and preview.plan_id == 2
    assert preview.opened == () and preview.cancelled == ()
    [g1] = preview.moved
    assert (g1.group_id, g1.before.weekday, g1.after.weekday) == ("G1", 2, 1)
    assert g1.before.text() == "Wed 10:00-13:00 V1" and g1.after.text() == "Tue 10:00-13:00 V1"
    assert [c.group_id for c in preview.leaders_changed] == ["G1"]
    assert g1.leaders_before == ("S1",) and g1.leaders_after == ("S1", "S3")
    affected = {(a.client_code, a.status): a for a in preview.affected}
    assert len([a for a in preview.affected if a.status == "active"]) == 10
    assert [a.case for a in preview.stranded] == [("C01", "G1")]
    assert preview.stranded[0].rule == "participant_days"
    # G2 (Thursdays, 5/8) is open to C01; G3 meets on Tuesdays, G4 is remote (no consent).
    assert preview.targets_of(("C01", "G1")) == ("G2",)
    assert [(a.client_code, a.rule) for a in preview.waiting_dropped] == [
        ("C31", "participant_days")
    ]
    assert affected["C27", "waiting"].can_attend
    data = json.loads(json.dumps(preview.to_dict()))
    assert data["moved"] == ["G1"] and data["stranded"][0]["client_code"] == "C01"


def test_the_first_publish_has_no_live_offering_to_compare_with(db_url: str) -> None:
    with Store.open(db_url) as store:
        store.import_season(season(), source="toy")
        store.save_plan(toy_plan(), SUMMARY)
        preview = Enrolments(store).preview()
    assert preview.live_plan_id is None and preview.opened == ("G1", "G2", "G3", "G4")
    assert preview.affected == () and preview.stranded == ()


def test_a_clash_with_another_group_of_the_client_is_named(db_url: str) -> None:
    """C02 may be in two groups, G1 (Wednesday 10-13) and G2 (Thursday); a plan moving G2
    to Wednesday 11-14 (`clashing_toy`) strands C02 in G2 by client_overlap."""
    clash_season, clash_plan = clashing_toy()
    with Store.open(db_url) as store:
        store.import_season(clash_season, source="toy")
        store.save_plan(toy_plan(), SUMMARY)
        live = Enrolments(store)
        live.publish()
        assert live.enrol("G2", "C02", actor="anna").ok
        store.save_plan(clash_plan, SUMMARY)
        preview = live.preview()
        with pytest.raises(StrandedClients, match="C02 in G2: client_overlap"):
            live.publish()
        report = live.publish(resolutions={("C02", "G2"): Resolution("end")})
    [stranded] = preview.stranded
    assert (stranded.case, stranded.rule, stranded.other_group) == (
        ("C02", "G2"),
        "client_overlap",
        "G1",
    )
    assert report.ended == (("C02", "G2", "other"),)


# --- refusing and resolving ---


def test_a_replan_stranding_an_enrolled_client_is_refused_and_changes_nothing(
    live: Enrolments,
) -> None:
    before = state(live)
    with pytest.raises(StrandedClients) as refused:
        live.publish(actor="coordinator")

    assert [(c.client_code, c.group_id, c.rule) for c in refused.value.cases] == [
        ("C01", "G1", "participant_days")
    ]
    assert "C01 in G1: participant_days" in str(refused.value)
    assert state(live) == before
    assert "enrolment.publish" not in [e["action"] for e in live.store.events(5)]


def test_move_takes_a_seat_in_the_new_group_and_frees_the_old(live: Enrolments) -> None:
    report = live.publish(
        actor="coordinator", resolutions={("C01", "G1"): Resolution("move", target="G2")}
    )

    assert report.moved_clients == (("C01", "G1", "G2"),)
    assert "C01" in live.participants("G2") and "C01" not in live.participants("G1")
    assert place(live, "C01", "G1") == ("moved", None)
    # C31 (Wednesdays only) leaves the list; C27 takes the seat C01 freed.
    assert report.waiting_dropped == (("C31", "G1", "participant_days"),)
    assert report.promoted == (("C27", "G1"),)
    assert live.seats()["G1"] == (10, 10, 0) and live.seats()["G2"] == (6, 8, 0)
    assert all(taken == n for taken, n in ledger(live.store).values())
    assert place(live, "C31", "G1") == ("dropped", None)
    actions = [e["action"] for e in live.store.events(20)]
    assert {"enrolment.move", "enrolment.drop_waiting", "enrolment.publish"} <= set(actions)


def test_keep_flags_the_place_with_the_rule_it_breaks(live: Enrolments) -> None:
    report = live.publish(actor="coordinator", resolutions={("C01", "G1"): Resolution("keep")})

    assert report.kept_flagged == (("C01", "G1", "participant_days"),)
    assert place(live, "C01", "G1") == ("active", "participant_days")
    assert live.seats()["G1"] == (10, 10, 1)  # C27 still waits: no seat freed


def test_end_frees_the_seat_and_the_waiting_list_moves_up(live: Enrolments) -> None:
    report = live.publish(
        actor="coordinator", resolutions={("C01", "G1"): Resolution("end", reason="other")}
    )

    assert report.ended == (("C01", "G1", "other"),)
    assert place(live, "C01", "G1") == ("cancelled", None)
    assert report.promoted == (("C27", "G1"),)
    assert live.participants("G1").count("C27") == 1
    assert all(taken == n for taken, n in ledger(live.store).values())


def test_a_move_into_a_full_group_undoes_the_whole_publish(live: Enrolments) -> None:
    for code in ("C28", "C29", "C30"):
        assert live.enrol("G2", code, actor="anna").ok  # G2 8/8
    before = state(live)
    with pytest.raises(ResolutionRefused, match="cannot move C01 from G1 to G2: G2 is full"):
        live.publish(
            actor="coordinator", resolutions={("C01", "G1"): Resolution("move", target="G2")}
        )
    assert state(live) == before


def test_a_move_to_a_group_the_client_cannot_attend_is_refused(live: Enrolments) -> None:
    before = state(live)
    with pytest.raises(ResolutionRefused, match="C01 cannot take part in G3"):
        live.publish(
            actor="coordinator", resolutions={("C01", "G1"): Resolution("move", target="G3")}
        )
    assert state(live) == before


def test_a_resolution_for_a_place_the_plan_does_not_change_is_refused(live: Enrolments) -> None:
    with pytest.raises(ResolutionRefused, match="C04 has no place in G2"):
        live.publish(
            actor="coordinator",
            resolutions={
                ("C01", "G1"): Resolution("keep"),
                ("C04", "G2"): Resolution("end"),
            },
        )


def test_resolutions_read_from_the_command_line() -> None:
    assert parse_resolution("C01:G1=move:G2") == (("C01", "G1"), Resolution("move", "G2"))
    assert parse_resolution("C01:G1=keep") == (("C01", "G1"), Resolution("keep"))
    assert parse_resolution("C01:G1=end:studies") == (
        ("C01", "G1"),
        Resolution("end", reason="studies"),
    )
    for bad in ("C01=keep", "C01:G1", "C01:G1=stay", "C01:G1=move", "C01:G1=end:bored"):
        with pytest.raises(ValueError):
            parse_resolution(bad)


# --- the command line ---


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_command_line_dry_run_prints_the_diff_and_refuses_one_line_per_client(
    capsys, live: Enrolments, db_url: str
) -> None:
    before = state(live)
    code, out, _ = run(capsys, "publish", "--db", db_url, "--dry-run")
    assert code == 1
    assert "moved G1: Wed 10:00-13:00 V1 -> Tue 10:00-13:00 V1" in out
    assert "active C01:G1 (moved): cannot attend: participant_days" in out
    assert "UNRESOLVED" in out
    code, out, _ = run(capsys, "publish", "--db", db_url, "--dry-run", "--json")
    assert json.loads(out)["stranded"][0]["client_code"] == "C01"

    code, _, err = run(capsys, "publish", "--db", db_url)
    assert code == 1
    assert "C01:G1 cannot stay: participant_days" in err
    assert err.count("cannot stay") == 1
    assert state(live) == before

    code, out, _ = run(capsys, "publish", "--db", db_url, "--resolve", "C01:G1=move:G2")
    assert code == 0 and "C01 moved from G1 to G2" in out
    assert "C01" in live.participants("G2")


def test_a_malformed_resolution_is_a_one_line_error(capsys, live: Enrolments, db_url) -> None:
    code, _, err = run(capsys, "publish", "--db", db_url, "--resolve", "C01=keep")
    assert code == 2 and "CLIENT:GROUP=move:NEWGROUP" in err


# --- saving a plan changes nothing anyone sees; only publishing does ---


def seen(live: Enrolments, capsys, db_url: str) -> tuple:
    """What workers, leaders and subscribers see: Find a group (the command line's ranking
    with live seats), the seats, every group's participants and the offering's calendar."""
    from planner.calendar import Selection, calendar_from_store

    code, found, _ = run(capsys, "find", "--db", db_url, "--client", "C35", "--json")
    assert code == 0
    groups = [(m["group_id"], m["weekday"], m["start"], m["free_seats"]) for m in json.loads(found)]
    members = {g: live.participants(g) for g in ("G1", "G2", "G3", "G4")}
    body = calendar_from_store(live.store, Selection("offering")).body
    return groups, live.seats(), members, body


def test_saving_a_plan_changes_nothing_until_it_is_published(capsys, db_url: str) -> None:
    with Store.open(db_url) as store:
        store.import_season(season(), source="toy")
        store.save_plan(toy_plan(), SUMMARY)
        live = Enrolments(store)
        live.publish()
        before = seen(live, capsys, db_url)

        store.save_plan(tuesday_plan(), SUMMARY)
        assert seen(live, capsys, db_url) == before

        live.publish(resolutions={("C01", "G1"): Resolution("move", target="G2")})
        after = seen(live, capsys, db_url)
    assert after != before
    assert after[3] != before[3]  # the calendar follows the published offering


# --- the property: nobody is left where they cannot attend, unless kept with a flag ---

DAYS = st.sets(st.integers(0, 4), min_size=1).map(lambda days: tuple(sorted(days)))
LATE = [f"C{i:02d}" for i in range(21, 31)]  # in no group of either plan


def nobody_stranded(store: Store) -> list[tuple[str, str, str]]:
    """Every active place of an open group whose client cannot attend and has no flag."""
    from planner.store.attendance import attendance, clashing_group

    bad = []
    with store.engine.connect() as conn:
        rows = conn.execute(
            sa.select(EnrolmentRow, OfferingRow.plan_id)
            .join(OfferingRow, OfferingRow.id == EnrolmentRow.offering_id)
            .where(EnrolmentRow.status == "active", OfferingRow.status == "open")
        ).all()
        kept: dict[str, set[str]] = {}
        for r in rows:
            if r.coordinator_flag:
                kept.setdefault(r.client_code, set()).add(r.group_id)
        for r in rows:
            if r.coordinator_flag:
                continue
            offering = conn.execute(
                sa.select(OfferingRow).where(OfferingRow.id == r.offering_id)
            ).first()
            problem, _ = attendance(conn, r.season_id, offering, r.client_code)
            clash = clashing_group(conn, r.season_id, offering, r.client_code)
            if clash and not problem and clash[0] in kept.get(r.client_code, ()):
                clash = None  # the coordinator kept the other place of the pair, clash and all
            if problem or clash:
                bad.append((r.client_code, r.group_id, (problem or ("client_overlap",))[0]))
    return bad


@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    days=st.lists(DAYS, min_size=len(LATE), max_size=len(LATE)),
    groups=st.lists(st.sampled_from(["G1", "G2", "G3"]), min_size=len(LATE), max_size=len(LATE)),
    second=st.sampled_from(["tuesday", "same", "fewer"]),
    choice=st.lists(st.sampled_from(["keep", "end", "move:G2", "move:G3", "none"]), max_size=12),
)
def test_random_replans_over_random_enrolments_never_strand_anyone_unflagged(
    tmp_path_factory, days, groups, second, choice
) -> None:
    base = season()
    picked = dict(zip(LATE, days, strict=True))
    clients = tuple(
        dataclasses.replace(c, days=picked.get(c.client_code, c.days)) for c in base.clients
    )
    url = f"sqlite:///{tmp_path_factory.mktemp('prop') / 'planner.sqlite3'}"
    plans = {
        "tuesday": tuesday_plan(),
        "same": toy_plan(),
        "fewer": dataclasses.replace(
            tuesday_plan(),
            placements=tuesday_plan().placements[:3],
            participants=tuple(p for p in tuesday_plan().participants if p[1] != "G4"),
            remote=(),
        ),
    }
    with Store.open(url) as store:
        store.import_season(dataclasses.replace(base, clients=clients), source="toy")
        store.save_plan(toy_plan(), SUMMARY)
        live = Enrolments(store)
        live.publish()
        for code, group in zip(LATE, groups, strict=True):
            live.enrol(group, code, actor="anna", allow_flagged=True)
        store.save_plan(plans[second], SUMMARY)
        stranded = live.preview().stranded
        resolutions = {}
        for a, how in zip(stranded, choice, strict=False):
            if how == "none":
                continue
            action, _, target = how.partition(":")
            resolutions[a.case] = Resolution(action, target=target)
        before = state(live)
        try:
            live.publish(resolutions=resolutions)
        except (StrandedClients, ResolutionRefused):
            assert state(live) == before  # all or nothing
            assert len(resolutions) < len(stranded) or any(
                r.action == "move" for r in resolutions.values()
            )
        assert nobody_stranded(store) == []
        assert all(taken == n for taken, n in ledger(store).values())
