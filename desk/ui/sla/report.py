"""The SLA attainment report: targets met and breached per policy, group and month, as a
table, with the overall figure and a CSV export of exactly what is shown."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.errors import DeskError
from desk.sla.policy import Target
from desk.slaops import admin
from desk.slaops.report import AttainmentRow, attainment
from desk.ui.sla.common import warning_color
from desk.ui.ticket.common import error_color
from desk.ui.worker import DbRunner

# Below this share met, the figure is shown as a warning; below the second, as a breach.
WARN_BELOW = 95.0
BAD_BELOW = 80.0


def month_start(d: QDate) -> datetime:
    return datetime(d.year(), d.month(), 1, tzinfo=UTC)


def next_month(d: QDate) -> datetime:
    y, m = (d.year() + 1, 1) if d.month() == 12 else (d.year(), d.month() + 1)
    return datetime(y, m, 1, tzinfo=UTC)


def _write(_db: object, path: str, rows: list[AttainmentRow]) -> int:
    return admin.save_report_csv(path, rows)


class AttainmentDialog(QDialog):
    loaded = Signal()
    exported = Signal(str)  # path

    HEADERS = ("month", "policy", "group", "target", "met", "breached", "total", "percent")

    def __init__(self, runner: DbRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.rows: list[AttainmentRow] = []
        self.setWindowTitle(self.tr("SLA attainment"))
        lay = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.use_from = QCheckBox(self.tr("&From"), self)
        self.from_month = QDateEdit(QDate.currentDate().addMonths(-5), self)
        self.use_until = QCheckBox(self.tr("&Until"), self)
        self.until_month = QDateEdit(QDate.currentDate(), self)
        for edit, check in ((self.from_month, self.use_from),
                            (self.until_month, self.use_until)):
            edit.setDisplayFormat("yyyy-MM")
            edit.setCalendarPopup(True)
            edit.setEnabled(False)
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self.refresh)
            edit.dateChanged.connect(self.refresh)
            filters.addWidget(check)
            filters.addWidget(edit)
        filters.addSpacing(16)
        self.by_month = QCheckBox(self.tr("Per &month"), self)
        self.by_month.setChecked(True)
        self.by_group = QCheckBox(self.tr("Per &group"), self)
        self.by_group.setChecked(True)
        for check in (self.by_month, self.by_group):
            check.toggled.connect(self.refresh)
            filters.addWidget(check)
        filters.addStretch(1)
        lay.addLayout(filters)
        note = QLabel(self.tr("A target counts once its verdict is certain: met or breached "
                              "when its clock stopped, or already past due while open. Months "
                              "are UTC."), self)
        note.setObjectName("hint")
        note.setWordWrap(True)
        lay.addWidget(note)
        self.table = QTableWidget(0, len(self.HEADERS), self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Month"), self.tr("Policy"), self.tr("Group"), self.tr("Target"),
            self.tr("Met"), self.tr("Breached"), self.tr("Total"), self.tr("Attained")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.table, 1)
        self.summary = QLabel(self)
        lay.addWidget(self.summary)
        buttons = QHBoxLayout()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        buttons.addWidget(self.status, 1)
        self.export_button = QPushButton(self.tr("&Export CSV…"), self)
        self.export_button.clicked.connect(self._export_clicked)
        buttons.addWidget(self.export_button)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        buttons.addWidget(close)
        lay.addLayout(buttons)
        self._op: Any = None
        self._again = False
        self.resize(900, 560)
        self.refresh()

    def query(self) -> dict[str, Any]:
        return {
            "since": month_start(self.from_month.date()) if self.use_from.isChecked() else None,
            "until": next_month(self.until_month.date()) if self.use_until.isChecked() else None,
            "by_group": self.by_group.isChecked(), "by_month": self.by_month.isChecked()}

    def refresh(self, *args: Any) -> None:
        if self._op is not None:
            self._again = True
            return
        self.table.setColumnHidden(0, not self.by_month.isChecked())
        self.table.setColumnHidden(2, not self.by_group.isChecked())
        self._op = self.runner.read(attainment, **self.query(), owner=self, on_done=self._shown,
                                    on_error=self._failed, label="sla report")

    def _shown(self, rows: list[AttainmentRow]) -> None:
        self._op = None
        if self._again:
            self._again = False
            self.refresh()
            return
        self.rows = list(rows)
        self.table.setRowCount(len(self.rows))
        pal = self.palette()
        for r, row in enumerate(self.rows):
            target = Target(row.target).label if row.target in Target._value2member_map_ \
                else row.target
            values = [row.month, row.policy, row.group or self.tr("(no group)"), target,
                      str(row.met), str(row.breached), str(row.total), f"{row.percent:.1f} %"]
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                if c >= 4:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
            color = (error_color(pal) if row.percent < BAD_BELOW else
                     warning_color(pal) if row.percent < WARN_BELOW else None)
            if color is not None:
                self.table.item(r, 7).setForeground(color)
        met = sum(r.met for r in self.rows)
        total = sum(r.total for r in self.rows)
        if total:
            self.summary.setText(self.tr("Overall: {met} of {total} targets met ({pct:.1f} %).")
                                 .format(met=met, total=total, pct=100.0 * met / total))
        else:
            self.summary.setText(self.tr("No target has a verdict in this period."))
        self.export_button.setEnabled(bool(self.rows))
        self.loaded.emit()

    def _failed(self, err: BaseException) -> None:
        self._op = None
        if not isinstance(err, DeskError):
            raise err
        self._status(str(err), error=True)

    def table_texts(self) -> list[list[str]]:
        return [[self.table.item(r, c).text() for c in range(self.table.columnCount())]
                for r in range(self.table.rowCount())]

    def export_to(self, path: str | Path) -> None:
        """Write the rows shown to ``path`` (on the worker); ``exported`` when done."""
        self.export_button.setEnabled(False)
        self.runner.read(_write, str(path), list(self.rows),
                         owner=self, on_done=lambda n: self._exported(str(path), n),
                         on_error=self._export_failed, label="sla report csv")

    def _exported(self, path: str, n: int) -> None:
        self.export_button.setEnabled(True)
        self._status(self.tr("Wrote 1 row to {file}.").format(file=Path(path).name) if n == 1
                     else self.tr("Wrote {n} rows to {file}.").format(n=n, file=Path(path).name))
        self.exported.emit(path)

    def _export_failed(self, err: BaseException) -> None:
        self.export_button.setEnabled(True)
        if not isinstance(err, DeskError):
            raise err
        self._status(str(err), error=True)

    def _export_clicked(self) -> None:
        path, _f = QFileDialog.getSaveFileName(self, self.tr("Export SLA attainment"),
                                               "sla-attainment.csv", self.tr("CSV (*.csv)"))
        if path:
            self.export_to(path)

    def _status(self, text: str, error: bool = False) -> None:
        pal = self.status.palette()
        pal.setColor(self.status.foregroundRole(), error_color(self.palette()) if error
                     else self.palette().color(QPalette.ColorRole.WindowText))
        self.status.setPalette(pal)
        self.status.setText(text)
