"""Every text is in the one catalogue in Finnish, Swedish and English, and pages take them
from t()."""

from __future__ import annotations

import ast
import string
from pathlib import Path
from types import SimpleNamespace

import pytest

from planner.i18n import (
    CATALOGUE,
    LANGUAGES,
    NAMESPACES,
    STRINGS,
    _merge,
    audience_label,
    has,
    t,
    theme_label,
    weekday_name,
    weekday_names,
)
from planner.model import Municipality
from planner.ui.common import PAGE_FILES

REPO = Path(__file__).resolve().parents[1]
UI_SOURCES = sorted([REPO / "app.py", *(REPO / "planner" / "ui").glob("*.py")])
PAGE_SCRIPTS = [REPO / "app.py", *(REPO / path for path in PAGE_FILES.values())]
"""The files Streamlit runs as scripts (the others are imported)."""

# Streamlit calls that put their text arguments on screen, and the keywords that do so.
DISPLAY_CALLS = {
    "title",
    "header",
    "subheader",
    "caption",
    "markdown",
    "write",
    "text",
    "code",
    "latex",
    "info",
    "warning",
    "error",
    "success",
    "exception",
    "toast",
    "metric",
    "button",
    "download_button",
    "link_button",
    "page_link",
    "form_submit_button",
    "radio",
    "selectbox",
    "multiselect",
    "segmented_control",
    "pills",
    "checkbox",
    "toggle",
    "slider",
    "select_slider",
    "text_input",
    "text_area",
    "number_input",
    "date_input",
    "time_input",
    "file_uploader",
    "expander",
    "tabs",
    "popover",
    "status",
    "spinner",
    "Page",
    "navigation",
    "set_page_config",
    "dialog",
    "help",
}
TEXT_KEYWORDS = {"label", "body", "help", "placeholder", "title", "page_title", "text", "value"}


def _placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def _is_literal_text(node: ast.expr) -> bool:
    """A string literal (or literal part of an f-string) that holds words."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return any(ch.isalpha() for ch in node.value)
    if isinstance(node, ast.JoinedStr):
        return any(_is_literal_text(part) for part in node.values)
    if isinstance(node, ast.List | ast.Tuple):
        return any(_is_literal_text(item) for item in node.elts)
    return False


def hard_coded_texts(source: str) -> list[tuple[int, str]]:
    """(line, call) for every display call given a literal text instead of a t() lookup."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr not in DISPLAY_CALLS:
            continue
        texts = [*node.args, *(k.value for k in node.keywords if k.arg in TEXT_KEYWORDS)]
        if any(_is_literal_text(arg) for arg in texts):
            found.append((node.lineno, node.func.attr))
    return found


def test_every_key_reads_in_every_language_with_the_same_placeholders():
    """The one completeness test: every catalogue key has a non-empty text in each language,
    and every language fills in the same placeholders."""
    assert set(LANGUAGES) == {"fi", "sv", "en"}
    wrong = {}
    for key, texts in CATALOGUE.items():
        if set(texts) != set(LANGUAGES) or not all(texts[lang].strip() for lang in LANGUAGES):
            wrong[key] = "missing or empty"
        elif len({frozenset(_placeholders(texts[lang])) for lang in LANGUAGES}) != 1:
            wrong[key] = {lang: sorted(_placeholders(text)) for lang, text in texts.items()}
    assert wrong == {}


def test_every_key_is_namespaced_and_written_once():
    prefixes = {
        "finder": "finder.",
        "calendar": "calendar.",
        "solver": "solver.",
        "insight": "insight.",
        "routing": "routing.",
        "io": "io.",
    }
    for module in NAMESPACES:
        short = module.__name__.rsplit(".", 1)[-1]
        if short in prefixes:
            assert all(key.startswith(prefixes[short]) for key in module.TEXTS), short
    assert sum(len(module.TEXTS) for module in NAMESPACES) == len(CATALOGUE)
    assert STRINGS is CATALOGUE


def test_the_catalogue_refuses_a_key_written_twice():
    one = SimpleNamespace(__name__="a", TEXTS={"x.y": {"fi": "a", "sv": "a", "en": "a"}})
    with pytest.raises(ValueError, match=r"x\.y"):
        _merge([one, one])


def test_weekdays_themes_and_audiences_come_from_the_catalogue_in_every_language():
    assert weekday_names("fi") == ("maanantai", "tiistai", "keskiviikko", "torstai", "perjantai")
    assert weekday_name(2, "sv") == "onsdag"
    assert weekday_name(4, "en", form="short") == "Fri"
    assert weekday_name(0, "fi", form="weekly") == "maanantaisin"
    assert theme_label("art_culture", "sv") == "konst och kultur"
    assert theme_label("new_theme", "fi") == "new theme"
    assert audience_label("young_adults", "fi") == "nuoret aikuiset"
    assert has("weekday.mon") and not has("weekday.sat")


LANG_KEYS = {"fi", "sv", "en"}
ALLOWED = {REPO / "planner" / "rules.py"}
"""The rules catalogue names its rules in fi/sv/en by design."""


def language_dicts(source: str) -> list[int]:
    """Lines of dict literals (or dict(...) calls) keyed by two or more of fi, sv and en."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Dict):
            keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
        elif isinstance(node, ast.Call) and getattr(node.func, "id", None) == "dict":
            keys = {k.arg for k in node.keywords}
        else:
            continue
        if len(keys & LANG_KEYS) >= 2:
            found.append(node.lineno)
    return found


def test_the_language_dict_check_finds_literals_and_dict_calls():
    source = 'A = {"fi": "a", "sv": "b"}\nB = dict(fi="a", en="b")\nC = {"fi": 1}\n'
    assert language_dicts(source) == [1, 2]


def test_no_translation_is_written_outside_the_catalogue():
    """No fi/sv/en dict outside planner/i18n/ (and the rules catalogue)."""
    sources = sorted((REPO / "planner").rglob("*.py"))
    found = [
        f"{path.relative_to(REPO)}:{line}"
        for path in sources
        if "i18n" not in path.relative_to(REPO).parts and path not in ALLOWED
        for line in language_dicts(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_t_fills_in_placeholders_in_the_chosen_language():
    assert t("import.errors", "sv", n=3) == "Fel (3)"
    assert t("import.errors", "en", n=3) == "Errors (3)"


def test_t_falls_back_to_finnish_for_an_unknown_language():
    assert t("overview.title", "de") == t("overview.title", "fi")


def test_municipality_names_follow_the_language():
    espoo = Municipality("049", "Espoo", "Esbo", 60.205, 24.655)
    assert (espoo.name("fi"), espoo.name("sv"), espoo.name("en")) == ("Espoo", "Esbo", "Espoo")


def test_the_hard_coded_text_check_catches_literals_and_allows_lookups():
    source = (
        "st.title('Overview')\n"
        "st.sidebar.button(f'Import {n}')\n"
        "col.metric(label='Groups', value=3)\n"
        "st.title(t('overview.title', lang))\n"
        "st.page_link(PAGES['import'], label=t('nav.import', lang), icon=':material/map:')\n"
    )
    assert hard_coded_texts(source) == [(1, "title"), (2, "button"), (3, "metric")]


@pytest.mark.parametrize("path", UI_SOURCES, ids=lambda p: p.name)
def test_pages_show_no_text_that_bypasses_the_translations(path):
    assert hard_coded_texts(path.read_text(encoding="utf-8")) == []


def bare_strings(source: str) -> list[int]:
    """Lines of string expressions that are not docstrings: Streamlit's magic would show them."""
    found = []
    for node in ast.walk(ast.parse(source)):
        body = getattr(node, "body", None)
        if not isinstance(body, list):
            continue
        docstring_allowed = isinstance(
            node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef
        )
        for index, statement in enumerate(body):
            if (
                isinstance(statement, ast.Expr)
                and isinstance(statement.value, ast.Constant | ast.JoinedStr)
                and not (docstring_allowed and index == 0)
            ):
                found.append(statement.lineno)
    return found


def test_the_bare_string_check_allows_docstrings_only():
    source = '"""Module."""\nX = 1\n"""About X."""\ndef f():\n    """Doc."""\n    "shown"\n'
    assert bare_strings(source) == [3, 6]


@pytest.mark.parametrize("path", PAGE_SCRIPTS, ids=lambda p: p.name)
def test_pages_show_no_stray_strings_through_streamlit_magic(path):
    assert bare_strings(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("path", UI_SOURCES, ids=lambda p: p.name)
def test_pages_only_look_up_keys_that_exist(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    keys = {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "t"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    }
    assert keys - set(CATALOGUE) == set()


def test_a_finnish_or_swedish_solver_reason_names_its_weekdays_in_that_language():
    from planner.solve.reason import Reason

    days = Reason("G1", "no_leader_on_days", {"language": "sv", "days": [0, 2]})
    assert "maanantai tai keskiviikko" in days.text("fi")
    assert "måndag eller onsdag" in days.text("sv")
    assert "Monday or Wednesday" in days.text("en")
    when = Reason("G1", "search_stopped", {"when": {"day": 1, "at": "10:00 V-1"}})
    assert "(ti 10:00 V-1)" in when.text("fi")
    assert "(tis 10:00 V-1)" in when.text("sv")
    assert "(Tue 10:00 V-1)" in when.text("en")
    for lang in ("fi", "sv"):
        assert not {"Monday", "Wednesday", "Tue"} & set(
            days.text(lang).split() + when.text(lang).split()
        )


def test_an_import_problem_reads_in_the_page_language_and_stays_english_for_the_cli():
    from planner.io.problems import Problem, msg
    from planner.ui.import_page import problem_table

    problem = Problem(
        "groups.csv", 4, "max_size", "11", msg("group_size_over", n=11, max=10, rule="size")
    )
    assert str(problem) == (
        "groups.csv row 4, column max_size: 11 is over the maximum group size 10 (handbook l. 362)"
    )
    assert problem.line("sv") == (
        "groups.csv rad 4, kolumn max_size: 11 är över den största gruppstorleken 10 "
        "(handboken r. 362)"
    )
    assert problem.message_in("fi") == "11 ylittää suurimman ryhmäkoon 10 (käsikirja r. 362)"
    table = problem_table([problem], "sv")
    assert list(table.iloc[0]) == ["groups.csv", 4, "max_size", "11", problem.message_in("sv")]
    hidden = Problem("clients.csv", 2, "client_code", "(value hidden)", msg("client_code_name"))
    assert "(värdet dolt)" in hidden.message_in("sv")


IO_SOURCES = sorted((REPO / "planner" / "io").glob("*.py"))
PROBLEM_CALLS = {"error", "warning", "Problem", "FieldError", "fail"}


def _call_name(node: ast.Call) -> str:
    return getattr(node.func, "attr", None) or getattr(node.func, "id", "")


def _message_arg(node: ast.Call) -> ast.expr | None:
    """The text argument of a call that makes an import problem."""
    name, args = _call_name(node), node.args
    if name in ("FieldError", "fail"):
        return args[0] if args else None
    if name == "Problem" or (name in ("error", "warning") and len(args) == 5):
        return args[4] if len(args) > 4 else None
    if name in ("error", "warning") and len(args) == 2:  # TableSet.error(source, message)
        return args[1]
    return None


def typed_problem_texts(source: str) -> list[int]:
    """Lines where an import problem is given a typed text instead of a `msg(...)`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and _call_name(node) in PROBLEM_CALLS:
            arg = _message_arg(node)
            if arg is not None and _is_literal_text(arg):
                found.append(node.lineno)
    return found


def test_the_typed_problem_check_catches_literals_and_allows_messages():
    source = (
        "problems.error(src, 1, 'x', None, 'the cell is bad')\n"
        "raise FieldError(f'{v} is bad')\n"
        "tables.error('groups.csv', 'the file is bad')\n"
        "problems.error(src, 1, 'x', None, msg('cell_empty', column='x'))\n"
    )
    assert typed_problem_texts(source) == [1, 2, 3]


@pytest.mark.parametrize("path", IO_SOURCES, ids=lambda p: p.name)
def test_import_problems_take_their_texts_from_the_catalogue(path):
    source = path.read_text(encoding="utf-8")
    assert typed_problem_texts(source) == []
    keys = {
        node.args[0].value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and _call_name(node) == "msg"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    }
    assert {key for key in keys if not has(f"io.{key}")} == set()


def test_a_solver_reason_names_pinned_fields_in_its_language():
    from planner.solve.reason import Reason

    reason = Reason("G1", "pins_conflict", {"pins": ["weekday", "leader S-1"], "rules": []})
    assert "(veckodag, ledare S-1)" in reason.text("sv")
    assert "(viikonpäivä, ohjaaja S-1)" in reason.text("fi")
    assert reason.text("en").startswith("its pinned weekday, leader S-1 cannot be kept")


def test_every_solver_reason_renders_in_every_language():
    from planner.solve.reason import Reason

    params = {
        "hours": 2.5,
        "min": 3,
        "max": 12,
        "n": 2,
        "need": 5,
        "language": "sv",
        "days": [1, 3],
        "municipality": {"fi": "Raasepori", "sv": "Raseborg", "en": "Raasepori"},
        "rules": ["size", "max_groups@plan"],
        "pins": ["weekday"],
        "when": {"day": 1, "at": "10:00"},
        "minutes": 30,
        "mode": "transit",
        "groups": ["G1", "G2"],
    }
    keys = [k.removeprefix("solver.") for k in CATALOGUE if k.startswith("solver.")]
    reasons = [k for k in keys if not k.startswith(("language.", "mode.", "pin."))]
    for key in reasons:
        for lang in LANGUAGES:
            text = Reason("G1", key, params).text(lang)
            assert text and "{" not in text and "}" not in text, (key, lang)
