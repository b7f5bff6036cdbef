"""Pickers of the ticket form: requester (search as you type), category (tree), parent ticket.

Every lookup runs on the database worker; a search that an edit made stale is dropped when its
answer arrives, so the list never shows results for text the user has already changed.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.services import catalog, people
from desk.services.catalog import CategoryNode, TicketRef
from desk.services.people import ContactView
from desk.ui.ticket.common import error_color
from desk.ui.worker import DbRunner, Op

SEARCH_DELAY_MS = 250
CONTACT_ROLE = Qt.ItemDataRole.UserRole + 1


class RequesterPicker(QWidget):
    """Type part of a contact's name or email; pick from the list that follows the text."""

    changed = Signal()
    picked = Signal(object)  # ContactView

    def __init__(self, runner: DbRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._value: uuid.UUID | None = None
        self._label = ""
        self._seq = 0
        self._op: Op | None = None
        self.results: list[ContactView] = []

        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.line = QLineEdit(self)
        self.line.setPlaceholderText(self.tr("Search contacts by name or email…"))
        self.line.setAccessibleName(self.tr("Requester"))
        self.line.setClearButtonEnabled(True)
        lay.addWidget(self.line)
        self.setFocusProxy(self.line)

        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setWidget(self.line)
        self.completer.activated[QModelIndex].connect(self._activated)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._search)
        self.line.textEdited.connect(self._edited)
        self.line.editingFinished.connect(self._finished)

    def value(self) -> uuid.UUID | None:
        return self._value

    def label(self) -> str:
        return self._label

    def set_value(self, contact_id: uuid.UUID | None, label: str = "") -> None:
        self._value = contact_id
        self._label = label if contact_id else ""
        self.line.setText(self._label)

    def pick(self, contact: ContactView) -> None:
        self._timer.stop()
        self._seq += 1  # answers to searches still in flight are stale now
        changed = contact.id != self._value
        self.set_value(contact.id, contact.name)
        self.completer.popup().hide()
        self.picked.emit(contact)
        if changed:
            self.changed.emit()

    def _edited(self, text: str) -> None:
        if not text.strip():
            self._timer.stop()
            self._seq += 1
            self.completer.popup().hide()
            if self._value is not None:
                self.set_value(None)
                self.changed.emit()
            return
        self._timer.start()

    def _finished(self) -> None:
        # Leaving the field with half-typed text keeps the contact that was picked.
        if not self.completer.popup().isVisible() and self.line.text() != self._label:
            self.line.setText(self._label)

    def _search(self) -> None:
        self._seq += 1
        seq = self._seq
        if self._op is not None:
            self._op.cancel()
        self._op = self.runner.read(people.search_contacts, self.line.text(),
                                    owner=self, on_done=lambda rows: self._show(seq, rows),
                                    label="search contacts")

    def _show(self, seq: int, rows: list[ContactView]) -> None:
        if seq != self._seq:
            return
        self.results = rows
        self.model.clear()
        for c in rows:
            extra = " · ".join(x for x in (c.email, c.organization_name) if x)
            item = QStandardItem(f"{c.name} — {extra}" if extra else c.name)
            item.setData(c, CONTACT_ROLE)
            item.setEditable(False)
            self.model.appendRow(item)
        if not rows:
            item = QStandardItem(self.tr("No contact matches “{text}”").format(
                text=self.line.text().strip()))
            item.setEnabled(False)
            self.model.appendRow(item)
        if self.line.hasFocus() or self.isVisible():
            self.completer.complete()

    def _activated(self, index: QModelIndex) -> None:
        contact = index.data(CONTACT_ROLE)
        if isinstance(contact, ContactView):
            self.pick(contact)


class _PopupCombo(QComboBox):
    """Looks and is operated like a combo box (click, F4, Alt+Down); its drop-down is the
    category tree with a filter instead of a flat list."""

    def __init__(self, open_popup: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._open_popup = open_popup

    def showPopup(self) -> None:
        self._open_popup()

    def setText(self, text: str) -> None:
        self.clear()
        self.addItem(text)

    def text(self) -> str:
        return self.currentText()


class CategoryPicker(QWidget):
    """A button showing the category path; it opens the category tree with a filter."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._nodes: dict[uuid.UUID, CategoryNode] = {}
        self._value: uuid.UUID | None = None
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        self.button = _PopupCombo(self.open_tree, self)
        self.button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.button.setAccessibleName(self.tr("Category"))
        lay.addWidget(self.button, 1)
        self.clear_button = QToolButton(self)
        self.clear_button.setText("×")
        self.clear_button.setAccessibleName(self.tr("Clear category"))
        self.clear_button.setToolTip(self.tr("Clear category"))
        self.clear_button.clicked.connect(lambda: self.choose(None))
        lay.addWidget(self.clear_button)
        self.setFocusProxy(self.button)

        self.popup = QFrame(self, Qt.WindowType.Popup)
        self.popup.setFrameShape(QFrame.Shape.StyledPanel)
        pl = QVBoxLayout(self.popup)
        pl.setContentsMargins(4, 4, 4, 4)
        self.filter = QLineEdit(self.popup)
        self.filter.setPlaceholderText(self.tr("Filter categories…"))
        self.filter.setAccessibleName(self.tr("Filter categories"))
        self.filter.textChanged.connect(self._filter)
        pl.addWidget(self.filter)
        self.tree = QTreeWidget(self.popup)
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Categories"))
        self.tree.itemActivated.connect(self._item_chosen)
        self.tree.itemClicked.connect(self._item_chosen)
        pl.addWidget(self.tree)
        self.filter.returnPressed.connect(self._choose_first_visible)
        self._refresh_text()

    def set_categories(self, nodes: tuple[CategoryNode, ...] | list[CategoryNode]) -> None:
        self._nodes = {n.id: n for n in nodes}
        self.tree.clear()
        items: dict[uuid.UUID, QTreeWidgetItem] = {}
        for n in nodes:  # depth first: a parent always comes before its children
            parent = items.get(n.parent_id) if n.parent_id else None
            item = QTreeWidgetItem(parent) if parent is not None else QTreeWidgetItem(self.tree)
            item.setText(0, n.name)
            item.setToolTip(0, n.path)
            item.setData(0, Qt.ItemDataRole.UserRole, n.id)
            items[n.id] = item
        self.button.setEnabled(bool(nodes))
        self._refresh_text()

    def value(self) -> uuid.UUID | None:
        return self._value

    def label(self) -> str:
        node = self._nodes.get(self._value) if self._value else None
        return node.path if node else ""

    def set_value(self, category_id: uuid.UUID | None, label: str = "") -> None:
        self._value = category_id
        if category_id is not None and category_id not in self._nodes and label:
            # Known from a draft or another agent's save before the tree is loaded.
            self._nodes[category_id] = CategoryNode(category_id, label, None, 0, label)
        self._refresh_text()

    def choose(self, category_id: uuid.UUID | None) -> None:
        self.popup.hide()
        if category_id != self._value:
            self.set_value(category_id)
            self.changed.emit()

    def open_tree(self) -> None:
        self.filter.clear()
        self.tree.collapseAll()
        if self._value is not None:
            for item in self._all_items():
                if item.data(0, Qt.ItemDataRole.UserRole) == self._value:
                    self.tree.setCurrentItem(item)
                    self.tree.scrollToItem(item)
        width = max(self.width(), 320)
        self.popup.resize(width, 320)
        self.popup.move(self.mapToGlobal(QPoint(0, self.height())))
        self.popup.show()
        self.filter.setFocus()

    def _refresh_text(self) -> None:
        text = self.label() or self.tr("(none)")
        self.button.setText(text)
        self.button.setToolTip(text)
        self.clear_button.setEnabled(self._value is not None)

    def _all_items(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop()
            out.append(item)
            stack.extend(item.child(i) for i in range(item.childCount()))
        return out

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()

        def visit(item: QTreeWidgetItem) -> bool:
            own = not needle or needle in item.text(0).casefold()
            child_match = False
            for i in range(item.childCount()):
                child_match = visit(item.child(i)) or child_match
            item.setHidden(not (own or child_match))
            item.setExpanded(bool(needle) and child_match)
            return own or child_match

        for i in range(self.tree.topLevelItemCount()):
            visit(self.tree.topLevelItem(i))

    def _choose_first_visible(self) -> None:
        needle = self.filter.text().strip().casefold()
        for item in self._all_items():
            if not item.isHidden() and needle and needle in item.text(0).casefold():
                self.choose(item.data(0, Qt.ItemDataRole.UserRole))
                return

    def _item_chosen(self, item: QTreeWidgetItem) -> None:
        self.choose(item.data(0, Qt.ItemDataRole.UserRole))


class ParentPicker(QWidget):
    """The parent ticket, entered by its number (INC0001234); checked on the worker."""

    changed = Signal()

    def __init__(self, runner: DbRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._value: uuid.UUID | None = None
        self._number = ""
        self._seq = 0
        self.problem = ""  # why the typed number is not a ticket, if it is not
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        self.line = QLineEdit(self)
        self.line.setPlaceholderText(self.tr("Ticket number, e.g. PRB0000012"))
        self.line.setAccessibleName(self.tr("Parent ticket"))
        self.line.setClearButtonEnabled(True)
        lay.addWidget(self.line)
        self.hint = QLabel(self)
        self.hint.setObjectName("hint")
        self.hint.setVisible(False)
        self.hint.setWordWrap(True)
        lay.addWidget(self.hint)
        self.setFocusProxy(self.line)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._lookup)
        self.line.textEdited.connect(self._edited)

    def value(self) -> uuid.UUID | None:
        return self._value

    def label(self) -> str:
        return self._number

    @property
    def pending(self) -> bool:
        """Typed text not yet checked (the lookup is waiting or in flight)."""
        text = self.line.text().strip().upper()
        return bool(text) and text != self._number and not self.problem

    def check_now(self) -> None:
        self._timer.stop()
        self._lookup()

    def set_value(self, ticket_id: uuid.UUID | None, number: str = "", title: str = "") -> None:
        self._seq += 1
        self._timer.stop()
        self._value = ticket_id
        self._number = number if ticket_id else ""
        self.problem = ""
        self.line.setText(self._number)
        self._show_hint(title, error=False)

    def _edited(self, text: str) -> None:
        self.problem = ""
        if not text.strip():
            self._timer.stop()
            self._seq += 1
            self._show_hint("", error=False)
            if self._value is not None:
                self._value = None
                self._number = ""
                self.changed.emit()
            return
        self._timer.start()

    def _lookup(self) -> None:
        self._seq += 1
        seq = self._seq
        number = self.line.text().strip().upper()
        self.runner.read(catalog.find_ticket_ref, number,
                         owner=self, on_done=lambda ref: self._found(seq, number, ref),
                         label="find parent ticket")

    def _found(self, seq: int, number: str, ref: TicketRef | None) -> None:
        if seq != self._seq:
            return
        if ref is None:
            self.problem = self.tr("There is no ticket {number}").format(number=number)
            self._show_hint(self.problem, error=True)
            if self._value is not None:
                self._value = None
                self._number = ""
                self.changed.emit()
            return
        self.problem = ""
        changed = ref.id != self._value
        self._value, self._number = ref.id, ref.number
        self._show_hint(ref.title, error=False)
        if changed:
            self.changed.emit()

    def _show_hint(self, text: str, error: bool) -> None:
        pal = self.hint.palette()
        role = self.hint.foregroundRole()
        pal.setColor(role, error_color(self.palette()) if error
                     else self.palette().color(self.palette().ColorRole.PlaceholderText))
        self.hint.setPalette(pal)
        self.hint.setText(text)
        self.hint.setToolTip(text)
        self.hint.setVisible(bool(text))

