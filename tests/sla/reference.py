"""A deliberately simple business calendar, the oracle for desk.sla's fast one.

It shares no code with ``desk.sla.calendar``: it reads the same JSON form naively (input is
assumed valid) and decides every minute on its own by the definition — convert the instant
to local time and ask whether that wall time lies in a segment of its working local date, or
in the after-midnight tail of an overnight segment of the previous working date.

Exact only for minute-aligned inputs (segments, starts, targets, pauses) in zones whose
offsets and transitions fall on whole minutes, because each minute is judged by its first
instant.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MINUTE = timedelta(minutes=1)


def _minutes(text: str) -> int:
    hour, minute = text.split(":")
    return int(hour) * 60 + int(minute)


def _pairs(raw: list[list[str]]) -> list[tuple[int, int]]:
    """(start, end) in minutes after the start date's midnight; overnight ends exceed 1440."""
    pairs = []
    for start_text, end_text in raw:
        start, end = _minutes(start_text), _minutes(end_text)
        pairs.append((start, end if end > start else end + 1440))
    return pairs


class ReferenceCalendar:
    def __init__(self, data: dict) -> None:
        self.zone = ZoneInfo(data["tz"])
        hours = data.get("hours", {})
        self.weekly = [_pairs(hours.get(name, [])) for name in WEEKDAYS]
        self.holidays = {date.fromisoformat(d) for d in data.get("holidays", [])}
        raw_workdays = data.get("workdays", {})
        if isinstance(raw_workdays, dict):
            self.workdays = {date.fromisoformat(d): _pairs(s) for d, s in raw_workdays.items()}
        else:
            shared = _pairs(data.get("workday_hours", hours.get("mon", [])))
            self.workdays = {date.fromisoformat(d): shared for d in raw_workdays}

    def segments(self, day: date) -> list[tuple[int, int]]:
        if day in self.holidays:
            return []
        if day in self.workdays:
            return self.workdays[day]
        return self.weekly[day.weekday()]

    def is_business(self, instant: datetime) -> bool:
        local = instant.astimezone(self.zone)
        wall = local.hour * 60 + local.minute + local.second / 60
        today = local.date()
        if any(start <= wall < end for start, end in self.segments(today)):
            return True
        yesterday = today - timedelta(days=1)
        return any(end > 1440 and wall < end - 1440 for _, end in self.segments(yesterday))

    def _counts(self, instant: datetime, pauses: list[tuple[datetime, datetime]]) -> bool:
        return self.is_business(instant) and not any(a <= instant < b for a, b in pauses)

    def elapsed(
        self, start: datetime, end: datetime, pauses: Iterable[tuple[datetime, datetime]] = ()
    ) -> float:
        pause_list = list(pauses)
        t = start.astimezone(UTC)
        stop = end.astimezone(UTC)
        minutes = 0
        while t < stop:
            minutes += self._counts(t, pause_list)
            t += MINUTE
        return float(minutes * 60)

    def due(
        self,
        start: datetime,
        seconds: int,
        pauses: Iterable[tuple[datetime, datetime]] = (),
        max_minutes: int = 60 * 24 * 60,
    ) -> datetime:
        pause_list = list(pauses)
        t = start.astimezone(UTC)
        counted = 0
        for _ in range(max_minutes):
            if counted >= seconds:
                return t
            if self._counts(t, pause_list):
                counted += 60
            t += MINUTE
        raise RuntimeError("reference due() gave up: target too far for minute stepping")
