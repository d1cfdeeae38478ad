"""Cell parsers: one spreadsheet cell of text in, one typed value out, or a `FieldError`.

Every parser takes the stripped, non-empty text of one cell. Messages are written for a
coordinator reading them next to the file: they show the value as typed and say what is
expected. Values that may be personal data are never echoed (`hide_value`).
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
import unicodedata
from collections.abc import Sequence
from importlib import resources

from planner.i18n import LANGUAGES, weekday_names
from planner.io.problems import Message, escaped, msg
from planner.model import Interval

MAX_SHOWN = 40


class FieldError(ValueError):
    """A cell that cannot be used, with the message the coordinator reads (`text`, in any
    language; `message` in English)."""

    def __init__(self, message: str | Message, *, hide_value: bool = False) -> None:
        super().__init__(str(message))
        self.message = str(message)
        self.text = message
        self.hide_value = hide_value


def shown(text: str, *, ascii_only: bool = False) -> str:
    """The value as it appears inside a message: escaped (`problems.escaped`: control
    characters, terminal escapes and line breaks made visible; with `ascii_only` everything
    outside printable ASCII), quoted and cut short when very long."""
    text = escaped(text, ascii_only=ascii_only)
    if len(text) > MAX_SHOWN:
        text = text[: MAX_SHOWN - 1] + "…"
    return f'"{text}"'


def number_text(x: float) -> str:
    """2.0 -> "2", 2.5 -> "2.5": numbers as a person writes them."""
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


# --- Numbers ---

_SPACES = re.compile(r"(?<=\d)[ \u00a0\u202f](?=\d)")  # "1 234" with (thin/no-break) spaces
_INT = re.compile(r"[+-]?\d{1,15}")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,3})?")


def _clean_number(text: str) -> str:
    return _SPACES.sub("", text.replace("\u2212", "-"))


def parse_int(text: str) -> int:
    t = _clean_number(text)
    if _INT.fullmatch(t):
        return int(t)
    if re.fullmatch(r"[+-]?\d+", t):
        raise FieldError(msg("too_large", value=shown(text)))
    raise FieldError(msg("not_whole_number", value=shown(text)))


def parse_number(text: str, decimal_comma: bool = True) -> float:
    """A decimal number; "2,5" is accepted where the file allows a decimal comma."""
    t = _clean_number(text)
    if "," in t and "." not in t and t.count(",") == 1:
        if not decimal_comma:
            raise FieldError(msg("decimal_comma", value=shown(text), written=t.replace(",", ".")))
        t = t.replace(",", ".")
    if not _NUMBER.fullmatch(t):
        raise FieldError(msg("not_number", value=shown(text)))
    x = float(t)
    if not math.isfinite(x) or abs(x) > 1e12:
        raise FieldError(msg("too_large", value=shown(text)))
    return x


# --- Booleans ---

_TRUE = frozenset({"true", "yes", "y", "1", "x", "kyllä", "k", "ja", "j", "tosi", "sant"})
_FALSE = frozenset({"false", "no", "n", "0", "ei", "e", "nej", "epätosi", "falskt"})


def parse_bool(text: str) -> bool:
    t = text.lower()
    if t in _TRUE:
        return True
    if t in _FALSE:
        return False
    raise FieldError(msg("not_bool", value=shown(text)))


# --- Weekdays ---


def _weekday_words() -> dict[str, int]:
    words: dict[str, int] = {}
    short = {
        0: ("mon", "ma", "må", "mån"),
        1: ("tue", "tues", "ti", "tis"),
        2: ("wed", "weds", "ke", "on", "ons"),
        3: ("thu", "thur", "thurs", "to", "tor", "tors"),
        4: ("fri", "pe", "fr", "fre"),
        5: ("sat", "la", "lö", "lör"),
        6: ("sun", "su", "sö", "sön"),
    }
    long = {lang: [n.lower() for n in weekday_names(lang)] for lang in LANGUAGES}
    long["en"] += ["saturday", "sunday"]
    long["fi"] += ["lauantai", "sunnuntai"]
    long["sv"] += ["lördag", "söndag"]
    for day, names in short.items():
        words.update(dict.fromkeys(names, day))
    for names in long.values():
        words.update({name: day for day, name in enumerate(names)})
    return words


_WEEKDAY_WORDS = _weekday_words()
_DASHES = re.compile(r"\s*[-–—]\s*")
_DAY_SEPARATORS = re.compile(r"[;,/\s]+")


def _one_day(word: str, context: str) -> int:
    day = _WEEKDAY_WORDS.get(word.lower().rstrip("."))
    if day is None:
        raise FieldError(msg("not_weekday", value=shown(word)))
    if day >= 5:
        raise FieldError(msg(f"weekend.{day - 5}", value=shown(context)))
    return day


def parse_days(text: str) -> tuple[int, ...]:
    """Weekdays and ranges: "Mon;Wed", "Mon-Thu", "ma-pe", "ti, to". Sorted, no repeats."""
    days: set[int] = set()
    for token in _DAY_SEPARATORS.split(_DASHES.sub("-", text.strip())):
        if not token:
            continue
        if "-" in token:
            first, _, last = token.partition("-")
            a, b = _one_day(first, token), _one_day(last, token)
            if a > b:
                raise FieldError(msg("days_backwards", value=shown(token)))
            days.update(range(a, b + 1))
        else:
            days.add(_one_day(token, token))
    if not days:
        raise FieldError(msg("no_weekday", value=shown(text)))
    return tuple(sorted(days))


def parse_weekday(text: str) -> int:
    """Exactly one weekday, e.g. a group pinned to Tuesday."""
    days = parse_days(text)
    if len(days) != 1:
        raise FieldError(msg("many_weekdays", value=shown(text)))
    return days[0]


# --- Times ---

_TIME = re.compile(r"(\d{1,2})[:.](\d{2})(?:[:.]00)?")


def parse_time(text: str, *, end_of_day: bool = False) -> int:
    """ "09:00", "9:00" or "9.00" -> minutes after midnight. "24:00" only as a closing time."""
    m = _TIME.fullmatch(text.strip())
    if m:
        hours, minutes = int(m.group(1)), int(m.group(2))
        if minutes < 60 and (hours < 24 or (end_of_day and hours == 24 and minutes == 0)):
            return hours * 60 + minutes
    raise FieldError(msg("not_time", value=shown(text)))


_SEGMENT = re.compile(
    r"(?P<days>.*?)\s*(?P<start>\d{1,2}[:.]\d{2})\s*[-–—]\s*(?P<end>\d{1,2}[:.]\d{2})"
)


def parse_open(text: str) -> tuple[Interval, ...]:
    """Opening hours: "Mon-Thu 09:00-20:00;Fri 09:00-16:00".

    A segment is weekdays (a day, a range or a list) then one time range. Segments are
    separated by ';' or ','; a segment of days only takes the times of the next one
    ("Mon, Wed 09:00-12:00"), and times without days mean every working day.
    """
    intervals: list[Interval] = []
    pending_days: list[str] = []
    for piece in re.split(r"[;,]", text):
        piece = piece.strip()
        if not piece:
            continue
        m = _SEGMENT.fullmatch(piece)
        if m is None:
            if re.search(r"\d", piece):
                raise FieldError(msg("not_opening_time", value=shown(piece)))
            pending_days.append(piece)
            continue
        days_text = " ".join([*pending_days, m.group("days")]).strip()
        pending_days = []
        days = parse_days(days_text) if days_text else (0, 1, 2, 3, 4)
        start = parse_time(m.group("start"))
        end = parse_time(m.group("end"), end_of_day=True)
        if end <= start:
            raise FieldError(msg("closes_before_opening", value=shown(piece)))
        intervals.extend(Interval(d, start, end) for d in days)
    if pending_days:
        raise FieldError(msg("days_without_time", value=shown(pending_days[-1])))
    if not intervals:
        raise FieldError(msg("no_opening_time", value=shown(text)))
    return tuple(intervals)


# --- Dates ---


def parse_date(text: str) -> dt.date:
    """ISO "2025-01-13" or the Finnish "13.1.2025"."""
    t = text.strip()
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", t):
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if m := re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", t):
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        pass
    raise FieldError(msg("not_date", value=shown(text)))


# --- Lists, choices, languages ---


def split_list(text: str) -> tuple[str, ...]:
    """Items of a list cell, separated by ';' (or ',', which never occurs inside an item)."""
    return tuple(item for item in (p.strip() for p in re.split(r"[;,]", text)) if item)


def _choice_key(text: str) -> str:
    return re.sub(r"[\s_-]", "", text.lower())


def parse_choice(text: str, options: Sequence[str], what: str) -> str:
    """One of `options`; case, spaces, '-' and '_' do not matter ("Pop-up" is "popup").
    `what` names the choice in English ("group kind"), translated as `io.what.group_kind`."""
    key = _choice_key(text)
    for option in options:
        if _choice_key(option) == key:
            return option
    raise FieldError(
        msg(
            "not_choice",
            value=shown(text),
            what=msg(f"what.{what.replace(' ', '_')}"),
            options=", ".join(options),
        )
    )


_LANGUAGE_ALIASES = {
    "suomi": "fi",
    "finska": "fi",
    "finnish": "fi",
    "ruotsi": "sv",
    "svenska": "sv",
    "swedish": "sv",
    "se": "sv",  # the country code, a common slip
    "englanti": "en",
    "engelska": "en",
    "english": "en",
}


def parse_language(text: str) -> str:
    """An ISO 639-1 code ("fi", "FI"); a few language names are accepted as aliases."""
    t = text.strip().lower()
    t = _LANGUAGE_ALIASES.get(t, t)
    if re.fullmatch(r"[a-z]{2}", t):
        return t
    raise FieldError(msg("not_language", value=shown(text)))


def parse_languages(text: str) -> tuple[str, ...]:
    langs = [parse_language(item) for item in split_list(text)]
    if not langs:
        raise FieldError(msg("no_language", value=shown(text)))
    return tuple(dict.fromkeys(langs))


ID_MAX = 40
_SAFE_ID = re.compile(rf"[A-Za-z0-9][A-Za-z0-9._-]{{0,{ID_MAX - 1}}}", re.ASCII)
"""The one rule for every id of the data contract (group, staff, partner and venue ids, the
references to them, client codes): printable ASCII from a safe set, so an id survives being
an item of a list cell, a file name or a line of a calendar, and no two ids only look alike
(a Cyrillic "О" beside a Latin "O", a zero-width space, a line break, markup)."""


def is_safe_id(text: str) -> bool:
    """1-40 ASCII letters, digits, '-', '_' and '.', beginning with a letter or a digit."""
    return _SAFE_ID.fullmatch(text) is not None


def parse_id(text: str) -> str:
    """An identifier other rows refer to (`is_safe_id`)."""
    if not is_safe_id(text):
        raise FieldError(msg("not_id", value=shown(text, ascii_only=True), max=ID_MAX))
    return text


def parse_ids(text: str) -> tuple[str, ...]:
    """A list cell of ids (leaders, wishes): each item an id (`parse_id`)."""
    return tuple(parse_id(item) for item in split_list(text))


# --- Codes ---

_MUNICIPALITY_CODE = re.compile(r"\d{3}")


def parse_municipality_code(text: str) -> tuple[str, bool]:
    """A three-digit Statistics Finland code. Returns (code, padded).

    A 1-2 digit number is a code whose leading zeros Excel dropped when it read the
    column as numbers (049 -> 49): it is zero-padded, and `padded` says so for a warning.
    """
    if _MUNICIPALITY_CODE.fullmatch(text):
        return text, False
    if re.fullmatch(r"\d{1,2}", text):
        return text.zfill(3), True
    raise FieldError(msg("not_municipality_code", value=shown(text)))


def parse_postal_code(text: str) -> str:
    """Five digits, as a person types them (a form, a command line flag): 4 digits are
    refused with a hint, since no spreadsheet stood between the person and the code."""
    if re.fullmatch(r"\d{5}", text):
        return text
    if re.fullmatch(r"\d{4}", text):
        raise FieldError(msg("postal_code_4_digits", value=shown(text), padded=f"0{text}"))
    raise FieldError(msg("not_postal_code", value=shown(text)))


def parse_table_postal_code(text: str) -> tuple[str, bool]:
    """A postal code in a season's table. Returns (code, padded).

    A 4-digit number is a code whose leading zero Excel dropped when it read the column as
    numbers (02100 -> 2100; every Finnish code of 4 digits or fewer written out starts with
    0): it is zero-padded, and `padded` says so for a warning, as a municipality code is.
    """
    if re.fullmatch(r"\d{4}", text):
        return f"0{text}", True
    return parse_postal_code(text), False


# --- Client codes: pseudonyms, never personal data ---

CLIENT_CODE_FORMAT = "C-00042"
"""The pseudonym the county should use: "C-" and five digits, numbered in order (README,
data/README.md). Any code of the id rule (`is_safe_id`) is accepted that holds no personal
data (`personal_data_in`)."""

_DATE = r"(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d\d"
_CHECK = r"[0-9A-FHJ-NPR-Y]"
# Finnish personal identity code: DDMMYY, century sign, individual number, check character.
_HETU = re.compile(rf"{_DATE}[-+A-FU-Y]\d{{3}}{_CHECK}", re.IGNORECASE)
# ... and the forms people write it in besides: without a sign, or "_" or a space for it.
_HETU_LOOSE = re.compile(rf"{_DATE}[_ ]?\d{{3}}{_CHECK}", re.IGNORECASE)
_SEP = r"[ ._/-]?"
# Finnish phone numbers: mobile 04x and 050 (or +358 / 00358 for the 0), 7-12 digits in all
# with or without separators; a landline (0 and a one- or two-digit area code, 019 for
# Western Uusimaa) only with a separator after the area code, as "019 123 4567" or
# "09-123456": without one, a pseudonym such as "K-0123456" would look like a number.
_PHONE_MOBILE = re.compile(
    rf"(?<![\d+])(?:(?:\+|00)358{_SEP}\(?0?\)?{_SEP}[1-9]|0(?:4\d|50))(?:{_SEP}\d){{4,10}}(?!\d)"
)
_PHONE_LANDLINE = re.compile(rf"(?<![\d+])0[1-9]\d?[ /-]\d(?:{_SEP}\d){{4,8}}(?!\d)")
_CHECK_CHARS = "0123456789ABCDEFHJKLMNPRSTUVWXY"


def hetu_check_char(date: str, individual: str) -> str:
    """The check character of an identity code: DDMMYY and the individual number, mod 31."""
    return _CHECK_CHARS[int(date + individual) % 31]


def contains_hetu(text: str) -> bool:
    """Whether a Finnish personal identity code appears anywhere in the text."""
    return _HETU.search(text) is not None


def _words(text: str) -> list[str]:
    """The words of a code, lower-cased: split on anything but letters (`-`, `_`, `.`,
    digits) and at camelCase boundaries ("ElinaVirtanen1985" -> elina, virtanen)."""
    words: list[str] = []
    for run in re.findall(r"[^\W\d_]+", text):
        start = 0
        for i in range(1, len(run)):
            before, here = run[i - 1], run[i]
            after = run[i + 1] if i + 1 < len(run) else ""
            if (before.islower() and here.isupper()) or (
                before.isupper() and here.isupper() and after.islower()
            ):
                words.append(run[start:i])
                start = i
        words.append(run[start:])
    return [w.lower() for w in words]


@functools.cache
def first_names() -> frozenset[str]:
    """The common first names of Finland, Finnish and Swedish, lower-case with their ASCII
    forms (`planner/data/first_names.txt`, from DVV's open data, CC BY 4.0)."""
    text = resources.files("planner").joinpath("data/first_names.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


MIN_NAME_LETTERS = 3
"""A word of a code is a first name only from three letters on ("Bo" and "My" are names, but
also the letters of many codes)."""


def personal_data_in(text: str) -> str | None:
    """What kind of personal data a client code holds, or None: "hetu" (an identity code in
    any of its written forms), "phone" (a Finnish phone number), "email" (an e-mail
    address: an "@") or "first_name" (a common first name as a whole word of the code)."""
    if "@" in text:
        return "email"
    if _HETU.search(text):
        return "hetu"
    if _PHONE_MOBILE.search(text):
        return "phone"
    if _HETU_LOOSE.search(text):
        return "hetu"
    if _PHONE_LANDLINE.search(text):
        return "phone"
    names = first_names()
    for word in _words(text):
        if len(word) >= MIN_NAME_LETTERS and (word in names or _folded(word) in names):
            return "first_name"
    return None


def _folded(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_NAME_PART = re.compile(r"[^\W\d_]{2,}")


def _looks_like_name(text: str) -> bool:
    """Letters only ("Elina", "ELINA"), or capitalised words joined by '-' or '_'
    ("Anna-Liisa", "Matti_Meikäläinen"). A code has a digit or a part that is not a word."""
    parts = re.split(r"[-_]", text)
    if len(parts) == 1:
        return len(text) > 1 and text.isalpha()
    return all(_NAME_PART.fullmatch(p) and p.istitle() for p in parts)


def check_client_code(text: str) -> str:
    """A client code is a pseudonym (`CLIENT_CODE_FORMAT`). Anything that may be personal
    data is refused with the kind found (`personal_data_in`), and the value is never shown
    back (it would end up in logs and screenshots)."""
    kind = personal_data_in(text)
    if kind is not None:
        raise FieldError(msg(f"client_code_{kind}"), hide_value=True)
    if re.search(r"[\s,]", text) or _looks_like_name(text):
        raise FieldError(msg("client_code_name"), hide_value=True)
    if not is_safe_id(text):
        raise FieldError(msg("not_client_code", max=ID_MAX), hide_value=True)
    return text
