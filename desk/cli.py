"""The ``desk`` command. Qt is imported only when the GUI starts.

Every command accepts ``--db URL`` after its name; without it Desk uses ``DESK_DB``, then the
configured database (``desk db use URL``), then the embedded SQLite default. User errors end as
one line on stderr and a non-zero exit status, never a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import importlib
import sqlite3
import sys
import time
from collections.abc import Callable, Sequence

import psycopg
from sqlalchemy.exc import DBAPIError

from desk import __version__
from desk import config as local_config
from desk.db.engine import translate_error
from desk.db.secrets import PasswordStore
from desk.db.session import Database, open_database
from desk.db.url import parse_db_url
from desk.errors import DeskError
from desk.i18n import _

EXIT_USER_ERROR = 2


def _prompt(text: str) -> str | None:
    if not sys.stdin.isatty():
        return None
    try:
        return getpass.getpass(f"{text}: ")
    except (EOFError, KeyboardInterrupt):
        return None


def _db_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="URL", default=argparse.SUPPRESS,
                   help=_("database: sqlite:///FILE, a file path, or "
                          "postgresql+psycopg://user@host[:port]/db"))


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
    _db_arg(demo)

    for register in _extensions():
        register(sub, _db_arg)
    return parser


def _extensions() -> list[Callable[..., None]]:
    """Subcommands that other parts of the core contribute (``register(sub, add_db_arg)``)."""
    found = []
    for module in ("desk.cmdb.cli", "desk.sla.cli", "desk.admin_cli"):
        try:
            found.append(importlib.import_module(module).register)
        except ModuleNotFoundError as err:
            if err.name != module:
                raise
    return found


def open_db(args: argparse.Namespace, *, migrate: bool = True) -> Database:
    url = getattr(args, "db", None) or local_config.configured_database()
    return open_database(url, PasswordStore(prompt=_prompt), migrate=migrate)


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

    db = open_db(args, migrate=False)
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
            if ensure_default_sla(db):
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


def _cmd_demo(args: argparse.Namespace) -> int:
    from desk.demo.generate import generate_demo

    if args.tickets < 0:
        raise DeskError(_("--tickets must be 0 or more"))
    db = open_db(args)
    try:
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
        # Bulk paths use the raw driver; their errors get the same one-line treatment.
        target = parse_db_url(getattr(args, "db", None) or local_config.configured_database())
        print(f"desk: {_('error')}: {translate_error(err, target)}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print(f"desk: {_('interrupted')}", file=sys.stderr)
        return 130
