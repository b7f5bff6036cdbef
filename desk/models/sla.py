"""SLA configuration (calendars, policies, targets) and what the engine derives from tickets.

Configuration is synced, editable data. ``sla_clocks`` is derived: every row can be rebuilt
from the ticket's append-only event log (``desk.sla.engine``), and is rewritten in the same
transaction as the event that moves it, so queues sort and filter by it in SQL.

Clock columns, per ticket and target:

- ``state``: ``running`` | ``paused`` | ``met`` | ``breached`` | ``cancelled``. ``met`` and
  ``breached`` are verdicts of a *stopped* clock. An open clock past its target stays
  ``running``/``paused`` (it still counts) and is breached iff ``breach_at <= now``.
- ``due_at``: when a running clock reaches its target (past or future). NULL while paused:
  the due instant of a paused clock depends on when it resumes, so none is invented.
- ``due_position``: ``due_at`` as business seconds on the clock's calendar
  (``BusinessCalendar.position``), so "remaining business time" of a running clock is
  ``due_position - position(now)`` — one subtraction in SQL (``desk.slaops.columns``).
- ``remaining_seconds``: business seconds left; exact and frozen while paused, a snapshot as of
  ``computed_at`` otherwise (negative once breached).
- ``warning_at`` / ``breach_at``: when the clock passed (or, running, will pass) its warning
  threshold / its target; NULL when it never did (stopped or paused before).
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from desk.models.base import Base, SyncedMixin


class SlaCalendar(SyncedMixin, Base):
    """A business calendar: ``definition`` is ``BusinessCalendar.to_dict()``."""

    __tablename__ = "sla_calendars"

    name: Mapped[str] = mapped_column(String(120), unique=True)
    definition: Mapped[object] = mapped_column(JSON)


class SlaPolicy(SyncedMixin, Base):
    """Which tickets get which targets; the first active policy by ``position`` that matches
    wins. Each match list is "any" when empty."""

    __tablename__ = "sla_policies"

    name: Mapped[str] = mapped_column(String(120), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    kinds: Mapped[object] = mapped_column(JSON)  # list of Kind values
    priorities: Mapped[object] = mapped_column(JSON)  # list of 1..5
    category_ids: Mapped[object] = mapped_column(JSON)  # list of UUID text (and subcategories)
    organization_ids: Mapped[object] = mapped_column(JSON)  # list of UUID text


class SlaTarget(SyncedMixin, Base):
    """One target of a policy: first response, resolution or next update."""

    __tablename__ = "sla_targets"
    __table_args__ = (UniqueConstraint("policy_id", "target"),)

    policy_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sla_policies.id"))
    target: Mapped[str] = mapped_column(String(20))  # desk.sla.policy.Target
    seconds: Mapped[int] = mapped_column(Integer)  # business seconds on the calendar
    calendar_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sla_calendars.id"))
    pause_statuses: Mapped[object] = mapped_column(JSON)  # list of Status values
    warning_percent: Mapped[int] = mapped_column(SmallInteger, default=75)
    warning_actions: Mapped[object] = mapped_column(JSON)  # list of action dicts
    breach_actions: Mapped[object] = mapped_column(JSON)


OPEN_CLOCK_SQL = "state IN ('paused', 'running')"


def _open_only() -> dict[str, object]:
    return {"sqlite_where": text(OPEN_CLOCK_SQL), "postgresql_where": text(OPEN_CLOCK_SQL)}


class SlaClock(Base):
    """The derived state of one target of one ticket (see the module docstring)."""

    __tablename__ = "sla_clocks"
    # Partial indexes over the open clocks only: they are what escalations and calendar
    # changes look for, and most clocks are stopped (writing a million stopped clocks for
    # the demo must not pay for indexes that never find them).
    __table_args__ = (
        Index("ix_sla_clocks_open_warning_at", "warning_at", **_open_only()),
        Index("ix_sla_clocks_open_breach_at", "breach_at", **_open_only()),
        Index("ix_sla_clocks_open_calendar_id", "calendar_id", **_open_only()),
    )

    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tickets.id"), primary_key=True)
    target: Mapped[str] = mapped_column(String(20), primary_key=True)
    policy_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sla_policies.id"))
    calendar_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sla_calendars.id"))
    state: Mapped[str] = mapped_column(String(12))
    target_seconds: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime]
    stopped_at: Mapped[datetime | None]
    elapsed_seconds: Mapped[float] = mapped_column(Float)
    remaining_seconds: Mapped[float] = mapped_column(Float)
    due_at: Mapped[datetime | None]
    due_position: Mapped[float | None] = mapped_column(Float)
    warning_at: Mapped[datetime | None]
    breach_at: Mapped[datetime | None]
    paused_reason: Mapped[str | None] = mapped_column(String(20))  # the pausing status
    computed_at: Mapped[datetime]


class SlaEscalation(Base):
    """An escalation that happened: at most one per ticket, target and level, enforced by the
    primary key even with several consoles on one database. It is also the notification the
    console shows to the ticket's group (``group_id``; ``recipient_id`` is the team lead when
    the policy asked to notify them)."""

    __tablename__ = "sla_escalations"
    __table_args__ = (Index("ix_sla_escalations_group_id_fired_at", "group_id", "fired_at"),)

    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tickets.id"), primary_key=True)
    target: Mapped[str] = mapped_column(String(20), primary_key=True)
    level: Mapped[str] = mapped_column(String(10), primary_key=True)  # warning | breach
    fired_at: Mapped[datetime]
    group_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("groups.id"))
    recipient_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    actions: Mapped[object] = mapped_column(JSON)  # the actions the policy asked for
    outcome: Mapped[str | None] = mapped_column(Text)  # what was done, or why not
