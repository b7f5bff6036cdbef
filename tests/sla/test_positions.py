"""Business positions (prefix sums) against the calendar's own due/elapsed.

The µs methods the clock engine uses (``position_us``, ``elapsed_us``, ``due_us``,
``instant_at_us``) must give exactly what ``elapsed``/``due`` give — those are checked against
the minute-stepping reference in test_calendar_properties.py — on the same random calendars.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desk.sla.calendar import BusinessCalendar, CalendarError

from .test_calendar_properties import SETTINGS, pause_lists, scenarios

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def us(t: datetime) -> int:
    return (t - EPOCH) // timedelta(microseconds=1)


def merged(pauses: list[tuple[datetime, datetime]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for lo, hi in sorted((us(a), us(b)) for a, b in pauses if a < b):
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


@SETTINGS
@given(scenarios(), st.data())
def test_elapsed_us_matches_elapsed(scenario: tuple[dict, datetime], data: st.DataObject) -> None:
    raw, start = scenario
    end = start + timedelta(minutes=data.draw(st.integers(-60, 3 * 24 * 60)))
    pauses = data.draw(pause_lists(start))
    cal = BusinessCalendar.from_dict(raw)
    expected = round(cal.elapsed(start, end, pauses) * 1_000_000)
    assert cal.elapsed_us(us(start), us(end), merged(pauses)) == expected


@SETTINGS
@given(scenarios(), st.data())
def test_due_us_matches_due(scenario: tuple[dict, datetime], data: st.DataObject) -> None:
    raw, start = scenario
    pauses = data.draw(pause_lists(start))
    cal = BusinessCalendar.from_dict(raw)
    start += timedelta(microseconds=data.draw(st.integers(0, 59_999_999)))
    until = start + timedelta(minutes=data.draw(st.integers(0, 3 * 24 * 60)))
    target = round(cal.elapsed(start, until, pauses) * 1_000_000)
    target -= data.draw(st.integers(0, min(target, 5_000_000)))
    expected = cal.due(start, target / 1_000_000, pauses)
    assert cal.due_us(us(start), target, merged(pauses)) == us(expected)


@SETTINGS
@given(scenarios(), st.data())
def test_positions_differ_by_elapsed(scenario: tuple[dict, datetime], data: st.DataObject) -> None:
    raw, start = scenario
    cal = BusinessCalendar.from_dict(raw)
    end = start + timedelta(minutes=data.draw(st.integers(0, 3 * 24 * 60)))
    assert cal.position(end) - cal.position(start) == pytest.approx(cal.elapsed(start, end))


def test_positions_before_the_epoch_are_negative_and_consistent() -> None:
    cal = BusinessCalendar.from_dict({"tz": "Europe/Berlin", "hours": {"mon": [["09:00",
                                                                             "17:00"]]}})
    a = datetime(2025, 3, 1, tzinfo=UTC)
    b = datetime(2026, 6, 1, tzinfo=UTC)
    assert cal.position(a) < 0 < cal.position(b)
    assert cal.position(b) - cal.position(a) == cal.elapsed(a, b)
    target = us(a) + 1
    assert cal.instant_at_us(cal.position_us(us(b))) <= us(b)
    assert cal.due_us(target, 8 * 3600 * 1_000_000) == us(cal.due(a + timedelta(
        microseconds=1), 8 * 3600))


def test_a_calendar_without_working_time_refuses_to_count() -> None:
    cal = BusinessCalendar.from_dict({"tz": "UTC", "hours": {},
                                     "workdays": {"2026-03-02": [["00:00", "08:00"]]}})
    start = us(datetime(2026, 3, 1, tzinfo=UTC))
    assert cal.due_us(start, 3_600_000_000) == us(datetime(2026, 3, 2, 1, tzinfo=UTC))
    with pytest.raises(CalendarError, match="no working time left"):
        cal.due_us(start, 9 * 3_600_000_000)
