"""Cell parsers: what a coordinator may type into one cell, and what each mistake says."""

from __future__ import annotations

import datetime as dt
import string
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.io.fields import (
    ID_MAX,
    FieldError,
    check_client_code,
    first_names,
    hetu_check_char,
    is_safe_id,
    parse_bool,
    parse_choice,
    parse_date,
    parse_days,
    parse_id,
    parse_ids,
    parse_int,
    parse_language,
    parse_languages,
    parse_municipality_code,
    parse_number,
    parse_open,
    parse_postal_code,
    parse_time,
    parse_weekday,
    personal_data_in,
    shown,
    split_list,
)
from planner.io.problems import escaped
from planner.io.tables import cell_text, normalise_column
from planner.model import Interval


def message(fn, *args) -> str:
    with pytest.raises(FieldError) as info:
        fn(*args)
    return info.value.message


# --- weekdays ---


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Mon", (0,)),
        ("mon;wed;fri", (0, 2, 4)),
        ("Mon-Thu", (0, 1, 2, 3)),
        ("ma-pe", (0, 1, 2, 3, 4)),
        ("må-fr", (0, 1, 2, 3, 4)),
        ("ti, to", (1, 3)),
        ("on", (2,)),  # Swedish onsdag
        ("Tuesday;Thursday", (1, 3)),
        ("maanantai - keskiviikko", (0, 1, 2)),
        ("tisdag;fredag", (1, 4)),
        ("Mon–Wed", (0, 1, 2)),  # an en dash, as Word and Excel like to write
        ("Fri;Mon;Fri", (0, 4)),
    ],
)
def test_weekdays_in_english_finnish_and_swedish_with_ranges(
    text: str, days: tuple[int, ...]
) -> None:
    assert parse_days(text) == days


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sat", 'Saturday ("Sat") is not a working day of the service (Mon-Fri)'),
        ("la", 'Saturday ("la") is not a working day of the service (Mon-Fri)'),
        ("sö", 'Sunday ("sö") is not a working day of the service (Mon-Fri)'),
        ("Mon-Sun", 'Sunday ("Mon-Sun") is not a working day of the service (Mon-Fri)'),
        ("Fri-Mon", '"Fri-Mon" runs backwards (write e.g. Mon-Thu)'),
        ("Mo", '"Mo" is not a weekday (write Mon-Fri, ma-pe or må-fr)'),
        (";", '";" names no weekday (write e.g. Mon-Fri)'),
    ],
)
def test_weekend_days_and_unknown_days_are_refused_by_name(text: str, expected: str) -> None:
    assert message(parse_days, text) == expected


def test_a_pinned_weekday_is_exactly_one_day() -> None:
    assert parse_weekday("ke") == 2
    assert message(parse_weekday, "Mon-Tue") == (
        '"Mon-Tue" is more than one weekday: pin a group to one day'
    )


# --- times and opening hours ---


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("09:00", 540), ("9:00", 540), ("9.30", 570), ("13.15", 795), ("00:00", 0), ("10:00:00", 600)],
)
def test_times_as_finns_write_them(text: str, minutes: int) -> None:
    assert parse_time(text) == minutes


@pytest.mark.parametrize("text", ["25:00", "24:00", "9", "9:5", "09:60", "nine", "9:00 am"])
def test_impossible_times_are_refused(text: str) -> None:
    assert message(parse_time, text) == f'"{text}" is not a time of day (write HH:MM, e.g. 09:30)'


def test_opening_hours_with_several_segments() -> None:
    assert parse_open("Mon-Thu 09:00-20:00;Fri 09:00-16:00") == (
        *(Interval(d, 540, 1200) for d in range(4)),
        Interval(4, 540, 960),
    )


def test_opening_hours_day_list_times_only_and_closing_at_midnight() -> None:
    assert parse_open("Mon, Wed 9.00 - 12.00") == (Interval(0, 540, 720), Interval(2, 540, 720))
    assert parse_open("08:00-16:00") == tuple(Interval(d, 480, 960) for d in range(5))
    assert parse_open("pe 18:00-24:00") == (Interval(4, 1080, 1440),)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mon-Fri 16:00-08:00", '"Mon-Fri 16:00-08:00": the closing time must be after the '
         "opening time"),
        ("Mon-Fri", '"Mon-Fri" has no opening time (write e.g. Fri 09:00-16:00)'),
        ("Mon-Fri 9-16", '"Mon-Fri 9-16" is not an opening time (write e.g. Mon-Fri 09:00-16:00)'),
        ("Sat 10:00-14:00", 'Saturday ("Sat") is not a working day of the service (Mon-Fri)'),
        ("Mon 09:00-25:00", '"25:00" is not a time of day (write HH:MM, e.g. 09:30)'),
    ],
)  # fmt: skip
def test_broken_opening_hours_say_what_is_wrong(text: str, expected: str) -> None:
    assert message(parse_open, text) == expected


# --- numbers ---


def test_numbers_with_decimal_point_or_comma() -> None:
    assert parse_number("2.5") == 2.5
    assert parse_number("60,21", decimal_comma=True) == 60.21
    assert parse_number("−3") == -3.0  # a typographic minus sign
    assert parse_number("305 274") == 305274.0


def test_decimal_comma_in_a_comma_separated_file_is_refused_with_the_fix() -> None:
    assert message(parse_number, "2,5", False) == (
        '"2,5" is not a number here: write 2.5 with a decimal point in a comma-separated file'
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("two", '"two" is not a number'),
        ("nan", '"nan" is not a number'),
        ("inf", '"inf" is not a number'),
        ("1e400", '"1e400" is far too large'),
        ("1,2,3", '"1,2,3" is not a number'),
    ],
)
def test_text_and_absurd_numbers_are_refused(text: str, expected: str) -> None:
    assert message(parse_number, text) == expected


def test_whole_numbers() -> None:
    assert parse_int("12") == 12
    assert parse_int("1 000") == 1000
    assert message(parse_int, "3.5") == '"3.5" is not a whole number'
    assert message(parse_int, "9" * 30) == f'"{"9" * 30}" is far too large'
    assert message(parse_int, "9" * 50) == f'"{"9" * 39}…" is far too large'


# --- booleans, languages, choices, lists, dates ---


@pytest.mark.parametrize("text", ["true", "TRUE", "yes", "1", "kyllä", "ja", "x", "TOSI", "SANT"])
def test_true_in_every_way_a_coordinator_writes_it(text: str) -> None:
    assert parse_bool(text) is True


@pytest.mark.parametrize("text", ["false", "No", "0", "ei", "nej", "EPÄTOSI", "FALSKT"])
def test_false_in_every_way_a_coordinator_writes_it(text: str) -> None:
    assert parse_bool(text) is False


@pytest.mark.parametrize(
    ("text", "code"),
    [("fi", "fi"), ("FI", "fi"), ("suomi", "fi"), ("Svenska", "sv"), ("ruotsi", "sv"),
     ("english", "en"), ("ar", "ar")],
)  # fmt: skip
def test_languages_as_codes_or_friendly_names(text: str, code: str) -> None:
    assert parse_language(text) == code


def test_language_lists_keep_order_and_drop_repeats() -> None:
    assert parse_languages("sv; fi; SV") == ("sv", "fi")
    assert message(parse_languages, ";") == '";" names no language (write e.g. fi;sv)'


def test_choices_ignore_case_spaces_and_dashes() -> None:
    options = ("in_person", "hybrid", "remote")
    assert parse_choice("In person", options, "group mode") == "in_person"
    assert parse_choice("Pop-up", ("popup",), "group kind") == "popup"
    assert message(parse_choice, "online", options, "group mode") == (
        '"online" is not a group mode (one of in_person, hybrid, remote)'
    )


def test_lists_split_on_semicolons_and_commas() -> None:
    assert split_list("nature; art ,music;;") == ("nature", "art", "music")


@pytest.mark.parametrize(("text", "day"), [("2025-01-13", dt.date(2025, 1, 13)),
                                           ("13.1.2025", dt.date(2025, 1, 13)),
                                           ("03.02.2025", dt.date(2025, 2, 3))])  # fmt: skip
def test_dates_in_iso_or_finnish_form(text: str, day: dt.date) -> None:
    assert parse_date(text) == day


@pytest.mark.parametrize("text", ["2025-13-01", "31.2.2025", "13/1/2025", "tomorrow"])
def test_impossible_dates_are_refused(text: str) -> None:
    assert message(parse_date, text) == f'"{text}" is not a date (write YYYY-MM-DD or d.m.yyyy)'


# --- codes ---


def test_municipality_codes_keep_or_regain_their_leading_zero() -> None:
    assert parse_municipality_code("049") == ("049", False)
    assert parse_municipality_code("49") == ("049", True)
    assert message(parse_municipality_code, "Espoo") == (
        '"Espoo" is not a three-digit municipality code (e.g. 049)'
    )


def test_postal_codes_are_five_digits_and_a_lost_zero_is_not_guessed() -> None:
    assert parse_postal_code("02100") == "02100"
    assert "did Excel drop the leading zero of 02100?" in message(parse_postal_code, "2100")
    assert (
        message(parse_postal_code, "ABC") == '"ABC" is not a postal code (five digits, e.g. 02100)'
    )


@pytest.mark.parametrize(
    "code",
    ["010190-123A", "311299+9876", "050505A123B", "C-241224Y999X-7", "010190u123a"],
)
def test_any_henkilotunnus_in_a_client_code_is_refused_and_hidden(code: str) -> None:
    with pytest.raises(FieldError) as info:
        check_client_code(code)
    assert info.value.hide_value
    assert "henkilötunnus" in info.value.message and code not in info.value.message


@pytest.mark.parametrize("code", ["C-000001-0001", "C-00012", "P-01", "x9", "K_25"])
def test_pseudonyms_that_only_resemble_a_henkilotunnus_or_name_are_accepted(code: str) -> None:
    assert check_client_code(code) == code


NOT_CLIENT_CODE = (
    "is not a client code (value hidden): use 1-40 letters A-Z, digits, '-', '_' and '.', "
    "beginning with a letter or digit, such as C-00012"
)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("-C1", NOT_CLIENT_CODE),  # begins with '-'
        ("C-" + "0" * 40, NOT_CLIENT_CODE),  # 42 characters
        ("Äiti-1", NOT_CLIENT_CODE),
        ("C-0О1", NOT_CLIENT_CODE),  # a Cyrillic О
        ("C-00\u200b1", NOT_CLIENT_CODE),  # a zero-width space
        ("C-001\x1b[2K", NOT_CLIENT_CODE),  # a terminal escape
        ("<b>C1</b>", NOT_CLIENT_CODE),
    ],
)  # fmt: skip
def test_malformed_client_codes_are_refused_and_still_hidden(code: str, expected: str) -> None:
    with pytest.raises(FieldError) as info:
        check_client_code(code)
    assert info.value.message == expected and info.value.hide_value


# --- reading cells and headers ---


def test_excel_cells_read_as_the_text_a_coordinator_typed() -> None:
    assert cell_text(None) == ""
    assert cell_text(3.0) == "3"
    assert cell_text(60.2055) == "60.2055"
    assert cell_text(True) == "true"
    assert cell_text(dt.datetime(2025, 1, 13)) == "2025-01-13"
    assert cell_text(dt.time(9, 30)) == "09:30"
    assert cell_text(dt.timedelta(hours=13, minutes=15)) == "13:15"
    assert cell_text("  G-01 ") == "G-01"


def test_column_names_are_case_insensitive_and_spaces_are_underscores() -> None:
    assert normalise_column("\ufeff Max Size ") == "max_size"


# --- ids and values shown in messages (issue 20 item 8) ---

SAFE_FIRST = string.ascii_letters + string.digits
SAFE_REST = SAFE_FIRST + "-_."
safe_ids = st.builds(
    lambda first, rest: first + rest,
    st.sampled_from(SAFE_FIRST),
    st.text(st.sampled_from(SAFE_REST), max_size=ID_MAX - 1),
)


@given(safe_ids)
def test_every_id_of_the_safe_set_is_accepted(text: str) -> None:
    assert parse_id(text) == text and is_safe_id(text)


@settings(deadline=None)  # the first example pays for imports on a loaded machine
@given(safe_ids, st.characters(exclude_characters=SAFE_REST), st.data())
def test_an_id_with_any_character_outside_the_safe_set_is_refused(
    text: str, odd: str, data: st.DataObject
) -> None:
    at = data.draw(st.integers(0, len(text)))
    bad = text[:at] + odd + text[at:]
    with pytest.raises(FieldError) as info:
        parse_id(bad)
    value, _, rule = info.value.message.partition(" is not an id: ")
    assert rule.startswith("an id is 1-40 characters")
    shown = value.replace("…", "")  # a long value is cut short with an ellipsis
    assert shown.isascii() and shown.isprintable()  # a look-alike letter shows as its code


def test_an_id_may_not_begin_with_a_separator_nor_be_longer_than_forty() -> None:
    for bad in ("-G1", ".G1", "_G1", "G" * (ID_MAX + 1), ""):
        assert not is_safe_id(bad)
    assert is_safe_id("G" * ID_MAX) and is_safe_id("G-2027-001") and is_safe_id("V-ESP-SP-1")


def test_each_item_of_an_id_list_is_an_id() -> None:
    assert parse_ids("S-01; P-02") == ("S-01", "P-02")
    assert '"S-0\\u0430"' in message(parse_ids, "S-01;S-0\u0430")


INVISIBLE = ("Cc", "Cf", "Zl", "Zp", "Co", "Cs", "Cn")


@given(st.text())
def test_an_escaped_value_holds_no_control_or_invisible_character(text: str) -> None:
    out = escaped(text)
    assert not any(unicodedata.category(c) in INVISIBLE for c in out)
    assert escaped(out) == out  # escaping twice changes nothing more
    assert escaped(text, ascii_only=True).isascii()


@given(st.text(st.characters(exclude_categories=INVISIBLE)))
def test_printable_text_is_shown_as_it_is(text: str) -> None:
    assert escaped(text) == text


def test_escapes_line_breaks_and_invisible_characters_read_as_escapes() -> None:
    assert escaped("OK\x1b[2K\r\nX\tY\u200bZ\u202e") == r"OK\x1b[2K\r\nX\tY\u200bZ\u202e"
    assert escaped("Hanko\u00a0ö") == "Hanko\u00a0ö"  # a no-break space and ö are printable
    assert shown("a\nb") == r'"a\nb"'


# --- client codes: pseudonyms, never personal data (issue 20 item 1) ---


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        ("010190123A", "hetu"),
        ("010190_123A", "hetu"),
        ("010190 123A", "hetu"),
        ("0401234567", "phone"),
        ("040-1234567", "phone"),
        ("+358 40 123 4567", "phone"),
        ("019 123 4567", "phone"),
        ("elina-virtanen", "first_name"),
        ("ELINA_VIRTANEN", "first_name"),
        ("Elina-Virtanen-85", "first_name"),
        ("ElinaVirtanen1985", "first_name"),
        ("C-Måns", "first_name"),
        ("C-YRJO", "first_name"),  # the ASCII form of Yrjö
        ("virtanen.marja@example.fi", "email"),
    ],
)
def test_codes_that_hold_personal_data_are_refused_saying_which_kind(code: str, kind: str) -> None:
    assert personal_data_in(code) == kind
    with pytest.raises(FieldError) as info:
        check_client_code(code)
    assert info.value.hide_value and info.value.text.key == f"client_code_{kind}"
    for lang in ("fi", "sv", "en"):
        assert code not in info.value.text.text(lang)


@pytest.mark.parametrize("code", ["C-00042", "P-01", "K-0123456", "AB12", "C-2027-001", "x9"])
def test_codes_without_personal_data_are_accepted(code: str) -> None:
    assert personal_data_in(code) is None and check_client_code(code) == code


def test_the_first_names_cover_finnish_and_swedish_names_of_three_letters_or_more() -> None:
    names = first_names()
    assert len(names) > 1500
    assert {"elina", "marja", "kimmo", "tauno", "anna", "yrjö", "yrjo", "gunnel"} <= names
    assert all(len(n) >= 3 and n == n.lower() for n in names)


@given(st.integers(0, 99_999))
def test_every_code_of_the_documented_format_is_accepted(n: int) -> None:
    code = f"C-{n:05d}"
    assert check_client_code(code) == code


CENTURY_SIGNS = ("+", "-", "A", "B", "C", "D", "E", "F", "U", "V", "W", "X", "Y", "", "_", " ")
code_ends = st.text(st.sampled_from(string.ascii_letters + "-_."), max_size=6)


@st.composite
def identity_codes(draw: st.DrawFn) -> str:
    day = draw(st.dates(dt.date(1900, 1, 1), dt.date(2029, 12, 31)))
    date = day.strftime("%d%m%y")
    individual = f"{draw(st.integers(2, 899)):03d}"
    sign = draw(st.sampled_from(CENTURY_SIGNS))
    check = hetu_check_char(date, individual)
    return date + sign + individual + draw(st.sampled_from([check, check.lower()]))


@st.composite
def phone_numbers(draw: st.DrawFn) -> str:
    prefix = draw(st.sampled_from(["040", "041", "044", "045", "046", "050", "+35840", "0035850"]))
    rest = draw(st.text(st.sampled_from(string.digits), min_size=5, max_size=7))
    sep = draw(st.sampled_from(["", " ", "-"]))
    if draw(st.booleans()):  # a landline: the area code, then always a separator
        prefix, sep = (
            draw(st.sampled_from(["09", "019", "02", "013"])),
            draw(st.sampled_from([" ", "-", "/"])),
        )
    return prefix + sep + rest


@given(code_ends, identity_codes(), code_ends)
def test_every_code_embedding_an_identity_code_is_refused(
    before: str, identity: str, after: str
) -> None:
    code = before + identity + after
    with pytest.raises(FieldError) as info:
        check_client_code(code)
    assert info.value.hide_value and info.value.text.key in (
        "client_code_hetu",
        "client_code_phone",  # 0401234567 is both 4 Jan 2023 and a mobile number
    )


@given(code_ends, phone_numbers(), code_ends)
def test_every_code_embedding_a_phone_number_is_refused(
    before: str, phone: str, after: str
) -> None:
    code = before + phone + after
    with pytest.raises(FieldError) as info:
        check_client_code(code)
    assert info.value.hide_value and info.value.text.key in (
        "client_code_phone",
        "client_code_hetu",
    )
