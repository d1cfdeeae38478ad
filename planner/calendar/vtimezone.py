"""The Europe/Helsinki VTIMEZONE, written out as two RRULE-based observances.

icalendar's `add_missing_timezones()` lists every past transition as multi-valued RDATE
lines, which ical.js (and with it several web calendars) misreads. The EU summer-time rule
has held since 1996: summer time from the last Sunday of March at 03:00 local time
(01:00 UTC) to the last Sunday of October at 04:00 local time (01:00 UTC). Finland is
EET (+02:00) in winter and EEST (+03:00) in summer. `tests/test_calendar.py` checks these
observances against the system's zoneinfo for every year the planner can meet.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

TZID = "Europe/Helsinki"
ZONE = ZoneInfo(TZID)

WINTER = dt.timedelta(hours=2)  # EET
SUMMER = dt.timedelta(hours=3)  # EEST

# DTSTART of an observance is its first onset in the local time before the change; the EU
# rule took effect in 1996, and 1996-03-31 and 1996-10-27 are the last Sundays of the months.
DAYLIGHT_FROM = dt.datetime(1996, 3, 31, 3, 0)
STANDARD_FROM = dt.datetime(1996, 10, 27, 4, 0)


def helsinki_vtimezone() -> Timezone:
    """A VTIMEZONE for Europe/Helsinki that every calendar client reads alike."""
    daylight = TimezoneDaylight()
    daylight.add("tzname", "EEST")
    daylight.add("tzoffsetfrom", WINTER)
    daylight.add("tzoffsetto", SUMMER)
    daylight.add("dtstart", DAYLIGHT_FROM)
    daylight.add("rrule", {"FREQ": "YEARLY", "BYMONTH": 3, "BYDAY": "-1SU"})

    standard = TimezoneStandard()
    standard.add("tzname", "EET")
    standard.add("tzoffsetfrom", SUMMER)
    standard.add("tzoffsetto", WINTER)
    standard.add("dtstart", STANDARD_FROM)
    standard.add("rrule", {"FREQ": "YEARLY", "BYMONTH": 10, "BYDAY": "-1SU"})

    zone = Timezone()
    zone.add("tzid", TZID)
    zone.add("x-lic-location", TZID)
    zone.add_component(daylight)
    zone.add_component(standard)
    return zone
