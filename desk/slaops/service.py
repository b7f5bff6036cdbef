"""The SLA engine as the console and the CLI use it: plain values in, frozen values out.

- ``clock_views``: the clocks of one ticket, with remaining business time as of now.
- ``explain``: the timeline of one clock, span by span, with the reasons.
- ``preview_calendar_change`` / ``apply_calendar_change`` and ``preview_policy_change`` /
  ``apply_policy_change``: what a change would do to the open tickets' due instants, then the
  change itself with every affected clock recomputed from the event logs, in one transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from desk.db.session import Database, changes_of
from desk.errors import ConflictError, NotFound, ValidationError
from desk.i18n import _
from desk.models.sla import SlaCalendar, SlaClock, SlaPolicy
from desk.models.ticket import Ticket
from desk.services.changes import Written
from desk.sla import explain as explain_mod
from desk.sla.calendar import BusinessCalendar
from desk.sla.clocks import OPEN_STATES, RUNNING, evaluate, replay
from desk.sla.engine import DueMove, recompute, recompute_in, ticket_events, to_us
from desk.sla.explain import Span
from desk.sla.policy import (
    Policy,
    Target,
    _load_policies,
    load_rules,
    validate_policy,
    write_calendar,
    write_policy,
)
from desk.timeutil import require_aware, utcnow


@dataclass(frozen=True)
class ClockView:
    target: str  # Target
    state: str  # running | paused | met | breached | cancelled
    elapsed: float  # business seconds, as of ``as_of``
    remaining: float  # business seconds; negative once the target has passed
    target_seconds: int
    due_at: datetime | None  # running clocks only
    breach_at: datetime | None
    warning_at: datetime | None
    stopped_at: datetime | None
    paused_reason: str | None  # the pausing status
    calendar_zone: str
    calendar_name: str
    policy_name: str
    as_of: datetime

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def breached(self) -> bool:
        """Passed its target (a stopped clock: judged late; an open one: past due)."""
        return self.state == "breached" or (
            self.is_open and self.breach_at is not None and self.breach_at <= self.as_of)

    @property
    def warned(self) -> bool:
        return self.is_open and self.warning_at is not None and self.warning_at <= self.as_of

    @property
    def label(self) -> str:
        return Target(self.target).label


_ORDER = {t.value: i for i, t in enumerate(Target)}


def clock_views(db: Database, ticket_id: uuid.UUID,
                now: datetime | None = None) -> list[ClockView]:
    """The clocks of a ticket in target order (none when no policy applies)."""
    now = require_aware(now, "now") if now is not None else utcnow()
    out = []
    with db.read() as s:
        rows = list(s.scalars(select(SlaClock).where(SlaClock.ticket_id == ticket_id)))
        if not rows:
            return []
        rules = load_rules(s)
        names = {r.id: r.name for r in s.execute(select(SlaCalendar.id, SlaCalendar.name))}
        policies = {r.id: r.name for r in s.execute(select(SlaPolicy.id, SlaPolicy.name))}
        for row in sorted(rows, key=lambda r: _ORDER.get(r.target, 9)):
            cal = rules.calendars.get(row.calendar_id)
            elapsed, remaining = row.elapsed_seconds, row.remaining_seconds
            if row.state == RUNNING and cal is not None and row.due_position is not None:
                remaining = row.due_position - cal.position(max(now, row.started_at))
                elapsed = row.target_seconds - remaining
            out.append(ClockView(
                target=row.target, state=row.state, elapsed=elapsed, remaining=remaining,
                target_seconds=row.target_seconds, due_at=row.due_at, breach_at=row.breach_at,
                warning_at=row.warning_at, stopped_at=row.stopped_at,
                paused_reason=row.paused_reason, calendar_zone=cal.tz if cal else "",
                calendar_name=names.get(row.calendar_id, ""),
                policy_name=policies.get(row.policy_id, ""), as_of=now))
    return out


def explain(db: Database, ticket_id: uuid.UUID, target: str,
            now: datetime | None = None) -> list[Span]:
    """The timeline of one clock of a ticket, replayed from its event log."""
    now = require_aware(now, "now") if now is not None else utcnow()
    with db.read() as s:
        ticket = s.get(Ticket, ticket_id)
        if ticket is None or ticket.deleted_at is not None:
            raise NotFound(_("The ticket no longer exists"))
        rules = load_rules(s)
        row = s.get(SlaClock, (ticket_id, str(target)))
        rule = rules.target(row.policy_id, row.target) if row is not None else None
        if rule is None:
            policy = rules.match(ticket.kind, ticket.priority, ticket.category_id,
                                 ticket.organization_id)
            rule = next((t for t in policy.targets if t.target == target), None) \
                if policy else None
        if rule is None:
            return []
        events = ticket_events(s, ticket_id, rules)
        kind = ticket.kind
    track = replay(kind, events, rule.target, rule.pauses)
    if track is None:
        return []
    now_us = max(to_us(now), events[-1][0] if events else 0)
    result = evaluate(track, rule, now_us)
    return explain_mod.spans(track, result, rule.calendar, now_us)


# ---------------------------------------------------------------- calendar changes


def preview_calendar_change(db: Database, calendar_id: uuid.UUID,
                            new_definition: Mapping[str, Any],
                            now: datetime | None = None) -> list[DueMove]:
    """Which open clocks on the calendar would move, and how, if it read ``new_definition``.
    Raises CalendarError (a ValidationError) for a malformed definition."""
    calendar = BusinessCalendar.from_dict(new_definition)
    result = recompute(db, now=now, calendar_id=calendar_id, write=False,
                       rules_factory=lambda s: load_rules(s, calendars={calendar_id: calendar}))
    return list(result.value.moves)


def apply_calendar_change(db: Database, calendar_id: uuid.UUID,
                          new_definition: Mapping[str, Any], *, name: str | None = None,
                          expected_version: int | None = None,
                          now: datetime | None = None) -> Written[list[DueMove]]:
    """Save the calendar and recompute every open clock on it, in one transaction."""
    now = now or utcnow()
    with db.write() as s:
        row = s.get(SlaCalendar, calendar_id)
        if row is None or row.deleted_at is not None:
            raise NotFound(_("The SLA calendar no longer exists"))
        if expected_version is not None and row.row_version != expected_version:
            raise ConflictError(_("The calendar {name} was changed by someone else").format(
                name=row.name), record_id=calendar_id)
        write_calendar(s, name or row.name, new_definition, calendar_id)
        result = recompute_in(s, now, calendar_id=calendar_id)
    return Written(list(result.moves), changes_of(s))


def create_calendar(db: Database, name: str,
                    definition: Mapping[str, Any]) -> Written[uuid.UUID]:
    """A new calendar (no clock uses it yet, so there is nothing to preview)."""
    with db.write() as s:
        if s.scalar(select(SlaCalendar.id).where(SlaCalendar.name == name.strip())):
            raise ValidationError(_("A calendar named {name} exists already").format(
                name=name), field="name")
        calendar_id = write_calendar(s, name, definition)
    return Written(calendar_id, changes_of(s))


# ---------------------------------------------------------------- policy changes


def _with_policy(stored: list[Policy], policy: Policy) -> list[Policy]:
    if policy.id is None:
        return [*stored, policy]
    if not any(p.id == policy.id for p in stored):
        raise NotFound(_("The SLA policy no longer exists"))
    return [policy if p.id == policy.id else p for p in stored]


def preview_policy_change(db: Database, policy: Policy,
                          now: datetime | None = None) -> list[DueMove]:
    """What saving ``policy`` (new when its id is None) would do to the open tickets."""
    with db.read() as s:
        policy = validate_policy(s, policy)
        stored = _load_policies(s)
    policies = _with_policy(stored, policy)
    result = recompute(db, now=now, write=False,
                       rules_factory=lambda s: load_rules(s, policies=policies))
    return list(result.value.moves)


def apply_policy_change(db: Database, policy: Policy, now: datetime | None = None
                        ) -> Written[tuple[Policy, list[DueMove]]]:
    """Save ``policy`` and recompute the open tickets' clocks, in one transaction."""
    now = now or utcnow()
    with db.write() as s:
        if policy.id is not None:
            row = s.get(SlaPolicy, policy.id)
            if row is None or row.deleted_at is not None:
                raise NotFound(_("The SLA policy no longer exists"))
            if policy.row_version is not None and row.row_version != policy.row_version:
                raise ConflictError(_("The policy {name} was changed by someone else").format(
                    name=row.name), record_id=policy.id)
        policy_id = write_policy(s, policy)
        result = recompute_in(s, now)
        saved = next(p for p in _load_policies(s) if p.id == policy_id)
    return Written((saved, list(result.moves)), changes_of(s))


def recompute_open(db: Database, now: datetime | None = None) -> Written[int]:
    """Recompute every open ticket's clocks from its event log; returns the ticket count."""
    result, changes = recompute(db, now=now)
    return Written(result.tickets, changes)


__all__ = [
    "ClockView",
    "DueMove",
    "apply_calendar_change",
    "apply_policy_change",
    "clock_views",
    "create_calendar",
    "explain",
    "preview_calendar_change",
    "preview_policy_change",
    "recompute_open",
]
