"""Calendar subscriptions: tokens kept only as hashes, and the feed server over real HTTP.

The server is uvicorn on a free loopback port in a thread, as `planner serve` runs it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import http.client
import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa
import uvicorn
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from icalendar import Calendar
from toys import moved_in_time

from planner.baseline import greedy_plan
from planner.calendar import (
    CalendarError,
    create_feed,
    feed_url,
    find_feed,
    list_feeds,
    revoke_feed,
    webcal_url,
)
from planner.calendar.serve import HEADER_TIMEOUT_S, HEADERS, create_app, server_config
from planner.io import read_season
from planner.model import Plan, Season
from planner.store import Store
from planner.store.migrate import alembic_config
from planner.store.schema import Base

SERVER_START_S = 60
"""How long the feed server may take to start: a backstop, the wait ends when it is up."""


@pytest.fixture(scope="module")
def sample(sample_dir: Path) -> tuple[Season, Plan]:
    season = read_season(sample_dir).season
    return season, greedy_plan(season)


@pytest.fixture
def store(sample, tmp_path: Path) -> Iterator[Store]:
    """A store holding the sample season and the baseline plan."""
    season, plan = sample
    with Store.open(f"sqlite:///{tmp_path / 'feeds.sqlite3'}") as store:
        store.import_season(season, source="data")
        store.save_plan(plan, {"status": "FEASIBLE"})
        yield store


@dataclasses.dataclass
class Server:
    port: int

    def get(self, path: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            return (
                response.status,
                {k.lower(): v for k, v in response.getheaders()},
                response.read(),
            )
        finally:
            conn.close()

    def get_when_served(self, path: str, within_s: float = 30.0) -> int:
        """The status once the service is not busy: a 503 says to come back (Retry-After),
        as a subscriber does; a cold first lookup on a loaded machine may take longer than a
        short database timeout, and the lookup it gave up on still warms the connections."""
        deadline = time.monotonic() + within_s
        while True:
            status = self.get(path)[0]
            if status != 503 or time.monotonic() > deadline:
                return status
            time.sleep(0.2)


@contextmanager
def serving(
    store: Store, header_timeout_s: float = HEADER_TIMEOUT_S, **app: float
) -> Iterator[Server]:
    """`create_app(store, **app)` under uvicorn as `planner serve` configures it, on a free
    loopback port, in a thread."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = server_config(
        create_app(store, **app), port=port, log_level="warning", header_timeout_s=header_timeout_s
    )
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + SERVER_START_S
        while not running.started:
            assert time.monotonic() < deadline, "the feed server did not start"
            time.sleep(0.02)
        yield Server(port)
    finally:
        running.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def server(store: Store) -> Iterator[Server]:
    with serving(store) as server:
        yield server


def path(token: str) -> str:
    return f"/ics/{token}.ics"


# --- issuing and revoking ---


def test_a_new_feed_has_a_long_random_token_stored_only_as_its_hash(store: Store) -> None:
    new = create_feed(store, "group", "G-001", lang="sv", note="Hangö")
    assert len(new.token) >= 32  # 24 random bytes: 192 bits
    assert new.token != create_feed(store, "group", "G-001").token
    with store.engine.connect() as conn:
        dumped = "\n".join(
            str(row)
            for table in ("feeds", "events")
            for row in conn.execute(sa.text(f"select * from {table}"))
        )
    assert new.token not in dumped
    assert hashlib.sha256(new.token.encode()).hexdigest() in dumped
    assert find_feed(store, new.token) == new.feed
    assert new.feed.kind == "group" and new.feed.target == "G-001" and new.feed.lang == "sv"


def test_feeds_are_listed_newest_first_and_revoked_ones_on_request(store: Store) -> None:
    first = create_feed(store, "offering", filters={"languages": ["sv"]})
    second = create_feed(store, "venue", "V-HAN-LIB-1")
    revoke_feed(store, first.feed.id)
    assert [f.id for f in list_feeds(store)] == [second.feed.id, first.feed.id]
    assert [f.id for f in list_feeds(store, include_revoked=False)] == [second.feed.id]
    listed = list_feeds(store)[1].as_dict()
    assert listed["active"] is False and listed["filters"] == {"languages": ["sv"]}
    assert find_feed(store, first.token) is None
    assert revoke_feed(store, first.feed.id).revoked_at == list_feeds(store)[1].revoked_at


def test_a_feed_for_something_the_season_does_not_have_is_refused(store: Store) -> None:
    for kind, target, filters in (
        ("group", "G-999", None),
        ("leader", "S-999", None),
        ("venue", None, None),
        ("client", "G-001", None),
        ("offering", "G-001", None),
        ("offering", None, {"municipalities": ["Turku"]}),
        ("group", "G-001", {"languages": ["fi"]}),
    ):
        with pytest.raises(CalendarError):
            create_feed(store, kind, target, filters=filters)
    with pytest.raises(CalendarError):
        create_feed(store, "group", "G-001", lang="de")
    with pytest.raises(CalendarError, match="no calendar feed"):
        revoke_feed(store, 12345)
    assert list_feeds(store) == []


def test_links_for_the_app_use_the_feed_address() -> None:
    assert feed_url("abc", "https://kalenteri.luvn.example/") == (
        "https://kalenteri.luvn.example/ics/abc.ics"
    )
    assert webcal_url("abc", "https://kalenteri.luvn.example") == (
        "webcal://kalenteri.luvn.example/ics/abc.ics"
    )
    assert webcal_url("abc", "http://localhost:8502") == "webcal://localhost:8502/ics/abc.ics"


# --- the server ---


def test_a_feed_answers_with_its_calendar(store: Store, server: Server) -> None:
    new = create_feed(store, "leader", "S-001", lang="en")
    status, headers, body = server.get(path(new.token))
    assert status == 200
    assert headers["content-type"] == "text/calendar; charset=utf-8"
    assert headers["etag"].startswith('"') and headers["last-modified"].endswith("GMT")
    calendar = Calendar.from_ical(body)
    assert str(calendar["X-WR-CALNAME"]).startswith("Groups led by ")
    assert body.endswith(b"END:VCALENDAR\r\n")


def test_a_leaders_feed_counts_on_site_and_remote_and_names_no_client(
    sample, store: Store, server: Server
) -> None:
    season, plan = sample
    gid, placement = next((g, p) for g, p in plan.placement.items() if p.venue_id is None)
    new = create_feed(store, "leader", placement.leaders[0], lang="fi")
    status, _, body = server.get(path(new.token))
    assert status == 200
    event = next(
        e
        for e in Calendar.from_ical(body).walk("VEVENT")
        if str(e["URL"]).endswith(f"={gid}") and "RECURRENCE-ID" not in e
    )
    lines = str(event["DESCRIPTION"]).split("\n")
    assert "Ryhmään osallistutaan etänä" in lines
    assert f"Osallistujia: {len(plan.members[gid])} etänä" in lines
    text = body.decode()
    assert [c.client_code for c in season.clients if c.client_code in text] == []


def test_an_unchanged_feed_answers_304_to_its_etag_and_its_date(
    store: Store, server: Server
) -> None:
    new = create_feed(store, "offering")
    _, headers, body = server.get(path(new.token))
    status, again, rest = server.get(path(new.token), **{"If-None-Match": headers["etag"]})
    assert (status, rest, again["etag"]) == (304, b"", headers["etag"])
    status, _, rest = server.get(path(new.token), **{"If-Modified-Since": headers["last-modified"]})
    assert (status, rest) == (304, b"")
    status, _, fresh = server.get(path(new.token), **{"If-None-Match": '"something-else"'})
    assert (status, fresh) == (200, body)
    earlier = "Mon, 01 Jan 2024 00:00:00 GMT"
    assert server.get(path(new.token), **{"If-Modified-Since": earlier})[0] == 200


@pytest.mark.parametrize("which", ["unknown", "revoked", "malformed", "elsewhere"])
def test_unknown_and_revoked_tokens_get_404_and_learn_nothing(
    store: Store, server: Server, which: str
) -> None:
    new = create_feed(store, "group", "G-001")
    assert server.get(path(new.token))[0] == 200
    token = new.token
    if which == "unknown":
        token = token[:-1] + ("A" if token[-1] != "A" else "B")
    elif which == "revoked":
        revoke_feed(store, new.feed.id)
    elif which == "malformed":
        token = "x" * 500
    url = path(token) if which != "elsewhere" else f"/feeds/{token}"
    status, headers, body = server.get(url)
    assert status == 404
    assert body == b""
    assert token not in " ".join(headers.values())
    assert "etag" not in headers


def test_a_new_plan_reaches_the_feed_at_once(sample, store: Store, server: Server) -> None:
    season, plan = sample
    gid, changed = moved_in_time(season, plan, 60)
    later = changed.placement[gid]
    new = create_feed(store, "group", gid)
    _, before, first = server.get(path(new.token))
    store.save_plan(changed, {"status": "FEASIBLE"})
    status, after, second = server.get(path(new.token), **{"If-None-Match": before["etag"]})
    assert status == 200 and after["etag"] != before["etag"]
    event = next(iter(Calendar.from_ical(second).walk("VEVENT")))
    assert event["DTSTART"].dt.hour * 60 + event["DTSTART"].dt.minute == later.start
    assert int(event["SEQUENCE"]) == 1
    assert event["UID"] == next(iter(Calendar.from_ical(first).walk("VEVENT")))["UID"]


def test_a_feed_without_a_plan_is_an_empty_calendar(sample, tmp_path: Path) -> None:
    season, _ = sample
    with Store.open(f"sqlite:///{tmp_path / 'empty.sqlite3'}") as store:
        store.import_season(season, source="data")
        new = create_feed(store, "offering")
        with serving(store) as server:
            status, headers, body = server.get(path(new.token))
    assert status == 200 and "last-modified" in headers
    assert Calendar.from_ical(body).walk("VEVENT") == []


def test_the_calendar_migration_downgrades_and_upgrades_again(store: Store) -> None:
    new = create_feed(store, "group", "G-001")
    with store.engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0002")
    tables = sa.inspect(store.engine).get_table_names()
    assert "feeds" not in tables and "calendar_sequences" not in tables
    store.migrate()
    with store.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    assert find_feed(store, new.token) is None  # a downgrade forgets the feeds


def descriptions(body: bytes) -> str:
    """The events' descriptions, read back by a parser (long lines are folded on the wire)."""
    return "\n".join(str(e.get("DESCRIPTION", "")) for e in Calendar.from_ical(body).walk("VEVENT"))


def test_a_feed_follows_the_live_seats_an_enrolment_changes_it(store: Store, server) -> None:
    from toys import groups_with_a_seat, who_can_join_leaving_clashes

    from planner.store import Enrolments

    live = Enrolments(store)
    live.publish(actor="coordinator")
    url = store.engine.url.render_as_string(hide_password=False)
    season, plan = store.load_season(), store.load_plan()
    roomy = groups_with_a_seat(live, plan, spare=2)
    gid, code = who_can_join_leaving_clashes(url, season, plan, roomy)
    seats = live.seats()[gid]
    feed = create_feed(store, "group", gid, lang="en")
    status, first_headers, first = server.get(path(feed.token))
    assert status == 200 and f"Free places: {seats.free} / " in descriptions(first)
    outcome = live.enrol(gid, code, actor="anna")
    assert outcome.status == "enrolled", outcome
    status, headers, body = server.get(path(feed.token))
    assert status == 200 and f"Free places: {seats.free - 1} / " in descriptions(body)
    assert headers["etag"] != first_headers["etag"]
    assert code.encode() not in body
    # Asked again with nothing changed: the same bytes and ETag.
    assert server.get(path(feed.token))[2] == body


# --- a slow database, a slow client ---

SECURITY = {name.lower() for name in HEADERS}


def security_headers(headers: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in headers.items() if k in SECURITY}


def test_every_answer_carries_the_same_security_headers_and_no_server_banner(
    store: Store, server: Server
) -> None:
    new = create_feed(store, "group", "G-001")
    ok, ok_headers, _ = server.get(path(new.token))
    again, again_headers, _ = server.get(path(new.token), **{"If-None-Match": ok_headers["etag"]})
    missing, missing_headers, _ = server.get(path("A" * 32))
    malformed, malformed_headers, _ = server.get("/ics/%3Cscript%3E.ics")
    elsewhere, elsewhere_headers, _ = server.get("/")
    assert (ok, again, missing, malformed, elsewhere) == (200, 304, 404, 404, 404)
    expected = {k.lower(): v for k, v in HEADERS.items()}
    for headers in (ok_headers, again_headers, missing_headers, malformed_headers):
        assert security_headers(headers) == expected
        assert "server" not in headers
    assert security_headers(elsewhere_headers) == expected


def test_past_the_requests_in_flight_the_answer_is_503_with_the_same_headers(
    store: Store,
) -> None:
    new = create_feed(store, "group", "G-001")
    with serving(store, max_in_flight=0) as busy:
        status, headers, body = busy.get(path(new.token))
    assert (status, body) == (503, b"")
    assert int(headers["retry-after"]) > 0
    assert security_headers(headers) == {k.lower(): v for k, v in HEADERS.items()}


@contextmanager
def sqlite_locked(store: Store) -> Iterator[None]:
    """Another process's connection holding the whole SQLite file (WAL readers wait only for
    an exclusive-mode lock); released, the store reads again."""
    store.engine.dispose()  # the pool's idle connections would keep the file shared
    locker = sqlite3.connect(store.engine.url.database, isolation_level=None)
    try:
        locker.execute("PRAGMA locking_mode=EXCLUSIVE")
        locker.execute("BEGIN EXCLUSIVE")
        locker.execute("UPDATE plans SET id = id WHERE id < 0")
        yield
    finally:
        locker.execute("ROLLBACK")
        locker.close()


def test_a_locked_database_answers_503_while_a_malformed_token_still_gets_404(
    store: Store,
) -> None:
    new = create_feed(store, "group", "G-001")
    with serving(store, db_timeout_s=0.3) as server:
        assert server.get_when_served(path(new.token)) == 200
        with sqlite_locked(store):
            status, headers, body = server.get(path(new.token))
            assert (status, body) == (503, b"")
            assert int(headers["retry-after"]) > 0
            assert security_headers(headers) == {k.lower(): v for k, v in HEADERS.items()}
            assert server.get(path("x" * 500))[0] == 404
            assert server.get(path("not%20a%20token"))[0] == 404
        assert server.get_when_served(path(new.token)) == 200


def test_a_lock_on_the_plans_table_answers_503_and_an_unknown_token_404_on_postgres(
    sample, pg_url: str
) -> None:
    from planner.store.engine import scratch_schema

    season, plan = sample
    with scratch_schema(pg_url, "test_feeds") as url, Store.open(url) as store:
        store.import_season(season, source="data")
        store.save_plan(plan, {"status": "FEASIBLE"})
        new = create_feed(store, "group", "G-001")
        with serving(store, db_timeout_s=0.3) as server:
            assert server.get_when_served(path(new.token)) == 200
            locker = sa.create_engine(url)
            try:
                with locker.connect() as conn:
                    conn.exec_driver_sql("LOCK TABLE plans IN ACCESS EXCLUSIVE MODE")
                    status, headers, _ = server.get(path(new.token))
                    assert status == 503 and int(headers["retry-after"]) > 0
                    unknown = new.token[:-1] + ("A" if new.token[-1] != "A" else "B")
                    assert server.get(path(unknown))[0] == 404
                    assert server.get(path("x" * 500))[0] == 404
                    conn.rollback()
            finally:
                locker.dispose()
            assert server.get_when_served(path(new.token)) == 200


def test_a_client_that_never_finishes_its_request_head_is_disconnected(store: Store) -> None:
    with serving(store, header_timeout_s=0.3) as server:
        with socket.create_connection(("127.0.0.1", server.port), timeout=10) as slow:
            slow.sendall(b"GET /ics/")
            # Without the deadline the server would wait for the rest for ever: the 10 s
            # socket timeout would fail this test. With it, the server hangs up (EOF).
            assert slow.recv(1024) == b""
        assert server.get(path("A" * 32))[0] == 404  # and it still serves others
