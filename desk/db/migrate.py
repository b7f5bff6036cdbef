"""Alembic, used programmatically: schema status, upgrade (with a SQLite backup first), backup.

The alembic environment lives in the top-level ``migrations/`` folder so that the ``alembic``
command and Desk share it; Desk hands its own connection to ``env.py`` through
``Config.attributes["connection"]``.
"""

from __future__ import annotations

import enum
import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect

from desk.db.url import DatabaseTarget
from desk.errors import ConfigError, DatabaseDamaged, DeskError, SchemaTooNew
from desk.i18n import _
from desk.timeutil import utcnow

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent.parent / "migrations"


# Tables and indexes that migrations manage with raw SQL and the ORM does not map (full-text
# tables, their shadow tables, GIN expression indexes); autogenerate must not drop them.
UNMANAGED_TABLE_MARKERS = ("_fts", "fts_")


def include_object(obj: object, name: str | None, type_: str, reflected: bool,
                   compare_to: object) -> bool:
    """Autogenerate filter shared by ``migrations/env.py`` and the schema test."""
    if type_ in ("table", "index") and reflected and compare_to is None and name is not None:
        return not any(marker in name for marker in UNMANAGED_TABLE_MARKERS)
    return True


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


class SchemaState(enum.Enum):
    EMPTY = "empty"  # no Desk schema yet
    BEHIND = "behind"  # older revision: upgrade
    CURRENT = "current"
    NEWER = "newer"  # written by a newer Desk: refuse
    FOREIGN = "foreign"  # another program's tables and no Desk schema: refuse


@dataclass(frozen=True)
class SchemaStatus:
    state: SchemaState
    current: str | None
    head: str
    # FOREIGN: the tables and views found (sorted), which Desk must not add its schema to.
    found: tuple[str, ...] = ()


def schema_status(engine: Engine) -> SchemaStatus:
    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    assert head is not None
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
        found = _other_tables(conn) if current is None else ()
    if current is None:
        if found:
            return SchemaStatus(SchemaState.FOREIGN, None, head, found)
        return SchemaStatus(SchemaState.EMPTY, None, head)
    if current == head:
        return SchemaStatus(SchemaState.CURRENT, current, head)
    try:
        script.get_revision(current)
    except Exception:
        return SchemaStatus(SchemaState.NEWER, current, head)
    return SchemaStatus(SchemaState.BEHIND, current, head)


def _other_tables(conn: Connection) -> tuple[str, ...]:
    insp = inspect(conn)
    names = set(insp.get_table_names()) | set(insp.get_view_names())
    if conn.dialect.name == "postgresql":
        names |= set(insp.get_foreign_table_names())  # type: ignore[attr-defined]
    names.discard("alembic_version")
    return tuple(sorted(names))


def refuse_unusable(status: SchemaStatus, target: DatabaseTarget) -> None:
    """Refuse a schema this Desk cannot work with: a newer one, or another program's."""
    if status.state is SchemaState.FOREIGN:
        shown = ", ".join(status.found[:5]) + (", …" if len(status.found) > 5 else "")
        raise ConfigError(_(
            "{where} is not a Desk database: it holds {n} tables of another program ({names}). "
            "Desk creates its schema only in an empty database").format(
                where=target.display(), n=len(status.found), names=shown))
    if status.state is SchemaState.NEWER:
        raise SchemaTooNew(_(
            "The database {where} was upgraded by a newer Desk (schema {current}); this Desk "
            "knows schema {head} at most. Install the newer Desk to open it.").format(
                where=target.display(), current=status.current, head=status.head))


def upgrade(engine: Engine, target: DatabaseTarget, revision: str = "head",
            backup: bool = True) -> Path | None:
    """Upgrade to ``revision``. A non-empty SQLite file is checked and backed up first; returns
    the copy. An upgrade rewrites tables: on a damaged file it would spread the damage."""
    status = schema_status(engine)
    refuse_unusable(status, target)
    if target.sqlite_path is not None and status.state is not SchemaState.EMPTY:
        check_integrity(target)
    copy = None
    if backup and status.state is SchemaState.BEHIND and target.sqlite_path is not None:
        stamp = utcnow().strftime("%Y%m%dT%H%M%SZ")
        copy = target.sqlite_path.with_name(
            f"{target.sqlite_path.name}.{status.current}.{stamp}.bak")
        backup_database(engine, target, copy)
    run_alembic(engine, "upgrade", revision)
    return copy


def downgrade(engine: Engine, revision: str) -> None:
    run_alembic(engine, "downgrade", revision)


def run_alembic(engine: Engine, verb: str, revision: str) -> None:
    cfg = alembic_config()
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # A migration may rewrite a big table: no console statement time limit.
            conn.exec_driver_sql("SET LOCAL statement_timeout = 0")
        cfg.attributes["connection"] = conn
        getattr(command, verb)(cfg, revision)


def backup_database(engine: Engine, target: DatabaseTarget, dest: Path) -> Path:
    """A consistent copy of the database: SQLite's online backup, or pg_dump for PostgreSQL.

    A SQLite source is checked first (a copy of a damaged file is no backup) and the copy is
    checked after: a backup that fails its check is deleted and reported as failed.
    """
    dest = Path(dest).expanduser().absolute()
    if dest.exists():
        raise DeskError(_("{path} exists already; choose a new file").format(path=dest))
    if target.is_sqlite:
        if target.sqlite_path is None:
            raise DeskError(_("An in-memory database cannot be backed up"))
        check_integrity(target)
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
            src = sqlite3.connect(f"file:{target.sqlite_path}?mode=ro", uri=True)
            try:
                out = sqlite3.connect(dest)
                with out:
                    src.backup(out)
                out.close()
            finally:
                src.close()
        except (sqlite3.Error, OSError) as err:
            dest.unlink(missing_ok=True)
            raise DeskError(_("Backup to {path} failed: {reason}").format(
                path=dest, reason=err)) from None
        problems = quick_check(dest)
        if problems:
            dest.unlink(missing_ok=True)
            raise DeskError(_("Backup to {path} failed: the copy does not pass its integrity "
                              "check ({detail})").format(path=dest,
                                                         detail=problems[0].splitlines()[0]))
        return dest
    return _pg_dump(engine, target, dest)


# ---------------------------------------------------------------- SQLite integrity

# The date of the last passed check is kept in the file's header (PRAGMA user_version, which
# Desk uses for nothing else): no table, so no trigger, change feed or migration sees it.
INTEGRITY_CHECK_EVERY_DAYS = 7
_EPOCH_DAY = 86_400


def quick_check(path: Path) -> list[str]:
    """``PRAGMA quick_check`` of a SQLite file: [] when healthy, else its problems."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA quick_check(5)")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as err:
        # A file too damaged to run the check on (e.g. a broken header or schema page).
        return [str(err)]
    return [] if rows == ["ok"] else rows


def check_integrity(target: DatabaseTarget) -> None:
    """Raise ``DatabaseDamaged`` (with the way out) when the SQLite file fails its check."""
    from desk.db.engine import damaged_message

    assert target.sqlite_path is not None
    problems = quick_check(target.sqlite_path)
    if problems:
        raise DatabaseDamaged(damaged_message(target.display(), problems[0]))
    mark_checked(target.sqlite_path)


def check_integrity_if_due(target: DatabaseTarget) -> None:
    """On open: check a file whose last passed check is older than a week."""
    assert target.sqlite_path is not None
    try:
        conn = sqlite3.connect(f"file:{target.sqlite_path}?mode=ro", uri=True)
        try:
            last_day = conn.execute("PRAGMA user_version").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        last_day = 0
    if _today() - last_day >= INTEGRITY_CHECK_EVERY_DAYS:
        check_integrity(target)


def mark_checked(path: Path) -> None:
    try:
        conn = sqlite3.connect(path, timeout=1)
        try:
            conn.execute(f"PRAGMA user_version = {_today()}")
        finally:
            conn.close()
    except sqlite3.OperationalError:
        pass  # read-only or busy: the check simply runs again at the next open


def _today() -> int:
    return int(utcnow().timestamp()) // _EPOCH_DAY


def _pg_dump(engine: Engine, target: DatabaseTarget, dest: Path) -> Path:
    exe = shutil.which("pg_dump")
    if exe is None:
        raise DeskError(_("pg_dump is not installed; install the PostgreSQL client tools"))
    u = target.url
    args = [exe, "--format=custom", f"--file={dest}", f"--dbname={u.database}"]
    if u.host:
        args.append(f"--host={u.host}")
    if u.port:
        args.append(f"--port={u.port}")
    if u.username:
        args.append(f"--username={u.username}")
    env = None
    # The password goes through the environment of the child only, never its arguments.
    password = _engine_password(engine, target)
    if password is not None:
        env = dict(os.environ, PGPASSWORD=password)
    result = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        dest.unlink(missing_ok=True)
        reason = (result.stderr.strip().splitlines() or ["pg_dump failed"])[-1]
        raise DeskError(_("Backup to {path} failed: {reason}").format(path=dest, reason=reason))
    return dest


def _engine_password(engine: Engine, target: DatabaseTarget) -> str | None:
    from desk.db.engine import password_store

    store = password_store(engine)
    return store.get(target, ask=False) if store is not None else None
