"""Formatting of queue cells.

The model hands raw values (``RAW_ROLE``); this module turns them into text (translated enum
labels, local time) and gives priority and status cells a colour mark (``mark_icon``, the
cell's decoration) beside their text — colour alone would fail colour-blind agents and
monochrome printouts.

``CellDelegate`` paints every queue cell but the SLA ones with Qt's own (C++) item painting; it
only fills in the cell's text, mark and font itself, from what the model worked out for that
cell (``QueueModel.paint_cell``): one Python call per painted cell, where Qt's delegate would
ask the model through ``multiData`` with seven role items to wrap and answer one by one. Its
table is a ``CellTable``, which marks every cell as having text once per paint.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QGuiApplication, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTableView

from desk.domain.enums import Channel, Kind, Status
from desk.domain.priority import priority_label
from desk.ui.i18n import format_remaining, local_time

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
        return local_time(value)
    if kind == "duration" and isinstance(value, int | float):
        return format_remaining(value)
    return str(value)


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


_marks: dict[tuple[str, Any], QIcon | None] = {}  # (kind, value): the mark, if any
_NONE: Any = object()
_bold: list[QFont] = []
MARK = 10  # px: the coloured square (priority) or dot (status) before the text


def mark_icon(kind: str, value: Any) -> QIcon | None:
    """The coloured mark of a priority (rounded square) or status (dot) cell, served as the
    cell's ``DecorationRole``: Qt's own delegate paints it before the text, so the queue
    needs no Python painting (call on the GUI thread: it draws a pixmap once per value)."""
    key = (kind, value)
    icon = _marks.get(key, _NONE)
    if icon is _NONE:
        color = mark_color(kind, value)
        if color is None:
            _marks[key] = None
            return None
        ratio = max(1.0, QGuiApplication.instance().devicePixelRatio())  # type: ignore[union-attr]
        side = MARK + 2
        pixmap = QPixmap(round(side * ratio), round(side * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        if kind == "priority":
            painter.drawRoundedRect(QRectF(1, 1, MARK, MARK), 2, 2)
        else:
            painter.drawEllipse(QRectF(1, 1, MARK, MARK))
        painter.end()
        icon = _marks[key] = QIcon(pixmap)
    return icon


def bold_font() -> QFont:
    """The application font in bold (a major incident's priority)."""
    if not _bold:
        font = QFont(QGuiApplication.font())
        font.setBold(True)
        _bold.append(font)
    return _bold[0]


_HAS_DISPLAY = QStyleOptionViewItem.ViewItemFeature.HasDisplay
_HAS_DECORATION = QStyleOptionViewItem.ViewItemFeature.HasDecoration
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_FONT = int(Qt.ItemDataRole.FontRole)


class CellTable(QTableView):
    """A table whose every cell shows text (the queue table): the view's style option already
    says so (``HasDisplay``), once per paint, so ``CellDelegate`` need not add the flag for
    each cell — reading and writing an option's flags from Python costs more than the rest
    of filling it in."""

    def initViewItemOption(self, option: QStyleOptionViewItem) -> None:
        super().initViewItemOption(option)
        option.features |= _HAS_DISPLAY


class CellDelegate(QStyledItemDelegate):
    """The queue table's delegate (see the module docstring), for a ``CellTable``.
    ``cells(row, column)`` gives a cell's {DisplayRole: text, DecorationRole: icon or None,
    FontRole: font or None}; the rest of the style option is what Qt's delegate would set
    for a cell without other roles (the queue model answers none: alignment, colours and
    check state stay Qt's)."""

    def __init__(self, cells: Any, parent: CellTable) -> None:
        if not isinstance(parent, CellTable):
            raise TypeError("CellDelegate paints the cells of a CellTable")
        super().__init__(parent)
        self._cells = cells
        self._metrics: dict[str, QFontMetrics] = {}
        # Per mark (the few colour marks are shared icons): its size as painted.
        self._icon_sizes: dict[int, tuple[QIcon, QSize, QSize]] = {}
        # The view's flags for a cell (alternate row or not) → the same with a decoration.
        self._with_icon: dict[Any, Any] = {}

    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: QModelIndex | QPersistentModelIndex) -> None:
        cell = self._cells(index.row(), index.column())
        option.index = index
        text = cell[_DISPLAY]
        if text is not None:
            option.text = text  # (HasDisplay: set by the CellTable)
        icon = cell[_DECORATION]
        if icon is not None:
            option.icon = icon
            option.decorationSize = self._icon_size(icon, option.decorationSize)
            features = option.features
            with_icon = self._with_icon.get(features)
            if with_icon is None:
                with_icon = self._with_icon[features] = features | _HAS_DECORATION
            option.features = with_icon
        font = cell[_FONT]
        if font is not None:
            option.font = font
            key = font.key()
            metrics = self._metrics.get(key)
            if metrics is None:
                metrics = self._metrics[key] = QFontMetrics(font)
            option.fontMetrics = metrics

    def _icon_size(self, icon: QIcon, asked: QSize) -> QSize:
        known = self._icon_sizes.get(id(icon))
        if known is not None and known[0] is icon and known[1] == asked:
            return known[2]
        size = icon.actualSize(asked)
        self._icon_sizes[id(icon)] = (icon, QSize(asked), size)  # (the icon kept: id stays)
        return size
