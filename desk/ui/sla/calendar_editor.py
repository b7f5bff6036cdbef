"""The business calendar editor (administration).

A calendar is working hours per weekday (several segments a day), holidays, make-up
workdays with their own hours (调休), and a time zone. The editor shows the week as a grid
of segments — one line per weekday, typed as ``09:00–12:00, 13:00–18:00`` and drawn to scale
beside it — and the holiday and make-up day lists. Public holidays come from the
``holidays`` tables for a country and years, through a review step where each day can be
left out; JSON files import and export the same format as ``desk sla calendar``.

Saving a calendar that clocks already use first shows which open tickets' due instants
move (``PreviewDialog``); nothing is written until the administrator applies. Mistakes are
shown at the field they belong to (an overlapping segment at its weekday) and nothing typed
is lost.
"""

from __future__ import annotations

import re
import uuid
import zoneinfo
from collections.abc import Mapping
from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk.errors import ConflictError, DeskError, ValidationError
from desk.services.changes import Written
from desk.sla.calendar import WEEKDAYS, BusinessCalendar, CalendarError
from desk.sla.engine import DueMove
from desk.sla.policy import CalendarView
from desk.slaops import admin
from desk.slaops.service import preview_calendar_change
from desk.ui.i18n import date_format, format_remaining, local_date, translate
from desk.ui.sla.common import form_row
from desk.ui.sla.preview import PreviewDialog
from desk.ui.ticket.common import FieldBox, error_color
from desk.ui.worker import DbRunner

DASH = "–"
_SPLIT = re.compile(r"\s*[-–—~]\s*")


class DayItem(QListWidgetItem):
    """A day in a list, shown in the user's date format, kept in calendar order (the text
    of a locale's date does not sort by date)."""

    def __lt__(self, other: QListWidgetItem) -> bool:
        return str(self.data(Qt.ItemDataRole.UserRole)) < str(
            other.data(Qt.ItemDataRole.UserRole))


class DayCell(QTableWidgetItem):
    """A day in a table column, sorted by date like ``DayItem``."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        return str(self.data(Qt.ItemDataRole.UserRole)) < str(
            other.data(Qt.ItemDataRole.UserRole))


def weekday_names() -> list[str]:
    return [translate("Monday"), translate("Tuesday"), translate("Wednesday"),
            translate("Thursday"), translate("Friday"), translate("Saturday"),
            translate("Sunday")]


def segments_text(pairs: Any) -> str:
    """``[["09:00", "12:00"], ["13:00", "18:00"]]`` as ``09:00–12:00, 13:00–18:00``."""
    return ", ".join(f"{a}{DASH}{b}" for a, b in pairs or [])


def parse_segments_text(text: str) -> list[list[str]]:
    """The inverse of ``segments_text``; raises ValueError with a message for the field."""
    pairs = []
    for i, piece in enumerate(p for p in re.split(r"[,;，、]", text) if p.strip()):
        parts = _SPLIT.split(piece.strip())
        if len(parts) != 2 or not all(parts):
            raise ValueError(translate(
                "Segment {n} “{text}”: write each segment as 09:00–12:00, separated by "
                "commas").format(n=i + 1, text=piece.strip()))
        pairs.append([_hhmm(parts[0]), _hhmm(parts[1])])
    return pairs


def _hhmm(value: str) -> str:
    """``9:00`` → ``09:00`` (the format the calendar checks strictly)."""
    m = re.fullmatch(r"(\d{1,2})[:：.](\d{2})", value)
    return f"{int(m[1]):02d}:{m[2]}" if m else value


def _minutes(value: str) -> int:
    h, m = value.split(":")
    return int(h) * 60 + int(m)


def segment_spans(pairs: list[list[str]]) -> list[tuple[int, int]]:
    """Minutes after midnight (end up to 2880 for a segment running overnight)."""
    out = []
    for a, b in pairs:
        start, end = _minutes(a), _minutes(b)
        out.append((start, end if end > start else end + 1440))
    return out


def overlap_message(pairs: list[list[str]]) -> str | None:
    """A message when two segments of one day overlap (said the way the grid shows them)."""
    order = sorted(range(len(pairs)), key=lambda i: _minutes(pairs[i][0]))
    spans = segment_spans(pairs)
    for prev, cur in pairwise(order):
        if spans[cur][0] < spans[prev][1]:
            return translate("{this} overlaps {other}; segments of one day may not overlap"
                             ).format(this=f"{pairs[cur][0]}{DASH}{pairs[cur][1]}",
                                      other=f"{pairs[prev][0]}{DASH}{pairs[prev][1]}")
    return None


def _strip_field(err: CalendarError) -> str:
    """The core's message without its leading field path (the field is shown by place)."""
    text = str(err)
    head = f"{err.field}: " if err.field else ""
    return text[len(head):] if head and text.startswith(head) else text


class DayBar(QWidget):
    """One weekday of the grid drawn to scale, 00:00 to 24:00: its segments filled, the tail
    of the previous day's overnight segment lighter. With ``ruler`` it draws the hour labels
    instead (the header of the column)."""

    def __init__(self, parent: QWidget | None = None, ruler: bool = False) -> None:
        super().__init__(parent)
        self.ruler = ruler
        self.spans: list[tuple[int, int]] = []
        self.spill: list[tuple[int, int]] = []
        self.setMinimumWidth(180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self.fontMetrics().height() + 8)

    def sizeHint(self) -> QSize:
        return QSize(240, self.fontMetrics().height() + 8)

    def set_spans(self, spans: list[tuple[int, int]], spill: list[tuple[int, int]]) -> None:
        self.spans, self.spill = spans, spill
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        pal = self.palette()
        w, h = self.width() - 1, self.height()
        grid = pal.color(QPalette.ColorRole.Mid)
        if self.ruler:
            p.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
            fm = self.fontMetrics()
            for hour in range(0, 25, 6):
                text = f"{hour:02d}"
                x = w * hour / 24 - fm.horizontalAdvance(text) / 2
                x = min(max(x, 0), w - fm.horizontalAdvance(text))
                p.drawText(int(x), h - 4, text)
            p.end()
            return
        top, height = 3, h - 6
        p.fillRect(QRectF(0, top, w, height), pal.color(QPalette.ColorRole.Base))
        fill = pal.color(QPalette.ColorRole.Highlight)
        spill = QColor(fill)
        spill.setAlpha(110)
        for spans, color in ((self.spill, spill), (self.spans, fill)):
            for start, stop in spans:
                x0, x1 = w * start / 1440, w * stop / 1440
                p.fillRect(QRectF(x0, top, max(x1 - x0, 1), height), color)
        p.setPen(grid)
        for hour in range(6, 24, 6):
            x = int(w * hour / 24)
            p.drawLine(x, top, x, top + height)
        p.drawRect(QRectF(0, top, w, height))
        p.end()


class HolidayImportDialog(QDialog):
    """Public holidays and make-up workdays of a country, for review before they are added."""

    def __init__(self, runner: DbRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle(self.tr("Import public holidays"))
        self.proposal: admin.HolidayProposal | None = None
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.country = QComboBox(self)
        self.country.setEditable(True)
        self.country.addItems(_countries())
        self.country.setCurrentText("CN")
        self.country_box = FieldBox(self.country)
        form_row(form, self.tr("&Country (ISO code)"), self.country_box)
        self.subdiv = QLineEdit(self)
        self.subdiv.setPlaceholderText(self.tr("optional, e.g. a state or province code"))
        self.subdiv_box = FieldBox(self.subdiv)
        form_row(form, self.tr("&Subdivision"), self.subdiv_box)
        year = date.today().year
        self.years = QLineEdit(f"{year}, {year + 1}", self)
        self.years.setPlaceholderText(self.tr("2026, 2027 or 2026-2028"))
        self.years_box = FieldBox(self.years)
        form_row(form, self.tr("&Years"), self.years_box)
        lay.addLayout(form)
        self.look_up = QPushButton(self.tr("&Look up"), self)
        self.look_up.clicked.connect(self.fetch)
        lay.addWidget(self.look_up, 0, Qt.AlignmentFlag.AlignLeft)
        self.note = QLabel(self.tr("Review the days below; untick any you do not want."), self)
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        lay.addWidget(self.note)
        lists = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("<b>Holidays</b> (no work)"), self))
        self.holiday_list = QListWidget(self)
        left.addWidget(self.holiday_list)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("<b>Make-up workdays</b> (worked weekend days)"), self))
        self.workday_list = QListWidget(self)
        right.addWidget(self.workday_list)
        lists.addLayout(left, 3)
        lists.addLayout(right, 2)
        lay.addLayout(lists, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.add_button = QPushButton(self.tr("&Add to calendar"), self)
        self.add_button.setEnabled(False)
        self.buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.resize(640, 520)

    def fetch(self) -> None:
        for box in (self.country_box, self.subdiv_box, self.years_box):
            box.clear_error()
        try:
            years = admin.parse_years(self.years.text())
        except CalendarError as err:
            self.years_box.show_error(_strip_field(err))
            return
        self.look_up.setEnabled(False)
        self.runner.read(_propose, self.country.currentText(), years, self.subdiv.text().strip(),
                         owner=self, on_done=self._proposed, on_error=self._failed,
                         label="holiday tables")

    def _proposed(self, proposal: admin.HolidayProposal) -> None:
        self.look_up.setEnabled(True)
        self.proposal = proposal
        names = weekday_names()
        self.holiday_list.clear()
        for day, name in proposal.holidays:
            item = DayItem(f"{local_date(day)}  {names[day.weekday()]}  {name}".strip())
            item.setData(Qt.ItemDataRole.UserRole, day)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.holiday_list.addItem(item)
        self.workday_list.clear()
        for day in proposal.workdays:
            item = DayItem(f"{local_date(day)}  {names[day.weekday()]}")
            item.setData(Qt.ItemDataRole.UserRole, day)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.workday_list.addItem(item)
        self.note.setText(self.tr(
            "{holidays} holidays and {workdays} make-up workdays for {country}. Untick any you "
            "do not want, then add them; the calendar is saved only when you save it.").format(
            holidays=len(proposal.holidays), workdays=len(proposal.workdays),
            country=proposal.country))
        self.add_button.setEnabled(True)

    def _failed(self, err: BaseException) -> None:
        self.look_up.setEnabled(True)
        if not isinstance(err, DeskError):
            raise err
        field = getattr(err, "field", None)
        box = {"country": self.country_box, "subdiv": self.subdiv_box,
               "years": self.years_box}.get(field or "", self.country_box)
        box.show_error(_strip_field(err) if isinstance(err, CalendarError) else str(err))

    def chosen(self) -> tuple[list[date], list[date]]:
        def checked(widget: QListWidget) -> list[date]:
            return [widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
                    if widget.item(i).checkState() == Qt.CheckState.Checked]

        return checked(self.holiday_list), checked(self.workday_list)


def _propose(_db: object, country: str, years: list[int],
             subdiv: str) -> admin.HolidayProposal:
    return admin.propose_holidays(country, years, subdiv or None)


def _countries() -> list[str]:
    import holidays as holidays_package

    return sorted(c for c in holidays_package.list_supported_countries() if len(c) == 2)


class CalendarEditor(QDialog):
    """Business calendars: list on the left, the chosen calendar on the right."""

    saved = Signal(object)  # admin.CalendarSaved

    def __init__(self, runner: DbRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle(self.tr("Business calendars"))
        self.calendars: list[CalendarView] = []
        self.current: CalendarView | None = None
        self._loaded: tuple[str, dict[str, Any]] | None = None
        self._filling = False
        self.preview: PreviewDialog | None = None
        self.holiday_dialog: HolidayImportDialog | None = None
        self._build()
        self.reload()

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setChildrenCollapsible(False)
        outer.addWidget(split, 1)

        left = QWidget(split)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget(left)
        self.list.setAccessibleName(self.tr("Calendars"))
        self.list.currentRowChanged.connect(self._chosen)
        ll.addWidget(self.list, 1)
        self.new_button = QPushButton(self.tr("&New calendar"), left)
        self.new_button.clicked.connect(self.new_calendar)
        ll.addWidget(self.new_button)
        row = QHBoxLayout()
        self.import_button = QPushButton(self.tr("&Import JSON…"), left)
        self.import_button.clicked.connect(self._import_clicked)
        self.export_button = QPushButton(self.tr("E&xport JSON…"), left)
        self.export_button.clicked.connect(self._export_clicked)
        row.addWidget(self.import_button)
        row.addWidget(self.export_button)
        ll.addLayout(row)
        left.setMinimumWidth(200)

        right = QWidget(split)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(6, 0, 0, 0)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name = QLineEdit(right)
        self.name.setMaxLength(120)
        self.name_box = FieldBox(self.name)
        form_row(form, self.tr("&Name"), self.name_box)
        self.tz = QComboBox(right)
        self.tz.setEditable(True)
        self.tz.addItems(sorted(zoneinfo.available_timezones()))
        self.tz.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.tz_box = FieldBox(self.tz)
        form_row(form, self.tr("&Time zone"), self.tz_box)
        rl.addLayout(form)

        self.tabs = QTabWidget(right)
        rl.addWidget(self.tabs, 1)
        self.tabs.addTab(self._build_week(), self.tr("Working hours"))
        self.tabs.addTab(self._build_holidays(), self.tr("Holidays"))
        self.tabs.addTab(self._build_workdays(), self.tr("Make-up workdays"))

        self.status = QLabel(right)
        self.status.setWordWrap(True)
        rl.addWidget(self.status)
        buttons = QHBoxLayout()
        self.holiday_button = QPushButton(self.tr("Import public &holidays…"), right)
        self.holiday_button.clicked.connect(self.open_holiday_import)
        buttons.addWidget(self.holiday_button)
        buttons.addStretch(1)
        self.revert_button = QPushButton(self.tr("&Revert"), right)
        self.revert_button.clicked.connect(self.revert)
        self.save_button = QPushButton(self.tr("&Save…"), right)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        close = QPushButton(self.tr("Close"), right)
        close.clicked.connect(self.reject)
        for b in (self.revert_button, self.save_button, close):
            buttons.addWidget(b)
        rl.addLayout(buttons)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 4)
        self.name.textEdited.connect(self._edited)
        self.tz.currentTextChanged.connect(self._edited)
        self.resize(980, 620)

    def _build_week(self) -> QWidget:
        page = QWidget()
        lay = QHBoxLayout(page)
        grid = QGridLayout()
        grid.setVerticalSpacing(4)
        grid.setHorizontalSpacing(8)
        self.day_edits: dict[str, QLineEdit] = {}
        self.day_boxes: dict[str, FieldBox] = {}
        self.day_totals: dict[str, QLabel] = {}
        grid.addWidget(QLabel(self.tr("<b>Day</b>")), 0, 0)
        grid.addWidget(QLabel(self.tr("<b>Working segments</b>")), 0, 1)
        grid.addWidget(QLabel(self.tr("<b>Hours</b>")), 0, 2)
        self.day_bars: dict[str, DayBar] = {}
        grid.addWidget(DayBar(page, ruler=True), 0, 3)
        for i, (key, label) in enumerate(zip(WEEKDAYS, weekday_names(), strict=True)):
            edit = QLineEdit(page)
            edit.setPlaceholderText(self.tr("closed — or e.g. 09:00–12:00, 13:00–18:00"))
            edit.setAccessibleName(label)
            box = FieldBox(edit)
            name = QLabel(label, page)
            name.setBuddy(edit)
            name.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            name.setContentsMargins(0, 4, 0, 0)
            total = QLabel(page)
            total.setObjectName("hint")
            total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            total.setContentsMargins(0, 4, 0, 0)
            total.setMinimumWidth(48)
            grid.addWidget(name, i + 1, 0)
            grid.addWidget(box, i + 1, 1)
            grid.addWidget(total, i + 1, 2)
            bar = DayBar(page)
            bar.setToolTip(self.tr("{day}, 00:00 to 24:00").format(day=label))
            grid.addWidget(bar, i + 1, 3, Qt.AlignmentFlag.AlignTop)
            self.day_bars[key] = bar
            edit.textEdited.connect(self._edited)
            self.day_edits[key], self.day_boxes[key], self.day_totals[key] = edit, box, total
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        grid.setRowStretch(len(WEEKDAYS) + 1, 1)
        left = QVBoxLayout()
        left.addLayout(grid, 1)
        hint = QLabel(self.tr("Segments are wall time in the calendar's time zone. An end at "
                              "or before the start runs past midnight; 24:00 ends at midnight."),
                      page)
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        left.addWidget(hint)
        lay.addLayout(left)
        return page

    def _build_holidays(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        self.holiday_list = QListWidget(page)
        self.holiday_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.holiday_list.setAccessibleName(self.tr("Holidays"))
        self.holidays_box = FieldBox(self.holiday_list)
        lay.addWidget(self.holidays_box, 1)
        row = QHBoxLayout()
        self.holiday_date = QDateEdit(QDate.currentDate(), page)
        self.holiday_date.setCalendarPopup(True)
        self.holiday_date.setDisplayFormat(date_format())
        row.addWidget(self.holiday_date)
        add = QPushButton(self.tr("Add holiday"), page)
        add.clicked.connect(lambda: self.add_holiday(self.holiday_date.date().toPython()))
        row.addWidget(add)
        remove = QPushButton(self.tr("Remove selected"), page)
        remove.clicked.connect(self._remove_holidays)
        row.addWidget(remove)
        row.addStretch(1)
        lay.addLayout(row)
        return page

    def _build_workdays(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        note = QLabel(self.tr("Days that are worked although they fall on a weekend or "
                              "would otherwise be off (调休), each with its own hours."), page)
        note.setObjectName("hint")
        note.setWordWrap(True)
        lay.addWidget(note)
        self.workday_table = QTableWidget(0, 3, page)
        self.workday_table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Weekday"),
                                                      self.tr("Working segments")])
        self.workday_table.verticalHeader().setVisible(False)
        self.workday_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.workday_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.workday_table.itemChanged.connect(self._edited)
        self.workdays_box = FieldBox(self.workday_table)
        lay.addWidget(self.workdays_box, 1)
        row = QHBoxLayout()
        self.workday_date = QDateEdit(QDate.currentDate(), page)
        self.workday_date.setCalendarPopup(True)
        self.workday_date.setDisplayFormat(date_format())
        row.addWidget(self.workday_date)
        add = QPushButton(self.tr("Add make-up workday"), page)
        add.clicked.connect(lambda: self.add_workday(self.workday_date.date().toPython()))
        row.addWidget(add)
        remove = QPushButton(self.tr("Remove selected"), page)
        remove.clicked.connect(self._remove_workdays)
        row.addWidget(remove)
        row.addStretch(1)
        lay.addLayout(row)
        return page

    # ------------------------------------------------------------ loading

    def reload(self, select: uuid.UUID | None = None) -> None:
        self.runner.read(admin.calendars, owner=self, on_done=lambda c: self._listed(c, select),
                         on_error=self._failed, label="sla calendars")

    def _listed(self, calendars: list[CalendarView], select: uuid.UUID | None) -> None:
        self.calendars = list(calendars)
        wanted = select or (self.current.id if self.current else None)
        idx = next((i for i, c in enumerate(self.calendars) if c.id == wanted), 0)
        self._filling = True
        self.list.clear()
        for cal in self.calendars:
            item = QListWidgetItem(cal.name)
            item.setData(Qt.ItemDataRole.UserRole, cal.id)
            item.setToolTip(str(cal.definition.get("tz", "")))
            self.list.addItem(item)
        if self.calendars:
            self.list.setCurrentRow(idx)
        self._filling = False
        if not self.calendars:
            self.load(None)
        elif select is not None or not self.is_dirty():
            self.load(self.calendars[idx])

    def _chosen(self, row: int) -> None:
        if self._filling or not 0 <= row < len(self.calendars):
            return
        chosen = self.calendars[row]
        if self.current is not None and chosen.id == self.current.id and self._loaded:
            return
        if self.is_dirty():
            self._back_to_current()
            self.set_status(self.tr("Save or revert the changes to {name} first.").format(
                name=self.name.text() or self.tr("the new calendar")), error=True)
            return
        self.load(chosen)

    def _back_to_current(self) -> None:
        self._filling = True
        idx = next((i for i, c in enumerate(self.calendars)
                    if self.current is not None and c.id == self.current.id), -1)
        self.list.setCurrentRow(idx)
        self._filling = False

    def load(self, calendar: CalendarView | None, definition: Mapping[str, Any] | None = None,
             name: str | None = None) -> None:
        """Show ``calendar`` (None: a new one), or ``definition`` in its place."""
        self.current = calendar
        name = name if name is not None else (calendar.name if calendar else "")
        definition = definition if definition is not None else (
            calendar.definition if calendar else {"tz": "UTC", "hours": {
                d: [["09:00", "17:00"]] for d in WEEKDAYS[:5]}})
        self.fill(name, definition)
        canonical = BusinessCalendar.from_dict(definition).to_dict()
        self._loaded = (name, canonical) if calendar is not None else None
        self.clear_errors()
        self.set_status("")
        self._update_buttons()

    def fill(self, name: str, definition: Mapping[str, Any]) -> None:
        """Put a definition in the widgets (plain-date workdays get their shared hours)."""
        canonical = BusinessCalendar.from_dict(definition).to_dict()
        self._filling = True
        try:
            self.name.setText(name)
            self.tz.setCurrentText(str(canonical["tz"]))
            hours = canonical["hours"]
            assert isinstance(hours, dict)
            for key, edit in self.day_edits.items():
                edit.setText(segments_text(hours.get(key, [])))
            self.holiday_list.clear()
            for day in canonical["holidays"]:  # type: ignore[union-attr]
                self._add_holiday_item(date.fromisoformat(day))
            self.workday_table.setRowCount(0)
            workdays = canonical["workdays"]
            assert isinstance(workdays, dict)
            for day, pairs in workdays.items():
                self._add_workday_row(date.fromisoformat(day), segments_text(pairs))
        finally:
            self._filling = False
        self._update_week()

    # ------------------------------------------------------------ editing

    def new_calendar(self) -> None:
        if self.is_dirty():
            self.set_status(self.tr("Save or revert the changes to {name} first.").format(
                name=self.name.text() or self.tr("the new calendar")), error=True)
            return
        self._filling = True
        self.list.clearSelection()
        self.list.setCurrentRow(-1)
        self._filling = False
        self.load(None)
        self.name.setFocus()

    def revert(self) -> None:
        self.load(self.current)
        self._back_to_current()

    def _edited(self, *args: Any) -> None:
        if self._filling:
            return
        self._update_week()
        self._update_buttons()

    def _update_buttons(self) -> None:
        dirty = self.is_dirty()
        self.revert_button.setEnabled(dirty)
        self.save_button.setText(self.tr("&Create") if self.current is None else self.tr("&Save…"))

    def _update_week(self) -> None:
        days: list[list[tuple[int, int]]] = []
        for key in WEEKDAYS:
            try:
                pairs = parse_segments_text(self.day_edits[key].text())
                spans = segment_spans(pairs)
            except (ValueError, IndexError):
                spans = []
            days.append(spans)
            total = sum(b - a for a, b in spans) * 60
            self.day_totals[key].setText(format_remaining(total) if total else "")
        for i, key in enumerate(WEEKDAYS):
            before = days[i - 1]  # Monday's "before" is Sunday: the week repeats
            self.day_bars[key].set_spans(
                [(a, min(b, 1440)) for a, b in days[i]],
                [(0, b - 1440) for _a, b in before if b > 1440])

    def add_holiday(self, day: date) -> None:
        if day.isoformat() not in self.holiday_dates():
            self._add_holiday_item(day)
            self.holiday_list.sortItems()
            self._edited()

    def _add_holiday_item(self, day: date) -> None:
        item = DayItem(f"{local_date(day)}  {weekday_names()[day.weekday()]}")
        item.setData(Qt.ItemDataRole.UserRole, day.isoformat())
        self.holiday_list.addItem(item)

    def _remove_holidays(self) -> None:
        for item in self.holiday_list.selectedItems():
            self.holiday_list.takeItem(self.holiday_list.row(item))
        self._edited()

    def add_workday(self, day: date, hours: str | None = None) -> None:
        if day.isoformat() in {d for d, _t in self.workday_rows()}:
            return
        if hours is None:  # an ordinary working day: Monday's hours
            hours = self.day_edits["mon"].text()
            try:
                hours = segments_text(parse_segments_text(hours))
            except ValueError:
                pass
        self._filling = True
        self._add_workday_row(day, hours)
        self.workday_table.sortItems(0)
        self._filling = False
        self._edited()

    def _add_workday_row(self, day: date, hours: str) -> None:
        row = self.workday_table.rowCount()
        self.workday_table.insertRow(row)
        item = DayCell(local_date(day))
        item.setData(Qt.ItemDataRole.UserRole, day.isoformat())
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.workday_table.setItem(row, 0, item)
        weekday = QTableWidgetItem(weekday_names()[day.weekday()])
        weekday.setFlags(weekday.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.workday_table.setItem(row, 1, weekday)
        self.workday_table.setItem(row, 2, QTableWidgetItem(hours))

    def _remove_workdays(self) -> None:
        rows = sorted({i.row() for i in self.workday_table.selectedItems()}, reverse=True)
        for r in rows:
            self.workday_table.removeRow(r)
        self._edited()

    def holiday_dates(self) -> list[str]:
        return [self.holiday_list.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.holiday_list.count())]

    def workday_rows(self) -> list[tuple[str, str]]:
        return [(self.workday_table.item(r, 0).data(Qt.ItemDataRole.UserRole),
                 self.workday_table.item(r, 2).text())
                for r in range(self.workday_table.rowCount())]

    # ------------------------------------------------------------ the definition

    def definition(self, show_errors: bool = True) -> dict[str, Any] | None:
        """What the widgets say, checked; None (errors shown at their fields) if wrong."""
        problems: list[tuple[str, str]] = []
        hours: dict[str, list[list[str]]] = {}
        for key in WEEKDAYS:
            try:
                pairs = parse_segments_text(self.day_edits[key].text())
            except ValueError as err:
                problems.append((f"hours.{key}", str(err)))
                continue
            try:
                overlap = overlap_message(pairs)
            except ValueError:
                overlap = None  # a malformed time: the calendar's own check says which
            if overlap:
                problems.append((f"hours.{key}", overlap))
            hours[key] = pairs
        workdays: dict[str, list[list[str]]] = {}
        for day, text in self.workday_rows():
            try:
                pairs = parse_segments_text(text)
                overlap = overlap_message(pairs)
            except ValueError as err:
                problems.append(("workdays", f"{day}: {err}"))
                continue
            if overlap:
                problems.append(("workdays", f"{day}: {overlap}"))
            workdays[day] = pairs
        definition = {"tz": self.tz.currentText().strip(), "hours": hours,
                      "holidays": sorted(self.holiday_dates()), "workdays": workdays}
        if not problems:
            try:
                definition = BusinessCalendar.from_dict(definition).to_dict()
            except CalendarError as err:
                problems.append((err.field or "", _strip_field(err)))
        if problems:
            if show_errors:
                self.clear_errors()
                for field, message in problems:
                    self.show_field_error(field, message)
            return None
        return definition

    def is_dirty(self) -> bool:
        if self._loaded is None:  # a new calendar: anything typed counts
            return bool(self.name.text().strip())
        definition = self.definition(show_errors=False)
        return definition is None or (self.name.text().strip(), definition) != self._loaded

    def box_for(self, field: str) -> FieldBox:
        if field.startswith("hours."):
            day = field.split(".", 1)[1][:3]
            return self.day_boxes.get(day, self.tz_box)
        if field.startswith("holidays"):
            return self.holidays_box
        if field.startswith("workday"):
            return self.workdays_box
        if field == "name":
            return self.name_box
        return self.tz_box

    def show_field_error(self, field: str, message: str) -> None:
        box = self.box_for(field)
        box.show_error(message)
        if box in self.day_boxes.values():
            self.tabs.setCurrentIndex(0)
        elif box is self.holidays_box:
            self.tabs.setCurrentIndex(1)
        elif box is self.workdays_box:
            self.tabs.setCurrentIndex(2)
        box.field.setFocus()

    def field_error(self, field: str) -> str:
        box = self.box_for(field)
        return box.error.text() if box.error.isVisibleTo(self) else ""

    def clear_errors(self) -> None:
        for box in (self.name_box, self.tz_box, self.holidays_box, self.workdays_box,
                    *self.day_boxes.values()):
            box.clear_error()

    def set_status(self, text: str, error: bool = False) -> None:
        pal = self.status.palette()
        pal.setColor(self.status.foregroundRole(), error_color(self.palette()) if error
                     else self.palette().color(QPalette.ColorRole.WindowText))
        self.status.setPalette(pal)
        self.status.setText(text)

    # ------------------------------------------------------------ saving

    def save(self) -> None:
        self.clear_errors()
        definition = self.definition()
        if definition is None:
            return
        name = self.name.text().strip()
        if not name:
            self.show_field_error("name", self.tr("A calendar needs a name"))
            return
        self.save_button.setEnabled(False)
        if self.current is None:
            self.runner.write(admin.save_calendar, None, name, definition,
                              owner=self, on_done=self._saved,
                              on_error=self._save_failed, label="create calendar")
            return
        calendar = self.current
        self.runner.read(preview_calendar_change, calendar.id, definition,
                         owner=self, on_done=lambda moves: self._review(
                             calendar, name, definition, moves),
                         on_error=self._save_failed, label="preview calendar")

    def _review(self, calendar: CalendarView, name: str, definition: dict[str, Any],
                moves: list[DueMove]) -> None:
        self.save_button.setEnabled(True)
        dialog = PreviewDialog(self.tr("Change calendar {name}").format(name=calendar.name),
                               moves, self, what=self.tr(
                                   "Saving {name} recomputes every open clock on it from the "
                                   "tickets' histories.").format(name=name))
        self.preview = dialog

        def apply() -> None:
            self.runner.write(admin.save_calendar, calendar.id, name, definition,
                              calendar.row_version,
                              owner=self, on_done=lambda r: (dialog.finish_apply(),
                                                             self._saved(r)),
                              on_error=lambda e: self._apply_failed(dialog, e),
                              label="apply calendar")

        dialog.applyRequested.connect(apply)
        dialog.finished.connect(lambda _r: self._preview_closed(dialog))
        dialog.open()

    def _preview_closed(self, dialog: PreviewDialog) -> None:
        if self.preview is dialog:
            self.preview = None
        dialog.deleteLater()

    def _apply_failed(self, dialog: PreviewDialog, err: BaseException) -> None:
        if not isinstance(err, DeskError):
            raise err
        dialog.apply_failed(str(err))
        if isinstance(err, ValidationError) and err.field:
            self.show_field_error(err.field, _strip_field(err) if isinstance(
                err, CalendarError) else str(err))

    def _saved(self, written: Written[admin.CalendarSaved]) -> None:
        result = written.value
        self.save_button.setEnabled(True)
        clocks = len(result.moves)
        tickets = len({m.ticket_id for m in result.moves})
        self.reload(select=result.calendar_id)
        self.set_status(self.tr("Saved. {clocks} clocks of {tickets} open tickets recomputed.")
                        .format(clocks=clocks, tickets=tickets) if clocks else self.tr("Saved."))
        self.saved.emit(result)

    def _save_failed(self, err: BaseException) -> None:
        self.save_button.setEnabled(True)
        if not isinstance(err, DeskError):
            raise err
        if isinstance(err, ConflictError):
            self.set_status(str(err) + " " + self.tr("Revert to see their version."),
                            error=True)
        elif isinstance(err, ValidationError) and err.field:
            self.show_field_error(err.field, _strip_field(err) if isinstance(
                err, CalendarError) else str(err))
        else:
            self.set_status(str(err), error=True)

    def _failed(self, err: BaseException) -> None:
        if not isinstance(err, DeskError):
            raise err
        self.set_status(str(err), error=True)

    # ------------------------------------------------------------ files and holidays

    def import_file(self, path: str | Path) -> bool:
        """Load a calendar JSON file into the editor (saved only when the user saves)."""
        try:
            definition = admin.read_calendar_file(path)
        except CalendarError as err:
            self.set_status(self.tr("{file}: {error}").format(file=Path(path).name, error=err),
                            error=True)
            return False
        except DeskError as err:
            self.set_status(str(err), error=True)
            return False
        name = self.name.text().strip() or Path(path).stem
        self.fill(name, definition)
        self.clear_errors()
        self._update_buttons()
        self.set_status(self.tr("Imported {file}. Review it, then save.").format(
            file=Path(path).name))
        return True

    def export_file(self, path: str | Path) -> bool:
        definition = self.definition()
        if definition is None:
            return False
        try:
            admin.write_calendar_file(path, definition)
        except DeskError as err:
            self.set_status(str(err), error=True)
            return False
        self.set_status(self.tr("Exported to {file}.").format(file=Path(path).name))
        return True

    def _import_clicked(self) -> None:
        path, _f = QFileDialog.getOpenFileName(self, self.tr("Import calendar"), "",
                                               self.tr("Calendar JSON (*.json);;All files (*)"))
        if path:
            self.import_file(path)

    def _export_clicked(self) -> None:
        suggested = (self.name.text().strip() or "calendar").replace("/", "-") + ".json"
        path, _f = QFileDialog.getSaveFileName(self, self.tr("Export calendar"), suggested,
                                               self.tr("Calendar JSON (*.json)"))
        if path:
            self.export_file(path)

    def open_holiday_import(self) -> HolidayImportDialog:
        dialog = HolidayImportDialog(self.runner, self)
        self.holiday_dialog = dialog
        dialog.accepted.connect(lambda: self.add_reviewed(*dialog.chosen()))
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()
        return dialog

    def add_reviewed(self, holidays: list[date], workdays: list[date]) -> None:
        """Merge reviewed days into the editor; make-up days get Monday's hours."""
        self.holiday_dialog = None
        definition = self.definition()
        if definition is None:
            return
        merged = admin.merge_holidays(definition, holidays, workdays)
        self.fill(self.name.text(), merged)
        self._update_buttons()
        self.set_status(self.tr("Added {h} holidays and {w} make-up workdays. Save to keep "
                                "them.").format(h=len(holidays), w=len(workdays)))
