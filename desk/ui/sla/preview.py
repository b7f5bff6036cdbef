"""The review step before a calendar or policy change: which open tickets' due instants
would move, and by how much. Nothing is written until the administrator applies; applying
runs on the worker with a busy bar, and the dialog closes when the recompute is done."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.sla.engine import DueMove
from desk.sla.policy import Target
from desk.ui.i18n import format_duration, format_remaining, local_time
from desk.ui.sla.common import state_label
from desk.ui.ticket.common import error_color


class PreviewDialog(QDialog):
    """``applyRequested`` when the administrator applies; the owner runs the write and
    calls ``finish_apply`` or ``apply_failed``."""

    applyRequested = Signal()

    def __init__(self, title: str, moves: Sequence[DueMove], parent: QWidget | None = None,
                 what: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.moves = list(moves)
        self.applied = False
        lay = QVBoxLayout(self)
        lay.setSpacing(8)
        if what:
            intro = QLabel(what, self)
            intro.setWordWrap(True)
            lay.addWidget(intro)
        tickets = {m.ticket_id for m in self.moves}
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        if self.moves:
            self.summary.setText(self.tr(
                "{clocks} clocks of {tickets} open tickets would change. Nothing is saved "
                "until you apply.").format(clocks=len(self.moves), tickets=len(tickets)))
        else:
            self.summary.setText(self.tr("No open ticket's due instant moves. Nothing is saved "
                                         "until you apply."))
        lay.addWidget(self.summary)
        self.table = QTableWidget(len(self.moves), 7, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Ticket"), self.tr("Target"), self.tr("Due before"), self.tr("Due after"),
            self.tr("Moves by"), self.tr("Left before"), self.tr("Left after")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        for row, move in enumerate(sorted(self.moves, key=lambda m: (m.number, m.target))):
            for col, text in enumerate(self.cells(move)):
                item = QTableWidgetItem(text)
                if col in (4, 5, 6):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        self.table.setVisible(bool(self.moves))
        lay.addWidget(self.table, 1)
        if not self.moves:
            lay.addStretch(1)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(12)
        self.busy.setVisible(False)
        lay.addWidget(self.busy)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        lay.addWidget(self.error)
        self.buttons = QDialogButtonBox(self)
        self.apply_button = QPushButton(self.tr("&Apply and recompute"), self)
        self.apply_button.setDefault(True)
        self.buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button.clicked.connect(self._apply)
        self.cancel_button.clicked.connect(self.reject)
        lay.addWidget(self.buttons)
        self.resize(860, 460) if self.moves else self.resize(560, 170)

    def cells(self, move: DueMove) -> list[str]:
        delta = move.due_delta
        if delta is None:
            moved = self._state_change(move)
        elif abs(delta) < 60:
            moved = self.tr("unchanged")
        elif delta > 0:
            moved = self.tr("{d} later").format(d=format_duration(delta))
        else:
            moved = self.tr("{d} earlier").format(d=format_duration(delta))
        return [move.number, Target(move.target).label if move.target in Target._value2member_map_
                else move.target, self._due(move.old_due, move.old_state),
                self._due(move.new_due, move.new_state), moved,
                self._left(move.old_remaining), self._left(move.new_remaining)]

    def _due(self, due: object, state: str | None) -> str:
        if due is not None:
            return local_time(due)  # type: ignore[arg-type]
        if state == "paused":
            return self.tr("(paused)")
        if state is None:
            return self.tr("(no clock)")
        return self.tr("({state})").format(state=state_label(state))

    def _left(self, seconds: float | None) -> str:
        return "" if seconds is None else format_remaining(seconds)

    def _state_change(self, move: DueMove) -> str:
        if move.old_state == move.new_state:
            return self.tr("time left changes")
        return f"{state_label(move.old_state)} → {state_label(move.new_state)}"

    def move_texts(self) -> list[list[str]]:
        return [[self.table.item(r, c).text() for c in range(self.table.columnCount())]
                for r in range(self.table.rowCount())]

    # ------------------------------------------------------------ applying

    def _apply(self) -> None:
        self.set_busy(True)
        self.applyRequested.emit()

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.apply_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)
        if busy:
            self.error.setVisible(False)
            self.summary.setText(self.tr("Saving and recomputing the open tickets' clocks…"))

    def finish_apply(self) -> None:
        self.applied = True
        self.set_busy(False)
        self.accept()

    def apply_failed(self, message: str) -> None:
        self.set_busy(False)
        pal = self.error.palette()
        pal.setColor(self.error.foregroundRole(), error_color(self.palette()))
        self.error.setPalette(pal)
        self.error.setText(message)
        self.error.setVisible(True)
