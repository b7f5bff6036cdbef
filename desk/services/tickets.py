"""Ticket use cases: create, update (fields and transitions), worklog, attachments, bulk work.

This module is the only write path for tickets. Every change of status, assignee, group or
priority writes a ``TicketEvent`` and every changed field an ``AuditEntry``, in the same
transaction as the change, so the SLA engine's event log is complete.

Optimistic locking: callers pass the ``row_version`` they loaded; if the ticket moved on, a
``TicketConflict`` carrying the current state is raised and nothing is written.
"""

from __future__ import annotations

import hashlib
import mimetypes
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desk.db.session import Database, changes_of, record
from desk.domain import lifecycle, ticket_rules
from desk.domain.enums import Channel, EventField, Kind, Status, WorklogVisibility, format_number
from desk.domain.kinds import FIELD
from desk.domain.priority import PriorityMatrix
from desk.domain.text import clean_text, optional_text, search_text, stored_text
from desk.errors import (
    AttachmentTooLarge,
    ConflictError,
    NotFound,
    ValidationError,
)
from desk.i18n import _
from desk.models import (
    Attachment,
    AuditEntry,
    GroupMember,
    PriorityCell,
    Ticket,
    TicketCounter,
    TicketEvent,
    WorklogEntry,
)
from desk.services.changes import Changes, RowOp, Written
from desk.services.dto import (
    EDITABLE_FIELDS,
    AttachmentView,
    AuditView,
    EventView,
    TicketView,
    WorklogView,
)
from desk.services.settings import get_setting
from desk.sla.engine import refresh_ticket as _sla_refresh
from desk.timeutil import require_aware, utcnow


class TicketConflict(ConflictError):
    """Another agent saved the ticket since ``expected_version``; ``current`` is their state."""

    def __init__(self, current: TicketView) -> None:
        super().__init__(
            _("{number} was changed by someone else since you opened it").format(
                number=current.number),
            record_id=current.id)
        self.current = current


@dataclass(frozen=True)
class NewTicket:
    """A ticket to create. ``id``, when given, becomes the ticket's key: a client that
    generates it once (``desk.ids.uuid7``) and sends it again after a lost acknowledgement
    gets the ticket its first attempt created instead of a second one."""

    kind: str
    title: str
    description: str = ""
    impact: int = 3
    urgency: int = 3
    channel: str = Channel.PHONE
    category_id: uuid.UUID | None = None
    requester_id: uuid.UUID | None = None
    organization_id: uuid.UUID | None = None
    group_id: uuid.UUID | None = None
    assignee_id: uuid.UUID | None = None
    parent_id: uuid.UUID | None = None
    major_incident: bool = False
    id: uuid.UUID | None = None


@dataclass(frozen=True)
class BulkResult:
    updated: tuple[uuid.UUID, ...]
    skipped: tuple[tuple[str, str], ...]  # (ticket number, reason)


# ---------------------------------------------------------------- reads


def get_ticket(db: Database, ticket_id: uuid.UUID) -> TicketView:
    with db.read() as s:
        return ticket_in(s, ticket_id)


def ticket_in(s: Session, ticket_id: uuid.UUID) -> TicketView:
    return TicketView.of(_load(s, ticket_id))


def find_by_number(db: Database, number: str) -> TicketView | None:
    number = search_text(number).strip().upper()
    with db.read() as s:
        row = s.scalar(select(Ticket).where(Ticket.number == number,
                                            Ticket.deleted_at.is_(None)))
        return TicketView.of(row) if row is not None else None


def list_events(db: Database, ticket_id: uuid.UUID) -> list[EventView]:
    with db.read() as s:
        return events_in(s, ticket_id)


def events_in(s: Session, ticket_id: uuid.UUID) -> list[EventView]:
    rows = s.scalars(select(TicketEvent).where(TicketEvent.ticket_id == ticket_id)
                     .order_by(TicketEvent.at, TicketEvent.id))
    return [EventView(r.id, r.at, r.actor_id, r.field, r.old_value, r.new_value) for r in rows]


def list_worklog(db: Database, ticket_id: uuid.UUID) -> list[WorklogView]:
    with db.read() as s:
        return worklog_in(s, ticket_id)


def worklog_in(s: Session, ticket_id: uuid.UUID) -> list[WorklogView]:
    rows = s.scalars(select(WorklogEntry).where(WorklogEntry.ticket_id == ticket_id)
                     .order_by(WorklogEntry.created_at, WorklogEntry.id))
    return [WorklogView(r.id, r.created_at, r.author_id, r.visibility, r.body) for r in rows]


def list_audit(db: Database, record_id: uuid.UUID) -> list[AuditView]:
    with db.read() as s:
        return audit_in(s, record_id)


def audit_in(s: Session, record_id: uuid.UUID) -> list[AuditView]:
    rows = s.scalars(select(AuditEntry).where(AuditEntry.record_id == record_id)
                     .order_by(AuditEntry.created_at, AuditEntry.id))
    return [AuditView(r.id, r.created_at, r.actor_id, r.table_name, r.record_id, r.field,
                      r.old_value, r.new_value) for r in rows]


def list_attachments(db: Database, ticket_id: uuid.UUID) -> list[AttachmentView]:
    with db.read() as s:
        return attachments_in(s, ticket_id)


def attachments_in(s: Session, ticket_id: uuid.UUID) -> list[AttachmentView]:
    rows = s.execute(
        select(Attachment.id, Attachment.created_at, Attachment.author_id,
               Attachment.filename, Attachment.content_type, Attachment.size)
        .where(Attachment.ticket_id == ticket_id, Attachment.deleted_at.is_(None))
        .order_by(Attachment.created_at))
    return [AttachmentView(*r) for r in rows]


def attachment_data(db: Database, attachment_id: uuid.UUID) -> bytes:
    with db.read() as s:
        data = s.scalar(select(Attachment.data).where(Attachment.id == attachment_id,
                                                      Attachment.deleted_at.is_(None)))
    if data is None:
        raise NotFound(_("The attachment no longer exists"))
    return data


# ---------------------------------------------------------------- writes


def create_ticket(db: Database, actor_id: uuid.UUID | None, new: NewTicket,
                  at: datetime | None = None) -> Written[TicketView]:
    at = require_aware(at, "at") if at is not None else utcnow()
    kind = ticket_rules.check_kind(new.kind)
    title = ticket_rules.check_required("title", new.title)
    description = clean_text(new.description or "", "description",
                             FIELD["description"].label())
    channel = ticket_rules.check_channel(new.channel)
    with db.write() as s:
        if new.id is not None:
            existing = s.get(Ticket, new.id)
            if existing is not None:
                return Written(_repeated_create(existing, new, kind, title, description,
                                                channel), Changes())
        matrix = _matrix(s)
        priority = matrix.priority(new.impact, new.urgency)
        _check_assignee(s, new.group_id, new.assignee_id)
        number = _next_number(s, kind)
        ticket = Ticket(
            id=new.id, kind=kind, number=number, title=title, description=description,
            status=lifecycle.initial_status(kind), impact=new.impact, urgency=new.urgency,
            priority=priority, category_id=new.category_id, channel=channel,
            requester_id=new.requester_id, organization_id=new.organization_id,
            group_id=new.group_id, assignee_id=new.assignee_id, parent_id=new.parent_id,
            major_incident=new.major_incident, opened_at=at, created_at=at, updated_at=at,
        )
        s.add(ticket)
        s.flush()
        _event(s, ticket, actor_id, at, EventField.CREATED, None, ticket.status)
        _event(s, ticket, actor_id, at, EventField.PRIORITY, None, str(priority))
        if ticket.group_id:
            _event(s, ticket, actor_id, at, EventField.GROUP, None, str(ticket.group_id))
        if ticket.assignee_id:
            _event(s, ticket, actor_id, at, EventField.ASSIGNEE, None, str(ticket.assignee_id))
        s.add(AuditEntry(actor_id=actor_id, table_name="tickets", record_id=ticket.id,
                         field="created", old_value=None, new_value=number, created_at=at))
        _sla_refresh(s, ticket, at)
        s.flush()
        view = TicketView.of(ticket)
    return Written(view, changes_of(s))


def update_ticket(db: Database, actor_id: uuid.UUID | None, ticket_id: uuid.UUID,
                  expected_version: int, changes: Mapping[str, Any],
                  at: datetime | None = None) -> Written[TicketView]:
    """Apply an agent's edits (fields and/or a status transition) in one transaction."""
    at = require_aware(at, "at") if at is not None else utcnow()
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    try:
        with db.write() as s:
            ticket = _load(s, ticket_id)
            if ticket.row_version != expected_version:
                raise TicketConflict(TicketView.of(ticket))
            _apply(s, ticket, actor_id, changes, _matrix(s), at)
            s.flush()
            view = TicketView.of(ticket)
    except StaleDataError:
        raise TicketConflict(get_ticket(db, ticket_id)) from None
    return Written(view, changes_of(s))


def bulk_update(db: Database, actor_id: uuid.UUID | None, ticket_ids: Sequence[uuid.UUID],
                changes: Mapping[str, Any], note: str | None = None,
                at: datetime | None = None) -> Written[BulkResult]:
    """One transaction for the whole selection; tickets the change does not fit are skipped
    with the reason, the rest are updated."""
    at = require_aware(at, "at") if at is not None else utcnow()
    note = optional_text(note, "note", _("Note"))
    updated: list[uuid.UUID] = []
    skipped: list[tuple[str, str]] = []
    with db.write() as s:
        matrix = _matrix(s)
        rows = s.scalars(select(Ticket).where(Ticket.id.in_(list(ticket_ids)),
                                              Ticket.deleted_at.is_(None))).all()
        for ticket in rows:
            mine = dict(changes)
            if "resolution_code" in mine and "status" in mine and not (
                    mine["status"] != ticket.status
                    and lifecycle.is_resolving(ticket.kind, ticket.status, mine["status"])):
                # A code chosen for the tickets this move resolves (e.g. "closed" ends a
                # change in review) does not overwrite the code of one resolved earlier.
                del mine["resolution_code"]
            try:
                with s.begin_nested():
                    _apply(s, ticket, actor_id, mine, matrix, at)
                    if note:
                        _worklog(s, ticket, actor_id, WorklogVisibility.INTERNAL, note, at)
                    s.flush()
                updated.append(ticket.id)
            except ValidationError as err:
                s.expire(ticket)
                skipped.append((ticket.number, str(err)))
        found = {t.id for t in rows}
        skipped.extend((str(i), _("no longer exists")) for i in ticket_ids if i not in found)
    return Written(BulkResult(tuple(updated), tuple(skipped)), changes_of(s))


def add_worklog(db: Database, actor_id: uuid.UUID | None, ticket_id: uuid.UUID,
                visibility: str, body: str,
                at: datetime | None = None) -> Written[WorklogView]:
    at = require_aware(at, "at") if at is not None else utcnow()
    if not body or not body.strip():
        raise ValidationError(_("The note is empty"), field="body")
    body = clean_text(body, "body", _("Note"))
    try:
        visibility = WorklogVisibility(visibility)
    except ValueError:
        raise ValidationError(_("Unknown worklog visibility"), field="visibility") from None
    with db.write() as s:
        ticket = _load(s, ticket_id)
        entry = _worklog(s, ticket, actor_id, visibility, body, at)
        s.flush()
        view = WorklogView(entry.id, entry.created_at, entry.author_id, entry.visibility,
                           entry.body)
    return Written(view, changes_of(s))


def add_attachment(db: Database, actor_id: uuid.UUID | None, ticket_id: uuid.UUID,
                   filename: str, data: bytes, content_type: str | None = None,
                   at: datetime | None = None) -> Written[AttachmentView]:
    at = require_aware(at, "at") if at is not None else utcnow()
    limit = get_setting(db, "attachment_max_bytes")
    if len(data) > limit:
        raise attachment_too_large(filename, len(data), limit)
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1].strip()
    if not name:
        raise ValidationError(_("The attachment has no file name"), field="attachments")
    name = clean_text(name, "attachments", _("The file name"))
    ctype = content_type or mimetypes.guess_type(name)[0] or "application/octet-stream"
    with db.write() as s:
        ticket = _load(s, ticket_id)
        att = Attachment(ticket_id=ticket.id, author_id=actor_id, filename=name[:255],
                         content_type=ctype[:120], size=len(data),
                         sha256=hashlib.sha256(data).hexdigest(), data=data,
                         created_at=at, updated_at=at)
        s.add(att)
        s.add(AuditEntry(actor_id=actor_id, table_name="tickets", record_id=ticket.id,
                         field="attachment", old_value=None, new_value=name, created_at=at))
        s.flush()
        view = AttachmentView(att.id, att.created_at, att.author_id, att.filename,
                              att.content_type, att.size)
    return Written(view, changes_of(s))


def remove_attachment(db: Database, actor_id: uuid.UUID | None,
                      attachment_id: uuid.UUID) -> Changes:
    at = utcnow()
    with db.write() as s:
        att = s.get(Attachment, attachment_id)
        if att is None or att.deleted_at is not None:
            raise NotFound(_("The attachment no longer exists"))
        att.deleted_at = at
        s.add(AuditEntry(actor_id=actor_id, table_name="tickets", record_id=att.ticket_id,
                         field="attachment", old_value=att.filename, new_value=None,
                         created_at=at))
    return changes_of(s)


def attachment_too_large(filename: str, size: int, limit: int) -> AttachmentTooLarge:
    """The refusal of a file above the limit (also raised before a file is read)."""
    return AttachmentTooLarge(
        _("{name} is {size} — larger than the limit of {limit}").format(
            name=filename, size=format_bytes(size), limit=format_bytes(limit)),
        field="attachments")


def format_bytes(n: int) -> str:
    if n < 1024:
        return _("{n} bytes").format(n=n)
    if n < 1024 * 1024:
        return _("{n:.1f} KB").format(n=n / 1024)
    return _("{n:.1f} MB").format(n=n / (1024 * 1024))


# ---------------------------------------------------------------- internals


def _clean(name: str, value: str | None) -> str | None:
    return optional_text(value, name, FIELD[name].label())


def _repeated_create(existing: Ticket, new: NewTicket, kind: Kind, title: str,
                     description: str, channel: Channel) -> TicketView:
    """The ticket an earlier attempt of this create made, when ``new`` is that attempt again.

    Compared with the ticket as it is now: a retry follows its lost acknowledgement within
    moments, so a ticket someone edited since is treated as a different create."""
    sent = {"kind": kind, "title": title, "description": description, "channel": channel,
            **{name: getattr(new, name) for name in (
                "impact", "urgency", "category_id", "requester_id", "organization_id",
                "group_id", "assignee_id", "parent_id", "major_incident")}}
    if existing.deleted_at is not None or any(
            getattr(existing, name) != value for name, value in sent.items()):
        raise ConflictError(_("A ticket was saved from this form already, as {number}, with "
                              "other values; open {number} to change it").format(
                                  number=existing.number), record_id=existing.id)
    return TicketView.of(existing)


def _load(s: Session, ticket_id: uuid.UUID) -> Ticket:
    ticket = s.get(Ticket, ticket_id)
    if ticket is None or ticket.deleted_at is not None:
        raise NotFound(_("The ticket no longer exists"))
    return ticket


def _matrix(s: Session) -> PriorityMatrix:
    cells = {(c.impact, c.urgency): c.priority for c in s.scalars(select(PriorityCell))}
    return PriorityMatrix(cells) if cells else PriorityMatrix()


def _next_number(s: Session, kind: Kind) -> str:
    # UPDATE … RETURNING locks the counter row until commit: numbers never repeat, even with
    # several consoles on one PostgreSQL database.
    n = s.execute(
        update(TicketCounter).where(TicketCounter.kind == kind)
        .values(next_number=TicketCounter.next_number + 1)
        .returning(TicketCounter.next_number)).scalar()
    if n is not None:
        record(s, "ticket_counters", [kind], RowOp.UPDATE)
    else:
        s.add(TicketCounter(kind=kind, next_number=2))
        s.flush()
        n = 2
    return format_number(kind, n - 1)


def _check_assignee(s: Session, group_id: uuid.UUID | None,
                    assignee_id: uuid.UUID | None) -> None:
    if assignee_id is None or group_id is None:
        return
    member = s.scalar(select(GroupMember.id).where(
        GroupMember.group_id == group_id, GroupMember.user_id == assignee_id,
        GroupMember.deleted_at.is_(None)))
    if member is None:
        raise ValidationError(_("The assignee is not a member of the assignment group"),
                              field="assignee_id")


def _event(s: Session, ticket: Ticket, actor_id: uuid.UUID | None, at: datetime,
           what: EventField, old: object, new: object) -> None:
    s.add(TicketEvent(ticket_id=ticket.id, at=at, actor_id=actor_id, field=what,
                      old_value=None if old is None else str(old),
                      new_value=None if new is None else str(new), created_at=at))


def _worklog(s: Session, ticket: Ticket, actor_id: uuid.UUID | None, visibility: str,
             body: str, at: datetime) -> WorklogEntry:
    entry = WorklogEntry(ticket_id=ticket.id, author_id=actor_id, visibility=visibility,
                         body=body, created_at=at)
    s.add(entry)
    if visibility == WorklogVisibility.PUBLIC:
        _first_response(s, ticket, actor_id, at)
    # The ticket's updated_at (and row_version) move with its worklog: queues sorted by
    # "updated" must see the activity, and an open form must learn of it. Set before the
    # SLA refresh, whose query autoflushes: one save must bump row_version once.
    ticket.updated_at = at
    if visibility == WorklogVisibility.PUBLIC:
        _sla_refresh(s, ticket, at)
    return entry


def _first_response(s: Session, ticket: Ticket, actor_id: uuid.UUID | None,
                    at: datetime) -> None:
    if ticket.first_response_at is None:
        ticket.first_response_at = at
        _event(s, ticket, actor_id, at, EventField.FIRST_RESPONSE, None, at.isoformat())


# Text fields stored as typed (the title has its own rule).
_FREE_TEXT = ("description", "resolution_code", "resolution_notes")

_AUDIT_ONLY = ("title", "description", "category_id", "channel", "requester_id",
               "organization_id", "parent_id", "major_incident", "resolution_code",
               "resolution_notes", "impact", "urgency")


def _apply(s: Session, ticket: Ticket, actor_id: uuid.UUID | None,
           changes: Mapping[str, Any], matrix: PriorityMatrix, at: datetime) -> None:
    """Validate and apply ``changes`` to ``ticket``; events and audit for each difference."""
    new = {k: v for k, v in changes.items() if getattr(ticket, k) != v}
    if not new:
        return
    if "title" in new:
        new["title"] = ticket_rules.check_required("title", new["title"])
    for name in _FREE_TEXT:
        if name in new:
            new[name] = _clean(name, new[name])
    if "channel" in new:
        new["channel"] = ticket_rules.check_channel(new["channel"])
    if "parent_id" in new:
        ticket_rules.check_parent(ticket.id, new["parent_id"])
    impact = new.get("impact", ticket.impact)
    urgency = new.get("urgency", ticket.urgency)
    priority = matrix.priority(impact, urgency)
    group_id = new.get("group_id", ticket.group_id)
    assignee_id = new.get("assignee_id", ticket.assignee_id)
    if "group_id" in new and "assignee_id" not in new and ticket.assignee_id is not None:
        # Moving to another group drops an assignee who is not a member there.
        member = s.scalar(select(GroupMember.id).where(
            GroupMember.group_id == group_id, GroupMember.user_id == ticket.assignee_id,
            GroupMember.deleted_at.is_(None))) if group_id else True
        if member is None:
            assignee_id = None
            new["assignee_id"] = None
    if "group_id" in new or "assignee_id" in new:
        _check_assignee(s, group_id, assignee_id)

    status_from = Status(ticket.status)
    status_to = Status(new.get("status", ticket.status))
    if status_to is not status_from:
        lifecycle.check_transition(ticket.kind, status_from, status_to,
                                   new.get("resolution_code", ticket.resolution_code))

    for name in _AUDIT_ONLY:
        if name in new:
            _audit(s, ticket, actor_id, at, name, getattr(ticket, name), new[name])
            setattr(ticket, name, new[name])

    if priority != ticket.priority:
        _event(s, ticket, actor_id, at, EventField.PRIORITY, ticket.priority, priority)
        _audit(s, ticket, actor_id, at, "priority", ticket.priority, priority)
        ticket.priority = priority
    if group_id != ticket.group_id:
        _event(s, ticket, actor_id, at, EventField.GROUP, ticket.group_id, group_id)
        _audit(s, ticket, actor_id, at, "group_id", ticket.group_id, group_id)
        ticket.group_id = group_id
    if assignee_id != ticket.assignee_id:
        _event(s, ticket, actor_id, at, EventField.ASSIGNEE, ticket.assignee_id, assignee_id)
        _audit(s, ticket, actor_id, at, "assignee_id", ticket.assignee_id, assignee_id)
        ticket.assignee_id = assignee_id
    if status_to is not status_from:
        _transition(s, ticket, actor_id, at, status_from, status_to)
    ticket.updated_at = at
    _sla_refresh(s, ticket, at)


def _transition(s: Session, ticket: Ticket, actor_id: uuid.UUID | None, at: datetime,
                src: Status, dst: Status) -> None:
    _event(s, ticket, actor_id, at, EventField.STATUS, src, dst)
    _audit(s, ticket, actor_id, at, "status", src, dst)
    ticket.status = dst
    if src is Status.NEW:
        _first_response(s, ticket, actor_id, at)
    if lifecycle.is_resolving(ticket.kind, src, dst):
        ticket.resolved_at = at
    if lifecycle.is_reopen(src, dst):
        ticket.resolved_at = None
        ticket.resolution_code = None
    if dst in (Status.CLOSED, Status.CANCELLED, Status.REJECTED):
        ticket.closed_at = at


def _audit(s: Session, ticket: Ticket, actor_id: uuid.UUID | None, at: datetime,
           name: str, old: object, new: object) -> None:
    s.add(AuditEntry(actor_id=actor_id, table_name="tickets", record_id=ticket.id, field=name,
                     old_value=stored_text(old), new_value=stored_text(new), created_at=at))
