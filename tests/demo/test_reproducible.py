"""Same seed, same data — ids included — whatever the backend or the number of processes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desk.db.session import Database, open_database
from desk.demo.generate import CHUNK
from tests.demo.conftest import demo, digest


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Callable[[str], Database]]:
    opened: list[Database] = []

    def make(name: str) -> Database:
        db = open_database(f"sqlite:///{tmp_path / name}.sqlite3")
        opened.append(db)
        return db

    yield make
    for db in opened:
        db.dispose()


def test_same_seed_same_rows_other_seed_other_rows(fresh: Callable[[str], Database]) -> None:
    a, b, c = fresh("a"), fresh("b"), fresh("c")
    demo(a, 600, seed=3)
    demo(b, 600, seed=3)
    demo(c, 600, seed=4)
    assert digest(a) == digest(b)
    assert digest(a) != digest(c)


@pytest.mark.parametrize("locale", ["en", "zh_CN"])
def test_postgresql_gets_the_same_rows_as_sqlite(fresh: Callable[[str], Database],
                                                pg_url: str, locale: str) -> None:
    lite = fresh("lite")
    pg = open_database(pg_url)
    try:
        demo(lite, 400, seed=5, locale=locale)
        demo(pg, 400, seed=5, locale=locale)
        assert digest(pg) == digest(lite)
    finally:
        pg.dispose()


def test_worker_processes_build_the_same_rows(fresh: Callable[[str], Database]) -> None:
    n = 2 * CHUNK + 123  # three chunks, built by two worker processes
    inline, spread = fresh("inline"), fresh("spread")
    a = demo(inline, n, seed=9, workers=0)
    b = demo(spread, n, seed=9, workers=2)
    assert a == b
    assert digest(inline) == digest(spread)
