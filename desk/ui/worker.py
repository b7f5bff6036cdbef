"""The GUI's single database worker and the one change broadcast.

Design (after Anki's CollectionOp): every core call runs on one worker thread (a
``ThreadPoolExecutor`` with one thread, so SQLite sees one writer and sessions never cross
threads); its result comes back on the GUI thread through a queued Qt signal. Writes return
the ``Changes`` their unit of work recorded; ``DbRunner.publish`` broadcasts them once on
``changed`` with an origin (this console's id for its own writes) and every view decides
whether to refresh. The GUI thread never waits on the database.

Each call may name an ``owner`` (the widget that asked): once the owner is destroyed its
callbacks are dropped — an answer can arrive after the user closed the tab that asked.

An operation still running after ``BUSY_AFTER_MS`` raises ``busy`` so windows can show a
busy indicator; ``Op.cancel()`` drops a result nobody wants any more (e.g. a page fetch for a
view the user has left).
"""

from __future__ import annotations

import itertools
import logging
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from shiboken6 import isValid

from desk.connect import Database
from desk.errors import DeskError
from desk.services.changes import Changes, Written

log = logging.getLogger(__name__)

BUSY_AFTER_MS = 200


class Op:
    """A submitted call; callbacks run on the GUI thread unless the op was cancelled."""

    _ids = itertools.count(1)

    def __init__(self, label: str, on_done: Callable[[Any], None] | None,
                 on_error: Callable[[BaseException], None] | None, is_write: bool,
                 owner: QObject | None = None) -> None:
        self.id = next(self._ids)
        self.label = label
        self.on_done = on_done
        self.on_error = on_error
        self.is_write = is_write
        self.owner = owner
        self.cancel_event = threading.Event()
        self.future: Future[Any] | None = None

    @property
    def cancelled(self) -> bool:
        """Cancelled, or its owner is gone: nobody wants the answer any more."""
        return self.cancel_event.is_set() or (self.owner is not None and not isValid(self.owner))

    def cancel(self) -> None:
        self.cancel_event.set()


def changes_of(result: Any) -> Changes | None:
    """A write returns ``Written(value, changes)``, or ``Changes`` when it has no value."""
    if isinstance(result, Written):
        return result.changes
    return result if isinstance(result, Changes) else None


class DbRunner(QObject):
    changed = Signal(object, str)  # (Changes, origin): the one change broadcast
    busy = Signal(bool)
    failed = Signal(str)  # user-facing message of an unhandled DeskError
    _finished = Signal(object, object, object)  # op, result, error (queued to GUI thread)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="desk-db")
        self._pending: dict[int, Op] = {}
        # Always queued: a call that finishes before add_done_callback is attached runs the
        # callback on this thread, and on_done must never fire inside read()/write().
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_AFTER_MS)
        self._busy_timer.timeout.connect(self._check_busy)
        self._is_busy = False
        self._closed = False
        # Stamped on this console's own writes, so it can tell their echo from changes made
        # elsewhere (database notifications, the offline outbox).
        self.origin = uuid.uuid4().hex

    # ------------------------------------------------------------ API

    def read(self, fn: Callable[..., Any], *args: Any,
             on_done: Callable[[Any], None] | None = None,
             on_error: Callable[[BaseException], None] | None = None,
             label: str = "", owner: QObject | None = None, **kwargs: Any) -> Op:
        """Run ``fn(db, *args, **kwargs)`` on the worker; deliver the result on the GUI thread
        (to nobody once ``owner`` is destroyed)."""
        return self._submit(fn, args, kwargs, on_done, on_error, label, owner, is_write=False)

    def write(self, fn: Callable[..., Any], *args: Any,
              on_done: Callable[[Any], None] | None = None,
              on_error: Callable[[BaseException], None] | None = None,
              label: str = "", owner: QObject | None = None, **kwargs: Any) -> Op:
        """Like ``read``; afterwards the result's ``Changes`` are published with this
        console's origin (also when the owner has gone: the write happened)."""
        return self._submit(fn, args, kwargs, on_done, on_error, label, owner, is_write=True)

    def publish(self, changes: Changes, origin: str | None = None) -> None:
        """Broadcast ``changes`` on ``changed`` (nothing when empty); ``origin``: who made them,
        this console unless told otherwise."""
        if changes:
            self.changed.emit(changes, origin or self.origin)

    @property
    def pending(self) -> int:
        return len(self._pending)

    def shutdown(self) -> None:
        self._closed = True
        for op in self._pending.values():
            op.cancel()
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._pending.clear()

    # ------------------------------------------------------------ internals

    def _submit(self, fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any],
                on_done: Callable[[Any], None] | None,
                on_error: Callable[[BaseException], None] | None, label: str,
                owner: QObject | None, is_write: bool) -> Op:
        op = Op(label or getattr(fn, "__name__", "op"), on_done, on_error, is_write, owner)
        if self._closed:
            # A late timer of a closing window: nothing will run it, nobody waits for it.
            op.cancel()
            return op
        self._pending[op.id] = op
        db = self.db

        def call() -> Any:
            # (Only the event is checked here: the owner may be touched on the GUI thread only.)
            if op.cancel_event.is_set() and not is_write:
                return None
            return fn(db, *args, **kwargs)

        future = self._pool.submit(call)
        op.future = future
        future.add_done_callback(lambda f: self._finished.emit(op, *_outcome(f)))
        if not self._busy_timer.isActive() and not self._is_busy:
            self._busy_timer.start()
        return op

    @Slot(object, object, object)
    def _deliver(self, op: Op, result: Any, error: BaseException | None) -> None:
        self._pending.pop(op.id, None)
        self._check_busy()
        if error is not None:
            if op.cancelled:
                return
            if op.on_error is not None:
                op.on_error(error)
            elif isinstance(error, DeskError):
                self.failed.emit(str(error))
            else:
                log.error("database operation %s failed", op.label,
                          exc_info=(type(error), error, error.__traceback__))
                self.failed.emit(str(error))
            return
        # A write that went through is broadcast even if its requester went away.
        if not op.cancelled and op.on_done is not None:
            op.on_done(result)
        if op.is_write:
            changes = changes_of(result)
            if changes is not None:
                self.publish(changes)

    def _check_busy(self) -> None:
        busy = bool(self._pending)
        if busy != self._is_busy:
            if busy and self._busy_timer.isActive():
                return  # not yet 200 ms
            self._is_busy = busy
            self.busy.emit(busy)


def _outcome(future: Future[Any]) -> tuple[Any, BaseException | None]:
    try:
        return future.result(), None
    except BaseException as err:  # delivered to the GUI thread, never swallowed
        return None, err
