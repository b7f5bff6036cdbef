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

Terms that partial indexes depend on (open statuses, not deleted, unassigned, major incident)
are rendered as the literal SQL of the index definitions (``desk.models.views``): SQLite uses a
partial index only when the query repeats its WHERE terms, and PostgreSQL cannot prove a
generic plan's bound parameters imply them.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime, timedelta
from threading import Lock
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    bindparam,
    false,
    func,
    or_,
    select,
    text,
    true,
)
from sqlalchemy.sql.selectable import ScalarSelect
from sqlalchemy.sql.visitors import iterate

from desk.models.views import OPEN_STATUS_SQL
from desk.queues import columns as cols
from desk.queues.columns import TICKETS, QueryContext, apply_joins
from desk.queues.fulltext import TextQuery
from desk.queues.spec import RELEVANCE, Filter, SortSpec, ViewSpec
from desk.services.people import CurrentUser
from desk.sla.policy import calendar_generation
from desk.sla.queue_views import at_risk_condition, breached_condition
from desk.timeutil import utcnow

C = TICKETS.c


def where(f: Filter, me: CurrentUser, dialect: str, now: datetime,
          text_in_where: bool = True) -> list[ColumnElement[bool]]:
    out: list[ColumnElement[bool]] = [C.deleted_at.is_(None)]
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
    if f.sla_at_risk:
        out.append(at_risk_condition())  # as of each execution
    if f.sla_breached is not None:
        breached = breached_condition()
        out.append(breached if f.sla_breached else ~breached)
    if f.major_incident is not None:
        out.append(C.major_incident == (true() if f.major_incident else false()))
    for value, column, op in ((f.created_from, C.created_at, "ge"),
                              (f.created_to, C.created_at, "lt"),
                              (f.updated_from, C.updated_at, "ge"),
                              (f.updated_to, C.updated_at, "lt")):
        if value is not None:
            out.append(column >= value if op == "ge" else column < value)
    if f.created_within_days is not None:
        out.append(_within_days(C.created_at, "created_since", f.created_within_days))
    if f.updated_within_days is not None:
        out.append(_within_days(C.updated_at, "updated_since", f.updated_within_days))
    if text_in_where and f.text:
        tq = TextQuery(dialect, f.text)
        if not tq.empty:
            out.append(tq.condition())
    return out


# "As of when" a statement runs: the reads set it (``as_of``) so a count and its pages agree;
# outside one, the current time.
_as_of: ContextVar[datetime | None] = ContextVar("desk_queue_as_of", default=None)


@contextmanager
def as_of(now: datetime) -> Iterator[None]:
    """Run the statements inside as of ``now`` ("in the last N days" windows)."""
    token = _as_of.set(now)
    try:
        yield
    finally:
        _as_of.reset(token)


def _within_days(column: ColumnElement[Any], name: str, days: int) -> ColumnElement[bool]:
    """``column`` in the last ``days`` days, the window's start worked out when the statement
    runs (``as_of``), not when it is built: a kept statement moves with the clock. The bound
    value is named: SQLAlchemy's compiled-statement cache must not take it for a plain bound
    value of the same shape (a "created from" date), whose compiled form never calls it."""
    delta = timedelta(days=days)
    return column >= bindparam(name, callable_=lambda: (_as_of.get() or utcnow()) - delta,
                               type_=column.type)


def count_select(spec: ViewSpec, me: CurrentUser, dialect: str, now: datetime) -> Select[Any]:
    return select(func.count()).select_from(TICKETS).where(*where(spec.filter, me, dialect, now))


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
    """A NOT NULL column of ``tickets`` itself (a joined table's column can be NULL through
    its outer join, whatever its own definition says)."""
    return getattr(expr, "table", None) is TICKETS and not getattr(expr, "nullable", True)


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
    key = (spec.filter, spec.sort, me, dialect, sort, limit, offset, _columns_version())
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
    ctx = QueryContext(dialect)
    shown = display_columns(ctx)
    shown += [page.c[f"k{i}"] for i in range(len(keys))]
    reverse = cursor is not None and not cursor.forward
    order = [OrderKey(page.c[f"k{i}"], k.descending).render(reverse)
             for i, k in enumerate(keys)]
    return (select(*shown).select_from(apply_joins(TICKETS, ctx).join(page, page.c.id == C.id))
            .order_by(*order))


def keyset_allowed(spec: ViewSpec, sort: SortSpec | None) -> bool:
    """Whether pages of this sort can be read with a ``Cursor``: not when a key is computed
    from the clock (SLA remaining time), since it moves between two page reads."""
    sort = sort or spec.sort
    if sort.column == RELEVANCE:
        return True
    try:
        return cols.column(sort.column).attr is not None  # a stored or joined value
    except KeyError:
        return False


def _ordered(spec: ViewSpec, me: CurrentUser, dialect: str, now: datetime,
             sort: SortSpec | None, reverse: bool, display: bool,
             cursor: Cursor | None = None) -> tuple[Select[Any], list[OrderKey]]:
    sort = sort or spec.sort
    ctx = QueryContext(dialect)
    keys: list[OrderKey] = []
    rank_from = None
    tq = TextQuery(dialect, spec.filter.text) if spec.filter.text else None
    use_rank = sort.column == RELEVANCE and tq is not None and not tq.empty
    if use_rank:
        assert tq is not None
        rank_from, rank_keys = tq.relevance()
        keys += [OrderKey(expr, desc) for expr, desc in rank_keys]
        keys += [OrderKey(C.updated_at, True)]
        tiebreak_desc = True
    else:
        column = cols.column(sort.column if sort.column != RELEVANCE else "updated")
        descending = sort.descending if sort.column != RELEVANCE else True
        keys += [OrderKey(e, descending) for e in column.sort(ctx)]
        tiebreak_desc = descending
    keys.append(OrderKey(C.id, tiebreak_desc))
    shown = display_columns(ctx) if display else [C.id]
    labels = [k.expr.label(f"k{i}") for i, k in enumerate(keys)]
    shown += labels
    # A computed key (an SLA subquery, a CASE over one) is sorted by its selected value: in
    # ORDER BY again, the database would work it out a second time for every matching row.
    order = [OrderKey(label if _computed(k.expr) else k.expr, k.descending)
             for label, k in zip(labels, keys, strict=True)]
    # On SQLite the relevance subquery does the matching itself.
    text_in_where = not (use_rank and rank_from is not None)
    base = apply_joins(TICKETS, ctx)
    if rank_from is not None:
        assert tq is not None
        base = base.join(rank_from, tq.join_on(rank_from))
    conditions = where(spec.filter, me, dialect, now, text_in_where=text_in_where)
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


def display_columns(ctx: QueryContext) -> list[ColumnElement[Any]]:
    """What a queue row is built from (``service._row`` reads them by position)."""
    shown: list[ColumnElement[Any]] = [C.id]
    shown += [c.select(ctx).label(f"c_{c.key}") for c in cols.CORE_COLUMNS]
    shown += [C.major_incident, C.row_version]
    shown += [c.select(ctx).label(f"x_{c.key}") for c in cols.extra_columns()]
    return shown


_rows_cache: dict[tuple[str, tuple[int, int]], Select[Any]] = {}


def _columns_version() -> tuple[int, int]:
    """What cached selects' display columns depend on: the column registry, and the SLA
    calendars the SLA columns' SQL names."""
    return cols.registry_version(), calendar_generation()


def rows_select(dialect: str) -> Select[Any]:
    """Display values of the tickets whose ids are bound as ``ids`` (an expanding IN).
    Built once per dialect and column set: it runs for every page."""
    key = (dialect, _columns_version())
    q = _rows_cache.get(key)
    if q is None:
        ctx = QueryContext(dialect)
        shown = display_columns(ctx)
        q = (select(*shown).select_from(apply_joins(TICKETS, ctx))
             .where(C.id.in_(bindparam("ids", expanding=True))))
        _rows_cache[key] = q
    return q
