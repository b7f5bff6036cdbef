"""Small pieces the ticket form's parts share: local time, chips, inline field errors, labels."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from desk.domain.enums import Channel, Kind, ResolutionCode, Status
from desk.domain.priority import level_label, priority_label


def translate(text: str, *, disambiguation: str | None = None) -> str:
    """``text`` in the context ``desk``; ``disambiguation`` tells apart two uses of one English
    text that other languages word differently. Keyword only: lupdate would read a second
    positional literal as ``translate(context, text)``; ``tools/update_translations.py``
    collects both."""
    return QCoreApplication.translate("desk", text, disambiguation)


def local_time(dt: datetime | None, seconds: bool = False) -> str:
    """An aware UTC time as the user's local date and time, in the user's locale."""
    if dt is None:
        return ""
    qdt = QDateTime.fromSecsSinceEpoch(int(dt.timestamp())).toLocalTime()
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        # The C locale's short format ("21 11 2026") reads badly: use ISO order.
        return qdt.toString("yyyy-MM-dd HH:mm:ss" if seconds else "yyyy-MM-dd HH:mm")
    fmt = QLocale.FormatType.LongFormat if seconds else QLocale.FormatType.ShortFormat
    return locale.toString(qdt, fmt)


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def error_color(palette: QPalette) -> QColor:
    """A red readable on the current window colour (light or dark scheme)."""
    return QColor("#ff7b72") if is_dark(palette) else QColor("#c62828")


# Saturated enough for white text on both schemes.
PRIORITY_COLORS = {1: "#c62828", 2: "#e65100", 3: "#b7791f", 4: "#1565c0", 5: "#546e7a"}


class Chip(QLabel):
    """A small rounded label (priority, status, kind) in the ticket header."""

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


def kind_label(kind: str) -> str:
    """Core labels translate through desk.i18n, whose backend the app points at Qt."""
    return Kind(kind).label


def status_label(status: str | None) -> str:
    return Status(status).label if status else ""


def channel_label(channel: str) -> str:
    return Channel(channel).label


def resolution_label(code: str | None) -> str:
    return ResolutionCode(code).label if code else ""


def level_text(level: int) -> str:
    return level_label(level)


def priority_text(priority: int) -> str:
    return priority_label(priority)


def field_label(name: str) -> str:
    """The label of an editable ticket field as the form shows it."""
    labels = {
        "title": translate("Title"),
        "description": translate("Description"),
        "status": translate("Status"),
        "impact": translate("Impact"),
        "urgency": translate("Urgency"),
        "category_id": translate("Category"),
        "channel": translate("Channel"),
        "requester_id": translate("Requester"),
        "organization_id": translate("Organization"),
        "group_id": translate("Assignment group"),
        "assignee_id": translate("Assignee"),
        "parent_id": translate("Parent ticket"),
        "major_incident": translate("Major incident"),
        "resolution_code": translate("Resolution code"),
        "resolution_notes": translate("Resolution notes"),
        "priority": translate("Priority"),
        "attachment": translate("Attachment"),
        "created": translate("Created", disambiguation="ticket history event"),
    }
    return labels.get(name, name)


# Resolution codes that fit each kind (the service accepts any; the form offers these).
RESOLUTION_CODES: dict[str, tuple[ResolutionCode, ...]] = {
    Kind.INCIDENT: (ResolutionCode.SOLVED, ResolutionCode.WORKAROUND,
                    ResolutionCode.NOT_REPRODUCIBLE, ResolutionCode.DUPLICATE,
                    ResolutionCode.USER_ERROR),
    Kind.SERVICE_REQUEST: (ResolutionCode.FULFILLED, ResolutionCode.DUPLICATE,
                           ResolutionCode.USER_ERROR),
    Kind.PROBLEM: (ResolutionCode.SOLVED, ResolutionCode.WORKAROUND, ResolutionCode.DUPLICATE,
                   ResolutionCode.NOT_REPRODUCIBLE),
    Kind.CHANGE: (ResolutionCode.SUCCESSFUL, ResolutionCode.UNSUCCESSFUL),
}
