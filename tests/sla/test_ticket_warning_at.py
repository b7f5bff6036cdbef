"""``tickets.sla_warning_at``: the earliest warning time of the ticket's open SLA clocks, which
"Breaching soon" filters on. It follows the clocks through ticket changes and recomputes,
without moving the ticket's ``updated_at`` or ``row_version``."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select, update

from desk.db.session import Database
from desk.models import Ticket
from desk.models.sla import SlaClock
from desk.sla.clocks import OPEN_STATES
from desk.sla.engine import recompute

from .conftest import MON, Desk, H, M


def on_ticket(db: Database, ticket_id: uuid.UUID) -> datetime | None:
    with db.read() as s:
        return s.scalar(select(Ticket.sla_warning_at).where(Ticket.id == ticket_id))


def from_clocks(db: Database, ticket_id: uuid.UUID) -> datetime | None:
    with db.read() as s:
        warnings = s.scalars(select(SlaClock.warning_at).where(
            SlaClock.ticket_id == ticket_id, SlaClock.state.in_(OPEN_STATES))).all()
    return min((w for w in warnings if w is not None), default=None)


def test_it_follows_the_clocks_through_ticket_changes(desk: Desk) -> None:
    t = desk.create(MON, impact=1, urgency=1)
    first = on_ticket(desk.db, t.id)
    assert first is not None and first == from_clocks(desk.db, t.id)
    desk.reply(t.id, MON + 5 * M)  # the first response stops its clock: a later warning
    second = on_ticket(desk.db, t.id)
    assert second == from_clocks(desk.db, t.id) and second is not None and second > first
    desk.move(t.id, MON + 10 * M, status="in_progress")
    desk.move(t.id, MON + H, status="resolved", resolution_code="fixed",
              resolution_notes="Restarted the mail service")
    assert from_clocks(desk.db, t.id) is None
    assert on_ticket(desk.db, t.id) is None


def test_recompute_restores_it_and_leaves_updated_at_and_row_version(desk: Desk) -> None:
    tickets = [desk.create(MON + i * M, impact=1 + i % 3, urgency=1) for i in range(4)]
    with desk.db.write() as s:  # lost (e.g. written by an older Desk)
        s.execute(update(Ticket.__table__).values(sla_warning_at=None,
                                                  updated_at=Ticket.__table__.c.updated_at))
    with desk.db.read() as s:
        before = {r.id: (r.updated_at, r.row_version) for r in s.execute(
            select(Ticket.id, Ticket.updated_at, Ticket.row_version))}
    recompute(desk.db, now=MON + 2 * H)
    for t in tickets:
        assert on_ticket(desk.db, t.id) == from_clocks(desk.db, t.id) is not None
    with desk.db.read() as s:
        after = {r.id: (r.updated_at, r.row_version) for r in s.execute(
            select(Ticket.id, Ticket.updated_at, Ticket.row_version))}
    assert after == before
