"""Major-incident suggestion: several open incidents on one CI within a short window.

The rule (``cmdb.major_incident_rule``, default 3 within 60 minutes) is read from the shared
settings. Linking goes through ``desk.services.tickets.update_ticket`` only: the parent gets
``major_incident=True`` and the others ``parent_id``, each with its own events and audit.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.cmdb.services import LinkedTicket, open_tickets_in
from desk.cmdb.settings import major_incident_rule_in
from desk.db.session import Database
from desk.domain.enums import Kind
from desk.errors import ConflictError, NotFound, ValidationError
from desk.models.cmdb import ConfigurationItem, TicketCi
from desk.models.ticket import Ticket
from desk.services import tickets
from desk.services.changes import Changes, Written


@dataclass(frozen=True)
class MajorSuggestion:
    ci_id: uuid.UUID
    ci_name: str
    incidents: tuple[LinkedTicket, ...]  # the burst, oldest first
    parent_id: uuid.UUID  # suggested parent: an existing major incident, else this ticket
    count: int
    minutes: int


@dataclass(frozen=True)
class MajorResult:
    parent_number: str
    linked: tuple[str, ...]
    skipped: tuple[tuple[str, str], ...]  # (number, reason)


def suggest_major_incident(db: Database, ticket_id: uuid.UUID) -> MajorSuggestion | None:
    """The biggest burst of open incidents on one of the ticket's CIs, if it meets the rule
    and is not linked under one major incident already."""
    with db.read() as s:
        return suggestion_in(s, ticket_id)


def suggestion_in(s: Session, ticket_id: uuid.UUID) -> MajorSuggestion | None:
    rule = major_incident_rule_in(s)
    cis = dict(s.execute(
        select(ConfigurationItem.id, ConfigurationItem.name)
        .join(TicketCi, TicketCi.ci_id == ConfigurationItem.id)
        .where(TicketCi.ticket_id == ticket_id, TicketCi.deleted_at.is_(None),
               ConfigurationItem.deleted_at.is_(None))).all())
    if not cis:
        return None
    by_ci: dict[uuid.UUID, list[LinkedTicket]] = {}
    for t in open_tickets_in(s, list(cis)):
        if t.kind == Kind.INCIDENT and t.ci_id is not None:
            by_ci.setdefault(t.ci_id, []).append(t)
    window = timedelta(minutes=rule.minutes)
    best: tuple[tuple[int, int], uuid.UUID, list[LinkedTicket]] | None = None
    for ci_id, found in by_ci.items():
        found.sort(key=lambda t: (t.opened_at, t.number))
        start = 0
        for end in range(len(found)):
            while found[end].opened_at - found[start].opened_at > window:
                start += 1
            burst = found[start:end + 1]
            score = (len(burst), any(t.id == ticket_id for t in burst))
            if best is None or score > best[0]:
                best = (score, ci_id, burst)
    if best is None or len(best[2]) < rule.count:
        return None
    _score, ci_id, burst = best
    # A burst whose incidents already hang under a major incident (the major one itself on
    # another CI, or opened before the window) is handled: that major incident is the parent.
    majors = [t.id for t in burst if t.major_incident]
    parents = {t.parent_id for t in burst if t.parent_id is not None} - set(majors)
    if parents:
        majors += sorted(s.scalars(select(Ticket.id).where(
            Ticket.id.in_(parents), Ticket.major_incident.is_(True),
            Ticket.deleted_at.is_(None))))
    ids = {t.id for t in burst}
    parent = majors[0] if majors else (ticket_id if ticket_id in ids else burst[0].id)
    if majors and all(t.id == parent or t.parent_id == parent for t in burst):
        return None
    return MajorSuggestion(ci_id, cis[ci_id], tuple(burst), parent, rule.count, rule.minutes)


def link_major_incident(db: Database, actor_id: uuid.UUID | None, parent_id: uuid.UUID,
                        child_ids: list[uuid.UUID]) -> Written[MajorResult]:
    """Mark the parent as a major incident and link the others under it (one ticket update
    each, through the ticket service); tickets that cannot be linked are reported."""
    parent = tickets.get_ticket(db, parent_id)
    changes = Changes()
    if not parent.major_incident:
        parent, c = tickets.update_ticket(db, actor_id, parent.id, parent.row_version,
                                          {"major_incident": True})
        changes = changes | c
    linked: list[str] = []
    skipped: list[tuple[str, str]] = []
    for child_id in dict.fromkeys(child_ids):
        if child_id == parent_id:
            continue
        try:
            child = tickets.get_ticket(db, child_id)
        except NotFound as err:
            skipped.append((str(child_id), str(err)))
            continue
        if child.parent_id == parent_id:
            continue
        try:
            _view, c = tickets.update_ticket(db, actor_id, child.id, child.row_version,
                                             {"parent_id": parent_id})
        except (ValidationError, ConflictError, NotFound) as err:
            skipped.append((child.number, str(err)))
            continue
        changes = changes | c
        linked.append(child.number)
    return Written(MajorResult(parent.number, tuple(linked), tuple(skipped)), changes)
