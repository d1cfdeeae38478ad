"""Benchmark the calendar export and the live feeds.

    python benchmarks/calendars.py                       # scale 22 (about 1,000 groups)
    python benchmarks/calendars.py --scale 4 --threads 8 --requests 20

1. Export: the whole offering of a generated season (`planner.sample.write_season`) whose
   groups all run 40 weeks from 11.1.2027 (so over both DST changes and many holidays),
   with a synthetic placement for every group (the solver is not what is measured here).
   Target: under 1 s.
2. Feeds: the season and plan in a SQLite store, `planner serve` in its own process on a
   loopback port, `--threads` clients each making `--requests` requests over keep-alive
   connections to a mix of group, leader, venue and offering feeds (every second request
   revalidates with If-None-Match). Prints the cold first render of the offering feed and
   p50/p95 over all requests.
"""

from __future__ import annotations

import argparse
import dataclasses
import http.client
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from planner.calendar import CalendarOptions, create_feed, export_offering
from planner.io import read_season
from planner.model import Placement, Plan, Season
from planner.sample import write_season
from planner.store import Store


@contextmanager
def feed_service(db_url: str) -> Iterator[int]:
    """`planner serve` on `db_url` in its own process, as deployed; yields its port."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "planner.cli", "serve", "--db", db_url, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, server)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)


def wait_for_port(port: int, server: subprocess.Popen, timeout_s: float = 30) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"planner serve exited with code {server.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"planner serve did not listen on port {port} in {timeout_s} s")


def season_of(scale: int, weeks: int, folder: Path) -> Season:
    write_season(folder, scale=scale)
    season = read_season(folder).season
    groups = tuple(
        dataclasses.replace(g, weeks=weeks if g.weeks is not None else None) for g in season.groups
    )
    return dataclasses.replace(season, groups=groups)


def synthetic_plan(season: Season) -> Plan:
    """A placement for every group: a weekday, 10:00 or 13:00, a venue of its municipality,
    two staff leaders, and half its places taken by the first clients."""
    rng = random.Random(1)
    venues: dict[str, list[str]] = {}
    for v in season.venues:
        venues.setdefault(v.municipality, []).append(v.venue_id)
    placements = []
    for g in season.groups:
        start = rng.choice((600, 780))
        venue = None if g.mode == "remote" else g.venue_id or rng.choice(venues[g.municipality])
        leaders = tuple(s.staff_id for s in rng.sample(season.staff, 2))
        placements.append(
            Placement(g.group_id, rng.randrange(5), start, start + g.minutes, venue, leaders)
        )
    codes = [c.client_code for c in season.clients]
    participants = tuple(
        (codes[(i * 7 + k) % len(codes)], g.group_id)
        for i, g in enumerate(season.groups)
        for k in range(g.max_size // 2)
    )
    return Plan(tuple(placements), tuple(dict.fromkeys(participants)))


def bench_export(season: Season, plan: Plan, repeat: int) -> tuple[float, int]:
    best = float("inf")
    size = 0
    for _ in range(repeat):
        began = time.perf_counter()
        body = export_offering(season, plan, CalendarOptions(lang="fi"))
        best = min(best, time.perf_counter() - began)
        size = len(body)
    return best, size


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def bench_feeds(
    season: Season, plan: Plan, folder: Path, threads: int, requests: int
) -> dict[str, float]:
    with Store.open(f"sqlite:///{folder / 'bench.sqlite3'}") as store:
        store.import_season(season, source="benchmark")
        store.save_plan(plan, {"status": "FEASIBLE"})
        rng = random.Random(2)
        placed = list(plan.placements)
        offering = create_feed(store, "offering").token
        tokens = [offering]
        for p in rng.sample(placed, 10):
            tokens.append(create_feed(store, "group", p.group_id).token)
        for p in rng.sample(placed, 5):
            tokens.append(create_feed(store, "leader", p.leaders[0]).token)
        for p in rng.sample([p for p in placed if p.venue_id], 4):
            tokens.append(create_feed(store, "venue", p.venue_id).token)

    # The feed service in its own process, as it is deployed (`planner serve`), so the
    # clients' threads do not share its interpreter.
    db_url = f"sqlite:///{folder / 'bench.sqlite3'}"
    with feed_service(db_url) as port:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        began = time.perf_counter()
        conn.request("GET", f"/ics/{offering}.ics")
        conn.getresponse().read()
        cold = time.perf_counter() - began
        conn.close()

        timings: list[float] = []
        lock = threading.Lock()

        def client(seed: int) -> None:
            pick = random.Random(seed)
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            etags: dict[str, str] = {}
            mine = []
            for i in range(requests):
                token = pick.choice(tokens)
                headers = {"If-None-Match": etags[token]} if i % 2 and token in etags else {}
                began = time.perf_counter()
                conn.request("GET", f"/ics/{token}.ics", headers=headers)
                response = conn.getresponse()
                response.read()
                mine.append(time.perf_counter() - began)
                assert response.status in (200, 304), response.status
                etags[token] = response.getheader("ETag") or ""
            conn.close()
            with lock:
                timings.extend(mine)

        workers = [threading.Thread(target=client, args=(n,)) for n in range(threads)]
        began = time.perf_counter()
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        wall = time.perf_counter() - began
    ms = sorted(t * 1000 for t in timings)
    return {
        "feeds": len(tokens),
        "requests": len(ms),
        "cold_offering_s": cold,
        "p50_ms": statistics.median(ms),
        "p95_ms": ms[int(0.95 * (len(ms) - 1))],
        "max_ms": ms[-1],
        "requests_per_s": len(ms) / wall,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=22)
    parser.add_argument("--weeks", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=3, help="export runs; the best counts")
    parser.add_argument("--threads", type=int, default=20)
    parser.add_argument("--requests", type=int, default=50, help="per client thread")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        season = season_of(args.scale, args.weeks, folder / "season")
        plan = synthetic_plan(season)
        export_s, size = bench_export(season, plan, args.repeat)
        feeds = bench_feeds(season, plan, folder, args.threads, args.requests)
    result = {
        "groups": len(plan.placements),
        "weeks": args.weeks,
        "export_s": export_s,
        "export_kb": size / 1024,
        **feeds,
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(
            f"export: {result['groups']} groups x {args.weeks} weeks in {export_s:.3f} s "
            f"({result['export_kb']:.0f} KiB; target < 1 s)"
        )
        print(
            f"feeds: {feeds['requests']:.0f} requests from {args.threads} clients to "
            f"{feeds['feeds']:.0f} feeds: p50 {feeds['p50_ms']:.1f} ms, p95 "
            f"{feeds['p95_ms']:.1f} ms, max {feeds['max_ms']:.1f} ms, "
            f"{feeds['requests_per_s']:.0f} req/s; cold offering render "
            f"{feeds['cold_offering_s']:.2f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
