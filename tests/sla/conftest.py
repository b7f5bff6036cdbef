"""SLA test fixtures: a database with the default calendars and policies and one team."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

import desk.models.sla  # registers the SLA tables until desk.models imports them
from desk.db.session import Database
from desk.services import tickets
from desk.sla.policy import ensure_default_sla
from tests.factories import Team, make_team

# Monday 2 March 2026, 09:00 UTC: the default "Standard business hours" are Mon-Fri 09-17 UTC.
MON = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
H = timedelta(hours=1)
M = timedelta(minutes=1)


@dataclass(frozen=True)
class Desk:
    db: Database
    team: Team

    def create(self, at: datetime, impact: int = 3, urgency: int = 1, **kw: object
               ) -> tickets.TicketView:
        """A ticket in the team's group; impact 3 × urgency 1 is P3 by default."""
        view, _ = tickets.create_ticket(
            self.db, self.team.agent.id,
            tickets.NewTicket(kind=kw.pop("kind", "incident"), title="Mail is down",
                              impact=impact, urgency=urgency, group_id=self.team.group.id,
                              **kw),  # type: ignore[arg-type]
            at=at)
        return view

    def move(self, ticket_id: object, at: datetime, **changes: object) -> tickets.TicketView:
        current = tickets.get_ticket(self.db, ticket_id)  # type: ignore[arg-type]
        view, _ = tickets.update_ticket(self.db, self.team.agent.id, current.id,
                                        current.row_version, changes, at=at)
        return view

    def reply(self, ticket_id: object, at: datetime, public: bool = True) -> None:
        tickets.add_worklog(self.db, self.team.agent.id, ticket_id,  # type: ignore[arg-type]
                            "public" if public else "internal", "We are on it", at=at)


@pytest.fixture
def desk(db: Database) -> Desk:
    ensure_default_sla(db)
    return Desk(db, make_team(db))
