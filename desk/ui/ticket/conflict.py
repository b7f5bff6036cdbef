"""Another agent saved the ticket first: choose, field by field, whose value to keep.

Nothing typed is lost: the dialog only decides which values the form holds before the next
save; "Cancel" leaves every edit in the form as it was.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desk.domain.kinds import FIELD
from desk.domain.text import stored_text
from desk.editing.ticket_editor import MINE, THEIRS, TicketEditor
from desk.ui.ticket.history import display_value

__all__ = ["MINE", "RELOAD", "THEIRS", "ConflictDialog", "ConflictRow", "conflict_rows"]
RELOAD = 2  # dialog result: drop my edits, show their version


@dataclass(frozen=True)
class ConflictRow:
    field: str
    label: str
    mine: str  # as shown to a person
    theirs: str
    i_changed: bool  # both of us changed it: a real conflict


def conflict_rows(editor: TicketEditor, theirs: dict[str, Any], names: dict[uuid.UUID, str],
                  labels: dict[str, str]) -> list[ConflictRow]:
    """A row per field they changed; ``names`` (and the form's ``labels`` for the ids it
    shows) turn ids into what a person reads."""
    mine = editor.values()
    known = dict(names)
    for field, label in labels.items():
        if mine[field] is not None and label:
            known[mine[field]] = label
    conflicts = editor.merge(theirs).conflicts
    return [ConflictRow(f, FIELD[f].label(), display_value(f, stored_text(mine[f]), known),
                        display_value(f, stored_text(theirs[f]), known), f in conflicts)
            for f in editor.their_changes(theirs)]


class ConflictDialog(QDialog):
    def __init__(self, number: str, rows: list[ConflictRow],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("{number} was changed by someone else").format(
            number=number))
        self.setMinimumSize(640, 260)
        self.rows = rows
        self._groups: dict[str, QButtonGroup] = {}
        self._buttons: dict[tuple[str, str], QRadioButton] = {}

        lay = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Another agent saved {number} after you opened it. For each field they changed, "
            "choose which value to keep. Nothing is saved until you press “Save with these "
            "choices”.").format(number=number), self)
        intro.setWordWrap(True)
        lay.addWidget(intro)

        inner = QWidget(self)
        grid = QGridLayout(inner)
        grid.setHorizontalSpacing(16)
        for c, title in enumerate((self.tr("Field"), self.tr("Your value"),
                                   self.tr("Their value"), self.tr("Keep"))):
            head = QLabel(f"<b>{title}</b>", inner)
            grid.addWidget(head, 0, c if c < 3 else 3, 1, 1 if c < 3 else 2)
        for r, row in enumerate(rows, start=1):
            name = QLabel(row.label + (" ⚠" if row.i_changed else ""), inner)
            if row.i_changed:
                name.setToolTip(self.tr("You changed this field too"))
            grid.addWidget(name, r, 0)
            for c, text in ((1, row.mine), (2, row.theirs)):
                value = QLabel(text or "—", inner)
                value.setWordWrap(True)
                value.setToolTip(text)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                grid.addWidget(value, r, c)
            group = QButtonGroup(self)
            mine = QRadioButton(self.tr("Mine"), inner)
            mine.setAccessibleName(self.tr("Keep my {field}").format(field=row.label))
            theirs = QRadioButton(self.tr("Theirs"), inner)
            theirs.setAccessibleName(self.tr("Take their {field}").format(field=row.label))
            group.addButton(mine)
            group.addButton(theirs)
            (mine if row.i_changed else theirs).setChecked(True)
            grid.addWidget(mine, r, 3)
            grid.addWidget(theirs, r, 4)
            self._groups[row.field] = group
            self._buttons[(row.field, MINE)] = mine
            self._buttons[(row.field, THEIRS)] = theirs
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.setVerticalSpacing(10)
        grid.setRowStretch(len(rows) + 1, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        lay.addWidget(scroll, 1)

        box = QDialogButtonBox(self)
        self.save_button = box.addButton(self.tr("Save with these choices"),
                                         QDialogButtonBox.ButtonRole.AcceptRole)
        self.reload_button = QPushButton(self.tr("Discard my edits and reload"), self)
        box.addButton(self.reload_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.cancel_button = box.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.setDefault(True)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        self.reload_button.clicked.connect(lambda: self.done(RELOAD))
        lay.addWidget(box)

    def choices(self) -> dict[str, str]:
        return {f: (MINE if self._buttons[(f, MINE)].isChecked() else THEIRS)
                for f in self._groups}

    def choose(self, field: str, which: str) -> None:
        self._buttons[(field, which)].setChecked(True)
