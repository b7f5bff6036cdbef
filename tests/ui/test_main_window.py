"""The main window: tabs, shortcuts, unsaved-changes questions, drafts after a crash."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from shiboken6 import isValid

from desk.drafts import DraftStore
from desk.services import tickets
from desk.services.people import CurrentUser
from desk.ui.main_window import MainWindow
from desk.ui.ticket.form import TicketForm
from desk.ui.worker import DbRunner
from tests.factories import make_ticket
from tests.ui.conftest import OFFSCREEN_POPUP


@pytest.fixture
def make_window(qtbot, runner: DbRunner, me: CurrentUser, drafts: DraftStore,
                ui_settings: QSettings):
    made: list[MainWindow] = []

    def make() -> MainWindow:
        window = MainWindow(runner, me, settings=ui_settings, drafts=drafts)
        made.append(window)
        window.show()
        return window

    yield make
    # Before the runner stops: the queue pane's timers must not call a stopped runner.
    for window in made:
        if isValid(window):
            window._close_approved = True
            window.close()
            shiboken6.delete(window)


def loaded(qtbot, form: TicketForm) -> TicketForm:
    qtbot.waitUntil(lambda: form.ready, timeout=10_000)
    qtbot.waitUntil(form.fields.assignment.settled, timeout=10_000)
    return form


def answer(qtbot, window: MainWindow, button: QMessageBox.StandardButton) -> None:
    qtbot.waitUntil(lambda: window.question is not None and window.question.isVisible())
    window.question.button(button).click()


def test_window_starts_on_fresh_database(qtbot, make_window, db, me):
    window = make_window()
    assert window.isVisible()
    where = "File" if db.target.is_sqlite else "Server"
    assert window.db_label.text() == f"{where}: {db.target.display()}"
    assert window.user_label.text() == f"Signed in as {me.display_name} (Agent)"
    assert not window.tabs.isVisible()  # nothing open yet: the queue has the room
    qtbot.waitUntil(lambda: window.connection_label.text() == "Connected")
    shortcuts = {a.text().replace("&", ""): a.shortcut().toString()
                 for a in window.findChildren(type(window.save_action)) if a.shortcut()}
    assert shortcuts["New ticket…"] == "Ctrl+N"
    assert shortcuts["Save"] == "Ctrl+S"
    assert shortcuts["Close tab"] == "Ctrl+W"
    assert shortcuts["Search tickets"] == "Ctrl+K"
    assert shortcuts["Refresh"] == "F5"
    assert shortcuts["Queue view 1"] == "Ctrl+1"
    assert shortcuts["Quit"] == "Ctrl+Q"


def test_open_ticket_twice_focuses_one_tab(qtbot, make_window, world):
    a = make_ticket(world.db, world.team, title="First")
    b = make_ticket(world.db, world.team, title="Second")
    window = make_window()
    form_a = loaded(qtbot, window.open_ticket(a.id))
    loaded(qtbot, window.open_ticket(b.id))
    assert window.tabs.count() == 2
    assert window.open_ticket(a.id) is form_a
    assert window.tabs.count() == 2
    assert window.tabs.currentWidget() is form_a
    assert window.tabs.tabText(window.tabs.indexOf(form_a)) == a.number


def test_ctrl_n_and_ctrl_s_create_a_ticket(qtbot, make_window, world):
    window = make_window()
    with qtbot.waitActive(window):
        window.windowHandle().requestActivate()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.kind_menu.isVisible())
    window.kind_menu.close()
    form = loaded(qtbot, window.new_ticket("service_request"))
    qtbot.keyClicks(form.title, "New laptop for Bob")
    window.tabs.setCurrentWidget(form)
    with qtbot.waitSignal(form.saved, timeout=10_000) as saved:
        window.save_action.trigger()
    assert saved.args[0].number.startswith("REQ")
    assert window.forms[str(saved.args[0].id)] is form
    assert window.open_ticket(saved.args[0].id) is form


def test_close_tab_asks_about_unsaved_changes(qtbot, make_window, world):
    view = make_ticket(world.db, world.team, title="Keyboard dead")
    window = make_window()
    form = loaded(qtbot, window.open_ticket(view.id))
    form.description.setPlainText("Tried another USB port")
    assert window.tabs.tabText(0).startswith("•")

    window.close_current()
    answer(qtbot, window, QMessageBox.StandardButton.Cancel)
    assert window.tabs.count() == 1
    assert form.description.toPlainText() == "Tried another USB port"

    window.close_current()
    with qtbot.waitSignal(form.saved, timeout=10_000):
        answer(qtbot, window, QMessageBox.StandardButton.Save)
    qtbot.waitUntil(lambda: window.tabs.count() == 0)
    assert tickets.get_ticket(world.db, view.id).description == "Tried another USB port"

    form = loaded(qtbot, window.open_ticket(view.id))
    form.description.setPlainText("Second thoughts")
    window.close_current()
    answer(qtbot, window, QMessageBox.StandardButton.Discard)
    qtbot.waitUntil(lambda: window.tabs.count() == 0)
    assert tickets.get_ticket(world.db, view.id).description == "Tried another USB port"
    assert window.drafts.load_all() == []


def test_window_close_asks_and_saves(qtbot, make_window, world):
    view = make_ticket(world.db, world.team, title="Phone broken")
    window = make_window()
    form = loaded(qtbot, window.open_ticket(view.id))
    form.title.setText("Desk phone broken")
    form.title.textEdited.emit(form.title.text())
    window.close()
    assert window.isVisible()
    with qtbot.waitSignal(window.closed, timeout=10_000):
        answer(qtbot, window, QMessageBox.StandardButton.Save)
    assert not window.isVisible()
    assert tickets.get_ticket(world.db, view.id).title == "Desk phone broken"


def test_drafts_survive_a_crash(qtbot, make_window, world, drafts):
    view = make_ticket(world.db, world.team, title="Slow VPN")
    window = make_window()
    form = loaded(qtbot, window.open_ticket(view.id))
    qtbot.keyClicks(form.description, "Measured 2 Mbit/s at 10:00")
    qtbot.keyClicks(form.composer.edit, "Half-written note")
    new_form = loaded(qtbot, window.new_ticket("incident"))
    qtbot.keyClicks(new_form.title, "Projector in room 4")
    qtbot.waitUntil(lambda: len(drafts.load_all()) == 2, timeout=10_000)

    # The process dies: no close event, no question, nothing saved.
    window.hide()
    shiboken6.delete(window)

    again = make_window()
    assert again.drafts_bar.isVisibleTo(again)
    assert "Restore 2 unsaved drafts?" in again.drafts_text.text()
    again.restore_button.click()
    assert again.tabs.count() == 2
    forms = {f.ticket_id: loaded(qtbot, f) for f in again.forms.values()}
    restored = forms[view.id]
    qtbot.waitUntil(lambda: restored.description.toPlainText() == "Measured 2 Mbit/s at 10:00",
                    timeout=10_000)
    assert restored.composer.text() == "Half-written note"
    assert restored.title.text() == "Slow VPN"
    assert restored.has_unsaved()
    restored_new = forms[None]
    qtbot.waitUntil(lambda: restored_new.title.text() == "Projector in room 4", timeout=10_000)

    with qtbot.waitSignal(restored_new.saved, timeout=10_000):
        restored_new.save()
    qtbot.waitUntil(lambda: len(drafts.load_all()) == 1, timeout=10_000)
    again.tabs.setCurrentWidget(restored)
    again.close_current()
    answer(qtbot, again, QMessageBox.StandardButton.Discard)
    qtbot.waitUntil(lambda: drafts.load_all() == [], timeout=10_000)


def test_window_layout_persists(qtbot, make_window, ui_settings):
    """UI state (not data) goes to QSettings: splitter and window geometry."""
    window = make_window()
    window.new_ticket("incident")
    window.splitter.setSizes([500, 900])
    sizes = window.splitter.sizes()
    window.close_current()
    assert not window.tabs.isVisible()
    window.close()
    assert not ui_settings.value("window/geometry").isEmpty()
    second = make_window()
    second.new_ticket("problem")
    # The offscreen screen may give the window another width; the split keeps its share.
    share = sizes[0] / sum(sizes)
    assert abs(second.splitter.sizes()[0] / sum(second.splitter.sizes()) - share) < 0.02


@OFFSCREEN_POPUP
def test_cmdb_opens_in_its_own_window(qtbot, make_window, world):
    window = make_window()
    window.cmdb_action.trigger()
    cmdb = window.cmdb_window
    assert cmdb is not None and cmdb.isWindow() and cmdb.isVisible()
    assert window.tabs.count() == 0  # the ticket pane stays for tickets
    assert cmdb.width() >= 1100  # room for the class tree, the list and the detail
    window.cmdb_action.trigger()  # a second time brings the same window forward
    assert window.cmdb_window is cmdb
    ticket = make_ticket(world.db, world.team)
    cmdb.browser.openTicketRequested.emit(ticket.id)  # "open" on a CI's ticket
    assert window.tabs.count() == 1
    window._close_approved = True
    window.close()
    assert not cmdb.isVisible()
