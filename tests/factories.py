"""Small builders for test data through the real services (not raw inserts)."""

from __future__ import annotations

from dataclasses import dataclass

from desk.db.session import Database
from desk.domain.enums import Kind, Role
from desk.services import people, tickets
from desk.services.people import GroupView, UserView


@dataclass(frozen=True)
class Team:
    group: GroupView
    lead: UserView
    agent: UserView
    other: UserView  # not a member of ``group``


def make_team(db: Database, name: str = "Service Desk") -> Team:
    lead, _ = people.create_user(db, f"{name.lower().replace(' ', '')}-lead", "Lena Lead",
                                 Role.TEAM_LEAD)
    agent, _ = people.create_user(db, f"{name.lower().replace(' ', '')}-agent", "Arne Agent")
    other, _ = people.create_user(db, f"{name.lower().replace(' ', '')}-other", "Olga Other")
    group, _ = people.create_group(db, name, team_lead_id=lead.id)
    people.add_member(db, group.id, lead.id)
    people.add_member(db, group.id, agent.id)
    return Team(group, lead, agent, other)


def make_ticket(db: Database, team: Team, kind: str = Kind.INCIDENT, title: str = "Printer jam",
                **kw: object) -> tickets.TicketView:
    view, _ = tickets.create_ticket(
        db, team.agent.id, tickets.NewTicket(kind=kind, title=title, group_id=team.group.id,
                                             **kw))  # type: ignore[arg-type]
    return view
