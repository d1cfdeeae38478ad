"""Reading a season: the valid toy season in every file format, and one test per kind of
broken input, each asserting the exact line a coordinator reads."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
from pathlib import Path

import openpyxl
import pytest

from planner.io import ImportReport, Problem, read_season, read_season_from_files
from planner.model import Season

DATA = Path(__file__).parent / "data"
TOY = DATA / "toy"
BROKEN = DATA / "broken"
TABLES = ("municipalities", "venues", "staff", "partners", "groups", "clients", "travel_times")

NUMERIC = {
    "lat", "lon", "population", "capacity", "rooms", "max_group_hours", "hours", "min_size",
    "max_size", "weeks", "priority", "max_travel_min", "max_groups", "minutes",
}  # fmt: skip
BOOLEAN = {"accessible", "qualified", "car", "needs_accessible"}


# --- helpers: copies of the toy season with one change ---


def read_rows(folder: Path, table: str) -> list[list[str]]:
    with open(folder / f"{table}.csv", encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def write_rows(folder: Path, table: str, rows: list[list[str]]) -> None:
    with open(folder / f"{table}.csv", "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def toy_copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(TOY, tmp_path / "toy"))


def toy_with(tmp_path: Path, table: str, row: int, column: str, value: str) -> Path:
    """The toy season with one cell changed; `row` as numbered in Excel (header = 1)."""
    folder = toy_copy(tmp_path)
    rows = read_rows(folder, table)
    rows[row - 1][rows[0].index(column)] = value
    write_rows(folder, table, rows)
    return folder


def toy_with_broken(tmp_path: Path, case: str) -> Path:
    """The toy season with the files of `tests/data/broken/<case>/` laid over it."""
    folder = toy_copy(tmp_path)
    for file in (BROKEN / case).iterdir():
        shutil.copy(file, folder / file.name)
    return folder


def errors(report: ImportReport) -> list[str]:
    return [str(p) for p in report.errors]


def warnings(report: ImportReport) -> list[str]:
    return [str(p) for p in report.warnings]


def workbook_bytes(folder: Path, numbers: bool = True) -> bytes:
    """The season as one workbook, with numbers, booleans and dates as Excel cells."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for table in TABLES:
        rows = read_rows(folder, table)
        sheet = book.create_sheet(table)
        sheet.append(rows[0])
        for cells in rows[1:]:
            sheet.append([excel_cell(col, text) if numbers else text for col, text in
                          zip(rows[0], cells, strict=True)])  # fmt: skip
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def excel_cell(column: str, text: str) -> object:
    if not text:
        return None
    if column in NUMERIC:
        return int(text) if text.isdigit() else float(text)
    if column in BOOLEAN:
        return text in ("true", "yes")
    if column == "start_date" and "-" in text:
        return dt.date.fromisoformat(text)
    return text


@pytest.fixture(scope="module")
def toy_season() -> Season:
    report = read_season(TOY)
    assert report.ok, report.lines()
    return report.season


# --- the valid toy season ---


def test_toy_season_loads_without_errors_or_warnings() -> None:
    report = read_season(TOY)
    assert report.ok
    assert report.errors == [] and report.warnings == []
    assert report.season.counts() == {
        "municipalities": 3, "venues": 4, "staff": 3, "partners": 2, "groups": 5, "clients": 6,
    }  # fmt: skip


def test_toy_season_keeps_file_order_codes_and_resolves_names_to_codes(
    toy_season: Season,
) -> None:
    assert [m.code for m in toy_season.municipalities] == ["049", "078", "710"]
    assert [g.group_id for g in toy_season.groups] == ["G-01", "G-02", "G-03", "G-04", "G-05"]
    assert toy_season.venue["V-ESP-2"].municipality == "049"  # "Espoo"
    assert toy_season.venue["V-HAN-1"].municipality == "078"  # "Hangö"
    assert toy_season.client["C-00005"].municipality == "049"  # "Esbo"
    assert toy_season.partners[0].municipalities == ("078", "710")  # "Hanko;710"
    assert toy_season.client["C-00002"].postal_code == "02100"
    assert toy_season.travel_minutes[2] == ("078", "V-RAS-1", "transit", 48.0)


def test_toy_season_cells_become_typed_values(toy_season: Season) -> None:
    g2 = toy_season.group["G-02"]
    assert (g2.hours, g2.weekday, g2.start, g2.leaders) == (2.5, 2, 13 * 60, ("S-01",))
    assert g2.start_date == dt.date(2025, 1, 13)  # written 13.1.2025
    assert toy_season.group["G-04"].weeks is None  # a pop-up group
    assert toy_season.group["G-05"].priority == 1  # empty cell: the default
    assert toy_season.staff[1].days == (0, 1, 2, 3)  # ma-to
    assert toy_season.staff[2].qualified is True and toy_season.staff[2].skills == ()
    assert toy_season.venue["V-HAN-1"].rooms == 1
    assert toy_season.venue["V-ESP-1"].is_open(4, 8 * 60, 16 * 60)
    assert not toy_season.venue["V-ESP-1"].is_open(4, 16 * 60, 17 * 60)
    assert toy_season.client["C-00004"].days == (1, 3)  # ti;to


def test_workbook_of_the_toy_season_loads_to_the_same_season(
    tmp_path: Path, toy_season: Season
) -> None:
    path = tmp_path / "toy.xlsx"
    path.write_bytes(workbook_bytes(TOY))
    report = read_season(path)
    assert report.errors == [] and report.warnings == []
    assert report.season == toy_season


def test_semicolon_csv_with_bom_and_decimal_comma_loads_to_the_same_season(
    tmp_path: Path, toy_season: Season
) -> None:
    folder = tmp_path / "toy"
    folder.mkdir()
    for table in TABLES:
        rows = read_rows(TOY, table)
        numeric = [i for i, c in enumerate(rows[0]) if c in NUMERIC]
        for cells in rows[1:]:
            for i in numeric:
                cells[i] = cells[i].replace(".", ",")
        out = io.StringIO()
        csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
        (folder / f"{table}.csv").write_bytes(out.getvalue().encode("utf-8-sig"))
    assert "60,2055" in (folder / "municipalities.csv").read_text("utf-8-sig")
    report = read_season(folder)
    assert report.errors == [] and report.warnings == []
    assert report.season == toy_season


def test_uploaded_csv_files_and_an_uploaded_workbook_load_to_the_same_season(
    toy_season: Season,
) -> None:
    files = {f"{t}.csv": (TOY / f"{t}.csv").read_bytes() for t in TABLES}
    from_csv = read_season_from_files(files, name="toy")
    from_xlsx = read_season_from_files({"toy.xlsx": workbook_bytes(TOY)})
    assert from_csv.season == toy_season
    assert from_xlsx.season == toy_season


def test_column_names_are_case_insensitive_and_extra_columns_are_one_warning(
    tmp_path: Path, toy_season: Season
) -> None:
    folder = toy_copy(tmp_path)
    rows = read_rows(folder, "groups")
    rows[0] = [" Group_ID ", *rows[0][1:], "notes", "colour"]
    for cells in rows[1:]:
        cells += ["remember the coffee", "green"]
    write_rows(folder, "groups", rows)
    report = read_season(folder)
    assert report.season == toy_season
    assert warnings(report) == [
        "groups.csv: columns notes, colour are not part of the groups table and are ignored"
    ]


def test_fully_empty_rows_are_skipped_but_still_counted_in_row_numbers(tmp_path: Path) -> None:
    folder = toy_copy(tmp_path)
    rows = read_rows(folder, "groups")
    rows.insert(2, [""] * len(rows[0]))  # an empty Excel row 3; G-02 moves to row 4
    rows[3][rows[0].index("max_size")] = "11"
    write_rows(folder, "groups", rows)
    report = read_season(folder)
    assert errors(report) == [
        "groups.csv row 4, column max_size: 11 is over the maximum group size 10 (handbook l. 362)"
    ]


# --- broken inputs: one problem each, asserted as the exact line ---


@pytest.mark.parametrize(
    ("table", "row", "column", "value", "expected"),
    [
        pytest.param(
            "groups",
            2,
            "max_size",
            "12",
            "groups.csv row 2, column max_size: 12 is over the maximum group size 10 "
            "(handbook l. 362)",
            id="max_size_12",
        ),
        pytest.param(
            "groups",
            3,
            "min_size",
            "2",
            "groups.csv row 3, column min_size: 2 is under the minimum group size 3 "
            "(handbook l. 362)",
            id="min_size_2",
        ),
        pytest.param(
            "groups",
            2,
            "hours",
            "5",
            "groups.csv row 2, column hours: 5 hours is over the longest session, 4 hours "
            "(handbook l. 361)",
            id="hours_5",
        ),
        pytest.param(
            "groups",
            2,
            "hours",
            "two",
            'groups.csv row 2, column hours: "two" is not a number',
            id="hours_two",
        ),
        pytest.param(
            "groups",
            2,
            "hours",
            "2.25",
            "groups.csv row 2, column hours: 2.25 hours is not in half hours "
            "(write e.g. 2, 2.5 or 3)",
            id="hours_quarter",
        ),
        pytest.param(
            "groups",
            3,
            "weekday",
            "Sat",
            'groups.csv row 3, column weekday: Saturday ("Sat") is not a working day of the '
            "service (Mon-Fri)",
            id="weekday_saturday",
        ),
        pytest.param(
            "staff",
            3,
            "days",
            "ma-su",
            'staff.csv row 3, column days: Sunday ("ma-su") is not a working day of the '
            "service (Mon-Fri)",
            id="days_range_into_sunday",
        ),
        pytest.param(
            "groups",
            3,
            "start",
            "25:00",
            'groups.csv row 3, column start: "25:00" is not a time of day '
            "(write HH:MM, e.g. 09:30)",
            id="time_25",
        ),
        pytest.param(
            "groups",
            4,
            "start",
            "22:30",
            "groups.csv row 4, column start: a session of 2 hours starting at 22:30 would end "
            "after midnight",
            id="session_past_midnight",
        ),
        pytest.param(
            "groups",
            2,
            "language",
            "en",
            'groups.csv row 2, column language: "en" is not a group language: groups run in '
            "Finnish (fi) or Swedish (sv), without an interpreter (handbook l. 370)",
            id="group_language_en",
        ),
        pytest.param(
            "groups",
            2,
            "kind",
            "workshop",
            'groups.csv row 2, column kind: "workshop" is not a group kind '
            "(one of process, targeted, theme, peer, popup)",
            id="unknown_group_kind",
        ),
        pytest.param(
            "groups",
            5,
            "kind",
            "process",
            "groups.csv row 5, column weeks: weeks is empty, but only pop-up groups may run "
            "without a fixed term (a process group needs one; handbook l. 366)",
            id="process_group_without_weeks",
        ),
        pytest.param(
            "groups",
            2,
            "weeks",
            "60",
            "groups.csv row 2, column weeks: 60 weeks is over the maximum 52 weeks",
            id="weeks_60",
        ),
        pytest.param(
            "groups",
            2,
            "theme",
            "",
            "groups.csv row 2, column theme: theme is required but the cell is empty",
            id="empty_required_cell",
        ),
        pytest.param(
            "groups",
            2,
            "start_date",
            "31.2.2025",
            'groups.csv row 2, column start_date: "31.2.2025" is not a date '
            "(write YYYY-MM-DD or d.m.yyyy)",
            id="impossible_date",
        ),
        pytest.param(
            "clients",
            2,
            "municipality",
            "Helsinki",
            'clients.csv row 2, column municipality: "Helsinki" is not a municipality code or '
            "name in municipalities.csv",
            id="unknown_municipality",
        ),
        pytest.param(
            "staff",
            2,
            "base_venue",
            "V-XXX-9",
            'staff.csv row 2, column base_venue: "V-XXX-9" is not a venue_id in venues.csv',
            id="unknown_base_venue",
        ),
        pytest.param(
            "groups",
            3,
            "venue_id",
            "V-XXX-9",
            'groups.csv row 3, column venue_id: "V-XXX-9" is not a venue_id in venues.csv',
            id="unknown_pinned_venue",
        ),
        pytest.param(
            "clients",
            3,
            "counsellor",
            "S-99",
            'clients.csv row 3, column counsellor: "S-99" is not a staff_id in staff.csv',
            id="unknown_counsellor",
        ),
        pytest.param(
            "clients",
            3,
            "counsellor",
            "P-02",
            'clients.csv row 3, column counsellor: "P-02" is a partner: the counsellor must be '
            "a staff member (a staff_id in staff.csv)",
            id="counsellor_is_a_partner",
        ),
        pytest.param(
            "clients",
            2,
            "wishes",
            "G-03;G-99",
            'clients.csv row 2, column wishes: "G-99" is not a group_id in groups.csv',
            id="wish_to_missing_group",
        ),
        pytest.param(
            "clients",
            2,
            "wishes",
            "G-03;G-04;G-03",
            'clients.csv row 2, column wishes: "G-03" is listed twice: wishes are ranked, '
            "each group once",
            id="wish_listed_twice",
        ),
        pytest.param(
            "groups",
            4,
            "leaders",
            "S-02;P-01;S-03",
            "groups.csv row 4, column leaders: 3 leaders are pinned, a group has at most 2 "
            "(handbook l. 363)",
            id="three_pinned_leaders",
        ),
        pytest.param(
            "groups",
            4,
            "leaders",
            "S-02;P-09",
            'groups.csv row 4, column leaders: "P-09" is not a staff_id in staff.csv or a '
            "partner_id in partners.csv",
            id="unknown_pinned_leader",
        ),
        pytest.param(
            "partners",
            3,
            "partner_id",
            "S-03",
            'partners.csv row 3, column partner_id: "S-03" is also a staff_id '
            "(staff.csv row 4): staff and partner ids must be unique across both tables",
            id="staff_partner_id_clash",
        ),
        pytest.param(
            "venues",
            2,
            "lat",
            "61.5",
            "venues.csv row 2, column lat: lat 61.5, lon 24.8046 is outside Western Uusimaa "
            "(lat 59.6-60.8, lon 22.5-25.0)",
            id="coordinates_outside_county",
        ),
        pytest.param(
            "venues",
            3,
            "capacity",
            "0",
            "venues.csv row 3, column capacity: 0 is under the minimum 1",
            id="capacity_0",
        ),
        pytest.param(
            "venues",
            3,
            "accessible",
            "maybe",
            'venues.csv row 3, column accessible: "maybe" is not true or false '
            "(write true/false, yes/no, 1/0, kyllä/ei or ja/nej)",
            id="boolean_maybe",
        ),
        pytest.param(
            "venues",
            2,
            "open",
            "Mon-Fri 16:00-08:00",
            'venues.csv row 2, column open: "Mon-Fri 16:00-08:00": the closing time must be '
            "after the opening time",
            id="opening_hours_backwards",
        ),
        pytest.param(
            "clients",
            3,
            "postal_code",
            "210",
            'clients.csv row 3, column postal_code: "210" is not a postal code (five digits, '
            "e.g. 02100)",
            id="postal_code_of_three_digits",
        ),
        pytest.param(
            "clients",
            2,
            "max_travel_min",
            "-5",
            "clients.csv row 2, column max_travel_min: -5 minutes is under the minimum 1 minutes",
            id="negative_travel_minutes",
        ),
        pytest.param(
            "staff",
            2,
            "languages",
            "suomi;klingon",
            'staff.csv row 2, column languages: "klingon" is not a language code '
            "(two letters, e.g. fi, sv, en)",
            id="unknown_language",
        ),
        pytest.param(
            "partners",
            2,
            "kind",
            "coach",
            'partners.csv row 2, column kind: "coach" is not a partner kind (one of '
            "sports_instructor, health_professional, ngo_worker, expert_by_experience)",
            id="unknown_partner_kind",
        ),
    ],
)
def test_one_broken_cell_is_one_exact_error_and_nothing_is_imported(
    tmp_path: Path, table: str, row: int, column: str, value: str, expected: str
) -> None:
    report = read_season(toy_with(tmp_path, table, row, column, value))
    assert errors(report) == [expected]
    assert not report.ok and report.season is None


def test_min_size_over_max_size_is_reported_on_min_size(tmp_path: Path) -> None:
    folder = toy_with(tmp_path, "groups", 2, "min_size", "9")
    report = read_season(folder)
    assert errors(report) == [
        "groups.csv row 2, column min_size: min_size 9 is larger than max_size 8"
    ]


def test_municipality_code_of_four_digits_is_an_error(tmp_path: Path) -> None:
    folder = toy_copy(tmp_path)
    rows = read_rows(folder, "municipalities")
    rows.append(["4444", "Lohja", "Lojo", "60.2486", "24.0653", "45000"])
    write_rows(folder, "municipalities", rows)
    assert errors(read_season(folder)) == [
        'municipalities.csv row 5, column code: "4444" is not a three-digit municipality code '
        "(e.g. 049)"
    ]


def test_duplicate_group_id_is_reported_where_it_repeats_and_breaks_the_wishes_to_it(
    tmp_path: Path,
) -> None:
    report = read_season(toy_with(tmp_path, "groups", 3, "group_id", "G-01"))
    assert errors(report) == [
        'groups.csv row 3, column group_id: "G-01" is used twice: group_id must be unique '
        "(first on row 2)",
        'clients.csv row 3, column wishes: "G-02" is not a group_id in groups.csv',
    ]


def test_swapped_coordinates_are_reported_as_swapped(tmp_path: Path) -> None:
    folder = toy_with(tmp_path, "municipalities", 2, "lat", "24.6559")
    rows = read_rows(folder, "municipalities")
    rows[1][rows[0].index("lon")] = "60.2055"
    write_rows(folder, "municipalities", rows)
    assert errors(read_season(folder)) == [
        "municipalities.csv row 2, column lat: lat 24.6559, lon 60.2055: looks like lat and lon "
        "are swapped (Western Uusimaa is lat 59.6-60.8, lon 22.5-25.0)"
    ]


@pytest.mark.parametrize("code", ["131052-308T", "C-131052A308T", "131052u308t"])
def test_client_code_that_is_a_henkilotunnus_is_refused_without_showing_it(
    tmp_path: Path, code: str
) -> None:
    report = read_season(toy_with(tmp_path, "clients", 4, "client_code", code))
    assert errors(report) == [
        "clients.csv row 4, column client_code: looks like a Finnish personal identity code "
        "(henkilötunnus) (value hidden): use a pseudonym such as C-00012, never personal data"
    ]
    problem = report.errors[0]
    assert problem.value == "(value hidden)"
    assert "131052" not in str(problem.as_dict()) and "131052" not in str(report.lines())


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        ("Elina", "holds a common first name"),
        ("Marja Virtanen", "holds a common first name"),
        ("Virtanen, Marja", "holds a common first name"),
        ("Anna-Liisa", "holds a common first name"),
        ("KIMMO", "holds a common first name"),
        ("C-Elina", "holds a common first name"),
        ("marja@example.fi", "holds an e-mail address"),
        ("040-1234567", "holds a phone number"),
        ("131052308T", "looks like a Finnish personal identity code (henkilötunnus)"),
    ],
)
def test_client_code_that_holds_personal_data_is_refused_saying_what_without_showing_it(
    tmp_path: Path, code: str, kind: str
) -> None:
    report = read_season(toy_with(tmp_path, "clients", 2, "client_code", code))
    assert errors(report) == [
        f"clients.csv row 2, column client_code: {kind} (value hidden): use a pseudonym such as "
        "C-00012, never personal data"
    ]
    assert code not in str(report.errors[0].as_dict()) and code not in str(report.lines())


def test_client_code_of_words_only_is_refused_as_a_name_without_showing_it(tmp_path: Path) -> None:
    report = read_season(toy_with(tmp_path, "clients", 2, "client_code", "Virtanen-Korhonen"))
    assert errors(report) == [
        "clients.csv row 2, column client_code: looks like a person's name (value hidden): "
        "use a pseudonym such as C-00012"
    ]


@pytest.mark.parametrize("code", ["P-01", "C-00012", "client_7", "AB12", "C-00042"])
def test_pseudonymous_client_codes_are_accepted(tmp_path: Path, code: str) -> None:
    report = read_season(toy_with(tmp_path, "clients", 2, "client_code", code))
    assert report.ok, report.lines()
    assert report.season.clients[0].client_code == code


def test_missing_required_column_is_one_error_without_per_row_noise(tmp_path: Path) -> None:
    folder = toy_copy(tmp_path)
    rows = read_rows(folder, "groups")
    i = rows[0].index("max_size")
    write_rows(folder, "groups", [r[:i] + r[i + 1 :] for r in rows])
    assert errors(read_season(folder)) == [
        "groups.csv, column max_size: the required column is missing"
    ]


def test_missing_optional_column_takes_its_default(tmp_path: Path) -> None:
    folder = toy_copy(tmp_path)
    rows = read_rows(folder, "venues")
    i = rows[0].index("rooms")
    write_rows(folder, "venues", [r[:i] + r[i + 1 :] for r in rows])
    report = read_season(folder)
    assert report.ok and {v.rooms for v in report.season.venues} == {1}


def test_missing_table_is_one_error_and_references_to_it_are_not_checked(tmp_path: Path) -> None:
    folder = toy_copy(tmp_path)
    (folder / "partners.csv").unlink()
    assert errors(read_season(folder)) == [
        "partners.csv: the file is missing from the season folder"
    ]


def test_missing_optional_travel_times_table_is_fine(tmp_path: Path) -> None:
    folder = toy_copy(tmp_path)
    (folder / "travel_times.csv").unlink()
    report = read_season(folder)
    assert report.ok and report.season.travel_minutes == ()


def test_file_that_is_not_utf8_is_one_error_saying_how_to_save_it(tmp_path: Path) -> None:
    report = read_season(toy_with_broken(tmp_path, "not_utf8"))
    assert errors(report) == ["groups.csv: not UTF-8 text: save as CSV UTF-8 in Excel"]


def test_empty_file_is_one_error(tmp_path: Path) -> None:
    report = read_season(toy_with_broken(tmp_path, "empty"))
    assert errors(report) == ["clients.csv: the file is empty: the first row must name the columns"]


def test_binary_file_is_one_error(tmp_path: Path) -> None:
    report = read_season(toy_with_broken(tmp_path, "garbage"))
    assert errors(report) == ["venues.csv: not a text file: save as CSV UTF-8 in Excel"]


def test_file_with_several_problems_lists_all_of_them_in_row_order(tmp_path: Path) -> None:
    report = read_season(toy_with_broken(tmp_path, "many_problems"))
    assert errors(report) == [
        "groups.csv row 2, column max_size: 12 is over the maximum group size 10 (handbook l. 362)",
        "groups.csv row 3, column hours: 5 hours is over the longest session, 4 hours "
        "(handbook l. 361)",
        'groups.csv row 3, column weekday: Saturday ("Sat") is not a working day of the service '
        "(Mon-Fri)",
        'groups.csv row 3, column start: "25:00" is not a time of day (write HH:MM, e.g. 09:30)',
        'groups.csv row 4, column language: "en" is not a group language: groups run in Finnish '
        "(fi) or Swedish (sv), without an interpreter (handbook l. 370)",
        'groups.csv row 4, column municipality: "Helsinki" is not a municipality code or name in '
        "municipalities.csv",
        "groups.csv row 5, column weeks: weeks is empty, but only pop-up groups may run without a "
        "fixed term (a process group needs one; handbook l. 366)",
        "groups.csv row 6, column min_size: min_size 6 is larger than max_size 5",
    ]
    assert warnings(report) == [
        # G-03 moved from Hanko to "Helsinki", so Hanko has no group left
        "municipalities.csv row 3, column code: no group is planned in Hanko (078)",
        "groups.csv: column notes is not part of the groups table and is ignored",
    ]


def test_row_with_more_cells_than_the_header_is_one_error(tmp_path: Path) -> None:
    folder = toy_copy(tmp_path)
    rows = read_rows(folder, "staff")
    rows[2] += ["oops"]
    write_rows(folder, "staff", rows)
    assert errors(read_season(folder)) == [
        "staff.csv row 3: the row has 11 cells but the header names 10 columns: is a ';' or ',' "
        "inside a value not quoted?"
    ]


def test_truncated_file_reports_the_cut_row(tmp_path: Path) -> None:
    folder = toy_copy(tmp_path)
    text = (folder / "clients.csv").read_text("utf-8")
    (folder / "clients.csv").write_text(text[: text.index("C-00006") + 20], "utf-8")
    assert errors(read_season(folder)) == [
        "clients.csv row 7, column days: days is required but the cell is empty",
        "clients.csv row 7, column travel: travel is required but the cell is empty",
        "clients.csv row 7, column max_travel_min: max_travel_min is required but the cell is "
        "empty",
        "clients.csv row 7, column needs_accessible: needs_accessible is required but the cell is "
        "empty",
        "clients.csv row 7, column counsellor: counsellor is required but the cell is empty",
    ]


def test_decimal_comma_in_a_comma_separated_file_says_to_use_a_point(tmp_path: Path) -> None:
    report = read_season(toy_with(tmp_path, "staff", 3, "max_group_hours", "8,5"))
    assert errors(report) == [
        'staff.csv row 3, column max_group_hours: "8,5" is not a number here: write 8.5 with a '
        "decimal point in a comma-separated file"
    ]


# --- workbooks ---


def test_workbook_problems_name_the_workbook_and_sheet(tmp_path: Path) -> None:
    folder = toy_with(tmp_path, "groups", 2, "max_size", "12")
    path = tmp_path / "season.xlsx"
    path.write_bytes(workbook_bytes(folder))
    assert errors(read_season(path)) == [
        "season.xlsx, sheet groups, row 2, column max_size: 12 is over the maximum group size 10 "
        "(handbook l. 362)"
    ]


def test_workbook_without_a_sheet_is_one_error_naming_the_sheet(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(TOY)))
    book.remove(book["clients"])
    path = tmp_path / "season.xlsx"
    book.save(path)
    assert errors(read_season(path)) == [
        "season.xlsx, sheet clients: the sheet is missing from the workbook"
    ]


def test_municipality_code_that_excel_made_a_number_is_padded_with_one_warning(
    tmp_path: Path, toy_season: Season
) -> None:
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(TOY)))
    book["municipalities"]["A2"] = 49
    book["municipalities"]["A3"] = 78
    book["clients"]["B3"] = 49
    path = tmp_path / "toy.xlsx"
    book.save(path)
    report = read_season(path)
    assert report.season == toy_season
    assert warnings(report) == [
        "toy.xlsx, sheet municipalities, row 2, column code: 49 was read as municipality code "
        "049: Excel dropped the leading zero (format the column as text); 1 more cell in this "
        "column like this",
        "toy.xlsx, sheet clients, row 3, column municipality: 49 was read as municipality code "
        "049: Excel dropped the leading zero (format the column as text)",
    ]


def test_file_that_is_not_a_workbook_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "season.xlsx"
    path.write_bytes(b"this is not a zip file")
    assert errors(read_season(path)) == [
        "season.xlsx: not a readable Excel workbook (.xlsx): save it again in Excel"
    ]


def test_upload_of_a_workbook_together_with_csv_files_is_refused() -> None:
    report = read_season_from_files({"toy.xlsx": b"", "groups.csv": b""})
    assert errors(report) == [
        "groups.csv, toy.xlsx: upload either one .xlsx workbook or the CSV files, not both or "
        "several"
    ]


def test_missing_path_is_one_error() -> None:
    assert errors(read_season("/nonexistent/season")) == [
        "/nonexistent/season: no such folder or file"
    ]


# --- warnings that never block ---


def test_only_venue_of_a_municipality_not_accessible_while_a_client_there_needs_it_warns(
    tmp_path: Path,
) -> None:
    report = read_season(toy_with(tmp_path, "clients", 5, "needs_accessible", "true"))
    assert report.ok
    assert warnings(report) == [
        "venues.csv row 5, column accessible: V-RAS-1 is the only venue in Raasepori and is not "
        "accessible, but 1 client there needs an accessible venue (handbook l. 416)"
    ]


def test_municipality_without_a_group_warns(tmp_path: Path) -> None:
    report = read_season(toy_with(tmp_path, "groups", 5, "municipality", "049"))
    assert report.ok
    assert warnings(report) == [
        "municipalities.csv row 4, column code: no group is planned in Raasepori (710)"
    ]


# --- the Problem type ---


def test_problem_reads_as_a_line_and_as_a_dict() -> None:
    p = Problem("groups.csv", 14, "max_size", "12", "12 is over the maximum group size 10 "
                "(handbook l. 362)", "error")  # fmt: skip
    assert str(p) == (
        "groups.csv row 14, column max_size: 12 is over the maximum group size 10 (handbook l. 362)"
    )
    assert p.as_dict() == {
        "file": "groups.csv", "row": 14, "column": "max_size", "value": "12",
        "message": "12 is over the maximum group size 10 (handbook l. 362)", "severity": "error",
    }  # fmt: skip
    assert str(Problem("partners.csv", None, None, None, "the file is missing", "error")) == (
        "partners.csv: the file is missing"
    )


# --- size (the times are in benchmarks/io_store.py) ---


def test_ten_thousand_clients_are_read_row_for_row(tmp_path: Path) -> None:
    folder = toy_copy(tmp_path)
    rows = read_rows(folder, "clients")
    template = rows[1]
    rows[1:] = [[f"C-{i:05d}", *template[1:]] for i in range(10_000)]
    write_rows(folder, "clients", rows)
    report = read_season(folder)
    assert report.ok, report.errors[:3]
    assert [c.client_code for c in report.season.clients] == [f"C-{i:05d}" for i in range(10_000)]


def test_henkilotunnus_in_any_other_cell_is_refused_without_showing_it(tmp_path: Path) -> None:
    folder = toy_with(tmp_path, "clients", 3, "postal_code", "010190-123A")
    rows = read_rows(folder, "clients")
    rows[0].append("notes")
    for cells in rows[1:]:
        cells.append("")
    rows[2][-1] = "hetu 010190-123A, call Tue"
    write_rows(folder, "clients", rows)
    report = read_season(folder)
    assert errors(report) == [
        "clients.csv row 3, column postal_code: looks like a Finnish personal identity code "
        "(henkilötunnus) (value hidden): personal data does not belong in the season files",
        "clients.csv row 3, column notes: looks like a Finnish personal identity code "
        "(henkilötunnus) (value hidden): personal data does not belong in the season files",
    ]
    assert "123A" not in str([p.as_dict() for p in report.problems])


def test_a_season_invariant_the_checks_missed_is_an_import_error_not_a_traceback(
    sample_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The importer checks everything with file, row and column first; should an invariant of
    `Season` still fail, the import reports it like any other problem and imports nothing."""
    monkeypatch.setattr(
        "planner.model.season_problems", lambda season: ["group G-001: pinned venue V-X unknown"]
    )
    report = read_season(sample_dir)

    assert not report.ok and report.season is None
    assert [p.message for p in report.errors] == [
        "the season's data do not fit together: group G-001: pinned venue V-X unknown"
    ]
    assert report.errors[0].message_in("sv").startswith("säsongens uppgifter går inte ihop")


# --- remote consent (the optional `remote` column) ---


def with_remote_column(folder: Path, values: list[str]) -> Path:
    rows = read_rows(folder, "clients")
    rows[0].append("remote")
    for cells, value in zip(rows[1:], values + [""] * len(rows), strict=False):
        cells.append(value)
    write_rows(folder, "clients", rows)
    return folder


def test_clients_without_a_remote_column_have_not_agreed_and_nothing_warns(
    tmp_path: Path,
) -> None:
    report = read_season(toy_copy(tmp_path))
    assert report.ok and warnings(report) == []
    assert not any(c.remote for c in report.season.clients)


def test_a_remote_column_says_who_agreed_and_a_blank_cell_has_not(tmp_path: Path) -> None:
    report = read_season(with_remote_column(toy_copy(tmp_path), ["yes", "false", ""]))
    assert report.ok, errors(report)
    assert [c.remote for c in report.season.clients][:3] == [True, False, False]
    assert "remote" not in " ".join(warnings(report))


def test_a_remote_value_that_is_not_a_boolean_names_file_row_and_column(tmp_path: Path) -> None:
    report = read_season(with_remote_column(toy_copy(tmp_path), ["true", "maybe"]))
    assert not report.ok and report.season is None
    assert len(report.errors) == 1
    problem = report.errors[0]
    assert (problem.source, problem.row, problem.column) == ("clients.csv", 3, "remote")
    assert str(problem).startswith("clients.csv row 3, column remote: ")


# --- odd values (issue 20 item 8) ---

NOT_AN_ID = (
    "is not an id: an id is 1-40 characters A-Z, a-z, 0-9, '-', '_' or '.', beginning with a "
    "letter or digit (no spaces, no letters such as ä, no look-alike letters of other scripts, "
    "no invisible characters)"
)


@pytest.mark.parametrize(
    ("table", "column", "value", "shown"),
    [
        ("groups", "group_id", "G-0О1", r'"G-0\u041e1"'),  # a Cyrillic О beside G-01
        ("groups", "group_id", "G-01\u200b", r'"G-01\u200b"'),  # a zero-width space
        ("staff", "staff_id", "S-01\r\nOK", r'"S-01\r\nOK"'),
        ("venues", "venue_id", "<b>V-ESP-1</b>", '"<b>V-ESP-1</b>"'),
        ("groups", "leaders", "S-01;S-0\u0430", r'"S-0\u0430"'),  # a Cyrillic а in a list
    ],
)
def test_an_id_outside_the_safe_set_names_file_row_column_and_rule_and_shows_it_escaped(
    tmp_path: Path, table: str, column: str, value: str, shown: str
) -> None:
    report = read_season(toy_with(tmp_path, table, 2, column, value))
    assert not report.ok
    assert f"{table}.csv row 2, column {column}: {shown} {NOT_AN_ID}" in errors(report)
    for line in report.lines():
        assert all(c not in line for c in "\r\n\x1b\u200b"), line


def test_a_value_with_terminal_escapes_and_a_line_break_is_shown_escaped_on_one_line(
    tmp_path: Path,
) -> None:
    value = "process\x1b[2K\rOK: all\nfine"
    report = read_season(toy_with(tmp_path, "groups", 2, "kind", value))
    assert errors(report) == [
        r'groups.csv row 2, column kind: "process\x1b[2K\rOK: all\nfine" is not a group kind '
        "(one of process, targeted, theme, peer, popup)"
    ]
    assert report.errors[0].as_dict()["value"] == r"process\x1b[2K\rOK: all\nfine"


def test_an_extra_column_whose_name_holds_an_escape_code_is_named_escaped(tmp_path: Path) -> None:
    folder = toy_copy(tmp_path)
    rows = read_rows(folder, "venues")
    rows[0].append("notes\x1b[31m")
    for cells in rows[1:]:
        cells.append("")
    write_rows(folder, "venues", rows)
    lines = [str(p) for p in read_season(folder).warnings]
    assert any(r"notes\x1b[31m" in line for line in lines)
    assert not any("\x1b" in line for line in lines)


def test_a_client_who_speaks_neither_finnish_nor_swedish_is_imported_with_a_warning(
    tmp_path: Path,
) -> None:
    report = read_season(toy_with(tmp_path, "clients", 3, "languages", "en;ar"))
    assert report.ok, report.lines()
    assert warnings(report) == [
        "clients.csv row 3, column languages: the client speaks neither Finnish nor Swedish: no "
        "group can take them, as groups have no interpreter (handbook l. 370); imported all "
        "the same"
    ]


def test_a_client_who_speaks_swedish_and_another_language_is_not_warned_about(
    tmp_path: Path,
) -> None:
    report = read_season(toy_with(tmp_path, "clients", 3, "languages", "ar;sv"))
    assert report.ok and report.warnings == []
