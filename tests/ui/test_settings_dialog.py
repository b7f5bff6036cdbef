"""The settings screen edits the registry's options, and what it saves changes the desk."""

from __future__ import annotations

import dataclasses

import pytest
import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QSpinBox

from desk.cmdb import graph
from desk.cmdb.settings import major_incident_rule
from desk.domain.enums import Role
from desk.drafts import DraftStore
from desk.services.people import CurrentUser
from desk.services.settings import get_setting
from desk.ui.main_window import MainWindow
from desk.ui.settings_dialog import SettingsDialog
from desk.ui.worker import DbRunner
from tests.cmdb.helpers import ci, rel
from tests.ui.conftest import idle


def _window(qtbot, runner: DbRunner, me: CurrentUser, role: str, drafts: DraftStore,
            ui_settings: QSettings) -> MainWindow:
    window = MainWindow(runner, dataclasses.replace(me, role=role), settings=ui_settings,
                        drafts=drafts)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def close_windows():
    made: list[MainWindow] = []
    yield made
    for window in made:
        if shiboken6.isValid(window):
            window._close_approved = True
            window.close()


def test_settings_are_for_administrators_only(qtbot, runner, me, drafts, ui_settings,
                                              close_windows):
    admin = _window(qtbot, runner, me, Role.ADMIN, drafts, ui_settings)
    lead = _window(qtbot, runner, me, Role.TEAM_LEAD, drafts, ui_settings)
    close_windows.extend([admin, lead])
    assert admin.settings_action in admin.admin_menu.actions()
    assert admin.settings_action.isVisible() and not lead.settings_action.isVisible()
    dialog = admin.open_settings()
    assert isinstance(dialog, SettingsDialog)
    assert admin.open_settings() is dialog  # one screen, brought forward
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=10_000)  # the values arrived
    idle(qtbot, runner)


def test_edit_and_save_changes_impact_and_the_major_incident_rule(qtbot, runner, world):
    db = world.db
    core = ci(db, "core-1", "network_device")
    rack = ci(db, "tor-01", "network_device")
    host = ci(db, "esx-001", "server")
    rel(db, rack, "connects_to", core)
    rel(db, host, "connects_to", rack)
    assert [c.name for c in graph.impact(db, [core.id]).affected] == ["tor-01", "esx-001"]

    dialog = SettingsDialog(runner)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.show()
    connects = dialog.editors["cmdb.outage.connects_to"]
    assert isinstance(connects, QComboBox)
    # Every relationship type shows its direction in words a user reads.
    assert connects.currentText() == "If B is down, A is affected"
    assert [connects.itemText(i) for i in range(connects.count())] == [
        "If B is down, A is affected", "If A is down, B is affected",
        "If either is down, the other is affected", "Carries no outage"]
    backup = dialog.editors["cmdb.outage.backed_up_by"]
    assert isinstance(backup, QComboBox) and backup.currentText() == "Carries no outage"
    count = dialog.editors["cmdb.major_incident_count"]
    assert isinstance(count, QSpinBox) and count.value() == 3
    count.setValue(1)  # below the rule's minimum: the editor refuses it
    assert count.value() == 2

    dialog.save_button.click()  # count changed to 2
    qtbot.waitUntil(lambda: dialog.message.text() == "Settings saved.", timeout=10_000)
    assert major_incident_rule(db).count == 2

    connects.setCurrentIndex(connects.findData("none"))
    dialog.editors["attachment_max_bytes"].setValue(1000)  # type: ignore[attr-defined]
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.save_button.click()
    assert graph.impact(db, [core.id]).affected == ()
    assert get_setting(db, "attachment_max_bytes") == 1000

    dialog.save_button.click()
    assert dialog.message.text() == "Nothing to save: no setting was changed."

    again = SettingsDialog(runner)  # a new screen shows what was saved
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.loaded, timeout=10_000):
        again.show()
    assert again.editors["cmdb.outage.connects_to"].currentText() == "Carries no outage"  # type: ignore[attr-defined]
    assert again.value("cmdb.major_incident_count") == 2
    idle(qtbot, runner)
