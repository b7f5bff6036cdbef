"""SLA policies and calendars as plain values, their storage, and the defaults.

A policy matches tickets by kind, priority, category (a category matches its subcategories
too) and organization — an empty list matches anything — and the first active policy by
``position`` wins. It sets up to three targets (first response, resolution, next update),
each measured in business time on a calendar, paused by some statuses, with a warning
threshold and escalation actions at warning and at breach.

``Rules`` is the compiled form the clock engine uses: calendars built once per process and
version (building a calendar's business-time index costs tens of milliseconds, a ticket
update must not pay that each time).
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.db.changes import Written
from desk.db.session import Database, changes_of
from desk.domain.enums import PENDING_STATUSES, Kind, Status
from desk.errors import NotFound, ValidationError
from desk.i18n import _
from desk.models.people import Group
from desk.models.sla import SlaCalendar, SlaPolicy, SlaTarget
from desk.models.ticket import Category
from desk.sla.calendar import BusinessCalendar


class Target(StrEnum):
    FIRST_RESPONSE = "first_response"
    RESOLUTION = "resolution"
    NEXT_UPDATE = "next_update"

    @property
    def label(self) -> str:
        return {
            Target.FIRST_RESPONSE: _("First response"),
            Target.RESOLUTION: _("Resolution"),
            Target.NEXT_UPDATE: _("Next update"),
        }[self]


class Level(StrEnum):
    WARNING = "warning"
    BREACH = "breach"

    @property
    def label(self) -> str:
        return _("Warning") if self is Level.WARNING else _("Breach")


class ActionKind(StrEnum):
    NOTIFY_LEAD = "notify_lead"
    REASSIGN = "reassign"
    RAISE_PRIORITY = "raise_priority"

    @property
    def label(self) -> str:
        return {
            ActionKind.NOTIFY_LEAD: _("Notify the group's team lead"),
            ActionKind.REASSIGN: _("Reassign to a group"),
            ActionKind.RAISE_PRIORITY: _("Raise the priority"),
        }[self]


def default_pause_statuses(target: Target) -> frozenset[str]:
    """Pending states pause resolution and next update; nothing pauses the first response
    (a customer who has not been answered is not holding anything up)."""
    if Target(target) is Target.FIRST_RESPONSE:
        return frozenset()
    return frozenset(s.value for s in PENDING_STATUSES)


@dataclass(frozen=True)
class Action:
    kind: str  # ActionKind
    group_id: uuid.UUID | None = None  # for REASSIGN

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"action": str(self.kind)}
        if self.group_id is not None:
            out["group_id"] = str(self.group_id)
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Action:
        group = data.get("group_id")
        return cls(ActionKind(data["action"]), uuid.UUID(group) if group else None)


NOTIFY = (Action(ActionKind.NOTIFY_LEAD),)


@dataclass(frozen=True)
class TargetSpec:
    target: str  # Target
    seconds: int  # business seconds
    calendar_id: uuid.UUID
    pause_statuses: frozenset[str] | None = None  # None: default_pause_statuses(target)
    warning_percent: int = 75
    warning_actions: tuple[Action, ...] = NOTIFY
    breach_actions: tuple[Action, ...] = NOTIFY

    @property
    def pauses(self) -> frozenset[str]:
        if self.pause_statuses is None:
            return default_pause_statuses(Target(self.target))
        return frozenset(self.pause_statuses)


@dataclass(frozen=True)
class Policy:
    """A policy as the administrator edits it; ``id`` None for one not saved yet."""

    name: str
    targets: tuple[TargetSpec, ...]
    position: int = 0
    kinds: tuple[str, ...] = ()
    priorities: tuple[int, ...] = ()
    category_ids: tuple[uuid.UUID, ...] = ()
    organization_ids: tuple[uuid.UUID, ...] = ()
    active: bool = True
    id: uuid.UUID | None = None
    row_version: int | None = None

    def target(self, target: str) -> TargetSpec | None:
        return next((t for t in self.targets if t.target == target), None)


@dataclass(frozen=True)
class CalendarView:
    id: uuid.UUID
    name: str
    definition: dict[str, Any]
    row_version: int

    @property
    def calendar(self) -> BusinessCalendar:
        return compiled_calendar(self.id, self.row_version, self.definition)


# ---------------------------------------------------------------- compiled rules


@dataclass(frozen=True)
class CompiledTarget:
    target: str
    policy_id: uuid.UUID
    calendar_id: uuid.UUID
    calendar: BusinessCalendar
    need_us: int
    warn_us: int
    pauses: frozenset[str]
    warning_percent: int
    warning_actions: tuple[Action, ...]
    breach_actions: tuple[Action, ...]

    @property
    def seconds(self) -> int:
        return self.need_us // 1_000_000


@dataclass(frozen=True)
class CompiledPolicy:
    id: uuid.UUID
    name: str
    kinds: frozenset[str]
    priorities: frozenset[int]
    categories: frozenset[uuid.UUID]
    organizations: frozenset[uuid.UUID]
    targets: tuple[CompiledTarget, ...]


@dataclass
class Rules:
    """Active policies in order, with their calendars, ready to match tickets."""

    policies: tuple[CompiledPolicy, ...]
    calendars: dict[uuid.UUID, BusinessCalendar]
    category_parent: dict[uuid.UUID, uuid.UUID | None]
    _cache: dict[tuple[Any, ...], CompiledPolicy | None] = field(default_factory=dict)

    def match(self, kind: str, priority: int, category_id: uuid.UUID | None,
              organization_id: uuid.UUID | None) -> CompiledPolicy | None:
        key = (kind, priority, category_id, organization_id)
        try:
            return self._cache[key]
        except KeyError:
            pass
        chain: set[uuid.UUID] = set()
        c = category_id
        while c is not None and c not in chain:
            chain.add(c)
            c = self.category_parent.get(c)
        found = None
        for p in self.policies:
            if p.kinds and kind not in p.kinds:
                continue
            if p.priorities and priority not in p.priorities:
                continue
            if p.categories and not (p.categories & chain):
                continue
            if p.organizations and organization_id not in p.organizations:
                continue
            found = p
            break
        self._cache[key] = found
        return found

    def target(self, policy_id: uuid.UUID, target: str) -> CompiledTarget | None:
        for p in self.policies:
            if p.id == policy_id:
                return next((t for t in p.targets if t.target == target), None)
        return None

    @property
    def uses_next_update(self) -> bool:
        return any(t.target == Target.NEXT_UPDATE for p in self.policies for t in p.targets)


_calendar_cache: dict[tuple[uuid.UUID, int], BusinessCalendar] = {}
_calendar_lock = threading.Lock()
_calendar_generation = 0  # bumped whenever the known calendars change


def compiled_calendar(calendar_id: uuid.UUID, row_version: int,
                      definition: Mapping[str, Any]) -> BusinessCalendar:
    """The calendar object of one stored version, shared within the process."""
    global _calendar_generation
    key = (calendar_id, row_version)
    with _calendar_lock:
        found = _calendar_cache.get(key)
        if found is None:
            found = BusinessCalendar.from_dict(definition)
            for old in [k for k in _calendar_cache if k[0] == calendar_id]:
                del _calendar_cache[old]
            _calendar_cache[key] = found
            _calendar_generation += 1
        return found


def calendar_generation() -> int:
    """Changes whenever ``known_calendars`` does: SQL built from them (the SLA columns) and
    cached must be built again."""
    return _calendar_generation


def known_calendars() -> dict[uuid.UUID, BusinessCalendar]:
    """Calendars this process has loaded (for SQL expressions built without a session)."""
    with _calendar_lock:
        return {k[0]: v for k, v in _calendar_cache.items()}


def load_rules(s: Session, *, policies: Sequence[Policy] | None = None,
               calendars: Mapping[uuid.UUID, BusinessCalendar] | None = None) -> Rules:
    """The rules in force; ``policies``/``calendars`` replace the stored ones (previews).

    Cached in the session: one transaction sees one configuration.
    """
    if policies is None and calendars is None:
        cached = s.info.get("desk.sla.rules")
        if cached is not None:
            return cached
    cals: dict[uuid.UUID, BusinessCalendar] = {}
    for row in s.execute(select(SlaCalendar.id, SlaCalendar.row_version, SlaCalendar.definition)
                         .where(SlaCalendar.deleted_at.is_(None))):
        cals[row.id] = compiled_calendar(row.id, row.row_version, row.definition)
    if calendars:
        cals.update(calendars)
    specs = list(policies) if policies is not None else _load_policies(s)
    compiled = []
    for p in sorted(specs, key=lambda p: (p.position, p.name)):
        if not p.active:
            continue
        targets = []
        for t in p.targets:
            cal = cals.get(t.calendar_id)
            if cal is None:
                continue
            need = int(t.seconds) * 1_000_000
            targets.append(CompiledTarget(
                str(t.target), p.id or _PREVIEW_ID, t.calendar_id, cal, need,
                need * t.warning_percent // 100, t.pauses, t.warning_percent,
                t.warning_actions, t.breach_actions))
        compiled.append(CompiledPolicy(
            p.id or _PREVIEW_ID, p.name, frozenset(p.kinds), frozenset(p.priorities),
            frozenset(p.category_ids), frozenset(p.organization_ids), tuple(targets)))
    parents = {row.id: row.parent_id for row in s.execute(
        select(Category.id, Category.parent_id))} if any(p.categories for p in compiled) else {}
    rules = Rules(tuple(compiled), cals, parents)
    if policies is None and calendars is None:
        s.info["desk.sla.rules"] = rules
    return rules


def forget_rules(s: Session) -> None:
    s.info.pop("desk.sla.rules", None)


# A policy being previewed before it is saved has no id yet.
_PREVIEW_ID = uuid.UUID(int=0)


# ---------------------------------------------------------------- reads


def _policy_of(row: SlaPolicy, targets: Iterable[SlaTarget]) -> Policy:
    return Policy(
        name=row.name, position=row.position, active=row.active,
        kinds=tuple(row.kinds or ()), priorities=tuple(int(p) for p in row.priorities or ()),
        category_ids=tuple(uuid.UUID(c) for c in row.category_ids or ()),
        organization_ids=tuple(uuid.UUID(o) for o in row.organization_ids or ()),
        targets=tuple(sorted((TargetSpec(
            target=t.target, seconds=t.seconds, calendar_id=t.calendar_id,
            pause_statuses=frozenset(t.pause_statuses or ()), warning_percent=t.warning_percent,
            warning_actions=tuple(Action.from_dict(a) for a in t.warning_actions or ()),
            breach_actions=tuple(Action.from_dict(a) for a in t.breach_actions or ()))
            for t in targets), key=lambda t: list(Target).index(Target(t.target)))),
        id=row.id, row_version=row.row_version)


def _load_policies(s: Session) -> list[Policy]:
    rows = list(s.scalars(select(SlaPolicy).where(SlaPolicy.deleted_at.is_(None))))
    targets: dict[uuid.UUID, list[SlaTarget]] = {}
    for t in s.scalars(select(SlaTarget).where(SlaTarget.deleted_at.is_(None))):
        targets.setdefault(t.policy_id, []).append(t)
    return sorted((_policy_of(r, targets.get(r.id, ())) for r in rows),
                  key=lambda p: (p.position, p.name))


def list_policies(db: Database) -> list[Policy]:
    with db.read() as s:
        return _load_policies(s)


def get_policy(db: Database, policy_id: uuid.UUID) -> Policy:
    found = next((p for p in list_policies(db) if p.id == policy_id), None)
    if found is None:
        raise NotFound(_("The SLA policy no longer exists"))
    return found


def list_calendars(db: Database) -> list[CalendarView]:
    with db.read() as s:
        return [CalendarView(r.id, r.name, dict(r.definition), r.row_version)
                for r in s.scalars(select(SlaCalendar).where(SlaCalendar.deleted_at.is_(None))
                                   .order_by(SlaCalendar.name))]


def find_calendar(db: Database, name_or_id: str | uuid.UUID) -> CalendarView:
    for c in list_calendars(db):
        if str(c.id) == str(name_or_id) or c.name.casefold() == str(name_or_id).casefold():
            return c
    raise NotFound(_("There is no SLA calendar {name}").format(name=name_or_id))


# ---------------------------------------------------------------- validation and writes


def validate_policy(s: Session, policy: Policy) -> Policy:
    """Refuse what could not work, with the field at fault; returns the cleaned policy."""
    name = (policy.name or "").strip()
    if not name:
        raise ValidationError(_("A policy needs a name"), field="name")
    for k in policy.kinds:
        try:
            Kind(k)
        except ValueError:
            raise ValidationError(_("Unknown ticket kind {kind}").format(kind=k),
                                  field="kinds") from None
    for p in policy.priorities:
        if p not in (1, 2, 3, 4, 5):
            raise ValidationError(_("Priorities are 1 to 5"), field="priorities")
    if not policy.targets:
        raise ValidationError(_("A policy needs at least one target"), field="targets")
    seen: set[str] = set()
    calendars = set(s.scalars(select(SlaCalendar.id).where(SlaCalendar.deleted_at.is_(None))))
    groups = set(s.scalars(select(Group.id).where(Group.deleted_at.is_(None))))
    for t in policy.targets:
        try:
            Target(t.target)
        except ValueError:
            raise ValidationError(_("Unknown SLA target {target}").format(target=t.target),
                                  field="targets") from None
        if t.target in seen:
            raise ValidationError(_("{target} is set twice").format(
                target=Target(t.target).label), field="targets")
        seen.add(t.target)
        if not isinstance(t.seconds, int) or t.seconds <= 0:
            raise ValidationError(_("{target}: the duration must be more than zero").format(
                target=Target(t.target).label), field="seconds")
        if t.calendar_id not in calendars:
            raise ValidationError(_("{target}: the calendar no longer exists").format(
                target=Target(t.target).label), field="calendar_id")
        if not 1 <= t.warning_percent <= 100:
            raise ValidationError(_("The warning threshold is a percentage from 1 to 100"),
                                  field="warning_percent")
        for st in t.pauses:
            try:
                Status(st)
            except ValueError:
                raise ValidationError(_("Unknown status {status}").format(status=st),
                                      field="pause_statuses") from None
        for a in (*t.warning_actions, *t.breach_actions):
            if a.kind == ActionKind.REASSIGN and a.group_id not in groups:
                raise ValidationError(_("Reassign needs an existing group"), field="actions")
    return replace(policy, name=name)


def write_policy(s: Session, policy: Policy) -> uuid.UUID:
    """Insert or update ``policy`` and its targets in the session (no commit)."""
    policy = validate_policy(s, policy)
    if policy.id is None:
        row = SlaPolicy(name=policy.name)
        s.add(row)
    else:
        row = s.get(SlaPolicy, policy.id)
        if row is None or row.deleted_at is not None:
            raise NotFound(_("The SLA policy no longer exists"))
    row.name = policy.name
    row.position = policy.position
    row.active = policy.active
    row.kinds = [str(k) for k in policy.kinds]
    row.priorities = [int(p) for p in policy.priorities]
    row.category_ids = [str(c) for c in policy.category_ids]
    row.organization_ids = [str(o) for o in policy.organization_ids]
    s.flush()
    existing = {t.target: t for t in s.scalars(select(SlaTarget).where(
        SlaTarget.policy_id == row.id))}
    for spec in policy.targets:
        t = existing.pop(spec.target, None)
        if t is None:
            t = SlaTarget(policy_id=row.id, target=spec.target)
            s.add(t)
        t.deleted_at = None
        t.seconds = spec.seconds
        t.calendar_id = spec.calendar_id
        t.pause_statuses = sorted(spec.pauses)
        t.warning_percent = spec.warning_percent
        t.warning_actions = [a.to_dict() for a in spec.warning_actions]
        t.breach_actions = [a.to_dict() for a in spec.breach_actions]
    for t in existing.values():
        if t.deleted_at is None:
            s.delete(t)
    s.flush()
    forget_rules(s)
    return row.id


def write_calendar(s: Session, name: str, definition: Mapping[str, Any],
                   calendar_id: uuid.UUID | None = None) -> uuid.UUID:
    """Validate and store a calendar (canonical ``to_dict`` form)."""
    name = (name or "").strip()
    if not name:
        raise ValidationError(_("A calendar needs a name"), field="name")
    canonical = BusinessCalendar.from_dict(definition).to_dict()
    if calendar_id is None:
        row = SlaCalendar(name=name, definition=canonical)
        s.add(row)
    else:
        row = s.get(SlaCalendar, calendar_id)
        if row is None or row.deleted_at is not None:
            raise NotFound(_("The SLA calendar no longer exists"))
        row.name = name
        row.definition = canonical
    s.flush()
    forget_rules(s)
    return row.id


# ---------------------------------------------------------------- defaults

STANDARD = "Standard business hours"
ALWAYS = "24×7"
_H = 3600
_BUSINESS_DAY = 8 * _H
WEEKDAY_HOURS = {d: [["09:00", "17:00"]] for d in ("mon", "tue", "wed", "thu", "fri")}
DEFAULT_CALENDARS: dict[str, dict[str, Any]] = {
    STANDARD: {"tz": "UTC", "hours": WEEKDAY_HOURS},
    ALWAYS: {"tz": "UTC", "hours": {d: [["00:00", "24:00"]] for d in
                                    ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}},
}
# priority: (name, calendar, first response s, resolution s)
DEFAULT_POLICIES = (
    (1, "P1 Critical", ALWAYS, 15 * 60, 4 * _H),
    (2, "P2 High", STANDARD, 30 * 60, 8 * _H),
    (3, "P3 Moderate", STANDARD, 2 * _H, 3 * _BUSINESS_DAY),
    (4, "P4 Low", STANDARD, 8 * _H, 5 * _BUSINESS_DAY),
    (5, "P5 Planning", STANDARD, _BUSINESS_DAY, 10 * _BUSINESS_DAY),
)


def ensure_default_sla(db: Database) -> Written[bool]:
    """On a desk without calendars, create the default ones; when there are no policies at
    all, one policy per priority on them. A desk that has its own calendars (a Chinese desk's
    Beijing calendars) is left as it is. Idempotent; returns whether anything was added."""
    with db.write() as s:
        added = ensure_default_sla_in(s)
    return Written(added, changes_of(s))


def ensure_default_sla_in(s: Session) -> bool:
    added = False
    names = {r.name: r.id for r in s.execute(select(SlaCalendar.name, SlaCalendar.id))}
    has_policies = s.scalar(select(SlaPolicy.id).limit(1)) is not None
    if not names or not has_policies:
        for name, definition in DEFAULT_CALENDARS.items():
            if name not in names:
                names[name] = write_calendar(s, name, definition)
                added = True
    if not has_policies:
        for priority, name, calendar, response, resolution in DEFAULT_POLICIES:
            cal = names[calendar]
            write_policy(s, Policy(
                name=name, position=priority * 10, priorities=(priority,),
                targets=(TargetSpec(Target.FIRST_RESPONSE, response, cal),
                         TargetSpec(Target.RESOLUTION, resolution, cal))))
        added = True
    forget_rules(s)
    return added
