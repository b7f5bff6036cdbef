"""BusinessCalendar against the minute-stepping reference on random calendars.

Calendars are minute-aligned (the reference judges whole minutes), with several segments a
day, overnight segments, "24:00" and "00:00" ends, holidays and make-up days, in zones with
1 h and 30 min DST shifts. Start instants cluster around each zone's 2026 transitions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk.sla.calendar import BusinessCalendar

from .reference import WEEKDAYS, ReferenceCalendar

ZONES = (
    "America/New_York",
    "Europe/Berlin",
    "America/Santiago",
    "Australia/Lord_Howe",
    "Asia/Shanghai",
)
WINDOW_MINUTES = 3 * 24 * 60
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@dataclass(frozen=True)
class Transition:
    instant: datetime  # first instant with the new offset, UTC
    wall_minutes: tuple[int, int]  # its wall time (minute of day) in the old and new offset


def _transitions(name: str, year: int = 2026) -> list[Transition]:
    """The zone's offset changes in ``year``, found by sampling and bisecting to the second."""
    zone = ZoneInfo(name)
    found = []
    t = datetime(year, 1, 1, tzinfo=UTC)
    previous = t.astimezone(zone).utcoffset()
    while t.year == year:
        offset = (t + timedelta(hours=1)).astimezone(zone).utcoffset()
        if offset != previous:
            lo, hi = t, t + timedelta(hours=1)
            while hi - lo > timedelta(seconds=1):
                mid = lo + timedelta(seconds=(hi - lo).seconds // 2)
                lo, hi = (mid, hi) if mid.astimezone(zone).utcoffset() == previous else (lo, mid)
            walls = tuple(((hi + o).hour * 60 + (hi + o).minute) for o in (previous, offset))
            found.append(Transition(hi, walls))
            previous = offset
        t += timedelta(hours=1)
    return found


TRANSITIONS = {name: _transitions(name) for name in ZONES}
# Until 2011 St. John's moved its clocks at 00:01, so falling back from 00:01 to 23:01
# repeated the end of the previous date: instants of two local dates interleave.
ST_JOHNS_2010 = _transitions("America/St_Johns", 2010)


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@st.composite
def day_segments(draw: st.DrawFn, grain: int, focus: int | None) -> list[list[str]]:
    """Up to three non-overlapping segments; the last may run overnight.

    With a ``focus`` minute of day the segments are short and start shortly before it, so
    their ends fall into and around the wall times that a DST transition skips or repeats.
    """
    pairs: list[list[str]] = []
    earliest, latest_start = (0, 1439) if focus is None else (max(0, focus - 150), focus + 60)
    latest_start = min(latest_start, 1439)
    for _ in range(draw(st.integers(0, 3))):
        first = -(-earliest // grain)
        if first * grain > latest_start:
            break
        start = draw(st.integers(first, latest_start // grain)) * grain
        # Mostly same-day segments; sometimes up to a full day past the start.
        longest = draw(st.sampled_from([1440, 1440, start + 1440]))
        if focus is not None and longest <= 1440:
            longest = min(longest, start + 150)
        longest = max(longest, start + grain)
        stop = draw(st.integers((start + grain) // grain, longest // grain)) * grain
        if stop < 1440:
            end = _clock(stop)
        elif stop == 1440:
            end = draw(st.sampled_from(["24:00", "00:00"]))
        else:
            end = _clock(stop - 1440)
        pairs.append([_clock(start), end])
        earliest = stop
    return pairs


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[dict, datetime]:
    """A calendar dict and a minute-aligned start instant, mostly near a DST transition."""
    tz = draw(st.sampled_from(ZONES))
    grain = draw(st.sampled_from([1, 15, 30, 60]))
    focus = None
    if TRANSITIONS[tz] and draw(st.integers(0, 4)):
        transition = draw(st.sampled_from(TRANSITIONS[tz]))
        centre = transition.instant
        if draw(st.integers(0, 2)):
            focus = draw(st.sampled_from(transition.wall_minutes))
    else:
        centre = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(days=draw(st.integers(0, 364)))
    segments = day_segments(grain, focus)
    hours = {}
    for name in WEEKDAYS:
        if draw(st.integers(0, 4)):  # a weekday is sometimes left out altogether
            hours[name] = draw(segments)
    local_day = centre.astimezone(ZoneInfo(tz)).date()
    nearby = [local_day + timedelta(days=k) for k in range(-2, 4)]
    data: dict = {"tz": tz, "hours": hours}
    holidays = draw(st.lists(st.sampled_from(nearby), max_size=2))
    if holidays:
        data["holidays"] = [d.isoformat() for d in holidays]
    workdays = draw(st.lists(st.sampled_from(nearby), max_size=3, unique=True))
    form = draw(st.sampled_from(["dict", "list", "list+hours"]))
    if workdays and form == "dict":
        data["workdays"] = {d.isoformat(): draw(segments) for d in workdays}
    elif workdays:
        data["workdays"] = [d.isoformat() for d in workdays]
        if form == "list+hours":
            data["workday_hours"] = draw(segments)
    # Mostly a start before the centre, so the three-day windows of the tests span it.
    start = centre + timedelta(minutes=draw(st.integers(-36 * 60, 0) | st.integers(0, 12 * 60)))
    return data, start


@st.composite
def pause_lists(draw: st.DrawFn, start: datetime) -> list[tuple[datetime, datetime]]:
    """Unsorted, possibly overlapping, possibly reversed pauses around the window."""
    pauses = []
    for _ in range(draw(st.integers(0, 3))):
        a = start + timedelta(minutes=draw(st.integers(-6 * 60, WINDOW_MINUTES + 6 * 60)))
        b = a + timedelta(minutes=draw(st.integers(-60, 12 * 60)))
        pauses.append((a, b))
    return pauses


@SETTINGS
@given(scenarios(), st.data())
def test_elapsed_matches_reference(scenario: tuple[dict, datetime], data: st.DataObject) -> None:
    raw, start = scenario
    end = start + timedelta(minutes=data.draw(st.integers(-60, WINDOW_MINUTES)))
    pauses = data.draw(pause_lists(start))
    fast = BusinessCalendar.from_dict(raw)
    assert fast.elapsed(start, end, pauses) == ReferenceCalendar(raw).elapsed(start, end, pauses)


@SETTINGS
@given(scenarios(), st.data())
def test_due_matches_reference(scenario: tuple[dict, datetime], data: st.DataObject) -> None:
    raw, start = scenario
    pauses = data.draw(pause_lists(start))
    reference = ReferenceCalendar(raw)
    # The business time up to a random instant: whenever that instant lies outside business
    # time, the target is used up exactly at a closing time.
    until = start + timedelta(minutes=data.draw(st.integers(0, WINDOW_MINUTES)))
    target = int(reference.elapsed(start, until, pauses))
    fast = BusinessCalendar.from_dict(raw)
    expected = reference.due(start, target, pauses)
    assert fast.due(start, target, pauses) == expected
    # Pauses given as an unsorted iterable change nothing.
    assert fast.due(start, target, reversed(pauses)) == expected


@SETTINGS
@given(scenarios(), st.lists(st.integers(-3 * 60, WINDOW_MINUTES), min_size=1, max_size=40))
def test_is_business_matches_reference(scenario: tuple[dict, datetime], offsets: list[int]) -> None:
    raw, start = scenario
    fast = BusinessCalendar.from_dict(raw)
    reference = ReferenceCalendar(raw)
    for minutes in offsets:
        instant = start + timedelta(minutes=minutes)
        assert fast.is_business(instant) == reference.is_business(instant), instant


@settings(max_examples=200, deadline=None)
@given(scenarios())
def test_dict_round_trip_keeps_the_calendar(scenario: tuple[dict, datetime]) -> None:
    raw, start = scenario
    cal = BusinessCalendar.from_dict(raw)
    exported = cal.to_dict()
    assert BusinessCalendar.from_dict(exported) == cal
    # The canonical form means the same business time as what the administrator wrote.
    original, canonical = ReferenceCalendar(raw), ReferenceCalendar(exported)
    for hours in range(-36, 60, 5):
        instant = start + timedelta(hours=hours, minutes=17)
        assert original.is_business(instant) == canonical.is_business(instant)


@SETTINGS
@given(scenarios(), st.data())
def test_due_and_elapsed_are_inverse(scenario: tuple[dict, datetime], data: st.DataObject) -> None:
    """Sub-minute starts and targets, which the reference cannot judge, still round-trip."""
    raw, start = scenario
    cal = BusinessCalendar.from_dict(raw)
    start += timedelta(microseconds=data.draw(st.integers(0, 59_999_999)))
    available = cal.elapsed(start, start + timedelta(days=3))
    target = data.draw(st.floats(0, available, allow_nan=False).map(lambda x: round(x, 6)))
    due = cal.due(start, target)
    assert abs(cal.elapsed(start, due) - target) <= 1e-6
    if target > 0:
        assert cal.elapsed(start, due - timedelta(microseconds=1)) < target


def _segment_on(wall_day: datetime, a: int, b: int) -> tuple[str, list[str]]:
    """Weekday and pair for the wall interval ``[a, b)`` minutes from ``wall_day``'s midnight,
    moved to the date it starts on (so ranges before midnight become overnight segments)."""
    days, a = divmod(a, 1440)
    b -= days * 1440
    weekday = WEEKDAYS[(wall_day + timedelta(days=days)).weekday()]
    end = "24:00" if b == 1440 else _clock(b % 1440)
    return weekday, [_clock(a), end]


@pytest.mark.parametrize(
    ("tz", "transition", "which"),
    [
        (tz, transition, which)
        for tz, transitions in [*TRANSITIONS.items(), ("America/St_Johns", ST_JOHNS_2010)]
        for transition in transitions
        for which in (0, 1)
    ],
    ids=lambda value: f"{value.instant:%Y-%m-%d}" if isinstance(value, Transition) else None,
)
def test_every_segment_around_each_transition(tz: str, transition: Transition, which: int) -> None:
    """Every 30-minute-aligned segment within three hours of the wall time at which a
    transition happens, read in the old offset (``which=0``) or the new one (``which=1``)."""
    zone = ZoneInfo(tz)
    second = timedelta(seconds=1)
    if which == 0:
        wall = (transition.instant - second).astimezone(zone).replace(tzinfo=None) + second
    else:
        wall = transition.instant.astimezone(zone).replace(tzinfo=None)
    midnight = wall.replace(hour=0, minute=0)
    focus = wall.hour * 60 + wall.minute
    start = transition.instant - timedelta(hours=6)
    end = transition.instant + timedelta(hours=6)
    points = range(focus - 180, focus + 181, 30)
    for a in points:
        for b in points:
            if b <= a:
                continue
            weekday, pair = _segment_on(midnight, a, b)
            raw = {"tz": tz, "hours": {weekday: [pair]}}
            fast, reference = BusinessCalendar.from_dict(raw), ReferenceCalendar(raw)
            total = reference.elapsed(start, end)
            assert fast.elapsed(start, end) == total, raw
            if total:
                assert fast.due(start, total) == reference.due(start, int(total)), raw
