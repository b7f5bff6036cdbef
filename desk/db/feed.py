"""The change feed of a shared PostgreSQL database: what other consoles committed.

Triggers (migration 0008) record every committed change to a Desk table in
``desk_private.changes`` with the writing transaction's id, and ``NOTIFY desk_changes`` (the
payload is the table) after commit. A notification is only a hint to read now: the feed is
the record, read with ``read_after``.

A position is a PostgreSQL snapshot (``xmin:xmax:in-progress ids``, leaving out transactions
of the cluster's other databases: ``desk_private.feed_snapshot``), not a sequence number or a
time: a change belongs after a position exactly when its transaction had not committed in that
snapshot. So a transaction that started before a read and commits after it is returned by the
next read (a bare ``id > last`` would skip it: its ids were drawn before the read), and nothing
is returned twice.

Retention is bounded (``prune``, ``desk db prune``). A reader whose position is older than what
was pruned gets ``PositionPruned`` and must reload everything it shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import Connection, Row, TextClause, text

from desk.db.session import Database
from desk.errors import DeskError
from desk.i18n import _

CHANNEL = "desk_changes"


@dataclass(frozen=True)
class Change:
    table: str
    row_id: str  # the row's id (or key columns joined by "/")
    op: str  # I(nsert) | U(pdate) | D(elete)


class PositionPruned(Exception):
    """Changes after this position were pruned: reload, then read on from ``position``."""

    def __init__(self, position: str) -> None:
        super().__init__("the change feed no longer reaches back to this position")
        self.position = position


# One statement, so the rows and the returned snapshot are the same snapshot in any
# isolation level.
_READ = text("""
    SELECT desk_private.feed_snapshot()::text AS now,
           pg_snapshot_xmin(CAST(:after AS pg_snapshot))
               < (SELECT pruned_below FROM desk_private.feed_state) AS pruned,
           c.table_name, c.row_id, c.op
    FROM (SELECT 1) AS one
    LEFT JOIN LATERAL (
        SELECT table_name, row_id, op::text AS op, id FROM desk_private.changes
        WHERE xid >= pg_snapshot_xmin(CAST(:after AS pg_snapshot))
          AND NOT pg_visible_in_snapshot(xid, CAST(:after AS pg_snapshot))
          AND pg_visible_in_snapshot(xid, desk_private.feed_snapshot())
    ) AS c ON true
    ORDER BY c.id""")


def _run(source: Database | Connection, statement: TextClause, params: dict[str, object]
         ) -> list[Row[Any]]:
    if isinstance(source, Connection):
        return list(source.execute(statement, params))
    if source.dialect != "postgresql":
        raise ValueError("the change feed exists on PostgreSQL databases only")
    with source.engine.begin() as conn:
        return list(conn.execute(statement, params))


def current_position(source: Database | Connection) -> str:
    """Where a reader that has just loaded everything starts."""
    return str(_run(source, text("SELECT desk_private.feed_snapshot()::text"), {})[0][0])


def read_after(source: Database | Connection, position: str
               ) -> tuple[list[Change], str]:
    """The changes committed after ``position``, oldest first, and the position after them.

    Raises ``PositionPruned`` when some of those changes were pruned already.
    """
    rows = _run(source, _READ, {"after": position})
    now = rows[0].now
    if rows[0].pruned:
        raise PositionPruned(now)
    return [Change(r.table_name, r.row_id, r.op) for r in rows if r.table_name is not None], now


def prune(db: Database, keep: timedelta) -> int:
    """Drop entries older than ``keep``; administrators (and the owner) only. Returns how many."""
    if db.dialect != "postgresql":
        raise DeskError(_("Only a PostgreSQL database keeps a change feed"))
    with db.engine.begin() as conn:
        if conn.execute(text("SELECT desk_private.my_kind()")).scalar() not in ("owner",
                                                                                  "admin"):
            raise DeskError(_("Only an administrator can prune the change feed"))
        return int(conn.execute(text("SELECT desk_private.prune_changes(:keep)"),
                                {"keep": keep}).scalar_one())
