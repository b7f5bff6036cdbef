"""Shared configuration kept in the database: the priority matrix and desk-wide settings.

Desk-wide settings (attachment limit, auto-close days, …) live here rather than in a local
file because every console on a shared database must enforce the same rules.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, SmallInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from desk.models.base import Base
from desk.timeutil import utcnow


class PriorityCell(Base):
    __tablename__ = "priority_matrix"

    impact: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    urgency: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    priority: Mapped[int] = mapped_column(SmallInteger)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Setting(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[object] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
