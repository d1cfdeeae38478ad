"""The Streamlit app, driven headless with AppTest: overview, language switch and import."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from planner.cli.common import sample_data_dir
from planner.i18n import t
from planner.io import read_season
from planner.model import Season
from planner.store import Store
from planner.ui.maps import county_map

REPO = Path(__file__).resolve().parents[1]
APP = str(REPO / "app.py")
IMPORT_PAGE = "planner/ui/import_page.py"
TIMEOUT_S = 60


@pytest.fixture(scope="module")
def sample_season() -> Season:
    report = read_season(sample_data_dir())
    assert report.ok, report.errors[:3]
    return report.season


@pytest.fixture
def demo_url(demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """PLANNER_DB_URL pointing at this test's own copy of the demo store."""
    path = tmp_path / "planner.sqlite3"
    shutil.copy(demo_db, path)
    url = f"sqlite:///{path}"
    monkeypatch.setenv("PLANNER_DB_URL", url)
    return url


def run_app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def open_import_page() -> AppTest:
    at = run_app()
    at.switch_page(IMPORT_PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def season_files(folder: Path) -> list[tuple[str, bytes, str]]:
    return [(p.name, p.read_bytes(), "text/csv") for p in sorted(folder.glob("*.csv"))]


def seasons_in(url: str) -> list[dict]:
    with Store.open(url) as store:
        return store.list_seasons()


def test_overview_shows_the_sample_season_counts(demo_url, sample_season):
    at = run_app()

    assert at.title[0].value == t("overview.title", "fi")
    metrics = {m.label: m.value for m in at.metric}
    for key, count in sample_season.counts().items():
        assert metrics[t(f"count.{key}", "fi")] == str(count)


def test_overview_table_has_a_row_per_municipality_with_its_figures(demo_url, sample_season):
    table = run_app().dataframe[0].value

    assert len(table) == len(sample_season.municipalities)
    assert list(table.columns[:2]) == [t("col.municipality", "fi"), t("count.groups", "fi")]
    assert table[t("count.groups", "fi")].sum() == len(sample_season.groups)
    assert table[t("count.clients", "fi")].sum() == len(sample_season.clients)
    assert set(table[t("col.municipality", "fi")]) == {
        m.name_fi for m in sample_season.municipalities
    }


def test_overview_draws_the_county_map(demo_url):
    at = run_app()

    assert at.get("deck_gl_json_chart"), "no pydeck map on the overview"


def test_the_county_map_marks_every_venue_and_municipality_centre_in_view(sample_season):
    deck = county_map(sample_season, "sv")
    centres, venues, labels = (layer.data for layer in deck.layers)

    assert len(centres) == len(sample_season.municipalities)
    assert len(venues) == len(sample_season.venues)
    assert {label["name"] for label in labels} == {m.name_sv for m in sample_season.municipalities}
    view = deck.initial_view_state
    lons = [p["position"][0] for p in [*centres, *venues]]
    lats = [p["position"][1] for p in [*centres, *venues]]
    assert min(lons) < view.longitude < max(lons) and min(lats) < view.latitude < max(lats)
    assert 7 <= view.zoom <= 10  # the whole county, from Hanko to Karkkila


def test_switching_to_swedish_translates_title_headers_and_municipality_names(
    demo_url, sample_season
):
    at = run_app()
    at.segmented_control(key="lang").set_value("sv").run()

    assert at.title[0].value == "Översikt över säsongen"
    assert at.subheader[0].value == t("overview.by_municipality", "sv")
    table = at.dataframe[0].value
    assert t("col.municipality", "sv") in table.columns
    assert t("col.groups_sv", "sv") in table.columns
    assert set(table[t("col.municipality", "sv")]) == {
        m.name_sv for m in sample_season.municipalities
    }
    assert {m.label for m in at.metric} >= {"Grupper", "Klienter"}


def test_switching_to_english_translates_the_title_and_keeps_the_choice(demo_url):
    at = run_app()
    at.segmented_control(key="lang").set_value("en").run()
    assert at.title[0].value == "Season overview"

    at.switch_page(IMPORT_PAGE).run()
    assert at.title[0].value == t("import.title", "en")


def test_a_link_with_lang_opens_the_app_in_that_language_and_the_switch_still_works(
    demo_url,
):
    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S)
    at.query_params["lang"] = "sv"
    at.run()
    assert at.title[0].value == t("overview.title", "sv")
    at.segmented_control(key="lang").set_value("en").run()
    assert at.title[0].value == t("overview.title", "en")  # the link no longer overrides
    at.query_params["lang"] = "klingon"
    at.run()
    assert at.title[0].value == t("overview.title", "en")


def test_overview_of_an_empty_store_tells_the_user_to_import_or_run_the_demo(
    sqlite_url, monkeypatch
):
    monkeypatch.setenv("PLANNER_DB_URL", sqlite_url)
    at = run_app()

    assert at.info[0].value == t("overview.empty", "fi")
    assert "planner demo" in at.info[0].value
    assert not at.metric


def test_a_broken_upload_shows_every_error_and_imports_nothing(demo_url, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(sample_data_dir(), broken)
    groups = (broken / "groups.csv").read_text(encoding="utf-8").splitlines()
    header = groups[0].split(",")
    first = groups[1].split(",")
    first[header.index("max_size")] = "12"  # over the handbook's 10 (l. 362)
    groups[1] = ",".join(first)
    (broken / "groups.csv").write_text("\n".join(groups) + "\n", encoding="utf-8")
    before = seasons_in(demo_url)

    at = open_import_page()
    assert at.main.markdown[0].value == t("import.intro", "fi")  # nothing shown above it
    at.file_uploader(key="import_files").set_value(season_files(broken)).run()

    errors = at.dataframe[0].value
    assert list(errors.columns) == [
        t(key, "fi") for key in ("col.file", "col.row", "col.column", "col.value", "col.problem")
    ]
    assert ("groups.csv", 2, "max_size", "12") in {
        tuple(row[:4]) for row in errors.itertuples(index=False)
    }
    assert at.button(key="import_button").disabled
    assert at.error[0].value == t("import.invalid", "fi", n=len(errors))
    assert seasons_in(demo_url) == before


def test_valid_sample_files_import_as_a_new_draft_beside_the_live_season(demo_url, sample_season):
    before = seasons_in(demo_url)

    at = open_import_page()
    at.file_uploader(key="import_files").set_value(season_files(sample_data_dir())).run()
    assert not at.button(key="import_button").disabled
    at.button(key="import_button").click().run()
    assert not at.exception, [e.value for e in at.exception]

    after = seasons_in(demo_url)
    assert len(after) == len(before) + 1
    newest = after[0]
    assert newest["state"] == "draft" and newest["counts"] == sample_season.counts()
    assert [s["state"] for s in after[1:]] == [s["state"] for s in before]  # the live one stays
    assert newest["imported_by"] == "single-user"  # the demo mode names itself in the audit trail
    assert str(newest["id"]) in at.success[0].value
    keys = [b.key for b in at.button]
    assert "import_button" not in keys, "a second import of the same files is offered"
    assert at.sidebar.selectbox(key="season_picker").value == newest["id"]  # the new draft


def test_a_valid_workbook_imports_like_the_csv_files(demo_url, sample_season, tmp_path):
    workbook = tmp_path / "season.xlsx"
    with pd.ExcelWriter(workbook) as writer:
        for csv in sorted(sample_data_dir().glob("*.csv")):
            pd.read_csv(csv, dtype=str, keep_default_na=False).to_excel(
                writer, sheet_name=csv.stem, index=False
            )
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    at = open_import_page()
    at.file_uploader(key="import_files").set_value(("season.xlsx", workbook.read_bytes(), xlsx))
    at.run()
    at.button(key="import_button").click().run()

    assert seasons_in(demo_url)[0]["counts"] == sample_season.counts()


def test_csv_files_and_a_workbook_together_are_refused(demo_url):
    at = open_import_page()
    at.file_uploader(key="import_files").set_value(
        [("groups.csv", b"group_id\n", "text/csv"), ("season.xlsx", b"PK", "application/zip")]
    ).run()

    assert at.error[0].value == t("import.mixed", "fi")
    assert "import_button" not in [b.key for b in at.button]


def test_a_zip_bomb_workbook_is_refused_on_the_page_in_its_language(demo_url):
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as book:
        book.writestr("[Content_Types].xml", "<Types/>")
        with book.open("xl/sharedStrings.xml", "w") as part:
            for _ in range(64):
                part.write(b"a" * 2**20)  # 64 MB packed into about 64 kB
    before = seasons_in(demo_url)
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    at = open_import_page()
    at.file_uploader(key="import_files").set_value(("season.xlsx", out.getvalue(), xlsx)).run()

    assert not at.exception, [e.value for e in at.exception]
    [row] = at.dataframe[0].value.itertuples(index=False)
    assert row[0] == "season.xlsx"
    assert row[4].startswith('työkirjan osa "xl/sharedStrings.xml" purkautuu 64 Mt:ksi')
    assert at.button(key="import_button").disabled
    assert seasons_in(demo_url) == before


def test_an_import_error_on_the_swedish_page_is_in_swedish(demo_url, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(sample_data_dir(), broken)
    groups = (broken / "groups.csv").read_text(encoding="utf-8").splitlines()
    header = groups[0].split(",")
    first = groups[1].split(",")
    first[header.index("max_size")] = "12"
    groups[1] = ",".join(first)
    (broken / "groups.csv").write_text("\n".join(groups) + "\n", encoding="utf-8")

    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S)
    at.query_params["lang"] = "sv"
    at.run()
    at.switch_page(IMPORT_PAGE).run()
    at.file_uploader(key="import_files").set_value(season_files(broken)).run()

    errors = at.dataframe[0].value
    row = next(
        r for r in errors.itertuples(index=False) if tuple(r[:3]) == ("groups.csv", 2, "max_size")
    )
    assert row[4] == "12 är över den största gruppstorleken 10 (handboken r. 362)"


def test_the_import_page_switches_the_live_season_after_a_preview(tmp_path, monkeypatch):
    from toys import replan, toy_plan, toy_season

    from planner.store import Enrolments

    url = f"sqlite:///{tmp_path / 'seasons.sqlite3'}"
    with Store.open(url) as store:
        autumn = store.import_season(toy_season("published"), source="toy", name="Syksy")
        store.save_plan(toy_plan(), {"status": "OPTIMAL"})
        Enrolments(store).publish()
        spring = store.import_season(toy_season("published"), source="toy", name="Kevät")
        store.save_plan(replan(), {"status": "OPTIMAL"}, season_id=spring)
    monkeypatch.setenv("PLANNER_DB_URL", url)

    at = open_import_page()
    assert at.sidebar.selectbox(key="season_picker").value == spring  # the newest draft
    assert "Kevät (nro 2, luonnos)" in at.sidebar.selectbox(key="season_picker").options
    at.button(key=f"switch_{spring}").click().run()
    preview = " ".join(m.value for m in at.markdown)
    assert t("seasons.preview.opening", "fi", n=3, plan_id=2) in preview
    assert "4 avointa ryhmää" in preview
    assert [s["state"] for s in seasons_in(url)] == ["draft", "published"]  # not yet

    at.button(key="switch_confirm").click().run()

    assert not at.exception, [e.value for e in at.exception]
    assert [s["state"] for s in seasons_in(url)] == ["published", "archived"]
    assert t("seasons.switched", "fi", season="Kevät") in [s.value for s in at.success]
    with Store.open(url) as store:
        assert store.live_season_id() == spring and autumn != spring


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_uploaders_own_words_are_in_the_pages_language(demo_url, lang):
    from planner.ui.import_page import uploader_words

    at = run_app()
    at.segmented_control(key="lang").set_value(lang).run()
    at.switch_page(IMPORT_PAGE).run()
    styles = [h.proto.body for h in at.get("html")]
    assert uploader_words(lang) in styles
    limit = t("import.upload_limit", lang, mb="").split(" • ")[0]
    assert all(word in uploader_words(lang) for word in limit.split())


def test_uploader_words_are_quoted_for_css():
    from planner.ui.import_page import _css_text

    assert _css_text('a "b" \\ c') == '"a \\"b\\" \\\\ c"'
