"""``Database``: one opened database, handing out short units of work.

A session never crosses threads and never outlives one service call: services receive the
``Database`` and open ``db.write()`` (commits once at the end) or ``db.read()`` themselves.
Hot reads that only run statements (a queue's pages and counts) use ``db.read_statements()``,
a Core connection in a read transaction, without the ORM session's bookkeeping.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from desk.db.engine import READ_ONLY_OPTION, check_connection, create_desk_engine, translate_error
from desk.db.migrate import (
    SchemaState,
    check_integrity_if_due,
    mark_checked,
    refuse_unusable,
    schema_status,
    upgrade,
)
from desk.db.secrets import PasswordStore
from desk.db.url import DatabaseTarget, parse_db_url
from desk.errors import ConfigError, ConnectionFailed
from desk.i18n import _


@dataclass
class Database:
    target: DatabaseTarget
    engine: Engine
    passwords: PasswordStore = field(default_factory=PasswordStore)

    def __post_init__(self) -> None:
        self._writer = sessionmaker(self.engine, expire_on_commit=False)
        self._read_engine = self.engine.execution_options(**{READ_ONLY_OPTION: True})
        self._reader = sessionmaker(self._read_engine, expire_on_commit=False)
        # A screen's data read by several queries must agree with itself: PostgreSQL's
        # default READ COMMITTED takes a new snapshot per statement, REPEATABLE READ one per
        # transaction. SQLite's deferred read transaction in WAL mode is one snapshot already.
        snap = (self._read_engine.execution_options(isolation_level="REPEATABLE READ")
                if self.dialect == "postgresql" else self._read_engine)
        self._snapshot_reader = sessionmaker(snap, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A unit of work that commits once when the block ends (rolls back on error)."""
        with self._writer() as session:
            try:
                yield session
                session.commit()
            except DBAPIError as err:
                session.rollback()
                raise translate_error(err, self.target) from err
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._reader() as session:
            try:
                yield session
            except DBAPIError as err:
                raise translate_error(err, self.target) from err
            finally:
                session.rollback()

    @contextmanager
    def snapshot(self) -> Iterator[Session]:
        """Like ``read``, but every query of the block sees the same committed state (one
        snapshot): for use cases that assemble a screen from several queries."""
        with self._snapshot_reader() as session:
            try:
                yield session
            except DBAPIError as err:
                raise translate_error(err, self.target) from err
            finally:
                session.rollback()

    @contextmanager
    def read_statements(self) -> Iterator[Connection]:
        """Like ``read`` for statements only (no ORM objects): a Core connection, whose read
        transaction ends when the block does. A queue page costs ~0.15 ms less this way."""
        with self._read_engine.connect() as conn:
            try:
                yield conn
            except DBAPIError as err:
                raise translate_error(err, self.target) from err

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(
    url: str | DatabaseTarget | None = None,
    passwords: PasswordStore | None = None,
    *,
    migrate: bool = True,
    create: bool = True,
    admin: bool = False,
) -> Database:
    """Open (and by default create or upgrade) a Desk database.

    ``migrate=False`` only connects: maintenance commands use it to inspect, back up or
    upgrade a database whose schema may be older or newer than this Desk.
    ``create=False`` refuses a SQLite file that does not exist (a mistyped path must not
    become a new, empty database). ``admin``: no statement time limit (PostgreSQL), for
    maintenance commands.

    Raises ``DeskError`` subclasses with a user-facing message: unreachable server, wrong
    password, read-only or damaged file, missing file, a schema newer than this Desk or
    another program's tables.
    """
    target = url if isinstance(url, DatabaseTarget) else parse_db_url(url)
    passwords = passwords or PasswordStore()
    path = target.sqlite_path
    existed = path is not None and path.exists()
    if path is not None:
        _prepare_sqlite_file(path, existed, create)
    engine = create_desk_engine(target, passwords, admin=admin)
    try:
        check_connection(engine, target, passwords)
        if existed:
            check_integrity_if_due(target)
        if migrate:
            status = schema_status(engine)
            refuse_unusable(status, target)
            if status.state is not SchemaState.CURRENT:
                upgrade(engine, target)
        if path is not None and not existed:
            mark_checked(path)  # a new file is healthy: no check due for a week
    except DBAPIError as err:
        engine.dispose()
        raise translate_error(err, target) from None
    except BaseException:
        engine.dispose()
        raise
    return Database(target, engine, passwords)


def _prepare_sqlite_file(path: Path, existed: bool, create: bool) -> None:
    if path.is_dir():
        raise ConfigError(_("{path} is a folder, not a database file").format(path=path))
    if existed:
        return
    if not create:
        raise ConfigError(_(
            "There is no database file {path}; check the path, or create the database "
            "with 'desk db upgrade --db {path}'").format(path=path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ConnectionFailed(_("Cannot create the folder {path}: {reason}").format(
            path=path.parent, reason=err.strerror)) from None
