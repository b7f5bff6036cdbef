"""Ticket services on real SQLite and PostgreSQL databases."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desk.db.session import open_database
from desk.domain.enums import EventField, Kind, Status
from desk.errors import AttachmentTooLarge, TransitionError, ValidationError
from desk.models import AuditEntry, TicketEvent, WorklogEntry
from desk.services import settings, tickets
from desk.services.tickets import NewTicket, TicketConflict
from tests.factories import make_team, make_ticket


def test_create_sets_priority_from_matrix_and_logs_creation(db):
    team = make_team(db)
    t = make_ticket(db, team, impact=1, urgency=2, assignee_id=team.agent.id)
    assert t.priority == 2 and t.status == Status.NEW
    assert t.opened_at.tzinfo is not None
    fields = [e.field for e in tickets.list_events(db, t.id)]
    assert fields == [EventField.CREATED, EventField.PRIORITY, EventField.GROUP,
                      EventField.ASSIGNEE]


def test_empty_title_is_refused_naming_the_field(db):
    team = make_team(db)
    with pytest.raises(ValidationError) as err:
        tickets.create_ticket(db, team.agent.id, NewTicket(kind=Kind.INCIDENT, title="   "))
    assert err.value.field == "title"


def test_assignee_must_be_member_of_the_group(db):
    team = make_team(db)
    with pytest.raises(ValidationError) as err:
        make_ticket(db, team, assignee_id=team.other.id)
    assert err.value.field == "assignee_id"


def test_every_tracked_change_writes_an_event_and_audit_in_one_save(db):
    team = make_team(db)
    t = make_ticket(db, team)
    t2, changes = tickets.update_ticket(db, team.agent.id, t.id, t.row_version, {
        "status": Status.IN_PROGRESS, "assignee_id": team.agent.id, "impact": 1, "urgency": 1,
        "title": "Printer jam on floor 3"})
    assert t2.row_version == t.row_version + 1
    assert t2.priority == 1 and t2.first_response_at is not None
    assert t.id in changes.ticket_ids
    events = [(e.field, e.old_value, e.new_value) for e in tickets.list_events(db, t.id)][-4:]
    assert (EventField.PRIORITY, "5", "1") in events
    assert (EventField.ASSIGNEE, None, str(team.agent.id)) in events
    assert (EventField.STATUS, Status.NEW, Status.IN_PROGRESS) in events
    assert (EventField.FIRST_RESPONSE, None, t2.first_response_at.isoformat()) in events
    audited = {a.field for a in tickets.list_audit(db, t.id)}
    assert {"title", "impact", "urgency", "priority", "assignee_id", "status"} <= audited


def test_invalid_transition_is_refused_and_nothing_is_written(db):
    team = make_team(db)
    t = make_ticket(db, team)
    with pytest.raises(TransitionError):
        tickets.update_ticket(db, None, t.id, t.row_version,
                              {"status": Status.CLOSED, "title": "changed"})
    again = tickets.get_ticket(db, t.id)
    assert again.title == t.title and again.row_version == t.row_version


def test_resolve_needs_code_then_reopen_clears_resolution(db):
    team = make_team(db)
    t = make_ticket(db, team)
    t, _ = tickets.update_ticket(db, None, t.id, t.row_version, {"status": Status.IN_PROGRESS})
    with pytest.raises(ValidationError) as err:
        tickets.update_ticket(db, None, t.id, t.row_version, {"status": Status.RESOLVED})
    assert err.value.field == "resolution_code"
    t, _ = tickets.update_ticket(db, None, t.id, t.row_version, {
        "status": Status.RESOLVED, "resolution_code": "solved", "resolution_notes": "Reseated"})
    assert t.resolved_at is not None
    t, _ = tickets.update_ticket(db, None, t.id, t.row_version, {"status": Status.IN_PROGRESS})
    assert t.resolved_at is None and t.resolution_code is None


def test_second_save_of_a_stale_ticket_is_a_conflict_and_first_save_survives(db_url):
    """Two agents (two separate Database objects = two connections) edit the same ticket."""
    first_db, second_db = open_database(db_url), open_database(db_url)
    try:
        team = make_team(first_db)
        t = make_ticket(first_db, team)
        mine = tickets.get_ticket(first_db, t.id)
        theirs = tickets.get_ticket(second_db, t.id)
        tickets.update_ticket(first_db, team.agent.id, t.id, mine.row_version,
                              {"title": "First agent's title"})
        with pytest.raises(TicketConflict) as err:
            tickets.update_ticket(second_db, team.lead.id, t.id, theirs.row_version,
                                  {"title": "Second agent's title"})
        assert err.value.current.title == "First agent's title"
        assert "changed by someone else" in str(err.value)
        assert tickets.get_ticket(second_db, t.id).title == "First agent's title"
    finally:
        first_db.dispose()
        second_db.dispose()


def test_bulk_update_skips_what_does_not_fit_and_says_why(db):
    team = make_team(db)
    a = make_ticket(db, team, title="A")
    b = make_ticket(db, team, title="B")
    b, _ = tickets.update_ticket(db, None, b.id, b.row_version, {"status": Status.CANCELLED})
    result = tickets.bulk_update(db, team.agent.id, [a.id, b.id],
                                 {"status": Status.IN_PROGRESS, "assignee_id": team.agent.id},
                                 note="Taking these").value
    assert result.updated == (a.id,)
    assert [n for n, _ in result.skipped] == [b.number]
    assert "final" in result.skipped[0][1]
    assert tickets.get_ticket(db, a.id).assignee_id == team.agent.id
    assert tickets.get_ticket(db, b.id).assignee_id is None
    assert [w.body for w in tickets.list_worklog(db, a.id)] == ["Taking these"]
    assert tickets.list_worklog(db, b.id) == []


def test_bulk_resolution_code_goes_only_to_tickets_this_move_resolves(db):
    team = make_team(db)
    new = make_ticket(db, team, title="New")
    done = make_ticket(db, team, title="Resolved earlier")
    done, _ = tickets.update_ticket(db, None, done.id, done.row_version,
                                    {"status": Status.RESOLVED, "resolution_code": "workaround"})
    result = tickets.bulk_update(db, team.agent.id, [new.id, done.id],
                                 {"status": Status.RESOLVED, "resolution_code": "solved"}).value
    assert set(result.updated) == {new.id, done.id} and not result.skipped
    assert tickets.get_ticket(db, new.id).resolution_code == "solved"
    assert tickets.get_ticket(db, done.id).resolution_code == "workaround"  # kept
    # Closing resolved tickets does not change their codes either.
    tickets.bulk_update(db, team.agent.id, [new.id, done.id],
                        {"status": Status.CLOSED, "resolution_code": "duplicate"})
    assert tickets.get_ticket(db, new.id).resolution_code == "solved"
    assert tickets.get_ticket(db, done.id).status == Status.CLOSED


def test_public_reply_is_first_response_and_worklog_is_append_only(db):
    team = make_team(db)
    t = make_ticket(db, team)
    entry, _ = tickets.add_worklog(db, team.agent.id, t.id, "public", "We are on it 🙂")
    assert tickets.get_ticket(db, t.id).first_response_at == entry.created_at
    with pytest.raises(RuntimeError, match="append-only"), db.write() as s:
        s.get(WorklogEntry, entry.id).body = "rewritten"
        s.flush()
    with pytest.raises(RuntimeError, match="append-only"), db.write() as s:
        s.delete(s.scalar(select(TicketEvent).limit(1)))
        s.flush()
    with pytest.raises(RuntimeError, match="append-only"), db.write() as s:
        s.delete(s.scalar(select(AuditEntry).limit(1)))
        s.flush()
    assert [w.body for w in tickets.list_worklog(db, t.id)] == ["We are on it 🙂"]


def test_attachment_round_trip_and_size_limit(db):
    team = make_team(db)
    t = make_ticket(db, team)
    data = bytes(range(256)) * 40
    att, _ = tickets.add_attachment(db, team.agent.id, t.id, "C:\\logs\\dump.bin", data)
    assert att.filename == "dump.bin" and att.size == len(data)
    assert tickets.attachment_data(db, att.id) == data
    settings.set_setting(db, "attachment_max_bytes", 1000)
    with pytest.raises(AttachmentTooLarge, match="larger than the limit of 1000 bytes"):
        tickets.add_attachment(db, team.agent.id, t.id, "big.log", b"x" * 1001)
    assert [a.filename for a in tickets.list_attachments(db, t.id)] == ["dump.bin"]


def test_moving_group_drops_an_assignee_who_is_not_a_member(db):
    team = make_team(db)
    other = make_team(db, "Network")
    t = make_ticket(db, team, assignee_id=team.agent.id)
    t2, _ = tickets.update_ticket(db, None, t.id, t.row_version, {"group_id": other.group.id})
    assert t2.group_id == other.group.id and t2.assignee_id is None
    fields = [e.field for e in tickets.list_events(db, t.id)]
    assert fields[-2:] == [EventField.GROUP, EventField.ASSIGNEE]


def test_too_long_title_names_the_field_as_the_user_sees_it(db):
    team = make_team(db)
    with pytest.raises(ValidationError) as err:
        tickets.create_ticket(db, team.agent.id, NewTicket(kind=Kind.INCIDENT, title="x" * 301))
    assert err.value.field == "title"
    assert str(err.value) == "Title is longer than 300 characters"
