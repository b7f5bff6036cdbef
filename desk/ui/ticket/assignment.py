"""The assignment group and assignee of a ticket: the assignee list follows the chosen group's
members, read in the background; an assignee set before those arrive is kept meanwhile."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSizePolicy, QToolButton, QWidget

from desk.services import people
from desk.services.people import CurrentUser, UserView
from desk.ui.i18n import sorted_by_name

Read = Callable[..., Any]  # the form's DbRunner.read

# The form's parts share its context in the catalogue.
translate = QCoreApplication.translate


def index_of(combo: QComboBox, value: Any) -> int:
    """``value``'s row in ``combo``, or -1 (compared in Python: ids are Python objects)."""
    return next((i for i in range(combo.count()) if combo.itemData(i) == value), -1)


def select(combo: QComboBox, value: Any, label: str = "") -> None:
    """Show ``value`` in ``combo`` without an edit signal; a value the combo does not list
    (a deleted organization, a group this console does not offer) is added, not lost."""
    with QSignalBlocker(combo):
        i = index_of(combo, value)
        if i >= 0:
            combo.setCurrentIndex(i)
        elif value is not None:
            combo.addItem(label or str(value), value)
            combo.setCurrentIndex(combo.count() - 1)
        elif combo.count():
            combo.setCurrentIndex(0)


class AssigneeRow(QWidget):
    """The assignee combo and "Me" button; ``group`` is the group combo beside it."""

    edited = Signal()
    notMember = Signal()  # the assignee set is not a member of the group chosen

    def __init__(self, read: Read, me: CurrentUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.read = read
        self.me = me
        self.group = QComboBox()
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        self.assignee = QComboBox(self)
        self.assignee.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        lay.addWidget(self.assignee, 1)
        self.assign_me = QToolButton(self)
        self.assign_me.setText(translate("TicketForm", "Me"))
        self.assign_me.setToolTip(translate("TicketForm", "Assign to me"))
        self.assign_me.setAccessibleName(translate("TicketForm", "Assign to me"))
        self.assign_me.clicked.connect(self.assign_to_me)
        lay.addWidget(self.assign_me)
        self.setFocusProxy(self.assignee)
        self.members_for: uuid.UUID | None = None
        self._pending: uuid.UUID | None = None
        self.group.currentIndexChanged.connect(self._group_changed)
        self.assignee.currentIndexChanged.connect(self.assignee_changed)

    def settled(self) -> bool:
        """Whether the assignee list is the chosen group's (or no group is chosen)."""
        return self.group.currentData() is None or self.members_for == self.group.currentData()

    def value(self) -> uuid.UUID | None:
        if self.members_for != self.group.currentData() or self._pending is not None:
            return self._pending
        return self.assignee.currentData()

    def label(self) -> str:
        return self.assignee.currentText() if self.value() else ""

    def set_value(self, assignee_id: uuid.UUID | None, label: str = "") -> None:
        group_id = self.group.currentData()
        self._pending = assignee_id
        with QSignalBlocker(self.assignee):
            self.assignee.clear()
            self.assignee.addItem(translate("TicketForm", "(nobody)"), None)
            if assignee_id is not None:
                self.assignee.addItem(label or translate("TicketForm", "Loading…"), assignee_id)
                self.assignee.setCurrentIndex(1)
        self.assign_me.setEnabled(False)
        self.members_for = None
        self.assignee.setEnabled(group_id is not None)
        if group_id is not None:
            self.read(people.group_members, group_id,
                      on_done=lambda m: self._members_loaded(group_id, m),
                      label="group members")

    def assign_to_me(self) -> None:
        if self.group.currentData() is None:
            mine = next((g for g in self.me.group_ids if index_of(self.group, g) >= 0), None)
            if mine is None:
                return
            select(self.group, mine)
            self.set_value(self.me.id, self.me.display_name)
        else:
            select(self.assignee, self.me.id, self.me.display_name)
        self.edited.emit()

    def assignee_changed(self) -> None:
        self._pending = None if self.settled() else self.assignee.currentData()
        self.edited.emit()

    def _group_changed(self) -> None:
        keep = self.assignee.currentData()  # still the previous group's list
        self.set_value(keep, self.assignee.currentText() if keep else "")
        self.edited.emit()

    def _members_loaded(self, group_id: uuid.UUID, members: list[UserView]) -> None:
        if group_id != self.group.currentData():
            return  # another group was picked meanwhile
        wanted = self._pending
        self.members_for = group_id
        with QSignalBlocker(self.assignee):
            self.assignee.clear()
            self.assignee.addItem(translate("TicketForm", "(nobody)"), None)
            for u in sorted_by_name(members, lambda u: u.display_name):
                self.assignee.addItem(u.display_name, u.id)
            idx = max(index_of(self.assignee, wanted), 0)
            self.assignee.setCurrentIndex(idx)
        self._pending = None
        self.assign_me.setEnabled(any(u.id == self.me.id for u in members))
        if wanted is not None and idx == 0:
            self.notMember.emit()
        self.edited.emit()
