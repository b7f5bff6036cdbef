"""First impressions of the ticket form (issue 13): a save that fails shows its first problem
where the agent can see it and says why in the status bar; the description box is as tall as
its text."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desk.domain.enums import Status
from desk.services import tickets
from tests.factories import make_ticket
from tests.ui import test_main_window
from tests.ui.test_main_window import loaded
from tests.ui.ticket.test_form_create_edit import choose

make_window = test_main_window.make_window  # the fixture, for the status bar's test


def shows(widget) -> bool:
    return not widget.visibleRegion().isEmpty()


def test_failed_save_scrolls_to_the_first_problem(qtbot, make_form, world, runner):
    """Resolving on a small form: the resolution notes (shown only now) sit below the fold;
    a save without them brings them into view with their message and the focus."""
    view = make_ticket(world.db, world.team)
    form = make_form(view.id)
    form.resize(620, 460)
    said: list[str] = []
    form.message.connect(said.append)
    choose(form.fields.status, Status.RESOLVED.value)
    choose(form.fields.resolution_code, "solved")
    notes = form.fields.resolution_notes
    assert form.fields.verticalScrollBar().value() == 0
    assert not shows(notes)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    error = form.fields.boxes["resolution_notes"].error
    qtbot.waitUntil(lambda: shows(error))
    assert error.text() == "Describe the resolution for the requester"
    assert shows(notes)
    assert form.focusWidget() is notes
    assert said == ["Not saved: Resolution notes: Describe the resolution for the requester"]
    assert tickets.get_ticket(world.db, view.id).status == Status.NEW


def test_status_bar_says_why_the_save_did_not_happen(qtbot, make_window, world):
    window = make_window()
    window.resize(900, 560)
    form = loaded(qtbot, window.new_ticket())
    form.description.setPlainText("The printer on floor 2 says PC LOAD LETTER")
    window.save_action.trigger()
    message = window.statusBar().currentMessage()
    assert message.startswith("Not saved: Title: ")
    assert form.field_error("title") in message
    qtbot.waitUntil(lambda: shows(form.title))
    assert form.focusWidget() is form.title
    assert form.description.toPlainText() == "The printer on floor 2 says PC LOAD LETTER"


def test_description_is_as_tall_as_its_text_within_limits(qtbot, make_form, world, runner):
    form = make_form()
    box = form.description
    box.setPlainText("Mouse is broken")
    short = box.height()
    assert short == box.height_for(3)  # room for a few lines, not half the form
    assert short < form.height() / 6
    ten = "\n".join(f"Step {i}: tried again" for i in range(10))
    box.setPlainText(ten)
    qtbot.waitUntil(lambda: box.height() == box.height_for(10))
    assert box.verticalScrollBar().maximum() == 0  # all ten lines show at once
    box.setPlainText("\n".join(f"Log line {i}" for i in range(40)))
    qtbot.waitUntil(lambda: box.height() == box.height_for(15))
    assert box.verticalScrollBar().maximum() > 0  # the rest scrolls inside the box
    box.setPlainText("Fixed")
    qtbot.waitUntil(lambda: box.height() == short)
