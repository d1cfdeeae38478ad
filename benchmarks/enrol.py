"""Enrolment throughput with concurrent writers, and proof that nothing is overbooked.

    .venv/bin/python benchmarks/enrol.py                          # PostgreSQL, 20 writers
    .venv/bin/python benchmarks/enrol.py --url sqlite:////tmp/e.sqlite3 --writers 8

Stores the sample season at `--scale` (22: about 1,000 groups and 7,000 clients; 30: about
1,400 groups and 10,000 clients) with a greedy plan, publishes it, then runs `--writers`
threads for `--seconds`, each with its own connections, enrolling random clients in random
groups and now and then cancelling a place (so waiting lists get promoted). At the end every
open group is checked: seats taken never above `max_size`, and equal to its active enrolments.
On PostgreSQL the run uses a schema of its own, dropped afterwards.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from find import percentile, season_folder

from planner.baseline import greedy_plan
from planner.io import read_season
from planner.store import Enrolments, Store
from planner.store.engine import scratch_schema

PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


@contextmanager
def own_schema(url: str) -> Iterator[str]:
    """A PostgreSQL URL on a fresh schema, dropped afterwards; SQLite as it is."""
    if not url.startswith("postgresql"):
        yield url
        return
    with scratch_schema(url, "bench_enrol") as scoped:
        yield scoped


def writer(
    url: str,
    groups: list[str],
    clients: list[str],
    seed: int,
    until: float,
    outcomes: Counter,
    latencies: list[float],
    lock: threading.Lock,
) -> None:
    rng = random.Random(seed)
    live = Enrolments(Store(url))
    mine: list[tuple[str, str]] = []
    local: Counter = Counter()
    times: list[float] = []
    while time.perf_counter() < until:
        start = time.perf_counter()
        if mine and rng.random() < 0.2:
            group, client = mine.pop(rng.randrange(len(mine)))
            outcome = live.cancel(group, client, actor=f"bench{seed}", reason="other")
            local["cancel." + outcome.status] += 1
        else:
            group, client = rng.choice(groups), rng.choice(clients)
            outcome = live.enrol(group, client, actor=f"bench{seed}", allow_flagged=True)
            local["enrol." + outcome.status] += 1
            if outcome.ok:
                mine.append((group, client))
        times.append((time.perf_counter() - start) * 1000)
    live.store.dispose()
    with lock:
        outcomes.update(local)
        latencies.extend(times)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=PG_URL, help="database (default: PostgreSQL test)")
    parser.add_argument("--scale", type=int, default=22, help="sample season scale")
    parser.add_argument("--writers", type=int, default=20, help="concurrent writer threads")
    parser.add_argument("--seconds", type=float, default=20.0, help="how long they write")
    parser.add_argument("--hot", type=int, default=50, help="writers aim at this many groups")
    parser.add_argument(
        "--cache",
        type=Path,
        default=Path(tempfile.gettempdir()) / "planner-bench",
        help="where generated seasons are kept between runs",
    )
    args = parser.parse_args(argv)

    report = read_season(season_folder(args.scale, args.cache))
    if not report.ok:
        print("not a valid season", file=sys.stderr)
        return 1
    season = report.season
    plan = greedy_plan(season)
    with own_schema(args.url) as url:
        store = Store.open(url)
        store.import_season(season, source=f"benchmark scale {args.scale}", actor="bench")
        store.save_plan(plan, {"status": "GREEDY"}, actor="bench")
        live = Enrolments(store)
        t0 = time.perf_counter()
        live.publish(actor="bench")
        publish_s = time.perf_counter() - t0
        # Aim at a few groups so that seats run out and writers collide on the last ones.
        rng = random.Random(0)
        groups = rng.sample(sorted(live.seats()), min(args.hot, len(live.seats())))
        # Clients who may take one more group, so that attempts are real enrolments (a
        # client already in their `max_groups` groups is refused before any seat is touched).
        places = Counter(code for code, _ in plan.participants)
        clients = [c.client_code for c in season.clients if places[c.client_code] < c.max_groups]

        outcomes: Counter = Counter()
        latencies: list[float] = []
        lock = threading.Lock()
        until = time.perf_counter() + args.seconds
        threads = [
            threading.Thread(
                target=writer,
                args=(url, groups, clients, i, until, outcomes, latencies, lock),
            )
            for i in range(args.writers)
        ]
        started = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - started

        seats = live.seats()
        overbooked = [g for g, s in seats.items() if s.taken > s.max_size]
        mismatched = [g for g in groups if len(live.participants(g)) != seats[g].taken]
        store.dispose()

    ops = sum(outcomes.values())
    backend = sa.make_url(args.url).get_backend_name()
    print(
        f"{backend}: scale {args.scale}, {len(season.groups)} groups "
        f"({len(plan.placements)} published in {publish_s:.1f} s), {len(season.clients)} "
        f"clients ({len(clients)} free to join); "
        f"{args.writers} writers on {len(groups)} groups for {wall:.1f} s"
    )
    print(
        f"{ops} operations, {ops / wall:.0f} per second; latency p50 "
        f"{statistics.median(latencies):.1f} ms, p95 {percentile(latencies, 0.95):.1f} ms"
    )
    print("outcomes: " + ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items())))
    full = sum(1 for g in groups if seats[g].free == 0)
    print(
        f"full groups {full}/{len(groups)}; overbooked {len(overbooked)}; "
        f"seat count differing from active enrolments {len(mismatched)}"
    )
    return 1 if overbooked or mismatched else 0


if __name__ == "__main__":
    raise SystemExit(main())
