"""CMDB use cases: classes, CIs, relationships, ticket links; reads for the console and CLI.

This module (with ``desk.cmdb.csvio`` for bulk imports) is the only write path for the CMDB.
Every CI change writes ``AuditEntry`` rows (table ``configuration_items``) in the same
transaction, and every change that alters the graph refreshes the graph token so in-memory
graphs reload (``desk.cmdb.graph``).

Optimistic locking as for tickets: ``update_ci`` takes the ``row_version`` the caller loaded.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import Select, and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from desk.cmdb.settings import touch_graph
from desk.cmdb.vocab import (
    CRITICALITY_MAX,
    CRITICALITY_MIN,
    DEFAULT_CRITICALITY,
    CiStatus,
    Environment,
    FieldType,
    RelType,
    builtin_class_label,
    label_from_name,
)
from desk.db.session import Database, changes_of
from desk.domain.enums import OPEN_STATUSES, Kind
from desk.domain.text import clean_text, required_text, search_text, stored_text
from desk.errors import ConflictError, NotFound, ValidationError
from desk.i18n import N_, _
from desk.models import AuditEntry, Group, Ticket, User
from desk.models.cmdb import CiClass, CiRelationship, ConfigurationItem, TicketCi
from desk.services.changes import Changes, Written
from desk.services.people import escape_like
from desk.timeutil import utcnow

AUDIT_TABLE = "configuration_items"
NAME_MAX = 200
# Columns every CI has; a class field may not take one of these names.
CORE_COLUMNS = ("name", "class", "status", "environment", "criticality", "owner_group",
                "external_id", "location", "asset_tag", "serial")
_FIELD_NAME = re.compile(r"^[a-z][a-z0-9_]{0,59}$")


# ---------------------------------------------------------------- values


@dataclass(frozen=True)
class FieldDef:
    name: str
    type: str  # FieldType
    required: bool = False


@dataclass(frozen=True)
class ClassView:
    id: uuid.UUID
    name: str
    label: str
    is_service: bool
    builtin: bool
    fields: tuple[FieldDef, ...]
    count: int = 0

    @property
    def display(self) -> str:
        return (builtin_class_label(self.name) if self.builtin else None) or self.label


@dataclass(frozen=True)
class CiRow:
    """One line of a CI list."""

    id: uuid.UUID
    name: str
    class_name: str
    status: str
    environment: str
    criticality: int
    owner_group: str | None
    external_id: str | None
    updated_at: datetime


@dataclass(frozen=True)
class CiView:
    id: uuid.UUID
    row_version: int
    name: str
    class_id: uuid.UUID
    class_name: str
    class_label: str
    is_service: bool
    status: str
    environment: str
    criticality: int
    owner_group_id: uuid.UUID | None
    owner_group: str | None
    location_id: uuid.UUID | None
    location: str | None
    asset_tag: str | None
    serial: str | None
    external_id: str | None
    attributes: Mapping[str, Any]
    fields: tuple[FieldDef, ...]
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class RelationView:
    id: uuid.UUID
    type: str
    outgoing: bool  # True: this CI is the source ("this depends on other")
    other_id: uuid.UUID
    other_name: str
    other_class: str


@dataclass(frozen=True)
class LinkedTicket:
    id: uuid.UUID
    number: str
    kind: str
    title: str
    status: str
    priority: int
    opened_at: datetime
    major_incident: bool
    parent_id: uuid.UUID | None
    ci_id: uuid.UUID | None = None


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    actor_id: uuid.UUID | None
    field: str
    old_value: str | None
    new_value: str | None


@dataclass(frozen=True)
class CiInput:
    name: str
    class_name: str
    status: str = CiStatus.IN_USE
    environment: str = Environment.PRODUCTION
    criticality: int = DEFAULT_CRITICALITY
    owner_group_id: uuid.UUID | None = None
    location_id: uuid.UUID | None = None
    asset_tag: str | None = None
    serial: str | None = None
    external_id: str | None = None
    attributes: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class CiFilter:
    """What the CI list shows; sorting happens in the database."""

    class_id: uuid.UUID | None = None
    text: str = ""
    status: str | None = None
    environment: str | None = None
    sort: str = "name"  # a key of SORT_COLUMNS
    descending: bool = False


class CiConflict(ConflictError):
    def __init__(self, current: CiView) -> None:
        super().__init__(_("{name} was changed by someone else since you opened it").format(
            name=current.name), record_id=current.id)
        self.current = current


# ---------------------------------------------------------------- validation helpers


def parse_status(value: str) -> CiStatus:
    key = (value or "").strip().lower().replace(" ", "_").replace("-", "_")
    for s in CiStatus:
        if key in (s.value, s.label.lower().replace(" ", "_")):
            return s
    raise ValidationError(_("Unknown status {value} (one of: {allowed})").format(
        value=value, allowed=", ".join(CiStatus)), field="status")


def parse_environment(value: str) -> Environment:
    key = (value or "").strip().lower()
    for e in Environment:
        if key in (e.value, e.label.lower()):
            return e
    raise ValidationError(_("Unknown environment {value} (one of: {allowed})").format(
        value=value, allowed=", ".join(Environment)), field="environment")


def parse_criticality(value: object) -> int:
    try:
        n = int(str(value).strip())
    except (TypeError, ValueError):
        n = 0
    if not CRITICALITY_MIN <= n <= CRITICALITY_MAX:
        raise ValidationError(_("Criticality must be a whole number from {lo} to {hi}").format(
            lo=CRITICALITY_MIN, hi=CRITICALITY_MAX), field="criticality")
    return n


def parse_rel_type(value: str) -> RelType:
    key = (value or "").strip().lower().replace(" ", "_")
    try:
        return RelType(key)
    except ValueError:
        raise ValidationError(_("Unknown relationship type {value} (one of: {allowed})").format(
            value=value, allowed=", ".join(RelType)), field="type") from None


def parse_name(value: str) -> str:
    return required_text(value, "name", NAME_MAX, _("A CI name is required"), _("Name"))


def field_value(f: FieldDef, raw: object) -> Any:
    """A class field's value from user text or a Python value; None means "not set"."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        if f.required:
            raise ValidationError(_("{field} is required").format(field=f.name), field=f.name)
        return None
    text = clean_text(raw.strip(), f.name, f.name) if isinstance(raw, str) else raw
    try:
        if f.type == FieldType.TEXT:
            return str(text)
        if f.type == FieldType.INTEGER:
            if isinstance(text, bool):
                raise ValueError
            return int(text)
        if f.type == FieldType.DECIMAL:
            if isinstance(text, bool):
                raise ValueError
            number = Decimal(str(text))
            if not number.is_finite():
                raise ValueError
            return float(number)
        if f.type == FieldType.BOOLEAN:
            if isinstance(text, bool):
                return text
            low = str(text).lower()
            if low in ("true", "yes", "1", "y"):
                return True
            if low in ("false", "no", "0", "n"):
                return False
            raise ValueError
        if f.type == FieldType.DATE:
            if isinstance(text, date):
                return text.isoformat()
            return date.fromisoformat(str(text)).isoformat()
    except (ValueError, InvalidOperation):
        pass
    raise ValidationError(_("{field} must be {type}, not {value!r}").format(
        field=f.name, type=_type_label(f.type), value=raw), field=f.name)


def _type_label(t: str) -> str:
    return {
        FieldType.TEXT: _("text"), FieldType.INTEGER: _("a whole number"),
        FieldType.DECIMAL: _("a number"), FieldType.BOOLEAN: _("true or false"),
        FieldType.DATE: _("a date (YYYY-MM-DD)"),
    }.get(t, t)


def field_text(value: Any) -> str:
    """A class field's value as CSV/display text (the inverse of ``field_value``)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value)) if abs(value) < 1e15 else repr(value)
    return str(value)


def check_attributes(fields: Sequence[FieldDef], values: Mapping[str, Any]) -> dict[str, Any]:
    """Validate a CI's class fields; unknown names are refused, missing required ones too."""
    by_name = {f.name: f for f in fields}
    unknown = sorted(set(values) - set(by_name))
    if unknown:
        raise ValidationError(_("The class has no field {field}").format(field=unknown[0]),
                              field=unknown[0])
    out: dict[str, Any] = {}
    for f in fields:
        v = field_value(f, values.get(f.name))
        if v is not None:
            out[f.name] = v
    return out


def check_field_defs(fields: Iterable[Mapping[str, Any] | FieldDef]) -> tuple[FieldDef, ...]:
    out: list[FieldDef] = []
    seen: set[str] = set()
    for f in fields:
        d = f if isinstance(f, FieldDef) else FieldDef(
            str(f.get("name", "")).strip(), str(f.get("type", "text")),
            bool(f.get("required", False)))
        if not _FIELD_NAME.match(d.name):
            raise ValidationError(_("Field name {name!r}: use lower-case letters, digits and "
                                    "underscores, starting with a letter").format(name=d.name),
                                  field="fields")
        if d.name in CORE_COLUMNS or d.name in seen:
            raise ValidationError(_("The field name {name} is taken").format(name=d.name),
                                  field="fields")
        if d.type not in FieldType._value2member_map_:
            raise ValidationError(_("Unknown field type {type} (one of: {allowed})").format(
                type=d.type, allowed=", ".join(FieldType)), field="fields")
        seen.add(d.name)
        out.append(d)
    return tuple(out)


def _fields_of(c: CiClass) -> tuple[FieldDef, ...]:
    return tuple(FieldDef(f["name"], f.get("type", "text"), bool(f.get("required", False)))
                 for f in (c.fields or []))


def _class_view(c: CiClass, count: int = 0) -> ClassView:
    return ClassView(c.id, c.name, c.label, c.is_service, c.builtin, _fields_of(c), count)


# ---------------------------------------------------------------- classes


def list_classes(db: Database, with_counts: bool = False) -> list[ClassView]:
    with db.read() as s:
        return classes_in(s, with_counts)


def classes_in(s: Session, with_counts: bool = False) -> list[ClassView]:
    counts: dict[uuid.UUID, int] = {}
    if with_counts:
        counts = dict(s.execute(  # type: ignore[arg-type]
            select(ConfigurationItem.class_id, func.count())
            .where(ConfigurationItem.deleted_at.is_(None))
            .group_by(ConfigurationItem.class_id)).all())
    rows = s.scalars(select(CiClass).where(CiClass.deleted_at.is_(None)))
    return [_class_view(c, counts.get(c.id, 0)) for c in sorted(rows, key=class_order)]


def class_order(c: CiClass | ClassView) -> tuple[bool, str]:
    """Built-in classes from service down to location (their fixed ids are in that order),
    then the administrators' classes by name."""
    return (not c.builtin, str(c.id) if c.builtin else c.name)


def create_class(db: Database, actor_id: uuid.UUID | None, name: str, label: str = "",
                 fields: Iterable[Mapping[str, Any] | FieldDef] = (),
                 is_service: bool = False) -> Written[ClassView]:
    key = (name or "").strip().lower().replace(" ", "_").replace("-", "_")
    if not _FIELD_NAME.match(key):
        raise ValidationError(_("Class name {name!r}: use letters, digits and underscores, "
                                "starting with a letter").format(name=name), field="name")
    defs = check_field_defs(fields)
    with db.write() as s:
        if s.scalar(select(CiClass.id).where(CiClass.name == key)) is not None:
            raise ValidationError(_("The class {name} exists already").format(name=key),
                                  field="name")
        c = CiClass(name=key, label=(label or "").strip() or label_from_name(key),
                    is_service=is_service, builtin=False,
                    fields=[{"name": d.name, "type": d.type, "required": d.required}
                            for d in defs])
        s.add(c)
        s.flush()
        view = _class_view(c)
    return Written(view, changes_of(s))


def set_class_fields(db: Database, actor_id: uuid.UUID | None, class_id: uuid.UUID,
                     fields: Iterable[Mapping[str, Any] | FieldDef]) -> Written[ClassView]:
    """Replace a class's field list. Values of removed fields stay stored on the CIs but are no
    longer shown or exported; a new required field applies to later edits and imports."""
    defs = check_field_defs(fields)
    with db.write() as s:
        c = s.get(CiClass, class_id)
        if c is None or c.deleted_at is not None:
            raise NotFound(_("The CI class no longer exists"))
        c.fields = [{"name": d.name, "type": d.type, "required": d.required} for d in defs]
        s.flush()
        view = _class_view(c)
    return Written(view, changes_of(s))


def class_by_name(s: Session, name: str) -> CiClass:
    key = (name or "").strip().lower().replace(" ", "_")
    c = s.scalar(select(CiClass).where(CiClass.name == key, CiClass.deleted_at.is_(None)))
    if c is None:
        raise ValidationError(_("Unknown CI class {name}").format(name=name), field="class")
    return c


# ---------------------------------------------------------------- CI reads

SORT_COLUMNS = {
    "name": ConfigurationItem.name,
    "class": CiClass.name,
    "status": ConfigurationItem.status,
    "environment": ConfigurationItem.environment,
    "criticality": ConfigurationItem.criticality,
    "owner_group": Group.name,
    "external_id": ConfigurationItem.external_id,
    "updated_at": ConfigurationItem.updated_at,
}


def _list_query(flt: CiFilter) -> Select[Any]:
    q = (select(ConfigurationItem.id, ConfigurationItem.name, CiClass.name,
                ConfigurationItem.status, ConfigurationItem.environment,
                ConfigurationItem.criticality, Group.name, ConfigurationItem.external_id,
                ConfigurationItem.updated_at)
         .join(CiClass, CiClass.id == ConfigurationItem.class_id)
         .outerjoin(Group, Group.id == ConfigurationItem.owner_group_id)
         .where(ConfigurationItem.deleted_at.is_(None)))
    return _filtered(q, flt)


def _filtered(q: Select[Any], flt: CiFilter) -> Select[Any]:
    if flt.class_id is not None:
        q = q.where(ConfigurationItem.class_id == flt.class_id)
    if flt.status:
        q = q.where(ConfigurationItem.status == flt.status)
    if flt.environment:
        q = q.where(ConfigurationItem.environment == flt.environment)
    text = search_text(flt.text).strip()
    if text:
        pattern = f"%{escape_like(text.lower())}%"
        q = q.where(or_(func.lower(ConfigurationItem.name).like(pattern, escape="\\"),
                        func.lower(ConfigurationItem.external_id).like(pattern, escape="\\"),
                        func.lower(ConfigurationItem.asset_tag).like(pattern, escape="\\"),
                        func.lower(ConfigurationItem.serial).like(pattern, escape="\\")))
    return q


def count_cis(db: Database, flt: CiFilter) -> int:
    q = _filtered(select(func.count()).select_from(ConfigurationItem)
                  .where(ConfigurationItem.deleted_at.is_(None)), flt)
    with db.read() as s:
        return int(s.scalar(q) or 0)


# The CiRow attribute holding each sort key's value: a page's last row is the next cursor.
_SORT_ATTRS = {
    "name": "name", "class": "class_name", "status": "status", "environment": "environment",
    "criticality": "criticality", "owner_group": "owner_group", "external_id": "external_id",
    "updated_at": "updated_at",
}


@dataclass(frozen=True)
class CiPage:
    """The first page of a CI list with the number of CIs the filter matches."""

    total: int
    rows: list[CiRow]


def first_ci_page(db: Database, flt: CiFilter, limit: int) -> CiPage:
    """The count and the first page in one snapshot, so the count matches the rows."""
    count = _filtered(select(func.count()).select_from(ConfigurationItem)
                      .where(ConfigurationItem.deleted_at.is_(None)), flt)
    with db.snapshot() as s:
        total = int(s.scalar(count) or 0)
        rows = [CiRow(*r) for r in s.execute(_page_query(flt, limit, None))]
    return CiPage(total, rows)


def page_cis(db: Database, flt: CiFilter, limit: int,
             after: CiRow | None = None) -> list[CiRow]:
    """One page of the CI list sorted in the database: the first one, or the one following
    the row ``after`` (keyset: read from its sort key and id, never OFFSET, so a page costs
    the same deep in the list and rows inserted above do not shift it)."""
    with db.read() as s:
        return [CiRow(*r) for r in s.execute(_page_query(flt, limit, after))]


def _page_query(flt: CiFilter, limit: int, after: CiRow | None) -> Select[Any]:
    key = flt.sort if flt.sort in SORT_COLUMNS else "name"
    col = SORT_COLUMNS[key]
    cid = ConfigurationItem.id
    # Empty values (no owner group, no external id) sort last ascending and first descending
    # on both databases: an explicit IS NULL key instead of each database's default.
    missing = case((col.is_(None), 1), else_=0)
    if flt.descending:
        order = [missing.desc(), col.desc(), cid.desc()]
    else:
        order = [missing.asc(), col.asc(), cid.asc()]
    q = _list_query(flt)
    if after is not None:
        value = getattr(after, _SORT_ATTRS[key])
        if not flt.descending:
            q = q.where(and_(col.is_(None), cid > after.id) if value is None else or_(
                col.is_(None), col > value, and_(col == value, cid > after.id)))
        else:
            q = q.where(or_(col.is_not(None), cid < after.id) if value is None else and_(
                col.is_not(None), or_(col < value, and_(col == value, cid < after.id))))
    return q.order_by(*order).limit(limit)


def search_cis(db: Database, text: str, limit: int = 20,
               exclude: Iterable[uuid.UUID] = ()) -> list[CiRow]:
    """Search-as-you-type: names starting with the text first, then names containing it."""
    text = search_text(text).strip()
    if not text:
        return []
    low = escape_like(text.lower())
    starts = func.lower(ConfigurationItem.name).like(f"{low}%", escape="\\")
    q = _list_query(CiFilter(text=text))
    excluded = list(exclude)
    if excluded:
        q = q.where(ConfigurationItem.id.not_in(excluded))
    q = q.order_by(case((starts, 0), else_=1), ConfigurationItem.name).limit(limit)
    with db.read() as s:
        return [CiRow(*r) for r in s.execute(q)]


def _load_ci(s: Session, ci_id: uuid.UUID) -> ConfigurationItem:
    ci = s.get(ConfigurationItem, ci_id)
    if ci is None or ci.deleted_at is not None:
        raise NotFound(_("The configuration item no longer exists"))
    return ci


def _ci_view(s: Session, ci: ConfigurationItem) -> CiView:
    c = s.get(CiClass, ci.class_id)
    assert c is not None
    group = s.get(Group, ci.owner_group_id) if ci.owner_group_id else None
    loc = s.get(ConfigurationItem, ci.location_id) if ci.location_id else None
    cv = _class_view(c)
    return CiView(ci.id, ci.row_version, ci.name, ci.class_id, c.name, cv.display, c.is_service,
                  ci.status, ci.environment, ci.criticality, ci.owner_group_id,
                  group.name if group else None, ci.location_id, loc.name if loc else None,
                  ci.asset_tag, ci.serial, ci.external_id, dict(ci.attributes or {}),
                  cv.fields, ci.created_at, ci.updated_at)


def get_ci(db: Database, ci_id: uuid.UUID) -> CiView:
    with db.read() as s:
        return _ci_view(s, _load_ci(s, ci_id))


def ci_relationships(db: Database, ci_id: uuid.UUID) -> list[RelationView]:
    """Both directions: what this CI depends on (outgoing) and what depends on it."""
    with db.read() as s:
        return _relationships_in(s, ci_id)


def _relationships_in(s: Session, ci_id: uuid.UUID) -> list[RelationView]:
    other = aliased(ConfigurationItem)
    out: list[RelationView] = []
    for outgoing, mine, theirs in ((True, CiRelationship.source_id, CiRelationship.target_id),
                                   (False, CiRelationship.target_id, CiRelationship.source_id)):
        rows = s.execute(
            select(CiRelationship.id, CiRelationship.type, other.id, other.name, CiClass.name)
            .join(other, other.id == theirs)
            .join(CiClass, CiClass.id == other.class_id)
            .where(mine == ci_id, CiRelationship.deleted_at.is_(None),
                   other.deleted_at.is_(None))
            .order_by(CiRelationship.type, other.name))
        out.extend(RelationView(r[0], r[1], outgoing, r[2], r[3], r[4]) for r in rows)
    return out


@dataclass(frozen=True)
class CiDetail:
    """Everything the CI detail pane shows, from one snapshot."""

    ci: CiView
    relations: list[RelationView]
    tickets: list[LinkedTicket]
    history: list[HistoryEntry]
    actors: dict[uuid.UUID, str]  # display names of the people in ``history``


def ci_detail(db: Database, ci_id: uuid.UUID) -> CiDetail:
    with db.snapshot() as s:
        ci = _ci_view(s, _load_ci(s, ci_id))
        history = _history_in(s, ci_id)
        wanted = list({h.actor_id for h in history if h.actor_id is not None})
        actors: dict[uuid.UUID, str] = {}
        for i in range(0, len(wanted), 500):
            actors.update(s.execute(select(User.id, User.display_name)  # type: ignore[arg-type]
                                    .where(User.id.in_(wanted[i:i + 500]))).all())
        return CiDetail(ci, _relationships_in(s, ci_id), _ci_tickets_in(s, ci_id), history,
                        actors)


def _ticket_cols() -> tuple[Any, ...]:
    return (Ticket.id, Ticket.number, Ticket.kind, Ticket.title, Ticket.status,
            Ticket.priority, Ticket.opened_at, Ticket.major_incident, Ticket.parent_id)


def ci_tickets(db: Database, ci_id: uuid.UUID, open_only: bool = False,
               limit: int = 500) -> list[LinkedTicket]:
    with db.read() as s:
        return _ci_tickets_in(s, ci_id, open_only, limit)


def _ci_tickets_in(s: Session, ci_id: uuid.UUID, open_only: bool = False,
                   limit: int = 500) -> list[LinkedTicket]:
    q = (select(*_ticket_cols(), TicketCi.ci_id)
         .join(TicketCi, TicketCi.ticket_id == Ticket.id)
         .where(TicketCi.ci_id == ci_id, TicketCi.deleted_at.is_(None),
                Ticket.deleted_at.is_(None))
         .order_by(Ticket.opened_at.desc()).limit(limit))
    if open_only:
        q = q.where(Ticket.status.in_(sorted(OPEN_STATUSES)))
    return [LinkedTicket(*r) for r in s.execute(q)]


def open_tickets_on(db: Database, ci_ids: Sequence[uuid.UUID],
                    exclude_ticket: uuid.UUID | None = None) -> list[LinkedTicket]:
    """Open tickets linked to any of ``ci_ids`` (one line per ticket and CI)."""
    with db.read() as s:
        return open_tickets_in(s, ci_ids, exclude_ticket)


def open_tickets_in(s: Session, ci_ids: Sequence[uuid.UUID],
                    exclude_ticket: uuid.UUID | None = None) -> list[LinkedTicket]:
    if not ci_ids:
        return []
    q = (select(*_ticket_cols(), TicketCi.ci_id)
         .join(TicketCi, TicketCi.ticket_id == Ticket.id)
         .where(TicketCi.ci_id.in_(list(ci_ids)), TicketCi.deleted_at.is_(None),
                Ticket.deleted_at.is_(None), Ticket.status.in_(sorted(OPEN_STATUSES)))
         .order_by(Ticket.opened_at))
    if exclude_ticket is not None:
        q = q.where(Ticket.id != exclude_ticket)
    return [LinkedTicket(*r) for r in s.execute(q)]


def ci_history(db: Database, ci_id: uuid.UUID) -> list[HistoryEntry]:
    with db.read() as s:
        return _history_in(s, ci_id)


def _history_in(s: Session, ci_id: uuid.UUID) -> list[HistoryEntry]:
    rows = s.execute(
        select(AuditEntry.created_at, AuditEntry.actor_id, AuditEntry.field,
               AuditEntry.old_value, AuditEntry.new_value)
        .where(AuditEntry.table_name == AUDIT_TABLE, AuditEntry.record_id == ci_id)
        .order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc()))
    return [HistoryEntry(*r) for r in rows]


def ticket_cis(db: Database, ticket_id: uuid.UUID) -> list[CiRow]:
    with db.read() as s:
        return ticket_cis_in(s, ticket_id)


def ticket_cis_in(s: Session, ticket_id: uuid.UUID) -> list[CiRow]:
    q = (_list_query(CiFilter())
         .join(TicketCi, TicketCi.ci_id == ConfigurationItem.id)
         .where(TicketCi.ticket_id == ticket_id, TicketCi.deleted_at.is_(None))
         .order_by(ConfigurationItem.name))
    return [CiRow(*r) for r in s.execute(q)]


def ci_ids_for_names(db: Database, names: Sequence[str]) -> tuple[dict[str, uuid.UUID], list[str]]:
    """CI ids for user-given names (``class:name`` when a name is ambiguous).

    Returns (found, problems): problems are one message per unknown or ambiguous name.
    """
    found: dict[str, uuid.UUID] = {}
    problems: list[str] = []
    with db.read() as s:
        for raw in names:
            matches = ci_by_reference(s, raw)
            if len(matches) == 1:
                found[raw] = matches[0]
            elif not matches:
                problems.append(_("no CI named {name}").format(name=raw))
            else:
                problems.append(_("{name} is ambiguous; write class:name").format(name=raw))
    return found, problems


def ci_by_reference(s: Session, ref: str) -> list[uuid.UUID]:
    ref = search_text(ref).strip()
    ids = list(s.scalars(select(ConfigurationItem.id).where(
        ConfigurationItem.name == ref, ConfigurationItem.deleted_at.is_(None))))
    if ids or ":" not in ref:
        return ids
    cls, _sep, name = ref.partition(":")
    return list(s.scalars(
        select(ConfigurationItem.id).join(CiClass, CiClass.id == ConfigurationItem.class_id)
        .where(CiClass.name == cls.strip().lower(), ConfigurationItem.name == name.strip(),
               ConfigurationItem.deleted_at.is_(None))))


# ---------------------------------------------------------------- CI writes


def _audit(s: Session, actor_id: uuid.UUID | None, ci_id: uuid.UUID, name: str, old: object,
           new: object, at: datetime) -> None:
    s.add(AuditEntry(actor_id=actor_id, table_name=AUDIT_TABLE, record_id=ci_id, field=name,
                     old_value=stored_text(old), new_value=stored_text(new), created_at=at))


def _check_refs(s: Session, owner_group_id: uuid.UUID | None,
                location_id: uuid.UUID | None, ci_id: uuid.UUID | None = None) -> None:
    if owner_group_id is not None and s.scalar(select(Group.id).where(
            Group.id == owner_group_id, Group.deleted_at.is_(None))) is None:
        raise ValidationError(_("The owner group no longer exists"), field="owner_group_id")
    if location_id is not None:
        if location_id == ci_id:
            raise ValidationError(_("A CI cannot be its own location"), field="location_id")
        loc = s.get(ConfigurationItem, location_id)
        if loc is None or loc.deleted_at is not None:
            raise ValidationError(_("The location no longer exists"), field="location_id")


def _check_unique(s: Session, class_id: uuid.UUID, name: str, external_id: str | None,
                  ci_id: uuid.UUID | None = None) -> None:
    q = select(ConfigurationItem.id).where(ConfigurationItem.class_id == class_id,
                                           ConfigurationItem.name == name)
    if ci_id is not None:
        q = q.where(ConfigurationItem.id != ci_id)
    if s.scalar(q) is not None:
        raise ValidationError(_("A CI of this class named {name} exists already").format(
            name=name), field="name")
    if external_id:
        q = select(ConfigurationItem.id).where(ConfigurationItem.external_id == external_id)
        if ci_id is not None:
            q = q.where(ConfigurationItem.id != ci_id)
        if s.scalar(q) is not None:
            raise ValidationError(_("The external id {id} is used by another CI").format(
                id=external_id), field="external_id")


# The CI's optional text columns: length limit and name as the user sees it.
_OPTIONAL_TEXT = {"asset_tag": (80, N_("Asset tag")), "serial": (120, N_("Serial")),
                  "external_id": (200, N_("External id"))}


def _opt(field: str, value: str | None) -> str | None:
    limit, label = _OPTIONAL_TEXT[field]
    value = clean_text((value or "").strip(), field, _(label))
    return value[:limit] if value else None


def create_ci(db: Database, actor_id: uuid.UUID | None, new: CiInput,
              at: datetime | None = None) -> Written[CiView]:
    at = at or utcnow()
    name = parse_name(new.name)
    status = parse_status(new.status)
    env = parse_environment(new.environment)
    crit = parse_criticality(new.criticality)
    with db.write() as s:
        c = class_by_name(s, new.class_name)
        attrs = check_attributes(_fields_of(c), new.attributes)
        external_id = _opt("external_id", new.external_id)
        _check_unique(s, c.id, name, external_id)
        _check_refs(s, new.owner_group_id, new.location_id)
        ci = ConfigurationItem(
            name=name, class_id=c.id, status=status, environment=env, criticality=crit,
            owner_group_id=new.owner_group_id, location_id=new.location_id,
            asset_tag=_opt("asset_tag", new.asset_tag), serial=_opt("serial", new.serial),
            external_id=external_id, attributes=attrs, created_at=at, updated_at=at)
        s.add(ci)
        s.flush()
        _audit(s, actor_id, ci.id, "created", None, f"{c.name}:{name}", at)
        touch_graph(s)
        s.flush()
        view = _ci_view(s, ci)
    return Written(view, changes_of(s))


EDITABLE_CI_FIELDS = ("name", "class_name", "status", "environment", "criticality",
                      "owner_group_id", "location_id", "asset_tag", "serial", "external_id",
                      "attributes")


def update_ci(db: Database, actor_id: uuid.UUID | None, ci_id: uuid.UUID,
              expected_version: int, changes: Mapping[str, Any],
              at: datetime | None = None) -> Written[CiView]:
    """Apply edits; ``attributes`` replaces the class fields' values as a whole."""
    from sqlalchemy.orm.exc import StaleDataError

    at = at or utcnow()
    unknown = set(changes) - set(EDITABLE_CI_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    try:
        with db.write() as s:
            ci = _load_ci(s, ci_id)
            if ci.row_version != expected_version:
                raise CiConflict(_ci_view(s, ci))
            apply_ci_changes(s, actor_id, ci, changes, at)
            s.flush()
            view = _ci_view(s, ci)
    except StaleDataError:
        raise CiConflict(get_ci(db, ci_id)) from None
    return Written(view, changes_of(s))


def apply_ci_changes(s: Session, actor_id: uuid.UUID | None, ci: ConfigurationItem,
                     changes: Mapping[str, Any], at: datetime) -> bool:
    """Validate and apply; audit each difference. Returns whether anything changed."""
    new: dict[str, Any] = {}
    cls = s.get(CiClass, ci.class_id)
    assert cls is not None
    if "name" in changes:
        new["name"] = parse_name(changes["name"])
    if "class_name" in changes:
        cls = class_by_name(s, changes["class_name"])
        new["class_id"] = cls.id
    if "status" in changes:
        new["status"] = str(parse_status(changes["status"]))
    if "environment" in changes:
        new["environment"] = str(parse_environment(changes["environment"]))
    if "criticality" in changes:
        new["criticality"] = parse_criticality(changes["criticality"])
    for key in _OPTIONAL_TEXT:
        if key in changes:
            new[key] = _opt(key, changes[key])
    for key in ("owner_group_id", "location_id"):
        if key in changes:
            new[key] = changes[key]
    if "attributes" in changes or "class_id" in new:
        source = changes.get("attributes", ci.attributes or {})
        fields = _fields_of(cls)
        names = {f.name for f in fields}
        # On a class change, values of fields the new class lacks are dropped.
        source = {k: v for k, v in source.items() if "class_id" not in new or k in names}
        new["attributes"] = check_attributes(fields, source)
    new = {k: v for k, v in new.items() if getattr(ci, k) != v}
    if not new:
        return False
    if {"name", "class_id", "external_id"} & set(new):
        _check_unique(s, new.get("class_id", ci.class_id), new.get("name", ci.name),
                      new.get("external_id", ci.external_id), ci.id)
    _check_refs(s, new.get("owner_group_id"), new.get("location_id"), ci.id)
    for key, value in new.items():
        if key == "attributes":
            old_attrs = ci.attributes or {}
            for k in sorted(set(old_attrs) | set(value)):
                if old_attrs.get(k) != value.get(k):
                    _audit(s, actor_id, ci.id, f"attributes.{k}", old_attrs.get(k),
                           value.get(k), at)
        else:
            _audit(s, actor_id, ci.id, key, getattr(ci, key), value, at)
        setattr(ci, key, value)
    ci.updated_at = at
    touch_graph(s)
    return True


def delete_ci(db: Database, actor_id: uuid.UUID | None, ci_id: uuid.UUID) -> Changes:
    """Soft delete the CI with its relationships and ticket links (history stays)."""
    at = utcnow()
    with db.write() as s:
        ci = _load_ci(s, ci_id)
        ci.deleted_at = at
        for rel in s.scalars(select(CiRelationship).where(
                or_(CiRelationship.source_id == ci_id, CiRelationship.target_id == ci_id),
                CiRelationship.deleted_at.is_(None))):
            rel.deleted_at = at
        for link in s.scalars(select(TicketCi).where(TicketCi.ci_id == ci_id,
                                                     TicketCi.deleted_at.is_(None))):
            link.deleted_at = at
        _audit(s, actor_id, ci_id, "deleted", ci.name, None, at)
        touch_graph(s)
    return changes_of(s)


# ---------------------------------------------------------------- relationships


def add_relationship(db: Database, actor_id: uuid.UUID | None, source_id: uuid.UUID,
                     rel_type: str, target_id: uuid.UUID) -> Written[uuid.UUID]:
    t = parse_rel_type(rel_type)
    if source_id == target_id:
        raise ValidationError(_("A CI cannot be related to itself"), field="target")
    at = utcnow()
    with db.write() as s:
        src = _load_ci(s, source_id)
        dst = _load_ci(s, target_id)
        rel = s.scalar(select(CiRelationship).where(
            CiRelationship.source_id == source_id, CiRelationship.type == t,
            CiRelationship.target_id == target_id))
        if rel is not None and rel.deleted_at is None:
            raise ValidationError(_("{source} {type} {target} exists already").format(
                source=src.name, type=t.label, target=dst.name), field="target")
        if rel is None:
            rel = CiRelationship(source_id=source_id, type=t, target_id=target_id,
                                 created_at=at, updated_at=at)
            s.add(rel)
        else:
            rel.deleted_at = None
            rel.updated_at = at
        _audit(s, actor_id, source_id, f"relationship.{t}", None, dst.name, at)
        touch_graph(s)
        s.flush()
        rel_id = rel.id
    return Written(rel_id, changes_of(s))


def remove_relationship(db: Database, actor_id: uuid.UUID | None,
                        rel_id: uuid.UUID) -> Changes:
    at = utcnow()
    with db.write() as s:
        rel = s.get(CiRelationship, rel_id)
        if rel is None or rel.deleted_at is not None:
            raise NotFound(_("The relationship no longer exists"))
        rel.deleted_at = at
        rel.updated_at = at
        dst = s.get(ConfigurationItem, rel.target_id)
        _audit(s, actor_id, rel.source_id, f"relationship.{rel.type}",
               dst.name if dst else str(rel.target_id), None, at)
        touch_graph(s)
    return changes_of(s)


# ---------------------------------------------------------------- ticket links


def link_ci(db: Database, actor_id: uuid.UUID | None, ticket_id: uuid.UUID,
            ci_id: uuid.UUID) -> Changes:
    """Mark a CI as affected by a ticket (recorded in the ticket's audit trail)."""
    at = utcnow()
    with db.write() as s:
        ticket = s.get(Ticket, ticket_id)
        if ticket is None or ticket.deleted_at is not None:
            raise NotFound(_("The ticket no longer exists"))
        ci = _load_ci(s, ci_id)
        link = s.scalar(select(TicketCi).where(TicketCi.ticket_id == ticket_id,
                                               TicketCi.ci_id == ci_id))
        if link is not None and link.deleted_at is None:
            return Changes()
        if link is None:
            s.add(TicketCi(ticket_id=ticket_id, ci_id=ci_id, created_at=at, updated_at=at))
        else:
            link.deleted_at = None
            link.updated_at = at
        s.add(AuditEntry(actor_id=actor_id, table_name="tickets", record_id=ticket_id,
                         field="affected_ci", old_value=None, new_value=ci.name,
                         created_at=at))
    return changes_of(s)


def unlink_ci(db: Database, actor_id: uuid.UUID | None, ticket_id: uuid.UUID,
              ci_id: uuid.UUID) -> Changes:
    at = utcnow()
    with db.write() as s:
        link = s.scalar(select(TicketCi).where(TicketCi.ticket_id == ticket_id,
                                               TicketCi.ci_id == ci_id,
                                               TicketCi.deleted_at.is_(None)))
        if link is None:
            return Changes()
        link.deleted_at = at
        link.updated_at = at
        ci = s.get(ConfigurationItem, ci_id)
        s.add(AuditEntry(actor_id=actor_id, table_name="tickets", record_id=ticket_id,
                         field="affected_ci", old_value=ci.name if ci else str(ci_id),
                         new_value=None, created_at=at))
    return changes_of(s)


def open_incident_counts(s: Session, ci_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, int]:
    if not ci_ids:
        return {}
    rows = s.execute(
        select(TicketCi.ci_id, func.count())
        .join(Ticket, and_(Ticket.id == TicketCi.ticket_id, Ticket.deleted_at.is_(None)))
        .where(TicketCi.ci_id.in_(list(ci_ids)), TicketCi.deleted_at.is_(None),
               Ticket.kind == Kind.INCIDENT, Ticket.status.in_(sorted(OPEN_STATUSES)))
        .group_by(TicketCi.ci_id))
    return {r[0]: int(r[1]) for r in rows}
