"""The ticket form's SLA panel: every target, when it is due, and why the clock shows what
it shows.

The top table lists the clocks (state, remaining business time, the due instant in the
viewer's local time and in the calendar's own zone, policy and calendar). Below, the
timeline of the chosen clock from ``desk.slaops.service.explain``: a strip drawn to scale and
the spans in words — running in business hours, not counting outside them or on a holiday,
paused by a status, stopped — with what each span added to the clock.

The panel reads through the ``DbRunner`` and follows the change broadcast (a change of the
ticket, its clocks, or the SLA configuration) and the shared countdown tick while visible.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QHelpEvent,
    QIcon,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desk.errors import DeskError, NotFound
from desk.services.changes import Changes
from desk.services.people import CurrentUser
from desk.sla.explain import Reason, Span, SpanKind
from desk.slaops.admin import PanelData, panel_data
from desk.slaops.queue_cells import BREACHED, OK, WARNING
from desk.slaops.service import ClockView
from desk.ui.i18n import format_duration, format_remaining, local_time
from desk.ui.sla.common import (
    level_color,
    level_icon,
    paused_text,
    ticker,
    zone_time,
)
from desk.ui.ticket.common import is_dark
from desk.ui.worker import DbRunner

SLA_TABLES = frozenset({"sla_clocks", "sla_policies", "sla_targets", "sla_calendars"})


def clock_level(clock: ClockView) -> str:
    if clock.breached:
        return BREACHED
    if clock.warned:
        return WARNING
    return OK


def span_color(span: Span, palette: QPalette) -> QColor:
    dark = is_dark(palette)
    if span.kind == SpanKind.RUNNING:
        return QColor("#66bb6a" if dark else "#2e7d32")
    if span.reason == Reason.STATUS:
        return QColor("#ce93d8" if dark else "#8e24aa")
    if span.reason == Reason.HOLIDAY:
        return QColor("#4fc3f7" if dark else "#0277bd")
    if span.kind == SpanKind.STOPPED:
        return QColor("#9e9e9e" if dark else "#424242")
    return palette.color(QPalette.ColorRole.Mid)


def swatch(color: QColor, size: int = 10) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(color)
    return QIcon(pixmap)


class TimelineStrip(QWidget):
    """The spans of one clock drawn to scale in real time, with the due instant marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spans: tuple[Span, ...] = ()
        self.due: datetime | None = None
        self.setMinimumHeight(26)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)

    def sizeHint(self) -> QSize:
        return QSize(400, 26)

    def set_spans(self, spans: tuple[Span, ...], due: datetime | None) -> None:
        self.spans = spans
        self.due = due
        self.setToolTip("")
        self.update()

    def _range(self) -> tuple[float, float]:
        lo = self.spans[0].start.timestamp()
        hi = max(s.end.timestamp() for s in self.spans)
        if self.due is not None:
            hi = max(hi, self.due.timestamp())
        return lo, max(hi, lo + 1)

    def _x(self, t: float, lo: float, hi: float) -> float:
        return 1 + (self.width() - 2) * (t - lo) / (hi - lo)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        pal = self.palette()
        painter.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        if not self.spans:
            painter.end()
            return
        lo, hi = self._range()
        bar = QRectF(0, 5, self.width(), self.height() - 10)
        for span in self.spans:
            x0 = self._x(span.start.timestamp(), lo, hi)
            x1 = max(self._x(span.end.timestamp(), lo, hi), x0 + 1)
            painter.fillRect(QRectF(x0, bar.top(), x1 - x0, bar.height()),
                             span_color(span, pal))
        last = max(s.end.timestamp() for s in self.spans)
        if self.due is not None and self.due.timestamp() > last:
            # What is left if the clock keeps running: lighter, up to the due mark.
            ahead = QColor(span_color(self.spans[-1], pal))
            ahead.setAlpha(70)
            x0 = self._x(last, lo, hi)
            painter.fillRect(QRectF(x0, bar.top(), self._x(self.due.timestamp(), lo, hi) - x0,
                                    bar.height()), ahead)
        if self.due is not None:
            x = self._x(self.due.timestamp(), lo, hi)
            painter.setPen(QPen(pal.color(QPalette.ColorRole.Text), 2))
            painter.drawLine(QPointF(x, 1), QPointF(x, self.height() - 1))
        painter.setPen(QPen(pal.color(QPalette.ColorRole.Mid), 1))
        painter.setBrush(QBrush())
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()

    def span_at(self, x: float) -> Span | None:
        if not self.spans:
            return None
        lo, hi = self._range()
        t = lo + (x - 1) * (hi - lo) / max(self.width() - 2, 1)
        return next((s for s in self.spans
                     if s.start.timestamp() <= t <= s.end.timestamp()), None)

    def event(self, event: Any) -> bool:
        if isinstance(event, QHelpEvent):
            span = self.span_at(event.pos().x())
            if span is not None:
                QToolTip.showText(event.globalPos(), f"{span.text}\n{local_time(span.start)} – "
                                  f"{local_time(span.end)}", self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)


class SlaPanel(QWidget):
    """The SLA tab of a ticket: ``set_ticket(ticket_id | None)``, ``refresh()``."""

    loaded = Signal()  # fresh data is shown (tests wait on it)

    COLUMNS = ("target", "state", "remaining", "due_local", "due_zone", "policy")

    def __init__(self, runner: DbRunner, me: CurrentUser | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.me = me
        self.ticket_id: uuid.UUID | None = None
        self.data: PanelData | None = None
        self._op: Any = None
        self._again = False
        self._build()
        self.runner.changed.connect(self._on_changed)
        ticker().tick.connect(self._on_tick)

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 6, 0, 0)
        lay.setSpacing(6)
        self.message = QLabel(self)
        self.message.setObjectName("hint")
        self.message.setWordWrap(True)
        lay.addWidget(self.message)

        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setChildrenCollapsible(False)
        lay.addWidget(split, 1)
        self.table = QTableWidget(0, len(self.COLUMNS), split)
        self.table.setHorizontalHeaderLabels([
            self.tr("Target"), self.tr("State"), self.tr("Remaining"),
            self.tr("Due (your time)"), self.tr("Due (calendar time)"),
            self.tr("Policy · calendar")])
        self._table_style(self.table)
        self.table.itemSelectionChanged.connect(self._clock_chosen)
        self.table.setAccessibleName(self.tr("SLA targets"))

        lower = QWidget(split)
        ll = QVBoxLayout(lower)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.setSpacing(4)
        head = QHBoxLayout()
        self.timeline_label = QLabel(self.tr("&Timeline of"), lower)
        head.addWidget(self.timeline_label)
        self.target_combo = QComboBox(lower)
        self.target_combo.currentIndexChanged.connect(self._target_chosen)
        self.timeline_label.setBuddy(self.target_combo)
        head.addWidget(self.target_combo)
        self.summary = QLabel(lower)
        self.summary.setObjectName("hint")
        head.addWidget(self.summary, 1)
        ll.addLayout(head)
        self.strip = TimelineStrip(lower)
        ll.addWidget(self.strip)
        self.legend = QLabel(lower)
        self.legend.setObjectName("hint")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        ll.addWidget(self.legend)
        self.spans_table = QTableWidget(0, 5, lower)
        self.spans_table.setHorizontalHeaderLabels([
            self.tr("From"), self.tr("Until"), self.tr("Length"), self.tr("Counted"),
            self.tr("What the clock did")])
        self._table_style(self.spans_table)
        self.spans_table.setAccessibleName(self.tr("SLA timeline"))
        ll.addWidget(self.spans_table, 1)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        self._update_legend()
        self._show_empty(self.tr("Save the ticket to start its SLA clocks."))

    def _table_style(self, table: QTableWidget) -> None:
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().setVisible(False)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def _update_legend(self) -> None:
        pal = self.palette()

        def swatch(color: QColor, text: str) -> str:
            return (f"<span style='color:{color.name()}'>&#9632;</span>&nbsp;{text}")

        running = Span(datetime.min, datetime.min, SpanKind.RUNNING, Reason.BUSINESS_HOURS)
        paused = Span(datetime.min, datetime.min, SpanKind.PAUSED, Reason.STATUS)
        idle = Span(datetime.min, datetime.min, SpanKind.PAUSED, Reason.OUTSIDE_HOURS)
        holiday = Span(datetime.min, datetime.min, SpanKind.PAUSED, Reason.HOLIDAY)
        stopped = Span(datetime.min, datetime.min, SpanKind.STOPPED, Reason.RESOLVED)
        self.legend.setText("&nbsp;&nbsp;&nbsp;".join([
            swatch(span_color(running, pal), self.tr("counting")),
            swatch(span_color(idle, pal), self.tr("outside business hours")),
            swatch(span_color(holiday, pal), self.tr("holiday")),
            swatch(span_color(paused, pal), self.tr("paused by status")),
            swatch(span_color(stopped, pal), self.tr("stopped")),
            "<b>|</b>&nbsp;" + self.tr("due")]))

    # ------------------------------------------------------------ API

    def set_ticket(self, ticket_id: uuid.UUID | None) -> None:
        if ticket_id == self.ticket_id and self.data is not None:
            return
        self.ticket_id = ticket_id
        self.data = None
        if ticket_id is None:
            self._show_empty(self.tr("Save the ticket to start its SLA clocks."))
            return
        self.refresh()

    def refresh(self) -> None:
        if self.ticket_id is None:
            return
        if self._op is not None:
            self._again = True
            return
        self._op = self.runner.read(panel_data, self.ticket_id,
                                    owner=self, on_done=self._loaded,
                                    on_error=self._failed, label="sla panel")

    def clock(self, target: str) -> ClockView | None:
        if self.data is None:
            return None
        return next((c for c in self.data.clocks if c.target == target), None)

    def row_texts(self) -> list[list[str]]:
        """What the targets table shows, cell by cell (for tests and accessibility)."""
        return [[self.table.item(r, c).text() if self.table.item(r, c) else ""
                 for c in range(self.table.columnCount())] for r in range(self.table.rowCount())]

    def span_texts(self) -> list[str]:
        return [self.spans_table.item(r, 4).text() for r in range(self.spans_table.rowCount())]

    # ------------------------------------------------------------ answers

    def _loaded(self, data: PanelData) -> None:
        self._op = None
        if self._again:
            self._again = False
            self.refresh()
        if data.ticket_id != self.ticket_id:
            return
        self.data = data
        self._show(data)
        self.loaded.emit()

    def _failed(self, err: BaseException) -> None:
        self._op = None
        if not isinstance(err, DeskError):
            raise err
        if isinstance(err, NotFound):
            self._show_empty(self.tr("This ticket no longer exists."))
        else:
            self._show_empty(str(err))

    def _on_changed(self, changes: Changes, _origin: str) -> None:
        if self.ticket_id is None:
            return
        if changes.touches_ticket(self.ticket_id) or changes.touches(*SLA_TABLES):
            self.refresh()

    def _on_tick(self) -> None:
        if self.ticket_id is not None and self.isVisible():
            self.refresh()

    # ------------------------------------------------------------ showing

    def _show_empty(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(True)
        self.table.setRowCount(0)
        self.target_combo.clear()
        self.spans_table.setRowCount(0)
        self.strip.set_spans((), None)
        self.summary.clear()

    def _show(self, data: PanelData) -> None:
        if not data.clocks:
            self._show_empty(self.tr("No SLA policy applies to this ticket."))
            return
        policy = data.clocks[0].policy_name
        self.message.setText(self.tr("Policy {policy}. Times are business time on each "
                                     "target's calendar.").format(policy=policy))
        self.message.setVisible(True)
        wanted = self.target_combo.currentData()
        self.table.setRowCount(len(data.clocks))
        for row, clock in enumerate(data.clocks):
            for col, (text, tip) in enumerate(self._cells(clock)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, clock.target)
                if tip:
                    item.setToolTip(tip)
                self.table.setItem(row, col, item)
            level = clock_level(clock)
            color = level_color(level, self.palette()) if clock.is_open or \
                clock.state == "breached" else None
            for col in (1, 2):
                item = self.table.item(row, col)
                if color is not None:
                    item.setForeground(color)
            icon = level_icon(level if clock.is_open or clock.state == "breached" else OK,
                              paused=clock.state == "paused")
            self.table.item(row, 1).setIcon(icon)
        self.target_combo.blockSignals(True)
        self.target_combo.clear()
        for clock in data.clocks:
            self.target_combo.addItem(clock.label, clock.target)
        idx = self.target_combo.findData(wanted) if wanted else -1
        if idx < 0:
            idx = next((i for i, c in enumerate(data.clocks) if c.is_open), 0)
        self.target_combo.setCurrentIndex(idx)
        self.target_combo.blockSignals(False)
        self._target_chosen()

    def _cells(self, clock: ClockView) -> list[tuple[str, str]]:
        state = self._state_text(clock)
        if clock.is_open:
            remaining = format_remaining(clock.remaining)
            tip = self.tr("{elapsed} of {target} used").format(
                elapsed=format_duration(max(clock.elapsed, 0)),
                target=format_duration(clock.target_seconds))
        elif clock.state == "cancelled":
            remaining, tip = "", ""
        else:
            remaining = self.tr("took {elapsed} of {target}").format(
                elapsed=format_duration(max(clock.elapsed, 0)),
                target=format_duration(clock.target_seconds))
            tip = ""
        if clock.state == "running":
            due_local = local_time(clock.due_at)
            due_zone = zone_time(clock.due_at, clock.calendar_zone)
        elif clock.state == "paused":
            due_local = self.tr("when the pause ends + {left}").format(
                left=format_remaining(clock.remaining)) if clock.remaining > 0 else \
                self.tr("overdue when the pause ends")
            due_zone = ""
        else:
            due_local = self.tr("stopped {when}").format(when=local_time(clock.stopped_at))
            due_zone = zone_time(clock.stopped_at, clock.calendar_zone)
        policy = f"{clock.policy_name} · {clock.calendar_name}"
        return [(clock.label, ""), (state, ""), (remaining, tip), (due_local, ""),
                (due_zone, self.tr("The calendar's time zone")), (policy, "")]

    def _state_text(self, clock: ClockView) -> str:
        if clock.state == "paused":
            text = paused_text(clock.paused_reason)
            if clock.breached:
                return text + " · " + self.tr("breached")
            return text
        if clock.state == "running":
            if clock.breached:
                return self.tr("Breached (running)")
            if clock.warned:
                return self.tr("Running — past warning")
            return self.tr("Running")
        return {"met": self.tr("Met"), "breached": self.tr("Breached"),
                "cancelled": self.tr("Cancelled")}.get(clock.state, clock.state)

    def _clock_chosen(self) -> None:
        items = self.table.selectedItems()
        if items:
            idx = self.target_combo.findData(items[0].data(Qt.ItemDataRole.UserRole))
            if idx >= 0 and idx != self.target_combo.currentIndex():
                self.target_combo.setCurrentIndex(idx)

    def _target_chosen(self) -> None:
        target = self.target_combo.currentData()
        data = self.data
        if data is None or target is None:
            return
        clock = self.clock(target)
        spans = data.timelines.get(target, ())
        self.strip.set_spans(spans, clock.due_at if clock else None)
        self.spans_table.setRowCount(len(spans))
        pal = self.palette()
        for row, span in enumerate(spans):
            length = (span.end - span.start).total_seconds()
            still = span is spans[-1] and clock is not None and clock.is_open
            values = [local_time(span.start),
                      self.tr("now") if still else local_time(span.end),
                      format_duration(length),
                      format_duration(span.counted) if span.counted else "",
                      span.text]
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                if col == 0:
                    item.setIcon(swatch(span_color(span, pal)))
                self.spans_table.setItem(row, col, item)
        counted = sum(s.counted for s in spans)
        if clock is not None:
            self.summary.setText(self.tr("{counted} counted of {target}").format(
                counted=format_duration(counted),
                target=format_duration(clock.target_seconds)))
        for r in range(self.table.rowCount()):
            item = self.table.item(r, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == target:
                self.table.blockSignals(True)
                self.table.selectRow(r)
                self.table.blockSignals(False)
