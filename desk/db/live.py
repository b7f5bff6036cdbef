"""Live updates: what other consoles committed, delivered as ``Changes`` while the console runs.

On PostgreSQL a thread keeps its own autocommit connection listening on the change feed's
channel. A notification only wakes it (they can be lost, psycopg issue #962); so does a slow
poll. Each wake reads the feed after the listener's position (``desk.db.feed``), so nothing
is skipped and nothing comes twice. A pruned position delivers ``EVERYTHING``; a lost
connection reports offline, reconnects with backoff and catches up from its position.

On SQLite (several consoles on one file) there is no feed: a thread polls ``PRAGMA
data_version`` on its own connection — the value is per connection and moves when another
connection commits — and delivers ``EVERYTHING`` when it moves. This console's own writes
move it too; views refresh idempotently, so the echo costs a reload, nothing more.

Qt-free: ``on_changes`` and ``on_status`` are called on the listener's thread; the UI
hands them to the GUI thread itself.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterable
from typing import Any

import psycopg
from sqlalchemy import Connection, select, tuple_
from sqlalchemy.exc import DBAPIError

from desk.db.changes import ChangeLog, Changes, Key, RowOp
from desk.db.feed import CHANNEL, Change, PositionPruned, current_position, read_after
from desk.db.session import Database
from desk.models.base import Base

log = logging.getLogger(__name__)

#: The feed is polled this often even without a notification.
POLL_S = 10.0
#: SQLite's data_version is polled this often.
SQLITE_POLL_S = 2.0
#: Reconnecting waits 1, 2, 4, ... seconds, at most this long.
MAX_BACKOFF_S = 30.0
# A stop request is noticed within this long (the wait for notifications is sliced).
_SLICE_S = 0.5
# The key standing for "any row" of a table in ``EVERYTHING``.
_ANY_ROW = "*"


def everything() -> Changes:
    """Every Desk table changed, unknown rows: views reload whatever they show."""
    log_ = ChangeLog()
    for table in Base.metadata.sorted_tables:
        log_.add(table.name, _ANY_ROW, RowOp.UPDATE)
    log_.committed = True
    return log_.changes


EVERYTHING = everything()

_OPS = {"I": RowOp.INSERT, "U": RowOp.UPDATE, "D": RowOp.DELETE}


def _key(row_id: str) -> Key:
    parts = tuple(_value(p) for p in row_id.split("/"))
    return parts[0] if len(parts) == 1 else parts


def _value(text: str) -> object:
    try:
        return uuid.UUID(text)
    except ValueError:
        return text


def to_changes(conn: Connection, feed: Iterable[Change]) -> Changes:
    """The feed's entries as the ``Changes`` a local write would have recorded, tickets
    included: a row of a ticket's child table (worklog, clocks, links) names its ticket, read
    here (a deleted row no longer can)."""
    log_ = ChangeLog()
    by_table: dict[str, list[Key]] = {}
    for change in feed:
        key = _key(change.row_id)
        ticket = key if change.table == "tickets" and isinstance(key, uuid.UUID) else None
        log_.add(change.table, key, _OPS[change.op], ticket)
        by_table.setdefault(change.table, []).append(key)
    for name, keys in by_table.items():
        table = Base.metadata.tables.get(name)
        if name == "tickets" or table is None or "ticket_id" not in table.c:
            continue
        pk = list(table.primary_key.columns)
        if table.c.ticket_id in pk:
            at = pk.index(table.c.ticket_id)
            ids = [k[at] if isinstance(k, tuple) else k for k in keys]
        else:
            wanted = [k if isinstance(k, tuple) else (k,) for k in keys]
            ids = list(conn.execute(select(table.c.ticket_id).where(
                tuple_(*pk).in_(wanted))).scalars())
        log_.add_many(name, (), RowOp.UPDATE, (i for i in ids if isinstance(i, uuid.UUID)))
    log_.committed = True
    return log_.changes


class Listener:
    """A thread delivering other consoles' changes; ``start()`` once, ``stop()`` once."""

    def __init__(self, on_changes: Callable[[Changes], None],
                 on_status: Callable[[bool], None]) -> None:
        self.on_changes = on_changes
        self.on_status = on_status
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"desk-{type(self).__name__}",
                                        daemon=True)
        self._online: bool | None = None

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """Ask the thread to end (within half a second); never waits for it."""
        self._stop.set()

    def join(self, timeout: float | None = None) -> bool:
        """Wait for the thread to end (tests, shutdown of a process); whether it has."""
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _status(self, online: bool) -> None:
        if online != self._online:
            self._online = online
            self.on_status(online)

    def _run(self) -> None:
        backoff = 1.0
        while not self._stop.is_set():
            try:
                self._session()
            except (DBAPIError, psycopg.Error, sqlite3.Error) as err:
                log.info("live updates offline: %s", str(err).splitlines()[0] if str(err)
                         else type(err).__name__)
                if self._online:
                    backoff = 1.0  # it was up: a blip, try again soon
                self._status(False)
                if self._stop.wait(backoff):
                    return
                backoff = min(backoff * 2, MAX_BACKOFF_S)

    def _session(self) -> None:
        raise NotImplementedError


class FeedListener(Listener):
    """PostgreSQL: LISTEN on the change feed's channel, read the feed on every wake."""

    def __init__(self, db: Database, position: str, on_changes: Callable[[Changes], None],
                 on_status: Callable[[bool], None], *, poll_s: float = POLL_S) -> None:
        super().__init__(on_changes, on_status)
        self.db = db
        self.position = position
        self.poll_s = poll_s

    def _session(self) -> None:
        # Through the engine, so the password store, keepalives and timeouts apply; detached,
        # so the pool never hands this long-lived connection to a unit of work.
        fairy = self.db.engine.raw_connection()
        conn: psycopg.Connection[Any] = fairy.driver_connection  # type: ignore[assignment]
        fairy.detach()
        try:
            conn.autocommit = True
            conn.execute(f"LISTEN {CHANNEL}")
            self._status(True)
            self._catch_up()  # what was committed while connecting (or offline)
            waited = 0.0
            while not self._stop.is_set():
                woken = any(True for _n in conn.notifies(timeout=_SLICE_S, stop_after=1))
                waited += _SLICE_S
                if woken or waited >= self.poll_s:
                    self._catch_up()
                    waited = 0.0
        finally:
            fairy.close()

    def _catch_up(self) -> None:
        with self.db.engine.begin() as conn:
            try:
                feed, position = read_after(conn, self.position)
            except PositionPruned as pruned:
                self.position = pruned.position
                changes = EVERYTHING
            else:
                self.position = position
                changes = to_changes(conn, feed)
        if changes and not self._stop.is_set():
            self.on_changes(changes)


class DataVersionListener(Listener):
    """SQLite: poll ``PRAGMA data_version`` on a connection of its own."""

    def __init__(self, db: Database, on_changes: Callable[[Changes], None],
                 on_status: Callable[[bool], None], *, poll_s: float = SQLITE_POLL_S) -> None:
        super().__init__(on_changes, on_status)
        self.db = db
        self.poll_s = poll_s

    def _session(self) -> None:
        fairy = self.db.engine.raw_connection()
        conn: sqlite3.Connection = fairy.driver_connection  # type: ignore[assignment]
        fairy.detach()
        try:
            version = self._version(conn)
            self._status(True)
            while not self._stop.wait(self.poll_s):
                now = self._version(conn)
                if now != version:
                    version = now
                    self.on_changes(EVERYTHING)
        finally:
            fairy.close()

    @staticmethod
    def _version(conn: sqlite3.Connection) -> int:
        return int(conn.execute("PRAGMA data_version").fetchone()[0])


def start_position(db: Database) -> str | None:
    """Where live updates start, taken before the console first loads what it shows
    (PostgreSQL's feed position; None on SQLite, which has no feed). Raises ``DeskError``."""
    if db.dialect != "postgresql":
        return None
    with db.read_statements() as conn:
        return current_position(conn)


def listen(db: Database, position: str | None, on_changes: Callable[[Changes], None],
           on_status: Callable[[bool], None]) -> Listener:
    """A started listener of the right kind for ``db``."""
    listener: Listener
    if db.dialect == "postgresql":
        if position is None:
            raise ValueError("a PostgreSQL listener starts from a feed position")
        listener = FeedListener(db, position, on_changes, on_status)
    else:
        listener = DataVersionListener(db, on_changes, on_status)
    listener.start()
    return listener
