"""Record types: what a queue lists. One registry, so a second kind of record (knowledge
articles, change approvals, fulfilment tasks) is a ``RecordType`` with its own table, columns
and filter, not a copy of the engine.

The engine (``desk.queues.sql``, ``service``) builds every select from the view's record type
(``ViewSpec.record``): its table (with ``id``, ``updated_at``, ``deleted_at``), the tables it
may join, its core columns (plus those registered for it in ``desk.queues.columns``), its
criteria (what the fixed fields of ``Filter`` mean for it), the filter terms registered for it
(``desk.queues.terms``), its full-text search and how a result row becomes a row object.
Tickets are the built-in type (``desk.queues.tickets``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import ColumnElement, Table

from desk.queues import columns
from desk.queues.columns import JoinSpec, QueryContext, QueueColumn
from desk.queues.spec import Filter


class TextSearch(Protocol):
    """A full-text query of one record type (``desk.queues.fulltext.TextQuery`` for tickets)."""

    @property
    def empty(self) -> bool: ...

    def condition(self) -> ColumnElement[bool]: ...

    def relevance(self) -> tuple[Any | None, list[tuple[ColumnElement[Any], bool]]]: ...

    def join_on(self, sub: Any) -> ColumnElement[bool]: ...


@dataclass(frozen=True)
class RecordType:
    key: str
    table: Table
    joins: Mapping[str, JoinSpec]
    core_columns: tuple[QueueColumn, ...]
    # Columns of ``table`` every row carries after the core ones (tickets: the major incident
    # flag and the row version).
    tail: tuple[str, ...]
    # The row object from a result row (id, core values…, tail values…, registered
    # columns' values named by the keys given) and its sort key values.
    make_row: Callable[[Any, Sequence[str], tuple[Any, ...]], Any]
    # The WHERE terms of the fixed ``Filter`` fields ("my groups" needs the signed-in user).
    criteria: Callable[[Filter, Any], list[ColumnElement[bool]]]
    # ``(dialect, text) -> TextSearch``; None: the type has no full-text search.
    text_search: Callable[[str, str], TextSearch] | None = None

    def context(self, dialect: str) -> QueryContext:
        return QueryContext(dialect, base=self.table, joins=self.joins)


_types: dict[str, RecordType] = {}


def register_record_type(record: RecordType) -> None:
    """Add a record type (idempotent for the same object) with its core columns."""
    if _types.get(record.key) is record:
        return
    if record.key in _types:
        raise ValueError(f"record type {record.key!r} is already registered")
    columns.define_core_columns(record.key, record.core_columns)
    _types[record.key] = record


def record_type(key: str) -> RecordType:
    try:
        return _types[key]
    except KeyError:
        raise KeyError(f"unknown record type {key!r}") from None
