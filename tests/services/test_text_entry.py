"""User text at the service boundary on both databases: stored text with NUL or a lone
surrogate is refused naming the field, searches with them still work; a retried create is
recognised by its client id."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from desk.domain.enums import Kind, WorklogVisibility, format_number
from desk.editing.ticket_editor import TicketEditor
from desk.errors import ConflictError, ValidationError
from desk.ids import uuid7
from desk.models import Ticket
from desk.services import catalog, people, tickets
from desk.services.tickets import NewTicket
from tests.factories import make_team, make_ticket


def ticket_count(db) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Ticket)) or 0)


@pytest.mark.parametrize("bad", ["\x00", "\ud800"])
def test_a_title_with_an_unstorable_character_is_refused_alike_on_both_databases(db, bad):
    team = make_team(db)
    with pytest.raises(ValidationError, match="Title contains a character that cannot be "
                                              "saved") as err:
        make_ticket(db, team, title=f"Printer{bad} jam")
    assert err.value.field == "title"
    assert ticket_count(db) == 0


def test_description_worklog_and_resolution_text_are_checked_naming_their_field(db):
    team = make_team(db)
    with pytest.raises(ValidationError, match=r"Description .* \(U\+0000\)") as err:
        make_ticket(db, team, description="Toner\x00")
    assert err.value.field == "description"
    t = make_ticket(db, team)
    with pytest.raises(ValidationError, match=r"\(U\+DC00\)") as err:
        tickets.update_ticket(db, team.agent.id, t.id, t.row_version,
                              {"resolution_notes": "done \udc00"})
    assert err.value.field == "resolution_notes"
    with pytest.raises(ValidationError) as err:
        tickets.add_worklog(db, team.agent.id, t.id, WorklogVisibility.INTERNAL, "Called\x00")
    assert err.value.field == "body"
    assert tickets.list_worklog(db, t.id) == []
    assert tickets.get_ticket(db, t.id).row_version == t.row_version


def test_a_bulk_note_with_a_nul_refuses_the_whole_bulk_edit(db):
    team = make_team(db)
    t = make_ticket(db, team)
    with pytest.raises(ValidationError) as err:
        tickets.bulk_update(db, team.agent.id, [t.id], {"impact": 1}, note="moved\x00")
    assert err.value.field == "note"
    assert tickets.get_ticket(db, t.id).impact == 3


def test_contact_search_with_a_nul_or_lone_surrogate_finds_the_contact(db):
    people.create_contact(db, "Maria Schmidt", email="maria@example.org")
    for typed in ("mar\x00ia", "maria\ud800", "\x00"):
        found = people.search_contacts(db, typed)
        assert [c.name for c in found] == ["Maria Schmidt"], typed


def test_a_contact_with_a_nul_in_its_email_is_refused(db):
    with pytest.raises(ValidationError, match="Email contains") as err:
        people.create_contact(db, "Maria", email="maria@exa\x00mple.org")
    assert err.value.field == "email"
    assert people.search_contacts(db, "") == []


def test_a_retried_create_with_the_same_id_makes_one_ticket(db):
    team = make_team(db)
    new = NewTicket(kind=Kind.INCIDENT, title="Printer jam", group_id=team.group.id,
                    id=uuid7())
    first, changes = tickets.create_ticket(db, team.agent.id, new)
    assert first.id == new.id and changes
    again, changes = tickets.create_ticket(db, team.agent.id, new)
    assert again == first
    assert not changes  # nothing written: no view refreshes for it
    assert ticket_count(db) == 1
    assert tickets.find_by_number(db, first.number) == first
    # The retry did not use up a number.
    assert make_ticket(db, team).number == format_number(Kind.INCIDENT, 2)


def test_the_same_id_with_other_content_is_refused_naming_the_saved_ticket(db):
    team = make_team(db)
    new = NewTicket(kind=Kind.INCIDENT, title="Printer jam", id=uuid7())
    first, _ = tickets.create_ticket(db, team.agent.id, new)
    other = NewTicket(kind=Kind.INCIDENT, title="Printer on fire", id=new.id)
    with pytest.raises(ConflictError, match=f"as {first.number}, with other values"):
        tickets.create_ticket(db, team.agent.id, other)
    assert ticket_count(db) == 1
    assert tickets.get_ticket(db, first.id).title == "Printer jam"


def test_the_editor_sends_one_id_for_every_attempt_of_a_new_ticket(db):
    team = make_team(db)
    editor = TicketEditor(Kind.INCIDENT)
    editor.set("title", "Printer jam")
    first, _ = tickets.create_ticket(db, team.agent.id, editor.new_ticket())
    retried, _ = tickets.create_ticket(db, team.agent.id, editor.new_ticket())
    assert retried.id == first.id and ticket_count(db) == 1
    assert TicketEditor(Kind.INCIDENT).new_ticket().id != first.id


def test_a_ticket_number_typed_with_a_nul_still_finds_the_ticket(db):
    t = make_ticket(db, make_team(db))
    assert tickets.find_by_number(db, f"{t.number}\x00") == t
    assert catalog.find_ticket_ref(db, f"\ud800{t.number.lower()}").id == t.id


def test_a_category_or_group_name_with_a_nul_is_refused(db):
    with pytest.raises(ValidationError, match="Name contains") as err:
        catalog.create_category(db, "Hard\x00ware")
    assert err.value.field == "name"
    with pytest.raises(ValidationError, match="Description contains") as err:
        people.create_group(db, "Unix", description="\udfffservers")
    assert err.value.field == "description"
    assert catalog.list_categories(db) == [] and people.list_groups(db) == []
