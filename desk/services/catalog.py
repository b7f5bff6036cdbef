"""Read models for the ticket form: lookups (groups, organizations, the category tree, the
priority matrix), a ticket with everything around it, and names for the ids a form shows.

The form runs these on the database worker and receives frozen values; it never sees a
session. Categories have no other service yet, so creating one lives here too.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from desk.db.session import Database, changes_of
from desk.domain.enums import EventField
from desk.domain.priority import PriorityMatrix
from desk.domain.text import clean_text
from desk.errors import ValidationError
from desk.i18n import _
from desk.models import Category, Contact, Group, Organization, Ticket, User
from desk.services import people, tickets
from desk.services.changes import Written
from desk.services.dto import (
    ID_FIELDS,
    AttachmentView,
    AuditView,
    EventView,
    TicketView,
    WorklogView,
)
from desk.services.settings import priority_matrix_in, settings_in

PATH_SEPARATOR = " › "


@dataclass(frozen=True)
class CategoryNode:
    id: uuid.UUID
    name: str
    parent_id: uuid.UUID | None
    depth: int
    path: str  # "Hardware › Printer"


@dataclass(frozen=True)
class FormLookups:
    """What every ticket form needs before it can show its combo boxes."""

    groups: tuple[people.GroupView, ...]
    organizations: tuple[people.OrganizationView, ...]
    categories: tuple[CategoryNode, ...]
    matrix: PriorityMatrix
    attachment_limit: int


@dataclass(frozen=True)
class TicketRef:
    id: uuid.UUID
    number: str
    title: str


@dataclass(frozen=True)
class TicketDetail:
    """A ticket with its worklog, history, audit and attachments, and the names of every id
    those mention (users, groups, contacts, organizations, categories, tickets)."""

    ticket: TicketView
    worklog: tuple[WorklogView, ...]
    events: tuple[EventView, ...]
    audit: tuple[AuditView, ...]
    attachments: tuple[AttachmentView, ...]
    names: dict[uuid.UUID, str]

    def name(self, value: object, default: str = "") -> str:
        return name_of(self.names, value, default)


def name_of(names: dict[uuid.UUID, str], value: object, default: str = "") -> str:
    """The name of an id given as a UUID or its text; ``default`` when unknown or empty."""
    if value is None or value == "":
        return default
    try:
        key = value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError:
        return str(value)
    return names.get(key, default or str(value))


# ---------------------------------------------------------------- categories


def list_categories(db: Database) -> list[CategoryNode]:
    """The category tree, depth first, siblings by name."""
    with db.read() as s:
        return categories_in(s)


def categories_in(s: Session) -> list[CategoryNode]:
    rows = s.execute(select(Category.id, Category.name, Category.parent_id)
                     .where(Category.deleted_at.is_(None))).all()
    return _tree(rows)


def _tree(rows: Iterable[tuple[uuid.UUID, str, uuid.UUID | None]]) -> list[CategoryNode]:
    children: dict[uuid.UUID | None, list[tuple[uuid.UUID, str]]] = {}
    ids = set()
    rows = list(rows)
    for cid, _name, _parent in rows:
        ids.add(cid)
    for cid, name, parent in rows:
        # An orphan (parent deleted) shows at the top rather than vanishing.
        children.setdefault(parent if parent in ids else None, []).append((cid, name))
    out: list[CategoryNode] = []

    def walk(parent: uuid.UUID | None, depth: int, prefix: str) -> None:
        for cid, name in sorted(children.get(parent, ()), key=lambda c: c[1].casefold()):
            path = f"{prefix}{PATH_SEPARATOR}{name}" if prefix else name
            out.append(CategoryNode(cid, name, parent, depth, path))
            walk(cid, depth + 1, path)

    walk(None, 0, "")
    return out


def create_category(db: Database, name: str,
                    parent_id: uuid.UUID | None = None) -> Written[CategoryNode]:
    name = clean_text(name.strip(), "name", _("Name"))
    if not name:
        raise ValidationError(_("A category name is required"), field="name")
    with db.write() as s:
        clash = s.scalar(select(Category.id).where(
            Category.name == name, Category.deleted_at.is_(None),
            Category.parent_id.is_(None) if parent_id is None
            else Category.parent_id == parent_id))
        if clash is not None:
            raise ValidationError(_("The category {name} exists already").format(name=name),
                                  field="name")
        row = Category(name=name, parent_id=parent_id)
        s.add(row)
        s.flush()
        cid = row.id
    node = next(n for n in list_categories(db) if n.id == cid)
    return Written(node, changes_of(s))


# ---------------------------------------------------------------- form lookups


def form_lookups(db: Database) -> FormLookups:
    """What the ticket form offers, read in one snapshot."""
    with db.snapshot() as s:
        return FormLookups(
            groups=tuple(people.groups_in(s)),
            organizations=tuple(people.organizations_in(s)),
            categories=tuple(categories_in(s)),
            matrix=priority_matrix_in(s),
            attachment_limit=settings_in(s, ["attachment_max_bytes"])["attachment_max_bytes"],
        )


def find_ticket_ref(db: Database, number: str) -> TicketRef | None:
    view = tickets.find_by_number(db, number)
    return TicketRef(view.id, view.number, view.title) if view is not None else None


def ping(db: Database) -> bool:
    """One round trip: is the database still answering?"""
    with db.read() as s:
        s.execute(text("SELECT 1"))
    return True


# ---------------------------------------------------------------- a ticket and its names


_ID_EVENTS = (EventField.ASSIGNEE, EventField.GROUP)


def ticket_detail(db: Database, ticket_id: uuid.UUID) -> TicketDetail:
    """The ticket form's data, read in one snapshot so the worklog, history and names agree
    with the ticket (a save landing meanwhile shows up entirely or not at all)."""
    with db.snapshot() as s:
        view = tickets.ticket_in(s, ticket_id)
        worklog = tickets.worklog_in(s, ticket_id)
        events = tickets.events_in(s, ticket_id)
        audit = tickets.audit_in(s, ticket_id)
        attachments = tickets.attachments_in(s, ticket_id)
        ids: set[uuid.UUID] = {v for v in (getattr(view, f) for f in ID_FIELDS)
                               if v is not None}
        ids.update(w.author_id for w in worklog if w.author_id)
        ids.update(a.author_id for a in attachments if a.author_id)
        for e in events:
            if e.actor_id:
                ids.add(e.actor_id)
            if e.field in _ID_EVENTS:
                ids.update(_uuids((e.old_value, e.new_value)))
        for a in audit:
            if a.actor_id:
                ids.add(a.actor_id)
            if a.field in ID_FIELDS:
                ids.update(_uuids((a.old_value, a.new_value)))
        names = names_in(s, ids)
    return TicketDetail(view, tuple(worklog), tuple(events), tuple(audit), tuple(attachments),
                        names)


def view_names(db: Database, view: TicketView) -> dict[uuid.UUID, str]:
    """Names of the ids a ticket refers to (for the conflict dialog)."""
    return names_of_ids(db, [v for v in (getattr(view, f) for f in ID_FIELDS) if v])


def _uuids(values: Iterable[str | None]) -> list[uuid.UUID]:
    out = []
    for v in values:
        if v:
            try:
                out.append(uuid.UUID(v))
            except ValueError:
                pass
    return out


def names_of_ids(db: Database, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    """Display names for ids of users, groups, contacts, organizations, categories (full
    path) and tickets (their number). Unknown ids are left out."""
    with db.read() as s:
        return names_in(s, ids)


def names_in(s: Session, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    wanted = list({i for i in ids if i is not None})
    names: dict[uuid.UUID, str] = {}
    if not wanted:
        return names
    for model, col in ((User, User.display_name), (Group, Group.name),
                       (Contact, Contact.name), (Organization, Organization.name),
                       (Ticket, Ticket.number)):
        for chunk in _chunks(wanted):
            for rid, name in s.execute(select(model.id, col).where(model.id.in_(chunk))):
                names[rid] = name
    if any(i not in names for i in wanted):
        for node in _tree(s.execute(select(Category.id, Category.name,
                                           Category.parent_id)).all()):
            if node.id in wanted:
                names[node.id] = node.path
    return names


def _chunks(items: list[uuid.UUID], size: int = 500) -> Iterable[list[uuid.UUID]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]

