"""Ticket numbers without their prefix in the search box and Go to ticket; a search that
found nothing leaves no view behind."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import shiboken6
from PySide6.QtCore import QSettings, Qt
from shiboken6 import isValid

from desk.db.session import Database
from desk.drafts import DraftStore
from desk.services.people import CurrentUser
from desk.ui.main_window import MainWindow
from desk.ui.worker import DbRunner
from tests.factories import Team, make_ticket
from tests.ui.queue.conftest import OFFSCREEN_ONLY, idle

pytestmark = pytest.mark.qt_log_ignore(*OFFSCREEN_ONLY)

ALL = 5


def type_search(qtbot, pane, text: str) -> None:
    pane.focus_search()
    pane.search_box.clear()
    qtbot.keyClicks(pane.search_box, text)
    qtbot.keyClick(pane.search_box, Qt.Key.Key_Return)


def test_a_bare_number_opens_its_ticket_or_asks_which(
        qtbot, make_pane: Callable, db: Database, team: Team) -> None:
    inc1 = make_ticket(db, team, title="Mail is down")
    inc2 = make_ticket(db, team, title="Printer jam")
    req1 = make_ticket(db, team, kind="service_request", title="New laptop")
    pane = make_pane(ALL)
    with qtbot.waitSignal(pane.openTicketRequested, timeout=5_000) as blocker:
        type_search(qtbot, pane, "2")  # only INC0000002
    assert blocker.args == [inc2.id]

    type_search(qtbot, pane, "0000001")  # INC0000001 and REQ0000001
    qtbot.waitUntil(lambda: pane.number_choice is not None
                    and pane.number_choice.isVisible(), timeout=5_000)
    dialog = pane.number_choice
    assert [dialog.list.item(i).text() for i in range(dialog.list.count())] == [
        f"{inc1.number} — Mail is down", f"{req1.number} — New laptop"]
    dialog.list.setCurrentRow(1)
    with qtbot.waitSignal(pane.openTicketRequested, timeout=5_000) as blocker:
        qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    assert blocker.args == [req1.id]
    assert not any(s.is_search for s in pane.view_specs())


def test_a_search_that_found_nothing_leaves_no_view(
        qtbot, make_pane: Callable, qrunner: DbRunner, db: Database, team: Team) -> None:
    make_ticket(db, team, title="Printer on floor 3")
    pane = make_pane(ALL)
    pane.search("printer")
    qtbot.waitUntil(lambda: pane.current_view().is_search and pane.model.count_known
                    and not pane.model.loading, timeout=10_000)
    assert pane.model.rowCount() == 1

    type_search(qtbot, pane, "scanner")
    qtbot.waitUntil(lambda: not any(s.is_search for s in pane.view_specs()), timeout=10_000)
    idle(qtbot, qrunner)
    assert pane.status.text() == "Nothing found for “scanner”"
    assert pane.search_box.text() == "scanner"  # kept, to be corrected
    assert pane.current_view().key == "builtin:my_open"

    type_search(qtbot, pane, "99")  # a number that is no ticket: searched as text
    idle(qtbot, qrunner)
    assert pane.status.text() == "Nothing found for “99”"
    assert not any(s.is_search for s in pane.view_specs())


def test_go_to_ticket_takes_a_bare_number(
        qtbot, qrunner: DbRunner, me: CurrentUser, db: Database, team: Team,
        drafts: DraftStore, ui_settings: QSettings) -> None:
    make_ticket(db, team, title="Mail is down")
    inc2 = make_ticket(db, team, title="Printer jam")
    req1 = make_ticket(db, team, kind="service_request", title="New laptop")
    window = MainWindow(qrunner, me, settings=ui_settings, drafts=drafts)
    try:
        window.show()
        window.open_number("2")
        qtbot.waitUntil(lambda: str(inc2.id) in window.forms, timeout=10_000)
        window.open_number("req1")
        qtbot.waitUntil(lambda: str(req1.id) in window.forms, timeout=10_000)
        window.open_number("1")  # INC0000001 or REQ0000001
        qtbot.waitUntil(lambda: window.pane.number_choice is not None
                        and window.pane.number_choice.isVisible(), timeout=10_000)
        assert window.pane.number_choice.list.count() == 2
        window.pane.number_choice.reject()
        window.open_number("7")
        qtbot.waitUntil(lambda: window.statusBar().currentMessage()
                        == "There is no ticket 7", timeout=10_000)
    finally:
        qtbot.waitUntil(lambda: qrunner.pending == 0, timeout=10_000)
        if isValid(window):
            window._close_approved = True
            window.close()
            shiboken6.delete(window)
