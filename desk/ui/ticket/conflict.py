"""Another agent saved the ticket first: choose, field by field, whose value to keep.

Nothing typed is lost: the dialog only decides which values the form holds before the next
save; "Cancel" leaves every edit in the form as it was. ``ConflictFlow`` is the form's side
of it: the dialog, taking their version as the loaded one, and versions saved elsewhere.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
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
from desk.editing.ticket_editor import MINE, THEIRS, TicketEditor, view_values
from desk.services import catalog
from desk.services.dto import TicketView
from desk.ui.ticket.common import status_label
from desk.ui.ticket.history import display_value

if TYPE_CHECKING:
    from desk.ui.ticket.form import TicketForm

__all__ = ["MINE", "RELOAD", "THEIRS", "ConflictDialog", "ConflictFlow", "ConflictRow",
           "conflict_rows"]
RELOAD = 2  # dialog result: drop my edits, show their version
Done = Callable[[bool], None]  # told whether the save ended saved

# The form's parts share its context in the catalogue.
translate = QCoreApplication.translate


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


class ConflictFlow:
    """The form's side of saving over someone else's save: ask whose value to keep (after
    reading the names their version refers to), take their version as the one loaded, and
    follow a version saved elsewhere while the form is open."""

    def __init__(self, form: TicketForm) -> None:
        self.form = form
        self.dialog: ConflictDialog | None = None

    def save_refused(self, theirs: TicketView, done: Done) -> None:
        """The save met a newer version: let the agent choose, then save again."""
        self.form.read(catalog.view_names, theirs,
                       on_done=lambda names: self._show(theirs, names, done),
                       on_error=lambda e: self.form.save_failed(e, done),
                       label="names for conflict")

    def _show(self, theirs: TicketView, names: dict[uuid.UUID, str], done: Done) -> None:
        form = self.form
        form.names.update(names)
        rows = conflict_rows(form.editor, view_values(theirs), form.names, form.fields.labels())
        if not rows:
            # They changed nothing this form shows (a worklog entry, say): save on top.
            self.rebase(theirs, {})
            form.save(done)
            return
        dialog = self.dialog = ConflictDialog(theirs.number, rows, form)
        dialog.finished.connect(lambda result: self._finished(dialog, theirs, result, done))
        dialog.open()

    def _finished(self, dialog: ConflictDialog, theirs: TicketView, result: int,
                  done: Done) -> None:
        self.dialog = None
        dialog.deleteLater()
        if result == ConflictDialog.DialogCode.Accepted:
            self.rebase(theirs, dialog.choices())
            self.form.save(done)
        elif result == RELOAD:
            self.rebase(theirs, None)
            self.form.loader.load_detail()
            done(False)
        else:
            self.form.banner.show_notice(
                translate("TicketForm", "Not saved: {number} was changed by someone else. "
                          "Your edits are still here.").format(number=theirs.number),
                error=True, actions=[(translate("TicketForm", "Save again"),
                                      lambda: self.form.save())])
            done(False)

    def rebase(self, theirs: TicketView, choices: dict[str, str] | None) -> None:
        """Make ``theirs`` the loaded version, keeping the merged edits (with the agent's
        ``choices`` per field), or none when ``choices`` is None."""
        form, editor = self.form, self.form.editor
        labels = form.fields.labels()
        form.original = theirs
        if choices is None:
            editor.load(theirs)
        else:
            editor.resolve(view_values(theirs), theirs.row_version, choices)
        lost = editor.status_lost()
        if lost:
            chosen = editor.values()["status"]
            editor.set("status", theirs.status)
        form.fields.rebuild_choices(editor)
        form.fields.put(editor.values(), labels)
        if lost:
            form.show_field_error("status", translate(
                "TicketForm", "{status} cannot follow {theirs}; choose the status again").format(
                status=status_label(chosen), theirs=status_label(theirs.status)))
        form.after_edit(write=True)

    def newer(self, newer: TicketView) -> None:
        """A version saved elsewhere: follow it when the form has no edits it would change,
        else say so and keep every edit."""
        form, editor = self.form, self.form.editor
        if newer.row_version == editor.version or form.saving:
            return  # nothing new, or our own save is on its way and sets the version
        if view_values(newer) == editor.base:
            # Only the version moved (a worklog entry): keep every edit, follow the version.
            form.original = newer
            editor.version = newer.row_version
            form.update_header()
        elif not editor.dirty:
            self.rebase(newer, None)
            form.write_draft()
        else:
            form.banner.show_notice(
                translate("TicketForm", "{number} was changed elsewhere while you were "
                          "editing. Your edits are kept; saving will let you choose field by "
                          "field.").format(number=newer.number),
                actions=[(translate("TicketForm", "Review now"), lambda: self._review(newer))])

    def _review(self, newer: TicketView) -> None:
        self.form.banner.dismiss()
        self.form.read(catalog.view_names, newer, label="names for conflict",
                       on_done=lambda names: self._show(newer, names, lambda ok: None))
