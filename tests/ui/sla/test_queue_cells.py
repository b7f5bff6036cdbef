"""SLA cells in the queue: paused / breached text, warning and breach colours, and the
shared countdown tick that repaints visible cells without resetting the model."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desk.timeutil import utcnow
from desk.ui.queue.pane import QueuePane
from desk.ui.sla.common import ticker, warning_color
from desk.ui.ticket.common import error_color
from tests.clock import freeze_queue_clock

from .conftest import H, M

OFFSCREEN_ONLY = ("This plugin does not support raise",
                  "This plugin does not support grabbing",
                  "This plugin does not support propagateSizeHints")
pytestmark = pytest.mark.qt_log_ignore(*OFFSCREEN_ONLY)
ALL = 5


def painted(pane: QueuePane, row: int, column: int) -> set[str]:
    """The colours the view painted in one cell."""
    index = pane.model.index(row, column)
    pane.table.scrollTo(index)
    rect = pane.table.visualRect(index)
    assert rect.width() > 0
    image = pane.table.viewport().grab(rect).toImage()
    return {image.pixelColor(x, y).name() for x in range(image.width())
            for y in range(image.height())}


@pytest.fixture
def pane(qtbot, sla, sla_runner, keep, monkeypatch) -> QueuePane:
    now = freeze_queue_clock(monkeypatch, utcnow())
    sla.create(now - 10 * M, impact=1, urgency=1, title="fresh")  # P1 24×7: 4 h to resolve
    sla.create(now - 3 * H - 30 * M, impact=1, urgency=1, title="warned")  # past 75 %
    sla.create(now - 5 * H, impact=1, urgency=1, title="late")
    waiting = sla.create(now - 2 * H, impact=1, urgency=1, title="waiting")
    sla.move(waiting.id, now - H, status="pending_customer")
    resolved = sla.create(now - 2 * H, impact=1, urgency=1, title="done")
    sla.move(resolved.id, now - H, status="in_progress")
    sla.move(resolved.id, now - 30 * M, status="resolved", resolution_code="solved",
             resolution_notes="Replaced the cable")
    p = keep(QueuePane(sla_runner, sla.user()))
    p.resize(1400, 500)
    p.show()
    qtbot.waitUntil(lambda: p.views.count() >= 6 and sla_runner.pending == 0, timeout=10_000)
    p.switch_view(ALL)
    qtbot.waitUntil(lambda: not p.model.loading and p.model.count_known
                    and p.model.rowCount() == 5 and sla_runner.pending == 0, timeout=10_000)
    qtbot.waitUntil(lambda: all(p.model.row_at(r) is not None for r in range(5)))
    return p


def by_title(pane: QueuePane, column: int) -> dict[str, tuple[int, str]]:
    return {pane.model.row_at(r).title: (r, pane.model.index(r, column).data())
            for r in range(pane.model.rowCount())}


def test_sla_cells_show_paused_and_breached_text_and_colours(qtbot, pane):
    col = pane.model.column_index("sla_resolution")
    assert not pane.table.isColumnHidden(col)
    assert pane.model.headerData(col, Qt.Orientation.Horizontal) == "Resolution due in"
    cells = by_title(pane, col)
    assert cells["waiting"][1] == "paused — pending customer"
    assert cells["late"][1] == "−1h 00m"
    assert cells["warned"][1] == "30m"
    assert cells["fresh"][1] == "3h 50m"
    assert cells["done"][1] == ""

    pal = pane.table.palette()
    red, amber = error_color(pal).name(), warning_color(pal).name()
    pane.table.clearSelection()
    assert red in painted(pane, cells["late"][0], col)
    assert amber in painted(pane, cells["warned"][0], col)
    fresh = painted(pane, cells["fresh"][0], col)
    assert red not in fresh and amber not in fresh
    delegate = pane.table.itemDelegateForColumn(col)
    level = {t: delegate.cell(pane.model.index(r, col)) for t, (r, _x) in cells.items()}
    assert level["waiting"].paused and level["waiting"].level == "ok"
    assert level["late"].level == "breached" and level["warned"].level == "warning"

    # The clock facts travel in hidden companion columns nobody can show.
    facts = pane.model.column_index("sla_resolution_facts")
    assert facts >= 0 and pane.table.isColumnHidden(facts)


def test_sorting_by_remaining_time_happens_in_sql(qtbot, pane, sla_runner):
    col = pane.model.column_index("sla_resolution")
    with qtbot.waitSignal(pane.model.loaded, timeout=10_000):
        pane.table.horizontalHeader().sectionClicked.emit(col)
    qtbot.waitUntil(lambda: sla_runner.pending == 0
                    and all(pane.model.row_at(r) is not None for r in range(5)))
    titles = [pane.model.row_at(r).title for r in range(5)]
    order = sorted(titles, key=lambda t: ["late", "warned", "waiting", "fresh", "done"].index(t))
    assert titles == order or titles == order[::-1]


def test_countdown_tick_repaints_visible_sla_cells_without_a_reset(qtbot, pane, sla_runner):
    resets: list[bool] = []
    changed: list[tuple[int, int, int, int]] = []
    pane.model.modelReset.connect(lambda: resets.append(True))
    pane.model.dataChanged.connect(lambda a, b, roles=(): changed.append(
        (a.row(), b.row(), a.column(), b.column())))
    with qtbot.waitSignal(pane.sla_repainter.repainted, timeout=5_000):
        ticker().tick.emit()
    col = pane.model.column_index("sla_resolution")
    assert changed == [(0, 4, col, col)]  # visible rows, the shown SLA column only
    assert resets == []
    assert sla_runner.pending == 0  # no query either
