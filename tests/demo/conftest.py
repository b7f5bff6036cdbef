"""Helpers for the demo-data tests: a fixed "now", reading a whole demo back through the ORM."""

from __future__ import annotations

import hashlib
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from desk.db.session import Database
from desk.demo.generate import DemoSummary, generate_demo
from desk.models import (
    AuditEntry,
    Category,
    Contact,
    Group,
    GroupMember,
    Organization,
    Ticket,
    TicketEvent,
    User,
    WorklogEntry,
)

# A Monday noon: fixed, so two runs with one seed must produce identical rows.
NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def demo(db: Database, tickets: int, seed: int = 7, locale: str = "en",
         **kw: Any) -> DemoSummary:
    """The demo without the CMDB/SLA add-ons, which other modules own and test."""
    kw.setdefault("extras", False)
    return generate_demo(db, tickets=tickets, seed=seed, locale=locale, now=NOW, **kw)


@dataclass
class Loaded:
    tickets: list[Ticket]
    events: dict[uuid.UUID, list[TicketEvent]]  # by ticket, in (at, id) order
    worklogs: dict[uuid.UUID, list[WorklogEntry]]  # by ticket, in (created_at, id) order
    members: dict[uuid.UUID, set[uuid.UUID]]  # group -> users


def load_all(db: Database) -> Loaded:
    with db.read() as s:
        tickets = list(s.scalars(select(Ticket).order_by(Ticket.opened_at, Ticket.id)))
        events: dict[uuid.UUID, list[TicketEvent]] = defaultdict(list)
        for e in s.scalars(select(TicketEvent).order_by(TicketEvent.ticket_id, TicketEvent.at,
                                                        TicketEvent.id)):
            events[e.ticket_id].append(e)
        worklogs: dict[uuid.UUID, list[WorklogEntry]] = defaultdict(list)
        for w in s.scalars(select(WorklogEntry).order_by(WorklogEntry.ticket_id,
                                                         WorklogEntry.created_at,
                                                         WorklogEntry.id)):
            worklogs[w.ticket_id].append(w)
        members: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
        for gid, uid in s.execute(select(GroupMember.group_id, GroupMember.user_id)):
            members[gid].add(uid)
        s.expunge_all()
    return Loaded(tickets, events, worklogs, members)


def digest(db: Database) -> str:
    """A hash over every demo row, read through the ORM (so both backends compare equal)."""
    h = hashlib.sha256()
    with db.read() as s:
        for model in (User, Group, GroupMember, Organization, Contact, Category, Ticket,
                      TicketEvent, WorklogEntry, AuditEntry):
            cols = [c for c in model.__table__.columns]
            for row in s.execute(select(*cols).order_by(model.__table__.c.id)):
                h.update(repr(tuple(row)).encode())
    return h.hexdigest()
