"""The two-business-day clock on fixed dates: weekends, federal holidays, observed days."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from directory.accuracy.clock import (
    ClockReading,
    add_business_days,
    business_days_between,
    due_date,
    holiday_name,
    is_business_day,
    local_day,
)

# December 2026: Friday the 4th, the weekend of the 5th and 6th; Christmas is Friday the 25th.
MON, WED, THU, FRI = date(2026, 11, 30), date(2026, 12, 2), date(2026, 12, 3), date(2026, 12, 4)
SAT, SUN, NEXT_MON, NEXT_TUE = (date(2026, 12, d) for d in (5, 6, 7, 8))


def test_a_report_on_a_weekday_is_due_two_business_days_later():
    assert due_date(MON) == WED


@pytest.mark.parametrize("reported_on", [THU, FRI, SAT, SUN], ids=["thu", "fri", "sat", "sun"])
def test_the_weekend_does_not_count(reported_on):
    expected = {THU: NEXT_MON, FRI: NEXT_TUE, SAT: NEXT_TUE, SUN: NEXT_TUE}[reported_on]
    assert due_date(reported_on) == expected


def test_thanksgiving_does_not_count():
    # Wednesday 25 November 2026; Thanksgiving is Thursday the 26th.
    assert holiday_name(date(2026, 11, 26)) == "Thanksgiving Day"
    assert due_date(date(2026, 11, 25)) == date(2026, 11, 30)  # Fri 27th, then Mon 30th


def test_christmas_on_a_friday_and_the_weekend_after_it():
    # Thursday 24 December 2026: Friday the 25th, Saturday, Sunday are all days off.
    assert due_date(date(2026, 12, 24)) == date(2026, 12, 29)


def test_an_observed_holiday_is_a_day_off_too():
    # 4 July 2026 is a Saturday: federal offices close on Friday 3 July.
    assert holiday_name(date(2026, 7, 3)) == "Independence Day (observed)"
    assert not is_business_day(date(2026, 7, 3))
    assert due_date(date(2026, 7, 2)) == date(2026, 7, 7)  # Mon 6th, Tue 7th


def test_new_years_day_observed_in_the_old_year():
    # 1 January 2028 is a Saturday: Friday 31 December 2027 is the federal day off.
    assert not is_business_day(date(2027, 12, 31))
    assert due_date(date(2027, 12, 30)) == date(2028, 1, 4)


def test_ordinary_days_and_weekends():
    assert is_business_day(MON) and is_business_day(FRI)
    assert not is_business_day(SAT) and not is_business_day(SUN)
    assert holiday_name(MON) is None


def test_counting_business_days_between_two_dates():
    assert business_days_between(FRI, NEXT_TUE) == 2
    assert business_days_between(FRI, SUN) == 0
    assert business_days_between(NEXT_TUE, FRI) == 0
    assert add_business_days(FRI, 1) == NEXT_MON
    with pytest.raises(ValueError):
        add_business_days(FRI, 0)


def test_the_local_day_not_the_utc_day_starts_the_clock():
    # 03:30 UTC on Saturday is still Friday evening in Hartford.
    late_friday = datetime(2026, 12, 5, 3, 30, tzinfo=UTC)
    assert local_day(late_friday) == FRI
    assert local_day(late_friday, "UTC") == SAT
    with pytest.raises(ValueError):
        local_day(datetime(2026, 12, 5, 3, 30))


@pytest.mark.parametrize(
    ("today", "summary", "overdue"),
    [
        (FRI, "2 business days left", False),
        (SAT, "2 business days left", False),
        (NEXT_MON, "1 business day left", False),
        (NEXT_TUE, "Due today", False),
        (date(2026, 12, 9), "Overdue by 1 business day", True),
        (date(2026, 12, 14), "Overdue by 4 business days", True),
    ],
)
def test_what_the_inbox_says_about_a_report_due_on_tuesday(today, summary, overdue):
    clock = ClockReading(due_on=NEXT_TUE, today=today)
    assert clock.summary == summary
    assert clock.overdue is overdue


def test_late_over_a_weekend_reads_overdue_without_a_count():
    clock = ClockReading(due_on=FRI, today=SUN)
    assert clock.overdue and clock.summary == "Overdue"
