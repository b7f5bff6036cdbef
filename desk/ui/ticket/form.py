"""The ticket form: create and edit incidents, service requests, problems and changes.

The form keeps the ticket as loaded (``base``) apart from what the widgets hold (``values()``);
the difference is what a save sends, what the unsaved-changes question is about and what the
local draft keeps. Saving uses optimistic locking: when another agent saved first, the
conflict dialog lets the agent choose field by field, and nothing typed is lost.

All database work goes through the ``DbRunner``; the form reacts to the one change broadcast:
a ticket changed elsewhere reloads when the form has no unsaved edits, else a notice says so.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
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
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desk.domain import lifecycle
from desk.domain.enums import Channel, Kind, Status
from desk.domain.priority import LEVELS
from desk.drafts import Draft, DraftStore, from_json, new_draft_key, to_json
from desk.errors import DeskError, NotFound, ValidationError
from desk.services import catalog, people, tickets
from desk.services.catalog import FormLookups, TicketDetail
from desk.services.changes import Changes
from desk.services.dto import EDITABLE_FIELDS, TicketView
from desk.services.people import ContactView, CurrentUser, UserView
from desk.services.tickets import NewTicket, TicketConflict
from desk.ui.ticket.attachments import AttachmentsPanel
from desk.ui.ticket.common import (
    PRIORITY_COLORS,
    RESOLUTION_CODES,
    Chip,
    FieldBox,
    channel_label,
    error_color,
    field_label,
    kind_label,
    level_text,
    local_time,
    priority_text,
    resolution_label,
    status_label,
)
from desk.ui.ticket.conflict import RELOAD, THEIRS, ConflictDialog, ConflictRow
from desk.ui.ticket.history import AuditTable, HistoryTable, display_value
from desk.ui.ticket.pickers import CategoryPicker, ParentPicker, RequesterPicker
from desk.ui.ticket.worklog import Composer, WorklogTimeline
from desk.ui.worker import DbRunner

try:  # the CMDB engineer's panel; the form works without it
    from desk.ui.cmdb import AffectedCisPanel  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - depends on what is installed
    AffectedCisPanel = None

log = logging.getLogger(__name__)

ID_FIELDS = ("category_id", "requester_id", "organization_id", "group_id", "assignee_id",
             "parent_id")
DRAFT_DELAY_MS = 1000

Done = Callable[[bool], None]


def new_ticket_values(kind: str) -> dict[str, Any]:
    """What a new ticket's form starts with."""
    return {
        "title": "", "description": "", "status": lifecycle.initial_status(Kind(kind)).value,
        "impact": 3, "urgency": 3, "category_id": None, "channel": Channel.PHONE.value,
        "requester_id": None, "organization_id": None, "group_id": None, "assignee_id": None,
        "parent_id": None, "major_incident": False, "resolution_code": None,
        "resolution_notes": None,
    }


def view_values(view: TicketView) -> dict[str, Any]:
    values = {f: getattr(view, f) for f in EDITABLE_FIELDS}
    values["resolution_notes"] = values["resolution_notes"] or None
    values["resolution_code"] = values["resolution_code"] or None
    return values


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
                 ticket_id: uuid.UUID | None = None, kind: str = Kind.INCIDENT,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.me = me
        self.drafts = drafts
        self.database = database
        self.ticket_id = ticket_id
        self.kind = Kind(kind)
        self.lookups: FormLookups | None = None
        self.detail: TicketDetail | None = None
        self.ready = False
        self.saving = False
        self.conflict_dialog: ConflictDialog | None = None
        self._original: TicketView | None = None
        self._names: dict[uuid.UUID, str] = {}
        self._new_key = new_draft_key()
        self._pending_draft: Draft | None = None
        self._loading = True
        self._was_dirty = False
        self._members_for: uuid.UUID | None = None
        self._members: list[UserView] = []
        self._assignee_pending: uuid.UUID | None = None
        self._detail_op = None
        self._refresh_queued = False
        self._error_values: dict[str, Any] = {}  # field -> its value when the error was shown

        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
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

    def base_values(self) -> dict[str, Any]:
        if self._original is not None:
            return view_values(self._original)
        return new_ticket_values(self.kind)

    def values(self) -> dict[str, Any]:
        """What the widgets hold, in the service's terms (ids, enum values, None for empty)."""
        base = self.base_values()
        notes = self.resolution_notes.toPlainText()
        show_resolution = self._resolution_needed()
        return {
            "title": self.title.text().strip(),
            "description": self.description.toPlainText(),
            "status": self.status.currentData() or base["status"],
            "impact": self.impact.currentData(),
            "urgency": self.urgency.currentData(),
            "category_id": self.category.value(),
            "channel": self.channel.currentData(),
            "requester_id": self.requester.value(),
            "organization_id": self.organization.currentData(),
            "group_id": self.group.currentData(),
            "assignee_id": self._assignee_value(),
            "parent_id": self.parent_picker.value(),
            "major_incident": (self.major.isChecked() if self.kind is Kind.INCIDENT
                               else base["major_incident"]),
            "resolution_code": (self.resolution_code.currentData() if show_resolution
                                else base["resolution_code"]),
            "resolution_notes": ((notes if notes.strip() else None) if show_resolution
                                 else base["resolution_notes"]),
        }

    def changed_fields(self) -> dict[str, Any]:
        if not self.ready:
            return {}
        base = self.base_values()
        return {k: v for k, v in self.values().items() if v != base[k]}

    def has_unsaved(self) -> bool:
        return self.ready and (bool(self.changed_fields()) or bool(self.composer.text().strip()))

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
        if self._original is not None:
            self._set_values(view_values(self._original))
        self.composer.set_state("", self.composer.visibility())
        self._after_edit(write=False)

    def save(self, then: Done | None = None) -> bool:
        """Validate and save; ``then(ok)`` runs when the save ended (or failed)."""
        done = then or (lambda ok: None)
        if not self.ready or self.saving:
            done(False)
            return False
        self.clear_errors()
        values = self.values()
        problems = self._validate(values)
        if problems:
            for field, message in problems:
                self.show_field_error(field, message, focus=field == problems[0][0])
            done(False)
            return False
        if self.ticket_id is None:
            new = NewTicket(kind=self.kind, **{k: v for k, v in values.items() if k not in (
                "status", "resolution_code", "resolution_notes")})
            self._set_saving(True)
            self._write(tickets.create_ticket, self.me.id, new,
                              on_done=lambda r: self._created(r[0], done),
                              on_error=lambda e: self._save_failed(e, done),
                              label="create ticket")
            return True
        changes = self.changed_fields()
        if not changes:
            done(True)
            return True
        assert self._original is not None
        self._set_saving(True)
        self._write(tickets.update_ticket, self.me.id, self.ticket_id,
                          self._original.row_version, changes,
                          on_done=lambda r: self._updated(r[0], done),
                          on_error=lambda e: self._save_failed(e, done),
                          label="save ticket")
        return True

    def show_field_error(self, field: str | None, message: str, focus: bool = True) -> None:
        box = self._boxes.get(field or "")
        if field == "body":
            box = self.composer.box
            self.tabs.setCurrentWidget(self.worklog_tab)
        elif field == "attachments":
            box = self.attachments.box
            self.tabs.setCurrentWidget(self.attachments)
        if box is None:
            self.show_banner(message, error=True)
            return
        box.show_error(message)
        if field in EDITABLE_FIELDS and self.ready:
            self._error_values[field] = self.values()[field]
        if focus:
            box.field.setFocus()
            self.scroll.ensureWidgetVisible(box)

    def field_error(self, field: str) -> str:
        box = self._boxes.get(field)
        return box.error.text() if box is not None and box.error.isVisibleTo(self) else ""

    def clear_errors(self) -> None:
        self._error_values.clear()
        for box in self._boxes.values():
            box.clear_error()
        if self.banner.property("error"):
            self.hide_banner()

    def show_banner(self, text: str, error: bool = False,
                    actions: list[tuple[str, Callable[[], None]]] | None = None) -> None:
        self.banner.setProperty("error", error)
        pal = self.banner_text.palette()
        pal.setColor(self.banner_text.foregroundRole(),
                     error_color(self.palette()) if error
                     else self.palette().color(self.palette().ColorRole.WindowText))
        self.banner_text.setPalette(pal)
        self.banner_text.setText(text)
        for b in self._banner_buttons:
            b.deleteLater()
        self._banner_buttons = []
        for label, fn in actions or []:
            b = QPushButton(label, self.banner)
            b.clicked.connect(fn)
            self.banner.layout().insertWidget(self.banner.layout().count() - 1, b)
            self._banner_buttons.append(b)
        self.banner.setVisible(True)

    def hide_banner(self) -> None:
        self.banner.setVisible(False)
        self.banner.setProperty("error", False)

    def dispose(self) -> None:
        """The tab is closing: stop timers; answers still on their way are ignored."""
        self._draft_timer.stop()
        self.ready = False

    def _read(self, fn: Callable[..., Any], *args: Any, on_done: Callable[..., Any] | None = None,
              on_error: Callable[..., Any] | None = None, label: str = "") -> Any:
        return self.runner.read(fn, *args, owner=self, on_done=on_done,
                                on_error=on_error, label=label)

    def _write(self, fn: Callable[..., Any], *args: Any,
               on_done: Callable[..., Any] | None = None,
               on_error: Callable[..., Any] | None = None, label: str = "") -> Any:
        return self.runner.write(fn, *args, owner=self, on_done=on_done,
                                 on_error=on_error, label=label)

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 8, 10, 8)
        outer.setSpacing(6)

        # Header: number, kind, priority, status, save.
        head = QHBoxLayout()
        head.setSpacing(8)
        self.number_label = QLabel(self)
        font = self.number_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setBold(True)
        self.number_label.setFont(font)
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        head.addWidget(self.number_label)
        self.kind_chip = Chip(parent=self)
        self.priority_chip = Chip(parent=self)
        self.status_chip = Chip(parent=self)
        self.major_chip = Chip(self.tr("Major incident"), self)
        self.major_chip.set_color(PRIORITY_COLORS[1])
        for chip in (self.kind_chip, self.priority_chip, self.status_chip, self.major_chip):
            head.addWidget(chip)
        self.unsaved_label = QLabel(self.tr("Unsaved changes"), self)
        self.unsaved_label.setObjectName("hint")
        self.unsaved_label.setVisible(False)
        head.addWidget(self.unsaved_label)
        head.addStretch(1)
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.save_button.setDefault(False)
        self.save_button.clicked.connect(lambda: self.save())
        head.addWidget(self.save_button)
        outer.addLayout(head)
        self.meta_label = QLabel(self)
        self.meta_label.setObjectName("hint")
        outer.addWidget(self.meta_label)

        # A notice line (changed elsewhere, errors that belong to no field).
        self.banner = QFrame(self)
        self.banner.setObjectName("banner")
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        bl = QHBoxLayout(self.banner)
        bl.setContentsMargins(8, 4, 8, 4)
        self.banner_text = QLabel(self.banner)
        self.banner_text.setWordWrap(True)
        bl.addWidget(self.banner_text, 1)
        close = QToolButton(self.banner)
        close.setText("×")
        close.setAccessibleName(self.tr("Dismiss notice"))
        close.setToolTip(self.tr("Dismiss notice"))
        close.clicked.connect(self.hide_banner)
        bl.addWidget(close)
        self._banner_buttons: list[QPushButton] = []
        self.banner.setVisible(False)
        outer.addWidget(self.banner)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        outer.addWidget(self.splitter, 1)

        # ---- fields
        fields = QWidget()
        self.scroll = QScrollArea(self.splitter)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(fields)
        self.scroll.setMinimumHeight(220)
        fl = QVBoxLayout(fields)
        fl.setContentsMargins(0, 0, 6, 0)
        fl.setSpacing(8)
        self._boxes: dict[str, FieldBox] = {}

        top = QFormLayout()
        self._form_style(top)
        self.title = QLineEdit()
        self.title.setMaxLength(tickets.TITLE_MAX)
        self.title.setPlaceholderText(self.tr("A short summary of the request or fault"))
        self._row(top, "title", self.tr("&Title"), self.title)
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setPlaceholderText(self.tr("What happened, what was asked, what "
                                                    "the requester already tried"))
        self.description.setMinimumHeight(90)
        self.description.setMaximumHeight(200)
        self.description.setSizePolicy(QSizePolicy.Policy.Expanding,
                                       QSizePolicy.Policy.Preferred)
        self._row(top, "description", self.tr("&Description"), self.description)
        fl.addLayout(top)

        cols = QHBoxLayout()
        cols.setSpacing(24)
        left = QFormLayout()
        right = QFormLayout()
        self._form_style(left)
        self._form_style(right)
        cols.addLayout(left, 1)
        cols.addLayout(right, 1)
        fl.addLayout(cols)

        self.requester = RequesterPicker(self.runner)
        self.requester.picked.connect(self._requester_picked)
        self._row(left, "requester_id", self.tr("Re&quester"), self.requester)
        self.organization = QComboBox()
        self._row(left, "organization_id", self.tr("&Organization"), self.organization)
        self.channel = QComboBox()
        for ch in Channel:
            self.channel.addItem(channel_label(ch), ch.value)
        self._row(left, "channel", self.tr("C&hannel"), self.channel)
        self.category = CategoryPicker()
        self._row(left, "category_id", self.tr("Cat&egory"), self.category)
        self.parent_picker = ParentPicker(self.runner)
        self._row(left, "parent_id", self.tr("Pa&rent ticket"), self.parent_picker)
        self.major = QCheckBox(self.tr("&Major incident — significant business impact"))
        self._major_label = self._row(left, "major_incident", "", self.major)

        self.status = QComboBox()
        self._row(right, "status", self.tr("Stat&us"), self.status)
        self.impact = QComboBox()
        self.urgency = QComboBox()
        for level in LEVELS:
            self.impact.addItem(level_text(level), level)
            self.urgency.addItem(level_text(level), level)
        self._row(right, "impact", self.tr("&Impact"), self.impact)
        self._row(right, "urgency", self.tr("Urgenc&y"), self.urgency)
        self.priority_label = QLabel()
        self.priority_label.setToolTip(self.tr("Priority follows from impact × urgency"))
        right.addRow(QLabel(self.tr("Priority")), self.priority_label)
        self.group = QComboBox()
        self._row(right, "group_id", self.tr("Assignment &group"), self.group)
        assignee_row = QWidget()
        al = QHBoxLayout(assignee_row)
        al.setContentsMargins(0, 0, 0, 0)
        al.setSpacing(4)
        self.assignee = QComboBox()
        self.assignee.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        al.addWidget(self.assignee, 1)
        self.assign_me = QToolButton()
        self.assign_me.setText(self.tr("Me"))
        self.assign_me.setToolTip(self.tr("Assign to me"))
        self.assign_me.setAccessibleName(self.tr("Assign to me"))
        self.assign_me.clicked.connect(self.assign_to_me)
        al.addWidget(self.assign_me)
        box = FieldBox(assignee_row)
        self._boxes["assignee_id"] = box
        label = QLabel(self.tr("&Assignee"))
        label.setBuddy(self.assignee)
        label.setContentsMargins(0, 4, 0, 0)
        right.addRow(label, box)

        # Resolution: shown when the chosen status resolves the ticket (or it is resolved).
        self.resolution_frame = QFrame()
        self.resolution_frame.setObjectName("resolution")
        self.resolution_frame.setFrameShape(QFrame.Shape.StyledPanel)
        rl = QFormLayout(self.resolution_frame)
        self._form_style(rl)
        caption = QLabel(self.tr("<b>Resolution</b>"))
        rl.addRow(caption)
        self.resolution_code = QComboBox()
        self._row(rl, "resolution_code", self.tr("Resolution &code"), self.resolution_code)
        self.resolution_notes = QPlainTextEdit()
        self.resolution_notes.setTabChangesFocus(True)
        self.resolution_notes.setMinimumHeight(70)
        self.resolution_notes.setPlaceholderText(
            self.tr("What fixed it, or why the request is done"))
        self._row(rl, "resolution_notes", self.tr("Reso&lution notes"), self.resolution_notes)
        self.resolution_frame.setVisible(False)
        fl.addWidget(self.resolution_frame)
        fl.addStretch(1)

        # ---- worklog, attachments, history, audit
        self.tabs = QTabWidget(self.splitter)
        self.tabs.setDocumentMode(True)
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
        from desk.ui.sla.panel import SlaPanel  # here: desk.ui.sla imports desk.ui.ticket

        self.sla = SlaPanel(self.runner, self.me)
        self.tabs.addTab(self.sla, self.tr("SLA"))
        self.cis = None
        if AffectedCisPanel is not None:
            try:
                self.cis = AffectedCisPanel(self.runner, self.me, self)
                self.tabs.addTab(self.cis, self.tr("Affected CIs"))
            except Exception:  # a broken optional panel must not take the form down
                log.exception("the affected CIs panel failed to start")
                self.cis = None
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.setMinimumSize(560, 420)

        # Edits.
        self.title.textEdited.connect(self._edited)
        self.description.textChanged.connect(self._edited)
        self.requester.changed.connect(self._edited)
        self.organization.currentIndexChanged.connect(self._edited)
        self.channel.currentIndexChanged.connect(self._edited)
        self.category.changed.connect(self._edited)
        self.parent_picker.changed.connect(self._edited)
        self.parent_picker.line.textEdited.connect(self._edited)
        self.major.toggled.connect(self._edited)
        self.status.currentIndexChanged.connect(self._edited)
        self.impact.currentIndexChanged.connect(self._edited)
        self.urgency.currentIndexChanged.connect(self._edited)
        self.group.currentIndexChanged.connect(self._group_changed)
        self.assignee.currentIndexChanged.connect(self._assignee_changed)
        self.resolution_code.currentIndexChanged.connect(self._edited)
        self.resolution_notes.textChanged.connect(self._edited)
        self._show_mode()

    def _form_style(self, form: QFormLayout) -> None:
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setVerticalSpacing(6)
        form.setHorizontalSpacing(10)

    def _box(self, field: str, widget: QWidget) -> FieldBox:
        box = FieldBox(widget)
        self._boxes[field] = box
        widget.setAccessibleName(field_label(field))
        return box

    def _row(self, form: QFormLayout, field: str, text: str, widget: QWidget) -> QLabel:
        box = self._box(field, widget)
        label = QLabel(text)
        label.setObjectName(f"label_{field}")
        label.setContentsMargins(0, 4, 0, 0)  # level with the first line of the field
        label.setBuddy(widget.focusProxy() or widget)
        form.addRow(label, box)
        return label

    def _show_mode(self) -> None:
        existing = self.ticket_id is not None
        self.tabs.setVisible(existing)
        self.attachments.set_ticket(self.ticket_id)
        self.sla.set_ticket(self.ticket_id)
        is_incident = self.kind is Kind.INCIDENT
        self.major.setVisible(is_incident)
        self._major_label.setVisible(is_incident)
        self.status.setEnabled(existing)
        self.status.setToolTip("" if existing else self.tr("A new ticket starts as New"))
        if self.cis is not None:
            try:
                self.cis.set_ticket(self.ticket_id)
            except Exception:
                log.exception("the affected CIs panel failed")

    # ------------------------------------------------------------ loading

    def _load_detail(self) -> None:
        if self._detail_op is not None:
            self._refresh_queued = True  # one more read after the one in flight
            return
        self._detail_op = self._read(catalog.ticket_detail, self.ticket_id,
                                           on_done=self._detail_loaded,
                                           on_error=self._load_failed, label="load ticket")

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
        lookups = self.lookups
        self._loading = True
        with QSignalBlocker(self.organization), QSignalBlocker(self.group):
            self.organization.clear()
            self.organization.addItem(self.tr("(none)"), None)
            for org in lookups.organizations:
                self.organization.addItem(org.name, org.id)
            self.group.clear()
            self.group.addItem(self.tr("(unassigned)"), None)
            for g in lookups.groups:
                self.group.addItem(g.name, g.id)
        self.category.set_categories(lookups.categories)
        if self.detail is not None:
            self._original = self.detail.ticket
            self.kind = Kind(self._original.kind)
            self._names.update(self.detail.names)
            self._apply_side(self.detail)
        self._rebuild_status()
        self._rebuild_resolution_codes()
        self._set_values(self.base_values())
        self._loading = False
        self.ready = True
        self.setEnabled(True)
        self._show_mode()
        if self._pending_draft is not None:
            self._apply_pending_draft()
        self._after_edit(write=False)
        self.titleChanged.emit(self.tab_title())
        self.loaded.emit()

    def _apply_pending_draft(self) -> None:
        draft = self._pending_draft
        self._pending_draft = None
        if draft is None:
            return
        labels = draft.labels
        if self._original is not None and draft.base_version is not None \
                and draft.base_version != self._original.row_version:
            # Edits made against an older version: saving must meet the conflict dialog,
            # not overwrite what others saved meanwhile.
            base = from_json(draft.base, ID_FIELDS)
            self._original = replace(self._original, row_version=draft.base_version,
                                     **{k: v for k, v in base.items() if k in EDITABLE_FIELDS})
            self._rebuild_status()
        self._loading = True
        self._set_values(from_json(draft.values, ID_FIELDS), labels)
        self.composer.set_state(str(draft.composer.get("text", "")),
                                str(draft.composer.get("visibility", "internal")))
        self._loading = False
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

    # ------------------------------------------------------------ widgets <-> values

    def _set_values(self, values: dict[str, Any], labels: dict[str, str] | None = None) -> None:
        labels = labels or {}
        was_loading = self._loading
        self._loading = True
        try:
            self.title.setText(values["title"] or "")
            if self.description.toPlainText() != (values["description"] or ""):
                self.description.setPlainText(values["description"] or "")
            self._select(self.status, values["status"])
            self._select(self.impact, values["impact"])
            self._select(self.urgency, values["urgency"])
            self._select(self.channel, values["channel"])
            name = {f: self._name_for(values[f], labels.get(f)) for f in ID_FIELDS}
            self.category.set_value(values["category_id"], name["category_id"])
            self.requester.set_value(values["requester_id"], name["requester_id"])
            self._select(self.organization, values["organization_id"], name["organization_id"])
            self.parent_picker.set_value(values["parent_id"], name["parent_id"])
            self.major.setChecked(bool(values["major_incident"]))
            self._select(self.group, values["group_id"], name["group_id"])
            self._set_assignee(values["assignee_id"], name["assignee_id"])
            self._select(self.resolution_code, values["resolution_code"])
            notes = values["resolution_notes"] or ""
            if self.resolution_notes.toPlainText() != notes:
                self.resolution_notes.setPlainText(notes)
        finally:
            self._loading = was_loading
        self._update_resolution()

    def _name_for(self, value: Any, fallback: str | None) -> str:
        """The name of an id: what the database said, else what a draft remembered."""
        return (self._names.get(value) if value is not None else None) or fallback or ""

    def _select(self, combo: QComboBox, value: Any, label: str = "") -> None:
        with QSignalBlocker(combo):
            for i in range(combo.count()):
                if combo.itemData(i) == value:
                    combo.setCurrentIndex(i)
                    return
            if value is not None:
                # A value this console does not list (deleted org, group, …): keep it.
                combo.addItem(label or str(value), value)
                combo.setCurrentIndex(combo.count() - 1)
            elif combo.count():
                combo.setCurrentIndex(0)

    def _labels(self) -> dict[str, str]:
        return {
            "requester_id": self.requester.label(),
            "category_id": self.category.label(),
            "parent_id": self.parent_picker.label(),
            "organization_id": self.organization.currentText()
            if self.organization.currentData() else "",
            "group_id": self.group.currentText() if self.group.currentData() else "",
            "assignee_id": self.assignee.currentText() if self._assignee_value() else "",
        }

    def _rebuild_status(self) -> None:
        base = Status(self.base_values()["status"])
        current = self.status.currentData()
        with QSignalBlocker(self.status):
            self.status.clear()
            self.status.addItem(status_label(base), base.value)
            if self.ticket_id is not None:
                for s in lifecycle.allowed_transitions(self.kind, base):
                    self.status.addItem(status_label(s), s.value)
            idx = self.status.findData(current) if current else 0
            self.status.setCurrentIndex(max(idx, 0))

    def _rebuild_resolution_codes(self) -> None:
        current = self.resolution_code.currentData()
        with QSignalBlocker(self.resolution_code):
            self.resolution_code.clear()
            self.resolution_code.addItem(self.tr("(choose)"), None)
            for code in RESOLUTION_CODES[self.kind]:
                self.resolution_code.addItem(resolution_label(code), code.value)
            base_code = self.base_values()["resolution_code"]
            if base_code and self.resolution_code.findData(base_code) < 0:
                self.resolution_code.addItem(resolution_label(base_code), base_code)
            self._select(self.resolution_code, current)

    def _resolution_needed(self) -> bool:
        base = self.base_values()
        chosen = self.status.currentData() or base["status"]
        if chosen != base["status"]:
            return lifecycle.is_resolving(self.kind, base["status"], chosen)
        return bool(base["resolution_code"])

    def _update_resolution(self) -> None:
        self.resolution_frame.setVisible(self._resolution_needed())

    # ------------------------------------------------------------ group and assignee

    def _group_changed(self) -> None:
        if self._loading:
            return
        keep = self.assignee.currentData()  # still the previous group's list
        self._set_assignee(keep, self.assignee.currentText() if keep else "")
        self._edited()

    def _assignee_changed(self) -> None:
        members_loaded = self._members_for == self.group.currentData()
        self._assignee_pending = None if members_loaded else self.assignee.currentData()
        self._edited()

    def _assignee_value(self) -> uuid.UUID | None:
        if self._members_for != self.group.currentData() or self._assignee_pending is not None:
            return self._assignee_pending
        return self.assignee.currentData()

    def _set_assignee(self, assignee_id: uuid.UUID | None, label: str = "") -> None:
        group_id = self.group.currentData()
        self._assignee_pending = assignee_id
        with QSignalBlocker(self.assignee):
            self.assignee.clear()
            self.assignee.addItem(self.tr("(nobody)"), None)
            if assignee_id is not None:
                self.assignee.addItem(label or self.tr("Loading…"), assignee_id)
                self.assignee.setCurrentIndex(1)
        self.assign_me.setEnabled(False)
        self._members_for = None
        if group_id is None:
            self._members = []
            self._members_for = None
            self.assignee.setEnabled(False)
            return
        self.assignee.setEnabled(True)
        self._read(people.group_members, group_id,
                         on_done=lambda m: self._members_loaded(group_id, m),
                         label="group members")

    def _members_loaded(self, group_id: uuid.UUID, members: list[UserView]) -> None:
        if group_id != self.group.currentData():
            return  # the agent picked another group meanwhile
        wanted = self._assignee_pending
        self._members = members
        self._members_for = group_id
        was_loading = self._loading
        self._loading = True
        with QSignalBlocker(self.assignee):
            self.assignee.clear()
            self.assignee.addItem(self.tr("(nobody)"), None)
            for u in members:
                self.assignee.addItem(u.display_name, u.id)
            idx = next((i for i in range(self.assignee.count())
                        if self.assignee.itemData(i) == wanted), 0)
            self.assignee.setCurrentIndex(idx)
        self._assignee_pending = None
        self._loading = was_loading
        self.assign_me.setEnabled(any(u.id == self.me.id for u in members))
        if wanted is not None and idx == 0:
            self._boxes["assignee_id"].show_error(
                self.tr("The previous assignee is not a member of this group"))
        self._edited()

    def assign_to_me(self) -> None:
        if self.group.currentData() is None:
            for gid in self.me.group_ids:
                if any(self.group.itemData(i) == gid for i in range(self.group.count())):
                    self._select(self.group, gid)
                    self._set_assignee(self.me.id, self.me.display_name)
                    self._edited()
                    return
            return
        self._select(self.assignee, self.me.id, self.me.display_name)
        self._edited()

    def _requester_picked(self, contact: ContactView) -> None:
        if contact.organization_id is not None:
            self._select(self.organization, contact.organization_id,
                         contact.organization_name or "")
            self._names[contact.organization_id] = contact.organization_name or ""
        self._names[contact.id] = contact.name

    # ------------------------------------------------------------ edits and drafts

    def _edited(self, *args: Any) -> None:
        if self._loading or not self.ready:
            return
        self._after_edit(write=True)

    def _composer_edited(self) -> None:
        if not self._loading and self.ready:
            self._draft_timer.start()
            self._update_dirty()

    def _after_edit(self, write: bool) -> None:
        if self._error_values:
            # A message beside a field goes away once the agent changes that field.
            values = self.values()
            for field, seen in list(self._error_values.items()):
                if values[field] != seen:
                    del self._error_values[field]
                    self._boxes[field].clear_error()
        self._update_resolution()
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
        values = self.values()
        try:
            self.drafts.save(Draft(
                key=self.draft_key, database=self.database, kind=self.kind.value,
                ticket_id=str(self.ticket_id) if self.ticket_id else None,
                number=self.number, title=values["title"],
                base_version=self._original.row_version if self._original else None,
                base=to_json(self.base_values()), values=to_json(values),
                labels=self._labels(),
                composer={"text": self.composer.text(),
                          "visibility": self.composer.visibility()}))
        except OSError as err:
            self.show_banner(self.tr("Cannot keep a local draft: {reason}").format(
                reason=err.strerror), error=True)

    def _update_header(self) -> None:
        values = self.values() if self.ready else self.base_values()
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

    def _validate(self, values: dict[str, Any]) -> list[tuple[str, str]]:
        problems: list[tuple[str, str]] = []
        if not values["title"]:
            problems.append(("title", self.tr("A title is required")))
        if self._resolution_needed() and values["status"] != self.base_values()["status"]:
            if not values["resolution_code"]:
                problems.append(("resolution_code",
                                 self.tr("Choose how the ticket was resolved")))
            if not values["resolution_notes"]:
                problems.append(("resolution_notes",
                                 self.tr("Describe the resolution for the requester")))
        if self.parent_picker.problem:
            problems.append(("parent_id", self.parent_picker.problem))
        elif self.parent_picker.pending:
            self.parent_picker.check_now()
            problems.append(("parent_id", self.tr("Checking this ticket number… save again "
                                                  "in a moment")))
        elif values["parent_id"] is not None and values["parent_id"] == self.ticket_id:
            problems.append(("parent_id", self.tr("A ticket cannot be its own parent")))
        return problems

    def _set_saving(self, saving: bool) -> None:
        self.saving = saving
        self.save_button.setEnabled(not saving)
        self.save_button.setText(self.tr("Saving…") if saving else self.tr("&Save"))
        self.busyChanged.emit(saving)

    def _created(self, view: TicketView, done: Done) -> None:
        self._set_saving(False)
        self._draft_timer.stop()
        self.drafts.remove(self._new_key)
        self.ticket_id = view.id
        self._original = view
        self._rebuild_status()
        self._show_mode()
        self._after_edit(write=False)
        self.write_draft()
        self.ticketCreated.emit(view.id)
        self.saved.emit(view)
        self._load_detail()
        done(True)

    def _updated(self, view: TicketView, done: Done) -> None:
        self._set_saving(False)
        self._draft_timer.stop()
        self._original = view
        self._loading = True
        self._rebuild_status()
        self._rebuild_resolution_codes()
        self._loading = False
        self._after_edit(write=False)
        self.write_draft()
        self.hide_banner()
        self.saved.emit(view)
        done(True)

    def _save_failed(self, err: BaseException, done: Done) -> None:
        self._set_saving(False)
        if isinstance(err, TicketConflict):
            self._read(catalog.view_names, err.current,
                             on_done=lambda names: self._show_conflict(err.current, names, done),
                             on_error=lambda e: self._save_failed(e, done),
                             label="names for conflict")
            return
        if isinstance(err, ValidationError):
            self.show_field_error(err.field, str(err))
        elif isinstance(err, DeskError):
            self.show_banner(str(err), error=True)
        else:
            done(False)
            raise err
        done(False)

    # ------------------------------------------------------------ conflicts

    def _display(self, field: str, value: Any, names: dict[uuid.UUID, str]) -> str:
        return display_value(field, _text(value), names)

    def _show_conflict(self, theirs: TicketView, names: dict[uuid.UUID, str],
                       done: Done) -> None:
        self._names.update(names)
        base = self.base_values()
        mine = self.values()
        known = dict(self._names)
        for field, label in self._labels().items():
            if mine[field] is not None and label:
                known[mine[field]] = label
        theirs_values = view_values(theirs)
        rows = [ConflictRow(f, field_label(f), self._display(f, mine[f], known),
                            self._display(f, theirs_values[f], known), mine[f] != base[f])
                for f in EDITABLE_FIELDS if theirs_values[f] != base[f]]
        if not rows:
            # They changed nothing this form shows (a worklog entry, say): save on top.
            self._rebase(theirs, mine)
            self.save(done)
            return
        dialog = ConflictDialog(theirs.number, rows, self)
        self.conflict_dialog = dialog
        dialog.finished.connect(
            lambda result: self._conflict_done(dialog, theirs, result, done))
        dialog.open()

    def _conflict_done(self, dialog: ConflictDialog, theirs: TicketView, result: int,
                       done: Done) -> None:
        self.conflict_dialog = None
        dialog.deleteLater()
        if result == ConflictDialog.DialogCode.Accepted:
            values = self.values()
            theirs_values = view_values(theirs)
            for field, choice in dialog.choices().items():
                if choice == THEIRS:
                    values[field] = theirs_values[field]
            self._rebase(theirs, values)
            self.save(done)
        elif result == RELOAD:
            self._rebase(theirs, view_values(theirs))
            self._load_detail()
            done(False)
        else:
            self.show_banner(self.tr("Not saved: {number} was changed by someone else. Your "
                                     "edits are still here.").format(number=theirs.number),
                             error=True,
                             actions=[(self.tr("Save again"), lambda: self.save())])
            done(False)

    def _rebase(self, theirs: TicketView, values: dict[str, Any]) -> None:
        """Make ``theirs`` the loaded version and put ``values`` in the widgets."""
        labels = self._labels()
        self._original = theirs
        self._loading = True
        self._rebuild_status()
        self._rebuild_resolution_codes()
        self._set_values(values, labels)
        if self.status.currentData() != values["status"]:
            self.show_field_error("status", self.tr(
                "{status} cannot follow {theirs}; choose the status again").format(
                status=status_label(values["status"]), theirs=status_label(theirs.status)))
        self._loading = False
        self._after_edit(write=True)

    # ------------------------------------------------------------ changes elsewhere

    def _on_changed(self, changes: Changes, _origin: str) -> None:
        if self.ticket_id is not None and changes.touches_ticket(self.ticket_id) and self.ready:
            self._load_detail()

    def _on_newer(self, detail: TicketDetail) -> None:
        self._apply_side(detail)
        newer = detail.ticket
        if self._original is None or newer.row_version == self._original.row_version:
            return
        if self.saving:
            return  # our own save is on its way; its answer sets the new version
        if view_values(newer) == view_values(self._original):
            # Only the version moved (a worklog entry): keep every edit, follow the version.
            self._original = newer
            self._update_header()
            return
        if not self.changed_fields():
            self._rebase(newer, view_values(newer))
            self.write_draft()
            return
        self.show_banner(
            self.tr("{number} was changed elsewhere while you were editing. Your edits are "
                    "kept; saving will let you choose field by field.").format(
                number=newer.number),
            actions=[(self.tr("Review now"), lambda: self._review_conflict(newer))])

    def _review_conflict(self, newer: TicketView) -> None:
        self.hide_banner()
        self._read(catalog.view_names, newer,
                         on_done=lambda names: self._show_conflict(newer, names,
                                                                   lambda ok: None),
                         label="names for conflict")

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
