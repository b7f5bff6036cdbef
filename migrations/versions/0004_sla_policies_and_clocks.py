"""sla policies and clocks

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-21

Business calendars, SLA policies with their targets, the derived clock of every ticket and
target, and the once-only escalation records. The default calendars and policies are seeded
by ``desk.sla.policy.ensure_default_sla`` (idempotent), not here: their ids are generated and
the seed needs the calendar code to validate what it stores.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _synced() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "sla_calendars",
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("definition", sa.JSON(), nullable=False),
        *_synced(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sla_calendars")),
        sa.UniqueConstraint("name", name=op.f("uq_sla_calendars_name")),
    )
    op.create_table(
        "sla_policies",
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("kinds", sa.JSON(), nullable=False),
        sa.Column("priorities", sa.JSON(), nullable=False),
        sa.Column("category_ids", sa.JSON(), nullable=False),
        sa.Column("organization_ids", sa.JSON(), nullable=False),
        *_synced(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sla_policies")),
        sa.UniqueConstraint("name", name=op.f("uq_sla_policies_name")),
    )
    op.create_table(
        "sla_targets",
        sa.Column("policy_id", sa.Uuid(), nullable=False),
        sa.Column("target", sa.String(length=20), nullable=False),
        sa.Column("seconds", sa.Integer(), nullable=False),
        sa.Column("calendar_id", sa.Uuid(), nullable=False),
        sa.Column("pause_statuses", sa.JSON(), nullable=False),
        sa.Column("warning_percent", sa.SmallInteger(), nullable=False),
        sa.Column("warning_actions", sa.JSON(), nullable=False),
        sa.Column("breach_actions", sa.JSON(), nullable=False),
        *_synced(),
        sa.ForeignKeyConstraint(["calendar_id"], ["sla_calendars.id"],
                                name=op.f("fk_sla_targets_calendar_id_sla_calendars")),
        sa.ForeignKeyConstraint(["policy_id"], ["sla_policies.id"],
                                name=op.f("fk_sla_targets_policy_id_sla_policies")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sla_targets")),
        sa.UniqueConstraint("policy_id", "target", name=op.f("uq_sla_targets_policy_id_target")),
    )
    op.create_table(
        "sla_clocks",
        sa.Column("ticket_id", sa.Uuid(), nullable=False),
        sa.Column("target", sa.String(length=20), nullable=False),
        sa.Column("policy_id", sa.Uuid(), nullable=False),
        sa.Column("calendar_id", sa.Uuid(), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("target_seconds", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("stopped_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("elapsed_seconds", sa.Float(), nullable=False),
        sa.Column("remaining_seconds", sa.Float(), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("due_position", sa.Float(), nullable=True),
        sa.Column("warning_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("breach_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("paused_reason", sa.String(length=20), nullable=True),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["calendar_id"], ["sla_calendars.id"],
                                name=op.f("fk_sla_clocks_calendar_id_sla_calendars")),
        sa.ForeignKeyConstraint(["policy_id"], ["sla_policies.id"],
                                name=op.f("fk_sla_clocks_policy_id_sla_policies")),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"],
                                name=op.f("fk_sla_clocks_ticket_id_tickets")),
        sa.PrimaryKeyConstraint("ticket_id", "target", name=op.f("pk_sla_clocks")),
    )
    open_only = sa.text("state IN ('paused', 'running')")
    with op.batch_alter_table("sla_clocks", schema=None) as batch_op:
        for name, column in (("ix_sla_clocks_open_warning_at", "warning_at"),
                             ("ix_sla_clocks_open_breach_at", "breach_at"),
                             ("ix_sla_clocks_open_calendar_id", "calendar_id")):
            batch_op.create_index(name, [column], unique=False, sqlite_where=open_only,
                                  postgresql_where=open_only)
    op.create_table(
        "sla_escalations",
        sa.Column("ticket_id", sa.Uuid(), nullable=False),
        sa.Column("target", sa.String(length=20), nullable=False),
        sa.Column("level", sa.String(length=10), nullable=False),
        sa.Column("fired_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("group_id", sa.Uuid(), nullable=True),
        sa.Column("recipient_id", sa.Uuid(), nullable=True),
        sa.Column("actions", sa.JSON(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["group_id"], ["groups.id"],
                                name=op.f("fk_sla_escalations_group_id_groups")),
        sa.ForeignKeyConstraint(["recipient_id"], ["users.id"],
                                name=op.f("fk_sla_escalations_recipient_id_users")),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"],
                                name=op.f("fk_sla_escalations_ticket_id_tickets")),
        sa.PrimaryKeyConstraint("ticket_id", "target", "level", name=op.f("pk_sla_escalations")),
    )
    with op.batch_alter_table("sla_escalations", schema=None) as batch_op:
        batch_op.create_index("ix_sla_escalations_group_id_fired_at", ["group_id", "fired_at"],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table("sla_escalations", schema=None) as batch_op:
        batch_op.drop_index("ix_sla_escalations_group_id_fired_at")
    op.drop_table("sla_escalations")
    with op.batch_alter_table("sla_clocks", schema=None) as batch_op:
        batch_op.drop_index("ix_sla_clocks_open_calendar_id")
        batch_op.drop_index("ix_sla_clocks_open_breach_at")
        batch_op.drop_index("ix_sla_clocks_open_warning_at")
    op.drop_table("sla_clocks")
    op.drop_table("sla_targets")
    op.drop_table("sla_policies")
    op.drop_table("sla_calendars")
