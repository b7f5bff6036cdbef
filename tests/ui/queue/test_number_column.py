"""Opening a ticket narrows the queue: the Number column stays on screen, readable."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QTableView
from shiboken6 import isValid

from desk.db.session import Database
from desk.drafts import DraftStore
from desk.services.people import CurrentUser
from desk.ui.main_window import MainWindow
from desk.ui.worker import DbRunner
from tests.factories import Team, make_ticket


def number_on_screen(table: QTableView, col: int, number: str) -> bool:
    """The Number cell lies inside the viewport and is wide enough for the number."""
    left = table.columnViewportPosition(col)
    width = table.columnWidth(col)
    needed = table.fontMetrics().horizontalAdvance(number)
    return (not table.isColumnHidden(col) and left >= 0
            and left + width <= table.viewport().width() and width > needed)


def test_number_column_stays_visible_when_a_ticket_opens(
        qtbot, qrunner: DbRunner, me: CurrentUser, db: Database, team: Team,
        drafts: DraftStore, ui_settings: QSettings) -> None:
    for i in range(5):
        make_ticket(db, team, title=f"Printer {i} is jammed", assignee_id=team.agent.id)
    window = MainWindow(qrunner, me, settings=ui_settings, drafts=drafts)
    try:
        window.resize(1440, 900)
        window.show()
        pane = window.pane
        qtbot.waitUntil(lambda: pane.model.rowCount() == 5 and qrunner.pending == 0,
                        timeout=10_000)
        table = pane.table
        number_col = pane.model.column_index("number")
        # The agent double-clicks the title of the last row's ticket, far right of the
        # number once the table is narrower than its columns.
        last = pane.model.column_index("updated")
        index = pane.model.index(4, last)
        row = pane.model.row_at(4)
        assert number_on_screen(table, number_col, row.number)
        rect = table.visualRect(index)
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.waitUntil(lambda: str(row.id) in window.forms, timeout=10_000)
        qtbot.waitUntil(lambda: qrunner.pending == 0, timeout=10_000)
        assert table.viewport().width() < table.horizontalHeader().length()  # it narrowed
        assert table.currentIndex().column() == last
        assert number_on_screen(table, number_col, row.number)
        # Moving through the rows with the keyboard keeps it in view too.
        table.setFocus()
        qtbot.keyClick(table, Qt.Key.Key_Up)
        assert table.currentIndex().row() == 3
        assert number_on_screen(table, number_col, pane.model.row_at(3).number)
    finally:
        qtbot.waitUntil(lambda: qrunner.pending == 0, timeout=10_000)
        if isValid(window):
            window._close_approved = True
            window.close()
            shiboken6.delete(window)
