"""Live updates in the console: other consoles' changes reach every view without F5.

The core listener (``desk.db.live``) runs on a thread of its own; this adapter hands what it
delivers to the GUI thread, where it becomes one more publication of the change broadcast
(``DbRunner.publish`` with origin ``LIVE_ORIGIN``), and tells the status bar whether the
console is live.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, Signal, Slot

from desk.connect import Listener, listen
from desk.services.changes import Changes
from desk.ui.worker import DbRunner

#: The origin of changes that arrived from other consoles (through the feed or the file).
LIVE_ORIGIN = "live"


class LiveUpdates(QObject):
    """Starts listening on construction; ``stop()`` before the runner shuts down."""

    status_changed = Signal(bool)  # True: live; False: offline, reconnecting
    _arrived = Signal(object)
    _status = Signal(bool)

    def __init__(self, runner: DbRunner, position: str | None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        # The listener's thread emits; once stopped it must not emit on a deleted object.
        self._lock = threading.Lock()
        self._stopped = False
        self._arrived.connect(self._publish, Qt.ConnectionType.QueuedConnection)
        self._status.connect(self._set_status, Qt.ConnectionType.QueuedConnection)
        self.listener: Listener = listen(runner.db, position, self._from_thread_changes,
                                         self._from_thread_status)

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
        self.listener.stop()

    def _from_thread_changes(self, changes: Changes) -> None:
        with self._lock:
            if not self._stopped:
                self._arrived.emit(changes)

    def _from_thread_status(self, online: bool) -> None:
        with self._lock:
            if not self._stopped:
                self._status.emit(online)

    @Slot(object)
    def _publish(self, changes: Changes) -> None:
        if not self._stopped:
            self.runner.publish(changes, LIVE_ORIGIN)

    @Slot(bool)
    def _set_status(self, online: bool) -> None:
        if not self._stopped:
            self.status_changed.emit(online)
