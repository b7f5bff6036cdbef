"""The PostgreSQL change feed: nothing skipped, nothing twice, pruning forces a reload."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import timedelta

import psycopg
import pytest
from sqlalchemy import insert, text
from sqlalchemy.engine import make_url

from desk.cli import main
from desk.db.feed import CHANNEL, Change, PositionPruned, current_position, prune, read_after
from desk.db.session import Database, open_database
from desk.errors import DeskError
from desk.models import Organization, Setting
from desk.services.people import create_organization


@pytest.fixture
def pg_db(pg_url: str) -> Iterator[Database]:
    db = open_database(pg_url)
    yield db
    db.dispose()


def _orgs(changes: list[Change]) -> list[tuple[str, str]]:
    return [(c.table, c.op) for c in changes if c.table == "organizations"]


@pytest.mark.pg
def test_a_transaction_that_started_earlier_and_commits_later_is_not_skipped(pg_db):
    position = current_position(pg_db)
    with pg_db.engine.connect() as slow:
        slow.execute(insert(Organization).values(name="Slow Ltd"))  # begun, not committed
        fast, _ = create_organization(pg_db, "Fast Ltd")

        changes, position = read_after(pg_db, position)
        assert [c.row_id for c in changes if c.table == "organizations"] == [str(fast.id)]

        slow_id = slow.execute(text("SELECT id FROM organizations WHERE name = 'Slow Ltd'")
                               ).scalar_one()
        slow.commit()

    changes, position = read_after(pg_db, position)
    assert [(c.row_id, c.op) for c in changes] == [(str(slow_id), "I")]
    # Read again from the new position: nothing is delivered twice.
    assert read_after(pg_db, position)[0] == []


@pytest.mark.pg
def test_updates_and_deletes_are_recorded_with_the_row_key(pg_db):
    position = current_position(pg_db)
    with pg_db.engine.begin() as conn:
        conn.execute(insert(Setting).values(key="auto_close_days", value=5))
        conn.execute(text("UPDATE settings SET value = '6' WHERE key = 'auto_close_days'"))
        conn.execute(text("DELETE FROM settings WHERE key = 'auto_close_days'"))
    changes, _ = read_after(pg_db, position)
    assert changes == [Change("settings", "auto_close_days", op) for op in "IUD"]


@pytest.mark.pg
def test_a_rolled_back_change_never_appears(pg_db):
    position = current_position(pg_db)
    with pg_db.engine.connect() as conn:
        conn.execute(insert(Organization).values(name="Never Ltd"))
        conn.rollback()
    assert read_after(pg_db, position)[0] == []


@pytest.mark.pg
def test_commit_sends_a_wake_up_notification(pg_db, pg_url):
    from sqlalchemy.engine import make_url

    url = make_url(pg_url)
    with psycopg.connect(host=url.host, port=url.port or 5432, user=url.username,
                         dbname=url.database, autocommit=True) as listener:
        listener.execute(f"LISTEN {CHANNEL}")
        create_organization(pg_db, "Loud Ltd")
        got = [n.payload for n in listener.notifies(timeout=10, stop_after=1)]
    assert got == ["organizations"]


@pytest.mark.pg
def test_a_reader_behind_the_pruned_part_must_reload(pg_db):
    old = current_position(pg_db)
    create_organization(pg_db, "Old news Ltd")
    assert prune(pg_db, timedelta(0)) >= 1

    with pytest.raises(PositionPruned) as caught:
        read_after(pg_db, old)
    # After reloading, the reader goes on from the position it was handed.
    create_organization(pg_db, "Fresh Ltd")
    changes, _ = read_after(pg_db, caught.value.position)
    assert _orgs(changes) == [("organizations", "I")]


@pytest.mark.pg
def test_pruning_keeps_recent_entries(pg_db):
    position = current_position(pg_db)
    create_organization(pg_db, "Recent Ltd")
    assert prune(pg_db, timedelta(days=7)) == 0
    assert _orgs(read_after(pg_db, position)[0]) == [("organizations", "I")]


def test_db_prune_on_sqlite_is_a_clear_error(sqlite_url, capsys):
    open_database(sqlite_url).dispose()
    assert main(["db", "prune", "--db", sqlite_url]) == 2
    assert capsys.readouterr().err.strip() == (
        "desk: error: Only a PostgreSQL database keeps a change feed")


@pytest.mark.pg
def test_db_prune_command(pg_db, pg_url, capsys):
    create_organization(pg_db, "Pruned Ltd")
    assert main(["db", "prune", "--keep-days", "0", "--db", pg_url]) == 0
    assert "Removed 0 " not in capsys.readouterr().out
    assert main(["db", "prune", "--keep-days", "0", "--db", pg_url]) == 0
    assert capsys.readouterr().out.strip() == "Removed 0 change-feed entries"


@pytest.mark.pg
def test_a_long_transaction_in_another_database_holds_nothing_back(pg_db):
    from tests.conftest import PG_SERVER

    url = make_url(PG_SERVER)
    with psycopg.connect(host=url.host, port=url.port or 5432, user=url.username or "postgres",
                         dbname=url.database or "postgres") as elsewhere:
        elsewhere.execute("SELECT pg_current_xact_id()")  # an open writing transaction
        create_organization(pg_db, "Old news Ltd")
        assert prune(pg_db, timedelta(0)) >= 1
        # A reader that loads after the prune reads on without being told to reload.
        position = current_position(pg_db)
        create_organization(pg_db, "Fresh Ltd")
        assert _orgs(read_after(pg_db, position)[0]) == [("organizations", "I")]
        elsewhere.rollback()


@pytest.mark.pg
def test_people_read_the_feed_with_their_own_login(pg_db, pg_url):
    from desk.services import admin_users

    login = f"f{uuid.uuid4().hex[:8]}"
    admin_users.add_user(pg_db, login, "Fay", "field")
    reader = open_database(make_url(pg_url).set(username=login).render_as_string(
        hide_password=False))
    try:
        position = current_position(reader)
        create_organization(pg_db, "Seen Ltd")
        assert _orgs(read_after(reader, position)[0]) == [("organizations", "I")]
        with pytest.raises(DeskError, match="Only an administrator can prune"):
            prune(reader, timedelta(0))
    finally:
        reader.dispose()
        with pg_db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text(f'DROP ROLE "{login}"'))
