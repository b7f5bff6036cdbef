"""``desk sla …``: attainment report, recompute, calendars, holidays, escalations.

Registered by ``desk.cli`` through ``register(subparsers, add_db_arg)``. Changes to calendars
print which open tickets' due instants would move and are saved only with ``--apply``.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from pathlib import Path

from desk.cli_shared import open_db
from desk.db.session import Database
from desk.errors import DeskError
from desk.i18n import _


def register(subparsers: argparse._SubParsersAction,  # type: ignore[type-arg]
             add_db_arg: Callable[[argparse.ArgumentParser], None]) -> None:
    sla = subparsers.add_parser("sla", help=_("SLA clocks: report, recompute, calendars"))
    sla.set_defaults(handler=run)
    sub = sla.add_subparsers(dest="sla_command", metavar="ACTION", required=True)

    report = sub.add_parser("report", help=_("SLA attainment per policy, group and month"))
    report.add_argument("--csv", type=Path, metavar="FILE", help=_("write CSV to FILE"))
    report.add_argument("--since", metavar="YYYY-MM", help=_("from this month on"))
    report.add_argument("--until", metavar="YYYY-MM", help=_("before this month"))
    add_db_arg(report)

    recompute = sub.add_parser("recompute",
                               help=_("recompute clocks from the tickets' event logs"))
    recompute.add_argument("--all", action="store_true",
                           help=_("every ticket, not only the open ones"))
    add_db_arg(recompute)

    escalate = sub.add_parser("escalate", help=_("fire due warnings and breaches once"))
    add_db_arg(escalate)

    calendar = sub.add_parser("calendar", help=_("list, export or import business calendars"))
    calsub = calendar.add_subparsers(dest="calendar_command", metavar="ACTION", required=True)
    add_db_arg(calsub.add_parser("list", help=_("list the calendars")))
    export = calsub.add_parser("export", help=_("write a calendar as JSON"))
    export.add_argument("name")
    export.add_argument("file", type=Path, help=_("JSON file ('-' for standard output)"))
    add_db_arg(export)
    imp = calsub.add_parser("import", help=_("read a calendar from JSON (new or replacing)"))
    imp.add_argument("name")
    imp.add_argument("file", type=Path)
    imp.add_argument("--apply", action="store_true",
                     help=_("save it; without this only show what would change"))
    add_db_arg(imp)

    hol = sub.add_parser("holidays",
                         help=_("merge public holidays and make-up workdays into a calendar"))
    hol.add_argument("--country", required=True, help=_("ISO 3166 code, such as CN"))
    hol.add_argument("--subdiv", help=_("subdivision (state, province)"))
    hol.add_argument("--years", type=int, nargs="+", required=True, metavar="YEAR")
    hol.add_argument("--calendar", required=True, metavar="NAME")
    hol.add_argument("--apply", action="store_true",
                     help=_("save it; without this only show what would change"))
    add_db_arg(hol)


def run(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        if args.sla_command == "calendar":
            return _CALENDAR[args.calendar_command](db, args)
        return _COMMANDS[args.sla_command](db, args)
    finally:
        db.dispose()


def _month(value: str | None, flag: str):  # -> datetime | None
    from datetime import UTC, datetime

    if value is None:
        return None
    try:
        return datetime.strptime(value, "%Y-%m").replace(tzinfo=UTC)
    except ValueError:
        raise DeskError(_("{flag} expects a month YYYY-MM, got {value}").format(
            flag=flag, value=value)) from None


def _report(db: Database, args: argparse.Namespace) -> int:
    from desk.sla.policy import Target
    from desk.slaops.report import attainment, export_csv

    since, until = _month(args.since, "--since"), _month(args.until, "--until")
    if args.csv is not None:
        n = export_csv(db, args.csv, since=since, until=until)
        print(_("{n} rows written to {path}").format(n=n, path=args.csv))
        return 0
    rows = attainment(db, since=since, until=until)
    if not rows:
        print(_("No SLA verdicts yet"))
        return 0
    print(f"{_('Month'):<8} {_('Policy'):<20} {_('Group'):<24} {_('Target'):<15} "
          f"{_('Met'):>7} {_('Breached'):>9} {'%':>6}")
    for r in rows:
        target = Target(r.target).label if r.target in Target._value2member_map_ else r.target
        print(f"{r.month:<8} {r.policy[:20]:<20} {r.group[:24]:<24} {target:<15} "
              f"{r.met:>7} {r.breached:>9} {r.percent:>6.1f}")
    return 0


def _recompute(db: Database, args: argparse.Namespace) -> int:
    from desk.sla.engine import recompute
    from desk.sla.policy import ensure_default_sla

    ensure_default_sla(db)
    result = recompute(db, scope="all" if args.all else "open").value
    print(_("{tickets:,} tickets, {clocks:,} clocks recomputed; {moves:,} due instants "
            "moved").format(tickets=result.tickets, clocks=result.clocks,
                            moves=len(result.moves)))
    return 0


def _escalate(db: Database, args: argparse.Namespace) -> int:
    from desk.slaops.escalation import run_escalations

    fired = run_escalations(db).value
    for f in fired:
        print(f"{f.number} {f.target} {f.level}: {f.outcome}")
    print(_("{n} escalations fired").format(n=len(fired)))
    return 0


def _calendar_list(db: Database, args: argparse.Namespace) -> int:
    from desk.sla.policy import list_calendars

    for c in list_calendars(db):
        print(f"{c.name}\t{c.definition.get('tz')}\t{c.id}")
    return 0


def _calendar_export(db: Database, args: argparse.Namespace) -> int:
    from desk.sla.policy import find_calendar

    text = json.dumps(find_calendar(db, args.name).definition, ensure_ascii=False, indent=2)
    if str(args.file) == "-":
        print(text)
        return 0
    try:
        args.file.write_text(text + "\n", encoding="utf-8")
    except OSError as err:
        raise DeskError(_("Cannot write {path}: {error}").format(
            path=args.file, error=err.strerror or err)) from None
    print(_("Calendar {name} written to {path}").format(name=args.name, path=args.file))
    return 0


def _read_json(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as err:
        raise DeskError(_("Cannot read {path}: {error}").format(
            path=path, error=err.strerror or err)) from None
    except json.JSONDecodeError as err:
        raise DeskError(_("{path} is not valid JSON: line {line}, column {col}: {msg}").format(
            path=path, line=err.lineno, col=err.colno, msg=err.msg)) from None


def _calendar_import(db: Database, args: argparse.Namespace) -> int:
    from desk.errors import NotFound
    from desk.sla.calendar import BusinessCalendar
    from desk.sla.policy import find_calendar
    from desk.slaops.service import create_calendar

    definition = _read_json(args.file)
    BusinessCalendar.from_dict(definition)  # type: ignore[arg-type]  # CalendarError: a DeskError
    try:
        existing = find_calendar(db, args.name)
    except NotFound:
        existing = None
    if existing is None:
        if args.apply:
            create_calendar(db, args.name, definition)  # type: ignore[arg-type]
            print(_("Calendar {name} created").format(name=args.name))
        else:
            print(_("Calendar {name} would be created (use --apply)").format(name=args.name))
        return 0
    return _change_calendar(db, existing.id, args.name, definition, args.apply)  # type: ignore[arg-type]


def _change_calendar(db: Database, calendar_id, name: str, definition: dict,
                     apply: bool) -> int:
    from desk.slaops.service import apply_calendar_change, preview_calendar_change

    moves = (apply_calendar_change(db, calendar_id, definition).value if apply
             else preview_calendar_change(db, calendar_id, definition))
    _print_moves(moves)
    if apply:
        print(_("Calendar {name} saved; {n} clocks recomputed").format(name=name, n=len(moves)))
    else:
        print(_("Nothing saved (use --apply)"))
    return 0


def _print_moves(moves: Sequence) -> None:
    if not moves:
        print(_("No open ticket's due instant moves"))
        return
    shown = sorted(moves, key=lambda m: (m.number, m.target))
    for m in shown[:50]:
        delta = m.due_delta
        if delta is not None:
            how = _("{sign}{h:.1f} h").format(sign="+" if delta >= 0 else "-",
                                             h=abs(delta) / 3600)
        else:
            how = _("{old} → {new}").format(old=m.old_state or "-", new=m.new_state or "-")
        old = m.old_due.isoformat(" ", "minutes") if m.old_due else "-"
        new = m.new_due.isoformat(" ", "minutes") if m.new_due else "-"
        print(f"{m.number:<12} {m.target:<15} {old:>26} → {new:<26} {how}")
    if len(shown) > 50:
        print(_("… and {n} more").format(n=len(shown) - 50))
    print(_("{n} clocks of open tickets change").format(n=len(moves)))


def _holidays(db: Database, args: argparse.Namespace) -> int:
    from desk.sla.holiday_import import apply_holidays, import_holidays
    from desk.sla.policy import find_calendar

    cal = find_calendar(db, args.calendar)
    days_off, worked = import_holidays(args.country, args.years, args.subdiv)
    new = apply_holidays(cal.definition, days_off, worked)
    added_off = sorted(set(new["holidays"]) - set(cal.definition.get("holidays", [])))  # type: ignore[arg-type]
    old_work = cal.definition.get("workdays", {})
    added_work = sorted(set(new["workdays"]) - set(old_work))  # type: ignore[arg-type]
    print(_("Holidays added: {days}").format(days=", ".join(added_off) or _("none")))
    print(_("Make-up workdays added: {days}").format(days=", ".join(added_work) or _("none")))
    if not added_off and not added_work:
        print(_("The calendar has them all already"))
        return 0
    return _change_calendar(db, cal.id, cal.name, new, args.apply)


_COMMANDS: dict[str, Callable[[Database, argparse.Namespace], int]] = {
    "report": _report,
    "recompute": _recompute,
    "escalate": _escalate,
    "holidays": _holidays,
}
_CALENDAR: dict[str, Callable[[Database, argparse.Namespace], int]] = {
    "list": _calendar_list,
    "export": _calendar_export,
    "import": _calendar_import,
}

