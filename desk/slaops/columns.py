"""Queue columns of remaining business time per SLA target, sortable in SQL.

The value is the signed business seconds left (negative once breached; NULL for tickets
whose clock has stopped or that no policy covers):

- a paused clock: ``remaining_seconds``, frozen while paused;
- a running clock: ``due_position - position(now)`` on the clock's calendar, where
  ``position(now)`` is computed here for each calendar and inlined as a CASE — one
  subtraction per row, no calendar logic in SQL.

The positions of "now" come from the calendars this process has loaded
(``desk.sla.policy.known_calendars``): ``register_sla_columns(db)`` loads them, and every
SLA read or write refreshes them. A calendar created in another console after that shows
NULL here until this process next reads the SLA configuration.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Float, and_, bindparam, case, literal, select

from desk.db.session import Database
from desk.i18n import _
from desk.models.sla import SlaClock
from desk.queues import registry
from desk.queues.columns import (
    TICKETS,
    QueryContext,
    QueueColumn,
    register_column,
    shared_alias,
)
from desk.sla.clocks import PAUSED, RUNNING
from desk.sla.policy import Target, calendar_generation, known_calendars, load_rules
from desk.timeutil import utcnow

CLOCKS = SlaClock.__table__


def remaining_seconds_column(target: str, now: Any = None) -> ColumnElement[Any]:
    """A correlated scalar subquery: business seconds left on ``target`` of each ticket row
    of ``tickets`` as of ``now`` — by default the time each execution runs, so a cached
    query (the queue model keeps its selects) never shows a stale countdown."""
    c = shared_alias(CLOCKS, f"sla_{target}")
    return (select(time_left(c, now))
            .where(and_(c.c.ticket_id == TICKETS.c.id, c.c.target == target))
            .scalar_subquery())


def time_left(c: Any, now: Any = None) -> ColumnElement[Any]:
    """Business seconds left on clock row ``c`` (an alias of ``sla_clocks``) as of ``now``,
    by default as of each execution: a paused clock's frozen ``remaining_seconds``, a
    running one's ``due_position`` less its calendar's position of now; NULL when stopped."""
    calendars = known_calendars()
    if calendars:
        def position(cal: Any) -> ColumnElement[Any]:
            if now is not None:
                return literal(cal.position(now))
            return bindparam(None, callable_=lambda: cal.position(utcnow()), type_=Float)

        now_position = case(*((c.c.calendar_id == cal_id, position(cal))
                              for cal_id, cal in calendars.items()), else_=None)
        running = c.c.due_position - now_position
    else:
        running = literal(None)
    return case((c.c.state == RUNNING, running), (c.c.state == PAUSED, c.c.remaining_seconds),
                else_=None)


def _column(target: Target, visible: bool) -> QueueColumn:
    def value(ctx: QueryContext) -> ColumnElement[Any]:
        return remaining_seconds_column(target)

    def sort(ctx: QueryContext) -> list[ColumnElement[Any]]:
        expr = remaining_seconds_column(target)
        # NULLs (no running clock) last on both databases when ascending.
        return [case((expr.is_(None), 1), else_=0), expr]

    label = {Target.FIRST_RESPONSE: lambda: _("Response due in"),
             Target.RESOLUTION: lambda: _("Resolution due in"),
             Target.NEXT_UPDATE: lambda: _("Next update due in")}[target]
    return QueueColumn(key=f"sla_{target.value}", label=label, kind="duration", select=value,
                       sort=sort, attr=None, width=120, visible=visible)


COLUMNS = (
    _column(Target.RESOLUTION, True),
    _column(Target.FIRST_RESPONSE, False),
    _column(Target.NEXT_UPDATE, False),
)


def register_sla_columns(db: Database | None = None) -> None:
    """Add the SLA columns to the queue registry (idempotent); with ``db``, load the
    calendars so the first queue query already knows them. The columns' SQL names the
    calendars' positions, so kept queue selects are built again when they change."""
    if db is not None:
        with db.read() as s:
            load_rules(s)
    registry.add_version_source(calendar_generation)
    for column in COLUMNS:
        register_column(column)
