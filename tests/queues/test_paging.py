"""Paging and sorting in SQL: pages tile the view exactly, in the order of every column."""

from __future__ import annotations

from typing import Any

import pytest

from desk.db.session import Database
from desk.queues import columns as cols
from desk.queues import count, fetch_rows, snapshot
from desk.queues.builtin import builtin_views
from desk.queues.columns import QueueRow
from desk.queues.spec import Filter, SortSpec, ViewSpec
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
