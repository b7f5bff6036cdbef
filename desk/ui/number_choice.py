"""Which ticket did you mean? A bare number (``11899``) can be an incident's and a request's;
the user picks one from the candidates."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.services.catalog import TicketRef


class NumberChoiceDialog(QDialog):
    """Lists the tickets a typed number can mean; Enter, OK or a double-click opens one."""

    chosen = Signal(object)  # ticket id

    def __init__(self, text: str, refs: Sequence[TicketRef],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Which ticket?"))
        lay = QVBoxLayout(self)
        label = QLabel(self.tr("{n} tickets have the number {number}:").format(
            n=len(refs), number=text.strip()), self)
        label.setWordWrap(True)
        lay.addWidget(label)
        self.list = QListWidget(self)
        for ref in refs:
            item = QListWidgetItem(f"{ref.number} — {ref.title}", self.list)
            item.setData(Qt.ItemDataRole.UserRole, ref.id)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self.accept())
        label.setBuddy(self.list)
        lay.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.accepted.connect(self._chosen)

    def _chosen(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chosen.emit(item.data(Qt.ItemDataRole.UserRole))
