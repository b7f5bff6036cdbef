"""The demo's bulk clock computation agrees with the per-ticket path on realistic histories."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import delete, func, select

from desk.demo.generate import generate_demo
from desk.models.sla import SlaClock
from desk.models.ticket import Ticket
from desk.sla.demo import add_demo_sla
from desk.sla.engine import refresh_ticket

NOW = datetime(2026, 3, 20, 12, tzinfo=UTC)
COMPARED = ("state", "target_seconds", "started_at", "stopped_at", "elapsed_seconds",
            "remaining_seconds", "due_at", "due_position", "warning_at", "breach_at",
            "paused_reason", "policy_id", "calendar_id")


def snapshot(db, ticket_ids):
    with db.read() as s:
        rows = s.scalars(select(SlaClock).where(SlaClock.ticket_id.in_(ticket_ids)))
        return {(r.ticket_id, r.target): tuple(getattr(r, c) for c in COMPARED) for r in rows}


def test_demo_clocks_match_the_per_ticket_engine(db) -> None:
    generate_demo(db, tickets=400, seed=7, now=NOW, workers=0, extras=False)
    result = add_demo_sla(db, seed=7, now=NOW).value
    with db.read() as s:
        total = s.scalar(select(func.count()).select_from(Ticket))
        states = dict(s.execute(select(SlaClock.state, func.count()).group_by(SlaClock.state))
                      .all())
        ids = list(s.scalars(select(Ticket.id).order_by(Ticket.id)))
    assert result.tickets == total == 400
    assert result.clocks == 800  # every priority has a default policy with two targets
    assert states.get("met") and states.get("breached") and states.get("running")
    bulk = snapshot(db, ids)

    with db.write() as s:
        s.execute(delete(SlaClock))
        for ticket in s.scalars(select(Ticket)):
            refresh_ticket(s, ticket, NOW)
    one_by_one = snapshot(db, ids)
    assert one_by_one.keys() == bulk.keys()
    differing = [k for k in bulk if bulk[k] != one_by_one[k]]
    assert differing == []
