"""Links: from a calendar event back to the app, and to a subscription feed.

`PLANNER_APP_URL` is where the Streamlit app answers (default http://localhost:8501);
`PLANNER_FEED_URL` is where `planner serve` answers as clients see it, e.g. behind a
reverse proxy (default http://localhost:8502). Outlook on the web subscribes only to
https addresses, so a real deployment sets an https `PLANNER_FEED_URL`.
"""

from __future__ import annotations

import os
from urllib.parse import quote, urlsplit, urlunsplit

APP_URL_VAR = "PLANNER_APP_URL"
FEED_URL_VAR = "PLANNER_FEED_URL"
DEFAULT_APP_URL = "http://localhost:8501"
DEFAULT_FEED_PORT = 8502
DEFAULT_FEED_URL = f"http://localhost:{DEFAULT_FEED_PORT}"


def app_base_url(base: str | None = None) -> str:
    return (base or os.environ.get(APP_URL_VAR) or DEFAULT_APP_URL).rstrip("/")


def feed_base_url(base: str | None = None) -> str:
    return (base or os.environ.get(FEED_URL_VAR) or DEFAULT_FEED_URL).rstrip("/")


def app_url(group_id: str, base: str | None = None) -> str:
    """The group's page in the app: `<base>/?group=G-001`."""
    return f"{app_base_url(base)}/?group={quote(group_id, safe='')}"


def feed_path(token: str) -> str:
    return f"/ics/{quote(token, safe='')}.ics"


def feed_url(token: str, base: str | None = None) -> str:
    """The feed's http(s) address, for 'subscribe from web' in Outlook and Teams."""
    return feed_base_url(base) + feed_path(token)


def webcal_url(token: str, base: str | None = None) -> str:
    """The feed as a `webcal://` link, which opens the subscribe dialog of a calendar app.

    The scheme says nothing about transport security; clients fetch it as they were
    configured, so the http(s) address from `feed_url` is given beside it where it matters.
    """
    parts = urlsplit(feed_url(token, base))
    return urlunsplit(("webcal", *parts[1:]))
