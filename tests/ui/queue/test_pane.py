"""The queue pane as an agent uses it: views and counts, search box, bulk actions, Enter."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QItemSelectionModel, QSettings, Qt
from sqlalchemy import inspect, text

from desk.db.session import Database
from desk.queues import saved
from desk.queues.builtin import builtin_views
from desk.queues.service import count
from desk.services import people, tickets
from desk.services.people import CurrentUser
from desk.ui.queue.filter_dialog import FilterDialog
from desk.ui.worker import DbRunner
from tests.factories import Team, make_ticket
from tests.queues.populate import bulk_tickets
from tests.ui.queue.conftest import OFFSCREEN_ONLY, idle

pytestmark = pytest.mark.qt_log_ignore(*OFFSCREEN_ONLY)

MY_OPEN, UNASSIGNED, GROUP_OPEN, RECENT, MAJOR, ALL = range(6)


def select_rows(pane, rows: list[int]) -> None:
    sel = pane.table.selectionModel()
    sel.clearSelection()
    for r in rows:
        sel.select(pane.model.index(r, 0), QItemSelectionModel.SelectionFlag.Select
                   | QItemSelectionModel.SelectionFlag.Rows)


def test_views_show_counts_and_switch(qtbot, make_pane: Callable, db: Database, team: Team,
                                      me: CurrentUser) -> None:
    make_ticket(db, team, title="mine", assignee_id=team.agent.id)
    make_ticket(db, team, title="nobody's")
    pane = make_pane(MY_OPEN)
    qtbot.waitUntil(lambda: pane.view_count("builtin:all") == 2, timeout=10_000)
    assert pane.views.item(0).text().endswith("(1)")
    assert [pane.model.row_at(0).title] == ["mine"]
    assert pane.status.text() == "1 ticket"
    pane.switch_view(UNASSIGNED)
    qtbot.waitUntil(lambda: pane.model.row_at(0) is not None
                    and pane.model.row_at(0).title == "nobody's", timeout=10_000)
    assert pane.current_view().key == "builtin:unassigned"
    assert not pane.empty_label.isVisible()


def test_an_empty_view_says_so(qtbot, make_pane: Callable, db: Database, team: Team) -> None:
    make_ticket(db, team, title="nobody's")
    pane = make_pane(MY_OPEN)  # nothing is assigned to me
    qtbot.waitUntil(lambda: pane.status.text() == "0 tickets", timeout=10_000)
    assert pane.empty_label.isVisible()
    assert pane.empty_label.text() == "No tickets in this view"
    pane.switch_view(UNASSIGNED)
    qtbot.waitUntil(lambda: pane.model.rowCount() == 1, timeout=10_000)
    assert not pane.empty_label.isVisible()


def test_counts_follow_the_change_broadcast(qtbot, make_pane: Callable, qrunner: DbRunner,
                                            db: Database, team: Team) -> None:
    make_ticket(db, team, title="first", assignee_id=team.agent.id)
    pane = make_pane(ALL)
    qtbot.waitUntil(lambda: pane.view_count("builtin:my_open") == 1, timeout=10_000)
    with qtbot.waitSignal(pane.countsUpdated, timeout=10_000):
        qrunner.write(tickets.create_ticket, team.agent.id, tickets.NewTicket(
            kind="incident", title="second", group_id=team.group.id,
            assignee_id=team.agent.id))
    qtbot.waitUntil(lambda: pane.view_count("builtin:my_open") == 2, timeout=10_000)
    qtbot.waitUntil(lambda: pane.model.rowCount() == 2, timeout=10_000)
    assert pane.views.item(0).text().endswith("(2)")


def test_refresh_keeps_selection_and_top_row(qtbot, make_pane: Callable, qrunner: DbRunner,
                                             db: Database, team: Team) -> None:
    ids = bulk_tickets(db, 600, group_ids=(team.group.id,))
    pane = make_pane(ALL)  # newest update first
    pane.table.scrollTo(pane.model.index(200, 0))
    qtbot.waitUntil(lambda: pane.model.row_at(pane.table.rowAt(0)) is not None, timeout=10_000)
    top = pane.table.rowAt(0)
    select_rows(pane, [top + 2, top + 3])
    chosen = pane.selected_ticket_ids()
    assert len(chosen) == 2
    # A ticket far below is updated: it jumps to row 0, every row above it moves down one.
    moved = ids[0]
    current = tickets.get_ticket(db, moved)
    with qtbot.waitSignal(pane.model.refreshed, timeout=10_000):
        qrunner.write(tickets.update_ticket, team.agent.id, moved, current.row_version,
                      {"title": "now on top"})
    idle(qtbot, qrunner)
    assert pane.model.row_at(0).id == moved
    assert pane.table.rowAt(0) == top  # the scroll position did not jump
    assert sorted(pane.selected_ticket_ids()) == sorted(chosen)
    rows = sorted(i.row() for i in pane.table.selectionModel().selectedRows())
    assert rows == [top + 3, top + 4]


def test_bulk_assign_reports_skipped_tickets(qtbot, make_pane: Callable, db: Database,
                                             team: Team, me: CurrentUser) -> None:
    other_group, _ = people.create_group(db, "Network")
    people.add_member(db, other_group.id, team.other.id)
    ok = make_ticket(db, team, title="in my group")
    foreign = tickets.create_ticket(db, team.other.id, tickets.NewTicket(
        kind="incident", title="in another group", group_id=other_group.id))[0]
    pane = make_pane(ALL)
    select_rows(pane, [0, 1])
    with qtbot.waitSignal(pane.bulkFinished, timeout=10_000) as blocker:
        pane.assign_me_action.trigger()
    result = blocker.args[0]
    assert result.updated == (ok.id,)
    assert [n for n, _ in result.skipped] == [foreign.number]
    assert pane.report_box is not None and pane.report_box.isVisible()
    assert foreign.number in pane.report_box.detailedText()
    assert "member" in pane.report_box.detailedText()
    assert tickets.get_ticket(db, ok.id).assignee_id == me.id
    assert tickets.get_ticket(db, foreign.id).assignee_id is None
    pane.report_box.close()


def test_bulk_note_and_priority(qtbot, make_pane: Callable, db: Database, team: Team) -> None:
    a = make_ticket(db, team, title="a")
    b = make_ticket(db, team, title="b")
    pane = make_pane(ALL)
    select_rows(pane, [0, 1])
    with qtbot.waitSignal(pane.bulkFinished, timeout=10_000):
        pane.bulk_update({"impact": 1, "urgency": 1}, note="Escalated by the desk")
    for t in (a, b):
        assert tickets.get_ticket(db, t.id).priority == 1
        assert [w.body for w in tickets.list_worklog(db, t.id)] == ["Escalated by the desk"]


def test_enter_and_double_click_open_the_ticket(qtbot, make_pane: Callable, db: Database,
                                                team: Team) -> None:
    t = make_ticket(db, team, title="open me")
    pane = make_pane(ALL)
    pane.table.setFocus()
    title = pane.model.column_index("title")
    pane.table.setCurrentIndex(pane.model.index(0, title))
    with qtbot.waitSignal(pane.openTicketRequested, timeout=5_000) as blocker:
        qtbot.keyClick(pane.table, Qt.Key.Key_Return)
    assert blocker.args == [t.id]
    rect = pane.table.visualRect(pane.model.index(0, title))
    pane.table.clearSelection()
    # A real double click starts with a click on the same cell (the view checks that).
    qtbot.mouseClick(pane.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(pane.openTicketRequested, timeout=5_000) as blocker:
        qtbot.mouseDClick(pane.table.viewport(), Qt.MouseButton.LeftButton,
                          pos=rect.center())
    assert blocker.args == [t.id]


def test_ticket_number_in_the_search_box_opens_it(qtbot, make_pane: Callable, db: Database,
                                                  team: Team) -> None:
    t = make_ticket(db, team, title="by number")
    pane = make_pane(ALL)
    pane.focus_search()
    assert pane.search_box.hasFocus()
    with qtbot.waitSignal(pane.openTicketRequested, timeout=5_000) as blocker:
        qtbot.keyClicks(pane.search_box, t.number.lower().replace("000", ""))
        qtbot.keyClick(pane.search_box, Qt.Key.Key_Return)
    assert blocker.args == [t.id]


def test_full_text_search_shows_results_view(qtbot, make_pane: Callable, db: Database,
                                             team: Team) -> None:
    printer = make_ticket(db, team, title="Printer on floor 3")
    tickets.add_worklog(db, team.agent.id, printer.id, "internal", "Swapped the fuser")
    make_ticket(db, team, title="网络打印机无法连接")
    make_ticket(db, team, title="VPN drops")
    pane = make_pane(ALL)
    pane.search("fuser")
    qtbot.waitUntil(lambda: pane.current_view().is_search and pane.model.count_known
                    and not pane.model.loading, timeout=10_000)
    assert [pane.model.row_at(r).title for r in range(pane.model.rowCount())] == [
        "Printer on floor 3"]
    pane.search("打印机")
    qtbot.waitUntil(lambda: pane.current_view().filter.text == "打印机"
                    and not pane.model.loading and pane.model.rowCount() == 1, timeout=10_000)
    assert pane.model.row_at(0).title == "网络打印机无法连接"
    assert sum(1 for s in pane.view_specs() if s.is_search) == 1  # replaced, not added
    pane.search("")
    qtbot.waitUntil(lambda: not pane.current_view().is_search, timeout=10_000)


def test_saved_views_from_the_filter_builder(qtbot, make_pane: Callable, db: Database,
                                             team: Team, me: CurrentUser) -> None:
    make_ticket(db, team, title="P1 outage", impact=1, urgency=1)
    make_ticket(db, team, title="minor")
    pane = make_pane(ALL)
    dialog = pane.edit_view(None)
    qtbot.waitSignal(dialog.choicesLoaded, timeout=10_000).wait() \
        if not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled() else None
    dialog.name_edit.setText("Critical")
    dialog.priorities.set_checked([1])
    dialog.open_only.setChecked(True)
    with qtbot.waitSignal(pane.viewsLoaded, timeout=10_000):
        dialog.accept()
    qtbot.waitUntil(lambda: pane.current_view().name == "Critical" and pane.model.count_known
                    and not pane.model.loading, timeout=10_000)
    assert [pane.model.row_at(r).title for r in range(pane.model.rowCount())] == ["P1 outage"]
    spec = pane.current_view()
    with qtbot.waitSignal(pane.viewsLoaded, timeout=10_000):
        pane.duplicate_view(spec)
    with qtbot.waitSignal(pane.viewsLoaded, timeout=10_000):
        pane.rename_view(spec, "Renamed")
    names = [s.name for s in pane.view_specs() if s.saved_id]
    assert names == ["Renamed", "Critical (2)"]
    with qtbot.waitSignal(pane.viewsLoaded, timeout=10_000):
        pane.move_view(spec, 1)
    assert [s.name for s in pane.view_specs() if s.saved_id] == ["Critical (2)", "Renamed"]
    with qtbot.waitSignal(pane.viewsLoaded, timeout=10_000):
        pane.delete_view(spec)
    assert [s.name for s in saved.list_views(db, me.id)] == ["Critical (2)"]
    # Ctrl+1…9 order: built-in views (with those features registered), then saved ones.
    pane.switch_view(len(builtin_views()))
    qtbot.waitUntil(lambda: pane.current_view().name == "Critical (2)", timeout=10_000)


def test_state_is_saved_per_view(qtbot, make_pane: Callable, tmp_path) -> None:
    pane = make_pane(ALL)
    header = pane.table.horizontalHeader()
    col = pane.model.column_index("requester")
    header.setSectionHidden(col, True)
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    pane.save_state(settings)
    settings.sync()
    again = make_pane()
    again.restore_state(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.waitUntil(lambda: again.current_view() is not None
                    and again.current_view().key == "builtin:all", timeout=10_000)
    assert again.table.horizontalHeader().isSectionHidden(col)
    # Another view keeps its own (default) layout.
    again.switch_view(MY_OPEN)
    assert not again.table.horizontalHeader().isSectionHidden(col)


def test_actions_for_the_frame(make_pane: Callable) -> None:
    pane = make_pane(ALL)
    shortcuts = {a.text(): a.shortcut().toString() for a in pane.actions()}
    assert shortcuts["Assign to me"] == "Ctrl+Shift+M"
    assert shortcuts["Refresh"] == "F5"
    assert not pane.assign_me_action.isEnabled()  # nothing selected


# ---------------------------------------------------------------- hostile input


def schema_of(db: Database) -> list:
    with db.engine.connect() as conn:
        if db.dialect == "sqlite":
            return list(conn.execute(text("SELECT type, name, sql FROM sqlite_master")))
        insp = inspect(conn)
        return [(t, sorted(i["name"] for i in insp.get_indexes(t)))
                for t in sorted(insp.get_table_names())]


nasty = st.one_of(st.text(max_size=300), st.sampled_from(
    ["'; DROP TABLE tickets; --", '"', '""', "50%", "_", "\\", "\x00", "😀", "中文",
     "x" * 10_240, "NEAR(a b)", "a OR b", "*"]))


@pytest.fixture
def hostile_pane(make_pane: Callable, db: Database, team: Team):
    make_ticket(db, team, title="Printer 50% 中文")
    return make_pane(ALL)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(query=nasty, name=nasty)
def test_search_box_and_filter_builder_take_any_text(
        qtbot, hostile_pane, qrunner: DbRunner, db: Database, me: CurrentUser,
        query: str, name: str) -> None:
    pane = hostile_pane
    before = schema_of(db)
    errors: list[str] = []
    pane.model.failed.connect(errors.append)
    pane.search(query)
    idle(qtbot, qrunner)
    dialog = FilterDialog(qrunner, None, pane)
    idle(qtbot, qrunner)
    dialog.name_edit.setText(name)
    dialog.text_edit.setText(query)
    flt = dialog.filter()
    if dialog.name():
        spec, _ = saved.create_view(db, me.id, dialog.name()[:120], flt, dialog.sort())
        count(db, spec, me)
    dialog.deleteLater()
    pane.model.failed.disconnect(errors.append)
    assert errors == []
    assert "Database error" not in pane.status.text()
    assert schema_of(db) == before

