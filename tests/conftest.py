"""Shared fixtures: real SQLite files, real throwaway PostgreSQL databases, offscreen Qt.

PostgreSQL: ``DESK_TEST_PG`` (default ``postgresql://postgres@127.0.0.1:5432``) names a
server; each test database is created and dropped here. Without a reachable server the PG
tests skip with the reason — unless ``DESK_REQUIRE_PG=1``, where that is a failure.
"""

from __future__ import annotations

import os

# Before anything imports Qt: with neither DISPLAY nor this, Qt aborts the process.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never touch the developer's real Desk configuration from tests.
os.environ.pop("DESK_DB", None)

import gc
import uuid
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from sqlalchemy.engine import make_url

from desk.db.session import Database, open_database

PG_SERVER = os.environ.get("DESK_TEST_PG", "postgresql://postgres@127.0.0.1:5432")
REQUIRE_PG = os.environ.get("DESK_REQUIRE_PG") == "1"


class MemoryKeyring(KeyringBackend):
    """A keyring for tests only: the real app never stores passwords in plain memory maps."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


@pytest.fixture(autouse=True, scope="session")
def collect_on_the_main_thread() -> Iterator[None]:
    """As in the app (desk/ui/gc.py): no automatic collection, which could run on a database
    worker thread and delete Qt widgets there; collect between tests on the main thread."""
    gc.disable()
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def _collect_after_test() -> Iterator[None]:
    yield
    gc.collect()


@pytest.fixture(autouse=True)
def memory_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    monkeypatch.setenv("DESK_CONFIG", str(tmp_path / "desk-config.json"))
    yield backend
    keyring.set_keyring(previous)


def _pg_admin_url() -> str:
    url = make_url(PG_SERVER)
    return url.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)


_pg_reason: str | None = None


def pg_available() -> str | None:
    """None when the server answers, else the reason it does not (cached)."""
    global _pg_reason
    if _pg_reason is None:
        try:
            import psycopg

            url = make_url(PG_SERVER)
            with psycopg.connect(host=url.host, port=url.port or 5432,
                                 user=url.username or "postgres", password=url.password,
                                 dbname=url.database or "postgres", connect_timeout=3):
                _pg_reason = ""
        except Exception as err:  # any failure means "no server for tests"
            _pg_reason = f"no PostgreSQL server at {PG_SERVER}: {str(err).splitlines()[0]}"
    return _pg_reason or None


def need_pg() -> None:
    reason = pg_available()
    if reason:
        if REQUIRE_PG:
            pytest.fail(f"DESK_REQUIRE_PG=1 but {reason}")
        pytest.skip(reason)


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database (dropped afterwards); yields its URL."""
    need_pg()
    import psycopg

    url = make_url(PG_SERVER)
    name = f"desk_test_{uuid.uuid4().hex[:12]}"
    params = dict(host=url.host, port=url.port or 5432, user=url.username or "postgres",
                  password=url.password, dbname=url.database or "postgres", autocommit=True)
    with psycopg.connect(**params) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield url.set(drivername="postgresql+psycopg", database=name).render_as_string(
        hide_password=False)
    with psycopg.connect(**params) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        # Migration 0008's group roles are cluster-wide: drop them with their database.
        for (role,) in conn.execute("SELECT rolname FROM pg_roles WHERE rolname LIKE %s",
                                    (f"desk_{name}_%",)).fetchall():
            conn.execute(f'DROP ROLE "{role}"')


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'desk.sqlite3'}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh database URL on each backend in turn."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'desk.sqlite3'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    """A migrated, empty Desk database, on SQLite and on PostgreSQL."""
    database = open_database(db_url)
    yield database
    database.dispose()


@pytest.fixture
def sqlite_db(sqlite_url: str) -> Iterator[Database]:
    database = open_database(sqlite_url)
    yield database
    database.dispose()
