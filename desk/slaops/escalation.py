"""Escalations: act once when an open clock passes its warning threshold or its target.

``run_escalations`` is safe to run from every console at once on one shared database: each
(ticket, target, level) is claimed by inserting its ``sla_escalations`` row with
``ON CONFLICT DO NOTHING`` — the primary key lets exactly one insert through, and only the
console whose insert went through performs the actions. Claims commit before the actions run,
so an action is never done twice; if one fails, the row's ``outcome`` says why.

Actions go through ``desk.services.tickets.update_ticket`` (events, audit, clocks — the same
as an agent's change, by the system user ``None``). The row doubles as the notification that
the ticket's group sees (``notifications``).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, or_, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from desk.db.changes import Changes, RowOp, Written
from desk.db.session import Database, changes_of, record
from desk.errors import DeskError
from desk.i18n import _
from desk.models.people import Group
from desk.models.sla import OPEN_CLOCK_SQL, SlaClock, SlaEscalation
from desk.models.ticket import Ticket
from desk.services import tickets as ticket_service
from desk.sla.policy import Action, ActionKind, Level, Target, load_rules
from desk.timeutil import require_aware, utcnow

_CONFLICT_RETRIES = 3


@dataclass(frozen=True)
class EscalationFired:
    ticket_id: uuid.UUID
    number: str
    target: str
    level: str
    fired_at: datetime
    actions: tuple[Action, ...]
    outcome: str


@dataclass(frozen=True)
class Notification:
    ticket_id: uuid.UUID
    number: str
    title: str
    target: str
    level: str
    fired_at: datetime
    group_id: uuid.UUID | None
    recipient_id: uuid.UUID | None
    outcome: str | None

    @property
    def text(self) -> str:
        if self.level == Level.BREACH:
            return _("{number}: {target} target breached").format(
                number=self.number, target=Target(self.target).label)
        return _("{number}: {target} target at warning").format(
            number=self.number, target=Target(self.target).label)


@dataclass(frozen=True)
class _Claim:
    ticket_id: uuid.UUID
    number: str
    target: str
    level: str
    actions: tuple[Action, ...]


def run_escalations(db: Database, now: datetime | None = None) -> Written[list[EscalationFired]]:
    """Fire every due escalation that no console has fired yet; returns what this call did."""
    now = require_aware(now, "now") if now is not None else utcnow()
    claims, changes = _claim(db, now)
    fired: list[EscalationFired] = []
    for claim in claims:
        one, more = _perform(db, claim, now)
        fired.append(one)
        changes |= more
    return Written(fired, changes)


def _claim(db: Database, now: datetime) -> Written[list[_Claim]]:
    claimed: list[_Claim] = []
    with db.write() as s:
        rules = load_rules(s)
        c, t = SlaClock, Ticket
        rows = s.execute(
            select(c.ticket_id, c.target, c.policy_id, c.warning_at, c.breach_at, t.number,
                   t.group_id, Group.team_lead_id)
            .join(t, t.id == c.ticket_id)
            .outerjoin(Group, Group.id == t.group_id)
            # The literal SQL of the partial indexes, so SQLite can use them.
            .where(text(f"sla_clocks.{OPEN_CLOCK_SQL}"), t.deleted_at.is_(None),
                   or_(c.warning_at <= now, c.breach_at <= now))
            .where(~select(SlaEscalation.ticket_id).where(
                SlaEscalation.ticket_id == c.ticket_id, SlaEscalation.target == c.target,
                SlaEscalation.level == Level.BREACH).exists())
            .order_by(c.breach_at, c.warning_at, c.ticket_id)).all()
        for r in rows:
            rule = rules.target(r.policy_id, r.target)
            levels = []
            if r.warning_at is not None and r.warning_at <= now:
                levels.append((Level.WARNING, rule.warning_actions if rule else ()))
            if r.breach_at is not None and r.breach_at <= now:
                levels.append((Level.BREACH, rule.breach_actions if rule else ()))
            for level, actions in levels:
                notify = any(a.kind == ActionKind.NOTIFY_LEAD for a in actions)
                if _insert_once(s, r.ticket_id, r.target, level, now, r.group_id,
                                r.team_lead_id if notify else None, actions):
                    claimed.append(_Claim(r.ticket_id, r.number, r.target, level,
                                          tuple(actions)))
    return Written(claimed, changes_of(s))


def _insert_once(s: Session, ticket_id: uuid.UUID, target: str, level: str, now: datetime,
                 group_id: uuid.UUID | None, recipient_id: uuid.UUID | None,
                 actions: tuple[Action, ...]) -> bool:
    """Insert the escalation row unless it exists; True when this insert went through."""
    dialect = postgresql if s.get_bind().dialect.name == "postgresql" else sqlite
    stmt = dialect.insert(SlaEscalation).values(
        ticket_id=ticket_id, target=target, level=level, fired_at=now, group_id=group_id,
        recipient_id=recipient_id, actions=[a.to_dict() for a in actions], outcome=None,
    ).on_conflict_do_nothing(index_elements=["ticket_id", "target", "level"]).returning(
        SlaEscalation.ticket_id)
    if s.execute(stmt).first() is None:
        return False
    record(s, "sla_escalations", [(ticket_id, target, level)], RowOp.INSERT, [ticket_id])
    return True


def _perform(db: Database, claim: _Claim, now: datetime) -> Written[EscalationFired]:
    done: list[str] = []
    changes = Changes()
    for action in claim.actions:
        try:
            text, acted = _act(db, claim.ticket_id, action, now)
            done.append(text)
            changes |= acted
        except DeskError as err:
            done.append(_("{action} failed: {error}").format(
                action=ActionKind(action.kind).label, error=err))
    outcome = "; ".join(d for d in done if d) or _("Notified the group")
    with db.write() as s:
        row = s.get(SlaEscalation, (claim.ticket_id, claim.target, claim.level))
        if row is not None:
            row.outcome = outcome
    return Written(EscalationFired(claim.ticket_id, claim.number, claim.target, claim.level,
                                   now, claim.actions, outcome), changes | changes_of(s))


def _act(db: Database, ticket_id: uuid.UUID, action: Action, now: datetime) -> Written[str]:
    if action.kind == ActionKind.NOTIFY_LEAD:
        return Written(_("Notified the team lead"), Changes())
    for _attempt in range(_CONFLICT_RETRIES):
        ticket = ticket_service.get_ticket(db, ticket_id)
        if action.kind == ActionKind.REASSIGN:
            if action.group_id is None or ticket.group_id == action.group_id:
                return Written("", Changes())
            changes: dict[str, object] = {"group_id": action.group_id}
            text = _("Reassigned to another group")
        elif action.kind == ActionKind.RAISE_PRIORITY:
            if ticket.urgency > 1:
                changes = {"urgency": ticket.urgency - 1}
            elif ticket.impact > 1:
                changes = {"impact": ticket.impact - 1}
            else:
                return Written(_("Priority is already the highest"), Changes())
            text = _("Raised the priority")
        else:  # pragma: no cover - ActionKind is closed
            raise ValueError(action.kind)
        try:
            _view, written = ticket_service.update_ticket(db, None, ticket_id,
                                                          ticket.row_version, changes, at=now)
        except ticket_service.TicketConflict:
            continue
        return Written(text, written)
    return Written(_("The ticket kept changing; not done"), Changes())


def notifications(db: Database, group_ids: list[uuid.UUID] | None = None,
                  since: datetime | None = None, limit: int = 200) -> list[Notification]:
    """Escalations of tickets in ``group_ids`` (all groups when None), newest first."""
    with db.read() as s:
        e, t = SlaEscalation, Ticket
        q = (select(e.ticket_id, t.number, t.title, e.target, e.level, e.fired_at, e.group_id,
                    e.recipient_id, e.outcome)
             .join(t, t.id == e.ticket_id)
             .order_by(e.fired_at.desc(), t.number).limit(limit))
        if group_ids is not None:
            q = q.where(e.group_id.in_(list(group_ids)))
        if since is not None:
            q = q.where(and_(e.fired_at > since))
        return [Notification(*r) for r in s.execute(q)]
