"""Why a clock shows what it shows: its timeline as spans with reasons.

The spans come from the same ``Track`` that the stored values were computed from: counting
("running", during business hours), not counting while the clock runs ("outside business
hours", "holiday"), paused by a status, stopped between a resolution and a reopen, and the
stop at the end (met, breached, cancelled).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from desk.domain.enums import Status
from desk.i18n import _
from desk.sla.calendar import BusinessCalendar
from desk.sla.clocks import OFF_STOPPED, ClockResult, Track

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_US = 1_000_000


class Reason(StrEnum):
    BUSINESS_HOURS = "business_hours"  # counting
    OUTSIDE_HOURS = "outside_hours"
    HOLIDAY = "holiday"
    STATUS = "status"  # paused by the status in ``Span.status``
    RESOLVED = "resolved"  # stopped until the reopen
    MET = "met"
    BREACHED = "breached"
    CANCELLED = "cancelled"


class SpanKind(StrEnum):
    RUNNING = "running"
    PAUSED = "paused"
    STOPPED = "stopped"


@dataclass(frozen=True)
class Span:
    start: datetime
    end: datetime  # the end of the log ("now") for a span still going on
    kind: str  # SpanKind
    reason: str  # Reason
    status: str | None = None  # for Reason.STATUS
    counted: float = 0.0  # business seconds this span added to the clock

    @property
    def text(self) -> str:
        """The reason, in words for the user."""
        if self.reason == Reason.STATUS and self.status:
            try:
                label = Status(self.status).label
            except ValueError:
                label = self.status
            return _("Paused: status {status}").format(status=label)
        return {
            Reason.BUSINESS_HOURS: _("Running: business hours"),
            Reason.OUTSIDE_HOURS: _("Not counting: outside business hours"),
            Reason.HOLIDAY: _("Not counting: holiday"),
            Reason.STATUS: _("Paused"),
            Reason.RESOLVED: _("Stopped: resolved (until reopened)"),
            Reason.MET: _("Stopped: target met"),
            Reason.BREACHED: _("Stopped: target breached"),
            Reason.CANCELLED: _("Stopped: ticket cancelled"),
        }[Reason(self.reason)]


def _dt(us: int) -> datetime:
    return _EPOCH + timedelta(microseconds=us)


def spans(track: Track, result: ClockResult, calendar: BusinessCalendar, now: int) -> list[Span]:
    """The timeline of one clock from its start to its stop (or ``now``)."""
    end = track.stop if track.stop is not None else max(now, track.start)
    pieces: list[tuple[int, int, str, str | None]] = []  # off intervals incl. an open pause
    pieces += [(lo, hi, r, st) for lo, hi, r, st in track.offs]
    if track.paused_since is not None:
        pieces.append((track.paused_since, end, "status", track.paused_status))
    out: list[Span] = []
    cursor = track.start
    for lo, hi, reason, status in pieces:
        if lo > cursor:
            out += _running(cursor, min(lo, end), calendar)
        if hi > lo:
            if reason == OFF_STOPPED:
                out.append(Span(_dt(lo), _dt(hi), SpanKind.STOPPED, Reason.RESOLVED, status))
            else:
                out.append(Span(_dt(lo), _dt(hi), SpanKind.PAUSED, Reason.STATUS, status))
        cursor = max(cursor, hi)
    if cursor < end:
        out += _running(cursor, end, calendar)
    if track.stop is not None:
        reason = {"met": Reason.MET, "breached": Reason.BREACHED,
                  "cancelled": Reason.CANCELLED}[result.state]
        out.append(Span(_dt(track.stop), _dt(max(now, track.stop)), SpanKind.STOPPED, reason))
    return out


def _running(lo: int, hi: int, calendar: BusinessCalendar) -> list[Span]:
    """A stretch in which the clock runs: counting in business time, not outside it."""
    out: list[Span] = []
    cursor = lo
    for a, b in calendar.business_intervals_us(lo, hi):
        if a > cursor:
            out += _idle(cursor, a, calendar)
        out.append(Span(_dt(a), _dt(b), SpanKind.RUNNING, Reason.BUSINESS_HOURS,
                        counted=(b - a) / _US))
        cursor = b
    if cursor < hi:
        out += _idle(cursor, hi, calendar)
    return out


def _idle(lo: int, hi: int, calendar: BusinessCalendar) -> list[Span]:
    """Non-business time, split where local holidays begin and end."""
    zone = ZoneInfo(calendar.tz)
    out: list[Span] = []
    cursor = lo
    while cursor < hi:
        local = _dt(cursor).astimezone(zone)
        next_midnight = datetime.combine(local.date() + timedelta(days=1), datetime.min.time(),
                                         tzinfo=zone)
        piece_end = min(hi, (next_midnight - _EPOCH) // timedelta(microseconds=1))
        if piece_end <= cursor:  # a zone transition at midnight: step past it
            piece_end = min(hi, cursor + 3600 * _US)
        reason = Reason.HOLIDAY if local.date() in calendar.holidays else Reason.OUTSIDE_HOURS
        if out and out[-1].reason == reason and out[-1].end == _dt(cursor):
            out[-1] = Span(out[-1].start, _dt(piece_end), SpanKind.PAUSED, reason)
        else:
            out.append(Span(_dt(cursor), _dt(piece_end), SpanKind.PAUSED, reason))
        cursor = piece_end
    return out
