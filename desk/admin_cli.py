"""``desk admin user add|disable|list``: people and their logins (``desk.services.admin_users``).

Registered by ``desk.cli`` through ``register(subparsers, add_db_arg)``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from desk.i18n import _


def register(subparsers: argparse._SubParsersAction,  # type: ignore[type-arg]
             add_db_arg: Callable[[argparse.ArgumentParser], None]) -> None:
    from desk.services.admin_users import KINDS

    admin = subparsers.add_parser("admin", help=_("administration: people and their logins"))
    admin.set_defaults(handler=run)
    sub = admin.add_subparsers(dest="admin_command", metavar="WHAT", required=True)
    user = sub.add_parser("user", help=_("add, disable or list people"))
    usub = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)

    add = usub.add_parser("add", help=_("add a person (and, on PostgreSQL, their login)"))
    add.add_argument("login")
    add.add_argument("--name", required=True, help=_("the name people see"))
    add.add_argument("--role", required=True, choices=tuple(KINDS))
    add.add_argument("--group", action="append", default=[], metavar="NAME",
                     help=_("a group the person belongs to (repeat for several)"))
    add_db_arg(add)
    disable = usub.add_parser("disable", help=_("take a person's access away"))
    disable.add_argument("login")
    add_db_arg(disable)
    add_db_arg(usub.add_parser("list", help=_("list people")))


def run(args: argparse.Namespace) -> int:
    from desk.cli_shared import open_db, prompt
    from desk.services import admin_users

    db = open_db(args)
    try:
        if args.user_command == "add":
            password = None
            if db.target.is_postgresql:
                password = prompt(_("Initial password for {login} (empty: set it later)")
                                   .format(login=args.login)) or None
            person, _changes = admin_users.add_user(
                db, args.login, args.name, args.role, args.group, password=password)
            print(_("Added {login} ({name}) as {role}").format(
                login=person.login, name=person.display_name, role=person.kind))
        elif args.user_command == "disable":
            admin_users.disable_user(db, args.login)
            print(_("Disabled {login}").format(login=args.login))
        else:
            for p in admin_users.list_people(db):
                state = _("active") if p.active else _("disabled")
                print(f"{p.login}\t{p.display_name}\t{p.kind}\t{state}\t{', '.join(p.groups)}")
    finally:
        db.dispose()
    return 0
