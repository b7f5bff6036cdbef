"""The ticket record type, the queue engine's built-in one: the ``tickets`` table with its
joins and core columns (``desk.queues.columns``), what the fields of ``Filter`` mean for
tickets, their full-text search (``desk.queues.fulltext``) and ``QueueRow``.

Terms that partial indexes depend on (open statuses, not deleted, unassigned, major incident)
are rendered as the literal SQL of the index definitions (``desk.models.views``): SQLite uses a
partial index only when the query repeats its WHERE terms, and PostgreSQL cannot prove a
generic plan's bound parameters imply them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import fields
from types import MappingProxyType
from typing import Any

from sqlalchemy import ColumnElement, Row, false, or_, text, true

from desk.models.views import OPEN_STATUS_SQL
from desk.queues.asof import within_days
from desk.queues.columns import CORE_COLUMNS, JOINS, TICKET, TICKETS, QueueRow
from desk.queues.fulltext import TextQuery
from desk.queues.records import RecordType, register_record_type
from desk.queues.spec import Filter
from desk.services.people import CurrentUser

C = TICKETS.c


def criteria(f: Filter, me: CurrentUser) -> list[ColumnElement[bool]]:
    out: list[ColumnElement[bool]] = []
    if f.open_only:
        out.append(text(f"tickets.{OPEN_STATUS_SQL}"))
    if f.statuses:
        out.append(C.status.in_(list(f.statuses)))
    if f.kinds:
        out.append(C.kind.in_(list(f.kinds)))
    if f.priorities:
        out.append(C.priority.in_(list(f.priorities)))
    if f.my_groups or f.group_ids:
        groups = set(f.group_ids) | (set(me.group_ids) if f.my_groups else set())
        out.append(C.group_id.in_(sorted(groups)) if groups else false())
    assignee: list[ColumnElement[bool]] = []
    if f.assigned_to_me:
        assignee.append(C.assignee_id == me.id)
    if f.unassigned:
        assignee.append(C.assignee_id.is_(None))
    if f.assignee_ids:
        assignee.append(C.assignee_id.in_(list(f.assignee_ids)))
    if len(assignee) == 1:
        out.append(assignee[0])
    elif assignee:
        out.append(or_(*assignee))
    for ids, column in ((f.requester_ids, C.requester_id),
                        (f.organization_ids, C.organization_id),
                        (f.category_ids, C.category_id)):
        if ids:
            out.append(column.in_(list(ids)))
    if f.channels:
        out.append(C.channel.in_(list(f.channels)))
    if f.major_incident is not None:
        out.append(C.major_incident == (true() if f.major_incident else false()))
    for value, column, op in ((f.created_from, C.created_at, "ge"),
                              (f.created_to, C.created_at, "lt"),
                              (f.updated_from, C.updated_at, "ge"),
                              (f.updated_to, C.updated_at, "lt")):
        if value is not None:
            out.append(column >= value if op == "ge" else column < value)
    if f.created_within_days is not None:
        out.append(within_days(C.created_at, "created_since", f.created_within_days))
    if f.updated_within_days is not None:
        out.append(within_days(C.updated_at, "updated_since", f.updated_within_days))
    return out


def make_row(r: Row[Any], extra_keys: Sequence[str], sort_key: tuple[Any, ...] = ()
             ) -> QueueRow:
    """A queue row from a result of ``sql.display_columns`` (by position: the id, the core
    columns in ``CORE_COLUMNS`` order — the order of ``QueueRow``'s fields —, the major
    incident flag, the row version, then the registered columns)."""
    extra = (MappingProxyType({k: r[_FIRST_EXTRA + i] for i, k in enumerate(extra_keys)})
             if extra_keys else _NO_EXTRA)
    return QueueRow.of((*r[:_CORE_END], bool(r[_CORE_END]), r[_CORE_END + 1], extra, sort_key))


_NO_EXTRA: Mapping[str, Any] = MappingProxyType({})
_CORE_END = 1 + len(CORE_COLUMNS)
_FIRST_EXTRA = _CORE_END + 2
if tuple(c.attr for c in CORE_COLUMNS) != tuple(
        f.name for f in fields(QueueRow)[1:_CORE_END]):
    raise ImportError("QueueRow's fields and CORE_COLUMNS are out of order")

TICKET_TYPE = RecordType(TICKET, TICKETS, JOINS, CORE_COLUMNS, ("major_incident", "row_version"),
                         make_row, criteria, TextQuery)
register_record_type(TICKET_TYPE)
