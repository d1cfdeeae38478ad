"""The bundled sample season (data/) and the generator behind it (planner.sample)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from planner import sample
from planner.io import read_season
from planner.io.fields import check_client_code
from planner.model import Season, Staff
from planner.rules import (
    GROUP_KINDS,
    MAX_GROUP_SIZE,
    MIN_GROUP_SIZE,
    PARTNER_KINDS,
    SMALL_GROUP_BELOW,
    session_hours_ok,
)

PERSONAS = ("P-01", "P-02", "P-03", "P-04", "P-05", "P-06")
REGENERATE = "regenerate it with: python -m planner.sample --scale 1 --out data"


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return sample.generate()


@pytest.fixture(scope="module")
def season(sample_dir: Path) -> Season:
    report = read_season(sample_dir)
    assert report.ok, report.lines()
    assert report.season is not None
    return report.season


# --- Reproducible, and the same as what is bundled ---


def test_the_same_seed_gives_identical_tables(tables: dict[str, pd.DataFrame]) -> None:
    again = sample.generate(scale=1, seed=sample.DEFAULT_SEED)
    assert list(again) == list(tables) == list(sample.TABLES)
    for name, frame in tables.items():
        pd.testing.assert_frame_equal(again[name], frame, obj=name)


def test_another_seed_gives_other_people_in_the_same_real_places(tables) -> None:
    other = sample.generate(seed=7)
    assert not other["clients"].equals(tables["clients"])
    assert not other["staff"].equals(tables["staff"])
    assert other["venues"].equals(tables["venues"])
    assert other["municipalities"].equals(tables["municipalities"])


def test_the_bundled_data_is_exactly_a_fresh_generation(tmp_path: Path, sample_dir: Path) -> None:
    fresh = sample.write_season(tmp_path)
    for name, path in fresh.items():
        bundled = sample_dir / f"{name}.csv"
        assert bundled.read_bytes() == path.read_bytes(), f"data/{name}.csv differs: {REGENERATE}"


def test_the_files_are_utf8_without_bom_with_unix_line_ends(sample_dir: Path) -> None:
    for name in sample.TABLES:
        raw = (sample_dir / f"{name}.csv").read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf"), name
        assert b"\r\n" not in raw, name
        assert raw.decode("utf-8").splitlines()[0] == ",".join(sample.COLUMNS[name])


def test_the_bundled_data_imports_without_errors_or_warnings(sample_dir: Path) -> None:
    report = read_season(sample_dir)
    assert report.ok, report.lines()
    assert report.warnings == [], report.lines()


# --- Size and scaling ---


def test_scale_one_meets_the_minimum_counts(season: Season) -> None:
    counts = season.counts()
    generated_clients = [c for c in season.clients if c.client_code.startswith("C-")]
    assert counts["municipalities"] == 10
    assert counts["venues"] >= 32
    assert counts["staff"] >= 22
    assert counts["partners"] >= 8
    assert counts["groups"] >= 44
    assert len(generated_clients) >= 320


def test_scale_two_roughly_doubles_everything_but_the_personas(tables) -> None:
    double = sample.generate(scale=2)
    for name in ("venues", "staff", "partners", "groups", "clients"):
        assert 1.8 <= len(double[name]) / len(tables[name]) <= 2.2, name
    codes = double["clients"]["client_code"]
    assert codes.is_unique
    assert sorted(c for c in codes if c.startswith("P-")) == sorted(PERSONAS)
    for name, key in (("venues", "venue_id"), ("groups", "group_id")):
        assert double[name][key].is_unique, name
    people = pd.concat([double["staff"]["staff_id"], double["partners"]["partner_id"]])
    assert people.is_unique
    assert double["municipalities"].equals(tables["municipalities"])


def test_extra_venues_at_scale_are_named_copies_in_the_same_municipality() -> None:
    venues = sample.generate(scale=3)["venues"].set_index("venue_id")
    copy = venues.loc["V-ESP-LIB-1-k3"]
    assert copy["municipality"] == venues.loc["V-ESP-LIB-1", "municipality"] == "049"
    assert copy["name"].startswith("Entressen kirjasto") and copy["name"] != "Entressen kirjasto"


def test_a_larger_scale_still_imports(tmp_path: Path) -> None:
    sample.write_season(tmp_path, scale=2)
    report = read_season(tmp_path)
    assert report.ok, report.lines()[:5]


def test_scale_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="scale"):
        sample.generate(scale=0)


# --- The personas of the handbook's cases (l. 722-912) ---


def test_all_six_personas_exist_with_their_handbook_properties(season: Season) -> None:
    elina, marja, artzi, tauno, kimmo, karima = (season.client[p] for p in PERSONAS)
    assert (elina.municipality, elina.travel) == ("078", "transit")  # no driving licence
    assert {"animals", "nature", "functional", "life_skills"} <= set(elina.interests)
    assert {"young_adults", "women"} <= set(elina.audience)
    assert marja.municipality == "049" and "women" in marja.audience
    assert {"wellbeing", "photography", "peer_women"} <= set(marja.interests)
    assert artzi.municipality == "444" and "men" in artzi.audience
    assert {"art_culture", "peer_men"} <= set(artzi.interests)
    assert tauno.municipality == "224" and "men" in tauno.audience
    assert {"nature", "functional_men", "digital", "small_groups"} <= set(tauno.interests)
    assert kimmo.municipality == "257"
    assert {"young_adults", "men", "nepsy"} <= set(kimmo.audience)
    assert karima.municipality == "049" and karima.needs_accessible
    assert "foreign_language" in karima.audience and "fi" in karima.languages
    assert not set(karima.languages) <= {"fi", "sv"}  # Finnish is not her mother tongue


def test_each_persona_has_several_groups_that_suit_them(season: Season) -> None:
    for code in PERSONAS:
        suitable = sample.suitable_groups(season, code)
        assert len(suitable) >= 3, code
        assert len(season.client[code].wishes) == 3, code
        assert set(season.client[code].wishes) <= set(suitable), code


def test_the_personas_find_the_groups_their_case_describes(season: Season) -> None:
    def themes(code: str) -> set[str]:
        return {season.group[g].theme for g in sample.suitable_groups(season, code)}

    assert {"nature", "functional", "life_skills"} <= themes("P-01")
    assert {"wellbeing", "photography", "peer_women"} <= themes("P-02")
    assert {"art_culture", "peer_men"} <= themes("P-03")
    assert {"nature", "functional_men", "digital"} <= themes("P-04")
    assert {"foreign_language", "language_practice"} <= themes("P-06")
    kimmo = [season.group[g] for g in sample.suitable_groups(season, "P-05")]
    assert any(g.kind == "popup" for g in kimmo)
    assert any(g.mode == "hybrid" and g.theme == "nepsy" for g in kimmo)


def test_tauno_has_a_small_mens_group_and_karima_an_accessible_language_group(
    season: Season,
) -> None:
    tauno = [season.group[g] for g in sample.suitable_groups(season, "P-04")]
    assert any(g.theme == "functional_men" and g.max_size < SMALL_GROUP_BELOW for g in tauno)
    karima = [season.group[g] for g in sample.suitable_groups(season, "P-06")]
    pinned = [g for g in karima if g.theme == "language_practice" and g.venue_id]
    assert pinned and all(season.venue[g.venue_id].accessible for g in pinned)


# --- The county: places, languages, pseudonyms ---


def test_every_municipality_has_a_group_and_a_venue(season: Season) -> None:
    codes = {m.code for m in season.municipalities}
    assert codes == {"049", "078", "149", "224", "235", "257", "444", "710", "755", "927"}
    assert {v.municipality for v in season.venues} == codes
    assert {g.municipality for g in season.groups} == codes


def test_espoo_lohja_and_raasepori_have_the_most_venues(season: Season) -> None:
    per_place = pd.Series([v.municipality for v in season.venues]).value_counts()
    assert set(per_place.index[:3]) == {"049", "444", "710"}


def test_coordinates_lie_inside_the_county(season: Season) -> None:
    points = [(m.lat, m.lon) for m in season.municipalities]
    points += [(v.lat, v.lon) for v in season.venues]
    assert all(59.6 <= lat <= 60.8 and 22.5 <= lon <= 25.0 for lat, lon in points)


def test_about_a_quarter_of_groups_run_in_swedish_where_swedish_is_spoken(season: Season) -> None:
    swedish = [g for g in season.groups if g.language == "sv"]
    assert 0.2 <= len(swedish) / len(season.groups) <= 0.3
    assert {g.municipality for g in swedish} <= set(sample.SWEDISH_SPEAKING)


def test_about_one_client_in_six_speaks_swedish_mostly_in_swedish_speaking_areas(
    season: Season,
) -> None:
    swedish = [c for c in season.clients if "sv" in c.languages]
    # AREA_TABLE's shares give 0.20 on average, give or take 0.02 (binomial) for one seed
    assert 0.15 <= len(swedish) / len(season.clients) <= 0.25
    in_swedish_areas = [c for c in swedish if c.municipality in sample.SWEDISH_SPEAKING]
    assert len(in_swedish_areas) / len(swedish) >= 0.75


def test_client_codes_are_pseudonyms_never_names(season: Season) -> None:
    pseudonym = re.compile(r"C-\d{5}|P-\d{2}")
    assert all(pseudonym.fullmatch(c.client_code) for c in season.clients)
    assert all(check_client_code(c.client_code) == c.client_code for c in season.clients)


# --- Plannable, but not trivially ---


def test_groups_follow_the_handbook_frame(season: Season) -> None:
    for g in season.groups:
        assert session_hours_ok(g.hours), g.group_id
        assert MIN_GROUP_SIZE <= g.min_size <= g.max_size <= MAX_GROUP_SIZE, g.group_id
        assert (g.weeks is None) == (g.kind == "popup"), g.group_id
        assert g.weeks is None or 8 <= g.weeks <= 16, g.group_id
        assert "2027-01-11" <= g.start_date.isoformat() <= "2027-02-01", g.group_id


def test_every_kind_of_group_and_partner_and_mode_appears(season: Season) -> None:
    assert {g.kind for g in season.groups} == set(GROUP_KINDS)
    assert {p.kind for p in season.partners} == set(PARTNER_KINDS)
    assert {g.mode for g in season.groups} == {"in_person", "hybrid", "remote"}
    assert 2.5 in {g.hours for g in season.groups}


def test_pins_can_be_honoured(season: Season) -> None:
    pinned = [g for g in season.groups if g.weekday is not None or g.venue_id or g.leaders]
    assert len(pinned) >= 4
    assert any(g.leaders for g in pinned) and any(g.venue_id for g in pinned)
    for g in pinned:
        days = [g.weekday] if g.weekday is not None else range(5)
        if g.venue_id:
            venue = season.venue[g.venue_id]
            assert venue.municipality == g.municipality, g.group_id
            starts = [g.start] if g.start is not None else range(6 * 60, 20 * 60, 30)
            assert any(venue.is_open(d, s, s + g.minutes) for d in days for s in starts), g.group_id
        if g.leaders:
            first = season.person[g.leaders[0]]
            assert isinstance(first, Staff) and first.qualified, g.group_id
            for person in (season.person[p] for p in g.leaders):
                assert g.language in person.languages, (g.group_id, person.person_id)
                assert any(d in person.days for d in days), (g.group_id, person.person_id)


def test_most_groups_have_enough_eligible_clients(season: Season) -> None:
    eligible = sample.eligible_counts(season)
    enough = [g for g in season.groups if eligible[g.group_id] >= g.min_size]
    assert len(enough) / len(season.groups) >= 0.9


def test_some_groups_are_hard_to_fill(season: Season) -> None:
    eligible = sample.eligible_counts(season)
    tight = [g for g in season.groups if eligible[g.group_id] < 2 * g.min_size]
    assert tight, "a realistic season has groups that may not fill"


def test_each_group_language_has_qualified_staff_working_every_weekday(season: Season) -> None:
    for language in ("fi", "sv"):
        leaders = [s for s in season.staff if s.qualified and language in s.languages]
        assert len([s for s in leaders if len(s.days) >= 3]) >= 4, language
        assert {d for s in leaders for d in s.days} == set(range(5)), language


def test_leader_capacity_comfortably_exceeds_what_full_groups_need(season: Season) -> None:
    capacity = sum(s.max_group_hours for s in season.staff)
    assert capacity >= 1.25 * sample.leader_hours_needed(season)
    assert all(4 <= s.max_group_hours <= 16 for s in season.staff)


def test_wishes_are_groups_the_client_can_join(season: Season) -> None:
    with_wishes = [c for c in season.clients if c.wishes]
    assert len(with_wishes) >= len(season.clients) / 2
    for c in with_wishes:
        assert len(c.wishes) <= 3
        assert set(c.wishes) <= set(sample.suitable_groups(season, c.client_code)), c.client_code


def test_counsellors_are_qualified_staff_who_share_a_language(season: Season) -> None:
    staff = {s.staff_id: s for s in season.staff}
    for c in season.clients:
        counsellor = staff[c.counsellor]
        assert counsellor.qualified, c.client_code
        assert set(counsellor.languages) & set(c.languages), c.client_code


def test_a_few_clients_need_an_accessible_venue(season: Season) -> None:
    share = sum(c.needs_accessible for c in season.clients) / len(season.clients)
    assert 0.04 <= share <= 0.14


# --- Command line ---


def test_the_command_line_writes_a_season_and_says_what(tmp_path: Path, capsys) -> None:
    assert sample.main(["--scale", "1", "--out", str(tmp_path), "--seed", "7"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{t}.csv" for t in sample.TABLES)
    said = capsys.readouterr().out
    assert re.search(r"wrote .*: 10 municipalities, \d+ venues, .*\d+ groups", said)


def test_the_command_line_refuses_a_scale_below_one(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        sample.main(["--scale", "0", "--out", str(tmp_path)])
    assert exit_info.value.code == 2
