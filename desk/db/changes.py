"""What a write changed: rows per table and operation, recorded by the unit of work.

A ``Changes`` is recorded by the unit of work (``desk.db.session``), never declared by hand:
the rows each write inserted, updated or deleted, per table, plus the tickets those rows
belong to. Views ask it questions (``touches("saved_views")``, ``ticket_ids``) instead of
comparing table names. The same value will feed database notifications and the offline
outbox, so it carries row keys, not just table names.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Generic, NamedTuple, TypeVar

T = TypeVar("T")

#: A row's primary key: the value itself, or a tuple for a composite key.
Key = object


class RowOp(StrEnum):
    INSERT = "insert"
    UPDATE = "update"
    DELETE = "delete"


def _then(first: RowOp | None, second: RowOp) -> RowOp | None:
    """The net effect of ``first`` followed by ``second`` on one row (``None``: no net row)."""
    if first is None:
        return second
    if first is RowOp.INSERT:
        return None if second is RowOp.DELETE else RowOp.INSERT
    if first is RowOp.DELETE:
        # A row deleted and inserted again under the same key exists before and after.
        return RowOp.UPDATE if second is RowOp.INSERT else RowOp.DELETE
    return second


_EMPTY: Mapping[str, Mapping[Key, RowOp]] = MappingProxyType({})


@dataclass(frozen=True, eq=True)
class Changes:
    """Rows per table (key → net operation) and the ids of the tickets they belong to."""

    rows: Mapping[str, Mapping[Key, RowOp]] = field(default_factory=lambda: _EMPTY)
    ticket_ids: frozenset[uuid.UUID] = field(default_factory=frozenset)

    __hash__ = None  # type: ignore[assignment]  # holds mappings

    def __bool__(self) -> bool:
        return bool(self.rows) or bool(self.ticket_ids)

    def __or__(self, other: Changes) -> Changes:
        if not other:
            return self
        if not self:
            return other
        merged = {table: dict(keys) for table, keys in self.rows.items()}
        for table, keys in other.rows.items():
            _apply(merged.setdefault(table, {}), keys.items())
        return Changes(_freeze(merged), self.ticket_ids | other.ticket_ids)

    @property
    def tables(self) -> frozenset[str]:
        return frozenset(self.rows)

    def touches(self, *tables: str) -> bool:
        """Whether any of ``tables`` had a row inserted, updated or deleted."""
        return any(table in self.rows for table in tables)

    def ids(self, table: str, op: RowOp | None = None) -> frozenset[Key]:
        """The keys of ``table``'s changed rows (only those of ``op`` if given)."""
        keys = self.rows.get(table, {})
        if op is None:
            return frozenset(keys)
        return frozenset(k for k, o in keys.items() if o == op)

    def touches_ticket(self, ticket_id: uuid.UUID) -> bool:
        """The ticket itself or one of its child rows (worklog, clocks, audit, ...) changed."""
        return ticket_id in self.ticket_ids


class ChangeLog:
    """The journal a unit of work appends to, row by row; ``changes`` is its net effect.

    A journal (not a running net value) so a rolled-back savepoint drops exactly what was
    recorded inside it: ``mark()`` before, ``undo_to(mark)`` after. Appending is O(1) per row.
    """

    def __init__(self) -> None:
        self._entries: list[tuple[str, Key, RowOp]] = []
        self._ticket_ids: list[uuid.UUID] = []
        self.committed = False

    def add(self, table: str, key: Key, op: RowOp, ticket_id: uuid.UUID | None = None) -> None:
        self._entries.append((table, key, op))
        if ticket_id is not None:
            self._ticket_ids.append(ticket_id)

    def add_many(self, table: str, keys: Iterable[Key], op: RowOp,
                 ticket_ids: Iterable[uuid.UUID] = ()) -> None:
        self._entries.extend((table, key, op) for key in keys)
        self._ticket_ids.extend(ticket_ids)

    def mark(self) -> tuple[int, int]:
        return len(self._entries), len(self._ticket_ids)

    def undo_to(self, mark: tuple[int, int]) -> None:
        del self._entries[mark[0]:]
        del self._ticket_ids[mark[1]:]

    @property
    def changes(self) -> Changes:
        """The net changes; only once the unit of work has committed (before, they may still
        grow or be rolled back, and a caller reading them then has a bug)."""
        if not self.committed:
            raise RuntimeError("changes read before the unit of work committed")
        rows: dict[str, dict[Key, RowOp]] = {}
        for table, key, op in self._entries:
            keys = rows.setdefault(table, {})
            net = _then(keys.get(key), op)
            if net is None:
                del keys[key]
            else:
                keys[key] = net
        return Changes(_freeze(rows), frozenset(self._ticket_ids))


def _apply(into: dict[Key, RowOp], ops: Iterable[tuple[Key, RowOp]]) -> None:
    for key, op in ops:
        net = _then(into.get(key), op)
        if net is None:
            into.pop(key, None)
        else:
            into[key] = net


def _freeze(rows: Mapping[str, Mapping[Key, RowOp]]) -> Mapping[str, Mapping[Key, RowOp]]:
    return MappingProxyType({t: MappingProxyType(dict(k)) for t, k in rows.items() if k})


class Written(NamedTuple, Generic[T]):
    """What every write service returns: its value and the changes its unit of work recorded.
    A named tuple, so ``value, changes = write(...)`` reads naturally."""

    value: T
    changes: Changes
