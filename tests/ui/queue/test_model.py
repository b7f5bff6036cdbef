"""QueueModel: qtmodeltester from before the first row, paging, sorting, refresh in place."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from desk.db.session import Database
from desk.queues.service import fetch_rows
from desk.queues.spec import Filter, SortSpec, ViewSpec
from desk.services import tickets
from desk.services.people import CurrentUser
from desk.ui.queue.model import ID_ROLE, KIND_ROLE, PAGE, RAW_ROLE, QueueModel
from desk.ui.worker import DbRunner
from tests.factories import Team
from tests.queues.populate import bulk_tickets
from tests.ui.queue.conftest import idle

N = 2500
ALL = ViewSpec("all", "All", Filter(), SortSpec("updated", True))


@pytest.fixture
def filled(db: Database, team: Team) -> list:
    return bulk_tickets(db, N, group_ids=(team.group.id,),
                        assignee_ids=(team.agent.id, None))


def make_view(qtbot, model: QueueModel, cls: type[QTableView] = QTableView) -> QTableView:
    view = cls()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(1100, 700)
    view.show()
    return view


def test_modeltester_through_load_count_paging_sort_refresh(
        qtbot, qtmodeltester, qrunner: DbRunner, me: CurrentUser, db: Database,
        team: Team, filled: list) -> None:
    model = QueueModel(qrunner, me)
    qtmodeltester.check(model)  # attached to the empty model: watches every change below
    view = make_view(qtbot, model)
    with qtbot.waitSignal(model.countKnown, timeout=10_000):
        model.set_view(ALL)
    assert model.rowCount() == N
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.row_at(N - 1) is not None, timeout=10_000)
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.sort(model.column_index("title"), Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: model.count_known, timeout=10_000)
    tickets.add_worklog(db, team.agent.id, filled[0], "internal", "a note")
    with qtbot.waitSignal(model.refreshed, timeout=10_000):
        model.refresh()
    qtmodeltester.check(model)


def test_pages_load_around_what_is_painted(qtbot, qrunner: DbRunner, me: CurrentUser,
                                           db: Database, filled: list) -> None:
    model = QueueModel(qrunner, me)
    view = make_view(qtbot, model)
    # The first page is shown before the count is known: record what the view had at the
    # moment the first page arrived (the count may follow in the same event-loop pass).
    at_first_page: list[tuple[int, int, bool]] = []
    model.loaded.connect(lambda *_: at_first_page.append(
        (model.rowCount(), model.cached_rows(), model.count_known)))
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.set_view(ALL)
    assert at_first_page[0] == (PAGE, PAGE, False)
    qtbot.waitUntil(lambda: model.rowCount() == N, timeout=10_000)
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.row_at(N - 1) is not None, timeout=10_000)
    idle(qtbot, qrunner)
    expected = fetch_rows(db, ALL, me, None, N - 5, 5)
    assert [model.row_at(r) for r in range(N - 5, N)] == expected
    # Only pages that were painted were read: the middle of the view never was.
    assert model.cached_rows() <= 3 * PAGE
    assert model.row_at(N // 2) is None
    last = model.index(N - 1, model.column_index("number"))
    assert last.data() == expected[-1].number
    assert last.data(ID_ROLE) == expected[-1].id


def test_scrolling_page_by_page_reads_on_from_the_previous_page(
        qtbot, qrunner: DbRunner, me: CurrentUser, db: Database, filled: list) -> None:
    model = QueueModel(qrunner, me)
    view = make_view(qtbot, model)
    sort = SortSpec("assignee", False)  # NULL assignees among the rows: the cursor steps over
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.set_view(ALL)
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.sort(model.column_index("assignee"), Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: model.rowCount() == N, timeout=10_000)
    seen = []
    for row in range(0, N, PAGE):
        assert row // PAGE == 0 or model._cursor_for(row // PAGE) is not None
        view.scrollTo(model.index(row + PAGE - 1, 0))
        qtbot.waitUntil(lambda r=row: model.row_at(r + PAGE - 1) is not None, timeout=10_000)
        seen += [model.row_at(r) for r in range(row, row + PAGE)]
    assert seen == fetch_rows(db, ALL, me, sort, 0, N)


def test_sort_requeries(qtbot, qrunner: DbRunner, me: CurrentUser, filled: list) -> None:
    model = QueueModel(qrunner, me)
    make_view(qtbot, model)
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.set_view(ALL)
    col = model.column_index("title")
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.sort(col, Qt.SortOrder.DescendingOrder)
    titles = [model.index(r, col).data(RAW_ROLE) for r in range(PAGE)]
    assert titles == sorted(titles, reverse=True)
    assert titles[0].startswith("vpn")  # over all 2,500 rows, not within a page
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.sort(model.column_index("priority"), Qt.SortOrder.AscendingOrder)
    assert model.index(0, model.column_index("priority")).data(RAW_ROLE) == 1
    assert model.index(0, model.column_index("priority")).data() == "P1 Critical"
    assert model.index(0, model.column_index("priority")).data(KIND_ROLE) == "priority"


def test_refresh_inserts_and_updates_in_place(qtbot, qrunner: DbRunner, me: CurrentUser,
                                              db: Database, team: Team, filled: list) -> None:
    model = QueueModel(qrunner, me)
    make_view(qtbot, model)
    with qtbot.waitSignal(model.countKnown, timeout=10_000):
        model.set_view(ALL)
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    new, _ = tickets.create_ticket(db, team.agent.id, tickets.NewTicket(
        kind="incident", title="Fresh one", group_id=team.group.id))
    with qtbot.waitSignal(model.refreshed, timeout=10_000):
        model.refresh()
    assert model.rowCount() == N + 1
    assert model.row_at(0).id == new.id  # newest first
    assert resets == []  # never a reset: selections and scroll survive


def test_a_row_read_again_shows_its_new_values_and_an_unchanged_one_is_not_redone(
        qtbot, qrunner: DbRunner, me: CurrentUser, db: Database, filled: list) -> None:
    from sqlalchemy import update

    from desk.models import Ticket

    model = QueueModel(qrunner, me)
    make_view(qtbot, model)
    with qtbot.waitSignal(model.countKnown, timeout=10_000):
        model.set_view(ALL)
    title, priority = model.column_index("title"), model.column_index("priority")
    model_first, second = model.row_at(0).id, model.row_at(1)
    before = [model.paint_cell(r, title) for r in (0, 1)]
    assert before[1][Qt.ItemDataRole.DisplayRole] == second.title
    with db.write() as s:  # (updated_at unchanged: the order stays)
        s.execute(update(Ticket).where(Ticket.id == second.id)
                  .values(title="Renamed by the other shift", major_incident=True))
    with qtbot.waitSignal(model.refreshed, timeout=10_000):
        model.refresh()
    first, changed = model.row_of(model_first), model.row_of(second.id)
    assert model.index(changed, title).data() == "Renamed by the other shift"
    assert model.paint_cell(changed, title)[Qt.ItemDataRole.DisplayRole] \
        == "Renamed by the other shift"
    assert model.index(changed, priority).data(Qt.ItemDataRole.FontRole).bold()  # now major
    assert model.paint_cell(first, title) is before[0]  # the same values: kept, not redone
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.set_view(ALL)  # shown again
    assert model.paint_cell(model.row_of(model_first), title) is before[0]
    assert model.index(model.row_of(second.id), title).data() == "Renamed by the other shift"


def test_unknown_view_error_is_reported(qtbot, qrunner: DbRunner, me: CurrentUser) -> None:
    model = QueueModel(qrunner, me)
    bad = ViewSpec("bad", "Bad", Filter(), SortSpec("no-such-column", False))
    with qtbot.waitSignal(model.failed, timeout=10_000) as blocker:
        model.set_view(bad)
    assert "no-such-column" in blocker.args[0]


def test_priority_and_status_cells_paint_a_coloured_mark_beside_their_text(
        qtbot, qrunner: DbRunner, me: CurrentUser, db: Database, filled: list) -> None:
    """Colour *and* text, painted by Qt's own delegate from the model's decoration; the one
    ``multiData`` call a delegate makes per cell answers what seven ``data()`` calls would."""
    from PySide6.QtCore import QModelRoleData, QModelRoleDataSpan
    from PySide6.QtGui import QColor

    from desk.domain.enums import Status
    from desk.ui.queue.delegates import PRIORITY_COLORS, STATUS_COLORS

    model = QueueModel(qrunner, me)
    view = make_view(qtbot, model)
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.set_view(ALL)
    image = view.viewport().grab().toImage()
    for key, colors in (("priority", PRIORITY_COLORS), ("status", STATUS_COLORS)):
        c = model.column_index(key)
        for r in range(3):
            index = model.index(r, c)
            raw = index.data(RAW_ROLE)
            want = QColor(colors[raw] if key == "priority" else colors[Status(raw)])
            # Text and mark.
            assert index.data(Qt.ItemDataRole.DisplayRole) not in ("", None, "…")
            assert not index.data(Qt.ItemDataRole.DecorationRole).isNull()
            rect = view.visualRect(index)
            found = {image.pixelColor(x, rect.center().y()).name()
                     for x in range(rect.left(), rect.left() + 30)}
            assert want.name() in found, (key, r)
            # multiData: the same answers as data(), role by role.
            roles = [Qt.ItemDataRole.FontRole, Qt.ItemDataRole.DecorationRole,
                     Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.BackgroundRole, RAW_ROLE]
            answers = []
            for role in roles:
                item = QModelRoleData(role)
                item.setData("stale value of another cell")
                model.multiData(index, QModelRoleDataSpan(item))
                answers.append(item.data())
                assert (item.data() is None) == (index.data(role) is None), role
            assert answers[2] == index.data(Qt.ItemDataRole.DisplayRole)
            assert answers[4] == raw
    # Other cells have text and no mark.
    title = model.index(0, model.column_index("title"))
    item = QModelRoleData(Qt.ItemDataRole.DecorationRole)
    item.setData("stale value of another cell")
    model.multiData(title, QModelRoleDataSpan(item))
    assert item.data() is None
    rect = view.visualRect(title)
    marks = {c.lower() for c in (*PRIORITY_COLORS.values(), *STATUS_COLORS.values())}
    assert not marks & {image.pixelColor(x, rect.center().y()).name()
                        for x in range(rect.left(), rect.left() + 30)}


def test_the_queue_tables_delegate_paints_what_qts_own_delegate_paints(
        qtbot, qrunner: DbRunner, me: CurrentUser, db: Database, filled: list) -> None:
    """``CellDelegate`` fills the style option from the model's per-cell answers itself (one
    Python call per cell); the pixels are those Qt's delegate paints from ``multiData``: text,
    colour marks, a major incident's bold priority, alternate rows, a selected row."""
    from sqlalchemy import update

    from desk.models import Ticket
    from desk.ui.queue.delegates import CellDelegate, CellTable
    from desk.ui.queue.pane import setup_table

    second = fetch_rows(db, ALL, me, None, 0, 5)[1]
    with db.write() as s:  # (updated_at unchanged: it stays the second row)
        s.execute(update(Ticket).where(Ticket.id == second.id)
                  .values(major_incident=True, priority=1))
    model = QueueModel(qrunner, me)
    views = []
    for own in (False, True):
        # Qt's delegate in a plain table; ours in the queue's, which flags every cell as
        # having text once per paint.
        view = make_view(qtbot, model, CellTable if own else QTableView)
        setup_table(view)
        if own:
            view.setItemDelegate(CellDelegate(model.paint_cell, view))
        views.append(view)
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.set_view(ALL)
    row = next(r for r in range(10) if model.index(r, 0).data(ID_ROLE) == second.id)
    priority = model.index(row, model.column_index("priority"))
    assert priority.data(Qt.ItemDataRole.FontRole).bold()
    images = []
    for view in views:
        view.selectRow(row + 2)
        images.append(view.viewport().grab().toImage())
    assert images[0].size() == images[1].size()
    assert images[0] == images[1]
    # Fitting a column to its contents (a double click on the header's divider) measures
    # the cells' texts and marks alike.
    for key in ("title", "priority", "status", "created"):
        col = model.column_index(key)
        fitted = [view.sizeHintForColumn(col) for view in views]
        assert fitted[0] == fitted[1] > 60, key
