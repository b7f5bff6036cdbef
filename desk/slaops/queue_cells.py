"""What a queue's SLA cell needs beyond the remaining seconds, and the cell at any instant.

``desk.slaops.columns`` gives the remaining business seconds, sortable in SQL — a number as of
the query. A cell also has to say *paused — pending customer*, turn amber at the warning
threshold and keep counting down between queries without asking the database again. So
each target gets a companion column (hidden, never shown as a column of its own) holding the
clock's facts as one JSON array: state, pausing status, calendar, due position, warning and
breach instants. ``ClockFacts.at(now)`` turns them into the cell as of ``now`` with the
calendars this process has loaded: a running clock's remaining time is
``due_position - calendar.position(now)``, the same subtraction the SQL column does.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, ColumnElement, and_, func, select

from desk.models.sla import SlaClock
from desk.queues.columns import (
    TICKETS,
    QueryContext,
    QueueColumn,
    register_column,
    shared_alias,
)
from desk.sla.clocks import PAUSED, RUNNING
from desk.sla.policy import Target, known_calendars
from desk.slaops.columns import remaining_seconds_column
from desk.timeutil import utcnow

CLOCKS = SlaClock.__table__
FACTS_KIND = "sla_facts"  # the companion columns' kind: data for cells, not a column to show
FACTS_SUFFIX = "_facts"

# Cell levels, in the order of urgency.
OK = "ok"
WARNING = "warning"
BREACHED = "breached"


def facts_key(column_key: str) -> str:
    """The companion of the remaining-time column ``column_key`` (e.g. ``sla_resolution``)."""
    return column_key + FACTS_SUFFIX


@dataclass(frozen=True)
class Cell:
    """An SLA cell as of one instant."""

    remaining: float  # business seconds; negative once breached
    paused: bool
    paused_reason: str | None
    level: str  # OK | WARNING | BREACHED


@dataclass(frozen=True)
class ClockFacts:
    state: str
    paused_reason: str | None
    calendar_id: uuid.UUID | None
    due_position: float | None
    warning_at: datetime | None
    breach_at: datetime | None

    @classmethod
    def from_raw(cls, raw: Any) -> ClockFacts | None:
        """The companion column's value as the driver returns it (a list, or JSON text)."""
        if raw is None:
            return None
        if isinstance(raw, str):
            raw = json.loads(raw)
        state, reason, calendar, due, warning, breach = (list(raw) + [None] * 6)[:6]
        return cls(str(state), reason or None, _uuid(calendar),
                   float(due) if due is not None else None, _instant(warning), _instant(breach))

    def at(self, remaining_then: float | None, now: datetime | None = None) -> Cell | None:
        """The cell as of ``now``; ``remaining_then`` is the SQL column's value (used for a
        paused clock, and for a running one whose calendar this process does not know)."""
        now = now or utcnow()
        if self.state == PAUSED:
            if remaining_then is None:
                return None
            remaining = float(remaining_then)
            warned = self.warning_at is not None
            return Cell(remaining, True, self.paused_reason, _level(remaining, warned))
        if self.state != RUNNING:
            return None
        calendar = known_calendars().get(self.calendar_id) if self.calendar_id else None
        if calendar is not None and self.due_position is not None:
            remaining = self.due_position - calendar.position(now)
        elif remaining_then is not None:
            remaining = float(remaining_then)
        else:
            return None
        warned = self.warning_at is not None and self.warning_at <= now
        return Cell(remaining, False, None, _level(remaining, warned))


def _level(remaining: float, warned: bool) -> str:
    if remaining < 0:
        return BREACHED
    return WARNING if warned else OK


def _uuid(value: Any) -> uuid.UUID | None:
    if value is None:
        return None
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def _instant(value: Any) -> datetime | None:
    """A timestamp from JSON: PostgreSQL writes ISO with an offset, SQLite its stored
    text (UTC, without one)."""
    if value is None:
        return None
    parsed = datetime.fromisoformat(str(value))
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def facts_column(target: str, dialect: str) -> ColumnElement[Any]:
    c = shared_alias(CLOCKS, f"slaf_{target}")
    array = func.json_build_array if dialect == "postgresql" else func.json_array
    value = array(c.c.state, c.c.paused_reason, c.c.calendar_id, c.c.due_position,
                  c.c.warning_at, c.c.breach_at, type_=JSON)
    return (select(value).where(and_(c.c.ticket_id == TICKETS.c.id, c.c.target == target))
            .scalar_subquery())


def _companion(target: Target) -> QueueColumn:
    key = facts_key(f"sla_{target.value}")

    def value(ctx: QueryContext) -> ColumnElement[Any]:
        return facts_column(target.value, ctx.dialect)

    def sort(ctx: QueryContext) -> list[ColumnElement[Any]]:
        return [remaining_seconds_column(target.value)]  # JSON has no order

    return QueueColumn(key=key, label=lambda: key, kind=FACTS_KIND, select=value, sort=sort,
                       attr=None, width=0, visible=False)


COMPANIONS = tuple(_companion(t) for t in Target)


def register_clock_columns() -> None:
    """Add the companion columns (idempotent); ``register_sla_columns`` adds the shown ones."""
    for column in COMPANIONS:
        register_column(column)
