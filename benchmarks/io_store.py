"""Benchmark reading and storing a season with many clients: the sizes and times that the
tests deliberately do not assert (they check only the row counts and that nothing is lost).

    python benchmarks/io_store.py
    python benchmarks/io_store.py --clients 10000 50000 --db postgresql://postgres@127.0.0.1/test

For each client count, the bundled sample season's clients are repeated under new codes to
that many rows, written as CSV, read back through `planner.io.read_season`, imported into a
fresh store (SQLite in a temporary folder unless `--db` names another empty database) and
loaded again. One row per count: the clients file's size, the read, import and load times,
and the process's peak RSS after that count. The targets the tests used to assert on one
machine: 10 000 clients read in under 5 s, imported into SQLite in under 10 s.
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from planner.io import read_season
from planner.sample import write_season
from planner.store import Store

READ_TARGET_S = 5.0
IMPORT_TARGET_S = 10.0


def season_with_clients(folder: Path, n: int) -> Path:
    write_season(folder)
    path = folder / "clients.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    code = header.index("client_code")
    many = []
    for i in range(n):
        row = list(body[i % len(body)])
        row[code] = f"C-{i:06d}"
        many.append(row)
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows([header, *many])
    return path


def run(n: int, db: str | None) -> dict:
    with tempfile.TemporaryDirectory(prefix=f"io-store-{n}-") as tmp:
        folder = Path(tmp) / "season"
        folder.mkdir()
        clients_csv = season_with_clients(folder, n)
        began = time.perf_counter()
        report = read_season(folder)
        read_s = time.perf_counter() - began
        if not report.ok:
            raise SystemExit(f"{n} clients: the season does not validate: {report.errors[0]}")
        season = report.season
        url = db or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        with Store.open(url) as store:
            began = time.perf_counter()
            store.import_season(season, source="benchmark")
            import_s = time.perf_counter() - began
            began = time.perf_counter()
            loaded = store.load_season()
            load_s = time.perf_counter() - began
        if loaded != season:
            raise SystemExit(f"{n} clients: the stored season differs from the one read")
        return {
            "clients": len(season.clients),
            "csv_kb": clients_csv.stat().st_size / 1024,
            "read_s": read_s,
            "import_s": import_s,
            "load_s": load_s,
            "store": url.split(":", 1)[0],
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, nargs="+", default=[10_000])
    parser.add_argument("--db", help="an empty database URL (default: SQLite in a temp folder)")
    parser.add_argument("--json", type=Path, help="also write the rows to this file")
    args = parser.parse_args(argv)
    if args.db and len(args.clients) > 1:
        parser.error("--db takes one client count (each run needs an empty database)")
    print(f"{'clients':>8} {'csv_kb':>8} {'read_s':>7} {'import_s':>8} {'load_s':>7} "
          f"{'store':>10} {'rss_mb':>7}", flush=True)  # fmt: skip
    rows = []
    for n in args.clients:
        row = run(n, args.db)
        rows.append(row)
        print(f"{row['clients']:>8} {row['csv_kb']:>8.0f} {row['read_s']:>7.2f} "
              f"{row['import_s']:>8.2f} {row['load_s']:>7.2f} {row['store']:>10} "
              f"{row['rss_mb']:>7.0f}", flush=True)  # fmt: skip
    for row in rows:
        if row["clients"] == 10_000:
            print(
                f"targets at 10 000 clients: read {row['read_s']:.2f} s (< {READ_TARGET_S:.0f} s), "
                f"import {row['import_s']:.2f} s (< {IMPORT_TARGET_S:.0f} s on SQLite)"
            )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
