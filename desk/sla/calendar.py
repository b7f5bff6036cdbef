"""Business calendars: when an SLA clock runs, measured in real elapsed time.

The one definition everything here implements: an instant is business time iff, read as
local wall time in the calendar's zone, it lies inside a working segment of its working
local date.

- The segments of a local date come from, in order of precedence: a holiday (no segments),
  a make-up workday (its own segments), the weekday's segments.
- Segments are half-open ``[start, end)`` in wall time. An end at or before the start runs
  overnight into the next local date and still belongs to the date it starts on, so a holiday
  switches off the part after midnight too. ``"24:00"`` ends at the next midnight, and
  ``["00:00", "00:00"]`` is therefore a whole day.
- Segments of one date may not overlap each other. An overnight tail may overlap the next
  date's own segments; business time is a *set* of instants, so such an overlap counts once.
- Wall time is read per instant, which settles daylight-saving days without a special rule:
  wall times skipped by a spring-forward gap have no instants and add nothing; wall times
  repeated by a fall-back happen twice and count twice, because both instants really are
  inside the segment. A 24×7 calendar thus has 23 h on a spring-forward day and 25 h on a
  fall-back day.

Speed comes from building, once per local date, the UTC intervals of that date's business
time (integer microseconds since the epoch) and caching them, so ``due`` and ``elapsed`` walk
intervals and skip whole days by their precomputed totals instead of stepping through time.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from desk.errors import ValidationError
from desk.i18n import _

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MINUTES_PER_DAY = 1440

_FIELDS = ("tz", "hours", "holidays", "workdays", "workday_hours")
_TIME_RE = re.compile(r"(\d{2}):(\d{2})")
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")

_US = 1_000_000
_ONE_US = timedelta(microseconds=1)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
_DAY_S = 86_400
# Offsets are sampled this often when looking for zone transitions; real zones never change
# their offset twice within one sampling step.
_SAMPLE_S = 3_600
# Business positions count from the local midnight that starts this date (see ``position``).
POSITION_EPOCH = "2026-01-01"

Pause = tuple[datetime, datetime]
_Interval = tuple[int, int]
# (start, end, intervals, interval starts, business µs) of one block of the UTC timeline.
_Block = tuple[int, int, tuple[_Interval, ...], tuple[int, ...], int]


@dataclass
class _PositionIndex:
    """Prefix sums of business time per block, grown on demand around ``POSITION_EPOCH``.

    ``starts[i]`` is where block ``lo + i`` begins (µs), ``prefix[i]`` the position there;
    ``end`` is where the last block ends.
    """

    lo: int = 0
    starts: list[int] = field(default_factory=list)
    prefix: list[int] = field(default_factory=list)
    end: int = 0


class CalendarError(ValidationError, ValueError):
    """A malformed calendar; the message starts with the field at fault (``hours.mon[1]: …``)."""


def _fail(field: str, message: str) -> CalendarError:
    return CalendarError(f"{field}: {message}", field=field)


@dataclass(frozen=True, order=True)
class Segment:
    """Working time of one local date, in minutes after its midnight.

    ``end`` is kept as written (``1440`` is ``"24:00"``, ``0`` is ``"00:00"``) so a calendar
    exports exactly what the administrator typed.
    """

    start: int
    end: int

    def __post_init__(self) -> None:
        if not (0 <= self.start < MINUTES_PER_DAY and 0 <= self.end <= MINUTES_PER_DAY):
            raise ValueError(f"segment minutes out of range: {self.start}, {self.end}")

    @property
    def stop(self) -> int:
        """Minutes after the start date's midnight at which the segment ends (up to 2880)."""
        return self.end if self.end > self.start else self.end + MINUTES_PER_DAY

    def to_pair(self) -> list[str]:
        return [_format_time(self.start), _format_time(self.end)]


@dataclass(frozen=True)
class BusinessCalendar:
    """Working hours in an IANA zone, with holidays and make-up workdays (local dates).

    Instances are immutable and compare by value; the per-date interval caches are private
    and never part of equality. Results of ``due`` are aware datetimes in UTC.
    """

    tz: str
    hours: tuple[tuple[Segment, ...], ...]  # seven entries, Monday first
    holidays: frozenset[date] = frozenset()
    workdays: tuple[tuple[date, tuple[Segment, ...]], ...] = ()

    _zone: ZoneInfo = field(init=False, repr=False, compare=False)
    _workday_map: dict[date, tuple[Segment, ...]] = field(init=False, repr=False, compare=False)
    _last_explicit: int = field(init=False, repr=False, compare=False)
    _days: dict[int, tuple[_Interval, ...]] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )
    _blocks: dict[int, _Block] = field(init=False, repr=False, compare=False, default_factory=dict)
    _index: _PositionIndex = field(
        init=False, repr=False, compare=False, default_factory=lambda: _PositionIndex()
    )

    def __post_init__(self) -> None:
        set_ = object.__setattr__  # frozen: normalise the fields once, here
        set_(self, "_zone", _load_zone(self.tz))
        if len(self.hours) != len(WEEKDAYS):
            raise ValueError(f"hours needs seven weekdays, got {len(self.hours)}")
        for name, segments in zip(WEEKDAYS, self.hours, strict=True):
            _check_overlaps(f"hours.{name}", segments)
        for day, segments in self.workdays:
            _check_overlaps(f"workdays.{day.isoformat()}", segments)
        set_(self, "hours", tuple(tuple(sorted(segments)) for segments in self.hours))
        set_(self, "holidays", frozenset(self.holidays))
        workdays = {day: tuple(sorted(segments)) for day, segments in self.workdays}
        set_(self, "workdays", tuple(sorted(workdays.items())))
        set_(self, "_workday_map", workdays)
        # Past this date the calendar repeats its weekdays; due() uses it to detect a calendar
        # that will never work again.
        explicit = [d.toordinal() for d in (*self.holidays, *workdays)]
        set_(self, "_last_explicit", max(explicit, default=0) + 1)

    # ----------------------------------------------------------------- JSON format

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> BusinessCalendar:
        """Build a calendar from its JSON form, refusing malformed input with CalendarError."""
        if not isinstance(data, Mapping):
            raise _fail("calendar", _("expected an object with tz and hours"))
        for key in data:
            if key not in _FIELDS:
                raise _fail(
                    str(key),
                    _("unknown field (expected {fields})").format(fields=", ".join(_FIELDS)),
                )
        tz = data.get("tz")
        if not isinstance(tz, str) or not tz:
            raise _fail("tz", _("missing IANA time zone name such as Asia/Shanghai"))

        raw_hours = data.get("hours", {})
        if not isinstance(raw_hours, Mapping):
            raise _fail("hours", _("expected an object mapping weekdays to segments"))
        for key in raw_hours:
            if key not in WEEKDAYS:
                raise _fail(
                    f"hours.{key}",
                    _("unknown weekday (expected {names})").format(names=", ".join(WEEKDAYS)),
                )
        hours = tuple(
            _parse_segments(f"hours.{name}", raw_hours.get(name, [])) for name in WEEKDAYS
        )

        raw_holidays = data.get("holidays", [])
        if not isinstance(raw_holidays, list):
            raise _fail("holidays", _("expected a list of dates YYYY-MM-DD"))
        holidays = frozenset(
            _parse_date(f"holidays[{i}]", value) for i, value in enumerate(raw_holidays)
        )

        raw_workdays = data.get("workdays", {})
        workdays: dict[date, tuple[Segment, ...]] = {}
        if isinstance(raw_workdays, Mapping):
            if "workday_hours" in data:
                raise _fail(
                    "workday_hours",
                    _("only used when workdays is a list of dates; give each date its hours"),
                )
            for key, segments in raw_workdays.items():
                day = _parse_date(f"workdays.{key}", key)
                workdays[day] = _parse_segments(f"workdays.{key}", segments)
        elif isinstance(raw_workdays, list):
            if "workday_hours" in data:
                shared = _parse_segments("workday_hours", data["workday_hours"])
            else:
                shared = hours[0]
            for i, value in enumerate(raw_workdays):
                workdays[_parse_date(f"workdays[{i}]", value)] = shared
        else:
            raise _fail("workdays", _("expected an object of date: segments, or a list of dates"))
        return cls(tz=tz, hours=hours, holidays=holidays, workdays=tuple(workdays.items()))

    def to_dict(self) -> dict[str, object]:
        """The canonical JSON form: every weekday listed, workdays with explicit segments."""
        return {
            "tz": self.tz,
            "hours": {
                name: [segment.to_pair() for segment in segments]
                for name, segments in zip(WEEKDAYS, self.hours, strict=True)
            },
            "holidays": sorted(day.isoformat() for day in self.holidays),
            "workdays": {
                day.isoformat(): [segment.to_pair() for segment in segments]
                for day, segments in self.workdays
            },
        }

    # ----------------------------------------------------------------- queries

    def is_business(self, instant: datetime) -> bool:
        us = _to_us(instant, "instant")
        block = self._block(self._block_of(instant, us))
        intervals, starts = block[2], block[3]
        i = bisect_right(starts, us) - 1
        return i >= 0 and us < intervals[i][1]

    def elapsed(self, start: datetime, end: datetime, pauses: Iterable[Pause] = ()) -> float:
        """Business seconds in ``[start, end)`` outside the pauses; 0 when ``end <= start``."""
        s = _to_us(start, "start")
        e = _to_us(end, "end")
        paused = _normalise_pauses(pauses, s, e)
        if e <= s:
            return 0.0
        total = 0
        p = 0
        o = self._block_of(start, s)
        while True:
            b_start, b_end, intervals, _starts, b_total = self._block(o)
            if b_start >= e:
                break
            while p < len(paused) and paused[p][1] <= b_start:
                p += 1
            if s <= b_start and b_end <= e and (p == len(paused) or paused[p][0] >= b_end):
                total += b_total
            else:
                for lo, hi in intervals:
                    lo = max(lo, s)
                    hi = min(hi, e)
                    while lo < hi:
                        while p < len(paused) and paused[p][1] <= lo:
                            p += 1
                        if p < len(paused) and paused[p][0] < hi:
                            if paused[p][0] <= lo:
                                lo = paused[p][1]
                                continue
                            total += paused[p][0] - lo
                            lo = paused[p][1]
                        else:
                            total += hi - lo
                            break
            o += 1
        return total / _US

    def due(self, start: datetime, seconds: float, pauses: Iterable[Pause] = ()) -> datetime:
        """The earliest instant ``t`` with ``elapsed(start, t, pauses) >= seconds``, in UTC.

        A target used up exactly at closing time is due at closing time, and a target of 0 at
        ``start`` itself. Fractions finer than a microsecond are rounded.
        """
        s = _to_us(start, "start")
        if isinstance(seconds, bool) or not isinstance(seconds, int | float):
            raise TypeError(f"seconds must be a number, got {seconds!r}")
        if not math.isfinite(seconds) or seconds < 0:
            raise ValueError(f"seconds must be a finite number >= 0, got {seconds!r}")
        need = seconds * _US if isinstance(seconds, int) else round(seconds * _US)
        paused = _normalise_pauses(pauses, s, None)
        if need == 0:
            return start.astimezone(UTC)
        p = 0
        o = self._block_of(start, s)
        while True:
            b_start, b_end, intervals, _starts, b_total = self._block(o)
            while p < len(paused) and paused[p][1] <= b_start:
                p += 1
            whole_block = s <= b_start and (p == len(paused) or paused[p][0] >= b_end)
            if whole_block and b_total < need:
                need -= b_total
                o += 1
                if b_total == 0 and o > self._last_explicit and not any(self.hours):
                    raise _fail("hours", _("the calendar has no working time left to count"))
                continue
            for lo, hi in intervals:
                lo = max(lo, s)
                while lo < hi:
                    while p < len(paused) and paused[p][1] <= lo:
                        p += 1
                    if p < len(paused) and paused[p][0] < hi:
                        if paused[p][0] <= lo:
                            lo = paused[p][1]
                            continue
                        free_hi = paused[p][0]
                    else:
                        free_hi = hi
                    if free_hi - lo >= need:
                        return _EPOCH + (lo + need) * _ONE_US
                    need -= free_hi - lo
                    lo = free_hi
            o += 1

    # ----------------------------------------------------------------- business positions

    def position(self, instant: datetime) -> float:
        """Business seconds from ``POSITION_EPOCH`` to ``instant`` (negative before it).

        ``position(b) - position(a) == elapsed(a, b)`` for ``a <= b``, so a stored position
        of a due instant turns "remaining business time" into a subtraction that SQL can do.
        """
        return self.position_us(_to_us(instant, "instant")) / _US

    def position_us(self, us: int) -> int:
        """``position`` in integer microseconds, for an instant in µs since the Unix epoch."""
        index = self._index
        starts = index.starts
        if not starts or us < starts[0] or us >= index.end:
            self._cover(us)
        i = bisect_right(starts, us) - 1
        o = index.lo + i
        pos = index.prefix[i]
        block = self._blocks.get(o) or self._block(o)
        for lo, hi in block[2]:
            if hi <= us:
                pos += hi - lo
            else:
                if lo < us:
                    pos += us - lo
                break
        return pos

    def instant_at_us(self, pos: int) -> int:
        """The earliest instant (µs) whose position is at least ``pos`` (µs)."""
        index = self._index
        while not index.prefix or pos <= index.prefix[0]:
            if index.prefix and index.lo < _EPOCH_ORDINAL:
                raise ValueError(f"no business time before position {pos}")
            self._extend_down()
        while pos > index.prefix[-1]:
            last = index.lo + len(index.prefix) - 1
            if last > self._last_explicit + 7 and not any(self.hours):
                raise _fail("hours", _("the calendar has no working time left to count"))
            self._extend_up()
        j = bisect_left(index.prefix, pos)
        i = j - 1
        need = pos - index.prefix[i]
        for lo, hi in self._block(index.lo + i)[2]:
            if hi - lo >= need:
                return lo + need
            need -= hi - lo
        raise AssertionError("block totals and intervals disagree")  # pragma: no cover

    def elapsed_us(self, start: int, end: int, pauses: Sequence[_Interval] = ()) -> int:
        """``elapsed`` on µs instants; ``pauses`` sorted, disjoint ``(lo, hi)`` µs pairs."""
        if end <= start:
            return 0
        total = self.position_us(end) - self.position_us(start)
        for lo, hi in pauses:
            lo = max(lo, start)
            hi = min(hi, end)
            if lo < hi:
                total -= self.position_us(hi) - self.position_us(lo)
        return total

    def due_us(self, start: int, need: int, pauses: Sequence[_Interval] = ()) -> int:
        """``due`` on µs: ``need`` business µs after ``start``, outside the sorted, disjoint
        ``pauses``."""
        if need <= 0:
            return start
        target = self.position_us(start) + need
        for lo, hi in pauses:
            if hi <= start:
                continue
            lo = max(lo, start)
            if self.instant_at_us(target) <= lo:
                break
            target += self.position_us(hi) - self.position_us(lo)
        return self.instant_at_us(target)

    def business_intervals_us(self, start: int, end: int) -> list[_Interval]:
        """The business intervals inside ``[start, end)``, in µs, merged and in order."""
        out: list[_Interval] = []
        if end <= start:
            return out
        self._cover(start)
        index = self._index
        o = index.lo + bisect_right(index.starts, start) - 1
        while True:
            b_start, _b_end, intervals, _starts, _total = self._block(o)
            if b_start >= end:
                break
            for lo, hi in intervals:
                lo, hi = max(lo, start), min(hi, end)
                if lo < hi:
                    if out and out[-1][1] == lo:
                        out[-1] = (out[-1][0], hi)
                    else:
                        out.append((lo, hi))
            o += 1
        return out

    def _cover(self, us: int) -> None:
        index = self._index
        while not index.starts or us < index.starts[0]:
            self._extend_down()
        while us >= index.end:
            self._extend_up()

    def _extend_up(self) -> None:
        index = self._index
        if not index.starts:
            index.lo = date.fromisoformat(POSITION_EPOCH).toordinal()
            block = self._block(index.lo)
            index.starts.append(block[0])
            index.prefix.append(0)
            index.end = block[1]
            return
        o = index.lo + len(index.starts)
        last_total = self._block(o - 1)[4]
        block = self._block(o)
        index.starts.append(block[0])
        index.prefix.append(index.prefix[-1] + last_total)
        index.end = block[1]

    def _extend_down(self) -> None:
        index = self._index
        if not index.starts:
            self._extend_up()
            return
        # Grow by a year at a time: prepending rebuilds the lists.
        o_new = index.lo - 366
        starts: list[int] = []
        totals: list[int] = []
        for o in range(o_new, index.lo):
            b_start, _b_end, _intervals, _starts, b_total = self._block(o)
            starts.append(b_start)
            totals.append(b_total)
        prefix = [0] * len(totals)
        running = index.prefix[0]
        for k in range(len(totals) - 1, -1, -1):
            running -= totals[k]
            prefix[k] = running
        index.starts[:0] = starts
        index.prefix[:0] = prefix
        index.lo = o_new

    # ----------------------------------------------------------------- interval building

    def _segments_on(self, day: date) -> tuple[Segment, ...]:
        if day in self.holidays:
            return ()
        segments = self._workday_map.get(day)
        return segments if segments is not None else self.hours[day.weekday()]

    def _midnight(self, ordinal: int) -> int:
        """µs of the local midnight starting ``ordinal`` (fold=0: a skipped midnight maps to
        the end of the gap, a repeated one to its first occurrence)."""
        local = datetime.combine(date.fromordinal(ordinal), time(), tzinfo=self._zone)
        return (local - _EPOCH) // _ONE_US

    def _block_of(self, instant: datetime, us: int) -> int:
        """Ordinal of the block holding ``us``: block o is ``[midnight(o), midnight(o+1))``."""
        o = instant.astimezone(self._zone).toordinal()
        b_start, b_end, *_ = self._block(o)
        if us < b_start:
            return o - 1
        if us >= b_end:
            return o + 1
        return o

    def _block(self, o: int) -> _Block:
        """Business intervals of one slice of the UTC timeline, between two local midnights.

        Local dates do not always map to disjoint, ordered stretches of UTC: when a fall-back
        crosses midnight (St. John's fell back from 00:01 to 23:01 until 2011) the end of one
        date repeats after the start of the next, and a gap straddling midnight would start
        the next date before its fold=0 midnight. So blocks are cut at fixed instants and
        collect the intervals of the neighbouring local dates as well.
        """
        block = self._blocks.get(o)
        if block is not None:
            return block
        b_start = self._midnight(o)
        b_end = self._midnight(o + 1)
        pieces = [
            (max(lo, b_start), min(hi, b_end))
            for d in (o - 1, o, o + 1)
            for lo, hi in self._local_day(d)
            if lo < b_end and hi > b_start
        ]
        intervals = tuple(_merge(pieces))
        block = (
            b_start,
            b_end,
            intervals,
            tuple(interval[0] for interval in intervals),
            sum(hi - lo for lo, hi in intervals),
        )
        self._blocks[o] = block
        return block

    def _local_day(self, o: int) -> tuple[_Interval, ...]:
        """UTC intervals (µs) of the business instants whose local date is ordinal ``o``."""
        cached = self._days.get(o)
        if cached is not None:
            return cached
        day = date.fromordinal(o)
        wall = [(s.start, min(s.stop, MINUTES_PER_DAY)) for s in self._segments_on(day)]
        wall += [
            (0, s.stop - MINUTES_PER_DAY)
            for s in self._segments_on(day - timedelta(days=1))
            if s.stop > MINUTES_PER_DAY
        ]
        result: list[_Interval] = []
        if wall:
            # Wall clock seconds of this date's midnight, as if the zone were UTC.
            base = (o - _EPOCH_ORDINAL) * _DAY_S
            pieces = self._offset_pieces(base - _DAY_S, base + 2 * _DAY_S)
            for a, b in _merge(wall):
                wall_lo = base + a * 60
                wall_hi = base + b * 60
                # Within one offset piece wall = utc + offset, so each piece maps the wall
                # interval to one UTC interval; a repeated hour yields two, a gap none.
                for piece_lo, piece_hi, offset in pieces:
                    lo = max(piece_lo, wall_lo - offset)
                    hi = min(piece_hi, wall_hi - offset)
                    if lo < hi:
                        result.append((lo * _US, hi * _US))
        intervals = tuple(_merge(result))
        self._days[o] = intervals
        return intervals

    def _offset(self, ts: int) -> int:
        offset = datetime.fromtimestamp(ts, self._zone).utcoffset()
        assert offset is not None
        return offset // timedelta(seconds=1)

    def _offset_pieces(self, lo: int, hi: int) -> list[tuple[int, int, int]]:
        """Split ``[lo, hi)`` (UTC seconds) into stretches of constant UTC offset."""
        pieces: list[tuple[int, int, int]] = []
        piece_start = lo
        offset = self._offset(lo)
        t = lo
        while t < hi:
            nxt = min(t + _SAMPLE_S, hi)
            next_offset = self._offset(nxt)
            if next_offset != offset:
                # Bisect for the first second with the new offset.
                a, b = t, nxt
                while b - a > 1:
                    mid = (a + b) // 2
                    if self._offset(mid) == offset:
                        a = mid
                    else:
                        b = mid
                pieces.append((piece_start, b, offset))
                piece_start = b
                offset = next_offset
            t = nxt
        pieces.append((piece_start, hi, offset))
        return pieces


# --------------------------------------------------------------------- helpers


def _load_zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        raise _fail("tz", _("unknown time zone {name}").format(name=_show(name))) from None


def _to_us(value: datetime, what: str) -> int:
    if not isinstance(value, datetime):
        raise TypeError(f"{what} must be a datetime, got {value!r}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{what} must be timezone-aware, got naive {value!r}")
    return (value - _EPOCH) // _ONE_US


def _normalise_pauses(pauses: Iterable[Pause], lower: int, upper: int | None) -> list[_Interval]:
    """Pauses as sorted disjoint µs intervals clipped to ``[lower, upper)``; empty ones dropped."""
    clipped: list[_Interval] = []
    for i, pair in enumerate(pauses):
        try:
            first, second = pair
        except (TypeError, ValueError):
            raise TypeError(f"pauses[{i}] must be a (start, end) pair, got {pair!r}") from None
        lo = max(_to_us(first, f"pauses[{i}] start"), lower)
        hi = _to_us(second, f"pauses[{i}] end")
        if upper is not None:
            hi = min(hi, upper)
        if lo < hi:
            clipped.append((lo, hi))
    return _merge(clipped)


def _merge(intervals: Iterable[_Interval]) -> list[_Interval]:
    merged: list[_Interval] = []
    for lo, hi in sorted(intervals):
        if merged and lo <= merged[-1][1]:
            if hi > merged[-1][1]:
                merged[-1] = (merged[-1][0], hi)
        else:
            merged.append((lo, hi))
    return merged


def _check_overlaps(field: str, segments: Sequence[Segment]) -> None:
    order = sorted(range(len(segments)), key=lambda i: segments[i].start)
    for prev, cur in pairwise(order):
        if segments[cur].start < segments[prev].stop:
            first, second = sorted((prev, cur))
            raise _fail(
                f"{field}[{second}]",
                _("{segment} overlaps {other}").format(
                    segment=_show(segments[second].to_pair()),
                    other=f"{field}[{first}] {_show(segments[first].to_pair())}",
                ),
            )


def _parse_segments(field: str, value: object) -> tuple[Segment, ...]:
    if not isinstance(value, list):
        raise _fail(field, _('expected a list of ["HH:MM", "HH:MM"] segments'))
    segments = []
    for i, pair in enumerate(value):
        where = f"{field}[{i}]"
        if not isinstance(pair, list) or len(pair) != 2:
            raise _fail(where, _('expected a pair ["HH:MM", "HH:MM"]'))
        start = _parse_time(where, "start", pair[0])
        end = _parse_time(where, "end", pair[1])
        segments.append(Segment(start, end))
    return tuple(segments)


def _parse_time(field: str, which: str, value: object) -> int:
    match = _TIME_RE.fullmatch(value) if isinstance(value, str) else None
    if match:
        hour, minute = int(match[1]), int(match[2])
        if hour < 24 and minute < 60:
            return hour * 60 + minute
        if which == "end" and hour == 24 and minute == 0:
            return MINUTES_PER_DAY
    if which == "start" and value == "24:00":
        message = _('start "24:00" is not a time HH:MM (24:00 may only end a segment)')
    elif which == "start":
        message = _("start {value} is not a time HH:MM").format(value=_show(value))
    else:
        message = _("end {value} is not a time HH:MM").format(value=_show(value))
    raise _fail(field, message)


def _parse_date(field: str, value: object) -> date:
    if isinstance(value, str) and _DATE_RE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise _fail(field, _("{value} is not a date YYYY-MM-DD").format(value=_show(value)))


def _format_time(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _show(value: object) -> str:
    """The value as the administrator wrote it in JSON, for error messages."""
    try:
        return json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        return repr(value)
