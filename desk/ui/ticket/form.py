"""The ticket form: create and edit incidents, service requests, problems and changes.

Layout and binding only. The fields come from the kind's spec (``desk.domain.kinds``) and are
laid out by ``TicketFields``; what was loaded, what was typed, validation and the merge of
conflicting saves live in the Qt-free ``TicketEditor``, which the widgets write into on every
edit. Saving uses optimistic locking: when another agent saved first, the conflict dialog lets
the agent choose field by field, and nothing typed is lost.

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
from desk.editing.ticket_editor import TicketEditor, view_values
from desk.errors import DeskError, NotFound, ValidationError
from desk.services import catalog, tickets
from desk.services.catalog import FormLookups, TicketDetail
from desk.services.changes import Changes
from desk.services.dto import TicketView
from desk.services.people import CurrentUser
from desk.services.tickets import TicketConflict
from desk.ui.ticket.common import kind_label, priority_text, status_label
from desk.ui.ticket.conflict import RELOAD, ConflictDialog, conflict_rows
from desk.ui.ticket.fields import TicketFields
from desk.ui.ticket.header import TicketHeader
from desk.ui.ticket.tabs import TicketTabs
from desk.ui.widgets import Banner
from desk.ui.worker import DbRunner

DRAFT_DELAY_MS = 1000

Done = Callable[[bool], None]


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

        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 8, 10, 8)
        outer.setSpacing(6)
        self.header = TicketHeader(self)
        self.header.save_button.clicked.connect(lambda: self.save())
        outer.addWidget(self.header)
        self.banner = Banner(self)
        outer.addWidget(self.banner)
        splitter = QSplitter(Qt.Orientation.Vertical, self, childrenCollapsible=False)
        outer.addWidget(splitter, 1)
        self.fields = TicketFields(runner, me, self._read, self._names, splitter)
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
        self.fields.put(self.editor.values())
        self.composer.set_state("", self.composer.visibility())
        self._after_edit(write=False)

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
                    on_error=lambda e: self._save_failed(e, done), label="save ticket")
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

    def _read(self, fn: Callable[..., Any], *args: Any, on_done: Callable[..., Any] | None = None,
              on_error: Callable[..., Any] | None = None, label: str = "") -> Any:
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
            self.banner.show_notice(self.tr("This ticket no longer exists."), error=True)
        else:
            self.banner.show_notice(str(err), error=True,
                                    actions=[(self.tr("Try again"), self._retry_load)])

    def _retry_load(self) -> None:
        self.banner.dismiss()
        if self.lookups is None:
            self._read(catalog.form_lookups, on_done=self._lookups_loaded,
                       on_error=self._load_failed, label="form lookups")
        if self.ticket_id is not None and self.detail is None:
            self._load_detail()

    def _maybe_ready(self) -> None:
        if self.lookups is None or (self.ticket_id is not None and self.detail is None):
            return
        self._loading = True
        self.fields.set_lookups(self.lookups)
        if self.detail is not None:
            self._original = self.detail.ticket
            self.editor = TicketEditor(self._original.kind, self._original)
            self._apply_side(self.detail)
        self.fields.rebuild_choices(self.editor)
        self.fields.put(self.editor.values())
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
        self.editor.restore(draft)
        self.fields.rebuild_choices(self.editor)
        self.fields.put(self.editor.values(), draft.labels)
        self.composer.set_state(str(draft.composer.get("text", "")),
                                str(draft.composer.get("visibility", "internal")))
        self._after_edit(write=True)

    def _apply_side(self, detail: TicketDetail) -> None:
        self.detail = detail
        self._names.update(detail.names)
        self.tabs.show_detail(detail, self._names)

    # ------------------------------------------------------------ edits and drafts

    def _edited(self, *args: Any) -> None:
        if not self._loading and self.ready:
            self._after_edit(write=True)

    def _composer_edited(self) -> None:
        if not self._loading and self.ready:
            self._draft_timer.start()
            self._update_dirty()

    def _after_edit(self, write: bool) -> None:
        self.fields.read_into(self.editor)
        self.fields.show_errors(self.editor.errors)
        self._update_header()
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

    def _update_header(self) -> None:
        prio = self.editor.priority(self.lookups.matrix) if self.lookups is not None else None
        if prio is not None:
            self.priority_label.setText(priority_text(prio))
        self.header.show_ticket(self.kind, self.editor.values(), prio, self._original)
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
        self._original = view
        self.editor.load(view)
        self.fields.rebuild_choices(self.editor)
        self._after_edit(write=False)
        self.write_draft()
        self.banner.dismiss()
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

    # ------------------------------------------------------------ conflicts

    def _show_conflict(self, theirs: TicketView, names: dict[uuid.UUID, str],
                       done: Done) -> None:
        self._names.update(names)
        rows = conflict_rows(self.editor, view_values(theirs), self._names,
                             self.fields.labels())
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
            self.banner.show_notice(
                self.tr("Not saved: {number} was changed by someone else. Your edits are still "
                        "here.").format(number=theirs.number),
                error=True, actions=[(self.tr("Save again"), lambda: self.save())])
            done(False)

    def _rebase(self, theirs: TicketView, choices: dict[str, str] | None) -> None:
        """Make ``theirs`` the loaded version, keeping the merged edits (with the agent's
        ``choices`` per field), or none when ``choices`` is None."""
        labels = self.fields.labels()
        self._original = theirs
        if choices is None:
            self.editor.load(theirs)
        else:
            self.editor.resolve(view_values(theirs), theirs.row_version, choices)
        lost = self.editor.status_lost()
        if lost:
            chosen = self.editor.values()["status"]
            self.editor.set("status", theirs.status)
        self.fields.rebuild_choices(self.editor)
        self.fields.put(self.editor.values(), labels)
        if lost:
            self.show_field_error("status", self.tr(
                "{status} cannot follow {theirs}; choose the status again").format(
                status=status_label(chosen), theirs=status_label(theirs.status)))
        self._after_edit(write=True)

    # ------------------------------------------------------------ changes elsewhere

    def _on_changed(self, changes: Changes, _origin: str) -> None:
        if self.ticket_id is not None and changes.touches_ticket(self.ticket_id) and self.ready:
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
            self.banner.show_notice(
                self.tr("{number} was changed elsewhere while you were editing. Your edits "
                        "are kept; saving will let you choose field by field.").format(
                    number=newer.number),
                actions=[(self.tr("Review now"), lambda: self._review_conflict(newer))])

    def _review_conflict(self, newer: TicketView) -> None:
        self.banner.dismiss()
        self._read(catalog.view_names, newer, label="names for conflict",
                   on_done=lambda names: self._show_conflict(newer, names, lambda ok: None))
