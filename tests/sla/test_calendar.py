"""Concrete cases of the business calendar: real holidays, DST days, edges, bad input."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from desk.errors import ValidationError
from desk.sla.calendar import BusinessCalendar, CalendarError
from desk.sla.holiday_import import apply_holidays, import_holidays

SHANGHAI = ZoneInfo("Asia/Shanghai")
NEW_YORK = ZoneInfo("America/New_York")
OFFICE = [["09:00", "12:00"], ["13:00", "18:00"]]
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")
HOUR = 3600


def office(tz: str = "Asia/Shanghai", **extra: object) -> dict:
    return {"tz": tz, "hours": {name: OFFICE for name in WEEKDAYS}, **extra}


def at(zone: ZoneInfo, *args: int) -> datetime:
    return datetime(*args, tzinfo=zone)


@pytest.fixture(scope="module")
def cn_2026() -> BusinessCalendar:
    holidays, workdays = import_holidays("CN", [2026])
    return BusinessCalendar.from_dict(apply_holidays(office(), holidays, workdays))


# ------------------------------------------------------------------ China, National Day 2026


def test_cn_2026_import_matches_the_state_council_schedule() -> None:
    holidays, workdays = import_holidays("CN", [2026])
    assert date(2026, 10, 1) in holidays
    assert {date(2026, 10, d) for d in (1, 2, 3, 5, 6, 7)} <= set(holidays)
    # The six weekend days worked in 2026 to bridge the holidays (调休).
    assert workdays == [
        date(2026, 1, 4),
        date(2026, 2, 14),
        date(2026, 2, 28),
        date(2026, 5, 9),
        date(2026, 9, 20),
        date(2026, 10, 10),
    ]
    assert all(day.year == 2026 for day in holidays + workdays)


def test_ticket_before_national_day_is_due_after_the_break(cn_2026: BusinessCalendar) -> None:
    start = at(SHANGHAI, 2026, 9, 30, 16)
    # 2 h on Sept 30, nothing from Oct 1 to Oct 7, then 6 h on Thursday Oct 8.
    assert cn_2026.due(start, 8 * HOUR) == at(SHANGHAI, 2026, 10, 8, 16)
    # 2 + 8 (Oct 8) + 8 (Oct 9) reaches the make-up Saturday for the last 6 h.
    assert cn_2026.due(start, 24 * HOUR) == at(SHANGHAI, 2026, 10, 10, 16)
    assert cn_2026.elapsed(start, at(SHANGHAI, 2026, 10, 11)) == 26 * HOUR


def test_make_up_days_work_and_holidays_do_not(cn_2026: BusinessCalendar) -> None:
    assert cn_2026.is_business(at(SHANGHAI, 2026, 10, 10, 10))  # Saturday, worked
    assert cn_2026.is_business(at(SHANGHAI, 2026, 9, 20, 17, 59))  # Sunday, worked
    assert not cn_2026.is_business(at(SHANGHAI, 2026, 10, 5, 10))  # Monday, day off
    assert not cn_2026.is_business(at(SHANGHAI, 2026, 10, 17, 10))  # an ordinary Saturday
    assert cn_2026.is_business(at(SHANGHAI, 2026, 10, 8, 9))


def test_due_friday_afternoon_lands_on_the_make_up_saturday(cn_2026: BusinessCalendar) -> None:
    assert cn_2026.due(at(SHANGHAI, 2026, 10, 9, 17), 2 * HOUR) == at(SHANGHAI, 2026, 10, 10, 10)


# ------------------------------------------------------------------ daylight saving time


def test_24x7_spring_forward_day_has_23_hours() -> None:
    every_day = (*WEEKDAYS, "sat", "sun")
    always = BusinessCalendar.from_dict(
        {"tz": "America/New_York", "hours": {day: [["00:00", "24:00"]] for day in every_day}}
    )
    assert always.elapsed(at(NEW_YORK, 2026, 3, 8), at(NEW_YORK, 2026, 3, 9)) == 23 * HOUR
    assert always.elapsed(at(NEW_YORK, 2026, 11, 1), at(NEW_YORK, 2026, 11, 2)) == 25 * HOUR
    # A 24 h resolution target opened at noon before the change ends at 13:00 wall time.
    due = always.due(at(NEW_YORK, 2026, 3, 7, 12), 24 * HOUR)
    assert due == at(NEW_YORK, 2026, 3, 8, 13)
    assert due - at(NEW_YORK, 2026, 3, 7, 12) == timedelta(hours=24)


def test_business_hours_target_across_the_dst_weekend() -> None:
    cal = BusinessCalendar.from_dict(
        {"tz": "America/New_York", "hours": {d: [["09:00", "17:00"]] for d in WEEKDAYS}}
    )
    friday = at(NEW_YORK, 2026, 3, 6, 16)  # EST
    due = cal.due(friday, 2 * HOUR)
    assert due == at(NEW_YORK, 2026, 3, 9, 10)  # EDT: 14:00 UTC, not 15:00
    assert due == datetime(2026, 3, 9, 14, tzinfo=UTC)
    assert cal.elapsed(at(NEW_YORK, 2026, 3, 6, 9), at(NEW_YORK, 2026, 3, 9, 17)) == 16 * HOUR


def test_wall_time_rule_on_gap_and_repeated_hour() -> None:
    cal = BusinessCalendar.from_dict(
        {"tz": "America/New_York", "hours": {"sun": [["01:30", "02:30"]]}}
    )
    # 02:00-02:30 never happens on 2026-03-08: only 01:30-02:00 EST counts.
    spring = cal.elapsed(at(NEW_YORK, 2026, 3, 8), at(NEW_YORK, 2026, 3, 9))
    assert spring == 0.5 * HOUR
    # On 2026-11-01 01:30-02:00 happens twice (EDT then EST) and both count.
    autumn = cal.elapsed(at(NEW_YORK, 2026, 11, 1), at(NEW_YORK, 2026, 11, 2))
    assert autumn == 1.5 * HOUR
    assert cal.is_business(datetime(2026, 11, 1, 5, 45, tzinfo=UTC))  # 01:45 EDT
    assert cal.is_business(datetime(2026, 11, 1, 6, 45, tzinfo=UTC))  # 01:45 EST
    assert cal.is_business(datetime(2026, 11, 1, 7, 15, tzinfo=UTC))  # 02:15 EST
    assert not cal.is_business(datetime(2026, 11, 1, 7, 30, tzinfo=UTC))  # 02:30 EST


def test_fall_back_across_midnight_interleaves_two_dates() -> None:
    # St. John's fell back at 00:01 NDT on 2010-11-07 to 23:01 NST on 2010-11-06.
    st_johns = ZoneInfo("America/St_Johns")
    cal = BusinessCalendar.from_dict(
        {
            "tz": "America/St_Johns",
            "hours": {"sat": [["23:00", "24:00"]], "sun": [["00:00", "00:30"]]},
        }
    )
    # Saturday 23:00-24:00 NDT (60) + Sunday 00:00-00:01 NDT (1) + Saturday 23:01-24:00 NST
    # (59) + Sunday 00:00-00:30 NST (30).
    minutes = cal.elapsed(at(st_johns, 2010, 11, 6), at(st_johns, 2010, 11, 8)) / 60
    assert minutes == 150
    assert cal.is_business(datetime(2010, 11, 7, 2, 31, tzinfo=UTC))  # Saturday 23:01 NST


# ------------------------------------------------------------------ edges of the definition


def test_target_zero_is_due_at_start_even_outside_hours() -> None:
    cal = BusinessCalendar.from_dict(office())
    saturday = at(SHANGHAI, 2026, 6, 6, 3, 17)
    assert cal.due(saturday, 0) == saturday
    assert cal.due(saturday, 0).tzinfo is UTC


def test_target_used_up_at_closing_time_is_due_at_closing_time() -> None:
    cal = BusinessCalendar.from_dict(office())
    monday = at(SHANGHAI, 2026, 6, 8, 9)
    assert cal.due(monday, 3 * HOUR) == at(SHANGHAI, 2026, 6, 8, 12)
    assert cal.due(monday, 8 * HOUR) == at(SHANGHAI, 2026, 6, 8, 18)
    assert cal.due(monday, 8 * HOUR + 1) == at(SHANGHAI, 2026, 6, 9, 9, 0, 1)
    # Starting at closing time counts from the next opening.
    assert cal.due(at(SHANGHAI, 2026, 6, 8, 12), 60) == at(SHANGHAI, 2026, 6, 8, 13, 1)


def test_segments_are_half_open() -> None:
    cal = BusinessCalendar.from_dict(office())
    tick = timedelta(microseconds=1)
    nine = at(SHANGHAI, 2026, 6, 8, 9)
    noon = at(SHANGHAI, 2026, 6, 8, 12)
    assert cal.is_business(nine)
    assert not cal.is_business(nine - tick)
    assert cal.is_business(noon - tick)
    assert not cal.is_business(noon)
    assert cal.elapsed(nine - tick, nine + tick) == 1e-6


def test_overnight_segment_belongs_to_the_date_it_starts_on() -> None:
    night = {"tz": "Asia/Shanghai", "hours": {"mon": [["22:00", "06:00"]]}}
    cal = BusinessCalendar.from_dict(night)
    assert cal.is_business(at(SHANGHAI, 2026, 6, 9, 2))  # Tuesday 02:00, Monday's shift
    assert cal.elapsed(at(SHANGHAI, 2026, 6, 8), at(SHANGHAI, 2026, 6, 10)) == 8 * HOUR

    on_holiday = BusinessCalendar.from_dict({**night, "holidays": ["2026-06-08"]})
    assert not on_holiday.is_business(at(SHANGHAI, 2026, 6, 8, 23))
    assert not on_holiday.is_business(at(SHANGHAI, 2026, 6, 9, 2))
    assert on_holiday.elapsed(at(SHANGHAI, 2026, 6, 8), at(SHANGHAI, 2026, 6, 10)) == 0.0

    # A holiday on the Tuesday does not cut short the shift that began on Monday.
    next_day_off = BusinessCalendar.from_dict({**night, "holidays": ["2026-06-09"]})
    assert next_day_off.is_business(at(SHANGHAI, 2026, 6, 9, 5, 59))


def test_24_00_ends_at_midnight_and_00_00_pair_is_a_whole_day() -> None:
    cal = BusinessCalendar.from_dict(
        {"tz": "Asia/Shanghai", "hours": {"mon": [["18:00", "24:00"]], "wed": [["00:00", "00:00"]]}}
    )
    assert cal.is_business(at(SHANGHAI, 2026, 6, 8, 23, 59))
    assert not cal.is_business(at(SHANGHAI, 2026, 6, 9, 0))
    assert cal.elapsed(at(SHANGHAI, 2026, 6, 8), at(SHANGHAI, 2026, 6, 11)) == 30 * HOUR
    assert not cal.is_business(at(SHANGHAI, 2026, 6, 11, 0))


def test_overlap_of_overnight_tail_and_next_day_counts_once() -> None:
    cal = BusinessCalendar.from_dict(
        {"tz": "Asia/Shanghai", "hours": {"mon": [["20:00", "04:00"]], "tue": [["00:00", "08:00"]]}}
    )
    # Monday 20:00 to Tuesday 08:00 is 12 h, not 8 + 8.
    assert cal.elapsed(at(SHANGHAI, 2026, 6, 8), at(SHANGHAI, 2026, 6, 10)) == 12 * HOUR
    assert cal.due(at(SHANGHAI, 2026, 6, 8, 20), 12 * HOUR) == at(SHANGHAI, 2026, 6, 9, 8)


def test_make_up_workday_precedence_below_holiday() -> None:
    cal = BusinessCalendar.from_dict(
        office(
            holidays=["2026-06-13"],
            workdays={"2026-06-13": [["10:00", "11:00"]], "2026-06-14": [["10:00", "11:00"]]},
        )
    )
    assert not cal.is_business(at(SHANGHAI, 2026, 6, 13, 10, 30))  # holiday wins
    assert cal.is_business(at(SHANGHAI, 2026, 6, 14, 10, 30))
    assert not cal.is_business(at(SHANGHAI, 2026, 6, 14, 9, 30))  # its own hours, not Monday's


def test_end_not_after_start_is_zero() -> None:
    cal = BusinessCalendar.from_dict(office())
    t = at(SHANGHAI, 2026, 6, 8, 10)
    assert cal.elapsed(t, t) == 0.0
    assert cal.elapsed(t, t - timedelta(hours=5)) == 0.0


def test_pauses_are_normalised() -> None:
    cal = BusinessCalendar.from_dict(office())
    monday = at(SHANGHAI, 2026, 6, 8, 9)
    pauses = [
        (at(SHANGHAI, 2026, 6, 8, 10, 30), at(SHANGHAI, 2026, 6, 8, 11)),  # unsorted
        (at(SHANGHAI, 2026, 6, 8, 10), at(SHANGHAI, 2026, 6, 8, 10, 45)),  # overlaps the first
        (at(SHANGHAI, 2026, 6, 7), at(SHANGHAI, 2026, 6, 8, 9, 30)),  # starts before start
        (at(SHANGHAI, 2026, 6, 8, 17), at(SHANGHAI, 2026, 6, 8, 16)),  # reversed: ignored
    ]
    end = at(SHANGHAI, 2026, 6, 8, 12)
    assert cal.elapsed(monday, end, pauses) == 1.5 * HOUR  # 09:30-10:00 and 11:00-12:00
    assert cal.due(monday, 1.5 * HOUR, pauses) == end
    assert cal.due(monday, 1.5 * HOUR, iter(pauses)) == end  # any iterable
    # A pause running past the window only removes what lies inside it.
    late = [(at(SHANGHAI, 2026, 6, 8, 17), at(SHANGHAI, 2026, 6, 9, 10))]
    assert cal.elapsed(monday, at(SHANGHAI, 2026, 6, 8, 18), late) == 7 * HOUR
    assert cal.due(monday, 8 * HOUR, late) == at(SHANGHAI, 2026, 6, 9, 11)


def test_elapsed_until_due_gives_back_the_target() -> None:
    cal = BusinessCalendar.from_dict(office(holidays=["2026-06-10"]))
    start = at(SHANGHAI, 2026, 6, 5, 15, 12, 7, 250)
    for seconds in (1, 59.5, 3 * HOUR, 17 * HOUR + 1, 40 * HOUR):
        due = cal.due(start, seconds)
        assert cal.elapsed(start, due) == pytest.approx(seconds, abs=1e-6)
        assert cal.elapsed(start, due - timedelta(microseconds=1)) < seconds


def test_long_ranges_skip_days() -> None:
    cal = BusinessCalendar.from_dict(office())
    # 2026 has 261 weekdays of 8 h each.
    year = cal.elapsed(at(SHANGHAI, 2026, 1, 1), at(SHANGHAI, 2027, 1, 1))
    assert year == 261 * 8 * HOUR
    assert cal.due(at(SHANGHAI, 2026, 1, 1), year) == at(SHANGHAI, 2026, 12, 31, 18)


def test_calendar_without_working_time() -> None:
    cal = BusinessCalendar.from_dict(
        {"tz": "UTC", "workdays": {"2026-06-01": [["09:00", "10:00"]]}}
    )
    start = datetime(2026, 5, 1, tzinfo=UTC)
    assert cal.due(start, HOUR) == datetime(2026, 6, 1, 10, tzinfo=UTC)
    with pytest.raises(CalendarError, match="no working time"):
        cal.due(start, 2 * HOUR)
    assert cal.elapsed(start, datetime(2027, 1, 1, tzinfo=UTC)) == HOUR


# ------------------------------------------------------------------ input checks


def test_naive_datetimes_raise_value_error() -> None:
    cal = BusinessCalendar.from_dict(office())
    naive = datetime(2026, 6, 8, 10)
    aware = at(SHANGHAI, 2026, 6, 8, 10)
    with pytest.raises(ValueError, match="timezone-aware"):
        cal.due(naive, 60)
    with pytest.raises(ValueError, match="timezone-aware"):
        cal.elapsed(aware, naive)
    with pytest.raises(ValueError, match="timezone-aware"):
        cal.is_business(naive)
    with pytest.raises(ValueError, match="pauses"):
        cal.elapsed(aware, aware + timedelta(hours=1), [(naive, aware)])


def test_negative_target_raises_value_error() -> None:
    cal = BusinessCalendar.from_dict(office())
    with pytest.raises(ValueError, match=">= 0"):
        cal.due(at(SHANGHAI, 2026, 6, 8, 10), -1)


def test_round_trip_through_dict() -> None:
    data = office(
        holidays=["2026-10-02", "2026-10-01"],
        workdays=["2026-10-10"],
        workday_hours=[["10:00", "16:00"]],
    )
    data["hours"]["sat"] = [["22:00", "06:00"], ["08:00", "09:00"]]
    data["hours"]["sun"] = [["00:00", "24:00"]]
    cal = BusinessCalendar.from_dict(data)
    exported = cal.to_dict()
    assert exported["workdays"] == {"2026-10-10": [["10:00", "16:00"]]}
    assert exported["holidays"] == ["2026-10-01", "2026-10-02"]
    assert exported["hours"]["sat"] == [["08:00", "09:00"], ["22:00", "06:00"]]
    assert exported["hours"]["sun"] == [["00:00", "24:00"]]
    again = BusinessCalendar.from_dict(exported)
    assert again == cal
    assert hash(again) == hash(cal)
    assert again.to_dict() == exported


def test_list_workdays_default_to_monday_hours() -> None:
    cal = BusinessCalendar.from_dict(office(workdays=["2026-10-10"]))
    assert cal.to_dict()["workdays"] == {"2026-10-10": OFFICE}


BAD_INPUT = [
    ({"hours": {}}, "tz: missing IANA time zone"),
    ({"tz": "Mars/Olympus_Mons"}, 'tz: unknown time zone "Mars/Olympus_Mons"'),
    ({"tz": "../etc/passwd"}, "tz: unknown time zone"),
    ({"tz": "UTC", "hours": []}, "hours: expected an object"),
    ({"tz": "UTC", "hours": {"funday": []}}, "hours.funday: unknown weekday"),
    ({"tz": "UTC", "hours": {"mon": "09:00-18:00"}}, "hours.mon: expected a list"),
    ({"tz": "UTC", "hours": {"mon": [["09:00"]]}}, "hours.mon[0]: expected a pair"),
    (
        {"tz": "UTC", "hours": {"mon": [["09:00", "12:00"], ["13:00", "25:00"]]}},
        'hours.mon[1]: end "25:00" is not a time HH:MM',
    ),
    ({"tz": "UTC", "hours": {"tue": [["9:00", "12:00"]]}}, 'hours.tue[0]: start "9:00"'),
    ({"tz": "UTC", "hours": {"tue": [["09:60", "12:00"]]}}, 'hours.tue[0]: start "09:60"'),
    ({"tz": "UTC", "hours": {"tue": [["24:00", "02:00"]]}}, 'hours.tue[0]: start "24:00"'),
    ({"tz": "UTC", "hours": {"tue": [["09:00", 1200]]}}, "hours.tue[0]: end 1200 is not"),
    (
        {"tz": "UTC", "hours": {"wed": [["13:00", "18:00"], ["09:00", "13:30"]]}},
        'hours.wed[1]: ["09:00", "13:30"] overlaps hours.wed[0] ["13:00", "18:00"]',
    ),
    (
        {"tz": "UTC", "hours": {"wed": [["22:00", "06:00"], ["23:00", "23:30"]]}},
        "hours.wed[1]: ",
    ),
    ({"tz": "UTC", "holidays": "2026-10-01"}, "holidays: expected a list"),
    ({"tz": "UTC", "holidays": ["2026-10-01", "2026-02-30"]}, 'holidays[1]: "2026-02-30" is not'),
    ({"tz": "UTC", "holidays": ["2026/10/01"]}, "holidays[0]: "),
    ({"tz": "UTC", "holidays": [20261001]}, "holidays[0]: 20261001 is not a date"),
    ({"tz": "UTC", "workdays": "2026-10-10"}, "workdays: expected an object"),
    ({"tz": "UTC", "workdays": ["2026-10-10", "10/11"]}, 'workdays[1]: "10/11" is not a date'),
    ({"tz": "UTC", "workdays": {"2026-13-10": []}}, "workdays.2026-13-10: "),
    (
        {"tz": "UTC", "workdays": {"2026-10-10": [["08:00", "24:30"]]}},
        "workdays.2026-10-10[0]: end",
    ),
    (
        {"tz": "UTC", "workdays": {"2026-10-10": [["08:00", "12:00"], ["11:00", "13:00"]]}},
        "workdays.2026-10-10[1]: ",
    ),
    (
        {"tz": "UTC", "workdays": ["2026-10-10"], "workday_hours": [["08:00", "x"]]},
        "workday_hours[0]: end",
    ),
    ({"tz": "UTC", "workdays": {}, "workday_hours": []}, "workday_hours: only used"),
    ({"tz": "UTC", "holiday": []}, "holiday: unknown field"),
    ("not a dict", "calendar: expected an object"),
]


@pytest.mark.parametrize(("data", "message"), BAD_INPUT)
def test_malformed_input_names_the_field(data: object, message: str) -> None:
    with pytest.raises(CalendarError) as caught:
        BusinessCalendar.from_dict(data)  # type: ignore[arg-type]
    assert str(caught.value).startswith(message)
    assert str(caught.value).startswith(f"{caught.value.field}: ")
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, ValidationError)


# ------------------------------------------------------------------ holiday import


def test_unknown_country_is_refused() -> None:
    with pytest.raises(CalendarError, match='country: "XX" is not a country'):
        import_holidays("XX", [2026])


def test_unknown_subdivision_is_refused() -> None:
    with pytest.raises(CalendarError, match='subdiv: "ZZ" is not a subdivision of US'):
        import_holidays("US", [2026], subdiv="ZZ")


def test_apply_holidays_returns_a_reviewed_copy() -> None:
    original = office(holidays=["2026-06-01"])
    merged = apply_holidays(original, [date(2026, 10, 1)], [date(2026, 10, 10)])
    assert original == office(holidays=["2026-06-01"])  # untouched
    assert merged["holidays"] == ["2026-06-01", "2026-10-01"]
    assert merged["workdays"] == {"2026-10-10": OFFICE}
    merged["workdays"]["2026-10-10"][0][0] = "10:00"
    assert original["hours"]["mon"][0][0] == "09:00"  # no shared lists

    listed = apply_holidays(
        office(workdays=["2026-09-20"], workday_hours=[["10:00", "15:00"]]),
        [],
        [date(2026, 10, 10), date(2026, 9, 20)],
    )
    assert listed["workdays"] == ["2026-09-20", "2026-10-10"]
    cal = BusinessCalendar.from_dict(listed)
    assert cal.is_business(at(SHANGHAI, 2026, 10, 10, 14))
    assert not cal.is_business(at(SHANGHAI, 2026, 10, 10, 9))


def test_apply_holidays_refuses_a_result_that_would_not_load() -> None:
    with pytest.raises(CalendarError, match="tz: unknown time zone"):
        apply_holidays(office(tz="Nowhere/Land"), [date(2026, 10, 1)], [])
