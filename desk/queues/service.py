"""Queue reads: counts, pages of rows, the search box. Qt-free; the GUI calls these through
``DbRunner`` on its worker thread, the CLI or tests directly."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.exc import OperationalError

from desk.db.session import Database
from desk.domain.enums import Kind, format_number
from desk.errors import DeskError
from desk.i18n import _
from desk.queues import columns as cols
from desk.queues import sql
from desk.queues.asof import as_of
from desk.queues.columns import TICKET, TICKETS, QueueRow
from desk.queues.fulltext import parse as parse_terms
from desk.queues.records import record_type
from desk.queues.spec import SortSpec, ViewSpec, clean_text, search_spec
from desk.queues.sql import Cursor
from desk.services.people import CurrentUser
from desk.timeutil import utcnow

# Past this fraction of a known total, a page is read from the other end (reversed ORDER BY,
# small OFFSET): jumping to the end of a 1,000,000-row view costs what the first page costs.
REVERSE_AFTER = 0.5
# Below this offset a page is one query with its joins; deeper pages first find the page's ids
# (an index-only walk that skips rows without joining them) and then fetch those rows.
FLAT_UNTIL = 1000


# A search on PostgreSQL gives up after this long (the console's other statements: 30 s): it
# holds the console's only database thread, and fewer or longer words answer faster.
SEARCH_TIMEOUT_MS = 10_000
_QUERY_CANCELED = "57014"


@contextmanager
def _reading(db: Database, specs: Sequence[ViewSpec]) -> Iterator[Connection]:
    """``db.read_statements()``, with the search time limit when a view searches text."""
    with db.read_statements() as s:
        searching = s.dialect.name == "postgresql" and any(sp.filter.text for sp in specs)
        if searching:
            s.exec_driver_sql(f"SET LOCAL statement_timeout = {int(SEARCH_TIMEOUT_MS)}")
        try:
            yield s
        except OperationalError as err:
            if searching and getattr(err.orig, "sqlstate", None) == _QUERY_CANCELED:
                raise DeskError(_(
                    "The search took longer than {s} s and was stopped; search for fewer "
                    "or longer words").format(s=f"{SEARCH_TIMEOUT_MS / 1000:g}")) from err
            raise


def count(db: Database, spec: ViewSpec, me: CurrentUser) -> int:
    now = utcnow()
    with _reading(db, [spec]) as s, as_of(now):
        return _count(s, spec, me, now)


def counts(db: Database, specs: Iterable[ViewSpec], me: CurrentUser) -> dict[str, int]:
    """Counts of several views in one read transaction (the sidebar)."""
    now = utcnow()
    specs = list(specs)
    with _reading(db, specs) as s, as_of(now):
        return {spec.key: _count(s, spec, me, now) for spec in specs}


def fetch_rows(db: Database, spec: ViewSpec, me: CurrentUser, sort: SortSpec | None,
               offset: int, limit: int, total: int | None = None,
               cursor: Cursor | None = None) -> list[QueueRow]:
    """Rows ``offset`` … ``offset + limit - 1`` of the view in ``sort`` order (the view's own
    sort when None). ``total``, when known, lets a page near the end be read backwards.
    ``cursor``: the ``sort_key`` of the row just before ``offset`` (forward) or just after
    the page (backward), from a page read earlier with the same sort — the page is then found
    from there instead of by counting ``offset`` rows (ignored where ``keyset_allowed`` says
    the sort cannot use it)."""
    now = utcnow()
    with _reading(db, [spec]) as s, as_of(now):
        return _page(s, spec, me, sort, offset, limit, total, now, cursor)


fetch_ids_or_rows = fetch_rows


@dataclass(frozen=True)
class Snapshot:
    """One consistent read: the count (if asked) and the requested pages."""

    count: int | None
    pages: tuple[tuple[int, tuple[QueueRow, ...]], ...]  # (offset, rows)


def snapshot(db: Database, spec: ViewSpec, me: CurrentUser, sort: SortSpec | None,
             ranges: Sequence[tuple[int, int]], with_count: bool,
             total: int | None = None) -> Snapshot:
    """Count and pages in one transaction, so a refresh never mixes two states."""
    now = utcnow()
    with _reading(db, [spec]) as s, as_of(now):
        n = _count(s, spec, me, now) if with_count else None
        known = n if n is not None else total
        pages = tuple((off, tuple(_page(s, spec, me, sort, off, lim, known, now)))
                      for off, lim in ranges)
    return Snapshot(n, pages)


def _count(s: Connection, spec: ViewSpec, me: CurrentUser, now: datetime) -> int:
    return int(s.execute(sql.count_select(spec, me, s.dialect.name, now)).scalar_one())


def _page(s: Connection, spec: ViewSpec, me: CurrentUser, sort: SortSpec | None, offset: int,
          limit: int, total: int | None, now: datetime,
          cursor: Cursor | None = None) -> list[QueueRow]:
    if limit <= 0 or offset < 0:
        return []
    dialect = s.dialect.name
    if cursor is not None and sql.keyset_allowed(spec, sort):
        rows = _flat(s, sql.flat_select(spec, me, dialect, now, sort, limit, cursor=cursor),
                     spec.record)
        return rows if cursor.forward else rows[::-1]
    if offset < FLAT_UNTIL:
        # Near the top one query does it: the ordered index scan stops after a few rows.
        return _flat(s, sql.flat_select(spec, me, dialect, now, sort, limit, offset), spec.record)
    reverse = total is not None and total > 0 and offset > total * REVERSE_AFTER
    if reverse:
        assert total is not None
        end = min(offset + limit, total)
        if end <= offset:
            return []
        q = sql.ids_select(spec, me, dialect, now, sort, reverse=True).limit(end - offset) \
            .offset(total - end)
        found = s.execute(q).all()[::-1]
    else:
        q = sql.ids_select(spec, me, dialect, now, sort).limit(limit).offset(offset)
        found = s.execute(q).all()
    return rows_for_ids(s, [r[0] for r in found], [tuple(r[1:]) for r in found], spec.record)


def _flat(s: Connection, q: Any, record: str) -> list[QueueRow]:
    extra = [c.key for c in cols.extra_columns(record)]
    make = record_type(record).make_row
    result = s.execute(q)
    first_key = len(result.keys()) - _key_count(result.keys())
    return [make(r, extra, tuple(r[first_key:])) for r in result.all()]


def _key_count(names: Sequence[str]) -> int:
    """How many ``k0``, ``k1``, … sort key columns end a page query's result."""
    return sum(1 for n in names if n[:1] == "k" and n[1:].isdigit())


def rows_for_ids(s: Connection, ids: Sequence[uuid.UUID],
                 keys: Sequence[tuple[Any, ...]] | None = None,
                 record: str = TICKET) -> list[QueueRow]:
    """The rows of ``ids`` in that order; ``keys``: their sort keys, in the same order."""
    if not ids:
        return []
    extra = [c.key for c in cols.extra_columns(record)]
    make = record_type(record).make_row
    key_of = dict(zip(ids, keys, strict=True)) if keys is not None else {}
    result = s.execute(sql.rows_select(s.dialect.name, record), {"ids": list(ids)})
    by_id = {row.id: row for row in (make(r, extra, key_of.get(r[0], ())) for r in result)}
    return [by_id[i] for i in ids if i in by_id]


# ---------------------------------------------------------------- search box

_PREFIXES = {k.prefix: k for k in Kind}
_NUMBER = re.compile(r"^\s*(" + "|".join(_PREFIXES) + r")[\s\-]?0*(\d{1,12})\s*$", re.I)


@dataclass(frozen=True)
class SearchOutcome:
    """Either a ticket to open (the text was its number) or a view of full-text results;
    ``capped_at``: the number of terms searched when the text had more (``MAX_TERMS``)."""

    ticket_id: uuid.UUID | None = None
    number: str | None = None
    spec: ViewSpec | None = None
    capped_at: int | None = None


def parse_number(text: str) -> str | None:
    """``inc1234``, ``INC-0001234``, ``INC0001234`` → ``INC0001234``; anything else None."""
    m = _NUMBER.match(text.replace("\x00", ""))
    if m is None:
        return None
    return format_number(_PREFIXES[m.group(1).upper()], int(m.group(2)))


def search(db: Database, text: str, me: CurrentUser) -> SearchOutcome:
    text = clean_text(text)
    if not text:
        return SearchOutcome()
    number = parse_number(text)
    if number is not None:
        with db.read() as s:
            found = s.scalar(select(TICKETS.c.id).where(TICKETS.c.number == number,
                                                       TICKETS.c.deleted_at.is_(None)))
        if found is not None:
            return SearchOutcome(ticket_id=found, number=number)
    terms = parse_terms(text)
    return SearchOutcome(spec=search_spec(text),
                         capped_at=terms.count if terms.truncated else None)
