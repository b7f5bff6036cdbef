"""Saved queue views and the indexes that make the built-in queue views fast.

``SavedView`` is a user's own queue view: a name, a place in the sidebar and the filter/sort as
JSON (``desk.queues.spec.ViewSpec.to_json``). It is a synced record (UUIDv7 id, row_version,
timestamps, soft delete) so a technician's views travel with offline sync.

The partial indexes below belong to the ``tickets`` table but are declared here, beside the
queue engine that relies on them: each matches one built-in view's filter and default sort
(``desk.queues.views``) so that view's first page is an index range scan, and each ends with
``id`` because every queue ORDER BY ends with ``id`` (a total order keeps OFFSET paging
stable). Their WHERE clauses are literal SQL that the queue SQL builder reproduces exactly
(``desk.queues.sql``): SQLite uses a partial index only when the query repeats its terms.
"""

from __future__ import annotations

import uuid

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, text
from sqlalchemy.orm import Mapped, mapped_column

from desk.domain.enums import OPEN_STATUSES
from desk.models.base import Base, SyncedMixin
from desk.models.ticket import Ticket

# One fixed spelling (sorted) of "status is open", shared by the indexes and the queries.
OPEN_STATUS_SQL = "status IN ({})".format(", ".join(f"'{s.value}'" for s in
                                                    sorted(OPEN_STATUSES)))
NOT_DELETED_SQL = "deleted_at IS NULL"
OPEN_SQL = f"{OPEN_STATUS_SQL} AND {NOT_DELETED_SQL}"
UNASSIGNED_OPEN_SQL = f"assignee_id IS NULL AND {OPEN_SQL}"
MAJOR_OPEN_SQL = {
    "sqlite": f"major_incident = 1 AND {OPEN_SQL}",
    "postgresql": f"major_incident = true AND {OPEN_SQL}",
}


class SavedView(SyncedMixin, Base):
    """A queue view a user defined with the filter builder."""

    __tablename__ = "saved_views"

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    position: Mapped[int] = mapped_column(Integer, default=0)
    spec: Mapped[object] = mapped_column(JSON)


def _where(sql: str) -> dict[str, object]:
    return {"sqlite_where": text(sql), "postgresql_where": text(sql)}


QUEUE_INDEXES = (
    # My open work: assignee = me, open, sorted by priority then least recently updated.
    Index("ix_tickets_q_assignee_open", Ticket.assignee_id, Ticket.priority, Ticket.updated_at,
          Ticket.id, **_where(OPEN_SQL)),
    # All open in my groups.
    Index("ix_tickets_q_group_open", Ticket.group_id, Ticket.priority, Ticket.updated_at,
          Ticket.id, **_where(OPEN_SQL)),
    # Unassigned in my groups.
    Index("ix_tickets_q_group_unassigned", Ticket.group_id, Ticket.priority, Ticket.updated_at,
          Ticket.id, **_where(UNASSIGNED_OPEN_SQL)),
    # Major incidents.
    # (The leading equality column lets the planner prefer it even without statistics.)
    Index("ix_tickets_q_major_open", Ticket.major_incident, Ticket.priority, Ticket.updated_at,
          Ticket.id,
          sqlite_where=text(MAJOR_OPEN_SQL["sqlite"]),
          postgresql_where=text(MAJOR_OPEN_SQL["postgresql"])),
    # All tickets and Recently updated (newest first), and any view sorted by "updated".
    Index("ix_tickets_q_updated", Ticket.updated_at, Ticket.id, **_where(NOT_DELETED_SQL)),
    # Breaching soon: open tickets of my groups whose earliest open SLA clock warns by now.
    # Only tickets with an open clock: the other group views (no condition on the warning)
    # cannot use it, so their planner keeps the sorted indexes above.
    Index("ix_tickets_q_group_sla_warning", Ticket.group_id, Ticket.sla_warning_at,
          **_where(f"sla_warning_at IS NOT NULL AND {OPEN_SQL}")),
    # Sorting any view by "created" and created-date ranges of saved views.
    Index("ix_tickets_q_created", Ticket.created_at, Ticket.id, **_where(NOT_DELETED_SQL)),
)
