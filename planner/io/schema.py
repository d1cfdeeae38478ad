"""The coordinator's data contract: which tables and columns a season has, and how each
column's cells are read. Column names equal the field names of `planner.model`, so a
valid row becomes a domain object as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from planner import rules
from planner.io import fields, limits
from planner.io.fields import FieldError, number_text, shown
from planner.io.problems import Message, msg

# The county's area; a coordinate outside it is a typo or a swapped pair.
COUNTY_LAT = (59.6, 60.8)
COUNTY_LON = (22.5, 25.0)
# Finland's extent, a little generous (Hanko's islands to Utsjoki, Åland to Ilomantsi): a
# postal area's centre outside it is a typo or a swapped pair; inside Finland but outside the
# county box above it is only warned about (an area across the county's border).
FINLAND_LAT = (59.5, 70.1)
FINLAND_LON = (19.0, 31.6)
TRAVEL_TIME_MODES = ("car", "transit", "ride", "walk")


@dataclass(slots=True)
class CellContext:
    """What a parser may need besides the text: the file's number style, and a place for
    remarks that do not block the import (they become warnings)."""

    decimal_comma: bool = True
    notes: list[Message] = field(default_factory=list)


Parser = Callable[[str, CellContext], Any]


class _Required:
    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED: Any = _Required()  # as `Column.blank`: an empty cell is an error


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    parse: Parser
    required: bool = True  # the column must be in the table
    blank: Any = REQUIRED  # the value of an empty cell, and of an absent optional column


@dataclass(frozen=True, slots=True)
class TableSpec:
    name: str
    key: str | None  # the id column other tables refer to
    columns: tuple[Column, ...]

    @property
    def names(self) -> frozenset[str]:
        return frozenset(c.name for c in self.columns)


# --- Parsers for the columns ---


def text(t: str, ctx: CellContext) -> str:
    return t


def ident(t: str, ctx: CellContext) -> str:
    return fields.parse_id(t)


def id_list(t: str, ctx: CellContext) -> tuple[str, ...]:
    return fields.parse_ids(t)


def tags(t: str, ctx: CellContext) -> tuple[str, ...]:
    """Free tags (themes, interests, skills, audiences) compare case-insensitively."""
    return tuple(dict.fromkeys(tag.lower() for tag in fields.split_list(t)))


def tag(t: str, ctx: CellContext) -> str:
    return t.strip().lower()


def name(t: str, ctx: CellContext) -> str:
    """A name people read in a list or a calendar line (a theme's)."""
    if len(t) > limits.MAX_NAME_CHARS:
        raise FieldError(msg("name_too_long", n=len(t), max=limits.MAX_NAME_CHARS))
    return t


def boolean(t: str, ctx: CellContext) -> bool:
    return fields.parse_bool(t)


def days(t: str, ctx: CellContext) -> tuple[int, ...]:
    return fields.parse_days(t)


def weekday(t: str, ctx: CellContext) -> int:
    return fields.parse_weekday(t)


def time_of_day(t: str, ctx: CellContext) -> int:
    return fields.parse_time(t)


def opening_hours(t: str, ctx: CellContext) -> tuple:
    return fields.parse_open(t)


def date(t: str, ctx: CellContext) -> Any:
    return fields.parse_date(t)


def languages(t: str, ctx: CellContext) -> tuple[str, ...]:
    return fields.parse_languages(t)


def client_code(t: str, ctx: CellContext) -> str:
    return fields.check_client_code(t)


def postal_code(t: str, ctx: CellContext) -> str:
    code, padded = fields.parse_table_postal_code(t)
    if padded:
        ctx.notes.append(msg("padded_postal_code", written=t, code=code))
    return code


def _padded_code(t: str, ctx: CellContext) -> str:
    code, padded = fields.parse_municipality_code(t)
    if padded:
        ctx.notes.append(msg("padded_municipality_code", written=t, code=code))
    return code


def municipality_code(t: str, ctx: CellContext) -> str:
    return _padded_code(t, ctx)


def municipality_ref(t: str, ctx: CellContext) -> str:
    """A code ("049", or 49 that lost its zero) or a name, resolved against the table later."""
    if t.isdigit() and len(t) <= 2:
        return _padded_code(t, ctx)
    return t


def municipality_refs(t: str, ctx: CellContext) -> tuple[str, ...]:
    return tuple(municipality_ref(item, ctx) for item in fields.split_list(t))


def choice(options: tuple[str, ...], what: str) -> Parser:
    def parse(t: str, ctx: CellContext) -> str:
        return fields.parse_choice(t, options, what)

    return parse


def _check_range(x: float, lo: float | None, hi: float | None, unit: str) -> None:
    units = {"unit": msg(f"unit.{unit}")} if unit else {}
    suffix = "_unit" if unit else ""
    if lo is not None and x < lo:
        raise FieldError(
            msg(f"under_minimum{suffix}", x=number_text(x), lo=number_text(lo), **units)
        )
    if hi is not None and x > hi:
        raise FieldError(
            msg(f"over_maximum{suffix}", x=number_text(x), hi=number_text(hi), **units)
        )


def whole(lo: int | None = None, hi: int | None = None, unit: str = "") -> Parser:
    def parse(t: str, ctx: CellContext) -> int:
        n = fields.parse_int(t)
        _check_range(n, lo, hi, unit)
        return n

    return parse


def number(lo: float | None = None, hi: float | None = None, unit: str = "") -> Parser:
    def parse(t: str, ctx: CellContext) -> float:
        x = fields.parse_number(t, ctx.decimal_comma)
        _check_range(x, lo, hi, unit)
        return x

    return parse


def group_size(t: str, ctx: CellContext) -> int:
    n = fields.parse_int(t)
    if n > rules.MAX_GROUP_SIZE:
        raise FieldError(msg("group_size_over", n=n, max=rules.MAX_GROUP_SIZE, rule="size"))
    if n < rules.MIN_GROUP_SIZE:
        raise FieldError(msg("group_size_under", n=n, min=rules.MIN_GROUP_SIZE, rule="size"))
    return n


def session_hours(t: str, ctx: CellContext) -> float:
    x = fields.parse_number(t, ctx.decimal_comma)
    lo, hi = rules.MIN_SESSION_HOURS, rules.MAX_SESSION_HOURS
    if x > hi:
        raise FieldError(
            msg(
                "session_too_long",
                hours=number_text(x),
                max=number_text(hi),
                lines=rules.SESSION_HOURS_LINE,
            )
        )
    if x < lo:
        raise FieldError(
            msg(
                "session_too_short",
                hours=number_text(x),
                min=number_text(lo),
                lines=rules.SESSION_HOURS_LINE,
            )
        )
    if not (x * 2).is_integer():
        raise FieldError(msg("session_half_hours", hours=number_text(x)))
    return x


def group_language(t: str, ctx: CellContext) -> str:
    lang = fields.parse_language(t)
    if lang not in rules.GROUP_LANGUAGES:
        raise FieldError(msg("not_group_language", value=shown(t), rule="leader_language"))
    return lang


# --- The tables ---

C = Column

MUNICIPALITIES = TableSpec(
    "municipalities",
    "code",
    (
        C("code", municipality_code),
        C("name_fi", text),
        C("name_sv", text),
        C("lat", number()),
        C("lon", number()),
        C("population", whole(0), required=False, blank=None),
    ),
)

VENUES = TableSpec(
    "venues",
    "venue_id",
    (
        C("venue_id", ident),
        C("name", text),
        C("name_sv", text, required=False, blank=""),
        C("municipality", municipality_ref),
        C("address", text),
        C("lat", number()),
        C("lon", number()),
        C("capacity", whole(1)),
        C("accessible", boolean),
        C("rooms", whole(1), required=False, blank=1),
        C("open", opening_hours),
    ),
)

STAFF = TableSpec(
    "staff",
    "staff_id",
    (
        C("staff_id", ident),
        C("name", text),
        C("title", text),
        C("qualified", boolean),
        C("base_venue", ident),
        C("languages", languages),
        C("skills", tags, blank=()),
        C("days", days),
        C("max_group_hours", number(0, 40, "hours")),
        C("car", boolean),
    ),
)

PARTNERS = TableSpec(
    "partners",
    "partner_id",
    (
        C("partner_id", ident),
        C("name", text),
        C("organisation", text),
        C("kind", choice(rules.PARTNER_KINDS, "partner kind")),
        C("qualified", boolean),
        C("languages", languages),
        C("skills", tags, blank=()),
        C("days", days),
        C("municipalities", municipality_refs),
    ),
)

GROUPS = TableSpec(
    "groups",
    "group_id",
    (
        C("group_id", ident),
        C("name", text),
        C("name_sv", text, required=False, blank=""),
        C("kind", choice(rules.GROUP_KINDS, "group kind")),
        C("theme", tag),
        C("audience", tag, blank=""),
        C("language", group_language),
        C("hours", session_hours),
        C("min_size", group_size),
        C("max_size", group_size),
        C("municipality", municipality_ref),
        C("mode", choice(rules.GROUP_MODES, "group mode")),
        C("start_date", date),
        C("weeks", whole(1, 52, "weeks"), blank=None),
        C("priority", whole(1, 3), required=False, blank=1),
        C("weekday", weekday, required=False, blank=None),
        C("start", time_of_day, required=False, blank=None),
        C("venue_id", ident, required=False, blank=None),
        C("leaders", id_list, required=False, blank=()),
        C("drop_in", boolean, required=False, blank=False),
    ),
)

CLIENTS = TableSpec(
    "clients",
    "client_code",
    (
        C("client_code", client_code),
        C("municipality", municipality_ref),
        C("postal_code", postal_code, required=False, blank=""),
        C("languages", languages),
        C("interests", tags, blank=()),
        C("audience", tags, required=False, blank=()),
        C("days", days),
        C("travel", choice(rules.TRAVEL_MODES, "travel mode")),
        C("max_travel_min", whole(1, 240, "minutes")),
        C("needs_accessible", boolean),
        C("counsellor", ident),
        C("wishes", id_list, required=False, blank=()),
        C("max_groups", whole(1), required=False, blank=1),
        C("remote", boolean, required=False, blank=False),
    ),
)

TRAVEL_TIMES = TableSpec(
    "travel_times",
    None,
    (
        C("from_id", text),
        C("to_id", text),
        C("mode", choice(TRAVEL_TIME_MODES, "travel mode")),
        C("minutes", number(0, 24 * 60, "minutes")),
    ),
)

POSTAL_AREAS = TableSpec(
    "postal_areas",
    "postal_code",
    (
        C("postal_code", postal_code),
        C("name_fi", text),
        C("name_sv", text),
        C("lat", number()),
        C("lon", number()),
        C("municipality", municipality_ref, required=False, blank=None),
    ),
)

THEMES = TableSpec(
    "themes",
    "theme",
    (
        C("theme", tag),
        C("name_fi", name),
        C("name_sv", name),
        C("name_en", name),
    ),
)

SPECS: dict[str, TableSpec] = {
    s.name: s
    for s in (
        MUNICIPALITIES,
        VENUES,
        STAFF,
        PARTNERS,
        GROUPS,
        CLIENTS,
        TRAVEL_TIMES,
        POSTAL_AREAS,
        THEMES,
    )
}
