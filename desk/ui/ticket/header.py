"""The ticket form's header: number, kind, priority and status chips, save button, times."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desk.services.dto import TicketView
from desk.ui.i18n import local_time
from desk.ui.ticket.common import kind_label, priority_text, status_label
from desk.ui.widgets import PRIORITY_COLORS, Chip

# The form's parts share its context in the catalogue.
translate = QCoreApplication.translate


class TicketHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        self.number_label = QLabel(self)
        font = self.number_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setBold(True)
        self.number_label.setFont(font)
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        head.addWidget(self.number_label)
        self.kind_chip, self.priority_chip, self.status_chip = Chip(), Chip(), Chip()
        self.major_chip = Chip(translate("TicketForm", "Major incident"))
        self.major_chip.set_color(PRIORITY_COLORS[1])
        for chip in (self.kind_chip, self.priority_chip, self.status_chip, self.major_chip):
            head.addWidget(chip)
        self.unsaved_label = QLabel(translate("TicketForm", "Unsaved changes"), self,
                                    objectName="hint")
        self.unsaved_label.setVisible(False)
        head.addWidget(self.unsaved_label)
        head.addStretch(1)
        self.save_button = QPushButton(translate("TicketForm", "&Save"), self)
        self.save_button.setToolTip(translate("TicketForm", "Save (Ctrl+S)"))
        head.addWidget(self.save_button)
        outer.addLayout(head)
        self.meta_label = QLabel(self, objectName="hint")
        outer.addWidget(self.meta_label)

    def set_saving(self, saving: bool) -> None:
        self.save_button.setEnabled(not saving)
        self.save_button.setText(translate("TicketForm", "Saving…") if saving
                                 else translate("TicketForm", "&Save"))

    def show_ticket(self, kind: str, values: dict[str, Any], priority: int | None,
                    saved: TicketView | None) -> None:
        """``values`` as typed; ``saved`` the ticket as loaded (None until the first save)."""
        self.number_label.setText(saved.number if saved is not None
                                  else translate("TicketForm", "New"))
        self.kind_chip.setText(kind_label(kind))
        if priority is not None:
            self.priority_chip.setText(priority_text(priority))
            self.priority_chip.set_color(PRIORITY_COLORS[priority])
        self.priority_chip.setVisible(priority is not None)
        self.status_chip.setText(status_label(values["status"]))
        self.major_chip.setVisible(bool(values["major_incident"]))
        if saved is None:
            self.meta_label.setText(translate(
                "TicketForm",
                "Not saved yet — worklog, attachments and history follow after the first save"))
            return
        parts = [translate("TicketForm", "Opened {when}").format(
                     when=local_time(saved.opened_at)),
                 translate("TicketForm", "updated {when}").format(
                     when=local_time(saved.updated_at))]
        if saved.resolved_at:
            parts.append(translate("TicketForm", "resolved {when}").format(
                when=local_time(saved.resolved_at)))
        self.meta_label.setText(" · ".join(parts))
