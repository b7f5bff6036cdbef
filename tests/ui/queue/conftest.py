"""Queue pane fixtures: a team with tickets on the ``db`` fixture, a DbRunner, the pane."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

import desk.models.views  # noqa: F401  (saved_views; until desk.models imports it)
from desk.db.session import Database
from desk.services import people
from desk.services.people import CurrentUser
from desk.ui.worker import DbRunner
from tests.factories import Team, make_team

# The offscreen platform's notes about top-level windows and popups (dialogs, message boxes).
OFFSCREEN_ONLY = ("This plugin does not support raise",
                  "This plugin does not support grabbing",
                  "This plugin does not support propagateSizeHints")


@pytest.fixture
def team(db: Database) -> Team:
    return make_team(db)


@pytest.fixture
def me(db: Database, team: Team) -> CurrentUser:
    user = people.current_user(db, team.agent.username)
    assert user is not None
    return user


@pytest.fixture
def qrunner(qtbot, db: Database) -> Iterator[DbRunner]:
    runner = DbRunner(db)
    yield runner
    runner.shutdown()


@pytest.fixture
def make_pane(qtbot, qrunner: DbRunner, me: CurrentUser) -> Iterator[Callable[..., object]]:
    from desk.ui.queue.pane import QueuePane

    panes: list[QueuePane] = []

    def make(view: int | None = None) -> QueuePane:
        pane = QueuePane(qrunner, me)
        qtbot.addWidget(pane)
        panes.append(pane)
        pane.resize(1100, 700)
        pane.show()
        qtbot.waitUntil(lambda: pane.views.count() >= 6 and qrunner.pending == 0,
                        timeout=10_000)
        if view is not None:
            pane.switch_view(view)
            qtbot.waitUntil(lambda: not pane.model.loading and pane.model.count_known
                            and qrunner.pending == 0, timeout=10_000)
        return pane

    yield make
    for pane in panes:  # before the runner shuts down
        pane.close()


def idle(qtbot, runner: DbRunner, timeout: int = 10_000) -> None:
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=timeout)
