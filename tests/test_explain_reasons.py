"""Reasons a coordinator can act on: each family names the values and people behind it.

One small season per family (built from the toys' Raasepori variant: the Swedish group G1 in
Raasepori at venue VR), whose reason text in fi, sv and en names the expected weekdays,
times, staff, groups, venues and counts, never a client's code, with JSON-ready parameters.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace

from toys import client, office_hours, staff, steady_params, toy_season, venue, with_group

from planner.model import Interval
from planner.plan_check import plan_problems
from planner.solve import Reason, solve
from planner.solve.explain import Facts, _core_reason, quick_reason
from planner.solve.variables import Context

PARAMS = steady_params()
WED_10_12 = (Interval(2, 10 * 60, 12 * 60),)


def _raasepori(staff_list, clients=None, venue_open=None, **venue_kw):
    s = toy_season()
    vr = venue("VR", "710", open=venue_open or office_hours(), **venue_kw)
    local = clients or [client(f"R{i}", municipality="710", languages=("sv",)) for i in range(6)]
    s = replace(s, venues=(*s.venues, vr), staff=tuple(staff_list), clients=(*s.clients, *local))
    return with_group(s, "G1", municipality="710", language="sv")


def _second_group(season, gid="G4", **kw):
    """Another Swedish group in Raasepori, like G1, that the solver prefers."""
    g = replace(season.group["G1"], group_id=gid, name=f"Group {gid}", priority=3, **kw)
    return replace(season, groups=(*season.groups, g))


def _texts(season, gid="G1", key=None) -> dict[str, str]:
    result = solve(season, PARAMS)
    assert gid not in result.plan.placement
    assert plan_problems(season, result.plan) == []
    reason = result.reason_for(gid)
    assert reason is not None
    if key is not None:
        assert reason.key == key, (reason.key, reason.rules, reason.text("en"))
    return _checked(season, reason)


def _checked(season, reason: Reason) -> dict[str, str]:
    """The reason's texts; its parameters are JSON and no text names a client."""
    assert json.loads(json.dumps(reason.params)) == reason.params
    texts = {lang: reason.text(lang) for lang in ("fi", "sv", "en")}
    for text in texts.values():
        assert "{" not in text and "…" not in text, text
        for c in season.clients:
            assert not re.search(rf"\b{re.escape(c.client_code)}\b", text), (c.client_code, text)
    return texts


# --- leaders ---


def test_no_leader_speaks_the_language_names_the_staff_and_who_is_not_qualified() -> None:
    season = _raasepori(
        [
            staff("S1", languages=("fi",)),
            staff("S2", qualified=False),
            staff("S3", languages=("fi",)),
        ]
    )
    t = _texts(season, key="no_leader_language")
    assert "S1 Staff S1, S3 Staff S3: Finnish" in t["en"]
    assert "speak Swedish but are not qualified staff: S2 Staff S2" in t["en"]
    assert "S1 Staff S1, S3 Staff S3: suomea" in t["fi"]
    assert "ruotsia puhuvat eivät ole päteviä työntekijöitä: S2 Staff S2" in t["fi"]
    assert "S1 Staff S1, S3 Staff S3: finska" in t["sv"]


def test_no_qualified_leader_lists_the_possible_leaders_as_not_qualified() -> None:
    season = _raasepori([staff("S1", qualified=False), staff("S2", qualified=False)])
    t = _texts(season, key="no_qualified_leader")
    assert "S1 Staff S1: not qualified staff" in t["en"]
    assert "S2 Staff S2: ei pätevä työntekijä" in t["fi"]
    assert "S1 Staff S1: inte behörig anställd" in t["sv"]


def test_a_pinned_weekday_nobody_works_on_names_the_day_and_the_working_days() -> None:
    season = _raasepori(
        [
            staff("S003", languages=("sv",), days=(0, 1, 2, 3)),
            staff("S011", languages=("sv",), days=(0, 1, 2, 3)),
            staff("S1", languages=("fi",)),
        ]
    )
    season = with_group(season, "G1", weekday=4)
    t = _texts(season, key="pinned")
    assert t["en"].startswith("pinned: weekday Friday; no qualified leader who speaks Swedish")
    assert "works on Friday (working days: S003 Staff S003, S011 Staff S011: Mon–Thu)" in t["en"]
    assert t["fi"].startswith("kiinnitetty: viikonpäivä perjantai;")
    assert "S003 Staff S003, S011 Staff S011: ma–to" in t["fi"]
    assert t["sv"].startswith("fastlåst: veckodag fredag;")
    assert "S003 Staff S003, S011 Staff S011: mån–tors" in t["sv"]


def test_the_issue_example_pinned_day_and_venue_with_a_partner_on_fridays() -> None:
    """Issue 21 item 7: only an unqualified partner works on the pinned Friday."""
    from toys import partner

    season = _raasepori(
        [
            staff("S003", languages=("sv",), days=(0, 1, 2, 3)),
            staff("S011", languages=("sv",), days=(0, 1, 2, 3)),
            staff("S1", languages=("fi",)),
        ]
    )
    season = replace(season, partners=(partner("P1", municipalities=("710",)),))
    season = with_group(season, "G1", weekday=4, venue_id="VR")
    result = solve(season, PARAMS)
    reason = result.reason_for("G1")
    assert reason is not None and reason.key == "pinned"
    assert {"qualified_leader", "leader_days", "pins"} <= set(reason.rules)
    t = _checked(season, reason)
    assert t["en"] == (
        "pinned: weekday Friday, venue VR Venue VR; no qualified leader who speaks Swedish "
        "works on Friday (working days: S003 Staff S003, S011 Staff S011: Mon–Thu)"
    )
    assert t["fi"] == (
        "kiinnitetty: viikonpäivä perjantai, toimitila VR Venue VR; yksikään ruotsia puhuva "
        "pätevä ohjaaja ei ole töissä (perjantai) (työpäivät: S003 Staff S003, S011 Staff "
        "S011: ma–to)"
    )
    assert "P1" not in t["sv"] and "mån–tors" in t["sv"]


def test_leaders_busy_at_the_hour_name_the_clashing_groups() -> None:
    season = _raasepori(
        [staff("S1", languages=("sv",), days=(2,)), staff("S3", languages=("fi",))],
        venue_open=WED_10_12,
    )
    season = with_group(season, "G3", weekday=2, start=10 * 60, priority=3)
    t = _texts(season, key="leaders_busy")
    assert "S1 Staff S1" in t["en"] and "G3 Wed 10:00–12:00 at V1" in t["en"]
    assert "G3 ke 10.00–12.00 (V1)" in t["fi"] and "keskiviikko" in t["fi"]
    assert "G3 ons 10.00–12.00 (V1)" in t["sv"] and "onsdag" in t["sv"]


def test_no_time_to_travel_names_the_other_session_and_its_venue() -> None:
    season = _raasepori(
        [staff("S1", languages=("sv",), days=(2,)), staff("S3", languages=("fi",))],
        venue_open=(Interval(2, 12 * 60, 14 * 60 + 30),),
    )
    season = with_group(season, "G3", weekday=2, start=10 * 60, priority=3)
    t = _texts(season, key="leaders_no_travel_time")
    assert "no time to travel" in t["en"] and "S1 Staff S1" in t["en"]
    assert "G3 Wed 10:00–12:00 at V1" in t["en"]
    assert "G3 ke 10.00–12.00 (V1)" in t["fi"]
    assert "G3 ons 10.00–12.00 (V1)" in t["sv"]


def test_leaders_at_their_weekly_cap_name_the_hours_and_the_groups() -> None:
    season = _raasepori(
        [staff("S1", languages=("sv",), max_group_hours=2.5), staff("S3", languages=("fi",))]
    )
    season = with_group(season, "G3", priority=3)  # the other Swedish group takes S1's hours
    t = _texts(season, key="leaders_at_hour_limit")
    assert "the group needs 2.5 h a week" in t["en"]
    assert "S1 Staff S1: 2.5 of 2.5 h a week (G3)" in t["en"]
    assert "ryhmä vaatii 2,5 h viikossa" in t["fi"] and "S1 Staff S1: 2,5/2,5 h" in t["fi"]
    assert "S1 Staff S1: 2,5/2,5 h i veckan (G3)" in t["sv"]


def test_a_pinned_leader_who_cannot_lead_is_named_with_what_stands_in_the_way() -> None:
    season = _raasepori([staff("S1"), staff("S3", languages=("fi",))])
    season = with_group(season, "G1", leaders=("S3",))
    t = _texts(season, key="pinned")
    assert t["en"].startswith("pinned: leader S3 Staff S3; the pinned leaders cannot lead it")
    assert "S3 Staff S3: speaks Finnish" in t["en"]
    assert t["fi"].startswith("kiinnitetty: ohjaaja S3 Staff S3;") and "suomea" in t["fi"]
    assert t["sv"].startswith("fastlåst: ledare S3 Staff S3;") and "talar finska" in t["sv"]


# --- venues ---


def test_a_venue_closed_for_the_session_names_its_opening_hours() -> None:
    season = _raasepori([staff("S1"), staff("S2")], venue_open=office_hours(end=10 * 60))
    season = with_group(season, "G1", hours=3.0)
    t = _texts(season, key="venue_closed")
    assert "open for 3 hours" in t["en"]
    assert "opening hours: VR Venue VR: Mon–Fri 08:00–10:00" in t["en"]
    assert "aukioloajat: VR Venue VR: ma–pe 08.00–10.00" in t["fi"]
    assert "öppettider: VR Venue VR: mån–fre 08.00–10.00" in t["sv"]


def test_a_pinned_start_before_opening_names_the_time_and_the_venue() -> None:
    season = _raasepori([staff("S1"), staff("S2")])
    season = with_group(season, "G1", start=7 * 60, venue_id="VR")
    t = _texts(season, key="pinned")
    assert t["en"].startswith("pinned: start 07:00, venue VR Venue VR;")
    assert "Mon–Fri 08:00–16:00" in t["en"]
    assert t["fi"].startswith("kiinnitetty: alkamisaika 07.00, toimitila VR Venue VR;")
    assert t["sv"].startswith("fastlåst: starttid 07.00, lokal VR Venue VR;")


def test_rooms_held_by_other_groups_name_the_groups() -> None:
    local = [client(f"R{i}", municipality="710", languages=("sv",)) for i in range(14)]
    season = _raasepori(
        [staff("S1"), staff("S2"), staff("S4"), staff("S3", languages=("fi",))],
        clients=local,
        venue_open=WED_10_12,
    )
    season = _second_group(season, max_size=4, venue_id="VR")
    t = _texts(season, key="venues_booked")
    assert "held by other groups: VR Venue VR (rooms: 1): G4 Wed 10:00–12:00" in t["en"]
    assert "VR Venue VR (huoneita: 1): G4 ke 10.00–12.00" in t["fi"]
    assert "VR Venue VR (rum: 1): G4 ons 10.00–12.00" in t["sv"]


def test_a_venue_too_small_names_its_capacity() -> None:
    season = _raasepori([staff("S1"), staff("S2")], capacity=3)
    t = _texts(season, key="venue_too_small")
    assert "holds 4 people (holds at most: VR Venue VR 3)" in t["en"]
    assert "ei mahdu 4 henkilöä" in t["fi"] and "VR Venue VR 3" in t["fi"]
    assert "rymmer 4 personer" in t["sv"] and "VR Venue VR 3" in t["sv"]


def test_no_venue_in_the_municipality_names_the_nearest_ones_elsewhere() -> None:
    season = with_group(toy_season(), "G1", municipality="710", language="sv")
    t = _texts(season, key="no_venue")
    assert "no venue in Raasepori (nearest venues elsewhere: V1 Venue V1 (Espoo)" in t["en"]
    assert "kunnassa Raasepori ei ole toimitilaa" in t["fi"] and "(Espoo)" in t["fi"]
    assert "ingen lokal i Raseborg" in t["sv"] and "(Esbo)" in t["sv"]


# --- clients ---


def test_too_few_clients_are_counted_with_the_filter_that_removes_the_others() -> None:
    few = [client(f"R{i}", municipality="710", languages=("sv",)) for i in range(2)]
    far = [client(f"E{i}", languages=("sv",), max_travel_min=20) for i in range(5)]
    season = _raasepori([staff("S1"), staff("S2")], clients=few + far)
    t = _texts(season, key="too_few_clients")
    assert t["en"].startswith("only 2 eligible clients") and "at least 3 needed" in t["en"]
    assert "29 of 31 clients reach no venue within their travel time" in t["en"]
    assert "vain 2 sopivaa" in t["fi"] and "31 asiakkaasta 29 ei pääse" in t["fi"]
    assert "bara 2 lämpliga" in t["sv"] and "av 31 klienter når 29 ingen lokal" in t["sv"]


def test_clients_who_need_an_accessible_venue_are_counted() -> None:
    local = [
        client(f"R{i}", municipality="710", languages=("sv",), needs_accessible=True)
        for i in range(6)
    ]
    season = _raasepori([staff("S1"), staff("S2")], clients=local, accessible=False)
    t = _texts(season, key="no_clients_in_reach")
    assert "6 of 6 clients need an accessible venue and none is within reach" in t["en"]
    assert "6 asiakkaasta 6 tarvitsee esteettömän toimitilan" in t["fi"]
    assert "av 6 klienter behöver 6 en tillgänglig lokal" in t["sv"]


def test_clients_already_in_other_groups_are_counted() -> None:
    local = [client(f"R{i}", municipality="710", languages=("sv",)) for i in range(4)]
    season = _raasepori(
        [staff("S1"), staff("S2"), staff("S4"), staff("S3", languages=("fi",))], clients=local
    )
    season = _second_group(season)
    t = _texts(season, key="clients_all_taken")
    assert "4 of 4 clients are already in as many groups as they may be" in t["en"]
    assert "4 asiakkaasta 4 on jo niin monessa ryhmässä" in t["fi"]
    assert "av 4 klienter är 4 redan i så många grupper" in t["sv"]


# --- term, session length, size ---


def test_term_session_length_and_size_reasons_name_their_values() -> None:
    season = toy_season()
    hours = quick_reason(with_group(season, "G1", hours=1.5), "G1")
    assert hours is not None and "1.5 h" in hours.text("en") and "1,5 h" in hours.text("fi")
    term = quick_reason(with_group(season, "G1", weeks=None), "G1")
    assert term is not None and term.key == "no_term" and "pop-up" in term.text("en")
    size = quick_reason(with_group(season, "G1", min_size=11, max_size=12), "G1")
    assert size is not None and "11-12" in size.text("en") and "11–12" in size.text("sv")


# --- the fallback and rendering ---


def test_the_fallback_lists_the_possible_leaders_and_the_clients_ruled_out() -> None:
    season = _raasepori([staff("S1", languages=("sv",), days=(0,)), staff("S3", languages=("fi",))])
    from planner.solve.candidates import Candidates

    cands = Candidates(season, PARAMS, group_ids=["G1"], prune=False)
    core = ("participant_days", "leader_days", "leader_language")
    facts = Facts(season, PARAMS, "G1", core, [1, 2], Context(), cands)
    key, values = _core_reason(facts, core, {"language": "sv"}, None)
    assert key == "blocked"
    reason = Reason("G1", key, values, core)
    t = _checked(season, reason)
    assert "possible leaders: " in t["en"] and "S1 Staff S1: speaks Swedish, works Mon;" in t["en"]
    assert "S3 Staff S3: speaks Finnish, works Mon–Fri" in t["en"]
    assert "S1 Staff S1: puhuu: ruotsia, töissä ma;" in t["fi"]
    assert "S1 Staff S1: talar svenska, arbetar mån;" in t["sv"]


def test_every_new_reason_and_fact_renders_in_every_language() -> None:
    people = [{"id": "S1", "name": "Aino", "days": [0, 1, 2, 3], "languages": ["fi"]}]
    session = {"group": "G3", "day": 2, "start": 600, "end": 720, "venue": "V1"}
    facts = [
        {"fact": "workdays", "people": people, "more": 2},
        {"fact": "languages", "people": people},
        {"fact": "not_qualified", "language": "sv", "people": people},
        {"fact": "partners_elsewhere", "people": people},
        {"fact": "busy", "people": [{"id": "S1", "name": "A", "sessions": [session]}]},
        {"fact": "hours", "need": 150, "people": [{"id": "S1", "used": 150, "cap": 150}]},
        {"fact": "opening", "venues": [{"id": "V1", "name": "Lib", "open": [[0, 480, 960]]}]},
        {"fact": "rooms", "venues": [{"id": "V1", "rooms": 1, "sessions": [session]}]},
        {"fact": "capacity", "venues": [{"id": "V1", "capacity": 6}]},
        {"fact": "venues_elsewhere", "venues": [{"id": "V1", "municipality": "Espoo"}]},
        {"fact": "leaders", "people": [{**people[0], "qualified": False, "cap": 60}]},
        {"fact": "pins", "pins": [{"pin": "weekday", "day": 4}]},
        *(
            {"fact": "clients", "filter": f, "of": 9, "removed": 4, "language": "sv"}
            for f in ("participant_language", "participant_days", "remote_consent", "x")
        ),
    ]
    pins = [
        {"pin": "weekday", "day": 4},
        {"pin": "start", "at": 570},
        {"pin": "venue", "id": "V1", "name": "Lib"},
        {"pin": "leader", "id": "S1", "name": "Aino"},
    ]
    common = {"language": "sv", "days": [4], "municipality": "Espoo", "need": 5}
    reasons = [
        Reason("G1", "blocked", {"rules": ["leader_days"], "facts": facts}),
        Reason(
            "G1",
            "pinned",
            {"pins": pins, "detail": {"key": "no_leader_on_days", "params": common}},
        ),
        *(
            Reason("G1", key, common)
            for key in ("pins_only", "pinned_leaders", "no_qualified_leader")
        ),
        Reason("G1", "leaders_no_travel_time", common),
    ]
    for reason in reasons:
        assert json.loads(json.dumps(reason.params)) == reason.params
        for lang in ("fi", "sv", "en"):
            text = reason.text(lang)
            assert text and "{" not in text and "…" not in text, (reason.key, lang, text)
    en = reasons[1].text("en")
    assert en.startswith("pinned: weekday Friday, start 09:30, venue V1 Lib, leader S1 Aino;")
    assert "and 2 more" in reasons[0].text("en") and "ja 2 muuta" in reasons[0].text("fi")


def test_a_reason_stored_before_the_facts_still_reads() -> None:
    old = Reason("G1", "pins_conflict", {"pins": ["weekday", "leader S-1"], "rules": ["size"]})
    assert old.text("en").startswith("its pinned weekday, leader S-1 cannot be kept")
    assert Reason("G1", "pinned", {"pins": ["weekday"]}).text("en") == "pinned: weekday; …"


def test_a_reason_with_facts_renders_without_or_tools() -> None:
    import subprocess
    import sys
    from pathlib import Path

    statement = (
        "from planner.solve.reason import Reason; "
        "Reason('G1', 'pinned', {'pins': [{'pin': 'weekday', 'day': 4}], 'detail': "
        "{'key': 'no_leader_on_days', 'params': {'language': 'sv', 'days': [4], 'facts': "
        "[{'fact': 'workdays', 'people': [{'id': 'S1', 'name': 'A', 'days': [0, 1]}]}]}}}"
        ").text('fi')"
    )
    check = f"import sys; {statement}; print('ortools' in sys.modules)"
    repo = Path(__file__).resolve().parents[1]
    out = subprocess.run(
        [sys.executable, "-c", check], cwd=repo, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"
