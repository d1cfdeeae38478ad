"""The team's tracked figures (l. 537-543), as tables for a spreadsheet.

    figures = team_figures(store)            # the current season
    write_figures_xlsx(figures, "figures.xlsx")

Tables: `clients` (per municipality: clients in group work, i.e. with an active enrolment,
and clients in individual work only), `endings` (reasons for leaving a group, distinct
clients per reason), `follow_up` (follow-up paths, distinct clients per path) and `seats`
(per published group: seats taken of the maximum, waiting list, at risk of not running).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd
import sqlalchemy as sa

from planner.spreadsheet import write_workbook
from planner.store.enrolment import Enrolments
from planner.store.live import reading, season_of
from planner.store.outcomes import ENDING_REASONS, FOLLOW_UP_PATHS, OfferingStatus
from planner.store.schema import ClientRow, EnrolmentRow, GroupRow, MunicipalityRow
from planner.store.store import Store

NOT_RECORDED = "not_recorded"
LEFT = ("cancelled", "withdrawn")  # the client's own ending, not the group's


def team_figures(store: Store, season_id: int | None = None) -> dict[str, pd.DataFrame]:
    """The tracked figures of a season (default: the current one), one DataFrame per table."""
    with reading(store, "count the figures") as conn:
        season_id = season_of(conn, season_id)
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
                EnrolmentRow.end_reason,
                EnrolmentRow.follow_up,
            ).where(EnrolmentRow.season_id == season_id),
        )
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
    left = places[places["status"].isin(LEFT)]
    return {
        "clients": _clients(clients, places, municipalities),
        "endings": _count(left, "end_reason", ENDING_REASONS, "reason"),
        "follow_up": _count(left, "follow_up", FOLLOW_UP_PATHS, "follow_up"),
        "seats": _seats(offering, groups),
    }


def write_figures_xlsx(figures: Mapping[str, pd.DataFrame], path: str | Path) -> Path:
    """One sheet per table, named like the table, with readable column widths; written by
    `planner.spreadsheet.write_workbook`, so a name is never a live formula."""
    return write_workbook(figures, path)


def _frame(conn: sa.Connection, query: sa.Select) -> pd.DataFrame:
    result = conn.execute(query)
    return pd.DataFrame(result.all(), columns=list(result.keys()))


def _clients(
    clients: pd.DataFrame, places: pd.DataFrame, municipalities: pd.DataFrame
) -> pd.DataFrame:
    in_groups = set(places.loc[places["status"] == "active", "client_code"])
    clients = clients.assign(group_work=clients["client_code"].isin(in_groups))
    per = clients.groupby("municipality")["group_work"].agg(clients="size", group_work="sum")
    table = municipalities.rename(columns={"code": "municipality"}).merge(
        per, left_on="municipality", right_index=True, how="left"
    )
    table[["clients", "group_work"]] = table[["clients", "group_work"]].fillna(0).astype(int)
    table["individual_only"] = table["clients"] - table["group_work"]
    return table.reset_index(drop=True)


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
