"""iCalendar (RFC 5545) for Outlook and Teams: exports, and live subscription feeds.

    from planner.calendar import CalendarOptions, export_group
    body = export_group(season, plan, "G-001", CalendarOptions(lang="sv"))

Exports (`export`): the offering (optionally filtered), one group, a leader's groups, a
venue's groups and a client's own groups. Each scheduled group is one weekly series in
Europe/Helsinki (`vtimezone`) over its term (`series`), without Finnish public holidays and
the season's closures, with moved or cancelled sessions and sessions led by someone else
as overrides (`events`); `stored` reads those dated changes from the store.
`stored` adds the store's SEQUENCE numbers; `feeds` issues and revokes subscription tokens;
`serve` answers `GET /ics/<token>.ics`. No calendar carries anything about a client.
"""

from planner.calendar.export import (
    KINDS,
    CalendarOptions,
    OfferingFilter,
    Selection,
    export_client,
    export_group,
    export_leader,
    export_offering,
    export_venue,
    render_calendar,
)
from planner.calendar.feeds import (
    FEED_KINDS,
    Feed,
    NewFeed,
    create_feed,
    find_feed,
    list_feeds,
    revoke_feed,
)
from planner.calendar.links import app_url, feed_url, webcal_url
from planner.calendar.series import (
    POPUP_WEEKS,
    Absence,
    CalendarError,
    Closure,
    Override,
    Substitute,
)
from planner.calendar.stored import StoredCalendar, calendar_from_store

__all__ = [
    "FEED_KINDS",
    "KINDS",
    "POPUP_WEEKS",
    "Absence",
    "CalendarError",
    "CalendarOptions",
    "Closure",
    "Feed",
    "NewFeed",
    "OfferingFilter",
    "Override",
    "Selection",
    "StoredCalendar",
    "Substitute",
    "app_url",
    "calendar_from_store",
    "create_feed",
    "export_client",
    "export_group",
    "export_leader",
    "export_offering",
    "export_venue",
    "feed_url",
    "find_feed",
    "list_feeds",
    "render_calendar",
    "revoke_feed",
    "webcal_url",
]
