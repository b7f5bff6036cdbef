"""What a ticket's affected-CIs panel shows: its CIs, the business services they affect, the
other open tickets on them and a major-incident suggestion — read in one snapshot so the four
parts describe the same moment."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from desk.cmdb import graph
from desk.cmdb.graph import ImpactedCi
from desk.cmdb.major import MajorSuggestion, suggestion_in
from desk.cmdb.services import CiRow, LinkedTicket, open_tickets_in, ticket_cis_in
from desk.db.session import Database


@dataclass(frozen=True)
class AffectedCis:
    linked: list[CiRow]
    services: list[ImpactedCi]
    others: list[tuple[LinkedTicket, list[str]]]  # ticket, names of the shared CIs
    suggestion: MajorSuggestion | None


def affected_cis(db: Database, ticket_id: uuid.UUID) -> AffectedCis:
    with db.snapshot() as s:
        linked = ticket_cis_in(s, ticket_id)
        ids = [c.id for c in linked]
        services = list(graph.impact_in(s, db, ids).services) if ids else []
        names = {c.id: c.name for c in linked}
        others: dict[uuid.UUID, tuple[LinkedTicket, list[str]]] = {}
        for t in open_tickets_in(s, ids, exclude_ticket=ticket_id):
            entry = others.setdefault(t.id, (t, []))
            if t.ci_id in names and names[t.ci_id] not in entry[1]:
                entry[1].append(names[t.ci_id])
        suggestion = suggestion_in(s, ticket_id)
    return AffectedCis(linked, services, list(others.values()), suggestion)
