"""queue indexes and full-text search

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21

- ``saved_views``: a user's own queue views (filter and sort as JSON).
- Partial, composite indexes on ``tickets`` matching each built-in queue view (declared in
  ``desk/models/views.py``; the WHERE texts here are copies and must stay identical).
- Full-text search (design in ``desk/queues/fulltext.py``):
  SQLite: an FTS5 table ``ticket_fts`` (trigram tokenizer) keyed by ``tickets.rowid`` with
  columns title, description, worklog, kept current by triggers on ``tickets`` and
  ``worklog_entries``. PostgreSQL: GIN indexes over ``to_tsvector('simple', …)`` of the
  ticket text and of each worklog body, plus ``pg_trgm`` GIN indexes when the extension can be
  created (substring and Chinese search then use an index too).

A later migration that rebuilds ``tickets`` or ``worklog_entries`` in SQLite batch mode drops
their triggers with the old table: it must recreate them (the DDL is below).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.exc import DBAPIError

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OPEN = ("status IN ('assess', 'authorize', 'implement', 'in_progress', 'known_error', 'new', "
         "'pending_change', 'pending_customer', 'pending_vendor', 'review', 'scheduled')")
_NOT_DELETED = "deleted_at IS NULL"
_OPEN_SQL = f"{_OPEN} AND {_NOT_DELETED}"
_UNASSIGNED_SQL = f"assignee_id IS NULL AND {_OPEN_SQL}"

_SQLITE_FTS = [
    "CREATE VIRTUAL TABLE ticket_fts USING fts5(title, description, worklog, "
    "tokenize = 'trigram')",
    """INSERT INTO ticket_fts(rowid, title, description, worklog)
       SELECT t.rowid, t.title, t.description, coalesce(w.body, '')
       FROM tickets t LEFT JOIN (
           SELECT ticket_id, group_concat(body, char(10)) AS body
           FROM (SELECT ticket_id, body FROM worklog_entries ORDER BY ticket_id, created_at)
           GROUP BY ticket_id) w ON w.ticket_id = t.id""",
    """CREATE TRIGGER ticket_fts_ai AFTER INSERT ON tickets BEGIN
         INSERT INTO ticket_fts(rowid, title, description, worklog)
         VALUES (new.rowid, new.title, new.description, '');
       END""",
    """CREATE TRIGGER ticket_fts_au AFTER UPDATE OF title, description ON tickets BEGIN
         UPDATE ticket_fts SET title = new.title, description = new.description
         WHERE rowid = new.rowid;
       END""",
    """CREATE TRIGGER ticket_fts_ad AFTER DELETE ON tickets BEGIN
         DELETE FROM ticket_fts WHERE rowid = old.rowid;
       END""",
    """CREATE TRIGGER ticket_fts_wi AFTER INSERT ON worklog_entries BEGIN
         UPDATE ticket_fts SET worklog = worklog || char(10) || new.body
         WHERE rowid = (SELECT rowid FROM tickets WHERE id = new.ticket_id);
       END""",
]

_PG_FTS = [
    "CREATE INDEX IF NOT EXISTS ix_fts_tickets_doc ON tickets USING gin "
    "(to_tsvector('simple'::regconfig, title || ' ' || description))",
    "CREATE INDEX IF NOT EXISTS ix_fts_worklog_body ON worklog_entries USING gin "
    "(to_tsvector('simple'::regconfig, body))",
]
_PG_TRGM = [
    "CREATE INDEX IF NOT EXISTS ix_fts_tickets_trgm ON tickets USING gin "
    "((title || ' ' || description) gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS ix_fts_worklog_trgm ON worklog_entries USING gin "
    "(body gin_trgm_ops)",
]


def _where(sql: str) -> dict[str, object]:
    return {"sqlite_where": sa.text(sql), "postgresql_where": sa.text(sql)}


def upgrade() -> None:
    op.create_table(
        "saved_views",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("spec", sa.JSON(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_saved_views_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saved_views")),
    )
    with op.batch_alter_table("saved_views", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_saved_views_user_id"), ["user_id"], unique=False)

    dialect = op.get_bind().dialect.name
    major = ("major_incident = 1" if dialect == "sqlite" else "major_incident = true")
    # Plain op.create_index (no batch): adding an index never needs a table rebuild, and a
    # rebuild would drop the full-text triggers.
    op.create_index("ix_tickets_q_assignee_open", "tickets",
                    ["assignee_id", "priority", "updated_at", "id"], **_where(_OPEN_SQL))
    op.create_index("ix_tickets_q_group_open", "tickets",
                    ["group_id", "priority", "updated_at", "id"], **_where(_OPEN_SQL))
    op.create_index("ix_tickets_q_group_unassigned", "tickets",
                    ["group_id", "priority", "updated_at", "id"], **_where(_UNASSIGNED_SQL))
    op.create_index("ix_tickets_q_major_open", "tickets",
                    ["major_incident", "priority", "updated_at", "id"],
                    **_where(f"{major} AND {_OPEN_SQL}"))
    op.create_index("ix_tickets_q_updated", "tickets", ["updated_at", "id"],
                    **_where(_NOT_DELETED))
    op.create_index("ix_tickets_q_created", "tickets", ["created_at", "id"],
                    **_where(_NOT_DELETED))

    if dialect == "sqlite":
        for sql in _SQLITE_FTS:
            op.execute(sql)
    elif dialect == "postgresql":
        for sql in _PG_FTS:
            op.execute(sql)
        bind = op.get_bind()
        try:
            # Needs the right to create extensions; without it search still works (ILIKE
            # without an index for Chinese and punctuation), only slower.
            with bind.begin_nested():
                bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except DBAPIError:
            return
        for sql in _PG_TRGM:
            op.execute(sql)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for trigger in ("ticket_fts_ai", "ticket_fts_au", "ticket_fts_ad", "ticket_fts_wi"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS ticket_fts")
    elif dialect == "postgresql":
        for name in ("ix_fts_tickets_doc", "ix_fts_worklog_body", "ix_fts_tickets_trgm",
                     "ix_fts_worklog_trgm"):
            op.execute(f"DROP INDEX IF EXISTS {name}")
    for name in ("ix_tickets_q_created", "ix_tickets_q_updated", "ix_tickets_q_major_open",
                 "ix_tickets_q_group_unassigned", "ix_tickets_q_group_open",
                 "ix_tickets_q_assignee_open"):
        op.drop_index(name, table_name="tickets")
    with op.batch_alter_table("saved_views", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_saved_views_user_id"))
    op.drop_table("saved_views")
