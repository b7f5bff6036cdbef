"""Live updates in the core: another console's commits reach a listener, nothing is missed,
a lost connection comes back and catches up; on SQLite a second console's write is noticed."""

from __future__ import annotations

import queue
import stat
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import insert, text

from desk.db.feed import prune
from desk.db.live import EVERYTHING, Listener, listen, start_position
from desk.db.session import Database, open_database
from desk.models import Organization
from desk.services import tickets
from desk.services.changes import Changes
from tests.factories import make_team, make_ticket

WAIT_S = 20  # bounded: a listener that never answers fails the test, it does not hang


class Inbox:
    """What a listener delivered, waited for with a bound."""

    def __init__(self) -> None:
        self.changes: queue.Queue[Changes] = queue.Queue()
        self.status: queue.Queue[bool] = queue.Queue()

    def next_changes(self, until: Callable[[Changes], bool]) -> Changes:
        """The first delivery (merged with earlier ones) for which ``until`` holds."""
        seen = Changes()
        while True:
            seen = seen | self.changes.get(timeout=WAIT_S)
            if until(seen):
                return seen

    def next_status(self) -> bool:
        return self.status.get(timeout=WAIT_S)


def _two(url: str) -> Iterator[tuple[Database, Database]]:
    """Two consoles' databases on one shared database (two engines, two pools)."""
    mine, theirs = open_database(url), open_database(url)
    yield mine, theirs
    mine.dispose()
    theirs.dispose()


@pytest.fixture
def two_consoles(db_url: str) -> Iterator[tuple[Database, Database]]:
    yield from _two(db_url)


@pytest.fixture
def two_pg_consoles(pg_url: str) -> Iterator[tuple[Database, Database]]:
    yield from _two(pg_url)


def _listening(consoles: tuple[Database, Database]
               ) -> Iterator[tuple[Inbox, Listener, Database, Database]]:
    mine, theirs = consoles
    inbox = Inbox()
    listener = listen(mine, start_position(mine), inbox.changes.put, inbox.status.put)
    assert inbox.next_status() is True
    yield inbox, listener, mine, theirs
    listener.stop()
    assert listener.join(WAIT_S)


@pytest.fixture
def listening(two_consoles) -> Iterator[tuple[Inbox, Listener, Database, Database]]:
    yield from _listening(two_consoles)


@pytest.fixture
def pg_listening(two_pg_consoles) -> Iterator[tuple[Inbox, Listener, Database, Database]]:
    yield from _listening(two_pg_consoles)


def test_another_consoles_new_ticket_arrives(listening):
    inbox, _listener, _mine, theirs = listening
    team = make_team(theirs)
    ticket = make_ticket(theirs, team, title="Scanner offline")
    got = inbox.next_changes(lambda c: c.touches("tickets"))
    if theirs.dialect == "postgresql":
        assert got.touches_ticket(ticket.id)
        assert ticket.id in got.ids("tickets")
    else:  # a file says only that something changed
        assert got == EVERYTHING


@pytest.mark.pg
def test_a_worklog_entry_names_its_ticket(pg_listening):
    inbox, _listener, _mine, theirs = pg_listening
    team = make_team(theirs)
    ticket = make_ticket(theirs, team)
    inbox.next_changes(lambda c: c.touches_ticket(ticket.id))
    entry, _ = tickets.add_worklog(theirs, team.agent.id, ticket.id, "internal", "Rebooted")
    got = inbox.next_changes(lambda c: c.touches("worklog_entries"))
    assert entry.id in got.ids("worklog_entries")
    assert got.touches_ticket(ticket.id)


@pytest.mark.pg
def test_a_transaction_begun_earlier_and_committed_later_is_not_missed(pg_listening):
    inbox, _listener, _mine, theirs = pg_listening
    with theirs.engine.connect() as slow:
        slow.execute(insert(Organization).values(name="Slow Ltd"))  # begun, not committed
        make_ticket(theirs, make_team(theirs))  # committed after it began: read first
        inbox.next_changes(lambda c: c.touches("tickets"))
        slow_id = slow.execute(text("SELECT id FROM organizations WHERE name = 'Slow Ltd'")
                               ).scalar_one()
        slow.commit()
    got = inbox.next_changes(lambda c: c.touches("organizations"))
    assert slow_id in got.ids("organizations")


@pytest.mark.pg
def test_a_lost_connection_goes_offline_reconnects_and_catches_up(pg_listening):
    inbox, _listener, _mine, theirs = pg_listening
    with theirs.engine.begin() as conn:
        killed = conn.execute(text(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND query LIKE 'LISTEN%'")).scalars().all()
    assert killed == [True]
    assert inbox.next_status() is False
    team = make_team(theirs)  # committed while the listener may still be offline
    ticket = make_ticket(theirs, team, title="Made while away")
    assert inbox.next_status() is True
    assert inbox.next_changes(lambda c: c.touches_ticket(ticket.id))


@pytest.mark.pg
def test_a_pruned_position_reloads_everything(two_pg_consoles):
    mine, theirs = two_pg_consoles
    old = start_position(mine)
    make_ticket(theirs, make_team(theirs))
    assert prune(theirs, timedelta(0)) >= 1
    inbox = Inbox()
    listener = listen(mine, old, inbox.changes.put, inbox.status.put)
    try:
        assert inbox.next_changes(lambda c: True) == EVERYTHING
    finally:
        listener.stop()
        assert listener.join(WAIT_S)


def test_a_new_database_file_is_private(tmp_path: Path):
    path = tmp_path / "new.sqlite3"
    open_database(str(path)).dispose()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
