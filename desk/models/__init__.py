"""SQLAlchemy 2 ORM, one module per aggregate. Importing this package registers every table."""

from desk.models.audit import AuditEntry
from desk.models.base import Base
from desk.models.cmdb import CiClass, CiRelationship, ConfigurationItem, TicketCi
from desk.models.config import PriorityCell, Setting
from desk.models.people import Contact, Group, GroupMember, Organization, User
from desk.models.sla import SlaCalendar, SlaClock, SlaEscalation, SlaPolicy, SlaTarget
from desk.models.ticket import (
    Attachment,
    Category,
    Ticket,
    TicketCounter,
    TicketEvent,
    WorklogEntry,
)
from desk.models.views import SavedView

__all__ = [
    "Attachment",
    "AuditEntry",
    "Base",
    "Category",
    "CiClass",
    "CiRelationship",
    "ConfigurationItem",
    "Contact",
    "Group",
    "GroupMember",
    "Organization",
    "PriorityCell",
    "SavedView",
    "Setting",
    "SlaCalendar",
    "SlaClock",
    "SlaEscalation",
    "SlaPolicy",
    "SlaTarget",
    "Ticket",
    "TicketCi",
    "TicketCounter",
    "TicketEvent",
    "User",
    "WorklogEntry",
]
