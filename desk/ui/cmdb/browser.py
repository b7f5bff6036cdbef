"""The CMDB browser tab: class tree with counts, a paged and filterable CI list, the detail
pane (with the relationship graph)."""

from __future__ import annotations

import dataclasses
import uuid

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.cmdb import services as sv
from desk.cmdb.services import ClassView
from desk.cmdb.vocab import CiStatus, Environment
from desk.services.changes import Changes
from desk.ui.cmdb.cimodel import CiListModel
from desk.ui.cmdb.common import class_color
from desk.ui.cmdb.detail import CiDetailPane
from desk.ui.worker import DbRunner

SEARCH_DELAY_MS = 250
CLASS_ROLE = Qt.ItemDataRole.UserRole + 1


class CmdbBrowser(QWidget):
    openTicketRequested = Signal(object)  # uuid.UUID

    def __init__(self, runner: DbRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.classes: list[ClassView] = []
        outer = QHBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        outer.addWidget(split)
        self.splitter = split

        self.tree = QTreeWidget(split)
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("CI classes"))
        self.tree.setRootIsDecorated(False)
        self.tree.currentItemChanged.connect(self._class_chosen)

        middle = QWidget(split)
        ml = QVBoxLayout(middle)
        ml.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.search = QLineEdit(middle)
        self.search.setPlaceholderText(self.tr("Name, ID or asset tag"))
        self.search.setToolTip(self.tr("Filter by name, external id or asset tag"))
        self.search.setAccessibleName(self.tr("Filter CIs"))
        self.search.setClearButtonEnabled(True)
        bar.addWidget(self.search, 1)
        self.status = QComboBox(middle)
        self.status.setAccessibleName(self.tr("Status"))
        self.status.addItem(self.tr("Any status"), None)
        for s in CiStatus:
            self.status.addItem(s.label, s.value)
        bar.addWidget(self.status)
        self.environment = QComboBox(middle)
        self.environment.setAccessibleName(self.tr("Environment"))
        self.environment.addItem(self.tr("Any environment"), None)
        for e in Environment:
            self.environment.addItem(e.label, e.value)
        bar.addWidget(self.environment)
        ml.addLayout(bar)

        self.model = CiListModel(runner, self)
        self.table = QTableView(middle)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Configuration items"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        # Names are what people look for: a wide name column, the others just wide enough
        # for their values; the last one takes what is left.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in ((0, 230), (1, 120), (2, 80), (3, 95), (4, 62), (5, 120)):
            self.table.setColumnWidth(col, width)
        self.table.selectionModel().selectionChanged.connect(self._row_chosen)
        ml.addWidget(self.table, 1)
        self.count = QLabel(middle)
        ml.addWidget(self.count)

        self.detail = CiDetailPane(runner, split)
        self.detail.ciRequested.connect(self.show_ci)
        self.detail.openTicketRequested.connect(self.openTicketRequested)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 3)
        split.setStretchFactor(2, 4)
        split.setSizes([180, 700, 520])

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._apply_filter)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.status.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.environment.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.model.totalChanged.connect(self._total_changed)
        runner.changed.connect(self._on_changed)
        self.load_classes()
        self._apply_filter()

    # ---------------------------------------------------------------- classes

    def load_classes(self) -> None:
        self.runner.read(sv.list_classes, True, owner=self, on_done=self._show_classes,
                         label="cmdb classes")

    def _show_classes(self, classes: list[ClassView]) -> None:
        self.classes = classes
        current = self.current_class()
        self.tree.blockSignals(True)
        self.tree.clear()
        total = sum(c.count for c in classes)
        root = QTreeWidgetItem([self.tr("All CIs ({n})").format(n=f"{total:,}")])
        root.setData(0, CLASS_ROLE, None)
        self.tree.addTopLevelItem(root)
        chosen = root
        for c in classes:
            item = QTreeWidgetItem([f"{c.display} ({c.count:,})"])
            item.setData(0, CLASS_ROLE, c.id)
            item.setForeground(0, class_color(c.name).darker(140))
            self.tree.addTopLevelItem(item)
            if c.id == current:
                chosen = item
        self.tree.setCurrentItem(chosen)
        self.tree.blockSignals(False)

    def current_class(self) -> uuid.UUID | None:
        item = self.tree.currentItem()
        value = item.data(0, CLASS_ROLE) if item is not None else None
        return value if isinstance(value, uuid.UUID) else None

    def select_class(self, name: str | None) -> None:
        """Show one class (by key, e.g. ``server``), or every CI with ``None``."""
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            cid = item.data(0, CLASS_ROLE)
            match = next((c for c in self.classes if c.id == cid), None)
            if (name is None and cid is None) or (match is not None and match.name == name):
                self.tree.setCurrentItem(item)
                return

    def _class_chosen(self, *_args: object) -> None:
        self._apply_filter()

    # ---------------------------------------------------------------- list

    def current_filter(self) -> sv.CiFilter:
        return dataclasses.replace(
            self.model.filter, class_id=self.current_class(), text=self.search.text(),
            status=self.status.currentData(), environment=self.environment.currentData())

    def _apply_filter(self) -> None:
        self._timer.stop()
        self.model.set_filter(self.current_filter())

    def _total_changed(self, total: int) -> None:
        self.count.setText(self.tr("1 configuration item") if total == 1 else
                           self.tr("{n} configuration items").format(n=f"{total:,}"))

    def _row_chosen(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = selected.indexes()
        if rows:
            ci_id = self.model.id_at(rows[0].row())
            if ci_id is not None:
                self.detail.show_ci(ci_id)

    def show_ci(self, ci_id: uuid.UUID) -> None:
        """Open a CI in the detail pane (the list keeps its filter)."""
        self.detail.show_ci(ci_id)

    def _on_changed(self, changes: Changes, _origin: str) -> None:
        if changes.touches("configuration_items", "ci_classes"):
            self.load_classes()
