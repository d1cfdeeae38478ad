"""A client entered by hand (the app's client form, `planner client add|edit`): one row of the
`clients` table, checked exactly as the import checks it.

    check = check_client(season, {"client_code": "C-00042", "municipality": "Espoo", ...})
    if check.ok:
        Clients(store).add(check.client, actor="anna")
    else:
        for problem in check.problems:
            print(problem.column, problem.message_in("sv"))

The cells go through the import's own parsers (`parse_table` with `SPECS["clients"]`) and its
reference checks (`SeasonBuilder.beside`: municipality names or codes, a counsellor who is
staff and not a partner, wishes that are groups), with the keys taken from the season. On top
of that: a new client's code is not in the season yet, an edit keeps the code, and the
season with the client still holds its invariants (`planner.model.season_problems`).

The code is a pseudonym (`planner.io.fields.check_client_code`): a name or an identity code
is refused, and no message ever shows a client code back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from planner.io.build import SeasonBuilder
from planner.io.problems import HIDDEN, Problem, msg
from planner.io.schema import SPECS
from planner.io.tables import ALL_TABLES, RawTable, TableSet, normalise_column
from planner.model import WEEKDAYS, Client, Season, SeasonError

TABLE = "clients"
COLUMNS = tuple(column.name for column in SPECS[TABLE].columns)
"""The clients table's columns, in the data contract's order."""
SOURCE = TABLE
"""What a problem of an entered client names as its source: the table, not a file."""
_ROW = 2  # the row the one-row table is read as; problems drop it again


@dataclass(frozen=True)
class ClientCheck:
    """What `check_client` found: the client when nothing is an error, and every problem
    (errors in `problems`, remarks that do not block in `warnings`), each naming its column."""

    client: Client | None
    problems: tuple[Problem, ...] = ()
    warnings: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return self.client is not None and not self.problems

    def lines(self, lang: str = "en") -> list[str]:
        """Every problem as one line, errors first: "clients, column days: ..."."""
        return [f"{p.severity}: {p.line(lang)}" for p in (*self.problems, *self.warnings)]


def client_cells(client: Client) -> dict[str, str]:
    """A client as the text of its row in the clients table: what the import reads back as
    the same client (days as Mon..Fri, lists `;`-separated, booleans yes/no)."""
    return {
        "client_code": client.client_code,
        "municipality": client.municipality,
        "postal_code": client.postal_code,
        "languages": ";".join(client.languages),
        "interests": ";".join(client.interests),
        "audience": ";".join(client.audience),
        "days": ";".join(WEEKDAYS[d] for d in client.days),
        "travel": client.travel,
        "max_travel_min": str(client.max_travel_min),
        "needs_accessible": "yes" if client.needs_accessible else "no",
        "counsellor": client.counsellor,
        "wishes": ";".join(client.wishes),
        "max_groups": str(client.max_groups),
        "remote": "yes" if client.remote else "no",
    }


def changed_fields(before: Client, after: Client) -> tuple[str, ...]:
    """The columns whose values differ, in the table's order (names only, never values)."""
    old, new = client_cells(before), client_cells(after)
    return tuple(column for column in COLUMNS if old[column] != new[column])


def check_client(
    season: Season, cells: Mapping[str, str], *, editing: str | None = None
) -> ClientCheck:
    """Check one client's cells against `season` as the import would, and build the client.

    `cells` maps column names of the clients table to text. A new client (`editing` None)
    needs every required column; a missing cell is read as empty. Editing the client with
    code `editing`, only the cells given change: the others keep the client's values, and a
    `client_code` cell must repeat the code."""
    given = {normalise_column(k): "" if v is None else str(v).strip() for k, v in cells.items()}
    if editing is not None:
        current = season.client.get(editing)
        if current is None:
            return _refused("client_unknown")
        if given.get("client_code", editing) != editing:
            return _refused("client_code_changed")
        row = {**client_cells(current), **given, "client_code": editing}
    else:
        row = {**dict.fromkeys(COLUMNS, ""), **given}
    tables = TableSet(
        season.name,
        tables={TABLE: RawTable(TABLE, SOURCE, list(row), [(_ROW, row)], decimal_comma=True)},
        sources={table: table for table in ALL_TABLES},
    )
    builder = SeasonBuilder.beside(season, tables)
    builder.resolve_references()
    builder.warn_about_client_languages()
    values = builder.tables[TABLE].rows[0].values
    code = values.get("client_code")
    if editing is None and code is not None and code in season.client:
        builder.problems.error(SOURCE, _ROW, "client_code", HIDDEN, msg("client_code_taken"))
    problems = tuple(_unplaced(p) for p in builder.problems.errors)
    warnings = tuple(_unplaced(p) for p in builder.problems.warnings)
    if problems:
        return ClientCheck(None, problems, warnings)
    client = Client(**values)
    try:
        with_client(season, client)
    except SeasonError as exc:
        invariants = tuple(
            Problem(SOURCE, None, None, None, msg("season_invariant", problem=problem))
            for problem in exc.problems
        )
        return ClientCheck(None, invariants, warnings)
    return ClientCheck(client, (), warnings)


def with_client(season: Season, client: Client) -> Season:
    """The season with `client` added, or in place of the client with the same code
    (raises `SeasonError` when that breaks an invariant)."""
    clients = list(season.clients)
    at = next((i for i, c in enumerate(clients) if c.client_code == client.client_code), None)
    if at is None:
        clients.append(client)
    else:
        clients[at] = client
    return replace(season, clients=tuple(clients))


def _refused(key: str) -> ClientCheck:
    return ClientCheck(None, (Problem(SOURCE, None, "client_code", HIDDEN, msg(key)),))


def _unplaced(problem: Problem) -> Problem:
    """The problem without the row number: an entered client has no row to point at."""
    text = problem.text if problem.text is not None else problem.message
    return Problem(SOURCE, None, problem.column, problem.value, text, problem.severity)
