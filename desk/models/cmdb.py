"""The CMDB: CI classes, configuration items, typed relationships and ticket links.

- ``CiClass``: built-in classes are seeded by migration 0003 with fixed ids (the same on every
  database, so synced copies agree); administrators add their own. ``fields`` declares the
  class's own fields (name, type, required); their values live in ``ConfigurationItem.attributes``.
- ``CiRelationship``: a directed, typed edge ``source --type--> target`` ("A depends on B").
  One edge per (source, type, target); cycles are allowed. ``ix_ci_relationships_target_id``
  serves the reverse walk.
- ``TicketCi``: a ticket's affected CIs. Unlinking soft-deletes, so relinking keeps one row.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, SmallInteger, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desk.models.base import Base, SyncedMixin


class CiClass(SyncedMixin, Base):
    __tablename__ = "ci_classes"

    name: Mapped[str] = mapped_column(String(60), unique=True)  # key, e.g. "virtual_machine"
    label: Mapped[str] = mapped_column(String(120))
    is_service: Mapped[bool] = mapped_column(Boolean, default=False)
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)
    # [{"name": "os", "type": "text", "required": false}, ...]
    fields: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)


class ConfigurationItem(SyncedMixin, Base):
    __tablename__ = "configuration_items"
    __table_args__ = (UniqueConstraint("class_id", "name"),)

    name: Mapped[str] = mapped_column(String(200), index=True)
    class_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("ci_classes.id"))
    status: Mapped[str] = mapped_column(String(20))  # CiStatus
    environment: Mapped[str] = mapped_column(String(20))  # Environment
    criticality: Mapped[int] = mapped_column(SmallInteger)  # 1 (highest) … 4
    owner_group_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("groups.id"))
    location_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("configuration_items.id"))
    asset_tag: Mapped[str | None] = mapped_column(String(80))
    serial: Mapped[str | None] = mapped_column(String(120))
    external_id: Mapped[str | None] = mapped_column(String(200), unique=True)
    attributes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class CiRelationship(SyncedMixin, Base):
    __tablename__ = "ci_relationships"
    __table_args__ = (UniqueConstraint("source_id", "type", "target_id"),)

    source_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("configuration_items.id"))
    type: Mapped[str] = mapped_column(String(20))  # RelType
    target_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("configuration_items.id"), index=True)


class TicketCi(SyncedMixin, Base):
    __tablename__ = "ticket_cis"
    __table_args__ = (UniqueConstraint("ticket_id", "ci_id"),)

    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tickets.id"))
    ci_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("configuration_items.id"), index=True)
