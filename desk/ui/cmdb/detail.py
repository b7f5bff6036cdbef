"""The CI detail pane: fields, relationships in both directions, linked tickets, history,
the relationship graph and the impact if this CI goes down."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QScrollArea,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.cmdb import graph
from desk.cmdb import services as sv
from desk.cmdb.graph import ImpactResult
from desk.cmdb.services import CiDetail
from desk.cmdb.vocab import field_label
from desk.domain.enums import Status
from desk.services.changes import Changes
from desk.ui.cmdb.common import (
    class_label,
    environment_label,
    rel_label,
    status_label,
)
from desk.ui.cmdb.graphview import CiGraphPanel
from desk.ui.i18n import local_time, name_list
from desk.ui.worker import DbRunner, Op

ID_ROLE = Qt.ItemDataRole.UserRole + 1




def _status_text(value: str) -> str:
    try:
        return Status(value).label
    except ValueError:
        return value


class CiDetailPane(QWidget):
    ciRequested = Signal(object)  # uuid.UUID: the user wants to see another CI
    openTicketRequested = Signal(object)  # uuid.UUID

    def __init__(self, runner: DbRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.ci_id: uuid.UUID | None = None
        self.detail: CiDetail | None = None
        self.impact: ImpactResult | None = None
        self._op: Op | None = None
        self._impact_op: Op | None = None
        self._seq = 0

        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 0, 0, 0)
        self.title = QLabel(self.tr("Select a configuration item"), self)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.title)
        self.subtitle = QLabel(self)
        lay.addWidget(self.subtitle)
        self.tabs = QTabWidget(self)
        lay.addWidget(self.tabs, 1)

        self.fields_box = QWidget()
        self.form = QFormLayout(self.fields_box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.fields_box)
        self.tabs.addTab(scroll, self.tr("Details"))

        self.relations = self._tree([self.tr("Relationship"), self.tr("CI"), self.tr("Class")])
        self.relations.itemActivated.connect(self._relation_activated)
        self.tabs.addTab(self.relations, self.tr("Relationships"))

        self.tickets = self._tree([self.tr("Number"), self.tr("Title"), self.tr("Status"),
                                   self.tr("Opened")])
        self.tickets.itemActivated.connect(self._ticket_activated)
        self.tabs.addTab(self.tickets, self.tr("Tickets"))

        self.history = self._tree([self.tr("When"), self.tr("Who"), self.tr("Field"),
                                   self.tr("Old value"), self.tr("New value")])
        self.tabs.addTab(self.history, self.tr("History"))

        self.graph = CiGraphPanel(runner, self)
        self.graph.centreChanged.connect(self.ciRequested)
        self.tabs.addTab(self.graph, self.tr("Graph"))

        impact_box = QWidget()
        il = QVBoxLayout(impact_box)
        il.setContentsMargins(0, 0, 0, 0)
        self.impact_summary = QLabel(impact_box)
        self.impact_summary.setWordWrap(True)
        il.addWidget(self.impact_summary)
        self.impact_tree = self._tree([self.tr("Hops"), self.tr("CI"), self.tr("Class")])
        self.impact_tree.itemActivated.connect(self._relation_activated)
        il.addWidget(self.impact_tree, 1)
        self.tabs.addTab(impact_box, self.tr("Impact"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.tabs.setEnabled(False)
        runner.changed.connect(self._on_changed)

    def _tree(self, headers: list[str]) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setHeaderLabels(headers)
        tree.setRootIsDecorated(False)
        tree.setUniformRowHeights(True)
        tree.setAlternatingRowColors(True)
        return tree

    # ---------------------------------------------------------------- loading

    def show_ci(self, ci_id: uuid.UUID | None) -> None:
        self.ci_id = ci_id
        self._seq += 1
        seq = self._seq
        if self._op is not None:
            self._op.cancel()
        self.impact = None
        if ci_id is None:
            self.tabs.setEnabled(False)
            self.title.setText(self.tr("Select a configuration item"))
            self.subtitle.setText("")
            return
        self._op = self.runner.read(sv.ci_detail, ci_id,
                                    owner=self, on_done=lambda d: self._show(seq, d),
                                    on_error=lambda e: self._gone(seq, e),
                                    label="cmdb detail")
        if self.graph.view.centre != ci_id:
            self.graph.show_ci(ci_id)
        if self.tabs.currentIndex() == self.tabs.count() - 1:
            self._load_impact()

    def _gone(self, seq: int, err: BaseException) -> None:
        if seq == self._seq:
            self.title.setText(str(err))
            self.subtitle.setText("")
            self.tabs.setEnabled(False)

    def _show(self, seq: int, d: CiDetail) -> None:
        if seq != self._seq:
            return
        self.detail = d
        ci = d.ci
        self.tabs.setEnabled(True)
        self.title.setText(ci.name)
        self.subtitle.setText(" · ".join([
            ci.class_label, status_label(ci.status), environment_label(ci.environment),
            self.tr("criticality {n}").format(n=ci.criticality)]))
        while self.form.rowCount():
            self.form.removeRow(0)
        rows = [
            (self.tr("Class"), ci.class_label),
            (self.tr("Status"), status_label(ci.status)),
            (self.tr("Environment"), environment_label(ci.environment)),
            (self.tr("Criticality"), str(ci.criticality)),
            (self.tr("Owner group"), ci.owner_group or "—"),
            (self.tr("Location"), ci.location or "—"),
            (self.tr("Asset tag"), ci.asset_tag or "—"),
            (self.tr("Serial"), ci.serial or "—"),
            (self.tr("External id"), ci.external_id or "—"),
        ]
        rows += [(field_label(f.name),
                  sv.field_text(ci.attributes.get(f.name)) or "—") for f in ci.fields]
        rows += [(self.tr("Created"), local_time(ci.created_at)),
                 (self.tr("Updated"), local_time(ci.updated_at))]
        for label, value in rows:
            v = QLabel(value)
            v.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.form.addRow(label + ":", v)

        self.relations.clear()
        for r in d.relations:
            arrow = "→" if r.outgoing else "←"
            item = QTreeWidgetItem([f"{arrow} {rel_label(r.type, r.outgoing)}", r.other_name,
                                    class_label(r.other_class)])
            item.setData(0, ID_ROLE, r.other_id)
            self.relations.addTopLevelItem(item)
        self.tabs.setTabText(1, self.tr("Relationships ({n})").format(n=len(d.relations)))

        self.tickets.clear()
        for t in d.tickets:
            item = QTreeWidgetItem([t.number, t.title, _status_text(t.status),
                                    local_time(t.opened_at)])
            item.setData(0, ID_ROLE, t.id)
            self.tickets.addTopLevelItem(item)
        self.tabs.setTabText(2, self.tr("Tickets ({n})").format(n=len(d.tickets)))

        self.history.clear()
        for h in d.history:
            who = d.actors.get(h.actor_id, "") if h.actor_id else self.tr("(import/system)")
            self.history.addTopLevelItem(QTreeWidgetItem([
                local_time(h.at), who, h.field, h.old_value or "", h.new_value or ""]))
        for tree in (self.relations, self.tickets, self.history):
            for c in range(tree.columnCount()):
                tree.resizeColumnToContents(c)

    def _tab_changed(self, index: int) -> None:
        if index == self.tabs.count() - 1 and self.impact is None:
            self._load_impact()

    def _load_impact(self) -> None:
        if self.ci_id is None:
            return
        seq = self._seq
        if self._impact_op is not None:
            self._impact_op.cancel()
        self._impact_op = self.runner.read(
            graph.impact, [self.ci_id],
            owner=self, on_done=lambda r: self._show_impact(seq, r),
            on_error=lambda e: None, label="cmdb impact")

    def _show_impact(self, seq: int, result: ImpactResult) -> None:
        if seq != self._seq:
            return
        self.impact = result
        self.impact_tree.clear()
        bold = QFont(self.impact_tree.font())
        bold.setBold(True)
        for c in result.affected:
            item = QTreeWidgetItem([str(c.distance), c.name, class_label(c.class_name)])
            item.setData(0, ID_ROLE, c.id)
            if c.is_service:
                for col in range(3):
                    item.setFont(col, bold)
            self.impact_tree.addTopLevelItem(item)
        for col in range(self.impact_tree.columnCount()):
            self.impact_tree.resizeColumnToContents(col)
        services = name_list(c.name for c in result.services) or self.tr("none")
        down = name_list(c.name for c in result.down)
        self.impact_summary.setText(self.tr(
            "If {name} goes down, 1 CI is affected. Business services: {services}").format(
                name=down, services=services) if len(result.affected) == 1 else self.tr(
            "If {name} goes down, {n} CIs are affected. Business services: {services}").format(
                name=down, n=len(result.affected), services=services))

    # ---------------------------------------------------------------- events

    def _relation_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        ci_id = item.data(0, ID_ROLE)
        if isinstance(ci_id, uuid.UUID):
            self.ciRequested.emit(ci_id)

    def _ticket_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        ticket_id = item.data(0, ID_ROLE)
        if isinstance(ticket_id, uuid.UUID):
            self.openTicketRequested.emit(ticket_id)

    def _on_changed(self, changes: Changes, _origin: str) -> None:
        if self.ci_id is not None and changes.touches(
                "configuration_items", "ci_relationships", "ticket_cis", "tickets"):
            current = self.ci_id
            self.impact = None
            self._seq += 1
            seq = self._seq
            self._op = self.runner.read(sv.ci_detail, current,
                                        owner=self, on_done=lambda d: self._show(seq, d),
                                        on_error=lambda e: self._gone(seq, e),
                                        label="cmdb detail")
