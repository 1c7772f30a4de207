"""The two-business-day correction clock for error reports.

A business day is Monday to Friday and not a US federal holiday (the ``holidays``
library's federal calendar, observed days included: when 4 July is a Saturday, Friday
3 July is the day off). A report is due at the end of the second business day after the
day it arrived, so a report sent on a Friday, a Saturday or a Sunday is due on Tuesday.
Days are local days in the directory's time zone: a report sent at 11 pm in Hartford
is a report of that day, not of the next UTC day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

CORRECTION_BUSINESS_DAYS = 2
DEFAULT_TIME_ZONE = "America/New_York"
ONE_DAY = timedelta(days=1)


@lru_cache(maxsize=32)
def _federal_holidays(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("US", years=year)


def holiday_name(day: date) -> str | None:
    """The federal holiday on ``day`` (e.g. "Independence Day (observed)"), or None."""
    return _federal_holidays(day.year).get(day)


def is_business_day(day: date) -> bool:
    return day.weekday() < 5 and holiday_name(day) is None


def add_business_days(start: date, days: int) -> date:
    """The ``days``-th business day after ``start`` (``start`` itself never counts)."""
    if days < 1:
        raise ValueError("count at least one business day")
    day = start
    while days:
        day += ONE_DAY
        if is_business_day(day):
            days -= 1
    return day


def business_days_between(earlier: date, later: date) -> int:
    """Business days after ``earlier`` up to and including ``later`` (0 if not later)."""
    count, day = 0, earlier
    while day < later:
        day += ONE_DAY
        count += is_business_day(day)
    return count


def local_day(moment: datetime, time_zone: str = DEFAULT_TIME_ZONE) -> date:
    """The calendar day an aware ``moment`` falls on in the directory's time zone."""
    if moment.tzinfo is None:
        raise ValueError("the clock needs timezone-aware times")
    return moment.astimezone(ZoneInfo(time_zone)).date()


def due_date(reported_on: date) -> date:
    """The last day a report received on ``reported_on`` may be corrected."""
    return add_business_days(reported_on, CORRECTION_BUSINESS_DAYS)


@dataclass(frozen=True)
class ClockReading:
    """Where an open report stands on ``today``: what the inbox shows beside it."""

    due_on: date
    today: date

    @property
    def overdue(self) -> bool:
        return self.today > self.due_on

    @property
    def business_days_left(self) -> int:
        """0 on the due day itself; negative once overdue (business days late)."""
        if self.overdue:
            return -business_days_between(self.due_on, self.today)
        return business_days_between(self.today, self.due_on)

    @property
    def summary(self) -> str:
        left = self.business_days_left
        if self.overdue:
            if left == 0:  # the weekend after a Friday due day: late, by no business day yet
                return "Overdue"
            return f"Overdue by {-left} business day{'s' if left != -1 else ''}"
        if left == 0:
            return "Due today"
        return f"{left} business day{'s' if left != 1 else ''} left"
