"""The ticket form's read model on real SQLite and PostgreSQL databases."""

from __future__ import annotations

from desk.domain.enums import WorklogVisibility
from desk.services import catalog, tickets
from tests.factories import make_team, make_ticket
from tests.reads import save_while_reading


def test_ticket_detail_names_everyone_it_mentions(db):
    team = make_team(db)
    t = make_ticket(db, team, assignee_id=team.agent.id)
    tickets.add_worklog(db, team.lead.id, t.id, WorklogVisibility.INTERNAL, "Looked at it")
    tickets.add_attachment(db, team.lead.id, t.id, "log.txt", b"abc")
    d = catalog.ticket_detail(db, t.id)
    assert [w.body for w in d.worklog] == ["Looked at it"]
    assert [a.filename for a in d.attachments] == ["log.txt"]
    assert d.name(d.ticket.group_id) == "Service Desk"
    assert d.name(d.ticket.assignee_id) == "Arne Agent"
    assert d.name(d.worklog[0].author_id) == "Lena Lead"
    assert d.name(d.attachments[0].author_id) == "Lena Lead"


def test_ticket_detail_is_one_snapshot_when_a_save_lands_meanwhile(db):
    team = make_team(db)
    t = make_ticket(db, team, title="Printer jam")

    def save() -> None:
        tickets.update_ticket(db, team.agent.id, t.id, t.row_version,
                              {"title": "Printer on fire"})

    # The ticket row is read first; the save commits before its history is read.
    with save_while_reading(db, "worklog_entries", save):
        d = catalog.ticket_detail(db, t.id)
    assert d.ticket.title == "Printer jam"
    assert not [a for a in d.audit if a.field == "title"]
    assert catalog.ticket_detail(db, t.id).ticket.title == "Printer on fire"
    assert [a.new_value for a in catalog.ticket_detail(db, t.id).audit
            if a.field == "title"] == ["Printer on fire"]
