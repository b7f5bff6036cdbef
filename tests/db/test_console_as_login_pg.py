"""The console's own core calls, made with a person's login on a shared PostgreSQL database:
the grants and policies of migration 0008 let them do their work, and confidential tickets
stay out of their queues, counts and searches."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from desk.db.session import Database, open_database
from desk.domain.enums import Kind, Status
from desk.queues import service as queues
from desk.queues.builtin import builtin_views
from desk.services import admin_users, people, tickets

pytestmark = pytest.mark.pg


@pytest.fixture
def agent_db(pg_url: str) -> Iterator[tuple[Database, Database, dict[str, uuid.UUID]]]:
    owner = open_database(pg_url)
    sd, _ = people.create_group(owner, "Service Desk")
    hr, _ = people.create_group(owner, "HR")
    login = f"c{uuid.uuid4().hex[:8]}"
    admin_users.add_user(owner, login, "Ann", "agent", ["Service Desk"])
    made = {}
    for title, group in (("Printer jam", sd), ("Payroll dispute", hr)):
        view, _ = tickets.create_ticket(owner, None, tickets.NewTicket(
            kind=Kind.INCIDENT, title=title, group_id=group.id))
        made[title] = view.id
    with owner.write() as s:
        s.execute(text("UPDATE tickets SET confidential = true WHERE id = :id"),
                  {"id": made["Payroll dispute"]})
    made["group"] = sd.id
    agent = open_database(make_url(pg_url).set(username=login).render_as_string(
        hide_password=False))
    yield owner, agent, made
    agent.dispose()
    with owner.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(f'DROP ROLE "{login}"'))
    owner.dispose()


def test_an_agent_works_a_ticket_with_their_own_login(agent_db):
    _owner, agent, made = agent_db
    me = people.current_user(agent, "anyone")
    created, _ = tickets.create_ticket(agent, me.id, tickets.NewTicket(
        kind=Kind.INCIDENT, title="VPN down", group_id=made["group"]))
    updated, _ = tickets.update_ticket(agent, me.id, created.id, created.row_version,
                                       {"status": Status.IN_PROGRESS, "assignee_id": me.id})
    tickets.add_worklog(agent, me.id, created.id, "internal", "Restarted the concentrator")
    assert updated.status == Status.IN_PROGRESS
    assert [w.body for w in tickets.list_worklog(agent, created.id)] == [
        "Restarted the concentrator"]
    # The history says who did it: the database stamped the login's user.
    assert {a.actor_id for a in tickets.list_audit(agent, created.id)} == {me.id}
    assert created.number.startswith("INC")


def test_confidential_tickets_stay_out_of_queues_counts_and_search(agent_db):
    owner, agent, _made = agent_db
    me = people.current_user(agent, "anyone")
    every = next(v for v in builtin_views() if v.key == "builtin:all")
    assert queues.count(agent, every, me) == 1
    assert queues.count(owner, every, people.current_user(owner, me.username)) == 2
    spec = queues.search(agent, "Payroll", me).spec
    assert queues.fetch_rows(agent, spec, me, None, 0, 50) == []
    # The owner's identical search finds it: the policy, not the search, hides it.
    assert [r.title for r in queues.fetch_rows(owner, spec, me, None, 0, 50)] == [
        "Payroll dispute"]
