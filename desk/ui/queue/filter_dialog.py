"""The filter builder: define or edit a saved view (name, criteria, sort).

Choices (groups, users, organizations, categories) load on the database worker; the dialog
is usable as soon as they arrive. Requesters are found by typing part of a name or e-mail
(there can be many thousands). The result is a ``Filter`` and a ``SortSpec``: the dialog never
builds SQL, and text typed here is matched as data like the search box.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, time, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desk.domain.enums import Channel, Kind, Status
from desk.domain.priority import PRIORITIES, priority_label
from desk.queues.choices import Choice, FilterChoices, filter_choices
from desk.queues.columns import all_columns
from desk.queues.spec import RELEVANCE, Filter, SortSpec, ViewSpec, clean_text
from desk.services.people import search_contacts
from desk.ui.i18n import date_format, sorted_by_name
from desk.ui.worker import DbRunner


class CheckList(QListWidget):
    """A compact list of checkable choices; values are ids or enum values."""

    def __init__(self, parent: QWidget | None = None, rows: int = 5) -> None:
        super().__init__(parent)
        self.setMaximumHeight(22 * rows + 6)

    def set_items(self, items: Iterable[tuple[object, str]]) -> None:
        checked = set(self.checked())
        self.clear()
        for value, label in items:
            item = QListWidgetItem(label, self)
            item.setData(Qt.ItemDataRole.UserRole, value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if value in checked
                               else Qt.CheckState.Unchecked)

    def checked(self) -> tuple[object, ...]:
        return tuple(self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())
                     if self.item(i).checkState() == Qt.CheckState.Checked)

    def set_checked(self, values: Iterable[object]) -> None:
        wanted = set(values)
        for i in range(self.count()):
            item = self.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole)
                               in wanted else Qt.CheckState.Unchecked)


class DateRange(QWidget):
    """Any time / the last N days / between two dates (local calendar days)."""

    ANY, LAST, BETWEEN = range(3)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = QComboBox(self)
        self.mode.addItems([self.tr("Any time"), self.tr("In the last … days"),
                            self.tr("Between")])
        self.days = QSpinBox(self)
        self.days.setRange(0, 3650)
        self.days.setValue(7)
        self.start = QDateEdit(self)
        self.end = QDateEdit(self)
        for d in (self.start, self.end):
            d.setCalendarPopup(True)
            d.setDisplayFormat(date_format())
            d.setDate(QDate.currentDate())
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        for w in (self.mode, self.days, self.start, QLabel("–", self), self.end):
            box.addWidget(w)
        box.addStretch(1)
        self.mode.currentIndexChanged.connect(self._sync)
        self._sync()

    def _sync(self) -> None:
        m = self.mode.currentIndex()
        self.days.setVisible(m == self.LAST)
        for w in (self.start, self.end):
            w.setVisible(m == self.BETWEEN)
        self.layout().itemAt(3).widget().setVisible(m == self.BETWEEN)

    def value(self) -> tuple[datetime | None, datetime | None, int | None]:
        """(from, to exclusive, within days) — datetimes aware UTC from local days."""
        m = self.mode.currentIndex()
        if m == self.LAST:
            return None, None, self.days.value()
        if m == self.BETWEEN:
            start, end = sorted((self.start.date().toPython(), self.end.date().toPython()))
            return _local_midnight(start), _local_midnight(end + timedelta(days=1)), None
        return None, None, None

    def set_value(self, start: datetime | None, end: datetime | None,
                  days: int | None) -> None:
        if days is not None:
            self.mode.setCurrentIndex(self.LAST)
            self.days.setValue(days)
        elif start is not None or end is not None:
            self.mode.setCurrentIndex(self.BETWEEN)
            if start is not None:
                self.start.setDate(QDate(start.astimezone().date()))
            if end is not None:
                self.end.setDate(QDate((end.astimezone() - timedelta(days=1)).date()))
        else:
            self.mode.setCurrentIndex(self.ANY)


def _local_midnight(day: date) -> datetime:
    return datetime.combine(day, time()).astimezone().astimezone(UTC)


class FilterDialog(QDialog):
    """Edit ``spec`` (or a new view when None); read ``name()``, ``filter()``, ``sort()``."""

    choicesLoaded = Signal()

    def __init__(self, runner: DbRunner, spec: ViewSpec | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._spec = spec
        self.setWindowTitle(self.tr("Edit view") if spec else self.tr("New view"))
        self.resize(640, 720)

        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(120)
        self.text_edit = QLineEdit(self)
        self.text_edit.setPlaceholderText(self.tr("Words in title, description or worklog"))
        self.kinds = CheckList(self, rows=4)
        self.kinds.set_items((k.value, k.label) for k in Kind)
        self.open_only = QCheckBox(self.tr("Open tickets only"), self)
        self.statuses = CheckList(self)
        self.statuses.set_items((s.value, s.label) for s in Status)
        self.priorities = CheckList(self)
        self.priorities.set_items((p, priority_label(p)) for p in PRIORITIES)
        self.my_groups = QCheckBox(self.tr("My groups"), self)
        self.groups = CheckList(self)
        self.assigned_to_me = QCheckBox(self.tr("Me"), self)
        self.unassigned = QCheckBox(self.tr("Unassigned"), self)
        self.assignees = CheckList(self)
        self.requester_find = QLineEdit(self)
        self.requester_find.setPlaceholderText(self.tr("Name or e-mail"))
        self.requester_button = QPushButton(self.tr("Find"), self)
        self.requesters = CheckList(self, rows=3)
        self.organizations = CheckList(self)
        self.categories = CheckList(self)
        self.channels = CheckList(self, rows=3)
        self.channels.set_items((c.value, c.label) for c in Channel)
        self.major = QComboBox(self)
        self.major.addItem(self.tr("Any"), None)
        self.major.addItem(self.tr("Major incidents only"), True)
        self.major.addItem(self.tr("No major incidents"), False)
        self.created = DateRange(self)
        self.updated = DateRange(self)
        self.sort_column = QComboBox(self)
        for c in all_columns():
            self.sort_column.addItem(c.label(), c.key)
        self.sort_column.addItem(self.tr("Relevance (with text)"), RELEVANCE)
        self.sort_desc = QCheckBox(self.tr("Descending"), self)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c62828")
        self.error.hide()

        form_widget = QWidget(self)
        form = QFormLayout(form_widget)
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Text"), self.text_edit)
        form.addRow(self.tr("Kind"), self.kinds)
        form.addRow(self.tr("Status"), _stack(self.open_only, self.statuses))
        form.addRow(self.tr("Priority"), self.priorities)
        form.addRow(self.tr("Group"), _stack(self.my_groups, self.groups))
        form.addRow(self.tr("Assignee"), _stack(_row(self.assigned_to_me, self.unassigned),
                                                self.assignees))
        form.addRow(self.tr("Requester"), _stack(_row(self.requester_find,
                                                      self.requester_button), self.requesters))
        form.addRow(self.tr("Organization"), self.organizations)
        form.addRow(self.tr("Category"), self.categories)
        form.addRow(self.tr("Channel"), self.channels)
        form.addRow(self.tr("Major incident"), self.major)
        form.addRow(self.tr("Created"), self.created)
        form.addRow(self.tr("Updated"), self.updated)
        form.addRow(self.tr("Sort by"), _row(self.sort_column, self.sort_desc))
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_widget)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self.requester_button.clicked.connect(self._find_requesters)
        self.requester_find.returnPressed.connect(self._find_requesters)
        self._apply(spec)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        runner.read(filter_choices, spec.filter.requester_ids if spec else (),
                    on_done=self._choices_loaded, on_error=self._show_error,
                    label="filter choices")

    # ------------------------------------------------------------ loading

    def _choices_loaded(self, choices: FilterChoices) -> None:
        def items(cs: Sequence[Choice]) -> list[tuple[object, str]]:
            return [(c.id, c.name) for c in sorted_by_name(cs, lambda c: c.name)]

        self.groups.set_items(items(choices.groups))
        self.assignees.set_items(items(choices.users))
        self.organizations.set_items(items(choices.organizations))
        self.categories.set_items(items(choices.categories))
        self.requesters.set_items(items(choices.contacts))
        f = self._spec.filter if self._spec else Filter()
        self.groups.set_checked(f.group_ids)
        self.assignees.set_checked(f.assignee_ids)
        self.organizations.set_checked(f.organization_ids)
        self.categories.set_checked(f.category_ids)
        self.requesters.set_checked(f.requester_ids)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        self.choicesLoaded.emit()

    def _find_requesters(self) -> None:
        text = clean_text(self.requester_find.text())
        keep = [(self.requesters.item(i).data(Qt.ItemDataRole.UserRole),
                 self.requesters.item(i).text()) for i in range(self.requesters.count())
                if self.requesters.item(i).checkState() == Qt.CheckState.Checked]

        def show(found: list) -> None:
            ids = {k for k, _ in keep}
            self.requesters.set_items(keep + [(c.id, f"{c.name} <{c.email}>" if c.email
                                               else c.name) for c in found if c.id not in ids])

        self._runner.read(search_contacts, text, 50, on_done=show, on_error=self._show_error,
                          label="find requesters")

    def _show_error(self, err: BaseException) -> None:
        self.error.setText(str(err))
        self.error.show()

    # ------------------------------------------------------------ values

    def _apply(self, spec: ViewSpec | None) -> None:
        f = spec.filter if spec else Filter(open_only=True)
        self.name_edit.setText(spec.name if spec else "")
        self.text_edit.setText(f.text)
        self.kinds.set_checked(f.kinds)
        self.open_only.setChecked(f.open_only)
        self.statuses.set_checked(f.statuses)
        self.priorities.set_checked(f.priorities)
        self.my_groups.setChecked(f.my_groups)
        self.assigned_to_me.setChecked(f.assigned_to_me)
        self.unassigned.setChecked(f.unassigned)
        self.channels.set_checked(f.channels)
        self.major.setCurrentIndex({None: 0, True: 1, False: 2}[f.major_incident])
        self.created.set_value(f.created_from, f.created_to, f.created_within_days)
        self.updated.set_value(f.updated_from, f.updated_to, f.updated_within_days)
        sort = spec.sort if spec else SortSpec("priority", False)
        i = self.sort_column.findData(sort.column)
        self.sort_column.setCurrentIndex(max(i, 0))
        self.sort_desc.setChecked(sort.descending)

    def name(self) -> str:
        return clean_text(self.name_edit.text())

    def filter(self) -> Filter:
        c_from, c_to, c_days = self.created.value()
        u_from, u_to, u_days = self.updated.value()

        def ids(lst: CheckList) -> tuple[uuid.UUID, ...]:
            return tuple(v for v in lst.checked() if isinstance(v, uuid.UUID))

        return Filter(
            kinds=tuple(str(k) for k in self.kinds.checked()),
            open_only=self.open_only.isChecked(),
            statuses=tuple(str(s) for s in self.statuses.checked()),
            priorities=tuple(int(p) for p in self.priorities.checked()),  # type: ignore[call-overload]
            my_groups=self.my_groups.isChecked(), group_ids=ids(self.groups),
            assigned_to_me=self.assigned_to_me.isChecked(),
            unassigned=self.unassigned.isChecked(), assignee_ids=ids(self.assignees),
            requester_ids=ids(self.requesters), organization_ids=ids(self.organizations),
            category_ids=ids(self.categories),
            channels=tuple(str(c) for c in self.channels.checked()),
            major_incident=self.major.currentData(),
            created_from=c_from, created_to=c_to, created_within_days=c_days,
            updated_from=u_from, updated_to=u_to, updated_within_days=u_days,
            text=clean_text(self.text_edit.text()),
        )

    def sort(self) -> SortSpec:
        return SortSpec(str(self.sort_column.currentData()), self.sort_desc.isChecked())

    def accept(self) -> None:
        if not self.name():
            self._show_error(ValueError(self.tr("A view needs a name")))
            self.name_edit.setFocus()
            return
        super().accept()


def _row(*widgets: QWidget) -> QWidget:
    w = QWidget()
    box = QHBoxLayout(w)
    box.setContentsMargins(0, 0, 0, 0)
    for x in widgets:
        box.addWidget(x)
    box.addStretch(1)
    return w


def _stack(*widgets: QWidget) -> QWidget:
    w = QWidget()
    box = QVBoxLayout(w)
    box.setContentsMargins(0, 0, 0, 0)
    for x in widgets:
        box.addWidget(x)
    return w
