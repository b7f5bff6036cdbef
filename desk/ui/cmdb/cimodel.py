"""The CI list: a lazily paged table model over ``desk.cmdb.services.first_ci_page`` and
``page_cis``.

Same pattern as the queues: the database filters and sorts (header clicks re-run the query),
the count and first page arrive together from one snapshot, and the page after the loaded rows
is read from the last row's sort key (keyset) when the view scrolls near the end. A generation
number drops pages that belong to a filter the user has already replaced. No
``QSortFilterProxyModel``: it would only ever see the loaded rows.
"""

from __future__ import annotations

import dataclasses
import uuid
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from desk.cmdb import services as sv
from desk.cmdb.services import CiFilter, CiPage, CiRow
from desk.services.changes import Changes
from desk.ui.cmdb.common import class_label, environment_label, status_label
from desk.ui.i18n import translate
from desk.ui.worker import DbRunner, Op

PAGE = 200
ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


class CiListModel(QAbstractTableModel):
    COLUMNS = ("name", "class", "status", "environment", "criticality", "owner_group",
               "external_id")
    totalChanged = Signal(int)
    loaded = Signal()  # a page arrived (tests and the status line wait on it)

    def __init__(self, runner: DbRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.filter = CiFilter()
        self.rows: list[CiRow] = []
        self.total = 0
        self._generation = 0
        self._op: Op | None = None
        self._fetching = False
        runner.changed.connect(self._on_changed)

    # ---------------------------------------------------------------- queries

    def set_filter(self, flt: CiFilter) -> None:
        self.filter = flt
        self.refresh()

    def refresh(self) -> None:
        self._generation += 1
        gen = self._generation
        if self._op is not None:
            self._op.cancel()
        self._fetching = True
        self._op = self.runner.read(sv.first_ci_page, self.filter, PAGE,
                                    owner=self, on_done=lambda page: self._reset(gen, page),
                                    label="cmdb list")

    def _reset(self, gen: int, page: CiPage) -> None:
        if gen != self._generation:
            return
        self.beginResetModel()
        self.rows = page.rows
        self.total = page.total
        self._fetching = False
        self.endResetModel()
        self.totalChanged.emit(page.total)
        self.loaded.emit()

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._fetching and len(self.rows) < self.total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        gen = self._generation
        after = self.rows[-1] if self.rows else None
        self._op = self.runner.read(sv.page_cis, self.filter, PAGE, after,
                                    owner=self, on_done=lambda rows: self._append(gen, rows),
                                    label="cmdb page")

    def _append(self, gen: int, rows: list[CiRow]) -> None:
        if gen != self._generation:
            return
        if rows:
            start = len(self.rows)
            self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
            self.rows.extend(rows)
            # Views ask for more from inside endInsertRows: the cursor must be final by then.
            self._fetching = False
            self.endInsertRows()
        else:
            self._fetching = False
            self.total = len(self.rows)  # the table shrank meanwhile
        self.loaded.emit()

    def _on_changed(self, changes: Changes, _origin: str) -> None:
        if changes.touches("configuration_items", "ci_classes"):
            self.refresh()

    # ---------------------------------------------------------------- Qt model

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        return {
            "name": translate("Name"), "class": translate("Class"),
            "status": translate("Status"), "environment": translate("Environment"),
            "criticality": translate("Criticality"), "owner_group": translate("Owner group"),
            "external_id": translate("External id"),
        }[self.COLUMNS[section]]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        col = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "name": row.name, "class": class_label(row.class_name),
                "status": status_label(row.status),
                "environment": environment_label(row.environment),
                "criticality": str(row.criticality), "owner_group": row.owner_group or "",
                "external_id": row.external_id or "",
            }[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col == "criticality":
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.COLUMNS):
            return
        key = self.COLUMNS[column]
        key = key if key in sv.SORT_COLUMNS else "name"
        self.set_filter(dataclasses.replace(
            self.filter, sort=key, descending=order == Qt.SortOrder.DescendingOrder))

    def id_at(self, row: int) -> uuid.UUID | None:
        return self.rows[row].id if 0 <= row < len(self.rows) else None
