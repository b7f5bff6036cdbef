"""SQLAlchemy 2 ORM, one module per aggregate. Importing this package registers every table."""

from desk.models.audit import AuditEntry
from desk.models.base import Base
from desk.models.config import PriorityCell, Setting
from desk.models.people import Contact, Group, GroupMember, Organization, User
from desk.models.ticket import (
    Attachment,
    Category,
    Ticket,
    TicketCounter,
    TicketEvent,
    WorklogEntry,
)

__all__ = [
    "Attachment",
    "AuditEntry",
    "Base",
    "Category",
    "Contact",
    "Group",
    "GroupMember",
    "Organization",
    "PriorityCell",
    "Setting",
    "Ticket",
    "TicketCounter",
    "TicketEvent",
    "User",
    "WorklogEntry",
]
