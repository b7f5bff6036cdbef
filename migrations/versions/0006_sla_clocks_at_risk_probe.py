"""open SLA clocks by ticket and warning time

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22

The *Breaching soon* view keeps the open tickets of the agent's groups that have an open SLA
clock past its warning time: for each such ticket one probe "an open clock of this ticket
with ``warning_at <= now``". With ``(ticket_id, warning_at)`` over the open clocks that probe
is answered from the index alone; through the primary key it read every clock row of the
ticket (SQLite, 1,000,000 tickets: the view's first page 80 ms before, 47 ms after, on a slow
machine). Partial, like the other clock indexes: stopped clocks never need it.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OPEN = "state IN ('paused', 'running')"


def upgrade() -> None:
    with op.batch_alter_table("sla_clocks", schema=None) as batch_op:
        batch_op.create_index("ix_sla_clocks_open_ticket_id_warning_at",
                              ["ticket_id", "warning_at"], unique=False,
                              sqlite_where=sa.text(_OPEN), postgresql_where=sa.text(_OPEN))


def downgrade() -> None:
    with op.batch_alter_table("sla_clocks", schema=None) as batch_op:
        batch_op.drop_index("ix_sla_clocks_open_ticket_id_warning_at")
