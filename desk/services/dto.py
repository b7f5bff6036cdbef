"""Plain, frozen values handed to the UI and the CLI (never live ORM objects)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from desk.domain.kinds import REFERENCE_FIELDS


@dataclass(frozen=True)
class TicketView:
    id: uuid.UUID
    row_version: int
    kind: str
    number: str
    title: str
    description: str
    status: str
    impact: int
    urgency: int
    priority: int
    category_id: uuid.UUID | None
    channel: str
    requester_id: uuid.UUID | None
    organization_id: uuid.UUID | None
    group_id: uuid.UUID | None
    assignee_id: uuid.UUID | None
    parent_id: uuid.UUID | None
    major_incident: bool
    opened_at: datetime
    first_response_at: datetime | None
    resolved_at: datetime | None
    closed_at: datetime | None
    resolution_code: str | None
    resolution_notes: str | None
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, row: Any) -> TicketView:
        return cls(**{f.name: getattr(row, f.name) for f in fields(cls)})


# Fields an agent edits on the form (the rest are derived or system-maintained).
EDITABLE_FIELDS = (
    "title", "description", "status", "impact", "urgency", "category_id", "channel",
    "requester_id", "organization_id", "group_id", "assignee_id", "parent_id",
    "major_incident", "resolution_code", "resolution_notes",
)
# The editable fields that hold the id of another record (shown by its name).
# The reference fields (ids of other records), as the kind specs describe them.
ID_FIELDS = REFERENCE_FIELDS


@dataclass(frozen=True)
class EventView:
    id: uuid.UUID
    at: datetime
    actor_id: uuid.UUID | None
    field: str
    old_value: str | None
    new_value: str | None


@dataclass(frozen=True)
class WorklogView:
    id: uuid.UUID
    created_at: datetime
    author_id: uuid.UUID | None
    visibility: str
    body: str


@dataclass(frozen=True)
class AttachmentView:
    id: uuid.UUID
    created_at: datetime
    author_id: uuid.UUID | None
    filename: str
    content_type: str
    size: int


@dataclass(frozen=True)
class AuditView:
    id: uuid.UUID
    created_at: datetime
    actor_id: uuid.UUID | None
    table_name: str
    record_id: uuid.UUID
    field: str
    old_value: str | None
    new_value: str | None
