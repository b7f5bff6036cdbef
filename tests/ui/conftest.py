"""Fixtures for the console's window and ticket form: real databases, real widgets.

Each test gets its own QSettings file and drafts folder, so nothing touches the developer's
real settings and tests never see each other's drafts.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desk.db.session import Database
from desk.drafts import DraftStore, database_key
from desk.models import Category, Contact, Organization
from desk.services import people
from desk.services.people import CurrentUser
from desk.ui.worker import DbRunner
from tests.factories import Team, make_team


@dataclass(frozen=True)
class World:
    """A small desk: a team, two organizations with contacts, a category tree."""

    db: Database
    team: Team
    org_ids: dict[str, uuid.UUID]
    contact_ids: dict[str, uuid.UUID]
    category_ids: dict[str, uuid.UUID]


def make_world(db: Database) -> World:
    team = make_team(db)
    # No service creates organizations or contacts yet: insert them through the ORM.
    with db.write() as s:
        acme = Organization(name="Acme Ltd")
        globex = Organization(name="Globex")
        s.add_all([acme, globex])
        s.flush()
        alice = Contact(name="Alice Archer", email="alice@acme.example",
                        organization_id=acme.id)
        albert = Contact(name="Albert Ames", email="albert@globex.example",
                         organization_id=globex.id)
        bob = Contact(name="Bob Baker", email="bob@acme.example", organization_id=acme.id)
        s.add_all([alice, albert, bob])
        hardware = Category(name="Hardware")
        s.add(hardware)
        s.flush()
        printer = Category(name="Printer", parent_id=hardware.id)
        network = Category(name="Network")
        s.add_all([printer, network])
        s.flush()
        orgs = {"acme": acme.id, "globex": globex.id}
        contacts = {"alice": alice.id, "albert": albert.id, "bob": bob.id}
        cats = {"hardware": hardware.id, "printer": printer.id, "network": network.id}
    return World(db, team, orgs, contacts, cats)


@pytest.fixture
def world(db: Database) -> World:
    return make_world(db)


@pytest.fixture
def me(world: World) -> CurrentUser:
    user = people.current_user(world.db, world.team.agent.username)
    assert user is not None
    return user


@pytest.fixture
def runner(qtbot, db: Database) -> Iterator[DbRunner]:
    r = DbRunner(db)
    yield r
    r.shutdown()
    r.deleteLater()  # its timer must be destroyed on the GUI thread, not by a late GC


@pytest.fixture
def drafts(tmp_path: Path) -> DraftStore:
    return DraftStore(tmp_path / "drafts")


@pytest.fixture
def ui_settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_form(qtbot, runner: DbRunner, me: CurrentUser, drafts: DraftStore,
              db: Database) -> Callable[..., object]:
    from desk.ui.ticket.form import TicketForm

    def make(ticket_id: uuid.UUID | None = None, kind: str = "incident",
             wait: bool = True) -> TicketForm:
        form = TicketForm(runner, me, drafts, database_key(db.target), ticket_id=ticket_id,
                          kind=kind)
        qtbot.addWidget(form)
        form.resize(1000, 800)
        form.show()
        if wait:
            qtbot.waitUntil(lambda: form.ready and form.fields.group.count() > 0, timeout=10_000)
            qtbot.waitUntil(form.fields.assignment.settled, timeout=10_000)
        return form

    return make


# What the offscreen platform says about popups and top-level windows it cannot manage
# (raise, keyboard grabs, size hints): harmless there, and never emitted on a real display.
OFFSCREEN_ONLY = ("This plugin does not support raise",
                  "This plugin does not support grabbing",
                  "This plugin does not support propagateSizeHints")
OFFSCREEN_POPUP = pytest.mark.qt_log_ignore(*OFFSCREEN_ONLY)
HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Apply OFFSCREEN_ONLY to this folder's own tests and the ticket form's (not queue/ or
    cmdb/, not others)."""
    for item in items:
        path = Path(str(item.fspath)).resolve()
        if path.parent in (HERE, HERE / "ticket"):
            item.add_marker(OFFSCREEN_POPUP)


def idle(qtbot, runner: DbRunner, timeout: int = 10_000) -> None:
    """Wait until the database worker has answered everything asked of it."""
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=timeout)


@pytest.fixture
def aio_loop(qapp) -> Iterator[asyncio.AbstractEventLoop]:
    """The qasync loop on pytest-qt's running QApplication (see TOOLCHAIN.md's pitfalls):
    coroutines advance whenever Qt processes events, e.g. inside ``qtbot.waitUntil``."""
    import qasync

    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    yield loop
    for task in asyncio.all_tasks(loop):
        task.cancel()
    qapp.processEvents()
    asyncio.events._set_running_loop(None)
    asyncio.set_event_loop(None)
