"""SLA data for ``desk demo``: the default calendars and policies, and the tickets' clocks.

Nothing here is random — clocks are derived from the demo tickets' event logs exactly as for
real tickets — so ``seed`` only exists to match the other demo modules' signature. The
clocks are computed by the bulk path of the engine (events read in ticket order, computed in
Python, written with executemany/COPY), in one transaction.

Every ticket's clocks cost about 35-70 µs on these machines (reading the events is half of
it), too much for the demo's two-minute budget at a million tickets. So past
``ALL_TICKETS_UP_TO`` tickets only the open tickets get clocks (the queues need those); the
rest can be filled in later with ``desk sla recompute --all`` (the attainment report counts
only tickets with clocks).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select, text

from desk.db.changes import Written
from desk.db.session import Database
from desk.models.ticket import Ticket
from desk.sla.engine import RecomputeResult, recompute
from desk.sla.policy import ensure_default_sla

ALL_TICKETS_UP_TO = 200_000


def add_demo_sla(db: Database, seed: int = 1, now: datetime | None = None,
                 all_tickets: bool | None = None) -> Written[RecomputeResult]:
    """Make sure the default SLA exists and compute the demo tickets' clocks (all of them, or
    with ``all_tickets=None`` only the open ones past ``ALL_TICKETS_UP_TO`` tickets)."""
    changes = ensure_default_sla(db).changes
    if all_tickets is None:
        with db.read() as s:
            total = s.scalar(select(func.count()).select_from(Ticket)) or 0
        all_tickets = total <= ALL_TICKETS_UP_TO
    result, recomputed = recompute(db, now=now, scope="all" if all_tickets else "open")
    # Planner statistics for the clocks just written: without them PostgreSQL picks a bitmap
    # scan over every open clock for each queue row's SLA cell (83 ms instead of 3.5 ms for
    # a page of "All tickets" on a million tickets) until autovacuum comes round.
    with db.write() as s:
        s.execute(text("ANALYZE sla_clocks"))
    return Written(result, changes | recomputed)
