"""``desk cmdb …``: import, export, impact, and class administration from the command line.

Registered by ``desk.cli`` through ``register(subparsers, add_db_arg)``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from desk.cli_shared import open_db
from desk.db.session import Database
from desk.errors import DeskError
from desk.i18n import _


def register(subparsers: argparse._SubParsersAction,  # type: ignore[type-arg]
             add_db_arg: Callable[[argparse.ArgumentParser], None]) -> None:
    cmdb = subparsers.add_parser("cmdb", help=_("configuration items: import, export, impact"))
    cmdb.set_defaults(handler=run)
    sub = cmdb.add_subparsers(dest="cmdb_command", metavar="ACTION", required=True)

    imp = sub.add_parser("import", help=_("import CIs and relationships from CSV files"))
    imp.add_argument("--cis", type=Path, metavar="FILE", help=_("CIs (cis.csv)"))
    imp.add_argument("--relationships", type=Path, metavar="FILE",
                     help=_("relationships (source,type,target)"))
    add_db_arg(imp)

    exp = sub.add_parser("export", help=_("export CIs and relationships to CSV files"))
    exp.add_argument("--cis", type=Path, metavar="FILE", required=True)
    exp.add_argument("--relationships", type=Path, metavar="FILE")
    add_db_arg(exp)

    imp_ = sub.add_parser("impact", help=_("what is affected if these CIs are down"))
    imp_.add_argument("names", nargs="+", metavar="NAME",
                      help=_("CI names (class:name when a name is ambiguous)"))
    imp_.add_argument("--up", action="store_true",
                      help=_("walk upstream: what these CIs depend on"))
    imp_.add_argument("--depth", type=int, metavar="N", help=_("at most N hops"))
    imp_.add_argument("--json", action="store_true", help=_("machine-readable output"))
    add_db_arg(imp_)

    classes = sub.add_parser("classes", help=_("list CI classes and their fields"))
    add_db_arg(classes)

    add = sub.add_parser("add-class", help=_("add a CI class (administrators)"))
    add.add_argument("name")
    add.add_argument("--label", default="")
    add.add_argument("--service", action="store_true",
                     help=_("CIs of this class are business services"))
    add.add_argument("--field", action="append", default=[], metavar="NAME:TYPE[:required]",
                     help=_("a field of the class; types: text, integer, decimal, boolean, "
                            "date"))
    add_db_arg(add)

    prop = sub.add_parser("propagation",
                          help=_("show or set which relationship types propagate an outage"))
    prop.add_argument("types", nargs="*", metavar="TYPE")
    add_db_arg(prop)


def run(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        return _COMMANDS[args.cmdb_command](db, args)
    finally:
        db.dispose()


def _import(db: Database, args: argparse.Namespace) -> int:
    from desk.cmdb.csvio import ImportFailed, import_cmdb

    if args.cis is None and args.relationships is None:
        raise DeskError(_("Give --cis and/or --relationships"))
    try:
        summary = import_cmdb(db, None, args.cis, args.relationships).value
    except ImportFailed as err:
        print(err.report(), file=sys.stderr)
        raise
    print(summary)
    return 0


def _export(db: Database, args: argparse.Namespace) -> int:
    from desk.cmdb.csvio import export_cmdb

    summary = export_cmdb(db, args.cis, args.relationships)
    print(_("{n} CIs and {r} relationships exported").format(
        n=summary.cis, r=summary.relationships))
    return 0


def _impact(db: Database, args: argparse.Namespace) -> int:
    from desk.cmdb.graph import impact
    from desk.cmdb.services import ci_ids_for_names

    if args.depth is not None and args.depth < 0:
        raise DeskError(_("--depth must be 0 or more"))
    found, problems = ci_ids_for_names(db, args.names)
    if problems:
        raise DeskError("; ".join(problems))
    result = impact(db, list(dict.fromkeys(found.values())), upstream=args.up,
                    depth=args.depth)
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
        return 0
    title = _("Upstream of") if args.up else _("Down")
    print(f"{title}: {', '.join(c.name for c in result.down)}")
    if not result.affected:
        print(_("Nothing else is affected.") if not args.up
              else _("No dependencies found."))
    else:
        rows = [(str(c.distance), c.name, c.class_name) for c in result.affected]
        head = (_("Hops"), _("CI"), _("Class"))
        widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(head)]
        print("  ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)))
        for r in rows:
            print("  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip())
    if result.services:
        label = _("Business services needed") if args.up else _("Affected business services")
        print(f"{label}: {', '.join(c.name for c in result.services)}")
    return 0


def _classes(db: Database, args: argparse.Namespace) -> int:
    from desk.cmdb.services import list_classes

    for c in list_classes(db, with_counts=True):
        fields = ", ".join(f"{f.name}:{f.type}{':required' if f.required else ''}"
                           for f in c.fields)
        flag = " [service]" if c.is_service else ""
        print(f"{c.name}{flag} ({c.count}) — {c.display}: {fields or '-'}")
    return 0


def _add_class(db: Database, args: argparse.Namespace) -> int:
    from desk.cmdb.services import create_class

    fields = []
    for spec in args.field:
        parts = spec.split(":")
        if len(parts) not in (2, 3) or (len(parts) == 3 and parts[2] != "required"):
            raise DeskError(_("--field {spec}: write NAME:TYPE or NAME:TYPE:required").format(
                spec=spec))
        fields.append({"name": parts[0], "type": parts[1], "required": len(parts) == 3})
    view, _changes = create_class(db, None, args.name, args.label, fields,
                                  args.service)
    print(_("Class {name} added").format(name=view.name))
    return 0


def _propagation(db: Database, args: argparse.Namespace) -> int:
    from desk.cmdb.settings import propagating_types, set_propagating_types

    if args.types:
        set_propagating_types(db, args.types)
    types = propagating_types(db)
    print(_("Propagating: {types}").format(types=", ".join(sorted(types)) or _("none")))
    return 0


_COMMANDS: dict[str, Callable[[Database, argparse.Namespace], int]] = {
    "import": _import,
    "export": _export,
    "impact": _impact,
    "classes": _classes,
    "add-class": _add_class,
    "propagation": _propagation,
}
