"""The ticket form's fields, laid out from the kind spec and bound to the editor.

Each field of ``desk.domain.kinds.FIELDS`` gets a widget, a label (the spec's, with its
accelerator), room for a message beside it, and a ``Binding`` that reads its value and puts
one back; the spec's section says where it goes and the kind's spec whether it shows.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, SignalInstance
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desk.domain import lifecycle
from desk.domain.enums import Channel, Status
from desk.domain.kinds import CONTACT, FIELD, FIELDS, HANDLING, RESOLUTION, SUMMARY, KindSpec
from desk.domain.priority import LEVELS
from desk.editing.ticket_editor import TicketEditor
from desk.services.catalog import FormLookups
from desk.services.people import ContactView, CurrentUser
from desk.ui.i18n import sorted_by_name
from desk.ui.ticket.assignment import AssigneeRow, Read, select
from desk.ui.ticket.common import channel_label, level_text, resolution_label, status_label
from desk.ui.ticket.fitting_text import FittingTextEdit
from desk.ui.ticket.pickers import CategoryPicker, ParentPicker, RequesterPicker
from desk.ui.widgets import FieldBox
from desk.ui.worker import DbRunner

# The form's parts share its context in the catalogue.
translate = QCoreApplication.translate


@dataclass(frozen=True)
class Binding:
    """How a field's value is read from its widget and put back (with a name for an id)."""

    get: Callable[[], Any]
    put: Callable[[Any, str], None]
    edited: SignalInstance


def _form_layout() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    form.setVerticalSpacing(6)
    form.setHorizontalSpacing(10)
    return form


class TicketFields(QScrollArea):
    edited = Signal()  # the agent changed a field

    def __init__(self, runner: DbRunner, me: CurrentUser, read: Read,
                 names: dict[uuid.UUID, str], parent: QWidget | None = None) -> None:
        super().__init__(parent, widgetResizable=True, minimumHeight=220)
        self.names = names  # the form's names of ids, shared with its tabs
        self._putting = False
        self.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        self.setWidget(inner)
        fl = QVBoxLayout(inner)
        fl.setContentsMargins(0, 0, 6, 0)
        sections = {name: _form_layout() for name in (SUMMARY, CONTACT, HANDLING, RESOLUTION)}
        fl.addLayout(sections[SUMMARY])
        cols = QHBoxLayout()
        cols.setSpacing(24)
        cols.addLayout(sections[CONTACT], 1)
        cols.addLayout(sections[HANDLING], 1)
        fl.addLayout(cols)
        # Resolution: shown when the chosen status resolves the ticket (or it is resolved).
        self.resolution_frame = QFrame(objectName="resolution", visible=False)
        self.resolution_frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.resolution_frame.setLayout(sections[RESOLUTION])
        sections[RESOLUTION].addRow(QLabel(translate("TicketForm", "<b>Resolution</b>")))
        fl.addWidget(self.resolution_frame)
        fl.addStretch(1)

        self.title = QLineEdit(maxLength=FIELD["title"].max_length or 0)
        self.title.setPlaceholderText(
            translate("TicketForm", "A short summary of the request or fault"))
        self.description = FittingTextEdit(min_lines=3, max_lines=15, tabChangesFocus=True)
        self.description.setPlaceholderText(translate(
            "TicketForm", "What happened, what was asked, what the requester already tried"))
        self.requester = RequesterPicker(runner)
        self.requester.picked.connect(self._requester_picked)
        self.organization, self.channel, self.status = QComboBox(), QComboBox(), QComboBox()
        self.impact, self.urgency, self.resolution_code = QComboBox(), QComboBox(), QComboBox()
        for ch in Channel:
            self.channel.addItem(channel_label(ch), ch.value)
        for level in LEVELS:
            self.impact.addItem(level_text(level), level)
            self.urgency.addItem(level_text(level), level)
        self.category = CategoryPicker()
        self.parent_picker = ParentPicker(runner)
        self.parent_picker.line.textEdited.connect(self._edited)
        self.major = QCheckBox()
        self.assignment = AssigneeRow(read, me)
        self.group, self.assignee = self.assignment.group, self.assignment.assignee
        self.resolution_notes = FittingTextEdit(min_lines=3, max_lines=10, tabChangesFocus=True)
        self.resolution_notes.setPlaceholderText(
            translate("TicketForm", "What fixed it, or why the request is done"))
        self.priority_label = QLabel()
        self.priority_label.setToolTip(
            translate("TicketForm", "Priority follows from impact × urgency"))

        def combo(box: QComboBox) -> Binding:
            return Binding(box.currentData, lambda v, name: select(box, v, name),
                           box.currentIndexChanged)

        def plain(edit: QPlainTextEdit) -> Binding:
            def put(value: Any, _name: str) -> None:
                if edit.toPlainText() != (value or ""):
                    edit.setPlainText(value or "")
            return Binding(edit.toPlainText, put, edit.textChanged)

        a = self.assignment
        self.bindings: dict[str, Binding] = {
            "title": Binding(self.title.text, lambda v, _n: self.title.setText(v or ""),
                             self.title.textEdited),
            "description": plain(self.description),
            "requester_id": Binding(self.requester.value, self.requester.set_value,
                                    self.requester.changed),
            "organization_id": combo(self.organization),
            "channel": combo(self.channel),
            "category_id": Binding(self.category.value, self.category.set_value,
                                   self.category.changed),
            "parent_id": Binding(self.parent_picker.value, self.parent_picker.set_value,
                                 self.parent_picker.changed),
            "major_incident": Binding(self.major.isChecked,
                                      lambda v, _n: self.major.setChecked(bool(v)),
                                      self.major.toggled),
            "status": combo(self.status),
            "impact": combo(self.impact),
            "urgency": combo(self.urgency),
            # The assignee row tells of both: a new group reloads the assignee list.
            "group_id": Binding(self.group.currentData, lambda v, n: select(self.group, v, n),
                                a.edited),
            "assignee_id": Binding(a.value, a.set_value, a.edited),
            "resolution_code": combo(self.resolution_code),
            "resolution_notes": plain(self.resolution_notes),
        }
        widgets: dict[str, QWidget] = {
            "title": self.title, "description": self.description,
            "requester_id": self.requester, "organization_id": self.organization,
            "channel": self.channel, "category_id": self.category,
            "parent_id": self.parent_picker, "major_incident": self.major,
            "status": self.status, "impact": self.impact, "urgency": self.urgency,
            "group_id": self.group, "assignee_id": a,
            "resolution_code": self.resolution_code, "resolution_notes": self.resolution_notes}
        self.boxes: dict[str, FieldBox] = {}
        self.rows: dict[str, tuple[QLabel, FieldBox]] = {}
        for spec in FIELDS:
            widget = widgets[spec.name]
            box = self.boxes[spec.name] = FieldBox(widget)
            widget.setAccessibleName(spec.label())
            if isinstance(widget, QCheckBox):
                widget.setText(spec.mnemonic())
            label = QLabel("" if isinstance(widget, QCheckBox) else spec.mnemonic(),
                           objectName=f"label_{spec.name}")
            label.setContentsMargins(0, 4, 0, 0)  # level with the first line of the field
            label.setBuddy(widget.focusProxy() or widget)
            sections[spec.section].addRow(label, box)
            self.rows[spec.name] = (label, box)
            if spec.name != "assignee_id":  # its signal is the group's
                self.bindings[spec.name].edited.connect(self._edited)
            if spec.name == "urgency":
                sections[HANDLING].addRow(QLabel(translate("TicketForm", "Priority")),
                                          self.priority_label)

    def _edited(self, *args: Any) -> None:
        if not self._putting:
            self.edited.emit()

    def show_kind(self, spec: KindSpec, existing: bool) -> None:
        for name, (label, box) in self.rows.items():
            label.setVisible(spec.shows(name))
            box.setVisible(spec.shows(name))
        self.status.setEnabled(existing)
        self.status.setToolTip(
            "" if existing else translate("TicketForm", "A new ticket starts as New"))

    def set_lookups(self, lookups: FormLookups) -> None:
        self._putting = True
        self.organization.addItem(translate("TicketForm", "(none)"), None)
        for org in sorted_by_name(lookups.organizations, lambda o: o.name):
            self.organization.addItem(org.name, org.id)
        self.group.addItem(translate("TicketForm", "(unassigned)"), None)
        for g in sorted_by_name(lookups.groups, lambda g: g.name):
            self.group.addItem(g.name, g.id)
        self.category.set_categories(lookups.categories)
        self._putting = False

    def put(self, values: dict[str, Any], labels: dict[str, str] | None = None) -> None:
        """Show ``values`` (names of ids as the database said, else as ``labels`` remember)."""
        labels = labels or {}
        self._putting = True
        try:
            for field, binding in self.bindings.items():
                value = values[field]
                name = (self.names.get(value) if value is not None else None) \
                    or labels.get(field) or ""
                binding.put(value, name)
        finally:
            self._putting = False

    def read_into(self, editor: TicketEditor) -> None:
        """What the widgets hold goes into the editor."""
        for field, binding in self.bindings.items():
            if editor.editable(field):
                value = binding.get()
                editor.set(field, value if field != "status" or value
                           else editor.base["status"])
        self.resolution_frame.setVisible(editor.resolution_needed())

    def labels(self) -> dict[str, str]:
        """The names shown for ids, which a draft keeps for when the database is away."""
        return {"requester_id": self.requester.label(), "category_id": self.category.label(),
                "parent_id": self.parent_picker.label(),
                "organization_id": self.organization.currentText()
                if self.organization.currentData() else "",
                "group_id": self.group.currentText() if self.group.currentData() else "",
                "assignee_id": self.assignment.label()}

    def rebuild_choices(self, editor: TicketEditor) -> None:
        """The statuses the loaded one may move to, and the kind's resolution codes."""
        base = Status(editor.base["status"])
        self._putting = True
        self.status.clear()
        self.status.addItem(status_label(base), base.value)
        if not editor.is_new:
            for s in lifecycle.allowed_transitions(editor.kind, base):
                self.status.addItem(status_label(s), s.value)
        self.resolution_code.clear()
        self.resolution_code.addItem(translate("TicketForm", "(choose)"), None)
        for code in editor.spec.resolution_codes:
            self.resolution_code.addItem(resolution_label(code), code.value)
        self._putting = False
        values = editor.values()
        select(self.status, values["status"])
        select(self.resolution_code, values["resolution_code"],
               resolution_label(values["resolution_code"]))

    def parent_problem(self) -> str | None:
        """The parent number is looked up as it is typed: its answer must be in."""
        if self.parent_picker.problem:
            return self.parent_picker.problem
        if self.parent_picker.pending:
            self.parent_picker.check_now()
            return translate("TicketForm", "Checking this ticket number… save again in a moment")
        return None

    def show_errors(self, errors: dict[str, str], focus: str | None = None) -> None:
        for field, box in self.boxes.items():
            if field in errors:
                box.show_error(errors[field])
            else:
                box.clear_error()
        if focus in self.boxes:
            box = self.boxes[focus]
            box.field.setFocus()
            # The messages just shown move the fields below them only when the layout runs
            # (after this call): scroll then, or the field would be measured where it was.
            QTimer.singleShot(0, box, lambda: self.ensureWidgetVisible(box))

    def error(self, field: str) -> str:
        box = self.boxes.get(field)
        return box.error.text() if box is not None and box.error.isVisibleTo(self) else ""

    def _requester_picked(self, contact: ContactView) -> None:
        if contact.organization_id is not None:
            self.names[contact.organization_id] = contact.organization_name or ""
            select(self.organization, contact.organization_id, contact.organization_name or "")
        self.names[contact.id] = contact.name
