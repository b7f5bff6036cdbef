"""SLA notifications: escalations run every minute, and a ticket of my groups that reaches
its warning threshold or breaches shows once — in an in-app banner always, and as a
system tray message where the desktop has a tray.

Every console runs ``run_escalations`` through its database worker; the escalation table
lets each (ticket, target, level) fire exactly once across all consoles, and its rows are
the notifications every console of the ticket's group polls. Which ones this console has
shown is remembered in memory and in QSettings per database (UI state, not desk data), so a
restart does not show them again. Clicking the banner (or the tray message) opens the
ticket.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QIcon, QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStyle,
    QSystemTrayIcon,
    QToolButton,
    QWidget,
)

from desk.errors import DeskError
from desk.services.changes import Written
from desk.services.people import CurrentUser
from desk.sla.policy import Level
from desk.slaops.admin import EscalationTick, escalation_tick, notification_key
from desk.slaops.escalation import Notification
from desk.slaops.queue_cells import BREACHED, WARNING
from desk.timeutil import utcnow
from desk.ui.sla.common import level_color, level_icon
from desk.ui.worker import DbRunner

ESCALATE_EVERY_MS = 60_000
FIRST_RUN_MS = 3_000  # after start-up, once the window has settled
# A console's first poll on a database shows what fired this recently; older escalations
# were someone else's news.
BACKLOG = timedelta(hours=1)
# Other consoles commit escalations stamped a little before this console sees them.
SLACK = timedelta(minutes=10)


class NotificationBanner(QFrame):
    """The in-app notice of SLA warnings and breaches; click it to open the ticket."""

    openTicketRequested = Signal(object)  # ticket id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("slaBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.pending: list[Notification] = []  # newest first; the first is shown
        lay = QHBoxLayout(self)
        lay.setContentsMargins(10, 5, 6, 5)
        lay.setSpacing(8)
        self.icon = QLabel(self)
        lay.addWidget(self.icon)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        lay.addWidget(self.text, 1)
        self.open_button = QPushButton(self.tr("&Open ticket"), self)
        self.open_button.clicked.connect(self.open_current)
        lay.addWidget(self.open_button)
        self.more_button = QToolButton(self)
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_menu = QMenu(self.more_button)
        self.more_button.setMenu(self.more_menu)
        lay.addWidget(self.more_button)
        close = QToolButton(self)
        close.setText("×")
        close.setToolTip(self.tr("Dismiss"))
        close.setAccessibleName(self.tr("Dismiss SLA notice"))
        close.clicked.connect(self.dismiss)
        lay.addWidget(close)
        self.setVisible(False)

    def add(self, notes: list[Notification]) -> None:
        """Show new notifications (newest first) on top of those not yet opened."""
        known = {notification_key(n) for n in self.pending}
        fresh = [n for n in notes if notification_key(n) not in known]
        self.pending = sorted(fresh + self.pending, key=urgency, reverse=True)
        self._show()

    def current(self) -> Notification | None:
        return self.pending[0] if self.pending else None

    def open_current(self) -> None:
        note = self.current()
        if note is not None:
            self._open(note)

    def dismiss(self) -> None:
        self.pending = []
        self._show()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.open_current()
            event.accept()
            return
        super().mousePressEvent(event)

    def _open(self, note: Notification) -> None:
        key = notification_key(note)
        self.pending = [n for n in self.pending if notification_key(n) != key]
        self._show()
        self.openTicketRequested.emit(note.ticket_id)

    def _show(self) -> None:
        note = self.current()
        if note is None:
            self.setVisible(False)
            return
        level = BREACHED if note.level == Level.BREACH else WARNING
        self.icon.setPixmap(level_icon(level).pixmap(20, 20))
        color = level_color(level, self.palette())
        accent = color.name() if color is not None else "palette(mid)"
        self.setStyleSheet(
            "QFrame#slaBanner { background: palette(alternate-base); border: 1px solid "
            f"palette(mid); border-left: 4px solid {accent}; border-radius: 4px; }}")
        self.text.setText(describe(note))
        self.setToolTip(self.tr("Click to open {number}").format(number=note.number))
        self.more_menu.clear()
        for other in self.pending[1:]:
            action = QAction(describe(other), self.more_menu)
            action.triggered.connect(lambda _c=False, n=other: self._open(n))
            self.more_menu.addAction(action)
        self.more_button.setText(self.tr("{n} more").format(n=len(self.pending) - 1))
        self.more_button.setVisible(len(self.pending) > 1)
        self.setVisible(True)


def urgency(note: Notification) -> tuple[datetime, bool]:
    """Newest first; of those fired together, breaches before warnings."""
    return note.fired_at, note.level == Level.BREACH


def describe(note: Notification) -> str:
    """``INC0000042: Resolution target breached — Mail is down``."""
    return f"{note.text} — {note.title}"


class NotificationCenter(QObject):
    """Runs escalations every minute and shows new notifications of ``me``'s groups once.

    ``now`` supplies the current instant (tests move it); ``tick()`` runs one round now.
    """

    shown = Signal(object)  # list[Notification] shown by the last round
    openTicketRequested = Signal(object)  # ticket id
    tickDone = Signal(object)  # EscalationTick

    def __init__(self, runner: DbRunner, me: CurrentUser, settings: QSettings, database: str,
                 banner: NotificationBanner, *, now: Callable[[], datetime] = utcnow,
                 interval_ms: int = ESCALATE_EVERY_MS, use_tray: bool = True,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.me = me
        self.settings = settings
        self.banner = banner
        self.now = now
        digest = hashlib.sha1(database.encode("utf-8")).hexdigest()[:16]
        self._key = f"sla_notifications/{digest}"
        self.seen: dict[str, str] = self._load_seen()  # key -> fired_at ISO
        self._op: Any = None
        self.tray: QSystemTrayIcon | None = None
        self._tray_ticket: Any = None
        if use_tray and QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(self._tray_icon(), self)
            self.tray.setToolTip(self.tr("Desk — SLA notifications"))
            self.tray.messageClicked.connect(self._tray_clicked)
            self.tray.show()
        banner.openTicketRequested.connect(self.openTicketRequested)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.tick)

    # ------------------------------------------------------------ running

    def start(self, first_after_ms: int = FIRST_RUN_MS) -> None:
        self.timer.start()
        QTimer.singleShot(first_after_ms, self, self.tick)

    def stop(self) -> None:
        self.timer.stop()
        if self.tray is not None:
            self.tray.hide()

    def tick(self) -> None:
        """Run the escalations and poll (one round in flight at a time)."""
        if self._op is not None:
            return
        now = self.now()
        self._op = self.runner.write(
            escalation_tick, list(self.me.group_ids), self._since(now), now,
            owner=self, on_done=self._done, on_error=self._failed,
            label="sla escalations")

    def _done(self, written: Written[EscalationTick]) -> None:
        result = written.value
        self._op = None
        fresh = [n for n in result.notifications if notification_key(n) not in self.seen]
        fresh.sort(key=urgency, reverse=True)
        for n in fresh:
            self.seen[notification_key(n)] = n.fired_at.isoformat()
        if fresh:
            self._save_seen()
            self.banner.add(fresh)
            self._tray_message(fresh)
            self.shown.emit(fresh)
        self.tickDone.emit(result)

    def _failed(self, err: BaseException) -> None:
        self._op = None
        if not isinstance(err, DeskError):
            raise err
        # Escalations wait for the next round; the status bar shows why the database failed.
        self.runner.failed.emit(str(err))

    # ------------------------------------------------------------ what was shown

    def _since(self, now: datetime) -> datetime:
        if not self.seen:
            stored = self.settings.value(self._key + "/started")
            if isinstance(stored, str) and stored:
                return datetime.fromisoformat(stored) - SLACK
            start = now - BACKLOG
            self.settings.setValue(self._key + "/started", start.isoformat())
            return start
        newest = max(datetime.fromisoformat(v) for v in self.seen.values())
        return newest - SLACK

    def _load_seen(self) -> dict[str, str]:
        raw = self.settings.value(self._key + "/seen")
        if not isinstance(raw, str) or not raw:
            return {}
        try:
            data = json.loads(raw)
        except json.JSONDecodeError:
            return {}
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}

    def _save_seen(self) -> None:
        # Only what the next poll can return again needs remembering.
        newest = max(datetime.fromisoformat(v) for v in self.seen.values())
        keep_after = newest - SLACK - timedelta(minutes=1)
        self.seen = {k: v for k, v in self.seen.items()
                     if datetime.fromisoformat(v) >= keep_after}
        self.settings.setValue(self._key + "/seen", json.dumps(self.seen))
        self.settings.setValue(self._key + "/started", keep_after.isoformat())

    # ------------------------------------------------------------ tray

    def _tray_icon(self) -> QIcon:
        icon = QApplication.windowIcon()
        if icon.isNull():
            icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        return icon

    def _tray_message(self, fresh: list[Notification]) -> None:
        if self.tray is None:
            return
        note = fresh[0]
        self._tray_ticket = note.ticket_id
        breach = any(n.level == Level.BREACH for n in fresh)
        title = self.tr("SLA breached") if breach else self.tr("SLA warning")
        text = describe(note)
        if len(fresh) > 1:
            text += "\n" + self.tr("and {n} more").format(n=len(fresh) - 1)
        icon = (QSystemTrayIcon.MessageIcon.Critical if breach
                else QSystemTrayIcon.MessageIcon.Warning)
        self.tray.showMessage(title, text, icon, 15_000)

    def _tray_clicked(self) -> None:
        if self._tray_ticket is not None:
            self.openTicketRequested.emit(self._tray_ticket)
