"""SLA cells in the queue: text, colour and icon from the raw values, and the one timer that
keeps the visible ones counting down.

The queue model hands the raw remaining seconds of a target (``RAW_ROLE``) and the whole row
(``ROW_ROLE``), whose ``extra`` also holds the clock's facts (``desk.slaops.queue_cells``). A
cell is computed as of *now* at paint time — ``2h 15m``, ``paused — pending customer``,
``−1h 05m`` — amber with a warning icon past the warning threshold, red with a stop icon once
breached. ``SlaRepainter`` listens to the shared countdown tick and emits ``dataChanged`` for
the SLA columns of the rows on screen only: no per-row timers, no model reset, no query.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
)

from desk.queues.columns import QueueColumn, QueueRow
from desk.slaops.queue_cells import FACTS_KIND, OK, Cell, ClockFacts, facts_key
from desk.ui.i18n import format_remaining
from desk.ui.sla.common import level_color, level_icon, paused_text, ticker

ROW_ROLE = Qt.ItemDataRole.UserRole + 4  # desk.ui.queue.model.ROW_ROLE
RAW_ROLE = Qt.ItemDataRole.UserRole + 1  # desk.ui.queue.model.RAW_ROLE


def is_sla_column(column: QueueColumn) -> bool:
    """A remaining-time column with a facts companion (``desk.slaops.columns``)."""
    return column.kind == "duration" and column.key.startswith("sla_")


def is_companion(column: QueueColumn) -> bool:
    """A facts column: data for the cells, never shown or offered as a column."""
    return column.kind == FACTS_KIND


def cell_of(column_key: str, raw: Any, row: QueueRow | None,
            now: datetime | None = None) -> Cell | None:
    """The cell of ``row`` in the column ``column_key`` as of ``now``."""
    facts = ClockFacts.from_raw(row.extra.get(facts_key(column_key))) if row is not None \
        else None
    if facts is None:
        if raw is None:
            return None
        # No facts (a column registered without its companion): the value as queried.
        seconds = float(raw)
        return Cell(seconds, False, None, "breached" if seconds < 0 else OK)
    return facts.at(raw, now)


def cell_text(cell: Cell | None) -> str:
    if cell is None:
        return ""
    if cell.paused:
        return paused_text(cell.paused_reason)
    return format_remaining(cell.remaining)


class SlaCellDelegate(QStyledItemDelegate):
    """Paints an SLA cell: icon, then the text in the level's colour."""

    ICON = 16

    def cell(self, index: QModelIndex | QPersistentModelIndex) -> Cell | None:
        columns = getattr(index.model(), "columns", None)
        key = columns()[index.column()].key if columns is not None else ""
        return cell_of(key, index.data(RAW_ROLE), index.data(ROW_ROLE))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        cell = self.cell(index)
        text = cell_text(cell) if cell is not None else opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        if not text:
            return
        r = opt.rect
        left = r.left() + 4
        painter.save()
        if cell is not None:
            icon = level_icon(cell.level, cell.paused)
            if not icon.isNull():
                icon.paint(painter, QRect(left, r.center().y() - self.ICON // 2, self.ICON,
                                          self.ICON))
                left += self.ICON + 4
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        color = level_color(cell.level, opt.palette) if cell is not None else None
        if selected or color is None:
            role = (opt.palette.ColorRole.HighlightedText if selected
                    else opt.palette.ColorRole.Text)
            color = opt.palette.color(role)
        painter.setPen(color)
        font = opt.font
        if cell is not None and cell.level != OK:
            font.setBold(True)
        painter.setFont(font)
        text_rect = QRect(left, r.top(), r.right() - left - 2, r.height())
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                         painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight,
                                                          text_rect.width()))
        painter.restore()


class SlaRepainter(QObject):
    """On each countdown tick, ``dataChanged`` for the visible rows of the SLA columns."""

    repainted = Signal(int, int)  # first and last row told to repaint

    def __init__(self, view: QTableView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view = view
        ticker().tick.connect(self.repaint_visible)

    def sla_columns(self) -> list[int]:
        model = self.view.model()
        columns = getattr(model, "columns", lambda: ())()
        return [i for i, c in enumerate(columns)
                if is_sla_column(c) and not self.view.isColumnHidden(i)]

    def visible_rows(self) -> tuple[int, int] | None:
        model = self.view.model()
        rows = model.rowCount() if model is not None else 0
        if rows == 0 or not self.view.isVisible():
            return None
        top = self.view.rowAt(0)
        if top < 0:
            return None
        bottom = self.view.rowAt(self.view.viewport().height() - 1)
        return top, bottom if bottom >= 0 else rows - 1

    def repaint_visible(self) -> None:
        rows = self.visible_rows()
        columns = self.sla_columns()
        if rows is None or not columns:
            return
        model = self.view.model()
        top, bottom = rows
        for c in columns:
            model.dataChanged.emit(model.index(top, c), model.index(bottom, c),
                                   [Qt.ItemDataRole.DisplayRole])
        self.repainted.emit(top, bottom)
