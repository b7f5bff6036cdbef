"""Tickets and what grows around them: events, worklog, attachments.

One ``tickets`` table carries every kind (incident, service request, problem, change); the
lifecycle rules per kind live in ``desk.domain.lifecycle``. ``ticket_events`` is the complete,
append-only log of status, assignment, group and priority changes that the SLA engine replays;
``desk.services.tickets`` writes it in the same transaction as the change.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column

from desk.models.base import AppendOnlyMixin, Base, SyncedMixin


class Category(SyncedMixin, Base):
    """A node of the category tree (category / subcategory / …)."""

    __tablename__ = "categories"
    __table_args__ = (UniqueConstraint("parent_id", "name"),)

    name: Mapped[str] = mapped_column(String(120))
    parent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("categories.id"))


class Ticket(SyncedMixin, Base):
    __tablename__ = "tickets"
    __table_args__ = (UniqueConstraint("kind", "number"),)

    kind: Mapped[str] = mapped_column(String(20))  # Kind
    number: Mapped[str] = mapped_column(String(20))  # INC0000001, per kind
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20))  # Status
    impact: Mapped[int] = mapped_column(SmallInteger)
    urgency: Mapped[int] = mapped_column(SmallInteger)
    priority: Mapped[int] = mapped_column(SmallInteger)
    category_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("categories.id"))
    channel: Mapped[str] = mapped_column(String(20))  # Channel
    requester_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("contacts.id"))
    organization_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("organizations.id"))
    group_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("groups.id"))
    assignee_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    parent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("tickets.id"))
    major_incident: Mapped[bool] = mapped_column(Boolean, default=False)
    # HR and security tickets: only their group, their assignee, leads and administrators see
    # them (on PostgreSQL the row-level security of migration 0008 enforces it).
    confidential: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    opened_at: Mapped[datetime]
    first_response_at: Mapped[datetime | None]
    resolved_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    resolution_code: Mapped[str | None] = mapped_column(String(40))
    resolution_notes: Mapped[str | None] = mapped_column(Text)
    # The earliest warning time of the ticket's open SLA clocks (NULL: none open), kept by the
    # SLA engine without touching row_version: "at risk" (Breaching soon) is then one indexed
    # comparison on the ticket instead of a probe of its clocks.
    sla_warning_at: Mapped[datetime | None]


class TicketCounter(Base):
    """Next human number per kind; incremented in the creating transaction."""

    __tablename__ = "ticket_counters"

    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    next_number: Mapped[int] = mapped_column(Integer)


class TicketEvent(AppendOnlyMixin, Base):
    """A change of status, assignee, group or priority (or the creation): actor, time, from, to."""

    __tablename__ = "ticket_events"
    __table_args__ = (Index("ix_ticket_events_ticket_at", "ticket_id", "at"),)

    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tickets.id"))
    at: Mapped[datetime]
    actor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    field: Mapped[str] = mapped_column(String(20))  # EventField
    old_value: Mapped[str | None] = mapped_column(String(80))
    new_value: Mapped[str | None] = mapped_column(String(80))


class WorklogEntry(AppendOnlyMixin, Base):
    __tablename__ = "worklog_entries"
    __table_args__ = (Index("ix_worklog_entries_ticket_created", "ticket_id", "created_at"),)

    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tickets.id"))
    author_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    visibility: Mapped[str] = mapped_column(String(10))  # WorklogVisibility
    body: Mapped[str] = mapped_column(Text)


class Attachment(SyncedMixin, Base):
    """A file kept in the database, so it travels with sync and the shared database."""

    __tablename__ = "attachments"

    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tickets.id"), index=True)
    author_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(120))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)
