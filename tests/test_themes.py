"""Theme names: the optional `themes` table read (CSV folder, uploaded files and workbook) and
checked in fi and sv, kept in the store and its backups, and shown by the season's own name
wherever a theme reads to people (Find a group's filter and cards, the finder's reasons, a
calendar's events); a code no one names still reads as words."""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
import sqlalchemy as sa
from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar
from streamlit.testing.v1 import AppTest

from planner import i18n
from planner.baseline import greedy_plan
from planner.calendar import CalendarOptions, export_group, export_offering
from planner.calendar.export import OfferingFilter
from planner.finder import find_groups, profile_from_client
from planner.i18n import code_words, theme_label
from planner.insight.offering import group_table
from planner.io import read_season, read_season_from_files
from planner.io.limits import MAX_NAME_CHARS
from planner.model import Season, SeasonError, Theme
from planner.store import Enrolments, Store
from planner.store.backup import backup, new_backup_key, restore
from planner.store.engine import scratch_schema
from planner.store.schema import SeasonRow, ThemeRow
from planner.ui.offering import card_lines

TOY = Path(__file__).parent / "data" / "toy"
SAMPLE = Path(__file__).parent.parent / "data"
REPO = Path(__file__).resolve().parents[1]
HEADER = ["theme", "name_fi", "name_sv", "name_en"]
KEY = new_backup_key()
THEMES = [
    ["nature", "Luontoretket", "Naturutflykter", "Nature outings"],
    ["Outdoors", "Ulkoilu", "Friluftsliv", "Outdoor life"],  # the code's case does not matter
    ["knitting", "Neulonta", "Stickning", "Knitting"],  # listed, no group uses it: fine
]


def season_folder(tmp_path: Path, rows: list[list[str]], header: list[str] = HEADER) -> Path:
    folder = Path(shutil.copytree(TOY, tmp_path / "toy"))
    with open(folder / "themes.csv", "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows([header, *rows])
    return folder


def workbook(folder: Path) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for file in sorted(folder.glob("*.csv")):
        sheet = book.create_sheet(file.stem)
        with open(file, encoding="utf-8", newline="") as f:
            for cells in csv.reader(f):
                sheet.append(cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def only_error(folder: Path) -> tuple[str, str, str]:
    """The one error, in English, Finnish and Swedish, with its file, row and column."""
    report = read_season(folder)
    assert report.season is None, "nothing may be imported"
    assert len(report.errors) == 1, [str(p) for p in report.errors]
    problem = report.errors[0]
    return problem.line("en"), problem.line("fi"), problem.line("sv")


@pytest.fixture
def season(tmp_path: Path) -> Season:
    report = read_season(season_folder(tmp_path, THEMES))
    assert report.ok, report.lines()
    assert report.warnings == []
    return report.season


# --- import ---


def test_the_table_is_read_with_codes_as_the_groups_write_them(season: Season) -> None:
    assert [t.theme for t in season.themes] == ["nature", "outdoors", "knitting"]
    nature = Theme("nature", "Luontoretket", "Naturutflykter", "Nature outings")
    assert season.theme["nature"] == nature
    assert "outdoors" in {g.theme for g in season.groups}
    assert [season.theme_label("outdoors", lang) for lang in ("fi", "sv", "en")] == [
        "Ulkoilu",
        "Friluftsliv",
        "Outdoor life",
    ]


def test_a_season_without_the_table_reads_themes_from_the_catalogue() -> None:
    report = read_season(TOY)
    assert report.ok and report.season.themes == () and report.season.theme == {}
    season = report.season
    assert season.theme_label("nature", "sv") == "natur"
    assert season.theme_label("peer support", "fi") == "peer support"  # not in the catalogue


def test_a_code_not_in_the_table_falls_back_to_the_catalogue(season: Season) -> None:
    assert season.theme_label("photography", "fi") == "valokuvaus"
    assert season.theme_label("digital skills", "en") == "digital skills"


def test_uploaded_csv_files_may_include_the_table(tmp_path: Path) -> None:
    folder = season_folder(tmp_path, THEMES)
    report = read_season_from_files({p.name: p.read_bytes() for p in folder.glob("*.csv")})
    assert report.ok, report.lines()
    assert report.warnings == []  # before, themes.csv was "not a season table; ignored"
    assert report.season.theme_label("nature", "sv") == "Naturutflykter"


def test_a_workbook_sheet_named_themes_is_read(tmp_path: Path) -> None:
    report = read_season_from_files({"season.xlsx": workbook(season_folder(tmp_path, THEMES))})
    assert report.ok, report.lines()
    assert report.season.theme["knitting"].name_sv == "Stickning"


def test_a_workbook_without_the_sheet_has_no_themes(tmp_path: Path) -> None:
    folder = Path(shutil.copytree(TOY, tmp_path / "toy"))
    report = read_season_from_files({"season.xlsx": workbook(folder)})
    assert report.ok, report.lines()
    assert report.season.themes == ()


def test_a_theme_twice_is_an_error_on_its_second_row_whatever_its_case(tmp_path: Path) -> None:
    rows = [*THEMES, ["NATURE", "Luonto", "Natur", "Nature"]]
    en, fi, sv = only_error(season_folder(tmp_path, rows))
    assert en == (
        'themes.csv row 5, column theme: "nature" is used twice: theme must be unique '
        "(first on row 2)"
    )
    assert fi.startswith('themes.csv rivi 5, sarake theme: "nature" on käytössä kahdesti')
    assert sv.startswith('themes.csv rad 5, kolumn theme: "nature" används två gånger')


@pytest.mark.parametrize("column", ["name_fi", "name_sv", "name_en"])
def test_an_empty_name_is_an_error(tmp_path: Path, column: str) -> None:
    rows = [list(r) for r in THEMES]
    rows[1][HEADER.index(column)] = ""
    en, fi, sv = only_error(season_folder(tmp_path, rows))
    assert en == f"themes.csv row 3, column {column}: {column} is required but the cell is empty"
    assert fi == f"themes.csv rivi 3, sarake {column}: {column} on pakollinen, mutta solu on tyhjä"
    assert sv == f"themes.csv rad 3, kolumn {column}: {column} är obligatorisk men cellen är tom"


def test_an_empty_code_is_an_error(tmp_path: Path) -> None:
    rows = [*THEMES, ["", "Jotain", "Något", "Something"]]
    en, fi, sv = only_error(season_folder(tmp_path, rows))
    assert en == "themes.csv row 5, column theme: theme is required but the cell is empty"
    assert fi.startswith("themes.csv rivi 5, sarake theme: ")
    assert sv.startswith("themes.csv rad 5, kolumn theme: ")


def test_a_name_longer_than_a_list_holds_is_an_error(tmp_path: Path) -> None:
    long = "Luonto" * 21  # 126 characters
    rows = [[*THEMES[0][:2], long, THEMES[0][3]], *THEMES[1:]]
    en, fi, sv = only_error(season_folder(tmp_path, rows))
    assert en == (
        f"themes.csv row 2, column name_sv: the name has 126 characters, at most "
        f"{MAX_NAME_CHARS} fit in a list and a calendar"
    )
    assert fi == (
        f"themes.csv rivi 2, sarake name_sv: nimessä on 126 merkkiä, enintään "
        f"{MAX_NAME_CHARS} mahtuu luetteloon ja kalenteriin"
    )
    assert sv == (
        f"themes.csv rad 2, kolumn name_sv: namnet har 126 tecken, högst "
        f"{MAX_NAME_CHARS} ryms i en lista och en kalender"
    )


def test_a_name_as_long_as_a_list_holds_is_read(tmp_path: Path) -> None:
    rows = [[*THEMES[0][:3], "n" * MAX_NAME_CHARS], *THEMES[1:]]
    report = read_season(season_folder(tmp_path, rows))
    assert report.ok, report.lines()


def test_a_missing_name_column_is_an_error_and_nothing_is_imported(tmp_path: Path) -> None:
    rows = [r[:3] for r in THEMES]
    en, fi, sv = only_error(season_folder(tmp_path, rows, HEADER[:3]))
    assert en == "themes.csv, column name_en: the required column is missing"
    assert fi.startswith("themes.csv, sarake name_en: ")
    assert sv.startswith("themes.csv, kolumn name_en: ")


def test_an_error_in_the_sheet_names_the_workbook_and_sheet(tmp_path: Path) -> None:
    rows = [*THEMES, ["nature", "Luonto", "Natur", "Nature"]]
    data = workbook(season_folder(tmp_path, rows))
    report = read_season_from_files({"season.xlsx": data})
    assert report.season is None
    assert [p.line("sv") for p in report.errors] == [
        'season.xlsx, sheet themes, rad 5, kolumn theme: "nature" används två gånger: theme '
        "måste vara unikt (först på rad 2)"
    ]


def test_a_season_built_in_code_refuses_a_theme_twice() -> None:
    base = read_season(TOY).season
    twice = (Theme("nature", "a", "b", "c"), Theme("nature", "d", "e", "f"))
    with pytest.raises(SeasonError, match="themes nature: the id is used twice"):
        replace(base, themes=twice)


# --- a code no one names ---


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("art_culture", "konst och kultur"),  # the catalogue's
        ("bird_watching", "bird watching"),
        ("bird-watching", "bird watching"),
        ("BirdWatching", "Bird Watching"),
        ("  bird__-watching ", "bird watching"),
        ("peer support", "peer support"),
        ("___", "namnlöst tema"),
        ("", "namnlöst tema"),
    ],
)
def test_an_unknown_code_reads_as_words(code: str, words: str) -> None:
    assert theme_label(code, "sv") == words


def test_a_code_reads_as_words_in_the_three_languages() -> None:
    assert [theme_label("-", lang) for lang in ("fi", "sv", "en")] == [
        "nimetön teema",
        "namnlöst tema",
        "unnamed theme",
    ]


@given(code=st.text(max_size=40), lang=st.sampled_from(sorted(i18n.LANGUAGES)))
def test_any_theme_code_reads_as_words_without_underscores(code: str, lang: str) -> None:
    words = theme_label(code, lang)
    assert words and words == words.strip() and "_" not in words
    assert "  " not in words
    assert code_words(code) == "" or "_" not in code_words(code)


# --- the store ---


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'planner.sqlite3'}"
        return
    with scratch_schema(request.getfixturevalue("pg_url"), "test_themes") as url:
        yield url


def test_the_store_keeps_the_themes_with_the_season(db_url: str, season: Season) -> None:
    with Store.open(db_url) as store:
        season_id = store.import_season(season, "toy")
        loaded = store.load_season(season_id)
        without = store.import_season(replace(season, themes=()), "toy", name="no themes")
        assert store.load_season(without).themes == ()
    assert loaded.themes == season.themes
    assert loaded.theme_label("outdoors", "sv") == "Friluftsliv"


def test_the_themes_go_with_their_season(db_url: str, season: Season) -> None:
    with Store.open(db_url) as store:
        season_id = store.import_season(season, "toy")
        with store.engine.begin() as conn:
            counted = sa.select(sa.func.count()).select_from(ThemeRow)
            assert conn.scalar(counted) == len(season.themes)
            conn.execute(sa.delete(SeasonRow).where(SeasonRow.id == season_id))
            assert conn.scalar(counted) == 0


def test_a_backup_restores_the_themes(db_url: str, season: Season, tmp_path: Path) -> None:
    source = f"sqlite:///{tmp_path / 'source.sqlite3'}"
    with Store.open(source) as store:
        store.import_season(season, "toy")
        made = backup(store, tmp_path / "backup.zip", key=KEY)
    assert made.rows["themes"] == len(season.themes)
    with Store.open(db_url) as store:
        restore(store, tmp_path / "backup.zip", key=KEY)
        assert store.load_season().themes == season.themes


# --- where themes read to people ---

LANGUAGE_PRACTICE = Theme(
    "language_practice", "Kielikahvila Kaffe", "Språkcafé Kaffe", "Language café Kaffe"
)
NAMED = (LANGUAGE_PRACTICE, Theme("nature", "Metsäretket", "Skogsutflykter", "Forest walks"))


@pytest.fixture(scope="module")
def named_sample() -> tuple[Season, object]:
    report = read_season(SAMPLE)
    assert report.ok, report.lines()
    season = replace(report.season, themes=NAMED)
    return season, greedy_plan(season)


def test_an_exported_event_names_the_theme_by_the_season_table(named_sample) -> None:
    season, plan = named_sample
    placement = next(p for p in plan.placements if season.group[p.group_id].theme == "nature")
    for lang, words in (("fi", "Teema: Metsäretket"), ("sv", "Tema: Skogsutflykter")):
        ics = export_group(season, plan, placement.group_id, CalendarOptions(lang=lang))
        event = next(iter(Calendar.from_ical(ics).walk("VEVENT")))
        assert words in str(event["DESCRIPTION"])
    ics = export_offering(
        season, plan, CalendarOptions(lang="sv"), OfferingFilter(themes=("nature",))
    )
    calendar = Calendar.from_ical(ics)
    assert "Skogsutflykter" in str(calendar["X-WR-CALNAME"])
    assert all("Tema: Skogsutflykter" in str(e["DESCRIPTION"]) for e in calendar.walk("VEVENT"))


def test_the_finder_and_its_card_say_the_season_name(named_sample) -> None:
    season, plan = named_sample
    client = next(c for c in season.clients if "nature" in c.interests)
    matches = find_groups(season, plan, profile_from_client(client), lang="sv")
    nature = next(m for m in matches if m.theme == "nature")
    assert any("Skogsutflykter" in reason for reason in nature.reasons)
    assert "Tema: Skogsutflykter" in card_lines(nature, "car", "sv", season.theme)["kind"]
    assert "Tema: natur" in card_lines(nature, "car", "sv")["kind"]  # without the names


def test_the_plan_group_table_names_the_theme(named_sample) -> None:
    season, plan = named_sample
    table = group_table(season, plan, "en")
    assert "Forest walks" in set(table["theme"])
    assert "nature" not in set(table["theme"])


# --- Find a group, in the app ---


@pytest.fixture
def named_store(named_sample, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    season, plan = named_sample
    url = f"sqlite:///{tmp_path / 'planner.sqlite3'}"
    with Store.open(url) as store:
        store.import_season(season, "sample")
        store.save_plan(plan, {"status": "FEASIBLE"}, actor="test")
        Enrolments(store).publish(actor="test")
    monkeypatch.setenv("PLANNER_DB_URL", url)
    return url


def open_find_page(lang: str) -> AppTest:
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60).run()
    if lang != "fi":
        at.segmented_control(key="lang").set_value(lang).run()
    at.switch_page("planner/ui/find_page.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize(("lang", "words"), [("fi", "Teema"), ("sv", "Tema")])
def test_find_a_group_shows_the_season_theme_names(named_store: str, lang: str, words: str) -> None:
    at = open_find_page(lang)
    at.selectbox(key="find_client").set_value("P-06").run()
    assert not at.exception, [e.value for e in at.exception]
    name = LANGUAGE_PRACTICE.name(lang)
    captions = " ".join(c.value for c in at.main.caption)
    assert f"{words}: {name}" in captions
    assert i18n.theme_label("language_practice", lang) not in captions

    at.segmented_control(key="find_mode").set_value("describe").run()
    assert not at.exception, [e.value for e in at.exception]
    options = at.multiselect(key=f"find_interests_{lang}").options
    assert name in options and NAMED[1].name(lang) in options
    assert "language_practice" not in options and "nature" not in options
