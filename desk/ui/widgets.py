"""Widgets shared across the console's screens: header chips, fields with an inline message,
the notice line, and the colours and times they show.

One module below every screen, so a screen never imports another screen for a shared piece
(which made the ticket form import the SLA panel lazily to dodge a cycle).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def error_color(palette: QPalette) -> QColor:
    """A red readable on the current window colour (light or dark scheme)."""
    return QColor("#ff7b72") if is_dark(palette) else QColor("#c62828")


# Saturated enough for white text on both schemes.
PRIORITY_COLORS = {1: "#c62828", 2: "#e65100", 3: "#b7791f", 4: "#1565c0", 5: "#546e7a"}


class Chip(QLabel):
    """A small rounded label (priority, status, kind) in a record's header."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setObjectName("chip")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self._color: str | None = None
        self._restyle()

    def set_color(self, color: str | None) -> None:
        """A fixed background colour with white text, or None for the palette's colours."""
        self._color = color
        self._restyle()

    def _restyle(self) -> None:
        if self._color:
            self.setStyleSheet(
                f"QLabel#chip {{ background: {self._color}; color: white; border-radius: 9px;"
                " padding: 2px 10px; font-weight: 600; }")
        else:
            self.setStyleSheet(
                "QLabel#chip { background: palette(alternate-base); color: palette(text);"
                " border: 1px solid palette(mid); border-radius: 9px; padding: 2px 10px; }")


class FieldBox(QWidget):
    """A field with room for an inline error message right below it."""

    def __init__(self, field: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(field)
        self.error = QLabel(self)
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.error)

    def show_error(self, message: str) -> None:
        pal = self.error.palette()
        pal.setColor(QPalette.ColorRole.WindowText, error_color(self.palette()))
        self.error.setPalette(pal)
        self.error.setText(message)
        self.error.setVisible(True)
        self.field.setAccessibleDescription(message)

    def clear_error(self) -> None:
        self.error.clear()
        self.error.setVisible(False)
        self.field.setAccessibleDescription("")


class Banner(QFrame):
    """A notice line above a screen's content (changed elsewhere, an error that belongs to no
    field), with buttons for what the user can do about it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 4, 8, 4)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        lay.addWidget(self.text, 1)
        close = QToolButton(self)
        close.setText("×")
        close.setAccessibleName(self.tr("Dismiss notice"))
        close.setToolTip(self.tr("Dismiss notice"))
        close.clicked.connect(self.dismiss)
        lay.addWidget(close)
        self._buttons: list[QPushButton] = []
        self.setVisible(False)

    @property
    def is_error(self) -> bool:
        return bool(self.property("error"))

    def show_notice(self, text: str, error: bool = False,
                    actions: list[tuple[str, Callable[[], None]]] | None = None) -> None:
        self.setProperty("error", error)
        pal = self.text.palette()
        pal.setColor(self.text.foregroundRole(),
                     error_color(self.palette()) if error
                     else self.palette().color(QPalette.ColorRole.WindowText))
        self.text.setPalette(pal)
        self.text.setText(text)
        for b in self._buttons:
            b.deleteLater()
        self._buttons = []
        for label, fn in actions or []:
            b = QPushButton(label, self)
            b.clicked.connect(fn)
            self.layout().insertWidget(self.layout().count() - 1, b)
            self._buttons.append(b)
        self.setVisible(True)

    def dismiss(self) -> None:
        self.setVisible(False)
        self.setProperty("error", False)
