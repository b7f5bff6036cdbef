"""Attachments of a ticket: add from files, open with the desktop's application, save as.

File reading and writing happens on the database worker together with the database call, so
a 25 MB attachment never freezes the window.
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
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.db.session import Database
from desk.errors import AttachmentTooLarge, DeskError
from desk.i18n import _
from desk.services import tickets
from desk.services.catalog import attachment_limit, name_of
from desk.services.changes import Written
from desk.services.dto import AttachmentView
from desk.services.people import CurrentUser
from desk.ui.ticket.common import FieldBox, local_time
from desk.ui.worker import DbRunner

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def add_file(db: Database, actor_id: uuid.UUID, ticket_id: uuid.UUID,
             path: str) -> Written[AttachmentView]:
    """Read ``path`` and attach it; a file above the limit is refused before it is read."""
    file = Path(path)
    try:
        size = file.stat().st_size
    except OSError as err:
        raise DeskError(_("Cannot read {path}: {reason}").format(
            path=file.name, reason=err.strerror)) from None
    limit = attachment_limit(db)
    if size > limit:
        raise AttachmentTooLarge(
            _("{name} is {size} — larger than the limit of {limit}").format(
                name=file.name, size=tickets.format_bytes(size),
                limit=tickets.format_bytes(limit)), field="attachments")
    try:
        data = file.read_bytes()
    except OSError as err:
        raise DeskError(_("Cannot read {path}: {reason}").format(
            path=file.name, reason=err.strerror)) from None
    return tickets.add_attachment(db, actor_id, ticket_id, file.name, data)


def export_attachment(db: Database, attachment_id: uuid.UUID, dest: str) -> str:
    data = tickets.attachment_data(db, attachment_id)
    target = Path(dest)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    except OSError as err:
        raise DeskError(_("Cannot write {path}: {reason}").format(
            path=target, reason=err.strerror)) from None
    return str(target)


class AttachmentsPanel(QWidget):
    """The attachment list of one ticket with Add / Open / Save as."""

    opened = Signal(str)  # the temporary file handed to the desktop
    exported = Signal(str)

    def __init__(self, runner: DbRunner, me: CurrentUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.me = me
        self.ticket_id: uuid.UUID | None = None
        self.items: list[AttachmentView] = []
        self._tmp: Path | None = None
        self.in_flight = 0

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
        for b in (self.add_button, self.open_button, self.save_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay.addLayout(buttons)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def set_ticket(self, ticket_id: uuid.UUID | None) -> None:
        self.ticket_id = ticket_id
        self.add_button.setEnabled(ticket_id is not None)

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
            self.in_flight += 1
            self.runner.write(add_file, self.me.id, self.ticket_id, path,
                              owner=self, on_done=self._added,
                              on_error=self._failed,
                              label="add attachment")

    def open_selected(self) -> None:
        att = self.selected()
        if att is None:
            return
        if self._tmp is None:
            self._tmp = Path(tempfile.mkdtemp(prefix="desk-attachments-"))
        dest = self._tmp / att.id.hex / att.filename
        self.in_flight += 1
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
        self.in_flight += 1
        self.runner.read(export_attachment, att.id, dest,
                         owner=self, on_done=self._exported, on_error=self._failed,
                         label="save attachment")

    def _added(self, _result: object) -> None:
        self.in_flight -= 1

    def _opened(self, path: str) -> None:
        self.in_flight -= 1
        QDesktopServices.openUrl(QUrl.fromLocalFile(path))
        self.opened.emit(path)

    def _exported(self, path: str) -> None:
        self.in_flight -= 1
        self.exported.emit(path)

    def _failed(self, err: BaseException) -> None:
        self.in_flight -= 1
        if not isinstance(err, DeskError):
            raise err
        self.box.show_error(str(err))

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        self.open_button.setEnabled(has)
        self.save_button.setEnabled(has)
