"""The worklog: a composer (public reply or internal note) above the timeline, newest first."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desk.domain.enums import WorklogVisibility
from desk.services.catalog import name_of
from desk.services.dto import WorklogView
from desk.ui.i18n import local_time
from desk.ui.ticket.common import FieldBox

CARD_STYLE = """
QFrame#worklogCard { background: palette(base); border: 1px solid palette(mid);
  border-left: 3px solid palette(highlight); border-radius: 5px; }
QFrame#worklogCard[internal="true"] { background: palette(alternate-base);
  border-left: 3px solid #b7791f; }
QLabel#worklogMeta { color: palette(placeholder-text); }
"""


class Composer(QWidget):
    """Write a public reply or an internal note; Ctrl+Enter adds it."""

    submitted = Signal(str, str)  # visibility, text
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        kinds = QHBoxLayout()
        self.reply = QRadioButton(self.tr("Re&ply to requester"), self)
        self.note = QRadioButton(self.tr("Internal &note"), self)
        self.note.setChecked(True)  # the safe default: nothing reaches the customer by mistake
        self.group = QButtonGroup(self)
        self.group.addButton(self.reply)
        self.group.addButton(self.note)
        kinds.addWidget(self.note)
        kinds.addWidget(self.reply)
        kinds.addStretch(1)
        lay.addLayout(kinds)
        self.edit = QPlainTextEdit(self)
        self.edit.setAccessibleName(self.tr("Worklog text"))
        self.edit.setPlaceholderText(self.tr("Write a note or a reply… (Ctrl+Enter adds it)"))
        self.edit.setTabChangesFocus(True)
        self.edit.setMinimumHeight(52)
        self.edit.setMaximumHeight(96)
        self.box = FieldBox(self.edit, self)
        lay.addWidget(self.box)
        self.add_button = QPushButton(self.tr("Add to worklog"), self)
        self.add_button.setToolTip(self.tr("Add to worklog (Ctrl+Enter)"))
        self.add_button.clicked.connect(self.submit)
        kinds.addWidget(self.add_button)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            sc = QShortcut(QKeySequence(keys), self.edit)
            sc.setContext(Qt.ShortcutContext.WidgetShortcut)
            sc.activated.connect(self.submit)
        self.edit.textChanged.connect(self.edited)
        self.group.buttonToggled.connect(lambda *_: self.edited.emit())

    def text(self) -> str:
        return self.edit.toPlainText()

    def visibility(self) -> str:
        return WorklogVisibility.PUBLIC if self.reply.isChecked() else WorklogVisibility.INTERNAL

    def set_state(self, text: str, visibility: str) -> None:
        (self.reply if visibility == WorklogVisibility.PUBLIC else self.note).setChecked(True)
        self.edit.setPlainText(text)

    def set_busy(self, busy: bool) -> None:
        self.add_button.setEnabled(not busy)
        self.edit.setReadOnly(busy)

    def submit(self) -> None:
        self.box.clear_error()
        if not self.text().strip():
            self.box.show_error(self.tr("Write something first"))
            self.edit.setFocus()
            return
        self.submitted.emit(self.visibility(), self.text())


class WorklogTimeline(QScrollArea):
    """Entries newest first; replies and internal notes look different."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName(self.tr("Worklog"))
        self._inner = QWidget(self)
        self._inner.setStyleSheet(CARD_STYLE)
        self._layout = QVBoxLayout(self._inner)
        self._layout.setContentsMargins(0, 4, 4, 4)
        self._layout.setSpacing(8)
        self._empty = QLabel(self.tr("No worklog entries yet."), self._inner)
        self._empty.setObjectName("worklogMeta")
        self._layout.addWidget(self._empty)
        self._layout.addStretch(1)
        self.setWidget(self._inner)
        self.entries: list[WorklogView] = []

    def set_entries(self, entries: list[WorklogView] | tuple[WorklogView, ...],
                    names: dict) -> None:
        self.entries = list(entries)
        while self._layout.count() > 2:
            item = self._layout.takeAt(1)
            if item.widget() is not None:
                item.widget().deleteLater()
        self._empty.setVisible(not entries)
        for pos, entry in enumerate(reversed(self.entries)):
            self._layout.insertWidget(1 + pos, self._card(entry, names))

    def _card(self, entry: WorklogView, names: dict) -> QFrame:
        card = QFrame(self._inner)
        card.setObjectName("worklogCard")
        internal = entry.visibility == WorklogVisibility.INTERNAL
        card.setProperty("internal", internal)
        lay = QVBoxLayout(card)
        lay.setContentsMargins(10, 6, 10, 8)
        lay.setSpacing(3)
        head = QHBoxLayout()
        who = QLabel(name_of(names, entry.author_id, self.tr("System")), card)
        font = who.font()
        font.setBold(True)
        who.setFont(font)
        head.addWidget(who)
        kind = QLabel(self.tr("Internal note") if internal else self.tr("Reply"), card)
        kind.setObjectName("worklogMeta")
        head.addWidget(kind)
        head.addStretch(1)
        when = QLabel(local_time(entry.created_at), card)
        when.setObjectName("worklogMeta")
        when.setToolTip(local_time(entry.created_at, seconds=True))
        head.addWidget(when)
        lay.addLayout(head)
        body = QLabel(card)
        body.setTextFormat(Qt.TextFormat.PlainText)
        body.setText(entry.body)
        body.setWordWrap(True)
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        body.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        lay.addWidget(body)
        card.setAccessibleName(f"{who.text()}, {kind.text()}, {when.text()}")
        return card
