"""``QueueModel``: a queue view as a lazily paged table model.

After Anki's browser table: the database filters and sorts; the model holds only pages of rows
around what the view has painted. A page next to a cached page is read from that page's edge
row (keyset paging, ``desk.queues.sql.Cursor``); other pages by offset. ``data()`` for a row
that is not cached answers a placeholder and asks the ``DbRunner`` worker for that row's page
(coalesced per event-loop turn, one op per page, never on the GUI thread); when the page
arrives the model emits ``dataChanged`` for it.
At most ``MAX_PAGES`` pages stay cached (least recently painted dropped first), so scrolling
through 300,000 rows does not keep 300,000 rows.

Showing a view costs one small query: the first page arrives first (``rowCount`` is its size),
the count follows in a second op, asked on the next event-loop turn (none when the first
page is short), and the remaining rows are inserted then. Clicking a header
calls ``sort()``, which re-queries with the new ORDER BY. ``refresh()`` re-reads the count and
the recently painted pages in one transaction and applies them in place (rows inserted or
removed at the end, ``dataChanged`` for the rest): no model reset, so the view keeps its
selection and scroll position; ``refreshed`` then lets the pane re-select moved tickets.

Raw values are under ``RAW_ROLE`` (ids, enum values, aware UTC datetimes); ``DisplayRole`` is
the formatted text (``desk.ui.queue.delegates.format_value``), which the delegate also paints.

Painting cost: the queue table's ``CellDelegate`` (and Qt's delegates through ``multiData``)
asks a cell's text, mark and font in one Python call, answered from what the model worked
out for that cell when it was first painted. Those cells are kept per ticket with the row
they were made from, for the last ``MAX_ROW_CELLS`` rows painted: a row read again with the
same values (a refresh, the view shown again, another view with the ticket) shows them
again without formatting anything; a changed row gets new ones. SLA cells, which count down,
are formatted at every paint. ``data()`` gives the same answers role by role.
"""

from __future__ import annotations

import uuid
from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from desk.queues import service
from desk.queues.columns import QueueColumn, QueueRow, all_columns
from desk.queues.spec import SortSpec, ViewSpec
from desk.queues.sql import Cursor
from desk.services.people import CurrentUser
from desk.ui.queue.delegates import bold_font, format_value, mark_icon
from desk.ui.sla.queue_cells import cell_of, cell_text, is_sla_column
from desk.ui.worker import DbRunner, Op

RAW_ROLE = Qt.ItemDataRole.UserRole + 1  # the raw value of the cell
KIND_ROLE = Qt.ItemDataRole.UserRole + 2  # the column's presentation kind
ID_ROLE = Qt.ItemDataRole.UserRole + 3  # the ticket id (uuid.UUID) of the row
ROW_ROLE = Qt.ItemDataRole.UserRole + 4  # the whole QueueRow
MAJOR_ROLE = Qt.ItemDataRole.UserRole + 5  # bool: a major incident

PAGE = 100
MAX_PAGES = 40
MAX_ROW_CELLS = MAX_PAGES * PAGE  # rows whose formatted cells are kept
REFRESH_PAGES = 4  # pages re-read by refresh(): those painted most recently
STALE_DISTANCE = 10  # an unanswered page this far from what is painted now is not needed

_Index = QModelIndex | QPersistentModelIndex
# Plain ints: the roles arrive as ints, and comparing them with enum members costs more.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_ROLES = frozenset({_DISPLAY, _TOOLTIP, _DECORATION, _FONT, RAW_ROLE, KIND_ROLE, ID_ROLE,
                    ROW_ROLE, MAJOR_ROLE})
_STYLE_ROLES = frozenset({_DECORATION, _FONT})
_MARKED = frozenset({"priority", "status"})  # cells with a colour mark (and bold for majors)
_PLACEHOLDER = "…"
_DATA_ROLES = _ROLES - {_DISPLAY, _DECORATION, _FONT}  # what multiData leaves to data()
_NO_CELL: dict[int, Any] = {_DISPLAY: None, _DECORATION: None, _FONT: None}
_PLACEHOLDER_CELL: dict[int, Any] = {_DISPLAY: _PLACEHOLDER, _DECORATION: None, _FONT: None}
_ASK = object()


def _style(column: QueueColumn, row: QueueRow | None) -> tuple[Any, Any]:
    """(decoration, font) of a cell: the colour mark of priority and status, bold for a
    major incident's priority; None where Qt's defaults apply."""
    if row is None or column.kind not in _MARKED:
        return None, None
    bold = bold_font() if column.kind == "priority" and row.major_incident else None
    return mark_icon(column.kind, column.value(row)), bold


class _Call:
    """One read on the worker. Its answer may arrive before ``DbRunner.read`` has returned
    (a fast query), so state lives here, not in "the op I am waiting for" variables."""

    def __init__(self) -> None:
        self.op: Op | None = None
        self.done = False

    def cancel(self) -> None:
        self.done = True
        if self.op is not None:
            self.op.cancel()


def _active(call: _Call | None) -> bool:
    return call is not None and not call.done


class QueueModel(QAbstractTableModel):
    loaded = Signal()  # the first page of a (new) view or sort is shown
    countKnown = Signal(int)  # the exact number of rows of the view
    refreshed = Signal()  # a refresh has been applied in place
    failed = Signal(str)  # a read failed: user-facing message

    def __init__(self, runner: DbRunner, me: CurrentUser, parent: Any = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._me = me
        self._columns: tuple[QueueColumn, ...] = all_columns()
        self._spec: ViewSpec | None = None
        self._sort: SortSpec | None = None
        self._rows = 0
        self._count_known = False
        self._pages: OrderedDict[int, tuple[QueueRow, ...]] = OrderedDict()
        # What each painted row's cells show (``_cell``), by ticket: (the row they were made
        # from, its cells by column, each made when first painted). The same row read again
        # unchanged — a refresh, the view shown again, another view — keeps them.
        self._row_cells: OrderedDict[uuid.UUID, tuple[QueueRow, list[dict[int, Any] | None]]] \
            = OrderedDict()
        self._painted_page = -1  # the page of the cell painted last
        self._inflight: dict[int, _Call] = {}
        self._wanted: set[int] = set()
        self._gen = 0  # bumped on every reload; late answers of an older one are dropped
        self._load: _Call | None = None
        self._refresh_call: _Call | None = None
        self._fetch_timer = QTimer(self)
        self._fetch_timer.setSingleShot(True)
        self._fetch_timer.setInterval(0)
        self._fetch_timer.timeout.connect(self._fetch_wanted)
        self._detached = False

    # ------------------------------------------------------------ public API

    @property
    def spec(self) -> ViewSpec | None:
        return self._spec

    @property
    def sort_spec(self) -> SortSpec | None:
        return self._sort

    @property
    def count_known(self) -> bool:
        return self._count_known

    @property
    def loading(self) -> bool:
        return _active(self._load) or _active(self._refresh_call)

    def columns(self) -> tuple[QueueColumn, ...]:
        return self._columns

    def column_index(self, key: str) -> int:
        return next((i for i, c in enumerate(self._columns) if c.key == key), -1)

    def set_view(self, spec: ViewSpec) -> None:
        """Show another view (its own default sort)."""
        self._spec = spec
        self._sort = spec.sort
        self._reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self._spec is None or not 0 <= column < len(self._columns):
            return
        new = SortSpec(self._columns[column].key, order == Qt.SortOrder.DescendingOrder)
        if new != self._sort:
            self._sort = new
            self._reload()

    def refresh(self) -> None:
        """Re-read count and visible rows in place (selection and scroll survive)."""
        if self._spec is None:
            return
        if _active(self._load):
            self._reload()  # the view is still loading: start over
            return
        if self._refresh_call is not None:
            self._refresh_call.cancel()
        pages = list(self._pages)[-REFRESH_PAGES:] or [0]
        gen = self._gen
        self._refresh_call = self._read(
            service.snapshot, self._spec, self._me, self._sort,
            [(p * PAGE, PAGE) for p in sorted(pages)], True,
            on_done=lambda snap: self._refresh_done(gen, snap),
            on_error=lambda err: self._failed(gen, err),
            label="queue refresh")

    def detach(self) -> None:
        """Stop asking the worker for anything (the owner is closing)."""
        self._fetch_timer.stop()
        for call in (self._load, self._refresh_call, *self._inflight.values()):
            if call is not None:
                call.cancel()
        self._inflight.clear()
        self._wanted.clear()
        self._detached = True

    def row_at(self, row: int) -> QueueRow | None:
        page = self._pages.get(row // PAGE)
        if page is None:
            return None
        i = row % PAGE
        return page[i] if i < len(page) else None

    def row_of(self, ticket_id: uuid.UUID) -> int | None:
        """The row of a ticket among the cached pages (None if not loaded)."""
        for p, rows in self._pages.items():
            for i, r in enumerate(rows):
                if r.id == ticket_id:
                    return p * PAGE + i
        return None

    def cached_rows(self) -> int:
        return sum(len(p) for p in self._pages.values())

    # ------------------------------------------------------------ Qt model

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            if role == _DISPLAY:
                return self._columns[section].label()
            if role == KIND_ROLE:
                return self._columns[section].kind
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The view asks ~7 roles per painted cell; answer the unused ones first and fast.
        if role not in _ROLES:
            return None
        r = index.row()
        if r < 0 or r >= self._rows:
            return None
        if role == _DISPLAY:
            return self._display(r, index.column())
        column = self._columns[index.column()]
        if role == KIND_ROLE:
            return column.kind
        page = self._pages.get(r // PAGE)
        row = page[r % PAGE] if page is not None and r % PAGE < len(page) else None
        if row is None:
            return None
        if role == RAW_ROLE:
            return column.value(row)
        if role == ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        if role == MAJOR_ROLE:
            return row.major_incident
        if role in _STYLE_ROLES:
            return self._cell(r, index.column())[role]
        if role == _TOOLTIP and column.key == "title":
            return row.title
        return None

    def multiData(self, index: _Index, span: Any) -> None:
        """All roles a delegate asks for one cell, in one call (see the module docstring)."""
        get = self.paint_cell(index.row(), index.column()).get
        # Every item gets an answer, "nothing" included: the caller's items may still hold
        # another cell's values.
        for item in span:
            role = item.role()
            value = get(role, _ASK)
            if value is _ASK:
                value = self.data(index, role) if role in _DATA_ROLES else None
            if value is None:
                item.clearData()
            else:
                item.setData(value)

    def _display(self, r: int, c: int) -> str:
        return self._cell(r, c)[_DISPLAY]

    def paint_cell(self, r: int, c: int) -> dict[int, Any]:
        """What ``CellDelegate`` paints in cell (r, c): the ``multiData`` answers of its
        display, decoration and font roles (None: Qt's default)."""
        if not 0 <= r < self._rows:
            return _NO_CELL
        # Fast path (it runs for every painted cell): a kept cell of the page painted last.
        p, i = divmod(r, PAGE)
        if p == self._painted_page:
            page = self._pages.get(p)
            if page is not None and i < len(page):
                row = page[i]
                kept = self._row_cells.get(row.id)
                if kept is not None and kept[0] is row:
                    cell = kept[1][c]
                    if cell is not None:
                        return cell
        return self._cell(r, c)

    def _cell(self, r: int, c: int) -> dict[int, Any]:
        """What cell (r, c) paints: {DisplayRole: text, DecorationRole: mark or None,
        FontRole: font or None}, made when first painted and kept with its row's values. A
        row that is not loaded answers a placeholder and asks for its page."""
        p, i = divmod(r, PAGE)
        page = self._pages.get(p)
        if page is None or i >= len(page):
            self._want(p)
            return _PLACEHOLDER_CELL
        self._pages.move_to_end(p)  # (recently painted pages are the last to go)
        self._painted_page = p
        row = page[i]
        kept = self._row_cells.get(row.id)
        if kept is None or kept[0] is not row:
            # Cells are made from the row's values alone (and the clock, for those not kept):
            # a row read again with the same values shows the same.
            if kept is None or kept[0] != row:
                kept = (row, [None] * len(self._columns))
            else:
                kept = (row, kept[1])
            self._row_cells[row.id] = kept
            while len(self._row_cells) > MAX_ROW_CELLS:
                self._row_cells.popitem(last=False)
        self._row_cells.move_to_end(row.id)
        cells = kept[1]
        cell = cells[c]
        if cell is None:
            column = self._columns[c]
            decoration, font = _style(column, row)
            if column.kind == "duration" and is_sla_column(column):
                # As of now, not as of the query: it counts down (never kept).
                return {_DISPLAY: cell_text(cell_of(column.key, column.value(row), row)),
                        _DECORATION: decoration, _FONT: font}
            cell = cells[c] = {_DISPLAY: format_value(column.kind, column.value(row)),
                                _DECORATION: decoration, _FONT: font}
        return cell

    # ------------------------------------------------------------ loading

    def _reload(self) -> None:
        self._gen += 1
        gen = self._gen
        for call in (self._load, self._refresh_call, *self._inflight.values()):
            if call is not None:
                call.cancel()
        self._inflight.clear()
        self._wanted.clear()
        self._refresh_call = None
        self._count_known = False
        spec, sort = self._spec, self._sort
        self._load = self._read(
            service.fetch_rows, spec, self._me, sort, 0, PAGE,
            on_done=lambda rows: self._first_page(gen, rows),
            on_error=lambda err: self._failed(gen, err), label="queue first page")

    def _first_page(self, gen: int, rows: list[QueueRow]) -> None:
        if gen != self._gen:
            return
        self.beginResetModel()
        self._pages.clear()
        self._pages[0] = tuple(rows)
        self._rows = len(rows)
        self._count_known = len(rows) < PAGE
        self.endResetModel()
        self.loaded.emit()
        if self._count_known:
            self.countKnown.emit(self._rows)
        else:
            # The count is asked on the next turn of the event loop, behind the events this
            # reset posted (the repaint among them): a worker busy in Python while the first
            # rows paint makes the GUI thread wait for the interpreter lock at every cell.
            QTimer.singleShot(0, self, lambda: self._start_count(gen))

    def _start_count(self, gen: int) -> None:
        if gen != self._gen or self._detached:
            return
        self._read(service.count, self._spec, self._me,
                   on_done=lambda n: self._count_done(gen, n),
                   on_error=lambda err: self._failed(gen, err), label="queue count")

    def _count_done(self, gen: int, n: int) -> None:
        if gen != self._gen or _active(self._load):
            return
        self._set_rows(n)
        self._count_known = True
        self.countKnown.emit(n)

    def _set_rows(self, n: int) -> None:
        if n > self._rows:
            self.beginInsertRows(QModelIndex(), self._rows, n - 1)
            self._rows = n
            self.endInsertRows()
        elif n < self._rows:
            self.beginRemoveRows(QModelIndex(), n, self._rows - 1)
            self._rows = n
            for p in [p for p in self._pages if p * PAGE >= n]:
                del self._pages[p]
            self.endRemoveRows()

    def _refresh_done(self, gen: int, snap: service.Snapshot) -> None:
        if gen != self._gen:
            return
        assert snap.count is not None
        self._set_rows(snap.count)
        self._count_known = True
        self._pages.clear()
        for offset, rows in snap.pages:
            if rows:
                self._pages[offset // PAGE] = rows
        for call in self._inflight.values():
            call.cancel()
        self._inflight.clear()
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self._rows - 1, len(self._columns) - 1))
        self.countKnown.emit(self._rows)
        self.refreshed.emit()

    def _want(self, page: int) -> None:
        if self._detached or _active(self._inflight.get(page)) or page in self._wanted:
            return
        self._wanted.add(page)
        if not self._fetch_timer.isActive():
            self._fetch_timer.start()

    def _fetch_wanted(self) -> None:
        wanted, self._wanted = self._wanted, set()
        if wanted:
            # Scrolling fast leaves pages far behind: drop their requests if not started.
            lo, hi = min(wanted) - STALE_DISTANCE, max(wanted) + STALE_DISTANCE
            for page in [p for p in self._inflight if not lo <= p <= hi]:
                self._inflight.pop(page).cancel()
        for page in [p for p, c in self._inflight.items() if c.done]:
            del self._inflight[page]
        gen = self._gen
        total = self._rows if self._count_known else None
        for page in sorted(wanted):
            if page in self._pages or page in self._inflight:
                continue
            self._inflight[page] = self._read(
                service.fetch_rows, self._spec, self._me, self._sort, page * PAGE, PAGE, total,
                self._cursor_for(page),
                on_done=lambda rows, p=page: self._page_done(gen, p, rows),
                on_error=lambda err: self._failed(gen, err), label="queue page")

    def _cursor_for(self, page: int) -> Cursor | None:
        """Keyset paging: a page next to a cached one starts from that page's edge row, so
        scrolling on costs the same deep in a view as at its top (``desk.queues.sql``)."""
        before = self._pages.get(page - 1)
        if before is not None and len(before) == PAGE and before[-1].sort_key:
            return Cursor(before[-1].sort_key, forward=True)
        after = self._pages.get(page + 1)
        if after and after[0].sort_key:
            return Cursor(after[0].sort_key, forward=False)
        return None

    def _page_done(self, gen: int, page: int, rows: list[QueueRow]) -> None:
        if gen != self._gen:
            return
        self._inflight.pop(page, None)
        first = page * PAGE
        if first >= self._rows:
            return
        self._pages[page] = tuple(rows)
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        last = min(first + max(len(rows), 1), self._rows) - 1
        self.dataChanged.emit(self.index(first, 0), self.index(last, len(self._columns) - 1))

    def _failed(self, gen: int, err: BaseException) -> None:
        if gen != self._gen:
            return
        self._inflight.clear()
        self.failed.emit(str(err))

    def _read(self, fn: Any, *args: Any, on_done: Any, on_error: Any, label: str) -> _Call:
        call = _Call()

        def done(result: Any) -> None:
            if not call.done:
                call.done = True
                on_done(result)

        def error(err: BaseException) -> None:
            if not call.done:
                call.done = True
                on_error(err)

        call.op = self._runner.read(fn, *args, on_done=done, on_error=error, label=label)
        return call
