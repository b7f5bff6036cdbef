"""SLA terms for queue views, in SQL: "at risk" (an open clock past its warning threshold,
or past its target), "breached" (an open clock past its target) and "next SLA due in" (the
least business time left on any open clock), so the built-in *Breaching soon* and *Breached*
views filter and sort in the database.

An open clock is at risk iff ``warning_at <= now``: a running clock's ``warning_at`` is when
it passes (or will pass) its threshold, a paused one has it only once it passed, and a target
is never reached before its warning. So a ticket is at risk iff the earliest ``warning_at``
of its open clocks has passed; the SLA engine keeps that time on the ticket
(``tickets.sla_warning_at``) whenever it writes clocks.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, bindparam, case, func, select, text

from desk.i18n import _
from desk.models.sla import OPEN_CLOCK_SQL, SlaClock
from desk.queues.columns import (
    TICKETS,
    QueryContext,
    QueueColumn,
    all_columns,
    register_column,
    shared_alias,
)
from desk.sla.columns import time_left
from desk.timeutil import utcnow

CLOCKS = SlaClock.__table__
NEXT_DUE = "sla_next"


def at_risk_condition(now: datetime | None = None) -> ColumnElement[bool]:
    """Tickets with an open SLA clock at warning or breached as of ``now``: the ticket's
    earliest open-clock warning time (``tickets.sla_warning_at``, kept by the SLA engine) is
    not after ``now`` — with ``ix_tickets_q_group_sla_warning`` a range of one index per group
    instead of a probe of every open ticket's clocks. Without ``now``: as of each execution
    (a kept select stays current)."""
    if now is not None:
        return TICKETS.c.sla_warning_at <= now
    # Named: SQLAlchemy's compiled cache must not take it for a plain bound value.
    return TICKETS.c.sla_warning_at <= bindparam(
        "sla_at_risk_now", callable_=lambda: utcnow(),  # (looked up when called)
        type_=TICKETS.c.sla_warning_at.type)


def breached_condition(now: datetime | None = None) -> ColumnElement[bool]:
    """Tickets with an open SLA clock past its target as of ``now`` (default: as of each
    execution, as ``at_risk_condition``). A breached clock is also at risk, so a view
    combines this with ``at_risk_condition``: the at-risk index narrows the tickets, and
    only those are probed for a breached clock."""
    c = shared_alias(CLOCKS, "sla_breached")
    at: Any = now if now is not None else bindparam(
        "sla_breached_now", callable_=lambda: utcnow(),  # (looked up when called)
        type_=CLOCKS.c.breach_at.type)
    return (select(c.c.ticket_id)
            .where(c.c.ticket_id == TICKETS.c.id, text(f"sla_breached.{OPEN_CLOCK_SQL}"),
                   c.c.breach_at <= at)
            .exists())


def next_due_seconds(now: Any = None) -> ColumnElement[Any]:
    """Business seconds left on the ticket's most urgent open clock (NULL: none open), as of
    ``now`` or, by default, of each execution (as ``remaining_seconds_column``)."""
    c = shared_alias(CLOCKS, "sla_next")
    return (select(func.min(time_left(c, now)))
            .where(and_(c.c.ticket_id == TICKETS.c.id, text(f"sla_next.{OPEN_CLOCK_SQL}")))
            .scalar_subquery())


def _next_due_column() -> QueueColumn:
    def value(ctx: QueryContext) -> ColumnElement[Any]:
        return next_due_seconds()

    def sort(ctx: QueryContext) -> list[ColumnElement[Any]]:
        expr = next_due_seconds()
        return [case((expr.is_(None), 1), else_=0), expr]  # NULLs last on both databases

    return QueueColumn(key=NEXT_DUE, label=lambda: _("Next SLA due in"), kind="duration",
                       select=value, sort=sort, attr=None, width=120, visible=False)


NEXT_DUE_COLUMN = _next_due_column()


def register_next_due_column() -> None:
    """Idempotent without touching the registry again (its version keys cached selects)."""
    if any(c is NEXT_DUE_COLUMN for c in all_columns()):
        return
    register_column(NEXT_DUE_COLUMN)
