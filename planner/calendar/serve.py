"""`planner serve`: the live calendar feeds, `GET /ics/<token>.ics`, as a small ASGI app.

    app = create_app(Store.open())          # any ASGI server
    run(port=8502)                          # or uvicorn in-process

An unknown or revoked token answers 404 with an empty body. A calendar is made once per
(feed, current plan, version of the season's dated changes) and kept in memory, so saving a
new plan or adding or removing a dated change (`planner change`, the app) changes every feed
at its next request. Responses carry an ETag (hash of the body) and Last-Modified (the later
of the plan's save time and the last dated change, so every server gives the same), and
answer 304 to If-None-Match or, without it, If-Modified-Since. A stored change never makes a
feed fail: it was checked when entered, and one that no longer fits the plan is skipped.

uvicorn's access log is off: request paths hold the secret tokens.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import threading
from collections import OrderedDict
from dataclasses import dataclass
from email.utils import format_datetime, parsedate_to_datetime

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from planner.calendar.export import CalendarOptions
from planner.calendar.feeds import Feed, find_feed
from planner.calendar.links import DEFAULT_FEED_PORT
from planner.calendar.stored import calendar_from_store, load_current
from planner.model import Plan, Season
from planner.store import Store
from planner.store.calendars import PlanStamp, current_plan, seats_version
from planner.store.changes import changes_version

log = logging.getLogger("planner")

MEDIA_TYPE = "text/calendar"  # Starlette adds "; charset=utf-8" to text types
CACHE_SIZE = 512
HEADERS = {
    # Feeds are per subscriber: no shared caches; clients revalidate with the ETag.
    "Cache-Control": "private, no-cache",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Robots-Tag": "noindex",
}


CacheKey = tuple[int, int, int | None, tuple[int, int], tuple[int, int, int]]


@dataclass(frozen=True, slots=True)
class _Rendered:
    body: bytes
    etag: str
    last_modified: dt.datetime


class FeedCache:
    """Calendars by (feed id, season id, plan id, changes version); the least recently used
    go first."""

    def __init__(self, size: int = CACHE_SIZE) -> None:
        self.size = size
        self._items: OrderedDict[CacheKey, _Rendered] = OrderedDict()
        self._lock = threading.Lock()
        self._loaded: tuple[tuple[int, int | None], tuple[Season, Plan]] | None = None

    def get(self, key: CacheKey) -> _Rendered | None:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key: CacheKey, value: _Rendered) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def season_and_plan(self, store: Store, stamp: PlanStamp) -> tuple[Season, Plan]:
        """The current season and plan, read once per plan for all feeds."""
        key = (stamp.season_id, stamp.plan_id)
        with self._lock:
            if self._loaded is not None and self._loaded[0] == key:
                return self._loaded[1]
        loaded = load_current(store, stamp)
        with self._lock:
            self._loaded = (key, loaded)
        return loaded

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._loaded = None


def create_app(
    store: Store,
    app_url: str | None = None,
    cache_size: int = CACHE_SIZE,
) -> Starlette:
    """The feed service over `store`; the season's dated changes apply to every feed."""
    started = dt.datetime.now(dt.UTC).replace(microsecond=0)
    cache = FeedCache(cache_size)

    def render(found: Feed, stamp: PlanStamp) -> tuple[CacheKey, _Rendered]:
        options = CalendarOptions(lang=found.lang, app_url=app_url)
        made = calendar_from_store(
            store,
            found.selection,
            options,
            stamp=stamp,
            loaded=cache.season_and_plan(store, stamp),
        )
        modified = (made.modified_at or started).replace(microsecond=0)
        version = made.changes.key if made.changes is not None else (0, 0)
        places = made.seats.key if made.seats is not None else (0, 0, 0)
        key = (found.id, stamp.season_id, stamp.plan_id, version, places)
        return key, _Rendered(
            body=made.body,
            etag='"' + hashlib.sha256(made.body).hexdigest()[:32] + '"',
            last_modified=modified,
        )

    async def feed(request: Request) -> Response:
        # The two lookups are single indexed rows, done on the event loop: a thread hop per
        # request cost more than the queries (about half the throughput). Rendering, which
        # takes up to a second for the whole offering, runs in a worker thread.
        try:
            found = find_feed(store, request.path_params["token"])
            if found is None:
                return Response(status_code=404)
            stamp = current_plan(store)
            if stamp is None:
                return Response(status_code=404)
            version = changes_version(store, stamp.season_id).key
            places = seats_version(store, stamp.season_id).key
            rendered = cache.get((found.id, stamp.season_id, stamp.plan_id, version, places))
            if rendered is None:
                key, rendered = await run_in_threadpool(render, found, stamp)
                cache.put(key, rendered)
        except Exception:
            # One line in the server log; the client learns nothing about the cause.
            log.exception("calendar feed failed")
            return Response(status_code=500)
        headers = {
            **HEADERS,
            "ETag": rendered.etag,
            "Last-Modified": format_datetime(rendered.last_modified, usegmt=True),
        }
        if _not_modified(request, rendered):
            return Response(status_code=304, headers=headers)
        return Response(rendered.body, headers=headers, media_type=MEDIA_TYPE)

    async def not_found(request: Request, exc: Exception) -> Response:
        return Response(status_code=404)

    app = Starlette(
        routes=[Route("/ics/{token}.ics", feed, methods=["GET"])],
        exception_handlers={404: not_found, 405: not_found},
    )
    app.state.feed_cache = cache
    return app


def _not_modified(request: Request, rendered: _Rendered) -> bool:
    """RFC 9110 13.1: If-None-Match decides when present; otherwise If-Modified-Since."""
    if_none_match = request.headers.get("if-none-match")
    if if_none_match is not None:
        tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        return "*" in tags or rendered.etag in tags
    if_modified_since = request.headers.get("if-modified-since")
    if if_modified_since:
        try:
            since = parsedate_to_datetime(if_modified_since)
        except (TypeError, ValueError):
            return False
        if since.tzinfo is None:
            return False
        return rendered.last_modified <= since
    return False


def run(
    store: Store,
    host: str = "127.0.0.1",
    port: int = DEFAULT_FEED_PORT,
    app_url: str | None = None,
    log_level: str = "info",
) -> None:
    """Serve the feeds with uvicorn until interrupted."""
    import uvicorn

    app = create_app(store, app_url)
    uvicorn.run(app, host=host, port=port, log_level=log_level, access_log=False)
