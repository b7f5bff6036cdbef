"""Creating and editing tickets through the form, as an agent would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desk.domain import lifecycle
from desk.domain.enums import Kind, Status
from desk.services import tickets
from desk.ui.ticket.assignment import select
from tests.factories import make_ticket
from tests.ui.conftest import OFFSCREEN_POPUP, idle


def choose(combo, value) -> None:
    idx = next(i for i in range(combo.count()) if combo.itemData(i) == value)
    combo.setCurrentIndex(idx)


@pytest.mark.parametrize("kind", list(Kind))
def test_create_each_kind(qtbot, make_form, world, runner, kind):
    form = make_form(kind=kind)
    assert form.tab_title().startswith("New")
    qtbot.keyClicks(form.title, f"Cannot print - {kind}")
    form.description.setPlainText("Paper jam on floor 2")
    choose(form.fields.impact, 1)
    choose(form.fields.urgency, 2)
    assert form.priority_label.text() == "P2 High"  # live, from the matrix
    choose(form.fields.group, world.team.group.id)
    qtbot.waitUntil(lambda: form.fields.assignee.count() > 2)
    choose(form.fields.assignee, world.team.agent.id)
    form.fields.category.choose(world.category_ids["printer"])
    assert form.fields.category.button.text() == "Hardware › Printer"
    assert form.fields.major.isVisibleTo(form) == (kind == Kind.INCIDENT)

    with qtbot.waitSignal(form.saved, timeout=10_000) as saved:
        form.save()
    view = saved.args[0]
    assert view.kind == kind
    assert view.number.startswith(Kind(kind).prefix)
    stored = tickets.get_ticket(world.db, view.id)
    assert stored.title == f"Cannot print - {kind}"
    assert (stored.impact, stored.urgency, stored.priority) == (1, 2, 2)
    assert stored.assignee_id == world.team.agent.id
    assert stored.category_id == world.category_ids["printer"]
    assert form.header.number_label.text() == view.number
    assert not form.has_unsaved()
    qtbot.waitUntil(lambda: form.tabs.isVisibleTo(form))


@OFFSCREEN_POPUP
def test_requester_search_fills_organization(qtbot, make_form, world, runner):
    form = make_form()
    qtbot.keyClicks(form.fields.requester.line, "al")
    qtbot.waitUntil(lambda: len(form.fields.requester.results) == 2, timeout=10_000)
    names = [c.name for c in form.fields.requester.results]
    assert names == ["Albert Ames", "Alice Archer"]
    # More typing makes the earlier answer stale; only "alic" results are shown.
    qtbot.keyClicks(form.fields.requester.line, "ic")
    qtbot.waitUntil(lambda: [c.name for c in form.fields.requester.results] == ["Alice Archer"],
                    timeout=10_000)
    popup = form.fields.requester.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    popup.setCurrentIndex(popup.model().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert form.fields.requester.value() == world.contact_ids["alice"]
    assert form.fields.organization.currentData() == world.org_ids["acme"]
    assert form.fields.organization.currentText() == "Acme Ltd"


def test_edit_and_status_offers_only_allowed(qtbot, make_form, world, runner):
    view = make_ticket(world.db, world.team, title="VPN drops")
    form = make_form(view.id)
    assert form.title.text() == "VPN drops"
    offered = {form.fields.status.itemData(i) for i in range(form.fields.status.count())}
    allowed = set(lifecycle.allowed_transitions(Kind.INCIDENT, Status.NEW))
    assert offered == {Status.NEW.value} | {s.value for s in allowed}
    assert Status.CLOSED.value not in offered  # New -> Closed is not a transition

    form.title.clear()
    qtbot.keyClicks(form.title, "VPN drops every hour")
    choose(form.fields.status, Status.IN_PROGRESS.value)
    assert form.has_unsaved()
    with qtbot.waitSignal(form.saved, timeout=10_000):
        form.save()
    stored = tickets.get_ticket(world.db, view.id)
    assert stored.title == "VPN drops every hour"
    assert stored.status == Status.IN_PROGRESS
    # The combo now offers the transitions from In progress.
    offered = {form.fields.status.itemData(i) for i in range(form.fields.status.count())}
    assert Status.PENDING_VENDOR.value in offered
    idle(qtbot, runner)
    assert not form.has_unsaved()


def test_resolving_needs_code_and_notes(qtbot, make_form, world, runner):
    view = make_ticket(world.db, world.team)
    form = make_form(view.id)
    assert not form.fields.resolution_frame.isVisibleTo(form)
    choose(form.fields.status, Status.RESOLVED.value)
    assert form.fields.resolution_frame.isVisibleTo(form)
    assert not form.save()
    assert form.field_error("resolution_code")
    assert form.field_error("resolution_notes")
    choose(form.fields.resolution_code, "solved")
    form.fields.resolution_notes.setPlainText("Replaced the toner")
    with qtbot.waitSignal(form.saved, timeout=10_000):
        form.save()
    stored = tickets.get_ticket(world.db, view.id)
    assert stored.status == Status.RESOLVED
    assert stored.resolution_code == "solved"
    assert stored.resolution_notes == "Replaced the toner"


def test_empty_title_shows_message_beside_title(qtbot, make_form, world, runner):
    view = make_ticket(world.db, world.team, title="Laptop slow")
    form = make_form(view.id)
    form.description.setPlainText("It takes ten minutes to boot")
    form.title.clear()
    form.title.textEdited.emit("")
    assert not form.save()
    assert form.field_error("title") == "A title is required"
    assert form.fields.boxes["title"].error.isVisibleTo(form)
    assert form.title.hasFocus() or form.focusWidget() is form.title
    # Nothing lost: the other edit is still there, and the database is unchanged.
    assert form.description.toPlainText() == "It takes ten minutes to boot"
    assert tickets.get_ticket(world.db, view.id).title == "Laptop slow"
    qtbot.keyClicks(form.title, "Laptop boots slowly")
    with qtbot.waitSignal(form.saved, timeout=10_000):
        form.save()
    assert form.field_error("title") == ""


def test_service_validation_error_lands_beside_field(qtbot, make_form, world, runner):
    """An error only the service knows (assignee not in the group) shows at the field."""
    view = make_ticket(world.db, world.team)
    form = make_form(view.id)
    select(form.fields.assignee, world.team.other.id, "Olga Other")
    form.fields.assignment.assignee_changed()
    with qtbot.waitSignal(form.busyChanged, timeout=10_000):
        form.save()
    qtbot.waitUntil(lambda: not form.saving, timeout=10_000)
    qtbot.waitUntil(lambda: bool(form.field_error("assignee_id")), timeout=10_000)
    assert "not a member" in form.field_error("assignee_id")
