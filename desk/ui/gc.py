"""Garbage collection on the GUI thread only.

Python's cyclic collector runs on whichever thread happens to allocate when a threshold is
crossed — often the database worker. A Qt wrapper collected there deletes its QWidget off the
GUI thread, and Qt crashes the process. As Anki does, Desk turns automatic collection off and
collects from a timer on the GUI thread instead.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect_if_due)
        self._timer.start()

    def collect_if_due(self) -> None:
        threshold = gc.get_threshold()[0]
        if gc.get_count()[0] >= threshold:
            gc.collect()

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()
