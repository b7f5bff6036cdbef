"""Removing an attachment from the ticket form: asked first, done through the service."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from desk.services import tickets
from tests.factories import make_ticket
from tests.ui.conftest import OFFSCREEN_POPUP, idle

pytestmark = OFFSCREEN_POPUP


def _form_with_attachment(qtbot, make_form, world):
    view = make_ticket(world.db, world.team)
    tickets.add_attachment(world.db, world.team.agent.id, view.id, "error log.txt", b"boom")
    form = make_form(view.id)
    form.tabs.setCurrentWidget(form.tabs.attachments)
    panel = form.tabs.attachments
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=10_000)
    return view, panel


def _answer(qtbot, panel, button: QMessageBox.StandardButton) -> None:
    assert not panel.remove_button.isEnabled()  # nothing selected yet
    panel.table.selectRow(0)
    assert panel.remove_button.isEnabled()
    panel.remove_button.click()
    qtbot.waitUntil(lambda: panel.confirmation is not None
                    and panel.confirmation.isVisible())
    box = panel.confirmation
    assert "error log.txt" in box.text()
    box.button(button).click()


def test_remove_asks_and_cancel_keeps_the_attachment(qtbot, make_form, world, runner):
    view, panel = _form_with_attachment(qtbot, make_form, world)
    _answer(qtbot, panel, QMessageBox.StandardButton.Cancel)
    idle(qtbot, runner)
    assert panel.confirmation is None
    assert panel.table.rowCount() == 1
    assert [a.filename for a in tickets.list_attachments(world.db, view.id)] == ["error log.txt"]


def test_remove_confirmed_removes_it_and_the_history_says_so(qtbot, make_form, world, runner):
    view, panel = _form_with_attachment(qtbot, make_form, world)
    with qtbot.waitSignal(panel.removed, timeout=10_000):
        _answer(qtbot, panel, QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 0, timeout=10_000)
    assert tickets.list_attachments(world.db, view.id) == []
    removed = [a for a in tickets.list_audit(world.db, view.id) if a.field == "attachment"
               and a.new_value is None]
    assert [(a.old_value, a.actor_id) for a in removed] == [("error log.txt",
                                                             world.team.agent.id)]
    assert not panel.remove_button.isEnabled()


def test_remove_of_an_attachment_gone_meanwhile_says_so(qtbot, make_form, world, runner):
    view, panel = _form_with_attachment(qtbot, make_form, world)
    gone = tickets.list_attachments(world.db, view.id)[0]
    tickets.remove_attachment(world.db, world.team.lead.id, gone.id)  # another console
    _answer(qtbot, panel, QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: panel.box.error.isVisibleTo(panel), timeout=10_000)
    assert panel.box.error.text() == "The attachment no longer exists"
