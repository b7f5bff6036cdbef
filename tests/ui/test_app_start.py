"""Starting the console: open the database off the GUI thread, sign in, show the window."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog

from desk.db.session import open_database
from desk.domain.enums import Role
from desk.drafts import DraftStore
from desk.services import people
from desk.ui.app import Startup, signin_key
from desk.ui.dialogs import (
    ChooseDatabaseDialog,
    FirstAdminDialog,
    PasswordDialog,
    StartupErrorDialog,
    UserPickDialog,
)
from desk.ui.main_window import MainWindow
from tests.db.conftest import scram_server  # noqa: F401 - a fixture


@pytest.fixture
def start(qtbot, aio_loop, ui_settings: QSettings, tmp_path: Path):
    """Run ``Startup(url, user).run()`` on the qasync loop; yields (startup, task)."""
    made: list[Startup] = []

    def go(url: str | None, user: str | None = None):
        startup = Startup(url, user, settings=ui_settings, drafts=DraftStore(tmp_path / "d"))
        made.append(startup)
        task = aio_loop.create_task(startup.run())
        return startup, task

    yield go
    for startup in made:
        if startup.window is not None:
            startup.window._close_approved = True
            startup.window.close()
        startup.shutdown()


def dialog_of(qtbot, startup: Startup, cls: type, after: QDialog | None = None) -> QDialog:
    """The dialog of class ``cls`` the start is waiting on (a new one, not ``after``)."""
    qtbot.waitUntil(lambda: isinstance(startup.dialog, cls) and startup.dialog is not after
                    and startup.dialog.isVisible(), timeout=20_000)
    return startup.dialog


def test_mistyped_database_path_is_named_not_created(qtbot, start, tmp_path):
    path = tmp_path / "mistyped.sqlite3"
    startup, task = start(str(path))
    error = dialog_of(qtbot, startup, StartupErrorDialog)
    assert "There is no database file" in error.message.text()
    assert str(path) in error.message.text()
    assert not path.exists()
    error.quit_button.click()
    qtbot.waitUntil(task.done, timeout=20_000)
    assert task.result() is None and not path.exists()


def test_fresh_database_creates_first_admin_and_shows_window(qtbot, start, tmp_path):
    path = tmp_path / "fresh.sqlite3"
    open_database(str(path), create=True).dispose()  # as `desk db upgrade` makes it
    startup, task = start(str(path))
    qtbot.waitUntil(startup.splash.isVisible)
    assert startup.splash.status.text().startswith("Opening database")
    dialog = dialog_of(qtbot, startup, FirstAdminDialog)
    assert startup.splash.isVisible()  # the dialogs sit on the start window
    dialog.ok_button.click()  # nothing typed: refused beside the field, dialog stays
    assert dialog.boxes["username"].error.text() == "A user name is required"
    qtbot.keyClicks(dialog.username, "ada")
    qtbot.keyClicks(dialog.display, "Ada Admin")
    dialog.ok_button.click()
    qtbot.waitUntil(task.done, timeout=20_000)
    window = task.result()
    assert isinstance(window, MainWindow)
    assert window.isVisible()
    assert not startup.splash.isVisible()
    assert window.me.username == "ada" and window.me.role == Role.ADMIN
    assert str(path) in window.db_label.text()
    assert "Ada Admin" in window.user_label.text()
    assert path.exists()


def test_local_user_is_picked_once_then_remembered(qtbot, start, sqlite_url, ui_settings):
    db = open_database(sqlite_url)
    people.create_user(db, "lena", "Lena Lead", Role.TEAM_LEAD)
    people.create_user(db, "arne", "Arne Agent")
    db.dispose()

    startup, task = start(sqlite_url)
    picker = dialog_of(qtbot, startup, UserPickDialog)
    picker.choose("lena")
    picker.accept()
    qtbot.waitUntil(task.done, timeout=20_000)
    assert task.result().me.username == "lena"
    assert ui_settings.value(signin_key(startup.db.target)) == "lena"

    again, task2 = start(sqlite_url)
    qtbot.waitUntil(task2.done, timeout=20_000)
    assert again.dialog is None
    assert task2.result().me.username == "lena"

    _explicit, task3 = start(sqlite_url, "arne")  # --user beats the remembered choice
    qtbot.waitUntil(task3.done, timeout=20_000)
    assert task3.result().me.username == "arne"


def test_unreachable_server_offers_another_database(qtbot, start, tmp_path):
    startup, task = start("postgresql+psycopg://postgres@127.0.0.1:9/desk")
    error = dialog_of(qtbot, startup, StartupErrorDialog)
    assert "Cannot reach the PostgreSQL server" in error.message.text()
    assert "127.0.0.1:9/desk" in error.message.text()
    error.choose_button.click()
    chooser = dialog_of(qtbot, startup, ChooseDatabaseDialog)
    chooser.path.setText(str(tmp_path / "other.sqlite3"))
    chooser.file_radio.setChecked(True)
    chooser._check()
    admin = dialog_of(qtbot, startup, FirstAdminDialog)
    admin.username.setText("root")
    admin.ok_button.click()
    qtbot.waitUntil(task.done, timeout=20_000)
    assert task.result().runner.db.target.sqlite_path == tmp_path / "other.sqlite3"


def test_quit_from_error_dialog_ends_start(qtbot, start, tmp_path):
    startup, task = start("postgresql+psycopg://postgres@127.0.0.1:9/desk")
    error = dialog_of(qtbot, startup, StartupErrorDialog)
    error.retry_button.click()  # retry fails the same way
    error = dialog_of(qtbot, startup, StartupErrorDialog, after=error)
    error.quit_button.click()
    qtbot.waitUntil(task.done, timeout=20_000)
    assert task.result() is None


@pytest.mark.pg
def test_password_is_asked_on_gui_thread_and_kept_in_keyring(qtbot, start, scram_server,  # noqa: F811
                                                             memory_keyring):
    url = f"postgresql+psycopg://agent@{scram_server}/desk"
    startup, task = start(url)
    dialog = dialog_of(qtbot, startup, PasswordDialog)
    dialog.edit.setText("wrong")
    dialog.accept()
    dialog = dialog_of(qtbot, startup, PasswordDialog, after=dialog)  # again, saying why
    dialog.edit.setText("correct horse")
    dialog.remember_box.setChecked(True)
    dialog.accept()
    admin = dialog_of(qtbot, startup, FirstAdminDialog)
    admin.username.setText("agent")
    admin.ok_button.click()
    qtbot.waitUntil(task.done, timeout=30_000)
    assert task.result() is not None
    assert "correct horse" in memory_keyring.store.values()
    assert "wrong" not in memory_keyring.store.values()


def test_run_entry_point_starts_and_quits(tmp_path):
    """The real entry point (QApplication, translator, qasync loop) in its own process."""
    db = tmp_path / "run.sqlite3"
    script = textwrap.dedent(f"""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        os.environ["XDG_CONFIG_HOME"] = {str(tmp_path / "cfg")!r}
        os.environ["XDG_DATA_HOME"] = {str(tmp_path / "data")!r}
        from desk.db.session import open_database
        from desk.services import people
        db = open_database({str(db)!r}); people.create_user(db, "ada", "Ada"); db.dispose()
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from desk.ui import app as desk_app
        from desk.ui.main_window import MainWindow
        app = desk_app.make_application(["desk"])
        def poll():
            wins = [w for w in QApplication.topLevelWidgets()
                    if isinstance(w, MainWindow) and w.isVisible()]
            if wins:
                print("WINDOW", wins[0].windowTitle(), flush=True)
                wins[0].close()
            else:
                QTimer.singleShot(50, poll)
        QTimer.singleShot(0, poll)
        sys.exit(desk_app.run(db_url={str(db)!r}, user="ada"))
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120, cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr
    assert "WINDOW Ada" in done.stdout  # Qt adds " — Desk" itself
