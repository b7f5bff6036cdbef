"""Paging and sorting in SQL: pages tile the view exactly, in the order of every column."""

from __future__ import annotations

from typing import Any

import pytest

from desk.db.session import Database
from desk.queues import columns as cols
from desk.queues.builtin import builtin_views
from desk.queues.columns import QueueRow
from desk.queues.service import count, fetch_rows, snapshot
from desk.queues.spec import Filter, SortSpec, ViewSpec, search_spec
from desk.queues.sql import Cursor, keyset_allowed
from desk.services.people import CurrentUser
from tests.factories import Team
from tests.queues.populate import bulk_tickets

N = 1200
ALL = ViewSpec("all", "all", Filter(), SortSpec("updated", True))


@pytest.fixture
def many(db: Database, team: Team) -> list[Any]:
    return bulk_tickets(db, N, group_ids=(team.group.id, None),
                        assignee_ids=(team.agent.id, None, team.lead.id))


def all_pages(db: Database, spec: ViewSpec, me: CurrentUser, sort: SortSpec | None,
              size: int, total: int | None = None) -> list[QueueRow]:
    out: list[QueueRow] = []
    for offset in range(0, N + size, size):
        out += fetch_rows(db, spec, me, sort, offset, size, total)
    return out


def test_pages_tile_the_view(db: Database, me: CurrentUser, many: list[Any]) -> None:
    assert count(db, ALL, me) == N
    forward = all_pages(db, ALL, me, None, 97)
    assert len(forward) == N and len({r.id for r in forward}) == N
    # updated_at repeats every 7 rows: the id tiebreak keeps pages from overlapping.
    keys = [(r.updated_at, r.id) for r in forward]
    assert keys == sorted(keys, reverse=True)
    # Pages past the middle are read backwards when the total is known: same rows.
    assert all_pages(db, ALL, me, None, 97, total=N) == forward


def test_last_page_read_backwards_is_the_tail(db: Database, me: CurrentUser,
                                               many: list[Any]) -> None:
    full = all_pages(db, ALL, me, None, 500)
    assert fetch_rows(db, ALL, me, None, N - 10, 50, total=N) == full[-10:]
    assert fetch_rows(db, ALL, me, None, N, 50, total=N) == []


@pytest.mark.parametrize("key", [c.key for c in cols.CORE_COLUMNS])
def test_every_column_sorts_in_sql(db: Database, me: CurrentUser, many: list[Any],
                                   key: str) -> None:
    column = cols.column(key)
    for descending in (False, True):
        rows = all_pages(db, ALL, me, SortSpec(key, descending), 250)
        assert len(rows) == N and len({r.id for r in rows}) == N
        values = [column.value(r) for r in rows if column.value(r) is not None]
        assert values == sorted(values, reverse=descending)


def keyset_pages(db: Database, spec: ViewSpec, me: CurrentUser, sort: SortSpec | None,
                 size: int, forward: bool = True) -> list[QueueRow]:
    """Every page after the first read from the previous page's cursor (as the queue model
    does when the user scrolls on), forwards from the top or backwards from the end."""
    if forward:
        out = fetch_rows(db, spec, me, sort, 0, size)
    else:
        out = fetch_rows(db, spec, me, sort, N - size, size, total=N)
    while True:
        edge = out[-1] if forward else out[0]
        assert edge.sort_key, "page rows carry their sort keys"
        page = fetch_rows(db, spec, me, sort, 10**9, size,  # the offset must not matter
                          cursor=Cursor(edge.sort_key, forward))
        if not page:
            return out
        out = out + page if forward else page + out


@pytest.mark.parametrize("key", [c.key for c in cols.CORE_COLUMNS])
def test_keyset_pages_equal_offset_pages(db: Database, me: CurrentUser, many: list[Any],
                                         key: str) -> None:
    # Assignee, group and others are NULL for some tickets: the cursor must step over NULLs
    # the way each database sorts them.
    for descending in (False, True):
        sort = SortSpec(key, descending)
        expected = all_pages(db, ALL, me, sort, 250)
        assert keyset_pages(db, ALL, me, sort, 211) == expected
        assert keyset_pages(db, ALL, me, sort, 211, forward=False) == expected


def test_keyset_on_a_filtered_view_and_search(db: Database, me: CurrentUser,
                                              many: list[Any]) -> None:
    view = next(v for v in builtin_views() if v.key == "builtin:group_open")
    expected = fetch_rows(db, view, me, None, 0, N)
    assert expected and keyset_pages(db, view, me, None, 31) == expected
    # Search results in relevance order: the key is the title-hit count from the index.
    found = search_spec("issue body")
    expected = fetch_rows(db, found, me, None, 0, N)
    assert len(expected) == N and keyset_pages(db, found, me, None, 97) == expected


def test_computed_sorts_do_not_use_a_cursor(db: Database, me: CurrentUser) -> None:
    """A registered column is computed (the SLA's remaining time moves with the clock), so
    its pages are read by OFFSET; stored and joined columns page by keyset."""
    score = cols.QueueColumn("score", lambda: "Score", "number",
                             lambda ctx: cols.TICKETS.c.priority * 10,
                             lambda ctx: [cols.TICKETS.c.priority * 10], attr=None)
    cols.register_column(score)
    try:
        assert not keyset_allowed(ALL, SortSpec("score", False))
    finally:
        cols.unregister_column("score")
    assert keyset_allowed(ALL, SortSpec("assignee", True))
    assert keyset_allowed(ALL, None)


def test_snapshot_is_count_and_pages(db: Database, me: CurrentUser, many: list[Any]) -> None:
    view = next(v for v in builtin_views() if v.key == "builtin:group_open")
    snap = snapshot(db, view, me, None, [(0, 50), (100, 50)], with_count=True)
    assert snap.count == count(db, view, me)
    assert [off for off, _ in snap.pages] == [0, 100]
    full = fetch_rows(db, view, me, None, 0, 200)
    assert list(snap.pages[0][1]) == full[:50] and list(snap.pages[1][1]) == full[100:150]
    # "Priority" sorts P1 first, then the least recently updated.
    keys = [(r.priority, r.updated_at) for r in full]
    assert keys == sorted(keys)
