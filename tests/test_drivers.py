"""The work car's driver: a staff member who drives and is free for the whole run."""

from __future__ import annotations

from toys import season_of, staff, venue

from planner.model import Placement, Plan
from planner.routing.drivers import assign_drivers
from planner.routing.pickups import Run, Vehicle

MON, TUE = 0, 1
CAR = Vehicle("car-1", 4, "V1")


def run(weekday: int, depart: int, minutes: int) -> Run:
    return Run(CAR, weekday, (), 0.0, minutes, depart)


def season():
    """S1 is based where the car is and leads a group on Monday 10-12; S2 is based in Hanko
    and free; S3 does not drive; S4 works Tuesdays only."""
    return season_of(
        venues=[venue("V1"), venue("V2", "078")],
        staff_=[
            staff("S1", base="V1"),
            staff("S2", base="V2"),
            staff("S3", base="V1", car=False),
            staff("S4", base="V1", days=(TUE,)),
        ],
    )


PLAN = Plan((Placement("G1", MON, 600, 720, "V1", ("S1",)),), ())


def test_a_leader_in_a_group_during_the_run_does_not_drive_it() -> None:
    runs = assign_drivers(season(), PLAN, [run(MON, 540, 240)])  # 9:00-13:00
    assert runs[0].driver == "S2"  # S1 leads G1, S3 does not drive, S4 is off on Mondays


def test_the_nearest_free_driver_drives_and_drives_one_run_at_a_time() -> None:
    runs = assign_drivers(
        season(), PLAN, [run(TUE, 480, 120), run(TUE, 500, 60), run(TUE, 560, 100)]
    )
    # 8:00-10:00 and 8:20-9:20 overlap; 9:20-11:00 starts after the second ends.
    assert [r.driver for r in runs] == ["S1", "S4", "S4"]


def test_a_run_nobody_is_free_for_keeps_no_driver() -> None:
    runs = assign_drivers(season(), PLAN, [run(MON, 540, 240), run(MON, 600, 60)])
    assert [r.driver for r in runs] == ["S2", None]


def test_a_run_after_the_group_may_be_driven_by_its_leader() -> None:
    runs = assign_drivers(season(), PLAN, [run(MON, 720, 60)])  # 12:00-13:00
    assert runs[0].driver == "S1"
