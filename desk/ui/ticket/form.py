"""The ticket form: create and edit incidents, service requests, problems and changes.

Layout and binding only. The fields come from the kind's spec (``desk.domain.kinds``) and are
laid out by ``TicketFields``; what was loaded, what was typed, validation and the merge of
conflicting saves live in the Qt-free ``TicketEditor``, which the widgets write into on every
edit. ``TicketLoader`` reads what the form shows. Saving uses optimistic locking: when another
agent saved first, ``ConflictFlow`` lets the agent choose field by field, and nothing typed is
lost.

All database work goes through the ``DbRunner``; the form reacts to the one change broadcast:
a ticket changed elsewhere reloads when the form has no unsaved edits, else a notice says so.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from desk.domain.kinds import FIELD
from desk.drafts import Draft, DraftStore, new_draft_key
from desk.editing.ticket_editor import TicketEditor
from desk.errors import DeskError, ValidationError
from desk.services import tickets
from desk.services.catalog import TicketDetail
from desk.services.changes import Changes
from desk.services.dto import TicketView
from desk.services.people import CurrentUser
from desk.services.tickets import TicketConflict
from desk.ui.ticket.common import kind_label, priority_text
from desk.ui.ticket.conflict import ConflictDialog, ConflictFlow, Done
from desk.ui.ticket.fields import TicketFields
from desk.ui.ticket.header import TicketHeader
from desk.ui.ticket.loading import TicketLoader
from desk.ui.ticket.tabs import TicketTabs
from desk.ui.widgets import Banner
from desk.ui.worker import DbRunner

DRAFT_DELAY_MS = 1000


class TicketForm(QWidget):
    titleChanged = Signal(str)
    dirtyChanged = Signal(bool)
    saved = Signal(object)  # TicketView
    ticketCreated = Signal(object)  # uuid of a ticket this form just created
    loaded = Signal()
    busyChanged = Signal(bool)
    message = Signal(str)  # for the window's status bar: why a save did not happen

    def __init__(self, runner: DbRunner, me: CurrentUser, drafts: DraftStore, database: str, *,
                 ticket_id: uuid.UUID | None = None, kind: str = "incident",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.me, self.drafts, self.database = runner, me, drafts, database
        self.ticket_id = ticket_id
        self.editor = TicketEditor(kind)
        self.ready = self.saving = False
        self.original: TicketView | None = None  # number, times: what the editor lacks
        self.names: dict[uuid.UUID, str] = {}  # of ids, shared by the form's parts
        self._new_key = new_draft_key()
        self._pending_draft: Draft | None = None
        self._loading = True
        self._was_dirty = False
        self._draft_timer = QTimer(self, singleShot=True, interval=DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.write_draft)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 8, 10, 8)
        outer.setSpacing(6)
        self.header = TicketHeader(self)
        self.header.save_button.clicked.connect(lambda: self.save())
        outer.addWidget(self.header)
        self.banner = Banner(self)
        outer.addWidget(self.banner)
        self.loader = TicketLoader(self.read, self.banner, self)
        self.loader.ready.connect(self._loaded)
        self.loader.newer.connect(self._on_newer)
        self.loader.failed.connect(lambda: self.setEnabled(True))
        self.conflicts = ConflictFlow(self)
        splitter = QSplitter(Qt.Orientation.Vertical, self, childrenCollapsible=False)
        outer.addWidget(splitter, 1)
        self.fields = TicketFields(runner, me, self.read, self.names, splitter)
        self.fields.edited.connect(self._edited)
        self.fields.assignment.notMember.connect(lambda: self.show_field_error(
            "assignee_id", self.tr("The previous assignee is not a member of this group"),
            focus=False))
        self.tabs = TicketTabs(runner, me, self._write, splitter)
        self.tabs.composer.edited.connect(self._composer_edited)
        self.tabs.worklogAdded.connect(self.write_draft)
        self.tabs.worklogAdded.connect(self._update_dirty)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.setMinimumSize(560, 420)
        # Shorthands for what the console and its tests reach for.
        self.save_button, self.composer, self.sla = (
            self.header.save_button, self.tabs.composer, self.tabs.sla)
        self.title, self.description, self.priority_label = (
            self.fields.title, self.fields.description, self.fields.priority_label)
        self._show_mode()
        self.setEnabled(False)
        self.runner.changed.connect(self._on_changed)
        self.loader.start(ticket_id)
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
        return self.original.number if self.original is not None else None

    @property
    def conflict_dialog(self) -> ConflictDialog | None:
        return self.conflicts.dialog

    def tab_title(self) -> str:
        if self.original is not None:
            return self.original.number
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
            self.loader.load_detail()

    def discard(self) -> None:
        """Drop the unsaved edits and the draft (the user chose "Discard")."""
        self._draft_timer.stop()
        self.drafts.remove(self.draft_key)
        self.editor.rebase(self.editor.base, self.editor.version)
        self.fields.put(self.editor.values())
        self.composer.set_state("", self.composer.visibility())
        self.after_edit(write=False)

    def save(self, then: Done | None = None) -> bool:
        """Validate and save; ``then(ok)`` runs when the save ended (or failed)."""
        done = then or (lambda ok: None)
        if not self.ready or self.saving:
            done(False)
            return False
        self.clear_errors()
        parent_problem = self.fields.parent_problem()
        if parent_problem:
            self.editor.add_error("parent_id", parent_problem)
        problems = self.editor.validate()
        if problems:
            self.fields.show_errors(problems, focus=next(iter(problems)))
            self._not_saved(problems)
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
                    on_error=lambda e: self.save_failed(e, done), label="save ticket")
        return True

    def show_field_error(self, field: str | None, message: str, focus: bool = True) -> None:
        """``message`` beside ``field``, or above the fields when it belongs to none."""
        if field in FIELD:
            self.editor.add_error(field, message)
            self.fields.show_errors(self.editor.errors, focus=field if focus else None)
        else:
            self.banner.show_notice(message, error=True)

    def field_error(self, field: str) -> str:
        return self.fields.error(field)

    def clear_errors(self) -> None:
        self.editor.clear_errors()
        self.fields.show_errors({})
        if self.banner.is_error:
            self.banner.dismiss()

    def dispose(self) -> None:
        """The tab is closing: stop timers; answers still on their way are ignored."""
        self._draft_timer.stop()
        self.ready = False

    def read(self, fn: Callable[..., Any], *args: Any, on_done: Callable[..., Any] | None = None,
             on_error: Callable[..., Any] | None = None, label: str = "") -> Any:
        """A read for this form (its answer dropped once the form is gone)."""
        return self.runner.read(fn, *args, owner=self, on_done=on_done,
                                on_error=on_error, label=label)

    def _write(self, fn: Callable[..., Any], *args: Any,
               on_done: Callable[..., Any] | None = None,
               on_error: Callable[..., Any] | None = None, label: str = "") -> Any:
        return self.runner.write(fn, *args, owner=self, on_done=on_done,
                                 on_error=on_error, label=label)

    def _show_mode(self) -> None:
        self.tabs.set_ticket(self.ticket_id)
        self.fields.show_kind(self.editor.spec, existing=self.ticket_id is not None)

    # ------------------------------------------------------------ loading

    def _loaded(self) -> None:
        """The first answers are in: show them."""
        lookups, detail = self.loader.lookups, self.loader.detail
        assert lookups is not None
        self._loading = True
        self.fields.set_lookups(lookups)
        if detail is not None:
            self.original = detail.ticket
            self.editor = TicketEditor(self.original.kind, self.original)
            self._apply_side(detail)
        self.fields.rebuild_choices(self.editor)
        self.fields.put(self.editor.values())
        self._loading = False
        self.ready = True
        self.setEnabled(True)
        self._show_mode()
        if self._pending_draft is not None:
            self._apply_pending_draft()
        self.after_edit(write=False)
        self.loaded.emit()

    def _apply_pending_draft(self) -> None:
        draft, self._pending_draft = self._pending_draft, None
        if draft is None:
            return
        self.editor.restore(draft)
        self.fields.rebuild_choices(self.editor)
        self.fields.put(self.editor.values(), draft.labels)
        self.composer.set_state(str(draft.composer.get("text", "")),
                                str(draft.composer.get("visibility", "internal")))
        self.after_edit(write=True)

    def _apply_side(self, detail: TicketDetail) -> None:
        self.names.update(detail.names)
        self.tabs.show_detail(detail, self.names)

    # ------------------------------------------------------------ edits and drafts

    def _edited(self, *args: Any) -> None:
        if not self._loading and self.ready:
            self.after_edit(write=True)

    def _composer_edited(self) -> None:
        if not self._loading and self.ready:
            self._draft_timer.start()
            self._update_dirty()

    def after_edit(self, write: bool) -> None:
        """What the fields hold goes into the editor; the header and the draft follow."""
        self.fields.read_into(self.editor)
        self.fields.show_errors(self.editor.errors)
        self.update_header()
        if write:
            self._draft_timer.start()
        self._update_dirty()

    def _update_dirty(self) -> None:
        dirty = self.has_unsaved()
        self.header.unsaved_label.setVisible(dirty)
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
        composer = {"text": self.composer.text(), "visibility": self.composer.visibility()}
        try:
            self.drafts.save(self.editor.draft(self.draft_key, self.database, self.number,
                                               self.fields.labels(), composer))
        except OSError as err:
            self.banner.show_notice(self.tr("Cannot keep a local draft: {reason}").format(
                reason=err.strerror), error=True)

    def update_header(self) -> None:
        lookups = self.loader.lookups
        prio = self.editor.priority(lookups.matrix) if lookups is not None else None
        if prio is not None:
            self.priority_label.setText(priority_text(prio))
        self.header.show_ticket(self.kind, self.editor.values(), prio, self.original)
        self.titleChanged.emit(self.tab_title())

    # ------------------------------------------------------------ saving

    def _set_saving(self, saving: bool) -> None:
        self.saving = saving
        self.header.set_saving(saving)
        self.busyChanged.emit(saving)

    def _saved(self, view: TicketView, done: Done) -> None:
        created = self.ticket_id is None
        self._set_saving(False)
        self._draft_timer.stop()
        if created:
            self.drafts.remove(self._new_key)
            self.ticket_id = view.id
            self._show_mode()
        self.original = view
        self.editor.load(view)
        self.fields.rebuild_choices(self.editor)
        self.after_edit(write=False)
        self.write_draft()
        self.banner.dismiss()
        if created:
            self.ticketCreated.emit(view.id)
        self.saved.emit(view)
        if created:
            self.loader.load_detail(view.id)
        done(True)

    def save_failed(self, err: BaseException, done: Done) -> None:
        self._set_saving(False)
        if isinstance(err, TicketConflict):
            self.conflicts.save_refused(err.current, done)
            return
        done(False)
        if isinstance(err, ValidationError):
            self.show_field_error(err.field, str(err))
            self._not_saved({err.field or "": str(err)})
        elif isinstance(err, DeskError):
            self.banner.show_notice(str(err), error=True)
            self._not_saved({"": str(err)})
        else:
            raise err

    def _not_saved(self, problems: dict[str, str]) -> None:
        """Tell the status bar why, naming the first problem (the one that has the focus)."""
        field, problem = next(iter(problems.items()))
        if field in FIELD:
            problem = self.tr("{field}: {problem}").format(field=FIELD[field].label(),
                                                          problem=problem)
        if len(problems) > 1:
            text = self.tr("Not saved: {problem} (and {count} more)").format(
                problem=problem, count=len(problems) - 1)
        else:
            text = self.tr("Not saved: {problem}").format(problem=problem)
        self.message.emit(text)

    # ------------------------------------------------------------ changes elsewhere

    def _on_changed(self, changes: Changes, _origin: str) -> None:
        if self.ticket_id is not None and changes.touches_ticket(self.ticket_id) and self.ready:
            self.loader.load_detail()

    def _on_newer(self, detail: TicketDetail) -> None:
        if self.ready:  # not once the tab has closed
            self._apply_side(detail)
            self.conflicts.newer(detail.ticket)
