"""Bulk writing of generated rows through the raw driver connection, in one transaction.

SQLite gets ``executemany`` of ready-made tuples (texts exactly as SQLAlchemy stores them:
``sqlite_timestamp`` datetimes, 32-digit hex UUIDs, 0/1 booleans). PostgreSQL gets ``COPY …
FROM STDIN`` in text format; the rows are encoded to COPY text by whoever built them (a worker
process), so the loading process only hands bytes to the server.

When the tickets table is empty, the secondary indexes of the big tables (and, on
PostgreSQL, their foreign keys) are dropped for the load and recreated from their own DDL
afterwards: building an index once is much cheaper than updating it a million times. The DDL
is read from the catalogue, never hard-coded, so indexes added by later migrations are kept.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from desk.demo.life import EVENT_COLUMNS, TICKET_COLUMNS, WORKLOG_COLUMNS, ChunkRows

# The big tables of a load; the demo's audit rows are derived from its events (generate.py).
TABLES = ("tickets", "ticket_events", "worklog_entries", "audit_entries")
COLUMNS = {"tickets": TICKET_COLUMNS, "ticket_events": EVENT_COLUMNS,
           "worklog_entries": WORKLOG_COLUMNS}
SQLITE_LOAD_CACHE_KIB = 512 * 1024


@dataclass
class Suspended:
    """What was taken off the tables for the load and must be put back."""

    indexes: list[tuple[str, str]] = field(default_factory=list)  # (name, create DDL)
    foreign_keys: list[tuple[str, str, str]] = field(default_factory=list)  # table, name, def


# ---------------------------------------------------------------- COPY text encoding

_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _t(value: str | None) -> str:
    """Free text as a COPY text field."""
    return "\\N" if value is None else value.translate(_COPY_ESCAPES)


def _n(value: Any) -> str:
    """A value that never needs escaping (ids, times, enum values, numbers)."""
    return "\\N" if value is None else str(value)


def encode_copy(rows: ChunkRows) -> ChunkRows:
    """The same chunk with each table as one block of COPY text (UTF-8)."""
    tickets = "".join(
        f"{r[0]}\t{r[1]}\t{r[2]}\t{r[3]}\t{r[4]}\t{r[5]}\t{_t(r[6])}\t{_t(r[7])}\t{r[8]}\t"
        f"{r[9]}\t{r[10]}\t{r[11]}\t{_n(r[12])}\t{r[13]}\t{_n(r[14])}\t{_n(r[15])}\t"
        f"{_n(r[16])}\t{_n(r[17])}\t{_n(r[18])}\t{'t' if r[19] else 'f'}\t{r[20]}\t"
        f"{_n(r[21])}\t{_n(r[22])}\t{_n(r[23])}\t{_n(r[24])}\t{_t(r[25])}\n"
        for r in rows.tickets)
    events = "".join(
        f"{r[0]}\t{r[1]}\t{r[2]}\t{r[3]}\t{_n(r[4])}\t{r[5]}\t{_n(r[6])}\t{_n(r[7])}\n"
        for r in rows.events)
    worklogs = "".join(
        f"{r[0]}\t{r[1]}\t{r[2]}\t{_n(r[3])}\t{r[4]}\t{_t(r[5])}\n" for r in rows.worklogs)
    return ChunkRows(tickets.encode(), events.encode(), worklogs.encode(),  # type: ignore[arg-type]
                     rows.plans, rows.sizes)


def documents(rows: ChunkRows) -> list[tuple[str, str, str]]:
    """The search document of each ticket of a (not yet encoded) chunk: title, description and
    its worklog bodies in time order joined by newlines — what ``SQLITE_FILL`` of
    ``desk.queues.fulltext`` would read back from the tables."""
    bodies: dict[str, list[tuple[str, str]]] = {}
    for w in rows.worklogs:  # WORKLOG_COLUMNS: id, created_at, ticket_id, …, body
        bodies.setdefault(w[2], []).append((w[1], w[5]))
    out = []
    for t in rows.tickets:  # TICKET_COLUMNS: id … title (6), description (7)
        found = bodies.get(t[0])
        if found:
            found.sort()
            out.append((t[6], t[7], "\n".join(body for _, body in found)))
        else:
            out.append((t[6], t[7], ""))
    return out


# ---------------------------------------------------------------- loaders


class SqliteLoader:
    def __init__(self, conn: Connection) -> None:
        self.dbapi = conn.connection.driver_connection
        self.sql = {t: f"INSERT INTO {t} ({', '.join(c)}) VALUES ({', '.join('?' * len(c))})"
                    for t, c in COLUMNS.items()}

    def write(self, rows: ChunkRows) -> None:
        run = self.dbapi.executemany
        run(self.sql["tickets"], rows.tickets)
        run(self.sql["ticket_events"], rows.events)
        run(self.sql["worklog_entries"], rows.worklogs)


class PostgresLoader:
    def __init__(self, conn: Connection) -> None:
        self.dbapi = conn.connection.driver_connection
        self.sql = {t: f"COPY {t} ({', '.join(c)}) FROM STDIN" for t, c in COLUMNS.items()}

    def write(self, rows: ChunkRows) -> None:
        with self.dbapi.cursor() as cur:
            for table, data in (("tickets", rows.tickets), ("ticket_events", rows.events),
                                ("worklog_entries", rows.worklogs)):
                with cur.copy(self.sql[table]) as copy:
                    copy.write(data)


def loader(conn: Connection) -> SqliteLoader | PostgresLoader:
    return SqliteLoader(conn) if conn.dialect.name == "sqlite" else PostgresLoader(conn)


# ---------------------------------------------------------------- session setup


def prepare_connection(conn: Connection) -> Callable[[], None]:
    """Settings for a bulk load on this connection, before its transaction starts; returns
    the function that restores them (the connection goes back to the pool afterwards)."""
    if conn.dialect.name != "sqlite":
        return lambda: None
    dbapi = conn.connection.driver_connection
    cache = dbapi.execute("PRAGMA cache_size").fetchone()[0]
    # Every row we write refers to rows we wrote or looked up in the same transaction; the
    # per-row foreign key lookups would only cost time (a test runs foreign_key_check).
    dbapi.execute("PRAGMA foreign_keys = OFF")
    dbapi.execute(f"PRAGMA cache_size = -{SQLITE_LOAD_CACHE_KIB}")
    # WAL writes every page twice (log, then checkpoint). A rollback journal saves only the
    # pages that existed before and are changed — few, when the load mostly appends — and is
    # just as safe. Leaving WAL needs this to be the only connection; if it is not (a console
    # has the file open), SQLite refuses at once with "locked", the mode stays WAL and the
    # load is merely slower.
    left_wal = False
    if dbapi.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
        try:
            left_wal = dbapi.execute("PRAGMA journal_mode = TRUNCATE").fetchone()[0] != "wal"
        except sqlite3.OperationalError as err:
            if "locked" not in str(err):
                raise

    def restore() -> None:
        if left_wal:
            dbapi.execute("PRAGMA journal_mode = WAL")
        dbapi.execute("PRAGMA foreign_keys = ON")
        dbapi.execute(f"PRAGMA cache_size = {cache}")

    return restore


def start_transaction(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        # COPY text carries UTC timestamps without a zone: read them as UTC.
        conn.exec_driver_sql("SET LOCAL TIME ZONE 'UTC'")


# ---------------------------------------------------------------- indexes and keys


def suspend(conn: Connection) -> Suspended:
    """Drop the secondary indexes (PostgreSQL: also the foreign keys) of the big tables."""
    out = Suspended()
    if conn.dialect.name == "sqlite":
        for table in TABLES:
            out.indexes += [(r[0], r[1]) for r in conn.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                "AND sql IS NOT NULL ORDER BY name", (table,))]
        for name, _ in out.indexes:
            conn.exec_driver_sql(f'DROP INDEX "{name}"')
        return out
    for table in TABLES:
        out.indexes += [(r[0], r[1]) for r in conn.exec_driver_sql(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i "
            "WHERE i.schemaname = current_schema() AND i.tablename = %(t)s AND NOT EXISTS ("
            " SELECT 1 FROM pg_constraint c WHERE c.conindid = ("
            "  quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass) "
            "ORDER BY i.indexname", {"t": table})]
        out.foreign_keys += [(table, r[0], r[1]) for r in conn.exec_driver_sql(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = %(t)s::regclass AND contype = 'f' ORDER BY conname",
            {"t": table})]
    for table, name, _ in out.foreign_keys:
        conn.exec_driver_sql(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    for name, _ in out.indexes:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    return out


def restore(conn: Connection, suspended: Suspended) -> None:
    for _, ddl in suspended.indexes:
        conn.exec_driver_sql(ddl)
    for table, name, definition in suspended.foreign_keys:
        conn.exec_driver_sql(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')


def table_is_empty(conn: Connection, table: str) -> bool:
    return conn.exec_driver_sql(f"SELECT 1 FROM {table} LIMIT 1").first() is None


def analyze(conn: Connection, tables: Sequence[str] = TABLES) -> None:
    """Fresh planner statistics: the queues' plans depend on them after a big load."""
    if conn.dialect.name == "sqlite":
        # Sampled statistics: a full ANALYZE would read every index of ten million rows.
        conn.exec_driver_sql("PRAGMA analysis_limit = 1000")
    for table in tables:
        conn.exec_driver_sql(f"ANALYZE {table}")
