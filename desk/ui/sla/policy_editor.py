"""The SLA policy editor (administration).

A policy matches tickets by kind, priority, category and organization (nothing ticked:
any), and the first active policy in order wins. It sets up to three targets — first
response, resolution, next update — each with a business-time duration on a calendar, the
statuses that pause it, a warning threshold and what happens at warning and at breach.

Saving shows which open tickets' due instants move before anything is written
(``PreviewDialog``); applying saves and recomputes on the worker.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desk.domain.enums import Kind, Status
from desk.domain.priority import priority_label
from desk.errors import ConflictError, DeskError, ValidationError
from desk.services.changes import Written
from desk.sla.engine import DueMove
from desk.sla.policy import (
    Action,
    ActionKind,
    Policy,
    Target,
    TargetSpec,
)
from desk.slaops import admin
from desk.slaops.service import preview_policy_change
from desk.ui.i18n import format_duration, name_list, sorted_by_name
from desk.ui.sla.common import form_row
from desk.ui.sla.preview import PreviewDialog
from desk.ui.ticket.common import FieldBox, error_color, status_label

# Statuses a clock can be paused by: every status a ticket can still work from.
PAUSABLE = tuple(s for s in Status if s.is_open and s is not Status.NEW)


class StatusPicker(QToolButton):
    """A compact multi-choice of statuses: a button that names them, a menu to tick them."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.menu_ = QMenu(self)
        self.actions_: dict[str, QAction] = {}
        for status in PAUSABLE:
            action = QAction(status_label(status), self.menu_)
            action.setCheckable(True)
            action.toggled.connect(self._toggled)
            self.menu_.addAction(action)
            self.actions_[status.value] = action
        self.setMenu(self.menu_)
        self._refresh_text()

    def value(self) -> frozenset[str]:
        return frozenset(k for k, a in self.actions_.items() if a.isChecked())

    def set_value(self, statuses: frozenset[str]) -> None:
        for key, action in self.actions_.items():
            action.blockSignals(True)
            action.setChecked(key in statuses)
            action.blockSignals(False)
        self._refresh_text()

    def _toggled(self, _checked: bool) -> None:
        self._refresh_text()
        self.changed.emit()

    def _refresh_text(self) -> None:
        chosen = [status_label(Status(k)) for k in self.actions_ if k in self.value()]
        self.setText(name_list(chosen) if chosen else self.tr("(nothing pauses it)"))


class ActionsBox(QWidget):
    """What happens at one level: notify the team lead, raise the priority, reassign."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.notify = QCheckBox(self.tr("Notify the team lead"), self)
        self.raise_priority = QCheckBox(self.tr("Raise the priority"), self)
        self.reassign = QCheckBox(self.tr("Reassign to"), self)
        self.group = QComboBox(self)
        self.group.setEnabled(False)
        self.reassign.toggled.connect(self.group.setEnabled)
        for w in (self.notify, self.raise_priority, self.reassign):
            lay.addWidget(w)
            w.toggled.connect(lambda _c: self.changed.emit())
        lay.addWidget(self.group, 1)
        self.group.currentIndexChanged.connect(lambda _i: self.changed.emit())

    def set_groups(self, groups: list[tuple[uuid.UUID, str]]) -> None:
        self.group.blockSignals(True)
        self.group.clear()
        for gid, name in groups:
            self.group.addItem(name, gid)
        self.group.blockSignals(False)

    def value(self) -> tuple[Action, ...]:
        out = []
        if self.notify.isChecked():
            out.append(Action(ActionKind.NOTIFY_LEAD))
        if self.raise_priority.isChecked():
            out.append(Action(ActionKind.RAISE_PRIORITY))
        if self.reassign.isChecked():
            out.append(Action(ActionKind.REASSIGN, self.group.currentData()))
        return tuple(out)

    def set_value(self, actions: tuple[Action, ...]) -> None:
        kinds = {a.kind: a for a in actions}
        self.notify.setChecked(ActionKind.NOTIFY_LEAD in kinds)
        self.raise_priority.setChecked(ActionKind.RAISE_PRIORITY in kinds)
        reassign = kinds.get(ActionKind.REASSIGN)
        self.reassign.setChecked(reassign is not None)
        self.group.setEnabled(reassign is not None)
        if reassign is not None:
            idx = self.group.findData(reassign.group_id)
            if idx < 0:
                self.group.addItem(self.tr("(a deleted group)"), reassign.group_id)
                idx = self.group.count() - 1
            self.group.setCurrentIndex(idx)


class TargetEditor(QGroupBox):
    """One target of a policy; unticked, the policy does not set it."""

    changed = Signal()

    def __init__(self, target: Target, parent: QWidget | None = None) -> None:
        super().__init__(target.label, parent)
        self.target = target
        self.setCheckable(True)
        self.setChecked(False)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        duration = QWidget(self)
        dl = QHBoxLayout(duration)
        dl.setContentsMargins(0, 0, 0, 0)
        self.hours = QSpinBox(duration)
        self.hours.setRange(0, 9999)
        self.hours.setSuffix(self.tr(" h"))
        self.minutes = QSpinBox(duration)
        self.minutes.setRange(0, 59)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setSingleStep(5)
        self.equals = QLabel(duration)
        self.equals.setObjectName("hint")
        dl.addWidget(self.hours)
        dl.addWidget(self.minutes)
        dl.addWidget(self.equals, 1)
        self.duration_box = FieldBox(duration)
        form_row(form, self.tr("&Duration (business time)"), self.duration_box).setBuddy(
            self.hours)
        self.calendar = QComboBox(self)
        self.calendar_box = FieldBox(self.calendar)
        form_row(form, self.tr("Ca&lendar"), self.calendar_box)
        self.pauses = StatusPicker(self)
        self.pauses.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.pauses_box = FieldBox(self.pauses)
        form_row(form, self.tr("&Paused by"), self.pauses_box)
        self.warning = QSpinBox(self)
        self.warning.setRange(1, 100)
        self.warning.setSuffix(self.tr(" % of the target"))
        self.warning_box = FieldBox(self.warning)
        form_row(form, self.tr("&Warning at"), self.warning_box)
        self.warning_actions = ActionsBox(self)
        form.addRow(self.tr("At warning"), self.warning_actions)
        self.breach_actions = ActionsBox(self)
        self.actions_box = FieldBox(self.breach_actions)
        form_row(form, self.tr("At breach"), self.actions_box)
        for signal in (self.toggled, self.hours.valueChanged, self.minutes.valueChanged,
                       self.calendar.currentIndexChanged, self.pauses.changed,
                       self.warning.valueChanged, self.warning_actions.changed,
                       self.breach_actions.changed):
            signal.connect(self._changed)

    def _changed(self, *args: Any) -> None:
        seconds = self.seconds()
        self.equals.setText(self.tr("= {d}").format(d=format_duration(seconds))
                            if seconds >= 86_400 else "")
        self.changed.emit()

    def seconds(self) -> int:
        return self.hours.value() * 3600 + self.minutes.value() * 60

    def set_calendars(self, calendars: list[tuple[uuid.UUID, str]]) -> None:
        self.calendar.blockSignals(True)
        self.calendar.clear()
        for cid, name in calendars:
            self.calendar.addItem(name, cid)
        self.calendar.blockSignals(False)

    def set_spec(self, spec: TargetSpec | None) -> None:
        self.setChecked(spec is not None)
        spec = spec or TargetSpec(self.target, 8 * 3600, self.calendar.itemData(0))
        self.hours.setValue(spec.seconds // 3600)
        self.minutes.setValue(spec.seconds % 3600 // 60)
        idx = self.calendar.findData(spec.calendar_id)
        self.calendar.setCurrentIndex(max(idx, 0))
        self.pauses.set_value(spec.pauses)
        self.warning.setValue(spec.warning_percent)
        self.warning_actions.set_value(spec.warning_actions)
        self.breach_actions.set_value(spec.breach_actions)
        self._changed()

    def spec(self) -> TargetSpec | None:
        if not self.isChecked():
            return None
        return TargetSpec(self.target.value, self.seconds(), self.calendar.currentData(),
                          self.pauses.value(), self.warning.value(),
                          self.warning_actions.value(), self.breach_actions.value())

    def boxes(self) -> list[FieldBox]:
        return [self.duration_box, self.calendar_box, self.pauses_box, self.warning_box,
                self.actions_box]


def _checkable(widget: QListWidget, label: str, value: Any, checked: bool) -> None:
    item = QListWidgetItem(label)
    item.setData(Qt.ItemDataRole.UserRole, value)
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    widget.addItem(item)


def _checked(widget: QListWidget) -> list[Any]:
    return [widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked]


class PolicyEditor(QDialog):
    """SLA policies in order on the left; the chosen policy on the right."""

    saved = Signal(object)  # admin.PolicySaved

    def __init__(self, runner: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle(self.tr("SLA policies"))
        self.lookups: admin.AdminLookups | None = None
        self.current: Policy | None = None
        self._loaded: Policy | None = None
        self._filling = False
        self.preview: PreviewDialog | None = None
        self._build()
        self.setEnabled(False)
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
        ll.addWidget(QLabel(self.tr("In order: the first active policy that matches a ticket "
                                    "applies."), left))
        ll.itemAt(0).widget().setWordWrap(True)
        ll.itemAt(0).widget().setObjectName("hint")
        self.list = QListWidget(left)
        self.list.setAccessibleName(self.tr("Policies"))
        self.list.currentRowChanged.connect(self._chosen)
        ll.addWidget(self.list, 1)
        self.new_button = QPushButton(self.tr("&New policy"), left)
        self.new_button.clicked.connect(self.new_policy)
        ll.addWidget(self.new_button)
        left.setMinimumWidth(210)

        scroll = QScrollArea(split)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        scroll.setWidget(body)
        bl = QVBoxLayout(body)
        bl.setContentsMargins(6, 0, 6, 0)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name = QLineEdit(body)
        self.name.setMaxLength(120)
        self.name_box = FieldBox(self.name)
        form_row(form, self.tr("&Name"), self.name_box)
        row = QHBoxLayout()
        self.position = QSpinBox(body)
        self.position.setRange(0, 100_000)
        self.position.setToolTip(self.tr("Lower numbers are tried first"))
        row.addWidget(self.position)
        self.active = QCheckBox(self.tr("&Active"), body)
        row.addWidget(self.active)
        row.addStretch(1)
        order = QLabel(self.tr("&Order"), body)
        order.setBuddy(self.position)
        form.addRow(order, row)
        bl.addLayout(form)

        match = QGroupBox(self.tr("Applies to tickets — nothing ticked in a list means any"),
                          body)
        ml = QGridLayout(match)
        ml.addWidget(QLabel(self.tr("Kind")), 0, 0)
        ml.addWidget(QLabel(self.tr("Priority")), 0, 1)
        ml.addWidget(QLabel(self.tr("Category (and its subcategories)")), 0, 2)
        ml.addWidget(QLabel(self.tr("Organization")), 0, 3)
        self.kinds = QListWidget(match)
        for kind in Kind:
            _checkable(self.kinds, kind.label, kind.value, False)
        self.priorities = QListWidget(match)
        for p in range(1, 6):
            _checkable(self.priorities, priority_label(p), p, False)
        self.categories = QListWidget(match)
        self.organizations = QListWidget(match)
        self.kinds_box = FieldBox(self.kinds)
        self.priorities_box = FieldBox(self.priorities)
        for col, w in enumerate((self.kinds_box, self.priorities_box, self.categories,
                                 self.organizations)):
            ml.addWidget(w, 1, col)
        for lw in (self.kinds, self.priorities, self.categories, self.organizations):
            lw.setMinimumHeight(120)
            lw.setMaximumHeight(150)
            lw.itemChanged.connect(self._edited)
        ml.setColumnStretch(2, 2)
        ml.setColumnStretch(3, 2)
        ml.setColumnStretch(0, 1)
        ml.setColumnStretch(1, 1)
        bl.addWidget(match)

        self.target_tabs = QTabWidget(body)
        self.targets_error = QLabel(body)
        self.targets_error.setVisible(False)
        self.targets_error.setWordWrap(True)
        self.target_editors: dict[str, TargetEditor] = {}
        for target in Target:
            editor = TargetEditor(target, self.target_tabs)
            editor.changed.connect(self._edited)
            editor.toggled.connect(self._retitle_tabs)
            self.target_editors[target.value] = editor
            self.target_tabs.addTab(editor, target.label)
        bl.addWidget(self.targets_error)
        bl.addWidget(self.target_tabs)
        bl.addStretch(1)

        self.status = QLabel(self)
        self.status.setWordWrap(True)
        outer.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.revert_button = QPushButton(self.tr("&Revert"), self)
        self.revert_button.clicked.connect(self.revert)
        self.save_button = QPushButton(self.tr("&Save…"), self)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)
        for b in (self.revert_button, self.save_button, close):
            buttons.addWidget(b)
        outer.addLayout(buttons)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 4)
        self.name.textEdited.connect(self._edited)
        self.position.valueChanged.connect(self._edited)
        self.active.toggled.connect(self._edited)
        self.resize(1080, 720)

    # ------------------------------------------------------------ loading

    def reload(self, select: uuid.UUID | None = None) -> None:
        self.runner.read(admin.admin_lookups,
                         owner=self, on_done=lambda lk: self._listed(lk, select),
                         on_error=self._failed, label="sla policies")

    def _listed(self, lookups: admin.AdminLookups, select: uuid.UUID | None) -> None:
        self.lookups = lookups
        self.setEnabled(True)
        self._filling = True
        calendars = [(c.id, c.name) for c in lookups.calendars]
        groups = [(g.id, g.name) for g in sorted_by_name(lookups.groups, lambda g: g.name)]
        for editor in self.target_editors.values():
            editor.set_calendars(calendars)
            editor.warning_actions.set_groups(groups)
            editor.breach_actions.set_groups(groups)
        self.categories.clear()
        for c in sorted_by_name(lookups.categories, lambda c: c.path):
            _checkable(self.categories, c.path, c.id, False)
        self.organizations.clear()
        for o in sorted_by_name(lookups.organizations, lambda o: o.name):
            _checkable(self.organizations, o.name, o.id, False)
        self.list.clear()
        for p in lookups.policies:
            text = f"{p.position} · {p.name}" + ("" if p.active else self.tr(" (inactive)"))
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            if not p.active:
                item.setForeground(self.palette().color(QPalette.ColorRole.PlaceholderText))
            self.list.addItem(item)
        wanted = select or (self.current.id if self.current else None)
        idx = next((i for i, p in enumerate(lookups.policies) if p.id == wanted), 0)
        if lookups.policies:
            self.list.setCurrentRow(idx)
        self._filling = False
        if lookups.policies and (select is not None or not self.is_dirty()):
            self.load(lookups.policies[idx])
        elif not lookups.policies:
            self.load(None)

    def _chosen(self, row: int) -> None:
        if self._filling or self.lookups is None or not 0 <= row < len(self.lookups.policies):
            return
        chosen = self.lookups.policies[row]
        if self.current is not None and chosen.id == self.current.id:
            return
        if self.is_dirty():
            self._back_to_current()
            self.set_status(self.tr("Save or revert the changes to {name} first.").format(
                name=self.name.text() or self.tr("the new policy")), error=True)
            return
        self.load(chosen)

    def _back_to_current(self) -> None:
        self._filling = True
        ids = [p.id for p in self.lookups.policies] if self.lookups else []
        self.list.setCurrentRow(ids.index(self.current.id) if self.current
                                and self.current.id in ids else -1)
        self._filling = False

    def load(self, policy: Policy | None) -> None:
        """Show ``policy`` (None: a new one, after the last in order)."""
        self.current = policy
        if policy is None:
            last = max((p.position for p in self.lookups.policies), default=0) \
                if self.lookups else 0
            calendar = self.lookups.calendars[0].id if self.lookups and \
                self.lookups.calendars else None
            policy = Policy(name="", position=last + 10, targets=(
                TargetSpec(Target.RESOLUTION, 8 * 3600, calendar),) if calendar else ())
        self._filling = True
        try:
            self.name.setText(policy.name)
            self.position.setValue(policy.position)
            self.active.setChecked(policy.active)
            for widget, values in ((self.kinds, set(policy.kinds)),
                                   (self.priorities, set(policy.priorities)),
                                   (self.categories, set(policy.category_ids)),
                                   (self.organizations, set(policy.organization_ids))):
                for i in range(widget.count()):
                    item = widget.item(i)
                    item.setCheckState(Qt.CheckState.Checked
                                       if item.data(Qt.ItemDataRole.UserRole) in values
                                       else Qt.CheckState.Unchecked)
            for key, editor in self.target_editors.items():
                editor.set_spec(policy.target(key))
        finally:
            self._filling = False
        self._loaded = self.policy() if self.current is not None else None
        self.clear_errors()
        self.set_status("")
        self._retitle_tabs()
        self._update_buttons()

    # ------------------------------------------------------------ editing

    def new_policy(self) -> None:
        if self.is_dirty():
            self.set_status(self.tr("Save or revert the changes to {name} first.").format(
                name=self.name.text() or self.tr("the new policy")), error=True)
            return
        self._filling = True
        self.list.setCurrentRow(-1)
        self._filling = False
        self.load(None)
        self.name.setFocus()

    def revert(self) -> None:
        self.load(self.current)
        self._back_to_current()

    def _edited(self, *args: Any) -> None:
        if not self._filling:
            self._update_buttons()

    def _retitle_tabs(self, *args: Any) -> None:
        for i, (key, editor) in enumerate(self.target_editors.items()):
            label = Target(key).label
            self.target_tabs.setTabText(i, label if editor.isChecked()
                                        else self.tr("{target} (not set)").format(target=label))

    def _update_buttons(self) -> None:
        self.revert_button.setEnabled(self.is_dirty())

    def policy(self) -> Policy:
        """The policy as the widgets say (checked by the core when saved)."""
        base = self.current
        targets = tuple(spec for spec in (e.spec() for e in self.target_editors.values())
                        if spec is not None)
        return Policy(
            name=self.name.text().strip(), targets=targets, position=self.position.value(),
            kinds=tuple(_checked(self.kinds)), priorities=tuple(_checked(self.priorities)),
            category_ids=tuple(_checked(self.categories)),
            organization_ids=tuple(_checked(self.organizations)),
            active=self.active.isChecked(), id=base.id if base else None,
            row_version=base.row_version if base else None)

    def is_dirty(self) -> bool:
        if self._loaded is None:
            return bool(self.name.text().strip())
        return _comparable(self.policy()) != _comparable(self._loaded)

    def box_for(self, field: str | None, target: str | None = None) -> FieldBox | None:
        if field == "name":
            return self.name_box
        if field == "kinds":
            return self.kinds_box
        if field == "priorities":
            return self.priorities_box
        editor = self.target_editors.get(target or "")
        if editor is None:
            return None
        return {"seconds": editor.duration_box, "calendar_id": editor.calendar_box,
                "pause_statuses": editor.pauses_box, "warning_percent": editor.warning_box,
                "actions": editor.actions_box}.get(field or "")

    def show_field_error(self, field: str | None, message: str,
                         target: str | None = None) -> None:
        box = self.box_for(field, target)
        if box is None:
            self.targets_error.setText(message)
            pal = self.targets_error.palette()
            pal.setColor(self.targets_error.foregroundRole(), error_color(self.palette()))
            self.targets_error.setPalette(pal)
            self.targets_error.setVisible(True)
            return
        box.show_error(message)
        if target in self.target_editors:
            self.target_tabs.setCurrentWidget(self.target_editors[target])
        box.field.setFocus()

    def field_error(self, field: str, target: str | None = None) -> str:
        box = self.box_for(field, target)
        if box is None:
            return self.targets_error.text() if self.targets_error.isVisibleTo(self) else ""
        return box.error.text() if box.error.isVisibleTo(self) else ""

    def clear_errors(self) -> None:
        self.targets_error.setVisible(False)
        for box in (self.name_box, self.kinds_box, self.priorities_box):
            box.clear_error()
        for editor in self.target_editors.values():
            for box in editor.boxes():
                box.clear_error()

    def set_status(self, text: str, error: bool = False) -> None:
        pal = self.status.palette()
        pal.setColor(self.status.foregroundRole(), error_color(self.palette()) if error
                     else self.palette().color(QPalette.ColorRole.WindowText))
        self.status.setPalette(pal)
        self.status.setText(text)

    # ------------------------------------------------------------ saving

    def _check(self, policy: Policy) -> bool:
        """What the form can tell without the database, said at the field."""
        ok = True
        if not policy.name:
            self.show_field_error("name", self.tr("A policy needs a name"))
            ok = False
        elif self.lookups and any(p.name.casefold() == policy.name.casefold()
                                  and p.id != policy.id for p in self.lookups.policies):
            self.show_field_error("name", self.tr("Another policy is called {name}").format(
                name=policy.name))
            ok = False
        if not policy.targets:
            self.show_field_error(None, self.tr("Tick at least one target below."))
            ok = False
        for spec in policy.targets:
            if spec.seconds <= 0:
                self.show_field_error("seconds", self.tr("The duration must be more than zero"),
                                      spec.target)
                ok = False
            if spec.calendar_id is None:
                self.show_field_error("calendar_id", self.tr("Choose a calendar"), spec.target)
                ok = False
            if any(a.kind == ActionKind.REASSIGN and a.group_id is None
                   for a in (*spec.warning_actions, *spec.breach_actions)):
                self.show_field_error("actions", self.tr("Choose the group to reassign to"),
                                      spec.target)
                ok = False
        return ok

    def save(self) -> None:
        self.clear_errors()
        policy = self.policy()
        if not self._check(policy):
            return
        self.save_button.setEnabled(False)
        self.runner.read(preview_policy_change, policy,
                         owner=self, on_done=lambda moves: self._review(policy, moves),
                         on_error=lambda e: self._save_failed(e, policy),
                         label="preview policy")

    def _review(self, policy: Policy, moves: list[DueMove]) -> None:
        self.save_button.setEnabled(True)
        title = (self.tr("Change policy {name}") if policy.id else
                 self.tr("New policy {name}")).format(name=policy.name)
        dialog = PreviewDialog(title, moves, self, what=self.tr(
            "Saving recomputes the open tickets' clocks under the policies in force."))
        self.preview = dialog

        def apply() -> None:
            self.runner.write(admin.save_policy, policy,
                              owner=self, on_done=lambda r: (dialog.finish_apply(),
                                                             self._saved(r)),
                              on_error=lambda e: self._apply_failed(
                                  dialog, e, policy), label="apply policy")

        dialog.applyRequested.connect(apply)
        dialog.finished.connect(lambda _r: self._preview_closed(dialog))
        dialog.open()

    def _preview_closed(self, dialog: PreviewDialog) -> None:
        if self.preview is dialog:
            self.preview = None
        dialog.deleteLater()

    def _apply_failed(self, dialog: PreviewDialog, err: BaseException, policy: Policy) -> None:
        if not isinstance(err, DeskError):
            raise err
        dialog.apply_failed(str(err))
        self._save_failed(err, policy)

    def _saved(self, written: Written[admin.PolicySaved]) -> None:
        result = written.value
        self.save_button.setEnabled(True)
        n = len(result.moves)
        self.reload(select=result.policy.id)
        if n == 1:
            self.set_status(self.tr("Saved. 1 clock recomputed."))
        else:
            self.set_status(self.tr("Saved. {n} clocks recomputed.").format(n=n) if n
                            else self.tr("Saved."))
        self.saved.emit(result)

    def _save_failed(self, err: BaseException, policy: Policy) -> None:
        self.save_button.setEnabled(True)
        if not isinstance(err, DeskError):
            raise err
        if isinstance(err, ConflictError):
            self.set_status(str(err) + " " + self.tr("Revert to see their version."),
                            error=True)
        elif isinstance(err, ValidationError) and err.field:
            target = next((t.target for t in policy.targets
                           if Target(t.target).label in str(err)), None)
            if target is None and err.field in ("seconds", "calendar_id", "warning_percent",
                                                "pause_statuses", "actions"):
                target = policy.targets[0].target if policy.targets else None
            self.show_field_error(err.field, str(err), target)
        else:
            self.set_status(str(err), error=True)

    def _failed(self, err: BaseException) -> None:
        if not isinstance(err, DeskError):
            raise err
        self.setEnabled(True)
        self.set_status(str(err), error=True)


def _comparable(policy: Policy) -> Policy:
    """A policy with list order and default pauses normalised, for "is anything changed"."""
    targets = tuple(sorted((replace(t, pause_statuses=frozenset(t.pauses)) for t in
                            policy.targets), key=lambda t: t.target))
    return replace(policy, targets=targets, kinds=tuple(sorted(policy.kinds)),
                   priorities=tuple(sorted(policy.priorities)),
                   category_ids=tuple(sorted(policy.category_ids, key=str)),
                   organization_ids=tuple(sorted(policy.organization_ids, key=str)))


__all__ = ["PolicyEditor"]
