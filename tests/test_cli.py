"""The ``desk`` command: maintenance commands and the one-line errors users see."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from sqlalchemy import text

from desk import __version__
from desk.cli import main
from desk.db.session import open_database


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_version_through_the_real_entry_point():
    result = subprocess.run([sys.executable, "-m", "desk", "--version"],
                            capture_output=True, text=True, check=True)
    assert result.stdout.strip() == f"desk {__version__}"


def test_upgrade_then_current(capsys, tmp_path):
    db = tmp_path / "a.sqlite3"
    code, out, _ = run(capsys, "db", "upgrade", "--db", str(db))
    assert code == 0 and "is at schema" in out
    code, out, _ = run(capsys, "db", "current", "--db", str(db))
    assert code == 0 and "(current;" in out


def test_backup_makes_a_usable_copy_and_refuses_to_overwrite(capsys, tmp_path):
    from desk.services import people

    src = tmp_path / "a.sqlite3"
    live = open_database(str(src))
    people.create_user(live, "kim", "Kim")
    live.dispose()
    copy = tmp_path / "copy.sqlite3"
    code, out, _ = run(capsys, "db", "backup", str(copy), "--db", str(src))
    assert code == 0 and str(copy) in out
    restored = open_database(str(copy))
    assert people.find_user(restored, "kim") is not None
    restored.dispose()
    code, _, err = run(capsys, "db", "backup", str(copy), "--db", str(src))
    assert code == 2 and "exists already" in err


def test_backup_of_postgresql_uses_pg_dump(capsys, pg_url, tmp_path):
    open_database(pg_url).dispose()
    dest = tmp_path / "pg.dump"
    code, _, err = run(capsys, "db", "backup", str(dest), "--db", pg_url)
    assert code == 0, err
    assert dest.read_bytes().startswith(b"PGDMP")


@pytest.mark.parametrize("argv, message", [
    (["db", "current", "--db", "mysql://root@x/y"], "Unsupported database 'mysql'"),
    (["db", "current", "--db", "postgresql+psycopg://agent:pw@127.0.0.1/x"],
     "Put no password in the database URL"),
    (["db", "current", "--db", "postgresql+psycopg://agent@127.0.0.1:1/x"],
     "connection refused"),
])
def test_errors_are_one_line_and_exit_2(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err and ":pw@" not in err


def test_newer_database_is_refused_by_every_command(capsys, tmp_path):
    path = tmp_path / "future.sqlite3"
    db = open_database(str(path))
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffff'"))
    db.dispose()
    for argv in (["db", "upgrade"], ["demo", "--tickets", "1"], ["db", "current"]):
        code, _, err = run(capsys, *argv, "--db", str(path))
        if argv == ["db", "current"]:
            assert code == 0  # reporting the revision is how a user finds out
        else:
            assert code == 2 and "newer Desk" in err, argv


def test_db_use_remembers_the_database_without_a_password(capsys, tmp_path, monkeypatch):
    code, out, _ = run(capsys, "db", "use", "postgresql+psycopg://agent@dbhost:5433/desk")
    assert code == 0 and "agent@dbhost:5433/desk" in out
    from desk import config

    stored = json.loads(config.config_path().read_text())
    assert stored == {"database": "postgresql+psycopg://agent@dbhost:5433/desk"}
    path = tmp_path / "b.sqlite3"
    run(capsys, "db", "use", str(path))
    code, out, _ = run(capsys, "db", "upgrade")
    assert code == 0 and str(path) in out


def test_password_command_without_a_terminal_stores_nothing(capsys, memory_keyring):
    code, _, err = run(capsys, "db", "password", "--db", "postgresql+psycopg://a@h/d")
    assert code == 2 and "No password entered" in err
    assert memory_keyring.store == {}


# ---------------------------------------------------------------- the database boundary


def _tickets_in(path) -> int:
    db = open_database(str(path), create=False)
    try:
        with db.read_statements() as conn:
            return conn.exec_driver_sql("SELECT count(*) FROM tickets").scalar_one()
    finally:
        db.dispose()


@pytest.mark.parametrize("argv", [
    ["db", "current"], ["sla", "report"], ["cmdb", "impact", "db1"],
    ["cmdb", "export", "--cis", "out.csv"], ["db", "backup", "copy.sqlite3"]])
def test_a_mistyped_sqlite_path_is_named_not_created(capsys, tmp_path, monkeypatch, argv):
    monkeypatch.chdir(tmp_path)
    missing = tmp_path / "typo" / "mistyped.sqlite3"
    code, out, err = run(capsys, *argv, "--db", str(missing))
    assert code == 2 and out == "" and len(err.splitlines()) == 1
    assert f"There is no database file {missing}" in err and "desk db upgrade" in err
    assert not missing.parent.exists() and not (tmp_path / "out.csv").exists()


def test_only_upgrade_and_demo_create_a_database(capsys, tmp_path):
    code, _, _ = run(capsys, "db", "upgrade", "--db", str(tmp_path / "new" / "a.sqlite3"))
    assert code == 0 and (tmp_path / "new" / "a.sqlite3").exists()
    code, out, err = run(capsys, "demo", "--tickets", "30", "--quiet", "--db",
                         str(tmp_path / "b.sqlite3"))
    assert code == 0, err
    assert "30 tickets" in out and _tickets_in(tmp_path / "b.sqlite3") == 30


def test_demo_refuses_a_database_with_tickets_or_replaces_it(capsys, tmp_path):
    path = tmp_path / "demo.sqlite3"
    assert run(capsys, "demo", "--tickets", "40", "--quiet", "--db", str(path))[0] == 0
    code, out, err = run(capsys, "demo", "--tickets", "25", "--quiet", "--db", str(path))
    assert code == 2 and out == ""
    assert "already holds 40 tickets" in err and "--replace" in err
    assert _tickets_in(path) == 40
    code, out, err = run(capsys, "demo", "--tickets", "25", "--quiet", "--replace", "--db",
                         str(path))
    assert code == 0, err
    assert f"{path}: 25 tickets" in out and _tickets_in(path) == 25


@pytest.mark.parametrize("tickets", [str(10**20), str(10**9), "-1"])
def test_demo_tickets_are_bounded(capsys, tmp_path, tickets):
    path = tmp_path / "demo.sqlite3"
    code, out, err = run(capsys, "demo", "--tickets", tickets, "--db", str(path))
    assert code == 2 and out == "" and "--tickets must be between 0 and 5,000,000" in err
    assert not path.exists()


def test_a_big_demo_says_how_much_disk_it_needs(capsys, tmp_path, monkeypatch):
    import shutil
    from collections import namedtuple

    usage = namedtuple("usage", "total used free")
    # The real disk may well have room for 18 GB: pretend it has 1 GB free.
    monkeypatch.setattr(shutil, "disk_usage", lambda path: usage(10**10, 9 * 10**9, 10**9))
    code, _, err = run(capsys, "demo", "--tickets", "3000000", "--db",
                       str(tmp_path / "big.sqlite3"))
    assert code == 2 and "need about 18.3 GB of disk" in err and "1.0 GB free" in err
    assert not (tmp_path / "big.sqlite3").exists()


def test_demo_while_a_console_has_the_file_open(capsys, tmp_path):
    from desk.services import people

    path = tmp_path / "open.sqlite3"
    console = open_database(str(path))
    try:
        people.create_user(console, "kim", "Kim")  # the console holds a pooled connection
        code, out, err = run(capsys, "demo", "--tickets", "20", "--quiet", "--db", str(path))
        assert code == 0 and "20 tickets" in out, err
        assert people.find_user(console, "kim") is not None
    finally:
        console.dispose()
    assert _tickets_in(path) == 20


@pytest.mark.parametrize("url, message", [
    ("postgresql://agent@dbhost:x/desk", "bad host or port"),
    ("postgresql://agent@[::1/desk", "bad host or port"),
    ("postgresql://:@:/", "bad host or port"),
    ("postgresql://agent@dbhost:70000/desk", "Not a port number: 70000"),
    ("sqlite://", "in-memory SQLite database would be lost"),
    ("sqlite:///:memory:", "in-memory SQLite database would be lost"),
    ("postgresql://agent@dbhost/desk?password=hunter2", "Put no password in the database URL"),
    ("postgresql://agent@dbhost/desk?PassWord=hunter2", "Put no password in the database URL"),
    ("postgresql://agent@dbhost/desk?host=elsewhere", "not as ?host= options"),
])
def test_every_url_problem_is_one_line_and_exit_2(capsys, url, message):
    for argv in (["db", "current", "--db", url], ["demo", "--db", url], ["db", "use", url],
                 ["cmdb", "import", "--cis", "x.csv", "--db", url]):
        code, out, err = run(capsys, *argv)
        assert code == 2 and out == "", argv
        assert message in err and len(err.strip().splitlines()) == 1, (argv, err)
        assert "hunter2" not in err and "Traceback" not in err
    from desk import config

    assert not config.config_path().exists()  # 'db use' stored nothing


@pytest.mark.parametrize("content, message", [
    ('{"database": "/tmp/x.sqlite3",}', "is not valid JSON"),
    ('{"database": 5432}', '"database" must be a text'),
    ('["postgresql://a@h/d"]', "must hold a JSON object, not list"),
])
def test_a_broken_configuration_file_stops_with_its_name(capsys, content, message):
    from desk import config

    config.config_path().write_text(content, encoding="utf-8")
    for argv in (["db", "current"], ["db", "use", "postgresql://a@h/d"]):
        code, out, err = run(capsys, *argv)
        assert code == 2 and out == ""
        assert str(config.config_path()) in err and message in err
        assert len(err.strip().splitlines()) == 1
    assert config.config_path().read_text(encoding="utf-8") == content


def test_another_programs_database_is_left_alone(capsys, db_url):
    from sqlalchemy import create_engine, inspect

    engine = create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE customers (id integer PRIMARY KEY)"))
        conn.execute(text("CREATE TABLE orders (id integer PRIMARY KEY)"))
    for argv in (["db", "upgrade"], ["demo", "--tickets", "5", "--quiet"]):
        code, out, err = run(capsys, *argv, "--db", db_url)
        assert code == 2 and out == ""
        assert "not a Desk database" in err and "2 tables of another program (customers, " \
            "orders)" in err and "only in an empty database" in err
    code, out, _ = run(capsys, "db", "current", "--db", db_url)
    assert code == 0 and "foreign" in out
    assert set(inspect(engine).get_table_names()) == {"customers", "orders"}
    engine.dispose()


def _damage(path) -> None:
    """Overwrite pages in the middle of a SQLite file, as a failing disk would."""
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    with open(path, "r+b") as f:
        for n in range(pages // 2, pages // 2 + 8):
            f.seek(n * page)
            f.write(bytes([0x5A]) * page)


def test_a_damaged_sqlite_file_is_not_upgraded_written_or_backed_up(capsys, tmp_path):
    import sqlite3

    path = tmp_path / "damaged.sqlite3"
    assert run(capsys, "demo", "--tickets", "300", "--quiet", "--db", str(path))[0] == 0
    _damage(path)
    copy = tmp_path / "copy.sqlite3"
    # The check runs before every backup, even when the last one on open was recent.
    code, _, err = run(capsys, "db", "backup", str(copy), "--db", str(path))
    assert code == 2 and "is damaged" in err and "desk db backup" in err
    assert not copy.exists()
    code, _, err = run(capsys, "db", "upgrade", "--db", str(path))
    assert code == 2 and "is damaged" in err
    # On open, the check runs when the last passed one is a week old.
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 0")
    conn.close()
    for argv in (["db", "current"], ["sla", "report"]):
        code, out, err = run(capsys, *argv, "--db", str(path))
        assert code == 2 and out == "" and "is damaged" in err, argv
        assert len(err.strip().splitlines()) == 1


def test_a_healthy_file_is_checked_on_open_when_due_and_backups_are_verified(capsys,
                                                                            tmp_path):
    import sqlite3

    path = tmp_path / "ok.sqlite3"
    assert run(capsys, "db", "upgrade", "--db", str(path))[0] == 0
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 0")
    conn.close()
    assert run(capsys, "db", "current", "--db", str(path))[0] == 0
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] > 20_000  # days since 1970
    conn.close()
    code, out, _ = run(capsys, "db", "backup", str(tmp_path / "b.sqlite3"), "--db", str(path))
    assert code == 0 and "Backed up" in out


def test_demo_replace_on_postgresql(capsys, pg_url):
    assert run(capsys, "demo", "--tickets", "15", "--quiet", "--db", pg_url)[0] == 0
    code, _, err = run(capsys, "demo", "--tickets", "10", "--quiet", "--db", pg_url)
    assert code == 2 and "already holds 15 tickets" in err
    code, out, err = run(capsys, "demo", "--tickets", "10", "--quiet", "--replace", "--db",
                         pg_url)
    assert code == 0 and ": 10 tickets" in out, err
    db = open_database(pg_url, create=False)
    try:
        with db.read_statements() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM tickets").scalar_one() == 10
    finally:
        db.dispose()
