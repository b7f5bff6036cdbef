"""Audit: who changed which field of which record, when, old and new value (append-only)."""

from __future__ import annotations

import uuid

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desk.models.base import AppendOnlyMixin, Base


class AuditEntry(AppendOnlyMixin, Base):
    __tablename__ = "audit_entries"
    __table_args__ = (Index("ix_audit_entries_record", "table_name", "record_id"),)

    actor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    table_name: Mapped[str] = mapped_column(String(60))
    record_id: Mapped[uuid.UUID]
    field: Mapped[str] = mapped_column(String(60))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
