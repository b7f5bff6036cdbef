"""SLA notifications: escalations run every minute, and a ticket of my groups that reaches
its warning threshold or breaches shows once — in an in-app banner always, and as a
system tray message where the desktop has a tray.

What was already due when the agent signed in (the console's first round: escalations
nobody ran while no console was open, or fired while this one was closed) is not news one
ticket at a time: it collapses into one summary line that opens the queue listing them
(*SLA breached*, or *Breaching soon* when none breached).
A breach supersedes the warning of the same ticket and target, and the notices behind the
current one are a scrollable list in the banner, however many there are.

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
from PySide6.QtGui import QIcon, QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QSystemTrayIcon,
    QToolButton,
    QVBoxLayout,
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


# The "more" list shows this many rows before it scrolls.
LIST_ROWS = 8
# What the summary of notices already due at sign-in opens: the breached when there are.
BREACHED_VIEW = "builtin:breached"
AT_RISK_VIEW = "builtin:breaching"


class NotificationBanner(QFrame):
    """The in-app notice of SLA warnings and breaches; click it to open the ticket.

    Above the newest notice, a summary line counts those that were already due at sign-in
    and opens the queue that lists them; "N more" unfolds the other notices as a list.
    """

    openTicketRequested = Signal(object)  # ticket id
    openQueueRequested = Signal(str)  # a view key

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("slaBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.pending: list[Notification] = []  # most urgent first; the first is shown
        self.backlog: list[Notification] = []  # due at sign-in, only counted
        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 5, 6, 5)
        outer.setSpacing(4)

        self.summary_row = QWidget(self)
        srow = QHBoxLayout(self.summary_row)
        srow.setContentsMargins(0, 0, 0, 0)
        srow.setSpacing(8)
        self.summary_icon = QLabel(self.summary_row)
        srow.addWidget(self.summary_icon)
        self.summary = QLabel(self.summary_row)
        self.summary.setWordWrap(True)
        srow.addWidget(self.summary, 1)
        self.queue_button = QPushButton(self.tr("Show in &queue"), self.summary_row)
        self.queue_button.clicked.connect(self.open_backlog)
        srow.addWidget(self.queue_button)
        self.summary_close = self._close_button(self.tr("Dismiss the summary"),
                                                self.dismiss_backlog)
        srow.addWidget(self.summary_close)
        outer.addWidget(self.summary_row)

        self.current_row = QWidget(self)
        self.current_row.setCursor(Qt.CursorShape.PointingHandCursor)
        lay = QHBoxLayout(self.current_row)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(8)
        self.icon = QLabel(self.current_row)
        lay.addWidget(self.icon)
        self.text = QLabel(self.current_row)
        self.text.setWordWrap(True)
        lay.addWidget(self.text, 1)
        self.open_button = QPushButton(self.tr("&Open ticket"), self.current_row)
        self.open_button.clicked.connect(self.open_current)
        lay.addWidget(self.open_button)
        self.more_button = QToolButton(self.current_row)
        self.more_button.setCheckable(True)
        self.more_button.toggled.connect(self._toggle_list)
        lay.addWidget(self.more_button)
        lay.addWidget(self._close_button(self.tr("Dismiss SLA notice"), self.dismiss))
        outer.addWidget(self.current_row)

        # A list, not a menu: a menu of a hundred entries fills the screen in columns and is
        # cut off; the list scrolls inside the banner.
        self.more_list = QListWidget(self)
        self.more_list.setAccessibleName(self.tr("More SLA notices"))
        self.more_list.itemActivated.connect(self._list_open)
        self.more_list.itemClicked.connect(self._list_open)
        self.more_list.setVisible(False)
        outer.addWidget(self.more_list)
        self.setVisible(False)

    def _close_button(self, name: str, slot: Callable[[], None]) -> QToolButton:
        close = QToolButton(self)
        close.setText("×")
        close.setToolTip(self.tr("Dismiss"))
        close.setAccessibleName(name)
        close.clicked.connect(slot)
        return close

    def add(self, notes: list[Notification]) -> None:
        """Show new notifications on top of those not yet opened; a breach replaces the
        warning of the same ticket and target."""
        self.pending = sorted(supersede(notes + self.pending), key=urgency, reverse=True)
        breached = {(n.ticket_id, n.target) for n in notes if n.level == Level.BREACH}
        self.backlog = [n for n in self.backlog if (n.ticket_id, n.target) not in breached]
        self._show()

    def add_backlog(self, notes: list[Notification]) -> None:
        """Count notifications that were already due at sign-in in the summary line."""
        self.backlog = supersede(notes + self.backlog)
        self._show()

    def current(self) -> Notification | None:
        return self.pending[0] if self.pending else None

    def summary_text(self) -> str:
        breached = sum(1 for n in self.backlog if n.level == Level.BREACH)
        # Both counts, always: one wording for any number, in every language.
        return self.tr("SLA targets of your groups already due when you signed in — "
                       "breached: {b}, at warning: {w}").format(
            b=breached, w=len(self.backlog) - breached)

    def open_current(self) -> None:
        note = self.current()
        if note is not None:
            self._open(note)

    def open_backlog(self) -> None:
        breach = any(n.level == Level.BREACH for n in self.backlog)
        self.backlog = []
        self._show()
        self.openQueueRequested.emit(BREACHED_VIEW if breach else AT_RISK_VIEW)

    def dismiss(self) -> None:
        self.pending = []
        self._show()

    def dismiss_backlog(self) -> None:
        self.backlog = []
        self._show()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if (event.button() == Qt.MouseButton.LeftButton and self.current_row.geometry()
                .contains(event.position().toPoint())):
            self.open_current()
            event.accept()
            return
        super().mousePressEvent(event)

    def _open(self, note: Notification) -> None:
        key = notification_key(note)
        self.pending = [n for n in self.pending if notification_key(n) != key]
        self._show()
        self.openTicketRequested.emit(note.ticket_id)

    def _list_open(self, item: QListWidgetItem) -> None:
        note = item.data(Qt.ItemDataRole.UserRole)
        if note is None or not item.flags() & Qt.ItemFlag.ItemIsEnabled:
            return
        # Greyed where it is until the list is next filled: removing it would move the next
        # notice under the pointer, and a double-click's second click would open that one.
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        key = notification_key(note)
        self.pending = [n for n in self.pending if notification_key(n) != key]
        self.more_button.setText(self.tr("{n} more").format(n=len(self.pending) - 1))
        self.openTicketRequested.emit(note.ticket_id)

    def _toggle_list(self, on: bool) -> None:
        self.more_list.setVisible(on and len(self.pending) > 1)

    def _show(self) -> None:
        self.summary_row.setVisible(bool(self.backlog))
        if self.backlog:
            breach = any(n.level == Level.BREACH for n in self.backlog)
            self.summary_icon.setPixmap(
                level_icon(BREACHED if breach else WARNING).pixmap(20, 20))
            self.summary.setText(self.summary_text())
        note = self.current()
        self.current_row.setVisible(note is not None)
        self._fill_list()
        on_show = ([note] if note is not None else []) + self.backlog
        self.setVisible(bool(on_show))
        if not on_show:
            return
        level = BREACHED if any(n.level == Level.BREACH for n in on_show) else WARNING
        color = level_color(level, self.palette())
        accent = color.name() if color is not None else "palette(mid)"
        self.setStyleSheet(
            "QFrame#slaBanner { background: palette(alternate-base); border: 1px solid "
            f"palette(mid); border-left: 4px solid {accent}; border-radius: 4px; }}")
        if note is None:
            return
        self.icon.setPixmap(level_icon(
            BREACHED if note.level == Level.BREACH else WARNING).pixmap(20, 20))
        self.text.setText(describe(note))
        self.current_row.setToolTip(self.tr("Click to open {number}").format(number=note.number))

    def _fill_list(self) -> None:
        others = self.pending[1:]
        self.more_list.clear()
        for other in others:
            item = QListWidgetItem(describe(other), self.more_list)
            item.setData(Qt.ItemDataRole.UserRole, other)
            item.setIcon(level_icon(BREACHED if other.level == Level.BREACH else WARNING))
        rows = min(len(others), LIST_ROWS)
        row_height = self.more_list.sizeHintForRow(0) if others else 0
        self.more_list.setFixedHeight(rows * row_height + 2 * self.more_list.frameWidth())
        self.more_button.setText(self.tr("{n} more").format(n=len(others)))
        self.more_button.setVisible(bool(others))
        if not others and self.more_button.isChecked():
            self.more_button.setChecked(False)
        self.more_list.setVisible(bool(others) and self.more_button.isChecked())


def supersede(notes: list[Notification]) -> list[Notification]:
    """One notice per ticket and target: a breach makes its warning old news."""
    breached = {(n.ticket_id, n.target) for n in notes if n.level == Level.BREACH}
    out, keys = [], set()
    for n in notes:
        key = notification_key(n)
        if key in keys or (n.level != Level.BREACH and (n.ticket_id, n.target) in breached):
            continue
        keys.add(key)
        out.append(n)
    return out


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

    shown = Signal(object)  # list[Notification] shown one by one by the last round
    summarized = Signal(object)  # list[Notification] already due at sign-in
    openTicketRequested = Signal(object)  # ticket id
    openQueueRequested = Signal(str)  # a view key
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
        self.first_round = True
        self.tray: QSystemTrayIcon | None = None
        self._tray_ticket: Any = None
        if use_tray and QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(self._tray_icon(), self)
            self.tray.setToolTip(self.tr("Desk — SLA notifications"))
            self.tray.messageClicked.connect(self._tray_clicked)
            self.tray.show()
        banner.openTicketRequested.connect(self.openTicketRequested)
        banner.openQueueRequested.connect(self.openQueueRequested)
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
        for n in fresh:
            self.seen[notification_key(n)] = n.fired_at.isoformat()
        fresh = sorted(supersede(fresh), key=urgency, reverse=True)
        backlog, self.first_round = self.first_round, False
        if fresh:
            self._save_seen()
            if backlog:
                self.banner.add_backlog(fresh)
                self.summarized.emit(fresh)
            else:
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
