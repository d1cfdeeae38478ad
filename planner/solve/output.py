"""The solver's output files, exactly as DESIGN.md specifies them.

- plan_groups.csv: group_id, weekday (Mon..Fri), start, end (HH:MM), venue_id (empty for a
  remote group), leaders (;-separated)
- plan_participants.csv: client_code, group_id, mode (on_site or remote)
- staff_days.csv: staff_id, weekday, stops (;-separated venue ids in visiting order, from
  and back to the base venue), km, drive_min, first_date, last_date (ISO dates, filled
  only when a weekday's route differs between periods of the season: one row per period)
- summary.json: status, objective, best_bound, wall_s, unscheduled [{group_id, reason}],
  plus gap, first_feasible_s, counts, unplaced_clients and the stages. `status`,
  `objective`, `best_bound` and `gap` are the model's, all from stage 1 as CP-SAT reported
  them (so objective >= best_bound); the plan's own figures stand beside them:
  `plan_status` (OPTIMAL, FEASIBLE, FIRST_FIT or NO_PLAN), `state` (every_group,
  some_groups_left_out, no_plan), `plan_source`, `plan_objective` (the returned plan over
  the same objective), `signed_gap` (negative only with `beyond_bound` true: passes after
  the search used options outside the model's candidates, which `bound_covers`
  "candidates" says the bound is over), `changed_after_search`, `budget_s` and `pruning`

Staff routes come from `planner.plan_figures.staff_days` (solver-free; re-exported here).
"""

from __future__ import annotations

import json
from pathlib import Path

from planner.model import WEEKDAYS, Season, hhmm
from planner.plan_figures import StaffDay, staff_days
from planner.solve.result import Result
from planner.spreadsheet import write_csv

__all__ = ["StaffDay", "staff_days", "summary", "write_outputs"]


def write_outputs(result: Result, season: Season, out_dir: str | Path) -> list[Path]:
    """Write the four output files into `out_dir` (created if needed); return their paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    plan = result.plan
    paths = [
        out / n
        for n in ("plan_groups.csv", "plan_participants.csv", "staff_days.csv", "summary.json")
    ]
    write_csv(
        paths[0],
        ["group_id", "weekday", "start", "end", "venue_id", "leaders"],
        (
            [
                p.group_id,
                WEEKDAYS[p.weekday],
                hhmm(p.start),
                hhmm(p.end),
                p.venue_id or "",
                ";".join(p.leaders),
            ]
            for p in sorted(plan.placements, key=lambda p: p.group_id)
        ),
    )
    write_csv(
        paths[1],
        ["client_code", "group_id", "mode"],
        ((code, gid, plan.mode_of(code, gid)) for code, gid in sorted(set(plan.participants))),
    )
    write_csv(
        paths[2],
        ["staff_id", "weekday", "stops", "km", "drive_min", "first_date", "last_date"],
        (
            [
                d.staff_id,
                WEEKDAYS[d.weekday],
                ";".join(d.stops),
                f"{d.km:.1f}",
                d.drive_min,
                *(x.isoformat() if x else "" for x in (d.first_date, d.last_date)),
            ]
            for d in staff_days(season, plan)
        ),
    )
    paths[3].write_text(
        json.dumps(summary(result, season), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return paths


def summary(result: Result, season: Season) -> dict:
    """The content of summary.json."""
    placed = result.clients_placed
    lang = result.stats.get("language", "en")
    return {
        **result.summary(),
        "first_feasible_s": None
        if result.first_feasible_s is None
        else round(result.first_feasible_s, 3),
        "unscheduled": [
            {"group_id": u.group_id, "reason": u.reason} for u in result.plan.unscheduled
        ],
        "counts": {
            "groups": len(season.groups),
            "groups_scheduled": result.groups_scheduled,
            "clients": len(season.clients),
            "clients_placed": placed,
            "participants": len(result.plan.participants),
            "remote_participants": len(set(result.plan.remote)),
        },
        "unplaced_clients": len(result.unplaced),
        "unplaced": [{"client_code": r.subject, "reason": r.text(lang)} for r in result.unplaced],
        "stages": [s.as_dict() for s in result.stages],
        "pruning": result.stats.get("pruning", {}),
    }
