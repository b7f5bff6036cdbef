"""The vocabulary of docs/domain.md as string enums (stored as their values)."""

from __future__ import annotations

from enum import StrEnum

from desk.i18n import _


class Kind(StrEnum):
    INCIDENT = "incident"
    SERVICE_REQUEST = "service_request"
    PROBLEM = "problem"
    CHANGE = "change"

    @property
    def prefix(self) -> str:
        return _PREFIX[self]

    @property
    def label(self) -> str:
        return {
            Kind.INCIDENT: _("Incident"),
            Kind.SERVICE_REQUEST: _("Service request"),
            Kind.PROBLEM: _("Problem"),
            Kind.CHANGE: _("Change"),
        }[self]


_PREFIX = {
    Kind.INCIDENT: "INC",
    Kind.SERVICE_REQUEST: "REQ",
    Kind.PROBLEM: "PRB",
    Kind.CHANGE: "CHG",
}

NUMBER_DIGITS = 7


def format_number(kind: Kind, n: int) -> str:
    return f"{kind.prefix}{n:0{NUMBER_DIGITS}d}"


class Status(StrEnum):
    NEW = "new"
    IN_PROGRESS = "in_progress"
    PENDING_CUSTOMER = "pending_customer"
    PENDING_VENDOR = "pending_vendor"
    PENDING_CHANGE = "pending_change"
    KNOWN_ERROR = "known_error"
    ASSESS = "assess"
    AUTHORIZE = "authorize"
    SCHEDULED = "scheduled"
    IMPLEMENT = "implement"
    REVIEW = "review"
    RESOLVED = "resolved"
    CLOSED = "closed"
    CANCELLED = "cancelled"
    REJECTED = "rejected"

    @property
    def label(self) -> str:
        return {
            Status.NEW: _("New"),
            Status.IN_PROGRESS: _("In progress"),
            Status.PENDING_CUSTOMER: _("Pending: customer"),
            Status.PENDING_VENDOR: _("Pending: vendor"),
            Status.PENDING_CHANGE: _("Pending: change"),
            Status.KNOWN_ERROR: _("Known error"),
            Status.ASSESS: _("Assess"),
            Status.AUTHORIZE: _("Authorize"),
            Status.SCHEDULED: _("Scheduled"),
            Status.IMPLEMENT: _("Implement"),
            Status.REVIEW: _("Review"),
            Status.RESOLVED: _("Resolved"),
            Status.CLOSED: _("Closed"),
            Status.CANCELLED: _("Cancelled"),
            Status.REJECTED: _("Rejected"),
        }[self]

    @property
    def is_pending(self) -> bool:
        return self in PENDING_STATUSES

    @property
    def is_open(self) -> bool:
        return self not in CLOSED_STATUSES and self is not Status.RESOLVED


PENDING_STATUSES = frozenset(
    {Status.PENDING_CUSTOMER, Status.PENDING_VENDOR, Status.PENDING_CHANGE}
)
# Terminal: no work remains and no clock runs.
CLOSED_STATUSES = frozenset({Status.CLOSED, Status.CANCELLED, Status.REJECTED})
# "Open" in queues: anything not resolved or terminal.
OPEN_STATUSES = frozenset(s for s in Status if s.is_open)


class Channel(StrEnum):
    PHONE = "phone"
    EMAIL = "email"
    PORTAL = "portal"
    CHAT = "chat"
    WALK_IN = "walk_in"
    MONITORING = "monitoring"

    @property
    def label(self) -> str:
        return {
            Channel.PHONE: _("Phone"),
            Channel.EMAIL: _("Email"),
            Channel.PORTAL: _("Portal"),
            Channel.CHAT: _("Chat"),
            Channel.WALK_IN: _("Walk-in"),
            Channel.MONITORING: _("Monitoring"),
        }[self]


class Role(StrEnum):
    AGENT = "agent"
    TEAM_LEAD = "team_lead"
    FIELD_TECHNICIAN = "field_technician"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        return {
            Role.AGENT: _("Agent"),
            Role.TEAM_LEAD: _("Team lead"),
            Role.FIELD_TECHNICIAN: _("Field technician"),
            Role.ADMIN: _("Administrator"),
        }[self]


class WorklogVisibility(StrEnum):
    PUBLIC = "public"
    INTERNAL = "internal"


class ResolutionCode(StrEnum):
    SOLVED = "solved"
    WORKAROUND = "workaround"
    NOT_REPRODUCIBLE = "not_reproducible"
    DUPLICATE = "duplicate"
    USER_ERROR = "user_error"
    FULFILLED = "fulfilled"
    SUCCESSFUL = "successful"
    UNSUCCESSFUL = "unsuccessful"

    @property
    def label(self) -> str:
        return {
            ResolutionCode.SOLVED: _("Solved (permanently)"),
            ResolutionCode.WORKAROUND: _("Solved (workaround)"),
            ResolutionCode.NOT_REPRODUCIBLE: _("Not reproducible"),
            ResolutionCode.DUPLICATE: _("Duplicate"),
            ResolutionCode.USER_ERROR: _("User error / training"),
            ResolutionCode.FULFILLED: _("Fulfilled"),
            ResolutionCode.SUCCESSFUL: _("Implemented successfully"),
            ResolutionCode.UNSUCCESSFUL: _("Implemented unsuccessfully"),
        }[self]


class EventField(StrEnum):
    """What a ticket event records a change of (the SLA engine replays these)."""

    CREATED = "created"
    STATUS = "status"
    ASSIGNEE = "assignee"
    GROUP = "group"
    PRIORITY = "priority"
    FIRST_RESPONSE = "first_response"
