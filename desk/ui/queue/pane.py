"""``QueuePane``: the agent's queues — views with live counts, the ticket table, the search box
and bulk actions. The window frame hosts it and owns the global shortcuts (Ctrl+K, Ctrl+1…9);
the pane offers ``focus_search()``, ``search()``, ``switch_view()`` and ``actions()``.

Every database call goes through the ``DbRunner``. The pane listens to the one change
broadcast (``runner.changed``): a change that touches tickets refreshes the table in place and
(debounced) the counts; a change of saved views reloads the sidebar.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desk.domain.enums import ResolutionCode, Status
from desk.domain.priority import LEVELS, level_label
from desk.queues import saved
from desk.queues.builtin import builtin_views
from desk.queues.choices import FilterChoices, filter_choices
from desk.queues.columns import QueueColumn
from desk.queues.service import SearchOutcome, counts
from desk.queues.service import search as queue_search
from desk.queues.spec import ViewSpec
from desk.services.catalog import TicketRef
from desk.services.changes import Changes, Written
from desk.services.numbers import find_by_number, looks_like_number
from desk.services.people import CurrentUser
from desk.services.tickets import BulkResult, bulk_update
from desk.ui.number_choice import NumberChoiceDialog
from desk.ui.queue.delegates import CellDelegate, CellTable
from desk.ui.queue.filter_dialog import FilterDialog
from desk.ui.queue.header import HeaderLabels
from desk.ui.queue.model import ID_ROLE, QueueModel
from desk.ui.sla.queue_cells import SlaCellDelegate, SlaRepainter, is_companion, is_sla_column
from desk.ui.worker import DbRunner, Op

SPEC_ROLE = Qt.ItemDataRole.UserRole + 20
COUNT_DEBOUNCE_MS = 250
NOTICE_MS = 10_000  # how long a bulk action's confirmation stays in the status line


class QueueTable(CellTable):
    """Enter opens the current ticket (QTableView would only move the cursor)."""

    openRequested = Signal(QModelIndex)

    def currentChanged(self, current: QModelIndex, previous: QModelIndex) -> None:
        """A queue is worked row by row: a new current cell brings its row into view but
        keeps the horizontal position. Otherwise, once an open ticket narrows the table,
        the clicked Title cell scrolls the Number column out of sight."""
        left = self.horizontalScrollBar().value()
        super().currentChanged(current, previous)
        self.horizontalScrollBar().setValue(left)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.openRequested.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


def setup_table(table: QTableView) -> None:
    """How a queue table looks and behaves, whatever its model (the benchmark shows
    ``QSqlQueryModel`` in a table set up the same way)."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    # Uniform rows: Qt never measures 300,000 rows to lay out the scroll bar.
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header = table.horizontalHeader()
    header.setSectionsMovable(True)
    header.setSortIndicatorShown(True)
    header.setSectionsClickable(True)
    header.setHighlightSections(False)
    header.setStretchLastSection(True)


def show_columns(table: QTableView, columns: Sequence[QueueColumn | None]) -> None:
    """The queue's default column widths and visibility; ``columns``: the queue column each
    model column shows (None: one the queue does not show)."""
    header = table.horizontalHeader()
    for i, c in enumerate(columns):
        header.setSectionHidden(i, c is None or not c.visible)
        if c is not None:
            header.resizeSection(i, c.width)


class QueuePane(QWidget):
    openTicketRequested = Signal(object)  # uuid.UUID
    newTicketRequested = Signal()
    bulkFinished = Signal(object)  # BulkResult (after the report is shown)
    viewsLoaded = Signal()  # the sidebar (built-in and saved views) is filled
    countsUpdated = Signal()

    def __init__(self, runner: DbRunner, me: CurrentUser, settings_prefix: str = "queue",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.me = me
        self.settings_prefix = settings_prefix
        self._header_states: dict[str, QByteArray] = {}
        self._current_key: str | None = None
        self._keep_ids: list[uuid.UUID] = []
        self._keep_current: uuid.UUID | None = None
        self._counts: dict[str, int] = {}
        self._search_spec: ViewSpec | None = None
        # The reads of the search being made: a new search cancels them (a queued one never
        # runs, a running one's answer is dropped).
        self._search_ops: list[Op] = []
        self._search_capped: int | None = None  # terms searched, when the text had more
        self._pending_key: str | None = None
        self.report_box: QMessageBox | None = None
        self.number_choice: NumberChoiceDialog | None = None  # "which ticket?", when asked

        self.model = QueueModel(runner, me, self)
        self._build_ui()
        self._build_actions()
        # What a view shows before the user arranges its columns (each view keeps its own).
        self._default_header = self.table.horizontalHeader().saveState()
        # A bulk action's confirmation stays readable for a while: the refresh that follows
        # it reports the count in the same label.
        self._notice = ""
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.setInterval(NOTICE_MS)
        self._notice_timer.timeout.connect(self._clear_notice)

        self.model.loaded.connect(self._on_loaded)
        self.model.countKnown.connect(self._on_count)
        self.model.refreshed.connect(self._restore_selection)
        self.model.failed.connect(self._show_error)
        runner.changed.connect(self._on_changed)
        runner.busy.connect(self._on_busy)

        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_DEBOUNCE_MS)
        self._count_timer.timeout.connect(self._refresh_counts)

        self._fill_views([])
        self._load_saved_views()

    # ------------------------------------------------------------ construction

    def _build_ui(self) -> None:
        self.views = QListWidget(self)
        self.views.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.views.customContextMenuRequested.connect(self._views_menu)
        self.views.currentItemChanged.connect(self._on_view_item)
        self.views.setMinimumWidth(160)

        self.search_box = QLineEdit(self)
        self.search_box.setPlaceholderText(self.tr("Search, or a ticket number (Ctrl+K)"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.returnPressed.connect(lambda: self.search(self.search_box.text()))
        self.new_view_button = QToolButton(self)
        self.new_view_button.setText(self.tr("New view…"))
        self.new_view_button.clicked.connect(lambda: self.edit_view(None))

        self.table = QueueTable(self)
        self.table.setModel(self.model)
        # An empty view says so, instead of an empty grid that looks like it is still loading.
        self.empty_label = QLabel(self.tr("No tickets in this view"), self.table.viewport())
        self.empty_label.setObjectName("hint")
        self.empty_label.setEnabled(False)
        empty_lay = QVBoxLayout(self.table.viewport())
        empty_lay.addWidget(self.empty_label, 0, Qt.AlignmentFlag.AlignCenter)
        self.empty_label.hide()
        # The header paints from C++ copies of the column labels (``HeaderLabels``).
        self.header_labels = HeaderLabels.attach(self.table)
        # Qt's own (C++) item painting, fed by the model's per-cell answers in one Python
        # call per cell (CellDelegate): painting speed. SLA cells, which count down, have
        # their own delegate.
        self._cell_delegate = CellDelegate(self.model.paint_cell, self.table)
        self.table.setItemDelegate(self._cell_delegate)
        self._sla_delegate = SlaCellDelegate(self.table)
        for i, c in enumerate(self.model.columns()):
            if is_sla_column(c):
                self.table.setItemDelegateForColumn(i, self._sla_delegate)
        # SLA cells count down: one shared tick repaints the visible ones.
        self.sla_repainter = SlaRepainter(self.table, self)
        setup_table(self.table)
        header = self.table.horizontalHeader()
        header.sectionClicked.connect(self._header_clicked)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        show_columns(self.table, self.model.columns())
        self._hide_companions()
        self.table.doubleClicked.connect(self._open_index)
        self.table.openRequested.connect(self._open_index)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        self.status = QLabel(self)
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)  # indeterminate
        self.busy_bar.setMaximumWidth(120)
        self.busy_bar.setMaximumHeight(12)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.hide()

        top = QHBoxLayout()
        top.addWidget(self.search_box, 1)
        top.addWidget(self.new_view_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.busy_bar)
        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addLayout(top)
        rl.addWidget(self.table, 1)
        rl.addLayout(bottom)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.views)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([200, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    def _action(self, text: str, slot: Callable[[], None], shortcut: str | None = None,
                needs_selection: bool = True) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        action.setProperty("needs_selection", needs_selection)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.open_action = self._action(self.tr("Open"), self._open_current)
        self.assign_me_action = self._action(self.tr("Assign to me"), self.assign_to_me,
                                             "Ctrl+Shift+M")
        self.assign_action = self._action(self.tr("Assign to…"), self._ask_assignee,
                                          "Ctrl+Shift+A")
        self.group_action = self._action(self.tr("Change group…"), self._ask_group,
                                         "Ctrl+Shift+G")
        self.status_action = self._action(self.tr("Change status…"), self._ask_status,
                                          "Ctrl+Shift+S")
        self.priority_action = self._action(self.tr("Change priority…"), self._ask_priority,
                                            "Ctrl+Shift+P")
        self.note_action = self._action(self.tr("Add note…"), self._ask_note, "Ctrl+Shift+N")
        self.refresh_action = self._action(self.tr("Refresh"), self.refresh, "F5",
                                           needs_selection=False)
        self.new_ticket_action = self._action(self.tr("New ticket"), self.newTicketRequested.emit,
                                              needs_selection=False)
        for a in (self.open_action, self.assign_me_action, self.assign_action,
                  self.group_action, self.status_action, self.priority_action,
                  self.note_action):
            self.table.addAction(a)
        self.table.selectionModel().selectionChanged.connect(self._sync_actions)
        self._sync_actions()

    def actions(self) -> list[QAction]:  # type: ignore[override]
        """Bulk actions (with shortcuts) and Refresh, for the frame's menus and toolbar."""
        return [self.assign_me_action, self.assign_action, self.group_action,
                self.status_action, self.priority_action, self.note_action,
                self.refresh_action]

    # ------------------------------------------------------------ public API

    def refresh(self) -> None:
        """F5: re-read the table in place and the counts."""
        self._remember_selection()
        self.model.refresh()
        self._refresh_counts()

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def search(self, text: str) -> None:
        """A ticket number, with or without its prefix, opens the ticket (or asks which one
        when several kinds have it); other text shows a full-text results view."""
        if self.search_box.text() != text:
            self.search_box.setText(text)
        self._cancel_search()
        if not text.strip():
            self._drop_search_view()
            return
        if looks_like_number(text):
            self._search_ops.append(self.runner.read(
                find_by_number, text, owner=self,
                on_done=lambda refs: self._numbers_found(text, refs),
                on_error=self._show_error, label="find number"))
            return
        self._search_text(text)

    def _cancel_search(self) -> None:
        for op in self._search_ops:
            op.cancel()
        self._search_ops = []

    def _search_text(self, text: str) -> None:
        self._search_ops.append(self.runner.read(
            queue_search, text, self.me, owner=self, on_done=self._search_done,
            on_error=self._show_error, label="search"))

    def _numbers_found(self, text: str, refs: list[TicketRef]) -> None:
        if len(refs) == 1:
            self.openTicketRequested.emit(refs[0].id)
        elif refs:
            self.choose_ticket(text, refs)
        else:
            self._search_text(text)  # a number can still be in a title or a note

    def choose_ticket(self, text: str, refs: Sequence[TicketRef]) -> NumberChoiceDialog:
        dialog = NumberChoiceDialog(text, refs, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.chosen.connect(self.openTicketRequested)
        self.number_choice = dialog
        dialog.open()
        return dialog

    def switch_view(self, index: int) -> None:
        """Show the index-th view of the sidebar (0-based; Ctrl+1 is index 0)."""
        items = [i for i in range(self.views.count()) if self._spec_at(i) is not None]
        if 0 <= index < len(items):
            self.views.setCurrentRow(items[index])

    def show_view(self, key: str) -> bool:
        """Show the view with this key (e.g. ``builtin:breaching``); False when the sidebar
        has none."""
        return self._select_key(key)

    def selected_ticket_ids(self) -> list[uuid.UUID]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        out = []
        for r in rows:
            row = self.model.row_at(r)
            if row is not None:
                out.append(row.id)
        return out

    def current_view(self) -> ViewSpec | None:
        return self.model.spec

    def view_specs(self) -> list[ViewSpec]:
        return [s for s in (self._spec_at(i) for i in range(self.views.count())) if s]

    def save_state(self, settings: QSettings) -> None:
        """UI state only: splitter, and per view the header (order, widths, hidden columns)."""
        self._stash_header()
        p = self.settings_prefix
        settings.setValue(f"{p}/splitter", self.splitter.saveState())
        if self._current_key and self._current_key != "search":
            settings.setValue(f"{p}/current_view", self._current_key)
        settings.beginGroup(f"{p}/headers")
        for key, state in self._header_states.items():
            if key != "search":
                settings.setValue(key.replace(":", "_"), state)
        settings.endGroup()

    def restore_state(self, settings: QSettings) -> None:
        p = self.settings_prefix
        splitter = settings.value(f"{p}/splitter")
        if isinstance(splitter, QByteArray | bytes):
            self.splitter.restoreState(QByteArray(splitter))
        settings.beginGroup(f"{p}/headers")
        for name in settings.childKeys():
            value = settings.value(name)
            if isinstance(value, QByteArray | bytes):
                key = name.replace("builtin_", "builtin:", 1)
                self._header_states[key] = QByteArray(value)
        settings.endGroup()
        # The view on screen now has not been arranged by the user in this session: its
        # layout is the stored one, not what the header shows (switching away below must not
        # save the default layout over it).
        if self._current_key is not None:
            self._restore_header(self._current_key)
        current = settings.value(f"{p}/current_view")
        if isinstance(current, str) and not self._select_key(current):
            self._pending_key = current

    # ------------------------------------------------------------ sidebar

    def _spec_at(self, i: int) -> ViewSpec | None:
        item = self.views.item(i)
        return item.data(SPEC_ROLE) if item is not None else None

    def _label(self, spec: ViewSpec) -> str:
        n = self._counts.get(spec.key)
        return spec.name if n is None else f"{spec.name}  ({n:,})"

    def _fill_views(self, saved_specs: list[ViewSpec]) -> None:
        current = self._current_key
        self.views.blockSignals(True)
        self.views.clear()
        for spec in builtin_views():
            self._add_item(spec)
        if saved_specs:
            sep = QListWidgetItem(self.tr("Saved views"), self.views)
            sep.setFlags(Qt.ItemFlag.NoItemFlags)
        for spec in saved_specs:
            self._add_item(spec)
        if self._search_spec is not None:
            self._add_item(self._search_spec)
        self.views.blockSignals(False)
        want = self._pending_key or current or "builtin:my_open"
        if not self._select_key(want):
            self._select_key("builtin:my_open")
        else:
            self._pending_key = None

    def _add_item(self, spec: ViewSpec) -> QListWidgetItem:
        item = QListWidgetItem(self._label(spec), self.views)
        item.setData(SPEC_ROLE, spec)
        item.setToolTip(spec.name)
        return item

    def _select_key(self, key: str) -> bool:
        for i in range(self.views.count()):
            spec = self._spec_at(i)
            if spec is None or spec.key != key:
                continue
            if key == self._current_key and spec == self.model.spec:
                # The list was rebuilt around the view on screen: keep its rows as they are.
                self.views.blockSignals(True)
                self.views.setCurrentRow(i)
                self.views.blockSignals(False)
            elif self.views.currentRow() == i:
                self._show(spec)  # same item, edited filter
            else:
                self.views.setCurrentRow(i)
            return True
        return False

    def _load_saved_views(self) -> None:
        self.runner.read(saved.list_views, self.me.id, on_done=self._saved_loaded,
                         on_error=self._show_error, label="saved views")

    def _saved_loaded(self, specs: list[ViewSpec]) -> None:
        if not isValid(self):  # the window was closed before the views arrived
            return
        self._fill_views(specs)
        self._refresh_counts()
        self.viewsLoaded.emit()

    def _on_view_item(self, item: QListWidgetItem | None, _prev: Any = None) -> None:
        spec = item.data(SPEC_ROLE) if item is not None else None
        if spec is not None:
            self._show(spec)

    def _show(self, spec: ViewSpec) -> None:
        self._stash_header()
        self._current_key = spec.key
        self._keep_ids = []
        self._keep_current = None
        self.model.set_view(spec)
        self._restore_header(spec.key)
        self._sync_sort_indicator()
        self.status.setText(self.tr("Loading…"))

    def _restore_header(self, key: str) -> None:
        """The view's own column layout, or the default one for a view never arranged."""
        self.table.horizontalHeader().restoreState(
            self._header_states.get(key, self._default_header))
        self._hide_companions()

    def _stash_header(self) -> None:
        if self._current_key is not None:
            self._header_states[self._current_key] = \
                self.table.horizontalHeader().saveState()

    def _refresh_counts(self) -> None:
        specs = self.view_specs()
        if specs:
            self.runner.read(counts, specs, self.me, on_done=self._counts_done,
                             on_error=self._show_error, label="view counts")

    def _counts_done(self, result: dict[str, int]) -> None:
        self._counts.update(result)
        for i in range(self.views.count()):
            spec = self._spec_at(i)
            if spec is not None:
                self.views.item(i).setText(self._label(spec))
        self.countsUpdated.emit()

    def view_count(self, key: str) -> int | None:
        return self._counts.get(key)

    def _views_menu(self, pos: QPoint) -> None:
        item = self.views.itemAt(pos)
        spec = item.data(SPEC_ROLE) if item is not None else None
        menu = QMenu(self)
        menu.addAction(self.tr("New view…"), lambda: self.edit_view(None))
        if spec is not None and spec.saved_id is not None:
            menu.addAction(self.tr("Edit filter…"), lambda: self.edit_view(spec))
            menu.addAction(self.tr("Rename…"), lambda: self._ask_rename(spec))
            menu.addAction(self.tr("Duplicate"), lambda: self.duplicate_view(spec))
            menu.addAction(self.tr("Move up"), lambda: self.move_view(spec, -1))
            menu.addAction(self.tr("Move down"), lambda: self.move_view(spec, 1))
            menu.addSeparator()
            menu.addAction(self.tr("Delete"), lambda: self._ask_delete(spec))
        elif spec is not None:
            menu.addAction(self.tr("Save as a new view…"), lambda: self.edit_view(spec, True))
        menu.popup(self.views.mapToGlobal(pos))

    # saved-view operations (public so the frame's menus and tests can call them)

    def edit_view(self, spec: ViewSpec | None, as_new: bool = False) -> FilterDialog:
        dialog = FilterDialog(self.runner, spec, self)
        if as_new and spec is not None:
            dialog.name_edit.setText(spec.name)

        def done() -> None:
            name, flt, sort = dialog.name(), dialog.filter(), dialog.sort()
            if spec is None or spec.saved_id is None or as_new:
                self.runner.write(saved.create_view, self.me.id, name, flt, sort,
                                  on_done=lambda r: self._go_to(r[0].key),
                                  on_error=self._show_error, label="create view")
            else:
                self.runner.write(saved.update_view, self.me.id, spec.saved_id, name=name,
                                  flt=flt, sort=sort, on_error=self._show_error,
                                  label="update view")

        dialog.accepted.connect(done)
        dialog.open()
        return dialog

    def rename_view(self, spec: ViewSpec, name: str) -> None:
        if spec.saved_id is not None:
            self.runner.write(saved.rename_view, self.me.id, spec.saved_id, name,
                              on_error=self._show_error, label="rename view")

    def duplicate_view(self, spec: ViewSpec) -> None:
        if spec.saved_id is not None:
            self.runner.write(saved.duplicate_view, self.me.id, spec.saved_id,
                              on_done=lambda r: self._go_to(r[0].key),
                              on_error=self._show_error, label="duplicate view")

    def delete_view(self, spec: ViewSpec) -> None:
        if spec.saved_id is not None:
            self.runner.write(saved.delete_view, self.me.id, spec.saved_id,
                              on_error=self._show_error, label="delete view")

    def move_view(self, spec: ViewSpec, delta: int) -> None:
        if spec.saved_id is not None:
            self.runner.write(saved.move_view, self.me.id, spec.saved_id, delta,
                              on_error=self._show_error, label="move view")

    def _go_to(self, key: str) -> None:
        self._pending_key = key

    def _ask_rename(self, spec: ViewSpec) -> None:
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Rename view"))
        dialog.setLabelText(self.tr("Name"))
        dialog.setTextValue(spec.name)
        dialog.textValueSelected.connect(lambda name: self.rename_view(spec, name))
        dialog.open()

    def _ask_delete(self, spec: ViewSpec) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete view"),
                          self.tr("Delete the view “{name}”?").format(name=spec.name),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.accepted.connect(lambda: self.delete_view(spec))
        box.open()

    # ------------------------------------------------------------ search

    def _search_done(self, outcome: SearchOutcome) -> None:
        if outcome.ticket_id is not None:
            self.openTicketRequested.emit(outcome.ticket_id)
            return
        if outcome.spec is None:
            self._drop_search_view()
            return
        spec = outcome.spec
        self._search_capped = outcome.capped_at
        self._search_ops.append(self.runner.read(
            counts, [spec], self.me, owner=self,
            on_done=lambda found: self._search_counted(spec, found),
            on_error=self._show_error, label="search count"))

    def _search_counted(self, spec: ViewSpec, found: dict[str, int]) -> None:
        """Results get a view in the sidebar; a search that found nothing says so and
        leaves none behind (the text stays in the box to be corrected)."""
        n = found.get(spec.key, 0)
        if n == 0:
            self._drop_search_view()
            typed = spec.filter.text or ""
            # A pasted page would not fit the status line.
            typed = typed if len(typed) <= 60 else typed[:59] + "…"
            self._notice = self._with_cap(self.tr("Nothing found for “{text}”").format(
                text=typed))
            self.status.setText(self._notice)
            self._notice_timer.start()
            return
        self._counts[spec.key] = n
        self._search_spec = spec
        for i in range(self.views.count()):
            shown = self._spec_at(i)
            if shown is not None and shown.is_search:
                item = self.views.item(i)
                item.setData(SPEC_ROLE, spec)
                item.setText(self._label(spec))
                if self.views.currentRow() == i:
                    self._show(spec)
                else:
                    self.views.setCurrentRow(i)
                break
        else:
            self.views.setCurrentItem(self._add_item(spec))
        self._refresh_counts()

    def _with_cap(self, status: str) -> str:
        """A status about search results, saying so when only the first words were used."""
        if self._search_capped is None:
            return status
        return self.tr("{status} — Searched for the first {n} words").format(
            status=status, n=self._search_capped)

    def _drop_search_view(self) -> None:
        self._search_spec = None
        for i in range(self.views.count()):
            spec = self._spec_at(i)
            if spec is not None and spec.is_search:
                was_current = self.views.currentRow() == i
                self.views.takeItem(i)
                if was_current:
                    self._select_key("builtin:my_open")
                break

    # ------------------------------------------------------------ table

    def _header_clicked(self, section: int) -> None:
        current = self.model.sort_spec
        key = self.model.columns()[section].key
        descending = (not current.descending) if current and current.column == key else False
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        self.model.sort(section, order)
        self._sync_sort_indicator()

    def _sync_sort_indicator(self) -> None:
        sort = self.model.sort_spec
        header = self.table.horizontalHeader()
        col = self.model.column_index(sort.column) if sort else -1
        header.blockSignals(True)
        if col < 0:
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        else:
            assert sort is not None
            header.setSortIndicator(col, Qt.SortOrder.DescendingOrder if sort.descending
                                    else Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)

    def _hide_companions(self) -> None:
        """Columns that only carry data for other cells (SLA clock facts) stay hidden, also
        after a saved header state from another version is restored."""
        header = self.table.horizontalHeader()
        for i, c in enumerate(self.model.columns()):
            if is_companion(c):
                header.setSectionHidden(i, True)

    def _header_menu(self, pos: QPoint) -> None:
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        for i, c in enumerate(self.model.columns()):
            if is_companion(c):
                continue
            action = menu.addAction(c.label())
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(i))
            action.toggled.connect(lambda on, i=i: header.setSectionHidden(i, not on))
        menu.popup(header.mapToGlobal(pos))

    def _open_index(self, index: QModelIndex) -> None:
        ticket_id = index.data(ID_ROLE)
        if ticket_id is not None:
            self.openTicketRequested.emit(ticket_id)

    def _open_current(self) -> None:
        self._open_index(self.table.currentIndex())

    def _on_loaded(self) -> None:
        self._sync_sort_indicator()
        self.table.scrollToTop()
        if self.model.rowCount():
            self.empty_label.hide()
        if self.model.count_known:
            self._on_count(self.model.rowCount())

    def _on_count(self, n: int) -> None:
        spec = self.model.spec
        self.empty_label.setVisible(n == 0)
        if not self._notice:
            found = (self.tr("1 ticket") if n == 1
                     else self.tr("{n} tickets").format(n=f"{n:,}"))
            self.status.setText(self._with_cap(found) if spec is not None and spec.is_search
                                else found)
        if spec is not None and self._counts.get(spec.key) != n:
            self._counts[spec.key] = n
            for i in range(self.views.count()):
                if self._spec_at(i) is not None and self._spec_at(i).key == spec.key:
                    self.views.item(i).setText(self._label(spec))

    def _remember_selection(self) -> None:
        self._keep_ids = self.selected_ticket_ids()
        current = self.model.row_at(self.table.currentIndex().row()) \
            if self.table.currentIndex().isValid() else None
        self._keep_current = current.id if current else None

    def _restore_selection(self) -> None:
        """After a refresh: the same tickets stay selected even if their rows moved."""
        sel = self.table.selectionModel()
        if self._keep_current is not None:
            row = self.model.row_of(self._keep_current)
            if row is not None:
                sel.setCurrentIndex(self.model.index(row, self.table.currentIndex().column()
                                                     if self.table.currentIndex().isValid()
                                                     else 0),
                                    QItemSelectionModel.SelectionFlag.NoUpdate)
        if not self._keep_ids:
            return
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        for ticket_id in self._keep_ids:
            row = self.model.row_of(ticket_id)
            if row is not None:
                selection.select(self.model.index(row, 0), self.model.index(row, last))
        sel.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect
                   | QItemSelectionModel.SelectionFlag.Rows)

    def _sync_actions(self) -> None:
        has = bool(self.table.selectionModel().selectedRows())
        for a in self.findChildren(QAction):
            if a.property("needs_selection"):
                a.setEnabled(has)

    def closeEvent(self, event: Any) -> None:
        """A closed pane asks nothing more of the database (the runner may be shut down)."""
        self._count_timer.stop()
        self.model.detach()
        try:
            self.runner.changed.disconnect(self._on_changed)
            self.runner.busy.disconnect(self._on_busy)
        except (RuntimeError, TypeError):
            pass  # already disconnected
        super().closeEvent(event)

    # ------------------------------------------------------------ change broadcast

    def _on_changed(self, changes: Changes, _origin: str) -> None:
        if changes.touches("saved_views"):
            self._load_saved_views()
        if changes.touches("tickets", "worklog_entries"):
            self._remember_selection()
            self.model.refresh()
            self._count_timer.start()

    def _on_busy(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)

    def _show_error(self, err: BaseException | str) -> None:
        self.status.setText(str(err))

    # ------------------------------------------------------------ bulk actions

    def bulk_update(self, changes: dict[str, Any], note: str | None = None) -> None:
        """Apply ``changes`` (and/or a note) to the selected tickets in one transaction."""
        ids = self.selected_ticket_ids()
        if not ids:
            return
        self.runner.write(bulk_update, self.me.id, ids, changes, note=note,
                          on_done=self._bulk_done, on_error=self._show_error,
                          label="bulk update")

    def assign_to_me(self) -> None:
        self.bulk_update({"assignee_id": self.me.id})

    def _bulk_done(self, written: Written[BulkResult]) -> None:
        result = written.value
        if result.skipped:
            lines = "\n".join(f"{number}: {reason}" for number, reason in result.skipped)
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Some tickets were skipped"),
                              self.tr("{n} updated, {m} skipped:").format(
                                  n=len(result.updated), m=len(result.skipped)),
                              QMessageBox.StandardButton.Ok, self)
            box.setDetailedText(lines)
            box.setInformativeText(lines if len(result.skipped) <= 10 else "")
            self.report_box = box
            box.open()
        else:
            n = len(result.updated)
            self._notice = (self.tr("1 ticket updated") if n == 1
                            else self.tr("{n} tickets updated").format(n=n))
            self.status.setText(self._notice)
            self._notice_timer.start()
        self.bulkFinished.emit(result)

    def _clear_notice(self) -> None:
        self._notice = ""
        if self.model.count_known:
            self._on_count(self.model.rowCount())

    def _ask(self, title: str, rows: list[tuple[str, QWidget]],
             on_ok: Callable[[], None]) -> QDialog:
        dialog = QDialog(self)
        dialog.setWindowTitle(title)
        form = QFormLayout(dialog)
        for label, widget in rows:
            form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, dialog)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        dialog.accepted.connect(on_ok)
        dialog.open()
        return dialog

    def _with_choices(self, then: Callable[[FilterChoices], None]) -> None:
        self.runner.read(filter_choices, (), on_done=then, on_error=self._show_error,
                         label="choices")

    def _ask_assignee(self) -> None:
        def ask(choices: FilterChoices) -> None:
            combo = QComboBox()
            for c in choices.users:
                combo.addItem(c.name, c.id)
            self._ask(self.tr("Assign to"), [(self.tr("Assignee"), combo)],
                      lambda: self.bulk_update({"assignee_id": combo.currentData()}))
        self._with_choices(ask)

    def _ask_group(self) -> None:
        def ask(choices: FilterChoices) -> None:
            combo = QComboBox()
            for c in choices.groups:
                combo.addItem(c.name, c.id)
            self._ask(self.tr("Change group"), [(self.tr("Group"), combo)],
                      lambda: self.bulk_update({"group_id": combo.currentData()}))
        self._with_choices(ask)

    def _ask_status(self) -> None:
        status = QComboBox()
        for s in Status:
            status.addItem(s.label, s.value)
        code = QComboBox()
        for c in ResolutionCode:
            code.addItem(c.label, c.value)

        def apply() -> None:
            changes: dict[str, Any] = {"status": status.currentData()}
            if status.currentData() in (Status.RESOLVED, Status.CLOSED):
                # Used only by the tickets this move resolves (a change closed from review);
                # tickets already resolved keep their code.
                changes["resolution_code"] = code.currentData()
            self.bulk_update(changes)

        self._ask(self.tr("Change status"), [(self.tr("Status"), status),
                                             (self.tr("Resolution code"), code)], apply)

    def _ask_priority(self) -> None:
        impact, urgency = QComboBox(), QComboBox()
        for level in LEVELS:
            impact.addItem(level_label(level), level)
            urgency.addItem(level_label(level), level)
        self._ask(self.tr("Change priority"), [(self.tr("Impact"), impact),
                                               (self.tr("Urgency"), urgency)],
                  lambda: self.bulk_update({"impact": impact.currentData(),
                                            "urgency": urgency.currentData()}))

    def _ask_note(self) -> None:
        body = QPlainTextEdit()

        def apply() -> None:
            text = body.toPlainText().strip()
            if text:
                self.bulk_update({}, note=text)

        self._ask(self.tr("Add an internal note"), [(self.tr("Note"), body)], apply)
