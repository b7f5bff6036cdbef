"""Formatting and painting of queue cells.

The model hands raw values (``RAW_ROLE``); this module turns them into text (translated enum
labels, local time) and the delegate paints priority and status with a colour mark *and* their
text — colour alone would fail colour-blind agents and monochrome printouts.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desk.domain.enums import Channel, Kind, Status
from desk.domain.priority import priority_label

# Colour per priority (P1 … P5) and per status family; text always accompanies them.
PRIORITY_COLORS = {1: "#d32f2f", 2: "#f57c00", 3: "#fbc02d", 4: "#388e3c", 5: "#607d8b"}
_STATUS_NEW = "#1976d2"
_STATUS_WORKING = "#00897b"
_STATUS_PENDING = "#8e24aa"
_STATUS_DONE = "#757575"
STATUS_COLORS = {
    Status.NEW: _STATUS_NEW,
    Status.IN_PROGRESS: _STATUS_WORKING, Status.ASSESS: _STATUS_WORKING,
    Status.AUTHORIZE: _STATUS_WORKING, Status.SCHEDULED: _STATUS_WORKING,
    Status.IMPLEMENT: _STATUS_WORKING, Status.REVIEW: _STATUS_WORKING,
    Status.KNOWN_ERROR: _STATUS_WORKING,
    Status.PENDING_CUSTOMER: _STATUS_PENDING, Status.PENDING_VENDOR: _STATUS_PENDING,
    Status.PENDING_CHANGE: _STATUS_PENDING,
    Status.RESOLVED: _STATUS_DONE, Status.CLOSED: _STATUS_DONE,
    Status.CANCELLED: _STATUS_DONE, Status.REJECTED: _STATUS_DONE,
}
DATE_FORMAT = "%Y-%m-%d %H:%M"


_labels: dict[tuple[Any, str], str] = {}


def _label(enum: Any, value: str) -> str:
    key = (enum, value)
    text = _labels.get(key)
    if text is None:
        try:
            text = str(enum(value).label)
        except ValueError:
            text = value
        _labels[key] = text
    return text


def clear_label_cache() -> None:
    """After the UI language changed (labels are translated once, then cached)."""
    _labels.clear()


def format_value(kind: str, value: Any) -> str:
    """The text of a cell: enum labels (translated by the core's ``_``), local time."""
    if value is None:
        return ""
    if kind == "priority":
        try:
            return priority_label(int(value))
        except (KeyError, ValueError):
            return str(value)
    if kind == "status":
        return _label(Status, value)
    if kind == "kind":
        return _label(Kind, value)
    if kind == "channel":
        return _label(Channel, value)
    if kind == "datetime" and isinstance(value, datetime):
        return value.astimezone().strftime(DATE_FORMAT)  # the machine's local time zone
    if kind == "duration" and isinstance(value, int | float):
        return format_duration(value)
    return str(value)


def format_duration(seconds: float) -> str:
    """Signed business time for computed columns (e.g. SLA remaining): ``-1 h 05 min``."""
    sign = "-" if seconds < 0 else ""
    minutes = int(abs(seconds)) // 60
    hours, minutes = divmod(minutes, 60)
    if hours:
        return QCoreApplication.translate("desk", "{sign}{h} h {m:02d} min").format(
            sign=sign, h=hours, m=minutes)
    return QCoreApplication.translate("desk", "{sign}{m} min").format(sign=sign, m=minutes)


def mark_color(kind: str, value: Any) -> QColor | None:
    if value is None:
        return None
    if kind == "priority":
        name = PRIORITY_COLORS.get(int(value))
    elif kind == "status":
        try:
            name = STATUS_COLORS.get(Status(value))
        except ValueError:
            name = None
    else:
        name = None
    return QColor(name) if name else None


class QueueDelegate(QStyledItemDelegate):
    """Paints a coloured mark before the text of priority and status cells."""

    MARK = 10
    KINDS = frozenset({"priority", "status"})

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        from desk.ui.queue.model import KIND_ROLE, MAJOR_ROLE, RAW_ROLE

        kind = index.data(KIND_ROLE)
        color = mark_color(kind, index.data(RAW_ROLE))
        if color is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        r = opt.rect
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        mark = QRect(r.left() + 4, r.center().y() - self.MARK // 2, self.MARK, self.MARK)
        if kind == "priority":
            painter.drawRoundedRect(mark, 2, 2)
        else:
            painter.drawEllipse(mark)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = opt.palette.ColorRole.HighlightedText if selected else opt.palette.ColorRole.Text
        painter.setPen(opt.palette.color(role))
        font = opt.font
        if kind == "priority" and index.data(MAJOR_ROLE):
            font.setBold(True)
        painter.setFont(font)
        text_rect = r.adjusted(self.MARK + 10, 0, -2, 0)
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                         opt.fontMetrics.elidedText(text, Qt.TextElideMode.ElideRight,
                                                    text_rect.width()))
        painter.restore()
