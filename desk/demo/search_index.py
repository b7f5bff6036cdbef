"""The search index of a big demo load, built in its own process and copied in at the end.

Indexing a million tickets' text (trigrams) costs about 35 s of one core, and the process
writing the rows is already the busiest: SQLite has one writer, and the load holds it for its
whole transaction. So for a load into empty tables the documents go to a helper process that
builds the same FTS5 table (``desk.queues.fulltext.SQLITE_CREATE``) in a scratch file beside
the database, while the rows are written; the worker processes that build rows and this
indexer share the second core. At the end the FTS5 table's shadow tables (``_data``, ``_idx``,
``_content``, ``_docsize``, ``_config``: ordinary tables that hold the whole index) are copied
into the empty table of the same definition in the database, inside the load's transaction.
The tests run FTS5's own ``integrity-check`` on the result.

Smaller loads, loads on top of existing tickets and in-memory databases index in the loading
process instead (``InlineIndex``).
"""

from __future__ import annotations

import marshal
import os
import queue
import shutil
import sqlite3
import tempfile
from glob import escape as glob_escape
from multiprocessing import get_context
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import Connection

from desk.queues import fulltext

SHADOW_TABLES = ("data", "idx", "content", "docsize", "config")
_INSERT = (f"INSERT INTO {fulltext.FTS_TABLE}(rowid, title, description, worklog) "
           "VALUES (?, ?, ?, ?)")


class DocumentIndex(Protocol):
    def add(self, first_rowid: int, docs: list[tuple[str, str, str]]) -> None: ...
    def finish(self) -> None: ...
    def close(self) -> None: ...


class InlineIndex:
    """Index each chunk in the loading connection as it is written."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add(self, first_rowid: int, docs: list[tuple[str, str, str]]) -> None:
        fulltext.insert_documents(self.conn, first_rowid, docs)

    def finish(self) -> None:
        pass

    def close(self) -> None:
        pass


def _serve(path: str, create: str, inbox: Any, outbox: Any) -> None:
    """The indexing process: build ``ticket_fts`` in the scratch file ``path``."""
    if hasattr(os, "nice"):
        os.nice(5)  # the loading process comes first
    try:
        db = sqlite3.connect(path, isolation_level=None)
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        db.execute("PRAGMA cache_size = -262144")
        db.execute("BEGIN")
        db.execute(create)
        while (blob := inbox.get()) is not None:
            first, docs = marshal.loads(blob)
            db.executemany(_INSERT, [(first + i, *doc) for i, doc in enumerate(docs)])
        db.execute("COMMIT")
        db.close()
    except BaseException as err:  # report, do not hang the loader
        outbox.put(f"{type(err).__name__}: {err}")
        raise
    outbox.put("")


class SideIndex:
    """Index in a helper process (see the module docstring); ``finish`` copies the result
    into the connection's (empty) FTS table."""

    def __init__(self, conn: Connection, database_path: str) -> None:
        self.conn = conn
        path = Path(database_path)
        prefix = f"desk-index-{path.name}-"
        # A load of this database that was killed left its scratch index behind; this load
        # holds the database's write lock, so no other one is using it.
        for stale in path.parent.glob(f"{glob_escape(prefix)}*"):
            shutil.rmtree(stale, ignore_errors=True)
        self.dir = tempfile.mkdtemp(prefix=prefix, dir=path.parent)
        self.path = str(Path(self.dir) / "index.sqlite3")
        ctx = get_context("spawn")
        # Queues buffer in this process (a feeder thread): the writer never waits for the
        # indexer, which catches up after the last chunk.
        self.inbox, self.outbox = ctx.Queue(), ctx.Queue()
        self.process = ctx.Process(target=_serve, name="desk-search-index", daemon=True,
                                   args=(self.path, fulltext.SQLITE_CREATE, self.inbox,
                                         self.outbox))
        self.process.start()

    def add(self, first_rowid: int, docs: list[tuple[str, str, str]]) -> None:
        self.inbox.put(marshal.dumps((first_rowid, docs)))

    def finish(self) -> None:
        self.inbox.put(None)
        while True:
            try:
                problem = self.outbox.get(timeout=1)
                break
            except queue.Empty:
                if not self.process.is_alive():  # killed without a word (e.g. out of memory)
                    problem = f"the indexing process ended with code {self.process.exitcode}"
                    break
        self.process.join()
        if problem:
            raise RuntimeError(f"building the search index failed: {problem}")
        dbapi = self.conn.connection.driver_connection
        side = sqlite3.connect(self.path)
        try:
            for suffix in SHADOW_TABLES:
                table = f"{fulltext.FTS_TABLE}_{suffix}"
                cur = side.execute(f"SELECT * FROM {table}")
                marks = ", ".join("?" * len(cur.description))
                dbapi.execute(f"DELETE FROM {table}")
                while rows := cur.fetchmany(20_000):
                    dbapi.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
        finally:
            side.close()

    def close(self) -> None:
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        for q in (self.inbox, self.outbox):
            q.close()
            q.cancel_join_thread()
        shutil.rmtree(self.dir, ignore_errors=True)


def sqlite_file(conn: Connection) -> str | None:
    """The database file of a SQLite connection (None for an in-memory database)."""
    name = conn.engine.url.database
    return name if name and name != ":memory:" and not name.startswith("file:") else None
