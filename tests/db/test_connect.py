"""Opening databases: URLs, passwords (keyring / prompt), and the messages users see."""

from __future__ import annotations

import logging

import pytest

from desk.db.secrets import PasswordStore
from desk.db.session import open_database
from desk.db.url import parse_db_url
from desk.errors import (
    AuthenticationFailed,
    ConfigError,
    ConnectionFailed,
    ReadOnlyDatabase,
)
from desk.services import people

SECRET = "correct horse"


def test_password_in_url_is_refused_and_not_echoed():
    with pytest.raises(ConfigError) as err:
        parse_db_url("postgresql://agent:hunter2@db.example/desk")
    assert "hunter2" not in str(err.value)


def test_bad_url_and_unsupported_backend():
    with pytest.raises(ConfigError, match="Unsupported database 'mysql'"):
        parse_db_url("mysql://root@localhost/desk")
    with pytest.raises(ConfigError, match="names no database"):
        parse_db_url("postgresql://agent@host")


def test_bare_path_means_sqlite_file(tmp_path):
    target = parse_db_url(str(tmp_path / "x.db"))
    assert target.is_sqlite and target.sqlite_path == tmp_path / "x.db"


def test_unreachable_server_is_one_clear_message():
    with pytest.raises(ConnectionFailed, match="connection refused"):
        open_database("postgresql+psycopg://agent@127.0.0.1:1/desk")


def test_wrong_password_is_refused_without_revealing_it(scram_server, memory_keyring, caplog):
    caplog.set_level(logging.DEBUG)
    url = f"postgresql+psycopg://agent@{scram_server}/desk"
    target = parse_db_url(url)
    memory_keyring.set_password("desk", target.keyring_key(), "wrong horse")
    with pytest.raises(AuthenticationFailed) as err:
        open_database(url)
    assert "Wrong password for user 'agent'" in str(err.value)
    assert "wrong horse" not in str(err.value) and "wrong horse" not in caplog.text


def test_keyring_password_opens_the_server(scram_server, memory_keyring):
    url = f"postgresql+psycopg://agent@{scram_server}/desk"
    PasswordStore().save(parse_db_url(url), SECRET)
    assert memory_keyring.store  # kept in the keyring, nowhere else
    db = open_database(url)
    try:
        assert SECRET not in repr(db.engine) and SECRET not in str(db.engine.url)
        people.create_user(db, "agent1", "Agent One")
        assert people.find_user(db, "agent1") is not None
    finally:
        db.dispose()


def test_without_keyring_the_prompt_is_asked_and_retried(scram_server, memory_keyring):
    import keyring
    from keyring.backends.fail import Keyring as NoKeyring

    keyring.set_keyring(NoKeyring())
    answers = iter(["typo", SECRET])
    asked: list[str] = []

    def prompt(text: str) -> str:
        asked.append(text)
        return next(answers)

    store = PasswordStore(prompt=prompt)
    db = open_database(f"postgresql+psycopg://agent@{scram_server}/desk", store)
    db.dispose()
    assert len(asked) == 2 and "agent@" in asked[0]
    with pytest.raises(Exception, match="No system keyring"):
        store.save(parse_db_url(f"postgresql+psycopg://agent@{scram_server}/desk"), SECRET)


def test_read_only_sqlite_file_gives_a_clear_message(tmp_path):
    from sqlalchemy import create_engine

    from desk.db.session import Database

    path = tmp_path / "ro.sqlite3"
    open_database(f"sqlite:///{path}").dispose()
    # mode=ro: a file the user may read but not write (root ignores chmod, SQLite does not).
    engine = create_engine(f"sqlite:///file:{path}?mode=ro&uri=true")
    db = Database(parse_db_url(str(path)), engine)
    with pytest.raises(ReadOnlyDatabase, match="read-only"):
        people.create_user(db, "x", "X")
    engine.dispose()


def test_sqlite_pragmas(sqlite_db):
    with sqlite_db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_not_a_database_file(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("hello " * 1000)
    with pytest.raises(ConfigError, match="not a Desk database"):
        open_database(str(path))
