"""From tables of text to a validated `Season`: parse every cell, check every reference and
cross-field rule, collect every problem, and build the domain objects only when none is an
error."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from planner import rules
from planner.geo import distance_km
from planner.io.fields import FieldError, contains_hetu, shown
from planner.io.problems import HIDDEN, ImportReport, Message, Problem, ProblemLog, msg
from planner.io.schema import (
    COUNTY_LAT,
    COUNTY_LON,
    FINLAND_LAT,
    FINLAND_LON,
    REQUIRED,
    SPECS,
    CellContext,
    TableSpec,
)
from planner.io.tables import RawTable, TableSet
from planner.model import (
    Client,
    Group,
    Municipality,
    Partner,
    PostalArea,
    Season,
    SeasonError,
    Staff,
    Theme,
    Venue,
    hhmm,
)

log = logging.getLogger("planner")

PERSONAL_ID = msg("personal_id")
FAR_FROM_OWN = 2.0
FAR_FROM_OWN_KM = 10.0
"""Without a `municipality` column, a postal area lies in another municipality when its centre
is more than twice as far from the client's municipality's centre as from another's, and at
least 10 km further: well beyond the error of a centre, so a border area is not flagged."""


@dataclass(slots=True)
class Row:
    row: int  # as numbered in Excel
    values: dict[str, Any]  # the cells that parsed, by column
    raw: dict[str, str]  # every cell as text


@dataclass
class Table:
    spec: TableSpec
    source: str
    columns: frozenset[str]  # the columns the file has
    rows: list[Row]


def parse_table(raw: RawTable, spec: TableSpec, problems: ProblemLog) -> Table:
    """Every cell of one table through its column's parser; each failure is one problem."""
    src = raw.source
    columns = frozenset(h for h in raw.header if h)
    for col in spec.columns:
        if col.required and col.name not in columns:
            problems.error(src, None, col.name, None, msg("column_missing"))
    extras = [h for h in dict.fromkeys(raw.header) if h and h not in spec.names]
    if extras:
        names = ", ".join(extras)
        problems.warning(
            src,
            None,
            None,
            None,
            msg(
                "extra_column" if len(extras) == 1 else "extra_columns",
                names=names,
                table=spec.name,
            ),
        )
    readable = [c for c in spec.columns if c.name in columns]
    defaults = {c.name: c.blank for c in spec.columns if c.name not in columns and not c.required}
    ctx = CellContext(raw.decimal_comma)
    notes: dict[str, tuple[int, str, str, int]] = {}  # column -> first (row, text, note), count
    rows: list[Row] = []
    for number, cells in raw.rows:
        values = dict(defaults)
        # the client code's own check says more; elsewhere the value is simply not shown
        personal = [c for c, t in cells.items() if c != "client_code" and contains_hetu(t)]
        for column in personal:
            problems.error(src, number, column, HIDDEN, PERSONAL_ID)
        for col in readable:
            text = cells.get(col.name, "")
            if personal and col.name in personal:
                continue
            if not text:
                if col.blank is REQUIRED:
                    problems.error(src, number, col.name, "", msg("cell_empty", column=col.name))
                else:
                    values[col.name] = col.blank
                continue
            try:
                values[col.name] = col.parse(text, ctx)
            except FieldError as exc:
                shown_value = HIDDEN if exc.hide_value else text
                problems.error(src, number, col.name, shown_value, exc.text)
            if ctx.notes:
                first = notes.get(col.name)
                if first is None:
                    notes[col.name] = (number, text, ctx.notes[0], 1)
                else:
                    notes[col.name] = (*first[:3], first[3] + 1)
                ctx.notes.clear()
        rows.append(Row(number, values, cells))
    for column, (number, text, note, count) in notes.items():
        if count == 1:
            problems.warning(src, number, column, text, note)
        else:
            key = "note_more_cell" if count == 2 else "note_more_cells"
            problems.warning(src, number, column, text, msg(key, note=note, n=count - 1))
    return Table(spec, src, columns, rows)


def municipality_lookup(
    places: Iterable[tuple[str, tuple[str | None, str | None]]],
) -> dict[str, str]:
    """Code or casefolded Finnish or Swedish name -> code; a code wins over a name."""
    places = list(places)
    lookup = {code: code for code, _ in places}
    for code, names in places:
        for name in names:
            if name:
                lookup.setdefault(name.casefold(), code)
    return lookup


class SeasonBuilder:
    """Checks that need more than one cell: keys, references and rules across columns."""

    def __init__(self, tableset: TableSet) -> None:
        self.tableset = tableset
        self.problems = ProblemLog()
        self.problems.extend(tableset.problems)
        self.tables: dict[str, Table] = {
            name: parse_table(raw, SPECS[name], self.problems)
            for name, raw in tableset.tables.items()
        }
        # table -> {key: row}, only for tables whose key column loaded
        self.keys: dict[str, dict[str, Row]] = {}
        self.municipality_codes: dict[str, str] | None = None  # code or casefolded name -> code

    @classmethod
    def beside(cls, season: Season, tableset: TableSet) -> SeasonBuilder:
        """A builder for a few rows to add to or change in an existing season (a client
        entered in the app): `tableset` holds only those rows, and the keys they refer to
        are the season's. Its checks are the import's; call `resolve_references`."""
        builder = cls(tableset)
        stored = Row(0, {}, {})
        ids = {
            "municipalities": (m.code for m in season.municipalities),
            "venues": (v.venue_id for v in season.venues),
            "staff": (s.staff_id for s in season.staff),
            "partners": (p.partner_id for p in season.partners),
            "groups": (g.group_id for g in season.groups),
            "clients": (c.client_code for c in season.clients),
        }
        builder.keys = {table: dict.fromkeys(keys, stored) for table, keys in ids.items()}
        builder.municipality_codes = municipality_lookup(
            (m.code, (m.name_fi, m.name_sv)) for m in season.municipalities
        )
        return builder

    def source(self, table: str) -> str:
        return self.tableset.sources.get(table, f"{table}.csv")

    def error(
        self, table: Table, row: Row, column: str, value: str | None, message: str | Message
    ) -> None:
        self.problems.error(table.source, row.row, column, value, message)

    def rows(self, name: str) -> list[Row]:
        table = self.tables.get(name)
        return table.rows if table else []

    # --- keys ---

    def index_keys(self) -> None:
        for name, table in self.tables.items():
            key = table.spec.key
            if key is None or key not in table.columns:
                continue
            index: dict[str, Row] = {}
            for row in table.rows:
                k = row.values.get(key)
                if k is None:
                    continue
                if k in index:
                    self.error(
                        table,
                        row,
                        key,
                        row.raw.get(key),
                        msg("used_twice", value=shown(k), column=key, row=index[k].row),
                    )
                else:
                    index[k] = row
            self.keys[name] = index
        staff, partners = self.keys.get("staff"), self.keys.get("partners")
        if staff is not None and partners is not None:
            for pid, row in partners.items():
                if pid in staff:
                    self.error(
                        self.tables["partners"],
                        row,
                        "partner_id",
                        pid,
                        msg(
                            "partner_is_staff",
                            value=shown(pid),
                            source=self.source("staff"),
                            row=staff[pid].row,
                        ),
                    )
        codes = self.keys.get("municipalities")
        if codes is not None:
            self.municipality_codes = municipality_lookup(
                (code, (row.values.get("name_fi"), row.values.get("name_sv")))
                for code, row in codes.items()
            )

    # --- references ---

    def resolve_municipality(self, table: Table, row: Row, column: str, value: str) -> str:
        """The code for a code or a name; an unknown one is reported on this row."""
        if self.municipality_codes is None:
            return value
        code = self.municipality_codes.get(value) or self.municipality_codes.get(value.casefold())
        if code is None:
            self.error(
                table,
                row,
                column,
                value,
                msg(
                    "unknown_municipality", value=shown(value), table=self.source("municipalities")
                ),
            )
            return value
        return code

    def check_ref(
        self, table: Table, row: Row, column: str, value: str, target: str, what: str
    ) -> None:
        known = self.keys.get(target)
        if known is not None and value not in known:
            self.error(
                table,
                row,
                column,
                value,
                msg("unknown_ref", value=shown(value), column=what, table=self.source(target)),
            )

    def resolve_references(self) -> None:
        for name, column in (
            ("venues", "municipality"),
            ("groups", "municipality"),
            ("clients", "municipality"),
            ("postal_areas", "municipality"),
        ):
            table = self.tables.get(name)
            for row in table.rows if table else ():
                if row.values.get(column) is not None:
                    row.values[column] = self.resolve_municipality(
                        table, row, column, row.values[column]
                    )
        if table := self.tables.get("partners"):
            for row in table.rows:
                if "municipalities" in row.values:
                    row.values["municipalities"] = tuple(
                        self.resolve_municipality(table, row, "municipalities", m)
                        for m in row.values["municipalities"]
                    )
        if table := self.tables.get("staff"):
            for row in table.rows:
                if venue := row.values.get("base_venue"):
                    self.check_ref(table, row, "base_venue", venue, "venues", "venue_id")
        if table := self.tables.get("groups"):
            for row in table.rows:
                if venue := row.values.get("venue_id"):
                    self.check_ref(table, row, "venue_id", venue, "venues", "venue_id")
                self.check_leaders(table, row)
        if table := self.tables.get("clients"):
            for row in table.rows:
                self.check_counsellor(table, row)
                self.check_wishes(table, row)
        if table := self.tables.get("travel_times"):
            for row in table.rows:
                for column in ("from_id", "to_id"):
                    if column in row.values:
                        row.values[column] = self.resolve_place(table, row, column)

    def check_leaders(self, table: Table, row: Row) -> None:
        leaders = row.values.get("leaders") or ()
        if len(leaders) > rules.LEADERS_IN_GROUP:
            self.error(
                table,
                row,
                "leaders",
                row.raw.get("leaders"),
                msg(
                    "too_many_leaders",
                    n=len(leaders),
                    max=rules.LEADERS_IN_GROUP,
                    lines=rules.LEADERS_IN_GROUP_LINE,
                ),
            )
        staff, partners = self.keys.get("staff"), self.keys.get("partners")
        for leader, count in Counter(leaders).items():
            if count > 1:
                self.error(table, row, "leaders", leader, msg("listed_twice", value=shown(leader)))
            known = staff is not None and partners is not None
            if known and leader not in staff and leader not in partners:
                self.error(
                    table,
                    row,
                    "leaders",
                    leader,
                    msg(
                        "unknown_leader",
                        value=shown(leader),
                        staff=self.source("staff"),
                        partners=self.source("partners"),
                    ),
                )

    def check_counsellor(self, table: Table, row: Row) -> None:
        counsellor = row.values.get("counsellor")
        staff = self.keys.get("staff")
        if not counsellor or staff is None or counsellor in staff:
            return
        if counsellor in self.keys.get("partners", {}):
            message = msg("counsellor_partner", value=shown(counsellor), table=self.source("staff"))
        else:
            message = msg(
                "unknown_ref",
                value=shown(counsellor),
                column="staff_id",
                table=self.source("staff"),
            )
        self.error(table, row, "counsellor", counsellor, message)

    def check_wishes(self, table: Table, row: Row) -> None:
        wishes = row.values.get("wishes") or ()
        for wish, count in Counter(wishes).items():
            if count > 1:
                self.error(
                    table,
                    row,
                    "wishes",
                    wish,
                    msg("wish_twice", value=shown(wish)),
                )
            self.check_ref(table, row, "wishes", wish, "groups", "group_id")

    def resolve_place(self, table: Table, row: Row, column: str) -> str:
        value = row.values[column]
        venues, codes = self.keys.get("venues"), self.municipality_codes
        if venues is None or codes is None or value in venues:
            return value
        code = codes.get(value) or codes.get(value.casefold())
        if code is None:
            self.error(
                table,
                row,
                column,
                value,
                msg(
                    "unknown_place",
                    value=shown(value),
                    venues=self.source("venues"),
                    municipalities=self.source("municipalities"),
                ),
            )
            return value
        return code

    # --- rules across columns ---

    def check_rows(self) -> None:
        for name in ("municipalities", "venues"):
            if table := self.tables.get(name):
                for row in table.rows:
                    self.check_coordinates(table, row)
        if table := self.tables.get("groups"):
            for row in table.rows:
                self.check_group(table, row)
        if table := self.tables.get("postal_areas"):
            for row in table.rows:
                self.check_postal_centre(table, row)
        if table := self.tables.get("travel_times"):
            seen: dict[tuple[str, str, str], int] = {}
            for row in table.rows:
                v = row.values
                if {"from_id", "to_id", "mode"} <= v.keys():
                    key = (v["from_id"], v["to_id"], v["mode"])
                    if key in seen:
                        self.error(
                            table,
                            row,
                            "to_id",
                            row.raw.get("to_id"),
                            msg(
                                "travel_time_twice",
                                mode=key[2],
                                start=key[0],
                                end=key[1],
                                row=seen[key],
                            ),
                        )
                    else:
                        seen[key] = row.row

    def check_coordinates(self, table: Table, row: Row) -> None:
        lat, lon = row.values.get("lat"), row.values.get("lon")
        if lat is None or lon is None:
            return
        lat_ok = COUNTY_LAT[0] <= lat <= COUNTY_LAT[1]
        lon_ok = COUNTY_LON[0] <= lon <= COUNTY_LON[1]
        if lat_ok and lon_ok:
            return
        place = f"lat {row.raw['lat']}, lon {row.raw['lon']}"
        area = f"lat {COUNTY_LAT[0]}-{COUNTY_LAT[1]}, lon {COUNTY_LON[0]}-{COUNTY_LON[1]}"
        swapped = COUNTY_LAT[0] <= lon <= COUNTY_LAT[1] and COUNTY_LON[0] <= lat <= COUNTY_LON[1]
        column = "lon" if lat_ok else "lat"
        if swapped:
            message = msg("lat_lon_swapped", place=place, area=area)
        else:
            message = msg("outside_county", place=place, area=area)
        self.error(table, row, column, row.raw[column], message)

    def check_postal_centre(self, table: Table, row: Row) -> None:
        """A postal area's centre outside Finland is an error (a typo or a swapped pair);
        inside Finland but outside the county's box only a warning."""
        lat, lon = row.values.get("lat"), row.values.get("lon")
        if lat is None or lon is None:
            return
        place = f"lat {row.raw['lat']}, lon {row.raw['lon']}"
        lat_ok = FINLAND_LAT[0] <= lat <= FINLAND_LAT[1]
        lon_ok = FINLAND_LON[0] <= lon <= FINLAND_LON[1]
        column = "lon" if lat_ok else "lat"
        if not (lat_ok and lon_ok):
            area = f"lat {FINLAND_LAT[0]}-{FINLAND_LAT[1]}, lon {FINLAND_LON[0]}-{FINLAND_LON[1]}"
            swapped = (
                FINLAND_LAT[0] <= lon <= FINLAND_LAT[1] and FINLAND_LON[0] <= lat <= FINLAND_LON[1]
            )
            key = "postal_centre_swapped" if swapped else "postal_centre_outside_finland"
            self.error(table, row, column, row.raw[column], msg(key, place=place, area=area))
            return
        if COUNTY_LAT[0] <= lat <= COUNTY_LAT[1] and COUNTY_LON[0] <= lon <= COUNTY_LON[1]:
            return
        column = "lon" if COUNTY_LAT[0] <= lat <= COUNTY_LAT[1] else "lat"
        area = f"lat {COUNTY_LAT[0]}-{COUNTY_LAT[1]}, lon {COUNTY_LON[0]}-{COUNTY_LON[1]}"
        self.problems.warning(
            table.source,
            row.row,
            column,
            row.raw[column],
            msg("postal_centre_outside_county", place=place, area=area),
        )

    def check_group(self, table: Table, row: Row) -> None:
        v = row.values
        lo, hi = v.get("min_size"), v.get("max_size")
        if lo is not None and hi is not None and lo > hi:
            self.error(
                table,
                row,
                "min_size",
                row.raw["min_size"],
                msg("min_over_max", min=lo, max=hi),
            )
        if (
            "weeks" in table.columns
            and "weeks" in v
            and v["weeks"] is None
            and v.get("kind") not in (None, *rules.TERMLESS_KINDS)
        ):
            self.error(
                table,
                row,
                "weeks",
                "",
                msg("weeks_empty", kind=msg(f"kind.{v['kind']}"), rule="term"),
            )
        if v.get("drop_in") and v.get("kind") not in (None, *rules.DROP_IN_KINDS):
            self.error(
                table,
                row,
                "drop_in",
                row.raw["drop_in"],
                msg("drop_in_kind", kind=msg(f"kind.{v['kind']}"), lines=rules.DROP_IN_LINES),
            )
        start, hours = v.get("start"), v.get("hours")
        if start is not None and hours is not None and start + round(hours * 60) > 24 * 60:
            self.error(
                table,
                row,
                "start",
                row.raw["start"],
                msg("after_midnight", hours=row.raw["hours"], start=hhmm(start)),
            )

    # --- warnings that never block ---

    def warn_about_access_and_coverage(self) -> None:
        venues, clients = self.tables.get("venues"), self.tables.get("clients")
        municipalities, groups = self.tables.get("municipalities"), self.tables.get("groups")
        names = {
            r.values["code"]: r.values.get("name_fi", r.values["code"])
            for r in (municipalities.rows if municipalities else ())
            if "code" in r.values
        }
        if venues and clients and "needs_accessible" in clients.columns:
            needing = Counter(
                r.values.get("municipality")
                for r in clients.rows
                if r.values.get("needs_accessible")
            )
            by_place: dict[str, list[Row]] = {}
            for r in venues.rows:
                by_place.setdefault(r.values.get("municipality", ""), []).append(r)
            for code, rows in by_place.items():
                if len(rows) == 1 and rows[0].values.get("accessible") is False and needing[code]:
                    r = rows[0]
                    self.problems.warning(
                        venues.source,
                        r.row,
                        "accessible",
                        r.raw.get("accessible"),
                        msg(
                            "only_venue_not_accessible"
                            if needing[code] == 1
                            else "only_venue_not_accessible_many",
                            venue=r.values.get("venue_id", "this venue"),
                            municipality=names.get(code, code),
                            n=needing[code],
                            rule="accessible",
                        ),
                    )
        if municipalities and groups and "municipality" in groups.columns:
            planned = {r.values.get("municipality") for r in groups.rows}
            for r in municipalities.rows:
                code = r.values.get("code")
                if code and code not in planned:
                    self.problems.warning(
                        municipalities.source,
                        r.row,
                        "code",
                        r.raw.get("code"),
                        msg("no_group_planned", municipality=names.get(code, code), code=code),
                    )

    def warn_about_client_languages(self) -> None:
        """A client who speaks neither Finnish nor Swedish: every group is in one of them
        and none has an interpreter (l. 370), so no group can take them. Only a warning:
        the client stays on the list, and the counsellor looks for other help."""
        clients = self.tables.get("clients")
        for row in clients.rows if clients else ():
            spoken = row.values.get("languages")
            if spoken and not set(spoken) & set(rules.GROUP_LANGUAGES):
                self.problems.warning(
                    clients.source,
                    row.row,
                    "languages",
                    row.raw.get("languages"),
                    msg("client_no_group_language", rule="participant_language"),
                )

    def warn_about_postal_codes(self) -> None:
        """A client's postal code not in the `postal_areas` table (they travel from their
        municipality's centre), or an area in another municipality than the client's: by the
        table's `municipality` column, or else when the area's centre is more than
        `FAR_FROM_OWN` times as far from the client's municipality's centre as from another's
        and at least `FAR_FROM_OWN_KM` further."""
        areas, clients = self.keys.get("postal_areas"), self.tables.get("clients")
        if areas is None or clients is None or "postal_code" not in clients.columns:
            return
        centres = {
            code: (r.values["lat"], r.values["lon"])
            for code, r in self.keys.get("municipalities", {}).items()
            if "lat" in r.values and "lon" in r.values
        }
        names = {
            code: r.values.get("name_fi", code)
            for code, r in self.keys.get("municipalities", {}).items()
        }
        for row in clients.rows:
            postal = row.values.get("postal_code")
            own = row.values.get("municipality")
            if not postal:
                continue
            area = areas.get(postal)
            if area is None:
                self.problems.warning(
                    clients.source,
                    row.row,
                    "postal_code",
                    row.raw.get("postal_code"),
                    msg(
                        "postal_code_unknown",
                        value=shown(postal),
                        table=self.source("postal_areas"),
                    ),
                )
                continue
            if own is None:
                continue
            other = area.values.get("municipality")
            if other is None:
                other = self._nearer_municipality(area, own, centres)
            if other is not None and other != own:
                self.problems.warning(
                    clients.source,
                    row.row,
                    "postal_code",
                    row.raw.get("postal_code"),
                    msg(
                        "postal_code_elsewhere",
                        value=shown(postal),
                        area=area.values.get("name_fi", postal),
                        other=names.get(other, other),
                        own=names.get(own, own),
                    ),
                )

    @staticmethod
    def _nearer_municipality(
        area: Row, own: str, centres: dict[str, tuple[float, float]]
    ) -> str | None:
        """Another municipality whose centre is far nearer the area's centre than the
        client's own municipality's, or None."""
        if own not in centres or "lat" not in area.values or "lon" not in area.values:
            return None
        point = (area.values["lat"], area.values["lon"])
        own_km = distance_km(point, centres[own])
        others = [(distance_km(point, c), code) for code, c in centres.items() if code != own]
        if not others:
            return None
        km, code = min(others)
        if own_km > FAR_FROM_OWN * km and own_km - km >= FAR_FROM_OWN_KM:
            return code
        return None

    # --- the season ---

    def season(self) -> Season:
        def make(cls: type, name: str) -> tuple:
            return tuple(cls(**r.values) for r in self.rows(name))

        return Season(
            municipalities=make(Municipality, "municipalities"),
            venues=make(Venue, "venues"),
            staff=make(Staff, "staff"),
            partners=make(Partner, "partners"),
            groups=make(Group, "groups"),
            clients=make(Client, "clients"),
            name=self.tableset.name,
            postal_areas=make(PostalArea, "postal_areas"),
            themes=make(Theme, "themes"),
            travel_minutes=tuple(
                (r.values["from_id"], r.values["to_id"], r.values["mode"], r.values["minutes"])
                for r in self.rows("travel_times")
            ),
        )

    def checked_season(self) -> Season | None:
        """The season, or None with a problem for each invariant it breaks: a safety net, as
        every invariant is checked above with its file, row and column."""
        try:
            return self.season()
        except SeasonError as exc:
            for problem in exc.problems:
                self.problems.error(
                    self.tableset.name, None, None, None, msg("season_invariant", problem=problem)
                )
            return None

    def build(self) -> ImportReport:
        self.index_keys()
        self.resolve_references()
        self.check_rows()
        self.warn_about_access_and_coverage()
        self.warn_about_postal_codes()
        self.warn_about_client_languages()
        order = {source: i for i, source in enumerate(self.tableset.sources.values())}

        def reading_order(p: Problem) -> tuple[int, int]:
            return order.get(p.source, -1), p.row or 0

        season = None if self.problems.errors else self.checked_season()
        unlisted = self.problems.unlisted()
        errors = sorted(self.problems.errors, key=reading_order)
        errors += [p for p in unlisted if p.severity == "error"]
        warnings = sorted(self.problems.warnings, key=reading_order)
        warnings += [p for p in unlisted if p.severity == "warning"]
        log.info(
            "read season %s: %d errors, %d warnings", self.tableset.name, len(errors), len(warnings)
        )
        return ImportReport(season, errors, warnings)


def build_season(tableset: TableSet) -> ImportReport:
    """Validate the tables read and build the Season when nothing is an error."""
    return SeasonBuilder(tableset).build()
