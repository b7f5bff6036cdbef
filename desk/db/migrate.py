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
from sqlalchemy import Engine

from desk.db.url import DatabaseTarget
from desk.errors import DeskError, SchemaTooNew
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


@dataclass(frozen=True)
class SchemaStatus:
    state: SchemaState
    current: str | None
    head: str


def schema_status(engine: Engine) -> SchemaStatus:
    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    assert head is not None
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    if current is None:
        return SchemaStatus(SchemaState.EMPTY, None, head)
    if current == head:
        return SchemaStatus(SchemaState.CURRENT, current, head)
    try:
        script.get_revision(current)
    except Exception:
        return SchemaStatus(SchemaState.NEWER, current, head)
    return SchemaStatus(SchemaState.BEHIND, current, head)


def refuse_newer(status: SchemaStatus, target: DatabaseTarget) -> None:
    if status.state is SchemaState.NEWER:
        raise SchemaTooNew(_(
            "The database {where} was upgraded by a newer Desk (schema {current}); this Desk "
            "knows schema {head} at most. Install the newer Desk to open it.").format(
                where=target.display(), current=status.current, head=status.head))


def upgrade(engine: Engine, target: DatabaseTarget, revision: str = "head",
            backup: bool = True) -> Path | None:
    """Upgrade to ``revision``. A non-empty SQLite file is backed up first; returns the copy."""
    status = schema_status(engine)
    refuse_newer(status, target)
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
        cfg.attributes["connection"] = conn
        getattr(command, verb)(cfg, revision)


def backup_database(engine: Engine, target: DatabaseTarget, dest: Path) -> Path:
    """A consistent copy of the database: SQLite's online backup, or pg_dump for PostgreSQL."""
    dest = Path(dest).expanduser().absolute()
    if dest.exists():
        raise DeskError(_("{path} exists already; choose a new file").format(path=dest))
    if target.is_sqlite:
        if target.sqlite_path is None:
            raise DeskError(_("An in-memory database cannot be backed up"))
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
        return dest
    return _pg_dump(engine, target, dest)


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
