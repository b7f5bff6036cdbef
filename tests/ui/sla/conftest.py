"""Fixtures for the SLA views: the default calendars and policies on a real database, a
team, and times chosen so clocks are at known points (explicit ``at=`` on every write)."""

from __future__ import annotations

import gc
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
import shiboken6
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from desk.db.session import Database
from desk.services import people, tickets
from desk.services.people import CurrentUser
from desk.slaops.admin import start_sla
from desk.slaops.queue_views import unregister_queue_parts
from desk.ui.worker import DbRunner
from tests.factories import Team, make_team

# Monday 2 March 2026, 09:00 UTC: "Standard business hours" are Mon–Fri 09–17 UTC.
MON = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
H = timedelta(hours=1)
M = timedelta(minutes=1)


@dataclass(frozen=True)
class SlaDesk:
    db: Database
    team: Team

    def create(self, at: datetime, impact: int = 3, urgency: int = 1, title: str = "Mail is down",
               **kw: object) -> tickets.TicketView:
        """A ticket in the team's group; impact 3 × urgency 1 is P3, 1 × 1 is P1 (24×7)."""
        view, _ = tickets.create_ticket(
            self.db, self.team.agent.id,
            tickets.NewTicket(kind=kw.pop("kind", "incident"), title=title, impact=impact,
                              urgency=urgency,
                              group_id=kw.pop("group_id", self.team.group.id),
                              **kw),  # type: ignore[arg-type]
            at=at)
        return view

    def move(self, ticket_id: uuid.UUID, at: datetime, **changes: object) -> tickets.TicketView:
        current = tickets.get_ticket(self.db, ticket_id)
        view, _ = tickets.update_ticket(self.db, self.team.agent.id, current.id,
                                        current.row_version, changes, at=at)
        return view

    def user(self, which: str = "agent") -> CurrentUser:
        found = people.current_user(self.db, getattr(self.team, which).username)
        assert found is not None
        return found


@pytest.fixture
def sla(db: Database) -> Iterator[SlaDesk]:
    start_sla(db)
    yield SlaDesk(db, make_team(db))
    unregister_queue_parts()


@pytest.fixture
def sla_runner(qtbot, sla: SlaDesk) -> Iterator[DbRunner]:
    r = DbRunner(sla.db)
    yield r
    r.shutdown()
    r.deleteLater()


@pytest.fixture
def keep(qtbot, sla_runner: DbRunner) -> Iterator[Callable[[QWidget], QWidget]]:
    """Hold top-level widgets until the test ends, then delete them here, on the GUI thread.

    A widget left to Python's collector may be collected on the database worker's thread
    (which runs Python code too), and Qt objects must die on the thread they live on.
    """
    held: list[QWidget] = []

    def hold(widget: QWidget) -> QWidget:
        qtbot.addWidget(widget)
        held.append(widget)
        return widget

    yield hold
    qtbot.waitUntil(lambda: sla_runner.pending == 0, timeout=10_000)
    for widget in held:
        if isValid(widget):
            widget.close()
            shiboken6.delete(widget)
    held.clear()
    gc.collect()
