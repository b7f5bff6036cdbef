"""The queue table's column header: it paints from copies of the queue model's labels
(``HeaderLabels``), looks exactly as when it asked the model, follows label and column
changes, and clicking a column title still sorts the queue by it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QTableView

from desk.db.session import Database
from desk.services.people import CurrentUser
from desk.ui.queue.header import HeaderLabels
from desk.ui.queue.model import QueueModel
from desk.ui.queue.pane import setup_table, show_columns
from desk.ui.worker import DbRunner
from tests.factories import Team, make_ticket
from tests.queues.populate import bulk_tickets
from tests.ui.queue.conftest import OFFSCREEN_ONLY
from tests.ui.queue.test_model import ALL

pytestmark = pytest.mark.qt_log_ignore(*OFFSCREEN_ONLY)


@pytest.fixture
def filled(db: Database, team: Team) -> list:
    return bulk_tickets(db, 40, group_ids=(team.group.id,), assignee_ids=(team.agent.id, None))


def header_labels(table: QTableView) -> list[str]:
    header = table.horizontalHeader()
    return [header.model().headerData(i, Qt.Orientation.Horizontal)
            for i in range(header.count())]


def test_the_header_looks_as_when_it_asked_the_queue_model(
        qtbot, qrunner: DbRunner, me: CurrentUser, filled: list) -> None:
    model = QueueModel(qrunner, me)
    tables = []
    for copies in (False, True):
        table = QTableView()
        qtbot.addWidget(table)
        table.setModel(model)
        if copies:
            HeaderLabels.attach(table)
        setup_table(table)
        show_columns(table, model.columns())
        table.resize(1100, 700)
        table.show()
        tables.append(table)
    plain, copied = tables
    assert copied.horizontalHeader().model() is not model
    for _ in range(2):  # a view change resets the model: the header keeps its sections
        with qtbot.waitSignal(model.loaded, timeout=10_000):
            model.set_view(ALL)
        assert copied.horizontalHeader().count() == model.columnCount() > 10
        assert header_labels(copied) == [
            model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
        for table in tables:
            table.horizontalHeader().setSortIndicator(model.column_index("title"),
                                                      Qt.SortOrder.DescendingOrder)
        images = [t.horizontalHeader().grab().toImage() for t in tables]
        assert images[0] == images[1]
        # The rows below the header are the same too (the table still reads the model).
        assert plain.viewport().grab().toImage() == copied.viewport().grab().toImage()


def test_labels_follow_the_models_label_and_column_changes(qtbot) -> None:
    source = QStandardItemModel(0, 3)
    source.setHorizontalHeaderLabels(["Number", "Title", "Status"])
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(source)
    HeaderLabels.attach(table)
    assert header_labels(table) == ["Number", "Title", "Status"]
    source.setHeaderData(1, Qt.Orientation.Horizontal, "Summary")
    source.setHeaderData(2, Qt.Orientation.Horizontal, "Where it stands",
                         Qt.ItemDataRole.ToolTipRole)
    assert header_labels(table) == ["Number", "Summary", "Status"]
    assert table.horizontalHeader().model().headerData(
        2, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == "Where it stands"
    source.insertColumn(3)
    source.setHeaderData(3, Qt.Orientation.Horizontal, "Due")
    assert header_labels(table) == ["Number", "Summary", "Status", "Due"]
    source.removeColumn(0)
    assert header_labels(table) == ["Summary", "Status", "Due"]
    assert table.horizontalHeader().count() == 3


def test_clicking_a_column_title_sorts_by_it(qtbot, make_pane: Callable, db: Database,
                                            team: Team) -> None:
    for title in ("delta", "alpha", "charlie", "bravo"):
        make_ticket(db, team, title=title)
    pane = make_pane(5)  # All tickets (newest updated first)
    header = pane.table.horizontalHeader()
    col = pane.model.column_index("title")

    def titles() -> list[str]:
        return [pane.model.row_at(r).title for r in range(pane.model.rowCount())
                if pane.model.row_at(r) is not None]

    for expected, order in ((["alpha", "bravo", "charlie", "delta"], Qt.SortOrder.AscendingOrder),
                            (["delta", "charlie", "bravo", "alpha"], Qt.SortOrder.DescendingOrder)):
        pos = QPoint(header.sectionViewportPosition(col) + 10, header.height() // 2)
        with qtbot.waitSignal(pane.model.loaded, timeout=10_000):
            qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        assert titles() == expected
        assert header.sortIndicatorSection() == col
        assert header.sortIndicatorOrder() == order
