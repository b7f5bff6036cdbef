"""The CMDB browser's own window: the class tree, the CI list and the detail with its graph
need more width than the ticket pane beside the queue can give."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QWidget

from desk.ui.cmdb.browser import CmdbBrowser
from desk.ui.worker import DbRunner

GEOMETRY_KEY = "cmdb/geometry"


class CmdbWindow(QMainWindow):
    openTicketRequested = Signal(object)  # uuid.UUID

    def __init__(self, runner: DbRunner, settings: QSettings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("CMDB — Desk"))
        self.setMinimumSize(900, 560)
        self.browser = CmdbBrowser(runner, self)
        self.browser.openTicketRequested.connect(self.openTicketRequested)
        self.setCentralWidget(self.browser)
        geometry = settings.value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 860)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        super().closeEvent(event)
