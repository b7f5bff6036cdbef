"""The ticket editor without any toolkit: typed values against loaded ones, validation with
the service's rules, conflicts with a newer version, and what a save sends."""

from __future__ import annotations

import subprocess
import sys
import uuid
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from desk.domain.enums import Kind, Status
from desk.domain.kinds import FIELDS, KINDS
from desk.editing.ticket_editor import MINE, THEIRS, TicketEditor, view_values
from desk.errors import ValidationError
from desk.services import tickets
from desk.services.dto import EDITABLE_FIELDS, TicketView
from tests.factories import make_team

AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def ticket(**kw: object) -> TicketView:
    values: dict[str, object] = dict(
        id=uuid.uuid4(), row_version=1, kind=Kind.INCIDENT.value, number="INC0000001",
        title="Mail bounces", description="Since 9:00", status=Status.IN_PROGRESS.value,
        impact=3, urgency=3, priority=5, category_id=None, channel="phone",
        requester_id=None, organization_id=None, group_id=None, assignee_id=None,
        parent_id=None, major_incident=False, opened_at=AT, first_response_at=None,
        resolved_at=None, closed_at=None, resolution_code=None, resolution_notes=None,
        created_at=AT, updated_at=AT)
    values.update(kw)
    return TicketView(**values)  # type: ignore[arg-type]


def test_the_spec_names_every_field_the_service_edits():
    assert sorted(f.name for f in FIELDS) == sorted(EDITABLE_FIELDS)
    assert set(KINDS) == set(Kind)


def test_typed_values_against_loaded_ones():
    editor = TicketEditor("incident", ticket())
    assert not editor.dirty
    editor.set("title", "  Mail bounces for Acme ")
    editor.set("urgency", 1)
    assert editor.changed() == {"title": "Mail bounces for Acme", "urgency": 1}
    editor.set("urgency", 3)
    assert editor.changed() == {"title": "Mail bounces for Acme"}


def test_new_ticket_starts_from_the_kind_and_sends_what_was_typed():
    editor = TicketEditor("change")
    assert editor.values()["status"] == Status.NEW
    assert not editor.editable("status")  # a new ticket starts as New
    assert not editor.editable("major_incident")  # only incidents have it
    with pytest.raises(ValueError):
        editor.set("major_incident", True)
    editor.set("title", "Move the mail relay")
    editor.set("impact", 2)
    new = editor.new_ticket()
    assert (new.kind, new.title, new.impact, new.major_incident) == (
        Kind.CHANGE, "Move the mail relay", 2, False)


def test_validation_uses_the_service_rules_and_messages_stay_until_the_field_changes():
    editor = TicketEditor("incident", ticket())
    editor.set("title", "   ")
    editor.set("description", "More detail")
    assert editor.validate() == {"title": "A title is required"}
    editor.set("description", "Even more")
    assert editor.errors == {"title": "A title is required"}  # another field changed
    editor.set("title", "Mail bounces again")
    assert editor.errors == {}
    assert editor.validate() == {}


def test_a_ticket_is_not_its_own_parent():
    view = ticket()
    editor = TicketEditor("incident", view)
    editor.set("parent_id", view.id)
    assert editor.validate() == {"parent_id": "A ticket cannot be its own parent"}


def test_resolving_asks_for_code_and_notes_and_resolution_fields_count_only_then():
    editor = TicketEditor("incident", ticket())
    editor.set("resolution_notes", "Typed while the frame was shown")
    assert not editor.resolution_needed()
    assert editor.changed() == {}  # not resolving: the notes are not sent
    editor.set("status", Status.RESOLVED.value)
    assert editor.resolution_needed()
    assert set(editor.validate()) == {"resolution_code"}
    editor.set("resolution_notes", "  ")
    assert set(editor.validate()) == {"resolution_code", "resolution_notes"}
    editor.set("resolution_code", "solved")
    editor.set("resolution_notes", "Replaced the MX record")
    assert editor.validate() == {}
    assert editor.changed() == {"status": "resolved", "resolution_code": "solved",
                                "resolution_notes": "Replaced the MX record"}


def test_a_refused_transition_is_a_message_beside_the_status():
    editor = TicketEditor("change", ticket(kind="change", status=Status.NEW.value))
    editor.set("status", Status.CLOSED.value)
    assert "cannot go from New to Closed" in editor.validate()["status"]


def test_conflict_merges_their_fields_and_keeps_mine():
    loaded = ticket()
    editor = TicketEditor("incident", loaded)
    editor.set("title", "Mail bounces for all of Acme")
    editor.set("urgency", 1)
    theirs = replace(loaded, row_version=2, title="Mail bounces (MX record)", impact=1)
    merged = editor.merge(view_values(theirs))
    assert merged.conflicts == ("title",)
    assert editor.their_changes(view_values(theirs)) == ["title", "impact"]

    editor.resolve(view_values(theirs), theirs.row_version, {"title": MINE, "impact": THEIRS})
    assert editor.version == 2
    assert editor.changed() == {"title": "Mail bounces for all of Acme", "urgency": 1}
    assert editor.values()["impact"] == 1


def test_taking_theirs_for_every_conflict_leaves_only_my_other_edits():
    loaded = ticket()
    editor = TicketEditor("incident", loaded)
    editor.set("title", "Mine")
    editor.set("description", "Mine too")
    theirs = replace(loaded, row_version=5, title="Theirs")
    editor.resolve(view_values(theirs), 5, {"title": THEIRS})
    assert editor.changed() == {"description": "Mine too"}


def test_status_that_cannot_follow_theirs_is_noticed():
    loaded = ticket(status=Status.IN_PROGRESS.value)
    editor = TicketEditor("incident", loaded)
    editor.set("status", Status.PENDING_VENDOR.value)
    theirs = replace(loaded, row_version=2, status=Status.RESOLVED.value,
                     resolution_code="solved")
    editor.resolve(view_values(theirs), 2, {"status": MINE})
    assert editor.status_lost()  # Resolved -> Pending: vendor is no transition


def test_save_payload_is_accepted_by_the_service(db):
    team = make_team(db)
    editor = TicketEditor("service_request")
    editor.set("title", "New laptop for Bob")
    editor.set("group_id", team.group.id)
    editor.set("assignee_id", team.agent.id)
    assert editor.validate() == {}
    created, _ = tickets.create_ticket(db, team.agent.id, editor.new_ticket())
    editor.load(created)
    editor.set("status", Status.IN_PROGRESS.value)
    editor.set("urgency", 2)
    saved, _ = tickets.update_ticket(db, team.agent.id, created.id, editor.version,
                                     editor.changed())
    assert (saved.status, saved.urgency, saved.assignee_id) == (
        Status.IN_PROGRESS, 2, team.agent.id)
    editor.load(saved)
    assert not editor.dirty


def test_the_service_refuses_a_ticket_as_its_own_parent(db):
    team = make_team(db)
    editor = TicketEditor("incident")
    editor.set("title", "Printer jam")
    created, _ = tickets.create_ticket(db, team.agent.id, editor.new_ticket())
    with pytest.raises(ValidationError) as err:
        tickets.update_ticket(db, team.agent.id, created.id, created.row_version,
                              {"parent_id": created.id})
    assert (err.value.field, str(err.value)) == ("parent_id", "A ticket cannot be its own parent")


def test_the_editor_runs_without_qt():
    code = ("import sys, desk.editing.ticket_editor, desk.domain.kinds; "
            "sys.exit(any(m.startswith('PySide6') for m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_a_draft_against_an_older_version_brings_back_that_base():
    loaded = ticket(row_version=3)
    editor = TicketEditor("incident", loaded)
    editor.set("title", "Typed before the crash")
    draft = editor.draft("k", "sqlite:///x", "INC0000001", {}, {"text": ""})

    # Meanwhile someone else saved version 4 with another title.
    later = TicketEditor("incident", replace(loaded, row_version=4, title="Theirs"))
    later.restore(draft)
    assert later.version == 3  # saving meets the conflict instead of overwriting theirs
    assert later.base["title"] == "Mail bounces"
    assert later.changed() == {"title": "Typed before the crash"}

    same = TicketEditor("incident", loaded)
    same.restore(draft)
    assert (same.version, same.changed()) == (3, {"title": "Typed before the crash"})


def test_a_new_tickets_draft_round_trips_ids():
    group = uuid.uuid4()
    editor = TicketEditor("problem")
    editor.set("title", "Disk fills nightly")
    editor.set("group_id", group)
    again = TicketEditor("problem")
    again.restore(editor.draft("new-1", "db", None, {"group_id": "Storage"}, {}))
    assert again.values()["group_id"] == group
    assert again.changed() == {"title": "Disk fills nightly", "group_id": group}
