"""The SLA engine in the console: set up at start, Administration menu for leads."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QSettings
from shiboken6 import isValid

from desk.db.session import open_database
from desk.domain.enums import Role
from desk.drafts import DraftStore
from desk.queues import columns as queue_columns
from desk.services import people
from desk.sla.policy import list_calendars, list_policies
from desk.slaops.queue_views import unregister_queue_parts
from desk.ui.app import Startup
from desk.ui.main_window import MainWindow
from desk.ui.worker import DbRunner

from .conftest import SlaDesk


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


def test_start_sets_up_default_sla_and_queue_columns(qtbot, aio_loop, tmp_path, settings):
    path = tmp_path / "fresh.sqlite3"
    db = open_database(str(path))
    people.create_user(db, "ada", "Ada Admin", Role.ADMIN)
    assert list_calendars(db) == []
    unregister_queue_parts()
    startup = Startup(str(path), "ada", settings=settings, drafts=DraftStore(tmp_path / "d"))
    task = aio_loop.create_task(startup.run())
    try:
        qtbot.waitUntil(task.done, timeout=20_000)
        window = task.result()
        assert window is not None
        assert {c.name for c in list_calendars(db)} == {"Standard business hours", "24×7"}
        assert len(list_policies(db)) == 5
        keys = {c.key for c in queue_columns.all_columns()}
        assert {"sla_resolution", "sla_first_response", "sla_resolution_facts"} <= keys
        assert window.admin_menu.menuAction().isVisible()
    finally:
        if startup.window is not None:
            qtbot.waitUntil(lambda: startup.runner is None or startup.runner.pending == 0,
                            timeout=10_000)
            startup.window._close_approved = True
            startup.window.close()
        startup.shutdown()
        db.dispose()
        unregister_queue_parts()


@pytest.fixture
def window_for(qtbot, sla: SlaDesk, tmp_path, settings) -> Iterator:
    runner = DbRunner(sla.db)
    made: list[MainWindow] = []

    def make(who: str) -> MainWindow:
        window = MainWindow(runner, sla.user(who), settings=settings,
                            drafts=DraftStore(tmp_path / "drafts"))
        window.notifications.timer.stop()
        made.append(window)
        window.show()
        return window

    yield make
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10_000)
    for window in made:
        if isValid(window):
            window._close_approved = True
            window.close()
            shiboken6.delete(window)
    runner.shutdown()
    runner.deleteLater()


def test_administration_is_for_team_leads_and_admins(qtbot, window_for):
    agent = window_for("agent")
    assert not agent.admin_menu.menuAction().isVisible()
    lead = window_for("lead")
    assert lead.admin_menu.menuAction().isVisible()
    lead.calendars_action.trigger()
    editor = lead.sla_dialogs["calendars"]
    qtbot.waitUntil(lambda: editor.list.count() == 2, timeout=10_000)
    lead.calendars_action.trigger()  # brought forward, not opened twice
    assert lead.sla_dialogs["calendars"] is editor
    lead.policies_action.trigger()
    policies = lead.sla_dialogs["policies"]
    qtbot.waitUntil(lambda: policies.list.count() == 5, timeout=10_000)
    agent.report_action.trigger()  # the report is for everyone
    report = agent.sla_dialogs["report"]
    qtbot.waitUntil(lambda: report._op is None, timeout=10_000)
    assert report.isVisible()
