"""Load: workers finding groups and enrolling while calendar subscribers poll their feeds.

    .venv/bin/python benchmarks/load.py                       # 50 workers, 20 subscribers, 60 s
    .venv/bin/python benchmarks/load.py --seconds 10 --workers 10 --subscribers 5

On PostgreSQL (a schema of its own, dropped afterwards): the sample season with a greedy plan,
published. `--workers` threads each pick a random client, rank the groups for them
(`find_groups`, with live seat counts) and enrol them in the best one, or cancel a place they
made earlier; `--subscribers` threads poll feeds from `planner serve` in its own process over
loopback, revalidating with their ETag. Everything stops by itself after `--seconds`.

At the end: every group's seat count equals its active enrolments and never exceeds its
size, every enrolment a worker was told it got is in the database (none lost), and no
request failed. Prints throughput and p50/p95 latencies of each kind of request.
"""

from __future__ import annotations

import argparse
import http.client
import random
import statistics
import threading
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import sqlalchemy as sa
from calendars import feed_service
from enrol import PG_URL, own_schema
from find import percentile

from planner.baseline import greedy_plan
from planner.calendar import create_feed
from planner.finder import FinderIndex, find_groups, profile_from_client
from planner.io import read_season
from planner.store import Enrolments, Store
from planner.store.schema import EnrolmentRow

DATA = Path(__file__).resolve().parents[1] / "data"


class Tally:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.times: dict[str, list[float]] = {}
        self.outcomes: Counter = Counter()
        self.errors: list[str] = []
        self.enrolled: set[tuple[str, str]] = set()
        self.cancelled: set[tuple[str, str]] = set()

    def time(self, kind: str, ms: float) -> None:
        with self.lock:
            self.times.setdefault(kind, []).append(ms)


def worker(url, season, plan, index, clients, seed, until, tally: Tally) -> None:
    rng = random.Random(seed)
    live = Enrolments(Store(url))
    mine: list[tuple[str, str]] = []
    while time.perf_counter() < until:
        try:
            if mine and rng.random() < 0.2:
                group, code = mine.pop(rng.randrange(len(mine)))
                t0 = time.perf_counter()
                outcome = live.cancel(group, code, actor=f"w{seed}", reason="other")
                tally.time("cancel", (time.perf_counter() - t0) * 1000)
                with tally.lock:
                    tally.outcomes["cancel." + outcome.status] += 1
                    if outcome.ok:
                        tally.cancelled.add((group, code))
                continue
            client = rng.choice(clients)
            t0 = time.perf_counter()
            seats = live.seats()
            matches = find_groups(
                season,
                plan,
                profile_from_client(client),
                index=index,
                taken={g: s.taken for g, s in seats.items()},
                waiting={g: s.waiting for g, s in seats.items()},
            )
            tally.time("find", (time.perf_counter() - t0) * 1000)
            if not matches:
                continue
            group = matches[0].group_id
            t0 = time.perf_counter()
            outcome = live.enrol(group, client.client_code, actor=f"w{seed}", allow_flagged=True)
            tally.time("enrol", (time.perf_counter() - t0) * 1000)
            with tally.lock:
                tally.outcomes["enrol." + outcome.status] += 1
                if outcome.status == "enrolled":
                    tally.enrolled.add((group, client.client_code))
                    mine.append((group, client.client_code))
        except Exception as exc:  # every failure counts; the run goes on
            with tally.lock:
                tally.errors.append(f"worker: {type(exc).__name__}: {exc}")
    live.store.dispose()


def subscriber(port, tokens, seed, until, tally: Tally) -> None:
    rng = random.Random(seed)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    etags: dict[str, str] = {}
    while time.perf_counter() < until:
        token = rng.choice(tokens)
        headers = {"If-None-Match": etags[token]} if token in etags else {}
        t0 = time.perf_counter()
        try:
            conn.request("GET", f"/ics/{token}.ics", headers=headers)
            response = conn.getresponse()
            response.read()
        except (OSError, http.client.HTTPException) as exc:
            with tally.lock:
                tally.errors.append(f"feed: {exc}")
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            continue
        tally.time("feed", (time.perf_counter() - t0) * 1000)
        if response.status not in (200, 304):
            with tally.lock:
                tally.errors.append(f"feed: HTTP {response.status}")
        etags[token] = response.getheader("ETag") or ""
        time.sleep(0.05)  # a calendar client polls; it does not hammer
    conn.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=PG_URL, help="PostgreSQL server")
    parser.add_argument("--workers", type=int, default=50)
    parser.add_argument("--subscribers", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args(argv)

    season = read_season(DATA).season
    plan = greedy_plan(season)
    tally = Tally()
    with own_schema(args.url) as url:
        store = Store.open(url)
        store.import_season(season, source="load benchmark", actor="bench")
        store.save_plan(plan, {"status": "GREEDY"}, actor="bench")
        Enrolments(store).publish(actor="bench")
        tokens = [create_feed(store, "offering").token]
        tokens += [create_feed(store, "group", p.group_id).token for p in plan.placements[:19]]
        # Clients who may still join a group (the rest would only be refused).
        places = Counter(code for code, _ in plan.participants)
        clients = [c for c in season.clients if places[c.client_code] < c.max_groups]
        index = FinderIndex(season, plan)
        index.warm()
        with feed_service(url) as port:
            until = time.perf_counter() + args.seconds
            threads = [
                threading.Thread(
                    target=worker, args=(url, season, plan, index, clients, i, until, tally)
                )
                for i in range(args.workers)
            ] + [
                threading.Thread(target=subscriber, args=(port, tokens, i, until, tally))
                for i in range(args.subscribers)
            ]
            began = time.perf_counter()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            wall = time.perf_counter() - began

        live = Enrolments(store)
        seats = live.seats()
        overbooked = [g for g, s in seats.items() if s.taken > s.max_size]
        wrong = [g for g, s in seats.items() if len(live.participants(g)) != s.taken]
        with store.engine.connect() as conn:
            active = {
                (group, code)
                for group, code in conn.execute(
                    sa.select(EnrolmentRow.group_id, EnrolmentRow.client_code).where(
                        EnrolmentRow.status == "active"
                    )
                )
            }
        lost = tally.enrolled - tally.cancelled - active
        store.dispose()

    print(
        f"PostgreSQL: {len(season.groups)} groups, {len(season.clients)} clients; "
        f"{args.workers} workers and {args.subscribers} feed subscribers for {wall:.1f} s"
    )
    for kind, ms in sorted(tally.times.items()):
        print(
            f"{kind:7} {len(ms):6} requests, {len(ms) / wall:7.1f}/s, p50 "
            f"{statistics.median(ms):6.1f} ms, p95 {percentile(ms, 0.95):6.1f} ms"
        )
    print("outcomes: " + ", ".join(f"{k} {v}" for k, v in sorted(tally.outcomes.items())))
    print(
        f"overbooked groups {len(overbooked)}; seat counts off {len(wrong)}; "
        f"lost enrolments {len(lost)}; errors {len(tally.errors)}"
    )
    for line in tally.errors[:5]:
        print("  " + line)
    return 1 if overbooked or wrong or lost or tally.errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
