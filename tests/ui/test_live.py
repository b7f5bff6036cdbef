"""Live updates in the console: another console's new ticket appears in the queue without F5,
and the status bar says whether changes arrive by themselves."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import shiboken6
from sqlalchemy import text

from desk.db.live import start_position
from desk.db.session import Database, open_database
from desk.services import tickets
from desk.services.people import CurrentUser
from desk.ui.live import LIVE_ORIGIN, LiveUpdates
from desk.ui.main_window import MainWindow
from desk.ui.worker import DbRunner
from tests.factories import make_ticket
from tests.ui.conftest import World


@pytest.fixture
def other_console(db: Database) -> Iterator[Database]:
    """A second console's connection to the same database (its own engine and pool)."""
    other = open_database(db.target)
    yield other
    other.dispose()


@pytest.fixture
def live_window(qtbot, runner: DbRunner, me: CurrentUser, drafts, ui_settings
                ) -> Iterator[tuple[MainWindow, LiveUpdates]]:
    live = LiveUpdates(runner, start_position(runner.db))
    window = MainWindow(runner, me, settings=ui_settings, drafts=drafts)
    live.status_changed.connect(window.show_live)
    window.show()
    window.pane.show_view("builtin:all")
    qtbot.waitUntil(lambda: runner.pending == 0 and not window.pane.model.loading,
                    timeout=10_000)
    yield window, live
    live.stop()
    assert live.listener.join(20)
    window._close_approved = True
    window.close()
    shiboken6.delete(window)
    live.deleteLater()


def titles(window: MainWindow) -> set[str]:
    model = window.pane.model
    return {model.row_at(r).title for r in range(model.rowCount())}


def test_another_consoles_new_ticket_appears_without_refreshing(qtbot, world: World,
                                                                 other_console, live_window):
    window, _live = live_window
    qtbot.waitUntil(lambda: window.live_label.text() == "Live", timeout=20_000)
    assert "Toner empty" not in titles(window)
    arrived: list[str] = []
    window.runner.changed.connect(lambda _c, origin: arrived.append(origin))
    make_ticket(other_console, world.team, title="Toner empty")  # another console's write
    qtbot.waitUntil(lambda: "Toner empty" in titles(window), timeout=20_000)
    assert LIVE_ORIGIN in arrived  # through the broadcast, not a timer of the queue


@pytest.mark.pg
@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_status_bar_says_offline_and_live_again(qtbot, world: World, other_console,
                                                live_window):
    window, _live = live_window
    qtbot.waitUntil(lambda: window.live_label.text() == "Live", timeout=20_000)
    with other_console.engine.begin() as conn:
        conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          "WHERE datname = current_database() AND query LIKE 'LISTEN%'"))
    qtbot.waitUntil(lambda: window.live_label.text() == "Offline — reconnecting…",
                    timeout=20_000)
    make_ticket(other_console, world.team, title="While offline")
    qtbot.waitUntil(lambda: window.live_label.text() == "Live", timeout=20_000)
    qtbot.waitUntil(lambda: "While offline" in titles(window), timeout=20_000)


@pytest.mark.pg
@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_an_open_ticket_follows_another_consoles_edit(qtbot, world: World, other_console,
                                                      live_window):
    window, _live = live_window
    qtbot.waitUntil(lambda: window.live_label.text() == "Live", timeout=20_000)
    view = make_ticket(other_console, world.team, title="Old title")
    form = window.open_ticket(view.id)
    qtbot.waitUntil(lambda: form.ready and form.title.text() == "Old title", timeout=10_000)
    tickets.update_ticket(other_console, world.team.agent.id, view.id, view.row_version,
                          {"title": "Title from the other console"})
    qtbot.waitUntil(lambda: form.title.text() == "Title from the other console",
                    timeout=20_000)
    assert not form.has_unsaved()
