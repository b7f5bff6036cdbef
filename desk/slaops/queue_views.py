"""The SLA's part of the queue engine, registered once at start-up (``register_queue_parts``,
called by ``desk.slaops.admin.start_sla``): the remaining-time columns, the filter terms "at
risk" (an open clock past its warning threshold, or past its target) and "breached" (an open
clock past its target), the column "next SLA due in" (the least business time left on any open
clock) and the views *Breaching soon* (at warning, not yet breached) and *SLA breached* that
filter and sort by them in the database. The queue engine does not know the SLA by name.

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

from desk.db.session import Database
from desk.i18n import _
from desk.models.sla import OPEN_CLOCK_SQL, SlaClock
from desk.queues.builtin import register_view, unregister_view
from desk.queues.columns import (
    TICKETS,
    QueryContext,
    QueueColumn,
    register_column,
    shared_alias,
    unregister_column,
)
from desk.queues.spec import Filter, SortSpec, ViewSpec
from desk.queues.terms import FilterTerm, register_term, unregister_term
from desk.slaops.columns import COLUMNS, register_sla_columns, time_left
from desk.slaops.queue_cells import COMPANIONS, register_clock_columns
from desk.timeutil import utcnow

CLOCKS = SlaClock.__table__
NEXT_DUE = "sla_next"
AT_RISK = "sla_at_risk"  # the terms' keys, also in saved views' JSON
BREACHED = "sla_breached"
BREACHING_VIEW = "builtin:breaching"
BREACHED_VIEW = "builtin:breached"


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
AT_RISK_TERM = FilterTerm(AT_RISK, lambda value: at_risk_condition() if value else None)


def _breached_term(value: object) -> ColumnElement[bool] | None:
    """True: only tickets with a breached clock; False: only those without (at warning)."""
    if value is None:
        return None
    breached = breached_condition()
    return breached if value else ~breached


BREACHED_TERM = FilterTerm(BREACHED, _breached_term)


def breaching_soon() -> ViewSpec:
    """At warning and not yet breached, in my groups, soonest first: the tickets that can
    still be saved, not buried under those already breached."""
    return ViewSpec(BREACHING_VIEW, _("Breaching soon"),
                    Filter(open_only=True, my_groups=True,
                           terms=((AT_RISK, True), (BREACHED, False))),
                    SortSpec(NEXT_DUE, False))


def breached() -> ViewSpec:
    """Breached, in my groups, most overdue first."""
    return ViewSpec(BREACHED_VIEW, _("SLA breached"),
                    Filter(open_only=True, my_groups=True,
                           terms=((AT_RISK, True), (BREACHED, True))),
                    SortSpec(NEXT_DUE, False))


def register_queue_parts(db: Database | None = None) -> None:
    """Register the SLA's columns, term and view with the queue engine (idempotent: again
    changes nothing, and kept selects stay). With ``db``, the calendars are loaded first, so
    the first queue query already knows them."""
    register_sla_columns(db)
    register_clock_columns()
    register_column(NEXT_DUE_COLUMN)
    register_term(AT_RISK_TERM)
    register_term(BREACHED_TERM)
    register_view(BREACHING_VIEW, breaching_soon)
    register_view(BREACHED_VIEW, breached)


def unregister_queue_parts() -> None:
    """Take them out again (a test that started the SLA leaves the engine as it found it)."""
    for column in (*COLUMNS, *COMPANIONS, NEXT_DUE_COLUMN):
        unregister_column(column.key)
    unregister_term(AT_RISK)
    unregister_term(BREACHED)
    unregister_view(BREACHING_VIEW)
    unregister_view(BREACHED_VIEW)
