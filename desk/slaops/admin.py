"""What the console's SLA views and editors need from the core, in single worker calls.

Qt-free: the console runs each function on its database worker (``DbRunner``) and gets
frozen values back. Nothing here changes how clocks are computed; it groups the service
calls (``desk.slaops.service``, ``desk.slaops.escalation``, ``desk.slaops.report``) the way the
screens use them, and adds the file formats an administrator exchanges (calendar JSON,
the attainment CSV as shown).
"""

from __future__ import annotations

import io
import json
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from desk.db.session import Database
from desk.errors import DeskError
from desk.i18n import _
from desk.services import catalog, people
from desk.services.catalog import CategoryNode
from desk.services.changes import Written
from desk.services.people import GroupView, OrganizationView
from desk.sla.calendar import BusinessCalendar, CalendarError
from desk.sla.engine import DueMove
from desk.sla.explain import Span
from desk.sla.holiday_import import apply_holidays, import_holidays
from desk.sla.policy import (
    CalendarView,
    Policy,
    ensure_default_sla,
    list_calendars,
    list_policies,
)
from desk.slaops import escalation, report, service
from desk.slaops.queue_views import register_queue_parts
from desk.slaops.service import ClockView
from desk.timeutil import require_aware, utcnow

# ---------------------------------------------------------------- the ticket form's panel


@dataclass(frozen=True)
class PanelData:
    """Every clock of one ticket with its timeline, as of one instant."""

    ticket_id: uuid.UUID
    clocks: tuple[ClockView, ...]
    timelines: Mapping[str, tuple[Span, ...]]  # target -> spans
    as_of: datetime


def panel_data(db: Database, ticket_id: uuid.UUID, now: datetime | None = None) -> PanelData:
    """The clocks and, for each, the explained timeline (one worker call per refresh)."""
    now = require_aware(now, "now") if now is not None else utcnow()
    clocks = service.clock_views(db, ticket_id, now=now)
    timelines = {c.target: tuple(service.explain(db, ticket_id, c.target, now=now))
                 for c in clocks}
    return PanelData(ticket_id, tuple(clocks), timelines, now)


# ---------------------------------------------------------------- start-up and escalations


def start_sla(db: Database) -> bool:
    """Once after the database opens (the console, benchmarks): default calendars and
    policies on a fresh database, and the SLA's columns, filter term and view in the queue
    engine (``desk.slaops.queue_views.register_queue_parts``, which needs the calendars
    loaded)."""
    try:
        return ensure_default_sla(db).value
    finally:
        # Also when the defaults could not be written (a read-only database user): the
        # columns work with whatever calendars exist.
        register_queue_parts(db)


@dataclass(frozen=True)
class EscalationTick:
    """What one minute's escalation run did, and the notifications of my groups since."""

    fired: tuple[escalation.EscalationFired, ...]
    notifications: tuple[escalation.Notification, ...]


def escalation_tick(db: Database, group_ids: Sequence[uuid.UUID], since: datetime | None,
                    now: datetime | None = None) -> Written[EscalationTick]:
    """Fire due escalations (each at most once across all consoles), then read the
    notifications of ``group_ids`` fired after ``since``."""
    now = require_aware(now, "now") if now is not None else utcnow()
    fired, changes = escalation.run_escalations(db, now)
    notes = escalation.notifications(db, list(group_ids), since=since) if group_ids else []
    return Written(EscalationTick(tuple(fired), tuple(notes)), changes)


def notification_key(n: escalation.Notification) -> str:
    """Identifies a notification across polls and restarts: one per ticket, target, level."""
    return f"{n.ticket_id}:{n.target}:{n.level}"


# ---------------------------------------------------------------- administration lookups


@dataclass(frozen=True)
class AdminLookups:
    calendars: tuple[CalendarView, ...]
    policies: tuple[Policy, ...]
    groups: tuple[GroupView, ...]
    organizations: tuple[OrganizationView, ...]
    categories: tuple[CategoryNode, ...]


def admin_lookups(db: Database) -> AdminLookups:
    return AdminLookups(
        tuple(list_calendars(db)), tuple(list_policies(db)), tuple(people.list_groups(db)),
        tuple(people.list_organizations(db)), tuple(catalog.list_categories(db)))


def calendars(db: Database) -> list[CalendarView]:
    return list_calendars(db)


# ---------------------------------------------------------------- calendars


@dataclass(frozen=True)
class CalendarSaved:
    calendar_id: uuid.UUID
    moves: tuple[DueMove, ...]


def save_calendar(db: Database, calendar_id: uuid.UUID | None, name: str,
                  definition: Mapping[str, Any], expected_version: int | None = None,
                  now: datetime | None = None) -> Written[CalendarSaved]:
    """Create a calendar, or change one and recompute the open clocks on it."""
    if calendar_id is None:
        new_id, changes = service.create_calendar(db, name, definition)
        return Written(CalendarSaved(new_id, ()), changes)
    moves, changes = service.apply_calendar_change(
        db, calendar_id, definition, name=name, expected_version=expected_version, now=now)
    return Written(CalendarSaved(calendar_id, tuple(moves)), changes)


def read_calendar_file(path: str | Path) -> dict[str, Any]:
    """A calendar definition from a JSON file (as ``desk sla calendar export`` writes it),
    checked; a bad file raises a DeskError that says where."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as err:
        raise DeskError(_("Cannot read {path}: {error}").format(
            path=path, error=err.strerror or err)) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise DeskError(_("{path} is not JSON: line {line}, column {column}: {error}").format(
            path=Path(path).name, line=err.lineno, column=err.colno, error=err.msg)) from None
    if isinstance(data, Mapping) and "definition" in data and "tz" not in data:
        data = data["definition"]  # a file that wraps the definition with its name
    BusinessCalendar.from_dict(data)  # CalendarError names the field at fault
    return dict(data)


def write_calendar_file(path: str | Path, definition: Mapping[str, Any]) -> None:
    """The canonical JSON of a checked definition, UTF-8, readable by ``read_calendar_file``
    and the CLI's ``calendar import``."""
    canonical = BusinessCalendar.from_dict(definition).to_dict()
    try:
        Path(path).write_text(json.dumps(canonical, ensure_ascii=False, indent=2) + "\n",
                              encoding="utf-8")
    except OSError as err:
        raise DeskError(_("Cannot write {path}: {error}").format(
            path=path, error=err.strerror or err)) from None


@dataclass(frozen=True)
class HolidayProposal:
    """Days from the holiday tables, for the administrator to review before saving."""

    country: str
    years: tuple[int, ...]
    holidays: tuple[tuple[date, str], ...]  # (date, name)
    workdays: tuple[date, ...]  # make-up working days (调休)


def propose_holidays(country: str, years: Iterable[int],
                     subdiv: str | None = None) -> HolidayProposal:
    """Public holidays and make-up workdays of ``country`` in ``years`` (no database)."""
    import holidays as holidays_package

    code = (country or "").strip().upper()
    if not code:
        raise CalendarError(_("{field}: choose a country").format(field="country"),
                            field="country")
    wanted = tuple(sorted(set(years)))
    if not wanted:
        raise CalendarError(_("{field}: give at least one year").format(field="years"),
                            field="years")
    days_off, worked = import_holidays(code, wanted, subdiv or None)
    names = holidays_package.country_holidays(code, subdiv=subdiv or None, years=wanted)
    return HolidayProposal(code, wanted, tuple((d, str(names.get(d, ""))) for d in days_off),
                           tuple(worked))


def merge_holidays(definition: Mapping[str, Any], holidays: Iterable[date],
                   workdays: Iterable[date]) -> dict[str, Any]:
    """The definition with the reviewed days added (checked, canonical)."""
    merged = apply_holidays(definition, holidays, workdays)
    return BusinessCalendar.from_dict(merged).to_dict()


def parse_years(text: str) -> list[int]:
    """``"2026"``, ``"2026, 2027"`` or ``"2026-2028"`` as a list of years."""
    years: set[int] = set()
    for part in (text or "").replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        lo, sep, hi = part.partition("-")
        try:
            a = int(lo)
            b = int(hi) if sep else a
        except ValueError:
            raise CalendarError(_("{field}: {value} is not a year or a range like 2026-2027")
                                .format(field="years", value=part), field="years") from None
        if not (1900 <= a <= 2200 and 1900 <= b <= 2200) or b < a or b - a > 20:
            raise CalendarError(_("{field}: {value} is not a year or a range like 2026-2027")
                                .format(field="years", value=part), field="years")
        years.update(range(a, b + 1))
    if not years:
        raise CalendarError(_("{field}: give at least one year").format(field="years"),
                            field="years")
    return sorted(years)


# ---------------------------------------------------------------- policies


@dataclass(frozen=True)
class PolicySaved:
    policy: Policy
    moves: tuple[DueMove, ...]


def save_policy(db: Database, policy: Policy,
                now: datetime | None = None) -> Written[PolicySaved]:
    (saved, moves), changes = service.apply_policy_change(db, policy, now=now)
    return Written(PolicySaved(saved, tuple(moves)), changes)


# ---------------------------------------------------------------- the attainment report


def report_csv(rows: Iterable[report.AttainmentRow]) -> str:
    buffer = io.StringIO()
    report.write_csv(rows, buffer)
    return buffer.getvalue()


def save_report_csv(path: str | Path, rows: Iterable[report.AttainmentRow]) -> int:
    """The rows as shown, to a CSV file (UTF-8 with BOM, like ``desk sla report --csv``)."""
    rows = list(rows)
    try:
        Path(path).write_text(report_csv(rows), encoding="utf-8-sig")
    except OSError as err:
        raise DeskError(_("Cannot write {path}: {error}").format(
            path=path, error=err.strerror or err)) from None
    return len(rows)


__all__ = [
    "AdminLookups",
    "CalendarSaved",
    "EscalationTick",
    "HolidayProposal",
    "PanelData",
    "PolicySaved",
    "admin_lookups",
    "calendars",
    "escalation_tick",
    "merge_holidays",
    "notification_key",
    "panel_data",
    "parse_years",
    "propose_holidays",
    "read_calendar_file",
    "report_csv",
    "save_calendar",
    "save_policy",
    "save_report_csv",
    "start_sla",
    "write_calendar_file",
]
