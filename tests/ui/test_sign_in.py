"""Signing in: on a shared PostgreSQL desk the console's user is the login (no picker), and a
login that is nobody here gets one clear message with Retry; a new SQLite file is private."""

from __future__ import annotations

import stat
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from desk.db.session import Database, open_database
from desk.db.url import parse_db_url
from desk.services import admin_users, people
from desk.ui.dialogs import FirstAdminDialog, StartupErrorDialog, UserPickDialog
from tests.ui import test_app_start

start = test_app_start.start  # the start-up fixture, shared
dialog_of = test_app_start.dialog_of


@pytest.fixture
def desk_login(pg_url: str) -> Iterator[tuple[Database, str, str]]:
    """The owner's database, a person's login and the url the person starts the console
    with."""
    owner = open_database(pg_url)
    people.create_group(owner, "Service Desk")
    login = f"s{uuid.uuid4().hex[:8]}"
    admin_users.add_user(owner, login, "Sam Signin", "agent", ["Service Desk"])
    yield owner, login, make_url(pg_url).set(username=login).render_as_string(
        hide_password=False)
    with owner.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(f'DROP OWNED BY "{login}"'))
        conn.execute(text(f'DROP ROLE "{login}"'))
    owner.dispose()


def _set_active(owner: Database, login: str, active: bool) -> None:
    with owner.write() as s:
        s.execute(text("UPDATE users SET active = :a WHERE username = :u"),
                  {"a": active, "u": login})


@pytest.mark.pg
def test_the_login_is_the_user_without_a_picker(qtbot, start, desk_login, ui_settings):
    owner, login, url = desk_login
    people.create_user(owner, "other", "Someone Else")  # a picker would offer a choice
    startup, task = start(url, "other")  # --user cannot make a login someone else
    qtbot.waitUntil(task.done, timeout=30_000)
    window = task.result()
    assert window is not None
    assert window.me.username == login
    assert "Sam Signin" in window.user_label.text()
    assert not isinstance(startup.dialog, UserPickDialog)
    # Listening to other consoles from the start.
    qtbot.waitUntil(lambda: window.live_label.text() == "Live", timeout=20_000)


@pytest.mark.pg
def test_a_login_that_is_nobody_here_gets_a_message_and_retry(qtbot, start, desk_login):
    owner, login, url = desk_login
    _set_active(owner, login, False)
    startup, task = start(url)
    error = dialog_of(qtbot, startup, StartupErrorDialog)
    assert error.message.text() == (
        f"The login {login} is not an active user of this desk; ask an administrator to "
        "add it")
    assert startup.splash.isVisible()
    # The administrator fixes it; Retry signs in.
    _set_active(owner, login, True)
    error.retry_button.click()
    qtbot.waitUntil(task.done, timeout=30_000)
    assert task.result().me.username == login


@pytest.mark.pg
@pytest.mark.parametrize("how", ["disabled", "no member of this desk"])
def test_a_login_refused_connect_gets_a_clear_message(qtbot, start, desk_login, how):
    owner, login, url = desk_login
    if how == "disabled":
        admin_users.disable_user(owner, login)
    else:
        with owner.write() as s:
            s.execute(text("DELETE FROM group_members"))
            s.execute(text("DELETE FROM users WHERE username = :u"), {"u": login})
        with owner.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            for (group,) in conn.execute(text(
                    "SELECT r.rolname FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid "
                    "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = :u"), {"u": login}):
                conn.execute(text(f'REVOKE "{group}" FROM "{login}"'))
    startup, task = start(url)
    error = dialog_of(qtbot, startup, StartupErrorDialog)
    assert error.message.text() == (
        f"The login {login} may not connect to {parse_db_url(url).display()}; ask a Desk "
        "administrator to give it access")
    error.quit_button.click()
    qtbot.waitUntil(task.done, timeout=30_000)
    assert task.result() is None


def test_sqlite_keeps_the_picker_and_a_new_file_is_private(qtbot, start, tmp_path: Path,
                                                          ui_settings):
    path = tmp_path / "private.sqlite3"
    open_database(str(path), create=True).dispose()  # as `desk db upgrade` makes it
    startup, task = start(str(path))
    admin = dialog_of(qtbot, startup, FirstAdminDialog)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600  # readable by its owner only
    admin.username.setText("ada")
    admin.ok_button.click()
    qtbot.waitUntil(task.done, timeout=20_000)
    window = task.result()
    people.create_user(window.runner.db, "bo", "Bo Agent")
    window._close_approved = True
    window.close()
    ui_settings.clear()  # nobody remembered: the picker asks

    second, task2 = start(str(path))
    picker = dialog_of(qtbot, second, UserPickDialog)
    picker.choose("bo")
    picker.accept()
    qtbot.waitUntil(task2.done, timeout=20_000)
    assert task2.result().me.username == "bo"
