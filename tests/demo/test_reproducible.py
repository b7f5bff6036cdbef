"""Same seed, same data — ids included — whatever the backend or the number of processes."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desk.db.session import Database, open_database
from desk.demo.generate import CHUNK
from desk.queues import fulltext
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


def db_dir(db: Database) -> Path:
    return Path(db.engine.url.database).parent


def _search_rows(db: Database) -> list[tuple[object, ...]]:
    with db.engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(
            "SELECT rowid, title, description, worklog FROM ticket_fts ORDER BY rowid")]


def test_search_index_fed_during_the_load_equals_a_rebuild(
        fresh: Callable[[str], Database], caplog: pytest.LogCaptureFixture) -> None:
    db = fresh("fed")
    caplog.set_level(logging.DEBUG, logger="desk.demo.generate")
    stale = db_dir(db) / "desk-index-fed.sqlite3-killed"  # left by a load that was killed
    stale.mkdir()
    (stale / "index.sqlite3").write_bytes(b"x" * 1000)
    # Empty tables and worker processes: indexed by a side process and copied in.
    demo(db, CHUNK + 77, seed=3, workers=2)
    assert "search index done" in caplog.text
    with db.engine.begin() as conn:  # FTS5 checks its index against the stored text
        conn.exec_driver_sql("INSERT INTO ticket_fts(ticket_fts) VALUES ('integrity-check')")
    # A second run on top: indexed in the loading connection, rowids continue.
    demo(db, 250, seed=3)
    fed = _search_rows(db)
    phases = caplog.text
    assert "full-text triggers" in phases and "full-text rebuild" not in phases
    assert not list(db_dir(db).glob("desk-index-*"))  # the scratch index is gone
    with db.engine.begin() as conn:
        fulltext.rebuild_after_bulk_load(conn)  # from the tables, as migration 0005 does
    rebuilt = _search_rows(db)
    assert len(fed) == CHUNK + 77 + 250
    assert fed == rebuilt
    # The triggers that keep the index current are back.
    with db.engine.begin() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                                    "AND name LIKE 'ticket_fts_%'").scalar_one() == 4
