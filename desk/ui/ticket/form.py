"""The ticket form: create and edit incidents, service requests, problems and changes.

Layout and binding only. The fields come from the kind's spec (``desk.domain.kinds``); what
was loaded, what was typed, validation and the merge of conflicting saves live in the Qt-free
``TicketEditor``, which the widgets write into on every edit. Saving uses optimistic locking:
when another agent saved first, the conflict dialog lets the agent choose field by field, and
nothing typed is lost.

All database work goes through the ``DbRunner``; the form reacts to the one change broadcast:
a ticket changed elsewhere reloads when the form has no unsaved edits, else a notice says so.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal, SignalInstance
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk.domain import lifecycle
from desk.domain.enums import Channel, Status
from desk.domain.kinds import CONTACT, FIELD, FIELDS, HANDLING, REFERENCE_FIELDS, RESOLUTION
from desk.domain.priority import LEVELS
from desk.drafts import Draft, DraftStore, from_json, new_draft_key, to_json
from desk.editing.ticket_editor import TicketEditor, view_values
from desk.errors import DeskError, NotFound, ValidationError
from desk.services import catalog, tickets
from desk.services.catalog import FormLookups, TicketDetail
from desk.services.changes import Changes
from desk.services.dto import TicketView
from desk.services.people import ContactView, CurrentUser
from desk.services.tickets import TicketConflict
from desk.ui.cmdb import AffectedCisPanel
from desk.ui.sla.panel import SlaPanel
from desk.ui.ticket.assignment import AssigneeRow, select
from desk.ui.ticket.attachments import AttachmentsPanel
from desk.ui.ticket.common import (
    alive,
    channel_label,
    kind_label,
    level_text,
    priority_text,
    resolution_label,
    status_label,
)
from desk.ui.ticket.conflict import RELOAD, ConflictDialog, ConflictRow
from desk.ui.ticket.history import AuditTable, HistoryTable, display_value
from desk.ui.ticket.pickers import CategoryPicker, ParentPicker, RequesterPicker
from desk.ui.ticket.worklog import Composer, WorklogTimeline
from desk.ui.widgets import PRIORITY_COLORS, Banner, Chip, FieldBox, local_time
from desk.ui.worker import DbRunner

DRAFT_DELAY_MS = 1000

Done = Callable[[bool], None]


@dataclass(frozen=True)
class Binding:
    """How the form reads a field from its widget and puts a value (with a name) back."""

    get: Callable[[], Any]
    put: Callable[[Any, str], None]
    edited: SignalInstance


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


class TicketForm(QWidget):
    titleChanged = Signal(str)
    dirtyChanged = Signal(bool)
    saved = Signal(object)  # TicketView
    ticketCreated = Signal(object)  # uuid of a ticket this form just created
    loaded = Signal()
    busyChanged = Signal(bool)

    def __init__(self, runner: DbRunner, me: CurrentUser, drafts: DraftStore, database: str, *,
                 ticket_id: uuid.UUID | None = None, kind: str = "incident",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.me, self.drafts, self.database = runner, me, drafts, database
        self.ticket_id = ticket_id
        self.editor = TicketEditor(kind)
        self.lookups: FormLookups | None = None
        self.detail: TicketDetail | None = None
        self.ready = self.saving = False
        self.conflict_dialog: ConflictDialog | None = None
        self._original: TicketView | None = None  # number, times: what the editor lacks
        self._names: dict[uuid.UUID, str] = {}
        self._new_key = new_draft_key()
        self._pending_draft: Draft | None = None
        self._loading = True
        self._was_dirty = False
        self._detail_op = None
        self._refresh_queued = False
        self._draft_timer = QTimer(self, singleShot=True, interval=DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.write_draft)
        self._build()
        self.setEnabled(False)
        self.runner.changed.connect(self._on_changed)
        self._read(catalog.form_lookups, on_done=self._lookups_loaded,
                   on_error=self._load_failed, label="form lookups")
        if ticket_id is not None:
            self._load_detail()
        self.titleChanged.emit(self.tab_title())

    # ------------------------------------------------------------ public API

    @property
    def kind(self) -> str:
        return self.editor.kind

    @property
    def draft_key(self) -> str:
        return str(self.ticket_id) if self.ticket_id is not None else self._new_key

    @property
    def number(self) -> str | None:
        return self._original.number if self._original is not None else None

    @property
    def is_new(self) -> bool:
        return self.ticket_id is None

    def tab_title(self) -> str:
        if self._original is not None:
            return self._original.number
        if self.ticket_id is not None:
            return self.tr("Loading…")
        return self.tr("New {kind}").format(kind=kind_label(self.kind).lower())

    def has_unsaved(self) -> bool:
        return self.ready and (self.editor.dirty or bool(self.composer.text().strip()))

    def restore_draft(self, draft: Draft) -> None:
        """Put a draft left by a crash back into this form (once it has loaded)."""
        if self.ticket_id is None:
            self._new_key = draft.key
        self._pending_draft = draft
        if self.ready:
            self._apply_pending_draft()

    def focus_first_field(self) -> None:
        self.title.setFocus()

    def refresh(self) -> None:
        """Reload worklog, history and attachments; the fields follow the rules of a change
        made elsewhere (reload when clean, a notice when there are unsaved edits)."""
        if self.ticket_id is not None and self.ready:
            self._load_detail()

    def discard(self) -> None:
        """Drop the unsaved edits and the draft (the user chose "Discard")."""
        self._draft_timer.stop()
        self.drafts.remove(self.draft_key)
        self.editor.rebase(self.editor.base, self.editor.version)
        self._set_values(self.editor.values())
        self.composer.set_state("", self.composer.visibility())
        self._after_edit(write=False)

    def save(self, then: Done | None = None) -> bool:
        """Validate and save; ``then(ok)`` runs when the save ended (or failed)."""
        done = then or (lambda ok: None)
        if not self.ready or self.saving:
            done(False)
            return False
        self.clear_errors()
        self._check_parent()
        problems = {**self.editor.validate(), **self.editor.errors}
        if problems:
            self._show_errors(focus=next(iter(problems)))
            done(False)
            return False
        if self.ticket_id is None:
            call: tuple[Any, ...] = (tickets.create_ticket, self.me.id, self.editor.new_ticket())
        elif self.editor.dirty:
            call = (tickets.update_ticket, self.me.id, self.ticket_id, self.editor.version,
                    self.editor.changed())
        else:
            done(True)
            return True
        self._set_saving(True)
        self._write(*call, on_done=lambda r: self._saved(r[0], done),
                    on_error=lambda e: self._save_failed(e, done), label="save ticket")
        return True

    def show_field_error(self, field: str | None, message: str, focus: bool = True) -> None:
        if field == "body":
            self.tabs.setCurrentWidget(self.worklog_tab)
            self.composer.box.show_error(message)
        elif field == "attachments":
            self.tabs.setCurrentWidget(self.attachments)
            self.attachments.box.show_error(message)
        elif field in self._boxes:
            self.editor.add_error(field, message)
            self._show_errors(focus=field if focus else None)
        else:
            self.show_banner(message, error=True)

    def field_error(self, field: str) -> str:
        box = self._boxes.get(field)
        return box.error.text() if box is not None and box.error.isVisibleTo(self) else ""

    def clear_errors(self) -> None:
        self.editor.clear_errors()
        self._show_errors()
        if self.banner.is_error:
            self.hide_banner()

    def show_banner(self, text: str, error: bool = False,
                    actions: list[tuple[str, Callable[[], None]]] | None = None) -> None:
        self.banner.show_notice(text, error, actions)

    def hide_banner(self) -> None:
        self.banner.dismiss()

    def dispose(self) -> None:
        """The tab is closing: stop timers; answers still on their way are ignored."""
        self._draft_timer.stop()
        self.ready = False

    def _read(self, fn: Callable[..., Any], *args: Any, on_done: Callable[..., Any] | None = None,
              on_error: Callable[..., Any] | None = None, label: str = "") -> Any:
        return self.runner.read(fn, *args, on_done=alive(self, on_done),
                                on_error=alive(self, on_error), label=label)

    def _write(self, fn: Callable[..., Any], *args: Any,
               on_done: Callable[..., Any] | None = None,
               on_error: Callable[..., Any] | None = None, label: str = "") -> Any:
        return self.runner.write(fn, *args, on_done=alive(self, on_done),
                                 on_error=alive(self, on_error), label=label)

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 8, 10, 8)
        outer.setSpacing(6)
        head = QHBoxLayout()
        self.number_label = QLabel(self)
        font = self.number_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setBold(True)
        self.number_label.setFont(font)
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        head.addWidget(self.number_label)
        self.kind_chip, self.priority_chip, self.status_chip = Chip(), Chip(), Chip()
        self.major_chip = Chip(self.tr("Major incident"))
        self.major_chip.set_color(PRIORITY_COLORS[1])
        for chip in (self.kind_chip, self.priority_chip, self.status_chip, self.major_chip):
            head.addWidget(chip)
        self.unsaved_label = QLabel(self.tr("Unsaved changes"), self, objectName="hint")
        self.unsaved_label.setVisible(False)
        head.addWidget(self.unsaved_label)
        head.addStretch(1)
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.save_button.clicked.connect(lambda: self.save())
        head.addWidget(self.save_button)
        outer.addLayout(head)
        self.meta_label = QLabel(self, objectName="hint")
        outer.addWidget(self.meta_label)
        self.banner = Banner(self)
        outer.addWidget(self.banner)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        outer.addWidget(self.splitter, 1)
        self._build_fields()
        self._build_tabs()
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.setMinimumSize(560, 420)
        self._show_mode()

    def _build_fields(self) -> None:
        fields = QWidget()
        self.scroll = QScrollArea(self.splitter, widgetResizable=True, minimumHeight=220)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(fields)
        fl = QVBoxLayout(fields)
        fl.setContentsMargins(0, 0, 6, 0)
        sections = {name: self._form_layout() for name in (CONTACT, HANDLING, RESOLUTION)}
        summary = sections["summary"] = self._form_layout()
        fl.addLayout(summary)
        cols = QHBoxLayout()
        cols.setSpacing(24)
        cols.addLayout(sections[CONTACT], 1)
        cols.addLayout(sections[HANDLING], 1)
        fl.addLayout(cols)
        # Resolution: shown when the chosen status resolves the ticket (or it is resolved).
        self.resolution_frame = QFrame(objectName="resolution", visible=False)
        self.resolution_frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.resolution_frame.setLayout(sections[RESOLUTION])
        sections[RESOLUTION].addRow(QLabel(self.tr("<b>Resolution</b>")))
        fl.addWidget(self.resolution_frame)
        fl.addStretch(1)

        self.title = QLineEdit(maxLength=FIELD["title"].max_length or 0)
        self.title.setPlaceholderText(self.tr("A short summary of the request or fault"))
        self.description = QPlainTextEdit(tabChangesFocus=True, minimumHeight=90,
                                          maximumHeight=200)
        self.description.setPlaceholderText(self.tr("What happened, what was asked, what "
                                                    "the requester already tried"))
        self.requester = RequesterPicker(self.runner)
        self.requester.picked.connect(self._requester_picked)
        self.organization, self.channel, self.status = QComboBox(), QComboBox(), QComboBox()
        self.impact, self.urgency, self.resolution_code = QComboBox(), QComboBox(), QComboBox()
        for ch in Channel:
            self.channel.addItem(channel_label(ch), ch.value)
        for level in LEVELS:
            self.impact.addItem(level_text(level), level)
            self.urgency.addItem(level_text(level), level)
        self.category = CategoryPicker()
        self.parent_picker = ParentPicker(self.runner)
        self.major = QCheckBox()
        self.assignment = AssigneeRow(self._read, self.me)
        self.assignment.notMember.connect(lambda: self.show_field_error(
            "assignee_id", self.tr("The previous assignee is not a member of this group"),
            focus=False))
        self.group, self.assignee = self.assignment.group, self.assignment.assignee
        self.resolution_notes = QPlainTextEdit(tabChangesFocus=True, minimumHeight=70)
        self.resolution_notes.setPlaceholderText(
            self.tr("What fixed it, or why the request is done"))

        def combo(box: QComboBox) -> Binding:
            return Binding(box.currentData, lambda v, name: select(box, v, name),
                           box.currentIndexChanged)

        def plain(edit: QPlainTextEdit) -> Binding:
            def put(value: Any, _name: str) -> None:
                if edit.toPlainText() != (value or ""):
                    edit.setPlainText(value or "")
            return Binding(edit.toPlainText, put, edit.textChanged)

        self._bindings: dict[str, Binding] = {
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
            "group_id": Binding(self.group.currentData, lambda v, n: select(self.group, v, n),
                                self.assignment.edited),
            "assignee_id": Binding(self.assignment.value, self.assignment.set_value,
                                   self.assignment.edited),
            "resolution_code": combo(self.resolution_code),
            "resolution_notes": plain(self.resolution_notes),
        }
        widgets: dict[str, QWidget] = {
            "title": self.title, "description": self.description,
            "requester_id": self.requester, "organization_id": self.organization,
            "channel": self.channel, "category_id": self.category,
            "parent_id": self.parent_picker, "major_incident": self.major,
            "status": self.status, "impact": self.impact, "urgency": self.urgency,
            "group_id": self.group, "assignee_id": self.assignment,
            "resolution_code": self.resolution_code, "resolution_notes": self.resolution_notes}
        self._boxes: dict[str, FieldBox] = {}
        self._rows: dict[str, tuple[QLabel, FieldBox]] = {}
        for spec in FIELDS:
            widget = widgets[spec.name]
            box = self._boxes[spec.name] = FieldBox(widget)
            widget.setAccessibleName(spec.label())
            if isinstance(widget, QCheckBox):
                widget.setText(spec.mnemonic())
            label = QLabel("" if isinstance(widget, QCheckBox) else spec.mnemonic(),
                           objectName=f"label_{spec.name}")
            label.setContentsMargins(0, 4, 0, 0)  # level with the first line of the field
            label.setBuddy(widget.focusProxy() or widget)
            sections[spec.section].addRow(label, box)
            self._rows[spec.name] = (label, box)
            if spec.name != "assignee_id":  # the group's binding tells of both
                self._bindings[spec.name].edited.connect(self._edited)
            if spec.name == "urgency":
                self.priority_label = QLabel()
                self.priority_label.setToolTip(self.tr("Priority follows from impact × "
                                                       "urgency"))
                sections[HANDLING].addRow(QLabel(self.tr("Priority")), self.priority_label)
        self.parent_picker.line.textEdited.connect(self._edited)

    def _build_tabs(self) -> None:
        self.tabs = QTabWidget(self.splitter, documentMode=True)
        self.worklog_tab = QWidget()
        wl = QVBoxLayout(self.worklog_tab)
        wl.setContentsMargins(0, 6, 0, 0)
        self.composer = Composer(self.worklog_tab)
        self.composer.submitted.connect(self._add_worklog)
        self.composer.edited.connect(self._composer_edited)
        wl.addWidget(self.composer)
        self.timeline = WorklogTimeline(self.worklog_tab)
        wl.addWidget(self.timeline, 1)
        self.tabs.addTab(self.worklog_tab, self.tr("Worklog"))
        self.attachments = AttachmentsPanel(self.runner, self.me)
        self.tabs.addTab(self.attachments, self.tr("Attachments"))
        self.history = HistoryTable()
        self.tabs.addTab(self.history, self.tr("History"))
        self.audit = AuditTable()
        self.tabs.addTab(self.audit, self.tr("Audit"))
        self.sla = SlaPanel(self.runner, self.me)
        self.tabs.addTab(self.sla, self.tr("SLA"))
        self.cis = AffectedCisPanel(self.runner, self.me, self)
        self.tabs.addTab(self.cis, self.tr("Affected CIs"))

    def _form_layout(self) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setVerticalSpacing(6)
        form.setHorizontalSpacing(10)
        return form

    def _show_mode(self) -> None:
        existing = self.ticket_id is not None
        self.tabs.setVisible(existing)
        self.attachments.set_ticket(self.ticket_id)
        self.sla.set_ticket(self.ticket_id)
        self.cis.set_ticket(self.ticket_id)
        for name, (label, box) in self._rows.items():
            label.setVisible(self.editor.spec.shows(name))
            box.setVisible(self.editor.spec.shows(name))
        self.status.setEnabled(existing)
        self.status.setToolTip("" if existing else self.tr("A new ticket starts as New"))

    # ------------------------------------------------------------ loading

    def _load_detail(self) -> None:
        if self._detail_op is not None:
            self._refresh_queued = True  # one more read after the one in flight
            return
        self._detail_op = self._read(catalog.ticket_detail, self.ticket_id,
                                     on_done=self._detail_loaded, on_error=self._load_failed,
                                     label="load ticket")

    def _lookups_loaded(self, lookups: FormLookups) -> None:
        self.lookups = lookups
        self._maybe_ready()

    def _detail_loaded(self, detail: TicketDetail) -> None:
        self._detail_op = None
        if self._refresh_queued:
            self._refresh_queued = False
            self._load_detail()
        if not self.ready:
            self.detail = detail
            self._maybe_ready()
        else:
            self._on_newer(detail)

    def _load_failed(self, err: BaseException) -> None:
        self._detail_op = None
        if not isinstance(err, DeskError):
            raise err
        self.setEnabled(True)
        if isinstance(err, NotFound):
            self.show_banner(self.tr("This ticket no longer exists."), error=True)
        else:
            self.show_banner(str(err), error=True,
                             actions=[(self.tr("Try again"), self._retry_load)])

    def _retry_load(self) -> None:
        self.hide_banner()
        if self.lookups is None:
            self._read(catalog.form_lookups, on_done=self._lookups_loaded,
                       on_error=self._load_failed, label="form lookups")
        if self.ticket_id is not None and self.detail is None:
            self._load_detail()

    def _maybe_ready(self) -> None:
        if self.lookups is None or (self.ticket_id is not None and self.detail is None):
            return
        self._loading = True
        with QSignalBlocker(self.organization), QSignalBlocker(self.group):
            self.organization.addItem(self.tr("(none)"), None)
            for org in self.lookups.organizations:
                self.organization.addItem(org.name, org.id)
            self.group.addItem(self.tr("(unassigned)"), None)
            for g in self.lookups.groups:
                self.group.addItem(g.name, g.id)
        self.category.set_categories(self.lookups.categories)
        if self.detail is not None:
            self._original = self.detail.ticket
            self.editor = TicketEditor(self._original.kind, self._original)
            self._apply_side(self.detail)
        self._rebuild_choices()
        self._set_values(self.editor.values())
        self._loading = False
        self.ready = True
        self.setEnabled(True)
        self._show_mode()
        if self._pending_draft is not None:
            self._apply_pending_draft()
        self._after_edit(write=False)
        self.loaded.emit()

    def _apply_pending_draft(self) -> None:
        draft, self._pending_draft = self._pending_draft, None
        if draft is None:
            return
        base, version = self.editor.base, self.editor.version
        if self._original is not None and draft.base_version not in (None, version):
            # Edits made against an older version: saving must meet the conflict dialog,
            # not overwrite what others saved meanwhile.
            base, version = from_json(draft.base, REFERENCE_FIELDS), draft.base_version
        self.editor.rebase(base, version, from_json(draft.values, REFERENCE_FIELDS))
        self._rebuild_choices()
        self._set_values(self.editor.values(), draft.labels)
        self.composer.set_state(str(draft.composer.get("text", "")),
                                str(draft.composer.get("visibility", "internal")))
        self._after_edit(write=True)

    def _apply_side(self, detail: TicketDetail) -> None:
        self.detail = detail
        self._names.update(detail.names)
        self.timeline.set_entries(detail.worklog, self._names)
        self.history.set_events(detail.events, self._names)
        self.audit.set_audit(detail.audit, self._names)
        self.attachments.set_items(detail.attachments, self._names)
        self.tabs.setTabText(self.tabs.indexOf(self.worklog_tab),
                             self.tr("Worklog ({n})").format(n=len(detail.worklog)))
        self.tabs.setTabText(self.tabs.indexOf(self.attachments),
                             self.tr("Attachments ({n})").format(n=len(detail.attachments)))

    # ------------------------------------------------------------ widgets <-> editor

    def _set_values(self, values: dict[str, Any], labels: dict[str, str] | None = None) -> None:
        """Put ``values`` in the widgets (names of ids from the database, else ``labels``)."""
        labels = labels or {}
        was_loading, self._loading = self._loading, True
        try:
            for field, binding in self._bindings.items():
                value = values[field]
                name = (self._names.get(value) if value is not None else None) \
                    or labels.get(field) or ""
                binding.put(value, name)
        finally:
            self._loading = was_loading
        self._sync()

    def _sync(self) -> None:
        """What the widgets hold goes into the editor."""
        for field, binding in self._bindings.items():
            if self.editor.editable(field):
                self.editor.set(field, binding.get() if field != "status"
                                else binding.get() or self.editor.base["status"])
        self.resolution_frame.setVisible(self.editor.resolution_needed())

    def _labels(self) -> dict[str, str]:
        """The names shown for ids, which a draft keeps for when the database is away."""
        return {"requester_id": self.requester.label(), "category_id": self.category.label(),
                "parent_id": self.parent_picker.label(),
                "organization_id": self.organization.currentText()
                if self.organization.currentData() else "",
                "group_id": self.group.currentText() if self.group.currentData() else "",
                "assignee_id": self.assignment.label()}

    def _rebuild_choices(self) -> None:
        """The statuses the base's may move to and the kind's resolution codes."""
        base = Status(self.editor.base["status"])
        with QSignalBlocker(self.status), QSignalBlocker(self.resolution_code):
            self.status.clear()
            self.status.addItem(status_label(base), base.value)
            if self.ticket_id is not None:
                for s in lifecycle.allowed_transitions(self.kind, base):
                    self.status.addItem(status_label(s), s.value)
            self.resolution_code.clear()
            self.resolution_code.addItem(self.tr("(choose)"), None)
            for code in self.editor.spec.resolution_codes:
                self.resolution_code.addItem(resolution_label(code), code.value)
        values = self.editor.values()
        select(self.status, values["status"])
        select(self.resolution_code, values["resolution_code"],
               resolution_label(values["resolution_code"]))

    def _requester_picked(self, contact: ContactView) -> None:
        if contact.organization_id is not None:
            self._names[contact.organization_id] = contact.organization_name or ""
            select(self.organization, contact.organization_id, contact.organization_name or "")
        self._names[contact.id] = contact.name

    def _check_parent(self) -> None:
        """The parent number is looked up as it is typed: its answer must be in."""
        if self.parent_picker.problem:
            self.editor.add_error("parent_id", self.parent_picker.problem)
        elif self.parent_picker.pending:
            self.parent_picker.check_now()
            self.editor.add_error("parent_id", self.tr(
                "Checking this ticket number… save again in a moment"))

    def _show_errors(self, focus: str | None = None) -> None:
        for field, box in self._boxes.items():
            if field in self.editor.errors:
                box.show_error(self.editor.errors[field])
            else:
                box.clear_error()
        if focus in self._boxes:
            self._boxes[focus].field.setFocus()
            self.scroll.ensureWidgetVisible(self._boxes[focus])

    # ------------------------------------------------------------ edits and drafts

    def _edited(self, *args: Any) -> None:
        if not self._loading and self.ready:
            self._after_edit(write=True)

    def _composer_edited(self) -> None:
        if not self._loading and self.ready:
            self._draft_timer.start()
            self._update_dirty()

    def _after_edit(self, write: bool) -> None:
        self._sync()
        self._show_errors()
        self._update_header()
        if write:
            self._draft_timer.start()
        self._update_dirty()

    def _update_dirty(self) -> None:
        dirty = self.has_unsaved()
        self.unsaved_label.setVisible(dirty)
        if dirty != self._was_dirty:
            self._was_dirty = dirty
            self.dirtyChanged.emit(dirty)

    def write_draft(self) -> None:
        """Keep the unsaved state on disk (or remove the draft when nothing is unsaved)."""
        self._draft_timer.stop()
        if not self.ready:
            return
        if not self.has_unsaved():
            self.drafts.remove(self.draft_key)
            return
        values = self.editor.values()
        try:
            self.drafts.save(Draft(
                key=self.draft_key, database=self.database, kind=self.kind,
                ticket_id=str(self.ticket_id) if self.ticket_id else None,
                number=self.number, title=values["title"], base_version=self.editor.version,
                base=to_json(self.editor.base), values=to_json(values), labels=self._labels(),
                composer={"text": self.composer.text(),
                          "visibility": self.composer.visibility()}))
        except OSError as err:
            self.show_banner(self.tr("Cannot keep a local draft: {reason}").format(
                reason=err.strerror), error=True)

    def _update_header(self) -> None:
        values = self.editor.values()
        self.number_label.setText(self.number or self.tr("New"))
        self.kind_chip.setText(kind_label(self.kind))
        prio = None
        if self.lookups is not None:
            try:
                prio = self.lookups.matrix.priority(values["impact"], values["urgency"])
            except ValidationError:
                prio = None
        if prio is not None:
            self.priority_chip.setText(priority_text(prio))
            self.priority_chip.set_color(PRIORITY_COLORS[prio])
            self.priority_label.setText(priority_text(prio))
        self.priority_chip.setVisible(prio is not None)
        self.status_chip.setText(status_label(values["status"]))
        self.major_chip.setVisible(bool(values["major_incident"]))
        if self._original is not None:
            o = self._original
            parts = [self.tr("Opened {when}").format(when=local_time(o.opened_at)),
                     self.tr("updated {when}").format(when=local_time(o.updated_at))]
            if o.resolved_at:
                parts.append(self.tr("resolved {when}").format(when=local_time(o.resolved_at)))
            self.meta_label.setText(" · ".join(parts))
        else:
            self.meta_label.setText(self.tr("Not saved yet — worklog, attachments and history "
                                            "follow after the first save"))
        self.titleChanged.emit(self.tab_title())

    # ------------------------------------------------------------ saving

    def _set_saving(self, saving: bool) -> None:
        self.saving = saving
        self.save_button.setEnabled(not saving)
        self.save_button.setText(self.tr("Saving…") if saving else self.tr("&Save"))
        self.busyChanged.emit(saving)

    def _saved(self, view: TicketView, done: Done) -> None:
        created = self.ticket_id is None
        self._set_saving(False)
        self._draft_timer.stop()
        if created:
            self.drafts.remove(self._new_key)
            self.ticket_id = view.id
        self._original = view
        self.editor.load(view)
        self._rebuild_choices()
        self._show_mode()
        self._after_edit(write=False)
        self.write_draft()
        self.hide_banner()
        if created:
            self.ticketCreated.emit(view.id)
        self.saved.emit(view)
        if created:
            self._load_detail()
        done(True)

    def _save_failed(self, err: BaseException, done: Done) -> None:
        self._set_saving(False)
        if isinstance(err, TicketConflict):
            self._read(catalog.view_names, err.current,
                       on_done=lambda names: self._show_conflict(err.current, names, done),
                       on_error=lambda e: self._save_failed(e, done),
                       label="names for conflict")
            return
        done(False)
        if isinstance(err, ValidationError):
            self.show_field_error(err.field, str(err))
        elif isinstance(err, DeskError):
            self.show_banner(str(err), error=True)
        else:
            raise err

    # ------------------------------------------------------------ conflicts

    def _show_conflict(self, theirs: TicketView, names: dict[uuid.UUID, str],
                       done: Done) -> None:
        self._names.update(names)
        mine, theirs_values = self.editor.values(), view_values(theirs)
        known = dict(self._names)
        for field, label in self._labels().items():
            if mine[field] is not None and label:
                known[mine[field]] = label
        conflicts = self.editor.merge(theirs_values).conflicts
        rows = [ConflictRow(f, FIELD[f].label(), display_value(f, _text(mine[f]), known),
                            display_value(f, _text(theirs_values[f]), known), f in conflicts)
                for f in self.editor.their_changes(theirs_values)]
        if not rows:
            # They changed nothing this form shows (a worklog entry, say): save on top.
            self._rebase(theirs, {})
            self.save(done)
            return
        dialog = self.conflict_dialog = ConflictDialog(theirs.number, rows, self)
        dialog.finished.connect(lambda result: self._conflict_done(dialog, theirs, result, done))
        dialog.open()

    def _conflict_done(self, dialog: ConflictDialog, theirs: TicketView, result: int,
                       done: Done) -> None:
        self.conflict_dialog = None
        dialog.deleteLater()
        if result == ConflictDialog.DialogCode.Accepted:
            self._rebase(theirs, dialog.choices())
            self.save(done)
        elif result == RELOAD:
            self._rebase(theirs, None)
            self._load_detail()
            done(False)
        else:
            self.show_banner(self.tr("Not saved: {number} was changed by someone else. Your "
                                     "edits are still here.").format(number=theirs.number),
                             error=True, actions=[(self.tr("Save again"), lambda: self.save())])
            done(False)

    def _rebase(self, theirs: TicketView, choices: dict[str, str] | None) -> None:
        """Make ``theirs`` the loaded version, keeping the merged edits (with the agent's
        ``choices`` per field), or none when ``choices`` is None."""
        labels = self._labels()
        self._original = theirs
        if choices is None:
            self.editor.load(theirs)
        else:
            self.editor.resolve(view_values(theirs), theirs.row_version, choices)
        lost = self.editor.status_lost()
        if lost:
            chosen = self.editor.values()["status"]
            self.editor.set("status", theirs.status)
        self._rebuild_choices()
        self._set_values(self.editor.values(), labels)
        if lost:
            self.show_field_error("status", self.tr(
                "{status} cannot follow {theirs}; choose the status again").format(
                status=status_label(chosen), theirs=status_label(theirs.status)))
        self._after_edit(write=True)

    # ------------------------------------------------------------ changes elsewhere

    def _on_changed(self, changes: Changes) -> None:
        if self.ticket_id is not None and self.ticket_id in changes.ticket_ids and self.ready:
            self._load_detail()

    def _on_newer(self, detail: TicketDetail) -> None:
        self._apply_side(detail)
        newer = detail.ticket
        if newer.row_version == self.editor.version or self.saving:
            return  # nothing new, or our own save is on its way and sets the version
        if view_values(newer) == self.editor.base:
            # Only the version moved (a worklog entry): keep every edit, follow the version.
            self._original = newer
            self.editor.version = newer.row_version
            self._update_header()
        elif not self.editor.dirty:
            self._rebase(newer, None)
            self.write_draft()
        else:
            self.show_banner(
                self.tr("{number} was changed elsewhere while you were editing. Your edits "
                        "are kept; saving will let you choose field by field.").format(
                    number=newer.number),
                actions=[(self.tr("Review now"), lambda: self._review_conflict(newer))])

    def _review_conflict(self, newer: TicketView) -> None:
        self.hide_banner()
        self._read(catalog.view_names, newer, label="names for conflict",
                   on_done=lambda names: self._show_conflict(newer, names, lambda ok: None))

    # ------------------------------------------------------------ worklog

    def _add_worklog(self, visibility: str, text: str) -> None:
        if self.ticket_id is None:
            return
        self.composer.set_busy(True)
        self._write(tickets.add_worklog, self.me.id, self.ticket_id, visibility, text,
                    on_done=self._worklog_added, on_error=self._worklog_failed,
                    label="add worklog")

    def _worklog_added(self, _result: object) -> None:
        self.composer.set_busy(False)
        self.composer.set_state("", self.composer.visibility())
        self.write_draft()
        self._update_dirty()

    def _worklog_failed(self, err: BaseException) -> None:
        self.composer.set_busy(False)
        if not isinstance(err, DeskError):
            raise err
        self.composer.box.show_error(str(err))
