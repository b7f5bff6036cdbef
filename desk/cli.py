"""The ``desk`` command. Qt is imported only when the GUI starts.

Every command accepts ``--db URL`` after its name; without it Desk uses ``DESK_DB``, then the
configured database (``desk db use URL``), then the embedded SQLite default. User errors end as
one line on stderr and a non-zero exit status, never a traceback.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import time
from collections.abc import Callable, Sequence

import psycopg
from sqlalchemy.exc import DBAPIError

from desk import __version__, admin_cli
from desk import config as local_config
from desk.cli_shared import EXIT_USER_ERROR, open_db, target_of
from desk.cli_shared import add_db_arg as _db_arg
from desk.cli_shared import prompt as _prompt
from desk.cmdb import cli as cmdb_cli
from desk.db.engine import translate_error
from desk.db.secrets import PasswordStore
from desk.db.session import Database
from desk.db.url import DatabaseTarget, parse_db_url
from desk.errors import DeskError
from desk.i18n import _
from desk.slaops import cli as sla_cli


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="desk", description=_("Desk — a desktop service desk console."))
    parser.add_argument("--version", action="version", version=f"desk {__version__}")
    _db_arg(parser)
    parser.add_argument("--user", metavar="NAME", default=argparse.SUPPRESS,
                        help=_("sign in as this user (local databases)"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = sub.add_parser("gui", help=_("start the console (the default)"))
    _db_arg(gui)
    gui.add_argument("--user", metavar="NAME", default=argparse.SUPPRESS)

    db = sub.add_parser("db", help=_("database maintenance"))
    dbsub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    for name, text in (("upgrade", _("create or upgrade the schema")),
                       ("current", _("show the schema revision"))):
        _db_arg(dbsub.add_parser(name, help=text))
    backup = dbsub.add_parser("backup", help=_("copy the database to a file"))
    backup.add_argument("path")
    _db_arg(backup)
    use = dbsub.add_parser("use", help=_("make URL the database Desk opens by default"))
    use.add_argument("url")
    password = dbsub.add_parser(
        "password", help=_("store the server password in the system keyring"))
    _db_arg(password)
    prune = dbsub.add_parser("prune", help=_("drop change-feed entries older than N days"))
    prune.add_argument("--keep-days", type=int, default=7, metavar="N")
    _db_arg(prune)

    demo = sub.add_parser("demo", help=_("fill the database with realistic demo data"))
    demo.add_argument("--tickets", type=int, default=20_000, metavar="N")
    demo.add_argument("--seed", type=int, default=1, metavar="S")
    demo.add_argument("--locale", choices=("en", "zh_CN"), default="en")
    demo.add_argument("--quiet", action="store_true", help=_("no progress bar"))
    demo.add_argument("--replace", action="store_true",
                      help=_("delete everything in the database first (it holds tickets)"))
    _db_arg(demo)

    # Subcommands of other parts of the core: ``register(sub, add_db_arg)``.
    for register in (cmdb_cli.register, sla_cli.register, admin_cli.register):
        register(sub, _db_arg)
    return parser


class ProgressBar:
    """A one-line progress bar on stderr (only when stderr is a terminal)."""

    def __init__(self, label: str, enabled: bool = True) -> None:
        self.label = label
        self.enabled = enabled and sys.stderr.isatty()
        self.started = time.monotonic()
        self._last = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if not self.enabled or (now - self._last < 0.1 and done < total):
            return
        self._last = now
        width = 30
        frac = done / total if total else 1.0
        bar = "#" * int(frac * width)
        rate = done / max(now - self.started, 1e-9)
        sys.stderr.write(f"\r{self.label} [{bar:<{width}}] {frac:6.1%} {done:,}/{total:,} "
                         f"({rate:,.0f}/s)")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def _cmd_db(args: argparse.Namespace) -> int:
    from desk.db import migrate

    if args.db_command == "use":
        target = parse_db_url(args.url)
        values = local_config.load()
        values["database"] = target.url.render_as_string(hide_password=True)
        local_config.save(values)
        print(_("Desk will open {where}").format(where=target.display()))
        return 0
    if args.db_command == "password":
        db_url = getattr(args, "db", None) or local_config.configured_database()
        target = parse_db_url(db_url)
        if not target.is_postgresql:
            raise DeskError(_("Only a PostgreSQL server has a password"))
        entered = _prompt(_("Password for {who}").format(who=target.display()))
        if not entered:
            raise DeskError(_("No password entered"))
        PasswordStore().save(target, entered)
        print(_("Password stored in the system keyring"))
        return 0

    db = open_db(args, migrate=False, create=args.db_command == "upgrade")
    try:
        if args.db_command == "current":
            st = migrate.schema_status(db.engine)
            print(_("{where}: schema {current} ({state}; this Desk knows {head})").format(
                where=db.target.display(), current=st.current or _("none"),
                state=st.state.value, head=st.head))
        elif args.db_command == "upgrade":
            from desk.sla.policy import ensure_default_sla

            copy = migrate.upgrade(db.engine, db.target)
            if copy is not None:
                print(_("Backed up to {path}").format(path=copy))
            if ensure_default_sla(db).value:
                print(_("Added the default SLA calendars and policies"))
            print(_("{where} is at schema {head}").format(
                where=db.target.display(), head=migrate.head_revision()))
        elif args.db_command == "prune":
            from datetime import timedelta

            from desk.db.feed import prune

            if args.keep_days < 0:
                raise DeskError(_("--keep-days must be 0 or more"))
            gone = prune(db, timedelta(days=args.keep_days))
            print(_("Removed {n} change-feed entries").format(n=gone))
        elif args.db_command == "backup":
            dest = migrate.backup_database(db.engine, db.target, args.path)
            print(_("Backed up to {path}").format(path=dest))
    finally:
        db.dispose()
    return 0


# Above this the generator's plans no longer fit a desktop's memory; the benchmarks go to 1M.
DEMO_MAX_TICKETS = 5_000_000
# Measured with 20,000 demo tickets (their events, worklog, indexes, search index, CMDB and
# SLA data included): 122 MB on SQLite, 101 MB on PostgreSQL.
DEMO_BYTES_PER_TICKET = {"sqlite": 6_100, "postgresql": 5_000}
DEMO_SAY_SIZE_FROM = 1_000_000


def _cmd_demo(args: argparse.Namespace) -> int:
    from desk.demo.generate import generate_demo

    if not 0 <= args.tickets <= DEMO_MAX_TICKETS:
        raise DeskError(_("--tickets must be between 0 and {n:,}").format(n=DEMO_MAX_TICKETS))
    _demo_check_space(target_of(args), args.tickets)
    db = open_db(args, create=True)
    try:
        existing = _ticket_count(db)
        if existing and not args.replace:
            raise DeskError(_(
                "{where} already holds {n:,} tickets; the demo fills only a database without "
                "tickets. Add --replace to delete everything in it first, or give a new file "
                "with --db").format(where=db.target.display(), n=existing))
        if existing:
            _wipe(db)
        started = time.monotonic()
        summary = generate_demo(db, tickets=args.tickets, seed=args.seed, locale=args.locale,
                                progress=ProgressBar(_("Tickets"), enabled=not args.quiet))
        secs = time.monotonic() - started
        print(_("{where}: {summary} in {secs:.1f} s ({rate:,.0f} tickets/s)").format(
            where=db.target.display(), summary=summary, secs=secs,
            rate=args.tickets / secs if secs else 0))
    finally:
        db.dispose()
    return 0


def _ticket_count(db: Database) -> int:
    with db.read_statements() as conn:
        return conn.exec_driver_sql("SELECT count(*) FROM tickets").scalar_one()


def _wipe(db: Database) -> None:
    """Everything out, then the schema afresh (append-only history refuses row deletes)."""
    from desk.db import migrate

    if db.dialect == "sqlite":
        # Dropping the tables takes their indexes and triggers along; SQLite has no other
        # schema objects. Walking the migrations down rebuilds tables in batch mode: minutes.
        with db.engine.connect() as conn:
            dbapi = conn.connection.driver_connection
            dbapi.execute("PRAGMA foreign_keys = OFF")
            try:
                with conn.begin():
                    # Virtual (full-text) tables first: they drop their shadow tables.
                    names = [r[0] for r in conn.exec_driver_sql(
                        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                        "LIKE 'sqlite^_%' ESCAPE '^' ORDER BY sql LIKE 'CREATE TABLE%'")]
                    for name in names:
                        if conn.exec_driver_sql(
                                "SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).first():
                            conn.exec_driver_sql(f'DROP TABLE "{name}"')
            finally:
                dbapi.execute("PRAGMA foreign_keys = ON")
    else:
        migrate.run_alembic(db.engine, "downgrade", "base")
    migrate.run_alembic(db.engine, "upgrade", "head")


def _demo_check_space(target: DatabaseTarget, tickets: int) -> None:
    """Before anything is created: a big demo says what it needs, and refuses to fill the
    disk of a SQLite file (a server's disk is not ours to measure)."""
    if tickets < DEMO_SAY_SIZE_FROM:
        return
    need = tickets * DEMO_BYTES_PER_TICKET["sqlite" if target.is_sqlite else "postgresql"]
    gb = need / 1e9
    path = target.sqlite_path
    if path is not None:
        folder = next(p for p in (path.parent, *path.parents) if p.exists())
        free = shutil.disk_usage(folder).free
        if free < need:
            raise DeskError(_(
                "{n:,} demo tickets need about {gb:.1f} GB of disk; {path} has {free:.1f} GB "
                "free").format(n=tickets, gb=gb, path=folder, free=free / 1e9))
    print(_("{n:,} demo tickets take about {gb:.1f} GB of disk").format(n=tickets, gb=gb),
          file=sys.stderr)


def _cmd_gui(args: argparse.Namespace) -> int:
    from desk.ui.app import run

    return run(db_url=getattr(args, "db", None), user=getattr(args, "user", None))


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    commands: dict[str | None, Callable[[argparse.Namespace], int]] = {
        None: _cmd_gui, "gui": _cmd_gui, "db": _cmd_db, "demo": _cmd_demo}
    handler = commands.get(args.command) or getattr(args, "handler", None)
    if handler is None:
        parser.error(_("unknown command"))
    try:
        return handler(args)
    except DeskError as err:
        print(f"desk: {_('error')}: {err}", file=sys.stderr)
        return EXIT_USER_ERROR
    except (DBAPIError, sqlite3.Error, psycopg.Error) as err:
        # Bulk paths use the raw driver; their errors get the same one-line treatment. The
        # database was opened, so its URL and the configuration parse.
        print(f"desk: {_('error')}: {translate_error(err, target_of(args))}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print(f"desk: {_('interrupted')}", file=sys.stderr)
        return 130
