"""Starting the console with a broken configuration file: a message, not the empty default."""

from __future__ import annotations

from desk import config
from desk.ui.dialogs import StartupErrorDialog
from tests.ui.test_app_start import dialog_of, start  # noqa: F401 - a fixture


def test_a_broken_configuration_file_is_reported_not_ignored(qtbot, start):  # noqa: F811
    config.config_path().write_text('{"database": "postgresql://a@h/d",}', encoding="utf-8")
    startup, task = start(None)
    error = dialog_of(qtbot, startup, StartupErrorDialog)
    text = error.message.text()
    assert str(config.config_path()) in text and "is not valid JSON" in text
    assert startup.db is None  # the embedded default was not opened instead
    error.quit_button.click()
    qtbot.waitUntil(task.done, timeout=20_000)
    assert task.result() is None
