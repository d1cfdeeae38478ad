"""What the import found wrong: one `Problem` per mistake, all of them in one `ImportReport`.

A problem's text is a `Message`: a key of the catalogue's `io.*` texts and its parameters, so
the import page shows it in the page's language (`Problem.message_in(lang)`, `line(lang)`)
while `message` and `str()` stay English for the command line. A parameter `rule` names a
catalogue rule and `lines` handbook lines: either fills the text's `{source}` in the same
language. Parameters hold only what the coordinator typed in non-personal cells (shown
through `fields.shown`), never a hidden value.

Every value that reaches a message goes through `escaped`: a control character, a terminal
escape code, a line break or an invisible format character (zero-width space, a bidi
override) is shown as a visible escape (`\x1b`, `\n`, `\u200b`), so a cell can neither draw
over the lines around it nor hide what it holds.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any, Literal

from planner import i18n, rules
from planner.model import Season

Severity = Literal["error", "warning"]

HIDDEN = "(value hidden)"

_INVISIBLE = frozenset({"Cc", "Cf", "Zl", "Zp", "Co", "Cs", "Cn"})
"""Unicode categories shown escaped: controls (ESC, CR, LF, TAB, DEL), format characters
(zero-width, bidi), line and paragraph separators, private use, surrogates, unassigned."""
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def escaped(text: str, *, ascii_only: bool = False) -> str:
    """`text` with every invisible or controlling character written as a visible escape
    ("OK\\x1b[2K" for ESC, "\\n" for a line break): the one way a value enters a message.
    Printable text (letters of any script, no-break spaces) is kept as it is, and escaping
    twice changes nothing more. `ascii_only` escapes every character outside printable
    ASCII too, for an id that must be ASCII (a Cyrillic "О" reads "\\u041e")."""

    def hidden(char: str) -> bool:
        if ascii_only and not " " <= char <= "~":
            return True
        return unicodedata.category(char) in _INVISIBLE

    if not any(hidden(c) for c in text):
        return text
    return "".join(_escape(c) if hidden(c) else c for c in text)


@dataclass(frozen=True, slots=True)
class Message:
    """An import problem's text: a key of the catalogue's `io.*` texts and its parameters."""

    key: str
    params: tuple[tuple[str, Any], ...] = ()

    def text(self, lang: str = "en") -> str:
        values = {
            k: v.text(lang) if isinstance(v, Message) else escaped(v) if isinstance(v, str) else v
            for k, v in self.params
        }
        if "rule" in values:
            values["source"] = rules.RULES[values.pop("rule")].source(lang)
        if "lines" in values:
            values["source"] = rules.handbook_source(values.pop("lines"), lang)
        return i18n.t(f"io.{self.key}", i18n.known_language(lang, "en"), **values)

    def __str__(self) -> str:
        return self.text("en")


def msg(key: str, **params: Any) -> Message:
    """The import text `io.<key>` with its parameters."""
    return Message(key, tuple(params.items()))


@dataclass(frozen=True, slots=True)
class Problem:
    """One mistake or remark, placed where the coordinator sees it in Excel.

    `row` is the spreadsheet row (header = 1, first data row = 2); `row` and `column` are
    None for problems with a whole file or table.
    """

    source: str  # "groups.csv" or "season.xlsx, sheet groups"
    row: int | None
    column: str | None
    value: str | None
    message: str  # English; given a `Message`, the problem keeps it in `text`
    severity: Severity = "error"
    text: Message | None = None

    def __post_init__(self) -> None:
        if isinstance(self.message, Message):
            object.__setattr__(self, "text", self.message)
            object.__setattr__(self, "message", str(self.message))

    def message_in(self, lang: str) -> str:
        """The problem's text in `lang` (English when it has no catalogue text)."""
        return self.text.text(lang) if self.text is not None else self.message

    def line(self, lang: str = "en") -> str:
        """Where and what in `lang`: "groups.csv rad 4, kolumn max_size: ..."."""
        lang = i18n.known_language(lang, "en")
        where = escaped(self.source)
        if self.row is not None:
            # "season.xlsx, sheet groups, row 3" reads better than "... sheet groups row 3"
            row = i18n.t("io.where.row", lang, row=self.row)
            where += f"{', ' if ',' in self.source else ' '}{row}"
        if self.column:
            where += ", " + i18n.t("io.where.column", lang, column=escaped(self.column))
        return f"{where}: {self.message_in(lang)}"

    def __str__(self) -> str:
        return self.line("en")

    def as_dict(self) -> dict[str, str | int | None]:
        return {
            "file": self.source,
            "row": self.row,
            "column": self.column,
            "value": None if self.value is None else escaped(self.value),
            "message": self.message,
            "severity": self.severity,
        }


@dataclass(frozen=True)
class ImportReport:
    """The outcome of reading a season: the Season when nothing was wrong, and every problem."""

    season: Season | None
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and self.season is not None

    @property
    def problems(self) -> list[Problem]:
        """Errors first, then warnings."""
        return [*self.errors, *self.warnings]

    def lines(self, lang: str = "en") -> list[str]:
        """Every problem as one readable line, prefixed with its severity."""
        return [f"{p.severity}: {p.line(lang)}" for p in self.problems]


class ProblemLog:
    """Collects problems while reading; the import never stops at the first one.

    Problems with a row are listed up to `limits.MAX_LISTED` per file and kind; the rest are
    counted, and `unlisted()` says how many, so a wrong file of a hundred thousand bad rows
    costs no more memory than a season."""

    def __init__(self) -> None:
        from planner.io import limits  # limits' messages are built from this module

        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []
        self._listed: dict[tuple[str, Severity], int] = {}
        self._unlisted: dict[tuple[str, Severity], int] = {}
        self._cap = limits.MAX_LISTED

    def _add(self, problem: Problem) -> None:
        if problem.row is not None:
            where = (problem.source, problem.severity)
            listed = self._listed.get(where, 0)
            if listed >= self._cap:
                self._unlisted[where] = self._unlisted.get(where, 0) + 1
                return
            self._listed[where] = listed + 1
        (self.errors if problem.severity == "error" else self.warnings).append(problem)

    def error(
        self,
        source: str,
        row: int | None,
        column: str | None,
        value: str | None,
        message: str | Message,
    ) -> None:
        self._add(Problem(source, row, column, value, message, "error"))

    def warning(
        self,
        source: str,
        row: int | None,
        column: str | None,
        value: str | None,
        message: str | Message,
    ) -> None:
        self._add(Problem(source, row, column, value, message, "warning"))

    def extend(self, problems: list[Problem]) -> None:
        for p in problems:
            self._add(p)

    def unlisted(self) -> list[Problem]:
        """One problem per file and kind that had more than could be listed: how many more."""
        return [
            Problem(source, None, None, None, msg(f"unlisted_{severity}s", n=f"{n:,}"), severity)
            for (source, severity), n in self._unlisted.items()
        ]
