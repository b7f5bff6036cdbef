"""Engines for the embedded SQLite file and for PostgreSQL, and user-facing connection errors.

The PostgreSQL password is injected at connect time (``do_connect``) from the password store,
so it is never part of the engine's URL, its repr, or an error message.
"""

from __future__ import annotations

import os
import random
import sqlite3
import time
import weakref
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError, OperationalError

from desk.db.secrets import PasswordStore
from desk.db.url import DatabaseTarget
from desk.errors import (
    AuthenticationFailed,
    ConfigError,
    ConnectionFailed,
    DatabaseDamaged,
    DeskError,
    ReadOnlyDatabase,
)
from desk.i18n import _

SQLITE_BUSY_TIMEOUT_MS = 10_000
# Execution option marking a read-only unit of work (see desk.db.session.Database.read).
READ_ONLY_OPTION = "desk_read_only"

_STORES: weakref.WeakKeyDictionary[Engine, PasswordStore] = weakref.WeakKeyDictionary()
PG_CONNECT_TIMEOUT_S = 5
# A console statement that runs longer than this is stuck (a lock held by a forgotten
# session, a runaway query); cancelling it gives the agent a message instead of a frozen
# screen. Admin commands (upgrade, demo, backup) legitimately run for minutes: no limit.
PG_CONSOLE_STATEMENT_TIMEOUT_S = 30
# A server that vanished without closing the connection (power cut, dropped VPN) must be
# noticed within seconds, not after the kernel's two-hour keepalive default: probe an idle
# connection after 5 s, every 2 s, give up after 3 lost probes; unacknowledged sends give up
# after 10 s.
PG_KEEPALIVE_PARAMS = {"keepalives": 1, "keepalives_idle": 5, "keepalives_interval": 2,
                       "keepalives_count": 3, "tcp_user_timeout": 10_000}


def create_desk_engine(target: DatabaseTarget, passwords: PasswordStore | None = None, *,
                       admin: bool = False) -> Engine:
    """``admin``: for maintenance commands, without the console's statement time limit."""
    if target.is_sqlite:
        return _sqlite_engine(target)
    return _postgresql_engine(target, passwords or PasswordStore(), admin=admin)


def _sqlite_engine(target: DatabaseTarget) -> Engine:
    engine = create_engine(
        target.url,
        # One database worker thread uses a connection at a time; the pool may hand a
        # connection to a different thread than the one that opened it.
        connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000},
    )

    path = target.sqlite_path

    @event.listens_for(engine, "do_connect")
    def _create_private(dialect: Any, conn_rec: Any, cargs: Any, cparams: Any) -> None:
        # The file holds people's names, addresses and ticket text: readable by its owner
        # only. SQLite would create it with the umask's mode (usually world-readable), and
        # its -wal/-shm files copy the main file's mode.
        if path is not None and not path.exists():
            try:
                os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            except OSError:
                pass  # created meanwhile, or not creatable: sqlite3's own open says why

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: sqlite3.Connection, record: Any) -> None:
        # Let SQLAlchemy issue BEGIN itself (pysqlite's implicit transactions break
        # SAVEPOINT and DDL-in-transaction).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        try:
            cur.execute("PRAGMA journal_mode = WAL")
        except sqlite3.OperationalError:
            pass  # a read-only file keeps its journal mode; writes fail later with a message
        # The embedded file holds work that exists nowhere else: FULL syncs the WAL on every
        # commit, so a power cut cannot take back a save the user saw succeed (NORMAL can).
        cur.execute("PRAGMA synchronous = FULL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # Writers take the lock up front (IMMEDIATE) so two writers queue instead of failing
        # mid-transaction; readers stay deferred and never block (WAL).
        if conn.get_execution_options().get(READ_ONLY_OPTION):
            conn.exec_driver_sql("BEGIN")
        else:
            _begin_immediate(conn)

    return engine


def _begin_immediate(conn: Any) -> None:
    """Take the write lock, waiting at most the busy timeout, oldest waiter first (roughly).

    SQLite's own busy handler backs off to 100 ms sleeps, so a writer that has waited long
    polls least often and loses the lock to every newcomer (measured: one of four writers
    saved once in 10 s). Here a waiter polls more often the longer it has waited, so the
    oldest waiter is the likeliest to get the lock when it frees. After the timeout the last
    attempt fails through SQLAlchemy, which ``translate_error`` turns into "locked by another
    program".
    """
    dbapi = conn.connection.driver_connection
    dbapi.execute("PRAGMA busy_timeout = 0")
    try:
        started = time.monotonic()
        while (waited := time.monotonic() - started) < SQLITE_BUSY_TIMEOUT_MS / 1000:
            try:
                dbapi.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as err:
                if "locked" not in str(err) and "busy" not in str(err):
                    break  # not a wait: the attempt below raises it the usual way
            time.sleep(_poll_interval(waited))
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    finally:
        dbapi.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")


def _poll_interval(waited: float) -> float:
    """8 ms for a new waiter, down to 1 ms after 350 ms of waiting; jittered so that two
    waiters of the same age do not poll in lockstep."""
    return max(0.001, 0.008 / (1 + waited / 0.05)) * random.uniform(0.75, 1.25)


def _postgresql_engine(target: DatabaseTarget, passwords: PasswordStore, *,
                       admin: bool) -> Engine:
    engine = create_engine(
        target.url,
        pool_pre_ping=True,
        connect_args={"connect_timeout": PG_CONNECT_TIMEOUT_S,
                      "application_name": "desk admin" if admin else "desk",
                      **PG_KEEPALIVE_PARAMS},
    )

    _STORES[engine] = passwords
    timeout_ms = 0 if admin else PG_CONSOLE_STATEMENT_TIMEOUT_S * 1000

    @event.listens_for(engine, "do_connect")
    def _connect(dialect: Any, conn_rec: Any, cargs: Any, cparams: dict[str, Any]) -> None:
        password = passwords.get(target, ask=False)
        if password is not None:
            cparams["password"] = password
        # Appended to any ?options= of the URL; a later -c wins, so ours is in force.
        cparams["options"] = " ".join(filter(None, (
            cparams.get("options"), f"-c statement_timeout={timeout_ms}")))

    return engine


def password_store(engine: Engine) -> PasswordStore | None:
    """The store a PostgreSQL engine takes its password from (for pg_dump and the like)."""
    return _STORES.get(engine)


def check_connection(engine: Engine, target: DatabaseTarget,
                     passwords: PasswordStore | None = None) -> None:
    """Connect once; on a missing or wrong password ask (if a prompt exists) and retry."""
    attempts = 3 if passwords is not None and passwords.prompt is not None else 1
    for attempt in range(attempts):
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return
        except DBAPIError as err:
            desk_err = translate_error(err, target)
            if (isinstance(desk_err, AuthenticationFailed) and passwords is not None
                    and attempt + 1 < attempts):
                passwords.forget(target)
                entered = passwords.get(target, ask=True)
                if entered is None:
                    raise desk_err from None
                engine.dispose()
                continue
            raise desk_err from None


def translate_error(err: BaseException, target: DatabaseTarget) -> DeskError:
    """Turn a driver error into a one-line message that names the database, never a secret."""
    orig = getattr(err, "orig", err)
    msg = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    low = str(orig).lower()
    where = target.display()
    if target.is_sqlite:
        if "readonly" in low or "read-only" in low:
            return ReadOnlyDatabase(_("The database file {path} is read-only").format(path=where))
        if "unable to open" in low:
            return ConnectionFailed(_("Cannot open the database file {path}").format(path=where))
        if "malformed" in low:
            return DatabaseDamaged(damaged_message(where, msg))
        if "not a database" in low:
            return ConfigError(_("{path} is not a Desk database (or it is damaged)").format(
                path=where))
        if "append-only" in low:
            return DeskError(_("History entries cannot be changed or deleted ({reason})").format(
                reason=msg))
        if "locked" in low or "busy" in low:
            return ConnectionFailed(
                _("The database file {path} is locked by another program").format(path=where))
        return DeskError(_("Database error on {path}: {reason}").format(path=where, reason=msg))
    user = target.url.username or ""
    if "password authentication failed" in low:
        return AuthenticationFailed(
            _("Wrong password for user '{user}' on {where}").format(user=user, where=where))
    if "no password supplied" in low:
        return AuthenticationFailed(
            _("{where} needs a password for user '{user}'").format(user=user, where=where))
    if "does not exist" in low and "database" in low:
        return ConnectionFailed(
            _("The database '{db}' does not exist on {where}").format(
                db=target.url.database, where=where))
    if "role" in low and "does not exist" in low:
        return AuthenticationFailed(
            _("The user '{user}' does not exist on {where}").format(user=user, where=where))
    if "not permitted to log in" in low or "connect privilege" in low or (
            "permission denied for database" in low):
        # A disabled person, or a login that is no member of this desk: not a server fault.
        return ConnectionFailed(_(
            "The login {user} may not connect to {where}; ask a Desk administrator to give "
            "it access").format(user=user, where=where))
    if "statement timeout" in low:
        return DeskError(_(
            "{where} took longer than {s} s to answer; the request was cancelled").format(
                where=where, s=PG_CONSOLE_STATEMENT_TIMEOUT_S))
    if "append-only" in low:
        return DeskError(_("History entries cannot be changed or deleted ({reason})").format(
            reason=msg))
    if "read-only" in low or "permission denied" in low:
        return ReadOnlyDatabase(_("No write permission on {where}: {reason}").format(
            where=where, reason=msg))
    if isinstance(err, OperationalError) or "connection" in low or "timeout" in low:
        return ConnectionFailed(
            _("Cannot reach the PostgreSQL server {where}: {reason}").format(
                where=where, reason=_short_reason(low, msg)))
    return DeskError(_("Database error on {where}: {reason}").format(where=where, reason=msg))


def _short_reason(low: str, msg: str) -> str:
    if "connection refused" in low:
        return _("connection refused (is the server running?)")
    if "could not translate host name" in low or "name or service not known" in low:
        return _("unknown host name")
    if "timeout" in low or "timed out" in low:
        return _("no answer within {s} s").format(s=PG_CONNECT_TIMEOUT_S)
    return msg


def damaged_message(where: str, detail: str) -> str:
    """What a user reads about a damaged SQLite file, with the way out."""
    return _("The database file {path} is damaged ({detail}). Close every Desk using it and "
             "copy your last good backup over it (one made with 'desk db backup', or the "
             "{name}.*.bak copy Desk makes before each upgrade)").format(
                 path=where, detail=(detail.strip().splitlines() or [""])[0],
                 name=Path(where).name)
