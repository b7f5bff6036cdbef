"""``HeaderLabels``: the queue table's column header reads its labels from Qt's own item model.

A ``QHeaderView`` asks its model about six roles per section (text, alignment, font, colours,
icon …) whenever it paints, and again as it lays itself out after each model reset. Asked of
the queue model, that is about 130 Python calls every time a view is shown (the queue has 25
columns), more than its first rows cost to paint. The labels only change with the columns
or the language, so the header reads copies kept in a ``QStandardItemModel`` (C++), made from
the queue model's own ``headerData`` and renewed when it announces a change
(``headerDataChanged``, columns added or removed).

The table itself keeps the queue model: sorting (the pane's ``sectionClicked``), column moves,
widths and hidden columns live in the header view and are unaffected; accessibility reads
column names from the table's model, whose ``headerData`` still answers. The table must not
be given another model or selection model afterwards (the header would be handed them).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView

# What a header section shows; the queue model answers nothing else for its header.
_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)


class HeaderLabels(QStandardItemModel):
    """Copies of ``source``'s horizontal header, one item per column."""

    def __init__(self, source: QAbstractItemModel, parent: QObject | None = None) -> None:
        super().__init__(0, 0, parent)
        self._source = source
        source.headerDataChanged.connect(self._changed)
        for signal in (source.columnsInserted, source.columnsRemoved, source.columnsMoved):
            signal.connect(self._columns)
        for signal in (source.modelReset, source.layoutChanged):
            signal.connect(self._reset)
        self.copy()

    @classmethod
    def attach(cls, table: QTableView) -> HeaderLabels:
        """Let ``table``'s horizontal header paint from copies of its model's labels (call
        once the table has its model, before column widths or a saved state are set)."""
        header = table.horizontalHeader()
        labels = cls(table.model(), header)
        header.setModel(labels)
        return labels

    def copy(self, first: int = 0, last: int | None = None) -> None:
        """Copy the labels of columns ``first`` … ``last`` (all by default)."""
        n = self._source.columnCount()
        if self.columnCount() != n:
            self.setColumnCount(n)
        last = n - 1 if last is None else min(last, n - 1)
        for section in range(max(first, 0), last + 1):
            item = self.horizontalHeaderItem(section) or QStandardItem()
            for role in _ROLES:
                value: Any = self._source.headerData(section, Qt.Orientation.Horizontal, role)
                item.setData(value, role)
            self.setHorizontalHeaderItem(section, item)

    def _changed(self, orientation: Qt.Orientation, first: int, last: int) -> None:
        if orientation == Qt.Orientation.Horizontal:
            self.copy(first, last)

    def _columns(self, *_: Any) -> None:
        self.copy()

    def _reset(self, *_: Any) -> None:
        # A view change resets the queue model with the same columns: nothing to copy then.
        if self.columnCount() != self._source.columnCount(QModelIndex()):
            self.copy()
