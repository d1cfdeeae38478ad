"""The database: the only part of the planner that speaks SQL.

    from planner.store import Store
    store = Store.open()                      # PLANNER_DB_URL, else ./planner.sqlite3
    season_id = store.import_season(season, source="data/")   # a draft beside the live one
    plan_id = store.save_plan(result.plan, summary, season_id=season_id)
    store.publish_season(season_id)   # a draft goes live (a first season is live already)

SQLite by default, PostgreSQL by URL (`postgresql://...`, driven by psycopg 3). The schema
is kept by the Alembic migrations in `migrations/`; `Store.open` upgrades it.

The live offering: `Enrolments(store)` publishes a plan and enrols clients without ever
overbooking; `GroupRecords(store)` keeps attendance and summaries; `suggest_meetings` times
the joint meetings (l. 379) and `Meetings(store)` books, cancels and marks them held;
`DatedChanges(store)` keeps closures, cancelled or moved sessions, absences and substitutes,
checked when entered; `Clients(store)` adds and edits clients after the import, re-checking
their places; `planner.store.figures` has the team's tracked figures. One group set by hand:
`Store.pin_group` (`planner.store.pins`). Solve runs, seen by every session: `SolveRuns(store)`
(`planner.store.solve_runs`). The work car's runs computed once per plan: `RouteCache(store)`
(`planner.store.route_cache`). Clients' service timelines: `Timelines(store)`
(`planner.store.timelines`).
"""

from planner.store.bookings import Meeting, MeetingRefused, Meetings
from planner.store.changes import ChangeRefused, DatedChange, DatedChanges
from planner.store.clients import ClientEdit, ClientRefused, Clients, PlacesNoLongerFit
from planner.store.engine import default_url
from planner.store.enrolment import Enrolments
from planner.store.errors import StoreError
from planner.store.meetings import GroupRecords, MeetingSlot, suggest_meetings
from planner.store.outcomes import EnrolOutcome, Outcome, PublishReport, Seats
from planner.store.pins import PinEdit, PinRefused, Pins
from planner.store.plan_gate import PlanRejected, PlanUnsolved
from planner.store.publish_diff import (
    PublishPreview,
    Resolution,
    ResolutionRefused,
    StrandedClients,
)
from planner.store.solve_runs import RunRefused, SolveRun, SolveRuns
from planner.store.store import Store
from planner.store.timelines import TimelineRefused, Timelines

__all__ = [
    "ChangeRefused",
    "ClientEdit",
    "ClientRefused",
    "Clients",
    "DatedChange",
    "DatedChanges",
    "EnrolOutcome",
    "Enrolments",
    "GroupRecords",
    "Meeting",
    "MeetingRefused",
    "MeetingSlot",
    "Meetings",
    "Outcome",
    "PinEdit",
    "PinRefused",
    "Pins",
    "PlacesNoLongerFit",
    "PlanRejected",
    "PlanUnsolved",
    "PublishPreview",
    "PublishReport",
    "Resolution",
    "ResolutionRefused",
    "RunRefused",
    "Seats",
    "SolveRun",
    "SolveRuns",
    "Store",
    "StoreError",
    "StrandedClients",
    "TimelineRefused",
    "Timelines",
    "default_url",
    "suggest_meetings",
]
