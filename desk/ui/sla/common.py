"""What the SLA views share: pause wording, warning and breach colours and icons,
and the one countdown timer every view repaints on.

Colours follow the palette: the amber and red are chosen for the window colour of the
current scheme (light or dark), and text always accompanies them (an icon and words), so
colour is never the only signal.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QStyle

from desk.domain.enums import Status
from desk.slaops.queue_cells import BREACHED, WARNING
from desk.ui.i18n import translate, wall_time
from desk.ui.ticket.common import FieldBox, error_color, is_dark

TICK_MS = 30_000  # the countdown moves by minutes; twice a minute keeps it honest


def paused_text(reason: str | None) -> str:
    """``paused — pending customer``: whole phrases, so each language words them its way.
    No pause symbol: the cell draws a pause icon beside it (no common font has U+23F8)."""
    phrases = {
        Status.PENDING_CUSTOMER.value: lambda: translate("paused — pending customer"),
        Status.PENDING_VENDOR.value: lambda: translate("paused — pending vendor"),
        Status.PENDING_CHANGE.value: lambda: translate("paused — pending change"),
    }
    if reason in phrases:
        return phrases[reason]()
    if reason:
        try:
            label = Status(reason).label
        except ValueError:
            label = reason
        return translate("paused — {reason}").format(reason=label)
    return translate("paused")


def warning_color(palette: QPalette) -> QColor:
    """An amber readable on the current window colour."""
    return QColor("#f0b429") if is_dark(palette) else QColor("#a15c00")


def level_color(level: str, palette: QPalette) -> QColor | None:
    if level == BREACHED:
        return error_color(palette)
    if level == WARNING:
        return warning_color(palette)
    return None


def level_icon(level: str, paused: bool = False) -> QIcon:
    """A standard icon per state, so the cell says it without colour too."""
    style = QApplication.style()
    if level == BREACHED:
        return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
    if level == WARNING:
        return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
    if paused:
        return style.standardIcon(QStyle.StandardPixmap.SP_MediaPause)
    return QIcon()


def zone_time(dt: datetime | None, zone: str) -> str:
    """An instant as wall time in ``zone`` (the calendar's), with the zone's name."""
    if dt is None or not zone:
        return ""
    try:
        local = dt.astimezone(ZoneInfo(zone))
    except (KeyError, ValueError):
        return ""
    return f"{wall_time(local)} {zone}"


class Ticker(QObject):
    """The one countdown timer: every SLA view repaints on its ``tick``.

    One per application (``ticker()``): the queue's cells, the ticket form's panel and the
    notifications share it, so a console with many views wakes up once per interval.
    """

    tick = Signal()

    def __init__(self, interval_ms: int = TICK_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.tick)
        self.timer.start()


_ticker: Ticker | None = None


def ticker() -> Ticker:
    """The application's countdown timer (made on first use, owned by the application)."""
    global _ticker
    from shiboken6 import isValid

    if _ticker is None or not isValid(_ticker):
        _ticker = Ticker(parent=QCoreApplication.instance())
    return _ticker


def state_label(state: str | None) -> str:
    """A clock state in words (lower case, for use inside sentences)."""
    if state is None:
        return translate("no clock")
    return {
        "running": lambda: translate("running"),
        "paused": lambda: translate("paused"),
        "met": lambda: translate("met"),
        "breached": lambda: translate("breached"),
        "cancelled": lambda: translate("cancelled"),
    }.get(state, lambda: state)()


def form_row(form: QFormLayout, text: str, box: FieldBox) -> QLabel:
    """A form row whose mnemonic (``&Name``) focuses the field inside its error box."""
    label = QLabel(text)
    label.setBuddy(box.field)
    form.addRow(label, box)
    return label
