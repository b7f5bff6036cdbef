"""The queue table's header menu: a right click on the column headers lists the columns with
check marks; unchecking hides a column, checking shows it again. Each view keeps its own
layout, and the layouts survive a restart through QSettings (an ini file here)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu

from desk.db.session import Database
from desk.domain.enums import Kind
from desk.ui.sla.queue_cells import is_companion
from tests.factories import Team, make_ticket
from tests.ui.queue.conftest import OFFSCREEN_ONLY

pytestmark = pytest.mark.qt_log_ignore(*OFFSCREEN_ONLY)

MY_OPEN, UNASSIGNED, ALL = 0, 1, 5


def header_text(pane, key: str) -> str:
    """A column's title as the header shows it."""
    return pane.model.headerData(pane.model.column_index(key), Qt.Orientation.Horizontal)


def shown(pane, key: str) -> bool:
    col = pane.model.column_index(key)
    header = pane.table.horizontalHeader()
    return not pane.table.isColumnHidden(col) and header.sectionSize(col) > 20


def open_header_menu(qtbot, pane) -> QMenu:
    """Right-click on the first visible column header."""
    header = pane.table.horizontalHeader()
    visible = [i for i in range(header.count()) if not header.isSectionHidden(i)]
    pos = QPoint(header.sectionViewportPosition(visible[0]) + 5, header.height() // 2)
    before = {m for m in pane.findChildren(QMenu) if m.isVisible()}
    QApplication.sendEvent(header.viewport(), QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, pos, header.viewport().mapToGlobal(pos)))
    qtbot.waitUntil(lambda: len({m for m in pane.findChildren(QMenu) if m.isVisible()}
                                - before) == 1, timeout=10_000)
    (menu,) = {m for m in pane.findChildren(QMenu) if m.isVisible()} - before
    return menu


def menu_entries(menu: QMenu) -> list[tuple[str, bool]]:
    return [(a.text(), a.isChecked()) for a in menu.actions() if a.isCheckable()]


def click_entry(qtbot, menu: QMenu, text: str) -> None:
    (action,) = [a for a in menu.actions() if a.text() == text]
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    assert not menu.isVisible()  # the menu closes after the click


def toggle_column(qtbot, pane, key: str) -> None:
    click_entry(qtbot, open_header_menu(qtbot, pane), header_text(pane, key))


def switch(qtbot, pane, index: int, key: str) -> None:
    pane.switch_view(index)
    qtbot.waitUntil(lambda: pane.current_view().key == key and not pane.model.loading,
                    timeout=10_000)


# ---------------------------------------------------------------- the menu


def test_header_menu_lists_the_columns_with_their_visibility(
        qtbot, make_pane: Callable, db: Database, team: Team) -> None:
    make_ticket(db, team, title="a")
    pane = make_pane(ALL)
    menu = open_header_menu(qtbot, pane)
    header = pane.table.horizontalHeader()
    expected = [(header_text(pane, c.key), not header.isSectionHidden(i))
                for i, c in enumerate(pane.model.columns()) if not is_companion(c)]
    assert menu_entries(menu) == expected
    entries = dict(menu_entries(menu))
    assert entries[header_text(pane, "requester")] is True  # shown by default
    assert entries[header_text(pane, "kind")] is False  # hidden by default
    # Columns that only feed other cells (SLA clock facts) are not offered.
    companions = [c for c in pane.model.columns() if is_companion(c)]
    assert len(menu_entries(menu)) == len(pane.model.columns()) - len(companions)
    menu.close()


def test_header_menu_hides_and_shows_a_column(qtbot, make_pane: Callable, db: Database,
                                              team: Team) -> None:
    make_ticket(db, team, title="a")
    pane = make_pane(ALL)
    requester = header_text(pane, "requester")
    assert shown(pane, "requester")

    toggle_column(qtbot, pane, "requester")
    assert not shown(pane, "requester")
    assert shown(pane, "title")  # only that one
    menu = open_header_menu(qtbot, pane)
    assert dict(menu_entries(menu))[requester] is False

    click_entry(qtbot, menu, requester)
    assert shown(pane, "requester")
    menu = open_header_menu(qtbot, pane)
    assert dict(menu_entries(menu))[requester] is True
    menu.close()


def test_header_menu_shows_a_column_hidden_by_default(qtbot, make_pane: Callable,
                                                      db: Database, team: Team) -> None:
    make_ticket(db, team, title="a")
    pane = make_pane(ALL)
    assert not shown(pane, "kind")
    toggle_column(qtbot, pane, "kind")
    assert shown(pane, "kind")
    assert pane.model.index(0, pane.model.column_index("kind")).data() == Kind.INCIDENT.label


# ---------------------------------------------------------------- per view, across restarts


def customise(qtbot, pane) -> None:
    """All tickets: no Requester. My open work: no Group."""
    switch(qtbot, pane, ALL, "builtin:all")
    toggle_column(qtbot, pane, "requester")
    switch(qtbot, pane, MY_OPEN, "builtin:my_open")
    assert shown(pane, "requester")  # another view, its own layout
    toggle_column(qtbot, pane, "group")
    assert not shown(pane, "group")


def check_layouts(qtbot, pane) -> None:
    switch(qtbot, pane, MY_OPEN, "builtin:my_open")
    assert not shown(pane, "group"), "My open work lost its layout"
    assert shown(pane, "requester")
    menu = open_header_menu(qtbot, pane)
    assert dict(menu_entries(menu))[header_text(pane, "group")] is False
    menu.close()
    switch(qtbot, pane, ALL, "builtin:all")
    assert not shown(pane, "requester"), "All tickets lost its layout"
    assert shown(pane, "group")


def restart(qtbot, make_pane: Callable, ini: Path, end_on: tuple[int, str]):
    """Customise, end on one view, save; a new pane (as the next session) restores."""
    first = make_pane(ALL)
    customise(qtbot, first)
    switch(qtbot, first, *end_on)
    settings = QSettings(str(ini), QSettings.Format.IniFormat)
    first.save_state(settings)
    settings.sync()
    assert settings.status() == QSettings.Status.NoError
    first.close()

    again = make_pane()  # starts on My open work, like the app
    again.restore_state(QSettings(str(ini), QSettings.Format.IniFormat))
    qtbot.waitUntil(lambda: again.current_view() is not None
                    and again.current_view().key == end_on[1]
                    and not again.model.loading, timeout=10_000)
    return again


def test_column_choices_are_kept_per_view_in_the_session(qtbot, make_pane: Callable,
                                                         db: Database, team: Team) -> None:
    make_ticket(db, team, title="a", assignee_id=team.agent.id)
    pane = make_pane(ALL)
    customise(qtbot, pane)
    check_layouts(qtbot, pane)


def test_column_choices_survive_a_restart(qtbot, make_pane: Callable, db: Database,
                                          team: Team, tmp_path: Path) -> None:
    make_ticket(db, team, title="a", assignee_id=team.agent.id)
    again = restart(qtbot, make_pane, tmp_path / "ui.ini", (MY_OPEN, "builtin:my_open"))
    assert not shown(again, "group")  # the restored view, at once
    check_layouts(qtbot, again)


def test_column_choices_survive_a_restart_on_another_view(
        qtbot, make_pane: Callable, db: Database, team: Team, tmp_path: Path) -> None:
    make_ticket(db, team, title="a", assignee_id=team.agent.id)
    again = restart(qtbot, make_pane, tmp_path / "ui.ini", (ALL, "builtin:all"))
    assert not shown(again, "requester")  # the restored view is right ...
    check_layouts(qtbot, again)  # ... but My open work shows Group again


def test_a_view_opened_for_the_first_time_has_the_default_columns(
        qtbot, make_pane: Callable, db: Database, team: Team) -> None:
    make_ticket(db, team, title="a")
    pane = make_pane(ALL)
    toggle_column(qtbot, pane, "requester")
    assert not shown(pane, "requester")
    switch(qtbot, pane, UNASSIGNED, "builtin:unassigned")  # never shown before
    assert shown(pane, "requester"), "Unassigned took over All tickets' hidden column"
