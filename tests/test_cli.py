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
