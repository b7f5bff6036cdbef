"""The column registries of the queue tables, one per record type (``desk.queues.records``;
the ticket's core columns are here).

Each ``QueueColumn`` says how to select its value, how to sort by it in SQL, which join it
needs and how the UI should present it (``kind``). The Qt model reads the registry, so a
feature above the engine (the SLA: "remaining time to resolution", sortable in SQL) adds a
column with ``register_column`` at start-up without touching the model or the SQL builder.
Values of registered columns arrive in ``QueueRow.extra`` under the column key.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import datetime
from types import MappingProxyType
from typing import Any

from sqlalchemy import ColumnElement, FromClause, Table

from desk.i18n import _
from desk.models import Category, Contact, Group, Organization, Ticket, User
from desk.queues import registry

TICKETS: Table = Ticket.__table__  # type: ignore[assignment]
TICKET = "ticket"  # the key of the ticket record type (desk.queues.records)


@dataclass
class QueryContext:
    """Aliases of the joined tables for one query of a record type's ``base`` table; joins
    (from ``joins``) are added once, on demand."""

    dialect: str
    joined: dict[str, FromClause] = field(default_factory=dict)
    base: Table = TICKETS
    joins: Mapping[str, JoinSpec] = field(default_factory=lambda: JOINS)

    def table(self, join: str) -> FromClause:
        if join not in self.joined:
            self.joined[join] = shared_alias(self.joins[join].table, f"q_{join}")
        return self.joined[join]


_aliases: dict[tuple[str, str], FromClause] = {}


def shared_alias(table: Table, name: str) -> FromClause:
    """``table`` as ``name``, one alias object for every query that uses it: an alias builds
    its column collection on first use, which for the wide ``users`` table costs more than
    the rest of a page query's construction."""
    key = (table.name, name)
    alias = _aliases.get(key)
    if alias is None:
        alias = _aliases[key] = table.alias(name)
    return alias


@dataclass(frozen=True)
class JoinSpec:
    """A table the queue LEFT JOINs by ``<record table>.<ticket_column> = <table>.id``."""

    table: Table
    ticket_column: str


JOINS: dict[str, JoinSpec] = {
    "requester": JoinSpec(Contact.__table__, "requester_id"),  # type: ignore[arg-type]
    "organization": JoinSpec(Organization.__table__, "organization_id"),  # type: ignore[arg-type]
    "group": JoinSpec(Group.__table__, "group_id"),  # type: ignore[arg-type]
    "assignee": JoinSpec(User.__table__, "assignee_id"),  # type: ignore[arg-type]
    "category": JoinSpec(Category.__table__, "category_id"),  # type: ignore[arg-type]
}


def apply_joins(base: FromClause, ctx: QueryContext) -> FromClause:
    joined = base
    for name, alias in ctx.joined.items():
        spec = ctx.joins[name]
        joined = joined.outerjoin(alias, alias.c.id == ctx.base.c[spec.ticket_column])
    return joined


Expr = Callable[[QueryContext], ColumnElement[Any]]


@dataclass(frozen=True)
class QueueColumn:
    key: str
    label: Callable[[], str]  # translated when shown
    kind: str  # presentation: text, number, kind, priority, status, channel, datetime, …
    select: Expr  # the value
    sort: Callable[[QueryContext], Sequence[ColumnElement[Any]]]  # ascending sort keys
    attr: str | None = None  # QueueRow attribute of a core column; None: ``extra[key]``
    width: int = 120
    visible: bool = True  # shown by default

    def value(self, row: QueueRow) -> Any:
        return getattr(row, self.attr) if self.attr else row.extra.get(self.key)


@dataclass(frozen=True)
class QueueRow:
    """One ticket as a queue shows it: raw values (ids, enum values, UTC datetimes) and
    the joined names; formatting is the UI's business."""

    id: uuid.UUID
    number: str
    kind: str
    priority: int
    status: str
    title: str
    requester: str | None
    organization: str | None
    group: str | None
    assignee: str | None
    category: str | None
    channel: str
    created_at: datetime
    updated_at: datetime
    major_incident: bool
    row_version: int
    extra: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    # The row's values of the query's ORDER BY keys: where the next page starts (keyset
    # paging, ``desk.queues.sql.Cursor``). Not part of what the row is.
    sort_key: tuple[Any, ...] = field(default=(), compare=False, repr=False)

    @classmethod
    def of(cls, values: Sequence[Any]) -> QueueRow:
        """``QueueRow(*values)`` (every field given, in order) at under half the cost: a
        frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``, and
        a page of a queue builds 100 rows."""
        if len(values) != len(_ROW_FIELDS):
            raise TypeError(f"QueueRow takes {len(_ROW_FIELDS)} values, not {len(values)}")
        row = _new(cls)
        _set(row, "__dict__", dict(zip(_ROW_FIELDS, values, strict=True)))
        return row


_ROW_FIELDS = tuple(f.name for f in fields(QueueRow))
_new = object.__new__
_set = object.__setattr__


def _t(name: str) -> Expr:
    return lambda ctx: TICKETS.c[name]


def _joined(join: str, column: str) -> Expr:
    return lambda ctx: ctx.table(join).c[column]


def _core(key: str, label: Callable[[], str], kind: str, select: Expr,
          sort: Callable[[QueryContext], Sequence[ColumnElement[Any]]] | None = None,
          attr: str | None = None, width: int = 120, visible: bool = True) -> QueueColumn:
    return QueueColumn(key, label, kind, select,
                       sort if sort is not None else (lambda ctx: [select(ctx)]),
                       attr or key, width, visible)


_C = TICKETS.c
# Sort keys follow the queue indexes (desk/models/views.py): "priority" is priority, then
# least recently updated, exactly the order of the built-in views' indexes.
CORE_COLUMNS: tuple[QueueColumn, ...] = (
    _core("number", lambda: _("Number"), "number", _t("number"),
          lambda ctx: [_C.kind, _C.number], width=100),
    _core("kind", lambda: _("Kind"), "kind", _t("kind"), lambda ctx: [_C.kind, _C.number],
          width=110, visible=False),
    _core("priority", lambda: _("Priority"), "priority", _t("priority"),
          lambda ctx: [_C.priority, _C.updated_at], width=110),
    _core("status", lambda: _("Status"), "status", _t("status"),
          lambda ctx: [_C.status, _C.updated_at], width=130),
    _core("title", lambda: _("Title"), "text", _t("title"), width=320),
    _core("requester", lambda: _("Requester"), "text", _joined("requester", "name")),
    _core("organization", lambda: _("Organization"), "text",
          _joined("organization", "name"), visible=False),
    _core("group", lambda: _("Group"), "text", _joined("group", "name")),
    _core("assignee", lambda: _("Assignee"), "text", _joined("assignee", "display_name")),
    _core("category", lambda: _("Category"), "text", _joined("category", "name"),
          visible=False),
    _core("channel", lambda: _("Channel"), "channel", _t("channel"), width=90, visible=False),
    _core("created", lambda: _("Created"), "datetime", _t("created_at"), attr="created_at",
          width=130),
    _core("updated", lambda: _("Updated"), "datetime", _t("updated_at"), attr="updated_at",
          width=130),
)

# Per record type (``desk.queues.records``): its core columns, then registered ones.
_registries: dict[str, dict[str, QueueColumn]] = {TICKET: {c.key: c for c in CORE_COLUMNS}}
_core_keys: dict[str, frozenset[str]] = {TICKET: frozenset(c.key for c in CORE_COLUMNS)}


def define_core_columns(record: str, core: Sequence[QueueColumn]) -> None:
    """The core columns of a record type (``records.register_record_type``); the ticket's
    are here from the start, so the registry never lacks them."""
    keys = frozenset(c.key for c in core)
    if _core_keys.get(record) == keys:
        return
    if record in _registries:
        raise ValueError(f"record type {record!r} already has other core columns")
    _registries[record] = {c.key: c for c in core}
    _core_keys[record] = keys
    registry.changed()


def _registry(record: str) -> dict[str, QueueColumn]:
    try:
        return _registries[record]
    except KeyError:
        raise KeyError(f"unknown record type {record!r}") from None


def register_column(column: QueueColumn, record: str = TICKET) -> None:
    """Add (or replace) a computed column of ``record``'s queues; its ``attr`` must be None
    (value in ``extra``). Registering the same column object again changes nothing (kept
    selects stay)."""
    if column.attr is not None:
        raise ValueError("registered columns carry their value in QueueRow.extra (attr=None)")
    columns = _registry(record)
    if column.key in _core_keys[record]:
        raise ValueError(f"{column.key!r} is a core column")
    if columns.get(column.key) is column:
        return
    columns[column.key] = column
    registry.changed()


def unregister_column(key: str, record: str = TICKET) -> None:
    if key not in _core_keys[record] and _registry(record).pop(key, None) is not None:
        registry.changed()


def all_columns(record: str = TICKET) -> tuple[QueueColumn, ...]:
    """All columns in display order (core first, then registered ones)."""
    return tuple(_registry(record).values())


def column(key: str, record: str = TICKET) -> QueueColumn:
    try:
        return _registry(record)[key]
    except KeyError:
        raise KeyError(f"unknown queue column {key!r}") from None


def extra_columns(record: str = TICKET) -> tuple[QueueColumn, ...]:
    return tuple(c for c in _registry(record).values() if c.attr is None)
