"""A client entered by hand is checked as the import checks a row of the clients table: the
same problems with the same messages, the code a pseudonym never shown back, and a client
that passes makes a valid season."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.i18n import LANGUAGES
from planner.io import read_season, read_season_from_files
from planner.io.client_entry import (
    COLUMNS,
    changed_fields,
    check_client,
    client_cells,
    with_client,
)
from planner.io.problems import HIDDEN
from planner.model import Season

SAMPLE = Path(__file__).resolve().parents[1] / "data"
NEW_CODE = "C-90001"
REFERENCE_PARAMS = {"table", "staff", "partners", "venues", "municipalities"}
"""Parameters that name the file a reference points into: `staff.csv` in an import, the
table `staff` for an entered client."""


@pytest.fixture(scope="module")
def season() -> Season:
    report = read_season(SAMPLE)
    assert report.ok
    return report.season


@pytest.fixture(scope="module")
def cells(season: Season) -> dict[str, str]:
    """A new client's cells that pass: the first sample client under a new code."""
    return {**client_cells(season.clients[0]), "client_code": NEW_CODE}


def import_problems(column: str, text: str) -> list:
    """What the import says about the new client's row with `column` set to `text`."""
    files = {p.name: p.read_bytes() for p in SAMPLE.glob("*.csv")}
    lines = files["clients.csv"].decode("utf-8").splitlines()
    header = lines[0].split(",")
    first = dict(zip(header, lines[1].split(","), strict=True))
    row = {**first, "client_code": NEW_CODE, column: text}
    lines.append(",".join(row[h] for h in header))
    files["clients.csv"] = ("\n".join(lines) + "\n").encode("utf-8")
    report = read_season_from_files(files)
    return [p for p in report.errors if p.source == "clients.csv" and p.row == len(lines)]


def said(problems) -> list[tuple]:
    """Column, text key and parameters of each problem, less the file names."""
    return [
        (
            p.column,
            p.text.key,
            {k: v for k, v in p.text.params if k not in REFERENCE_PARAMS},
        )
        for p in problems
    ]


@pytest.mark.parametrize(
    ("column", "text"),
    [
        ("municipality", "Nowhere"),
        ("counsellor", "S-999"),
        ("counsellor", "partner"),
        ("days", "Sat"),
        ("days", "Thu-Mon"),
        ("travel", "bike"),
        ("max_travel_min", "500"),
        ("languages", "x"),
        ("wishes", "G-999"),
        ("postal_code", "210"),
        ("needs_accessible", "maybe"),
    ],
)
def test_a_bad_cell_gets_the_imports_own_problem(season, cells, column, text):
    if text == "partner":
        text = season.partners[0].partner_id
    check = check_client(season, {**cells, column: text})
    assert check.client is None and not check.ok
    assert said(check.problems) == said(import_problems(column, text))
    assert all(p.column == column and p.row is None for p in check.problems)


def test_the_unknown_counsellor_and_municipality_read_as_the_import_says_them(season, cells):
    check = check_client(season, {**cells, "counsellor": "S-999", "municipality": "Nowhere"})
    lines = {p.column: p.line("en") for p in check.problems}
    assert lines["counsellor"] == 'clients, column counsellor: "S-999" is not a staff_id in staff'
    assert lines["municipality"].startswith('clients, column municipality: "Nowhere" is not a')
    partner = season.partners[0].partner_id
    [problem] = check_client(season, {**cells, "counsellor": partner}).problems
    assert "kumppani" in problem.message_in("fi") and "partner" in problem.message_in("sv")


@pytest.mark.parametrize(
    ("code", "key"),
    [
        ("Elina", "client_code_first_name"),
        ("Anna-Liisa", "client_code_first_name"),
        ("Matti Meikäläinen", "client_code_first_name"),
        ("Virtanen-Korhonen", "client_code_name"),  # no first name, but words only
        ("131052-308T", "client_code_hetu"),
        ("C-131052-308T", "client_code_hetu"),
        ("131052308T", "client_code_hetu"),
        ("040-1234567", "client_code_phone"),
        ("m.virtanen@example.fi", "client_code_email"),
    ],
)
def test_a_name_identity_code_phone_or_e_mail_is_refused_and_never_shown_back(
    season, cells, code, key
):
    check = check_client(season, {**cells, "client_code": code})
    [problem] = check.problems
    assert (problem.column, problem.value, problem.text.key) == ("client_code", HIDDEN, key)
    for lang in LANGUAGES:
        assert code not in problem.line(lang)
    assert said(check.problems) == said(import_problems("client_code", code))


def test_an_identity_code_in_another_cell_is_refused_without_its_value(season, cells):
    [problem] = check_client(season, {**cells, "wishes": "131052-308T"}).problems
    assert (problem.column, problem.value) == ("wishes", HIDDEN)
    assert "131052" not in problem.line("en")


def test_a_code_the_season_has_is_refused_without_showing_it(season, cells):
    taken = season.clients[3].client_code
    [problem] = check_client(season, {**cells, "client_code": taken}).problems
    assert (problem.column, problem.value, problem.text.key) == (
        "client_code",
        HIDDEN,
        "client_code_taken",
    )
    assert all(taken not in problem.line(lang) for lang in LANGUAGES)


def test_a_new_client_that_passes_makes_a_valid_season(season, cells):
    check = check_client(season, {**cells, "municipality": "Esbo", "days": "ma-ke"})
    assert check.ok and check.client is not None
    assert (check.client.municipality, check.client.days) == ("049", (0, 1, 2))
    grown = with_client(season, check.client)
    assert grown.clients[-1] == check.client and len(grown.clients) == len(season.clients) + 1


def test_a_missing_required_cell_is_named_as_the_import_names_it(season, cells):
    check = check_client(season, {k: v for k, v in cells.items() if k != "days"})
    assert said(check.problems) == said(import_problems("days", ""))


def test_an_extra_column_is_a_warning_that_does_not_block(season, cells):
    check = check_client(season, {**cells, "name": "x"})
    assert check.ok and [w.text.key for w in check.warnings] == ["extra_column"]


def test_an_edit_keeps_every_cell_not_given_and_the_code(season):
    client = season.clients[0]
    check = check_client(season, {"days": "Fri", "max_groups": "2"}, editing=client.client_code)
    assert check.ok and check.client is not None
    assert (check.client.days, check.client.max_groups) == ((4,), 2)
    assert changed_fields(client, check.client) == ("days", "max_groups")
    [problem] = check_client(season, {"client_code": NEW_CODE}, editing=client.client_code).problems
    assert (problem.column, problem.text.key) == ("client_code", "client_code_changed")
    [problem] = check_client(season, {"days": "Fri"}, editing=NEW_CODE).problems
    assert problem.text.key == "client_unknown" and NEW_CODE not in problem.line("en")


def test_every_stored_client_reads_back_as_itself(season):
    for client in season.clients:
        check = check_client(season, client_cells(client), editing=client.client_code)
        assert check.client == client, client.client_code


CELL_TEXT = st.one_of(
    st.text(max_size=24),
    st.sampled_from(
        ["", "049", "Espoo", "Mon;Wed", "ma-pe", "transit", "45", "yes", "no", "S-001", "fi;sv"]
    ),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    typed=st.dictionaries(st.sampled_from([*COLUMNS, "extra"]), CELL_TEXT),
    editing=st.booleans(),
)
def test_any_cells_give_a_client_or_problems_and_never_raise(season, cells, typed, editing):
    """Random cell texts over a valid client: never an exception; either a client that
    makes a valid season, or problems that each name a column."""
    start = {k: v for k, v in cells.items() if not (editing and k == "client_code")}
    check = check_client(
        season,
        {**start, **typed},
        editing=season.clients[0].client_code if editing else None,
    )
    if check.client is None:
        assert check.problems and all(p.severity == "error" for p in check.problems)
    else:
        assert not check.problems
        with_client(season, check.client)  # raises SeasonError when invalid


def test_a_postal_code_that_lost_its_zero_is_padded_with_the_imports_warning(season, cells):
    check = check_client(season, {**cells, "postal_code": "2100"})
    assert check.ok and check.client.postal_code == "02100"
    assert [(p.column, p.text.key) for p in check.warnings] == [
        ("postal_code", "padded_postal_code")
    ]
