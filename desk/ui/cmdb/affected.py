"""The ticket form's affected-CIs panel.

Pick CIs with search-as-you-type; see the business services they affect and the other open
tickets on the same CIs; when a burst of open incidents hits one CI (the shared rule, default
3 within 60 minutes) the panel suggests a major incident and links the incidents under a
parent through the ticket service.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.cmdb import services as sv
from desk.cmdb.affected import AffectedCis, affected_cis
from desk.cmdb.major import MajorResult, link_major_incident
from desk.cmdb.services import CiRow
from desk.services.changes import Changes, Written
from desk.services.people import CurrentUser
from desk.ui.cmdb.common import class_label
from desk.ui.i18n import name_list
from desk.ui.worker import DbRunner, Op

SEARCH_DELAY_MS = 250
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class _SearchLine(QLineEdit):
    """Up/Down move through the results, Enter adds the highlighted one."""

    moved = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.moved.emit(1)
        elif event.key() == Qt.Key.Key_Up:
            self.moved.emit(-1)
        else:
            super().keyPressEvent(event)


class AffectedCisPanel(QWidget):
    openTicketRequested = Signal(object)  # uuid.UUID
    stateLoaded = Signal()  # the panel shows fresh data (tests wait on it)
    searchDone = Signal()

    def __init__(self, runner: DbRunner, me: CurrentUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.me = me
        self.ticket_id: uuid.UUID | None = None
        self.state: AffectedCis | None = None
        self.results: list[CiRow] = []
        self._seq = 0
        self._search_seq = 0
        self._op: Op | None = None
        self._search_op: Op | None = None

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("<b>Affected CIs</b>"), self)
        lay.addWidget(title)
        self.search = _SearchLine(self)
        self.search.setPlaceholderText(self.tr("Add a CI: type part of its name…"))
        self.search.setAccessibleName(self.tr("Search configuration items"))
        self.search.setClearButtonEnabled(True)
        lay.addWidget(self.search)
        self.result_list = QListWidget(self)
        self.result_list.setAccessibleName(self.tr("Matching configuration items"))
        self.result_list.setMaximumHeight(130)
        self.result_list.hide()
        lay.addWidget(self.result_list)

        self.linked = QListWidget(self)
        self.linked.setAccessibleName(self.tr("Affected configuration items"))
        self.linked.setMaximumHeight(110)
        lay.addWidget(self.linked)
        row = QHBoxLayout()
        self.remove = QPushButton(self.tr("Remove"), self)
        self.remove.setEnabled(False)
        self.remove.setToolTip(self.tr("Remove the selected CI from this ticket"))
        row.addStretch(1)
        row.addWidget(self.remove)
        lay.addLayout(row)

        self.services = QLabel(self)
        self.services.setWordWrap(True)
        lay.addWidget(self.services)

        lay.addWidget(QLabel(self.tr("Other open tickets on these CIs:"), self))
        self.others = QListWidget(self)
        self.others.setAccessibleName(self.tr("Other open tickets on these CIs"))
        self.others.setMaximumHeight(120)
        lay.addWidget(self.others)

        self.banner = QFrame(self)
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner.setStyleSheet("QFrame { background: #fff4e5; border: 1px solid #e65100; "
                                  "border-radius: 4px; } QLabel { border: none; color: #5d2c00; }")
        bl = QVBoxLayout(self.banner)
        self.banner_text = QLabel(self.banner)
        self.banner_text.setWordWrap(True)
        bl.addWidget(self.banner_text)
        brow = QHBoxLayout()
        brow.addWidget(QLabel(self.tr("Parent:"), self.banner))
        self.parent_choice = QComboBox(self.banner)
        self.parent_choice.setAccessibleName(self.tr("Parent major incident"))
        brow.addWidget(self.parent_choice, 1)
        self.link_button = QPushButton(self.tr("Link as major incident"), self.banner)
        brow.addWidget(self.link_button)
        bl.addLayout(brow)
        self.banner.hide()
        lay.addWidget(self.banner)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        lay.addWidget(self.message)
        lay.addStretch(1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._search)
        self.search.textEdited.connect(self._edited)
        self.search.returnPressed.connect(self._add_current)
        self.search.moved.connect(self._move)
        self.result_list.itemActivated.connect(lambda item: self._add(item.data(ID_ROLE)))
        self.result_list.itemClicked.connect(lambda item: self._add(item.data(ID_ROLE)))
        self.linked.itemSelectionChanged.connect(
            lambda: self.remove.setEnabled(bool(self.linked.selectedItems())))
        self.remove.clicked.connect(self._remove_selected)
        self.others.itemActivated.connect(
            lambda item: self.openTicketRequested.emit(item.data(ID_ROLE)))
        self.link_button.clicked.connect(self._link_major)
        runner.changed.connect(self._on_changed)
        self.set_ticket(None)

    # ---------------------------------------------------------------- API

    def set_ticket(self, ticket_id: uuid.UUID | None) -> None:
        """Show the CIs of ``ticket_id``; ``None`` (a ticket not saved yet) disables picking."""
        self.ticket_id = ticket_id
        self.search.clear()
        self.result_list.hide()
        self.message.clear()
        self.search.setEnabled(ticket_id is not None)
        if ticket_id is None:
            self.search.setPlaceholderText(self.tr("Save the ticket to add affected CIs"))
            self._seq += 1
            self.state = None
            self.linked.clear()
            self.others.clear()
            self.services.clear()
            self.banner.hide()
            return
        self.search.setPlaceholderText(self.tr("Add a CI: type part of its name…"))
        self.refresh()

    def refresh(self) -> None:
        if self.ticket_id is None:
            return
        self._seq += 1
        seq = self._seq
        if self._op is not None:
            self._op.cancel()
        self._op = self.runner.read(affected_cis, self.ticket_id,
                                    owner=self, on_done=lambda st: self._show(seq, st),
                                    label="affected cis")

    # ---------------------------------------------------------------- showing

    def _show(self, seq: int, st: AffectedCis) -> None:
        if seq != self._seq:
            return
        self.state = st
        self.linked.clear()
        for c in st.linked:
            item = QListWidgetItem(f"{c.name} — {class_label(c.class_name)}")
            item.setData(ID_ROLE, c.id)
            self.linked.addItem(item)
        self.remove.setEnabled(False)
        if st.services:
            self.services.setText(self.tr("Affected business services: {names}").format(
                names=name_list(s.name for s in st.services)))
        else:
            self.services.setText(self.tr("No business service is affected.")
                                  if st.linked else "")
        self.others.clear()
        for t, names in st.others:
            item = QListWidgetItem(f"{t.number} — {t.title} ({', '.join(names)})")
            item.setData(ID_ROLE, t.id)
            item.setToolTip(self.tr("Double-click to open {number}").format(number=t.number))
            self.others.addItem(item)
        hint = st.suggestion
        if hint is None:
            self.banner.hide()
        else:
            self.banner_text.setText(self.tr(
                "{n} open incidents on {ci} within {minutes} minutes: this may be a major "
                "incident. Link them under one parent?").format(
                    n=len(hint.incidents), ci=hint.ci_name, minutes=hint.minutes))
            self.parent_choice.clear()
            for t in hint.incidents:
                self.parent_choice.addItem(f"{t.number} — {t.title}", t.id)
                if t.id == hint.parent_id:
                    self.parent_choice.setCurrentIndex(self.parent_choice.count() - 1)
            self.banner.show()
        self.stateLoaded.emit()

    # ---------------------------------------------------------------- searching

    def _edited(self, text: str) -> None:
        if not text.strip():
            self._timer.stop()
            self._search_seq += 1
            self.result_list.hide()
            return
        self._timer.start()

    def _search(self) -> None:
        self._search_seq += 1
        seq = self._search_seq
        if self._search_op is not None:
            self._search_op.cancel()
        exclude = [c.id for c in self.state.linked] if self.state else []
        self._search_op = self.runner.read(
            sv.search_cis, self.search.text(), 12, exclude,
            owner=self, on_done=lambda rows: self._show_results(seq, rows),
            label="search cis")

    def _show_results(self, seq: int, rows: list[CiRow]) -> None:
        if seq != self._search_seq:
            return
        self.results = rows
        self.result_list.clear()
        for c in rows:
            item = QListWidgetItem(f"{c.name} — {class_label(c.class_name)}")
            item.setData(ID_ROLE, c.id)
            self.result_list.addItem(item)
        if not rows:
            item = QListWidgetItem(self.tr("No CI matches “{text}”").format(
                text=self.search.text().strip()))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.result_list.addItem(item)
        else:
            self.result_list.setCurrentRow(0)
        self.result_list.show()
        self.searchDone.emit()

    def _move(self, step: int) -> None:
        if self.result_list.isVisible() and self.results:
            row = max(0, min(self.result_list.currentRow() + step, len(self.results) - 1))
            self.result_list.setCurrentRow(row)

    def _add_current(self) -> None:
        item = self.result_list.currentItem()
        if self.result_list.isVisible() and item is not None:
            self._add(item.data(ID_ROLE))

    # ---------------------------------------------------------------- writing

    def _add(self, ci_id: object) -> None:
        if not isinstance(ci_id, uuid.UUID) or self.ticket_id is None:
            return
        self._search_seq += 1
        self.search.clear()
        self.result_list.hide()
        self.runner.write(sv.link_ci, self.me.id, self.ticket_id, ci_id,
                          owner=self, on_error=self._error, label="link ci")

    def _remove_selected(self) -> None:
        if self.ticket_id is None:
            return
        for item in self.linked.selectedItems():
            self.runner.write(sv.unlink_ci, self.me.id, self.ticket_id, item.data(ID_ROLE),
                              owner=self, on_error=self._error, label="unlink ci")

    def _link_major(self) -> None:
        st = self.state
        if st is None or st.suggestion is None:
            return
        parent_id = self.parent_choice.currentData()
        children = [t.id for t in st.suggestion.incidents]
        self.link_button.setEnabled(False)
        self.runner.write(link_major_incident, self.me.id, parent_id, children,
                          owner=self, on_done=self._linked,
                          on_error=self._error, label="major incident")

    def _linked(self, written: Written[MajorResult]) -> None:
        result = written.value
        self.link_button.setEnabled(True)
        text = self.tr("{parent} is a major incident; linked: {linked}").format(
            parent=result.parent_number, linked=name_list(result.linked) or self.tr("none"))
        if result.skipped:
            text += "\n" + self.tr("Not linked: {items}").format(
                items="; ".join(f"{n} ({why})" for n, why in result.skipped))
        self.message.setText(text)

    def _error(self, err: BaseException) -> None:
        self.link_button.setEnabled(True)
        self.message.setText(str(err))

    def _on_changed(self, changes: Changes, _origin: str) -> None:
        if self.ticket_id is None:
            return
        if changes.touches("ticket_cis", "tickets", "configuration_items", "ci_relationships"):
            self.refresh()
