"""The team's tracked figures (l. 537-543), per reporting period, as tables for a spreadsheet.

    figures = team_figures(store)                              # the season's term
    figures = team_figures(store, period=Period.month("2027-02"))
    write_figures_xlsx(figures, "figures.xlsx")

Each client is counted once per period (`planner.rules.overlaps_period`), not per group place:

- `clients` (per municipality): `group_work`, the clients who held a group place at any time
  in the period; `individual_only`, the clients of the service in the period without a place
  and not waiting for one; `waiting`, those without a place who waited for one in it, apart.
  A client of the service: one of the season's clients whose recorded service start
  (`service_timelines`) is not after the period's end; without a timeline, every client of
  the season.
  A client whose service ended (`Timelines.end`) before the period's start is not one.
- `endings` and `follow_up`: the clients whose service ended in the period, each once, by
  the reason and follow-up path their own worker recorded (l. 542-543). A place that ends
  while the service goes on (a client leaves a group for individual work) is no ending of
  the service and is not counted here.
- `period`: the period counted and the season, one row (the workbook's first sheet).
- `seats` (per published group: seats taken of the maximum, waiting list, at risk of not
  running): as the offering stands now, whatever the period.
- `drop_in` (per drop-in pop-up group of the season, l. 355, 366; `drop_in_figures`): the
  sessions with a head count in the period, the visits (their sum; visitors are not clients
  and are never counted in `clients`) and the mean per session.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd
import sqlalchemy as sa

from planner import rules
from planner.periods import Period
from planner.spreadsheet import write_workbook
from planner.store.enrolment import Enrolments
from planner.store.live import reading, season_of
from planner.store.outcomes import ENDING_REASONS, FOLLOW_UP_PATHS, OfferingStatus
from planner.store.schema import ClientRow, EnrolmentRow, GroupRow, MunicipalityRow, SeasonRow
from planner.store.store import Store
from planner.store.timelines import timelines_in
from planner.terms import LOCAL_ZONE
from planner.timeline import Timeline

NOT_RECORDED = "not_recorded"


def team_figures(
    store: Store, season_id: int | None = None, period: Period | None = None
) -> dict[str, pd.DataFrame]:
    """The tracked figures of a season (default: the current one) in `period` (default: the
    season's term, `season_term`), one DataFrame per table."""
    with reading(store, "count the figures") as conn:
        season_id = season_of(conn, season_id)
        if period is None:
            period = _term(conn, season_id)
        clients = _frame(
            conn,
            sa.select(ClientRow.client_code, ClientRow.municipality).where(
                ClientRow.season_id == season_id
            ),
        )
        places = _frame(
            conn,
            sa.select(
                EnrolmentRow.client_code,
                EnrolmentRow.group_id,
                EnrolmentRow.status,
                EnrolmentRow.created_at,
                EnrolmentRow.ended_at,
                EnrolmentRow.end_reason,
                EnrolmentRow.follow_up,
            ).where(EnrolmentRow.season_id == season_id),
        )
        timelines = timelines_in(conn, clients["client_code"])
        season_name = conn.scalar(sa.select(SeasonRow.name).where(SeasonRow.id == season_id))
        municipalities = _frame(
            conn,
            sa.select(MunicipalityRow.code, MunicipalityRow.name_fi, MunicipalityRow.name_sv)
            .where(MunicipalityRow.season_id == season_id)
            .order_by(MunicipalityRow.position),
        )
        groups = _frame(
            conn,
            sa.select(GroupRow.group_id, GroupRow.name, GroupRow.municipality).where(
                GroupRow.season_id == season_id
            ),
        )
    offering = Enrolments(store, season_id).offerings()
    in_service = clients[
        _mask(clients, [_in_service(timelines.get(c), period) for c in clients["client_code"]])
    ]
    ended = _service_ends(timelines.values(), period)
    return {
        "period": pd.DataFrame(
            {"season": [season_name], "from": [period.start], "to": [period.end]}
        ),
        "clients": _clients(in_service, places, municipalities, period),
        "endings": _count(ended, "end_reason", ENDING_REASONS, "reason"),
        "follow_up": _count(ended, "follow_up", FOLLOW_UP_PATHS, "follow_up"),
        "seats": _seats(offering, groups),
        "drop_in": drop_in_figures(store, season_id, period),
    }


def _in_service(timeline: Timeline | None, period: Period) -> bool:
    """A client of the service in the period: started by its end and not ended before its
    start; without a timeline, every client of the season."""
    if timeline is None:
        return True
    return rules.overlaps_period(timeline.start, timeline.ended_on, period.start, period.end)


def _service_ends(timelines: Iterable[Timeline], period: Period) -> pd.DataFrame:
    """One row per client whose service ended in the period: its reason and follow-up path
    (empty when not recorded)."""
    rows = [
        (tl.client_code, tl.end_reason or "", tl.follow_up or "")
        for tl in timelines
        if tl.ended_on is not None and period.start <= tl.ended_on <= period.end
    ]
    return pd.DataFrame(rows, columns=["client_code", "end_reason", "follow_up"])


DROP_IN_COLUMNS = ("group_id", "name", "municipality", "sessions", "visits", "mean_visits")


def drop_in_figures(
    store: Store, season_id: int | None = None, period: Period | None = None
) -> pd.DataFrame:
    """Per drop-in pop-up group of the season (l. 355, 366), in the season's order: the held
    sessions with a head count in `period` (default: the season's term), the visits (the sum
    of the head counts) and the mean per session (0.0 without any)."""
    # The head-count tables serve this table alone: imported where they are used.
    from planner.store.schema import HeadCountRow, OfferingRow

    with reading(store, "count the drop-in visits") as conn:
        season_id = season_of(conn, season_id)
        if period is None:
            period = _term(conn, season_id)
        groups = conn.execute(
            sa.select(GroupRow.group_id, GroupRow.name, GroupRow.municipality)
            .where(
                GroupRow.season_id == season_id,
                GroupRow.drop_in,
                GroupRow.kind.in_(rules.DROP_IN_KINDS),
            )
            .order_by(GroupRow.position)
        ).all()
        counts = conn.execute(
            sa.select(
                OfferingRow.group_id,
                sa.func.count(HeadCountRow.id),
                sa.func.coalesce(sa.func.sum(HeadCountRow.visitors), 0),
            )
            .join(OfferingRow, OfferingRow.id == HeadCountRow.offering_id)
            .where(
                OfferingRow.season_id == season_id,
                HeadCountRow.session_date >= period.start,
                HeadCountRow.session_date <= period.end,
            )
            .group_by(OfferingRow.group_id)
        ).all()
    per = {gid: (int(n), int(total)) for gid, n, total in counts}
    rows = []
    for g in groups:
        sessions, visits = per.get(g.group_id, (0, 0))
        mean = round(visits / sessions, 1) if sessions else 0.0
        rows.append((g.group_id, g.name, g.municipality, sessions, visits, mean))
    return pd.DataFrame(rows, columns=list(DROP_IN_COLUMNS))


def season_term(store: Store, season_id: int | None = None) -> Period:
    """The season's term: from its first group's start to its last group's last week (a
    pop-up without weeks adds its start only); the whole calendar for a season without
    groups."""
    with reading(store, "read the season's term") as conn:
        return _term(conn, season_of(conn, season_id))


def _term(conn: sa.Connection, season_id: int) -> Period:
    rows = conn.execute(
        sa.select(GroupRow.start_date, GroupRow.weeks).where(GroupRow.season_id == season_id)
    ).all()
    if not rows:
        return Period(dt.date.min, dt.date.max)
    ends = [r.start_date + dt.timedelta(days=7 * r.weeks - 1) for r in rows if r.weeks]
    starts = [r.start_date for r in rows]
    return Period(min(starts), max([*ends, *starts]))


def _mask(frame: pd.DataFrame, keep: list[bool]) -> pd.Series:
    """`keep` as a row mask of `frame` (an empty list still selects rows, not columns)."""
    return pd.Series(keep, index=frame.index, dtype=bool)


def _day(value: object) -> dt.date | None:
    """A stored timestamp's day in Helsinki (the store keeps UTC; SQLite gives it back without
    a zone); None for a place still on."""
    if value is None or pd.isna(value):
        return None
    stamp = pd.Timestamp(value)
    stamp = stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp
    return stamp.tz_convert(LOCAL_ZONE).date()


def _in_period(places: pd.DataFrame, period: Period) -> pd.DataFrame:
    keep = [
        rules.overlaps_period(_day(since) or dt.date.min, _day(ended), period.start, period.end)
        for since, ended in zip(places["created_at"], places["ended_at"], strict=True)
    ]
    return places[_mask(places, keep)]


def write_figures_xlsx(figures: Mapping[str, pd.DataFrame], path: str | Path) -> Path:
    """One sheet per table, named like the table, with readable column widths; written by
    `planner.spreadsheet.write_workbook`, so a name is never a live formula."""
    return write_workbook(figures, path)


def _frame(conn: sa.Connection, query: sa.Select) -> pd.DataFrame:
    result = conn.execute(query)
    return pd.DataFrame(result.all(), columns=list(result.keys()))


def _clients(
    clients: pd.DataFrame, places: pd.DataFrame, municipalities: pd.DataFrame, period: Period
) -> pd.DataFrame:
    held = _in_period(places[places["status"].isin(rules.FIGURE_PLACE_HELD)], period)
    waited = _in_period(places[places["status"].isin(rules.FIGURE_WAITING)], period)
    in_groups = set(held["client_code"])
    waiting = set(waited["client_code"]) - in_groups
    clients = clients.assign(
        group_work=clients["client_code"].isin(in_groups),
        waiting=clients["client_code"].isin(waiting),
    )
    per = clients.groupby("municipality").agg(
        clients=("client_code", "size"),
        group_work=("group_work", "sum"),
        waiting=("waiting", "sum"),
    )
    table = municipalities.rename(columns={"code": "municipality"}).merge(
        per, left_on="municipality", right_index=True, how="left"
    )
    counts = ["clients", "group_work", "waiting"]
    table[counts] = table[counts].fillna(0).astype(int)
    table["individual_only"] = table["clients"] - table["group_work"] - table["waiting"]
    columns = ["municipality", "name_fi", "name_sv", "clients", "group_work"]
    return table[[*columns, "individual_only", "waiting"]].reset_index(drop=True)


def _count(left: pd.DataFrame, column: str, keys: tuple[str, ...], name: str) -> pd.DataFrame:
    """Distinct clients per key, every known key listed (zeros too), then unrecorded ones."""
    values = left[column].replace("", NOT_RECORDED)
    per = left.assign(key=values).groupby("key")["client_code"].nunique()
    order = [*keys, NOT_RECORDED, *sorted(set(per.index) - {*keys, NOT_RECORDED})]
    return pd.DataFrame({name: order, "clients": [int(per.get(k, 0)) for k in order]})


def _seats(offering: list[OfferingStatus], groups: pd.DataFrame) -> pd.DataFrame:
    names = groups.set_index("group_id")
    return pd.DataFrame(
        [
            {
                "group_id": o.group_id,
                "name": names.at[o.group_id, "name"] if o.group_id in names.index else "",
                "municipality": (
                    names.at[o.group_id, "municipality"] if o.group_id in names.index else ""
                ),
                "status": o.status,
                "taken": o.taken,
                "max_size": o.max_size,
                "used": round(o.taken / o.max_size, 3) if o.max_size else 0.0,
                "waiting": o.waiting,
                "leaders": len(o.leaders),
                "at_risk": o.at_risk,
                "needs_second_leader": o.needs_second_leader,
            }
            for o in offering
        ],
        columns=[
            "group_id",
            "name",
            "municipality",
            "status",
            "taken",
            "max_size",
            "used",
            "waiting",
            "leaders",
            "at_risk",
            "needs_second_leader",
        ],
    )
