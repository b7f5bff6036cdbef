"""tickets know their earliest open SLA warning

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22

The *Breaching soon* view keeps the open tickets of the agent's groups that have an open SLA
clock past its warning time. Asked of the clocks, that is one probe per open ticket of the
groups (15,000 at 1,000,000 tickets). ``tickets.sla_warning_at`` holds the earliest
``warning_at`` of the ticket's open clocks (NULL when none is open); the SLA engine keeps it
whenever it writes clocks, without moving ``updated_at`` or ``row_version``. With the index
``(group_id, sla_warning_at)`` over open tickets, "at risk as of now" is a range of that index
per group: only the tickets at risk are read.

Upgrade: the column, the index, and the value from the clocks that exist.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OPEN_SQL = ("status IN ('assess', 'authorize', 'implement', 'in_progress', 'known_error', "
             "'new', 'pending_change', 'pending_customer', 'pending_vendor', 'review', "
             "'scheduled') AND deleted_at IS NULL")
_OPEN_CLOCK = "state IN ('paused', 'running')"


def upgrade() -> None:
    # Plain operations, no batch: adding a column or an index never needs a table rebuild
    # on SQLite, and a rebuild would drop the full-text triggers.
    op.add_column("tickets", sa.Column("sla_warning_at", sa.DateTime(timezone=True),
                                       nullable=True))
    op.execute(
        "UPDATE tickets SET sla_warning_at = (SELECT min(c.warning_at) FROM sla_clocks c "
        f"WHERE c.ticket_id = tickets.id AND c.{_OPEN_CLOCK}) "
        f"WHERE id IN (SELECT ticket_id FROM sla_clocks WHERE {_OPEN_CLOCK})")
    # Only tickets with an open clock: views without a condition on the warning time cannot
    # use it (their planner keeps the sorted queue indexes).
    where = f"sla_warning_at IS NOT NULL AND {_OPEN_SQL}"
    op.create_index("ix_tickets_q_group_sla_warning", "tickets",
                    ["group_id", "sla_warning_at"], unique=False,
                    sqlite_where=sa.text(where), postgresql_where=sa.text(where))
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ANALYZE tickets")  # the new column's statistics, for the planner


def downgrade() -> None:
    op.drop_index("ix_tickets_q_group_sla_warning", table_name="tickets")
    # (SQLite 3.35+ drops a column in place: no rebuild that would lose the triggers.)
    op.drop_column("tickets", "sla_warning_at")
