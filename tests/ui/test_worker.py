"""DbRunner: the GUI's one database worker and the change broadcast, on a real SQLite file."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QObject

from desk.db.session import Database
from desk.errors import DeskError
from desk.services import people
from desk.services.changes import Changes, RowOp
from desk.ui.worker import DbRunner

GATE_TIMEOUT = 10  # seconds; only bounds a test that is already failing


@pytest.fixture
def runner(qtbot, sqlite_db: Database) -> Iterator[DbRunner]:
    r = DbRunner(sqlite_db)
    yield r
    r.shutdown()
    r.deleteLater()


class Gate:
    """Holds the single worker thread inside a call until ``open()``."""

    def __init__(self) -> None:
        self.entered = threading.Event()
        self.released = threading.Event()

    def __call__(self, _db: Database) -> str:
        self.entered.set()
        assert self.released.wait(GATE_TIMEOUT)
        return "gate"

    def open(self) -> None:
        self.released.set()


def test_results_come_back_on_the_gui_thread(qtbot, runner: DbRunner) -> None:
    threads: dict[str, threading.Thread] = {}

    def read(_db: Database) -> int:
        threads["worker"] = threading.current_thread()
        return 42

    got: list[Any] = []

    def done(value: int) -> None:
        threads["callback"] = threading.current_thread()
        got.append(value)

    runner.read(read, on_done=done)
    qtbot.waitUntil(lambda: got == [42])
    assert threads["callback"] is threading.main_thread()
    assert threads["worker"] is not threading.main_thread()
    assert runner.pending == 0


def test_an_error_without_a_handler_is_reported_on_failed(qtbot, runner: DbRunner) -> None:
    def broken(_db: Database) -> None:
        raise DeskError("The server went away")

    with qtbot.waitSignal(runner.failed) as blocker:
        runner.read(broken, on_done=lambda _r: pytest.fail("no result expected"))
    assert blocker.args == ["The server went away"]


def test_an_error_goes_to_its_handler_and_not_to_failed(qtbot, runner: DbRunner) -> None:
    def broken(_db: Database) -> None:
        raise DeskError("No such ticket")

    errors: list[BaseException] = []
    reported: list[str] = []
    runner.failed.connect(reported.append)
    runner.read(broken, on_error=errors.append)
    qtbot.waitUntil(lambda: len(errors) == 1)
    assert str(errors[0]) == "No such ticket" and reported == []


def test_a_destroyed_owner_gets_no_callback(qtbot, runner: DbRunner) -> None:
    gate = Gate()
    runner.read(gate)
    assert gate.entered.wait(GATE_TIMEOUT)
    owner = QObject()
    called: list[object] = []
    runner.read(lambda _db: 1, owner=owner, on_done=called.append,
                on_error=called.append)
    shiboken6.delete(owner)  # the tab that asked was closed while the read waited
    gate.open()
    qtbot.waitUntil(lambda: runner.pending == 0)
    assert called == []


def test_a_write_of_a_destroyed_owner_is_still_published(qtbot, runner: DbRunner) -> None:
    gate = Gate()
    runner.read(gate)
    assert gate.entered.wait(GATE_TIMEOUT)
    owner = QObject()
    called: list[object] = []
    runner.write(people.create_user, "ada", "Ada Admin", owner=owner, on_done=called.append)
    shiboken6.delete(owner)
    with qtbot.waitSignal(runner.changed) as blocker:
        gate.open()
    changes, origin = blocker.args
    assert changes.touches("users") and origin == runner.origin
    assert called == []


def test_writes_publish_what_they_changed_with_this_consoles_origin(
        qtbot, runner: DbRunner) -> None:
    done: list[Any] = []
    with qtbot.waitSignal(runner.changed) as blocker:
        runner.write(people.create_user, "ada", "Ada Admin", on_done=done.append)
    changes, origin = blocker.args
    user, written = done[0]
    assert changes == written
    assert changes.ids("users", RowOp.INSERT) == {user.id}
    assert origin == runner.origin
    other = DbRunner(runner.db)  # another console
    assert other.origin != runner.origin
    other.shutdown()
    other.deleteLater()


def test_publish_carries_the_given_origin_and_skips_empty_changes(
        qtbot, runner: DbRunner) -> None:
    seen: list[tuple[Changes, str]] = []
    runner.changed.connect(lambda c, o: seen.append((c, o)))
    runner.publish(Changes())
    elsewhere = Changes({"tickets": {1: RowOp.UPDATE}})
    runner.publish(elsewhere, origin="other-console")
    assert seen == [(elsewhere, "other-console")]


def test_a_cancelled_read_neither_runs_nor_calls_back(qtbot, runner: DbRunner) -> None:
    gate = Gate()
    runner.read(gate)
    assert gate.entered.wait(GATE_TIMEOUT)
    ran: list[bool] = []
    called: list[object] = []

    def read(_db: Database) -> int:
        ran.append(True)
        return 1

    op = runner.read(read, on_done=called.append)
    op.cancel()
    gate.open()
    qtbot.waitUntil(lambda: runner.pending == 0)
    assert ran == [] and called == []


def test_shutdown_waits_for_the_running_call_and_refuses_new_ones(
        qtbot, runner: DbRunner) -> None:
    started = threading.Event()
    submitted = threading.Event()
    queued_ran: list[bool] = []
    ops: dict[str, Any] = {}

    def running(_db: Database) -> str:
        started.set()
        # Ends once shutdown has cancelled what waits behind it (the user quit meanwhile).
        assert submitted.wait(GATE_TIMEOUT)
        assert ops["queued"].cancel_event.wait(GATE_TIMEOUT)
        return "finished"

    first = runner.read(running)
    assert started.wait(GATE_TIMEOUT)
    ops["queued"] = runner.read(lambda _db: queued_ran.append(True))
    submitted.set()
    runner.shutdown()
    assert first.future is not None and first.future.result() == "finished"
    assert ops["queued"].cancelled and queued_ran == []
    late = runner.read(lambda _db: queued_ran.append(True))
    assert late.cancelled and late.future is None and runner.pending == 0
