"""`planner` commands for mobile work: the work car's `pickups` and the staff `allowance`.
Registered by `planner.cli.main.build_parser`; the season and plan come from DATA + --plan DIR
or from the store (`planner.cli.common.season_and_plan`)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from planner.cli.common import Add, Emit, Loader, writable_file, writable_folder, write_failed
from planner.model import WEEKDAYS, hhmm


class MobileError(Exception):
    """A bad option; reported as one line."""


def _vehicles(specs: list[str] | None, season) -> list | None:
    from planner.routing.pickups import Vehicle

    if not specs:
        return None
    out = []
    for spec in specs:
        parts = spec.split(":")
        if len(parts) != 3 or not parts[1].isdigit() or parts[2] not in season.venue:
            raise MobileError(
                f"--vehicle {spec!r}: write ID:SEATS:BASE_VENUE, e.g. CAR1:4:V-LOH-SP-1"
            )
        out.append(Vehicle(parts[0], int(parts[1]), parts[2]))
    return out


def _write_csv(path: Path, header: list[str], rows: list[list[Any]]) -> None:
    # The one CSV writer: formula-like text (a name "=HYPERLINK(...)") is neutralised.
    from planner.spreadsheet import write_csv

    write_csv(path, header, rows)


def cmd_pickups(args: argparse.Namespace, emit: Emit, load: Loader) -> int:
    from planner.routing.pickups import PickupParams, plan_pickups

    out = writable_folder(args.out, args.lang) if args.out else None
    pdf = writable_file(args.pdf, args.lang) if args.pdf else None
    season, plan, store = load(args)
    if store:
        store.dispose()
    try:
        params = PickupParams(
            max_ride_min=args.max_ride,
            seconds_per_day=args.seconds_per_day,
            hub_reach_min=args.hub_reach,
        )
    except ValueError as exc:
        raise MobileError(str(exc)) from exc
    result = plan_pickups(season, plan, _vehicles(args.vehicle, season), params)
    stops = [
        [
            run.vehicle.vehicle_id,
            WEEKDAYS[run.weekday],
            i,
            stop.kind,
            stop.place,
            hhmm(stop.time),
            ";".join(stop.clients),
        ]
        for run in result.runs
        for i, stop in enumerate(run.stops, 1)
    ]
    if out is not None:
        try:
            _write_pickup_files(out, stops, result)
        except OSError as exc:
            raise write_failed(out, exc, args.lang) from None
    if pdf is not None:
        try:
            _write_run_sheets(season, result.runs, pdf, args.lang)
        except OSError as exc:
            raise write_failed(pdf, exc, args.lang) from None
    payload = {
        "runs": [
            {
                "vehicle": r.vehicle.vehicle_id,
                "weekday": WEEKDAYS[r.weekday],
                "km": r.km,
                "minutes": r.minutes,
                "stops": len(r.stops),
                "depart": hhmm(r.depart),
                "driver": r.driver,
            }
            for r in result.runs
        ],
        "dropped": [
            {"client_code": c, "group_id": g, "reason": str(reason)}
            for c, g, reason in result.dropped
        ],
        "hubs": [
            {
                "client_code": m.client_code,
                "group_id": m.group_id,
                "leg": m.leg,
                "hub": m.hub,
                "minutes": m.minutes,
            }
            for m in result.meeting_points
        ],
    }
    lines = [
        f"{r['weekday']} {r['vehicle']}: {r['stops']} stops, {r['km']:.1f} km, "
        f"{r['minutes']} min from {r['depart']}, driver {r['driver'] or 'none free'}"
        for r in payload["runs"]
    ]
    lines += [
        f"met at hub: {m['client_code']} {'to' if m['leg'] == 'to' else 'home from'} "
        f"{m['group_id']} at {m['hub']} ({m['minutes']} min on their own)"
        for m in payload["hubs"]
    ]
    lines += [
        f"not served: {d['client_code']} to {d['group_id']}: {d['reason']}"
        for d in payload["dropped"]
    ]
    if args.pdf and result.runs:
        lines.append(f"Wrote the run sheets to {args.pdf}")
    emit(args, payload, "\n".join(lines) or "no client rides with the work car")
    return 0


def _write_pickup_files(out: Path, stops: list[list[Any]], result) -> None:
    """pickup_runs.csv, pickup_dropped.csv and pickup_hubs.csv into `out` (made if missing)."""
    out.mkdir(parents=True, exist_ok=True)
    _write_csv(
        out / "pickup_runs.csv",
        ["vehicle", "weekday", "stop", "kind", "place", "time", "clients"],
        stops,
    )
    _write_csv(
        out / "pickup_dropped.csv",
        ["client_code", "group_id", "reason"],
        [[c, g, str(reason)] for c, g, reason in result.dropped],
    )
    _write_csv(
        out / "pickup_hubs.csv",
        ["client_code", "group_id", "leg", "hub", "minutes"],
        [[m.client_code, m.group_id, m.leg, m.hub, m.minutes] for m in result.meeting_points],
    )


def _write_run_sheets(season, runs, path: Path, lang: str) -> None:
    """Every run's sheet in one PDF, a run from a new page (nothing written without runs)."""
    from planner.printing import run_sheet_pdf

    if not runs:
        return
    path.write_bytes(run_sheet_pdf(season, runs, lang))


def cmd_allowance(args: argparse.Namespace, emit: Emit, load: Loader) -> int:
    from planner.routing.allowance import DEFAULT_RATE, staff_allowance

    out = writable_file(args.out) if args.out else None
    season, plan, store = load(args)
    if store:
        store.dispose()
    rows = staff_allowance(season, plan)
    table = [[r.staff_id, WEEKDAYS[r.weekday], f"{r.km:.1f}", f"{r.eur:.2f}"] for r in rows]
    if out is not None:
        try:
            _write_csv(out, ["staff_id", "weekday", "km", "eur"], table)
        except OSError as exc:
            raise write_failed(out, exc) from None
    total = sum(r.eur for r in rows)
    emit(
        args,
        {
            "rate": DEFAULT_RATE.eur_per_km,
            "year": DEFAULT_RATE.year,
            "source": DEFAULT_RATE.source,
            "rows": [list(r) for r in table],
            "week_total_eur": round(total, 2),
        },
        "\n".join(" ".join(r) for r in table)
        + f"\nweek total {total:.2f} EUR at {DEFAULT_RATE.eur_per_km} EUR/km "
        f"({DEFAULT_RATE.year}, {DEFAULT_RATE.source})",
    )
    return 0


def add_mobile_commands(add: Add, load: Loader) -> None:
    def source(p: argparse.ArgumentParser) -> None:
        p.add_argument("data", nargs="?", help="season folder/workbook (default: the store's)")
        p.add_argument("--plan", help="plan folder (plan_groups.csv ...) to use with DATA")
        p.add_argument("--db", help="database URL (default: PLANNER_DB_URL or ./planner.sqlite3)")
        p.add_argument(
            "--season", type=int, help="the stored season's id (default: the live season)"
        )
        p.add_argument("--json", action="store_true", help="print the result as JSON")

    p = add(
        "pickups",
        lambda a, emit: cmd_pickups(a, emit, load),
        "Plan the work car's pick-up runs for clients who ride (codes only).",
    )
    source(p)
    p.add_argument("--vehicle", action="append", help="ID:SEATS:BASE_VENUE (repeatable)")
    p.add_argument("--max-ride", type=int, default=60, help="longest ride per client, minutes")
    p.add_argument("--seconds-per-day", type=float, default=2.0, help="search time per weekday")
    p.add_argument(
        "--hub-reach",
        type=int,
        default=30,
        help="meet a client at a hub they reach by transit or on foot within this "
        "many minutes, when that shortens the ride (0: always at home)",
    )
    p.add_argument(
        "--out", help="folder for pickup_runs.csv, pickup_dropped.csv and pickup_hubs.csv"
    )
    p.add_argument("--pdf", help="PDF file for the drivers' run sheets (A4, one run a page)")
    p.add_argument(
        "--lang", choices=("fi", "sv", "en"), default="fi", help="language of the run sheets"
    )

    p = add(
        "allowance",
        lambda a, emit: cmd_allowance(a, emit, load),
        "Staff kilometre allowance per weekday from the plan's routes.",
    )
    source(p)
    p.add_argument("--out", help="CSV file to write")
