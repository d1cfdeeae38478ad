"""How fast `find_groups` ranks a county-scale offering for one client.

    .venv/bin/python benchmarks/find.py                 # scale 30: 1,410 groups, 10,000 clients
    .venv/bin/python benchmarks/find.py --scale 5 --calls 200

Generates the sample season at `--scale` (cached under `--cache`, since generating scale 30
takes a few minutes), plans it with the greedy baseline (seconds, where the solver would take
minutes), stores season and plan in a fresh SQLite store (`--db` for another) and reads them
back as the app does, prepares one `FinderIndex`, then times `--calls` find calls for random
clients. Prints sizes, the one-off costs and p50/p95/max per call in milliseconds.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from planner.baseline import greedy_plan
from planner.finder import FinderIndex, find_groups, profile_from_client
from planner.geo import distance_km
from planner.io import read_season
from planner.sample import write_season
from planner.store import Store


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def season_folder(scale: int, cache: Path) -> Path:
    folder = cache / f"season-scale{scale}"
    if not (folder / "clients.csv").exists():
        print(f"generating the sample season at scale {scale} into {folder} ...", flush=True)
        write_season(folder, scale)
    return folder


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--scale", type=int, default=30, help="sample season scale (30: 1,410 groups)"
    )
    parser.add_argument("--db", help="store URL (default: a fresh SQLite file)")
    parser.add_argument("--calls", type=int, default=500, help="find calls to time")
    parser.add_argument("--seed", type=int, default=1, help="which clients are drawn")
    parser.add_argument(
        "--cache",
        type=Path,
        default=Path(tempfile.gettempdir()) / "planner-bench",
        help="where generated seasons are kept between runs",
    )
    args = parser.parse_args(argv)

    folder = season_folder(args.scale, args.cache)
    t0 = time.perf_counter()
    report = read_season(folder)
    if not report.ok:
        print(f"{folder}: not a valid season", file=sys.stderr)
        return 1
    t1 = time.perf_counter()
    plan = greedy_plan(report.season)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(args.db or f"sqlite:///{Path(tmp) / 'find.sqlite3'}")
        store.import_season(report.season, source="benchmark", actor="bench")
        store.save_plan(plan, {"status": "GREEDY"}, actor="bench")
        t_saved = time.perf_counter()
        season, plan = store.load_season(), store.load_plan()
        t_loaded = time.perf_counter()
        store.dispose()
    assert season is not None and plan is not None
    t2 = time.perf_counter()
    distance_km.cache_clear()  # the greedy plan timed these trips already; time them afresh
    index = FinderIndex(season, plan)
    t3 = time.perf_counter()
    index.warm()
    t4 = time.perf_counter()

    rng = random.Random(args.seed)
    clients = rng.choices(season.clients, k=args.calls)
    times, suitable, returned = [], [], []
    for client in clients:
        profile = profile_from_client(client)
        start = time.perf_counter()
        matches = find_groups(season, plan, profile, index=index)
        times.append((time.perf_counter() - start) * 1000)
        suitable.append(len(matches))
        returned.append(sum(not m.full for m in matches))
    failed_times = []
    for client in clients[:100]:
        start = time.perf_counter()
        find_groups(season, plan, profile_from_client(client), index=index, include_failed=True)
        failed_times.append((time.perf_counter() - start) * 1000)

    counts = season.counts()
    print(
        f"season scale {args.scale}: {counts['groups']} groups ({len(plan.placements)} scheduled), "
        f"{counts['clients']} clients, {counts['venues']} venues, "
        f"{len(plan.participants)} participants"
    )
    print(
        f"one-off: read {t1 - t0:.2f} s, greedy plan {t_saved - t1:.2f} s with storing, "
        f"load from the store {t_loaded - t_saved:.2f} s, "
        f"index {1000 * (t3 - t2):.0f} ms, travel times {t4 - t3:.2f} s"
    )
    print(
        f"find_groups x{len(times)}: p50 {percentile(times, 0.5):.1f} ms, "
        f"p95 {percentile(times, 0.95):.1f} ms, max {max(times):.1f} ms; "
        f"suitable groups per client: median {statistics.median(suitable):.0f}, "
        f"with seats {statistics.median(returned):.0f}"
    )
    print(
        f"find_groups include_failed x{len(failed_times)}: "
        f"p50 {percentile(failed_times, 0.5):.1f} ms, p95 {percentile(failed_times, 0.95):.1f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
