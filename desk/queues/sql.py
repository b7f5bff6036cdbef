"""A ``ViewSpec`` as SQLAlchemy Core selects: count, sorted page of ids, rows for ids.

Paging follows Anki's browser: a narrow query finds the ids of one page in the view's order
(only the tables the filter and sort need), and a second query fetches the display values of
just those ids with the joins. The ORDER BY always ends with ``tickets.id`` so the order is
total and pages never overlap or skip.

Keyset paging: every page query also returns the sort key values of its rows (``k0``, ``k1``,
…). The page after a loaded page is then read with "rows whose keys come after the last row's"
instead of OFFSET (``Cursor``), so scrolling page by page costs the same at row 300,000 as at
row 100; a jump into the middle still uses OFFSET once. The comparison repeats each dialect's
NULL order (SQLite: NULLs first when ascending; PostgreSQL: NULLs last). Sorts whose keys move
with the clock (SLA remaining time, computed "as of now" at each query) stay on OFFSET.

Every select is built from the view's record type (``desk.queues.records``): its table, joins,
columns, criteria and search.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime
from threading import Lock
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    Table,
    and_,
    bindparam,
    false,
    func,
    or_,
    select,
)
from sqlalchemy.sql.selectable import ScalarSelect
from sqlalchemy.sql.visitors import iterate

from desk.queues import columns as cols
from desk.queues import registry
from desk.queues.columns import TICKET, QueryContext, apply_joins
from desk.queues.records import RecordType, record_type
from desk.queues.spec import RELEVANCE, Filter, SortSpec, ViewSpec
from desk.queues.terms import find_term
from desk.queues.tickets import TICKET_TYPE
from desk.services.people import CurrentUser


def where(f: Filter, me: CurrentUser, dialect: str, now: datetime,
          text_in_where: bool = True, rt: RecordType | None = None) -> list[ColumnElement[bool]]:
    """The WHERE terms of ``f`` on record type ``rt`` (the ticket by default): the type's own
    criteria, then the registered terms, then the text."""
    rt = rt or TICKET_TYPE
    out = [rt.table.c.deleted_at.is_(None), *rt.criteria(f, me)]
    for key, value in f.terms:
        term = find_term(key, rt.key)
        condition = term.condition(value) if term is not None else None
        if condition is not None:
            out.append(condition)
    if text_in_where and f.text and rt.text_search is not None:
        tq = rt.text_search(dialect, f.text)
        if not tq.empty:
            out.append(tq.condition())
    return out


def count_select(spec: ViewSpec, me: CurrentUser, dialect: str, now: datetime) -> Select[Any]:
    rt = record_type(spec.record)
    return (select(func.count()).select_from(rt.table)
            .where(*where(spec.filter, me, dialect, now, rt=rt)))


@dataclass(frozen=True)
class OrderKey:
    expr: ColumnElement[Any]
    descending: bool

    def render(self, reverse: bool = False) -> ColumnElement[Any]:
        desc = self.descending != reverse
        return self.expr.desc() if desc else self.expr.asc()


@dataclass(frozen=True)
class Cursor:
    """Read the rows that come after (``forward``) or before a row whose sort key values
    (``QueueRow.sort_key``) are ``key``."""

    key: tuple[Any, ...]
    forward: bool = True


def _equal(expr: ColumnElement[Any], value: Any) -> ColumnElement[bool]:
    return expr.is_(None) if value is None else expr == value


def _never_null(expr: ColumnElement[Any]) -> bool:
    """A NOT NULL column of the record table itself (a joined table is an alias, whose column
    can be NULL through its outer join, whatever its own definition says)."""
    return isinstance(getattr(expr, "table", None), Table) and not getattr(expr, "nullable", True)


def _beyond(expr: ColumnElement[Any], value: Any, descending: bool,
            nulls_high: bool) -> ColumnElement[bool]:
    """Rows whose ``expr`` comes strictly after ``value`` in this direction, NULLs where the
    dialect sorts them (``nulls_high``: NULL is larger than every value)."""
    if value is None:
        # After NULL come the values when NULLs sort first in this direction, else nothing.
        return expr.is_not(None) if nulls_high == descending else false()
    beyond = expr < value if descending else expr > value
    if nulls_high != descending and not _never_null(expr):  # NULLs sort last this way
        return or_(beyond, expr.is_(None))
    return beyond


def keyset_condition(keys: list[OrderKey], values: tuple[Any, ...], dialect: str,
                     reverse: bool = False) -> ColumnElement[bool]:
    """Rows after ``values`` in the order of ``keys`` (read backwards with ``reverse``)."""
    nulls_high = dialect == "postgresql"
    branches = []
    for i, (key, value) in enumerate(zip(keys, values, strict=True)):
        branches.append(and_(*(_equal(k.expr, v) for k, v in zip(keys[:i], values[:i],
                                                                 strict=True)),
                             _beyond(key.expr, value, key.descending != reverse, nulls_high)))
    condition = or_(*branches)
    # The same bound on the first key alone, when it is a plain comparison, lets the
    # database start its index scan at the cursor instead of filtering from the top.
    first, value = keys[0], values[0]
    descending = first.descending != reverse
    if value is not None and (nulls_high == descending or _never_null(first.expr)):
        # (NULLs, if any, are behind the cursor.)
        bound = first.expr <= value if descending else first.expr >= value
        return and_(bound, condition)
    return condition


def ids_select(spec: ViewSpec, me: CurrentUser, dialect: str, now: datetime,
               sort: SortSpec | None = None, reverse: bool = False,
               cursor: Cursor | None = None) -> Select[Any]:
    """The ids of the view in order, with their sort keys ``k0``… (the caller adds LIMIT and,
    without a ``cursor``, OFFSET)."""
    return _ordered(spec, me, dialect, now, sort, reverse, display=False, cursor=cursor)[0]


# Built first-page statements, as showing a view again (or refreshing it) asks for the same
# one: building it costs more than the SQLite query itself. Statements are immutable and
# their clock-dependent parts (SLA columns, "in the last N days") are evaluated at each
# execution.
_FLAT_CACHE_SIZE = 64
_flat_cache: OrderedDict[tuple[Any, ...], Select[Any]] = OrderedDict()
_flat_lock = Lock()


def flat_select(spec: ViewSpec, me: CurrentUser, dialect: str, now: datetime,
                sort: SortSpec | None = None, limit: int = 100, offset: int = 0,
                cursor: Cursor | None = None) -> Select[Any]:
    """One page of the view as one query with the display columns and sort keys: the first
    pages (one round trip), and the benchmark's comparison with QSqlQueryModel.

    The page's ids are found first in a narrow subquery (only what the filter and the sort
    need, sorted, LIMIT), and only those rows are joined and get their computed columns: a
    database sorting all matching rows would otherwise build every display row first — for
    "All open in my groups" 14,700 joined rows with their SLA subqueries to show 100 (17 ms
    against 2.3 ms on SQLite)."""
    # Not kept: keyset pages (each has its own cursor).
    if cursor is not None:
        return _flat_select(spec, me, dialect, now, sort, limit, offset, cursor)
    key = (spec.record, spec.filter, spec.sort, me, dialect, sort, limit, offset,
           registry.version())
    with _flat_lock:
        q = _flat_cache.get(key)
        if q is not None:
            _flat_cache.move_to_end(key)
            return q
    q = _flat_select(spec, me, dialect, now, sort, limit, offset, cursor)
    with _flat_lock:
        _flat_cache[key] = q
        while len(_flat_cache) > _FLAT_CACHE_SIZE:
            _flat_cache.popitem(last=False)
    return q


def _flat_select(spec: ViewSpec, me: CurrentUser, dialect: str, now: datetime,
                 sort: SortSpec | None, limit: int, offset: int,
                 cursor: Cursor | None) -> Select[Any]:
    """Build ``flat_select`` (uncached)."""
    inner, keys = _ordered(spec, me, dialect, now, sort, False, display=False, cursor=cursor)
    inner = inner.limit(limit)
    if cursor is None and offset:
        inner = inner.offset(offset)
    page = inner.subquery("page")
    rt = record_type(spec.record)
    ctx = rt.context(dialect)
    shown = display_columns(ctx, rt)
    shown += [page.c[f"k{i}"] for i in range(len(keys))]
    reverse = cursor is not None and not cursor.forward
    order = [OrderKey(page.c[f"k{i}"], k.descending).render(reverse)
             for i, k in enumerate(keys)]
    return (select(*shown)
            .select_from(apply_joins(rt.table, ctx).join(page, page.c.id == rt.table.c.id))
            .order_by(*order))


def keyset_allowed(spec: ViewSpec, sort: SortSpec | None) -> bool:
    """Whether pages of this sort can be read with a ``Cursor``: not when a key is computed
    from the clock (SLA remaining time), since it moves between two page reads."""
    sort = sort or spec.sort
    if sort.column == RELEVANCE:
        return True
    try:
        # A stored or joined value.
        return cols.column(sort.column, spec.record).attr is not None
    except KeyError:
        return False


def _ordered(spec: ViewSpec, me: CurrentUser, dialect: str, now: datetime,
             sort: SortSpec | None, reverse: bool, display: bool,
             cursor: Cursor | None = None) -> tuple[Select[Any], list[OrderKey]]:
    sort = sort or spec.sort
    rt = record_type(spec.record)
    table = rt.table
    ctx = rt.context(dialect)
    keys: list[OrderKey] = []
    rank_from = None
    tq = (rt.text_search(dialect, spec.filter.text)
          if spec.filter.text and rt.text_search is not None else None)
    use_rank = sort.column == RELEVANCE and tq is not None and not tq.empty
    if use_rank:
        assert tq is not None
        rank_from, rank_keys = tq.relevance()
        keys += [OrderKey(expr, desc) for expr, desc in rank_keys]
        keys += [OrderKey(table.c.updated_at, True)]
        tiebreak_desc = True
    elif sort.column == RELEVANCE:  # without a text to rank by: most recently updated
        keys += [OrderKey(table.c.updated_at, True)]
        tiebreak_desc = True
    else:
        column = cols.column(sort.column, rt.key)
        keys += [OrderKey(e, sort.descending) for e in column.sort(ctx)]
        tiebreak_desc = sort.descending
    keys.append(OrderKey(table.c.id, tiebreak_desc))
    shown = display_columns(ctx, rt) if display else [table.c.id]
    labels = [k.expr.label(f"k{i}") for i, k in enumerate(keys)]
    shown += labels
    # A computed key (an SLA subquery, a CASE over one) is sorted by its selected value: in
    # ORDER BY again, the database would work it out a second time for every matching row.
    order = [OrderKey(label if _computed(k.expr) else k.expr, k.descending)
             for label, k in zip(labels, keys, strict=True)]
    # On SQLite the relevance subquery does the matching itself.
    text_in_where = not (use_rank and rank_from is not None)
    base = apply_joins(table, ctx)
    if rank_from is not None:
        assert tq is not None
        base = base.join(rank_from, tq.join_on(rank_from))
    conditions = where(spec.filter, me, dialect, now, text_in_where=text_in_where, rt=rt)
    if cursor is not None:
        conditions.append(keyset_condition(keys, cursor.key, dialect,
                                           reverse=not cursor.forward))
        reverse = not cursor.forward
    return (select(*shown).select_from(base)
            .where(*conditions)
            .order_by(*(k.render(reverse) for k in order))), keys


def _computed(expr: ColumnElement[Any]) -> bool:
    """Whether ``expr`` holds a subquery (costly to evaluate twice per row)."""
    return any(isinstance(e, ScalarSelect) for e in iterate(expr))


def display_columns(ctx: QueryContext, rt: RecordType) -> list[ColumnElement[Any]]:
    """What a row of record type ``rt`` is built from (its ``make_row`` reads them by
    position): the id, the core columns, the tail, the registered columns."""
    table = rt.table
    shown: list[ColumnElement[Any]] = [table.c.id]
    shown += [c.select(ctx).label(f"c_{c.key}") for c in rt.core_columns]
    shown += [table.c[name] for name in rt.tail]
    shown += [c.select(ctx).label(f"x_{c.key}") for c in cols.extra_columns(rt.key)]
    return shown


_rows_cache: dict[tuple[str, str, tuple[int, ...]], Select[Any]] = {}


def rows_select(dialect: str, record: str = TICKET) -> Select[Any]:
    """Display values of the records whose ids are bound as ``ids`` (an expanding IN).
    Built once per dialect, record type and column set: it runs for every page."""
    key = (dialect, record, registry.version())
    q = _rows_cache.get(key)
    if q is None:
        rt = record_type(record)
        ctx = rt.context(dialect)
        shown = display_columns(ctx, rt)
        q = (select(*shown).select_from(apply_joins(rt.table, ctx))
             .where(rt.table.c.id.in_(bindparam("ids", expanding=True))))
        _rows_cache[key] = q
    return q
