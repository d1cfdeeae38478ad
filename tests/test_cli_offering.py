"""The live offering from the command line: publish, enrol, cancel, seats, history, figures."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pandas as pd
import pytest
from toys import groups_with_a_seat, who_can_join_leaving_clashes

from planner.baseline import greedy_plan
from planner.cli.main import main
from planner.cli.season import prepare_demo_store
from planner.store import Enrolments, Store


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def planned_store(sqlite_url: str) -> str:
    """The sample season with its greedy plan saved as the current plan (not yet published)."""
    prepare_demo_store(sqlite_url)
    with Store.open(sqlite_url) as store:
        store.save_plan(greedy_plan(store.load_season()), {"status": "FEASIBLE"})
    return sqlite_url


def free_group(capsys, db: str) -> str:
    _, out, _ = run(capsys, "seats", "--db", db, "--json")
    return next(row["group_id"] for row in json.loads(out) if row["free"] > 0)


def test_seats_before_publishing_is_a_one_line_error(capsys, planned_store):
    code, _, err = run(capsys, "seats", "--db", planned_store)
    assert code == 2 and "planner publish" in err


def test_publish_opens_every_planned_group_with_its_participants(capsys, planned_store):
    code, out, _ = run(capsys, "publish", "--db", planned_store, "--json")
    report = json.loads(out)
    with Store.open(planned_store) as store:
        plan = store.load_plan()
    assert code == 0
    assert sorted(report["opened"]) == sorted(p.group_id for p in plan.placements)
    assert len(report["added"]) == len(plan.participants)


def test_enrol_takes_a_free_seat_and_cancel_gives_it_back(capsys, planned_store):
    run(capsys, "publish", "--db", planned_store)
    with Store.open(planned_store) as store:
        plan = store.load_plan()
        season = store.load_season()
        free = groups_with_a_seat(Enrolments(store), plan)
    group, outsider = who_can_join_leaving_clashes(planned_store, season, plan, free)
    code, out, _ = run(capsys, "enrol", group, outsider, "--db", planned_store, "--json")
    assert code == 0 and json.loads(out)["status"] == "enrolled"
    code, out, _ = run(capsys, "enrol", group, outsider, "--db", planned_store)
    assert code == 1 and out.startswith("refused:")
    code, out, _ = run(
        capsys,
        "cancel",
        group,
        outsider,
        "--reason",
        "studies",
        "--follow-up",
        "studies",
        "--db",
        planned_store,
        "--json",
    )
    assert code == 0 and json.loads(out)["status"] == "cancelled"
    code, out, _ = run(capsys, "history", outsider, "--db", planned_store, "--json")
    assert [row["status"] for row in json.loads(out) if row["group_id"] == group] == ["cancelled"]


def test_enrolling_in_an_unknown_group_is_refused(capsys, planned_store):
    run(capsys, "publish", "--db", planned_store)
    code, out, _ = run(capsys, "enrol", "G-NOPE", "P-01", "--db", planned_store)
    assert code == 1 and "G-NOPE" in out


def test_figures_are_written_as_a_workbook(capsys, planned_store, tmp_path):
    run(capsys, "publish", "--db", planned_store)
    out_file = tmp_path / "luvut.xlsx"
    code, _, _ = run(capsys, "figures", "--out", str(out_file), "--db", planned_store)
    assert code == 0
    assert {"clients", "seats"} <= set(openpyxl.load_workbook(out_file).sheetnames)


@pytest.fixture
def published_on_5_jan(capsys, planned_store, monkeypatch) -> str:
    """The plan published with the store's clock at 5.1.2027."""
    at = dt.datetime(2027, 1, 5, 9, tzinfo=dt.UTC)
    for module in ("seats", "publishing"):
        monkeypatch.setattr(f"planner.store.{module}.utcnow", lambda: at)
    run(capsys, "publish", "--db", planned_store)
    return planned_store


def test_figures_from_to_writes_the_periods_workbook(capsys, published_on_5_jan, tmp_path):
    db = published_on_5_jan
    january, december = tmp_path / "tammikuu.xlsx", tmp_path / "joulukuu.xlsx"
    code, out, _ = run(
        capsys, "figures", "--from", "2027-01-01", "--to", "2027-01-31", "--out", str(january),
        "--db", db, "--json",
    )  # fmt: skip
    assert code == 0
    assert json.loads(out)["period"] == {"from": "2027-01-01", "to": "2027-01-31"}
    run(capsys, "figures", "--month", "2026-12", "--out", str(december), "--db", db)

    sheets = pd.read_excel(january, sheet_name=None, dtype={"municipality": str})
    assert list(sheets) == ["period", "clients", "endings", "follow_up", "seats", "drop_in"]
    clients = sheets["clients"]
    assert {"clients", "group_work", "individual_only", "waiting"} <= set(clients.columns)
    assert clients["group_work"].sum() > 0
    parts = clients["group_work"] + clients["individual_only"] + clients["waiting"]
    assert (clients["clients"] == parts).all()
    before = pd.read_excel(december, sheet_name="clients")
    assert before["group_work"].sum() == 0  # nobody held a place before 5.1.2027
    assert before["clients"].sum() == clients["clients"].sum()


@pytest.mark.parametrize(
    "argv",
    [
        ["--from", "2027-01-01"],
        ["--from", "2027-02-01", "--to", "2027-01-01"],
        ["--from", "1.1.2027", "--to", "2027-01-31"],
        ["--month", "2027-13"],
        ["--quarter", "2027Q5"],
        ["--year", "2027", "--from", "2027-01-01", "--to", "2027-01-31"],
    ],
)
def test_figures_refuse_a_period_they_cannot_read(capsys, planned_store, tmp_path, argv):
    code, _, err = run(capsys, "figures", *argv, "--out", str(tmp_path / "x.xlsx"))
    assert code == 2 and err.strip()
    assert not (tmp_path / "x.xlsx").exists()


def test_ics_writes_a_calendar_without_client_codes(capsys, planned_store, tmp_path):
    import icalendar

    out_file = tmp_path / "offering.ics"
    code, _, _ = run(capsys, "ics", "--out", str(out_file), "--lang", "sv", "--db", planned_store)
    assert code == 0
    body = out_file.read_bytes()
    calendar = icalendar.Calendar.from_ical(body)
    with Store.open(planned_store) as store:
        season, plan = store.load_season(), store.load_plan()
    events = [c for c in calendar.walk("VEVENT")]
    assert {str(e["UID"]) for e in events} and len(events) >= len(plan.placements)
    text = body.decode("utf-8")
    assert not [c.client_code for c in season.clients if c.client_code in text]


def test_a_revoked_feed_is_listed_as_revoked(capsys, planned_store):
    code, out, _ = run(
        capsys, "feed", "create", "--group", "G-001", "--db", planned_store, "--json"
    )
    assert code == 0
    created = json.loads(out)
    assert created["url"].endswith(".ics") and created["webcal"].startswith("webcal://")
    code, _, _ = run(capsys, "feed", "revoke", "--id", str(created["id"]), "--db", planned_store)
    assert code == 0
    _, out, _ = run(capsys, "feed", "list", "--db", planned_store, "--json")
    (feed,) = json.loads(out)
    assert feed["revoked_at"]


def test_pickups_write_runs_and_name_every_unserved_ride(capsys, planned_store, tmp_path):
    out = tmp_path / "runs"
    code, text, _ = run(
        capsys,
        "pickups",
        "--db",
        planned_store,
        "--out",
        str(out),
        "--seconds-per-day",
        "1",
        "--json",
    )
    assert code == 0
    payload = json.loads(text)
    with Store.open(planned_store) as store:
        season, plan = store.load_season(), store.load_plan()
    riders = {
        (c, g)
        for c, g in plan.participants
        if season.client[c].travel == "ride" and plan.placement[g].venue_id
    }
    runs = (out / "pickup_runs.csv").read_text(encoding="utf-8").splitlines()
    served = {(c, row.split(",")[0]) for row in runs[1:] for c in row.split(",")[-1].split(";")}
    assert all(d["reason"] for d in payload["dropped"])
    dropped = {(d["client_code"], d["group_id"]) for d in payload["dropped"]}
    assert {c for c, _ in riders} <= {c for c, _ in served} | {c for c, _ in dropped}
    hubs = (out / "pickup_hubs.csv").read_text(encoding="utf-8").splitlines()
    assert hubs[0] == "client_code,group_id,leg,hub,minutes"
    for row in hubs[1:]:
        client, group, leg, hub, minutes = row.split(",")
        assert (client, group) in riders and leg in {"to", "from"}
        assert hub in season.venue and 0 < int(minutes) <= 30
    assert len(hubs) - 1 == len(payload["hubs"])


def test_allowance_prices_staff_driving_at_the_tax_free_rate(capsys, planned_store):
    code, text, _ = run(capsys, "allowance", "--db", planned_store, "--json")
    payload = json.loads(text)
    assert code == 0 and payload["rate"] == 0.55
    assert all(
        abs(float(eur) - round(float(km) * 0.55, 2)) < 0.011 for _, _, km, eur in payload["rows"]
    )


def test_a_calendar_that_matches_nothing_is_an_error_for_files_and_feeds(
    capsys, planned_store, tmp_path
):
    out_file = tmp_path / "none.ics"
    code, _, err = run(
        capsys, "ics", "--out", str(out_file), "--theme", "no_such_theme", "--db", planned_store
    )
    assert code == 2 and "no session" in err and "Traceback" not in err
    assert not out_file.exists()
    code, _, err = run(capsys, "feed", "create", "--theme", "no_such_theme", "--db", planned_store)
    assert code == 2 and "no session" in err
    # A feed is never tied to a client's groups: the option is not offered.
    with pytest.raises(SystemExit):
        main(["feed", "create", "--groups", "G-001", "--db", planned_store])
    code, _, err = run(capsys, "ics", "--out", str(tmp_path / "no" / "dir.ics"), "--db",
                       planned_store)  # fmt: skip
    assert code == 2 and err.endswith(f"{tmp_path / 'no'} ei ole\n")  # in the calendar's language


def test_files_and_feeds_show_the_live_seats_as_the_app_does(capsys, planned_store, tmp_path):
    import icalendar

    from planner.calendar import Selection, calendar_from_store

    assert run(capsys, "publish", "--db", planned_store)[0] == 0
    with Store.open(planned_store) as store:
        live = Enrolments(store)
        season, plan = store.load_season(), store.load_plan()
        roomy = groups_with_a_seat(live, plan, spare=2)
        gid, code = who_can_join_leaving_clashes(planned_store, season, plan, roomy)
        seats = live.seats()[gid]
        before = calendar_from_store(store, Selection("group", gid))
        assert live.enrol(gid, code, actor="t").status == "enrolled"
        after = calendar_from_store(store, Selection("group", gid))
    assert before.body != after.body and before.seats != after.seats
    text = icalendar.Calendar.from_ical(after.body).walk("VEVENT")[0].decoded("DESCRIPTION")
    assert f"Vapaita paikkoja: {seats.free - 1} / " in str(text)

    # DTSTAMP and SEQUENCE are the store's, per series: a new place changes neither.
    def stamped(body: bytes) -> list[tuple]:
        return [
            (e.decoded("DTSTAMP"), e.get("SEQUENCE"))
            for e in icalendar.Calendar.from_ical(body).walk("VEVENT")
        ]

    assert stamped(before.body) == stamped(after.body)
