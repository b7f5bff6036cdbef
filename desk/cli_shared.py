"""What every ``desk`` command module shares: the ``--db`` option, opening the database it
names, the password prompt and the exit status of a user error. Below ``desk.cli`` and the
command modules it registers (``desk.cmdb.cli``, ``desk.slaops.cli``), so they import it
instead of importing ``desk.cli`` back."""

from __future__ import annotations

import argparse
import getpass
import sys

from desk import config as local_config
from desk.db.secrets import PasswordStore
from desk.db.session import Database, open_database
from desk.db.url import DatabaseTarget, parse_db_url
from desk.i18n import _

EXIT_USER_ERROR = 2


def prompt(text: str) -> str | None:
    if not sys.stdin.isatty():
        return None
    try:
        return getpass.getpass(f"{text}: ")
    except (EOFError, KeyboardInterrupt):
        return None


def add_db_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="URL", default=argparse.SUPPRESS,
                   help=_("database: sqlite:///FILE, a file path, or "
                          "postgresql+psycopg://user@host[:port]/db"))


def open_db(args: argparse.Namespace, *, migrate: bool = True,
            create: bool = False) -> Database:
    """The command's database. Only commands that exist to make a database pass ``create``:
    anywhere else a mistyped path is an error, not a new empty database.

    Commands run without the console's statement time limit (``admin``): they are batch
    work (upgrade, demo, recompute, imports) with no screen to keep responsive, and Ctrl+C
    stops them.
    """
    return open_database(target_of(args), PasswordStore(prompt=prompt), migrate=migrate,
                         create=create, admin=True)


def target_of(args: argparse.Namespace) -> DatabaseTarget:
    """The database the command names (``--db``, then ``DESK_DB`` and the configuration)."""
    return parse_db_url(getattr(args, "db", None) or local_config.configured_database())
