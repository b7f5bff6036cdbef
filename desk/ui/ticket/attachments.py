"""Attachments of a ticket: add from files, open with the desktop's application, save as,
remove (after a confirmation).

File reading and writing happens on the database worker together with the database call
(``desk.services.attachments``), so a 25 MB attachment never freezes the window.
"""

from __future__ import annotations

import tempfile
import uuid
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.errors import DeskError
from desk.services import tickets
from desk.services.attachments import add_file, export_attachment
from desk.services.catalog import name_of
from desk.services.dto import AttachmentView
from desk.services.people import CurrentUser
from desk.ui.i18n import local_time
from desk.ui.ticket.common import FieldBox
from desk.ui.worker import DbRunner

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class AttachmentsPanel(QWidget):
    """The attachment list of one ticket with Add / Open / Save as / Remove."""

    opened = Signal(str)  # the temporary file handed to the desktop
    exported = Signal(str)
    removed = Signal(object)  # uuid.UUID of the removed attachment

    def __init__(self, runner: DbRunner, me: CurrentUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.me = me
        self.ticket_id: uuid.UUID | None = None
        self.items: list[AttachmentView] = []
        self._tmp: Path | None = None
        self.confirmation: QMessageBox | None = None  # the open "Remove …?" question

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 4, 0, 0)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("File"), self.tr("Size"), self.tr("Added by"), self.tr("Added")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setAccessibleName(self.tr("Attachments"))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda *_: self.open_selected())
        self.box = FieldBox(self.table, self)
        lay.addWidget(self.box)

        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add files…"), self)
        self.add_button.clicked.connect(self.choose_files)
        self.open_button = QPushButton(self.tr("Open"), self)
        self.open_button.clicked.connect(self.open_selected)
        self.save_button = QPushButton(self.tr("Save as…"), self)
        self.save_button.clicked.connect(self.save_selected)
        self.remove_button = QPushButton(self.tr("Remove…"), self)
        self.remove_button.setToolTip(self.tr("Remove the selected attachment from the ticket"))
        self.remove_button.clicked.connect(self.remove_selected)
        for b in (self.add_button, self.open_button, self.save_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay.addLayout(buttons)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def set_ticket(self, ticket_id: uuid.UUID | None) -> None:
        self.ticket_id = ticket_id
        self.add_button.setEnabled(ticket_id is not None)
        self._update_buttons()

    def set_items(self, items: tuple[AttachmentView, ...] | list[AttachmentView],
                  names: dict) -> None:
        self.items = list(items)
        self.table.setRowCount(len(self.items))
        for r, a in enumerate(self.items):
            cells = (a.filename, tickets.format_bytes(a.size),
                     name_of(names, a.author_id, ""), local_time(a.created_at))
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, a.id)
                self.table.setItem(r, c, item)
        self._update_buttons()

    def selected(self) -> AttachmentView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows else None

    def choose_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(self, self.tr("Attach files"))
        if paths:
            self.add_files(paths)

    def add_files(self, paths: list[str]) -> None:
        if self.ticket_id is None:
            return
        self.box.clear_error()
        for path in paths:
            self.runner.write(add_file, self.me.id, self.ticket_id, path,
                              owner=self, on_error=self._failed,
                              label="add attachment")

    def open_selected(self) -> None:
        att = self.selected()
        if att is None:
            return
        if self._tmp is None:
            self._tmp = Path(tempfile.mkdtemp(prefix="desk-attachments-"))
        dest = self._tmp / att.id.hex / att.filename
        self.runner.read(export_attachment, att.id, str(dest),
                         owner=self, on_done=self._opened, on_error=self._failed,
                         label="open attachment")

    def save_selected(self) -> None:
        att = self.selected()
        if att is None:
            return
        dest, _filter = QFileDialog.getSaveFileName(self, self.tr("Save attachment"),
                                                    att.filename)
        if dest:
            self.save_to(att, dest)

    def save_to(self, att: AttachmentView, dest: str) -> None:
        self.runner.read(export_attachment, att.id, dest,
                         owner=self, on_done=self._exported, on_error=self._failed,
                         label="save attachment")

    def remove_selected(self) -> None:
        """Ask first (window-modal, without blocking the event loop); removing is final."""
        att = self.selected()
        if att is None or self.ticket_id is None:
            return
        yes, cancel = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Cancel
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Remove attachment"),
                          self.tr("Remove {name} from this ticket? The ticket's history "
                                  "keeps a note that it was removed.").format(name=att.filename),
                          yes | cancel, self)
        box.button(yes).setText(self.tr("Remove"))
        box.setDefaultButton(cancel)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(lambda _result: self._confirmed(box, att))
        self.confirmation = box
        box.open()

    def _confirmed(self, box: QMessageBox, att: AttachmentView) -> None:
        self.confirmation = None
        box.deleteLater()
        if box.standardButton(box.clickedButton()) != QMessageBox.StandardButton.Yes:
            return
        self.box.clear_error()
        self.runner.write(tickets.remove_attachment, self.me.id, att.id,
                          owner=self, on_done=lambda _changes: self._removed(att.id),
                          on_error=self._failed, label="remove attachment")

    def _removed(self, attachment_id: uuid.UUID) -> None:
        self.removed.emit(attachment_id)

    def _opened(self, path: str) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(path))
        self.opened.emit(path)

    def _exported(self, path: str) -> None:
        self.exported.emit(path)

    def _failed(self, err: BaseException) -> None:
        if not isinstance(err, DeskError):
            raise err
        self.box.show_error(str(err))

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        self.open_button.setEnabled(has)
        self.save_button.setEnabled(has)
        self.remove_button.setEnabled(has and self.ticket_id is not None)
