"""The database boundary: URL parsing of any text, append-only history in the database itself,
connection settings (SQLite durability, PostgreSQL time limits and keepalives)."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from desk.db.session import open_database
from desk.db.url import DatabaseTarget, parse_db_url
from desk.errors import ConfigError, DeskError
from desk.models import AuditEntry

_URLISH = st.one_of(
    st.text(),
    st.builds(lambda scheme, rest: f"{scheme}://{rest}",
              st.sampled_from(["postgresql", "postgresql+psycopg", "postgres", "sqlite",
                               "mysql", ""]),
              st.text(alphabet=st.sampled_from("ab:@[]/?=&%.#~ 1\x00pwd"), max_size=30)),
)


@settings(max_examples=400, deadline=None)
@given(_URLISH)
def test_any_text_is_a_usable_target_or_one_clear_line(raw):
    try:
        target = parse_db_url(raw)
    except ConfigError as err:
        assert str(err) and "\n" not in str(err)
        return
    assert isinstance(target, DatabaseTarget)
    assert target.is_sqlite or target.is_postgresql
    assert target.display() and target.keyring_key()
    if target.is_sqlite:
        assert target.sqlite_path is not None and target.sqlite_path.is_absolute()
    else:
        assert target.url.password is None
        assert not {k.lower() for k in target.url.query} & {"password", "host", "user"}
        assert target.url.port is None or 0 < target.url.port < 65536


def _history(db) -> None:
    from tests.demo.conftest import demo

    demo(db, 3)
    with db.write() as s:
        s.add(AuditEntry(actor_id=None, table_name="tickets", record_id=uuid.uuid4(),
                         field="title", old_value="a", new_value="b"))


@pytest.mark.parametrize("statement", [
    "UPDATE ticket_events SET new_value = 'forged'",
    "DELETE FROM ticket_events",
    "UPDATE worklog_entries SET body = 'forged'",
    "DELETE FROM worklog_entries",
    "UPDATE audit_entries SET new_value = 'forged'",
    "DELETE FROM audit_entries",
])
def test_history_is_append_only_in_the_database(db, statement):
    _history(db)
    table = statement.split()[1] if statement.startswith("UPDATE") else statement.split()[2]
    with db.read_statements() as conn:
        before = conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one()
    assert before > 0
    # Raw SQL, as a script or a SQL console would send it, past the ORM's own refusal.
    with pytest.raises(DeskError, match=f"{table} is append-only"), db.write() as s:
        s.execute(text(statement))
    with db.read_statements() as conn:
        assert conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one() == before
        assert conn.exec_driver_sql(
            f"SELECT count(*) FROM {table} WHERE "
            f"{'body' if table == 'worklog_entries' else 'new_value'} = 'forged'"
        ).scalar_one() == 0


def test_truncating_history_is_refused_on_postgresql(pg_url):
    db = open_database(pg_url)
    try:
        _history(db)
        with (pytest.raises(DeskError, match="ticket_events is append-only"),
              db.write() as s):
            s.execute(text("TRUNCATE ticket_events CASCADE"))
    finally:
        db.dispose()


def test_embedded_database_syncs_every_commit(sqlite_db):
    with sqlite_db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_console_connections_have_a_statement_time_limit_admin_ones_none(pg_url):
    console = open_database(pg_url)
    admin = open_database(pg_url, admin=True)
    try:
        with console.engine.connect() as conn:
            assert conn.exec_driver_sql("SHOW statement_timeout").scalar() == "30s"
        with admin.engine.connect() as conn:
            assert conn.exec_driver_sql("SHOW statement_timeout").scalar() == "0"
        with console.engine.connect() as conn:
            # Keepalives and tcp_user_timeout are libpq settings of the client socket; the
            # connection reports what it was opened with.
            dsn = conn.connection.driver_connection.info.dsn
        assert "keepalives_idle=5" in dsn and "tcp_user_timeout=10000" in dsn, dsn
    finally:
        console.dispose()
        admin.dispose()


def test_a_stuck_console_statement_is_cancelled_with_a_message(pg_url, monkeypatch):
    from desk.db import engine as engine_mod

    monkeypatch.setattr(engine_mod, "PG_CONSOLE_STATEMENT_TIMEOUT_S", 1)
    db = open_database(pg_url)
    try:
        with pytest.raises(DeskError, match="took longer than 1 s to answer"), db.read() as s:
            s.execute(text("SELECT pg_sleep(5)"))
    finally:
        db.dispose()


def test_a_writer_waits_a_bounded_time_then_hears_who_holds_the_lock(sqlite_db, monkeypatch):
    import sqlite3

    from desk.db import engine as engine_mod
    from desk.services import people

    monkeypatch.setattr(engine_mod, "SQLITE_BUSY_TIMEOUT_MS", 200)
    holder = sqlite3.connect(sqlite_db.target.sqlite_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program keeps the write lock
    try:
        with pytest.raises(DeskError, match="locked by another program"):
            people.create_user(sqlite_db, "kim", "Kim")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    people.create_user(sqlite_db, "kim", "Kim")  # the lock is free: the save goes through
    assert people.find_user(sqlite_db, "kim") is not None
