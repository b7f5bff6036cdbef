"""Fast test data for queue tests: thousands of tickets in one executemany.

The ticket services create one ticket per transaction (with events and audit); paging tests
need a few thousand rows, so these go straight into ``tickets`` — the full-text triggers fire
for them exactly as for service writes.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from sqlalchemy import insert, update

from desk.db.session import Database
from desk.domain.enums import Channel, Kind, Status, format_number
from desk.domain.priority import PriorityMatrix
from desk.ids import uuid7
from desk.models import Ticket, TicketCounter

STATUSES = (Status.NEW, Status.IN_PROGRESS, Status.PENDING_CUSTOMER, Status.RESOLVED,
            Status.CLOSED)
WORDS = ("printer", "network", "password", "laptop", "vpn", "email", "monitor", "badge")
BASE = datetime(2025, 1, 1, tzinfo=UTC)


def bulk_tickets(db: Database, n: int, *, group_ids: Sequence[uuid.UUID | None] = (None,),
                 assignee_ids: Sequence[uuid.UUID | None] = (None,),
                 start: int = 1) -> list[uuid.UUID]:
    """``n`` incidents numbered from ``start`` with varied status, priority, group, assignee
    and distinct timestamps (updated_at repeats every 7 rows, to exercise tiebreaks)."""
    matrix = PriorityMatrix()
    rows = []
    for i in range(start, start + n):
        impact, urgency = 1 + i % 3, 1 + (i // 3) % 3
        at = BASE + timedelta(minutes=i)
        rows.append(dict(
            id=uuid7(), row_version=1, kind=Kind.INCIDENT.value,
            number=format_number(Kind.INCIDENT, i),
            title=f"{WORDS[i % len(WORDS)]} issue {i}", description=f"ticket body {i}",
            status=STATUSES[i % len(STATUSES)].value, impact=impact, urgency=urgency,
            priority=matrix.priority(impact, urgency), channel=Channel.EMAIL.value,
            group_id=group_ids[i % len(group_ids)],
            assignee_id=assignee_ids[i % len(assignee_ids)],
            major_incident=i % 97 == 0, opened_at=at, created_at=at,
            updated_at=BASE + timedelta(hours=(i // 7)),
        ))
    with db.write() as s:
        s.execute(insert(Ticket), rows)
        s.execute(update(TicketCounter).where(TicketCounter.kind == Kind.INCIDENT.value)
                  .values(next_number=start + n))
    return [r["id"] for r in rows]
