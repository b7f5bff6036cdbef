"""cmdb

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21

Configuration items, their classes, typed relationships and ticket links. The built-in CI
classes are seeded here with fixed ids, so every database (and every synced copy) agrees on
them; administrators add their own classes later.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
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
        "ci_classes",
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("label", sa.String(length=120), nullable=False),
        sa.Column("is_service", sa.Boolean(), nullable=False),
        sa.Column("builtin", sa.Boolean(), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        *_synced(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ci_classes")),
        sa.UniqueConstraint("name", name=op.f("uq_ci_classes_name")),
    )
    op.create_table(
        "configuration_items",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("class_id", sa.Uuid(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("environment", sa.String(length=20), nullable=False),
        sa.Column("criticality", sa.SmallInteger(), nullable=False),
        sa.Column("owner_group_id", sa.Uuid(), nullable=True),
        sa.Column("location_id", sa.Uuid(), nullable=True),
        sa.Column("asset_tag", sa.String(length=80), nullable=True),
        sa.Column("serial", sa.String(length=120), nullable=True),
        sa.Column("external_id", sa.String(length=200), nullable=True),
        sa.Column("attributes", sa.JSON(), nullable=False),
        *_synced(),
        sa.ForeignKeyConstraint(["class_id"], ["ci_classes.id"],
                                name=op.f("fk_configuration_items_class_id_ci_classes")),
        sa.ForeignKeyConstraint(
            ["location_id"], ["configuration_items.id"],
            name=op.f("fk_configuration_items_location_id_configuration_items")),
        sa.ForeignKeyConstraint(["owner_group_id"], ["groups.id"],
                                name=op.f("fk_configuration_items_owner_group_id_groups")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_configuration_items")),
        sa.UniqueConstraint("class_id", "name",
                            name=op.f("uq_configuration_items_class_id_name")),
        sa.UniqueConstraint("external_id", name=op.f("uq_configuration_items_external_id")),
    )
    with op.batch_alter_table("configuration_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_configuration_items_name"), ["name"], unique=False)

    op.create_table(
        "ci_relationships",
        sa.Column("source_id", sa.Uuid(), nullable=False),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("target_id", sa.Uuid(), nullable=False),
        *_synced(),
        sa.ForeignKeyConstraint(
            ["source_id"], ["configuration_items.id"],
            name=op.f("fk_ci_relationships_source_id_configuration_items")),
        sa.ForeignKeyConstraint(
            ["target_id"], ["configuration_items.id"],
            name=op.f("fk_ci_relationships_target_id_configuration_items")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ci_relationships")),
        sa.UniqueConstraint("source_id", "type", "target_id",
                            name=op.f("uq_ci_relationships_source_id_type_target_id")),
    )
    with op.batch_alter_table("ci_relationships", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ci_relationships_target_id"), ["target_id"],
                              unique=False)

    op.create_table(
        "ticket_cis",
        sa.Column("ticket_id", sa.Uuid(), nullable=False),
        sa.Column("ci_id", sa.Uuid(), nullable=False),
        *_synced(),
        sa.ForeignKeyConstraint(["ci_id"], ["configuration_items.id"],
                                name=op.f("fk_ticket_cis_ci_id_configuration_items")),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"],
                                name=op.f("fk_ticket_cis_ticket_id_tickets")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ticket_cis")),
        sa.UniqueConstraint("ticket_id", "ci_id", name=op.f("uq_ticket_cis_ticket_id_ci_id")),
    )
    with op.batch_alter_table("ticket_cis", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ticket_cis_ci_id"), ["ci_id"], unique=False)

    _seed_classes()


# Fixed ids (UUIDv7 at 2025-11-21T00:00Z) so every database has the same built-in classes.
# Kept in step with desk.cmdb.vocab.BUILTIN_CLASSES (a test checks it).
BUILTIN_CLASSES = (
    ("019aa3b5-ec00-7000-8000-0000c3db0000", "business_service", "Business service", True,
     [("service_owner", "text"), ("service_hours", "text")]),
    ("019aa3b5-ec00-7000-8000-0000c3db0001", "application", "Application", False,
     [("version", "text"), ("vendor", "text"), ("url", "text")]),
    ("019aa3b5-ec00-7000-8000-0000c3db0002", "database", "Database", False,
     [("engine", "text"), ("version", "text"), ("size_gb", "integer")]),
    ("019aa3b5-ec00-7000-8000-0000c3db0003", "server", "Server", False,
     [("os", "text"), ("cpu_cores", "integer"), ("memory_gb", "integer"),
      ("ip_address", "text")]),
    ("019aa3b5-ec00-7000-8000-0000c3db0004", "virtual_machine", "Virtual machine", False,
     [("os", "text"), ("vcpus", "integer"), ("memory_gb", "integer"), ("ip_address", "text")]),
    ("019aa3b5-ec00-7000-8000-0000c3db0005", "network_device", "Network device", False,
     [("vendor", "text"), ("model", "text"), ("ip_address", "text")]),
    ("019aa3b5-ec00-7000-8000-0000c3db0006", "storage", "Storage", False,
     [("vendor", "text"), ("capacity_tb", "decimal")]),
    ("019aa3b5-ec00-7000-8000-0000c3db0007", "workstation", "Workstation", False,
     [("os", "text"), ("assigned_to", "text")]),
    ("019aa3b5-ec00-7000-8000-0000c3db0008", "location", "Location", False,
     [("address", "text"), ("city", "text")]),
)


def _seed_classes() -> None:
    import uuid
    from datetime import UTC, datetime

    now = datetime.now(UTC)
    classes = sa.table(
        "ci_classes",
        sa.column("id", sa.Uuid()),
        sa.column("name", sa.String),
        sa.column("label", sa.String),
        sa.column("is_service", sa.Boolean),
        sa.column("builtin", sa.Boolean),
        sa.column("fields", sa.JSON),
        sa.column("row_version", sa.Integer),
        sa.column("created_at", sa.DateTime(timezone=True)),
        sa.column("updated_at", sa.DateTime(timezone=True)),
    )
    op.bulk_insert(classes, [
        {"id": uuid.UUID(cid), "name": name, "label": label, "is_service": service,
         "builtin": True, "row_version": 1, "created_at": now, "updated_at": now,
         "fields": [{"name": f, "type": t, "required": False} for f, t in fields]}
        for cid, name, label, service, fields in BUILTIN_CLASSES
    ])


def downgrade() -> None:
    with op.batch_alter_table("ticket_cis", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ticket_cis_ci_id"))
    op.drop_table("ticket_cis")
    with op.batch_alter_table("ci_relationships", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ci_relationships_target_id"))
    op.drop_table("ci_relationships")
    with op.batch_alter_table("configuration_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_configuration_items_name"))
    op.drop_table("configuration_items")
    op.drop_table("ci_classes")
