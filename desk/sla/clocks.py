"""Clocks from event logs: pure computation on integers, no database.

A clock is replayed from the ticket's events (``created``, ``status``, ``first_response``;
for next-update targets also the times of public replies) into a ``Track``: when it started,
the intervals it did not count (a pausing status, or stopped between resolving and a
reopen), and whether and how it stopped. ``evaluate`` turns a track into the stored values
with the target's calendar. The same track explains the clock (``desk.sla.explain``), so
what is stored and what is explained cannot disagree.

Rules per target:

- first response: starts at creation; met by the first response (a public reply, or the
  first move out of New — see ``desk.services.tickets``) or by resolving; cancelled when the
  ticket is cancelled or rejected before that.
- resolution: starts at creation; stops when the ticket is resolved (a change: closed from
  review); a reopen resumes it where it stopped — the time in between does not count.
  Cancelled with the ticket.
- next update: starts at the first response and starts over at every public reply; the
  stored clock is the current cycle. Stops at resolution, starts a new cycle at a reopen.

All times are µs since the Unix epoch (UTC); durations are business µs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from desk.domain.enums import EventField
from desk.domain.lifecycle import LIFECYCLES, is_reopen, is_resolving
from desk.sla.policy import CompiledPolicy, CompiledTarget, Target

CREATED = EventField.CREATED.value
STATUS = EventField.STATUS.value
FIRST_RESPONSE = EventField.FIRST_RESPONSE.value
REPLY = "public_reply"  # pseudo event: a public worklog entry (next-update targets)
CLOCK_FIELDS = (CREATED, STATUS, FIRST_RESPONSE)

CANCELLING = frozenset({"cancelled", "rejected"})
# The lifecycle rules as plain string sets: replay runs for a million tickets in the demo.
_RESOLVING = frozenset(
    (kind.value, src.value, dst.value) for kind, table in LIFECYCLES.items()
    for src, targets in table.items() for dst in targets if is_resolving(kind, src, dst))
_REOPENING = frozenset(
    (src.value, dst.value) for table in LIFECYCLES.values()
    for src, targets in table.items() for dst in targets if is_reopen(src, dst))

RUNNING = "running"
PAUSED = "paused"
MET = "met"
BREACHED = "breached"
CANCELLED = "cancelled"
OPEN_STATES = (RUNNING, PAUSED)
STOPPED_STATES = (MET, BREACHED, CANCELLED)

# Reasons of intervals that do not count.
OFF_STATUS = "status"  # a pausing status (the status is kept with it)
OFF_STOPPED = "stopped"  # resolved, until a reopen

_NOT_STARTED, _RUNNING, _PAUSED, _STOPPED = range(4)
_DONE, _CANCEL = "done", "cancelled"

Event = tuple[int, str, "str | None", "str | None"]  # (at µs, field, old, new)
Off = tuple[int, int, str, "str | None"]  # (lo, hi, reason, status)


class Track(NamedTuple):
    start: int
    offs: tuple[Off, ...]  # closed intervals that did not count, in order
    paused_since: int | None  # an open pause at the end of the log
    paused_status: str | None
    stop: int | None
    stop_kind: str | None  # "done" | "cancelled"


class ClockResult(NamedTuple):
    target: str
    policy_id: object
    calendar_id: object
    state: str
    target_us: int
    started: int
    stopped: int | None
    elapsed_us: int
    remaining_us: int
    due: int | None
    due_position_us: int | None
    warning: int | None
    breach: int | None
    paused_reason: str | None


def replay(kind: str, events: Iterable[Event], target: str, pauses: frozenset[str]) -> Track | None:
    """The track of one target through ``events`` (sorted by time); None if it never began."""
    is_fr = target == Target.FIRST_RESPONSE
    is_nu = target == Target.NEXT_UPDATE
    mode = _NOT_STARTED
    status: str | None = None
    start = 0
    offs: list[Off] = []
    off_lo = 0
    off_status: str | None = None
    stop: int | None = None
    stop_kind: str | None = None

    for at, field, _old, new in events:
        if field == CREATED:
            status = new
            if not is_nu:
                start, mode = at, _RUNNING
                if status in pauses:
                    mode, off_lo, off_status = _PAUSED, at, status
        elif field == FIRST_RESPONSE:
            if is_fr and mode in (_RUNNING, _PAUSED):
                if mode == _PAUSED:
                    offs.append((off_lo, at, OFF_STATUS, off_status))
                mode, stop, stop_kind = _STOPPED, at, _DONE
            elif is_nu and mode == _NOT_STARTED:
                start, mode = at, _RUNNING
                if status in pauses:
                    mode, off_lo, off_status = _PAUSED, at, status
        elif field == REPLY:
            if is_nu and mode in (_RUNNING, _PAUSED):
                start, offs = at, []
                off_lo = at
        elif field == STATUS:
            src, dst = status, new
            status = dst
            if mode == _STOPPED:
                if stop_kind == _DONE and not is_fr and (src, dst) in _REOPENING:
                    if is_nu:
                        start, offs = at, []
                    else:
                        offs.append((stop, at, OFF_STOPPED, src))  # type: ignore[arg-type]
                    stop, stop_kind, mode = None, None, _RUNNING
                    if dst in pauses:
                        mode, off_lo, off_status = _PAUSED, at, dst
                continue
            if mode == _NOT_STARTED:
                continue
            if dst in CANCELLING or dst == "closed" or (kind, src, dst) in _RESOLVING or (
                    is_fr and dst == "resolved"):
                if mode == _PAUSED:
                    offs.append((off_lo, at, OFF_STATUS, off_status))
                mode, stop = _STOPPED, at
                stop_kind = _CANCEL if dst in CANCELLING else _DONE
            elif dst in pauses:
                if mode == _RUNNING:
                    mode, off_lo = _PAUSED, at
                elif off_status != dst:
                    offs.append((off_lo, at, OFF_STATUS, off_status))
                    off_lo = at
                off_status = dst
            elif mode == _PAUSED:
                offs.append((off_lo, at, OFF_STATUS, off_status))
                mode = _RUNNING
    if mode == _NOT_STARTED:
        return None
    if mode == _PAUSED:
        return Track(start, tuple(offs), off_lo, off_status, None, None)
    return Track(start, tuple(offs), None, None, stop, stop_kind)


def evaluate(track: Track, rule: CompiledTarget, now: int) -> ClockResult:
    """The stored values of a clock on its calendar, as of ``now`` (µs)."""
    cal = rule.calendar
    need = rule.need_us
    start = track.start
    pauses = [(lo, hi) for lo, hi, _r, _s in track.offs]
    base = (rule.target, rule.policy_id, rule.calendar_id)
    if track.stop is not None:
        elapsed = cal.elapsed_us(start, track.stop, pauses)
        if track.stop_kind == _CANCEL:
            return ClockResult(*base, CANCELLED, need, start, track.stop, elapsed,
                               need - elapsed, None, None, None, None, None)
        if elapsed <= need:
            return ClockResult(*base, MET, need, start, track.stop, elapsed, need - elapsed,
                               None, None, None, None, None)
        breach = cal.due_us(start, need, pauses)
        return ClockResult(*base, BREACHED, need, start, track.stop, elapsed, need - elapsed,
                           None, None, None, breach, None)
    if track.paused_since is not None:
        elapsed = cal.elapsed_us(start, track.paused_since, pauses)
        warning = cal.due_us(start, rule.warn_us, pauses) if elapsed >= rule.warn_us else None
        breach = cal.due_us(start, need, pauses) if elapsed >= need else None
        return ClockResult(*base, PAUSED, need, start, None, elapsed, need - elapsed, None,
                           None, warning, breach, track.paused_status)
    due = cal.due_us(start, need, pauses)
    warning = cal.due_us(start, rule.warn_us, pauses)
    elapsed = cal.elapsed_us(start, now, pauses) if now > start else 0
    # Where the remaining time reaches zero if the clock keeps running: equal to due's own
    # position unless the target was passed before a later pause.
    due_position = cal.position_us(max(now, start)) + need - elapsed
    return ClockResult(*base, RUNNING, need, start, None, elapsed, need - elapsed, due,
                       due_position, warning, due, None)


def compute(kind: str, events: Sequence[Event], policy: CompiledPolicy | None,
            now: int) -> list[ClockResult]:
    """Every clock of one ticket under ``policy`` (none without a policy)."""
    if policy is None:
        return []
    kind = str(kind)  # a Kind member hashes by its name, not its value
    out = []
    for rule in policy.targets:
        track = replay(kind, events, rule.target, rule.pauses)
        if track is not None:
            out.append(evaluate(track, rule, now))
    return out
