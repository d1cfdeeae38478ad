"""`planner serve`: the live calendar feeds, `GET /ics/<token>.ics`, and the groups' feedback
forms, `/feedback/<token>`, as a small ASGI app.

    app = create_app(Store.open())          # any asyncio ASGI server
    run(port=8502)                          # or uvicorn in-process (`server_config`)

An unknown or revoked token answers 404 with an empty body. A calendar is made once per
(feed, current plan, version of the season's dated changes) and kept in memory, so saving a
new plan or adding or removing a dated change (`planner change`, the app) changes every feed
at its next request. Responses carry an ETag (hash of the body) and Last-Modified (the later
of the plan's save time and the last dated change, so every server gives the same), and
answer 304 to If-None-Match or, without it, If-Modified-Since. A stored change never makes a
feed fail: it was checked when entered, and one that no longer fits the plan is skipped.

One slow query never stalls the service. A path whose token could not be one we issued
answers 404 before any database work. Every store call runs in a small pool of its own
threads, off the event loop, and a request whose lookups take longer than `db_timeout_s`
(rendering: `render_timeout_s`) answers 503 with Retry-After; the work left behind still
fills the cache. More than `max_in_flight` requests at once answer 503 as well. Every
response, whatever its status, carries the same `HEADERS` (one middleware, `_Guard`).

Slow clients: uvicorn has no timeout for reading a request's head (its issue #157), and its
keep-alive timeout only covers the idle time between requests. `server_config` therefore runs
uvicorn's h11 protocol with a deadline for a complete request head (`HEADER_TIMEOUT_S`, from
the connection's start or the next request's first byte), a bounded head size
(`MAX_HEAD_BYTES`) and keep-alive (`KEEP_ALIVE_S`), and without the `server` banner.

uvicorn's access log is off: request paths hold the secret tokens.

Feedback from groups (`planner.feedback`, l. 527): `GET /feedback/<token>` answers a round's
anonymous form as HTML (`?lang=fi|sv|en`, by default the group's language) and `POST` to the
same path stores one answer (form-encoded, at most `MAX_FORM_BYTES`, every value checked:
a wrong one gets the form again with what to fix, 400, and nothing is stored) and answers a
thank-you page. An unknown, closed, expired or full round answers a plain 404 page. Nothing
about the person answering is kept or logged: no address, no time, no cookie. The pages carry
`planner.feedback.page.CSP` besides `HEADERS`: only their own style, the form posting to self.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import logging
import threading
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass
from email.utils import format_datetime, parsedate_to_datetime
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import parse_qs

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from planner.calendar.export import CalendarOptions
from planner.calendar.feeds import Feed, find_feed, well_formed
from planner.calendar.links import DEFAULT_FEED_PORT
from planner.calendar.stored import calendar_from_store, load_current
from planner.feedback import page as feedback_page
from planner.feedback.answers import FeedbackError, answer_from_form
from planner.feedback.rounds import feedback_path, hash_token
from planner.feedback.rounds import well_formed as feedback_token_well_formed
from planner.i18n import LANGUAGES
from planner.model import Plan, Season
from planner.store import Store
from planner.store.calendars import PlanStamp, current_plan, seats_version
from planner.store.changes import changes_version
from planner.store.feedback import FeedbackTarget, add_web_answer, round_for_token

if TYPE_CHECKING:
    import uvicorn

log = logging.getLogger("planner")

T = TypeVar("T")

MEDIA_TYPE = "text/calendar"  # Starlette adds "; charset=utf-8" to text types
CACHE_SIZE = 512
HEADERS = {
    # Feeds are per subscriber: no shared caches; clients revalidate with the ETag.
    "Cache-Control": "private, no-cache",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Robots-Tag": "noindex",
}
"""On every response: 200, 304, 404, 503 alike."""

DB_TIMEOUT_S = 3.0
"""The longest a request waits for its lookups (feed, plan, versions) before answering 503."""
RENDER_TIMEOUT_S = 20.0
"""The longest a request waits for a calendar to be made (the whole offering: about 1 s)."""
RETRY_AFTER_S = 10
DB_THREADS = 8
"""Threads for store work: fewer than the engine's pool holds, so a stuck query never
leaves the others without a connection."""
MAX_IN_FLIGHT = 64
HEADER_TIMEOUT_S = 10.0
KEEP_ALIVE_S = 5
MAX_HEAD_BYTES = 8 * 1024
"""A feed request is a path and a few headers; uvicorn's h11 default allows 16 KiB."""
MAX_FORM_BYTES = 16 * 1024
"""A posted feedback form: four numbers and at most 1000 characters, percent-encoded."""
MAX_FORM_FIELDS = 20
FORM_TYPE = "application/x-www-form-urlencoded"


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
    db_timeout_s: float = DB_TIMEOUT_S,
    render_timeout_s: float = RENDER_TIMEOUT_S,
    max_in_flight: int = MAX_IN_FLIGHT,
) -> ASGIApp:
    """The feed service over `store`; the season's dated changes apply to every feed."""
    started = dt.datetime.now(dt.UTC).replace(microsecond=0)
    cache = FeedCache(cache_size)
    pool = ThreadPoolExecutor(DB_THREADS, thread_name_prefix="planner-feeds")

    def lookup(token: str) -> tuple[Feed, PlanStamp, CacheKey] | None:
        found = find_feed(store, token)
        if found is None:
            return None
        stamp = current_plan(store)
        if stamp is None:
            return None
        version = changes_version(store, stamp.season_id).key
        places = seats_version(store, stamp.season_id).key
        return found, stamp, (found.id, stamp.season_id, stamp.plan_id, version, places)

    def render(found: Feed, stamp: PlanStamp) -> _Rendered:
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
        rendered = _Rendered(
            body=made.body,
            etag='"' + hashlib.sha256(made.body).hexdigest()[:32] + '"',
            last_modified=modified,
        )
        # Cached here, in the worker thread: a render the request gave up on still counts.
        cache.put((found.id, stamp.season_id, stamp.plan_id, version, places), rendered)
        return rendered

    async def off_loop(timeout_s: float, work: Callable[..., T], *args: Any) -> T:
        # A timed-out call keeps its thread until the database answers; the pool's size
        # bounds how many can, and work still queued when its request gives up is dropped.
        loop = asyncio.get_running_loop()
        return await asyncio.wait_for(loop.run_in_executor(pool, work, *args), timeout_s)

    async def feed(request: Request) -> Response:
        token = request.path_params["token"]
        if not well_formed(token):
            return Response(status_code=404)
        try:
            looked_up = await off_loop(db_timeout_s, lookup, token)
            if looked_up is None:
                return Response(status_code=404)
            found, stamp, key = looked_up
            rendered = cache.get(key)
            if rendered is None:
                rendered = await off_loop(render_timeout_s, render, found, stamp)
        except TimeoutError:
            log.warning("calendar feed: the database did not answer in time")
            return _busy()
        except Exception:
            # One line in the server log; the client learns nothing about the cause.
            log.exception("calendar feed failed")
            return Response(status_code=500)
        headers = {
            "ETag": rendered.etag,
            "Last-Modified": format_datetime(rendered.last_modified, usegmt=True),
        }
        if _not_modified(request, rendered):
            return Response(status_code=304, headers=headers)
        return Response(rendered.body, headers=headers, media_type=MEDIA_TYPE)

    def feedback_lang(request: Request, target: FeedbackTarget | None, asked: str | None) -> str:
        lang = asked or request.query_params.get("lang")
        if lang in LANGUAGES:
            return lang
        return target.language if target is not None and target.language in LANGUAGES else "fi"

    def html(body: str, status: int = 200) -> Response:
        return HTMLResponse(
            body, status_code=status, headers={"Content-Security-Policy": feedback_page.CSP}
        )

    def group_name(target: FeedbackTarget, lang: str) -> str:
        return target.name_sv if lang == "sv" else target.name

    async def feedback_form(request: Request) -> Response:
        token = request.path_params["token"]
        target = None
        try:
            if feedback_token_well_formed(token):
                target = await off_loop(db_timeout_s, round_for_token, store, hash_token(token))
        except TimeoutError:
            return _busy()
        except Exception:
            log.exception("feedback form failed")
            return Response(status_code=500)
        lang = feedback_lang(request, target, None)
        if target is None:
            return html(feedback_page.closed_page(lang), 404)
        return html(feedback_page.form_page(group_name(target, lang), lang, feedback_path(token)))

    async def feedback_answer(request: Request) -> Response:
        token = request.path_params["token"]
        if not feedback_token_well_formed(token):
            return html(feedback_page.closed_page(feedback_lang(request, None, None)), 404)
        fields = await _read_form(request)
        if isinstance(fields, Response):
            return fields
        asked = fields.get("lang", [None])[0]
        try:
            digest = hash_token(token)
            target = await off_loop(db_timeout_s, round_for_token, store, digest)
            lang = feedback_lang(request, target, asked)
            if target is None:
                return html(feedback_page.closed_page(lang), 404)
            try:
                answer = answer_from_form(fields)
            except FeedbackError as exc:
                kept = {k: v[0] for k, v in fields.items() if len(v) == 1}
                again = feedback_page.form_page(
                    group_name(target, lang),
                    lang,
                    feedback_path(token),
                    error=f"feedback.error.{exc.key}",
                    values=kept,
                )
                return html(again, 400)
            stored = await off_loop(db_timeout_s, add_web_answer, store, digest, answer)
        except TimeoutError:
            return _busy()
        except Exception:
            log.exception("feedback answer failed")
            return Response(status_code=500)
        if not stored:  # closed or filled up since the form was read
            return html(feedback_page.closed_page(lang), 404)
        return html(feedback_page.thanks_page(lang))

    async def not_found(request: Request, exc: Exception) -> Response:
        return Response(status_code=404)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        pool.shutdown(wait=False, cancel_futures=True)

    app = Starlette(
        routes=[
            Route("/ics/{token}.ics", feed, methods=["GET"]),
            Route("/feedback/{token}", feedback_form, methods=["GET"]),
            Route("/feedback/{token}", feedback_answer, methods=["POST"]),
        ],
        exception_handlers={404: not_found, 405: not_found},
        lifespan=lifespan,
    )
    app.state.feed_cache = cache
    return _Guard(app, max_in_flight)


async def _read_form(request: Request) -> dict[str, list[str]] | Response:
    """The posted form's fields, or the response refusing it: not form-encoded (415), longer
    than `MAX_FORM_BYTES` (413, read no further), not UTF-8 or too many fields (400)."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != FORM_TYPE:
        return Response(status_code=415)
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_FORM_BYTES:
        return Response(status_code=413)
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM_BYTES:
            return Response(status_code=413)
    try:
        return parse_qs(
            body.decode("utf-8"),
            keep_blank_values=True,
            strict_parsing=False,
            max_num_fields=MAX_FORM_FIELDS,
        )
    except (UnicodeDecodeError, ValueError):
        return Response(status_code=400)


def _busy() -> Response:
    return Response(status_code=503, headers={"Retry-After": str(RETRY_AFTER_S)})


class _Guard:
    """Around the whole app: `HEADERS` on every response, and 503 past `max_in_flight`
    requests at once (each waits at most its timeouts, so the count falls quickly)."""

    def __init__(self, app: Starlette, max_in_flight: int) -> None:
        self.app = app
        self.state = app.state
        self.max_in_flight = max_in_flight
        self.in_flight = 0
        self._headers = [(k.lower().encode(), v.encode()) for k, v in HEADERS.items()]
        self._names = {name for name, _ in self._headers}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", []) if k not in self._names]
                message = {**message, "headers": kept + self._headers}
            await send(message)

        if self.in_flight >= self.max_in_flight:
            await _busy()(scope, receive, send_with_headers)
            return
        self.in_flight += 1
        try:
            await self.app(scope, receive, send_with_headers)
        finally:
            self.in_flight -= 1


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


def server_config(
    app: ASGIApp,
    host: str = "127.0.0.1",
    port: int = DEFAULT_FEED_PORT,
    log_level: str = "info",
    header_timeout_s: float = HEADER_TIMEOUT_S,
) -> uvicorn.Config:
    """How uvicorn serves the feeds: no `server` banner, no access log (paths hold tokens),
    a bounded head and keep-alive, and a deadline for a slow client's request head."""
    import uvicorn

    return uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level=log_level,
        access_log=False,
        server_header=False,
        # Date stays: HTTP/1.1 asks an origin server with a clock to send it (RFC 9110 6.6.1).
        date_header=True,
        timeout_keep_alive=KEEP_ALIVE_S,
        h11_max_incomplete_event_size=MAX_HEAD_BYTES,
        http=_head_deadline_protocol(header_timeout_s),
        lifespan="on",
    )


def _head_deadline_protocol(timeout_s: float) -> type[asyncio.Protocol]:
    """uvicorn's h11 protocol, closing a connection whose request head is not complete
    `timeout_s` after the connection opened or after the next request's first byte."""
    import h11
    from uvicorn.protocols.http.h11_impl import H11Protocol

    class HeadDeadline(H11Protocol):
        _deadline: asyncio.TimerHandle | None = None

        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            super().connection_made(transport)  # type: ignore[arg-type]
            self._arm()

        def data_received(self, data: bytes) -> None:
            super().data_received(data)
            if self.conn.their_state is h11.IDLE:  # still waiting for a complete head
                if self._deadline is None:
                    self._arm()
            else:
                self._disarm()

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

        def _arm(self) -> None:
            self._deadline = self.loop.call_later(timeout_s, self._too_slow)

        def _disarm(self) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
                self._deadline = None

        def _too_slow(self) -> None:
            self._deadline = None
            if not self.transport.is_closing():
                self.transport.close()

    return HeadDeadline


def run(
    store: Store,
    host: str = "127.0.0.1",
    port: int = DEFAULT_FEED_PORT,
    app_url: str | None = None,
    log_level: str = "info",
) -> None:
    """Serve the feeds with uvicorn until interrupted."""
    import uvicorn

    uvicorn.Server(server_config(create_app(store, app_url), host, port, log_level)).run()
