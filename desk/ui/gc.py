"""Garbage collection on the GUI thread only, in short steps.

Python's cyclic collector runs on whichever thread happens to allocate when a threshold is
crossed — often the database worker. A Qt wrapper collected there deletes its QWidget off the
GUI thread, and Qt crashes the process. As Anki does, Desk turns automatic collection off and
collects from a timer on the GUI thread instead.

The timer follows CPython's own generational policy: the young generation when enough objects
were allocated, the middle one every ``threshold1`` young collections, the old one every
``threshold2`` middle ones — not a full collection each time, which walks every object the
process holds (tens of milliseconds in a console with SQLAlchemy and Qt loaded: a visible
stall). ``freeze()`` once start-up is done moves everything allocated so far (modules, the
schema, the main window) out of the collector's sight for good, so even the old generation's
collection only walks what the session has made since.
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

    def collect_if_due(self) -> int | None:
        """Collect the generation CPython would collect now, if any (returned)."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        if counts[0] < thresholds[0]:
            return None
        generation = 0
        if counts[1] >= thresholds[1]:
            generation = 2 if counts[2] >= thresholds[2] else 1
        gc.collect(generation)
        return generation

    @staticmethod
    def freeze() -> None:
        """Start-up is done: what exists now lives as long as the process (see above)."""
        gc.collect()
        gc.freeze()

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()
